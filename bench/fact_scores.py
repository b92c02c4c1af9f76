"""Precision and recall of fact extraction against the hand labels in tests/data/fact_labels.json."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tracker.facts import FACT_NAMES, extract_facts
from tracker.normalize import comparison_key
from tracker.readers import read_path

LABELS = Path(__file__).resolve().parent.parent / "tests" / "data" / "fact_labels.json"


def _key(value: object) -> str:
    if isinstance(value, dict):
        value = [value["holder"], value["years"], value["qualifier"]]
    if isinstance(value, list):
        return "|".join(comparison_key(str(v)) for v in value)
    return comparison_key(str(value))


def score(corpus: Path) -> tuple[dict[str, tuple[int, int, int]], list[str]]:
    """fact -> (true positives, extracted, expected) over every labelled document; and the differences."""
    labels = {k: v for k, v in json.loads(LABELS.read_text()).items() if not k.startswith("_")}
    tp: Counter[str] = Counter()
    got: Counter[str] = Counter()
    want: Counter[str] = Counter()
    notes = []
    for rel, expected in labels.items():
        facts = extract_facts(read_path(corpus / rel))
        for fact, values in expected.items():
            exp = {_key(v) for v in values}
            act = {_key(v.value) for v in facts[fact]}
            tp[fact] += len(exp & act)
            got[fact] += len(act)
            want[fact] += len(exp)
            if exp != act:
                notes.append(f"{rel} {fact}: missing {sorted(exp - act)} extra {sorted(act - exp)}")
    return {f: (tp[f], got[f], want[f]) for f in FACT_NAMES if want[f] or got[f]}, notes


def report(corpus: Path, verbose: bool = False) -> dict[str, tuple[float, float]]:
    """Print per-fact precision and recall; return fact -> (precision, recall)."""
    counts, notes = score(corpus)
    out = {}
    print(f"fact extraction vs. hand labels ({LABELS.name})")
    for fact, (tp, got, want) in counts.items():
        precision = tp / got if got else 1.0
        recall = tp / want if want else 1.0
        out[fact] = (precision, recall)
        print(f"  {fact:28s} P {precision:5.2f} ({tp}/{got})  R {recall:5.2f} ({tp}/{want})")
    if verbose:
        for note in notes:
            print("  diff:", note)
    return out
