"""HTML reports: the change report, the history report and the e-mail digest.

The only module that builds a Jinja Environment. Each report is rendered from a typed context object
(`ComparisonReport`, `HistoryReport`, `DigestReport`) built here from the library's results, so the
templates never reach into the differ; every value a template shows is a field documented below.

The templates write their CSS in a ``<style>`` block; `css_inline` then moves it into ``style``
attributes (what e-mail clients keep) and leaves only the at-rules (dark mode, narrow screens, print)
in a small ``<style>``. The result is one self-contained file: no script, no external resource.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

import css_inline
import jinja2

from tracker import __version__
from tracker.diff import redline
from tracker.diff.compare import NOT_COMPARED, AlignedPair, Comparison
from tracker.diff.context import ComparisonContext, History
from tracker.diff.redline import change_key, pair_key
from tracker.diff.significance import SIGNIFICANCE_ORDER, restated_note
from tracker.errors import TrackerError
from tracker.models import FLAGS, Change, spec_for
from tracker.render.labels import MEASURE_EXPLANATIONS, MEASURES, display_value, fact_label, named, repeats
from tracker.render.text import STILL_HEADING, still_heading, unchanged_lines
from tracker.text.normalize import comparison_key

SECTIONS = ("Risk management and strategy", "Governance", "Other")
SECTION_ANCHORS = {
    "Risk management and strategy": "sec-risk",
    "Governance": "sec-governance",
    "Other": "sec-other",
}
#: How the verdict box is styled, by significance.
VERDICT_TONES = {
    "no substantive change": "none",
    "routine": "routine",
    "notable": "minor",
    "significant": "rewritten",
}

Op = Literal["equal", "insert", "delete"]
_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}


# --------------------------------------------------------------------------- context objects
@dataclass
class Segment:
    """A run of redline text."""

    op: Op
    """equal, insert (shown as <ins>) or delete (shown as <del>)."""
    text: str
    """The words, unescaped (the template escapes them)."""


@dataclass
class FilerView:
    """Who filed."""

    name: str
    """Registrant name, or a stand-in when unknown."""
    cik: str | None
    """Zero-padded CIK."""
    tickers: list[str]
    """Trading symbols."""
    other: FilerView | None = None
    """The earlier side's filer, when a comparison sets two filers side by side."""

    @property
    def heading(self) -> str:
        """The name, or both names when two filers are compared."""
        return f"{self.other.name} and {self.name}" if self.other else self.name


@dataclass
class SideView:
    """One side (year) of a comparison."""

    label: str
    """Short label: ``FY2023``."""
    form: str
    """10-K, 20-F, ... (``annual report`` when unknown)."""
    version: int | None
    """Stored version number (None when compared from a file)."""
    tagged: bool
    """True when the filing carries cyd Inline XBRL tags."""
    source: str
    """File name of the source document."""
    sha256: str | None
    """First 16 hex digits of the source's sha256."""
    period_end: str | None
    """Period end date, ISO."""


@dataclass
class Mark:
    """A flag or fact value with where it came from."""

    text: str
    """The value as shown: ``true``, ``false``, ``not stated``, a fact value."""
    source: str
    """tagged, inferred or absent (empty: nothing to say, e.g. a fact of a tagged year)."""


@dataclass
class Measure:
    """One similarity measure."""

    name: str
    """Key as in the JSON (cosine, jaccard, min_edit, simple)."""
    label: str
    """Human label."""
    value: str
    """Formatted to three decimals."""
    explanation: str = ""
    """What it measures, in one line."""


@dataclass
class FlagRow:
    """A flag that flipped."""

    anchor: str
    """Id of its detail entry."""
    label: str
    """Standard label of the flag."""
    severity: str
    """high, medium or low."""
    old: Mark
    """Old value."""
    new: Mark
    """New value."""
    evidence_old: str | None
    """Sentence supporting an inferred old value."""
    evidence_new: str | None
    """Sentence supporting an inferred new value."""


@dataclass
class FactRow:
    """A fact that changed, appeared or disappeared."""

    anchor: str
    """Id of its detail entry."""
    fact: str
    """Fact name (facts.md)."""
    label: str
    """Human label."""
    verb: str
    """changed, added or removed."""
    severity: str
    """high, medium or low."""
    old: Mark | None
    """Old value (None when added)."""
    new: Mark | None
    """New value (None when removed)."""
    evidence_old: str | None
    """The old sentence stating it."""
    evidence_new: str | None
    """The new sentence stating it."""
    summary: str = ""
    """What changed, in plain English."""
    why: str = ""
    """Why it matters, in plain English."""


@dataclass
class ElementNote:
    """A whole element that appeared or disappeared."""

    anchor: str
    """Id of its entry."""
    label: str
    """Element label."""
    verb: str
    """appeared or disappeared."""
    severity: str
    """high, medium or low."""
    target: str
    """Anchor of the element's section entry."""


@dataclass
class RedlineItem:
    """One piece of an element's inline redline."""

    kind: Literal["unchanged", "changed", "added", "removed", "moved", "moved_away"]
    """What the piece is; ``moved_away`` marks where a moved sentence used to stand."""
    segments: list[Segment] = field(default_factory=list)
    """The text, with insertions and deletions (empty for unchanged and moved_away)."""
    count: int = 0
    """Number of unchanged sentences left out (unchanged only)."""
    anchor: str | None = None
    """Id of this piece."""
    link: str | None = None
    """Anchor this piece points to: the new place of a moved sentence, or its old place."""
    old_position: int | None = None
    """Sentence position in the old text."""
    new_position: int | None = None
    """Sentence position in the new text."""
    also_in: list[str] = field(default_factory=list)
    """Labels of the other elements the same change sits in (counted once)."""


@dataclass
class SideBySideRow:
    """An old | new row for a sentence that was rewritten, added or removed."""

    kind: Literal["changed", "added", "removed"]
    """What happened to the sentence."""
    old: list[Segment]
    """Old sentence with deletions (empty when added)."""
    new: list[Segment]
    """New sentence with insertions (empty when removed)."""
    link: str
    """Anchor of the same change in the redline."""


@dataclass
class ElementView:
    """One element's changes."""

    anchor: str
    """Id of the element's entry."""
    name: str
    """Local name."""
    label: str
    """Standard label."""
    item: str
    """Item 106 paragraph, e.g. (c)(1)."""
    changes: int
    """Number of text changes touching it."""
    similarity: list[Measure]
    """Its similarity measures (empty when present on one side only)."""
    notes: list[ElementNote]
    """Element added or removed."""
    redline: list[RedlineItem]
    """Inline redline, unchanged runs collapsed."""
    rows: list[SideBySideRow]
    """Side-by-side view of changed sentences."""


@dataclass
class SectionView:
    """A report section (Item 106 (b) or (c))."""

    title: str
    """Risk management and strategy, Governance, Other."""
    anchor: str
    """Id of the section."""
    flags: list[FlagRow]
    """Flags of this section that flipped."""
    elements: list[ElementView]
    """Elements with changes, in document order."""
    unchanged: list[str]
    """Labels of the section's text elements without any change."""


@dataclass
class ComparisonReport:
    """Everything the change report shows."""

    title: str
    """Document title."""
    filer: FilerView
    """Who filed."""
    old: SideView
    """The earlier year."""
    new: SideView
    """The later year."""
    verdict: str
    """The verdict in one line (significance, top changes, extent)."""
    significance: str
    """significant, notable, routine or no substantive change."""
    extent: str
    """no wording change, minor edits, or substantially rewritten, expanded, shortened, reorganised or revised."""
    top: list[str]
    """The top changes in plain English, most important first."""
    tone: str
    """none, routine, minor or rewritten (styles the verdict, by significance)."""
    counts: dict[str, int]
    """Changes by severity, each matter once (`Comparison.counted`): high, medium, low."""
    restated: str
    """What the counts say of the changes that are the wording of a flag, fact or people change
    (`significance.restated_note`: "" when none is)."""
    similarity: list[Measure]
    """The four measures over the whole disclosure."""
    text_changes: int
    """Number of distinct wording changes (a sentence shared by several elements counts once)."""
    sections: list[SectionView]
    """The per-element view, by Item 106 section (with `verbose` only)."""
    notes: list[str]
    """What the reader should know about the comparison (inference across an untagged year)."""
    has_changes: bool
    """False when the two years say the same thing."""
    generated: str
    """Generator and time stamp for the footer."""
    rows: list[ChangeRow] = field(default_factory=list)
    """Flag, fact and people changes: one table."""
    redline: list[RedBlock] = field(default_factory=list)
    """Item 1C in reading order with the changes marked."""
    change_list: list[ListedChange] = field(default_factory=list)
    """The wording changes, numbered in reading order."""
    paragraph_rows: list[ParagraphRow] = field(default_factory=list)
    """Side by side, paragraph by paragraph."""
    compact: bool = False
    """The e-mail body: changed sentences with at most one sentence of context, no side-by-side."""
    verbose: bool = False
    """Also the per-element view and the cyd element names."""
    omitted: int = 0
    """Wording changes left out of an e-mail body to keep it small (the attached report has them)."""
    incidents: list[str] = field(default_factory=list)
    """8-K cybersecurity incidents reported between the two years, one line each (shown first)."""
    compared: bool = True
    """False when a year's text was not read (Item 1C incorporated by reference, exhibit not read)."""
    unchanged: list[str] = field(default_factory=list)
    """What both years state alike, one line a fact ("Board oversight: audit committee"); or, where one year was not
    read, what the other states."""
    still_heading: str = STILL_HEADING
    """The heading of `unchanged` (`tracker.render.text.still_heading`)."""


@dataclass
class FactCell:
    """One fact in one year of a history."""

    text: str
    """Values stated that year, or an empty string."""
    changed: bool
    """True when it differs from the previous stored year."""


@dataclass
class HistoryRow:
    """One fact or flag across the years."""

    label: str
    """Human label."""
    name: str
    """Fact or flag name."""
    cells: list[FactCell | Mark]
    """One cell per year."""


@dataclass
class StepView:
    """One year-over-year comparison of a history."""

    old_year: int
    """Earlier year."""
    new_year: int
    """Later year."""
    verdict: str
    """Verdict in one line."""
    tone: str
    """none, routine, minor or rewritten."""
    similarity: list[Measure]
    """The four measures."""
    counts: dict[str, int]
    """Changes by severity."""
    significance: str = ""
    """significant, notable, routine or no substantive change."""
    extent: str = ""
    """no wording change, minor edits, or substantially rewritten, expanded, shortened, reorganised or revised."""
    top: list[str] = field(default_factory=list)
    """The top changes in plain English (none when nothing of substance changed)."""


@dataclass
class ChartSegment:
    """One severity's part of a stacked bar of the severity chart."""

    severity: str
    """high, medium or low."""
    count: int
    """Changes of that severity."""
    y: float
    """Top edge, in the chart's user units (y grows downwards)."""
    height: float
    """Height: the count times the chart's unit."""
    fill: str
    """Fill colour."""
    ink: str
    """Colour of the count written inside it (empty when the segment is too short to hold it)."""


@dataclass
class ChartBar:
    """The stacked bar of one year-over-year step."""

    label_lines: list[str]
    """The years under the bar: one line (``2023 → 2024``), or two where the bars are narrow."""
    x: float
    """Left edge."""
    width: float
    """Bar width."""
    total: int
    """All changes of the step; written above the bar (``0`` above an empty bar)."""
    top: float
    """Top edge of the stack (the baseline for an empty bar)."""
    segments: list[ChartSegment]
    """Non-zero severities, bottom (high) to top (low)."""
    text: str
    """The step in words: ``FY2023 to FY2024: 5 high, 3 medium, 17 low``."""


@dataclass
class ChartTick:
    """A horizontal grid line of the severity chart."""

    value: int
    """Number of changes."""
    y: float
    """Where the line is drawn."""


@dataclass
class ChartKey:
    """One entry of the chart's legend."""

    label: str
    """High, Medium or Low."""
    fill: str
    """Swatch colour."""
    x: float
    """Left edge of the swatch."""


@dataclass
class SeverityChart:
    """Changes by severity per year-over-year step, as the geometry of an inline SVG bar chart.

    All coordinates are in the SVG's user units (its viewBox is ``0 0 width height``); bar heights are
    proportional to the counts, scaled so that the step with the most changes fills the plot.
    """

    width: int
    """Width of the viewBox."""
    height: int
    """Height of the viewBox."""
    left: float
    """Left edge of the plot (the tick labels stand to its left)."""
    right: float
    """Right edge of the plot."""
    top: float
    """Top of the plot: where a bar of `scale` changes ends."""
    baseline: float
    """The zero line."""
    scale: int
    """The largest step total (at least 1)."""
    unit: float
    """Height of one change."""
    ticks: list[ChartTick]
    """Grid lines: 0, the middle and the maximum."""
    bars: list[ChartBar]
    """One per step, in order."""
    keys: list[ChartKey]
    """Legend, high to low."""
    title: str
    """Short title (the SVG's <title>)."""
    description: str
    """Every step's counts in words (the SVG's <desc> and accessible text)."""


@dataclass
class HistoryReport:
    """Everything the history report shows."""

    title: str
    """Document title."""
    filer: FilerView
    """Who filed."""
    years: list[SideView]
    """Every stored year (latest version)."""
    facts: list[HistoryRow]
    """Fact timeline: one row per fact, one FactCell per year."""
    flags: list[HistoryRow]
    """Flags by year: one Mark per year."""
    steps: list[StepView]
    """Similarity year over year."""
    generated: str
    """Generator and time stamp."""
    chart: SeverityChart | None = None
    """Changes by severity per step (None when there is no step)."""
    incidents: list[str] = field(default_factory=list)
    """8-K cybersecurity incidents on the timeline, one line each."""


@dataclass
class DigestEntry:
    """One filer in a digest."""

    anchor: str
    """Id of the filer's entry."""
    report: ComparisonReport
    """Its change report (the digest shows the summary; the full report is attached)."""
    attachment: str
    """File name of the attached full report."""


@dataclass
class DigestReport:
    """Everything the digest e-mail shows."""

    title: str
    """Document title."""
    entries: list[DigestEntry]
    """Filers with a newer year, most severe first."""
    skipped: list[str]
    """Watchlist entries left out, each with why."""
    generated: str
    """Generator and time stamp."""
    incidents: list[str] = field(default_factory=list)
    """New 8-K cybersecurity incidents of watched filers, most severe first, one line each (shown first)."""


@dataclass
class ChangeRow:
    """One row of the table of flag, fact and people changes."""

    anchor: str
    """Id of the row."""
    flag: bool
    """A flag flipped (its values are yes or no), not a fact or a person."""
    severity: str
    """high, medium or low."""
    what: str
    """What changed, in plain English (the change's summary, else its label and verb)."""
    label: str
    """The flag's or fact's plain label."""
    old: Mark | None
    """Value in the earlier year (None: not stated)."""
    new: Mark | None
    """Value in the later year (None: not stated)."""
    why: str
    """Why it matters."""
    evidence_old: str | None
    """The earlier year's sentence."""
    evidence_new: str | None
    """The later year's sentence."""
    evidence_link: str | None = None
    """Anchor of the redline change whose sentence is the evidence, when there is one."""


@dataclass
class RedPiece:
    """One sentence of the reading-order redline."""

    kind: str
    """same, changed, added, removed, moved, moved_away."""
    segments: list[Segment]
    """The text with its insertions and deletions."""
    number: int | None = None
    """Change number (None for unchanged text)."""
    anchor: str | None = None
    """Id of the piece."""
    link: str | None = None
    """The other end of a move."""
    labels: list[str] = field(default_factory=list)
    """Element labels shown beside it (only where they differ from the sentence before)."""
    severity: str = "low"
    """Of its change."""
    why: str = ""
    """Why its change matters (shown when not low)."""
    rewritten: bool = False
    """A move that was also reworded."""
    boilerplate: int = 0
    """Other filers stating the sentence nearly alike, when it is common boilerplate (a margin mark), else 0."""


@dataclass
class RedBlock:
    """A sub-heading, a paragraph, or a run of unchanged paragraphs folded away."""

    kind: Literal["heading", "paragraph", "unchanged"]
    """What it is."""
    pieces: list[RedPiece] = field(default_factory=list)
    """Its sentences (unchanged runs folded: their count is `skipped`)."""
    paragraphs: list[str] = field(default_factory=list)
    """For a folded run: the paragraphs' text (shown in a browser's <details>)."""
    skipped: int = 0
    """For a folded run, the number of paragraphs."""


@dataclass
class ListedChange:
    """An entry of the change list."""

    number: int
    """Change number."""
    anchor: str
    """Its place in the redline."""
    verb: str
    """Reworded, Added, Removed, Moved, Moved and reworded."""
    labels: list[str]
    """Element labels."""
    severity: str
    """high, medium or low."""
    why: str
    """Why it matters."""
    excerpt: list[Segment]
    """The start of its text, with its marks."""
    heading: str = ""
    """The sub-heading it falls under."""
    boilerplate: int = 0
    """Other filers stating the sentence nearly alike, when it is common boilerplate, else 0."""


@dataclass
class ParagraphRow:
    """A changed paragraph, earlier | later."""

    old: list[Segment]
    """The earlier paragraph with deletions marked."""
    new: list[Segment]
    """The later paragraph with insertions marked."""
    anchor: str
    """Its first change in the redline."""


# --------------------------------------------------------------------------- environment
def template_dirs() -> list[Path]:
    """Where the templates are: inside the installed package, else the checkout's templates/."""
    here = Path(__file__).resolve().parent.parent  # the package, tracker/
    return [p for p in (here / "templates", here.parent / "templates") if p.is_dir()]


@functools.cache
def environment() -> jinja2.Environment:
    """The one Jinja Environment: autoescape for HTML, StrictUndefined, trimmed blocks."""
    dirs = template_dirs()
    if not dirs:
        raise TrackerError(
            "the report templates are missing (no tracker/templates or templates/ folder); "
            "reinstall the tracker."
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["still_heading"] = STILL_HEADING  # (the heading the text report gives what stayed alike)
    return env


_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def render_template(name: str, **context: object) -> str:
    """Render a template; HTML gets its CSS inlined into style attributes."""
    text = environment().get_template(name).render(**context)
    if name.endswith(".html"):
        text = _INLINER.inline(text)
    return text


def render_comparison_html(
    ctx: ComparisonContext,
    *,
    generated_at: datetime | None = None,
    verbose: bool = False,
    compact: bool = False,
) -> str:
    """The change report of a comparison as one self-contained HTML document (`compact`: the e-mail body)."""
    report = comparison_report(ctx, generated_at=generated_at, verbose=verbose, compact=compact)
    return render_template("comparison.html", report=report)


#: Most bytes of an e-mail's HTML body: Gmail clips a message past about 102 KB.
EMAIL_HTML_LIMIT = 96_000


def render_email_html(
    ctx: ComparisonContext, *, generated_at: datetime | None = None, limit: int = EMAIL_HTML_LIMIT
) -> str:
    """The e-mail body: the compact report (one sentence of context around each change); past `limit` bytes, the
    changed sentences alone; past it still, the first changes that fit and a line saying how many more the
    attached report shows."""
    report = comparison_report(ctx, generated_at=generated_at, compact=True)
    html = render_template("comparison.html", report=report)
    if len(html.encode("utf-8")) <= limit:
        return html
    report = comparison_report(ctx, generated_at=generated_at, compact=True, context=0)
    html = render_template("comparison.html", report=report)
    full = report.redline
    keep = len(full)
    while len(html.encode("utf-8")) > limit and keep > 0:
        keep = keep * 3 // 4
        report.redline = full[:keep]
        report.omitted = sum(
            1
            for b in full[keep:]
            for piece in b.pieces
            if piece.number and piece.kind not in ("skip", "moved_away", "same")
        )
        html = render_template("comparison.html", report=report)
    return html


def render_history_html(hist: History, *, generated_at: datetime | None = None) -> str:
    """The history report of a filer as one self-contained HTML document."""
    return render_template("history.html", report=history_report(hist, generated_at=generated_at))


def render_digest_html(digest: DigestReport) -> str:
    """The digest e-mail body as one self-contained HTML document."""
    return render_template("email_digest.html", report=digest)


def render_digest_text(digest: DigestReport) -> str:
    """The digest as plain text (the e-mail's text part)."""
    return render_template("email_digest.txt", report=digest)


# --------------------------------------------------------------------------- building the change report
def comparison_report(
    ctx: ComparisonContext,
    *,
    generated_at: datetime | None = None,
    verbose: bool = False,
    compact: bool = False,
    context: int = 1,
) -> ComparisonReport:
    """The typed context of the change report (`compact`: the e-mail body, with `context` unchanged sentences
    around each change)."""
    c = ctx.comparison
    old, new = side_view(ctx.old_meta, "earlier filing"), side_view(ctx.new_meta, "later filing")
    filer = filer_view(ctx.filer)
    return ComparisonReport(
        title=f"{filer.heading}: cybersecurity disclosure {old.label} to {new.label}",
        filer=filer,
        old=old,
        new=new,
        verdict=c.verdict,
        significance=c.significance,
        extent=c.extent,
        top=list(c.judgement.top),
        tone=VERDICT_TONES.get(c.significance, "minor"),
        counts=c.counted,
        restated=restated_note(c.restated),
        similarity=measures(c.similarity.to_json()),
        text_changes=sum(ch.kind.startswith("text_") for ch in c.changes),
        sections=by_element(ctx) if verbose else [],
        notes=c.caveats + comparison_notes(old, new),
        has_changes=bool(c.changes),
        compared=c.significance != NOT_COMPARED,
        generated=generated_line(generated_at),
        compact=compact,
        verbose=verbose,
        incidents=list(ctx.incidents),
        unchanged=unchanged_lines(c),
        still_heading=still_heading(c),
        **reading_order(ctx, compact=compact, context=context),
    )


def by_element(ctx: ComparisonContext) -> list[SectionView]:
    """The per-element view (verbose): flags and elements by Item 106 section, each element's own redline and
    side-by-side rows. Its anchors are `e1`, `e2` ... so that they never meet the reading-order redline's."""
    c = ctx.comparison
    anchors = {id(ch): f"e{i}" for i, ch in enumerate(c.changes, 1)}
    flags = [flag_row(ch, anchors[id(ch)]) for ch in c.changes if ch.kind == "flag_flipped"]
    notes = [element_note(ch, anchors[id(ch)]) for ch in c.changes if ch.kind.startswith("element_")]
    return section_views(c, element_views(c, anchors, notes), flags)


# --------------------------------------------------------------------------- the reading-order report
_VERBS = {"changed": "Reworded", "added": "Added", "removed": "Removed", "moved": "Moved"}
#: Characters of a change's text the change list shows.
_EXCERPT = 160


def reading_order(ctx: ComparisonContext, *, compact: bool, context: int = 1) -> dict:
    """The report's table of flag, fact and people changes, its redline in reading order, the change list and
    the paragraph-by-paragraph view (ComparisonReport fields)."""
    c = ctx.comparison
    red = redline.build(c)
    by_sentence = {comparison_key(p.text("new") or p.text("old")): p.anchor for p in red.changes if p.anchor}
    rows = [
        change_row(ch, f"f{i}", ctx, by_sentence)
        for i, ch in enumerate(
            (ch for ch in c.changes if ch.kind == "flag_flipped" or ch.kind.startswith("fact_")), 1
        )
    ]
    blocks = red_blocks(red, compact=compact, context=context)
    return {
        "rows": rows,
        "redline": blocks,
        "change_list": change_list(red),
        "paragraph_rows": [] if compact else paragraph_rows(red),
    }


def change_row(ch: Change, anchor: str, ctx: ComparisonContext, by_sentence: dict[str, str]) -> ChangeRow:
    """One row of the table: a flag flipped, a fact or a person changed."""
    if ch.kind == "flag_flipped":
        flag = flag_row(ch, anchor)
        label = spec_for(ch.element or "").reader_label
        what = ch.summary or label
        old: Mark | None = flag.old
        new: Mark | None = flag.new
        ev_old, ev_new = flag.evidence_old, flag.evidence_new
    else:
        fact = fact_row(ch, anchor, ctx)
        label = fact.label
        what = fact.summary or f"{fact.label} {fact.verb}"
        old, new, ev_old, ev_new = fact.old, fact.new, fact.evidence_old, fact.evidence_new
    link = next((by_sentence.get(comparison_key(e)) for e in (ev_new, ev_old) if e), None)
    why = ch.why or ""
    if why and repeats(what, why):
        why = ""
    return ChangeRow(
        anchor,
        ch.kind == "flag_flipped",
        ch.severity,
        _sentence_case(what),
        label,
        old,
        new,
        why,
        ev_old,
        ev_new,
        link,
    )


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _segments(pairs: Iterable[tuple[str, str]]) -> list[Segment]:
    return [Segment(op, text) for op, text in pairs]  # type: ignore[arg-type]


def red_piece(piece: redline.Piece, labels: list[str]) -> RedPiece:
    """A redline.Piece as the templates show it."""
    ch = piece.change
    return RedPiece(
        piece.kind,
        _segments(piece.segments),
        piece.number,
        piece.anchor,
        piece.link,
        labels,
        ch.severity if ch else "low",
        (ch.why or "") if ch else "",
        piece.rewritten,
        piece.boilerplate,
    )


def red_blocks(red: redline.Redline, *, compact: bool, context: int = 1) -> list[RedBlock]:
    """The redline's blocks: unchanged paragraphs folded into runs; in the compact (e-mail) form, a changed
    paragraph keeps at most `context` sentences on each side of a change."""
    out: list[RedBlock] = []
    shown: list[str] = []
    for block in red.blocks:
        if not block.changed:
            text = " ".join(p.text("new") for p in block.pieces)
            if block.kind == "heading" and not compact:
                out.append(RedBlock("heading", [red_piece(p, []) for p in block.pieces]))
                continue
            if out and out[-1].kind == "unchanged":
                out[-1].paragraphs.append(text)
                out[-1].skipped += block.kind == "paragraph"
            else:
                out.append(RedBlock("unchanged", paragraphs=[text], skipped=int(block.kind == "paragraph")))
            continue
        pieces = []
        for p in block.pieces:
            labels = p.element_labels if p.kind != "same" else []
            pieces.append(red_piece(p, [] if labels == shown else labels))
            if labels:
                shown = labels
        kind: Literal["heading", "paragraph"] = block.kind
        if compact:
            out.append(_compact(kind, pieces, context))
        else:
            out.append(RedBlock(kind, pieces))
    return out


def _compact(kind: Literal["heading", "paragraph"], pieces: list[RedPiece], context: int) -> RedBlock:
    """Changed sentences with at most `context` unchanged sentences before and after each; the rest counted."""
    keep: set[int] = set()
    for k, p in enumerate(pieces):
        if p.kind != "same":
            keep.update(range(k - context, k + context + 1))
    block = RedBlock(kind, [])
    for k, p in enumerate(pieces):
        if k in keep:
            block.pieces.append(p)
        elif block.pieces and block.pieces[-1].kind == "skip":
            block.pieces[-1].number = (block.pieces[-1].number or 0) + 1
        else:
            block.pieces.append(RedPiece("skip", [], 1))
    return block


def change_list(red: redline.Redline) -> list[ListedChange]:
    """The wording changes in reading order, each with its place, labels, weight and the start of its text."""
    out = []
    for p in red.changes:
        ch = p.change
        verb = "Moved and reworded" if p.kind == "moved" and p.rewritten else _VERBS.get(p.kind, p.kind)
        out.append(
            ListedChange(
                p.number or 0,
                p.anchor or "",
                verb,
                p.element_labels,
                ch.severity if ch else "low",
                (ch.why or "") if ch else "",
                _excerpt(p.segments),
                p.heading or "",
                p.boilerplate,
            )
        )
    return out


def _excerpt(segments: Sequence[tuple[str, str]]) -> list[Segment]:
    """The first words of a change with their marks, cut at a word near _EXCERPT characters."""
    out: list[Segment] = []
    room = _EXCERPT
    for op, text in segments:
        if room <= 0:
            break
        if len(text) > room:
            cut = text[:room].rsplit(" ", 1)[0] if " " in text[:room] else text[:room]
            out.append(Segment(op, cut + "\u2026"))  # type: ignore[arg-type]
            break
        out.append(Segment(op, text))  # type: ignore[arg-type]
        room -= len(text)
    return out


def paragraph_rows(red: redline.Redline) -> list[ParagraphRow]:
    """Each changed paragraph as earlier | later, with its deletions and insertions."""
    rows = []
    for block in red.blocks:
        if not block.changed:
            continue
        old: list[Segment] = []
        new: list[Segment] = []
        for p in block.pieces:
            for op, text in p.segments:
                if p.kind == "moved_away":
                    old.append(Segment("delete", text))
                elif p.kind == "moved":
                    if op != "delete":
                        new.append(Segment("insert", text))
                else:
                    if op != "insert":
                        old.append(Segment(op, text))  # type: ignore[arg-type]
                    if op != "delete":
                        new.append(Segment(op, text))  # type: ignore[arg-type]
            for side in (old, new):
                if side and not side[-1].text.endswith(" "):
                    side.append(Segment("equal", " "))
        anchor = next((p.anchor for p in block.pieces if p.anchor), "")
        rows.append(ParagraphRow(old, new, anchor))
    return rows


def generated_line(at: datetime | None) -> str:
    """Footer line: generator and UTC time."""
    at = at or datetime.now(timezone.utc)
    return f"tracker {__version__}, {at.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}"


def filer_view(filer: dict) -> FilerView:
    """The filer identity of the JSON as a view."""
    other = filer_view(filer["old_filer"]) if filer.get("old_filer") else None
    name, tickers = named(filer)
    return FilerView(name, filer.get("cik"), tickers, other)


def side_view(meta: dict, unknown: str = "year unknown") -> SideView:
    """One side's metadata as a view (``unknown`` labels a side whose fiscal year is unknown)."""
    year = meta.get("fiscal_year")
    source = str(meta.get("source") or "")
    sha = meta.get("sha256")
    return SideView(
        label=f"FY{year}" if year else unknown,
        form=meta.get("form") or "annual report",
        version=meta.get("version"),
        tagged=bool(meta.get("tagged")),
        source=Path(source).name if source else "",
        sha256=sha[:16] if sha else None,
        period_end=meta.get("period_end"),
    )


def comparison_notes(old: SideView, new: SideView) -> list[str]:
    """Caveats a reader needs before trusting the flags."""
    untagged = [side.label for side in (old, new) if not side.tagged]
    if not untagged:
        return []
    who = "Neither filing carries" if len(untagged) == 2 else f"{untagged[0]} carries no"
    what = "their" if len(untagged) == 2 else "its"
    return [
        f"{who} XBRL tags: {what} flags, facts and the split of {what} text into elements were inferred "
        "from the text (marked \u201cinferred\u201d)."
    ]


def measures(sim: dict) -> list[Measure]:
    """The four similarity measures, formatted."""
    return [
        Measure(key, label, f"{float(sim[key]):.3f}", MEASURE_EXPLANATIONS[key])
        for key, label in MEASURES
        if key in sim
    ]


def flag_row(ch: Change, anchor: str) -> FlagRow:
    """A flipped flag."""
    ev = ch.evidence if isinstance(ch.evidence, dict) else {}
    return FlagRow(
        anchor,
        spec_for(ch.element or "").label,
        ch.severity,
        Mark(display_value(ch.old), ch.old_source or "absent"),
        Mark(display_value(ch.new), ch.new_source or "absent"),
        ev.get("old"),
        ev.get("new"),
    )


def fact_row(ch: Change, anchor: str, ctx: ComparisonContext) -> FactRow:
    """A changed, added or removed fact; values read from an untagged year are marked inferred (facts of a
    tagged year come from its tagged text blocks and carry no mark)."""
    old_src = "" if ctx.old_meta.get("tagged") else "inferred"
    new_src = "" if ctx.new_meta.get("tagged") else "inferred"
    ev = ch.evidence
    ev_old = ev.get("old") if isinstance(ev, dict) else None
    ev_new = ev.get("new") if isinstance(ev, dict) else None
    said = {"summary": ch.summary or "", "why": ch.why or ""}
    if ch.kind == "fact_added":
        return FactRow(
            anchor,
            ch.fact or "",
            fact_label(ch.fact),
            "added",
            ch.severity,
            None,
            Mark(display_value(ch.value, ch.fact), new_src),
            None,
            ev_new or _str(ev),
            **said,
        )
    if ch.kind == "fact_removed":
        return FactRow(
            anchor,
            ch.fact or "",
            fact_label(ch.fact),
            "removed",
            ch.severity,
            Mark(display_value(ch.value, ch.fact), old_src),
            None,
            ev_old or _str(ev),
            None,
            **said,
        )
    return FactRow(
        anchor,
        ch.fact or "",
        fact_label(ch.fact),
        "changed",
        ch.severity,
        Mark(display_value(ch.old, ch.fact), old_src),
        Mark(display_value(ch.new, ch.fact), new_src),
        ev_old,
        ev_new or _str(ev),
        **said,
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def element_note(ch: Change, anchor: str) -> ElementNote:
    """An element that appeared or disappeared."""
    verb = "appeared" if ch.kind == "element_added" else "disappeared"
    return ElementNote(
        anchor, spec_for(ch.element or "").label, verb, ch.severity, element_anchor(ch.element or "")
    )


def element_anchor(name: str) -> str:
    """Id of an element's entry."""
    return f"el-{name}"


# --------------------------------------------------------------------------- redline
def element_views(c: Comparison, anchors: dict[int, str], notes: list[ElementNote]) -> list[ElementView]:
    """One view per element with a change (or an element note), in document order."""
    by_key = {change_key(ch): ch for ch in c.changes if ch.kind.startswith("text_")}
    noted = {n.target: n for n in notes}
    names = list(c.element_order) + [n for n in _note_elements(c) if n not in c.element_order]
    out = []
    for index, name in enumerate(names):
        pairs = c.pairs_for(name)
        changed = [p for p in pairs if p.status != "same"]
        note = noted.get(element_anchor(name))
        if not changed and note is None:
            continue
        redline, rows = build_redline(name, index, pairs, by_key, anchors)
        spec = spec_for(name)
        sim = c.element_similarity.get(name)
        out.append(
            ElementView(
                element_anchor(name),
                name,
                spec.label,
                spec.item,
                len(changed),
                measures(sim.to_json()) if sim else [],
                [note] if note else [],
                redline,
                rows,
            )
        )
    return out


def _note_elements(c: Comparison) -> list[str]:
    return [ch.element for ch in c.changes if ch.kind.startswith("element_") and ch.element]


def build_redline(
    name: str, index: int, pairs: list[AlignedPair], by_key: dict[tuple, Change], anchors: dict[int, str]
) -> tuple[list[RedlineItem], list[SideBySideRow]]:
    """The element's redline (unchanged runs collapsed, moves marked at both ends) and side-by-side rows."""
    items: list[RedlineItem] = []
    rows: list[SideBySideRow] = []
    for p, marker in redline.reading_order(pairs):
        if marker:  # the old place of a moved sentence
            items.append(_moved_away(p, name, index, by_key, anchors))
            continue
        if p.status == "same":
            if items and items[-1].kind == "unchanged":
                items[-1].count += len(p.new)
            else:
                items.append(RedlineItem("unchanged", count=len(p.new)))
            continue
        item = _change_item(p, name, index, by_key, anchors)
        items.append(item)
        if p.status in ("changed", "added", "removed"):
            rows.append(
                SideBySideRow(
                    p.status,
                    _side_segments(p, "old"),
                    _side_segments(p, "new"),  # type: ignore[arg-type]
                    item.anchor or "",
                )
            )
    return items, rows


def _old_start(p: AlignedPair) -> int | None:
    return p.old[0].position if p.old else None


def _occurrence(
    p: AlignedPair, name: str, index: int, by_key: dict[tuple, Change], anchors: dict[int, str]
) -> tuple[str, Change | None]:
    """Id of this change's entry in this element: the change's anchor in its first element, else suffixed."""
    ch = by_key.get(pair_key(p))
    if ch is None:
        old, new = (p.old[0].position if p.old else 0), (p.new[0].position if p.new else 0)
        return f"x{index}-{old}-{new}", None
    base = anchors[id(ch)]
    return (base if ch.element == name else f"{base}-{index}"), ch


def _change_item(
    p: AlignedPair, name: str, index: int, by_key: dict[tuple, Change], anchors: dict[int, str]
) -> RedlineItem:
    anchor, ch = _occurrence(p, name, index, by_key, anchors)
    also = [spec_for(e).label for e in (ch.elements if ch else []) if e != name]
    item = RedlineItem(
        p.status,  # type: ignore[arg-type]  # (a "same" pair never reaches here)
        anchor=anchor,
        also_in=also,
        old_position=_old_start(p),
        new_position=p.new[0].position if p.new else None,
    )
    if p.status == "changed":
        item.segments = [Segment(_OPS[op], text) for op, text in (p.ops or [])]
    elif p.status == "added":
        item.segments = [Segment("insert", p.new_text)]
    elif p.status == "removed":
        item.segments = [Segment("delete", p.old_text)]
    else:
        item.segments = [Segment("equal", p.new_text)]
    if p.moved:
        item.link = f"{anchor}-from"
    return item


def _moved_away(
    p: AlignedPair, name: str, index: int, by_key: dict[tuple, Change], anchors: dict[int, str]
) -> RedlineItem:
    anchor, _ = _occurrence(p, name, index, by_key, anchors)
    return RedlineItem(
        "moved_away",
        anchor=f"{anchor}-from",
        link=anchor,
        old_position=_old_start(p),
        new_position=p.new[0].position if p.new else None,
    )


def _side_segments(p: AlignedPair, side: str) -> list[Segment]:
    """One side of a side-by-side row: equal text plus that side's deletions (old) or insertions (new)."""
    if p.status == "changed":
        wanted = -1 if side == "old" else 1
        return [Segment(_OPS[op], text) for op, text in (p.ops or []) if op in (0, wanted)]
    text = p.old_text if side == "old" else p.new_text
    return [Segment("delete" if side == "old" else "insert", text)] if text else []


def section_views(c: Comparison, elements: list[ElementView], flags: list[FlagRow]) -> list[SectionView]:
    """Details grouped by Item 106 section; sections with nothing to show are left out."""
    shown = {e.name for e in elements}
    text_names = [n for n in c.element_order if spec_for(n).kind == "text"]
    flag_section = {
        spec_for(ch.element or "").label: spec_for(ch.element or "").section
        for ch in c.changes
        if ch.kind == "flag_flipped"
    }
    out = []
    for title in SECTIONS:
        views = [e for e in elements if spec_for(e.name).section == title]
        section_flags = [f for f in flags if flag_section.get(f.label, "Other") == title]
        unchanged = [spec_for(n).label for n in text_names if spec_for(n).section == title and n not in shown]
        if views or section_flags or unchanged:
            out.append(SectionView(title, SECTION_ANCHORS[title], section_flags, views, unchanged))
    return out


# --------------------------------------------------------------------------- history
def history_report(hist: History, *, generated_at: datetime | None = None) -> HistoryReport:
    """The typed context of the history report."""
    from tracker.facts import fact_text

    years = [y["fiscal_year"] for y in hist.years]
    facts = []
    for fact in sorted(hist.facts):
        cells: list[FactCell | Mark] = [
            FactCell("; ".join(fact_text(v) for v in hist.facts[fact].get(y, [])), hist.changed(fact, y))
            for y in years
        ]
        facts.append(HistoryRow(fact_label(fact), fact, cells))
    flags = []
    for name in [f for f in FLAGS if f in hist.flags] + [f for f in hist.flags if f not in FLAGS]:
        by_year = hist.flags[name]
        marks: list[FactCell | Mark] = [
            Mark(display_value(by_year.get(y, {}).get("value")), by_year.get(y, {}).get("source", "absent"))
            for y in years
        ]
        flags.append(HistoryRow(spec_for(name).reader_label, name, marks))
    steps = [
        StepView(
            s["old_year"],
            s["new_year"],
            s["verdict"],
            VERDICT_TONES.get(s.get("significance", ""), "minor"),
            measures(s["similarity"]),
            dict(s["summary"]),
            s.get("significance", ""),
            s.get("extent", ""),
            list(s.get("top_changes") or []),
        )
        for s in hist.steps
    ]
    filer = filer_view(hist.filer)
    sides = [side_view({**y, "source": None}) for y in hist.years]
    return HistoryReport(
        f"{filer.name}: cybersecurity disclosure history",
        filer,
        sides,
        facts,
        flags,
        steps,
        generated_line(generated_at),
        severity_chart(steps),
        list(hist.incidents),
    )


#: Bar colour and the colour of a count written on it, by severity (stacked bottom to top in this order).
CHART_COLOURS = {
    "high": ("#d92d20", "#ffffff"),
    "medium": ("#f79009", "#1f2328"),
    "low": ("#98a2b3", "#1f2328"),
}
#: The chart's viewBox width and plot box (user units; the SVG scales down to narrow screens).
CHART_WIDTH = 480
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BASELINE = 36.0, 468.0, 50.0, 172.0
#: Widest bar; narrowest slot that fits ``2023 → 2024`` on one line; shortest segment that holds its count.
CHART_MAX_BAR, CHART_ONE_LINE_SLOT, CHART_MIN_LABELLED = 64.0, 100.0, 14.0


def severity_chart(steps: Sequence[StepView]) -> SeverityChart | None:
    """The geometry of the stacked severity bars, one per step, scaled to the largest step total."""
    if not steps:
        return None
    totals = [sum(s.counts.get(sev, 0) for sev in CHART_COLOURS) for s in steps]
    scale = max(1, *totals)
    unit = (CHART_BASELINE - CHART_TOP) / scale
    slot = (CHART_RIGHT - CHART_LEFT) / len(steps)
    width = min(CHART_MAX_BAR, slot * 0.55)
    bars: list[ChartBar] = []
    for i, (step, total) in enumerate(zip(steps, totals)):
        segments: list[ChartSegment] = []
        stacked = 0.0
        for sev, (fill, ink) in CHART_COLOURS.items():
            count = step.counts.get(sev, 0)
            if count:
                height = count * unit
                stacked += height
                segments.append(
                    ChartSegment(
                        sev,
                        count,
                        round(CHART_BASELINE - stacked, 2),
                        round(height, 2),
                        fill,
                        ink if height >= CHART_MIN_LABELLED else "",
                    )
                )
        years = f"{step.old_year} \u2192 {step.new_year}"
        lines = [years] if slot >= CHART_ONE_LINE_SLOT else [f"{step.old_year} \u2192", str(step.new_year)]
        words = ", ".join(f"{step.counts.get(sev, 0)} {sev}" for sev in CHART_COLOURS)
        x = CHART_LEFT + slot * i + (slot - width) / 2
        bars.append(
            ChartBar(
                lines,
                round(x, 2),
                round(width, 2),
                total,
                round(CHART_BASELINE - stacked, 2),
                segments,
                f"FY{step.old_year} to FY{step.new_year}: {words}",
            )
        )
    tick_values = sorted({0, scale // 2 if scale >= 4 else 0, scale})
    ticks = [ChartTick(v, round(CHART_BASELINE - v * unit, 2)) for v in tick_values]
    keys = [
        ChartKey(sev.capitalize(), fill, CHART_LEFT + 78 * i)
        for i, (sev, (fill, _)) in enumerate(CHART_COLOURS.items())
    ]
    height = round(CHART_BASELINE + 30 + 16 * (max(len(b.label_lines) for b in bars) - 1))
    return SeverityChart(
        CHART_WIDTH,
        height,
        CHART_LEFT,
        CHART_RIGHT,
        CHART_TOP,
        CHART_BASELINE,
        scale,
        round(unit, 4),
        ticks,
        bars,
        keys,
        "Changes by severity, year over year",
        "; ".join(b.text for b in bars) + ".",
    )


# --------------------------------------------------------------------------- digest
def digest_report(
    items: Iterable[tuple[ComparisonContext, str]],
    skipped: Sequence[str] = (),
    *,
    generated_at: datetime | None = None,
) -> DigestReport:
    """The typed context of a digest: (comparison, attachment file name) pairs, most severe first."""
    reports = [(comparison_report(ctx, generated_at=generated_at, compact=True), name) for ctx, name in items]
    reports.sort(
        key=lambda r: (
            SIGNIFICANCE_ORDER.get(r[0].significance, len(SIGNIFICANCE_ORDER)),
            -r[0].counts["high"],
            -r[0].counts["medium"],
            -r[0].counts["low"],
            r[0].filer.name,
        )
    )
    entries = [DigestEntry(f"f{i}", report, name) for i, (report, name) in enumerate(reports, 1)]
    n = len(entries)
    title = f"Cybersecurity disclosure digest: {n} filer{'s' if n != 1 else ''} with a new year"
    return DigestReport(title, entries, list(skipped), generated_line(generated_at))
