"""`tracker incidents`: cybersecurity incidents reported on Form 8-K, linked to the annual disclosures around them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli import (
    DbOption,
    DebugOption,
    app,
    check_format,
    db_path,
    emit,
    format_option,
    handle_errors,
    open_db,
)

INCIDENT_FORMATS = ("text", "json", "csv")


@app.command()
@handle_errors
def incidents(
    filer: Annotated[
        str | None,
        typer.Argument(help="Ticker, CIK or name prefix (default: every filer).", show_default=False),
    ] = None,
    fmt: Annotated[str, format_option(INCIDENT_FORMATS, "Output format.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """List the cybersecurity incidents (8-K Item 1.05, 8.01, 7.01) with their updates and their link to the
    annual disclosures: does the next one mention the incident, does it still say nothing material."""
    from tracker.pipeline.incidents import incidents_json
    from tracker.render.incidents import render_incidents

    fmt = check_format(fmt, INCIDENT_FORMATS)
    with open_db(db) as store:
        items = incidents_json(store, filer, save=os.access(db_path(db).parent, os.W_OK))
    emit(render_incidents(items, fmt), output)
