"""The store: the only module that talks to SQLite (through sqlite-utils).

Tables: filers, tickers, sources (raw bytes, compressed, by sha256), filings (one row per version of a
filer-year), elements, facts. Nothing is ever updated in place or deleted by an ingest: a changed
disclosure for a filer-year becomes a new version.
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
from pathlib import Path
from typing import Any

import sqlite_utils

from tracker.errors import BadInput, NotFound, TrackerError
from tracker.models import Disclosure, Element
from tracker.normalize import comparison_key, digest, split_sentences

SCHEMA_VERSION = 3

#: (table, columns, primary key, foreign keys): a database made by an older version gets missing columns added.
TABLES: list[tuple[str, dict[str, Any], str, list[tuple[str, str, str]]]] = [
    ("tracker_meta", {"key": str, "value": str}, "key", []),
    ("filers", {"id": int, "cik": str, "name": str, "tickers": str, "created_at": str}, "id", []),
    ("tickers", {"ticker": str, "filer_id": int}, "ticker", [("filer_id", "filers", "id")]),
    ("sources", {"sha256": str, "size": int, "compressed": bytes, "first_path": str}, "sha256", []),
    ("filings", {
        "id": int, "filer_id": int, "fiscal_year": int, "version": int, "form": str, "amendment": int,
        "tagged": int, "source_format": str, "accession": str, "filing_date": str, "period_end": str,
        "source_path": str, "source_sha256": str, "content_hash": str, "section_hash": str,
        "section_text": str, "notes": str, "ingested_at": str,
    }, "id", [("filer_id", "filers", "id"), ("source_sha256", "sources", "sha256")]),
    ("elements", {
        "id": int, "filing_id": int, "position": int, "element": str, "label": str, "kind": str, "value": str,
        "source": str, "evidence": str, "original": str,
    }, "id", [("filing_id", "filings", "id")]),
    ("facts", {
        "id": int, "filing_id": int, "fact": str, "position": int, "value": str, "value_text": str,
        "element": str, "evidence": str, "rule": str, "also": str, "rules": str,
    }, "id", [("filing_id", "filings", "id")]),
    ("sentences", {"id": int, "filing_id": int, "element": str, "position": int, "text": str}, "id",
     [("filing_id", "filings", "id")]),
    ("comparisons", {
        "id": int, "filer_id": int, "old_filing_id": int, "new_filing_id": int, "old_year": int,
        "new_year": int, "verdict": str, "significance": str, "extent": str, "top_changes": str, "rules": str,
        "cosine": float, "jaccard": float, "min_edit": float, "simple": float,
        "high": int, "medium": int, "low": int, "flags_flipped": int, "facts_changed": int, "report_path": str,
        "json": str, "computed_at": str,
    }, "id", [("filer_id", "filers", "id"), ("old_filing_id", "filings", "id"), ("new_filing_id", "filings", "id")]),
    ("changes", {
        "id": int, "comparison_id": int, "position": int, "kind": str, "severity": str, "element": str,
        "elements": str, "fact": str, "change": str, "old": str, "new": str, "value": str, "text": str,
        "old_source": str, "new_source": str, "evidence": str, "summary": str, "why": str,
    }, "id", [("comparison_id", "comparisons", "id")]),
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
    ("comparisons", ["old_filing_id", "new_filing_id"], True),
    ("comparisons", ["filer_id", "new_year"], False),
    ("changes", ["comparison_id"], False),
    ("changes", ["kind", "fact"], False),
    ("comparisons", ["significance"], False),
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


def content_hash(d: Disclosure) -> str:
    """Hash of what the disclosure says (normalised), independent of the bytes it came from."""
    payload = {
        "form": d.form,
        "amendment": d.amendment,
        "tagged": d.tagged,
        "elements": [[e.name, e.kind, e.value if e.kind == "flag" else comparison_key(str(e.value or ""))]
                     for e in d.elements],
        "section": comparison_key(d.section_text),
    }
    return digest(json.dumps(payload, sort_keys=True))


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


class Store:
    """A tracker database file."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise NotFound(f"there is no database at {self.path}; run `tracker ingest` first or pass --db.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=30)
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self._ensure_schema_patiently()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not os.access(self.path.parent, os.W_OK):
                raise TrackerError(f"cannot open the database {self.path}: its folder is read-only; make the folder "
                                   "writable or pass --db PATH.") from exc
            raise TrackerError(f"cannot open the database {self.path}: {exc}; check the path or pass --db.") from exc
        except OSError as exc:
            raise TrackerError(f"cannot create the database {self.path}: {exc.strerror}; pass --db.") from exc

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

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
        db = self.db
        if "tracker_meta" in db.table_names():
            row = db.execute("select value from tracker_meta where key = 'schema_version'").fetchone()
            if row and row[0] == str(SCHEMA_VERSION):
                self._ensure_views()
                return
        if not self.path.exists() or db.journal_mode != "wal":
            try:
                db.enable_wal()
            except sqlite3.OperationalError:
                pass
        with self.transaction():
            for name, columns, pk, fks in TABLES:
                table = db[name]
                if table.exists():  # an older database: add the columns it lacks, keep every row
                    have = table.columns_dict
                    for column, kind in columns.items():
                        if column not in have:
                            table.add_column(column, kind)
                else:
                    table.create(columns, pk=pk, foreign_keys=fks)
            for name, columns, unique in INDEXES:
                db[name].create_index(columns, unique=unique, if_not_exists=True)
            if "elements_fts" not in db.table_names():
                db["elements"].enable_fts(["value"], create_triggers=True, tokenize="porter")
            if "sentences_fts" not in db.table_names():
                db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")
            db.create_view("latest_filings", """
                select f.* from filings f
                where f.version = (select max(version) from filings g
                                   where g.filer_id = f.filer_id and g.fiscal_year = f.fiscal_year)
            """, ignore=True)
            db["tracker_meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
        self._ensure_views(replace=True)

    def _ensure_views(self, replace: bool = False) -> None:
        """The views that make browsing easy (see tracker.browse): created once per database, and again when
        the schema changes."""
        from tracker.browse import BROWSE_VIEWS

        missing = [(name, sql) for name, sql in BROWSE_VIEWS if replace or name not in self.db.view_names()]
        if missing:
            with self.db.atomic():
                for name, sql in missing:
                    self.db.create_view(name, sql, replace=True)

    # -- filers -----------------------------------------------------------------------------------
    def _filer_from_row(self, row: dict) -> Filer:
        return Filer(row["id"], row["cik"], row["name"], json.loads(row["tickers"] or "[]"))

    def filer_by_id(self, filer_id: int) -> Filer:
        """The filer of that row id."""
        return self._filer_from_row(self.db["filers"].get(filer_id))

    def filers(self) -> list[Filer]:
        """Every filer, by name."""
        rows = self.db.query("select * from filers order by lower(coalesce(name, tickers, cik))")
        return [self._filer_from_row(r) for r in rows]

    def years(self, filer: Filer) -> list[int]:
        """Fiscal years stored for a filer."""
        return [r["fiscal_year"] for r in self.db.query(
            "select distinct fiscal_year from filings where filer_id = ? order by fiscal_year", [filer.id])]

    def find_filer(self, ident: str) -> Filer:
        """A filer by ticker, CIK (with or without zeros) or unambiguous name prefix."""
        ident = ident.strip()
        cik = normalize_cik(ident)
        if cik:
            row = next(self.db.query("select * from filers where cik = ?", [cik]), None)
            if row:
                return self._filer_from_row(row)
        row = next(self.db.query(
            "select f.* from filers f join tickers t on t.filer_id = f.id where t.ticker = ?", [ident.upper()]), None)
        if row:
            return self._filer_from_row(row)
        rows = list(self.db.query("select * from filers where name like ? escape '\\' order by name",
                                  [ident.replace("%", "\\%").replace("_", "\\_") + "%"]))
        if len(rows) == 1:
            return self._filer_from_row(rows[0])
        if len(rows) > 1:
            names = ", ".join(self._filer_from_row(r).display for r in rows[:10])
            raise BadInput(f"{ident!r} matches several filers ({names}); give a ticker or CIK.")
        known = ", ".join(f.tickers[0] if f.tickers else (f.cik or "?") for f in self.filers()[:20])
        hint = f" Known filers: {known}." if known else " The database is empty: run `tracker ingest` first."
        raise NotFound(f"no filer matches {ident!r}.{hint}")

    def _resolve_filer(self, d: Disclosure, filer_hint: str | None, name: str | None) -> int:
        """Row id of the filer a disclosure belongs to, creating or merging filers as needed."""
        tickers = [t.upper() for t in d.tickers]
        cik = normalize_cik(d.cik)
        hint_ticker = None
        if filer_hint:
            hint_cik = normalize_cik(filer_hint)
            if hint_cik:
                cik = hint_cik
            else:
                hint_ticker = filer_hint.strip().upper()
                if hint_ticker not in tickers:
                    tickers.insert(0, hint_ticker)
        by_cik = next(self.db.query("select * from filers where cik = ?", [cik]), None) if cik else None
        by_ticker = None
        for t in tickers:
            by_ticker = next(self.db.query(
                "select f.* from filers f join tickers t on t.filer_id = f.id where t.ticker = ?", [t]), None)
            if by_ticker:
                break
        if hint_ticker and by_ticker is not None and cik and by_ticker["cik"] not in (None, cik):
            raise BadInput(f"--filer {hint_ticker} names {by_ticker['name'] or 'CIK ' + by_ticker['cik']}, but the "
                           f"source is filed by CIK {cik}; drop --filer or give the right one.")
        if by_cik is None and by_ticker is not None and (by_ticker["cik"] is None or cik is None):
            filer_id = by_ticker["id"]
            if cik:
                self.db["filers"].update(filer_id, {"cik": cik})
        elif by_cik is not None:
            filer_id = by_cik["id"]
            if by_ticker is not None and by_ticker["id"] != filer_id and by_ticker["cik"] is None:
                self._merge_filers(into=filer_id, other=by_ticker["id"])
        elif cik or tickers:
            filer_id = self.db["filers"].insert(
                {"cik": cik, "name": name or d.name, "tickers": "[]", "created_at": _now()}).last_pk
        else:
            raise BadInput("the source names no filer; pass --filer CIK or --filer TICKER.")
        row = self.db["filers"].get(filer_id)
        updates: dict[str, Any] = {}
        if (name and name != row["name"]) or (not row["name"] and d.name):
            updates["name"] = name or d.name
        known = json.loads(row["tickers"] or "[]")
        new_tickers = known + [t for t in tickers if t not in known]
        for t in tickers:
            owner = self.db.execute("select filer_id from tickers where ticker = ?", [t]).fetchone()
            if owner is None:
                self.db["tickers"].insert({"ticker": t, "filer_id": filer_id})
        if new_tickers != known:
            updates["tickers"] = json.dumps(new_tickers)
        if updates:
            self.db["filers"].update(filer_id, updates)
        return int(filer_id)

    def _merge_filers(self, into: int, other: int) -> None:
        """Fold a ticker-only filer into the filer that now has its CIK, keeping every version."""
        for row in list(self.db.query("select * from filings where filer_id = ? order by fiscal_year, version",
                                      [other])):
            top = self.db.execute("select coalesce(max(version), 0) from filings where filer_id = ? and fiscal_year = ?",
                                  [into, row["fiscal_year"]]).fetchone()[0]
            self.db["filings"].update(row["id"], {"filer_id": into, "version": top + 1})
        old = self.db["filers"].get(other)
        self.db.execute("update tickers set filer_id = ? where filer_id = ?", [into, other])
        target = self.db["filers"].get(into)
        tickers = json.loads(target["tickers"] or "[]")
        tickers += [t for t in json.loads(old["tickers"] or "[]") if t not in tickers]
        self.db["filers"].update(into, {"tickers": json.dumps(tickers), "name": target["name"] or old["name"]})
        self.db["filers"].delete(other)

    # -- ingest -----------------------------------------------------------------------------------
    def add(self, d: Disclosure, raw: bytes, *, source_path: str, filer: str | None = None,
            name: str | None = None, accession: str | None = None, filing_date: str | None = None,
            facts: list[dict] | None = None) -> IngestResult:
        """Store one disclosure as a new version of its filer-year, unless that content is already there.

        Everything happens in one transaction: on any error the database is exactly as before.
        """
        if d.fiscal_year is None:
            raise BadInput("the source states no fiscal year; pass --year YYYY.")
        chash = content_hash(d)
        shash = digest(comparison_key(d.section_text)) if d.section_text else None
        sha = digest_bytes(raw)
        try:
            with self.transaction():
                filer_id = self._resolve_filer(d, filer, name)
                same = next(self.db.query(
                    "select id, version from filings where filer_id = ? and fiscal_year = ? and content_hash = ?",
                    [filer_id, d.fiscal_year, chash]), None)
                if same is None and not d.tagged:
                    # The same text already stored from a tagged source (the filing read from another
                    # format) is the same disclosure: the tagged version says more, so keep it alone.
                    same = next(self.db.query(
                        "select id, version from filings where filer_id = ? and fiscal_year = ? and tagged = 1 "
                        "and section_hash = ? and coalesce(form, '') = coalesce(?, form, '') "
                        "order by version desc", [filer_id, d.fiscal_year, shash, d.form]), None)
                if same:
                    return IngestResult(self.filer_by_id(filer_id), d.fiscal_year, d.form, same["version"],
                                        "unchanged", same["id"])
                top = self.db.execute(
                    "select coalesce(max(version), 0) from filings where filer_id = ? and fiscal_year = ?",
                    [filer_id, d.fiscal_year]).fetchone()[0]
                if not self.db.execute("select 1 from sources where sha256 = ?", [sha]).fetchone():
                    self.db["sources"].insert({"sha256": sha, "size": len(raw), "compressed": zlib.compress(raw, 1),
                                               "first_path": source_path})
                filing_id = self.db["filings"].insert({
                    "filer_id": filer_id, "fiscal_year": d.fiscal_year, "version": top + 1, "form": d.form,
                    "amendment": int(d.amendment), "tagged": int(d.tagged), "source_format": d.source_format,
                    "accession": accession, "filing_date": filing_date, "period_end": d.period_end,
                    "source_path": source_path, "source_sha256": sha, "content_hash": chash, "section_hash": shash,
                    "section_text": d.section_text, "notes": "\n".join(d.notes) or None, "ingested_at": _now(),
                }).last_pk
                self.db["elements"].insert_all(
                    [_element_row(filing_id, i, e) for i, e in enumerate(d.elements)])
                if facts:
                    self.db["facts"].insert_all([{**f, "filing_id": filing_id} for f in facts])
                self.db["sentences"].insert_all(_sentence_rows(filing_id, d))
                return IngestResult(self.filer_by_id(filer_id), d.fiscal_year, d.form, top + 1,
                                    "new" if top == 0 else "new version", int(filing_id))
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from exc

    # -- reading back -----------------------------------------------------------------------------
    def filing(self, filer: Filer, year: int, version: int | None = None) -> dict:
        """The row of a filer-year (latest version unless one is named)."""
        if version is None:
            row = next(self.db.query("select * from filings where filer_id = ? and fiscal_year = ? "
                                     "order by version desc limit 1", [filer.id, year]), None)
        else:
            row = next(self.db.query("select * from filings where filer_id = ? and fiscal_year = ? and version = ?",
                                     [filer.id, year, version]), None)
        if row is None:
            years = ", ".join(map(str, self.years(filer))) or "none"
            what = f"{year}" if version is None else f"{year} version {version}"
            raise NotFound(f"{filer.display} has no stored disclosure for {what}; stored years: {years}.")
        return row

    def versions(self, filer: Filer, year: int) -> list[dict]:
        """Every version row of a filer-year."""
        return list(self.db.query("select * from filings where filer_id = ? and fiscal_year = ? order by version",
                                  [filer.id, year]))

    def disclosure(self, filing: dict) -> Disclosure:
        """Rebuild the Disclosure of a stored version."""
        filer = self.filer_by_id(filing["filer_id"])
        elements = [_element_from_row(r) for r in self.db.query(
            "select * from elements where filing_id = ? order by position", [filing["id"]])]
        d = Disclosure(
            elements=elements, tagged=bool(filing["tagged"]), source_format=filing["source_format"],
            section_text=filing["section_text"] or "", cik=filer.cik, name=filer.name, tickers=filer.tickers,
            fiscal_year=filing["fiscal_year"], period_end=filing["period_end"], form=filing["form"],
            amendment=bool(filing["amendment"]), notes=(filing["notes"] or "").splitlines(),
        )
        # The facts extracted at ingest: whoever compares this disclosure then needs no extraction. A
        # version stored without fact rows, or with rows of other rules, is left to extract its own.
        from tracker.facts import RULES_VERSION, FactValue, attach_facts

        rows = self.facts(filing)
        if rows and all(r["rules"] == RULES_VERSION for r in rows):  # facts read by other rules: read again
            facts: dict[str, list] = {}
            for r in rows:
                facts.setdefault(r["fact"], []).append(FactValue(json.loads(r["value"]), r["element"], r["evidence"],
                                                                 r["rule"] or "", json.loads(r["also"] or "[]")))
            attach_facts(d, facts)
        return d

    def facts(self, filing: dict) -> list[dict]:
        """Fact rows of a stored version, in order."""
        return list(self.db.query("select * from facts where filing_id = ? order by fact, position", [filing["id"]]))

    def fact_history(self, filer: Filer) -> list[dict]:
        """Every fact row of a filer's latest versions, with its fiscal year."""
        return list(self.db.query(
            "select l.fiscal_year, l.version, x.* from latest_filings l join facts x on x.filing_id = l.id "
            "where l.filer_id = ? order by x.fact, l.fiscal_year, x.position", [filer.id]))

    def source_bytes(self, sha256: str) -> bytes:
        """The raw source stored under a sha256."""
        row = self.db["sources"].get(sha256)
        return zlib.decompress(row["compressed"])

    # -- comparisons --------------------------------------------------------------------------------
    def comparison(self, old_filing_id: int, new_filing_id: int) -> dict | None:
        """The stored comparison of two versions, if computed."""
        return next(self.db.query("select * from comparisons where old_filing_id = ? and new_filing_id = ?",
                                  [old_filing_id, new_filing_id]), None)

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
        return int(comparison_id)

    def _insert_comparison(self, old: dict, new: dict, data: dict, report_path: str | None) -> int:
        from tracker.facts import RULES_VERSION

        sim = data.get("similarity", {})
        summary = data.get("summary", {})
        changes = data.get("changes", [])
        comparison_id = self.db["comparisons"].insert({
            "filer_id": new["filer_id"], "old_filing_id": old["id"], "new_filing_id": new["id"],
            "old_year": old["fiscal_year"], "new_year": new["fiscal_year"], "verdict": data.get("verdict"),
            "significance": data.get("significance"), "extent": data.get("extent"),
            "top_changes": "; ".join(data.get("top_changes") or []), "rules": RULES_VERSION,
            "cosine": sim.get("cosine"), "jaccard": sim.get("jaccard"), "min_edit": sim.get("min_edit"),
            "simple": sim.get("simple"), "high": summary.get("high", 0), "medium": summary.get("medium", 0),
            "low": summary.get("low", 0),
            "flags_flipped": sum(1 for c in changes if c["kind"] == "flag_flipped"),
            "facts_changed": sum(1 for c in changes if c["kind"].startswith("fact_")),
            "report_path": report_path, "json": json.dumps(data, ensure_ascii=False),
            "computed_at": _now(),
        }).last_pk
        self.db["changes"].insert_all([_change_row(comparison_id, i, c) for i, c in enumerate(changes)])
        return int(comparison_id)

    def comparison_pairs(self, year_pair: tuple[int, int] | None = None) -> list[dict]:
        """Pairs of latest versions to compare: of the two years given, else of every consecutive stored year.

        Each row: filer_id, old_id, new_id, old_year, new_year, and comparison_id (None when not yet stored).
        """
        if year_pair is not None:
            sql = ("select o.filer_id, o.id as old_id, n.id as new_id, o.fiscal_year as old_year, "
                   "n.fiscal_year as new_year from latest_filings o join latest_filings n "
                   "on n.filer_id = o.filer_id where o.fiscal_year = ? and n.fiscal_year = ?")
            params: list = list(year_pair)
        else:
            sql = ("select filer_id, prev_id as old_id, id as new_id, prev_year as old_year, fiscal_year as new_year "
                   "from (select filer_id, id, fiscal_year, "
                   "lag(id) over (partition by filer_id order by fiscal_year) as prev_id, "
                   "lag(fiscal_year) over (partition by filer_id order by fiscal_year) as prev_year "
                   "from latest_filings) where prev_id is not null")
            params = []
        return list(self.db.query(
            f"select p.*, c.id as comparison_id, c.report_path, c.rules from ({sql}) p left join comparisons c "
            "on c.old_filing_id = p.old_id and c.new_filing_id = p.new_id order by p.filer_id, p.new_year", params))

    def set_report_path(self, comparison_id: int, report_path: str) -> None:
        """Record where the HTML report of a stored comparison was written (a rendering, not stored data)."""
        with self.transaction():
            self.db["comparisons"].update(comparison_id, {"report_path": report_path})

    def filing_by_id(self, filing_id: int) -> dict:
        """The version row of that row id."""
        return self.db["filings"].get(filing_id)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested: a savepoint inside the open one).

        The outermost takes the write lock at once (BEGIN IMMEDIATE): a concurrent writer then waits for it
        (busy_timeout) instead of failing with `database is locked` when a read turns into a write.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from exc
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise write_error(self.path, exc) from exc
            raise

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return {t: self.db[t].count for t in ("filers", "filings", "elements", "facts", "sources")}


def write_error(path: Path, exc: sqlite3.OperationalError) -> TrackerError:
    """One sentence for a write SQLite refused (read-only file, full disk, lock held too long)."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return TrackerError(f"the database {path} is read-only; make it and its folder writable or pass --db PATH.")
    if "full" in text:
        return TrackerError(f"the disk holding the database {path} is full; free some space (nothing was "
                            "written) or pass --db PATH on another disk.")
    if "locked" in text or "busy" in text:
        return TrackerError(f"the database {path} stayed locked by another process for 30 s; try again.")
    return TrackerError(f"the database {path} refused the write ({exc}); check disk space and permissions.")


def digest_bytes(raw: bytes) -> str:
    """sha256 of raw bytes."""
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def _element_row(filing_id: int, position: int, e: Element) -> dict:
    value: str | None
    if e.kind == "flag":
        value = None if e.value is None else ("true" if e.value else "false")
    else:
        value = str(e.value) if e.value is not None else None
    return {"filing_id": filing_id, "position": position, "element": e.name, "label": e.label, "kind": e.kind,
            "value": value, "source": e.source, "evidence": e.evidence,
            "original": e.original if e.original != value else None}


def _json_or_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _change_row(comparison_id: int, position: int, c: dict) -> dict:
    return {"comparison_id": comparison_id, "position": position, "kind": c["kind"], "severity": c["severity"],
            "element": c.get("element"), "elements": json.dumps(c.get("elements") or []), "fact": c.get("fact"),
            "change": c.get("change"), "old": _json_or_text(c.get("old")), "new": _json_or_text(c.get("new")),
            "value": _json_or_text(c.get("value")), "text": c.get("text"), "old_source": c.get("old_source"),
            "new_source": c.get("new_source"), "evidence": _json_or_text(c.get("evidence")),
            "summary": c.get("summary"), "why": c.get("why")}


def _sentence_rows(filing_id: int, d: Disclosure) -> list[dict]:
    rows = []
    for e in d.text_elements:
        for i, sentence in enumerate(split_sentences(str(e.value))):
            rows.append({"filing_id": filing_id, "element": e.name, "position": i, "text": sentence})
    return rows


def _element_from_row(row: dict) -> Element:
    value: bool | str | None = row["value"]
    if row["kind"] == "flag":
        value = None if row["value"] is None else row["value"] == "true"
    return Element(row["element"], row["kind"], value, row["source"], original=row["original"] or None,
                   evidence=row["evidence"])
