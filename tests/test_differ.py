"""The differ on real disclosure text with planted edits, and on real pairs of the corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.diff.compare import MINOR, NO_CHANGE, REWRITTEN, _may_share_key, compare
from tracker.models import Disclosure, Element
from tracker.pipeline.load import load_path
from tracker.render.text import render
from tracker.text.normalize import comparison_key, normalize_block, split_sentences

RISK = "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
ROLE = "CybersecurityRiskRoleOfManagementTextBlock"
EXPERTISE = "CybersecurityRiskManagementExpertiseOfManagementResponsibleTextBlock"
MATERIAL = "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
THIRD_PARTY = "CybersecurityRiskManagementThirdPartyEngagedFlag"
INTEGRATED = "CybersecurityRiskManagementProcessesIntegratedFlag"


def item_1c(corpus: Path, name: str) -> str:
    """The raw Item 1C text of a plain-text extract (after the marker, before Item 2)."""
    text = (corpus / "text" / name).read_text(encoding="utf-8").split("--- ITEM 1C ---", 1)[1]
    return re.split(r"\n\s*Item\s*2\.", text, flags=re.I)[0]


def untagged(raw: str) -> Disclosure:
    """An untagged disclosure of raw section text, normalised the way readers do."""
    text = normalize_block(raw)
    return Disclosure(
        [Element(RISK, "text", text, "inferred")], tagged=False, source_format="text", section_text=text
    )


@pytest.fixture(scope="module")
def amzn(corpus: Path) -> str:
    return item_1c(corpus, "AMZN_2024.txt")


def kinds(comparison) -> list[str]:
    """Kinds of the differ's own changes (fact changes come from tracker.facts, tested there)."""
    return [c.kind for c in comparison.changes if not c.kind.startswith("fact_")]


def test_changed_number_is_one_text_change_showing_the_number(amzn: str) -> None:
    assert "over 15 years" in amzn
    c = compare(untagged(amzn), untagged(amzn.replace("over 15 years", "over 19 years")))
    assert kinds(c) == ["text_changed"]
    change = next(ch for ch in c.changes if ch.kind == "text_changed")
    ops = change.ops
    assert [op for op, text in ops if "15" in text] == [-1]
    assert [op for op, text in ops if "19" in text] == [1]
    assert "chief security officer" in change.old
    assert c.extent == MINOR


def test_moved_sentence_is_one_move_and_nothing_else(amzn: str) -> None:
    sentences = split_sentences(normalize_block(amzn))
    moved = sentences[3]
    reordered = sentences[:3] + sentences[4:] + [moved]
    c = compare(untagged(amzn), untagged("\n\n".join(reordered)))
    assert kinds(c) == ["text_moved"] and c.changes[0].kind == "text_moved"
    assert c.changes[0].text == moved
    assert (c.changes[0].from_position, c.changes[0].to_position) == (4, len(sentences))


def test_inserted_sentence_is_one_addition(amzn: str) -> None:
    new_sentence = "We also engaged an outside firm to assess our program against the NIST CSF."
    paras = normalize_block(amzn).split("\n\n")
    paras.insert(3, new_sentence)
    c = compare(untagged(amzn), untagged("\n\n".join(paras)))
    assert kinds(c) == ["text_added"]
    assert c.changes[-1].text == new_sentence


def test_deleted_sentence_is_one_removal(amzn: str) -> None:
    sentences = split_sentences(normalize_block(amzn))
    gone = sentences[5]
    c = compare(untagged(amzn), untagged("\n\n".join(s for s in sentences if s != gone)))
    assert kinds(c) == ["text_removed"]
    assert c.changes[-1].text == gone


def test_sentence_split_in_two_and_reworded_is_one_text_change(amzn: str) -> None:
    sentence = next(s for s in split_sentences(normalize_block(amzn)) if "chief security officer, who" in s)
    edited = sentence.replace(", who ", ". This officer ", 1)
    c = compare(untagged(amzn), untagged(amzn.replace(sentence, edited)))
    assert kinds(c) == ["text_changed"]
    change = next(ch for ch in c.changes if ch.kind == "text_changed")
    assert change.old == sentence and change.new == edited


def test_two_sentences_joined_with_a_reword_are_one_text_change(amzn: str) -> None:
    sentences = split_sentences(normalize_block(amzn))
    k = next(
        k
        for k in range(len(sentences) - 1)
        if len(sentences[k].split()) > 8
        and len(sentences[k + 1].split()) > 8
        and sentences[k].endswith(".")
        and sentences[k + 1][:1].isupper()
        and f"{sentences[k]} {sentences[k + 1]}" in amzn
    )
    first, second = sentences[k], sentences[k + 1]
    joined = first[:-1] + ", and " + second[0].lower() + second[1:]
    c = compare(untagged(amzn), untagged(amzn.replace(f"{first} {second}", joined)))
    assert kinds(c) == ["text_changed"]
    change = next(ch for ch in c.changes if ch.kind == "text_changed")
    assert change.old == f"{first} {second}" and change.new == joined


def test_compare_leaves_the_garbage_collector_as_it_found_it(amzn: str) -> None:
    import gc

    old, new = untagged(amzn), untagged(amzn.replace("over 15 years", "over 19 years"))
    assert gc.isenabled()
    compare(old, new)
    assert gc.isenabled()
    gc.disable()
    try:
        compare(old, new)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_formatting_noise_alone_is_no_change(amzn: str) -> None:
    plants = [
        ("\u2019", "'"),
        ("chief security officer", "chief securityofficer"),
        (". ", ".  "),
        ("Item\xa01C.Cybersecurity", "ITEM 1C. CYBERSECURITY"),
        ("risks from", "risks\u00a0from"),
    ]
    noisy = amzn
    for before, after in plants:
        assert before in noisy, before
        noisy = noisy.replace(before, after)
    # re-wrap every paragraph at 60 columns and put a page footer inside one of them
    lines = []
    for para in noisy.split("\n\n"):
        words = para.split(" ")
        while words:
            line = []
            while words and len(" ".join(line)) < 60:
                line.append(words.pop(0))
            lines.append(" ".join(line))
        lines.append("")
    lines.insert(len(lines) // 2, "Table of Contents")
    noisy = "\n".join(lines)
    assert noisy != amzn
    c = compare(untagged(amzn), untagged(noisy))
    assert kinds(c) == []
    assert c.similarity.to_json() == {"cosine": 1.0, "jaccard": 1.0, "min_edit": 1.0, "simple": 1.0}
    if not any(ch.kind.startswith("fact_") for ch in c.changes):
        assert c.significance == NO_CHANGE


def test_formatting_noise_changes_no_fact(amzn: str) -> None:
    noisy = amzn.replace("chief security officer", "chief securityofficer").replace("the Audit", "theAudit")
    assert noisy.count("theAudit") == 1
    c = compare(untagged(amzn), untagged(noisy))
    assert c.changes == [] and c.significance == NO_CHANGE


def test_edit_in_overlapping_blocks_is_one_change_listing_both(amzn: str) -> None:
    text = normalize_block(amzn)
    expertise = next(s for s in split_sentences(text) if "over 15 years" in s)

    def tagged(body: str, child: str) -> Disclosure:
        return Disclosure(
            [Element(ROLE, "text", body, "tagged"), Element(EXPERTISE, "text", child, "tagged")],
            tagged=True,
            source_format="ixbrl",
        )

    edited = expertise.replace("over 15 years", "over 19 years")
    c = compare(tagged(text, expertise), tagged(text.replace(expertise, edited), edited))
    assert kinds(c) == ["text_changed"]
    text_change = next(ch for ch in c.changes if ch.kind == "text_changed")
    assert text_change.elements == [ROLE, EXPERTISE]
    assert text_change.element == ROLE
    # one wording change, ranked by the experience it changes (a medium fact change), not counted twice
    assert (text_change.severity, text_change.touches) == ("medium", ["experience_years"])
    assert sum(ch.kind.startswith("text_") for ch in c.changes) == 1 and c.summary["low"] == 0


def _with_flags(text: str, flags: dict[str, tuple[bool | None, str]], tagged: bool) -> Disclosure:
    elements = [Element(RISK, "text", text, "tagged" if tagged else "inferred")]
    elements += [Element(name, "flag", value, source) for name, (value, source) in flags.items()]
    return Disclosure(elements, tagged=tagged, source_format="ixbrl" if tagged else "text", section_text=text)


def test_flag_flips_with_severity_and_sources(amzn: str) -> None:
    text = normalize_block(amzn)
    old = _with_flags(
        text,
        {MATERIAL: (False, "inferred"), INTEGRATED: (True, "inferred"), THIRD_PARTY: (None, "absent")},
        tagged=False,
    )
    new = _with_flags(
        text,
        {MATERIAL: (True, "tagged"), INTEGRATED: (False, "tagged"), THIRD_PARTY: (True, "tagged")},
        tagged=True,
    )
    c = compare(old, new)
    flips = {ch.element: ch for ch in c.changes}
    assert kinds(c) == ["flag_flipped"] * 3
    assert (flips[MATERIAL].severity, flips[MATERIAL].old, flips[MATERIAL].new) == ("high", False, True)
    assert (flips[INTEGRATED].severity, flips[INTEGRATED].old_source, flips[INTEGRATED].new_source) == (
        "medium",
        "inferred",
        "tagged",
    )
    assert (flips[THIRD_PARTY].severity, flips[THIRD_PARTY].old_source) == ("low", "absent")
    assert c.changes[0].element == MATERIAL  # high first
    assert c.summary == {"high": 1, "medium": 1, "low": 1}


def test_element_presence_counts_only_between_like_years(amzn: str) -> None:
    text = normalize_block(amzn)
    board = "CybersecurityRiskBoardOfDirectorsOversightTextBlock"
    last = split_sentences(text)[-1]
    both = [Element(RISK, "text", text, "tagged"), Element(board, "text", last, "tagged")]
    one = [Element(RISK, "text", text, "tagged")]
    c = compare(Disclosure(both, True, "ixbrl", text), Disclosure(one, True, "ixbrl", text))
    assert [(ch.kind, ch.element, ch.severity) for ch in c.changes] == [("element_removed", board, "high")]
    c = compare(Disclosure(one, True, "ixbrl", text), Disclosure(both, True, "ixbrl", text))
    assert [(ch.kind, ch.severity) for ch in c.changes] == [("element_added", "medium")]
    inferred = [Element(RISK, "text", text, "inferred")]
    c = compare(Disclosure(inferred, False, "text", text), Disclosure(both, True, "ixbrl", text))
    assert c.changes == []  # which elements exist in an untagged year is inference, not filing


def test_json_has_the_design_shape(amzn: str) -> None:
    old = _with_flags(normalize_block(amzn), {MATERIAL: (False, "inferred")}, tagged=False)
    new = _with_flags(
        normalize_block(amzn.replace("over 15 years", "over 19 years")),
        {MATERIAL: (True, "tagged")},
        tagged=True,
    )
    filer = {"cik": "0001018724", "name": "AMAZON.COM, INC.", "tickers": ["AMZN"]}
    meta = {"fiscal_year": 2023, "form": "10-K", "version": 1, "tagged": False, "source": "x", "sha256": "0"}
    out = json.loads(render(compare(old, new), "json", filer=filer, old_meta=meta, new_meta=meta))
    assert {"filer", "old", "new", "similarity", "summary", "changes"} <= set(out)
    assert out["filer"] == filer and out["old"] == meta
    assert set(out["similarity"]) == {"cosine", "jaccard", "min_edit", "simple"}
    assert out["summary"]["high"] >= 1 and out["summary"]["low"] == 0
    # the verdict: significance (a flipped materially-affected flag is high) and extent, led by the top changes
    assert (out["significance"], out["extent"]) == ("significant", "minor edits")
    assert (
        out["top_changes"][0]
        == "Says cyber risks have materially affected it or are reasonably likely to: no -> yes"
    )
    assert out["verdict"].startswith("Significant: ") and out["verdict"].endswith("(minor edits)")
    flag = out["changes"][0]
    text = next(ch for ch in out["changes"] if ch["kind"] == "text_changed")
    assert (text["severity"], text["touches"]) == ("medium", ["experience_years"]) and text["why"]
    assert flag["why"] == "whether cybersecurity threats have materially affected the company changed"
    assert {"kind", "element", "old", "new", "old_source", "new_source", "severity"} <= set(flag)
    assert flag["kind"] == "flag_flipped" and flag["old"] is False and flag["new"] is True
    assert {"kind", "element", "old", "new", "ops", "severity"} <= set(text)
    assert all(op in (-1, 0, 1) and isinstance(t, str) for op, t in text["ops"])


def test_text_report_shows_summary_then_word_edits(amzn: str) -> None:
    c = compare(untagged(amzn), untagged(amzn.replace("over 15 years", "over 19 years")))
    plain = render(c, "text")
    # the verdict (significance, the top change, extent) leads, before any word edit
    assert (
        plain.index(
            "Verdict: Notable:\n  - the stated experience of the Chief Security Officer changed: "
            "over 15 years -> over 19 years"
        )
        < plain.index("Wording: minor edits")
        < plain.index("[-15 -]{+19 +}")
    )
    assert "\x1b[" not in plain
    assert "\x1b[31m[-15 -]" in render(c, "text", color=True)
    md = render(c, "markdown")
    assert "~~15~~" in md and "**19**" in md


def test_a_sub_heading_added_or_reworded_is_no_change_of_substance(corpus: Path, tmp_path: Path) -> None:
    """A sub-heading says nothing of its own: one added above the board paragraph, or one reworded, is a low wording
    change said to be a heading, and the verdict is no substantive change; a bullet added there is a statement."""
    source = (corpus / "text" / "AMZN_2024.txt").read_text(encoding="utf-8")
    board = "The Security Committee, which is comprised of independent directors"
    assert source.count(board) == 1

    def read(text: str, name: str) -> Disclosure:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return load_path(path)

    before = read(source, "AMZN_2024.txt")
    headed = read(
        source.replace(board, f"Cybersecurity Governance and Board Oversight\n\n{board}"), "AMZN_2025.txt"
    )
    c = compare(before, headed)
    (change,) = c.changes
    assert (change.kind, change.severity, change.text) == (
        "text_added",
        "low",
        "Cybersecurity Governance and Board Oversight",
    )
    assert change.why == "a sub-heading: no statement of its own"
    assert c.significance == NO_CHANGE
    reworded = compare(
        headed,
        read(
            source.replace(board, f"Board Oversight of Cybersecurity Risk Management\n\n{board}"),
            "AMZN_2026.txt",
        ),
    )
    assert [(ch.kind, ch.why) for ch in reworded.changes] == [
        ("text_changed", "a sub-heading: no statement of its own")
    ]
    assert reworded.significance == NO_CHANGE
    bullet = "\u2022 An outside firm tests our incident response plan twice a year"
    listed = compare(before, read(source.replace(board, f"{bullet}\n\n{board}"), "AMZN_2027.txt"))
    assert listed.significance != NO_CHANGE
    assert all(ch.why != "a sub-heading: no statement of its own" for ch in listed.changes)


def test_two_different_filers_are_substantially_rewritten(corpus: Path) -> None:
    c = compare(untagged(item_1c(corpus, "AMZN_2024.txt")), untagged(item_1c(corpus, "UPWK_2024.txt")))
    assert c.extent == REWRITTEN
    assert c.similarity.simple < 0.2


# ----------------------------------------------------------------- through the readers


def _read(path: Path) -> Disclosure:
    """A file as every use case reads it (an untagged year's flags inferred)."""
    return load_path(path)


@pytest.mark.parametrize(
    "ixbrl, text",
    [
        ("amzn-10-k-fy2024.html.gz", "AMZN_2024.txt"),
        ("googl-10-k-fy2024.html.gz", "GOOGL_2024.txt"),
        ("jnj-10-k-fy2024.html.gz", "JNJ_2024.txt"),
    ],
)
def test_same_filing_in_two_formats_is_no_substantive_change(corpus: Path, ixbrl: str, text: str) -> None:
    c = compare(_read(corpus / "ixbrl" / ixbrl), _read(corpus / "text" / text))
    assert c.significance == NO_CHANGE
    assert not [ch for ch in c.changes if ch.kind.startswith("text_")]
    assert c.similarity.simple > 0.98 and c.similarity.cosine > 0.99


def test_googl_2024_to_2025_shows_the_known_edits(corpus: Path) -> None:
    c = compare(_read(corpus / "text" / "GOOGL_2024.txt"), _read(corpus / "text" / "GOOGL_2025.txt"))
    vp = [ch for ch in c.changes if ch.kind == "text_changed" and "Vice President" in str(ch.old)]
    assert len(vp) == 1
    assert [-1, "Engineering"] in [[op, t.strip(" ,")] for op, t in vp[0].ops if op == -1] or any(
        op == -1 and "Engineering" in t for op, t in vp[0].ops
    )
    assert any(op == 1 and "more than" in t for op, t in vp[0].ops)
    assert c.extent == MINOR


def test_amzn_years_keep_over_15_years(corpus: Path) -> None:
    c = compare(_read(corpus / "text" / "AMZN_2023.txt"), _read(corpus / "text" / "AMZN_2025.txt"))
    assert not any("15 years" in json.dumps(ch.to_json()) for ch in c.changes)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="aAbB1 2.,-'\u2019\u00e9\ufb01", max_size=8),
    st.text(alphabet="aAbB1 2.,-'\u2019\u00e9\ufb01", max_size=8),
)
def test_texts_ruled_out_by_their_first_letter_have_different_keys(a: str, b: str) -> None:
    """The form-insensitive clean-up of a word diff skips the keys of a deletion and an insertion whose first
    letters or digits differ: that must never skip two texts whose keys are equal (non-ASCII is never
    ruled out: NFKC can turn one character into several)."""
    if comparison_key(a) == comparison_key(b):
        assert _may_share_key(a, b)


_PROGRAM = [
    "We maintain a cybersecurity program designed to protect our systems and data.",
    "The program is based on recognized industry frameworks and is reviewed each year.",
    "Our security team monitors our networks for threats and responds to incidents.",
    "We train our employees on security awareness when they join and every year after.",
    "Third-party service providers are assessed before we engage them and from time to time after.",
    "We test our incident response plan through tabletop exercises with senior management.",
    "Our Chief Information Security Officer leads the security team and the program.",
    "The Audit Committee oversees risks from cybersecurity threats on behalf of the Board.",
]


def _program(sentences: list[str]) -> Disclosure:
    text = " ".join(sentences)
    return Disclosure(
        [Element("CybersecurityRiskManagementProcessesIntegratedTextBlock", "text", text, "inferred")],
        tagged=False,
        source_format="text",
        section_text=text,
    )


def test_many_sentences_reworded_a_little_are_revised_not_reorganised() -> None:
    """Half the sentences reworded by a word or two, none moved: `substantially revised` (an unseen filing's reader
    found "reorganised" wrong for ETSY FY2024, where nothing had moved); the same with a sentence moved is
    reorganised."""
    from tracker.diff.compare import REORGANISED, REVISED

    edits = {
        0: ("designed", "intended"),
        2: ("monitors", "watches"),
        3: ("every year", "annually"),
        5: ("senior", "executive"),
        7: ("oversees", "supervises"),
    }
    reworded = [s.replace(*edits[k]) if k in edits else s for k, s in enumerate(_PROGRAM)]
    revised = compare(_program(_PROGRAM), _program(reworded))
    assert revised.similarity.simple >= 0.8 and not any(p.moved for p in revised.pairs)
    assert revised.extent == REVISED
    moved = compare(_program(_PROGRAM), _program([reworded[1], reworded[0], *reworded[2:]]))
    assert moved.extent == REORGANISED


def test_a_large_change_says_what_it_came_to(corpus: Path) -> None:
    """A year that kept its text and added its risk-management part is expanded, not rewritten (CRUS FY2025, as a
    reader of the filings put it), as is one that kept its text and added six sentences, 31% of the later text
    (SFIX FY2025: no longer 'minor edits'); the same pair read backwards is shortened; a year whose sentences
    mostly moved is reorganised (U FY2025: 89% of the words survive); two filers' texts stay rewritten (above)."""
    from tracker.diff.compare import EXPANDED, REORGANISED, SHORTENED
    from tracker.pipeline.load import load_path

    text = corpus / "text"
    crus = load_path(text / "CRUS_2024.txt"), load_path(text / "CRUS_2025.txt")
    assert compare(*crus).extent == EXPANDED
    assert compare(crus[1], crus[0]).extent == SHORTENED
    unity = compare(load_path(text / "U_2024.txt"), load_path(text / "U_2025.txt"))
    assert unity.extent == REORGANISED and unity.similarity.simple >= 0.8
    assert compare(load_path(text / "MXL_2023.txt"), load_path(text / "MXL_2024.txt")).extent == REWRITTEN
    assert compare(load_path(text / "SFIX_2024.txt"), load_path(text / "SFIX_2025.txt")).extent == EXPANDED
    assert compare(load_path(text / "GTLB_2024.txt"), load_path(text / "GTLB_2025.txt")).extent == MINOR
