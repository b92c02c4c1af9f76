"""The keyword prefilters that keep patterns off sentences find what a test of every sentence finds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tracker.facts import disclosure_sentences
from tracker.facts.inference import (
    _Hinted,
    infer_integrated,
    infer_positions_responsible,
    infer_report_to_board,
    infer_third_party_engaged,
    infer_third_party_oversight,
)
from tracker.facts.text import SentenceIndex, has, hint_text
from tracker.pipeline.load import load_path

SENTENCES = [
    "Ms. Rivera, our Chief Information Security Officer, leads the cybersecurity team.",
    "We engage KPMG and EY to assess our program; they review its key controls.",
    "The Café committee (\u201cCC\u201d) reviews cybersecurity risk with the Board of Directors.",
    "The \u212aelvin sign and the dotless \u0131 fold onto ASCII letters: keyword tests are unsafe here.",
    "Our cybersecurity risk management program is integrated into our overall enterprise risk management.",
    "We do not engage third parties to assess our security program.",
    "We assess the security practices of our vendors through questionnaires and due diligence.",
    "The CISO reports quarterly to the Audit Committee on cybersecurity risks.",
    "Address terms of programs and systems by the MS team.",
]


def test_holding_words_as_written_as_a_test_of_every_sentence() -> None:
    """A word as written is found through its lower case (one pass of the automaton over the sentences' lower
    case): the sentences holding it are those a substring test finds, and every sentence keyword tests are
    unsafe for."""
    index = SentenceIndex([("e", s) for s in SENTENCES])
    unsafe = {i for i, s in enumerate(SENTENCES) if hint_text(s) is None}
    assert unsafe == {3}
    for words in [("KPMG", "EY"), ("Ms",), ("MS",), ("CC", "CISO"), ("Board",), ("Caf\u00e9",)]:
        expected = {i for i, s in enumerate(SENTENCES) if any(w in s for w in words)} | unsafe
        assert index.holding(words, lower=False) == expected, words
    for words in [("ms",), ("risk", "erm"), ("kelvin",), ("caf\u00e9",)]:
        assert index.holding(words) == {i for i, s in enumerate(SENTENCES) if has(hint_text(s), words)}, words


def test_inferences_read_the_index_as_they_read_plain_sentences() -> None:
    """Each inference finds the same on the disclosure's sentences with their index (`_Hinted`) as on a plain
    list, where each sentence's words are tested."""
    hinted = _Hinted(SentenceIndex([("e", s) for s in SENTENCES]))
    assert list(hinted) == SENTENCES  # (no heading among them: the order is the document's)
    for infer in (
        infer_integrated,
        infer_third_party_engaged,
        infer_third_party_oversight,
        infer_positions_responsible,
        infer_report_to_board,
    ):
        assert infer(hinted) == infer(list(SENTENCES)), infer.__name__
        # the first finding of each suffix too (each sentence's turn to be first)
        for k in range(len(SENTENCES)):
            rest = SENTENCES[k:]
            assert infer(_Hinted(SentenceIndex([("e", s) for s in rest]))) == infer(rest), (infer.__name__, k)


def test_every_sentence_a_pattern_matches_holds_the_words_its_prefilter_needs(corpus: Path) -> None:
    """The words each inference pattern is said to need (`_Needs`: one of each group) are in every real sentence
    it matches: a pattern edited without its words would be kept off sentences it matches, and fail here."""
    import tracker.facts.inference as inference
    import tracker.facts.program as program

    checks: list[tuple[str, Callable[[str], bool], tuple[tuple[str, ...], ...]]] = []
    for caseless_pattern, needs in inference._INTEGRATED_RES + program.OVERSIGHT_STRONG_RES:
        checks.append((caseless_pattern.pattern, caseless_pattern.test, needs))
    for pattern, needs in inference._ENGAGED_RES:
        checks.append((pattern.pattern, lambda s, p=pattern: p.search(s) is not None, needs))
    checks.append(("role", inference._ROLE_WORD.test, (inference._NEEDS_ROLE,)))
    for caseless_pattern in inference._RESPONSIBLE_RES:
        checks.append(
            (
                caseless_pattern.pattern,
                caseless_pattern.test,
                (inference._NEEDS_CYBER, inference._NEEDS_RESPONSIBLE),
            )
        )
    for caseless_pattern in inference._REPORT_RES:
        checks.append(
            (
                caseless_pattern.pattern,
                caseless_pattern.test,
                (inference._NEEDS_BOARD, inference._NEEDS_REPORT),
            )
        )
    checks.append(("risk topic", inference._RISK_TOPIC_RE.test, (inference._NEEDS_RISK_TOPIC,)))
    checks.append(("not engaged", inference._NOT_ENGAGED_RE.test, inference._NEEDS_NOT_ENGAGED))
    matched = 0
    for path in sorted((corpus / "text").glob("*.txt")):
        for _, sentence in disclosure_sentences(load_path(path)):
            low = hint_text(sentence)
            for name, test, needs in checks:
                if test(sentence):
                    matched += 1
                    assert all(has(low, group) for group in needs), (name, sentence)
    assert matched > 500


def test_the_people_readers_prefilters_say_what_their_patterns_say(corpus: Path) -> None:
    """`_object_before` (words tested before _OBJECT_BEFORE_RE) and `_pronoun_start` (first letters and commas tested
    before _SUBJECT_PRONOUN_RE) give what their patterns alone give: at every word of every corpus sentence, and on
    sentences built of the words the object pattern reads."""
    import re

    from tracker.facts import people

    def plainly(s: str, pos: int) -> bool:
        return people._OBJECT_BEFORE_RE.search(s, max(0, pos - 80), pos) is not None

    sentences = [
        s
        for path in sorted((corpus / "text").glob("*.txt"))
        for _, s in disclosure_sentences(load_path(path))
    ]
    words = [
        "reports to",
        "reporting to",
        "with",
        "from",
        "by",
        "for",
        "including",
        "such as",
        "includes",
        "the",
        "our",
    ]
    words += ["its", "CISO", "Board", "and", "who", "which", "met", ";", ",", "\n", "  ", "\u00a0", "Forward"]
    made = [" ".join(words[(k * 7 + j * j) % len(words)] for j in range(k % 9 + 1)) + " " for k in range(400)]
    objects = pronouns = 0
    for s in sentences + [m + "the Chief Information Security Officer." for m in made]:
        low = hint_text(s)
        for m in re.finditer(r"\b\w", s):
            expected = plainly(s, m.start())
            assert people._object_before(s, low, m.start()) == expected, (s, m.start())
            objects += expected
        plain = people._SUBJECT_PRONOUN_RE.match(s)
        ours = people._pronoun_start(s)
        assert (ours and (ours.span(), ours.group(1))) == (plain and (plain.span(), plain.group(1))), s
        pronouns += plain is not None
    assert objects > 1000 and pronouns > 10
