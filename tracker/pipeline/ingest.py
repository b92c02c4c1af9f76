"""Ingest: read a source, fill what it lacks from the user's options, store it as a version."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import BadInput
from tracker.models import Disclosure
from tracker.pipeline.load import NOT_READ_NOTE, ExhibitFinder, load_bytes
from tracker.read import read_source
from tracker.store import COVERAGE, IngestResult, Store
from tracker.text.normalize import shared_work

if TYPE_CHECKING:
    from tracker.store.incidents import StoredIncident

# File-name patterns seen in the wild; used only for what the content does not state.
_NAME_HINTS = [
    re.compile(r"^(?P<ticker>[a-z][a-z.]{0,5})-(?:10-?k|20-?f)(?:a)?-fy(?P<year>\d{4})", re.I),
    re.compile(r"^(?P<ticker>[A-Z][A-Z.]{0,5})_(?P<year>(?:19|20)\d{2})(?:_|\.|$)"),
    re.compile(r"^(?P<cik>\d{4,10})_(?P<date>(?P<year>(?:19|20)\d{2})\d{4})_"),
]
#: A year in a file name: four digits on their own, or after "FY" ("acme_fy2024"), not part of a longer number; of
#: this century (a law's year, "hipaa_1996.txt", is no fiscal year of a cybersecurity disclosure).
_YEAR_IN_NAME_RE = re.compile(r"(?<![0-9])(?<![a-eg-xz])(20[0-9]{2})(?![0-9])", re.I)
SOURCE_SUFFIXES = {".htm", ".html", ".xhtml", ".txt", ".md", ".gz", ".text"}


@dataclass
class Options:
    """What the user said about the sources (each fills or overrides what the source states)."""

    filer: str | None = None
    """CIK or ticker."""
    name: str | None = None
    """Registrant name."""
    year: int | None = None
    """Fiscal year."""
    form: str | None = None
    """Form (10-K, 20-F, 10-K/A, ...)."""
    accession: str | None = None
    """EDGAR accession number, when known."""
    filing_date: str | None = None
    """Filing date, when known."""
    default_year: int | None = None
    """Fiscal year to use only when the source states none (e.g. from an EDGAR listing)."""
    default_name: str | None = None
    """Registrant name to use only when the source states none."""
    default_period_end: str | None = None
    """ISO period end to use only when the source states none (EDGAR's `reportDate`)."""
    tickers: list[str] = field(default_factory=list)
    """Trading symbols known from elsewhere (e.g. EDGAR's company list), added to the filer's."""


def name_hints(path: Path) -> dict[str, str]:
    """Filer and year suggested by a file name like `amzn-10-k-fy2024.html.gz` or `AMZN_2024.txt`."""
    base = path.name
    for pattern in _NAME_HINTS:
        m = pattern.match(base)
        if m:
            return {k: v for k, v in m.groupdict().items() if v}
    # else a year alone, where the name holds one and no other ("acme-fy2024.txt", "2025 item 1c.txt")
    years = set(_YEAR_IN_NAME_RE.findall(base))
    return {"year": years.pop()} if len(years) == 1 else {}


def fill_from_name(d: Disclosure, path: Path) -> Disclosure:
    """Fill the year and ticker a file name suggests, where the content states none (never an error)."""
    hints = name_hints(path)
    if d.fiscal_year is None and "year" in hints:
        d.fiscal_year = int(hints["year"])
    if not d.cik and not d.tickers and "ticker" in hints:
        d.tickers = [hints["ticker"].upper()]
    return d


def apply_options(d: Disclosure, path: Path, opts: Options) -> tuple[Disclosure, str | None]:
    """Fill the disclosure's gaps from options and the file name; returns it and the filer hint."""
    hints = name_hints(path)
    if opts.year is not None:
        d.fiscal_year = opts.year
    elif d.fiscal_year is None and opts.default_year is not None:
        d.fiscal_year = opts.default_year
    elif d.fiscal_year is None and "year" in hints:
        d.fiscal_year = int(hints["year"])
        d.notes.append(f"fiscal year {d.fiscal_year} taken from the file name")
    if opts.form:
        d.form = opts.form.upper()
        d.amendment = d.form.endswith("/A")
    if d.period_end is None and opts.default_period_end:
        d.period_end = opts.default_period_end
    if not d.name and opts.default_name:
        d.name = opts.default_name
    d.tickers = d.tickers + [t.upper() for t in opts.tickers if t.upper() not in d.tickers]
    filer = opts.filer
    if filer is None and not d.cik:
        filer = hints.get("cik") or hints.get("ticker")
        if filer:
            d.notes.append(f"filer {filer.upper()} taken from the file name")
    if filer is None and not d.cik and not d.tickers:
        raise BadInput("the source names no filer; pass --filer CIK or --filer TICKER.")
    return d, filer


def ingest_bytes(
    store: Store,
    data: bytes,
    path: Path,
    opts: Options,
    exhibit: tuple[bytes, str] | None = None,
    find_exhibit: ExhibitFinder | None = None,
) -> IngestResult:
    """Read one source's bytes (and the exhibit its Item 1C incorporates: raw bytes and file or URL, or what
    `find_exhibit` finds) and store it (one transaction)."""
    found: list[tuple[bytes, str]] = []

    def finder(d: Disclosure) -> tuple[bytes, str] | None:
        got = find_exhibit(d) if find_exhibit else None
        found.extend([got] if got else [])
        return got

    with shared_work():  # (the reading, the facts and the sentence rows split each text once)
        disclosure = load_bytes(data, exhibit, finder)
        exhibit = exhibit or (found[0] if found else None)
        disclosure, filer = apply_options(disclosure, path, opts)
        result = store.add(
            disclosure,
            data,
            source_path=str(path),
            filer=filer,
            name=opts.name,
            accession=opts.accession,
            filing_date=opts.filing_date,
            facts=fact_rows(disclosure),
            exhibit=exhibit,
        )
    return with_why_not_read(result, disclosure)


def with_why_not_read(result: IngestResult, d: Disclosure) -> IngestResult:
    """The result, saying why the exhibit given or found was not read (from the disclosure's notes), if so."""
    result.why_not_read = next(
        (n.removeprefix(NOT_READ_NOTE) for n in d.notes if n.startswith(NOT_READ_NOTE)), None
    )
    return result


def fact_rows(d: Disclosure) -> list[dict]:
    """One row per fact value, ready for the store, with the rule that found it and the rules' version."""
    from tracker.facts import RULES_VERSION, fact_text, shared_facts

    if d.incorporation is not None and not d.incorporation.read:
        return []  # the pointer sentence states no fact (not even that a statement is absent)
    rows = []
    for fact, values in shared_facts(d).items():  # (only read: the rows are made of new strings)
        for i, fv in enumerate(values):
            rows.append(
                {
                    "fact": fact,
                    "position": i,
                    "value": json.dumps(fv.value, ensure_ascii=False),
                    "value_text": fact_text(fv.value, fact),
                    "element": fv.element,
                    "evidence": fv.evidence,
                    "rule": fv.rule,
                    "also": json.dumps(fv.also, ensure_ascii=False) if fv.also else None,
                    "rules": RULES_VERSION,
                }
            )
    return rows


def ingest_file(store: Store, path: Path, opts: Options, exhibit: Path | None = None) -> IngestResult:
    """Read one file (with the exhibit its Item 1C incorporates by reference, if given) and store it."""
    check_name(path)
    return ingest_bytes(store, read_source(path), path, opts, read_exhibit(exhibit))


def read_exhibit(exhibit: Path | str | None) -> tuple[bytes, str] | None:
    """An exhibit file's raw bytes and name, for `load_bytes`."""
    if exhibit is None:
        return None
    check_name(exhibit)
    return read_source(Path(exhibit)), str(exhibit)


# An exhibit by its file name: EDGAR's "ex13", "ex-13", "exhibit13", "dex13", "ex13_annualreport" ...; and an
# 8-K's press release, "ex99", "ex-99.1", "ex991", "exhibit99"
_EXHIBIT_NAME_RE = re.compile(r"(?<![a-wyz])d?ex(?:hibit)?[-_ ]?13(?!\d)", re.I)
_PRESS_RELEASE_NAME_RE = re.compile(r"(?<![a-wyz])d?ex(?:hibit)?[-_ ]?99(?:[-_.]?\d{1,2})?(?!\d)", re.I)
_ACCESSION_RE = re.compile(r"\d{10}-?\d{2}-?\d{6}")
_NAME_NOISE_RE = re.compile(r"d?ex(?:hibit)?[-_ ]?13(?:[-_.]\d{1,2})?|10-?k|20-?f|[^a-z0-9]", re.I)
#: The same for a press release and its 8-K ("qfc-ex991-2024-06-10" and "qfc-8k-2024-06-10" are both "qfc20240610").
_PRESS_NAME_NOISE_RE = re.compile(r"d?ex(?:hibit)?[-_ ]?99(?:[-_.]?\d{1,2})?|8-?k(?:-?a)?|[^a-z0-9]", re.I)


def is_exhibit_name(path: Path) -> bool:
    """Does the file name say it is Exhibit 13 (the annual report to shareholders) or Exhibit 99 (the press
    release an 8-K furnishes)?"""
    return bool(_EXHIBIT_NAME_RE.search(path.name.split(".")[0])) or is_press_release_name(path)


def is_press_release_name(path: Path | str) -> bool:
    """Does the file name say it is Exhibit 99 (the press release an 8-K furnishes)?"""
    return bool(_PRESS_RELEASE_NAME_RE.search(Path(path).name.split(".")[0]))


def pair_exhibits(files: list[Path], exhibit: Path | None = None) -> list[tuple[Path, tuple[Path, ...]]]:
    """Each annual report with the Exhibit 13 filed with it, and each 8-K with its Exhibit 99 documents (the press
    releases that may tell its incident: every one that matches it, in name order, EX-99.1 before EX-99.2).
    `exhibit` (from --exhibit) goes with the one file given; in folders, an exhibit goes with the report of the
    same accession number (in the path), else of the same file name once the exhibit and form numbers are left
    out, else (an Exhibit 13 only) the only report of its folder. An exhibit no report matches is paired with
    UNMATCHED, a second Exhibit 13 for one report (the one matched less closely, see below) with SECOND_EXHIBIT:
    each refused with its reason (`unmatched_reason`), the rest stored."""
    if exhibit is not None:
        if len(files) != 1:
            raise BadInput(
                "--exhibit goes with one 10-K file; give that file alone, or a folder holding both."
            )
        return [(files[0], (exhibit,))]
    exhibits = [f for f in files if is_exhibit_name(f)]
    reports = [f for f in files if f not in exhibits]
    pairs: dict[Path, tuple[Path, ...]] = dict.fromkeys(reports, ())
    matched = {ex: _match_report(ex, reports) for ex in exhibits}
    # of two Exhibit 13s for one report, the one matched more closely (by accession number, then by name, then as
    # the only report of its folder) is read, the first by name among equals
    chosen: dict[Path, Path] = {}
    for ex, (report, how) in sorted(
        ((ex, m) for ex, m in matched.items() if m is not None and not is_press_release_name(ex)),
        key=lambda item: item[1][1],
    ):
        chosen.setdefault(report, ex)
    for ex, match in matched.items():
        if match is None:
            pairs[ex] = (UNMATCHED,)
        elif not is_press_release_name(ex) and chosen[match[0]] != ex:
            pairs[ex] = (SECOND_EXHIBIT,)
        else:
            pairs[match[0]] += (ex,)
    # (a report's Exhibit 13 first: the one its Item 1C may be read from; then its press releases by name)
    return [
        (f, tuple(sorted(got, key=lambda e: (is_press_release_name(e), e.name)))) for f, got in pairs.items()
    ]


#: Paired with an exhibit that no 10-K beside it matches (see `pair_exhibits`).
UNMATCHED = Path("\x00unmatched-exhibit")
#: Paired with an Exhibit 13 whose 10-K another Exhibit 13 beside it matches too (see `pair_exhibits`).
SECOND_EXHIBIT = Path("\x00second-exhibit")


def unmatched_reason(path: str, why: Path = UNMATCHED) -> str:
    """Why an exhibit `pair_exhibits` paired with UNMATCHED or SECOND_EXHIBIT (`why`) is refused."""
    if why == SECOND_EXHIBIT:
        return (
            "it looks like an Exhibit 13 (by its file name) and another Exhibit 13 beside it matches the same 10-K "
            "(only one is read); ingest the 10-K with --exhibit naming the one that holds its Item 1C."
        )
    if is_press_release_name(path):
        return (
            "it looks like an Exhibit 99 (by its file name) but no 8-K beside it matches it by accession number "
            "or file name; ingest the 8-K with --exhibit."
        )
    return (
        "it looks like an Exhibit 13 (by its file name) but no 10-K beside it matches it by accession number or "
        "file name; ingest the 10-K with --exhibit."
    )


def _match_report(exhibit: Path, reports: list[Path]) -> tuple[Path, int] | None:
    """The report an exhibit goes with, and how closely: 0 by accession number, 1 by file name, 2 as the only report
    of its folder (an Exhibit 13 only); None when none does."""
    accession = _ACCESSION_RE.search(str(exhibit))
    if accession:
        same = [r for r in reports if accession.group(0).replace("-", "") in str(r).replace("-", "")]
        if len(same) == 1:
            return same[0], 0
    press_release = is_press_release_name(exhibit)
    noise = _PRESS_NAME_NOISE_RE if press_release else _NAME_NOISE_RE
    stem = noise.sub("", exhibit.name.split(".")[0])
    same = [r for r in reports if noise.sub("", r.name.split(".")[0]) == stem]
    if len(same) == 1:
        return same[0], 1
    if press_release:
        return None  # (a press release goes with its 8-K by name or number only: a folder holds many reports)
    beside = [r for r in reports if r.parent == exhibit.parent]
    return (beside[0], 2) if len(beside) == 1 else None


_UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown_path(path: Path | str) -> str:
    """A path as it may be printed: bytes that are not UTF-8 as `\\xff`, control and bidi characters escaped
    (a file name must not drive the terminal)."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _UNPRINTABLE_RE.sub(lambda m: ascii(m.group(0))[1:-1], text)


def check_name(path: Path | str) -> None:
    """Refuse a file whose name is not valid UTF-8: the database stores every source's path as text."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput("its file name is not valid UTF-8; rename the file to ingest it.") from None


def expand(paths: list[Path]) -> Iterator[Path]:
    """Files named, and the source files inside folders named (recursively, sorted)."""
    for p in paths:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (
                    child.is_file()
                    and not child.name.startswith(".")
                    and (child.suffix.lower() in SOURCE_SUFFIXES or not child.suffix)
                ):
                    yield child
        else:
            yield p


@dataclass
class Summary:
    """The outcome of an ingest run over several files."""

    results: list[tuple[Path, IngestResult]] = field(default_factory=list)
    """Files stored (or found unchanged)."""
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    """Files refused, with the reason."""
    incidents: list[tuple[Path, StoredIncident]] = field(default_factory=list)
    """Form 8-K files whose cybersecurity incident was stored (or found unchanged): the store's StoredIncident."""

    def count(self, status: str) -> int:
        """How many results had that status."""
        return sum(1 for _, r in self.results if r.status == status)

    @property
    def files(self) -> int:
        """Files read."""
        return len(self.results) + len(self.rejected) + len(self.incidents)

    def coverage(self) -> dict[str, int]:
        """Filings whose Item 1C was read in full, read through an exhibit, incorporated but not read, or not
        found (refused for want of the section)."""
        counts = {key: sum(1 for _, r in self.results if r.coverage == key) for key in COVERAGE}
        counts["not found"] = sum(1 for _, why in self.rejected if section_not_found(why))
        return counts

    def coverage_line(self) -> str:
        """The coverage in one line: "Item 1C: 3 read in full, 1 read through an exhibit, ..."."""
        return coverage_line(self.coverage())


def coverage_line(counts: dict[str, int]) -> str:
    """ "Item 1C: 3 read in full, 1 read through an exhibit, 1 incorporated by reference, exhibit not read,
    0 not found (80% read)"."""
    labels = {**COVERAGE, "not found": "not found"}
    total = sum(counts.values())
    read = counts.get("full", 0) + counts.get("exhibit", 0)
    share = f" ({100 * read / total:.1f}% read)" if total else ""
    return "Item 1C: " + "; ".join(f"{counts.get(k, 0)} {label}" for k, label in labels.items()) + share


_NOT_FOUND_RE = re.compile(r"no Item 1C|only a page reference|followed by no text", re.I)


def section_not_found(reason: str) -> bool:
    """Was a file refused because its Item 1C / 16K section was not found?"""
    return bool(_NOT_FOUND_RE.search(reason))
