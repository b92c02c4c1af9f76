"""Rough edges of the command line: a closed pipe, years given backwards or as FY2023, unknown tickers,
--version, the help's flags and formats, --workers past the cores."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import sqlite_utils
import typer
from typer.main import get_command
from typer.testing import CliRunner

from tests.edgar_server import EdgarServer, running
from tracker.cli import app, handle_errors
from tracker.pipeline.batch import default_workers, worker_limit
from tracker.store import Store

from .cli import run, snapshot

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]
RPAGE = """|
Cybersecurity Risk Management and Strategy Disclosure
|12 Months Ended
Dec. 31, 2024
|Cybersecurity Risk Management, Strategy, and Governance [Line Items]
|Cybersecurity Risk Board of Directors Oversight [Text Block]
|Our Board of Directors oversees cybersecurity risk through its Audit Committee.
"""
#: Filers of the 25-filer database (ticker, name); AMZN sorts last, past the twenty the old message listed.
COMPANIES = [
    ("AAPL", "Apple Inc."),
    ("MSFT", "Microsoft Corp"),
    ("GOOGL", "Alphabet Inc."),
    ("META", "Meta"),
    ("NVDA", "NVIDIA Corp"),
    ("TSLA", "Tesla, Inc."),
    ("JPM", "JPMorgan Chase & Co."),
    ("V", "Visa Inc."),
    ("WMT", "Walmart Inc."),
    ("KO", "Coca-Cola Co"),
    ("PEP", "PepsiCo, Inc."),
    ("JNJ", "Johnson & Johnson"),
    ("PG", "Procter & Gamble Co"),
    ("XOM", "Exxon Mobil Corp"),
    ("CVX", "Chevron Corp"),
    ("BAC", "Bank of America Corp"),
    ("WFC", "Wells Fargo & Co"),
    ("NKE", "Nike, Inc."),
    ("UNP", "Union Pacific Corp"),
    ("DIS", "Walt Disney Co"),
    ("INTC", "Intel Corp"),
    ("CSCO", "Cisco Systems, Inc."),
    ("ORCL", "Oracle Corp"),
    ("IBM", "IBM Corp"),
    ("AMZN", "ZZ Amazon.com, Inc."),
]


def one_error_line(err: str) -> str:
    """The single `error: ...` sentence of a refused command."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    """NWAN 2023 and 2024."""
    code, _, err = run("ingest", FIXTURES / "sample", "--db", db_path)
    assert code == 0, err
    return db_path


# -- 23: a closed stdout ------------------------------------------------------------------------------------
@pytest.fixture
def many_filers_db(sample_db: Path) -> Path:
    """The sample and 5,000 more filers (far more output than a pipe holds)."""
    db = sqlite_utils.Database(sample_db)
    db["filers"].insert_all(
        {
            "cik": f"{8000000000 + i:010d}",
            "name": f"FILLER COMPANY {i:05d} INC",
            "tickers": "[]",
            "created_at": "2026-01-01T00:00:00Z",
        }
        for i in range(5000)
    )
    db.close()
    return sample_db


def test_a_reader_closing_the_pipe_ends_the_command_quietly(many_filers_db: Path) -> None:
    tracker = subprocess.Popen(
        [sys.executable, "-m", "tracker", "filers", "--db", many_filers_db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    head = subprocess.Popen(["head", "-1"], stdin=tracker.stdout, stdout=subprocess.PIPE)
    assert tracker.stdout is not None and tracker.stderr is not None
    tracker.stdout.close()  # head alone reads it now, and leaves after one line
    first, _ = head.communicate(timeout=60)
    err = tracker.stderr.read().decode()
    tracker.stderr.close()
    assert tracker.wait(timeout=60) == 0
    assert err == ""
    assert first.decode().strip() == "-          8000000000  FILLER COMPANY 00000 INC"


def test_a_broken_pipe_elsewhere_is_still_an_error() -> None:
    @handle_errors
    def send() -> None:
        raise BrokenPipeError(32, "Broken pipe")  # as a mail server hanging up mid-message raises it

    with pytest.raises(typer.Exit) as stopped:
        send()
    assert stopped.value.exit_code == 3


# -- 24: years given latest first ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("diff", "NWAN", "2024", "2023"),
        ("diff", "NWAN", "FY2024", "2023", "--format", "json"),
        (
            "email",
            "NWAN",
            "2024",
            "2023",
            "--to",
            "gc@example.com",
            "--from",
            "t@example.com",
            "--dry-run",
            "{eml}",
        ),
        ("diff-all", "--year-pair", "2024", "2023"),
    ],
)
def test_two_years_latest_first_are_refused(sample_db: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    eml = tmp_path / "message.eml"
    before = snapshot(sample_db)
    code, out, err = run(*[a.format(eml=eml) for a in args], "--db", sample_db)
    assert (code, out) == (2, "")
    assert one_error_line(err).endswith(" 2024 2023: give the earlier year first.")
    assert snapshot(sample_db) == before
    assert not eml.exists() and not (sample_db.parent / "outbox").exists()


def test_the_refusal_names_the_command_and_one_year_is_allowed(sample_db: Path) -> None:
    code, _, err = run("diff", "NWAN", "2024", "2023", "--db", sample_db)
    assert code == 2
    assert one_error_line(err) == "error: tracker diff NWAN 2024 2023: give the earlier year first."
    assert (
        run("diff", "NWAN", "2024", "2024", "--db", sample_db)[0] == 0
    )  # one year (two versions of it): allowed


# -- 25: unknown filers ---------------------------------------------------------------------------------------
@pytest.fixture
def companies_db(sample_db: Path, tmp_path: Path) -> Path:
    """The sample (NWAN, CIK 9999901) and the 25 companies of COMPANIES, each one R page."""
    for ticker, name in COMPANIES:
        path = tmp_path / f"{ticker.lower()}-2024.txt"
        path.write_text(RPAGE, encoding="utf-8")
        code, _, err = run(
            "ingest", path, "--filer", ticker, "--name", name, "--form", "10-K", "--db", sample_db
        )
        assert code == 0, err
    return sample_db


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("AMZM", "AMZN (ZZ Amazon.com, Inc.)"),
        ("amzm", "AMZN (ZZ Amazon.com, Inc.)"),
        ("ZZ Amazom", "AMZN (ZZ Amazon.com, Inc.)"),
        ("9999902", "0009999901 (NORTHWIND ANALYTICS, INC.)"),
    ],
)
def test_an_unknown_filer_gets_the_closest_ones(companies_db: Path, typed: str, meant: str) -> None:
    code, out, err = run("diff", typed, "2023", "2024", "--db", companies_db)
    assert (code, out) == (2, "")
    line = one_error_line(err)
    assert line.startswith(
        f"error: no filer matches {typed!r} among the 26 stored filers; did you mean {meant}"
    )
    assert line.endswith("?")


def test_an_unknown_filer_far_from_all_says_how_many_there_are(companies_db: Path) -> None:
    code, _, err = run("show", "QQQQQQ", "2024", "--db", companies_db)
    assert code == 2
    assert one_error_line(err) == (
        "error: no filer matches 'QQQQQQ' and none among the 26 stored filers comes "
        "close; `tracker filers` lists them."
    )


def test_few_filers_are_all_named(sample_db: Path, tmp_path: Path) -> None:
    code, _, err = run("show", "QQQQQQ", "2024", "--db", sample_db)
    assert code == 2
    assert one_error_line(err) == (
        "error: no filer matches 'QQQQQQ' among the one stored filer: NWAN (NORTHWIND ANALYTICS, INC.)."
    )
    empty = tmp_path / "empty.db"
    Store(empty, create=True).close()
    code, _, err = run("show", "NWAN", "2024", "--db", empty)
    assert code == 2
    assert one_error_line(err) == (
        "error: no filer matches 'NWAN': the database is empty; run `tracker ingest "
        "PATH` or `tracker fetch FILER` first."
    )


# -- 27: FY2023 ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "spelling", [("2023", "2024"), ("FY2023", "FY2024"), ("fy2023", "fy2024"), ("FY 2023", " 2024 ")]
)
def test_a_year_may_be_written_fy2023(sample_db: Path, spelling: tuple[str, str]) -> None:
    expected = run("diff", "NWAN", "2023", "2024", "--format", "json", "--db", sample_db)[1]
    code, out, err = run("diff", "NWAN", *spelling, "--format", "json", "--db", sample_db)
    assert (code, out) == (0, expected), err
    code, out, err = run("show", "NWAN", spelling[1], "--format", "json", "--db", sample_db)
    assert code == 0 and '"fiscal_year": 2024' in out, err
    code, out, err = run("explain", "NWAN", spelling[1], "--fact", "frameworks", "--db", sample_db)
    assert code == 0 and out.startswith("NORTHWIND ANALYTICS, INC. FY2024 10-K version 1"), err
    code, out, err = run("diff-all", "--year-pair", *spelling, "--workers", "1", "--db", sample_db)
    assert code == 0 and out.startswith("1 pairs found"), err


def test_email_and_ingest_take_fy_years(sample_db: Path, tmp_path: Path) -> None:
    eml = tmp_path / "message.eml"
    code, out, err = run(
        "email",
        "NWAN",
        "FY2023",
        "fy2024",
        "--to",
        "gc@example.com",
        "--from",
        "t@example.com",
        "--dry-run",
        eml,
        "--db",
        sample_db,
    )
    assert code == 0 and eml.exists(), err
    rpage = tmp_path / "r10.txt"
    rpage.write_text(RPAGE, encoding="utf-8")
    code, out, err = run("ingest", rpage, "--filer", "SWND", "--year", "FY2025", "--db", sample_db)
    assert code == 0 and " 2025 " in out, err


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (("diff", "NWAN", "FY23", "2024"), "FY23"),
        (("diff", "NWAN", "2023", "twenty24"), "twenty24"),
        (("show", "NWAN", "2024.0"), "2024.0"),
        (("explain", "NWAN", "FY-2024"), "FY-2024"),
        (("email", "NWAN", "23", "24", "--to", "gc@example.com", "--dry-run", "x.eml"), "23"),
        (("diff-all", "--year-pair", "FY2023", "last"), "last"),
        (("ingest", str(FIXTURES / "sample"), "--year", "FY"), "FY"),
    ],
)
def test_anything_else_is_one_sentence(sample_db: Path, args: tuple[str, ...], value: str) -> None:
    before = snapshot(sample_db)
    code, out, err = run(*args, "--db", sample_db)
    assert (code, out) == (2, "")
    assert one_error_line(err) == f"error: {value!r} is not a fiscal year; write it as 2024 or FY2024."
    assert snapshot(sample_db) == before


@pytest.fixture
def edgar(corpus: Path) -> EdgarServer:
    with running(corpus) as server:
        yield server


def test_fetch_years_take_fy(edgar: EdgarServer, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_EDGAR_BACKOFF", "0.01")
    common = [
        "--edgar-url",
        edgar.url,
        "--user-agent",
        "Tracker Tests tests@example.com",
        "--db",
        str(db_path),
    ]
    code, out, err = run("fetch", "BZ", "--years", "FY2024-fy2024", *common)
    assert code == 0, err
    assert out.splitlines()[0] == "0001842827-25-000017 20-F 2024 v1 new"
    code, _, err = run("fetch", "BZ", "--years", "FY24", *common)
    assert code == 2 and one_error_line(err).startswith("error: --years 'FY24' is not a year or a range")


# -- 28: --version ---------------------------------------------------------------------------------------------
def test_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    code, out, _ = run("--version")
    assert (code, out) == (0, f"tracker {version}\n")
    installed = subprocess.run(
        [sys.executable, "-m", "tracker", "--version"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert installed.stdout == f"tracker {version}\n"


# -- 29: the help ------------------------------------------------------------------------------------------------
def help_of(command: str) -> str:
    result = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"}).invoke(app, [command, "--help"])
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_flags_take_no_value_in_the_help(command: str) -> None:
    text = help_of(command)
    assert "<bool>" not in text
    assert re.search(r"--debug\s+Show a traceback on error\.", text) or command == "browse"


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        ("diff", "text|markdown|json|html|docx|pdf"),
        ("compare", "text|markdown|json|html|docx|pdf"),
        ("history", "text|json|html"),
        ("filers", "text|json"),
        ("show", "text|json"),
        ("explain", "text|json"),
    ],
)
def test_format_shows_its_choices(command: str, choices: str) -> None:
    assert re.search(r"--format\s+-f\s+<" + re.escape(choices) + ">", help_of(command))


def test_the_group_help_and_a_bad_format_stay_short(sample_db: Path) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["--help"])
    assert "--version" in result.stdout and "<bool>" not in result.stdout
    code, _, err = run("filers", "--format", "yaml", "--db", sample_db)
    assert code == 2
    assert one_error_line(err) == "error: unknown format 'yaml'; use one of text, json."


# -- 31: --workers ------------------------------------------------------------------------------------------------
def test_workers_are_capped_at_the_cores() -> None:
    cores = default_workers()
    assert (worker_limit(cores + 38), worker_limit(None), worker_limit(1), worker_limit(0)) == (
        cores,
        cores,
        1,
        1,
    )


@pytest.mark.parametrize("command", ["diff-all", "ingest"])
def test_too_many_workers_get_a_one_line_warning(sample_db: Path, command: str) -> None:
    cores = default_workers()
    args = ["diff-all"] if command == "diff-all" else ["ingest", FIXTURES / "sample"]
    code, _, err = run(*args, "--workers", cores + 38, "--db", sample_db)
    assert code == 0, err
    assert err == (
        f"warning: --workers {cores + 38} is more than the {cores} cores this process may use; "
        f"using {cores}.\n"
    )
    code, _, err = run(*args, "--workers", cores, "--db", sample_db)
    assert code == 0 and err == ""
    code, _, err = run(*args, "--workers", "0", "--db", sample_db)
    assert code == 2 and one_error_line(err) == "error: --workers 0: give at least 1."
