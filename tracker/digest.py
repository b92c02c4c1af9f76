"""The watchlist digest: one e-mail covering every watched filer that has a newer stored year.

A watchlist is a text file naming one filer per line (ticker, CIK, or unambiguous name prefix);
``#`` starts a comment. For each watched filer whose latest stored filing (year, then version) is
newer than the one last digested, the digest compares its two latest stored years, lists the filers
most severe first (high, then medium, then low counts) and attaches each filer's HTML change report.

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

from tracker import mail
from tracker.errors import BadInput, TrackerError
from tracker.htmlreport import DigestReport, digest_report, render_comparison_html, render_digest_html, \
    render_digest_text
from tracker.service import ComparisonContext, compare_rows
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


def read_watchlist(path: Path) -> list[str]:
    """The filer identifiers of a watchlist file, in order, without comments and blank lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BadInput(f"cannot read the watchlist {path} ({exc.strerror}); give a text file with one ticker "
                       "or CIK per line.") from exc
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
        raise TrackerError(f"cannot read the digest state {path} ({exc}); fix or delete it (deleting it makes "
                           "the next digest cover every watched filer again).") from exc
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
        raise TrackerError(f"the digest was sent but its state could not be written to {path} ({exc.strerror}); "
                           "the next digest will repeat these filers.") from exc


def filer_key(filer: Filer) -> str:
    """Key of a filer in the state: its CIK, else its row id."""
    return filer.cik or f"filer:{filer.id}"


def pending(store: Store, idents: Sequence[str], state: dict) -> tuple[list[DigestItem], list[str]]:
    """Watched filers with a filing newer than the last digested one, and the entries left out."""
    items: list[DigestItem] = []
    skipped: list[str] = []
    seen: set[int] = set()
    for ident in idents:
        try:
            filer = store.find_filer(ident)
        except BadInput as exc:
            skipped.append(f"{ident}: {exc}")
            continue
        if filer.id in seen:
            continue
        seen.add(filer.id)
        years = store.years(filer)
        if len(years) < 2:
            shown = ", ".join(map(str, years)) or "none"
            skipped.append(f"{ident} ({filer.display}): only one stored year ({shown}), nothing to compare yet.")
            continue
        new_row = store.filing(filer, years[-1])
        last = state["filers"].get(filer_key(filer))
        if last and (last["fiscal_year"], last["version"]) >= (new_row["fiscal_year"], new_row["version"]):
            continue
        ctx = compare_rows(store, filer, store.filing(filer, years[-2]), new_row)
        items.append(DigestItem(filer, filer_key(filer), ctx, new_row))
    items.sort(key=lambda i: severity_key(i.context))
    return items, skipped


_SIGNIFICANCE_ORDER = {"significant": 0, "notable": 1, "routine": 2, "no substantive change": 3}


def severity_key(ctx: ComparisonContext) -> tuple:
    """Most significant first, then more high, medium and low changes; then by name."""
    s = ctx.comparison.summary
    return (_SIGNIFICANCE_ORDER.get(ctx.comparison.significance, 4), -s["high"], -s["medium"], -s["low"],
            (ctx.filer.get("name") or "").lower())


def attachment_name(item: DigestItem) -> str:
    """File name of a filer's attached report: ``NWAN-2023-2024.html``."""
    who = item.filer.tickers[0] if item.filer.tickers else (item.filer.cik or f"filer{item.filer.id}")
    return f"{who}-{item.context.old_meta['fiscal_year']}-{item.context.new_meta['fiscal_year']}.html"


def default_subject(report: DigestReport) -> str:
    """Short subject (it must fit one header line): filers, how many changed significantly, changes by severity."""
    n = len(report.entries)
    totals = {k: sum(e.report.counts[k] for e in report.entries) for k in ("high", "medium", "low")}
    significant = sum(e.report.significance == "significant" for e in report.entries)
    return (f"Disclosure digest: {n} filer{'s' if n != 1 else ''}, {significant} significant "
            f"({totals['high']} high, {totals['medium']} medium, {totals['low']} low)")


def build_digest_message(items: Sequence[DigestItem], skipped: Sequence[str], *, sender: str, to: Sequence[str],
                         subject: str | None = None) -> tuple[DigestReport, EmailMessage]:
    """The digest's context and message: text and HTML alternatives, one HTML report attached per filer."""
    names = [attachment_name(i) for i in items]
    report = digest_report(zip((i.context for i in items), names), skipped)
    attachments = [(name, render_comparison_html(i.context).encode("utf-8"), "text/html")
                   for name, i in zip(names, items)]
    message = mail.build_message(sender=sender, to=list(to), subject=subject or default_subject(report),
                                 text=render_digest_text(report), html=render_digest_html(report),
                                 attachments=attachments)
    return report, message


def send_digest(store: Store, watchlist_path: Path, to: Sequence[str], settings: mail.MailSettings | None, *,
                dry_run: Path | None = None, outbox: Path | None = None, sender: str | None = None,
                subject: str | None = None, state_path: Path | None = None) -> DigestResult:
    """Send one digest e-mail covering every filer of the watchlist with a newer stored filing.

    - ``store``: the open database; ``watchlist_path``: the watchlist file (tickers or CIKs, one per line,
      ``#`` comments); ``to``: recipient addresses.
    - ``settings``: where to send (``tracker.mail.from_env(...)``); may be None for a dry run.
    - ``dry_run``: write the message to this .eml file (or into this folder) and send nothing.
    - ``outbox``: the outbox folder (default: ``tracker.mail.outbox_path``, beside the database).
    - ``sender``: From address for a dry run without settings (default ``$TRACKER_MAIL_FROM``).
    - ``subject``: overrides the default subject; ``state_path``: overrides ``digest-state.json``.

    Returns a DigestResult (``message`` is None when nothing was new, and nothing was sent). Raises
    BadInput for an unreadable watchlist or bad addresses, and tracker.mail.MailError when sending fails
    (the message then stays in the outbox and the state is not written).
    """
    if settings is None and dry_run is None:
        raise BadInput("no mail server settings; configure TRACKER_SMTP_URL or make a dry run.")
    path = state_path or state_path_for(store)
    state = load_state(path)
    items, skipped = pending(store, read_watchlist(watchlist_path), state)
    result = DigestResult(items=items, skipped=skipped, state_path=path)
    if not items:
        return result
    from_addr = settings.sender if settings is not None else mail.default_sender(sender)
    result.report, result.message = build_digest_message(items, skipped, sender=from_addr, to=to, subject=subject)
    if dry_run is not None:
        result.eml = mail.dry_run(result.message, dry_run)
    else:
        assert settings is not None
        result.delivery = mail.deliver(result.message, settings, mail.outbox_path(outbox, store.path))
    remember(state, items)
    save_state(path, state)
    return result


def remember(state: dict, items: Sequence[DigestItem]) -> None:
    """Record the filings just digested."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for item in items:
        state["filers"][item.key] = {"fiscal_year": item.new_row["fiscal_year"], "version": item.new_row["version"],
                                     "name": item.filer.display, "digested_at": now}
    state["version"] = STATE_VERSION
