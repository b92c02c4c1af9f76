"""`tracker diff|compare --format pdf`: the change report printed to A4 by headless Chromium (tracker/render/pdf.py).

Real-Chromium tests print one PDF per corpus pair (module-scoped) and read it back with pypdf; the failure
paths run a stand-in Chromium (a shell script) so they are fast and need no browser.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tracker.diff.context import ComparisonContext
from tracker.pipeline.compare import compare_files
from tracker.render import html as htmlreport
from tracker.render import pdf

from .cli import run

pypdf = pytest.importorskip("pypdf")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = (FIXTURES / "sample" / "nwan-10-k-fy2023.htm", FIXTURES / "sample" / "nwan-10-k-fy2024.htm")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)"
)
#: Corpus pairs printed once each: id -> (old, new, the filer as the running header names it).
PAIRS = {
    "AMZN": ("text/AMZN_2023.txt", "text/AMZN_2024.txt", "AMZN"),
    "KO": ("ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz", "COCA COLA CO (KO)"),
    "U": ("text/U_2023.txt", "text/U_2024.txt", "U"),
}


@dataclasses.dataclass
class Printed:
    """A PDF the CLI wrote, read back."""

    path: Path
    pages: list[str]
    """Text of each page, NFKC-normalised (pypdf returns the ligatures of the font, e.g. U+FB01)."""
    header: str
    """The filer label expected in the running header."""
    significance: str
    """The comparison's verdict: significant, notable, routine or no substantive change."""
    changes: int
    """Number of changes in the report."""


def page_texts(path: Path) -> list[str]:
    return [unicodedata.normalize("NFKC", page.extract_text() or "") for page in pypdf.PdfReader(path).pages]


def fake_chromium(folder: Path, body: str) -> Path:
    """A stand-in Chromium: a shell script; $OUT is the --print-to-pdf target."""
    script = folder / "fake-chromium"
    script.write_text(
        "#!/bin/sh\nPATH=/usr/bin:/bin\nOUT=\n"
        'for a in "$@"; do case "$a" in\n'
        '  --print-to-pdf=*) OUT="${a#--print-to-pdf=}";;\nesac; done\n' + body + "\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.fixture(scope="module")
def print_pair(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Printed]:
    """`tracker compare OLD NEW --format pdf -o X.pdf` of a corpus pair with the real Chromium, once each."""
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    done: dict[str, Printed] = {}

    def get(name: str) -> Printed:
        if name not in done:
            old, new, header = PAIRS[name]
            out = tmp_path_factory.mktemp("pdf") / f"{name}.pdf"
            with pytest.MonkeyPatch.context() as mp:
                mp.delenv(pdf.CHROMIUM_ENV, raising=False)
                code, _, err = run("compare", corpus / old, corpus / new, "--format", "pdf", "-o", out)
            assert code == 0, err
            assert err.strip() == f"wrote {out}"
            comparison = compare_files(corpus / old, corpus / new).comparison
            done[name] = Printed(
                out, page_texts(out), header, comparison.significance, len(comparison.changes)
            )
        return done[name]

    return get


@pytest.fixture(scope="module", params=sorted(PAIRS))
def printed(request: pytest.FixtureRequest, print_pair: Callable[[str], Printed]) -> Printed:
    """The PDF of each corpus pair."""
    return print_pair(request.param)


@pytest.fixture
def sample() -> ComparisonContext:
    return compare_files(*SAMPLE)


@pytest.fixture
def no_real_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PATH without any Chromium, and a stand-in report (a stand-in Chromium prints nothing real); returns
    a folder for stand-ins."""
    bin_dir = tmp_path_factory.mktemp("bin")
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv(pdf.CHROMIUM_ENV, raising=False)
    monkeypatch.setattr(
        htmlreport,
        "render_comparison_html",
        lambda ctx, **_: "<!DOCTYPE html><html><head></head><body>report</body></html>",
    )
    return bin_dir


# -- real Chromium, corpus pairs -------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.corpus
def test_pdf_is_a4_with_header_and_page_numbers_on_every_page(printed: Printed) -> None:
    assert printed.path.read_bytes()[:5] == b"%PDF-"
    reader = pypdf.PdfReader(printed.path)
    n = len(reader.pages)
    assert n >= 1
    for number, (page, text) in enumerate(zip(reader.pages, printed.pages, strict=True), 1):
        width_mm, height_mm = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
        assert (round(width_mm), round(height_mm)) == (210, 297)
        assert f"{printed.header}: cybersecurity disclosure, FY2023 to FY2024" in text, text[:300]
        assert f"Page {number} of {n}" in text
    assert re.search(r"\bPage 1 of \d+\b", printed.pages[0])


@pytest.mark.browser
@pytest.mark.corpus
def test_first_page_leads_with_the_verdict(printed: Printed) -> None:
    first = printed.pages[0]
    header = first.splitlines()[0]
    assert printed.header in header and "FY2023" in header and "FY2024" in header
    assert printed.significance in first.lower().replace("\n", " ")
    assert "Page 1 of" in first


@pytest.mark.browser
@pytest.mark.corpus
def test_a_report_is_never_absurdly_long(printed: Printed) -> None:
    # Not the budget (see below); seen before the reading-order report: AMZN 2, KO 6, U 4 or 5 pages.
    assert len(printed.pages) <= 20, f"{printed.path.name}: {len(printed.pages)} pages"


@pytest.mark.browser
@pytest.mark.corpus
def test_a_report_of_at_most_15_changes_prints_on_4_pages(print_pair: Callable[[str], Printed]) -> None:
    for name in ("KO", "U", "AMZN"):
        printed = print_pair(name)
        assert printed.changes <= 15
        assert len(printed.pages) <= 4, f"{name}: {len(printed.pages)} pages"


# -- real Chromium, the sample (no corpus needed) --------------------------------------------------------
@pytest.mark.browser
@needs_chromium
def test_without_output_writes_ticker_and_years_in_cwd(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(pdf.CHROMIUM_ENV, raising=False)
    code, out, err = run("compare", *SAMPLE, "--format", "pdf")
    assert code == 0, err
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["NWAN-FY2023-FY2024.pdf"]
    first = page_texts(tmp_path / "NWAN-FY2023-FY2024.pdf")[0]
    assert "NORTHWIND ANALYTICS, INC. (NWAN): cybersecurity disclosure, FY2023 to FY2024" in first
    assert (tmp_path / "NWAN-FY2023-FY2024.pdf").stat().st_mode & 0o044  # not left 0600 like a temp file


@pytest.mark.browser
@needs_chromium
def test_quotes_backslashes_and_markup_in_the_name_survive_the_css_string(
    sample: ComparisonContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(pdf.CHROMIUM_ENV, raising=False)
    name = 'ACME "Q" \\ Co </style><b>'
    ctx = dataclasses.replace(sample, filer={**sample.filer, "name": name})
    out = tmp_path / "acme.pdf"
    pdf.write_pdf(ctx, out)
    first = page_texts(out)[0]
    assert f"{name} (NWAN): cybersecurity disclosure, FY2023 to FY2024" in first
    assert sample.comparison.significance in first.lower().replace("\n", " ")


# -- no Chromium, or a Chromium that fails ---------------------------------------------------------------
def test_missing_chromium_named_by_the_variable_is_one_sentence_and_no_file(
    sample: ComparisonContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(tmp_path / "no" / "chromium"))  # PATH has one: must not be used
    code, out, err = run("compare", *SAMPLE, "--format", "pdf")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Chromium is needed for PDF output")
    assert "apt-get install chromium" in lines[0]
    assert lines[0].endswith("set TRACKER_CHROMIUM to a Chromium binary.")
    assert list(tmp_path.iterdir()) == []


def test_missing_chromium_on_path(no_real_chromium: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    code, _, err = run("compare", *SAMPLE, "--format", "pdf", "-o", out)
    assert code == 2
    assert err.strip() == (
        "error: Chromium is needed for PDF output: install Debian's chromium package "
        "(apt-get install chromium) or set TRACKER_CHROMIUM to a Chromium binary."
    )
    assert not out.exists()


def test_chromium_that_fails_leaves_nothing_behind(
    no_real_chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = fake_chromium(
        no_real_chromium,
        "echo '[1:2:ERROR:dbus/bus.cc(405)] Failed to connect to the bus' >&2\n"
        "printf '%%PDF-1.7 half' > \"$OUT\"\n"
        "echo '[1:2:ERROR:ozone.cc(9)] Missing X server or $DISPLAY.' >&2\n"
        "exit 7",
    )
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(script))
    target = tmp_path / "out"
    target.mkdir()
    code, _, err = run("compare", *SAMPLE, "--format", "pdf", "-o", target / "r.pdf")
    assert code == 3
    assert err.strip() == (
        "error: Chromium failed to print the PDF (exit status 7: Missing X server or $DISPLAY)."
    )
    assert list(target.iterdir()) == []


def test_chromium_that_writes_nothing(
    no_real_chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(fake_chromium(no_real_chromium, "exit 0")))
    target = tmp_path / "out"
    target.mkdir()
    (target / "r.pdf").write_bytes(b"old report")
    code, _, err = run("compare", *SAMPLE, "--format", "pdf", "-o", target / "r.pdf")
    assert code == 3
    assert err.strip() == "error: Chromium exited without writing a PDF (it gave no reason)."
    assert [p.name for p in target.iterdir()] == ["r.pdf"]
    assert (target / "r.pdf").read_bytes() == b"old report"


def test_chromium_that_hangs_is_stopped(
    no_real_chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(fake_chromium(no_real_chromium, "sleep 30 & sleep 30")))
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 0.5)
    target = tmp_path / "out"
    target.mkdir()
    code, _, err = run("compare", *SAMPLE, "--format", "pdf", "-o", target / "r.pdf")
    assert code == 3
    assert err.strip().startswith("error: Chromium did not print the PDF within 0.5 seconds;")
    assert len(err.strip().splitlines()) == 1
    assert list(target.iterdir()) == []


def test_chromium_that_cannot_start(
    no_real_chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = no_real_chromium / "not-a-program"
    script.write_bytes(b"\x00\x01 not an executable format")
    script.chmod(0o755)
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(script))
    code, _, err = run("compare", *SAMPLE, "--format", "pdf", "-o", tmp_path / "r.pdf")
    assert code == 3
    assert err.strip() == f"error: cannot start Chromium ({script}): Exec format error."
    assert not (tmp_path / "r.pdf").exists() and not list(tmp_path.glob(".r.pdf.*"))


def test_unwritable_target(no_real_chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(fake_chromium(no_real_chromium, "exit 0")))
    code, _, err = run("compare", *SAMPLE, "--format", "pdf", "-o", tmp_path / "no" / "r.pdf")
    assert code == 3
    assert (
        err.strip() == f"error: cannot write {tmp_path / 'no' / 'r.pdf'}: No such file or directory; "
        "choose another path."
    )


# -- the pieces ------------------------------------------------------------------------------------------
def test_css_string_escapes() -> None:
    assert pdf.css_string('a "b" \\c') == 'a \\"b\\" \\\\c'
    assert pdf.css_string("x</style>\ny") == "x\\3c /style> y"


def test_inject_style_goes_before_the_end_of_head() -> None:
    assert (
        pdf.inject_style("<html><head><title>t</title></HEAD><body>b</body></html>", "p{}")
        == "<html><head><title>t</title><style>\np{}</style>\n</HEAD><body>b</body></html>"
    )
    assert pdf.inject_style("<body>b</body>", "p{}") == "<style>\np{}</style>\n<body>b</body>"
    assert pdf.inject_style("b", "p{}") == "<style>\np{}</style>\nb"


def test_print_css_names_the_filer_and_years(sample: ComparisonContext) -> None:
    css = pdf.print_css(sample)
    assert "size: A4" in css and 'counter(page) " of " counter(pages)' in css
    assert 'content: "NORTHWIND ANALYTICS, INC. (NWAN): cybersecurity disclosure, FY2023 to FY2024";' in css


@pytest.mark.parametrize(
    ("filer", "label"),
    [
        ({"name": "ACME", "cik": "1", "tickers": ["AC", "AD"]}, "ACME (AC)"),
        ({"name": "ACME", "cik": "1", "tickers": []}, "ACME"),
        ({"name": None, "cik": None, "tickers": ["AMZN"]}, "AMZN"),
        ({"name": None, "cik": "0000021344", "tickers": []}, "CIK 0000021344"),
        ({}, "Unnamed filer"),
    ],
)
def test_filer_label(filer: dict, label: str) -> None:
    assert pdf.filer_label(filer) == label


def test_year_label() -> None:
    assert (pdf.year_label({"fiscal_year": 2024}), pdf.year_label({})) == ("FY2024", "year unknown")


def test_failure_reason_skips_noise_and_shortens() -> None:
    log = (
        "/usr/bin/chromium: 9: [: 1: unexpected operator\n[1:2:ERROR:x.cc(1)] " + "z" * 300 + "\n"
        "[1:2:ERROR:dbus/bus.cc(405)] Failed to connect to the bus\n"
    )
    reason = pdf.failure_reason(log)
    assert reason.startswith("zzz") and reason.endswith("...") and len(reason) == 160


@pytest.fixture(autouse=True)
def _no_stray_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test leaves Chromium's profile or the page it printed in the temporary folder."""
    folder = tmp_path_factory.mktemp("tempdir")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield
    assert list(folder.iterdir()) == []
