"""The text and Markdown output of `tracker diff` / `tracker compare` read like a lawyer's redline memo: plain
English, no taxonomy names (those only with --verbose), every wording change once, numbered in reading order."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from tracker.diff.compare import Comparison, compare
from tracker.diff.context import ComparisonContext
from tracker.facts import FACT_NAMES
from tracker.models import ELEMENTS, UNTAGGED_ELEMENT, Change, Disclosure, Element
from tracker.pipeline.compare import compare_files
from tracker.render.text import render, unchanged_lines
from tracker.text.normalize import normalize_block, split_sentences

from .cli import run

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: Real pairs: year over year in text and Inline XBRL, a move, a flag, sub-headings, a rewrite.
PAIRS = [
    ("text/AMZN_2023.txt", "text/AMZN_2024.txt"),
    ("text/U_2023.txt", "text/U_2024.txt"),
    ("text/U_2024.txt", "text/U_2025.txt"),
    ("text/MXL_2023.txt", "text/MXL_2024.txt"),
    ("text/POWI_2024.txt", "text/POWI_2025.txt"),
    ("ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz"),
    ("ixbrl/amzn-10-k-fy2024.html.gz", "text/AMZN_2024.txt"),
]
RISK = "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
BOARD = "CybersecurityRiskBoardOfDirectorsOversightTextBlock"
MATERIAL = "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
THIRD_PARTY = "CybersecurityRiskManagementThirdPartyEngagedFlag"
INTEGRATED = "CybersecurityRiskManagementProcessesIntegratedFlag"
CAMEL = re.compile(r"Cybersecurity\w+(Flag|TextBlock)")
STANDARD_LABELS = [spec.label for name, spec in ELEMENTS.items() if name != UNTAGGED_ELEMENT]
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # material_incident_statement, board_oversight, min_edit ...
NUMBERED_TEXT = re.compile(r"^  (\d+)\. ", re.M)
NUMBERED_MD = re.compile(r"^(\d+)\. \*\*", re.M)


@functools.cache
def _context(corpus: Path, old: str, new: str) -> ComparisonContext:
    return compare_files(corpus / old, corpus / new)


def _render(corpus: Path, pair: tuple[str, str], fmt: str, **kw: object) -> str:
    ctx = _context(corpus, *pair)
    return render(ctx.comparison, fmt, filer=ctx.filer, old_meta=ctx.old_meta, new_meta=ctx.new_meta, **kw)


def _head(out: str) -> str:
    """Everything but the filing's own words (the lines of the wording changes)."""
    return "\n".join(
        line for line in out.splitlines() if not NUMBERED_TEXT.match(line) and not NUMBERED_MD.match(line)
    )


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{Path(p[0]).name}->{Path(p[1]).name}")
def test_default_output_speaks_plain_english(corpus: Path, pair: tuple[str, str]) -> None:
    for fmt in ("text", "markdown"):
        out = _render(corpus, pair, fmt)
        assert not CAMEL.search(out), f"{fmt}: a cyd element name: {CAMEL.search(out)}"
        assert "also in" not in out.lower()
        assert "UntaggedSectionText" not in out
        head = _head(out)
        assert not SNAKE.search(head), f"{fmt}: an internal name: {SNAKE.search(head)}"
        assert not any(fact in out for fact in FACT_NAMES if "_" in fact)
        for label in STANDARD_LABELS:  # the long standard labels only with --verbose
            assert label not in head, f"{fmt}: the standard label {label!r}"
        assert not re.search(r"\babsent\b", head), f"{fmt}: 'absent' instead of 'not stated'"
        assert "== " not in out and "similarity:" not in out  # no element sections, no per-element similarity
        assert out.rstrip().splitlines()[-1].startswith("Similarity of the whole section: ")


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{Path(p[0]).name}->{Path(p[1]).name}")
def test_every_text_change_is_listed_once_in_reading_order(corpus: Path, pair: tuple[str, str]) -> None:
    data = json.loads(_render(corpus, pair, "json"))
    n = sum(ch["kind"].startswith("text_") for ch in data["changes"])
    text, md = _render(corpus, pair, "text"), _render(corpus, pair, "markdown")
    assert [int(k) for k in NUMBERED_TEXT.findall(text)] == list(range(1, n + 1))
    assert [int(k) for k in NUMBERED_MD.findall(md)] == list(range(1, n + 1))
    if n:
        assert f"Wording changes, in reading order ({n})" in text and f"in reading order ({n})" in md
    # each text change's words show: the inserted words of a rewrite, the sentence added or removed
    for ch in data["changes"]:
        if ch["kind"] == "text_changed":
            inserted = [t for op, t in ch["ops"] if op == 1 and t.strip()]
            assert all("{+" + t + "+}" in text for t in inserted)
        elif ch["kind"] in ("text_added", "text_removed", "text_moved"):
            assert ch["text"] in text


def test_amzn_one_wording_change_shown_once(corpus: Path) -> None:
    pair = ("text/AMZN_2023.txt", "text/AMZN_2024.txt")
    text = _render(corpus, pair, "text")
    assert NUMBERED_TEXT.findall(text) == ["1"]
    assert text.count("{+Incidents+}") == 1 and text.count("[-Breaches-]") == 1
    assert "  1. Reworded [Board oversight]: Additional information about cybersecurity risks" in text
    md = _render(corpus, pair, "markdown")
    assert md.count("**Incidents**") == 1 and md.count("~~Breaches~~") == 1
    assert "1. **Reworded** \\[Board oversight\\]: " in md


def test_layout_of_the_memo(corpus: Path) -> None:
    """Header, verdict, flags/facts/people, the changes under the filing's sub-headings, similarity last."""
    text = _render(corpus, ("ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz"), "text")
    lines = text.splitlines()
    assert lines[0] == "COCA COLA CO (CIK 0000021344, KO)"
    assert lines[1] == "FY2023 10-K (untagged) -> FY2024 10-K (tagged)"
    order = [
        "Verdict: Significant:",
        "Wording: minor edits",
        "Changes: 1 high, 3 medium, 7 low (not counting the 2 sentences that carry a flag, fact or people change)",
        "Flags, facts and people changed:",
        "  - [high] The statement on material incidents was weakened: a definite statement became a belief",
        "Wording changes, in reading order (11):",
        "Under \u201cCybersecurity Risk Management and Strategy\u201d:",
        "  1. Reworded [Risk management processes]:",
        "     [high] the statement on material incidents was weakened",
        "Under \u201cCybersecurity Governance and Oversight\u201d:",
        "  6. Reworded [Board oversight]:",
        "     [medium] the stated expertise of those responsible changed",
        "Similarity of the whole section: cosine 0.998, Jaccard ",
    ]
    at = [next(i for i, line in enumerate(lines) if line.startswith(want)) for want in order]
    assert at == sorted(at), [order[k] for k in range(len(at) - 1) if at[k] > at[k + 1]]
    # a why that only repeats the summary is not said twice
    assert "weakened. Why it matters" not in text
    assert "stated expertise of those responsible changed" in text


def test_move_names_the_paragraph_it_left(corpus: Path) -> None:
    pair = ("text/POWI_2024.txt", "text/POWI_2025.txt")
    text = _render(corpus, pair, "text")
    assert (
        "  6. Moved from \u00b616 of FY2024 and reworded [Board oversight]: Our management reports to "
        "[-our board of directors -]{+the Cybersecurity Committee +}on information security matters"
    ) in text
    assert "Under \u201cBoard Governance\u201d:" in text
    assert "**Moved from \u00b616 of FY2024 and reworded**" in _render(corpus, pair, "markdown")


def test_a_flag_only_tagged_is_no_change(corpus: Path) -> None:
    """AMZN FY2024 as filed (tagged) and as a text extract: the same words. The filing tags 'no' for the
    materially-affected flag on a sentence that only points to Item 1A; an independent reader found the report's
    '[low] ... no (tagged) -> not stated' a change where nothing changed (TSLA FY2023 -> FY2024 alike)."""
    for pair in (
        ("ixbrl/amzn-10-k-fy2024.html.gz", "text/AMZN_2024.txt"),
        ("text/AMZN_2024.txt", "ixbrl/amzn-10-k-fy2024.html.gz"),
        ("ixbrl/tsla-10-k-fy2023.html.gz", "ixbrl/tsla-10-k-fy2024.html.gz"),
    ):
        text = _render(corpus, pair, "text")
        assert (
            "Caveat: FY2024 tags “Says cyber risks have materially affected it or are reasonably likely to” "
            "as no, which neither text states: a difference of tagging, not of the disclosure\n"
        ) in text
        assert "Materially Affect Registrant" not in text and "no (tagged)" not in text
        assert "Verdict: No substantive change" in text
        data = json.loads(_render(corpus, pair, "json"))
        assert not [c for c in data["changes"] if c["kind"] == "flag_flipped"]
        assert any("difference of tagging" in note for note in data["caveats"])
    same = ("ixbrl/amzn-10-k-fy2024.html.gz", "text/AMZN_2024.txt")
    assert "Changes: 0 high, 0 medium, 0 low\n\nNo change in flags, facts or text." in _render(
        corpus, same, "text"
    )


def _reworded(comparison: Comparison, words: str, side: str = "new") -> Change:
    """The reworded sentence of a comparison whose later (or earlier) wording holds `words`."""
    return next(c for c in comparison.changes if c.kind == "text_changed" and words in str(getattr(c, side)))


def _disclosure(
    text: str, flags: dict[str, tuple[bool | None, str]], tagged: bool, extra: tuple[Element, ...] = ()
) -> Disclosure:
    elements = [Element(RISK, "text", text, "tagged" if tagged else "inferred"), *extra]
    elements += [Element(name, "flag", value, source) for name, (value, source) in flags.items()]
    return Disclosure(elements, tagged=tagged, source_format="ixbrl" if tagged else "text", section_text=text)


def _compared(before: str, after: str) -> Comparison:
    """compare() of two untagged years whose section texts are `before` and `after`, with no flags."""
    return compare(_disclosure(before, {}, False), _disclosure(after, {}, False))


def _said(c: Comparison, fact: str) -> list[tuple[str, str | None]]:
    """(severity, summary) of each change of a fact ("people"), in order."""
    return [(ch.severity, ch.summary) for ch in c.changes if ch.fact == fact]


def _ranks(c: Comparison, kind: str) -> list[tuple[str, str | None]]:
    """(severity, why) of each change of a kind ("text_added"), in order."""
    return [(ch.severity, ch.why) for ch in c.changes if ch.kind == kind]


def _rewording(before: str, after: str) -> Change:
    """The one reworded sentence of `_compared(before, after)`."""
    (reworded,) = [ch for ch in _compared(before, after).changes if ch.kind == "text_changed"]
    return reworded


def test_flags_and_elements_by_what_they_say(corpus: Path) -> None:
    raw = (corpus / "text" / "AMZN_2024.txt").read_text(encoding="utf-8").split("--- ITEM 1C ---", 1)[1]
    text = normalize_block(re.split(r"\n\s*Item\s*2\.", raw, flags=re.I)[0])
    old = _disclosure(
        text,
        {MATERIAL: (False, "inferred"), INTEGRATED: (True, "inferred"), THIRD_PARTY: (None, "absent")},
        tagged=False,
    )
    new = _disclosure(
        text,
        {MATERIAL: (True, "tagged"), INTEGRATED: (False, "tagged"), THIRD_PARTY: (True, "tagged")},
        tagged=True,
    )
    out = render(compare(old, new), "text")
    assert "  - Says cyber risks have materially affected it or are reasonably likely to: no -> yes\n" in out
    assert (
        "  - [high] Says cyber risks have materially affected it or are reasonably likely to: no (read from the "
        "text) -> yes (tagged). Why it matters: whether cybersecurity threats have materially affected the "
        "company changed\n"
    ) in out
    assert (
        "  - [medium] Says its cyber risk processes are part of its overall risk management: yes (read from the "
        "text) -> no (tagged)"
    ) in out
    assert "  - [low] Says it engages assessors, consultants or auditors: not stated -> yes (tagged)" in out
    assert not CAMEL.search(out) and not any(label in out for label in STANDARD_LABELS)
    assert (
        "(CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag, Item 106 (b)(2))"
        in (render(compare(old, new), "text", verbose=True))
    )
    md = render(compare(old, new), "markdown")
    assert (
        "- **high**: Says cyber risks have materially affected it or are reasonably likely to: no (read from"
        in md
    )
    # a whole tagged block gone (both years tagged)
    last = Element(BOARD, "text", split_sentences(text)[-1], "tagged")
    c = compare(_disclosure(text, {}, True, (last,)), _disclosure(text, {}, True))
    out = render(c, "text")
    assert (
        "Tagged blocks that appeared or disappeared:\n  - [high] Board oversight: no longer tagged. " in out
    )
    assert BOARD not in out and f"({BOARD})" in render(c, "text", verbose=True)


def test_sample_diff_reads_as_a_memo(sample_db: Path) -> None:
    code, out, _ = run("diff", "NWAN", "2023", "2024", "--db", sample_db)
    assert code == 0
    assert "  1. Moved from \u00b6" in out and "Under \u201cGovernance\u201d:" in out
    assert "[high] Board oversight moved from the audit committee to the risk committee" in out


def test_colour_only_when_asked(corpus: Path) -> None:
    pair = ("text/AMZN_2023.txt", "text/AMZN_2024.txt")
    assert "\x1b[" not in _render(corpus, pair, "text")
    assert "\x1b[32m{+Incidents+}\x1b[0m" in _render(corpus, pair, "text", color=True)


# ----------------------------------------------------------------- --verbose


def test_verbose_names_the_elements(corpus: Path) -> None:
    old, new = corpus / "text/U_2023.txt", corpus / "text/U_2024.txt"
    code, plain, _ = run("compare", old, new)
    assert code == 0 and not CAMEL.search(plain)
    for flag in ("--verbose", "-v"):
        code, out, _ = run("compare", old, new, flag)
        assert code == 0
        assert "elements: CybersecurityRiskRoleOfManagementTextBlock, " in out
        assert "(also in: Who is responsible; " in out
        # and the element-by-element listing of before, after the memo
        assert (
            out.index("Similarity of the whole section")
            < out.index("Element by element")
            < out.index("== Cybersecurity Risk Role of Management ==")
        )
        assert "   similarity: cosine " in out and "(also in: Cybersecurity Risk Management Positions" in out
    code, md, _ = run("compare", old, new, "--verbose", "--format", "markdown")
    assert code == 0 and "`CybersecurityRiskRoleOfManagementTextBlock`" in md
    assert "### Cybersecurity Risk Role of Management" in md and "Similarity: cosine " in md


def test_json_is_unchanged_by_verbose(corpus: Path) -> None:
    pair = ("text/U_2023.txt", "text/U_2024.txt")
    assert _render(corpus, pair, "json") == _render(corpus, pair, "json", verbose=True)


# ----------------------------------------------------------------- history and digest
@pytest.fixture
def sample_db(db_path: Path) -> Path:
    code, out, _ = run("ingest", FIXTURES / "sample", "--db", db_path)
    assert code == 0, out
    return db_path


def test_history_text_speaks_plain_english(sample_db: Path) -> None:
    code, out, _ = run("history", "NWAN", "--db", sample_db)
    assert code == 0
    assert not re.search(r"Cybersecurity|Risk\w+Flag|TextBlock", out)
    assert "_" not in out  # no internal fact name (board_oversight, material_incident_statement ...)
    assert "  Board oversight\n    2023: audit committee; board of directors\n   *2024: risk committee" in out
    assert "  Statement on material incidents\n    2023: says it has not been materially affected" in out
    assert (
        "  Says cyber risks have materially affected it or are reasonably likely to: 2023: no (read from the "
        "text), 2024: no\n"
    ) in out


def test_digest_text_speaks_plain_english(corpus: Path) -> None:
    from tracker.render.html import digest_report, render_digest_text

    items = [(_context(corpus, *pair), f"r{i}.html") for i, pair in enumerate(PAIRS)]
    text = render_digest_text(digest_report(items))
    assert not CAMEL.search(text) and "_" not in text
    assert not any(label in text for label in STANDARD_LABELS)
    assert (  # (the same filing as filed and as a text extract: their flags differ in tags alone)
        "* AMAZON.COM, INC. (AMZN): FY2024 -> FY2024\n  No substantive change (no wording change); changes: 0 high, "
        "0 medium, 0 low\n"
    ) in text
    assert "  - Wording: 11 sentences reworded, added, removed or moved" in text


def test_verdict_and_reasons_say_what_changed(corpus: Path) -> None:
    """Found by a reader who checked reports against the filings: a reason that listed template phrases instead
    of the edit, a verdict quote clipped before the change it quotes, and the material-incident news told twice."""
    boot = _context(corpus, "text/BOOT_2024.txt", "text/BOOT_2025.txt").comparison
    irt = _reworded(boot, "IRT")
    # 'communicates with the appropriate stakeholders, which may include the Audit Committee' -> 'reports the
    # incident to the Audit Committee': the hedge is what went, and it was the hedge on whom incidents reach (it
    # read "“may” dropped in a sentence stating board oversight, ..." before a later reader asked what it meant)
    assert irt.severity == "medium"
    assert irt.why == "\u201cmay include\u201d dropped: incidents are reported with fewer conditions"
    # and the verdict has it beside the reporting-line change (its sentence's own facts held: it is not the
    # wording of that change)
    assert len(boot.judgement.top) == 2
    assert "the IRT reports the incident to the Audit Committee" in boot.judgement.top[1]
    # PANW FY2025: the Security Committee is now chaired by an officer; the quote reaches that far
    panw = _context(corpus, "text/PANW_2024.txt", "text/PANW_2025.txt").comparison
    quote = next(t for t in panw.judgement.top if "Security Committee" in t or "independent directors" in t)
    assert "chaired by our chief product and technology officer" in quote
    # CRUS FY2025 adds the statement that threats have not materially affected it: said once in the verdict,
    # not again as the flag read from that statement
    crus = _context(corpus, "text/CRUS_2024.txt", "text/CRUS_2025.txt").comparison
    top = crus.judgement.top
    assert any("have not materially affected" in t for t in top)
    assert not any(t.startswith("Says cyber risks have materially affected") for t in top)


def test_counts_count_each_matter_once(corpus: Path) -> None:
    """Readers who checked reports against the filings read "Changes: 4 high" as four matters, where PANW FY2025 has
    one high people change and three sentences whose wording carries it; a note beside the count ("3 of these 9
    are the sentences behind ...") still left two more readers (UPWK, KO) counting one finding twice. The counts
    now count each matter once and say what they leave out; the JSON's summary still counts every change."""
    pair = ("text/PANW_2024.txt", "text/PANW_2025.txt")
    comparison = _context(corpus, *pair).comparison
    assert comparison.summary == {"high": 4, "medium": 1, "low": 4}
    assert comparison.restated == 3
    assert comparison.counted == {"high": 1, "medium": 1, "low": 4}
    assert (
        "Changes: 1 high, 1 medium, 4 low (not counting the 3 sentences that carry a flag, fact or people change)\n"
        in _render(corpus, pair, "text")
    )
    from tracker.render.html import render_comparison_html

    html = render_comparison_html(_context(corpus, *pair))
    assert "(not counting the 3 sentences that carry a flag, fact or people change)" in html
    data = json.loads(_render(corpus, pair, "json"))
    assert data["summary"] == {"high": 4, "medium": 1, "low": 4}
    # (a reader compared the JSON's summary with the text's counts: the JSON has both)
    assert (data["counted"], data["restated"]) == ({"high": 1, "medium": 1, "low": 4}, 3)
    # GTLB FY2025: two medium fact changes, each with the added or reworded sentence that states it
    assert _context(corpus, "text/GTLB_2024.txt", "text/GTLB_2025.txt").comparison.restated == 2
    # a pair whose wording change states no changed fact says nothing more
    quiet = ("text/AMZN_2024.txt", "text/AMZN_2025.txt")
    assert _context(corpus, *quiet).comparison.restated == 0
    assert "not counting" not in _render(corpus, quiet, "text")


def test_forward_looking_material_statement_is_ranked(corpus: Path) -> None:
    """Item 106(b)(2) asks whether cyber risks are reasonably likely to materially affect the filer; a sentence that
    says so only as a risk ("if realized, are reasonably likely to") is no statement of the catalogue, and was
    ranked as any added sentence (low) where an independent reader of AMPL FY2024 read it as news."""
    ampl = _context(corpus, "text/AMPL_2023.txt", "text/AMPL_2024.txt").comparison
    added = next(c for c in ampl.changes if c.kind == "text_added" and "if realized" in str(c.text))
    assert added.severity == "medium"
    assert added.why == (
        "a statement that cyber risks could materially affect the company (Item 106(b)(2)) added"
    )
    # UPWK FY2025: "may have a material effect" -> "could have a material adverse effect": one hedge for another
    upwk = _context(corpus, "text/UPWK_2024.txt", "text/UPWK_2025.txt").comparison
    hedge = _reworded(upwk, "future material")
    assert hedge.severity == "low"


def test_forward_looking_material_statement_planted(corpus: Path) -> None:
    """The same on planted edits: a risk sentence added beside the statement, and a hedge that becomes "reasonably
    likely"; a sentence that only states the catalogue's statement stays as the statement's rules rank it."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes, load_path

    path = corpus / "text/MCFT_2024.txt"
    raw = path.read_text(encoding="utf-8")
    spot = "results of operations or financial condition. See Part 1"
    assert spot in raw
    outlook = "Cybersecurity threats we face could, if realized, materially affect our business and results of operations."
    planted = load_bytes(raw.replace(spot, spot.replace(". See", f". {outlook} See"), 1).encode())
    original = load_path(path)
    change = next(c for c in compare(original, planted).changes if c.kind == "text_added")
    assert (change.severity, change.why) == (
        "medium",
        "a statement that cyber risks could materially affect the company (Item 106(b)(2)) added",
    )
    likelier = outlook.replace("could, if realized,", "if realized, are reasonably likely to")
    firmer = load_bytes(raw.replace(spot, spot.replace(". See", f". {likelier} See"), 1).encode())
    edited = next(c for c in compare(planted, firmer).changes if c.kind == "text_changed")
    assert edited.severity == "medium"
    assert edited.why.endswith(
        "in the statement that cyber risks could materially affect the company (Item 106(b)(2))"
    )
    removed = next(c for c in compare(planted, original).changes if c.kind == "text_removed")
    assert removed.severity == "medium" and removed.why.endswith(" removed")


def test_briefing_changes_name_who_is_briefed(corpus: Path) -> None:
    """Independent readers of S FY2025, AMPL FY2024 and POWI FY2025 against the filings: a briefing change said
    "the board" where the filing briefs a committee, dropped "at least", and a sentence whose briefings moved from
    the full board to a committee read "nothing of substance changed"."""
    s = _context(corpus, "text/S_2024.txt", "text/S_2025.txt").comparison
    assert any(c.summary == "the audit committee is now briefed quarterly" for c in s.changes)
    ampl = _context(corpus, "text/AMPL_2023.txt", "text/AMPL_2024.txt").comparison
    assert any(
        c.summary
        == "briefings now at least twice a year to the cybersecurity committee, instead of periodically to the board"
        for c in ampl.changes
    )
    powi = _context(corpus, "text/POWI_2024.txt", "text/POWI_2025.txt").comparison
    moved = _reworded(powi, "each quarter")
    assert (moved.severity, moved.why) == (
        "medium",
        "who is briefed quarterly changed: the board -> a committee of the board",
    )
    # HLI FY2025: 'the Committee' (defined as the Audit Committee) -> 'the audit committee': the same body
    hli = _context(corpus, "text/HLI_2024.txt", "text/HLI_2025.txt").comparison
    regular = _reworded(hli, "regular reports")
    assert regular.severity == "low"


def test_experience_a_year_on_and_a_successors_experience(corpus: Path) -> None:
    """HLI FY2025 'approximately 25 years' -> 'approximately 26 years' of the same leadership is the calendar, not
    news (it made the verdict 'notable'); a successor's stated experience belongs in the people change that
    names them (MXL FY2024: 25 years of the CISO, 10 of the senior IT executive, read nowhere in the report)."""
    hli = _context(corpus, "text/HLI_2024.txt", "text/HLI_2025.txt").comparison
    years = next(c for c in hli.changes if c.fact == "experience_years")
    assert years.severity == "low" and years.summary.endswith("(a year on)")
    assert not any("26 years" in t for t in hli.judgement.top)
    mxl = _context(corpus, "text/MXL_2023.txt", "text/MXL_2024.txt").comparison
    people = next(c for c in mxl.changes if c.fact == "people")
    assert people.summary.endswith("; stated experience 25 years -> 10 years")
    s = _context(corpus, "text/S_2024.txt", "text/S_2025.txt").comparison
    people = next(c for c in s.changes if c.fact == "people")
    assert people.summary.endswith("; stated experience over 20 years")


def test_sentences_on_past_incidents_are_ranked(corpus: Path) -> None:
    """MXL FY2024 dropped 'The last known cybersecurity breach occurred in 2020.', which an independent reader
    called an incident disclosure and the report ranked as any removed sentence (low)."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes, load_path

    mxl = _context(corpus, "text/MXL_2023.txt", "text/MXL_2024.txt").comparison
    gone = next(c for c in mxl.changes if c.kind == "text_removed" and "2020" in str(c.text))
    assert (gone.severity, gone.why) == ("medium", "a sentence on a past cybersecurity incident removed")
    # planted in another filer's text: an incident told with its date is news; a denial or a risk is not one
    path = corpus / "text/MCFT_2024.txt"
    raw = path.read_text(encoding="utf-8")
    spot = "results of operations or financial condition. See Part 1"
    told = "In March 2024, we detected unauthorized access to a legacy file server by a threat actor."
    planted = load_bytes(raw.replace(spot, spot.replace(". See", f". {told} See"), 1).encode())
    added = next(c for c in compare(load_path(path), planted).changes if c.kind == "text_added")
    # a new incident told of is high (an unseen filing's reader found one buried among mediums)
    assert (added.severity, added.why) == ("high", "a sentence on a past cybersecurity incident added")
    assert compare(load_path(path), planted).judgement.significance == "significant"


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("The last known cybersecurity breach occurred in 2020.", True),
        (
            "In February 2024, we discovered that a threat actor had accessed our customer support systems.",
            True,
        ),
        ("In fiscal 2023, the Company experienced a ransomware attack that disrupted two plants.", True),
        (
            "We have not experienced any material cybersecurity breach in the years ended December 31, 2024.",
            False,
        ),
        ("If a breach occurred in 2025, it could materially affect us.", False),
        ("Our incident response plan was updated in 2024.", False),
    ],
)
def test_what_tells_of_a_past_incident(sentence: str, told: bool) -> None:
    from tracker.facts.material import past_incident

    assert past_incident(sentence) is told


def test_a_post_now_held_by_an_outside_provider(corpus: Path) -> None:
    """ELF FY2025 calls its CISO 'our external Chief Information Security Officer' (in FY2024 'our Chief
    Information Security Officer'): an independent reader put that first, the report did not say it."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes, load_path

    elf = _context(corpus, "text/ELF_2024.txt", "text/ELF_2025.txt").comparison
    outside = next(c for c in elf.changes if c.fact == "people" and c.change == "outside_provider")
    assert outside.severity == "medium"
    assert (
        outside.summary == "the role of Chief Information Security Officer is now held by an outside provider"
    )
    assert elf.judgement.top[0] == outside.summary
    # planted, both ways, in a filer whose CISO is in-house; a biography's "fractional CISO" is no such thing
    path = corpus / "text/AMZN_2023.txt"
    raw = path.read_text(encoding="utf-8")
    spot = "Our chief security officer, who has"
    assert spot in raw
    fractional = load_bytes(raw.replace(spot, "Our fractional chief security officer, who has", 1).encode())
    original = load_path(path)
    kinds = {c.change for c in compare(original, fractional).changes if c.fact == "people"}
    assert kinds == {"outside_provider"}
    kinds = {c.change for c in compare(fractional, original).changes if c.fact == "people"}
    assert kinds == {"in_house"}
    bio = raw.replace(spot, "Our chief security officer, who previously served as a fractional CISO, has", 1)
    assert not [c for c in compare(original, load_bytes(bio.encode())).changes if c.fact == "people"]


def test_a_new_title_the_text_does_not_use_throughout(corpus: Path) -> None:
    """U FY2024 calls its security lead 'Deputy Chief Security Officer' in four sentences and still 'Chief Security
    Officer' in two (the Audit Committee 'meets on a quarterly basis with our Chief Security Officer'): an
    independent reader found the report's 'now held at a lower rank' silent on that; the drafter must check."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes, load_path

    u = _context(corpus, "text/U_2023.txt", "text/U_2024.txt").comparison
    title = next(c for c in u.changes if c.fact == "responsible_titles")
    assert title.change == "demoted"
    assert title.summary.endswith(
        "Chief Security Officer -> Deputy Chief Security Officer (2 of the 6 FY2024 sentences naming the role "
        "still say Chief Security Officer)"
    )
    assert title.why.endswith("the FY2024 text uses both titles: check which is right")
    assert u.judgement.top[0] == title.summary
    # the later year that says 'Deputy' throughout gets no such note
    path = corpus / "text/U_2024.txt"
    raw = path.read_text(encoding="utf-8")
    throughout = re.sub(r"(?<!Deputy )Chief Security Officer", "Deputy Chief Security Officer", raw)
    assert throughout.count("Deputy Chief Security Officer") == 6
    title = next(
        c
        for c in compare(load_path(corpus / "text/U_2023.txt"), load_bytes(throughout.encode())).changes
        if c.fact == "responsible_titles"
    )
    assert title.summary == (
        "the role of one of those responsible is now held at a lower rank: Chief Security Officer -> Deputy Chief "
        "Security Officer"
    )


def test_a_holder_appointed_after_the_earlier_year_is_someone_new(corpus: Path) -> None:
    """UPWK FY2025: "Appointed as our CISO in April 2025 after joining Upwork in 2021, our CISO has over two
    decades of experience"; FY2024 described a CISO with over 25 years. An independent reader: the filing says
    outright who was appointed and when, where the report said 'possibly a different person'."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes, load_path

    upwk = _context(corpus, "text/UPWK_2024.txt", "text/UPWK_2025.txt").comparison
    (person,) = [c for c in upwk.changes if c.fact == "people"]
    assert (person.severity, person.change) == ("high", "replaced")
    assert person.summary == (
        "a new Chief Information Security Officer, appointed in 2025; stated experience over 25 years -> over 20 years"
    )
    assert person.why == "the person responsible changed"
    assert person.evidence["new"].startswith("Appointed as our CISO in April 2025")
    assert upwk.judgement.top[0] == person.summary
    # appointed before the earlier year ended: the text does not say the holder is new
    path = corpus / "text/UPWK_2025.txt"
    raw = path.read_text(encoding="utf-8")
    assert "Appointed as our CISO in April 2025" in raw
    earlier = load_bytes(raw.replace("in April 2025", "in April 2019", 1).encode())
    earlier.fiscal_year = 2025
    kinds = {
        c.change
        for c in compare(load_path(corpus / "text/UPWK_2024.txt"), earlier).changes
        if c.fact == "people"
    }
    assert kinds == {"possibly_different_person"}


def test_a_framework_version_and_an_approximation_as_the_filing_words_them(corpus: Path) -> None:
    """WMT FY2025 names NIST-CSF without "Version 1.1" and its CISO's "almost 20 years" became "more than 20": an
    independent reader found "“1.1” dropped" cryptic and no medium matter (the framework is still named), and
    "approximately 20 years" a misquote."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes

    pair = ("ixbrl/wmt-10-k-fy2024.html.gz", "ixbrl/wmt-10-k-fy2025.html.gz")
    wmt = _context(corpus, *pair).comparison
    years = next(c for c in wmt.changes if c.fact == "experience_years")
    assert years.summary == (
        "the stated experience of the Chief Information Security Officer changed: almost 20 years -> more than 20 "
        "years (a year on)"
    )
    version = _reworded(wmt, "NIST-CSF")
    assert (version.severity, version.why) == (
        "low",
        "a framework's version number (\u201c1.1\u201d) is no longer given; the framework is still named",
    )
    assert not any("1.1" in t for t in wmt.judgement.top)  # (a notable verdict names its medium change)
    # one version for another is news
    raw = (corpus / "text/VKTX_2024.txt").read_text(encoding="utf-8")  # (planted in another filer's sentence)
    spot = "National Institute of Standards and Technology"
    assert spot in raw

    def framework(version: str) -> Disclosure:
        return load_bytes(raw.replace(spot, f"{spot} Version {version}", 1).encode())

    (updated,) = compare(framework("1.1"), framework("2.0")).changes
    assert (updated.severity, updated.why) == (
        "medium",
        "the version of a framework named changed: \u201c1.1\u201d became \u201c2.0\u201d",
    )
    (given,) = compare(load_bytes(raw.encode()), framework("2.0")).changes
    assert (given.severity, given.why) == (
        "low",
        "a framework's version number (\u201c2.0\u201d) is now given",
    )


def test_a_committee_renamed_briefings_fewer_and_frameworks_named_in_general(corpus: Path) -> None:
    """UPWK FY2025, as an independent reader read it: the "audit, risk and compliance committee ..., which we refer
    to as our audit committee" is the audit committee renamed, not oversight moved to another; three full-board updates a
    year became "at least one", fewer; and "ISO standards and SOC reporting" where FY2024 listed ISO/IEC 27001,
    ISO/IEC 27018, SOC 2 and SOC 3 is one narrowing, not 'Framework added: ISO' and four more mediums."""
    upwk = _context(corpus, "text/UPWK_2024.txt", "text/UPWK_2025.txt").comparison
    board = next(c for c in upwk.changes if c.fact == "board_oversight")
    assert (board.severity, board.change) == ("high", "renamed")  # (as the scenarios' lawyer ranks a rename)
    assert board.summary == (
        "the audit committee overseeing cybersecurity is now named the audit risk and compliance committee"
    )
    briefing = next(c for c in upwk.changes if c.fact == "briefing_frequency")
    assert (
        briefing.summary
        == "the board is now briefed at least annually instead of three times a year (less often)"
    )
    frameworks = {c.summary: c.severity for c in upwk.changes if c.fact == "frameworks"}
    assert (
        frameworks["frameworks now named only in general: ISO (was ISO/IEC 27001, ISO/IEC 27018)"] == "medium"
    )
    assert frameworks["framework no longer named on its own: SOC 2 (now SOC in general)"] == "low"
    assert "framework added: ISO" not in frameworks
    # oversight that did move is still a move: NWAN's sample years, the audit committee to the risk committee
    sample = FIXTURES / "sample"
    code, out, _ = run("compare", sample / "nwan-10-k-fy2023.htm", sample / "nwan-10-k-fy2024.htm")
    assert code == 0 and "board oversight moved from the audit committee to the risk committee" in out


def test_words_on_acquired_businesses(corpus: Path) -> None:
    """WMT FY2025 extended its teams' reach to "recently acquired and non-wholly owned subsidiaries whose systems
    have not been fully integrated"; two independent readers ranked it above wording (the report had it low, and
    the verdict routine: a change raised after its substance was first asked for was still read as low)."""
    wmt = _context(corpus, "ixbrl/wmt-10-k-fy2024.html.gz", "ixbrl/wmt-10-k-fy2025.html.gz").comparison
    acquired = _reworded(wmt, "recently acquired")
    assert (acquired.severity, acquired.why) == (
        "medium",
        "\u201crecently acquired\u201d added: which acquired businesses the program covers changed",
    )
    assert wmt.significance == "notable"
    assert wmt.judgement.top[0].startswith("\u201crecently acquired\u201d added")


def test_the_words_that_weaken_a_statement_and_an_officer_added(corpus: Path) -> None:
    """KO FY2024 "We do not believe that there are currently any risks from known cybersecurity threats that have
    materially affected ..." (FY2023: "We have not identified any ..."): two independent readers wanted the words
    that make it a belief, limited in time and to what is known. MSFT FY2025 named its EVP of Cloud + AI among those
    presenting to the board: a reader found it low."""
    ko = _context(corpus, "ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz").comparison
    weakened = next(c for c in ko.changes if c.fact == "material_incident_strength")
    assert weakened.summary == (
        "the statement on material incidents was weakened: a definite statement became a belief (now \u201cbelieve\u201d, "
        "\u201ccurrently\u201d, \u201cknown\u201d; no longer \u201cidentified\u201d)"
    )
    msft = _context(corpus, "text/MSFT_2024.txt", "text/MSFT_2025.txt").comparison
    presenters = _reworded(msft, "Presentations to the Board")
    assert (presenters.severity, presenters.why) == (
        "medium",
        "the sentence now also names the Executive Vice President of Cloud + AI",
    )
    # a title spelt out ("VP" -> "VP of Information Security", SCSC FY2025) or a biography is no officer added
    scsc = _context(corpus, "text/SCSC_2024.txt", "text/SCSC_2025.txt").comparison
    assert not [c for c in scsc.changes if "names the" in (c.why or "")]


def test_who_is_briefed_by_acronym_timing_and_a_flag_read_from_the_statement(corpus: Path) -> None:
    """From two more independent readers: JNJ FY2024 "The CISO provides quarterly updates each year to RCSC" read as
    the board briefed; AMPL FY2023's "periodic reports" quoted as "regularly"; GOOGL FY2024 escalates a potentially
    material incident "[-immediately-]{+promptly+}", ranked wording only; CRUS FY2025's new statement on material
    incidents reported (and counted) twice, as the statement and as the flag read from it; and "Unnamed filer
    (JNJ)" in the header of a text extract."""
    jnj = ("text/JNJ_2023.txt", "text/JNJ_2024.txt")
    briefing = next(c for c in _context(corpus, *jnj).comparison.changes if c.fact == "briefing_frequency")
    assert (
        briefing.summary == "the RCSC is now briefed quarterly instead of at least twice a year (more often)"
    )
    assert _render(
        corpus, jnj, "text"
    ).startswith(
        "JNJ\nFY2023 10-K (text extract, no tags) -> FY2024 10-K (text extract, no tags)\n"
    )  # (a reader took "(untagged)" to say JNJ's FY2024 10-K carries no cyd tags: it is the extract that does not)
    ampl = _context(corpus, "text/AMPL_2023.txt", "text/AMPL_2024.txt").comparison
    briefing = next(c for c in ampl.changes if c.fact == "briefing_frequency")
    assert briefing.summary.endswith(
        "instead of periodically to the board"
    )  # ("The Board receives periodic reports")
    googl = _context(corpus, "ixbrl/googl-10-k-fy2023.html.gz", "ixbrl/googl-10-k-fy2024.html.gz").comparison
    escalated = _reworded(googl, "escalated")
    assert (escalated.severity, escalated.why) == (
        "medium",
        "\u201cimmediately\u201d became \u201cpromptly\u201d: how quickly it is done changed",
    )
    crus = _context(corpus, "text/CRUS_2024.txt", "text/CRUS_2025.txt").comparison
    assert not [c for c in crus.changes if c.kind == "flag_flipped" and "Materially" in str(c.element)]
    statement = next(c for c in crus.changes if c.fact == "material_incident_statement")
    assert statement.details == ["the flag read from it: not stated -> no"]
    assert crus.counted["high"] == 1
    # a tagged flag is the filer's own: still a change of its own (the flags test above)


def test_calendar_and_scope_are_said_as_they_are(corpus: Path) -> None:
    """From two more independent readers: WMT FY2025 'almost 20 years' -> 'more than 20 years' of the same CISO made
    the verdict notable; ELMD FY2025's statement was said to cover 'other things (threats, incidents, periods)'
    where it added threats and 'previous' incidents and no period; a roll-forward read as 'wording only'; and
    '1 of these 2 are'."""
    from tracker.diff.compare import compare
    from tracker.pipeline.load import load_bytes

    wmt = _context(corpus, "ixbrl/wmt-10-k-fy2024.html.gz", "ixbrl/wmt-10-k-fy2025.html.gz").comparison
    years = next(c for c in wmt.changes if c.fact == "experience_years")
    assert (years.severity, years.change) == ("low", "rolled_forward")
    assert not any("20 years" in t for t in wmt.judgement.top)
    elmd = _context(corpus, "text/ELMD_2024.txt", "text/ELMD_2025.txt").comparison
    statement = next(c for c in elmd.changes if c.kind == "text_changed")
    assert (
        statement.why
        == "the statement on material incidents now also covers \u201cprevious\u201d and \u201cthreat\u201d"
    )
    mcft = _context(corpus, "text/MCFT_2024.txt", "text/MCFT_2025.txt").comparison
    (tenure,) = [c for c in mcft.changes if c.kind == "text_changed"]
    assert tenure.why.startswith("the calendar rolled forward in a sentence stating ")
    nke = ("text/NKE_2024.txt", "text/NKE_2025.txt")
    assert (
        "Changes: 0 high, 1 medium, 0 low (not counting the sentence that carries a flag, fact or people change)"
        in _render(corpus, nke, "text")
    )
    # "prior" for "previous" in the statement: the same scope
    raw = (corpus / "text/CRWD_2024.txt").read_text(encoding="utf-8")
    spot = "cybersecurity threats or incidents that have materially affected"
    assert spot in raw

    def with_word(word: str):
        said = spot.replace(
            "incidents that", f"incidents, including as a result of any {word} incidents, that"
        )
        return load_bytes(raw.replace(spot, said, 1).encode())

    (reworded,) = [c for c in compare(with_word("prior"), with_word("previous")).changes]
    assert (reworded.severity, reworded.why) == (
        "low",
        "the statement on material incidents was reworded; it says the same",
    )


def test_a_sentence_that_stops_naming_a_body(corpus: Path) -> None:
    """KO FY2024 took the Cybersecurity Oversight Council out of the sentence on who monitors incidents (it is still
    named elsewhere, so no fact changed): an independent reader read that as a change to management's role, the
    report as 'nothing of substance changed'."""
    ko = _context(corpus, "ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz").comparison
    dropped = _reworded(ko, "as well as the Cybersecurity", side="old")
    assert (dropped.severity, dropped.why) == (
        "medium",
        "the sentence no longer names the cybersecurity oversight council (still named elsewhere)",
    )
    # HLI FY2025 spells out 'the Committee' (defined as the Audit Committee): the same body, no news
    hli = _context(corpus, "text/HLI_2024.txt", "text/HLI_2025.txt").comparison
    assert not any("names the" in (c.why or "") for c in hli.changes)


def test_a_word_less_in_a_title_and_commitments_of_frequency(corpus: Path) -> None:
    """From a fifth and sixth independent reader: GOOGL FY2025's 'Vice President of Privacy, Safety, and Security
    [Engineering]' was a high 'who is responsible changed' and its '20 years' -> 'more than 20 years' a medium
    change; RPD FY2024 dropped 'annual' penetration tests and PSEC FY2025 training 'conducted annually', both
    listed as wording; and the verdict counted one sentence where the report listed three."""
    googl = _context(corpus, "text/GOOGL_2024.txt", "text/GOOGL_2025.txt").comparison
    title = next(c for c in googl.changes if c.fact == "responsible_titles")
    assert (title.severity, title.change) == ("medium", "retitled")
    years = next(c for c in googl.changes if c.fact == "experience_years")
    assert (years.severity, years.change) == ("low", "rolled_forward")
    assert googl.judgement.significance == "significant"  # (the oversight committee changed)
    rpd = _context(corpus, "text/RPD_2023.txt", "text/RPD_2024.txt").comparison
    assert rpd.judgement.significance == "routine"
    assert rpd.judgement.top[0].startswith(
        "\u201cannual\u201d dropped: how often something is done changed: "
    )
    assert rpd.judgement.top[1] == "1 sentence reworded in substance; 2 more changes in wording only"
    psec = _context(corpus, "text/PSEC_2024.txt", "text/PSEC_2025.txt").comparison
    assert psec.judgement.top[0].startswith(
        "\u201cannually\u201d dropped: how often something is done changed"
    )


def test_an_occasional_commitment_made_yearly_is_a_change_of_frequency() -> None:
    """An unseen reader (ETSY FY2024): internal audit's review "from time to time" became "annually", reported as
    wording of substance without saying that a commitment of frequency was made. A period stated where none was, or
    none where one was, is medium (a later reader's "tabletop exercises at least twice a year" -> "periodically")."""
    text = "Our internal auditors test selected security controls {how}."
    for old, new, said in (
        ("from time to time", "each year", "\u201cfrom time to time\u201d became \u201ceach year\u201d"),
        ("every quarter", "occasionally", "\u201cevery quarter\u201d became \u201coccasionally\u201d"),
    ):
        reworded = _rewording(text.format(how=old), text.format(how=new))
        assert reworded.why.startswith(f"{said}: how often something is done changed (")
        assert reworded.severity == "medium"


def test_numbering_a_list_or_no_longer_is_a_change_of_form() -> None:
    """An unseen reader (AMD FY2025): a sentence that only dropped its list markers "(1)", "(2)", "(3)" was a medium
    "“1”, “2” and “3” dropped" and made the pair notable; numbering is form."""
    before = (
        "Our security team is responsible for (1) keeping asset inventories, (2) reviewing access rights and (3) "
        "testing recovery plans. The Risk Committee oversees cybersecurity risk."
    )
    after = before.replace("(1) ", "").replace("(2) ", "").replace("(3) ", "")
    c = _compared(before, after)
    assert c.changes == []
    assert c.judgement.significance == "no substantive change"
    lettered = before.replace("(1)", "(a)").replace("(2)", "(b)").replace("(3)", "(c)")
    assert _compared(before, lettered).changes == []
    # with a word changed too, the change is that word's, and the numbers are not news
    edited = after.replace("testing recovery plans", "rehearsing recovery plans")
    c = _compared(before, edited)
    (reworded,) = c.changes
    assert reworded.severity == "low"
    assert "\u201c1\u201d" not in (reworded.why or "")


def test_a_directors_certificate_names_no_outside_firm() -> None:
    """An unseen reader (ETSY FY2025): "One of the members of our Risk Oversight Committee holds ... a Certificate from
    the NYU Law - Nasdaq Center ..." was "outside firm named: NYU Law", in the verdict."""
    base = "The Risk Committee oversees cybersecurity risk. We engage assessors to review our controls."
    credential = (
        "One of the directors on our Risk Committee holds a certificate in cyber governance from the Harbor "
        "Business School Board Institute."
    )
    c = _compared(base, f"{base} {credential}")
    assert not [ch for ch in c.changes if ch.fact == "third_parties"]
    # the company's own certification by a firm still names that firm
    audited = "Our payment systems were certified by Keystone Assurance Partners in 2025."
    c = _compared(base, f"{base} {audited}")
    assert [ch.summary for ch in c.changes if ch.fact == "third_parties"] == [
        "outside firm named: Keystone Assurance Partners"
    ]


def test_a_certification_held_before_is_told_of_its_holder() -> None:
    """An unseen reader (ETSY FY2025): the CISO's privacy certification, now among the certifications held before,
    was only a detail of another officer's replacement (the CTO's), where a lawyer never looks for it."""
    cto = "Our Chief Technology Officer leads the cybersecurity program, assisted by our CISO."
    cpto = "Our Chief Product and Technology Officer leads the cybersecurity program, assisted by our CISO."
    before = (
        f"{cto} Our CISO holds the CIPP/E certification. His previously held certifications include CISSP."
    )
    after = f"{cpto} Our CISO's previously held certifications include CISSP and CIPP/E."
    c = _compared(before, after)
    moved = [ch for ch in c.changes if ch.fact == "certifications"]
    assert [(ch.severity, ch.summary) for ch in moved] == [
        ("medium", "CIPP/E is now said to have been held before, not now")
    ]
    replaced = next(ch for ch in c.changes if ch.fact == "people")
    assert not [d for d in replaced.details if "CIPP" in d]


def test_the_sentence_stating_a_new_persons_years_is_the_people_changes_wording() -> None:
    """An unseen reader (UPST FY2025): the CISO became possibly a different person ("he" -> "she", 20 -> 15 years),
    and the verdict's second line, "“20” became “15” in a sentence stating experience ...", repeated its first."""
    governance = (
        "The Audit Committee oversees cybersecurity risk. The Chief Information Security Officer reports to our "
        "Chief Risk Officer."
    )
    years = (
        "Our Chief Information Security Officer has more than {n} years of {what} and is primarily responsible for "
        "managing our material risks from cybersecurity threats."
    )
    before = " ".join(
        [
            governance,
            years.format(n=20, what="information security expertise"),
            "Our Chief Information Security Officer started his career as a security engineer and has held "
            "leadership positions at two regional banks.",
        ]
    )
    after = " ".join(
        [
            governance,
            years.format(n=14, what="experience in software engineering"),
            "Our Chief Information Security Officer began her career as a network engineer and has held roles at "
            "large retailers.",
        ]
    )
    c = _compared(before, after)
    person = next(ch for ch in c.changes if ch.fact == "people")
    assert person.severity == "high"
    stated = next(ch for ch in c.changes if ch.kind == "text_changed" and "years" in str(ch.new))
    assert (stated.severity, stated.why) == (person.severity, person.why)
    assert len(c.judgement.top) == 1 and c.judgement.top[0].startswith(
        "the Chief Information Security Officer is possibly a different person"
    )


def test_the_statement_stated_alike_is_quoted_with_how_firmly_it_is_made() -> None:
    """Readers of four unseen filings (AMD, ETSY, PEP, MOH FY2025) took "says it has not been materially affected"
    for a flattening of "we do not believe ..." and "At this time, we have not identified ..."."""
    statement = (
        "Going by what we know today, we do not believe that any cybersecurity incident has materially affected "
        "us or is reasonably likely to do so."
    )
    before = f"The Risk Committee oversees cybersecurity risk. {statement}"
    after = f"The Risk Committee oversees cybersecurity risk at least quarterly. {statement}"
    c = _compared(before, after)
    lines = unchanged_lines(c)
    assert (
        f"Statement on material incidents: says it has not been materially affected (a belief): \u201c{statement}\u201d"
    ) in lines
    # a long one is quoted from a little before its denial, the words a lawyer weighs
    long = (
        "As of the date of this annual report, and based on the information available to us at this time, we do not "
        "believe that any risks from cybersecurity threats, including as a result of the 2023 intrusion at our "
        "logistics subsidiary or any other previous incidents, have materially affected us."
    )
    c = _compared(before.replace(statement, long), after.replace(statement, long))
    (quoted,) = [line for line in unchanged_lines(c) if line.startswith("Statement on material incidents")]
    assert "(a belief): \u201c\u2026" in quoted and "we do not believe that any risks" in quoted
    # the values kept of a fact whose other values changed are said to be beside those changes
    assert "How often the board is briefed" not in " ".join(lines)
    c = compare(
        _disclosure(f"{before} Management briefs the Risk Committee regularly.", {}, False),
        _disclosure(
            f"{before} Management briefs the Risk Committee regularly. Our CISO also briefs the full Board annually.",
            {},
            False,
        ),
    )
    assert (
        "How often the board is briefed: regular (the risk committee) (beside the changes above)"
        in unchanged_lines(c)
    )


def test_a_successor_framework_and_a_firms_certification_mark_are_no_new_commitments() -> None:
    """An unseen reader (UPWK FY2024): Privacy Shield dropped and its successor, the Data Privacy Framework, taken up
    were two mediums, and "TRUSTe" (TrustArc's certification mark) a new outside firm though TrustArc was named the
    year before; together they lifted a routine year to notable."""
    before = (
        "Our customer data transfers from Europe rely on our Privacy Shield self-certification. TrustArc has "
        "certified our privacy program since 2019."
    )
    after = (
        "Our customer data transfers from Europe rely on our certification under the Data Privacy Framework. "
        "Our privacy program holds a TRUSTe certification, granted by TrustArc."
    )
    c = _compared(before, after)
    facts = [(ch.fact, ch.severity, ch.summary) for ch in c.changes if ch.kind.startswith("fact_")]
    assert facts == [
        (
            "frameworks",
            "low",
            "framework replaced by its successor: Privacy Shield -> Data Privacy Framework",
        )
    ]


def test_the_statement_is_labelled_as_such(corpus: Path) -> None:
    """Two readers (CRWD, LC, ELMD) scanned the labels for the material-effect statement and found it filed under
    [Risk management processes] or [Management's role], the label of the first element its sentence sits in."""
    out = _render(corpus, ("text/CRWD_2024.txt", "text/CRWD_2025.txt"), "text")
    assert "  1. Reworded [Risk management processes; Material effect of cyber risks]: In fiscal " in out
    # a sentence outside the material-effect element keeps its one label
    assert "[Risk management processes]:" in _render(
        corpus, ("text/RPD_2023.txt", "text/RPD_2024.txt"), "text"
    )


def _ranked(old: str, new: str, element: str = RISK) -> Change:
    """A reworded sentence that states no tracked fact, ranked as a comparison ranks it."""
    from tracker.diff.significance import rank_text_changes
    from tracker.diff.worddiff import word_diff

    change = Change("text_changed", "low", element, [element], old=old, new=new, ops=word_diff(old, new)[0])
    rank_text_changes([change], {}, {}, str, {})
    return change


@pytest.mark.parametrize(
    ("old", "new", "severity", "why"),
    [
        (
            "Significant cybersecurity incidents are escalated to the CISO and the General Counsel.",
            "Cybersecurity incidents are escalated to the CISO and the General Counsel.",
            "medium",
            "\u201csignificant\u201d dropped: which incidents are escalated changed",
        ),
        (
            "The CISO reports all security incidents to the Risk Committee.",
            "The CISO reports security incidents that meet defined thresholds to the Risk Committee.",
            "medium",
            "\u201call\u201d became \u201cthat meet defined thresholds\u201d: which incidents are reported changed",
        ),
        (
            "Management notifies the Board of material breaches.",
            "Management notifies the Board of material breaches, as appropriate.",
            "medium",
            "\u201cas appropriate\u201d added: whether incidents are reported is now left to judgement or conditions",
        ),
        (
            "The CISO oversees the security operations center and its analysts.",
            "The CISO is kept informed about the work of the security operations center and its analysts.",
            "medium",
            "\u201coversees\u201d became \u201ckept informed\u201d: what the role is said to do changed, from directing "
            "to being kept informed",
        ),
        (
            "The Technology Committee is informed of the results of penetration tests.",
            "The Technology Committee oversees the results of penetration tests.",
            "medium",
            "\u201cis informed\u201d became \u201coversees\u201d: what the role is said to do changed, from being kept "
            "informed to directing",
        ),
        # the words of incidents a modal speaks of, a modal outside any telling, one directing verb for another
        (  # (an unseen filing's threshold, 70 characters from its incidents, and brought to someone's attention)
            "Security incidents that are identified as reasonably having the potential to be highly significant to us "
            "are brought to the attention of the General Counsel.",
            "Security incidents that are believed to reasonably have the potential to be significant to us are "
            "brought to the attention of the General Counsel.",
            "medium",
            "\u201chighly significant\u201d became \u201csignificant\u201d: which incidents are reported changed",
        ),
        (  # one officer given a second title ("A and T and B"), not a third officer told
            "Incidents are reported to the Chief Technology Officer and General Counsel.",
            "Incidents are reported to the Chief Technology Officer and Chief Legal Officer and General Counsel.",
            "low",
            "wording only",
        ),
        (
            "Incidents that may have a material impact are escalated to the CISO.",
            "Incidents that could have a material impact are escalated to the CISO.",
            "low",
            "wording of substance; no tracked fact changed",
        ),
        (
            "Our security team may include outside advisors.",
            "Our security team includes outside advisors.",
            "low",
            "wording of substance; no tracked fact changed",
        ),
        (
            "Management is informed of the efforts to prevent intrusions.",
            "Management is informed of the efforts to prevent intrusions, as appropriate.",
            "low",
            "wording only",
        ),  # (no incident told of: "event" is only a part of "prevent")
        (
            "The CISO manages the vulnerability program.",
            "The CISO oversees the vulnerability program.",
            "low",
            "wording only",
        ),
    ],
)
def test_which_incidents_are_told_and_what_a_role_does(old: str, new: str, severity: str, why: str) -> None:
    """Independent readers ranked above wording only: UPWK FY2024's "prompt escalation of [-certain -]cybersecurity
    incidents", AMPL FY2024's incidents of "lesser impact" no longer reported to the board and its management team
    that no longer "supervises" efforts but "takes steps to stay informed about and monitor" them, BOOT FY2025's
    IRT that now reports incidents to the Audit Committee where it "may" have. Written here in other words."""
    change = _ranked(old, new)
    assert (change.severity, change.why) == (severity, why)


def test_which_incidents_are_told_and_what_a_role_does_in_the_filings(corpus: Path) -> None:
    upwk = _context(corpus, "text/UPWK_2023.txt", "text/UPWK_2024.txt").comparison
    escalation = _reworded(upwk, "prompt escalation")
    assert (escalation.severity, escalation.why) == (
        "medium",
        "\u201ccertain\u201d dropped: which incidents are escalated changed",
    )
    ampl = _context(corpus, "text/AMPL_2023.txt", "text/AMPL_2024.txt").comparison
    role = _reworded(ampl, "stay informed")
    assert (role.severity, role.why) == (
        "medium",
        "\u201csupervises\u201d became \u201cstay informed\u201d and \u201cmonitor\u201d: what the role is said to do "
        "changed, from directing to being kept informed",
    )
    boot = _render(corpus, ("text/BOOT_2024.txt", "text/BOOT_2025.txt"), "text")
    assert (
        "  - \u201cmay include\u201d dropped: incidents are reported with fewer conditions: \u201c\u2026of the incident"
        in boot
    )


_LEADS = (
    "Our Chief Information Security Officer is responsible for assessing and managing cybersecurity risk. "
    "The CISO reports to our Chief Financial Officer."
)


@pytest.mark.parametrize(
    ("added", "severity", "why"),
    [
        (
            "In March 2025, our Chief Information Security Officer stepped down and we began a search for a successor.",
            "high",
            "departure of the Chief Information Security Officer, named as responsible",
        ),
        (
            "We announced that the CISO would resign as CISO effective June 30, 2025.",
            "high",
            "departure of the Chief Information Security Officer, named as responsible",
        ),
        (
            "Following the retirement of our Chief Financial Officer, the CISO reports to our Chief Executive Officer.",
            "medium",
            "departure of the Chief Financial Officer",
        ),
        (  # a thing retired, not a person
            "Our Chief Information Security Officer oversees the retirement of legacy systems, which we retired in "
            "2025.",
            "low",
            None,
        ),
        (  # the post's holder now a former one (reader 30's next KO year, a routine sentence added)
            "In June 2025, our former CISO became our Chief Risk Officer, and our Head of Security Operations was "
            "named CISO.",
            "high",
            "departure of the Chief Information Security Officer, named as responsible",
        ),
    ],
)
def test_an_officer_leaving_is_ranked_by_the_role(added: str, severity: str, why: str | None) -> None:
    """An unseen filing's reader put first the sentence announcing that the officer who led the program was leaving
    (ETSY FY2024: "our CTO would cease serving as CTO effective December 31, 2024"), which the tool ranked as a plain
    low addition. Written here in other words."""
    c = _compared(_LEADS, f"{_LEADS} {added}")
    change = next(ch for ch in c.changes if ch.kind == "text_added")
    assert change.severity == severity
    if why is None:
        assert "departure" not in (change.why or "")
        return
    assert change.why == why
    if severity == "high":
        assert c.judgement.significance == "significant" and c.judgement.top[0].startswith(why)


def test_years_of_service_grow_with_the_years_between_the_two_compared() -> None:
    """FY2023 -> FY2025: "for over 6 years" -> "for over 8 years" is the calendar (an unseen filing's reader found it
    ranked medium and in the verdict); between consecutive years the same edit is news."""
    old = (
        "Our Chief Information Security Officer leads the program, has served in that role for over 6 years and has "
        "over 20 years of cybersecurity experience."
    )
    new = old.replace("6 years", "8 years")

    def edit(old_year: int, new_year: int) -> Change:
        a, b = _disclosure(old, {}, False), _disclosure(new, {}, False)
        a.fiscal_year, b.fiscal_year = old_year, new_year
        return next(c for c in compare(a, b).changes if c.kind == "text_changed")

    assert edit(2023, 2025).severity == "low" and "calendar rolled forward" in (edit(2023, 2025).why or "")
    assert edit(2024, 2025).severity == "medium"


def test_a_second_title_given_up_by_a_different_person_says_both() -> None:
    """AMD FY2024 (an unseen filing): the CISO who had also been the CIO now reports to the CIO, with other
    experience; the report said only "possibly a different person"."""
    old = (
        "Our CISO is responsible for assessing and managing cybersecurity risk. Our CISO, who is also our Chief "
        "Information Officer, has over 25 years of experience in technology operations."
    )
    new = (
        "Our CISO is responsible for assessing and managing cybersecurity risk. The CISO reports to the Chief "
        "Information Officer. Our CISO has over 12 years of experience in cybersecurity."
    )
    c = _compared(old, new)
    people = [ch for ch in c.changes if ch.fact == "people"]
    assert [(ch.change, ch.severity) for ch in people] == [("roles_split", "high")]
    assert people[0].summary == (
        "the Chief Information Security Officer is no longer also the Chief Information Officer, and is possibly a "
        "different person: stated experience fell from 25 to 12 years"
    )
    assert not any(
        ch.fact == "experience_years" for ch in c.changes
    )  # (the split's detail, not a second matter)


def test_a_new_incident_and_a_firmer_statement_beside_the_earlier_one() -> None:
    """Unseen filings' readers: a new incident told of, which "did not have a material impact", sat among mediums; and
    that sentence, of one incident, is no firmer statement on incidents as a whole beside the unchanged "we are not
    aware" (it was reported as one, then as a forward-looking statement added). A general statement added beside the
    earlier one, still made, is."""
    old = (
        "Our CISO is responsible for cybersecurity. We are not aware of any cybersecurity incidents that have "
        "materially affected us."
    )
    new = (
        f"{old} In June 2025, we detected unauthorized access to a vendor's file server by a threat actor. This "
        "security incident has not had a material effect on our operations."
    )
    c = _compared(old, new)
    assert not [
        ch for ch in c.changes if ch.fact in ("material_incident_strength", "material_incident_statement")
    ]
    told = next(ch for ch in c.changes if ch.kind == "text_added" and "June 2025" in str(ch.text))
    assert (told.severity, told.why) == ("high", "a sentence on a past cybersecurity incident added")
    assert c.judgement.top[0].startswith("a sentence on a past cybersecurity incident added")
    effect = next(
        ch for ch in c.changes if ch.kind == "text_added" and "This security incident" in str(ch.text)
    )
    assert "Item 106(b)(2)" not in (effect.why or "")

    firmer = f"{old} No cybersecurity incident has had a material effect on our operations."
    c = _compared(old, firmer)
    strength = next(ch for ch in c.changes if ch.fact == "material_incident_strength")
    assert strength.severity == "medium"
    assert strength.summary == (
        "a firmer statement on material incidents was added (a definite statement, where the earlier one, still "
        "made, is awareness)"
    )


def test_the_board_beside_a_committee_that_still_oversees_is_no_new_overseer() -> None:
    """An unseen reader: "oversight by the board of directors added" (high) where the same audit committee oversees
    cybersecurity in both years; the full board's part is worth saying, not as oversight moved."""
    committee = "The Audit Committee oversees risks from cybersecurity threats."
    board = "Our Board of Directors also oversees risks from cybersecurity threats as part of its oversight of risk."

    def board_change(old: str, new: str) -> Change:
        c = _compared(old, new)
        return next(ch for ch in c.changes if ch.fact == "board_oversight")

    added = board_change(committee, f"{committee} {board}")
    assert (added.severity, added.summary) == (
        "medium",
        "the board of directors is now also said to oversee cybersecurity (the audit committee still oversees it)",
    )
    assert board_change(f"{committee} {board}", committee).severity == "medium"
    # with no committee kept, the board's oversight is the overseer changing
    assert (
        board_change("The Risk Committee oversees risks from cybersecurity threats.", board).severity
        == "high"
    )


def test_a_committee_named_as_the_former_overseer_is_not_a_current_one() -> None:
    """An unseen reader (RIVN, edited): "a new committee ..., which is now responsible for oversight ...; previously,
    this oversight was performed by our audit committee" was read as the board and the audit committee still
    overseeing ("the board of directors is now also said to oversee cybersecurity (the audit committee still
    oversees it)"); oversight moved to the new committee, and the board only formed it."""
    before = "The Audit Committee of our Board monitors cybersecurity risk and the related controls."
    after = [
        "During 2025 the Board created a Digital Risk Committee that is now charged with oversight of cybersecurity "
        "risk; formerly, that oversight was the job of the Audit Committee.",
        "Until June 2025, the Audit Committee monitored cybersecurity risk. The Digital Risk Committee of the Board "
        "now monitors it.",
        "Oversight of cybersecurity risk was previously the responsibility of the Audit Committee. The Digital Risk "
        "Committee of the Board now oversees it.",
    ]
    for text in after:
        c = _compared(before, text)
        board = [ch for ch in c.changes if ch.fact == "board_oversight"]
        assert [(ch.severity, ch.summary) for ch in board] == [
            ("high", "board oversight moved from the audit committee to the digital risk committee")
        ], text
    # a committee that oversaw something else before, and oversees cybersecurity now, still oversees it
    kept = (
        "The Audit Committee, which previously oversaw only financial risks, now oversees cybersecurity risk."
    )
    c = _compared(before, kept)
    assert not [ch for ch in c.changes if ch.fact == "board_oversight"]


def test_a_body_briefed_less_often_says_how_often_it_was() -> None:
    """An unseen reader (AVGO, edited): the board's quarterly updates became annual while management still briefed the
    audit committee quarterly; the report said only "the board is now briefed at least annually", hiding that the
    board hears of cybersecurity a quarter as often."""
    committee = (
        "Our Chief Information Officer reports to the Audit Committee on cybersecurity at least quarterly."
    )
    before = f"{committee} Management reports to the full Board on cybersecurity risk at least quarterly."
    after = f"{committee} Management reports to the full Board on cybersecurity risk at least annually."
    c = _compared(before, after)
    briefing = [ch for ch in c.changes if ch.fact == "briefing_frequency"]
    assert [(ch.kind, ch.severity, ch.summary) for ch in briefing] == [
        (
            "fact_changed",
            "medium",
            "the board is now briefed at least annually instead of at least quarterly (less often)",
        )
    ]
    # a body that keeps its frequency and gains another is briefed more, not instead
    both = f"{before} Management also briefs the full Board annually on the cybersecurity program."
    c = _compared(before, both)
    assert [ch.summary for ch in c.changes if ch.fact == "briefing_frequency"] == [
        "the board is now briefed annually"
    ]


def test_a_sentence_naming_the_person_carries_the_people_change_only_where_its_edit_is_about_them() -> None:
    """An unseen reader (AVGO, edited): with a new CISO told of in one sentence, a sentence that names the CISO and
    only changes "quarterly" to "semi-annually", and one where the CIO now reports to the CFO, were each ranked high,
    "the person responsible changed"; they are a briefing change and a reporting-line change."""
    review = (
        'Our leadership, including our Chief Information Officer ("CIO"), together with our Chief Information '
        'Security Officer ("CISO"), meets with the Risk Committee {how} on security policies and threats.'
    )
    cio = "Our CIO, who reports to our Chief {whom} Officer, has over 15 years of experience running technology."
    before = " ".join(
        [
            review.format(how="monthly"),
            cio.format(whom="Executive"),
            "Our CISO, who reports to the CIO, has about 18 years of security experience.",
        ]
    )
    after = " ".join(
        [
            review.format(how="quarterly"),
            cio.format(whom="Operating"),
            "Our CISO, who joined us in 2025 and reports to the CIO, has about 12 years of security experience.",
        ]
    )
    c = _compared(before, after)
    person = next(ch for ch in c.changes if ch.fact == "people")
    assert person.severity == "high"
    reworded = {str(ch.new)[:8]: ch for ch in c.changes if ch.kind == "text_changed"}
    assert (reworded["Our lead"].severity, reworded["Our lead"].why) == (
        "medium",
        "how often the board is briefed changed",
    )
    assert (reworded["Our CIO,"].severity, reworded["Our CIO,"].why) == (
        "medium",
        "the reporting line of the person responsible changed",
    )


def test_a_reworded_sentence_whose_stated_facts_held_says_whether_its_wording_changed_in_substance() -> None:
    """A sentence stating the board's periodic briefing, whose subjects were widened ("risks" -> "threats, incident
    preparedness and mitigation strategies"), read "nothing of substance changed" (ELF FY2025)."""
    text = "The Board receives periodic reports from management on our {what}."
    before = text.format(what="cybersecurity risks")
    after = text.format(
        what="cybersecurity threats, incident preparedness, mitigation strategies and remediation"
    )
    reworded = _rewording(before, after)
    assert reworded.why is not None and reworded.why.startswith(
        "reworded in substance; what the sentence states"
    )
    assert "nothing of substance" not in reworded.why
    reworded = _rewording(before, text.format(what="cybersecurity-related risks"))
    assert reworded.why is not None and reworded.why.endswith("nothing of substance changed")


def test_a_body_now_briefed_at_a_frequency_another_already_had_is_a_change() -> None:
    """An independent reader (MXL FY2024): metrics now "reported to the board on a quarterly basis", where only the audit
    committee heard quarterly the year before, was no change at all (the set of frequencies was the same)."""
    committee = "Our CISO briefs the Audit Committee on cybersecurity every quarter."
    board = "Key risk indicators are also presented to the full Board of Directors on a quarterly basis."
    c = _compared(committee, f"{committee} {board}")
    assert _said(c, "briefing_frequency") == [
        ("medium", "the board is now also briefed quarterly (as the audit committee already was)")
    ]
    # a body the earlier year left unnamed ("the Committee") and the later year names is no new body briefed
    unnamed = "The Audit Committee oversees cybersecurity. Our CISO briefs the Committee on cybersecurity every quarter."
    c = compare(
        _disclosure(unnamed, {}, False),
        _disclosure(
            f"{unnamed} Our CISO also reports incidents to the Audit Committee every quarter.", {}, False
        ),
    )
    assert not [ch for ch in c.changes if ch.fact == "briefing_frequency"]


def test_a_report_says_what_both_years_state_alike(corpus: Path) -> None:
    """An independent reader found a report of no substantive change that said nothing of what the disclosure says:
    a lawyer checking next year's draft wants the person, the board's oversight and the statement confirmed."""
    vktx = ("text/VKTX_2024.txt", "text/VKTX_2025.txt")
    text = _render(corpus, vktx, "text")
    assert (
        "No change in flags, facts or text.\n\nStated alike in both years:\n"
        "  - Who is responsible (titles): Information Systems Representative\n"
        "  - Experience of those responsible: Information Systems Representative: over 25 years\n"
        "  - Board oversight: board of directors; audit committee\n"
    ) in text
    # the statement with how firmly it is made and its own words (readers of unseen filings took the plain words for
    # a flattening of "we have not identified ..." and "we do not believe ...")
    assert (
        "  - Frameworks followed: ISO; NIST\n  - Statement on material incidents: says it has not been materially affected "
        "(a definite statement): \u201cRisks from cybersecurity threats, including as a result of any previous "
        "cybersecurity incidents, have not materially affected and are not reasonably likely to materially affect our "
        "company, including\u2026\u201d\n"
    ) in text
    assert (
        "**Stated alike in both years:**\n\n- Who is responsible (titles): Information Systems Representative\n"
        in _render(corpus, vktx, "markdown")
    )
    data = json.loads(_render(corpus, vktx, "json"))
    assert data["unchanged"][0] == {
        "fact": "responsible_titles",
        "values": ["Information Systems Representative"],
    }
    # the statement Item 106(b)(2) asks for, made in neither year (AMZN points to its risk factors), is said so
    amzn = ("text/AMZN_2024.txt", "text/AMZN_2025.txt")
    assert "  - Statement on material incidents: not stated in either year\n" in _render(corpus, amzn, "text")
    assert {"fact": "material_incident_statement", "values": ["absent"]} in json.loads(
        _render(corpus, amzn, "json")
    )["unchanged"]
    assert "- Statement on material incidents: not stated in either year\n" in _render(
        corpus, amzn, "markdown"
    )
    # of a set that changed, the values both years state (UPWK FY2024 names other frameworks and another outside
    # firm beside those it kept: an unseen reader found a lead officer nowhere when another was added beside him);
    # nothing of a fact a year does not state (its reporting line)
    upwk = _context(corpus, "text/UPWK_2023.txt", "text/UPWK_2024.txt").comparison
    assert [fact for fact, _ in upwk.unchanged] == [
        "responsible_titles",
        "experience_years",
        "board_oversight",
        "briefing_frequency",
        "frameworks",
        "third_parties",
        "material_incident_statement",
    ]
    kept = dict(upwk.unchanged)
    assert (
        "NIST" not in kept["frameworks"] and "Privacy Shield" not in kept["frameworks"]
    )  # (dropped in FY2024)
    assert "Data Privacy Framework" not in kept["frameworks"]  # (new in FY2024)
    assert {"SOC 2", "ISO/IEC 27001"} <= set(kept["frameworks"])


def test_a_career_cut_from_the_disclosure_is_a_change_of_the_person_responsible() -> None:
    """An unseen filing's reader (UPST FY2025): the CISO's former employers, cut to nothing, were low wording edits;
    Item 106(c)(2)(i) asks for the expertise of the person responsible."""
    lead = "Our Chief Information Security Officer, Dana Whitfield, heads our security organization."
    career = (
        "Before joining us, Ms. Whitfield led security engineering at Northwind Traders and at Contoso Bank."
    )
    c = _compared(f"{lead} {career}", lead)
    assert _said(c, "people") == [
        (
            "medium",
            "Dana Whitfield: former employers no longer named (were Northwind Traders, Contoso Bank)",
        )
    ]
    c = _compared(lead, f"{lead} {career}")
    assert [ch.summary for ch in c.changes if ch.fact == "people"] == [
        "Dana Whitfield: former employers now named: Northwind Traders, Contoso Bank"
    ]
    # the career told both years, an employer more or less (or a title's remit read as one), is no change of the
    # person: "Vice President of Cloud Services at Fabrikam" names Fabrikam alone
    longer = career.replace(
        "Contoso Bank", "Contoso Bank, and was Vice President of Cloud Services at Fabrikam"
    )
    c = _compared(f"{lead} {career}", f"{lead} {longer}")
    assert not [ch for ch in c.changes if ch.fact == "people"]


def test_years_stated_alike_are_quoted_as_the_sentence_words_them() -> None:
    """An unseen filing's reader (SCSC): "nearly 30 years of experience" was listed as "approximately 30 years"."""
    text = "Our Chief Information Officer has {q} 30 years of experience in technology and security."
    c = _compared(text.format(q="nearly"), text.format(q="close to"))
    assert "  - Experience of those responsible: Chief Information Officer: close to 30 years\n" in render(
        c, "text"
    )
    assert not [ch for ch in c.changes if ch.fact == "experience_years"]  # ("about 30" either way)


def test_decades_given_no_number_are_not_read_as_the_decade_they_include() -> None:
    """An unseen filing's reader (MOH FY2025): "decades of information technology ... including more than a decade
    of executive management experience as a CISO" was read as "more than 10 years" of experience."""
    text = (
        "The Chief Information Security Officer leads our program. The CISO brings decades of work in information "
        "technology, including more than a decade of executive experience as a CISO at large insurers."
    )
    facts = _compared(text, text).unchanged
    assert "experience_years" not in dict(facts)
    counted = text.replace("decades of work", "two decades of experience")
    assert dict(_compared(counted, counted).unchanged)["experience_years"] == [
        {"holder": "Chief Information Security Officer", "years": 20, "qualifier": "exact"}
    ]


def test_a_year_that_stops_saying_incidents_happened_to_the_company_is_a_significant_change() -> None:
    """Unseen filings' readers: TDUP FY2025 turned "we have experienced threats to and breaches of our ... systems"
    into "threats to and exploit attempts of", read as the statement's scope alone (medium); F dropped "we, our
    suppliers, and our dealers have been the target of cybersecurity incidents", read as a low wording edit. The SEC
    charged four filers in 2024 with describing as hypothetical incidents that had happened."""
    lead = "Our CISO leads the program."
    said = "Like many retailers, we have from time to time experienced {what} of our systems."

    def ranked(before: str, after: str) -> list[tuple[str, str]]:
        c = _compared(before, after)
        return [(ch.severity, ch.why or "") for ch in c.changes if ch.kind.startswith("text_")]

    breaches, probes = said.format(what="intrusions and breaches"), said.format(what="probes and scans")
    [(severity, why)] = ranked(f"{lead} {breaches}", f"{lead} {probes}")
    assert severity == "high" and why.startswith(
        "the sentence no longer says cybersecurity incidents happened to the company; no other sentence does"
    )
    # another sentence of the later year still says so: medium
    kept = "Our vendors' systems and ours have suffered ransomware incidents."
    assert ranked(f"{lead} {breaches} {kept}", f"{lead} {probes} {kept}") == [
        (
            "medium",
            "the sentence no longer says cybersecurity incidents happened to the company; another sentence still says so",
        )
    ]
    # a target of attacks, which may have failed, removed: medium
    targeted = "Moreover, we and our suppliers have been the target of cyber attacks."
    assert ranked(f"{lead} {targeted}", lead) == [
        (
            "medium",
            "a sentence saying the company was the target of cybersecurity attacks was removed; no other sentence says so",
        )
    ]
    # saying it for the first time is medium; a denial, a hedge, someone else's or a plan for if it happens is none
    assert ranked(lead, f"{lead} {breaches}") == [
        ("medium", "the company now says cybersecurity incidents happened to it")
    ]
    for other in (
        "We have not experienced any cybersecurity incident that materially affected us.",
        "We may have experienced breaches that we have not yet detected.",
        "Other companies in our industry have suffered ransomware incidents.",
        "If we determine that we have experienced a material breach, the Audit Committee is notified.",
    ):
        assert not [why for _, why in ranked(lead, f"{lead} {other}") if "happened to it" in why], other


def test_a_ciso_said_to_hold_the_post_since_after_the_earlier_year_is_someone_new() -> None:
    """An unseen filing's reader (VRNS FY2025): "our CISO beginning in August 2025", who "has worked over the last
    fifteen years in the security industry", gave neither a start in the post nor years of experience."""
    before = _disclosure(
        "Our CISO is responsible for our program. He has worked over the last twenty years in the security industry.",
        {},
        False,
    )
    after = _disclosure(
        "Our CISO is responsible for our program. Our CISO beginning in March 2025, he has worked over the last "
        "fifteen years in the security industry.",
        {},
        False,
    )
    before.fiscal_year, after.fiscal_year = 2024, 2025
    people = [ch for ch in compare(before, after).changes if ch.fact == "people"]
    assert [(ch.severity, ch.summary) for ch in people] == [
        (
            "high",
            "a new Chief Information Security Officer, appointed in 2025; stated experience 20 years -> 15 years",
        )
    ]


def test_frequencies_stated_alike_say_who_is_briefed() -> None:
    """An unseen filing's reader (VRNS): "How often the board is briefed: semi-annual; quarterly; annual" did not say
    which body hears what."""
    text = (
        "Our CISO updates the Technology Committee quarterly on cybersecurity. The Audit Committee receives "
        "semi-annual updates on cybersecurity risks. Our CISO briefs the full Board at least annually."
    )
    lines = unchanged_lines(_compared(text, text))
    assert (
        "How often the board is briefed: quarterly (the technology committee); semi-annual (the audit committee); "
        "annual (the board)"
    ) in lines
    # one committee named short in another sentence is said once, by its full name
    text = (
        "Our CISO reports quarterly to the Audit and Finance Committee on cybersecurity. The Audit Committee also "
        "receives quarterly updates on incidents."
    )
    lines = unchanged_lines(_compared(text, text))
    assert "How often the board is briefed: quarterly (the audit and finance committee)" in lines


def test_a_reporting_line_stated_alike_says_who_reports() -> None:
    """Readers of unseen filings: "Reports to: Chief Information Officer" did not say whose line it was."""
    text = (
        "Our Vice President of Information Security leads our cybersecurity program. The Vice President of "
        "Information Security reports to our Chief Information Officer."
    )
    lines = unchanged_lines(_compared(text, text))
    assert (
        "Reports to: Chief Information Officer (reported to by the Vice President of Information Security)"
        in lines
    )


def test_a_reworded_briefing_is_not_the_change_of_a_person_it_names() -> None:
    """A reader's planted edits on real filings: "meets with the audit committee [-periodically-]{+at least twice a
    year+}" in a sentence naming the CIO was "[high] the person responsible changed" (the new CISO's key holds
    "years"); "our Board receives [-a semi-annual-]{+an annual+} report from our CSO", the CSO no longer named
    elsewhere, was "readers can no longer tell who is responsible"."""
    cio = "Our Chief Information Officer meets with the Audit Committee {how} to review cybersecurity risks."
    years = "Our Chief Information Officer{who} has more than {n} years of experience in technology."
    before = cio.format(how="periodically") + " " + years.format(who="", n=20)
    after = (
        cio.format(how="at least twice a year") + " " + years.format(who=", who was appointed in 2025,", n=12)
    )
    c = _compared(before, after)
    (reworded,) = [ch for ch in c.changes if ch.kind == "text_changed" and "Audit" in ch.new]
    assert (reworded.severity, reworded.why) == ("medium", "how often the board is briefed changed")
    report = "Our Board receives {a} report from our Chief Security Officer on cybersecurity."
    before = (
        report.format(a="a semi-annual") + " Our Chief Security Officer, Jordan Ellis, leads our program."
    )
    after = report.format(a="an annual") + " Our Chief Security Officer leads our program."
    c = _compared(before, after)
    (reworded,) = [ch for ch in c.changes if ch.kind == "text_changed" and "Board" in ch.new]
    assert (reworded.severity, reworded.why) == ("medium", "how often the board is briefed changed")


def test_words_that_say_the_same_and_one_incidents_materiality_are_no_change_of_substance() -> None:
    """A reader's planted edits on real filings: "We [-regularly-]{+routinely+} engage third-party assessors" was
    medium ("“regularly” dropped"); "..., and based on our investigation the incident did not have a material impact"
    was read as a firmer statement on material incidents."""
    text = "We {how} engage third-party assessors to test our controls."
    c = _compared(text.format(how="regularly"), text.format(how="routinely"))
    assert [ch.severity for ch in c.changes] == ["low"]
    aware = "We are not aware of any cybersecurity incident that has materially affected us."
    incident = (
        "We contained the activity, notified affected individuals, and based on our investigation the incident did "
        "not have a material impact on our business."
    )
    c = _compared(aware, f"{aware} {incident}")
    assert not [ch for ch in c.changes if ch.fact and ch.fact.startswith("material_incident")]


def test_the_only_one_responsible_now_an_outside_providers_is_high() -> None:
    """A reader's retailer: its CISO, the one responsible, now "a virtual CISO provided by Sentinel Advisory LLC", was
    medium; who is responsible changed. One of several responsible (ELF FY2025's external CISO beside its Chief
    Digital Officer) stays medium."""
    text = "Our program is led by our {who}, who has 16 years of experience and reports to our Chief Financial Officer."
    c = _compared(
        text.format(who="Chief Information Security Officer"),
        text.format(
            who="fractional Chief Information Security Officer, engaged through Harbor Risk Partners"
        ),
    )
    (outside,) = [ch for ch in c.changes if ch.change == "outside_provider"]
    assert (outside.severity, outside.why) == (
        "high",
        "the person responsible changed: the post is now held by an outside provider",
    )


def test_a_people_change_is_not_carried_by_a_sentence_about_another_of_those_responsible() -> None:
    """An unseen filing's reader (ELF FY2025): the Director's added years of experience were tagged "who holds the post,
    an employee or an outside provider, changed" (the CISO's), and the Director, one of three titles named as
    responsible, was called "the person responsible"."""
    lead = "Our Chief Technology Officer leads our cybersecurity program."
    before = _disclosure(
        f"{lead} Our Chief Information Security Officer has over 20 years of experience. Our Associate Director, "
        "Security Operations has more than 12 years of experience in security operations.",
        {},
        False,
    )
    after = _disclosure(
        f"{lead} Our external Chief Information Security Officer has over 20 years of experience. Holding a master's "
        "degree in cybersecurity, our Director, Security Operations brings more than 12 years of hands-on work "
        "running incident response teams.",
        {},
        False,
    )
    c = compare(before, after)
    assert {ch.change: ch.summary for ch in c.changes if ch.kind.startswith("fact_")}.items() >= {
        "outside_provider": "the role of Chief Information Security Officer is now held by an outside provider",
        "promoted": "the role of one of those responsible is now held at a higher rank: Associate Director, Security "
        "Operations -> Director, Security Operations",
    }.items()
    (added,) = [ch for ch in c.changes if ch.kind == "text_added"]
    assert added.why == "one of those responsible holds the same role at a higher rank"


def test_outside_assessors_engaged_or_no_longer_engaged_is_medium() -> None:
    """An unseen filing's reader (CROX FY2025): a dropped yearly assessment by an outside firm was a low wording edit,
    the third-party flag still true from other sentences (Item 106(b)(1)(ii) asks whether assessors are engaged)."""
    lead = "We also use outside consultants to advise on our program."
    assessed = "Each year, an independent third-party firm assesses the maturity of our program."
    c = _compared(f"{lead} {assessed}", lead)
    assert _ranks(c, "text_removed") == [
        ("medium", "a sentence on outside assessors, auditors or consultants engaged for the program removed")
    ]
    pentest = "We commission penetration testing by external specialists twice a year."
    c = _compared(lead, f"{lead} {pentest}")
    assert _ranks(c, "text_added") == [
        ("medium", "a sentence on outside assessors, auditors or consultants engaged for the program added")
    ]
    # assessing third parties' own risk is no outside firm working on the program
    vendors = "We perform third-party risk assessments before onboarding new vendors."
    c = _compared(lead, f"{lead} {vendors}")
    assert [ch.severity for ch in c.changes if ch.kind == "text_added"] == ["low"]


def test_form_only_dash_lists_a_stand_in_confirmed_and_a_firmer_statement_read_as_a_lawyer_would() -> None:
    """A reader's planted edits on real text (MA, LCID, MU): a plain-text list, one "- " item a line, read as one
    paragraph gave a "Significant" verdict for list style alone; "Acting Vice President of IT" -> "Vice President of
    IT" was "a higher rank"; a statement on material incidents made more firmly was also listed as stated alike."""
    from tracker.pipeline.load import load_bytes

    items = [
        "Our Chief Information Security Officer leads the security team",
        "The Data Protection Officer reports to the Chief Privacy Officer",
        "The Audit Committee receives quarterly reports",
    ]
    bulleted = "Item 1C. Cybersecurity\n\nOur structure:\n\n" + "\n\n".join(f"\u2022 {i}" for i in items)
    dashed = "Item 1C. Cybersecurity\n\nOur structure:\n" + "\n".join(f"- {i}" for i in items)
    c = compare(load_bytes(bulleted.encode()), load_bytes(dashed.encode()))
    assert c.changes == []
    lead = "Our {title} leads our cybersecurity program."
    c = _compared(lead.format(title="Acting Vice President of IT"), lead.format(title="Vice President of IT"))
    assert [ch.summary for ch in c.changes if ch.fact == "responsible_titles"] == [
        "the role of Vice President of IT is no longer held on an acting basis (was Acting Vice President of IT)"
    ]
    said = "{how} we have not identified any cybersecurity incident that has materially affected us."
    c = _compared(said.format(how="To our knowledge,"), said.format(how="To date,"))
    assert [ch.fact for ch in c.changes if ch.kind.startswith("fact_")] == ["material_incident_strength"]
    assert "material_incident_statement" not in dict(c.unchanged)


def test_a_statement_made_more_firmly_says_what_it_no_longer_covers_and_an_added_one_how_firmly() -> None:
    """A reader's planted edits on real text (MU, TXN): a statement "strengthened" by dropping "to our knowledge" and its
    "not reasonably likely to materially affect" half read as an improvement; an added statement did not say it was a
    belief."""
    lead = "Our CISO leads our program."
    hedged = (
        "To our knowledge, risks from cybersecurity threats have not materially affected us, and we believe they are "
        "not reasonably likely to materially affect us."
    )
    firm = "Risks from cybersecurity threats have not materially affected us."
    c = _compared(f"{lead} {hedged}", f"{lead} {firm}")
    (strength,) = [ch for ch in c.changes if ch.fact == "material_incident_strength"]
    assert strength.summary is not None and strength.summary.endswith(
        "; it no longer says whether cyber risks are reasonably likely to materially affect the company"
    )
    c = _compared(lead, f"{lead} {hedged}")
    assert [ch.summary for ch in c.changes if ch.fact == "material_incident_statement"] == [
        "a statement that cybersecurity threats have not materially affected the company was added (a belief)"
    ]


def test_an_escalation_threshold_on_issues_is_which_incidents_are_escalated() -> None:
    """A reader's planted edit on real MA text: "notify the Risk Committee ... when they identify an emerging risk or
    [-significant-]{+material+} issue" was "“material” added in a sentence stating board oversight ..."."""
    text = "The Audit Committee oversees cybersecurity. Our CISO escalates any {how} issue to the Audit Committee."
    reworded = _rewording(text.format(how="significant"), text.format(how="material"))
    assert (reworded.severity, reworded.why) == (
        "medium",
        "\u201csignificant\u201d became \u201cmaterial\u201d: which incidents are escalated changed",
    )


def test_a_board_now_overseeing_directly_as_well_as_through_a_committee_is_medium() -> None:
    """A reader's planted edit on real MU text: "administers its cybersecurity risk oversight function {+directly as a
    whole, as well as+} through the Security Committee" was low, "nothing of substance changed" (the board was named
    as overseeing in another sentence both years)."""
    lead = "Our Board of Directors oversees our enterprise risks, including risks from cybersecurity threats."
    text = (
        "Our Board of Directors exercises its cybersecurity oversight {how}through the Technology Committee."
    )
    reworded = _rewording(
        f"{lead} {text.format(how='')}", f"{lead} {text.format(how='directly, as well as ')}"
    )
    assert (reworded.severity, reworded.why) == (
        "medium",
        "the board is now said to oversee cybersecurity directly, as a whole",
    )
    # an officer reporting directly to the committee is no board overseeing directly
    text = "The Technology Committee oversees cybersecurity, and our CISO reports {how}to the Technology Committee."
    c = _compared(text.format(how=""), text.format(how="directly "))
    assert not [ch for ch in c.changes if "oversee cybersecurity directly" in (ch.why or "")]


def test_a_sentence_on_how_the_board_is_briefed_added_or_removed_is_medium() -> None:
    """An unseen filing's reader (MOH FY2025): "The full Board also receives briefings from the Company's executive
    management on the Program" added was left unranked (Item 106(c)(1) asks how the board is informed)."""
    lead = "The Audit Committee oversees cybersecurity risk."
    briefed = "The full Board also receives briefings from our executive management on the program."
    c = _compared(lead, f"{lead} {briefed}")
    assert _ranks(c, "text_added") == [("medium", "a sentence on how the board is briefed added")]
    c = _compared(f"{lead} {briefed}", lead)
    assert [ch.severity for ch in c.changes if ch.kind == "text_removed"] == ["medium"]
    # the board overseeing, or a committee reporting to the board, is no briefing by management
    for other in (
        "The Board oversees our enterprise risk program.",
        "The Audit Committee reports to the full Board.",
    ):
        c = _compared(lead, f"{lead} {other}")
        assert not [ch for ch in c.changes if "how the board is briefed" in (ch.why or "")], other


def test_a_title_widened_by_a_remit_is_the_same_role_retitled_not_another_person() -> None:
    """A reader's MA edit: "Chief Privacy Officer" -> "Chief Privacy and Data Responsibility Officer" was "[high] ...
    replaced the Chief Privacy Officer as the person responsible", and the officer reported to "changed". A remit
    joined by "and" or a comma is the same post widened (medium); a word of function slipped in is another role."""
    lead = "Our {title} leads our cybersecurity program and reports to our {boss}."
    c = _compared(
        lead.format(title="Chief Technology Officer", boss="Chief Financial Officer"),
        lead.format(
            title="Chief Technology and Digital Risk Officer", boss="Chief Financial and Strategy Officer"
        ),
    )
    facts = {(ch.fact, ch.change, ch.severity) for ch in c.changes if ch.kind.startswith("fact_")}
    assert facts == {("responsible_titles", "retitled", "medium"), ("reports_to", "retitled", "medium")}
    (title,) = [ch for ch in c.changes if ch.fact == "responsible_titles"]
    assert title.summary == (
        "the title of the person responsible now adds “Digital Risk”: "
        "Chief Technology Officer -> Chief Technology and Digital Risk Officer"
    )
    assert c.judgement.significance != "significant"
    # narrowed the other way round
    c = _compared(
        lead.format(title="Vice President, Infrastructure and Security", boss="General Counsel"),
        lead.format(title="Vice President, Infrastructure", boss="General Counsel"),
    )
    (title,) = [ch for ch in c.changes if ch.fact == "responsible_titles"]
    assert (title.severity, title.change) == ("medium", "retitled")
    assert "no longer holds “Security”" in (title.summary or "")
    # a word of function slipped into the title is another officer: still high
    c = _compared(
        lead.format(title="Chief Information Officer", boss="General Counsel"),
        lead.format(title="Chief Information Security Officer", boss="General Counsel"),
    )
    assert "high" in {ch.severity for ch in c.changes if ch.kind.startswith("fact_")}


def test_a_sentence_going_on_about_an_incident_just_told_of_is_about_that_incident() -> None:
    """A reader's LCID edit: the sentence after a newly told incident ("We contained the activity, engaged outside
    forensic experts ...") was read as outside consultants engaged for the program."""
    lead = "We maintain an incident response plan."
    told = "In March 2025, an unauthorized party accessed a customer support tool through stolen credentials."
    after = "We revoked the credentials, retained external incident specialists and found that the breach was limited."
    c = _compared(lead, f"{lead} {told} {after}")
    added = _ranks(c, "text_added")
    assert added == [
        ("high", "a sentence on a past cybersecurity incident added"),
        ("medium", "a sentence on a past cybersecurity incident added, going on from the one before"),
    ]
    # not a sentence apart from it, nor one that speaks of no incident
    c = _compared(lead, f"{told} {lead} {after}")
    assert [ch.why for ch in c.changes if ch.kind == "text_added"][1] != added[1][1]
    general = "We also retained external incident specialists on a standing basis."
    c = _compared(lead, f"{lead} {told} {general}")
    assert [ch.why for ch in c.changes if ch.kind == "text_added"][1] != added[1][1]


def test_at_least_annual_reporting_to_the_board_is_annual() -> None:
    """A reader's LCID edit: "the Board receives at least annual reporting, from ... management" was not read, so the
    board's briefing was said to have moved to the audit committee."""
    text = "The Risk Committee receives {how} updates from our CISO{board}."
    c = _compared(
        text.format(how="regular", board=" and the Board receives regular reporting"),
        text.format(
            how="monthly", board=", and the Board receives at least annual reporting, from management"
        ),
    )
    summaries = [ch.summary for ch in c.changes if ch.fact == "briefing_frequency"]
    assert any("the board is now briefed at least annually" in (s or "") for s in summaries), summaries


def _loaded(text: str) -> Disclosure:
    from tracker.pipeline.load import load_bytes

    return load_bytes(f"Item 1C. Cybersecurity\n\n{text}".encode())


def test_a_stand_in_security_officer_who_reports_to_someone_is_the_one_responsible() -> None:
    """A reader's planted text: the CISO, responsible on his stated experience, was followed by "Our Interim Chief
    Information Security Officer ... reports to our Chief Technology Officer", read as no one: the CISO "no longer
    described as responsible", his reporting line "no longer" stated, and no position named. A security officer with a
    reporting line is the one the section presents as running the program, where no one else is."""
    oversight = "The Risk Committee of our Board oversees cybersecurity risk."
    before = (
        f"{oversight} Our Director of Cyber Defense, who has 12 years of experience in incident response, reports to "
        "our Chief Operating Officer."
    )
    after = f"{oversight} Our Acting Director of Cyber Defense reports to our Chief Operating Officer."
    c = compare(_loaded(before), _loaded(after))
    summaries = [
        ch.summary or "" for ch in c.changes if ch.kind.startswith("fact_") or ch.kind == "flag_flipped"
    ]
    assert not [s for s in summaries if "no longer" in s and ("responsible" in s or "reports to" in s)], (
        summaries
    )
    assert not [ch for ch in c.changes if ch.kind == "flag_flipped"], summaries
    (person,) = [ch for ch in c.changes if ch.fact == "people"]
    assert "acting basis" in (person.summary or "")
    # a security officer merely spoken of, with no line of their own, is not made responsible
    c = compare(
        _loaded(oversight), _loaded(f"{oversight} Our Director of Cyber Defense attends its meetings.")
    )
    assert not [ch for ch in c.changes if ch.fact == "people"]


def test_the_last_predicate_of_a_who_clause_is_the_officers_reporting_line() -> None:
    """A reader's planted text: "led by our Vice President of Information Technology, who has ... experience, holds
    ... certifications, and reports to our Chief Financial Officer" read no reporting line, so CFO -> CEO went
    unreported."""
    text = (
        "Our security program is managed by our Head of Technology Risk, who joined in 2021, holds the CISM "
        "credential, and reports to our {boss}."
    )
    c = compare(_loaded(text.format(boss="General Counsel")), _loaded(text.format(boss="Chief Risk Officer")))
    assert [ch.summary for ch in c.changes if ch.fact == "reports_to"] == [
        "the person responsible now reports to the Chief Risk Officer instead of the General Counsel"
    ]


def test_an_incident_told_in_several_sentences_is_ranked_sentence_by_sentence_and_a_material_one_leads() -> (
    None
):
    """A reader's 8-K wordings: "we detected suspicious activity involving our information technology systems" was no
    incident; the sentences going on about it ("The unauthorized actor transferred ...", "data appear to have been
    stolen") were unranked; and a newly disclosed material effect stood second in the verdict, after a people change."""
    lead = "Our Chief Information Security Officer leads our program. {statement}"
    before = lead.format(statement="No cybersecurity incident has materially affected us.")
    told = (
        "In August 2025, we identified malicious activity in our payroll platform. "
        "The threat actor copied files from a file server. "
        "Some employee data appear to have been exfiltrated. "
    )
    after = (
        "Our Deputy Chief Information Security Officer leads our program. "
        + told
        + "Other than that incident, no cybersecurity incident has materially affected us."
    )
    c = compare(_loaded(before), _loaded(after))
    added = _ranks(c, "text_added")
    assert added[:3] == [
        ("high", "a sentence on a past cybersecurity incident added"),
        ("medium", "a sentence on a past cybersecurity incident added, going on from the one before"),
        ("medium", "a sentence on a past cybersecurity incident added, going on from the one before"),
    ], added
    assert c.judgement.top[0] == (
        "the statement on material incidents now excepts an incident (“Other than that incident”): it may have been "
        "material"
    )


def test_a_run_in_list_set_out_one_item_a_line_is_no_change() -> None:
    """A reader's form-only edit: "Our controls include: a; b; c; d; and e." set out as a lead-in and five bullets was
    one sentence removed and six added."""
    items = [
        "network segmentation",
        "privileged access management",
        "encrypted backups",
        "vendor security reviews",
        "quarterly phishing simulations",
    ]
    run_in = "Our controls include: " + "; ".join(items[:-1]) + "; and " + items[-1] + "."
    bulleted = "Our controls include:\n\n" + "\n".join(
        f"- {item}{';' if k < len(items) - 2 else '; and' if k == len(items) - 2 else '.'}"
        for k, item in enumerate(items)
    )
    tail = "\n\nThe Audit Committee oversees cybersecurity risk."
    c = compare(_loaded(run_in + tail), _loaded(bulleted + tail))
    assert [ch.kind for ch in c.changes if ch.kind in ("text_added", "text_removed", "text_changed")] == []
    # numbered as it runs in ("(i) ...; (ii) ..."), the list is the same (another reader's: one removed, six added, and
    # its last item's vendor program "removed", medium, in the verdict)
    numbered = "Our controls include: " + "; ".join(
        f"{'and ' if k == len(items) - 1 else ''}({roman}) {item}"
        for k, (roman, item) in enumerate(zip(["i", "ii", "iii", "iv", "v"], items))
    )
    c = compare(_loaded(numbered + "." + tail), _loaded(bulleted + tail))
    assert [ch.kind for ch in c.changes if ch.kind in ("text_added", "text_removed", "text_changed")] == []


def test_spelling_americanised_and_the_company_become_we_are_no_change() -> None:
    """Three readers' filers: "organisation" -> "organization", "The Group recognises ... its" -> "We recognise ... our",
    "the Company's systems" -> "our systems" were each a sentence reworded (one pair "substantially reorganised")."""
    british = (
        "The Company prioritises the protection of its data centres against intrusions. "
        "Our programme is reviewed by the Company's internal audit function each year. "
        "We monitor the behaviour of privileged users and of service accounts. "
        "The security team maintains a licence for the tools our organisation uses to scan for vulnerabilities."
    )
    american = (
        "We prioritize the protection of our data centers against intrusions. "
        "Our program is reviewed by our internal audit function each year. "
        "We monitor the behavior of privileged users and of service accounts. "
        "The security team maintains a license for the tools our organization uses to scan for vulnerabilities."
    )
    tail = " The Audit Committee oversees cybersecurity risk."
    assert _compared(british + tail, american + tail).changes == []
    assert _compared(american + tail, british + tail).changes == []
    # a word changed beside them is still a change; and "its" alone is not the filer ("the Committee ... its charter")
    assert _rewording(british, british.replace("prioritises", "no longer prioritises")).kind == "text_changed"
    charter = "The Audit Committee reviews {whose} charter each year."
    assert _rewording(charter.format(whose="its"), charter.format(whose="our")).kind == "text_changed"


def test_the_company_called_it_headings_and_a_list_run_in_by_it_are_no_change() -> None:
    """Readers' form-only edits of ELMD, AMZN, BOOT and HLI FY2025: "The Company has designed a program to help [-us-]{+it+}
    identify ...", "[-we collect, process, store, and transmit-]{+the Company collects, processes, stores and
    transmits+}", "nor [-are we-]{+is the Company+} aware", "the Security Committee of [-our-]{+its+} Board",
    "[-Cybersecurity -]Governance", "Cybersecurity Governance" -> "Governance of Cybersecurity", and a bulleted list run
    in as "(1) ...; (2) ..." by "the Company's" program were each a change (a verdict "routine", not "no substantive
    change")."""
    before = (
        "Risk Oversight and Cybersecurity Strategy\n\n"
        "The Company maintains an incident response plan to help us contain threats relevant to our operations. "
        "We store, encrypt and back up the records we hold. Nor are we aware of any incident that has materially "
        "affected us. Such risks are reviewed by the Risk Committee of our Board of Directors.\n\n"
        "Our security program includes:\n\n"
        "• quarterly vulnerability scans of all internet-facing systems;\n"
        "• annual penetration tests by an outside firm; and\n"
        "• monthly phishing exercises for employees in finance and human resources."
    )
    after = (
        "Strategy and Risk Oversight\n\n"
        "The Company maintains an incident response plan to help it contain threats relevant to its operations. "
        "The Company stores, encrypts and backs up the records it holds. Nor is the Company aware of any incident that "
        "has materially affected it. Such risks are reviewed by the Risk Committee of its Board of Directors.\n\n"
        "The Company's security programme includes: (1) quarterly vulnerability scans of all internet-facing systems; "
        "(2) annual penetration tests by an outside firm; and (3) monthly phishing exercises for employees in finance "
        "and human resources."
    )
    assert _compared(before, after).changes == []
    # an item changed while run in is still a change; and "its" of another, with no "the Company" beside it, stays one
    assert _compared(before, after.replace("annual penetration", "biennial penetration")).changes != []
    vendor = "Each vendor must protect {whose} data with encryption."
    assert _rewording(vendor.format(whose="our"), vendor.format(whose="its")).kind == "text_changed"


def test_a_committees_own_report_to_the_board_is_no_briefing_of_it() -> None:
    """A reader's planted text: "... at each of its quarterly meetings and reports to the full Board as appropriate",
    and, split off, "It reports to the full Board as appropriate.", were read as management briefing the board as
    needed."""
    from tracker.facts import extract_facts

    for text in (
        "The Audit Committee receives updates from management at each of its quarterly meetings and reports to the "
        "full Board as appropriate.",
        "The Audit Committee receives updates from management at each of its quarterly meetings. It reports to the "
        "full Board as appropriate.",
    ):
        values = [fv.value for fv in extract_facts(_loaded(text)).get("briefing_frequency", [])]
        assert values == ["quarterly"], (text, values)


def test_a_successors_certifications_are_told_beside_their_experience() -> None:
    """A reader's planted text: a new security lead with eight years and no certification replaced a VP with twenty
    years, a CISSP and a CISM; the change told the years only (Item 106(c)(2)(i): the expertise of those responsible)."""
    text = "Our security program is led by our {title}, who has {years} years of experience{certs}."
    before = text.format(
        title="Chief Information Security Officer",
        years="18",
        certs=" and holds the CISSP and CISA certifications",
    )
    after = text.format(title="Head of Security Operations", years="9", certs="")
    c = compare(_loaded(before), _loaded(after))
    (person,) = [ch for ch in c.changes if ch.fact == "people"]
    assert (person.severity, person.change) == ("high", "replaced")
    assert (person.summary or "").endswith(
        "; stated experience 18 years -> 9 years; certifications CISSP, CISA -> none stated"
    )


def test_one_of_several_responsible_no_longer_named_is_medium_as_one_added_is() -> None:
    """A reader's MA edit: of five officers named responsible, the COO, who chaired a committee dropped, was "[high] no
    longer described as responsible", while added back he was medium. With others responsible both years it is one of
    those responsible gone; the only one gone is still high."""
    ciso = "Our Chief Information Security Officer is responsible for our cybersecurity program."
    cto = "Our Chief Technology Officer is responsible for securing our product platform."
    c = compare(_loaded(f"{ciso} {cto}"), _loaded(ciso))
    (gone,) = [ch for ch in c.changes if ch.fact == "people"]
    assert (gone.change, gone.severity) == ("gone", "medium")
    c = compare(_loaded(ciso), _loaded(f"{ciso} {cto}"))
    assert [(ch.change, ch.severity) for ch in c.changes if ch.fact == "people"] == [("appointed", "medium")]
    c = compare(_loaded(ciso), _loaded("Our cybersecurity program is described below."))
    assert [(ch.change, ch.severity) for ch in c.changes if ch.fact == "people"] == [("gone", "high")]


def test_numbers_restyled_are_wording_and_a_headcount_changed_is_medium() -> None:
    """A reader's planted edits: "a team of [-five-]{+5+}" was "the calendar rolled forward", "[-24--]{+twenty-four
    +}hour" was "wording of substance", and "approximately [-40-]{+25+} security professionals" a low edit. Numbers
    restyled are form, no change at all (a later reader's "[-26 -]{+twenty-six +}" was a low rewording)."""
    text = "Our incident response team of {n} analysts monitors alerts on a {h} hour basis."
    c = _compared(text.format(n="seven", h="24-"), text.format(n="7", h="twenty-four"))
    assert c.changes == []
    assert c.judgement.significance == "no substantive change"
    reworded = _rewording(text.format(n="seven", h="24-"), text.format(n="twelve", h="24-"))
    assert (reworded.severity, reworded.why) == (
        "medium",
        "the number of people stated changed: “7” became “12”",
    )
    # figures of the threat landscape change every year: no count of people
    stats = "Our security operations center processed {n} million events per day."
    c = _compared(stats.format(n="310"), stats.format(n="455"))
    assert [ch.severity for ch in c.changes if ch.kind == "text_changed"] == ["low"]


def test_the_same_retitling_is_told_once_and_a_committee_named_short_is_that_committee() -> None:
    """A reader's planted texts: CISO -> "Chief Information Security and Privacy Officer" led the verdict twice (the
    title, and a VP's line to that officer); "the Steering Committee", after the "Cybersecurity Steering Committee",
    was a second committee, so dropping it was told twice; and a board committee renamed was said to have its
    "remit widened or narrowed" where its name only gained a word."""
    text = (
        "Our {ciso} leads our cybersecurity program. Our Director of Application Security, who manages the security "
        "of our products, reports to the {ciso}. The {board} of the Board oversees cybersecurity."
    )
    c = _compared(
        text.format(ciso="Chief Information Security Officer", board="Risk Committee"),
        text.format(
            ciso="Chief Information Security and Resilience Officer", board="Risk and Resilience Committee"
        ),
    )
    facts = [(ch.fact, ch.change) for ch in c.changes if ch.kind.startswith("fact_")]
    assert ("reports_to", "retitled") not in facts and ("responsible_titles", "retitled") in facts, facts
    (board,) = [ch for ch in c.changes if ch.fact == "board_oversight"]
    assert board.why == "the committee overseeing cybersecurity was renamed: its name now adds “resilience”"
    steering = (
        "Our CISO chairs our Information Security Operating Committee, which includes the CIO and the General Counsel. "
        "The Operating Committee meets monthly to review cybersecurity risks."
    )
    c = _compared(steering, "Our CISO leads our cybersecurity program.")
    gone = [ch.summary for ch in c.changes if ch.fact == "management_committees"]
    assert gone == ["management committee no longer named: information security operating committee"], gone


def test_a_process_overseeing_suppliers_removed_is_medium_and_a_dotted_line_is_no_responsibility() -> None:
    """A reader's planted texts: a vendor risk program's sentence dropped was "Routine", the third-party flag still read
    from a passing mention of managed service providers; and a CTO the VP had "a dotted-line relationship to" was read
    as responsible, and as reporting to the CISO."""
    lead = "We rely on managed service providers for parts of our network monitoring."
    program = (
        "Our supplier security program assesses the cybersecurity risks of each new vendor through questionnaires "
        "and contract reviews before onboarding."
    )
    c = _compared(f"{lead} {program}", lead)
    assert _ranks(c, "text_removed") == [
        ("medium", "a sentence on overseeing risks from third-party service providers removed")
    ]
    assert c.judgement.significance == "notable"
    # a supplier named beside a risk is no process overseeing suppliers
    risk = "Risks we face include our software supply chain and open-source dependencies."
    c = _compared(f"{lead} {risk}", lead)
    assert [ch.severity for ch in c.changes if ch.kind == "text_removed"] == ["low"]
    text = (
        "Our Head of Cloud Security, who reports to the CISO and has a dotted-line relationship to our Chief Product "
        "Officer, is responsible for the security of our hosted services."
    )
    from tracker.facts import extract_facts

    facts = extract_facts(_loaded(text))
    assert [fv.value for fv in facts["responsible_titles"]] == ["Head of Cloud Security"]


def test_a_prefix_said_before_a_defined_acronym_is_not_said_twice() -> None:
    """A reader's 20-F: "our Group Chief Information Security Officer (CISO)", then "our Group CISO", was the "Group
    Group Chief Information Security Officer" in the verdict and in every list."""
    from tracker.facts import extract_facts

    text = (
        "The Audit Committee receives reports from our Global Chief Information Security Officer (CISO). "
        "Our cybersecurity program is led by our Global CISO, who has over 15 years of experience."
    )
    facts = extract_facts(_loaded(text))
    assert {fv.value for fv in facts["responsible_titles"]} == {"Global Chief Information Security Officer"}


def test_the_forward_looking_half_of_the_statement_dropped_is_high() -> None:
    """A reader's 20-F and small company: "... that have materially affected [-or are reasonably likely to materially
    affect-] us" was "reworded; it says the same" (low), or only "no longer covers “previous”"."""
    text = "To date, no risks from cybersecurity threats have materially affected{more} our operations or finances."
    reworded = _rewording(
        text.format(more=" or are reasonably likely to materially affect"), text.format(more="")
    )
    assert (reworded.severity, reworded.why) == (
        "high",
        "the statement on material incidents no longer says whether cyber risks are reasonably likely to materially "
        "affect the company",
    )
    c = _compared(text.format(more=""), text.format(more=" or are reasonably likely to materially affect"))
    assert [ch.severity for ch in c.changes if ch.kind == "text_changed"] == ["medium"]


def test_a_hedge_dropped_from_one_half_of_the_statement_is_medium() -> None:
    """A reader's chip maker: "[-To our knowledge, we-]{+We+} have not experienced any cybersecurity incident, and we
    are not aware of any risks ... that have materially affected ..." was low wording: the other half's "not aware"
    kept the statement's strength (its firmest clause's), though the incidents half is now made flatly."""
    text = (
        "{hedge} suffered no cybersecurity breach, and we are not aware of any cybersecurity threat, that has "
        "materially affected or is reasonably likely to materially affect our business strategy."
    )
    hedged, flat = text.format(hedge="To the best of our knowledge, we have"), text.format(hedge="We have")
    assert _rewording(hedged, flat).why == (
        "“To the best of our knowledge” dropped: part of the statement on material incidents is now made more firmly"
    )
    assert _rewording(flat, hedged).severity == "medium"
    assert _rewording(flat, hedged).why.endswith("is now hedged further")
    # one hedge for another of its kind says the same
    aware = text.format(hedge="To the best of our knowledge, we have")
    assert _rewording(
        aware, aware.replace("To the best of our knowledge, ", "As far as we are aware, ")
    ).why == ("the statement on material incidents was reworded; it says the same")


def test_an_incident_that_materially_affected_us_with_a_word_of_the_future_after_is_a_material_effect() -> (
    None
):
    """A reader's software company: "The incident has materially affected our results of operations for the fiscal
    year ..., and it is reasonably likely to continue to affect our results" was read as no statement at all, and the
    change as the statement "dropped": the words of the future after what has happened hid it."""
    from tracker.facts import extract_facts

    text = (
        "We detected a ransomware intrusion in our billing systems in March 2025. This breach has materially and "
        "adversely affected our financial condition, and it could continue to affect our margins in future quarters."
    )
    (statement,) = extract_facts(_loaded(text))["material_incident_statement"]
    assert statement.value == "affected"
    # a word of the future before it is still no statement that it did
    text = "If a cybersecurity breach has materially affected our systems, we would notify our customers."
    assert [fv.value for fv in extract_facts(_loaded(text))["material_incident_statement"]] == ["absent"]


def test_a_statement_dropped_for_one_incidents_says_what_is_left() -> None:
    """A reader's drug maker: "Risks from cybersecurity threats ... have not materially affected ... us" gave way to
    "Although this incident has not materially affected us to date, ..., risks ... could materially affect us"; the
    tool said the statement was "dropped", and the reader found it still there, of the incident alone."""
    lead = "Our Chief Information Security Officer leads our program."
    before = f"{lead} No cybersecurity threat or incident has materially affected our business or financial condition."
    after = (
        f"{lead} In April 2025, a distributor that ships our products suffered a ransomware attack. While this attack "
        "did not materially affect us as of the date of this report, similar attacks could materially affect us."
    )
    (dropped,) = [ch for ch in _compared(before, after).changes if ch.fact == "material_incident_statement"]
    assert (dropped.severity, dropped.summary) == (
        "high",
        "the statement that cybersecurity threats have not materially affected the company was dropped; it now says "
        "only that one incident has not (“this attack did not materially affect us as of the date of this report”)",
    )


def test_an_interim_officer_defined_with_its_acronym_is_not_interim_twice() -> None:
    """A reader's drug maker: "our interim Chief Information Security Officer ("CISO")", then "The interim CISO", was
    the "Interim Interim Chief Information Security Officer", a second person responsible."""
    from tracker.facts import extract_facts

    text = (
        'Our Director of IT, who serves as our interim Chief Information Security Officer ("CISO"), leads the program. '
        "The interim CISO reports to our Chief Financial Officer."
    )
    titles = {fv.value for fv in extract_facts(_loaded(text))["responsible_titles"]}
    assert "Interim Interim Chief Information Security Officer" not in titles
    assert "Interim Chief Information Security Officer" in titles


def test_an_escalation_rewritten_past_a_rewording_says_who_is_now_told() -> None:
    """A reader's software company: "our CISO informs the Chief Technology Officer of security incidents that affect
    production systems" removed, "... informs the Chief Executive Officer, the General Counsel and our Disclosure
    Committee within 24 hours of any security incident that involves ... customer data" added: nothing said who is
    now told of incidents."""
    lead = "Our incident response plan sets out roles and responsibilities for responding to cybersecurity threats."
    before = (
        f"{lead} Security analysts notify the Vice President of Infrastructure of incidents affecting our data centers, "
        "who decides on next steps."
    )
    after = (
        f"{lead} Within one business day, our Chief Information Security Officer alerts the Chief Operating Officer and "
        "the Chief Legal Officer to any incident involving personal information."
    )
    c = _compared(before, after)
    assert _ranks(c, "text_added") == [
        (
            "medium",
            "who is told of incidents changed: the Vice President of Infrastructure -> the Chief Information Security "
            "Officer, the Chief Legal Officer and the Chief Operating Officer; a time to tell of incidents is now set",
        )
    ]  # ("Within one business day": the time set is said after who is told)
    assert _ranks(c, "text_removed") == [
        ("low", "how incidents are escalated is told anew in a sentence added (see there)")
    ]


def test_a_sentence_on_directors_cybersecurity_expertise_added_or_removed_is_medium() -> None:
    """Three readers' filers: a director with cybersecurity experience joining the committee that oversees it, or two
    members' experience no longer told, was low wording. An officer titled Director is no director."""
    lead = "The Risk Committee of our Board oversees cybersecurity risk."
    for told in (
        "Three of our directors have professional backgrounds in information security.",
        "In 2025 the Board elected Maria Chen, who spent a decade leading cyber defense at a federal agency, and she "
        "brings cybersecurity expertise to the Risk Committee.",
    ):
        assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
            ("medium", "a sentence on directors' cybersecurity expertise added")
        ], told
        assert _ranks(_compared(f"{lead} {told}", lead), "text_removed") == [
            ("medium", "a sentence on directors' cybersecurity expertise removed")
        ], told
    officer = "Our Director of Security Operations has 12 years of experience in cybersecurity."
    assert "directors'" not in str(_ranks(_compared(lead, f"{lead} {officer}"), "text_added"))


def test_a_ciso_named_with_an_apostrophe_replaced_and_a_rank_beside_a_title() -> None:
    """A reader's bank: its CISO "Michael O'Brien" was no name, so his successor was only "possibly a different person",
    with "in the role since: 2017 -> 2020" (2020 the Chief Risk Officer's year); and "the Senior Executive Vice
    President and Chief Risk Officer, Laura Chen" was "now also the Senior Executive Vice President", high, first."""
    lead = "The Chief Risk Officer, {cro}, chairs our Cyber Risk Council. Ms. Chen has served in that role since 2019."
    before = f"{lead} Our Chief Information Security Officer, Sean D'Arcy, has led the program since 2016."
    after = f"{lead} Our Chief Information Security Officer, Priya Natarajan, was appointed in 2025."
    c = _compared(before.format(cro="Laura Chen"), after.format(cro="Laura Chen"))
    (person,) = [ch for ch in c.changes if ch.fact == "people"]
    assert (
        person.summary
        == "the Chief Information Security Officer was replaced: Sean D'Arcy -> Priya Natarajan"
    )
    assert not [d for d in person.details if "2016" in d and "2019" in d]
    c = _compared(
        before.format(cro="Laura Chen"),
        before.format(cro="Laura Chen").replace("The Chief Risk", "The EVP and Chief Risk"),
    )
    assert [(ch.severity, ch.summary) for ch in c.changes if ch.kind.startswith("fact_")] == [
        ("low", "Laura Chen is now also titled the Executive Vice President")
    ]


def test_a_test_no_longer_done_a_slower_escalation_and_oversight_moved_to_the_full_board() -> None:
    """A reader's biotech: "We [-engage-]{+no longer engage+} an outside firm to perform penetration testing[- once a
    year-]; instead, our internal team performs vulnerability scans ... each quarter" was "(more often)"; "Ms. Marsh
    [-promptly -]informs the Chair of the Audit Committee ... {+at the Audit Committee's next regularly scheduled
    meeting+}" was the board "now briefed regularly"; and oversight that went from the Audit Committee to the full
    Board was "oversight by the audit committee no longer stated"."""
    text = "We retain an outside firm to run red-team exercises against our network {how}."
    reworded = _rewording(
        text.format(how="each year"), text.format(how="each year").replace("We retain", "We no longer retain")
    )
    assert (reworded.severity, reworded.why) == (
        "medium",
        "“no longer” added: the sentence now says something is no longer done",
    )
    told = "Our CFO {when}notifies the Risk Committee chair of any incident that may be material{later}."
    c = _compared(
        told.format(when="immediately ", later=""),
        told.format(when="", later=" at the committee's next scheduled meeting"),
    )
    assert [ch.fact for ch in c.changes if ch.kind.startswith("fact_")] == []
    (reworded,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert reworded.severity == "medium"
    assert reworded.why.startswith("“immediately”")
    board = (
        "Our Chief Information Security Officer leads the program. {who} The CISO briefs {whom} twice a year."
    )
    c = _compared(
        board.format(
            who="The Board has delegated oversight of cybersecurity to its Risk Committee.",
            whom="the Risk Committee",
        ),
        board.format(who="The full Board oversees cybersecurity risk directly.", whom="the Board"),
    )
    (moved,) = [ch for ch in c.changes if ch.fact == "board_oversight"]
    assert (moved.severity, moved.summary) == (
        "high",
        "oversight moved from the risk committee to the full board of directors",
    )


def test_the_statement_no_longer_covering_business_strategy_is_medium() -> None:
    """A reader's bank: "... not reasonably likely to materially affect, the Corporation[-, including its business
    strategy, -]{+'s +}results of operations or financial condition" was "reworded; it says the same"."""
    text = (
        "Cybersecurity threats have not materially affected, and are not reasonably likely to materially affect, us, "
        "including our {what}."
    )
    reworded = _rewording(
        text.format(what="business strategy, results of operations or financial condition"),
        text.format(what="results of operations or financial condition"),
    )
    assert (reworded.severity, reworded.why) == (
        "medium",
        "the statement on material incidents no longer covers “business strategy”",
    )


def test_an_incident_carved_out_as_not_material_is_no_material_effect() -> None:
    """A reader's insurer: "Other than the Midland incident described above, which did not have a material effect on our
    results of operations or financial condition, we are not aware of any cybersecurity incidents that have materially
    affected us" led the verdict as "the company now says it has been materially affected"; and the third-party
    administrator's ransomware attack was no incident told."""
    from tracker.facts import extract_facts

    for carve, said in ((", which was not material to us", "none"), ("", "affected")):
        text = (
            f"Except for the Harbor Payroll breach described above{carve}, we have not identified any cybersecurity "
            "incident that has materially affected our business."
        )
        (statement,) = extract_facts(_loaded(text))["material_incident_statement"]
        assert statement.value == said, carve
    # (a comma inside the closing quote of the heading cited, straight or curly: an unseen reader's retailer, read as
    # no carve-out at all, "it says the same")
    for quoted in ('"Recent Security Event,"', "\u201cRecent Security Event,\u201d"):
        text = (
            f"Other than as discussed under {quoted} we are not aware of any cybersecurity incident that has "
            "materially affected our business."
        )
        (statement,) = extract_facts(_loaded(text))["material_incident_statement"]
        assert statement.value == "affected", quoted
    lead = "Our Chief Information Security Officer leads our program."
    told = (
        "In March 2025, Coastal Benefits Group, a third-party administrator that handles enrollment for several of our "
        "employee plans, suffered a ransomware attack."
    )
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("high", "a sentence on a past cybersecurity incident added")
    ]


def test_a_surname_written_first_and_a_directors_certification() -> None:
    """A reader's 20-F: "Mr. Tan Wei Ming" then "Mr. Tan" were two people responsible, and his successor's arrival
    two highs; a reader's insurer: a director's CISSP ("One member of the Audit Committee, Ms. Carol Jennings, ...
    holds the CISSP certification") removed was "no longer says CISSP was held before", or a change of the person
    responsible."""
    from tracker.facts import extract_facts

    text = (
        "Our Chief Information Security Officer, Mr. Goh Kian Huat, leads the program. Mr. Goh also heads our IT "
        "department and reports to our Chief Executive Officer."
    )
    people = [fv.value for fv in extract_facts(_loaded(text))["people"]]
    assert [p["name"] for p in people if p["name"]] == ["Goh Kian Huat"]
    lead = "Our Chief Information Security Officer leads our program. The Audit Committee oversees cybersecurity."
    director = "One member of the Audit Committee, Mr. Paul Reyes, previously led information security audits and holds the CISA certification."
    c = _compared(f"{lead} {director}", lead)
    # (the director gone is a change of people, not of certifications nor of the one responsible)
    assert [(ch.fact, ch.severity, ch.summary) for ch in c.changes if ch.kind.startswith("fact_")] == [
        ("people", "medium", "a director is no longer described for cybersecurity expertise: Paul Reyes")
    ]
    # an officer who sat on another board is no director of this one (ABBV FY2024's CISO)
    officer = "Our CISO leads the program. He has also served on an industry group's board of directors and is a CISSP."
    assert [fv.value for fv in extract_facts(_loaded(officer))["certifications"]] == ["CISSP"]


def test_more_changes_of_form_are_no_change() -> None:
    """A reader's form-only edits of real filings: "[-26 -]{+twenty-six +}", "[-and -]{+& +}Strategy", "[-We implement
    our -]{+The Company implements its +}", "[-We also apply-]{+The Company also applies+}", "monitor" -> "monitors"
    after "We" -> "The Company", "and{+ •+}", each a low rewording; and bullets run in, their words now the Company's,
    a vendor program "removed", medium."""
    before = (
        "We implement our controls through 26 standards, and we also apply them to our vendors. We monitor threats "
        "around the clock."
    )
    after = (
        "The Company implements its controls through twenty-six standards, & the Company also applies them to its "
        "vendors. The Company monitors threats around the clock."
    )
    assert _compared(before, after).changes == []
    bullets = (
        "Our program includes:\n\n- a security operations center staffed at all times;\n- a vendor risk management "
        "process for suppliers that access our systems.\n\nThe Audit Committee oversees cybersecurity."
    )
    run_in = (
        "The Company's program includes a security operations center staffed at all times and a vendor risk "
        "management process for suppliers that access its systems.\n\nThe Audit Committee oversees cybersecurity."
    )
    c = _compared(bullets, run_in)
    assert [ch.severity for ch in c.changes if ch.kind.startswith("text_")] == ["low"] * len(
        [ch for ch in c.changes if ch.kind.startswith("text_")]
    )


def test_a_period_changed_beside_a_fact_is_said_and_the_cyber_trust_mark_is_a_framework() -> None:
    """A reader's 20-F: "penetration testing ... [-annually-]{+every two years+} and to assess the maturity of our
    [-program against the NIST CSF-]..." said only "the standards the program follows changed"; its "Cyber Trust mark"
    added was no framework."""
    text = "An outside firm tests our defenses {pace} and assesses our program against {what}."
    reworded = _rewording(
        text.format(pace="annually", what="the NIST Cybersecurity Framework"),
        text.format(pace="every two years", what="our internal standards"),
    )
    assert reworded.severity == "medium"
    assert reworded.why.endswith(
        "“annually” became “every two years”: how often something is done changed (less often)"
    )
    from tracker.facts import extract_facts

    frameworks = extract_facts(_loaded("Our program is certified under the Cyber Trust mark."))["frameworks"]
    assert [fv.value for fv in frameworks] == ["Cyber Trust mark"]


def test_an_incident_dated_by_its_quarter_and_a_list_numbered_with_its_board() -> None:
    """A reader's utility: "In the third quarter of the year, an unauthorized party used a phishing email ... and
    accessed that employee's corporate email account" was three low sentences added, the verdict routine; a reader's
    form-only edit of AMZN FY2025: "the Audit Committee and its Board of Directors" was the board no longer overseeing,
    medium, and a sentence set out as numbered items a vendor process "removed", medium."""
    lead = "Our Chief Information Security Officer leads our program."
    told = "During the second quarter, an unauthorized actor gained access to a billing server through a stolen password."
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("high", "a sentence on a past cybersecurity incident added")
    ]
    from tracker.facts import extract_facts

    text = "Our cyber risks are reviewed by the Risk Committee and its Board of Directors."
    assert {fv.value for fv in extract_facts(_loaded(text))["board_oversight"]} >= {"board of directors"}
    run_in = (
        "We oversee risks from third-party service providers through due diligence, contractual security terms and "
        "annual reassessments of vendors with access to our data."
    )
    numbered = (
        "We oversee risks from third-party service providers through:\n\n1. due diligence;\n2. contractual security "
        "terms; and\n3. annual reassessments of vendors with access to our data."
    )
    tail = "\n\nThe Audit Committee oversees cybersecurity risk."
    c = _compared(run_in + tail, numbered + tail)
    assert [ch.severity for ch in c.changes if ch.kind.startswith("text_")] == ["low"] * len(
        [ch for ch in c.changes if ch.kind.startswith("text_")]
    )


def test_a_statement_of_such_an_effect_reads_the_effect_named_before_it() -> None:
    """A reader's utility: "We face risks from cybersecurity threats that, if realized, are reasonably likely to
    materially affect us ... To date, we do not believe that any cybersecurity incident has had such an effect." was no
    statement, and the reworded statement "dropped", high."""
    from tracker.facts import extract_facts

    text = (
        "Risks from cybersecurity threats could materially affect our operations and financial condition. So far, no "
        "cybersecurity incident has had such an impact on us."
    )
    (statement,) = extract_facts(_loaded(text))["material_incident_statement"]
    assert statement.value == "none"
    before = "We have not identified any cybersecurity incident that has materially affected us or is reasonably likely to."
    changed = [
        ch for ch in _compared(before, text).changes if ch.fact and ch.fact.startswith("material_incident")
    ]
    assert changed == []  # (the same statement, as firmly made: not "dropped")


def test_a_team_managed_by_a_person_named_before_the_title() -> None:
    """A reader's planted successor in BOOT FY2025: "The INFOSEC team is managed by Jane Ortega, our Chief Information
    Security Officer, who reports to our Chief Financial Officer" named no one responsible, and its reporting line read
    as gone ("no longer says the person responsible reports to the Chief Financial Officer")."""
    from tracker.facts import extract_facts

    text = (
        "Our cybersecurity team is managed by Amara Osei, our Vice President of Technology Risk, who reports to our "
        "Chief Operating Officer."
    )
    facts = extract_facts(_loaded(text))
    assert [fv.value for fv in facts["responsible_titles"]] == ["Vice President of Technology Risk"]
    assert [fv.value for fv in facts["reports_to"]] == ["Chief Operating Officer"]


def test_years_said_as_a_floor_in_other_words_are_no_change() -> None:
    """A reader's form-only edit of ELMD FY2025: "a combined 30+ years of experience" -> "a combined more than thirty
    years of experience" was "at least 30 years -> more than 30 years", medium."""
    text = "Our Chief Information Security Officer has {years} of experience in information security."
    c = _compared(text.format(years="15+ years"), text.format(years="over fifteen years"))
    assert [ch for ch in c.changes if ch.fact == "experience_years"] == []
    c = _compared(text.format(years="15+ years"), text.format(years="about fifteen years"))
    assert [ch.fact for ch in c.changes if ch.kind.startswith("fact_")] == ["experience_years"]


def test_a_contract_manufacturers_incident_is_told() -> None:
    """A reader's drug maker: "In February 2024, a contract manufacturing organization that produces one of our
    commercial products experienced a ransomware attack" added was low wording, the verdict routine."""
    lead = "Our Chief Information Security Officer leads our program."
    told = "In June 2025, a contract manufacturer that packages two of our products suffered a ransomware attack."
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("high", "a sentence on a past cybersecurity incident added")
    ]


def test_a_vendors_incident_and_what_followed_it_are_told_and_lead_the_people() -> None:
    """A reader's insurer: "a ... vendor ... experienced a ransomware attack that resulted in unauthorized access to
    personal information", then "The Company notified affected individuals and applicable regulators", were low
    wording; and a newly told incident stood after a people change in the verdict."""
    lead = "Our Chief Information Security Officer leads our program."
    told = (
        "In May 2025, a payroll processor we use suffered a ransomware attack that resulted in the exfiltration of "
        "employee tax records. We notified affected employees and the relevant state attorneys general."
    )
    c = compare(_loaded(lead), _loaded(f"Our Chief Technology Officer leads our program. {told}"))
    added = _ranks(c, "text_added")
    assert added == [
        ("high", "a sentence on a past cybersecurity incident added"),
        ("medium", "a sentence on a past cybersecurity incident added, going on from the one before"),
    ]
    assert c.judgement.top[0].startswith("a sentence on a past cybersecurity incident added")


def test_money_stated_and_management_briefed_and_nist_defined_read_as_a_lawyer_would() -> None:
    """A reader's texts: cyber insurance limits cut from $5 million to $2 million were a low edit; the CISO's monthly
    reports to "the Enterprise Risk Committee, a management committee" were the board briefed monthly;
    'the National Institute of Standards and Technology ("NIST") Cybersecurity Framework' was NIST "named only in
    general"; and vendors' SOC 2 reports reviewed were a framework the filer follows."""
    from tracker.facts import extract_facts

    cover = "Our cyber insurance policy provides coverage of up to ${n} million per claim."
    reworded = _rewording(cover.format(n="20"), cover.format(n="12.5"))
    assert (reworded.severity, reworded.why) == (
        "medium",
        "an amount of money stated changed: “$20 million” became “$12.5 million”",
    )
    text = (
        "Our CISO gives the Operational Risk Committee, a management committee chaired by our CFO, monthly reports on "
        "cybersecurity risk. The Audit Committee of the Board receives quarterly reports from our CISO. We follow "
        "the National Institute of Standards and Technology (\u201cNIST\u201d) Cybersecurity Framework. We review "
        "our critical suppliers through questionnaires and, where available, their SOC 2 reports."
    )
    facts = extract_facts(_loaded(text))
    assert [fv.value for fv in facts["briefing_frequency"]] == ["quarterly"]
    assert [fv.value for fv in facts["frameworks"]] == ["NIST CSF"]


def test_a_retitled_officer_by_a_new_acronym_is_not_an_officer_dropped_nor_anothers_wording() -> None:
    """A reader's device maker: the CISO became the "Chief Information Security and Privacy Officer ("CISPO")", and
    every sentence saying "Our [-CISO-]{+CISPO+} reports to ..." was "the sentence no longer names the Chief
    Information Security Officer"; a new council chaired by another officer responsible carried the retitling."""
    escalated = "Serious incidents go to a team of the {officer}, the Chief Operating Officer and the Chief Legal Officer."
    old = (
        'Our Chief Information Security Officer ("CISO") leads our program. '
        + escalated.format(officer="CISO")
        + " Our Director of Cloud Security is responsible for securing our hosted platform."
    )
    new = (
        'Our Chief Information Security and Digital Officer ("CISDO") leads our program. '
        + escalated.format(officer="CISDO")
        + " Our Director of Cloud Security is responsible for securing our hosted platform. In 2025 we formed a "
        "Cloud Security Council, chaired by our Director of Cloud Security."
    )
    c = compare(_loaded(old), _loaded(new))
    whys = [ch.why or "" for ch in c.changes if ch.kind.startswith("text_")]
    assert not [w for w in whys if "no longer names" in w], whys
    (council,) = [ch for ch in c.changes if ch.kind == "text_added"]
    assert "adds a remit" not in (council.why or ""), council.why


def test_a_vciso_is_an_outside_providers_ciso_and_one_replaced_by_an_employee_says_so() -> None:
    """A reader's small reporting company: "The vCISO assigned to us by Redwood Risk Advisors has more than 15 years of
    experience ... and holds the CISSP" was no person at all, so a newly hired Director of IT Security, who took over,
    was only "now responsible", and the vCISO's years and CISSP went unsaid."""
    before = (
        "Our Controller oversees cybersecurity with the support of a managed security provider. The vCISO provided by "
        "Harbor Cyber Partners has over 12 years of experience in information security and holds the CISM."
    )
    after = (
        "In 2025 we hired a Head of Information Security, who leads our cybersecurity program and has over 9 years "
        "of experience in security operations."
    )
    c = compare(_loaded(before), _loaded(after))
    replaced = [ch.summary or "" for ch in c.changes if ch.fact == "people" and ch.change == "replaced"]
    assert len(replaced) == 1 and "Virtual Chief Information Security Officer" in replaced[0], replaced
    assert replaced[0].endswith(
        "; stated experience over 12 years -> over 9 years; certifications CISM -> none stated; "
        "the role is no longer said to be held by an outside provider"
    ), replaced


def test_incidents_told_with_a_hedge_after_them_or_of_a_supplier_are_incidents() -> None:
    """A fourth reader's planted texts: "In fiscal 2023, we identified unauthorized access to systems operated by a ...
    provider, which resulted in the potential exposure of payment card information" dropped was three low sentences
    (the "potential" after the event read as a hedge); "In August 2025, a provider of ... software that we use
    experienced a ransomware attack; we ... did not identify any exfiltration" was a low added sentence."""
    lead = "We maintain an incident response plan."
    told = (
        "In March 2024, we discovered an intrusion into a warehouse management system, which could have exposed "
        "shipment records of some customers."
    )
    c = _compared(f"{lead} {told}", lead)
    assert _ranks(c, "text_removed") == [("medium", "a sentence on a past cybersecurity incident removed")]
    supplier = (
        "In June 2025, a logistics partner that hosts our shipment data suffered a ransomware attack; we found no "
        "evidence that our data was accessed."
    )
    c = _compared(lead, f"{lead} {supplier}")
    assert _ranks(c, "text_added") == [("high", "a sentence on a past cybersecurity incident added")]
    # others' incidents, and a denial before the event, are none
    for other in (
        "Many retailers experienced ransomware attacks in 2024.",
        "In 2024, we did not identify any intrusion into our systems.",
    ):
        c = _compared(lead, f"{lead} {other}")
        assert [ch.severity for ch in c.changes if ch.kind == "text_added"] == ["low"], other


def test_one_period_for_another_is_medium_and_most_recently_is_no_acquisition() -> None:
    """A fourth reader's hospital operator: tabletop exercises "[-semi-]annually", beside penetration tests "annually"
    in the same sentence, was no substantive change; and "(most recently completed on October 15, 2024)" set out as its
    own sentence was "“recently” dropped: which acquired businesses the program covers changed", in the verdict."""
    text = "We scan our network {scan}, and we test our backups {backups} with outside facilitators."
    c = _compared(
        text.format(scan="weekly", backups="quarterly"), text.format(scan="weekly", backups="annually")
    )
    (reworded,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert (reworded.severity, reworded.why) == (
        "medium",
        "“quarterly” became “annually”: how often something is done changed (less often)",
    )
    # a word of frequency added or dropped alone stays low, as before
    c = _compared(text.format(scan="weekly", backups=""), text.format(scan="weekly", backups="annually"))
    assert [ch.severity for ch in c.changes if ch.kind == "text_changed"] == ["low"]
    review = "Our last review of access rights {when}."
    c = _compared(
        review.format(when="(most recently completed in May 2024) found no gaps"),
        review.format(when="found no gaps"),
    )
    assert [ch.why for ch in c.changes if "acquired" in (ch.why or "")] == []


def test_a_count_of_times_a_year_is_a_period() -> None:
    """A fourth reader's hospital operator: "The committee meets [-quarterly-]{+six times a year+}" was "“quarterly”
    became “six” in a sentence stating how often the board is briefed"; a count of times a year is a period, said
    whole, and more or less often than another. A briefing every other month is a fact read, as a quarterly one is."""
    text = "Our privacy council convenes {pace}, and the CISO reports to the Risk Committee quarterly."
    reworded = _rewording(text.format(pace="twice a year"), text.format(pace="eight times a year"))
    assert (reworded.severity, reworded.why) == (
        "medium",
        "“twice a year” became “eight times a year”: how often something is done changed (more often)",
    )
    briefed = "Our Chief Information Security Officer updates the Risk Committee {pace} on cyber risks."
    c = _compared(briefed.format(pace="every two months"), briefed.format(pace="quarterly"))
    (fact,) = [ch for ch in c.changes if ch.fact == "briefing_frequency"]
    assert (
        fact.summary == "the risk committee is now briefed quarterly instead of six times a year (less often)"
    )


def test_every_two_years_is_a_period_and_a_period_made_vague_is_medium() -> None:
    """Readers' 20-F and retailer: an incident response plan tested "at least [-annually-]{+every two years+}" was low,
    the verdict routine; tabletop exercises "at least twice a year" that became "periodically" were low too."""
    text = "We rehearse our disaster recovery plan with outside facilitators {pace}."
    reworded = _rewording(text.format(pace="each year"), text.format(pace="every other year"))
    assert (reworded.severity, reworded.why) == (
        "medium",
        "“each year” became “every other year”: how often something is done changed (less often)",
    )
    reworded = _rewording(text.format(pace="semi-annually"), text.format(pace="from time to time"))
    assert (reworded.severity, reworded.why) == (
        "medium",
        "“semi-annually” became “from time to time”: how often something is done changed (no longer a stated period)",
    )
    assert _rewording(text.format(pace="regularly"), text.format(pace="quarterly")).why.endswith(
        "(now a stated period)"
    )


def test_a_bulleted_list_numbered_is_no_change() -> None:
    """A fourth reader's retailer: five bullets numbered "1." to "5." were six changes (the last three items read as one
    sentence), which hid a penetration test's cut from quarterly to annual."""
    items = [
        "multi-factor authentication for remote access;",
        "encryption of data at rest and in transit;",
        "security monitoring by a managed detection and response provider around the clock;",
        "penetration testing by an outside firm on a {pace} basis; and",
        "an incident response plan exercised at least annually.",
    ]
    head = "Item 1C. Cybersecurity\n\nOur program includes:\n"
    tail = "\n\nThe Audit Committee oversees cybersecurity risk."
    bulleted = head + "\n".join(f"- {i.format(pace='quarterly')}" for i in items) + tail
    numbered = head + "\n".join(f"{k}. {i.format(pace='quarterly')}" for k, i in enumerate(items, 1)) + tail
    from tracker.pipeline.load import load_bytes

    c = compare(load_bytes(bulleted.encode()), load_bytes(numbered.encode()))
    assert c.changes == []
    cut = head + "\n".join(f"{k}. {i.format(pace='annual')}" for k, i in enumerate(items, 1)) + tail
    c = compare(load_bytes(bulleted.encode()), load_bytes(cut.encode()))
    assert [(ch.kind, ch.severity) for ch in c.changes] == [("text_changed", "medium")]


def test_a_certification_now_only_pursued_is_medium() -> None:
    """A fourth reader's hospital operator: "have achieved HITRUST r2 certification" -> "We are pursuing HITRUST
    certification" was a low rewording, the framework still "stated alike"."""
    held = "Our payment systems have obtained PCI DSS certification from a qualified assessor."
    sought = "We are working toward PCI DSS certification from a qualified assessor for our payment systems."
    reworded = _rewording(held, sought)
    assert (reworded.severity, reworded.why) == (
        "medium",
        "“obtained” became “working toward”: whether a certification is held or only pursued changed",
    )
    assert _rewording(sought, held).severity == "medium"
    # holding it in other words is no change of status
    assert _rewording(held, held.replace("have obtained", "hold")).severity == "low"


def test_an_officer_newly_named_beside_those_responsible_is_a_change_of_people() -> None:
    """A reader's utility: "Our Chief Digital Officer, Priya Natarajan, who joined the Company during the year ...,
    works with the Chief Information Security Officer on the security of new digital platforms" was one low sentence
    added, the verdict routine."""
    lead = "Our Chief Information Security Officer, Maria Gomez, leads our information security team."
    joined = (
        "Our Vice President of Infrastructure, Thomas Baker, supports Ms. Gomez in hardening our cloud environments "
        "against cyber attacks."
    )
    c = _compared(lead, f"{lead} {joined}")
    people = _said(c, "people")
    assert people == [
        (
            "medium",
            "newly described in the cybersecurity work, not as responsible: Thomas Baker (Vice President of "
            "Infrastructure)",
        )
    ]
    assert c.judgement.significance == "notable"
    gone = [
        (ch.severity, ch.summary) for ch in _compared(f"{lead} {joined}", lead).changes if ch.fact == "people"
    ]
    assert gone == [
        (
            "low",
            "Thomas Baker (Vice President of Infrastructure) is no longer described in the cybersecurity work",
        )
    ]


def test_a_director_described_for_expertise_is_a_director_not_an_officer() -> None:
    """Readers' banks: "One of our directors, Dr. Rajiv Menon, previously served as Chief Information Officer of ...,
    and we believe he brings cybersecurity expertise to the Board" was a sentence ranked on its words alone; and a
    career's list ("Information Security Manager of Logic Industries, Senior Information Security Specialist of
    Migdal Group") made a company a person."""
    from tracker.facts import extract_facts

    lead = "Our Chief Information Security Officer leads our program and reports to the Audit Committee."
    director = (
        "In 2025 our Board elected Ms. Keiko Tanaka, formerly Chief Technology Officer of a national payments network, "
        "who has deep expertise in cybersecurity."
    )
    c = _compared(lead, f"{lead} {director}")
    people = _said(c, "people")
    assert people == [("medium", "a director newly described for cybersecurity expertise: Keiko Tanaka")]
    career = (
        "Our CISO, Dana Fox, leads our cybersecurity program. She has worked over the last twenty years in the "
        "security industry, and prior to working with us, she was CISO of Acme Software, Information Security Manager "
        "of Harbor Holdings, Senior Information Security Specialist of Northwind Bank and a consultant."
    )
    names = [fv.value["name"] for fv in extract_facts(_loaded(career))["people"]]
    assert names == ["Dana Fox"]


def test_a_teams_experience_held_by_the_company_named_otherwise_is_no_change() -> None:
    """A reader's form-only edit of ELMD FY2025: "Between our senior leaders, there is a combined 30+ years of
    experience" -> "Between the Company's senior leaders, ..." was "experience no longer stated", medium."""
    from tracker.facts import extract_facts

    for text, whose in (
        (
            "{whose} security leaders have a combined 45 years of experience in protecting payment systems.",
            "Our",
        ),
        ("Among {whose} incident responders, there is over 25 years of experience in cybersecurity.", "our"),
    ):
        company = text.format(whose="the Company's" if whose == "our" else "The Company's")
        assert [fv.value["years"] for fv in extract_facts(_loaded(company))["experience_years"]] in (
            [45],
            [25],
        )
        assert _compared(text.format(whose=whose), company).changes == []


def test_an_incident_at_one_of_the_filers_own_sites_is_told() -> None:
    """An unseen reader's hospital operator: "In November 2024, one of our hospitals experienced a ransomware attack",
    "one of our subsidiaries was the subject of a ransomware attack", "A ransomware attack in November 2024 disrupted
    operations at one of our plants" and "a cybersecurity incident at one of our subsidiaries in November 2024 did not
    have a material impact on us" were each one low sentence added, the verdict routine."""
    lead = "Our Chief Information Security Officer leads our program."
    for told in (
        "In March 2025, one of our manufacturing facilities was hit by a ransomware attack.",
        "In the second quarter of 2025, one of our retail stores suffered a data breach involving payment cards.",
        "A phishing attack in April 2025 shut down the scheduling systems of one of our clinics for two days.",
    ):
        assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
            ("high", "a sentence on a past cybersecurity incident added")
        ], told
    # (one the sentence itself says was not material is told, medium: an unseen reader's Visa edit)
    told = "We concluded that a security breach at one of our affiliates in March 2025 had no material effect on us."
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("medium", "a sentence on a past cybersecurity incident added (stated not material)")
    ]


def test_a_statement_carving_out_an_incident_said_not_to_be_material_stays_made() -> None:
    """An unseen reader's hospital operator: the incident told, "we do not believe the incident has had ... a material
    effect", then "Other than the incident described above, ... we do not believe that any risks ... have materially
    affected ... us" read as the company now materially affected (high, first in the verdict), and the statement's
    weakening went unsaid; and a 20-F's "We determined that this incident did not have a material impact on us" read
    as a firmer statement, its hedge added to the statement as a strengthening."""
    from tracker.facts import extract_facts

    told = (
        "In January 2025, an unauthorized party accessed a billing server of one of our subsidiaries. "
        "Following our review, we have determined that the breach did not have a material impact on us. "
    )
    statement = (
        "Except for the breach described above, to our knowledge no cybersecurity incident has materially affected "
        "us, including our results of operations or financial condition."
    )
    facts = extract_facts(_loaded(told + statement))
    assert [fv.value for fv in facts["material_incident_statement"]] == ["none"]
    assert [fv.value for fv in facts["material_incident_strength"]] == ["awareness"]
    before = "No cybersecurity incident has materially affected us, including our results of operations or financial condition."
    c = _compared(before, told + statement)
    said = [
        (ch.severity, ch.summary) for ch in c.changes if ch.fact and ch.fact.startswith("material_incident")
    ]
    assert said and all("now says it has been materially affected" not in s for _, s in said)
    assert any("weakened" in s for _, s in said), said
    # carved out with nothing said of it, the incident may have been material: as before
    alone = extract_facts(_loaded(statement))
    assert [fv.value for fv in alone["material_incident_statement"]] == ["affected"]


def test_a_body_briefed_less_often_while_another_keeps_that_period_says_instead() -> None:
    """An unseen reader's texts: the board's briefings "twice a year" -> "once a year" beside an audit committee
    briefed "at least annually" both years read "No longer says the board is briefed twice a year", with "annual (the
    board, ...)" stated alike."""
    before = (
        "Our CISO reports to the Board of Directors on cybersecurity {when}. The Audit Committee receives a "
        "cybersecurity report from the CISO at least annually."
    )
    c = _compared(before.format(when="every six months"), before.format(when="each year"))
    said = _said(c, "briefing_frequency")
    assert said == [("medium", "the board is now briefed annually instead of twice a year (less often)")]


def test_a_board_of_statutory_auditors_is_an_overseer() -> None:
    """An unseen reader's Japanese 20-F: the "Audit & Supervisory Board", which receives the CSO's reports, became an
    "Audit and Supervisory Committee": read as oversight added, and its briefings as the board's."""
    from tracker.facts import extract_facts

    text = (
        "Our Board of Corporate Auditors receives reports from the Chief Information Security Officer on information "
        "security risks twice a year. The Board of Directors oversees cybersecurity risk as part of risk management."
    )
    facts = extract_facts(_loaded(text))
    assert sorted(fv.value for fv in facts["board_oversight"]) == [
        "board of corporate auditors",
        "board of directors",
    ]
    later = text.replace("Board of Corporate Auditors", "Audit Committee")
    said = [ch.summary for ch in _compared(text, later).changes if ch.fact == "board_oversight"]
    assert said == ["board oversight moved from the board of corporate auditors to the audit committee"]


def test_the_same_period_in_other_words_and_the_filer_by_its_name_are_no_change() -> None:
    """An unseen reader's form-only edits: "meets quarterly" -> "Every quarter, ... meets" was "“quarterly” became
    “every”" (medium, a verdict "notable"), "twice yearly" -> "semi-annually" "more often"; "As part of SentinelOne's
    overall enterprise risk management program" for "our" flipped Item 106(b)(1)(i)'s answer to not stated; and a law
    named by its year ("the Health Insurance Portability and Accountability Act of 1996") was a number added."""
    meets = "The Risk Committee meets {when} with our CISO to review cybersecurity risks."
    c = _compared(
        meets.format(when="quarterly"),
        "Every quarter, the Risk Committee meets with our CISO to review cybersecurity risks.",
    )
    assert [ch.severity for ch in c.changes] in ([], ["low"])
    drills = "We run incident response drills {when} and review our cybersecurity program with the Audit Committee."
    c = _compared(drills.format(when="twice yearly"), drills.format(when="every six months"))
    assert [ch.severity for ch in c.changes] in ([], ["low"])
    part = (
        "As part of {whose} overall enterprise risk management program, we maintain a cybersecurity program."
    )
    c = _compared(part.format(whose="our"), part.format(whose="Northwind's"))
    assert [ch.kind for ch in c.changes if ch.kind != "text_changed"] == []
    law = (
        "Our program is designed to comply with {law} and state privacy laws, as part of our risk management."
    )
    c = _compared(
        law.format(law="GLBA"),
        law.format(law='the Gramm-Leach-Bliley Act of 1999 ("GLBA")'),
    )
    assert [ch.severity for ch in c.changes] == ["low"]


def test_narrowed_scope_independence_dropped_and_a_new_chair_are_medium() -> None:
    """An unseen reader's texts: "an independent third-party firm" -> "a third-party firm" was no change at all;
    "multi-factor authentication for [-all -]remote access to {+certain of +}our systems" and "chaired by our [-President
    and Representative Director-]{+Executive Officer in charge of Corporate Planning+}" were low wording."""
    firm = "We retain {who} to test our defenses each year."
    assert (
        _rewording(
            firm.format(who="an independent security firm"), firm.format(who="a security firm")
        ).severity
        == "medium"
    )
    vpn = "We require hardware security keys for {which} administrator accounts."
    change = _rewording(vpn.format(which="all"), vpn.format(which="selected"))
    assert (change.severity, change.why) == ("medium", "“all” became “selected”: what it covers was narrowed")
    chair = (
        "Our CISO leads our cybersecurity program. Our Data Protection Council is chaired by our {who} and includes "
        "the heads of our business units."
    )
    change = _rewording(
        chair.format(who="Representative Director and Chairman"),
        chair.format(who="Managing Executive Officer for Administration"),
    )
    assert (change.severity, change.why) == (
        "medium",
        "who chairs it changed: “Representative Director and Chairman” -> “Managing Executive Officer for "
        "Administration”",
    )
    # a chair read as responsible, one of several, replaced: medium, not "the person responsible" replaced (high)
    c = _compared(chair.format(who="Chief Executive Officer"), chair.format(who="Director of Facilities"))
    assert _said(c, "people") == [
        (
            "medium",
            "the Director of Facilities replaced the Chief Executive Officer among those responsible for "
            "cybersecurity, others still are",
        )
    ]
    # "most" of a superlative is no scope (UPWK FY2025)
    before = "Our security engineers are all seasoned professionals who have worked at the largest brands."
    after = "Our security engineers are seasoned professionals who have worked at the most well-known brands."
    assert _rewording(before, after).severity == "low"


def test_a_reporting_line_after_another_predicate_of_the_lead_is_read() -> None:
    """An unseen reader's hospital operator: "led by our Vice President, Information Security, who joined us in June
    2024 and reports to our Chief Information Officer" lost its reporting line ("No longer says the person responsible
    reports to the Chief Information Officer", medium)."""
    from tracker.facts import extract_facts

    text = (
        "Our security program is headed by our Director of Cyber Defense, who came to us from a regional bank in 2023 "
        "and reports to our Chief Operating Officer."
    )
    assert [fv.value for fv in extract_facts(_loaded(text))["reports_to"]] == ["Chief Operating Officer"]


def test_years_in_a_relative_clause_are_its_subjects_and_once_a_week_is_weekly() -> None:
    """An unseen reader's texts: "led by our Chief Information Security Officer, who reports to our Chief Information
    Officer and has more than 20 years of experience" gave the years to the CIO; and "at least weekly" -> "at least
    once a week" was "“weekly” dropped", the verdict's first line."""
    from tracker.facts import extract_facts

    text = (
        "Our security operations are overseen by our Director of Cybersecurity, who reports to our Chief Technology "
        "Officer and has over 15 years of experience in incident response."
    )
    (years,) = extract_facts(_loaded(text))["experience_years"]
    assert (years.value["holder"], years.value["years"]) == ("Director of Cybersecurity", 15)
    scans = "We scan our external network at least {when} for vulnerabilities."
    change = _rewording(scans.format(when="weekly"), scans.format(when="once a week"))
    assert change.severity == "low" and "substance" not in (change.why or "")


def test_an_engagement_ended_and_cyber_insurance_dropped_are_said() -> None:
    """Readers' planted edits: "We no longer engage Mandiant to ..." still listed the firm as engaged (the change, if
    any, "outside firm no longer named", though it is); and a sentence on the filer's cyber insurance removed was a
    low sentence."""
    from tracker.facts import extract_facts

    lead = "Our CISO leads our program."
    engaged = "{how} Kroll to review our incident response plan each year."
    ended = f"{lead} {engaged.format(how='We have ceased to retain')}"
    assert extract_facts(_loaded(ended)).get("third_parties", []) == []
    c = _compared(f"{lead} {engaged.format(how='We retain')}", ended)
    assert _said(c, "third_parties") == [("medium", "outside firm no longer engaged: Kroll")]
    insured = "We carry a network security and privacy liability insurance policy."
    assert _ranks(_compared(f"{lead} {insured}", lead), "text_removed") == [
        ("medium", "a sentence on cybersecurity insurance removed")
    ]


def test_insurance_given_up_a_certification_lapsed_and_a_weaker_soc_report_are_said() -> None:
    """An unseen reader's planted edits: "We {+do not +}maintain insurance coverage ..." and "the Company did not renew
    its cybersecurity insurance policy" were routine wording; "Our ISO 27001 certification lapsed during the year"
    kept ISO/IEC 27001 "followed" and hid its removal; "a SOC 2 Type [-II-]{+I+} report" was no change at all."""
    lead = "Our CISO leads our program."
    cover = "We {how} a cyber liability insurance policy covering breach response costs."
    change = _rewording(f"{lead} {cover.format(how='hold')}", f"{lead} {cover.format(how='no longer hold')}")
    assert (change.severity, change.why) == (
        "high",
        "the company now says it holds no cybersecurity insurance",
    )
    certified = "Our payment platform {how} PCI DSS certification."
    c = _compared(
        f"{lead} {certified.format(how='holds')}",
        f"{lead} Our PCI DSS certification for the payment platform expired in June and was not renewed.",
    )
    assert _said(c, "frameworks") == [("medium", "framework lapsed or given up: PCI DSS")]
    report = "An outside auditor issues a SOC 1 Type {t} report on our payroll controls each year."
    change = _rewording(report.format(t="2"), report.format(t="1"))
    assert change.severity == "medium" and change.why.startswith("the SOC report is now Type I, not Type II")


def test_a_committee_cut_out_of_escalation_and_a_requirement_made_a_request_are_medium() -> None:
    """An unseen reader's pipeline operator: incidents "escalated ... to the Cybersecurity Committee [-and to the Chair
    of the Audit Committee, who determines whether to convene the full Board-]" was routine (or read as the board no
    longer overseeing directly); and "We [-require-]{+request that+} each vendor ... provide a current SOC 2 report"
    was no change."""
    escalated = (
        "Critical incidents are reported within one day to the Incident Review Council{more}. The Audit Committee "
        "oversees cybersecurity risk."
    )
    change = _rewording(
        escalated.format(more=" and to the Chair of the Risk Committee"), escalated.format(more="")
    )
    assert (change.severity, change.why) == (
        "medium",
        "incidents are no longer reported to the risk committee",
    )
    vendors = "We {ask} our cloud hosting providers to {give} evidence of annual penetration tests."
    change = _rewording(
        vendors.format(ask="require", give="furnish"), vendors.format(ask="encourage", give="share")
    )
    assert (change.severity, change.why) == (
        "medium",
        "“require” became “encourage”: a requirement became a request",
    )


def test_more_form_in_other_words_is_no_change() -> None:
    """An unseen reader's form-only edits of MSFT, PRGS and SOFT: "at least quarterly" -> "no less often than quarterly"
    was "“no” added", medium; "the Audit Committee of [-our-]{+Progress's+} Board" moved the briefing to the board; a
    sentence split ("..., which includes escalation procedures" -> ". That plan includes ...") was "“plan” added";
    "Cybersecurity risk is one of the risk categories assessed as part of our enterprise risk assessment" recast
    actively flipped Item 106(b)(1)(i)'s answer; a sub-heading put in before a reworded sentence was glued into it; and
    a bulleted list run in with light rewording was "outside assessors ... added", medium."""
    reviews = "The Board reviews our cybersecurity program {when}."
    c = _compared(
        reviews.format(when="at least twice a year"), reviews.format(when="no less often than twice a year")
    )
    assert [(ch.severity, ch.why) for ch in c.changes if ch.severity != "low"] == []
    briefs = "Our CISO reports to the Risk Committee of {whose} Board of Directors at each quarterly meeting."
    c = _compared(briefs.format(whose="our"), briefs.format(whose="Northwind's"))
    assert [ch.fact for ch in c.changes if ch.fact] == []
    erm = "We evaluate cyber risk as one of the risk categories in our company-wide risk management process."
    c = _compared(
        "Cyber risk is one of the risk categories evaluated as part of our company-wide risk management process.",
        erm,
    )
    assert [ch.kind for ch in c.changes if ch.kind == "flag_flipped"] == []
    headed = "We train our employees each year. {head}When we detect an incident, {who} our response plan."
    c = _compared(
        headed.format(head="", who="we follow"),
        headed.format(head="Incident Handling\n\n", who="the Company follows"),
    )
    texts = [(ch.kind, ch.text or ch.new) for ch in c.changes]
    assert ("text_added", "Incident Handling") in texts


def test_a_firm_supporting_the_program_is_named_and_a_request_in_a_fact_sentence_is_said() -> None:
    """An unseen reader's software company: "with the support of Halvard Security Partners LLC, an outside firm that
    provides us with virtual CISO services" named no firm; and "[-We require each-]{+we request that+}" vendor provide a
    SOC 2 report, in a sentence on overseeing vendors, was ranked for "each" dropped."""
    from tracker.facts import extract_facts

    text = "Our CIO leads the program with the assistance of Ridgeline Cyber Advisory, which monitors our network."
    assert [fv.value for fv in extract_facts(_loaded(text))["third_parties"]] == ["Ridgeline Cyber Advisory"]
    vendors = (
        "We {ask} that each supplier with access to our systems {give} a SOC 2 report, and we review our suppliers' "
        "security each year."
    )
    change = _rewording(
        vendors.format(ask="require", give="provide"), vendors.format(ask="ask", give="provide")
    )
    assert (change.severity, change.why) == (
        "medium",
        "“require” became “ask”: a requirement became a request",
    )


def test_a_later_start_in_the_role_and_a_participle_line_are_read() -> None:
    """An unseen reader's texts: a CISO's career rewritten, "joined the Company in 2021" -> "in 2025", the pronoun
    kept, read as certifications dropped (no one new); "... since 2019" of a consultancy read as in the role since
    2019; and "our CISO ("CISO"), reporting to the Chief Risk Officer" read as no reporting line."""
    from tracker.facts import extract_facts

    joined = (
        "Our CISO, who reports to our CTO, joined the Company in {year}. He leads a team of 40 engineers."
    )
    c = _compared(joined.format(year="2019"), joined.format(year="2024"))
    assert [(ch.severity, ch.change, ch.summary) for ch in c.changes if ch.fact == "people"] == [
        (
            "high",
            "possibly_different_person",
            "the Chief Information Security Officer is possibly a different person: in the role since 2024, where "
            "it said 2019",
        )
    ]
    consulted = (
        "Our CISO, who leads our cybersecurity program, joined the Company in 2020 after advising it as an outside "
        "consultant since 2017."
    )
    assert [fv.value for fv in extract_facts(_loaded(consulted))["tenure_start"]] == ["2020"]
    line = "Our program is led by our Director of Cybersecurity, reporting to the Chief Operating Officer."
    assert [fv.value for fv in extract_facts(_loaded(line))["reports_to"]] == ["Chief Operating Officer"]


def test_a_deadline_to_a_regulator_and_an_assessment_dropped_are_medium() -> None:
    """An unseen reader's texts: "within six hours" -> "within the prescribed timelines" and "within 6 hours" -> "within
    72 hours" of reporting to CERT-In were routine; "We engage third parties to independently evaluate our
    cybersecurity maturity" removed was routine; and a non-material vendor incident led a verdict as high."""
    notify = "We notify the state insurance regulator of qualifying incidents within {when}."
    change = _rewording(notify.format(when="72 hours"), notify.format(when="the period the rules require"))
    assert (change.severity, change.why) == (
        "medium",
        "“within 72 hours” dropped: how quickly it is done changed",
    )
    change = _rewording(notify.format(when="72 hours"), notify.format(when="96 hours"))
    assert change.severity == "medium" and change.why.startswith("“within 72 hours” became “within 96 hours”")
    lead = "Our CISO leads our program."
    assessed = "We hire outside firms to audit our security controls every year."
    assert _ranks(_compared(f"{lead} {assessed}", lead), "text_removed") == [
        ("medium", "a sentence on outside assessors, auditors or consultants engaged for the program removed")
    ]
    told = "In March 2025, a payroll vendor we use suffered a ransomware attack, which we concluded was not material."
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("medium", "a sentence on a past cybersecurity incident added (stated not material)")
    ]


def test_a_year_rolled_with_its_tense_and_a_bulleted_committee_are_no_change() -> None:
    """An unseen reader's texts: "which comprises approximately 1,000 professionals ... as of September 30, 2024" ->
    "comprised ... 2025" was medium; "- Data Security and Privacy Governance Committee." set out as a bullet was a
    management committee added ("privacy governance committee")."""
    team = "Our security organization, which {verb} about 300 people as of December 31, {year}, is led by our CISO."
    change = _rewording(team.format(verb="includes", year="2024"), team.format(verb="included", year="2025"))
    assert change.severity == "low"
    from tracker.facts import extract_facts

    bullet = (
        "Three management committees support our program:\n\n- Cloud Security and Resilience Steering Committee. "
        "This committee meets monthly to review cybersecurity risks."
    )
    names = [fv.value for fv in extract_facts(_loaded(bullet))["management_committees"]]
    assert names == ["cloud security and resilience steering committee"]


def test_a_head_of_titles_function_words_are_all_read() -> None:
    """An unseen reader's "Head of Cyber Defense, who reports to our CTO" was no title (its years given to the CTO);
    and "Head of IT Security" read as "Head of IT"."""
    from tracker.facts import extract_facts

    for title in ("Head of IT Security", "Head of Cyber Resilience", "Head of Security Engineering"):
        text = f"Our cybersecurity program is led by our {title}, who reports to our Chief Operating Officer."
        assert [fv.value for fv in extract_facts(_loaded(text))["responsible_titles"]] == [title], title


def test_an_incident_told_in_other_words_of_time_and_means_and_inside_the_statement() -> None:
    """An unseen reader's next years: "During the last fiscal year, we experienced a cybersecurity incident in which
    threat actors accessed certain customer data" added was routine (no time read in "last fiscal year"); so was
    "threat actors used stolen credentials ... to access certain customer data"; and an incident told inside the
    reworded statement on material incidents was said only as the statement weakened."""
    lead = "Our CISO leads our cybersecurity program."
    for told in (
        "Over the most recent fiscal year, an unauthorized party obtained access to a subset of our patient records.",
        "In the past fiscal quarter, a criminal group exploited a flaw in our file transfer software to exfiltrate "
        "employee data.",
        "During our last fiscal year, attackers leveraged a phished password to access our billing system.",
    ):
        assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
            ("high", "a sentence on a past cybersecurity incident added")
        ], told
    statement = (
        "{lead} To date, we have {what} that have materially affected our business strategy, results of operations "
        "or financial condition."
    )
    old = statement.format(lead=lead, what="not identified any cybersecurity threats or incidents")
    new = (
        f"{lead} In the recently completed fiscal year, an unauthorized party exploited a vulnerability in a vendor's "
        "portal to access certain customer records, and we believe that neither this incident nor any other "
        "cybersecurity threat or incident has had a material effect on our business strategy, results of operations "
        "or financial condition."
    )
    c = _compared(old, new)
    # ("neither this incident nor any other ... incident" is the statement, not one incident's: it was read as dropped)
    assert [(ch.fact, ch.change) for ch in c.changes if ch.kind == "fact_changed"] == [
        ("material_incident_strength", "weakened")
    ]
    told = next(ch for ch in c.changes if ch.kind == "text_added" and "portal" in str(ch.text))
    assert "a sentence on a past cybersecurity incident added (stated not material)" in (told.why or "")
    assert any(t.startswith("a sentence on a past cybersecurity incident added") for t in c.judgement.top)
    reworded = _rewording(
        old,
        f"{lead} During the last fiscal year, threat actors used a stolen token to access "
        "our source code, but we have not identified any cybersecurity threats or incidents that have materially "
        "affected our business strategy, results of operations or financial condition.",
    )
    assert reworded.why and reworded.why.startswith(
        "a past cybersecurity incident now told of (stated not material)"
    )


def test_two_matters_in_one_sentence_behind_a_fact_change_are_both_in_the_verdict() -> None:
    """An unseen reader's next year: "... the NIST CSF {+and ISO/IEC 27001+} and undergo a third-party assessment [-every
    two years-]{+annually+}" gave a verdict naming only the framework added; the assessment's new period was only in
    the note under the sentence."""
    sentence = (
        "Our program is aligned with the CIS Critical Security Controls{also}, and an outside firm tests our controls "
        "against {them} {when}."
    )
    old = sentence.format(also="", them="them", when="every three years")
    new = sentence.format(also=" and ISO/IEC 27001", them="both", when="each year")
    c = _compared(old, new)
    assert any("ISO/IEC 27001" in t for t in c.judgement.top), c.judgement.top
    assert any(t.startswith("“every three years” became “each year”") for t in c.judgement.top), (
        c.judgement.top
    )


def test_decades_and_always_in_other_words_are_no_change_of_substance() -> None:
    """An unseen reader's form-only edits: "over 20 years" -> "more than two decades" of the CISO's experience, and
    "around the clock" -> "24 hours a day, seven days a week", were each medium and made the verdict notable."""
    years = "Our CISO, who leads our security team, has {said} of experience in cybersecurity."
    change = _rewording(years.format(said="more than 30 years"), years.format(said="over three decades"))
    assert change.severity == "low", change.why
    assert _rewording(years.format(said="30 years"), years.format(said="two decades")).severity != "low"
    watch = "Our Chief Information Security Officer leads a security operations center that monitors our network {when}."
    for before, after in (
        ("24/7", "round-the-clock"),
        ("around the clock", "twenty-four hours a day, 7 days a week"),
    ):
        change = _rewording(watch.format(when=before), watch.format(when=after))
        assert change.severity == "low", (before, after, change.why)


def test_a_successor_appointed_or_joined_as_the_post_is_the_person_responsible() -> None:
    """Unseen readers' next years: "In October 2025, we appointed Marcus Bell as our first Chief Information Security
    Officer. Mr. Bell ... leads our cybersecurity program" was "newly described, not as responsible: Bell" beside the
    earlier lead no longer responsible; "Dana Whitfield joined Boeing in 2025 as our Chief Security Officer" lost her
    title; the interim she succeeded was named by his other post ("the Vice President of Product and Business
    Operations was replaced"); and "most recently as head of security for a ... hotel operator" was a Head of
    Security now responsible."""
    old = (
        "Nadia Brooks, Senior Director of Finance Systems, is serving as our interim Chief Information Security "
        "Officer. In that role, she leads our cybersecurity program. Ms. Brooks reports to our Chief Financial Officer."
    )
    for told in (
        "In March 2025, the Company hired Omar Haddad as its Chief Information Security Officer.",
        "Omar Haddad joined the Company in March 2025 as our Chief Information Security Officer.",
    ):
        new = (
            f"{told} In that role, Mr. Haddad leads our cybersecurity program. Mr. Haddad reports to our Chief "
            "Financial Officer. He has 16 years of experience in security, most recently as head of security "
            "operations for a regional airline."
        )
        c = _compared(old, new)
        (person,) = [ch for ch in c.changes if ch.fact == "people"]
        assert (person.severity, person.summary) == (
            "high",
            "the Interim Chief Information Security Officer was replaced: Nadia Brooks -> Omar Haddad (now Chief "
            "Information Security Officer); stated experience 16 years",
        ), told
        assert not [ch for ch in c.changes if ch.fact == "responsible_titles" and ch.kind == "fact_added"], (
            told
        )


def test_a_short_form_defined_for_a_title_is_that_title() -> None:
    """An unseen reader's form-only edit: 'our Vice President of Security and Privacy Engineering (the "VP of
    Security")', then "The VP of Security leads ...": read as the title narrowed, or a Vice President of Security now
    responsible (medium)."""
    old = (
        "Our Vice President of Cybersecurity and Infrastructure leads our cybersecurity program. The Risk Committee "
        "receives reports from our Vice President of Cybersecurity and Infrastructure each quarter."
    )
    for defined in ('(the "VP of Cybersecurity")', "(\u201cVP of Cybersecurity\u201d)"):
        new = (
            f"Our Vice President of Cybersecurity and Infrastructure {defined} leads our cybersecurity program. The "
            "Risk Committee receives reports from the VP of Cybersecurity each quarter."
        )
        c = _compared(old, new)
        assert not [ch for ch in c.changes if ch.kind not in ("text_changed", "text_moved")], defined
        assert c.judgement.significance in ("no substantive change", "routine"), defined


def test_oversight_no_longer_delegated_to_a_committee_is_taken_back() -> None:
    """An unseen reader's biotech: "Our Board of Directors as a whole oversees ... and no longer delegates that
    oversight to its Audit Committee" kept the audit committee among those overseeing ("stated alike"), and the move
    back to the full board was not said."""
    from tracker.facts import extract_facts

    for said in (
        "The full Board oversees cybersecurity risk directly and has ceased to delegate this responsibility to the "
        "Risk Committee.",
        "The Board oversees cybersecurity risk and no longer assigns oversight of that risk to the Risk Committee.",
    ):
        board = [fv.value for fv in extract_facts(_loaded(said))["board_oversight"]]
        assert board == ["board of directors"], said
    # (a committee's former name, told: "its Enterprise Risk Committee, which was known as the Risk Committee until
    # April 2025" was a second committee overseeing, "oversight by the enterprise risk committee added")
    said = (
        "Our Board of Directors oversees cybersecurity risk through its Technology and Resilience Committee, which "
        "until last year was called the Resilience Committee."
    )
    board = [fv.value for fv in extract_facts(_loaded(said))["board_oversight"]]
    assert "resilience committee" not in board and "technology and resilience committee" in board, board


def test_a_framework_replaced_by_another_is_no_longer_followed() -> None:
    """An unseen reader's bank: "aligned with the NIST Cybersecurity Framework 2.0, which replaced the FFIEC
    Cybersecurity Assessment Tool that we used in prior years" kept the FFIEC tool among the frameworks followed."""
    from tracker.facts import extract_facts

    lead = "Our Chief Information Security Officer leads our cybersecurity program. "
    for said in (
        "In 2025 we transitioned from the CIS Critical Security Controls to the NIST Cybersecurity Framework.",
        "We now assess our program against ISO/IEC 27001 instead of the NIST Cybersecurity Framework.",
        "Our program follows ISO/IEC 27001; the NIST Cybersecurity Framework, which we had followed in prior years, "
        "is no longer our reference.",
    ):
        found = [fv.value for fv in extract_facts(_loaded(lead + said))["frameworks"]]
        assert len(found) == 1, (said, found)
    said = (
        "Our program is aligned with the NIST Cybersecurity Framework and the CIS Critical Security Controls."
    )
    assert len(extract_facts(_loaded(lead + said))["frameworks"]) == 2


def test_regular_basis_and_a_list_of_bodies_reordered_are_form() -> None:
    """An unseen reader's form-only edits of ADBE FY2024: "meets regularly" -> "meets on a regular basis" was
    "“regularly” dropped in a sentence stating how often the board is briefed"; "presented to the Board and the Audit
    Committee on an annual basis" -> "presented annually to the Board and the Audit Committee" was "who is briefed
    annually changed: the audit committee -> the board" (both medium)."""
    told = "Our CISO {verb} the Risk Committee {how} on cybersecurity risks."
    change = _rewording(
        told.format(verb="updates", how="regularly"), told.format(verb="updates", how="on a regular basis")
    )
    assert change.severity == "low", change.why
    old = "Risks identified by our CISO are reported to the Audit Committee and the full Board on a quarterly basis."
    new = "Risks identified by our CISO are reported quarterly to the Audit Committee and the full Board."
    change = _rewording(old, new)
    assert change.severity == "low", change.why


def test_members_of_management_briefing_a_committee_is_no_membership() -> None:
    """An unseen reader's ABBV edit: "The Chief Information Security Officer and other members of management provide
    the Audit Committee with regular updates" dropped was "no longer says the board is briefed regularly" (the audit
    committee read as a committee its members sit on, so no body briefed)."""
    from tracker.facts.governance import briefed

    for said in (
        "Our CIO and other senior members of management give the Risk Committee quarterly updates on cyber risks.",
        "The CISO, together with members of our legal team, provides the Risk Committee with quarterly reports.",
    ):
        assert briefed(said, "quarterly")[0] == "the risk committee", said
    said = "Two members of the Risk Committee receive quarterly cybersecurity reports from the CISO."
    assert briefed(said, "quarterly")[0] != "the risk committee"


def test_a_company_name_running_head_in_an_extract_of_item_1c_is_furniture(tmp_path: Path) -> None:
    """An unseen reader's GOOGL extract (Item 1C alone): "23." / "Table of Contents" / "Alphabet Inc." at a page's
    top was an added sentence, "Alphabet Inc.", where the name stood once."""
    body = (
        "Our Chief Information Security Officer leads our cybersecurity program and reports to our Chief "
        "Information Officer.\n\nThe Audit Committee oversees cybersecurity risk and receives quarterly reports."
    )
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(f"Item 1C. Cybersecurity\n\n{body}\n", encoding="utf-8")
    new.write_text(
        f"Item 1C. Cybersecurity\n\n41.\n\nTable of Contents\n\nNorthwind Holdings Corp.\n\n{body}\n",
        encoding="utf-8",
    )
    c = compare_files(old, new).comparison
    assert not [ch for ch in c.changes if ch.kind.startswith("text_")], [ch.text for ch in c.changes]


def test_a_carve_out_is_said_as_one_and_a_general_statement_after_one_incident_is_kept() -> None:
    """An unseen reader's JNJ next year: "Other than the matter described in Note 19, whose full impact has not yet
    been determined, the Company is not aware of any ... material impact" led the verdict as "the company now says it
    has been materially affected"; and "That incident did not have a material impact on the Company, and the Company
    is not aware of any ..." was the statement dropped, "it now says only that one incident has not"."""
    old = (
        "Our CISO leads our program. We are not aware of any cybersecurity incident that has materially affected our "
        "business strategy, results of operations or financial condition."
    )
    new = (
        "Our CISO leads our program. Except for the ransomware event discussed in Item 7, the effects of which are "
        "still under investigation, we are not aware of any cybersecurity incident that has materially affected our "
        "business strategy, results of operations or financial condition."
    )
    (statement,) = [ch for ch in _compared(old, new).changes if ch.fact == "material_incident_statement"]
    assert statement.summary == (
        "the statement on material incidents now excepts an incident (“Except for the ransomware event discussed in "
        "Item 7, the effects of which are still under investigation”): its effect not yet determined"
    )
    new = (
        "Our CISO leads our program. In May 2025 we detected a ransomware attack on a file server. This attack did "
        "not have a material effect on us, and we are not aware of any cybersecurity incident that has materially "
        "affected our business strategy, results of operations or financial condition."
    )
    c = _compared(old, new)
    assert not [
        ch for ch in c.changes if ch.fact in ("material_incident_statement", "material_incident_strength")
    ]


def test_a_program_led_on_an_interim_basis_implemented_or_led_beside_another_is_responsible() -> None:
    """An unseen reader's next years: "our cybersecurity program is led on an interim basis by our Director of Security
    Operations" was no one responsible (the outgoing VP "no longer responsible, others still are", medium); "Working
    with our Chief Digital Officer, our external Chief Information Security Officer ... implements our cybersecurity
    risk management program" read no one, so the role now held outside went unsaid."""
    from tracker.facts import extract_facts

    for said, title in (
        (
            "Our security program is currently run temporarily by our Head of Infrastructure.",
            "Head of Infrastructure",
        ),
        (
            "In partnership with our Chief Technology Officer, our Director of Cyber Defense administers our "
            "information security program.",
            "Director of Cyber Defense",
        ),
        (
            "Our Chief Security Officer, who joined us from a managed security provider, implements our cybersecurity "
            "program.",
            "Chief Security Officer",
        ),
    ):
        found = [fv.value for fv in extract_facts(_loaded(said))["responsible_titles"]]
        assert found == [title], (said, found)


def test_the_sentence_telling_of_a_retitle_is_no_use_of_the_old_title() -> None:
    """An unseen reader's 20-F: "the role of our Chief Information Security Officer was expanded ... and the role was
    retitled Chief Information Security and Data Protection Officer" counted as a later sentence still using the old
    title ("the later text uses both titles: check which is right")."""
    old = "Our Chief Information Security Officer leads our cybersecurity program and reports to our CIO."
    new = (
        "During 2025 our Chief Information Security Officer was renamed Chief Information Security and Resilience "
        "Officer. Our Chief Information Security and Resilience Officer leads our cybersecurity program and reports "
        "to our CIO."
    )
    (title,) = [ch for ch in _compared(old, new).changes if ch.fact == "responsible_titles"]
    assert "check which is right" not in (title.why or ""), title.why


def test_a_deadline_in_a_sentence_naming_people_is_a_deadline_and_says_which_way() -> None:
    """An unseen reader's bank: "escalated to the Chief Risk Officer and the Chief Executive Officer within [-four-]
    {+24+} hours" was "“four” became “24” in a sentence stating people", and no reading said it was later."""
    told = "Critical events are reported by our CISO to our Chief Executive Officer and General Counsel within {when}."
    change = _rewording(told.format(when="two business days"), told.format(when="twelve hours"))
    assert (change.severity, change.why) == (
        "medium",
        "“within two business days” became “within twelve hours”: how quickly it is done changed (sooner)",
    )
    change = _rewording(told.format(when="six hours"), told.format(when="3 days"))
    assert change.why and change.why.endswith("(later)"), change.why


def test_an_amount_in_another_currency_incidents_had_told_after_them_and_a_judged_incident() -> None:
    """An unseen reader's 20-F and 10-Ks: an incident's cost "KRW 3.1 billion" -> "KRW 11.8 billion" was routine (only
    "$" amounts were read); "To date, none of the cybersecurity incidents we have experienced has materially affected
    us" was "no longer says cybersecurity incidents happened" (high, leading the verdict); and "We do not consider the
    incident to have been material" beside "Other than the incident described above, we are not aware ..." left the
    company "materially affected"."""
    cost = "We estimate that the outage cost us approximately {amount} in lost revenue and remediation."
    change = _rewording(cost.format(amount="EUR 4.2 million"), cost.format(amount="EUR 9.8 million"))
    assert (change.severity, change.why) == (
        "medium",
        "an amount of money stated changed: “EUR 4.2 million” became “EUR 9.8 million”",
    )
    change = _rewording(cost.format(amount="\u00a5350 million"), cost.format(amount="\u00a5900 million"))
    assert change.severity == "medium", change.why
    old = (
        "Our CISO leads our program. We have suffered cybersecurity breaches in the past, but so far none has "
        "materially affected our business strategy, results of operations or financial condition."
    )
    new = (
        "Our CISO leads our program. Thus far, none of the cybersecurity breaches that we have suffered has "
        "materially affected our business strategy, results of operations or financial condition."
    )
    c = _compared(old, new)
    assert all(ch.severity == "low" for ch in c.changes), [(ch.severity, ch.why) for ch in c.changes]
    from tracker.facts import extract_facts

    text = (
        "In May 2025, a ransomware attack halted one of our assembly lines for two days. We do not deem this "
        "incident to be material. Other than the incident described above, we are not aware of any cybersecurity "
        "incident that has materially affected our business strategy, results of operations or financial condition."
    )
    (statement,) = extract_facts(_loaded(text))["material_incident_statement"]
    assert statement.value == "none"


def test_a_version_or_a_period_changed_beside_another_matter_of_the_sentence_is_said() -> None:
    """Unseen readers: "aligned with [-... (NIST CSF) version 1.1-]{+version 2.0 of the ... (NIST CSF), and our two
    principal manufacturing sites are certified to ISO/IEC 27001+}" said only the framework added; "a [-quarterly-]
    {+regular+} summary of investigations ... {+as well as our Audit Committee+}" said only the committee named."""
    old = "Our security program follows the CIS Critical Security Controls version 7.1."
    new = "Our security program follows version 8.0 of the CIS Critical Security Controls and the NIST Cybersecurity Framework."
    c = _compared(old, new)
    assert any(
        t.startswith("the version of a framework named changed: “7.1” became “8.0”") for t in c.judgement.top
    )
    lead = "The Risk Committee of our Board oversees cybersecurity risk. Our CISO regularly reports to the Risk Committee. "
    old = lead + "Our CISO also sends a monthly report on threats to our Chief Operating Officer."
    new = (
        lead
        + "Our CISO also sends a periodic report on threats to our Chief Operating Officer and the Risk Committee."
    )
    change = _rewording(old, new)
    assert change.severity == "medium" and "“monthly” became “periodic”" in (change.why or ""), change.why


def test_a_sentence_setting_a_time_to_tell_of_incidents_added_or_removed_is_medium() -> None:
    """An unseen reader's 20-F: "Where required by law, we notify KISA within 24 hours of becoming aware of an
    intrusion" added was a low sentence."""
    lead = "Our CISO leads our incident response team."
    told = "We notify the national data protection authority within three days of confirming a personal data breach."
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("medium", "a sentence setting a time to tell of incidents added")
    ]
    assert _ranks(_compared(f"{lead} {told}", lead), "text_removed") == [
        ("medium", "a sentence setting a time to tell of incidents removed")
    ]


def test_an_incidents_run_goes_on_past_a_plain_sentence_and_its_counted_effect_is_told() -> None:
    """Unseen readers: an incident's 8-K and its "$38 million of expenses ... class action lawsuits" dropped to low once
    "The affected data did not include payment card numbers or passwords." stood between them and the incident; and
    "We cancelled approximately 1,100 flights over three days" after an incident was low."""
    lead = "Our CISO leads our program."
    told = (
        "In March 2025, a ransomware attack encrypted servers at our main distribution center. "
        "Our warehouse staff worked from paper records during the outage. "
        "We delayed approximately 40,000 orders over five days. "
        "We expect to recover part of the $12 million cost of the incident from our insurers."
    )
    ranked = {ch.text[:20]: ch.severity for ch in _compared(lead, f"{lead} {told}").changes if ch.text}
    assert ranked == {
        "In March 2025, a ran": "high",
        "Our warehouse staff ": "low",
        "We delayed approxima": "medium",
        "We expect to recover": "high",  # (the incident's cost now stated: reader 43's)
    }, ranked


def test_a_korean_name_and_a_line_to_the_head_of_the_company() -> None:
    """Reader 26's Korean 20-F: "Mr. Park Ji-hoon" was read as "Park Ji", bound to no title; and "He reports to our
    Representative Director and Chief Executive Officer" (as "our President and Chief Executive Officer" would have)
    was no reporting line, so the line moved to the Chief Digital Officer was merely "now reports to the Chief Digital
    Officer", not "instead of the Chief Executive Officer"."""
    lead = "Our Head of Cyber Defense, {name}, leads our cybersecurity program. {line}"
    before = lead.format(
        name="Ms. Lee Seo-yeon", line="She reports to our President and Chief Executive Officer."
    )
    after = lead.format(name="Mr. Kim Min-jun", line="He reports to our Chief Financial Officer.")
    summaries = [ch.summary for ch in _compared(before, after).changes if ch.kind.startswith("fact")]
    assert summaries == [
        "the Head of Cyber Defense was replaced: Lee Seo-yeon -> Kim Min-jun",
        "the person responsible now reports to the Chief Financial Officer instead of the Chief Executive Officer",
    ], summaries
    same = before.replace("President and Chief Executive Officer", "Chairman and CEO")
    assert [ch.summary for ch in _compared(before, same).changes if ch.kind.startswith("fact")] == []


def test_a_certification_obtained_or_no_longer_claimed_is_medium() -> None:
    """An unseen reader: "[-aligned with-]{+certified to+} ISO/IEC 27001" was no change at all ("No substantive
    change"), where a lawyer reads a certification obtained; one no longer claimed is as much news."""
    lead = "Our CISO leads our security program."
    aligned = f"{lead} Our payment systems are designed around PCI DSS and the NIST Cybersecurity Framework."
    certified = f"{lead} Our payment systems are PCI DSS certified and designed around the NIST Cybersecurity Framework."
    gained = _rewording(aligned, certified)
    assert (gained.severity, gained.why) == (
        "medium",
        "the company now says it holds a certification: “PCI DSS certified”",
    )
    lost = _rewording(certified, aligned)
    assert lost.severity == "medium" and (lost.why or "").startswith(
        "the company no longer says it holds a"
    ), lost.why
    reworded = certified.replace("designed around", "built around")
    assert _rewording(certified, reworded).severity == "low"


def test_a_briefing_moved_from_a_board_named_committee_to_the_board() -> None:
    """Reader 24's LC edit: "At least once each year, the Board [-Operational Risk Committee -]discusses ..." was "the
    sentence no longer names the operational risk committee", and the committee's annual discussion the board's."""
    lead = "Our Board has delegated oversight of cybersecurity risk to the Board Technology Committee."
    said = (
        "Twice a year, the Board {body}reviews our cybersecurity program with our Chief Information Officer."
    )
    change = _rewording(
        f"{lead} {said.format(body='Technology Committee ')}", f"{lead} {said.format(body='')}"
    )
    assert (change.severity, change.why) == (
        "medium",
        "who is briefed twice a year changed: the technology committee -> the board",
    )


def test_the_officer_who_briefs_the_board_changed_is_said() -> None:
    """Reader 41: "Our Board receives an annual report from our Chief [+Information +]Security Officer" was no change at
    all: Item 106(c)(2)(iii) asks how management informs the board, and by whom. Written here in other words; the
    same officer written out in full is no change."""
    lead = "Our Chief Information Officer leads our cybersecurity program."
    said = (
        "The Risk Committee of the Board receives quarterly updates from our {who} on cybersecurity matters."
    )
    change = _rewording(
        f"{lead} {said.format(who='Vice President of IT Security')}",
        f"{lead} {said.format(who='Director of Enterprise Security')}",
    )
    assert (change.severity, change.why) == (
        "medium",
        "the officer who briefs the board changed: the Vice President of IT Security -> the Director of Enterprise "
        "Security",
    )
    same = _compared(
        f"{lead} {said.format(who='CISO')}", f"{lead} {said.format(who='Chief Information Security Officer')}"
    )
    assert [ch.severity for ch in same.changes if ch.severity != "low"] == []


def test_a_bullet_of_two_sentences_keeps_the_list_of_those_responsible() -> None:
    """Reader 27's MA edit: a second sentence added to the first bullet of "These executives include:" ("Following the
    departure of our CSO ..., our Deputy Chief Security Officer has served as interim CSO") dropped the bullets after
    it from the list: the Data Protection Officer "no longer described as responsible" and its line "no longer"
    stated, neither edited."""
    lead = (
        "A small group of senior leaders is accountable for assessing and managing cybersecurity risk. "
        "These leaders include:\n\n"
        "\u2022 Chief Information Security Officer, who runs our security operations center{more}\n\n"
        "\u2022 Chief Technology Officer, who sets the architecture of our platforms\n\n"
        "\u2022 Chief Privacy Officer, who reports to the General Counsel and manages our privacy program"
    )
    more = (
        ". In June 2025 our CISO retired, and our Deputy CISO now acts as CISO until a successor is appointed"
    )
    c = _compared(lead.format(more=""), lead.format(more=more))
    assert [ch.summary for ch in c.changes if ch.kind.startswith("fact")] == []
    assert _ranks(c, "text_added")[0][0] == "high"


def test_an_incident_judged_not_material_right_after_it_is_said_so() -> None:
    """Reader 27's MA edit: "Based on the information currently available, we do not believe the incident has had, or
    is reasonably likely to have, a material impact on our business ..." after a new incident was only "going on
    from the one before"."""
    lead = "Our CISO leads our program."
    told = (
        "In April 2025, an intruder obtained access to a file server at one of our distribution centers. "
        "We do not believe this incident has had a material effect on our financial condition."
    )
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("high", "a sentence on a past cybersecurity incident added"),
        (
            "medium",
            "a sentence on a past cybersecurity incident added, going on from the one before: the incident stated "
            "not material",
        ),
    ]


def test_a_no_assurance_caveat_restyled_makes_no_statement_and_a_late_statement_is_quoted_whole() -> None:
    """Reader 29's restyle of SCSC: "Despite our security measures, however, there can be no assurance that we will not
    experience ..." -> "There can be no assurance, however, despite our security measures, that we will not in the
    future experience ..." was a firmer statement on material incidents made (high beside the belief reordered);
    and a statement opening "We do not believe, as of the date of this report, that any risks ... have materially
    affected" was quoted as "“…condition.”", its last word."""
    belief = (
        "We do not believe, as of the date of this filing, that any risks from cybersecurity threats, including as a "
        "result of the credential-stuffing attack of January 2024 or any other earlier cybersecurity incidents, have "
        "materially affected or are reasonably likely to materially affect the Company, including its results of "
        "operations or financial condition."
    )
    caveat = (
        "Even so, there can be no assurance that our controls will prevent a cybersecurity incident in the future that "
        "will materially affect us."
    )
    restyled = (
        "There can be no assurance, however, even with these controls, that we will not in the future suffer a "
        "cybersecurity incident that will materially affect us."
    )
    c = _compared(f"{belief} {caveat}", f"{belief} {restyled}")
    assert [ch.severity for ch in c.changes] == ["low"], [(ch.severity, ch.why) for ch in c.changes]
    (line,) = [x for x in unchanged_lines(c) if x.startswith("Statement on material incidents")]
    assert "(a belief): “We do not believe, as of the date of this filing," in line, line


def test_one_officer_holding_two_posts_restyled_is_no_different_person() -> None:
    """Reader 29's MCFT restyle: "The CIO has served as our CISO for four years and has more than 20 years of
    experience ..." -> "Our CIO has been our CISO for four years. He has over twenty years ..." made the CIO "possibly a
    different person: stated experience fell from 25 to 20 years" (high), the CISO's 20 years read as another's."""
    before = (
        "Our Chief Technology Officer has served as our CISO since 2021 and has more than 18 years of experience "
        "leading security operations. The Chief Technology Officer also has over 22 years of prior experience in "
        "network engineering."
    )
    after = (
        "Our Chief Technology Officer has been our CISO since 2021. He has over eighteen years of experience leading "
        "security operations, and over 22 years of earlier experience in network engineering."
    )
    c = _compared(before, after)
    assert [ch.summary for ch in c.changes if ch.kind.startswith("fact")] == []


def test_a_former_officer_whose_biography_stays_is_not_the_one_responsible() -> None:
    """Reader 28's defense contractor: "Our former Chief Information Security Officer ("CISO"), Rebecca Hollis, left the
    Company in July 2025. Since her departure, our Chief Information Officer, Mark Delaney, has been responsible ...",
    her experience kept in "Ms. Hollis, who has more than 22 years ...", led the verdict as "Hollis replaced Rebecca
    Hollis as the person responsible for cybersecurity"."""
    lead = "The Audit Committee of our Board oversees cybersecurity risk."
    before = (
        f"{lead} Our Chief Information Security Officer, Daniel Okoro, leads our cybersecurity program and reports to "
        "our Chief Operating Officer, Lucia Ferrante. Mr. Okoro has over 17 years of experience in information security."
    )
    after = (
        f"{lead} Our former Chief Information Security Officer, Daniel Okoro, resigned in May 2025. Our Chief "
        "Operating Officer, Lucia Ferrante, has led our cybersecurity program since then. Mr. Okoro, who has over 17 "
        "years of experience in information security, built the program from 2019."
    )
    people = [ch for ch in _compared(before, after).changes if ch.fact == "people"]
    assert [(ch.severity, ch.summary) for ch in people] == [
        (
            "high",
            "Lucia Ferrante (Chief Operating Officer, to whom the role reported) replaced Daniel Okoro as the person "
            "responsible for cybersecurity",
        )
    ]


def test_a_line_to_an_officer_of_a_manager_named_in_two_words() -> None:
    """Reader 23's externally managed REIT: "He reports to the Property Manager's Chief Information Officer" was no
    reporting line, so its interim CISO was no one responsible."""
    from tracker.facts import extract_facts

    d = _loaded(
        "The Audit Committee oversees cybersecurity risk. The Asset Manager's acting Chief Information Security "
        "Officer, Tomas Lindqvist, has held that post since May 2024. He reports to the Asset Manager's Chief "
        "Technology Officer."
    )
    facts = extract_facts(d)
    assert [fv.value for fv in facts["reports_to"]] == ["Chief Technology Officer"]
    assert [fv.value for fv in facts["responsible_people"]] == ["Tomas Lindqvist"]


def test_regulators_acting_on_the_company_and_an_incident_reported_under_item_1_05() -> None:
    """Reader 28's utility and exchange: "WECC's most recent audit ... identified two potential violations" (beside
    "...; our most recent audit was completed in 2023 with no findings of potential noncompliance" cut) and "We are
    cooperating with inquiries from the NYDFS and other regulators" were low sentences; reader 27's "We disclosed the
    incident in a Current Report on Form 8-K filed under Item 1.05" was medium; its "We have also engaged a managed
    security services provider ..." routine."""
    lead = "Our CISO leads our program. The state commission reviews our pipeline security plans"
    before, after = f"{lead}, and its last review in 2023 found no deficiencies.", f"{lead}."
    assert _ranks(_compared(before, after), "text_changed") == [
        ("medium", "“no deficiencies” dropped: a clean regulatory result is no longer stated")
    ]
    for told in (
        "In 2025 the commission's auditors found three possible violations of its pipeline security rules.",
        "We are responding to a subpoena from the state attorney general about the intrusion.",
        "In 2025 we paid a civil penalty of $2.4 million to settle the regulator's claims.",
    ):
        assert _ranks(_compared(lead + ".", f"{lead}. {told}"), "text_added") == [
            ("medium", "a sentence on regulatory findings, inquiries, penalties or lawsuits added")
        ], told
    generic = "Regulators could impose fines if we fail to protect personal data."
    assert _ranks(_compared(lead + ".", f"{lead}. {generic}"), "text_added")[0][0] == "low"
    cited = "The company reported the intrusion on Form 8-K under Item 1.05 in March 2025."
    assert _ranks(_compared(lead + ".", f"{lead}. {cited}"), "text_added") == [
        (
            "high",
            "a sentence citing a Form 8-K under Item 1.05 (an incident the company determined material) added",
        )
    ]
    mdr = "We also retained an MDR provider to watch our endpoints around the clock."
    assert _ranks(_compared(lead + ".", f"{lead}. {mdr}"), "text_added")[0][0] == "medium"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # the board's oversight in the passive
            "The Risk Committee and the Board of Directors oversee our cybersecurity program.",
            "Oversight of our cybersecurity program is exercised by the Board of Directors and the Risk Committee.",
        ),
        (  # the board's oversight function named
            "The Board of Directors' overall risk oversight function includes receiving reports on our cybersecurity "
            "risks. The Board has delegated this oversight to the Risk Committee.",
            "Among the overall risk oversight functions of our Board of Directors is receiving reports on our "
            "cybersecurity risks. The Board has delegated this oversight to the Risk Committee.",
        ),
        (  # "each year" opening the sentence is "annually"
            "The Board oversees cybersecurity risk. The Risk Committee annually reviews our cybersecurity policies.",
            "The Board oversees cybersecurity risk. Every year, the Risk Committee reviews our cybersecurity policies.",
        ),
        (  # years of a career in the present perfect
            "Our Head of Security leads our program and has more than 16 years of experience running security "
            "operations teams.",
            "Our Head of Security leads our program and has run security operations teams for more than 16 years.",
        ),
        (  # a line after leading an organization, and the body as the verb's object
            "Our Director of IT leads the IT organization and reports directly to the Chief Financial Officer. The "
            "Audit Committee receives quarterly updates on cybersecurity risk from the Director of IT.",
            "Our Director of IT is responsible for leading the IT organization and reports directly to the Chief "
            "Financial Officer. Each quarter the Director of IT updates the Audit Committee on cybersecurity risk.",
        ),
        (  # management's own committee, its chair reporting to the board
            "Our Cybersecurity Steering Committee, a management committee, meets monthly. The activities of the "
            "Cybersecurity Steering Committee are reported to the Board by the Chair of the committee, as appropriate.",
            "Our Cybersecurity Steering Committee, a management committee, meets monthly. The Chair of the "
            "Cybersecurity Steering Committee reports the committee's activities to the Board, as appropriate.",
        ),
    ],
    ids=["passive-board", "board-function", "each-year", "led-for-years", "line-and-object", "chair-reports"],
)
def test_restyles_that_said_a_fact_changed(before: str, after: str) -> None:
    """Reader 29's and reader 27's restyles of real sections: each read as a fact or flag changed (the board no longer
    overseeing, no longer briefed annually or as needed, experience no longer stated, a line no longer stated, no
    longer reporting to the board). None changes what the section states."""

    c = compare(
        _loaded(before),
        _loaded(after),
    )
    assert [ch.summary or ch.element for ch in c.changes if not ch.kind.startswith("text")] == []


def test_a_line_moved_to_an_officer_the_titles_do_not_know_and_a_providers_ciso() -> None:
    """Reader 29's restyle of ELMD: "reports directly to the Corporate Controller" (from the CFO) was "the sentence no
    longer names the Chief Financial Officer"; and its "third-party managed service provider CISO" dropped read as
    no longer overseeing service providers (Item 106(b)(1)(iii)), not as no longer engaging one."""
    lead = "The Audit Committee oversees cybersecurity risk. Our IT Director leads the IT organization and reports to the "
    c = _compared(f"{lead}Chief Financial Officer.", f"{lead}Group Controller.")
    assert [ch.summary for ch in c.changes if ch.fact] == [
        "the person responsible now reports to the Group Controller instead of the Chief Financial Officer"
    ]
    from tracker.facts.inference import infer_third_party_engaged, infer_third_party_oversight

    briefed = "The Board receives updates on our security program from our CFO and our outsourced CISO."
    assert infer_third_party_engaged([briefed]) == (True, briefed)
    assert infer_third_party_oversight([briefed]) is None


def test_an_undecided_outlook_made_firm_and_a_rename_the_text_tells_of() -> None:
    """Reader 28's contractor: "While these incidents have not materially affected us to date, we cannot predict whether
    they are reasonably likely to materially affect us" -> "We have not experienced any cybersecurity incident that has
    materially affected or is reasonably likely to materially affect us" was routine, both years "a definite
    statement"; its utility's "Operations, Safety and Cybersecurity Committee (formerly the Operations Committee)"
    was high and led the verdict, beside a report to the board "not stated -> yes" (the CSO briefed the committee both
    years)."""
    lead = "Like other retailers, we have experienced cybersecurity incidents."
    undecided = (
        f"{lead} Although these incidents have not materially affected us to date, we are unable to determine whether "
        "they are reasonably likely to materially affect us."
    )
    firm = f"{lead} No cybersecurity incident has materially affected us or is reasonably likely to materially affect us."
    change = _rewording(undecided, firm)
    assert (change.severity, change.why) == (
        "medium",
        "the statement on material incidents now also says whether cyber risks are reasonably likely to materially "
        "affect the company",
    )

    said = (
        "Our Board has delegated oversight of cybersecurity risk to its {name}. Our CISO briefs the {short} on "
        "cybersecurity risk every quarter."
    )
    before = said.format(name="Facilities Committee", short="Facilities Committee")
    after = said.format(
        name="Facilities and Technology Committee (formerly the Facilities Committee)",
        short="Facilities and Technology Committee",
    )
    c = compare(
        _loaded(before),
        _loaded(after),
    )
    assert [(ch.severity, ch.summary) for ch in c.changes if not ch.kind.startswith("text")] == [
        (
            "medium",
            "the facilities committee overseeing cybersecurity is now named the facilities and technology committee",
        )
    ]


def test_a_committee_dissolved_for_another_is_a_committee_changed() -> None:
    """Reader 28's 20-F: "In June 2025, we dissolved the Information Security Committee and transferred its
    responsibilities to the Group Risk Management Committee, which is chaired by our President and meets quarterly"
    kept the dissolved committee "stated alike in both years", and the new one's "Risk ... Committee" made those
    responsible "report to the board: not stated -> yes"."""

    lead = "Our CISO, Ana Ruiz, is responsible for assessing and managing our cybersecurity risks."
    before = f"{lead} Oversight at management level rests with the Cyber Steering Committee, which our CISO chairs."
    after = (
        f"{lead} In 2025 we disbanded the Cyber Steering Committee and moved its duties to the Enterprise Risk "
        "Management Committee, which meets monthly."
    )
    c = compare(
        _loaded(before),
        _loaded(after),
    )
    assert [ch.summary for ch in c.changes if not ch.kind.startswith("text")] == [
        "management committee changed: cyber steering committee -> enterprise risk management committee"
    ]


def test_the_chair_of_a_management_committee_replaced_beside_the_ciso_is_medium() -> None:
    """Reader 28's insurer: its Chief Risk Officer, who chairs a management committee reviewing cybersecurity risk,
    replaced (Margaret Lin -> Thomas Keegan) while the CISO stayed was "the person responsible changed", high."""
    lead = (
        "Our Chief Information Security Officer, Priya Shah, is responsible for managing cybersecurity risk. Our "
        "Operational Risk Committee, a management committee chaired by our Chief Risk Officer, {who}, reviews "
        "cybersecurity risks each quarter."
    )
    people = [
        (ch.severity, ch.summary)
        for ch in _compared(lead.format(who="Helen Park"), lead.format(who="Victor Adeyemi")).changes
        if ch.fact == "people"
    ]
    assert people == [("medium", "the Chief Risk Officer was replaced: Helen Park -> Victor Adeyemi")], people


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "We also perform security due diligence for acquired businesses.",
            "For businesses we acquire, we also perform security due diligence.",
        ),
        (
            "No cybersecurity threat has materially affected our results of operations or financial conditions.",
            "No cybersecurity threat has materially affected our results of operations or financial condition.",
        ),
        (
            "Our program includes periodic engagement of independent security firms to test our networks.",
            "As part of our program, we periodically engage independent security firms to test our networks.",
        ),
        (
            "For more information about cybersecurity risks and whether they are reasonably likely to materially "
            "affect our results of operations, see the discussion of risk factors in Item 1A.",
            "Further information about cybersecurity risks and whether they are reasonably likely to materially "
            "affect our results of operations appears in the discussion of risk factors in Item 1A.",
        ),
        (
            "Our CISO manages our materials risks from cybersecurity threats.",
            "Our CISO manages our material risks from cybersecurity threats.",
        ),
    ],
    ids=["acquire", "plural-area", "periodic", "cross-reference", "typo"],
)
def test_small_restyles_are_low(before: str, after: str) -> None:
    """Reader 29's restyles, each of which led its verdict as a medium change: "for acquired companies" -> "For
    companies we acquire", "financial [-conditions-]{+condition+}", "periodic engagement of" -> "we periodically
    engage", "please see" -> "appears in" (a statement that cyber risks could materially affect the company), and a
    typo fixed ("[-materials-]{+material+}")."""

    lead = "Our Chief Information Security Officer leads our cybersecurity program."
    c = compare(
        _loaded(f"{lead} {before}"),
        _loaded(f"{lead} {after}"),
    )
    assert [(ch.severity, ch.why) for ch in c.changes if ch.severity != "low"] == []


def test_the_years_of_an_unnamed_team_member_given_primary_oversight() -> None:
    """Reader 29's restyle of CRUS: "Primary oversight ... rests with a member of our IT team, who holds
    industry-recognized certifications and has more than fifteen years of experience" (for the Director of Information
    Security's 25 years) was only "experience no longer stated"."""
    lead = "Our Chief Financial Officer and our Security Manager are responsible for assessing cybersecurity risks."
    before = f"{lead} Our Security Manager has day-to-day oversight of these risks and has over 20 years of experience."
    after = (
        f"{lead} Day-to-day oversight of these risks rests with a member of our operations team, who has more than "
        "eight years of experience."
    )
    summaries = [ch.summary for ch in _compared(before, after).changes if ch.fact == "experience_years"]
    assert summaries == [
        "experience changed: Security Manager: over 20 years -> operations team: more than 8 years"
    ], summaries


def test_a_figure_beside_a_deadline_and_outside_work_cut_from_a_sentence() -> None:
    """Reader 28's contractor: "self-assessment score of 110" -> "Our score ... is 104, and we are remediating ... within
    180 days" was only "“within 180 days” added"; its exchange's "..., and we engage an independent accounting firm to
    perform quarterly attestations of our proof of reserves" cut from a sentence was "“quarterly” dropped"."""
    lead = "Our systems follow NIST SP 800-171."
    change = _rewording(
        f"{lead} Our latest assessment scored 92 of 110 points.",
        f"{lead} Our latest assessment scored 87 of 110 points, and open items must be closed within 90 days.",
    )
    assert change.why == (
        "“within 90 days” added: how quickly it is done changed; a figure stated changed: “92” became “87”"
    ), change.why
    cut = _rewording(
        f"{lead} We obtain annual SOC 1 reports on our payroll processors, and we engage an independent audit firm to "
        "test our access controls twice a year.",
        f"{lead} We obtain annual SOC 1 reports on our payroll processors.",
    )
    assert (cut.severity, cut.why) == (
        "medium",
        "outside firms' work on the program no longer told: “and we engage an independent audit firm to test our "
        "access controls twice a year”",
    )


def test_a_carve_out_made_with_a_second_hedge_says_both() -> None:
    """Reader 27's next UNH year: "has not identified any risks ..." -> "except as described above, ... is not aware of
    any risks ..." said only the carve-out; the rest now said on awareness went unsaid."""
    told = "In May 2025 a threat actor encrypted servers at one of our plants."
    before = (
        f"{told} We have not identified any cybersecurity threats that have materially affected us, including our "
        "results of operations."
    )
    after = (
        f"{told} Other than the matter described above, we are not aware of any cybersecurity threats that have "
        "materially affected us, including our results of operations."
    )
    (statement,) = [ch for ch in _compared(before, after).changes if ch.fact == "material_incident_statement"]
    assert statement.summary == (
        "the statement on material incidents now excepts an incident (“Other than the matter described above”): it "
        "may have been material; the rest is now awareness, not a definite statement"
    ), statement.summary


_HEAD = (
    "Our Head of Security is responsible for assessing and managing our material risks from cybersecurity threats. "
    "Our Head of Security has more than 15 years of experience in information security and reports to our Chief "
    "Technology Officer."
)


@pytest.mark.parametrize(
    ("after", "said"),
    [
        (  # a stand-in named by a second title, a clause of who they are between
            "Our Head of Security stepped down in May 2026. Our Director of Security Engineering, who has 11 years of "
            "experience in information security, is serving as acting Head of Security and is responsible for "
            "assessing and managing our material risks from cybersecurity threats, reporting to our Chief Technology "
            "Officer.",
            "the Head of Security left in May 2026: the Director of Security Engineering holds the role on an acting "
            "basis; stated experience more than 15 years -> 11 years",
        ),
        (  # "prior", "resignation of", and the post taken without naming it
            "Following the resignation of our prior Head of Security in the third quarter of fiscal 2025, our "
            "Security Architecture Lead, who has 9 years of experience in information security, took on the role in "
            "an interim capacity and is responsible for assessing and managing our material risks from cybersecurity "
            "threats. The interim Head of Security reports to our Chief Technology Officer.",
            "the Head of Security left in the third quarter of fiscal 2025: the Security Architecture Lead holds the "
            "role on an interim basis; stated experience more than 15 years -> 9 years",
        ),
        (  # the same title, its new holder said to be new
            "Our previous Head of Security retired in 2025, and our new Head of Security, who has 7 years of "
            "experience in information security, is responsible for assessing and managing our material risks from "
            "cybersecurity threats. Our Head of Security reports to our Chief Technology Officer.",
            "the Head of Security left in 2025: a new Head of Security holds the role; stated experience more than 15 "
            "years -> 7 years",
        ),
    ],
)
def test_a_departure_told_is_said_with_who_holds_the_post_now(after: str, said: str) -> None:
    """Reader 43's PG edit: "Following the departure of our previous CISO in February 2026, the Company's Deputy CISO is
    serving as interim CISO ..." was "the CISO is possibly a different person", a speculation where the text says the
    holder left; an officer gone said with "resignation of our prior" was not read at all (the Deputy "now
    responsible", medium, and the line to the CIO "no longer stated"); and "our previous CISO retired, and our new
    CISO ..." was only the stated experience changed, medium. Written here in other words."""
    c = _compared(_HEAD, after)
    assert _said(c, "people") == [("high", said)]
    assert not [ch for ch in c.changes if ch.fact == "reports_to"]
    assert c.significance == "significant"


def test_a_departure_without_a_successor_named_claims_none() -> None:
    """A departure told while the rest of the text, unchanged, still presents the post: no one is said to hold it now
    (the sentence telling of the departure is the change, high)."""
    c = _compared(_HEAD, f"{_HEAD} In March 2026, our Head of Security stepped down.")
    assert _said(c, "people") == []
    assert _ranks(c, "text_added") == [("high", "departure of the Head of Security, named as responsible")]


def test_a_departure_ranked_above_the_fact_change_behind_it_leads_the_verdict() -> None:
    """Reader 27's MA edit: "Following the departure of our CSO in September 2025, our Deputy Chief Security Officer has
    served as interim CSO" (high) was left out of the verdict, which said only "now responsible: the Interim Chief
    Security Officer" (medium), and the counts said "0 high"."""
    lead = "Our Chief Information Security Officer leads our cybersecurity program."
    after = (
        f"{lead} Our CISO resigned in August 2025, and our Director of Security Operations now serves as acting "
        "CISO. The acting CISO has more than 12 years of experience in security operations."
    )
    c = _compared(lead, after)
    assert c.significance == "significant"
    # (the departure told with the one who took the post: one people change, which the two sentences carry)
    assert c.judgement.top == [
        "the Chief Information Security Officer left in August 2025: the Director of Security Operations holds the "
        "role on an acting basis; stated experience more than 12 years"
    ]
    assert c.counted["high"] == 1, c.counted


def test_a_framework_added_with_a_certification_says_so() -> None:
    """Reader 27's MA edit: "in 2025, the information security management system supporting our core global network was
    certified to ISO/IEC 27001:2022" was "Framework added: ISO/IEC 27001" alone; a sentence certifying one standard
    beside another named is no certification of the other."""
    lead = "Our program is aligned with the NIST Cybersecurity Framework."
    added = [
        ch.summary
        for ch in _compared(
            lead, f"{lead} In 2025 our payments platform achieved ISO/IEC 27001 certification."
        ).changes
        if ch.fact == "frameworks"
    ]
    assert added == ["framework added, with a certification: ISO/IEC 27001"], added
    beside = f"{lead} Our data centers are certified to ISO/IEC 27001 and aligned with the CIS Critical Security Controls."
    assert [
        ch.summary
        for ch in _compared(f"{lead} Our data centers are certified to ISO/IEC 27001.", beside).changes
        if ch.fact == "frameworks"
    ] == ["framework added: CIS Controls"]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (  # responsibility resting with a team "which includes" its officers
            "The security leadership team, including our Chief Information Officer and our Director of Security, is "
            "responsible for managing cybersecurity risk.",
            "Responsibility for managing cybersecurity risk in all of our business units rests with our security "
            "leadership team, which includes our Chief Information Officer and our Director of Security.",
            [],
        ),
        (  # the tenure of the officer a relative clause is about
            "Our CISO runs our security program. Our CISO reports to our Chief Operating Officer, who has held that "
            "post since 2018.",
            "Our CISO runs our security program. Our CISO reports to our Chief Operating Officer, who has held that "
            "post since 2025.",
            [
                "the Chief Operating Officer is possibly a different person: in the role since 2025, where it said 2018"
            ],
        ),
        (  # the full board "rather than" the committee
            "Our Risk Committee is responsible for the oversight of cybersecurity risk.",
            "Our full Board of Directors, instead of the Risk Committee, is responsible for the oversight of "
            "cybersecurity risk.",
            ["oversight moved from the risk committee to the full board of directors"],
        ),
    ],
    ids=["rests-with-team", "supervisor-tenure", "rather-than"],
)
def test_readers_30_and_32_officers_and_overseers(before: str, after: str, expected: list[str]) -> None:
    """Reader 32's restyle "Responsibility ... rests with our cybersecurity management team, which includes our CIO,
    ..." made three officers "no longer described as responsible" (high); reader 30's CTO, "who has served in that role
    since 2025", made the CISO "possibly a different person" (high); its "full Board of Directors, rather than the Audit
    Committee" left the committee "still overseeing"."""

    c = compare(
        _loaded(before),
        _loaded(after),
    )
    assert [ch.summary for ch in c.changes if not ch.kind.startswith("text")] == expected


def test_a_statement_looking_back_less_far_and_an_exception_of_an_incident_judged_not_material() -> None:
    """Reader 30's next Visa and KO years: "in the past three fiscal years" -> "in the past fiscal year" was "reworded; it
    says the same"; "Other than the third-party incident described above, we do not believe ..." beside "The incident
    did not have a material impact" was "now also covers “incident”"."""
    lead = (
        "We were not aware of any cybersecurity incidents in the past {n} that have materially affected us."
    )
    change = _rewording(lead.format(n="two years"), lead.format(n="year"))
    assert (change.severity, change.why) == (
        "medium",
        "the statement on material incidents now looks back one year, not 2 years",
    )
    told = "In 2025 a supplier of ours suffered a ransomware attack. The incident did not have a material impact on us."
    statement = "we do not believe that any cybersecurity threats have materially affected us."
    change = _rewording(
        f"{told} We {statement.removeprefix('we ')}", f"{told} Other than that incident, {statement}"
    )
    assert (change.severity, change.why) == (
        "medium",
        "the statement on material incidents now excepts an incident (“Other than that incident”), which the section "
        "says was not material",
    )


def test_reader_31_statements_and_incidents() -> None:
    """Reader 31's game publisher: "...[-, and we do not believe they are reasonably likely to materially affect us-]"
    was "strengthened" and led the verdict; its "credential-stuffing campaign resulted in unauthorized access to ...
    player accounts" was a routine sentence; its hospital system's "we have not yet determined whether the incident is
    reasonably likely to materially impact ..." was a firm statement, or "the incident stated not material"; and a
    statement split into two sentences was "strengthened"."""
    firm = "Cybersecurity threats have not materially affected us, including our results of operations"
    narrowed = _compared(
        f"{firm}, and we do not believe they are reasonably likely to materially affect us.", f"{firm}."
    )
    (statement,) = [ch for ch in narrowed.changes if ch.fact == "material_incident_strength"]
    assert (statement.severity, statement.summary) == (
        "high",
        "the statement on material incidents no longer says whether cyber risks are reasonably likely to materially "
        "affect the company; what remains is a definite statement",
    )
    lead = "Our CISO leads our program."
    told = (
        "In May 2025, a phishing campaign resulted in unauthorized access to the mailboxes of 40 employees. "
        "As of the date of this report, we have not yet determined whether the incident is reasonably likely to "
        "materially affect our results of operations."
    )
    assert _ranks(_compared(lead, f"{lead} {told}"), "text_added") == [
        ("high", "a sentence on a past cybersecurity incident added"),
        (
            "medium",
            "a sentence on a past cybersecurity incident added, going on from the one before: its effect not yet determined",
        ),
    ]
    one = (
        "We have not experienced any cybersecurity incident that has materially affected us, and we are not aware of "
        "any risks from cybersecurity threats that are reasonably likely to materially affect us."
    )
    two = (
        "We have not experienced a cybersecurity incident that has materially affected us. We are also not aware of "
        "any risks from cybersecurity threats that are reasonably likely to materially affect us."
    )
    assert [ch for ch in _compared(f"{lead} {one}", f"{lead} {two}").changes if ch.fact] == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # "any" incidents experienced are no incidents said to have happened
            "We do not believe we have experienced any cybersecurity incidents that have materially affected us.",
            "We do not believe that any cybersecurity incidents we have experienced have materially affected us.",
        ),
        (  # an engagement in the passive, of "external resources"
            "We also engage external resources to support the design of parts of our program.",
            "External resources are engaged to support the design of parts of our program.",
        ),
        (  # a period as an adjective a few words before its noun
            "The Audit Committee oversees cybersecurity risk, and the Board receives a cybersecurity update on an "
            "annual basis from our Chief Information Officer.",
            "The Audit Committee oversees cybersecurity risk, and the Board also receives an annual Cyber Program "
            "update from our Chief Information Officer.",
        ),
        (  # the same timing as an adjective or an adverb
            "Our contracts require prompt notice to us of any cybersecurity incident at a supplier.",
            "Our contracts require suppliers to notify us promptly of any cybersecurity incident.",
        ),
    ],
    ids=["any-experienced", "external-resources-engaged", "annual-update", "prompt-promptly"],
)
def test_reader_32_restyles_that_said_a_fact_changed(before: str, after: str) -> None:
    """Reader 32's restyles: "any cybersecurity threats or incidents we have experienced" read as incidents now said to
    have happened (medium); "External resources are engaged to support ..." as engaging no one; "an annual Information
    Security Services update" as the board no longer briefed annually; "require prompt notification" -> "require them
    to notify us promptly" as "“prompt” became “promptly”: how quickly it is done changed"."""

    lead = "Our CISO leads our cybersecurity program."
    c = compare(
        _loaded(f"{lead} {before}"),
        _loaded(f"{lead} {after}"),
    )
    assert [(ch.severity, ch.summary or ch.why) for ch in c.changes if ch.severity != "low"] == []


def test_the_years_of_a_group_told_of_the_sentence_before() -> None:
    """Reader 30's next TSLA year: "... overseen by leaders from our Information Security, Product Security, Compliance
    and Legal teams. Such individuals have an average of over 15 years of prior work experience" -> "over 12 years" was
    routine (the group's years never read)."""
    lead = "Our program is run by managers from our IT and Risk functions."
    said = "These leaders have an average of more than {n} years of experience in technology and security."
    summaries = [
        ch.summary
        for ch in _compared(f"{lead} {said.format(n=14)}", f"{lead} {said.format(n=9)}").changes
        if ch.fact == "experience_years"
    ]
    assert summaries == [
        "the stated experience of the leaders described changed: more than 14 years -> more than 9 years"
    ], summaries


def test_an_officer_named_by_a_short_form_or_in_a_sentence_split_off_is_still_named() -> None:
    """Reader 32's restyles: two sentences merged ('... our Vice President, Corporate Information Security, Risk &
    Compliance ("VP, CIS"). Our VP, CIS has ...' into '..., who has ...') were "the sentence no longer names the Vice
    President, Cis"; a reporting line split off into a sentence of its own ("The CIO, in turn, reports to our Chief
    Technology Officer") was "the sentence no longer names the Chief Technology Officer". Both medium, both form."""
    merged = compare(
        _loaded(
            "Day-to-day responsibility for cybersecurity lies with our Senior Vice President, Global Security "
            'Operations ("SVP, GSO"). Our SVP, GSO has more than 18 years of experience in network defense.'
        ),
        _loaded(
            "Day-to-day responsibility for cybersecurity lies with our Senior Vice President, Global Security "
            'Operations ("SVP, GSO"), who has more than 18 years of experience in network defense.'
        ),
    )
    assert [c.severity for c in merged.changes] == ["low"], [c.why for c in merged.changes]
    lead = "Our Head of Security Engineering is responsible for assessing and managing risks from cybersecurity threats. "
    old = _loaded(
        lead
        + 'The Head of Security Engineering reports to our Chief Digital Officer ("CDO") who has significant '
        "experience running engineering teams at large retailers and our CDO reports to our Chief Operating Officer."
    )
    split = compare(
        old,
        _loaded(
            lead
            + 'The Head of Security Engineering reports to our Chief Digital Officer (the "CDO"), who has '
            "significant experience running engineering teams at large retailers. The CDO, in turn, answers to our "
            "Chief Operating Officer, who sets the budget for technology across the group."
        ),
    )
    assert {c.severity for c in split.changes} == {"low"}, [c.why for c in split.changes]
    # the officer no sentence names any longer is still said
    dropped = compare(
        old,
        _loaded(
            lead
            + 'The Head of Security Engineering reports to our Chief Digital Officer (the "CDO"), who has '
            "significant experience running engineering teams at large retailers. The CDO, in turn, runs our data "
            "centers and our network operations across the group."
        ),
    )
    assert "the sentence no longer names the Chief Operating Officer" in [c.why for c in dropped.changes]


def test_a_career_told_as_roles_held_keeps_its_years() -> None:
    """Reader 32's restyle: "Our CISO has served in that role for over 5 years and in various roles in information
    technology and information security for over 20 years" -> "He has been our CISO for over 5 years and has held
    various roles ... for over 20 years" was "Experience no longer stated: ... over 20 years" (medium)."""
    lead = "Our Head of Security Operations leads our cybersecurity program. "
    c = compare(
        _loaded(
            lead
            + "Our Head of Security Operations has served in that role since 2021 and in a range of positions in "
            "network engineering and security operations for more than 18 years."
        ),
        _loaded(
            lead
            + "She has been our Head of Security Operations since 2021 and has held a range of positions in "
            "network engineering and security operations for more than 18 years."
        ),
    )
    assert not [ch for ch in c.changes if ch.kind.startswith("fact_") or ch.fact == "people"], [
        ch.summary for ch in c.changes
    ]
    assert {ch.severity for ch in c.changes} == {"low"}


def test_a_committee_defined_anew_in_a_split_sentence_is_still_named_and_responsible() -> None:
    """Reader 32's restyle: 'Our multi-level cybersecurity governance structure begins with our management-level
    Enterprise Risk Management ("ERM") Committee, which consists of ...' -> 'Our cybersecurity governance structure has
    multiple levels. It begins with our Enterprise Risk Management Committee (the "ERM Committee"), a management-level
    committee made up of ...' was "Management committee no longer named" and Item 106(c)(2)(i) "yes -> not stated"
    (both medium), and the defined short form a second committee named."""
    from tracker.facts import extract_facts

    after = "The TR Committee reports to our Chief Executive Officer each quarter."
    old = _loaded(
        "Our layered information security governance model starts with our management-level Technology Risk "
        '("TR") Committee, which is composed of senior leaders from each business unit. ' + after
    )
    new = _loaded(
        "Our information security governance model has several layers. It starts with our Technology Risk "
        'Committee (the "TR Committee"), a management-level committee composed of senior leaders from each business '
        "unit. " + after
    )
    c = compare(old, new)
    assert {ch.severity for ch in c.changes} == {"low"}, [(ch.kind, ch.why, ch.summary) for ch in c.changes]
    assert [fv.value for fv in extract_facts(new)["management_committees"]] == ["technology risk committee"]


def test_a_report_moved_from_the_boards_committee_to_managements_of_the_same_name_says_so() -> None:
    """Reader 32's LC edit: "The results of such assessments are reported to the [-Board-]{+Management+} Operational
    Risk Committee" was "the sentence now names the management operational risk committee (also named elsewhere)",
    as if one more body were told, where the results no longer reach the board's committee."""
    text = (
        "Oversight of cybersecurity risk rests with the Technology Committee of our Board of Directors (the Board "
        "Technology Committee). Independent assessors test our controls every year. Their findings are presented to "
        "the {body} Technology Committee. Our CISO chairs our Management Technology Committee."
    )
    c = compare(_loaded(text.format(body="Board")), _loaded(text.format(body="Management")))
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert change.severity == "medium"
    assert "where it named the board's technology committee" in (change.why or ""), change.why
    assert "not the board's" in (change.why or "")


def test_a_line_moved_a_level_down_names_the_new_officer_whole_and_not_the_one_above() -> None:
    """Reader 32's WGO edit: "Our CIO reports to our [SVP - CFO, ...]" -> "Our CIO reports to our Vice President and
    Corporate Controller, who reports to our Senior Vice President - Chief Financial Officer" was "the officer ... is
    retitled" (the CFO's line read as the CIO's) beside "now reports to the Vice President" (the title cut short)."""
    from tracker.facts import extract_facts

    lead = "Our Director of IT Security leads our cybersecurity program. "
    old = _loaded(lead + "The Director of IT Security reports to our Chief Financial Officer.")
    new = _loaded(
        lead + "The Director of IT Security reports to our Vice President and Treasurer, who reports to our "
        "Chief Financial Officer."
    )
    assert [fv.value for fv in extract_facts(new)["reports_to"]] == ["Vice President and Treasurer"]
    summaries = [c.summary or "" for c in compare(old, new).changes if c.fact == "reports_to"]
    assert summaries == [
        "the person responsible now reports to the Vice President and Treasurer instead of the Chief Financial Officer"
    ], summaries
    # one of those responsible reporting to another, who reports on: both lines are theirs
    both = _loaded(
        "Our Chief Information Security Officer leads our cybersecurity program and reports to our Chief Information "
        "Officer, who reports to our Chief Executive Officer. Our Chief Information Officer is also responsible for "
        "managing cybersecurity risk."
    )
    assert [fv.value for fv in extract_facts(both)["reports_to"]] == [
        "Chief Information Officer",
        "Chief Executive Officer",
    ]


def test_internal_audits_independent_work_is_no_outsider_engaged() -> None:
    """Reader 32's NKE edit: "We also engage third parties to assess our cybersecurity program maturity ..." -> "Our
    cybersecurity team also assesses ..." was "Routine", because internal audit's "independent testing" in the
    sentence before read as third parties engaged (Item 106(b)(1)(ii) still yes)."""
    lead = (
        "Our internal audit group performs independent reviews of our information security controls each year and "
        "reports its findings to the Audit Committee. "
    )
    c = compare(
        _loaded(
            lead + "We also retain outside consultants to benchmark our security program against our peers."
        ),
        _loaded(
            lead + "Our security operations group also benchmarks our security program against our peers."
        ),
    )
    (flag,) = [ch for ch in c.changes if ch.kind == "flag_flipped"]
    assert flag.element == "CybersecurityRiskManagementThirdPartyEngagedFlag"
    assert (flag.old, flag.new, flag.severity) == (True, None, "medium")


def test_an_officer_who_now_judges_which_incidents_go_on_is_said() -> None:
    """Reader 32's PRGS edit: "require reporting to our Disclosure Committee regarding any [-potentially material
    -]cybersecurity incidents{+ that our Chief Information Security Officer determines to be material+}" said only
    "“potentially material” became “material”", not that the CISO now decides which incidents reach the committee."""
    text = (
        "Our incident response procedures require escalation to our Crisis Management Committee of {which}."
    )
    c = compare(
        _loaded(text.format(which="all significant security incidents")),
        _loaded(
            text.format(
                which="those security incidents that our Head of Security Operations deems significant"
            )
        ),
    )
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    # (high: readers 32 and 37 each ranked such a gate on what reaches those who judge disclosure high)
    assert change.severity == "high"
    assert "the Head of Security Operations now decides which incidents are escalated" in (
        change.why or ""
    ), change.why
    # and where the judge comes in a condition ("only if our Chief Financial Officer determines ...": reader 37's)
    _gate_said(
        "Security incidents are escalated to our executive leadership team.",
        "Security incidents are escalated to our executive leadership team only if our Chief Operating Officer "
        "determines that they are significant.",
        "the Chief Operating Officer now decides which incidents are escalated",
    )
    # and management as a whole (reader 40's restaurant chain: "... notified only of incidents that management has
    # determined to be material" was "no longer says the audit committee is briefed as needed", medium)
    _gate_said(
        "Our Risk Committee is informed of all significant cybersecurity incidents.",
        "Our Risk Committee is informed of only those cybersecurity incidents that senior management has deemed "
        "material.",
        "management now decides which incidents are",
    )


def _gate_said(old: str, new: str, said: str) -> None:
    """That the rewording from old to new is high and says who now decides which incidents go on (`said`)."""
    (change,) = [ch for ch in compare(_loaded(old), _loaded(new)).changes if ch.kind == "text_changed"]
    assert change.severity == "high", change.why
    assert said in (change.why or ""), change.why


def test_a_count_of_briefings_a_year_that_names_no_period_is_a_frequency() -> None:
    """An unseen reader's edit: "briefs the Audit Committee ... [-quarterly-]{+at least five times a year+}" was "no
    longer says the audit committee is briefed quarterly", as if the briefings had stopped."""
    text = "Our Chief Information Security Officer leads our program and updates the Risk Committee {how}."
    c = compare(_loaded(text.format(how="twice a year")), _loaded(text.format(how="eight times per year")))
    (fact,) = [ch for ch in c.changes if ch.fact == "briefing_frequency"]
    assert (
        fact.summary
        == "the risk committee is now briefed eight times a year instead of twice a year (more often)"
    )


def test_a_count_of_the_parts_a_text_sets_out_is_form() -> None:
    """Reader 32's restyle: "Our processes ... are fully integrated into our enterprise risk management program and
    include the following areas of focus:" -> "We have fully integrated our processes ... into our enterprise risk
    management program. Those processes focus on two areas." was "“two” added in a sentence stating ...", medium."""
    c = compare(
        _loaded(
            "Our cybersecurity risk management program is part of our enterprise risk management framework and is "
            "built on the following pillars: prevention, detection and response."
        ),
        _loaded(
            "Our cybersecurity risk management program, which is part of our enterprise risk management framework, "
            "is built on three pillars: prevention, detection and response."
        ),
    )
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert change.severity == "low", change.why


def test_money_diverted_by_a_fraud_on_the_filer_or_its_agent_is_an_incident_told() -> None:
    """Reader 34's REIT: "In August 2024, one of our property managers was the target of a business email compromise,
    as a result of which a rent payment of approximately $2.3 million was diverted to a fraudulent account" (and "a
    phishing attack on one of our property managers resulted in the diversion of ...") was a routine sentence added."""
    statement = " We have not identified any cybersecurity incidents that have materially affected us."
    for told in (
        "In March 2025, our leasing agent was the victim of a business email compromise, and a tenant deposit of "
        "about $640,000 was misdirected to an account controlled by criminals.",
        "In the second quarter of 2025, a phishing attack against our payroll provider resulted in the diversion of "
        "two payroll runs.",
    ):
        c = compare(_loaded(statement.strip()), _loaded(told + statement))
        (added,) = [ch for ch in c.changes if ch.kind == "text_added"]
        assert added.severity == "high", (told, added.why)
        assert "past cybersecurity incident" in (added.why or "")


def test_a_successor_named_as_serving_in_the_post_or_as_its_holder_is_a_replacement() -> None:
    """Reader 33's: "Trent Cox is serving as our Chief Security Officer" -> "Daniel Mercer is serving as ..." and "Our
    Chief Security Officer is Trent Cox" -> "... is Daniel Mercer" were "No substantive change": the names were read
    as no one's."""
    line = " She reports to our Chief Operating Officer."
    for old, new in (
        (
            "Priya Natarajan is currently serving as our Head of Information Security.",
            "Grace Okonkwo is currently serving as our Head of Information Security.",
        ),
        (
            "Our Director of Cybersecurity is Helena Marsh.",
            "Our Director of Cybersecurity is Rosa Delgado.",
        ),
    ):
        c = compare(_loaded(old + line), _loaded(new + line))
        replaced = [ch for ch in c.changes if ch.fact == "people" and ch.change == "replaced"]
        assert [ch.severity for ch in replaced] == ["high"], [(ch.summary, ch.severity) for ch in c.changes]


def test_a_statement_carved_out_by_the_risk_factors_or_judged_by_belief_is_no_statement_dropped() -> None:
    """Reader 33's: "In 2025, except as described in Part I, Item 1A, "Risk Factors," we did not identify any
    cybersecurity threats that have materially affected ..." and "We have not experienced any cybersecurity incidents
    that we believe to be material" were each "the statement ... was dropped" (high): a carve-out and a hedge."""
    plain = "To date, we have not identified any cybersecurity incidents that have materially affected our business."
    carved = (
        'To date, other than as discussed in Item 1A, "Risk Factors," we have not identified any cybersecurity '
        "incidents that have materially affected our business."
    )
    (fact,) = [ch for ch in compare(_loaded(plain), _loaded(carved)).changes if ch.fact]
    assert "now excepts" in (fact.summary or ""), fact.summary
    believed = (
        "We are not aware of any cybersecurity incidents during the year that we consider to be material."
    )
    judged = "We have had no cybersecurity incidents during the year that we believe were material."
    facts = [ch for ch in compare(_loaded(believed), _loaded(judged)).changes if ch.fact]
    assert not [ch for ch in facts if "dropped" in (ch.summary or "")], [ch.summary for ch in facts]


def test_one_who_leads_under_anothers_supervision_reports_to_that_one() -> None:
    """Reader 34's airline: "Our CISO, Tomas Ekdahl, leads our cybersecurity function [-and reports to-]{+under the
    supervision of+} our Chief Information Officer" was "Now responsible: Chief Information Officer" beside "No longer
    says the person responsible reports to the Chief Information Officer", both medium, both false."""
    text = "Our Director of Information Security, Amara Osei, manages our security program {how} our Chief Financial Officer."
    c = compare(
        _loaded(text.format(how="and reports to")), _loaded(text.format(how="under the direction of"))
    )
    assert [ch.severity for ch in c.changes] == ["low"], [(ch.summary, ch.why) for ch in c.changes]


def test_outside_firms_work_narrowed_or_brought_in_house_is_said() -> None:
    """Reader 34's foundry and REIT: "We engage third-party cybersecurity firms to conduct annual assessments of our IT
    [-and OT controls and to perform red-team exercises against our fab networks-]" and "HCP {+performs an annual
    internal assessment of its program and+} engages an outside cybersecurity firm to perform an annual penetration
    test" were each "Routine": the outsiders' work cut, or taken in-house."""
    narrowed = compare(
        _loaded(
            "We retain an independent security firm to perform penetration testing and tabletop exercises for our "
            "retail platforms every year."
        ),
        _loaded(
            "We retain an independent security firm to perform penetration testing of our retail platforms every year."
        ),
    )
    (change,) = [ch for ch in narrowed.changes if ch.kind == "text_changed"]
    assert (change.severity, change.why) == (
        "medium",
        "outside firms' work narrowed: tabletop exercises no longer told",
    )
    in_house = compare(
        _loaded("An external auditor reviews our access controls and tests our backups each year."),
        _loaded(
            "Our internal audit team reviews our access controls, and an external auditor tests our backups each year."
        ),
    )
    (change,) = [ch for ch in in_house.changes if ch.kind == "text_changed"]
    assert change.severity == "medium"
    assert (change.why or "").startswith("work now done in-house"), change.why


def test_the_boards_directors_and_an_outsiders_reports_answer_no_item_106_c2() -> None:
    """Reader 33's restyles: "Our CISO regularly updates [-the audit committee-]{+our board of directors+} on
    cybersecurity risks" flipped Item 106(c)(2)(i) ("directors" read as a word of directing); cutting "The Committee
    also receives periodic reports from an experienced outside consultant ..." flipped Item 106(c)(2)(iii), as if
    those responsible no longer reported to the board."""
    lead = "The Board has delegated oversight of cybersecurity risk to its Risk Committee. "
    c = compare(
        _loaded(lead + "Our Head of IT informs the Risk Committee of cybersecurity matters at each meeting."),
        _loaded(
            lead + "Our Head of IT informs the board of directors of cybersecurity matters at each meeting."
        ),
    )
    flags = [ch.element for ch in c.changes if ch.kind == "flag_flipped"]
    assert "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag" not in flags, flags
    consultant = " The Risk Committee also receives quarterly updates from an independent security advisor on emerging threats."
    c = compare(_loaded(lead + consultant.strip()), _loaded(lead.strip()))
    flags = [ch.element for ch in c.changes if ch.kind == "flag_flipped"]
    assert "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag" not in flags, flags


def test_oversight_the_board_had_delegated_before_is_the_committees_no_longer() -> None:
    """Reader 33's: "Our board of directors directly oversees cybersecurity risk management, which it had previously
    delegated to the audit & risk oversight committee" left the committee "stated alike" as overseeing, and the move
    medium."""
    c = compare(
        _loaded("Our Board has assigned oversight of cybersecurity risk to its Technology Committee."),
        _loaded(
            "Our Board now oversees cybersecurity risk itself, an oversight it had formerly assigned to its "
            "Technology Committee."
        ),
    )
    moved = [ch for ch in c.changes if ch.fact == "board_oversight"]
    assert [(ch.severity, ch.summary) for ch in moved] == [
        ("high", "oversight moved from the technology committee to the full board of directors")
    ], [(ch.severity, ch.summary) for ch in c.changes]


def test_the_same_officer_moved_to_an_outside_contract_is_the_post_now_held_by_an_outside_provider() -> None:
    """Reader 34's airline: "Our CISO, Tomas Ekdahl, leads our cybersecurity function and reports to our CIO" -> "Our
    cybersecurity function is led by a virtual Chief Information Security Officer, Tomas Ekdahl, provided under contract
    by Sentinel Advisory Group, LLC, who works under the supervision of our Chief Information Officer" was "Tomas
    Ekdahl is no longer described as responsible" and the line to the CIO dropped."""
    c = compare(
        _loaded(
            "Our Head of Security, Lena Park, runs our security program and reports to our Chief Operating Officer."
        ),
        _loaded(
            "Our security program is run by an outsourced Head of Security, Lena Park, engaged through Bluewater Cyber "
            "LLC, who works under the supervision of our Chief Operating Officer."
        ),
    )
    summaries = [ch.summary or "" for ch in c.changes if ch.fact in ("people", "reports_to")]
    assert summaries == ["the role of Head of Security is now held by an outside provider"], summaries


def test_a_person_named_no_longer_among_those_who_report_to_the_board_is_said() -> None:
    """Reader 34's airline: "Our Chief Information Officer [-and Mr. Ekdahl report-]{+reports+} to the Board on
    cybersecurity matters" (its CISO no longer said to report to the board) was "No substantive change"."""
    lead = "Our Chief Security Officer, Naomi Adeyemi, leads our security program. "
    c = compare(
        _loaded(
            lead + "Our Chief Technology Officer and Ms. Adeyemi brief the Audit Committee twice a year."
        ),
        _loaded(lead + "Our Chief Technology Officer briefs the Audit Committee twice a year."),
    )
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert (change.severity, change.why) == ("medium", "the sentence no longer names Ms. Adeyemi")


def test_the_officer_reported_to_who_takes_over_is_the_replacement() -> None:
    """Reader 34's REIT: the CISO, Laura Benedetti, who had reported to the CTO, left, and "HCP's Chief Technology
    Officer, Robert Quinlan, is responsible on an interim basis": "Laura Benedetti is no longer described as
    responsible" beside "the Chief Technology Officer is now named", no replacement said."""
    c = compare(
        _loaded(
            "Our Director of Security, Ines Moreau, is responsible for managing cybersecurity risk. She reports to our "
            "Chief Operating Officer."
        ),
        _loaded(
            "Ines Moreau, our former Director of Security, left the Company in May 2025. Until a successor is hired, our "
            "Chief Operating Officer, Paul Brandt, is responsible for managing cybersecurity risk."
        ),
    )
    people = _said(c, "people")
    assert people == [
        (
            "high",
            "Paul Brandt (Chief Operating Officer, to whom the role reported) replaced Ines Moreau as the person "
            "responsible for cybersecurity",
        )
    ], people


def test_a_line_to_a_chief_officer_by_an_acronym_never_spelled_out_is_read() -> None:
    """Reader 33's: "Trent Cox is our Chief Security Officer. He reports directly to the CIDO." -> "Rebecca Alvarez
    ..." was medium ("the people in charge of cybersecurity changed"), where "the Chief Information Digital Officer"
    spelled out made the CSO the one responsible and the replacement high."""
    text = "{name} is our Head of Cyber Defense. {pronoun} reports directly to the CDTO."
    c = compare(
        _loaded(text.format(name="Omar Farouk", pronoun="He")),
        _loaded(text.format(name="Julia Brandt", pronoun="She")),
    )
    people = _said(c, "people")
    assert people == [("high", "the Head of Cyber Defense was replaced: Omar Farouk -> Julia Brandt")], people


def test_a_line_read_of_an_unnamed_officer_stays_with_the_person_later_named() -> None:
    """Reader 33's: "Our CSO reports to the Chief Financial Officer. In June 2025, Priya Raman was appointed as our
    CSO" left the line with the unnamed CSO, so no one was responsible: "the Chief Security Officer is no longer
    described as responsible for cybersecurity", high, for a CSO the text names."""
    from tracker.facts import extract_facts

    d = _loaded(
        "Incidents are escalated to management, including our Head of Product Security and our General Counsel. Our "
        "Head of Product Security reports to the Chief Technology Officer. In April 2025, Daniel Osei was named our "
        "Head of Product Security."
    )
    people = [fv.value for fv in extract_facts(d)["people"]]
    assert [(p["name"], p["role"]) for p in people if p["name"]] == [("Daniel Osei", "responsible")], people


def test_an_officer_by_acronym_one_year_and_spelled_out_the_next_is_one_line() -> None:
    """Reader 33's: "He reports directly to the CIDO" -> "She reports directly to the Chief Information Digital
    Officer" said "the person responsible now reports to the Chief Information Digital Officer instead of the CIDO"."""
    c = compare(
        _loaded(
            "Our Head of Cyber Defense leads our security team. The Head of Cyber Defense reports to the CDTO."
        ),
        _loaded(
            "Our Head of Cyber Defense leads our security team. The Head of Cyber Defense reports to the Chief Digital "
            "and Technology Officer."
        ),
    )
    assert not [ch for ch in c.changes if ch.fact == "reports_to"], [ch.summary for ch in c.changes]


def test_a_biography_names_where_each_post_was_held_and_not_the_filer_joined() -> None:
    """Reader 33's: "Ms. Raman previously served as Chief Information Security Officer of Intuit Inc. and, before that,
    as Vice President of Security Engineering at Cisco Systems, Inc." named "Cisco Systems" and "Inc" (Intuit lost);
    "Prior to joining Boeing in 2025, Ms. Alvarez served as Chief Information Security Officer of Lockheed Martin
    Corporation and ..." named Boeing, the filer, and lost Lockheed Martin."""
    from tracker.facts import extract_facts

    d = _loaded(
        "Our Chief Information Security Officer, Tomasz Nowak, leads our cybersecurity program. Prior to joining "
        "Fairway Foods in 2024, Mr. Nowak served as Chief Security Officer of Harbor Freight Lines LLC and Director "
        "of Network Defense at Orion Logistics, Inc."
    )
    (person,) = [fv.value for fv in extract_facts(d)["people"] if fv.value["name"]]
    assert person["former_employers"] == ["Harbor Freight Lines LLC", "Orion Logistics"], person


def test_any_incident_in_the_singular_is_still_the_statement() -> None:
    """Reader 36's: "We do not believe that any cybersecurity incidents have materially affected us ..." -> "... any
    cybersecurity incident has materially affected us ..." was "the statement ... was dropped; it now says only that one
    incident has not", Significant."""
    c = compare(
        _loaded(
            "We are not aware that any security breaches have had a material effect on our operations or finances."
        ),
        _loaded(
            "We are not aware that any security breach has had a material effect on our operations or finances."
        ),
    )
    assert [ch.severity for ch in c.changes] == ["low"], [(ch.summary, ch.why) for ch in c.changes]


def test_incidents_told_without_the_word_incident_and_those_notified_after_them() -> None:
    """Reader 36's retailer and 20-F: malicious software found on payment terminals, and a denial-of-service attack that
    "disrupted customer access for approximately 14 hours", each "Routine"; the regulator notified after it, low."""
    lead = "We maintain an incident response plan."
    for told in (
        "In February 2025, we discovered malware on servers at two of our distribution centers that may have "
        "captured employee credentials.",
        "In July 2025, an unauthorized third party accessed our dealer portal and viewed order histories.",
        "In May 2025, a criminal group launched a denial-of-service attack on our booking website, which disrupted "
        "customer reservations for most of a day.",
    ):
        notified = " We notified the Federal Office for Information Security and the customers affected."
        c = compare(_loaded(lead), _loaded(told + notified + " " + lead))
        added = [ch for ch in c.changes if ch.kind == "text_added"]
        assert [ch.severity for ch in added] == ["high", "medium"], (told, [ch.why for ch in added])


def test_roman_numerals_and_a_list_of_years_respectively_are_form() -> None:
    """Readers 36 and 35: "SOC 2 Type [-II-]{+2+}" was "“2” added", medium; "over 28 years and 29 years ...,
    respectively" -> "over 28 and 29 years ..., respectively" read as one range, the CISO "possibly a different
    person", high."""
    soc = "An independent auditor examines our SOC 1 Type {t} controls every year."
    c = compare(_loaded(soc.format(t="II")), _loaded(soc.format(t="2")))
    assert [ch.severity for ch in c.changes] == ["low"], [ch.why for ch in c.changes]
    lead = "Our Chief Technology Officer (CTO) and Chief Security Officer (CSO) lead the security team. "
    _reworded_alike(
        lead + "Our CTO and CSO have over 15 years and 22 years of experience, respectively.",
        lead + "Our CTO and CSO have over 15 and 22 years of experience, respectively.",
    )


def test_oversight_delegated_in_the_passive_and_years_told_of_they_and_pronouns_are_form() -> None:
    """Reader 35's restyles: "Primary oversight ... has been delegated by the Board of Directors to the Audit
    Committee" (the board "no longer said to oversee"); "They have over 28 years and 29 years ..., respectively" after
    the sentence naming them (their experience "no longer stated"); "each receives", "or one that" ("“each” added",
    "“one” added")."""
    _reworded_alike(
        "The Board has delegated oversight of cybersecurity risk to its Risk Committee.",
        "Oversight of cybersecurity risk has been delegated by the Board to its Risk Committee.",
    )
    c = compare(
        _loaded(
            "Our Chief Information Officer (CIO) and Chief Security Officer (CSO), each of whom has over 18 years and "
            "24 years of experience in technology, respectively, lead the security team."
        ),
        _loaded(
            "The security team is led by our Chief Information Officer (CIO) and Chief Security Officer (CSO). They "
            "have over 18 years and 24 years of experience in technology, respectively."
        ),
    )
    assert not [ch for ch in c.changes if ch.severity != "low"], [(ch.summary, ch.why) for ch in c.changes]
    c = compare(
        _loaded(
            "Our program reduces the impact of an incident at a supplier or that affects systems we license."
        ),
        _loaded(
            "Our program reduces the impact of an incident at a supplier or one that affects systems we license."
        ),
    )
    assert [ch.severity for ch in c.changes] == ["low"], [ch.why for ch in c.changes]


def test_successors_named_in_other_words_are_replacements() -> None:
    """Reader 36's: "we appointed Priya Raman as Vice President, Cybersecurity" (no article), "Alicia Moreno joined us in
    June 2024 as Senior Vice President and Chief Information Security Officer", and "Following the departure of our
    former CISO ..., Amit Levi, our Vice President, Research and Development, has served as interim Chief Information
    Security Officer" each left the successor "newly described ..., not as responsible" (or no one at all)."""
    old = _loaded(
        "Our Director of Information Security, Sam Okoro, manages our cybersecurity program and reports to our Chief "
        "Financial Officer."
    )
    for new in (
        "In May 2025, we appointed Hana Kimura as Vice President, Information Security. She reports to our Chief "
        "Financial Officer.",
        "Hana Kimura joined us in May 2025 as Vice President and Chief Information Security Officer and reports to "
        "our Chief Financial Officer.",
        "Following the departure of our former Director of Information Security in May 2025, Hana Kimura, our Vice "
        "President of Infrastructure, has served as interim Chief Information Security Officer. She reports to our "
        "Chief Financial Officer.",
    ):
        c = compare(old, _loaded(new))
        people = [(ch.severity, ch.change) for ch in c.changes if ch.fact == "people"]
        assert people == [("high", "replaced")], (new, [(ch.summary, ch.severity) for ch in c.changes])


def test_officers_told_of_incidents_swapped_are_said() -> None:
    """Reader 36's: "escalated to the Chief [-Financial-]{+Executive+} Officer and the General Counsel" was "No
    substantive change"."""
    text = "Significant security events are escalated promptly to our {who} and our Chief Legal Officer."
    c = compare(
        _loaded(text.format(who="Chief Operating Officer")), _loaded(text.format(who="Chief Risk Officer"))
    )
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert change.severity == "medium"
    assert "now escalated to the Chief Risk Officer, not the Chief Operating Officer" in (change.why or ""), (
        change.why
    )


def test_a_carve_out_of_an_incident_still_being_assessed_is_said_so() -> None:
    """Reader 36's: "To our knowledge, other than the potential effects of the November 2024 incident, which we continue
    to assess, no cybersecurity incident has materially affected us ..." was the statement "dropped" ("potential" read
    as a hypothetical); "Except for the October 2024 incident, the effects of which we are still assessing, risks from
    cybersecurity threats ... have not materially affected us" was an incident "the section says was not material"."""
    plain = "Risks from cybersecurity threats have not materially affected us, including our results of operations."
    for carved in (
        "Apart from the possible impact of the March 2025 incident, which we are still evaluating, risks from "
        "cybersecurity threats have not materially affected us, including our results of operations.",
        "To our knowledge, other than the potential consequences of the March 2025 incident, which we continue to "
        "investigate, no cybersecurity incident has materially affected us, including our results of operations.",
    ):
        facts = [ch for ch in compare(_loaded(plain), _loaded(carved)).changes if ch.fact]
        summaries = [ch.summary or "" for ch in facts]
        assert any(
            "now excepts an incident" in s and "its effect not yet determined" in s for s in summaries
        ), summaries


def test_members_of_a_committee_and_a_deputy_are_not_made_responsible() -> None:
    """Reader 35's restyles: the Risk and Compliance Committee's members moved into a "which is comprised of" clause
    ("now responsible for cybersecurity: the Senior Vice President"); "reporting to our CISO is our Deputy CISO" split
    into "Our Deputy CISO reports to our CISO" ("now responsible: the Deputy CISO", "now reports to the CISO")."""
    lead = "The Audit Committee oversees cybersecurity risk. In addition, "
    c = compare(
        _loaded(
            lead
            + "our Operational Risk Council (ORC) is responsible for oversight of our enterprise risk program and "
            "is comprised of the Senior Leadership Team and the Executive Vice President and Chief Risk Officer."
        ),
        _loaded(
            lead
            + "our Operational Risk Council (ORC), which is comprised of the Senior Leadership Team and the "
            "Executive Vice President and Chief Risk Officer, is responsible for oversight of our enterprise risk "
            "program."
        ),
    )
    assert [ch.severity for ch in c.changes] == ["low"], [(ch.summary, ch.why) for ch in c.changes]
    _reworded_alike(
        "Our Chief Technology Officer reports to our Chief Executive Officer, our Chief Security Officer reports to "
        "our Chief Technology Officer, and reporting to our Chief Security Officer is our Deputy Chief Security Officer.",
        "Our Chief Technology Officer reports to our Chief Executive Officer. Our Chief Security Officer reports to "
        "our Chief Technology Officer. Our Deputy Chief Security Officer reports to our Chief Security Officer.",
    )


def test_oversight_limited_to_a_part_of_the_risk_is_said() -> None:
    """Reader 35's NFLX edit: "The Audit Committee of the Board oversees our cybersecurity risk {+relating to payment
    information+} and receives regular reports ..." was "No substantive change"."""
    text = "The Risk Committee of our Board oversees cybersecurity risks{limit} and is briefed by our CISO each quarter."
    c = compare(
        _loaded(text.format(limit="")),
        _loaded(text.format(limit=" related to our retail banking operations")),
    )
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert change.severity == "medium"
    assert (change.why or "").startswith("what the board oversees was narrowed"), change.why


def test_a_carve_out_that_admits_a_material_effect_and_a_named_stand_in() -> None:
    """Reader 38's casino operator: "Other than the September 2024 incident, which materially affected our results of
    operations for the third quarter of 2024, we have not experienced ..." was "it may have been material"; "Our Chief
    Information Officer, Linda Park, has served as interim Head of Cyber Defense since his departure" left no one
    responsible after the Head of Cyber Defense left."""
    plain = "We have not identified any cybersecurity incidents that have materially affected us."
    carved = (
        "Other than the ransomware attack of June 2025, which had a material adverse effect on our second-quarter "
        "revenue, we have not identified any cybersecurity incidents that have materially affected us."
    )
    summaries = [ch.summary or "" for ch in compare(_loaded(plain), _loaded(carved)).changes if ch.fact]
    assert any(s.endswith(": the company says it was material") for s in summaries), summaries
    c = compare(
        _loaded(
            "Our security program is led by our Director of Cybersecurity, Omar Haddad. Mr. Haddad reports to our Chief "
            "Technology Officer, Grace Liu."
        ),
        _loaded(
            "Omar Haddad, our former Director of Cybersecurity, left the company in March 2025. Our Chief Technology "
            "Officer, Grace Liu, has served as acting Director of Cybersecurity since then."
        ),
    )
    people = _said(c, "people")
    # (and the officer the role reported to, now holding it, is said so, with the stand-in's basis: the line to that
    # officer is no line "no longer" stated, reader 38's defense supplier)
    assert people == [
        (
            "high",
            "Grace Liu (Chief Technology Officer, to whom the role reported) replaced Omar Haddad as the person "
            "responsible for cybersecurity, on an acting basis",
        )
    ], people
    assert not [ch.summary for ch in c.changes if ch.fact == "reports_to"]


def test_who_decides_materiality_is_no_one_made_responsible() -> None:
    """Reader 37's POWI edit: "It is the responsibility of [-the Cybersecurity Incident Response team-]{+our Chief
    Financial Officer+} to determine if an incident is material" was "now responsible for cybersecurity: the Chief
    Financial Officer"."""
    lead = "Our Director of Security Engineering is responsible for our cybersecurity program. "
    text = "It is the responsibility of {who} to determine whether a security incident is material."
    c = compare(
        _loaded(lead + text.format(who="our incident response team")),
        _loaded(lead + text.format(who="our General Manager, Operations")),
    )
    assert not [ch for ch in c.changes if ch.fact in ("responsible_titles", "people")], [
        ch.summary for ch in c.changes
    ]
    (change,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert change.severity == "medium"
    assert (change.why or "").startswith("who determines whether an incident is material changed"), change.why


def test_an_appointment_dated_first_gives_the_start_in_the_role() -> None:
    """Reader 37's: "In February 2026, Daniel Reyes was appointed as our CISO, succeeding our prior CISO, who retired"
    gave no start in the role, so the successor was only "possibly a different person"."""
    from tracker.facts import extract_facts

    d = _loaded(
        "In March 2025, Mei Lin was named as our Head of Information Security. Ms. Lin leads our cybersecurity program."
    )
    assert [fv.value for fv in extract_facts(d)["tenure_start"]] == ["2025"]


def test_a_carve_out_sentence_is_no_incident_stated_not_material_and_the_statement_changed_is_not_alike() -> (
    None
):
    """Reader 37's: "Other than the incident disclosed in our Current Report on Form 8-K ..., we have not experienced a
    material cybersecurity breach" was said both "it may have been material" and "(stated not material)"; a statement
    whose forward-looking half went was listed "Stated alike in both years" without a word of the change."""
    lead = "The Risk Committee oversees our cybersecurity program. "
    c = compare(
        _loaded(lead + "We have not experienced a material cybersecurity breach."),
        _loaded(
            lead
            + "Other than the incident described in our Form 8-K filed on March 3, 2025, in which an intruder "
            "accessed our loyalty platform, we have not experienced a material cybersecurity breach."
        ),
    )
    assert not [ch for ch in c.changes if "stated not material" in (ch.why or "")], [
        ch.why for ch in c.changes
    ]
    c = compare(
        _loaded(
            "In 2024, we did not identify any cybersecurity threats that have materially affected or are reasonably "
            "likely to materially affect our results of operations."
        ),
        _loaded(
            "In 2025, we did not identify any cybersecurity threats that have materially affected our results of operations."
        ),
    )
    (line,) = [ln for ln in unchanged_lines(c) if ln.startswith("Statement on material incidents")]
    assert line.endswith("(beside the changes above)"), line


def _reworded_alike(old: str, new: str) -> None:
    """That the later text is the earlier reworded in form only: at most one low rewording, nothing else."""
    c = compare(_loaded(old), _loaded(new))
    assert [ch.severity for ch in c.changes] in ([], ["low"]), [
        (ch.kind, ch.summary, ch.why) for ch in c.changes
    ]


def test_a_committees_yearly_briefing_before_its_own_report_to_the_board_is_kept() -> None:
    """Reader 38's REIT: "The Audit Committee receives a report on our Advisor's cybersecurity program at least annually,
    and it reports on such matters to the full Board of Trustees" was read as briefed only "as needed"."""
    from tracker.facts import extract_facts

    d = _loaded(
        "The Audit Committee receives a briefing on our information security program at least annually, and it "
        "reports on such matters to the full Board of Directors."
    )
    assert [fv.value for fv in extract_facts(d)["briefing_frequency"]] == ["annual"]


def test_readers_39_and_40_restyles_are_form() -> None:
    """Readers 39 and 40's restyles, each ranked medium or high: the statement in the passive ("Risks from cybersecurity
    threats that have materially affected ... us have not been identified", "dropped", high); the role set off by commas
    ("has served, as CCO of the Company, for more than five years", the five years read as experience, "possibly a
    different person"); the board's oversight told more than 80 characters after it ("Our Board considers cybersecurity
    risk and other information technology risks as part of its risk oversight function", "oversight ... added" once in
    the passive); a limit the other year said in other words ("other information technology risks" / "other risks
    relating to information technology", "narrowed")."""
    _reworded_alike(
        "We have not identified any cybersecurity incidents that have materially affected or are reasonably likely to "
        "materially affect our financial condition.",
        "Cybersecurity incidents that have materially affected or are reasonably likely to materially affect our "
        "financial condition have not been identified.",
    )
    lead = 'Our General Counsel ("GC") manages our cybersecurity program. '
    _reworded_alike(
        lead
        + "The GC has served as GC of the Company for more than seven years and has practiced law for more than "
        "25 years.",
        lead
        + "The GC has served, as GC of the Company, for more than seven years, and has practiced law for more "
        "than 25 years.",
    )
    _reworded_alike(
        "Our Board of Directors considers cybersecurity risk and other data protection and privacy risks as part of "
        "its risk oversight function.",
        "Cybersecurity risk and other data protection and privacy risks are considered by our Board of Directors as "
        "part of its risk oversight function.",
    )
    _reworded_alike(
        "The Audit Committee oversees cybersecurity risk and other operational technology risks, and receives "
        "updates from management.",
        "The Audit Committee oversees cybersecurity risk and other risks relating to operational technology, and "
        "receives updates from management.",
    )


def test_an_intruder_who_deployed_ransomware_and_an_insider_who_took_data_are_incidents_told() -> None:
    """Reader 40's insurer and Korean bank: "we determined that a threat actor had deployed ransomware in the
    information technology environment of our pharmacy services subsidiary" and "we discovered that an employee of our
    card subsidiary had accessed and transferred to an outside party the personal credit information of approximately
    170,000 cardholders" were each "Routine: 1 sentence added"."""
    statement = "We have not identified any cybersecurity incidents that have materially affected us."
    for told in (
        "In April 2025, we learned that an unknown actor had installed malware on point-of-sale servers at our "
        "restaurants.",
        "In June 2025, we found that a former contractor had downloaded confidential patient records from our "
        "scheduling system.",
    ):
        c = compare(_loaded(statement), _loaded(told + " " + statement))
        (added,) = [ch for ch in c.changes if ch.kind == "text_added"]
        assert added.severity == "high", (told, added.why)


def test_a_committee_the_board_oversees_through_is_the_boards_whatever_its_name() -> None:
    """Reader 40's: "The Board of Directors oversees cybersecurity risk through its Risk Management Committee" read the
    committee as management's, so naming it "the Risk Management Committee of our Board of Directors" in another
    sentence was "oversight by the risk management committee added" (high) beside a management committee dropped."""
    from tracker.facts import extract_facts

    d = _loaded(
        "Our Board oversees cybersecurity risk through its Operational Risk Management Committee, which receives "
        "quarterly reports from our Chief Information Security Officer."
    )
    facts = extract_facts(d)
    assert "operational risk management committee" in [fv.value for fv in facts["board_oversight"]]
    assert not facts.get("management_committees")


def test_a_stand_in_until_a_successor_is_appointed_keeps_the_committee_briefed() -> None:
    """Reader 44: "Mr. Lee, our former Chief Information Security Officer, left the Company in August 2025 ... Until a
    successor is appointed, our Chief Information Officer, Dana Ortiz, oversees our cybersecurity program and briefs the
    Audit Committee quarterly" was "oversight by the audit committee no longer stated", high ("Until" read as a time
    before), and "newly described in the cybersecurity work: Lee" (the surname after "Mr." no one gone). Written here
    in other words."""
    before = (
        "Our program is led by Priya Shah, our Chief Information Security Officer, who briefs the Risk Committee of "
        "the Board each quarter."
    )
    after = (
        "Ms. Shah, our former Chief Information Security Officer, resigned in May 2025. Until a permanent successor is "
        "named, our Chief Technology Officer, Omar Reyes, leads the program and briefs the Risk Committee of the Board "
        "each quarter."
    )
    c = _compared(before, after)
    facts = [ch.summary for ch in c.changes if ch.kind.startswith("fact")]
    assert not [f for f in facts if "risk committee" in (f or "") or "Shah" == (f or "")[-4:]], facts
    assert not [f for f in facts if (f or "").startswith("newly described")], facts


def test_committees_merged_into_one_are_said_merged() -> None:
    """Reader 44: "the Board combined its Audit Committee and its Risk Committee into a single Audit and Risk Committee,
    which oversees cybersecurity" was "the board ... no longer said to oversee cybersecurity (the audit committee still
    oversees it)", both committees "stated alike" and the merged one unread. Written here in other words."""
    lead = "Our Chief Information Security Officer leads our cybersecurity program."
    before = f"{lead} The Board oversees cybersecurity risk through its Finance Committee and its Technology Committee."
    after = (
        f"{lead} In 2025 the Board merged its Finance Committee and its Technology Committee into a single Finance "
        "and Technology Committee, which oversees cybersecurity risk."
    )
    c = _compared(before, after)
    assert (
        "medium",
        "the finance committee and technology committee overseeing cybersecurity were merged into the "
        "finance and technology committee",
    ) in _said(c, "board_oversight")
    assert not [sev for sev, _ in _said(c, "board_oversight") if sev == "high"]
    # (one of them only overseeing before: reader 36's "combined its Audit Committee and its Compliance Committee into a
    # single Audit and Compliance Committee", "oversight by the compliance committee added", high)
    one = "The Board has delegated oversight of cybersecurity risk to its Finance Committee."
    merged = (
        "In 2025 the Board merged its Finance Committee and its Technology Committee into a single Finance and "
        "Technology Committee, to which it has delegated oversight of cybersecurity risk."
    )
    c = _compared(one, merged)
    said = _said(c, "board_oversight")
    assert (
        "medium",
        "the finance committee overseeing cybersecurity was merged into the finance and technology committee",
    ) in said
    assert not [sev for sev, _ in said if sev == "high"]
    assert not [ch for ch in c.changes if ch.kind == "flag_flipped"]


def test_a_giac_certification_written_out_is_that_certification() -> None:
    """Reader 45's EV maker: "holds the CISSP and GIAC Industrial Cyber Security Professional certifications" -> "holds
    the CISSP certification" was Routine, where "GICSP" dropped is medium. Written here in other words."""
    lead = "Our Chief Information Security Officer, Mei Tanaka, leads our cybersecurity program."
    before = f"{lead} Ms. Tanaka is a GIAC Certified Incident Handler and a Certified Information Security Manager."
    after = f"{lead} Ms. Tanaka is a Certified Information Security Manager."
    assert _said(_compared(before, after), "certifications") == [
        ("medium", "certification no longer stated: GCIH")
    ]


def test_briefings_at_each_of_bimonthly_meetings_are_six_a_year() -> None:
    """Reader 44's BA year: "at each of its bimonthly meetings" -> "on a quarterly basis" was "quarterly instead of at
    each meeting", which hid that the briefings are fewer. Written here in other words."""
    lead = "Our Chief Technology Officer leads our cybersecurity program."
    said = " Our Chief Technology Officer updates the Risk Committee on cybersecurity matters {how}."
    c = _compared(
        lead + said.format(how="at each of its bi-monthly meetings"), lead + said.format(how="twice a year")
    )
    assert _said(c, "briefing_frequency") == [
        (
            "medium",
            "the risk committee is now briefed twice a year instead of at each of its bi-monthly meetings (less often)",
        )
    ]


def test_a_committee_whose_oversight_is_said_over_no_longer_oversees() -> None:
    """Reader 45's hospital operator: "...has delegated oversight of cybersecurity risk to that committee; the Audit and
    Compliance Committee no longer has primary responsibility for cybersecurity oversight" was "oversight by the
    quality safety and technology committee added", the old committee "stated alike". Written here in other words."""
    before = "The Board has delegated oversight of cybersecurity risk to its Finance Committee."
    after = (
        "The Board has delegated oversight of cybersecurity risk to its Digital Committee; the Finance Committee is no "
        "longer responsible for overseeing cybersecurity risk."
    )
    assert _said(_compared(before, after), "board_oversight") == [
        ("high", "board oversight moved from the finance committee to the digital committee")
    ]


def test_the_chair_of_a_management_committee_not_of_security_is_not_the_one_responsible() -> None:
    """Reader 45's bank: "our IT Steering Committee, a management committee chaired by our Chief Operating Officer" made
    the COO responsible, and a merger of committees under the Chief Risk Officer "the Chief Risk Officer replaced the
    Chief Operating Officer as the person responsible for cybersecurity", high, in a verdict that also had the security
    officer replaced; "into a single management committee" was a committee named "single management committee".
    Written here in other words; a committee of security keeps its chair responsible."""
    from tracker.facts import extract_facts

    lead = "Our Director of Information Security leads our cybersecurity program."
    before = f"{lead} Our Technology Governance Committee, a management committee chaired by our Chief Financial Officer, meets monthly to review technology projects and cybersecurity risk."
    after = (
        f"{lead} In 2025 we merged our Technology Governance Committee and our Enterprise Risk Committee into a "
        "new management committee, the Risk and Technology Committee, which is chaired by our General Counsel and "
        "meets monthly to review technology projects and cybersecurity risk."
    )
    c = _compared(before, after)
    assert not [ch for ch in c.changes if ch.fact in ("people", "responsible_titles")], [
        ch.summary for ch in c.changes
    ]
    assert "new management committee" not in [
        ch.value for ch in c.changes if ch.fact == "management_committees"
    ]
    security = _loaded(
        "Our Cybersecurity Steering Committee, chaired by our Chief Information Officer, oversees our program."
    )
    assert [fv.value for fv in extract_facts(security)["responsible_titles"]] == ["Chief Information Officer"]


def test_a_deputy_named_with_a_stand_ins_post_holds_it() -> None:
    """Reader 45's bank: "Karen Liu ... resigned in June 2025. Jordan Pace, our Deputy Information Security Officer, has
    served as acting Information Security Officer since her resignation" was "Pace replaced Karen Liu", no "acting",
    and the unchanged "The Information Security Officer reports to our Chief Risk Officer" a line "no longer" stated:
    the rank before "Information Security Officer" was read as no part of the title. Written here in other words."""
    line = " The Information Security Officer reports to our Chief Technology Officer."
    before = "Ana Ruiz, our Information Security Officer, leads our cybersecurity program." + line
    after = (
        "Ana Ruiz, who had been our Information Security Officer since 2019, retired in May 2025. Li Wei, our Assistant "
        "Information Security Officer, has served as acting Information Security Officer since then." + line
    )
    c = _compared(before, after)
    assert [(ch.severity, ch.summary) for ch in c.changes if ch.kind.startswith("fact")] == [
        (
            "high",
            "the Information Security Officer was replaced: Ana Ruiz -> Li Wei (now Assistant Information Security "
            "Officer and Acting Information Security Officer)",
        )
    ]


def test_a_name_appointed_to_a_title_without_an_article_keeps_the_name() -> None:
    """Reader 44: "Trent Cox was appointed Chief Security Officer in April 2025, having served in the role on an interim
    basis since 2024" was "the Chief Security Officer is no longer named (was Trent Cox)": the name bound to no title
    without "our" before it. Written here in other words."""
    years = " She has over 15 years of experience in information security."
    before = "Maria Lopez is serving as our interim Chief Information Security Officer." + years
    after = (
        "Maria Lopez was named Chief Information Security Officer in March 2025, having held the post on an interim "
        "basis since 2024." + years
    )
    c = _compared(before, after)
    assert not [ch for ch in c.changes if "no longer named" in (ch.summary or "")], [
        ch.summary for ch in c.changes
    ]
    assert (
        "medium",
        "the role of Chief Information Security Officer is no longer held on an interim basis (was "
        "Interim Chief Information Security Officer)",
    ) in _said(c, "responsible_titles") + _said(c, "people")


def test_a_rename_the_text_tells_of_is_no_move_of_oversight() -> None:
    """Reader 45's 20-F: "Effective April 1, 2025, the Board renamed its Risk Management Committee as the Risk and
    Sustainability Committee; the committee's membership and its responsibilities for cybersecurity did not change"
    was "board oversight moved from the risk management committee to the risk and sustainability committee", high,
    the verdict Significant. Written here in other words."""
    said = "The Board oversees cybersecurity risk through its {c}, which receives quarterly reports from our CISO."
    before = said.format(c="Finance and Audit Committee")
    after = (
        said.format(c="Audit and Enterprise Risk Committee")
        + " In 2025, the Board changed the name of its Finance and Audit Committee to the Audit and Enterprise Risk "
        "Committee, with no change to its cybersecurity duties."
    )
    c = _compared(before, after)
    assert _said(c, "board_oversight") == [
        (
            "medium",
            "the finance and audit committee overseeing cybersecurity is now named the audit and enterprise risk "
            "committee (renamed, the text says)",
        )
    ]
    # (the rename not told: oversight moved, high, as before)
    assert (
        _said(_compared(before, said.format(c="Audit and Enterprise Risk Committee")), "board_oversight")[0][
            0
        ]
        == "high"
    )


def test_outsiders_no_longer_engaged_turn_the_answer_to_no() -> None:
    """Reader 44: "Beginning in 2025, we discontinued our use of outside assessors and consultants ..." was "a sentence
    on outside assessors ... engaged for the program added", the verdict's one line, the answer to Item 106(b)(1)(ii)
    unchanged; "We no longer engage third-party consultants ..." was "yes -> not stated", where the text says no.
    Written here in other words."""
    lead = "Our Chief Information Security Officer leads our cybersecurity program."
    before = f"{lead} We retain external consultants to perform penetration testing of our systems each year."
    after = f"{lead} Starting this year, we ceased using external consultants, and our internal red team now performs penetration testing."
    c = compare(_loaded(before), _loaded(after))
    (flag,) = [ch for ch in c.changes if ch.kind == "flag_flipped"]
    assert (flag.element, flag.old, flag.new) == (
        "CybersecurityRiskManagementThirdPartyEngagedFlag",
        True,
        False,
    )
    assert c.judgement.top == ["Says it engages assessors, consultants or auditors: yes -> no"]


def test_outside_help_said_after_the_work_is_an_engagement() -> None:
    """Reader 45's bank: "Our internal audit function, supported by an outside firm, audits the information security
    program each year" -> "The information security program is audited each year by our internal audit function with
    the support of an outside firm" was "Says it engages assessors, consultants or auditors: yes -> not stated", and
    then "outside firms' work narrowed: audits no longer told" ("audits" and "audited" two kinds of work): a change of
    voice. Written here in other words."""
    lead = "Our Chief Information Security Officer leads our cybersecurity program."
    before = f"{lead} Our compliance team, supported by an external consultant, audits our access controls each year."
    after = f"{lead} Our access controls are audited each year by our compliance team with the assistance of an external consultant."
    c = _compared(before, after)
    assert [ch.severity for ch in c.changes] == ["low"], [
        (ch.severity, ch.summary or ch.why) for ch in c.changes
    ]
    tested = _loaded("Our program includes an annual penetration test by an independent firm.")
    assert tested.flags["CybersecurityRiskManagementThirdPartyEngagedFlag"].value is True


def test_a_person_worked_with_is_no_outside_firm() -> None:
    """Reader 45's EV maker: "... under the direction of our Director of IT, working with Ms. Brandt" (its new employee
    CISO) was "outside firm named: Ms. Brandt", medium, and her predecessor "Mr. Reyes" an outside firm no longer
    named. Written here in other words."""
    from tracker.facts import extract_facts

    d = _loaded(
        "Our security operations team works with Dr. Tanaka, our Chief Information Security Officer. We engage "
        "Northwind Security Partners LLC to perform annual penetration testing."
    )
    assert [fv.value for fv in extract_facts(d).get("third_parties", [])] == [
        "Northwind Security Partners LLC"
    ]


def test_what_an_incident_told_of_cost_is_said_in_a_sentence_of_its_own() -> None:
    """Reader 40's insurer: "For 2024, we incurred direct response costs of $410 million and business disruption costs
    of $290 million", added after an incident told both years, was "Routine"."""
    told = "In January 2025, we experienced a ransomware attack on our claims processing systems."
    statement = " We have not identified any cybersecurity incidents that have materially affected us."
    c = compare(
        _loaded(told + statement),
        _loaded(told + " Recovery expenses for the year totaled approximately $38 million." + statement),
    )
    (added,) = [ch for ch in c.changes if ch.kind == "text_added"]
    assert (added.severity, added.why) == (
        "high",
        "the cost of a cybersecurity incident now stated: approximately $38 million",
    )


@pytest.mark.parametrize(
    "told",
    [
        "In October 2025, a ransomware attack on our logistics network disrupted deliveries for four days.",
        "In May 2025, a DDoS attack knocked our online banking platform offline for six hours.",
    ],
)
def test_an_incident_told_by_what_it_did_to_operations_is_an_incident(told: str) -> None:
    """Reader 44: "In March 2025, a ransomware attack on our European distribution systems disrupted shipments for nine
    days" and "a denial-of-service attack took our customer portal offline for three days" were "Routine", all low: a
    new incident told by what it stopped, not by "we experienced". Written here in other words; the same attack said
    as a risk is none."""
    lead = "Our Chief Information Security Officer leads our cybersecurity program."
    c = _compared(lead, f"{lead} {told}")
    assert _ranks(c, "text_added") == [("high", "a sentence on a past cybersecurity incident added")]
    risk = "In 2026, a malware attack could halt order fulfillment at our warehouses for several days."
    assert _ranks(_compared(lead, f"{lead} {risk}"), "text_added")[0][0] == "low"


def test_a_new_incidents_cost_is_said_on_its_line_of_the_verdict() -> None:
    """Reader 43's KO year: "We incurred approximately $38 million of costs in 2025 ... associated with this incident,
    and we may incur additional costs" was medium, its amount in no verdict, where a lawyer leads with it. Written here
    in other words: the amount, and more to come, on the incident's line."""
    statement = "We have not identified any cybersecurity incidents that have materially affected us."
    incident = (
        "In August 2025, an unauthorized actor accessed a payroll system used by our European subsidiaries."
    )
    cost = (
        "Response and remediation expenses for this incident were about €12 million, and we expect to incur "
        "further expenses."
    )
    c = compare(_loaded(statement), _loaded(f"{incident} {cost} {statement}"))
    assert c.significance == "significant"
    assert c.judgement.top[0] == (
        "a sentence on a past cybersecurity incident added: \u201cIn August 2025, an unauthorized actor accessed a "
        "payroll system used by our European\u2026\u201d; its cost now stated: about \u20ac12 million, more expected"
    ), c.judgement.top


def test_a_carve_outs_own_hedge_is_not_the_statements() -> None:
    """Reader 40's Korean bank: "Other than the incident described above, which we do not believe has been material to
    us, risks from cybersecurity threats have not materially affected us" was "the statement ... was weakened: a
    definite statement became a belief", the carve-out unnamed."""
    told = "In March 2025, we experienced a ransomware attack on our leasing subsidiary. "
    c = compare(
        _loaded(told + "Cybersecurity incidents have not materially affected us."),
        _loaded(
            told
            + "Apart from the attack described above, which we believe was not material to us, cybersecurity "
            "incidents have not materially affected us."
        ),
    )
    whys = [ch.summary or ch.why or "" for ch in c.changes if ch.severity != "low"]
    assert not [w for w in whys if "became a belief" in w], whys
    assert any("excepts an incident" in w for w in whys), whys


def test_no_assurance_in_other_words_is_form() -> None:
    """Reader 39's restyle: "[-there can be no assurance-]{+we cannot assure+} that we can prevent a compromise of their
    systems" was "“no” became “cannot”", medium."""
    lead = "While we assess our vendors' security before engaging them, "
    _reworded_alike(
        lead + "there can be no guarantee that their systems will not be compromised.",
        lead + "we cannot guarantee that their systems will not be compromised.",
    )


def test_a_report_to_the_board_split_in_two_or_into_a_list_still_answers_item_106_c2_iii() -> None:
    """Reader 39's restyles: "... receives periodic updates from our CCO regarding the overall state of the cybersecurity
    program" split at "These updates concern ...", and a quarterly report turned into a lead-in and a bulleted list,
    each flipped Item 106(c)(2)(iii) to "not stated", as if those responsible no longer reported to the board."""
    flag = "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag"
    lead = "The Board has delegated oversight of cybersecurity risk to its Technology Committee.\n\n"
    one = (
        lead
        + "The Technology Committee hears from our Chief Technology Officer on the cyber threats we face each quarter."
    )
    split = lead + (
        "The Technology Committee hears from our Chief Technology Officer each quarter. "
        "Those briefings cover the cyber threats we face."
    )
    listed = lead + (
        "Each quarter our Chief Technology Officer presents the following to the Technology Committee:\n\n"
        "- recent cyber incidents;\n- the results of penetration tests; and\n- the roadmap."
    )
    for new in (split, listed):
        c = compare(_loaded(one), _loaded(new))
        assert flag not in [ch.element for ch in c.changes if ch.kind == "flag_flipped"], new
    # a lead-in whose list says nothing of the risk is still no report on it
    c = compare(_loaded(one), _loaded(listed.replace("recent cyber incidents", "our budget")))
    assert flag in [ch.element for ch in c.changes if ch.kind == "flag_flipped"]


def test_a_cut_in_stated_experience_alone_is_said_as_the_experience_cut_not_a_different_person() -> None:
    """Readers 35 and 39: "He has more than 25 years of experience" -> "over ten years", nothing else changed, was "the
    CISO is possibly a different person" (high), a speculation leading the verdict; they read the experience cut, medium,
    as a rise is said. A start in the role now told beside the cut still says someone may be new."""
    lead = "Our Head of Information Security runs our security program and reports to our Chief Operating Officer. "
    c = _compared(
        lead + "She has spent 22 years in security engineering.",
        lead + "She has spent 9 years in security engineering.",
    )
    said = [(ch.fact, ch.severity, ch.summary) for ch in c.changes if ch.kind.startswith("fact_")]
    assert said == [
        (
            "experience_years",
            "medium",
            "the stated experience of the Head of Information Security changed: 22 years -> 9 years",
        )
    ], said
    assert c.judgement.significance == "notable", c.judgement.significance
    c = _compared(
        lead + "She has spent 22 years in security engineering.",
        lead + "She was appointed to the role in 2024 and has spent 9 years in security engineering.",
    )
    assert [ch.change for ch in c.changes if ch.fact == "people"] == ["possibly_different_person"]


def test_a_hedged_statement_beside_one_incidents_conclusion_is_the_statement() -> None:
    """Reader 40's: beside "The incident resulted in total costs of approximately $14 million ..., and we have concluded
    that it did not have a material effect on ...", the statement itself became "To our knowledge, previous
    cybersecurity incidents have not materially affected ... us": the incident's conclusion was read as the statement,
    "definite" and "stated alike", and the hedge lost (Notable where the statement was weakened)."""
    statement = (
        "{hedge} cybersecurity incidents have not materially affected us, including our results of operations or "
        "financial condition, and are not reasonably likely to do so."
    )
    old = "We detected unauthorized access to a billing server in June 2024. " + statement.format(
        hedge="Previous"
    )
    new = (
        "We detected unauthorized access to a billing server in June 2024. The breach cost us about $3 million to "
        "remediate, but management has determined that it did not have a material effect on the Company. "
        + statement.format(hedge="As far as we are aware, previous")
    )
    c = _compared(old, new)
    strength = [ch for ch in c.changes if ch.fact == "material_incident_strength"]
    assert [(ch.severity, ch.change) for ch in strength] == [("high", "weakened")], [
        (ch.fact, ch.summary) for ch in c.changes
    ]
    assert c.judgement.significance == "significant"


def test_an_escalation_threshold_on_a_scale_of_severity_lowered_or_raised_is_said_in_its_direction() -> None:
    """Reader 40's: incidents classified as "high" or "critical" -> "medium" or higher escalated to the CISO was
    "“critical” dropped: which incidents are escalated changed", as if fewer went on; more do."""
    sentence = "Security events rated {levels} are reported to our Vice President of Information Security within a day."
    c = _compared(sentence.format(levels="severe or critical"), sentence.format(levels="moderate or above"))
    (edit,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert (edit.severity, edit.why) == (
        "medium",
        "the threshold was lowered: incidents rated moderate or above are now reported (was severe or critical), more "
        "of them",
    )
    c = _compared(sentence.format(levels="moderate or above"), sentence.format(levels="critical"))
    (edit,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert edit.why and edit.why.startswith("the threshold was raised") and edit.why.endswith("fewer of them")


def test_a_pronoun_for_the_subject_named_in_an_escalation_condition_is_no_change() -> None:
    """Reader 39's restyle: "Management is prepared to update the Board, as [-it-]{+management+} deems appropriate, ..."
    was "when incidents are reported changed", medium; "it" is management (and "if it considers" -> "if management
    considers" was "management now decides which incidents are reported", high). Another judge named still is said."""
    sentence = "Management will brief the Risk Committee on cybersecurity incidents, if {who} considers it warranted."
    c = _compared(sentence.format(who="it"), sentence.format(who="management"))
    assert [(ch.severity, ch.why) for ch in c.changes if ch.kind == "text_changed"][0][0] == "low"
    c = _compared(sentence.format(who="it"), sentence.format(who="the General Counsel"))
    (edit,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert edit.severity == "high" and "the General Counsel now decides which incidents are reported" in (
        edit.why or ""
    )


def test_a_management_committee_that_is_only_told_of_incidents_is_no_board_briefing() -> None:
    """Reader 36's: "She chairs our Cybersecurity Steering Committee, composed of our CFO, General Counsel and Chief
    Compliance Officer, which meets monthly and is informed of incidents ..." was read as a briefing of the board, so
    cutting it was "no longer says the cybersecurity steering committee is briefed monthly: how often the board is
    briefed changed"; a management committee told, and telling no one, is none."""
    lead = (
        "The Audit Committee of our Board oversees cybersecurity risk. Our CISO leads our security program. "
    )
    council = (
        "Our CISO chairs the Security Operations Committee, made up of our Chief Operating Officer and General Counsel, "
        "which meets each month and is notified of security incidents under our response plan."
    )
    c = _compared(lead + council, lead.strip())
    assert not [ch.summary for ch in c.changes if ch.fact == "briefing_frequency"]
    # (one that reports on does brief the board)
    reports = council.replace(
        "response plan.", "response plan, and reports to the Audit Committee each month."
    )
    c = _compared(lead + reports, lead.strip())
    assert [ch.fact for ch in c.changes if ch.fact == "briefing_frequency"]


def test_a_soc_report_is_said_as_an_attestation_not_a_framework_followed() -> None:
    """Reader 38's REIT: "our Advisor completed a SOC 2 Type II examination covering its information technology general
    controls" was "Framework added: SOC 2 ... the standards the program follows changed"; a SOC report is an auditor's
    examination of controls. A framework followed is still said as one."""
    lead = "We manage cybersecurity risk under the NIST Cybersecurity Framework."
    c = _compared(
        lead, lead + " Each year an outside audit firm issues a SOC 1 Type 2 report on our payroll controls."
    )
    said = [(ch.severity, ch.summary, ch.why) for ch in c.changes if ch.fact == "frameworks"]
    assert said == [
        (
            "medium",
            "independent attestation added: SOC 1 (an auditor's examination of controls)",
            "the independent attestations of the program changed",
        )
    ], said
    c = _compared(lead, lead + " We also follow the CIS Critical Security Controls.")
    assert [ch.summary for ch in c.changes if ch.fact == "frameworks"] == ["framework added: CIS Controls"]


def test_the_name_first_and_responsibility_resting_with_a_title_keep_the_one_responsible() -> None:
    """Reader 42's restyles: "Karen Whitfield, our Chief Information Security Officer, leads the program" (was "Our
    CISO, Karen Whitfield, leads ..."), "Karen L. Whitfield, the Bank's Information Security Officer, is responsible"
    and "Responsibility for cybersecurity rests with our Vice President of IT" each lost the one responsible, or the
    name ("no longer described as responsible", high; "no longer named", medium)."""
    pairs = [
        (
            "Our Director of Security, Tomasz Nowak, runs the security program.",
            "Tomasz Nowak, our Director of Security, runs the security program.",
        ),
        (
            "The Fund's Head of Cyber Risk, Aiko R. Tanaka, is accountable for cybersecurity.",
            "Aiko R. Tanaka, the Fund's Head of Cyber Risk, is accountable for cybersecurity.",
        ),
        (
            "Our Chief Technology Officer is responsible for our cybersecurity program.",
            "Responsibility for our cybersecurity program lies with our Chief Technology Officer.",
        ),
    ]
    for old, new in pairs:
        c = _compared(old, new)
        assert c.judgement.significance == "no substantive change", (new, [ch.summary for ch in c.changes])


def test_a_statement_with_a_carve_out_that_says_no_more_is_stated_alike_as_a_denial_with_an_exception() -> (
    None
):
    """Reader 42's bank: "Except as described above, we have not identified any cybersecurity incidents that have
    materially affected us", in both years, was stated alike as "says it has been, or is likely to be, materially
    affected", the opposite of what the filer says; a carve-out that says its incident was material still says so."""
    statement = (
        "{carve}, no cybersecurity incident has materially affected our business or financial condition."
    )
    text = "We test our incident response plan each year. " + statement
    c = _compared(
        text.format(carve="Apart from the matter noted above"),
        text.format(carve="Apart from the matter noted above").replace("each year", "every year"),
    )
    (line,) = [ln for ln in unchanged_lines(c) if ln.startswith("Statement on material incidents")]
    assert line.startswith(
        "Statement on material incidents: says it has not been materially affected, but for what it excepts "
        "(\u201cApart from the matter noted above\u201d)"
    ), line
    admitted = "Apart from the March 2025 outage, which materially affected our second-quarter revenue"
    c = _compared(text.format(carve=admitted), text.format(carve=admitted).replace("each year", "every year"))
    (line,) = [ln for ln in unchanged_lines(c) if ln.startswith("Statement on material incidents")]
    assert line.startswith(
        "Statement on material incidents: says it has been, or is likely to be, materially affected"
    )


def test_a_statement_that_an_effect_is_only_reasonably_likely_is_not_said_as_one_that_happened() -> None:
    """Reader 42's: "... have not materially affected us. We believe that risks from cybersecurity threats are
    reasonably likely to materially affect our results of operations in future periods" was "The company now says it
    has been materially affected by a cybersecurity threat"; it says an effect is reasonably likely, not that one
    happened."""
    old = "No risks from cybersecurity threats have materially affected us or are reasonably likely to do so."
    new = (
        "No risks from cybersecurity threats have materially affected us to date. Given the attacks on our sector, "
        "cybersecurity threats are reasonably likely to materially affect our operations over the coming years."
    )
    c = _compared(old, new)
    (said,) = [ch for ch in c.changes if ch.fact == "material_incident_statement"]
    assert (said.severity, said.summary) == (
        "high",
        "the company now says cybersecurity threats are reasonably likely to materially affect it",
    )


def test_a_successor_who_became_the_officer_and_is_then_named_by_honorific_is_the_replacement() -> None:
    """Reader 42's: "Thomas Reinholt became our Chief Information Security Officer in May 2025, succeeding Margaret
    Ostrowski. Mr. Reinholt leads our program and reports to our Chief Information Officer" was "the Chief Information
    Officer replaced Margaret Ostrowski", with the line to the CIO "no longer" stated."""
    c = _compared(
        "Our Head of Information Security, Ravi Patel, runs our security program and reports to our Chief Technology "
        "Officer.",
        "Priya Sen became our Head of Information Security in March 2025, succeeding Ravi Patel. Ms. Sen runs our "
        "security program and reports to our Chief Technology Officer.",
    )
    said = [(ch.fact, ch.change, ch.summary) for ch in c.changes if ch.kind.startswith("fact_")]
    assert said == [
        ("people", "replaced", "the Head of Information Security was replaced: Ravi Patel -> Priya Sen")
    ], said


def test_a_spanish_honorific_and_a_pronoun_after_a_reporting_line_keep_the_officer() -> None:
    """Reader 42's Mexican 20-F: "Our CISO, Ing. Rodrigo Salinas Trevino, reports to our Chief Executive Officer. He has
    over twenty years of experience ..." split at "Ing.", and "He" went to the CEO, made responsible on the CISO's
    years ("the Chief Executive Officer replaced Rodrigo Salinas Trevino")."""
    old = (
        "Our Head of Cybersecurity, Lic. Mariana Ortiz Vega, has over 15 years of experience, holds the CISSP "
        "certification and reports to our Chief Financial Officer."
    )
    new = (
        "Our Head of Cybersecurity, Lic. Mariana Ortiz Vega, reports to our Chief Financial Officer. She has over "
        "fifteen years of experience and holds the CISSP certification."
    )
    for honorific in ("", "Lic. "):
        c = _compared(old.replace("Lic. ", honorific), new.replace("Lic. ", honorific))
        assert c.judgement.significance == "no substantive change", [ch.summary for ch in c.changes]
    assert split_sentences("Our CISO, Ing. Rodrigo Salinas, leads our program.") == [
        "Our CISO, Ing. Rodrigo Salinas, leads our program."
    ]


def test_a_briefing_turned_from_the_passive_to_the_active_changes_no_fact() -> None:
    """Reader 41's restyles: "the Audit Committee would be informed of a material cybersecurity incident" -> "management
    would inform the Audit Committee of ...", and "The Audit Committee receives ... updates from management, including
    our Chief Security Officer" -> "Management, including our Chief Security Officer, provides ... updates to the Audit
    Committee", each changed a fact or a flag ("no longer says the audit committee is briefed as needed"; "Names the
    positions or committees responsible: yes -> not stated")."""
    pairs = [
        (
            "In such cases, the Audit Committee would be notified of any material cybersecurity incident that could "
            "affect our financial reporting.",
            "In such cases, management would notify the Audit Committee of any material cybersecurity incident that "
            "could affect our financial reporting.",
        ),
        (
            "The Audit Committee receives regular information security reports from management, including our Chief "
            "Information Officer and members of our IT team.",
            "Management, including our Chief Information Officer and members of our IT team, provides regular "
            "information security reports to the Audit Committee.",
        ),
    ]
    for old, new in pairs:
        c = compare(_loaded(old), _loaded(new))
        assert not [ch.summary for ch in c.changes if ch.kind != "text_changed"], new


def test_a_statement_limited_to_an_assessment_so_far_or_not_finished_is_weakened() -> None:
    """Reader 41's: "Based on our assessment to date, we have not identified any risks ... that have materially
    affected us ..., although our investigation is ongoing" was Routine, the statement still "a definite statement"."""
    statement = (
        "no cybersecurity incident has materially affected our business strategy or financial condition"
    )
    c = _compared(
        f"To date, {statement}.",
        f"Based on our review thus far, {statement}, and our evaluation of the April breach remains in progress.",
    )
    (weakened,) = [ch for ch in c.changes if ch.fact == "material_incident_strength"]
    assert weakened.severity == "high" and weakened.summary.startswith(
        "the statement on material incidents was weakened: a definite statement became awareness (now "
        "\u201cbased on our review\u201d"
    ), weakened.summary


def test_the_incident_a_statement_excepts_now_concluded_not_material_is_said_so() -> None:
    """Reader 42's: "The Company's evaluation of the incident is ongoing ..." -> "The Company has completed its
    evaluation of the incident and has concluded that the incident has not had, and is not reasonably likely to have, a
    material impact", beside "Other than the incident described above, the Company has not identified ...": Routine, or
    "the company no longer says it has been materially affected"."""
    statement = (
        "Apart from the intrusion described above, no cybersecurity incident has materially affected us or is "
        "reasonably likely to materially affect us."
    )
    lead = "In May 2025 an intruder reached a payroll server through a stolen password. "
    old = (
        lead
        + "We are still assessing the intrusion and cannot yet say whether it will materially affect us. "
        + statement
    )
    new = (
        lead
        + "The Company finished its review of the intrusion and determined that the intrusion did not have, and is not "
        "reasonably likely to have, a material effect on us. " + statement
    )
    c = _compared(old, new)
    (said,) = [ch for ch in c.changes if ch.fact == "material_incident_statement"]
    assert (said.severity, said.summary) == (
        "high",
        "the incident the statement on material incidents excepts (\u201cApart from the intrusion described above\u201d) "
        "is now said not to have been material",
    ), said.summary


def test_the_board_told_as_the_object_is_the_body_briefed() -> None:
    """V FY2025's "... will inform management's Executive and Disclosure Committees as well as when the CEO and his
    designee will inform the board of directors of an incident": once the board told as the object was read as briefed
    as needed, the body was the committee named before it ("as needed (the disclosure committee)")."""
    from tracker.facts.governance import briefed

    sentence = (
        "Our plan sets when our security team will alert management's Crisis and Disclosure Committees, and when our "
        "CEO will inform the board of directors of an incident."
    )
    assert briefed(sentence, "as needed") == ("the board", False)


def test_what_the_board_is_told_of_cut_from_a_briefing_is_said() -> None:
    """Reader 41's: "The Audit Committee receives quarterly reports from the Chief Information Security Officer on
    cybersecurity risks[-, significant incidents, and remediation status-]" was Routine; the board hears of less."""
    sentence = "Our CIO reports to the Risk Committee twice a year on cybersecurity threats{more}."
    c = _compared(
        sentence.format(more=", open vulnerabilities and testing results"), sentence.format(more="")
    )
    (edit,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert (edit.severity, edit.why) == (
        "medium",
        "\u201copen vulnerabilities\u201d and \u201ctesting results\u201d no longer among what the board is told of: "
        "what it hears of was narrowed",
    )
    c = _compared(
        sentence.format(more=""), sentence.format(more=", open vulnerabilities and testing results")
    )
    (edit,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert edit.severity == "low"  # (told of more, the board hears of more: a rewording of substance)


def test_an_incident_at_a_supplier_is_an_incident_not_oversight_of_suppliers() -> None:
    """Reader 41's: "In 2025, we identified a cybersecurity incident at one of our third-party providers that resulted
    in unauthorized access to limited cardholder data" flipped Item 106(b)(1)(iii) ("Says it oversees cyber risks from
    its service providers: not stated -> yes"), and the incident, the flag's wording, fell to medium."""
    lead = "We maintain an incident response plan."
    c = compare(
        _loaded(lead),
        _loaded(
            lead
            + " In March 2025, we identified a security incident at one of our outsourced IT vendors that exposed the "
            "payroll records of some of our employees."
        ),
    )
    assert not [ch.element for ch in c.changes if ch.kind == "flag_flipped"]
    (added,) = [ch for ch in c.changes if ch.kind == "text_added"]
    assert added.severity == "high", added.why


def test_years_told_as_a_part_of_those_before_and_a_line_to_a_scoped_title_keep_the_officer() -> None:
    """Reader 43's Walmart edits: "... has served in various roles in information security for more than 20 years"
    split into "For more than 20 of those years, our CISO has served in various roles in information security" lost the
    CISO's experience and with it the one responsible ("no longer described as responsible", high); a line to "the
    Company's Global General Counsel" was no line."""
    lead = "Our Director of Security leads our cybersecurity program. "
    c = _compared(
        lead
        + "Our Director of Security has worked here for 25 years and has served in network defense roles for over "
        "15 years.",
        lead
        + "Our Director of Security has worked here for 25 years. For over 15 of those years, our Director of "
        "Security has served in network defense roles.",
    )
    assert c.judgement.significance == "no substantive change", [ch.summary for ch in c.changes]
    from tracker.facts import extract_facts

    d = _loaded(
        "Our cybersecurity program is run by our CISO, who reports to the Company's Group Chief Risk Officer."
    )
    assert [v.value for v in extract_facts(d)["reports_to"]] == ["Group Chief Risk Officer"]


def test_an_unnamed_officer_gone_and_a_stand_in_holding_the_post_is_said_high() -> None:
    """Reader 43's P&G edit: "Following the departure of our previous CISO in February 2026, the Company's Deputy CISO is
    serving as interim CISO ..." then "The CISO also leads the design of the program": the CISO the earlier year
    described stayed "stated alike" as the one responsible, and the interim CISO was only "now responsible", medium (the
    verdict Notable); and "[-timely and -]relevant topics" was "how quickly it is done changed"."""
    lead = "Our Chief Security Officer has over 20 years of experience in security operations."
    tail = " The Chief Security Officer also chairs our incident response team."
    c = _compared(
        lead + tail,
        "Since the departure of our previous Chief Security Officer in March 2026, our Deputy Chief Security Officer has "
        "served as acting Chief Security Officer. The acting Chief Security Officer has 9 years of experience in security "
        "operations." + tail,
    )
    people = _said(c, "people")
    assert people and people[0][0] == "high" and "acting basis" in (people[0][1] or ""), people
    c = _compared(
        "Our training covers timely and practical subjects.", "Our training covers practical subjects."
    )
    assert [ch.severity for ch in c.changes] == ["low"]


def test_a_committee_overseeing_on_behalf_of_the_board_and_an_officer_judging_what_goes_on() -> None:
    """Reader 42's: "Our Board ... oversees ... through the Audit Committee" -> "... established a Technology Committee,
    which now oversees risks from cybersecurity threats on behalf of the Board" added "the board of directors is no
    longer said to oversee cybersecurity"; and "any confirmed cybersecurity incident" -> "cybersecurity incidents that our
    CISO determines to be significant" was only "the sentence now also names the Chief Information Security Officer"."""
    c = _compared(
        "The Board oversees cybersecurity risk through its Audit Committee.",
        "The Board formed a Risk Committee, which oversees cybersecurity risk on behalf of the Board.",
    )
    assert [ch.summary for ch in c.changes if ch.fact == "board_oversight"] == [
        "board oversight moved from the audit committee to the risk committee"
    ]
    c = _compared(
        "Our response plan requires that every confirmed security incident be escalated to our Chief Operating Officer.",
        "Our response plan requires that security incidents that our Head of IT judges to be serious be escalated to our "
        "Chief Operating Officer.",
    )
    (edit,) = [ch for ch in c.changes if ch.kind == "text_changed"]
    assert edit.severity == "high" and "the Head of IT now decides which incidents are escalated" in (
        edit.why or ""
    ), edit.why


def test_forms_a_rule_had_written_but_its_keyword_test_kept_out_are_read() -> None:
    """Review of the readers' change: an officer "has been serving as our Chief Security Officer", a carve-out opening
    "Aside from", an incident by "an unknown party", and an officer by acronym judging which incidents go on in both
    years were each left unread by a keyword test written beside the pattern (or read on a lower-cased copy)."""
    from tracker.facts import extract_facts
    from tracker.facts.material import past_incident

    d = _loaded(
        "Trent Cox has been serving as our Chief Security Officer since 2023 and leads our security program."
    )
    assert [v.value["name"] for v in extract_facts(d)["people"]] == ["Trent Cox"]
    assert past_incident("In March 2024, an unknown party accessed certain of our systems.")
    plain = "No cybersecurity incident has materially affected us."
    carved = "Aside from the breach described above, no cybersecurity incident has materially affected us."
    summaries = [ch.summary or "" for ch in _compared(plain, carved).changes if ch.fact]
    assert any(
        s.startswith("the statement on material incidents now excepts an incident") for s in summaries
    ), summaries
    sentence = (
        "Management informs the Board of cybersecurity incidents that our CISO determines to be {what}."
    )
    c = _compared(sentence.format(what="material"), sentence.format(what="significant"))
    assert [ch.severity for ch in c.changes if ch.kind == "text_changed"] == ["medium"]
