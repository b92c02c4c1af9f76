"""tracker.notify.mail against a real SMTP server on loopback (aiosmtpd): plain, STARTTLS + AUTH, implicit TLS,
failures that keep the message in the outbox, retry, dry run, and the errors for bad settings."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import sys
import textwrap
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from tracker.errors import BadInput, ExitCode
from tracker.notify.mail import (
    MAIL_POLICY,
    MailError,
    MailSettings,
    build_message,
    deliver,
    dry_run,
    from_env,
    one_line,
    outbox_path,
    queued,
    read_eml,
    retry,
)

from .smtp_server import Inbox, free_port, smtp_server  # noqa: F401  (fixture)

SENDER = "Disclosure Tracker <reports@tracker.example>"
TO = ["ciso@example.com", "Zoë Müller <zoe@example.org>"]
SUBJECT = "Änderungen: AMAZON.COM 2023 → 2024 (1 high)"
TEXT = "Grüße — the board's oversight changed.\nNIST CSF added ✓\n"
HTML = "<html><body><h1>Änderungen</h1>\n<p>NIST CSF added ✓ &amp; more</p></body></html>"
USER, PASSWORD = "tracker", "p@ss:wörd/1"  # smtplib's login() cannot send this one: tracker.notify.mail does
FAST = 5.0  # seconds: every server here answers at once


# -- a real SMTP server ----------------------------------------------------------------------------
class Logins:
    """aiosmtpd authenticator accepting one user and password; remembers the mechanisms used."""

    def __init__(self, password: str = PASSWORD) -> None:
        self.password = password
        self.mechanisms: list[str] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        self.mechanisms.append(mechanism)
        ok = isinstance(data, LoginPassword) and data == (USER.encode(), self.password.encode())
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, made at test time: (cert.pem, key.pem)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def server_tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return context


def settings(url: str, **options: Any) -> MailSettings:
    """Settings from options only (the caller's environment is ignored)."""
    return from_env(url, SENDER, timeout=options.pop("timeout", FAST), environ={}, **options)


def report(**overrides: Any) -> EmailMessage:
    fields: dict[str, Any] = dict(sender=SENDER, to=TO, subject=SUBJECT, text=TEXT, html=HTML)
    return build_message(**(fields | overrides))


def body(msg: EmailMessage, kind: str) -> str:
    """The decoded text or HTML part, with the wire's CRLF line ends as \\n and no final newline."""
    part = msg.get_body((kind,))
    assert part is not None
    return part.get_content().replace("\r\n", "\n").rstrip("\n")


def assert_kept(outbox: Path, error: MailError) -> None:
    """The unsent message is the one .eml in the outbox, named in the error, and nothing is in sent/."""
    files = queued(outbox)
    assert len(files) == 1 and error.kept == files[0]
    assert read_eml(files[0])["Subject"] == SUBJECT
    assert str(error).endswith(
        f"; the message was kept in {files[0]} and `tracker email --retry` will send it later."
    )
    assert not list((outbox / "sent").glob("*.eml"))


# -- sending ---------------------------------------------------------------------------------------
def test_message_is_sent_and_received_intact(smtp_server, tmp_path):
    port, inbox = smtp_server()
    outbox = tmp_path / "outbox"
    result = deliver(report(), settings(f"smtp://127.0.0.1:{port}"), outbox)

    assert result.sent and result.recipients == ["ciso@example.com", "zoe@example.org"]
    mail_from, rcpt_tos, _, tls = inbox.received[0]
    assert (mail_from, rcpt_tos, tls) == ("reports@tracker.example", result.recipients, False)
    msg = inbox.message()
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Subject"] == SUBJECT and msg["From"] == SENDER and msg["To"] == ", ".join(TO)
    assert msg["Message-ID"] == result.message_id and msg["Message-ID"].endswith("@tracker.example>")
    assert msg["Date"].datetime is not None
    assert body(msg, "plain") == TEXT.rstrip("\n")
    assert body(msg, "html") == HTML
    assert not queued(outbox) and result.path == outbox / "sent" / result.path.name and result.path.is_file()


def test_attachments_are_parts_with_filenames(smtp_server, tmp_path):
    port, inbox = smtp_server()
    files = [
        ("AMZN-2024.html", HTML.encode(), "text/html"),
        ("changes.json", b'{"high": 1}', "application/json"),
        ("Jahresbericht-ä.pdf", b"%PDF-1.7 \x00\xff", ""),
    ]
    deliver(report(attachments=files), settings(f"smtp://127.0.0.1:{port}"), tmp_path / "outbox")

    msg = inbox.message()
    assert msg.get_content_type() == "multipart/mixed"
    assert next(msg.iter_parts()).get_content_type() == "multipart/alternative"
    got = [
        (a.get_filename(), a.get_payload(decode=True), a.get_content_type()) for a in msg.iter_attachments()
    ]
    assert got == [
        ("AMZN-2024.html", HTML.encode(), "text/html"),
        ("changes.json", b'{"high": 1}', "application/json"),
        ("Jahresbericht-ä.pdf", b"%PDF-1.7 \x00\xff", "application/pdf"),
    ]
    assert body(msg, "html") == HTML


@pytest.mark.parametrize("password", [PASSWORD, "ascii:only/pw"])
@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_starttls_and_login(smtp_server, server_tls, certificate, tmp_path, mechanism, password):
    logins = Logins(password)
    other = {"PLAIN": "LOGIN", "LOGIN": "PLAIN"}[mechanism]
    port, inbox = smtp_server(
        tls_context=server_tls,
        require_starttls=True,
        authenticator=logins,
        auth_required=True,
        auth_exclude_mechanism=[other],
    )
    url = f"smtp://{USER}:{quote(password, safe='')}@127.0.0.1:{port}"
    result = deliver(report(), settings(url, cafile=certificate[0]), tmp_path / "outbox")

    assert result.sent and logins.mechanisms == [mechanism]
    assert inbox.received[0][3] is True  # the message travelled over TLS
    assert body(inbox.message(), "html") == HTML


def test_wrong_password_is_refused_and_the_message_kept(smtp_server, server_tls, certificate, tmp_path):
    port, inbox = smtp_server(
        tls_context=server_tls, require_starttls=True, authenticator=Logins(), auth_required=True
    )
    outbox = tmp_path / "outbox"
    with pytest.raises(MailError) as caught:
        url = f"smtp://{USER}:Wr0ngPa55@127.0.0.1:{port}"
        deliver(report(), settings(url, cafile=certificate[0]), outbox)

    assert str(caught.value).startswith(
        f"the mail server smtp://tracker@127.0.0.1:{port} refused the login of user 'tracker' "
        "(535 5.7.8 Authentication credentials invalid); check the user and password in TRACKER_SMTP_URL; "
        "the message was kept in "
    )
    assert "Wr0ngPa55" not in str(caught.value)
    assert_kept(outbox, caught.value)
    assert inbox.received == []


def test_untrusted_certificate_is_refused(smtp_server, server_tls, tmp_path):
    port, inbox = smtp_server(tls_context=server_tls, require_starttls=True)
    with pytest.raises(
        MailError,
        match=r"^the TLS certificate of the mail server smtp://127\.0\.0\.1:\d+ "
        r"cannot be trusted \(self.signed certificate\); "
        r".*TRACKER_SMTP_CAFILE",
    ):
        deliver(report(), settings(f"smtp://127.0.0.1:{port}"), tmp_path / "outbox")
    assert inbox.received == []


def test_password_never_travels_without_tls(smtp_server, tmp_path):
    port, inbox = smtp_server()  # no tls_context: STARTTLS is not offered
    outbox = tmp_path / "outbox"
    with pytest.raises(MailError) as caught:
        deliver(report(), settings(f"smtp://{USER}:S3cretPa55@127.0.0.1:{port}"), outbox)
    assert "S3cretPa55" not in str(caught.value) and inbox.received == []
    assert str(caught.value).startswith(
        f"the mail server smtp://tracker@127.0.0.1:{port} does not offer STARTTLS, so the password would "
        "travel unencrypted; use smtps:// (implicit TLS, usually port 465) or a server that offers "
        "STARTTLS; "
    )
    assert_kept(outbox, caught.value)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtps_implicit_tls(smtp_server, server_tls, certificate, tmp_path):
    logins = Logins()
    port, inbox = smtp_server(
        ssl_context=server_tls, authenticator=logins, auth_required=True, auth_require_tls=False
    )  # the whole connection is TLS
    url = f"smtps://{USER}:{quote(PASSWORD, safe='')}@127.0.0.1:{port}"
    result = deliver(report(), settings(url, cafile=certificate[0]), tmp_path / "outbox")
    assert result.sent and logins.mechanisms and inbox.received[0][3] is True
    assert inbox.message()["Subject"] == SUBJECT


def test_smtps_to_a_plain_port_fails_the_handshake(smtp_server, tmp_path):
    port, inbox = smtp_server()
    expected = (
        r"^the TLS handshake with the mail server smtps://127\.0\.0\.1:\d+ failed "
        r"\(WRONG_VERSION_NUMBER\); use smtps:// for a port that expects implicit TLS "
        r"\(usually 465\) and smtp:// for STARTTLS \(usually 587\); the message was kept"
    )
    with pytest.raises(MailError, match=expected):
        deliver(report(), settings(f"smtps://127.0.0.1:{port}"), tmp_path / "outbox")
    assert inbox.received == []


def test_recipients_refused(smtp_server, tmp_path):
    port, _ = smtp_server(inbox=Inbox(refuse=("ciso@example.com", "zoe@example.org")))
    outbox = tmp_path / "outbox"
    with pytest.raises(MailError) as caught:
        deliver(report(), settings(f"smtp://127.0.0.1:{port}"), outbox)
    assert str(caught.value).startswith(
        f"the mail server smtp://127.0.0.1:{port} refused every recipient: ciso@example.com (550 5.1.1 "
        "mailbox unavailable), zoe@example.org (550 5.1.1 mailbox unavailable); check the addresses; "
        "the message was kept"
    )
    assert_kept(outbox, caught.value)


def test_some_recipients_refused_is_sent_and_reported(smtp_server, tmp_path):
    port, inbox = smtp_server(inbox=Inbox(refuse=("zoe@example.org",)))
    result = deliver(report(), settings(f"smtp://127.0.0.1:{port}"), tmp_path / "outbox")
    assert result.sent and result.refused == {"zoe@example.org": "550 5.1.1 mailbox unavailable"}
    assert inbox.received[0][1] == ["ciso@example.com"]


# -- failures keep the message; retry sends it later -----------------------------------------------
def test_connection_refused_then_retry_delivers(smtp_server, tmp_path):
    port = free_port()  # nothing listens here yet
    outbox = tmp_path / "outbox"
    mail = settings(f"smtp://127.0.0.1:{port}")
    with pytest.raises(MailError) as caught:
        deliver(report(subject="first"), mail, outbox)
    assert str(caught.value).startswith(
        f"the mail server smtp://127.0.0.1:{port} refused the connection; check the host and port in "
        "TRACKER_SMTP_URL and that the server is running; the message was kept in "
    )
    assert caught.value.exit_code == ExitCode.FAILURE
    with pytest.raises(MailError):
        deliver(report(subject="second"), mail, outbox)
    assert len(queued(outbox)) == 2

    down = retry(mail, outbox)  # still down: the first fails, the second is not tried
    assert [r.sent for r in down] == [False, False]
    assert down[0].error.startswith(f"the mail server smtp://127.0.0.1:{port} refused the connection")
    assert down[1].error.startswith("not tried after: the mail server")

    _, inbox = smtp_server(port=port)
    results = retry(mail, outbox)
    assert [(r.sent, r.error) for r in results] == [(True, None), (True, None)]
    assert [inbox.message(i)["Subject"] for i in range(2)] == ["first", "second"]  # oldest first
    assert not queued(outbox)
    sent = sorted(r.path.name for r in results)
    assert sorted(p.name for p in (outbox / "sent").iterdir()) == sorted(
        sent + [n + ".accepted" for n in sent]
    )
    assert retry(mail, outbox) == []


def test_timeout_keeps_the_message(tmp_path):
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        port = silent.getsockname()[1]
        outbox = tmp_path / "outbox"
        with pytest.raises(MailError) as caught:
            deliver(report(), settings(f"smtp://127.0.0.1:{port}", timeout=0.3), outbox)
    assert str(caught.value).startswith(
        f"the mail server smtp://127.0.0.1:{port} did not answer within 0.3 seconds; check the host and port "
        "in TRACKER_SMTP_URL (an implicit-TLS port needs smtps://) or raise TRACKER_SMTP_TIMEOUT; "
    )
    assert_kept(outbox, caught.value)


def test_dry_run_writes_a_parseable_eml_and_contacts_no_server(tmp_path, monkeypatch):
    def no_network(*args: Any) -> None:
        raise AssertionError("dry_run opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = dry_run(report(attachments=[("a.txt", "ü".encode(), "text/plain")]), tmp_path / "report.eml")
    assert path == tmp_path / "report.eml"
    msg = read_eml(path)
    assert msg["Subject"] == SUBJECT and body(msg, "plain") == TEXT.rstrip("\n")
    assert [a.get_content() for a in msg.iter_attachments()] == ["ü"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.eml"]  # no temporary file left behind
    in_folder = dry_run(report(), tmp_path)
    assert in_folder.parent == tmp_path and in_folder.suffix == ".eml"


# -- settings and input errors ---------------------------------------------------------------------
def test_settings_from_the_environment(certificate):
    env = {
        "TRACKER_SMTP_URL": "smtps://me%40corp.example:p%3Aw%2F@Mail.Example.com",
        "TRACKER_MAIL_FROM": "reports@corp.example",
        "TRACKER_SMTP_TIMEOUT": "7.5",
        "TRACKER_SMTP_CAFILE": str(certificate[0]),
    }
    s = from_env(environ=env)
    assert (s.scheme, s.host, s.port, s.username, s.password) == (
        "smtps",
        "mail.example.com",
        465,
        "me@corp.example",
        "p:w/",
    )
    assert (s.sender, s.timeout, s.cafile) == ("reports@corp.example", 7.5, certificate[0])
    assert s.server == "smtps://me%40corp.example@mail.example.com:465" and "p:w/" not in repr(s)
    s = from_env("smtp://relay.example", "other@corp.example", timeout=2, environ=env)
    assert (s.scheme, s.port, s.username, s.sender, s.timeout) == ("smtp", 587, None, "other@corp.example", 2)


def test_default_outbox_is_beside_the_database(tmp_path):
    assert outbox_path(None, tmp_path / "db" / "tracker.db", environ={}) == tmp_path / "db" / "outbox"
    assert outbox_path(None, Path("x.db"), environ={"TRACKER_OUTBOX": "/q"}) == Path("/q")
    assert outbox_path(tmp_path, Path("x.db"), environ={"TRACKER_OUTBOX": "/q"}) == tmp_path


EXAMPLE = "smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (implicit TLS)"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "mail.example.com:587",
            f"the mail server URL 'mail.example.com:587' is malformed; write {EXAMPLE}.",
        ),
        # typos: `@` for `:` (after the scheme, between user and password, before the port), `:` for `@`
        (
            "smtp@//user:S3cretPa55@host:587",
            f"the mail server URL 'smtp@//user:***@host:587' is malformed; write {EXAMPLE}.",
        ),
        (
            "smtp://user@S3cretPa55@host:587",
            "the mail server URL 'smtp://user@***@host:587' needs both a user and a password, or neither; "
            "write smtp://user:password@host:587.",
        ),
        (
            "smtp://user:S3cretPa55@host@587",
            f"the mail server URL 'smtp://user:***@587' is malformed; write {EXAMPLE}.",
        ),
        (
            "smtp://user:S3cretPa55:host:587",
            "the port in the mail server URL 'smtp://user:***' is not a number from 1 to 65535.",
        ),
        (
            "user:S3cretPa55@host:587",
            f"the mail server URL 'user:***@host:587' is malformed; write {EXAMPLE}.",
        ),
        (
            "smtp//user:S3cretPa55@host",
            f"the mail server URL 'smtp//user:***@host' is malformed; write {EXAMPLE}.",
        ),
        (
            "http://mail.example.com",
            f"the mail server URL 'http://mail.example.com' has the unknown scheme 'http'; write {EXAMPLE}.",
        ),
        ("smtp://", f"the mail server URL 'smtp://' is malformed; write {EXAMPLE}."),
        (
            "smtp://mail server.example",
            f"the mail server URL 'smtp://mail server.example' is malformed; write {EXAMPLE}.",
        ),
        (
            "smtp://u:secret@host/inbox",  # the password is never shown
            f"the mail server URL 'smtp://u:***@host/inbox' is malformed; write {EXAMPLE}.",
        ),
        (
            "smtp://host:99999",
            "the port in the mail server URL 'smtp://host:99999' is not a number from 1 to 65535.",
        ),
        (
            "smtps://host:ssl",
            "the port in the mail server URL 'smtps://host:ssl' is not a number from 1 to 65535.",
        ),
        (
            "smtp://user@host",
            "the mail server URL 'smtp://user@host' needs both a user and a password, or neither; "
            "write smtp://user:password@host:587.",
        ),
    ],
)
def test_malformed_url(url, message):
    with pytest.raises(BadInput) as caught:
        from_env(url, "reports@example.com", environ={})
    assert str(caught.value) == message
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    chain: list[BaseException] = []  # what a traceback could show: the error and every error it came from
    error: BaseException | None = caught.value
    while error is not None and len(chain) < 10:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert not any("S3cretPa55" in repr(e.args) for e in chain)


def test_missing_server_or_sender():
    with pytest.raises(BadInput, match=r"^no mail server is configured; set TRACKER_SMTP_URL to smtp://"):
        from_env(None, "reports@example.com", environ={})
    with pytest.raises(BadInput) as caught:
        from_env("smtp://localhost", None, environ={})
    assert str(caught.value) == (
        "no sender address; set TRACKER_MAIL_FROM (e.g. reports@example.com) or give one."
    )


@pytest.mark.parametrize(
    "address",
    [
        "not-an-address",
        "a@b@example.com",
        "ciso@",
        "two words@example.com",
        "a@example.com, b@example.com",
        "a@example.com\nBcc: x@evil.example",
        "a..b@example.com",
        "a@-example.com",
    ],
)
def test_malformed_address(address):
    with pytest.raises(BadInput) as caught:
        report(to=["ok@example.com", address])
    assert str(caught.value) == (
        f"the recipient address {address!r} is not a valid e-mail address; write it as name@example.com."
    )


def test_malformed_sender_and_no_recipient():
    with pytest.raises(BadInput, match=r"^the sender address 'tracker' is not a valid e-mail address; "):
        report(sender="tracker")
    with pytest.raises(BadInput, match=r"^the message has no recipient; give at least one address\.$"):
        report(to=[])


@pytest.mark.parametrize("length", [60, 72, 75, 78, 120])
def test_long_subjects_read_back_unchanged(length: int) -> None:
    subject = ("Disclosure digest: 12 filers (2 high, 4 medium, 8 low) " + "x" * 200)[:length]
    msg = build_message(
        sender="a@example.com", to=["b@example.com"], subject=subject, text="x", html="<p>x</p>"
    )
    parsed = BytesParser(policy=policy.default).parsebytes(msg.as_bytes(policy=MAIL_POLICY))
    assert parsed["subject"] == subject


@pytest.mark.parametrize(
    "name",
    [
        "NORTHWIND\u2028ANALYTICS",
        "NORTHWIND\x0cANALYTICS",
        "NORTHWIND\r\nANALYTICS",
        "NORTHWIND \x85\x1c ANALYTICS",
        "NORTHWIND\u2029\tANALYTICS",
    ],
)
def test_line_breaks_in_names_are_folded_in_headers(name: str) -> None:
    assert one_line(name) == "NORTHWIND ANALYTICS"
    msg = build_message(
        sender=SENDER,
        to=TO,
        subject=f"[Significant] {one_line(name)} FY2023 -> FY2024",
        text=TEXT,
        attachments=[(f"{name}-FY2023-FY2024.html", b"<p>x</p>", "text/html")],
    )
    parsed = BytesParser(policy=policy.default).parsebytes(msg.as_bytes(policy=MAIL_POLICY))
    assert parsed["Subject"] == "[Significant] NORTHWIND ANALYTICS FY2023 -> FY2024"
    assert [a.get_filename() for a in parsed.iter_attachments()] == ["NORTHWIND ANALYTICS-FY2023-FY2024.html"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x85", "\x1d"])
def test_a_subject_with_a_line_separator_is_one_line(separator: str) -> None:
    msg = build_message(sender=SENDER, to=TO, subject=f"Board{separator}oversight moved", text=TEXT)
    assert (
        BytesParser(policy=policy.default).parsebytes(msg.as_bytes(policy=MAIL_POLICY))["Subject"]
        == "Board oversight moved"
    )


# -- accepted is accepted: the queue id is recorded, a retry does not send it again --------------------------
QUEUE_ID = "4F1D72C0F9"


class QueuingInbox(Inbox):
    """An inbox whose server answers the message with a queue id (as Postfix does) and, with ``fail_quit``,
    fails the goodbye after accepting it."""

    def __init__(self, fail_quit: bool = False) -> None:
        super().__init__()
        self.fail_quit = fail_quit

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await super().handle_DATA(server, session, envelope)
        return f"250 2.0.0 Ok: queued as {QUEUE_ID}"

    async def handle_QUIT(self, server: Any, session: Any, envelope: Any) -> str:
        return "451 4.3.0 Error: queue file write error" if self.fail_quit else "221 2.0.0 Bye"


def test_a_failure_after_the_server_accepted_is_no_failure(smtp_server, tmp_path):
    port, inbox = smtp_server(inbox=QueuingInbox(fail_quit=True))
    outbox, mail = tmp_path / "outbox", settings(f"smtp://127.0.0.1:{port}")
    result = deliver(report(), mail, outbox)
    assert result.sent and (result.queue_id, result.answer) == (
        QUEUE_ID,
        f"250 2.0.0 Ok: queued as {QUEUE_ID}",
    )
    assert not queued(outbox) and result.path == outbox / "sent" / result.path.name
    record = json.loads((outbox / "sent" / (result.path.name + ".accepted")).read_text(encoding="utf-8"))
    assert record["queue_id"] == QUEUE_ID and record["answer"].endswith(QUEUE_ID)
    assert retry(mail, outbox) == []
    assert len(inbox.received) == 1  # delivered once


def test_a_retry_does_not_send_again_what_the_server_accepted(smtp_server, tmp_path):
    port, inbox = smtp_server(inbox=QueuingInbox())
    outbox, mail = tmp_path / "outbox", settings(f"smtp://127.0.0.1:{port}")
    outbox.mkdir()
    (outbox / "sent").write_text("not a folder")  # the move to sent/ fails after the server accepted
    result = deliver(report(), mail, outbox)
    assert result.sent and result.queue_id == QUEUE_ID and queued(outbox) == [result.path]
    assert result.warning == (
        f"the mail server accepted the message as {QUEUE_ID} but {result.path} could not be moved to "
        f"{outbox / 'sent'} (File exists); its acceptance is recorded in {result.path.name}.accepted, so "
        "`tracker email --retry` will not send it again."
    )

    (outbox / "sent").unlink()
    again = retry(mail, outbox)
    assert [(r.sent, r.already_accepted, r.queue_id) for r in again] == [(True, True, QUEUE_ID)]
    assert len(inbox.received) == 1  # not sent twice
    assert not queued(outbox) and again[0].path == outbox / "sent" / result.path.name
    assert (outbox / "sent" / (result.path.name + ".accepted")).is_file()


def test_without_a_record_a_failed_move_says_a_retry_would_send_again(smtp_server, tmp_path, monkeypatch):
    import tracker.notify.mail as mail_module

    port, inbox = smtp_server(inbox=QueuingInbox())
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    (outbox / "sent").write_text("not a folder")  # the move fails

    def queue_as_x(message: EmailMessage, folder: Path) -> Path:
        """Queue as x.eml, with a folder where its acceptance record would go: the record cannot be written."""
        (folder / "x.eml.accepted").mkdir()
        path = folder / "x.eml"
        path.write_bytes(message.as_bytes(policy=MAIL_POLICY))
        return path

    monkeypatch.setattr(mail_module, "_write_eml", queue_as_x)
    result = deliver(report(), settings(f"smtp://127.0.0.1:{port}"), outbox)
    assert result.sent and len(inbox.received) == 1
    assert result.warning == (
        f"the mail server accepted the message as {QUEUE_ID} but {outbox / 'x.eml'} could not "
        f"be moved to {outbox / 'sent'} (File exists); move it there yourself or a retry will "
        "send it again."
    )


def test_the_outbox_lock_needs_no_fcntl(tmp_path):
    # Windows has no fcntl: the outbox lock must not need it (filelock), and must still exclude another sender
    script = textwrap.dedent(f"""
        import sys
        sys.modules["fcntl"] = None  # as on Windows: `import fcntl` fails
        import filelock
        from pathlib import Path
        from tracker.notify import mail
        outbox = Path({str(tmp_path / "outbox")!r})
        with mail._outbox_lock(outbox):
            other = filelock.FileLock(outbox / ".lock")
            try:
                other.acquire(timeout=0.2)
            except filelock.Timeout:
                print("excluded")
            else:
                print("not excluded")
        other.acquire(timeout=0.2)
        print("free")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.split()) == (0, ["excluded", "free"]), done.stderr[-2000:]
