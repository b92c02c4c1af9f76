"""The e-mail of one comparison: subject, text and HTML bodies, the reports attached."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from tracker.diff.context import ComparisonContext
from tracker.notify import mail
from tracker.render.names import default_output


def comparison_subject(ctx: ComparisonContext) -> str:
    """Default subject, significance first: ``[Significant] COCA COLA CO FY2023 -> FY2024: CISO replaced``."""
    c, f = ctx.comparison, ctx.filer
    who = mail.one_line(f.get("name") or (f.get("tickers") or [None])[0] or f.get("cik") or "") or "Filer"
    lead = c.significance[:1].upper() + c.significance[1:]
    what = c.judgement.top[0] if c.judgement.top else c.extent
    if len(what) > 90:
        what = what[:90].rsplit(" ", 1)[0] + "\u2026"
    return (
        f"[{lead}] {who} FY{ctx.old_meta.get('fiscal_year')} -> FY{ctx.new_meta.get('fiscal_year')}: {what}"
    )


def report_name(ctx: ComparisonContext, ext: str) -> str:
    """``KO-FY2023-FY2024.html``: the attached report's file name."""
    return mail.one_line(default_output(ctx, ext).name)


def comparison_message(
    ctx: ComparisonContext, *, sender: str, to: list[str], subject: str | None, attach_docx: bool = False
) -> EmailMessage:
    """The e-mail of a comparison: the plain-text report and a compact HTML body (the verdict, the table of
    flag, fact and people changes, the changed sentences with one sentence of context), with the full HTML
    report attached (and the Word redline with `attach_docx`)."""
    import tempfile

    from tracker.render.html import render_comparison_html, render_email_html
    from tracker.render.text import render

    text = render(
        ctx.comparison, "text", filer=ctx.filer, old_meta=ctx.old_meta, new_meta=ctx.new_meta, color=False
    )
    attachments = [(report_name(ctx, "html"), render_comparison_html(ctx).encode("utf-8"), "text/html")]
    if attach_docx:
        from tracker.render.word import write_docx

        with tempfile.TemporaryDirectory(prefix="tracker-docx-") as tmp:
            path = Path(tmp) / report_name(ctx, "docx")
            write_docx(ctx, path)
            attachments.append(
                (
                    path.name,
                    path.read_bytes(),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                )
            )
    return mail.build_message(
        sender=sender,
        to=to,
        subject=subject or comparison_subject(ctx),
        text=text,
        html=render_email_html(ctx),
        attachments=attachments,
    )
