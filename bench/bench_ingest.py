"""Ingest speed, every figure beside its peer measured in the same run.

1. Reading: tracker's read of each of the Inline XBRL 10-Ks of the corpus (`tracker.read.read_bytes`: decode,
   parse, facts and Item 1C located), against lxml's bare parse of the same bytes (`etree.fromstring`, the XML
   parser, as EDGAR's Inline XBRL is XHTML), both as CPU time, each call charged for the garbage collection of
   what it leaves. Budget: median ratio at most 2x. Shown beside it, for reference:
   lxml.html's parse, and the whole ingest of the file into a database (read, facts, store).
2. A folder of small sources (synthetic filers of bench/universe.py, two years each): stored one file per
   transaction (what a single-file ingest does: a commit and an index update per file) against one
   transaction and one full-text index update per batch (`ingest_parallel`), both in one process.
3. Workers: the same folder, and the Inline XBRL folder, with 1 and 2 worker processes, wall and CPU time
   (workers included). The default of `tracker ingest` (`ingest_workers` in tracker/pipeline/batch.py: a
   worker per core for a folder) is chosen from this measurement, made on a free host.

python bench/bench_ingest.py [--corpus ../shared/corpus] [--runs 5] [--filers 150]
"""

from __future__ import annotations

import gc
import gzip
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import parser  # noqa: E402
from bench.universe import write_universe  # noqa: E402
from tracker.pipeline.batch import ingest_parallel, ingest_workers  # noqa: E402
from tracker.pipeline.ingest import Options, expand, ingest_bytes, ingest_file  # noqa: E402
from tracker.read import read_bytes  # noqa: E402
from tracker.store import Store  # noqa: E402

BUDGET_RATIO = 2.0


def interleaved(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Median seconds of each function, run in turn (so a load that comes and goes hits all alike), as CPU
    time of this process: each runs in this one thread, and on a shared host the wall time also counts the
    time other processes hold the cores. Each call is charged for the garbage it leaves: a collection runs
    inside its timing (a parse whose tree sits in a reference cycle is freed only by the collector, after the
    call returns, where a plain timing would never count it), and none runs on its own in between."""
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            for i, fn in enumerate(fns):
                start = time.process_time()
                fn()
                gc.collect()
                times[i].append(time.process_time() - start)
    finally:
        gc.enable()
    return [statistics.median(t) for t in times]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (user + system)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def reading(corpus: Path, runs: int, tmp: Path) -> bool:
    print(
        f"{'document':30} {'MB':>5} {'read ms':>8} {'lxml ms':>8} {'ratio':>6} "
        f"{'lxml.html ms':>12} {'ratio':>6} {'ingest ms':>10} {'ratio':>6}"
    )
    ratios, html_ratios, ingest_ratios = [], [], []
    counter = iter(range(1_000_000))
    for path in sorted((corpus / "ixbrl").glob("*.htm*")):
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        xml = etree.XMLParser(huge_tree=True)

        def ingest(raw: bytes = raw, name: str = path.name) -> None:
            with Store(tmp / f"read-{next(counter)}.db") as store:
                ingest_bytes(store, raw, Path(name), Options())

        ours, peer, peer_html, whole = interleaved(
            [
                lambda: read_bytes(raw),
                lambda: etree.fromstring(raw, xml),
                lambda: lhtml.document_fromstring(raw),
                ingest,
            ],
            runs,
        )
        ratios.append(ours / peer)
        html_ratios.append(ours / peer_html)
        ingest_ratios.append(whole / peer)
        print(
            f"{path.name:30} {len(raw) / 1e6:5.2f} {1000 * ours:8.1f} {1000 * peer:8.1f} {ours / peer:6.2f} "
            f"{1000 * peer_html:12.1f} {ours / peer_html:6.2f} {1000 * whole:10.1f} {whole / peer:6.2f}"
        )
    median = statistics.median(ratios)
    ok = median <= BUDGET_RATIO
    print(
        f"read / lxml bare parse, median over {len(ratios)} files: {median:.2f}x "
        f"({'within' if ok else 'OVER'} the {BUDGET_RATIO:.0f}x budget); read / lxml.html parse "
        f"{statistics.median(html_ratios):.2f}x; whole ingest / lxml bare parse "
        f"{statistics.median(ingest_ratios):.2f}x"
    )
    return ok


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one call, worker processes included."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def one_per_transaction(folder: Path, db: Path) -> None:
    with Store(db) as store:
        for path in expand([folder]):
            ingest_file(store, path, Options())


def folders(corpus: Path, filers: int, runs: int, tmp: Path) -> None:
    small = tmp / "small"
    files = len(write_universe(small, filers, 11, corpus))
    counter = iter(range(1_000_000))

    def db() -> Path:
        return tmp / f"folder-{next(counter)}.db"

    cases = {
        "one transaction per file": lambda: one_per_transaction(small, db()),
        "one transaction per batch": lambda: ingest_parallel([small], Options(), db(), workers=1),
    }
    figures = measure(cases, runs)
    print(f"\na folder of {files} small sources ({filers} synthetic filers x 2 years), in one process:")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:28} wall {wall:6.2f} s  CPU {cpu:6.2f} s  {1000 * wall / files:6.1f} ms/file")
    per_file, batched = (figures[k][0] for k in cases)
    cpu_per_file, cpu_batched = (figures[k][1] for k in cases)
    print(
        f"  batched / per file: {batched / per_file:.2f}x the wall time, {cpu_batched / cpu_per_file:.2f}x the CPU"
    )
    for label, folder, count in (
        (f"{files} small sources", small, files),
        ("the Inline XBRL 10-Ks", corpus / "ixbrl", len(list(expand([corpus / "ixbrl"])))),
    ):
        figures = measure(
            {
                f"{n} worker{'s' if n > 1 else ''}": (
                    lambda n=n, folder=folder: ingest_parallel([folder], Options(), db(), workers=n)
                )
                for n in (1, 2)
            },
            runs,
        )
        (w1, c1), (w2, c2) = figures.values()
        print(f"\nworkers, {label}:")
        for name, (wall, cpu) in figures.items():
            print(f"  {name:10} wall {wall:6.2f} s  CPU {cpu:6.2f} s  {1000 * wall / count:6.1f} ms/file")
        print(f"  2 workers / 1: wall {w2 / w1:.2f}x, CPU {c2 / c1:.2f}x")
    print(
        "\ndefault workers of `tracker ingest` (tracker/pipeline/batch.py ingest_workers): "
        f"{ingest_workers(list(expand([small])))} for the small sources, "
        f"{ingest_workers(list(expand([corpus / 'ixbrl'])))} for the Inline XBRL 10-Ks"
    )


def measure(cases: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) of each case, the cases run in turn."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, fn in cases.items():
            samples[name].append(timed(fn))
    return {
        name: (statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
        for name, s in samples.items()
    }


def main() -> int:
    p = parser(__doc__ or "")
    p.set_defaults(runs=5)
    p.add_argument("--filers", type=int, default=150, help="synthetic filers in the folder of small sources")
    p.add_argument("--skip-read", action="store_true", help="only the folder and worker measurements")
    p.add_argument("--skip-folder", action="store_true", help="only the reading measurement")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ok = True if args.skip_read else reading(args.corpus, args.runs, Path(tmp))
        if not args.skip_folder:
            folders(args.corpus, args.filers, max(1, args.runs // 2), Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
