"""Fact extraction speed against an earlier version of the tool, measured side by side in one run.

The budget of the facts rewrite: `tracker compare` of two files with the facts of both sides extracted afresh
(bench_diff's `+facts` column) at most 1.2x the version before it. Both versions run in their own worker
process on the same pairs (bench_diff's pairs: nine three-year text runs, a rewritten pair and the two
60,000-character synthetic sections), alternately, round after round; each pair's figure is the median of
all its timings, and the ratio quoted is the median of the per-pair ratios (and their total).

    .venv/bin/python bench/bench_facts_speed.py [--baseline 05d8285] [--rounds 5] [--repeat 7]

The baseline is taken from git (`git archive`) into a temporary folder; nothing in the checkout changes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The last commit before facts were rewritten as declared rules.
BASELINE = "05d8285"

WORKER = r"""
import gc, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
try:
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_path
except ImportError:  # the baseline, before the stage packages
    from tracker.differ import compare
    from tracker.readers import read_path as load_path
corpus, repeat = sys.argv[3], int(sys.argv[4])
from pathlib import Path
# the pairs of this checkout's bench_diff (the same inputs for both), read by the tool under test: bench_diff
# itself imports this checkout's tracker, which the baseline's is not
pairs = json.loads(sys.argv[5])


def cold(*disclosures):
    for d in disclosures:
        d.facts_cache = None


def concatenated(paths):
    from tracker.models import UNTAGGED_ELEMENT, Disclosure, Element
    text = "\n\n".join(load_path(Path(p)).section_text for p in paths)
    return Disclosure([Element(UNTAGGED_ELEMENT, "text", text, "inferred")], tagged=False, source_format="text",
                      section_text=text)


def side(paths):
    return load_path(Path(paths[0])) if len(paths) == 1 else concatenated(paths)


out = {}
for name, old_paths, new_paths in pairs:
    old, new = side(old_paths), side(new_paths)
    compare(old, new)  # warm the patterns
    times = []
    for _ in range(repeat):
        cold(old, new)
        start = time.perf_counter()
        compare(old, new)
        times.append(time.perf_counter() - start)
    out[name] = statistics.median(times) * 1000
print(json.dumps(out))
"""


def measure(code_root: Path, corpus: Path, repeat: int) -> dict[str, float]:
    """Per-pair median milliseconds of compare() with facts extracted afresh, by the tool at code_root."""
    # the pairs come from this checkout's bench_diff (same inputs for both); the tool from code_root
    sys.path.insert(0, str(ROOT))
    from bench.bench_diff import pair_files

    done = subprocess.run(
        [
            sys.executable,
            "-c",
            WORKER,
            str(code_root),
            str(ROOT),
            str(corpus),
            str(repeat),
            json.dumps(pair_files(corpus)),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--baseline", default=BASELINE, help="git revision to compare with (default %(default)s)"
    )
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per version")
    parser.add_argument("--repeat", type=int, default=7, help="timed compares per pair and round")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        base.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline, "tracker", "templates", "db"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        runs: dict[str, dict[str, list[float]]] = {"baseline": {}, "current": {}}
        for _ in range(args.rounds):
            for label, root in (("baseline", base), ("current", ROOT)):
                for name, ms in measure(root, args.corpus, args.repeat).items():
                    runs[label].setdefault(name, []).append(ms)
    print(
        f"compare() with the facts of both sides extracted afresh: {args.baseline} against this checkout, "
        f"{args.rounds} alternating rounds x {args.repeat} runs, medians in ms"
    )
    print(f"{'pair':32} {'baseline':>9} {'current':>9} {'ratio':>6}")
    ratios = []
    for name in runs["baseline"]:
        b, c = statistics.median(runs["baseline"][name]), statistics.median(runs["current"][name])
        ratios.append(c / b)
        print(f"{name:32} {b:9.1f} {c:9.1f} {c / b:6.2f}")
    total_b = sum(statistics.median(v) for v in runs["baseline"].values())
    total_c = sum(statistics.median(v) for v in runs["current"].values())
    print(
        f"\nmedian ratio {statistics.median(ratios):.2f}, total {total_c:.0f} ms against {total_b:.0f} ms "
        f"({total_c / total_b:.2f}x); budget: at most 1.20x"
    )


if __name__ == "__main__":
    main()
