"""Plain-text views of what is stored: one disclosure (`tracker show`) and a filer's history
(`tracker history`)."""

from __future__ import annotations

import textwrap
from typing import Any

from tracker.diff.context import History


def render_show_text(data: dict[str, Any], versions: int) -> str:
    """Plain-text view of a stored disclosure (`data` is the JSON of `tracker.pipeline.show`)."""
    f = data["filer"]
    lines = [
        f"{f['name'] or '(name unknown)'}  CIK {f['cik'] or '-'}  {', '.join(f['tickers']) or ''}".rstrip(),
        (
            f"{data['form'] or '?'} fiscal year {data['fiscal_year']} (period end {data['period_end'] or '?'}), "
            f"version {data['version']} of {versions}, {'tagged' if data['tagged'] else 'untagged'} "
            f"({data['source_format']})"
        ),
        f"source {data['source']}  sha256 {data['sha256'][:16]}",
        *([data["incorporated"]["line"]] if data.get("incorporated") else []),
        *(f"Note: {note}" for note in data.get("notes") or ()),
        "",
    ]
    for e in data["elements"]:
        if e["kind"] == "flag":
            value = {True: "true", False: "false", None: "not stated"}[e["value"]]
            lines.append(f"[flag] {e['label']}: {value} ({e['source']})")
            if e.get("evidence"):
                lines.append(textwrap.indent(textwrap.fill(e["evidence"], 96), "       because: "))
        else:
            lines.append(f"[text] {e['label']} ({e['source']})")
            for para in str(e["value"]).split("\n\n"):
                lines.append(textwrap.indent(textwrap.fill(para, 96), "    "))
        lines.append("")
    if data["facts"]:
        from tracker.facts import fact_text

        lines.append("Facts")
        for fact, values in data["facts"].items():
            shown = "; ".join(fact_text(v["value"], fact) for v in values)
            lines.append(f"  {fact}: {shown}")
    return "\n".join(lines).rstrip()


def render_history_text(hist: History) -> str:
    """The history as a plain-text timeline, in plain English: facts by their catalogue labels, flags by what
    they say, values as a reader reads them ("not stated", "yes (read from the text)")."""
    from tracker.facts import FACT_NAMES
    from tracker.models import FLAGS, spec_for
    from tracker.render.text import plain_fact_label, plain_fact_value, plain_flag_value

    f = hist.filer
    years = [y["fiscal_year"] for y in hist.years]
    lines = [
        f"{f['name'] or '(name unknown)'}  CIK {f['cik'] or '-'}  {', '.join(f['tickers'])}".rstrip(),
        "years: "
        + ", ".join(
            f"{y['fiscal_year']} ({y['form'] or '?'} v{y['version']}, "
            f"{'tagged' if y['tagged'] else 'untagged'})"
            for y in hist.years
        ),
        "",
    ]
    if hist.incidents:
        lines += ["Incidents (Form 8-K)"] + [f"  {line}" for line in hist.incidents] + [""]
    lines.append("Facts (* = changed from the year before)")
    for fact in [n for n in FACT_NAMES if n in hist.facts] + sorted(
        n for n in hist.facts if n not in FACT_NAMES
    ):
        lines.append(f"  {plain_fact_label(fact)}")
        for year in years:
            values = hist.facts[fact].get(year, [])
            mark = "*" if hist.changed(fact, year) else " "
            shown = "; ".join(plain_fact_value(v, fact) for v in values) or "not stated"
            lines.append(f"   {mark}{year}: {shown}")
    lines += ["", "Flags (yes, no or not stated, by year)"]
    for flag in [n for n in FLAGS if n in hist.flags] + [n for n in hist.flags if n not in FLAGS]:
        by_year = hist.flags[flag]
        cells = []
        for year in years:
            v = by_year.get(year, {"value": None, "source": "absent"})
            cells.append(
                f"{year}: {plain_flag_value(v['value'], v['source'] if v['source'] != 'tagged' else None)}"
            )
        lines.append(f"  {spec_for(flag).reader_label}: " + ", ".join(cells))
    if hist.steps:
        lines += ["", "Year over year"]
        for s in hist.steps:
            sim = s["similarity"]
            if s["significance"] == "not compared":  # a year's text was not read: no measure to give
                lines.append(f"  {s['old_year']} -> {s['new_year']}: not compared, {s['extent']}")
            else:
                lines.append(
                    f"  {s['old_year']} -> {s['new_year']}: {s['significance']}, {s['extent']} (changes: "
                    f"{s['summary']['high']} high, {s['summary']['medium']} medium, {s['summary']['low']} low; "
                    f"similarity: cosine {sim['cosine']:.2f}, simple {sim['simple']:.2f})"
                )
            lines += [f"      - {t}" for t in s.get("top_changes") or []]
    return "\n".join(lines)


def render_coverage_text(data: dict[str, Any]) -> str:
    """The coverage report (`tracker.pipeline.show.coverage_report`) in plain text."""
    from tracker.store import COVERAGE

    c = data["counts"]
    if not data["filings"]:
        return "no filings yet: run `tracker ingest PATH`"
    lines = [f"{data['filings']} filer-years stored (current versions); Item 1C:"]
    lines += [f"  {c[key]:>6}  {label}" for key, label in COVERAGE.items()]
    lines.append(f"  {100 * data['read_share']:.1f}% read")
    if data["not_read"]:
        lines += [
            "",
            "Incorporated by reference, exhibit not read (ingest the 10-K with --exhibit, or fetch it):",
        ]
        for r in data["not_read"]:
            who = r["filer"]["name"] or ", ".join(r["filer"]["tickers"]) or r["filer"]["cik"]
            where = f", under \u201c{r['heading']}\u201d" if r["heading"] else ""
            lines.append(f"  {who} {r['fiscal_year']} {r['form'] or ''}: {r['document']}{where}")
    return "\n".join(lines)
