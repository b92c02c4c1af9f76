"""Do two versions of the tracker store the same rows? Builds a database from the same folder of corpus sources
(and, with --universe N, N synthetic filers' two years) with the code of an earlier commit (checked out into a
temporary folder with `git archive`) and with this working copy, each by `tracker ingest FOLDER` and
`tracker diff-all` as a user runs them, then compares every table row for row (tests/dbrows.py: write times
left out, full-text indexes by content; `tracker_meta` holds the schema version).

    python bench/same_rows.py [--base COMMIT] [--corpus ../shared/corpus] [--workers N] [--universe N]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, parser  # noqa: E402
from tests.dbrows import differences, stored_rows  # noqa: E402


def build(code: Path, folder: Path, db: Path, workers: int | None) -> None:
    """`tracker ingest FOLDER --db DB`, then `tracker diff-all --db DB`, run with the package found at `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = [sys.executable, "-m", "tracker", "ingest", str(folder), "--db", str(db)]
    cmd += ["--workers", str(workers)] if workers else []
    subprocess.run(cmd, cwd=code, env=env, check=False, capture_output=True)
    diff_all = [sys.executable, "-m", "tracker", "diff-all", "--db", str(db)]
    diff_all += ["--workers", str(workers)] if workers else []
    subprocess.run(diff_all, cwd=code, env=env, check=False, capture_output=True)


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("--base", default="59c9b8c", help="the earlier commit (default: this branch's start)")
    p.add_argument("--workers", type=int, help="workers for both ingests (default: each version's own)")
    p.add_argument(
        "--universe", type=int, default=0, help="also N synthetic filers of bench/universe.py (R pages, gzip)"
    )
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, folder = Path(tmp) / "base", Path(tmp) / "sources"
        base.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.base], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        for kind in ("text", "ixbrl", "markdown"):
            (folder / kind).mkdir(parents=True)
            for path in sorted((args.corpus / kind).iterdir()):
                (folder / kind / path.name).symlink_to(path)
        if args.universe:
            from bench.universe import write_universe

            write_universe(folder / "universe", args.universe, 7, args.corpus)
        old, new = Path(tmp) / "base.db", Path(tmp) / "new.db"
        build(base, folder, old, args.workers)
        build(ROOT, folder, new, args.workers)
        a, b = stored_rows(old), stored_rows(new)
        meta = a.pop("tracker_meta"), b.pop("tracker_meta")
        found = differences(a, b)
        print(
            f"{sum(len(r) for r in a.values()):,} rows in {len(a)} tables from {len(list(folder.rglob('*')))} paths"
        )
        print(f"schema: {meta[0]} -> {meta[1]}")
        print("\n".join(found) if found else f"the same rows as {args.base}, table for table")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
