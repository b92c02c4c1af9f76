"""What the CLI tests share: running `tracker` in process, and the whole database as text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from tracker.cli import app


def run(*args: object) -> tuple[int, str, str]:
    """`tracker ARGS` in process: exit code, standard output, standard error."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def snapshot(db: Path) -> list[str]:
    """Every row of every table (nothing for a missing file), to prove a refused command changed nothing."""
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
