"""A folder ingested in batches (one transaction and one full-text index update per batch) stores exactly
what ingesting its files one at a time stores, row for row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracker.errors import BadInput
from tracker.pipeline.batch import (
    GROUPS_PER_TASK,
    _task_groups,
    default_workers,
    filer_groups,
    ingest_parallel,
    ingest_workers,
)
from tracker.pipeline.ingest import Options, expand, ingest_file
from tracker.store import FTS_COLUMNS, FTS_MERGE, Store

from .dbrows import differences, stored_rows

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: Real sources of several kinds: text extracts named by filer and year, Inline XBRL 10-Ks (one of them the
#: same filer-year as a text extract), a seed that names no filer (refused), the sample's two years.
CORPUS_SOURCES = [
    "text/AMZN_2023.txt",
    "text/AMZN_2024.txt",
    "ixbrl/amzn-10-k-fy2024.html.gz",
    "ixbrl/ko-10-k-fy2023.html.gz",
    "ixbrl/ko-10-k-fy2024.html.gz",
    "text/JNJ_2024.txt",
    "seeds/000_3eaf4e0fdd851dff.txt",
]


@pytest.fixture
def sources(corpus: Path, tmp_path: Path) -> Path:
    """A folder of links to the sources (in two sub-folders), and a gzip copy of a sample year."""
    import gzip

    folder = tmp_path / "sources"
    for i, rel in enumerate(CORPUS_SOURCES):
        target = folder / f"{i % 2}" / Path(rel).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(corpus / rel)
    for path in sorted((FIXTURES / "sample").iterdir()):
        (folder / "1" / path.name).symlink_to(path)
    copy = folder / "1" / "nwan-10-k-fy2023-again.htm.gz"  # the same disclosure, other bytes: unchanged
    copy.write_bytes(gzip.compress((FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_bytes()))
    return folder


def one_at_a_time(folder: Path, db: Path) -> int:
    """Each file in its own transaction (Store.add per file), as a single-file ingest does; files refused."""
    refused = 0
    with Store(db) as store:
        for path in expand([folder]):
            try:
                ingest_file(store, path, Options())
            except BadInput:
                refused += 1
    return refused


def test_a_batched_folder_ingest_stores_what_one_file_at_a_time_stores(sources: Path, tmp_path: Path) -> None:
    single, batched = tmp_path / "single.db", tmp_path / "batched.db"
    refused = one_at_a_time(sources, single)
    summary = ingest_parallel([sources], Options(), batched, workers=1)
    assert refused == len(summary.rejected) == 1
    assert {r.status for _, r in summary.results} >= {"new", "unchanged"}
    rows = stored_rows(batched)
    assert differences(stored_rows(single), rows) == []
    assert len(rows["filings"]) > 6 and len(rows["elements_fts"]) == len(rows["elements"]) - 1
    assert len(rows["sentences_fts"]) == len(rows["sentences"]) - 1  # (less the header row)


def test_a_filers_years_read_side_by_side_store_what_each_read_alone_stores(
    corpus: Path, tmp_path: Path
) -> None:
    """A worker reads a filer's neighbouring years in one shared-work block (what the years share is split and
    read for facts once): the rows are those of each file read on its own."""
    folder = tmp_path / "years"
    folder.mkdir()
    names = ["text/GOOGL_2023.txt", "text/GOOGL_2024.txt", "text/GOOGL_2025.txt", "text/JNJ_2023.txt"]
    names += ["text/JNJ_2024.txt", "ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz"]
    for rel in names:
        (folder / Path(rel).name).symlink_to(corpus / rel)
    tasks = [(str(p), Options(), ()) for p in expand([folder])]
    groups = [[Path(t[0]).name for t in group] for group in filer_groups(tasks)]
    assert groups == [
        ["GOOGL_2023.txt", "GOOGL_2024.txt", "GOOGL_2025.txt"],
        ["JNJ_2023.txt", "JNJ_2024.txt"],
        ["ko-10-k-fy2023.html.gz", "ko-10-k-fy2024.html.gz"],
    ]
    single, grouped = tmp_path / "single.db", tmp_path / "grouped.db"
    assert one_at_a_time(folder, single) == 0
    summary = ingest_parallel([folder], Options(), grouped, workers=1)
    assert len(summary.results) == len(names) and not summary.rejected
    assert differences(stored_rows(single), stored_rows(grouped)) == []


def test_filer_groups_go_to_workers_several_a_task_in_order_and_a_small_folder_is_still_shared() -> None:
    groups = [[(f"F{i}_2023.txt", Options(), ()), (f"F{i}_2024.txt", Options(), ())] for i in range(1000)]
    tasks = _task_groups(groups, 2)
    in_order = [group for task in tasks for group in task]
    assert in_order == groups  # every group once, in order (versions numbered alike)
    assert {len(task) for task in tasks} == {GROUPS_PER_TASK} and GROUPS_PER_TASK > 1
    few = groups[:10]
    assert len(_task_groups(few, 2)) == 10  # ten filers, two workers: one filer a task, so both work


def test_the_full_text_index_finds_what_a_batch_stored(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "batched.db"
    ingest_parallel([sources], Options(), db, workers=1)
    conn = sqlite3.connect(db)
    hits = conn.execute(
        "select count(*) from sentences_fts where sentences_fts match 'tabletop OR penetration'"
    ).fetchone()[0]
    by_scan = conn.execute(
        "select count(*) from sentences where lower(text) like '%tabletop%' or lower(text) like '%penetration%'"
    ).fetchone()[0]
    conn.close()
    assert hits > 0 and hits >= by_scan


def test_an_index_merged_over_many_writes_finds_what_one_built_at_once_finds(
    corpus: Path, tmp_path: Path
) -> None:
    """Twenty-four files, a write transaction each: as many segments per index, merged as FTS_MERGE says. A search of
    every word (stemmed, as the index keeps it) gives the rows an index rebuilt whole gives."""
    db, rebuilt = tmp_path / "merged.db", tmp_path / "rebuilt.db"
    with Store(db) as store:
        for path in sorted((corpus / "text").glob("*.txt"))[:24]:
            ingest_file(store, path, Options())
    conn = sqlite3.connect(db)
    for table, _ in FTS_COLUMNS:
        settings = dict(conn.execute(f"select k, v from [{table}_fts_config]").fetchall())
        assert {k: settings.get(k) for k in FTS_MERGE} == FTS_MERGE
    conn.execute(f"vacuum into '{rebuilt}'")
    conn.close()
    whole = sqlite3.connect(rebuilt)
    for table, _ in FTS_COLUMNS:
        whole.execute(f"insert into [{table}_fts] ([{table}_fts]) values ('rebuild')")
    whole.commit()
    conn = sqlite3.connect(db)
    for table, _ in FTS_COLUMNS:
        conn.execute(f"create virtual table temp.words using fts5vocab(main, [{table}_fts], 'row')")
        terms = [t for (t,) in conn.execute("select term from temp.words order by term")]
        conn.execute("drop table temp.words")
        assert len(terms) > 500
        query = f"select rowid from [{table}_fts] where [{table}_fts] match ? order by rowid"
        for term in terms[::5]:
            quoted = '"' + term.replace('"', '""') + '"'
            assert conn.execute(query, [quoted]).fetchall() == whole.execute(query, [quoted]).fetchall(), term
    conn.close()
    whole.close()


def test_workers_store_what_one_process_stores(sources: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest_parallel([sources], Options(), one, workers=1)
    ingest_parallel([sources], Options(), two, workers=2)
    assert differences(stored_rows(one), stored_rows(two)) == []


test_workers_store_what_one_process_stores = pytest.mark.slow(test_workers_store_what_one_process_stores)


def test_a_database_indexed_by_triggers_is_indexed_once_per_row_after_the_upgrade(
    sources: Path, tmp_path: Path
) -> None:
    """A database made before the batched index (schema 5) has per-row insert triggers: they must go, or
    every row would be indexed twice."""
    db = tmp_path / "old.db"
    files = list(expand([sources]))
    with Store(db) as store:
        ingest_file(store, next(f for f in files if f.name == "AMZN_2023.txt"), Options())
    conn = sqlite3.connect(db)
    for table, column in (("elements", "value"), ("sentences", "text")):
        conn.execute(
            f"create trigger [{table}_ai] after insert on [{table}] begin "
            f"insert into [{table}_fts] (rowid, [{column}]) values (new.rowid, new.[{column}]); end"
        )
    conn.execute("update tracker_meta set value = '5' where key = 'schema_version'")
    conn.commit()
    conn.close()
    ingest_parallel([sources], Options(), db, workers=1)
    conn = sqlite3.connect(db)
    triggers = [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]
    counts = [
        conn.execute(f"select count(*), count(distinct rowid) from {t}").fetchone()
        for t in ("elements_fts", "sentences_fts")
    ]
    stored = [conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("elements", "sentences")]
    conn.close()
    assert "elements_ai" not in triggers and "sentences_ai" not in triggers
    assert [c[0] for c in counts] == [c[1] for c in counts] == stored


def test_a_folder_is_read_by_a_worker_per_core_and_one_file_in_one_process(corpus: Path) -> None:
    """The measured default (bench/bench_ingest.py): on a free host two workers beat one process on small
    sources and full reports alike; one file needs no worker."""
    assert ingest_workers(list(expand([FIXTURES]))) == default_workers()  # R pages, the samples' Item 1C
    assert ingest_workers(list(expand([corpus / "ixbrl"]))) == default_workers()
    assert ingest_workers(list(expand([FIXTURES / "sample" / "nwan-10-k-fy2024.htm"]))) == 1
