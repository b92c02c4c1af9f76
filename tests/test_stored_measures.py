"""The differ's similarity measures gather only the pieces that are not plain, against the new side's word counts
of the names they touch: the same figures as counting every aligned piece. Every stored version keeps the
sentences a comparison aligns, also when its sentence rows cannot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import tracker.diff.compare as differ
from tracker.diff.compare import (
    _element_measures,
    _measure,
    _measures,
    _pieces,
    _shared_elements,
    _WordCounts,
    align_sentences,
    compare,
    sentence_sequence,
)
from tracker.models import UNTAGGED_ELEMENT
from tracker.pipeline.compare import compare_stored
from tracker.pipeline.ingest import Options, fill_from_name, ingest_bytes
from tracker.pipeline.load import load_path
from tracker.store import Store
from tracker.text.normalize import comparison_sentences

#: (ticker, old file, new file): text runs with rewrites, moves and added sentences, and Inline XBRL 10-Ks (whose
#: tagged elements overlap and change between the years).
PAIRS = [
    ("LC", "text/LC_2023.txt", "text/LC_2024.txt"),
    ("UPWK", "text/UPWK_2024.txt", "text/UPWK_2025.txt"),
    ("MXL", "text/MXL_2023.txt", "text/MXL_2024.txt"),
    ("AAPL", "text/AAPL_2023.txt", "text/AAPL_2024.txt"),
    ("AMZN", "ixbrl/amzn-10-k-fy2023.html.gz", "ixbrl/amzn-10-k-fy2024.html.gz"),
    ("KO", "ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz"),
    ("WMT", "ixbrl/wmt-10-k-fy2024.html.gz", "ixbrl/wmt-10-k-fy2025.html.gz"),
]


def _reference(pairs, names):  # type: ignore[no-untyped-def]
    pieces = _pieces(pairs)
    return _measure(pieces, None), _element_measures(pieces, names)


@pytest.mark.parametrize("ticker, old, new", PAIRS, ids=[p[0] for p in PAIRS])
def test_measures_from_counts_are_those_of_every_piece(corpus: Path, ticker: str, old: str, new: str) -> None:
    d_old, d_new = load_path(corpus / old), load_path(corpus / new)
    for a, b in ((d_old, d_new), (d_new, d_old), (d_old, d_old)):
        old_seq, new_seq = sentence_sequence(a), sentence_sequence(b)
        pairs = align_sentences(old_seq, new_seq)
        names = _shared_elements(a, b)
        assert _measures(pairs, _WordCounts(new_seq), names) == _reference(pairs, names)


@pytest.mark.parametrize("ticker, old, new", PAIRS, ids=[p[0] for p in PAIRS])
def test_every_stored_version_keeps_its_sequence(
    corpus: Path, db_path: Path, ticker: str, old: str, new: str
) -> None:
    """Every corpus version keeps the sentences a comparison aligns (in its sentence rows, or beside them), exactly
    those splitting gives; the comparison of the stored years is the one of the files."""
    with Store(db_path) as store:
        for name in (old, new):
            ingest_bytes(store, (corpus / name).read_bytes(), corpus / name, Options(filer=ticker))
        filer = store.find_filer(ticker)
        rows = [store.filing(filer, y) for y in store.years(filer)]
        for row in rows:
            d = store.disclosure(row)
            assert d.stored_sentences is not None
            assert d.stored_sentences[2] == comparison_sentences(
                d.section_text, [(e.name, str(e.value)) for e in d.text_elements], UNTAGGED_ELEMENT
            )
        stored = compare_stored(store, ticker, rows[0]["fiscal_year"], rows[1]["fiscal_year"]).comparison
    # (read as `tracker compare` reads them: the year a file name gives, where the content states none)
    files = compare(*(fill_from_name(load_path(corpus / name), corpus / name) for name in (old, new)))
    assert (stored.similarity, stored.element_similarity) == (files.similarity, files.element_similarity)
    assert [c.to_json() for c in stored.changes] == [c.to_json() for c in files.changes]


def test_a_sequence_the_sentence_rows_cannot_keep_is_kept_beside_them(
    corpus: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GOOGL FY2024's section text splits a sentence its tagged blocks split otherwise (its sentence rows cannot
    say where each stands in the sequence): the sequence is kept with the version's word counts, and a diff of
    the stored years splits nothing, with the answer of the files."""
    old, new = "ixbrl/googl-10-k-fy2023.html.gz", "ixbrl/googl-10-k-fy2024.html.gz"
    with Store(db_path) as store:
        for name in (old, new):
            ingest_bytes(store, (corpus / name).read_bytes(), corpus / name, Options(filer="GOOGL"))
    kept = sqlite3.connect(db_path).execute(
        "select count(*) from sentence_sequences where sequence is not null"
    )
    assert kept.fetchone()[0] >= 1
    files = compare(load_path(corpus / old), load_path(corpus / new))

    def refuse(*args: object) -> None:
        raise AssertionError("a stored year was split again")

    monkeypatch.setattr(differ, "comparison_sentences", refuse)
    with Store(db_path) as store:
        stored = compare_stored(store, "GOOGL", 2023, 2024).comparison
    assert [c.to_json() for c in stored.changes] == [c.to_json() for c in files.changes]
    assert (stored.similarity, stored.element_similarity) == (files.similarity, files.element_similarity)
