"""What a comparison carries to the renderers: the comparison with its two sides described, and a filer's
history across its stored years."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from tracker.diff.compare import Comparison


@dataclass
class ComparisonContext:
    """A comparison with what its renderers need to say about the two sides."""

    comparison: Comparison
    """The comparison itself."""
    filer: dict
    """Filer identity (design.md filer object)."""
    old_meta: dict
    """The old side: fiscal_year, form, version, tagged, source, sha256."""
    new_meta: dict
    """The new side."""
    old_row: dict | None = None
    """The stored version row of the old side (None when comparing files)."""
    new_row: dict | None = None
    """The stored version row of the new side."""

    incidents: list[str] = field(default_factory=list)
    """8-K incidents reported between the two years, one line each (`Between FY2023 and FY2024: ...`)."""

    def to_json(self) -> dict:
        """The design.md JSON of the comparison."""
        return self.comparison.to_json(self.filer, self.old_meta, self.new_meta)


@dataclass
class History:
    """Every stored year of a filer: facts, flags and year-over-year similarity."""

    filer: dict
    """Filer identity."""
    years: list[dict]
    """One entry per fiscal year (latest version): year, form, version, tagged."""
    facts: dict[str, dict[int, list]] = field(default_factory=dict)
    """fact -> year -> values stated that year."""
    flags: dict[str, dict[int, dict]] = field(default_factory=dict)
    """flag -> year -> {"value", "source"}."""
    steps: list[dict] = field(default_factory=list)
    """Year-over-year comparisons: old_year, new_year, verdict, similarity, summary."""
    incidents: list[str] = field(default_factory=list)
    """8-K cybersecurity incidents on the timeline, oldest first, one line each."""

    def changed(self, fact: str, year: int) -> bool:
        """Did the fact's values differ from the previous stored year?"""
        years = [y["fiscal_year"] for y in self.years]
        i = years.index(year)
        if i == 0:
            return False
        by_year = self.facts.get(fact, {})
        return _canon(by_year.get(year, [])) != _canon(by_year.get(years[i - 1], []))

    def to_json(self) -> dict:
        """JSON of the history."""
        return {
            "filer": self.filer,
            "years": self.years,
            "facts": {f: {str(y): v for y, v in by.items()} for f, by in self.facts.items()},
            "flags": {f: {str(y): v for y, v in by.items()} for f, by in self.flags.items()},
            "steps": self.steps,
            **({"incidents": self.incidents} if self.incidents else {}),
        }


def _canon(values: list) -> list[str]:
    return sorted(json.dumps(v, sort_keys=True).lower() for v in values)
