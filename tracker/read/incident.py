"""A Form 8-K (or 8-K/A) cybersecurity incident report in, one `Incident` out.

What is read, each value with the sentence that states it (`Value.evidence`) and the rule that found it:

- the items the report is filed under; the cyber item is 1.05 (Material Cybersecurity Incidents), else 8.01
  (Other Events) or 7.01 (Regulation FD) when that item's own text is about a cybersecurity incident (the rules
  of `CYBER_RULES`; sentences of forward-looking-statement boilerplate never count). An 8-K with neither is
  refused (`NotAnIncident`), so nothing of it is stored;
- the date of report (cover page), the date the incident was detected and the date it was determined material,
  where stated. A date is ISO when it reads as a day ("January 12, 2024"); otherwise it is kept as written
  ("late November 2023") and never guessed;
- its nature (ransomware, unauthorized access, data exfiltration, nation-state actor, third-party or vendor
  compromise), whether data was taken, the operational impact, the materiality statement (material, not yet
  determined, not material) and the status (contained, ongoing);
- for an amendment or an update, the date of the report it updates ("amends the Current Report on Form 8-K
  filed ... on March 4, 2024"), which the store uses to link it to its first report.

Why these rules: docs/incidents.md.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from tracker.errors import BadInput
from tracker.text.normalize import split_sentences

CYBER_ITEMS = ("1.05", "8.01", "7.01")
NATURES = (
    "ransomware",
    "unauthorized access",
    "data exfiltration",
    "nation-state actor",
    "third-party or vendor compromise",
)
MATERIALITY = ("material", "not yet determined", "not material")


class NotAnIncident(BadInput):
    """An 8-K with no Item 1.05 and no Item 8.01 or 7.01 about a cybersecurity incident."""


class NotAn8K(NotAnIncident):
    """A document that is no Form 8-K at all (no 8-K cover)."""


@dataclass
class Value:
    """One value read from the report, with the sentence that states it."""

    value: Any
    """The value (an ISO date or a date as written, a word of the vocabulary, true or false)."""
    evidence: str
    """The sentence it was read from."""
    rule: str
    """The rule that found it."""
    written: str | None = None
    """For a date: how the report writes it."""


@dataclass
class Incident:
    """What one 8-K or 8-K/A says about a cybersecurity incident."""

    form: str
    """8-K or 8-K/A."""
    items: list[str]
    """Every item the report is filed under (1.05, 8.01, 9.01, ...), in order."""
    item: str
    """The item that reports the incident: 1.05, 8.01 or 7.01."""
    company: str | None = None
    """The registrant as the cover page names it."""
    report_date: Value | None = None
    """Date of report (date of earliest event reported), from the cover page."""
    signed: Value | None = None
    """The signature date (the filing date when no listing gives one)."""
    detected: Value | None = None
    """When the incident was detected."""
    determined_material: Value | None = None
    """When it was determined material."""
    nature: list[Value] = field(default_factory=list)
    """What kind of incident, one value per kind."""
    data_taken: Value | None = None
    """Whether data was taken (true), said not to be (false), or nothing said (None)."""
    operational_impact: Value | None = None
    """`disrupted` or `not disrupted`, with the sentence."""
    materiality: Value | None = None
    """`material`, `not yet determined` or `not material`."""
    status: Value | None = None
    """`contained` or `ongoing`."""
    updates: Value | None = None
    """For an amendment or an update: the date of the report it updates."""
    cyber_evidence: Value | None = None
    """For Item 8.01 or 7.01: the sentence that makes it a cybersecurity incident."""
    text: str = ""
    """The text of the incident's item(s), paragraph per line."""
    furnished: list[str] = field(default_factory=list)
    """The exhibits read with Item 8.01 or 7.01 (the press release, EX-99.1), by file name."""

    @property
    def amendment(self) -> bool:
        """Whether the report is an 8-K/A."""
        return self.form.endswith("/A")

    def summary(self) -> str:
        """`ransomware, data exfiltration; material`: what a timeline line says of it."""
        kinds = ", ".join(v.value for v in self.nature) or "cybersecurity incident"
        return f"{kinds}; {self.materiality.value if self.materiality else 'materiality not stated'}"

    def to_json(self) -> dict[str, Any]:
        """Every value with its evidence (the JSON stored and shown)."""
        data = asdict(self)
        data["amendment"] = self.amendment
        return data


# -- the rules -------------------------------------------------------------------------------------
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A date as reports write it: a day, a month, a part of a month.
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = (
    rf"(?:(?:on\s+or\s+(?:about|around)\s+)?{_MONTH}\s+{_DAY},?\s+\d{{4}}"
    rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
    rf"|(?:the\s+week\s+of\s+)?{_MONTH}\s+{_DAY}\b(?!,?\s+\d))"
)
_DATE_RE = re.compile(DATE, re.I)
_ITEM_RE = re.compile(r"^\s*item\s+(\d{1,2}\.\d{2})\b", re.I)
_FORM_RE = re.compile(r"\bform\s+(8-K(?:/A)?)\b", re.I)
_REPORT_DATE_RE = re.compile(r"date\s+of\s+report\b(?:\s*\(date\s+of\s+earliest\s+event\s+reported\))?", re.I)
_SIGNED_RE = re.compile(r"^\s*date[d]?\s*:\s*(" + DATE + ")", re.I)
_BOILERPLATE_RE = re.compile(
    r"forward-looking|risks\s+and\s+uncertainties|could\s+cause\s+actual\s+results|safe\s+harbor", re.I
)

#: Named rules making an Item 8.01 or 7.01 report a cybersecurity incident: (name, pattern).
CYBER_RULES: list[tuple[str, str]] = [
    ("ransomware", r"\bransomware\b"),
    (
        "unauthorized access",
        r"\bunauthori[sz]ed\s+(?:third\s+part(?:y|ies)\s+|actor\s+)?(?:access|acquisition)",
    ),
    ("gained access", r"\b(?:gained|obtained)\s+(?:unauthorized\s+)?access\b"),
    ("threat actor", r"\bthreat\s+actors?\b"),
    ("cybersecurity incident", r"\bcyber[\s-]?(?:security\s+)?(?:incident|attack|intrusion|event)s?\b"),
    ("data breach", r"\bdata\s+(?:security\s+)?(?:breach|incident)\b"),
    ("malicious activity", r"\bmalicious\s+(?:activity|software|code)\b"),
    ("exfiltration", r"\bexfiltrat\w*"),
]
#: Nature of the incident: (kind, rule name, pattern).
NATURE_RULES: list[tuple[str, str, str]] = [
    (
        "ransomware",
        "ransomware",
        r"\bransomware\b|\bransom\s+demand|\bencrypted\s+(?:certain\s+)?(?:servers|systems|files)",
    ),
    (
        "unauthorized access",
        "access gained",
        r"\bunauthori[sz]ed\s+(?:\w+\s+){0,2}access|\b(?:gained|gain|obtained)\s+(?:unauthorized\s+)?access"
        r"|\bcompromise[ds]?\b",
    ),
    (
        "data exfiltration",
        "exfiltration",
        r"\bexfiltrat\w*|\bstole\b|\bstolen\b|\bcopied\s+(?:certain\s+)?(?:data|files)",
    ),
    ("nation-state actor", "nation-state", r"\bnation[\s-]state\b|\bstate[\s-](?:sponsored|affiliated)\b"),
    (
        "third-party or vendor compromise",
        "vendor",
        r"\b(?:third[\s-]party|vendor|supplier|service\s+provider)(?:'s|s')?\s+(?:\w+\s+){0,3}"
        r"(?:systems?|platform|software|environment|network)|\bone\s+of\s+the\s+company's\s+(?:third-party\s+)?"
        r"(?:\w+\s+)?vendors",
    ),
]
_NO_DATA_RE = re.compile(
    r"\bno\s+evidence\s+(?:that|of)\s+(?:any\s+)?(?:\w+\s+){0,4}(?:data|information)\s+(?:was|were|has\s+been|had\s+been)?"
    r"\s*(?:exfiltrated|taken|stolen|accessed|acquired)|\bnot\s+(?:aware\s+of|found)\s+(?:any\s+)?evidence\s+of\s+"
    r"(?:data\s+)?exfiltration",
    re.I,
)
_DATA_TAKEN_RE = re.compile(
    r"\bexfiltrat\w*|\bstole\b|\bstolen\b|\bcopied\s+(?:certain\s+)?(?:data|files)|\bacquired\s+(?:certain\s+)?data",
    re.I,
)
_DISRUPTED_RE = re.compile(
    r"\bdisrupt\w*|\boutages?\b|\binterrupt\w*|\btook\s+(?:\w+\s+){0,3}offline|\bisolated\s+the\s+impacted"
    r"|\bshut\s+down\b|\bnetwork\s+interruption|\b(?:halt|suspend|paus)\w*\s+(?:\w+\s+){0,3}(?:production|operations)",
    re.I,
)
_NOT_DISRUPTED_RE = re.compile(
    r"\b(?:has|have|had)\s+not\s+(?:had\s+a\s+material\s+impact\s+on|disrupted|materially\s+disrupted)\s+"
    r"(?:[\w']+\s+){0,2}operations|\bno\s+(?:material\s+)?(?:disruption|impact)\s+(?:to|on)\s+(?:[\w']+\s+){0,2}operations"
    # a disruption word under a negation a few words before it: "operations have not been disrupted",
    # "did not experience any interruption", "without disruption"
    r"|\b(?:not|no|never|without)\s+(?:[\w']+\s+){0,3}?(?:disrupt\w*|interrupt\w*|outages?|shut\s+down|offline)",
    re.I,
)
#: An open question, not a statement: "continues to investigate whether any data was exfiltrated".
_OPEN_QUESTION_RE = re.compile(
    r"\b(?:whether|if|to\s+determine\s+(?:if|whether|what)|possibl[ey]|potential(?:ly)?|may\s+have|might\s+have"
    r"|could\s+have|any\s+evidence\s+of)\b[^.;]*$",
    re.I,
)
#: Materiality statements, most decisive first: (value, rule name, pattern).
MATERIALITY_RULES: list[tuple[str, str, str]] = [
    (
        "not yet determined",
        "not yet determined",
        r"\b(?:has|have)\s+not\s+(?:yet\s+)?determined\s+(?:whether|if|that|the\s+(?:incident|matter)\s+is)"
        r"|\bnot\s+yet\s+(?:been\s+)?determined|\bcontinues?\s+to\s+evaluate\s+(?:whether|the\s+(?:materiality|impact))"
        r"|\bwill\s+(?:amend|update)\s+(?:this|the)\s+(?:report|filing)\s+(?:\w+\s+){0,6}determination"
        r"|\b(?:is|remains)\s+(?:still\s+)?(?:evaluating|assessing)\s+(?:whether|the\s+(?:materiality|impact|extent))",
    ),
    (
        "not material",
        "determined not material",
        r"\bdetermined\b[^;]{0,80}?\b(?:not\s+(?:to\s+be\s+)?material|(?:is|was)\s+not\s+material)"
        r"|\bnot\s+(?:reasonably\s+likely\s+to\s+)?materially\s+(?:impact|affect)|\bdo(?:es)?\s+not\s+(?:currently\s+)?believe\b[^;]{0,120}?\bmaterial"
        r"|\bnot\s+determined\s+the\s+incident\s+to\s+be\s+material"
        r"|\b(?:has|have)\s+not\s+had\s+(?:and\s+is\s+not\s+reasonably\s+likely\s+to\s+have\s+)?a\s+material\s+(?:impact|effect)"
        # the same with its parts set off by commas: "has not had, and is not reasonably likely to have, a
        # material impact"; "is not expected to have a material effect"; "does not expect ... material"
        r"|\b(?:has|have|had|is|are|was|were)\s+not\s+(?:had|(?:reasonably\s+)?(?:likely|expected)\s+to\s+have)\b"
        r"[^.;]{0,80}?\ba\s+material\s+(?:adverse\s+)?(?:impact|effect)"
        r"|\bdo(?:es)?\s+not\s+(?:currently\s+)?(?:expect|anticipate)\b[^;]{0,120}?\bmaterial"
        r"|\bno\s+material\s+(?:impact|effect)|\b(?:is|was)\s+not\s+material\b",
    ),
    (
        "material",
        "determined material",
        r"\bdetermined\s+(?:(?:on|in|as\s+of)\s+"
        + DATE
        + r"\s+)?that\b[^;]{0,160}?\b(?:is|was|to\s+be|constitutes?)\s+(?:a\s+)?material\b"
        r"|\b(?:is|was)\s+(?:reasonably\s+likely\s+to\s+)?(?:have\s+)?(?:a\s+)?material(?:ly)?\s+(?:impact|incident|affect)"
        r"|\bha(?:s|ve)\s+had\b[^;]{0,80}?\ba\s+material\s+(?:impact|effect)"
        r"|\b(?:will|would|is\s+expected\s+to|are\s+expected\s+to)\s+(?:continue\s+to\s+)?have\s+a\s+material\s+(?:impact|effect)",
    ),
]
_CONTAINED_RE = re.compile(
    r"\b(?:has|have|had|was|were|been|is)\s+(?:\w+\s+){0,2}(?:contained|remediated|eradicated|restored)"
    r"|\b(?:contained|eradicated|eradicating)\s+the\s+(?:incident|threat|attack|activity)",
    re.I,
)
_ONGOING_RE = re.compile(
    r"\b(?:is|remains?|are)\s+(?:still\s+)?ongoing|\binvestigation\s+(?:is\s+|remains\s+)?ongoing"
    r"|\bcontinu(?:es|ing)\s+to\s+(?:investigate|respond|monitor)|\bhas\s+not\s+(?:yet\s+)?been\s+contained",
    re.I,
)
_DETECTED_RE = re.compile(
    r"\b(?:detected|identified|discovered|became\s+aware|learned|was\s+(?:alerted|notified|informed))\b", re.I
)
_MATERIAL_WORD_RE = re.compile(r"\bdetermined\b([^.]*?)\bmaterial(?:ly)?\b", re.I)
#: A date that belongs to another verb ("detected on March 5, 2024", "filed on ..."), not to a determination.
_OTHER_VERB_DATE_RE = re.compile(r"\b(?!determined)\w+ed\s+(?:on|in|as\s+of)\s+$", re.I)
_UPDATES_RE = re.compile(
    r"\b(?:amend(?:s|ment)?|updates?|supplement(?:s|al)?|previously\s+(?:disclosed|reported|announced))\b[^;]{0,120}?"
    r"\bForm\s+8-K\b[^;]{0,250}?\b(?:filed|dated|furnished)\b[^;]{0,200}?(" + DATE + ")",
    re.I,
)


def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# -- reading -----------------------------------------------------------------------------------------
def looks_like_8k(text: str) -> bool:
    """Whether a document's opening reads as a Form 8-K cover page."""
    head = text[:6000]
    return bool(re.search(r"\bFORM\s+8-K\b", head, re.I)) and bool(re.search(r"CURRENT\s+REPORT", head, re.I))


def read_incident(
    paragraphs: list[str],
    form: str | None = None,
    listed_items: list[str] | None = None,
    furnished: dict[str, list[str]] | None = None,
) -> Incident:
    """An Incident from the paragraphs of an 8-K; `form` and `listed_items` are EDGAR's (they win over the
    cover page, whose items are read from the item headings). `furnished`: the paragraphs of its Exhibit 99
    documents by file name, read as part of its Item 7.01 or 8.01 (a press release furnished under Item 7.01
    often holds the whole account). NotAnIncident when no item reports one."""
    sections = _item_sections(paragraphs)
    items = [i for i in dict.fromkeys([*(listed_items or []), *sections]) if i]
    if furnished:
        _add_furnished(sections, items, furnished)
    form = (form or _cover_form(paragraphs) or "8-K").upper()
    if not items:
        raise NotAnIncident(
            "the 8-K has no recognisable item (no 'Item 1.05', 'Item 8.01' ...); nothing was stored."
        )
    item, cyber = _cyber_item(items, sections, form)
    incident = Incident(
        form=form, items=items, item=item, cyber_evidence=cyber, furnished=list(furnished or {})
    )
    body = [p for i in CYBER_ITEMS if i in sections for p in sections[i]]
    preamble = sections.get("", [])
    incident.text = "\n".join(body)
    sentences = [s for p in preamble + body if not _BOILERPLATE_RE.search(p) for s in split_sentences(p)]
    _read_cover(incident, paragraphs)
    _read_values(incident, sentences)
    return incident


_EXHIBIT_99_RE = re.compile(r"\bexhibit\s+99|\bpress\s+release", re.I)


def _add_furnished(sections: dict[str, list[str]], items: list[str], furnished: dict[str, list[str]]) -> None:
    """The exhibits' paragraphs read as part of the Item 7.01 or 8.01 that refers to them (else the first of
    those the report is filed under)."""
    candidates = [i for i in ("7.01", "8.01") if i in items]
    if not candidates:
        return
    target = next(
        (i for i in candidates if any(_EXHIBIT_99_RE.search(p) for p in sections.get(i, []))), candidates[0]
    )
    for paragraphs in furnished.values():
        sections.setdefault(target, []).extend(paragraphs)


def _item_sections(paragraphs: list[str]) -> dict[str, list[str]]:
    """Paragraphs by item heading; those before the first item (after the cover) under ''."""
    sections: dict[str, list[str]] = {}
    current = ""
    started = False
    for p in paragraphs:
        m = _ITEM_RE.match(p)
        if m:
            current, started = m.group(1), True
            sections.setdefault(current, [])
            if len(p) >= 240:  # the heading runs on into the item's text
                sections[current].append(p)
            continue
        if re.match(r"^\s*signatures?\s*$", p, re.I):
            current = "signatures"
            continue
        if current == "signatures":
            continue
        if started or re.match(r"^\s*explanatory\s+note", p, re.I) or _UPDATES_RE.search(p):
            sections.setdefault(current, []).append(p)
    return sections


def _cover_form(paragraphs: list[str]) -> str | None:
    for p in paragraphs[:30]:
        m = _FORM_RE.search(p)
        if m and len(p) < 40:
            return m.group(1).upper()
    return None


def _cyber_item(items: list[str], sections: dict[str, list[str]], form: str) -> tuple[str, Value | None]:
    """The item reporting the incident, and for 8.01 or 7.01 the sentence and rule that make it one."""
    if "1.05" in items:
        return "1.05", None
    for item in ("8.01", "7.01"):
        for p in sections.get(item, []):
            if _BOILERPLATE_RE.search(p):
                continue
            for s in split_sentences(p):
                for name, pattern in CYBER_RULES:
                    if _compiled(pattern).search(s):
                        return item, Value(True, s, f"cyber:{name}")
    listed = ", ".join(items)
    raise NotAnIncident(
        f"the {form} (items {listed}) reports no cybersecurity incident: it has no Item 1.05, and no Item 8.01 "
        "or 7.01 about one; nothing was stored."
    )


def _read_cover(incident: Incident, paragraphs: list[str]) -> None:
    incident.report_date = _cover_date(paragraphs[:40])
    for p in reversed(paragraphs[-12:]):
        m = _SIGNED_RE.match(p)
        if m:
            incident.signed = date_value(m.group(1), p, "signature")
            break
    for i, p in enumerate(paragraphs[:40]):
        if re.search(r"exact\s+name\s+of\s+registrant", p, re.I) and i:
            incident.company = paragraphs[i - 1].strip()
            break


def _cover_date(paragraphs: list[str]) -> Value | None:
    """The cover's date of report: after its label, else in the paragraph after it, else in the one before
    (cover pages put the date above, beside or below the label)."""
    for i, p in enumerate(paragraphs):
        m = _REPORT_DATE_RE.search(p)
        if not m:
            continue
        after = _DATE_RE.search(p, m.end())
        if after:
            return date_value(after.group(0), p, "cover")
        for near in paragraphs[i + 1 : i + 2] + paragraphs[max(i - 1, 0) : i]:
            found = _DATE_RE.search(near)
            if found and len(near) < 80:
                return date_value(found.group(0), near, "cover")
    return None


def _read_values(incident: Incident, sentences: list[str]) -> None:
    for s in sentences:
        _read_dates(incident, s)
        for kind, name, pattern in NATURE_RULES:
            denied = kind == "data exfiltration" and _NO_DATA_RE.search(s)
            if (
                kind not in [v.value for v in incident.nature]
                and _stated(_compiled(pattern), s)
                and not denied
            ):
                incident.nature.append(Value(kind, s, f"nature:{name}"))
        if incident.updates is None and (m := _UPDATES_RE.search(s)):
            incident.updates = date_value(m.group(1), s, "updates")
    incident.data_taken = _first(
        sentences,
        [(False, "no evidence of data taken", _NO_DATA_RE), (True, "data taken", _Stated(_DATA_TAKEN_RE))],
    )
    incident.operational_impact = _first(
        sentences,
        [
            ("not disrupted", "operations not disrupted", _NOT_DISRUPTED_RE),
            ("disrupted", "disruption", _Stated(_DISRUPTED_RE)),
        ],
    )
    incident.materiality = _materiality(sentences)
    incident.status = _first(
        sentences,
        [
            ("ongoing", "not contained", re.compile(r"has\s+not\s+(?:yet\s+)?been\s+contained", re.I)),
            ("contained", "contained", _CONTAINED_RE),
            ("ongoing", "ongoing", _ONGOING_RE),
        ],
    )


def _read_dates(incident: Incident, s: str) -> None:
    dates = list(_DATE_RE.finditer(s))
    if not dates:
        return
    determined = _MATERIAL_WORD_RE.search(s)
    if (
        incident.determined_material is None
        and determined
        and not re.search(r"\b(?:not|no)\b", s[max(determined.start() - 20, 0) : determined.end()], re.I)
    ):
        chosen = _determination_date(s, dates, determined)
        if chosen is not None:
            incident.determined_material = date_value(chosen.group(0), s, "date determined material")
            dates = [
                d for d in dates if d is not chosen
            ]  # the other dates may still say when it was detected
    m = _DETECTED_RE.search(s)
    if incident.detected is None and dates and m and not _UPDATES_RE.search(s):
        before = [d for d in dates if d.end() <= m.start()]
        chosen = before[-1] if before else dates[0]
        incident.detected = date_value(chosen.group(0), s, "date detected")


def _determination_date(
    s: str, dates: list[re.Match[str]], determined: re.Match[str]
) -> re.Match[str] | None:
    """The date that governs a 'determined ... material' clause: the one written right after the verb
    ("determined on April 2, 2024 that"), else the last one before it in the same clause that no other verb
    claims ("On April 16, 2024, after assessing ..., the Company determined"; not "detected on March 5, 2024")."""
    verb_end = determined.start() + len("determined")
    for d in dates:
        if verb_end <= d.start() and re.fullmatch(r"\s+(?:on|as\s+of|in)\s+", s[verb_end : d.start()], re.I):
            return d
    clause_start = s.rfind(";", 0, determined.start()) + 1
    before = [
        d
        for d in dates
        if clause_start <= d.start()
        and d.end() <= determined.start()
        and not _OTHER_VERB_DATE_RE.search(s[max(d.start() - 40, 0) : d.start()])
    ]
    return before[-1] if before else None


_NEGATED_BEFORE_RE = re.compile(r"\b(?:not|no|never|without)\s+(?:[\w']+\s+){0,3}$", re.I)


def _stated(pattern: re.Pattern[str], s: str) -> bool:
    """Whether a sentence states what the pattern says: a match neither under a negation a few words before it
    ("have not been disrupted") nor inside an open question ("investigate whether any data was exfiltrated")."""
    for m in pattern.finditer(s):
        clause = s[s.rfind(";", 0, m.start()) + 1 : m.start()]
        if not _NEGATED_BEFORE_RE.search(clause) and not _OPEN_QUESTION_RE.search(clause):
            return True
    return False


class _Stated:
    """A pattern that only counts where it is stated (see `_stated`)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, s: str) -> bool:
        return _stated(self.pattern, s)


def _first(sentences: list[str], rules: list[tuple[Any, str, Any]]) -> Value | None:
    """The value of the first rule (in order of priority) that any sentence matches."""
    for value, name, pattern in rules:
        for s in sentences:
            if pattern.search(s):
                return Value(value, s, name)
    return None


def _materiality(sentences: list[str]) -> Value | None:
    """The materiality statement: a determination that it is material wins; then not yet determined; then not
    material (an 8-K saying its incident 'has not had a material impact on operations' but 'has not yet
    determined' the rest has not determined)."""
    found: dict[str, Value] = {}
    for value, name, pattern in MATERIALITY_RULES:
        for s in sentences:
            undecided = _compiled(MATERIALITY_RULES[0][2]).search(s)
            if value == "material" and (re.search(r"\bnot\b", s, re.I) or undecided):
                continue
            if _compiled(pattern).search(s):
                found.setdefault(value, Value(value, s, f"materiality:{name}"))
    if "material" in found:
        return found["material"]
    return found.get("not yet determined") or found.get("not material")


# -- dates -------------------------------------------------------------------------------------------
def date_value(written: str, evidence: str, rule: str) -> Value:
    """A date as ISO when it reads as one day, else as written (never guessed)."""
    written = written.strip().rstrip(".,;")
    return Value(iso_date(written) or written, evidence, rule, written)


def iso_date(text: str) -> str | None:
    """ISO date of a written day ("January 12, 2024", "on or about 1/12/2024"), None for anything vaguer."""
    from tracker.read.html import parse_date

    if re.search(r"\b(?:early|mid|late|end|beginning|week)\b", text, re.I):
        return None
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text, flags=re.I)  # "November 8th, 2024"
    text = re.sub(r"^the\s+|(\d)\s+of\s+", r"\1 ", text, flags=re.I).strip()  # "the 8th of November 2024"
    if not re.search(r"\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|\d/\d|\d{4}-\d{2}-\d{2}", text):
        return None
    return parse_date(text)


def read_incident_bytes(
    data: bytes,
    form: str | None = None,
    listed_items: list[str] | None = None,
    exhibits: dict[str, bytes] | None = None,
) -> Incident:
    """An Incident from the raw bytes of an 8-K (HTML or text; gzip read transparently), with its Exhibit 99
    documents by file name when given (see `read_incident`)."""
    from tracker.read import decode, decompress
    from tracker.read.html import body_paragraphs
    from tracker.text.normalize import strip_invisible

    def paragraphs_of(raw: bytes) -> list[str]:
        return body_paragraphs(strip_invisible(decode(decompress(raw))))

    paragraphs = paragraphs_of(data)
    furnished = {name: paragraphs_of(raw) for name, raw in (exhibits or {}).items()}
    if not looks_like_8k("\n".join(paragraphs[:60])):
        raise NotAn8K(
            "the document is not a Form 8-K (no 'FORM 8-K' and 'CURRENT REPORT' cover); nothing was stored."
        )
    return read_incident(paragraphs, form, listed_items, furnished)
