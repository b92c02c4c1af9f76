"""`tracker ingest`, `filers` and `show` as a user runs them, against a real SQLite file."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from tracker.store import SCHEMA_VERSION

from .cli import run, snapshot

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED0 = "seeds/000_3eaf4e0fdd851dff.txt"


def test_seed_needs_a_filer_and_leaves_no_trace(corpus: Path, db_path: Path) -> None:
    run("ingest", corpus / SEED0, "--filer", "BZ", "--db", db_path)
    before = snapshot(db_path)
    code, out, err = run("ingest", corpus / "seeds" / "002_9394ffdb029e99fb.txt", "--db", db_path)
    assert code == 2
    assert err.strip() == (
        "error: "
        + str(corpus / "seeds" / "002_9394ffdb029e99fb.txt")
        + ": the source names no filer; pass --filer CIK or --filer TICKER."
    )
    assert snapshot(db_path) == before


def test_reingest_is_a_no_op_and_a_change_is_a_new_version(
    corpus: Path, db_path: Path, tmp_path: Path
) -> None:
    code, out, _ = run(
        "ingest",
        corpus / SEED0,
        "--filer",
        "1842827",
        "--name",
        "Kanzhun Ltd",
        "--form",
        "20-F",
        "--db",
        db_path,
    )
    assert code == 0 and out.strip().endswith("Kanzhun Ltd 2024 20-F v1 new")
    before = snapshot(db_path)
    code, out, _ = run("ingest", corpus / SEED0, "--filer", "1842827", "--form", "20-F", "--db", db_path)
    assert out.strip().endswith("v1 unchanged") and snapshot(db_path) == before
    # the same page with different line breaks and quotes is the same disclosure
    noisy = tmp_path / "noisy.txt"
    raw = (corpus / SEED0).read_text(encoding="utf-8")
    noisy.write_text(raw.replace("\u2019", "'").replace(". ", ".  "), encoding="utf-8")
    code, out, _ = run("ingest", noisy, "--filer", "1842827", "--form", "20-F", "--db", db_path)
    assert out.strip().endswith("v1 unchanged")
    edited = tmp_path / "edited.txt"
    edited.write_text(raw.replace("over 18 years", "over 19 years"), encoding="utf-8")
    code, out, _ = run("ingest", edited, "--filer", "1842827", "--form", "20-F", "--db", db_path)
    assert code == 0 and out.strip().endswith("v2 new version")
    code, out, _ = run("ingest", corpus / SEED0, "--filer", "1842827", "--form", "20-F/A", "--db", db_path)
    assert out.strip().endswith("20-F/A v3 new version")
    # nothing was overwritten: version 1 still holds the original text
    v1 = json.loads(run("show", "1842827", "2024", "--version", "1", "--format", "json", "--db", db_path)[1])
    v2 = json.loads(
        run("show", "0001842827", "2024", "--version", "2", "--format", "json", "--db", db_path)[1]
    )
    text = lambda d: " ".join(str(e["value"]) for e in d["elements"] if e["kind"] == "text")  # noqa: E731
    assert "over 18 years" in text(v1) and "over 19 years" in text(v2)
    latest = json.loads(run("show", "Kanz", "2024", "--format", "json", "--db", db_path)[1])
    assert latest["version"] == 3 and latest["form"] == "20-F/A"


def test_show_json_has_the_design_shape(corpus: Path, db_path: Path) -> None:
    run("ingest", corpus / SEED0, "--filer", "1842827", "--name", "Kanzhun Ltd", "--db", db_path)
    code, out, _ = run("show", "1842827", "2024", "--format", "json", "--db", db_path)
    data = json.loads(out)
    assert code == 0
    assert data["filer"] == {"cik": "0001842827", "name": "Kanzhun Ltd", "tickers": []}
    assert {"fiscal_year", "form", "period_end", "version", "tagged", "sha256", "elements", "facts"} <= set(
        data
    )
    flag = next(e for e in data["elements"] if e["element"].endswith("ReportToBoardFlag"))
    assert flag == {
        "element": "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag",
        "label": "Cybersecurity Risk Management Positions or Committees Responsible Report to Board",
        "kind": "flag",
        "value": True,
        "source": "tagged",
    }
    code, out, _ = run("show", "1842827", "2024", "--db", db_path)
    assert "[flag] Cybersecurity Risk Management Third Party Engaged: true (tagged)" in out


def test_filer_lookup_errors_list_candidates(corpus: Path, db_path: Path) -> None:
    run("ingest", corpus / SEED0, "--filer", "1842827", "--name", "Kanzhun Ltd", "--db", db_path)
    run(
        "ingest",
        corpus / "seeds" / "003_dfabe7f409a2727e.txt",
        "--filer",
        "1838413",
        "--name",
        "Full Truck Alliance Co. Ltd.",
        "--db",
        db_path,
    )
    run(
        "ingest",
        corpus / "seeds" / "002_9394ffdb029e99fb.txt",
        "--filer",
        "IOTP",
        "--name",
        "Full Stack IoT Platform",
        "--db",
        db_path,
    )
    code, _, err = run("show", "Full", "2024", "--db", db_path)
    assert code == 2 and "matches several filers" in err and "Full Truck Alliance" in err
    code, _, err = run("show", "ZZZZ", "2024", "--db", db_path)
    assert code == 2 and "no filer matches 'ZZZZ'" in err and "IOTP" in err
    code, _, err = run("show", "IOTP", "2019", "--db", db_path)
    assert code == 2 and err.strip().endswith("has no stored disclosure for 2019; stored years: 2024.")
    code, out, _ = run("filers", "--format", "json", "--db", db_path)
    assert sorted(f["name"] for f in json.loads(out)) == [
        "Full Stack IoT Platform",
        "Full Truck Alliance Co. Ltd.",
        "Kanzhun Ltd",
    ]
    assert all(f["years"] == [2024] for f in json.loads(out))


def test_read_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    code, _, err = run("filers", "--db", tmp_path / "nope.db")
    assert code == 2 and "there is no database at" in err
    assert not (tmp_path / "nope.db").exists()


BAD_INPUTS = {
    "empty.txt": (b"", "the file is empty"),
    "blank.htm": (b"   \n\n  ", "the file is empty"),
    "binary.bin": (bytes(range(256)) * 8, "the file is binary"),
    "latin1.txt": (
        "Item 1C. Cybersecurity\nNotre comit\u00e9 d'audit supervise la cybers\u00e9curit\u00e9.".encode(
            "latin-1"
        ),
        "not UTF-8",
    ),
    "broken.gz": (b"\x1f\x8b\x08\x00" + b"garbage" * 10, "gzip file is damaged"),
    "page.html": (
        b"<html><head><title>Our blog</title></head><body><p>Welcome to our cooking blog.</p></body></html>",
        "not a 10-K or 20-F annual report",
    ),
    "no1c.htm": (
        b"<html><body><p>FORM 10-K</p><p>ANNUAL REPORT PURSUANT TO SECTION 13</p>"
        b"<p>Item 1A. Risk Factors</p><p>Risks abound.</p><p>Item 2. Properties</p>"
        b"<p>We lease offices.</p></body></html>",
        "has no Item 1C",
    ),
    "tax-r4.txt": (
        b"|\nIncome Taxes (Details)\n|12 Months Ended\nDec. 31, 2024\n"
        b"|Effective Income Tax Rate Reconciliation [Text Block]\n|The rate was 21%.\n",
        "holds no cybersecurity (cyd) facts",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_in_one_sentence(name: str, tmp_path: Path, db_path: Path, corpus: Path) -> None:
    run("ingest", corpus / SEED0, "--filer", "BZ", "--db", db_path)
    before = snapshot(db_path)
    data, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("ingest", path, "--filer", "BZ", "--year", "2024", "--db", db_path)
    assert code == 2, out + err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert snapshot(db_path) == before


def test_gzip_bomb_is_refused(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb") as gz:
        chunk = b"A" * (1 << 20)
        for _ in range(80):
            gz.write(chunk)
    assert path.stat().st_size < 1_000_000
    code, _, err = run("ingest", path, "--filer", "BZ", "--year", "2024", "--db", db_path)
    assert code == 2 and "expands past 64 MB" in err


def test_folder_run_keeps_good_files_and_lists_rejected(corpus: Path, tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((corpus / SEED0).read_bytes())
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes((corpus / "seeds" / "002_9394ffdb029e99fb.txt").read_bytes())
    code, out, err = run("ingest", folder, "--filer", "BZ", "--db", db_path)
    assert code == 2
    assert "3 files read: 1 new, 0 unchanged, 1 new versions, 1 rejected" in out
    assert f"rejected {folder / 'b.txt'}: the file is empty" in out
    years = json.loads(run("filers", "--format", "json", "--db", db_path)[1])
    assert years == [{"cik": None, "name": None, "tickers": ["BZ"], "years": [2024]}]


def test_same_filing_from_another_file_or_format_adds_no_version(corpus: Path, db_path: Path) -> None:
    ixbrl = corpus / "ixbrl"
    code, out, _ = run(
        "ingest", ixbrl / "ibm-10-k-fy2024.html.gz", ixbrl / "amzn-10-k-fy2024.html.gz", "--db", db_path
    )
    assert code == 0 and "2 new, 0 unchanged" in out
    before = snapshot(db_path)
    code, out, _ = run(
        "ingest", ixbrl / "ibm-10-k-fy2024-copy.htm.gz", corpus / "text" / "AMZN_2024.txt", "--db", db_path
    )
    assert code == 0 and "0 new, 2 unchanged, 0 new versions" in out, out
    assert snapshot(db_path) == before
    data = json.loads(run("show", "AMZN", "2024", "--format", "json", "--db", db_path)[1])
    assert data["tagged"] is True and data["version"] == 1
    assert data["filer"] == {"cik": "0001018724", "name": "AMAZON.COM, INC.", "tickers": ["AMZN"]}


def test_ticker_only_filer_becomes_one_with_its_cik(db_path: Path) -> None:
    code, out, _ = run(
        "ingest", FIXTURES / "rpage" / "R10.htm", "--filer", "NWAN", "--form", "10-K", "--db", db_path
    )
    assert code == 0 and out.strip().endswith("NWAN 2024 10-K v1 new")
    code, out, _ = run("ingest", FIXTURES / "sample", "--db", db_path)
    assert code == 0, out
    filers = json.loads(run("filers", "--format", "json", "--db", db_path)[1])
    assert filers == [
        {"cik": "0009999901", "name": "NORTHWIND ANALYTICS, INC.", "tickers": ["NWAN"], "years": [2023, 2024]}
    ]


def test_filer_option_that_contradicts_the_source_is_refused(corpus: Path, db_path: Path) -> None:
    run("ingest", corpus / "ixbrl" / "ko-10-k-fy2024.html.gz", "--db", db_path)
    before = snapshot(db_path)
    code, _, err = run(
        "ingest", corpus / "ixbrl" / "amzn-10-k-fy2024.html.gz", "--filer", "KO", "--db", db_path
    )
    assert code == 2 and "--filer KO names COCA COLA CO, but the source is filed by CIK 0001018724" in err
    assert snapshot(db_path) == before


def test_truncated_reports_are_refused(db_path: Path, tmp_path: Path) -> None:
    sample = (FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_bytes()
    tagged = (FIXTURES / "sample" / "nwan-10-k-fy2024.htm").read_bytes()
    cases = {
        "cut-in-1a.htm": (sample[: sample.index(b"Item 1B.")], "has no Item 1C"),
        "cut-in-1c.htm": (sample[: sample.index(b"Our CISO, who has")], "ends inside its Item 1C"),
        "cut-chain.htm": (
            tagged[: tagged.index(b'<ix:continuation id="f-1-1">')],
            "Inline XBRL is incomplete",
        ),
    }
    run("ingest", FIXTURES / "sample" / "nwan-10-k-fy2023.htm", "--db", db_path)
    before = snapshot(db_path)
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        code, _, err = run("ingest", path, "--db", db_path)
        assert code == 2 and message in err, (name, err)
        assert snapshot(db_path) == before


def test_an_older_database_gains_new_columns_and_keeps_its_rows(corpus: Path, db_path: Path) -> None:
    run("ingest", corpus / SEED0, "--filer", "BZ", "--db", db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("alter table changes drop column evidence")
    conn.execute("update tracker_meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()
    code, out, _ = run("show", "BZ", "2024", "--format", "json", "--db", db_path)
    assert code == 0 and json.loads(out)["version"] == 1
    conn = sqlite3.connect(db_path)
    columns = [r[1] for r in conn.execute("pragma table_info(changes)")]
    version = conn.execute("select value from tracker_meta where key = 'schema_version'").fetchone()[0]
    conn.close()
    assert "evidence" in columns and version == str(SCHEMA_VERSION)


# -- hardening: odd names, endless and foreign inputs, invisible characters ------------------------------
def test_a_file_name_that_is_not_utf8_is_refused_and_the_rest_are_stored(
    corpus: Path, tmp_path: Path, db_path: Path
) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    good = ["AMZN_2023.txt", "AMZN_2024.txt", "GOOGL_2023.txt", "JNJ_2023.txt", "LC_2023.txt", "MXL_2023.txt"]
    for name in good:
        (folder / name).write_bytes((corpus / "text" / name).read_bytes())
    bad = Path(os.fsdecode(bytes(folder) + b"/POWI_2023_\xff.txt"))  # a Latin-1 name from another system
    bad.write_bytes((corpus / "text" / "POWI_2023.txt").read_bytes())
    code, out, err = run("ingest", folder, "--db", db_path)
    assert code == 2, err
    assert "7 files read: 6 new, 0 unchanged, 0 new versions, 1 rejected" in out
    assert (
        f"  rejected {folder}/POWI_2023_\\xff.txt: its file name is not valid UTF-8; rename the file to ingest it."
        in out.splitlines()
    )
    assert len(json.loads(run("filers", "--format", "json", "--db", db_path)[1])) == 5  # AMZN twice
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from filings").fetchone() == (6,)
    conn.close()
    before = snapshot(db_path)
    code, _, err = run("ingest", bad, "--filer", "POWI", "--db", db_path)
    assert (
        code == 2
        and err
        == f"error: {folder}/POWI_2023_\\xff.txt: its file name is not valid UTF-8; rename the "
        "file to ingest it.\n"
    )
    assert snapshot(db_path) == before


def test_an_oversized_plain_input_is_refused_at_the_gzip_cap(tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(64 * 2**20 + 1)  # sparse: one byte past the cap (/dev/zero: see test_robustness)
    code, _, err = run("ingest", big, "--filer", "BZ", "--year", "2024", "--db", db_path)
    assert (
        code == 2
        and err == f"error: {big}: the file is larger than 64 MB; it is not a single annual report.\n"
    )
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from filings").fetchone() == (0,)
    conn.close()


def _zipped(*members: str) -> bytes:
    """A zip file holding the members, each saying Item 1C."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for member in members:
            z.writestr(member, "<w:t>Item 1C. Cybersecurity</w:t>")
    return out.getvalue()


FOREIGN = {
    "report.pdf": (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Item 1C. Cybersecurity) Tj ET\n%%EOF\n",
        "the file is a PDF, which tracker does not read",
    ),
    "report.docx": (
        _zipped("[Content_Types].xml", "word/document.xml"),
        "the file is a Word document (.docx), which tracker does not read",
    ),
    "archive.zip": (_zipped("AMZN_2024.txt"), "the file is a zip archive, which tracker does not read"),
    "scan.png": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40),
        "the file is a PNG image, which tracker",
    ),
    "scan.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40), "the file is a JPEG image, which tracker"),
    "report.pdf.gz": (
        gzip.compress(b"%PDF-1.7\nItem 1C. Cybersecurity\n"),
        "the file is a PDF, which tracker",
    ),
}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_a_pdf_word_file_or_image_is_named_for_what_it_is(name: str, tmp_path: Path, db_path: Path) -> None:
    run("ingest", FIXTURES / "sample" / "nwan-10-k-fy2023.htm", "--db", db_path)
    before = snapshot(db_path)
    data, message = FOREIGN[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("ingest", path, "--filer", "NWAN", "--year", "2024", "--db", db_path)
    assert code == 2, out + err
    assert err.startswith(f"error: {path}: {message}") and err.count("\n") == 1, err
    assert err.rstrip().endswith(
        "give the 10-K or 20-F as HTML or text (the filing's primary document on EDGAR)."
    )
    assert snapshot(db_path) == before


def test_markup_nested_too_deep_is_refused_and_nothing_is_stored(tmp_path: Path, db_path: Path) -> None:
    raw = (FIXTURES / "sample" / "nwan-10-k-fy2024.htm").read_bytes()
    at = raw.index(b"<div", raw.index(b"cyd:CybersecurityRiskBoardOfDirectorsOversightTextBlock") - 400)
    deep = tmp_path / "nwan-10-k-fy2024.htm"
    deep.write_bytes(raw[:at] + b"<div>" * 2500 + raw[at:])
    run("ingest", FIXTURES / "sample" / "nwan-10-k-fy2023.htm", "--db", db_path)
    before = snapshot(db_path)
    code, _, err = run("ingest", deep, "--db", db_path)
    assert code == 2 and "nests its markup more than 2,048 levels deep" in err and err.count("\n") == 1, err
    assert snapshot(db_path) == before


def _hostile(text: str) -> str:
    """The sample's CISO title and sentences laced with terminal escapes and bidi overrides."""
    return (
        text.replace(
            "Our Chief Information Security Officer",
            "Our Chief \x1b[31mInformation\x1b[0m Security \u202eOfficer\u202c",
        )
        .replace("Our CISO, who has", "Our CISO\u2066, who has\u2069\x07")
        .replace("leads our security team", "leads our \x9b1msecurity team")
    )


@pytest.mark.parametrize("spelling", ["characters", "character references"])
def test_escapes_and_bidi_overrides_are_stripped_on_reading(
    spelling: str, tmp_path: Path, db_path: Path
) -> None:
    import re

    raw = (FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_text(encoding="utf-8")
    hostile = _hostile(raw)
    if (
        spelling == "character references"
    ):  # (not C1: HTML reads &#155; as the Windows-1252 character, a quote)
        hostile = re.sub(
            "[\x00-\x08\x0b-\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069]",
            lambda m: f"&#{ord(m.group(0))};",
            hostile,
        )
    assert hostile != raw
    source = tmp_path / "nwan-10-k-fy2023.htm"
    source.write_text(hostile, encoding="utf-8")
    code, out, err = run("ingest", source, "--db", db_path)
    assert code == 0, err
    code, out, _ = run("ingest", FIXTURES / "sample" / "nwan-10-k-fy2023.htm", "--db", db_path)
    assert out.strip().endswith(
        "2023 10-K v1 unchanged"
    )  # the same disclosure: the characters were only form
    dump = "\n".join(snapshot(db_path))  # (the source itself is kept as it came, compressed: never text)
    assert not re.search("[\x1b\x07\x9b\u202a-\u202e\u2066-\u2069]|\\[31m|\\[0m|\\[1m", dump)
    shown = run("show", "NWAN", "2023", "--db", db_path)[1]
    assert "Chief Information Security Officer" in shown and "\x1b" not in shown and "\u202e" not in shown
    data = json.loads(run("show", "NWAN", "2023", "--format", "json", "--db", db_path)[1])
    titles = [v["value"] for v in data["facts"].get("responsible_titles", [])]
    assert "Chief Information Security Officer" in json.dumps(titles), data["facts"].keys()


def test_a_file_name_with_escapes_is_printed_escaped(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "NWAN_2023\x1b[2J\u202e.htm"
    source.write_bytes((FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_bytes())
    code, out, _ = run("ingest", source, "--db", db_path)
    assert code == 0 and "\x1b" not in out and "\u202e" not in out
    assert out.startswith(f"{tmp_path}/NWAN_2023\\x1b[2J\\u202e.htm: ")


def test_show_writes_no_escapes_even_from_a_database_stored_before_stripping(db_path: Path) -> None:
    run("ingest", FIXTURES / "sample" / "nwan-10-k-fy2023.htm", "--db", db_path)
    conn = sqlite3.connect(db_path)  # as an older tracker stored it: the characters raw in the text
    conn.execute(
        "update elements set value = replace(value, 'Chief Information Security Officer', "
        "'Chief ' || char(27) || '[2J' || 'Information Security ' || char(8238) || 'Officer')"
    )
    conn.commit()
    conn.close()
    code, out, _ = run("show", "NWAN", "2023", "--db", db_path)
    assert code == 0 and "Chief Information Security Officer" in out
    assert "\x1b" not in out and "\u202e" not in out


def test_a_year_alone_in_the_file_name_is_the_fiscal_year(
    corpus: Path, tmp_path: Path, db_path: Path
) -> None:
    """A user's own extract named "amazon fy2024 item 1c.txt" was refused ("states no fiscal year"), and `compare`
    headed it "FY?": a file name holding one year, and no other, gives the year the text does not state. A name
    with two years gives none (and the database is left as it was)."""
    named = tmp_path / "amazon fy2024 item 1c.txt"
    named.write_bytes((corpus / "text" / "AMZN_2024.txt").read_bytes())
    code, out, err = run("ingest", named, "--filer", "AMZN", "--db", db_path)
    assert code == 0, err
    assert out.strip().endswith("AMZN 2024 10-K v1 new")
    before = snapshot(db_path)
    two = tmp_path / "amazon 2023-2024.txt"
    two.write_bytes((corpus / "text" / "AMZN_2023.txt").read_bytes())
    code, _, err = run("ingest", two, "--filer", "AMZN", "--db", db_path)
    assert code == 2 and err.strip().endswith("the source states no fiscal year; pass --year YYYY.")
    assert snapshot(db_path) == before
    earlier = tmp_path / "amazon-2023.txt"
    earlier.write_bytes((corpus / "text" / "AMZN_2023.txt").read_bytes())
    code, out, err = run("compare", earlier, named)
    assert code == 0, err
    assert "FY2023 10-K (text extract, no tags) -> FY2024 10-K (text extract, no tags)" in out
