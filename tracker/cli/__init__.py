"""The `tracker` command line: thin commands over the library (typer)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from tracker.errors import BadInput, ExitCode, TrackerError

if TYPE_CHECKING:
    from tracker.store import Store


# -- the arguments' values, converted without pydantic ---------------------------------------------------
class _LeftToTyper(Exception):
    """A value the plain conversion leaves to typer's own."""


class PlainCoercion:
    """typer's conversion of one parameter's value to its annotated type, for the types tracker's commands
    take, done without pydantic.

    typer 0.29 converts each value through a pydantic TypeAdapter, which it builds when the value is first
    read; importing pydantic for that cost a command more than the rest of its start-up. A string, an int (in
    range), a bool, a Path, a value through the parameter's own `parser`, and lists and tuples of these are
    converted here as typer converts them (its own path checks included); anything else, and every value
    refused (so that the message is typer's own), goes to typer's conversion, built then.
    """

    def __init__(self, param: Any) -> None:
        self.descriptor = param.type_descriptor
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        """The value converted, as typer's `RuntimeParam.coerce` converts it."""
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None
        try:
            if many and isinstance(value, str):
                raise _LeftToTyper
            return self._convert(value, param, ctx)
        except _LeftToTyper:
            if self._typer is None:
                from typer._coercion import build_runtime_param

                self._typer = build_runtime_param(self.descriptor)
            return self._typer.coerce(value, param=param, ctx=ctx)

    def _convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from typing import get_args, get_origin

        annotation, info = self.descriptor.annotation, self.descriptor.parameter_info
        if self.descriptor.file_annotation is not None:
            raise _LeftToTyper
        if get_origin(annotation) is list:
            (item,) = get_args(annotation)
            values = value if isinstance(value, (list, tuple)) else [value]
            return [self._leaf(item, info, v, param, ctx) for v in values]
        if get_origin(annotation) is tuple:
            items = get_args(annotation)
            if not isinstance(value, (list, tuple)) or len(value) != len(items) or Ellipsis in items:
                raise _LeftToTyper
            return tuple(self._leaf(t, info, v, param, ctx) for t, v in zip(items, value, strict=True))
        return self._leaf(annotation, info, value, param, ctx)

    @staticmethod
    def _leaf(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
        """One value of one type (typer's `build_leaf_adapter`, for the cases it handles plainly)."""
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # an undecodable byte of the command line: typer's own rules
                raise _LeftToTyper from None
        if info.parser is not None:
            try:
                return info.parser(value)
            except (ValueError, AssertionError):  # refused: typer words the message
                raise _LeftToTyper from None
        if annotation is str or annotation is bool:
            if isinstance(value, annotation):
                return value
            raise _LeftToTyper
        if annotation is int:
            if isinstance(value, str) and value.isascii() and value.isdigit():
                number = int(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                number = value
            else:
                raise _LeftToTyper
            if (
                info.clamp
                or info.min is not None
                and number < info.min
                or info.max is not None
                and number > info.max
            ):
                raise _LeftToTyper
            return number
        if isinstance(annotation, type) and issubclass(annotation, Path) and isinstance(value, str) and value:
            from typer._param_types import coerce_cli_path

            path_type = info.path_type or annotation
            return coerce_cli_path(path_type(value), info, path_type=path_type, param=param, ctx=ctx)
        raise _LeftToTyper


# -- the application: help without `<bool>` for flags, one sentence for a bad argument -----------------
class _FlagsTakeNoValue:
    """Help that shows no value for a flag (typer's rich help shows `<bool>`, as if `--debug` took one), and
    values converted without pydantic (`PlainCoercion`)."""

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, every flag's metavar blank (here, as the help option itself is made lazily), each
        value to be converted by a PlainCoercion (before typer builds its own)."""
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
            if hasattr(param, "type_descriptor") and getattr(param, "_runtime_param", None) is None:
                param._runtime_param = PlainCoercion(param)
        return params


class TrackerCommand(_FlagsTakeNoValue, TyperCommand):
    """A tracker command (every `@app.command()` is one)."""


class TrackerGroup(_FlagsTakeNoValue, TyperGroup):
    """The `tracker` group: a value refused while the arguments are read (a year written `FY23`, a bad
    `--workers`) is one sentence on stderr and exit 2, as the commands' errors are."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a TrackerError raised by an argument's parser becomes one line."""
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            raise fail(str(exc), exc.exit_code) from None


class TrackerTyper(typer.Typer):
    """The typer app whose commands are TrackerCommands, wherever they are declared."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        """`@app.command()`, with TrackerCommand as the default class."""
        kwargs.setdefault("cls", TrackerCommand)
        return super().command(*args, **kwargs)


app = TrackerTyper(
    help="Follow how companies' cybersecurity disclosures (10-K Item 1C, 20-F Item 16K) change year to year.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=TrackerGroup,
)

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = Path("db") / "tracker.db"

TEXT_JSON = ("text", "json")
#: A fiscal year as a user writes it: 2024, FY2024, fy2024 (or FY 2024); compiled when first used (by `re`'s
#: own cache), as nothing here is compiled when the command line starts.
YEAR_PATTERN = r"(?i)\s*(?:FY\s*)?([1-9]\d{3})\s*"


def fiscal_year(text: str | int) -> int:
    """A fiscal year argument or option: `2024`, `FY2024` or `fy2024`, else one sentence (exit 2)."""
    if isinstance(text, int):
        return text
    import re

    match = re.fullmatch(YEAR_PATTERN, str(text))
    if match is None:
        raise BadInput(f"{text!r} is not a fiscal year; write it as 2024 or FY2024.")
    return int(match.group(1))


def fiscal_years_text(text: str) -> str:
    """A `--years` span with any `FY` prefixes dropped (`FY2023-FY2025` is `2023-2025`), checked later."""
    import re

    return re.sub(r"(?i)\bFY\s*(?=\d{4})", "", str(text))


def check_year_order(old_year: int, new_year: int, given: str) -> None:
    """Refuse two years given latest first (a comparison would silently run backwards); `given` is what
    precedes them (`tracker diff KO`, `--year-pair`)."""
    if old_year > new_year:
        raise BadInput(f"{given} {old_year} {new_year}: give the earlier year first.")


def format_option(choices: tuple[str, ...], help: str) -> Any:
    """A `--format`/`-f` option whose help lists its choices; check_format refuses others in one sentence."""
    return typer.Option("--format", "-f", metavar="<" + "|".join(choices) + ">", help=help)


def cap_workers(workers: int | None) -> int | None:
    """`--workers`, at most one per core (more only costs memory and time), with a one-line warning."""
    if workers is None:
        return None
    from tracker.pipeline.batch import default_workers, worker_limit

    if workers < 1:
        raise BadInput(f"--workers {workers}: give at least 1.")
    capped = worker_limit(workers)
    if capped < workers:
        typer.echo(
            f"warning: --workers {workers} is more than the {default_workers()} cores this process "
            f"may use; using {capped}.",
            err=True,
        )
    return capped


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Database file (default: $TRACKER_DB, else db/tracker.db).", show_default=False
    ),
]
FormatOption = Annotated[str, format_option(TEXT_JSON, "Output format.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback on error.")]
YearArgument = Annotated[
    int, typer.Argument(help="Fiscal year (2024 or FY2024).", parser=fiscal_year, show_default=False)
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        help="Worker processes, at most one per core (default: one per core).",
        callback=cap_workers,
        show_default=False,
    ),
]


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


def stdout_closed() -> bool:
    """Whether our standard output is a pipe whose reader has gone (`tracker filers | head -1`)."""
    import select

    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # not a real file (tests), or no poll on this system
        return False


def end_quietly_on_closed_stdout() -> typer.Exit:
    """Point stdout at /dev/null (so the final flush cannot fail) and return the quiet Exit 0 to raise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return typer.Exit(int(ExitCode.OK))


def handle_errors(func: F) -> F:
    """Turn the library's errors into one line on stderr and the exit code of design.md; a reader that closed
    our output (`| head`) ends the command quietly, as Unix tools do."""

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
            if isinstance(exc, BrokenPipeError) and stdout_closed():  # not a socket closed on us
                raise end_quietly_on_closed_stdout() from None
            if debug:
                raise
            raise fail(
                f"unexpected {type(exc).__name__}: {exc}; rerun with --debug and report it.", ExitCode.FAILURE
            ) from None

    return wrapper  # type: ignore[return-value]


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """The format, lower-cased, or a usage error naming the allowed ones."""
    fmt = fmt.lower()
    if fmt not in allowed:
        raise BadInput(f"unknown format {fmt!r}; use one of {', '.join(allowed)}.")
    return fmt


def open_db(db: Path | None, *, create: bool = False) -> Store:
    """Open the chosen database (read commands refuse a database that does not exist, and read one in a
    read-only folder read-only)."""
    from tracker.store import Store

    return Store(db_path(db), create=create, read_only=not create)


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


# -- tracker --version ---------------------------------------------------------------------------
def package_version() -> str:
    """The installed tracker's version (the package's own when it runs from a checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tracker")
    except PackageNotFoundError:
        from tracker import __version__

        return __version__


def print_version(value: bool) -> None:
    """`--version`: print `tracker X.Y.Z` and stop."""
    if value:
        typer.echo(f"tracker {package_version()}")
        raise typer.Exit(int(ExitCode.OK))


@app.callback()
def tracker_options(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=print_version, is_eager=True),
    ] = False,
) -> None:
    """Follow how companies' cybersecurity disclosures (10-K Item 1C, 20-F Item 16K) change year to year."""


# -- ingest --------------------------------------------------------------------------------------
@app.command()
@handle_errors
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (read recursively).", show_default=False)
    ],
    filer: Annotated[str | None, typer.Option(help="CIK or ticker, for sources that name no filer.")] = None,
    name: Annotated[str | None, typer.Option(help="Registrant name.")] = None,
    year: Annotated[
        int | None, typer.Option(help="Fiscal year (overrides the source).", parser=fiscal_year)
    ] = None,
    form: Annotated[str | None, typer.Option(help="Form: 10-K, 20-F, 10-K/A, 20-F/A.")] = None,
    exhibit: Annotated[
        Path | None,
        typer.Option(
            help="The Exhibit 13 (annual report to shareholders) that the 10-K's Item 1C incorporates by "
            "reference, or the Exhibit 99 press release an 8-K furnishes; in a folder, an exhibit is matched to "
            "its report by accession number or file name."
        ),
    ] = None,
    workers: WorkersOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Read disclosures (Inline XBRL 10-K/20-F, untagged HTML or text, EDGAR R pages) into the database; a Form 8-K
    reporting a cybersecurity incident is stored as an incident (name its filer with --filer)."""
    from rich.console import Console
    from rich.progress import Progress

    from tracker.pipeline.batch import ingest_parallel
    from tracker.pipeline.ingest import Options, expand, shown_path
    from tracker.store import COVERAGE
    from tracker.store.incidents import StoredIncident

    opts = Options(filer=filer, name=name, year=year, form=form)
    files = list(expand(paths))
    if not files:
        raise BadInput("no source files found at " + ", ".join(map(str, paths)) + ".")

    def report(path: Path, result: Any, why: str | None) -> None:
        if result is None:
            if len(files) > 1:
                typer.echo(f"{shown_path(path)}: rejected: {why}", err=True)
        elif isinstance(result, StoredIncident):  # a Form 8-K: its cybersecurity incident
            typer.echo(
                f"{shown_path(path)}: {result.filer.display} 8-K incident report {result.accession} "
                f"v{result.version} {result.status}{result.links()}"
            )
        else:
            read = "" if result.coverage == "full" else f" (Item 1C {COVERAGE[result.coverage]})"
            read += f": {result.why_not_read}" if result.why_not_read else ""
            typer.echo(
                f"{shown_path(path)}: {result.filer.display} {result.fiscal_year} {result.form or '?'} "
                f"v{result.version} {'current again' if result.current_again else result.status}{read}"
            )

    progress = Progress(
        console=Console(stderr=True), transient=True, disable=len(files) < 2 or not sys.stderr.isatty()
    )
    with progress:
        task = progress.add_task("ingesting", total=len(files))
        summary = ingest_parallel(
            files,
            opts,
            db_path(db),
            workers=workers if len(files) > 8 else 1,
            progress=lambda done, total: progress.update(task, completed=done),
            on_result=report,
            exhibit=exhibit,
        )
    if len(files) == 1 and summary.rejected:
        raise BadInput(f"{shown_path(summary.rejected[0][0])}: {summary.rejected[0][1]}")
    if len(files) > 1:
        incidents = f", {len(summary.incidents)} 8-K incident reports" if summary.incidents else ""
        typer.echo(
            f"{summary.files} files read: {summary.count('new')} new, {summary.count('unchanged')} unchanged, "
            f"{summary.count('new version')} new versions{incidents}, {len(summary.rejected)} rejected"
        )
        typer.echo(summary.coverage_line())
        for path, reason in summary.rejected:
            typer.echo(f"  rejected {shown_path(path)}: {reason}")
    if summary.rejected:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


# -- filers and show -----------------------------------------------------------------------------
@app.command()
@handle_errors
def filers(fmt: FormatOption = "text", db: DbOption = None, debug: DebugOption = False) -> None:
    """List the filers in the database and the fiscal years stored for each."""
    import json

    fmt = check_format(fmt, TEXT_JSON)
    with open_db(db) as store:
        rows = [{**f.to_json(), "years": store.years(f)} for f in store.filers()]
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("no filers yet: run `tracker ingest PATH`")
    for r in rows:
        ticker = ",".join(r["tickers"]) or "-"
        typer.echo(
            f"{ticker:<10} {r['cik'] or '-':<11} {r['name'] or '(name unknown)':<45} "
            f"{' '.join(map(str, r['years']))}"
        )


@app.command()
@handle_errors
def show(
    filer: Annotated[str, typer.Argument(help="Ticker, CIK or name prefix.", show_default=False)],
    year: YearArgument,
    version: Annotated[int | None, typer.Option(help="Version (default: the latest).")] = None,
    fmt: FormatOption = "text",
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Show one stored disclosure: its elements (flags and text blocks) and its facts."""
    import json

    from tracker.pipeline.show import show_stored

    fmt = check_format(fmt, TEXT_JSON)

    with open_db(db) as store:
        data, versions = show_stored(store, filer, year, version)
    if fmt == "json":
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from tracker.render.show import render_show_text
    from tracker.text.normalize import strip_invisible

    typer.echo(
        strip_invisible(render_show_text(data, versions))
    )  # a database stored before stripping: no escapes


# Commands that live in their own modules register themselves on `app` when imported (a missing module is an
# error, never a missing command).
from tracker.cli import across, batch, boilerplate, browse, coverage, diff, email, export, fetch, incidents  # noqa: E402, F401


def main() -> None:
    """Entry point."""
    app()


if __name__ == "__main__":
    main()
