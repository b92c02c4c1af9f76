"""The package's layout shows the data flow: each stage imports only its own stage and the stages before it
(read -> facts -> store -> diff -> render -> use cases -> notify/fetch/browse -> command line)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tracker

PACKAGE = Path(tracker.__file__).resolve().parent
#: The stages in the order data flows through them; a module may import its own stage and earlier ones.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("model", ("tracker.errors", "tracker.models", "tracker.text")),
    ("read", ("tracker.read",)),
    ("facts", ("tracker.facts",)),
    ("store", ("tracker.store",)),
    ("diff", ("tracker.diff",)),
    ("render", ("tracker.render",)),
    ("use cases", ("tracker.pipeline",)),
    ("notify, fetch, browse", ("tracker.notify", "tracker.edgar", "tracker.browse")),
    ("command line", ("tracker.cli", "tracker.__main__")),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    for rank, (_, prefixes) in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES and docs/architecture.md")


def imports(path: Path) -> set[str]:
    """Every tracker module a file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tracker"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tracker"):
            found.add(node.module)
            if node.module == "tracker" or node.module.count(".") == 1:  # `from tracker.diff import redline`
                found.update(
                    f"{node.module}.{a.name}"
                    for a in node.names
                    if (PACKAGE.parent / node.module.replace(".", "/") / f"{a.name}.py").exists()
                    or (PACKAGE.parent / node.module.replace(".", "/") / a.name).is_dir()
                )
    return {m for m in found if m != "tracker"}


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_stage_imports_a_later_one(path: Path) -> None:
    here = module_name(path)
    rank = stage_of(here)
    later = sorted(m for m in imports(path) if stage_of(m) > rank)
    assert not later, f"{here} ({STAGES[rank][0]}) imports a later stage: {later}"


def test_every_stage_is_documented() -> None:
    doc = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in MODULES:
        name = module_name(path)
        assert f"`{name}`" in doc, f"{name} is not in docs/architecture.md"


def test_the_public_api_resolves() -> None:
    for name in tracker.__all__:
        assert getattr(tracker, name) is not None, name


def test_all_lists_exactly_the_api() -> None:
    assert set(tracker.__all__) == {"__version__", *tracker._API}
