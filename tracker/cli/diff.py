"""`tracker diff`, `tracker compare`, `tracker history` and `tracker explain`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli import (
    TEXT_JSON,
    DbOption,
    DebugOption,
    app,
    check_format,
    check_year_order,
    emit,
    fiscal_year,
    format_option,
    handle_errors,
    open_db,
)
from tracker.errors import ExitCode

if TYPE_CHECKING:  # the library is imported inside each command: a command loads only what it uses
    from tracker.diff.context import ComparisonContext

DIFF_FORMATS = ("text", "markdown", "json", "html", "docx", "pdf")
HISTORY_FORMATS = ("text", "json", "html")
#: Formats written to a file, never printed (`-o`, else a name made of the filer and the years).
BINARY_FORMATS = ("docx", "pdf")
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
DiffFormat = Annotated[
    str,
    format_option(
        DIFF_FORMATS, "Output format: docx is Word with tracked changes; docx and pdf are written to a file."
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose", "-v", help="Also name the cyd elements (CamelCase) and every element a sentence sits in."
    ),
]
OldYearArgument = Annotated[
    int,
    typer.Argument(help="The earlier fiscal year (2023 or FY2023).", parser=fiscal_year, show_default=False),
]
NewYearArgument = Annotated[
    int, typer.Argument(help="The later fiscal year.", parser=fiscal_year, show_default=False)
]
ExitCodeOption = Annotated[
    bool, typer.Option("--exit-code", help="Exit with 1 when there are changes (as git diff --exit-code).")
]


def render_comparison(ctx: ComparisonContext, fmt: str, *, color: bool, verbose: bool = False) -> str:
    """The comparison in the chosen text format."""
    if fmt == "html":
        from tracker.render.html import render_comparison_html

        return render_comparison_html(ctx, verbose=verbose)
    from tracker.render.text import render

    return render(
        ctx.comparison,
        fmt,
        filer=ctx.filer,
        old_meta=ctx.old_meta,
        new_meta=ctx.new_meta,
        color=color,
        verbose=verbose,
        incidents=ctx.incidents,
    )


def write_binary(ctx: ComparisonContext, fmt: str, output: Path | None) -> Path:
    """Write a Word or PDF report; the path written."""
    from tracker.render.names import default_output

    path = output or default_output(ctx, fmt)
    if fmt == "docx":
        from tracker.render.word import write_docx

        write_docx(ctx, path)
    else:
        from tracker.render.pdf import write_pdf

        write_pdf(ctx, path)
    typer.echo(f"wrote {path}", err=True)
    return path


def use_color(output: Path | None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or writing a file."""
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def finish(
    ctx: ComparisonContext, fmt: str, output: Path | None, exit_code: bool, verbose: bool = False
) -> None:
    """Print or write the comparison and exit as design.md says."""
    if fmt in BINARY_FORMATS:
        write_binary(ctx, fmt, output)
    else:
        emit(render_comparison(ctx, fmt, color=use_color(output), verbose=verbose), output)
    if exit_code and ctx.comparison.changes:
        raise typer.Exit(int(ExitCode.CHANGES))


@app.command()
@handle_errors
def diff(
    filer: Annotated[
        str, typer.Argument(help="Ticker, CIK (zeros optional) or name prefix.", show_default=False)
    ],
    old_year: OldYearArgument,
    new_year: NewYearArgument,
    fmt: DiffFormat = "text",
    output: OutputOption = None,
    old_version: Annotated[
        int | None, typer.Option(help="Version of the earlier year (default latest).")
    ] = None,
    new_version: Annotated[
        int | None, typer.Option(help="Version of the later year (default latest).")
    ] = None,
    exit_code: ExitCodeOption = False,
    verbose: VerboseOption = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Compare two stored fiscal years of a filer: flags flipped, facts changed, wording changed."""
    from tracker.pipeline.compare import compare_stored

    fmt = check_format(fmt, DIFF_FORMATS)
    check_year_order(old_year, new_year, f"tracker diff {filer}")
    with open_db(db) as store:
        ctx = compare_stored(
            store, filer, old_year, new_year, old_version=old_version, new_version=new_version
        )
    finish(ctx, fmt, output, exit_code, verbose)


@app.command()
@handle_errors
def compare(
    old_path: Annotated[
        Path, typer.Argument(help="The earlier disclosure (any supported format).", show_default=False)
    ],
    new_path: Annotated[Path, typer.Argument(help="The later disclosure.", show_default=False)],
    fmt: DiffFormat = "text",
    output: OutputOption = None,
    exit_code: ExitCodeOption = False,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Compare two disclosure files directly, without the database."""
    from tracker.pipeline.compare import compare_files

    fmt = check_format(fmt, DIFF_FORMATS)
    finish(compare_files(old_path, new_path), fmt, output, exit_code, verbose)


@app.command()
@handle_errors
def history(
    filer: Annotated[
        str, typer.Argument(help="Ticker, CIK (zeros optional) or name prefix.", show_default=False)
    ],
    fmt: Annotated[str, format_option(HISTORY_FORMATS, "Output format.")] = "text",
    output: OutputOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Show every stored year of a filer: each fact's timeline, flags by year, similarity year over year."""
    import json

    from tracker.pipeline.compare import build_history

    fmt = check_format(fmt, HISTORY_FORMATS)
    with open_db(db) as store:
        hist = build_history(store, filer)
    if fmt == "json":
        emit(json.dumps(hist.to_json(), indent=2, ensure_ascii=False), output)
    elif fmt == "html":
        from tracker.render.html import render_history_html

        emit(render_history_html(hist), output)
    else:
        from tracker.render.show import render_history_text

        emit(render_history_text(hist), output)


@app.command()
@handle_errors
def explain(
    target: Annotated[
        str,
        typer.Argument(
            help="Ticker, CIK or name prefix (then YEAR), or the path of a source file.", show_default=False
        ),
    ],
    year: Annotated[
        int | None,
        typer.Argument(
            help="Fiscal year of a stored disclosure (2024 or FY2024).",
            parser=fiscal_year,
            show_default=False,
        ),
    ] = None,
    fact: Annotated[
        str | None,
        typer.Option("--fact", help="Only this fact (e.g. frameworks, people).", show_default=False),
    ] = None,
    version: Annotated[int | None, typer.Option(help="Version (default: the latest).")] = None,
    fmt: Annotated[str, format_option(TEXT_JSON, "Output format.")] = "text",
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Why each fact says what it says: every value with its rule and sentence, and the sentences that speak
    of the fact but yielded nothing."""
    import json

    from tracker.facts.explain import render_text
    from tracker.pipeline.compare import explain_file, explain_stored

    fmt = check_format(fmt, TEXT_JSON)
    if year is None:
        title, items = explain_file(Path(target), fact)
    else:
        with open_db(db) as store:
            title, items = explain_stored(store, target, year, version, fact)
    if fmt == "json":
        emit(
            json.dumps(
                {"disclosure": title, "facts": [i.to_json() for i in items]}, indent=2, ensure_ascii=False
            )
        )
    else:
        emit(render_text(items, title))
