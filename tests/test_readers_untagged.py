"""Locating Item 1C / 16K in text lines, splitting it into elements, and the plain-text reader."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from tracker.errors import BadInput
from tracker.models import UNTAGGED_ELEMENT, Disclosure
from tracker.read.untagged import (
    cover_period,
    detect_fiscal_year,
    locate_section,
    read_text,
    split_elements,
)
from tracker.text.normalize import comparison_key, paragraphs

FIXTURE_SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "nwan-10-k-fy2023.htm"
TEXT_FILES = sorted(
    p.name
    for p in (Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "text").glob("*.txt")
) or ["none"]


@lru_cache(maxsize=None)
def _raw(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _read(path: Path) -> Disclosure:
    return read_text(_raw(path))


def _text(corpus: Path, name: str) -> Path:
    path = corpus / "text" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    return path


# --- the locator on small, made-up documents ----------------------------------------------------------


def test_table_of_contents_entry_is_skipped() -> None:
    lines = [
        "Item 1A. Risk Factors",
        "12",
        "Item 1C.",
        "Cybersecurity",
        "25",
        "Item 2. Properties",
        "26",
        "",
        "Item 1A. Risk Factors",
        "Our business is risky.",
        "Item 1C. Cybersecurity",
        "We assess cybersecurity risks.",
        "",
        "Governance",
        "",
        "Our Board oversees them.",
        "Item 2. Properties",
        "We own buildings.",
    ]
    section = locate_section(lines)
    assert section is not None and section.form == "10-K"
    assert [line for line in section.lines if line] == [
        "We assess cybersecurity risks.",
        "Governance",
        "Our Board oversees them.",
    ]


def test_page_furniture_is_known_whatever_its_spacing() -> None:
    # the footer repeats with other spaces (non-breaking, tabs, doubled, at either end): one furniture key
    footers = [
        "Acme\u00a0Widgets  2024 Annual Report 3",
        " Acme Widgets 2024 Annual\tReport 14 ",
        "ACME WIDGETS 2024 ANNUAL REPORT 15",
    ]
    lines = ["Item 1A. Risk Factors", "Risks.", footers[0], "Item 1C. Cybersecurity", "We assess risks."]
    lines += [footers[1], "Our Board oversees them.", footers[2], "Item 2. Properties", "We own buildings."]
    section = locate_section(lines)
    assert section is not None
    assert [line for line in section.lines if line] == ["We assess risks.", "Our Board oversees them."]


def test_furniture_keys_and_item_lines_found_in_bulk_match_one_line_at_a_time() -> None:
    from tracker.read import untagged

    lines = [
        " Page\u00a012 ",
        "\t",
        "Item\u20281C",
        "A\x1c B  7 7",
        "\u0130TEM 2",
        "  item 1C.",
        "Part II",
        "partly",
        "x\nItem 1C",
        "",
    ]
    assert untagged.furniture_keys(lines) == [untagged.furniture_key(line) for line in lines]
    assert untagged.furniture_keys(lines[:-2]) == [untagged.furniture_key(line) for line in lines[:-2]]
    one_by_one = untagged._candidate_lines_one_by_one(lines[:-2], 0)
    assert untagged._candidate_lines(lines[:-2]) == one_by_one == [2, 4, 5, 6, 7]
    assert untagged._candidate_lines(lines) == [2, 4, 5, 6, 7, 8]  # a line holding a newline: one at a time


def test_running_heads_and_split_headings() -> None:
    lines = [
        "ITEM\u00a01C.",
        "CYBERSECURITY",
        "We assess risks and",
        "",
        "PART I",
        "ITEM 1C. CYBERSECURITY",
        "",
        "manage them.",
        "ITEM 2.PROPERTIES",
        "We own buildings.",
    ]
    section = locate_section(lines)
    assert section is not None
    assert [line for line in section.lines if line] == ["We assess risks and", "manage them."]


def test_20f_item_16k_stops_at_part_iii() -> None:
    lines = [
        "Item 16J. Insider Trading Policies",
        "We have one.",
        "Item 16K. Cybersecurity",
        "Our board oversees cybersecurity.",
        "PART III",
        "Item 17. Financial Statements",
    ]
    section = locate_section(lines)
    assert (
        section is not None
        and section.form == "20-F"
        and section.lines == ["Our board oversees cybersecurity."]
    )


def test_hard_wrapped_cross_reference_is_not_a_stop() -> None:
    lines = [
        "Item 1C. Cybersecurity",
        "For more on these risks, see Part I,",
        "Item 1A, \u201crisk factors\u201d above.",
        "Item 2. Properties",
    ]
    section = locate_section(lines)
    assert section is not None and len(section.lines) == 2


def test_no_heading_means_no_section() -> None:
    assert locate_section(["Item 1A. Risk Factors", "Cybersecurity is a risk.", "Item 2. Properties"]) is None
    assert locate_section(["Item 1C. Cybersecurity 25", "Item 2. Properties 26"]) is None


def test_every_paragraph_lands_in_an_element() -> None:
    paras = [
        "Risk Management and Strategy",
        "We maintain a program to assess, identify and manage cybersecurity risks, integrated into our "
        "enterprise risk management.",
        "Governance",
        "Our Board of Directors oversees cybersecurity through its Audit Committee. The Audit Committee "
        "receives reports from our CISO every quarter.",
        "Our Chief Information Security Officer leads the team and has over 20 years of experience.",
        "We have not identified any cybersecurity incidents that have materially affected us.",
    ]
    elements = {e.name: str(e.value) for e in split_elements(paras)}
    assert elements[UNTAGGED_ELEMENT] == "Risk Management and Strategy\n\nGovernance"
    assert (
        paras[1]
        in elements["CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"]
    )
    assert paras[3] in elements["CybersecurityRiskBoardOfDirectorsOversightTextBlock"]
    assert paras[4] in elements["CybersecurityRiskRoleOfManagementTextBlock"]
    assert "over 20 years" in elements["CybersecurityRiskManagementExpertiseOfManagementResponsibleTextBlock"]
    assert (
        "materially affected"
        in elements[
            "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantTextBlock"
        ]
    )
    assert (
        "receives reports"
        in elements[
            "CybersecurityRiskProcessForInformingBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock"
        ]
    )
    joined = comparison_key(" ".join(elements.values()))
    assert all(comparison_key(p) in joined for p in paras)


def test_a_denial_of_a_material_breach_is_the_material_effect_element() -> None:
    """ "We have not suffered a material cybersecurity breach" states what Item 106(b)(2) asks, as "materially
    affected" does (SFIX's and MXL's statements were filed under the management's role alone)."""
    paras = [
        "Our Chief Information Security Officer leads the security team. Although we have not suffered a material "
        "cybersecurity breach, there is no guarantee that we will not suffer one."
    ]
    elements = {e.name: str(e.value) for e in split_elements(paras)}
    material = elements[
        "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantTextBlock"
    ]
    assert material.startswith("Although we have not suffered a material") and "Chief" not in material


def test_fiscal_year_only_when_unambiguous() -> None:
    assert (
        detect_fiscal_year("text\nApple Inc. | 2024 Form 10-K | 17\nmore\nApple Inc. | 2024 Form 10-K | 18")
        == 2024
    )
    assert detect_fiscal_year("Apple Inc. | 2023 Form 10-K | 1\nApple Inc. | 2024 Form 10-K | 2") is None
    assert detect_fiscal_year("We adopted the 2023 plan.") is None


def test_text_without_item_1c_is_refused() -> None:
    with pytest.raises(
        BadInput, match=r"^no Item 1C \(10-K\) or Item 16K \(20-F\) cybersecurity heading was found"
    ):
        read_text(
            "Item 1A. Risk Factors\n\nOur business faces risks.\n\nItem 2. Properties\n\nWe own offices.\n"
        )


# --- the corpus ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", TEXT_FILES)
def test_text_extract_section_starts_at_the_heading_and_excludes_item_2(corpus: Path, name: str) -> None:
    path = _text(corpus, name)
    raw = _raw(path)
    disclosure = _read(path)
    assert disclosure.tagged is False and disclosure.source_format == "text" and disclosure.form == "10-K"
    paras = paragraphs(disclosure.section_text)
    assert paras
    marker = max(raw.find("--- ITEM 1C ---"), 0)
    heading = re.search(r"item\s*1c\.?\s*cybersecurity", re.sub(r"\s+", " ", raw[marker:]), re.I)
    assert heading is not None
    after = comparison_key(raw[marker:])
    start = after.find(comparison_key(paras[0])[:80])
    assert 0 <= start < 400, f"{name}: the section starts {start} characters after the heading"
    for para in paras:
        assert not re.match(r"item\s*(1a|2|3)\b", para, re.I), para
        assert para.lower().strip(" .") not in ("properties", "risk factors", "legal proceedings")
        assert "\n" not in para
        assert not re.fullmatch(r"[-=_*]{3,}|\d{1,3}|table of contents", para, re.I)
    keys = "".join(comparison_key(str(e.value)) for e in disclosure.text_elements)
    assert all(comparison_key(p) in keys for p in paras)


def test_apple_2023_is_not_applicable(corpus: Path) -> None:
    disclosure = _read(_text(corpus, "AAPL_2023.txt"))
    assert disclosure.section_text == "Not applicable."
    assert disclosure.fiscal_year == 2023


def test_amazon_2023_paragraph_broken_mid_sentence_is_rejoined(corpus: Path) -> None:
    disclosure = _read(_text(corpus, "AMZN_2023.txt"))
    assert any(
        "that could adversely affect" in p and "mechanisms, controls, technologies, methods" in p
        for p in paragraphs(disclosure.section_text)
    )
    assert "Amazon.com, Inc." not in disclosure.section_text


def test_ligatures_hard_wraps_and_underlines_are_cleaned(corpus: Path) -> None:
    crus = _read(_text(corpus, "CRUS_2025.txt")).section_text
    assert "\ufb03" not in crus and "officers" in crus
    elmd = _read(_text(corpus, "ELMD_2024.txt"))
    assert paragraphs(elmd.section_text)[0].startswith(
        "Protecting the privacy of customer and personnel information is important to us, and we maintain security"
    )
    powi = _read(_text(corpus, "POWI_2023.txt")).section_text
    assert (
        "---" not in powi
        and paragraphs(powi)[0] == "Cybersecurity Risk Assessment, Identification and Management"
    )


def test_running_company_footer_does_not_join_paragraphs(corpus: Path) -> None:
    text = _read(_text(corpus, "LC_2023.txt")).section_text
    assert "LENDINGCLUB CORPORATION" not in text


def test_union_pacific_extract_is_item_1c_alone(corpus: Path) -> None:
    disclosure = _read(_text(corpus, "UNP_2025_item1c.txt"))
    paras = paragraphs(disclosure.section_text)
    assert paras[0] == "Risk management and strategy"
    assert len(paras) > 10


def test_markdown_rendering_reads_like_the_text_extract(corpus: Path) -> None:
    md = corpus / "markdown" / "Apple.10-K.md"
    if not md.exists():
        pytest.skip("the Markdown rendering is not in the corpus")
    from_markdown = read_text(md.read_text(encoding="utf-8"))
    from_text = _read(_text(corpus, "AAPL_2024.txt"))
    assert comparison_key(from_markdown.section_text) == comparison_key(from_text.section_text)
    assert from_markdown.fiscal_year == 2024
    assert [e.name for e in from_markdown.elements] == [e.name for e in from_text.elements]


# --- page furniture inside the section ------------------------------------------------------------


def _page_broken_report(head: str, heads_in_document: int) -> str:
    """A small 10-K whose Item 1C runs over a page break in mid-sentence, `head` atop each page."""
    pages = [
        f"Item 1A. Risk Factors\n\nOur business is risky.\n\n{n}\n\nTable of Contents\n\n{head}\n"
        for n in range(1, heads_in_document)
    ]
    return "\n".join(pages) + (
        "\nItem 1C. Cybersecurity\n\nWe maintain a program for assessing, identifying and managing "
        "material risks, and our Chief Information Security Officer reports on it to\n\n25\n\n"
        f"Table of Contents\n\n{head}\n\nmanagement every quarter. Our Audit Committee oversees the "
        "program.\n\nItem 2. Properties\n\nWe lease offices.\n"
    )


def test_googl_running_head_after_table_of_contents_is_dropped_sentence_rejoined(corpus: Path) -> None:
    section = _read(_text(corpus, "GOOGL_2024.txt")).section_text
    assert "Alphabet Inc." not in paragraphs(section)
    assert not re.search(r"\bAlphabet Inc\.\s*$", section, re.M)
    assert "and our senior management makes the final materiality determinations" in section


def test_googl_years_show_no_running_head_or_fragment(corpus: Path) -> None:
    from tracker.diff.compare import compare

    c = compare(_read(_text(corpus, "GOOGL_2023.txt")), _read(_text(corpus, "GOOGL_2024.txt")))
    texts = [
        str(ch.text or ch.old or "") + str(ch.new or "") for ch in c.changes if ch.kind.startswith("text_")
    ]
    assert not any("Alphabet Inc." == t.strip() or t[:1].islower() for t in texts), texts
    assert not [ch for ch in c.changes if ch.kind == "text_moved"]


def test_company_running_head_beside_page_furniture_is_dropped_when_seen_twice() -> None:
    disclosure = read_text(_page_broken_report("Acme Widgets Holdings, Inc.", heads_in_document=2))
    assert paragraphs(disclosure.section_text) == [
        "We maintain a program for assessing, identifying and managing material risks, and our Chief "
        "Information Security Officer reports on it to management every quarter. Our Audit Committee "
        "oversees the program."
    ]


def test_a_company_name_continuing_a_sentence_is_kept() -> None:
    lines = [
        "Item 1C. Cybersecurity",
        "We host our systems with services from",
        "Microsoft Corporation",
        "and others.",
        "",
        "Item 2. Properties",
        "Microsoft Corporation",
    ]
    assert (
        read_text("\n".join(lines)).section_text
        == "We host our systems with services from Microsoft Corporation and others."
    )


def test_index_to_financial_statements_link_is_page_furniture(corpus: Path) -> None:
    for name in ("SCSC_2024.txt", "SCSC_2025.txt"):
        disclosure = _read(_text(corpus, name))
        assert "Index to Financial Statements" not in disclosure.section_text
        assert all("Index to Financial Statements" not in str(e.value) for e in disclosure.elements)


def test_sentence_running_over_a_page_into_a_capital_is_rejoined(corpus: Path) -> None:
    text = _read(_text(corpus, "PSEC_2024.txt")).section_text
    assert "implemented by Prospect Capital Management, for assessing" in text


def test_line_starting_with_a_comma_continues_the_sentence(corpus: Path) -> None:
    text = _read(_text(corpus, "UNP_2025_item1c.txt")).section_text
    assert "our CIO, CISO, and Deputy CISO, each of whom has extensive cybersecurity knowledge" in text


# --- a section that only points to another document ------------------------------------------------------


def test_a_section_incorporated_by_reference_says_where_its_text_is() -> None:
    d = read_text(
        "Item 1C. Cybersecurity\n\nThe information required by this item is incorporated herein by "
        "reference from the section entitled Cybersecurity in our 2024 Annual Report to Shareholders, "
        "filed as Exhibit 13 hereto.\n\nItem 2. Properties\n\nOffices.\n"
    )
    assert d.incorporation is not None
    assert d.incorporation.document == "2024 Annual Report to Shareholders, Exhibit 13"
    assert d.incorporation.heading == "Cybersecurity"
    assert "incorporated by reference" in d.incorporation.line
    assert d.elements == [] and d.section_text == ""  # the pointer is no disclosure


def test_a_cross_reference_inside_the_prose_is_no_pointer() -> None:
    d = read_text(
        "Item 1C. Cybersecurity\n\nOur CISO leads the program. For the risks, see Item 1A, Risk Factors, "
        "which is incorporated herein by reference.\n\nItem 2. Properties\n\nOffices.\n"
    )
    assert d.notes == [] and d.incorporation is None


def test_wells_fargo_item_1c_points_to_its_annual_report(corpus: Path) -> None:
    """WFC's FY2024 10-K answers Item 1C with a pointer to Exhibit 13: the show and the diff both say so."""
    from typer.testing import CliRunner

    from tracker.cli import app

    path = corpus / "ixbrl" / "wfc-10-k-fy2024.html.gz"
    if not path.exists():
        pytest.skip("wfc-10-k-fy2024.html.gz is not in the corpus")
    other = corpus / "ixbrl" / "jnj-10-k-fy2024.html.gz"
    shown = CliRunner().invoke(app, ["compare", str(path), str(other), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    caveats = json.loads(shown.output)["caveats"]
    assert len(caveats) == 1 and caveats[0].startswith(
        "FY2024: Item 1C: incorporated by reference, exhibit not read. The disclosure is in the 2024 Annual "
        "Report to Shareholders, under \u201cFinancial Review - Risk Management - Operational Risk Management\u201d"
    )
    assert json.loads(shown.output)["changes"] == []


# --- the fiscal year and period end of an untagged cover ---------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "period_end", "year"),
    [
        (["FORM 10-K", "For the fiscal year ended December 31, 2024"], "2024-12-31", 2024),
        (["FOR THE FISCAL YEAR ENDED", "", "SEPTEMBER 27, 2024"], "2024-09-27", 2024),  # table cells
        (["For the Year Ended: 30 June 2025", "Commission file number 0-1234"], "2025-06-30", 2025),
        (["for the fiscal year ending Sept. 28, 2024"], "2024-09-28", 2024),
        (["For the fiscal year ended 12/31/2023"], "2023-12-31", 2023),
        # a year ending in January to March: filers count it either way, so no year is guessed
        (["For the fiscal year ended January 31, 2025"], "2025-01-31", None),
    ],
)
def test_the_cover_line_gives_the_period(lines: list[str], period_end: str, year: int | None) -> None:
    cover = cover_period(lines)
    assert cover is not None and (cover.period_end, cover.fiscal_year) == (period_end, year)


@pytest.mark.parametrize(
    "lines",
    [
        ["ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)", "Commission file number 1-2345"],  # no line
        ["For the fiscal year ended December 31, 2024", "For the fiscal year ended December 31, 2023"],  # two
        ["For the fiscal year ended February 30, 2024"],  # no such day
    ],
)
def test_no_cover_line_or_two_dates_give_no_period(lines: list[str]) -> None:
    assert cover_period(lines) is None


_PLAIN_10K = """<html><body>
<p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 10-K</p>
<table><tr><td>For the fiscal year ended</td><td>October&#160;31,&#160;2024</td></tr></table>
<p>HARBINGER TOOLWORKS CORP.</p>
<p><b>Item 1C. Cybersecurity</b></p>
<p>Our Director of IT Risk leads a program of quarterly vulnerability scans and annual staff training.</p>
<p>The Audit Committee of our Board reviews cybersecurity risk twice a year.</p>
<p><b>Item 2. Properties</b></p><p>We lease one plant.</p>
</body></html>"""


def test_an_untagged_html_10k_takes_its_year_from_the_cover(db_path: Path, tmp_path: Path) -> None:
    from .cli import run

    source = tmp_path / "annual-report.htm"  # a name that suggests no year
    source.write_text(_PLAIN_10K)
    code, out, err = run("ingest", source, "--filer", "HBTW", "--db", db_path)
    assert code == 0, err
    assert "HBTW 2024 10-K v1 new" in out
    code, out, err = run("show", "HBTW", 2024, "--format", "json", "--db", db_path)
    data = json.loads(out)
    assert data["period_end"] == "2024-10-31"
    assert (
        "fiscal year 2024 read from the cover (\u201cFor the fiscal year ended October 31, 2024\u201d)"
        in data["notes"]
    )


def test_an_untagged_cover_ending_in_january_asks_for_the_year(db_path: Path, tmp_path: Path) -> None:
    from .cli import run, snapshot

    source = tmp_path / "annual-report.htm"
    source.write_text(_PLAIN_10K.replace("October&#160;31", "January&#160;31"))
    run("ingest", FIXTURE_SAMPLE, "--db", db_path)
    before = snapshot(db_path)
    code, _, err = run("ingest", source, "--filer", "HBTW", "--db", db_path)
    assert code == 2 and "pass --year YYYY" in err
    assert snapshot(db_path) == before


UNTAGGED_IXBRL = [
    "amzn-10-k-fy2023.html.gz",
    "googl-10-k-fy2023.html.gz",
    "jnj-10-k-fy2023.html.gz",
    "ko-10-k-fy2023.html.gz",
    "tsla-10-k-fy2023.html.gz",
    "wmt-10-k-fy2024.html.gz",
    "pg-10-k-fy2024.html.gz",
    "aapl-10-k-fy2024.html.gz",
    "v-10-k-fy2024.html.gz",
    "wfc-10-k-fy2024.html.gz",
]


@pytest.mark.parametrize("name", UNTAGGED_IXBRL)
def test_the_corpus_untagged_10ks_keep_their_years_and_the_cover_agrees(corpus: Path, name: str) -> None:
    """Their dei tags give the year (the file name's); the cover line, read alone, gives the same period end
    and the same year, or no year for a period ending in January (Walmart)."""
    from tracker.read import decode, decompress, read_path
    from tracker.read.html import body_lines

    path = corpus / "ixbrl" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    year = int(re.search(r"fy(\d{4})", name).group(1))  # type: ignore[union-attr]
    d = read_path(path)
    assert d.fiscal_year == year and not d.tagged
    cover = cover_period(body_lines(decode(decompress(path.read_bytes()))))
    assert cover is not None and cover.period_end == d.period_end
    assert cover.fiscal_year in (year, None)
    assert cover.fiscal_year is not None or cover.period_end[5:7] in ("01", "02", "03")
