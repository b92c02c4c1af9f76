"""Item 1C as one document in reading order, with the year's changes marked in it: the redline every report
format shares (HTML, Word with tracked changes, e-mail, text).

A comparison's aligned sentences (`Comparison.pairs`) already run in the new year's order with removed sentences
where they stood. This module gives them back their paragraphs and the filing's own sub-headings, so that each
sentence appears once, a rewritten sentence carries its word edits inline, and a moved sentence shows at its new
place with a marker where it stood. Each text change gets a number in reading order: the change list, the
margin labels and the tracked changes of the Word file all use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tracker.diff.compare import AlignedPair, Comparison, Sentence
from tracker.models import UNTAGGED_ELEMENT, Change, Disclosure, spec_for
from tracker.read.untagged import is_subheading
from tracker.text.normalize import comparison_key, paragraphs, sentences

PieceKind = Literal["same", "changed", "added", "removed", "moved", "moved_away"]
SegmentOp = Literal["equal", "insert", "delete"]

_OPS: dict[int, SegmentOp] = {0: "equal", 1: "insert", -1: "delete"}
_CHANGE_KIND = {
    "changed": "text_changed",
    "added": "text_added",
    "removed": "text_removed",
    "moved": "text_moved",
}


@dataclass
class Piece:
    """One sentence (or a few, where the years split it differently) of the redline."""

    kind: PieceKind
    """``same`` (no change but of form), ``changed``, ``added``, ``removed``, ``moved`` (at its new place, maybe also
    rewritten) or ``moved_away`` (a marker where a moved sentence stood)."""
    segments: list[tuple[SegmentOp, str]]
    """The text: equal runs, insertions and deletions (a marker has none)."""
    elements: list[str]
    """The cyd elements the sentence sits in (the new year's; the old year's for a removed sentence)."""
    number: int | None = None
    """The change's number in reading order (None for unchanged text)."""
    change: Change | None = None
    """The text change this piece shows."""
    rewritten: bool = False
    """For a move: the sentence was also reworded."""

    @property
    def anchor(self) -> str | None:
        """Id of the piece: ``c3`` for change 3, ``c3-from`` for the place a moved sentence left."""
        if self.number is None:
            return None
        return f"c{self.number}-from" if self.kind == "moved_away" else f"c{self.number}"

    @property
    def link(self) -> str | None:
        """The other end of a move."""
        if self.kind == "moved":
            return f"c{self.number}-from"
        if self.kind == "moved_away":
            return f"c{self.number}"
        return None

    def text(self, side: Literal["old", "new"]) -> str:
        """The piece as it reads in one year (a move reads at its new place in the new year only)."""
        if self.kind == "moved_away":
            return "".join(t for op, t in self.segments if op != "insert") if side == "old" else ""
        if self.kind == "moved" and side == "old":
            return ""
        drop = "insert" if side == "old" else "delete"
        return "".join(t for op, t in self.segments if op != drop)

    @property
    def element_labels(self) -> list[str]:
        """Plain-English labels of its elements (text outside any element left out)."""
        return [spec_for(e).reader_label for e in self.elements if e != UNTAGGED_ELEMENT]


@dataclass
class Block:
    """A paragraph or a sub-heading of the section."""

    kind: Literal["heading", "paragraph"]
    """``heading`` for the filing's own sub-headings ("Cybersecurity Governance")."""
    pieces: list[Piece] = field(default_factory=list)
    """Its sentences in reading order."""
    new_para: int | None = None
    """Index of the paragraph in the new year's section (None when the paragraph is gone)."""
    old_para: int | None = None
    """Index of the paragraph in the old year's section (None when the paragraph is new)."""

    @property
    def changed(self) -> bool:
        """Whether any sentence of it changed, came, went or moved."""
        return any(p.kind != "same" for p in self.pieces)


@dataclass
class Redline:
    """Item 1C in reading order with every text change marked once, and the changes numbered."""

    blocks: list[Block]
    """Sub-headings and paragraphs in reading order."""
    changes: list[Piece]
    """The changed pieces in reading order (a move once, at its new place): change n is ``changes[n - 1]``."""

    def text(self, side: Literal["old", "new"]) -> list[str]:
        """The paragraphs of one year as the redline reads with every change accepted (new) or rejected (old)."""
        out = []
        for block in self.blocks:
            words = " ".join(t for t in (p.text(side).strip() for p in block.pieces) if t)
            if words:
                out.append(words)
        return out


def build(c: Comparison) -> Redline:
    """The redline of a comparison."""
    new_paras = _paragraph_index(c.new)
    old_paras = _paragraph_index(c.old)
    by_key = {change_key(ch): ch for ch in c.changes if ch.kind.startswith("text_")}
    stream = _stream(c.pairs, by_key)
    blocks: list[Block] = []
    for piece, pair in stream:
        new_at = new_paras.get(pair.new[0].key) if pair.new and piece.kind != "moved_away" else None
        old_at = old_paras.get(pair.old[0].key) if pair.old else None
        heading = _is_heading(piece, pair, new_at, old_at, c)
        block = blocks[-1] if blocks else None
        if block is None or heading or block.kind == "heading" or _starts_block(block, piece, new_at, old_at):
            block = Block("heading" if heading else "paragraph")
            blocks.append(block)
        block.pieces.append(piece)
        if new_at is not None:
            block.new_para = new_at[0]
        if old_at is not None and piece.kind not in ("moved", "moved_away"):
            block.old_para = old_at[0]
    numbered = 0
    changes: list[Piece] = []
    for block in blocks:
        for piece in block.pieces:
            if piece.kind in ("same", "moved_away"):
                continue
            numbered += 1
            piece.number = numbered
            changes.append(piece)
    moved_to = {id(p.change): p.number for p in changes if p.kind == "moved" and p.change is not None}
    for block in blocks:
        for piece in block.pieces:
            if piece.kind == "moved_away":
                piece.number = moved_to.get(id(piece.change))
    return Redline(blocks, changes)


def _starts_block(
    block: Block, piece: Piece, new_at: tuple[int, bool] | None, old_at: tuple[int, bool] | None
) -> bool:
    """Whether the piece opens a new paragraph."""
    if piece.kind == "moved_away":
        return False  # the marker stays in the paragraph it left
    if new_at is not None:
        if block.new_para is None:  # a paragraph begun by removed sentences: joined where the old one goes on
            return not (old_at is not None and old_at[0] == block.old_para)
        return new_at[0] != block.new_para
    if old_at is not None:
        return (
            block.old_para is not None
            and old_at[0] != block.old_para
            or block.old_para is None
            and block.new_para is not None
        )
    return False


def _is_heading(
    piece: Piece,
    pair: AlignedPair,
    new_at: tuple[int, bool] | None,
    old_at: tuple[int, bool] | None,
    c: Comparison,
) -> bool:
    if piece.kind == "moved_away":
        return False
    if new_at is not None:
        return new_at[1]
    return bool(old_at and old_at[1])


def _paragraph_index(d: Disclosure) -> dict[str, tuple[int, bool]]:
    """Sentence key -> (paragraph index, whether the paragraph is a sub-heading), first occurrence."""
    out: dict[str, tuple[int, bool]] = {}
    text = d.section_text if d.section_text.strip() else "\n\n".join(str(e.value) for e in d.text_elements)
    for k, para in enumerate(paragraphs(text)):
        heading = is_subheading(para)
        for s in sentences(para):
            out.setdefault(comparison_key(s), (k, heading))
    return out


def _stream(pairs: list[AlignedPair], by_key: dict[tuple, Change]) -> list[tuple[Piece, AlignedPair]]:
    """The pieces in reading order, a marker where each moved sentence stood (before the first piece that stood
    after it in the old year)."""
    out: list[tuple[Piece, AlignedPair]] = []
    moved = [p for p in pairs if p.moved and p.old and p.new]
    placed: set[int] = set()
    for p in pairs:
        start = p.old[0].position if p.old else None
        if start is not None and not p.moved:
            for m in moved:
                if id(m) not in placed and start > m.old[0].position:
                    out.append((_marker(m, by_key), m))
                    placed.add(id(m))
        out.append((_piece(p, by_key), p))
    out += [(_marker(m, by_key), m) for m in moved if id(m) not in placed]
    return out


def _piece(p: AlignedPair, by_key: dict[tuple, Change]) -> Piece:
    elements = _elements(p.new or p.old)
    if p.status == "same" and not p.moved:
        return Piece("same", [("equal", p.new_text)], elements)
    ch = by_key.get(pair_key(p))
    if p.moved and p.old and p.new:
        ops: list[tuple[SegmentOp, str]] = [("equal", p.new_text)]
        if p.status == "changed" and p.ops:
            ops = [(_OPS[op], t) for op, t in p.ops]
        return Piece("moved", ops, elements, change=ch, rewritten=p.status == "changed")
    if p.status == "changed":
        return Piece("changed", [(_OPS[op], t) for op, t in (p.ops or [])], elements, change=ch)
    if p.status == "added":
        return Piece("added", [("insert", p.new_text)], elements, change=ch)
    return Piece("removed", [("delete", p.old_text)], elements, change=ch)


def _marker(p: AlignedPair, by_key: dict[tuple, Change]) -> Piece:
    return Piece("moved_away", [("delete", p.old_text)], _elements(p.old), change=by_key.get(pair_key(p)))


def _elements(sentences_: list[Sentence]) -> list[str]:
    return list(dict.fromkeys(e for s in sentences_ for e in s.elements))


def pair_key(p: AlignedPair) -> tuple:
    """What identifies the text change an aligned piece produced (as `change_key` sees it from the change)."""
    if p.status == "changed":
        return ("text_changed", p.old_text, p.new_text)
    if p.status == "moved":
        return ("text_moved", p.new_text, p.old[0].position, p.new[0].position)
    if p.status == "added":
        return ("text_added", p.new_text, p.new[0].position)
    return ("text_removed", p.old_text, p.old[0].position)


def change_key(ch: Change) -> tuple:
    """The same identity, seen from the change."""
    if ch.kind == "text_changed":
        return (ch.kind, ch.old, ch.new)
    if ch.kind == "text_moved":
        return (ch.kind, ch.text, ch.from_position, ch.to_position)
    if ch.kind == "text_added":
        return (ch.kind, ch.text, ch.to_position)
    return (ch.kind, ch.text, ch.from_position)
