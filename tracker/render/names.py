"""The default file names of reports (`KO-FY2023-FY2024.docx`)."""

from __future__ import annotations

from pathlib import Path

from tracker.diff.context import ComparisonContext


def default_output(ctx: ComparisonContext, fmt: str) -> Path:
    """`KO-FY2023-FY2024.docx`: the filer (ticker, else CIK) and the two years."""
    who = (ctx.filer.get("tickers") or [None])[0] or ctx.filer.get("cik") or "filer"
    years = "-".join(f"FY{m.get('fiscal_year') or 'unknown'}" for m in (ctx.old_meta, ctx.new_meta))
    return Path(f"{who}-{years}.{fmt}")
