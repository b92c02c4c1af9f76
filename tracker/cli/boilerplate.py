"""`tracker boilerplate`: index every stored sentence across filers (boilerplate shares, stickiness)."""

from __future__ import annotations

import json

import typer

from tracker.cli import (
    TEXT_JSON,
    DbOption,
    DebugOption,
    FormatOption,
    app,
    check_format,
    db_path,
    handle_errors,
)


@app.command()
@handle_errors
def boilerplate(fmt: FormatOption = "text", db: DbOption = None, debug: DebugOption = False) -> None:
    """Find the sentences other filers state nearly alike (boilerplate) and what each filer carried over from
    its previous year (stickiness), for every current version; rerun after ingesting."""
    fmt = check_format(fmt, TEXT_JSON)
    from tracker.diff.boilerplate import index_store, summary_json
    from tracker.store import Store

    with Store(db_path(db), create=False) as store:
        summary = index_store(store)
    if fmt == "json":
        typer.echo(json.dumps(summary_json(summary), indent=2))
        return
    typer.echo(
        f"{summary.sentences} sentences of {summary.filings} disclosures indexed: {summary.templates} templates, "
        f"{summary.common} sentences are common boilerplate ({summary.seconds:.1f} s); "
        "browse the boilerplate_overview view to sort filers by them."
    )
