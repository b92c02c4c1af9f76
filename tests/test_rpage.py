"""R pages: both text layouts of the seeds and the HTML rendering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.errors import BadInput
from tracker.models import FLAGS
from tracker.pipeline.load import load_bytes, load_path
from tracker.read import detect_format
from tracker.read.rpage import read_rpage

SEEDS = [
    "000_3eaf4e0fdd851dff",
    "001_d5433b62149c76a5",
    "002_9394ffdb029e99fb",
    "003_dfabe7f409a2727e",
    "004_4fca7a87e41c4154",
]


def labels_in(raw: str) -> tuple[set[str], dict[str, bool]]:
    """Independent reading of a seed: the labels it shows and the flag values under them."""
    labels = set(re.findall(r"([A-Z][^|\n\[]+?) \[(?:Text Block|Flag)\]", raw))
    flags = {}
    for m in re.finditer(r"([A-Z][^|\n\[]+?) \[Flag\][ |]*\n?\|?\s*(true|false)", raw):
        flags[m.group(1).strip()] = m.group(2) == "true"
    return {label.strip() for label in labels}, flags


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_elements_and_flags_match_the_page(corpus: Path, seed: str) -> None:
    path = corpus / "seeds" / f"{seed}.txt"
    raw = path.read_text(encoding="utf-8")
    d = load_path(path)
    labels, flags = labels_in(raw)
    assert {e.label for e in d.elements} == labels
    assert {e.label: e.value for e in d.elements if e.kind == "flag"} == flags
    assert all(e.source == "tagged" for e in d.elements)
    assert d.tagged and d.fiscal_year == 2024 and d.period_end == "2024-12-31"
    for e in d.text_elements:
        assert "presentationRef" not in e.value and "|X" not in e.value


def test_layouts_are_detected_by_content(corpus: Path) -> None:
    assert detect_format((corpus / "seeds" / f"{SEEDS[0]}.txt").read_text()) == "rpage-text"
    assert detect_format((corpus / "seeds" / f"{SEEDS[1]}.txt").read_text()) == "rpage-markdown"


def test_pipe_layout_keeps_paragraphs_and_bullets(corpus: Path) -> None:
    d = load_path(corpus / "seeds" / f"{SEEDS[4]}.txt")
    main = d.element("CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock")
    assert main is not None
    paras = str(main.value).split("\n\n")
    assert paras[0] == "ITEM 16K. CYBERSECURITY"
    assert any(p.startswith("\u2022 Information protection process.") for p in paras)
    assert d.form == "20-F"


def test_seed_text_keeps_kanzhun_facts_verbatim(corpus: Path) -> None:
    d = load_path(corpus / "seeds" / f"{SEEDS[0]}.txt")
    expertise = d.element("CybersecurityRiskManagementExpertiseOfManagementResponsibleTextBlock")
    assert expertise is not None and "He has over 18 years of experience" in str(expertise.value)
    assert (
        d.element("CybersecurityRiskBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock").value
        == "board of directors"
    )


def test_r_page_html_reads_names_from_defref_links() -> None:
    d = load_path(Path(__file__).parent.parent / "fixtures" / "rpage" / "R10.htm")
    assert d.source_format == "rpage-html"
    assert [e.name for e in d.elements if e.kind == "flag"] == [f for f in FLAGS]
    assert (
        d.element("CybersecurityRiskBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock").value
        == "Risk Committee"
    )
    assert (
        d.element(
            "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
        ).value
        is False
    )
    assert '"NIST CSF"' in str(
        d.element(
            "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
        ).value
    )


def test_r_page_for_another_topic_is_refused() -> None:
    page = (
        "|\nIncome Taxes (Details)\n|12 Months Ended\nDec. 31, 2024\n"
        "|Income Tax Disclosure [Abstract]\n|Effective Income Tax Rate Reconciliation [Text Block]\n"
        "|The effective tax rate was 21%.\n|Deferred Tax Assets Valuation Allowance [Flag]\n|true\n"
    )
    with pytest.raises(BadInput, match="holds no cybersecurity"):
        load_bytes(page.encode())


def test_unknown_cyd_label_is_kept_with_a_derived_name() -> None:
    page = (
        "|\nCybersecurity Risk Management, Strategy, and Governance\n|12 Months Ended\nDec. 31, 2025\n"
        "|Cybersecurity Risk Management Processes Integrated [Flag]\n|true\n"
        "|Cybersecurity Risk Incident Response Drills Performed [Flag]\n|false\n"
    )
    d = read_rpage(page, "rpage-text")
    assert d.element("CybersecurityRiskIncidentResponseDrillsPerformedFlag").value is False
    assert d.fiscal_year == 2025


def test_ligatures_in_labels_still_name_the_element() -> None:
    page = (
        "|\nCybersecurity Risk Management, Strategy, and Governance\n|12 Months Ended\nDec. 31, 2024\n"
        "|Cybersecurity Risk Third Party Oversight and Identi\ufb01cation Processes [Flag]\n|true\n"
    )
    d = read_rpage(page, "rpage-text")
    assert [e.name for e in d.elements] == [
        "CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag"
    ]


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("Form 20-F10-KItem16K1C ifkc\n\u0130")), max_size=30),
        max_size=4,
    )
)
def test_the_form_an_r_page_names_is_read_as_the_full_patterns_read_it(texts: list[str]) -> None:
    from tracker.read.rpage import _form_from_text

    joined = " ".join(texts)
    expected = (
        "20-F"
        if re.search(r"\b(?:Form\s+)?20-F\b|\bItem\s+16K\b", joined, re.I)
        else "10-K"
        if re.search(r"\b(?:Form\s+)?10-K\b|\bItem\s+1C\b", joined, re.I)
        else None
    )
    assert _form_from_text(texts) == expected
