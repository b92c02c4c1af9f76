"""Untagged annual reports: find Item 1C / Item 16K in text lines and split it into cyd elements.

The locator works on lines of text, whatever produced them (the HTML reader's block lines, a plain
text extract, a Markdown rendering): it finds every "Item 1C. Cybersecurity" heading, follows each to
the next item heading, and keeps the longest run, which skips table-of-contents entries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.errors import BadInput
from tracker.models import MATERIAL_TEXT, UNTAGGED_ELEMENT, Disclosure, Element, Incorporation, Source
from tracker.text.headings import is_subheading
from tracker.text.lazy import Caseless, lazy_compile
from tracker.text.normalize import (
    clean_inline,
    comparison_key,
    is_footer_line,
    paragraphs_from_lines,
    sentences,
)

_ITEM_OF_FORM = {"1c": "10-K", "16k": "20-F"}

_HEADING_RE = lazy_compile(
    r"^(?:part\s+i{1,2}\s*[,.:\-]?\s*)?item\s*(1\s*c|16\s*k)\s*[.:\-]?\s*[-.:]?\s*cyber\s*-?\s*security\s*[.:\-]?\s*",
    re.I,
)
_BARE_ITEM_RE = lazy_compile(r"^(?:part\s+i{1,2}\s*[,.:\-]?\s*)?item\s*(?:1\s*c|16\s*k)?\s*[.:\-]?$", re.I)
_STOP_RE = lazy_compile(r"^items?\s*(\d{1,2})\s*([a-z])?\b\s*[.:,\-]?\s*(.*)$", re.I)
_PART_STOP_RE = lazy_compile(r"^part\s+(?:iii|iv)\b\s*[.:\-]?\s*(.*)$", re.I)
# Where extraction glued the next item onto the section's own line ("Not applicable.Item 2. Properties").
_INLINE_STOP_RE = lazy_compile(
    r"item\s*(?:2|1d|16l|17)\s*[.:]\s*(?=[A-Z])|item\s*2\s*[.:]?\s*properties|part\s+iii\b", re.I
)
_CANDIDATE_SCAN_RE = lazy_compile(
    r"\n[^\S\n]*(?:item|part)", re.I
)  # after a newline: found as fast as a string
# The lines that may start with "Item" or "Part" (their first letter), found first: a cheaper pattern to try at
# each of a 10-K's tens of thousands of line starts; each found is then matched with the pattern above.
_CANDIDATE_START_RE = lazy_compile(r"\n[^\S\n]*[ip]", re.I)
_MD_HEADING_RE = lazy_compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS_RE = lazy_compile(r"(\*\*|__)")
_MD_TABLE_SEP_RE = lazy_compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HTML_TAG_RE = lazy_compile(r"</?(?:div|span|p|br|b|i|u|font|center)\b[^>]*>", re.I)

# "Information in response to this Item 1C can be found in the 2024 Annual Report ... incorporated into this item by
# reference": the disclosure itself is in another document (an exhibit, the annual report to shareholders).
_INCORPORATED_RE = lazy_compile(
    r"\bincorporated\b[^.]{0,80}\bby\s+reference\b|\bcan\s+be\s+found\s+(?:in|under)\b|"
    r"\bsee\b[^.]{0,120}\bexhibit\s+13\b|"
    r"\b(?:is|are)\s+(?:included|set\s+forth|contained)\s+(?:in|under)\b",
    re.I,
)
# The pointer is the section's whole answer to the item, not one cross-reference among its prose.
_THIS_ITEM_RE = lazy_compile(r"\b(?:this|the)\s+item\b|\bitem\s*(?:1\s*c|16\s*k)\b|\bthis\s+section\b", re.I)
_POINTER_TARGET_RE = lazy_compile(
    r"\b(?:(?:19|20)\d\d\s+)?annual\s+report\s+to\s+(?:share|stock)holders\b|\bexhibit\s+\d+(?:\.\d+)?|"
    r"\b(?:(?:19|20)\d\d\s+)?proxy\s+statement\b",
    re.I,
)
#: Longest section (in characters) read as a mere pointer to another document.
_MAX_POINTER_CHARS = 700
#: Most sentences of a pointer that does not say "this item" (it must name the document instead).
_MAX_POINTER_SENTENCES = 2


@dataclass
class Section:
    """Item 1C / 16K located in a sequence of lines."""

    lines: list[str]
    """The section's lines after its heading, running headers and page furniture left out."""
    item: str
    """`1c` or `16k`."""
    start: int
    """Index of the heading line."""
    end: int
    """Index of the line that ended it (the next item heading, or the number of lines)."""
    sources: list[int] = field(default_factory=list)
    """For each of `lines`, the index of the line it came from (-1 for the part of a heading line after the heading)."""
    via: str | None = None
    """How it was found, when not under its item heading (the cross-reference index), for the notes."""

    @property
    def form(self) -> str:
        """The form the item belongs to."""
        return _ITEM_OF_FORM[self.item]


def markdown_to_lines(text: str) -> list[str]:
    """Plain lines from text or Markdown: headings, emphasis, tables and stray inline tags unwrapped."""
    out: list[str] = []
    for line in text.splitlines():
        if _MD_TABLE_SEP_RE.match(line) and "-" in line:
            out.append("")
            continue
        line = _HTML_TAG_RE.sub(" ", line)
        line = _MD_HEADING_RE.sub("", line)
        if "**" in line or "__" in line:  # (the pattern is slow to find nothing in a line)
            line = _MD_EMPHASIS_RE.sub("", line)
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 2:
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            line = " ".join(c for c in cells if c)
        out.append(line)
    return out


def _match_heading(lines: _CleanLines, i: int) -> tuple[str, int, str] | None:
    """(item, last line index, rest of that line) when an Item 1C/16K heading starts at line i."""
    first = lines[i]
    if not first or first[0] not in "IiPp":
        return None
    text, last = first, i
    for _ in range(3):
        m = _HEADING_RE.match(text)
        if m:
            return m.group(1).replace(" ", "").lower(), last, text[m.end() :]
        if len(text) > 30 or not (_BARE_ITEM_RE.match(text) or text.lower() in ("item", "part i", "part ii")):
            return None
        following = _next_nonblank(lines, last + 1)
        if following is None:
            return None
        last = following
        text = text + " " + lines[last]
    return None


def _next_nonblank(lines: _CleanLines, i: int) -> int | None:
    while i < len(lines):
        if lines[i]:
            return i
        i += 1
    return None


def _is_stop(line: str, item: str) -> bool:
    """Is this line the heading of an item that comes after `item` (or of Part III)?"""
    m = _STOP_RE.match(line)
    if m:
        number, letter, rest = int(m.group(1)), (m.group(2) or "").lower(), m.group(3)
        if item == "1c":
            later = number >= 2 or (number == 1 and letter > "c")
        else:
            later = number >= 17 or (number == 16 and letter > "k")
        if not later:
            return False
        return not rest or rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "[(\"'"
    m = _PART_STOP_RE.match(line)
    return m is not None and (not m.group(1) or m.group(1)[:1].isupper())


class _CleanLines:
    """Lines cleaned with `clean_inline` on first use (a 10-K has tens of thousands of lines)."""

    def __init__(self, raw: Sequence[str]) -> None:
        self.raw = raw
        self.cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, i: int) -> str:
        line = self.cache.get(i)
        if line is None:
            raw = self.raw[i]
            line = self.cache[i] = clean_inline(raw) if raw and not raw.isspace() else ""
        return line


def furniture_key(line: str) -> str:
    """What repeats from page to page in a running head or foot: lower case, digits as '#'."""
    return _DIGITS_RE.sub("#", " ".join(line.split()).lower())


_DIGITS_RE = lazy_compile(r"\d+")
_SPACES_RE = lazy_compile(r"[^\S\n]+")


def furniture_keys(lines: list[str]) -> list[str]:
    """`furniture_key` of each line, worked out on all of them joined (a few calls, not a few per line)."""
    joined = "\n".join(lines)
    if not lines or joined.count("\n") != len(lines) - 1:  # a line holding a newline: one at a time
        return [furniture_key(line) for line in lines]
    spaced = _SPACES_RE.sub(" ", joined).replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    return _DIGITS_RE.sub("#", spaced.lower()).split("\n")


_COMPANY_NAME_RE = lazy_compile(
    r"\b(?:inc|corporation|corp|company|co|ltd|plc|llc|group|holdings|incorporated)\b\.?$"
)
#: Longest line taken as a company-name running head beside a page number or "Table of Contents".
_MAX_RUNNING_HEAD = 60


def repeated_furniture_keys(counts: dict[str, int]) -> set[str]:
    """The furniture among keys counted over a document."""
    out = set()
    for key, n in counts.items():
        if n < 3 or len(key) > 80 or key.endswith((":", ";", ",")):
            continue
        if _COMPANY_NAME_RE.search(key):
            out.add(key)
        elif key.endswith("."):
            continue
        elif "#" in key or "form 10-k" in key or "form 20-f" in key or "annual report" in key:
            out.add(key)
    return out


#: Lines joined for one regex scan in `_candidate_lines` (a bound on its memory for huge documents).
_SCAN_LINES = 1 << 16


def _candidate_lines(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that start with "Item" or "Part" (one regex scan per block of lines, not one call
    per line)."""
    out: list[int] = []
    for first in range(0, len(lines), _SCAN_LINES):
        block = lines[first : first + _SCAN_LINES]
        joined = "\n" + "\n".join(block)  # each line after a newline
        if joined.count("\n") != len(block):  # a line holding a newline: the newlines are no line starts
            out.extend(_candidate_lines_one_by_one(block, first))
            continue
        line, at = first - 1, 0
        for m in _CANDIDATE_START_RE.finditer(joined):
            if not _CANDIDATE_SCAN_RE.match(joined, m.start()):
                continue
            line += joined.count("\n", at, m.start() + 1)
            at = m.start() + 1
            out.append(line)
    return out


def _candidate_lines_one_by_one(block: Sequence[str], first: int) -> list[int]:
    """`_candidate_lines` of lines that may hold newlines (any of them starting a candidate's line)."""
    out = []
    for i, line in enumerate(block):
        if _CANDIDATE_SCAN_RE.search("\n" + line):
            out.append(first + i)
    return out


class _Furniture:
    """Decides whether a short line repeats from page to page, counting the document's lines on demand."""

    def page_furniture(self, line: str) -> bool:
        """A page number, footer or running head ("Wells Fargo & Company 2024 Annual Report 75")."""
        return is_footer_line(line) or len(line) <= 100 and self.repeated(line)

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.verdicts: dict[str, bool] = {}
        self.by_key: Counter[str] | None = None
        self.counts: dict[str, int] = {}
        self.joined: tuple[bytes, bytes, bool] | None = None
        """The lines joined in UTF-8, as they are and lower-cased, and whether they hold a Kelvin sign (see
        `_count_probed`)."""

    def repeated(self, line: str) -> bool:
        key = furniture_key(line)
        if key not in self.verdicts:
            # Counted only where the count can matter: a key that would not be furniture even on every line of
            # the document (most short lines of a section: its sub-headings) is none at any count.
            self.verdicts[key] = key in repeated_furniture_keys({key: len(self.lines)}) and key in (
                repeated_furniture_keys({key: self._count(key)})
            )
        return self.verdicts[key]

    def running_head(self, line: str, after_furniture: bool = False) -> bool:
        """A company name ("Alphabet Inc.") seen at least twice in the document: a running head when it
        stands beside page furniture (the caller checks that), though too rare for `repeated`; once is enough right
        after page furniture (an extract of Item 1C alone, "23." / "Table of Contents" / "Alphabet Inc.": an unseen
        reader found the name an added sentence)."""
        key = furniture_key(line)
        return (
            len(key) <= _MAX_RUNNING_HEAD
            and bool(_COMPANY_NAME_RE.search(key))
            and self._count(key) >= (1 if after_furniture else 2)
        )

    def _count(self, key: str) -> int:
        """How many short lines (100 characters at most) of the document have this furniture key."""
        count = self.counts.get(key)
        if count is None and self.by_key is None:
            count = self._count_probed(key)
            if count is not None:
                self.counts[key] = count
        if count is not None:
            return count
        if self.by_key is None:  # counted once: the distinct lines first (in C), then their keys
            self.by_key = Counter()
            distinct = Counter(self.lines)
            short = [text for text in distinct if 0 < len(text) <= 100]
            for text, text_key in zip(short, furniture_keys(short)):
                self.by_key[text_key] += distinct[text]
        return self.by_key[key]

    def _count_probed(self, key: str) -> int | None:
        """`_count` worked out on the lines that hold the longest piece of the key made of ASCII characters
        but digits and spaces, or None when that piece is too short to pick few lines. A section asks about
        a handful of keys: finding their lines (a fast substring search, on the document's lines as UTF-8,
        ASCII letters lower-cased, which is several times faster than lower-casing them as text) costs a
        fraction of working out the key of every line of a 10-K. A line with the key holds that piece: the
        key is the line lower-cased, its digits `#` and its runs of white space one space. Only two other
        characters lower-case to ASCII: a dotted capital I, to an `i` that a combining dot follows (such an
        `i` ends a piece), and the Kelvin sign, to `k` (in a document that has one, every `k` ends a piece)."""
        if self.joined is None:
            joined = "\n".join(self.lines)
            # a line holding a newline (the newlines are no line ends): counted in full
            data = (
                joined.encode("utf-8", "surrogatepass") if joined.count("\n") == len(self.lines) - 1 else b""
            )
            self.joined = (data, data.lower(), "\u212a" in joined)
        data, lowered, kelvin = self.joined
        probe = max((_PROBE_SPLIT_KELVIN_RE if kelvin else _PROBE_SPLIT_RE).split(key), key=len)
        if not data or len(probe) < _MIN_PROBE:
            return None
        needle = probe.encode("ascii")
        count, at, seen = 0, 0, 0
        while (found := lowered.find(needle, at)) >= 0:
            start = lowered.rfind(b"\n", 0, found) + 1
            end = lowered.find(b"\n", found)
            end = len(lowered) if end < 0 else end
            line = data[start:end].decode("utf-8", "surrogatepass")
            if len(line) <= 100 and furniture_key(line) == key:
                count += 1
            seen += 1
            if seen > _MAX_PROBED_LINES:
                return None
            at = end + 1
        return count


#: Shortest piece of a furniture key looked for, and most lines that hold it (past either, every line's key is
#: worked out instead).
_MIN_PROBE = 3
_MAX_PROBED_LINES = 500
#: What splits a furniture key into the pieces its lines hold as they are, ASCII letters lower-cased (see
#: `_Furniture._count_probed`).
_PROBE_SPLIT_RE = lazy_compile("[# ]|[^\\x00-\\x7f]|i(?=\u0307)")
_PROBE_SPLIT_KELVIN_RE = lazy_compile("[# k]|[^\\x00-\\x7f]|i(?=\u0307)")


#: The furniture detector, for other readers of a document's lines (the exhibit reader).
Furniture = _Furniture


def locate_section(raw_lines: Sequence[str]) -> Section | None:
    """The Item 1C / 16K section of a document's lines, or None when it has none.

    Every heading is a candidate; each runs to the next later item heading; repeated copies of the
    section's own heading (running heads) are skipped. The candidate with the most text wins, so a
    table-of-contents entry (a heading followed by a page number and the next item) loses.
    """
    lines = _CleanLines(raw_lines)
    furniture: _Furniture | None = None
    best: Section | None = None
    best_size = 0
    starts = _candidate_lines(raw_lines)
    after = 0  # lines before this index were consumed by the previous heading
    for i in starts:
        if i < after:
            continue
        hit = _match_heading(lines, i)
        if hit is None:
            continue
        item, last, rest = hit
        if furniture is None:
            furniture = _Furniture(raw_lines)
        section, size = _collect(lines, i, last, item, rest, furniture)
        if size > best_size:
            best, best_size = section, size
        after = last + 1
    return best if best is not None and best_size > 0 else None


def _before_page_furniture(lines: _CleanLines, j: int) -> bool:
    """Is the next non-blank line from j on a page number or page footer?"""
    k = _next_nonblank(lines, j)
    return k is not None and is_footer_line(lines[k])


def _collect(
    lines: _CleanLines, start: int, last: int, item: str, rest: str, furniture: _Furniture
) -> tuple[Section, int]:
    body: list[str] = []
    sources: list[int] = []
    stop = _INLINE_STOP_RE.search(rest)
    if stop:
        rest = rest[: stop.start()]
        return Section([rest], item, start, last + 1, [-1]), len(rest.strip())
    if rest.strip(" .:-"):
        body.append(rest)
        sources.append(-1)
    end = len(lines)
    j = last + 1
    after_page_furniture = False  # the last non-blank line was a page number, footer or running head
    while j < len(lines):
        line = lines[j]
        if line and (_is_stop(line, item)):
            end = j
            break
        hit = _match_heading(lines, j) if line else None
        if hit is not None and hit[0] == item:
            j = hit[1] + 1  # a running head repeating the section's own heading
            if hit[2].strip(" .:-"):
                body.append(hit[2])
                sources.append(-1)
            continue
        if line:
            footer = is_footer_line(line)  # kept: `paragraphs_from_lines` drops it, knowing a page ended
            dropped = (
                not footer
                and len(line) <= 100
                and (
                    furniture.repeated(line)
                    or furniture.running_head(line, after_page_furniture)
                    and (after_page_furniture or _before_page_furniture(lines, j + 1))
                )
            )
            after_page_furniture = dropped or footer
            line = "" if dropped else line
        body.append(line)
        sources.append(j)
        j += 1
    size = sum(len(b) for b in body if b and not is_footer_line(b))
    return Section(body, item, start, end, sources), size


# --- splitting a section into elements -------------------------------------------------------------

RISK = "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
INTEGRATED = "CybersecurityRiskManagementProcessesIntegratedTextBlock"
MATERIAL = MATERIAL_TEXT
BOARD = "CybersecurityRiskBoardOfDirectorsOversightTextBlock"
BOARD_COMMITTEE = "CybersecurityRiskBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock"
INFORM_BOARD = (
    "CybersecurityRiskProcessForInformingBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock"
)
ROLE = "CybersecurityRiskRoleOfManagementTextBlock"
POSITIONS = "CybersecurityRiskManagementPositionsOrCommitteesResponsibleTextBlock"
EXPERTISE = "CybersecurityRiskManagementExpertiseOfManagementResponsibleTextBlock"
INFORM_MANAGEMENT = "CybersecurityRiskProcessForInformingManagementOrCommitteesResponsibleTextBlock"

#: (Caseless: these run on every paragraph and sentence of an untagged section, and only count or test)
_BOARD_TERMS = Caseless(
    r"\bboard\b|\b(?:audit|risk|technology|cybersecurity|nominating|governance)[\w ,&-]{0,40}committee\b|"
    r"\bdirectors\b"
)
_ROLE_TERMS = Caseless(
    r"\bchief [\w ]{0,30}officer\b|\bciso\b|\bcio\b|\bcso\b|\bcto\b|\bvice president\b|\bhead of\b|"
    r"\bexperience\b|\bcertifi|\bteam\b|\bmanagement\b|\bexecutive|\bleadership\b|\bled by\b"
)
_MATERIAL_TERMS = Caseless(
    r"materially affect|reasonably likely to (?:materially )?affect|material(?:ly)? (?:adverse )?(?:effect|impact)"
    r"|not (?:identified|experienced|aware of|had|suffered|detected) (?:any|a|an)\b[\w ,]{0,40}"
    r"(?:incident|threat|breach|attack)"
)
_SENTENCE_RULES = [
    (
        INTEGRATED,
        Caseless(r"\bintegrat|\benterprise[- ]risk|\berm\b|overall risk management"),
        RISK,
    ),
    (
        EXPERTISE,
        Caseless(
            r"\byears\b|\bexperience\b|\bcertifi|\bdegree\b|\bcissp\b|\bcism\b|\bexpertise\b"
            r"|\bpreviously\b|\bserved as\b|\bprior to joining\b"
        ),
        ROLE,
    ),
    (
        POSITIONS,
        Caseless(r"\bresponsib|\bled by\b|\bleads\b|\boversee|\bchief [\w ]{0,30}officer\b|\bciso\b"),
        ROLE,
    ),
    (
        INFORM_MANAGEMENT,
        Caseless(r"\binform|\breport|\bescalat|\bbrief|\bupdate|\bnotif|\bmonitor"),
        ROLE,
    ),
    (BOARD_COMMITTEE, Caseless(r"\bcommittee\b"), BOARD),
    (INFORM_BOARD, Caseless(r"\breport|\bbrief|\bupdate|\binform|\bpresent|\breview"), BOARD),
]


def _zone_of_heading(heading: str) -> str | None:
    h = heading.lower().replace("’", "'")
    if re.search(r"board|oversight|directors|committee", h):
        return BOARD
    if re.search(
        r"management'?s? role|role of management|management'?s? responsib|leadership|personnel|team"
        r"|\bciso\b|officer|management oversight",
        h,
    ):
        return ROLE
    if "governance" in h:
        return "governance"
    if re.search(
        r"risk|strateg|process|program|approach|third|vendor|assess|framework|training|response"
        r"|material|impact|effect|incident",
        h,
    ):
        return RISK
    return None


def _classify(paragraph: str, zone: str | None) -> str:
    # (each count and test only where the zone asks for it: each scans the paragraph)
    if zone == RISK:
        return RISK
    board = _BOARD_TERMS.count(paragraph)
    if zone == BOARD:
        return BOARD if board or not _ROLE_TERMS.count(paragraph) else ROLE
    role = _ROLE_TERMS.count(paragraph)
    first = sentences(paragraph)[0] if paragraph else ""
    if zone == ROLE:
        return ROLE if role >= board or not _BOARD_TERMS.test(first) else BOARD
    board_first = _BOARD_TERMS.test(first)
    if zone == "governance":
        return BOARD if board_first and board >= role or (board > role) else ROLE
    if board_first and board >= 2 and board >= role:
        return BOARD
    if (
        role >= 3
        and role > board
        and re.search(r"chief|ciso|officer|head of|vice president|led by", first, re.I)
    ):
        return ROLE
    return RISK


def split_elements(paragraph_list: Sequence[str], source: Source = "inferred") -> list[Element]:
    """Assign a section's paragraphs to cyd text elements; headings go to `UNTAGGED_ELEMENT`.

    Every paragraph lands in at least one element: the main block of its sub-section (risk management,
    board oversight, role of management). Sentences that answer a narrower element (expertise, reporting
    to the board, material effects, ...) are repeated there too, as filers' own tags do.
    """
    buckets: dict[str, list[str]] = {}
    order: list[str] = []

    def add(name: str, text: str) -> None:
        if name not in buckets:
            buckets[name] = []
            order.append(name)
        if text not in buckets[name]:
            buckets[name].append(text)

    zone: str | None = None
    for para in paragraph_list:
        if is_subheading(para):
            zone = _zone_of_heading(para) or zone
            add(UNTAGGED_ELEMENT, para)
            continue
        main = _classify(para, zone)
        add(main, para)
        sents: list[str] | None = None  # (split once, when a rule asks)
        if _MATERIAL_TERMS.test(para):
            sents = sentences(para)
            for sent in sents:
                if _MATERIAL_TERMS.test(sent):
                    add(MATERIAL, sent)
        for child, pattern, parent in _SENTENCE_RULES:
            if parent != main:
                continue
            sents = sentences(para) if sents is None else sents
            for sent in sents:
                if pattern.test(sent):
                    add(child, sent)
    return [
        Element(name, "text", "\n\n".join(buckets[name]), source, original="\n\n".join(buckets[name]))
        for name in order
    ]


# --- plain text -----------------------------------------------------------------------------------

_FOOTER_YEAR_RE = lazy_compile(r"\|\s*((?:19|20)\d{2})\s+form\s+(?:10-k|20-f)\s*\|", re.I)
_RUNNING_YEAR_RE = lazy_compile(
    r"^[ \t]*(?:fiscal\s+)?((?:19|20)\d{2})\s+(?:annual\s+report\s+on\s+)?form\s+(?:10-k|20-f)[ \t]*$",
    re.I | re.M,
)
#: Words the footer and running-head patterns hold, in lower case (see `_COVER_WORDS_RE`).
_FORM_NAME_RE = lazy_compile(r"form\s+(?:10-k|20-f)")
_COVER_YEAR_RE = lazy_compile(
    r"for\s+the\s+(?:fiscal\s+)?year\s+ended\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*,\s*((?:19|20)\d{2})", re.I
)


def detect_fiscal_year(text: str) -> int | None:
    """The fiscal year when the text names exactly one: page footers ("| 2024 Form 10-K |"), else the cover."""
    # (the words each pattern holds are looked for first, as `cover_period` does: a text without them, such as
    # an Item 1C extract, is not scanned at every position)
    named = _FORM_NAME_RE.search(text.lower()) is not None
    cover = text[:5000]
    for pattern, scope in (
        (_FOOTER_YEAR_RE, text if named else ""),
        (_RUNNING_YEAR_RE, text if named else ""),
        (_COVER_YEAR_RE, cover if _COVER_WORDS_RE.search(cover.lower()) else ""),
    ):
        years = {int(y) for y in pattern.findall(scope)}
        if len(years) == 1:
            return years.pop()
        if years:
            return None
    return None


_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# The cover's line: "For the fiscal year ended December 31, 2024" ("FOR THE YEAR ENDED", "Fiscal Year Ended:",
# "for the fiscal year ending 31 December 2024", "Dec. 31, 2024", "12/31/2024"), its date perhaps in the next
# cell of a table.
_COVER_PERIOD_RE = lazy_compile(
    r"\bfor\s+the\s+(?:fiscal\s+)?year\s+end(?:ed|ing)\s*[:\-\u2013]?\s*"
    rf"(?:(?P<month>{_MONTH})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\s*,?\s*(?P<year2>(?:19|20)\d\d)"
    r"|(?P<nmonth>\d{1,2})/(?P<nday>\d{1,2})/(?P<nyear>(?:19|20)\d\d))\b",
    re.I,
)
#: Words every cover line holds, in lower case (none of their letters is matched by IGNORECASE otherwise than
#: by its lower case), searched for first: a pattern starting with a literal is searched for fast, the cover
#: line's at every position (an Item 1C extract has none).
_COVER_WORDS_RE = lazy_compile(r"year\s+end")
#: Characters of a document's opening read as its cover (the cover and, at most, the table of contents).
_COVER_CHARS = 8000
#: A period that ends in these months is counted as its own year by some filers (Walmart: the year ending
#: 2025-01-31 is FY2025) and as the year before by others (Home Depot: 2025-02-02 ends FY2024).
_AMBIGUOUS_MONTHS = (1, 2, 3)


@dataclass(frozen=True)
class CoverPeriod:
    """The period an annual report's cover states ("For the fiscal year ended December 31, 2024")."""

    period_end: str
    """ISO date the fiscal year ended."""
    fiscal_year: int | None
    """The fiscal year, or None where the end date leaves it open (a year ending in January to March)."""
    line: str
    """The cover's words, for the note."""


def cover_period(lines: Sequence[str]) -> CoverPeriod | None:
    """The fiscal year and period end of an annual report's cover, read from the standard line ("For the fiscal
    year ended December 31, 2024"); None when the cover has no such line or states two different dates."""
    text, size = [], 0
    for line in lines:
        if line and not line.isspace():
            text.append(line.strip())
            size += len(line)
            if size > _COVER_CHARS:
                break
    cover = clean_inline(" ".join(text))
    if not _COVER_WORDS_RE.search(cover.lower()):
        return None
    found: dict[str, str] = {}
    for m in _COVER_PERIOD_RE.finditer(cover):
        iso = _iso(m)
        if iso:
            found.setdefault(iso, " ".join(m.group(0).split()))
    if len(found) != 1:
        return None
    iso, words = next(iter(found.items()))
    year, month = int(iso[:4]), int(iso[5:7])
    return CoverPeriod(iso, None if month in _AMBIGUOUS_MONTHS else year, words)


def _iso(m: re.Match[str]) -> str | None:
    from datetime import date

    if m.group("nyear"):
        year, month, day = int(m.group("nyear")), int(m.group("nmonth")), int(m.group("nday"))
    else:
        word = (m.group("month") or m.group("month2")).lower().rstrip(".")
        month = next((n for n, name in enumerate(_MONTH_NAMES, 1) if name.startswith(word[:3])), 0)
        year, day = int(m.group("year") or m.group("year2")), int(m.group("day") or m.group("day2"))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def apply_cover(d: Disclosure, lines: Sequence[str]) -> Disclosure:
    """Fill the fiscal year and period end a source does not tag from its cover, with a note saying so."""
    if d.fiscal_year is not None and d.period_end is not None:
        return d
    cover = cover_period(lines)
    if cover is None:
        return d
    if d.period_end is None:
        d.period_end = cover.period_end
    if d.fiscal_year is None and cover.fiscal_year is not None:
        d.fiscal_year = cover.fiscal_year
        d.notes.append(f"fiscal year {cover.fiscal_year} read from the cover (\u201c{cover.line}\u201d)")
    elif d.fiscal_year is None:
        d.notes.append(
            f"the cover gives the period end {cover.period_end} (\u201c{cover.line}\u201d), which filers count "
            f"as fiscal year {cover.period_end[:4]} or the year before: the year was not read from it"
        )
    return d


_QUOTED_RE = re.compile(r"[\u201c\"]\s*([^\u201d\"]{3,200}?)\s*[\u201d\"]")
_SECTION_NAMED_RE = re.compile(
    r"\b(?:section|caption|heading)s?\s+(?:entitled|titled|captioned|headed|called)\s+"
    r"([A-Z][^.;,]{2,120}?)(?=\s+(?:in|of|on|within)\s+(?i:the|our|its|this|exhibit|annual)\b|[.;,]|$)"
)


def incorporation_of(section_text: str) -> Incorporation | None:
    """The incorporation when the section only points to another document that holds the disclosure.

    WFC's 10-K, for one, says only that Item 1C "can be found in the 2024 Annual Report to Shareholders under
    "Financial Review - Risk Management - Operational Risk Management." That information is incorporated into
    this item by reference": the text is in Exhibit 13. A cross-reference inside the section's prose ("see
    Item 1A, which is incorporated herein by reference") is no pointer: the pointer must be the whole section
    (at most `_MAX_POINTER_CHARS`) and speak of this item.
    """
    text = section_text.strip()
    if not text or len(text) > _MAX_POINTER_CHARS or not _INCORPORATED_RE.search(text):
        return None
    targets = list(dict.fromkeys(clean_inline(m.group(0)) for m in _POINTER_TARGET_RE.finditer(text)))
    # "See "Cybersecurity" in our 2024 Annual Report, incorporated herein by reference": no "this item", but a
    # short answer naming the document that holds it
    if not _THIS_ITEM_RE.search(text) and not (targets and len(sentences(text)) <= _MAX_POINTER_SENTENCES):
        return None
    quoted = _QUOTED_RE.search(text)
    named = _SECTION_NAMED_RE.search(text)
    heading = quoted.group(1) if quoted else named.group(1) if named else None
    if heading is not None:
        heading = re.sub(r"\s+", " ", heading).strip(" .,;:") or None
    return Incorporation(", ".join(targets) or "another document", heading, text)


def incorporated_by_reference(section_text: str) -> str | None:
    """The one plain line said of a section that only points to another document, or None."""
    found = incorporation_of(section_text)
    return found.line if found else None


def section_disclosure(section: Section, source_format: str, source: Source = "inferred") -> Disclosure:
    """An untagged Disclosure from a located section.

    A section that only points to another document keeps no elements (its flags are stated nowhere in the
    filing, and the pointer is no disclosure): the pointer is kept on `Disclosure.incorporation`.
    """
    paras = paragraphs_from_lines(section.lines)
    text = "\n\n".join(paras)
    incorporation = incorporation_of(text)
    return Disclosure(
        elements=[] if incorporation else split_elements(paras, source),
        tagged=False,
        source_format=source_format,
        section_text="" if incorporation else text,
        form=section.form,
        notes=[section.via] if section.via else [],
        incorporation=incorporation,
    )


def has_text(d: Disclosure) -> bool:
    """Does a read section hold anything: its text, or a pointer to the document that holds it?"""
    return bool(d.section_text) or d.incorporation is not None


# --- a 10-K laid out as an annual report, placed by its cross-reference index ---------------------------

# "Item 1C. Cybersecurity  26-27", in one line or over table cells; "1C  Cybersecurity  Pages 26 to 27".
# An index may name the report's own section between the item and its pages ("Item 1C. Cybersecurity |
# Risk Management - Cybersecurity | 45-47").
_INDEX_ENTRY_RE = re.compile(
    r"^(?:item\s*)?1\s*c\b\s*[.:\-\u2013\u2014]?\s*cyber\s*-?\s*security\b(?:[^\d]{0,150}?)[\s.:|\u2013\u2014-]*"
    r"(?:pages?\s*)?(?P<pages>\d{1,4}(?:\s*(?:[-\u2013\u2014,]|to|through|and|&)\s*\d{1,4})*)\s*$",
    re.I,
)
_INDEX_START_RE = re.compile(r"^(?:item\s*)?1\s*c\b", re.I)
# "26-27", "Pages 26 to 27", "Cybersecurity 26-27" (an index that names the report's own section too)
_PAGE_REFERENCE_RE = re.compile(
    r"^(?:[^\d.]{0,150}\s)?(?:pages?\s*)?\d{1,4}(?:\s*(?:[-\u2013\u2014,]|to|through|and|&)\s*\d{1,4})*\.?$",
    re.I,
)
# A page number alone ("26", "- 26 -", "Page 26"), after a running foot ("Tamarack 2023 Form 10-K | 26",
# "2023 Annual Report 26") or before one ("26 Tamarack Industries 2023 Form 10-K").
_PAGE_MARKER_RE = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014]?\s*(\d{1,4})\s*[-\u2013\u2014]?$|^.{0,80}\|\s*(\d{1,4})$"
    r"|^.{0,80}\b(?:form\s+10-?k|annual\s+report)\s*[|\u2013\u2014-]?\s*(\d{1,4})$"
    r"|^(\d{1,4})\s*[|\u2013\u2014-]?\s+.{0,80}\b(?:form\s+10-?k|annual\s+report)$",
    re.I,
)
# The body's heading of the section: "CYBERSECURITY", "Cybersecurity Risk Management and Strategy", ...
CYBER_HEADING_RE = re.compile(
    r"^(?:item\s*1\s*c\s*[.:\-]?\s*)?(?:(?:managing|our\s+approach\s+to|approach\s+to)\s+)?"
    r"(?:cyber\s*-?\s*security|information\s+security)"
    r"(?:\s*(?:,|&|and|risk|risks|management|strategy|governance|oversight|program|matters|disclosure))*\s*:?$",
    re.I,
)
#: Lines read after an index entry for its page numbers (an entry may be spread over table cells).
_INDEX_WINDOW = 5

# A heading that names cybersecurity anywhere in it ("Information Security and Cybersecurity", "Technology and
# Cybersecurity Risk", "Data Privacy and Cybersecurity", "Cyber Risk"); "Securities", "Physical Security" or
# "Homeland Security" name no cyber subject.
_NAMES_CYBER_RE = lazy_compile(
    r"\bcyber\w*|\b(?:information|info|data|network|it|computer|digital|systems?)\s+security\b"
    r"|\binformation\s+(?:technology|systems)\s+security\b",
    re.I,
)
# A risk factor's heading ("Risks Related to Cybersecurity", "We face cyber threats ..."): no disclosure's title.
_RISK_FACTOR_HEADING_RE = lazy_compile(r"^risks?\s+(?:related|relating|associated)\s+(?:to|with)\b", re.I)


def names_cyber(heading: str) -> bool:
    """Is this sub-heading the title of a cybersecurity part, naming cybersecurity, information security or
    cyber risk alone or beside other subjects ("Information Security and Cybersecurity", "Technology and
    Cybersecurity Risk")? A heading of risk factors ("Risks Related to Cybersecurity") is not."""
    text = heading.strip()
    return (
        is_subheading(text) and bool(_NAMES_CYBER_RE.search(text)) and not _RISK_FACTOR_HEADING_RE.match(text)
    )


def is_page_reference(text: str) -> bool:
    """Is a section's text only page numbers ("26-27", "Pages 26 to 27"): an index entry, not a disclosure?"""
    return bool(_PAGE_REFERENCE_RE.match(text.strip()))


def _indexed_pages(lines: _CleanLines, candidates: list[int]) -> tuple[int, int, int] | None:
    """(first page, last page, line of the entry) of the cross-reference index's Item 1C entry."""
    for i in candidates:
        if not _INDEX_START_RE.match(lines[i]):
            continue
        text, j = lines[i], i
        for _ in range(_INDEX_WINDOW + 1):
            m = _INDEX_ENTRY_RE.match(text)
            if m:
                pages = [int(n) for n in re.findall(r"\d+", m.group("pages"))]
                return min(pages), max(pages), i
            following = _next_nonblank(lines, j + 1)
            if following is None:
                break
            j = following
            text = f"{text} {lines[j]}"
    return None


def _page_of_lines(lines: _CleanLines) -> list[int | None]:
    """The page each line sits on, by the page numbers printed on each page (None where unknown).

    Numbers printed at the foot of each page (most 10-Ks) number the lines before them; printed at the head,
    the lines after them. A document whose last number is followed by about a page of text numbers its heads.
    """
    markers: list[tuple[int, int]] = []
    for i in range(len(lines)):
        m = _PAGE_MARKER_RE.match(lines[i]) if lines[i] and len(lines[i]) <= 100 else None
        if m:
            markers.append((i, int(next(g for g in m.groups() if g))))
    pages: list[int | None] = [None] * len(lines)
    if not markers:
        return pages
    sizes = [len(lines[i]) for i in range(len(lines))]
    inside = sum(sizes[markers[0][0] : markers[-1][0]])
    after = sum(sizes[markers[-1][0] + 1 :])
    at_head = len(markers) > 1 and after > inside / (len(markers) - 1) / 2
    previous = 0
    for index, number in markers:
        if at_head:
            if previous:
                for k in range(previous, index):
                    pages[k] = pages[previous - 1]
            pages[index] = number
            previous = index + 1
        else:
            for k in range(previous, index + 1):
                pages[k] = number
            previous = index + 1
    if at_head:
        for k in range(previous, len(lines)):
            pages[k] = markers[-1][1]
    return pages


def _ends_cyber_section(line: str, upper: bool) -> bool:
    """Does this heading end the cybersecurity section? One that names another subject (no Item 106 topic, or
    another kind of risk) does; under an all-capitals heading, only an all-capitals one (its title-case
    sub-headings, whatever they name, stay inside)."""
    if not is_subheading(line) or CYBER_HEADING_RE.match(line) or upper and not line.isupper():
        return False
    return not ITEM_106_TOPIC_RE.search(line) or bool(OTHER_RISK_RE.search(line))


#: Sub-headings that stay inside a cybersecurity section (Item 106's own topics).
ITEM_106_TOPIC_RE = re.compile(
    r"cyber|information security|risk management and strategy|^strategy|governance|board|oversight"
    r"|management'?s? role|role of management|third[- ]party (?:service|provider|vendor)|vendor|supplier"
    r"|service provider|incident|threat|material|assessment|program|process|training|awareness|team"
    r"|personnel|officer|ciso|response|framework|expertise|testing|monitoring|protect|detect",
    re.I,
)
#: A heading naming another kind of risk ("Model Risk Management", "Third-Party Risk") is a sibling section.
OTHER_RISK_RE = re.compile(
    r"^(?!.*\b(?:cyber\w*|information security|technology)\b).*\brisks?\b(?:\s+management)?\s*$", re.I
)


def follow_index(raw_lines: Sequence[str], reference: Section | None = None) -> Section | None:
    """Item 1C of a 10-K laid out as an annual report: the cross-reference index maps "Item 1C. Cybersecurity"
    to pages, and the body holds the section under a plain heading ("CYBERSECURITY"). The heading that names
    cybersecurity on those pages (by the page numbers printed at each page's foot) is the section, never the
    index entry; it runs to the end of the last page indexed or to the next heading of another subject."""
    lines = _CleanLines(raw_lines)
    found = _indexed_pages(lines, _candidate_lines(raw_lines) + _one_c_lines(raw_lines))
    if found is None and reference is not None:  # no index, but the item heading gives pages itself
        numbers = [int(n) for n in re.findall(r"\d+", " ".join(x for x in reference.lines if x.strip()))]
        found = (min(numbers), max(numbers), reference.start) if numbers else None
    if found is None:
        return None
    first, last, entry = found
    pages = _page_of_lines(lines)
    headings = [
        i
        for i in range(len(lines))
        if lines[i] and abs(i - entry) > _INDEX_WINDOW and CYBER_HEADING_RE.match(lines[i])
    ]
    shown = f"page {first}" if first == last else f"pages {first}-{last}"
    # page numbers printed at the head of each page put a line one page later than counted: try one more
    for slack in (0, 1):
        best = _best_indexed(lines, headings, pages, first - slack, last + slack, shown)
        if best is not None:
            return best
    return None


def _best_indexed(
    lines: _CleanLines, headings: list[int], pages: list[int | None], first: int, last: int, shown: str
) -> Section | None:
    """The longest section under a cybersecurity heading on pages first to last (`shown` names the pages the
    index gives, for the note)."""
    best: Section | None = None
    best_size = 0
    for i in headings:
        line = lines[i]
        page = pages[i]
        if page is not None and not first <= page <= last:
            continue
        body, sources = _run_to_end(lines, i, last, pages)
        size = sum(len(b) for b in body if b and not is_footer_line(b))
        if size > best_size and not is_page_reference(" ".join(b for b in body if b)):
            via = (
                f"Item 1C found through the 10-K cross-reference index ({shown}) "
                f"under the heading \u201c{line}\u201d"
            )
            best, best_size = Section(body, "1c", i, i + 1 + len(body), sources, via=via), size
    return best


def _one_c_lines(raw_lines: Sequence[str]) -> list[int]:
    """Lines that start with "1C" (an index entry whose item number stands in its own table cell)."""
    return [i for i, line in enumerate(raw_lines) if line[:8].lstrip().upper().startswith("1C")]


def _run_to_end(
    lines: _CleanLines, heading: int, last_page: int, pages: list[int | None]
) -> tuple[list[str], list[int]]:
    upper = lines[heading].isupper()
    furniture = _Furniture(lines.raw)
    body: list[str] = []
    sources: list[int] = []
    for j in range(heading + 1, len(lines)):
        line = lines[j]
        if line and furniture.page_furniture(line):
            line = ""  # a page number or running head ("TAMARACK INDUSTRIES | 2023 FORM 10-K | 26")
        page = pages[j]
        if (
            page is not None
            and page > last_page
            or line
            and (_is_stop(line, "1c") or _ends_cyber_section(line, upper))
        ):
            break
        body.append(line)
        sources.append(j)
    return body, sources


def find_section(lines: Sequence[str]) -> Section | None:
    """Item 1C / 16K: under its item heading, or, where the item heading is only an index entry (page numbers)
    or missing, where the 10-K's cross-reference index places it."""
    section = locate_section(lines)
    if section is not None and not is_page_reference(" ".join(x for x in section.lines if x.strip())):
        return section
    return follow_index(lines, section) or section


def refuse_page_reference(section: Section) -> None:
    """A stored version never holds a page reference as its disclosure."""
    text = " ".join(x for x in section.lines if x.strip())
    if is_page_reference(text):
        raise BadInput(
            f"Item 1C is only a page reference ({clean_inline(text)}) in a cross-reference index, and no "
            "cybersecurity heading was found on those pages; give the complete 10-K as filed."
        )


def read_text(text: str) -> Disclosure:
    """A Disclosure from a plain-text or Markdown annual report (or an Item 1C extract)."""
    lines = markdown_to_lines(text)
    section = find_section(lines)
    if section is None:
        raise BadInput(
            "no Item 1C (10-K) or Item 16K (20-F) cybersecurity heading was found in the text; "
            "give an annual report that contains its cybersecurity section."
        )
    refuse_page_reference(section)
    disclosure = section_disclosure(section, "text")
    if not has_text(disclosure):
        raise BadInput(
            "the Item 1C / Item 16K heading is followed by no text; give the complete annual report."
        )
    disclosure.fiscal_year = detect_fiscal_year(text)
    return apply_cover(disclosure, lines)


def covered(text: str, keys: str) -> bool:
    """Is the text (a sentence or paragraph) contained in `keys`, a concatenation of comparison keys?"""
    key = comparison_key(text)
    return not key or key in keys
