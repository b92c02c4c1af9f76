"""A stored disclosure as the JSON of design.md (what `tracker show` prints)."""

from __future__ import annotations

from typing import Any

from tracker.store import Store, coverage_of


def stored_disclosure_json(store: Store, filing: dict[str, Any]) -> dict[str, Any]:
    """The design.md JSON of a stored disclosure."""
    from tracker.facts import extract_facts, facts_to_json

    d = store.disclosure(filing)
    filer = store.filer_by_id(filing["filer_id"])
    # the facts stored at ingest (read again where older rules stored them); a fact the text states nothing of
    # is left out
    inc = d.incorporation
    unread = inc is not None and not inc.read  # the pointer sentence states no fact
    facts = (
        {} if unread else {name: values for name, values in facts_to_json(extract_facts(d)).items() if values}
    )
    return {
        "filer": filer.to_json(),
        "fiscal_year": filing["fiscal_year"],
        "form": filing["form"],
        "period_end": filing["period_end"],
        "version": filing["version"],
        "tagged": bool(filing["tagged"]),
        "sha256": filing["source_sha256"],
        "source": filing["source_path"],
        "source_format": filing["source_format"],
        "ingested_at": filing["ingested_at"],
        "elements": [
            {
                "element": e.name,
                "label": e.label,
                "kind": e.kind,
                "value": e.value,
                "source": e.source,
                **({"evidence": e.evidence} if e.evidence else {}),
            }
            for e in d.elements
        ],
        "facts": facts,
        "notes": d.notes,
        "coverage": coverage_of(d),
        "incorporated": None
        if inc is None
        else {
            "document": inc.document,
            "heading": inc.heading,
            "pointer": inc.pointer,
            "exhibit": inc.exhibit,
            "exhibit_sha256": inc.exhibit_sha256,
            "subsection": inc.subsection,
            "read": inc.read,
            "line": inc.line,
        },
    }


def show_stored(
    store: Store, filer: str, year: int, version: int | None = None
) -> tuple[dict[str, Any], int]:
    """A stored disclosure (the named filer's year, the latest version unless one is given) as JSON, and how
    many versions of that year are stored."""
    the_filer = store.find_filer(filer)
    filing = store.filing(the_filer, year, version)
    return stored_disclosure_json(store, filing), len(store.versions(the_filer, year))


def coverage_report(store: Store) -> dict[str, Any]:
    """How each stored filer-year's Item 1C was read (its current version): counts of `full` (read in the
    filing), `exhibit` (read through the exhibit it incorporates) and `not read` (incorporated by reference,
    exhibit not read), the share read, and the filer-years not read with the document they lack."""
    from tracker.store import COVERAGE

    rows = store.coverage()
    counts = {key: sum(1 for r in rows if r["coverage"] == key) for key in COVERAGE}
    read = counts["full"] + counts["exhibit"]
    names = {r["filer_id"]: store.filer_by_id(r["filer_id"]) for r in rows}
    return {
        "filings": len(rows),
        "counts": counts,
        "read_share": round(read / len(rows), 4) if rows else None,
        "not_read": [
            {
                "filer": names[r["filer_id"]].to_json(),
                "fiscal_year": r["fiscal_year"],
                "form": r["form"],
                "document": r["incorporated_from"],
                "heading": r["incorporated_heading"],
            }
            for r in rows
            if r["coverage"] == "not read"
        ],
    }
