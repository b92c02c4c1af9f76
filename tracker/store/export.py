"""The SQL of the tables `tracker export` writes: one select per table over the current versions, its rows
for every filer or for the filers named (their row ids), in a stable order. Plain-English headers and value
labels are the export's business (tracker.pipeline.export); these return the stored values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.store.views import FILER_LABEL

if TYPE_CHECKING:
    from tracker.store import Store

_FILER = f"{FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker, fl.cik"

#: table -> (select with a `{filers}` condition on the filer id column named, order by).
EXPORT_SQL: dict[str, tuple[str, str, str]] = {
    "fact_timeline": (
        f"""select {_FILER}, l.fiscal_year, l.version, x.fact, x.value_text, x.element, x.evidence
        from latest_filings l join facts x on x.filing_id = l.id join filers fl on fl.id = l.filer_id""",
        "l.filer_id",
        "lower(filer), l.fiscal_year, x.fact, x.position",
    ),
    "flag_grid": (
        f"""select {_FILER}, l.fiscal_year, l.version, l.form, l.tagged, e.element, e.value, e.source
        from latest_filings l join filers fl on fl.id = l.filer_id
        left join elements e on e.filing_id = l.id and e.kind = 'flag'""",
        "l.filer_id",
        "lower(filer), l.fiscal_year, e.position",
    ),
    "comparisons": (
        f"""select {_FILER}, c.old_year, o.version as old_version, c.new_year, n.version as new_version,
               c.significance, c.extent, c.top_changes, c.verdict, c.high, c.medium, c.low, c.flags_flipped,
               c.facts_changed, c.cosine, c.jaccard, c.min_edit, c.simple, c.computed_at
        from comparisons c join filers fl on fl.id = c.filer_id
        join filings o on o.id = c.old_filing_id join filings n on n.id = c.new_filing_id
        where o.id in (select id from latest_filings) and n.id in (select id from latest_filings)""",
        "c.filer_id",
        "lower(filer), c.old_year, c.new_year",
    ),
    "changes": (
        f"""select {_FILER}, c.old_year, c.new_year, x.position + 1 as number, x.kind, x.severity, x.summary,
               x.why, x.fact, x.element, x.old, x.new, x.value, x.text
        from changes x join comparisons c on c.id = x.comparison_id join filers fl on fl.id = c.filer_id
        where c.old_filing_id in (select id from latest_filings)
          and c.new_filing_id in (select id from latest_filings)""",
        "c.filer_id",
        "lower(filer), c.old_year, c.new_year, x.position",
    ),
    "boilerplate": (
        f"""select {_FILER}, l.fiscal_year, b.sentences, b.boilerplate_sentences, b.boilerplate_share,
               b.previous_year, b.carried_over, b.stickiness, b.computed_at
        from latest_filings l join disclosure_boilerplate b on b.filing_id = l.id
        join filers fl on fl.id = l.filer_id""",
        "l.filer_id",
        "lower(filer), l.fiscal_year",
    ),
    "people": (
        f"""select {_FILER}, l.fiscal_year, x.value, x.evidence
        from latest_filings l join facts x on x.filing_id = l.id and x.fact = 'people'
        join filers fl on fl.id = l.filer_id""",
        "l.filer_id",
        "lower(filer), l.fiscal_year, x.position",
    ),
}


def export_rows(store: Store, table: str, filer_ids: list[int] | None) -> list[dict]:
    """The stored rows of one export table, for those filers (every filer when None)."""
    select, filer_column, order = EXPORT_SQL[table]
    params: list[int] = []
    if filer_ids is not None:
        joiner = " and " if " where " in select else " where "
        select += f"{joiner}{filer_column} in ({', '.join('?' for _ in filer_ids)})"
        params = list(filer_ids)
    return list(store.db.query(f"{select} order by {order}", params))
