"""Shared test fixtures: the corpus path option and a fresh database per test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--corpus",
        default=str(ROOT.parent / "shared" / "corpus"),
        help="path of the shared corpus of real filings (default ../shared/corpus)",
    )


@pytest.fixture(scope="session")
def corpus(pytestconfig: pytest.Config) -> Path:
    """The shared corpus folder; tests that need it skip where it is absent."""
    path = Path(pytestconfig.getoption("--corpus"))
    if not (path / "ixbrl").is_dir():
        pytest.skip(f"the shared corpus is not at {path} (pass --corpus PATH to run corpus tests)")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file of this test's own."""
    return tmp_path / "tracker.db"


@pytest.hookimpl(specname="pytest_addoption")
def pytest_addoption_regen_golden(parser: pytest.Parser) -> None:
    """--regen-golden: rewrite the golden files under tests/golden instead of comparing with them."""
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/* from the current renderers instead of comparing",
    )


#: Whole modules whose tests each take a second or more (a browser, LibreOffice, worker processes, every corpus
#: file): `pytest -m "not slow"` is the fast loop; CI runs everything.
SLOW_MODULES = {
    "test_pdf",
    "test_docx_report",
    "test_browse",
    "test_history_html",
    "test_batch",
    "test_planted_edits",
    "test_gold",
    "test_robustness",
    "test_fetch",
    "test_api_example",
}
#: Single slow tests of otherwise fast modules.
SLOW_TESTS = {
    "test_accuracy_on_hidden_tags",
    "test_rule_keywords_never_hide_a_match",
    "test_redline_reads_each_year_back_whole",
    "test_every_corpus_email_fits_before_gmail_clips_it",
    "test_datasette_is_curated",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests (see SLOW_MODULES), and every test that drives a browser."""
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in SLOW_MODULES or item.originalname in SLOW_TESTS or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
