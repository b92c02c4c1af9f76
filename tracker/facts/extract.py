"""Read one disclosure's facts: run every fact's rules over its sentences, keeping each value's evidence.

A `Reading` holds every value found (with the rule that found it and the sentence that states it) and, per
fact, the distinct values in document order: what `extract_facts` returns. It also remembers which rules
fired on which sentence, for `tracker explain`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tracker.facts.text import SentenceIndex, Sentences
from tracker.models import UNTAGGED_ELEMENT
from tracker.text.normalize import comparison_key


@dataclass
class FactValue:
    """One value of a fact, with its evidence."""

    value: Any
    """Normalised value: a str, or a dict (experience_years, people)."""
    element: str
    """The element the evidence sentence sits in."""
    evidence: str
    """The sentence that states the value."""
    rule: str = ""
    """The rule that found it ("frameworks.nist_csf")."""
    also: list[str] = field(default_factory=list)
    """The other sentences that state the same value."""

    def to_json(self) -> dict:
        """{"value", "element", "evidence", "rule"} (and "also": the other sentences stating it, if any)."""
        out = {"value": self.value, "element": self.element, "evidence": self.evidence, "rule": self.rule}
        if self.also:
            out["also"] = list(self.also)
        return out


@dataclass
class Found:
    """One finding: a value, the rule and the sentence (index) it came from."""

    fact: str
    value: Any
    sentence: int
    rule: str


def value_key(value: Any) -> str:
    """What two equal values share (case, spacing, punctuation and quote styles aside)."""
    if isinstance(value, dict):
        return "|".join(f"{k}={value_key(v)}" for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(value_key(v) for v in value) + "]"
    return comparison_key(str(value))


@dataclass
class Reading:
    """Everything read from one disclosure."""

    index: SentenceIndex
    """Its sentences."""
    found: list[Found] = field(default_factory=list)
    """Every value found, in the order found."""
    fired: dict[int, set[str]] = field(default_factory=dict)
    """Sentence index -> names of the rules that matched it (whether or not they yielded a value)."""
    keys: dict[str, Callable[[Any], str]] = field(default_factory=dict)
    """Fact -> how its values are compared (default value_key)."""
    _by_fact: dict[str, list[Found]] | None = field(default=None, repr=False)
    _counted: int = field(default=0, repr=False)
    own_names: frozenset[str] = frozenset()
    """The first words (lower case) of the filer's own name and tickers: the company is no outside firm."""
    absent: dict[str, FactValue] = field(default_factory=dict)
    """Fact -> the value standing for "the text says nothing" (the material-incident statement: absent)."""

    @property
    def sentences(self) -> Sentences:
        return self.index.sentences

    def key(self, fact: str, value: Any) -> str:
        return self.keys.get(fact, value_key)(value)

    def add(self, fact: str, value: Any, sentence: int, rule: str) -> None:
        """Record a value found in a sentence by a rule."""
        self.found.append(Found(fact, value, sentence, rule))
        self.note(sentence, rule)

    def drop(self, fact: str, value: Any) -> None:
        """Forget every finding of a fact's value (one a later reading shows says nothing more)."""
        self.found = [f for f in self.found if not (f.fact == fact and f.value == value)]
        self._by_fact = None

    def say_absent(self, fact: str, value: Any, rule: str) -> None:
        """The value a fact takes when the text states none."""
        self.absent[fact] = FactValue(value, UNTAGGED_ELEMENT, "", rule)

    def note(self, sentence: int, rule: str) -> None:
        """Record that a rule matched a sentence."""
        self.fired.setdefault(sentence, set()).add(rule)

    def found_of(self, fact: str) -> list[Found]:
        """Every finding of a fact, in document order (then in the order found)."""
        if self._by_fact is None or self._counted != len(self.found):
            by_fact: dict[str, list[Found]] = {}
            for f in self.found:
                by_fact.setdefault(f.fact, []).append(f)
            for values in by_fact.values():
                values.sort(key=lambda f: f.sentence)
            self._by_fact, self._counted = by_fact, len(self.found)
        return list(self._by_fact.get(fact, ()))

    def values(self, fact: str) -> list[FactValue]:
        """The distinct values of a fact, each with the first sentence stating it."""
        out: list[FactValue] = []
        seen: dict[str, FactValue] = {}
        found = self.found_of(fact)
        if len(found) == 1:  # (one finding: no other value to compare its key with)
            f = found[0]
            element, text = self.index.sentences[f.sentence]
            return [FactValue(f.value, element, text, f.rule)]
        for f in found:
            key = self.key(fact, f.value)
            element, text = self.index.sentences[f.sentence]
            if key in seen:
                first = seen[key]
                if text != first.evidence and text not in first.also:
                    first.also.append(text)
                continue
            seen[key] = FactValue(f.value, element, text, f.rule)
            out.append(seen[key])
        if not out and fact in self.absent:
            out.append(self.absent[fact])
        return out

    def sentence_values(self, i: int) -> list[Found]:
        """What sentence i states."""
        return [f for f in self.found if f.sentence == i]
