"""Boilerplate indexing (`tracker boilerplate`) on synthetic stores of 1,000, 3,000 and 10,000 filers x 2 years.

Budget (issue 17): indexing linear in the number of sentences. Each store holds the sentences of the synthetic
universe of bench/universe.py (the corpus texts with the edits real filers make, and one sentence of each
filer's own), written straight into the store's tables (the readers and fact extraction are another
benchmark's business). Printed per size: sentences, templates, the indexing time and its cost per sentence;
the ratio of the cost per sentence at the largest size to that at the smallest says whether it stays linear
(about 1). The synthetic universe is the hard case: every template is shared by hundreds of filers.

    python bench/bench_boilerplate.py [--n 1000 3000 10000] [--seed 7] [--corpus ../shared/corpus]

The evidence the content threshold was chosen on, for reading: `--groups DB` indexes a copy of a store (e.g. one
of the whole corpus) at each content threshold of `--sweep`, prints the templates, common sentences and templates
shared by two filers or more at each, then lists the shared templates at the module's threshold, sentence by
sentence (reading them is the precision check):

    python bench/bench_boilerplate.py --groups /tmp/corpus.db [--sweep 0.55 0.65 0.75]
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import datasketch  # noqa: E402, F401  (imported before any timing: its import is not indexing)

import tracker.diff.boilerplate as boilerplate  # noqa: E402
from bench.common import parser  # noqa: E402
from bench.universe import NEW_YEAR, OLD_YEAR, PLACES, apply_edits, load_bases, plan_edits, ticker_for  # noqa: E402
from tracker.diff.boilerplate import index_store  # noqa: E402
from tracker.store import Store  # noqa: E402
from tracker.text.normalize import split_sentences  # noqa: E402


def synthetic_years(i: int, seed: int, bases: tuple) -> tuple[str, list[list[tuple[str, str]]]]:
    """Ticker and the two years' (element, text) lists of synthetic filer i (as bench/universe.py edits them)."""
    rng = random.Random(f"{seed}:{i}")
    base = bases[rng.randrange(len(bases))]
    ticker = ticker_for(i)
    own = f"{ticker.title()} Holdings reviews this program from its {rng.choice(PLACES)} office."
    identity = plan_edits(rng, base, rng.randint(1, 3))
    yoy = plan_edits(rng, base, rng.randint(1, 6))
    first = base.texts[0][1]
    years = []
    for edits in (identity, identity + yoy):
        years.append(
            [
                (n, apply_edits(t.replace(first, f"{first} {own}") if t is first else t, edits))
                for n, t in base.texts
            ]
        )
    return ticker, years


def build_store(path: Path, n: int, seed: int, corpus: Path) -> int:
    """A store of n synthetic filers x 2 years (filers, versions, sentences); returns the sentence count."""
    bases = load_bases(corpus)
    count = 0
    with Store(path) as store:
        db = store.db
        db.execute("drop trigger if exists sentences_ai")  # full-text search is not what is measured
        with store.transaction():
            for i in range(n):
                ticker, years = synthetic_years(i, seed, bases)
                filer_id = db.table("filers").insert({"tickers": f'["{ticker}"]', "name": ticker}).last_pk
                for year, texts in zip((OLD_YEAR, NEW_YEAR), years):
                    filing_id = (
                        db.table("filings")
                        .insert(
                            {
                                "filer_id": filer_id,
                                "fiscal_year": year,
                                "version": 1,
                                "ingested_at": f"2026-01-01T00:00:{i % 60:02d}",
                            }
                        )
                        .last_pk
                    )
                    rows = [
                        {"filing_id": filing_id, "element": name, "position": k, "text": s}
                        for name, text in texts
                        for k, s in enumerate(split_sentences(text))
                    ]
                    db.table("sentences").insert_all(rows)
                    count += len(rows)
    return count


def shared_templates(path: Path) -> dict[int, list[tuple[str, str]]]:
    """The templates of an indexed store that two filers or more state: (ticker, sentence) of each, deduplicated."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "select distinct template, ticker, sentence from boilerplate_sentences order by template, ticker, sentence"
    ).fetchall()
    conn.close()
    templates: dict[int, list[tuple[str, str]]] = {}
    for template, ticker, sentence in rows:
        templates.setdefault(template, []).append((ticker, sentence))
    return {t: s for t, s in templates.items() if len({ticker for ticker, _ in s}) > 1}


def groups(db: Path, sweep: list[float]) -> None:
    """Index a copy of db at each content threshold of sweep; list the shared templates at the module's own."""
    chosen = boilerplate.CONTENT_THRESHOLD
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(db, copy)
        for threshold in [*sweep, chosen]:
            boilerplate.CONTENT_THRESHOLD = threshold
            with Store(copy) as store:
                summary = index_store(store)
            shared = shared_templates(copy)
            print(
                f"content threshold {threshold:.2f}: {summary.sentences} sentences, {summary.templates} templates, "
                f"{summary.common} common, {len(shared)} templates of two filers or more"
            )
        for template, members in sorted(shared.items(), key=lambda kv: -len({t for t, _ in kv[1]})):
            print(f"\n== template {template}: {len({t for t, _ in members})} filers")
            for ticker, sentence in members:
                print(f"   {ticker}: {sentence}")


def main() -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--n", type=int, nargs="+", default=[1000, 3000, 10000], help="store sizes (filers)")
    p.add_argument("--seed", type=int, default=7, help="universe seed")
    p.add_argument("--groups", type=Path, help="list the shared templates of (a copy of) this store instead")
    p.add_argument("--sweep", type=float, nargs="+", default=[0.55, 0.65, 0.75], help="content thresholds")
    args = p.parse_args()
    if args.groups:
        groups(args.groups, args.sweep)
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.n:
            path = Path(tmp) / f"u{n}.db"
            started = time.perf_counter()
            stored = build_store(path, n, args.seed, args.corpus)
            built = time.perf_counter() - started
            with Store(path) as store:
                summary = index_store(store)
            per = summary.seconds / max(stored, 1) * 1e6
            results.append((n, per))
            print(
                f"{n:>6} filers: {stored:>8} sentences stored, {summary.sentences:>8} indexed (distinct per "
                f"version, 6+ words), {summary.templates:>6} templates, {summary.common:>8} common; "
                f"index {summary.seconds:6.1f} s (read, MinHash LSH, write), {per:6.1f} us per stored sentence "
                f"(store built in {built:.0f} s)",
                flush=True,
            )
            path.unlink()
    if len(results) > 1:
        (n0, c0), (n1, c1) = results[0], results[-1]
        print(f"cost per sentence at {n1:,} filers / at {n0:,}: {c1 / c0:.2f} (1 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
