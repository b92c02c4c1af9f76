"""The SQL views that make the database readable when browsed: filer names instead of ids, one row per
comparison or change with its filer and years. They live in the database (Datasette cannot write it), so the
store creates them with the rest of its schema; `tracker browse` describes them in its metadata."""

from __future__ import annotations

#: How a filer is named in every view: its name, else its first ticker, else its CIK.
FILER_LABEL = "coalesce(fl.name, json_extract(fl.tickers, '$[0]'), fl.cik)"

#: (view name, select statement): views for browsing, created in the database by the store.
BROWSE_VIEWS: list[tuple[str, str]] = [
    (
        "filing_overview",
        f"""
select f.id as filing_id, f.filer_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       fl.cik, f.fiscal_year, f.version,
       f.id in (select id from latest_filings) as is_latest,
       f.form, f.amendment, f.tagged, f.source_format, f.period_end, f.filing_date, f.accession,
       (select count(*) from elements e where e.filing_id = f.id and e.kind = 'flag'
                                         and e.value is not null) as flags_stated,
       (select count(*) from elements e where e.filing_id = f.id and e.kind = 'text') as text_blocks,
       (select count(*) from facts x where x.filing_id = f.id) as facts,
       f.source_path, f.ingested_at
from filings f join filers fl on fl.id = f.filer_id
""",
    ),
    (
        "flag_grid",
        f"""
select l.id as filing_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       l.fiscal_year, l.version, l.tagged,
       {{flags}}
from latest_filings l join filers fl on fl.id = l.filer_id
""",
    ),
    (
        "comparison_overview",
        f"""
select c.id as comparison_id, c.filer_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       c.old_year, o.version as old_version, c.new_year, n.version as new_version, c.significance,
       c.top_changes, c.extent, c.verdict, c.cosine, c.jaccard, c.min_edit, c.simple, c.high, c.medium, c.low, c.flags_flipped,
       c.facts_changed, c.report_path, c.computed_at
from comparisons c join filers fl on fl.id = c.filer_id
     join filings o on o.id = c.old_filing_id join filings n on n.id = c.new_filing_id
""",
    ),
    (
        "change_overview",
        f"""
select x.id as change_id, x.comparison_id, c.filer_id, {FILER_LABEL} as filer,
       json_extract(fl.tickers, '$[0]') as ticker, c.old_year, c.new_year, x.position, x.kind, x.severity,
       x.summary, x.why, x.fact, x.change, x.element, x.old, x.new, x.value, x.text
from changes x join comparisons c on c.id = x.comparison_id join filers fl on fl.id = c.filer_id
""",
    ),
    (
        "boilerplate_overview",
        f"""
select l.id as filing_id, l.filer_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       l.fiscal_year, b.sentences, b.boilerplate_sentences, b.boilerplate_share, b.previous_year,
       b.carried_over, b.stickiness, b.computed_at
from latest_filings l join disclosure_boilerplate b on b.filing_id = l.id join filers fl on fl.id = l.filer_id
""",
    ),
    (
        "boilerplate_sentences",
        f"""
select b.sentence_id, l.filer_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       l.fiscal_year, s.text as sentence, b.other_filers, b.common, b.template, s.element
from sentence_boilerplate b join latest_filings l on l.id = b.filing_id join sentences s on s.id = b.sentence_id
     join filers fl on fl.id = l.filer_id
""",
    ),
    (
        "fact_timeline",
        f"""
select x.id as fact_id, l.filer_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       l.fiscal_year, l.version, x.fact, x.value_text, x.value, x.element, x.evidence, x.rule, l.id as filing_id
from latest_filings l join facts x on x.filing_id = l.id join filers fl on fl.id = l.filer_id
""",
    ),
]

#: The six cyd flags as (column of `flag_grid`, element).
FLAG_COLUMNS = [
    ("processes_integrated", "CybersecurityRiskManagementProcessesIntegratedFlag"),
    ("third_party_engaged", "CybersecurityRiskManagementThirdPartyEngagedFlag"),
    ("third_party_oversight", "CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag"),
    (
        "materially_affected",
        "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag",
    ),
    ("positions_responsible", "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag"),
    ("reports_to_board", "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag"),
]


def _flag_columns_sql() -> str:
    """One column per flag: `true (tagged)`, `false (inferred)`, `not stated (absent)` or null."""
    return ",\n       ".join(
        f"(select coalesce(e.value, 'not stated') || ' (' || e.source || ')' from elements e "
        f"where e.filing_id = l.id and e.element = '{element}' order by e.position limit 1) as {column}"
        for column, element in FLAG_COLUMNS
    )


BROWSE_VIEWS = [(name, sql.replace("{flags}", _flag_columns_sql()).strip()) for name, sql in BROWSE_VIEWS]
