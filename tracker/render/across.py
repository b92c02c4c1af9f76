"""Across filers, said for a reader: a filer among its peers (`tracker peers`) and the store's trends year by
year (`tracker trends`), as text, JSON and one e-mail-safe HTML page each (the report's style, CSS inlined,
inline-SVG bar charts, no script). The numbers come from `tracker.store.across`; this module only says them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from tracker.models import ELEMENTS
from tracker.render.labels import fact_label
from tracker.store.across import FACTS, Count, FactAmongPeers, PeerGrid, Trends, YearTrend

#: The catalogue's plain label of each fact.
FACT_LABELS = dict(FACTS)
#: Filers shown as columns of the HTML grid, the filer first (the JSON has every peer).
GRID_PEERS = 6
#: Peers named at the end of the text output.
TEXT_PEERS = 40
#: One colour per year in the trend charts (oldest first), from the report's palette; readable on white.
YEAR_COLOURS = ("#98a2b3", "#54aeff", "#0b57d0", "#1a7f37", "#9a6700", "#8250df")
_CHANGE_WORDS = {
    "fact_added": "newly stated",
    "fact_removed": "no longer stated",
    "fact_changed": "changed",
    "flag_flipped": "flipped",
    "element_added": "added",
    "element_removed": "removed",
}


def pct(share: float) -> str:
    """0.4783 -> "48%"."""
    return f"{share:.0%}"


def what_label(what: str) -> str:
    """A fact name or cyd element in plain English."""
    spec = ELEMENTS.get(what)
    if spec is not None:
        return spec.plain or spec.label
    return FACT_LABELS.get(what) or fact_label(what)


def change_label(key: str) -> str:
    """ "fact_changed:board_oversight" -> "Board oversight changed"; "fact_changed:people:replaced" -> "People:
    replaced"."""
    kind, _, rest = key.partition(":")
    what, _, change = rest.partition(":")
    label = what_label(what) if what else kind.replace("_", " ")
    if change:
        return f"{label}: {change.replace('_', ' ')}"
    return f"{label}: {_CHANGE_WORDS.get(kind, kind.replace('_', ' '))}"


# --------------------------------------------------------------------------- peers
def _who(name: str, ticker: str | None) -> str:
    return f"{name} ({ticker})" if ticker and ticker != name else name


def peers_heading(grid: PeerGrid) -> str:
    """ "AMAZON.COM, INC. (AMZN) beside 45 peers, FY2024 (every filer stored for FY2024)"."""
    n = len(grid.peers)
    whom = "the peers named" if grid.named else f"every filer stored for FY{grid.year}"
    return f"{_who(grid.filer.filer, grid.filer.ticker)} beside {n} peer{'s' if n != 1 else ''}, FY{grid.year} ({whom})"


def _of(n: int, total: int) -> str:
    return f"{n} of {total} peer{'s' if total != 1 else ''} ({pct(n / total if total else 0)})"


def render_peers_text(grid: PeerGrid) -> str:
    """The peer comparison as plain text."""
    total = len(grid.peers)
    lines = [peers_heading(grid), ""]
    lines.append("What it omits that most peers state:")
    lines += [f"  - {f.label}: {f.detail}" for f in grid.omits] or ["  nothing"]
    lines.append("Where it says more than most peers:")
    lines += [f"  - {f.label}: {f.detail}" for f in grid.says_more] or ["  nowhere"]
    for kind, title in (("fact", "Facts"), ("flag", "Flags")):
        lines += ["", f"{title} (its value; how many peers state the same):"]
        for f in (f for f in grid.facts if f.kind == kind):
            lines.append(f"  {f.label} (stated by {_of(f.stating, total)})")
            if not f.values:
                lines.append("      not stated")
            for v in f.values:
                lines.append(f"      {v.value}: {_of(v.peers, total)}")
            if kind == "fact" and f.common:
                common = ", ".join(f"{c.value} {pct(c.share)}" for c in f.common[:3])
                lines.append(f"      most common among peers: {common}")
    names = [p.ticker or p.filer for p in grid.peers]
    more = (
        f" and {len(names) - TEXT_PEERS} more (--format json lists them)" if len(names) > TEXT_PEERS else ""
    )
    lines += ["", "Peers: " + ", ".join(names[:TEXT_PEERS]) + more]
    return "\n".join(lines) + "\n"


def render_peers_json(grid: PeerGrid) -> str:
    """The peer comparison as the JSON of docs/json.md."""
    return json.dumps(grid.to_json(), indent=2, ensure_ascii=False) + "\n"


@dataclass
class PeerCell:
    """One cell of the HTML grid."""

    text: str
    """What the filer states."""
    rare: bool = False
    """Stated by under a quarter of the peers (the filer's column only)."""


@dataclass
class PeerRow:
    """One fact or flag of the HTML grid."""

    label: str
    """Plain label."""
    stating: str
    """ "44 of 45 peers (98%)"."""
    mine: list[str]
    """The filer's values, each with its share among peers."""
    cells: list[str]
    """Each shown peer's value."""


@dataclass
class PeersPage:
    """What templates/peers.html shows."""

    title: str
    """Page title."""
    heading: str
    """The first line of the text output."""
    year: int
    """The fiscal year."""
    filer: str
    """The filer's name."""
    omits: list[str]
    """What it omits that most peers state."""
    says_more: list[str]
    """Where it says more than most."""
    columns: list[str]
    """The shown peers (tickers or names)."""
    rows: list[PeerRow]
    """Facts, then flags."""
    hidden: int
    """Peers not shown as columns."""
    generated: str
    """ "tracker on 2026-12-02 15:10 UTC"."""


def _row(f: FactAmongPeers, total: int, shown: list[list[str]]) -> PeerRow:
    mine = [f"{v.value} ({pct(v.share)} of peers)" for v in f.values] or ["not stated"]
    return PeerRow(f.label, _of(f.stating, total), mine, ["; ".join(c) or "\u2013" for c in shown])


def peers_page(grid: PeerGrid, generated_at: datetime | None = None) -> PeersPage:
    """The view of the HTML page."""
    shown = [grid.filer, *grid.peers[: GRID_PEERS - 1]]  # the filer first, then its first peers
    rows = []
    for f in grid.facts:
        if f.kind == "fact":
            cells = [p.facts.get(f.name, []) for p in shown]
        else:
            cells = [[p.flags.get(f.name) or "not stated"] for p in shown]
        rows.append(_row(f, len(grid.peers), cells))
    return PeersPage(
        f"{grid.filer.filer} beside its peers, FY{grid.year}",
        peers_heading(grid),
        grid.year,
        grid.filer.filer,
        [f"{f.label}: {f.detail}" for f in grid.omits],
        [f"{f.label}: {f.detail}" for f in grid.says_more],
        [p.ticker or p.filer for p in shown],
        rows,
        len(grid.peers) - (len(shown) - 1),
        generated_line(generated_at),
    )


def render_peers_html(grid: PeerGrid, generated_at: datetime | None = None) -> str:
    """The peer comparison as one self-contained, e-mail-safe HTML page."""
    from tracker.render.html import render_template

    return render_template("peers.html", report=peers_page(grid, generated_at))


def generated_line(at: datetime | None) -> str:
    """ "tracker on 2026-12-02 15:10 UTC"."""
    at = at or datetime.now(timezone.utc)
    return f"tracker on {at:%Y-%m-%d %H:%M} UTC"


# --------------------------------------------------------------------------- trends
def _cell(c: Count | None) -> str:
    return f"{pct(c.share)} ({c.filers})" if c else "\u2013"


#: Width of the label column of the trends text (the longest flag label).
LABEL_WIDTH = 72


def _table(
    years: list[YearTrend], items: list[tuple[str, list[Count | None]]], indent: str = "  "
) -> list[str]:
    width = LABEL_WIDTH
    return [
        f"{indent}{label[:width]:<{width}}" + "".join(f"{_cell(c):>13}" for c in cells)
        for label, cells in items
    ]


def _by_key(years: list[YearTrend], pick, limit: int | None = None) -> list[tuple[str, list[Count | None]]]:  # noqa: ANN001
    """Rows of a year-column table: every key any year has, in order of its total count."""
    totals: dict[str, int] = {}
    labels: dict[str, str] = {}
    for y in years:
        for c in pick(y):
            totals[c.key] = totals.get(c.key, 0) + c.filers
            labels[c.key] = c.label
    keys = sorted(totals, key=lambda k: (-totals[k], k))[:limit]
    return [(labels[k], [next((c for c in pick(y) if c.key == k), None) for y in years]) for k in keys]


@dataclass
class TrendSection:
    """One block of the trends: a title and rows of one value per year."""

    title: str
    """ "Frameworks followed"."""
    note: str
    """What the shares are of."""
    rows: list[tuple[str, list[Count | None]]]
    """(label, a Count or None per year)."""
    chart: BarChart | None = None
    """Its chart (HTML only)."""


def trend_sections(t: Trends) -> list[TrendSection]:
    """The blocks of every trends output, in order."""
    ys = t.years
    return [
        TrendSection(
            "Flags stated true",
            "share of the year's filers",
            _by_key(ys, lambda y: y.flags),
        ),
        TrendSection(
            "Chief Information Security Officer",
            "share of the year's filers",
            [(ys[0].ciso.label, [y.ciso for y in ys])],
        ),
        TrendSection(
            "Frameworks followed", "share of the year's filers", _by_key(ys, lambda y: y.frameworks, 12)
        ),
        TrendSection(
            "Board oversight",
            "share of the year's filers naming each body",
            _by_key(ys, lambda y: y.oversight, 10),
        ),
        TrendSection(
            "How often the board is briefed",
            "share of the year's filers (a filer may state several)",
            _by_key(ys, lambda y: y.briefing),
        ),
        TrendSection(
            "Facts changed since the year before",
            "share of the filers compared with their year before",
            _by_key(ys, lambda y: y.fact_changes),
        ),
        TrendSection(
            "Most common significant changes",
            "high and medium changes; share of the filers compared with their year before",
            [(change_label(label), cells) for label, cells in _by_key(ys, lambda y: y.top_changes, 10)],
        ),
    ]


def render_trends_text(t: Trends) -> str:
    """The trends as a plain-text table, one column per fiscal year."""
    ys = t.years
    head = f"Cybersecurity disclosures across the store, FY{ys[0].year} to FY{ys[-1].year} (latest version of each filer-year)"
    width = LABEL_WIDTH
    lines = [head, ""]
    lines.append(f"  {'':<{width}}" + "".join(f"{'FY' + str(y.year):>13}" for y in ys))
    lines.append(f"  {'Filers':<{width}}" + "".join(f"{y.filers:>13}" for y in ys))
    lines.append(f"  {'Compared with the year before':<{width}}" + "".join(f"{y.compared:>13}" for y in ys))
    for s in trend_sections(t):
        lines += ["", f"{s.title} ({s.note}):"]
        lines += _table(ys, s.rows) if s.rows else ["  none"]
    if not any(y.compared for y in ys):
        lines += ["", "No comparisons are stored: run `tracker diff-all` to count the changes between years."]
    return "\n".join(lines) + "\n"


def render_trends_json(t: Trends) -> str:
    """The trends as the JSON of docs/json.md (each kind of change with its plain label)."""
    data = t.to_json()
    for year in data["years"]:
        for c in year["top_changes"]:
            c["label"] = change_label(c["key"])
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- trend charts (inline SVG)
CHART_WIDTH = 660
CHART_LABEL_H = 18
CHART_BAR_H = 12
CHART_GAP = 10
CHART_LEFT = 8
CHART_RIGHT = 600


@dataclass
class Bar:
    """One year's bar of an item."""

    year: int
    """Its fiscal year."""
    y: float
    """Top edge."""
    width: float
    """Length, share x the plot width."""
    fill: str
    """Colour of its year."""
    text: str
    """ "48% (22 filers)"."""


@dataclass
class BarItem:
    """One item (a flag, a framework) with one bar per year."""

    label: str
    """Plain label, above its bars."""
    label_y: float
    """Baseline of the label."""
    bars: list[Bar]
    """One per year that has it."""


@dataclass
class BarChart:
    """A horizontal bar chart of shares, one bar per year per item: every coordinate computed here."""

    title: str
    """Accessible title."""
    description: str
    """Every value in words, for screen readers."""
    width: int
    """Width in pixels."""
    height: int
    """Height in pixels."""
    left: int
    """Where bars start."""
    right: int
    """Where a 100% bar ends."""
    items: list[BarItem] = field(default_factory=list)
    """The items, top to bottom."""
    keys: list[tuple[str, str, int]] = field(default_factory=list)
    """(year label, colour, x) of the legend."""


def bar_chart(title: str, years: list[int], rows: list[tuple[str, list[Count | None]]]) -> BarChart | None:
    """The chart of a trends block: each row an item, each year a bar as long as its share."""
    if not rows:
        return None
    colours = {y: YEAR_COLOURS[i % len(YEAR_COLOURS)] for i, y in enumerate(years)}
    plot = CHART_RIGHT - CHART_LEFT
    top = 34
    items = []
    words = []
    for label, cells in rows:
        label_y = top + 13
        y = top + CHART_LABEL_H
        bars = []
        for year, c in zip(years, cells):
            if c is None:
                continue
            bars.append(
                Bar(
                    year, y, round(max(c.share * plot, 1.0), 2), colours[year], f"{pct(c.share)} ({c.filers})"
                )
            )
            words.append(f"{label}, FY{year}: {pct(c.share)}")
            y += CHART_BAR_H + 2
        items.append(BarItem(label, label_y, bars))
        top = y + CHART_GAP
    keys = [(f"FY{y}", colours[y], CHART_LEFT + 70 * i) for i, y in enumerate(years)]
    return BarChart(
        title, "; ".join(words) + ".", CHART_WIDTH, int(top + 4), CHART_LEFT, CHART_RIGHT, items, keys
    )


@dataclass
class TrendsPage:
    """What templates/trends.html shows."""

    title: str
    """Page title."""
    heading: str
    """ "FY2023 to FY2025"."""
    years: list[YearTrend]
    """The years, oldest first."""
    sections: list[TrendSection]
    """The blocks, each with its chart."""
    generated: str
    """ "tracker on ..."."""


def trends_page(t: Trends, generated_at: datetime | None = None) -> TrendsPage:
    """The view of the HTML page."""
    years = [y.year for y in t.years]
    sections = trend_sections(t)
    for s in sections:
        s.chart = bar_chart(s.title, years, s.rows)
    return TrendsPage(
        f"Cybersecurity disclosure trends, FY{years[0]} to FY{years[-1]}",
        f"FY{years[0]} to FY{years[-1]}",
        t.years,
        sections,
        generated_line(generated_at),
    )


def render_trends_html(t: Trends, generated_at: datetime | None = None) -> str:
    """The trends as one self-contained, e-mail-safe HTML page with inline-SVG charts."""
    from tracker.render.html import render_template

    return render_template("trends.html", report=trends_page(t, generated_at))


PEERS_FORMATS = ("text", "json", "html")
TRENDS_FORMATS = ("text", "json", "html")


def render_peers(grid: PeerGrid, fmt: str) -> str:
    """The peer comparison in a format of PEERS_FORMATS."""
    return {"json": render_peers_json, "html": render_peers_html}.get(fmt, render_peers_text)(grid)


def render_trends(t: Trends, fmt: str) -> str:
    """The trends in a format of TRENDS_FORMATS."""
    return {"json": render_trends_json, "html": render_trends_html}.get(fmt, render_trends_text)(t)
