"""`tracker email` and `tracker digest` as a user runs them: a real SQLite file, a real SMTP server on
loopback (aiosmtpd), the messages parsed back."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
import subprocess
import sys
import zipfile
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import lxml.html
import pytest

from .cli import run
from .conftest import FIXTURES
from .smtp_server import free_port, smtp_server  # noqa: F401  (fixture)
from .test_mail import QUEUE_ID, QueuingInbox

SENDER = "Disclosure Tracker <reports@tracker.example>"
GC = "general.counsel@example.com"
CISO = "ciso@example.org"
RPAGE = """|
Cybersecurity Risk Management and Strategy Disclosure
|12 Months Ended
Dec. 31, {year}
|Cybersecurity Risk Management, Strategy, and Governance [Line Items]
|Cybersecurity Risk Board of Directors Oversight [Text Block]
|Our Board of Directors oversees cybersecurity risk. Our Audit Committee receives quarterly reports from management on {topic} matters.
|Cybersecurity Risk Materially Affected or Reasonably Likely to Materially Affect Registrant [Flag]
|false
"""


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "TRACKER_SMTP_URL",
        "TRACKER_MAIL_FROM",
        "TRACKER_OUTBOX",
        "TRACKER_DB",
        "TRACKER_SMTP_CAFILE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRACKER_SMTP_TIMEOUT", "5")


@pytest.fixture
def db(db_path: Path, tmp_path: Path) -> Path:
    """NWAN 2023 and 2024 (two high-severity fact changes), Southwind 2023 and 2024 (one wording change),
    Eastwind 2024 only."""
    assert run("ingest", FIXTURES / "sample", "--db", db_path)[0] == 0
    for year, topic in ((2023, "cybersecurity"), (2024, "cybersecurity and privacy")):
        add_rpage(db_path, tmp_path, "SWND", "Southwind Ltd", year, topic)
    add_rpage(db_path, tmp_path, "EWND", "Eastwind Ltd", 2024, "cybersecurity")
    return db_path


def add_rpage(db: Path, folder: Path, ticker: str, name: str, year: int, topic: str) -> None:
    path = folder / f"{ticker.lower()}-{year}.txt"
    path.write_text(RPAGE.format(year=year, topic=topic), encoding="utf-8")
    code, out, err = run("ingest", path, "--filer", ticker, "--name", name, "--form", "20-F", "--db", db)
    assert code == 0, err


def parts(msg: EmailMessage) -> tuple[str, str]:
    text, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def summary_of(html: str) -> str:
    return lxml.html.document_fromstring(html).get_element_by_id("summary").text_content()


# -- tracker email -----------------------------------------------------------------------------------
def test_email_sends_text_and_html(db, smtp_server):
    port, inbox = smtp_server()
    code, out, err = run(
        "email",
        "NWAN",
        2023,
        2024,
        "--to",
        GC,
        "--to",
        CISO,
        "--smtp-url",
        f"smtp://127.0.0.1:{port}",
        "--from",
        SENDER,
        "--db",
        db,
    )
    assert code == 0, err
    assert out.startswith(f"sent to {GC}, {CISO} (copy in ")
    assert len(inbox.received) == 1 and inbox.received[0][1] == [GC, CISO]
    msg = inbox.message(-1)
    assert msg.get_content_type() == "multipart/mixed"
    body, *attached = msg.iter_parts()
    assert [p.get_content_type() for p in body.iter_parts()] == ["text/plain", "text/html"]
    assert [(a.get_filename(), a.get_content_type()) for a in attached] == [
        ("NWAN-FY2023-FY2024.html", "text/html")
    ]
    full = attached[0].get_content()
    assert "Item 1C, redlined" in full and "Appendix" in full  # the whole report travels as an attachment
    assert msg["Subject"].startswith("[Significant] NORTHWIND ANALYTICS, INC. FY2023 -> FY2024: ")
    assert msg["From"] == SENDER
    text, html = parts(msg)
    assert text.startswith("NORTHWIND ANALYTICS, INC. (CIK 0009999901, NWAN)") and "Verdict: " in text
    assert "\x1b[" not in text  # no terminal colour in mail
    summary = summary_of(html)
    assert "Verdict:" in summary and "Changes by severity" in summary
    assert "<script" not in html.lower()
    assert not list((db.parent / "outbox").glob("*.eml"))  # sent, so moved out of the outbox
    assert len(list((db.parent / "outbox" / "sent").glob("*.eml"))) == 1


def test_email_settings_from_the_environment_and_subject(db, smtp_server, monkeypatch):
    port, inbox = smtp_server()
    monkeypatch.setenv("TRACKER_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("TRACKER_MAIL_FROM", SENDER)
    code, _, err = run(
        "email", "NWAN", 2023, 2024, "--to", GC, "--subject", "NWAN: board oversight moved", "--db", db
    )
    assert code == 0, err
    assert inbox.message(-1)["Subject"] == "NWAN: board oversight moved"


def test_unreachable_server_keeps_the_message_until_retry(db, smtp_server):
    port = free_port()  # nothing listens yet
    url = f"smtp://127.0.0.1:{port}"
    code, out, err = run(
        "email", "NWAN", 2023, 2024, "--to", GC, "--smtp-url", url, "--from", SENDER, "--db", db
    )
    assert code == 3
    outbox = db.parent / "outbox"
    kept = list(outbox.glob("*.eml"))
    assert len(kept) == 1
    assert err == (
        f"error: the mail server {url} refused the connection; check the host and port in "
        f"TRACKER_SMTP_URL and that the server is running; the message was kept in {kept[0]} and "
        "`tracker email --retry` will send it later.\n"
    )

    code, out, err = run("email", "--retry", "--smtp-url", url, "--db", db)  # still down
    assert code == 3 and f"not sent {kept[0].name}: the mail server {url} refused the connection" in err
    assert list(outbox.glob("*.eml")) == kept

    _, inbox = smtp_server(port)
    code, out, err = run("email", "--retry", "--smtp-url", url, "--db", db)
    assert code == 0, err
    assert out == f"sent {kept[0].name} to {GC}\n"
    assert len(inbox.received) == 1 and "Verdict:" in summary_of(parts(inbox.message(-1))[1])
    assert not list(outbox.glob("*.eml"))

    code, out, _ = run("email", "--retry", "--smtp-url", url, "--db", db)
    assert (code, out) == (0, f"nothing to send: the outbox {outbox} is empty\n")
    assert len(inbox.received) == 1


def test_email_dry_run_writes_the_eml_and_needs_no_server(db, tmp_path):
    eml = tmp_path / "report.eml"
    code, out, err = run(
        "email", "NWAN", 2023, 2024, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert code == 0, err
    assert out == f"wrote {eml} (nothing sent)\n"
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert msg.get_content_type() == "multipart/mixed" and msg["To"] == GC
    assert "Verdict:" in summary_of(parts(msg)[1])


def test_email_attaches_the_word_redline_when_asked(db, tmp_path):
    eml = tmp_path / "report.eml"
    code, _, err = run(
        "email",
        "NWAN",
        2023,
        2024,
        "--to",
        GC,
        "--from",
        SENDER,
        "--attach-docx",
        "--dry-run",
        eml,
        "--db",
        db,
    )
    assert code == 0, err
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    attached = {a.get_filename(): a for a in msg.iter_attachments()}
    assert set(attached) == {"NWAN-FY2023-FY2024.html", "NWAN-FY2023-FY2024.docx"}
    docx = attached["NWAN-FY2023-FY2024.docx"].get_content()
    with zipfile.ZipFile(io.BytesIO(docx)) as z:  # a Word file whose body carries tracked changes by tracker
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body and 'w:author="tracker"' in body


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["NWAN", "2023", "2024"],
            "give FILER OLD_YEAR NEW_YEAR and at least one --to ADDRESS (or --retry).",
        ),
        (["--to", GC], "give FILER OLD_YEAR NEW_YEAR and at least one --to ADDRESS (or --retry)."),
        (["--retry", "--to", GC], "--retry sends what the outbox holds; give it no filer, years or --to."),
    ],
)
def test_email_usage_errors(db, args, message):
    code, _, err = run("email", *args, "--db", db)
    assert (code, err) == (2, f"error: {message}\n")


def test_email_without_server_settings(db):
    code, _, err = run("email", "NWAN", 2023, 2024, "--to", GC, "--from", SENDER, "--db", db)
    assert code == 2
    assert err.startswith("error: no mail server is configured; set TRACKER_SMTP_URL to ")


# -- tracker digest ----------------------------------------------------------------------------------
@pytest.fixture
def watchlist(tmp_path: Path) -> Path:
    path = tmp_path / "watchlist.txt"
    path.write_text("# filers we follow\nSWND\n0009999901   # NWAN by CIK\n\nEWND\nNOPE\n", encoding="utf-8")
    return path


def digest(db: Path, watchlist: Path, port: int, *extra: object) -> tuple[int, str, str]:
    return run(
        "digest",
        "--watchlist",
        watchlist,
        "--to",
        GC,
        "--smtp-url",
        f"smtp://127.0.0.1:{port}",
        "--from",
        SENDER,
        "--db",
        db,
        *extra,
    )


def test_digest_most_severe_first_with_reports_attached(db, watchlist, smtp_server):
    port, inbox = smtp_server()
    code, out, err = digest(db, watchlist, port)
    assert code == 0, err
    assert out.startswith("digest covering NORTHWIND ANALYTICS, INC., Southwind Ltd:\nsent to ")
    assert "left out EWND (Eastwind Ltd): only one stored year (2024), nothing to compare yet." in err
    assert "left out NOPE: no filer matches 'NOPE' among the 3 stored filers" in err
    msg = inbox.message(-1)
    assert msg.get_content_type() == "multipart/mixed"
    assert re.fullmatch(
        r"Disclosure digest: 2 filers, 1 significant \(\d+ high, \d+ medium, \d+ low\)", msg["Subject"]
    )
    text, html = parts(msg)
    assert text.index("NORTHWIND") < text.index("Southwind")  # NWAN has high-severity changes
    doc = lxml.html.document_fromstring(html)
    names = [h.text_content() for h in doc.xpath("//div[@class='digest-entry']/h2[1]")]
    assert names == ["NORTHWIND ANALYTICS, INC.", "Southwind Ltd"]
    assert "Left out" in doc.text_content() and not doc.xpath("//script | //img")
    attachments = {a.get_filename(): a.get_content() for a in msg.iter_attachments()}
    assert sorted(attachments) == ["NWAN-2023-2024.html", "SWND-2023-2024.html"]
    assert "Verdict:" in summary_of(attachments["NWAN-2023-2024.html"])
    state = json.loads((db.parent / "digest-state.json").read_text(encoding="utf-8"))
    assert {k: (v["fiscal_year"], v["version"]) for k, v in state["filers"].items()} == {
        "0009999901": (2024, 1),
        next(k for k in state["filers"] if k != "0009999901"): (2024, 1),
    }


def test_digest_twice_sends_nothing_new_then_a_new_year(db, watchlist, smtp_server, tmp_path):
    port, inbox = smtp_server()
    assert digest(db, watchlist, port)[0] == 0
    code, out, _ = digest(db, watchlist, port)
    assert (code, out) == (0, "nothing new since the last digest: no message sent\n")
    assert len(inbox.received) == 1

    add_rpage(db, tmp_path, "SWND", "Southwind Ltd", 2025, "cybersecurity, privacy and resilience")
    code, out, err = digest(db, watchlist, port)
    assert code == 0, err
    assert out.startswith("digest covering Southwind Ltd:")
    msg = inbox.message(-1)
    assert [a.get_filename() for a in msg.iter_attachments()] == ["SWND-2024-2025.html"]
    assert msg["Subject"].startswith("Disclosure digest: 1 filer, ")


def test_digest_failure_keeps_message_and_state(db, watchlist):
    port = free_port()
    code, _, err = digest(db, watchlist, port)
    assert code == 3 and "refused the connection" in err and "kept in" in err
    assert not (db.parent / "digest-state.json").exists()
    assert len(list((db.parent / "outbox").glob("*.eml"))) == 1


def test_digest_dry_run_remembers(db, watchlist, tmp_path):
    eml = tmp_path / "digest.eml"
    code, out, err = run(
        "digest", "--watchlist", watchlist, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert code == 0, err
    assert out.startswith(f"wrote {eml} covering NORTHWIND ANALYTICS, INC., Southwind Ltd")
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert len(list(msg.iter_attachments())) == 2
    assert (db.parent / "digest-state.json").exists()
    code, out, _ = run(
        "digest", "--watchlist", watchlist, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert out == "nothing new since the last digest: no message sent\n"


def test_digest_empty_watchlist(db, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("# nothing yet\n\n", encoding="utf-8")
    code, _, err = run(
        "digest", "--watchlist", path, "--to", GC, "--from", SENDER, "--dry-run", tmp_path, "--db", db
    )
    assert (code, err) == (
        2,
        f"error: the watchlist {path} names no filer; write one ticker or CIK per line.\n",
    )


# -- a password is never shown ---------------------------------------------------------------------------------
TRACKER = Path(sys.executable).with_name("tracker")  # the installed console script, as a user runs it
TRACKER_COMMAND = (
    [str(TRACKER)] if TRACKER.is_file() else [sys.executable, "-c", "from tracker.cli import main; main()"]
)
SECRET = "S3cretPa55"


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"smtp@//reports:{SECRET}@mail.example.com:587", "smtp@//reports:***@mail.example.com:587"),
        (f"smtp://reports@{SECRET}@mail.example.com:587", "smtp://reports@***@mail.example.com:587"),
    ],
)
def test_a_mistyped_server_url_never_shows_the_password(db, watchlist, url, shown, debug):
    for command in (["digest", "--watchlist", str(watchlist)], ["email", "NWAN", "2023", "2024"]):
        done = subprocess.run(
            [
                *TRACKER_COMMAND,
                *command,
                "--to",
                GC,
                "--from",
                SENDER,
                "--smtp-url",
                url,
                "--db",
                str(db),
                *(["--debug"] if debug else []),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert SECRET not in done.stdout + done.stderr, command
        assert repr(shown) in done.stderr
        if not debug:  # with --debug, a traceback may come too: it shows no password either
            assert done.returncode == 2 and done.stderr.startswith("error: the mail server URL ")
            assert done.stderr.count("\n") == 1  # one sentence


# -- names that carry line breaks ------------------------------------------------------------------------------
NWAN_CIK = "0009999901"


def update(db: Path, sql: str, *params: object) -> None:
    """Change the database file as another program (or an older tracker) may have left it."""
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        assert conn.execute(sql, params).rowcount > 0, sql


@pytest.mark.parametrize(
    "name",
    [
        "NORTHWIND\u2028ANALYTICS, INC.",
        "NORTHWIND\x0cANALYTICS, INC.",
        "NORTHWIND\r\nANALYTICS, INC.",
        "NORTHWIND\u2029 \x85ANALYTICS, INC.",
    ],
)
def test_line_breaks_in_a_filer_name_are_folded(db, tmp_path, name):
    update(db, "update filers set name = ? where cik = ?", name, NWAN_CIK)
    eml = tmp_path / "report.eml"
    code, out, err = run(
        "email", NWAN_CIK, 2023, 2024, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert code == 0, err
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert msg["Subject"].startswith("[Significant] NORTHWIND ANALYTICS, INC. FY2023 -> FY2024: ")

    watched = tmp_path / "watchlist.txt"
    watched.write_text(f"{NWAN_CIK}\nSWND\n", encoding="utf-8")
    code, out, err = run(
        "digest", "--watchlist", watched, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert code == 0, err
    assert out.startswith(f"wrote {eml} covering NORTHWIND ANALYTICS, INC., Southwind Ltd")
    digest_msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert sorted(a.get_filename() for a in digest_msg.iter_attachments()) == [
        "NWAN-2023-2024.html",
        "SWND-2023-2024.html",
    ]


def test_line_breaks_in_a_ticker_are_folded(db, tmp_path):
    update(db, "update filers set tickers = ? where cik = ?", json.dumps(["NW\r\nAN"]), NWAN_CIK)
    update(db, "update tickers set ticker = ? where ticker = 'NWAN'", "NW\r\nAN")
    eml = tmp_path / "report.eml"
    code, _, err = run(
        "email",
        NWAN_CIK,
        2023,
        2024,
        "--to",
        GC,
        "--from",
        SENDER,
        "--attach-docx",
        "--dry-run",
        eml,
        "--db",
        db,
    )
    assert code == 0, err
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert sorted(a.get_filename() for a in msg.iter_attachments()) == [
        "NW AN-FY2023-FY2024.docx",
        "NW AN-FY2023-FY2024.html",
    ]
    watched = tmp_path / "watchlist.txt"
    watched.write_text(f"{NWAN_CIK}\n", encoding="utf-8")
    code, _, err = run(
        "digest", "--watchlist", watched, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert code == 0, err
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert [a.get_filename() for a in msg.iter_attachments()] == ["NW AN-2023-2024.html"]


def test_a_digest_goes_on_past_a_filer_that_cannot_be_compared(db, watchlist, tmp_path):
    update(
        db,
        "update facts set value = '{' where filing_id in "
        "(select f.id from filings f join filers fl on fl.id = f.filer_id where fl.cik = ?)",
        NWAN_CIK,
    )
    eml = tmp_path / "digest.eml"
    code, out, err = run(
        "digest", "--watchlist", watchlist, "--to", GC, "--from", SENDER, "--dry-run", eml, "--db", db
    )
    assert code == 0, err
    assert out == f"wrote {eml} covering Southwind Ltd (nothing sent)\n"
    assert f"left out {NWAN_CIK}: cannot be compared (JSONDecodeError: " in err
    assert err.count("the next digest tries again.") == 1
    msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert [a.get_filename() for a in msg.iter_attachments()] == ["SWND-2023-2024.html"]
    state = json.loads((db.parent / "digest-state.json").read_text(encoding="utf-8"))
    assert NWAN_CIK not in state["filers"] and len(state["filers"]) == 1  # tried again next time


# -- a message the server accepted is not sent twice -----------------------------------------------------------
def test_a_retry_says_the_server_already_accepted_it(db, smtp_server):
    port, inbox = smtp_server(inbox=QueuingInbox())
    url = f"smtp://127.0.0.1:{port}"
    outbox = db.parent / "outbox"
    outbox.mkdir()
    (outbox / "sent").write_text("not a folder")  # the move to sent/ fails after the server accepted
    code, out, err = run(
        "email", "NWAN", 2023, 2024, "--to", GC, "--smtp-url", url, "--from", SENDER, "--db", db
    )
    assert code == 0, err
    [kept] = outbox.glob("*.eml")
    assert out == f"sent to {GC} (queued as {QUEUE_ID}; copy in {kept})\n"
    assert err.startswith(
        f"warning: the mail server accepted the message as {QUEUE_ID} but {kept} could not be moved to "
    )

    (outbox / "sent").unlink()
    code, out, err = run("email", "--retry", "--smtp-url", url, "--db", db)
    assert (code, out, err) == (
        0,
        f"not sent {kept.name} again: the mail server already accepted it as {QUEUE_ID}\n",
        "",
    )
    assert len(inbox.received) == 1 and not list(outbox.glob("*.eml"))
