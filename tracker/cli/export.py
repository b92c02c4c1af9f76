"""`tracker export`: fact timeline, flag grid, comparisons, changes and people to CSV or Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli import DbOption, DebugOption, app, handle_errors, open_db
from tracker.errors import BadInput


@app.command()
@handle_errors
def export(
    filer: Annotated[
        str | None,
        typer.Argument(help="Ticker, CIK or name prefix (default: every filer).", show_default=False),
    ] = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="An .xlsx workbook, one .csv file (with --table), or a folder for one .csv per table.",
        ),
    ] = Path("tracker-export.xlsx"),
    watchlist: Annotated[
        Path | None,
        typer.Option(
            "--watchlist", help="File of tickers or CIKs, one per line, # comments.", show_default=False
        ),
    ] = None,
    table: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            help="Only this table (repeatable): fact_timeline, flag_grid, comparisons, changes, people, "
            "boilerplate.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="<csv|xlsx>",
            help="Default: xlsx for a .xlsx name, else csv.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Export the stored facts, flags, comparisons, changes and people to Excel or CSV, with plain headers."""
    from tracker.pipeline.export import export as export_tables

    if filer and watchlist:
        raise BadInput("give a FILER or --watchlist, not both.")
    filers = [filer] if filer else None
    if watchlist is not None:
        from tracker.notify.digest import read_watchlist

        filers = read_watchlist(watchlist)
    with open_db(db) as store:
        result = export_tables(store, output, filers=filers, fmt=fmt, tables=table)
    rows = ", ".join(f"{name} {count}" for name, count in result.rows.items())
    for path in result.paths:
        typer.echo(f"wrote {path}", err=True)
    typer.echo(f"rows: {rows}")
