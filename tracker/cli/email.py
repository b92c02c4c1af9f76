"""`tracker email` and `tracker digest`: change reports by e-mail."""

from __future__ import annotations

import os
from email.message import EmailMessage
from pathlib import Path
from typing import Annotated

import typer

from tracker.notify import mail
from tracker.cli import DbOption, DebugOption, app, check_year_order, db_path, fiscal_year, handle_errors, open_db
from tracker.errors import BadInput, TrackerError
from tracker.pipeline.compare import ComparisonContext, compare_stored

ToOption = Annotated[list[str] | None, typer.Option(
    "--to", metavar="ADDRESS", help="Recipient address (repeat for several).", show_default=False)]
SubjectOption = Annotated[str | None, typer.Option(help="Subject line (default: filer, years and changes).")]
SmtpOption = Annotated[str | None, typer.Option(
    "--smtp-url", help="smtp://user:password@host:587 or smtps://...:465 (default: $TRACKER_SMTP_URL; prefer "
                       "the variable, a password given here is visible to other users of this machine).",
    show_default=False)]
FromOption = Annotated[str | None, typer.Option(
    "--from", help="Sender address (default: $TRACKER_MAIL_FROM).", show_default=False)]
DryRunOption = Annotated[Path | None, typer.Option(
    "--dry-run", help="Write the message to this .eml file (or into this folder) and send nothing.",
    show_default=False)]
OutboxOption = Annotated[Path | None, typer.Option(
    "--outbox", help="Outbox folder (default: $TRACKER_OUTBOX, else outbox/ beside the database).",
    show_default=False)]


def comparison_subject(ctx: ComparisonContext) -> str:
    """Default subject, significance first: ``[Significant] COCA COLA CO FY2023 -> FY2024: CISO replaced``."""
    c, f = ctx.comparison, ctx.filer
    who = mail.one_line(f.get("name") or (f.get("tickers") or [None])[0] or f.get("cik") or "") or "Filer"
    lead = c.significance[:1].upper() + c.significance[1:]
    what = c.judgement.top[0] if c.judgement.top else c.extent
    if len(what) > 90:
        what = what[:90].rsplit(" ", 1)[0] + "\u2026"
    return (f"[{lead}] {who} FY{ctx.old_meta.get('fiscal_year')} -> FY{ctx.new_meta.get('fiscal_year')}: "
            f"{what}")


def report_name(ctx: ComparisonContext, ext: str) -> str:
    """``KO-FY2023-FY2024.html``: the attached report's file name."""
    from tracker.cli.diff import default_output

    return mail.one_line(default_output(ctx, ext).name)


def comparison_message(ctx: ComparisonContext, *, sender: str, to: list[str], subject: str | None,
                       attach_docx: bool = False) -> EmailMessage:
    """The e-mail of a comparison: the plain-text report and a compact HTML body (the verdict, the table of
    flag, fact and people changes, the changed sentences with one sentence of context), with the full HTML
    report attached (and the Word redline with `attach_docx`)."""
    import tempfile

    from tracker.render.html import render_comparison_html, render_email_html
    from tracker.render.text import render

    text = render(ctx.comparison, "text", filer=ctx.filer, old_meta=ctx.old_meta, new_meta=ctx.new_meta,
                  color=False)
    attachments = [(report_name(ctx, "html"), render_comparison_html(ctx).encode("utf-8"), "text/html")]
    if attach_docx:
        from tracker.render.word import write_docx

        with tempfile.TemporaryDirectory(prefix="tracker-docx-") as tmp:
            path = Path(tmp) / report_name(ctx, "docx")
            write_docx(ctx, path)
            attachments.append((path.name, path.read_bytes(),
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    return mail.build_message(sender=sender, to=to, subject=subject or comparison_subject(ctx), text=text,
                              html=render_email_html(ctx), attachments=attachments)


@app.command()
@handle_errors
def email(
    filer: Annotated[str | None, typer.Argument(help="Ticker, CIK or name prefix.", show_default=False)] = None,
    old_year: Annotated[int | None, typer.Argument(help="The earlier fiscal year (2023 or FY2023).",
                                                   parser=fiscal_year, show_default=False)] = None,
    new_year: Annotated[int | None, typer.Argument(help="The later fiscal year.", parser=fiscal_year,
                                                   show_default=False)] = None,
    to: ToOption = None,
    subject: SubjectOption = None,
    smtp_url: SmtpOption = None,
    sender: FromOption = None,
    dry_run: DryRunOption = None,
    retry: Annotated[bool, typer.Option("--retry", help="Send the messages waiting in the outbox.")] = False,
    attach_docx: Annotated[bool, typer.Option(
        "--attach-docx", help="Also attach the Word redline (tracked changes).")] = False,
    outbox: OutboxOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """E-mail the change report of two stored years (text and HTML), or send what the outbox holds (--retry)."""
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
        message = comparison_message(ctx, sender=mail.default_sender(sender), to=to, subject=subject,
                                     attach_docx=attach_docx)
        typer.echo(f"wrote {mail.dry_run(message, dry_run)} (nothing sent)")
        return
    settings = mail.from_env(smtp_url, sender)
    message = comparison_message(ctx, sender=settings.sender, to=to, subject=subject, attach_docx=attach_docx)
    report_delivery(mail.deliver(message, settings, box))


def report_delivery(result: mail.DeliveryResult) -> None:
    """Say what was sent (with the server's queue id), to whom the server refused it, and what went wrong
    after it was accepted."""
    queued_as = f"queued as {result.queue_id}; " if result.queue_id else ""
    typer.echo(f"sent to {', '.join(a for a in result.recipients if a not in result.refused)} "
               f"({queued_as}copy in {result.path})")
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
        raise TrackerError(f"{len(failed)} of {len(results)} messages could not be sent and stay in {box}; "
                           "fix the cause above and run `tracker email --retry` again.")


def _queued_sender(path: Path) -> str:
    """The From of a queued message (retry needs no new sender: the messages are built)."""
    return str(mail.read_eml(path).get("From", ""))


@app.command()
@handle_errors
def digest(
    watchlist: Annotated[Path, typer.Option("--watchlist", help="File of tickers or CIKs, one per line, # comments.",
                                            show_default=False)],
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
    from tracker.notify.digest import send_digest

    if not to:
        raise BadInput("give at least one --to ADDRESS for the digest.")
    settings = None if dry_run is not None else mail.from_env(smtp_url, sender)
    with open_db(db) as store:
        result = send_digest(store, watchlist, to, settings, dry_run=dry_run, outbox=outbox, sender=sender,
                             subject=subject)
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
