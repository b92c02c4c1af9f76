"""Start-up: a command loads what it uses and nothing else (bench/bench_startup.py times it; this guards it).

Each check runs the command line in a fresh interpreter and lists the modules it loaded: a heavy library
imported at the top of a command module, a pattern compiled at import or a write path on a read command
shows up here before it shows up in anyone's timings.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer._coercion import build_runtime_param
from typer.main import get_command

import tracker.facts
from tracker.cli import PlainCoercion, app
from tracker.facts import rules
from tracker.text.lazy import LazyPattern, lazy_compile

ROOT = Path(__file__).resolve().parent.parent

#: Libraries no command needs before it runs, and `--help` never: heavy to import.
HEAVY = [
    "sqlite_utils",
    "lxml",
    "jinja2",
    "openpyxl",
    "datasketch",
    "docx",
    "datasette",
    "aiosmtpd",
    "pydantic",
]
#: Libraries only some commands use: e-mail, EDGAR, the store, the diff, the readers.
COMMANDS_OWN = [
    "smtplib",
    "filelock",
    "urllib.request",
    "diff_match_patch",
    "ahocorasick",
    "tracker.store",
    "tracker.facts",
    "tracker.diff.compare",
    "tracker.pipeline.compare",
    "tracker.notify.mail",
    "tracker.edgar.client",
    "tracker.browse.server",
]
#: What a stored `diff` (text) does not use: the writers, the readers of sources, the other formats.
NOT_FOR_A_STORED_DIFF = [
    "sqlite_utils",
    "lxml",
    "jinja2",
    "docx",
    "css_inline",
    "pydantic",
    "rich",
    "tracker.pipeline.ingest",
    "tracker.pipeline.load",
    "tracker.pipeline.batch",
    "tracker.read.html",
    "tracker.read.rpage",
    "tracker.facts.inference",
    "tracker.render.html",
    "tracker.render.word",
    "tracker.render.pdf",
    "tracker.notify.mail",
    "tracker.edgar.client",
    "tracker.browse.server",
]

#: Runs `tracker ARGS` as the `tracker` script does, then prints the modules loaded (as JSON, on stderr).
DRIVER = """
import json, sys
from tracker.cli import app
try:
    app(sys.argv[1:], prog_name="tracker")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
sys.stderr.write("\\nMODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded(*args: object) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `tracker ARGS` in a fresh interpreter: the process and the modules it had loaded at the end."""
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    report = json.loads(done.stderr.rsplit("MODULES ", 1)[1])
    assert report["code"] in (0, None), done.stderr
    return done, set(report["modules"])


def test_importing_the_command_line_loads_no_command_library() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys, tracker.cli; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    modules = set(json.loads(done.stdout))
    assert "tracker.cli.diff" in modules and "tracker.cli.email" in modules  # every command registered
    assert [m for m in HEAVY + COMMANDS_OWN + ["rich"] if m in modules] == []


def test_help_loads_no_command_library() -> None:
    done, modules = loaded("--help")
    for command in ("ingest", "diff", "email", "fetch", "browse", "diff-all"):
        assert command in done.stdout
    assert [m for m in HEAVY + COMMANDS_OWN if m in modules] == []


def test_a_stored_diff_reads_without_the_writers(tmp_path: Path) -> None:
    db = tmp_path / "sample.db"
    subprocess.run(
        [sys.executable, "-m", "tracker", "ingest", str(ROOT / "fixtures" / "sample"), "--db", str(db)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    done, modules = loaded("diff", "NWAN", "2023", "2024", "--db", db)
    assert done.stdout.startswith("NORTHWIND ANALYTICS, INC. (CIK 0009999901, NWAN)")
    assert "tracker.diff.compare" in modules and "tracker.store" in modules
    assert [m for m in NOT_FOR_A_STORED_DIFF if m in modules] == []


def test_fact_patterns_are_compiled_on_first_use() -> None:
    compiled_at_import = [
        f"{module.__name__}.{name}"
        for module in [m for n, m in sys.modules.items() if n.startswith("tracker.facts")]
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern)
    ]
    assert compiled_at_import == []
    patterns = [p for spec in rules.SPECS.values() for r in spec.rules for p in (r.pattern, r.unless, r.hint)]
    assert len(patterns) > 100 and all(isinstance(p, LazyPattern) for p in patterns if p is not None)
    assert tracker.facts.SPECS is rules.SPECS


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    text = "Our CISO, Jane Doe, has over 20 years of experience; she reports to the CIO."
    source = r"(?P<who>CISO|CIO)\b"
    lazy, eager = lazy_compile(source, re.I), re.compile(source, re.I)
    assert lazy.pattern == source and "compiled" not in vars(lazy)  # reading the source compiles nothing
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("X", text) == eager.sub("X", text) and lazy.groupindex == eager.groupindex
    assert lazy.flags == eager.flags and lazy.search(text, 20) is not None
    assert vars(lazy)["search"] == eager.search  # compiled once: a method is now the pattern's own


#: (command, parameter, value as typed): every kind of parameter the commands declare.
VALUES = [
    ("diff", "filer", "NWAN"),
    ("diff", "filer", "Société Générale"),
    ("diff", "old_year", "FY2023"),
    ("diff", "old_year", "2023"),
    ("diff", "fmt", "json"),
    ("diff", "output", "report.html"),
    ("diff", "db", "db/tracker.db"),
    ("diff", "old_version", "2"),
    ("diff", "old_version", "007"),
    ("ingest", "paths", ("fixtures/sample", "fixtures")),
    ("ingest", "year", "fy2024"),
    ("ingest", "workers", "1"),
    ("diff-all", "year_pair", ("2023", "FY2024")),
    ("email", "to", ("a@example.com", "b@example.com")),
    ("browse", "port", "8001"),
    ("browse", "port", "0"),
    ("browse", "open_browser", True),
    ("diff", "exit_code", False),
]


def _param(command: str, name: str) -> typer.core.TyperArgument | typer.core.TyperOption:
    group = get_command(app)
    cmd = group.commands[command]  # type: ignore[attr-defined]
    return next(p for p in cmd.params if p.name == name)


@pytest.mark.parametrize(("command", "name", "value"), VALUES)
def test_values_convert_as_typer_converts_them(command: str, name: str, value: object) -> None:
    param = _param(command, name)
    ctx = get_command(app).make_context("tracker", [], resilient_parsing=True)
    ours = PlainCoercion(param).coerce(value, param=param, ctx=ctx)
    theirs = build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)
    assert ours == theirs and type(ours) is type(theirs)
    if isinstance(ours, list | tuple):
        assert [type(v) for v in ours] == [type(v) for v in theirs]
