"""Incidents in the store: 8-K reports versioned like every source, amendments and updates linked to the first
report, and the derived link of each incident to the annual disclosures before and after it.

A report is known by its filer and accession number (a report added from a file without one is known by the
sha256 of its bytes). The same content again adds nothing; other content under the same accession is a new
version; no row is ever updated or deleted. An 8-K/A, or an 8-K that says it updates an earlier one, is linked to
its first report in `incident_links` (the report filed on the date it names, else the latest first report
filed before it); one whose first report is not stored yet is an orphan, linked when that report arrives.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tracker.models import Disclosure
from tracker.text.normalize import digest

if TYPE_CHECKING:
    from tracker.read.incident import Incident
    from tracker.store import Filer, Store


@dataclass
class StoredIncident:
    """What storing one report did."""

    filer: Filer
    """The filer it is stored under."""
    accession: str
    """Its accession number (or `sha256:...` for a file without one)."""
    version: int
    """The version holding this content."""
    status: str
    """`new`, `unchanged` or `new version`."""
    incident_id: int
    """Row id."""
    linked: list[tuple[str, str]]
    """(update, first report) accession pairs linked by this store, orphans of earlier runs included."""

    def links(self) -> str:
        """` (update of A)` and ` (its update B linked)` for the links this store made that concern this report."""
        return "".join(
            f" (update of {orig})" for upd, orig in self.linked if upd == self.accession
        ) + "".join(f" (its update {upd} linked)" for upd, orig in self.linked if orig == self.accession)


def _value(v: Any) -> Any:
    return None if v is None else v.value


def add_incident(
    store: Store,
    incident: Incident,
    raw: bytes,
    *,
    cik: str | None,
    filer: str | None = None,
    name: str | None = None,
    tickers: list[str] | None = None,
    accession: str | None = None,
    filing_date: str | None = None,
    source_path: str,
) -> StoredIncident:
    """Store one report (one transaction: on any error the database is as before) and link what it can."""
    from tracker.store import _instant, _last_id, digest_bytes, write_error

    payload = incident.to_json()
    content = digest(json.dumps({k: v for k, v in payload.items() if k != "signed"}, sort_keys=True))
    sha = digest_bytes(raw)
    accession = accession or f"sha256:{sha[:20]}"
    filed = filing_date or (
        _value(incident.signed) if incident.signed and len(incident.signed.value) == 10 else None
    )
    try:
        with store.transaction():
            probe = Disclosure(
                elements=[], tagged=False, source_format="8-K", cik=cik, name=name, tickers=tickers or []
            )
            filer_id = store._resolve_filer(probe, filer, name)
            rows = list(
                store._query(
                    "select * from incidents where filer_id = ? and accession = ? order by version",
                    [filer_id, accession],
                )
            )
            same = next((r for r in rows if r["content_hash"] == content), None)
            if same is not None:
                linked = link_updates(store, filer_id)
                return StoredIncident(
                    store.filer_by_id(filer_id), accession, same["version"], "unchanged", same["id"], linked
                )
            version = len(rows) + 1
            store._keep_source(raw, source_path)  # the source's bytes, once per sha256
            row = {
                "filer_id": filer_id,
                "accession": accession,
                "version": version,
                "form": incident.form,
                "item": incident.item,
                "items": json.dumps(incident.items),
                "filing_date": filed,
                "report_date": _value(incident.report_date),
                "detected": _value(incident.detected),
                "determined_material": _value(incident.determined_material),
                "nature": json.dumps([v.value for v in incident.nature]),
                "data_taken": None if incident.data_taken is None else int(incident.data_taken.value),
                "operational_impact": _value(incident.operational_impact),
                "materiality": _value(incident.materiality),
                "status": _value(incident.status),
                "updates_date": _value(incident.updates),
                "summary": incident.summary(),
                "json": json.dumps(payload, ensure_ascii=False),
                "content_hash": content,
                "source_sha256": sha,
                "source_path": source_path,
                "ingested_at": _instant(),
            }
            incident_id = _last_id(store.db.table("incidents").insert(row))
            linked = link_updates(store, filer_id)
            return StoredIncident(
                store.filer_by_id(filer_id),
                accession,
                version,
                "new" if version == 1 else "new version",
                incident_id,
                linked,
            )
    except sqlite3.OperationalError as exc:
        raise write_error(store.path, exc) from exc


def is_update(row: dict) -> bool:
    """Whether a report updates an earlier one: an 8-K/A, or an 8-K naming the report it updates."""
    return str(row["form"]).endswith("/A") or bool(row["updates_date"])


def link_updates(store: Store, filer_id: int) -> list[tuple[str, str]]:
    """Link every unlinked update of a filer whose first report is stored; returns the pairs linked now."""
    from tracker.store import _now

    reports = latest_reports(store, filer_id)
    linked_now = []
    have = {
        r["accession"]
        for r in store._query("select accession from incident_links where filer_id = ?", [filer_id])
    }
    firsts = [r for r in reports if not is_update(r)]
    for r in reports:
        if not is_update(r) or r["accession"] in have:
            continue
        original = _original_of(r, firsts)
        if original is None:
            continue
        reason = (
            f"it names the report of {r['updates_date']}"
            if r["updates_date"]
            else "the latest first report filed before it"
        )
        store.db.table("incident_links").insert(
            {
                "filer_id": filer_id,
                "accession": r["accession"],
                "original_accession": original["accession"],
                "reason": reason,
                "linked_at": _now(),
            }
        )
        linked_now.append((r["accession"], original["accession"]))
    return linked_now


def _original_of(update: dict, firsts: list[dict]) -> dict | None:
    """The first report an update belongs to: filed on the date it names (or, failing that, dated it), else the
    latest filed before it (only when it names no date: a named date that matches no stored report leaves it
    an orphan)."""
    if update["updates_date"]:  # "filed on DATE", or "dated DATE" (its date of report)
        named = update["updates_date"]
        return next((f for f in firsts if f["filing_date"] == named), None) or next(
            (f for f in firsts if f["report_date"] == named), None
        )
    before = [f for f in firsts if (f["filing_date"] or "") <= (update["filing_date"] or "9999")]
    return max(before, key=lambda f: f["filing_date"] or "", default=None)


def latest_reports(store: Store, filer_id: int | None = None) -> list[dict]:
    """The latest version of every stored report (of one filer, or of all), oldest filing first."""
    where = "where i.filer_id = ?" if filer_id is not None else ""
    return list(
        store._query(
            f"""select i.*, l.original_accession from incidents i
                left join incident_links l on l.filer_id = i.filer_id and l.accession = i.accession
                {where} {"and" if where else "where"} i.version = (select max(version) from incidents j
                    where j.filer_id = i.filer_id and j.accession = i.accession)
                order by i.filing_date, i.id""",
            [filer_id] if filer_id is not None else [],
        )
    )


def annual_dates(store: Store, filer_id: int) -> list[dict]:
    """The current version of every stored fiscal year of a filer, with the date it speaks as of: its filing
    date, else its period end, else the last day of its fiscal year (see docs/incidents.md)."""
    rows = list(
        store._query("select * from latest_filings where filer_id = ? order by fiscal_year", [filer_id])
    )
    for r in rows:
        r["as_of"] = r["filing_date"] or r["period_end"] or f"{r['fiscal_year']}-12-31"
        r["as_of_from"] = (
            "filing date" if r["filing_date"] else ("period end" if r["period_end"] else "fiscal year")
        )
    return rows


def save_checks(store: Store, filer_id: int, accession: str, checks: dict) -> None:
    """Replace the derived link of one incident to the annual disclosures around it."""
    from tracker.store import _now, write_error

    try:
        with store.transaction():
            store.db.table("incident_checks").upsert(
                {"filer_id": filer_id, "accession": accession, **checks, "computed_at": _now()},
                pk=("filer_id", "accession"),
            )
    except sqlite3.OperationalError as exc:
        raise write_error(store.path, exc) from exc


def incident_filers(store: Store) -> list[int]:
    """Row ids of the filers with a stored incident."""
    return [
        r[0]
        for r in store.conn.execute("select distinct filer_id from incidents order by filer_id").fetchall()
    ]


def has_incidents(store: Store, filer_id: int) -> bool:
    """Whether a filer has a stored incident report."""
    return bool(
        store.conn.execute("select 1 from incidents where filer_id = ? limit 1", [filer_id]).fetchone()
    )


def link_reasons(store: Store, filer_id: int) -> dict[str, str]:
    """Why each linked update of a filer was linked to its first report, by the update's accession."""
    return {
        r["accession"]: r["reason"]
        for r in store._query("select accession, reason from incident_links where filer_id = ?", [filer_id])
    }


def incident_state(store: Store, filer_id: int) -> tuple:
    """What the links of a filer's incidents depend on (its reports, the links, its annual versions)."""
    return tuple(
        store.conn.execute(
            "select (select count(*) from incidents where filer_id = ?), (select count(*) from incident_links), "
            "(select max(id) from filings where filer_id = ?), (select count(*) from current_versions)",
            [filer_id, filer_id],
        ).fetchone()
    )


def filer_id_with_incidents(store: Store, cik: str) -> int | None:
    """The row id of the filer of a CIK when it has a stored incident report, else None."""
    from tracker.store import normalize_cik

    row = store.conn.execute("select id from filers where cik = ?", [normalize_cik(cik)]).fetchone()
    return int(row[0]) if row and has_incidents(store, int(row[0])) else None


def incident_by_id(store: Store, incident_id: int) -> dict:
    """The stored row of a report version."""
    return store._get("incidents", "id", incident_id)
