"""Across filers: `tracker peers` against hand-read filings, `tracker trends` against counts made independently
with SQL, the Datasette views against both, the HTML pages (no script, inline SVG), and a cross-filer compare
naming both filers."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli import run, snapshot

GOLD = json.loads((Path(__file__).parent / "data" / "peers" / "gold.json").read_text(encoding="utf-8"))
FILERS = ("amzn", "googl", "jnj", "ko", "tsla")
FLAGS = (
    "CybersecurityRiskManagementProcessesIntegratedFlag",
    "CybersecurityRiskManagementThirdPartyEngagedFlag",
    "CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag",
    "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag",
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag",
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag",
)


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five filers' FY2023 (untagged) and FY2024 (tagged) 10-Ks, ingested and compared by `diff-all`."""
    db = tmp_path_factory.mktemp("across") / "tracker.db"
    files = [corpus / "ixbrl" / f"{t}-10-k-fy{y}.html.gz" for t in FILERS for y in (2023, 2024)]
    code, _, err = run("ingest", *files, "--db", db)
    assert code == 0, err
    code, _, err = run("diff-all", "--workers", "1", "--db", db)
    assert code == 0, err
    return db


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def as_json(*args: object) -> dict:
    code, out, err = run(*args)
    assert code == 0, err
    return json.loads(out)


# --------------------------------------------------------------------------- peers
def test_peer_grid_states_what_the_filings_say(store: Path) -> None:
    data = as_json("peers", "AMZN", "FY2024", "--peers", "GOOGL,JNJ", "--format", "json", "--db", store)
    rows = {r["Ticker"]: r for r in data["grid"]}
    assert [r["Role"] for r in data["grid"]] == ["filer", "peer", "peer"]
    for ticker, gold in GOLD["filers"].items():
        row = rows[ticker]

        def values(label: str, row: dict = row) -> set[str]:
            return {v for v in str(row[label]).split("; ") if v}

        assert (row["Names a Chief Information Security Officer"] == "yes") == gold["names_ciso"], ticker
        assert values("Who is responsible (titles)") == set(gold["responsible_titles"]), ticker
        assert values("Reports to") == set(gold["reports_to"]), ticker
        assert values("Board oversight") == set(gold["board_oversight"]), ticker
        assert values("How often the board is briefed") == set(gold["briefing_frequency"]), ticker
        assert values("Frameworks followed") == set(gold["frameworks"]), ticker
        assert row["Statement on material incidents"] == gold["material_incident_statement"], ticker


def test_peers_say_what_the_filer_omits_and_where_it_says_more(store: Path) -> None:
    amzn = as_json("peers", "AMZN", "2024", "--peers", "GOOGL,JNJ", "--format", "json", "--db", store)
    omits = {f["name"] for f in amzn["omits"]}
    # both peers state a briefing frequency and a material-incident statement, AMZN neither; nobody a framework
    assert {"briefing_frequency", "material_incident_statement"} <= omits
    assert "frameworks" not in omits and "ciso" not in omits
    jnj = as_json("peers", "JNJ", "2024", "--peers", "AMZN,GOOGL", "--format", "json", "--db", store)
    assert "ciso" in {f["name"] for f in jnj["says_more"]}  # JNJ names a CISO, AMZN and GOOGL do not
    assert not {f["name"] for f in jnj["omits"]} & {
        "ciso",
        "briefing_frequency",
        "material_incident_statement",
    }


def test_peer_shares_count_the_peers_stating_the_same(store: Path) -> None:
    data = as_json("peers", "KO", "2024", "--format", "json", "--db", store)
    assert {p["tickers"][0] for p in data["peers"]} == {
        "AMZN",
        "GOOGL",
        "JNJ",
        "TSLA",
    }  # every other 2024 filer
    ko = query(
        store,
        "select id from filings where fiscal_year = 2024 and filer_id = (select filer_id from tickers "
        "where ticker = 'KO')",
    )[0][0]
    oversight = next(f for f in data["facts"] if f["name"] == "board_oversight")
    for v in oversight["values"]:
        expected = query(
            store,
            "select count(distinct x.filing_id) from facts x join filings f on f.id = x.filing_id "
            "where f.fiscal_year = 2024 and f.id != ? and x.fact = 'board_oversight' and x.value_text = ?",
            ko,
            v["value"],
        )[0][0]
        assert v["peers"] == expected, v
        assert v["share"] == pytest.approx(expected / 4, abs=1e-4)


def test_peers_html_is_one_email_safe_page(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "peers.html"
    code, _, err = run("peers", "JNJ", "2024", "--format", "html", "-o", out, "--db", store)
    assert code == 0, err
    page = Page.parse(out.read_text(encoding="utf-8"))
    assert page.tags["script"] == 0 and not page.external
    assert "Johnson & Johnson" in page.text and "What it omits that most peers state" in page.text
    assert {"AMZN", "GOOGL", "KO", "TSLA"} <= set(page.headers)  # the peers are the grid's columns


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("peers", "JNJ", "2022"),
            "Johnson & Johnson has no stored disclosure for 2022; stored years: 2023, 2024.",
        ),
        (("peers", "JNJ", "2024", "--peers", "NOPE"), "no filer matches 'NOPE'"),
        (("peers", "JNJ", "2024", "--format", "pdf"), "unknown format 'pdf'; use one of text, json, html."),
        (("trends", "--years", "2030"), "no disclosure is stored for FY2030; stored years: 2023, 2024."),
        (("trends", "--years", "2025-2024"), "--years '2025-2024' ends before it starts"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(store: Path, args: tuple, message: str) -> None:
    before = snapshot(store)
    code, out, err = run(*args, "--db", store)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {message}") and err.count("\n") == 1
    assert snapshot(store) == before


def test_a_filer_alone_in_its_year_has_no_peers(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    assert run("ingest", fixtures, "--db", db)[0] == 0
    code, _, err = run("peers", "NWAN", "2024", "--db", db)
    assert code == 2 and "no other filer is stored for 2024" in err


# --------------------------------------------------------------------------- trends
def independent_counts(db: Path) -> dict[int, dict]:
    """The trends counted straight from the tables, without the tool's views or code: each filer-year's current
    version from `current_versions`."""
    cur = "(select c.filing_id, c.fiscal_year from current_versions c where c.filer_id not in (select filer_id from filer_links))"
    out: dict[int, dict] = {}
    for year, filers in query(db, f"select fiscal_year, count(*) from {cur} group by fiscal_year"):
        flags = {
            flag: query(
                db,
                f"select count(*) from {cur} v where v.fiscal_year = ? and exists (select 1 from elements e "
                "where e.filing_id = v.filing_id and e.element = ? and e.value = 'true')",
                year,
                flag,
            )[0][0]
            for flag in FLAGS
        }
        ciso = query(
            db,
            f"select count(*) from {cur} v where v.fiscal_year = ? and exists (select 1 from facts x where "
            "x.filing_id = v.filing_id and x.fact = 'responsible_titles' "
            "and instr(lower(x.value_text), 'chief information security') > 0)",
            year,
        )[0][0]
        per_value = {
            fact: dict(
                query(
                    db,
                    f"select x.value_text, count(distinct x.filing_id) from facts x join {cur} v "
                    "on v.filing_id = x.filing_id where v.fiscal_year = ? and x.fact = ? group by x.value_text",
                    year,
                    fact,
                )
            )
            for fact in ("frameworks", "board_oversight", "briefing_frequency")
        }
        pairs = (
            f"select c.id from comparisons c where c.new_year = {year} and c.old_year = {year - 1} "
            f"and c.new_filing_id in (select filing_id from {cur}) and c.old_filing_id in (select filing_id from {cur})"
        )
        compared = query(db, f"select count(*) from ({pairs})")[0][0]
        changed = dict(
            query(
                db,
                f"select fact, count(distinct comparison_id) from changes where comparison_id in ({pairs}) "
                "and kind like 'fact\\_%' escape '\\' group by fact",
            )
        )
        out[year] = {
            "filers": filers,
            "flags": flags,
            "ciso": ciso,
            **per_value,
            "compared": compared,
            "changed": changed,
        }
    return out


def test_trends_agree_with_counts_made_independently(store: Path) -> None:
    data = as_json("trends", "--format", "json", "--db", store)
    expected = independent_counts(store)
    assert [y["year"] for y in data["years"]] == sorted(expected) == [2023, 2024]
    for y in data["years"]:
        want = expected[y["year"]]
        assert y["filers"] == want["filers"] == 5
        assert {c["key"]: c["filers"] for c in y["flags"]} == want["flags"]
        assert y["ciso"]["filers"] == want["ciso"]
        assert y["ciso"]["share"] == pytest.approx(want["ciso"] / want["filers"], abs=1e-4)
        assert {c["key"]: c["filers"] for c in y["frameworks"]} == want["frameworks"]
        assert {c["key"]: c["filers"] for c in y["oversight"]} == want["board_oversight"]
        assert {c["key"]: c["filers"] for c in y["briefing"]} == want["briefing_frequency"]
        assert y["compared"] == want["compared"]
        assert {c["key"]: c["filers"] for c in y["fact_changes"]} == want["changed"]
    assert data["years"][1]["compared"] == 5 and data["years"][1]["fact_changes"]  # every filer compared
    assert data["years"][0]["compared"] == 0  # nothing before FY2023
    # JNJ names a CISO in both years (read above); AMZN and GOOGL do not
    assert all(y["ciso"]["filers"] >= 1 for y in data["years"])


def test_trends_years_option_keeps_the_span(store: Path) -> None:
    data = as_json("trends", "--years", "FY2024", "--format", "json", "--db", store)
    assert [y["year"] for y in data["years"]] == [2024]
    assert as_json("trends", "--years", "2024-", "--format", "json", "--db", store) == data


def test_datasette_views_compute_the_same_numbers(store: Path) -> None:
    data = {y["year"]: y for y in as_json("trends", "--format", "json", "--db", store)["years"]}
    for year, y in data.items():
        flags = dict(query(store, "select flag, stated_true from trend_flags where fiscal_year = ?", year))
        assert {c["key"]: c["filers"] for c in y["flags"] if c["filers"]} == flags
        ciso = query(store, "select filers, naming_ciso, share from trend_ciso where fiscal_year = ?", year)
        assert ciso == [(y["filers"], y["ciso"]["filers"], y["ciso"]["share"])]
        for fact, key in (
            ("frameworks", "frameworks"),
            ("board_oversight", "oversight"),
            ("briefing_frequency", "briefing"),
        ):
            shares = query(
                store,
                "select value, stating, share from fact_shares where fiscal_year = ? and fact = ?",
                year,
                fact,
            )
            assert sorted(shares) == sorted((c["key"], c["filers"], c["share"]) for c in y[key])
        changes = query(
            store, "select fact, changed, share from trend_fact_changes where fiscal_year = ?", year
        )
        assert sorted(changes) == sorted((c["key"], c["filers"], c["share"]) for c in y["fact_changes"])
        top = query(
            store,
            "select change_key, filers from trend_top_changes where fiscal_year = ? order by filers desc, change_key",
            year,
        )
        assert [(c["key"], c["filers"]) for c in y["top_changes"]] == top[:10]


def test_peer_grid_view_agrees_with_peers(store: Path) -> None:
    data = as_json("peers", "AMZN", "2024", "--format", "json", "--db", store)
    rows = {r["Ticker"]: r for r in data["grid"]}
    view = query(
        store,
        "select ticker, names_ciso, board_oversight, frameworks, materially_affected from peer_grid "
        "where fiscal_year = 2024",
    )
    assert {v[0] for v in view} == set(rows)
    for ticker, ciso, oversight, frameworks, affected in view:
        row = rows[ticker]
        assert ("yes" if ciso else "no") == row["Names a Chief Information Security Officer"]
        assert set((oversight or "").split("; ")) == set(row["Board oversight"].split("; "))
        assert set((frameworks or "").split("; ")) == set(row["Frameworks followed"].split("; "))
        label = "Says cyber risks have materially affected it or are reasonably likely to"
        assert affected.split(" (")[0] == row[label]


def test_trends_text_and_html(store: Path, tmp_path: Path) -> None:
    code, out, err = run("trends", "--db", store)
    assert code == 0, err
    assert out.startswith("Cybersecurity disclosures across the store, FY2023 to FY2024")
    assert "Names a Chief Information Security Officer" in out and "Board oversight" in out
    html = tmp_path / "trends.html"
    assert run("trends", "--format", "html", "-o", html, "--db", store)[0] == 0
    page = Page.parse(html.read_text(encoding="utf-8"))
    assert page.tags["script"] == 0 and not page.external
    data = as_json("trends", "--format", "json", "--db", store)
    assert page.tags["svg"] >= 5  # a chart per block with rows
    # every bar is one year's value of one item: as many bars as non-empty cells of the tables
    bars = sum(
        len(y[k])
        for y in data["years"]
        for k in ("flags", "frameworks", "oversight", "briefing", "fact_changes")
    ) + len(data["years"])  # the CISO row
    assert bars <= page.bars <= bars + sum(len(y["top_changes"]) for y in data["years"])


def test_trends_say_when_nothing_was_compared(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    assert run("ingest", fixtures, "--db", db)[0] == 0
    code, out, _ = run("trends", "--db", db)
    assert code == 0 and "run `tracker diff-all`" in out


# --------------------------------------------------------------------------- compare across filers
def test_compare_of_two_filers_names_both(corpus: Path) -> None:
    amzn, googl = (corpus / "ixbrl" / f"{t}-10-k-fy2024.html.gz" for t in ("amzn", "googl"))
    code, out, _ = run("compare", amzn, googl)
    assert out.splitlines()[0].startswith("AMAZON.COM, INC. (CIK 0001018724, AMZN) -> Alphabet Inc.")
    data = as_json("compare", amzn, googl, "--format", "json")
    assert (
        data["filer"]["name"] == "Alphabet Inc." and data["filer"]["old_filer"]["name"] == "AMAZON.COM, INC."
    )
    code, html, _ = run("compare", amzn, googl, "--format", "html")
    page = Page.parse(html)
    assert page.h1 == ["AMAZON.COM, INC. and Alphabet Inc."]
    one = as_json("compare", corpus / "ixbrl" / "amzn-10-k-fy2023.html.gz", amzn, "--format", "json")
    assert "old_filer" not in one["filer"]


class Page(HTMLParser):
    """What a test looks at in a rendered page: tag counts, text, table headers, h1s, external references."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter = Counter()
        self.text = ""
        self.headers: list[str] = []
        self.h1: list[str] = []
        self.external: list[str] = []
        self.bars = 0
        self._in: list[str] = []

    @classmethod
    def parse(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self._in.append(tag)
        a = dict(attrs)
        for key in ("src", "href"):
            if (a.get(key) or "").startswith(("http:", "https:", "//")):
                self.external.append(a[key] or "")
        if tag == "rect" and a.get("class") == "bar":
            self.bars += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text += data
        if self._in and self._in[-1] == "th" and data.strip():
            self.headers.append(data.strip())
        if self._in and self._in[-1] == "h1":
            self.h1.append(data.strip())


# --------------------------------------------------------------------------- Datasette, curated
def test_datasette_is_curated(store: Path) -> None:
    import http.client
    import urllib.parse

    from tests.test_browse import get, serving

    with serving(store) as running:
        base = running.base
        status, home = get(base, "/")
        assert status == 200 and "Cybersecurity disclosure tracker" in home
        questions = ["significant_changes", "no_ciso", "oversight_changes", "trend_flags", "peer_grid"]
        for name in questions:  # the home page leads with the key questions, each a working page
            assert f'href="/tracker/{name}"' in home, name
            assert get(base, f"/tracker/{name}")[0] == 200, name
        assert "<h1>Cybersecurity disclosures (10-K Item 1C, 20-F Item 16K)</h1>" in get(base, "/tracker")[1]
        # foreign keys show labels: a version in words, a comparison in words
        elements = json.loads(get(base, "/tracker/elements.json", _shape="array", _labels="on", _size=5)[1])
        filing = query(
            store,
            "select fiscal_year, form, version from filings where id = ?",
            elements[0]["filing_id"]["value"],
        )[0]
        assert elements[0]["filing_id"]["label"] == f"FY{filing[0]} {filing[1]} v{filing[2]}"
        changes = json.loads(get(base, "/tracker/changes.json", _shape="array", _labels="on", _size=1)[1])
        years = query(
            store,
            "select old_year, new_year, significance from comparisons where id = ?",
            changes[0]["comparison_id"]["value"],
        )[0]
        assert changes[0]["comparison_id"]["label"] == f"FY{years[0]} to FY{years[1]}: {years[2]}"
        # JSON blobs are left out of the default page, and shown on request
        url = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", "/tracker/comparisons")
        response = conn.getresponse()
        assert response.status == 302 and "_nocol=json" in (response.getheader("location") or "")
        conn.close()
        _, page = get(base, "/tracker/comparisons")
        assert "<th" in page and 'data-column="json"' not in page and 'data-column="verdict"' in page
        assert 'data-column="json"' in get(base, "/tracker/comparisons", _blobs=1)[1]
        assert '"json"' in get(base, "/tracker/comparisons.json", _size=1)[1]  # the API keeps every column
        # element and fact names in plain English, the cyd name in the tooltip
        # (no flag flips among these five: AMZN's and TSLA's FY2024 tags differ from FY2023's text in tags alone)
        _, flags = get(base, "/tracker/trend_flags")
        assert 'title="CybersecurityRiskManagementThirdPartyEngagedFlag">Says it engages' in flags
        _, facts = get(base, "/tracker/fact_timeline", fact="board_oversight")
        assert 'title="board_oversight">Board oversight</span>' in facts
        # who names no CISO (read by hand: AMZN and GOOGL name none in FY2024, JNJ does)
        no_ciso = json.loads(get(base, "/tracker/no_ciso.json", _shape="array", year=2024)[1])
        tickers = {r["ticker"] for r in no_ciso}
        assert {"AMZN", "GOOGL"} <= tickers and "JNJ" not in tickers
