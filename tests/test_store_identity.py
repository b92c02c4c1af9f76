"""Who a filing belongs to and which version is current: refused contradictions, add-only links, the latest
version, text outside every tag; against real SQLite files, as a user runs the commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.test_ingest_cli import FIXTURES, run, snapshot
from tracker.models import UNTAGGED_ELEMENT
from tracker.pipeline.ingest import Options, ingest_bytes
from tracker.read import read_path
from tracker.store import SCHEMA_VERSION, Store
from tracker.store.views import BROWSE_VIEWS

SAMPLE = FIXTURES / "sample"
FY2023 = SAMPLE / "nwan-10-k-fy2023.htm"
FY2024 = SAMPLE / "nwan-10-k-fy2024.htm"
R10 = FIXTURES / "rpage" / "R10.htm"
NWAN_CIK = "0009999901"
#: Tables of stored versions and what was derived from them: an ingest may add rows to them, never change one.
VERSION_TABLES = ("filings", "elements", "facts", "sentences", "comparisons", "changes", "sources")


def variant(folder: Path, source: Path, name: str, *edits: tuple[str, str]) -> Path:
    """A copy of a fixture with some text replaced (each edit must apply)."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def southwind(folder: Path, ticker: str = "SWND") -> Path:
    """Another company's FY2024 10-K: its own CIK and name, and the trading symbol given."""
    return variant(
        folder,
        FY2024,
        "swnd-10-k-fy2024.htm",
        (NWAN_CIK, "0009999902"),
        ("NORTHWIND ANALYTICS, INC.</ix", "SOUTHWIND LTD</ix"),
        ('TradingSymbol" contextRef="c-1">NWAN<', f'TradingSymbol" contextRef="c-1">{ticker}<'),
    )


def filers(db: Path) -> list[dict]:
    code, out, err = run("filers", "--format", "json", "--db", db)
    assert code == 0, err
    return json.loads(out)


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def version_rows(db: Path) -> set[str]:
    """Every row of the version tables, as SQL statements."""
    return {
        line for line in snapshot(db) if line.startswith(tuple(f'INSERT INTO "{t}"' for t in VERSION_TABLES))
    }


def show(db: Path, *args: str) -> dict:
    code, out, err = run("show", *args, "--format", "json", "--db", db)
    assert code == 0, err
    return json.loads(out)


def experience(data: dict) -> str:
    """The CISO's experience as stated in a shown version."""
    text = " ".join(str(e["value"]) for e in data["elements"] if e["kind"] == "text")
    return "16" if "more than 16 years" in text else "17" if "more than 17 years" in text else "?"


# -- 6: --filer CIK against the source's own CIK ------------------------------------------------------
def test_filer_cik_that_contradicts_the_source_is_refused_naming_both(db_path: Path, tmp_path: Path) -> None:
    run("ingest", FY2023, "--db", db_path)
    other = southwind(tmp_path)
    before = snapshot(db_path)
    code, out, err = run("ingest", other, "--filer", "9999901", "--db", db_path)
    assert code == 2, out + err
    assert (
        err.count("\n") == 1
        and "CIK 0009999901" in err
        and "CIK 0009999902" in err
        and "SOUTHWIND LTD" in err
    )
    assert snapshot(db_path) == before
    # the source's own CIK, with or without zeros, is no contradiction
    code, out, err = run("ingest", other, "--filer", "9999902", "--db", db_path)
    assert code == 0 and out.strip().endswith("SOUTHWIND LTD 2024 10-K v1 new"), out + err


# -- 7: --filer TICKER naming a filer known only by ticker ----------------------------------------------
def test_filer_ticker_never_hands_a_ticker_only_filer_to_another_company(
    db_path: Path, tmp_path: Path
) -> None:
    run("ingest", R10, "--filer", "FOO", "--form", "10-K", "--db", db_path)
    before = snapshot(db_path)
    code, out, err = run("ingest", FY2024, "--filer", "FOO", "--db", db_path)
    assert code == 2, out + err
    assert err.count("\n") == 1 and "--filer FOO" in err and "CIK 0009999901" in err
    assert snapshot(db_path) == before
    assert filers(db_path) == [{"cik": None, "name": None, "tickers": ["FOO"], "years": [2024]}]
    # nor when the company is stored already (it would have swallowed FOO's versions)
    run("ingest", FY2023, "--db", db_path)
    before = snapshot(db_path)
    code, out, err = run("ingest", FY2024, "--filer", "FOO", "--db", db_path)
    assert code == 2 and "--filer FOO" in err, out + err
    assert snapshot(db_path) == before
    # a ticker the source gives itself is no contradiction
    code, out, err = run("ingest", FY2024, "--filer", "NWAN", "--db", db_path)
    assert code == 0 and out.strip().endswith("v1 new"), out + err


# -- 8: a ticker-only filer that turns out to have a CIK ---------------------------------------------------
def test_a_ticker_only_filer_is_linked_to_its_cik_and_no_stored_row_changes(
    db_path: Path, tmp_path: Path
) -> None:
    anonymous_2023 = variant(
        tmp_path,
        FY2023,
        "nwan-2023-anonymous.htm",
        (NWAN_CIK, ""),
        ('<ix:nonNumeric name="dei:TradingSymbol" contextRef="c-1">NWAN</ix:nonNumeric>', ""),
    )
    assert read_path(anonymous_2023).cik is None and not read_path(anonymous_2023).tickers
    cik_only_2024 = variant(
        tmp_path,
        FY2024,
        "nwan-2024-cik-only.htm",
        ('<ix:nonNumeric name="dei:TradingSymbol" contextRef="c-1">NWAN</ix:nonNumeric>', ""),
    )
    assert read_path(cik_only_2024).tickers == []
    # a filer known by ticker only, with two years and a stored comparison
    for path, year in ((anonymous_2023, "2023"), (R10, "2024")):
        code, out, err = run(
            "ingest", path, "--filer", "NWAN", "--year", year, "--form", "10-K", "--db", db_path
        )
        assert code == 0, out + err
    assert run("diff-all", "--db", db_path)[0] == 0
    # the same company by CIK, without the ticker
    code, out, err = run("ingest", cik_only_2024, "--db", db_path)
    assert code == 0 and out.strip().endswith("NORTHWIND ANALYTICS, INC. 2024 10-K v1 new"), out + err
    assert len(filers(db_path)) == 2
    before = version_rows(db_path)
    # a filing that gives both: the two are one filer from now on
    code, out, err = run("ingest", FY2023, "--db", db_path)
    assert code == 0, out + err
    after = version_rows(db_path)
    assert before <= after, sorted(before - after)[:3]
    assert filers(db_path) == [
        {"cik": NWAN_CIK, "name": "NORTHWIND ANALYTICS, INC.", "tickers": ["NWAN"], "years": [2023, 2024]}
    ]
    cik_filer = query(db_path, "select id from filers where cik = ?", (NWAN_CIK,))[0][0]
    # no filer-year holds the same disclosure twice
    assert (
        query(
            db_path,
            "select fiscal_year, content_hash, count(*) from filings where filer_id = ? "
            "group by 1, 2 having count(*) > 1",
            (cik_filer,),
        )
        == []
    )
    # the latest 2024 is the tagged 10-K, the most recently stored; the R page read before it is an earlier version
    latest = show(db_path, "NWAN", "2024")
    assert (latest["tagged"], latest["source_format"], latest["version"]) == (True, "ixbrl", 1)
    assert show(db_path, NWAN_CIK, "2024", "--version", "2")["source_format"] == "rpage-html"
    # every stored comparison still points at versions and a filer that exist
    assert query(
        db_path,
        "select count(*) from comparisons c left join filers f on f.id = c.filer_id "
        "left join filings o on o.id = c.old_filing_id where f.id is null or o.id is null",
    ) == [(0,)]
    # comparing goes on under the one filer; doing it all again adds nothing
    assert run("diff", "NWAN", "2023", "2024", "--format", "json", "--db", db_path)[0] == 0
    assert run("diff-all", "--db", db_path)[0] == 0
    assert query(db_path, "select count(*) from comparisons where filer_id = ?", (cik_filer,)) == [(1,)]
    done = snapshot(db_path)
    code, out, _ = run(
        "ingest", FY2023, cik_only_2024, anonymous_2023, "--filer", "NWAN", "--form", "10-K", "--db", db_path
    )
    assert code == 0 and "0 new, 3 unchanged, 0 new versions" in out, out
    assert snapshot(db_path) == done


def dry_digest(db_path: Path, tmp_path: Path) -> str:
    """`tracker digest --dry-run` for a watchlist of NWAN; what it printed."""
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("NWAN\n", encoding="utf-8")
    code, out, err = run(
        "digest",
        "--watchlist",
        watchlist,
        "--to",
        "gc@example.com",
        "--from",
        "t@example.com",
        "--dry-run",
        tmp_path / "digest.eml",
        "--db",
        db_path,
    )
    assert code == 0, out + err
    return out


# -- 9: the latest version ------------------------------------------------------------------------------
def test_reingesting_earlier_content_makes_it_current_again(db_path: Path, tmp_path: Path) -> None:
    changed = variant(
        tmp_path, FY2024, "nwan-10-k-fy2024-b.htm", ("more than 16 years", "more than 17 years")
    )
    run("ingest", FY2023, "--db", db_path)
    outs = [run("ingest", path, "--db", db_path)[1].strip() for path in (FY2024, changed)]
    assert outs[0].endswith("v1 new") and outs[1].endswith("v2 new version")
    assert query(db_path, "select fiscal_year, filing_id from current_versions order by 1") == [
        (2023, 1),
        (2024, 3),
    ]
    assert run("diff-all", "--db", db_path)[0] == 0
    before = version_rows(db_path)
    out = run("ingest", FY2024, "--db", db_path)[1].strip()
    assert out.endswith("NORTHWIND ANALYTICS, INC. 2024 10-K v1 current again"), out
    assert version_rows(db_path) == before  # no version added, none changed
    latest = show(db_path, "NWAN", "2024")
    assert latest["version"] == 1 and experience(latest) == "16"
    assert experience(show(db_path, "NWAN", "2024", "--version", "2")) == "17"
    # diff, history, diff-all and digest all take version 1 as 2024 now
    code, out, _ = run("diff", "NWAN", "2023", "2024", "--format", "json", "--db", db_path)
    assert code == 0 and json.loads(out)["new"]["version"] == 1
    code, out, _ = run("history", "NWAN", "--format", "json", "--db", db_path)
    assert code == 0 and json.loads(out)["years"][-1]["version"] == 1
    code, out, _ = run("diff-all", "--db", db_path)
    assert code == 0 and "1 computed" in out, out
    compared = "select n.version from comparisons c join filings n on n.id = c.new_filing_id order by c.id"
    assert query(db_path, compared) == [(2,), (1,)]
    dry_digest(db_path, tmp_path)
    state = json.loads((db_path.parent / "digest-state.json").read_text(encoding="utf-8"))
    assert state["filers"][NWAN_CIK]["version"] == 1
    # the current content again changes nothing; the other one again is current again, and back, with no new row
    before = snapshot(db_path)
    assert run("ingest", FY2024, "--db", db_path)[1].strip().endswith("v1 unchanged")
    assert snapshot(db_path) == before
    assert run("ingest", changed, "--db", db_path)[1].strip().endswith("v2 current again")
    assert experience(show(db_path, "NWAN", "2024")) == "17"
    assert run("diff-all", "--db", db_path)[1].startswith("1 pairs found: 0 computed, 1 already stored")
    assert query(db_path, "select count(*) from filings where fiscal_year = 2024") == [(2,)]


def test_the_latest_version_is_the_one_filed_last(db_path: Path, tmp_path: Path) -> None:
    amended = variant(tmp_path, FY2024, "nwan-10-k-a.htm", ("more than 16 years", "more than 17 years"))
    store = Store(db_path)
    try:

        def ingest(path: Path, filed: str, form: str) -> str:
            opts = Options(filing_date=filed, form=form, accession=f"0000000000-25-{filed[5:7]}")
            result = ingest_bytes(store, path.read_bytes(), path, opts)
            return f"v{result.version} {result.status}"

        # the amendment (filed in June) is fetched before the original (filed in February)
        assert ingest(amended, "2025-06-02", "10-K/A") == "v1 new"
        assert ingest(FY2024, "2025-02-10", "10-K") == "v2 new version"
        filer = store.find_filer("NWAN")
        assert store.filing(filer, 2024)["form"] == "10-K/A"
        # fetched again, the original is still the earlier filing: no version added, the amendment stays current
        assert ingest(FY2024, "2025-02-10", "10-K") == "v2 unchanged"
        assert store.filing(filer, 2024)["version"] == 1 and len(store.versions(filer, 2024)) == 2
        latest = store.db.execute("select version from latest_filings").fetchall()
        assert latest == [(1,)]
    finally:
        store.close()


# -- 10: one ticker, one filer ---------------------------------------------------------------------------
def test_a_filing_cannot_borrow_another_filers_ticker(db_path: Path, tmp_path: Path) -> None:
    run("ingest", FY2024, "--db", db_path)
    before = snapshot(db_path)
    for ticker in ("NWAN", "SWND NWAN"):
        code, out, err = run("ingest", southwind(tmp_path, ticker), "--db", db_path)
        assert code == 2, out + err
        assert err.count("\n") == 1 and "NWAN" in err and "NORTHWIND ANALYTICS, INC." in err, err
        assert snapshot(db_path) == before
    # nor through --filer, for a source that names no filer
    run("ingest", southwind(tmp_path), "--db", db_path)
    code, out, err = run("ingest", R10, "--filer", "NWAN", "--db", db_path)
    assert code == 0 and "NORTHWIND ANALYTICS, INC. 2024" in out, out + err  # resolved to the ticker's filer
    tickers = [t for f in filers(db_path) for t in f["tickers"]]
    assert sorted(tickers) == ["NWAN", "SWND"]


# -- 11: text outside every tag ----------------------------------------------------------------------------
def test_text_outside_every_tag_is_labelled_untagged(db_path: Path, tmp_path: Path) -> None:
    d = read_path(FY2024)
    leftover = d.element(UNTAGGED_ELEMENT)
    assert leftover is not None and leftover.source == "untagged"
    assert all(e.source == "tagged" for e in d.elements if e.name != UNTAGGED_ELEMENT)
    run("ingest", FY2023, FY2024, "--db", db_path)
    shown = show(db_path, "NWAN", "2024")
    assert [e["source"] for e in shown["elements"] if e["element"] == UNTAGGED_ELEMENT] == ["untagged"]
    code, out, _ = run("show", "NWAN", "2024", "--db", db_path)
    assert "[text] Item 1C text outside any tag (untagged)" in out
    # everything downstream takes the new source value
    for fmt in ("text", "json", "markdown", "html"):
        code, out, err = run("diff", "NWAN", "2023", "2024", "--format", fmt, "--db", db_path)
        assert code == 0 and out, (fmt, err)
    assert (
        run("diff", "NWAN", "2023", "2024", "--format", "docx", "-o", tmp_path / "r.docx", "--db", db_path)[0]
        == 0
    )
    assert run("history", "NWAN", "--format", "html", "-o", tmp_path / "h.html", "--db", db_path)[0] == 0
    assert run("diff-all", "--db", db_path)[0] == 0
    for view, _ in BROWSE_VIEWS:
        assert query(db_path, f"select count(*) from {view}")[0][0] > 0, view


def test_a_database_that_stored_the_leftover_as_tagged_reads_it_as_untagged(db_path: Path) -> None:
    run("ingest", FY2024, "--db", db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("update elements set source = 'tagged' where element = ?", (UNTAGGED_ELEMENT,))
    conn.commit()
    conn.close()
    before = snapshot(db_path)
    shown = show(db_path, "NWAN", "2024")
    assert [e["source"] for e in shown["elements"] if e["element"] == UNTAGGED_ELEMENT] == ["untagged"]
    assert snapshot(db_path) == before  # read as what it is, not rewritten


# -- schema ---------------------------------------------------------------------------------------------
def test_a_version_3_database_gains_the_links_and_its_current_versions(db_path: Path, tmp_path: Path) -> None:
    changed = variant(
        tmp_path, FY2024, "nwan-10-k-fy2024-b.htm", ("more than 16 years", "more than 17 years")
    )
    run("ingest", FY2023, FY2024, changed, "--db", db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("drop table filer_links")
    conn.execute("drop table current_versions")
    conn.execute("drop view latest_filings")
    conn.execute(
        "create view latest_filings as select f.* from filings f where f.version = (select max(version) "
        "from filings g where g.filer_id = f.filer_id and g.fiscal_year = f.fiscal_year)"
    )
    conn.execute("update tracker_meta set value = '3' where key = 'schema_version'")
    conn.commit()
    conn.close()
    before = version_rows(db_path)
    assert show(db_path, "NWAN", "2024")["version"] == 2  # the version ingested last is current
    assert query(db_path, "select value from tracker_meta where key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    assert query(db_path, "select count(*) from filer_links") == [(0,)]
    assert query(db_path, "select fiscal_year, filing_id from current_versions order by 1") == [
        (2023, 1),
        (2024, 3),
    ]
    assert run("ingest", FY2024, "--db", db_path)[1].strip().endswith("v1 current again")
    assert version_rows(db_path) == before
    assert query(db_path, "select version from latest_filings where fiscal_year = 2024") == [(1,)]


def test_a_digest_sees_an_earlier_version_made_current_again(db_path: Path, tmp_path: Path) -> None:
    """v1, v2 digested, then v1 current again: the next digest reports the change back (and only once)."""
    changed = variant(
        tmp_path, FY2024, "nwan-10-k-fy2024-b.htm", ("more than 16 years", "more than 17 years")
    )

    def digest() -> str:
        return dry_digest(db_path, tmp_path)

    run("ingest", FY2023, FY2024, changed, "--db", db_path)
    assert digest().startswith("wrote")
    assert digest().startswith("nothing new")
    assert run("ingest", FY2024, "--db", db_path)[1].strip().endswith("v1 current again")
    assert digest().startswith("wrote")  # the current 2024 is another filing than the one digested
    state = json.loads((db_path.parent / "digest-state.json").read_text(encoding="utf-8"))
    assert state["filers"][NWAN_CIK]["version"] == 1
    assert digest().startswith("nothing new")


def test_the_browsing_view_marks_the_current_version_latest(db_path: Path, tmp_path: Path) -> None:
    """filing_overview.is_latest follows the current version, not the highest number."""
    changed = variant(
        tmp_path, FY2024, "nwan-10-k-fy2024-b.htm", ("more than 16 years", "more than 17 years")
    )
    run("ingest", FY2023, FY2024, changed, "--db", db_path)
    latest = "select version, is_latest from filing_overview where fiscal_year = 2024 order by version"
    assert query(db_path, latest) == [(1, 0), (2, 1)]
    assert run("ingest", FY2024, "--db", db_path)[1].strip().endswith("v1 current again")
    assert query(db_path, latest) == [(1, 1), (2, 0)]
