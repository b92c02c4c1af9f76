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

Then the budgets of issue 16, each pair loaded from the store as `tracker diff` loads it and compared in
memory (`compare()`: sentences, moves, facts and similarity), interleaved run by run with its peer, CPU
medians:

- every corpus year-over-year pair (the text extracts and the Inline XBRL 10-Ks, as the tests find them):
  the comparison as a multiple of difflib's word-level SequenceMatcher (`SequenceMatcher(None, a.split(),
  b.split()).ratio()`) on the same two section texts; budget at most 1.0 on every pair;
- the 60,000-character rewritten pair: the median of compare(); budget 25 ms.

Beside each, what bounds it from below: the changes reported, the rewritten sentence pairs among them and the
CPU of their word diffs alone (`wdiff`: the diff-match-patch work the byte-identical `ops` need), in the same
interleaving; the summary says on how many pairs those word diffs alone take over half or all of difflib's time.

    .venv/bin/python bench/bench_diff.py [--corpus ../shared/corpus] [--repeat 21] [--budgets-only]
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import diff_match_patch

from tracker.diff.compare import compare
from tracker.diff.worddiff import word_diff
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


def pair_files(corpus: Path) -> list[tuple[str, list[str], list[str]]]:
    """The pairs below as the files each side is read from (several: concatenated), for a worker that reads them
    with another version of the tool (bench_facts_speed)."""
    text = corpus / "text"
    out = [
        (f"{t} {y}->{y + 1}", [str(text / f"{t}_{y}.txt")], [str(text / f"{t}_{y + 1}.txt")])
        for t in RUNS
        for y in (2023, 2024)
    ]
    out.append(("rewritten AMZN24 vs UPWK24", [str(text / "AMZN_2024.txt")], [str(text / "UPWK_2024.txt")]))
    a24 = [str(text / f"{t}_2024.txt") for t in SYNTH_A]
    out.append(("synthetic 60k 2024->2025", a24, [str(text / f"{t}_2025.txt") for t in SYNTH_A]))
    out.append(("synthetic 60k rewritten", a24, [str(text / f"{t}_2025.txt") for t in SYNTH_B]))
    return out


def pairs(corpus: Path) -> list[tuple[str, Disclosure, Disclosure]]:
    """Year over year pairs of nine filers, a fully rewritten pair and two synthetic ~60,000-character pairs."""

    def side(paths: list[str]) -> Disclosure:
        return (
            load_path(Path(paths[0]))
            if len(paths) == 1
            else concatenated([load_path(Path(p)) for p in paths])
        )

    return [(name, side(old), side(new)) for name, old, new in pair_files(corpus)]


def corpus_pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    """Every consecutive year pair of the corpus (as tests/test_report_reading_order.py finds them)."""
    runs: dict[str, list[Path]] = {}
    for path in sorted((corpus / "text").glob("*.txt")):
        m = re.fullmatch(r"(.+)_(\d{4})\.txt", path.name)
        if m:
            runs.setdefault(f"text {m.group(1)}", []).append(path)
    for path in sorted((corpus / "ixbrl").glob("*.html.gz")):
        m = re.fullmatch(r"(.+)-10-k-fy(\d{4})\.html\.gz", path.name)
        if m:
            runs.setdefault(f"ixbrl {m.group(1)}", []).append(path)
    return [
        (f"{run} {_year(a)}->{_year(b)}", a, b)
        for run, paths in runs.items()
        for a, b in zip(paths, paths[1:])
    ]


def _year(path: Path) -> str:
    return re.findall(r"\d{4}", path.name)[-1]


def interleaved_cpu_ms(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median CPU milliseconds of each fn, the fns run in turn `repeat` times (a busy spell hits them alike)."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            start = time.process_time()
            fn()
            times[k].append(time.process_time() - start)
    return [statistics.median(t) * 1000 for t in times]


def budgets(store: Store, corpus: Path, repeat: int, first_number: int) -> None:
    """The issue-16 budgets: compare() against difflib on words on every corpus pair; the 60k rewritten pair.

    Beside each pair, what bounds it from below: the changes it reports, the rewritten sentence pairs among
    them, and `wdiff`, the CPU of those pairs' word diffs alone (`word_diff`, diff-match-patch on words and
    its semantic clean-up: what the byte-identical `ops` of each text_changed need), run in the same
    interleaving as the two measured."""
    header = (
        f"{'corpus pair':34} {'words':>11} {'compare':>8} {'difflib':>8} {'ratio':>6} "
        f"{'changes':>7} {'rewrites':>8} {'wdiff':>6} {'wdiff/difflib':>13}"
    )
    print(f"\n{header}\n{'-' * len(header)}")
    ratios = []
    floors = []
    for number, (name, old_path, new_path) in enumerate(corpus_pairs(corpus), first_number):
        old, new = load_path(old_path), load_path(new_path)
        cik = stored_pair(store, number, old, new)
        loaded = compare_stored(store, cik, 2001, 2002).comparison
        warm_old, warm_new = loaded.old, loaded.new
        a, b = old.section_text.split(), new.section_text.split()
        result = compare(warm_old, warm_new)
        rewrites = [(p.old_text, p.new_text) for p in result.pairs if p.status == "changed"]
        ours, peer, wdiff = interleaved_cpu_ms(
            [
                lambda: compare(warm_old, warm_new),
                lambda: difflib.SequenceMatcher(None, a, b).ratio(),
                lambda: [word_diff(x, y) for x, y in rewrites],
            ],
            repeat,
        )
        ratios.append((ours / peer, name))
        floors.append((wdiff / peer, name))
        print(
            f"{name:34} {len(a):>5}/{len(b):<5} {ours:8.2f} {peer:8.2f} {ours / peer:6.2f} "
            f"{len(result.changes):>7} {len(rewrites):>8} {wdiff:6.2f} {wdiff / peer:13.2f}"
        )
    over = [name for ratio, name in ratios if ratio > 1.0]
    worst, worst_name = max(ratios)
    print(
        f"\ncompare() / difflib on words: median {statistics.median(r for r, _ in ratios):.2f}, worst {worst:.2f} "
        f"({worst_name}); {len(over)} of {len(ratios)} pairs over the budget of 1.0"
        + (f": {', '.join(over)}" if over else "")
    )
    print(
        f"the word diffs of the rewritten sentences alone / difflib: median "
        f"{statistics.median(f for f, _ in floors):.2f}; {sum(f > 1.0 for f, _ in floors)} pairs over 1.0 on "
        f"those alone, {sum(f > 0.5 for f, _ in floors)} over 0.5"
    )
    text = corpus / "text"
    old = concatenated([load_path(text / f"{t}_2024.txt") for t in SYNTH_A])
    new = concatenated([load_path(text / f"{t}_2025.txt") for t in SYNTH_B])
    cik = stored_pair(store, first_number + len(ratios), old, new)
    loaded = compare_stored(store, cik, 2001, 2002).comparison
    warm_old, warm_new = loaded.old, loaded.new
    result = compare(warm_old, warm_new)
    rewrites = [(p.old_text, p.new_text) for p in result.pairs if p.status == "changed"]
    rewritten, wdiff = interleaved_cpu_ms(
        [lambda: compare(warm_old, warm_new), lambda: [word_diff(x, y) for x, y in rewrites]], repeat
    )
    print(
        f"the {len(old.section_text):,}/{len(new.section_text):,}-character rewritten pair: compare() median "
        f"{rewritten:.1f} ms CPU (budget: 25 ms); {len(result.changes)} changes, {len(rewrites)} rewritten "
        f"sentence pairs whose word diffs alone take {wdiff:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=21, help="runs of compare() per pair")
    parser.add_argument("--peer-repeat", type=int, default=5, help="runs of each peer per pair")
    parser.add_argument("--budgets-only", action="store_true", help="only the issue-16 budgets")
    args = parser.parse_args()
    if args.budgets_only:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            budgets(store, args.corpus, args.repeat, 0)
        return
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
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        budgets(store, args.corpus, args.repeat, 0)


if __name__ == "__main__":
    main()
