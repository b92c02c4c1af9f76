"""The facts of docs/facts.md, read from a Disclosure, and the fact changes between two disclosures.

Every fact is one `FactSpec` with its named `Rule`s (`tracker.facts.catalogue`); every value keeps the rule
that found it, the sentence that states it and the element that sentence sits in. `tracker explain` shows
them.
"""

from __future__ import annotations

from typing import Any

from tracker.facts import catalogue as _catalogue  # noqa: F401  (registers the facts)
from tracker.facts.changes import (
    as_worded,
    body_briefed,
    careers_still_told,
    changes_between,
    engagements_ended,
    kept_values,
    renames_told,
    stated_alike,
    statement_narrowed,
    statement_still_made,
    title_still_used,
    years_apart,
)
from tracker.facts.extract import FactValue, Found, Reading, value_key
from tracker.facts.governance import GovernanceReader
from tracker.facts.material import MaterialReader
from tracker.facts.people import PeopleReader, departures_new
from tracker.facts.program import ProgramReader
from tracker.facts.rules import SPECS, FactSpec, Rule, all_rules
from tracker.facts.text import SentenceIndex, Sentences, derived, disclosure_sentences, has, hint_text
from tracker.models import Change, Disclosure
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import once, split_sentences

__all__ = [
    "as_worded",
    "body_briefed",
    "careers_still_told",
    "engagements_ended",
    "renames_told",
    "FACT_NAMES",
    "SINGLE_FACTS",
    "SPECS",
    "FactSpec",
    "FactValue",
    "Found",
    "Reading",
    "Rule",
    "Sentences",
    "all_rules",
    "attach_facts",
    "changes_between",
    "disclosure_sentences",
    "extract_facts",
    "fact_changes",
    "fact_text",
    "facts_to_json",
    "has",
    "hint_text",
    "kept_values",
    "material_incident",
    "owned_values",
    "read",
    "shared_facts",
    "stated_alike",
    "statement_narrowed",
    "statement_still_made",
    "title_still_used",
    "value_key",
    "years_apart",
]

#: Every fact, in catalogue order: the contract of the JSON, the database and the reports.
FACT_NAMES = list(SPECS)
#: Facts with one value (the others are sets, or lists).
SINGLE_FACTS = {name for name, spec in SPECS.items() if not spec.multi}
#: How a company names itself: "At CrowdStrike, we ...", "CrowdStrike's security policies".
_OWN_NAME_RE = lazy_compile(
    r"(?-i:\bAt\s+([A-Z][\w&.-]+)(?:\s+[A-Z][\w&.-]+)?,\s+(?:we|our|cyber))|"
    r"(?-i:\b([A-Z][\w&.-]+)['\u2019]s\s+(?:cybersecurity|security|information|policies|board|Board|"
    r"audit|Audit|systems|network|overall|enterprise|management|employees|executive))"
)
#: Version of the rules (and of the sentence splitting they read): facts stored by other rules are read again.
RULES_VERSION = "6"


def _own_names(s: str) -> list[str]:
    return [(m.group(1) or m.group(2)).lower() for m in _OWN_NAME_RE.finditer(s) if m.group(1) or m.group(2)]


def read(d: Disclosure) -> Reading:
    """Everything read from a disclosure's text (worked out once per text)."""
    cache = derived(d)
    if cache.reading is None:
        own = {w.lower() for w in [*(d.name or "").split()[:1], *d.tickers]}
        own |= {
            name
            for _, s in disclosure_sentences(d)
            if "At " in s or "\u2019s" in s or "'s" in s
            for name in once("own_names", s, lambda: _own_names(s))
        }
        own = {w for w in own if w}
        reading = Reading(
            SentenceIndex(disclosure_sentences(d)), keys=dict(_catalogue.KEYS), own_names=frozenset(own)
        )
        people = PeopleReader(reading)
        people.read()
        people.finish()
        GovernanceReader(reading).read()
        ProgramReader(reading).read()
        MaterialReader(reading).read()
        cache.reading = reading
    return cache.reading


def extract_facts(d: Disclosure) -> dict[str, list[FactValue]]:
    """Every fact of the catalogue for one disclosure: fact name -> values with evidence (empty list: none).

    Computed once per disclosure text (or taken from the store, see attach_facts); a caller gets a copy.
    """
    return _copy(shared_facts(d))


def shared_facts(d: Disclosure) -> dict[str, list[FactValue]]:
    """`extract_facts(d)` itself, not a copy: for a caller that only reads it (and copies whatever of it it
    hands on, see `owned_values`)."""
    cache = derived(d)
    if cache.facts is None:
        reading = read(d)
        cache.facts = {name: reading.values(name)[: None if SPECS[name].multi else 1] for name in FACT_NAMES}
    return cache.facts  # type: ignore[no-any-return]


def owned_values(changes: list[Change]) -> list[Change]:
    """Fact changes made from `shared_facts` given values of their own (what they hold is then theirs to
    change, as with `extract_facts`)."""
    for c in changes:
        c.value, c.old, c.new = _copy_value(c.value), _copy_value(c.old), _copy_value(c.new)
    return changes


def attach_facts(d: Disclosure, facts: dict[str, list[FactValue]], copy: bool = True) -> None:
    """Make `facts` (the store's rows of this very disclosure) what extract_facts(d) returns, for as long as
    the disclosure's texts stay as they are now (a copy of them, unless the caller made them for this alone)."""
    ordered = {name: facts.get(name, []) for name in [*FACT_NAMES, *facts]}
    derived(d).facts = _copy(ordered) if copy else ordered


def _copy(facts: dict[str, list[FactValue]]) -> dict[str, list[FactValue]]:
    return {
        name: [FactValue(_copy_value(v.value), v.element, v.evidence, v.rule, list(v.also)) for v in values]
        for name, values in facts.items()
    }


def _copy_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_value(v) for v in value]
    return value


def facts_to_json(facts: dict[str, list[FactValue]]) -> dict:
    """The design.md `show` shape: {fact: [{"value", "element", "evidence", "rule"}, ...]}."""
    return {name: [v.to_json() for v in values] for name, values in facts.items()}


def fact_changes(old: Disclosure, new: Disclosure) -> list[Change]:
    """Fact changes between two disclosures (flag flips are the differ's job)."""
    changes = changes_between(
        extract_facts(old),
        extract_facts(new),
        old.fiscal_year,
        lambda: departures_new(split_sentences(old.section_text), split_sentences(new.section_text)),
    )
    careers_still_told(changes, old.section_text, new.section_text)
    return changes


def fact_text(value: object, fact: str | None = None) -> str:
    """A fact value as one line of text ("Chief Security Officer: over 15 years")."""
    if fact in SPECS:
        return SPECS[fact].describe(value)
    if isinstance(value, dict):
        if "years" in value:
            return _catalogue.experience_text(value)
        if "titles" in value:
            return _catalogue.person_text(value)
    if isinstance(value, (list, tuple, set)):
        return ", ".join(fact_text(v) for v in value)
    return str(value)


def material_incident(d: Disclosure) -> tuple[str, str | None, str | None]:
    """(statement, strength, evidence sentence) of a disclosure: ("absent", None, None) where it makes none."""
    facts = shared_facts(d)  # (only read: strings are all it hands on)
    statement = facts.get("material_incident_statement") or []
    strength = facts.get("material_incident_strength") or []
    if not statement or statement[0].value == "absent":
        return "absent", None, None
    return statement[0].value, strength[0].value if strength else None, statement[0].evidence
