"""`tracker diff`, `tracker compare`, `tracker history` and `tracker explain`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

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
from tracker.pipeline.compare import ComparisonContext, build_history, compare_files, compare_stored

DIFF_FORMATS = ("text", "markdown", "json", "html", "docx", "pdf")
HISTORY_FORMATS = ("text", "json", "html")
#: Formats written to a file, never printed (`-o`, else a name made of the filer and the years).
BINARY_FORMATS = ("docx", "pdf")
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
DiffFormat = Annotated[str, format_option(
    DIFF_FORMATS, "Output format: docx is Word with tracked changes; docx and pdf are written to a file.")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v", help="Also name the cyd elements (CamelCase) and every element a sentence sits in.")]
OldYearArgument = Annotated[int, typer.Argument(
    help="The earlier fiscal year (2023 or FY2023).", parser=fiscal_year, show_default=False)]
NewYearArgument = Annotated[int, typer.Argument(help="The later fiscal year.", parser=fiscal_year, show_default=False)]
ExitCodeOption = Annotated[bool, typer.Option(
    "--exit-code", help="Exit with 1 when there are changes (as git diff --exit-code).")]


def render_comparison(ctx: ComparisonContext, fmt: str, *, color: bool, verbose: bool = False) -> str:
    """The comparison in the chosen text format."""
    if fmt == "html":
        from tracker.render.html import render_comparison_html

        return render_comparison_html(ctx, verbose=verbose)
    from tracker.render.text import render

    return render(ctx.comparison, fmt, filer=ctx.filer, old_meta=ctx.old_meta, new_meta=ctx.new_meta, color=color,
                  verbose=verbose)


def default_output(ctx: ComparisonContext, fmt: str) -> Path:
    """`KO-FY2023-FY2024.docx`: the filer (ticker, else CIK) and the two years."""
    who = (ctx.filer.get("tickers") or [None])[0] or ctx.filer.get("cik") or "filer"
    years = "-".join(f"FY{m.get('fiscal_year') or 'unknown'}" for m in (ctx.old_meta, ctx.new_meta))
    return Path(f"{who}-{years}.{fmt}")


def write_binary(ctx: ComparisonContext, fmt: str, output: Path | None) -> Path:
    """Write a Word or PDF report; the path written."""
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


def finish(ctx: ComparisonContext, fmt: str, output: Path | None, exit_code: bool, verbose: bool = False) -> None:
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
    filer: Annotated[str, typer.Argument(help="Ticker, CIK (zeros optional) or name prefix.", show_default=False)],
    old_year: OldYearArgument,
    new_year: NewYearArgument,
    fmt: DiffFormat = "text",
    output: OutputOption = None,
    old_version: Annotated[int | None, typer.Option(help="Version of the earlier year (default latest).")] = None,
    new_version: Annotated[int | None, typer.Option(help="Version of the later year (default latest).")] = None,
    exit_code: ExitCodeOption = False,
    verbose: VerboseOption = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Compare two stored fiscal years of a filer: flags flipped, facts changed, wording changed."""
    fmt = check_format(fmt, DIFF_FORMATS)
    check_year_order(old_year, new_year, f"tracker diff {filer}")
    with open_db(db) as store:
        ctx = compare_stored(store, filer, old_year, new_year, old_version=old_version, new_version=new_version)
    finish(ctx, fmt, output, exit_code, verbose)


@app.command()
@handle_errors
def compare(
    old_path: Annotated[Path, typer.Argument(help="The earlier disclosure (any supported format).",
                                             show_default=False)],
    new_path: Annotated[Path, typer.Argument(help="The later disclosure.", show_default=False)],
    fmt: DiffFormat = "text",
    output: OutputOption = None,
    exit_code: ExitCodeOption = False,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Compare two disclosure files directly, without the database."""
    fmt = check_format(fmt, DIFF_FORMATS)
    finish(compare_files(old_path, new_path), fmt, output, exit_code, verbose)


@app.command()
@handle_errors
def history(
    filer: Annotated[str, typer.Argument(help="Ticker, CIK (zeros optional) or name prefix.", show_default=False)],
    fmt: Annotated[str, format_option(HISTORY_FORMATS, "Output format.")] = "text",
    output: OutputOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Show every stored year of a filer: each fact's timeline, flags by year, similarity year over year."""
    fmt = check_format(fmt, HISTORY_FORMATS)
    with open_db(db) as store:
        hist = build_history(store, filer)
    if fmt == "json":
        emit(json.dumps(hist.to_json(), indent=2, ensure_ascii=False), output)
    elif fmt == "html":
        from tracker.render.html import render_history_html

        emit(render_history_html(hist), output)
    else:
        emit(render_history_text(hist), output)


def render_history_text(hist) -> str:  # type: ignore[no-untyped-def]
    """The history as a plain-text timeline, in plain English: facts by their catalogue labels, flags by what
    they say, values as a reader reads them ("not stated", "yes (read from the text)")."""
    from tracker.facts import FACT_NAMES
    from tracker.models import FLAGS, spec_for
    from tracker.render.text import plain_fact_label, plain_fact_value, plain_flag_value

    f = hist.filer
    years = [y["fiscal_year"] for y in hist.years]
    lines = [f"{f['name'] or '(name unknown)'}  CIK {f['cik'] or '-'}  {', '.join(f['tickers'])}".rstrip(),
             "years: " + ", ".join(f"{y['fiscal_year']} ({y['form'] or '?'} v{y['version']}, "
                                   f"{'tagged' if y['tagged'] else 'untagged'})" for y in hist.years), ""]
    lines.append("Facts (* = changed from the year before)")
    for fact in [n for n in FACT_NAMES if n in hist.facts] + sorted(n for n in hist.facts if n not in FACT_NAMES):
        lines.append(f"  {plain_fact_label(fact)}")
        for year in years:
            values = hist.facts[fact].get(year, [])
            mark = "*" if hist.changed(fact, year) else " "
            shown = "; ".join(plain_fact_value(v, fact) for v in values) or "not stated"
            lines.append(f"   {mark}{year}: {shown}")
    lines += ["", "Flags (yes, no or not stated, by year)"]
    for flag in [n for n in FLAGS if n in hist.flags] + [n for n in hist.flags if n not in FLAGS]:
        by_year = hist.flags[flag]
        cells = []
        for year in years:
            v = by_year.get(year, {"value": None, "source": "absent"})
            cells.append(f"{year}: {plain_flag_value(v['value'], v['source'] if v['source'] != 'tagged' else None)}")
        lines.append(f"  {spec_for(flag).reader_label}: " + ", ".join(cells))
    if hist.steps:
        lines += ["", "Year over year"]
        for s in hist.steps:
            sim = s["similarity"]
            lines.append(f"  {s['old_year']} -> {s['new_year']}: {s['significance']}, {s['extent']} (changes: "
                         f"{s['summary']['high']} high, {s['summary']['medium']} medium, {s['summary']['low']} low; "
                         f"similarity: cosine {sim['cosine']:.2f}, simple {sim['simple']:.2f})")
            lines += [f"      - {t}" for t in s.get("top_changes") or []]
    return "\n".join(lines)


@app.command()
@handle_errors
def explain(
    target: Annotated[str, typer.Argument(help="Ticker, CIK or name prefix (then YEAR), or the path of a source file.",
                                          show_default=False)],
    year: Annotated[int | None, typer.Argument(help="Fiscal year of a stored disclosure (2024 or FY2024).",
                                               parser=fiscal_year, show_default=False)] = None,
    fact: Annotated[str | None, typer.Option("--fact", help="Only this fact (e.g. frameworks, people).",
                                             show_default=False)] = None,
    version: Annotated[int | None, typer.Option(help="Version (default: the latest).")] = None,
    fmt: Annotated[str, format_option(TEXT_JSON, "Output format.")] = "text",
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Why each fact says what it says: every value with its rule and sentence, and the sentences that speak
    of the fact but yielded nothing."""
    from tracker.facts.explain import render_text
    from tracker.pipeline.compare import explain_file, explain_stored

    fmt = check_format(fmt, TEXT_JSON)
    if year is None:
        title, items = explain_file(Path(target), fact)
    else:
        with open_db(db) as store:
            title, items = explain_stored(store, target, year, version, fact)
    if fmt == "json":
        emit(json.dumps({"disclosure": title, "facts": [i.to_json() for i in items]}, indent=2, ensure_ascii=False))
    else:
        emit(render_text(items, title))

