"""`tracker fetch` and `tracker update` against a real HTTP server on loopback that answers like EDGAR."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner

from tests.edgar_server import ERROR_PAGE, EdgarServer, gzip_bomb, running
from tracker.cli import app
from tracker.edgar.client import Cache, Client, Settings, list_filings
from tracker.store import Store

from .cli import snapshot

UA = "Tracker Tests tests@example.com"


class Inbox:
    """aiosmtpd handler keeping every message received: (from, recipients, content)."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: object, session: object, envelope) -> str:  # noqa: N802 - aiosmtpd
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


BZ = "0001842827"
BZ_2023 = "/Archives/edgar/data/1842827/000184282724000021/bz-20231231.htm"
BZ_2024 = "/Archives/edgar/data/1842827/000184282725000017/bz-20241231.htm"
BZ_SUBMISSIONS = f"/submissions/CIK{BZ}.json"
BZ_PAGE = f"/submissions/CIK{BZ}-submissions-001.json"


@pytest.fixture(autouse=True)
def quick_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small retry delays so fault tests stay fast; no identity or mirror from the caller's environment."""
    for name in ("TRACKER_USER_AGENT", "TRACKER_EDGAR_URL", "TRACKER_DB", "TRACKER_EDGAR_RATE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRACKER_EDGAR_BACKOFF", "0.01")
    monkeypatch.setenv("TRACKER_EDGAR_RETRY_TIME", "5")
    monkeypatch.setenv("TRACKER_EDGAR_TIMEOUT", "5")


@pytest.fixture
def edgar(corpus: Path) -> EdgarServer:
    with running(corpus) as server:
        yield server


def run(edgar: EdgarServer, db: Path, *args: str, user_agent: str | None = UA):
    """`tracker ARGS --edgar-url ... --user-agent ... --db ...` in process."""
    extra = ["--edgar-url", edgar.url, "--db", str(db)] + (["--user-agent", user_agent] if user_agent else [])
    return CliRunner().invoke(app, [*args, *extra])


def stored(db: Path, filer: str) -> dict[int, list[dict]]:
    """Version rows of a filer, by fiscal year."""
    store = Store(db, create=False)
    try:
        f = store.find_filer(filer)
        return {y: store.versions(f, y) for y in store.years(f)}
    finally:
        store.close()


def counts(db: Path) -> dict[str, int]:
    store = Store(db, create=False)
    try:
        return store.counts()
    finally:
        store.close()


def not_modified_listings_only(requests: list) -> bool:
    """Whether a rerun asked EDGAR only whether its listings changed (each answered 304), and each once."""
    paths = [r.path for r in requests]
    return (
        bool(requests)
        and all(r.status == 304 and not r.path.startswith("/Archives/") for r in requests)
        and len(paths) == len(set(paths))
    )


# -- fetch: two years, then a rerun --------------------------------------------------------------
def test_fetch_amzn_two_years_then_rerun_downloads_nothing(edgar: EdgarServer, db_path: Path) -> None:
    pytest.importorskip("tracker.read.html", reason="the Inline XBRL reader is not in this checkout yet")
    result = run(edgar, db_path, "fetch", "AMZN", "--years", "2023-2024")
    assert result.exit_code == 0, result.output
    assert "0001018724-24-000008 10-K 2023 v1 new" in result.stdout
    assert "0001018724-25-000004 10-K 2024 v1 new" in result.stdout
    rows = stored(db_path, "AMZN")
    assert [(y, r[0]["accession"], r[0]["filing_date"]) for y, r in rows.items()] == [
        (2023, "0001018724-24-000008", "2024-02-02"),
        (2024, "0001018724-25-000004", "2025-02-07"),
    ]
    before, seen = counts(db_path), len(edgar.seen())
    again = run(edgar, db_path, "fetch", "AMZN", "--years", "2023-2024")
    assert again.exit_code == 0, again.output
    assert not_modified_listings_only(edgar.seen()[seen:])  # documents from the cache, listings asked again
    assert again.stdout.count(" v1 unchanged") == 2
    assert counts(db_path) == before


def test_fetch_20f_two_years_then_rerun(edgar: EdgarServer, db_path: Path) -> None:
    result = run(edgar, db_path, "fetch", "BZ", "--years", "2023-2024")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "0001842827-24-000021 20-F 2023 v1 new",
        "0001842827-25-000017 20-F 2024 v1 new",
    ]
    assert "2 filings: 2 new, 0 unchanged, 0 new versions; 5 requests to EDGAR" in result.stdout
    assert [r.path for r in edgar.seen()] == [
        "/files/company_tickers.json",
        BZ_SUBMISSIONS,
        BZ_PAGE,
        BZ_2023,
        BZ_2024,
    ]
    assert {r.user_agent for r in edgar.seen()} == {UA}
    rows = stored(db_path, BZ)
    assert {
        y: [(r["version"], r["accession"], r["filing_date"], r["form"]) for r in v] for y, v in rows.items()
    } == {
        2023: [(1, "0001842827-24-000021", "2024-04-12", "20-F")],
        2024: [(1, "0001842827-25-000017", "2025-04-10", "20-F")],
    }
    before = counts(db_path)

    again = run(edgar, db_path, "fetch", "BZ", "--years", "2023-2024")
    assert again.exit_code == 0, again.output
    assert [
        (r.path, r.status) for r in edgar.seen()[5:]
    ] == [  # a rerun asks only whether the listings changed
        ("/files/company_tickers.json", 304),
        (BZ_SUBMISSIONS, 304),
        (BZ_PAGE, 304),
    ]
    assert (
        "0 new, 2 unchanged, 0 new versions; 3 requests to EDGAR (0 downloaded, 0 retried, 3 not modified "
        "since the last run)" in again.stdout
    )
    assert counts(db_path) == before


def test_listings_without_validators_are_downloaded_again_each_run_but_documents_never(
    edgar: EdgarServer, db_path: Path
) -> None:
    edgar.validators = False  # no ETag or Last-Modified: nothing to ask conditionally
    assert run(edgar, db_path, "fetch", "BZ").exit_code == 0
    again = run(edgar, db_path, "fetch", "BZ")
    assert again.exit_code == 0, again.output
    assert [r.path for r in edgar.seen("/Archives/")] == [BZ_2023, BZ_2024]  # each document once, ever
    assert [r.status for r in edgar.seen("/files/company_tickers.json")] == [200, 200]
    assert [r.status for r in edgar.seen(BZ_SUBMISSIONS)] == [200, 200]


def test_a_listing_lifetime_can_be_set(
    edgar: EdgarServer, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_EDGAR_FRESH_SECONDS", "3600")
    assert run(edgar, db_path, "fetch", "BZ").exit_code == 0
    seen = len(edgar.seen())
    again = run(edgar, db_path, "fetch", "BZ")
    assert "0 requests to EDGAR" in again.stdout and len(edgar.seen()) == seen


def test_older_page_is_read_only_when_recent_does_not_reach_back(edgar: EdgarServer, tmp_path: Path) -> None:
    client = Client(Settings(user_agent=UA, base_url=edgar.url, cache_dir=tmp_path / "cache", rate=10))
    submissions = client.submissions(BZ)
    assert [f.accession for f in list_filings(client, submissions, BZ, 2025) if f.form == "20-F"] == [
        "0001842827-25-000017"
    ]
    assert edgar.seen(BZ_PAGE) == []
    assert "0001842827-24-000021" in [f.accession for f in list_filings(client, submissions, BZ, 2023)]
    assert len(edgar.seen(BZ_PAGE)) == 1


# -- identity and rate ---------------------------------------------------------------------------
@pytest.mark.parametrize("user_agent", [None, "Jane Doe", "jane@example.com"])
def test_fetch_without_a_declared_user_agent_is_refused(
    edgar: EdgarServer, db_path: Path, user_agent: str | None
) -> None:
    result = run(edgar, db_path, "fetch", "BZ", user_agent=user_agent)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: EDGAR requires every automated client to declare who it is with a User-Agent naming a person "
        "or company and an e-mail address (SEC blocks undeclared tools), so pass --user-agent "
        '"Jane Doe jane@example.com" or set TRACKER_USER_AGENT.\n'
    )
    assert edgar.seen() == []
    assert not db_path.exists()


def test_rate_above_sec_limit_is_refused(edgar: EdgarServer, db_path: Path) -> None:
    result = run(edgar, db_path, "fetch", "BZ", "--rate", "12")
    assert result.exit_code == 2
    assert "at most 10 requests per second" in result.stderr
    assert edgar.seen() == []


def test_request_rate_measured_at_the_server_stays_under_the_limit(
    edgar: EdgarServer, db_path: Path, tmp_path: Path
) -> None:
    for path, faults in [
        ("/files/company_tickers.json", 3),
        (BZ_SUBMISSIONS, 2),
        (BZ_2024, 2),
        ("/submissions/CIK0001838413.json", 1),
    ]:
        edgar.inject(path, *["503"] * faults)
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("BZ\nYMM\n")
    result = run(edgar, db_path, "update", "--watchlist", str(watchlist), "--rate", "5")
    assert result.exit_code == 0, result.output
    times = [r.time for r in edgar.seen()]
    assert len(times) == 16  # 8 needed + 8 retried
    assert max(sum(1 for t in times if start <= t < start + 1.0) for start in times) <= 5  # in any second
    assert (len(times) - 1) / (times[-1] - times[0]) <= 5.0


def spaced(times: list[float], interval: float) -> bool:
    """Whether requests arrived at the server as a client that waits `interval` between them sends them. A
    request the loaded host delivers late (seen: 60 ms) shortens the next gap the server sees by that delay,
    never the client's spacing: so any run of requests spans its intervals less one at most (a client that did
    not wait would send them all within milliseconds)."""
    return all(
        times[j] - times[i] >= (j - i - 1) * interval and times[j] > times[i]
        for i in range(len(times))
        for j in range(i + 1, len(times))
    ) and (times[-1] - times[0] >= (len(times) - 1.5) * interval)


# -- faults --------------------------------------------------------------------------------------
def test_faults_are_survived_without_loss_or_duplicates(
    edgar: EdgarServer, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_EDGAR_TIMEOUT", "0.5")
    edgar.inject("/files/company_tickers.json", "malformed", "reset")
    edgar.inject(BZ_SUBMISSIONS, "429:1", "503")
    edgar.inject(BZ_PAGE, "truncate", "malformed")
    edgar.inject(BZ_2023, "badgzip", "slow:1.5", "truncate")
    edgar.inject(BZ_2024, "503", "truncate")
    result = run(edgar, db_path, "fetch", "BZ")
    assert result.exit_code == 0, result.output
    assert (
        "2 filings: 2 new, 0 unchanged, 0 new versions; 16 requests to EDGAR (5 downloaded, 11 retried)"
        in result.stdout
    )
    subs = edgar.seen(BZ_SUBMISSIONS)
    assert [r.status for r in subs] == [429, 503, 200]
    assert subs[1].time - subs[0].time >= 1.0  # Retry-After: 1 honoured
    assert {y: [r["version"] for r in v] for y, v in stored(db_path, BZ).items()} == {2023: [1], 2024: [1]}
    before, seen = counts(db_path), len(edgar.seen())

    again = run(edgar, db_path, "fetch", "BZ")  # nothing broken was cached: same content, no download
    assert again.exit_code == 0, again.output
    assert "0 new, 2 unchanged, 0 new versions; 3 requests to EDGAR (0 downloaded" in again.stdout
    assert not_modified_listings_only(edgar.seen()[seen:])
    assert counts(db_path) == before


def test_repeated_429_stops_and_says_to_wait(edgar: EdgarServer, db_path: Path) -> None:
    edgar.inject("/files/company_tickers.json", *["429"] * 5)
    result = run(edgar, db_path, "fetch", "BZ")
    assert result.exit_code == 3
    assert result.stderr == (
        f"error: EDGAR at {edgar.url} answered 429 Too Many Requests 3 times; SEC blocks clients over its "
        "rate limit for about 10 minutes and retrying prolongs the block, so wait 10 minutes, lower --rate, "
        "and run the command again.\n"
    )
    assert len(edgar.seen()) == 3


def test_server_down_is_a_network_failure(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_EDGAR_RETRIES", "2")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    result = CliRunner().invoke(
        app, ["fetch", "BZ", "--edgar-url", url, "--user-agent", UA, "--db", str(db_path)]
    )
    assert result.exit_code == 3
    assert result.stderr.startswith(
        f"error: EDGAR at {url} kept failing for /files/company_tickers.json "
        "(cannot connect: [Errno 111] Connection refused, 3 attempts)"
    )
    assert result.stderr.endswith(
        "check your network connection or --edgar-url / TRACKER_EDGAR_URL, then run the command again.\n"
    )


# -- filers that cannot be fetched ---------------------------------------------------------------
def test_unknown_ticker_suggests_close_matches(edgar: EdgarServer, db_path: Path) -> None:
    result = run(edgar, db_path, "fetch", "AMZM")
    assert result.exit_code == 2
    assert (
        result.stderr == "error: EDGAR lists no company with ticker or name 'AMZM'; did you mean AMZN "
        "(AMAZON.COM, INC.)?\n"
    )


def test_no_annual_report_in_those_years_says_what_exists(edgar: EdgarServer, db_path: Path) -> None:
    result = run(edgar, db_path, "fetch", "BZ", "--years", "2019-2020")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: Kanzhun Ltd (CIK 0001842827) has no 10-K or 20-F for fiscal years "
        "2019-2020; it has 20-F for 2023, 2024; 20-F/A for 2024.\n"
    )
    assert edgar.seen("/Archives/") == []


# -- update --------------------------------------------------------------------------------------
def test_update_watchlist_fetches_every_filer_and_mails_a_digest(
    edgar: EdgarServer, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = Inbox()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("TRACKER_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("TRACKER_MAIL_FROM", "tracker@example.com")
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("# 20-F filers\n1842827   # Kanzhun\n\nYMM\n")
    try:
        result = run(edgar, db_path, "update", "--watchlist", str(watchlist), "--email", "desk@example.com")
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "BZ 0001842827-24-000021 20-F 2023 v1 new",
        "BZ 0001842827-25-000017 20-F 2024 v1 new",
        "YMM 0001838413-25-000009 20-F 2024 v1 new",
    ]
    # (FY2023 re-evaluated its IT service providers "every two years", FY2024 "annually": more often, medium)
    assert lines[3].startswith("changed: Kanzhun Ltd 2023 v1 -> 2024 v1: 0 high, 1 medium, 0 low")
    assert "digest: sent to desk@example.com, covering Kanzhun Ltd" in lines
    assert lines[-1].startswith(
        "update: 2 filers checked, 3 filings: 3 new, 0 unchanged, 0 new versions, 0 failed"
    )
    assert [r[1] for r in inbox.received] == [["desk@example.com"]]

    again = run(edgar, db_path, "update", "--watchlist", str(watchlist))
    assert again.exit_code == 0  # nothing new is not a failure
    assert again.stdout.startswith(
        "update: 2 filers checked, 3 filings: 0 new, 3 unchanged, 0 new versions, "
        "0 failed; 5 requests to EDGAR (0 downloaded, 0 retried, 5 not modified since the last run)"
    )


def test_update_with_email_but_no_mail_server_stops_before_fetching(
    edgar: EdgarServer, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACKER_SMTP_URL", raising=False)
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("YMM\n")
    result = run(edgar, db_path, "update", "--watchlist", str(watchlist), "--email", "desk@example.com")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no mail server is configured; set TRACKER_SMTP_URL")
    assert edgar.seen() == []


def test_update_reports_an_unknown_entry_but_stores_the_others(
    edgar: EdgarServer, db_path: Path, tmp_path: Path
) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("NOSUCH\nYMM\n")
    result = run(edgar, db_path, "update", "--watchlist", str(watchlist))
    assert result.exit_code == 2
    assert "error: EDGAR lists no company with ticker or name 'NOSUCH'" in result.stderr
    assert list(stored(db_path, "1838413")) == [2024]


def test_a_second_concurrent_update_is_refused_by_the_lock(
    edgar: EdgarServer, db_path: Path, tmp_path: Path
) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("BZ\nYMM\n")
    edgar.delay = 0.3
    first = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tracker.cli import main; main()",
            "update",
            "--watchlist",
            str(watchlist),
            "--edgar-url",
            edgar.url,
            "--user-agent",
            UA,
            "--db",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not edgar.seen() and time.monotonic() < deadline:  # the lock is taken before any request
            time.sleep(0.05)
        second = run(edgar, db_path, "update", "--watchlist", str(watchlist))
        assert second.exit_code == 3
        assert second.stderr == (
            f"error: another tracker fetch or update is already running on {db_path} "
            f"(it holds {db_path}.lock); wait for it to finish and run again.\n"
        )
    finally:
        out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert "update: 2 filers checked, 3 filings: 3 new" in out


# -- amendments and the R-page fallback ------------------------------------------------------------
def test_amendment_becomes_a_new_version_of_its_year(
    edgar: EdgarServer, db_path: Path, tmp_path: Path
) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("BZ\n")
    first = run(edgar, db_path, "update", "--watchlist", str(watchlist), "--years", "2024")
    assert first.exit_code == 0, first.output
    assert "20-F/A" not in first.stdout
    result = run(
        edgar, db_path, "update", "--watchlist", str(watchlist), "--years", "2024", "--include-amendments"
    )
    assert result.exit_code == 0, result.output
    assert "BZ 0001842827-25-000033 20-F/A 2024 v2 new version" in result.stdout
    assert "changed: Kanzhun Ltd 2024 v1 -> 2024 v2:" in result.stdout
    rows = stored(db_path, BZ)[2024]
    assert [(r["version"], r["form"], r["accession"]) for r in rows] == [
        (1, "20-F", "0001842827-25-000017"),
        (2, "20-F/A", "0001842827-25-000033"),
    ]


def test_unreadable_inline_document_falls_back_on_the_cyber_r_page(edgar: EdgarServer, db_path: Path) -> None:
    result = run(edgar, db_path, "fetch", "XMPL")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0001819580-25-000005 20-F 2024 v1 new (from R3.htm)\n")
    folder = "/Archives/edgar/data/1819580/000181958025000005/"
    assert [r.path for r in edgar.seen("/Archives/")] == [
        folder + "xmpl-20241231.htm",
        folder + "FilingSummary.xml",
        folder + "R3.htm",
    ]
    assert stored(db_path, "1819580")[2024][0]["accession"] == "0001819580-25-000005"


def test_unknown_cik_and_bad_mirror_address_are_usage_errors(edgar: EdgarServer, db_path: Path) -> None:
    result = run(edgar, db_path, "fetch", "999999")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: EDGAR has no company with CIK 999999; check the number on EDGAR's company search.\n"
    )
    bad = CliRunner().invoke(
        app, ["fetch", "BZ", "--edgar-url", "127.0.0.1:9", "--user-agent", UA, "--db", str(db_path)]
    )
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: --edgar-url '127.0.0.1:9' is not an http(s) address")


# -- hardening: what EDGAR answers is checked before it is used or kept ---------------------------


def cache(db: Path) -> Cache:
    """The download cache of a database."""
    return Cache(db.parent / "cache")


PEAK = """
import resource, sys
import tracker.cli, tracker.edgar.client, tracker.pipeline.ingest, tracker.read.html, tracker.store
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    tracker.cli.app(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(f"peak-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base}")
sys.exit(code)
"""


def _limit_memory() -> None:
    """Keep a run gone wrong from taking the machine's memory (3 GiB of address space)."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


@pytest.mark.parametrize("fault", ["bomb", "huge", "huge-unsized"])
def test_oversize_answers_are_refused_with_bounded_memory(
    edgar: EdgarServer, db_path: Path, fault: str
) -> None:
    assert run(edgar, db_path, "fetch", "BZ", "--years", "2023").exit_code == 0
    before = snapshot(db_path)
    gzip_bomb()  # made before it is asked for, so that the client never times out waiting
    edgar.inject(BZ_2024, fault)
    env = {**os.environ, "TRACKER_EDGAR_MAX_MB": "16", "TRACKER_EDGAR_BACKOFF": "0.01"}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            PEAK,
            "fetch",
            "BZ",
            "--years",
            "2024",
            "--edgar-url",
            edgar.url,
            "--user-agent",
            UA,
            "--db",
            str(db_path),
        ],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1
    assert f"EDGAR at {edgar.url} answered {BZ_2024} with more than 16 MB once decompressed" in proc.stderr
    peak_mb = int(proc.stdout.rsplit("peak-kb ", 1)[1]) / 1024
    assert peak_mb < 120, f"{peak_mb:.0f} MB"
    assert snapshot(db_path) == before
    assert len(edgar.seen(BZ_2024)) == 1  # refused, not retried
    again = run(edgar, db_path, "fetch", "BZ", "--years", "2024")  # nothing was cached: the document comes
    assert again.exit_code == 0, again.output
    assert "0001842827-25-000017 20-F 2024 v1 new" in again.stdout


def test_an_error_page_served_with_200_is_refused_and_not_cached(edgar: EdgarServer, db_path: Path) -> None:
    assert run(edgar, db_path, "fetch", "BZ", "--years", "2023").exit_code == 0
    before = snapshot(db_path)
    edgar.inject(BZ_2024, "errorpage")
    result = run(edgar, db_path, "fetch", "BZ", "--years", "2024")
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert (
        f"EDGAR at {edgar.url} answered {BZ_2024} with a page that is not a readable annual report "
        "(the HTML is not a 10-K or 20-F annual report"
    ) in result.stderr
    assert snapshot(db_path) == before
    assert cache(db_path).get(BZ_2024, None) is None
    again = run(edgar, db_path, "fetch", "BZ", "--years", "2024")
    assert again.exit_code == 0, again.output
    assert "0001842827-25-000017 20-F 2024 v1 new" in again.stdout


def test_a_bad_cached_entry_is_named_and_refresh_replaces_it(edgar: EdgarServer, db_path: Path) -> None:
    assert run(edgar, db_path, "fetch", "BZ", "--years", "2024").exit_code == 0
    good = cache(db_path).get(BZ_2024, None)
    cache(db_path).put(BZ_2024, ERROR_PAGE)  # as an earlier version of tracker kept whatever a 200 returned
    entry = cache(db_path).entry_file(BZ_2024)
    before, seen = snapshot(db_path), len(edgar.seen())
    result = run(edgar, db_path, "fetch", "BZ", "--years", "2024")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert (
        f"the cached copy of {BZ_2024} ({entry}) holds a page that is not a readable annual report"
        in result.stderr
    )
    assert "run again with --refresh" in result.stderr
    assert (
        snapshot(db_path) == before and not edgar.seen("/Archives/")[1:]
    )  # listings asked, the document not
    seen = len(edgar.seen())

    refreshed = run(edgar, db_path, "fetch", "BZ", "--years", "2024", "--refresh")
    assert refreshed.exit_code == 0, refreshed.output
    assert "0001842827-25-000017 20-F 2024 v1 unchanged" in refreshed.stdout
    assert [r.path for r in edgar.seen()[seen:]] == [
        "/files/company_tickers.json",
        BZ_SUBMISSIONS,
        BZ_PAGE,
        BZ_2024,
    ]
    assert cache(db_path).get(BZ_2024, None) == good


def test_a_cached_bomb_is_named_without_being_expanded(
    edgar: EdgarServer, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(edgar, db_path, "fetch", "BZ", "--years", "2024").exit_code == 0
    entry = cache(db_path).entry_file(BZ_2024)
    sha = json.loads(entry.read_text())["sha256"]
    (db_path.parent / "cache" / "objects" / sha[:2] / f"{sha}.gz").write_bytes(gzip_bomb())
    monkeypatch.setenv("TRACKER_EDGAR_MAX_MB", "16")
    tracemalloc.start()
    try:
        result = run(edgar, db_path, "fetch", "BZ", "--years", "2024")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 2
    assert (
        f"the cached copy of {BZ_2024} ({entry}) holds more than 16 MB once decompressed; run again with "
        "--refresh"
    ) in result.stderr
    assert peak < 80 << 20


def test_redirects_are_followed_within_edgar_and_each_hop_waits_its_turn(
    edgar: EdgarServer, db_path: Path
) -> None:
    edgar.inject(BZ_2024, "redirect:/moved/bz-20241231.htm")
    edgar.inject("/moved/bz-20241231.htm", f"redirect:{edgar.url}{BZ_2024}")
    result = run(edgar, db_path, "fetch", "BZ", "--years", "2024", "--rate", "5")
    assert result.exit_code == 0, result.output
    assert "2024 v1 new" in result.stdout
    assert "6 requests to EDGAR (4 downloaded, 0 retried)" in result.stdout  # list, submissions, page, 3 hops
    hops = edgar.seen(BZ_2024) + edgar.seen("/moved/")
    hops.sort(key=lambda r: r.time)
    assert [r.status for r in hops] == [302, 302, 200]
    assert spaced([r.time for r in hops], 0.2)
    assert cache(db_path).get(BZ_2024, None) is not None  # kept as the document it stands for


def test_a_redirect_to_another_host_is_not_followed(edgar: EdgarServer, corpus: Path, db_path: Path) -> None:
    with running(corpus) as elsewhere:
        edgar.inject(BZ_2024, f"redirect:{elsewhere.url}{BZ_2024}")
        result = run(edgar, db_path, "fetch", "BZ", "--years", "2024")
        assert elsewhere.seen() == []  # the User-Agent and its e-mail address never went there
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert (
        f"EDGAR at {edgar.url} redirected {BZ_2024} to {elsewhere.url}{BZ_2024}, outside EDGAR, so it "
        "was not followed"
    ) in result.stderr
    assert cache(db_path).get(BZ_2024, None) is None


def test_a_redirect_loop_stops_after_five_hops_at_the_rate_limit(edgar: EdgarServer, db_path: Path) -> None:
    edgar.inject(BZ_2024, *[f"redirect:{BZ_2024}"] * 20)
    result = run(edgar, db_path, "fetch", "BZ", "--years", "2024", "--rate", "10")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"EDGAR at {edgar.url} redirected {BZ_2024} more than 5 times" in result.stderr
    times = [r.time for r in edgar.seen(BZ_2024)]
    assert len(times) == 6
    assert spaced(times, 0.1)


MALFORMED = {
    "truncated": ["malformed"] * 6,
    "wrong top-level type": ["body:[1, 2, 3]"],
    "missing keys": ['body:{"cik": "1842827", "name": "KANZHUN LTD"}'],
    "wrong value types": [
        'body:{"filings": {"recent": {"accessionNumber": "0001842827-25-000017", "form": 7}}}'
    ],
    "html": ["errorpage"],
}


@pytest.mark.parametrize("shape", list(MALFORMED))
def test_malformed_submissions_fail_that_filer_and_the_update_goes_on(
    edgar: EdgarServer, db_path: Path, tmp_path: Path, shape: str
) -> None:
    edgar.inject(BZ_SUBMISSIONS, *MALFORMED[shape])
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("BZ\nYMM\n")
    result = run(edgar, db_path, "update", "--watchlist", str(watchlist))
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"error: EDGAR at {edgar.url} answered {BZ_SUBMISSIONS} (the filings of CIK 0001842827) with "
    )
    assert "unexpected" not in result.stderr
    assert list(stored(db_path, "1838413")) == [2024]
    single = run(edgar, db_path, "fetch", "BZ")
    assert single.exit_code == 0, single.output  # nothing bad was cached


@pytest.mark.parametrize("shape", list(MALFORMED))
def test_malformed_company_list_fails_tickers_once_and_ciks_go_on(
    edgar: EdgarServer, db_path: Path, tmp_path: Path, shape: str
) -> None:
    edgar.inject("/files/company_tickers.json", *MALFORMED[shape])
    result = run(edgar, db_path, "fetch", "BZ")
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"error: EDGAR at {edgar.url} answered /files/company_tickers.json (the company list) with "
    )
    edgar.inject("/files/company_tickers.json", *MALFORMED[shape])
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("BZ\n1838413\nYMM\n")
    seen = len(edgar.seen("/files/"))
    update = run(edgar, db_path, "update", "--watchlist", str(watchlist))
    assert update.exit_code == 2, update.output
    assert len(update.stderr.splitlines()) == 2  # BZ and YMM need the list; the CIK does not
    assert list(stored(db_path, "1838413")) == [2024]
    assert len(edgar.seen("/files/")) - seen == len(MALFORMED[shape])  # asked once per run, not per filer


def test_a_host_that_cannot_be_resolved_fails_at_once(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_EDGAR_BACKOFF", "1")
    start = time.monotonic()
    result = CliRunner().invoke(
        app, ["fetch", "BZ", "--edgar-url", "http://edgar.invalid", "--user-agent", UA, "--db", str(db_path)]
    )
    assert time.monotonic() - start < 1.0
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "error: cannot resolve edgar.invalid, the host of EDGAR at http://edgar.invalid"
    )


def test_the_fetch_commands_start_where_fcntl_does_not_exist() -> None:
    code = (
        "import sys; sys.modules['fcntl'] = None\n"
        "import tracker.cli.fetch\n"
        "import inspect; assert 'fcntl' not in inspect.getsource(tracker.cli.fetch)"
    )
    proc = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], check=False, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
