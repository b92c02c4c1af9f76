"""Benchmark the diff against two peers run in the same process.

For each pair, medians in milliseconds:

- `stored`: what `tracker diff` does once the CLI has started: both versions loaded from a SQLite store
  (elements, section text and the facts extracted at ingest) and compared (`service.compare_stored`);
  wall clock.
- `diff` / `diff cpu`: compare() alone of two disclosures that carry their facts (as loaded from the
  store), wall and CPU (process time: less disturbed by a busy machine): the diff the 50 ms budget is
  about, as the peers' figures are diffs of texts already in memory.
- `+facts`: compare() of two disclosures just read from files (`tracker compare`), the facts of both
  sides extracted afresh each run; `facts cpu`: the CPU of that extraction alone.
- the peers on the two raw section texts: diff-match-patch's `diff_main` (default settings: Diff_Timeout
  1 s) and difflib.SequenceMatcher(None, a, b).ratio(); then their times as multiples of `stored`.

Pairs: the three-year text runs of nine filers (2023->2024, 2024->2025), a fully rewritten pair (two
different filers), and two synthetic ~60,000-character sections made by concatenating real ones
(year-over-year edits of twelve filers; and twelve filers against twelve others).

    .venv/bin/python bench/bench_diff.py [--corpus ../shared/corpus] [--repeat 21]
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import diff_match_patch

from tracker.diff.compare import compare
from tracker.facts import fact_changes
from tracker.models import UNTAGGED_ELEMENT, Disclosure, Element
from tracker.pipeline.compare import compare_stored
from tracker.pipeline.ingest import fact_rows
from tracker.pipeline.load import load_path
from tracker.store import Store

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


def stored_pair(store: Store, number: int, old: Disclosure, new: Disclosure) -> str:
    """Ingest both sides into the store as years 2001 and 2002 of a filer of their own; its CIK."""
    cik = f"{9_000_000 + number:010d}"
    for year, d in ((2001, old), (2002, new)):
        copy = Disclosure(
            d.elements,
            tagged=d.tagged,
            source_format=d.source_format,
            section_text=d.section_text,
            cik=cik,
            name=f"Bench pair {number}",
            fiscal_year=year,
        )
        store.add(
            copy,
            f"{cik}/{year}/{d.section_text}".encode(),
            source_path=f"bench-{number}-{year}",
            facts=fact_rows(copy),
        )
    return cik


def concatenated(disclosures: list[Disclosure]) -> Disclosure:
    text = "\n\n".join(d.section_text for d in disclosures)
    return Disclosure(
        [Element(UNTAGGED_ELEMENT, "text", text, "inferred")],
        tagged=False,
        source_format="text",
        section_text=text,
    )


def pairs(corpus: Path) -> list[tuple[str, Disclosure, Disclosure]]:
    text = corpus / "text"
    out = []
    for ticker in RUNS:
        for year in (2023, 2024):
            out.append(
                (
                    f"{ticker} {year}->{year + 1}",
                    load_path(text / f"{ticker}_{year}.txt"),
                    load_path(text / f"{ticker}_{year + 1}.txt"),
                )
            )
    out.append(
        ("rewritten AMZN24 vs UPWK24", load_path(text / "AMZN_2024.txt"), load_path(text / "UPWK_2024.txt"))
    )
    out.append(
        (
            "synthetic 60k 2024->2025",
            concatenated([load_path(text / f"{t}_2024.txt") for t in SYNTH_A]),
            concatenated([load_path(text / f"{t}_2025.txt") for t in SYNTH_A]),
        )
    )
    out.append(
        (
            "synthetic 60k rewritten",
            concatenated([load_path(text / f"{t}_2024.txt") for t in SYNTH_A]),
            concatenated([load_path(text / f"{t}_2025.txt") for t in SYNTH_B]),
        )
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=21, help="runs of compare() per pair")
    parser.add_argument("--peer-repeat", type=int, default=5, help="runs of each peer per pair")
    args = parser.parse_args()
    dmp = diff_match_patch.diff_match_patch()  # default Diff_Timeout = 1.0 s
    header = (
        f"{'pair':30} {'chars':>13} {'stored':>7} {'diff':>6} {'diff cpu':>8} {'+facts':>7} "
        f"{'facts cpu':>9} {'dmp ms':>7} {'difflib':>7} {'dmp/st':>6} {'dl/st':>6}  verdict"
    )
    print(header)
    print("-" * len(header))
    stored_all: list[float] = []
    diff_all: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        for number, (name, old, new) in enumerate(pairs(args.corpus)):
            a, b = old.section_text, new.section_text
            cik = stored_pair(store, number, old, new)
            stored = median_ms(lambda: compare_stored(store, cik, 2001, 2002), args.repeat)
            loaded = compare_stored(store, cik, 2001, 2002).comparison  # both sides as the store gives them
            warm_old, warm_new = loaded.old, loaded.new
            diff = median_ms(lambda: compare(warm_old, warm_new), args.repeat)
            diff_cpu = median_ms(lambda: compare(warm_old, warm_new), args.repeat, time.process_time)
            with_facts = median_ms(lambda: (cold(old, new), compare(old, new)), args.repeat)
            facts_cpu = median_ms(
                lambda: (cold(old, new), fact_changes(old, new)), args.peer_repeat, time.process_time
            )
            peer_dmp = median_ms(lambda: dmp.diff_main(a, b), args.peer_repeat)
            peer_dl = median_ms(lambda: difflib.SequenceMatcher(None, a, b).ratio(), args.peer_repeat)
            stored_all.append(stored)
            diff_all.append(diff)
            verdict = compare(old, new).verdict
            print(
                f"{name:30} {len(a):>6}/{len(b):<6} {stored:7.1f} {diff:6.1f} {diff_cpu:8.1f} {with_facts:7.1f} "
                f"{facts_cpu:9.1f} {peer_dmp:7.1f} {peer_dl:7.1f} {peer_dmp / stored:6.1f} "
                f"{peer_dl / stored:6.1f}  {verdict}"
            )
        store.close()
    print(
        f"\ndiff (compare of two disclosures in memory): median of the per-pair medians "
        f"{statistics.median(diff_all):.1f} ms, worst pair {max(diff_all):.1f} ms (budget: 50 ms per pair); "
        f"with the SQLite load of `tracker diff`: median {statistics.median(stored_all):.1f} ms, worst "
        f"{max(stored_all):.1f} ms. '+facts' adds the extraction of both sides' facts (done once, at ingest, "
        f"for stored versions)."
    )


if __name__ == "__main__":
    main()
