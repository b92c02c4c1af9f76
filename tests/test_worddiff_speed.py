"""The word diff's ops before its clean-up, and its word counts, are what a plain reading of the token diff gives.

`_token_ops` joins each run's text from its tokens and counts a run's words as its tokens less the few that are not
words (punctuation), instead of keeping running totals of both. Checked here against `token_diff` read plainly (words
told by a regular expression): on every word diff the corpus's year pairs ask for, and on generated edits of real
sentences and unrelated word strings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker.diff.compare as compare_module
from tracker.diff.compare import compare
from tracker.diff.worddiff import (
    _DISPLAY_TOKEN_RE,
    _DMP,
    EQUAL,
    INSERT,
    _token_ops,
    token_diff,
    whole_words,
    word_diff,
)
from tracker.pipeline.load import load_path


def full_path(old: str, new: str) -> tuple[list[list], tuple[int, ...]]:
    """The word diff from the plain reading of the token diff: diff-match-patch's clean-up, then the widening."""
    diffs, counts = token_ops_plainly(old, new)
    _DMP.diff_cleanupSemantic(diffs)
    return whole_words(diffs), counts


def _counts(counts) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return (counts.old_words, counts.new_words, counts.added, counts.deleted, counts.distance)


def token_ops_plainly(old: str, new: str) -> tuple[list[tuple[int, str]], tuple[int, ...]]:
    """`_token_ops` read off `token_diff` of the two token lists, words told by a regular expression."""
    a, b = _DISPLAY_TOKEN_RE.findall(old), _DISPLAY_TOKEN_RE.findall(new)
    ops, added, deleted, distance, run = [], 0, 0, 0, [0, 0]
    for op, tokens in token_diff(a, b) + [(EQUAL, [])]:
        words = sum(1 for t in tokens if re.match(r"\w", t))
        if op == EQUAL:
            distance += max(run)
            run = [0, 0]
        else:
            run[op == INSERT] += words
            added, deleted = (added + words, deleted) if op == INSERT else (added, deleted + words)
        if tokens:
            ops.append((op, "".join(tokens)))
    old_words, new_words = (sum(1 for t in side if re.match(r"\w", t)) for side in (a, b))
    return ops, (old_words, new_words, added, deleted, distance)


def assert_same_as_full_path(old: str, new: str) -> None:
    diffs, counts = _token_ops(old, new)
    assert (diffs, _counts(counts)) == token_ops_plainly(old, new)
    ops, counts = word_diff(old, new)
    assert (ops, _counts(counts)) == full_path(old, new)


@pytest.fixture(scope="module")
def corpus_word_diffs(corpus: Path) -> list[tuple[str, str]]:
    """The (old, new) sentence texts of every word diff compare() makes on the corpus's text year pairs."""
    runs: dict[str, list[Path]] = {}
    for path in sorted((corpus / "text").glob("*.txt")):
        m = re.fullmatch(r"(.+)_(\d{4})\.txt", path.name)
        if m:
            runs.setdefault(m.group(1), []).append(path)
    asked: list[tuple[str, str]] = []

    def recording(old: str, new: str):  # type: ignore[no-untyped-def]
        asked.append((old, new))
        return word_diff(old, new)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(compare_module, "word_diff", recording)
        for paths in runs.values():
            for a, b in zip(paths, paths[1:]):
                compare(load_path(a), load_path(b))
        # and two different filers: sentences replaced rather than edited
        compare(load_path(corpus / "text" / "AMZN_2024.txt"), load_path(corpus / "text" / "UPWK_2024.txt"))
    return asked


def test_every_corpus_word_diff_is_the_full_paths(corpus_word_diffs: list[tuple[str, str]]) -> None:
    assert len(corpus_word_diffs) > 150
    for old, new in corpus_word_diffs:
        assert_same_as_full_path(old, new)


SENTENCES = [
    "We maintain a cybersecurity risk management program designed to identify, assess and manage risks.",
    "Our Chief Information Security Officer (CISO) has over 20 years of experience in information security.",
    "The Audit Committee of the Board oversees the Company's cybersecurity risks, and reports to the Board.",
    "As of the date of this report, we are not aware of any cybersecurity incidents that have materially affected us.",
    "We engage third-party assessors, consultants and auditors; they review our programs annually.",
    "",
]
WORDS = "the The and risk risks cybersecurity Cybersecurity program we annually board of 20 2024 third-party CISO".split()
WORDS += [",", ".", ";", "(", ")", "\u2014", "\u2019s", "_x", "  ", "\n"]


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A real sentence and the same sentence with random word edits (deletions, insertions, replacements, case
    changes, repeats, punctuation)."""
    old = draw(st.sampled_from(SENTENCES))
    if draw(st.booleans()):
        old = old + " " + draw(st.sampled_from(SENTENCES))
    tokens = re.findall(r"\S+|\s+", old)
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["delete", "insert", "replace", "case", "repeat"]))
        at = draw(st.integers(0, len(tokens)))
        word = draw(st.sampled_from(WORDS))
        if kind == "insert" or not tokens or at == len(tokens):
            tokens.insert(at, word + draw(st.sampled_from([" ", "", ", "])))
        elif kind == "delete":
            del tokens[at]
        elif kind == "replace":
            tokens[at] = word
        elif kind == "case":
            tokens[at] = tokens[at].swapcase()
        else:
            tokens[at:at] = tokens[at : at + draw(st.integers(1, 4))]
    new = "".join(tokens)
    return (new, old) if draw(st.booleans()) else (old, new)


@settings(max_examples=1500, deadline=None)
@given(edited_pair())
def test_edited_sentences_diff_as_the_full_path_diffs_them(pair: tuple[str, str]) -> None:
    assert_same_as_full_path(*pair)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text("ab .\n", max_size=12), max_size=25),
    st.lists(st.text("ab .\n", max_size=12), max_size=25),
)
def test_unrelated_word_strings_diff_as_the_full_path_diffs_them(old: list[str], new: list[str]) -> None:
    assert_same_as_full_path(" ".join(old), " ".join(new))
