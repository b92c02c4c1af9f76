"""`tracker peers` and `tracker trends`: across filers (register themselves on `tracker.cli.app`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli import (
    DbOption,
    DebugOption,
    YearArgument,
    app,
    check_format,
    emit,
    fiscal_years_text,
    format_option,
    handle_errors,
    open_db,
)

ACROSS_FORMATS = ("text", "json", "html")
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
FormatOption = Annotated[str, format_option(ACROSS_FORMATS, "Output format (html: one e-mail-safe page).")]


@app.command()
@handle_errors
def peers(
    filer: Annotated[
        str, typer.Argument(help="Ticker, CIK (zeros optional) or name prefix.", show_default=False)
    ],
    year: YearArgument,
    peer_list: Annotated[
        str | None,
        typer.Option(
            "--peers",
            help="Peers, comma-separated (tickers, CIKs or names); default: every filer stored for the year.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = "text",
    output: OutputOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Set a filer's disclosure beside its peers': facts and flags, how many peers state each, what it omits."""
    from tracker.render.across import render_peers
    from tracker.store.across import peer_grid

    fmt = check_format(fmt, ACROSS_FORMATS)
    names = [p for p in (peer_list or "").split(",") if p.strip()] if peer_list is not None else None
    with open_db(db) as store:
        grid = peer_grid(store, filer, year, names)
    emit(render_peers(grid, fmt), output)


@app.command()
@handle_errors
def trends(
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            help="Fiscal years: 2024, 2023-2025, 2023- or -2024 (default: every stored year).",
            parser=fiscal_years_text,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = "text",
    output: OutputOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Across the whole store, per fiscal year: flags, CISOs, frameworks, oversight, briefing, what changed."""
    from tracker.render.across import render_trends
    from tracker.store.across import trends as compute_trends
    from tracker.store.across import year_span

    fmt = check_format(fmt, ACROSS_FORMATS)
    with open_db(db) as store:
        found = compute_trends(store, year_span(years))
    emit(render_trends(found, fmt), output)
