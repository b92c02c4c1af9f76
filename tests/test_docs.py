"""The command line surface and the README agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from tracker.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme() -> None:
    documented = set(re.findall(r"^tracker ([a-z-]+)", README, re.M))
    assert set(COMMANDS) == documented


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--db" in result.stdout or command == "compare"
    first = get_command(app).commands[command].help  # type: ignore[attr-defined]
    assert first and first.strip().endswith(".")


def test_readme_opens_with_the_two_commands() -> None:
    blocks = re.findall(r"```\n(.*?)\n```", README, re.S)
    assert blocks[0].startswith("python3 -m venv .venv") and "tracker diff NWAN 2023 2024" in blocks[0]
    assert blocks[1] == "bash .ci/run"
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert ".venv/bin/pytest" in ci
