"""The HTML reports: their typed context, their structure (lxml), escaping, golden files, and what headless
Chromium renders of them."""

from __future__ import annotations

import dataclasses
import difflib
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

import jinja2
import lxml.html
import pytest

from tracker.diff.compare import compare
from tracker.diff.context import ComparisonContext
from tracker.models import Disclosure, Element, spec_for
from tracker.pipeline.compare import build_history, compare_stored
from tracker.pipeline.ingest import Options, ingest_file
from tracker.render.html import (
    SECTIONS,
    ComparisonReport,
    HistoryReport,
    comparison_report,
    environment,
    history_report,
    render_comparison_html,
    render_history_html,
    template_dirs,
)
from tracker.store import Store

from .conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
FIXED_TIME = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
CHROMIUM = Path("/usr/bin/chromium")
SEED = "seeds/000_3eaf4e0fdd851dff.txt"
#: Known edits turning the real FY2024 Kanzhun R page into a realistic FY2023 one.
SEED_EDITS = [
    ("Dec. 31, 2024", "Dec. 31, 2023"),
    ("receives quarterly updates", "receives semi-annual updates"),
    ("He has over 18 years of experience", "He has over 17 years of experience"),
    (
        "|Cybersecurity Risk Management Third Party Engaged [Flag]\n|true",
        "|Cybersecurity Risk Management Third Party Engaged [Flag]\n|false",
    ),
    (
        " At the same time, our management will closely follow the development of the situation, examine the scope "
        "of impact, and report the incident and disposition to the higher regulatory bodies in a timely manner.",
        " We also engage an external auditor to review our incident response plan every year.",
    ),
]
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


# -- fixtures -----------------------------------------------------------------------------------------
def ingest(db: Path, *paths: Path, **options: str) -> None:
    store = Store(db)
    try:
        for path in paths:
            ingest_file(store, path, Options(**options))
    finally:
        store.close()


@pytest.fixture(scope="module")
def nwan_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("nwan") / "tracker.db"
    ingest(db, *sorted((FIXTURES / "sample").glob("nwan-*.htm")))
    return db


@pytest.fixture(scope="module")
def nwan(nwan_db: Path) -> ComparisonContext:
    store = Store(nwan_db, create=False)
    try:
        return compare_stored(store, "NWAN", 2023, 2024)
    finally:
        store.close()


@pytest.fixture(scope="module")
def seed_ctx(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> ComparisonContext:
    """Kanzhun's real FY2024 R page against a FY2023 variant with known edits."""
    folder = tmp_path_factory.mktemp("seed")
    text = (corpus / SEED).read_text(encoding="utf-8")
    old = text
    for before, after in SEED_EDITS:
        assert before in old, before
        old = old.replace(before, after)
    (folder / "kanzhun-20-f-fy2023.txt").write_text(old, encoding="utf-8")
    (folder / "kanzhun-20-f-fy2024.txt").write_text(text, encoding="utf-8")
    db = folder / "tracker.db"
    ingest(
        db,
        folder / "kanzhun-20-f-fy2023.txt",
        folder / "kanzhun-20-f-fy2024.txt",
        filer="1842827",
        name="Kanzhun Ltd",
        form="20-F",
    )
    store = Store(db, create=False)
    try:
        return compare_stored(store, "1842827", 2023, 2024)
    finally:
        store.close()


def disclosure(
    texts: dict[str, str], *, tagged: bool = True, year: int = 2024, name: str = "Evil & Co"
) -> Disclosure:
    elements = [Element(k, "text", v, "tagged" if tagged else "inferred") for k, v in texts.items()]
    return Disclosure(
        elements=elements,
        tagged=tagged,
        source_format="test",
        cik="0000000001",
        name=name,
        tickers=["EVL"],
        fiscal_year=year,
        form="10-K",
    )


def context(old: Disclosure, new: Disclosure) -> ComparisonContext:
    def meta(d: Disclosure) -> dict:
        return {
            "fiscal_year": d.fiscal_year,
            "form": d.form,
            "version": 1,
            "tagged": d.tagged,
            "source": f"/somewhere/{d.fiscal_year}.htm",
            "sha256": "ab" * 32,
            "period_end": None,
        }

    return ComparisonContext(
        compare(old, new), {"cik": old.cik, "name": old.name, "tickers": old.tickers}, meta(old), meta(new)
    )


BOARD = "CybersecurityRiskBoardOfDirectorsOversightTextBlock"
PROCESS = "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


# -- the typed context --------------------------------------------------------------------------------
def test_context_is_typed_and_complete(nwan):
    report = comparison_report(nwan, verbose=True)  # the per-element sections too
    assert isinstance(report, ComparisonReport)
    assert report.filer.name == "NORTHWIND ANALYTICS, INC." and report.filer.tickers == ["NWAN"]
    assert (report.old.label, report.old.tagged, report.new.label, report.new.tagged) == (
        "FY2023",
        False,
        "FY2024",
        True,
    )
    assert (
        report.counts == nwan.comparison.counted == {"high": 1, "medium": 3, "low": 2}
    )  # (each matter once)
    assert sum(report.counts.values()) + nwan.comparison.restated == sum(nwan.comparison.summary.values())
    assert [m.name for m in report.similarity] == ["cosine", "jaccard", "min_edit", "simple"]
    assert report.sections and {s.title for s in report.sections} <= set(SECTIONS)
    assert report.text_changes == sum(c.kind.startswith("text_") for c in nwan.comparison.changes)
    assert report.notes and "FY2023" in report.notes[0]  # the untagged year is explained


def test_every_context_field_is_documented():
    import tracker.render.html as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    for cls in [
        obj
        for obj in vars(module).values()
        if dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__
    ]:
        for f in dataclasses.fields(cls):
            assert re.search(rf"\n    {f.name}: [^\n]+\n    \"\"\"", source), (
                f"{cls.__name__}.{f.name} has no docstring"
            )


def test_templates_are_strict():
    """StrictUndefined: a template given the wrong context fails instead of rendering blanks."""
    with pytest.raises(jinja2.UndefinedError):
        environment().get_template("comparison.html").render(report=object())
    assert environment().autoescape("x.html") is True
    assert environment().autoescape("x.txt") is False


def test_templates_are_found_from_the_checkout_or_the_package():
    dirs = template_dirs()
    assert dirs and all((d / "comparison.html").is_file() for d in dirs)
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"templates" = "tracker/templates"' in pyproject


# -- structure ----------------------------------------------------------------------------------------
def test_summary_comes_before_the_details(nwan):
    doc = parse(render_comparison_html(nwan))
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    assert "summary" in ids
    details = [i for i in ids if i.startswith(("sec-", "el-", "c")) and i != "summary"]
    assert details and ids.index("summary") < min(ids.index(i) for i in details)


def test_anchors_resolve_and_are_unique(nwan):
    doc = parse(render_comparison_html(nwan))
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    links = [a.get("href") for a in doc.iter("a")]
    assert links
    for href in links:
        assert href.startswith("#") and href[1:] in ids, href


def test_the_per_element_view_keeps_anchors_unique_and_resolving(nwan):
    """--verbose adds the per-element view below the redline: its ids never meet the redline's."""
    doc = parse(render_comparison_html(nwan, verbose=True))
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    assert doc.get_element_by_id("by-element") is not None
    assert len(ids) == len(set(ids))
    assert all(a.get("href")[1:] in ids for a in doc.iter("a"))


def test_every_change_is_present_once(nwan):
    """Each wording change once in the redline, numbered in reading order and listed; each flag, fact and
    people change once in the table, in plain English with why it matters."""
    html = render_comparison_html(nwan)
    doc = parse(html)
    text_changes = [c for c in nwan.comparison.changes if c.kind.startswith("text_")]
    pieces = doc.find_class("chg")
    assert len(pieces) == len(text_changes)
    assert [p.get("id") for p in pieces] == [f"c{n}" for n in range(1, len(pieces) + 1)]
    redline = doc.find_class("doc")[0].text_content()
    for change in text_changes:
        if change.kind in ("text_added", "text_removed", "text_moved"):
            assert redline.count(change.text) == 1, change.text
        if change.kind == "text_changed":
            assert all(text in redline for op, text in change.ops if op != 0)
    listed = doc.xpath("//ol[contains(@class, 'clist')]/li")
    assert len(listed) == len(text_changes)
    table = doc.find_class("ct")[0].text_content()
    rows = [c for c in nwan.comparison.changes if c.kind == "flag_flipped" or c.kind.startswith("fact_")]
    assert len(doc.find_class("ct-row")) == len(rows)
    for c in rows:
        if c.kind.startswith("fact_"):  # what changed in plain English, with why it matters
            assert c.summary and c.summary[1:] in table and c.why[1:] in table
        if c.kind == "flag_flipped":
            assert spec_for(c.element).reader_label in table


def test_self_contained_no_script_no_external_resource(nwan):
    html = render_comparison_html(nwan)
    doc = parse(html)
    assert not doc.xpath("//script | //link | //img | //iframe | //object | //embed | //form")
    for el in doc.iter():
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr)
            if attr in ("src", "href", "action", "background"):
                assert value.startswith("#") or value.startswith("mailto:"), value
    assert not re.search(r"https?://|url\(|@import", html, re.I)


def test_css_is_inlined_and_only_media_queries_stay(nwan):
    doc = parse(render_comparison_html(nwan))
    styled = doc.xpath("//*[@style]")
    assert len(styled) > 50
    assert "underline" in doc.xpath("//ins")[0].get("style")
    assert "line-through" in doc.xpath("//del")[0].get("style")
    styles = doc.xpath("//style")
    assert len(styles) == 1
    css = styles[0].text
    assert "prefers-color-scheme: dark" in css and "max-width" in css and "@media print" in css
    top_level = re.sub(r"\{(?:[^{}]|\{[^{}]*\})*\}", "{}", css)  # collapse every block
    assert set(re.findall(r"@?[\w-]+", top_level)) <= {
        "@media",
        "only",
        "screen",
        "and",
        "max-width",
        "620px",
        "prefers-color-scheme",
        "dark",
        "print",
    }


def test_redline_folds_unchanged_paragraphs_and_links_moves(nwan):
    doc = parse(render_comparison_html(nwan))
    folds = doc.xpath("//details[contains(@class, 'fold') and not(@id)]")
    unchanged = " ".join(f.text_content() for f in folds)
    assert folds and re.search(r"\d+ unchanged paragraphs?", unchanged)
    changed_paragraphs = " ".join(
        p.text_content() for p in doc.xpath("//div[@class='doc']/p | //div[@class='doc']/h3")
    )
    same = [p.new_text for p in nwan.comparison.pairs if p.status == "same"]
    assert all(
        s in unchanged or s in changed_paragraphs for s in same
    )  # every sentence once, in its paragraph
    moved = [c for c in nwan.comparison.changes if c.kind == "text_moved"]
    assert moved
    piece = next(p for p in doc.find_class("chg") if moved[0].text in p.text_content())
    n = piece.get("id")
    there = doc.get_element_by_id(f"{n}-from")
    assert "moved" in piece.text_content() and f"#{n}-from" in piece.xpath(".//a/@href")
    assert there.get("href") == f"#{n}"


def test_side_by_side_paragraphs_and_severity_words(nwan):
    doc = parse(render_comparison_html(nwan))
    table = doc.get_element_by_id("side-by-side").find_class("sbs")[0]
    head = table.xpath(".//th")
    assert [h.text_content() for h in head] == ["FY2023", "FY2024"]
    cells = table.xpath(".//td")
    assert cells and len(cells) % 2 == 0
    badges = {b.text_content() for b in doc.find_class("sev")}
    assert {"High", "Medium", "Low"} <= badges


def test_inferred_values_are_marked(nwan):
    doc = parse(render_comparison_html(nwan))
    rows = [c for c in nwan.comparison.changes if c.kind == "flag_flipped" or c.kind.startswith("fact_")]
    facts = [i for i, c in enumerate(rows, 1) if c.kind in ("fact_removed", "fact_changed")]
    assert facts, "NWAN's FY2023 (untagged) facts changed"
    assert "inferred" in doc.get_element_by_id(f"f{facts[0]}").text_content()


def test_no_change_says_so_plainly():
    d = disclosure(
        {BOARD: "Our Board oversees cybersecurity risk. The Audit Committee receives quarterly reports."}
    )
    html = render_comparison_html(context(d, d))
    text = parse(html).text_content()
    assert "No change." in text and "no substantive change" in text.lower()
    assert "No wording changed." in text and not parse(html).find_class("ct")
    # and what both years say alike, under the heading the text report gives it
    still = parse(html).get_element_by_id("unchanged")
    assert still.text_content() == "Stated alike in both years"
    assert [li.text_content() for li in still.getnext().iter("li")] == [
        "Board oversight: board of directors; audit committee",
        "How often the board is briefed: quarterly (the audit committee)",
        "Statement on material incidents: not stated in either year",  # (Item 106(b)(2) asks for it)
    ]


def test_disclosure_text_is_escaped():
    old = disclosure(
        {BOARD: f"Our Board oversees risk. We log {SCRIPT} attempts.", PROCESS: "We patch monthly."},
        year=2023,
        name=f"{SCRIPT} Evil & Co",
    )
    new = disclosure(
        {
            BOARD: f"Our Board oversees risk. We log {SCRIPT} and {IMG} attempts.",
            PROCESS: f"We patch weekly. {IMG}",
        },
        name=f"{SCRIPT} Evil & Co",
    )
    html = render_comparison_html(context(old, new))
    doc = parse(html)
    assert not doc.xpath("//script | //img | //*[@onerror]")
    text = doc.text_content()
    assert SCRIPT in text and IMG in text and "Evil & Co" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_long_words_wrap(nwan):
    word = "Cyber" + "security" * 60
    old = disclosure({BOARD: "Our Board oversees risk."}, year=2023)
    new = disclosure({BOARD: f"Our Board oversees {word} risk."})
    doc = parse(render_comparison_html(context(old, new)))
    holder = doc.xpath(f"//*[contains(text(), '{word}')]")[0]
    chain = [holder, *holder.iterancestors()]
    assert any("overflow-wrap: anywhere" in (e.get("style") or "") for e in chain)
    assert any("table-layout: fixed" in (e.get("style") or "") for e in doc.find_class("sbs"))


def test_history_report(nwan_db):
    store = Store(nwan_db, create=False)
    try:
        hist = build_history(store, "NWAN")
    finally:
        store.close()
    report = history_report(hist)
    assert isinstance(report, HistoryReport) and [y.label for y in report.years] == ["FY2023", "FY2024"]
    doc = parse(render_history_html(hist))
    text = doc.text_content()
    assert "Year over year" in text and "2023 → 2024" in text
    flag_rows = doc.get_element_by_id("flags").getnext().xpath(".//tr")
    assert len(flag_rows) == 1 + len(hist.flags)
    assert "inferred" in flag_rows[1].text_content() and "tagged" in flag_rows[1].text_content()
    if any(hist.changed(f, 2024) for f in hist.facts):
        assert doc.find_class("changed-cell")
    assert not doc.xpath("//script | //link | //img")


# -- golden files ---------------------------------------------------------------------------------------
def mask(html: str) -> str:
    """Volatile values: the time stamp of the footer."""
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "YYYY-MM-DD HH:MM UTC", html)


def check_golden(request: pytest.FixtureRequest, name: str, html: str) -> None:
    path = GOLDEN / name
    actual = mask(html)
    if request.config.getoption("--regen-golden") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not request.config.getoption("--regen-golden"):
            pytest.fail(f"{path} did not exist and was written; check it and rerun")
        return
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(path), "now", n=1)
        )
        pytest.fail(f"the render differs from {path} (rerun with --regen-golden if intended):\n{diff[:4000]}")


def test_golden_nwan(request, nwan):
    check_golden(request, "nwan-2023-2024.html", render_comparison_html(nwan, generated_at=FIXED_TIME))


@pytest.mark.corpus
def test_golden_seed(request, seed_ctx):
    check_golden(
        request, "kanzhun-seed-2023-2024.html", render_comparison_html(seed_ctx, generated_at=FIXED_TIME)
    )


def test_golden_nwan_history(request, nwan_db):
    store = Store(nwan_db, create=False)
    try:
        hist = build_history(store, "NWAN")
    finally:
        store.close()
    check_golden(request, "nwan-history.html", render_history_html(hist, generated_at=FIXED_TIME))


@pytest.mark.corpus
def test_seed_report_shows_the_known_edits(seed_ctx):
    doc = parse(render_comparison_html(seed_ctx))
    table = doc.find_class("ct")[0].text_content()
    assert spec_for("CybersecurityRiskManagementThirdPartyEngagedFlag").reader_label in table
    assert "false" in table and "true" in table
    ins = [e.text_content() for e in doc.iter("ins")]
    dels = [e.text_content() for e in doc.iter("del")]
    assert any("18" in t for t in ins) and any("17" in t for t in dels)
    assert any("quarterly" in t for t in ins) and any("semi-annual" in t for t in dels)


# -- what Chromium renders ---------------------------------------------------------------------------
def chromium(*args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )


def png_pixels(path: Path, max_rows: int) -> tuple[int, int, list[bytes]]:
    """Width, height and the first max_rows decoded rows (RGB or RGBA, 8 bit) of a PNG: stdlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompressobj().decompress(idat, (stride + 1) * max_rows)
    rows, prev = [], bytearray(stride)
    for r in range(min(max_rows, height, len(raw) // (stride + 1))):
        kind, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1 : (r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def assert_real_rendering(png: Path, width: int) -> None:
    w, h, rows = png_pixels(png, 500)
    assert (w, h) == (width, 1400)
    colours, inked = set(), 0
    bpp = len(rows[0]) // w
    for row in rows[::2]:
        for x in range(0, len(row), bpp * 2):
            pixel = row[x : x + 3]
            colours.add(pixel)
            inked += pixel != b"\xff\xff\xff"
    assert len(colours) > 40, f"only {len(colours)} colours: a blank or broken rendering"
    assert inked > 1000


@pytest.fixture(scope="module")
def browser() -> Path:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"headless Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


def browse_report(html: str, folder: Path, name: str) -> None:
    """Screenshots at 1280 and 600 px, the rendered DOM, and the page width at 600 px."""
    page = folder / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    for width in (1280, 600):
        png = folder / f"{name}-{width}.png"
        result = chromium(f"--screenshot={png}", f"--window-size={width},1400", page.as_uri())
        assert png.exists(), result.stderr[-2000:]
        assert_real_rendering(png, width)
    # The report has no script; a probe added to a copy measures the page width in the browser.
    probe = folder / f"{name}-probe.html"
    probe.write_text(
        html.replace(
            "</body>",
            "<script>document.body.setAttribute('data-width', "
            "document.documentElement.scrollWidth)</script></body>",
        ),
        encoding="utf-8",
    )
    dom = parse(chromium("--window-size=600,1400", "--dump-dom", probe.as_uri()).stdout)
    summary = dom.get_element_by_id("summary").text_content()
    assert "Verdict:" in summary and "Changes by severity" in summary
    assert int(dom.body.get("data-width")) <= 600


@pytest.mark.browser
def test_browser_renders_nwan(browser, nwan, tmp_path):
    browse_report(render_comparison_html(nwan), tmp_path, "nwan")


@pytest.mark.browser
@pytest.mark.corpus
def test_browser_renders_seed_report(browser, seed_ctx, tmp_path):
    browse_report(render_comparison_html(seed_ctx), tmp_path, "seed")


@pytest.mark.browser
def test_browser_long_word_does_not_widen_the_page(browser, tmp_path):
    word = "Cyber" + "security" * 60
    old = disclosure({BOARD: "Our Board oversees risk."}, year=2023)
    new = disclosure({BOARD: f"Our Board oversees {word} risk. {SCRIPT}"})
    browse_report(render_comparison_html(context(old, new)), tmp_path, "long")
