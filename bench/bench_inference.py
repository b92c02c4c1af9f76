"""Flag inference accuracy on tagged filings, with their tags hidden.

For every tagged source of the corpus (the cyd-tagged Inline XBRL 10-Ks in `ixbrl/` and the R pages in
`seeds/`), build an untagged copy of its Disclosure (same section text and text blocks, no flags), run
`infer_flags`, and compare each inferred flag with the filer's own tag. A flag the filer did not tag is
not counted; an inference of `absent` where the filer tagged a value counts as a disagreement.

    python bench/bench_inference.py [--corpus ../shared/corpus] [--verbose]

Facts and the flags of untagged years against hand-read labels: `bench/bench_facts.py`.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.facts.inference import infer_flags  # noqa: E402
from tracker.models import FLAGS, Disclosure, spec_for  # noqa: E402
from tracker.pipeline.load import load_path  # noqa: E402


def tagged_sources(corpus: Path) -> list[Path]:
    """The corpus files that carry cyd tags (by content: the reader says `tagged`)."""
    candidates = sorted((corpus / "ixbrl").glob("*.htm*")) + sorted((corpus / "seeds").glob("*.txt"))
    return [p for p in candidates if p.is_file()]


def hide_tags(d: Disclosure) -> Disclosure:
    """An untagged copy: the same text, every flag removed."""
    return Disclosure(
        elements=[copy.copy(e) for e in d.elements if e.kind == "text"],
        tagged=False,
        source_format=d.source_format,
        section_text=d.section_text,
    )


def compare(path: Path) -> list[tuple[str, object, object, str | None]]:
    """(flag, tagged value, inferred value, evidence) for every flag the filer tagged."""
    d = load_path(path)
    tags = {e.name: e.value for e in d.elements if e.kind == "flag" and e.source == "tagged"}
    if not d.tagged or not tags:
        return []
    blind = hide_tags(d)
    infer_flags(blind)
    inferred = {e.name: e for e in blind.elements if e.kind == "flag"}
    return [
        (name, tags[name], inferred[name].value, inferred[name].evidence) for name in FLAGS if name in tags
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--verbose", action="store_true", help="print the evidence of every disagreement")
    args = parser.parse_args(argv)
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    sources = 0
    for path in tagged_sources(args.corpus):
        rows = compare(path)
        sources += bool(rows)
        for name, tag, guess, evidence in rows:
            total[name] += 1
            if tag == guess:
                agree[name] += 1
            else:
                misses.append((path.name, name, tag, guess, evidence))
    print(f"flag inference vs. the filers' own tags ({sources} tagged sources)")
    for name in FLAGS:
        pct = 100 * agree[name] / total[name] if total[name] else 0.0
        print(f"  {spec_for(name).label[:70]:70s} {agree[name]:3d}/{total[name]:3d}  {pct:5.1f}%")
    all_agree, all_total = sum(agree.values()), sum(total.values())
    print(f"  {'overall':70s} {all_agree:3d}/{all_total:3d}  {100 * all_agree / max(all_total, 1):5.1f}%")
    for source, name, tag, guess, evidence in misses:
        print(f"  disagree: {source} {name}: tagged {tag}, inferred {guess}")
        if args.verbose and evidence:
            print(f"      evidence: {evidence[:300]}")
    print(
        "\nThe materially-affected flag follows the material-incident statement: where the text only refers to the "
        "risk factors it is absent, though some filers tag false there (see docs/facts.md). Facts, people and "
        "flags against hand-read labels: bench/bench_facts.py."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
