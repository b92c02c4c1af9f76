"""The default file names of reports (`KO-FY2023-FY2024.docx`)."""

from __future__ import annotations

from pathlib import Path

from tracker.diff.context import ComparisonContext


def default_output(ctx: ComparisonContext, fmt: str) -> Path:
    """`KO-FY2023-FY2024.docx`: the filer (ticker, else CIK) and the two years; `AMZN-FY2024-GOOGL-FY2024.docx`
    for two filers."""

    def who(filer: dict) -> str:
        return str((filer.get("tickers") or [None])[0] or filer.get("cik") or "filer")

    old, new = (f"FY{m.get('fiscal_year') or 'unknown'}" for m in (ctx.old_meta, ctx.new_meta))
    if ctx.filer.get("old_filer"):
        return Path(f"{who(ctx.filer['old_filer'])}-{old}-{who(ctx.filer)}-{new}.{fmt}")
    return Path(f"{who(ctx.filer)}-{old}-{new}.{fmt}")
