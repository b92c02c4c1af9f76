"""Why the tool says what it says: each fact value with the rule that found it and the sentence that states it,
and the sentences that speak of the fact but yielded nothing (`tracker explain`).

A wrong value is traced to its rule and sentence; a missing one to the sentences that name the fact's keywords
(the union of its rules' keywords) without a rule finding a value there, with the rules that did fire on them
(a biography stretch, for instance, explains why a title there is no current title).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.errors import BadInput
from tracker.facts.extract import Reading
from tracker.facts.rules import SPECS, FactSpec, all_rules

#: At most this many silent sentences are listed per fact (the count says how many there are).
MAX_SILENT = 8


@dataclass
class ValueExplained:
    """One value of a fact and where it comes from."""

    value: object
    text: str
    rule: str
    rule_doc: str
    element: str
    evidence: str
    also: list[str] = field(default_factory=list)


@dataclass
class Silent:
    """A sentence that speaks of a fact (holds its keywords) but yielded no value of it."""

    element: str
    sentence: str
    fired: list[str]
    """The rules (of any fact) that matched it."""


@dataclass
class FactExplained:
    """Everything about one fact of one disclosure."""

    fact: str
    label: str
    doc: str
    values: list[ValueExplained]
    silent: list[Silent]
    silent_total: int

    def to_json(self) -> dict:
        return {
            "fact": self.fact,
            "label": self.label,
            "doc": self.doc,
            "values": [
                {
                    "value": v.value,
                    "text": v.text,
                    "rule": v.rule,
                    "rule_doc": v.rule_doc,
                    "element": v.element,
                    "evidence": v.evidence,
                    "also": v.also,
                }
                for v in self.values
            ],
            "silent_sentences": [
                {"element": s.element, "sentence": s.sentence, "rules_fired": s.fired} for s in self.silent
            ],
            "silent_total": self.silent_total,
        }


def fact_names(fact: str | None) -> list[str]:
    """The facts to explain: one named (an unknown name is bad input), else all."""
    if fact is None:
        return list(SPECS)
    if fact not in SPECS:
        raise BadInput(f"unknown fact {fact!r}; use one of {', '.join(SPECS)}.")
    return [fact]


def explain(reading: Reading, values: dict[str, list], fact: str | None = None) -> list[FactExplained]:
    """Explain the facts of a disclosure from its Reading and its fact values (tracker.facts.extract_facts)."""
    rules = all_rules()
    out = []
    for name in fact_names(fact):
        spec = SPECS[name]
        explained = [
            ValueExplained(
                v.value,
                spec.describe(v.value),
                v.rule,
                rules[v.rule].doc if v.rule in rules else "",
                v.element,
                v.evidence,
                list(v.also),
            )
            for v in values.get(name, [])
        ]
        stating = {f.sentence for f in reading.found if f.fact == name}
        silent = [i for i in _speaking_of(spec, reading) if i not in stating]
        out.append(
            FactExplained(
                name,
                spec.label,
                spec.doc,
                explained,
                [
                    Silent(reading.sentences[i][0], reading.sentences[i][1], sorted(reading.fired.get(i, ())))
                    for i in silent[:MAX_SILENT]
                ],
                len(silent),
            )
        )
    return out


def _speaking_of(spec: FactSpec, reading: Reading) -> list[int]:
    """The sentences holding one of the fact's keywords (or, for a fact without any, none)."""
    index = reading.index
    found = set(index.holding(spec.speaks_of)) if spec.speaks_of else set()
    if spec.cased and not spec.topic:
        found |= index.holding(spec.cased, lower=False)
    return sorted(found)


def render_text(items: list[FactExplained], title: str) -> str:
    """The explanation as plain text."""
    lines = [title, ""]
    for item in items:
        lines.append(f"{item.fact} ({item.label})")
        if not item.values:
            lines.append("  no value")
        for v in item.values:
            lines.append(f"  = {v.text}")
            lines.append(f"      rule: {v.rule}" + (f" ({v.rule_doc})" if v.rule_doc else ""))
            if v.evidence:
                lines.append(f"      [{v.element}] {v.evidence}")
            for other in v.also:
                lines.append(f"      also: {other}")
        if item.silent_total:
            lines.append(
                f"  sentences that speak of it but yielded nothing ({item.silent_total}"
                f"{', first ' + str(len(item.silent)) if item.silent_total > len(item.silent) else ''}):"
            )
            for s in item.silent:
                fired = f" (rules that matched: {', '.join(s.fired)})" if s.fired else ""
                lines.append(f"    - {s.sentence}{fired}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
