"""Paragraphs rebuilt from raw lines: which breaks are page furniture and which start a paragraph."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tracker.normalize import is_footer_line, paragraphs_from_lines, words_and_key

_GENERAL_TOKENS = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")

LONG = "We maintain policies and procedures for assessing, identifying and managing risks implemented by"


def test_sentence_running_over_a_page_number_into_a_capital_is_one_paragraph() -> None:
    lines = [LONG + " Prospect", "", "77", "", "Capital Management, for the business it runs for us."]
    assert paragraphs_from_lines(lines) == [
        LONG + " Prospect Capital Management, for the business it runs for us."]


def test_a_blank_line_alone_before_a_capital_still_starts_a_paragraph() -> None:
    lines = [LONG + " Prospect", "", "Capital Management, for the business it runs for us."]
    assert len(paragraphs_from_lines(lines)) == 2


def test_heading_or_bullet_at_the_foot_of_a_page_is_not_joined_to_the_next_page() -> None:
    heading = ["Risk Management and Strategy", "", "25", "Table of Contents", "",
               "Our program is designed to protect our systems and data from threats."]
    assert paragraphs_from_lines(heading)[0] == "Risk Management and Strategy"
    bullet = ["• a third-party risk management process for service providers and vendors", "", "25", "",
              "Our program is designed to protect our systems and data from threats."]
    assert len(paragraphs_from_lines(bullet)) == 2
    to_heading = [LONG + " Prospect", "", "25", "", "Governance"]
    assert paragraphs_from_lines(to_heading)[-1] == "Governance"


def test_line_starting_with_a_comma_continues_without_a_space() -> None:
    lines = ["At the management level, our", "CIO, CISO, and Deputy CISO", ", each of whom has experience."]
    assert paragraphs_from_lines(lines) == [
        "At the management level, our CIO, CISO, and Deputy CISO, each of whom has experience."]


def test_index_to_financial_statements_is_a_footer_line() -> None:
    assert is_footer_line("Index to Financial Statements")
    assert is_footer_line("INDEX TO CONSOLIDATED FINANCIAL STATEMENTS")
    assert not is_footer_line("See the Index to Financial Statements in Item 8.")


@given(st.text(alphabet="aZ9.,_- '\n\u00e9", max_size=60))
def test_ascii_and_unicode_tokenising_agree(text: str) -> None:
    tokens, key = words_and_key(text)
    assert tokens == _GENERAL_TOKENS.findall(text.lower())
    assert key == "".join(f"#{t}#" if t[0].isdigit() else t for t in tokens)
