"""Boilerplate across filers and stickiness year over year (the only module that uses datasketch).

**Boilerplate.** Two sentences are the same template when they say the same thing in the same way, by either
of two measures, each a Jaccard similarity estimated by MinHash LSH (datasketch) and then checked exactly:
- *wording*: at least half of their two-word shingles shared (`THRESHOLD`), four-digit years counted as one
  word, so "In 2023, we did not identify ..." and "In 2024, we did not identify ..." are one template;
- *content*: at least `CONTENT_THRESHOLD` of their content words shared: stop words dropped, words cut to their
  first `STEM` letters (so "identified"/"identify", "risks"/"risk" meet), numbers one word. Templated
  sentences reworded by each filer ("For more information on our cybersecurity related risks, see Item 1A Risk
  Factors ..." / "For additional information about these risks, see Part I, Item 1A, "Risk Factors" ...") share
  only a quarter of their word pairs but two thirds of their content words; a filer's own sentences (names,
  titles, committees, careers) bring words of their own and stay under it. Measured on the 48 filers of the
  corpus: at 0.65 the pairs of filers it joins are the material-incident statements, the Item 1A
  cross-references, the "we cannot eliminate all risks" caveat and the template program's bullets; at 0.55
  it starts joining generic governance sentences of different content ("The Committee oversees ..." / "Our
  Board considers ...") and officers' careers ("Our CISO has served ... for over 5 years" / "Our CISO has been a
  Walmart associate for over 30 years").
Either way, a sentence that denies (not, no, never, none, nor, cannot, without, n't) is never one template
with one that does not: "We have not identified any risks ... that have materially affected ..." and "We face
risks ... that are reasonably likely to materially affect us" share most words but say opposite things.

Distinct sentences are assigned to templates in a fixed order (the most often stated wording first, then by
text), so the grouping does not depend on the order of filers in the store. A sentence joins the template of
the representative it matches best, or starts one; each template keeps up to `REPRESENTATIVES` representatives,
each a match of the template's first sentence (its seed) and unlike the other representatives (under
`NEAR_COPY`): every member is within two matches of the seed, so a template cannot drift step by step to
sentences unlike it. A lookup meets at most that many representatives per template: each sentence costs two
MinHashes and two LSH lookups, and indexing grows linearly with the number of sentences, however many filers
share a template. A sentence's `other_filers` is the number of other filers with a sentence of its template,
in any stored year; it is *common boilerplate* when that is at least `COMMON_OTHERS`. Sentences under
`MIN_WORDS` words (sub-headings, list stubs) are left out.

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

#: Words per shingle (word pairs: on the corpus, three-word shingles missed reworded templates, and pairs
#: still keep a filer's own sentences apart).
SHINGLE = 2
#: Jaccard similarity of shingle sets at or above which two sentences are one template.
THRESHOLD = 0.5
#: Jaccard similarity of content-word sets at or above which two sentences are one template (measured on the
#: corpus, see above).
CONTENT_THRESHOLD = 0.65
#: Letters a content word is cut to (truncation stemming: "identified", "identify" and "identifying" meet).
STEM = 5
#: Content words a sentence needs for the content measure (shorter ones are matched on wording only).
MIN_CONTENT = 5
#: MinHash permutations (64 keep the index small; the exact sets decide each match).
NUM_PERM = 64
#: Representatives kept per template, and the similarity at which a sentence is too close to one to add any.
REPRESENTATIVES = 8
NEAR_COPY = 0.8
#: Sentences shorter than this (in words) are not indexed.
MIN_WORDS = 6
#: A sentence is common boilerplate when at least this many other filers state its template.
COMMON_OTHERS = 2

#: Words that carry no content of their own (function words, pronouns, the filer's generic self-references).
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each either few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just may me might more most
    must my myself of off on once only or other our ours ourselves out over own same shall she should so some
    such than that the their theirs them themselves then there these they this those through thus to too under
    until up upon us very was we were what when where whether which while who whom why will with would you your
    yours company companys corporation inc s t including include includes well within""".split()
)
#: Words that deny: a sentence with one is never one template with a sentence without.
NEGATIONS = frozenset({"not", "no", "never", "none", "nor", "neither", "cannot", "without"})
_NOT = "<not>"

_YEAR = re.compile(r"(?:19|20)\d\d")


def shingles(words_: list[str]) -> frozenset[str]:
    """The two-word shingles of a sentence's words (`words`: lower case, no punctuation), years as one word."""
    tokens = ["<year>" if _YEAR.fullmatch(w) else w for w in words_]
    if len(tokens) < SHINGLE:
        return frozenset([" ".join(tokens)])
    return frozenset(" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def content_words(words_: list[str]) -> frozenset[str]:
    """The content words of a sentence's words: stop words dropped, a plural's s dropped and words cut to `STEM`
    letters, every year one
    word (`<year>`), a number stating a fact (`_is_fact_number`) as `#15`, a denial (not, no, never, cannot, n't ...) kept as `<not>`."""
    out: set[str] = set()
    for i, w in enumerate(words_):
        if w in NEGATIONS or w == "t" and i and words_[i - 1].endswith("n"):  # didn't -> didn, t
            if not (w == "no" and i + 1 < len(words_) and words_[i + 1][:1].isdigit()):  # "No. 5"
                out.add(_NOT)
        elif w[:1].isdigit():
            out.add(f"#{w}" if _is_fact_number(words_, i) else "<year>" if _YEAR.fullmatch(w) else w)
        elif w not in STOP_WORDS:
            out.add((w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w)[:STEM])  # risks: risk
    return frozenset(out)


_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_FORMS = frozenset({"k", "q", "f"})  # 10-K, 10-Q, 20-F


def _is_fact_number(words_: list[str], i: int) -> bool:
    """Whether the number at words_[i] states a fact of the filer's own ("over 15 years", "12 members"): two
    digits or more and all digits, not a year, a day of a month, a form (10-K) or an item (1A), list markers
    ("(1)", "Part 1") aside."""
    w = words_[i]
    if len(w) < 2 or not w.isdigit() or _YEAR.fullmatch(w):
        return False
    if i and words_[i - 1] in _MONTHS:
        return False
    return not (i + 1 < len(words_) and words_[i + 1] in _FORMS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass(frozen=True)
class Signature:
    """What a sentence is matched on."""

    shingles: frozenset[str]
    """Its two-word shingles."""
    content: frozenset[str]
    """Its content words (empty when it has fewer than `MIN_CONTENT`: matched on wording only)."""
    denies: bool
    """Whether it denies something (a negation among its words)."""


def signature(words_: list[str]) -> Signature:
    """The signature of a sentence's words."""
    content = content_words(words_)
    return Signature(
        shingles(words_), content if len(content) >= MIN_CONTENT else frozenset(), _NOT in content
    )


def similarity(a: Signature, b: Signature) -> float:
    """How near two sentences are as one template: 1 or more when they are one (the larger of the two measures,
    each over its threshold), 0 when one denies and the other does not. The content measure counts only
    between sentences stating the same numbers (years aside): "over 15 years" and "over 20 years" of an
    officer's career are each filer's own, however alike the rest."""
    if a.denies != b.denies:
        return 0.0
    wording = jaccard(a.shingles, b.shingles) / THRESHOLD
    if a.content and b.content and _numbers(a.content) == _numbers(b.content):
        return max(wording, jaccard(a.content, b.content) / CONTENT_THRESHOLD)
    return wording


def _numbers(content: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in content if w[0] == "#")


class TemplateIndex:
    """Sentences grouped into templates: MinHash LSH (wording and content) over a few representatives each.

    A sentence joins the template of the representative it matches best (exact similarity: the LSH only
    proposes candidates), or starts a template. Each template keeps up to `REPRESENTATIVES` of its sentences as
    representatives: each a match of the template's seed (its first sentence) and unlike the others (under
    `NEAR_COPY`), so that a reworded sentence still finds its template, the template cannot drift away from its
    seed, and a lookup meets at most that many representatives of each template.
    """

    def __init__(self) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self._permutations = MinHash(num_perm=NUM_PERM).permutations
        self._wording = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._content = MinHashLSH(threshold=CONTENT_THRESHOLD, num_perm=NUM_PERM)
        self._representatives: list[tuple[int, Signature]] = []  # (template, signature)
        self._seeds: list[Signature] = []
        self._kept: list[int] = []  # representatives per template

    def _hash(self, items: frozenset[str]) -> Any:
        m = self._minhash(num_perm=NUM_PERM, permutations=self._permutations, scheme="affine32")
        m.update_batch([s.encode("utf-8") for s in items])
        return m

    def template(self, sig: Signature) -> int:
        """The template number of a sentence (a new one when no representative is near enough)."""
        wording = self._hash(sig.shingles)
        content = self._hash(sig.content) if sig.content else None
        best = self._best(sig, wording, content, -1)
        if best < 0:
            number = len(self._kept)
            self._kept.append(0)
            self._seeds.append(sig)
        else:
            number = self._representatives[best][0]
            if (
                self._kept[number] >= REPRESENTATIVES
                or jaccard(sig.shingles, self._representatives[best][1].shingles) >= NEAR_COPY
                or similarity(sig, self._seeds[number]) < 1.0
            ):
                return number
        self._kept[number] += 1
        key = len(self._representatives)
        self._wording.insert(key, wording)
        if content is not None:
            self._content.insert(key, content)
        self._representatives.append((number, sig))
        return number

    def another(self, sig: Signature, number: int) -> int:
        """The template other than `number` whose representative a sentence matches best, once every sentence
        has been met (so that a sentence met before the representatives it matches still finds them), or
        `number` when there is none."""
        content = self._hash(sig.content) if sig.content else None
        best = self._best(sig, self._hash(sig.shingles), content, number)
        return number if best < 0 else self._representatives[best][0]

    def _best(self, sig: Signature, wording: Any, content: Any, besides: int) -> int:
        """The representative a sentence matches best outside template `besides` (-1: none)."""
        candidates = set(self._wording.query(wording))
        if content is not None:
            candidates.update(self._content.query(content))
        best, best_score = -1, 1.0
        for candidate in sorted(candidates):
            number, other = self._representatives[candidate]
            score = similarity(sig, other) if number != besides else 0.0
            if score > best_score or score == best_score and best < 0:
                best, best_score = candidate, score
        return best

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
    """The distinct sentences met, numbered; templates assigned once all are met, in a fixed order."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.texts: list[str] = []  # tokenised again when assigned: a text is smaller than its words
        self.stated: list[int] = []  # versions stating each
        self.template: list[int] = []
        self.templates = 0

    def add(self, text: str) -> int | None:
        """The number of a sentence (None when it is too short to index)."""
        tokens, key = words_and_key(text)
        if len(tokens) < MIN_WORDS:
            return None
        number = self.number.get(key)
        if number is None:
            number = self.number[key] = len(self.texts)
            self.texts.append(text)
            self.stated.append(0)
        return number

    def assign(self) -> None:
        """Group the sentences into templates: the most often stated first, then by comparison key, so that the
        grouping depends on what the store holds, not on the order it is read in. A sentence left alone in
        its template then joins the template of the best representative it matches, if any: one met later."""
        keys = sorted(self.number, key=lambda k: (-self.stated[self.number[k]], k))
        index = TemplateIndex()
        self.template = [0] * len(self.texts)
        seeds: list[int] = []  # the first sentence of each template (its text kept)
        members = [0] * len(self.texts)
        for key in keys:
            number = self.number[key]
            template = self.template[number] = index.template(signature(words_and_key(self.texts[number])[0]))
            if members[template] == 0:
                seeds.append(number)
            else:
                self.texts[number] = ""  # no longer needed
            members[template] += 1
        for number in seeds:  # sentences alone: a template met later may be theirs
            if members[self.template[number]] == 1:
                sig = signature(words_and_key(self.texts[number])[0])
                self.template[number] = index.another(sig, self.template[number])
        self.texts = []
        self.templates = len(set(self.template))


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
        if number is not None and number not in filings[-1].sentences:
            filings[-1].sentences[number] = row["sentence_id"]
            seen.stated[number] += 1
    seen.assign()
    filers_of: dict[int, set[int]] = {}
    for f in filings:
        for number in f.sentences:
            filers_of.setdefault(seen.template[number], set()).add(f.filer_id)
    sentence_rows, filing_rows = _rows(filings, seen.template, filers_of)
    meta = {
        "computed_at": _now(),
        "threshold": THRESHOLD,
        "content_threshold": CONTENT_THRESHOLD,
        "shingle_words": SHINGLE,
        "num_perm": NUM_PERM,
        "min_words": MIN_WORDS,
        "common_others": COMMON_OTHERS,
        "filings": len(filings),
        "templates": seen.templates,
    }
    store.save_boilerplate(sentence_rows, filing_rows, meta)
    return BoilerplateSummary(
        len(filings),
        len(sentence_rows),
        seen.templates,
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
