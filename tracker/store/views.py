"""The SQL views that make the database readable when browsed: filer names instead of ids, one row per
comparison or change with its filer and years. They live in the database (Datasette cannot write it), so the
store creates them with the rest of its schema; `tracker browse` describes them in its metadata."""

from __future__ import annotations

#: How a filer is named in every view: its name, else its first ticker, else its CIK.
#: What a responsible title contains, lower-cased, when it names a CISO (tracker.store.across says it alike).
CISO_WORDS = "chief information security"
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


#: Common table expressions of the views across filers, materialised once per query (`latest_filings` and
#: its correlated subqueries would otherwise run again for every row they are joined with): the latest
#: versions (l), the filers of each year (y), and the comparisons of the latest versions of two consecutive
#: fiscal years (pairs, what `trends` counts changes over) with how many there are per year (compared).
_LATEST = "l as materialized (select id, filer_id, fiscal_year from latest_filings)"
_YEARS = "y as materialized (select fiscal_year, count(*) as filers from l group by fiscal_year)"
_PAIRS = """pairs as materialized (
  select c.id, c.new_year from comparisons c join l o on o.id = c.old_filing_id join l n on n.id = c.new_filing_id
  where c.old_year = c.new_year - 1),
compared as (select new_year, count(*) as compared from pairs group by new_year)"""
#: What a change is called in `trend_top_changes` (tracker.store.across.change_key says it alike).
_CHANGE_KEY = (
    "x.kind || coalesce(':' || coalesce(x.fact, x.element), '') || coalesce(':' || nullif(x.change, ''), '')"
)

#: Across filers: the numbers of `tracker trends` and `tracker peers` (tracker.store.across), year by year.
ACROSS_VIEWS: list[tuple[str, str]] = [
    (
        "year_filers",
        "select fiscal_year, count(*) as filers from latest_filings group by fiscal_year",
    ),
    (
        "trend_flags",
        f"""
with {_LATEST}, {_YEARS}
select l.fiscal_year, e.element as flag, y.filers,
       count(distinct l.id) as stated_true, round(1.0 * count(distinct l.id) / y.filers, 4) as share
from l join y on y.fiscal_year = l.fiscal_year
     join elements e on e.filing_id = l.id and e.kind = 'flag' and e.value = 'true'
group by l.fiscal_year, e.element
""",
    ),
    (
        "trend_ciso",
        f"""
with {_LATEST}, {_YEARS},
ciso as (select l.fiscal_year, count(distinct l.id) as n from l join facts x on x.filing_id = l.id
         where x.fact = 'responsible_titles' and lower(x.value_text) like '%{CISO_WORDS}%' group by l.fiscal_year)
select y.fiscal_year, y.filers, coalesce(ciso.n, 0) as naming_ciso,
       round(1.0 * coalesce(ciso.n, 0) / y.filers, 4) as share
from y left join ciso on ciso.fiscal_year = y.fiscal_year
""",
    ),
    (
        "fact_shares",
        f"""
with {_LATEST}, {_YEARS}
select l.fiscal_year, x.fact, x.value_text as value, y.filers, count(distinct l.id) as stating,
       round(1.0 * count(distinct l.id) / y.filers, 4) as share
from l join y on y.fiscal_year = l.fiscal_year join facts x on x.filing_id = l.id
group by l.fiscal_year, x.fact, x.value_text
""",
    ),
    (
        "trend_fact_changes",
        f"""
with {_LATEST}, {_PAIRS}
select p.new_year as fiscal_year, x.fact, c.compared, count(distinct p.id) as changed,
       round(1.0 * count(distinct p.id) / c.compared, 4) as share
from pairs p join compared c on c.new_year = p.new_year join changes x on x.comparison_id = p.id
where x.kind in ('fact_added', 'fact_removed', 'fact_changed')
group by p.new_year, x.fact
""",
    ),
    (
        "trend_top_changes",
        f"""
with {_LATEST}, {_PAIRS}
select p.new_year as fiscal_year, {_CHANGE_KEY} as change_key, x.kind, coalesce(x.fact, x.element) as what,
       x.change, c.compared, count(distinct p.id) as filers, round(1.0 * count(distinct p.id) / c.compared, 4) as share
from pairs p join compared c on c.new_year = p.new_year join changes x on x.comparison_id = p.id
where x.severity in ('high', 'medium') and substr(x.kind, 1, 5) != 'text_'
group by p.new_year, change_key
""",
    ),
    (
        "peer_grid",
        f"""
select l.id as filing_id, l.filer_id, {FILER_LABEL} as filer, json_extract(fl.tickers, '$[0]') as ticker,
       l.fiscal_year,
       exists (select 1 from facts x where x.filing_id = l.id and x.fact = 'responsible_titles'
               and lower(x.value_text) like '%{CISO_WORDS}%') as names_ciso,
       {{facts}},
       {{flags}}
from latest_filings l join filers fl on fl.id = l.filer_id
""",
    ),
]


def _fact_columns_sql() -> str:
    """One column per catalogue fact: its distinct values, joined by "; "."""
    from tracker.facts.catalogue import SPECS

    return ",\n       ".join(
        f"(select group_concat(v, '; ') from (select distinct x.value_text as v from facts x "
        f"where x.filing_id = l.id and x.fact = '{s.name}' order by x.position)) as {s.name}"
        for s in SPECS
    )


def _views(views: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        (name, sql.replace("{flags}", _flag_columns_sql()).replace("{facts}", _fact_columns_sql()).strip())
        for name, sql in views
    ]


BROWSE_VIEWS = _views(BROWSE_VIEWS + ACROSS_VIEWS)
