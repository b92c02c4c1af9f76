"""`fetch` and `update` as library functions: the database's run lock, the EDGAR client beside it, the fetch
of every watchlist entry, the comparisons of what changed, the digest, and the lines that say what was done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from tracker.edgar.client import (
    Client,
    Company,
    EdgarUnavailable,
    Fetched,
    Settings,
    fetch_company,
    resolve_company,
)
from tracker.errors import ExitCode, TrackerError
from tracker.store import Store


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
        raise Locked(
            f"another tracker fetch or update is already running on {db_file} (it holds "
            f"{lock_path}); wait for it to finish and run again."
        ) from None
    except OSError as exc:
        raise TrackerError(
            f"cannot create the lock file {lock_path}: {exc.strerror or exc}; pass another --db."
        ) from exc
    try:
        yield lock_path
    finally:
        lock.release()


def make_client(
    db_file: Path, user_agent: str | None, edgar_url: str | None, rate: float | None, refresh: bool = False
) -> Client:
    """A client whose cache sits in `cache/` next to the database (read from unless refresh)."""
    return Client(
        Settings.from_env(
            user_agent=user_agent,
            base_url=edgar_url,
            rate=rate,
            cache_dir=db_file.parent / "cache",
            refresh=refresh,
        )
    )


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
        coverage = getattr(r, "coverage", "full")
        if coverage != "full":
            from tracker.store import COVERAGE

            via += f" (Item 1C {COVERAGE[coverage]})"
            why = getattr(r, "why_not_read", None)
            via += f": {why}" if why else ""
        return f"{f.accession} {f.form} {r.fiscal_year} v{r.version} {r.status}{via}"
    if item.skipped:
        return f"{f.accession} {f.form} skipped: {item.skipped}"
    return f"{f.accession} {f.form} {f.fiscal_years[0]} failed: {item.error}"


def count_line(items: list[Fetched]) -> str:
    """`3 filings: 1 new, 2 unchanged, 0 new versions`, plus skips and failures."""
    statuses = [i.result.status for i in items if i.result is not None]
    text = (
        f"{len(items)} filing{'s' if len(items) != 1 else ''}: {statuses.count('new')} new, "
        f"{statuses.count('unchanged')} unchanged, {statuses.count('new version')} new versions"
    )
    skipped = sum(1 for i in items if i.skipped)
    failed = sum(1 for i in items if i.error)
    return text + (f", {skipped} skipped" if skipped else "") + (f", {failed} failed" if failed else "")


def network_line(client: Client) -> str:
    """What the run asked of EDGAR."""
    s = client.stats
    return (
        f"{s.requests} request{'s' if s.requests != 1 else ''} to EDGAR ({s.downloads} downloaded, "
        f"{s.retries} retried"
        + (f", {s.not_modified} not modified since the last run" if s.not_modified else "")
        + f"), {s.cache_hits} from the cache"
    )


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
    incidents: list[Any] = field(default_factory=list)
    """Current reports handled (tracker.edgar.current.FetchedIncident)."""

    @property
    def new_incidents(self) -> list[Any]:
        """Incident reports stored as new or as a new version."""
        return [i for i in self.incidents if i.stored is not None and i.stored.status != "unchanged"]

    @property
    def changed(self) -> list[Fetched]:
        """Filings stored as new or as a new version."""
        return [i for i in self.items if i.result is not None and i.result.status != "unchanged"]

    @property
    def who(self) -> str:
        """The filer as the update's lines name it: its first ticker, else its CIK, else the entry."""
        c = self.company
        return c.tickers[0] if c and c.tickers else (c.cik if c else self.entry)

    def lines(self) -> list[str]:
        """A line for each filing stored anew and each that failed."""
        return [
            f"{self.who} {filing_line(item)}" for item in self.changed + [i for i in self.items if i.error]
        ] + [
            f"{self.who} incident {i.line()}"
            for i in self.new_incidents + [i for i in self.incidents if i.error]
        ]


def update_one(
    client: Client, store: Any, entry: str, span: tuple[int, int], forms: tuple[str, ...]
) -> FilerOutcome:
    """Fetch one watchlist entry; a network failure stops the whole run, other errors stay with the filer."""
    from tracker.edgar.client import NoAnnualReport
    from tracker.edgar.current import fetch_incidents, split_forms

    outcome = FilerOutcome(entry)
    annual_forms, current_forms = split_forms(forms)
    try:
        outcome.company = resolve_company(client, entry)
        if current_forms:
            outcome.incidents = fetch_incidents(client, store, outcome.company, span, current_forms)
        if annual_forms:
            outcome.items = fetch_company(client, store, outcome.company, span, annual_forms)
        from tracker.pipeline.incidents import refresh_checks

        refresh_checks(store, outcome.company.cik)
    except EdgarUnavailable:
        raise
    except NoAnnualReport as exc:
        outcome.note = str(exc)
    except TrackerError as exc:
        outcome.error, outcome.code = str(exc), int(exc.exit_code)
    failed = [i for i in outcome.items if i.error]
    if failed and outcome.error is None:
        outcome.error, outcome.code = f"{entry}: {failed[0].error}", failure_code(outcome.items)
    failed_reports = [i for i in outcome.incidents if i.error]
    if failed_reports and outcome.error is None:
        outcome.error, outcome.code = (
            f"{entry}: {failed_reports[0].error}",
            max(i.code for i in failed_reports),
        )
    return outcome


def changed_comparisons(store: Any, outcomes: list[FilerOutcome]) -> list[dict[str, Any]]:
    """For each filer whose newest stored year got new content in this run: that version compared with
    the previous version of the same year (an amendment) or with the latest version of the year before."""
    from tracker.diff.compare import compare

    entries = []
    for o in outcomes:
        if not o.changed:
            continue
        filer = o.changed[-1].result.filer  # type: ignore[union-attr]  # changed filings have a result
        years = store.years(filer)
        new_row = store.filing(filer, years[-1])
        if not any(i.result.filing_id == new_row["id"] for i in o.changed):  # type: ignore[union-attr]
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


def change_lines(store: Any, outcomes: list[FilerOutcome]) -> list[str]:
    """One line per filer whose newest year changed: the years compared and the changes by severity."""
    if not any(o.changed for o in outcomes):
        return []
    lines = []
    for e in changed_comparisons(store, outcomes):
        summary = e["comparison"].summary
        summary = summary() if callable(summary) else summary
        counts = ", ".join(f"{v} {k}" for k, v in summary.items())
        lines.append(
            f"changed: {e['filer'].display} {e['old']['fiscal_year']} v{e['old']['version']} -> "
            f"{e['new']['fiscal_year']} v{e['new']['version']}: {counts or 'no change'}"
        )
    return lines


def mail_settings(email: str | None) -> Any:
    """The mail server settings for --email, checked before anything is fetched (None without --email)."""
    if email is None:
        return None
    from tracker.notify import mail

    mail.check_address(email)
    return mail.from_env()


def send_update_digest(
    store: Any, watchlist: Path, email: str | None, settings: Any
) -> tuple[str | None, TrackerError | None]:
    """With an address, send the watchlist digest (what is new since the last digest): the line saying what
    was sent, or the failure to send (returned, not raised, so the update's summary still prints)."""
    if email is None:
        return None, None
    from tracker.notify.digest import send_digest

    try:
        result = send_digest(store, watchlist, [email], settings)
    except TrackerError as exc:
        return None, exc
    if result.message is None:
        return "digest: nothing new since the last digest, no message sent", None
    names = ", ".join(i.filer.display for i in result.items)
    if result.incidents:
        n = len(result.incidents)
        names = f"{n} new incident{'s' if n != 1 else ''} first" + (f", then {names}" if names else "")
    return f"digest: sent to {email}, covering {names}", None


@dataclass
class UpdateResult:
    """What `update` did: every entry's outcome, the comparisons of what changed, and the digest."""

    outcomes: list[FilerOutcome]
    changes: list[str]
    """The `changed:` lines."""
    digest: str | None = None
    """What the digest did (None without an address, or when it failed)."""
    digest_failure: TrackerError | None = None
    """Why the digest was not sent."""

    def summary(self, client: Client) -> str:
        """`update: 2 filers checked, 3 filings: ...; N requests to EDGAR ...`."""
        items = [i for o in self.outcomes for i in o.items]
        failed = [o for o in self.outcomes if o.error]
        reports = [i for o in self.outcomes for i in o.incidents]
        new = sum(len(o.new_incidents) for o in self.outcomes)
        incidents = f", {len(reports)} incident reports ({new} new)" if reports else ""
        return (
            f"update: {len(self.outcomes)} filers checked, {count_line(items)}{incidents}, {len(failed)} failed; "
            f"{network_line(client)}"
        )

    @property
    def exit_code(self) -> int:
        """Non-zero only on a real failure: a filer's, or the digest's."""
        codes = [o.code for o in self.outcomes if o.error]
        if self.digest_failure is not None:
            codes.append(int(self.digest_failure.exit_code))
        return max(codes, default=int(ExitCode.OK))


def update_watchlist(
    client: Client,
    db_file: Path,
    watchlist: Path,
    entries: list[str],
    span: tuple[int, int],
    forms: tuple[str, ...],
    email: str | None = None,
    settings: Any = None,
    *,
    on_entry: Callable[[str], None] | None = None,
    on_outcome: Callable[[FilerOutcome], None] | None = None,
) -> UpdateResult:
    """Under the database's lock, fetch every entry of the watchlist, compare the years that changed and,
    with an address, send the digest; `on_entry` is called before each entry, `on_outcome` after it."""
    with run_lock(db_file), Store(db_file, create=True) as store:
        outcomes: list[FilerOutcome] = []
        for entry in entries:
            if on_entry is not None:
                on_entry(entry)
            outcome = update_one(client, store, entry, span, forms)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        changes = change_lines(store, outcomes)
        digest, digest_failure = send_update_digest(store, watchlist, email, settings)
    return UpdateResult(outcomes, changes, digest, digest_failure)
