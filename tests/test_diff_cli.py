"""`tracker diff` and `tracker compare` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli import run

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    code, out, _ = run("ingest", FIXTURES / "sample", "--db", db_path)
    assert code == 0, out
    return db_path


def test_diff_reports_the_known_edits_of_the_sample(sample_db: Path) -> None:
    code, out, _ = run("diff", "NWAN", "2023", "2024", "--format", "json", "--db", sample_db)
    assert code == 0
    data = json.loads(out)
    assert data["filer"] == {"cik": "0009999901", "name": "NORTHWIND ANALYTICS, INC.", "tickers": ["NWAN"]}
    assert (
        data["old"]["fiscal_year"],
        data["old"]["tagged"],
        data["new"]["fiscal_year"],
        data["new"]["tagged"],
    ) == (2023, False, 2024, True)
    assert set(data["similarity"]) >= {"cosine", "jaccard", "min_edit", "simple"}
    text = [c for c in data["changes"] if c["kind"].startswith("text_")]
    moved = [c["text"] for c in text if c["kind"] == "text_moved"]
    added = [c["text"] for c in text if c["kind"] == "text_added"]
    removed = [c["text"] for c in text if c["kind"] == "text_removed"]
    assert moved == ["We require all employees to complete security awareness training each year."]
    assert added == ["In 2024 our platform obtained ISO/IEC 27001 certification."]
    assert removed == [
        "Vendors with access to customer data complete a security questionnaire before onboarding."
    ]
    changed = [c for c in text if c["kind"] == "text_changed"]
    inserted = sorted(t.strip() for c in changed for op, t in c["ops"] if op == 1)
    assert inserted == ["16", "Risk", "Risk", "Risk", "semi-annual"]
    # changes of form only (quotes, line breaks, the page footer, span seams) are not listed
    assert not any("NIST" in (c.get("old") or "") for c in changed)
    assert len(text) == 7
    # the verdict: oversight moved from one committee to another (one high change), led with
    assert (data["significance"], data["extent"]) == ("significant", "minor edits")
    assert data["top_changes"][0] == "board oversight moved from the audit committee to the risk committee"
    oversight = [c for c in data["changes"] if c.get("fact") == "board_oversight"]
    assert [(c["kind"], c["old"], c["new"], c["severity"]) for c in oversight] == [
        ("fact_changed", "audit committee", "risk committee", "high")
    ]


def test_text_output_leads_with_the_summary_and_pipes_without_colour(sample_db: Path) -> None:
    code, out, _ = run("diff", "nwan", "2023", "2024", "--db", sample_db)
    assert code == 0
    head = out.splitlines()[:6]
    assert head[0] == "NORTHWIND ANALYTICS, INC. (CIK 0009999901, NWAN)"
    assert any(line.startswith("Verdict: ") for line in head)
    assert "\x1b[" not in out
    code, md, _ = run("diff", "9999901", "2023", "2024", "--format", "markdown", "--db", sample_db)
    assert code == 0 and md.startswith("# ") and "~~15~~" in md.replace(" ", "")


def test_exit_code_option_follows_git_diff(sample_db: Path) -> None:
    assert run("diff", "NWAN", "2023", "2024", "--exit-code", "--db", sample_db)[0] == 1
    assert run("diff", "NWAN", "2024", "2024", "--exit-code", "--db", sample_db)[0] == 0


def test_unknown_year_lists_the_stored_years(sample_db: Path) -> None:
    code, _, err = run("diff", "NWAN", "2022", "2024", "--db", sample_db)
    assert code == 2
    assert err.strip() == (
        "error: NORTHWIND ANALYTICS, INC. has no stored disclosure for 2022; stored years: 2023, 2024."
    )


def test_output_file_and_bad_format(sample_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, _, err = run("diff", "NWAN", "2023", "2024", "-f", "json", "-o", target, "--db", sample_db)
    assert code == 0 and json.loads(target.read_text())["new"]["fiscal_year"] == 2024
    code, _, err = run("diff", "NWAN", "2023", "2024", "-f", "rtf", "--db", sample_db)
    assert code == 2 and "unknown format 'rtf'" in err


@pytest.mark.parametrize("ticker", ["amzn", "googl", "jnj"])
def test_same_filing_in_two_formats_compares_as_unchanged(corpus: Path, ticker: str) -> None:
    code, out, _ = run(
        "compare",
        corpus / "ixbrl" / f"{ticker}-10-k-fy2024.html.gz",
        corpus / "text" / f"{ticker.upper()}_2024.txt",
        "--format",
        "json",
        "--exit-code",
    )
    data = json.loads(out)
    assert data["significance"] == "no substantive change"
    assert [c for c in data["changes"] if c["kind"] != "flag_flipped" or c["severity"] != "low"] == []
    assert min(data["similarity"].values()) > 0.98


def test_compare_untagged_2023_with_tagged_2024(corpus: Path) -> None:
    code, out, _ = run(
        "compare",
        corpus / "ixbrl" / "amzn-10-k-fy2023.html.gz",
        corpus / "ixbrl" / "amzn-10-k-fy2024.html.gz",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["old"]["tagged"] is False and data["new"]["tagged"] is True
    assert data["extent"] in ("no wording change", "minor edits")
    assert data["similarity"]["cosine"] > 0.9
