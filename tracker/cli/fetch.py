"""`tracker fetch` and `tracker update`: bring annual reports from EDGAR into the database."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from filelock import FileLock, Timeout

from tracker.cli import DbOption, DebugOption, app, db_path, fiscal_years_text, handle_errors, open_db
from tracker.edgar.client import (
    Client,
    Company,
    EdgarUnavailable,
    Fetched,
    Settings,
    fetch_company,
    parse_forms,
    parse_years,
    resolve_company,
)
from tracker.errors import BadInput, ExitCode, TrackerError

YearsOption = Annotated[str | None, typer.Option(
    "--years", help="Fiscal years: 2024, 2023-2025 or 2023- (FY2024 too; default: 2023 to this year).",
    parser=fiscal_years_text, show_default=False)]
FormsOption = Annotated[str | None, typer.Option(
    "--forms", help="Forms, comma-separated (default: 10-K,20-F).", show_default=False)]
AmendOption = Annotated[bool, typer.Option(
    "--include-amendments", help="Also fetch 10-K/A and 20-F/A (stored as later versions of their year).")]
UserAgentOption = Annotated[str | None, typer.Option(
    "--user-agent", help='Who you are, as SEC requires: "Name email" (default: $TRACKER_USER_AGENT).',
    show_default=False)]
EdgarUrlOption = Annotated[str | None, typer.Option(
    "--edgar-url",
    help="A mirror replacing www.sec.gov and data.sec.gov (default: $TRACKER_EDGAR_URL, else SEC).",
    show_default=False)]
RateOption = Annotated[float | None, typer.Option(
    "--rate", help="Most requests per second, at most 10 (default: $TRACKER_EDGAR_RATE, else 5).",
    show_default=False)]
RefreshOption = Annotated[bool, typer.Option(
    "--refresh", help="Download everything again, replacing what the cache holds (e.g. a bad entry).")]


class Locked(TrackerError):
    """Another fetch or update holds the database's lock."""


@contextmanager
def run_lock(db_file: Path) -> Iterator[Path]:
    """Hold `<database>.lock` (a file lock, on every platform) for the whole run, or refuse to start."""
    lock_path = db_file.with_name(db_file.name + ".lock")
    lock = FileLock(lock_path, timeout=0)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout:
        raise Locked(f"another tracker fetch or update is already running on {db_file} (it holds "
                     f"{lock_path}); wait for it to finish and run again.") from None
    except OSError as exc:
        raise TrackerError(f"cannot create the lock file {lock_path}: {exc.strerror or exc}; "
                           "pass another --db.") from exc
    try:
        yield lock_path
    finally:
        lock.release()


def make_client(db_file: Path, user_agent: str | None, edgar_url: str | None, rate: float | None,
                refresh: bool = False) -> Client:
    """A client whose cache sits in `cache/` next to the database (read from unless refresh)."""
    return Client(Settings.from_env(user_agent=user_agent, base_url=edgar_url, rate=rate,
                                    cache_dir=db_file.parent / "cache", refresh=refresh))


def failure_code(items: list[Fetched]) -> int:
    """The exit code the failed filings call for: 2 when each is an answer or document that cannot be used,
    3 when any failed otherwise."""
    return max((i.code or int(ExitCode.FAILURE) for i in items if i.error), default=int(ExitCode.OK))


def filing_line(item: Fetched) -> str:
    """One line per filing: accession, form, year, version, outcome."""
    f = item.filing
    if item.result is not None:
        r = item.result
        via = f" (from {item.source})" if item.source and item.source != f.primary_document else ""
        return f"{f.accession} {f.form} {r.fiscal_year} v{r.version} {r.status}{via}"
    if item.skipped:
        return f"{f.accession} {f.form} skipped: {item.skipped}"
    return f"{f.accession} {f.form} {f.fiscal_years[0]} failed: {item.error}"


def count_line(items: list[Fetched]) -> str:
    """`3 filings: 1 new, 2 unchanged, 0 new versions`, plus skips and failures."""
    statuses = [i.result.status for i in items if i.result is not None]
    text = (f"{len(items)} filing{'s' if len(items) != 1 else ''}: {statuses.count('new')} new, "
            f"{statuses.count('unchanged')} unchanged, {statuses.count('new version')} new versions")
    skipped = sum(1 for i in items if i.skipped)
    failed = sum(1 for i in items if i.error)
    return text + (f", {skipped} skipped" if skipped else "") + (f", {failed} failed" if failed else "")


def network_line(client: Client) -> str:
    """What the run asked of EDGAR."""
    s = client.stats
    return (f"{s.requests} request{'s' if s.requests != 1 else ''} to EDGAR ({s.downloads} downloaded, "
            f"{s.retries} retried), {s.cache_hits} from the cache")


# -- fetch -----------------------------------------------------------------------------------------
@app.command()
@handle_errors
def fetch(
    filer: Annotated[str, typer.Argument(help="Ticker, CIK or company name prefix.", show_default=False)],
    years: YearsOption = None,
    forms: FormsOption = None,
    include_amendments: AmendOption = False,
    user_agent: UserAgentOption = None,
    edgar_url: EdgarUrlOption = None,
    rate: RateOption = None,
    refresh: RefreshOption = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Download a company's annual reports (10-K, 20-F) from EDGAR and ingest them."""
    span, form_list = parse_years(years), parse_forms(forms, include_amendments)
    db_file = db_path(db)
    client = make_client(db_file, user_agent, edgar_url, rate, refresh)
    with run_lock(db_file):
        company = resolve_company(client, filer)
        with open_db(db, create=True) as store:
            items = fetch_company(client, store, company, span, form_list,
                                  report=lambda item: typer.echo(filing_line(item)))
    typer.echo(f"{company.display}: {count_line(items)}; {network_line(client)}")
    failed = [i for i in items if i.error]
    if failed:
        plural = "s" if len(failed) != 1 else ""
        rest = "the others were stored" if len(failed) < len(items) else "nothing was stored"
        error = BadInput if failure_code(items) == ExitCode.BAD_INPUT else TrackerError
        raise error(f"{len(failed)} filing{plural} of {company.display} could not be ingested "
                    f"({(failed[0].error or '').rstrip('.')}); {rest}.")


# -- update ----------------------------------------------------------------------------------------
@dataclass
class FilerOutcome:
    """What an update did for one watchlist entry."""

    entry: str
    """The line of the watchlist."""
    company: Company | None = None
    """The company it resolved to."""
    items: list[Fetched] = field(default_factory=list)
    """Filings handled."""
    note: str | None = None
    """Nothing to fetch, and why (not a failure)."""
    error: str | None = None
    """Why this filer failed."""
    code: int = 0
    """Exit code that failure calls for."""

    @property
    def changed(self) -> list[Fetched]:
        """Filings stored as new or as a new version."""
        return [i for i in self.items if i.result is not None and i.result.status != "unchanged"]


def update_one(client: Client, store: Any, entry: str, span: tuple[int, int],
               forms: tuple[str, ...]) -> FilerOutcome:
    """Fetch one watchlist entry; a network failure stops the whole run, other errors stay with the filer."""
    from tracker.edgar.client import NoAnnualReport

    outcome = FilerOutcome(entry)
    try:
        outcome.company = resolve_company(client, entry)
        outcome.items = fetch_company(client, store, outcome.company, span, forms)
    except EdgarUnavailable:
        raise
    except NoAnnualReport as exc:
        outcome.note = str(exc)
    except TrackerError as exc:
        outcome.error, outcome.code = str(exc), int(exc.exit_code)
    failed = [i for i in outcome.items if i.error]
    if failed and outcome.error is None:
        outcome.error, outcome.code = f"{entry}: {failed[0].error}", failure_code(outcome.items)
    return outcome


@app.command()
@handle_errors
def update(
    watchlist: Annotated[Path, typer.Option("--watchlist", help="File of tickers or CIKs, one per line.",
                                            show_default=False)],
    email: Annotated[str | None, typer.Option("--email", help="Send a digest of the changes to this address.",
                                              show_default=False)] = None,
    years: YearsOption = None,
    forms: FormsOption = None,
    include_amendments: AmendOption = False,
    user_agent: UserAgentOption = None,
    edgar_url: EdgarUrlOption = None,
    rate: RateOption = None,
    refresh: RefreshOption = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Fetch what is new for every filer of a watchlist, compare changed years, optionally e-mail a digest."""
    from rich.console import Console
    from rich.progress import Progress

    from tracker.notify.digest import read_watchlist

    entries = read_watchlist(watchlist)
    span, form_list = parse_years(years), parse_forms(forms, include_amendments)
    db_file = db_path(db)
    client = make_client(db_file, user_agent, edgar_url, rate, refresh)
    settings = mail_settings(email)
    outcomes: list[FilerOutcome] = []
    progress = Progress(console=Console(stderr=True), transient=True,
                        disable=len(entries) < 2 or not sys.stderr.isatty())
    with run_lock(db_file):
        with open_db(db, create=True) as store:
            with progress:
                task = progress.add_task("updating", total=len(entries))
                for entry in entries:
                    progress.update(task, description=entry[:20])
                    outcome = update_one(client, store, entry, span, form_list)
                    outcomes.append(outcome)
                    for item in outcome.changed + [i for i in outcome.items if i.error]:
                        typer.echo(f"{_who(outcome)} {filing_line(item)}")
                    progress.advance(task)
            print_changes(store, outcomes)
            digest_failure = send_update_digest(store, watchlist, email, settings)
    finish_update(outcomes, client, digest_failure)


def _who(outcome: FilerOutcome) -> str:
    c = outcome.company
    return (c.tickers[0] if c and c.tickers else (c.cik if c else outcome.entry))


def finish_update(outcomes: list[FilerOutcome], client: Client,
                  digest_failure: TrackerError | None = None) -> None:
    """The summary line, the notes and failures, and the exit code (non-zero only on a real failure)."""
    items = [i for o in outcomes for i in o.items]
    failed = [o for o in outcomes if o.error]
    for o in outcomes:
        if o.note:
            typer.echo(f"note: {o.note}")
    typer.echo(f"update: {len(outcomes)} filers checked, {count_line(items)}, {len(failed)} failed; "
               f"{network_line(client)}")
    codes = [o.code for o in failed]
    for o in failed:
        typer.echo(f"error: {o.error}", err=True)
    if digest_failure is not None:
        typer.echo(f"error: the digest was not sent: {digest_failure}", err=True)
        codes.append(int(digest_failure.exit_code))
    if codes:
        raise typer.Exit(max(codes))


# -- comparisons and digest ------------------------------------------------------------------------
def changed_comparisons(store: Any, outcomes: list[FilerOutcome]) -> list[dict]:
    """For each filer whose newest stored year got new content in this run: that version compared with
    the previous version of the same year (an amendment) or with the latest version of the year before."""
    from tracker.diff.compare import compare

    entries = []
    for o in outcomes:
        if not o.changed:
            continue
        filer = o.changed[-1].result.filer
        years = store.years(filer)
        new_row = store.filing(filer, years[-1])
        if not any(i.result.filing_id == new_row["id"] for i in o.changed):
            continue
        if new_row["version"] > 1:
            old_row = store.filing(filer, years[-1], new_row["version"] - 1)
        elif len(years) > 1:
            old_row = store.filing(filer, years[-2])
        else:
            continue
        comparison = compare(store.disclosure(old_row), store.disclosure(new_row))
        entries.append({"filer": filer, "old": old_row, "new": new_row, "comparison": comparison})
    return entries


def print_changes(store: Any, outcomes: list[FilerOutcome]) -> None:
    """One line per filer whose newest year changed: the years compared and the changes by severity."""
    if not any(o.changed for o in outcomes):
        return
    for e in changed_comparisons(store, outcomes):
        summary = e["comparison"].summary
        summary = summary() if callable(summary) else summary
        counts = ", ".join(f"{v} {k}" for k, v in summary.items())
        typer.echo(f"changed: {e['filer'].display} {e['old']['fiscal_year']} v{e['old']['version']} -> "
                   f"{e['new']['fiscal_year']} v{e['new']['version']}: {counts or 'no change'}")


def mail_settings(email: str | None) -> Any:
    """The mail server settings for --email, checked before anything is fetched (None without --email)."""
    if email is None:
        return None
    from tracker.notify import mail

    mail.check_address(email)
    return mail.from_env()


def send_update_digest(store: Any, watchlist: Path, email: str | None, settings: Any) -> TrackerError | None:
    """With --email, send the watchlist digest (what is new since the last digest); a failure to send is
    returned, not raised, so the update's summary still prints."""
    if email is None:
        return None
    from tracker.notify.digest import send_digest

    try:
        result = send_digest(store, watchlist, [email], settings)
    except TrackerError as exc:
        return exc
    if result.message is None:
        typer.echo("digest: nothing new since the last digest, no message sent")
    else:
        names = ", ".join(i.filer.display for i in result.items)
        typer.echo(f"digest: sent to {email}, covering {names}")
    return None
