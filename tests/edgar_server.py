"""A real HTTP server on loopback that answers like EDGAR, built from the shared corpus at test time.

It serves `/files/company_tickers.json`, `/submissions/CIK##########.json` (each filer's oldest annual
report sits in an older page listed under `filings.files`), the pages themselves, and archive folders
with the primary documents (gunzipped corpus files, or the stored gzip bytes with Content-Encoding:
gzip when the client accepts it), `FilingSummary.xml` and, for the 20-F seeds, the cyber R page.

Faults are injected per path: `server.inject("/submissions/CIK0001842827.json", "429", "503")` makes
the next two requests for that path fail in that order. Every request is recorded with its time (the
server's monotonic clock), path, User-Agent and status.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Doc:
    """One annual report the server lists."""

    file: str
    """Corpus file (relative to the corpus folder) or `generated:NAME`."""
    form: str
    report_date: str
    filing_date: str
    seq: int
    """Sequence part of the made-up accession number."""
    r_page: str | None = None
    """Corpus file served as the cyber R page (R3.htm) listed in FilingSummary.xml."""
    exhibit: str | None = None
    """File served as the filing's Exhibit 13 (annual report to shareholders), listed in its filing index."""

    @property
    def inline(self) -> bool:
        """Whether the listing marks the filing Inline XBRL."""
        return not self.file.startswith(("seeds/", "text/"))


@dataclass
class Current:
    """One current report (8-K or 8-K/A) the server lists, with the `items` EDGAR gives it."""

    file: str
    """Corpus file, or `fixture:8k/NAME` (the project's own fixtures)."""
    form: str
    filing_date: str
    items: str
    seq: int
    exhibit: str | None = None
    """A fixture served as its Exhibit 99.1 (a press release), listed in the filing's index."""


@dataclass
class Filer:
    """A company of the made-up EDGAR."""

    cik: int
    name: str
    tickers: list[str]
    docs: list[Doc]
    current: list[Current] = field(default_factory=list)
    """Its 8-Ks (only listed when it has some: the other filers list filler 8-Ks that are never fetched)."""


FILERS = [
    Filer(
        1018724,
        "AMAZON.COM, INC.",
        ["AMZN"],
        [
            Doc("ixbrl/amzn-10-k-fy2023.html.gz", "10-K", "2023-12-31", "2024-02-02", 8),
            Doc("ixbrl/amzn-10-k-fy2024.html.gz", "10-K", "2024-12-31", "2025-02-07", 4),
        ],
    ),
    Filer(
        1652044,
        "Alphabet Inc.",
        ["GOOGL", "GOOG"],
        [
            Doc("ixbrl/googl-10-k-fy2023.html.gz", "10-K", "2023-12-31", "2024-01-31", 14),
            Doc("ixbrl/googl-10-k-fy2024.html.gz", "10-K", "2024-12-31", "2025-02-05", 10),
        ],
    ),
    Filer(
        200406,
        "Johnson & Johnson",
        ["JNJ"],
        [
            Doc("ixbrl/jnj-10-k-fy2023.html.gz", "10-K", "2023-12-31", "2024-02-16", 13),
            Doc("ixbrl/jnj-10-k-fy2024.html.gz", "10-K", "2024-12-29", "2025-02-13", 11),
        ],
    ),
    Filer(
        21344,
        "COCA COLA CO",
        ["KO"],
        [
            Doc("ixbrl/ko-10-k-fy2023.html.gz", "10-K", "2023-12-31", "2024-02-20", 9),
            Doc("ixbrl/ko-10-k-fy2024.html.gz", "10-K", "2024-12-31", "2025-02-20", 7),
        ],
    ),
    Filer(
        1318605,
        "Tesla, Inc.",
        ["TSLA"],
        [
            Doc("ixbrl/tsla-10-k-fy2023.html.gz", "10-K", "2023-12-31", "2024-01-29", 32),
            Doc("ixbrl/tsla-10-k-fy2024.html.gz", "10-K", "2024-12-31", "2025-01-30", 14),
        ],
    ),
    Filer(
        104169,
        "WALMART INC.",
        ["WMT"],
        [
            Doc("ixbrl/wmt-10-k-fy2024.html.gz", "10-K", "2024-01-31", "2024-03-15", 18),
            Doc("ixbrl/wmt-10-k-fy2025.html.gz", "10-K", "2025-01-31", "2025-03-14", 12),
        ],
    ),
    Filer(
        80424,
        "PROCTER & GAMBLE CO",
        ["PG"],
        [
            Doc("ixbrl/pg-10-k-fy2024.html.gz", "10-K", "2024-06-30", "2024-08-05", 49),
            Doc("ixbrl/pg-10-k-fy2025.html.gz", "10-K", "2025-06-30", "2025-08-04", 60),
        ],
    ),
    # A bank whose 10-K Item 1C points to its annual report to shareholders, filed as Exhibit 13 (fixtures of
    # the project, issue 19); the filing index lists the exhibit.
    Filer(
        9999931,
        "LARKSPUR BANCORP, INC.",
        ["LKB"],
        [
            Doc(
                "fixture:incorporated/larkspur-10-k-fy2023.htm",
                "10-K",
                "2023-12-31",
                "2024-02-27",
                6,
                exhibit="fixture:incorporated/larkspur-ex13-fy2023.htm",
            ),
            Doc(
                "fixture:incorporated/larkspur-10-k-fy2024.htm",
                "10-K",
                "2024-12-31",
                "2025-02-25",
                5,
                exhibit="fixture:incorporated/larkspur-ex13-fy2024.htm",
            ),
        ],
    ),
    # 20-F filers whose documents are the EDGAR R-page seeds (FY2023 of Kanzhun is made from its FY2024).
    Filer(
        1842827,
        "Kanzhun Ltd",
        ["BZ"],
        [
            Doc("seeds/kanzhun-2023", "20-F", "2023-12-31", "2024-04-12", 21, "seeds/kanzhun-2023"),
            Doc(
                "seeds/000_3eaf4e0fdd851dff.txt",
                "20-F",
                "2024-12-31",
                "2025-04-10",
                17,
                "seeds/000_3eaf4e0fdd851dff.txt",
            ),
            Doc("seeds/kanzhun-2024-amended", "20-F/A", "2024-12-31", "2025-06-16", 33),
        ],
    ),
    Filer(
        1838413,
        "Full Truck Alliance Co. Ltd.",
        ["YMM"],
        [Doc("seeds/003_dfabe7f409a2727e.txt", "20-F", "2024-12-31", "2025-04-25", 9)],
    ),
    # An Inline XBRL 20-F whose document the reader cannot use: the fetch falls back on its R page.
    Filer(
        1819580,
        "Example Holdings Ltd",
        ["XMPL"],
        [Doc("generated:stub-20-f", "20-F", "2024-12-31", "2025-04-30", 5, "seeds/004_4fca7a87e41c4154.txt")],
    ),
    # Filers with cybersecurity incidents (issue 18): the fictional sample filer, and two 8-Ks written in the
    # shape of Microsoft's and UnitedHealth's 2024 Item 1.05 reports beside their real annual reports.
    Filer(
        9999901,
        "Northwind Analytics, Inc.",
        ["NWAN"],
        [
            Doc("fixture:sample/nwan-10-k-fy2023.htm", "10-K", "2023-12-31", "2024-02-20", 11),
            Doc("fixture:sample/nwan-10-k-fy2024.htm", "10-K", "2024-12-31", "2025-02-18", 12),
        ],
        [
            Current("fixture:8k/nwan-8k-2024-03-04.htm", "8-K", "2024-03-04", "1.05", 41),
            Current("fixture:8k/nwan-8ka-2024-03-28.htm", "8-K/A", "2024-03-28", "1.05", 42),
            Current("fixture:8k/nwan-8k-2024-05-01.htm", "8-K", "2024-05-01", "2.02,5.02,9.01", 43),
            Current("fixture:8k/nwan-8k-2024-09-10.htm", "8-K", "2024-09-10", "8.01", 44),
        ],
    ),
    Filer(
        789019,
        "MICROSOFT CORP",
        ["MSFT"],
        [
            Doc("text/MSFT_2024.txt", "10-K", "2024-06-30", "2024-07-30", 30),
            Doc("text/MSFT_2025.txt", "10-K", "2025-06-30", "2025-07-30", 31),
        ],
        [
            Current("fixture:8k/msft-8k-2024-01-19.htm", "8-K", "2024-01-19", "1.05", 5),
            Current("fixture:8k/msft-8ka-2024-03-08.htm", "8-K/A", "2024-03-08", "1.05,9.01", 6),
        ],
    ),
    Filer(
        731766,
        "UNITEDHEALTH GROUP INC",
        ["UNH"],
        [Doc("ixbrl/unh-10-k-fy2024.html.gz", "10-K", "2024-12-31", "2025-02-27", 8)],
        [Current("fixture:8k/unh-8k-2024-02-22.htm", "8-K", "2024-02-22", "1.05", 7)],
    ),
]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


#: What a server in trouble may answer with status 200.
ERROR_PAGE = (
    b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service "
    b"Unavailable</h1><p>The server is temporarily unable to service your request. Please try again "
    b"later.</p></body></html>"
)
#: Size of the oversize bodies (`huge`, and the expansion of `bomb`).
HUGE = 1 << 30
_bomb: list[bytes] = []
_bomb_lock = threading.Lock()


def gzip_bomb() -> bytes:
    """About 1 MB of gzip that expands to HUGE bytes of zeros (made once, on first use)."""
    with _bomb_lock:
        if not _bomb:
            packer = zlib.compressobj(9, wbits=31)
            block = bytes(1 << 20)
            _bomb.append(b"".join([*(packer.compress(block) for _ in range(HUGE >> 20)), packer.flush()]))
        return _bomb[0]


def accession(filer: Filer, doc: Doc) -> str:
    """A plausible accession number: filer CIK, filing year, sequence."""
    return f"{filer.cik:010d}-{doc.filing_date[2:4]}-{doc.seq:06d}"


def primary_name(filer: Filer, doc: Doc) -> str:
    """Primary document name, as filers name them (`amzn-20241231.htm`)."""
    return f"{filer.tickers[0].lower()}-{doc.report_date.replace('-', '')}.htm"


def exhibit_name(filer: Filer, doc: Doc) -> str:
    """Exhibit 13's file name, as filers name them (`lkb-20241231xex13.htm`)."""
    return f"{filer.tickers[0].lower()}-{doc.report_date.replace('-', '')}xex13.htm"


def filing_index(folder: str, filer: Filer, doc: Doc) -> bytes:
    """The filing's index page as EDGAR lays it out: a table of documents (Seq, Description, Document, Type,
    Size), the 10-K first, then its exhibits (the annual report to shareholders as EX-13)."""
    rows = [
        ("1", doc.form, primary_name(filer, doc), doc.form),
        ("2", "ANNUAL REPORT TO SHAREHOLDERS", exhibit_name(filer, doc), "EX-13"),
        ("3", "SUBSIDIARIES OF THE REGISTRANT", f"{filer.tickers[0].lower()}-ex21.htm", "EX-21"),
    ]
    return _index_page(folder, rows)


def _index_page(folder: str, rows: list[tuple[str, str, str, str]]) -> bytes:
    """EDGAR's filing index layout: a table of documents (Seq, Description, Document, Type, Size)."""
    body = "".join(
        f'<tr><td scope="row">{seq}</td><td scope="row">{what}</td><td scope="row"><a href="{folder}{name}">'
        f'{name}</a></td><td scope="row">{kind}</td><td scope="row">12345</td></tr>'
        for seq, what, name, kind in rows
    )
    return (
        '<html><head><title>EDGAR Filing Documents</title></head><body><div id="formDiv"><table class="tableFile"'
        ' summary="Document Format Files"><tr><th scope="col">Seq</th><th scope="col">Description</th>'
        f'<th scope="col">Document</th><th scope="col">Type</th><th scope="col">Size</th></tr>{body}</table>'
        "</div></body></html>"
    ).encode()


def _filler(filer: Filer, doc: Doc, form: str, date: str, seq: int) -> dict:
    return {
        "accessionNumber": f"{filer.cik:010d}-{date[2:4]}-{seq:06d}",
        "filingDate": date,
        "reportDate": date,
        "form": form,
        "primaryDocument": f"x{seq}.htm",
        "isInlineXBRL": 1,
        "items": "2.02,9.01" if form == "8-K" else "",
    }


def _columns(rows: list[dict]) -> dict:
    keys = ["accessionNumber", "filingDate", "reportDate", "form", "primaryDocument", "isInlineXBRL", "items"]
    rows = sorted(rows, key=lambda r: r["filingDate"], reverse=True)
    return {k: [r[k] for r in rows] for k in keys}


def _annual_row(filer: Filer, doc: Doc) -> dict:
    return {
        "accessionNumber": accession(filer, doc),
        "filingDate": doc.filing_date,
        "reportDate": doc.report_date,
        "form": doc.form,
        "primaryDocument": primary_name(filer, doc),
        "isInlineXBRL": int(doc.inline),
        "items": "",
    }


def current_accession(filer: Filer, report: Current) -> str:
    """A plausible accession number of a current report."""
    return f"{filer.cik:010d}-{report.filing_date[2:4]}-{report.seq:06d}"


def current_name(filer: Filer, report: Current) -> str:
    """Primary document name of a current report (`msft-8k_20240119.htm`)."""
    return f"{filer.tickers[0].lower()}-{report.form.replace('/', '').lower()}_{report.filing_date.replace('-', '')}.htm"


def current_exhibit_name(filer: Filer, report: Current) -> str:
    """Exhibit 99.1's file name of a current report (`qfc-ex991_20240610.htm`)."""
    return f"{filer.tickers[0].lower()}-ex991_{report.filing_date.replace('-', '')}.htm"


def current_index(folder: str, filer: Filer, report: Current) -> bytes:
    """A current report's index page: the 8-K, its press release as EX-99.1, and the cover page's XBRL."""
    rows = [
        ("1", report.form, current_name(filer, report), report.form),
        ("2", "PRESS RELEASE", current_exhibit_name(filer, report), "EX-99.1"),
        ("3", "", f"{filer.tickers[0].lower()}-20240101_htm.xml", "XML"),
    ]
    return _index_page(folder, rows)


def _current_row(filer: Filer, report: Current) -> dict:
    return {
        "accessionNumber": current_accession(filer, report),
        "filingDate": report.filing_date,
        "reportDate": report.filing_date,
        "form": report.form,
        "primaryDocument": current_name(filer, report),
        "isInlineXBRL": 0,
        "items": report.items,
    }


def submissions(filer: Filer) -> tuple[dict, dict]:
    """The submissions JSON and its one older page: the oldest annual report (and a filler) go there."""
    oldest, newer = filer.docs[0], filer.docs[1:]
    recent = [_annual_row(filer, d) for d in newer] + [_current_row(filer, c) for c in filer.current]
    for i, d in enumerate(newer):  # quarterly reports and 8-Ks after the oldest annual report
        recent.append(_filler(filer, d, "8-K", d.filing_date[:8] + "01", 900 + i))
        recent.append(
            _filler(
                filer,
                d,
                "10-Q" if d.form == "10-K" else "6-K",
                f"{int(d.filing_date[:4]) - 1}-0{5 + i}-02",
                800 + i,
            )
        )
    older = [
        _annual_row(filer, oldest),
        _filler(filer, oldest, "8-K", f"{int(oldest.filing_date[:4]) - 1}-10-27", 700),
    ]
    page_name = f"CIK{filer.cik:010d}-submissions-001.json"
    older_dates = sorted(r["filingDate"] for r in older)
    main = {
        "cik": str(filer.cik),
        "entityType": "operating",
        "name": filer.name.upper(),
        "tickers": filer.tickers,
        "exchanges": ["Nasdaq"] * len(filer.tickers),
        "filings": {
            "recent": _columns(recent),
            "files": [
                {
                    "name": page_name,
                    "filingCount": len(older),
                    "filingFrom": older_dates[0],
                    "filingTo": older_dates[-1],
                }
            ],
        },
    }
    return main, {page_name: _columns(older)}


def filing_summary(with_cyber: bool) -> bytes:
    """A FilingSummary.xml; the cyber R page (R3.htm) is listed when the filing has one."""
    reports = [("R1.htm", "Cover Page"), ("R2.htm", "Audit Information")]
    if with_cyber:
        reports.append(("R3.htm", "Cybersecurity Risk Management and Strategy Disclosure"))
    body = "".join(
        f'<Report instance="doc.htm"><IsDefault>false</IsDefault><HtmlFileName>{h}'
        f"</HtmlFileName><ShortName>{s}</ShortName><MenuCategory>Notes</MenuCategory></Report>"
        for h, s in reports
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><FilingSummary><Version>3.24.4</Version>'
        f"<MyReports>{body}</MyReports></FilingSummary>"
    ).encode()


@dataclass
class Seen:
    """One request as the server saw it."""

    time: float
    path: str
    user_agent: str | None
    status: int = 200


@dataclass
class EdgarServer:
    """The server; use `running(corpus)` to start one."""

    corpus: Path
    delay: float = 0.0
    """Seconds every response waits before it is sent."""
    validators: bool = True
    """Whether listings carry an ETag and a Last-Modified (and a conditional request may get 304)."""
    requests: list[Seen] = field(default_factory=list)
    faults: dict[str, list[str]] = field(default_factory=dict)
    routes: dict[str, tuple[str, object]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def __post_init__(self) -> None:
        tickers = {}
        for filer in FILERS:
            for t in filer.tickers:
                tickers[str(len(tickers))] = {"cik_str": filer.cik, "ticker": t, "title": filer.name}
            main, pages = submissions(filer)
            self.routes[f"/submissions/CIK{filer.cik:010d}.json"] = ("json", main)
            for name, page in pages.items():
                self.routes[f"/submissions/{name}"] = ("json", page)
            for doc in filer.docs:
                folder = f"/Archives/edgar/data/{filer.cik}/{accession(filer, doc).replace('-', '')}/"
                self.routes[folder + primary_name(filer, doc)] = ("doc", doc.file)
                self.routes[folder + "FilingSummary.xml"] = ("bytes", filing_summary(doc.r_page is not None))
                if doc.r_page:
                    self.routes[folder + "R3.htm"] = ("doc", doc.r_page)
                if doc.exhibit:
                    self.routes[folder + exhibit_name(filer, doc)] = ("doc", doc.exhibit)
                    self.routes[folder + f"{accession(filer, doc)}-index.htm"] = (
                        "bytes",
                        filing_index(folder, filer, doc),
                    )
            for report in filer.current:
                folder = (
                    f"/Archives/edgar/data/{filer.cik}/{current_accession(filer, report).replace('-', '')}/"
                )
                self.routes[folder + current_name(filer, report)] = ("doc", report.file)
                if report.exhibit:
                    self.routes[folder + current_exhibit_name(filer, report)] = ("doc", report.exhibit)
                    self.routes[folder + f"{current_accession(filer, report)}-index.htm"] = (
                        "bytes",
                        current_index(folder, filer, report),
                    )
        self.routes["/files/company_tickers.json"] = ("json", tickers)

    # -- what tests use --------------------------------------------------------------------------
    def inject(self, path: str, *faults: str) -> None:
        """Make the next requests for `path` fail, in order: `429` (Retry-After 0), `429:N` (Retry-After N),
        `503`, `truncate` (Content-Length larger than the body, then close), `malformed` (half the JSON),
        `badgzip` (gzip body damaged), `reset` (close without answering), `slow:S` (wait S seconds first),
        `bomb` (1 MB of gzip expanding to 1 GiB), `huge` (a plain 1 GiB body with its Content-Length),
        `huge-unsized` (the same without Content-Length, until the client hangs up), `errorpage` (an HTML
        error page with status 200), `body:TEXT` (TEXT as JSON with status 200) and `redirect:URL` (302 to
        URL). A path needs no route for `redirect:`."""
        with self.lock:
            self.faults.setdefault(path, []).extend(faults)

    def seen(self, prefix: str = "") -> list[Seen]:
        """Requests whose path starts with prefix."""
        with self.lock:
            return [r for r in self.requests if r.path.startswith(prefix)]

    def doc_path(self, ticker: str, fiscal_year_report_date: str) -> str:
        """Archive path of a filer's primary document, by ticker and report date."""
        for filer in FILERS:
            if ticker in filer.tickers:
                for doc in filer.docs:
                    if doc.report_date == fiscal_year_report_date:
                        return (
                            f"/Archives/edgar/data/{filer.cik}/{accession(filer, doc).replace('-', '')}/"
                            f"{primary_name(filer, doc)}"
                        )
        raise KeyError(ticker)

    # -- bodies ----------------------------------------------------------------------------------
    def body(self, kind: str, value: object) -> bytes:
        if kind == "json":
            return json.dumps(value).encode()
        if kind == "bytes":
            return value  # type: ignore[return-value]
        return self.document(str(value))

    def document(self, name: str) -> bytes:
        """The bytes of a corpus file (gunzipped), or of a document made from one."""
        if name in ("seeds/kanzhun-2023", "seeds/kanzhun-2024-amended"):
            text = (self.corpus / "seeds/000_3eaf4e0fdd851dff.txt").read_text(encoding="utf-8")
            if name.endswith("2023"):
                text = text.replace("Dec. 31, 2024", "Dec. 31, 2023").replace(
                    "re-evaluations of our third-party IT service providers annually",
                    "re-evaluations of our third-party IT service providers every two years",
                )
            else:
                text = text.replace(
                    "our chief technology officer and relevant personnel",
                    "our chief information security officer and relevant personnel",
                )
            return text.encode()
        if name == "generated:stub-20-f":
            return (
                b"<html><head><title>20-F</title></head><body><p>Example Holdings Ltd. Annual report on "
                b"Form 20-F for the fiscal year ended December 31, 2024.</p><p>Item 3. Key Information."
                b"</p></body></html>"
            )
        if name.startswith("fixture:"):
            return (FIXTURES / name.removeprefix("fixture:")).read_bytes()
        raw = (self.corpus / name).read_bytes()
        return gzip.decompress(raw) if name.endswith(".gz") else raw


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeEDGAR/1.0"
    edgar: EdgarServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the default log
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        edgar = self.server.edgar  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        seen = Seen(time.monotonic(), path, self.headers.get("User-Agent"))
        with edgar.lock:
            edgar.requests.append(seen)
            queue = edgar.faults.get(path) or []
            fault = queue.pop(0) if queue else None
        if edgar.delay:
            time.sleep(edgar.delay)
        if fault and fault.startswith("slow:"):
            time.sleep(float(fault[5:]))
            fault = None
        if fault and fault.startswith("redirect:"):
            return self._send(seen, 302, b"", "text/html", {"Location": fault[9:]})
        route = edgar.routes.get(path)
        if route is None:
            return self._send(seen, 404, b"Not Found", "text/plain")
        if fault == "reset":
            seen.status = 0
            self.close_connection = True
            return
        if fault and fault.startswith("429"):
            wait = fault[4:] or "0"
            return self._send(
                seen, 429, b"Request Rate Threshold Exceeded", "text/html", {"Retry-After": wait}
            )
        if fault == "503":
            return self._send(seen, 503, b"Service Unavailable", "text/html")
        if fault == "errorpage":
            return self._send(seen, 200, ERROR_PAGE, "text/html")
        if fault and fault.startswith("body:"):
            return self._send(seen, 200, fault[5:].encode(), "application/json")
        if fault == "bomb":
            return self._send(seen, 200, gzip_bomb(), "text/html", {"Content-Encoding": "gzip"})
        if fault in ("huge", "huge-unsized"):
            return self._stream(seen, HUGE, sized=fault == "huge")
        body = edgar.body(*route)
        ctype = (
            "application/json"
            if route[0] == "json"
            else ("text/xml" if path.endswith(".xml") else "text/html")
        )
        if fault == "truncate":
            return self._send(seen, 200, body[: len(body) // 2], ctype, {"Content-Length": str(len(body))})
        if fault == "malformed":
            return self._send(seen, 200, body[: len(body) // 2], ctype)
        if fault == "badgzip":
            packed = bytearray(gzip.compress(body))
            packed[len(packed) // 2 : len(packed) // 2 + 64] = b"\xff" * 64
            return self._send(seen, 200, bytes(packed), ctype, {"Content-Encoding": "gzip"})
        if route[0] == "json" and edgar.validators:  # listings carry an ETag and a Last-Modified, as SEC's
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            validators = {"ETag": etag, "Last-Modified": "Mon, 02 Dec 2024 10:00:00 GMT"}
            if self.headers.get("If-None-Match") == etag:
                return self._send(seen, 304, b"", ctype, validators)
            return self._send(seen, 200, body, ctype, validators)
        if "gzip" in (self.headers.get("Accept-Encoding") or "") and route[0] == "doc":
            return self._send(seen, 200, gzip.compress(body, 1), ctype, {"Content-Encoding": "gzip"})
        return self._send(seen, 200, body, ctype)

    def _stream(self, seen: Seen, size: int, *, sized: bool) -> None:
        """`size` bytes of text in 1 MB writes, with or without Content-Length, until the client hangs up."""
        seen.status = 200
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if sized:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"<p>" + b"a" * ((1 << 20) - 3)
        try:
            for _ in range(size // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def _send(self, seen: Seen, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        seen.status = status
        headers = {"Content-Type": ctype, "Content-Length": str(len(body)), **(headers or {})}
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


@contextmanager
def running(corpus: Path) -> Iterator[EdgarServer]:
    """An EdgarServer listening on 127.0.0.1 (a free port) in a background thread."""
    edgar = EdgarServer(corpus)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.edgar = edgar  # type: ignore[attr-defined]
    edgar.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-edgar", daemon=True
    )
    thread.start()
    try:
        yield edgar
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
