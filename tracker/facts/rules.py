"""Facts as declared rules: one `FactSpec` per fact, each with its named `Rule`s.

A rule is a pattern, the keywords a sentence must hold for the pattern to have a chance (the prefilter),
and what rules a sentence out (exclusions). A spec says what the fact is (its label, one value or many),
how a value is written as one line, how its changes rank, and which slot a value fills, so that a value
replaced by another of the same slot is one change from X to Y.

The prefilter of a fact is derived from its rules: the union of their keywords. `tracker explain` uses it to
list the sentences that speak of a fact but yielded nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tracker.facts.text import SentenceIndex, has, hint_text, word_matches
from tracker.text.lazy import lazy_compile


@dataclass(frozen=True)
class Rule:
    """One named way of finding a fact in a sentence."""

    name: str
    """Unique name, `fact.what` ("frameworks.nist_csf"); recorded with every value it yields."""
    pattern: re.Pattern[str]
    """What the rule looks for."""
    needs: tuple[str, ...] = ()
    """Lower-case keywords: the pattern cannot match a sentence holding none of them (none: any sentence)."""
    cased: tuple[str, ...] = ()
    """Keywords as written (acronyms): a sentence holding one of them is tried too."""
    unless: re.Pattern[str] | None = None
    """A sentence this finds is ruled out."""
    value: Any = None
    """The value a match stands for (None: the fact's own code reads it from the match)."""
    doc: str = ""
    """What the rule is for, in a line."""
    hint: re.Pattern[str] | None = None
    """A cheaper pattern found wherever the pattern matches (a part every match has): looked for first."""
    starts: tuple[str, ...] = ()
    """Lower-case words at which every match starts (whole words; with `starts_prefix`, words starting so): the
    pattern is tried there only."""
    starts_prefix: bool = False

    def sentences(self, index: SentenceIndex) -> frozenset[int] | range:
        """The sentences the rule may match (by its keywords)."""
        if not self.needs and not self.cased:
            return range(len(index))
        found = index.holding(self.needs) if self.needs else frozenset()
        return found | index.holding(self.cased, lower=False) if self.cased else found

    def may_match(self, text: str, low: str | None) -> bool:
        """Whether the keywords allow a match in one sentence."""
        if not self.needs and not self.cased:
            return True
        return self.needs and has(low, self.needs) or any(map(text.__contains__, self.cased))

    def candidates(self, index: SentenceIndex) -> Collection[int]:
        """`sentences(index)`, worked out once per rule and index, then looked up (`SentenceIndex.for_rule`)."""
        return index.for_rule(self.name, self.sentences)

    def at(self, index: SentenceIndex, i: int) -> bool:
        """may_match for sentence i of the index (from the keyword index: no test of the sentence)."""
        return i in self.candidates(index)

    def matches(self, index: SentenceIndex, i: int) -> Iterator[re.Match[str]]:
        """finditer on sentence i of the index, which says once per sentence what an exclusion rules out
        (many rules share one)."""
        if not self.at(index, i) or self.unless is not None and index.rules_out(self.unless, i):
            return iter(())
        return self.scan(index.texts[i], index.lows[i])

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in a sentence the exclusion does not rule out."""
        if not self.may_match(text, low):
            return iter(())
        if self.unless is not None and self.unless.search(text):
            return iter(())
        return self.scan(text, low)

    def scan(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        """Exactly pattern.finditer(text), the pattern tried only where its hint and starts allow."""
        if self.hint is not None and not self.hint.search(text):
            return iter(())
        if self.starts:
            return iter(
                word_matches(
                    self.pattern,
                    text,
                    hint_text(text) if low is None else low,
                    self.starts,
                    whole=not self.starts_prefix,
                )
            )
        return self.pattern.finditer(text)


def rule(
    name: str,
    pattern: str,
    needs: Iterable[str] = (),
    *,
    cased: Iterable[str] = (),
    unless: str | None = None,
    value: Any = None,
    flags: int = re.I,
    doc: str = "",
    hint: str | None = None,
    hint_flags: int = re.I,
    starts: Iterable[str] = (),
    starts_prefix: bool = False,
) -> Rule:
    """A Rule with its patterns (case-insensitive unless `flags` says otherwise), compiled when first used."""
    return Rule(
        name,
        lazy_compile(pattern, flags),
        tuple(needs),
        tuple(cased),
        lazy_compile(unless, re.I) if unless else None,
        value,
        doc,
        lazy_compile(hint, hint_flags) if hint else None,
        tuple(starts),
        starts_prefix,
    )


@dataclass(frozen=True)
class Severity:
    """How a fact's changes rank (high, medium or low) and why they matter."""

    added: str = "medium"
    removed: str = "medium"
    changed: str = "medium"
    why: str = ""
    """Why a change of the fact matters, in plain English."""


@dataclass(frozen=True)
class FactSpec:
    """One fact of the catalogue (docs/facts.md)."""

    name: str
    """The fact's name: the contract of the JSON, the database and the reports."""
    label: str
    """Plain-English label ("Frameworks followed")."""
    multi: bool
    """Several values (a set), or one."""
    rules: tuple[Rule, ...]
    """The named rules that find it."""
    severity: Severity
    """How its changes rank."""
    slot: Callable[[Any], str | None] | None = None
    """The slot a value fills: a value removed and one added of the same slot are one change (None: one slot
    for every value of a single-valued fact, and no pairing for a set)."""
    describe: Callable[[Any], str] = str
    """A value as one line of text."""
    doc: str = ""
    """What the fact is, in a sentence."""
    topic: tuple[str, ...] = field(default=())
    """Keywords of the sentences that speak of the fact (for `explain`), where its rules' are too broad."""

    @property
    def needs(self) -> tuple[str, ...]:
        """Every lower-case keyword of its rules: the fact's prefilter."""
        return tuple(sorted({w for r in self.rules for w in r.needs}))

    @property
    def speaks_of(self) -> tuple[str, ...]:
        """The keywords of a sentence that speaks of the fact: its topic where it has one, else its rules'."""
        return self.topic or self.needs

    @property
    def cased(self) -> tuple[str, ...]:
        """Every keyword as written of its rules."""
        return tuple(sorted({w for r in self.rules for w in r.cased}))

    def rule(self, name: str) -> Rule:
        """The rule of that name."""
        return next(r for r in self.rules if r.name == name)


#: Every fact, in catalogue order (filled by the fact modules as they are imported).
SPECS: dict[str, FactSpec] = {}


def register(spec: FactSpec) -> FactSpec:
    """Add a fact to the registry (names and rule names are unique)."""
    if spec.name in SPECS:
        raise ValueError(f"fact {spec.name} is registered twice")
    taken = {r.name for s in SPECS.values() for r in s.rules}
    for r in spec.rules:
        if r.name in taken:
            raise ValueError(f"rule {r.name} is registered twice")
    SPECS[spec.name] = spec
    return spec


def all_rules() -> dict[str, Rule]:
    """Every rule of every fact, by name."""
    return {r.name: r for s in SPECS.values() for r in s.rules}
