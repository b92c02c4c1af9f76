"""`tracker browse`: the database in Datasette, read-only (registers itself on `tracker.cli.app`)."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.browse import DEFAULT_PORT  # a constant of the package: Datasette is imported by the command
from tracker.cli import DbOption, DebugOption, app, db_path, handle_errors


@app.command()
@handle_errors
def browse(
    db: DbOption = None,
    port: Annotated[
        int, typer.Option(help="Port to listen on (0: any free port).", min=0, max=65535)
    ] = DEFAULT_PORT,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open a web browser on it.")] = False,
    debug: DebugOption = False,
) -> None:
    """Browse the database in Datasette, read-only: tables, facets, full-text search, canned queries."""
    from tracker.browse import server as browsing

    plan = browsing.prepare(db_path(db), host=host, port=port, open_browser=open_browser)
    for note in plan.notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(f"Browsing {plan.db} read-only at {plan.url} (Ctrl-C to stop)")
    browsing.run(plan)
