"""The store: the only module that talks to SQLite (sqlite-utils for the schema and the rarer writes; reads and
the writes of every ingested file or stored comparison in plain sqlite3, one prepared statement per table).

Tables: filers, tickers, filer_links (a filer known by ticker only that turned out to be another, stored
filer), sources (raw bytes, compressed, by sha256), filings (one row per version of a filer-year), elements,
facts, current_versions (which version of each filer-year is current, and as of when). No stored version is
ever updated or deleted: a changed disclosure for a filer-year becomes a new version.

The current (latest) version of a filer-year is the one that arrived last: filed last (its filing date), or
ingested last where it has no filing date. Content an earlier version holds, ingested again, is current again
(it arrived last), with no new version: `current_versions` records that, one row per filer-year.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.errors import BadInput, NotFound, TrackerError
from tracker.models import UNTAGGED_ELEMENT, Disclosure, Element, Incorporation, Kind, Source
from tracker.text.normalize import (
    SENTENCES_VERSION,
    SequenceSentence,
    comparison_key,
    comparison_sentences,
    digest,
    shared_work,
    split_sentences,
    words_and_key,
)

if (
    TYPE_CHECKING
):  # imported when a write or the schema first needs it (`Store.db`): reading needs plain sqlite3
    import sqlite_utils

SCHEMA_VERSION = 7

#: The full-text indexes (table, column): filled once per write transaction from the rows it added (see
#: `Store.transaction`), not by a trigger per row; their update and delete triggers stay (rows are never
#: updated or deleted, but if one were, its index entry would follow).
FTS_COLUMNS: list[tuple[str, str]] = [("elements", "value"), ("sentences", "text")]
#: FTS5's merge settings for those indexes (its defaults: 4 and 16). Each write transaction adds a segment to an
#: index, and FTS5 merges a level's segments into one of the next level once `automerge` of them have gathered:
#: every indexed word is written again at each level. With 16 there are about half as many levels: replaying
#: 12,000 universe files into one store, the index updates took 0.68-0.78 ms a file against 0.81-1.07 with 4
#: (two alternating runs each), and the writer wrote 5% fewer bytes. A search then reads a few more segments
#: (under 16 a level) and finds the same rows.
FTS_MERGE = {"automerge": 16, "crisismerge": 64}


def latest_first(table: str = "") -> str:
    """ORDER BY terms putting a filer-year's latest version first: filed last, else ingested last; then stored last.

    `table` is the alias of the filings table in the query, if any.
    """
    t = f"{table}." if table else ""
    return f"coalesce(nullif({t}filing_date, ''), {t}ingested_at) desc, {t}id desc"


#: The version filed or ingested last of each filer-year (where no current version is recorded).
_LAST_ARRIVED = f"""(select g.id from filings g where g.filer_id = f.filer_id and g.fiscal_year = f.fiscal_year
                order by {latest_first("g")} limit 1)"""
#: The current version of every filer-year of the filers that stand for themselves (not linked to another).
LATEST_FILINGS_SQL = f"""
select f.* from filings f
where f.id = coalesce((select c.filing_id from current_versions c
                       where c.filer_id = f.filer_id and c.fiscal_year = f.fiscal_year), {_LAST_ARRIVED})
  and f.filer_id not in (select filer_id from filer_links)
"""
#: A database made before `current_versions`: the version filed or ingested last of each filer-year is current.
_RECORD_CURRENT_SQL = f"""
insert into current_versions (filer_id, fiscal_year, filing_id, as_of)
select f.filer_id, f.fiscal_year, f.id, coalesce(nullif(f.filing_date, ''), f.ingested_at) from filings f
where f.id = {_LAST_ARRIVED}
  and not exists (select 1 from current_versions c where c.filer_id = f.filer_id and c.fiscal_year = f.fiscal_year)
"""

#: (table, columns, primary key, foreign keys): a database made by an older version gets missing columns added.
TABLES: list[tuple[str, dict[str, Any], str | tuple[str, ...], list[tuple[str, str, str]]]] = [
    ("tracker_meta", {"key": str, "value": str}, "key", []),
    ("filers", {"id": int, "cik": str, "name": str, "tickers": str, "created_at": str}, "id", []),
    ("tickers", {"ticker": str, "filer_id": int}, "ticker", [("filer_id", "filers", "id")]),
    (
        "filer_links",
        {"filer_id": int, "same_as": int, "reason": str, "linked_at": str},
        "filer_id",
        [("filer_id", "filers", "id"), ("same_as", "filers", "id")],
    ),
    ("sources", {"sha256": str, "size": int, "compressed": bytes, "first_path": str}, "sha256", []),
    (
        "filings",
        {
            "id": int,
            "filer_id": int,
            "fiscal_year": int,
            "version": int,
            "form": str,
            "amendment": int,
            "tagged": int,
            "source_format": str,
            "accession": str,
            "filing_date": str,
            "period_end": str,
            "source_path": str,
            "source_sha256": str,
            "content_hash": str,
            "section_hash": str,
            "section_text": str,
            "notes": str,
            "ingested_at": str,
            "coverage": str,
            "incorporated_from": str,
            "incorporated_heading": str,
            "pointer_text": str,
            "exhibit_path": str,
            "exhibit_sha256": str,
            "exhibit_subsection": str,
        },
        "id",
        [("filer_id", "filers", "id"), ("source_sha256", "sources", "sha256")],
    ),
    (
        "elements",
        {
            "id": int,
            "filing_id": int,
            "position": int,
            "element": str,
            "label": str,
            "kind": str,
            "value": str,
            "source": str,
            "evidence": str,
            "original": str,
        },
        "id",
        [("filing_id", "filings", "id")],
    ),
    (
        "facts",
        {
            "id": int,
            "filing_id": int,
            "fact": str,
            "position": int,
            "value": str,
            "value_text": str,
            "element": str,
            "evidence": str,
            "rule": str,
            "also": str,
            "rules": str,
        },
        "id",
        [("filing_id", "filings", "id")],
    ),
    (
        "sentences",
        {
            "id": int,
            "filing_id": int,
            "element": str,
            "position": int,
            "text": str,
            "key": str,
            "words": str,
            "sequence": int,
            "sequence_elements": str,
            "splitter": str,
        },
        "id",
        [("filing_id", "filings", "id")],
    ),
    (
        "sentence_sequences",
        {"id": int, "filing_id": int, "splitter": str, "sequence": str},
        "id",
        [("filing_id", "filings", "id")],
    ),
    (
        "comparisons",
        {
            "id": int,
            "filer_id": int,
            "old_filing_id": int,
            "new_filing_id": int,
            "old_year": int,
            "new_year": int,
            "verdict": str,
            "significance": str,
            "extent": str,
            "top_changes": str,
            "rules": str,
            "cosine": float,
            "jaccard": float,
            "min_edit": float,
            "simple": float,
            "high": int,
            "medium": int,
            "low": int,
            "flags_flipped": int,
            "facts_changed": int,
            "report_path": str,
            "json": str,
            "computed_at": str,
        },
        "id",
        [
            ("filer_id", "filers", "id"),
            ("old_filing_id", "filings", "id"),
            ("new_filing_id", "filings", "id"),
        ],
    ),
    (
        "current_versions",
        {"filer_id": int, "fiscal_year": int, "filing_id": int, "as_of": str},
        ("filer_id", "fiscal_year"),
        [("filer_id", "filers", "id"), ("filing_id", "filings", "id")],
    ),
    (
        "changes",
        {
            "id": int,
            "comparison_id": int,
            "position": int,
            "kind": str,
            "severity": str,
            "element": str,
            "elements": str,
            "fact": str,
            "change": str,
            "old": str,
            "new": str,
            "value": str,
            "text": str,
            "old_source": str,
            "new_source": str,
            "evidence": str,
            "summary": str,
            "why": str,
        },
        "id",
        [("comparison_id", "comparisons", "id")],
    ),
    # Cybersecurity incidents reported on Form 8-K (tracker.store.incidents): one row per version of a report,
    # never updated; the link of an amendment or update to its first report; the derived link to the annual
    # disclosures before and after it (replaced when computed again, as comparisons are).
    (
        "incidents",
        {
            "id": int,
            "filer_id": int,
            "accession": str,
            "version": int,
            "form": str,
            "item": str,
            "items": str,
            "filing_date": str,
            "report_date": str,
            "detected": str,
            "determined_material": str,
            "nature": str,
            "data_taken": int,
            "operational_impact": str,
            "materiality": str,
            "status": str,
            "updates_date": str,
            "summary": str,
            "json": str,
            "content_hash": str,
            "source_sha256": str,
            "source_path": str,
            "ingested_at": str,
        },
        "id",
        [("filer_id", "filers", "id"), ("source_sha256", "sources", "sha256")],
    ),
    (
        "incident_links",
        {"filer_id": int, "accession": str, "original_accession": str, "reason": str, "linked_at": str},
        ("filer_id", "accession"),
        [("filer_id", "filers", "id")],
    ),
    (
        "incident_checks",
        {
            "filer_id": int,
            "accession": str,
            "before_filing_id": int,
            "after_filing_id": int,
            "before_year": int,
            "after_year": int,
            "mention": str,
            "mention_evidence": str,
            "still_not_material": int,
            "statement_evidence": str,
            "review": str,
            "followed": str,
            "computed_at": str,
        },
        ("filer_id", "accession"),
        [("filer_id", "filers", "id")],
    ),
    (
        "sentence_boilerplate",
        {
            "filing_id": int,
            "sentence_id": int,
            "template": int,
            "other_filers": int,
            "common": int,
        },
        ("filing_id", "sentence_id"),
        [("filing_id", "filings", "id"), ("sentence_id", "sentences", "id")],
    ),
    (
        "disclosure_boilerplate",
        {
            "filing_id": int,
            "sentences": int,
            "boilerplate_sentences": int,
            "boilerplate_share": float,
            "previous_filing_id": int,
            "previous_year": int,
            "carried_over": int,
            "stickiness": float,
            "computed_at": str,
        },
        "filing_id",
        [("filing_id", "filings", "id"), ("previous_filing_id", "filings", "id")],
    ),
]
#: (table, column, expression): computed columns (virtual: nothing is stored or rewritten) that name a row where
#: a foreign key points to it, so that Datasette shows "FY2024 10-K v1" rather than a row id.
LABEL_COLUMNS: list[tuple[str, str, str]] = [
    ("filings", "label", "'FY' || fiscal_year || ' ' || coalesce(form, 'annual report') || ' v' || version"),
    (
        "comparisons",
        "label",
        "'FY' || old_year || ' to FY' || new_year || coalesce(': ' || significance, '')",
    ),
]
#: (table, columns, unique)
INDEXES: list[tuple[str, list[str], bool]] = [
    ("filers", ["cik"], True),
    ("filings", ["filer_id", "fiscal_year", "version"], True),
    ("filings", ["content_hash"], False),
    ("elements", ["filing_id", "position"], False),
    ("elements", ["element"], False),
    ("facts", ["filing_id"], False),
    ("facts", ["fact", "value_text"], False),
    ("sentences", ["filing_id"], False),
    ("sentence_sequences", ["filing_id"], True),
    ("comparisons", ["old_filing_id", "new_filing_id"], True),
    ("comparisons", ["filer_id", "new_year"], False),
    ("changes", ["comparison_id"], False),
    ("changes", ["kind", "fact"], False),
    ("comparisons", ["significance"], False),
    ("incidents", ["filer_id", "accession", "version"], True),
    ("incidents", ["filer_id", "filing_date"], False),
    ("sentence_boilerplate", ["template"], False),
]


@dataclass
class Filer:
    """A registrant as the store knows it."""

    id: int
    """Row id."""
    cik: str | None
    """Zero-padded CIK, None while the filer is known only by ticker."""
    name: str | None
    """Registrant name."""
    tickers: list[str]
    """Trading symbols."""

    def to_json(self) -> dict:
        """The design.md filer object."""
        return {"cik": self.cik, "name": self.name, "tickers": self.tickers}

    @property
    def display(self) -> str:
        """Name for messages: name, else ticker, else CIK."""
        return self.name or (self.tickers[0] if self.tickers else None) or self.cik or f"filer {self.id}"


@dataclass
class IngestResult:
    """What one ingest did."""

    filer: Filer
    """The filer the disclosure was stored under."""
    fiscal_year: int
    """Fiscal year."""
    form: str | None
    """Form."""
    version: int
    """The version now holding this content (an existing one when unchanged)."""
    status: str
    """`new`, `unchanged` or `new version`."""
    filing_id: int
    """Row id of that version."""
    current_again: bool = False
    """For unchanged content an earlier version holds: it is the current version again."""
    coverage: str = "full"
    """How its Item 1C was read: `full`, `exhibit` or `not read` (see COVERAGE)."""
    why_not_read: str | None = None
    """Why an exhibit given or found was not read ("... has no part headed as cybersecurity ..."), if so."""


@dataclass
class Precomputed:
    """What storing a version works out from the disclosure and its source bytes alone, with no database: a
    worker of a folder ingest computes it beside the reading (in the same `shared_work` block, so the facts'
    and the sentence rows' splitting is done once), and the parent, the single writer, only writes rows."""

    content_hash: str
    """`content_hash` of the disclosure."""
    section_hash: str | None
    """sha256 of the section text's comparison key, if it has a section text."""
    sentences: list[dict]
    """The sentence rows (`_sentences_and_sequence`), without their filing_id."""
    sentence_sequence: dict | None
    """The `sentence_sequences` row (without its filing_id): the sentences a comparison aligns, as JSON, when the
    sentence rows cannot keep that sequence; else None."""
    source: tuple[str, int, bytes]
    """The source bytes' sha256, size and zlib-compressed bytes (level 1)."""


def precompute(d: Disclosure, raw: bytes) -> Precomputed:
    """Work out what `Store.add` needs of a disclosure and its source bytes (see `Precomputed`)."""
    with shared_work():
        sentences, sequence = _sentences_and_sequence(0, d)
        return Precomputed(
            content_hash(d),
            digest(comparison_key(d.section_text)) if d.section_text else None,
            sentences,
            _sentence_sequence_row(sequence),
            (digest_bytes(raw), len(raw), zlib.compress(raw, 1)),
        )


def content_hash(d: Disclosure) -> str:
    """Hash of what the disclosure says (normalised), independent of the bytes it came from."""
    payload: dict[str, Any] = {
        "form": d.form,
        "amendment": d.amendment,
        "tagged": d.tagged,
        "elements": [
            [e.name, e.kind, e.value if e.kind == "flag" else comparison_key(str(e.value or ""))]
            for e in d.elements
        ],
        "section": comparison_key(d.section_text),
    }
    inc = d.incorporation
    if inc is not None:  # (only then: the hash of every other disclosure stays as it was)
        payload["incorporated"] = [inc.document, inc.heading, comparison_key(inc.pointer), inc.exhibit_sha256]
    return digest(json.dumps(payload, sort_keys=True))


#: How a stored version's Item 1C was read (the `coverage` column; `tracker coverage` counts them).
COVERAGE = {
    "full": "read in full",
    "exhibit": "read through an exhibit",
    "not read": "incorporated by reference, exhibit not read",
}


def coverage_of(d: Disclosure) -> str:
    """`full`, `exhibit` or `not read` (see COVERAGE)."""
    if d.incorporation is None:
        return "full"
    return "exhibit" if d.incorporation.read else "not read"


def _incorporation_columns(d: Disclosure, exhibit_path: str | None) -> dict[str, Any]:
    inc = d.incorporation
    return {
        "coverage": coverage_of(d),
        "incorporated_from": inc.document if inc else None,
        "incorporated_heading": inc.heading if inc else None,
        "pointer_text": inc.pointer if inc else None,
        "exhibit_path": exhibit_path if inc and inc.read else None,
        "exhibit_sha256": inc.exhibit_sha256 if inc else None,
        "exhibit_subsection": inc.subsection if inc else None,
    }


def normalize_cik(value: str | int | None) -> str | None:
    """CIK zero-padded to 10 digits."""
    if value is None:
        return None
    text = str(value).strip()
    if not text.isdigit() or len(text) > 10:
        return None
    return text.zfill(10)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _instant() -> str:
    """Now, to the microsecond: ingest times order versions stored within one second."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _as_of(row: dict) -> str:
    """When a version counts from: its filing date, else when it was ingested (as `latest_first` orders)."""
    return row["filing_date"] or row["ingested_at"] or ""


def _with_note(notes: str | None, note: str) -> str:
    """Stored notes with one more line."""
    return "\n".join([n for n in [notes] if n] + [note])


def _claimed_identity(d: Disclosure, filer_hint: str | None) -> tuple[str | None, str | None]:
    """The CIK a disclosure is filed by and the ticker `--filer` names, if it names one.

    A `--filer` CIK is refused where the source states another CIK: a filing is never stored under another
    company's CIK.
    """
    cik = normalize_cik(d.cik)
    if not filer_hint:
        return cik, None
    hint_cik = normalize_cik(filer_hint)
    if hint_cik is None:
        return cik, filer_hint.strip().upper()
    if cik and hint_cik != cik:
        who = f" ({d.name})" if d.name else ""
        raise BadInput(
            f"--filer {filer_hint.strip()} is CIK {hint_cik}, but the source is filed by CIK {cik}{who}; "
            "drop --filer or give the source's own CIK."
        )
    return hint_cik, None


def _check_holder(
    ticker: str, holder: dict, cik: str | None, d: Disclosure, *, given_by_source: bool
) -> None:
    """Refuse a ticker that would make a source change who a stored filer is: a ticker of another CIK (one
    ticker, one filer), or a `--filer` ticker of a filer known by ticker only for a source with a CIK."""
    if cik is None or holder["cik"] == cik:
        return
    who = f" ({d.name})" if d.name else ""
    if holder["cik"] and not given_by_source:
        raise BadInput(
            f"--filer {ticker} names {holder['name'] or 'CIK ' + holder['cik']}, but the source is filed "
            f"by CIK {cik}; drop --filer or give the right one."
        )
    if holder["cik"]:
        raise BadInput(
            f"the source gives the ticker {ticker}, which belongs to {holder['name'] or 'another filer'} "
            f"(CIK {holder['cik']}), but it is filed by CIK {cik}{who}; a ticker belongs to one filer, so "
            "check the source."
        )
    if not given_by_source:
        raise BadInput(
            f"--filer {ticker} names a filer known only by that ticker, but the source is filed by CIK "
            f"{cik}{who} and does not give {ticker} as its ticker; a filing never changes who a stored "
            "filer is, so drop --filer or give the source's CIK."
        )


class Store:
    """A tracker database file."""

    def __init__(self, path: Path | str, *, create: bool = True, read_only: bool = False) -> None:
        """Open (or, with `create`, make) the database; with `read_only` (the caller only reads), a database
        in a folder this process cannot write is opened read-only instead of refused."""
        self.path = Path(path)
        if not create and not self.path.exists():
            raise NotFound(f"there is no database at {self.path}; run `tracker ingest` first or pass --db.")
        if read_only and not os.access(self.path.parent, os.W_OK):
            self._open_read_only()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connected(sqlite3.connect(str(self.path), timeout=30))
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self._ensure_schema_patiently()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not os.access(self.path.parent, os.W_OK):
                raise TrackerError(
                    f"cannot open the database {self.path}: its folder is read-only; make the folder "
                    "writable or pass --db PATH."
                ) from exc
            raise TrackerError(
                f"cannot open the database {self.path}: {exc}; check the path or pass --db."
            ) from exc
        except OSError as exc:
            raise TrackerError(f"cannot create the database {self.path}: {exc.strerror}; pass --db.") from exc

    def _open_read_only(self) -> None:
        """Open a database whose folder is read-only, for reading, without the schema steps (they write).

        SQLite's read-only mode needs the write-ahead log's shared-memory file, there while a writer (one
        allowed to write the folder) has the database open; when it is not there, no writer has it open, so
        the file is read as immutable (a writer starting meanwhile is not seen).
        """
        uri = self.path.resolve().as_uri()
        try:
            try:
                row = self._connect_read_only(f"{uri}?mode=ro")
            except sqlite3.OperationalError:
                row = self._connect_read_only(f"{uri}?mode=ro&immutable=1")
        except sqlite3.DatabaseError as exc:
            raise TrackerError(
                f"cannot open the database {self.path}: {exc}; check the path or pass --db."
            ) from exc
        if not row or row[0] != str(SCHEMA_VERSION):
            self.conn.close()
            raise TrackerError(
                f"the database {self.path} was made by an older tracker and its folder is read-only, "
                "so it cannot be brought up to date; make the folder writable once or pass --db PATH."
            )

    def _connect_read_only(self, uri: str) -> tuple | None:
        """Connect through a read-only URI; returns the schema version row (the first read proves the mode)."""
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("select value from tracker_meta where key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError:
            conn.close()
            raise
        self._connected(conn)
        return row

    def _connected(self, conn: sqlite3.Connection) -> None:
        """Keep the connection: reads use it as it is, writes and the schema through sqlite-utils (`db`)."""
        self.conn = conn
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection through sqlite-utils, for the schema and writes; imported when first needed, as a
        command that only reads (`diff`, `show`) loads no sqlite-utils."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _query(self, sql: str, params: list | tuple = ()) -> Iterator[dict]:
        """The rows of a query as dicts (what sqlite-utils' `Database.query` yields)."""
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def _get(self, table: str, key: str, value: Any) -> dict:
        """The row of a table with that primary key (which a stored reference names, so it is there)."""
        row = next(self._query(f"select * from {table} where {key} = ?", [value]), None)
        if row is None:
            raise TrackerError(f"the database {self.path} has no {table} row {value!r}; it may be damaged.")
        return row

    def _names(self, kind: str) -> list[str]:
        """The names of the tables or views (`kind`) of the database."""
        return [r[0] for r in self.conn.execute("select name from sqlite_master where type = ?", [kind])]

    def __enter__(self) -> Store:
        """`with Store(path) as store:` closes the connection however the block ends."""
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------------
    def _ensure_schema_patiently(self, attempts: int = 60) -> None:
        """A new file gets the schema, an older one the columns it lacks; another process creating the same
        new database at that moment holds locks that SQLite's busy handler does not wait for, so try again."""
        for attempt in range(attempts):
            try:
                self._ensure_schema()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == attempts - 1:
                    raise
                time.sleep(0.05 + 0.1 * random.random())

    def _ensure_schema(self) -> None:
        if "tracker_meta" in self._names("table"):  # up to date (the usual case): no sqlite-utils needed
            row = self.conn.execute("select value from tracker_meta where key = 'schema_version'").fetchone()
            if row and row[0] == str(SCHEMA_VERSION):
                self._ensure_views()
                return
        db = self.db
        if not self.path.exists() or db.journal_mode != "wal":
            try:
                db.enable_wal()
            except sqlite3.OperationalError:
                pass
        with self.transaction(index=False):
            for name, columns, pk, fks in TABLES:
                table = db.table(name)
                if table.exists():  # an older database: add the columns it lacks, keep every row
                    have = table.columns_dict
                    for column, kind in columns.items():
                        if column not in have:
                            table.add_column(column, kind)
                else:
                    table.create(columns, pk=pk, foreign_keys=fks)
            for name, column, expression in LABEL_COLUMNS:
                if column not in {r[1] for r in db.execute(f"pragma table_xinfo({name})")}:
                    db.execute(
                        f"alter table {name} add column {column} text generated always as ({expression}) virtual"
                    )
            for name, index_columns, unique in INDEXES:
                db.table(name).create_index(index_columns, unique=unique, if_not_exists=True)
            for indexed, column in FTS_COLUMNS:
                if f"{indexed}_fts" not in db.table_names():
                    db.table(indexed).enable_fts([column], create_triggers=True, tokenize="porter")
                for setting, value in FTS_MERGE.items():  # (kept in the index's own config table)
                    db.execute(
                        f"insert into [{indexed}_fts] ([{indexed}_fts], rank) values (?, ?)", [setting, value]
                    )
                db.execute(f"drop trigger if exists [{indexed}_ai]")  # indexed per transaction instead
            db.execute(_RECORD_CURRENT_SQL)
            db.create_view("latest_filings", LATEST_FILINGS_SQL, replace=True)
            db.table("tracker_meta").upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
        self._ensure_views(replace=True)

    def _ensure_views(self, replace: bool = False) -> None:
        """The views that make browsing easy (see tracker.browse.server): created once per database, and again when
        the schema changes."""
        from tracker.store.views import BROWSE_VIEWS

        stored = dict(self.conn.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
        missing = [  # missing, or made from another definition (a view is derived: remade, no row changes)
            (name, sql)
            for name, sql in BROWSE_VIEWS
            if replace or name not in stored or not (stored[name] or "").endswith(sql)
        ]
        if missing:
            with self.db.atomic():
                for name, sql in missing:
                    self.db.create_view(name, sql, replace=True)

    # -- filers -----------------------------------------------------------------------------------
    def _filer_from_row(self, row: dict) -> Filer:
        return Filer(row["id"], row["cik"], row["name"], json.loads(row["tickers"] or "[]"))

    def filer_by_id(self, filer_id: int) -> Filer:
        """The filer of that row id."""
        return self._filer_from_row(self._get("filers", "id", filer_id))

    def filers(self) -> list[Filer]:
        """Every filer that stands for itself (not linked to another), by name."""
        rows = self._query(
            "select * from filers where id not in (select filer_id from filer_links) "
            "order by lower(coalesce(name, tickers, cik))"
        )
        return [self._filer_from_row(r) for r in rows]

    def years(self, filer: Filer) -> list[int]:
        """Fiscal years stored for a filer."""
        return [
            r["fiscal_year"]
            for r in self._query(
                "select distinct fiscal_year from filings where filer_id = ? order by fiscal_year", [filer.id]
            )
        ]

    def find_filer(self, ident: str) -> Filer:
        """A filer by ticker, CIK (with or without zeros) or unambiguous name prefix."""
        ident = ident.strip()
        cik = normalize_cik(ident)
        row = self._filer_by_cik(cik) if cik else None
        if row is None:
            row = self._ticker_holder(ident.upper())
        if row:
            return self._filer_from_row(row)
        rows = list(
            self._query(
                "select * from filers where name like ? escape '\\' "
                "and id not in (select filer_id from filer_links) order by name",
                [ident.replace("%", "\\%").replace("_", "\\_") + "%"],
            )
        )
        if len(rows) == 1:
            return self._filer_from_row(rows[0])
        if len(rows) > 1:
            names = ", ".join(self._filer_from_row(r).display for r in rows[:10])
            raise BadInput(f"{ident!r} matches several filers ({names}); give a ticker or CIK.")
        from tracker.store.suggest import unknown_filer_message

        raise NotFound(unknown_filer_message(ident, self.filers()))

    def _canonical(self, filer_id: int) -> dict:
        """The filer row a filer stands for: itself, or the filer it was linked to (followed to the end)."""
        seen = {filer_id}
        while link := self.conn.execute(
            "select same_as from filer_links where filer_id = ?", [filer_id]
        ).fetchone():
            if link[0] in seen:  # a loop cannot be written by the store; stop rather than spin
                break
            filer_id = link[0]
            seen.add(filer_id)
        return self._get("filers", "id", filer_id)

    def _filer_by_cik(self, cik: str) -> dict | None:
        """The filer row of a CIK (the filer it is linked to, if it is)."""
        row = next(self._query("select id from filers where cik = ?", [cik]), None)
        return self._canonical(row["id"]) if row else None

    def _ticker_holder(self, ticker: str) -> dict | None:
        """The filer row that holds a ticker (the filer it is linked to, if it is)."""
        row = self.conn.execute("select filer_id from tickers where ticker = ?", [ticker]).fetchone()
        return self._canonical(row[0]) if row else None

    def _resolve_filer(self, d: Disclosure, filer_hint: str | None, name: str | None) -> int:
        """Row id of the filer a disclosure belongs to, creating one as needed.

        The source's own CIK decides; `--filer` and the tickers must agree with it and with what the store
        knows (one filer per ticker). A filer known by ticker only that the source shows to be a CIK filer
        gains that CIK, or, where that CIK is stored already, is linked to it (`_link_filers`): a filing
        never rewrites a stored filer or its versions.
        """
        cik, hint_ticker = _claimed_identity(d, filer_hint)
        stated = list(dict.fromkeys(t.upper() for t in d.tickers))
        tickers = stated + ([hint_ticker] if hint_ticker and hint_ticker not in stated else [])
        holders = {t: row for t in tickers if (row := self._ticker_holder(t)) is not None}
        for ticker, holder in holders.items():
            _check_holder(ticker, holder, cik, d, given_by_source=ticker in stated)
        if cik is None:
            found = self._only_holder(holders)
        else:
            found = self._cik_filer(cik, [h for h in holders.values() if h["cik"] is None])
        if found is None and not cik and not tickers:
            raise BadInput("the source names no filer; pass --filer CIK or --filer TICKER.")
        filer_id = found
        if filer_id is None:
            filer_id = self._insert_rows(
                "filers", [{"cik": cik, "name": name or d.name, "tickers": "[]", "created_at": _now()}]
            )
            if filer_id is None:
                raise TrackerError("no row id for the filer just inserted")
        self._add_identity(filer_id, tickers, name or d.name, rename=bool(name))
        return filer_id

    def _only_holder(self, holders: dict[str, dict]) -> int | None:
        """The one filer holding the tickers of a source that states no CIK (None when none does)."""
        owners = {h["id"]: h for h in holders.values()}
        if len(owners) > 1:
            named = " and ".join(f"{t} ({h['name'] or h['cik'] or t})" for t, h in holders.items())
            raise BadInput(
                f"the tickers {named} belong to different filers; pass --filer CIK to say whose "
                "filing this is."
            )
        return next(iter(owners), None)

    def _cik_filer(self, cik: str, ticker_only: list[dict]) -> int | None:
        """The filer of a CIK: the stored one, else a filer known by ticker only that gains the CIK (None when
        neither exists); every other ticker-only filer the source names is linked to it."""
        row = self._filer_by_cik(cik)
        others = list({h["id"]: h for h in ticker_only}.values())
        if row is None:
            if not others:
                return None
            row = others.pop(0)
            self._update_filer(row["id"], {"cik": cik})
        for other in others:
            if other["id"] != row["id"]:
                self._link_filers(other, into=int(row["id"]), cik=cik)
        return int(row["id"])

    def _add_identity(self, filer_id: int, tickers: list[str], name: str | None, *, rename: bool) -> None:
        """Give a filer the tickers no other filer holds and a name (replaced only when the user gave one)."""
        row = self._get("filers", "id", filer_id)
        updates: dict[str, Any] = {}
        if name and (rename or not row["name"]) and name != row["name"]:
            updates["name"] = name
        known = json.loads(row["tickers"] or "[]")
        for t in tickers:
            if self.conn.execute("select 1 from tickers where ticker = ?", [t]).fetchone() is None:
                self._insert_rows("tickers", [{"ticker": t, "filer_id": filer_id}])
        new_tickers = known + [t for t in tickers if t not in known]
        if new_tickers != known:
            updates["tickers"] = json.dumps(new_tickers)
        if updates:
            self._update_filer(filer_id, updates)

    def _update_filer(self, filer_id: int, values: dict[str, Any]) -> None:
        """Set columns of a filers row (its identity: CIK, name, tickers; never a version)."""
        assignments = ", ".join(f"[{column}] = ?" for column in values)
        self.conn.execute(f"update filers set {assignments} where id = ?", [*values.values(), filer_id])

    def _link_filers(self, other: dict, into: int, cik: str) -> None:
        """Link a filer known by ticker only to the CIK filer it turned out to be, adding rows only.

        The ticker-only filer keeps its row, its versions and its comparisons as they are; the link makes
        its tickers find the CIK filer, which gets its tickers and a copy of each of its versions whose content
        it lacks; each arrives, for which version is current, when it was filed or ingested (made current).
        """
        label = ", ".join(json.loads(other["tickers"] or "[]")) or f"filer {other['id']}"
        self.db.table("filer_links").insert(
            {
                "filer_id": other["id"],
                "same_as": into,
                "linked_at": _now(),
                "reason": f"known by ticker {label} only; a filing gives CIK {cik}",
            }
        )
        rows = [dict(r) for r in self.db.query("select * from filings where filer_id = ?", [other["id"]])]
        arrivals = [(_as_of(r), r) for r in rows] + [
            (c["as_of"], self.filing_by_id(c["filing_id"]))
            for c in self.db.query(
                "select filing_id, as_of from current_versions where filer_id = ?", [other["id"]]
            )
        ]
        for as_of, row in sorted(arrivals, key=lambda a: (a[0], a[1]["id"])):
            current = self._current(into, row["fiscal_year"])
            same = self._same_content(into, row)
            if same is None:
                note = f"copied from the filer known by ticker {label} only, where it is version {row['version']}"
                filing_id, _ = self._copy_version(row, into, {"notes": _with_note(row["notes"], note)})
            else:
                filing_id = same["id"]
            self._arrive(into, row["fiscal_year"], filing_id, as_of, current)
        self._add_identity(into, json.loads(other["tickers"] or "[]"), other["name"], rename=False)

    # -- versions ---------------------------------------------------------------------------------
    def _same_content(self, filer_id: int, content: dict) -> dict | None:
        """The latest version of a filer-year that holds this content (`content` has the filings columns
        fiscal_year, content_hash, section_hash, tagged and form), None when none does."""
        order = latest_first()
        same = next(
            self._query(
                f"select * from filings where filer_id = ? and fiscal_year = ? and content_hash = ? order by {order}",
                [filer_id, content["fiscal_year"], content["content_hash"]],
            ),
            None,
        )
        if same is None and not content["tagged"] and content["section_hash"]:
            # The same text already stored from a tagged source (the filing read from another
            # format) is the same disclosure: the tagged version says more, so keep it alone.
            same = next(
                self._query(
                    "select * from filings where filer_id = ? and fiscal_year = ? and tagged = 1 "
                    f"and section_hash = ? and coalesce(form, '') = coalesce(?, form, '') order by {order}",
                    [filer_id, content["fiscal_year"], content["section_hash"], content["form"]],
                ),
                None,
            )
        return dict(same) if same else None

    def _current(self, filer_id: int, year: int) -> tuple[int, str] | None:
        """(row id, as of) of the current version of a filer-year; where none is recorded (a database written by
        another tracker), the one filed or ingested last."""
        row = self.conn.execute(
            "select filing_id, as_of from current_versions where filer_id = ? and fiscal_year = ?",
            [filer_id, year],
        ).fetchone()
        if row is not None:
            return int(row[0]), str(row[1])
        last = next(
            self._query(
                f"select * from filings where filer_id = ? and fiscal_year = ? "
                f"order by {latest_first()} limit 1",
                [filer_id, year],
            ),
            None,
        )
        return (int(last["id"]), _as_of(last)) if last else None

    def _arrive(
        self, filer_id: int, year: int, filing_id: int, as_of: str, current: tuple[int, str] | None
    ) -> bool:
        """A version arrives (filed, ingested or ingested again) as of a date or time: it becomes the current
        version of its filer-year unless the current one (`_current`, taken before the version was written)
        arrived later. Whether it became current anew."""
        if current is not None and (current[0] == filing_id or as_of < current[1]):
            return False
        self.conn.execute(
            "insert into current_versions (filer_id, fiscal_year, filing_id, as_of) values (?, ?, ?, ?) "
            "on conflict (filer_id, fiscal_year) do update set filing_id = excluded.filing_id, "
            "as_of = excluded.as_of",
            [filer_id, year, filing_id, as_of],
        )
        return True

    def _next_version(self, filer_id: int, year: int) -> int:
        """The number the next version of a filer-year gets."""
        return int(
            self.conn.execute(
                "select coalesce(max(version), 0) + 1 from filings where filer_id = ? and fiscal_year = ?",
                [filer_id, year],
            ).fetchone()[0]
        )

    def _copy_version(self, row: dict, filer_id: int, changes: dict[str, Any]) -> tuple[int, int]:
        """A new version of `filer_id` holding what the stored version `row` holds (its source, elements, facts
        and sentences), with some filings columns changed; returns its row id and version number."""
        version = self._next_version(filer_id, row["fiscal_year"])
        copy = {
            **{k: v for k, v in row.items() if k != "id" and k not in _COMPUTED["filings"]},
            **changes,
            "filer_id": filer_id,
            "version": version,
        }
        filing_id = _last_id(self.db.table("filings").insert(copy))
        for table in ("elements", "facts", "sentences", "sentence_sequences"):
            have = self.db.table(table).columns_dict
            columns = ", ".join(f'"{c}"' for c in have if c not in ("id", "filing_id"))
            self.db.execute(
                f"insert into {table} (filing_id, {columns}) select ?, {columns} from {table} "
                "where filing_id = ? order by id",
                [filing_id, row["id"]],
            )
        return filing_id, version

    # -- ingest -----------------------------------------------------------------------------------
    def add(
        self,
        d: Disclosure,
        raw: bytes,
        *,
        source_path: str,
        filer: str | None = None,
        name: str | None = None,
        accession: str | None = None,
        filing_date: str | None = None,
        facts: list[dict] | None = None,
        exhibit: tuple[bytes, str] | None = None,
        precomputed: Precomputed | None = None,
    ) -> IngestResult:
        """Store one disclosure as a new version of its filer-year, unless a version holds that content already.

        What arrives, new or not, becomes the current version of its filer-year unless the current one was filed
        later (`_arrive`): content an earlier version holds, ingested again, is current again without a new
        version. Everything happens in one transaction: on any error the database is exactly as before.
        `precomputed` is `precompute(d, raw)`, when the caller worked it out already (a folder ingest's worker).
        """
        if d.fiscal_year is None:
            raise BadInput("the source states no fiscal year; pass --year YYYY.")
        precomputed = precomputed or precompute(d, raw)
        content = {
            "fiscal_year": d.fiscal_year,
            "content_hash": precomputed.content_hash,
            "tagged": int(d.tagged),
            "section_hash": precomputed.section_hash,
            "form": d.form,
        }
        now = _instant()
        try:
            with self.transaction():
                filer_id = self._resolve_filer(d, filer, name)
                current = self._current(filer_id, d.fiscal_year)
                same = self._same_content(filer_id, content)
                if same:
                    again = self._arrive(filer_id, d.fiscal_year, same["id"], filing_date or now, current)
                    return IngestResult(
                        self.filer_by_id(filer_id),
                        d.fiscal_year,
                        d.form,
                        same["version"],
                        "unchanged",
                        same["id"],
                        current_again=again,
                        coverage=same.get("coverage") or "full",
                    )
                version = self._next_version(filer_id, d.fiscal_year)
                filing_id = self._insert_version(
                    d,
                    precomputed,
                    content,
                    filer_id,
                    version,
                    facts or [],
                    {
                        "accession": accession,
                        "filing_date": filing_date,
                        "source_path": source_path,
                        "ingested_at": now,
                        **_incorporation_columns(d, exhibit[1] if exhibit else None),
                    },
                )
                if exhibit is not None:
                    self._keep_source(exhibit[0], exhibit[1])
                self._arrive(filer_id, d.fiscal_year, filing_id, filing_date or now, current)
                return IngestResult(
                    self.filer_by_id(filer_id),
                    d.fiscal_year,
                    d.form,
                    version,
                    "new" if version == 1 else "new version",
                    filing_id,
                    coverage=coverage_of(d),
                )
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from exc

    def _insert_version(
        self,
        d: Disclosure,
        precomputed: Precomputed,
        content: dict,
        filer_id: int,
        version: int,
        facts: list[dict],
        provenance: dict[str, Any],
    ) -> int:
        """Write a disclosure as a version: its source (once per sha256), filings row, elements, facts and
        sentences; `provenance` holds accession, filing_date, source_path and ingested_at."""
        sha = self._keep_source(b"", provenance["source_path"], precomputed.source)
        filing_id = self._insert_rows(
            "filings",
            [
                {
                    **content,
                    **provenance,
                    "filer_id": filer_id,
                    "version": version,
                    "amendment": int(d.amendment),
                    "source_format": d.source_format,
                    "period_end": d.period_end,
                    "source_sha256": sha,
                    "section_text": d.section_text,
                    "notes": "\n".join(d.notes) or None,
                }
            ],
        )
        if filing_id is None:
            raise TrackerError("no row id for the version just inserted")
        self._insert_rows("elements", [_element_row(filing_id, i, e) for i, e in enumerate(d.elements)])
        self._insert_rows("facts", [{**f, "filing_id": filing_id} for f in facts])
        self._insert_rows("sentences", [{**row, "filing_id": filing_id} for row in precomputed.sentences])
        if precomputed.sentence_sequence is not None:
            self._insert_rows(
                "sentence_sequences", [{**precomputed.sentence_sequence, "filing_id": filing_id}]
            )
        return filing_id

    def _keep_source(self, raw: bytes, path: str, packed: tuple[str, int, bytes] | None = None) -> str:
        """Keep a source's bytes (compressed, once per sha256) for provenance; returns its sha256. `packed` is
        (sha256, size, compressed bytes) when worked out already (`derive`); `raw` is then not looked at."""
        sha = packed[0] if packed else digest_bytes(raw)
        if not self.conn.execute("select 1 from sources where sha256 = ?", [sha]).fetchone():
            size, compressed = packed[1:] if packed else (len(raw), zlib.compress(raw, 1))
            self._insert_rows(
                "sources", [{"sha256": sha, "size": size, "compressed": compressed, "first_path": path}]
            )
        return sha

    def coverage(self) -> list[dict]:
        """The current version of every filer-year: filer_id, fiscal_year, form, coverage (see COVERAGE) and,
        for one incorporated by reference, the document named and the exhibit read."""
        return [
            dict(row)
            for row in self.db.query(
                "select filer_id, fiscal_year, form, coalesce(coverage, 'full') as coverage, "
                f"incorporated_from, incorporated_heading, exhibit_path from ({LATEST_FILINGS_SQL}) "
                "order by filer_id, fiscal_year"
            )
        ]

    # -- reading back -----------------------------------------------------------------------------
    def filing(self, filer: Filer, year: int, version: int | None = None) -> dict:
        """The row of a filer-year: the version named, else the latest (filed last, else ingested last)."""
        if version is None:
            current = self._current(filer.id, year)
            row = self.filing_by_id(current[0]) if current else None
        else:
            row = next(
                self._query(
                    "select * from filings where filer_id = ? and fiscal_year = ? and version = ?",
                    [filer.id, year, version],
                ),
                None,
            )
        if row is None:
            years = ", ".join(map(str, self.years(filer))) or "none"
            what = f"{year}" if version is None else f"{year} version {version}"
            raise NotFound(f"{filer.display} has no stored disclosure for {what}; stored years: {years}.")
        return row

    def versions(self, filer: Filer, year: int) -> list[dict]:
        """Every version row of a filer-year."""
        return list(
            self._query(
                "select * from filings where filer_id = ? and fiscal_year = ? order by version",
                [filer.id, year],
            )
        )

    def disclosure(self, filing: dict, filer: Filer | None = None) -> Disclosure:
        """Rebuild the Disclosure of a stored version (`filer`: its filer, when the caller has read it already).

        Its element and fact rows are read as tuples of the columns it needs, not as dicts of every column
        (`_query`): building the dicts, each read once, cost as much as the queries (diff-all reads two versions
        a pair)."""
        if filer is None or filer.id != filing["filer_id"]:
            filer = self.filer_by_id(filing["filer_id"])
        elements = [
            _element_from_row(*r)
            for r in self.conn.execute(
                "select element, kind, value, source, original, evidence from elements where filing_id = ? "
                "order by position",
                [filing["id"]],
            )
        ]
        d = Disclosure(
            elements=elements,
            tagged=bool(filing["tagged"]),
            source_format=filing["source_format"],
            section_text=filing["section_text"] or "",
            cik=filer.cik,
            name=filer.name,
            tickers=list(filer.tickers),
            fiscal_year=filing["fiscal_year"],
            period_end=filing["period_end"],
            form=filing["form"],
            amendment=bool(filing["amendment"]),
            notes=(filing["notes"] or "").splitlines(),
            incorporation=_incorporation_from_row(filing),
        )
        # The facts extracted at ingest: whoever compares this disclosure then needs no extraction. A
        # version stored without fact rows, or with rows of other rules, is left to extract its own.
        from tracker.facts import RULES_VERSION, FactValue, attach_facts

        rows = self.conn.execute(
            "select fact, value, element, evidence, rule, also, rules from facts where filing_id = ? "
            "order by fact, position",
            [filing["id"]],
        ).fetchall()
        if rows and all(r[6] == RULES_VERSION for r in rows):  # facts read by other rules: read again
            facts: dict[str, list] = {}
            for fact, value, element, evidence, rule, also, _ in rows:
                facts.setdefault(fact, []).append(
                    FactValue(
                        _json_value(value),
                        element,
                        evidence,
                        rule or "",
                        json.loads(also) if also and also != "[]" else [],
                    )
                )
            attach_facts(d, facts, copy=False)  # (made here: nobody else holds them)
        d.stored_sentences = _stored_sentences(self.conn, filing["id"], d)
        d.boilerplate = self.boilerplate_marks(filing["id"])
        return d

    def facts(self, filing: dict) -> list[dict]:
        """Fact rows of a stored version, in order."""
        return list(
            self._query("select * from facts where filing_id = ? order by fact, position", [filing["id"]])
        )

    def fact_history(self, filer: Filer) -> list[dict]:
        """Every fact row of a filer's latest versions, with its fiscal year."""
        return list(
            self._query(
                "select l.fiscal_year, l.version, x.* from latest_filings l join facts x on x.filing_id = l.id "
                "where l.filer_id = ? order by x.fact, l.fiscal_year, x.position",
                [filer.id],
            )
        )

    # -- boilerplate and stickiness (derived from the stored sentences by tracker.diff.boilerplate) ----------
    def latest_sentences(self) -> Iterator[dict]:
        """Every stored sentence of every current version: filing_id, filer_id, fiscal_year, sentence_id, text;
        a filing's sentences together, its filer's years in order."""
        return self._query(
            "select l.id as filing_id, l.filer_id, l.fiscal_year, s.id as sentence_id, s.text "
            "from latest_filings l join sentences s on s.filing_id = l.id "
            "order by l.filer_id, l.fiscal_year, s.id"
        )

    def save_boilerplate(self, sentences: list[dict], filings: list[dict], meta: dict) -> None:
        """Replace the boilerplate index (derived data, not a stored version) in one transaction."""
        try:
            with self.transaction():
                self.db.execute("delete from sentence_boilerplate")
                self.db.execute("delete from disclosure_boilerplate")
                self.db.table("sentence_boilerplate").insert_all(sentences, batch_size=5000)
                self.db.table("disclosure_boilerplate").insert_all(filings, batch_size=5000)
                self.db.table("tracker_meta").upsert(
                    {"key": "boilerplate_index", "value": json.dumps(meta)}, pk="key"
                )
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from exc

    def boilerplate_marks(self, filing_id: int) -> dict[str, int]:
        """Comparison key -> how many other filers state it nearly alike, for the sentences of a version that
        are common boilerplate (empty when the index has not seen the version)."""
        rows = self._query(
            "select s.text, b.other_filers from sentence_boilerplate b join sentences s on s.id = b.sentence_id "
            "where b.filing_id = ? and b.common = 1",
            [filing_id],
        )
        return {comparison_key(r["text"]): int(r["other_filers"]) for r in rows}

    def source_bytes(self, sha256: str) -> bytes:
        """The raw source stored under a sha256."""
        row = self._get("sources", "sha256", sha256)
        return zlib.decompress(row["compressed"])

    # -- comparisons --------------------------------------------------------------------------------
    def comparison(self, old_filing_id: int, new_filing_id: int) -> dict | None:
        """The stored comparison of two versions, if computed."""
        return next(
            self._query(
                "select * from comparisons where old_filing_id = ? and new_filing_id = ?",
                [old_filing_id, new_filing_id],
            ),
            None,
        )

    def save_comparison(self, old: dict, new: dict, data: dict, report_path: str | None = None) -> int:
        """Store the JSON of a comparison of two stored versions (and one row per change); returns its id.

        A comparison is a pure function of its two versions and the fact rules: a stored one is kept as it is,
        unless other rules made it (derived data, not a stored version: replaced, with its change rows).
        """
        from tracker.facts import RULES_VERSION

        existing = self.comparison(old["id"], new["id"])
        if existing and existing["rules"] == RULES_VERSION:
            return int(existing["id"])
        try:
            with self.transaction():
                if existing:
                    self.db.execute("delete from changes where comparison_id = ?", [existing["id"]])
                    self.db.execute("delete from comparisons where id = ?", [existing["id"]])
                comparison_id = self._insert_comparison(old, new, data, report_path)
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from exc
        return comparison_id

    def _insert_comparison(self, old: dict, new: dict, data: dict, report_path: str | None) -> int:
        from tracker.facts import RULES_VERSION

        sim = data.get("similarity", {})
        summary = data.get("summary", {})
        changes = data.get("changes", [])
        comparison_id = self._insert_rows(
            "comparisons",
            [
                {
                    "filer_id": new["filer_id"],
                    "old_filing_id": old["id"],
                    "new_filing_id": new["id"],
                    "old_year": old["fiscal_year"],
                    "new_year": new["fiscal_year"],
                    "verdict": data.get("verdict"),
                    "significance": data.get("significance"),
                    "extent": data.get("extent"),
                    "top_changes": "; ".join(data.get("top_changes") or []),
                    "rules": RULES_VERSION,
                    "cosine": sim.get("cosine"),
                    "jaccard": sim.get("jaccard"),
                    "min_edit": sim.get("min_edit"),
                    "simple": sim.get("simple"),
                    "high": summary.get("high", 0),
                    "medium": summary.get("medium", 0),
                    "low": summary.get("low", 0),
                    "flags_flipped": sum(1 for c in changes if c["kind"] == "flag_flipped"),
                    "facts_changed": sum(1 for c in changes if c["kind"].startswith("fact_")),
                    "report_path": report_path,
                    "json": json.dumps(data, ensure_ascii=False),
                    "computed_at": _now(),
                }
            ],
        )
        if comparison_id is None:
            raise TrackerError("no row id for the comparison just inserted")
        self._insert_rows("changes", [_change_row(comparison_id, i, c) for i, c in enumerate(changes)])
        return comparison_id

    def comparison_pairs(self, year_pair: tuple[int, int] | None = None) -> list[dict]:
        """Pairs of latest versions to compare: of the two years given, else of every consecutive stored year.

        Each row: filer_id, old_id, new_id, old_year, new_year, and comparison_id (None when not yet stored).
        """
        if year_pair is not None:
            sql = (
                "select o.filer_id, o.id as old_id, n.id as new_id, o.fiscal_year as old_year, "
                "n.fiscal_year as new_year from latest_filings o join latest_filings n "
                "on n.filer_id = o.filer_id where o.fiscal_year = ? and n.fiscal_year = ?"
            )
            params: list = list(year_pair)
        else:
            sql = (
                "select filer_id, prev_id as old_id, id as new_id, prev_year as old_year, fiscal_year as new_year "
                "from (select filer_id, id, fiscal_year, "
                "lag(id) over (partition by filer_id order by fiscal_year) as prev_id, "
                "lag(fiscal_year) over (partition by filer_id order by fiscal_year) as prev_year "
                "from latest_filings) where prev_id is not null"
            )
            params = []
        return list(
            self._query(
                f"select p.*, c.id as comparison_id, c.report_path, c.rules from ({sql}) p left join comparisons c "
                "on c.old_filing_id = p.old_id and c.new_filing_id = p.new_id order by p.filer_id, p.new_year",
                params,
            )
        )

    def set_report_path(self, comparison_id: int, report_path: str) -> None:
        """Record where the HTML report of a stored comparison was written (a rendering, not stored data)."""
        with self.transaction():
            self.db.table("comparisons").update(comparison_id, {"report_path": report_path})

    def filing_by_id(self, filing_id: int) -> dict:
        """The version row of that row id."""
        return self._get("filings", "id", filing_id)

    @contextmanager
    def transaction(self, index: bool = True) -> Iterator[None]:
        """One write transaction (nested: a savepoint inside the open one).

        The outermost takes the write lock at once (BEGIN IMMEDIATE): a concurrent writer then waits for it
        (busy_timeout) instead of failing with `database is locked` when a read turns into a write. Before
        it commits, the full-text indexes get the rows it added, in one statement each (`FTS_COLUMNS`), so
        a batch of files costs one index update, not one per row; `index=False` only for the schema's own.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            marks = self._last_rowids() if index else None
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.rollback()
            raise write_error(self.path, exc) from exc
        try:
            yield
            if marks is not None:
                self._index_added(marks)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise write_error(self.path, exc) from exc
            raise

    def _last_rowids(self) -> list[int]:
        """The largest row id of each indexed table (rows are only ever added, so later ones are new)."""
        return [
            self.db.conn.execute(f"select coalesce(max(rowid), 0) from [{table}]").fetchone()[0]
            for table, _ in FTS_COLUMNS
        ]

    def _index_added(self, marks: list[int]) -> None:
        """Add the rows stored after `marks` (see `_last_rowids`) to the full-text indexes."""
        for (table, column), mark in zip(FTS_COLUMNS, marks):
            self.db.conn.execute(
                f"insert into [{table}_fts] (rowid, [{column}]) select rowid, [{column}] from [{table}] "
                "where rowid > ? order by rowid",
                [mark],
            )

    def _insert_rows(self, table: str, rows: list[dict]) -> int | None:
        """Insert rows with one prepared statement (sqlite-utils' insert builds a query per chunk and
        inspects every value); a dict, list or tuple value is stored as JSON, as sqlite-utils would. Returns
        the row id of the last row."""
        if not rows:
            return None
        columns = list(dict.fromkeys(chain.from_iterable(rows)))
        sql = (
            f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"values ({', '.join('?' for _ in columns)})"
        )
        values = [tuple(map(row.get, columns)) for row in rows]
        if not _JSON_TYPES.isdisjoint(map(type, chain.from_iterable(values))):
            values = [tuple(map(_sql_value, v)) for v in values]
        if len(values) == 1:
            return self.conn.execute(sql, values[0]).lastrowid
        self.conn.executemany(sql, values)
        return None

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return {t: self.db[t].count for t in ("filers", "filings", "elements", "facts", "sources")}


#: The computed columns of each table (never inserted).
_COMPUTED = {t: {c for table, c, _ in LABEL_COLUMNS if table == t} for t, *_ in TABLES}


def write_error(path: Path, exc: sqlite3.OperationalError) -> TrackerError:
    """One sentence for a write SQLite refused (read-only file, full disk, lock held too long)."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return TrackerError(
            f"the database {path} is read-only; make it and its folder writable or pass --db PATH."
        )
    if "full" in text:
        return TrackerError(
            f"the disk holding the database {path} is full; free some space (nothing was "
            "written) or pass --db PATH on another disk."
        )
    if "locked" in text or "busy" in text:
        return TrackerError(f"the database {path} stayed locked by another process for 30 s; try again.")
    return TrackerError(f"the database {path} refused the write ({exc}); check disk space and permissions.")


def _last_id(table: sqlite_utils.db.Table) -> int:
    """The row id of the row `table` inserted last."""
    pk = table.last_pk
    if pk is None:
        raise TrackerError(f"no row id for the row just inserted into {table.name}")
    return int(pk)


def digest_bytes(raw: bytes) -> str:
    """sha256 of raw bytes."""
    import hashlib

    return hashlib.sha256(raw).hexdigest()


_JSON_TYPES = frozenset((dict, list, tuple))


def _sql_value(value: Any) -> Any:
    """A value as sqlite-utils stores it: containers as JSON, the rest as they are."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, default=repr, ensure_ascii=False)
    return value


def _element_row(filing_id: int, position: int, e: Element) -> dict:
    value: str | None
    if e.kind == "flag":
        value = None if e.value is None else ("true" if e.value else "false")
    else:
        value = str(e.value) if e.value is not None else None
    return {
        "filing_id": filing_id,
        "position": position,
        "element": e.name,
        "label": e.label,
        "kind": e.kind,
        "value": value,
        "source": e.source,
        "evidence": e.evidence,
        "original": e.original if e.original != value else None,
    }


def _json_or_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _change_row(comparison_id: int, position: int, c: dict) -> dict:
    return {
        "comparison_id": comparison_id,
        "position": position,
        "kind": c["kind"],
        "severity": c["severity"],
        "element": c.get("element"),
        "elements": json.dumps(c.get("elements") or []),
        "fact": c.get("fact"),
        "change": c.get("change"),
        "old": _json_or_text(c.get("old")),
        "new": _json_or_text(c.get("new")),
        "value": _json_or_text(c.get("value")),
        "text": c.get("text"),
        "old_source": c.get("old_source"),
        "new_source": c.get("new_source"),
        "evidence": _json_or_text(c.get("evidence")),
        "summary": c.get("summary"),
        "why": c.get("why"),
    }


def _sentences_and_sequence(
    filing_id: int, d: Disclosure
) -> tuple[list[dict], list[SequenceSentence] | None]:
    """Each text block's sentences with their comparison keys and words; the rows holding the sentences a
    comparison aligns (`comparison_sentences`) also say where they stand in that sequence and in which
    elements. When the section text splits a sentence no block holds, the rows cannot keep the sequence: it is
    returned beside them (for `sentence_sequences` to keep), else None."""
    with shared_work():  # (the blocks and the section repeat their sentences: each split and tokenised once)
        return _sentences_and_sequence_of(filing_id, d)


def _sentences_and_sequence_of(
    filing_id: int, d: Disclosure
) -> tuple[list[dict], list[SequenceSentence] | None]:
    rows = []
    first_row: dict[str, dict] = {}
    for e in d.text_elements:
        for i, sentence in enumerate(split_sentences(str(e.value))):
            tokens, key = words_and_key(sentence)
            row = {
                "filing_id": filing_id,
                "element": e.name,
                "position": i,
                "text": sentence,
                "key": key,
                "words": " ".join(tokens),
            }
            first_row.setdefault(sentence, row)
            rows.append(row)
    sequence = comparison_sentences(d.section_text, d.text_blocks(), UNTAGGED_ELEMENT)
    if not all(text in first_row for text, *_ in sequence):
        return rows, sequence
    for position, (text, _key, _tokens, elements) in enumerate(sequence, 1):
        first_row[text].update(
            sequence=position, sequence_elements="\n".join(elements), splitter=SENTENCES_VERSION
        )
    return rows, None


def _sentence_sequence_row(sequence: list[SequenceSentence] | None) -> dict | None:
    """The `sentence_sequences` row of a version (without its filing_id) whose sentence rows cannot keep the
    sequence a comparison aligns (`_sentences_and_sequence`): that sequence, as JSON (so that a diff of such a
    version splits and tokenises nothing either); None when the rows keep it."""
    if sequence is None:
        return None
    return {
        "splitter": SENTENCES_VERSION,
        "sequence": json.dumps(sequence, separators=(",", ":"), ensure_ascii=False),
    }


def _incorporation_from_row(row: dict) -> Incorporation | None:
    """The incorporation a stored version records (a version stored before the columns: read from its text)."""
    if row.get("coverage") is None:
        from tracker.read.untagged import incorporation_of

        return incorporation_of(row.get("section_text") or "")
    if not row.get("incorporated_from"):
        return None
    return Incorporation(
        row["incorporated_from"],
        row["incorporated_heading"],
        row["pointer_text"] or "",
        row["exhibit_path"],
        row["exhibit_sha256"],
        row["exhibit_subsection"],
    )


def _stored_sentences(db: sqlite3.Connection, filing_id: int, d: Disclosure) -> tuple | None:
    """The sentences a comparison aligns, as kept at ingest (None when they were not, or by another splitter):
    what `Disclosure.stored_sentences` holds."""
    rows = db.execute(
        "select text, key, words, sequence_elements, splitter from sentences "
        "where filing_id = ? and sequence is not null order by sequence",
        [filing_id],
    ).fetchall()
    if rows and all(r[4] == SENTENCES_VERSION for r in rows):
        sequence = [
            (text, key, words.split(" ") if words else [], elements.split("\n"))
            for text, key, words, elements, _ in rows
        ]
    elif rows:
        return None
    else:  # (a sequence the rows could not keep, if kept beside them)
        kept = db.execute(
            "select sequence from sentence_sequences where filing_id = ? and splitter = ?",
            [filing_id, SENTENCES_VERSION],
        ).fetchone()
        if not kept or not kept[0]:
            return None
        sequence = [tuple(s) for s in json.loads(kept[0])]
    return (d.section_text, d.text_blocks(), sequence)


def _json_value(text: str) -> Any:
    """json.loads(text), a plain string (most fact values: a title, a committee, a framework) read without the
    decoder."""
    if text[:1] == '"' and text[-1:] == '"' and "\\" not in text and '"' not in text[1:-1]:
        return text[1:-1]
    return json.loads(text)


def _element_from_row(
    name: str, kind: Kind, value: str | None, source: Source, original: str | None, evidence: str | None
) -> Element:
    """The Element of an `elements` row (its columns element, kind, value, source, original, evidence)."""
    stored: bool | str | None = value
    if kind == "flag":
        stored = None if value is None else value == "true"
    if name == UNTAGGED_ELEMENT and source == "tagged":  # stored so before the reader said `untagged`
        source = "untagged"
    return Element(name, kind, stored, source, original=original or None, evidence=evidence)
