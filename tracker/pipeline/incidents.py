"""Incidents as use cases: an 8-K read and stored; each incident linked to the annual disclosures before and
after it, and the later one checked (does its Item 1C mention the incident, does it still say nothing has
materially affected the company, which people, oversight or framework changes followed); the list `tracker
incidents` prints and the lines `diff` and `history` put on top. The rules are explained in docs/incidents.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.errors import BadInput
from tracker.store import Filer, Store
from tracker.store.incidents import (
    StoredIncident,
    add_incident,
    annual_dates,
    filer_id_with_incidents,
    has_incidents,
    incident_state,
    is_update,
    latest_reports,
    link_reasons,
    save_checks,
)

#: Facts whose change after an incident is a people, oversight or framework change that followed it.
FOLLOW_UP_FACTS = {
    "responsible_titles": "people",
    "people": "people",
    "responsible_people": "people",
    "reports_to": "people",
    "board_oversight": "oversight",
    "management_committees": "oversight",
    "briefing_frequency": "oversight",
    "frameworks": "framework",
    "certifications": "framework",
    "third_parties": "framework",
}
#: Words of an event: a sentence that speaks of a cybersecurity incident has one once the names of the program
#: that prepares for incidents ("incident response readiness") are taken out.
_EVENT_WORD = re.compile(
    r"\bincidents?\b|\b(?:cyber[\s-]?)?attack(?:s|ed)?\b|\bbreach(?:es|ed)?\b|\bransomware\b|\bthreat\s+actors?\b"
    r"|\bunauthori[sz]ed\b|\bintrusions?\b|\bcompromised?\b|\bgained\s+access\b|\bexfiltrat\w*",
    re.I,
)
_PROGRAM_PHRASE = re.compile(
    r"\bincidents?\s+(?:response|management|detection|handling|escalation|reporting|readiness|preparedness)\w*"
    r"|\b(?:respond(?:ing)?|prepar(?:e|ing|edness))\s+(?:to|for)\s+(?:\w+\s+){0,2}incidents?",
    re.I,
)
_PREVIOUSLY = re.compile(
    r"\bpreviously\s+(?:disclosed|reported|announced)|\bas\s+(?:we\s+)?(?:disclosed|reported|announced)", re.I
)
_REPORT_REFERENCE = re.compile(r"\bForm\s+8-K\b|\bCurrent\s+Report\b|\bItem\s+1\.05\b", re.I)
_RISK_FACTORS = re.compile(r"\bItem\s+1A\b|\bRisk\s+Factors\b", re.I)
_NAME = re.compile(r"\b[A-Z][A-Za-z&\-]+(?:\s+(?:of\s+)?[A-Z][A-Za-z&\-]+)+")
_COMMON = set(
    """the a an on as in upon based immediately this that company company's current report reports form item items
    material cybersecurity incident incidents amendment no original explanatory note securities exchange commission
    act inc incorporated corporation corp llc ltd group holdings plc co board directors chief officer executive
    information security technology federal law enforcement united states date signatures pursuant rule
    january february march april may june july august september october november december of and
    forward-looking statements other events regulation fd disclosure financial results""".split()
)
_MONTHS = "January February March April May June July August September October November December".split()


def long_date(iso: str | None) -> str | None:
    """`January 19, 2024` for 2024-01-19 (how annual reports write dates)."""
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return None
    d = date.fromisoformat(iso)
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


# -- reading and storing -----------------------------------------------------------------------------
def require_filer(cik: str | None, filer: str | None) -> None:
    """Refuse an 8-K whose filer nothing names: its cover gives a name and a file number, not a CIK the store can
    rely on, so the CIK or ticker comes from EDGAR's listing (`fetch`) or from the user (`ingest --filer`)."""
    if cik is None and filer is None:
        raise BadInput("an 8-K names no filer the tracker can rely on; pass --filer CIK or --filer TICKER.")


def ingest_incident(
    store: Store,
    data: bytes,
    *,
    source_path: str,
    cik: str | None = None,
    filer: str | None = None,
    name: str | None = None,
    tickers: list[str] | None = None,
    form: str | None = None,
    items: list[str] | None = None,
    accession: str | None = None,
    filing_date: str | None = None,
    exhibits: dict[str, bytes] | None = None,
) -> StoredIncident:
    """Read an 8-K (with its Exhibit 99 documents by file name, when given) and store it as an incident
    (NotAnIncident, with nothing stored, when it reports none)."""
    from tracker.read.incident import read_incident_bytes

    incident = read_incident_bytes(data, form, items, exhibits)
    require_filer(cik, filer)
    return add_incident(
        store,
        incident,
        data,
        cik=cik,
        filer=filer,
        name=name,
        tickers=tickers,
        accession=accession,
        filing_date=filing_date,
        source_path=source_path,
    )


# -- the link to the annual disclosures ---------------------------------------------------------------
@dataclass
class Mention:
    """Where an annual report speaks of the incident."""

    where: str
    """`item 1C`, `elsewhere in the annual report` or `not mentioned`."""
    evidence: str | None = None
    """The sentence."""
    pointer: str | None = None
    """Item 1C's sentence referring the reader to the risk factors (Item 1A), if any."""


@dataclass
class IncidentLink:
    """One incident (its first report and its updates) between the annual disclosures around it."""

    first: dict
    """The first report's row (latest version)."""
    updates: list[dict] = field(default_factory=list)
    """Rows of its amendments and updates, oldest first."""
    before: dict | None = None
    """The current version of the last annual disclosure before it."""
    after: dict | None = None
    """... and of the first one after it."""
    mention: Mention | None = None
    """Where the later disclosure mentions it (None without a later disclosure)."""
    still_not_material: bool | None = None
    """Whether the later disclosure still says no cybersecurity threat has materially affected the company."""
    statement: str | None = None
    """That statement's sentence."""
    review: str | None = None
    """Why this needs review (a high change), or None."""
    followed: list[dict] = field(default_factory=list)
    """People, oversight and framework changes between the two disclosures: {kind, fact, summary}."""

    @property
    def materiality(self) -> str | None:
        """The latest materiality statement: of the last update that makes one, else of the first report."""
        for row in [*reversed(self.updates), self.first]:
            if row["materiality"]:
                return str(row["materiality"])
        return None

    @property
    def date(self) -> str:
        """When it was reported: the first report's filing date, else its date of report."""
        return str(self.first["filing_date"] or self.first["report_date"] or "")

    def headline(self) -> str:
        """`8-K Item 1.05 filed 2024-02-22 (ransomware at a subsidiary; material)`."""
        nature = ", ".join(json.loads(self.first["nature"] or "[]")) or "cybersecurity incident"
        amended = (
            f", {len(self.updates)} update{'s' if len(self.updates) != 1 else ''}" if self.updates else ""
        )
        return (
            f"{self.first['form']} Item {self.first['item']} filed {self.date} "
            f"({nature}; {self.materiality or 'materiality not stated'}{amended})"
        )

    def status_line(self) -> str:
        """What the link found, in a line."""
        if self.after is None:
            return "no later annual disclosure stored"
        m = self.mention.where if self.mention else "not checked"
        said = {
            True: "still says nothing material",
            False: "no longer says nothing material",
            None: "says nothing on material incidents",
        }[self.still_not_material]
        return f"FY{self.after['fiscal_year']}: {m}; {said}" + (
            f"; HIGH, TO REVIEW: {self.review}" if self.review else ""
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON of `tracker incidents --format json` (docs/json.md)."""

        def report(row: dict) -> dict:
            return {
                "accession": row["accession"],
                "form": row["form"],
                "item": row["item"],
                "items": json.loads(row["items"] or "[]"),
                "filing_date": row["filing_date"],
                "version": row["version"],
                "values": json.loads(row["json"]),
            }

        def year(row: dict | None) -> dict | None:
            return (
                None
                if row is None
                else {"fiscal_year": row["fiscal_year"], "version": row["version"], "as_of": row["as_of"]}
            )

        return {
            **report(self.first),
            "materiality": self.materiality,
            "updates": [{**report(u), "linked_by": u.get("link_reason")} for u in self.updates],
            "before": year(self.before),
            "after": year(self.after),
            "mention": None
            if self.mention is None
            else {
                "where": self.mention.where,
                "evidence": self.mention.evidence,
                "pointer": self.mention.pointer,
            },
            "still_not_material": self.still_not_material,
            "statement": self.statement,
            "review": self.review,
            "followed": self.followed,
        }


def incident_terms(rows: list[dict], filer: Filer) -> tuple[list[str], list[str]]:
    """What identifies an incident in later text: the proper names its reports use (a subsidiary, a vendor, a
    threat actor), not the filer's own, and the dates it was filed, detected and reported, written long
    ("January 19, 2024") or by month ("January 2024")."""
    own = {w.lower().strip(",.") for w in (filer.name or "").split()}
    names: list[str] = []
    dates: list[str] = []
    for row in rows:
        values = json.loads(row["json"])
        for m in _NAME.finditer(values.get("text") or ""):
            words = [w.lower().strip(",.") for w in m.group(0).split()]
            if all(w in _COMMON or w in own for w in words):
                continue
            words_kept = [
                w for w in m.group(0).split() if w.lower() not in _COMMON | own or w.lower() == "of"
            ]
            phrase = " ".join(words_kept).strip()
            if " " in phrase and phrase not in names:
                names.append(phrase)
        for key in ("filing_date", "report_date", "detected"):
            text = long_date(row.get(key))
            written_month = re.search(r"\b(?:" + "|".join(_MONTHS) + r")\s+\d{4}\b", str(row.get(key) or ""))
            month = (
                f"{text.split()[0]} {text.split()[-1]}"
                if text
                else (written_month and written_month.group(0))
            )
            for written in (text, month):
                if written and written not in dates:
                    dates.append(written)
    return names, dates


def speaks_of_an_incident(sentence: str) -> bool:
    """Whether a sentence speaks of a cybersecurity incident (an event), not only of the program that prepares
    for incidents ("external advisors ... for incident response readiness")."""
    return bool(_EVENT_WORD.search(_PROGRAM_PHRASE.sub(" ", sentence)))


def mention_score(sentence: str, names: list[str], dates: list[str], year: str) -> int:
    """How surely a sentence is about this incident: 0 when it is not; else its dates (2), 'previously
    disclosed' or the 8-K named with the incident's year (2), its proper names (1), each adding up."""
    if not speaks_of_an_incident(sentence):
        return 0
    dated = any(d in sentence for d in dates)
    named = any(n in sentence for n in names)
    referred = bool(
        year and year in sentence and (_PREVIOUSLY.search(sentence) or _REPORT_REFERENCE.search(sentence))
    )
    return 2 * dated + 2 * referred + named


def find_mention(
    sentences: list[str],
    names: list[str],
    dates: list[str],
    year: str,
    earlier: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """The sentence most surely about this incident (`mention_score`), the first of equals; a sentence that the
    disclosure already held before the incident (`earlier`, compared by `sentence_key`) is never one."""
    best, best_score = None, 0
    for s in sentences:
        score = mention_score(s, names, dates, year)
        if score > best_score and sentence_key(s) not in earlier:
            best, best_score = s, score
    return best


def sentence_key(sentence: str) -> str:
    """A sentence compared across years: lower case, words only."""
    return " ".join(re.findall(r"\w+", sentence.lower()))


def link_incident(store: Store, filer: Filer, link: IncidentLink, annuals: list[dict]) -> IncidentLink:
    """Place the incident between the annual disclosures around it and check the later one."""
    when = link.date
    link.before = next((a for a in reversed(annuals) if a["as_of"] <= when), None)
    link.after = next((a for a in annuals if a["as_of"] > when), None)
    if link.after is None:
        return link
    after = store.disclosure(link.after)
    names, dates = incident_terms([link.first, *link.updates], filer)
    from tracker.text.normalize import split_sentences

    section = [s for e in after.text_elements for s in split_sentences(str(e.value or ""))]
    earlier: set[str] = set()
    if link.before is not None:
        before = store.disclosure(link.before)
        earlier = {sentence_key(s) for e in before.text_elements for s in split_sentences(str(e.value or ""))}
    found = find_mention(section, names, dates, when[:4], earlier)
    if found:
        link.mention = Mention("item 1C", found)
    else:
        if link.before is not None:
            earlier |= {sentence_key(s) for s in _whole_report(store, link.before)}
        found = find_mention(_whole_report(store, link.after), names, dates, when[:4], earlier)
        link.mention = Mention("elsewhere in the annual report", found) if found else Mention("not mentioned")
        link.mention.pointer = next((s for s in section if _RISK_FACTORS.search(s)), None)
    for row in store.facts(link.after):
        if row["fact"] == "material_incident_statement":
            value = json.loads(row["value"])
            link.still_not_material = value == "none"
            link.statement = row["evidence"]
            break
    if link.materiality == "material" and link.still_not_material:
        link.review = (
            "the annual disclosure after an 8-K that reports a material incident still says no cybersecurity "
            "threat has materially affected the company"
        )
    if link.before is not None:
        link.followed = _followed(store, filer, link.before, link.after)
    return link


def _whole_report(store: Store, row: dict) -> list[str]:
    """Every sentence of the annual report a version was read from (its stored source)."""
    from tracker.read import decode, decompress
    from tracker.read.html import body_paragraphs
    from tracker.text.normalize import split_sentences

    try:
        text = decode(decompress(store.source_bytes(row["source_sha256"])))
    except (BadInput, KeyError, TypeError):
        return []
    return [s for p in body_paragraphs(text) for s in split_sentences(p)]


def _followed(store: Store, filer: Filer, before: dict, after: dict) -> list[dict]:
    """The people, oversight and framework changes between the two disclosures."""
    from tracker.diff.compare import compare

    out = []
    for c in compare(store.disclosure(before), store.disclosure(after)).changes:
        topic = FOLLOW_UP_FACTS.get(c.fact or "")
        if topic and c.kind.startswith("fact_"):
            out.append({"topic": topic, "fact": c.fact, "kind": c.kind, "summary": c.summary or c.kind})
    return out


def filer_incidents(store: Store, filer: Filer, *, save: bool = True) -> list[IncidentLink]:
    """Every incident of a filer (first report with its updates), linked and checked; the checks are saved
    (derived data) unless `save` is false."""
    reports = latest_reports(store, filer.id)
    reasons = link_reasons(store, filer.id)
    links: dict[str, IncidentLink] = {}
    orphans: list[IncidentLink] = []
    for r in reports:
        if r["original_accession"] is None:
            if is_update(r):
                orphans.append(IncidentLink(r))
            else:
                links[r["accession"]] = IncidentLink(r)
    for r in reports:
        if r["original_accession"] is not None and r["original_accession"] in links:
            links[r["original_accession"]].updates.append({**r, "link_reason": reasons.get(r["accession"])})
    annuals = annual_dates(store, filer.id)
    result = [link_incident(store, filer, link, annuals) for link in links.values()]
    for orphan in orphans:  # placed between the annual disclosures too, and marked
        link_incident(store, filer, orphan, annuals)
        orphan.review = orphan.review or (
            "an update whose first report is not stored (an orphan, linked when that report arrives)"
        )
        result.append(orphan)
    if save:
        for link in result:
            save_checks(store, filer.id, link.first["accession"], _checks_row(link))
    return sorted(result, key=lambda link: link.date)


def _checks_row(link: IncidentLink) -> dict:
    return {
        "before_filing_id": link.before["id"] if link.before else None,
        "after_filing_id": link.after["id"] if link.after else None,
        "before_year": link.before["fiscal_year"] if link.before else None,
        "after_year": link.after["fiscal_year"] if link.after else None,
        "mention": link.mention.where
        if link.mention
        else ("no later annual disclosure" if link.after is None else None),
        "mention_evidence": link.mention.evidence if link.mention else None,
        "still_not_material": None if link.still_not_material is None else int(link.still_not_material),
        "statement_evidence": link.statement,
        "review": link.review,
        "followed": json.dumps(link.followed),
    }


def all_incidents(
    store: Store, filer_ident: str | None = None, *, save: bool = True
) -> list[tuple[Filer, IncidentLink]]:
    """Incidents of one filer, or of every filer with one."""
    from tracker.store.incidents import incident_filers

    filers = (
        [store.find_filer(filer_ident)]
        if filer_ident
        else [store.filer_by_id(i) for i in incident_filers(store)]
    )
    return [(f, link) for f in filers for link in filer_incidents(store, f, save=save)]


_LINKED: dict[tuple, list[IncidentLink]] = {}


def linked_incidents(store: Store, filer: Filer) -> list[IncidentLink]:
    """`filer_incidents` without saving, computed once per state of the database in a process (a history or a
    diff-all compares many pairs of one filer)."""
    state = incident_state(store, filer.id)
    key = (str(store.path), filer.id, state)
    if key not in _LINKED:
        _LINKED.clear()
        _LINKED[key] = filer_incidents(store, filer, save=False)
    return _LINKED[key]


def timeline_lines(store: Store, filer: Filer) -> list[str]:
    """Every incident of a filer in a line, for `history`: `2024-03-04 8-K Item 1.05 (...): FY2024 ...`."""
    if not has_incidents(store, filer.id):
        return []
    return [f"{link.headline()}; {link.status_line()}" for link in linked_incidents(store, filer)]


def links_between(store: Store, filer: Filer, old_year: int, new_year: int) -> list[IncidentLink]:
    """The incidents reported after the earlier year's disclosure and before the later one's (by the dates of
    docs/incidents.md)."""
    if not has_incidents(store, filer.id):
        return []
    as_of = {a["fiscal_year"]: a["as_of"] for a in annual_dates(store, filer.id)}
    start, end = as_of.get(old_year, ""), as_of.get(new_year, "9999")
    return [link for link in linked_incidents(store, filer) if start <= link.date < end]


def incident_lines(links: list[IncidentLink], old_year: int, new_year: int) -> list[str]:
    """`Between FY2023 and FY2024: 8-K Item 1.05 filed ...`, one line per incident."""
    return [
        f"Between FY{old_year} and FY{new_year}: {link.headline()}; {link.status_line()}" for link in links
    ]


def incidents_between(store: Store, filer: Filer, old_year: int, new_year: int) -> list[str]:
    """The lines of the incidents between two stored years."""
    return incident_lines(links_between(store, filer, old_year, new_year), old_year, new_year)


def review_findings(links: list[IncidentLink], new_year: int) -> list[str]:
    """The high findings a comparison's verdict leads with: a material incident before the later year, whose
    disclosure still says nothing has materially affected the company."""
    return [
        f"to review: an 8-K reported a material cybersecurity incident on {link.date} and FY{new_year} still "
        "says no cybersecurity threat has materially affected the company"
        for link in links
        if link.review
        and link.materiality == "material"
        and link.after
        and link.after["fiscal_year"] == new_year
    ]


def incidents_json(store: Store, filer_ident: str | None = None, *, save: bool = True) -> list[dict]:
    """What `tracker incidents` shows: each incident's JSON with its filer and headline (docs/json.md)."""
    return [
        {"filer": filer.to_json(), "headline": link.headline(), **link.to_json()}
        for filer, link in all_incidents(store, filer_ident, save=save)
    ]


def refresh_checks(store: Store, cik: str) -> None:
    """Link and check again the incidents of a filer (by CIK) after a fetch brought reports or annual years, so
    that `incident_checks` (and the Datasette query over it) stays current."""
    filer_id = filer_id_with_incidents(store, cik)
    if filer_id is not None:
        filer_incidents(store, store.filer_by_id(filer_id), save=True)
