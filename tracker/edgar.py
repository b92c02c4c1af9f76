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
(`index/ab/<sha256 of the path>.json`). Archive documents never change, so they are kept forever; the
company list and submissions JSON are reused for a freshness window (1 day by default). Truncated or
malformed bodies are retried and never cached.

Fiscal year of a listed filing: the year of its `reportDate` (period end). A period that ends in
January to March is a candidate for that year and the year before (Walmart calls the year ending
2025-01-31 FY2025, Home Depot calls the year ending 2025-02-02 FY2024); once downloaded, the document's
own `dei:DocumentFiscalYearFocus` decides, and that is the year the store records. Without a reportDate
the candidates are the filing year and the year before.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import http.client
import json
import os
import random
import re
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from tracker.errors import BadInput, TrackerError

SEC_WWW = "https://www.sec.gov"
SEC_DATA = "https://data.sec.gov"
MAX_RATE = 10.0
DEFAULT_RATE = 5.0
ANNUAL_FORMS = ("10-K", "20-F")
#: First fiscal year with an Item 1C / 16K disclosure.
FIRST_DISCLOSURE_YEAR = 2023
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_FY_FOCUS = re.compile(rb"DocumentFiscalYearFocus[^>]*>(?:\s|<[^>]*>)*((?:19|20)\d{2})\s*<")


class EdgarUnavailable(TrackerError):
    """EDGAR (or the mirror) could not be reached or kept failing: the run stops."""


class RateLimited(EdgarUnavailable):
    """EDGAR answered 429 Too Many Requests repeatedly: the run stops so the block can expire."""


class NotOnEdgar(TrackerError):
    """A document or listing EDGAR says does not exist (404)."""


class BadBody(Exception):
    """A response body that is truncated, badly compressed or not the JSON it should be (retried)."""


# -- settings --------------------------------------------------------------------------------------
def check_user_agent(value: str | None) -> str:
    """The declared User-Agent ("Name email"), or a usage error saying why SEC requires one."""
    value = (value or "").strip()
    name = _EMAIL.sub("", value).strip(" <>()[],;")
    if not value or not _EMAIL.search(value) or not name:
        raise BadInput("EDGAR requires every automated client to declare who it is with a User-Agent naming "
                       "a person or company and an e-mail address (SEC blocks undeclared tools), so pass "
                       "--user-agent \"Jane Doe jane@example.com\" or set TRACKER_USER_AGENT.")
    return value


def check_rate(rate: float) -> float:
    """The requests-per-second limit, refused above SEC's 10 per second."""
    if not 0 < rate <= MAX_RATE:
        raise BadInput(f"--rate must be above 0 and at most {MAX_RATE:g} requests per second "
                       f"(SEC blocks clients that go faster); got {rate:g}.")
    return rate


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise BadInput(f"{name} must be a number, not {raw!r}.") from exc


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
    fresh_seconds: float = 86400.0
    """How long the company list and submissions JSON are reused from the cache."""
    cache_dir: Path | None = None
    """Where downloads are kept (None: no cache)."""

    @classmethod
    def from_env(cls, *, user_agent: str | None, base_url: str | None, rate: float | None,
                 cache_dir: Path | None) -> Settings:
        """Settings from options, falling back on TRACKER_* environment variables."""
        base = base_url or os.environ.get("TRACKER_EDGAR_URL") or None
        if base and not re.match(r"https?://[^/\s]+", base):
            raise BadInput(f"--edgar-url {base!r} is not an http(s) address; write it like "
                           "http://127.0.0.1:8080 (the mirror's base, without /Archives).")
        return cls(
            user_agent=check_user_agent(user_agent or os.environ.get("TRACKER_USER_AGENT")),
            base_url=base.rstrip("/") if base else None,
            rate=check_rate(rate if rate is not None else _env_float("TRACKER_EDGAR_RATE", DEFAULT_RATE)),
            timeout=_env_float("TRACKER_EDGAR_TIMEOUT", 30.0),
            retries=int(_env_float("TRACKER_EDGAR_RETRIES", 5)),
            backoff=_env_float("TRACKER_EDGAR_BACKOFF", 1.0),
            max_retry_time=_env_float("TRACKER_EDGAR_RETRY_TIME", 120.0),
            fresh_seconds=_env_float("TRACKER_EDGAR_FRESH_SECONDS", 86400.0),
            cache_dir=cache_dir,
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


# -- rate limiting ---------------------------------------------------------------------------------
class RateLimiter:
    """At most `rate` requests per second: each request takes the next slot 1/rate after the last one,
    plus a margin (MARGIN seconds) so that network jitter never lets the server count rate + 1 requests
    in one second.

    Thread-safe; `pause` pushes every later slot back (all threads wait after a 429).
    """

    MARGIN = 0.01

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
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


# -- cache -----------------------------------------------------------------------------------------
class Cache:
    """Content-addressed store of downloaded bodies with a path index (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _index_file(self, path: str) -> Path:
        key = hashlib.sha256(path.encode()).hexdigest()
        return self.root / "index" / key[:2] / f"{key}.json"

    def _object_file(self, sha: str) -> Path:
        return self.root / "objects" / sha[:2] / f"{sha}.gz"

    def get(self, path: str, max_age: float | None) -> bytes | None:
        """The cached body of a path, if present, intact and younger than max_age seconds (None: forever)."""
        try:
            entry = json.loads(self._index_file(path).read_text(encoding="utf-8"))
            if max_age is not None and time.time() - float(entry["fetched_at"]) > max_age:
                return None
            body = gzip.decompress(self._object_file(entry["sha256"]).read_bytes())
        except (OSError, ValueError, KeyError, EOFError, zlib.error):
            return None
        return body if hashlib.sha256(body).hexdigest() == entry["sha256"] else None

    def put(self, path: str, body: bytes) -> str:
        """Keep a body (once per content) and point the path at it; returns its sha256."""
        sha = hashlib.sha256(body).hexdigest()
        obj = self._object_file(sha)
        try:
            if not obj.exists():
                _write_atomic(obj, gzip.compress(body, 6))
            entry = {"path": path, "sha256": sha, "size": len(body), "fetched_at": time.time()}
            _write_atomic(self._index_file(path), json.dumps(entry).encode())
        except OSError as exc:
            raise TrackerError(f"cannot write the download cache in {self.root}: {exc.strerror}; "
                               "check permissions and disk space.") from exc
        return sha


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


class Client:
    """One polite EDGAR session: shared rate limiter, retries, cache, statistics."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limiter = RateLimiter(settings.rate)
        self.cache = Cache(settings.cache_dir) if settings.cache_dir else None
        self.stats = Stats()
        self._stats_lock = threading.Lock()
        self._count_429 = 0
        self._opener = urllib.request.build_opener()
        self._company_list: list[Company] | None = None

    # -- raw access --------------------------------------------------------------------------------
    def get(self, path: str, *, max_age: float | None = None, json_body: bool = False) -> bytes:
        """The body at an EDGAR path, from the cache when fresh enough, else downloaded (and cached)."""
        if self.cache is not None:
            cached = self.cache.get(path, max_age)
            if cached is not None and (not json_body or _json_ok(cached)):
                self._count("cache_hits")
                return cached
        body = self._download(path, json_body=json_body)
        if self.cache is not None:
            self.cache.put(path, body)
        return body

    def get_json(self, path: str, *, max_age: float | None) -> Any:
        """Parsed JSON at an EDGAR path."""
        return json.loads(self.get(path, max_age=max_age, json_body=True))

    def _count(self, what: str) -> None:
        with self._stats_lock:
            setattr(self.stats, what, getattr(self.stats, what) + 1)

    def _download(self, path: str, *, json_body: bool) -> bytes:
        s = self.settings
        url = s.url(path)
        waited, attempt = 0.0, 0
        while True:
            self.limiter.wait()
            self._count("requests")
            try:
                body = self._request(url)
                if json_body and not _json_ok(body):
                    raise BadBody("the JSON is malformed")
                if not body:
                    raise BadBody("the body is empty")
                self._count("downloads")
                return body
            except urllib.error.HTTPError as exc:
                delay, problem = self._http_error(exc, url, attempt)
            except (BadBody, urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                delay, problem = _backoff(s.backoff, attempt), _describe(exc)
            attempt += 1
            if attempt > s.retries or waited + delay > s.max_retry_time:
                raise EdgarUnavailable(
                    f"EDGAR at {s.where} kept failing for {path} ({problem}, {attempt} attempts); check your "
                    "network connection or --edgar-url / TRACKER_EDGAR_URL, then run the command again.")
            self._count("retries")
            waited += delay
            time.sleep(delay)

    def _request(self, url: str) -> bytes:
        req = urllib.request.Request(url, headers={
            "User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"})
        with self._opener.open(req, timeout=self.settings.timeout) as resp:
            raw = resp.read()
            declared = resp.headers.get("Content-Length")
            encoding = (resp.headers.get("Content-Encoding") or "").lower()
        if declared is not None and declared.isdigit() and int(declared) != len(raw):
            raise BadBody(f"the body is truncated ({len(raw)} of {declared} bytes)")
        try:
            if encoding == "gzip":
                return gzip.decompress(raw)
            if encoding == "deflate":
                return zlib.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise BadBody(f"the compressed body is damaged ({exc})") from exc
        return raw

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
                    "wait 10 minutes, lower --rate, and run the command again.")
            self.limiter.pause(delay)
            return delay, "429 Too Many Requests"
        if code >= 500:
            return max(retry_after or 0.0, _backoff(s.backoff, attempt)), f"HTTP {code}"
        if code == 404:
            raise NotOnEdgar(f"EDGAR at {s.where} has no {url} (404); the filing index may have changed, "
                             "run again later or check --edgar-url.")
        if code == 403:
            raise EdgarUnavailable(
                f"EDGAR at {s.where} refused {url} (403 Forbidden), as SEC does for undeclared or too fast "
                "clients; check --user-agent, wait 10 minutes and run again with a lower --rate.")
        raise EdgarUnavailable(f"EDGAR at {s.where} answered HTTP {code} for {url}; check --edgar-url.")

    # -- EDGAR documents ---------------------------------------------------------------------------
    def company_list(self) -> list[Company]:
        """Every company of EDGAR's ticker list (cached for the freshness window)."""
        if self._company_list is None:
            data = self.get_json("/files/company_tickers.json", max_age=self.settings.fresh_seconds)
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
        """The submissions JSON of a CIK (cached for the freshness window)."""
        return self.get_json(f"/submissions/CIK{cik}.json", max_age=self.settings.fresh_seconds)

    def submissions_page(self, name: str) -> dict:
        """An older page listed in `filings.files` (cached for the freshness window)."""
        return self.get_json(f"/submissions/{name}", max_age=self.settings.fresh_seconds)

    def document(self, filing: Filing, name: str | None = None) -> bytes:
        """A file of a filing's archive folder (the primary document unless named); cached forever."""
        return self.get(filing.path(name), max_age=None)


def _json_ok(body: bytes) -> bool:
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def _backoff(base: float, attempt: int, cap: float = 60.0) -> float:
    """Exponential delay with jitter: base * 2**attempt, capped, scaled by a random 0.5 to 1.0."""
    return min(cap, base * 2 ** attempt) * random.uniform(0.5, 1.0)


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
    companies = client.company_list()
    if query.isdigit() and len(query) <= 10:
        cik = query.zfill(10)
        for company in companies:
            if company.cik == cik:
                return company
        try:
            data = client.submissions(cik)  # companies without a ticker are missing from the list
        except NotOnEdgar:
            raise BadInput(f"EDGAR has no company with CIK {query}; check the number on EDGAR's company "
                           "search.") from None
        return Company(cik, data.get("name") or "", [t.upper() for t in data.get("tickers") or []])
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


def _suggestions(query: str, companies: list[Company]) -> str:
    """`did you mean ...?` with the tickers and names closest to a query, or what to do instead."""
    by_ticker = {t: c for c in companies for t in c.tickers}
    close = difflib.get_close_matches(query.upper(), list(by_ticker), n=4, cutoff=0.6)
    names = {c.name.upper(): c for c in companies}
    close_names = difflib.get_close_matches(query.upper(), list(names), n=3, cutoff=0.6)
    shown = [f"{t} ({by_ticker[t].name})" for t in close]
    shown += [f"{names[n].name} ({names[n].tickers[0] if names[n].tickers else names[n].cik})"
              for n in close_names if names[n] not in [by_ticker[t] for t in close]]
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

    def path(self, name: str | None = None) -> str:
        """EDGAR path of a file of this filing's folder (the primary document unless named)."""
        return (f"/Archives/edgar/data/{int(self.cik)}/{self.accession.replace('-', '')}/"
                f"{name or self.primary_document}")

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
    allowed = set(ANNUAL_FORMS) | {f + "/A" for f in ANNUAL_FORMS}
    unknown = [f for f in forms if f not in allowed]
    if unknown or not forms:
        raise BadInput("--forms accepts 10-K, 20-F (and 10-K/A, 20-F/A), "
                       f"not {', '.join(unknown) or 'nothing'}.")
    if include_amendments:
        forms += [f + "/A" for f in forms if not f.endswith("/A")]
    return tuple(dict.fromkeys(forms))


def _rows(block: dict, cik: str) -> Iterable[Filing]:
    """Filings of a `filings.recent` block or an older page (parallel arrays)."""
    acc = block.get("accessionNumber") or []
    col = {k: block.get(k) or [""] * len(acc) for k in
           ("form", "filingDate", "reportDate", "primaryDocument", "isInlineXBRL")}
    for i, accession in enumerate(acc):
        yield Filing(cik, accession, str(col["form"][i]).upper(), col["filingDate"][i] or "",
                     col["reportDate"][i] or "", col["primaryDocument"][i] or "",
                     bool(col["isInlineXBRL"][i]))


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
    chosen = [f for f in filings if f.form in forms and f.primary_document
              and any(first <= y <= last for y in f.fiscal_years)]
    return sorted(chosen, key=lambda f: (f.filing_date, f.accession))


def no_report_message(company: Company, filings: list[Filing], years: tuple[int, int],
                      forms: tuple[str, ...]) -> str:
    """Why nothing was selected: the annual reports that do exist."""
    annual = [f for f in filings if f.form in set(ANNUAL_FORMS) | {x + "/A" for x in ANNUAL_FORMS}]
    span = f"{years[0]}" if years[0] == years[1] else f"{years[0]}-{years[1]}"
    if not annual:
        exists = "EDGAR lists no 10-K or 20-F for it at all"
    else:
        by_form: dict[str, set[int]] = {}
        for f in annual:
            by_form.setdefault(f.form, set()).add(f.fiscal_years[0])
        exists = "it has " + "; ".join(f"{form} for {', '.join(map(str, sorted(ys)))}"
                                       for form, ys in sorted(by_form.items()))
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
    source: str = ""
    """File ingested: the primary document, or the cyber R page when the document could not be read."""


def fetch_company(client: Client, store: Any, company: Company, years: tuple[int, int],
                  forms: tuple[str, ...], report: Callable[[Fetched], None] | None = None) -> list[Fetched]:
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


def fetch_filing(client: Client, store: Any, filing: Filing, years: tuple[int, int],
                 company_name: str | None = None, tickers: tuple[str, ...] = ()) -> Fetched:
    """Download one filing's primary document and ingest it (falling back on its cyber R page).

    EDGAR's company name and tickers fill what the source does not state (an R page names no filer).
    """
    try:
        data = client.document(filing)
    except NotOnEdgar as exc:
        return Fetched(filing, error=str(exc))
    year = document_fiscal_year(data)
    if year is not None and not years[0] <= year <= years[1]:
        return Fetched(filing, skipped=f"the document is for fiscal year {year}, outside the years asked")
    try:
        return Fetched(filing, _ingest(store, data, filing, filing.primary_document, year, company_name, tickers),
                       source=filing.primary_document)
    except BadInput as exc:
        reason = str(exc)
    page = cyber_r_page(client, filing) if filing.inline_xbrl else None
    if page is None:
        return Fetched(filing, error=reason)
    page_name, body = page
    try:
        return Fetched(filing, _ingest(store, body, filing, page_name, year, company_name, tickers),
                       source=page_name)
    except BadInput as exc:
        return Fetched(filing, error=f"{reason} (and its R page {page_name}: {exc})")


def _ingest(store: Any, data: bytes, filing: Filing, file: str, year: int | None, name: str | None,
            tickers: tuple[str, ...] = ()) -> Any:
    """Ingest one document of a filing; the document's fiscal year wins, the listing's fills a gap."""
    from tracker.ingest import Options, ingest_bytes

    path = Path(filing.path(file).lstrip("/"))
    opts = Options(filer=filing.cik, default_name=name, form=filing.form, accession=filing.accession,
                   filing_date=filing.filing_date, default_year=year or filing.fiscal_years[0],
                   tickers=list(tickers))
    return ingest_bytes(store, data, path, opts)
