"""Boilerplate across filers and stickiness year over year (the only module that uses datasketch).

**Boilerplate.** Two sentences are the same template when they share at least half of their two-word
shingles (Jaccard >= `THRESHOLD`, four-digit years counted as one word, so "In 2023, we did not identify ..."
and "In 2024, we did not identify ..." are one template). Every distinct sentence of every current version is
MinHashed once; an LSH index (datasketch) holds a few representatives per template, and each new sentence
joins the template whose representative it matches best (checked on the exact shingles), or starts one. So each
sentence costs one MinHash and one LSH lookup against representatives only: indexing grows linearly with the
number of sentences, however many filers share a template. (Which sentences a template's representatives are
depends on the order sentences are met: filer by filer, year by year; a wording that is like none of them
starts a template of its own.) A sentence's `other_filers` is the number of other
filers with a sentence of its template, in any stored year; it is *common boilerplate* when that is at least
`COMMON_OTHERS`. Sentences under `MIN_WORDS` words (sub-headings, list stubs) are left out.

**Stickiness** (after Cohen, Malloy and Nguyen, "Lazy Prices"): the share of a year's distinct sentences found
unchanged (same comparison key: changes of form are no change) in the filer's previous stored year.

Both are derived data, recomputed whole by `tracker boilerplate` (ingest stays fast and never waits for it).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from tracker.text.normalize import words_and_key

if TYPE_CHECKING:
    from tracker.store import Store

#: Words per shingle (word pairs: on the corpus, three-word shingles missed reworded templates, such as the
#: Item 1A cross-references, and pairs still keep a filer's own sentences apart).
SHINGLE = 2
#: Jaccard similarity of shingle sets at or above which two sentences are one template.
THRESHOLD = 0.5
#: MinHash permutations (64 keep the index small; the exact shingles decide each match).
NUM_PERM = 64
#: Representatives kept per template, and the similarity at which a sentence is too close to one to add any.
REPRESENTATIVES = 8
NEAR_COPY = 0.8
#: Sentences shorter than this (in words) are not indexed.
MIN_WORDS = 6
#: A sentence is common boilerplate when at least this many other filers state its template.
COMMON_OTHERS = 2

_YEAR = re.compile(r"(?:19|20)\d\d")


def shingles(words_: list[str]) -> frozenset[str]:
    """The two-word shingles of a sentence's words (`words`: lower case, no punctuation), years as one word."""
    tokens = ["<year>" if _YEAR.fullmatch(w) else w for w in words_]
    if len(tokens) < SHINGLE:
        return frozenset([" ".join(tokens)])
    return frozenset(" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


class TemplateIndex:
    """Sentences grouped into templates: MinHash LSH over a few representatives per template.

    A sentence joins the template of the representative it matches best (exact Jaccard of the shingles, the
    LSH only proposes candidates), or starts a template. Each template keeps up to `REPRESENTATIVES` of its
    sentences as representatives, each unlike the others (Jaccard under `NEAR_COPY`), so that a wording
    several steps from the first one met still finds its template, while a lookup meets at most that many
    representatives of each template: the cost per sentence does not grow with the filers.
    """

    def __init__(self) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self._permutations = MinHash(num_perm=NUM_PERM).permutations
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._representatives: list[tuple[int, frozenset[str]]] = []  # (template, shingles)
        self._kept: list[int] = []  # representatives per template

    def template(self, shingle_set: frozenset[str]) -> int:
        """The template number of a sentence (a new one when no representative is near enough)."""
        m = self._minhash(num_perm=NUM_PERM, permutations=self._permutations, scheme="affine32")
        m.update_batch([s.encode("utf-8") for s in shingle_set])
        best, best_score = -1, THRESHOLD
        for candidate in self._lsh.query(m):
            score = jaccard(shingle_set, self._representatives[candidate][1])
            if score > best_score or score == best_score and best < 0:
                best, best_score = candidate, score
        if best < 0:
            number = len(self._kept)
            self._kept.append(0)
        else:
            number = self._representatives[best][0]
            if best_score >= NEAR_COPY or self._kept[number] >= REPRESENTATIVES:
                return number
        self._kept[number] += 1
        self._lsh.insert(len(self._representatives), m)
        self._representatives.append((number, shingle_set))
        return number

    def __len__(self) -> int:
        return len(self._kept)


@dataclass
class BoilerplateSummary:
    """What one indexing run did."""

    filings: int
    """Current versions indexed."""
    sentences: int
    """Distinct sentences indexed (per version)."""
    templates: int
    """Templates found."""
    common: int
    """Sentences that are common boilerplate."""
    seconds: float
    """Time taken."""


@dataclass
class _Filing:
    filing_id: int
    filer_id: int
    fiscal_year: int
    sentences: dict[int, int]  # sentence number (one per distinct comparison key) -> row id of its first copy


class _Sentences:
    """The distinct sentences met so far, numbered, each with its template (assigned when first met)."""

    def __init__(self) -> None:
        self.index = TemplateIndex()
        self.number: dict[str, int] = {}
        self.template: list[int] = []

    def add(self, text: str) -> int | None:
        """The number of a sentence (None when it is too short to index)."""
        tokens, key = words_and_key(text)
        if len(tokens) < MIN_WORDS:
            return None
        number = self.number.get(key)
        if number is None:
            number = self.number[key] = len(self.template)
            self.template.append(self.index.template(shingles(tokens)))
        return number


def index_store(store: Store) -> BoilerplateSummary:
    """Index every sentence of every current version; store each sentence's template and other filers, and
    each version's boilerplate share and stickiness (replacing the previous index)."""
    started = time.perf_counter()
    seen = _Sentences()
    filings: list[_Filing] = []
    for row in store.latest_sentences():  # a filing's sentences together, a filer's years in order
        if not filings or filings[-1].filing_id != row["filing_id"]:
            filings.append(_Filing(row["filing_id"], row["filer_id"], row["fiscal_year"], {}))
        number = seen.add(row["text"])
        if number is not None:
            filings[-1].sentences.setdefault(number, row["sentence_id"])
    filers_of: dict[int, set[int]] = {}
    for f in filings:
        for number in f.sentences:
            filers_of.setdefault(seen.template[number], set()).add(f.filer_id)
    sentence_rows, filing_rows = _rows(filings, seen.template, filers_of)
    meta = {
        "computed_at": _now(),
        "threshold": THRESHOLD,
        "shingle_words": SHINGLE,
        "num_perm": NUM_PERM,
        "min_words": MIN_WORDS,
        "common_others": COMMON_OTHERS,
        "filings": len(filings),
        "templates": len(seen.index),
    }
    store.save_boilerplate(sentence_rows, filing_rows, meta)
    return BoilerplateSummary(
        len(filings),
        len(sentence_rows),
        len(seen.index),
        sum(r["common"] for r in sentence_rows),
        time.perf_counter() - started,
    )


def _rows(
    filings: list[_Filing], template_of: list[int], filers_of: dict[int, set[int]]
) -> tuple[list[dict], list[dict]]:
    """The rows of sentence_boilerplate and disclosure_boilerplate."""
    now = _now()
    previous: dict[int, _Filing] = {}
    sentence_rows: list[dict] = []
    filing_rows: list[dict] = []
    for f in filings:  # a filer's years in order
        common = 0
        for key, sentence_id in f.sentences.items():
            others = len(filers_of[template_of[key]]) - 1
            common += others >= COMMON_OTHERS
            sentence_rows.append(
                {
                    "filing_id": f.filing_id,
                    "sentence_id": sentence_id,
                    "template": template_of[key],
                    "other_filers": others,
                    "common": int(others >= COMMON_OTHERS),
                }
            )
        before = previous.get(f.filer_id)
        carried = sum(1 for key in f.sentences if key in before.sentences) if before else None
        n = len(f.sentences)
        filing_rows.append(
            {
                "filing_id": f.filing_id,
                "sentences": n,
                "boilerplate_sentences": common,
                "boilerplate_share": round(common / n, 4) if n else None,
                "previous_filing_id": before.filing_id if before else None,
                "previous_year": before.fiscal_year if before else None,
                "carried_over": carried,
                "stickiness": round(carried / n, 4) if before and n and carried is not None else None,
                "computed_at": now,
            }
        )
        previous[f.filer_id] = f
    return sentence_rows, filing_rows


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def summary_json(summary: BoilerplateSummary) -> dict[str, Any]:
    """The summary as JSON."""
    return {
        "filings": summary.filings,
        "sentences": summary.sentences,
        "templates": summary.templates,
        "common": summary.common,
        "seconds": round(summary.seconds, 3),
    }
