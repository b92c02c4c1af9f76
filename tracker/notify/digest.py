"""The watchlist digest: one e-mail covering every watched filer that has a newer stored year.

A watchlist is a text file naming one filer per line (ticker, CIK, or unambiguous name prefix);
``#`` starts a comment. For each watched filer whose latest stored filing (year, then version) is
newer than the one last digested, the digest compares its two latest stored years, lists the filers
most severe first (high, then medium, then low counts) and attaches each filer's HTML change report.
A filer that cannot be compared or rendered is left out with why (and tried again by the next
digest); the others go on.

What was digested is remembered in ``digest-state.json`` beside the database file (filer -> fiscal
year, version and time of the digest), written only after the message was sent (or, for a dry run,
written to its .eml file); a digest with nothing new sends nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

from tracker.diff.context import ComparisonContext
from tracker.diff.significance import SIGNIFICANCE_ORDER
from tracker.errors import BadInput, TrackerError
from tracker.notify import mail
from tracker.pipeline.compare import compare_rows
from tracker.render.html import (
    DigestReport,
    digest_report,
    render_comparison_html,
    render_digest_html,
    render_digest_text,
)
from tracker.store import Filer, Store

STATE_FILE = "digest-state.json"
STATE_VERSION = 1


@dataclass
class DigestItem:
    """One watched filer with something new."""

    filer: Filer
    """The filer."""
    key: str
    """Its key in the digest state (CIK, else ``filer:<id>``)."""
    context: ComparisonContext
    """Comparison of its two latest stored years."""
    new_row: dict
    """The stored filing now digested (latest year, latest version)."""


@dataclass
class DigestResult:
    """What a digest run did."""

    items: list[DigestItem] = field(default_factory=list)
    """Filers included, most severe first."""
    skipped: list[str] = field(default_factory=list)
    """Watchlist entries left out, each with why (unknown filer, a single stored year)."""
    report: DigestReport | None = None
    """The digest's context (None when there was nothing new)."""
    message: EmailMessage | None = None
    """The message built (None when there was nothing new)."""
    delivery: mail.DeliveryResult | None = None
    """The delivery, when sent."""
    eml: Path | None = None
    """The .eml written by a dry run."""
    state_path: Path | None = None
    """Where the state was (or would have been) remembered."""
    incidents: list[tuple[list[str], str]] = field(default_factory=list)
    """New incidents of watched filers sent at once: (state key, line), most severe first."""


def read_watchlist(path: Path) -> list[str]:
    """The filer identifiers of a watchlist file, in order, without comments and blank lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BadInput(
            f"cannot read the watchlist {path} ({exc.strerror}); give a text file with one ticker "
            "or CIK per line."
        ) from exc
    except UnicodeDecodeError:
        raise BadInput(f"the watchlist {path} is not UTF-8 text; give one ticker or CIK per line.") from None
    idents = [line.split("#", 1)[0].strip() for line in lines]
    idents = [i for i in idents if i]
    if not idents:
        raise BadInput(f"the watchlist {path} names no filer; write one ticker or CIK per line.")
    return list(dict.fromkeys(idents))


def state_path_for(store: Store) -> Path:
    """The digest state file beside the database."""
    return store.path.parent / STATE_FILE


def load_state(path: Path) -> dict:
    """The remembered digest state (empty when there is none yet)."""
    if not path.exists():
        return {"version": STATE_VERSION, "filers": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrackerError(
            f"cannot read the digest state {path} ({exc}); fix or delete it (deleting it makes "
            "the next digest cover every watched filer again)."
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("filers"), dict):
        raise TrackerError(f"the digest state {path} is not what the tracker wrote; fix or delete it.")
    return data


def save_state(path: Path, state: dict) -> None:
    """Write the state atomically (a temporary file, then a rename)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".digest-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(state, f, indent=2, sort_keys=True)
        os.replace(tmp, path)
    except OSError as exc:
        raise TrackerError(
            f"the digest was sent but its state could not be written to {path} ({exc.strerror}); "
            "the next digest will repeat these filers."
        ) from exc


def filer_key(filer: Filer) -> str:
    """Key of a filer in the state: its CIK, else its row id."""
    return filer.cik or f"filer:{filer.id}"


def pending(store: Store, idents: Sequence[str], state: dict) -> tuple[list[DigestItem], list[str]]:
    """Watched filers with a filing newer than the last digested one, and the entries left out (one filer that
    cannot be compared is left out with why; the others go on)."""
    items: list[DigestItem] = []
    skipped: list[str] = []
    seen: set[int] = set()
    for ident in idents:
        try:
            item = pending_item(store, ident, state, seen)
        except BadInput as exc:
            skipped.append(mail.one_line(f"{ident}: {exc}"))
            continue
        except Exception as exc:  # noqa: BLE001 - one filer's failure must not sink the whole digest
            skipped.append(
                f"{mail.one_line(ident)}: cannot be compared ({failure(exc)}); the next digest tries again."
            )
            continue
        if isinstance(item, str):
            skipped.append(item)
        elif item is not None:
            items.append(item)
    items.sort(key=lambda i: severity_key(i.context))
    return items, skipped


def pending_item(store: Store, ident: str, state: dict, seen: set[int]) -> DigestItem | str | None:
    """The digest item of one watchlist entry: None when it has nothing new (or its filer came earlier in the
    list), a sentence saying why it is left out when it has only one stored year."""
    filer = store.find_filer(ident)
    if filer.id in seen:
        return None
    seen.add(filer.id)
    years = store.years(filer)
    if len(years) < 2:
        shown = ", ".join(map(str, years)) or "none"
        return f"{ident} ({mail.one_line(filer.display)}): only one stored year ({shown}), nothing to compare yet."
    new_row = store.filing(filer, years[-1])
    last = state["filers"].get(filer_key(filer))
    if last and already_digested(last, new_row):
        return None
    ctx = compare_rows(store, filer, store.filing(filer, years[-2]), new_row)
    return DigestItem(filer, filer_key(filer), ctx, new_row)


def already_digested(last: dict, row: dict) -> bool:
    """Whether the filer's current filing is the one last digested (or an earlier year). The current version of
    a year may be an older one made current again (re-ingested), so versions are compared by their row, not by
    number; a state written before rows were recorded compares numbers."""
    if last["fiscal_year"] != row["fiscal_year"]:
        return bool(last["fiscal_year"] > row["fiscal_year"])
    if "filing_id" in last:
        return bool(last["filing_id"] == row["id"])
    return bool(last["version"] >= row["version"])


def failure(exc: BaseException) -> str:
    """An unexpected error in a few words: ``ValueError: bad value``."""
    return mail.one_line(f"{type(exc).__name__}: {exc}".rstrip(": "))


def severity_key(ctx: ComparisonContext) -> tuple:
    """Most significant first, then more high, medium and low changes; then by name."""
    s = ctx.comparison.counted
    return (
        SIGNIFICANCE_ORDER.get(ctx.comparison.significance, len(SIGNIFICANCE_ORDER)),
        -s["high"],
        -s["medium"],
        -s["low"],
        (ctx.filer.get("name") or "").lower(),
    )


def attachment_name(item: DigestItem) -> str:
    """File name of a filer's attached report: ``NWAN-2023-2024.html`` (a line break in a ticker is a space)."""
    who = item.filer.tickers[0] if item.filer.tickers else (item.filer.cik or f"filer{item.filer.id}")
    return mail.one_line(
        f"{who}-{item.context.old_meta['fiscal_year']}-{item.context.new_meta['fiscal_year']}.html"
    )


def default_subject(report: DigestReport) -> str:
    """Short subject (it must fit one header line): filers, how many changed significantly, changes by severity."""
    n = len(report.entries)
    totals = {k: sum(e.report.counts[k] for e in report.entries) for k in ("high", "medium", "low")}
    significant = sum(e.report.significance == "significant" for e in report.entries)
    return (
        f"Disclosure digest: {n} filer{'s' if n != 1 else ''}, {significant} significant "
        f"({totals['high']} high, {totals['medium']} medium, {totals['low']} low)"
    )


Attachment = tuple[str, bytes, str]


def render_reports(
    items: Sequence[DigestItem], skipped: Sequence[str]
) -> tuple[list[DigestItem], list[Attachment], list[str]]:
    """Each filer's attached HTML report, and its digest entry tried alone: the filers that render, their
    attachments, and ``skipped`` with a line for each filer left out because its report cannot be rendered."""
    kept: list[DigestItem] = []
    attachments: list[Attachment] = []
    skipped = list(skipped)
    for item in items:
        name = attachment_name(item)
        try:
            digest_report(
                [(item.context, name)]
            )  # what would fail the whole digest fails here, for this filer
            attachments.append((name, render_comparison_html(item.context).encode("utf-8"), "text/html"))
        except Exception as exc:  # noqa: BLE001 - one filer's failure must not sink the whole digest
            skipped.append(
                f"{mail.one_line(item.filer.display)}: its report cannot be rendered ({failure(exc)}); "
                "the next digest tries again."
            )
            continue
        kept.append(item)
    return kept, attachments, skipped


def build_digest_message(
    items: Sequence[DigestItem],
    skipped: Sequence[str],
    *,
    sender: str,
    to: Sequence[str],
    subject: str | None = None,
    attachments: Sequence[Attachment] | None = None,
    incidents: Sequence[str] = (),
) -> tuple[DigestReport, EmailMessage]:
    """The digest's context and message: text and HTML alternatives, one HTML report attached per filer
    (``attachments``, from :func:`render_reports`, else rendered here)."""
    names = [attachment_name(i) for i in items]
    report = digest_report(zip((i.context for i in items), names), skipped)
    report.incidents = list(incidents)
    if incidents:
        report.title = (
            f"{report.title}; {len(incidents)} new cybersecurity incident{'s' if len(incidents) != 1 else ''}"
        )
    if attachments is None:
        attachments = [
            (name, render_comparison_html(i.context).encode("utf-8"), "text/html")
            for name, i in zip(names, items)
        ]
    message = mail.build_message(
        sender=sender,
        to=list(to),
        subject=subject or incident_subject(report) + default_subject(report),
        text=render_digest_text(report),
        html=render_digest_html(report),
        attachments=attachments,
    )
    return report, message


def send_digest(
    store: Store,
    watchlist_path: Path,
    to: Sequence[str],
    settings: mail.MailSettings | None,
    *,
    dry_run: Path | None = None,
    outbox: Path | None = None,
    sender: str | None = None,
    subject: str | None = None,
    state_path: Path | None = None,
) -> DigestResult:
    """Send one digest e-mail covering every filer of the watchlist with a newer stored filing.

    - ``store``: the open database; ``watchlist_path``: the watchlist file (tickers or CIKs, one per line,
      ``#`` comments); ``to``: recipient addresses.
    - ``settings``: where to send (``tracker.notify.mail.from_env(...)``); may be None for a dry run.
    - ``dry_run``: write the message to this .eml file (or into this folder) and send nothing.
    - ``outbox``: the outbox folder (default: ``tracker.notify.mail.outbox_path``, beside the database).
    - ``sender``: From address for a dry run without settings (default ``$TRACKER_MAIL_FROM``).
    - ``subject``: overrides the default subject; ``state_path``: overrides ``digest-state.json``.

    Returns a DigestResult (``message`` is None when nothing was new, and nothing was sent). Raises
    BadInput for an unreadable watchlist or bad addresses, and tracker.notify.mail.MailError when sending fails
    (the message then stays in the outbox and the state is not written).
    """
    if settings is None and dry_run is None:
        raise BadInput("no mail server settings; configure TRACKER_SMTP_URL or make a dry run.")
    path = state_path or state_path_for(store)
    state = load_state(path)
    items, skipped = pending(store, read_watchlist(watchlist_path), state)
    items, attachments, skipped = render_reports(items, skipped)
    result = DigestResult(items=items, skipped=skipped, state_path=path)
    result.incidents = new_incidents(store, read_watchlist(watchlist_path), state)
    if not items and not result.incidents:
        return result
    from_addr = settings.sender if settings is not None else mail.default_sender(sender)
    result.report, result.message = build_digest_message(
        items,
        skipped,
        sender=from_addr,
        to=to,
        subject=subject,
        attachments=attachments,
        incidents=[line for _, line in result.incidents],
    )
    if dry_run is not None:
        result.eml = mail.dry_run(result.message, dry_run)
    else:
        assert settings is not None
        result.delivery = mail.deliver(result.message, settings, mail.outbox_path(outbox, store.path))
    remember(state, items)
    for keys, _ in result.incidents:
        for key in keys:
            state.setdefault("incidents", {})[key] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    save_state(path, state)
    return result


#: Most severe incident first: by its materiality statement.
MATERIALITY_ORDER = {"material": 0, "not yet determined": 1, "not material": 2}


def new_incidents(store: Store, idents: Sequence[str], state: dict) -> list[tuple[list[str], str]]:
    """Incidents of watched filers with a report (or a version of one) not digested yet, most severe first (to
    review, then material, not yet determined, not material; then oldest): (their new state keys, line). A
    watchlist entry that names no stored filer is left to `pending` to report."""
    from tracker.pipeline.incidents import linked_incidents

    sent = state.get("incidents") or {}
    found: list[tuple[tuple, list[str], str]] = []
    seen: set[int] = set()
    for ident in idents:
        try:
            filer = store.find_filer(ident)
        except BadInput:
            continue
        if filer.id in seen:
            continue
        seen.add(filer.id)
        for link in linked_incidents(store, filer):
            keys = [
                f"{filer_key(filer)}:{r['accession']}:v{r['version']}" for r in [link.first, *link.updates]
            ]
            fresh = [k for k in keys if k not in sent]
            if fresh:
                line = mail.one_line(f"{filer.display}: {link.headline()}; {link.status_line()}")
                rank = (0 if link.review else 1, MATERIALITY_ORDER.get(link.materiality or "", 3), link.date)
                found.append((rank, fresh, line))
    found.sort(key=lambda f: f[0])
    return [(fresh, line) for _, fresh, line in found]


def incident_subject(report: DigestReport) -> str:
    """`New incident: NWAN 8-K Item 1.05 filed 2024-03-04 (...) | ` before the subject, when there is one."""
    shown = report.incidents
    if not shown:
        return ""
    more = f" (+{len(shown) - 1} more)" if len(shown) > 1 else ""
    return f"New incident: {shown[0].split(';')[0]}{more} | "


def remember(state: dict, items: Sequence[DigestItem]) -> None:
    """Record the filings just digested."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for item in items:
        state["filers"][item.key] = {
            "fiscal_year": item.new_row["fiscal_year"],
            "version": item.new_row["version"],
            "filing_id": item.new_row["id"],
            "name": item.filer.display,
            "digested_at": now,
        }
    state["version"] = STATE_VERSION
