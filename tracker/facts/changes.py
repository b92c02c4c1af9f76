"""Fact changes between two years: one change per real change, each with a severity, a summary and a why.

- A set value added or removed is `fact_added` / `fact_removed`; a value replaced by another of the same slot
  is one `fact_changed` from X to Y (the committee overseeing, the briefing frequency, the officer reported
  to, a title renamed).
- People come first: a person replaced, appointed, no longer named, retitled, whose roles merged or split,
  or possibly a different person, is one change of the fact `people`, and the title, name, experience and
  certification changes it explains are not reported again (they are listed in its `details`).
- The material-incident statement and its strength are one change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from tracker.facts.catalogue import KEYS
from tracker.facts.extract import FactValue, value_key
from tracker.facts.governance import HOW_OFTEN, MERGED_INTO, SELDOM_COUNTED, briefed
from tracker.facts.material import (
    ASSESSED_SO_FAR,
    ASSESSING_STILL,
    UNDETERMINED_RE,
    affirms_material,
    carve_out,
    likely_only,
    names_effect_before,
    one_incident_denied,
    strength,
    uncarved,
)
from tracker.facts.program import FRAMEWORK_SUCCESSORS, certification_lapsed, engagement_ended
from tracker.facts.rules import SPECS, FactSpec
from tracker.facts.text import found_unless_after
from tracker.facts.titles import security_titles, stand_in, title_key
from tracker.models import Change
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import comparison_key, once

Facts = dict[str, list[FactValue]]

#: Words of a title that give rank, not function (Senior, Executive, Vice, ...).
RANK_WORDS = {
    "senior",
    "executive",
    "vice",
    "president",
    "global",
    "group",
    "corporate",
    "deputy",
    "associate",
    "assistant",
    "interim",
    "acting",
    "chief",
    "head",
    "director",
    "manager",
    "officer",
    "of",
    "and",
}


def _key(fact: str, value: Any) -> str:
    return KEYS.get(fact, value_key)(value)


def _words(fact: str, value: Any) -> frozenset[str]:
    if isinstance(value, str):  # (values are paired by testing each against each: a text's words read once)
        return once("fact_words", (fact, value), lambda: frozenset(_key(fact, value).split()))
    return frozenset(_key(fact, value).split())


def _similarity(fact: str, a: Any, b: Any) -> float:
    wa, wb = _words(fact, a), _words(fact, b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _change(kind: str, spec: FactSpec, severity: str, summary: str, **kw: Any) -> Change:
    return Change(kind, severity, fact=spec.name, summary=summary, why=spec.severity.why, **kw)  # type: ignore[arg-type]


def _text(spec: FactSpec, value: Any) -> str:
    return spec.describe(value)


# ---- sets and single values ------------------------------------------------------------------------------------
_ADDED = {
    "responsible_titles": "now responsible: {v}",
    "experience_years": "experience stated: {v}",
    "tenure_start": "in the role since {v}",
    "reports_to": "the person responsible now reports to the {v}",
    "certifications": "certification added: {v}",
    "former_certifications": "now said to have held {v} before",
    "board_oversight": "oversight by the {v} added",
    "management_committees": "management committee added: {v}",
    "frameworks": "framework added: {v}",
    "third_parties": "outside firm named: {v}",
}
_REMOVED = {
    "responsible_titles": "the {v} is no longer named as responsible",
    "experience_years": "experience no longer stated: {v}",
    "tenure_start": "no longer says in the role since {v}",
    "reports_to": "no longer says the person responsible reports to the {v}",
    "certifications": "certification no longer stated: {v}",
    "former_certifications": "no longer says {v} was held before",
    "board_oversight": "oversight by the {v} no longer stated",
    "management_committees": "management committee no longer named: {v}",
    "frameworks": "framework no longer named: {v}",
    "third_parties": "outside firm no longer named: {v}",
}
_CHANGED = {
    "responsible_titles": "the title of the person responsible changed: {o} -> {n}",
    "experience_years": "experience changed: {o} -> {n}",
    "tenure_start": "in the role since: {o} -> {n}",
    "reports_to": "the person responsible now reports to the {n} instead of the {o}",
    "board_oversight": "board oversight moved from the {o} to the {n}",
    "management_committees": "management committee changed: {o} -> {n}",
    "frameworks": "framework changed: {o} -> {n}",
    "third_parties": "outside firm changed: {o} -> {n}",
    "certifications": "certification changed: {o} -> {n}",
}


def _said(spec: FactSpec, value: Any) -> str:
    if spec.name == "briefing_frequency":
        return HOW_OFTEN.get(str(value), str(value))
    return _text(spec, value)


def _briefing(fv: FactValue) -> tuple[str, str]:
    """(who is briefed, how often) as a change says them, from the sentence the value was read from: ("the audit
    committee", "at least twice a year"); the board where the sentence names no body."""
    body, at_least = briefed(fv.evidence or "", str(fv.value))
    how = HOW_OFTEN.get(str(fv.value), str(fv.value))
    if fv.value == "regular" and (said := _REGULAR_RE.search(fv.evidence or "")):
        how = _REGULAR_WORDS[said.group(1).lower()]  # ("periodic reports": periodically, not regularly)
    if held := _meetings_held(fv):
        how = f"at each of its {held} meetings"  # ("bimonthly": how many a year said)
    return body or "the board", f"at least {how}" if at_least and fv.value in _PER_YEAR else how


#: Meetings said with how often they are held ("at each of its bimonthly meetings"): the briefings a year of "each
#: meeting" (reader 44's BA year, "quarterly instead of at each meeting", which hid that the briefings are fewer), by the
#: frequency each word is.
_MEETINGS_HELD_RE = lazy_compile(r"\b(bi-?monthly|monthly|quarterly|semi-?annual|annual)\s+meetings?\b", re.I)
_MEETINGS_AS = {"bimonthly": "six times a year", "semiannual": "semi-annual"}


def _meetings_held(fv: FactValue) -> str | None:
    """How often the meetings of an "each meeting" briefing are held, as its sentence says ("bimonthly"); else None."""
    held = _MEETINGS_HELD_RE.search(fv.evidence or "") if fv.value == "each meeting" else None
    return held.group(1).lower() if held else None


def _per_year(fv: FactValue) -> int | None:
    """Briefings a year of a frequency (`_PER_YEAR`), or of "each meeting" where the meetings are said with how often."""
    if held := _meetings_held(fv):
        word = held.replace("-", "")
        return _PER_YEAR.get(_MEETINGS_AS.get(word, word))
    return _PER_YEAR.get(str(fv.value))


#: Briefings a year of the frequencies that say how many ("at least" is kept before them: "at least twice a year";
#: a reader missed that three a year to one is fewer).
_PER_YEAR = {
    "monthly": 12,
    **{f"{word} times a year": n for word, n in SELDOM_COUNTED},
    "six times a year": 6,
    "quarterly": 4,
    "three times a year": 3,
    "semi-annual": 2,
    "annual": 1,
}


#: The words a regular briefing is said in, as a change says them (AMPL FY2023 "periodic reports": a reader took
#: "regularly" for a misquote).
_REGULAR_RE = lazy_compile(r"\b(regular|periodic|routine|ongoing|continuous)", re.I)
_REGULAR_WORDS = {
    "regular": "regularly",
    "periodic": "periodically",
    "routine": "routinely",
    "ongoing": "on an ongoing basis",
    "continuous": "continuously",
}


def _briefing_summary(o: FactValue | None, n: FactValue | None) -> str:
    """ "the audit committee is now briefed quarterly", "no longer says the board is briefed annually", "briefings
    now twice a year to the cybersecurity committee, instead of regularly to the board"."""
    if o is None and n is not None:
        who, how = _briefing(n)
        return f"{who} is now briefed {how}"
    if n is None and o is not None:
        who, how = _briefing(o)
        return f"no longer says {who} is briefed {how}"
    assert o is not None and n is not None
    (old_who, old_how), (new_who, new_how) = _briefing(o), _briefing(n)
    was, now = _per_year(o), _per_year(n)
    pace = (
        "" if was is None or now is None or was == now else " (less often)" if now < was else " (more often)"
    )
    if old_who == new_who:
        return f"{new_who} is now briefed {new_how} instead of {old_how}{pace}"
    return f"briefings now {new_how} to {new_who}, instead of {old_how} to {old_who}{pace}"


def _element_of(fv: FactValue | None) -> str | None:
    """The element a fact value was read from (None without a value)."""
    return fv.element if fv else None


def _added(spec: FactSpec, fv: FactValue) -> Change:
    if spec.name == "briefing_frequency":
        summary = _briefing_summary(None, fv)
    else:
        summary = _ADDED.get(spec.name, spec.label + " added: {v}").format(v=_said(spec, fv.value))
    return _change(
        "fact_added",
        spec,
        spec.severity.added,
        summary,
        value=fv.value,
        element=fv.element,
        evidence=fv.evidence,
    )


def _removed(spec: FactSpec, fv: FactValue) -> Change:
    if spec.name == "briefing_frequency":
        summary = _briefing_summary(fv, None)
    else:
        summary = _REMOVED.get(spec.name, spec.label + " removed: {v}").format(v=_said(spec, fv.value))
    return _change(
        "fact_removed",
        spec,
        spec.severity.removed,
        summary,
        value=fv.value,
        element=fv.element,
        evidence=fv.evidence,
    )


#: How many fiscal years lie between the two years being compared (1 for consecutive years, and where either
#: year is unknown): what the calendar adds to a stated number of years (FY2023 -> FY2025: "for over 6 years" ->
#: "for over 8 years" is the calendar, which an unseen filing's reader found ranked as news).
_YEARS_APART: ContextVar[int] = ContextVar("years_apart", default=1)


@contextmanager
def years_apart(old_year: int | None, new_year: int | None) -> Iterator[None]:
    """Within the block, numbers of years that grew by the years between `old_year` and `new_year` are the calendar
    rolled forward (see `calendar_step`)."""
    token = _YEARS_APART.set(new_year - old_year if old_year and new_year and new_year > old_year else 1)
    try:
        yield
    finally:
        _YEARS_APART.reset(token)


def calendar_step() -> int:
    """The years the calendar moved between the two years compared (`years_apart`; 1 outside it)."""
    return _YEARS_APART.get()


def years_on(step: int) -> str:
    """ "a year on", "2 years on"."""
    return "a year on" if step == 1 else f"{step} years on"


def _a_year_on(o: dict, n: dict) -> bool:
    """Whether one holder's stated experience is what the calendar adds (`calendar_step`: a year between consecutive
    years): that many years more under the same qualifier ("approximately 25 years" -> "approximately 26 years"), or
    the same years from below or at them to above them ("almost 20 years", read as approximately, or "20 years" ->
    "more than 20 years")."""
    years, qualifier = o.get("years") or 0, o.get("qualifier")
    if n.get("years") == years + calendar_step() and n.get("qualifier") == qualifier:
        return True
    return (
        n.get("years") == years
        and qualifier in ("approximately", "exact")
        and n.get("qualifier") in ("over", "more than")
    )


#: The `change` of a fact change that only rolls the calendar on: no change of substance.
ROLLED_FORWARD = "rolled_forward"


def _replaced(spec: FactSpec, o: FactValue, n: FactValue, severity: str | None = None) -> Change:
    kind, same, a_year_on = None, False, False
    if spec.name == "experience_years":
        old_holder, new_holder = (
            title_key(o.value.get("holder") or ""),
            title_key(n.value.get("holder") or ""),
        )
        same = old_holder == new_holder
        # the holder's title reworded too (its own change says so): still the same holder for a year on
        a_year_on = _a_year_on(o.value, n.value) and (
            same or bool(old_holder) and _one_role(old_holder, new_holder)
        )
    if same or a_year_on:
        summary = (
            f"the stated experience of the {(o if same else n).value.get('holder')} changed: "
            f"{_years_text(o.value, o.evidence)} -> {_years_text(n.value, n.evidence)}"
            + (f" ({years_on(calendar_step())})" if a_year_on else "")
        )
        if a_year_on:
            kind, severity = ROLLED_FORWARD, "low"
    elif spec.name == "briefing_frequency":
        summary = _briefing_summary(o, n)
    else:
        summary = _CHANGED.get(spec.name, spec.label + ": {o} -> {n}").format(
            o=_said(spec, o.value), n=_said(spec, n.value)
        )
    change = _change(
        "fact_changed",
        spec,
        severity or spec.severity.changed,
        summary,
        old=o.value,
        new=n.value,
        element=n.element,
        evidence={"old": o.evidence, "new": n.evidence},
    )
    if kind == ROLLED_FORWARD:
        change.change, change.why = kind, f"the same holder's stated experience, {years_on(calendar_step())}"
    return change


#: How senior a title's rank words make it (a title without them: 0).
_RANK = {
    "deputy": -1,
    "associate": -1,
    "assistant": -1,
    "interim": -1,
    "acting": -1,
    "manager": -1,
    "vice": 1,
    "senior": 1,
    "executive": 2,
    "chief": 4,
}


def _rank(title: str) -> int:
    return sum(_RANK.get(w, 0) for w in title_key(title).split())


def _rank_change(change: Change, old: str, new: str, several: bool = False) -> None:
    """A title of the same role at a higher rank is a promotion (medium); at a lower one a demotion (high, as
    any other title replaced). `several`: both years name more than one title as responsible, and the change is
    said of "one of those responsible", not "the person responsible" (an unseen filing's reader: ELF's Director,
    IT Infrastructure and Security, who supports the Chief Digital Officer, read as the person responsible)."""
    who = "one of those responsible" if several else "the person responsible"
    gained, lost = remits(old, new)
    if gained or lost:
        change.severity, change.change = "medium", "retitled"
        change.why = (
            f"the title of {who} adds a remit: the same role, widened"
            if gained
            else f"the title of {who} drops a remit: the same role, narrowed"
        )
        said = (
            f"now adds {listed(gained, quote=True)}"
            if gained
            else f"no longer holds {listed(lost, quote=True)}"
        )
        change.summary = f"the title of {who} {said}: {old} -> {new}"
        return
    if not _one_role(title_key(old), title_key(new)):
        return
    if ("chief" in title_key(old).split()) != ("chief" in title_key(new).split()):
        return  # a chief officer's role now, or no longer: as any other title replaced
    # (a stand-in's title given up is said so: a reader found "Acting VP of IT -> VP of IT" called a higher rank)
    if (was := stand_in(old)) and not stand_in(new):
        change.severity, change.change = "medium", "promoted"
        change.why = f"the role of {who} is no longer held on an {was} basis"
        change.summary = f"the role of {new} is no longer held on an {was} basis (was {old})"
    elif _rank(new) > _rank(old):
        change.severity, change.change = "medium", "promoted"
        change.why = f"{who} holds the same role at a higher rank"
        change.summary = f"the role of {who} is now held at a higher rank: {old} -> {new}"
    elif _rank(new) == _rank(old):
        change.severity, change.change = "medium", "retitled"
        change.why = f"the title of {who} was reworded"
    else:
        change.change = "demoted"
        change.why = f"{who} now holds the role at a lower rank (a deputy, acting or interim)"
        change.summary = f"the role of {who} is now held at a lower rank: {old} -> {new}"


def portfolio_widened(short: str, long: str) -> list[str]:
    """The remits the longer of two titles adds to the shorter one's, where it keeps every word of the shorter one
    in order and each run of words it adds comes in as one more remit, after "and", "&" or a comma ("Chief Privacy
    Officer" -> "Chief Privacy and Data Responsibility Officer": ["Data Responsibility"], an unseen reader's MA
    edit, which had read as another officer replacing the person responsible); else []. Not a word of function
    slipped in ("Chief Information Officer" -> "Chief Information Security Officer": another role)."""
    kept = [w for w in _TITLE_TOKEN_RE.findall(short.lower()) if w not in _TITLE_JOINERS]
    runs: list[list[str]] = []
    run: list[str] | None = None  # (the run of added words being read)
    k, joined = 0, False  # (joined: "and", "&" or a comma just read, so an added word starts one more remit)
    for token in _TITLE_TOKEN_RE.findall(long):
        low = token.lower()
        if low in _REMIT_JOINERS:
            run, joined = None, True
        elif low in _TITLE_JOINERS:
            if run is not None:
                run.append(token)  # ("of" inside a remit added: "Data Protection of the Americas")
        elif k < len(kept) and low == kept[k]:
            k, run, joined = k + 1, None, False
        elif run is not None:
            run.append(token)
        elif joined:
            run = [token]
            runs.append(run)
        else:
            return []  # a word added with no joiner before it: another function
    added = [" ".join(r) for r in runs if r]
    return added if k == len(kept) and kept and added else []


def remits(old: str, new: str) -> tuple[list[str], list[str]]:
    """(the remits the new title adds to the old one, those it drops), `portfolio_widened` either way round: one of the
    two is empty."""
    return portfolio_widened(old, new), portfolio_widened(new, old)


#: Words and joiners of a title, as `portfolio_widened` reads them.
_TITLE_TOKEN_RE = lazy_compile(r"[A-Za-z0-9]+|&|,")
#: The words that join a title's words rather than say what it does; those that join one remit to another.
_TITLE_JOINERS = frozenset(("and", "&", ",", "of", "the", "for"))
_REMIT_JOINERS = frozenset(("and", "&", ","))


def listed(items: list[str], quote: bool = False) -> str:
    """Items as a reader lists them: "a", "a and b", "a, b and c" (each in quotation marks when `quote`)."""
    if quote:
        items = [f"\u201c{w}\u201d" for w in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _one_role(old_key: str, new_key: str) -> bool:
    """Whether two titles (keys) name one role: the same words of function, rank aside, or one word of function
    more or less ("Vice President of Privacy, Safety, and Security Engineering" -> "... Privacy, Safety, and
    Security")."""
    old, new = _functions(old_key), _functions(new_key)
    if old == new:
        return True
    small, large = sorted((old, new), key=len)
    return bool(small) and small < large and len(large - small) == 1


#: A sentence telling of a title changed ("was retitled", "renamed", "now titled", "became").
_RETITLED_RE = lazy_compile(
    r"\b(?:re-?titled|renamed|now\s+(?:titled|called|known\s+as)|became|promoted\s+to|changed\s+to)\b", re.I
)


def title_still_used(changes: list[Change], sentences: list[str], year: int | None) -> None:
    """Where the person responsible's title is now the same role at another rank, or reworded (promoted, demoted,
    retitled), while some of the later year's sentences still use the earlier title on its own (U FY2024: four
    sentences say "Deputy Chief Security Officer", two still "Chief Security Officer"), the change says how many,
    and that the text uses both: the report cannot tell which one is right, and the drafter must."""
    for change in changes:
        if change.fact != "responsible_titles" or change.change not in ("promoted", "demoted", "retitled"):
            continue
        if not (isinstance(change.old, str) and isinstance(change.new, str)):
            continue
        old_re, new_re = _title_re(change.old), _title_re(change.new)
        shared = set(title_key(change.old).split()) & set(title_key(change.new).split())
        key = max(shared, key=len, default="")  # (a sentence without a word both titles hold names neither)
        naming = still = 0
        for s in sentences:
            if key not in s.lower():
                continue
            spans = [m.span() for m in new_re.finditer(s)]
            bare = any(not any(a <= m.start() and m.end() <= b for a, b in spans) for m in old_re.finditer(s))
            if spans and bare and _RETITLED_RE.search(s):
                continue  # the sentence telling of the change names both ("the role of our CISO was expanded ... and
                # retitled Chief Information Security and Data Protection Officer": an unseen reader's)
            naming += bool(spans) or bare
            still += bare
        if still:
            fy = f"FY{year}" if year else "later"
            of_year = f"{fy} sentences" if year else "sentences of the later year"
            change.summary = (
                f"{change.summary} ({still} of the {naming} {of_year} naming the role still say {change.old})"
            )
            change.why = f"{change.why}; the {fy} text uses both titles: check which is right"


def engagements_ended(changes: list[Change], sentences: list[str]) -> None:
    """An outside firm no longer engaged that the later year still names, saying the engagement ended ("We no longer
    engage Mandiant to ...": a reader's planted edit read "outside firm no longer named: Mandiant", though it is): the
    change says the firm is no longer engaged. So for a framework whose certification the later year says lapsed."""
    joined = ""
    for change in changes:
        if change.kind != "fact_removed" or not isinstance(change.value, str):
            continue
        joined = joined or "\n".join(sentences)
        if change.value not in joined and _framework_mark(change.value) not in joined:
            continue  # (not named at all: most firms and frameworks no longer named)
        if change.fact == "third_parties" and any(
            change.value in s and engagement_ended(s) for s in sentences
        ):
            change.summary = f"outside firm no longer engaged: {change.value}"
            change.why = "the filer says it no longer engages the firm"
        elif change.fact == "frameworks" and (mark := _framework_mark(change.value)):
            # ("Our ISO 27001 certification lapsed during the year and was not renewed": an unseen reader's)
            if any(mark in s and certification_lapsed(s) for s in sentences):
                change.summary = f"framework lapsed or given up: {change.value}"
                change.why = "the filer says a certification or framework it held lapsed or ended"


#: A SOC report ("SOC 1", "SOC 2", "SOC 3"): an attestation, not a framework.
_SOC_RE = lazy_compile(r"SOC\s*[123]\b")


def _framework_mark(name: str) -> str:
    """What a sentence naming a framework surely holds: its number or its first word ("27001" of "ISO/IEC 27001",
    "HITRUST"; "SOC 2" whole)."""
    numbers = re.findall(r"\d{4,}", name)
    return numbers[0] if numbers else name if " " not in name or name.startswith("SOC") else name.split()[0]


def careers_still_told(changes: list[Change], old_text: str, new_text: str) -> None:
    """Drop from `changes` each person's former employers no longer named, or now named (`_background_moved`), where
    the other year's text names one of them all the same: the career is still told, and only who it was read as
    belonging to moved (a biography sentence now opening on another title, a filer's own name read as an employer)."""
    for change in list(changes):
        if change.change != "background_changed" or not (
            isinstance(change.old, dict) and isinstance(change.new, dict)
        ):
            continue
        was, now = change.old.get("former_employers") or [], change.new.get("former_employers") or []
        other = new_text if was else old_text
        if any(org in other for org in was or now):
            changes.remove(change)


def statement_still_made(changes: list[Change], keys: set[str]) -> None:
    """Where the statement on material incidents is made more firmly only because the later year adds a firmer one
    while still making the earlier one (its sentence's `comparison_key` among the later year's `keys`), the change
    says so and is medium: an unseen filing's reader found "awareness became a definite statement (no longer
    “aware”)" false beside an unchanged "we are not aware" sentence, when a new sentence on an incident said it "did
    not have a material impact"."""
    for change in changes:
        if change.fact != "material_incident_strength" or change.change != "strengthened":
            continue
        old = change.evidence.get("old") if isinstance(change.evidence, dict) else None
        if not old or comparison_key(old) not in keys:
            continue
        change.severity = "medium"
        change.summary = (
            f"a firmer statement on material incidents was added ({STRENGTH_WORDS.get(str(change.new), change.new)}, "
            f"where the earlier one, still made, is {STRENGTH_WORDS.get(str(change.old), change.old)})"
        )
        change.why = "the statement on material incidents is now also made more firmly"


def statement_narrowed(changes: list[Change], sentences: list[str]) -> None:
    """Where the statement that cyber threats have not materially affected the company is dropped while the later
    year says so of one incident it tells of ("Although this incident has not materially affected us to date, ..."),
    the change says what is left (a reader's drug maker found "dropped" false: the statement "is still there", of the
    incident alone). Still high: what the company says of cyber threats as a whole is gone."""
    for change in changes:
        if change.fact != "material_incident_statement" or change.change != "dropped" or change.old != "none":
            continue
        said = next(((s, words) for s in sentences if (words := one_incident_denied(s))), None)
        if said is None:
            continue
        change.summary = (
            change.summary or ""
        ) + f"; it now says only that one incident has not (“{said[1]}”)"
        if isinstance(change.evidence, dict) and not change.evidence.get("new"):
            change.evidence["new"] = said[0]


def _title_re(title: str) -> re.Pattern[str]:
    """A title's words as they stand in a sentence (any spacing, any case)."""
    return re.compile(r"\b" + r"\s+".join(map(re.escape, title.split())) + r"\b", re.I)


#: A sentence that tells of a committee's rename ("(formerly the Operations Committee)", "was renamed").
_SAID_RENAMED_RE = lazy_compile(
    r"\b(?:formerly|previously)\s+(?:known\s+as\s+|called\s+|named\s+)?(?:the\s+|our\s+|its\s+)?(?-i:[A-Z])|"
    r"\b(?:was|were|has\s+been|have\s+been)\s+renamed\b|\bwhich\s+was\s+known\s+as\b|"
    # ("Effective April 1, 2025, the Board renamed its Risk Management Committee as the Risk and Sustainability
    # Committee": reader 45's 20-F, "board oversight moved", high)
    r"\brenam(?:ed|ing)\s+(?:its|our|the)\b|\bchanged\s+the\s+name\s+of\b",
    re.I,
)


#: A sentence that tells of committees merged into one ("combined its Audit Committee and its Compliance Committee into").
_SAID_MERGED_RE = lazy_compile(MERGED_INTO, re.I)


def renames_told(changes: list[Change], sentences: list[str]) -> None:
    """Board oversight "moved" from one committee to another whose names share no more than a word or two, where a
    sentence of the later year names both and tells of the rename ("the Board renamed its Risk Management Committee as
    the Risk and Sustainability Committee; the committee's membership and its responsibilities for cybersecurity did
    not change"): the same committee renamed, medium, as a rename the names show is."""
    for change in changes:
        if not (
            change.fact == "board_oversight"
            and change.kind == "fact_changed"
            and change.change is None
            and isinstance(change.old, str)
            and isinstance(change.new, str)
        ):
            continue
        old_re, new_re = _title_re(change.old), _title_re(change.new)
        told = next(
            (t for t in sentences if _SAID_RENAMED_RE.search(t) and old_re.search(t) and new_re.search(t)),
            None,
        )
        if told is None:
            continue
        change.change = "renamed"
        change.severity = "medium"
        change.why = "the committee overseeing cybersecurity was renamed, as the text says"
        change.summary = f"the {change.old} overseeing cybersecurity is now named the {change.new} (renamed, the text says)"
        change.evidence = (
            {"old": change.evidence["old"], "new": told} if isinstance(change.evidence, dict) else told
        )


def _renamed_committee(old: str, new: str) -> bool:
    """Whether one board committee's name holds every word of the other's ("audit committee" and "audit, risk and
    compliance committee ..., which we refer to as our audit committee", UPWK FY2025): the same committee renamed,
    its remit widened or narrowed, rather than oversight moved to another (the board itself is no committee)."""
    a, b = (set(title_key(x).split()) for x in (old, new))
    return "committee" in a and "committee" in b and a != b and (a < b or b < a)


def _same_officer(old: str, new: str) -> bool:
    """Whether two titles name one chief officer, the longer one adding to the other's portfolio ("Senior Vice
    President, Chief Financial Officer" and "Senior Vice President - Chief Financial Officer, Investor Relations,
    Information Technology and Business Development"; "Chief Executive Officer" and "Chief Executive Officer and
    President"): the shorter title, a chief officer's, starts the longer one word for word."""
    short, long = sorted((title_key(old).split(), title_key(new).split()), key=len)
    if "chief" in short and "officer" in short and long[: len(short)] == short:
        return True
    return any(remits(old, new))


def _initials_of(a: str, b: str) -> bool:
    """Whether one of two titles is the other's acronym ("CIDO", "Chief Information Digital Officer")."""
    acronym, title = (a, b) if a.isupper() else (b, a)
    words = title_key(title).split()
    return acronym.isalpha() and len(words) > 1 and acronym == "".join(w[0] for w in words).upper()


def _merged_committees(spec: FactSpec, removed: list[FactValue], added: list[FactValue]) -> list[Change]:
    """Committees overseeing cybersecurity merged into one whose name holds all their words ("the Board combined its
    Audit Committee and its Risk Committee into a single Audit and Risk Committee": reader 44's, "oversight by the risk
    committee no longer stated", high, beside the audit committee "now named" the new one): one change, medium, the
    committees taken out of `removed` and `added`."""
    out: list[Change] = []
    for n in list(added):
        words = set(title_key(str(n.value)).split())
        merged = [o for o in removed if set(title_key(str(o.value)).split()) < words]
        if len(merged) < 2 or not {w for o in merged for w in title_key(str(o.value)).split()} >= words - {
            "and"
        }:
            continue
        change = _replaced(spec, merged[0], n)
        change.change = "merged"
        change.severity = "medium"
        change.old = [str(o.value) for o in merged]
        change.why = "the committees overseeing cybersecurity were merged into one"
        change.summary = f"the {listed([str(o.value) for o in merged])} overseeing cybersecurity were merged into the {n.value}"
        out.append(change)
        added.remove(n)
        for o in merged:
            removed.remove(o)
    return out


def set_changes(spec: FactSpec, old: list[FactValue], new: list[FactValue]) -> list[Change]:
    """Changes of a set fact: values replaced within a slot paired, the rest added or removed."""
    old_keys = {_key(spec.name, v.value): v for v in old}
    new_keys = {_key(spec.name, v.value): v for v in new}
    removed = [fv for key, fv in old_keys.items() if key not in new_keys]
    added = [fv for key, fv in new_keys.items() if key not in old_keys]
    if spec.name == "reports_to" and removed and added:
        # an officer by an acronym one year and by the title it stands for the other ("reports directly to the CIDO" /
        # "to the Chief Information Digital Officer": reader 33's, "now reports to ... instead of the CIDO") is one
        for o in list(removed):
            same = next((n for n in added if _initials_of(str(o.value), str(n.value))), None)
            if same is not None:
                removed.remove(o)
                added.remove(same)
    out: list[Change] = []
    if spec.name == "board_oversight" and len(removed) > 1 and added:
        out += _merged_committees(spec, removed, added)
    if spec.slot is not None and removed and added:
        for o, best in _paired_in_slots(spec, removed, added):
            change = _replaced(spec, o, best)
            if spec.name == "responsible_titles":
                _rank_change(change, o.value, best.value, len(old) > 1 and len(new) > 1)
            elif spec.name == "board_oversight" and _renamed_committee(o.value, best.value):
                change.change = "renamed"  # (still high: the committee the board oversees it through changed)
                # (what the name gained or lost, where it reads so: a reader found "its remit widened or narrowed"
                # a guess beside "Risk {+and Technology +}Committee")
                gained, lost = remits(o.value, best.value)
                change.why = "the committee overseeing cybersecurity was renamed" + (
                    f": its name now adds {listed(gained, quote=True)}"
                    if gained
                    else f": its name no longer holds {listed(lost, quote=True)}"
                    if lost
                    else ", its remit widened or narrowed"
                )
                change.summary = f"the {o.value} overseeing cybersecurity is now named the {best.value}"
                if _SAID_RENAMED_RE.search(str(best.evidence or "")):
                    # the text tells of the rename itself ("Operations, Safety and Cybersecurity Committee (formerly
                    # the Operations Committee)": reader 28's utility, high and first in the verdict): the same
                    # committee, medium
                    change.severity = "medium"
                elif _SAID_MERGED_RE.search(str(best.evidence or "")):
                    # or of a merger with a committee that did not oversee it ("combined its Audit Committee and its
                    # Compliance Committee into a single Audit and Compliance Committee": reader 36's, "oversight by the
                    # compliance committee added", high)
                    change.change = "merged"
                    change.severity = "medium"
                    change.why = "the committee overseeing cybersecurity was merged with another"
                    change.summary = (
                        f"the {o.value} overseeing cybersecurity was merged into the {best.value}"
                    )
            elif spec.name == "reports_to" and _same_officer(o.value, best.value):
                change.change = "retitled"
                change.why = "the person responsible reports to the same officer, whose title was reworded"
                change.summary = (
                    f"the officer the person responsible reports to is retitled: {o.value} -> {best.value}"
                )
            out.append(change)
            removed.remove(o)
            added.remove(best)
    if spec.name == "briefing_frequency" and old and new:
        out += _briefed_instead(spec, old, new, added, removed)
    out += [_removed(spec, fv) for fv in removed]
    out += [_added(spec, fv) for fv in added]
    if spec.name == "frameworks":
        _named_in_general(out)
        out = _successors(spec, out)
        for (
            c
        ) in out:  # ("We are also pursuing ISO/IEC 27001 certification": a reader's airline, read as adopted)
            if c.kind == "fact_added" and isinstance(c.evidence, str) and PURSUING_RE.search(c.evidence):
                c.summary = f"framework now pursued, not yet held: {c.value}"
            elif (
                c.kind == "fact_added" and isinstance(c.evidence, str) and certified(c.evidence, str(c.value))
            ):
                # ("the information security management system ... was certified to ISO/IEC 27001:2022": reader 27's
                # MA edit, "Framework added" alone)
                c.summary = f"framework added, with a certification: {c.value}"
            elif (
                c.kind in ("fact_added", "fact_removed")
                and _SOC_RE.match(str(c.value))
                and c.summary
                in (_ADDED["frameworks"].format(v=c.value), _REMOVED["frameworks"].format(v=c.value))
            ):
                # an auditor's examination of controls, not a standard followed ("our Advisor completed a SOC 2 Type II
                # examination": reader 38's REIT, "Framework added: SOC 2")
                c.summary = (
                    f"independent attestation {'added' if c.kind == 'fact_added' else 'no longer named'}: {c.value} "
                    "(an auditor's examination of controls)"
                )
                c.why = "the independent attestations of the program changed"
    if spec.name == "board_oversight":
        _board_beside_committee(out, [fv.value for key, fv in new_keys.items() if key in old_keys])
    return out


def _paired_in_slots(
    spec: FactSpec, removed: list[FactValue], added: list[FactValue]
) -> list[tuple[FactValue, FactValue]]:
    """The values removed and added that are one replaced, in the order of those removed: within a slot the closest
    first (a renamed title keeps words), where close enough; then one left alone in its slot on both sides. Closest
    first, not each removed with the closest added in turn: a reader's 20-F, whose Group CFO was no longer responsible
    (the steering committee he chaired dissolved) while the Group CISO was retitled, had the CFO take the CISO's new
    title, and the CISO read as no longer named (high)."""
    assert spec.slot is not None
    slot_of = spec.slot
    old_slots, new_slots = [slot_of(o.value) for o in removed], [slot_of(n.value) for n in added]
    ranked = sorted(
        (-_similarity(spec.name, o.value, n.value), k, m)
        for k, o in enumerate(removed)
        for m, n in enumerate(added)
        if old_slots[k] == new_slots[m]
    )
    pairs: dict[int, int] = {}
    for distance, k, m in ranked:
        if -distance >= 0.34 and k not in pairs and m not in pairs.values():
            pairs[k] = m
    for k, slot in enumerate(
        old_slots
    ):  # (alone in its slot on both sides, of those left: paired however far)
        left_new = [m for m, s in enumerate(new_slots) if s == slot and m not in pairs.values()]
        left_old = [j for j, s in enumerate(old_slots) if s == slot and j not in pairs]
        if k not in pairs and len(left_new) == 1 and left_old == [k]:
            pairs[k] = left_new[0]
    return [(removed[k], added[pairs[k]]) for k in sorted(pairs)]


def body_briefed(sentence: str, value: Any) -> str | None:
    """The body a sentence says is briefed at a frequency (`briefed`; None where it names none), worked out once per
    comparison (`once`)."""
    return once("briefed", (sentence, str(value)), lambda: briefed(sentence, str(value)))[0]


def _briefed_by_body(
    spec: FactSpec, values: list[FactValue]
) -> dict[tuple[str, str], tuple[FactValue, bool]]:
    """(body briefed, frequency key) -> (the value with the sentence that says it as its evidence, whether that
    sentence names the body: "the board" stands in where it names none) of each sentence stating a frequency."""
    out: dict[tuple[str, str], tuple[FactValue, bool]] = {}
    for fv in values:
        frequency = _key(spec.name, fv.value)
        for s in (fv.evidence, *fv.also):
            if s:
                body = body_briefed(s, fv.value)
                key = (body or "the board", frequency)
                if key not in out or body and not out[key][1]:
                    out[key] = (replace(fv, evidence=s, also=[]), bool(body))
    return out


def _briefed_instead(
    spec: FactSpec,
    old: list[FactValue],
    new: list[FactValue],
    added: list[FactValue],
    removed: list[FactValue],
) -> list[Change]:
    """A frequency added for a body the earlier year briefed at a frequency the later year no longer states for it,
    though it still states it for another: one change ("the board is now briefed at least annually instead of at least
    quarterly (less often)"), where the sets alone say only that annually was added (an unseen filing's reader: the
    board's quarterly updates became annual while the audit committee kept a quarterly one). Takes the values it
    pairs off `added` and `removed`. And a frequency both years state, now said of a body the earlier year did not
    brief at it (`_also_briefed`)."""
    old_keys = [_key(spec.name, fv.value) for fv in old]
    new_keys = [_key(spec.name, fv.value) for fv in new]
    kept = set(old_keys) & set(new_keys)
    said = {(k, s) for k, fv in zip(old_keys, old) for s in (fv.evidence, *fv.also)}
    if not added and all(
        k not in kept or (k, s) in said for k, fv in zip(new_keys, new) for s in (fv.evidence, *fv.also)
    ):
        return []  # (every sentence stating a kept frequency stated it the year before: the same bodies)
    before, after = _briefed_by_body(spec, old), _briefed_by_body(spec, new)
    changes = []
    for n in list(added):
        key = _key(spec.name, n.value)
        bodies = [body for body, k in after if k == key]
        gone = [
            (body, fv)
            for (body, k), (fv, _) in before.items()
            if body in bodies and k != key and (body, k) not in after
        ]
        if len(gone) != 1:
            continue  # (none, or several frequencies the body lost: the sets' changes say them)
        body, o = gone[0]
        changes.append(_replaced(spec, o, after[body, key][0]))
        added.remove(n)
        removed[:] = [fv for fv in removed if _key(spec.name, fv.value) != _key(spec.name, o.value)]
    # a frequency removed whose body is now briefed at one it was not before, which another body kept (an unseen
    # reader's 20-F: the board's "twice a year" became "once a year", the audit committee's "at least annually" stayed;
    # it read "no longer says the board is briefed twice a year", and "annual (the board, ...)" as stated alike)
    for o in list(removed):
        key = _key(spec.name, o.value)
        losing = {body for body, k in before if k == key and (body, k) not in after}
        now = [
            (body, k)
            for (body, k), (_, named) in after.items()
            if body in losing and k != key and k in kept and named and (body, k) not in before
        ]
        if len(now) != 1 or len(losing) != 1:
            continue
        changes.append(_replaced(spec, o, after[now[0]][0]))
        removed.remove(o)
        before = {bk: v for bk, v in before.items() if bk[1] != key}  # (said: not also "now also briefed")
        after = {bk: v for bk, v in after.items() if bk != now[0]}
    return changes + _also_briefed(spec, kept, before, after)


def _also_briefed(
    spec: FactSpec,
    kept: set[str],
    before: dict[tuple[str, str], tuple[FactValue, bool]],
    after: dict[tuple[str, str], tuple[FactValue, bool]],
) -> list[Change]:
    """A frequency both years state (`kept`), now said of a body named that the earlier year did not brief at it: "the
    board is now also briefed quarterly (as the audit committee already was)" (an unseen reader: MXL FY2024's metrics
    "reported to the board on a quarterly basis", where only the audit committee heard quarterly before, was no
    change); `before`, `after`: `_briefed_by_body` of each year."""
    changes = []
    for (body, key), (fv, named) in after.items():
        if key not in kept or not named or (body, key) in before:
            continue
        if any(b == body and (b, k) not in after for b, k in before):
            continue  # (a frequency of the body's given up too: the changes above, or the sets', say it)
        was = sorted({b for b, k in before if k == key})
        if any(not before[b, key][1] or (b, key) not in after for b in was):
            continue  # (an earlier body unnamed, "the Committee": maybe this one; or no longer briefed so: moved)
        others = was[0] if len(was) == 1 else f"{', '.join(was[:-1])} and {was[-1]}"
        change = _added(spec, fv)
        change.summary = f"{body} is now also briefed {_briefing(fv)[1]} (as {others} already {'was' if len(was) == 1 else 'were'})"
        change.change = "also_briefed"
        changes.append(change)
    return changes


def _successors(spec: FactSpec, changes: list[Change]) -> list[Change]:
    """A framework dropped where its successor is taken up (`FRAMEWORK_SUCCESSORS`: Privacy Shield -> Data Privacy
    Framework) is one low change, "framework replaced by its successor" (an unseen reader: two mediums, one a
    framework dropped, lifted a routine year to notable)."""
    out = list(changes)
    for old, new in FRAMEWORK_SUCCESSORS.items():
        gone = next((c for c in out if c.kind == "fact_removed" and c.value == old), None)
        came = next((c for c in out if c.kind == "fact_added" and c.value == new), None)
        if gone is None or came is None:
            continue
        change = _change(
            "fact_changed",
            spec,
            "low",
            f"framework replaced by its successor: {old} -> {new}",
            old=old,
            new=new,
            element=came.element,
            evidence={"old": gone.evidence, "new": came.evidence},
        )
        change.change, change.why = "successor", f"the {new} succeeds the {old}: the same commitment, renewed"
        out = [change if c is came else c for c in out if c is not gone]
    return out


def _board_beside_committee(changes: list[Change], kept: list[Any]) -> None:
    """The full board now (or no longer) said to oversee cybersecurity while a committee that oversees it in both
    years still does: medium, not the high of oversight moved (an unseen filing's reader: "oversight by the board of
    directors added" beside the same audit committee is not a new overseer)."""
    committees, still = [v for v in kept if v != "board of directors"], "still"
    # (or a committee that now oversees it in place of another: "our Board of Directors formed a Risk and Technology
    # Committee, which assumed oversight ... from the Audit Committee", reader 28's exchange, whose board's own
    # oversight "no longer stated" was a second high beside the move)
    taking = [c.new for c in changes if c.kind == "fact_changed" and c.new != "board of directors"]
    if (
        not committees
        and taking
        and any(c.kind == "fact_removed" and c.value == "board of directors" for c in changes)
    ):
        committees, still = [str(t) for t in taking], "now"
    elif not committees:
        # the committees that oversaw it gone, none come, the board still overseeing: oversight moved to the full
        # board (a reader's biotech: "oversight by the audit committee no longer stated" read as less oversight); or the
        # board now said to oversee in their place ("Our full Board of Directors, rather than the Audit Committee, is
        # responsible": reader 30's, two highs, "board added" and "audit committee no longer stated")
        gone = [c for c in changes if c.kind == "fact_removed" and c.value != "board of directors"]
        board = [c for c in changes if c.kind == "fact_added" and c.value == "board of directors"]
        came = [c for c in changes if c.kind in ("fact_added", "fact_changed") and c not in board]
        if gone and not came and ("board of directors" in kept or board):
            for c in gone:
                c.change = "moved_to_board"
                c.summary = f"oversight moved from the {c.value} to the full board of directors"
            for c in board:
                changes.remove(c)  # (the move says it)
        return
    for c in changes:
        value = c.value if c.kind in ("fact_added", "fact_removed") else None
        if value != "board of directors":
            continue
        added = c.kind == "fact_added"
        c.severity = "medium"
        c.summary = (
            f"the board of directors is {'now also' if added else 'no longer'} said to oversee cybersecurity "
            f"(the {committees[0]} {still} oversees it)"
        )
        c.why = (
            f"the full board's part in overseeing cybersecurity is {'now' if added else 'no longer'} stated"
        )


def _named_in_general(changes: list[Change]) -> None:
    """A framework family now named only in general where the other year named its members ("ISO standards and SOC
    reporting" where FY2024 listed ISO/IEC 27001, ISO/IEC 27018, SOC 2 and SOC 3, UPWK FY2025), or the other way
    round: the family's change says so, medium; its members', low (an independent reader counted seven
    "frameworks" changes for what is one narrowing of the certifications claimed)."""
    for general in [c for c in changes if c.kind in ("fact_added", "fact_removed")]:
        family = title_key(str(general.value)).split()
        if len(family) != 1:
            continue
        other = "fact_removed" if general.kind == "fact_added" else "fact_added"
        members = [
            c
            for c in changes
            if c.kind == other and title_key(str(c.value)).split()[:1] == family and c is not general
        ]
        if not members:
            continue
        named = ", ".join(str(c.value) for c in members)
        if general.kind == "fact_added":
            general.summary = f"frameworks now named only in general: {general.value} (was {named})"
            general.why = "the standards the program follows are no longer named one by one"
        else:
            general.summary = f"frameworks now named one by one: {named} (was {general.value} in general)"
            general.why = "the standards the program follows are now named one by one"
        general.severity = "medium"
        for c in members:
            c.severity = "low"
            c.why = (
                f"{general.value} is named in general {'instead' if c.kind == 'fact_removed' else 'before'}"
            )
            c.summary = (
                f"framework no longer named on its own: {c.value} (now {general.value} in general)"
                if c.kind == "fact_removed"
                else f"framework now named on its own: {c.value} (was {general.value} in general)"
            )


def single_changes(spec: FactSpec, old: list[FactValue], new: list[FactValue]) -> list[Change]:
    """Changes of a fact with one value."""
    if old and new:
        if _key(spec.name, old[0].value) != _key(spec.name, new[0].value):
            return [_replaced(spec, old[0], new[0])]
        return []
    if old:
        return [_removed(spec, old[0])]
    if new:
        return [_added(spec, new[0])]
    return []


# ---- experience ------------------------------------------------------------------------------------------------
def _years_text(v: dict, evidence: object = None) -> str:
    """Stated years as the fact holds them ("over 25 years"); an approximation as the sentence (`evidence`, when
    given) words it, "almost 20 years" (read as approximately: a reader took "approximately 20" for a misquote)."""
    qualifier = _qualifier_said(v, evidence)
    prefix = "" if qualifier is None or qualifier == "exact" else qualifier + " "
    return f"{prefix}{v.get('years')} years"


def _qualifier_said(v: dict, evidence: object) -> str | None:
    """The qualifier of stated years as the sentence words it where the fact reads it as "approximately" ("nearly",
    "close to"), else as the fact holds it."""
    qualifier = v.get("qualifier")
    if qualifier == "approximately" and isinstance(evidence, str):
        said = re.search(rf"\b({_APPROXIMATELY})\s+{v.get('years')}\s+years\b", evidence, re.I)
        if said:
            return re.sub(r"\s+", " ", said.group(1).lower())
    return qualifier  # type: ignore[no-any-return]


def as_worded(fv: FactValue) -> Any:
    """A fact's value as its sentence words it, for saying it rather than comparing it: stated years "nearly 30
    years" where the fact, which compares it with "about 30", reads "approximately" (an unseen filing's reader:
    SCSC's CIO "has nearly 30 years of experience", listed as "approximately 30 years")."""
    v = fv.value
    if (
        isinstance(v, dict)
        and "years" in v
        and (said := _qualifier_said(v, fv.evidence)) != v.get("qualifier")
    ):
        return {**v, "qualifier": said}
    return v


#: The words read as "approximately" (tracker.facts.people), as a sentence may state them.
_APPROXIMATELY = r"nearly|almost|about|roughly|around|close\s+to|approximately"


def _years(v: Any) -> tuple:
    """The years stated and how: "over", "more than" and "at least" are one floor ("30+" -> "more than thirty": a
    reader's form-only edit, read as a medium change of experience)."""
    return v["years"], _FLOORS.get(v["qualifier"], v["qualifier"])


#: Qualifiers of years that each say "this many or more".
_FLOORS = {"over": "at least", "more than": "at least"}


def experience_changes(spec: FactSpec, old: list[FactValue], new: list[FactValue]) -> list[Change]:
    """Pair statements: equal ones first, then equal years under another holder name (the holder's title
    changed: reported there), then the same holder, then what is left in order."""
    old_left, new_left = list(old), list(new)
    pairs = []
    # (every statement is tested against every other: each one's keys are worked out once, when first asked for)
    keys: dict[int, str] = {}
    holders: dict[int, str] = {}

    def key(v: FactValue) -> str:
        if id(v) not in keys:
            keys[id(v)] = value_key(v.value)
        return keys[id(v)]

    def holder(v: FactValue) -> str:
        if id(v) not in holders:
            holders[id(v)] = title_key(v.value["holder"] or "")
        return holders[id(v)]

    tests: list[Callable[[FactValue, FactValue], bool]] = [
        lambda o, n: key(o) == key(n),
        lambda o, n: _years(o.value) == _years(n.value),
        lambda o, n: holder(o) == holder(n),
    ]
    for same in tests:
        for o in list(old_left):
            match = next((n for n in new_left if same(o, n)), None)
            if match is not None:
                pairs.append((o, match))
                old_left.remove(o)
                new_left.remove(match)
    while old_left and new_left:
        pairs.append((old_left.pop(0), new_left.pop(0)))
    out = [_replaced(spec, o, n) for o, n in pairs if _years(o.value) != _years(n.value)]
    out += [_removed(spec, o) for o in old_left]
    out += [_added(spec, n) for n in new_left]
    return out


# ---- material-incident statement -------------------------------------------------------------------------------
_STRENGTH_RANK = {"definite": 3, "awareness": 2, "belief": 1, None: 0}
STRENGTH_WORDS = {"definite": "a definite statement", "belief": "a belief", "awareness": "awareness"}


def _statement(facts: Facts) -> tuple[str, str | None, FactValue | None]:
    values = facts.get("material_incident_statement") or []
    strength = facts.get("material_incident_strength") or []
    value = values[0].value if values else "absent"
    fv = values[0] if values and values[0].evidence else None
    return value, strength[0].value if strength and value != "absent" else None, fv


def material_changes(old: Facts, new: Facts) -> list[Change]:
    """One change for the statement and its strength together."""
    ov, os_, ofv = _statement(old)
    nv, ns, nfv = _statement(new)
    if (ov, os_) == (nv, ns):
        return []
    spec = SPECS["material_incident_statement"]
    evidence = {"old": ofv.evidence if ofv else None, "new": nfv.evidence if nfv else None}
    # (the statement as a whole where it goes on in a second sentence: how firmly, and whether it looks ahead)
    whole = {
        side: " ".join([fv.evidence or "", *fv.also]) if fv else None
        for side, fv in (("old", ofv), ("new", nfv))
    }
    if (
        ov == nv
        and (ofv and ofv.also or nfv and nfv.also)
        and strength(whole["old"] or "") == strength(whole["new"] or "")
    ):
        return []  # (one sentence split in two, as firm as before: a held-out scenario's, read as "strengthened")
    if ov == nv:  # the strength alone
        weaker = _STRENGTH_RANK[ns] < _STRENGTH_RANK[os_]
        kind = "weakened" if weaker else "strengthened"
        summary = (
            f"the statement on material incidents was {kind}: {STRENGTH_WORDS.get(os_ or '', os_)} became "
            f"{STRENGTH_WORDS.get(ns or '', ns)}{_qualifiers(evidence['old'], evidence['new'])}"
            f"{_outlook_moved(evidence['old'], evidence['new'])}"
        )
        why = (
            "the statement on material incidents was weakened"
            if weaker
            else "the statement on material incidents was made more firmly"
        )
        if (
            not weaker
            and (outlook := outlook_said(whole["old"], whole["new"]))
            and outlook.startswith("no")
            # (the half kept as firm as before: "To our knowledge, ... have not materially affected us, and we believe
            # ..." made firm is a strengthening too, and says so)
            and strength(_without_outlook(whole["old"] or "")) == ns
        ):
            # firmer only because the hedged half went: "... have not materially affected us[-, and we do not believe
            # they are reasonably likely to materially affect us-]" (reader 31's game publisher, "strengthened" and
            # first in the verdict, right after an incident) is the forward-looking half dropped
            kind = "narrowed"
            summary = (
                f"the statement on material incidents {outlook}; what remains is "
                f"{STRENGTH_WORDS.get(ns or '', ns)}"
            )
            why = "the forward-looking half of the statement on material incidents was dropped"
        return [
            Change(
                "fact_changed",
                "high",
                fact="material_incident_strength",
                old=os_,
                new=ns,
                change=kind,
                summary=summary,
                why=why,
                evidence=evidence,
                element=_element_of(nfv or ofv),
            )
        ]
    if nv == "absent":
        kind, summary = (
            "dropped",
            "the statement that cybersecurity threats have not materially affected the company was dropped"
            if ov == "none"
            else "the statement that the company was materially affected was dropped",
        )
        why = "the statement on material incidents was dropped"
    elif ov == "absent":
        kind = "added"
        summary = (
            "a statement that cybersecurity threats have not materially affected the company was added"
            if nv == "none"
            else _LIKELY_SAID
            if likely_only(evidence["new"] or "")
            else "the company now says it has been materially affected by a cybersecurity threat"
        ) + (f" ({STRENGTH_WORDS[ns]})" if ns in STRENGTH_WORDS else "")
        why = spec.severity.why
    elif nv == "affected" and (carved := carve_out(evidence["new"])):
        # (a statement that now excepts an incident says no more that none was material; what it says of that one
        # is told: "Other than this matter, whose full impact has not yet been determined, ..." read as the company
        # saying it has been materially affected, an unseen reader's)
        kind = "reversed"
        undetermined = UNDETERMINED_RE.search(carved) is not None
        # (the carve-out that says the incident was material: "Other than the September 2024 incident, which materially
        # affected our results of operations for the third quarter of 2024, ...": reader 38's casino operator, whose
        # admission was "it may have been material")
        admitted = not undetermined and affirms_material(carved)
        summary = f"the statement on material incidents now excepts an incident (\u201c{carved}\u201d)" + (
            ": its effect not yet determined"
            if undetermined
            else ": the company says it was material"
            if admitted
            else ": it may have been material"
        )
        # (the rest's firmness, not the carve-out's own words)
        firmly = strength(uncarved(evidence["new"] or ""))
        if os_ in STRENGTH_WORDS and firmly in STRENGTH_WORDS and firmly != os_:
            # (and how firmly the rest is said: "has not identified" -> "except as described above, ... is not aware
            # of", reader 27's next UNH year, whose second hedge went unsaid)
            summary += f"; the rest is now {STRENGTH_WORDS[firmly]}, not {STRENGTH_WORDS[str(os_)]}"
        why = "the statement on material incidents no longer says no incident was material"
    elif nv == "affected" and likely_only(evidence["new"] or ""):
        kind = "reversed"
        summary = _LIKELY_SAID
        why = "a material effect of cybersecurity threats is now said to be reasonably likely"
    elif nv == "affected":
        kind, summary = (
            "reversed",
            "the company now says it has been materially affected by a cybersecurity threat",
        )
        why = "a material effect of a cybersecurity incident is now disclosed"
    elif (carved := carve_out(evidence["old"])) and carve_out(evidence["new"], denied=True):
        # the incident the statement excepts, now said not to have been material ("Our evaluation of the incident is
        # ongoing ..." -> "We have concluded that the incident has not had ... a material impact on us", beside "Other
        # than this incident, we have not identified ...": reader 42's, "the company no longer says it has been
        # materially affected")
        kind = "reversed"
        summary = (
            f"the incident the statement on material incidents excepts (\u201c{carved}\u201d) is now said not to have "
            "been material"
        )
        why = "what the company says of an incident's materiality changed"
    else:
        kind, summary = "reversed", "the company no longer says it has been materially affected"
        why = spec.severity.why
    return [
        Change(
            "fact_changed",
            "high",
            fact="material_incident_statement",
            old=ov,
            new=nv,
            change=kind,
            summary=summary,
            why=why,
            evidence=evidence,
            element=_element_of(nfv or ofv),
        )
    ]


#: What a statement now saying only that an effect is reasonably likely is said as (`likely_only`).
_LIKELY_SAID = "the company now says cybersecurity threats are reasonably likely to materially affect it"


def _without_outlook(text: str) -> str:
    """A statement without its coordinated part on what is reasonably likely (", and we do not believe they are
    reasonably likely to ...")."""
    return " ".join(part for part in _AND_PART_RE.split(text) if "reasonably likely" not in part.lower())


#: Where a statement's coordinated part starts (", and ").
_AND_PART_RE = lazy_compile(r",\s+and\s+", re.I)


def _outlook_moved(old: str | None, new: str | None) -> str:
    """What a statement made more or less firmly says of the future where only one of its two sentences says it:
    "; it no longer says whether cyber risks are reasonably likely to materially affect the company" (a reader: a
    "strengthened" statement that dropped that half of Item 106(b)(2) read as an improvement), or ""."""
    said = outlook_said(old, new)
    return f"; it {said}" if said else ""


def outlook_said(old: str | None, new: str | None) -> str | None:
    """ "no longer says whether cyber risks are reasonably likely to materially affect the company" (or "now also
    says ...") where only one of two sentences of a statement on material incidents says "reasonably likely" (the
    forward-looking half of Item 106(b)(2)); else None."""
    if not old or not new or names_effect_before(old) or names_effect_before(new):
        return None  # (a statement of "such an effect": its effect, and whether it is likely, are the sentence before's)
    was, now = (
        "reasonably likely" in t.lower() and not _UNDECIDED_RE.search(t) for t in (old, new)
    )  # (one that cannot say whether does not say it: "we cannot predict whether they are reasonably likely to
    # materially affect us" -> "... has materially affected or is reasonably likely to ...", reader 28's contractor)
    if was == now:
        return None
    return (
        f"{'now also says' if now else 'no longer says'} whether cyber risks are reasonably likely to materially "
        "affect the company"
    )


#: A statement that cannot say whether an effect is reasonably likely ("we cannot predict whether they are reasonably
#: likely to materially affect us").
_UNDECIDED_RE = lazy_compile(
    r"\b(?:cannot|can\s*not|can['\u2019]t|(?:are|is)\s+unable\s+to|are\s+not\s+able\s+to)\s+(?:predict|determine|"
    r"say|assess|know|estimate|tell)\s+(?:whether|if)\b[^.;]{0,80}?\breasonably\s+likely",
    re.I,
)


def _qualifiers(old: str | None, new: str | None) -> str:
    """The words that qualify a material-incident statement, as they came and went between its two sentences: "
    (now “believe”, “currently”, “known”; no longer “identified”)" (KO FY2024: two readers wanted the words that make
    the statement a belief, limited in time and to what is known), or "" when none did."""
    if not old or not new:
        return ""
    was = list(dict.fromkeys(m.group().lower() for m in _QUALIFIER_RE.finditer(old)))
    now = list(dict.fromkeys(m.group().lower() for m in _QUALIFIER_RE.finditer(new)))
    came, went = [w for w in now if w not in was], [w for w in was if w not in now]
    if names_effect_before(old) or names_effect_before(
        new
    ):  # (whether it is likely is the sentence before's)
        came, went = (
            [w for w in came if w != "reasonably likely"],
            [w for w in went if w != "reasonably likely"],
        )
    quoted = lambda words: ", ".join(f"\u201c{w}\u201d" for w in words)  # noqa: E731
    parts = ([f"now {quoted(came)}"] if came else []) + ([f"no longer {quoted(went)}"] if went else [])
    return f" ({'; '.join(parts)})" if parts else ""


#: Words that qualify a statement on material incidents: belief, knowledge, time.
_QUALIFIER_RE = lazy_compile(
    r"\b(?:believes?|believed|currently|presently|known|aware|knowledge|"
    # (an assessment so far, or not finished: "Based on our assessment to date", "although our investigation is ongoing")
    + ASSESSED_SO_FAR
    + "|"
    + ASSESSING_STILL
    + r"|to\s+date|at\s+this\s+time|identified|reasonably\s+likely|expects?)\b",
    re.I,
)


# ---- people ----------------------------------------------------------------------------------------------------
def _titles(p: dict) -> set[str]:
    return {title_key(t) for t in p.get("titles") or []}


def _name_key(name: str | None) -> str:
    return once("name_key", name or "", lambda: value_key(name or ""))


def _same_name(a: dict, b: dict) -> bool:
    if not a.get("name") or not b.get("name"):
        return False
    na, nb = _name_key(a["name"]).split(), _name_key(b["name"]).split()
    return na == nb or na[-1:] == nb[-1:] and (len(na) == 1 or len(nb) == 1 or na[0] == nb[0])


def _functions(title_key_: str) -> frozenset[str]:
    """The words of a title that say what the role does ("information security"), rank words aside."""
    return once("title_functions", title_key_, lambda: frozenset(title_key_.split()) - RANK_WORDS)


def _remit_moved(a: dict, b: dict) -> bool:
    """Whether a title of one person is a title of the other with a remit added (`portfolio_widened`): one post,
    widened or narrowed ("Chief Privacy Officer" and "Chief Privacy and Data Responsibility Officer")."""
    return any(any(remits(x, y)) for x in a.get("titles") or [] for y in b.get("titles") or [])


def _title_overlap(a: dict, b: dict) -> float:
    """1.0 when the two hold a title in common, or titles doing the same thing (rank aside: Senior and Executive
    Vice President of IT Operations); else the share of function words they have in common."""
    ta, tb = _titles(a), _titles(b)
    if ta & tb:
        return 1.0
    best = 0.0
    for x in ta:
        for y in tb:
            wx, wy = _functions(x), _functions(y)
            if wx and wy:
                best = max(best, len(wx & wy) / len(wx | wy))
    return best


def _background_signals(o: dict, n: dict) -> list[str]:
    """What suggests an unnamed person is someone else: experience falling, other former employers, another
    pronoun."""
    out = []
    if o.get("pronoun") and n.get("pronoun") and o["pronoun"] != n["pronoun"]:
        out.append(f"the text now says '{n['pronoun']}' where it said '{o['pronoun']}'")
    oe, ne = o.get("experience"), n.get("experience")
    if fell := _experience_fell(o, n):
        out.append(fell)
    if oe and ne and ne["years"] - oe["years"] >= 3 and _titles(o) != _titles(n):
        out.append(
            f"stated experience jumped from {oe['years']} to {ne['years']} years, with a new title "
            f"({', '.join(n.get('titles') or [])})"
        )
    if basis := _stand_in(o, n):
        out.append(f"the role is now held on an {basis} basis")
    # a later start in the same role (an unseen reader's HD edit: "joined the Company in 2021" -> "in 2025", a new
    # career told, the same pronoun; read as certifications dropped)
    started, starts = (re.search(r"(?:19|20)\d\d", str(p.get("tenure_start") or "")) for p in (o, n))
    if started and starts and int(starts.group()) > int(started.group()) and _titles(o) & _titles(n):
        out.append(f"in the role since {starts.group()}, where it said {started.group()}")
    of, nf = (
        {value_key(x) for x in o.get("former_employers") or []},
        {value_key(x) for x in n.get("former_employers") or []},
    )
    if of and nf and not of & nf:
        out.append(
            "other former employers: "
            + ", ".join(n["former_employers"])
            + " (was "
            + ", ".join(o["former_employers"])
            + ")"
        )
    return out


def _experience_fell(o: dict, n: dict) -> str | None:
    """ "stated experience fell from 25 to 10 years" where the later year states less than the earlier; None else."""
    oe, ne = o.get("experience"), n.get("experience")
    return (
        f"stated experience fell from {oe['years']} to {ne['years']} years"
        if oe and ne and ne["years"] < oe["years"]
        else None
    )


def _background_moved(o: dict, n: dict) -> str | None:
    """What the later year no longer says, or now says, of one person's career: "former employers no longer named
    (were Acme Bank, Globex)" (an unseen filing's reader: UPST FY2025 cut its CISO's career to a clause, read as low
    wording edits). Only where one year names none: a career told both years, in other words, is the same person's
    (and an employer more or less there is mostly how the sentence was read). None otherwise."""
    was, now = o.get("former_employers") or [], n.get("former_employers") or []
    if was and not now:
        return f"former employers no longer named (were {', '.join(was)})"
    if now and not was:
        return f"former employers now named: {', '.join(now)}"
    return None


#: A sentence telling of a departure that also says someone new holds the post ("our new CISO", "a successor").
_NEW_HOLDER_RE = lazy_compile(
    r"\bnew\s+(?-i:[A-Z])|\b(?:was|were|has\s+been)\s+(?:appointed|named|hired)\b", re.I
)


def _holder_now(post: str, n: dict) -> str:
    """Who holds a post whose earlier holder left, as a people change says it: "the Deputy Chief Information Security
    Officer holds the role on an interim basis", "a new Chief Information Security Officer holds the role", "Jane Roe
    holds the role", "the Chief Information Officer is now responsible"."""
    titles = n.get("titles") or []
    basis = next((word for t in titles if (word := stand_in(t))), None)
    own = [t for t in titles if not stand_in(t)]
    who = n.get("name") or (f"the {own[0]}" if own and title_key(own[0]) != title_key(post) else None)
    if basis:
        return f"{who} holds the role on an {basis} basis" if who else f"an {basis} {post} holds the role"
    if title_key(_role_title(n)) == title_key(post):
        return f"{who or f'a new {post}'} holds the role"
    return f"{who or f'the {_role_title(n)}'} is now responsible"


#: When a departure took effect, as a sentence says it: "in February 2026", "effective December 31, 2024", "in the
#: fourth quarter of fiscal 2025", "in fiscal year 2026", "in 2025".
_LEFT_WHEN_RE = lazy_compile(
    r"\b(?:in|on|effective|as\s+of|during)\s+((?:(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(?:\d{1,2},?\s+)?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d\b|the\s+(?:first|second|third|fourth)\s+"
    r"(?:fiscal\s+)?quarter\s+of\s+(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d\b)",
    re.I,
)


def _when(sentence: str) -> str:
    """ " in February 2026" (" effective ...") where the sentence telling of a departure dates it; else ""."""
    m = _LEFT_WHEN_RE.search(sentence)
    return f" {m.group(0).split()[0].lower()} {m.group(1)}" if m else ""


def _stand_in(o: dict, n: dict) -> str | None:
    """ "acting" or "interim" when the later person holds a stand-in's title (`titles.stand_in`) and the earlier
    did not."""
    later = [word for t in n.get("titles") or [] if (word := stand_in(t))]
    return later[0] if later and not any(map(stand_in, o.get("titles") or [])) else None


def _new_titles(o: dict, n: dict) -> str:
    """What a successor's titles add to "the <post> was replaced: A -> B": " (now Acting Chief Information Security
    Officer and Chief Engineering Officer)", or "" when the titles are the same."""
    titles = n.get("titles") or []
    return f" (now {' and '.join(titles)})" if titles and _titles(o) != _titles(n) else ""


def _experience_note(o: dict | None, n: dict) -> str:
    """What a successor's stated experience and certifications add to a people change: "; stated experience 25 years
    -> 10 years", or "; stated experience over 20 years" where the earlier person's was not stated ("" when none is,
    or the same); then "; certifications CISSP, CISM -> none stated" where the two differ (a reader found a new lead's
    lack of the predecessor's CISSP and CISM unsaid: Item 106(c)(2)(i) asks for the expertise of those responsible)."""
    ne, oe = n.get("experience"), (o or {}).get("experience")
    out = ""
    if ne and not oe:
        out = f"; stated experience {_years_text(ne)}"
    elif ne and oe and _years(oe) != _years(ne):
        out = f"; stated experience {_years_text(oe)} -> {_years_text(ne)}"
    was, now = (o or {}).get("certifications") or [], n.get("certifications") or []
    if o is not None and (was or now) and {c.upper() for c in was} != {c.upper() for c in now}:
        out += f"; certifications {', '.join(was) or 'none stated'} -> {', '.join(now) or 'none stated'}"
    return out


def _appointed_after(o: dict, n: dict, since: int | None) -> str | None:
    """The year the later holder of a post the earlier one held too was appointed to it, when that is after the
    earlier fiscal year (UPWK FY2025: "Appointed as our CISO in April 2025", where FY2024 described a CISO without
    a date): someone new holds the post, whatever the rest of the text says alike. None otherwise, or when the
    titles differ (a promotion of the same person is dated too)."""
    start = n.get("tenure_start")
    if since is None or not start or start == o.get("tenure_start") or not _titles(o) & _titles(n):
        return None
    year = re.search(r"(?:19|20)\d\d", str(start))
    return year.group() if year and int(year.group()) > since else None


def _outside(o: dict, n: dict) -> str | None:
    """ "now held by an outside provider" (`people.external`: "our external CISO") or the other way round, when that
    changed; else None."""
    was, now = bool(o.get("external")), bool(n.get("external"))
    if was == now:
        return None
    return "now held by an outside provider" if now else "no longer said to be held by an outside provider"


def _role_title(p: dict) -> str:
    """The post a person is named by: of several titles, the first of security ("Trent Cox, Vice President of Product
    and Business Operations, is serving as our interim CSO" was "the Vice President of Product and Business
    Operations was replaced", an unseen reader's next year), else the first."""
    titles = p.get("titles") or [p.get("name") or "person"]
    return (security_titles(titles) + titles)[0]


def people_changes(
    old: list[FactValue],
    new: list[FactValue],
    since: int | None = None,
    tenure: list[FactValue] | None = None,
    left_posts: Callable[[], dict[str, str]] | None = None,
) -> tuple[list[Change], list[tuple[FactValue | None, FactValue | None]]]:
    """One change per person who changed; and the (old, new) people each change is about (`since`: the earlier
    year's fiscal year, when known: a holder of the same post said to have been appointed after it is someone
    new, and the later year's `tenure` facts give the sentence that says so; `left_posts`: the posts whose holder the
    later year says has left, by `title_key`, each with the sentence that says so, read when first asked for)."""
    spec = SPECS["people"]
    olds, news = list(old), list(new)
    pairs: list[tuple[FactValue, FactValue]] = []
    for test in (
        lambda a, b: _same_name(a, b),
        lambda a, b: _title_overlap(a, b) >= 1.0 or _remit_moved(a, b),
        lambda a, b: _title_overlap(a, b) >= 0.75 and a.get("role") == b.get("role"),
    ):
        for o in list(olds):
            match = next((n for n in news if test(o.value, n.value)), None)
            if match is not None:
                pairs.append((o, match))
                olds.remove(o)
                news.remove(match)
    out: list[Change] = []
    about: list[tuple[FactValue | None, FactValue | None]] = []

    def add(
        kind: str,
        severity: str,
        summary: str,
        why: str,
        o: FactValue | None,
        n: FactValue | None,
        details: list[str] | None = None,
    ) -> None:
        out.append(
            Change(
                "fact_changed" if o and n else "fact_added" if n else "fact_removed",
                severity,  # type: ignore[arg-type]
                fact="people",
                change=kind,
                old=o.value if o and n else None,
                new=n.value if o and n else None,
                value=(n or o).value if not (o and n) else None,  # type: ignore[union-attr]
                summary=summary,
                why=why,
                element=(n or o).element,  # type: ignore[union-attr]
                evidence={"old": o.evidence, "new": n.evidence} if o and n else (n or o).evidence,  # type: ignore[union-attr]
                details=details or [],
            )
        )
        about.append((o, n))

    left_role: list[FactValue] = []
    took_role: list[FactValue] = []
    posts: dict[str, str] | None = None  # (`left_posts`, once read)
    lines: dict[
        int, str
    ] = {}  # (the id of one taking the role who had been the officer it reported to -> that title)
    for o, n in pairs:
        ov, nv = o.value, n.value
        if (_same_name(ov, nv) or not (ov.get("name") and nv.get("name"))) and (
            ov.get("role") == "responsible"
        ) != (nv.get("role") == "responsible"):
            # (and one named only one year: "HCP's Chief Technology Officer, Robert Quinlan, is responsible on an
            # interim basis", the CTO the CISO had reported to: reader 34's REIT, "the CTO is now named" beside the
            # CISO who left, no replacement said)
            # one named both years who is, or is no longer, the one responsible ("Our former CISO, Rebecca Hollis,
            # left ...; since her departure, our CIO, Mark Delaney, has been responsible": reader 28's defense
            # contractor, no people change said at all): gone or come, as one not named the other year is
            (left_role if ov.get("role") == "responsible" else took_role).append(
                o if ov.get("role") == "responsible" else n
            )
            if ov.get("role") == "reports_to" and ov.get("titles"):
                lines[id(n)] = _role_title(ov)
            continue
        responsible = "responsible" in (ov.get("role"), nv.get("role"))
        role = _role_title(nv) if nv.get("titles") else _role_title(ov)
        post = (
            _role_title(ov) if ov.get("titles") else role
        )  # (a successor is named by the post the first held)
        outside = _outside(ov, nv)
        also = f"; the role is {outside}" if outside else ""
        if ov.get("name") and nv.get("name") and not _same_name(ov, nv):
            # one of several responsible, not the security or technology lead, the lead kept: medium (reader 28's
            # insurer: its Chief Risk Officer, chair of a management committee, replaced while the CISO stayed, was
            # "the person responsible changed", high)
            beside = (
                responsible
                and not any(_TECH_TITLE_RE.search(t) for t in (ov.get("titles") or []))
                and any(
                    p is not o
                    and q is not n
                    and p.value.get("role") == q.value.get("role") == "responsible"
                    and any(_TECH_TITLE_RE.search(t) for t in (q.value.get("titles") or []))
                    for p, q in pairs
                )
            )
            add(
                "replaced",
                "high" if responsible and not beside else "medium",
                f"the {post} was replaced: {ov['name']} -> {nv['name']}{_new_titles(ov, nv)}"
                f"{_experience_note(ov, nv)}{also}",
                "one of those responsible changed"
                if beside
                else "the person responsible changed"
                if responsible
                else spec.severity.why,
                o,
                n,
            )
            continue
        appointed = _appointed_after(ov, nv, since)
        if appointed and not _same_name(ov, nv):
            add(
                "replaced",
                "high" if responsible else "medium",
                f"a new {post}, appointed in {appointed}{_experience_note(ov, nv)}{also}",
                "the person responsible changed" if responsible else spec.severity.why,
                o,
                n,
                _background_signals(ov, nv),
            )
            dated = next((v for v in tenure or [] if v.value == nv.get("tenure_start")), None)
            if dated is not None:  # (the sentence that dates the appointment, not the first to name the post)
                out[-1].evidence = {"old": o.evidence, "new": dated.evidence}
            continue
        signals = _background_signals(ov, nv)
        if posts is None:  # (read once, and only for a pair that asks)
            posts = left_posts() if left_posts is not None else {}
        told = posts.get(title_key(post)) if not _same_name(ov, nv) else None
        if told is not None and (
            signals or title_key(_role_title(nv)) != title_key(post) or _NEW_HOLDER_RE.search(told)
        ):
            # the later year says the post's holder left, and names who holds it now ("Following the departure of our
            # previous CISO in February 2026, the Company's Deputy CISO is serving as interim CISO": reader 43's, where
            # the tool said "possibly a different person"; "our previous CISO retired, and our new CISO ...", which was
            # only the stated experience changed, medium)
            add(
                "replaced",
                "high" if responsible else "medium",
                f"the {post} left{_when(told)}: {_holder_now(post, nv)}{_experience_note(ov, nv)}{also}",
                "the person responsible changed" if responsible else spec.severity.why,
                o,
                n,
                signals,
            )
            out[-1].evidence = {"old": o.evidence, "new": told}
            continue
        if (
            signals == [_experience_fell(ov, nv)]
            and ov.get("tenure_start") == nv.get("tenure_start")
            and not _roles_moved(ov, nv)[0]
        ):
            # a cut in stated experience alone is no sign of someone else: the change of the fact says it, medium, as a
            # rise is (readers 35 and 39: "25 -> 10 years" with the same pronoun and nothing else changed was "possibly
            # a different person", high, the verdict's lead on a speculation)
            continue
        if signals and not _same_name(ov, nv):
            # a second title given up says more than the background: "the CISO is no longer also the CIO" (an
            # unseen filing's reader: AMD FY2024's CISO now reports to the CIO it had been)
            given_up, taken_on, kept = _roles_moved(ov, nv)
            if given_up and not taken_on:
                add(
                    "roles_split",
                    "high" if responsible else "medium",
                    f"the {kept} is no longer also the {', '.join(given_up)}, and is possibly a different person: "
                    + "; ".join(signals)
                    + also,
                    "the person responsible may have changed" if responsible else spec.severity.why,
                    o,
                    n,
                    signals,
                )
                continue
            add(
                "possibly_different_person",
                "high" if responsible else "medium",
                f"the {post} is possibly a different person: " + "; ".join(signals) + also,
                "the person responsible may have changed" if responsible else spec.severity.why,
                o,
                n,
                signals,
            )
            continue
        if outside:  # (the same post, now held from outside the company or back in it)
            # high for the one responsible: an outside provider's officer is not the employee who held the post, nor
            # the other way round (a reader's retailer, its CISO now "a virtual CISO provided by" a firm, found the
            # medium too low: who is responsible changed)
            # (the only one responsible, both years: one of several, as ELF FY2025's external CISO beside its Chief
            # Digital Officer, stays medium, as one of several gone is)
            alone = (
                responsible
                and all(p is o or p.value.get("role") != "responsible" for p in old)
                and all(p is n or p.value.get("role") != "responsible" for p in new)
            )
            add(
                "outside_provider" if nv.get("external") else "in_house",
                "high" if alone else "medium",
                f"the role of {post} is {outside}",
                "the person responsible changed: the post is "
                + ("now held by an outside provider" if nv.get("external") else "now held by an employee")
                if alone
                else "who holds the post, an employee or an outside provider, changed",
                o,
                n,
            )
            continue
        if ov.get("name") and not nv.get("name"):
            add(
                "no_longer_named",
                "medium",
                f"the {role} is no longer named (was {ov['name']})",
                "readers can no longer tell who is responsible",
                o,
                n,
            )
            continue
        if nv.get("name") and not ov.get("name"):
            add(
                "named",
                "medium",
                f"the {role} is now named: {nv['name']}",
                "who is responsible is now stated",
                o,
                n,
            )
            continue
        given_up, taken_on, kept = _roles_moved(ov, nv)
        if not (given_up or taken_on) and (background := _background_moved(ov, nv)):
            add(
                "background_changed",
                "medium" if responsible else "low",
                f"{nv.get('name') or f'the {role}'}: {background}",
                "the expertise described for the person responsible changed (Item 106(c)(2)(i))"
                if responsible
                else "the background described for this person changed",
                o,
                n,
            )
            continue
        if given_up or taken_on:
            who = nv.get("name") or f"the {kept}"
            if all(_RANK_ONLY_RE.fullmatch(t) for t in given_up + taken_on):
                # a rank beside the role ("the Senior Executive Vice President and Chief Risk Officer, Laura Chen"): the
                # same role, a reader's bank found it high and first in the verdict
                ranks = ", ".join(taken_on or given_up)
                add(
                    "rank_titled",
                    "low",
                    f"{who} is {'now also' if taken_on else 'no longer also'} titled the {ranks}",
                    "a rank named beside the title of one of those responsible; the role is the same",
                    o,
                    n,
                )
                continue
            if given_up and not taken_on:
                add(
                    "roles_split",
                    "high" if responsible else "medium",
                    f"{who} is no longer also the {', '.join(given_up)}",
                    "the roles of those responsible changed",
                    o,
                    n,
                )
            elif taken_on and not given_up:
                add(
                    "roles_merged",
                    "high" if responsible else "medium",
                    f"{who} is now also the {', '.join(taken_on)}",
                    "the roles of those responsible changed",
                    o,
                    n,
                )
    # the one responsible person gone and another come: a replacement ("the CIO no longer leads; the CISO does")
    gone = [o for o in olds if o.value.get("role") == "responsible"] + left_role
    came = [n for n in news if n.value.get("role") == "responsible"] + took_role
    # one of several responsible gone, others still responsible both years, is medium, as one added is ("appointed"):
    # a reader found a COO who had chaired a committee dropped from MA's five officers high, and added back, medium
    stayed = any(o.value.get("role") == n.value.get("role") == "responsible" for o, n in pairs)
    for o, n in zip(list(gone), list(came)):
        who_o = o.value.get("name") or f"the {_role_title(o.value)}"
        who_n = n.value.get("name") or f"the {_role_title(n.value)}"
        outside = _outside(o.value, n.value)  # ("the vCISO" of a consulting firm replaced by an employee)
        # one of several, neither of them an officer of security or technology, is medium (an unseen reader's steering
        # committee, its chair the CEO no longer, the CISO still leading, read as "the Director of Facilities replaced
        # the Chief Executive Officer as the person responsible", high); the security lead replaced stays high
        beside = stayed and not any(
            _TECH_TITLE_RE.search(t) for p in (o, n) for t in p.value.get("titles") or []
        )
        # the officer the role reported to, now holding it, and on a stand-in's title ("Our Chief Information Officer,
        # Linda Park, has served as interim Head of Cyber Defense since his departure": reader 38's defense supplier,
        # said as a plain replacement and a reporting line "no longer" stated)
        line = f" ({lines[id(n)]}{_LINE_HOLDS_ROLE}" if id(n) in lines and n.value.get("name") else ""
        basis = _stand_in(o.value, n.value)
        add(
            "replaced",
            "medium" if beside else "high",
            f"{who_n}{line} replaced {who_o} "
            + (
                "among those responsible for cybersecurity, others still are"
                if beside
                else "as the person responsible for cybersecurity"
            )
            + (f", on an {basis} basis" if basis and basis not in who_n.lower() else "")
            + _experience_note(o.value, n.value)
            + (f"; the role is {outside}" if outside else ""),
            "one of those responsible changed" if beside else "the person responsible changed",
            o,
            n,
        )
        for side, value in ((olds, o), (news, n), (left_role, o), (took_role, n)):
            if value in side:
                side.remove(value)
    for o in olds + left_role:
        if o.value.get("role") == "responsible":
            who = o.value.get("name") or f"the {_role_title(o.value)}"
            add(
                "gone",
                "medium" if stayed else "high",
                f"{who} is no longer described as responsible for cybersecurity"
                + (", others still are" if stayed else ""),
                "one of those responsible is no longer named as such"
                if stayed
                else "the person responsible changed",
                o,
                None,
            )
    for n in news + took_role:
        if n.value.get("role") == "responsible":
            who = n.value.get("name") or f"the {_role_title(n.value)}"
            named = _named(n.value) if n.value.get("name") else who
            add(
                "appointed",
                "medium",
                f"now responsible for cybersecurity: {named}{_experience_note(None, n.value)}",
                "who is responsible for cybersecurity changed",
                None,
                n,
            )
    # a named officer the section describes in its cybersecurity work without making them responsible, new or gone (a
    # reader's utility: "Our Chief Digital Officer, Priya Natarajan, who joined ..., works with the Chief Information
    # Security Officer on the security of new digital platforms" was one low sentence added): a new officer in the
    # structure is medium, one no longer described low (the program's lead is unchanged either way)
    for fv, left in [(o, True) for o in olds] + [(n, False) for n in news]:
        if fv.value.get("name") and (said := _BESIDE.get((fv.value.get("role"), left))):
            kind, severity, summary, why = said
            note = "" if left else _experience_note(None, fv.value)
            add(
                kind,
                severity,
                summary.format(_named(fv.value)) + note,
                why,
                fv if left else None,
                None if left else fv,
            )
    return out, about


#: A title of security or technology ("Chief Information Security Officer", "IT Security Director", "Chief Digital
#: Officer").
_TECH_TITLE_RE = lazy_compile(r"secur|cyber|information|technolog|digital|\bdata\b|\bIT\b", re.I)


#: (role, gone) -> (kind, severity, summary, why) of a named person beside those responsible, gone or newly described.
_BESIDE = {
    ("board_member", True): (
        "director_gone",
        "medium",
        "a director is no longer described for cybersecurity expertise: {}",
        "the board's cybersecurity expertise described changed",
    ),
    ("other", True): (
        "other_gone",
        "low",
        "{} is no longer described in the cybersecurity work",
        "an officer described beside those responsible is no longer named",
    ),
    ("board_member", False): (
        "director_named",
        "medium",
        "a director newly described for cybersecurity expertise: {}",
        "the board's cybersecurity expertise described changed",
    ),
    ("other", False): (
        "other_named",
        "medium",
        "newly described in the cybersecurity work, not as responsible: {}",
        "an officer the section now names beside those responsible: who takes part in managing cybersecurity changed",
    ),
}


def _named(p: dict) -> str:
    """ "Priya Natarajan (Chief Digital Officer)"."""
    titles = ", ".join(p.get("titles") or [])
    return f"{p['name']} ({titles})" if titles else p["name"]


#: What a replacement by the officer the role reported to says of them ("Linda Park (Chief Information Officer, to whom
#: the role reported) replaced ..."), and so what tells `_explains` the line to that officer is the replacement's.
_LINE_HOLDS_ROLE = ", to whom the role reported)"


#: What a people change stands for, by its kind: the facts whose changes about the same person it explains.
EXPLAINS = {
    "replaced": {
        "reports_to",  # (the line to the officer who now holds the role: `_explains`)
        "responsible_titles",
        "responsible_people",
        "experience_years",
        "tenure_start",
        "certifications",
        "former_certifications",
    },
    "possibly_different_person": {
        "responsible_titles",
        "experience_years",
        "tenure_start",
        "certifications",
        "former_certifications",
    },
    "appointed": {
        "responsible_titles",
        "responsible_people",
        "experience_years",
        "tenure_start",
        "certifications",
    },
    "gone": {
        "responsible_titles",
        "responsible_people",
        "experience_years",
        "tenure_start",
        "certifications",
    },
    "named": {"responsible_people"},
    "no_longer_named": {"responsible_people"},
    # (a split whose stated experience changed too says so: that holder's experience is its detail)
    "roles_split": {"responsible_titles", "experience_years"},
    "roles_merged": {"responsible_titles"},
    "rank_titled": {"responsible_titles"},
}


def stated_alike(fact: str, before: list[FactValue], after: list[FactValue]) -> bool:
    """Whether two years state a fact alike: each states it, with the same values as changes are paired (each
    value's key for the fact: titles by `title_key`, committees by `committee_key`)."""
    return bool(before) and sorted(_key(fact, v.value) for v in before) == sorted(
        _key(fact, v.value) for v in after
    )


def _roles_moved(ov: dict, nv: dict) -> tuple[list[str], list[str], str]:
    """(titles given up, titles taken on, the role by the titles kept) of one person whose titles changed while
    keeping one at least ([], [], "" otherwise): a role split or merged."""
    ot, nt = _titles(ov), _titles(nv)
    if ot == nt or not ot & nt:
        return [], [], ""
    gone = [t for t in ov["titles"] if title_key(t) not in nt]
    came = [t for t in nv["titles"] if title_key(t) not in ot]
    return gone, came, _role_title({"titles": [t for t in nv["titles"] if title_key(t) in ot]})


def kept_values(fact: str, before: list[FactValue], after: list[FactValue]) -> list[FactValue]:
    """The later year's values of a fact that the earlier year states too (paired as `stated_alike` pairs them): what
    still stands of a fact that changed in part (MA: the Chief Security Officer, who leads, still responsible beside a
    newly named Chief Data Officer; an unseen reader found him nowhere in the report)."""
    earlier = {_key(fact, v.value) for v in before}
    return [v for v in after if _key(fact, v.value) in earlier]


def _same_values(before: list[FactValue], after: list[FactValue]) -> bool:
    return len(before) == len(after) and all(o.value == n.value for o, n in zip(before, after))


#: Words of a certification pursued, not held ("pursuing", "working toward", "in the process of obtaining").
PURSUING_RE = lazy_compile(
    r"\b(?:pursu(?:e|es|ing)|seek(?:s|ing)?|working\s+towards?|in\s+the\s+process\s+of\s+(?:obtaining|achieving|"
    r"pursuing)|plan(?:s|ning)?\s+to\s+(?:obtain|achieve|pursue))\b",
    re.I,
)


def certified(sentence: str, standard: str | None = None) -> bool:
    """Whether a sentence says the company is certified to a standard (not that it pursues it); to `standard` (a
    framework's name, "ISO/IEC 27001"), where given: its number, or its first word, within the words of the
    certification ("our design centers are certified under ISO/IEC 27001, and ... a SOC 2 Type II report" certifies
    no SOC 2)."""
    if "certif" not in sentence.lower() and "accredit" not in sentence.lower():
        return False
    if standard is None:
        return found_unless_after(CERTIFIED_RE, sentence, PURSUING_RE, 60)
    numbers = re.findall(r"\d{2,}", standard)
    token = (numbers[0] if numbers else standard.split()[0].split("/")[0]).lower()
    return any(
        not PURSUING_RE.search(sentence, max(0, m.start() - 60), m.start())
        and token in sentence[m.start() : standard_end(sentence, m.end())].lower()
        for m in CERTIFIED_RE.finditer(sentence)
    )


def standard_end(sentence: str, at: int, reach: int | None = None) -> int:
    """Where the name of a standard told from `at` ends (`_STANDARD_END_RE`): the sentence's end, or `reach`
    characters on, at the latest."""
    end = _STANDARD_END_RE.search(sentence, at, len(sentence) if reach is None else at + reach)
    return end.start() if end else len(sentence)


#: Where the name of a standard told after a certification ends (the end of the searched text at the latest).
_STANDARD_END_RE = lazy_compile(r"\s+(?:and|or|by|for|since|in)\b|[,;()]|\.(?:\s|$)|$")


#: A certification to a standard, either way round ("certified to ISO/IEC 27001", "ISO 27001 certified", "our ISO/IEC
#: 27001 certification", "HITRUST CSF certified").
CERTIFIED_RE = lazy_compile(
    r"\b(?:certified|certification|accredited|accreditation)\s+(?:(?:to|under|against|for|as\s+compliant\s+with|"
    r"with|of|in)\s+)?(?:the\s+)?(?:[\w/-]+\s+){0,3}?(?:ISO|IEC|SOC|PCI|HITRUST|FedRAMP|CMMC|Cyber\s+Essentials|TISAX|"
    r"CSA\s+STAR)\b|\b(?:ISO|IEC|SOC|PCI|HITRUST|FedRAMP|CMMC|TISAX)\b[\w\s/:.-]{0,30}?\b(?:certified|certification|"
    r"accredited|accreditation)\b"
)
#: A title that is a rank alone, no role ("Senior Executive Vice President", "EVP").
_RANK_ONLY_RE = lazy_compile(
    r"(?:(?:senior|executive|group|corporate)\s+)*vice\s+president|(?:S|E|SE)?VP", re.I
)


def _who(pair: tuple[FactValue | None, FactValue | None]) -> tuple[set[str], set[str], set[str]]:
    """The title keys and name keys of the people a people change is about, and the keys of what they hold (their
    certifications, held now or before, and the year they took the role)."""
    titles: set[str] = set()
    names: set[str] = set()
    held: set[str] = set()
    for p in pair:
        if p is not None:
            titles |= _titles(p.value)
            if p.value.get("name"):
                names.add(_name_key(p.value["name"]))
            for field in ("certifications", "former_certifications"):
                held.update(value_key(c) for c in p.value.get(field) or ())
            if p.value.get("tenure_start"):
                held.add(value_key(p.value["tenure_start"]))
    return titles, names, held


def _explains(change: Change, who: tuple[set[str], set[str], set[str]], fact_change: Change) -> bool:
    """Whether a fact change is part of a people change (about the same person, of a fact that change explains;
    `who`: the title and name keys of the people the change is about, and the keys of what they hold). A
    certification or a start in the role is the person's who holds it (an unseen reader: ETSY FY2025's CISO's CIPT,
    now held before, was told as a detail of the Chief Technology Officer's replacement)."""
    if fact_change.fact not in EXPLAINS.get(change.change or "", set()):
        return False
    titles, names, held = who
    if fact_change.fact == "reports_to":  # (a line no longer stated to the one now holding the role)
        return (
            change.change == "replaced"
            and fact_change.kind == "fact_removed"
            and bool(change.summary and _LINE_HOLDS_ROLE in change.summary)
            and title_key(str(fact_change.value)) in titles
        )
    if fact_change.fact in ("tenure_start", "certifications", "former_certifications"):
        return any(value_key(v) in held for v in (fact_change.value, fact_change.old, fact_change.new) if v)
    for v in (fact_change.value, fact_change.old, fact_change.new):
        if v is None:
            continue
        if isinstance(v, dict):
            holder = v.get("holder") or ""
            if title_key(holder) in titles or _name_key(holder) in names:
                return True
        elif title_key(str(v)) in titles or _name_key(str(v)) in names:
            return True
    return False


# ---- everything ------------------------------------------------------------------------------------------------
_OWN_CHANGES = {"people", "material_incident_statement", "material_incident_strength"}


def changes_between(
    old: Facts,
    new: Facts,
    since: int | None = None,
    left_posts: Callable[[], dict[str, str]] | None = None,
) -> list[Change]:
    """Fact changes between two already extracted fact sets (flag flips are the differ's job; `since`: the earlier
    year's fiscal year, when known; `left_posts`: the posts the later year says their holder left, as
    `people_changes` takes them, asked for only where the people of the two years differ)."""
    people, about = people_changes(
        old.get("people", []),
        new.get("people", []),
        since,
        new.get("tenure_start", []),
        left_posts if old.get("people") != new.get("people") else None,
    )
    out: list[Change] = []
    for name, spec in SPECS.items():
        if name in _OWN_CHANGES:
            continue
        before, after = old.get(name, []), new.get(name, [])
        if _same_values(before, after) and name != "briefing_frequency":
            continue  # the same values in the same order: the same keys, nothing added, removed or replaced
        # (a briefing's values may hold while the bodies briefed change: `_briefed_instead` looks)
        if name == "experience_years":
            out += experience_changes(spec, before, after)
        elif spec.multi:
            out += set_changes(spec, before, after)
        else:
            out += single_changes(spec, before, after)
    # a committee newly overseeing is newly briefed too: its oversight added says it (the briefing would repeat it)
    overseers = {f"the {c.value}" for c in out if c.fact == "board_oversight" and c.kind == "fact_added"}
    out = [
        c
        for c in out
        if c.change != "also_briefed" or (body_briefed(str(c.evidence), c.value) or "") not in overseers
    ]
    # the officer reported to retitled, where that officer is one of those responsible retitled alike, is that change
    # again (a reader found a verdict leading with one retitling twice: the CISO's, and the VP's line to the CISO)
    retitled = {(c.old, c.new) for c in out if c.fact == "responsible_titles" and c.change == "retitled"}
    out = [
        c
        for c in out
        if not (c.fact == "reports_to" and c.change == "retitled" and (c.old, c.new) in retitled)
    ]
    kept: list[Change] = []
    owners = [(p, _who(pair)) for p, pair in zip(people, about)] if out else []
    for fact_change in out:
        owner, held = next(
            ((p, who[2]) for p, who in owners if _explains(p, who, fact_change)), (None, set())
        )
        if owner is None:
            kept.append(fact_change)
            continue
        if (
            fact_change.summary
            and fact_change.fact not in ("responsible_people", "reports_to")
            # (a start in the role the people do not hold: the predecessor's gone with him, and the later year's is
            # another's, a reader's bank: "in the role since: 2017 -> 2020", 2020 the Chief Risk Officer's)
            and not (
                fact_change.fact == "tenure_start"
                and fact_change.kind == "fact_changed"
                and value_key(fact_change.new or "") not in held
            )
        ):
            owner.details.append(fact_change.summary)
        if fact_change.fact and fact_change.fact not in owner.touches:  # (its wording is the people change's)
            owner.touches.append(fact_change.fact)
    kept = _certification_moves(kept)
    return people + material_changes(old, new) + kept


def _certification_moves(changes: list[Change]) -> list[Change]:
    """A certification removed that is now said to have been held before is one change."""
    removed = {
        value_key(c.value): c for c in changes if c.fact == "certifications" and c.kind == "fact_removed"
    }
    out = []
    for c in changes:
        if c.fact == "former_certifications" and c.kind == "fact_added" and value_key(c.value) in removed:
            gone = removed.pop(value_key(c.value))
            out.append(
                Change(
                    "fact_changed",
                    "medium",
                    fact="certifications",
                    change="now_previously_held",
                    old=gone.value,
                    new=f"{c.value} (held before)",
                    summary=f"{c.value} is now said to have been held before, not now",
                    why=SPECS["certifications"].severity.why,
                    element=c.element,
                    evidence={"old": gone.evidence, "new": c.evidence},
                )
            )
            continue
        out.append(c)
    return [
        c
        for c in out
        if not (c.fact == "certifications" and c.kind == "fact_removed" and value_key(c.value) not in removed)
    ]
