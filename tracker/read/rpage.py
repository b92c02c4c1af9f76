"""EDGAR R pages: the XBRL viewer's rendering of the cyd facts, as text (two layouts) or as HTML."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import datetime

from lxml import etree
from lxml import html as lhtml

from tracker.errors import BadInput
from tracker.models import LABEL_TO_NAME, Disclosure, Element
from tracker.text.lazy import Caseless
from tracker.text.normalize import clean_inline, is_footer_line, merge_unique_paragraphs, normalize_block

_LABEL_RE = re.compile(
    r"^(?P<label>.+?)\s*\[(?P<kind>Text Block|Flag|Line Items|Abstract|Table|Axis|Member)\]\s*$"
)
_MD_ROW_RE = re.compile(
    r"^(?P<label>[^|]+?\[(?:Text Block|Flag|Line Items|Abstract|Table|Axis|Member)\])\s*\|\s*(?P<value>.*?)\s*\|?\s*$"
)
_PERIOD_RE = re.compile(r"\b([A-Z][a-z]{2})\.?\s+(\d{1,2}),\s+(\d{4})\b")
_TITLE_HINT = re.compile(r"cyber", re.I)


def text_layout(text: str) -> str | None:
    """`rpage-text` (lines starting with `|`), `rpage-markdown` (a Markdown table), or None."""
    head = text[:20000]
    if not re.search(r"\[(Text Block|Flag|Line Items|Abstract)\]", head):
        return None
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if not lines:
        return None
    # the cheap test first: a table's rule line (`^-{3}\|` as re.M finds it), then its rows
    if (head.startswith("---|") or "\n---|" in head) and _at_least(
        2, (ln for ln in lines if _MD_ROW_RE.match(ln.strip()))
    ):
        return "rpage-markdown"
    if _at_least(3, (ln for ln in lines if ln.startswith("|"))):
        return "rpage-text"
    return None


def _at_least(n: int, found: Iterator[str]) -> bool:
    """Whether `found` yields n items or more (counting no further)."""
    return next(itertools.islice(found, n - 1, None), None) is not None


def looks_like_rpage_html(text: str) -> bool:
    """True for the HTML of an EDGAR R page (class="report" table with defref links)."""
    head = text[:200000]
    return 'class="report"' in head and ("defref_" in head or "[Text Block]" in head or "[Flag]" in head)


def _name_for(label: str, kind: str) -> str:
    """Local name of the element an R-page label shows."""
    label = clean_inline(label)  # ligatures, odd spaces
    kind_key = "flag" if kind == "Flag" else "text"
    known = LABEL_TO_NAME.get((label.lower(), kind_key))
    if known:
        return known
    words = re.findall(r"[A-Za-z0-9]+", label)
    return "".join(w[:1].upper() + w[1:] for w in words) + ("Flag" if kind == "Flag" else "TextBlock")


def _flag_value(raw: str) -> bool | None:
    word = clean_inline(raw).strip(" |").lower()
    if word in ("true", "yes"):
        return True
    if word in ("false", "no"):
        return False
    return None


def _cells_pipe(text: str) -> list[str]:
    """The cells of the `|` layout: a line starting with `|` opens a cell; other lines continue it."""
    cells: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells.append([line[1:]])
        elif cells:
            cells[-1].append(line)
        else:
            cells.append([line])
    return ["\n".join(c) for c in cells]


def _pairs_pipe(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """(header cells, [(label, kind, raw value)]) of the `|` layout."""
    header: list[str] = []
    pairs: list[tuple[str, str, str]] = []
    pending: tuple[str, str] | None = None
    for cell in _cells_pipe(text):
        first = cell.strip().splitlines()[0].strip() if cell.strip() else ""
        # (a label ends its line with its kind in brackets: the pattern, slow on a long line, tried only then)
        m = _LABEL_RE.match(first) if first.endswith("]") else None
        if m and "\n" not in cell.strip():
            if pending and pending[1] in ("Text Block", "Flag"):
                pairs.append((pending[0], pending[1], ""))
            pending = (m.group("label"), m.group("kind"))
            continue
        if pending is None:
            if not pairs:
                header.append(cell)
            continue
        if pending[1] in ("Text Block", "Flag"):
            pairs.append((pending[0], pending[1], cell))
        pending = None
    if pending and pending[1] in ("Text Block", "Flag"):
        pairs.append((pending[0], pending[1], ""))
    return header, pairs


def _pairs_markdown(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    header: list[str] = []
    pairs: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        m = _MD_ROW_RE.match(line.strip())
        if not m:
            if not pairs and line.strip() and not re.match(r"^[-|\s]+$", line):
                header.append(line.strip().strip("|").strip())
            continue
        lm = _LABEL_RE.match(m.group("label").strip())
        if lm and lm.group("kind") in ("Text Block", "Flag"):
            pairs.append((lm.group("label"), lm.group("kind"), m.group("value")))
    return header, pairs


def _pairs_html(text: str) -> tuple[list[str], list[tuple[str, str, str]], dict[str, str]]:
    """(header texts, pairs, label -> local name from the defref links) of an R page in HTML."""
    from tracker.read.html import check_whole

    parser = lhtml.HTMLParser(huge_tree=True)
    try:
        root = lhtml.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise BadInput(f"the R page HTML cannot be parsed ({exc}); download it again.") from exc
    check_whole(parser.error_log)
    table = next(iter(root.xpath('//table[contains(concat(" ", @class, " "), " report ")]')), None)
    if table is None:
        raise BadInput(
            "the HTML page has no EDGAR report table; give the R page of the cybersecurity disclosure."
        )
    header = [clean_inline(th.text_content()) for th in table.xpath(".//th")]
    pairs: list[tuple[str, str, str]] = []
    names: dict[str, str] = {}
    for tr in table.xpath(".//tr"):
        label_cell = tr.xpath('./td[contains(@class, "pl")]')
        if not label_cell:
            continue
        label_text = clean_inline(label_cell[0].text_content())
        m = _LABEL_RE.match(label_text)
        if not m or m.group("kind") not in ("Text Block", "Flag"):
            continue
        for a in label_cell[0].xpath(".//a[@onclick]"):
            ref = re.search(r"defref_([a-z0-9-]+)_(\w+)", a.get("onclick", ""))
            if ref:
                names[m.group("label")] = ref.group(2)
        value_cells = tr.xpath("./td")[1:]
        pairs.append(
            (m.group("label"), m.group("kind"), _html_cell_text(value_cells[0]) if value_cells else "")
        )
    return header, pairs, names


def _html_cell_text(cell: etree._Element) -> str:
    """Text of a value cell with one line per block element."""
    for br in cell.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    for block in cell.xpath(".//p|.//div|.//li|.//tr|.//h1|.//h2|.//h3|.//h4"):
        block.tail = "\n" + (block.tail or "")
        if block.text is not None or len(block):
            block.text = "\n" + (block.text or "")
    return cell.text_content()


def _period(header: list[str]) -> tuple[str | None, int | None]:
    for cell in header:
        m = _PERIOD_RE.search(cell)
        if m:
            try:
                when = datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%b %d %Y")
            except ValueError:
                continue
            return when.date().isoformat(), when.year
    return None, None


#: "Form 20-F" or "Item 16K"; "Form 10-K" or "Item 1C" ("Form" may be left out: "20-F" alone says as much)
_TWENTY_F = Caseless(r"\b20-f\b|\bitem\s+16k\b")
_TEN_K = Caseless(r"\b10-k\b|\bitem\s+1c\b")


def _form_from_text(texts: list[str]) -> str | None:
    joined = " ".join(texts)
    if _TWENTY_F.test(joined):
        return "20-F"
    if _TEN_K.test(joined):
        return "10-K"
    return None


def read_rpage(text: str, fmt: str) -> Disclosure:
    """A tagged Disclosure from an R page (`rpage-text`, `rpage-markdown` or `rpage-html`)."""
    names: dict[str, str] = {}
    if fmt == "rpage-html":
        header, pairs, names = _pairs_html(text)
    elif fmt == "rpage-markdown":
        header, pairs = _pairs_markdown(text)
    else:
        header, pairs = _pairs_pipe(text)
    title = clean_inline(header[0]) if header else ""
    elements: list[Element] = []
    seen: set[str] = set()
    for label, kind, raw in pairs:
        name = names.get(label) or _name_for(label, kind)
        if not name.startswith("Cybersecurity") or name in seen:
            continue
        seen.add(name)
        raw_lines = [ln for ln in raw.splitlines() if not is_footer_line(ln)]
        if kind == "Flag":
            elements.append(Element(name, "flag", _flag_value(raw), "tagged", original=raw.strip()))
        else:
            value = normalize_block("\n".join(raw_lines))
            if value:
                elements.append(Element(name, "text", value, "tagged", original=raw.strip()))
    if not elements:
        topic = f" ({title})" if title else ""
        raise BadInput(
            f"the R page{topic} holds no cybersecurity (cyd) facts; give the cybersecurity R page."
        )
    if title and not _TITLE_HINT.search(title) and len(elements) < 2:
        raise BadInput(f"the R page is about {title!r}, not the cybersecurity disclosure.")
    period_end, year = _period(header)
    texts = [e.value for e in elements if isinstance(e.value, str)]
    return Disclosure(
        elements=elements,
        tagged=True,
        source_format=fmt,
        section_text=merge_unique_paragraphs(texts),
        fiscal_year=year,
        period_end=period_end,
        form=_form_from_text(texts),
    )
