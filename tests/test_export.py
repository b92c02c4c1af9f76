"""`tracker export`: the Excel workbook opened and read back with openpyxl, the CSV files with the csv module,
each against what the store holds."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli import run, snapshot
from tracker.models import FLAGS, spec_for
from tracker.store.across import FACTS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SHEETS = ["Fact timeline", "Flag grid", "Comparisons", "Changes", "People", "Peers", "Boilerplate"]


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    """The bundled sample filer (NWAN FY2023 untagged, FY2024 tagged), ingested and compared."""
    code, _, err = run("ingest", FIXTURES / "sample", "--db", db_path)
    assert code == 0, err
    code, _, err = run("diff-all", "--workers", "1", "--db", db_path)
    assert code == 0, err
    code, _, err = run("boilerplate", "--db", db_path)
    assert code == 0, err
    return db_path


def query(db: Path, sql: str) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def read_sheet(ws) -> list[dict]:  # noqa: ANN001
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_the_workbook_reads_back_as_the_store_holds(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "nwan.xlsx"
    code, stdout, err = run("export", "NWAN", "-o", out, "--db", sample_db)
    assert code == 0, err
    book = load_workbook(out)
    assert book.sheetnames == SHEETS
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in ws[1])

    facts = read_sheet(book["Fact timeline"])
    stored = query(
        sample_db,
        "select l.fiscal_year, x.value_text, x.evidence from latest_filings l join facts x on x.filing_id = l.id "
        "order by l.fiscal_year, x.fact, x.position",
    )
    assert len(facts) == len(stored) > 0
    assert [(r["Fiscal year"], r["Value"], r["Sentence it is read from"]) for r in facts] == [
        (s["fiscal_year"], s["value_text"], s["evidence"]) for s in stored
    ]
    assert {r["Ticker"] for r in facts} == {"NWAN"}

    flags = read_sheet(book["Flag grid"])
    assert [r["Fiscal year"] for r in flags] == [2023, 2024]
    elements = query(
        sample_db,
        "select l.fiscal_year, e.element, e.value, e.source from latest_filings l "
        "join elements e on e.filing_id = l.id where e.kind = 'flag'",
    )
    assert elements
    for e in elements:
        row = next(r for r in flags if r["Fiscal year"] == e["fiscal_year"])
        assert row[spec_for(e["element"]).reader_label] == f"{e['value'] or 'not stated'} ({e['source']})"
    assert flags[1]["Tagged in Inline XBRL"] == "yes" and flags[0]["Tagged in Inline XBRL"] == "no"

    comparison = query(sample_db, "select * from comparisons")
    assert [
        (r["Earlier year"], r["Later year"], r["Significance"], r["Verdict"])
        for r in read_sheet(book["Comparisons"])
    ] == [(c["old_year"], c["new_year"], c["significance"], c["verdict"]) for c in comparison]
    changes = query(sample_db, "select * from changes order by position")
    sheet = read_sheet(book["Changes"])
    assert len(sheet) == len(changes) > 0
    assert [(r["Change number"], r["Severity"], r["What changed"]) for r in sheet] == [
        (c["position"] + 1, c["severity"], c["summary"]) for c in changes
    ]
    people = [
        json.loads(r["value"])
        for r in query(
            sample_db,
            "select x.value from latest_filings l join facts x on x.filing_id = l.id "
            "where x.fact = 'people' order by l.fiscal_year, x.position",
        )
    ]
    assert people
    assert [r["Titles"] for r in read_sheet(book["People"])] == ["; ".join(p["titles"]) for p in people]
    index = query(sample_db, "select * from disclosure_boilerplate order by filing_id")
    assert [
        (r["Fiscal year"], r["Sentences"], r["Boilerplate share"], r["Previous year"], r["Stickiness"])
        for r in read_sheet(book["Boilerplate"])
    ] == [
        (2023 + i, b["sentences"], b["boilerplate_share"], b["previous_year"], b["stickiness"])
        for i, b in enumerate(index)
    ]
    assert index[1]["previous_year"] == 2023 and 0 < index[1]["stickiness"] < 1
    assert "rows: fact_timeline" in stdout


def test_the_peers_sheet_sets_a_filer_beside_every_filer_of_its_years(
    sample_db: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        "ingest",
        FIXTURES / "rpage" / "R10.htm",
        "--filer",
        "SMPL",
        "--name",
        "Sample Corp",
        "--year",
        "2024",
        "--db",
        sample_db,
    )
    assert code == 0, err
    out = tmp_path / "nwan.xlsx"
    code, _, err = run("export", "NWAN", "-o", out, "--db", sample_db)
    assert code == 0, err
    peers = read_sheet(load_workbook(out)["Peers"])
    assert [(r["Ticker"], r["Fiscal year"], r["Role"]) for r in peers] == [
        ("NWAN", 2023, "filer"),
        ("NWAN", 2024, "filer"),
        ("SMPL", 2024, "peer"),
    ]
    label = dict(FACTS)["frameworks"]
    for r in peers:
        stored = query(
            sample_db,
            "select x.value_text from latest_filings l join filers fl on fl.id = l.filer_id "
            "join facts x on x.filing_id = l.id and x.fact = 'frameworks' "
            f"where fl.tickers like '%\"{r['Ticker']}\"%' and l.fiscal_year = {r['Fiscal year']} "
            "order by x.position",
        )
        assert (r[label] or "") == "; ".join(dict.fromkeys(s["value_text"] for s in stored))
    assert any(r[label] for r in peers)  # the sample states frameworks: the check compared something
    assert all(r["Names a Chief Information Security Officer"] in ("yes", "no") for r in peers)


def test_a_folder_of_csv_files_reads_back_with_the_csv_module(sample_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    code, _, err = run("export", "-o", folder, "--db", sample_db)  # the whole store
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}.csv"
        for n in ("fact_timeline", "flag_grid", "comparisons", "changes", "people", "peers", "boilerplate")
    )
    with (folder / "changes.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    stored = query(sample_db, "select * from changes order by position")
    assert [r["What changed"] for r in rows] == [c["summary"] or "" for c in stored]
    assert [r["Why it matters"] for r in rows] == [c["why"] or "" for c in stored]
    with (folder / "flag_grid.csv").open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert header[:4] == ["Filer", "Ticker", "CIK", "Fiscal year"]
    assert header[-len(FLAGS) :] == [spec_for(flag).reader_label for flag in FLAGS]


def test_one_table_to_one_csv_file_for_a_watchlist(sample_db: Path, tmp_path: Path) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("# mine\nNWAN\n", encoding="utf-8")
    out = tmp_path / "changes.csv"
    code, _, err = run("export", "--watchlist", watchlist, "--table", "changes", "-o", out, "--db", sample_db)
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(query(sample_db, "select id from changes")) > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NOPE"], "no filer"),
        (
            ["--table", "peer"],
            "no table named 'peer'; choose from fact_timeline, flag_grid, comparisons, changes, people, "
            "peers, boilerplate.",
        ),
        (["-o", "{tmp}/all.csv"], "is one CSV file but 7 tables were chosen"),
        (["--format", "ods"], "unknown format 'ods'; use csv or xlsx."),
        (["--format", "csv"], "x.xlsx does not suit the csv format"),
        (["--format", "xlsx", "-o", "{tmp}/t.csv"], "t.csv does not suit the xlsx format"),
    ],
)
def test_bad_requests_are_one_sentence_and_write_nothing(
    sample_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    before = snapshot(sample_db)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = [a.replace("{tmp}", str(out_dir)) for a in args]
    if "-o" not in args:
        args += ["-o", str(out_dir / "x.xlsx")]
    code, _, err = run("export", *args, "--db", sample_db)
    assert code == 2
    assert err.startswith("error: ") and message.lower() in err.lower() and err.count("\n") == 1
    assert list(out_dir.iterdir()) == []
    assert snapshot(sample_db) == before


def test_a_sentence_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    from tracker.render.spreadsheet import Sheet, write_csv, write_xlsx

    sheet = Sheet("t", "T", ["Sentence"], [['=HYPERLINK("http://example.com","x")'], ["plain"]])
    book = load_workbook(write_xlsx([sheet], tmp_path / "t.xlsx"))
    cell = book["T"]["A2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://example.com","x")'
    with write_csv(sheet, tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as f:
        assert [r[0] for r in csv.reader(f)] == [
            "Sentence",
            '\'=HYPERLINK("http://example.com","x")',
            "plain",
        ]
