"""`tracker email` and `tracker digest`: change reports by e-mail."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli import (
    DbOption,
    DebugOption,
    app,
    check_year_order,
    db_path,
    fiscal_year,
    handle_errors,
    open_db,
)
from tracker.errors import BadInput, TrackerError

if TYPE_CHECKING:  # the library is imported inside each command: a command loads only what it uses
    from tracker.notify import mail

ToOption = Annotated[
    list[str] | None,
    typer.Option(
        "--to", metavar="ADDRESS", help="Recipient address (repeat for several).", show_default=False
    ),
]
SubjectOption = Annotated[str | None, typer.Option(help="Subject line (default: filer, years and changes).")]
SmtpOption = Annotated[
    str | None,
    typer.Option(
        "--smtp-url",
        help="smtp://user:password@host:587 or smtps://...:465 (default: $TRACKER_SMTP_URL; prefer "
        "the variable, a password given here is visible to other users of this machine).",
        show_default=False,
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option("--from", help="Sender address (default: $TRACKER_MAIL_FROM).", show_default=False),
]
DryRunOption = Annotated[
    Path | None,
    typer.Option(
        "--dry-run",
        help="Write the message to this .eml file (or into this folder) and send nothing.",
        show_default=False,
    ),
]
OutboxOption = Annotated[
    Path | None,
    typer.Option(
        "--outbox",
        help="Outbox folder (default: $TRACKER_OUTBOX, else outbox/ beside the database).",
        show_default=False,
    ),
]


@app.command()
@handle_errors
def email(
    filer: Annotated[
        str | None, typer.Argument(help="Ticker, CIK or name prefix.", show_default=False)
    ] = None,
    old_year: Annotated[
        int | None,
        typer.Argument(
            help="The earlier fiscal year (2023 or FY2023).", parser=fiscal_year, show_default=False
        ),
    ] = None,
    new_year: Annotated[
        int | None, typer.Argument(help="The later fiscal year.", parser=fiscal_year, show_default=False)
    ] = None,
    to: ToOption = None,
    subject: SubjectOption = None,
    smtp_url: SmtpOption = None,
    sender: FromOption = None,
    dry_run: DryRunOption = None,
    retry: Annotated[bool, typer.Option("--retry", help="Send the messages waiting in the outbox.")] = False,
    attach_docx: Annotated[
        bool, typer.Option("--attach-docx", help="Also attach the Word redline (tracked changes).")
    ] = False,
    outbox: OutboxOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """E-mail the change report of two stored years (text and HTML), or send what the outbox holds (--retry)."""
    from tracker.notify import mail
    from tracker.notify.report import comparison_message
    from tracker.pipeline.compare import compare_stored

    box = mail.outbox_path(outbox, db_path(db))
    if retry:
        if filer is not None or to:
            raise BadInput("--retry sends what the outbox holds; give it no filer, years or --to.")
        retry_outbox(box, smtp_url, sender)
        return
    if filer is None or old_year is None or new_year is None or not to:
        raise BadInput("give FILER OLD_YEAR NEW_YEAR and at least one --to ADDRESS (or --retry).")
    check_year_order(old_year, new_year, f"tracker email {filer}")
    with open_db(db) as store:
        ctx = compare_stored(store, filer, old_year, new_year)
    if dry_run is not None:
        message = comparison_message(
            ctx, sender=mail.default_sender(sender), to=to, subject=subject, attach_docx=attach_docx
        )
        typer.echo(f"wrote {mail.dry_run(message, dry_run)} (nothing sent)")
        return
    settings = mail.from_env(smtp_url, sender)
    message = comparison_message(ctx, sender=settings.sender, to=to, subject=subject, attach_docx=attach_docx)
    report_delivery(mail.deliver(message, settings, box))


def report_delivery(result: mail.DeliveryResult) -> None:
    """Say what was sent (with the server's queue id), to whom the server refused it, and what went wrong
    after it was accepted."""
    queued_as = f"queued as {result.queue_id}; " if result.queue_id else ""
    typer.echo(
        f"sent to {', '.join(a for a in result.recipients if a not in result.refused)} "
        f"({queued_as}copy in {result.path})"
    )
    for address, answer in result.refused.items():
        typer.echo(f"warning: the mail server refused {address} ({answer})", err=True)
    if result.warning:
        typer.echo(f"warning: {result.warning}", err=True)


def accepted_before(result: mail.DeliveryResult) -> str:
    """What a retry says of a message the server had already accepted: ``already accepted it as X``."""
    how = f"as {result.queue_id}" if result.queue_id else f"({result.answer})"
    return f"not sent {result.path.name} again: the mail server already accepted it {how}"


def retry_outbox(box: Path, smtp_url: str | None, sender: str | None) -> None:
    """Send every queued message; exit 3 when some could not be sent."""
    from tracker.notify import mail

    waiting = mail.queued(box) if box.is_dir() else []
    if not waiting:
        typer.echo(f"nothing to send: the outbox {box} is empty")
        return
    sender = sender or os.environ.get("TRACKER_MAIL_FROM") or _queued_sender(waiting[0])
    results = mail.retry(mail.from_env(smtp_url, sender), box)
    for r in results:
        if r.already_accepted:
            typer.echo(accepted_before(r))
        elif r.sent:
            queued_as = f" (queued as {r.queue_id})" if r.queue_id else ""
            typer.echo(f"sent {r.path.name} to {', '.join(r.recipients)}{queued_as}")
        else:
            typer.echo(f"not sent {r.path.name}: {r.error}", err=True)
        if r.warning:
            typer.echo(f"warning: {r.warning}", err=True)
    failed = [r for r in results if not r.sent]
    if failed:
        raise TrackerError(
            f"{len(failed)} of {len(results)} messages could not be sent and stay in {box}; "
            "fix the cause above and run `tracker email --retry` again."
        )


def _queued_sender(path: Path) -> str:
    """The From of a queued message (retry needs no new sender: the messages are built)."""
    from tracker.notify import mail

    return str(mail.read_eml(path).get("From", ""))


@app.command()
@handle_errors
def digest(
    watchlist: Annotated[
        Path,
        typer.Option(
            "--watchlist", help="File of tickers or CIKs, one per line, # comments.", show_default=False
        ),
    ],
    to: ToOption = None,
    subject: SubjectOption = None,
    smtp_url: SmtpOption = None,
    sender: FromOption = None,
    dry_run: DryRunOption = None,
    outbox: OutboxOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """E-mail one digest of every watched filer with a newer stored year, most severe changes first."""
    from tracker.notify import mail
    from tracker.notify.digest import send_digest

    if not to:
        raise BadInput("give at least one --to ADDRESS for the digest.")
    settings = None if dry_run is not None else mail.from_env(smtp_url, sender)
    with open_db(db) as store:
        result = send_digest(
            store, watchlist, to, settings, dry_run=dry_run, outbox=outbox, sender=sender, subject=subject
        )
    for line in result.skipped:
        typer.echo(f"left out {line}", err=True)
    if result.message is None:
        typer.echo("nothing new since the last digest: no message sent")
        return
    names = ", ".join(mail.one_line(i.filer.display) for i in result.items)
    if result.eml is not None:
        typer.echo(f"wrote {result.eml} covering {names} (nothing sent)")
    elif result.delivery is not None:
        typer.echo(f"digest covering {names}:")
        report_delivery(result.delivery)
