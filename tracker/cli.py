"""The `tracker` command line: thin commands over the library (typer)."""

from __future__ import annotations

import functools
import json
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from tracker.errors import BadInput, ExitCode, TrackerError
from tracker.store import Store

app = typer.Typer(
    help="Follow how companies' cybersecurity disclosures (10-K Item 1C, 20-F Item 16K) change year to year.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = Path("db") / "tracker.db"

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="Database file (default: $TRACKER_DB, else db/tracker.db).", show_default=False)]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback on error.")]


def db_path(db: Path | None) -> Path:
    """The database the user chose: --db, else $TRACKER_DB, else db/tracker.db."""
    if db is not None:
        return db
    env = os.environ.get("TRACKER_DB")
    return Path(env) if env else DEFAULT_DB


def fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> typer.Exit:
    """Print one sentence to stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(int(code))


def handle_errors(func: F) -> F:
    """Turn the library's errors into one line on stderr and the exit code of design.md."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return func(*args, **kwargs)
        except TrackerError as exc:
            if debug:
                raise
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted.", ExitCode.FAILURE) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
            if debug:
                raise
            raise fail(f"unexpected {type(exc).__name__}: {exc}; rerun with --debug and report it.",
                       ExitCode.FAILURE) from None

    return wrapper  # type: ignore[return-value]


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """The format, lower-cased, or a usage error naming the allowed ones."""
    fmt = fmt.lower()
    if fmt not in allowed:
        raise BadInput(f"unknown format {fmt!r}; use one of {', '.join(allowed)}.")
    return fmt


def open_db(db: Path | None, *, create: bool = False) -> Store:
    """Open the chosen database (read commands refuse a database that does not exist)."""
    return Store(db_path(db), create=create)


def emit(text: str, output: Path | None = None) -> None:
    """Print, or write to a file when -o is given."""
    if output is None:
        typer.echo(text)
    else:
        try:
            output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as exc:
            raise TrackerError(f"cannot write {output}: {exc.strerror}; choose another path.") from exc
        typer.echo(f"wrote {output}", err=True)


# -- ingest --------------------------------------------------------------------------------------
@app.command()
@handle_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).", show_default=False)],
    filer: Annotated[str | None, typer.Option(help="CIK or ticker, for sources that name no filer.")] = None,
    name: Annotated[str | None, typer.Option(help="Registrant name.")] = None,
    year: Annotated[int | None, typer.Option(help="Fiscal year (overrides the source).")] = None,
    form: Annotated[str | None, typer.Option(help="Form: 10-K, 20-F, 10-K/A, 20-F/A.")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes reading files (default: one per core).")] = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Read disclosures (Inline XBRL 10-K/20-F, untagged HTML or text, EDGAR R pages) into the database."""
    from rich.console import Console
    from rich.progress import Progress

    from tracker.batch import ingest_parallel
    from tracker.ingest import Options, expand

    opts = Options(filer=filer, name=name, year=year, form=form)
    files = list(expand(paths))
    if not files:
        raise BadInput("no source files found at " + ", ".join(map(str, paths)) + ".")

    def report(path: Path, result: Any, why: str | None) -> None:
        if result is None:
            if len(files) > 1:
                typer.echo(f"{path}: rejected: {why}", err=True)
        else:
            typer.echo(f"{path}: {result.filer.display} {result.fiscal_year} {result.form or '?'} "
                       f"v{result.version} {result.status}")

    progress = Progress(console=Console(stderr=True), transient=True,
                        disable=len(files) < 2 or not sys.stderr.isatty())
    with progress:
        task = progress.add_task("ingesting", total=len(files))
        summary = ingest_parallel(files, opts, db_path(db), workers=workers if len(files) > 8 else 1,
                                  progress=lambda done, total: progress.update(task, completed=done),
                                  on_result=report)
    if len(files) == 1 and summary.rejected:
        raise BadInput(f"{summary.rejected[0][0]}: {summary.rejected[0][1]}")
    if len(files) > 1:
        typer.echo(f"{summary.files} files read: {summary.count('new')} new, {summary.count('unchanged')} unchanged, "
                   f"{summary.count('new version')} new versions, {len(summary.rejected)} rejected")
        for path, reason in summary.rejected:
            typer.echo(f"  rejected {path}: {reason}")
    if summary.rejected:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


# -- filers and show -----------------------------------------------------------------------------
@app.command()
@handle_errors
def filers(fmt: FormatOption = "text", db: DbOption = None, debug: DebugOption = False) -> None:
    """List the filers in the database and the fiscal years stored for each."""
    fmt = check_format(fmt, ("text", "json"))
    store = open_db(db)
    try:
        rows = [{**f.to_json(), "years": store.years(f)} for f in store.filers()]
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("no filers yet: run `tracker ingest PATH`")
    for r in rows:
        ticker = ",".join(r["tickers"]) or "-"
        typer.echo(f"{ticker:<10} {r['cik'] or '-':<11} {r['name'] or '(name unknown)':<45} "
                   f"{' '.join(map(str, r['years']))}")


def show_json(store: Store, filing: dict) -> dict:
    """The design.md JSON of a stored disclosure."""
    from tracker.facts import extract_facts, facts_to_json
    from tracker.readers.untagged import incorporated_by_reference

    d = store.disclosure(filing)
    filer = store.filer_by_id(filing["filer_id"])
    # the facts stored at ingest (read again where older rules stored them); a fact the text states nothing of
    # is left out
    facts = {name: values for name, values in facts_to_json(extract_facts(d)).items() if values}
    pointer = incorporated_by_reference(d.section_text)
    notes = d.notes + ([pointer] if pointer and pointer not in d.notes else [])
    return {
        "filer": filer.to_json(), "fiscal_year": filing["fiscal_year"], "form": filing["form"],
        "period_end": filing["period_end"], "version": filing["version"], "tagged": bool(filing["tagged"]),
        "sha256": filing["source_sha256"], "source": filing["source_path"],
        "source_format": filing["source_format"], "ingested_at": filing["ingested_at"],
        "elements": [{"element": e.name, "label": e.label, "kind": e.kind, "value": e.value, "source": e.source,
                      **({"evidence": e.evidence} if e.evidence else {})} for e in d.elements],
        "facts": facts,
        "notes": notes,
    }


@app.command()
@handle_errors
def show(
    filer: Annotated[str, typer.Argument(help="Ticker, CIK or name prefix.", show_default=False)],
    year: Annotated[int, typer.Argument(help="Fiscal year.", show_default=False)],
    version: Annotated[int | None, typer.Option(help="Version (default: the latest).")] = None,
    fmt: FormatOption = "text",
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Show one stored disclosure: its elements (flags and text blocks) and its facts."""
    fmt = check_format(fmt, ("text", "json"))
    store = open_db(db)
    try:
        the_filer = store.find_filer(filer)
        filing = store.filing(the_filer, year, version)
        data = show_json(store, filing)
        versions = len(store.versions(the_filer, year))
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    typer.echo(render_show_text(data, versions))


def render_show_text(data: dict, versions: int) -> str:
    """Plain-text view of a stored disclosure."""
    f = data["filer"]
    lines = [
        f"{f['name'] or '(name unknown)'}  CIK {f['cik'] or '-'}  {', '.join(f['tickers']) or ''}".rstrip(),
        f"{data['form'] or '?'} fiscal year {data['fiscal_year']} (period end {data['period_end'] or '?'}), "
        f"version {data['version']} of {versions}, {'tagged' if data['tagged'] else 'untagged'} "
        f"({data['source_format']})",
        f"source {data['source']}  sha256 {data['sha256'][:16]}",
        *(f"Note: {note}" for note in data.get("notes") or ()),
        "",
    ]
    for e in data["elements"]:
        if e["kind"] == "flag":
            value = {True: "true", False: "false", None: "not stated"}[e["value"]]
            lines.append(f"[flag] {e['label']}: {value} ({e['source']})")
            if e.get("evidence"):
                lines.append(textwrap.indent(textwrap.fill(e["evidence"], 96), "       because: "))
        else:
            lines.append(f"[text] {e['label']} ({e['source']})")
            for para in str(e["value"]).split("\n\n"):
                lines.append(textwrap.indent(textwrap.fill(para, 96), "    "))
        lines.append("")
    if data["facts"]:
        from tracker.facts import fact_text

        lines.append("Facts")
        for fact, values in data["facts"].items():
            shown = "; ".join(fact_text(v["value"], fact) for v in values)
            lines.append(f"  {fact}: {shown}")
    return "\n".join(lines).rstrip()


# Commands that live in their own modules register themselves on `app` when imported.
for _module in ("tracker.cli_diff", "tracker.cli_reports", "tracker.cli_fetch", "tracker.cli_browse",
                "tracker.cli_batch"):
    try:
        __import__(_module)
    except ModuleNotFoundError as _exc:
        if _exc.name != _module:
            raise


def main() -> None:
    """Entry point."""
    app()


if __name__ == "__main__":
    main()
