"""`tracker coverage`: how each stored filing's Item 1C was read (registers itself on `tracker.cli.app`)."""

from __future__ import annotations

import typer

from tracker.cli import (
    TEXT_JSON,
    DbOption,
    DebugOption,
    FormatOption,
    app,
    check_format,
    handle_errors,
    open_db,
)


@app.command()
@handle_errors
def coverage(fmt: FormatOption = "text", db: DbOption = None, debug: DebugOption = False) -> None:
    """Count the stored filings whose Item 1C was read in full, read through an exhibit, or incorporated by
    reference with the exhibit not read (and list those)."""
    import json

    from tracker.pipeline.show import coverage_report
    from tracker.render.show import render_coverage_text

    fmt = check_format(fmt, TEXT_JSON)
    with open_db(db) as store:
        data = coverage_report(store)
    typer.echo(json.dumps(data, indent=2) if fmt == "json" else render_coverage_text(data))
