"""Item 1C incorporated by reference from the annual report to shareholders (Exhibit 13): stored as such,
read from the exhibit when it is given, said so by show and diff (issue 19).

Fixtures: fixtures/incorporated holds a fictional bank's 10-K (Larkspur Bancorp) for FY2023 and FY2024, each
answering Item 1C with a pointer to "Financial Review - Risk Management - Operational Risk Management" of its
annual report, and that annual report's excerpt (Exhibit 13) with a Cybersecurity subsection between other
subsections that must not be read. Between the two years the exhibit changes the board's briefing frequency
(at least twice a year -> quarterly) and the phishing simulations (each quarter -> each month).
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tracker.read.untagged import names_cyber

from .cli import run, snapshot
from .conftest import FIXTURES

INC = FIXTURES / "incorporated"
TENK = {year: INC / f"larkspur-10-k-fy{year}.htm" for year in (2023, 2024)}
EX13 = {year: INC / f"larkspur-ex13-fy{year}.htm" for year in (2023, 2024)}

#: Text of the exhibit outside its Cybersecurity subsection: none of it may be read as the disclosure.
NOT_CYBER = [
    "Operational risk is the risk resulting from inadequate",  # the named section's own introduction
    "Fraud risk is the risk of loss",  # the sibling just before
    "Model risk is the risk of loss",  # the siblings after
    "Compliance risk is the risk",
    "A cyber attack, information or security breach",  # a risk factor elsewhere in the exhibit
    "Credit risk is the risk",
    "Dear shareholders",
]


def show(db: Path, year: int) -> dict:
    code, out, err = run("show", "LKB", year, "--format", "json", "--db", db)
    assert code == 0, err
    return json.loads(out)


def text_of(data: dict) -> str:
    return "\n".join(str(e["value"]) for e in data["elements"] if e["kind"] == "text")


def test_without_the_exhibit_the_version_says_so_and_infers_nothing(db_path: Path) -> None:
    code, out, err = run("ingest", TENK[2024], "--db", db_path)
    assert code == 0, err
    assert "incorporated by reference, exhibit not read" in out
    data = show(db_path, 2024)
    assert data["coverage"] == "not read"
    inc = data["incorporated"]
    assert inc["document"] == "2024 Annual Report to Shareholders"
    assert inc["heading"] == "Financial Review - Risk Management - Operational Risk Management"
    assert inc["read"] is False and inc["exhibit"] is None
    assert [e for e in data["elements"] if e["kind"] == "text"] == []  # the pointer is no disclosure
    flags = [e for e in data["elements"] if e["kind"] == "flag"]
    assert len(flags) == 6 and all(e["source"] == "absent" and e["value"] is None for e in flags)
    assert data["facts"] == {}
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from facts").fetchone()[0] == 0
    conn.close()
    code, out, _ = run("show", "LKB", 2024, "--db", db_path)
    assert (
        "Item 1C: incorporated by reference, exhibit not read. The disclosure is in the 2024 Annual Report to "
        "Shareholders, under \u201cFinancial Review - Risk Management - Operational Risk Management\u201d"
        in out
    )


def test_with_the_exhibit_only_its_cybersecurity_subsection_is_read(db_path: Path) -> None:
    code, out, err = run("ingest", TENK[2024], "--exhibit", EX13[2024], "--db", db_path)
    assert code == 0, err
    assert "read through an exhibit" in out
    data = show(db_path, 2024)
    assert data["coverage"] == "exhibit"
    text = text_of(data)
    assert text.startswith("Cybersecurity risk is the risk of loss from unauthorized access")
    assert "The program follows the NIST Cybersecurity Framework." in text
    assert "has over 22 years of experience in information security" in text  # the subsection's last sentence
    for other in NOT_CYBER:
        assert other not in text, other
    flags = {e["element"]: e for e in data["elements"] if e["kind"] == "flag"}
    assert flags["CybersecurityRiskManagementThirdPartyEngagedFlag"]["value"] is True  # read from the exhibit
    assert data["incorporated"]["subsection"] == "Cybersecurity"
    assert data["incorporated"]["exhibit"] == str(EX13[2024])
    code, out, _ = run("show", "LKB", 2024, "--db", db_path)
    assert (
        "Item 1C: incorporated by reference, read through an exhibit: the 2024 Annual Report to Shareholders"
        in out
    )


def test_both_documents_are_kept_for_provenance(db_path: Path) -> None:
    import hashlib

    assert run("ingest", TENK[2024], "--exhibit", EX13[2024], "--db", db_path)[0] == 0
    conn = sqlite3.connect(db_path)
    shas = {r[0] for r in conn.execute("select sha256 from sources")}
    row = conn.execute("select source_sha256, exhibit_sha256, exhibit_path from filings").fetchone()
    conn.close()
    assert shas == {hashlib.sha256(TENK[2024].read_bytes()).hexdigest(), row[1]}
    assert row[1] == hashlib.sha256(EX13[2024].read_bytes()).hexdigest()
    assert row[2] == str(EX13[2024])


def test_a_folder_pairs_each_10k_with_its_exhibit_and_the_diff_reads_both(db_path: Path) -> None:
    code, out, err = run("ingest", INC, "--db", db_path)
    assert code == 0, err
    assert "2 read through an exhibit" in out
    code, out, err = run("diff", "LKB", 2023, 2024, "--format", "json", "--db", db_path)
    assert code == 0, err
    data = json.loads(out)
    new_text = " ".join(str(c.get("new") or c.get("text") or "") for c in data["changes"])
    assert "quarterly" in new_text and "each month" in new_text
    for other in NOT_CYBER:
        assert other not in out


def test_a_diff_with_a_year_not_read_names_the_missing_document_and_reports_no_change(db_path: Path) -> None:
    assert run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)[0] == 0
    assert run("ingest", TENK[2024], "--db", db_path)[0] == 0
    code, out, err = run("diff", "LKB", 2023, 2024, "--format", "json", "--db", db_path)
    assert code == 0, err
    data = json.loads(out)
    assert data["changes"] == [] and data["significance"] == "not compared"
    assert data["top_changes"] == [
        "FY2024 Item 1C is in the 2024 Annual Report to Shareholders, under \u201cFinancial Review - Risk "
        "Management - Operational Risk Management\u201d, which was not read"
    ]
    code, out, _ = run("diff", "LKB", 2023, 2024, "--db", db_path)
    assert "Not compared" in out and "exhibit not read" in out
    assert "similarity" not in out.lower()


def test_two_pointers_not_read_compare_as_nothing(db_path: Path) -> None:
    """The pointer sentences differ ("2023 Annual Report" / "2024 Annual Report"): no change is reported."""
    assert run("ingest", TENK[2023], TENK[2024], "--db", db_path)[0] == 0
    code, out, _ = run("diff", "LKB", 2023, 2024, "--format", "json", "--db", db_path)
    assert json.loads(out)["changes"] == []


def test_an_exhibit_for_a_10k_that_incorporates_nothing_is_refused(db_path: Path) -> None:
    sample = FIXTURES / "sample" / "nwan-10-k-fy2023.htm"
    assert run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)[0] == 0
    before = snapshot(db_path)
    code, _, err = run("ingest", sample, "--exhibit", EX13[2023], "--db", db_path)
    assert code == 2
    assert "is not incorporated by reference from another document, so it takes no exhibit" in err
    assert snapshot(db_path) == before


def test_an_exhibit_without_the_named_cybersecurity_part_leaves_the_10k_stored_as_not_read(
    db_path: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "other-ex13.htm"
    wrong.write_text(
        EX13[2023].read_text().replace("<p><b>Cybersecurity</b></p>", "<p><b>Physical Security</b></p>")
    )
    code, out, err = run("ingest", TENK[2023], "--exhibit", wrong, "--db", db_path)
    assert code == 0, err
    why = (
        f"{wrong} has no part headed as cybersecurity under \u201cFinancial Review - Risk Management - "
        "Operational Risk Management\u201d"
    )
    assert f"(Item 1C incorporated by reference, exhibit not read): {why}" in out
    data = show(db_path, 2023)
    assert data["coverage"] == "not read" and data["incorporated"]["read"] is False
    assert f"exhibit not read: {why}" in data["notes"]
    assert [e for e in data["elements"] if e["kind"] == "text"] == []
    flags = [e for e in data["elements"] if e["kind"] == "flag"]
    assert len(flags) == 6 and all(e["source"] == "absent" for e in flags)
    # the right exhibit later reads it, as a new version
    code, out, err = run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)
    assert code == 0 and "v2 new version (Item 1C read through an exhibit)" in out, out + err


@pytest.mark.parametrize(
    "heading",
    [
        "Technology and Cybersecurity Risk",
        "Data Privacy and Cybersecurity",
        "Cyber Risk and Information Security",
        "Information Security &amp; Cyber Resilience",
        "Cybersecurity and Data Protection Oversight",
    ],
)
def test_a_heading_naming_cybersecurity_beside_other_words_is_the_part(
    db_path: Path, tmp_path: Path, heading: str
) -> None:
    ex = tmp_path / "compound-ex13.htm"
    ex.write_text(EX13[2024].read_text().replace("<p><b>Cybersecurity</b></p>", f"<p><b>{heading}</b></p>"))
    assert f"<p><b>{heading}</b></p>" in ex.read_text()
    code, out, err = run("ingest", TENK[2024], "--exhibit", ex, "--db", db_path)
    assert code == 0, err
    data = show(db_path, 2024)
    assert data["coverage"] == "exhibit"
    assert data["incorporated"]["subsection"] == heading.replace("&amp;", "&")
    text = text_of(data)
    assert text.startswith("Cybersecurity risk is the risk of loss from unauthorized access")
    for other in NOT_CYBER:
        assert other not in text, other


@pytest.mark.parametrize(
    ("heading", "cyber"),
    [
        ("Cybersecurity", True),
        ("Information Security and Cybersecurity", True),
        ("Technology and Cybersecurity Risk", True),
        ("Managing Cyber Risk", True),
        ("Data Security and Privacy", True),
        ("CYBER-SECURITY GOVERNANCE", True),
        ("Investment Securities", False),
        ("Physical Security", False),
        ("Homeland Security Contracts", False),
        ("Securities Lending", False),
        ("Model Risk Management", False),
        ("Risks Related to Cybersecurity", False),  # a risk factor's heading
        ("We rely on information security controls that may fail to prevent every attack.", False),  # prose
    ],
)
def test_which_headings_name_cybersecurity(heading: str, cyber: bool) -> None:
    assert names_cyber(heading) is cyber


def test_the_ingest_summary_counts_coverage(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "larkspur-10-k-fy2024.htm").write_bytes(TENK[2024].read_bytes())  # no exhibit beside it
    (folder / "nwan-10-k-fy2023.htm").write_bytes((FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_bytes())
    (folder / "empty-10-k-fy2024.htm").write_text(
        "<html><body><p>FORM 10-K</p><p>ANNUAL REPORT for the fiscal year ended December 31, 2024</p>"
        "<p>Item 1. Business</p><p>We sell things.</p><p>Item 2. Properties</p><p>None.</p></body></html>"
    )
    code, out, _ = run("ingest", folder, "--db", db_path)
    assert code == 2  # one file refused
    assert (
        "Item 1C: 1 read in full; 0 read through an exhibit; 1 incorporated by reference, exhibit not read; "
        "1 not found (33.3% read)"
    ) in out


@pytest.mark.parametrize("name", ["wfc-20241231x10k_ex13.htm", "d12345dex13.htm", "EX-13.htm", "ex13.1.htm"])
def test_exhibit_file_names(name: str) -> None:
    from tracker.pipeline.ingest import is_exhibit_name

    assert is_exhibit_name(Path(name))
    assert not is_exhibit_name(Path("wfc-20241231.htm")) and not is_exhibit_name(Path("index13.htm"))


def test_wells_fargo_alone_is_stored_incorporated_not_read(corpus: Path, db_path: Path) -> None:
    path = corpus / "ixbrl" / "wfc-10-k-fy2024.html.gz"
    if not path.exists():
        pytest.skip("wfc-10-k-fy2024.html.gz is not in the corpus")
    assert run("ingest", path, "--db", db_path)[0] == 0
    code, out, err = run("show", "WFC", 2024, "--format", "json", "--db", db_path)
    assert code == 0, err
    data = json.loads(out)
    assert data["coverage"] == "not read"
    assert data["incorporated"]["document"] == "2024 Annual Report to Shareholders"
    assert (
        data["incorporated"]["heading"] == "Financial Review - Risk Management - Operational Risk Management"
    )
    assert all(e["source"] == "absent" for e in data["elements"])


# --- a 10-K laid out as an annual report, placed by its cross-reference index ---------------------------------

XREF = FIXTURES / "xref" / "tamarack-10-k-fy2023.htm"
#: The section as written in the fixture: from the first sub-heading after "CYBERSECURITY" to before "PROPERTIES".
XREF_FIRST = "We maintain a cybersecurity risk management program designed to assess"
XREF_LAST = "has more than 18 years of experience in industrial control system security."


def _xref_read(text: str):  # noqa: ANN202 - a Disclosure
    from tracker.read import read_text_source

    return read_text_source(text)


def test_the_cross_reference_index_places_the_section() -> None:
    d = _xref_read(XREF.read_text())
    assert d.section_text.split("\n\n")[1].startswith(XREF_FIRST)
    assert d.section_text.endswith(XREF_LAST)
    assert "26-27" not in d.section_text  # never the index entry
    assert "could disrupt our plants" not in d.section_text  # the risk factor "Cybersecurity Risks", page 14
    assert "manufacturing plants" not in d.section_text  # PROPERTIES, after the section on page 27
    assert "lawsuits" not in d.section_text  # LEGAL PROCEEDINGS, page 25
    assert d.notes == [
        "Item 1C found through the 10-K cross-reference index (pages 26-27) under the heading \u201cCYBERSECURITY\u201d",
        "fiscal year 2023 read from the cover (\u201cFor the fiscal year ended December 31, 2023\u201d)",
    ]
    assert d.fiscal_year == 2023 and d.period_end == "2023-12-31"


def test_an_index_whose_item_number_stands_alone_is_followed() -> None:
    """ "1C | Cybersecurity | 26-27", no "Item": no Item 1C heading anywhere (the tool refused such a 10-K)."""
    d = _xref_read(XREF.read_text().replace("<td>Item 1C.</td>", "<td>1C</td>"))
    assert d.section_text.endswith(XREF_LAST)


def test_title_case_headings_end_at_the_next_subject() -> None:
    text = (
        XREF.read_text()
        .replace("<b>CYBERSECURITY</b>", "<b>Cybersecurity Risk Management and Strategy</b>")
        .replace("<b>PROPERTIES</b>", "<b>Properties</b>")
    )
    d = _xref_read(text)
    assert d.section_text.endswith(XREF_LAST) and "manufacturing plants" not in d.section_text


def test_an_index_entry_with_no_section_on_its_pages_is_refused(db_path: Path) -> None:
    """A stored version never holds a page reference as its disclosure."""
    bad = XREF.read_text().replace("<b>CYBERSECURITY</b>", "<b>OUR PLANTS</b>")
    path = db_path.parent / "tamarack-10-k-fy2023.htm"
    path.write_text(bad)
    code, _, err = run("ingest", path, "--filer", "TMK", "--db", db_path)
    assert code == 2
    assert "Item 1C is only a page reference (26-27) in a cross-reference index" in err


def test_ingest_stores_the_indexed_section(db_path: Path) -> None:
    code, _, err = run("ingest", XREF, "--filer", "TMK", "--year", 2023, "--db", db_path)
    assert code == 0, err
    code, out, err = run("show", "TMK", 2023, "--format", "json", "--db", db_path)
    data = json.loads(out)
    assert data["coverage"] == "full"
    flags = {e["element"]: e for e in data["elements"] if e["kind"] == "flag"}
    assert flags["CybersecurityRiskManagementThirdPartyEngagedFlag"]["value"] is True
    assert XREF_LAST in text_of(data)


# --- fetch follows the filing index to Exhibit 13 -----------------------------------------------------------


@pytest.fixture
def edgar(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - an EdgarServer
    from tests.edgar_server import running

    for name in ("TRACKER_USER_AGENT", "TRACKER_EDGAR_URL", "TRACKER_DB", "TRACKER_EDGAR_RATE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRACKER_EDGAR_BACKOFF", "0.01")
    with running(FIXTURES) as server:  # (the Larkspur filings are the project's fixtures, not the corpus')
        yield server


def fetch(edgar, db: Path, *args: object) -> tuple[int, str, str]:  # noqa: ANN001
    return run(*args, "--edgar-url", edgar.url, "--user-agent", "Tracker Tests tests@example.com", "--db", db)


def test_fetch_reads_the_exhibit_the_filing_index_lists(edgar, db_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    code, out, err = fetch(edgar, db_path, "fetch", "LKB", "--years", "2023-2024")
    assert code == 0, out + err
    folder = "/Archives/edgar/data/9999931/000999993125000005/"
    assert [s.path for s in edgar.seen(folder)] == [
        folder + "lkb-20241231.htm",
        folder + "0009999931-25-000005-index.htm",
        folder + "lkb-20241231xex13.htm",
    ]
    assert all(s.user_agent == "Tracker Tests tests@example.com" for s in edgar.seen())
    fetched = show(db_path, 2024)
    assert fetched["coverage"] == "exhibit"
    assert fetched["incorporated"]["exhibit"] == folder.lstrip("/") + "lkb-20241231xex13.htm"
    # the same result as ingesting the two files
    local = tmp_path / "local.db"
    assert run("ingest", TENK[2024], "--exhibit", EX13[2024], "--db", local)[0] == 0
    assert fetched["elements"] == show(local, 2024)["elements"]
    assert fetched["facts"] == show(local, 2024)["facts"]
    # a rerun downloads nothing: the index and the exhibit are cached like every document (the listings are
    # only asked whether they changed, and answered 304)
    seen = len(edgar.seen())
    code, out, err = fetch(edgar, db_path, "fetch", "LKB", "--years", "2023-2024")
    assert code == 0 and out.count(" v1 unchanged") == 2, out + err
    rerun = edgar.seen()[seen:]
    assert all(r.status == 304 and not r.path.startswith("/Archives/") for r in rerun), rerun


def test_fetch_without_an_exhibit_in_the_index_stores_it_as_not_read(edgar, db_path: Path) -> None:  # noqa: ANN001
    index = "/Archives/edgar/data/9999931/000999993125000005/0009999931-25-000005-index.htm"
    kind, body = edgar.routes[index]
    edgar.routes[index] = (kind, body.replace(b"EX-13", b"EX-99").replace(b"ANNUAL REPORT", b"PRESS RELEASE"))
    code, out, err = fetch(edgar, db_path, "fetch", "LKB", "--years", "2024")
    assert code == 0, out + err
    data = show(db_path, 2024)
    assert data["coverage"] == "not read"
    assert "the filing index lists no Exhibit 13 (annual report to shareholders)" in data["notes"]


def test_fetch_with_an_exhibit_lacking_a_cybersecurity_part_stores_the_10k_as_not_read(
    edgar,  # noqa: ANN001
    db_path: Path,
) -> None:
    folder = "/Archives/edgar/data/9999931/000999993125000005/"
    body = EX13[2024].read_bytes()
    edgar.routes[folder + "lkb-20241231xex13.htm"] = (
        "bytes",
        body.replace(b"<p><b>Cybersecurity</b></p>", b"<p><b>Branch Security Staffing</b></p>"),
    )
    code, out, err = fetch(edgar, db_path, "fetch", "LKB", "--years", "2024")
    assert code == 0, out + err
    assert "2024 v1 new (Item 1C incorporated by reference, exhibit not read): " in out
    assert "lkb-20241231xex13.htm has no part headed as cybersecurity under" in out
    data = show(db_path, 2024)
    assert data["coverage"] == "not read"
    assert any(n.startswith("exhibit not read: ") for n in data["notes"])
    assert all(e["source"] == "absent" for e in data["elements"] if e["kind"] == "flag")


def test_fetch_keeps_the_listings_report_date_as_the_period_end(edgar, db_path: Path) -> None:  # noqa: ANN001
    """A fetched 10-K that states no period end itself (no dei tag, no cover line) takes EDGAR's reportDate."""
    path = "/Archives/edgar/data/9999931/000999993125000005/lkb-20241231.htm"
    body = TENK[2024].read_bytes()
    stripped = re.sub(rb"<ix:nonNumeric name=\"dei:DocumentPeriodEndDate\"[^<]*</ix:nonNumeric>", b"", body)
    stripped = re.sub(rb"year ended December(?: |&#160;)31, 2024", b"", stripped)
    assert b"DocumentPeriodEndDate" not in stripped and b"year ended" not in stripped
    edgar.routes[path] = ("bytes", stripped)
    code, out, err = fetch(edgar, db_path, "fetch", "LKB", "--years", "2024")
    assert code == 0, out + err
    assert show(db_path, 2024)["period_end"] == "2024-12-31"
    code, out, _ = run("show", "LKB", 2024, "--db", db_path)
    assert "(period end 2024-12-31)" in out


def test_coverage_counts_the_stored_filings(db_path: Path) -> None:
    assert run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)[0] == 0
    assert run("ingest", TENK[2024], "--db", db_path)[0] == 0
    assert run("ingest", FIXTURES / "sample" / "nwan-10-k-fy2023.htm", "--db", db_path)[0] == 0
    code, out, err = run("coverage", "--format", "json", "--db", db_path)
    assert code == 0, err
    data = json.loads(out)
    assert data["counts"] == {"full": 1, "exhibit": 1, "not read": 1}
    assert data["read_share"] == round(2 / 3, 4)
    assert [(r["filer"]["tickers"], r["fiscal_year"], r["document"]) for r in data["not_read"]] == [
        (["LKB"], 2024, "2024 Annual Report to Shareholders")
    ]
    code, out, _ = run("coverage", "--db", db_path)
    assert "1  incorporated by reference, exhibit not read" in out and "66.7% read" in out
    # reading the exhibit later makes the year current as read
    assert run("ingest", TENK[2024], "--exhibit", EX13[2024], "--db", db_path)[0] == 0
    data = json.loads(run("coverage", "--format", "json", "--db", db_path)[1])
    assert data["counts"] == {"full": 1, "exhibit": 2, "not read": 0}


def test_the_real_wells_fargo_10k_is_read_through_an_exhibit_of_that_shape(
    corpus: Path, db_path: Path
) -> None:
    """The real WFC 10-K with an exhibit laid out as its pointer names (the fixture's Exhibit 13 has the same
    "Financial Review - Risk Management - Operational Risk Management" path): only the cybersecurity part is
    read, and the version is WFC's own."""
    path = corpus / "ixbrl" / "wfc-10-k-fy2024.html.gz"
    if not path.exists():
        pytest.skip("wfc-10-k-fy2024.html.gz is not in the corpus")
    code, out, err = run("ingest", path, "--exhibit", EX13[2024], "--db", db_path)
    assert code == 0, err
    assert "WELLS FARGO & COMPANY/MN 2024 10-K v1 new (Item 1C read through an exhibit)" in out
    data = json.loads(run("show", "WFC", 2024, "--format", "json", "--db", db_path)[1])
    text = text_of(data)
    assert text.startswith("Cybersecurity risk is the risk of loss") and text.endswith(
        "financial institutions."
    )
    for other in NOT_CYBER:
        assert other not in text, other


@pytest.mark.parametrize(
    ("pointer", "document", "heading"),
    [
        (
            "The information required by this Item 1C is included in the section captioned \u201cCybersecurity "
            "Risk Management\u201d of our 2024 Annual Report to Shareholders and is incorporated herein by reference.",
            "2024 Annual Report to Shareholders",
            "Cybersecurity Risk Management",
        ),
        (
            'See "Managing Cybersecurity Risk" in the 2023 Annual Report to Stockholders, which is incorporated '
            "herein by reference.",
            "2023 Annual Report to Stockholders",
            "Managing Cybersecurity Risk",
        ),
        (
            "Information about our cybersecurity program is set forth under the heading entitled Information "
            "Security in Exhibit 13 to this report, which is incorporated by reference.",
            "Exhibit 13",
            "Information Security",
        ),
    ],
)
def test_pointer_phrasings(pointer: str, document: str, heading: str) -> None:
    from tracker.read.untagged import incorporation_of

    inc = incorporation_of(pointer)
    assert inc is not None and inc.document == document and inc.heading == heading


def test_prose_citing_the_proxy_statement_is_no_pointer() -> None:
    from tracker.read.untagged import incorporation_of

    prose = (
        "Our Chief Information Security Officer leads a team of 40 and reports to the Audit Committee each quarter. "
        "We engage outside assessors annually. Biographies of our directors appear in our 2024 Proxy Statement, "
        "which is incorporated herein by reference."
    )
    assert incorporation_of(prose) is None


def test_capital_subheadings_and_page_numbers_at_the_head_of_each_page() -> None:
    """Sub-headings in capitals stay inside the section; page numbers printed at the top of each page (with a
    running foot after them) still place it."""
    text = XREF.read_text()
    text = text.replace("<b>Risk Management and Strategy</b>", "<b>RISK MANAGEMENT AND STRATEGY</b>")
    text = text.replace("<b>Governance</b>", "<b>GOVERNANCE</b>")
    # move each page number from the foot of its page to the head of the next
    import re

    numbers = re.findall(r'<p style="text-align:center">(\d+)</p>', text)
    text = re.sub(r'<p style="text-align:center">\d+</p>\n', "", text)
    pages = text.split('<hr style="page-break-after:always"/>\n')
    text = pages[0] + "".join(
        f'<hr style="page-break-after:always"/>\n<p>Tamarack Industries 2023 Form 10-K | {n}</p>\n{page}'
        for n, page in zip(numbers[1:], pages[1:])  # (the cover, page 1, goes unnumbered)
    )
    d = _xref_read(text)
    assert d.section_text.endswith(XREF_LAST)
    assert "GOVERNANCE" in d.section_text and "manufacturing plants" not in d.section_text


def test_the_filing_index_names_the_annual_report() -> None:
    from tests.edgar_server import FILERS, filing_index
    from tracker.edgar.client import annual_report_exhibits

    lkb = next(f for f in FILERS if "LKB" in f.tickers)
    index = filing_index("/Archives/edgar/data/9999931/x/", lkb, lkb.docs[1])
    assert annual_report_exhibits(index) == ["lkb-20241231xex13.htm"]
    parts = index.replace(b'<td scope="row">EX-21</td>', b'<td scope="row">EX-13.2</td>')
    assert annual_report_exhibits(parts) == ["lkb-20241231xex13.htm", "lkb-ex21.htm"]
    # no EX-13 type: the document described as the annual report (never the 10-K itself)
    untyped = index.replace(b"EX-13", b"EX-99.1").replace(b">10-K<", b">10-K ANNUAL REPORT<")
    assert annual_report_exhibits(untyped) == ["lkb-20241231xex13.htm"]


def test_reports_of_a_year_not_read_claim_no_sameness(db_path: Path, tmp_path: Path) -> None:
    """The HTML and Markdown reports say which document is missing, never "No change" nor a similarity of 1."""
    assert run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)[0] == 0
    assert run("ingest", TENK[2024], "--db", db_path)[0] == 0
    out = tmp_path / "r.html"
    assert run("diff", "LKB", 2023, 2024, "--format", "html", "-o", out, "--db", db_path)[0] == 0
    page = out.read_text()
    assert "Item 1C: incorporated by reference, exhibit not read. The disclosure is in the 2024" in page
    assert "Nothing compared: a year&rsquo;s Item 1C is in a document that was not read" in page or (
        "Nothing compared: a year\u2019s Item 1C is in a document that was not read" in page
    )
    assert "No change.</strong>" not in page and "How much of the text is the same" not in page
    code, md, _ = run("diff", "LKB", 2023, 2024, "--format", "markdown", "--db", db_path)
    assert "exhibit not read" in md and "No change in flags" not in md and "cosine" not in md


def test_an_index_naming_the_reports_own_section_is_followed() -> None:
    text = XREF.read_text().replace(
        "<td>Cybersecurity</td><td>26-27</td>", "<td>Cybersecurity</td><td>Cybersecurity</td><td>26-27</td>"
    )
    assert "<td>Cybersecurity</td><td>Cybersecurity</td>" in text
    d = _xref_read(text)
    assert d.section_text.endswith(XREF_LAST) and "26-27" not in d.section_text


def test_an_item_heading_giving_only_pages_is_followed_to_them() -> None:
    """No index: "Item 1C. Cybersecurity" in the body says only "Pages 26-27"; the section on those pages is read."""
    import re

    text = re.sub(
        r"<p><b>FORM 10-K CROSS-REFERENCE INDEX</b></p>\s*<table>.*?</table>",
        "",
        XREF.read_text(),
        flags=re.S,
    )
    text = text.replace(
        "<p><b>RISK FACTORS</b></p>",
        "<p>Item 1C. Cybersecurity</p><p>Pages 26-27</p><p>Item 2. Properties</p><p>Page 27</p>"
        "<p><b>RISK FACTORS</b></p>",
    )
    d = _xref_read(text)
    assert d.section_text.endswith(XREF_LAST) and "Pages 26-27" not in d.section_text


def test_history_says_a_year_not_read_was_not_compared(db_path: Path) -> None:
    assert run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)[0] == 0
    assert run("ingest", TENK[2024], "--db", db_path)[0] == 0
    code, out, err = run("history", "LKB", "--db", db_path)
    assert code == 0, err
    assert "2023 -> 2024: not compared, exhibit not read" in out and "cosine" not in out


def test_a_heading_run_into_its_paragraph_is_found(db_path: Path, tmp_path: Path) -> None:
    ex = tmp_path / "runin-ex13.htm"
    ex.write_text(
        EX13[2024]
        .read_text()
        .replace(
            "<p><b>Cybersecurity</b></p>\n<p>Cybersecurity risk",
            "<p><b>Cybersecurity.</b> Cybersecurity risk",
        )
    )
    assert "<b>Cybersecurity.</b> Cybersecurity risk" in ex.read_text()
    code, _, err = run("ingest", TENK[2024], "--exhibit", ex, "--db", db_path)
    assert code == 0, err
    text = text_of(show(db_path, 2024))
    assert text.startswith("Cybersecurity risk is the risk of loss") and text.endswith(
        "financial institutions."
    )
    for other in NOT_CYBER:
        assert other not in text, other


def test_an_exhibit_no_10k_matches_is_refused_alone(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "larkspur-10-k-fy2024.htm").write_bytes(TENK[2024].read_bytes())
    (folder / "larkspur-ex13-fy2024.htm").write_bytes(EX13[2024].read_bytes())
    (folder / "other").mkdir()
    (folder / "other" / "stray-ex13.htm").write_bytes(EX13[2023].read_bytes())
    (folder / "other" / "a-10-k.htm").write_bytes(TENK[2023].read_bytes())
    (folder / "other" / "b-10-k.htm").write_bytes((FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_bytes())
    code, out, err = run("ingest", folder, "--db", db_path)
    assert code == 2
    assert (
        "stray-ex13.htm: it looks like an Exhibit 13 (by its file name) but no 10-K beside it matches" in out
    )
    assert "4 files read: 3 new, 0 unchanged, 0 new versions, 1 rejected" in out
    assert show(db_path, 2024)["coverage"] == "exhibit"


def test_a_second_exhibit_13_for_one_10k_is_refused_with_its_reason(db_path: Path, tmp_path: Path) -> None:
    """Two files named as Exhibit 13 beside one 10-K: the one matching it by name is read (not the one only beside
    it), the other refused with a sentence saying to name one with --exhibit, not dropped without a word."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "larkspur-10-k-fy2024.htm").write_bytes(TENK[2024].read_bytes())
    (folder / "larkspur-ex13-fy2024.htm").write_bytes(EX13[2024].read_bytes())
    (folder / "larkspur-ex13-fy2024-part2.htm").write_bytes(EX13[2023].read_bytes())
    code, out, _ = run("ingest", folder, "--db", db_path)
    assert code == 2
    assert (
        "larkspur-ex13-fy2024-part2.htm: it looks like an Exhibit 13 (by its file name) and another Exhibit 13 "
        "beside it matches the same 10-K" in out
    )
    assert "2 files read: 1 new, 0 unchanged, 0 new versions, 1 rejected" in out
    stored = show(db_path, 2024)
    assert stored["coverage"] == "exhibit"
    assert stored["incorporated"]["exhibit"].endswith("larkspur-ex13-fy2024.htm")  # (matched by name)


def test_where_one_year_was_not_read_the_report_says_what_the_other_states(db_path: Path) -> None:
    """An unseen reader's WFC pair: its earlier year pointed to an annual report not read, and its later year's whole
    section in the 10-K came out as "Changes: 0 high, 0 medium, 0 low" and nothing else. What the year that was read
    states is listed under its own heading, in the text, Markdown and JSON reports; nothing is compared."""
    assert run("ingest", TENK[2023], "--exhibit", EX13[2023], "--db", db_path)[0] == 0
    assert run("ingest", TENK[2024], "--db", db_path)[0] == 0
    code, out, err = run("diff", "LKB", 2023, 2024, "--format", "json", "--db", db_path)
    assert code == 0, err
    data = json.loads(out)
    assert data["changes"] == [] and data["one_year_states"]["fiscal_year"] == 2023
    briefing = next(f for f in data["one_year_states"]["facts"] if f["fact"] == "briefing_frequency")
    assert briefing["values"] == ["semi-annual"], briefing
    code, out, _ = run("diff", "LKB", 2023, 2024, "--db", db_path)
    assert "What FY2023 states (FY2024 was not read, so nothing is compared):" in out
    assert "  - How often the board is briefed: semi-annual" in out
    code, out, _ = run("diff", "LKB", 2023, 2024, "--format", "markdown", "--db", db_path)
    assert "**What FY2023 states (FY2024 was not read, so nothing is compared):**" in out
