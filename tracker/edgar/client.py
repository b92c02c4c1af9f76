"""EDGAR client: find a company's annual reports and download them politely, with a local cache.

SEC's fair-access rules shape everything here: every request carries a declared User-Agent ("Name
email"), the whole run shares one rate limiter (at most 10 requests per second, 5 by default), transient
failures are retried with exponential backoff and jitter (Retry-After honoured), and repeated 429s stop
the run with advice to wait, since SEC blocks an address for about 10 minutes and retrying during a
block prolongs it.

Paths (the same on www.sec.gov, data.sec.gov or one mirror base given by --edgar-url):
`/files/company_tickers.json`, `/submissions/CIK##########.json` (and its older pages),
`/Archives/edgar/data/{cik}/{accession without dashes}/{file}`.

Cache (under the database's folder, `cache/`): bodies are stored once by sha256
(`objects/ab/abcd....gz`); an index maps each path to its sha256 and download time
(`index/ab/<sha256 of the path>.json`). Archive documents never change, so they are kept forever. The listings
(the company list and the submissions JSON, which change whenever a company files) are asked for once per run
and never reused from an earlier run without asking: EDGAR is asked with a conditional request (If-None-Match /
If-Modified-Since, from the ETag and Last-Modified it sent last time) and a 304 Not Modified reuses the cached
copy; a server that sends neither gets a plain request. TRACKER_EDGAR_FRESH_SECONDS (0 by default) lets a
listing be reused without asking for that many seconds. Truncated or malformed bodies are retried and never
cached. `--refresh` downloads everything again and replaces the entries.

What EDGAR answers is checked before it is used or kept: a body is decompressed as it arrives and refused once
it passes a size cap (64 MB by default, TRACKER_EDGAR_MAX_MB), whatever its encoding (a gzip bomb, an endless
body); a listing must be the JSON EDGAR publishes (its keys and value types), and a primary document or R page
must read as an annual report (`tracker.read.read_bytes`), so an error page served with status 200 is
refused too. A refused answer fails that filer or filing (exit 2) and the run goes on with the others. A cached
entry that cannot be used is named in the message, with the advice to run again with `--refresh`.

Redirects are followed by the client itself, only within EDGAR (www.sec.gov and data.sec.gov, or the mirror's
host), at most 5 hops, each one a request that waits its turn at the rate limiter: the User-Agent, which carries
the user's e-mail address, never goes to another host. Retries are for 429, 5xx, time-outs and dropped or
damaged transfers; a host name that cannot be resolved, or a network that is unreachable, fails at once.

Fiscal year of a listed filing: the year of its `reportDate` (period end). A period that ends in
January to March is a candidate for that year and the year before (Walmart calls the year ending
2025-01-31 FY2025, Home Depot calls the year ending 2025-02-02 FY2024); once downloaded, the document's
own `dei:DocumentFiscalYearFocus` decides, and that is the year the store records. Without a reportDate
the candidates are the filing year and the year before.
"""

from __future__ import annotations

import difflib
import errno
import gzip
import hashlib
import http.client
import json
import os
import random
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from tracker.errors import BadInput, TrackerError

SEC_WWW = "https://www.sec.gov"
SEC_DATA = "https://data.sec.gov"
MAX_RATE = 10.0
DEFAULT_RATE = 5.0
ANNUAL_FORMS = ("10-K", "20-F")
#: Current reports, fetched for their cybersecurity incidents (tracker.edgar.current).
CURRENT_FORMS = ("8-K", "8-K/A")
#: First fiscal year with an Item 1C / 16K disclosure.
FIRST_DISCLOSURE_YEAR = 2023
#: Most megabytes of one body once decompressed (no annual report comes near it).
DEFAULT_MAX_MB = 64.0
#: Most redirects followed for one request.
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 1 << 16
_COMPRESSED = ("gzip", "x-gzip", "deflate")
_AUTO_WBITS = 32 + zlib.MAX_WBITS  # zlib or gzip header, told apart by zlib
_DOCUMENT_TYPE = re.compile(r"text/.*|application/(?:xhtml\+xml|xml|x-gzip|gzip|octet-stream)")
_FILING_COLUMNS = ("form", "filingDate", "reportDate", "primaryDocument", "isInlineXBRL")
_DATE = re.compile(r"(?:\d{4}-\d{2}-\d{2})?")
_PAGE_NAME = re.compile(r"[A-Za-z0-9._-]+\.json")
T = TypeVar("T")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_FY_FOCUS = re.compile(rb"DocumentFiscalYearFocus[^>]*>(?:\s|<[^>]*>)*((?:19|20)\d{2})\s*<")


class EdgarUnavailable(TrackerError):
    """EDGAR (or the mirror) could not be reached or kept failing: the run stops."""


class RateLimited(EdgarUnavailable):
    """EDGAR answered 429 Too Many Requests repeatedly: the run stops so the block can expire."""


class NotOnEdgar(TrackerError):
    """A document or listing EDGAR says does not exist (404)."""


class BadResponse(BadInput):
    """An answer that cannot be used: past the size cap, not the JSON EDGAR publishes, not an annual report, or
    a redirect away from EDGAR. That filer or filing fails, the run goes on, and nothing of it is cached."""


class BadCacheEntry(BadResponse):
    """A cached body that cannot be used; the message names the entry and says to run with --refresh."""


class BadBody(Exception):
    """A response body that is truncated or badly compressed (retried)."""


class Unusable(Exception):
    """A body its check refuses: why, as a phrase (`an HTML page instead of JSON`), and whether another
    request may get a good one (JSON cut short in transit)."""

    def __init__(self, reason: str, *, retry: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.retry = reason, retry


class _NotModified(Exception):
    """EDGAR answered a conditional request with 304: the cached copy is current."""


class TooLarge(Exception):
    """A body that passes the size cap once decompressed."""


# -- settings --------------------------------------------------------------------------------------
def check_user_agent(value: str | None) -> str:
    """The declared User-Agent ("Name email"), or a usage error saying why SEC requires one."""
    value = (value or "").strip()
    name = _EMAIL.sub("", value).strip(" <>()[],;")
    if not value or not _EMAIL.search(value) or not name:
        raise BadInput(
            "EDGAR requires every automated client to declare who it is with a User-Agent naming "
            "a person or company and an e-mail address (SEC blocks undeclared tools), so pass "
            '--user-agent "Jane Doe jane@example.com" or set TRACKER_USER_AGENT.'
        )
    return value


def check_rate(rate: float) -> float:
    """The requests-per-second limit, refused above SEC's 10 per second."""
    if not 0 < rate <= MAX_RATE:
        raise BadInput(
            f"--rate must be above 0 and at most {MAX_RATE:g} requests per second "
            f"(SEC blocks clients that go faster); got {rate:g}."
        )
    return rate


def _env_float(name: str, default: float) -> float:
    """A number from the environment, or the default when the variable is unset or empty."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise BadInput(f"{name} must be a number, not {raw!r}.") from exc


def _env_max_bytes() -> int:
    """The size cap in bytes, from TRACKER_EDGAR_MAX_MB (megabytes, 64 by default)."""
    mb = _env_float("TRACKER_EDGAR_MAX_MB", DEFAULT_MAX_MB)
    if not mb > 0:
        raise BadInput(f"TRACKER_EDGAR_MAX_MB must be a number of megabytes above 0, not {mb:g}.")
    return int(mb * 2**20)


def _mb(size: int) -> str:
    """A byte count in megabytes, as messages show it."""
    return f"{size / 2**20:g}"


def _origin(url: str) -> tuple[str, int | None]:
    """Host and port of a URL, the port None when it is the scheme's default (ValueError on a bad port)."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port
    return (parts.hostname or "").lower(), None if port == {"http": 80, "https": 443}.get(
        parts.scheme
    ) else port


@dataclass
class Settings:
    """How the client talks to EDGAR."""

    user_agent: str
    """Declared identity, "Name email"."""
    base_url: str | None = None
    """One mirror base replacing both https://www.sec.gov and https://data.sec.gov (None: SEC itself)."""
    rate: float = DEFAULT_RATE
    """Most requests per second, over the whole run."""
    timeout: float = 30.0
    """Seconds to wait on a connection or a read."""
    retries: int = 5
    """Retries of one request after a transient failure."""
    backoff: float = 1.0
    """First retry delay in seconds; it doubles each retry (with jitter)."""
    max_retry_time: float = 120.0
    """Most seconds spent waiting between retries of one request; beyond it the run stops."""
    max_429: int = 3
    """429 answers tolerated in a run before stopping."""
    fresh_seconds: float = 0.0
    """How long the company list and submissions JSON are reused from the cache without asking EDGAR whether
    they changed (0: asked, conditionally, at every run)."""
    cache_dir: Path | None = None
    """Where downloads are kept (None: no cache)."""
    max_bytes: int = int(DEFAULT_MAX_MB * 2**20)
    """Most bytes of one body once decompressed; a larger answer is refused."""
    max_redirects: int = MAX_REDIRECTS
    """Most redirects followed for one request (each within EDGAR, each a request for the rate limiter)."""
    refresh: bool = False
    """Download everything again (nothing is read from the cache) and replace the cache entries."""

    @classmethod
    def from_env(
        cls,
        *,
        user_agent: str | None,
        base_url: str | None,
        rate: float | None,
        cache_dir: Path | None,
        refresh: bool = False,
    ) -> Settings:
        """Settings from options, falling back on TRACKER_* environment variables."""
        base = base_url or os.environ.get("TRACKER_EDGAR_URL") or None
        if base and not re.match(r"https?://[^/\s]+", base):
            raise BadInput(
                f"--edgar-url {base!r} is not an http(s) address; write it like "
                "http://127.0.0.1:8080 (the mirror's base, without /Archives)."
            )
        return cls(
            user_agent=check_user_agent(user_agent or os.environ.get("TRACKER_USER_AGENT")),
            base_url=base.rstrip("/") if base else None,
            rate=check_rate(rate if rate is not None else _env_float("TRACKER_EDGAR_RATE", DEFAULT_RATE)),
            timeout=_env_float("TRACKER_EDGAR_TIMEOUT", 30.0),
            retries=int(_env_float("TRACKER_EDGAR_RETRIES", 5)),
            backoff=_env_float("TRACKER_EDGAR_BACKOFF", 1.0),
            max_retry_time=_env_float("TRACKER_EDGAR_RETRY_TIME", 120.0),
            fresh_seconds=_env_float("TRACKER_EDGAR_FRESH_SECONDS", 0.0),
            cache_dir=cache_dir,
            max_bytes=_env_max_bytes(),
            refresh=refresh,
        )

    def url(self, path: str) -> str:
        """Full URL of an EDGAR path."""
        if self.base_url:
            return self.base_url + path
        return (SEC_DATA if path.startswith("/submissions/") else SEC_WWW) + path

    @property
    def where(self) -> str:
        """The server named in messages."""
        return self.base_url or "www.sec.gov / data.sec.gov"

    def within_edgar(self, target: str, current: str) -> bool:
        """Whether a redirect from `current` to `target` stays on EDGAR's hosts (the mirror's, or SEC's two),
        over http(s) and never from https down to http."""
        scheme = urllib.parse.urlsplit(target).scheme
        if scheme not in ("http", "https") or (scheme == "http" and current.startswith("https:")):
            return False
        bases = [self.base_url] if self.base_url else [SEC_WWW, SEC_DATA]
        try:
            return _origin(target) in {_origin(b) for b in bases}
        except ValueError:
            return False


# -- rate limiting ---------------------------------------------------------------------------------
class RateLimiter:
    """At most `rate` requests per second: each request takes the next slot 1/rate after the last one,
    plus a margin (MARGIN seconds) so that network jitter never lets the server count rate + 1 requests
    in one second.

    Thread-safe; `pause` pushes every later slot back (all threads wait after a 429).
    """

    MARGIN = 0.01

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate + self.MARGIN
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def wait(self) -> None:
        """Block until this caller may send a request."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self._sleep(slot - now)

    def pause(self, seconds: float) -> None:
        """Let no request go for `seconds` from now."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)


# -- decoding with a size cap ----------------------------------------------------------------------
class Decoder:
    """Decodes a body piece by piece as it arrives (gzip, deflate or as is) and stops once it passes `cap`
    bytes, so that memory stays bounded whatever the body expands to."""

    def __init__(self, encoding: str, cap: int) -> None:
        self.cap, self.size = cap, 0
        self._parts: list[bytes] = []
        self._z = zlib.decompressobj(_AUTO_WBITS) if encoding in _COMPRESSED else None

    def feed(self, chunk: bytes) -> None:
        """Decode a piece: TooLarge once the body passes the cap, BadBody when the compression is damaged."""
        try:
            while chunk:
                if self._z is None:
                    out, chunk = chunk, b""
                else:
                    if self._z.eof:  # another gzip member follows
                        self._z = zlib.decompressobj(_AUTO_WBITS)
                    out = self._z.decompress(chunk, self.cap + 1 - self.size)
                    chunk = self._z.unused_data.strip(b"\0") if self._z.eof else self._z.unconsumed_tail
                self.size += len(out)
                if self.size > self.cap:
                    raise TooLarge
                self._parts.append(out)
        except zlib.error as exc:
            raise BadBody(f"the compressed body is damaged ({exc})") from exc

    def result(self) -> bytes:
        """The whole decoded body; BadBody when the compressed stream stopped short."""
        if self._z is not None and not self._z.eof:
            raise BadBody("the compressed body is cut short")
        return b"".join(self._parts)


def decode_pieces(pieces: Iterable[bytes], encoding: str, cap: int) -> bytes:
    """A body decoded from its pieces, refused past `cap` bytes (TooLarge) without decoding further."""
    decoder = Decoder(encoding, cap)
    for piece in pieces:
        decoder.feed(piece)
    return decoder.result()


# -- cache -----------------------------------------------------------------------------------------
class Cache:
    """Content-addressed store of downloaded bodies with a path index (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def entry_file(self, path: str) -> Path:
        """The index entry of an EDGAR path (it names the stored body by its sha256)."""
        key = hashlib.sha256(path.encode()).hexdigest()
        return self.root / "index" / key[:2] / f"{key}.json"

    def _object_file(self, sha: str) -> Path:
        return self.root / "objects" / sha[:2] / f"{sha}.gz"

    def get(self, path: str, max_age: float | None, max_bytes: int | None = None) -> bytes | None:
        """The cached body of a path, if present, intact and younger than max_age seconds (None: forever);
        TooLarge, without decompressing further, once it passes max_bytes."""
        cap = max_bytes if max_bytes is not None else 2**62
        try:
            entry = json.loads(self.entry_file(path).read_text(encoding="utf-8"))
            if max_age is not None and time.time() - float(entry["fetched_at"]) > max_age:
                return None
            if int(entry.get("size") or 0) > cap:
                raise TooLarge
            with self._object_file(entry["sha256"]).open("rb") as f:
                body = decode_pieces(_pieces(f), "gzip", cap)
        except (OSError, ValueError, KeyError, TypeError, BadBody):
            return None
        return body if hashlib.sha256(body).hexdigest() == entry["sha256"] else None

    def validators(self, path: str) -> dict[str, str]:
        """The ETag and Last-Modified EDGAR sent with the cached body of a path (empty when none)."""
        try:
            entry = json.loads(self.entry_file(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        found = entry.get("validators") if isinstance(entry, dict) else None
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def put(self, path: str, body: bytes, validators: dict[str, str] | None = None) -> str:
        """Keep a body (once per content) and point the path at it, with the validators EDGAR sent for it;
        returns its sha256."""
        sha = hashlib.sha256(body).hexdigest()
        obj = self._object_file(sha)
        try:
            if not obj.exists():
                _write_atomic(obj, gzip.compress(body, 6))
            entry = {"path": path, "sha256": sha, "size": len(body), "fetched_at": time.time()}
            if validators:
                entry["validators"] = validators
            _write_atomic(self.entry_file(path), json.dumps(entry).encode())
        except OSError as exc:
            raise TrackerError(
                f"cannot write the download cache in {self.root}: {exc.strerror}; "
                "check permissions and disk space."
            ) from exc
        return sha


def _pieces(stream: Any) -> Iterator[bytes]:
    """The pieces of a file or HTTP response, _CHUNK bytes at a time."""
    while piece := stream.read(_CHUNK):
        yield piece


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


# -- the client ------------------------------------------------------------------------------------
@dataclass
class Stats:
    """What a run asked of the network."""

    requests: int = 0
    """HTTP requests sent (retries included)."""
    downloads: int = 0
    """Bodies received and accepted."""
    cache_hits: int = 0
    """Bodies served from the cache."""
    retries: int = 0
    """Requests repeated after a transient failure."""
    not_modified: int = 0
    """Listings EDGAR said had not changed (304), reused from the cache."""


class Client:
    """One polite EDGAR session: shared rate limiter, retries, redirects within EDGAR, checked answers, cache,
    statistics."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limiter = RateLimiter(settings.rate)
        self.cache = Cache(settings.cache_dir) if settings.cache_dir else None
        self.stats = Stats()
        self._stats_lock = threading.Lock()
        self._count_429 = 0
        self._opener = urllib.request.build_opener(_HandRedirectsBack)
        self._company_list: list[Company] | None = None
        self._company_list_error: BadResponse | None = None
        self._from_cache: set[str] = set()
        self._listings: dict[str, Any] = {}

    # -- raw access --------------------------------------------------------------------------------
    def get(
        self,
        path: str,
        check: Callable[[bytes, str], T],
        *,
        max_age: float | None,
        what: str = "",
        check_cached: bool = True,
    ) -> T:
        """What `check` makes of the body at an EDGAR path (it raises Unusable to refuse one), from the cache
        when fresh enough (checked again unless check_cached is False), else downloaded; only a body `check`
        accepts is cached. `what` names the path in messages."""
        validators: dict[str, str] = {}
        if self.cache is not None and not self.settings.refresh:
            try:
                cached = self.cache.get(path, max_age, self.settings.max_bytes)
            except TooLarge:
                raise self.bad_entry(
                    path, f"more than {_mb(self.settings.max_bytes)} MB once decompressed"
                ) from None
            if cached is not None:
                value = self._check_cached(path, cached, check) if check_cached else cast(T, cached)
                self._count("cache_hits")
                self._from_cache.add(path)
                return value
            validators = self.cache.validators(path) if max_age is not None else {}
        try:
            body, value, sent = self._download(path, check, what, validators)
        except _NotModified:  # the cached copy is still EDGAR's: reuse it, as of now
            stale = self.cache.get(path, None, self.settings.max_bytes) if self.cache is not None else None
            if stale is None or self.cache is None:
                return self._download_again(path, check, what)
            value = self._check_cached(path, stale, check)
            self.cache.put(path, stale, validators)
            self._count("not_modified")
            self._from_cache.add(path)
            return value
        if self.cache is not None:
            self.cache.put(path, body, sent)
        self._from_cache.discard(path)
        return value

    def _download_again(self, path: str, check: Callable[[bytes, str], T], what: str) -> T:
        """A body downloaded unconditionally (a 304 came for a cached copy that is no longer readable)."""
        body, value, sent = self._download(path, check, what, {})
        if self.cache is not None:
            self.cache.put(path, body, sent)
        self._from_cache.discard(path)
        return value

    def listing(self, path: str, problem: Callable[[Any], str | None], name: str, *, what: str) -> Any:
        """A listing (the company list, a submissions JSON), asked of EDGAR once per run (see the module
        docstring: a conditional request, unless TRACKER_EDGAR_FRESH_SECONDS lets the cached copy serve)."""
        if path not in self._listings:
            self._listings[path] = self.get_json(
                path, problem, name, max_age=self.settings.fresh_seconds, what=what
            )
        return self._listings[path]

    def get_json(
        self, path: str, problem: Callable[[Any], str | None], name: str, *, max_age: float | None, what: str
    ) -> Any:
        """Parsed JSON at an EDGAR path, refused unless it has the shape `problem` checks (`name` says
        what it should be: "EDGAR's company list")."""
        return self.get(path, _json_check(problem, name), max_age=max_age, what=what)

    def served_from_cache(self, path: str) -> Path | None:
        """The cache entry a path's body was last served from in this run (None: downloaded, or never asked)."""
        if self.cache is None or path not in self._from_cache:
            return None
        return self.cache.entry_file(path)

    def _check_cached(self, path: str, body: bytes, check: Callable[[bytes, str], T]) -> T:
        """What `check` makes of a cached body, or the refusal naming its entry."""
        try:
            return check(body, "")
        except Unusable as exc:
            raise self.bad_entry(path, exc.reason) from None

    def bad_entry(self, path: str, reason: str) -> BadCacheEntry:
        """The refusal of a cached body, naming the entry."""
        entry = self.cache.entry_file(path) if self.cache is not None else path
        return BadCacheEntry(
            f"the cached copy of {path} ({entry}) holds {reason}; run again with --refresh to "
            "download it again."
        )

    def _refused(self, path: str, what: str, reason: str, advice: str = "") -> BadResponse:
        """The refusal of a body EDGAR answered with."""
        about = f" ({what})" if what else ""
        return BadResponse(
            f"EDGAR at {self.settings.where} answered {path}{about} with {reason}, so it was "
            f"refused and not cached; {advice or 'run again later, or check --edgar-url'}."
        )

    def _count(self, what: str) -> None:
        with self._stats_lock:
            setattr(self.stats, what, getattr(self.stats, what) + 1)

    def _download(
        self, path: str, check: Callable[[bytes, str], T], what: str, validators: dict[str, str]
    ) -> tuple[bytes, T, dict[str, str]]:
        """The body at a path, what `check` makes of it and the validators EDGAR sent with it (ETag,
        Last-Modified): redirects followed within EDGAR, transient failures retried (every request waiting its
        turn at the rate limiter). With `validators`, the request is conditional and a 304 raises _NotModified."""
        s = self.settings
        url, hops = s.url(path), 0
        waited, attempt = 0.0, 0
        while True:
            self.limiter.wait()
            self._count("requests")
            unusable: Unusable | None = None
            try:
                body, ctype, sent = self._request(url, validators)
                if not body:
                    raise BadBody("the body is empty")
                value = check(body, ctype)
                self._count("downloads")
                return body, value, sent
            except TooLarge:
                raise self._refused(
                    path,
                    what,
                    f"more than {_mb(s.max_bytes)} MB once decompressed, more than any annual report",
                    "TRACKER_EDGAR_MAX_MB sets the limit",
                ) from None
            except Unusable as exc:
                if not exc.retry:
                    raise self._refused(path, what, exc.reason) from None
                unusable, delay, problem = exc, _backoff(s.backoff, attempt), exc.reason
            except urllib.error.HTTPError as exc:
                if exc.code == 304 and validators:
                    exc.close()
                    raise _NotModified from None
                if exc.code in _REDIRECTS:
                    hops += 1
                    url = self._redirect(exc, path, url, hops)
                    continue
                delay, problem = self._http_error(exc, url, attempt)
            except (BadBody, urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                offline = _offline(exc, url, s.where)
                if offline:
                    raise EdgarUnavailable(offline) from None
                delay, problem = _backoff(s.backoff, attempt), _describe(exc)
            attempt += 1
            if attempt > s.retries or waited + delay > s.max_retry_time:
                if unusable is not None:
                    raise self._refused(path, what, f"{unusable.reason} {attempt} times in a row") from None
                raise EdgarUnavailable(
                    f"EDGAR at {s.where} kept failing for {path} ({problem}, {attempt} attempts); check your "
                    "network connection or --edgar-url / TRACKER_EDGAR_URL, then run the command again."
                )
            self._count("retries")
            waited += delay
            time.sleep(delay)

    def _redirect(self, exc: urllib.error.HTTPError, path: str, url: str, hops: int) -> str:
        """Where a redirect leads, or the refusal of one that leaves EDGAR or comes after too many."""
        s = self.settings
        location = exc.headers.get("Location") if exc.headers else None
        exc.close()
        if not location:
            raise BadResponse(
                f"EDGAR at {s.where} redirected {path} without saying where to (no Location), so "
                "it was not followed; check --edgar-url."
            )
        target = urllib.parse.urljoin(url, location.strip())
        if not s.within_edgar(target, url):
            raise BadResponse(
                f"EDGAR at {s.where} redirected {path} to {_shown(target)}, outside EDGAR, so it "
                "was not followed (requests carry your User-Agent and e-mail address); check "
                "--edgar-url."
            )
        if hops > s.max_redirects:
            raise BadResponse(
                f"EDGAR at {s.where} redirected {path} more than {s.max_redirects} times (last "
                f"to {_shown(target)}), so it was given up; check --edgar-url, or run the "
                "command again later."
            )
        return target

    def _request(
        self, url: str, validators: dict[str, str] | None = None
    ) -> tuple[bytes, str, dict[str, str]]:
        """One GET, redirects and 304 handed back as HTTPError: the body decoded as it arrives (TooLarge past the
        cap), its Content-Type and its validators (ETag, Last-Modified). `validators` make it conditional."""
        cap = self.settings.max_bytes
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"}
        if validators and validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators and validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        req = urllib.request.Request(url, headers=headers)
        with self._opener.open(req, timeout=self.settings.timeout) as resp:
            declared = (resp.headers.get("Content-Length") or "").strip()
            encoding = (resp.headers.get("Content-Encoding") or "").strip().lower()
            ctype = resp.headers.get("Content-Type") or ""
            sent = {
                key: value.strip()
                for key, value in (
                    ("etag", resp.headers.get("ETag") or ""),
                    ("last_modified", resp.headers.get("Last-Modified") or ""),
                )
                if value.strip()
            }
            if encoding not in _COMPRESSED and declared.isdigit() and int(declared) > cap:
                raise TooLarge
            decoder, received = Decoder(encoding, cap), 0
            for piece in _pieces(resp):
                received += len(piece)
                decoder.feed(piece)
        if declared.isdigit() and int(declared) != received:
            raise BadBody(f"the body is truncated ({received} of {declared} bytes)")
        return decoder.result(), ctype, sent

    def _http_error(self, exc: urllib.error.HTTPError, url: str, attempt: int) -> tuple[float, str]:
        """The delay before retrying an HTTP error, or the error that ends the run."""
        s = self.settings
        code = exc.code
        retry_after = _retry_after(exc.headers.get("Retry-After") if exc.headers else None)
        exc.close()
        if code == 429:
            with self._stats_lock:
                self._count_429 += 1
            delay = max(retry_after or 0.0, _backoff(s.backoff * 10, self._count_429 - 1))
            if self._count_429 >= s.max_429 or delay > s.max_retry_time:
                raise RateLimited(
                    f"EDGAR at {s.where} answered 429 Too Many Requests {self._count_429} times; SEC blocks "
                    "clients over its rate limit for about 10 minutes and retrying prolongs the block, so "
                    "wait 10 minutes, lower --rate, and run the command again."
                )
            self.limiter.pause(delay)
            return delay, "429 Too Many Requests"
        if code >= 500:
            return max(retry_after or 0.0, _backoff(s.backoff, attempt)), f"HTTP {code}"
        if code == 404:
            raise NotOnEdgar(
                f"EDGAR at {s.where} has no {url} (404); the filing index may have changed, "
                "run again later or check --edgar-url."
            )
        if code == 403:
            raise EdgarUnavailable(
                f"EDGAR at {s.where} refused {url} (403 Forbidden), as SEC does for undeclared or too fast "
                "clients; check --user-agent, wait 10 minutes and run again with a lower --rate."
            )
        raise EdgarUnavailable(f"EDGAR at {s.where} answered HTTP {code} for {url}; check --edgar-url.")

    # -- EDGAR documents ---------------------------------------------------------------------------
    def company_list(self) -> list[Company]:
        """Every company of EDGAR's ticker list (cached for the freshness window); a list that cannot be used
        is refused once per run (BadResponse)."""
        if self._company_list_error is not None:
            raise self._company_list_error
        if self._company_list is None:
            try:
                data = self.listing(
                    "/files/company_tickers.json",
                    _company_list_problem,
                    "EDGAR's company list",
                    what="the company list",
                )
            except BadResponse as exc:
                self._company_list_error = exc
                raise
            rows = data.values() if isinstance(data, dict) else data
            by_cik: dict[str, Company] = {}
            for row in rows:
                cik = str(row["cik_str"]).zfill(10)
                company = by_cik.setdefault(cik, Company(cik, row.get("title") or "", []))
                if row.get("ticker"):
                    company.tickers.append(str(row["ticker"]).upper())
            self._company_list = list(by_cik.values())
        return self._company_list

    def submissions(self, cik: str) -> dict:
        """The submissions JSON of a CIK (asked once per run, see `listing`)."""
        return self.listing(
            f"/submissions/CIK{cik}.json",
            _submissions_problem,
            "EDGAR's submissions",
            what=f"the filings of CIK {cik}",
        )

    def submissions_page(self, name: str) -> dict:
        """An older page listed in `filings.files` (asked once per run, see `listing`)."""
        return self.listing(
            f"/submissions/{name}",
            lambda data: _columns_problem(data, "the page"),
            "a page of EDGAR's submissions",
            what="an older page of filings",
        )

    def document(self, filing: Filing, name: str | None = None) -> bytes:
        """A file of a filing's archive folder (the primary document unless named); cached forever once it
        reads as what it should be (an annual report, an R page, a FilingSummary.xml). A cached copy is not
        read again here: the ingest that reads it names a bad one (see `served_from_cache`)."""
        check = _filing_summary_check if name == "FilingSummary.xml" else _annual_report_check
        return self.get(filing.path(name), check, max_age=None, check_cached=False)

    def filing_index(self, filing: Filing) -> bytes:
        """The filing's index page (`{accession}-index.htm`): its documents with their types (EX-13, ...);
        cached forever once it reads as one."""
        return self.get(
            filing.path(f"{filing.accession}-index.htm"),
            _filing_index_check,
            max_age=None,
            what="the filing's index",
        )

    def exhibit(self, filing: Filing, name: str) -> bytes:
        """A document of a filing other than its primary one (the annual report to shareholders, Exhibit 13);
        cached forever once it reads as HTML or text."""
        return self.get(filing.path(name), _exhibit_check, max_age=None, what=f"the exhibit {name}")


class _HandRedirectsBack(urllib.request.HTTPRedirectHandler):
    """Follows no redirect: each comes back to the client as an HTTPError, for it to follow within EDGAR."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> None:
        """Never a new request (urllib then raises the redirect as an HTTPError)."""


# -- checks of what EDGAR answers ------------------------------------------------------------------
def _json_check(problem: Callable[[Any], str | None], name: str) -> Callable[[bytes, str], Any]:
    """A check that parses JSON and refuses what is not `name` (an HTML page, JSON cut short, other keys)."""

    def check(body: bytes, ctype: str) -> Any:
        if "html" in ctype.lower() or body.lstrip()[:1] == b"<":
            raise Unusable("an HTML page instead of JSON")
        try:
            data = json.loads(body)
        except ValueError:
            raise Unusable("JSON that is cut short or malformed", retry=True) from None
        wrong = problem(data)
        if wrong:
            raise Unusable(f"JSON that is not {name} ({wrong})")
        return data

    return check


def _kind(value: Any) -> str:
    """What a JSON value is, for messages."""
    if isinstance(value, bool):
        return "true or false"
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _company_list_problem(data: Any) -> str | None:
    """What keeps a company_tickers.json from being EDGAR's company list, or None."""
    rows = list(data.values()) if isinstance(data, dict) else data
    if not isinstance(rows, list):
        return f"it is {_kind(data)}, not an object"
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            return f"entry {i} is {_kind(row)}, not an object"
        cik = row.get("cik_str")
        if isinstance(cik, bool) or not (
            isinstance(cik, int)
            and 0 < cik < 10**10
            or isinstance(cik, str)
            and cik.isdigit()
            and len(cik) <= 10
        ):
            return f"entry {i} has no CIK (cik_str)"
        for key in ("ticker", "title"):
            if row.get(key) is not None and not isinstance(row[key], str):
                return f"the {key} of entry {i} is {_kind(row[key])}, not text"
    return None


def _submissions_problem(data: Any) -> str | None:
    """What keeps a submissions JSON from being EDGAR's, or None."""
    if not isinstance(data, dict):
        return f"it is {_kind(data)}, not an object"
    filings = data.get("filings")
    if not isinstance(filings, dict):
        return "it has no filings"
    problem = _columns_problem(filings.get("recent"), "filings.recent")
    if problem:
        return problem
    files = filings.get("files") or []
    if not isinstance(files, list) or not all(
        isinstance(f, dict)
        and isinstance(f.get("name"), str)
        and _PAGE_NAME.fullmatch(f["name"])
        and isinstance(f.get("filingTo") or "", str)
        for f in files
    ):
        return "filings.files is not a list of pages, each with a file name"
    if not isinstance(data.get("name") or "", str):
        return f"its name is {_kind(data['name'])}, not text"
    tickers = data.get("tickers") or []
    if not isinstance(tickers, list) or not all(isinstance(t, str) for t in tickers):
        return "its tickers are not a list of text"
    return None


def _columns_problem(block: Any, where: str) -> str | None:
    """What keeps a block of filings (`filings.recent`, or an older page) from being EDGAR's parallel lists of
    accession numbers, forms, dates and documents, or None."""
    if not isinstance(block, dict):
        return f"{where} is {_kind(block)}, not an object"
    accessions = block.get("accessionNumber")
    if not isinstance(accessions, list) or not all(isinstance(a, str) and a for a in accessions):
        return f"{where}.accessionNumber is not a list of accession numbers"
    for key in _FILING_COLUMNS:
        column = block.get(key)
        if column is None:
            continue
        if not isinstance(column, list) or len(column) != len(accessions):
            return f"{where}.{key} is not a list as long as accessionNumber"
        allowed: tuple[type, ...] = (int, str) if key == "isInlineXBRL" else (str,)
        if not all(v is None or isinstance(v, allowed) for v in column):
            return f"{where}.{key} holds values that are not text"
        if key in ("filingDate", "reportDate") and not all(_DATE.fullmatch(v or "") for v in column):
            return f"{where}.{key} holds values that are not dates"
    return None


def _annual_report_check(body: bytes, ctype: str) -> bytes:
    """A primary document or R page as it came, refused unless the readers read it as an annual report's
    cybersecurity disclosure (an error page served with status 200 is not one)."""
    from tracker.read import read_bytes

    kind = ctype.split(";")[0].strip().lower()
    if kind and not _DOCUMENT_TYPE.fullmatch(kind):
        raise Unusable(f"a body of type {_shown(kind)} instead of a document")
    try:
        read_bytes(body)
    except BadInput as exc:
        raise Unusable(f"a page that is not a readable annual report ({str(exc).rstrip('.')})") from None
    return body


def _filing_index_check(body: bytes, ctype: str) -> bytes:
    """A filing index page as it came, refused unless it lists documents."""
    if b"<table" not in body.lower() or b"<td" not in body.lower():
        raise Unusable("a page that is not a filing index")
    return body


def _exhibit_check(body: bytes, ctype: str) -> bytes:
    """An exhibit as it came, refused unless it is an HTML or text document (an error page passes here: the
    reader of the exhibit refuses it, naming what it lacks)."""
    kind = ctype.split(";")[0].strip().lower()
    if kind and not _DOCUMENT_TYPE.fullmatch(kind):
        raise Unusable(f"a body of type {_shown(kind)} instead of a document")
    return body


_CYBER_BYTES_RE = re.compile(rb"(?i)cyber\s*-?\s*security|information\s+security")
_INDEX_ROW_RE = re.compile(r"<tr\b.*?</tr>", re.I | re.S)
_INDEX_CELL_RE = re.compile(r"<td\b[^>]*>(.*?)</td>", re.I | re.S)
_HREF_RE = re.compile(r"href=[\"']([^\"']+)[\"']", re.I)


def _index_documents(index: bytes) -> list[tuple[str, str, str]]:
    """(file name, description in lower case, type in upper case) of each document a filing index lists."""
    text = index.decode("utf-8", "replace")
    out = []
    for row in _INDEX_ROW_RE.findall(text):
        cells = [re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in _INDEX_CELL_RE.findall(row)]
        href = _HREF_RE.search(row)
        if len(cells) >= 4 and href is not None:
            out.append((href.group(1).rsplit("/", 1)[-1], cells[1].lower(), cells[3].upper()))
    return out


def annual_report_exhibits(index: bytes) -> list[str]:
    """The file names of the annual report to shareholders in a filing index, most likely first: the documents
    of type EX-13 (EX-13.1, EX-13.2 ... when filed in parts), else those whose description names the annual
    report (not the 10-K itself)."""
    typed: list[str] = []
    described: list[str] = []
    for name, description, kind in _index_documents(index):
        if re.fullmatch(r"EX-13(?:\.\d+)?", kind):
            typed.append(name)
        elif "annual report" in description and not kind.startswith(("10-K", "20-F")):
            described.append(name)
    return list(dict.fromkeys(typed or described))


def press_release_exhibits(index: bytes) -> list[str]:
    """The file names of a current report's Exhibit 99 documents (EX-99, EX-99.1, EX-99.2 ...: the press
    releases and other materials furnished or filed with an Item 7.01 or 8.01), in the index's order."""
    return list(
        dict.fromkeys(
            name for name, _, kind in _index_documents(index) if re.fullmatch(r"EX-99(?:\.\d+)?", kind)
        )
    )


def _filing_summary_check(body: bytes, ctype: str) -> bytes:
    """A FilingSummary.xml as it came, refused unless it is one."""
    if b"<FilingSummary" not in body[:4096]:
        raise Unusable("a page that is not a FilingSummary.xml")
    return body


def _offline(exc: BaseException, url: str, where: str) -> str | None:
    """The message for a failure no retry can mend (a host name that cannot be resolved, an unreachable
    network), or None."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        host = urllib.parse.urlsplit(url).hostname or url
        return (
            f"cannot resolve {_shown(host)}, the host of EDGAR at {where} ({reason.strerror or reason}); "
            "check your network connection or --edgar-url / TRACKER_EDGAR_URL, then run the command again."
        )
    if isinstance(reason, OSError) and reason.errno == errno.ENETUNREACH:
        return (
            f"the network is unreachable, so EDGAR at {where} cannot be reached; check your network "
            "connection, then run the command again."
        )
    return None


def _shown(text: str, limit: int = 200) -> str:
    """Text from a server as a message may show it: control characters escaped, cut at `limit`."""
    text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[:limit] + "..."


def _backoff(base: float, attempt: int, cap: float = 60.0) -> float:
    """Exponential delay with jitter: base * 2**attempt, capped, scaled by a random 0.5 to 1.0."""
    return min(cap, base * 2**attempt) * random.uniform(0.5, 1.0)


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError):
        return f"cannot connect: {exc.reason}"
    if isinstance(exc, http.client.IncompleteRead):
        return "the body is truncated"
    if isinstance(exc, TimeoutError):
        return "timed out"
    return str(exc) or type(exc).__name__


# -- companies and filings -------------------------------------------------------------------------
@dataclass
class Company:
    """A registrant as EDGAR lists it."""

    cik: str
    """CIK zero-padded to 10 digits."""
    name: str
    """EDGAR's title."""
    tickers: list[str] = field(default_factory=list)
    """Trading symbols, primary first."""

    @property
    def display(self) -> str:
        """Name for messages."""
        return f"{self.name} (CIK {self.cik})" if self.name else f"CIK {self.cik}"


def _ticker_key(text: str) -> str:
    return re.sub(r"[-./ ]", "", text.upper())


def resolve_company(client: Client, query: str) -> Company:
    """A company by ticker, CIK (with or without zeros) or unambiguous name prefix."""
    query = query.strip()
    if not query:
        raise BadInput("the filer is empty; give a ticker, a CIK or a company name.")
    if query.isdigit() and len(query) <= 10:
        return _company_by_cik(client, query)
    companies = client.company_list()
    key = _ticker_key(query)
    for company in companies:
        if any(_ticker_key(t) == key for t in company.tickers):
            return company
    prefix = query.casefold()
    named = [c for c in companies if c.name.casefold().startswith(prefix)]
    if len(named) == 1:
        return named[0]
    if named:
        listed = ", ".join(f"{c.name} ({c.tickers[0] if c.tickers else c.cik})" for c in named[:8])
        raise BadInput(f"{query!r} matches several companies ({listed}); give a ticker or CIK.")
    raise BadInput(f"EDGAR lists no company with ticker or name {query!r}; {_suggestions(query, companies)}")


def _company_by_cik(client: Client, query: str) -> Company:
    """A company by CIK: from the company list, else from its submissions (companies without a ticker are
    missing from the list, and a CIK needs no list when the list cannot be used)."""
    cik = query.zfill(10)
    try:
        companies = client.company_list()
    except BadResponse:
        companies = []
    for company in companies:
        if company.cik == cik:
            return company
    try:
        data = client.submissions(cik)
    except NotOnEdgar:
        raise BadInput(
            f"EDGAR has no company with CIK {query}; check the number on EDGAR's company search."
        ) from None
    return Company(cik, data.get("name") or "", [t.upper() for t in data.get("tickers") or []])


def _suggestions(query: str, companies: list[Company]) -> str:
    """`did you mean ...?` with the tickers and names closest to a query, or what to do instead."""
    by_ticker = {t: c for c in companies for t in c.tickers}
    close = difflib.get_close_matches(query.upper(), list(by_ticker), n=4, cutoff=0.6)
    names = {c.name.upper(): c for c in companies}
    close_names = difflib.get_close_matches(query.upper(), list(names), n=3, cutoff=0.6)
    shown = [f"{t} ({by_ticker[t].name})" for t in close]
    shown += [
        f"{names[n].name} ({names[n].tickers[0] if names[n].tickers else names[n].cik})"
        for n in close_names
        if names[n] not in [by_ticker[t] for t in close]
    ]
    if shown:
        return f"did you mean {', '.join(shown)}?"
    return "check the spelling, or give the CIK from EDGAR's company search."


@dataclass
class Filing:
    """One annual report as the submissions JSON lists it."""

    cik: str
    """CIK zero-padded to 10 digits."""
    accession: str
    """Accession number, with dashes (0001018724-25-000004)."""
    form: str
    """10-K, 20-F, 10-K/A or 20-F/A."""
    filing_date: str
    """ISO date it was filed."""
    report_date: str
    """ISO period end (may be empty)."""
    primary_document: str
    """File name of the main document in the archive folder."""
    inline_xbrl: bool = False
    """Whether EDGAR marks it as Inline XBRL."""
    items: str = ""
    """The 8-K items EDGAR lists for it (`1.05,9.01`; empty for other forms)."""

    def path(self, name: str | None = None) -> str:
        """EDGAR path of a file of this filing's folder (the primary document unless named)."""
        return (
            f"/Archives/edgar/data/{int(self.cik)}/{self.accession.replace('-', '')}/"
            f"{name or self.primary_document}"
        )

    @property
    def fiscal_years(self) -> tuple[int, ...]:
        """Fiscal years this report may be for, most likely first (see the module docstring)."""
        if self.report_date[:4].isdigit():
            year, month = int(self.report_date[:4]), int(self.report_date[5:7] or 12)
            return (year, year - 1) if month <= 3 else (year,)
        year = int(self.filing_date[:4])
        return (year - 1, year)


def parse_years(text: str | None, today: date | None = None) -> tuple[int, int]:
    """`2023-2025`, `2024`, `2023-` (to this year) or None (2023 to this year) as an inclusive range."""
    this_year = (today or date.today()).year
    if not text:
        return FIRST_DISCLOSURE_YEAR, this_year
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(-)\s*(\d{4})?)?\s*", text)
    if not m:
        raise BadInput(f"--years {text!r} is not a year or a range; write 2024 or 2023-2025.")
    first = int(m.group(1))
    last = int(m.group(3)) if m.group(3) else (this_year if m.group(2) else first)
    if last < first:
        raise BadInput(f"--years {text!r} ends before it starts; write the earlier year first.")
    return first, last


def parse_forms(text: str | None, include_amendments: bool) -> tuple[str, ...]:
    """The forms asked for (10-K and 20-F by default), with their /A amendments on request."""
    forms = [f.strip().upper() for f in (text or ",".join(ANNUAL_FORMS)).split(",") if f.strip()]
    allowed = set(ANNUAL_FORMS) | {f + "/A" for f in ANNUAL_FORMS} | set(CURRENT_FORMS)
    unknown = [f for f in forms if f not in allowed]
    if unknown or not forms:
        raise BadInput(
            f"--forms accepts 10-K, 20-F (and 10-K/A, 20-F/A) and 8-K (and 8-K/A, for cybersecurity "
            f"incidents), not {', '.join(unknown) or 'nothing'}."
        )
    if include_amendments:
        forms += [f + "/A" for f in forms if not f.endswith("/A")]
    return tuple(dict.fromkeys(forms))


def _rows(block: dict, cik: str) -> Iterable[Filing]:
    """Filings of a `filings.recent` block or an older page (parallel arrays)."""
    acc = block.get("accessionNumber") or []
    col = {
        k: block.get(k) or [""] * len(acc)
        for k in ("form", "filingDate", "reportDate", "primaryDocument", "isInlineXBRL", "items")
    }
    for i, accession in enumerate(acc):
        yield Filing(
            cik,
            accession,
            str(col["form"][i]).upper(),
            col["filingDate"][i] or "",
            col["reportDate"][i] or "",
            col["primaryDocument"][i] or "",
            bool(col["isInlineXBRL"][i]),
            str(col["items"][i] or ""),
        )


def list_filings(client: Client, submissions: dict, cik: str, first_year: int | None) -> list[Filing]:
    """Every filing of `filings.recent`, plus the older pages when recent does not reach back to
    filings of `first_year` (a report for fiscal year Y is never filed before January 1 of Y); every
    page when first_year is None."""
    filings_block = submissions.get("filings") or {}
    recent = list(_rows(filings_block.get("recent") or {}, cik))
    window_start = f"{first_year}-01-01" if first_year is not None else "0000-00-00"
    oldest = min((f.filing_date for f in recent if f.filing_date), default=None)
    if oldest is not None and oldest <= window_start:
        return recent
    older: list[Filing] = []
    for page in filings_block.get("files") or []:
        if (page.get("filingTo") or "9999") >= window_start:
            older += _rows(client.submissions_page(page["name"]), cik)
    return recent + older


def annual_reports(filings: list[Filing], years: tuple[int, int], forms: tuple[str, ...]) -> list[Filing]:
    """The filings of those forms whose fiscal year may be in the range, oldest filing first."""
    first, last = years
    chosen = [
        f
        for f in filings
        if f.form in forms and f.primary_document and any(first <= y <= last for y in f.fiscal_years)
    ]
    return sorted(chosen, key=lambda f: (f.filing_date, f.accession))


def no_report_message(
    company: Company, filings: list[Filing], years: tuple[int, int], forms: tuple[str, ...]
) -> str:
    """Why nothing was selected: the annual reports that do exist."""
    annual = [f for f in filings if f.form in set(ANNUAL_FORMS) | {x + "/A" for x in ANNUAL_FORMS}]
    span = f"{years[0]}" if years[0] == years[1] else f"{years[0]}-{years[1]}"
    if not annual:
        exists = "EDGAR lists no 10-K or 20-F for it at all"
    else:
        by_form: dict[str, set[int]] = {}
        for f in annual:
            by_form.setdefault(f.form, set()).add(f.fiscal_years[0])
        exists = "it has " + "; ".join(
            f"{form} for {', '.join(map(str, sorted(ys)))}" for form, ys in sorted(by_form.items())
        )
    return f"{company.display} has no {' or '.join(forms)} for fiscal years {span}; {exists}."


def document_fiscal_year(data: bytes) -> int | None:
    """`dei:DocumentFiscalYearFocus` of an Inline XBRL document, found without parsing it."""
    m = _FY_FOCUS.search(data)
    return int(m.group(1)) if m else None


def cyber_r_page(client: Client, filing: Filing) -> tuple[str, bytes] | None:
    """The R page whose ShortName mentions Cybersecurity (from FilingSummary.xml), if the filing has one."""
    try:
        summary = client.document(filing, "FilingSummary.xml")
    except NotOnEdgar:
        return None
    for report in re.findall(rb"<Report\b.*?</Report>", summary, re.S):
        short = re.search(rb"<ShortName>(.*?)</ShortName>", report, re.S)
        html = re.search(rb"<HtmlFileName>(.*?)</HtmlFileName>", report, re.S)
        if short and html and b"cybersecurity" in short.group(1).lower():
            name = html.group(1).decode().strip()
            return name, client.document(filing, name)
    return None


# -- fetching into the store -----------------------------------------------------------------------
class NoAnnualReport(BadInput):
    """The company has no annual report of the forms asked in the years asked."""


@dataclass
class Fetched:
    """What became of one listed filing."""

    filing: Filing
    """The filing."""
    result: Any = None
    """The store's IngestResult, when it was ingested."""
    skipped: str | None = None
    """Why it was left out (its document names a fiscal year outside the range)."""
    error: str | None = None
    """Why it could not be ingested."""
    code: int = 0
    """Exit code that failure calls for (2 for an answer or a document that cannot be used, 3 otherwise)."""
    source: str = ""
    """File ingested: the primary document, or the cyber R page when the document could not be read."""


def fetch_company(
    client: Client,
    store: Any,
    company: Company,
    years: tuple[int, int],
    forms: tuple[str, ...],
    report: Callable[[Fetched], None] | None = None,
) -> list[Fetched]:
    """Download and ingest a company's annual reports of those forms and fiscal years, oldest first.

    Each filing is one transaction of the store; one that cannot be read is reported and the others go
    on. Network failures (EdgarUnavailable) stop the run.
    """
    submissions = client.submissions(company.cik)
    company.name = company.name or submissions.get("name") or ""
    filings = list_filings(client, submissions, company.cik, years[0])
    chosen = annual_reports(filings, years, forms)
    if not chosen:
        everything = list_filings(client, submissions, company.cik, None)
        raise NoAnnualReport(no_report_message(company, everything, years, forms))
    done = []
    for filing in chosen:
        item = fetch_filing(client, store, filing, years, company.name or None, tuple(company.tickers))
        done.append(item)
        if report is not None:
            report(item)
    return done


def fetch_filing(
    client: Client,
    store: Any,
    filing: Filing,
    years: tuple[int, int],
    company_name: str | None = None,
    tickers: tuple[str, ...] = (),
) -> Fetched:
    """Download one filing's primary document and ingest it (falling back on its cyber R page).

    EDGAR's company name and tickers fill what the source does not state (an R page names no filer).
    """
    year = None
    try:
        data = client.document(filing)
    except (NotOnEdgar, BadCacheEntry) as exc:
        return _failed(filing, exc)
    except BadResponse as exc:  # not an annual report the readers can use: its R page may be
        first: TrackerError = exc
    else:
        year = document_fiscal_year(data)
        if year is not None and not years[0] <= year <= years[1]:
            return Fetched(filing, skipped=f"the document is for fiscal year {year}, outside the years asked")
        try:
            return Fetched(
                filing,
                _ingest(store, data, filing, filing.primary_document, year, company_name, tickers, client),
                source=filing.primary_document,
            )
        except BadInput as exc:
            first = _cached_failure(client, filing.path(), data, exc)
            if isinstance(first, BadCacheEntry):
                return _failed(filing, first)
    try:
        page = cyber_r_page(client, filing) if filing.inline_xbrl else None
    except (NotOnEdgar, BadResponse) as exc:
        return _failed(filing, first, f" (and its R page: {str(exc).rstrip('.')})")
    if page is None:
        return _failed(filing, first)
    page_name, body = page
    try:
        return Fetched(
            filing, _ingest(store, body, filing, page_name, year, company_name, tickers), source=page_name
        )
    except BadInput as exc:
        second = _cached_failure(client, filing.path(page_name), body, exc)
        return _failed(filing, first, f" (and its R page {page_name}: {str(second).rstrip('.')})")


def _failed(filing: Filing, exc: TrackerError, more: str = "") -> Fetched:
    """A filing that could not be ingested, with the reason and the exit code the error calls for."""
    return Fetched(filing, error=str(exc).rstrip(".") + more if more else str(exc), code=int(exc.exit_code))


def _cached_failure(client: Client, path: str, data: bytes, exc: BadInput) -> BadInput:
    """The error to report for a document that could not be ingested: a BadCacheEntry naming the entry when
    the document came from the cache and does not read (kept by an earlier version), else the error itself."""
    from tracker.read import read_bytes

    if client.served_from_cache(path) is None:
        return exc
    try:
        read_bytes(data)
    except BadInput as unreadable:
        return client.bad_entry(
            path, f"a page that is not a readable annual report ({str(unreadable).rstrip('.')})"
        )
    return exc


def _ingest(
    store: Any,
    data: bytes,
    filing: Filing,
    file: str,
    year: int | None,
    name: str | None,
    tickers: tuple[str, ...] = (),
    client: Client | None = None,
) -> Any:
    """Ingest one document of a filing; the document's fiscal year wins, the listing's fills a gap. With a
    client, an Item 1C incorporated by reference is read from the exhibit the filing index lists."""
    from tracker.pipeline.ingest import Options, ingest_bytes

    path = Path(filing.path(file).lstrip("/"))
    opts = Options(
        filer=filing.cik,
        default_name=name,
        form=filing.form,
        accession=filing.accession,
        filing_date=filing.filing_date,
        default_year=year or filing.fiscal_years[0],
        default_period_end=filing.report_date or None,
        tickers=list(tickers),
    )
    return ingest_bytes(
        store, data, path, opts, find_exhibit=client_exhibit(client, filing) if client else None
    )


def client_exhibit(client: Client, filing: Filing) -> Callable[[Any], tuple[bytes, str] | None]:
    """Finds the document a filing's Item 1C incorporates by reference: the filing index's EX-13 (or the
    document described as the annual report), downloaded under the same rules as every request. None when the
    index lists none (the version is then stored as not read)."""

    def find(disclosure: Any) -> tuple[bytes, str] | None:
        try:
            names = annual_report_exhibits(client.filing_index(filing))
        except NotOnEdgar:
            names = []
        if not names:
            disclosure.notes.append("the filing index lists no Exhibit 13 (annual report to shareholders)")
            return None
        # an annual report filed in parts (EX-13.1, EX-13.2, ...): the first part that speaks of cybersecurity
        first: tuple[bytes, str] | None = None
        for name in names:
            got = client.exhibit(filing, name), filing.path(name).lstrip("/")
            if _CYBER_BYTES_RE.search(got[0]):
                return got
            first = first or got
        return first

    return find
