"""The document an Item 1C incorporates by reference (the annual report to shareholders, Exhibit 13): its
cybersecurity part read into the 10-K's disclosure.

The 10-K names a section ("Financial Review - Risk Management - Operational Risk Management"). That section is
found by its last heading; inside it, the part whose heading names cybersecurity is the disclosure, running to
the next heading of another subject (a heading naming another risk, "Model Risk Management", or no Item 106
topic at all). The rest of the named section (operational risk in general, fraud, model risk) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.errors import BadInput
from tracker.models import Disclosure
from tracker.read import decode, decompress
from tracker.read.untagged import (
    CYBER_HEADING_RE,
    ITEM_106_TOPIC_RE,
    OTHER_RISK_RE,
    Furniture,
    names_cyber,
    split_elements,
)
from tracker.text.headings import is_subheading
from tracker.text.normalize import clean_inline, is_footer_line, paragraphs_from_lines, strip_invisible

#: Lines searched after the named heading for its cybersecurity part.
_SECTION_REACH = 3000
_PATH_SEPARATOR_RE = re.compile(r"\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*|\s*>\s*")


def heading_path(heading: str | None) -> list[str]:
    """The parts of a named section ("Financial Review - Risk Management - Operational Risk Management")."""
    if not heading:
        return []
    return [p.strip(" .,:;") for p in _PATH_SEPARATOR_RE.split(heading) if p.strip(" .,:;")]


def _key(line: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", line.lower()).strip()


class CyberPartNotFound(BadInput):
    """The exhibit was read but holds no part headed as cybersecurity (the 10-K is then stored as not read)."""


def read_exhibit_into(d: Disclosure, data: bytes, name: str, sha256: str) -> Disclosure:
    """The 10-K's disclosure with its Item 1C read from the exhibit it incorporates (raw bytes, gzip read
    transparently); `name` is the exhibit's file or URL, kept for provenance."""
    inc = d.incorporation
    if inc is None:
        raise BadInput(
            "the 10-K's Item 1C is not incorporated by reference from another document, so it takes no "
            "exhibit; ingest it without --exhibit."
        )
    text = strip_invisible(decode(decompress(data)))
    from tracker.read.html import body_lines

    lines = [clean_inline(line) if line.strip() else "" for line in body_lines(text)]
    found = cyber_part(lines, heading_path(inc.heading))
    if found is None:
        where = f" under \u201c{inc.heading}\u201d" if inc.heading else ""
        raise CyberPartNotFound(
            f"{name} has no part headed as cybersecurity{where}; give the exhibit the 10-K names "
            f"({inc.document})."
        )
    title, body = found
    paras = paragraphs_from_lines(body)
    if not paras:
        raise CyberPartNotFound(
            f"the cybersecurity part of {name} (\u201c{title}\u201d) holds no text; give the complete exhibit."
        )
    d.elements = [e for e in d.elements if e.kind == "flag" and e.source == "tagged"] + split_elements(paras)
    d.section_text = "\n\n".join(paras)
    inc.exhibit, inc.exhibit_sha256, inc.subsection = name, sha256, title
    return d


def cyber_part(lines: Sequence[str], path: list[str]) -> tuple[str, list[str]] | None:
    """(heading, lines) of the cybersecurity part of the named section; where the section is not found (or
    none is named), the longest part headed as cybersecurity in the whole document."""
    furniture = Furniture(lines)
    lines = ["" if line and furniture.page_furniture(line) else line for line in lines]
    named = path[-1] if path else None
    starts = [i for i, line in enumerate(lines) if named and _key(line) == _key(named)] if named else []
    for start in starts:
        if CYBER_HEADING_RE.match(lines[start]) or names_cyber(lines[start]):
            return lines[start], _part(lines, start)
        end = _section_end(lines, start, named or "")
        part = _longest_part(lines, start + 1, end)
        if part is not None:
            return part
    if starts:
        return None  # the named section is there and has no cybersecurity part: read nothing else
    return _longest_part(lines, 0, len(lines))


def _section_end(lines: Sequence[str], start: int, named: str) -> int:
    """Where the named section ends: at a sibling heading (one ending as it does, "... Risk Management")."""
    tail = " ".join(_key(named).split()[-2:])
    for j in range(start + 1, min(len(lines), start + _SECTION_REACH)):
        line = lines[j]
        if line and is_subheading(line) and _key(line).endswith(tail) and not names_cyber(line):
            return j
    return min(len(lines), start + _SECTION_REACH)


#: A heading run into its first paragraph ("Cybersecurity. We face ...", "Information Security Risk - Our ...").
_RUN_IN_RE = re.compile(
    r"^((?:cyber\s*-?\s*security|information\s+security)(?:\s+risks?)?(?:\s+management)?)\s*[.:\u2013\u2014-]\s+(?=[A-Z])",
    re.I,
)


def _longest_part(lines: Sequence[str], first: int, end: int) -> tuple[str, list[str]] | None:
    """The longest part headed as cybersecurity between two lines: under a heading of its own, else (no such
    heading) under a heading run into its first paragraph."""
    best: tuple[str, list[str]] | None = None
    size = 0
    for run_in in (False, True):
        for i in range(first, end):
            line = lines[i]
            if not line:
                continue
            if not run_in and names_cyber(line):
                title, body = line, _part(lines, i, end)
            elif run_in and (m := _RUN_IN_RE.match(line)):
                title, body = m.group(1), [line[m.end() :], *_part(lines, i, end)]
            else:
                continue
            n = sum(len(x) for x in body if x and not is_footer_line(x))
            if n > size:
                best, size = (title, body), n
        if best is not None:
            return best
    return best


def _part(lines: Sequence[str], heading: int, end: int | None = None) -> list[str]:
    """The lines under a cybersecurity heading, to the next heading of another subject."""
    out: list[str] = []
    for j in range(heading + 1, len(lines) if end is None else end):
        line = lines[j]
        if line and is_subheading(line) and not names_cyber(line):
            if not ITEM_106_TOPIC_RE.search(line) or OTHER_RISK_RE.search(line):
                break
        out.append(line)
    return out
