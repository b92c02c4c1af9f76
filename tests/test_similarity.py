"""The Lazy Prices measures and the word diff."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import diff_match_patch
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.diff import worddiff as similarity
from tracker.text.normalize import words


def test_known_values_of_one_substituted_word() -> None:
    a, b = ["a", "b", "c", "d"], ["a", "b", "x", "d"]
    sim = similarity.measure(a, b)
    assert sim.jaccard == pytest.approx(3 / 5)
    assert sim.cosine == pytest.approx(3 / 4)
    assert sim.min_edit == pytest.approx(1 - 1 / 4)  # one substitution
    assert sim.simple == pytest.approx(1 - 2 / 8)  # one word deleted, one added


def test_identical_and_disjoint_texts() -> None:
    assert similarity.measure(["x", "y"], ["x", "y"]) == similarity.IDENTICAL
    sim = similarity.measure(["x", "y"], ["p", "q", "r"])
    assert (sim.cosine, sim.jaccard, sim.min_edit, sim.simple) == (0.0, 0.0, 0.0, 0.0)
    assert similarity.measure([], []) == similarity.IDENTICAL


def test_order_matters_to_edit_measures_only() -> None:
    sim = similarity.measure(["a", "b", "c"], ["c", "b", "a"])
    assert sim.cosine == pytest.approx(1.0) and sim.jaccard == 1.0
    assert sim.min_edit < 1.0 and sim.simple < 1.0


@given(st.lists(st.sampled_from("abcdefg"), max_size=40), st.lists(st.sampled_from("abcdefg"), max_size=40))
def test_every_measure_is_in_unit_interval(a: list[str], b: list[str]) -> None:
    sim = similarity.measure(a, b)
    for value in (sim.cosine, sim.jaccard, sim.min_edit, sim.simple):
        assert 0.0 <= value <= 1.0


def test_word_diff_shows_the_changed_number_as_whole_words() -> None:
    ops, counts = similarity.word_diff("has over 15 years of experience.", "has over 19 years of experience.")
    assert [-1, "15 "] in ops or [-1, "15"] in ops
    assert any(op == 1 and "19" in text for op, text in ops)
    assert "".join(t for op, t in ops if op != 1) == "has over 15 years of experience."
    assert "".join(t for op, t in ops if op != -1) == "has over 19 years of experience."
    assert (counts.added, counts.deleted, counts.distance) == (1, 1, 1)


def test_word_diff_never_splits_a_word() -> None:
    ops, _ = similarity.word_diff("the Audit Committee oversees", "the Auditing Committee oversees")
    assert [-1, "Audit "] in ops and [1, "Auditing "] in ops


def _edit_inside_a_word(ops: list[list]) -> bool:
    """Whether, on either side, an edit begins or ends between two word characters."""
    for side in (similarity.DELETE, similarity.INSERT):
        pieces = [(op, text) for op, text in ops if op in (similarity.EQUAL, side) and text]
        for (op1, t1), (op2, t2) in zip(pieces, pieces[1:]):
            if op1 != op2 and re.match(r"\w", t1[-1]) and re.match(r"\w", t2[0]):
                return True
    return False


def test_word_diff_of_rewritten_words_sharing_letters_keeps_words_whole() -> None:
    # the semantic clean-up alone ends these edits inside words ("teams ar|e", "compris|e")
    old = (
        "These teams comprise professionals with deep cybersecurity expertise across multiple industries and "
        "are led by our Vice President of Privacy, Safety, and Security Engineering."
    )
    new = (
        "Leadership for these teams are professionals with deep cybersecurity expertise across multiple "
        "industries, including our Vice President of Privacy, Safety, and Security Engineering."
    )
    ops, _ = similarity.word_diff(old, new)
    assert not _edit_inside_a_word(ops)
    assert [similarity.DELETE, "These teams comprise"] in ops
    assert [similarity.INSERT, "Leadership for these teams are"] in ops


_VOCABULARY = [
    "risk",
    "risks",
    "process",
    "processes",
    "procedure",
    "procedures",
    "monitor",
    "monitoring",
    "threat",
    "threats",
    "the",
    "a",
    "and",
    ",",
    ".",
    "assess",
    "assessment",
    "reassess",
    "s",
    "e",
]


@given(
    st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=40),
    st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=40),
)
def test_word_diff_edits_start_and_end_at_word_boundaries(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a), " ".join(b)
    ops, _ = similarity.word_diff(old, new)
    assert "".join(t for op, t in ops if op != similarity.INSERT) == old
    assert "".join(t for op, t in ops if op != similarity.DELETE) == new
    assert not _edit_inside_a_word(ops)
    assert all(t for _, t in ops)
    assert not any(
        x[0] == y[0] or (x[0], y[0]) == (similarity.INSERT, similarity.DELETE) for x, y in zip(ops, ops[1:])
    )


@given(
    st.text(alphabet="ab1_ .,;-\u00e9\u00b2\u0663", max_size=30),
    st.text(alphabet="ab1_ .,;-\u00e9\u00b2\u0663", max_size=30),
)
def test_word_diff_counts_the_word_tokens_it_edits(old: str, new: str) -> None:
    """The counts are of word tokens (those starting with a word character, digits and "_" included): the
    tokens of each side, and those of its deletions and insertions, as the script before the clean-up has them."""
    is_word = lambda t: t[0].isalnum() or t[0] == "_"  # noqa: E731 (\w, as re has it)
    a, b = re.findall(r"\w+\s*|[^\w\s]\s*|\s+", old), re.findall(r"\w+\s*|[^\w\s]\s*|\s+", new)
    script = similarity.token_diff(a, b)
    _, counts = similarity.word_diff(old, new)
    assert counts.old_words == sum(map(is_word, a)) and counts.new_words == sum(map(is_word, b))
    assert counts.deleted == sum(is_word(t) for op, ts in script if op == similarity.DELETE for t in ts)
    assert counts.added == sum(is_word(t) for op, ts in script if op == similarity.INSERT for t in ts)


def test_measures_on_real_year_pair(corpus: Path) -> None:
    a = words((corpus / "text" / "AMZN_2023.txt").read_text().split("--- ITEM 1C ---")[1])
    b = words((corpus / "text" / "AMZN_2024.txt").read_text().split("--- ITEM 1C ---")[1])
    sim = similarity.measure(a, b)
    assert 0.95 < sim.simple < 1.0 and 0.95 < sim.cosine <= 1.0


def _lcs_length(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev_diag, row = 0, row[:]
        for j, y in enumerate(b, 1):
            prev_diag, row[j] = row[j], prev_diag + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


@given(st.lists(st.sampled_from("abcdefgh"), max_size=70), st.lists(st.sampled_from("abcdefgh"), max_size=70))
def test_token_diff_is_a_minimal_edit_script(a: list[str], b: list[str]) -> None:
    script = similarity.token_diff(a, b)
    assert [t for op, toks in script if op != similarity.INSERT for t in toks] == a
    assert [t for op, toks in script if op != similarity.DELETE for t in toks] == b
    edits = sum(len(toks) for op, toks in script if op != similarity.EQUAL)
    minimal = len(a) + len(b) - 2 * _lcs_length(a, b)
    if edits > similarity.MYERS_MAX_EDITS:  # the LCS route; below it diff-match-patch's Myers is exact too
        assert edits == minimal
    assert edits >= minimal


@given(
    st.text(alphabet="abc\u0100\u0101\u0102", max_size=60),
    st.text(alphabet="abc\u0100\u0101\u0102", max_size=60),
)
def test_the_word_diffs_myers_step_gives_the_ops_of_diff_match_patchs_python_code(a: str, b: str) -> None:
    """The C++ implementation the word diff runs gives, op for op, what diff-match-patch's own Python `diff_main`
    gives with the same timeout (the ops a report shows were those before the faster implementation came in)."""
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = similarity.DIFF_TIMEOUT_S
    assert similarity._diff_main(a, b) == [tuple(d) for d in dmp.diff_main(a, b, False)]


def test_word_diff_of_a_rewritten_sentence_rebuilds_both_sides() -> None:
    old = (
        "Our processes for assessing, identifying, and managing material risks from cybersecurity threats "
        "are integrated into our overall enterprise risk management program."
    )
    new = (
        "We recognize the critical importance of assessing, identifying, and managing material risks "
        "associated with cybersecurity threats, as defined in Item 106(a) of Regulation S-K."
    )
    ops, counts = similarity.word_diff(old, new)
    assert "".join(t for op, t in ops if op != 1) == old
    assert "".join(t for op, t in ops if op != -1) == new
    assert (counts.old_words, counts.new_words) == (len(words(old)), len(words(new)))
    assert counts.added - counts.deleted == counts.new_words - counts.old_words
    kept = ["assessing", "identifying", "managing", "material", "risks"]
    assert [w for op, t in ops if op == 0 for w in words(t) if w in kept] == kept


_BAG = st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 5), max_size=8)
_DELTA = st.dictionaries(st.sampled_from("abcdefghij"), st.integers(-3, 3), max_size=6)


@given(_BAG, _DELTA, _DELTA)
def test_measures_counted_from_a_base_are_those_of_the_whole_counts(
    base: dict[str, int], old: dict[str, int], new: dict[str, int]
) -> None:
    """`combine_counted` (a base count and each side's signed difference from it, as the differ gives a stored
    version's count and the changed sentences' words) gives exactly the figures of counting both texts whole."""
    old = {w: n for w, n in old.items() if base.get(w, 0) + n >= 0}  # (a side never holds a word -1 times)
    new = {w: n for w, n in new.items() if base.get(w, 0) + n >= 0}
    whole_old = Counter({w: base.get(w, 0) + old.get(w, 0) for w in base.keys() | old.keys()})
    whole_new = Counter({w: base.get(w, 0) + new.get(w, 0) for w in base.keys() | new.keys()})
    whole_old, whole_new = +whole_old, +whole_new  # (zero counts dropped)
    counts = similarity.EditCounts(sum(whole_old.values()), sum(whole_new.values()), 1, 1, 1)
    squares = sum(n * n for n in base.values())
    got = similarity.combine_counted((sum(base.values()), squares, base), old, new, counts)
    assert got == similarity.combine_bags(whole_old, whole_new, counts)
