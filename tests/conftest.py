"""Shared test fixtures: the corpus path option and a fresh database per test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--corpus", default=str(ROOT.parent / "shared" / "corpus"),
                     help="path of the shared corpus of real filings (default ../shared/corpus)")


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
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/golden/* from the current renderers instead of comparing")
