"""`tracker fetch` and `tracker update`: bring annual reports from EDGAR into the database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli import DbOption, DebugOption, app, db_path, fiscal_years_text, handle_errors, open_db
from tracker.errors import BadInput, ExitCode, TrackerError

YearsOption = Annotated[
    str | None,
    typer.Option(
        "--years",
        help="Fiscal years: 2024, 2023-2025 or 2023- (FY2024 too; default: 2023 to this year).",
        parser=fiscal_years_text,
        show_default=False,
    ),
]
FormsOption = Annotated[
    str | None,
    typer.Option(
        "--forms",
        help="Forms, comma-separated (default: 10-K,20-F); 8-K fetches cybersecurity incidents.",
        show_default=False,
    ),
]
AmendOption = Annotated[
    bool,
    typer.Option(
        "--include-amendments", help="Also fetch 10-K/A and 20-F/A (stored as later versions of their year)."
    ),
]
UserAgentOption = Annotated[
    str | None,
    typer.Option(
        "--user-agent",
        help='Who you are, as SEC requires: "Name email" (default: $TRACKER_USER_AGENT).',
        show_default=False,
    ),
]
EdgarUrlOption = Annotated[
    str | None,
    typer.Option(
        "--edgar-url",
        help="A mirror replacing www.sec.gov and data.sec.gov (default: $TRACKER_EDGAR_URL, else SEC).",
        show_default=False,
    ),
]
RateOption = Annotated[
    float | None,
    typer.Option(
        "--rate",
        help="Most requests per second, at most 10 (default: $TRACKER_EDGAR_RATE, else 5).",
        show_default=False,
    ),
]
RefreshOption = Annotated[
    bool,
    typer.Option(
        "--refresh", help="Download everything again, replacing what the cache holds (e.g. a bad entry)."
    ),
]


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
    """Download a company's annual reports (10-K, 20-F) from EDGAR and ingest them; with --forms 8-K, its
    cybersecurity incident reports."""
    from tracker.edgar.client import fetch_company, parse_forms, parse_years, resolve_company
    from tracker.edgar.current import fetch_incidents, incident_count_line, incident_failure, split_forms
    from tracker.edgar.update import (
        count_line,
        failure_code,
        filing_line,
        make_client,
        network_line,
        run_lock,
    )

    span, form_list = parse_years(years), parse_forms(forms, include_amendments)
    annual_forms, current_forms = split_forms(form_list)
    db_file = db_path(db)
    client = make_client(db_file, user_agent, edgar_url, rate, refresh)
    items, reports = [], []
    with run_lock(db_file):
        company = resolve_company(client, filer)
        with open_db(db, create=True) as store:
            if annual_forms:
                items = fetch_company(
                    client,
                    store,
                    company,
                    span,
                    annual_forms,
                    report=lambda item: typer.echo(filing_line(item)),
                )
            if current_forms:
                reports = fetch_incidents(
                    client, store, company, span, current_forms, report=lambda r: typer.echo(r.line())
                )
            from tracker.pipeline.incidents import refresh_checks

            refresh_checks(store, company.cik)
    counted = ([count_line(items)] if annual_forms else []) + (
        [incident_count_line(reports)] if current_forms else []
    )
    typer.echo(f"{company.display}: {'; '.join(counted)}; {network_line(client)}")
    if (failure := incident_failure(reports)) is not None and not any(i.error for i in items):
        raise failure
    failed = [i for i in items if i.error]
    if failed:
        plural = "s" if len(failed) != 1 else ""
        rest = "the others were stored" if len(failed) < len(items) else "nothing was stored"
        error = BadInput if failure_code(items) == ExitCode.BAD_INPUT else TrackerError
        raise error(
            f"{len(failed)} filing{plural} of {company.display} could not be ingested "
            f"({(failed[0].error or '').rstrip('.')}); {rest}."
        )


# -- update ----------------------------------------------------------------------------------------
@app.command()
@handle_errors
def update(
    watchlist: Annotated[
        Path, typer.Option("--watchlist", help="File of tickers or CIKs, one per line.", show_default=False)
    ],
    email: Annotated[
        str | None,
        typer.Option("--email", help="Send a digest of the changes to this address.", show_default=False),
    ] = None,
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

    from tracker.edgar.client import parse_forms, parse_years
    from tracker.edgar.update import FilerOutcome, mail_settings, make_client, update_watchlist
    from tracker.notify.digest import read_watchlist

    entries = read_watchlist(watchlist)
    span, form_list = parse_years(years), parse_forms(forms, include_amendments)
    db_file = db_path(db)
    client = make_client(db_file, user_agent, edgar_url, rate, refresh)
    settings = mail_settings(email)
    progress = Progress(
        console=Console(stderr=True), transient=True, disable=len(entries) < 2 or not sys.stderr.isatty()
    )
    with progress:
        task = progress.add_task("updating", total=len(entries))

        def done(outcome: FilerOutcome) -> None:
            for line in outcome.lines():
                typer.echo(line)
            progress.advance(task)

        result = update_watchlist(
            client,
            db_file,
            watchlist,
            entries,
            span,
            form_list,
            email,
            settings,
            on_entry=lambda entry: progress.update(task, description=entry[:20]),
            on_outcome=done,
        )
    for line in result.changes:
        typer.echo(line)
    if result.digest:
        typer.echo(result.digest)
    for o in result.outcomes:
        if o.note:
            typer.echo(f"note: {o.note}")
    typer.echo(result.summary(client))
    for o in result.outcomes:
        if o.error:
            typer.echo(f"error: {o.error}", err=True)
    if result.digest_failure is not None:
        typer.echo(f"error: the digest was not sent: {result.digest_failure}", err=True)
    if result.exit_code:
        raise typer.Exit(result.exit_code)
