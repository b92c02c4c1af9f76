"""`tracker diff-all`: compare every filer's years in one run, in parallel, storing each comparison."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tracker.cli import (
    DbOption,
    DebugOption,
    WorkersOption,
    app,
    check_year_order,
    db_path,
    fiscal_year,
    handle_errors,
)
from tracker.errors import BadInput, ExitCode

YearPairOption = Annotated[
    tuple[int, int] | None,
    typer.Option(
        "--year-pair",
        help="Compare these two fiscal years (OLD NEW, as 2023 or FY2023) of every filer that has "
        "both; default: every consecutive pair of stored years.",
        parser=fiscal_year,
        metavar="OLD NEW",
        show_default=False,
    ),
]
SHOWN_FAILURES = 20


@app.command("diff-all")
@handle_errors
def diff_all_command(
    year_pair: YearPairOption = None,
    workers: WorkersOption = None,
    reports: Annotated[
        bool,
        typer.Option(
            "--reports",
            help="Also write each comparison's HTML report to reports/ beside the database "
            "(linked from `tracker browse`).",
        ),
    ] = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Compare and store every filer's year pairs not compared yet (resumable: rerun to finish)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from tracker.pipeline.batch import diff_all

    if year_pair is not None:
        check_year_order(*year_pair, "--year-pair")
        if year_pair[0] == year_pair[1]:
            raise BadInput(f"--year-pair {year_pair[0]} {year_pair[1]}: give two different years.")
    progress = Progress(
        TextColumn("comparing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )
    with progress:
        task = progress.add_task("comparing", total=None)
        pair = (year_pair[0], year_pair[1]) if year_pair else None
        summary = diff_all(
            db_path(db),
            pair,
            workers,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
            reports=reports,
        )
    written = f", {summary.reports} reports written" if reports else ""
    typer.echo(
        f"{summary.pairs} pairs found: {summary.computed} computed, {summary.already} already stored, "
        f"{len(summary.failed)} failed{written} ({summary.seconds:.1f} s)"
    )
    for label, reason in summary.failed[:SHOWN_FAILURES]:
        typer.echo(f"  failed {label}: {reason}", err=True)
    if len(summary.failed) > SHOWN_FAILURES:
        typer.echo(f"  ... and {len(summary.failed) - SHOWN_FAILURES} more failures", err=True)
    if summary.failed:
        raise typer.Exit(int(ExitCode.FAILURE))
