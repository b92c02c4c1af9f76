"""The Word report of a comparison (`tracker diff/compare --format docx`): the verdict, the flags, facts and
people that changed, and Item 1C redlined with real tracked changes a reader can accept or reject in Word.

The only module that uses python-docx. python-docx has no API for revisions, so the redline writes the
OOXML itself: inserted text in ``w:ins``, deleted text in ``w:del`` (as ``w:delText``), a moved sentence as
``w:moveFrom`` where it stood and ``w:moveTo`` where it stands now, each end inside a move range
(``w:moveFromRangeStart/End``, ``w:moveToRangeStart/End``) of the same name. A sentence that moved and was
reworded moves its new wording: the words it lost show struck through at the old place only, the words it
gained as insertions inside the move. Every revision is by `REVISION_AUTHOR` at one time stamp, with an id
unique in the document. Accepting every revision reads the new year paragraph by paragraph exactly as
`Redline.text("new")`; rejecting every one reads the old year as `Redline.text("old")`. Change numbers and
the parts of Item 106 a change sits in go to Word comments, never into the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tracker.diff.context import ComparisonContext
from tracker.diff.redline import Block, Piece, Redline, build
from tracker.models import Change
from tracker.render.html import Mark as ValueMark
from tracker.render.html import (
    SideView,
    change_row,
    comparison_notes,
    display_value,
    generated_line,
    measures,
    side_view,
)

#: Author of every tracked change.
REVISION_AUTHOR = "tracker"
#: Bookmark around the redlined paragraphs (a place to jump to, and how tests find them).
REDLINE_BOOKMARK = "Item1C_redline"
#: The changes the table lists: flags, facts and people.
TABLE_KINDS = ("flag_flipped", "fact_changed", "fact_added", "fact_removed")
TABLE_COLUMNS = (
    ("What", 3.4),
    ("Old", 2.5),
    ("New", 2.5),
    ("Why it matters", 3.2),
    ("Severity", 1.6),
    ("Evidence", 4.3),
)
#: What each similarity measure says, in one line.
MEASURE_NOTES = {
    "cosine": "How alike the two years' vocabularies are, counting how often each word is used (word order "
    "ignored).",
    "jaccard": "Share of the distinct words used in either year that both years use.",
    "min_edit": "1 less the fewest whole-word insertions, deletions and substitutions that turn one year "
    "into the other, over the length of the longer year.",
    "simple": "1 less the words added and deleted by a word-by-word comparison, over the words of both "
    "years.",
}
_KIND_WORDS = {"changed": "reworded", "added": "added", "removed": "removed", "moved": "moved"}

Mark = Literal["equal", "ins", "del", "moveFrom", "moveTo"]
#: Which years a mark's text reads in: (old, new).
_SIDES: dict[Mark, tuple[bool, bool]] = {
    "equal": (True, True),
    "ins": (False, True),
    "del": (True, False),
    "moveFrom": (True, False),
    "moveTo": (False, True),
}
#: A mark with its text taken out of one year ((mark, side) -> what is left; None: the text goes).
_WITHOUT: dict[tuple[Mark, str], Mark | None] = {
    ("equal", "old"): "ins",
    ("equal", "new"): "del",
    ("ins", "new"): None,
    ("del", "old"): None,
    ("moveFrom", "old"): None,
    ("moveTo", "new"): None,
}
_SEGMENT_MARKS: dict[str, Mark] = {"equal": "equal", "insert": "ins", "delete": "del"}
#: The space joining two sentences, by the years it reads in (old, new).
_JOIN_MARKS: dict[tuple[bool, bool], Mark] = {
    (True, True): "equal",
    (False, True): "ins",
    (True, False): "del",
}


# --------------------------------------------------------------------------- entry points
def write_docx(ctx: ComparisonContext, path: Path, *, generated_at: datetime | None = None) -> None:
    """Write the Word report of a comparison to ``path``."""
    build_docx(ctx, generated_at=generated_at).save(str(path))


def build_docx(ctx: ComparisonContext, *, generated_at: datetime | None = None) -> DocumentObject:
    """The Word report of a comparison as a python-docx Document."""
    at = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    doc = Document()
    _setup(doc, ctx, at)
    c = ctx.comparison
    old, new = side_view(ctx.old_meta, "earlier filing"), side_view(ctx.new_meta, "later filing")
    doc.add_heading(f"{_filer_name(ctx)}: cybersecurity disclosure {old.label} to {new.label}", 0)
    doc.add_paragraph(f"{old.label}: {_side_line(old)}. {new.label}: {_side_line(new)}.")
    _incidents(doc, ctx)
    _headline(doc, ctx)
    _changes_table(doc, ctx)
    add_redline(doc, build(c), at, old.label, new.label)
    _appendix(doc, ctx, at)
    return doc


# --------------------------------------------------------------------------- the document's frame
def _setup(doc: DocumentObject, ctx: ComparisonContext, at: datetime) -> None:
    """Page, fonts and document properties."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    props = doc.core_properties
    props.author = REVISION_AUTHOR
    props.title = f"{_filer_name(ctx)}: cybersecurity disclosure"
    props.subject = "10-K Item 1C year over year"
    props.created = at.replace(tzinfo=None)


def _filer_name(ctx: ComparisonContext) -> str:
    from tracker.render.labels import filers_name

    return filers_name(ctx.filer)


def _side_line(side: SideView) -> str:
    """``10-K, XBRL-tagged, ko-10-k-fy2024.html.gz``."""
    tagged = "XBRL-tagged" if side.tagged else "not tagged"
    return ", ".join(x for x in (side.form, tagged, side.source) if x)


# --------------------------------------------------------------------------- headline
def _incidents(doc: DocumentObject, ctx: ComparisonContext) -> None:
    """The 8-K cybersecurity incidents reported between the two years, one line each, before the verdict (as the
    HTML report and the text output put them): what a reader drafting the later disclosure needs to know first."""
    if not ctx.incidents:
        return
    doc.add_heading("Incidents between the two years", 1)
    for line in ctx.incidents:
        doc.add_paragraph(_capital(line), style="List Bullet")


def _headline(doc: DocumentObject, ctx: ComparisonContext) -> None:
    """The verdict: significance and extent, the top changes, the counts, and what to know first."""
    c = ctx.comparison
    doc.add_heading("What changed", 1)
    p = doc.add_paragraph()
    p.add_run(_capital(c.significance) + ".").bold = True
    p.add_run(f" Wording: {c.extent}.")
    for line in c.judgement.top:
        doc.add_paragraph(_capital(line), style="List Bullet")
    counts = c.summary
    text_changes = sum(ch.kind.startswith("text_") for ch in c.changes)
    n = len(c.changes)
    restated = c.restated
    doc.add_paragraph(
        f"{n} change{'' if n == 1 else 's'} in all ({counts['high']} high, {counts['medium']} "
        f"medium, {counts['low']} low), {text_changes} of them in the wording"
        + (f", {restated} of those the wording of a flag, fact or people change." if restated else ".")
    )
    old, new = side_view(ctx.old_meta, "earlier filing"), side_view(ctx.new_meta, "later filing")
    for note in c.caveats + comparison_notes(old, new):
        p = doc.add_paragraph()
        p.add_run("Note: ").bold = True
        p.add_run(note)


# --------------------------------------------------------------------------- flags, facts, people
@dataclass
class TableRow:
    """One flag or fact change as the table shows it."""

    what: str
    """What changed, in plain English."""
    old: str
    """The old value as shown."""
    new: str
    """The new value as shown."""
    why: str
    """Why it matters."""
    severity: str
    """high, medium or low."""
    evidence: list[str] = field(default_factory=list)
    """The supporting sentences, each with its year."""


def table_rows(ctx: ComparisonContext) -> list[TableRow]:
    """The flag, fact and people changes of a comparison, in the comparison's order."""
    return [table_row(ch, ctx) for ch in ctx.comparison.changes if ch.kind in TABLE_KINDS]


def table_row(ch: Change, ctx: ComparisonContext) -> TableRow:
    """One change as a table row: the HTML report's row (labels, values, evidence), its why kept whole."""
    row = change_row(ch, "", ctx, {})
    labels = {"old": side_view(ctx.old_meta, "Earlier").label, "new": side_view(ctx.new_meta, "Later").label}
    evidence = [
        f"{labels[side]}: {display_value(sentence)}"
        for side, sentence in (("old", row.evidence_old), ("new", row.evidence_new))
        if sentence
    ]
    return TableRow(row.what, _shown(row.old), _shown(row.new), _capital(ch.why or ""), ch.severity, evidence)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shown(value: ValueMark | None) -> str:
    """A value, marked when read from untagged text."""
    if value is None:
        return "not stated"
    return f"{value.text} (inferred)" if value.source == "inferred" else value.text


def _changes_table(doc: DocumentObject, ctx: ComparisonContext) -> None:
    """The table of flag, fact and people changes (a sentence saying so when there are none)."""
    doc.add_heading("Flags, facts and people", 1)
    rows = table_rows(ctx)
    if not rows:
        doc.add_paragraph("No flag, fact or person changed.")
        return
    table = doc.add_table(rows=1, cols=len(TABLE_COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, (title, _) in zip(table.rows[0].cells, TABLE_COLUMNS):
        _cell_text(cell, [title], bold=True)
    _repeat_header(table)
    for row in rows:
        cells = table.add_row().cells
        for cell, lines in zip(
            cells, ([row.what], [row.old], [row.new], [row.why], [row.severity], row.evidence)
        ):
            _cell_text(cell, lines)
    _column_widths(table)


def _cell_text(cell: _Cell, lines: list[str], *, bold: bool = False) -> None:
    """Fill a cell with one paragraph per line, in a smaller font."""
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.font.size = Pt(9)
        run.bold = bold or None


def _repeat_header(table: Table) -> None:
    """The header row repeats at the top of every page the table runs onto."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _column_widths(table: Table) -> None:
    for k, (_, width) in enumerate(TABLE_COLUMNS):
        table.columns[k].width = Cm(width)
        for cell in table.columns[k].cells:
            cell.width = Cm(width)


# --------------------------------------------------------------------------- the redline
@dataclass
class Span:
    """A run of redline text under one revision mark."""

    text: str
    """The words."""
    mark: Mark
    """equal (plain text), ins, del, moveFrom or moveTo."""


@dataclass
class PieceSpans:
    """One piece of a paragraph as runs: the space that joins it to the sentence before, then its text."""

    piece: Piece
    """The piece shown."""
    separator: Span | None
    """The joining space, marked by the years it reads in (None at the start of a paragraph)."""
    spans: list[Span]
    """Its text."""
    move: str | None = None
    """Name of the move range around it (a moved sentence and where it stood)."""


class _Revisions:
    """Makes revision elements: one author, one time stamp, ids counted up from ``first_id``."""

    def __init__(self, at: datetime, first_id: int) -> None:
        self.date = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = first_id

    def new_id(self) -> str:
        """A fresh id."""
        self.next_id += 1
        return str(self.next_id - 1)

    def element(self, tag: str, **attrs: str) -> BaseOxmlElement:
        """``w:<tag>`` with a fresh id, the author and the date (plus ``attrs``)."""
        return OxmlElement(
            f"w:{tag}",
            attrs={
                qn("w:id"): self.new_id(),
                qn("w:author"): REVISION_AUTHOR,
                qn("w:date"): self.date,
                **{qn(f"w:{k}"): v for k, v in attrs.items()},
            },
        )


def paired_moves(redline: Redline) -> set[int]:
    """Numbers of the moves with text at both ends (the others show as a deletion and an insertion)."""
    pieces = [p for b in redline.blocks for p in b.pieces]
    to = {p.number for p in pieces if p.kind == "moved" and p.text("new").strip()}
    away = {p.number for p in pieces if p.kind == "moved_away" and p.text("old").strip()}
    return {n for n in to & away if n is not None}


def piece_chars(piece: Piece, moves: set[int]) -> list[tuple[str, Mark]]:
    """The piece's characters, each with its mark, trimmed in each year as `Piece.text(side).strip()`."""
    chars = [
        (ch, mark) for op, text in piece.segments if (mark := _segment_mark(piece, op, moves)) for ch in text
    ]
    for side, k in (("old", 0), ("new", 1)):
        seen = [i for i, (_, mark) in enumerate(chars) if _SIDES[mark][k]]
        edges = set(_leading_space(chars, seen) + _leading_space(chars, seen[::-1]))
        kept: list[tuple[str, Mark]] = []
        for i, (ch, mark) in enumerate(chars):
            left = _WITHOUT[(mark, side)] if i in edges else mark
            if left is not None:
                kept.append((ch, left))
        chars = kept
    return chars


def _leading_space(chars: list[tuple[str, Mark]], order: list[int]) -> list[int]:
    """Indexes (in ``order``) of the white space before the first other character."""
    out = []
    for i in order:
        if not chars[i][0].isspace():
            break
        out.append(i)
    return out


def _segment_mark(piece: Piece, op: str, moves: set[int]) -> Mark | None:
    """How a segment of a piece is marked (None: it reads in neither year at this place)."""
    moving = piece.number in moves
    if piece.kind == "moved_away":  # the old wording where the sentence stood
        return None if op == "insert" else "moveFrom" if moving else "del"
    if piece.kind == "moved":  # the new wording where it stands now (its lost words show at the old place)
        return None if op == "delete" else "moveTo" if moving and op == "equal" else "ins"
    return _SEGMENT_MARKS[op]


def group_spans(chars: list[tuple[str, Mark]]) -> list[Span]:
    """Consecutive characters of one mark as one span."""
    spans: list[Span] = []
    for ch, mark in chars:
        if spans and spans[-1].mark == mark:
            spans[-1].text += ch
        else:
            spans.append(Span(ch, mark))
    return spans


def block_spans(block: Block, moves: set[int]) -> list[PieceSpans]:
    """A paragraph's pieces as runs, joined by single spaces in each year as `Redline.text` joins them."""
    out = []
    seen = [False, False]
    for piece in block.pieces:
        chars = piece_chars(piece, moves)
        reads = [any(_SIDES[m][k] for _, m in chars) for k in (0, 1)]
        joins = (reads[0] and seen[0], reads[1] and seen[1])
        separator = Span(" ", _JOIN_MARKS[joins]) if any(joins) else None
        seen = [seen[k] or reads[k] for k in (0, 1)]
        if chars:
            moving = piece.number in moves and piece.kind in ("moved", "moved_away")
            move = f"move{piece.number}" if moving else None
            out.append(PieceSpans(piece, separator, group_spans(chars), move))
    return out


def add_redline(doc: DocumentObject, redline: Redline, at: datetime, old_label: str, new_label: str) -> None:
    """Item 1C in reading order with every change a tracked change dated ``at``, under its own heading."""
    rev = _Revisions(at, first_id=_comment_count(redline) + 1)  # (comment ids count up from 0)
    doc.add_heading("Item 1C, redlined", 1)
    doc.add_paragraph(
        f"The changes from {old_label} to {new_label} are Word tracked changes: accept them "
        f"all to read {new_label}, reject them all to read {old_label}. Comments number the "
        "changes."
    )
    moves = paired_moves(redline)
    written: list[Paragraph] = []
    for block in redline.blocks:
        pieces = block_spans(block, moves)
        if not pieces:
            continue
        p = doc.add_paragraph(style="Heading 2" if block.kind == "heading" else None)
        _mark_paragraph(p, pieces, rev)
        for ps in pieces:
            _write_piece(doc, p, ps, rev)
        written.append(p)
    if not written:
        doc.add_paragraph("Neither year has any text in Item 1C.")
        return
    _bookmark(written[0], written[-1], rev)


def _comment_count(redline: Redline) -> int:
    """How many comments the redline gets (one per change, at its new place)."""
    return sum(_comment_text(p) is not None for b in redline.blocks for p in b.pieces)


def _mark_paragraph(p: Paragraph, pieces: list[PieceSpans], rev: _Revisions) -> None:
    """A paragraph that reads in one year only has its paragraph mark inserted or deleted too."""
    marks = [s.mark for ps in pieces for s in ps.spans]
    in_old = any(_SIDES[m][0] for m in marks)
    in_new = any(_SIDES[m][1] for m in marks)
    if in_old and in_new:
        return
    p_pr = p._p.get_or_add_pPr()
    r_pr = OxmlElement("w:rPr")
    r_pr.append(rev.element("del" if in_old else "ins"))
    p_pr.append(r_pr)


def _write_piece(doc: DocumentObject, p: Paragraph, ps: PieceSpans, rev: _Revisions) -> None:
    """Append a piece's runs to the paragraph: the separator, then its text inside its move range and
    comment."""
    if ps.separator is not None:
        p._p.append(_revision_run(ps.separator, rev))
    comment = _comment_text(ps.piece)
    comment_id = None
    if comment is not None:
        comment_id = str(doc.comments.add_comment(comment, author=REVISION_AUTHOR, initials="T").comment_id)
        p._p.append(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): comment_id}))
    range_tag = "moveFromRange" if ps.piece.kind == "moved_away" else "moveToRange"
    range_id = None
    if ps.move is not None:
        start = rev.element(f"{range_tag}Start", name=ps.move)
        range_id = start.get(qn("w:id"))
        p._p.append(start)
    for span in ps.spans:
        p._p.append(_revision_run(span, rev))
    if range_id is not None:
        p._p.append(OxmlElement(f"w:{range_tag}End", attrs={qn("w:id"): range_id}))
    if comment_id is not None:
        p._p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): comment_id}))
        p._p.append(_comment_reference(comment_id))


def _revision_run(span: Span, rev: _Revisions) -> BaseOxmlElement:
    """A run of text, wrapped in its revision element unless unchanged."""
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText" if span.mark == "del" else "w:t")
    text.text = span.text
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(text)
    if span.mark == "equal":
        return run
    wrapper = rev.element(span.mark)
    wrapper.append(run)
    return wrapper


def _comment_reference(comment_id: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    r_pr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    run.append(r_pr)
    run.append(OxmlElement("w:commentReference", attrs={qn("w:id"): comment_id}))
    return run


def _comment_text(piece: Piece) -> str | None:
    """The margin note of a change: its number, what happened, where it sits, why it matters."""
    if piece.number is None or piece.kind in ("same", "moved_away"):
        return None
    what = "moved and reworded" if piece.kind == "moved" and piece.rewritten else _KIND_WORDS[piece.kind]
    parts = [f"Change {piece.number}: {what}"]
    ch = piece.change
    if ch is not None and ch.severity:
        parts[0] += f" ({ch.severity})"
    if ch is not None and ch.why:
        parts.append(_capital(ch.why))
    if piece.element_labels:
        parts.append("In: " + "; ".join(piece.element_labels))
    return ". ".join(parts) + "."


def _bookmark(first: Paragraph, last: Paragraph, rev: _Revisions) -> None:
    """A bookmark from the start of ``first`` to the end of ``last``."""
    mark_id = rev.new_id()
    start = OxmlElement("w:bookmarkStart", attrs={qn("w:id"): mark_id, qn("w:name"): REDLINE_BOOKMARK})
    p_pr = first._p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        first._p.insert(0, start)
    last._p.append(OxmlElement("w:bookmarkEnd", attrs={qn("w:id"): mark_id}))


# --------------------------------------------------------------------------- appendix
def _appendix(doc: DocumentObject, ctx: ComparisonContext, at: datetime) -> None:
    """Similarity measures, where the two sides came from, when the report was made."""
    doc.add_heading("Appendix", 1)
    doc.add_heading("Similarity", 2)
    doc.add_paragraph(
        "How alike the two years' Item 1C texts are, from 0 (nothing in common) to 1 (the same words)."
    )
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Measure", "Value", "What it measures")):
        _cell_text(cell, [title], bold=True)
    for m in measures(ctx.comparison.similarity.to_json()):
        cells = table.add_row().cells
        for cell, text in zip(cells, (m.label, m.value, MEASURE_NOTES.get(m.name, ""))):
            _cell_text(cell, [text])
    doc.add_heading("Provenance", 2)
    for label, meta in _sides(ctx):
        doc.add_paragraph(f"{label}: " + "; ".join(_provenance(meta)) + ".", style="List Bullet")
    doc.add_paragraph(
        f"Generated by {generated_line(at)}. Tracked changes are by \u201c{REVISION_AUTHOR}\u201d."
    )


def _sides(ctx: ComparisonContext) -> Iterator[tuple[str, dict]]:
    yield side_view(ctx.old_meta, "Earlier filing").label, ctx.old_meta
    yield side_view(ctx.new_meta, "Later filing").label, ctx.new_meta


def _provenance(meta: dict) -> list[str]:
    """What is known of where one side came from."""
    out = [meta.get("form") or "annual report"]
    if meta.get("version") is not None:
        out.append(f"stored version {meta['version']}")
    out.append("XBRL-tagged" if meta.get("tagged") else "not tagged")
    if meta.get("period_end"):
        out.append(f"period ended {meta['period_end']}")
    if meta.get("source"):
        out.append(f"source {Path(str(meta['source'])).name}")
    if meta.get("sha256"):
        out.append(f"sha256 {meta['sha256']}")
    return out
