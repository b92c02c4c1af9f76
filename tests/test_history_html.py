"""The history page (`tracker history FILER --format html`) of real filings, built as a user builds it (the CLI's
ingest, history and diff): each year-over-year step's significance as `tracker diff` judges it, the severity
chart drawn to scale, plain-English labels, the fact table's change marks, and what headless Chromium renders."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.models import spec_for
from tracker.pipeline.compare import build_history
from tracker.render.html import CHART_BASELINE, CHART_TOP, VERDICT_TONES
from tracker.store import Store

from .test_htmlreport import assert_real_rendering, browser, chromium  # noqa: F401  (browser: a fixture)

pytestmark = pytest.mark.corpus

SVG = "{http://www.w3.org/2000/svg}"
CAMEL = re.compile(r"Cybersecurity[A-Z]\w+(Flag|TextBlock)")
SEVERITIES = ("high", "medium", "low")
#: Filer -> its corpus files (relative to the corpus); MXL's are untagged text, KO's tagged Inline XBRL.
SOURCES = {
    "MXL": ["text/MXL_2023.txt", "text/MXL_2024.txt", "text/MXL_2025.txt"],
    "KO": ["ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz"],
}


def run(*args: object) -> str:
    """Run the CLI; its standard output."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


@dataclass
class Built:
    """A filer's history page and the `tracker diff` JSON of each of its steps."""

    filer: str
    db: Path
    html: str
    doc: lxml.html.HtmlElement
    steps: list[tuple[int, int]]
    diffs: dict[tuple[int, int], dict]

    def chart(self) -> lxml.etree._Element:
        """The inline SVG, parsed as XML (it must be well formed to survive e-mail clients that want XHTML)."""
        found = re.findall(r"<svg\b.*?</svg>", self.html, re.S)
        assert len(found) == 1
        return lxml.etree.fromstring(found[0].encode("utf-8"))


def build(folder: Path, filer: str, paths: list[Path], *extra: list[str]) -> Built:
    """Ingest the files (each with its extra ingest options), then write the history page and diff each step."""
    db = folder / "tracker.db"
    for i, path in enumerate(paths):
        run("ingest", path, "--db", db, *(extra[i] if i < len(extra) else []))
    out = folder / f"{filer}-history.html"
    run("history", filer, "--format", "html", "-o", out, "--db", db)
    years = [
        y["fiscal_year"] for y in json.loads(run("history", filer, "--format", "json", "--db", db))["years"]
    ]
    steps = list(zip(years, years[1:]))
    diffs = {(a, b): json.loads(run("diff", filer, a, b, "--format", "json", "--db", db)) for a, b in steps}
    html = out.read_text(encoding="utf-8")
    return Built(filer, db, html, lxml.html.document_fromstring(html), steps, diffs)


@pytest.fixture(scope="module", params=sorted(SOURCES))
def built(request: pytest.FixtureRequest, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    filer = request.param
    return build(tmp_path_factory.mktemp(filer), filer, [corpus / p for p in SOURCES[filer]])


@pytest.fixture(scope="module")
def refiled(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """MXL's three years plus its FY2025 text filed again as FY2026: a step with no change at all."""
    paths = [corpus / p for p in SOURCES["MXL"]]
    return build(
        tmp_path_factory.mktemp("refiled"), "MXL", [*paths, paths[-1]], [], [], [], ["--year", "2026"]
    )


def counts_text(summary: dict) -> str:
    return f"{summary['high']} high, {summary['medium']} medium, {summary['low']} low"


# -- the year-over-year table -------------------------------------------------------------------------
def test_each_step_row_shows_the_significance_tracker_diff_gives(built: Built) -> None:
    rows = built.doc.find_class("step")
    assert [r.get("id") for r in rows] == [f"step-{a}-{b}" for a, b in built.steps]
    assert built.steps, "no year-over-year step"
    for row, step in zip(rows, built.steps):
        diff = built.diffs[step]
        cells = row.findall("td")
        assert cells[0].text_content() == f"{step[0]} \u2192 {step[1]}"
        badge = row.find_class("badge")[0]
        assert badge.text_content().lower() == diff["significance"]
        assert f"badge-{VERDICT_TONES[diff['significance']]}" in badge.get("class").split()
        shown = [li.text_content() for ul in row.find_class("top-changes") for li in ul.iter("li")]
        assert shown == diff["top_changes"]
        assert cells[2].text_content() == diff["extent"]
        assert cells[3].text_content() == counts_text(diff["summary"])


def test_the_significance_badge_is_coloured_by_tone(built: Built) -> None:
    styles = {b.get("class"): b.get("style") or "" for b in built.doc.find_class("badge")}
    assert styles and all("background" in s and "border" in s for s in styles.values())


# -- the severity chart -------------------------------------------------------------------------------
def bar_geometry(bar: lxml.etree._Element) -> dict[str, tuple[float, float, int]]:
    """severity -> (y, height, count) of a bar's segments."""
    return {
        r.get("data-severity"): (float(r.get("y")), float(r.get("height")), int(r.get("data-count")))
        for r in bar.iter(f"{SVG}rect")
        if "seg" in (r.get("class") or "").split()
    }


def test_the_chart_has_one_stacked_bar_per_step_drawn_to_scale(built: Built) -> None:
    svg = built.chart()
    bars = svg.findall(f"{SVG}g[@class='bar']")
    assert len(bars) == len(built.steps)
    totals = [sum(built.diffs[s]["summary"][sev] for sev in SEVERITIES) for s in built.steps]
    units = []
    for bar, step, total in zip(bars, built.steps, totals):
        summary = built.diffs[step]["summary"]
        segments = bar_geometry(bar)
        assert set(segments) == {sev for sev in SEVERITIES if summary[sev]}
        assert {sev: count for sev, (_, _, count) in segments.items()} == {s: summary[s] for s in segments}
        units += [height / count for _, height, count in segments.values()]
        # stacked without gaps, high at the bottom, on the zero line
        stack = [segments[sev] for sev in SEVERITIES if sev in segments]
        bottom = CHART_BASELINE
        for y, height, _ in stack:
            assert y + height == pytest.approx(bottom, abs=0.02)
            bottom = y
        assert int(bar.get("data-total")) == total
        assert [t.text for t in bar.iter(f"{SVG}text") if t.get("class") == "total"] == [str(total)]
        years = " ".join(t.text for t in bar.iter(f"{SVG}text") if t.get("class") == "years")
        assert str(step[0]) in years and str(step[1]) in years
    # one height per change throughout, and the step with the most changes fills the plot
    assert max(units) - min(units) < 0.02
    assert units[0] * max(totals) == pytest.approx(CHART_BASELINE - CHART_TOP, abs=0.1)


def test_the_chart_has_a_title_and_a_text_alternative(built: Built) -> None:
    svg = built.chart()
    assert svg.get("role") == "img"
    assert svg.get("viewBox") and svg.get("width") and svg.get("height")
    labelled = svg.get("aria-labelledby").split()
    found = {e.get("id"): e for e in svg.iter() if e.get("id")}
    assert [found[i].tag for i in labelled] == [f"{SVG}title", f"{SVG}desc"]
    title, desc = (found[i].text for i in labelled)
    assert "severity" in title.lower()
    for a, b in built.steps:
        assert f"FY{a} to FY{b}: {counts_text(built.diffs[(a, b)]['summary'])}" in desc
    # no script, no external file
    assert not built.doc.xpath(
        "//script | //link | //img | //*[@href or @xlink:href]",
        namespaces={"xlink": "http://www.w3.org/1999/xlink"},
    )


def test_a_step_without_change_draws_an_empty_bar_labelled_zero(refiled: Built) -> None:
    assert refiled.steps[-1] == (2025, 2026)
    assert refiled.diffs[(2025, 2026)]["summary"] == {"high": 0, "medium": 0, "low": 0}
    row = refiled.doc.get_element_by_id("step-2025-2026")
    assert row.find_class("badge")[0].text_content().lower() == refiled.diffs[(2025, 2026)]["significance"]
    bar = refiled.chart().findall(f"{SVG}g[@class='bar']")[-1]
    assert not bar_geometry(bar)
    assert [r.get("class") for r in bar.iter(f"{SVG}rect")] == ["bar-empty"]
    assert [t.text for t in bar.iter(f"{SVG}text") if t.get("class") == "total"] == ["0"]
    assert len(refiled.chart().findall(f"{SVG}g[@class='bar']")) == 3


# -- plain English and the fact table -----------------------------------------------------------------
def test_no_camel_case_element_name_on_the_page(built: Built) -> None:
    assert not CAMEL.search(built.html), CAMEL.search(built.html)
    flag_rows = built.doc.get_element_by_id("flags").getnext().xpath(".//tr")[1:]
    store = Store(built.db, create=False)
    try:
        hist = build_history(store, built.filer)
    finally:
        store.close()
    assert {r.findall("td")[0].text_content() for r in flag_rows} == {
        spec_for(n).reader_label for n in hist.flags
    }


def test_the_fact_table_marks_the_cells_that_changed(built: Built) -> None:
    store = Store(built.db, create=False)
    try:
        hist = build_history(store, built.filer)
    finally:
        store.close()
    years = [y["fiscal_year"] for y in hist.years]
    rows = built.doc.get_element_by_id("facts").getnext().xpath(".//tr")[1:]
    assert len(rows) == len(hist.facts)
    marked = 0
    for row, fact in zip(rows, sorted(hist.facts)):
        for cell, year in zip(row.findall("td")[1:], years):
            changed = hist.changed(fact, year)
            assert ("changed-cell" in (cell.get("class") or "").split()) == changed, (fact, year)
            assert bool(cell.find_class("tag-changed")) == changed, (fact, year)
            marked += changed
    if (
        built.filer == "MXL"
    ):  # the CISO gave way to a Senior IT Executive, and a framework was added, in FY2024
        assert marked >= 2


# -- what Chromium renders ---------------------------------------------------------------------------
@pytest.mark.browser
def test_the_page_renders_in_chromium(browser: Path, built: Built, tmp_path: Path) -> None:  # noqa: F811
    page = tmp_path / "history.html"
    page.write_text(built.html, encoding="utf-8")
    for width in (1280, 420):
        png = tmp_path / f"history-{width}.png"
        result = chromium(f"--screenshot={png}", f"--window-size={width},1400", page.as_uri())
        assert png.exists() and png.stat().st_size > 0, result.stderr[-2000:]
        assert_real_rendering(png, width)
    # The page has no script; a probe added to a copy measures, in the browser, the page and the chart.
    probe = tmp_path / "history-probe.html"
    probe.write_text(
        built.html.replace(
            "</body>",
            (
                "<script>var c = document.querySelector('svg.severity-chart').getBoundingClientRect();"
                "var d = document.documentElement;"
                "document.body.setAttribute('data-width', d.scrollWidth + ' ' + d.clientWidth);"
                "document.body.setAttribute('data-chart', Math.round(c.width) + 'x' + Math.round(c.height));"
                "</script></body>"
            ),
        ),
        encoding="utf-8",
    )
    result = chromium(
        "--enable-logging=stderr", "--v=0", "--window-size=420,1400", "--dump-dom", probe.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert not [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    dom = lxml.html.document_fromstring(result.stdout)
    page_width, viewport = map(
        int, dom.body.get("data-width").split()
    )  # (headless windows are 500 px at least)
    assert page_width <= viewport <= 500, "the page is wider than a narrow screen"
    chart_width, chart_height = map(int, dom.body.get("data-chart").split("x"))
    assert 200 < chart_width <= viewport and chart_height > 50
    assert len(dom.xpath("//*[local-name()='g'][@class='bar']")) == len(built.steps)
