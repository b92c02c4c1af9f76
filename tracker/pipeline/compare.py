"""Compare stored years or files, build a filer's history, explain a fact: the comparing use cases."""

from __future__ import annotations

from pathlib import Path

from tracker.diff.compare import compare, filer_pair
from tracker.diff.context import ComparisonContext, History
from tracker.errors import BadInput
from tracker.facts import extract_facts
from tracker.models import FLAGS, Disclosure
from tracker.store import Filer, Store

# Reading a source (tracker.pipeline.load, .ingest: the readers, lxml, flag inference) is imported by the
# functions that read one, so that comparing stored years loads none of it.


def filing_meta(row: dict) -> dict:
    """The design.md description of one stored side."""
    return {
        "fiscal_year": row["fiscal_year"],
        "form": row["form"],
        "version": row["version"],
        "tagged": bool(row["tagged"]),
        "source": row["source_path"],
        "sha256": row["source_sha256"],
        "period_end": row["period_end"],
        "source_format": row["source_format"],
    }


def compare_stored(
    store: Store,
    filer_ident: str,
    old_year: int,
    new_year: int,
    *,
    old_version: int | None = None,
    new_version: int | None = None,
) -> ComparisonContext:
    """Compare two stored years (latest versions unless named) of one filer."""
    filer = store.find_filer(filer_ident)
    return compare_rows(
        store, filer, store.filing(filer, old_year, old_version), store.filing(filer, new_year, new_version)
    )


def compare_rows(store: Store, filer: Filer, old_row: dict, new_row: dict) -> ComparisonContext:
    """Compare two stored versions."""
    from dataclasses import replace

    from tracker.pipeline.incidents import incident_lines, links_between, review_findings

    old, new = store.disclosure(old_row, filer), store.disclosure(new_row, filer)
    old_year, new_year = old_row["fiscal_year"], new_row["fiscal_year"]
    links = links_between(store, filer, old_year, new_year)
    comparison = compare(old, new)
    findings = review_findings(links, new_year)
    if findings:  # a high finding: the verdict leads with it
        top = [*findings, *comparison.judgement.top][:3]
        comparison.judgement = replace(comparison.judgement, significance="significant", top=top)
    return ComparisonContext(
        comparison,
        filer.to_json(),
        filing_meta(old_row),
        filing_meta(new_row),
        old_row,
        new_row,
        incident_lines(links, old_year, new_year),
    )


def compare_files(old_path: Path, new_path: Path) -> ComparisonContext:
    """Compare two source files directly, no database."""
    from tracker.pipeline.ingest import fill_from_name
    from tracker.pipeline.load import load_path

    old = fill_from_name(load_path(old_path), old_path)
    new = fill_from_name(load_path(new_path), new_path)
    return ComparisonContext(
        compare(old, new), filer_pair(old, new), file_meta(old, old_path), file_meta(new, new_path)
    )


def file_meta(d: Disclosure, path: Path) -> dict:
    """The design.md description of one side read from a file."""
    from tracker.store import digest_bytes

    try:
        sha = digest_bytes(path.read_bytes())
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}.") from exc
    return {
        "fiscal_year": d.fiscal_year,
        "form": d.form,
        "version": None,
        "tagged": d.tagged,
        "source": str(path),
        "sha256": sha,
        "period_end": d.period_end,
        "source_format": d.source_format,
    }


def build_history(store: Store, filer_ident: str) -> History:
    """The history of a filer across all stored years."""
    filer = store.find_filer(filer_ident)
    years = store.years(filer)
    if not years:
        raise BadInput(f"{filer.display} has no stored disclosure; run `tracker ingest` first.")
    rows = [store.filing(filer, y) for y in years]
    history = History(
        filer.to_json(),
        [
            {
                "fiscal_year": r["fiscal_year"],
                "form": r["form"],
                "version": r["version"],
                "tagged": bool(r["tagged"]),
            }
            for r in rows
        ],
    )
    for row in rows:
        d = store.disclosure(row)
        for fact, values in extract_facts(d).items():  # (the stored rows, unless other rules stored them)
            for fv in values:
                if fv.evidence or fv.value != "absent":
                    history.facts.setdefault(fact, {}).setdefault(row["fiscal_year"], []).append(fv.value)
        for name in FLAGS:
            e = d.element(name)
            history.flags.setdefault(name, {})[row["fiscal_year"]] = {
                "value": None if e is None else e.value,
                "source": "absent" if e is None else e.source,
            }
    from tracker.pipeline.incidents import timeline_lines

    history.incidents = timeline_lines(store, filer)
    for old_row, new_row in zip(rows, rows[1:]):
        ctx = compare_rows(store, filer, old_row, new_row)
        history.steps.append(
            {
                "old_year": old_row["fiscal_year"],
                "new_year": new_row["fiscal_year"],
                "verdict": ctx.comparison.verdict,
                "significance": ctx.comparison.significance,
                "extent": ctx.comparison.extent,
                "top_changes": list(ctx.comparison.judgement.top),
                "similarity": ctx.comparison.similarity.to_json(),
                "summary": ctx.comparison.summary,
            }
        )
    return history


def explain_disclosure(d: Disclosure, fact: str | None = None) -> list:
    """Each fact value of a disclosure with its rule and sentence, and the sentences that yielded nothing."""
    from tracker.facts import read
    from tracker.facts.explain import explain

    return explain(read(d), extract_facts(d), fact)


def explain_stored(
    store: Store, filer_ident: str, year: int, version: int | None = None, fact: str | None = None
) -> tuple[str, list]:
    """(title, explanation) of a stored version."""
    filer = store.find_filer(filer_ident)
    row = store.filing(filer, year, version)
    title = f"{filer.display} FY{year} {row['form'] or ''} version {row['version']}".replace("  ", " ")
    return title, explain_disclosure(store.disclosure(row), fact)


def explain_file(path: Path, fact: str | None = None) -> tuple[str, list]:
    """(title, explanation) of a source file."""
    from tracker.pipeline.ingest import fill_from_name
    from tracker.pipeline.load import load_path

    if not path.is_file():
        raise BadInput(
            f"{path} is not a file; give FILER YEAR for a stored disclosure, or the path of a source file."
        )
    return str(path), explain_disclosure(fill_from_name(load_path(path), path), fact)
