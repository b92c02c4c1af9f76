"""`tracker incidents` said in text, JSON and CSV, from the JSON of each incident (docs/json.md)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

CSV_COLUMNS = [
    "filer",
    "cik",
    "ticker",
    "accession",
    "form",
    "item",
    "filing_date",
    "report_date",
    "detected",
    "determined_material",
    "nature",
    "data_taken",
    "operational_impact",
    "materiality",
    "status",
    "updates",
    "before_year",
    "after_year",
    "mention",
    "mention_evidence",
    "still_not_material",
    "review",
    "followed",
]


def _v(values: dict, key: str) -> Any:
    value = values.get(key)
    return value.get("value") if isinstance(value, dict) else None


def _yes_no(value: Any) -> str:
    return {True: "yes", False: "no", None: "not stated"}.get(value, str(value))


def csv_row(item: dict) -> dict:
    """One CSV row of an incident."""
    filer, values = item["filer"], item["values"]
    return {
        "filer": filer.get("name"),
        "cik": filer.get("cik"),
        "ticker": (filer.get("tickers") or [None])[0],
        "accession": item["accession"],
        "form": item["form"],
        "item": item["item"],
        "filing_date": item["filing_date"],
        "report_date": _v(values, "report_date"),
        "detected": _v(values, "detected"),
        "determined_material": next(
            (
                _v(u["values"], "determined_material")
                for u in item["updates"]
                if _v(u["values"], "determined_material")
            ),
            _v(values, "determined_material"),
        ),
        "nature": "; ".join(n["value"] for n in values.get("nature") or []),
        "data_taken": _yes_no(_v(values, "data_taken")),
        "operational_impact": _v(values, "operational_impact"),
        "materiality": item["materiality"],
        "status": next(
            (_v(u["values"], "status") for u in reversed(item["updates"]) if _v(u["values"], "status")),
            _v(values, "status"),
        ),
        "updates": "; ".join(f"{u['form']} {u['filing_date']} {u['accession']}" for u in item["updates"]),
        "before_year": (item["before"] or {}).get("fiscal_year"),
        "after_year": (item["after"] or {}).get("fiscal_year"),
        "mention": (item["mention"] or {}).get("where"),
        "mention_evidence": (item["mention"] or {}).get("evidence"),
        "still_not_material": _yes_no(item["still_not_material"]),
        "review": item["review"],
        "followed": "; ".join(f["summary"] for f in item["followed"]),
    }


def render_incidents(items: list[dict], fmt: str) -> str:
    """The incidents in `text`, `json` or `csv`."""
    if fmt == "json":
        return json.dumps(items, indent=2, ensure_ascii=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for item in items:
            writer.writerow(csv_row(item))
        return out.getvalue().rstrip("\n")
    if not items:
        return "no incidents stored: run `tracker fetch FILER --forms 8-K`"
    return "\n\n".join(_text(item) for item in items)


def _text(item: dict) -> str:
    row = csv_row(item)
    who = row["ticker"] or row["filer"] or row["cik"]
    lines = [f"{who}  {item['headline']}"]
    lines.append(
        f"  detected {row['detected'] or 'not stated'}; determined material {row['determined_material'] or 'not stated'}; "
        f"data taken: {row['data_taken']}; operations: {row['operational_impact'] or 'not stated'}; "
        f"status: {row['status'] or 'not stated'}"
    )
    for u in item["updates"]:
        lines.append(
            f"  update: {u['form']} filed {u['filing_date']} ({_v(u['values'], 'materiality') or 'materiality not stated'})"
        )
    before, after = item["before"], item["after"]
    if after is None:
        after_fy = f"after FY{before['fiscal_year']}" if before else "no annual disclosure stored around it"
        lines.append(f"  {after_fy}; no later annual disclosure stored yet")
    else:
        span = (
            f"between FY{before['fiscal_year']} and"
            if before
            else "before (no earlier annual disclosure stored)"
        )
        mention = item["mention"] or {}
        where = mention.get("where") or "not checked"
        quoted = f': "{mention["evidence"]}"' if mention.get("evidence") else ""
        lines.append(
            f"  {span} FY{after['fiscal_year']}: FY{after['fiscal_year']} {_mention_phrase(where)}{quoted}"
        )
        statement = {
            True: "still says nothing has materially affected the company",
            False: "no longer says nothing material",
            None: "makes no statement on material incidents",
        }[item["still_not_material"]]
        if mention.get("pointer") and where != "item 1C":
            lines.append(f'  its Item 1C refers to the risk factors: "{mention["pointer"]}"')
        lines.append(f"  FY{after['fiscal_year']} {statement}")
        if item["followed"]:
            lines.append(
                "  followed: " + "; ".join(f"{f['topic']}: {f['summary']}" for f in item["followed"])
            )
        elif before is not None:
            lines.append("  followed: no people, oversight or framework change")
    if item["review"]:
        lines.append(f"  TO REVIEW (high): {item['review']}")
    return "\n".join(lines)


def _mention_phrase(where: str) -> str:
    return {
        "item 1C": "mentions it in Item 1C",
        "elsewhere in the annual report": "mentions it outside Item 1C (not in Item 1C)",
        "not mentioned": "does not mention it",
    }.get(where, where)
