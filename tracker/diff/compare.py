"""Compare two disclosures: flags, facts, elements, then text aligned sentence by sentence.

The text of each side becomes one sequence of unique sentences in document order (`section_text`
when the reader kept it, else the text blocks in order), each sentence knowing every element whose
text contains it; overlapping tagged blocks therefore yield each sentence once, and a change inside
repeated text is one change listing all its elements. The two sequences are aligned in four steps:

1. exact matches by `comparison_key` (a change of form only is no change), including one sentence
   matching two or three adjacent ones when sentence splitting differs (concatenated keys equal);
2. rewrites: remaining sentences paired by the Dice coefficient of their word sets
   (>= REWRITE_THRESHOLD), best pairs first; candidates come from an index of each sentence's rarest
   words, so the cost stays near linear in the number of sentences;
3. moves: the longest increasing subsequence of new positions over old order stays in place; every
   other matched sentence moved (reported as a move, not as a deletion plus an insertion);
4. the rest is added (new only) or removed (old only).

Only then are words diffed, inside each rewritten pair.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter, mul, sub
from typing import Literal

from tracker.diff import significance
from tracker.diff.worddiff import (
    DELETE,
    EQUAL,
    IDENTICAL,
    EditCounts,
    Similarity,
    combine_bags,
    combine_counted,
    combine_split,
    word_diff,
)
from tracker.facts import (
    SPECS,
    FactValue,
    as_worded,
    body_briefed,
    careers_still_told,
    changes_between,
    engagements_ended,
    kept_values,
    owned_values,
    renames_told,
    shared_facts,
    stated_alike,
    statement_narrowed,
    statement_still_made,
    title_still_used,
    value_key,
    years_apart,
)
from tracker.facts.material import ACKNOWLEDGED, incidents_acknowledged
from tracker.facts.people import departures_new
from tracker.facts.titles import title_key, titles_in
from tracker.models import (
    CHANGE_KINDS,
    MATERIAL_FLAG,
    SEVERITY_RANK,
    UNTAGGED_ELEMENT,
    Change,
    Disclosure,
    Element,
    Severity,
    spec_for,
)
from tracker.text.headings import is_subheading
from tracker.text.normalize import (
    SequenceSentence,
    comparison_key,
    comparison_sentences,
    drop_list_markers,
    list_markers_only,
    names_self,
    numbers_alike,
    same_but_list_markers,
    shared_work,
    spelt_alike,
    unmarked_key,
    voiced_alike,
    word_stem,
    words,
)

#: Two unmatched sentences are a rewrite of one another when the Dice coefficient of their sets of
#: content words (function words dropped), 2|A & B| / (|A| + |B|), reaches this (a sentence keeping
#: half its content words, or gaining as many).
REWRITE_THRESHOLD = 0.5
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from into onto over under as than that which who whom "
    "whose this these those it its we our us they their them he she his her is are was were be been being "
    "has have had do does did not no any all each such other also may can will would could should".split()
)
#: How many of a sentence's rarest words look up rewrite candidates, and the most sentences a word
#: may sit in to be used for that (keeps the candidate search near linear on long texts).
RARE_WORDS = 6
MAX_POSTING = 24
#: Largest number of sentences one sentence may match when splitting differs (a run-in list of ten items set out
#: one a line, with its lead-in: a reader turned "includes: a; b; c; and d." into four bullets).
MAX_MERGE = 12
#: Length of the key prefix that rules out most merge candidates before any keys are joined.
_MERGE_PREFIX = 16

#: Thresholds of the extent of rewording (see `rewritten`).
REWRITTEN_SIMPLE = 0.5
REWRITTEN_SHARE = 0.5

NO_CHANGE = significance.NO_CHANGE
MINOR = significance.MINOR
REWRITTEN = significance.REWRITTEN
EXPANDED, SHORTENED = significance.EXPANDED, significance.SHORTENED
REORGANISED, REVISED = significance.REORGANISED, significance.REVISED

TEXT_KINDS = significance.TEXT_KINDS
Status = Literal["same", "changed", "moved", "added", "removed"]


@dataclass(slots=True)
class Sentence:
    """One unique sentence of one side."""

    position: int
    """1-based position in that side's sequence of unique sentences."""
    text: str
    """The sentence as normalised."""
    key: str
    """Its comparison key."""
    words: list[str]
    """Its lower-case word tokens."""
    elements: list[str]
    """Every element whose text contains it, in document order (UntaggedSectionText if none)."""
    content: set[str] | None = field(default=None, repr=False, compare=False)
    """Its content words (function words dropped), once the alignment asked for them (never changed)."""
    element_set: frozenset[str] | None = field(default=None, repr=False, compare=False)
    """`elements` as a set, once asked for."""

    def in_elements(self) -> frozenset[str]:
        """The elements it sits in, as a set (worked out once)."""
        if self.element_set is None:
            self.element_set = frozenset(self.elements)
        return self.element_set


@dataclass(slots=True)
class AlignedPair:
    """A piece of the alignment: old sentence(s) and the new sentence(s) they became."""

    status: Status
    """same (equal but for form), changed (rewritten), moved, added or removed."""
    old: list[Sentence]
    """Old sentences (several when splitting differs, none when added)."""
    new: list[Sentence]
    """New sentences (several when splitting differs, none when removed)."""
    ops: list | None = None
    """Word-level diff-match-patch ops, for changed pairs."""
    counts: EditCounts = field(default_factory=EditCounts)
    """Word edit counts of the pair."""
    moved: bool = False
    """True when the pair left the old order (also for changed pairs)."""

    @property
    def old_text(self) -> str:
        """The old sentence(s) as one string (a single sentence's own string: its hash is already known to the
        dictionaries its text is looked up in)."""
        sentences = self.old
        return sentences[0].text if len(sentences) == 1 else " ".join([s.text for s in sentences])

    @property
    def new_text(self) -> str:
        """The new sentence(s) as one string (a single sentence's own string: its hash is already known to the
        dictionaries its text is looked up in)."""
        sentences = self.new
        return sentences[0].text if len(sentences) == 1 else " ".join([s.text for s in sentences])

    def elements_on(self, side: Literal["old", "new"]) -> frozenset[str]:
        """Elements the pair's sentences on one side sit in."""
        sentences = self.old if side == "old" else self.new
        if len(sentences) == 1:
            return sentences[0].in_elements()
        return frozenset(e for s in sentences for e in s.elements)


MATERIAL_STATEMENT = "material_incident_statement"


def _unstated(values: list[FactValue]) -> bool:
    """Whether a year's values of a fact say the filing does not state it."""
    return all(v.value in (None, "absent") for v in values)


#: The facts a report lists as stated alike in both years (`Comparison.unchanged`): who is responsible, their
#: experience and reporting line, the board's oversight and briefings, frameworks, certifications, committees,
#: outside firms, the statement on material incidents.
STILL_STATED = (
    "responsible_people",
    "responsible_titles",
    "experience_years",
    "reports_to",
    "board_oversight",
    "briefing_frequency",
    "frameworks",
    "certifications",
    "management_committees",
    "third_parties",
    "material_incident_statement",
)


@dataclass
class Comparison:
    """The comparison of two disclosures: what a renderer needs, and the JSON of design.md."""

    old: Disclosure
    """The older disclosure."""
    new: Disclosure
    """The newer disclosure."""
    similarity: Similarity
    """Lazy Prices measures of the whole texts."""
    element_similarity: dict[str, Similarity]
    """The same measures per text element present on both sides."""
    changes: list[Change]
    """Changes, sorted: flags, facts, elements, then text by element in document order."""
    pairs: list[AlignedPair]
    """The sentence alignment in document order (removed sentences where they stood)."""
    element_order: list[str]
    """Elements in document order (first appearance on the new side, then the old)."""
    changed_share: float
    """Share of aligned sentence pieces that are not unchanged in place."""
    judgement: significance.Verdict
    """What it comes to: significance, extent of rewording, the top changes."""
    notes: list[str] = field(default_factory=list)
    """What the comparison found that is no change of the disclosure but a reader should know (a flag one year
    tags and neither year's text states)."""

    @property
    def verdict(self) -> str:
        """The verdict in one line: "Significant: the CISO was replaced; ... (minor edits)"."""
        return self.judgement.headline

    @property
    def significance(self) -> str:
        """significant, notable, routine or no substantive change."""
        return self.judgement.significance

    @property
    def extent(self) -> str:
        """no wording change, minor edits, or substantially rewritten, expanded, shortened, reorganised or revised."""
        return self.judgement.extent

    @property
    def caveats(self) -> list[str]:
        """What a reader must know before trusting the comparison: a year whose section only points to another
        document (its text is elsewhere, so all of it shows as added or removed); a flag only tagged (`notes`)."""
        return [
            f"FY{d.fiscal_year or '?'}: {d.incorporation.line}"
            for d in (self.old, self.new)
            if d.incorporation
        ] + self.notes

    @property
    def summary(self) -> dict[str, int]:
        """Number of changes by severity."""
        out = {"high": 0, "medium": 0, "low": 0}
        for change in self.changes:
            out[change.severity] += 1
        return out

    @property
    def counted(self) -> dict[str, int]:
        """Changes by severity, each matter once: not the sentences that carry a flag, fact or people change
        (`significance.counted`; `summary` counts every change)."""
        return significance.counted(self.changes)

    @property
    def restated(self) -> int:
        """How many of the changes are the wording of a fact, flag or people change (`significance.restated`)."""
        return significance.restated(self.changes)

    @property
    def unchanged(self) -> list[tuple[str, list[object]]]:
        """What both years state alike, of the facts a reader checks first (`STILL_STATED`, in that order): (fact,
        the later year's values). A report says it beside the changes, so that "no substantive change" also says
        what the disclosure still says (an independent reader found a no-change report that said nothing of it).
        The statement on material incidents, which Item 106(b)(2) asks for, is listed as ["absent"] where neither
        year makes it (an unseen filing's reader: LLY points to its risk factors both years)."""
        if self.significance == NOT_COMPARED:
            return []
        old, new = shared_facts(self.old), shared_facts(self.new)
        changed = {c.fact for c in self.changes if c.fact}
        if "material_incident_strength" in changed:
            changed.add(MATERIAL_STATEMENT)  # (how firmly the statement is made is the statement's change)
        out: list[tuple[str, list[object]]] = []
        for fact in STILL_STATED:
            was, now = old.get(fact) or [], new.get(fact) or []
            # of a set, the values both years state; of one value, that value where it did not change
            alike = (
                kept_values(fact, was, now)
                if SPECS[fact].multi
                else now
                if fact not in changed and stated_alike(fact, was, now)
                else []
            )
            values = [as_worded(v) for v in alike if v.value not in (None, "absent")]
            if values:
                out.append((fact, values))
            elif fact == MATERIAL_STATEMENT and fact not in changed and was and _unstated(was + now):
                out.append((fact, ["absent"]))
        return out

    @property
    def one_year_states(self) -> tuple[Disclosure, list[tuple[str, list[object]]]] | None:
        """Where a year could not be read (`NOT_COMPARED`) and the other was: that year, and what it states of the facts
        a reader checks first (`STILL_STATED`, as `unchanged` lists them). A reader of WFC, whose earlier year pointed
        to an annual report not read, found the later year's whole section in the 10-K said nothing of at all."""
        if self.significance != NOT_COMPARED:
            return None
        read = [
            d for d in (self.new, self.old) if not (d.incorporation is not None and not d.incorporation.read)
        ]
        if len(read) != 1 or not read[0].section_text.strip():
            return None
        facts = shared_facts(read[0])
        out: list[tuple[str, list[object]]] = []
        for fact in STILL_STATED:
            values = [as_worded(v) for v in facts.get(fact) or [] if v.value not in (None, "absent")]
            if values:
                out.append((fact, values))
            elif fact == MATERIAL_STATEMENT:
                out.append((fact, ["absent"]))
        return read[0], out

    def briefed_alike(self, kept: list[object]) -> dict[object, list[str]]:
        """Who the later year says is briefed at each frequency both years state (`kept`, as `unchanged` lists them):
        {"quarterly": ["the technology committee"], "annual": ["the board"]}, from the sentences stating it
        (`body_briefed`; a value whose sentences name no body is left out). A reader of an unseen filing could not
        tell from "semi-annual; quarterly; annual" which body hears what (VRNS)."""
        out: dict[object, list[str]] = {}
        for fv in shared_facts(self.new).get("briefing_frequency") or []:
            if fv.value in kept:
                bodies = (body_briefed(s, fv.value) for s in (fv.evidence, *fv.also) if s)
                if named := _fullest(list(dict.fromkeys(b for b in bodies if b))):
                    out[fv.value] = named
        return out

    def reporters_alike(self, kept: list[object]) -> dict[object, list[str]]:
        """Who the later year says reports to each officer both years name as reported to (`kept`, as `unchanged` lists
        them): {"Chief Information Officer": ["Chief Information Security Officer"]}: the one title the year names as
        responsible, else those of them the sentence stating it names (a value whose sentence names none is left
        out). Readers of unseen filings asked who "Reports to: Chief Information Officer" was about."""
        facts = shared_facts(self.new)
        responsible = {
            title_key(str(fv.value)): str(fv.value) for fv in facts.get("responsible_titles") or []
        }
        out: dict[object, list[str]] = {}
        for fv in facts.get("reports_to") or []:
            if fv.value not in kept or not fv.evidence:
                continue
            boss = title_key(str(fv.value))
            named = (
                [t for k, t in responsible.items() if k != boss]
                if len(responsible) == 1
                else [
                    t
                    for _, _, t in titles_in(fv.evidence, {})
                    if (k := title_key(t)) in responsible and k != boss
                ]
            )
            if named:
                out[fv.value] = list(dict.fromkeys(named))
        return out

    def statement_said(self) -> tuple[str | None, str] | None:
        """(strength, sentence) of the later year's statement on material incidents: a report quotes its words beside
        "says it has not been materially affected" where both years make it alike (`unchanged`), which readers of
        unseen filings took for a flattening of "At this time, we have not identified risks ..." and "we do not
        believe ...". None where the later year makes none."""
        facts = shared_facts(self.new)
        statements, strengths = facts.get(MATERIAL_STATEMENT), facts.get("material_incident_strength")
        if not statements or not statements[0].evidence:
            return None
        return (str(strengths[0].value) if strengths else None), statements[0].evidence

    def pairs_for(self, element: str) -> list[AlignedPair]:
        """The aligned pieces touching one element, in document order."""
        return [p for p in self.pairs if element in p.elements_on("old") | p.elements_on("new")]

    def _change_json(self, ch: Change) -> dict:
        """A change's JSON, with `boilerplate` (other filers stating its sentence nearly alike) for a text
        change whose sentence is common boilerplate."""
        data = ch.to_json()
        count = _boilerplate_of(self, ch)
        if count:
            data["boilerplate"] = count
        return data

    def to_json(
        self, filer: dict | None = None, old_meta: dict | None = None, new_meta: dict | None = None
    ) -> dict:
        """The comparison in the JSON shape of design.md (plus verdict and per-element similarity)."""
        return {
            "filer": filer if filer is not None else filer_meta(self.new, self.old),
            "old": old_meta if old_meta is not None else disclosure_meta(self.old),
            "new": new_meta if new_meta is not None else disclosure_meta(self.new),
            "similarity": self.similarity.to_json(),
            "summary": self.summary,
            "counted": self.counted,
            "restated": self.restated,
            "changes": [self._change_json(c) for c in self.changes],
            "verdict": self.verdict,
            "caveats": self.caveats,
            "unchanged": [{"fact": fact, "values": values} for fact, values in self.unchanged],
            **(
                {
                    "one_year_states": {
                        "fiscal_year": one[0].fiscal_year,
                        "facts": [{"fact": fact, "values": values} for fact, values in one[1]],
                    }
                }
                if (one := self.one_year_states)
                else {}
            ),
            **self.judgement.to_json(),
            "changed_share": round(self.changed_share, 4),
            "element_similarity": {k: v.to_json() for k, v in self.element_similarity.items()},
        }


def _boilerplate_of(c: Comparison, ch: Change) -> int:
    """Other filers stating a text change's sentence nearly alike (its later wording, else its earlier), when it
    is common boilerplate in the store's index; else 0."""
    if not ch.kind.startswith("text_") or not (c.new.boilerplate or c.old.boilerplate):
        return 0
    new = ch.new if ch.kind == "text_changed" else ch.text if ch.kind != "text_removed" else None
    old = ch.old if ch.kind == "text_changed" else ch.text
    if new and comparison_key(str(new)) in c.new.boilerplate:
        return c.new.boilerplate[comparison_key(str(new))]
    return c.old.boilerplate.get(comparison_key(str(old or "")), 0)


def filer_meta(*disclosures: Disclosure) -> dict:
    """Filer identity as the disclosures name it (the first that knows wins)."""
    cik = next((d.cik for d in disclosures if d.cik), None)
    name = next((d.name for d in disclosures if d.name), None)
    tickers = next((d.tickers for d in disclosures if d.tickers), [])
    return {"cik": cik, "name": name, "tickers": list(tickers)}


def same_filer(a: dict, b: dict) -> bool:
    """Whether two filer identities may be one filer: the same CIK; else a shared ticker; else the same name;
    an identity that states none of these may be anyone."""
    if a.get("cik") and b.get("cik"):
        return bool(a["cik"] == b["cik"])
    if a.get("tickers") and b.get("tickers"):
        return bool(set(a["tickers"]) & set(b["tickers"]))
    if a.get("name") and b.get("name"):
        return str(a["name"]).casefold() == str(b["name"]).casefold()
    return True


def filer_pair(old: Disclosure, new: Disclosure) -> dict:
    """The filer of a comparison of two documents: one filer (what either names), or, when the two name
    different filers, the later one's with the earlier one's under `old_filer`."""
    if same_filer(filer_meta(old), filer_meta(new)):
        return filer_meta(new, old)
    return {**filer_meta(new), "old_filer": filer_meta(old)}


def disclosure_meta(d: Disclosure) -> dict:
    """What the JSON says about one side when the caller (store, CLI) passes nothing better."""
    return {
        "fiscal_year": d.fiscal_year,
        "form": d.form,
        "version": None,
        "tagged": d.tagged,
        "source": d.source_format,
        "sha256": None,
    }


# --------------------------------------------------------------------------- entry point


def compare(old: Disclosure, new: Disclosure) -> Comparison:
    """Compare two disclosures of one filer (older first)."""
    # (the two years share most sentences: each is read once; numbers of years grow with the years between them)
    with collector_paused(), shared_work(), years_apart(old.fiscal_year, new.fiscal_year):
        return _compare(old, new)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block, then as it was.

    A comparison makes many small objects and no reference cycle: the collector, which would run every few
    hundred allocations and walk them all, has nothing to find (and once resumed, it walks the survivors the
    next time it runs: a caller that frees the comparison first, as diff-all's worker does with each pair of
    a task, pauses it over the whole task)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _compare(old: Disclosure, new: Disclosure) -> Comparison:
    unread = [d for d in (old, new) if d.incorporation is not None and not d.incorporation.read]
    if unread:
        return _not_compared(old, new, unread)
    old_seq, new_seq = sentence_sequence(old), sentence_sequence(new)
    pairs = align_sentences(old_seq, new_seq)
    order = _element_order(new_seq, old_seq)
    wording = text_changes(pairs, order)
    old_facts, new_facts = (
        shared_facts(old),
        shared_facts(new),
    )  # (only read: the changes copy what they hold)
    key = _key_function(old_seq, new_seq)
    wanted = _said_by(wording, key)  # (the sentences both sides' statements are read for)
    old_says, new_says = _says(old, old_facts, wanted, key), _says(new, new_facts, wanted, key)
    facts = (
        []
        if old_facts == new_facts
        else owned_values(
            changes_between(
                old_facts,
                new_facts,
                old.fiscal_year,
                lambda: departures_new([s.text for s in old_seq], [s.text for s in new_seq]),
            )
        )
    )  # (same facts: none changed)
    if facts:
        title_still_used(facts, [s.text for s in new_seq], new.fiscal_year)
        statement_still_made(facts, {s.key for s in new_seq})
        statement_narrowed(facts, [s.text for s in new_seq])
        careers_still_told(facts, old.section_text, new.section_text)
        engagements_ended(facts, [s.text for s in new_seq])
        renames_told(facts, [s.text for s in new_seq])
    names = _text_element_names(old), _text_element_names(new)  # (each side's, read once)
    notes: list[str] = []
    changes = (
        _read_from_statement(flag_changes(old, new, notes), facts) + facts + element_changes(old, new, names)
    )
    changes += wording
    significance.rank_text_changes(
        changes,
        old_says,
        new_says,
        key,
        {n: s.label for n, s in SPECS.items()},
        significance.responsible_keys(old_facts, new_facts),
        _Acknowledged(old_seq, new_seq),
    )
    rank = {name: k for k, name in enumerate(order)}
    changes.sort(key=lambda c: _sort_key(c, rank))
    similarity, per_element = _measures(pairs, _WordCounts(new_seq), _shared_elements(old, new, names))
    share = _changed_share(pairs)
    return Comparison(
        old,
        new,
        similarity,
        per_element,
        changes,
        pairs,
        order,
        share,
        significance.decide(changes, extent_of_change(pairs, similarity, share)),
        notes,
    )


def _not_compared(old: Disclosure, new: Disclosure, unread: list[Disclosure]) -> Comparison:
    """Two years of which one (or both) only points to a document that was not read: nothing is compared, and
    the verdict names the missing document (a pointer sentence is no disclosure, so it yields no change)."""
    missing = "; ".join(
        f"FY{d.fiscal_year or '?'} Item 1C is in {d.incorporation.where}, which was not read"
        for d in unread
        if d.incorporation
    )
    similarity = _measure([], None)
    verdict = significance.Verdict(NOT_COMPARED, "exhibit not read", [missing])
    return Comparison(old, new, similarity, {}, [], [], [], 0.0, verdict)


#: The significance of a comparison where a year's text was not read (see `_not_compared`).
NOT_COMPARED = "not compared"


def rewritten(similarity: Similarity, changed_share: float) -> bool:
    """A large change of the text: under half the words survive a diff (simple < 0.5), or at least half the
    aligned sentences changed, moved, came or went."""
    return similarity.simple < REWRITTEN_SIMPLE or changed_share >= REWRITTEN_SHARE


def extent_of_change(pairs: list[AlignedPair], similarity: Similarity, changed_share: float) -> str | None:
    """What a large change of the text comes to, None for a small one: `substantially expanded` when the earlier
    text is all there but for a few words (a tenth, or ten) and added sentences make at least 30% of the later
    one (a year whose Item 1C gained its risk-management part, or a third more sentences), `substantially
    shortened` the other way round; else, for a change `rewritten` calls large, `substantially reorganised` when
    most words survive (simple >= 0.8) and sentences moved, `substantially revised` when most words survive and
    none moved (many sentences reworded a little: ETSY FY2024, where an unseen filing's reader found
    "reorganised" wrong, nothing having moved), and `substantially rewritten` when most words do not."""
    old_words = new_words = added = removed = 0
    for p in pairs:
        c = p.counts
        old_words += c.old_words
        new_words += c.new_words
        if p.status == "added":
            added += c.new_words
        elif p.status == "removed":
            removed += c.old_words
    if added and removed <= max(old_words * _FEW, _FEW_WORDS) and added >= new_words * _MUCH:
        return significance.EXPANDED
    if removed and added <= max(new_words * _FEW, _FEW_WORDS) and removed >= old_words * _MUCH:
        return significance.SHORTENED
    if not rewritten(similarity, changed_share):
        return None
    if similarity.simple >= REORGANISED_SIMPLE:
        return significance.REORGANISED if any(p.moved for p in pairs) else significance.REVISED
    return significance.REWRITTEN


#: `extent_of_change`'s thresholds: a few words (a share, or a count), the share of the later (earlier) text added
#: (removed), the share of words surviving a reorganisation.
_FEW, _FEW_WORDS, _MUCH, REORGANISED_SIMPLE = 0.1, 10, 0.3, 0.8


def _key_function(*sequences: list[Sentence]) -> Callable[[str], str]:
    """comparison_key of a text, each worked out once (the sentences of both sides already know theirs)."""
    keys = {s.text: s.key for seq in sequences for s in seq}

    def key(text: str) -> str:
        k = keys.get(text)
        if k is None:
            k = keys[text] = comparison_key(text)
        return k

    return key


def _said_by(wording: list[Change], key: Callable[[str], str]) -> set[str]:
    """The keys of the sentences the wording changes touch (a move changes nothing a sentence says)."""
    return {
        key(text or "")
        for c in wording
        if c.kind != "text_moved"
        for text in ((c.old, c.new) if c.kind == "text_changed" else (c.text,))
        if isinstance(text, str) or text is None
    }


def _says(d: Disclosure, facts: dict, wanted: set[str], key: Callable[[str], str]) -> significance.Statements:
    """What the sentences a wording change touches (`wanted`, their keys) state (tracker.diff.significance ranks
    the change by it): facts, and the flags inferred from a sentence."""
    if not wanted:
        return {}
    flags = {f"flag:{e.name}": [_FlagEvidence(e.value, e.evidence)] for e in d.flags.values() if e.evidence}
    return significance.statements({**facts, **flags}, key, value_key, wanted)


def _fullest(bodies: list[str]) -> list[str]:
    """Bodies briefed, each once: not "the audit committee" beside "the audit and finance committee" (one committee,
    named short in one sentence), nor "a committee of the board" beside a committee named."""
    words = [set(b.split()) - {"the"} for b in bodies]
    return [
        b
        for k, b in enumerate(bodies)
        if not (b == "a committee of the board" and len(bodies) > 1)
        and not any(j != k and "committee" in w and words[k] < w for j, w in enumerate(words))
    ]


class _Acknowledged:
    """The most a sentence of a year ("old", "new") says incidents did to the filer (`ACKNOWLEDGED` of
    `incidents_acknowledged`), worked out the first time a change asks (few do: most sentences say nothing of it)."""

    def __init__(self, old: list[Sentence], new: list[Sentence]) -> None:
        self.sides = {"old": old, "new": new}
        self.known: dict[str, int] = {}

    def __call__(self, side: str) -> int:
        if side not in self.known:
            self.known[side] = max(
                (ACKNOWLEDGED[incidents_acknowledged(s.text)] for s in self.sides[side]), default=0
            )
        return self.known[side]


@dataclass
class _FlagEvidence:
    """A flag's value and the sentence it was inferred from, read as what that sentence states."""

    value: object
    evidence: str | None


# --------------------------------------------------------------------------- flags, facts, elements


def flag_changes(old: Disclosure, new: Disclosure, notes: list[str] | None = None) -> list[Change]:
    """Every flag whose value differs.

    Both values known and different: `high` for the materially-affected flag, `medium` for the others.
    Known on one side only (the other side's text says nothing, or the element is missing): still a
    flip, with source `absent` on the silent side; it has the same severity when both years are tagged or
    both untagged (the disclosure stopped, or started, saying it), and `low` when only one year is tagged
    (the silence is then that of the inference, not the filer's). But when only one year is tagged and the
    tagged year's text, read as the untagged one is, does not state it either (AMZN FY2024 tags "no" for the
    materially-affected flag on a sentence that points to Item 1A), the two years differ in their tags alone:
    no change, and `notes` (when given) says so.
    """
    old_flags, new_flags = old.flags, new.flags
    names = list(dict.fromkeys([*old_flags, *new_flags]))
    out = []
    for name in names:
        o, n = old_flags.get(name), new_flags.get(name)
        ov, nv = _flag_value(o), _flag_value(n)
        if ov == nv:
            continue
        severity: Severity
        if (ov is None or nv is None) and old.tagged != new.tagged:
            tagged = new if nv is not None else old
            if _text_silent_on(tagged, name):
                if notes is not None:
                    year = f"FY{tagged.fiscal_year}" if tagged.fiscal_year else "One year"
                    notes.append(
                        f"{year} tags “{spec_for(name).reader_label}” as {_said(ov if nv is None else nv)}, "
                        "which neither text states: a difference of tagging, not of the disclosure"
                    )
                continue
            severity = "low"
        else:
            severity = "high" if name == MATERIAL_FLAG else "medium"
        label = spec_for(name).reader_label
        out.append(
            Change(
                "flag_flipped",
                severity,
                element=name,
                elements=[name],
                old=ov,
                new=nv,
                old_source=_flag_source(o),
                new_source=_flag_source(n),
                evidence=_flag_evidence(o, n),
                summary=f"{label}: {_said(ov)} -> {_said(nv)}",
                why=_flag_why(name, ov, nv, severity),
            )
        )
    return out


def _read_from_statement(flags: list[Change], facts: list[Change]) -> list[Change]:
    """The flags but the materially-affected one where neither year tags it and the statement on material
    incidents it was read from changed (CRUS FY2025 added the statement: a reader found one finding reported, and
    counted, twice): the statement's change says it in its details."""
    statement = next((c for c in facts if c.fact == "material_incident_statement"), None)
    if statement is None:
        return flags
    out = []
    for c in flags:
        if c.element == MATERIAL_FLAG and "tagged" not in (c.old_source, c.new_source):
            statement.details.append(f"the flag read from it: {_said(c.old)} -> {_said(c.new)}")  # type: ignore[arg-type]
            continue
        out.append(c)
    return out


def _text_silent_on(d: Disclosure, flag: str) -> bool:
    """Whether a tagged disclosure's text, read as an untagged year's is (tags aside), states nothing of a flag."""
    from tracker.facts.inference import infer_flag  # (rarely needed: not at every start-up)

    return infer_flag(d, flag) is None


def _said(value: bool | None) -> str:
    return "not stated" if value is None else "yes" if value else "no"


def _flag_why(name: str, old: bool | None, new: bool | None, severity: str) -> str:
    if severity == "low":
        return "one year is tagged and the other's text is silent on it: likely no change in substance"
    if name == MATERIAL_FLAG:
        return "whether cybersecurity threats have materially affected the company changed"
    return f"the answer to Item 106 {spec_for(name).item} changed"


def _flag_value(e: Element | None) -> bool | None:
    return e.value if e is not None and isinstance(e.value, bool) else None


def _flag_source(e: Element | None) -> str:
    return "absent" if e is None or e.value is None else e.source


def _flag_evidence(o: Element | None, n: Element | None) -> dict | None:
    ev = {"old": o.evidence if o else None, "new": n.evidence if n else None}
    return ev if ev["old"] or ev["new"] else None


def element_changes(
    old: Disclosure, new: Disclosure, names: tuple[list[str], list[str]] | None = None
) -> list[Change]:
    """Text elements present on one side only: removed is `high`, added `medium` (`names`: each side's
    `_text_element_names`, when the caller has them).

    Only when both sides are tagged: where a side is untagged its elements are inferred from sub-headings
    and content, so which elements exist is an artefact of inference (a re-cased heading or a glued word
    can move a paragraph), not of the filing.
    """
    if not (old.tagged and new.tagged):
        return []
    old_names, new_names = names or (_text_element_names(old), _text_element_names(new))
    out = [
        Change(
            "element_removed",
            "high",
            element=n,
            elements=[n],
            summary=f"{spec_for(n).reader_label}: no longer tagged",
            why="a whole part of the required disclosure is gone",
        )
        for n in old_names
        if n not in new_names
    ]
    out += [
        Change(
            "element_added",
            "medium",
            element=n,
            elements=[n],
            summary=f"{spec_for(n).reader_label}: newly tagged",
            why="a part of the required disclosure is now tagged",
        )
        for n in new_names
        if n not in old_names
    ]
    return out


#: A letter or a digit: what a text needs for a non-empty comparison key (found without building the key).
_LETTER_OR_DIGIT_RE = re.compile(r"[^\W_]")


def _text_element_names(d: Disclosure) -> list[str]:
    return list(
        dict.fromkeys(
            e.name
            for e in d.text_elements
            if e.name != UNTAGGED_ELEMENT and _LETTER_OR_DIGIT_RE.search(str(e.value))
        )
    )


def _shared_elements(
    old: Disclosure, new: Disclosure, names: tuple[list[str], list[str]] | None = None
) -> list[str]:
    old_names, new_names = names or (_text_element_names(old), _text_element_names(new))
    on_new = set(new_names)
    return [n for n in old_names if n in on_new]


# --------------------------------------------------------------------------- sentences


def sentence_sequence(d: Disclosure) -> list[Sentence]:
    """The unique sentences of a disclosure in document order, each with the elements containing it: as the
    store kept them at ingest when it did (and the texts are still those), else split and tokenised now."""
    return [
        Sentence(k, text, key, tokens, elements)
        for k, (text, key, tokens, elements) in enumerate(sequence_of(d), 1)
    ]


def sequence_of(d: Disclosure) -> list[SequenceSentence]:
    """(text, key, words, elements) of each sentence `sentence_sequence` gives."""
    stored = _stored(d)
    if stored is not None:
        return stored[2]
    return comparison_sentences(d.section_text, d.text_blocks(), UNTAGGED_ELEMENT)


def _stored(d: Disclosure) -> tuple | None:
    """What the store kept of the disclosure for comparisons (`Disclosure.stored_sentences`), while its texts are
    still those it was kept from; else None."""
    stored = d.stored_sentences
    if isinstance(stored, tuple) and stored[0] == d.section_text and stored[1] == d.text_blocks():
        return stored
    return None


def _element_order(*sequences: list[Sentence]) -> list[str]:
    return list(dict.fromkeys(chain.from_iterable(s.elements for seq in sequences for s in seq)))


# --------------------------------------------------------------------------- alignment


def align_sentences(old: list[Sentence], new: list[Sentence]) -> list[AlignedPair]:
    """Align two sentence sequences (exact, split/merge, rewrite, move) into document-ordered pieces."""
    matches: list[tuple[list[int], list[int]]] = []  # (old indexes, new indexes)
    old_free, new_free = set(range(len(old))), set(range(len(new)))
    _match_exact(old, new, old_free, new_free, matches)
    _match_merges(old, new, old_free, new_free, matches)
    exact_count = len(matches)
    _match_rewrites(old, new, old_free, new_free, matches)
    _extend_rewrites(old, new, old_free, new_free, matches[exact_count:])
    loose_from = len(matches)
    _match_loose_merges(old, new, old_free, new_free, matches)
    in_order = _longest_increasing(matches)
    pairs: list[tuple[tuple[float, int], AlignedPair]] = []
    anchor = _anchors(matches, in_order, len(old))
    for m, (oi, nj) in enumerate(matches):
        if m < exact_count and len(oi) == 1 and len(nj) == 1:  # (most: one sentence equal to one, inline)
            a, b = old[oi[0]], new[nj[0]]
            moved = m not in in_order
            counts = EditCounts(len(a.words), len(b.words))
            pair = AlignedPair("moved" if moved else "same", [a], [b], counts=counts, moved=moved)
        else:
            pair = _matched_pair(
                [old[i] for i in oi],
                [new[j] for j in nj],
                rewrite=exact_count <= m < loose_from,  # (the loose merges are the same in form)
                moved=m not in in_order,
            )
        pairs.append(((nj[0] + 1.0, 0), pair))
    for j in sorted(new_free):
        words_n = len(new[j].words)
        pairs.append(
            (
                (j + 1.0, 0),
                AlignedPair("added", [], [new[j]], counts=EditCounts(0, words_n, words_n, 0, words_n)),
            )
        )
    for i in sorted(old_free):
        words_o = len(old[i].words)
        pairs.append(
            (
                (anchor[i] + 0.5, i),
                AlignedPair("removed", [old[i]], [], counts=EditCounts(words_o, 0, 0, words_o, words_o)),
            )
        )
    pairs.sort(key=lambda kp: kp[0])
    return [p for _, p in pairs]


def _match_exact(old, new, old_free, new_free, matches) -> None:
    by_key = {s.key: j for j, s in enumerate(new)}
    for i, s in enumerate(old):
        j = by_key.get(s.key)
        if j is not None and j in new_free:
            matches.append(([i], [j]))
            old_free.discard(i)
            new_free.discard(j)


def _match_merges(old, new, old_free, new_free, matches) -> None:
    """One sentence on a side equal to 2..MAX_MERGE adjacent free sentences on the other."""
    for a, b, a_free, b_free, flip in (
        (old, new, old_free, new_free, False),
        (new, old, new_free, old_free, True),
    ):
        single = {b[j].key: j for j in b_free}
        for j in b_free:  # (a run-in list numbered "(i)", "(ii)": its items set out a line each, unnumbered)
            if (unmarked := unmarked_key(b[j].text)) is not None:
                single.setdefault(unmarked, j)
        starts = {key[:_MERGE_PREFIX] for key in single}  # a merged key starts with its first sentence's
        for i in sorted(a_free):
            if i not in a_free or len(a[i].key) >= _MERGE_PREFIX and a[i].key[:_MERGE_PREFIX] not in starts:
                continue
            joined = a[i].key
            # (runs of 2 .. MAX_MERGE sentences, joined as they grow)
            for x in range(i + 1, min(i + MAX_MERGE, len(a))):
                if x not in a_free:
                    break
                joined += a[x].key
                if len(joined) >= _MERGE_PREFIX and joined[:_MERGE_PREFIX] not in starts:
                    break  # (no single sentence starts as the run does, however long it grows)
                j = single.get(joined)
                if j is not None and j in b_free:
                    run = list(range(i, x + 1))
                    matches.append(([j], run) if flip else (run, [j]))
                    a_free.difference_update(run)
                    b_free.discard(j)
                    break


def _match_loose_merges(old, new, old_free, new_free, matches) -> None:
    """One sentence on a side the same in form as 1..MAX_MERGE adjacent free sentences on the other, where their keys
    differ and their words too far for a rewrite: a list set out as bullets run in and numbered in other words ("Our
    program includes: • a; • b" -> "The Company's programme includes: (1) a; (2) b", a reader's form-only ELMD, was six
    sentences removed and one added); "We store and encrypt the records we hold" -> "The Company stores and encrypts
    the records it holds". Asked only of the sentences no other match took, and only where few are left (a year
    rewritten leaves hundreds, none the same in form: `_LOOSE_PAIRS`); each sentence of a run must have most of its
    words in the one sentence (looked at first)."""
    if not old_free or not new_free or len(old_free) * len(new_free) > _LOOSE_PAIRS:
        return
    stems: dict[tuple[bool, int], set[str]] = {}

    def stems_of(side: bool, seq, k: int) -> set[str]:
        if (side, k) not in stems:
            stems[side, k] = _stems(_content(seq[k]))
        return stems[side, k]

    for a, b, a_free, b_free, flip in (
        (old, new, old_free, new_free, False),
        (new, old, new_free, old_free, True),
    ):
        for j in sorted(b_free):
            size = len(b[j].words)
            if j not in b_free or size < 5:
                continue
            target = stems_of(not flip, b, j)
            for i in sorted(a_free):
                run, total, pieces = [], 0, set()
                for x in range(i, min(i + MAX_MERGE, len(a))):
                    if x not in a_free or total > size * 1.15:
                        break
                    words = stems_of(flip, a, x)
                    if 5 * len(words & target) < 4 * len(words):
                        break  # (most of each piece's words are the one sentence's)
                    run.append(x)
                    total += len(a[x].words)
                    pieces |= words
                    if (
                        (len(run) >= 2 or not flip)  # (one for one is asked once)
                        and abs(total - size) <= size * 0.15
                        and _dice(pieces, target) >= 0.8
                        and _same_in_form(" ".join(a[k].text for k in run), b[j].text)
                    ):
                        matches.append(([j], run) if flip else (run, [j]))
                        a_free.difference_update(run)
                        b_free.discard(j)
                        break
                if j not in b_free:
                    break


#: The most pairs of free sentences (old x new) the loose merges look at.
_LOOSE_PAIRS = 2500


def _stems(words: set[str]) -> set[str]:
    """Words however spelt and inflected (`word_stem`: "stores", "store")."""
    return {word_stem(w) for w in words}


def _same_in_form(a: str, b: str) -> bool:
    """Whether two texts differ in form only (`form_insensitive`), list markers and an article an item gained or lost
    ("• monthly training" -> "(4) a monthly training") aside."""
    ops, _ = word_diff(drop_list_markers(a), drop_list_markers(b))
    return all(
        op == EQUAL or _ARTICLES.issuperset(text.lower().split()) for op, text in form_insensitive(ops)
    )


_ARTICLES = frozenset(("a", "an", "the"))


def _match_rewrites(old, new, old_free, new_free, matches) -> None:
    """Pair free sentences whose word sets are close, best pairs first, via a rare-word index."""
    if not old_free or not new_free:
        return
    new_sets = {j: _content(new[j]) for j in new_free}
    new_sizes = {j: len(ws) for j, ws in new_sets.items()}
    df = Counter(chain.from_iterable(new_sets.values()))
    rare_df = {w: n for w, n in df.items() if n <= MAX_POSTING}  # the words that may look up candidates
    index: dict[str, int] = dict.fromkeys(rare_df, 0)  # word -> bit set of the new sentences holding it
    rare_words = set(index)
    for j, ws in new_sets.items():
        bit = 1 << j
        for w in ws & rare_words:
            index[w] |= bit
    rarity = rare_df.__getitem__
    # Dice >= t needs 2|A & B| >= t (|A| + |B|), and |A & B| <= the smaller size: sizes further apart than
    # this ratio cannot reach the threshold (checked before any intersection)
    ratio = (2 - REWRITE_THRESHOLD) / REWRITE_THRESHOLD
    half = REWRITE_THRESHOLD / 2
    candidates = []
    for i in old_free:
        ws = _content(old[i])
        size = len(ws)
        rare = sorted(sorted(ws & rare_words), key=rarity)[:RARE_WORDS]  # rarest first, ties alphabetical
        once = twice = 0  # new sentences holding one rare word of the old one, and two or more
        for w in rare:
            bits = index[w]
            twice |= once & bits
            once |= bits
        hits = twice if len(rare) >= 4 else once  # a rewrite keeping half its words keeps some rare ones
        low_size, high_size = size / ratio, size * ratio
        while hits:
            low = hits & -hits
            hits ^= low
            j = low.bit_length() - 1
            other_size = new_sizes[j]
            if not low_size <= other_size <= high_size:
                continue  # too unequal in size to reach the threshold: no need to intersect
            shared = len(ws & new_sets[j])
            if shared >= half * (size + other_size):
                candidates.append((-2 * shared / (size + other_size), i, j))
    for _, i, j in sorted(candidates):
        if i in old_free and j in new_free:
            matches.append(([i], [j]))
            old_free.discard(i)
            new_free.discard(j)


def _extend_rewrites(old, new, old_free, new_free, rewrites) -> None:
    """A rewritten sentence that was also split in two (or two sentences joined in one, "A. B." -> "A, and
    b."): the free sentence next to one side of a rewrite joins it when the other side holds most of its
    words and the pair's Dice coefficient grows with it (or the other side holds all of its words). One
    change then shows the whole edit, instead of a rewrite beside an added or removed sentence."""
    for oi, nj in rewrites:
        for side, free, other, grow in ((new, new_free, old, nj), (old, old_free, new, oi)):
            if grow[-1] + 1 not in free and grow[0] - 1 not in free:
                continue  # no free sentence beside it to join (the usual case: its neighbours matched)
            target = set().union(*(_content(other[k]) for k in (oi if grow is nj else nj)))
            while len(grow) < MAX_MERGE:
                pieces = set().union(*(_content(side[k]) for k in grow))
                base = _dice(pieces, target)
                best = None
                for k in (grow[-1] + 1, grow[0] - 1):
                    if k not in free or side[k].text[-1:] not in ".;:," and is_subheading(side[k].text):
                        continue  # (a sub-heading put in before a sentence reworded is no part of it: readers' MSFT)
                    extra = _content(side[k])
                    if (
                        extra
                        and 2 * len(extra & target) >= len(extra)
                        and (_dice(pieces | extra, target) > base or extra <= target)
                    ):
                        best = k
                        break
                if best is None:
                    break
                free.discard(best)
                grow.append(best)
                grow.sort()


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _content(s: Sentence) -> set[str]:
    if s.content is None:
        s.content = set(s.words).difference(_FUNCTION_WORDS)
    return s.content


def _longest_increasing(matches: list[tuple[list[int], list[int]]]) -> set[int]:
    """Indexes (into matches) of a longest run of matches whose new positions rise with old order."""
    order = sorted(range(len(matches)), key=lambda m: matches[m][0][0])
    if all(matches[a][1][0] < matches[b][1][0] for a, b in zip(order, order[1:])):
        return set(order)  # (the usual case: nothing moved, all of them rise; the only longest run)
    tails: list[int] = []  # new position ending the best run of each length
    tail_at: list[int] = []  # match index at that tail
    previous: dict[int, int | None] = {}
    for m in order:
        pos = matches[m][1][0]
        k = bisect.bisect_left(tails, pos)
        previous[m] = tail_at[k - 1] if k else None
        if k == len(tails):
            tails.append(pos)
            tail_at.append(m)
        else:
            tails[k], tail_at[k] = pos, m
    keep: set[int] = set()
    m_opt: int | None = tail_at[-1] if tail_at else None
    while m_opt is not None:
        keep.add(m_opt)
        m_opt = previous[m_opt]
    return keep


def _anchors(matches, in_order: set[int], n_old: int) -> list[float]:
    """For each old index, the new position after which it would stand (last in-order match before it)."""
    new_at = {}
    for m in in_order:
        oi, nj = matches[m]
        for i in oi:
            new_at[i] = nj[-1] + 1
    out, last = [], 0.0
    for i in range(n_old):
        last = new_at.get(i, last)
        out.append(last)
    return out


def _matched_pair(old: list[Sentence], new: list[Sentence], *, rewrite: bool, moved: bool) -> AlignedPair:
    if not rewrite:
        status: Status = "moved" if moved else "same"
        counts = EditCounts(_word_count(old), _word_count(new))
        return AlignedPair(status, old, new, counts=counts, moved=moved)
    pair = AlignedPair("changed", old, new, moved=moved)
    ops, pair.counts = word_diff(pair.old_text, pair.new_text)
    pair.ops = form_insensitive(ops)
    if (
        all(op == EQUAL for op, _ in pair.ops)
        or same_but_list_markers(pair.old_text, pair.new_text)
        or _headings_alike(pair.old_text, pair.new_text)
    ):
        return _matched_pair(old, new, rewrite=False, moved=moved)  # differs in form only
    return pair


def _headings_alike(a: str, b: str) -> bool:
    """Whether two sub-headings say the same but for naming the section's subject and the order of their words
    ("Cybersecurity Governance" -> "Governance", a reader's form-only ELMD: under Item 1C every heading is about
    cybersecurity; "Governance of Cybersecurity", HLI's)."""
    if not (is_subheading(a) and is_subheading(b)):
        return False
    return sorted(_SUBJECT_RE.sub(" ", a.lower()).split()) == sorted(_SUBJECT_RE.sub(" ", b.lower()).split())


#: The section's subject, and the small words, in a heading.
_SUBJECT_RE = re.compile(
    r"(?<!\S)(?:cyber[\s-]?security|cyber|information\s+security|of|and|the|for|&)(?!\S)"
)


def _word_count(sentences: list[Sentence]) -> int:
    return len(sentences[0].words) if len(sentences) == 1 else sum(len(s.words) for s in sentences)


def form_insensitive(ops: list[list]) -> list[list]:
    """Turn a deletion next to an insertion that differ only in form ("hasadopted"/"has adopted",
    quote styles, case, British and American spellings) into equal text, and merge neighbouring equal runs."""
    out: list[list] = []
    voiced: bool | None = None  # (whether the sentence turns from "the Company" to "we", or back: asked once)
    k = 0
    while k < len(ops):
        op, text = ops[k]
        if (
            op != EQUAL
            and k + 1 < len(ops)
            and ops[k + 1][0] == -op
            and (
                _may_share_key(text, ops[k + 1][1])
                and (
                    comparison_key(text) == comparison_key(ops[k + 1][1]) or spelt_alike(text, ops[k + 1][1])
                )
                or _restyled(text, ops[k + 1][1])
                or (voiced := _turns_voice(ops) if voiced is None else voiced)
                and voiced_alike(text, ops[k + 1][1], its=True)
                or _whose_board(ops, k)
            )
        ):
            new_text = ops[k + 1][1] if op == DELETE else text
            op, text, k = EQUAL, new_text, k + 1
        elif op != EQUAL and (not _LETTER_OR_DIGIT_RE.search(text) or list_markers_only(text)):
            # punctuation alone put in or taken out ("and{+ •+} frequent communications": a list's marker) is form, as
            # an inline list's numbers are ("includes:{+ (1)+} quarterly scans;{+ (2)+} annual tests")
            if op == DELETE:
                k += 1
                continue
            op = EQUAL
        if out and out[-1][0] == op == EQUAL:
            out[-1][1] += text
        else:
            out.append([op, text])
        k += 1
    return out


def _restyled(a: str, b: str) -> bool:
    """Whether a deletion and an insertion differ only in how numbers are written ("26", "twenty-six") or "and" is
    ("&"): form."""
    if "&" in a or "&" in b:
        return comparison_key(a.replace("&", " and ")) == comparison_key(b.replace("&", " and "))
    return numbers_alike(a, b)


def _turns_voice(ops: list[list]) -> bool:
    """Whether some deletion next to an insertion of a word diff is the filer naming itself otherwise ("The Group
    recognises ... its" -> "We recognise ... our": `voiced_alike`); or, in a sentence naming the filer "the Company"
    in words both years keep, "we", "us" and "our" for "it" and "its" ("The Company has designed a program to help
    [-us-]{+it+} identify risks relevant to its business", a reader's form-only ELMD)."""
    if names_self(" ".join(text for op, text in ops if op != EQUAL)):
        return any(
            ops[k][0] != EQUAL
            and ops[k + 1][0] == -ops[k][0]
            and (names_self(ops[k][1]) or names_self(ops[k + 1][1]))
            and voiced_alike(ops[k][1], ops[k + 1][1], its=True)
            for k in range(len(ops) - 1)
        )
    if not names_self(" ".join(text for op, text in ops if op == EQUAL)):
        return False  # (most sentences do not name the filer "the Company")
    return any(
        ops[k][0] != EQUAL
        and ops[k + 1][0] == -ops[k][0]
        and _pronoun_swapped(ops[k][1], ops[k + 1][1])
        and voiced_alike(ops[k][1], ops[k + 1][1], its=True)
        for k in range(len(ops) - 1)
    )


def _whose_board(ops: list[list], k: int) -> bool:
    """Whether the deletion and insertion at k are "our" and "its" before "Board" ("the Security Committee of
    [-our-]{+its+} Board of Directors", a reader's form-only AMZN: only the filer has a board here)."""
    a, b = ops[k][1], ops[k + 1][1]
    if len(a) > 5 or len(b) > 5 or {a.strip().lower(), b.strip().lower()} != {"our", "its"}:
        return False  # (looked at first: nearly every edit is some other word)
    return k + 2 < len(ops) and ops[k + 2][0] == EQUAL and ops[k + 2][1].lstrip().lower().startswith("board")


def _pronoun_swapped(a: str, b: str) -> bool:
    """Whether one of two texts says "we", "us" or "our" where the other says "it" or "its"."""
    wa, wb = set(words(a)), set(words(b))
    return bool(wa & _FIRST_PERSON and wb & _THIRD_PERSON or wb & _FIRST_PERSON and wa & _THIRD_PERSON)


_FIRST_PERSON = frozenset(("we", "us", "our"))
_THIRD_PERSON = frozenset(("it", "its"))


def _may_share_key(a: str, b: str) -> bool:
    """False when two texts' comparison keys surely differ, found without building them: in ASCII text a key is
    its letters and numbers in order, lower case, so it starts with the first letter or digit lower-cased (a
    deletion next to an insertion is most often a word for another; only the rest need their keys)."""
    if not (a.isascii() and b.isascii()):
        return True
    first_a, first_b = _LETTER_OR_DIGIT_RE.search(a), _LETTER_OR_DIGIT_RE.search(b)
    if first_a is None or first_b is None:
        return first_a is first_b  # (no letter or digit: an empty key, equal only to another empty one)
    return first_a.group().lower() == first_b.group().lower()


# --------------------------------------------------------------------------- changes from the alignment


def text_changes(pairs: list[AlignedPair], order: list[str]) -> list[Change]:
    """One low-severity change per aligned piece that is not unchanged in place."""
    out = []
    rank = {name: k for k, name in enumerate(order)}
    for p in pairs:
        if p.status == "same":
            continue
        elements = _pair_elements(p, rank)
        element = elements[0]
        if p.status == "changed":
            change = Change(
                "text_changed",
                "low",
                old=p.old_text,
                new=p.new_text,
                ops=p.ops,
                element=element,
                elements=elements,
            )
            if p.moved:
                change.from_position, change.to_position = p.old[0].position, p.new[0].position
        elif p.status == "moved":
            change = Change(
                "text_moved",
                "low",
                text=p.new_text,
                from_position=p.old[0].position,
                to_position=p.new[0].position,
                element=element,
                elements=elements,
            )
        elif p.status == "added":
            change = Change(
                "text_added",
                "low",
                text=p.new_text,
                to_position=p.new[0].position,
                element=element,
                elements=elements,
            )
        else:
            change = Change(
                "text_removed",
                "low",
                text=p.old_text,
                from_position=p.old[0].position,
                element=element,
                elements=elements,
            )
        out.append(change)
    return out


def _pair_elements(p: AlignedPair, rank: dict[str, int]) -> list[str]:
    """The elements a piece touches, in document order (`rank`: element -> position)."""
    names = {*p.elements_on("new"), *p.elements_on("old")}
    if len(names) > 1:
        names.discard(UNTAGGED_ELEMENT)
    return sorted(names, key=rank.__getitem__)


def _sort_key(c: Change, rank: dict[str, int]) -> tuple:
    kind = c.kind
    group = (
        0
        if kind == "flag_flipped"
        else 1
        if kind.startswith("fact_")
        else 2
        if kind.startswith("element_")
        else 3
    )
    if group < 3:
        return (group, *significance.importance(c), CHANGE_KINDS.index(kind), 0.0)
    element = rank.get(c.element, len(rank)) if c.element is not None else len(rank)
    position = c.to_position if c.to_position is not None else (c.from_position or 0) - 0.5
    return (group, element, SEVERITY_RANK[c.severity], 0, 0, float(position))


# --------------------------------------------------------------------------- similarity


@dataclass(slots=True)
class _Piece:
    """What the measures need of one aligned pair, worked out once for all elements."""

    old_elements: frozenset[str]
    new_elements: frozenset[str]
    old_words: list[str]
    """Words of the old side (the new side's when the pair is unchanged or moved: equal but for form)."""
    new_words: list[str]
    counts: EditCounts
    """Edit counts when the element holds both sides."""
    unchanged: bool
    """Equal but for form (in place or moved): the two sides' words are one list."""


def _pieces(pairs: list[AlignedPair]) -> list[_Piece]:
    out: list[_Piece] = []
    append = out.append
    for p in pairs:
        # (a piece's word lists and element sets are only read: one sentence's serve as they are)
        old, new = p.old, p.new
        if len(new) == 1:
            s = new[0]
            nw = s.words
            new_elements = s.element_set or s.in_elements()
        else:
            nw = [w for s in new for w in s.words]
            new_elements = frozenset(e for s in new for e in s.elements)
        if len(old) == 1:
            s = old[0]
            old_elements = s.element_set or s.in_elements()
        else:
            old_elements = frozenset(e for s in old for e in s.elements)
        status = p.status
        if status == "same" or status == "moved":
            n = len(nw)
            append(_Piece(old_elements, new_elements, nw, nw, EditCounts(n, n), True))
        else:
            ow = old[0].words if len(old) == 1 else [w for s in old for w in s.words]
            append(_Piece(old_elements, new_elements, ow, nw, p.counts, False))
    return out


def _measure(pieces: list[_Piece], element: str | None) -> Similarity:
    """Lazy Prices measures over the alignment (of one element when named): word bags for cosine and
    Jaccard (sentences equal but for form count the same words on both sides, and once), and edit counts
    summed over aligned pieces for min_edit and simple (a move costs nothing: order changes are moves)."""
    old_words = new_words = added = deleted = distance = 0
    shared: list[list[str]] = []  # the words of pieces on both sides equal but for form: counted once
    old_only: list[list[str]] = []
    new_only: list[list[str]] = []
    if element is None:  # the whole section: every piece, on both sides
        if all(p.unchanged for p in pieces):
            return IDENTICAL  # (the word lists would be equal)
        for p in pieces:
            c = p.counts
            old_words += c.old_words
            new_words += c.new_words
            if p.unchanged:  # (no edit: nothing added, deleted or apart)
                shared.append(p.new_words)
                continue
            added += c.added
            deleted += c.deleted
            distance += c.distance
            old_only.append(p.old_words)
            new_only.append(p.new_words)
    else:
        for p in pieces:
            in_old = element in p.old_elements
            in_new = element in p.new_elements
            if in_old and in_new:
                c = p.counts
                old_words += c.old_words
                new_words += c.new_words
                if p.unchanged:
                    shared.append(p.new_words)
                    continue
                added += c.added
                deleted += c.deleted
                distance += c.distance
            elif in_old:
                n = len(p.old_words)
                old_words += n
                deleted += n
                distance += n
            elif in_new:
                n = len(p.new_words)
                new_words += n
                added += n
                distance += n
            else:
                continue
            if in_old:
                old_only.append(p.old_words)
            if in_new:
                new_only.append(p.new_words)
    old_bag, new_bag = Counter(chain.from_iterable(old_only)), Counter(chain.from_iterable(new_only))
    if dict.__eq__(old_bag, new_bag) and _words_in_order(pieces, element, "old") == _words_in_order(
        pieces, element, "new"
    ):  # (the same word sequence needs the same words apart from those shared)
        return IDENTICAL
    counts = EditCounts(old_words, new_words, added, deleted, distance)
    return combine_split(Counter(chain.from_iterable(shared)), old_bag, new_bag, counts)


def _words_in_order(pieces: list[_Piece], element: str | None, side: Literal["old", "new"]) -> list[str]:
    """One side's words, piece by piece in order (of one element when named): asked for only when the two
    sides' bags of words are equal (rare: a sentence moved, or words swapped within one)."""
    out: list[str] = []
    for p in pieces:
        if element is None or element in (p.old_elements if side == "old" else p.new_elements):
            out += p.old_words if side == "old" else p.new_words
    return out


def _element_measures(pieces: list[_Piece], names: list[str]) -> dict[str, Similarity]:
    """`_measure` of each element named, in one pass over the pieces: an element whose pieces are all equal
    but for form, and hold it on both sides, has equal word lists, hence the same words (no counting)."""
    wanted = set(names)
    touching: dict[str, list[_Piece]] = {name: [] for name in names}
    plain = dict.fromkeys(names, True)
    for p in pieces:
        if p.old_elements == p.new_elements:  # (the usual case: a sentence that kept its elements)
            for name in p.old_elements:
                if name in wanted:
                    touching[name].append(p)
                    if not p.unchanged:
                        plain[name] = False
            continue
        for name in (p.old_elements | p.new_elements) & wanted:
            touching[name].append(p)
            if not p.unchanged or name not in p.old_elements or name not in p.new_elements:
                plain[name] = False
    return {name: IDENTICAL if plain[name] else _measure(touching[name], name) for name in names}


class _WordCounts:
    """The new side's words counted, over the whole sequence ("") or over the sentences of one element: each
    worked out when `_measures` first asks for it, for this comparison only (most elements hold no changed
    sentence, and are never counted)."""

    def __init__(self, sequence: list[Sentence]) -> None:
        self.sequence = sequence
        self.lists: dict[str, list[list[str]]] | None = None

    def of(self, name: str) -> tuple[int, int, dict[str, int]]:
        """(words, sum of the squared counts, word -> count) of a name."""
        if name == "":
            held = [s.words for s in self.sequence]
        else:
            if self.lists is None:  # (the sentences of every element, in one pass)
                self.lists = {}
                for s in self.sequence:
                    for element in s.in_elements():
                        self.lists.setdefault(element, []).append(s.words)
            held = self.lists.get(name, [])
        bag = Counter(chain.from_iterable(held))
        values = bag.values()
        return sum(values), sum(map(mul, values, values)), bag


@dataclass(slots=True)
class _Tally:
    """What `_measures` gathers for one name (the section, or an element) over the pieces that are not plain."""

    old_plus: list[list[str]] = field(default_factory=list)
    """Words the old side holds for these pieces."""
    held: list[list[str]] = field(default_factory=list)
    """Words the new side's count holds for these pieces (taken off both sides: the count starts with them)."""
    new_plus: list[list[str]] = field(default_factory=list)
    """Words the new side holds for these pieces, where not all `held` (pieces whose sentences sit in different
    elements, or that leave the name on the new side)."""
    new_minus: list[list[str]] = field(default_factory=list)
    """`held` of those pieces."""
    counts: EditCounts = field(default_factory=EditCounts)
    """Edit counts of these pieces, as `_measure` sums them."""
    counted: int = 0
    """Words of these pieces that the new side's count holds (the rest are plain pieces' words)."""
    plain: bool = True
    """Every piece equal but for form, holding the name on both sides."""


def _measures(
    pairs: list[AlignedPair], counts: _WordCounts, names: list[str]
) -> tuple[Similarity, dict[str, Similarity]]:
    """`_measure` of the whole section and `_element_measures` of the elements named, from the new side's word
    counts (`_WordCounts`, of the names that have pieces that are not plain) and the words of those pieces.

    A plain piece (one sentence equal but for form to one, in the same elements) gives both sides its new words:
    together these are the new side's count minus what the other pieces hold, so the other pieces' words alone,
    as signed differences from that count, give the same bags (`combine_counted`) and edit counts. That pays when
    most pieces are plain (the usual year over year); when most are not (a rewritten section, tags moved between
    sentences), counting every piece as `_measure` does costs less, for the same figures."""
    changed = [  # (not plain: one sentence equal but for form to one, in the same elements)
        p
        for p in pairs
        if not (
            (p.status == "same" or p.status == "moved")
            and len(p.old) == 1
            and len(p.new) == 1
            and p.old[0].elements == p.new[0].elements
        )
    ]
    if 4 * len(changed) > len(pairs):
        pieces = _pieces(pairs)
        return _measure(pieces, None), _element_measures(pieces, names)
    section = _Tally()
    section_counts = section.counts
    tallies: dict[str, _Tally] = {}
    wanted = set(names)
    for p in changed:
        old, new = p.old, p.new
        unchanged = p.status == "same" or p.status == "moved"
        nw = new[0].words if len(new) == 1 else [w for s in new for w in s.words]
        ow = nw if unchanged else old[0].words if len(old) == 1 else [w for s in old for w in s.words]
        if not unchanged:  # (the section holds every piece on both sides: an unchanged one is plain to it)
            section.old_plus.append(ow)
            section.held.append(nw)
            section.counted += len(nw)
            section_counts += p.counts
        if not wanted:
            continue
        old_elements, new_elements = p.elements_on("old"), p.elements_on("new")
        for name in (old_elements | new_elements) & wanted:
            tally = tallies.get(name)
            if tally is None:
                tally = tallies[name] = _Tally()
            in_new = name in new_elements
            if not in_new:
                held: list[str] = []
            elif len(new) == 1 or all(name in s.in_elements() for s in new):
                held = nw
            else:
                held = [w for s in new if name in s.in_elements() for w in s.words]
            _tally(tally, p, ow, nw, held, name in old_elements, in_new, unchanged)
    known: dict[tuple, dict[str, int]] = {}
    similarity = IDENTICAL if not section.held else _finish(section, counts.of(""), pairs, None, known)
    return similarity, {
        name: _finish(tallies[name], counts.of(name), pairs, name, known)
        if name in tallies and not tallies[name].plain
        else IDENTICAL
        for name in names
    }


def _tally(
    t: _Tally,
    p: AlignedPair,
    ow: list[str],
    nw: list[str],
    held: list[str],
    in_old: bool,
    in_new: bool,
    unchanged: bool,
) -> None:
    """Add one piece that is not plain to a name's tally (`ow`, `nw`: its old and new words, the new ones for
    both when it is unchanged; `held`: its new words the new side's count holds for the name), as `_measure`
    counts it."""
    if unchanged and in_old and in_new and held is nw:  # equal but for form, on both sides: plain to the name
        return
    t.counted += len(held)
    t.held.append(held)
    if not (in_new and held is nw):  # (else the new side gives the count what it holds: no difference)
        if held:
            t.new_minus.append(held)
        if in_new:
            t.new_plus.append(nw)
    if in_old:
        t.old_plus.append(ow)
    c = t.counts
    if in_old and in_new:
        if unchanged:
            n = len(nw)
            c.old_words += n
            c.new_words += n
            return  # (no edit; plain stays as it is: equal but for form, on both sides)
        c += p.counts
    elif in_old:
        n = len(ow)
        c.old_words += n
        c.deleted += n
        c.distance += n
    else:
        n = len(nw)
        c.new_words += n
        c.added += n
        c.distance += n
    t.plain = False


def _difference(
    plus: list[list[str]], minus: list[list[str]], known: dict[tuple, dict[str, int]]
) -> dict[str, int]:
    """word -> how many more times `plus` holds it than `minus` (signed; words both hold alike left out); worked
    out once per comparison for the same lists (`known`, by their identity: the section and the elements a
    changed sentence sits in usually gather the same pieces)."""
    ident = (*map(id, plus), None, *map(id, minus))
    if ident in known:
        return known[ident]
    more, less = Counter(chain.from_iterable(plus)), Counter(chain.from_iterable(minus))
    words = list(more.keys() | less.keys())
    known[ident] = out = dict(
        filter(
            _NOT_ZERO, zip(words, map(sub, map(more.get, words, repeat(0)), map(less.get, words, repeat(0))))
        )
    )
    return out


#: A (word, difference) item's difference: true when not zero.
_NOT_ZERO = itemgetter(1)


def _finish(
    t: _Tally,
    base: tuple[int, int, dict[str, int]],
    pairs: list[AlignedPair],
    name: str | None,
    known: dict[tuple, dict[str, int]],
) -> Similarity:
    """The measures of one name from its tally and the new side's count for it (`_measures`; `known`: the
    differences worked out for other names of the comparison, by the word lists they were worked out from)."""
    plain_words = base[0] - t.counted  # (the plain pieces' words: on both sides, no edit)
    c = t.counts
    counts = EditCounts(c.old_words + plain_words, c.new_words + plain_words, c.added, c.deleted, c.distance)
    if not plain_words and not t.new_plus and not t.new_minus:
        # every word the count holds is a changed piece's (no plain piece): the new side is the count itself and
        # the old side its pieces' words, counted as they are (`combine_bags`: the same integers)
        whole_old = Counter(chain.from_iterable(t.old_plus))
        if dict.__eq__(whole_old, base[2]) and _same_order(pairs, name):
            return IDENTICAL
        return combine_bags(whole_old, base[2], counts)
    old = _difference(t.old_plus, t.held, known)
    new = _difference(t.new_plus, t.new_minus, known) if t.new_plus or t.new_minus else {}
    if old == new and _same_order(pairs, name):  # (signed counts, zeros left out)
        return IDENTICAL
    return combine_counted(base, old, new, counts)


def _same_order(pairs: list[AlignedPair], name: str | None) -> bool:
    """Whether both sides hold the same words in the same order (of one element when named): asked only when they
    hold the same words (rare: a sentence moved, or words swapped within one)."""
    pieces = _pieces(pairs)
    return _words_in_order(pieces, name, "old") == _words_in_order(pieces, name, "new")


def _changed_share(pairs: list[AlignedPair]) -> float:
    if not pairs:
        return 0.0
    return sum(p.status != "same" for p in pairs) / len(pairs)
