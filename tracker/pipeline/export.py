"""`tracker export`: the store's tables for a spreadsheet (CSV or Excel), for one filer, a watchlist or all.

The tables are a list (`TABLES`): each has a name (its CSV file and `--table` name), a sheet title, and its
columns with plain-English headers; adding a table (the peers grid, say) is one more entry here and, where it
needs new SQL, one more select in tracker.store.export.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.errors import BadInput
from tracker.models import FLAGS, spec_for
from tracker.render.labels import display_value, fact_label
from tracker.render.spreadsheet import Sheet, write_csv, write_csv_folder, write_xlsx
from tracker.store import Store
from tracker.store.across import PROFILE_COLUMNS, peer_table
from tracker.store.export import export_rows

Rows = Callable[[Store, "list[int] | None"], list[dict]]


@dataclass(frozen=True)
class Table:
    """One exported table."""

    name: str
    """File stem and `--table` name (`fact_timeline`)."""
    title: str
    """Sheet title (at most 31 characters, as Excel allows)."""
    columns: list[tuple[str, str]]
    """(row key, plain-English header) in order."""
    rows: Rows
    """The table's rows (dicts with the column keys) for those filers (None: every filer)."""


_FILER_COLUMNS = [("filer", "Filer"), ("ticker", "Ticker"), ("cik", "CIK")]


def _element_label(element: str | None) -> str:
    return spec_for(element).reader_label if element else ""


def _fact_rows(store: Store, filer_ids: list[int] | None) -> list[dict]:
    rows = export_rows(store, "fact_timeline", filer_ids)
    for r in rows:
        r["fact"] = fact_label(r["fact"])
        r["element"] = _element_label(r["element"])
    return rows


def _flag_rows(store: Store, filer_ids: list[int] | None) -> list[dict]:
    """One row per filer-year, one column per flag: `true`, `false` or `not stated`, and how it was known."""
    out: dict[tuple, dict] = {}
    for r in export_rows(store, "flag_grid", filer_ids):
        key = (r["cik"], r["filer"], r["fiscal_year"])
        row = out.setdefault(
            key,
            {
                **{k: r[k] for k in ("filer", "ticker", "cik", "fiscal_year", "version", "form")},
                "tagged": "yes" if r["tagged"] else "no",
            },
        )
        if r["element"] in FLAGS and r["element"] not in row:
            value = r["value"] if r["value"] is not None else "not stated"
            row[r["element"]] = f"{value} ({r['source']})"
    return list(out.values())


def _comparison_rows(store: Store, filer_ids: list[int] | None) -> list[dict]:
    return export_rows(store, "comparisons", filer_ids)


def _change_rows(store: Store, filer_ids: list[int] | None) -> list[dict]:
    rows = export_rows(store, "changes", filer_ids)
    for r in rows:
        r["kind"] = r["kind"].replace("_", " ")
        r["fact"] = fact_label(r["fact"]) if r["fact"] else ""
        r["element"] = _element_label(r["element"])
    return rows


def _people_rows(store: Store, filer_ids: list[int] | None) -> list[dict]:
    out = []
    for r in export_rows(store, "people", filer_ids):
        person: dict[str, Any] = json.loads(r["value"]) if r["value"] else {}
        if not isinstance(person, dict):
            continue
        experience = person.get("experience")
        out.append(
            {
                **{k: r[k] for k in ("filer", "ticker", "cik", "fiscal_year")},
                "name": person.get("name") or "",
                "titles": "; ".join(person.get("titles") or []),
                "role": (person.get("role") or "").replace("_", " "),
                "experience": display_value({"holder": "", **experience}) if experience else "",
                "certifications": "; ".join(person.get("certifications") or []),
                "former_employers": "; ".join(map(str, person.get("former_employers") or [])),
                "evidence": r["evidence"],
            }
        )
    return out


def _boilerplate_rows(store: Store, filer_ids: list[int] | None) -> list[dict]:
    return export_rows(store, "boilerplate", filer_ids)


#: Every exported table, in sheet order.
TABLES: list[Table] = [
    Table(
        "fact_timeline",
        "Fact timeline",
        [
            *_FILER_COLUMNS,
            ("fiscal_year", "Fiscal year"),
            ("version", "Version"),
            ("fact", "Fact"),
            ("value_text", "Value"),
            ("element", "Part of the disclosure"),
            ("evidence", "Sentence it is read from"),
        ],
        _fact_rows,
    ),
    Table(
        "flag_grid",
        "Flag grid",
        [
            *_FILER_COLUMNS,
            ("fiscal_year", "Fiscal year"),
            ("version", "Version"),
            ("form", "Form"),
            ("tagged", "Tagged in Inline XBRL"),
            *[(flag, spec_for(flag).reader_label) for flag in FLAGS],
        ],
        _flag_rows,
    ),
    Table(
        "comparisons",
        "Comparisons",
        [
            *_FILER_COLUMNS,
            ("old_year", "Earlier year"),
            ("old_version", "Earlier version"),
            ("new_year", "Later year"),
            ("new_version", "Later version"),
            ("significance", "Significance"),
            ("extent", "Extent of rewording"),
            ("top_changes", "Top changes"),
            ("verdict", "Verdict"),
            ("high", "High-severity changes"),
            ("medium", "Medium-severity changes"),
            ("low", "Low-severity changes"),
            ("flags_flipped", "Flags flipped"),
            ("facts_changed", "Facts changed"),
            ("cosine", "Cosine similarity"),
            ("jaccard", "Jaccard similarity"),
            ("min_edit", "Minimum-edit similarity"),
            ("simple", "Simple similarity"),
            ("computed_at", "Compared at"),
        ],
        _comparison_rows,
    ),
    Table(
        "changes",
        "Changes",
        [
            *_FILER_COLUMNS,
            ("old_year", "Earlier year"),
            ("new_year", "Later year"),
            ("number", "Change number"),
            ("kind", "Kind of change"),
            ("severity", "Severity"),
            ("summary", "What changed"),
            ("why", "Why it matters"),
            ("fact", "Fact"),
            ("element", "Part of the disclosure"),
            ("old", "Earlier"),
            ("new", "Later"),
            ("value", "Value"),
            ("text", "Sentence"),
        ],
        _change_rows,
    ),
    Table(
        "people",
        "People",
        [
            *_FILER_COLUMNS,
            ("fiscal_year", "Fiscal year"),
            ("name", "Name"),
            ("titles", "Titles"),
            ("role", "Role"),
            ("experience", "Stated experience"),
            ("certifications", "Certifications"),
            ("former_employers", "Former employers"),
            ("evidence", "Sentence it is read from"),
        ],
        _people_rows,
    ),
    Table(
        "peers",
        "Peers",
        [(key, key) for key in ("Filer", "Ticker", "Fiscal year", "Role", *PROFILE_COLUMNS)],
        peer_table,
    ),
    Table(
        "boilerplate",
        "Boilerplate",
        [
            *_FILER_COLUMNS,
            ("fiscal_year", "Fiscal year"),
            ("sentences", "Sentences"),
            ("boilerplate_sentences", "Sentences other filers state nearly alike"),
            ("boilerplate_share", "Boilerplate share"),
            ("previous_year", "Previous year"),
            ("carried_over", "Sentences carried over unchanged"),
            ("stickiness", "Stickiness"),
            ("computed_at", "Indexed at"),
        ],
        _boilerplate_rows,
    ),
]


@dataclass
class ExportResult:
    """What an export wrote."""

    paths: list[Path]
    """Files written."""
    rows: dict[str, int]
    """Rows per table."""
    filers: int | None
    """Filers exported (None: the whole store)."""


def sheets(store: Store, filers: list[str] | None, tables: list[str] | None = None) -> list[Sheet]:
    """The chosen tables (all when None) for the named filers (every filer when None), as sheets."""
    chosen = choose_tables(tables)
    filer_ids = None if filers is None else list(dict.fromkeys(store.find_filer(f).id for f in filers))
    return [
        Sheet(
            t.name,
            t.title,
            [h for _, h in t.columns],
            [[r.get(k) for k, _ in t.columns] for r in t.rows(store, filer_ids)],
        )
        for t in chosen
    ]


def choose_tables(names: list[str] | None) -> list[Table]:
    """The tables named (in TABLES order), or all; an unknown name is refused with the known ones."""
    if not names:
        return list(TABLES)
    known = {t.name for t in TABLES}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise BadInput(f"no table named {unknown[0]!r}; choose from {', '.join(t.name for t in TABLES)}.")
    return [t for t in TABLES if t.name in names]


def export(
    store: Store,
    out: Path,
    *,
    filers: list[str] | None = None,
    fmt: str | None = None,
    tables: list[str] | None = None,
) -> ExportResult:
    """Write the tables to `out`: an .xlsx workbook (one sheet per table), one .csv file (one table), or a
    folder of .csv files. `fmt` (csv or xlsx) defaults to what `out`'s suffix says, else csv."""
    fmt = (fmt or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")).lower()
    if fmt not in ("csv", "xlsx"):
        raise BadInput(f"unknown format {fmt!r}; use csv or xlsx.")
    if (fmt == "xlsx") != (out.suffix.lower() == ".xlsx"):
        raise BadInput(
            f"{out} does not suit the {fmt} format; name an Excel workbook FILE.xlsx, and CSV output "
            "FILE.csv or a folder."
        )
    data = sheets(store, filers, tables)
    if fmt == "xlsx":
        paths = [write_xlsx(data, out)]
    elif out.suffix.lower() == ".csv":
        if len(data) != 1:
            raise BadInput(
                f"{out} is one CSV file but {len(data)} tables were chosen; name one with --table, or give "
                "a folder."
            )
        paths = [write_csv(data[0], out)]
    else:
        paths = write_csv_folder(data, out)
    return ExportResult(paths, {s.name: len(s.rows) for s in data}, None if filers is None else len(filers))
