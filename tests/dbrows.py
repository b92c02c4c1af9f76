"""Every stored row of a tracker database, as two databases built from the same sources must agree on it.

Left out: when a row was written (ingest, creation, link and computation times; the current version's `as_of`
where it is an ingest time) and the full-text indexes' internal pages, whose layout depends on how many rows
each write added; the indexes' contents (row id and text) are compared instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: Columns that record when a row was written, not what it holds.
WRITE_TIMES = {
    "filings": {"ingested_at"},
    "filers": {"created_at"},
    "filer_links": {"linked_at"},
    "current_versions": {"as_of"},
    "comparisons": {"computed_at"},
}
#: The full-text indexes (virtual tables), compared by what they hold.
FTS_TABLES = ("elements_fts", "sentences_fts")


def stored_rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in row-id order, write times left out; the full-text indexes' (rowid, text)."""
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type = 'table' order by name")
            if not r[0].startswith(FTS_TABLES) and not r[0].startswith("sqlite_")
        ]
        out: dict[str, list[tuple]] = {}
        for name in names:
            columns = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
            kept = [c for c in columns if c not in WRITE_TIMES.get(name, set())]
            select = ", ".join(f"[{c}]" for c in kept)
            out[name] = [tuple(kept)] + conn.execute(
                f"select {select} from [{name}] order by rowid"
            ).fetchall()
        for name in FTS_TABLES:
            out[name] = conn.execute(f"select rowid, * from [{name}] order by rowid").fetchall()
        return out
    finally:
        conn.close()


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> list[str]:
    """Where two `stored_rows` disagree: a line per table (the first differing row), empty when equal."""
    out = []
    for name in sorted(set(a) | set(b)):
        rows_a, rows_b = a.get(name), b.get(name)
        if rows_a == rows_b:
            continue
        if rows_a is None or rows_b is None:
            out.append(f"{name}: only in {'the second' if rows_a is None else 'the first'}")
            continue
        first = next(
            (i for i, (x, y) in enumerate(zip(rows_a, rows_b)) if x != y), min(len(rows_a), len(rows_b))
        )
        row_a = rows_a[first] if first < len(rows_a) else None
        row_b = rows_b[first] if first < len(rows_b) else None
        out.append(
            f"{name}: {len(rows_a)} vs {len(rows_b)} rows; row {first}: {row_a!r:.300} vs {row_b!r:.300}"
        )
    return out
