"""Current reports (Form 8-K and 8-K/A) fetched for their cybersecurity incidents, through the same client as the
annual reports: one rate limiter, the same cache, size cap, retries and checks.

Which reports are downloaded, from the submissions JSON's `items` column: every 8-K or 8-K/A listing Item 1.05,
every one listing Item 8.01 or 7.01 (the document then decides whether it is about a cybersecurity incident,
see tracker.read.incident), and any whose items EDGAR leaves empty. Others (earnings, officers) are never
downloaded. The fiscal-year range (`--years`) selects reports by the year they were filed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tracker.edgar.client import (
    ANNUAL_FORMS,
    CURRENT_FORMS,
    BadResponse,
    Client,
    Company,
    Filing,
    NotOnEdgar,
    Unusable,
    _shown,
    list_filings,
    press_release_exhibits,
)
from tracker.errors import BadInput, TrackerError

INCIDENT_ITEMS = ("1.05", "8.01", "7.01")


def split_forms(forms: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The annual forms and the current-report forms of a `--forms` list (8-K brings its 8-K/A too: an
    incident's amendments are part of it)."""
    annual = {f.removesuffix("/A") for f in ANNUAL_FORMS}
    current = tuple(f for f in forms if f in CURRENT_FORMS)
    return (
        tuple(f for f in forms if f.removesuffix("/A") in annual),
        CURRENT_FORMS if "8-K" in current else current,
    )


def listed_items(filing: Filing) -> list[str]:
    """The items EDGAR lists for a report."""
    return [i.strip() for i in filing.items.split(",") if i.strip()]


def incident_reports(filings: list[Filing], years: tuple[int, int], forms: tuple[str, ...]) -> list[Filing]:
    """The 8-Ks worth reading for an incident, filed in the years asked, oldest first."""
    chosen = []
    for f in filings:
        items = listed_items(f)
        if f.form not in forms or not f.primary_document or not f.filing_date[:4].isdigit():
            continue
        if not years[0] <= int(f.filing_date[:4]) <= years[1]:
            continue
        if not items or any(i in INCIDENT_ITEMS for i in items):
            chosen.append(f)
    return sorted(chosen, key=lambda f: (f.filing_date, f.accession))


def _current_report_check(body: bytes, ctype: str) -> bytes:
    """A current report as it came, refused unless it reads as a Form 8-K (an error page is not one)."""
    kind = ctype.split(";")[0].strip().lower()
    if kind and not re.fullmatch(r"text/.*|application/(?:xhtml\+xml|xml|octet-stream)", kind):
        raise Unusable(f"a body of type {_shown(kind)} instead of a document")
    if not re.search(rb"8-K", body[:200_000], re.I) or not re.search(
        rb"current\s+report", body[:200_000], re.I
    ):
        raise Unusable("a page that is not a Form 8-K")
    return body


@dataclass
class FetchedIncident:
    """What became of one listed current report."""

    filing: Filing
    """The report as listed."""
    stored: Any = None
    """The store's StoredIncident, when it was stored."""
    item: str | None = None
    """The item it reports the incident under."""
    skipped: str | None = None
    """Why it was left out (an Item 8.01 about something else)."""
    error: str | None = None
    """Why it could not be stored."""
    code: int = 0
    """Exit code that failure calls for."""

    def line(self) -> str:
        """`0000789019-24-000010 8-K Item 1.05 filed 2024-01-19 v1 new`, or why it was skipped or failed."""
        f = self.filing
        if self.stored is not None:
            s = self.stored
            return f"{f.accession} {f.form} Item {self.item} filed {f.filing_date} v{s.version} {s.status}{s.links()}"
        if self.skipped:
            return f"{f.accession} {f.form} filed {f.filing_date} skipped: {self.skipped}"
        return f"{f.accession} {f.form} filed {f.filing_date} failed: {self.error}"


def fetch_incidents(
    client: Client,
    store: Any,
    company: Company,
    years: tuple[int, int],
    forms: tuple[str, ...],
    report: Callable[[FetchedIncident], None] | None = None,
) -> list[FetchedIncident]:
    """Download and store a company's cybersecurity incident reports, oldest first; each report is one
    transaction, one that cannot be used is reported and the others go on (EdgarUnavailable stops the run)."""
    submissions = client.submissions(company.cik)
    company.name = company.name or submissions.get("name") or ""
    done = []
    for filing in incident_reports(list_filings(client, submissions, company.cik, years[0]), years, forms):
        item = fetch_incident(client, store, company, filing)
        done.append(item)
        if report is not None:
            report(item)
    return done


def fetch_incident(client: Client, store: Any, company: Company, filing: Filing) -> FetchedIncident:
    """Download one report and store its incident."""
    from tracker.pipeline.incidents import ingest_incident
    from tracker.read.incident import NotAnIncident

    try:
        data = client.get(filing.path(), _current_report_check, max_age=None, check_cached=False)
    except (NotOnEdgar, BadResponse) as exc:
        return FetchedIncident(filing, error=str(exc), code=int(exc.exit_code))
    items = listed_items(filing)

    def ingest(exhibits: dict[str, bytes] | None = None) -> Any:
        return ingest_incident(
            store,
            data,
            source_path=filing.path().lstrip("/"),
            cik=company.cik,
            name=company.name or None,
            tickers=list(company.tickers),
            form=filing.form,
            items=items,
            accession=filing.accession,
            filing_date=filing.filing_date,
            exhibits=exhibits,
        )

    try:
        try:
            stored = ingest()
        except NotAnIncident:
            # An Item 7.01 or 8.01 whose own text says no more than "a press release is furnished as Exhibit
            # 99.1": the account is in the exhibit, read with the item (one more request per exhibit).
            exhibits = press_releases(client, filing) if {"7.01", "8.01"} & set(items) else {}
            if not exhibits:
                raise
            stored = ingest(exhibits)
    except NotAnIncident as exc:
        if items and "1.05" not in items:
            return FetchedIncident(
                filing, skipped=f"its Item {', '.join(items)} is not about a cybersecurity incident"
            )
        return FetchedIncident(filing, error=str(exc), code=int(exc.exit_code))
    except (NotOnEdgar, BadResponse, BadInput) as exc:
        return FetchedIncident(filing, error=str(exc), code=int(exc.exit_code))
    from tracker.store.incidents import incident_by_id

    row = incident_by_id(store, stored.incident_id)
    return FetchedIncident(filing, stored, item=row["item"])


def press_releases(client: Client, filing: Filing) -> dict[str, bytes]:
    """A current report's Exhibit 99 documents by file name, from its filing index (none when the index is not
    on EDGAR or lists none), each fetched under the same rules as every request and cached as filed."""
    try:
        names = press_release_exhibits(client.filing_index(filing))
    except NotOnEdgar:
        return {}
    return {name: client.exhibit(filing, name) for name in names}


def incident_count_line(items: list[FetchedIncident]) -> str:
    """`4 current reports: 3 incidents stored (2 new, 1 unchanged), 1 skipped, 0 failed`."""
    stored = [i.stored for i in items if i.stored is not None]
    new = sum(1 for s in stored if s.status != "unchanged")
    skipped = sum(1 for i in items if i.skipped)
    failed = sum(1 for i in items if i.error)
    return (
        f"{len(items)} current report{'s' if len(items) != 1 else ''}: {len(stored)} incident report"
        f"{'s' if len(stored) != 1 else ''} ({new} new or new versions, {len(stored) - new} unchanged)"
        + (f", {skipped} skipped" if skipped else "")
        + (f", {failed} failed" if failed else "")
    )


def incident_failure(items: list[FetchedIncident]) -> TrackerError | None:
    """The error a run ends with when reports failed, or None."""
    failed = [i for i in items if i.error]
    if not failed:
        return None
    code = max(i.code for i in failed)
    error = BadInput if code == int(BadInput.exit_code) else TrackerError
    plural = "s" if len(failed) != 1 else ""
    return error(
        f"{len(failed)} current report{plural} could not be stored ({(failed[0].error or '').rstrip('.')})."
    )
