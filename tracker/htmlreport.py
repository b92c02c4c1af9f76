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
from tracker.differ import AlignedPair, Comparison
from tracker.errors import TrackerError
from tracker.models import FLAGS, Change, spec_for
from tracker.service import ComparisonContext, History

SECTIONS = ("Risk management and strategy", "Governance", "Other")
SECTION_ANCHORS = {"Risk management and strategy": "sec-risk", "Governance": "sec-governance", "Other": "sec-other"}
MEASURES = (("cosine", "Cosine"), ("jaccard", "Jaccard"), ("min_edit", "Minimum edit"), ("simple", "Simple"))
FACT_LABELS = {
    "responsible_titles": "Responsible titles", "responsible_people": "Responsible people",
    "experience_years": "Stated experience", "tenure_start": "In the role since", "reports_to": "Reports to",
    "certifications": "Certifications", "board_oversight": "Board oversight",
    "management_committees": "Management committees", "briefing_frequency": "Briefing frequency",
    "frameworks": "Frameworks", "third_parties": "Third parties engaged",
    "material_incident_statement": "Material incident statement",
}
#: How the verdict box is styled, by significance.
VERDICT_TONES = {"no substantive change": "none", "routine": "routine", "notable": "minor", "significant": "rewritten"}

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
class TextSummary:
    """A summary line for the wording changes of one element."""

    label: str
    """Element label."""
    anchor: str
    """Anchor of its entry."""
    count: int
    """Number of text changes."""


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
    """no wording change, minor edits or substantially rewritten."""
    top: list[str]
    """The top changes in plain English, most important first."""
    tone: str
    """none, routine, minor or rewritten (styles the verdict, by significance)."""
    counts: dict[str, int]
    """Changes by severity: high, medium, low."""
    similarity: list[Measure]
    """The four measures over the whole disclosure."""
    flags: list[FlagRow]
    """Flags flipped."""
    facts: list[FactRow]
    """Facts changed, added or removed."""
    element_notes: list[ElementNote]
    """Elements that appeared or disappeared."""
    text_summary: list[TextSummary]
    """Wording changes per element."""
    text_changes: int
    """Number of distinct wording changes (a sentence shared by several elements counts once)."""
    sections: list[SectionView]
    """Details, by section."""
    notes: list[str]
    """What the reader should know about the comparison (inference across an untagged year)."""
    has_changes: bool
    """False when the two years say the same thing."""
    generated: str
    """Generator and time stamp for the footer."""


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
    """no wording change, minor edits or substantially rewritten."""


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


# --------------------------------------------------------------------------- environment
def template_dirs() -> list[Path]:
    """Where the templates are: inside the installed package, else the checkout's templates/."""
    here = Path(__file__).resolve().parent
    return [p for p in (here / "templates", here.parent / "templates") if p.is_dir()]


@functools.cache
def environment() -> jinja2.Environment:
    """The one Jinja Environment: autoescape for HTML, StrictUndefined, trimmed blocks."""
    dirs = template_dirs()
    if not dirs:
        raise TrackerError("the report templates are missing (no tracker/templates or templates/ folder); "
                           "reinstall the tracker.")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def render_template(name: str, **context: object) -> str:
    """Render a template; HTML gets its CSS inlined into style attributes."""
    text = environment().get_template(name).render(**context)
    if name.endswith(".html"):
        text = _INLINER.inline(text)
    return text


def render_comparison_html(ctx: ComparisonContext, *, generated_at: datetime | None = None,
                           verbose: bool = False) -> str:
    """The change report of a comparison as one self-contained HTML document."""
    return render_template("comparison.html", report=comparison_report(ctx, generated_at=generated_at))


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
def comparison_report(ctx: ComparisonContext, *, generated_at: datetime | None = None) -> ComparisonReport:
    """The typed context of the change report."""
    c = ctx.comparison
    anchors = {id(ch): f"c{i}" for i, ch in enumerate(c.changes, 1)}
    old, new = side_view(ctx.old_meta, "earlier filing"), side_view(ctx.new_meta, "later filing")
    flags = [flag_row(ch, anchors[id(ch)]) for ch in c.changes if ch.kind == "flag_flipped"]
    facts = [fact_row(ch, anchors[id(ch)], ctx) for ch in c.changes if ch.kind.startswith("fact_")]
    notes = [element_note(ch, anchors[id(ch)]) for ch in c.changes if ch.kind.startswith("element_")]
    elements = element_views(c, anchors, notes)
    sections = section_views(c, elements, flags)
    filer = filer_view(ctx.filer)
    return ComparisonReport(
        title=f"{filer.name}: cybersecurity disclosure {old.label} to {new.label}",
        filer=filer, old=old, new=new, verdict=c.verdict, significance=c.significance, extent=c.extent,
        top=list(c.judgement.top), tone=VERDICT_TONES.get(c.significance, "minor"),
        counts=dict(c.summary), similarity=measures(c.similarity.to_json()), flags=flags, facts=facts,
        element_notes=notes,
        text_summary=[TextSummary(e.label, e.anchor, e.changes) for s in sections for e in s.elements if e.changes],
        text_changes=sum(ch.kind.startswith("text_") for ch in c.changes),
        sections=sections, notes=c.caveats + comparison_notes(old, new), has_changes=bool(c.changes),
        generated=generated_line(generated_at))


def generated_line(at: datetime | None) -> str:
    """Footer line: generator and UTC time."""
    at = at or datetime.now(timezone.utc)
    return f"tracker {__version__}, {at.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}"


def filer_view(filer: dict) -> FilerView:
    """The filer identity of the JSON as a view."""
    return FilerView(filer.get("name") or "Unnamed filer", filer.get("cik"), list(filer.get("tickers") or []))


def side_view(meta: dict, unknown: str = "year unknown") -> SideView:
    """One side's metadata as a view (``unknown`` labels a side whose fiscal year is unknown)."""
    year = meta.get("fiscal_year")
    source = str(meta.get("source") or "")
    sha = meta.get("sha256")
    return SideView(label=f"FY{year}" if year else unknown, form=meta.get("form") or "annual report",
                    version=meta.get("version"), tagged=bool(meta.get("tagged")),
                    source=Path(source).name if source else "", sha256=sha[:16] if sha else None,
                    period_end=meta.get("period_end"))


def comparison_notes(old: SideView, new: SideView) -> list[str]:
    """Caveats a reader needs before trusting the flags."""
    untagged = [side.label for side in (old, new) if not side.tagged]
    if not untagged:
        return []
    who = "Neither filing carries" if len(untagged) == 2 else f"{untagged[0]} carries no"
    what = "their" if len(untagged) == 2 else "its"
    return [f"{who} XBRL tags: {what} flags, facts and the split of {what} text into elements were inferred "
            "from the text (marked \u201cinferred\u201d)."]


def measures(sim: dict) -> list[Measure]:
    """The four similarity measures, formatted."""
    return [Measure(key, label, f"{float(sim[key]):.3f}") for key, label in MEASURES if key in sim]


def display_value(value: object, fact: str | None = None) -> str:
    """A flag or fact value as a reader wants to see it."""
    if value is None:
        return "not stated"
    if isinstance(value, bool):
        return "true" if value else "false"
    if fact is not None and isinstance(value, dict):
        from tracker.facts import fact_text

        return fact_text(value, fact)
    if isinstance(value, dict):
        if "years" in value:
            qualifier = value.get("qualifier")
            q = "" if qualifier in (None, "exact") else f"{qualifier} "
            holder = f"{value.get('holder')}: " if value.get("holder") else ""
            return f"{holder}{q}{value['years']} years"
        return ", ".join(f"{k}: {display_value(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "; ".join(display_value(v) for v in items) or "none"
    return str(value)


def flag_row(ch: Change, anchor: str) -> FlagRow:
    """A flipped flag."""
    ev = ch.evidence if isinstance(ch.evidence, dict) else {}
    return FlagRow(anchor, spec_for(ch.element or "").label, ch.severity,
                   Mark(display_value(ch.old), ch.old_source or "absent"),
                   Mark(display_value(ch.new), ch.new_source or "absent"), ev.get("old"), ev.get("new"))


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
        return FactRow(anchor, ch.fact or "", fact_label(ch.fact), "added", ch.severity, None,
                       Mark(display_value(ch.value, ch.fact), new_src), None, ev_new or _str(ev), **said)
    if ch.kind == "fact_removed":
        return FactRow(anchor, ch.fact or "", fact_label(ch.fact), "removed", ch.severity,
                       Mark(display_value(ch.value, ch.fact), old_src), None, ev_old or _str(ev), None, **said)
    return FactRow(anchor, ch.fact or "", fact_label(ch.fact), "changed", ch.severity,
                   Mark(display_value(ch.old, ch.fact), old_src), Mark(display_value(ch.new, ch.fact), new_src),
                   ev_old, ev_new or _str(ev), **said)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def fact_label(fact: str | None) -> str:
    """Human label of a fact name."""
    return FACT_LABELS.get(fact or "", (fact or "fact").replace("_", " ").capitalize())


def element_note(ch: Change, anchor: str) -> ElementNote:
    """An element that appeared or disappeared."""
    verb = "appeared" if ch.kind == "element_added" else "disappeared"
    return ElementNote(anchor, spec_for(ch.element or "").label, verb, ch.severity, element_anchor(ch.element or ""))


def element_anchor(name: str) -> str:
    """Id of an element's entry."""
    return f"el-{name}"


# --------------------------------------------------------------------------- redline
def pair_key(p: AlignedPair) -> tuple:
    """What identifies the text change an aligned piece produced."""
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
        out.append(ElementView(element_anchor(name), name, spec.label, spec.item, len(changed),
                               measures(sim.to_json()) if sim else [], [note] if note else [], redline, rows))
    return out


def _note_elements(c: Comparison) -> list[str]:
    return [ch.element for ch in c.changes if ch.kind.startswith("element_") and ch.element]


def build_redline(name: str, index: int, pairs: list[AlignedPair], by_key: dict[tuple, Change],
                  anchors: dict[int, str]) -> tuple[list[RedlineItem], list[SideBySideRow]]:
    """The element's redline (unchanged runs collapsed, moves marked at both ends) and side-by-side rows."""
    items: list[RedlineItem] = []
    rows: list[SideBySideRow] = []
    moved = [p for p in pairs if p.moved and p.old]
    placed: set[int] = set()
    for p in pairs:
        for m in moved:  # the old place of a moved sentence: before the first piece that stood after it
            if id(m) not in placed and _old_start(p) is not None and _old_start(p) > m.old[0].position \
                    and not p.moved:
                items.append(_moved_away(m, name, index, by_key, anchors))
                placed.add(id(m))
        if p.status == "same":
            if items and items[-1].kind == "unchanged":
                items[-1].count += len(p.new)
            else:
                items.append(RedlineItem("unchanged", count=len(p.new)))
            continue
        item = _change_item(p, name, index, by_key, anchors)
        items.append(item)
        if p.status in ("changed", "added", "removed"):
            rows.append(SideBySideRow(p.status, _side_segments(p, "old"), _side_segments(p, "new"),  # type: ignore[arg-type]
                                      item.anchor or ""))
    items += [_moved_away(m, name, index, by_key, anchors) for m in moved if id(m) not in placed]
    return items, rows


def _old_start(p: AlignedPair) -> int | None:
    return p.old[0].position if p.old else None


def _occurrence(p: AlignedPair, name: str, index: int, by_key: dict[tuple, Change],
                anchors: dict[int, str]) -> tuple[str, Change | None]:
    """Id of this change's entry in this element: the change's anchor in its first element, else suffixed."""
    ch = by_key.get(pair_key(p))
    if ch is None:
        old, new = (p.old[0].position if p.old else 0), (p.new[0].position if p.new else 0)
        return f"x{index}-{old}-{new}", None
    base = anchors[id(ch)]
    return (base if ch.element == name else f"{base}-{index}"), ch


def _change_item(p: AlignedPair, name: str, index: int, by_key: dict[tuple, Change],
                 anchors: dict[int, str]) -> RedlineItem:
    anchor, ch = _occurrence(p, name, index, by_key, anchors)
    also = [spec_for(e).label for e in (ch.elements if ch else []) if e != name]
    item = RedlineItem(p.status, anchor=anchor, also_in=also,  # type: ignore[arg-type]
                       old_position=_old_start(p), new_position=p.new[0].position if p.new else None)
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


def _moved_away(p: AlignedPair, name: str, index: int, by_key: dict[tuple, Change],
                anchors: dict[int, str]) -> RedlineItem:
    anchor, _ = _occurrence(p, name, index, by_key, anchors)
    return RedlineItem("moved_away", anchor=f"{anchor}-from", link=anchor, old_position=_old_start(p),
                       new_position=p.new[0].position if p.new else None)


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
    flag_section = {spec_for(ch.element or "").label: spec_for(ch.element or "").section
                    for ch in c.changes if ch.kind == "flag_flipped"}
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
            for y in years]
        facts.append(HistoryRow(fact_label(fact), fact, cells))
    flags = []
    for name in [f for f in FLAGS if f in hist.flags] + [f for f in hist.flags if f not in FLAGS]:
        by_year = hist.flags[name]
        marks: list[FactCell | Mark] = [
            Mark(display_value(by_year.get(y, {}).get("value")), by_year.get(y, {}).get("source", "absent"))
            for y in years]
        flags.append(HistoryRow(spec_for(name).label, name, marks))
    steps = [StepView(s["old_year"], s["new_year"], s["verdict"], VERDICT_TONES.get(s.get("significance", ""), "minor"),
                      measures(s["similarity"]), dict(s["summary"]), s.get("significance", ""), s.get("extent", ""))
             for s in hist.steps]
    filer = filer_view(hist.filer)
    sides = [side_view({**y, "source": None}) for y in hist.years]
    return HistoryReport(f"{filer.name}: cybersecurity disclosure history", filer, sides, facts, flags, steps,
                         generated_line(generated_at))


# --------------------------------------------------------------------------- digest
def digest_report(items: Iterable[tuple[ComparisonContext, str]], skipped: Sequence[str] = (), *,
                  generated_at: datetime | None = None) -> DigestReport:
    """The typed context of a digest: (comparison, attachment file name) pairs, most severe first."""
    reports = [(comparison_report(ctx, generated_at=generated_at), name) for ctx, name in items]
    reports.sort(key=lambda r: (-r[0].counts["high"], -r[0].counts["medium"], -r[0].counts["low"], r[0].filer.name))
    entries = [DigestEntry(f"f{i}", report, name) for i, (report, name) in enumerate(reports, 1)]
    n = len(entries)
    title = f"Cybersecurity disclosure digest: {n} filer{'s' if n != 1 else ''} with a new year"
    return DigestReport(title, entries, list(skipped), generated_line(generated_at))
