"""Benchmark `tracker.differ.compare` against two peers run in the same process.

For each pair: median milliseconds of our compare() (reading excluded), wall and CPU (process time,
less disturbed by a busy machine), with the facts of both sides extracted afresh each run (as for two files
just read); the CPU share of that spent in tracker.facts (fact changes, which compare() includes); the CPU
of compare() when both sides carry their facts already (`cached cpu`: a second comparison of the same
disclosure, or disclosures from the store, which attaches the facts extracted at ingest);
diff-match-patch's `diff_main` on the two raw section texts (default settings:
Diff_Timeout 1 s) and difflib.SequenceMatcher(None, a, b).ratio() on the same pair; then the peers'
times as multiples of ours.

Pairs: the three-year text runs of nine filers (2023->2024, 2024->2025), a fully rewritten pair (two
different filers), and two synthetic ~60,000-character sections made by concatenating real ones
(year-over-year edits of twelve filers; and twelve filers against twelve others).

    /tmp/venv/bin/python bench/bench_diff.py [--corpus ../shared/corpus] [--repeat 21]
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import diff_match_patch

from tracker.differ import compare
from tracker.models import UNTAGGED_ELEMENT, Disclosure, Element
from tracker.readers import read_path

try:
    from tracker.facts import fact_changes
except ImportError:  # compare() then reports no fact changes either
    fact_changes = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
RUNS = ["AMZN", "GOOGL", "JNJ", "RPD", "U", "UPWK", "MXL", "LC", "VKTX"]
SYNTH_A = ["AMPL", "AMZN", "GOOGL", "JNJ", "LC", "MXL", "POWI", "RPD", "U", "UPWK", "VKTX", "AAPL"]
SYNTH_B = ["BOOT", "CRWD", "ELF", "GTLB", "HLI", "MCFT", "MSFT", "PANW", "PRGS", "SCSC", "S", "WGO"]


def median_ms(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Median wall (or, with clock=time.process_time, CPU) milliseconds of fn."""
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times) * 1000


def cold(*disclosures: Disclosure) -> None:
    """Forget the facts (and sentences) tracker.facts keeps on each disclosure."""
    for d in disclosures:
        d.facts_cache = None


def concatenated(disclosures: list[Disclosure]) -> Disclosure:
    text = "\n\n".join(d.section_text for d in disclosures)
    return Disclosure([Element(UNTAGGED_ELEMENT, "text", text, "inferred")], tagged=False,
                      source_format="text", section_text=text)


def pairs(corpus: Path) -> list[tuple[str, Disclosure, Disclosure]]:
    text = corpus / "text"
    out = []
    for ticker in RUNS:
        for year in (2023, 2024):
            out.append((f"{ticker} {year}->{year + 1}", read_path(text / f"{ticker}_{year}.txt"),
                        read_path(text / f"{ticker}_{year + 1}.txt")))
    out.append(("rewritten AMZN24 vs UPWK24", read_path(text / "AMZN_2024.txt"), read_path(text / "UPWK_2024.txt")))
    out.append(("synthetic 60k 2024->2025", concatenated([read_path(text / f"{t}_2024.txt") for t in SYNTH_A]),
                concatenated([read_path(text / f"{t}_2025.txt") for t in SYNTH_A])))
    out.append(("synthetic 60k rewritten", concatenated([read_path(text / f"{t}_2024.txt") for t in SYNTH_A]),
                concatenated([read_path(text / f"{t}_2025.txt") for t in SYNTH_B])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=21, help="runs of compare() per pair")
    parser.add_argument("--peer-repeat", type=int, default=5, help="runs of each peer per pair")
    args = parser.parse_args()
    dmp = diff_match_patch.diff_match_patch()  # default Diff_Timeout = 1.0 s
    header = f"{'pair':30} {'chars':>13} {'ours ms':>8} {'ours cpu':>8} {'facts cpu':>9} {'cached cpu':>10} " \
             f"{'dmp ms':>8} " \
             f"{'difflib ms':>10} {'dmp/ours':>8} {'dl/ours':>8}  verdict"
    print(header)
    print("-" * len(header))
    ours_all: list[float] = []
    cpu_all: list[float] = []
    for name, old, new in pairs(args.corpus):
        a, b = old.section_text, new.section_text
        ours = median_ms(lambda: (cold(old, new), compare(old, new)), args.repeat)
        ours_cpu = median_ms(lambda: (cold(old, new), compare(old, new)), args.repeat, time.process_time)
        facts_cpu = median_ms(lambda: (cold(old, new), fact_changes(old, new)), args.peer_repeat, time.process_time) \
            if fact_changes else 0.0
        compare(old, new)  # both sides now carry their facts
        cached_cpu = median_ms(lambda: compare(old, new), args.repeat, time.process_time)
        peer_dmp = median_ms(lambda: dmp.diff_main(a, b), args.peer_repeat)
        peer_dl = median_ms(lambda: difflib.SequenceMatcher(None, a, b).ratio(), args.peer_repeat)
        ours_all.append(ours)
        cpu_all.append(ours_cpu)
        verdict = compare(old, new).verdict
        print(f"{name:30} {len(a):>6}/{len(b):<6} {ours:8.1f} {ours_cpu:8.1f} {facts_cpu:9.1f} {cached_cpu:10.1f} "
              f"{peer_dmp:8.1f} {peer_dl:10.1f} {peer_dmp / ours:8.1f} {peer_dl / ours:8.1f}  {verdict}")
    print(f"\nmedian of our medians: {statistics.median(ours_all):.1f} ms wall, "
          f"{statistics.median(cpu_all):.1f} ms CPU; worst: {max(ours_all):.1f} ms wall, "
          f"{max(cpu_all):.1f} ms CPU (budget: 50 ms median per pair; 'facts cpu' is the part of 'ours cpu' spent extracting facts)")


if __name__ == "__main__":
    main()
