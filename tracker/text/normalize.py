"""Text normalisation shared by every reader and by everything that compares text.

Three levels:
- `clean_inline` canonicalises characters (ligatures, quotes, dashes, spaces) on one run of text;
- `normalize_block` turns raw extracted text (hard line breaks, page footers, bullets on their own
  line, paragraphs broken mid-sentence) into clean paragraphs separated by blank lines;
- `comparison_key` reduces a sentence to what a change of form cannot alter, so that white space,
  glued words, quote styles and letter case compare equal while words and numbers do not.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

#: What `clean_inline` makes of these characters: one ASCII character, or none (never one of these: the
#: order in which they are replaced does not matter).
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u00ad": "",
}

BULLETS = "•●◦▪▫■□○◆◇►▸‣⁃∙·➢➤✓✔"
_BULLET_RE = re.compile(rf"^\s*[{BULLETS}\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*")
_BULLET_ONLY_RE = re.compile(rf"^\s*[{BULLETS}\uf0b7\uf0a7\uf076\uf0d8\uf0fc\-\*o]\s*$")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")
#: A list item's marker of plain text: a hyphen, an en dash or an asterisk and a space (`paragraphs_from_lines`).
_DASH_ITEM_RE = re.compile(r"^\s*[-*\u2013]\s+(?=\S)")
#: A numbered list item's marker: "1. ", "2) " (`paragraphs_from_lines`).
_NUMBER_ITEM_RE = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")

# Page furniture: whole lines that are never part of the disclosure.
_FOOTER_LINE_RES = [
    re.compile(r"^\s*table\s+of\s+contents\s*$", re.I),
    re.compile(r"^\s*index\s+to\s+(?:consolidated\s+)?financial\s+statements\s*$", re.I),  # its twin link
    re.compile(r"^\s*(?:page\s+)?[-–—]?\s*[0-9]{1,3}\s*[-–—]?\.?\s*$", re.I),
    re.compile(r"^\s*[ivxlc]{1,6}\s*$"),
    re.compile(r"^\s*part\s+[iv]{1,4}\.?\s*$", re.I),
    re.compile(r"^\s*[-=_*~.]{3,}\s*$"),
    # (the page number may have wrapped onto a line of its own)
    re.compile(
        r"^.{0,80}\|\s*(?:fiscal\s+)?\d{4}\s+(?:annual\s+report\s+on\s+)?form\s+(?:10-k|20-f)\s*"
        r"(?:\|\s*(?:\d{1,3})?\s*)?$",
        re.I,
    ),
    re.compile(r"^\s*\d{1,3}\s*\|\s*.{0,80}(?:10-k|20-f|annual report)\s*$", re.I),
    # a footer without bars: "MASTERCARD 2025 FORM 10-K 41", "42 MASTERCARD 2025 FORM 10-K" (the company in capitals:
    # not a hard-wrapped line of prose ending "... described in our 2024 Form 10-K")
    re.compile(
        # (or without it: "2024 FORM 10-K   25", NKE's, an unseen reader found a reworded sentence)
        r"^(?:\d{1,3}\s+)?(?:(?-i:[A-Z][A-Z0-9&.,' -]{0,60}?)\s)?(?:FISCAL\s+)?(?:19|20)\d{2}\s+FORM\s+(?:10-K|20-F)"
        r"(?:\s+\d{1,3})?$"
    ),
    re.compile(r"^\s*\|?\s*x\s*$", re.I),
    re.compile(r"^\s*[-+]\s*(?:references|details|definition)\s*$", re.I),
    re.compile(r"^\s*reference\s+\d+\s*:\s*https?://\S+\s*$", re.I),
    # a running header carried onto the next page: "ITEM 1C. Cybersecurity (Continued)", "(continued)"
    re.compile(
        r"^\s*(?:item\s+\d{1,2}[a-z]?\.?\s+[\w ,&'\u2019-]{0,60}?\s*)?\((?:continued|cont['\u2019]?d\.?)\)\s*$",
        re.I,
    ),
]
#: The footer patterns as one (each keeping its own case rule): one match call per line instead of a dozen.
_FOOTER_LINE_RE = re.compile(
    "|".join(f"(?{'i' if r.flags & re.I else ''}:{r.pattern})" for r in _FOOTER_LINE_RES)
)
# Footers glued inside a line where the extractor lost the line breaks.
_INLINE_FOOTER_RE = re.compile(
    r"(?:[A-Z](?:[\w,&' ]|\.(?!\s?[A-Z][a-z])){1,60}?)?\|\s*\d{4}\s+Form\s+(?:10-K|20-F)\s*\|\s*\d{1,3}(?=\D|$)"
)

_TERMINAL_RE = re.compile(r"[.!?:;][\"')\]]*$")


def ends_terminal(text: str) -> bool:
    """Whether `_TERMINAL_RE` finds a match (a stop, colon or semicolon, then only closing quotes or brackets,
    at the end or before a final line break), worked out from the end of the text: `re` would try the pattern
    at every stop of a long paragraph."""
    if text.endswith("\n") and text[:-1].rstrip("\"')]")[-1:] in _TERMINAL_MARKS:
        return True
    return text.rstrip("\"')]")[-1:] in _TERMINAL_MARKS


_TERMINAL_MARKS = frozenset(".!?:;")
#: The honorifics before a name, as written ("Mr.", and the Spanish ones of a Mexican 20-F: "Ing. Rodrigo Salinas
#: Trevino", "Lic.", "C.P.", reader 42's airport operator, each split into two sentences there): no sentence ends at them.
HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Ing", "Lic", "Dra", "Mtro", "Mtra", "Sra", "Arq", "C.P")
_HONORIFIC_END_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, HONORIFICS)) + r")\.$")
#: How far from its end a text's honorific starts at most ("Prof." and a final line break): searched from
#: there, not at every position of a long paragraph (`\b` still sees the character before).
_HONORIFIC_END_CHARS = 6
_TRAILING_LETTERS_RE = re.compile(r"[A-Za-z]+\Z")
_LEADING_LETTERS_RE = re.compile(r"[a-z]+")
_INNER_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*\s+[A-Z]")
_STOPWORD_END = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
    "our",
    "its",
    "their",
    "is",
    "are",
    "was",
    "be",
    "as",
    "at",
    "from",
    "that",
    "which",
    "who",
    "this",
    "these",
    "such",
    "has",
    "have",
    "we",
    "it",
    "including",
    "not",
    "any",
    "all",
    "each",
    "other",
    "into",
    "than",
    "but",
}


def clean_inline(text: str) -> str:
    """Canonical characters and single spaces for one run of text (no line structure kept)."""
    if not text.isascii():
        text = _canonical_characters(unicodedata.normalize("NFKC", text))
    elif "`" in text or "\t" in text:  # the only ASCII characters _QUOTES maps (ASCII text is NFKC already)
        text = _canonical_characters(text)
    if "|" in text:  # every inline footer has a bar: skip the costly pattern when there is none
        text = _INLINE_FOOTER_RE.sub(" ", text)
    text = text.replace("\n", " ")
    if "  " in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:  # else none to squeeze
        text = _SPACES_RE.sub(" ", text)
    return text.strip()


def _canonical_characters(text: str) -> str:
    """The text with each character of `_QUOTES` replaced as it says: a test and, where found, a replacement
    per character of the table, thirty times faster than `str.translate`, which looks every character of a
    text up in a dict (0.6 ms for the cover of a 10-K)."""
    for char, canonical in _QUOTES.items():
        if char in text:
            text = text.replace(char, canonical)
    return text


# Characters of form, never of content: terminal escape sequences, C0 controls but tab, line feed and carriage
# return, DEL, C1 controls, and the bidi embeddings, overrides and isolates that make a text display otherwise
# than it reads (a title shown as "Chief Information Security Officer" that compares as gibberish).
_ESCAPE_SEQUENCE_RE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)"  # OSC, DCS, ...
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clearing
    r"|\x1b[ -/]*[0-~]"
)  # the other escapes (ESC c, ESC ( B, ...)
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ASCII_VISIBLE = bytes(c for c in range(128) if c >= 32 and c != 127 or c in (9, 10, 13))
_INVISIBLE: dict[int, str | None] = {
    c: None
    for c in [*range(32), *range(127, 160), 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    if c not in (9, 10, 13)
}
_INVISIBLE.update({0x0B: "\n", 0x0C: "\n", 0x85: "\n"})  # vertical tab, form feed, next line: line breaks
_INVISIBLE_KEEP_MARKS = {c: v for c, v in _INVISIBLE.items() if c not in (0x200E, 0x200F)}
_RIGHT_TO_LEFT_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def strip_invisible(text: str) -> str:
    """The text without terminal escapes, control characters and bidi overrides (form, not content).

    Run once per document as it is read; a text holding none of them (every real filing) is returned as it
    is after one quick scan. The left-to-right and right-to-left marks are kept in a text written partly
    from right to left, where they mean something.
    """
    if text.isascii():  # the usual case (a flag of the string): only C0 controls and DEL can be there
        if visible_ascii(text.encode("ascii")):
            return text
    elif not _INVISIBLE_RE.search(text):
        return text
    if "\x1b" in text or "\x9b" in text or "\x9d" in text or "\x90" in text:
        text = _ESCAPE_SEQUENCE_RE.sub("", text)
    keep_marks = ("\u200e" in text or "\u200f" in text) and _RIGHT_TO_LEFT_RE.search(text)
    return text.translate(_INVISIBLE_KEEP_MARKS if keep_marks else _INVISIBLE)


def visible_ascii(data: bytes) -> bool:
    """True when the bytes are ASCII with nothing `strip_invisible` would strip (checked without a copy)."""
    return data.isascii() and not data.translate(None, _ASCII_VISIBLE)


def is_footer_line(line: str) -> bool:
    """True for page furniture: page numbers, 'Table of Contents' (or 'Index to Financial Statements'),
    form footers, R-page footers."""
    stripped = line.strip()
    return bool(stripped) and _FOOTER_LINE_RE.match(stripped) is not None


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 12 or ends_terminal(line):
        return False
    if words[-1].lower().strip(",") in _STOPWORD_END or line.endswith(","):
        return False
    return words[0][:1].isupper() or words[0][:1].isdigit() or line.isupper()


#: Words that end a title and start no paragraph: a line starting with one carries on the line before.
_TITLE_TAILS = frozenset("officer officers committee committees director directors president counsel".split())
_RUNNING_TEXT_WORDS = frozenset(
    "our we us is are was were has have had including which who whom that will may "
    "can also such these those this see refer described discussed".split()
)
_SMALL_WORDS = frozenset("a an and as at by for in of on or our the to with its their from &".split())


def _heading_shaped(line: str) -> bool:
    """`_looks_like_heading`, and shaped as headings are: a few words, capitals only, or capitalised words
    ("Risk Management and Strategy"); not a line of running text cut short by a line break ("Our management
    team, including our Chief Information Officer, Senior")."""
    if not _looks_like_heading(line):
        return False
    words = [w for w in line.split() if w.lower() not in _SMALL_WORDS]
    if len(words) <= 4 or line.isupper():
        return True
    capitalised = sum(1 for w in words if not w[:1].islower())
    # a heading in sentence case ("Material cybersecurity risks, threats, and incidents") has no verb or
    # pronoun of running text
    return capitalised >= 0.75 * len(words) or not any(
        w.lower().strip(",") in _RUNNING_TEXT_WORDS for w in line.split()
    )


def _starts_lower(line: str) -> bool:
    first = line.lstrip("\"'(")[:1]
    return first.islower()


_CLOSING_PUNCTUATION = ",;:)]"


def _join(a: str, b: str, vocabulary: Callable[[], frozenset[str]] | None = None) -> str:
    if a.endswith("-") and not a.endswith(" -") and b[:1].islower():
        # a word hyphenated across lines keeps its hyphen ("co-" + "led"), unless it was broken only to fit
        # the line: the text spells it whole elsewhere ("Commit-" + "tee": "committee")
        head, tail = _TRAILING_LETTERS_RE.search(a[:-1]), _LEADING_LETTERS_RE.match(b)
        if vocabulary is not None and head and tail and (head.group() + tail.group()).lower() in vocabulary():
            return a[:-1] + b
        return a + b
    if b[:1] in _CLOSING_PUNCTUATION:
        return a + b  # "our CIO, CISO, and Deputy CISO" + ", each of whom"
    return a + " " + b


def paragraphs_from_lines(lines: Iterable[str]) -> list[str]:
    """Rebuild paragraphs from raw lines: join hard-wrapped lines, drop footers, split bullets."""
    cleaned = [clean_inline(raw) for raw in lines]
    width = _wrap_width(cleaned)

    @functools.cache
    def vocabulary() -> frozenset[str]:  # the words of all the lines, worked out once a hyphen ends one
        return text_vocabulary(cleaned)

    # "- " or "* " opening two lines or more: a list, each line an item (a plain-text list one line an item, read as
    # one paragraph, gave an unseen filing's reader a "Significant" verdict for a change of list style alone)
    # "1. ", "2. " opening lines, numbered from one: a numbered list, its items bullets as a dashed list's are (a
    # reader's bullets turned into a numbered list was six changes, three items read as one sentence)
    numbers = [int(m.group(1)) for line in cleaned if (m := _NUMBER_ITEM_RE.match(line))]
    dashed = sum(bool(_DASH_ITEM_RE.match(line)) for line in cleaned) >= 2
    # (the markers of the plain-text lists the lines hold)
    markers = [p for p, used in ((_DASH_ITEM_RE, dashed), (_NUMBER_ITEM_RE, numbers[:2] == [1, 2])) if used]
    paras: list[str] = []
    current = ""
    previous = ""  # the last line that went into `current`
    gap = False  # a blank line (or dropped footer) came since `current` last grew
    page_break = False  # ... and among them page furniture (a page number, "Table of Contents")
    pending_bullet = False
    for k, line in enumerate(cleaned):
        if not line or is_footer_line(line):
            gap, page_break = True, page_break or bool(line)
            continue
        if _BULLET_ONLY_RE.match(line):
            if current:
                paras.append(current)
            current, gap, page_break, pending_bullet = "", False, False, True
            continue
        bullet = pending_bullet or bool(_BULLET_RE.match(line))
        line = _BULLET_RE.sub("", line)
        if markers and not bullet and (item := next(filter(None, (p.match(line) for p in markers)), None)):
            bullet, line = True, line[item.end() :]
        if bullet:
            if current:
                paras.append(current)
            current, previous, gap, page_break, pending_bullet = "\u2022 " + line, line, False, False, False
            continue
        # in hard-wrapped text a line ends where the next word did not fit, wherever a sentence ends
        # (a line much longer than the width was left as it was: it ends where its writer ended it)
        wrapped = (
            width is not None
            and not gap
            and len(previous) <= 1.15 * width
            and len(previous) + 1 + len(line.split(None, 1)[0]) > width
        )
        block_ends = k + 1 == len(cleaned) or not cleaned[k + 1]
        if current and _continues(current, line, gap, page_break, wrapped, block_ends):
            current = _join(current, line, vocabulary)
        else:
            if current:
                paras.append(current)
            current = line
        previous = line
        gap = page_break = False
    if current:
        paras.append(current)
    return paras


#: Lines longer than this are not hard-wrapped text (paragraphs of HTML, one paragraph per line).
_MAX_WRAP_WIDTH = 200


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, when it was: lines that run on into a next line mostly come
    close to the longest of them (the longest but a tenth, at most _MAX_WRAP_WIDTH). None for text with a
    paragraph per line."""
    running_on = sorted(len(a) for a, b in zip(lines, lines[1:]) if a and b and not is_footer_line(a))
    if len(running_on) < 4:
        return None
    width = running_on[(len(running_on) - 1) * 9 // 10]  # (a few lines left as they were may be longer)
    if width > _MAX_WRAP_WIDTH or sum(n >= 0.75 * width for n in running_on) < 0.6 * len(running_on):
        return None
    return width


def _continues(
    current: str,
    line: str,
    gap: bool,
    page_break: bool = False,
    wrapped: bool = False,
    block_ends: bool = False,
) -> bool:
    """Does `line` carry on the paragraph `current` rather than start a new one? (`wrapped`: the line
    before ended only because the first word of this one did not fit in the width of hard-wrapped text;
    `block_ends`: a blank line or the end follows `line`.)"""
    if ends_terminal(current):
        # a colon or semicolon goes on into a lower-case list ("we strive to:" / "(i) identify, ..."), and an
        # honorific into its name ("Mr." / "Zhang led ...")
        return (
            wrapped
            or not gap
            and (
                current[-1] in ":;"
                and _starts_lower(line)
                or _HONORIFIC_END_RE.search(current, len(current) - _HONORIFIC_END_CHARS) is not None
            )
        )
    if _starts_lower(line) or line[:1] in _CLOSING_PUNCTUATION:
        return True  # a sentence broken by a line break, a page break or a footer
    if (
        page_break
        and (not current.startswith("\u2022") or _INNER_SENTENCE_END_RE.search(current))
        and not _looks_like_heading(current)
        and not _looks_like_heading(line)
    ):
        # a sentence running over a page into a capital: "by Prospect | 77 | Capital Management" (a list item
        # too, when it writes whole sentences: its missing final stop says it is not over)
        return True
    if gap:
        return False
    if wrapped:
        return True  # however like a heading the line before looks ("... led by our Vice President of Information")
    if line[:1] == "(" or line.split(None, 1)[0].strip(",.;:").lower() in _TITLE_TAILS:
        return True  # a title goes on: "Our Chief Security Officer and Data Privacy" / "Officer oversee ..."
    last_line = current.rsplit("\n", 1)[-1]
    if len(last_line) < 90 and _heading_shaped(last_line) and not current.startswith("\u2022"):
        # a new paragraph after a heading, unless the heading goes on: one broken over two lines
        # ("Cybersecurity" / "Governance") ends its block with a line that looks like a heading too
        return last_line == current and block_ends and _looks_like_heading(line)
    return True


def normalize_block(raw: str) -> str:
    """Normalise raw extracted text into paragraphs separated by one blank line."""
    return "\n\n".join(paragraphs_from_lines(raw.splitlines()))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of normalised text."""
    return [p for p in (s.strip() for s in text.split("\n\n")) if p]


_ABBREVIATIONS = {
    *(h.lower() for h in HONORIFICS),
    "srta",
    "inc",
    "no",
    "nos",
    "co",
    "corp",
    "ltd",
    "llc",
    "plc",
    "jr",
    "sr",
    "st",
    "vs",
    "e.g",
    "i.e",
    "etc",
    "approx",
    "dept",
    "est",
    "fig",
    "u.s",
    "u.k",
    "e.u",
    "n.a",
    "s.a",
    "u.s.a",
    "sec",
    "art",
    "para",
    "sect",
    "vol",
    "op",
    "cf",
    "al",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
_SENTENCE_END_RE = re.compile(r"([.!?])([\"')\]]*)(\s+)(?=[\"'(\[]?[A-Z0-9\u2022])")
_GLUED_END_RE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z)][.!?][\"'])(?=[A-Z][a-z])")
# Cheap test for a glued sentence end: the lookbehinds above make a full scan slow on long text.
_GLUED_HINT_RE = re.compile(r"[.!?][\"']?[A-Z][a-z]")


#: Company suffixes: "Tessaly Freight LLC. On April 16, ..." ends a sentence when a sentence opener follows.
_CORPORATE_SUFFIXES = {"inc", "co", "corp", "ltd", "llc", "plc", "s.a", "n.a", "l.p", "lp", "n.v", "ag"}
#: Words that start a sentence and never continue a company's name (function words, capitalised).
_SENTENCE_OPENERS = set(
    """The On In As We Our Us This That These Those It Its If When While After Before During Upon Since Following
    Based Although Because However Additionally Further Furthermore Moreover Also Accordingly Therefore Thus A An
    Each Any All No Such There They Their He She His Her To At By For From With Within Through Under Over Between
    Including Except Unless Until Where Whether Following Pursuant Subsequently Separately Finally""".split()
)
#: First words of Form 10-K and 20-F item titles: "Item 1A. Risk Factors" is one sentence.
_ITEM_TITLE_WORDS = set(
    """Risk Business Cybersecurity Properties Legal Mine Market Selected Management's Managements Quantitative
    Financial Changes Controls Other Disclosure Directors Executive Security Certain Principal Exhibits
    Unresolved Reserved [Reserved] Form Key Information Operating Major Dividends Description""".split()
)
_ITEM_NUMBER_END_RE = re.compile(r"\bItems?\s+\d{1,2}[A-Z]?$", re.I)


def _next_word(text: str) -> str:
    return text.lstrip("\"'(\u201c\u2018").split(None, 1)[0].rstrip(",;:") if text.strip() else ""


def _ends_sentence_after(before: str, after: str) -> bool:
    """Whether the period ending `before` ends a sentence, given the text `after` it: not after an abbreviation
    ("Mr.", "U.S."), unless it is a company suffix followed by a sentence opener; not inside an item heading
    ("Item 1A. Risk Factors")."""
    if _ITEM_NUMBER_END_RE.search(before[-14:-1]):
        return _next_word(after) not in _ITEM_TITLE_WORDS
    if not _is_abbreviation(before):
        return True
    word = before.rsplit(None, 1)[-1].lstrip("(\"'").rstrip(".").lower()
    return word in _CORPORATE_SUFFIXES and _next_word(after) in _SENTENCE_OPENERS


def _is_abbreviation(before: str) -> bool:
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(\"'").rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()  # initials: "John A. Smith"


def sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping abbreviations ("Mr.", "Inc.", "U.S.") intact (once per
    `shared_work` block: the reader, the facts and the store split the same paragraphs; callers never change
    the list)."""
    return once("paragraph_sentences", paragraph, lambda: _sentences(paragraph))


def _sentences(paragraph: str) -> list[str]:
    text = paragraph.strip()
    if _GLUED_HINT_RE.search(text):
        text = _GLUED_END_RE.sub(" ", text)
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group(1) == "." and not _ends_sentence_after(
            text[start : m.start() + 1], text[m.end() : m.end() + 40]
        ):
            continue
        out.append(text[start : m.end(2)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def split_sentences(text: str) -> list[str]:
    """Every sentence of normalised text, in order."""
    return list(once("sentences", text, lambda: [s for p in paragraphs(text) for s in sentences(p)]))


# ---- work shared by the readings of one comparison -------------------------------------------------------------
_SHARED: contextvars.ContextVar[dict | None] = contextvars.ContextVar("tracker_shared_work", default=None)
T = TypeVar("T")


@contextlib.contextmanager
def shared_work() -> Iterator[None]:
    """Within the block, what is worked out from one text alone (a block's sentences, a sentence's titles, what a
    sentence says of material incidents ...) is worked out once, however many disclosures are read: two years
    of one filer share most of their sentences. Nothing outlives the block (a comparison, a filer's history)."""
    token = _SHARED.set({}) if _SHARED.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _SHARED.reset(token)


def once(kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), a pure function of `key`: worked out once per `shared_work` block (every time outside one).
    The result is shared: callers never change it."""
    memo = _SHARED.get()
    if memo is None:
        return compute()
    value = memo.get((kind, key), _NOT_YET)  # (no KeyError raised and caught: half the calls are first ones)
    if value is _NOT_YET:
        value = memo[kind, key] = compute()
    return value  # type: ignore[no-any-return]


#: What `once` finds where nothing is worked out yet (None may be a result).
_NOT_YET = object()


_KEY_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_ASCII_KEY_TOKEN_RE = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")  # the same tokens in lower-case ASCII text


def comparison_key(text: str) -> str:
    """What a change of form cannot alter: letters and numbers, lower case, no spaces or punctuation.

    Numbers stay delimited so that "15 20" and "1520" (or "1.5" and "15") still differ.
    """
    return words_and_key(text)[1]


#: Only the markers of an inline list ("(1)", " (2) ", "(a)", "(iii)"), with the spaces about them.
_LIST_MARKERS_RE = re.compile(r"(?:\s*\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*\)\s*)+", re.I)


def list_markers_only(text: str) -> bool:
    """Whether an edit's text is only inline list markers ("managing[- (1)-] our risk assessment processes,[- (2)-]
    our security controls"): numbering a list, or no longer, is a change of form (an unseen reader: AMD FY2025's
    dropped "(1)", "(2)", "(3)" were "“1”, “2” and “3” dropped", medium, and the pair's whole verdict)."""
    return "(" in text and _LIST_MARKERS_RE.fullmatch(text) is not None


def same_but_list_markers(a: str, b: str) -> bool:
    """Whether two texts differ only in the markers of their inline lists, or in form ("(1) keeping inventories, (2)
    reviewing access" = "keeping inventories, reviewing access" = "(a) keeping inventories, (b) reviewing access")."""
    if "(" not in a and "(" not in b:
        return False
    return comparison_key(drop_list_markers(a)) == comparison_key(drop_list_markers(b))


def unmarked_key(text: str) -> str | None:
    """The comparison key of a text whose inline list markers are dropped ("include: (i) monitoring ...; (ii) secure
    development ..." as "include: monitoring ...; secure development ..."), None where it holds none: a run-in list
    set out as bullets is the list it was (`same_but_list_markers`)."""
    unmarked = drop_list_markers(text)
    return None if unmarked == text else comparison_key(unmarked)


def drop_list_markers(text: str) -> str:
    """A text without its inline list markers ("(1) keeping inventories, (2) reviewing" -> "keeping inventories,
    reviewing")."""
    return _LIST_MARKERS_RE.sub(" ", text) if "(" in text else text


def spelt_alike(a: str, b: str) -> bool:
    """Whether two texts hold the same words but for British and American spellings ("organisation" and
    "organization", "behaviour" and "behavior", "centre" and "center", "programme" and "program", "judgement" and
    "judgment", "labelled" and "labeled"): a change of form (readers' 20-F filers, their spelling Americanised, had
    each sentence reworded). Both sides are brought to one spelling, not necessarily the American one."""
    if not (_BRITISH_RE.search(a) or _BRITISH_RE.search(b)):
        return False  # (a British ending is looked for first: most words for others have none)
    wa, wb = words(a), words(b)
    return len(wa) == len(wb) and all(x == y or _one_spelling(x) == _one_spelling(y) for x, y in zip(wa, wb))


def numbers_alike(a: str, b: str) -> bool:
    """Whether two texts say the same but for numbers written in figures on one side and in words on the other ("26"
    and "twenty-six", "30" and "thirty"; readers' form-only edits, each a sentence reworded)."""
    digits_a, digits_b = any(map(str.isdigit, a)), any(map(str.isdigit, b))
    if digits_a == digits_b:
        return False  # (figures on one side only, looked for first)
    plain_a, plain_b = words(a), words(b)
    if _NUMBER_WORDS.isdisjoint(plain_b if digits_a else plain_a):
        return False
    return _with_numbers(plain_a) == _with_numbers(plain_b)


def _with_numbers(ws: list[str]) -> list[str]:
    """Words with the numbers written in words as figures ("twenty", "six" -> "26")."""
    out: list[str] = []
    k = 0
    while k < len(ws):
        w = ws[k]
        if w in _TENS and k + 1 < len(ws) and _UNITS.get(ws[k + 1], 0) in range(1, 10):
            out.append(str(_TENS[w] + _UNITS[ws[k + 1]]))
            k += 2
            continue
        if w == "plus" and out and out[-1].isdigit():
            k += 1  # ("thirty-plus years" is "30+ years", whose "+" no word holds)
            continue
        out.append(str(_UNITS.get(w, _TENS.get(w, w))))
        k += 1
    return out


_UNITS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)


def names_self(text: str) -> bool:
    """Whether a text may name the filer as a third person ("the Company", "the Group"): what `voiced_alike` needs on
    one side, looked for first."""
    low = text.lower()
    return any(map(low.__contains__, _SELF_NAMES))


def voiced_alike(a: str, b: str, its: bool = False) -> bool:
    """Whether two texts say the same but for how the filer names itself (and spelling, `spelt_alike`): "The Group
    recognises" and "We recognize", "the Company's systems" and "our systems", "the Company" and "us" (readers'
    filers, whose sentences turned from "the Company" to "we", read as each reworded, and as a substantial
    reorganisation). With `its`, a sentence that turns so elsewhere: "its" and "their" are "our" too ("the Group ...
    its plants" -> "we ... our plants")."""
    # (numbers and "&" restyled in the same edit are form too: `numbers_alike`)
    plain_a, plain_b = (_with_numbers(words(t.replace("&", " and "))) for t in (a, b))
    if (
        its
        and len(plain_a) == len(plain_b) == 1
        and plain_a != plain_b
        and _agree(_one_spelling(plain_a[0]), _one_spelling(plain_b[0]))
    ):
        return True  # a verb of a sentence that turns so, in an edit of its own ("[-monitor-]{+monitors+}")
    wa, wb = _voiced(plain_a, its), _voiced(plain_b, its)
    if len(wa) != len(wb) or (wa == plain_a and wb == plain_b):
        return False
    # (each verb of a list agrees, and an inverted one: "we collect, process and store" -> "the Company collects,
    # processes and stores", "nor are we aware" -> "nor is the Company aware", a reader's form-only AMZN and BOOT)
    return all(
        x == y
        or isinstance(x, tuple)
        and isinstance(y, tuple)
        and _agree(_one_spelling(x[1]), _one_spelling(y[1]))
        or isinstance(x, str)
        and isinstance(y, str)
        and _agree(_one_spelling(x), _one_spelling(y))
        for x, y in zip(wa, wb)
    )


def _voiced(ws: list[str], its: bool) -> list:
    """Words with the filer's names for itself as "we" and "our", the verb after "we" marked ("verb", word)."""
    out: list = []
    k = 0
    while k < len(ws):
        w = ws[k]
        if w == "the" and k + 1 < len(ws) and ws[k + 1] in _SELF_NAMES:
            possessive = k + 2 < len(ws) and ws[k + 2] == "s"
            out.append("our" if possessive else "we")
            k += 3 if possessive else 2
        else:
            out.append(
                "we" if w == "us" or its and w == "it" else "our" if its and w in ("its", "their") else w
            )
            k += 1
        # (the verb agrees: "the Company has" is "we have"; "also maintains", "also maintain")
        if out[-1] == "we":
            while k < len(ws) and (ws[k] in _ADVERBS or ws[k].endswith("ly") and ws[k] not in _LY_VERBS):
                out.append(ws[k])
                k += 1
            if k < len(ws):
                out.append(("verb", ws[k]))
                k += 1
    return out


def _agree(a: str, b: str) -> bool:
    """Whether two verbs are one in the singular and the plural ("recognises", "recognise"; "has", "have")."""
    short, long = sorted((a, b), key=len)
    return (
        a == b
        or {a, b} in _SINGULAR_PLURAL
        or long in (short + "s", short + "es")
        or short.endswith("y")
        and long == short[:-1] + "ies"
    )


#: Verbs that end as adverbs do ("we apply", "we rely").
_LY_VERBS = frozenset("apply comply rely supply reply multiply ally".split())
#: Words that may stand between a subject and its verb ("the Company also maintains").
_ADVERBS = frozenset("also now still further then often not never always".split())
#: What a filer calls itself ("the Company", "the Group").
_SELF_NAMES = frozenset("company group corporation bank firm registrant partnership".split())
#: Verbs whose singular and plural are not one less an "s".
_SINGULAR_PLURAL = ({"has", "have"}, {"is", "are"}, {"was", "were"}, {"does", "do"})


@functools.lru_cache(maxsize=8192)
def word_stem(word: str) -> str:
    """A lower-case word in one spelling (`_one_spelling`) without a plural's or a verb's "s" ("centres", "centers",
    "center"; "assesses", "assess"; "policies", "policy"): what a sentence holds alike, however inflected."""
    w = _one_spelling(word)
    if len(w) <= 3 or not w.endswith("s") or w.endswith("ss"):
        return w
    if w.endswith("sses") or w.endswith(("xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1]


@functools.lru_cache(maxsize=4096)
def _one_spelling(word: str) -> str:
    """A word in the one spelling `_SPELLINGS` brings both sides to (worked out once per word)."""
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


#: A word `_SPELLINGS` may change (any case).
_BRITISH_RE = re.compile(
    r"\w{2}is(?:e|es|ed|ing|er|ers|ation|ations|ational)\b|\wys(?:e|es|ed|ing)\b|\w{3}our(?:s|ed|ing|able|ably|ite|"
    r"ites)?\b|\w{2}tres?\b|\b(?:def|lic|off|pret)ences?\b|\w{2}ll(?:ed|ing|er|ers|or|ors)\b|\bprogrammes?\b|"
    r"dgements?\b|\w{3}logues?\b|\bageing\b",
    re.I,
)
#: British endings and the American ones (applied to both sides, in order: a word made the same on both is spelt alike).
_SPELLINGS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (
            r"(?<=\w{2})is(e|es|ed|ing|er|ers|ation|ations|ational)$",
            r"iz\1",
        ),  # organise, recognising, authorisation
        (r"(?<=\w)ys(e|es|ed|ing)$", r"yz\1"),  # analyse
        (r"(?<=\w{3})our(s|ed|ing|able|ably|ite|ites)?$", r"or\1"),  # behaviour, favourable, honoured
        (r"(?<=\w{2})tre(s)?$", r"ter\1"),  # centre, centres
        (r"^(def|lic|off|pret)ence(s)?$", r"\1ense\2"),  # defence, licence
        (r"(?<=\w{2})ll(ed|ing|er|ers|or|ors)$", r"l\1"),  # labelled, travelling, counsellor
        (r"^programme(s)?$", r"program\1"),
        (r"dgement(s)?$", r"dgment\1"),  # judgement, acknowledgement
        (r"(?<=\w{3})logue(s)?$", r"log\1"),  # catalogue, dialogue
        (r"^ageing$", "aging"),
    )
)


def words(text: str) -> list[str]:
    """Lower-case word tokens, for similarity measures."""
    return _KEY_TOKEN_RE.findall(unicodedata.normalize("NFKC", text).lower())


_DIGIT_RE = re.compile(r"\d")
#: bytes.translate table keeping a-z and turning every other byte into a space.
_ASCII_LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


def _has_ascii_digit(text: str) -> bool:
    """Whether text holds one of 0-9 (a chain of substring tests: much faster than a pattern search)."""
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


def words_and_key(text: str) -> tuple[list[str], str]:
    """`words` and `comparison_key` of a text, tokenising it once (once per `shared_work` block: the words are
    shared, never changed)."""
    return once("words_and_key", text, lambda: _words_and_key_by_line(text))


def _words_and_key_by_line(text: str) -> tuple[list[str], str]:
    """`_words_and_key` of a text, by its lines when it has several: no token holds a line break, and NFKC and
    lower-casing never reach across one, so the text's words and key are its lines' joined. A section and the
    text blocks made of its paragraphs then tokenise each paragraph once, not once per block holding it, a short
    block too (short blocks tokenised whole cost a folder ingest's worker 11.7 ms of CPU a file against 10.3 by
    line, in turns over 400 synthetic universe files; no difference on the corpus's)."""
    if "\n" not in text:
        return _words_and_key(text)
    tokens: list[str] = []
    keys = []
    for line in text.split("\n"):
        if line:
            line_tokens, key = once("words_and_key", line, functools.partial(_words_and_key, line))
            tokens += line_tokens
            keys.append(key)
    return tokens, "".join(keys)


def _words_and_key(text: str) -> tuple[list[str], str]:
    if text.isascii():  # already NFKC, and a-z are its only letters once lower-cased: a faster pattern
        folded = text.lower()
        if not _has_ascii_digit(folded):
            # no numbers: the tokens are the runs of a-z, i.e. the words left when every other byte is a space
            tokens = folded.encode("ascii").translate(_ASCII_LETTERS_ONLY).decode("ascii").split()
            return tokens, "".join(tokens)
        tokens = _ASCII_KEY_TOKEN_RE.findall(folded)
        # a token is a run of a-z or a number starting with 0-9 (all below "a")
        return tokens, "".join([t if t[0] >= "a" else f"#{t}#" for t in tokens])
    else:
        folded = unicodedata.normalize("NFKC", text).lower()
        tokens = _KEY_TOKEN_RE.findall(folded)
    if not _DIGIT_RE.search(folded):
        return tokens, "".join(tokens)
    return tokens, "".join(t if not t[0].isdigit() else f"#{t}#" for t in tokens)


def digest(text: str) -> str:
    """sha256 hex digest of text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---- the sentences a comparison aligns -----------------------------------------------------------------------
#: Version of the sentence splitting and tokens: a sequence stored by another version is worked out again.
SENTENCES_VERSION = "2"
#: A sentence key this long counts as inside a block whose key contains it (splitting may differ).
MIN_CONTAINED_KEY = 25

#: One sentence of a comparison sequence: (text, comparison key, word tokens, names of the blocks holding it).
SequenceSentence = tuple[str, str, list[str], list[str]]


def comparison_sentences(
    section_text: str, blocks: list[tuple[str, str]], outside: str
) -> list[SequenceSentence]:
    """The unique sentences (by comparison key) a comparison aligns, in document order: those of the section
    text, else of the (name, text) blocks in order; each with every block whose text holds it (by key, or, for a
    key of MIN_CONTAINED_KEY characters or more, inside the block's whole key), `outside` when none does.

    A pure function of its arguments: worked out at ingest and stored beside the sentences, so that a
    comparison of stored versions splits and tokenises nothing."""
    tokenise, split_of = _memo(words_and_key), _memo(split_sentences)
    texts = [text for _, text in blocks]
    names = [name for name, _ in blocks]
    member_keys = [{tokenise(s)[1] for s in split_of(t)} for t in texts]
    whole_keys: dict[int, str] = {}  # a block's key, computed only when a sentence is not found by key
    seen: set[str] = set()
    out: list[SequenceSentence] = []
    for block in [section_text] if section_text.strip() else texts:
        for text in split_of(block):
            tokens, key = tokenise(text)
            if not key or key in seen:
                continue
            seen.add(key)
            inside = [names[k] for k, keys in enumerate(member_keys) if key in keys]
            if not inside and len(key) >= MIN_CONTAINED_KEY:
                for k, t in enumerate(texts):
                    if k not in whole_keys:
                        whole_keys[k] = tokenise(t)[1]
                    if key in whole_keys[k]:
                        inside.append(names[k])
            out.append((text, key, tokens, list(dict.fromkeys(inside)) or [outside]))
    return out


def _memo(fn: Callable[[str], T]) -> Callable[[str], T]:
    """A cache for one call (overlapping blocks repeat their sentences)."""
    cache: dict[str, T] = {}

    def cached(text: str) -> T:
        if text not in cache:
            cache[text] = fn(text)
        return cache[text]

    return cached


def merge_unique_paragraphs(texts: Iterable[str]) -> str:
    """One text of several overlapping blocks: each sentence once, in first-seen order, paragraphs kept."""
    seen: set[str] = set()
    out: list[str] = []
    for text in texts:
        for para in paragraphs(text):
            fresh = []
            for sentence in sentences(para):
                key = comparison_key(sentence)
                if key and key not in seen:
                    seen.add(key)
                    fresh.append(sentence)
            if fresh:
                out.append(" ".join(fresh))
    return "\n\n".join(out)


# ---- words glued at markup seams ---------------------------------------------------------------------------
#: Words a glued pair may end with and still be split ("securityofficer", "GlobalOperations"): the heads the
#: fact patterns need as words of their own.
GLUE_HEADS = frozenset(
    "officer officers committee committees president director directors counsel board years year experience "
    "operations information technology risk audit privacy safety engineering compliance governance "
    "quarterly annually monthly semiannually security reports report oversight oversees responsible certified "
    "framework frameworks updates".split()
)
#: Words a glued pair may start with when the rest is a word of the document ("theAudit", "hasadopted").
#: Words that are one word with what precedes them: "cybersecurity" is not "cyber" glued to "security".
_COMPOUND_FIRSTS = frozenset("cyber info non sub co re pre inter semi bi un dis".split())
#: Common words that may come glued before a head word though the document has them nowhere else
#: ("at leastannually", "aquarterly basis", "regularlyreports").
_COMMON_FIRSTS = frozenset(
    "a an least most more also each every regularly periodically promptly directly "
    "formally typically generally regular periodic annual".split()
)
#: Two-letter words that may run into a capitalised word ("asISO", "ofNIST").
_SHORT_CAMEL_FIRSTS = frozenset("a an as at by in is of on or to we".split())
GLUE_LEADS = frozenset(
    "the our its their has have had and is are was were of by who which that we with for".split()
)
_CAMEL_SEAM_RE = re.compile(
    r"(?<=['\u2019])(s)([A-Z][a-z]{2,}|[A-Z]{3,6})\b"  # "company'sChief"
    r"|\b([a-z][a-z]*|[A-Z][a-z]+)([A-Z][a-z]{2,}|[A-Z]{3,6})\b"
)
#: An acronym glued to the word after it: "CIOreports", "ITsecurity".
_ACRONYM_SEAM_RE = re.compile(r"\b([A-Z]{2,6})([a-z]{4,})\b")
_GLUED_WORD_RE = re.compile(r"\b[a-z]{5,}\b")
_DIGIT_SEAM_RE = re.compile(r"(?<=[a-z]{2})(?=\d{1,3}\b)|(?<=\d)(?=(?:years?|decades?|months?)\b)")


def text_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lower-case words of some texts (what `split_glued_words` accepts as the parts of a glued pair)."""
    # one pass over all the texts: a run of a-z never crosses the line break that joins them, and lower-casing
    # is done character by character for every letter that can become a-z
    # (the runs of a-z are what is left of the UTF-8 bytes when every other byte becomes a space)
    return frozenset(_utf8("\n".join(texts).lower()).translate(_ASCII_LETTERS_ONLY).decode("ascii").split())


def _utf8(text: str) -> bytes:
    """text as UTF-8 (lone surrogates kept): every ASCII character is one byte of its own, any other is bytes
    from 0x80 up."""
    return text.encode("utf-8", "surrogatepass")


def split_glued_words(text: str, vocabulary: frozenset[str]) -> str:
    """Put back the space lost where two words were glued at a markup seam, when the pair says so itself.

    A camel-case seam is split when its first part is a function word ("theAudit") or its second a head word
    (GLUE_HEADS: "GlobalOperations", "TechnologyOfficer"); names such as "TrustArc" or "ioXt" stay whole.
    A lower-case word is split where it ends with a head word and starts with a word of the document
    ("securityofficer"), or starts with a function word and goes on with a word of the document of four
    letters or more ("hasadopted"). A number glued to a word is split off ("over15", "15years").
    The comparison key is unchanged: only what patterns see is.
    """
    return _split_glued(text, vocabulary, {})


def split_glued_words_all(texts: Iterable[str], vocabulary: frozenset[str]) -> list[str]:
    """`split_glued_words` of each text (one vocabulary: what the words split into is worked out once, over
    all the texts).

    The ASCII texts are looked at joined by line breaks (no seam, glued word or digit seam runs across one):
    a scan or two of them all says which of them may hold a seam, instead of a call per text; the others are
    left as `split_glued_words` leaves a text holding none. Splits only add spaces: ASCII stays ASCII."""
    texts = list(texts)
    ascii_at = [i for i, text in enumerate(texts) if text.isascii()]
    others = [i for i, text in enumerate(texts) if not text.isascii()]
    joined = "\n".join([texts[i] for i in ascii_at])
    changed = False
    for i in sorted(_texts_found(texts, ascii_at, _camel_seam_starts(joined)).union(others)):
        split = _split_capital_leads(_split_camel_seams(texts[i]), vocabulary)
        changed = changed or split != texts[i]
        texts[i] = split
    if changed:
        joined = "\n".join([texts[i] for i in ascii_at])
    cache: dict[str, str] = {}
    words = _ascii_glued_candidates(joined, unique=True)
    for i in others:
        words.update(_GLUED_WORD_RE.findall(texts[i]))
    split_words = [w for w in words if _split_lower_cached(w, vocabulary, cache) != w]
    if split_words:
        changed = False
        for i, text in enumerate(texts):
            if any(w in text for w in split_words):  # else no word of the text is split
                split = _GLUED_WORD_RE.sub(lambda m: _split_lower_cached(m.group(0), vocabulary, cache), text)
                changed = changed or split != text
                texts[i] = split
        if changed:
            joined = "\n".join([texts[i] for i in ascii_at])
    for i in _texts_found(texts, ascii_at, _digit_seam_starts(joined)).union(others):
        texts[i] = _split_digit_seams(texts[i])
    return texts


def _camel_seam_starts(joined: str) -> Iterator[int]:
    """Where, in ASCII text, a camel seam, an acronym seam or a capitalised function word glued to a word may
    be (what `_split_camel_seams` and `_split_capital_leads` test before they look further)."""
    classes = joined.encode("ascii").translate(_ASCII_CASE_CLASSES)
    for needle in (b"aA", b"AAaaaa"):
        pos = classes.find(needle)
        while pos != -1:
            yield pos
            pos = classes.find(needle, pos + 1)
    for m in _CAPITAL_LEAD_HINT_RE.finditer(joined):
        yield m.start()


def _digit_seam_starts(joined: str) -> Iterator[int]:
    """Where, in ASCII text, `_split_digit_seams` may split a digit from a word: a byte scan for what
    `_DIGIT_SEAM_HINT_RE` finds (a-z then 0-9, or 0-9 then y, d or m), much faster than a pattern search."""
    if _has_ascii_digit(joined):
        classes = joined.encode("ascii").translate(_DIGIT_SEAM_CLASSES)
        for needle in (b"a0", b"d0", b"m0", b"y0", b"0d", b"0m", b"0y"):
            pos = classes.find(needle)
            while pos != -1:
                yield pos
                pos = classes.find(needle, pos + 1)


#: bytes.translate table: 0-9 to "0", y, d and m kept, the rest of a-z to "a", any other byte to a space.
_DIGIT_SEAM_CLASSES = bytes(
    0x30 if 0x30 <= c <= 0x39 else c if c in b"ydm" else 0x61 if 0x61 <= c <= 0x7A else 0x20
    for c in range(256)
)


def _texts_found(texts: list[str], at: list[int], positions: Iterable[int]) -> set[int]:
    """The indexes of the texts (those of `at`, joined by line breaks in that order) the positions fall in."""
    found: set[int] = set()
    starts: list[int] = []
    for pos in positions:
        if not starts:
            starts = list(itertools.accumulate((len(texts[i]) + 1 for i in at), initial=0))
        found.add(at[bisect.bisect_right(starts, pos) - 1])
    return found


def _split_lower_cached(word: str, vocabulary: frozenset[str], cache: dict[str, str]) -> str:
    if not (word.startswith(_GLUE_LEADS_TUPLE) or word.endswith(_GLUE_HEADS_TUPLE)):
        return word  # (a split needs a function word first or a head word last: most words, never tried)
    split = cache.get(word)
    if split is None:
        split = cache[word] = _split_lower(word, vocabulary)
    return split


#: A sentence-initial function word glued to the next word: "Ourboard of directors", "Thecommittee".
_CAPITAL_LEAD_RE = re.compile(r"\b(The|Our|Its|Their|Who|We|This|These)([a-z]{4,})\b")
#: What every match of _CAPITAL_LEAD_RE holds, as a pattern that starts with a letter (searched much faster).
_CAPITAL_LEAD_HINT_RE = re.compile(r"(?:The|Our|Its|Their|Who|We|This|These)[a-z]{4}")


def _split_capital_leads(text: str, vocabulary: frozenset[str]) -> str:
    if _CAPITAL_LEAD_HINT_RE.search(text) and _CAPITAL_LEAD_RE.search(text):
        text = _CAPITAL_LEAD_RE.sub(
            lambda m: f"{m.group(1)} {m.group(2)}" if _known(m.group(2), vocabulary) else m.group(0), text
        )
    return text


def _split_camel_seams(text: str) -> str:
    # a camel seam needs a-z right before A-Z: test that on bytes reduced to "a" (a-z), "A" (A-Z) and space
    classes = _utf8(text).translate(_ASCII_CASE_CLASSES)
    if b"aA" in classes and _CAMEL_SEAM_RE.search(text):
        text = _CAMEL_SEAM_RE.sub(_split_camel, text)
    if b"AAaaaa" in classes and _ACRONYM_SEAM_RE.search(text):
        text = _ACRONYM_SEAM_RE.sub(_split_acronym, text)
    return text


def _split_acronym(m: re.Match[str]) -> str:
    """ "CIOreports" -> "CIO reports" when what follows the acronym is a head word or a function word."""
    second = m.group(2)
    if second in GLUE_HEADS or second in GLUE_LEADS or second in _ACRONYM_FOLLOWERS:
        return f"{m.group(1)} {second}"
    return m.group(0)


#: Words that commonly follow a title's acronym ("our CISOhas", "the CIOleads").
_ACRONYM_FOLLOWERS = frozenset("leads oversees reports serves joined holds brings manages chairs".split())


def _ascii_glued_candidates(text: str, unique: bool = False):  # type: ignore[no-untyped-def]
    """_GLUED_WORD_RE.findall(text) for ASCII text (as a set when unique): in the bytes with a-z kept, the
    other word characters (A-Z, 0-9, _) made "#" and the rest spaces, the words of a-z only of 5 letters or
    more."""
    tokens = text.encode("ascii").translate(_ASCII_WORD_CLASSES).decode("ascii").split()
    if unique:
        return {w for w in set(tokens) if len(w) >= 5 and w.isalpha()}
    return [w for w in tokens if len(w) >= 5 and w.isalpha()]


def _split_glued(text: str, vocabulary: frozenset[str], cache: dict[str, str]) -> str:
    """`split_glued_words`, with `cache` keeping _split_lower's answers for this vocabulary."""
    text = _split_capital_leads(_split_camel_seams(text), vocabulary)
    words = _ascii_glued_candidates(text) if text.isascii() else _GLUED_WORD_RE.findall(text)
    for word in words:
        if _split_lower_cached(word, vocabulary, cache) != word:
            # some word is split: replace them all (a word that is not split stays as it is)
            text = _GLUED_WORD_RE.sub(lambda m: _split_lower_cached(m.group(0), vocabulary, cache), text)
            break
    return _split_digit_seams(text)


def _split_digit_seams(text: str) -> str:
    if not text.isascii() or _has_ascii_digit(text) and _DIGIT_SEAM_HINT_RE.search(text):
        text = _DIGIT_SEAM_RE.sub(" ", text)  # a seam needs a digit (\d) after a-z or before y, d or m
    return text


_DIGIT_SEAM_HINT_RE = re.compile(r"[a-z][0-9]|[0-9][ydm]")
#: bytes.translate tables: a-z to "a", A-Z to "A", any other byte to a space; and a-z kept, the other
#: ASCII word characters (A-Z, 0-9, _) to "#", any other byte to a space.
_ASCII_CASE_CLASSES = bytes(
    0x61 if 0x61 <= c <= 0x7A else 0x41 if 0x41 <= c <= 0x5A else 0x20 for c in range(256)
)
_ASCII_WORD_CLASSES = bytes(
    c if 0x61 <= c <= 0x7A else 0x23 if chr(c).isalnum() and c < 0x80 or c == 0x5F else 0x20
    for c in range(256)
)


def _split_camel(m: re.Match[str]) -> str:
    if m.group(1):  # a possessive 's glued to a capitalised word
        return f"{m.group(1)} {m.group(2)}"
    first, second = m.group(3), m.group(4)
    # a lower-case word of three letters or more running into a capital is two words ("dedicatedChief",
    # "annualISO"); brand names start with one or two ("iPhone", "ioXt") or a capital ("TrustArc")
    if (
        first.lower() in GLUE_LEADS
        or second.lower() in GLUE_HEADS
        or first.islower()
        and (len(first) >= 3 or first in _SHORT_CAMEL_FIRSTS)
    ):
        return f"{first} {second}"
    return m.group(0)


_GLUE_LEADS_TUPLE = tuple(GLUE_LEADS)
_GLUE_HEADS_TUPLE = tuple(GLUE_HEADS)


_ENDINGS = ("", "s", "es", "ed", "d", "ing", "er", "ers")


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    """A word of the document, or another form of one ("provides" where the text says "provided" or
    "providers" only: the glued form may be the word's only appearance)."""
    if word in vocabulary:
        return True
    bases = {word} | {word[: -len(e)] for e in _ENDINGS[1:] if word.endswith(e)}
    if word.endswith("e"):  # "provide": "provider", "providing"
        bases.add(word[:-1])
    return any(len(base) >= 4 and base + e in vocabulary for base in bases for e in _ENDINGS)


#: Words that start with a function word and go on with one ("for" + "ward"): never glued pairs.
_NOT_GLUED = frozenset(
    "aboard abroad bylaws forward forwards forwarded forwarding withstand withstands withdraw withdrawn within "
    "without whichever whatever therefore thereafter thereby therein thereof thereto ourselves "
    "theirs themselves forthwith heretofore isolate isolated".split()
)


def _split_lower(word: str, vocabulary: frozenset[str]) -> str:
    if word in _NOT_GLUED:  # (_split_lower_cached has made sure it starts with a lead or ends with a head)
        return word
    for k in range(1, len(word) - 2):
        first, second = word[:k], word[k:]
        if (
            second in GLUE_HEADS
            and first not in _COMPOUND_FIRSTS
            and (
                first in _COMMON_FIRSTS
                or len(first) >= 3
                and (_known(first, vocabulary) or first in GLUE_LEADS or first in GLUE_HEADS)
            )
        ):
            return f"{first} {second}"
        if first in GLUE_LEADS and len(second) >= 4 and _known(second, vocabulary):
            return f"{first} {second}"
    return word
