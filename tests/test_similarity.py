"""The Lazy Prices measures and the word diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import similarity
from tracker.normalize import words


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


def test_measures_on_real_year_pair(corpus: Path) -> None:
    a = words((corpus / "text" / "AMZN_2023.txt").read_text().split("--- ITEM 1C ---")[1])
    b = words((corpus / "text" / "AMZN_2024.txt").read_text().split("--- ITEM 1C ---")[1])
    sim = similarity.measure(a, b)
    assert 0.95 < sim.simple < 1.0 and 0.95 < sim.cosine <= 1.0
