"""Paragraphs rebuilt from raw lines: which breaks are page furniture and which start a paragraph."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.text.lazy import Caseless
from tracker.text.normalize import (
    is_footer_line,
    paragraphs_from_lines,
    split_glued_words,
    split_glued_words_all,
    text_vocabulary,
    words_and_key,
)

_GENERAL_TOKENS = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")

LONG = "We maintain policies and procedures for assessing, identifying and managing risks implemented by"


def test_sentence_running_over_a_page_number_into_a_capital_is_one_paragraph() -> None:
    lines = [LONG + " Prospect", "", "77", "", "Capital Management, for the business it runs for us."]
    assert paragraphs_from_lines(lines) == [
        LONG + " Prospect Capital Management, for the business it runs for us."
    ]


def test_a_blank_line_alone_before_a_capital_still_starts_a_paragraph() -> None:
    lines = [LONG + " Prospect", "", "Capital Management, for the business it runs for us."]
    assert len(paragraphs_from_lines(lines)) == 2


def test_heading_or_bullet_at_the_foot_of_a_page_is_not_joined_to_the_next_page() -> None:
    heading = [
        "Risk Management and Strategy",
        "",
        "25",
        "Table of Contents",
        "",
        "Our program is designed to protect our systems and data from threats.",
    ]
    assert paragraphs_from_lines(heading)[0] == "Risk Management and Strategy"
    bullet = [
        "• a third-party risk management process for service providers and vendors",
        "",
        "25",
        "",
        "Our program is designed to protect our systems and data from threats.",
    ]
    assert len(paragraphs_from_lines(bullet)) == 2
    to_heading = [LONG + " Prospect", "", "25", "", "Governance"]
    assert paragraphs_from_lines(to_heading)[-1] == "Governance"


def test_list_item_of_whole_sentences_running_over_a_page_is_one_paragraph() -> None:
    lines = [
        "• Information Security. We base our program on frameworks established by the National",
        "",
        "Page 27",
        "",
        "Table of Contents",
        "",
        "Institute of Standards and Technology.",
        "",
        "Our program is designed to protect our systems.",
    ]
    assert paragraphs_from_lines(lines) == [
        "\u2022 Information Security. We base our program on frameworks established by the National Institute "
        "of Standards and Technology.",
        "Our program is designed to protect our systems.",
    ]


def test_line_starting_with_a_comma_continues_without_a_space() -> None:
    lines = ["At the management level, our", "CIO, CISO, and Deputy CISO", ", each of whom has experience."]
    assert paragraphs_from_lines(lines) == [
        "At the management level, our CIO, CISO, and Deputy CISO, each of whom has experience."
    ]


PARAGRAPH = (
    "Our cybersecurity program is led by our Vice President of Information Security. Members of the "
    "Audit Committee receive updates on a quarterly basis from our Chief Information Officer regarding "
    "existing and new cybersecurity risks. The committee reports to the full Board of Directors."
)
SECOND = "Our incident response plan is tested annually: the results are shared with the Audit Committee."


@pytest.mark.parametrize("width", [30, 38, 45, 60, 80])
def test_hard_wrapped_paragraphs_come_back_whatever_the_width(width: int) -> None:
    # lines end wherever the next word did not fit: after a sentence, a colon, or words that look like a heading
    lines = textwrap.wrap(PARAGRAPH, width) + [""] + textwrap.wrap(SECOND, width)
    assert paragraphs_from_lines(lines) == [PARAGRAPH, SECOND]


def test_wrapped_text_with_a_few_longer_lines_left_unwrapped_is_still_wrapped_text() -> None:
    heading = "Cybersecurity Risk Management, Strategy and Governance"  # left as it was: longer than the wrap
    lines = [heading] + textwrap.wrap(PARAGRAPH, 34) + [heading.upper()] + textwrap.wrap(SECOND, 34)
    paras = paragraphs_from_lines(lines)
    assert PARAGRAPH in paras and SECOND in paras


def test_lines_that_are_paragraphs_stay_paragraphs() -> None:
    # a paragraph per line, no blank lines: a line ending a sentence ends its paragraph
    lines = [
        "Cybersecurity Risk Management",
        PARAGRAPH,
        SECOND,
        "Governance",
        PARAGRAPH.replace("Our", "The"),
    ]
    assert paragraphs_from_lines(lines) == lines


def test_short_line_ending_a_sentence_in_wrapped_text_ends_the_paragraph() -> None:
    wrapped = textwrap.wrap(PARAGRAPH, 40)
    lines = wrapped + ["The Board oversees it.", "Management reports to the Board at least once a year."]
    paras = paragraphs_from_lines(lines)
    assert paras[-1] == "Management reports to the Board at least once a year."


def test_raggedly_wrapped_running_text_is_not_taken_for_headings() -> None:
    # lines cut at no fixed width: a fragment that ends in a capital word is still running text
    lines = [
        "Our management team, including our Chief Information Officer, Senior",
        "VP Global IT Operations and IT Security Director, is responsible for",
        "assessing and managing our material risks from cybersecurity threats.",
        "",
        "In managing cybersecurity risks, we strive to:",
        "(i) identify and mitigate threats; and (ii) preserve availability.",
    ]
    assert paragraphs_from_lines(lines) == [
        "Our management team, including our Chief Information Officer, Senior VP Global IT Operations and IT "
        "Security Director, is responsible for assessing and managing our material risks from cybersecurity "
        "threats.",
        "In managing cybersecurity risks, we strive to: (i) identify and mitigate threats; and (ii) "
        "preserve availability.",
    ]


def test_title_broken_over_a_line_carries_on() -> None:
    lines = [
        "Our Chief Security Officer and Data Privacy",
        "Officer oversee our cybersecurity program.",
        "",
        "Our Chief Information Security Officer",
        "(\u201cCISO\u201d) oversees the program.",
    ]
    assert paragraphs_from_lines(lines) == [
        "Our Chief Security Officer and Data Privacy Officer oversee our cybersecurity program.",
        'Our Chief Information Security Officer ("CISO") oversees the program.',
    ]  # (quotes made plain)


def test_honorific_at_a_line_end_carries_on_into_the_name() -> None:
    lines = [
        "Our cybersecurity team is headed by Mr.",
        "Zhang, who joined us in 2017.",
        "",
        "He reports to Dr.",
        "Li, our chief technology officer.",
    ]
    assert paragraphs_from_lines(lines) == [
        "Our cybersecurity team is headed by Mr. Zhang, who joined us in 2017.",
        "He reports to Dr. Li, our chief technology officer.",
    ]


def test_headings_in_sentence_case_still_start_paragraphs() -> None:
    lines = [
        "Material cybersecurity risks, threats, and incidents",
        PARAGRAPH,
        "Cybersecurity Risk Management",
        SECOND,
    ]
    assert paragraphs_from_lines(lines) == lines
    # a cross-reference cut by a line break is running text, not a heading
    assert paragraphs_from_lines(
        [
            "For a discussion of the Company's cybersecurity-related risks, see",
            'Item 1A of this Form 10-K under the heading "Risk Factors."',
        ]
    ) == [
        "For a discussion of the Company's cybersecurity-related risks, see Item 1A of this Form 10-K under the "
        'heading "Risk Factors."'
    ]


def test_heading_broken_over_two_lines_is_one_heading() -> None:
    lines = ["Cybersecurity", "Governance", "", PARAGRAPH]
    assert paragraphs_from_lines(lines) == ["Cybersecurity Governance", PARAGRAPH]
    assert paragraphs_from_lines(["Governance", "", PARAGRAPH]) == ["Governance", PARAGRAPH]


def test_form_footer_whose_page_number_wrapped_is_a_footer() -> None:
    assert is_footer_line("STITCH FIX, INC. | 2025 FORM 10-K | 23")
    assert is_footer_line("STITCH FIX, INC. | 2025 FORM 10-K |")


SECTION = (
    "The Audit Committee oversees our program. Our Chief Information Officer provided updates to the "
    "Board of directors. Updates on reporting lines and providers are given annually. We have adopted a "
    "policy."
)


@pytest.mark.parametrize(
    "glued, whole",
    [
        (
            "The CISO providesquarterly updates.",
            "The CISO provides quarterly updates.",
        ),  # "provides" only glued
        ("Ourboard of directors oversees it.", "Our board of directors oversees it."),
        ("Our CIO, whoreports to the CEO, leads it.", "Our CIO, who reports to the CEO, leads it."),
        ("The company hasadopted a policy.", "The company has adopted a policy."),
        (
            "It has a dedicatedChief Information Security Officer.",
            "It has a dedicated Chief Information Security Officer.",
        ),
        ("It includes annualISO 27001 audits.", "It includes annual ISO 27001 audits."),
        ("Our CIOreports to the CFO.", "Our CIO reports to the CFO."),
        ("Updates are given on aquarterly basis.", "Updates are given on a quarterly basis."),
        ("The Board is briefed at leastannually.", "The Board is briefed at least annually."),
        ("The committeereports to the Board.", "The committee reports to the Board."),
        ("Directors provideoversight of it.", "Directors provide oversight of it."),
        (
            "The company\u2019sChief Information Officer leads it.",
            "The company\u2019s Chief Information Officer leads it.",
        ),
        ("We follow standards such asISO 27002.", "We follow standards such as ISO 27002."),
        ("The Board receives periodicreports.", "The Board receives periodic reports."),
    ],
)
def test_words_glued_at_markup_seams_are_split_again(glued: str, whole: str) -> None:
    assert split_glued_words(glued, text_vocabulary([SECTION])) == whole


@pytest.mark.parametrize(
    "word",
    [
        "Therefore, we act.",
        "Ourselves included.",
        "The dashboard shows it.",
        "Our bylaws apply.",
        "We forward reports.",
        "Withstanding attacks matters.",
        "We use iPhone, macOS, TrustArc and ioXt.",
        "It was aboard.",
        "The subcommittee meets semiannually.",
        "Nothing was uncertified.",
    ],
)
def test_ordinary_words_are_not_split(word: str) -> None:
    assert split_glued_words(word, text_vocabulary([SECTION, "board laws ward stand"])) == word


_SEAMED = [
    "Our CIOreports to the CFO.",
    "It includes annualISO 27001 audits.",
    "The company\u2019sChief Information Officer leads it.",
    "Ourboard of directors meets over15 times, for 20years.",
    "Thecommittee de l\u2019Énergie meets annually.",
    "The Board is briefed at leastannually.",
    "We use iPhone and TrustArc.",
    "",
]


@given(
    st.lists(
        st.sampled_from(_SEAMED) | st.text(alphabet="aeoAOTh ry15dm.\u2019\u00e9\u0130", max_size=30),
        max_size=8,
    )
)
def test_glued_words_of_many_texts_split_as_each_text_alone(texts: list[str]) -> None:
    """split_glued_words_all scans the texts joined (for seams, glued words, digits): the splits of each alone."""
    vocabulary = text_vocabulary([SECTION, *texts])
    assert split_glued_words_all(texts, vocabulary) == [split_glued_words(t, vocabulary) for t in texts]


def test_word_hyphenated_at_a_line_end_is_whole_when_the_text_spells_it_whole() -> None:
    lines = [
        "The Audit Committee oversees risk. The Audit Commit-",
        "tee meets quarterly with our co-",
        "led team and third-",
        "party vendors.",
    ]
    assert paragraphs_from_lines(lines) == [
        "The Audit Committee oversees risk. The Audit Committee meets quarterly with our co-led team and "
        "third-party vendors."
    ]


def test_a_running_header_carried_onto_the_next_page_is_a_footer_line() -> None:
    """An unseen filing's "ITEM 1C. Cybersecurity (Continued)" at a page's top was read as a sentence, "(Continued)",
    and reported as moved."""
    assert is_footer_line("ITEM 1C. Cybersecurity (Continued)")
    assert is_footer_line("Item 1C. Cybersecurity (cont'd)")
    assert is_footer_line("(continued)")
    assert not is_footer_line("The program (described above) is continued each year.")


def test_a_footer_without_bars_is_a_footer_line_and_prose_naming_the_form_is_not() -> None:
    """An unseen filing's "MASTERCARD 2025 FORM 10-K 41" was read as a heading and its year as a wording change."""
    assert is_footer_line("ACME HOLDINGS, INC. 2025 FORM 10-K 41")
    assert is_footer_line("42 ACME HOLDINGS 2025 FORM 10-K")
    assert not is_footer_line("We describe these risks in Item 1A of our 2024 Form 10-K")
    assert not is_footer_line("Item 7 of our 2024 Form 10-K")
    # (and without the company: NKE's "2024 FORM 10-K   25" was a reworded sentence, its year and page rolled)
    assert is_footer_line("2025 FORM 10-K   31")
    assert is_footer_line("17 FISCAL 2024 FORM 20-F")


def test_index_to_financial_statements_is_a_footer_line() -> None:
    assert is_footer_line("Index to Financial Statements")
    assert is_footer_line("INDEX TO CONSOLIDATED FINANCIAL STATEMENTS")
    assert not is_footer_line("See the Index to Financial Statements in Item 8.")


@given(st.text(alphabet="aZ9.,_- '\n\u00e9", max_size=60))
def test_ascii_and_unicode_tokenising_agree(text: str) -> None:
    tokens, key = words_and_key(text)
    assert tokens == _GENERAL_TOKENS.findall(text.lower())
    assert key == "".join(f"#{t}#" if t[0].isdigit() else t for t in tokens)


_WORDY = st.text(
    alphabet=st.sampled_from(list("aBoRdDiEcToRsMmtel yY-&,.|0123456789\u0130\u212a\u00dfK")), max_size=80
).map(lambda t: t.replace("o", "board ", 1))


@given(_WORDY)
def test_a_caseless_pattern_counts_and_finds_as_ignorecase_does(text: str) -> None:
    from tracker.text.lazy import Caseless

    pattern = r"\bboard\b|\b(?:audit|risk)[\w ,&-]{0,40}committee\b|\bdirectors\b|\bk\w*"
    caseless = Caseless(pattern)
    assert caseless.count(text) == len(re.findall(pattern, text, re.I))
    assert caseless.test(text) == bool(re.search(pattern, text, re.I))
    _finds_where_ignorecase_finds(caseless, pattern, text)


def _finds_where_ignorecase_finds(caseless: Caseless, pattern: str, text: str) -> None:
    """`Caseless.search` finds the first match where `re.search` with IGNORECASE does, in the whole text and in a
    window of it (a reader asks where a hedge stands before a negation, and what precedes a clause's end)."""
    compiled = re.compile(pattern, re.I)
    for window in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
        found, expected = caseless.search(text, *window), compiled.search(text, *window)
        assert (found and found.span()) == (expected and expected.span())


_LITERAL_WORDY = st.lists(
    st.sampled_from(
        [
            "board",
            "Board",
            "BOARD",
            "item",
            "Item 16K",
            "16k",
            "20-F",
            "audit",
            "risk",
            "committee",
            "material",
            "materially",
            "adverse",
            "effect",
            "impact",
            "not",
            "any",
            "aware of",
            " ",
            ",",
            "-",
            "x",
            "\u0130",
            "\u0131",
            "\u017f",
            "\u212a",
            "\u00e9",  # (not ASCII, none of the letters whose lower case is another: its lower case is tested)
            "k",
        ]
    ),
    max_size=14,
).map("".join)


@given(_LITERAL_WORDY)
def test_a_caseless_pattern_ruled_out_by_its_literals_still_finds_what_ignorecase_finds(text: str) -> None:
    from tracker.text.lazy import Caseless

    pattern = (
        r"\bboard\b|\b(?:audit|risk)[\w ,&-]{0,40}committee\b|\bitem\s+16k\b|\b20-f\b"
        r"|material(?:ly)? (?:adverse )?(?:effect|impact)|not (?:aware of) any[\w ,]{0,40}risk"
    )
    caseless = Caseless(pattern)
    assert caseless.required is not None  # (the substring tests are made)
    assert caseless.count(text) == len(re.findall(pattern, text, re.I))
    assert caseless.test(text) == bool(re.search(pattern, text, re.I))
    _finds_where_ignorecase_finds(caseless, pattern, text)


@given(st.text(alphabet=".!?:;\"')] a\n", max_size=12))
def test_a_terminal_end_is_found_from_the_end_as_the_pattern_finds_it(text: str) -> None:
    from tracker.text.normalize import _TERMINAL_RE, ends_terminal

    assert ends_terminal(text) == bool(_TERMINAL_RE.search(text))


def test_a_caseless_pattern_finds_the_letters_whose_lower_case_is_another_in_a_text_not_ascii() -> None:
    from tracker.text.lazy import Caseless

    caseless = Caseless(r"\bciso\b|\bkit\b")
    for text in ("our c\u0131so \u00e9", "our ci\u017fo \u00e9", "our C\u0130SO \u00e9", "a \u212aIT \u00e9"):
        assert re.search(caseless.pattern, text, re.I)
        assert caseless.test(text)
        assert caseless.count(text) == 1
        _finds_where_ignorecase_finds(caseless, caseless.pattern, text)
    assert not caseless.test("our chief \u00e9")


def test_the_literals_every_match_holds() -> None:
    from tracker.text.lazy import required_literals

    assert required_literals(r"\b20-f\b|\bitem\s+16k\b") == (("20-f",), ("item", "16k"))
    assert required_literals(r"\bchief [\w ]{0,30}officer\b|\bciso\b") == (("chief ", "officer"), ("ciso",))
    # a quantified character, a group, a class, an escape: left out; an alternative with no run: no test
    assert required_literals(r"abcd?ef|x(?:a|b)yzw|[]x|]abc") == (("abc",), ("yzw",), ("abc",))
    assert required_literals(r"board|\bk\w*") is None
    assert required_literals(r"abc{2}de") is None


def test_a_caseless_pattern_must_be_written_in_lower_case() -> None:
    from tracker.text.lazy import Caseless

    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"\bBoard\b")
    assert Caseless(r"\bboard\S").test("the BOARD's")  # an escape is no letter of the text


@given(
    st.text(
        alphabet=st.sampled_from(list(" \t-=_*~.|0123456789ivxlcIVXpageTOCtbofntsPARTx10-Kkf")), max_size=40
    )
)
def test_footer_lines_are_those_one_of_the_footer_patterns_matches(line: str) -> None:
    from tracker.text.normalize import _FOOTER_LINE_RES

    stripped = line.strip()
    assert is_footer_line(line) == (bool(stripped) and any(r.match(stripped) for r in _FOOTER_LINE_RES))


@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(
                list("aZ09.,\u2019\u201c\u2014\u00e9\u00df\u0130\u212a\u0301\u0327 -_\n")
            ),
            max_size=60,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_a_text_of_several_lines_has_the_words_and_key_of_its_lines_joined(lines: list[str]) -> None:
    from tracker.text.normalize import _words_and_key, shared_work

    short = "\n".join(lines)
    long = "\n".join(lines * (2100 // max(1, sum(map(len, lines))) + 1))
    with shared_work():  # (tokenised line by line, each line once, however short or long the text)
        for text in (short, long):
            assert words_and_key(text) == _words_and_key(text)
