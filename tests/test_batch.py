"""`tracker diff-all` and the parallel ingest: every pair stored once, incremental, resumable after a kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.universe import write_universe
from tracker.pipeline.batch import diff_all, ingest_parallel
from tracker.pipeline.ingest import Options
from tracker.store import Store

from .cli import run

RUNS = ["AMZN", "GOOGL", "JNJ"]
YEARS = [2023, 2024, 2025]


def query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def assert_consistent(db: Path) -> None:
    """integrity_check ok, and every comparison has exactly the change rows its JSON lists."""
    assert query(db, "pragma integrity_check") == [("ok",)]
    for cid, data, rows in query(
        db,
        "select c.id, c.json, (select count(*) from changes x where "
        "x.comparison_id = c.id) from comparisons c",
    ):
        assert rows == len(json.loads(data)["changes"]), f"comparison {cid} is missing change rows"


@pytest.fixture
def three_year_db(corpus: Path, db_path: Path) -> Path:
    """AMZN, GOOGL and JNJ 2023-2025 text runs, ingested by `tracker ingest`."""
    files = [corpus / "text" / f"{t}_{y}.txt" for t in RUNS for y in YEARS]
    code, _, err = run("ingest", *files, "--db", db_path)
    assert code == 0, err
    return db_path


def test_diff_all_stores_each_consecutive_pair_once(three_year_db: Path) -> None:
    summary = diff_all(three_year_db, None, workers=2)
    assert (summary.pairs, summary.computed, summary.already, summary.failed) == (6, 6, 0, [])
    assert query(three_year_db, "select old_year, new_year, count(*) from comparisons group by 1, 2") == [
        (2023, 2024, 3),
        (2024, 2025, 3),
    ]
    assert_consistent(three_year_db)
    again = diff_all(three_year_db, None, workers=2)
    assert (again.pairs, again.computed, again.already) == (6, 0, 6)


def test_stored_comparison_is_the_json_of_tracker_diff(three_year_db: Path) -> None:
    diff_all(three_year_db, (2023, 2024), workers=1)
    code, out, _ = run("diff", "GOOGL", "2023", "2024", "--format", "json", "--db", three_year_db)
    assert code == 0
    (stored,) = query(
        three_year_db,
        "select c.json from comparisons c join tickers t on t.filer_id = c.filer_id where t.ticker = 'GOOGL'",
    )
    assert json.loads(stored[0]) == json.loads(out)


def test_year_pair_and_the_command_summary(three_year_db: Path) -> None:
    code, out, err = run("diff-all", "--year-pair", "2023", "2025", "--workers", "2", "--db", three_year_db)
    assert code == 0, err
    assert out.startswith("3 pairs found: 3 computed, 0 already stored, 0 failed (")
    code, out, _ = run("diff-all", "--db", three_year_db)
    assert out.startswith("6 pairs found: 6 computed, 0 already stored, 0 failed (")
    code, out, _ = run("diff-all", "--year-pair", "2023", "2025", "--db", three_year_db)
    assert out.startswith("3 pairs found: 0 computed, 3 already stored, 0 failed (")
    assert query(three_year_db, "select count(*) from comparisons") == [(9,)]


def test_diff_all_refuses_a_missing_database_and_a_backward_pair(tmp_path: Path, three_year_db: Path) -> None:
    code, _, err = run("diff-all", "--db", tmp_path / "none.db")
    assert code == 2 and "there is no database at" in err and not (tmp_path / "none.db").exists()
    code, _, err = run("diff-all", "--year-pair", "2025", "2023", "--db", three_year_db)
    assert code == 2 and err.strip() == "error: --year-pair 2025 2023: give the earlier year first."


def test_a_new_version_recomputes_exactly_its_pair(three_year_db: Path, corpus: Path, tmp_path: Path) -> None:
    diff_all(three_year_db, None, workers=2)
    edited = tmp_path / "AMZN_2025.txt"
    text = (corpus / "text" / "AMZN_2025.txt").read_text(encoding="utf-8")
    assert "over 15 years" in text
    edited.write_text(text.replace("over 15 years", "over 16 years"), encoding="utf-8")
    code, out, _ = run("ingest", edited, "--db", three_year_db)
    assert code == 0 and out.strip().endswith("2025 10-K v2 new version")
    summary = diff_all(three_year_db, None, workers=2)
    assert (summary.pairs, summary.computed, summary.already) == (6, 1, 5)
    (data,) = query(three_year_db, "select json from comparisons order by id desc limit 1")
    new = json.loads(data[0])
    assert (new["old"]["fiscal_year"], new["new"]["fiscal_year"], new["new"]["version"]) == (2024, 2025, 2)
    assert any(c["kind"] == "fact_changed" and c["fact"] == "experience_years" for c in new["changes"]), [
        c["kind"] for c in new["changes"]
    ]
    assert_consistent(three_year_db)


def test_parallel_ingest_stores_what_the_serial_ingest_stores(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((corpus / "text").glob("*.txt"))[::4]:  # every fourth file: 19 filers and years
        shutil.copy(path, folder / path.name)
    unp = (corpus / "text" / "UNP_2025_item1c.txt").read_text(encoding="utf-8")
    (folder / "UNP_2025_item1c.txt").write_text(unp, encoding="utf-8")
    (folder / "later").mkdir()  # read after the files above: an edited copy is the filer-year's version 2
    (folder / "later" / "UNP_2025.txt").write_text(
        unp.replace("Audit Committee", "Risk Committee"), encoding="utf-8"
    )
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    run("ingest", folder, "--db", serial)
    seen: list[str] = []
    summary = ingest_parallel(
        [folder],
        Options(),
        parallel,
        workers=2,
        on_result=lambda path, result, reason: seen.append(path.name),
    )
    files = sorted(p.name for p in folder.glob("*.txt")) + ["UNP_2025.txt"]
    assert seen == files and len(summary.results) == len(files) and not summary.rejected
    assert summary.count("new version") == 1
    rows = (
        "select t.ticker, f.fiscal_year, f.version, f.content_hash from filings f join tickers t "
        "on t.filer_id = f.filer_id order by 1, 2, 3"
    )
    assert query(parallel, rows) == query(serial, rows)
    again = ingest_parallel([folder], Options(), parallel, workers=2)
    assert again.count("unchanged") == len(files)


def test_parallel_ingest_records_refusals_and_keeps_going(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus / "text" / "AMZN_2024.txt", folder / "AMZN_2024.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nofiler.txt").write_bytes((corpus / "seeds" / "002_9394ffdb029e99fb.txt").read_bytes())
    summary = ingest_parallel([folder], Options(), tmp_path / "t.db", workers=2)
    assert summary.count("new") == 1
    assert sorted((p.name, r) for p, r in summary.rejected) == [
        ("empty.txt", "the file is empty; give a 10-K, 20-F or EDGAR R page."),
        ("nofiler.txt", "the source names no filer; pass --filer CIK or --filer TICKER."),
    ]


@pytest.fixture(scope="module")
def universe_db(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """A database of 100 synthetic filers x 2 years (bench/universe.py), not yet diffed."""
    tmp = tmp_path_factory.mktemp("universe")
    write_universe(tmp / "files", 100, seed=3, corpus=corpus)
    summary = ingest_parallel([tmp / "files"], Options(), tmp / "universe.db", workers=2)
    assert summary.count("new") == 200, summary.rejected[:3]
    return tmp / "universe.db"


def _session_alive(sid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[3]) == sid and stat[0] != "Z":
                alive.append(int(entry.name))
    return alive


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to watch the worker processes")
def test_killed_diff_all_leaves_complete_rows_and_the_next_run_finishes(
    universe_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "kill.db"
    shutil.copy(universe_db, db)
    command = [
        sys.executable,
        "-c",
        "from tracker.cli import main; main()",
        "diff-all",
        "--workers",
        "2",
        "--db",
        str(db),
    ]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    # one connection, read every 2 ms: diff-all commits 50 rows at a time, and its second batch may follow its
    # first by a few milliseconds (a reader that reopened the database every 20 ms could miss the moment)
    watch = sqlite3.connect(db, timeout=30)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if watch.execute("select count(*) from comparisons").fetchone()[0] >= 3:
                break
            time.sleep(0.002)
        assert proc.poll() is None, "diff-all finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must notice and leave
        proc.wait()
        deadline = time.monotonic() + 10
        while _session_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _session_alive(proc.pid), "worker processes outlived the killed diff-all"
    finally:
        watch.close()
        if proc.poll() is None or _session_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    kept = query(db, "select count(*) from comparisons")[0][0]
    assert 3 <= kept < 100
    assert_consistent(db)
    summary = diff_all(db, None, workers=2)
    assert (summary.pairs, summary.already, summary.computed, summary.failed) == (100, kept, 100 - kept, [])
    assert query(
        db, "select count(*), count(distinct old_filing_id || '-' || new_filing_id) from comparisons"
    ) == [(100, 100)]
    assert_consistent(db)


def test_universe_comparisons_see_the_edits(universe_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "u.db"
    shutil.copy(universe_db, db)
    summary = diff_all(db, (2023, 2024), workers=2)
    assert (summary.pairs, summary.computed, summary.failed) == (100, 100, [])
    kinds = {k for (k,) in query(db, "select distinct kind from changes")}
    assert {"text_changed", "text_added", "text_removed"} <= kinds
    store = Store(db, create=False)
    try:
        assert len(store.comparison_pairs((2023, 2024))) == 100
        assert all(p["comparison_id"] for p in store.comparison_pairs())
    finally:
        store.close()


def _dies_on_three(n: int) -> int:
    if n == 3:
        os._exit(1)  # a worker killed mid-task (out of memory, a crash in a C library)
    return n * 2


def test_a_dead_worker_is_reported_not_fatal() -> None:
    from tracker.pipeline.batch import parallel_map

    results = list(parallel_map(_dies_on_three, range(8), 2, None))
    assert [task for task, _ in results] == list(range(8))
    assert "worker process died" in str(results[3][1])
    assert all(out == task * 2 or "worker process died" in out for task, out in results)


def test_the_universe_is_deterministic_and_mixes_source_kinds(corpus: Path) -> None:
    from bench.universe import iter_universe
    from tracker.pipeline.load import load_bytes

    first = [f.files for f in iter_universe(12, seed=5, corpus=corpus)]
    assert first == [f.files for f in iter_universe(12, seed=5, corpus=corpus)]
    assert first != [f.files for f in iter_universe(12, seed=6, corpus=corpus)]
    formats = {load_bytes(data).source_format for files in first for _, data in files}
    assert formats == {"text", "rpage-text"}
    assert len({data for files in first for _, data in files}) == 24  # every source distinct


def test_reports_option_writes_linked_html_reports(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tracker.cli import app

    db = tmp_path / "r.db"
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(fixtures), "--db", str(db)]).exit_code == 0
    first = runner.invoke(app, ["diff-all", "--db", str(db)])
    assert "1 computed" in first.stdout and not (tmp_path / "reports").exists()
    second = runner.invoke(app, ["diff-all", "--reports", "--db", str(db)])
    assert (
        second.exit_code == 0 and "0 computed, 1 already stored, 0 failed, 1 reports written" in second.stdout
    )
    conn = sqlite3.connect(db)
    (path,) = conn.execute("select report_path from comparisons").fetchone()
    conn.close()
    assert path == "reports/NWAN-2023-2024-v1-v1.html"
    html = (tmp_path / path).read_text(encoding="utf-8")
    assert "NORTHWIND ANALYTICS, INC." in html and "Verdict" in html and "<script" not in html
    third = runner.invoke(app, ["diff-all", "--reports", "--db", str(db)])
    assert "0 reports written" in third.stdout


def test_a_folder_of_large_files_keeps_fewer_in_flight(tmp_path: Path) -> None:
    """What the parent of a folder ingest may hold is bounded by the files' bytes, not only their number."""
    from tracker.pipeline.batch import BYTES_IN_FLIGHT, FEWEST_IN_FLIGHT, FILES_IN_FLIGHT, files_in_flight

    def folder(name: str, count: int, size: int) -> list[Path]:
        (tmp_path / name).mkdir()
        for i in range(count):
            (tmp_path / name / f"F{i}_2024.txt").write_bytes(b"x" * size)
        return sorted((tmp_path / name).iterdir())

    assert files_in_flight(folder("small", 6, 9_000)) == FILES_IN_FLIGHT  # the universe's files
    gzipped_10ks = files_in_flight(folder("gz", 3, 180_000))
    assert FEWEST_IN_FLIGHT < gzipped_10ks < FILES_IN_FLIGHT
    assert gzipped_10ks * 180_000 <= BYTES_IN_FLIGHT
    assert files_in_flight(folder("html", 2, 5_000_000)) == FEWEST_IN_FLIGHT
    assert files_in_flight([tmp_path / "gone.txt"]) == FILES_IN_FLIGHT  # a file gone since: no error
