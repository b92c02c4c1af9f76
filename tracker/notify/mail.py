"""E-mail: build change reports as MIME messages, queue them in an outbox, send them over SMTP.

The only module that imports smtplib. Settings come from options or the environment:

- ``TRACKER_SMTP_URL``: ``smtp://user:password@host:587`` or ``smtps://user:password@host:465``;
  user and password are percent-decoded (write ``%40`` for ``@``, ``%3A`` for ``:``, ``%2F`` for ``/``).
  ``smtps://`` speaks TLS from the first byte (implicit TLS). ``smtp://`` upgrades with STARTTLS
  whenever the server offers it; a server that does not offer it is accepted only for a loopback host
  (127.0.0.1, ::1, localhost) and only without credentials, so neither a password nor a report ever
  crosses a network in clear. Certificates are always verified.
- ``TRACKER_MAIL_FROM``: the sender, ``reports@example.com`` or ``Tracker <reports@example.com>``.
- ``TRACKER_SMTP_TIMEOUT``: seconds to wait for the server (default 30).
- ``TRACKER_SMTP_CAFILE``: a PEM file of CA certificates to trust instead of the system's
  (for a private CA, or a test server's self-signed certificate).
- ``TRACKER_OUTBOX``: the outbox folder (default ``outbox/`` beside the database file).

Delivery never loses a report: :func:`deliver` writes the message to the outbox first (atomically),
then sends it, then moves it to ``outbox/sent/``; a message whose sending fails stays in the outbox
for :func:`retry` (``tracker email --retry``). The moment the server accepts a message (its ``250``
answer to the message data, e.g. ``250 2.0.0 Ok: queued as 4F1D72C0F9``), the answer and its queue id
are recorded beside the queued file (``NAME.eml.accepted``, moved to ``sent/`` with it): a failure
after that (the goodbye, the move) leaves nothing to send again, and a retry of a message with a
recorded acceptance says so instead of sending it twice. Delivery stays at-least-once where nothing
could be recorded: a connection lost while the server was answering the data, or a crash before the
record was written, sends the message again on the next retry. The outbox is locked (``filelock``,
on every platform) so that two senders never send the same queued message.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import json
import mimetypes
import os
import re
import smtplib
import socket
import ssl
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, quote, unquote, urlsplit

from filelock import FileLock

from tracker.errors import BadInput, TrackerError

#: SMTP line endings; headers folded only past RFC 5322's hard limit, because the standard library folds
#: a 70-78 character Subject onto its own continuation line, and readers then see a leading space.
MAIL_POLICY = policy.SMTP.clone(max_line_length=998)
DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
DEFAULT_TIMEOUT = 30.0
URL_EXAMPLE = "smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (implicit TLS)"
RETRY_HINT = "`tracker email --retry` will send it later"
#: Suffix of the file that records the server's acceptance of a queued message.
ACCEPTED_SUFFIX = ".accepted"
_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
)


class MailError(TrackerError):
    """A message could not be sent; the message says what failed and what to do."""

    def __init__(self, message: str, *, server_wide: bool = True, kept: Path | None = None) -> None:
        super().__init__(message)
        self.server_wide = server_wide
        """True when the server or the connection failed (any other message would fail too)."""
        self.kept = kept
        """The outbox file that still holds the unsent message, when there is one."""


@dataclass
class MailSettings:
    """Where and how to send: an SMTP server, the sender and the limits."""

    scheme: str
    """``smtp`` (STARTTLS when offered, see the module doc) or ``smtps`` (implicit TLS)."""
    host: str
    """Server host name or IP address."""
    port: int
    """Server port."""
    sender: str
    """The From address, optionally with a display name."""
    username: str | None = None
    """Login name (percent-decoded), or None to send without logging in."""
    password: str | None = field(default=None, repr=False)
    """Password (percent-decoded); never shown in messages or repr."""
    timeout: float = DEFAULT_TIMEOUT
    """Seconds to wait for each answer of the server."""
    cafile: Path | None = None
    """PEM file of CA certificates to trust instead of the system's."""

    @property
    def server(self) -> str:
        """The server for messages, without the password: ``smtps://user@host:465``."""
        user = f"{quote(self.username, safe='')}@" if self.username else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{user}{host}:{self.port}"

    @property
    def is_loopback(self) -> bool:
        """True when the server is this machine."""
        if self.host == "localhost" or self.host.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def ssl_context(self) -> ssl.SSLContext:
        """A verifying client TLS context (trusting only ``cafile`` when one is set)."""
        try:
            return ssl.create_default_context(cafile=str(self.cafile) if self.cafile else None)
        except (OSError, ssl.SSLError) as exc:
            raise BadInput(
                f"cannot load the CA file {self.cafile} ({_reason(exc)}); "
                "set TRACKER_SMTP_CAFILE to a PEM file of certificates."
            ) from exc


@dataclass
class DeliveryResult:
    """What happened to one message."""

    path: Path
    """The .eml file: in ``outbox/sent/`` when sent, else still in the outbox."""
    message_id: str
    """The Message-ID header."""
    recipients: list[str]
    """Envelope recipients."""
    sent: bool
    """True when the server accepted the message."""
    error: str | None = None
    """Why it was not sent (None when sent)."""
    refused: dict[str, str] = field(default_factory=dict)
    """Recipients the server refused although it accepted others: address -> the server's answer."""
    answer: str | None = None
    """The server's answer accepting the message (``250 2.0.0 Ok: queued as 4F1D72C0F9``)."""
    queue_id: str | None = None
    """The queue id in that answer (``4F1D72C0F9``), when it gives one."""
    already_accepted: bool = False
    """True when a retry found the acceptance recorded and did not send the message again."""
    warning: str | None = None
    """What went wrong after the server accepted the message (the move to ``sent/``)."""


@dataclass
class Accepted:
    """The server's acceptance of a message (its answer to the message data)."""

    answer: str
    """The answer, e.g. ``250 2.0.0 Ok: queued as 4F1D72C0F9``."""
    refused: dict[str, str] = field(default_factory=dict)
    """Recipients refused although others were accepted: address -> the server's answer."""

    @property
    def queue_id(self) -> str | None:
        """The server's id for the message (``queued as X``, ``id=X``), when its answer gives one."""
        match = _QUEUE_ID.search(self.answer)
        return next((g.strip("<>") for g in match.groups() if g), None) if match else None


#: Queue ids in acceptance answers: Postfix and others ``queued as X``, Exim ``id=X``.
_QUEUE_ID = re.compile(r"\bqueued as:?\s+(\S+)|\bid=(\S+)", re.IGNORECASE)


class _RecordingClient(smtplib.SMTP):
    """An SMTP client that tells ``on_accepted`` the server's answer the moment it accepts the message."""

    on_accepted: Callable[[str], None] | None = None
    accepted: str | None = None

    def data(self, msg: Any) -> tuple[int, bytes]:
        """Send the message data; on a 250 answer, remember it and report it at once."""
        code, answer = super().data(msg)
        if code == 250:
            self.accepted = _answer(code, answer)
            if self.on_accepted is not None:
                self.on_accepted(self.accepted)
        return code, answer


class _Client(_RecordingClient):
    """SMTP (STARTTLS when offered) that records the acceptance."""


class _TLSClient(_RecordingClient, smtplib.SMTP_SSL):
    """SMTP over implicit TLS that records the acceptance."""


# -- settings --------------------------------------------------------------------------------------
def from_env(
    url: str | None = None,
    sender: str | None = None,
    *,
    timeout: float | None = None,
    cafile: Path | str | None = None,
    environ: Mapping[str, str] | None = None,
) -> MailSettings:
    """Settings from the given options, else the TRACKER_SMTP_* and TRACKER_MAIL_FROM variables."""
    env = os.environ if environ is None else environ
    url = url or env.get("TRACKER_SMTP_URL")
    if not url:
        raise BadInput(f"no mail server is configured; set TRACKER_SMTP_URL to {URL_EXAMPLE}.")
    settings = parse_url(url, default_sender(sender, env))
    settings.timeout = _timeout(timeout, env)
    cafile = cafile or env.get("TRACKER_SMTP_CAFILE") or None
    if cafile is not None:
        settings.cafile = Path(cafile)
        if not settings.cafile.is_file():
            raise BadInput(f"the CA file {cafile} does not exist; set TRACKER_SMTP_CAFILE to a PEM file.")
    return settings


def default_sender(sender: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The sender option, else $TRACKER_MAIL_FROM, checked; for a dry run that needs no server."""
    env = os.environ if environ is None else environ
    sender = sender or env.get("TRACKER_MAIL_FROM")
    if not sender:
        raise BadInput("no sender address; set TRACKER_MAIL_FROM (e.g. reports@example.com) or give one.")
    check_address(sender, "sender")
    return sender


def parse_url(url: str, sender: str) -> MailSettings:
    """Settings from ``smtp[s]://[user:password@]host[:port]``; BadInput naming what is wrong."""
    shown = _redact(url)
    if "://" not in url:
        raise BadInput(f"the mail server URL {shown!r} is malformed; write {URL_EXAMPLE}.")
    parts = _urlsplit(url, shown)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise BadInput(
            f"the mail server URL {shown!r} has the unknown scheme {scheme!r}; write {URL_EXAMPLE}."
        )
    host_ok = bool(
        parts.hostname and re.fullmatch(r"[A-Za-z0-9._:-]+", parts.hostname) and not parts.hostname.isdigit()
    )  # `user:pw@host@587` leaves the host "587"
    if not host_ok or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise BadInput(f"the mail server URL {shown!r} is malformed; write {URL_EXAMPLE}.")
    port = _port(parts, scheme)
    if port is None:  # raised here, not in an except block: the error carries nothing of the URL but `shown`
        raise BadInput(f"the port in the mail server URL {shown!r} is not a number from 1 to 65535.")
    username = _unquote(parts.username)
    password = _unquote(parts.password)
    if (username is None) != (password is None):
        raise BadInput(
            f"the mail server URL {shown!r} needs both a user and a password, or neither; "
            "write smtp://user:password@host:587."
        )
    return MailSettings(
        scheme=scheme,
        host=str(parts.hostname),
        port=port,
        sender=sender,
        username=username,
        password=password,
    )


def _urlsplit(url: str, shown: str) -> SplitResult:
    """urlsplit, with its ValueError (e.g. a bad IPv6 literal) as BadInput (which carries no part of the URL but
    ``shown``: no ValueError quoting it as its context)."""
    try:
        parts: SplitResult | None = urlsplit(url.strip())
    except ValueError:
        parts = None
    if parts is None:
        raise BadInput(f"the mail server URL {shown!r} is malformed; write {URL_EXAMPLE}.")
    return parts


def _port(parts: SplitResult, scheme: str) -> int | None:
    """The URL's port, else the scheme's; None when it is no number from 1 to 65535 (urlsplit's ValueError
    quotes the text after the host, a password when `@` was typed as `:`)."""
    try:
        return parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        return None


def outbox_path(outbox: Path | None, database: Path, environ: Mapping[str, str] | None = None) -> Path:
    """The outbox folder: the option, else $TRACKER_OUTBOX, else ``outbox/`` beside the database file."""
    env = os.environ if environ is None else environ
    if outbox is not None:
        return outbox
    return Path(env["TRACKER_OUTBOX"]) if env.get("TRACKER_OUTBOX") else database.parent / "outbox"


def _timeout(timeout: float | None, env: Mapping[str, str]) -> float:
    if timeout is None:
        raw = env.get("TRACKER_SMTP_TIMEOUT")
        try:
            timeout = float(raw) if raw else DEFAULT_TIMEOUT
        except ValueError:
            raise BadInput(f"TRACKER_SMTP_TIMEOUT={raw!r} is not a number of seconds.") from None
    if not timeout > 0:
        raise BadInput(f"the mail timeout must be a positive number of seconds, not {timeout}.")
    return timeout


def _unquote(value: str | None) -> str | None:
    return unquote(value) if value else None


#: What a user writes before the user name, typos included: ``smtp://``, ``smtp@//``, ``smtp//``.
_SCHEME_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*[:@]?//")


def _redact(url: str) -> str:
    """The URL as it may be shown: everything after the user name up to the host replaced by ***.

    Malformed URLs too, so that a typo never shows a password: ``smtp@//user:pw@host`` (``@`` for
    ``:``) is ``smtp@//user:***@host``, ``smtp://user@pw@host`` is ``smtp://user@***@host`` and
    ``smtp://user:pw:host:587`` (``:`` for ``@``) is ``smtp://user:***``.
    """
    prefix = match.group() if (match := _SCHEME_PREFIX.match(url)) else ""
    rest = url[len(prefix) :]
    userinfo, at, hostpart = rest.rpartition("@")
    if at:
        user = re.split(r"[:@]", userinfo, maxsplit=1)[0]
        if user == userinfo:
            return url
        return f"{prefix}{user}{userinfo[len(user)]}***@{hostpart}"
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if netloc.count(":") > 1 and not netloc.startswith("["):
        return f"{prefix}{netloc.split(':', 1)[0]}:***"
    return url


# -- messages --------------------------------------------------------------------------------------
#: Line breaks (CR, LF, form feed, NEL, the file, group and record separators, U+2028, U+2029) and the other
#: control characters, which a header cannot hold, with the spaces around them.
_BREAKS = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")


def one_line(text: str) -> str:
    """The text on one line, for a header or a file name: each run of line breaks and other control
    characters (with the spaces around it) is one space."""
    return _BREAKS.sub(" ", text).strip()


def check_address(value: str, role: str = "recipient") -> str:
    """The bare address of ``value`` (``a@b.org`` or ``Name <a@b.org>``); BadInput when malformed."""
    pairs = getaddresses([value]) if "\r" not in value and "\n" not in value else []
    addr = pairs[0][1] if len(pairs) == 1 else ""
    if not _ADDRESS.fullmatch(addr) or ".." in addr or addr.startswith("."):
        raise BadInput(
            f"the {role} address {value!r} is not a valid e-mail address; write it as name@example.com."
        )
    return addr


def build_message(
    *,
    sender: str,
    to: Sequence[str],
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> EmailMessage:
    """A UTF-8 message: text (and HTML, as multipart/alternative), in multipart/mixed with attachments."""
    sender_addr = check_address(sender, "sender")
    if isinstance(to, str):
        to = [to]
    if not to:
        raise BadInput("the message has no recipient; give at least one address.")
    for address in to:
        check_address(address)
    if "\r" in subject or "\n" in subject:
        raise BadInput("the subject must be one line; remove the line breaks from it.")
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = one_line(subject)  # a form feed or U+2028 is no line the writer meant
    msg["Date"] = format_datetime(datetime.now(timezone.utc).astimezone())
    msg["Message-ID"] = make_msgid(domain=sender_addr.rpartition("@")[2].lower())
    msg["MIME-Version"] = "1.0"
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    if html is not None:
        msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    for filename, content, mimetype in attachments:
        maintype, subtype = _mimetype(filename, mimetype)
        params = {"charset": "utf-8"} if maintype == "text" and _is_utf8(content) else {}
        msg.add_attachment(
            bytes(content),
            maintype=maintype,
            subtype=subtype,
            filename=one_line(Path(filename).name),
            params=params,
        )
    return msg


def _is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mimetype(filename: str, mimetype: str | None) -> tuple[str, str]:
    mimetype = mimetype or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    maintype, slash, subtype = mimetype.partition("/")
    if not slash or not maintype or not subtype or " " in mimetype:
        raise BadInput(
            f"the attachment {filename!r} has the malformed type {mimetype!r}; "
            "write it as type/subtype, e.g. text/html."
        )
    return maintype, subtype


def recipients(message: EmailMessage) -> list[str]:
    """The envelope recipients: every address in To, Cc and Bcc."""
    fields = [str(v) for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
    return [addr for _, addr in getaddresses(fields) if addr]


def read_eml(path: Path) -> EmailMessage:
    """A message read back from an .eml file."""
    with path.open("rb") as f:
        msg = BytesParser(policy=MAIL_POLICY).parse(f)
    assert isinstance(msg, EmailMessage)
    return msg


# -- sending ---------------------------------------------------------------------------------------
def send(
    message: EmailMessage, settings: MailSettings, *, on_accepted: Callable[[str], None] | None = None
) -> Accepted:
    """Send over SMTP (MailError saying what failed); ``on_accepted`` hears the server's acceptance the moment
    it comes. A failure after the acceptance (the goodbye) does not undo it: the message was sent."""
    if not recipients(message):
        raise BadInput("the message has no recipient; give at least one address.")
    context = settings.ssl_context()
    client: _RecordingClient | None = None
    refused: dict[str, tuple[int, bytes]] = {}
    try:
        client = _connect(settings, context)
        client.on_accepted = on_accepted
        with client:
            _secure_and_login(client, settings, context)
            refused = client.send_message(message)
    except MailError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        if client is None or client.accepted is None:
            raise explain(exc, settings) from exc
    assert client.accepted is not None
    return Accepted(client.accepted, {addr: _answer(code, text) for addr, (code, text) in refused.items()})


def _connect(settings: MailSettings, context: ssl.SSLContext) -> _RecordingClient:
    """A connection to the server: implicit TLS for ``smtps``, else plain (upgraded by STARTTLS later)."""
    if settings.scheme == "smtps":
        return _TLSClient(settings.host, settings.port, timeout=settings.timeout, context=context)
    return _Client(settings.host, settings.port, timeout=settings.timeout)


def _secure_and_login(client: smtplib.SMTP, settings: MailSettings, context: ssl.SSLContext) -> None:
    client.ehlo()
    if settings.scheme == "smtp":
        if client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
        elif settings.username or not settings.is_loopback:
            what = "the password" if settings.username else "the report"
            raise MailError(
                f"the mail server {settings.server} does not offer STARTTLS, so {what} would "
                "travel unencrypted; use smtps:// (implicit TLS, usually port 465) or a server "
                "that offers STARTTLS."
            )
    if settings.username:
        assert settings.password is not None
        if (settings.username + settings.password).isascii():
            client.login(settings.username, settings.password)
        else:
            _login_utf8(client, settings.username, settings.password)


def _login_utf8(client: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN (else LOGIN) with UTF-8 credentials, which smtplib's login() cannot encode."""
    mechanisms = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" in mechanisms:
        steps = ["PLAIN " + _b64("\0" + user + "\0" + password)]
    elif "LOGIN" in mechanisms:
        steps = ["LOGIN", _b64(user), _b64(password)]
    else:
        raise smtplib.SMTPNotSupportedError("the server offers no AUTH PLAIN or LOGIN")
    code, answer = client.docmd("AUTH", steps[0])
    for step in steps[1:]:
        if code != 334:
            break
        code, answer = client.docmd(step)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def explain(exc: BaseException, settings: MailSettings) -> MailError:
    """A MailError saying in one sentence what failed and what to do."""
    server, url = settings.server, "TRACKER_SMTP_URL"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError(
            f"the mail server {server} refused the login of user {settings.username!r} "
            f"({_answer(exc.smtp_code, exc.smtp_error)}); check the user and password in {url}."
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "AUTH" in str(exc).upper():
        return MailError(
            f"the mail server {server} does not offer a login (SMTP AUTH); remove the user and "
            f"password from {url} or use the server's submission port."
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(f"{a} ({_answer(c, t)})" for a, (c, t) in exc.recipients.items())
        return MailError(
            f"the mail server {server} refused every recipient: {refused}; check the addresses.",
            server_wide=False,
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return MailError(
            f"the mail server {server} refused the sender {exc.sender!r} "
            f"({_answer(exc.smtp_code, exc.smtp_error)}); set TRACKER_MAIL_FROM to an address "
            "this server lets you send from."
        )
    if isinstance(exc, smtplib.SMTPDataError):
        return MailError(
            f"the mail server {server} rejected the message "
            f"({_answer(exc.smtp_code, exc.smtp_error)}); ask its administrator why.",
            server_wide=False,
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(exc.__context__, TimeoutError):
        return explain(exc.__context__, settings)  # smtplib reports a read timeout as a disconnection
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return MailError(
            f"the mail server {server} closed the connection unexpectedly; check the scheme and "
            f"port in {url} (smtps:// for 465, smtp:// for 587) or try again later."
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return MailError(
            f"the mail server {server} answered {_answer(exc.smtp_code, exc.smtp_error)}; "
            "try again later or ask its administrator."
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            f"the TLS certificate of the mail server {server} cannot be trusted "
            f"({exc.verify_message or _reason(exc)}); check the host name in {url}, or set "
            "TRACKER_SMTP_CAFILE to the CA certificate that signed it."
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(
            f"the TLS handshake with the mail server {server} failed ({_reason(exc)}); "
            "use smtps:// for a port that expects implicit TLS (usually 465) and smtp:// for "
            "STARTTLS (usually 587)."
        )
    if isinstance(exc, TimeoutError):
        return MailError(
            f"the mail server {server} did not answer within {settings.timeout:g} seconds; "
            f"check the host and port in {url} (an implicit-TLS port needs smtps://) "
            "or raise TRACKER_SMTP_TIMEOUT."
        )
    if isinstance(exc, socket.gaierror):
        return MailError(
            f"the mail server host {settings.host!r} cannot be found ({_reason(exc)}); "
            f"check the host name in {url} and the network."
        )
    if isinstance(exc, ConnectionRefusedError):
        return MailError(
            f"the mail server {server} refused the connection; check the host and port in {url} "
            "and that the server is running."
        )
    return MailError(
        f"cannot talk to the mail server {server} ({type(exc).__name__}: {_reason(exc)}); "
        f"check {url} and the network."
    )


def _answer(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(text.split())}".strip()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason)
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


# -- outbox ----------------------------------------------------------------------------------------
def dry_run(message: EmailMessage, path: Path) -> Path:
    """Write the message as an .eml file (into ``path`` when it is a folder) and send nothing."""
    if path.is_dir():
        return _write_eml(message, path)
    _atomic_write(path, message.as_bytes(policy=MAIL_POLICY))
    return path


def deliver(message: EmailMessage, settings: MailSettings, outbox: Path) -> DeliveryResult:
    """Queue the message in the outbox, send it, move it to ``outbox/sent/`` (kept queued on failure)."""
    with _outbox_lock(outbox):
        path = _write_eml(message, outbox)
        return _send_queued(path, message, settings)


def retry(settings: MailSettings, outbox: Path) -> list[DeliveryResult]:
    """Send every message queued in the outbox, oldest first; each one sent moves to ``outbox/sent/``.

    A message whose acceptance by the server is recorded is not sent again: it moves to ``sent/`` with
    ``already_accepted``. After a failure of the server or connection the remaining messages are not tried
    (they would fail the same way) and are reported with that error.
    """
    if not outbox.is_dir():
        return []
    results: list[DeliveryResult] = []
    with _outbox_lock(outbox):
        stop: BaseException | None = None
        for path in queued(outbox):
            message = read_eml(path)
            accepted = read_acceptance(path)
            if accepted is not None:
                results.append(_file_as_sent(path, message, accepted, already=True))
            elif stop is not None:
                results.append(_result(path, message, sent=False, error=f"not tried after: {stop}"))
            else:
                try:
                    results.append(_send_queued(path, message, settings))
                except MailError as exc:
                    results.append(_result(path, message, sent=False, error=str(exc.__cause__ or exc)))
                    if exc.server_wide:
                        stop = exc.__cause__ or exc
    return results


def queued(outbox: Path) -> list[Path]:
    """The .eml files waiting in the outbox, oldest first (names start with the UTC time of queueing)."""
    return sorted(p for p in outbox.glob("*.eml") if p.is_file() and not p.name.startswith("."))


def acceptance_path(path: Path) -> Path:
    """Where the server's acceptance of a queued message is recorded: ``NAME.eml.accepted`` beside it."""
    return path.with_name(path.name + ACCEPTED_SUFFIX)


def read_acceptance(path: Path) -> Accepted | None:
    """The recorded acceptance of a queued message (None when there is none, or it cannot be read)."""
    try:
        data = json.loads(acceptance_path(path).read_text(encoding="utf-8"))
        return Accepted(str(data["answer"]), dict(data.get("refused") or {}))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _record_acceptance(path: Path, answer: str) -> None:
    """Record the server's acceptance beside the queued message, at once and atomically (best effort: a
    failure leaves the message to be sent again, as before, and ``_file_as_sent`` says so)."""
    data = {
        "answer": answer,
        "queue_id": Accepted(answer).queue_id,
        "accepted_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    with contextlib.suppress(TrackerError):
        _atomic_write(acceptance_path(path), json.dumps(data, indent=2).encode("utf-8"))


def _send_queued(path: Path, message: EmailMessage, settings: MailSettings) -> DeliveryResult:
    """Send a queued message and move it to sent/; MailError naming the kept file on failure."""
    try:
        accepted = send(message, settings, on_accepted=lambda answer: _record_acceptance(path, answer))
    except TrackerError as exc:
        kept = MailError(
            f"{str(exc).rstrip('.')}; the message was kept in {path} and {RETRY_HINT}.",
            server_wide=getattr(exc, "server_wide", False),
            kept=path,
        )
        kept.exit_code = exc.exit_code
        raise kept from exc
    return _file_as_sent(path, message, accepted)


def _file_as_sent(
    path: Path, message: EmailMessage, accepted: Accepted, *, already: bool = False
) -> DeliveryResult:
    """Move an accepted message and its acceptance record to sent/; a failure to move is a warning (the
    message was sent), saying whether a retry would send it again."""
    sent = path.parent / "sent" / path.name
    record = acceptance_path(path)
    warning = None
    try:
        sent.parent.mkdir(exist_ok=True)
        os.replace(path, sent)
    except OSError as exc:
        again = (
            f"its acceptance is recorded in {record.name}, so `tracker email --retry` will not send it again"
            if record.is_file()
            else "move it there yourself or a retry will send it again"
        )
        warning = (
            f"the mail server accepted the message{_as(accepted)} but {path} could not be moved to "
            f"{sent.parent} ({_reason(exc)}); {again}."
        )
        sent = path
    else:
        with contextlib.suppress(OSError):
            if record.is_file():
                os.replace(record, acceptance_path(sent))
    result = _result(sent, message, sent=True, refused=accepted.refused)
    result.answer, result.queue_id = accepted.answer, accepted.queue_id
    result.already_accepted, result.warning = already, warning
    return result


def _as(accepted: Accepted) -> str:
    """`` as X`` for an acceptance with a queue id, else nothing."""
    return f" as {accepted.queue_id}" if accepted.queue_id else ""


def _result(
    path: Path,
    message: EmailMessage,
    *,
    sent: bool,
    error: str | None = None,
    refused: dict[str, str] | None = None,
) -> DeliveryResult:
    return DeliveryResult(
        path=path,
        message_id=str(message.get("Message-ID", "")),
        recipients=recipients(message),
        sent=sent,
        error=error,
        refused=refused or {},
    )


def _write_eml(message: EmailMessage, folder: Path) -> Path:
    """Write the message into the folder under a new name that sorts by time of queueing."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    token = re.sub(r"[^A-Za-z0-9]", "", str(message.get("Message-ID", "")))[:12] or os.urandom(6).hex()
    path = folder / f"{stamp}-{token}.eml"
    _atomic_write(path, message.as_bytes(policy=MAIL_POLICY))
    return path


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and a rename, so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise TrackerError(
            f"cannot write the message to {path} ({_reason(exc)}); nothing was sent; "
            "choose a writable outbox folder."
        ) from exc


@contextlib.contextmanager
def _outbox_lock(outbox: Path) -> Iterator[None]:
    """Hold an exclusive lock on the outbox so two senders never send the same queued message (filelock:
    an OS lock on every platform, released when the process ends however it ends)."""
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        lock = FileLock(outbox / ".lock")
        lock.acquire()
    except OSError as exc:
        raise TrackerError(
            f"cannot use the outbox {outbox} ({_reason(exc)}); nothing was sent; "
            "choose a writable outbox folder."
        ) from exc
    try:
        yield
    finally:
        lock.release()
