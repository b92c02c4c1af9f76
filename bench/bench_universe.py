"""A universe of N synthetic filers x 2 years: ingest and diff-all as `tracker` runs them, against the budgets.

Budget (issue 16): 10,000 filers x 2 years ingested and diffed within 3 minutes on this 2-core machine, at
most 300 MB peak memory, cost per filer linear in the number of filers (printed at 1,000, 3,000 and 10,000).
Each N runs in a fresh process: wall time, throughput, peak memory, database size, cost per filer. Peak memory
is sampled (every 0.1 s, `MemorySampler`): the most the run's processes held at one time (the parent's resident
set plus every worker's), and the parent's and the largest worker's own high-water marks. (The kernel's
`ru_maxrss` of the children cannot say it: a worker started by "spawn" is forked before it executes Python
afresh, and the high-water mark it reports counts the parent's pages it held in between, so it echoes the
parent's size at each pool's start whatever the worker used.) Workers: the library's defaults (`tracker ingest` and
`tracker diff-all` without --workers) unless --workers is given. Then the per-pair diff median of our differ
beside diff-match-patch `diff_main` (default settings) and difflib on the raw texts of a sample of the pairs.

    python bench/bench_universe.py [--n 1000 3000 10000] [--workers N] [--seed 7] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import difflib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import parser  # noqa: E402
from bench.universe import iter_universe, write_universe  # noqa: E402

BUDGET_SECONDS = 180.0
BUDGET_FILERS = 10_000
BUDGET_MB = 300.0


def run_one(n: int, workers: int | None, seed: int, corpus: Path, keep: Path | None) -> dict:
    """Generate, ingest and diff a universe of n filers here; the figures as a dict."""
    from tracker.pipeline.batch import diff_all, ingest_parallel, ingest_workers, worker_limit
    from tracker.pipeline.ingest import Options

    with tempfile.TemporaryDirectory() as tmp, MemorySampler() as memory:
        folder = Path(tmp) / "universe"
        db = (keep or Path(tmp)) / f"universe-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        start = time.perf_counter()
        files = write_universe(folder, n, seed, corpus)
        readers = worker_limit(workers) if workers else ingest_workers(files)
        generate = time.perf_counter() - start
        start, cpu = time.perf_counter(), cpu_seconds()
        summary = ingest_parallel([folder], Options(), db, workers)
        ingest, ingest_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        start, cpu = time.perf_counter(), cpu_seconds()
        diffed = diff_all(db, (2023, 2024), workers)
        diff, diff_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    return {
        "n": n,
        "files": len(files),
        "generate_s": generate,
        "ingest_s": ingest,
        "diff_s": diff,
        "stored": len(summary.results),
        "rejected": len(summary.rejected),
        "pairs": diffed.pairs,
        "computed": diffed.computed,
        "failed": len(diffed.failed),
        "peak_mb": memory.peak_mb,
        "parent_mb": memory.parent_mb,
        "worker_mb": memory.worker_mb,
        "db_mb": size / 1e6,
        "workers": worker_limit(workers),
        "ingest_workers": readers,
        "ingest_cpu": ingest_cpu,
        "diff_cpu": diff_cpu,
        "load": os.getloadavg()[0],
    }


class MemorySampler:
    """Samples, every `interval` seconds in a thread, the resident memory of this process and of its child
    processes (read from /proc): the largest sum at one time, and each one's own high-water mark (VmHWM: a
    spawned worker's counts from when it executes Python, after the fork)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_mb = self.parent_mb = self.worker_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        me = os.getpid()
        total = 0.0
        for pid in [me, *_children(me)]:
            rss, hwm = _status_mb(pid)
            total += rss
            if pid == me:
                self.parent_mb = max(self.parent_mb, hwm)
            else:
                self.worker_mb = max(self.worker_mb, hwm)
        self.peak_mb = max(self.peak_mb, total)


def _children(pid: int) -> list[int]:
    """The process ids whose parent is pid."""
    out = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # (gone meanwhile)
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _status_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB (0 when it is gone)."""
    values = {"VmRSS:": 0.0, "VmHWM:": 0.0}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key = line.split(None, 1)[0]
                if key in values:
                    values[key] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return values["VmRSS:"], values["VmHWM:"]


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (user + system)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def diff_peers(n_pairs: int, seed: int, corpus: Path) -> dict:
    """Median seconds per pair: our compare (both sides read), dmp diff_main and difflib on the raw texts."""
    from diff_match_patch import diff_match_patch

    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes
    from tracker.read import decompress

    rng = random.Random(seed)
    filers = [f for f in iter_universe(max(n_pairs * 5, 50), seed + 1, corpus)]
    sample = rng.sample(filers, n_pairs)
    dmp = diff_match_patch()
    ours, peer_dmp, peer_difflib = [], [], []
    for filer in sample:
        old_raw, new_raw = (decompress(data) for _, data in filer.files)
        old_doc, new_doc = load_bytes(old_raw), load_bytes(new_raw)
        old_text, new_text = old_raw.decode("utf-8"), new_raw.decode("utf-8")
        ours.append(_timed(lambda: compare(old_doc, new_doc).to_json()))
        peer_dmp.append(_timed(lambda: dmp.diff_main(old_text, new_text)))
        peer_difflib.append(_timed(lambda: difflib.SequenceMatcher(None, old_text, new_text).get_opcodes()))
    return {
        "pairs": n_pairs,
        "ours": statistics.median(ours),
        "dmp": statistics.median(peer_dmp),
        "difflib": statistics.median(peer_difflib),
    }


def _timed(fn) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def report(rows: list[dict], peers: dict | None) -> bool:
    """Print the figures; True when within budget."""
    print(
        f"{'filers':>7} {'files':>6} {'ingest s':>9} {'diff s':>8} {'total s':>8} {'filers/s':>9} "
        f"{'ms/filer':>9} {'parent MB':>10} {'worker MB':>10} {'db MB':>7} {'rejected':>9} {'failed':>7}"
    )
    ok = True
    for r in rows:
        total = r["ingest_s"] + r["diff_s"]
        print(
            f"{r['n']:>7} {r['files']:>6} {r['ingest_s']:>9.1f} {r['diff_s']:>8.1f} {total:>8.1f} "
            f"{r['n'] / total:>9.1f} {1000 * total / r['n']:>9.2f} {r['parent_mb']:>10.0f} "
            f"{r['worker_mb']:>10.0f} "
            f"{r['db_mb']:>7.1f} {r['rejected']:>9} {r['failed']:>7}"
        )
        cpu = r["ingest_cpu"] + r["diff_cpu"]
        print(
            f"        CPU {cpu:.0f} s = {1000 * cpu / r['n']:.0f} ms/filer "
            f"(ingest {1000 * r['ingest_cpu'] / r['n']:.0f}, "
            f"diff {1000 * r['diff_cpu'] / r['n']:.0f}); workers: ingest {r['ingest_workers']}, "
            f"diff {r['workers']}; on 2 idle cores "
            f"~{cpu / 2 / r['n'] * BUDGET_FILERS:.0f} s for {BUDGET_FILERS:,} filers; "
            f"load average at the end {r['load']:.1f}"
        )
        peak = r["peak_mb"]
        projected = total / r["n"] * BUDGET_FILERS
        ok = ok and peak < BUDGET_MB and not r["failed"]
        print(
            f"        peak (parent + workers at one time, sampled) {peak:.0f} MB; projected for "
            f"{BUDGET_FILERS:,} filers {projected:.0f} s (budget {BUDGET_SECONDS:.0f} s, "
            f"{BUDGET_MB:.0f} MB); "
            f"generation {r['generate_s']:.1f} s"
        )
    # Time is judged on the largest universe run: measured when it reaches the budget's size, projected
    # (linearly, which start-up costs make pessimistic for small runs) otherwise.
    largest = max(rows, key=lambda r: r["n"])
    seconds = (largest["ingest_s"] + largest["diff_s"]) / largest["n"] * BUDGET_FILERS
    how = "measured" if largest["n"] == BUDGET_FILERS else f"projected from {largest['n']:,}"
    print(f"{BUDGET_FILERS:,} filers x 2 years: {seconds:.0f} s ({how}; budget {BUDGET_SECONDS:.0f} s)")
    ok = ok and seconds < BUDGET_SECONDS
    costs = ", ".join(f"{r['n']:,}: {1000 * (r['ingest_s'] + r['diff_s']) / r['n']:.1f} ms" for r in rows)
    print(f"cost per filer (wall, ingest + diff): {costs}")
    cpu = ", ".join(f"{r['n']:,}: {1000 * (r['ingest_cpu'] + r['diff_cpu']) / r['n']:.1f} ms" for r in rows)
    print(f"cost per filer (CPU, workers included; what a loaded host does not inflate): {cpu}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        per_filer = [(r["ingest_s"] + r["diff_s"]) / r["n"] for r in (first, last)]
        ratio = per_filer[1] / per_filer[0]
        print(f"cost per filer at {last['n']:,} / at {first['n']:,}: {ratio:.2f} (1.00 = linear)")
        ok = ok and ratio < 1.5
    if peers:
        print(
            f"per-pair diff median over {peers['pairs']} pairs: ours {1000 * peers['ours']:.1f} ms, "
            f"diff-match-patch diff_main {1000 * peers['dmp']:.1f} ms "
            f"({peers['dmp'] / peers['ours']:.2f}x ours), "
            f"difflib {1000 * peers['difflib']:.1f} ms ({peers['difflib'] / peers['ours']:.2f}x ours)"
        )
    print("within budget" if ok else "OVER budget")
    return ok


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("--n", type=int, nargs="+", default=[1000, 3000, 10000], help="universe sizes (filers)")
    p.add_argument("--workers", type=int, help="worker processes (default: the library's, as `tracker` runs)")
    p.add_argument("--seed", type=int, default=7, help="universe seed")
    p.add_argument("--pairs", type=int, default=30, help="pairs sampled for the per-pair diff medians")
    p.add_argument("--keep", type=Path, help="keep each universe's database in this folder")
    p.add_argument("--one", type=int, help=argparse_hidden())
    args = p.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.workers, args.seed, args.corpus, args.keep)))
        return 0
    rows = []
    for n in args.n:
        cmd = [
            sys.executable,
            __file__,
            "--one",
            str(n),
            "--seed",
            str(args.seed),
            "--corpus",
            str(args.corpus),
        ]
        cmd += ["--keep", str(args.keep)] if args.keep else []
        cmd += ["--workers", str(args.workers)] if args.workers else []
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"  done {n} filers", file=sys.stderr)
    peers = diff_peers(args.pairs, args.seed, args.corpus) if args.pairs else None
    return 0 if report(rows, peers) else 1


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    raise SystemExit(main())
