"""`tracker peers` and `tracker trends` over a synthetic universe of filers (bench/universe.py), against the budget.

Budget (issue 17): over the 10,000-filer store of bench_universe.py, `peers` (one filer beside every filer of
its year) and `trends` (every year of the store) each under 10 s, as the command does them: computed from the
store, then rendered as text. Beside them, in the same run, the floor any implementation pays: one scan of the
rows they read (every fact value and flag of the latest versions), so the figures read as ratios on a busy host.
Each store is given with --db, or built (ingest and diff-all of N filers x 2 years, minutes per 10,000) with
--n into --keep.

    python bench/bench_across.py --db /tmp/universe-10000.db [/tmp/universe-1000.db]
    python bench/bench_across.py --n 1000 10000 --keep /tmp/universes
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_seconds, parser  # noqa: E402

BUDGET_SECONDS = 10.0


def build(n: int, keep: Path, corpus: Path) -> Path:
    """The universe of n filers, built by bench_universe.py into `keep` unless it is there."""
    db = keep / f"universe-{n}.db"
    if not db.exists():
        keep.mkdir(parents=True, exist_ok=True)
        script = Path(__file__).with_name("bench_universe.py")
        cmd = [sys.executable, str(script), "--one", str(n), "--keep", str(keep), "--corpus", str(corpus)]
        subprocess.run(cmd, check=True, capture_output=True)
    return db


def measure(db: Path, runs: int) -> dict:
    """Median seconds of peers, trends and the row scan over one store."""
    from tracker.render.across import render_peers_text, render_trends_text
    from tracker.store import Store
    from tracker.store.across import peer_grid, trends

    with Store(db) as store:  # opening brings an older store's schema and views up to date (not timed)
        filers, years = store.db.execute(
            "select count(distinct filer_id), count(distinct fiscal_year) from latest_filings"
        ).fetchone()
        year, filer = store.db.execute(
            "select fiscal_year, filer_id from latest_filings order by fiscal_year desc, filer_id limit 1"
        ).fetchone()
        ident = store.filer_by_id(filer).tickers[0]
        compared = store.db.execute("select count(*) from comparisons").fetchone()[0]

        def scan() -> int:
            rows = store.db.execute(
                "select x.filing_id, x.fact, x.value_text from facts x join latest_filings l on l.id = x.filing_id"
            ).fetchall()
            flags = store.db.execute(
                "select e.filing_id, e.element, e.value from elements e join latest_filings l "
                "on l.id = e.filing_id where e.kind = 'flag'"
            ).fetchall()
            return len(rows) + len(flags)

        start = time.perf_counter()
        grid = peer_grid(store, ident, year)
        first_peers = time.perf_counter() - start
        start = time.perf_counter()
        trends(store)
        first_trends = time.perf_counter() - start
        peers_s = median_seconds(lambda: render_peers_text(peer_grid(store, ident, year)), runs)
        trends_s = median_seconds(lambda: render_trends_text(trends(store)), runs)
        scan_s = median_seconds(scan, runs)
    return {
        "db": db.name,
        "filers": filers,
        "years": years,
        "compared": compared,
        "peers_of": f"{ident} FY{year} ({len(grid.peers)} peers)",
        "peers_first_s": first_peers,
        "peers_s": peers_s,
        "trends_s": trends_s,
        "trends_first_s": first_trends,
        "scan_s": scan_s,
    }


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("--db", type=Path, nargs="+", help="universe databases made by bench_universe.py --keep")
    p.add_argument("--n", type=int, nargs="+", default=[10000], help="universe sizes to build (without --db)")
    p.add_argument(
        "--keep", type=Path, default=Path("/tmp/tracker-universes"), help="where built universes go"
    )
    args = p.parse_args()
    dbs = args.db or [build(n, args.keep, args.corpus) for n in args.n]
    rows = [measure(db, max(1, args.runs // 2)) for db in dbs]
    print(
        f"{'filers':>7} {'years':>5} {'compared':>8} {'peers s':>8} {'trends s':>9} {'scan s':>7}  peers of"
    )
    ok = True
    for r in rows:
        print(
            f"{r['filers']:>7} {r['years']:>5} {r['compared']:>8} {r['peers_s']:>8.2f} {r['trends_s']:>9.2f} "
            f"{r['scan_s']:>7.2f}  {r['peers_of']} (first calls: peers {r['peers_first_s']:.2f} s, "
            f"trends {r['trends_first_s']:.2f} s)"
        )
        print(
            f"        peers {r['peers_s'] / r['scan_s']:.1f}x and trends {r['trends_s'] / r['scan_s']:.1f}x "
            "the scan of the rows they read"
        )
        ok = ok and r["peers_s"] < BUDGET_SECONDS and r["trends_s"] < BUDGET_SECONDS
    if len(rows) > 1:
        small, large = min(rows, key=lambda r: r["filers"]), max(rows, key=lambda r: r["filers"])
        for what in ("peers_s", "trends_s"):
            ratio = (large[what] / large["filers"]) / (small[what] / small["filers"])
            print(
                f"{what[:-2]}: cost per filer at {large['filers']:,} / at {small['filers']:,}: {ratio:.2f} (1.00 = linear)"
            )
    print(f"budget {BUDGET_SECONDS:.0f} s each: " + ("within budget" if ok else "OVER budget"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
