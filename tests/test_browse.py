"""`tracker browse`: a real Datasette on loopback over a database built from the corpus.

The database is built once for the module (ingest, comparisons, browse views); a real
`tracker browse` process serves it read-only. Every canned query is asked through the JSON API and
its answer is checked against what the library computed in Python (the Comparison objects and the
ingest results), not against hard-coded rows. Headless Chromium loads the main pages.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.browse import server as browse
from tracker.cli import app
from tracker.diff.compare import MATERIAL_FLAG, NO_CHANGE, Comparison
from tracker.models import FLAGS
from tracker.pipeline.compare import compare_rows
from tracker.pipeline.ingest import Options, ingest_file
from tracker.store import Store, views
from tracker.text.normalize import split_sentences

DB_NAME = "disclosures"  # not "tracker": proves the metadata follows the database's name
IXBRL = [f"{t}-10-k-fy{y}.html.gz" for t in ("amzn", "googl", "jnj", "ko", "tsla") for y in (2023, 2024)]
TEXT = ["AMZN_2024.txt", "GOOGL_2025.txt"] + [
    f"{t}_{y}.txt" for t in ("LC", "MXL", "RPD") for y in (2023, 2024, 2025)
]
SEEDS = [("000_3eaf4e0fdd851dff.txt", "1842827"), ("003_dfabe7f409a2727e.txt", "1838413")]
SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
#: Edits that turn the fictional filer's tagged FY2024 10-K into a FY2025 one with known changes: the
#: materially-affected flag flips to true, oversight moves from the Risk Committee to the Audit
#: Committee, SOC 2 is adopted, and the CISO's experience grows by a year.
FY2025_EDITS = [
    (">2024<", ">2025<"),
    ("2024-01-01", "2025-01-01"),
    ("2024-12-31", "2025-12-31"),
    ("December 31, 2024", "December 31, 2025"),
    ("2024 Form 10-K", "2025 Form 10-K"),
    (
        'format="ixt:fixed-false">not identified any risks from cybersecurity threats</ix:nonNumeric>, '
        "including as a result of any previous cybersecurity incidents, that have materially affected or are "
        "reasonably likely to materially affect us",
        'format="ixt:fixed-true">identified a cybersecurity incident that has materially affected us'
        "</ix:nonNumeric>: in March 2025 an intrusion into our analytics platform disrupted service to our "
        "customers for two weeks, which materially affected our results of operations",
    ),
    ("Risk Committee", "Audit Committee"),
    (
        "In 2024 our platform obtained ISO/IEC 27001 certification.",
        "In 2024 our platform obtained ISO/IEC 27001 certification. "
        "In 2025 we completed a SOC 2 Type II examination.",
    ),
    ("more than 16 years", "more than 17 years"),
]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FACT_KINDS = ("fact_added", "fact_removed", "fact_changed")


@dataclass
class Stored:
    """One stored comparison and the Python objects it came from."""

    id: int
    filer_id: int
    ticker: str | None
    old_year: int
    new_year: int
    comparison: Comparison
    report: str | None = None


@dataclass
class Built:
    """The module's database and what building it produced."""

    db: Path
    latest: dict[tuple[int, int], int]
    """(filer id, fiscal year) -> filing id of the latest version."""
    filings: int
    comparisons: list[Stored] = field(default_factory=list)
    latest_sentences: dict[int, list[str]] = field(default_factory=dict)
    """filing id of each latest version -> its sentences."""
    latest_flags: dict[int, dict[str, tuple[object, str]]] = field(default_factory=dict)
    """filing id -> flag -> (value, source)."""
    sha256: str = ""
    mtime_ns: int = 0


def _write_report(ctx, folder: Path, name: str) -> str:  # type: ignore[no-untyped-def]
    """The comparison's HTML report (the project's renderer when it works) in the reports folder."""
    folder.mkdir(exist_ok=True)
    try:
        from tracker.render.html import render_comparison_html

        text = render_comparison_html(ctx)
    except Exception:  # noqa: BLE001 - the renderer is another module's work in progress
        verdict = html.escape(ctx.comparison.verdict)
        text = f"<!doctype html><title>{html.escape(name)}</title><pre>{verdict}</pre>"
    (folder / name).write_text(text, encoding="utf-8")
    return f"{browse.REPORTS_FOLDER}/{name}"


def ingest_all(store: Store, corpus: Path, folder: Path) -> None:
    """Corpus filings, the fictional filer's two years, its 10-K/A and the edited FY2025 variant."""
    for name in IXBRL:
        ingest_file(store, corpus / "ixbrl" / name, Options())
    for name in TEXT:
        ingest_file(store, corpus / "text" / name, Options())
    for name, cik in SEEDS:
        ingest_file(store, corpus / "seeds" / name, Options(filer=cik))
    sample_2024 = SAMPLE / "nwan-10-k-fy2024.htm"
    ingest_file(store, SAMPLE / "nwan-10-k-fy2023.htm", Options())
    ingest_file(store, sample_2024, Options())
    ingest_file(store, sample_2024, Options(form="10-K/A"))  # the 10-K again: no substantive change
    text = sample_2024.read_text(encoding="utf-8")
    for old, new in FY2025_EDITS:
        assert old in text, old
        text = text.replace(old, new)
    sample_2025 = folder / "nwan-10-k-fy2025.htm"
    sample_2025.write_text(text, encoding="utf-8")
    ingest_file(store, sample_2025, Options())


def compare_all(store: Store, built: Built, pairs: list[tuple[dict, dict]]) -> None:
    """Compare and store each pair (old, new); KO's and AMZN's comparisons get an HTML report."""
    for old, new in pairs:
        filer = store.filer_by_id(new["filer_id"])
        ctx = compare_rows(store, filer, old, new)
        ticker = filer.tickers[0] if filer.tickers else None
        report = None
        if ticker in ("KO", "AMZN"):
            report = _write_report(
                ctx,
                browse.reports_dir(built.db),
                f"{ticker}-{old['fiscal_year']}v{old['version']}-{new['fiscal_year']}v{new['version']}.html",
            )
        data = ctx.comparison.to_json(ctx.filer, ctx.old_meta, ctx.new_meta)
        cid = store.save_comparison(old, new, data, report_path=report)
        built.comparisons.append(
            Stored(
                cid, new["filer_id"], ticker, old["fiscal_year"], new["fiscal_year"], ctx.comparison, report
            )
        )


def build(corpus: Path, folder: Path) -> Built:
    db = folder / f"{DB_NAME}.db"
    store = Store(db)
    try:
        ingest_all(store, corpus, folder)
        filings = list(store.db.query("select * from filings order by filer_id, fiscal_year, version"))
        latest: dict[tuple[int, int], dict] = {}
        for row in filings:
            latest[(row["filer_id"], row["fiscal_year"])] = row  # ordered by version: the last one wins
        built = Built(db, {k: r["id"] for k, r in latest.items()}, len(filings))
        tops = list(latest.values())
        pairs = [(a, b) for a, b in zip(tops, tops[1:]) if a["filer_id"] == b["filer_id"]]
        pairs += [
            (r, latest[(r["filer_id"], r["fiscal_year"])])
            for r in filings
            if r["version"] == 1 and latest[(r["filer_id"], r["fiscal_year"])]["id"] != r["id"]
        ]
        compare_all(store, built, pairs)
        for row in tops:
            d = store.disclosure(row)
            built.latest_sentences[row["id"]] = [
                s for e in d.text_elements for s in split_sentences(str(e.value))
            ]
            built.latest_flags[row["id"]] = {name: (e.value, e.source) for name, e in d.flags.items()}
    finally:
        store.close()
    built.sha256 = hashlib.sha256(db.read_bytes()).hexdigest()
    built.mtime_ns = db.stat().st_mtime_ns
    return built


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(corpus, tmp_path_factory.mktemp("browse"))


TRACKER = Path(sys.executable).with_name("tracker")  # the installed console script
TRACKER_COMMAND = (
    [str(TRACKER)] if TRACKER.is_file() else [sys.executable, "-c", "from tracker.cli import main; main()"]
)


@dataclass
class Serving:
    """A running `tracker browse`."""

    base: str
    """Its base URL."""
    process: subprocess.Popen
    """The `tracker browse` process (Datasette runs as its child)."""

    def datasette_pid(self) -> int:
        """The Datasette process serving the database."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        assert len(children) == 1, children
        return int(children[0])

    def peak_rss_mb(self) -> float:
        """Datasette's peak resident memory so far (VmHWM), in MB."""
        status = Path(f"/proc/{self.datasette_pid()}/status").read_text()
        return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1)) / 1024  # type: ignore[union-attr]


@contextlib.contextmanager
def serving(db: Path) -> Iterator[Serving]:
    """A real `tracker browse` of `db` on loopback, stopped with Ctrl-C (SIGINT) afterwards."""
    port = browse.free_port()
    log = db.with_name(db.stem + "-browse.log")  # a file, not a pipe: a full pipe would stall the server
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*TRACKER_COMMAND, "browse", "--db", str(db), "--port", str(port), "--no-open"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=browse.die_with_parent,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "-/versions.json", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("tracker browse did not start:\n" + log.read_text()) from None
                time.sleep(0.1)
        yield Serving(base, proc)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    output = log.read_text()
    assert f"Browsing {db.resolve()} read-only at {base} (Ctrl-C to stop)" in output
    assert proc.returncode == 0, output[-3000:]


@pytest.fixture(scope="module")
def server(built: Built) -> Iterator[str]:
    """A real `tracker browse` of the module's database on loopback; yields its base URL."""
    with serving(built.db) as running:
        yield running.base


def get(base: str, path: str, **params: object) -> tuple[int, str]:
    url = base + path.lstrip("/")
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def rows(base: str, query: str, **params: object) -> list[dict]:
    """The rows of a canned query (or table) through the JSON API, every page."""
    status, body = get(base, f"{DB_NAME}/{query}.json", _shape="array", _size="max", **params)
    assert status == 200, body
    data = json.loads(body)
    assert isinstance(data, list), data
    return data


def by_year(built: Built, year: int | None) -> list[Stored]:
    return [c for c in built.comparisons if year is None or c.new_year == year]


# -- serving read-only ---------------------------------------------------------------------------
def test_database_is_served_live_with_the_projects_metadata(server: str, built: Built) -> None:
    # not immutable: SQLite would take the file for one that never changes (see the test during an ingest);
    # read-only all the same (the next test, and the last one)
    databases = json.loads(get(server, "-/databases.json")[1])
    assert [(d["name"], d["is_mutable"]) for d in databases] == [(DB_NAME, True)]
    metadata = json.loads(get(server, "-/metadata.json")[1])
    assert metadata["title"] == "Cybersecurity disclosure tracker"
    assert set(metadata["databases"]) == {DB_NAME}
    assert not any(q.get("write") for q in metadata["databases"][DB_NAME]["queries"].values())


def test_writes_are_refused(server: str, built: Built) -> None:
    for sql in (
        "update filers set name = 'x'",
        "insert into filers (name) values ('x')",
        "drop table changes",
    ):
        status, body = get(server, f"{DB_NAME}.json", sql=sql)
        assert status == 400 and "Statement must be a SELECT" in body, sql
    # Datasette 0.65 has no write API and no write canned query here: these POSTs fail (it answers 500
    # for a POST to a read-only canned query or a table); the last test proves the file is untouched.
    for path, body, kind in [
        (f"{DB_NAME}/latest_versions", b"year=2024", "application/x-www-form-urlencoded"),
        (f"{DB_NAME}/filers/-/insert", b'{"row": {"name": "x"}}', "application/json"),
    ]:
        request = urllib.request.Request(
            server + path, data=body, method="POST", headers={"Content-Type": kind}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code >= 400
    assert "x" not in {r["name"] for r in rows(server, "filers")}


def test_plumbing_is_hidden_and_filers_label_the_filings(server: str, built: Built) -> None:
    tables = {t["name"]: t for t in json.loads(get(server, f"{DB_NAME}.json")[1])["tables"]}
    for name in ("sources", "tracker_meta", "tickers", "elements_fts", "sentences_fts"):
        assert tables[name]["hidden"], name
    for name in ("filers", "filings", "elements", "facts", "sentences", "comparisons", "changes"):
        assert not tables[name]["hidden"], name
    labels = {r["filer_id"]["label"] for r in rows(server, "filings", _labels="on")}
    assert "AMAZON.COM, INC." in labels and "Tesla, Inc." in labels


def test_filings_sorted_by_year_with_facets(server: str, built: Built) -> None:
    data = json.loads(get(server, f"{DB_NAME}/filings.json", _size="max")[1])
    years = [row[data["columns"].index("fiscal_year")] for row in data["rows"]]
    assert years == sorted(years, reverse=True) and len(years) == built.filings
    assert set(data["facet_results"]) >= {"fiscal_year", "form", "tagged", "source_format"}


# -- full-text search --------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["sentences", "elements"])
def test_search_box_uses_full_text(server: str, built: Built, table: str) -> None:
    found = rows(server, table, _search="NIST")
    assert found
    column = "text" if table == "sentences" else "value"
    assert all("nist" in r[column].lower() for r in found)


def test_search_sentences_query(server: str, built: Built) -> None:
    found = rows(server, "search_sentences", q="NIST", year="")
    expected = sum(
        1
        for sentences in built.latest_sentences.values()
        for s in sentences
        if re.search(r"\bnist\b", s, re.I)
    )
    assert found and len(found) == expected
    assert all("nist" in r["text"].lower() for r in found)
    assert rows(server, "search_sentences", q="", year="") == []


def test_nist_csf_finds_every_disclosure_that_names_it(server: str, built: Built) -> None:
    def names_csf(s: str) -> bool:
        s = s.lower()
        framework = re.search(r"\bcybersecurity frameworks?\b", s)
        return bool(
            (re.search(r"\bnist\b", s) and (re.search(r"\bcsf\b", s) or framework))
            or ("national institute of standards and technology" in s and framework)
        )

    expected = {fid for fid, sentences in built.latest_sentences.items() if any(map(names_csf, sentences))}
    found = rows(server, "nist_csf")
    assert expected and {r["filing_id"] for r in found} >= expected
    text_hits = {r["filing_id"] for r in found if "text" in r["found_in"]}
    assert text_hits == expected
    assert all(names_csf(r["example"]) for r in found if r["found_in"] == "text")


# -- canned queries against the Python answers -------------------------------------------------------
def test_latest_versions(server: str, built: Built) -> None:
    assert {r["filing_id"] for r in rows(server, "latest_versions", year="")} == set(built.latest.values())
    in_2025 = rows(server, "latest_versions", year="2025")
    assert {r["filing_id"] for r in in_2025} == {fid for (_, y), fid in built.latest.items() if y == 2025}
    northwind_2024 = next(r for r in rows(server, "latest_versions", year=2024) if r["ticker"] == "NWAN")
    assert (northwind_2024["versions"], northwind_2024["version"], northwind_2024["form"]) == (2, 2, "10-K/A")


@pytest.mark.parametrize("year", [None, 2024, 2025])
def test_flag_flips(server: str, built: Built, year: int | None) -> None:
    expected = {
        (c.id, ch.element)
        for c in by_year(built, year)
        for ch in c.comparison.changes
        if ch.kind == "flag_flipped"
    }
    found = rows(server, "flag_flips", year=year or "", flag="")
    assert {(r["comparison_id"], r["flag"]) for r in found} == expected
    if year == 2025:
        assert ("NWAN", MATERIAL_FLAG) in {(r["ticker"], r["flag"]) for r in found}


def test_flag_flips_of_one_flag_and_the_materially_affected_question(server: str, built: Built) -> None:
    expected = {
        (c.id, ch.old, ch.new)
        for c in built.comparisons
        for ch in c.comparison.changes
        if ch.kind == "flag_flipped" and ch.element == MATERIAL_FLAG
    }
    found = rows(server, "materially_affected_flips", year="")
    assert ("NWAN", 2025, "false", "true", "both years state it", "high") in {
        (r["ticker"], r["new_year"], r["old"], r["new"], r["flip"], r["severity"]) for r in found
    }
    assert {(r["comparison_id"], _flag(r["old"]), _flag(r["new"])) for r in found} == expected
    by_name = rows(server, "flag_flips", year="", flag="Materially")
    assert {(r["comparison_id"], r["flag"]) for r in by_name} == {
        (cid, MATERIAL_FLAG) for cid, _, _ in expected
    }
    for r in found:
        assert r["flip"] == (
            "both years state it" if r["old"] is not None and r["new"] is not None else "one year is silent"
        )


def _flag(value: str | None) -> bool | None:
    return None if value is None else value == "true"


def _fact_changes(
    built: Built, facts: tuple[str, ...] | None, kinds: tuple[str, ...] = FACT_KINDS, year: int | None = None
) -> set[tuple[int, str, str]]:
    return {
        (c.id, ch.fact or "", ch.kind)
        for c in by_year(built, year)
        for ch in c.comparison.changes
        if ch.kind in kinds and (facts is None or ch.fact in facts)
    }


@pytest.mark.parametrize(
    ("query", "facts", "kinds"),
    [
        ("fact_changes", None, FACT_KINDS),
        (
            "management_changes",
            (
                "people",
                "responsible_titles",
                "responsible_people",
                "experience_years",
                "tenure_start",
                "reports_to",
                "certifications",
            ),
            FACT_KINDS,
        ),
        ("oversight_changes", ("board_oversight",), FACT_KINDS),
        ("framework_adoptions", ("frameworks",), ("fact_added", "fact_removed")),
    ],
)
def test_fact_change_queries(
    server: str, built: Built, query: str, facts: tuple[str, ...] | None, kinds: tuple[str, ...]
) -> None:
    for year in (None, 2024, 2025):
        found = rows(server, query, year=year or "", fact="", framework="")
        kinds_found = {(r["comparison_id"], r.get("kind") or CHANGE_WORDS[r["change"]]) for r in found}
        expected = _fact_changes(built, facts, kinds, year)
        assert kinds_found == {(cid, kind) for cid, _, kind in expected}, (query, year)
        if "fact" in (found[0] if found else {}):
            assert {(r["comparison_id"], r["fact"], r["kind"]) for r in found} == expected


CHANGE_WORDS = {"adopted": "fact_added", "dropped": "fact_removed"}


def test_oversight_moved_to_the_audit_committee(server: str, built: Built) -> None:
    # one change from the risk committee to the audit committee, found as such
    expected = {
        c.id
        for c in built.comparisons
        for ch in c.comparison.changes
        if ch.fact == "board_oversight"
        and re.search(r"audit.*committee", str(ch.new or ch.value), re.I)
        and ch.kind in ("fact_added", "fact_changed")
    }
    found = rows(server, "oversight_to_audit_committee", year="2025")
    assert {r["comparison_id"] for r in found} == expected
    assert [(r["ticker"], r["oversight_added"], r["oversight_dropped"], r["summary"]) for r in found] == [
        (
            "NWAN",
            "audit committee",
            "risk committee",
            "board oversight moved from the risk committee to the audit committee",
        )
    ]
    assert rows(server, "oversight_to_audit_committee", year="2024") == []


def test_framework_adoption_and_ciso_experience(server: str, built: Built) -> None:
    adopted = rows(server, "framework_adoptions", year="2025", framework="SOC")
    assert [(r["ticker"], r["change"], r["framework"]) for r in adopted] == [("NWAN", "adopted", "SOC 2")]
    changed = rows(server, "management_changes", year="2025")
    assert ("NWAN", "experience_years", "fact_changed") in {
        (r["ticker"], r["fact"], r["kind"]) for r in changed
    }


def test_one_fact_by_name(server: str, built: Built) -> None:
    for fact in ("frameworks", "experience_years", "board_oversight"):
        found = rows(server, "fact_changes", fact=fact, year="")
        assert {(r["comparison_id"], r["fact"], r["kind"]) for r in found} == _fact_changes(built, (fact,))


def test_no_substantive_change(server: str, built: Built) -> None:
    expected = {c.id for c in built.comparisons if c.comparison.significance == NO_CHANGE}
    assert any(
        c.ticker == "NWAN" and c.old_year == c.new_year == 2024 for c in built.comparisons if c.id in expected
    )  # the 10-K/A repeats the 10-K
    assert {r["comparison_id"] for r in rows(server, "no_substantive_change", year="")} == expected


def test_largest_rewrites_lowest_similarity_first(server: str, built: Built) -> None:
    found = rows(server, "largest_rewrites", year="")
    assert len(found) == len(built.comparisons)
    lowest = min(
        built.comparisons, key=lambda c: (c.comparison.similarity.simple, c.comparison.similarity.cosine)
    )
    assert found[0]["comparison_id"] == lowest.id
    assert [r["simple"] for r in found] == sorted(r["simple"] for r in found)


def test_high_severity_changes(server: str, built: Built) -> None:
    expected = {
        (c.id, ch.kind) for c in built.comparisons for ch in c.comparison.changes if ch.severity == "high"
    }
    assert any(c.ticker == "NWAN" for c in built.comparisons if (c.id, "flag_flipped") in expected)
    found = rows(server, "high_severity_changes", year="")
    assert {(r["comparison_id"], r["kind"]) for r in found} == expected


@pytest.mark.parametrize("ident", ["KO", "ko", "21344", "0000021344", "COCA"])
def test_filer_timeline(server: str, built: Built, ident: str) -> None:
    found = rows(server, "filer_timeline", filer=ident)
    ko = next(c for c in built.comparisons if c.ticker == "KO")
    expected = set()
    for (filer_id, year), fid in built.latest.items():
        if filer_id == ko.filer_id:
            for name, (value, source) in built.latest_flags[fid].items():
                shown = "not stated" if value is None else str(value).lower()
                expected.add((name, year, f"{shown} ({source})"))
    assert {(r["item"], r["fiscal_year"], r["value"]) for r in found if r["kind"] == "flag"} == expected
    assert {r["filer"] for r in found} == {"COCA COLA CO"}
    assert rows(server, "filer_timeline", filer="") == []


def test_every_canned_query_runs_with_blank_parameters(server: str, built: Built) -> None:
    metadata = json.loads(get(server, "-/metadata.json")[1])
    for name in metadata["databases"][DB_NAME]["queries"]:
        status, body = get(server, f"{DB_NAME}/{name}.json")
        assert status == 200 and json.loads(body)["ok"], (name, body[:300])


# -- views --------------------------------------------------------------------------------------------
def test_views(server: str, built: Built) -> None:
    assert len(rows(server, "filing_overview")) == built.filings
    grid = rows(server, "flag_grid")
    assert {r["filing_id"] for r in grid} == set(built.latest.values())
    for r in grid:
        value, source = built.latest_flags[r["filing_id"]].get(MATERIAL_FLAG, (None, None))
        if source is None:
            assert r["materially_affected"] is None
        else:
            shown = "not stated" if value is None else str(value).lower()
            assert r["materially_affected"] == f"{shown} ({source})"
    assert len(rows(server, "comparison_overview")) == len(built.comparisons)
    assert len(rows(server, "change_overview")) == sum(len(c.comparison.changes) for c in built.comparisons)


def test_view_list_matches_the_flags() -> None:
    assert sorted(element for _, element in views.FLAG_COLUMNS) == sorted(FLAGS)


def test_a_new_database_has_the_browsing_views(db_path: Path) -> None:
    from tracker.store import Store

    store = Store(db_path)
    try:
        assert {name for name, _ in views.BROWSE_VIEWS} <= set(store.db.view_names())
    finally:
        store.close()


# -- report links ---------------------------------------------------------------------------------------
def test_report_paths_link_to_served_reports(server: str, built: Built) -> None:
    with_report = [c for c in built.comparisons if c.report]
    assert with_report
    status, page = get(server, f"{DB_NAME}/comparison_reports")
    assert status == 200
    for c in with_report:
        href = "/reports/" + urllib.parse.quote(Path(c.report).name)  # type: ignore[arg-type]
        assert f'href="{href}"' in page
        status, report = get(server, href)
        assert status == 200 and report.lstrip().lower().startswith("<!doctype html")
    status, table = get(server, f"{DB_NAME}/comparisons")
    assert status == 200 and 'href="/reports/' in table


def test_report_url(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "KO 2023-2024.html").write_text("<!doctype html>")
    db = tmp_path / "t.db"
    assert browse.report_url("reports/KO 2023-2024.html", db, reports) == "/reports/KO%202023-2024.html"
    absolute = str(reports / "KO 2023-2024.html")
    assert browse.report_url(absolute, db, reports) == "/reports/KO%202023-2024.html"
    assert browse.report_url("reports/missing.html", db, reports) is None
    assert browse.report_url("../etc/passwd", db, reports) is None


# -- the command --------------------------------------------------------------------------------------
def test_missing_database_is_refused_in_one_sentence(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(app, ["browse", "--db", str(missing), "--no-open"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: there is no database at {missing}; run `tracker ingest` first or pass --db.\n"
    )
    assert not missing.exists()


def test_busy_port_is_refused(built: Built, server: str) -> None:
    port = urllib.parse.urlparse(server).port
    result = CliRunner().invoke(app, ["browse", "--db", str(built.db), "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: port {port} on 127.0.0.1 is not available (")
    assert result.stderr.endswith("pass another --port, or --port 0 for any free port.\n")


def test_metadata_file_is_found_and_follows_the_database_name() -> None:
    path = browse.metadata_path()
    assert path.name == "metadata.yml" and path.is_file()
    data = browse.load_metadata("other")
    assert list(data["databases"]) == ["other"]
    assert data["databases"]["other"]["tables"]["filers"]["label_column"] == "name"


# -- in a browser -----------------------------------------------------------------------------------------
def chromium(*args: str, tmp: Path) -> str:
    command = [
        CHROMIUM or "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
@pytest.mark.parametrize(
    ("path", "must_show"),
    [
        ("", ["Cybersecurity disclosure tracker", DB_NAME]),
        (
            DB_NAME,
            ["Filers, every stored version", "Who flipped the materially-affected flag?", "filing_overview"],
        ),
        (f"{DB_NAME}/filings", ["AMAZON.COM, INC.", "fiscal_year", "source_format"]),
        (
            f"{DB_NAME}/nist_csf",
            ["Every disclosure that mentions the NIST Cybersecurity Framework", "NORTHWIND ANALYTICS, INC."],
        ),
    ],
)
def test_pages_render_in_chromium(
    server: str, built: Built, tmp_path: Path, path: str, must_show: list[str]
) -> None:
    dom = chromium("--dump-dom", server + path, tmp=tmp_path / "profile")
    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    for needle in must_show:
        assert needle in text, needle
    assert "Error 500" not in text and "Traceback" not in text
    if "/" in path:  # a table or a query: rows are shown
        assert dom.count("<tr") > 1


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_screenshot_of_the_flag_grid(server: str, tmp_path: Path) -> None:
    shot = tmp_path / "flag_grid.png"
    chromium(
        f"--screenshot={shot}",
        "--window-size=1280,900",
        server + f"{DB_NAME}/flag_grid",
        tmp=tmp_path / "profile",
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


# -- a live database: browsing while an ingest writes ------------------------------------------------------
def variants(folder: Path, count: int) -> Path:
    """`count` Inline XBRL 10-Ks of as many fictional filers (the sample's FY2024, its CIK, name and ticker
    changed), in a folder of their own."""
    folder.mkdir()
    text = (SAMPLE / "nwan-10-k-fy2024.htm").read_text(encoding="utf-8")
    assert "0009999901" in text and "NORTHWIND ANALYTICS, INC." in text
    for i in range(count):
        variant = (
            text.replace("0009999901", f"{9990000000 + i:010d}")
            .replace("NORTHWIND ANALYTICS, INC.", f"VARIANT {i} INC.")
            .replace("NWAN", f"V{i:03d}")
        )
        (folder / f"v{i:03d}-10-k-fy2024.htm").write_text(variant, encoding="utf-8")
    return folder


def filing_count(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("select count(*) from filings").fetchone()[0])


def test_browsing_during_an_ingest_sees_every_write(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    assert CliRunner().invoke(app, ["ingest", str(SAMPLE), "--db", str(db)]).exit_code == 0
    sources = variants(tmp_path / "variants", 160)  # several batches (50 files or 1 s each)
    with serving(db) as running:
        ingest = subprocess.Popen(
            [*TRACKER_COMMAND, "ingest", str(sources), "--db", str(db), "--workers", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        answers: list[tuple[str, int, str]] = []
        while ingest.poll() is None:
            for path, params in [
                ("live.json", {"sql": "select count(*) as n from filings", "_shape": "array"}),
                ("live/filings.json", {"_size": "1"}),
                ("live.json", {}),
            ]:
                answers.append((path, *get(running.base, path, **params)))
        assert ingest.wait() == 0, ingest.stderr.read() if ingest.stderr else ""
        failed = [(path, status, body[:200]) for path, status, body in answers if status != 200]
        assert not failed, f"{len(failed)} of {len(answers)} answers failed during the ingest: {failed[:3]}"
        seen = [
            json.loads(body)[0]["n"]
            for path, _, body in answers
            if path == "live.json" and body.startswith("[")
        ]
        assert len(seen) >= 5 and seen == sorted(seen) and 2 <= seen[0] and seen[-1] <= 162
        assert len(set(seen)) > 2  # the writes showed while they happened

        # after it: every count is fresh, without a restart
        assert filing_count(db) == 162
        status, body = get(running.base, "live.json", sql="select count(*) as n from filings", _shape="array")
        assert (status, json.loads(body)) == (200, [{"n": 162}])
        assert (
            json.loads(get(running.base, "live/filings.json", _size="1")[1])["filtered_table_rows_count"]
            == 162
        )
        tables = {t["name"]: t["count"] for t in json.loads(get(running.base, "live.json")[1])["tables"]}
        assert tables["filings"] == 162 and tables["filers"] == 161


# -- what one query may cost -------------------------------------------------------------------------------
HOSTILE = [
    (
        "a recursive CTE that never ends",
        "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r",
        "too long",
    ),
    (
        "a recursive CTE that doubles a string",
        "with recursive r(i, s) as (select 0, 'x' union all select i + 1, s || s from r where i < 40) "
        "select i, length(s) from r",
        "too big",
    ),
    ("a 900 MB string built in one call", "select length(printf('%.*c', 900000000, 'x'))", "too big"),
    (
        "a string of 800 million hex digits replaced",
        "select length(replace(hex(zeroblob(400000000)), '0', 'ab'))",
        "too big",
    ),
    (
        "a thousand 1.9 MB rows",
        "with recursive r(i) as (select 1 union all select i + 1 from r where i < 1000) "
        "select printf('%.*c', 1900000, 'x') as s from r",
        "larger than 64 MB",
    ),
    (
        "a cross join of every element six times",
        "select count(*) from elements a, elements b, elements c, elements d, elements e, elements f",
        "too long",
    ),
    (
        "a hundred thousand rows of a slow LIKE each",
        "with recursive r(i) as (select 1 union all select i + 1 from r where i < 100000) select count(*) from r "
        "where printf('%.*c', 2000000, char(97 + i % 2)) like '%' || printf('%.*c', 60, 'a') || 'b'",
        "too long",
    ),
]


def test_hostile_queries_end_in_an_error_at_once_and_memory_stays_bounded(db_path: Path) -> None:
    assert CliRunner().invoke(app, ["ingest", str(SAMPLE), "--db", str(db_path)]).exit_code == 0
    name = db_path.stem
    with serving(db_path) as running:
        for what, sql, error in HOSTILE:
            started = time.monotonic()
            status, body = get(running.base, f"{name}.json", sql=sql)
            took = time.monotonic() - started
            assert status == 400 and error in json.loads(body)["error"], (what, status, body[:300])
            assert took < 3, (what, took)  # the time limit is 1 s; the host may be busy
        # quadratic in SQLite's own functions, linear here: an answer at once
        for sql in [
            "select length(trim(printf('%.*c', 80000, 'a'), printf('%.*c', 80000, 'b') || 'a')) as n",
            "select instr(printf('%.*c', 1000000, 'a'), printf('%.*c', 500000, 'a') || 'b') as n",
        ]:
            started = time.monotonic()
            status, body = get(running.base, f"{name}.json", sql=sql, _shape="array")
            assert (status, json.loads(body)) == (200, [{"n": 0}]) and time.monotonic() - started < 2.5, sql
        # a canned query is held to the same limits: a LIKE pattern longer than any name is refused at once
        started = time.monotonic()
        status, body = get(running.base, f"{name}/filer_timeline.json", filer="%a" * 2000)
        assert (
            status == 400 and "LIKE or GLOB pattern too complex" in body and time.monotonic() - started < 2.5
        )
        assert running.peak_rss_mb() < 300  # 3.2 GB before the limits
        # and the server still answers
        status, body = get(
            running.base, f"{name}.json", sql="select count(*) as n from filings", _shape="array"
        )
        assert (status, json.loads(body)) == (200, [{"n": 2}])


def test_the_linear_functions_answer_as_sqlites_own() -> None:
    from tracker.browse.plugins import limits

    own, linear = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    for fn, arity, function in limits.LINEAR_FUNCTIONS:
        linear.create_function(fn, arity, function, deterministic=True)
    values: list[object] = [
        "",
        "abc",
        "aXbXc",
        "ünïcödé",
        "  x  ",
        5,
        1.5,
        1e20,
        None,
        b"ab\x00c",
        b"",
        "X" * 5000 + "abc",
        ("ab" * 3000).encode(),
        "\0ab",
    ]
    for a in values:
        for b in values:
            for fn in ("instr", "trim", "ltrim", "rtrim"):
                sql = f"select {fn}(?, ?), typeof({fn}(?, ?))"
                assert (
                    own.execute(sql, (a, b) * 2).fetchone() == linear.execute(sql, (a, b) * 2).fetchone()
                ), (fn, a, b)
            for c in ("", "Z", None, 7):
                sql = "select replace(?, ?, ?), typeof(replace(?, ?, ?))"
                assert (
                    own.execute(sql, (a, b, c) * 2).fetchone()
                    == linear.execute(sql, (a, b, c) * 2).fetchone()
                ), ("replace", a, b, c)
    for args in [
        ("%d-%s", 5, "x"),
        ("%.*c", 3, "x"),
        ("%*d|%-5s|%.2f", 6, 42, "ab", 3.14159),
        ("%%%q%Q%w", "a'b", None, 'x"y'),
        ("%lld %!.3g %,d", 12, 1.23456, 1234567),
        (None,),
        (5,),
        (),
    ]:
        sql = "select printf(" + ", ".join("?" * len(args)) + ")"
        assert own.execute(sql, args).fetchone() == linear.execute(sql, args).fetchone(), args


# -- last: the run changed nothing -----------------------------------------------------------------------
def test_the_database_file_is_unchanged(server: str, built: Built) -> None:
    assert built.db.stat().st_mtime_ns == built.mtime_ns
    assert hashlib.sha256(built.db.read_bytes()).hexdigest() == built.sha256
    assert not Path(str(built.db) + "-wal").exists() or Path(str(built.db) + "-wal").stat().st_size == 0
