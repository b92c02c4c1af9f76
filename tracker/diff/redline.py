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
from tracker.text.headings import is_subheading
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


@dataclass(frozen=True)
class Place:
    """Where a sentence stands in one year's section (its first occurrence)."""

    index: int
    """The paragraph's index among all the section's paragraphs."""
    heading: bool
    """Whether that paragraph is a sub-heading."""
    number: int
    """The paragraph's number as a reader counts them (sub-headings not counted)."""
    under: str | None
    """The sub-heading it stands under (None before the first)."""


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
    heading: str | None = None
    """The filing's sub-heading it falls under in reading order (None before the first, or where there is none)."""
    old_place: tuple[int, str | None] | None = None
    """For a moved sentence (at both its places): its paragraph's number in the earlier year (sub-headings not
    counted) and the sub-heading it stood under."""
    boilerplate: int = 0
    """How many other filers state this sentence nearly alike, when it is common boilerplate (else 0): the
    reports put a small mark beside it so that a reader can skip it (see tracker.diff.boilerplate)."""

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
        heading = piece.kind != "moved_away" and (
            new_at.heading if new_at else bool(old_at and old_at.heading)
        )
        if piece.kind == "moved_away" and old_at is not None and not old_at.heading:
            piece.old_place = (old_at.number, old_at.under)
        block = blocks[-1] if blocks else None
        if block is None or heading or block.kind == "heading" or _starts_block(block, piece, new_at, old_at):
            block = Block("heading" if heading else "paragraph")
            blocks.append(block)
        block.pieces.append(piece)
        if new_at is not None:
            block.new_para = new_at.index
        if old_at is not None and piece.kind not in ("moved", "moved_away"):
            block.old_para = old_at.index
    changes: list[Piece] = []
    heading_text: str | None = None
    for block in blocks:
        if block.kind == "heading":
            heading_text = _heading_text(block) or heading_text
        for piece in block.pieces:
            piece.heading = heading_text
            if piece.kind not in ("same", "moved_away"):
                changes.append(piece)
                piece.number = len(changes)
    if c.new.boilerplate or c.old.boilerplate:
        for block in blocks:
            for piece in block.pieces:
                piece.boilerplate = _boilerplate(c, piece)
    moved_to = {id(p.change): p for p in changes if p.kind == "moved" and p.change is not None}
    for block in blocks:
        for piece in block.pieces:
            target = moved_to.get(id(piece.change)) if piece.kind == "moved_away" else None
            if target is not None:
                piece.number, target.old_place = target.number, piece.old_place
    return Redline(blocks, changes)


def _boilerplate(c: Comparison, piece: Piece) -> int:
    """How many other filers state the piece's sentence nearly alike (the later year's wording, else the
    earlier's), when that makes it common boilerplate; 0 for a moved sentence's old place."""
    if piece.kind == "moved_away":
        return 0
    new = piece.text("new").strip()
    if new:
        return c.new.boilerplate.get(comparison_key(new), 0)
    return c.old.boilerplate.get(comparison_key(piece.text("old").strip()), 0)


def _heading_text(block: Block) -> str:
    """A sub-heading as it reads (the later year's words, else the earlier's), without a closing colon."""
    text = " ".join(t for t in (p.text("new").strip() or p.text("old").strip() for p in block.pieces) if t)
    return text.rstrip(":").strip()


def _starts_block(block: Block, piece: Piece, new_at: Place | None, old_at: Place | None) -> bool:
    """Whether the piece opens a new paragraph."""
    if piece.kind == "moved_away":
        return False  # the marker stays in the paragraph it left
    if new_at is not None:
        if block.new_para is None:  # a paragraph begun by removed sentences: joined where the old one goes on
            return not (old_at is not None and old_at.index == block.old_para)
        return new_at.index != block.new_para
    if old_at is not None:
        return (
            block.old_para is not None
            and old_at.index != block.old_para
            or block.old_para is None
            and block.new_para is not None
        )
    return False


def _paragraph_index(d: Disclosure) -> dict[str, Place]:
    """Sentence key -> where it stands in the section (first occurrence)."""
    out: dict[str, Place] = {}
    text = d.section_text if d.section_text.strip() else "\n\n".join(str(e.value) for e in d.text_elements)
    number, under = 0, None
    for k, para in enumerate(paragraphs(text)):
        heading = is_subheading(para)
        if heading:
            under = para.rstrip(":").strip()
        else:
            number += 1
        for s in sentences(para):
            out.setdefault(comparison_key(s), Place(k, heading, number, under))
    return out


def reading_order(pairs: list[AlignedPair]) -> list[tuple[AlignedPair, bool]]:
    """The aligned pairs in reading order, each moved sentence twice: at its new place (False) and, marked True,
    where it stood (before the first pair that stood after it in the earlier year)."""
    out: list[tuple[AlignedPair, bool]] = []
    moved = [p for p in pairs if p.moved and p.old and p.new]
    placed: set[int] = set()
    for p in pairs:
        start = p.old[0].position if p.old else None
        if start is not None and not p.moved:
            for m in moved:
                if id(m) not in placed and start > m.old[0].position:
                    out.append((m, True))
                    placed.add(id(m))
        out.append((p, False))
    out += [(m, True) for m in moved if id(m) not in placed]
    return out


def _stream(pairs: list[AlignedPair], by_key: dict[tuple, Change]) -> list[tuple[Piece, AlignedPair]]:
    """The pieces in reading order, a marker where each moved sentence stood."""
    return [(_marker(p, by_key) if marker else _piece(p, by_key), p) for p, marker in reading_order(pairs)]


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
