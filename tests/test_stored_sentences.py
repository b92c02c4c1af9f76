"""The sentences a comparison aligns are split and tokenised once, at ingest, and kept in the store: a diff of
stored years reads them back instead of splitting again, and gives the same answer as one that splits; a
database made before they were kept (or by another splitter) gets them worked out on reading."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import tracker.diff.compare as differ
from tracker.diff.compare import _element_measures, _measure, _pieces, _shared_elements, compare
from tracker.models import UNTAGGED_ELEMENT, Disclosure
from tracker.pipeline.compare import compare_files, compare_stored
from tracker.pipeline.ingest import Options, ingest_bytes
from tracker.pipeline.load import load_path
from tracker.store import Store
from tracker.text.normalize import comparison_sentences

#: (ticker, file) of two years: a text run whose sequence the store keeps, and Inline XBRL 10-Ks (GOOGL FY2024's
#: section text splits a sentence its tagged blocks split otherwise: that year is worked out on reading).
PAIRS = [
    ("LC", "text/LC_2023.txt", "text/LC_2024.txt"),
    ("UPWK", "text/UPWK_2024.txt", "text/UPWK_2025.txt"),
    ("GOOGL", "ixbrl/googl-10-k-fy2023.html.gz", "ixbrl/googl-10-k-fy2024.html.gz"),
]


def ingest(db_path: Path, corpus: Path, ticker: str, *files: str) -> None:
    with Store(db_path) as store:
        for name in files:
            path = corpus / name
            ingest_bytes(store, path.read_bytes(), path, Options(filer=ticker))


def years(name: str) -> int:
    return int(name.rsplit("_", 1)[-1][:4]) if name.startswith("text/") else int(name.split("fy")[1][:4])


def stored_json(db_path: Path, ticker: str, old: int, new: int) -> str:
    with Store(db_path) as store:
        return json.dumps(compare_stored(store, ticker, old, new).to_json(), sort_keys=True)


def blocks(d: Disclosure) -> list[tuple[str, str]]:
    return [(e.name, str(e.value)) for e in d.text_elements]


@pytest.mark.parametrize("ticker, old, new", PAIRS, ids=[p[0] for p in PAIRS])
def test_stored_sentences_are_those_the_comparison_would_split(
    corpus: Path, db_path: Path, ticker: str, old: str, new: str
) -> None:
    """What the store keeps for each version is exactly what splitting its texts gives, sentence by sentence
    (text, key, words, elements); the text runs keep it."""
    ingest(db_path, corpus, ticker, old, new)
    kept = 0
    with Store(db_path) as store:
        filer = store.find_filer(ticker)
        for year in (years(old), years(new)):
            d = store.disclosure(store.filing(filer, year))
            split = comparison_sentences(d.section_text, blocks(d), UNTAGGED_ELEMENT)
            assert split, f"{ticker} {year} has no sentences"
            if d.stored_sentences is not None:
                kept += 1
                assert d.stored_sentences[2] == split
    if old.startswith("text/"):
        assert kept == 2


def test_a_diff_of_stored_years_splits_no_sentence(
    corpus: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comparing two stored text years reads their sentences from the store: splitting is never called, and
    the answer is the one `tracker compare` gives on the files."""
    ticker, old, new = PAIRS[0]
    ingest(db_path, corpus, ticker, old, new)
    from_files = compare_files(corpus / old, corpus / new).comparison

    def refuse(*args: object) -> None:
        raise AssertionError("a stored year was split again")

    monkeypatch.setattr(differ, "comparison_sentences", refuse)
    with Store(db_path) as store:
        stored = compare_stored(store, ticker, years(old), years(new)).comparison
    assert [c.to_json() for c in stored.changes] == [c.to_json() for c in from_files.changes]
    assert stored.similarity == from_files.similarity
    assert stored.element_similarity == from_files.element_similarity
    assert stored.verdict == from_files.verdict


@pytest.mark.parametrize("ticker, old, new", PAIRS[:2], ids=[p[0] for p in PAIRS[:2]])
def test_a_database_made_before_gets_the_sentences_worked_out_on_reading(
    corpus: Path, db_path: Path, ticker: str, old: str, new: str
) -> None:
    """Sentences stored without their sequence (a database of schema 5), or by another splitter (their words
    made wrong here), are split again on reading: the comparison is the same as with the sequence kept."""
    ingest(db_path, corpus, ticker, old, new)
    want = stored_json(db_path, ticker, years(old), years(new))
    with sqlite3.connect(db_path) as conn:
        conn.execute("update sentences set words = 'wrong words', splitter = '0' where sequence is not null")
    assert stored_json(db_path, ticker, years(old), years(new)) == want
    conn = sqlite3.connect(db_path)
    for column in ("key", "words", "sequence", "sequence_elements", "splitter"):
        conn.execute(f"alter table sentences drop column {column}")
    conn.execute("update tracker_meta set value = '5' where key = 'schema_version'")
    conn.commit()
    conn.close()
    assert stored_json(db_path, ticker, years(old), years(new)) == want
    with sqlite3.connect(db_path) as conn:  # the columns are back, empty: nothing was made up
        assert conn.execute("select count(*), count(words) from sentences").fetchone()[1] == 0


def test_the_sequence_kept_is_the_one_compared(corpus: Path, db_path: Path) -> None:
    """The comparison uses what the store keeps (a kept sequence whose words were altered shows in the
    similarity), so the speed-up is real; and it is tied to the texts: once they change it is not used."""
    ticker, old, new = PAIRS[0]
    ingest(db_path, corpus, ticker, old, new)
    want = stored_json(db_path, ticker, years(old), years(new))
    with sqlite3.connect(db_path) as conn:
        conn.execute("update sentences set words = 'altered' where sequence is not null")
    assert stored_json(db_path, ticker, years(old), years(new)) != want
    with Store(db_path) as store:
        filer = store.find_filer(ticker)
        d_old = store.disclosure(store.filing(filer, years(old)))
        d_new = store.disclosure(store.filing(filer, years(new)))
        d_new.section_text = d_new.section_text + "\n\nA sentence added after loading."
        added = [c for c in compare(d_old, d_new).changes if c.kind == "text_added"]
    assert "A sentence added after loading." in [c.text for c in added]


@pytest.mark.parametrize("ticker, old, new", PAIRS, ids=[p[0] for p in PAIRS])
def test_element_measures_in_one_pass_are_the_measures_of_each_element(
    corpus: Path, ticker: str, old: str, new: str
) -> None:
    """The per-element measures worked out in one pass (identical elements short-cut) equal those measured
    element by element over every aligned piece."""
    d_old, d_new = load_path(corpus / old), load_path(corpus / new)
    pieces = _pieces(compare(d_old, d_new).pairs)
    names = _shared_elements(d_old, d_new)
    assert names
    assert _element_measures(pieces, names) == {name: _measure(pieces, name) for name in names}
