"""Significance: how much each change matters, and the verdict that says what matters.

- Fact, people and flag changes carry the severity and `why` their fact gives them (tracker.facts).
- A wording change is ranked by what its sentence states. The facts its old and new sentence state are
  compared: where they differ, the change takes the severity of that fact's change and says so
  (`touches`, `why`). A sentence that states a fact, a flag or the material-incident statement but whose
  values stay the same is `medium` when its edit changes a number, a negation, a modal or hedging word, or
  the material-incident statement's own words; `low` otherwise.
- A change is *of substance* unless it only rolls dates forward, swaps a word or two of a sentence that
  states nothing, moves a sentence, or adds, removes or rewords a sub-heading (a heading says nothing: the
  statements under it do).

The verdict has two answers: significance (`significant` for a high change, `notable` for a medium one,
`routine` for changes of substance that are low, `no substantive change`), led by the top changes in plain
English; and the extent of rewording (`no wording change`, `minor edits`, `substantially rewritten`, or a large
change that kept most of the text: `substantially expanded`, `shortened`, `reorganised` or `revised`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from tracker.facts.changes import (
    CERTIFIED_RE,
    PURSUING_RE,
    ROLLED_FORWARD,
    calendar_step,
    certified,
    listed,
    outlook_said,
    standard_end,
)
from tracker.facts.extract import value_key
from tracker.facts.governance import FREQUENCIES, HOW_OFTEN, bodies_named, briefed, directors_expertise
from tracker.facts.material import (
    ACKNOWLEDGED,
    UNDETERMINED_RE,
    carve_out,
    hedges,
    incidents_acknowledged,
    past_incident,
    risk_outlook,
)
from tracker.facts.people import leaving_titles, officer_spans
from tracker.facts.program import outsiders_no_longer_engaged, oversees_third_parties, suppliers_own
from tracker.facts.text import found_unless_after
from tracker.facts.titles import ABBREVIATIONS, defined_acronyms, may_name_title, title_key
from tracker.models import (
    MATERIAL_FLAG,
    MATERIAL_TEXT,
    SEVERITY_RANK,
    UNTAGGED_ELEMENT,
    Change,
    Severity,
    spec_for,
)
from tracker.text.headings import is_subheading
from tracker.text.normalize import comparison_key, list_markers_only, once, word_stem

SIGNIFICANT, NOTABLE, ROUTINE, NO_CHANGE = "significant", "notable", "routine", "no substantive change"
#: The significances, most significant first (digests and lists sort by it).
SIGNIFICANCE_ORDER = {level: rank for rank, level in enumerate((SIGNIFICANT, NOTABLE, ROUTINE, NO_CHANGE))}
NO_WORDING_CHANGE, MINOR, REWRITTEN = "no wording change", "minor edits", "substantially rewritten"
#: A large change that kept most of the earlier text and added to it, cut it, moved it about, or reworded many of
#: its sentences a little (see tracker.diff.compare's `extent_of_change`).
EXPANDED, SHORTENED, REORGANISED, REVISED = (
    "substantially expanded",
    "substantially shortened",
    "substantially reorganised",
    "substantially revised",
)
TEXT_KINDS = ("text_changed", "text_added", "text_removed", "text_moved")
_LEVEL = {"high": SIGNIFICANT, "medium": NOTABLE, "low": ROUTINE}

#: Words whose coming or going changes what a sentence says.
_SUBSTANCE_RE = re.compile(
    r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|decades?|not|no|never|none|nor|may|might|could|would|should|must|will|cannot|believe|believes|"
    r"aware|knowledge|expect|intend|plans?(?=\s+to\b)|quarterly|monthly|annually|annual|semi-annual|twice|weekly|regularly|"
    r"periodically|routinely|material|materially|likely|unlikely|all|any|only|each|every)\b",
    re.I,
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_CONTENT_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_FUNCTION = frozenset(
    "the and our their this that these those with from into such also which were have been being "
    "will would could should shall upon over under than then there here its it's".split()
)


@dataclass
class Verdict:
    """What a comparison comes to."""

    significance: str
    """significant, notable, routine or no substantive change."""
    extent: str
    """no wording change, minor edits or substantially rewritten."""
    top: list[str] = field(default_factory=list)
    """The top changes, in plain English, most important first."""

    @property
    def headline(self) -> str:
        """ "Significant: the CISO was replaced; board oversight moved from ... (minor edits)"."""
        lead = self.significance[:1].upper() + self.significance[1:]
        if self.top:
            lead += ": " + "; ".join(self.top)
        return f"{lead} ({self.extent})"

    def to_json(self) -> dict:
        return {
            "significance": self.significance,
            "extent": self.extent,
            "top_changes": list(self.top),
            "headline": self.headline,
        }


# ---- what a sentence states ------------------------------------------------------------------------------------
Statements = dict[str, dict[str, set[str]]]
"""sentence key -> fact -> value keys the sentence states."""


def statements(
    facts: dict[str, list[Any]], key: Any, value_key: Any, wanted: set[str] | None = None
) -> Statements:
    """What each sentence states, from the fact values and their evidence (first sentence and the others); of
    the sentences whose keys are `wanted` only, when given."""
    out: Statements = {}
    for fact, values in facts.items():
        for fv in values:
            value = None  # (the value's key, worked out once for all its sentences)
            also = getattr(fv, "also", None)
            for sentence in [fv.evidence, *also] if also else (fv.evidence,):  # (most have one sentence)
                if sentence:
                    k = key(sentence)
                    if wanted is None or k in wanted:
                        if value is None:
                            value = value_key(fv.value)
                        out.setdefault(k, {}).setdefault(fact, set()).add(value)
    return out


def _sides(change: Change) -> tuple[str, str]:
    """The old and the new text of any wording change ("" for the side a sentence added or removed lacks)."""
    if change.kind == "text_removed":
        return change.text or "", ""
    if change.kind == "text_added":
        return "", change.text or ""
    return _sentences(change)


def _sentences(change: Change) -> tuple[str, str]:
    """The old and the new sentence of a rewording ("" for a side that is not a sentence)."""
    return (
        change.old if isinstance(change.old, str) else "",
        change.new if isinstance(change.new, str) else "",
    )


def _changed_words(change: Change) -> tuple[list[str], list[str]]:
    """(deleted, inserted) text of a change."""
    if change.kind == "text_changed":  # (inline list markers dropped or added are form: `list_markers_only`)
        ops = [(op, t) for op, t in change.ops or [] if not list_markers_only(t)]
        return [t for op, t in ops if op == -1], [t for op, t in ops if op == 1]
    if change.kind == "text_removed":
        return [change.text or ""], []
    if change.kind == "text_added":
        return [], [change.text or ""]
    return [], []


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve "
        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {w: 10 * k for k, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_NUMBER_TOKEN_RE = re.compile(r"\b(?:\d+|" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


_WORD_RUN_RE = re.compile(r"\w+")


def _numbers(text: str) -> list[int]:
    """The numbers of a text, in figures or words, a compound in words as one ("twenty-four": 24), found word by
    word (much faster than `_NUMBER_TOKEN_RE`)."""
    out: list[int] = []
    tens = False  # (the word before was "twenty" ... "ninety": a unit after it adds to it)
    last = ""  # (the word before: "two decades" is 20 years, as "20 years" says)
    for t in _WORD_RUN_RE.findall(text.lower()):
        if t.isdecimal():
            out.append(int(t))
            tens = False
        elif t in ("decade", "decades") and out and (last.isdecimal() or last in _NUMBER_WORDS):
            out[-1] *= 10
            tens = False
        elif t in _NUMBER_WORDS:
            value = _NUMBER_WORDS[t]
            if tens and 0 < value < 10:
                out[-1] += value
                tens = False
            else:
                out.append(value)
                tens = value >= 20
        else:
            tens = False
        last = t
    return out


def _rolled_forward(deleted: list[str], inserted: list[str]) -> bool:
    """Whether the edit only rolls the calendar forward: years ("In 2023" -> "In 2024", "2024, 2023 and 2022" ->
    "2025, 2024 and 2023") or counts of years one more ("for three years" -> "for four years"); by as many years
    as lie between the two years compared (`calendar_step`: FY2023 -> FY2025, "for over 6 years" -> "for over 8
    years")."""
    old, new = " ".join(deleted), " ".join(inserted)
    if not old or not new:  # (no numbers on one side)
        return False
    before, after = _numbers(old), _numbers(new)
    if not before or not after or before == after:
        return False  # (the same numbers written otherwise, "five" -> "5", are no calendar: a reader's edit)
    strip = lambda t: _NUMBER_TOKEN_RE.sub(" ", re.sub(r"[^\w\s]+", " ", t)).split()  # noqa: E731
    if strip(old) != strip(new) and list(map(_tenseless, strip(old))) != list(map(_tenseless, strip(new))):
        return False  # (a verb's tense may roll with the year: "comprises ... 2024" -> "comprised ... 2025")
    moved = [b - a for a, b in zip(before, after)]
    step = calendar_step()
    return (
        len(before) == len(after)
        and all(d in (0, step) for d in moved)
        or set(after) - set(before) <= {max(before) + k for k in range(1, step + 1)}
        and set(before) - set(after) <= {min(before) + k for k in range(step)}
    )


def _tenseless(word: str) -> str:
    """A word without the ending of its tense or person ("comprises", "comprised": "compris"; "is", "was": "be")."""
    w = word.lower()
    if w in _BE_HAVE:
        return _BE_HAVE[w]
    for ending in ("ed", "es", "s", "d"):
        if len(w) > 4 and w.endswith(ending):
            return w[: -len(ending)]
    return w


_BE_HAVE = {"is": "be", "was": "be", "are": "be", "were": "be", "has": "have", "had": "have", "have": "have"}


_SCOPE_WORDS = frozenset(
    "threat threats incident incidents breach breaches attack attacks previous prior future "
    "past period".split()
)


#: Words of scope that say the same: plurals, and "prior" for "previous".
_SINGULAR = {
    "threats": "threat",
    "incidents": "incident",
    "breaches": "breach",
    "attacks": "attack",
    "prior": "previous",
    "past": "previous",
}
#: Words that cover the past as "previous" does ("to date", "historically": "We have experienced cybersecurity incidents
#: in the past, but to date none ..." -> "To date, none of the cybersecurity incidents we have experienced ...", an
#: unseen reader's, read as no longer covering the past).
_PAST_ONLY_RE = re.compile(r"\bpast\b", re.I)
_PREVIOUS_RE = re.compile(r"\b(?:previous|prior)\b", re.I)
_TO_DATE_RE = re.compile(r"\bto\s+date\b|\bhistorically\b|\bthus\s+far\b|\bso\s+far\b", re.I)


def _scope_change(old: str, new: str) -> str | None:
    """What a statement's words of scope (threats or incidents, previous or future) came to, where they differ as
    sets: "now also covers “threats” and “previous”", "no longer covers “future”", "now covers “threats”, not
    “incidents”"; None where they are the same."""
    words = lambda t: {  # noqa: E731
        _SINGULAR.get(w, w) for w in (w.lower() for w in re.findall(r"[A-Za-z]+", t)) if w in _SCOPE_WORDS
    }
    # and what it could affect, as Item 106(b)(2) lists it ("..., including its business strategy, results of
    # operations or financial condition" -> "... our results of operations or financial condition": a reader's bank,
    # "reworded; it says the same")
    # (one in the plural is the same: "financial [-conditions-]{+condition+}", reader 29's restyle of a typo)
    areas = lambda t: {_SPACES_RE.sub(" ", m.group().lower()) for m in _EFFECT_AREAS_RE.finditer(t)}  # noqa: E731
    before, after = words(old) | areas(old), words(new) | areas(new)
    # ("to date" covers the past, where the other side says "in the past": no scope by itself; "previous incidents",
    # Item 106(b)(2)'s words, added beside "To date" is, ELMD FY2025)
    if ("previous" in before) != ("previous" in after):
        said, other = (old, new) if "previous" in before else (new, old)
        if _TO_DATE_RE.search(other) and _PAST_ONLY_RE.search(said) and not _PREVIOUS_RE.search(said):
            before, after = before | {"previous"}, after | {"previous"}
    gone, came = sorted(before - after), sorted(after - before)
    covered = _went_came(gone, came, "now covers {c}, not {g}", "no longer covers {g}", "now also covers {c}")
    # how far back it looks ("in the past three fiscal years" -> "in the past fiscal year": reader 30's next Visa
    # year, "reworded; it says the same")
    back, forth = _look_back(old), _look_back(new)
    if back != forth and back and forth:
        looks = f"now looks back {_years(forth)}, not {_years(back)}"
        return f"{covered}; {looks}" if covered else looks
    return covered


def _look_back(text: str) -> int | None:
    """How many years back a statement looks ("in the past three fiscal years": 3; "during the last fiscal year": 1),
    None where it names no such period."""
    m = _LOOK_BACK_RE.search(text)
    if m is None:
        return None
    count = m.group(1)
    return (
        1 if count is None else _NUMBER_WORDS.get(count.lower()) or (int(count) if count.isdigit() else None)
    )


def _years(n: int) -> str:
    return "one year" if n == 1 else f"{n} years"


#: The period a statement looks back over ("the past three fiscal years", "the last fiscal year", "the prior 3 years").
_LOOK_BACK_RE = re.compile(
    r"\b(?:past|last|prior|preceding|previous)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:fiscal\s+|calendar\s+)?years?\b",
    re.I,
)


#: What the statement on material incidents says cyber risks could affect (Item 106(b)(2)'s list).
_EFFECT_AREAS_RE = re.compile(
    r"\bbusiness\s+strateg(?:y|ies)\b|\bresults\s+of\s+operations?\b|\bfinancial\s+condition(?=s?\b)", re.I
)


def _substantive_tokens(deleted: list[str], inserted: list[str]) -> bool:
    if _rolled_forward(deleted, inserted) or _plural_only(deleted, inserted):
        return False
    return _substance_words(deleted) != _substance_words(inserted)


def _plural_only(deleted: list[str], inserted: list[str]) -> bool:
    """Whether an edit only put words in or out of the plural ("our [-materials-]{+material+} risks", a typo fixed:
    reader 29's restyle, "“material” added in a sentence stating ..." medium)."""
    if (
        "".join(deleted).lower().replace("s", "").split()
        != "".join(inserted).lower().replace("s", "").split()
    ):
        return False  # (the texts differ otherwise than by an "s": nearly every edit)
    was, now = (re.findall(r"\w+", " ".join(texts).lower()) for texts in (deleted, inserted))
    return (
        bool(was)
        and len(was) == len(now)
        and was != now
        and all(
            a == b or len(a) > 3 and len(b) > 3 and a.rstrip("s") == b.rstrip("s") for a, b in zip(was, now)
        )
    )


#: That something cannot be assured, in the words filers use ("there can be no assurance", "we cannot guarantee").
_NO_ASSURANCE_RE = re.compile(
    r"\b(?:(?:there\s+)?(?:can|could|will)\s+be\s+no\s+(?:assurances?|guarantees?)|(?:we\s+)?(?:cannot|can\s*not|can['\u2019]t|"
    r"are\s+unable\s+to)\s+(?:assure|guarantee|ensure|provide\s+(?:any\s+)?(?:assurances?|guarantees?)))\b",
    re.I,
)
#: "At least" in other words ("no less often than", "not less frequently than").
_NO_LESS_RE = re.compile(r"\b(?:no|not)\s+less\s+(?:often|frequently)\s+than\b", re.I)
#: A law named by its year ("the Health Insurance Portability and Accountability Act of 1996"): no number of substance.
_ACT_OF_RE = re.compile(r"\bAct\s+of\s+(?:19|20)\d{2}\b")


def _substance_words(texts: list[str]) -> set[str]:
    """The words of `_SUBSTANCE_RE` in texts, lower case, those that say the same as one (`_SAME_SUBSTANCE`); numbers
    by their values ("24-hour" and "twenty-four hour" alike: a reader found the restyling called substance); words of
    how often by the period they say ("meets [-quarterly-]" -> "{+Every quarter,+} ... meets", "twice yearly" ->
    "semi-annually": an unseen reader's form-only edits, read as “quarterly” become “every”)."""
    words: set[str] = set()
    numbers: set[str] = set()
    for t in texts:
        if any(map(t.lower().__contains__, _HOW_OFTEN_KEYS)):
            periods: set[str] = set()
            t = _HOW_OFTEN_RE.sub(lambda m: _period_word(m, periods), t)
            words |= periods
        if "Act of" in t:
            t = _ACT_OF_RE.sub(" ", t)
        # ("around the clock" and "24 hours a day, seven days a week" say the same: an unseen reader's form-only edit)
        if "clock" in t or "24" in t or "twenty-four" in t:
            t = _ALWAYS_RE.sub(" ", t)
        if "less" in t:  # ("no less often than quarterly" is "at least quarterly": a reader's form-only MSFT)
            t = _NO_LESS_RE.sub(" at least ", t)
        if ("assur" in t or "guarant" in t) and _NO_ASSURANCE_RE.search(t):
            # ("there can be no assurance" / "we cannot assure": reader 39's restyle, "“no” became “cannot”", medium)
            t = _NO_ASSURANCE_RE.sub(" ", t)
            words.add("@no-assurance")
        if "one" in t or "each" in t:
            # ("or one that otherwise impacts ...", "and each receives periodic updates", "each of whom": pronouns,
            # reader 35's restyles, each "“one” added" or "“each” dropped", medium)
            t = _PRONOUN_RE.sub(" ", t)
        found = {w.lower() for w in _SUBSTANCE_RE.findall(t)}
        # (a number of decades is its years, as `_numbers` counts them: "two decades", "20 years")
        if ("decade" in found or "decades" in found) and _COUNTED_DECADES_RE.search(t):
            found -= {"decade", "decades"}
        words |= found
        numbers |= {f"#{n}" for n in _numbers(t)}
        if (
            "II" in t or "IV" in t
        ):  # (a number in roman numerals: "SOC 2 Type [-II-]{+2+}", reader 36's form-only edit)
            numbers |= {f"#{_ROMAN_NUMBERS[r]}" for r in _ROMAN_NUMBER_RE.findall(t)}
    return {_SAME_SUBSTANCE.get(w, w) for w in words if not _is_number(w)} | numbers


def _form_words_dropped(
    change: Change, deleted: list[str], inserted: list[str]
) -> tuple[list[str], list[str]]:
    """An edit's words less those that are form in the sentences they come from, which the edit's words alone do not
    show: the numbers that count the parts either sentence sets out ("include the following areas of focus:" ->
    "Those processes focus on two areas.", reader 32's restyle, was "“two” added", medium); "one" and "each" where
    either sentence uses them as pronouns; the negation of "no assurance" where both sentences say it."""
    sentences = _sentences(change)
    counts = {m.group(1).lower() for t in sentences for m in _PARTS_COUNTED_RE.finditer(t)}
    # (and "one" or "each" standing for a noun, the edit's words alone not showing it: "or {+one +}that otherwise
    # impacts ...", reader 35's restyle, "“one” added")
    counts |= {
        m.group(0).lower() for t in sentences if "one" in t or "each" in t for m in _PRONOUN_RE.finditer(t)
    }
    if all(t and _NO_ASSURANCE_RE.search(t) for t in sentences):
        # (both say it cannot be assured, in other words: "there can be [-no-] guarantee" / "we [+cannot+] guarantee")
        counts |= {"no", "cannot", "not"}
    if not counts:
        return deleted, inserted
    drop = re.compile(r"\b(?:" + "|".join(sorted(counts)) + r")\b", re.I)
    return [drop.sub(" ", t) for t in deleted], [drop.sub(" ", t) for t in inserted]


#: A count of the parts a text sets out ("two areas", "three key pillars", "four components").
_PARTS_COUNTED_RE = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[\w-]+\s+)?(?:areas|pillars|components|elements|"
    r"categories|parts|principles|objectives|phases|domains|stages|steps|ways|tiers)\b",
    re.I,
)
#: "One" and "each" standing for a noun said before ("one that", "each of whom", "each receives").
_PRONOUN_RE = re.compile(
    r"\b(?:one(?=\s+(?:that|which|who)\b)|each(?=\s+(?:of\s+(?:whom|which|them|these|those)|receives|reports|meets|"
    r"provides|has|is|reviews|oversees|briefs)\b))",
    re.I,
)
#: Roman numerals of two letters or more (not "I", which is a word), and their values.
_ROMAN_NUMBERS = {"II": 2, "III": 3, "IV": 4}
_ROMAN_NUMBER_RE = re.compile(r"\b(II|III|IV)\b")
#: Always, in the words filers use ("around the clock", "24 hours a day, seven days a week", "24/7", "24x7").
_ALWAYS_RE = re.compile(
    r"\b(?:24|twenty-four)\s+hours\s+a\s+day,?\s+(?:and\s+)?(?:7|seven)\s+days\s+a\s+week\b|\b24\s*[/x\u00d7]\s*7\b|"
    r"\b(?:a?round|on\s+a)[\s-]the[\s-]clock\b|\bround[\s-]the[\s-]clock\b",
    re.I,
)
#: Decades counted ("two decades", "3 decades"): `_numbers` gives their years.
_COUNTED_DECADES_RE = re.compile(
    r"\b(?:\d+|[a-z]+ty|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten)\s+decades?\b", re.I
)


def _period_word(m: re.Match[str], periods: set[str]) -> str:
    """A match of `_HOW_OFTEN_RE` stating a period ("every quarter", "quarterly", "once a week"), or holding a word of
    substance ("regularly"), as its period, put in `periods` ("@quarterly"), and blanked; one of neither
    ("periodic", "from time to time") left as it is."""
    kind = _how_often_kind(m)
    # ("on a regular basis" says "regularly": an unseen reader's form-only edit, read as "regularly" dropped)
    # ("periodic engagement of" is "we periodically engage": reader 29's restyle, "“periodically” added")
    if (
        kind in _NO_PERIOD
        and not _SUBSTANCE_RE.search(m.group(0))
        and m.group(0).lower() not in ("regular", "periodic")
    ):
        return m.group(0)
    periods.add(f"@{kind}")
    return " "


def _is_number(word: str) -> bool:
    return word.isdecimal() or word in _NUMBER_WORDS


#: Words of `_SUBSTANCE_RE` that say the same ("We [-regularly-]{+routinely+} engage assessors": a reader found it
#: ranked medium, "“regularly” dropped").
_SAME_SUBSTANCE = {
    "periodically": "regularly",
    "routinely": "regularly",
    "annual": "annually",
    "every": "each",
}


def _content_words(texts: list[str]) -> set[str]:
    text = " ".join(texts)  # (no word runs across the space)
    if text.isascii():  # lower-casing first finds the same words, lower-cased, in one pass
        return set(_CONTENT_WORD_RE.findall(text.lower())).difference(_FUNCTION)
    return {w.lower() for w in _CONTENT_WORD_RE.findall(text)} - _FUNCTION


_SUBSTANCE: dict[int, tuple[Change, bool]] = {}


def of_substance(change: Change) -> bool:
    """Whether a change changes what the disclosure says (not only its form, dates or a word or two)."""
    if change.kind in TEXT_KINDS and change.severity != "low":
        return True  # (before the memo: a later rule may have raised a change asked of while low)
    known = _SUBSTANCE.get(id(change))
    if known is not None and known[0] is change and change.kind in TEXT_KINDS:
        return known[1]
    answer = _of_substance(change)
    if change.kind in TEXT_KINDS:
        if len(_SUBSTANCE) > 4096:
            _SUBSTANCE.clear()
        _SUBSTANCE[id(change)] = (change, answer)
    return answer


def _of_substance(change: Change) -> bool:
    if change.kind == "flag_flipped" and change.severity == "low":
        return False  # one year tagged, the other's text silent: the inference's silence, not the filer's
    if change.kind not in TEXT_KINDS:
        return change.change != ROLLED_FORWARD  # (a stated experience a year on: the calendar, not the filer)
    if change.kind == "text_moved" or is_heading_change(change):
        return False
    deleted, inserted = _changed_words(change)
    if _rolled_forward(deleted, inserted):
        return False
    if change.kind in ("text_added", "text_removed"):
        return len(_content_words(deleted + inserted)) >= 4
    # a rewrite: more than a word or two of content swapped, or a substantive word
    changed = _content_words(deleted) ^ _content_words(inserted)
    return len(changed) > 3 or _substantive_tokens(deleted, inserted)


def _plain_why(change: Change) -> str:
    """Why a change of no substance is one: the calendar rolled forward, or wording only."""
    return _ROLLED if _rolled_forward(*_changed_words(change)) else _WORDING_ONLY


def is_heading_change(change: Change) -> bool:
    """Whether a wording change adds, removes or rewords a sub-heading: its sentence sits in no element but the
    section's untagged text (where the untagged reader files a section's sub-headings, and where a tagged filing's
    headings stand, outside its text blocks) and reads as a heading on each side that has it."""
    if change.kind not in ("text_added", "text_removed", "text_changed"):
        return False
    if (change.elements or [change.element or ""]) != [UNTAGGED_ELEMENT]:
        return False
    texts = (change.old, change.new) if change.kind == "text_changed" else (change.text,)
    return all(isinstance(t, str) and is_subheading(t) for t in texts)


# ---- ranking wording changes -----------------------------------------------------------------------------------
_FLAG_WHY = "what the sentence behind the flag says changed"
_HEADING = "a sub-heading: no statement of its own"
_WORDING_ONLY = "wording only"
_ROLLED = "the calendar rolled forward (years, or a count of years one more)"
_WORDING_OF_SUBSTANCE = "wording of substance; no tracked fact changed"


def rank_text_changes(
    changes: list[Change],
    old_says: Statements,
    new_says: Statements,
    key: Any,
    labels: dict[str, str],
    responsible: frozenset[str] = frozenset(),
    acknowledged: Callable[[str], int] | None = None,
) -> None:
    """Give each wording change the severity of what it touches (see the module's docstring); `responsible`: the
    `title_key`s of the titles either year names as responsible (`responsible_keys`); `acknowledged`: the most a
    sentence of the year named ("old", "new") says incidents did to the filer (`ACKNOWLEDGED` of
    `incidents_acknowledged`; asked only of a change whose sentence says some)."""
    fact_changes = _by_trigger([c for c in changes if c.kind.startswith("fact_") or c.kind == "flag_flipped"])
    people = {id(c): _Person.of(c) for c in changes if c.fact == "people"}  # (asked per sentence)
    told_before = functools.cache(lambda: _incident_years(changes))  # (asked only of an incident told of)
    telling: Change | None = None  # (the last sentence added or removed found telling of a past incident)
    for k, change in enumerate(changes):
        if change.kind not in TEXT_KINDS:
            continue
        if change.kind == "text_moved":
            change.why = "moved, not changed"
            continue
        olds = (
            [change.old]
            if change.kind == "text_changed"
            else [change.text]
            if change.kind == "text_removed"
            else []
        )
        news = (
            [change.new]
            if change.kind == "text_changed"
            else [change.text]
            if change.kind == "text_added"
            else []
        )
        before: dict[str, set[str]] = {}
        after: dict[str, set[str]] = {}
        for sentence in olds:
            for fact, values in old_says.get(key(sentence or ""), {}).items():
                before.setdefault(fact, set()).update(values)
        for sentence in news:
            for fact, values in new_says.get(key(sentence or ""), {}).items():
                after.setdefault(fact, set()).update(values)
        _rank(change, before, after, fact_changes, labels, people)
        if change.severity != "high":
            _rank_departure(change, responsible)
        if change.severity == "low":
            _rank_outlook(change)
        if change.severity == "low":
            _rank_incident(change, told_before, telling)
        if change.kind in TEXT_KINDS and not _tells_incident(change):
            _incident_reworded(change, told_before)
        # (a sentence between, added or removed with them, goes on with the run: an unseen reader's "The affected data
        # did not include payment card numbers" between the incident and its cost)
        if _tells_incident(change) or telling is not None and _goes_on(telling, change):
            telling = change
        if change.severity != "high" and acknowledged is not None:
            _rank_acknowledged(change, acknowledged)
        if change.severity != "high" and change.kind in TEXT_KINDS:
            _rank_insurance(change)
        if change.severity == "low":
            _rank_added_or_removed(change, lambda: _near_texts(changes, k))
        if change.severity != "high" and change.kind == "text_changed":
            _rank_stopped(change)
        if change.severity == "low" and change.kind == "text_changed":
            deleted, inserted = _changed_words(change)
            edited = " ".join(deleted + inserted)
            low = edited.lower()
            _rank_words(change, deleted, inserted, low)
            if change.severity == "low" and any(map(low.__contains__, _JUDGING_KEYS)):
                # an officer now judging which incidents go on is a gate, before the officer named ("any confirmed
                # cybersecurity incident" -> "cybersecurity incidents that our CISO determines to be significant":
                # reader 42's, "the sentence now also names the Chief Information Security Officer", medium)
                if (said := _escalation(change)) and _gated(said, "low") == "high":
                    change.severity, change.why = "high", said
            if change.severity == "low":
                _rank_officers(change, edited, low, lambda: _split_off(changes, k))
            if change.severity == "low" and ("Mr" in edited or "Ms" in edited or "Dr" in edited):
                _rank_named(change, deleted, inserted)
            if change.severity == "low" and "chair" in f"{change.old} {change.new}".lower():
                _rank_chair(change)
            if change.severity == "low":
                _rank_scope(change, deleted, inserted)
            if change.severity == "low" and any(map(low.__contains__, _TOLD_OF_KEYS)):
                _rank_told_of(change, deleted, inserted)
            if change.severity == "low":
                _rank_obligation(change, deleted, inserted)
            if change.severity == "low" and "independen" in low:
                _rank_independence(change, deleted, inserted)
            if change.severity == "low" and "type" in f"{change.old} {change.new}".lower():
                _rank_report_type(change)
            if change.severity == "low":
                _rank_role(change, deleted, inserted, low)
            if change.severity == "low":
                _rank_escalation(change)
            if change.severity == "low" and any(map(low.__contains__, _PURSUED_NEEDS)):
                _rank_pursued(change, deleted, inserted)
            if change.severity == "low" and _holds_number(low):  # (most edits change no number)
                _rank_number(change, deleted, inserted)
    _rank_escalation_rewritten(changes)


def responsible_keys(*facts: dict[str, list[Any]]) -> frozenset[str]:
    """The `title_key`s of the titles named as responsible in any of the facts given (each year's)."""
    return frozenset(title_key(fv.value) for f in facts for fv in f.get("responsible_titles", ()))


def _by_trigger(fact_changes: list[Change]) -> dict[str, list[tuple[int, Change]]]:
    """Each fact (or `flag:Name`) a wording change may touch -> the fact changes (numbered in order) it relates the
    wording change to: a change of that fact; a flag's flip; the strength of a material-incident statement for
    the statement; a people change for responsible titles, people or people (built once, not per wording
    change: a rewritten section has hundreds of each)."""
    out: dict[str, list[tuple[int, Change]]] = {}
    for k, c in enumerate(fact_changes):
        for t in _triggers(c):
            out.setdefault(t, []).append((k, c))
    return out


def _restates(change: Change, accounted: set[str]) -> bool:
    """Whether a wording change is the wording of a flag, fact or people change (`accounted`: every fact, and
    `flag:Name`, whose wording the flag, fact and people changes account for): it states one of the facts that change
    changed, and carries its severity."""
    return change.kind in TEXT_KINDS and not accounted.isdisjoint(change.touches or ())


def _wording_of_facts(changes: list[Change]) -> set[int]:
    """The ids of the wording changes that are the wording of a flag, fact or people change (`_restates`), but for a
    sentence ranked higher than every such change behind it, which is a matter of its own ("Following the departure of
    our CSO ..., our Deputy Chief Security Officer has served as interim CSO", high, behind "now responsible: the
    Interim Chief Security Officer", medium: reader 27's MA edit, whose departure the verdict left out)."""
    # (fact -> the most severe rank of the changes accounting for it; its keys are the facts accounted for)
    most: dict[str, int] = {}
    for f in changes:
        if f.kind not in TEXT_KINDS:
            for t in _triggers(f):
                most[t] = min(most.get(t, 9), SEVERITY_RANK[f.severity])
    accounted = set(most)
    return {
        id(c)
        for c in changes
        if _restates(c, accounted)
        and not all(SEVERITY_RANK[c.severity] < most[t] for t in c.touches or () if t in most)
    }


def restated(changes: list[Change]) -> int:
    """How many of the changes are the wording of another: counted beside the severities, so that "4 high" is not
    read as four matters where one fact change and the three sentences behind it are."""
    return len(_wording_of_facts(changes))


def counted(changes: list[Change]) -> dict[str, int]:
    """Changes by severity, each once: a sentence behind a flag, fact or people change (`restated`) is that change's
    wording, not another matter (three independent readers took "4 high" for four matters where PANW FY2025 has one
    high people change and three sentences that carry it)."""
    wording = _wording_of_facts(changes)
    out = {"high": 0, "medium": 0, "low": 0}
    for c in changes:
        if id(c) not in wording:
            out[c.severity] += 1
    return out


def restated_note(restated: int) -> str:
    """What the counts (`counted`) leave out: " (not counting the 3 sentences that carry a flag, fact or people
    change)", or "" when none is left out."""
    if not restated:
        return ""
    what = "the sentence that carries" if restated == 1 else f"the {restated} sentences that carry"
    return f" (not counting {what} a flag, fact or people change)"


def _triggers(c: Change) -> set[str]:
    """The facts (and `flag:Name`) whose wording a fact change (or a flag's flip) accounts for (see `_by_trigger`)."""
    triggers = {c.fact} if c.fact is not None else set()
    if c.kind == "flag_flipped":
        triggers.add(f"flag:{c.element}")
    if c.fact == "material_incident_strength":
        triggers.add("material_incident_statement")
    if c.fact == "people":  # (and the facts whose changes it stands for: a new CISO's years, certifications)
        triggers |= {"responsible_titles", "responsible_people", "people", *c.touches}
    return triggers


def _person_keys(c: Change) -> set[str]:
    """The value keys of the person a people change is about, as each year states them: a sentence naming another
    person (the officer the CIO reports to) is not this change's wording."""
    return {value_key(v) for v in (c.old, c.new, c.value) if isinstance(v, dict)}


#: The facts a sentence may state of one person, whose values name them (a title, a holder, a name).
_PERSONAL = ("responsible_titles", "experience_years", "responsible_people", "reports_to")
#: The titles and the name a person's value key holds ("titles=[chiefinformationsecurityofficer]", "name=janeroe").
_KEY_WHO_RE = re.compile(r"titles=\[([^\]]*)\]|name=([a-z0-9]+)")


class _Person(NamedTuple):
    """What `_rank` asks of a people change, worked out once per comparison."""

    keys: set[str]
    """`_person_keys`."""
    who: set[str]
    """`_who` of the keys."""

    @classmethod
    def of(cls, change: Change) -> _Person:
        keys = _person_keys(change)
        return cls(keys, _who(keys))


def _who(keys: set[str]) -> set[str]:
    """The titles and names a person's value keys hold (`_KEY_WHO_RE`)."""
    return {
        w
        for key in keys
        for titles, name in _KEY_WHO_RE.findall(key)
        for w in (titles.split(",") if titles else [name])
        if w and w != "none"
    }


def _of_person(before: dict[str, set[str]], after: dict[str, set[str]], who: set[str]) -> bool:
    """Whether a sentence that names no person (`people`) states something of the person a people change is about
    (`who`: their titles and name, `_who`): a title, a holder of years, or a name of theirs among the values it
    states of `_PERSONAL` facts; or states none of those (the change stands for facts the sentence states:
    `touches`). An unseen filing's reader (ELF FY2025): the Director's years of experience were tagged with the
    external CISO's change."""
    values = [v for f in _PERSONAL for side in (before, after) for v in side.get(f, ())]
    return not values or any(w in v for w in who for v in values)


def _edit_words(change: Change) -> list[str] | None:
    """The words of a rewording's edit that may name a person (numbers, and words of three letters or more but function
    words); None for an added or removed sentence, which is all edit."""
    if change.kind != "text_changed":
        return None
    deleted, inserted = _changed_words(change)
    return [
        w
        for w in _WORD_RUN_RE.findall(" ".join(deleted + inserted).lower())
        if w.isdecimal() or len(w) > 2 and w not in _FUNCTION
    ]


def _edits_person(edit: list[str] | None, people: set[str]) -> bool:
    """Whether a wording change's edit (`_edit_words`) says something of the people its sentence names (`people`: their
    value keys, which hold their names, titles, years and credentials): a sentence naming the CISO whose only edit is
    "quarterly" -> "semi-annually" (an unseen reader: ranked high, "the person responsible changed", for a new CISO told
    of in another sentence) is about the briefing, not the person. The keys' field names are no words of theirs: "a
    year" is not the "years" of "years=#18#" (a reader: "periodically" -> "at least twice a year" in a sentence naming
    the CIO read as the new CISO's change)."""
    if edit is None:
        return True
    values = [_FIELD_NAME_RE.sub(" ", key) for key in people]
    return any(w in v for w in edit for v in values)


#: A field's name in a `value_key` ("years=", "tenure_start=").
_FIELD_NAME_RE = re.compile(r"[a-z_]+=")


def _of_values(c: Change, before: dict[str, set[str]], after: dict[str, set[str]]) -> bool:
    """Whether a fact change of the responsible titles is about a title the sentence states (either year's): a
    sentence naming another title of those responsible is not its wording (a reader's "Product Security Council,
    chaired by our Vice President, Product Security" carried the CISO's retitling). Other facts: True."""
    if c.fact != "responsible_titles":
        return True
    stated = before.get(c.fact, set()) | after.get(c.fact, set())
    keys = {value_key(v) for v in (c.old, c.new, c.value) if isinstance(v, str)}
    return not keys or not keys.isdisjoint(stated)


def _rank(
    change: Change,
    before: dict[str, set[str]],
    after: dict[str, set[str]],
    fact_changes: dict[str, list[tuple[int, Change]]],
    labels: dict[str, str],
    people: dict[int, _Person],
) -> None:
    """Rank one wording change by the facts its sentences state (`people`: each people change's keys and who)."""
    if not before and not after:  # the sentence states nothing tracked (the usual case)
        if is_heading_change(change):
            change.why = _HEADING
        elif change.kind == "text_changed" and (clean := _clean_result_said(change)):
            change.severity, change.why = "medium", clean
        elif change.kind == "text_changed" and (
            outside := _outside_work_edit(change, *_changed_words(change))
        ):
            change.severity, change.why = "medium", outside
        elif change.kind == "text_changed" and (judge := _materiality_judge_changed(change)):
            change.severity, change.why = "medium", judge
        elif how_often := _how_often_changed(change):
            # (low where a word of frequency came or went: a reader wants it said, not ranked as a fact change;
            # medium where one period became another: "tabletop exercises [-semi-annually-]{+annually+}", two readers)
            change.severity, change.why = how_often
        else:
            change.why = _WORDING_OF_SUBSTANCE if of_substance(change) else _plain_why(change)
        return
    touched = sorted(f for f in set(before) | set(after) if before.get(f, set()) != after.get(f, set()))
    named = before.get("people", set()) | after.get("people", set())
    edit = _edit_words(change) if named or "responsible_people" in touched else None
    if "people" in touched and not _edits_person(edit, named):
        touched.remove("people")  # (the person named changed elsewhere; this edit says nothing of them)
    if (
        "responsible_people" in touched
        and not _edits_person(
            edit, before.get("responsible_people", set()) | after.get("responsible_people", set())
        )
    ):  # (a name the sentence is evidence of, not one it holds: "a semi-annual report from our CSO" -> "an annual")
        touched.remove("responsible_people")
    stated = sorted(set(before) | set(after))
    if touched:
        related = [
            c
            for _, c in sorted({k: c for f in touched for k, c in fact_changes.get(f, [])}.items())
            if (
                c.fact != "people"
                and _of_values(c, before, after)
                or c.fact == "people"
                and (
                    not named.isdisjoint(keys := people[id(c)].keys)
                    or edit is not None
                    and _edits_person(edit, keys)
                    if named
                    else _of_person(before, after, people[id(c)].who)
                )
            )
        ]
        if related:
            top = min(related, key=lambda c: SEVERITY_RANK[c.severity])
            change.severity = top.severity
            change.touches = touched
            change.why = top.why or f"changes what the disclosure says about {_label(touched[0], labels)}"
            how = _how_often_changed(change)
            if how is not None and how[0] == "medium" and "briefing_frequency" not in touched:
                # (one period for another beside the fact: "penetration tests [-annually-]{+every two years+}[-
                # against the NIST CSF-]", a reader's 20-F, said only that the frameworks changed)
                _also(change, how[1])
            if change.kind == "text_changed" and "frameworks" in touched:
                # (one version for another beside a framework added: "NIST CSF [-version 1.1-]{+version 2.0+}, and ...
                # certified to ISO/IEC 27001", an unseen reader's, said only the framework added)
                gone, came = _gone_came(_VERSION_RE, *_changed_words(change))
                said = _went_came(
                    gone, came, "the version of a framework named changed: {g} became {c}", "", ""
                )
                if gone and came and said:
                    _also(change, said)
            if change.kind == "text_changed" and (escalated := _escalation(change, who=False)):
                # (an escalation told later in a sentence that also names the new CISO: an unseen reader's 20-F, its
                # "within 24 hours" -> "at the Committee's next scheduled meeting" hidden under the person replaced)
                _also(change, escalated)
                change.severity = _gated(escalated, change.severity)
            return
        if here := _named_here(change, touched, before, after):
            change.severity = "medium"
            change.touches = touched
            # (who is briefed at a period both years state, where the body is what the edit dropped or named: "At
            # least once each year, the Board [-Operational Risk Committee -]discusses ...", reader 24's LC edit,
            # said only that the committee is no longer named)
            told = _told_another(change, before, after) if change.kind == "text_changed" else None
            change.why = told or here
            how = _how_often_changed(change)
            if how is not None and how[0] == "medium":
                # (a period changed beside the body named: "a [-quarterly-]{+regular+} summary ... {+as well as our
                # Audit Committee+}", an unseen reader's U edit, said only that the committee is named)
                _also(change, how[1])
            return
    if not stated:
        change.why = _WORDING_OF_SUBSTANCE if of_substance(change) else _plain_why(change)
        return
    deleted, inserted = _changed_words(change)
    change.touches = touched or []
    what = listed(_at_most(list(dict.fromkeys(_label(f, labels) for f in stated)), 3))
    if (
        change.kind == "text_changed"
        and "briefing_frequency" in stated
        and (told := _told_another(change, before, after))
    ):
        change.severity = "medium"
        change.why = told
        return
    if (
        change.kind == "text_changed"
        and "briefing_frequency" in stated
        and (briefer := _briefer_changed(change))
    ):
        change.severity, change.why = "medium", briefer
        return
    if change.kind == "text_changed" and "board_oversight" in stated:
        # (who incidents are escalated to, said in a sentence of oversight: "escalated ... to the Chair of the Audit
        # Committee, who determines whether to convene the full Board" -> "... to the Cybersecurity Committee, which
        # determines whether ... to inform the Board" is the committee cut out, not the board's direct oversight)
        _rank_escalation(change)
        if change.severity == "medium":
            return
    if change.kind == "text_changed" and "board_oversight" in stated and (direct := _directly(change)):
        change.severity, change.why = "medium", direct
        return
    if (
        change.kind == "text_changed"
        and "board_oversight" in stated
        and (narrowed := _oversight_narrowed(change))
    ):
        change.severity, change.why = "medium", narrowed
        return
    how = _how_often_changed(change)
    if how is not None and how[0] == "medium":  # (one period for another, in a sentence stating a fact too)
        change.severity, change.why = how
        return
    if "material_incident_statement" in stated and change.kind == "text_changed":
        # what the statement says (none or affected, and how firmly) is read apart: a reworded statement that
        # says the same is low, one whose scope changed (threats or incidents, past or future) is medium
        old_text, new_text = _sentences(change)
        # an exception made of an incident the section says was not material ("Other than the third-party incident
        # described above, we do not believe ...": reader 30's next KO year, "now also covers “incident”")
        excepted = carve_out(new_text, denied=True) if not carve_out(old_text, denied=True) else None
        if outlook := outlook_said(old_text, new_text):
            # the forward-looking half of Item 106(b)(2) dropped, the rest said alike, is high (a reader found it
            # "reworded; it says the same"); said anew, medium
            change.severity = "medium" if outlook.startswith("now") else "high"
            change.why = f"the statement on material incidents {outlook}"
            if excepted:
                _also(change, "it now excepts an incident the section says was not material")
        elif excepted:
            change.severity = "medium"
            change.why = (
                f"the statement on material incidents now excepts an incident (\u201c{excepted}\u201d), which the "
                "section says was not material"
            )
        elif scope := _scope_change(old_text, new_text):
            change.severity = "medium"
            change.why = f"the statement on material incidents {scope}"
        elif hedged := _hedge_changed(old_text, new_text):
            change.severity, change.why = "medium", hedged
        else:
            change.why = "the statement on material incidents was reworded; it says the same"
    elif (
        change.kind == "text_changed"
        and "frameworks" in stated
        and (version := _version_edit(deleted, inserted))
    ):
        change.severity, change.why = version
    elif change.kind == "text_changed" and "frameworks" in stated and (soc := _report_type(change)):
        change.severity, change.why = "medium", soc
    elif change.kind == "text_changed" and "frameworks" in stated and (held := _certification_said(change)):
        change.severity, change.why = "medium", held
    elif change.kind == "text_changed" and (obliged := _obligation(deleted, inserted)):
        change.severity, change.why = "medium", obliged
    elif change.kind == "text_changed" and (
        timing := _escalation(change) or _timing_said(change, deleted, inserted)
    ):
        change.severity, change.why = _gated(timing, "medium"), timing
        if (how := _how_often_changed(change)) is not None:  # ("{+and annually thereafter+}" beside it)
            _also(change, how[1])
        if figures := _figures_changed(change):
            # (a figure beside the time: "self-assessment score of [-110-]{+104+} ... within 180 days", reader 28's
            # contractor, said only "“within 180 days” added")
            _also(change, figures)
    elif change.kind == "text_changed" and (outside := _outside_work_edit(change, deleted, inserted)):
        change.severity, change.why = "medium", outside
    elif (
        change.kind == "text_changed"
        # (what `_form_words_dropped` leaves out can only make an edit of substance one of form: asked second)
        and _substantive_tokens(deleted, inserted)
        and _substantive_tokens(*_form_words_dropped(change, deleted, inserted))
    ):
        change.severity = "medium"
        change.why = f"{_substance_edit(deleted, inserted)} in a sentence stating {what}"
        _rank_escalation(change)  # (what its words say of incidents told of: BOOT FY2025's "may")
    elif change.kind == "text_changed" and _rolled_forward(deleted, inserted):
        change.why = f"the calendar rolled forward in a sentence stating {what}"
    elif change.kind == "text_changed" and of_substance(change):
        change.why = f"reworded in substance; what the sentence states ({what}) did not change"
    elif change.kind == "text_changed":
        change.why = f"rewording of a sentence stating {what}; nothing of substance changed"
    else:
        change.why = f"what it stated ({what}) is still stated elsewhere"


#: How often something is done, by the words that say it ("regularly" and "periodically" say the same), one
#: named group each, found in one pass.
_HOW_OFTEN_RE = re.compile(
    r"\b(?:(?P<times>(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+times\s+(?:a|per|each|"
    r"every)\s+(?:calendar\s+|fiscal\s+)?year)|"
    r"(?P<biennial>(?:every|each)\s+(?:two\s+years|2\s+years|other\s+year)|biennial(?:ly)?)|"
    r"(?P<triennial>(?:every|each)\s+(?:three|3)\s+years|triennial(?:ly)?)|"
    r"(?P<semi_annual>semi-?annual(?:ly)?|bi-?annual(?:ly)?|twice\s+(?:(?:a|per|each)\s+year|yearly|annually)|"
    r"every\s+(?:six|6)\s+months|half[\s-]yearly)|"
    r"(?P<quarterly_>every\s+(?:three|3)\s+months)|"
    r"(?P<annual>annual(?:ly)?|yearly|(?:each|every|once\s+a)\s+year)|"
    r"(?P<quarterly>quarterly|(?:each|every|once\s+a|per)\s+quarter)|"
    r"(?P<monthly>monthly|(?:each|every|once\s+a|per)\s+month)|"
    r"(?P<weekly>weekly|(?:each|every|once\s+a|per)\s+week)|"
    r"(?P<daily>daily|(?:each|every|once\s+a|per)\s+day)|"
    # ("at its next regularly scheduled meeting" is when, not how often: a meeting's, as tracker.facts reads it)
    r"(?P<regular>regular(?:ly)?(?!\s+scheduled)|periodic(?:ally)?|routine(?:ly)?|continuous(?:ly)?|ongoing)|"
    r"(?P<occasional>from\s+time\s+to\s+time|occasional(?:ly)?))\b",
    re.I,
)


#: The end of the `why` of a reworded sentence whose frequencies changed (the verdict names such changes).
_HOW_OFTEN_WHY = ": how often something is done changed"


#: Words that count or pick the times of a period, the edit's only words of frequency where the period itself is
#: unchanged ("[-each-]{+every other+} year", "[-once-]{+twice+} a year"); and the periods they need beside them.
_HOW_OFTEN_COUNTS = ("each", "every", "once", "twice", "times")
_PERIODS = ("year", "month", "quarter", "week", "day")
#: A part of every word `_HOW_OFTEN_RE` finds (looked for first).
_HOW_OFTEN_KEYS = (
    "annual",
    "ennial",
    "year",
    "quarter",
    "month",
    "week",
    "day",
    "daily",
    "regular",
    "periodic",
    "routine",
    "continu",
    "ongoing",
    "time",
    "occasional",
)


def _how_often_counted(text: str) -> tuple[dict[str, str], Counter[str]]:
    """Each frequency a text says -> the first words that say it ("annual" -> "annually"), and how many times it says
    each (by `_HOW_OFTEN_RE`'s group), in one pass."""
    first: dict[str, str] = {}
    counted: Counter[str] = Counter()
    low = text.lower()
    if any(map(low.__contains__, _HOW_OFTEN_KEYS)):
        for m in _HOW_OFTEN_RE.finditer(text):
            kind = _how_often_kind(m)
            first.setdefault(kind, m.group(0).lower())
            counted[kind] += 1
    return first, counted


def _how_often_kind(m: re.Match[str]) -> str:
    """The period a match of `_HOW_OFTEN_RE` says ("quarterly"; "six times a year" by its count, "four times a year"
    being quarterly)."""
    kind = m.lastgroup or ""
    if kind == "times":
        n = _numbers(m.group(0))[0]
        return _TIMES_A_YEAR.get(n, f"{n} times a year")
    return kind.rstrip("_")  # ("quarterly_": "every three months")


def _how_often_changed(change: Change) -> tuple[Severity, str] | None:
    """(severity, why) of a reworded sentence whose words of how often something is done changed ("regular risk
    assessments and annual penetration tests" -> "... and penetration tests": a commitment dropped, low; one period
    for another, medium, saying "(less often)" or "(more often)"), None where the frequencies it says are the
    same."""
    if change.kind != "text_changed":
        return None
    deleted, inserted = (" ".join(words).lower() for words in _changed_words(change))
    old, new = _sentences(change)
    if not any(map(f"{deleted} {inserted}".__contains__, _HOW_OFTEN_KEYS)) and not (
        any(map(deleted.__contains__, _HOW_OFTEN_COUNTS))
        and any(map(inserted.__contains__, _HOW_OFTEN_COUNTS))
        and any(map(f"{old} {new}".lower().__contains__, _PERIODS))
    ):
        return None  # (a frequency that changed has a word of frequency among the words that did: most have none)
    if _stopped(change):
        return None  # (what is done how often is said to be done no longer: `_rank_stopped`, not a period changed)
    (before, counted_before), (after, counted_after) = _how_often_counted(old), _how_often_counted(new)
    if counted_before == counted_after:
        return None
    # (counted: "penetration tests annually, and tabletop exercises [-semi-]annually" is one period for another)
    gone_kinds, came_kinds = sorted(counted_before - counted_after), sorted(counted_after - counted_before)
    gone = [before[k] for k in gone_kinds]
    came = [after[k] for k in came_kinds]
    edit = _went_came(gone, came, "{g} became {c}", "{g} dropped", "{c} added")
    was = [n for n in map(_per_year, gone_kinds) if n]
    now = [n for n in map(_per_year, came_kinds) if n]
    if not edit:
        return None
    if len(was) == 1 and not now and came_kinds and all(k in _NO_PERIOD for k in came_kinds):
        # ("tabletop exercises at least twice a year" -> "periodically": a reader's retailer, low)
        return "medium", f"{edit}{_HOW_OFTEN_WHY} (no longer a stated period)"
    if len(now) == 1 and not was and gone_kinds and all(k in _NO_PERIOD for k in gone_kinds):
        return "medium", f"{edit}{_HOW_OFTEN_WHY} (now a stated period)"
    if len(was) != 1 or len(now) != 1:
        return "low", f"{edit}{_HOW_OFTEN_WHY}"
    return "medium", f"{edit}{_HOW_OFTEN_WHY} ({'less' if now[0] < was[0] else 'more'} often)"


#: Times a year of each period `_HOW_OFTEN_RE` names.
_PER_YEAR: dict[str, float] = {
    "daily": 365,
    "weekly": 52,
    "monthly": 12,
    "quarterly": 4,
    "semi_annual": 2,
    "annual": 1,
    "biennial": 1 / 2,
    "triennial": 1 / 3,
}
#: Words of frequency that state no period ("regularly", "from time to time").
_NO_PERIOD = ("regular", "occasional")
#: The periods a count of times a year is ("twice a year" is semi-annual).
_TIMES_A_YEAR = {1: "annual", 2: "semi_annual", 4: "quarterly", 12: "monthly"}


def _per_year(kind: str) -> float | None:
    """Times a year of a kind `_how_often_counted` gives ("quarterly", "6 times a year"); None for one that is no
    period ("regular")."""
    if kind in _PER_YEAR:
        return _PER_YEAR[kind]
    return int(kind.split()[0]) if kind.endswith(" times a year") else None


#: Facts of who does what: a reworded sentence that stops or starts naming one says something else, even where
#: the fact, stated elsewhere too, holds.
_WHO_FACTS = ("management_committees", "board_oversight")


def _named_here(
    change: Change, touched: list[str], before: dict[str, set[str]], after: dict[str, set[str]]
) -> str | None:
    """What a reworded sentence whose own committees or councils changed (the facts, stated elsewhere too, held)
    says of them: "the sentence no longer names the cybersecurity oversight council (still named elsewhere)"."""
    if change.kind != "text_changed" or not any(f in _WHO_FACTS for f in touched):
        return None
    old_text, new_text = _sentences(change)
    old, new = bodies_named(old_text), bodies_named(new_text)
    if old is None or new is None:
        return None  # ("the Committee" -> "the audit committee": a defined name spelt out)
    the = lambda names: [f"the {n}" for n in sorted(names)]  # noqa: E731
    # (a name both sentences hold, read in one only: "informs the Chair of the Audit Committee ..." is no committee
    # acting, "{+at the Audit Committee's next meeting+}" is; a reader's biotech had the committee "now named"; but
    # not inside a longer name that came: the "Operational Risk Committee" of the "Management Operational Risk
    # Committee", reader 32's)
    gone = [n for n in old - new if not _still_named(n, new_text, new - old)]
    came = [n for n in new - old if not _still_named(n, old_text, old - new)]
    was_board, is_board = before.get("board_oversight", set()), after.get("board_oversight", set())
    boards = [n for n in gone if value_key(n) in was_board - is_board]
    if boards and came and not any(value_key(n) in is_board for n in came):
        # ("reported to the [-Board-]{+Management+} Operational Risk Committee": told to management's, not the board's)
        return _went_came(
            sorted(boards),
            the(came),
            "the sentence now names {c} where it named the board's {g}: what it tells now goes to a committee of "
            "management, not the board's",
            "",
            "",
            quote=False,
        )
    return _went_came(
        the(gone),
        the(came),
        "the sentence now names {c} where it named {g} (each still named elsewhere)",
        "the sentence no longer names {g} (still named elsewhere)",
        "the sentence now names {c} (also named elsewhere)",
        quote=False,
    )


def _still_named(name: str, text: str, longer: set[str]) -> bool:
    """Whether a body's name (lower case) is in a sentence outside the longer names `longer` holding it."""
    low = text.lower()
    for other in longer:
        if name in other:
            low = low.replace(other, " ")
    return name in low


def _names(sentence: str, body: str) -> bool:
    """Whether a sentence names a body `briefed` gave ("the audit committee"): both sentences naming both bodies told
    ("presented to the Board and the Audit Committee on an annual basis" -> "presented annually to the Board and the
    Audit Committee", an unseen reader's form-only edit) is the same briefing, its words reordered."""
    name = body.removeprefix("the ")
    return re.search(r"\b" + re.escape(name).replace(r"\ ", r"\s+") + r"\b", sentence, re.I) is not None


@functools.cache
def _frequency_key(value: str) -> str:
    return value_key(value)


def _told_another(change: Change, before: dict[str, set[str]], after: dict[str, set[str]]) -> str | None:
    """What a reworded sentence that states the same briefing frequency on both sides changed of who is briefed
    ("who is briefed quarterly changed: the board -> a committee of the board"), None when the same body is."""
    old, new = _sentences(change)
    both = before.get("briefing_frequency", set()) & after.get("briefing_frequency", set())
    for value in FREQUENCIES:
        if _frequency_key(value) in both:
            (was, _), (now, _) = briefed(old, value), briefed(new, value)
            if was and now and was != now and not (_names(new, was) and _names(old, now)):
                how = HOW_OFTEN.get(value, value)
                return f"who is briefed {how} changed: {was} -> {now}"
    return None


def _briefer_changed(change: Change) -> str | None:
    """What a reworded sentence stating a briefing of the board changed of the one officer who gives it ("The Risk
    Committee receives quarterly updates from our [-Vice President of IT Security-]{+Director of Enterprise
    Security+}": no change at all, where Item 106(c)(2)(iii) asks how management informs the board): "the officer who
    briefs the board changed: the Vice President of IT Security -> the Director of Enterprise Security". None where the
    sentence names several officers (who attends is not who briefs), or the same, or one title holds every word of the
    other (a retitling, "Chief [+Information +]Security Officer", or a short form: "the VP of Cybersecurity"), or the
    edit is not the officers'."""
    old, new = _sentences(change)
    was, now = officer_spans(old), officer_spans(new)
    if len(was) != 1 or len(now) != 1:
        return None
    gone, came = was[0][2], now[0][2]
    before, after = set(title_key(gone).split()), set(title_key(came).split())
    if before <= after or after <= before:
        return None
    deleted, inserted = _changed_words(change)
    if set(" ".join(deleted + inserted).lower().split()).isdisjoint(before | after):
        return (
            None  # (the officer's words are not the edit's: a title read differently, not another one named)
        )
    return f"the officer who briefs the board changed: the {gone} -> the {came}"


def _hedge_changed(old: str, new: str) -> str | None:
    """What a reworded statement on material incidents did to its hedges where its strength (its firmest clause's)
    held: "“To our knowledge” dropped: part of the statement on material incidents is now made more firmly" (a
    reader's chip maker: the hedge of the incidents half dropped while the risks half kept "not aware" was low
    wording); None where the hedges are alike (one for another of the same kind: "aware" -> "to our knowledge")."""
    was, now = hedges(old), hedges(new)
    if sorted(kind for kind, _ in was) == sorted(kind for kind, _ in now):
        return None
    # (the fewer and the firmer the hedges, the firmer the statement)
    before, after = (sum(3 - _HEDGE_FIRMNESS[kind] for kind, _ in side) for side in (was, now))
    said_before, said_after = ({words.lower() for _, words in side} for side in (was, now))
    gone = list(dict.fromkeys(w for _, w in was if w.lower() not in said_after))
    came = list(dict.fromkeys(w for _, w in now if w.lower() not in said_before))
    edit = (
        _went_came(gone, came, "{g} became {c}", "{g} dropped", "{c} added") or "a hedge repeated or dropped"
    )
    how = "now made more firmly" if after < before else "now hedged further"
    return f"{edit}: part of the statement on material incidents is {how}"


#: How firmly each kind of hedge (`hedges`) leaves a statement made.
_HEDGE_FIRMNESS = {"belief": 1, "awareness": 2}

_OUTLOOK = "statement that cyber risks could materially affect the company (Item 106(b)(2))"


def _rank_outlook(change: Change) -> None:
    """`medium` for a wording change of the material-effect text block's forward-looking statement (what cyber risks
    could do, or are reasonably likely to do, to the filer: `risk_outlook`), which no fact reads: such a sentence
    added or removed, a sentence that comes to make it or stops, or one whose edit changes a hedge, a negation or
    a number ("could" -> "are reasonably likely to")."""
    if MATERIAL_TEXT not in (change.elements or [change.element or ""]):
        return
    if change.kind == "text_changed":
        old, new = _sentences(change)
        was, now = risk_outlook(old), risk_outlook(new)
        if not (was or now):
            return
        deleted, inserted = _changed_words(change)
        if was != now:
            why = f"the sentence {'now makes' if now else 'no longer makes'} a {_OUTLOOK}"
        elif _outlook_terms(old) != _outlook_terms(new):
            why = f"{_substance_edit(deleted, inserted)} in the {_OUTLOOK}"
        else:
            return
    elif change.kind in ("text_added", "text_removed") and risk_outlook(change.text or ""):
        why = f"a {_OUTLOOK} {'added' if change.kind == 'text_added' else 'removed'}"
    else:
        return
    change.severity = "medium"
    change.why = why


def _rank_incident(
    change: Change, told_before: Callable[[], set[int]], telling: Change | None = None
) -> None:
    """`high` for a sentence telling of a past cybersecurity incident (`past_incident`) added, where no sentence removed
    told of one in its years (`told_before`: a new incident is told of, which an unseen filing's reader found buried
    among mediums); `medium` for one removed, or added in place of one removed, or reworded so that its numbers (the
    year) change: which incidents a filer tells of is news, stated facts or not. And `medium` for a sentence added or
    removed right after such a sentence (`telling`, added or removed alike) that goes on about that incident ("We
    contained the activity, engaged outside forensic experts ..., and ... the incident did not have a material
    impact": an unseen reader's LCID edit, read as outside consultants engaged for the program)."""
    if change.kind in ("text_added", "text_removed"):
        added = change.kind == "text_added"
        text = change.text or ""
        if found_unless_after(_ITEM_105_RE, text, _PROCEEDINGS_DENIED_RE, 40):
            # (the filer reported the incident as material: "We disclosed the incident in a Current Report on Form 8-K
            # filed under Item 1.05", reader 27's next UNH year, medium after the incident)
            change.severity = "high"
            change.why = (
                f"a sentence citing a Form 8-K under Item 1.05 (an incident the company determined material) "
                f"{'added' if added else 'removed'}"
            )
            return
        if past_incident(text):
            first_told = added and not told_before().intersection(_years_of(text))
            # (one the same sentence says was not material is medium: "a third-party software vendor ... experienced a
            # ransomware attack ..., and we did not determine it to be material", an unseen reader's Visa edit, led a
            # verdict above the board committee changed)
            immaterial = _stated_immaterial(text)
            change.severity = "high" if first_told and not immaterial else "medium"
            change.why = f"{_TOLD_OF} {'added' if added else 'removed'}" + (
                " (stated not material)" if immaterial else ""
            )
        elif _costs(text) and _INCIDENT_COST_RE.search(text) and _AMOUNT_RE.search(text):
            # what an incident told of cost, in a sentence of its own ("For 2024, we incurred direct response costs of
            # $410 million and business disruption costs of $290 million", beside an incident told both years: reader
            # 40's insurer, Routine)
            # (high when added, with the amount: reader 43's KO year, "We incurred approximately $38 million of costs
            # in 2025 ... associated with this incident, and we may incur additional costs", medium and out of the
            # verdict, where a lawyer leads with the amount)
            # (medium where it says the incident was not material, as such an incident told is)
            change.severity = "high" if added and not _NOT_MATERIAL_RE.search(text) else "medium"
            change.why = (
                f"{_COST_STATED if added else 'the cost of a cybersecurity incident no longer stated'}: {_amounts(text)}"
                + _judged(text)
            )
        elif (
            telling is not None
            and _goes_on(telling, change)
            and (
                _THAT_INCIDENT_RE.search(text)
                or _AMOUNT_RE.search(text)
                or _EFFECT_COUNT_RE.search(text)
                or _NOTIFIED_RE.search(text)
            )
        ):  # (or what it did, counted: "We cancelled approximately 1,100 flights over three days", an unseen reader's)
            change.severity = "medium"
            change.why = (
                f"{_TOLD_OF} {'added' if added else 'removed'}, going on from the one before" + _judged(text)
            )
        return
    if change.kind == "text_changed":
        old, new = _sentences(change)
        deleted, inserted = _changed_words(change)
        if _numbers(" ".join(deleted)) != _numbers(" ".join(inserted)) and (
            past_incident(old) or past_incident(new)
        ):
            change.severity = "medium"
            change.why = (
                f"{_substance_edit(deleted, inserted)} in a sentence on a past cybersecurity incident"
            )


def _stated_immaterial(text: str) -> bool:
    """Whether a sentence telling of an incident says it was not material, not being a statement that carves the
    incident out ("Other than the incident disclosed in our Current Report on Form 8-K ..., we have not experienced a
    material cybersecurity breach": reader 37's, said "stated not material" beside the carve-out's "it may have been
    material")."""
    return _NOT_MATERIAL_RE.search(text) is not None and not carve_out(text, denied=True)


def _judged(text: str) -> str:
    """What a sentence going on about an incident says of its effect: ": its effect not yet determined" ("we have not yet
    determined whether the incident is reasonably likely to materially impact ...", reader 31's), ": the incident stated
    not material" ("we do not believe the incident has had ... a material impact", reader 27's), or ""."""
    if UNDETERMINED_RE.search(text):
        return ": its effect not yet determined"
    return ": the incident stated not material" if _NOT_MATERIAL_RE.search(text) else ""


_TOLD_OF = "a sentence on a past cybersecurity incident"


#: Costs of an incident ("incurred direct response costs", "The incident resulted in total costs", "remediation expenses").
#: Why a sentence stating what an incident cost, added, matters (its amounts follow); the verdict joins them to the
#: incident's line.
_COST_STATED = "the cost of a cybersecurity incident now stated"


def _amounts(text: str) -> str:
    """The amounts a sentence states, as it qualifies them, in order ("approximately $38 million, more expected"; "$410
    million, $290 million"), the first three."""
    said = [m.group(0) for m in _QUALIFIED_AMOUNT_RE.finditer(text)][:3]
    more = ", more expected" if _MORE_COSTS_RE.search(text) else ""
    return ", ".join(said) + more


def _costs(text: str) -> bool:
    """Whether a text holds a word every match of `_INCIDENT_COST_RE` holds (tested first: most sentences have none)."""
    low = text.lower()
    return "cost" in low or "expense" in low or "losses" in low


_INCIDENT_COST_RE = re.compile(
    r"\b(?:incident|attack|breach|intrusion|ransomware|response|remediation|recovery|disruption)\b[^.;]{0,40}?\b"
    r"(?:costs?|expenses?|losses)\b|\b(?:costs?|expenses?|losses)\b[^.;]{0,40}?\b(?:of|from|related\s+to|relating\s+to)"
    r"\s+(?:the\s+|this\s+|that\s+)?(?:incident|attack|breach|intrusion)\b",
    re.I,
)
#: What an incident did, counted: a number of things lost, cancelled, affected ("approximately 1,100 flights",
#: "9.4 million customers").
_EFFECT_COUNT_RE = re.compile(
    r"\b\d[\d,.]*\s*(?:million|thousand|billion)?\s+(?:[\w-]+\s+){0,2}?(?:customers|individuals|people|patients|"
    r"records|flights|orders|accounts|users|members|employees|shipments|days|hours|stores|sites|plants)\b",
    re.I,
)
#: Those told of an incident: regulators, authorities, customers ("We notified the Israel National Cyber Directorate
#: and affected customers": reader 36's 20-F, a low sentence after the incident).
_NOTIFIED_RE = re.compile(
    r"\b(?:notified|informed|alerted|reported\s+(?:it|the\s+(?:incident|matter))\s+to)\s+(?:[^.;]{0,80}?\b)?(?:regulators?|"
    r"authorit(?:y|ies)|directorate|law\s+enforcement|attorneys?\s+general|agenc(?:y|ies)|commission|supervisor|"
    r"customers|clients|individuals|patients|members|data\s+protection)",
    re.I,
)
#: A sentence saying what it tells of was not material ("and we did not determine it to be material").
_NOT_MATERIAL_RE = re.compile(r"\b(?:not|no|nor|never)\b[^.;]{0,80}?\bmaterial(?:ly)?\b|\bimmaterial\b", re.I)


def _figures_changed(change: Change) -> str | None:
    """The figures a reworded sentence changed outside its words of time ("110" became "104" beside "within 180
    days"), said as "a figure stated changed: “110” became “104”"; None where none did, or only numbers of hours or
    days (or years) did."""
    was, now = (
        [n for n in _numbers(_TIMING_RE.sub(" ", t)) if not 1900 <= n <= 2100] for t in _sentences(change)
    )
    gone, came = [str(n) for n in was if n not in now], [str(n) for n in now if n not in was]
    said = _went_came(gone, came, "{g} became {c}", "", "")
    return f"a figure stated changed: {said}" if said else None


def _also(change: Change, matter: str) -> None:
    """Add another matter a wording change's sentence carries to its `why` (and `also`, for the verdict)."""
    change.why = f"{change.why}; {matter}" if change.why else matter
    change.also.append(matter)


def _incident_reworded(change: Change, told_before: Callable[[], set[int]]) -> None:
    """What a reworded sentence that comes to tell of a past incident (`past_incident`), or stops, says of it, whatever
    else its edit did: "During the last fiscal year, we [-did not identify any risks from-]{+experienced+}
    cybersecurity [-threats-]{+incidents+}, including {+incidents in which threat actors used compromised credentials
    ... to access certain customer data, and, while we do not currently believe that these incidents have+}
    materially affected ..." (an unseen reader's next year, read only as the statement weakened). `high` for one told
    of where no sentence removed told of one in its years and the sentence does not say it was not material, else
    `medium`; beside another matter of the sentence (the statement weakened), it is named too."""
    if change.kind == "text_changed":
        old, new = _sentences(change)
        was, now = past_incident(old), past_incident(new)
        said = (
            "a past cybersecurity incident now told of"
            if now
            else "a past cybersecurity incident no longer told of"
        )
    elif change.severity != "low":  # (added or removed: `_rank_incident` ranked those no fact change ranked)
        was, now = change.kind == "text_removed", change.kind == "text_added"
        old = new = change.text or ""
        said = f"{_TOLD_OF} {'added' if now else 'removed'}"
        if not past_incident(old):
            return
    else:
        return
    if was == now:
        return
    text = new if now else old
    immaterial = _stated_immaterial(text)
    first_told = now and not told_before().intersection(_years_of(text))
    severity: Severity = "high" if first_told and not immaterial else "medium"
    matter = said + (" (stated not material)" if immaterial else "")
    if change.severity == "low":
        change.severity, change.why = severity, matter
        return
    if SEVERITY_RANK[severity] > SEVERITY_RANK[change.severity] or change.touches:
        _also(change, matter)  # (after what matters more, or the fact change the sentence carries)
        return
    # (first, where it matters as much: "the statement ... no longer covers “previous”" told nothing of the incident)
    change.also.append(change.why or "")
    change.severity, change.why = severity, f"{matter}; {change.why}"


def _tells_incident(change: Change) -> bool:
    """Whether `_rank_incident` found a sentence added or removed telling of a past incident, or going on about one."""
    return change.why is not None and change.why.startswith(_TOLD_OF)


#: A sentence speaking of one incident told of ("the incident", "this breach", "the unauthorized actor", data stolen).
_THAT_INCIDENT_RE = re.compile(
    r"\b(?:the|this|that|such)\s+(?:[\w-]+\s+){0,2}?(?:incidents?|breach(?:es)?|intrusions?|attacks?|compromises?|"
    r"activity|unauthori[sz]ed\s+(?:access|part(?:y|ies))|actors?|attackers?)\b(?!\s+(?:response|management|plan))|"
    # what the incident did to data ("data appear to have been stolen or destroyed"); who was told of it ("The Company
    # notified affected individuals and applicable regulators")
    r"\bdata\b[^.;]{0,60}\b(?:stolen|exfiltrated|encrypted|destroyed|exposed)\b|"
    r"\bnotified\s+(?:the\s+)?(?:affected|impacted|applicable|relevant|competent|law\s+enforcement|regulators?|"
    r"customers|individuals|authorities)",
    re.I,
)


def _goes_on(before: Change, change: Change) -> bool:
    """Whether a sentence added (removed) is the one right after another added (removed)."""
    if before.kind != change.kind:
        return False
    if change.kind == "text_added":
        return before.to_position is not None and change.to_position == before.to_position + 1
    return before.from_position is not None and change.from_position == before.from_position + 1


def _directly(change: Change) -> str | None:
    """What a rewording of a sentence stating board oversight says of the board overseeing directly, as a whole, where
    one side says it and the other does not (a reader's MU edit: "administers its ... oversight function {+directly as
    a whole, as well as+} through the Security Committee" was low, "nothing of substance changed"); else None."""
    was, now = (_BOARD_DIRECTLY_RE.search(side) is not None for side in _sentences(change))
    if was == now:
        return None
    return f"the board is {'now' if now else 'no longer'} said to oversee cybersecurity directly, as a whole"


def _oversight_narrowed(change: Change) -> str | None:
    """What a rewording of a sentence stating board oversight did to what is overseen, where the risk overseen is now
    limited to a part ("oversees our cybersecurity risk {+relating to payment information+}": reader 35's NFLX edit,
    "No substantive change"), or no longer is; else None."""
    deleted, inserted = _changed_words(change)
    gone, came = (
        [_SPACES_RE.sub(" ", m.group(0)).strip() for t in words for m in _RISK_LIMITED_RE.finditer(t)]
        for words in (deleted, inserted)
    )
    old, new = _sentences(change)
    # (not the limit the other year said in other words: "other information technology risks" -> "other risks relating to
    # information technology", reader 39's restyle, read as narrowed)
    came = [c for c in came if not _limit_said(c, old)]
    gone = [g for g in gone if not _limit_said(g, new)]
    if came and not gone:
        return f"what the board oversees was narrowed: \u201c{clip(came[0], 80)}\u201d added"
    if gone and not came:
        return f"what the board oversees was widened: \u201c{clip(gone[0], 80)}\u201d dropped"
    return None


def _limit_said(limit: str, other: str) -> bool:
    """Whether the first words of what a limit names ("relating to information technology ...") are all in the other
    year's sentence."""
    named = [w for w in _WORD_RUN_RE.findall(limit.lower())[2:5] if w not in _FUNCTION]
    words = set(_WORD_RUN_RE.findall(other.lower()))
    return bool(named) and all(w in words for w in named[:2])


#: A limit on the risk overseen ("relating to payment information", "limited to our retail operations").
_RISK_LIMITED_RE = re.compile(
    r"\b(?:relating|related|limited|pertaining|specific|confined|restricted)\s+to\s+[^,;.]{3,60}|"
    r"\b(?:with\s+respect|in\s+connection|in\s+relation)\s+to\s+[^,;.]{3,60}",
    re.I,
)


#: The board overseeing itself rather than only through a committee ("directly as a whole", "the full Board").
_BOARD_DIRECTLY_RE = re.compile(
    r"\b(?:oversight|oversee\w*)\s+(?:[\w-]+\s+){0,3}?directly\b|\bdirectly\s+(?:oversee\w*|as\s+a\s+whole)\b|"
    r"\bas\s+a\s+whole\b|\b(?:full|entire)\s+board\b",
    re.I,
)


def _rank_acknowledged(change: Change, acknowledged: Callable[[str], int]) -> None:
    """A sentence saying incidents happened to the filer (`incidents_acknowledged`) that goes, or is reworded to say
    less ("breaches" -> "exploit attempts"): `high` where it said incidents got through and no sentence of the later
    year says as much (what the SEC charged four filers with in 2024 was describing incidents that had happened as
    hypothetical), else `medium`; one that comes, or says more, beyond what any sentence of the earlier year said:
    `medium`. `acknowledged("old")`, `acknowledged("new")`: the most a sentence of that year says (`ACKNOWLEDGED`)."""
    was, now = (incidents_acknowledged(side) for side in _sides(change))
    if ACKNOWLEDGED[was] > ACKNOWLEDGED[now]:
        still = acknowledged("new") >= ACKNOWLEDGED[was]
        hypothetical = was == "suffered" and not still
        change.severity = "high" if hypothetical else "medium"
        said = (
            "cybersecurity incidents happened to the company"
            if was == "suffered"
            else "the company was the target of cybersecurity attacks"
        )
        change.why = (
            f"a sentence saying {said} was removed; "
            + ("another sentence still says so" if still else "no other sentence says so")
            if change.kind == "text_removed"
            else f"the sentence no longer says {said}"
            + ("; another sentence still says so" if still else "; no other sentence does")
        ) + (
            " (describing incidents that happened as hypothetical drew SEC charges in 2024)"
            if hypothetical
            else ""
        )
    elif ACKNOWLEDGED[now] > ACKNOWLEDGED[was] and ACKNOWLEDGED[now] > acknowledged("old"):
        change.severity = "medium"
        change.why = (
            "the company now says cybersecurity incidents happened to it"
            if now == "suffered"
            else "the company now says it was the target of cybersecurity attacks"
        )


def _rank_added_or_removed(change: Change, later: Callable[[], list[str]] = list) -> None:
    """`medium` for a sentence added or removed that says what Item 106 asks about though no fact of it changed
    (`_SAID_ADDED_OR_REMOVED`, the first that holds): outside assessors, auditors, consultants or penetration testers
    working on the program (`outside_work`, Item 106(b)(1)(ii): an unseen filing's reader found CROX FY2025's dropped
    yearly outside assessment a low wording edit, the flag still true from other sentences); management briefing the
    board or a committee (`board_informed`, Item 106(c)(1): MOH FY2025's "The full Board also receives briefings from
    the Company's executive management on the Program" added was unranked); a process overseeing suppliers' risks
    removed (`oversees_third_parties`, Item 106(b)(1)(iii))."""
    if change.kind not in ("text_added", "text_removed"):
        return
    text = change.text or ""
    what = next(
        (what for says, what, kinds in _SAID_ADDED_OR_REMOVED if change.kind in kinds and says(text)), None
    )
    if what is None:
        return
    if _still_said(text, later()):
        # (a list item set out otherwise, its words now in another sentence that says the same: a reader's bullets
        # run in, with "our" become "the Company's", read as a vendor program removed, medium; and the other way, a
        # list run in and lightly reworded, read as outside assessors added: an unseen reader's PRGS)
        change.why = (
            f"{what} removed; its words are still said in another sentence"
            if change.kind == "text_removed"
            else f"{what} added; its words were said before in sentences near it"
        )
        return
    change.severity = "medium"
    change.why = f"{what} {'added' if change.kind == 'text_added' else 'removed'}"


def _still_said(text: str, later: list[str]) -> bool:
    """Whether a later year's sentence (`later`: those added or reworded near a sentence removed) holds nearly all the
    content words of the sentence removed (`_content_words`, four in five at least), or those sentences together hold
    nine in ten of them (a sentence set out as a numbered list: a reader's AMZN FY2025)."""
    if not later:
        return False
    # as written, then however inflected or spelt ("Progress references ... centres ... assesses", a reader's
    # form-only PRGS: looked at only where the words as written fall short)
    held = _held(text, later, _plain)
    return held >= 1.0 or held >= 0.6 and _held(text, later, _stemmed) >= 1.0


def _held(text: str, later: list[str], words_of: Callable[[str], frozenset[str]]) -> float:
    """How far the sentences `later` hold a text's words (`words_of`): 1.0 or more where one holds four in five of
    them, or all together nine in ten (`_still_said`); else the share all together hold, over nine in ten."""
    words = words_of(text)
    if not words:
        return 0.0
    each = [words_of(t) for t in later]
    if any(len(words & w) >= 0.8 * len(words) for w in each):
        return 1.0
    return len(words & frozenset().union(*each)) / (0.9 * len(words))


def _plain(text: str) -> frozenset[str]:
    """The content words of a text (`_content_words`), worked out once per comparison (`once`)."""
    return once("plain", text, lambda: frozenset(_content_words([text])))


def _stemmed(text: str) -> frozenset[str]:
    """The content words of a text (`_content_words`), each by its stem (`word_stem`), worked out once per comparison
    (`once`)."""
    return once("stemmed", text, lambda: frozenset(map(word_stem, _content_words([text]))))


def _near_texts(changes: list[Change], k: int) -> list[str]:
    """The other year's sentences within `_NEAR_CHANGES` * 2 changes of change k (a list set out otherwise lies about
    it): for a sentence removed, the later year's added or reworded; for one added, the earlier year's removed or
    reworded."""
    reach = 2 * _NEAR_CHANGES
    if changes[k].kind == "text_added":
        return [
            str(c.text if c.kind == "text_removed" else c.old)
            for c in changes[max(0, k - reach) : k + reach + 1]
            if c.kind == "text_removed" or c.kind == "text_changed" and isinstance(c.old, str)
        ]
    return [
        str(c.text if c.kind == "text_added" else c.new)
        for c in changes[max(0, k - reach) : k + reach + 1]
        if c.kind == "text_added" or c.kind == "text_changed" and isinstance(c.new, str)
    ]


def proceedings(text: str) -> bool:
    """Whether a sentence tells of regulators or courts acting on the filer, not of what the law could do: findings
    ("WECC's most recent audit ... identified two potential violations": reader 28's utility, a low sentence added),
    inquiries it answers ("We are cooperating with inquiries from the NYDFS and other regulators": reader 28's
    exchange), penalties or fines paid or faced, a consent order or settlement entered into, lawsuits filed."""
    low = text.lower()
    if not any(map(low.__contains__, _PROCEEDINGS_KEYS)):
        return False
    return found_unless_after(_PROCEEDINGS_RE, text, _PROCEEDINGS_DENIED_RE, 40)


_PROCEEDINGS_RE = re.compile(
    r"\b(?:cooperat\w*\s+with|respond\w*\s+to|received?|receiving|(?:is|are)\s+(?:the\s+)?subject\s+of)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:inquir(?:y|ies)|investigations?|subpoenas?|civil\s+investigative\s+demands?|"
    r"notices?\s+of\s+(?:violation|penalty|noncompliance))|"
    r"\b(?:identified|found|cited|alleged|issued|resulted\s+in)\s+(?:[\w-]+\s+){0,3}?(?:potential\s+|possible\s+|"
    r"alleged\s+)?(?:violations?|noncompliance|non-compliance|findings\s+of)|"
    r"\b(?:paid|imposed|assessed|agreed\s+to\s+pay)\s+(?:[\w$.,-]+\s+){0,4}?(?:civil\s+)?(?:penalt(?:y|ies)|fines?)\b|"
    r"\b(?:entered\s+into|agreed\s+to)\s+(?:a\s+|an\s+)?(?:consent\s+(?:order|decree)|settlement)|"
    r"\b(?:remains?|is|are)\s+subject\s+to\s+(?:[\w'\u2019-]+\s+){0,3}?enforcement\b|"
    r"\b(?:lawsuits?|class\s+actions?|complaints?)\s+(?:[\w-]+\s+){0,4}?(?:were|was|have\s+been|has\s+been)\s+filed|"
    r"\b(?:filed|brought)\s+(?:[\w-]+\s+){0,3}?(?:lawsuits?|class\s+actions?|charges)\b",
    re.I,
)
#: A word one of which every match of `_PROCEEDINGS_RE` holds (looked for first).
_PROCEEDINGS_KEYS = (
    "inquir",
    "investigation",
    "subpoena",
    "demand",
    "notice",
    "violation",
    "compliance",
    "findings",
    "penalt",
    "fine",
    "consent",
    "settlement",
    "enforcement",
    "lawsuit",
    "action",
    "complaint",
    "charges",
)
#: A denial right before ("we have not received any inquiries").
_PROCEEDINGS_DENIED_RE = re.compile(r"\b(?:not|no|never|neither|nor)\b[^.;]{0,30}$", re.I)


def _outside_work_edit(change: Change, deleted: list[str], inserted: list[str]) -> str | None:
    """What a reworded sentence did to outside firms' work on the program where only one of its sides tells of it, the
    words its edit took out or put in ("[-, and we engage an independent accounting firm to perform quarterly
    attestations of our proof of reserves-]": reader 28's exchange, said as "“quarterly” dropped"); None where both
    sides tell of it, or neither."""
    edited = " ".join((*deleted, *inserted)).lower()
    outsider = any(map(edited.__contains__, _OUTSIDE_WORDS))
    if not outsider and not any(map(edited.__contains__, _WORK_KIND_KEYS)):
        return None  # (the words that changed name no outsider and no work of theirs: nearly every edit)
    old, new = _sentences(change)
    was, now = outside_work(old), outside_work(new)
    if was and now:
        return _outside_work_narrowed(old, new, inserted)
    if not outsider:
        return None
    # (the other side naming no outsider at all: "the use of external service providers ... to assess" beside
    # "including third party advisory firms", ELF FY2025, tells of the same work in words the pattern misses)
    if was == now or any(map((new if was else old).lower().__contains__, _OUTSIDE_WORDS)):
        return None
    gone = [t for t in deleted if outside_work(t)] if was else []
    came = [t for t in inserted if outside_work(t)] if now else []
    if not (gone or came):
        return None
    words = _SPACES_RE.sub(" ", (gone or came)[0]).strip(" ,;.")
    return f"outside firms' work on the program {'no longer' if gone else 'now'} told: \u201c{clip(words, 90)}\u201d"


def _outside_work_narrowed(old: str, new: str, inserted: list[str]) -> str | None:
    """What a reworded sentence telling of outside firms' work both years did to it: a kind of work they did no longer
    told ("... annual assessments of our IT [-and OT controls and to perform red-team exercises against our fab
    networks-]"), or work now done in-house ("{+performs an annual internal assessment of its program and+} engages an
    outside cybersecurity firm to perform an annual penetration test": reader 34's foundry and REIT, both "Routine")."""
    kept = {_work_stem(k) for k in _work_kinds(new)}
    gone = [k for k in _work_kinds(old) if _work_stem(k) not in kept]
    if gone:
        return f"outside firms' work narrowed: {listed(gone)} no longer told"
    came = " ".join(inserted)
    if (inside := _IN_HOUSE_RE.search(came)) and not _IN_HOUSE_RE.search(old):
        return f"work now done in-house: \u201c{clip(_SPACES_RE.sub(' ', inside.group(0)).strip(), 90)}\u201d"
    return None


def _work_kinds(sentence: str) -> list[str]:
    """The kinds of assessment work a sentence names ("red-team exercises", "penetration tests"), lower case."""
    return list(
        dict.fromkeys(
            _WORK_KIND.get(m.group(1).lower(), m.group(1).lower()) for m in _WORK_KIND_RE.finditer(sentence)
        )
    )


def _work_stem(kind: str) -> str:
    """A kind of work whatever its number or form ("audits", "audited" and "audit"; "penetration testing" and
    "penetration tests"): reader 45's restyle, "supported by an outside firm, audits" -> "is audited ... with the support
    of an outside firm", was "outside firms' work narrowed: audits no longer told"."""
    return _WORK_ENDING_RE.sub("", kind).replace("nn", "n")


_WORK_ENDING_RE = re.compile(r"(?:e?s|e?d|ing|e)\b")
#: Kinds of assessment work, and the name each is said by.
_WORK_KIND_RE = re.compile(
    r"\b(red[- ]team(?:ing)?|penetration\s+test(?:ing|s|ed)?|vulnerability\s+(?:scans?|scanning|assessments?)|"
    r"tabletop\s+exercises?|(?:maturity\s+)?assessments?|audit(?:s|ed)?|certifications?)\b",
    re.I,
)
_WORK_KIND = {
    "red team": "red-team exercises",
    "red-team": "red-team exercises",
    "red teaming": "red-team exercises",
    "red-teaming": "red-team exercises",
}
#: A part of every match of `_WORK_KIND_RE` and `_IN_HOUSE_RE` (looked for first).
_WORK_KIND_KEYS = (
    "red team",
    "red-team",
    "penetration",
    "vulnerability",
    "tabletop",
    "assess",
    "audit",
    "certif",
    "internal",
    "in-house",
    "our own",
)
#: Work said to be the filer's own ("an annual internal assessment", "in-house", "our own team").
_IN_HOUSE_RE = re.compile(
    r"\b(?:[\w-]+\s+){0,3}(?:internal(?:ly)?|in-house|our\s+own)\s+(?:[\w-]+\s+){0,3}?(?:assessments?|audits?|"
    r"tests?|testing|reviews?|team)\b",
    re.I,
)


def _clean_result_said(change: Change) -> str | None:
    """What a reworded sentence did to a clean result it stated, where it no longer states it or now does ("...; our
    most recent audit was completed in 2023 with no findings of potential noncompliance" cut: reader 28's utility,
    whose regulator then found two potential violations)."""
    deleted, inserted = _changed_words(change)
    edited = " ".join((*deleted, *inserted)).lower()
    if not ("no" in edited or "without" in edited) or not any(map(edited.__contains__, _CLEAN_RESULT_KEYS)):
        return None  # (what every match holds, looked for first)
    gone, came = _gone_came(_CLEAN_RESULT_RE, deleted, inserted)
    if gone and not came:
        return f"{_went_came(gone, [], '', '{g} dropped', '')}: a clean regulatory result is no longer stated"
    if came and not gone:
        return f"{_went_came([], came, '', '', '{c} added')}: a clean regulatory result is now stated"
    return None


#: A part of the word of a clean result every match of `_CLEAN_RESULT_RE` holds.
_CLEAN_RESULT_KEYS = ("finding", "violation", "penalt", "fine", "deficienc", "exception")
#: A clean result of a regulator's review ("no findings of potential noncompliance", "without any violations").
_CLEAN_RESULT_RE = re.compile(
    r"\b(?:no|without\s+(?:any\s+)?)\s*(?:material\s+)?(?:findings|violations|penalties|fines|deficiencies|"
    r"exceptions)\b(?:\s+of\s+(?:[\w-]+\s+){0,2}?(?:noncompliance|non-compliance|violations?))?",
    re.I,
)


def cyber_insurance(text: str) -> bool:
    """Whether a sentence says the filer holds insurance against cybersecurity risks ("We maintain cyber liability
    insurance", "our insurance coverage for cybersecurity incidents"; not "insurance may not cover all losses" alone)."""
    return _names_insurance(text) and _CYBER_INSURANCE_RE.search(text) is not None


def _names_insurance(text: str) -> bool:
    """Whether a text says "insurance" (or "Insurance", "INSURANCE"), looked for without lower-casing it."""
    return "nsuranc" in text or "NSURANC" in text


#: Insurance the filer holds against cyber risks.
_CYBER_INSURANCE_RE = re.compile(
    r"\b(?:maintain|maintains|carry|carries|hold|holds|have|has|purchase[sd]?|obtain(?:ed|s)?|procure[sd]?)\s+"
    r"(?:[\w-]+\s+){0,6}?insurance\b[^.;]{0,120}?\b(?:cyber|security|breach|incident|privacy|network)|"
    r"\b(?:cyber|cybersecurity|network\s+security|privacy|data\s+breach)[\w\s-]{0,30}?insurance\b(?![^.;]{0,30}\b(?:industry|companies|company|sector)\b)",
    re.I,
)


def _rank_insurance(change: Change) -> None:
    """`high` for a sentence added or reworded that now says the filer holds no cybersecurity insurance ("We {+do not
    +}maintain insurance coverage ...", "the Company did not renew its cybersecurity insurance policy": an unseen
    reader's planted edits, routine wording); `medium` for one that no longer says so."""
    old, new = _sides(change)
    if not (_names_insurance(old) or _names_insurance(new)):
        return  # (looked for first: most sentences say nothing of insurance)
    was, now = insurance_denied(old), insurance_denied(new)
    if now and not was:
        change.severity, change.why = "high", "the company now says it holds no cybersecurity insurance"
    elif was and not now and cyber_insurance(new):
        change.severity, change.why = (
            "medium",
            "the company no longer says it holds no cybersecurity insurance",
        )


def insurance_denied(text: str) -> bool:
    """Whether a sentence says the filer holds no cybersecurity insurance ("We do not maintain insurance coverage for
    cybersecurity risks", "did not renew its cybersecurity insurance policy")."""
    return _names_insurance(text) and _INSURANCE_DENIED_RE.search(text) is not None


#: No cyber insurance held: a verb of holding it denied, before "insurance" in its clause.
_INSURANCE_DENIED_RE = re.compile(
    r"\b(?:(?:do|does|did)\s+not\s+(?:currently\s+|presently\s+)?|no\s+longer\s+|not\s+to\s+|decided\s+not\s+to\s+)"
    r"(?:maintain|carry|hold|have|renew|purchase|obtain|buy)\b[^.;]{0,60}?\binsurance\b|"
    r"\binsurance\b[^.;]{0,40}?\b(?:lapsed|was\s+(?:not\s+renewed|cancell?ed|terminated))\b|"
    r"\bwithout\s+(?:any\s+)?(?:cyber\w*\s+)?insurance\b",
    re.I,
)


def board_informed(text: str) -> bool:
    """Whether a sentence says the board or a board committee receives briefings, reports, updates or presentations
    from management, or management gives them to it (`_BOARD_INFORMED_RE`)."""
    low = text.lower()
    return ("board" in low or "committee" in low) and _BOARD_INFORMED_RE.search(text) is not None


#: The board or a committee told by management: "The full Board also receives briefings from ... management", "Our
#: CISO provides quarterly updates to the Audit Committee", "briefs the Board".
_BOARD_INFORMED_RE = re.compile(
    r"\b(?:board|committee)\b(?:\s+(?:of\s+directors|members))?\s+(?:also\s+|regularly\s+|periodically\s+)?"
    r"(?:receives?|received|is\s+(?:provided|given|presented)\s+(?:with\s+)?)\b[^.;]{0,40}?\b(?:briefings?|reports?|"
    r"updates?|presentations?)\b|"
    r"\b(?:briefs?|briefed|updates?|updated|(?:provides?|presents?|delivers?)\s+(?:[\w-]+\s+){0,4}?(?:briefings?|"
    r"reports?|updates?|presentations?)\s+to)\s+(?:the\s+|our\s+)?(?:full\s+|entire\s+)?(?:board|"
    r"(?:[\w&-]+\s+){0,4}?committee)\b",
    re.I,
)


def outside_work(text: str) -> bool:
    """Whether a sentence says outside assessors, auditors, consultants or penetration testers work on the filer's
    program (`_OUTSIDE_WORK_RE`)."""
    low = text.lower()
    if not any(map(low.__contains__, _OUTSIDE_WORDS)) or not any(
        not suppliers_own(text, m.start()) for m in _OUTSIDE_WORK_RE.finditer(text)
    ):
        return False  # (none, or only what a supplier must undergo: "required the provider to complete an independent
        # security assessment", reader 26's airline)
    # (a firm helping investigate an incident told of, "Our investigation, conducted with the assistance of an outside
    # forensic firm, determined that the threat actor ...": an unseen reader's hospital operator; not the program's;
    # nor outsiders no longer engaged)
    return not _INVESTIGATION_RE.search(text) and not outsiders_no_longer_engaged(text)


#: Item 1.05 of Form 8-K, the material cybersecurity incident's ("filed under Item 1.05", "Item 1.05 of Form 8-K").
_ITEM_105_RE = re.compile(r"\bItem\s+1\.05\b", re.I)
#: An incident's investigation ("forensic", "our investigation", "the threat actor").
_INVESTIGATION_RE = re.compile(
    r"\b(?:forensic|(?:our|the|its)\s+investigation|the\s+(?:threat\s+actor|attackers?|incident|intrusion|breach))\b",
    re.I,
)


#: Outside firms working on the program: "we engage an independent firm to assess ...", "third-party penetration
#: testing", "assessments ... performed by independent third parties" (not "third-party risk assessments").
_OUTSIDE_WORK_RE = re.compile(
    r"\b(?:third[- ]part(?:y|ies)|external|outside|independent)\s+(?:[\w-]+\s+){0,3}?(?:assessors?|auditors?|"
    r"consultants?|advis[oe]rs?|firms?|experts?|specialists?|engagements?|penetration\s+test\w*|red[- ]team\w*)\b|"
    r"\b(?:independent|external|outside|third[- ]party)\s+(?!risk\b)(?:[\w-]+\s+){0,2}?(?:audits?|assessments?|"
    r"reviews?|evaluations?)\b(?![^.;]{0,40}\bof\s+(?:our\s+)?(?:vendors|suppliers|third))|"
    r"\b(?:assessments?|audits?|reviews?|tests?|testing)\b[^.;]{0,60}\b(?:performed|conducted|carried\s+out)\s+by\s+"
    r"(?:an?\s+|the\s+)?(?:independent|external|outside|third[- ]part)|"
    # "We engage third parties to independently evaluate our cybersecurity maturity" (an unseen reader's HD edit)
    # (the filer's own program, not the risks of vendors engaged: "engage relevant vendors and other third parties to
    # assess risk to Visa information assets", V FY2025)
    r"\b(?:third[- ]part(?:y|ies)|external\s+firms?|outside\s+firms?|consultants?)\s+to\s+(?:\w+\s+)?(?:evaluate|"
    r"assess|review|audit|test)\s+(?:our|the\s+company['\u2019]s|its)\b|"
    # a managed security service provider engaged ("We have also engaged a managed security services provider to
    # supplement our internal security operations": reader 27's next NVDA year, a routine sentence added)
    r"\b(?:managed\s+(?:security|detection)(?:\s+and\s+response)?\s+(?:services?\s+)?providers?|MSSPs?|"
    r"MDR\s+(?:providers?|services?|firms?))\b|"
    # "added a leading cybersecurity incident and response firm to serve as its advisor" (an unseen reader's UNH edit)
    r"\b(?:firm|consultancy|company)\b[^.;]{0,40}?\bto\s+(?:serve|act)\s+as\s+(?:its|our|an?)\s+(?:independent\s+)?"
    r"advis[oe]r",
    re.I,
)
#: What a match of `_OUTSIDE_WORK_RE` holds (looked for first).
_OUTSIDE_WORDS = (
    "third",
    "external",
    "outside",
    "independent",
    "consultant",
    "advis",
    "managed",
    "mssp",
    "mdr",
)


def _deadline_to_tell(text: str) -> bool:
    """Whether a sentence sets a time within which someone is told of incidents ("Where required by law, we notify KISA
    within 24 hours of becoming aware of an intrusion": an unseen reader's 20-F, added as a low sentence)."""
    low = text.lower()
    return (
        "within" in low
        and any(map(low.__contains__, _DEADLINE_INCIDENT_WORDS))
        and _WITHIN_RE.search(text) is not None
        and _TELLING_RE.search(low) is not None
    )


_DEADLINE_WHY = "a sentence setting a time to tell of incidents"
_DEADLINE_INCIDENT_WORDS = ("incident", "breach", "intrusion", "attack", "event", "compromise", "ransomware")


#: What a sentence added or removed says (a test of its text), how the change's `why` names it, and the kinds of
#: change it ranks.
_SAID_ADDED_OR_REMOVED: tuple[tuple[Callable[[str], bool], str, tuple[str, ...]], ...] = (
    # (outsiders no longer engaged, said anew: "Beginning in 2025, we discontinued our use of outside assessors and
    # consultants ...", reader 44's, was "a sentence on outside assessors ... engaged for the program added")
    (
        outsiders_no_longer_engaged,
        "a sentence saying outside assessors, auditors or consultants are no longer engaged",
        ("text_added",),
    ),
    (
        outside_work,
        "a sentence on outside assessors, auditors or consultants engaged for the program",
        ("text_added", "text_removed"),
    ),
    (board_informed, "a sentence on how the board is briefed", ("text_added", "text_removed")),
    # (readers 28's utility and exchange: potential violations found by a regulator, or its inquiries answered, were
    # low sentences added)
    (
        proceedings,
        "a sentence on regulatory findings, inquiries, penalties or lawsuits",
        ("text_added", "text_removed"),
    ),
    (_deadline_to_tell, _DEADLINE_WHY, ("text_added", "text_removed")),
    # (a reader's texts: cyber insurance dropped, or taken out, was a low sentence)
    (cyber_insurance, "a sentence on cybersecurity insurance", ("text_added", "text_removed")),
    # (readers' hospital operator, chip maker and retailer: a director with cybersecurity experience joining or leaving
    # the committee that oversees it was low wording)
    (
        directors_expertise,
        "a sentence on directors' cybersecurity expertise",
        ("text_added", "text_removed"),
    ),
    # removed only: a reader found a vendor risk program's paragraph dropped "Routine", the flag still read from a
    # passing mention; a detail added (V FY2025's vendors engaged on a new vulnerability) is routine to a reader
    (
        oversees_third_parties,
        "a sentence on overseeing risks from third-party service providers",
        ("text_removed",),
    ),
)


def _incident_years(changes: list[Change]) -> set[int]:
    """The years of the removed sentences that told of a past incident (see `_rank_incident`)."""
    return {
        n
        for c in changes
        if c.kind == "text_removed" and past_incident(c.text or "")
        for n in _years_of(c.text)
    }


def _years_of(text: str | None) -> set[int]:
    """The years a text names ("in March 2024": 2024)."""
    return {n for n in _numbers(text or "") if 1900 <= n <= 2100}


def _rank_words(change: Change, deleted: list[str], inserted: list[str], edited: str) -> None:
    """`medium` for a reworded sentence whose words of one of `_WORD_KINDS` changed (`edited`: its changed words,
    lower-cased, for each kind's keyword test): words on acquired businesses ("including for those {+recently
    acquired and +}non-wholly owned subsidiaries whose systems have not been fully integrated", WMT FY2025; KO FY2024
    "newly acquired" -> "acquired": two independent readers ranked both above wording), and how quickly something is
    done ("is [-immediately -]{+promptly +}escalated", GOOGL FY2024: a reader put it first, given the four business
    days of Form 8-K Item 1.05)."""
    for kind in _WORD_KINDS:
        if said := _words_said(change, deleted, inserted, edited, kind):
            change.severity, change.why = "medium", said
            if kind is _TIMING_KIND and (figures := _figures_changed(change)):
                _also(change, figures)  # (a figure beside the time: "scored [-92-]{+87+} ... within 90 days")
            return


def _words_said(
    change: Change, deleted: list[str], inserted: list[str], edited: str, kind: _WordKind
) -> str | None:
    """What `_rank_words` says of a reworded sentence's words of one of `_WORD_KINDS`, None where they did not
    change."""
    needs, pattern, what = kind
    if not any(map(edited.__contains__, needs)) and not (
        pattern is _TIMING_RE and _holds_number(edited) and "within" in str(change.new).lower()
    ):
        return None  # (a number of hours changed is a timing changed: "within [-6-]{+72+} hours")
    gone, came = _gone_came(pattern, deleted, inserted)
    if pattern is _ACQUIRED_RE and _said_alike(gone, came, _acquire_folded):
        gone, came = [], []  # ("for acquired companies" -> "For companies we acquire": reader 29's restyle)
    if pattern is _TIMING_RE and _said_alike(gone, came, _adverb_folded):
        return None  # ("require prompt notification" -> "require them to notify us promptly": reader 32's restyle)
    if pattern is _TIMING_RE and (gone or came):
        old, new = _sentences(change)
        if _gone_came(pattern, [old], [new]) == ([], []):
            return None  # (words of timing in the edit's fragments, none in its sentences: "[-timely and -]relevant
            # topics", what is topical)
    edit = _went_came(gone, came, "{g} became {c}", "{g} dropped", "{c} added")
    if edit is None and pattern is _TIMING_RE:
        # (how quickly, on the whole sentences where the words that changed say nothing of it: "within [-six hours
        # of noticing them-]{+the prescribed timelines+}", "within [-6-]{+72+} hours", an unseen reader's 20-F on
        # CERT-In, where "within" did not change)
        old, new = _sentences(change)
        edit = _went_came(*_gone_came(pattern, [old], [new]), "{g} became {c}", "{g} dropped", "{c} added")
    if not edit:
        return None
    return f"{edit}: {what}" + (_sooner_or_later(change) if pattern is _TIMING_RE else "")


def _timing_said(change: Change, deleted: list[str], inserted: list[str]) -> str | None:
    """What `_rank_words` says of a reworded sentence whose words of how quickly changed, else None: asked first of a
    sentence that also states a fact ("escalated to the Chief Risk Officer ... within [-four-]{+24+} hours" was "“four”
    became “24” in a sentence stating people", an unseen reader's bank)."""
    edited = " ".join(deleted + inserted).lower()
    if not any(map(edited.__contains__, _TIMING_KEYS)) and not (
        _holds_number(edited) and "within" in str(change.new).lower()
    ):
        return None
    return _words_said(change, deleted, inserted, edited, _TIMING_KIND)


#: The end of the `why` of a timing changed (`_WORD_KINDS`).
_TIMING_WHAT = "how quickly it is done changed"


def _sooner_or_later(change: Change) -> str:
    """ " (later)" or " (sooner)" where both sentences set a time in hours or days ("within four hours" -> "within 24
    hours"), else ""."""
    old, new = _sentences(change)
    was, now = _within_hours(old), _within_hours(new)
    if was is None or now is None or was == now:
        return ""
    return " (later)" if now > was else " (sooner)"


def _within_hours(text: str) -> float | None:
    """The hours of a sentence's first "within N hours/days" ("within four business days": 96), else None."""
    m = _WITHIN_RE.search(text)
    if m is None:
        return None
    numbers = _numbers(m.group(1))
    if not numbers:
        return None
    return numbers[0] * (1 if m.group(2).lower().startswith("hour") else 24)


_WITHIN_RE = re.compile(r"\bwithin\s+([\w-]+)\s+((?:business\s+|calendar\s+)?(?:hours?|days?))\b", re.I)


def _rank_pursued(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence on a certification whose words of holding it or only pursuing it changed ("have
    achieved HITRUST r2 certification" -> "We are pursuing HITRUST certification": a reader found the lapse low, the
    framework still "stated alike")."""
    if said := _pursued_said(change, deleted, inserted):
        change.severity, change.why = "medium", said


def _pursued_said(change: Change, deleted: list[str], inserted: list[str]) -> str | None:
    """What `_rank_pursued` says of a reworded sentence, None where its words of holding or pursuing did not change."""
    old, new = _sentences(change)
    if not ("certif" in old.lower() or "certif" in new.lower()):
        return None
    before, after = _holding_words(deleted), _holding_words(inserted)
    if any(w.startswith(_PURSUIT) for w in before) == any(w.startswith(_PURSUIT) for w in after):
        return None  # (held both ways, or pursued both ways: "obtained" -> "hold")
    said = _went_came(
        sorted(before - after), sorted(after - before), "{g} became {c}", "{g} dropped", "{c} added"
    )
    return f"{said}: whether a certification is held or only pursued changed"


def _holding_words(texts: list[str]) -> set[str]:
    """The words of `_PURSUED_RE` in texts, lower case."""
    return {m.group(1).lower() for t in texts for m in _PURSUED_RE.finditer(t)}


#: Words of holding a certification, or of only pursuing one (`_PURSUIT`: the latter's starts).
_PURSUED_RE = re.compile(
    r"\b(achieved|obtained|earned|attained|received|maintains?|holds?|pursuing|pursues|pursue|seeking|seeks|"
    r"working\s+towards?|in\s+the\s+process\s+of\s+(?:obtaining|achieving|pursuing))\b",
    re.I,
)
_PURSUIT = ("pursu", "seek", "working", "in the process")
#: Words one of which the changed words of a pursuit hold (looked for first).
_PURSUED_NEEDS = ("pursu", "seek", "toward", "process of", "achiev", "obtain")


def _holds_number(low: str) -> bool:
    """Whether lower-case text holds a number, in figures or words (`_NUMBER_WORDS`)."""
    return any(map(str.isdigit, low)) or not _NUMBER_WORDS.keys().isdisjoint(_WORD_RUN_RE.findall(low))


def _rank_number(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence whose count of people on the program changed ("approximately [-40-]{+25+}
    security professionals": a reader found the program's cut a low wording edit), or whose amounts of money did
    ("cyber insurance with limits of $[-5-]{+2+} million": a reader's small company). Only a count of people (a
    number right before "employees", "professionals", "analysts" ...): other figures, a threat landscape's "84
    trillion signals", change every year."""
    old, new = _sentences(change)
    # an amount of money ("cyber insurance with limits of $[-50-]{+100+} million")
    was, now = _AMOUNT_RE.findall(old), _AMOUNT_RE.findall(new)
    if was or now:
        gone, came = [a for a in was if a not in now], [a for a in now if a not in was]
        if said := _went_came(gone, came, "{g} became {c}", "{g} dropped", "{c} added"):
            change.severity = "medium"
            change.why = f"an amount of money stated changed: {said}"
            return
    if not _PEOPLE_WORDS.search(" ".join((*deleted, *inserted, new))):
        return  # (most edits count no one)
    before, after = sorted(_headcounts(old)), sorted(_headcounts(new))
    if before == after or not before or not after:
        return
    said = _went_came(
        [_figure(n) for n in before if n not in after],
        [_figure(n) for n in after if n not in before],
        "{g} became {c}",
        "",
        "",
    )
    if said:
        change.severity = "medium"
        change.why = f"the number of people stated changed: {said}"


#: An amount of money: "$50 million", "$3.665 million", "$250,000"; in another currency, by its sign or code ("KRW
#: 11.8 billion", "\u20ac4 million", "\u00a5300 million", "INR 25 crore": an unseen reader's 20-F, whose incident's
#: cost nearly quadrupled in won, was routine).
_AMOUNT_RE = re.compile(
    r"(?:[$\u20ac\u00a3\u00a5\u20a9\u20b9]|\b(?:US\$|USD|EUR|GBP|JPY|KRW|INR|CNY|RMB|CHF|CAD|AUD|HKD|SGD|TWD|BRL|"
    r"MXN|SEK|NOK|DKK|ZAR|ILS|Rs\.?)\s?)\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion|crore|lakh))?",
    re.I,
)
#: An amount with the word qualifying it ("approximately $38 million").
_QUALIFIED_AMOUNT_RE = re.compile(
    r"(?:\b(?:approximately|about|roughly|nearly|almost|over|more\s+than|less\s+than|up\s+to|at\s+least)\s+)?"
    r"(?:" + _AMOUNT_RE.pattern + r")",
    re.I,
)
#: More costs to come ("and we may incur additional costs", "we expect to incur further expenses").
_MORE_COSTS_RE = re.compile(
    r"\b(?:may|might|could|will|expect\s+to|are\s+likely\s+to|anticipate)\s+(?:continue\s+to\s+)?incur\s+"
    r"(?:additional|further|more|other)\b",
    re.I,
)


#: Words counting people on the program.
_PEOPLE = (
    r"(?:employees|professionals|people|personnel|staff|analysts|engineers|experts|specialists|members|"
    r"full-time\s+equivalents|FTEs)\b"
)
_PEOPLE_WORDS = re.compile(r"\b" + _PEOPLE, re.I)
#: A count of people: a number (in figures or words), a few words of who they are, the people word.
_HEADCOUNT_RE = re.compile(
    r"\b(\d+(?:,\d{3})*|(?:"
    + "|".join(_NUMBER_WORDS)
    + r")(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"\+?\s+(?:[\w-]+\s+){0,4}?" + _PEOPLE,
    re.I,
)


def _headcounts(sentence: str) -> list[int]:
    """The counts of people a sentence states (`_HEADCOUNT_RE`), as numbers."""
    return [n for m in _HEADCOUNT_RE.finditer(sentence) for n in _numbers(m.group(1).replace(",", ""))[:1]]


def _figure(n: int) -> str:
    return f"{n:,}"


def _split_off(changes: list[Change], k: int) -> tuple[list[str], list[str]]:
    """The sentences removed and added right beside reworded change k (within two changes): what a sentence split
    in two, or merged from two, holds beside it."""
    near = changes[max(0, k - 2) : k + 3]
    return (
        [str(c.text) for c in near if c.kind == "text_removed"],
        [str(c.text) for c in near if c.kind == "text_added"],
    )


def _rank_officers(
    change: Change,
    edited: str,
    low: str,
    split_off: Callable[[], tuple[list[str], list[str]]] = lambda: ([], []),
) -> None:
    """`medium` for a reworded sentence that names other officers, each side naming some ("... to our Chief
    Executive Officer, Chief Financial Officer,{+ Chief Operating Officer,+} and Chief Legal Officer", UPWK FY2025:
    who is told of material incidents; MSFT FY2025, who presents to the committee): who does what, though no fact
    read changed. Only an officer added to or dropped from those named: not where one side names none (a title
    replaced by "he"), nor one title for another (a retitling, "VP" spelt out), nor in a biography, nor an officer
    a sentence split off beside it names (`split_off`: the sentences removed and added beside it, `_split_off`)."""
    if not may_name_title(edited, low):
        return  # (an officer added or dropped is in the words that changed: most edits name none)
    sentences = _sentences(change)
    # (a short form either sentence defines is its title: 'our Vice President, Corporate Information Security ("VP,
    # CIS"). Our VP, CIS has ...' merged into '..., who has ...' names one officer, not "the Vice President, Cis")
    acronyms = defined_acronyms([("", t) for t in sentences if t and "(" in t], [None, None])
    old, new = (_officers(t, acronyms) for t in sentences)
    if not old or not new or old == new or not (old < new or new < old):
        return  # (a title for another on the same officers is a retitling, which the title facts read)
    deleted, inserted = _changed_words(change)
    gone, came = (_UNKNOWN_ACRONYM_RE.findall(" ".join(words)) for words in (deleted, inserted))
    if (old > new and any(w not in ABBREVIATIONS for w in came)) or (
        new > old and any(w not in ABBREVIATIONS for w in gone)
    ):
        return  # an officer's acronym for one the text defines ("[-CISO-]{+CISPO+}": a reader's retitled CISO)
    # the officer told of in a sentence split off beside it, or merged in, is still named ("The CIO, in turn, reports
    # to our Chief Technology Officer", an unseen reader's restyle, was "no longer names the Chief Technology Officer")
    removed, added = split_off()
    if (new < old and (old - new) <= set().union(*(_officers(t, acronyms) for t in added))) or (
        old < new and (new - old) <= set().union(*(_officers(t, acronyms) for t in removed))
    ):
        return
    said = _went_came(
        sorted(old - new),
        sorted(new - old),
        "",
        "the sentence no longer names the {g}",
        "the sentence now also names the {c}",
        quote=False,
    )
    change.severity = "medium"
    change.why = said


def _rank_named(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence on reporting to the board or a committee that no longer names a person by
    name, or now does, others named both years ("Our Chief Information Officer [-and Mr. Ekdahl report-]{+reports+} to
    the Board": reader 34's airline, its CISO no longer said to report to the board, "No substantive change")."""
    old, new = _sentences(change)
    if not (_TELLS_BOARD_RE.search(old) and _TELLS_BOARD_RE.search(new)):
        return
    gone = [n for t in deleted for n in _HONORIFIC_NAME_RE.findall(t) if n not in new]
    came = [n for t in inserted for n in _HONORIFIC_NAME_RE.findall(t) if n not in old]
    said = _went_came(
        gone,
        came,
        "the sentence now names {c} where it named {g}",
        "the sentence no longer names {g}",
        "the sentence now also names {c}",
        quote=False,
    )
    if said:
        change.severity, change.why = "medium", said


#: A person named with an honorific ("Mr. Ekdahl", "Dr. Rao").
_HONORIFIC_NAME_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z][\w'\u2019-]+")
#: A sentence telling the board or a committee ("report to the Board", "briefs the Audit Committee").
_TELLS_BOARD_RE = re.compile(
    r"\b(?:report|brief|updat|inform|present)\w*\s+(?:[\w-]+\s+){0,3}?(?:to\s+)?(?:the\s+|our\s+|its\s+)?"
    r"(?:[\w&-]+\s+){0,3}?(?:board|committee)\b",
    re.I,
)


def _rank_chair(change: Change) -> None:
    """`medium` for a reworded sentence whose committee is now chaired by someone else ("chaired by our [-President
    and Representative Director-]{+Executive Officer in charge of Corporate Planning+}", an unseen reader's 20-F: a
    low wording edit, though who leads the management body changed)."""
    old, new = (_CHAIRED_BY_RE.search(t) for t in _sentences(change))
    if old is None or new is None:
        return
    was, now = (_SPACES_RE.sub(" ", m.group("who")).strip() for m in (old, new))
    if comparison_key(was) == comparison_key(now):
        return
    change.severity = "medium"
    change.why = f"who chairs it changed: “{was}” -> “{now}”"


#: Who chairs a committee ("chaired by our Chief Information Officer and includes ...").
_CHAIRED_BY_RE = re.compile(
    r"\bchaired\s+by\s+(?:our\s+|the\s+|its\s+)?(?P<who>[^,;.()]{3,80}?)(?=\s+and\s+(?:consists|includes|comprises|is|"
    r"meets|reports|has)\b|\s+(?:who|which|that)\b|\s*[,;.(]|$)",
    re.I,
)


def _rank_scope(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence that now covers some where it covered all, or the other way round
    ("multi-factor authentication for [-all -]remote access to {+certain of +}our systems", an unseen reader's
    hospital operator: a control narrowed, read as a low wording edit)."""
    gone, came = (
        {_SCOPE.get(w.lower()) for t in texts for w in _SCOPE_RE.findall(t)} for texts in (deleted, inserted)
    )
    if "all" in gone and "some" in came and "all" not in came:
        turn = "narrowed"
    elif "some" in gone and "all" in came and "some" not in came:
        turn = "widened"
    else:
        return
    words = _went_came(
        *_gone_came(_SCOPE_RE, deleted, inserted), "{g} became {c}", "{g} dropped", "{c} added"
    )
    change.severity = "medium"
    change.why = f"{words}: what it covers was {turn}"


def _rank_told_of(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence on telling the board or a committee whose subjects were cut ("The Audit
    Committee receives quarterly reports from the Chief Information Security Officer on cybersecurity risks[-,
    significant incidents, and remediation status-]": reader 41's, Routine): the board hears of less. (Told of more,
    it stays a rewording of substance: ELF FY2025's "risks" -> "threats, incident preparedness, mitigation strategies
    and remediation".)"""
    old, new = _sentences(change)
    low_old, low_new = old.lower(), new.lower()
    # (the edit's words first, the whole sentences only where some subject went)
    gone = [m.group(0) for t in deleted for m in _TOLD_OF_RE.finditer(t) if m.group(0).lower() not in low_new]
    if (
        not gone
        or any(m.group(0).lower() not in low_old for t in inserted for m in _TOLD_OF_RE.finditer(t))
        or not (_board_told(old) and _board_told(new))
    ):
        return
    change.severity = "medium"
    change.why = (
        f"{listed(gone, True)} no longer among what the board is told of: what it hears of was narrowed"
    )


def _board_told(sentence: str) -> bool:
    """Whether a sentence tells the board or a committee ("reports to the Board"), or has it told ("The Audit Committee
    receives quarterly reports")."""
    return bool(_TELLS_BOARD_RE.search(sentence) or _BOARD_HEARS_RE.search(sentence))


#: The board or a committee hearing ("The Audit Committee receives quarterly reports").
_BOARD_HEARS_RE = re.compile(
    r"\b(?:board|committee)\b[^.;]{0,60}?\b(?:receives?|reviews?|hears?|gets?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:reports?|updates?|briefings?|presentations?)\b",
    re.I,
)
#: What the board is told of, beside the risks ("significant incidents", "remediation status", "vulnerabilities").
_TOLD_OF_RE = re.compile(
    r"\b(?:(?:significant|material|major|cybersecurity|security|recent|open|critical|key|known)\s+)?(?:incidents|breaches|remediation"
    r"(?:\s+(?:status|efforts|plans?|activities))?|vulnerabilities|audit\s+findings|(?:test|testing)\s+results|metrics)\b",
    re.I,
)
_TOLD_OF_KEYS = ("incident", "breach", "remediation", "vulnerabilit", "finding", "result", "metric")


#: Words of how much something covers: all of it, or some.
_SCOPE = {
    **dict.fromkeys(("all", "every", "each", "entire", "whole"), "all"),
    # (not "most": "some of the [-largest-]{+most+} well-known brands", UPWK FY2025, is no scope)
    **dict.fromkeys(("certain", "some", "select", "selected"), "some"),
}
_SCOPE_RE = re.compile(r"\b(?:" + "|".join(_SCOPE) + r")\b", re.I)


def _rank_obligation(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence whose requirement became a request or an encouragement, or the other way round
    ("We [-require-]{+request that+} each vendor ... provide a current SOC 2 report", an unseen reader's: no change)."""
    if why := _obligation(deleted, inserted):
        change.severity, change.why = "medium", why


def _obligation(deleted: list[str], inserted: list[str]) -> str | None:
    """What `_rank_obligation` says of an edit, None where no requirement became a request nor the other way."""
    edited = " ".join(deleted + inserted).lower()
    if not any(map(edited.__contains__, _OBLIGATION_KEYS)):
        return None
    required_gone, required_came = _gone_came(_REQUIRED_RE, deleted, inserted)
    asked_gone, asked_came = _gone_came(_ASKED_RE, deleted, inserted)
    if required_gone and asked_came and not required_came:
        turn = "a requirement became a request"
    elif asked_gone and required_came and not asked_came:
        turn = "a request became a requirement"
    else:
        return None
    words = _went_came(required_gone or asked_gone, asked_came or required_came, "{g} became {c}", "", "")
    return f"{words}: {turn}"


#: Words of a requirement, and of asking only.
_REQUIRED_RE = re.compile(
    r"\b(?:requires?|required|requiring|must|mandates?|mandated|mandatory|obligat\w+)\b", re.I
)
_ASKED_RE = re.compile(
    r"\b(?:requests?|requested|requesting|encourages?|encouraged|asks?|asked|invites?|urges?)\b", re.I
)
#: A part of each word of `_REQUIRED_RE` and `_ASKED_RE` (looked for first).
_OBLIGATION_KEYS = ("requir", "must", "mandat", "obligat", "request", "encourag", "ask", "invite", "urge")


def _rank_report_type(change: Change) -> None:
    """`medium` for a reworded sentence whose SOC report changed type ("a SOC 2 Type [-II-]{+I+} report", an unseen
    reader's software company: no change at all): a Type I report tests the controls' design at a date, a Type II
    also their operation over a period."""
    if why := _report_type(change):
        change.severity, change.why = "medium", why


def _report_type(change: Change) -> str | None:
    """What `_rank_report_type` says of a change, None where its SOC report's type did not change."""
    was, now = (
        {_ROMAN.get(t.upper(), t.upper()) for t in _SOC_TYPE_RE.findall(t)} for t in _sentences(change)
    )
    if not was or not now or was == now:
        return None
    was_type, now_type = ("Type " + "/".join(sorted(types)) for types in (was, now))
    return f"the SOC report is now {now_type}, not {was_type}: " + (
        "its controls' operation over a period is no longer tested"
        if now == {"I"}
        else "its controls' operation over a period is now tested"
    )


def _certification_said(change: Change) -> str | None:
    """What a reworded sentence naming frameworks says anew, or no longer says, of the company's being certified to one
    ("[-aligned with-]{+certified to+} ISO/IEC 27001": no change at all to an unseen reader, where a lawyer reads a
    certification obtained); None where both sides say it alike. Pursuing a certification is not holding one."""
    sentences = _sentences(change)
    was, now = (certified(t) for t in sentences)
    if was == now:
        return None
    if PURSUING_RE.search(sentences[0 if now else 1]):
        return _pursued_said(change, *_changed_words(change))  # (held for pursued, or the other way)
    sentence = sentences[1 if now else 0]
    said = CERTIFIED_RE.search(sentence)
    assert said is not None
    # ("... to ISO/IEC 27001", not "... to ISO")
    quote = f"“{_SPACES_RE.sub(' ', sentence[said.start() : standard_end(sentence, said.end(), 40)])}”"
    return f"the company {'now says' if now else 'no longer says'} it holds a certification: {quote}"


_ROMAN = {"1": "I", "2": "II"}
#: The type of a SOC report ("SOC 2 Type II report", "SOC 1 Type 2").
_SOC_TYPE_RE = re.compile(r"\bSOC\s*[123]\s*(?:\(\w+\)\s*)?,?\s*Type\s+(II|I|2|1)\b", re.I)


def _rank_independence(change: Change, deleted: list[str], inserted: list[str]) -> None:
    """`medium` for a reworded sentence that no longer says something is independent ("We engage [-an independent-]{+a+}
    third-party firm": an unseen reader's three filings, no change at all). Said anew ("regular {+independent+}
    audits", RPD FY2024) it claims more, and stays low."""
    gone, came = _gone_came(_INDEPENDENT_RE, deleted, inserted)
    if gone and not came:
        change.severity = "medium"
        change.why = f"{_went_came(gone, [], '', '{g} dropped', '')}: no longer said to be independent"


def _rank_role(change: Change, deleted: list[str], inserted: list[str], edited: str) -> None:
    """`medium` for a reworded sentence whose verbs of what someone does went from directing to being kept informed,
    or back (AMPL FY2024 "Our management team [-supervises -]{+takes steps to stay informed about and monitor +}
    efforts to prevent ...": an independent reader took it for a weaker role, which the tool ranked wording only).
    One directing verb for another ("manages" -> "oversees"), or one dropped with nothing in its place, is not
    ranked here."""
    if not any(map(edited.__contains__, _ROLE_KEYS)):
        return  # (no verb of either kind among the words that changed: most edits)
    direct_gone, direct_came = _gone_came(_DIRECTING_RE, deleted, inserted)
    told_gone, told_came = _gone_came(_KEPT_INFORMED_RE, deleted, inserted)
    if direct_gone and told_came and not direct_came:
        gone, came, turn = direct_gone, told_came, "from directing to being kept informed"
    elif told_gone and direct_came and not direct_gone:
        gone, came, turn = told_gone, direct_came, "from being kept informed to directing"
    else:
        return
    change.severity = "medium"
    change.why = (
        f"{_went_came(gone, came, '{g} became {c}', '', '')}: what the role is said to do changed, {turn}"
    )


def _rank_departure(change: Change, responsible: frozenset[str]) -> None:
    """`high` for a sentence, added or reworded to say so, that an officer the disclosure names as responsible is
    leaving or has left ("we announced that our CTO would cease serving as CTO effective December 31, 2024": the
    officer who led the program, which an unseen filing's reader put first and the tool ranked as a plain low
    addition); `medium` for another officer's departure. A title is the one leaving when it stands before the
    words of leaving, within their clause ("our CISO retired in 2024"), or right after "the departure of"."""
    if change.kind == "text_added":
        sentence, before = change.text or "", ""
    elif change.kind == "text_changed":
        before, sentence = _sentences(change)
    else:
        return
    left_before = leaving_titles(before)
    leaving = [t for t in leaving_titles(sentence) if t not in left_before]
    if not leaving:
        return
    held = [t for t in leaving if title_key(t) in responsible]
    change.severity = "high" if held else "medium"
    change.why = f"departure of the {listed(held or leaving)}" + (", named as responsible" if held else "")


#: Verbs of directing the work ("oversees", "supervises", "manages", "is responsible for", "leads").
_DIRECTING_RE = re.compile(
    r"\b(?:oversee[sn]?|overseeing|oversaw|supervis(?:e|es|ed|ing|ion)|manag(?:e|es|ed|ing)|lead(?:s|ing)?|"
    r"direct(?:s|ing)|responsib(?:le|ility|ilities)|approv(?:e|es|ed|ing)|in\s+charge)\b",
    re.I,
)
#: Verbs of being kept informed of it ("stays informed about", "monitors", "is apprised of", "receives updates").
_KEPT_INFORMED_RE = re.compile(
    r"\b(?:(?:stay|stays|keep|keeps|kept|remain|remains|be|is|are)\s+)?(?:informed|apprised|aware)\b|"
    r"\bmonitor(?:s|ed|ing)?\b|\b(?:is|are)\s+(?:briefed|updated|notified)\b|\breceives?\s+(?:updates|reports|briefings)\b",
    re.I,
)
#: A part of every word the two kinds hold (looked for first, in the changed words).
_ROLE_KEYS = ("oversee", "oversaw", "supervis", "manag", "lead", "direct", "responsib", "approv", "charge")


def _rank_escalation(change: Change) -> None:
    """`medium` for a reworded sentence on telling someone of incidents whose words on which incidents, whether, how
    soon or to whom changed (`_escalation`)."""
    if said := _escalation(change):
        # (an officer who now decides alone which incidents go on is a gate on what reaches those who judge disclosure:
        # readers 32 and 37 each ranked "only if our Chief Financial Officer determines that they are material" high)
        change.severity = _gated(said, "medium")
        change.why = said


def _gated(said: str, otherwise: Severity) -> Severity:
    """`high` where what `_escalation_said` said names one who now decides which incidents go on, else `otherwise`."""
    return "high" if _JUDGE_SAID in said else otherwise


def _escalation(change: Change, who: bool = True) -> str | None:
    """`_escalation_said`, worked out once per comparison (`once`): `_rank` and the chain of rules may each ask it of one
    sentence."""
    old, new = _sentences(change)
    material = MATERIAL_TEXT in (change.elements or [change.element or ""])
    return once("escalation", (old, new, who, material), lambda: _escalation_said(change, who))


def _escalation_said(change: Change, who: bool) -> str | None:
    """What changed in a reworded sentence on telling someone of incidents (escalating, reporting, notifying): its words
    on which incidents, whether, how soon or to whom: "prompt escalation of [-certain -]cybersecurity
    incidents" (UPWK FY2024: all of them now), "updates the Board, [-as necessary-]{+where it deems appropriate+},
    regarding any [-material -]cybersecurity incidents[-, as well as any incidents with lesser impact
    potential-]{+ it considers to be significant or potentially significant+}" (AMPL FY2024), "communicates with
    the appropriate stakeholders, which [-may include-] ... {+reports the incident to+} the Audit Committee" (BOOT
    FY2025: no longer "may"). Independent readers ranked each above the wording only (or the modal alone) the tool
    said: Item 106(c)(2) asks how those responsible are informed of incidents and whether the board is."""
    if MATERIAL_TEXT in (change.elements or [change.element or ""]):
        return None  # (the statement on material incidents, whose words say which incidents affected the company)
    old, new = _sentences(change)
    low_old, low_new = old.lower(), new.lower()
    if not (_tells_of_incidents(low_old) and _tells_of_incidents(low_new)):
        return None
    verb = "escalated" if "escalat" in low_old + low_new else "reported"
    was, now = _threshold(old), _threshold(new)
    if was and now and was[0] != now[0]:
        # a level on a scale of severity, lower or higher ("Incidents classified as "high" or "critical"" -> ""medium"
        # or higher": reader 40's, "“critical” dropped", as if fewer incidents went on)
        which: str | None = (
            f"the threshold was {'lowered' if now[0] < was[0] else 'raised'}: incidents rated {now[1]} are now {verb} "
            f"(was {was[1]}), {'more' if now[0] < was[0] else 'fewer'} of them"
        )
    else:
        gone, came = _gone_came(_WHICH_INCIDENTS_RE, [old], [new], near=_INCIDENT_RE)
        which = _went_came(
            gone,
            came,
            f"{{g}} became {{c}}: which incidents are {verb} changed",
            f"{{g}} dropped: which incidents are {verb} changed",
            f"{{c}} added: which incidents are {verb} changed",
        )
    # a pronoun for the sentence's subject, then named ("Management is prepared to update the Board, as [-it-]
    # {+management+} deems appropriate": reader 39's restyle, "when incidents are reported changed"): the same judge
    subject, same = _SUBJECT_RE.match(old), _SUBJECT_RE.match(new)
    pronoun_for = (
        subject.group(1) if subject and same and subject.group(1).lower() == same.group(1).lower() else None
    )
    # (the pronoun replaced, as written: `_judges` reads officers by their capitals; folded to lower case to compare)
    resolved = (lambda w: _JUDGING_PRONOUN_RE.sub(rf"\1 {pronoun_for}", w)) if pronoun_for else None
    gone, came = _gone_came(_CONDITIONAL_RE, [old], [new])
    if resolved is not None and _said_alike(gone, came, lambda w: resolved(w).lower()):
        gone, came = [], []
    whether = _went_came(
        gone,
        came,
        f"{{g}} became {{c}}: when incidents are {verb} changed",
        f"{{g}} dropped: incidents are {verb} with fewer conditions",
        f"{{c}} added: whether incidents are {verb} is now left to judgement or conditions",
    )
    # how soon: "Ms. Marsh [-promptly -]informs the Chair ... {+at the Audit Committee's next regularly scheduled
    # meeting+}" (a reader's biotech: read as "“regularly” added in a sentence stating board oversight")
    deleted, inserted = _changed_words(change)
    edited = " ".join(deleted + inserted).lower()
    if any(map(edited.__contains__, _TIMING_KEYS)):
        gone, came = _gone_came(_TIMING_RE, [old], [new])
        gone += _gone_came(_DELAYED_RE, [new], [old])[1]
        came += _gone_came(_DELAYED_RE, [old], [new])[1]
    else:
        gone, came = [], []
    if _said_alike(gone, came, _adverb_folded):
        gone, came = [], []  # ("prompt notification" -> "notify us promptly": the same timing)
    soon = _went_came(
        gone,
        came,
        f"{{g}} became {{c}}: how soon incidents are {verb} changed",
        f"{{g}} dropped: incidents are {verb} less promptly",
        f"{{c}} added: incidents are {verb} more promptly",
    )
    # who: a committee told no longer, or newly ("escalated ... to the Cybersecurity Committee [-and to the Chair of
    # the Audit Committee-]", an unseen reader's pipeline operator: the board's committee cut out, no change at all)
    named = who and any(map(f"{low_old} {low_new}".__contains__, ("committee", "council")))
    before, after = (_told_bodies(old), _told_bodies(new)) if named else (None, None)
    told = (
        _went_came(
            sorted(before - after),
            sorted(after - before),
            f"incidents are now {verb} to the {{c}}, not the {{g}}",
            f"incidents are no longer {verb} to the {{g}}",
            f"incidents are now also {verb} to the {{c}}",
            quote=False,
        )
        if before is not None and after is not None and before != after
        else None
    )
    # which officers are told ("escalated to the Chief [-Financial-]{+Executive+} Officer and the General Counsel":
    # reader 36's, "No substantive change"), where no committee told changed
    if told is None and who and may_name_title(low_old + " " + low_new, low_old + " " + low_new):
        was_told, now_told = _officers(old), _officers(new)
        gone_told, came_told = was_told - now_told, now_told - was_told
        if (
            was_told
            and now_told
            and (gone_told or came_told)
            # (not a retitling, "Group Chief Information Security [+and Resilience+] Officer", "[-CISO-]{+CISPO+}")
            and not any(_retitled(g, c) for g in gone_told for c in came_told)
            and not _UNKNOWN_ACRONYM_RE.search(" ".join(deleted + inserted))
        ):
            told = _went_came(
                sorted(gone_told),
                sorted(came_told),
                f"incidents are now {verb} to the {{c}}, not the {{g}}",
                f"incidents are no longer {verb} to the {{g}}",
                f"incidents are now also {verb} to the {{c}}",
                quote=False,
            )
    # who decides: an officer who now judges which incidents go on ("any cybersecurity incidents{+ that our Chief
    # Information Security Officer determines to be material+}", reader 32's PRGS edit, said only "“potentially
    # material” became “material”")
    judged: list[str] = []
    if any(map(low_new.__contains__, _JUDGING_KEYS)):
        judged_before = _judges(resolved(old) if resolved is not None else old)
        judged = [t for t in _judges(new) if t not in judged_before]
    judge = (
        f"{listed([j if j == 'management' else f'the {j}' for j in judged], False)}{_JUDGE_SAID}{verb}"
        if judged
        else None
    )
    return "; ".join(w for w in (which, whether, soon, told, judge) if w) or None


#: The subject a sentence opens on ("Management", "The Company", "Our CISO"), before its verb.
_SUBJECT_RE = re.compile(
    r"\s*(?:our\s+|the\s+)?((?:[A-Z][\w-]*\s+){0,4}?(?:[Mm]anagement|[A-Z][\w-]*))\s+(?:is|are|will|may|has|have|shall|"
    r"updates|informs|reports|notifies|escalates|briefs)\b"
)
#: A pronoun that may stand for that subject, judging ("as it deems appropriate", "if they consider").
_JUDGING_PRONOUN_RE = re.compile(r"\b(as|if|where|when|unless)\s+(?:it|they)\b", re.I)


def _threshold(sentence: str) -> tuple[int, str] | None:
    """The lowest level of a scale of severity a sentence names incidents by ("classified as "high" or "critical"": 3,
    "high or critical"; ""medium" or higher": 2, "medium or higher"), None where it names none."""
    if not any(map(sentence.lower().__contains__, _LEVEL_KEYS)):
        return None
    m = _LEVEL_LIST_RE.search(sentence)
    if m is None:
        return None
    said = _QUOTES_RE.sub("", m.group(1)).strip()
    levels = [_LEVELS[w.lower()] for w in _LEVEL_WORD_RE.findall(said)]
    return (min(levels), said) if levels else None


#: The levels of a scale of severity, lowest first, and the words that name each.
_LEVELS = {"low": 1, "minor": 1, "medium": 2, "moderate": 2, "high": 3, "severe": 3, "critical": 4}
_LEVEL_KEYS = ("classified", "rated", "categori", "severity", "priority", "level", "tier", "deemed")
_LEVEL_WORD = "(?:" + "|".join(_LEVELS) + r")\b"
_LEVEL_WORD_RE = re.compile(r"\b" + _LEVEL_WORD, re.I)
#: A quotation mark around a level, or none.
_QUOTE = "[\"\u201c\u201d']?"
#: The levels named after a word of classing ("classified as "high" or "critical"", "rated medium or higher").
_LEVEL_LIST_RE = re.compile(
    r"\b(?:classified|rated|categori[sz]ed|triaged|deemed|assessed|designated)\s+(?:as\s+)?(?:having\s+(?:a\s+)?)?"
    rf"((?:{_QUOTE}{_LEVEL_WORD}{_QUOTE},?\s+(?:or|and|to)\s+)*{_QUOTE}{_LEVEL_WORD}{_QUOTE}"
    r"(?:\s+(?:or|and)\s+(?:higher|above|greater|more\s+severe))?)",
    re.I,
)
_QUOTES_RE = re.compile("[\"\u201c\u201d']")


def _retitled(a: str, b: str) -> bool:
    """Whether two officers' titles may be one officer retitled: one a stand-in's of the other ("Interim Chief Executive
    Officer"), or the two sharing a word of their remit ("Chief Privacy Officer", "Chief Privacy and Data
    Responsibility Officer")."""
    words = [set(_TITLE_WORD_RE.findall(t.lower())) - _TITLE_GENERIC for t in (a, b)]
    return not words[0] or not words[1] or not words[0].isdisjoint(words[1])


_TITLE_WORD_RE = re.compile(r"[a-z]+")
#: The words of a title that name no remit.
_TITLE_GENERIC = frozenset(
    "chief officer group global senior vice president interim acting deputy assistant associate head "
    "director of and the for".split()
)


def _materiality_judge_changed(change: Change) -> str | None:
    """Who a reworded sentence says decides whether an incident is material, where that changed ("It is the
    responsibility of [-the Cybersecurity Incident Response team-]{+our Chief Financial Officer+} to determine if an
    incident is material": reader 37's, read as the CFO now responsible for cybersecurity); else None."""
    old, new = _sentences(change)
    if "material" not in new or "determin" not in new.lower() + old.lower():
        return None
    was, now = (_MATERIALITY_JUDGE_RE.search(t) for t in (old, new))
    if was is None or now is None:
        return None
    who_was, who_now = (_SPACES_RE.sub(" ", m.group("who")).strip() for m in (was, now))
    if comparison_key(who_was) == comparison_key(who_now):
        return None
    return f"who determines whether an incident is material changed: the {who_was} -> the {who_now}"


#: Who decides whether an incident is material ("It is the responsibility of our CFO to determine if an incident is
#: material").
_MATERIALITY_JUDGE_RE = re.compile(
    r"\bresponsibility\s+of\s+(?:the\s+|our\s+|its\s+)?(?P<who>[^;.]{3,80}?)\s+to\s+(?:determine|decide|assess)\s+"
    r"(?:whether|if)\b[^.;]{0,60}?\bmaterial",
    re.I,
)


def _judges(sentence: str) -> list[str]:
    """The officers a sentence on telling of incidents says judge which are told ("incidents that our CISO determines
    to be material")."""
    return [
        t
        for m in _JUDGED_BY_RE.finditer(sentence)
        # (management as a whole: "notified only of incidents that management has determined to be material", reader
        # 40's restaurant chain, where the incident response team's judgment of "could be material" had been)
        for t in (
            sorted(_officers(m.group("who")))
            # (not "as management deems appropriate", a discretion, the restyle of "as it deems appropriate": reader 39's)
            or (
                ["management"]
                if _MANAGEMENT_WHO_RE.fullmatch(m.group("who")) and m.group(0)[:2].lower() != "as"
                else []
            )
        )
    ]


#: Management as the one who judges ("management", "senior management", "our management team").
_MANAGEMENT_WHO_RE = re.compile(r"(?:senior\s+|executive\s+)?management(?:\s+team)?", re.I)


#: What `_escalation_said` says of an officer who now judges which incidents go on.
_JUDGE_SAID = " now decides which incidents are "
#: A part of each verb of judging `_JUDGED_BY_RE` holds (looked for first).
_JUDGING_KEYS = ("determin", "deem", "consider", "judge", "conclude")
#: An officer judging incidents, in a relative clause ("that our Chief Information Security Officer determines").
_JUDGED_BY_RE = re.compile(
    r"\b(?:that|which|as|if|unless|where|when)\s+(?:our\s+|the\s+|its\s+)?(?P<who>[^,;.]{2,80}?)\s+(?:(?:has|have)\s+)?"
    r"(?:determines?|determined|deems?|deemed|considers?|judges?|concludes?|concluded)\b",
    re.I,
)


def _told_bodies(sentence: str) -> set[str] | None:
    """The committees a sentence names (`bodies_named`), a committee's chair told standing for it ("to the Chair of
    the Audit Committee"); None where it names one it does not say."""
    bodies = bodies_named(sentence)
    if bodies is None or "hair" not in sentence:
        return bodies
    return bodies | {" ".join(m.group(1).lower().split()) for m in _CHAIR_OF_RE.finditer(sentence)}


#: A committee's chair ("the Chair of the Audit Committee").
_CHAIR_OF_RE = re.compile(
    r"\b[Cc]hair(?:man|person|woman)?\s+of\s+(?:the\s+|our\s+|its\s+)?((?:[A-Z][\w&-]*\s+(?:and\s+)?){1,5}Committee)\b"
)


def _stopped(change: Change) -> str | None:
    """The words by which a reworded sentence now says something is no longer done ("no longer", "discontinued"),
    where the earlier sentence did not; None where it does not."""
    if change.kind != "text_changed":
        return None
    old, new = _sentences(change)
    low = new.lower()
    if not any(map(low.__contains__, _STOPPED_KEYS)):
        return None  # (looked for in the sentence first: nearly every one says no such thing)
    inserted = " ".join(_changed_words(change)[1]).lower()
    if not any(map(inserted.__contains__, _STOPPED_KEYS)):
        return None  # (the words that say it are among those put in)
    said = _STOPPED_RE.search(new)
    if said is None or _STOPPED_RE.search(old):
        return None
    return said.group(0).lower()


def _rank_stopped(change: Change) -> None:
    """`medium` for a reworded sentence that now says something is no longer done: "We [-engage-]{+no longer engage+}
    an outside firm to perform penetration testing; instead, our internal team performs vulnerability scans ... each
    quarter" (a reader's biotech: read as a test done more often)."""
    if said := _stopped(change):
        change.severity = "medium"
        change.why = f"“{said}” added: the sentence now says something is no longer done"


#: A part of every word `_STOPPED_RE` holds.
_STOPPED_KEYS = ("longer", "discontinu", "ceased", "stopped", "ended", "terminated")
#: Words saying something is no longer done.
_STOPPED_RE = re.compile(
    r"\bno\s+longer\b|\b(?:have|has|had)\s+(?:discontinued|ceased|stopped|ended|terminated)\b|\bdiscontinued\b|"
    r"\bceased\s+to\b",
    re.I,
)


def _rank_escalation_rewritten(changes: list[Change]) -> None:
    """`medium` for a sentence added on telling someone of incidents where a sentence removed near it (within
    `_NEAR_CHANGES` changes, in its element) told others, or of other incidents: one escalation rewritten past what the
    alignment pairs as a rewording (a reader's software company: "our CISO informs the Chief Technology Officer of
    security incidents that affect production systems" became "... informs the Chief Executive Officer, the General
    Counsel and our Disclosure Committee within 24 hours of any security incident that involves ... customer data",
    and nothing said who is now told). The sentence removed says where it went."""
    escalates: dict[int, bool] = {}  # (by the change's place: asked of a change once)

    def escalating(k: int) -> bool:
        if k not in escalates:
            escalates[k] = _escalates(changes[k])
        return escalates[k]

    # (a sentence's parties, worked out once: one removed may be weighed against several)
    told: dict[str, set[str]] = {}
    taken: set[int] = set()
    for k, added in enumerate(changes):
        if added.kind != "text_added" or added.severity == "high":
            continue
        near = range(max(0, k - _NEAR_CHANGES), min(len(changes), k + _NEAR_CHANGES + 1))
        g = next(
            (
                j
                for j in near
                if j not in taken
                and changes[j].kind == "text_removed"
                and changes[j].severity == "low"
                and changes[j].element == added.element
                and escalating(j)
            ),
            None,
        )
        if g is None or not escalating(k):
            continue
        gone = changes[g]
        old, new = gone.text or "", added.text or ""
        if old not in told:
            told[old] = _told_of_incidents(old)
        was, now = told[old], _told_of_incidents(new)
        who = _went_came(
            sorted(was - now),
            sorted(now - was),
            "who is told of incidents changed: {g} -> {c}",
            "{g} no longer told of incidents",
            "{c} now also told of incidents",
            quote=False,
        )
        lost, gained = _gone_came(_WHICH_INCIDENTS_RE, [old], [new], near=_INCIDENT_RE)
        which = _went_came(
            lost,
            gained,
            "{g} became {c}: which incidents are escalated changed",
            "{g} dropped: which incidents are escalated changed",
            "{c} added: which incidents are escalated changed",
        )
        said = who or which  # (who is told first: the words on which incidents then read of another sentence)
        if not said:
            continue
        if added.why and added.why.startswith(_DEADLINE_WHY):
            added.why = f"{said}; a time to tell of incidents is now set"  # (the escalation rewritten leads)
        else:
            added.why = said if added.severity == "low" else f"{added.why}; {said}"
        added.severity = "medium"
        gone.why = "how incidents are escalated is told anew in a sentence added (see there)"
        taken.add(g)


#: How far apart, in changes, a sentence removed and one added may be to be one escalation rewritten.
_NEAR_CHANGES = 4


def _escalates(change: Change) -> bool:
    """Whether a sentence added or removed tells of someone being told of incidents, outside the statement on
    material incidents and the telling of a past incident."""
    text = change.text or ""
    return (
        MATERIAL_TEXT not in (change.elements or [change.element or ""])
        and _tells_of_incidents(text.lower())
        and not past_incident(text)
    )


def _told_of_incidents(sentence: str) -> set[str]:
    """The officers and committees a sentence on escalation names ("the Chief Technology Officer", "the disclosure
    committee")."""
    return {f"the {t}" for t in _officers(sentence)} | {f"the {b}" for b in bodies_named(sentence) or ()}


def _tells_of_incidents(low: str) -> bool:
    """Whether a (lower-cased) sentence tells of someone being told of incidents: a word for incidents and one for
    telling."""
    return (
        any(map(low.__contains__, _INCIDENT_KEYS))  # (looked for first; "event" is also in "prevent")
        and _INCIDENT_RE.search(low) is not None
        and _TELLING_RE.search(low) is not None
    )


_INCIDENT_KEYS = ("incident", "breach", "event", "issue")
#: Verbs of telling someone (not "information", nor "this report").
_TELLING_RE = re.compile(
    r"\b(?:escalat\w*|(?<!this )(?<!annual )report(?:s|ed|ing)?\b(?!\s+on\s+form)|notif\w*|inform(?:s|ed|ing)?|"
    r"updat(?:e|es|ed|ing)\s+(?:the|our|its|their)|brief(?:s|ed|ing)?|communicat\w*|alert(?:s|ed|ing)?|"
    r"(?:brought|bring|brings|bringing)\s+to\s+the\s+attention|elevat(?:e|es|ed|ing)\s+to)\b"
)
#: Words for incidents ("issues": "escalate ... when they identify an emerging risk or [-significant-]{+material+}
#: issue", a reader's MA edit).
_INCIDENT_RE = re.compile(r"\b(?:incidents?|breach(?:es)?|events?|issues?)\b", re.I)
#: Which incidents: a severity ("material", "significant", "potentially significant", "lesser impact"), a share
#: ("certain", "all"; not "any", which says no more than the noun: "regarding any material incidents"), or a
#: threshold met.
_WHICH_INCIDENTS_RE = re.compile(
    r"\b(?:(?:potentially\s+|highly\s+)?(?:material|significant|serious|severe|critical|major|"
    r"high[- ](?:severity|risk|impact)|lesser\s+impact|minor|low[- ](?:severity|risk|impact))|certain|all|"
    r"(?:that|which)\s+meets?\s+(?:certain|"
    r"defined|established|pre-?defined|specified|applicable)\s+(?:thresholds?|criteria))\b",
    re.I,
)
#: When it is done: a modal of maybe on the telling ("may include the Audit Committee"; not "incidents that may
#: have a material impact", which says which), or a judgement left to someone ("as necessary", "where it deems
#: appropriate", "depending on").
_CONDITIONAL_RE = re.compile(
    r"\b(?:(?:may|might)\s+(?:include|involve|be\s+(?:escalated|reported|notified|informed|shared|communicated|"
    r"elevated|briefed|updated)|escalate|report|notify|inform|brief|update|share|communicate|elevate)|"
    r"as\s+(?:necessary|needed|appropriate|warranted)|(?:where|when|if|as)\s+(?:it\s+|they\s+|"
    r"management\s+)?(?:deems?|deemed|considers?|considered|determines?|determined)\s+(?:it\s+)?"
    r"(?:appropriate|necessary|warranted|advisable)|(?:where|when|if)\s+(?:appropriate|necessary|warranted)|"
    r"depending\s+on|at\s+(?:its|their|management's)\s+discretion)\b",
    re.I,
)


def _officers(sentence: str, acronyms: dict[str, str] | None = None) -> set[str]:
    """The officers' titles a sentence names, normalised ("CISO" and "Chief Information Security Officer" alike, and
    a short form `acronyms` defines as its title), outside its biography (titles held before, or elsewhere: the
    person's background, which the people facts read)."""
    return {title for _, _, title in officer_spans(sentence, acronyms)} if sentence else set()


#: An acronym (three or more capitals, an "s" of the plural allowed).
_UNKNOWN_ACRONYM_RE = re.compile(r"\b[A-Z]{3,}s?\b")


#: How quickly something is done ("immediately", "promptly", "in a timely manner", "within 24 hours").
_TIMING_RE = re.compile(
    # (not "timely" of what is topical: "These programs cover [-timely and -]relevant topics", reader 43's restyle)
    r"\b(?:immediately|prompt(?:ly)?|timely(?!\s+(?:and\s+[\w-]+\s+)?(?:topics?|information|content|issues|subjects|"
    r"themes|trends))|expeditiously|without\s+(?:undue\s+)?delay|as\s+soon\s+as\s+(?:reasonably\s+)?"
    r"(?:practicable|possible)|within\s+\S+\s+(?:hours?|days?|business\s+days?))\b",
    re.I,
)
#: A part of every word `_TIMING_RE` and `_DELAYED_RE` hold.
_TIMING_KEYS = ("immediate", "prompt", "timely", "expedit", "without", "soon", "within", "next")
#: A wait for the next meeting ("at the Audit Committee's next regularly scheduled meeting"): told later, not sooner.
_DELAYED_RE = re.compile(
    r"\b(?:at|during|until)\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w'\u2019]+\s+){0,4}?next\s+(?:regularly\s+"
    r"scheduled\s+|scheduled\s+|regular\s+|quarterly\s+)?meeting\b",
    re.I,
)
_SPACES_RE = re.compile(r"\s+")
#: Words on acquired businesses and their integration.
_ACQUIRED_RE = re.compile(
    r"\b(?:(?:recently|newly)\s+)?(?:acquired|acquires?|acquiring|acquisitions?|mergers?|merged)\b|"
    # "recently" of businesses acquired (or alone in the words that changed: KO's "[-newly -]acquired"), not "(most
    # recently completed on ...)" (a reader's hospital operator)
    r"\b(?:recently|newly)\b(?=[^.;]{0,40}\b(?:acquired|acquisitions?|mergers?|merged|integrated)\b|\s*$)",
    re.I,
)


def _said_alike(gone: list[str], came: list[str], fold: Callable[[str], str]) -> bool:
    """Whether words gone and words come say the same once each is folded to one form (`fold`)."""
    return bool(gone) and {fold(w) for w in gone} == {fold(w) for w in came}


def _acquire_folded(word: str) -> str:
    """A word of `_ACQUIRED_RE` in one form of its forms (`_ACQUIRE_FOLD`)."""
    return _ACQUIRE_FOLD.get(word, word)


def _adverb_folded(words: str) -> str:
    """Words of timing without the ending that makes an adverb ("promptly" -> "prompt"; "timely" stays)."""
    return " ".join(w.removesuffix("ly") if w.endswith("tly") else w for w in words.split())


#: The forms of one word of `_ACQUIRED_RE` (an edit between them says the same).
_ACQUIRE_FOLD = {
    "acquire": "acquired",
    "acquires": "acquired",
    "acquiring": "acquired",
    "acquisition": "acquired",
}
#: Independence said of an assessor, an auditor, a director ("independent third-party firm", "independently").
_INDEPENDENT_RE = re.compile(r"\bindependent(?:ly)?\b", re.I)
#: A kind of words `_rank_words` ranks: (keywords one of which the changed words hold, the words, what changed).
_WordKind = tuple[tuple[str, ...], re.Pattern[str], str]
#: Words of how quickly something is done.
_TIMING_KIND: _WordKind = (
    ("immediately", "prompt", "timely", "expeditiously", "delay", "as soon as", "within", "hour", "day"),
    _TIMING_RE,
    _TIMING_WHAT,
)
#: The kinds of words `_rank_words` ranks, in order.
_WORD_KINDS: tuple[_WordKind, ...] = (
    (
        ("acqui", "merge", "recently", "newly"),
        _ACQUIRED_RE,
        "which acquired businesses the program covers changed",
    ),
    _TIMING_KIND,
)


#: What a forward-looking statement commits to: a hedge ("could", "may": one as good as another), "reasonably
#: likely", a negation, a number.
_OUTLOOK_TERMS = {
    "hedge": re.compile(r"\b(?:may|might|could|would|can|if|potential(?:ly)?)\b", re.I),
    "likely": re.compile(r"\b(?:reasonably\s+)?(?:un)?likely\b", re.I),
    "negation": re.compile(r"\b(?:not|no|never|none)\b|n['\u2019]t\b", re.I),
    "number": re.compile(r"\d"),
}


def _outlook_terms(text: str) -> set[str]:
    return {name for name, pattern in _OUTLOOK_TERMS.items() if pattern.search(text)}


def _label(fact: str, labels: dict[str, str]) -> str:
    """What a sentence states, as the middle of "a sentence stating ...": a fact's label, or what a flag says
    ("that those responsible report to the board")."""
    if fact.startswith("flag:"):
        plain = spec_for(fact[5:]).reader_label
        if plain.startswith("Says "):
            return "that " + plain[5:]
        return plain[6:] if plain.startswith("Names ") else plain[:1].lower() + plain[1:]
    return labels.get(fact, fact).lower()


def _at_most(items: list[str], n: int) -> list[str]:
    """The first n items, the rest counted: ["a", "b", "3 other things"]."""
    return items if len(items) <= n else [*items[: n - 1], f"{len(items) - n + 1} other things"]


def _went_came(
    gone: list[str], came: list[str], both: str, went: str, added: str, quote: bool = True
) -> str | None:
    """The phrase that fits what went and what came (`{g}`, `{c}`: each as a reader lists it, quoted words unless
    `quote` is false), None when neither did: `_went_came(["may"], ["could"], "{g} became {c}", "{g} dropped",
    "{c} added")` is "“may” became “could”"."""
    g, c = (listed(words, quote) if words else "" for words in (gone, came))
    if gone and came:
        return both.format(g=g, c=c)
    if gone:
        return went.format(g=g)
    if came:
        return added.format(c=c)
    return None


def _gone_came(
    pattern: re.Pattern[str], deleted: list[str], inserted: list[str], near: re.Pattern[str] | None = None
) -> tuple[list[str], list[str]]:
    """The words of `pattern` an edit took out and put in (lower-cased, spaces as one, each once), less those it
    did both; of whole sentences too (`[old]`, `[new]`). With `near`, only words within `_NEAR` characters of one of
    its matches (which incidents: "certain" of "certain cybersecurity incidents", not of "certain members of
    management")."""
    gone, came = (
        list(
            dict.fromkeys(
                _SPACES_RE.sub(" ", m.group().lower()) for t in texts for m in _near(pattern, t, near)
            )
        )
        for texts in (deleted, inserted)
    )
    return [w for w in gone if w not in came], [w for w in came if w not in gone]


#: How far from an incident word a word of which incidents may stand: "incidents that are identified as reasonably
#: having the potential to be highly significant" (an unseen filing's, 68 characters on).
_NEAR = 90


def _near(pattern: re.Pattern[str], text: str, near: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text`; with `near`, those within `_NEAR` characters of a match of it."""
    if near is None:
        yield from pattern.finditer(text)
        return
    spans = [m.span() for m in near.finditer(text)]
    for m in pattern.finditer(text):
        if any(a - _NEAR <= m.end() and m.start() <= b + _NEAR for a, b in spans):
            yield m


def _version_edit(deleted: list[str], inserted: list[str]) -> tuple[Severity, str] | None:
    """(severity, why) of an edit to a sentence stating frameworks whose only words of substance are version
    numbers ("NIST-CSF Version 1.1" -> "NIST-CSF", WMT FY2025: a reader found "“1.1” dropped" cryptic, and no
    matter, the framework still named): a version given up or newly given is low, one version for another
    ("1.1" -> "2.0") medium; None for any other edit."""
    gone, came = _gone_came(_VERSION_RE, deleted, inserted)
    if not (gone or came) or _substantive_tokens(
        [_VERSION_RE.sub(" ", t) for t in deleted], [_VERSION_RE.sub(" ", t) for t in inserted]
    ):
        return None
    why = _went_came(
        gone,
        came,
        "the version of a framework named changed: {g} became {c}",
        _VERSION_WHY + " ({g}) is no longer given; the framework is still named",
        _VERSION_WHY + " ({c}) is now given",
    )
    return ("medium" if gone and came else "low"), why or ""


_VERSION_WHY = "a framework's version number"


def _named_when_routine(why: str) -> bool:
    """Whether a low wording change is named in a routine verdict (a frequency of something done, a framework's
    version): what a reader of the filing noticed, though no matter of substance."""
    return why.endswith(_HOW_OFTEN_WHY) or why.startswith(_VERSION_WHY)


#: A version number ("1.1", "2.0", "27001:2013"'s year aside).
_VERSION_RE = re.compile(r"\b\d+\.\d+(?:\.\d+)?\b")


def _substance_edit(deleted: list[str], inserted: list[str]) -> str:
    """The words of substance (numbers, negations, hedges, frequencies, scope) an edit took out or put in, as a
    reader would say it: "“may” dropped", "“20” became “25”", "“not” added"."""
    return _went_came(
        *_gone_came(_SUBSTANCE_RE, deleted, inserted), "{g} became {c}", "{g} dropped", "{c} added"
    ) or (
        "a number, a negation or a hedge changed"  # (the same words, in another order)
    )


# ---- the verdict -----------------------------------------------------------------------------------------------
#: Which changes a reader hears of first, among changes of equal severity.
_FIRST = [
    "people",
    "material_incident_statement",
    "material_incident_strength",
    f"flag:{MATERIAL_FLAG}",
    "board_oversight",
    "responsible_titles",
    "responsible_people",
    "reports_to",
    "briefing_frequency",
    "element",
    "flag",
    "experience_years",
    "frameworks",
    "certifications",
    "management_committees",
    "third_parties",
    "tenure_start",
    "former_certifications",
    "text",
]


def importance(change: Change) -> tuple:
    """Sort key: severity first, then what the change is about (see _FIRST); a material effect now disclosed comes
    before all else (a reader found a CISO's departure leading a verdict on a newly disclosed material incident),
    then an incident told of for the first time."""
    if change.fact == "material_incident_statement" and change.new == "affected" and change.old != "affected":
        rank = -2
    elif change.kind == "text_added" and change.severity == "high" and _tells_incident(change):
        rank = -1  # (an incident told of for the first time: next, before the people; a reader's 20-F)
    elif change.kind == "flag_flipped":
        what = f"flag:{change.element}"
        rank = _FIRST.index(what) if what in _FIRST else _FIRST.index("flag")
    elif change.kind.startswith("element_"):
        rank = _FIRST.index("element")
    elif change.kind in TEXT_KINDS:
        rank = _FIRST.index("text")
    else:
        rank = _FIRST.index(change.fact) if change.fact in _FIRST else len(_FIRST)
    return SEVERITY_RANK[change.severity], rank


def _text_summary(changes: list[Change]) -> str:
    """ "1 sentence reworded, 2 added in substance; 3 more changes in wording only": the wording changes of substance
    counted, and the rest the report lists (readers counted three listed where the verdict said one)."""
    counts = {"text_changed": 0, "text_added": 0, "text_removed": 0}
    form = 0
    for c in changes:
        if c.kind in counts and of_substance(c):
            counts[c.kind] += 1
        elif c.kind in TEXT_KINDS:
            form += 1
    parts = []
    for kind, word in (("text_changed", "reworded"), ("text_added", "added"), ("text_removed", "removed")):
        n = counts[kind]
        if n:
            parts.append(f"{n} sentence{'s' if n > 1 else ''} {word}")
    if (
        parts and form
    ):  # ("2 sentences reworded (3 more ...)" beside five listed as reworded confused a reader)
        return f"{', '.join(parts)} in substance; {form} more change{'s' if form > 1 else ''} in wording only"
    return ", ".join(parts)


def decide(changes: list[Change], large: str | None) -> Verdict:
    """The verdict on a list of ranked changes; `large`: the extent of a large change of the text (REWRITTEN,
    EXPANDED, SHORTENED, REORGANISED or REVISED), None when it was not."""
    wording = [c for c in changes if c.kind in TEXT_KINDS]
    extent = large or (MINOR if wording else NO_WORDING_CHANGE)
    substantive = [c for c in changes if of_substance(c)]
    if not substantive:
        return Verdict(NO_CHANGE, extent)
    ranked = sorted(substantive, key=importance)
    level = _LEVEL[ranked[0].severity]
    top: list[str] = []
    listed: list[Change] = []
    wording_of_facts = _wording_of_facts(ranked)
    # (what else the sentences behind fact changes carry, and where: named where there is room)
    extras: list[tuple[str, str]] = []
    # what a new incident cost, said on the incident's line (reader 43's KO year: the $38 million, high, was left out
    # of a verdict full with the incident, the carve-out and the committee)
    costs = [c for c in ranked if c.kind == "text_added" and (c.why or "").startswith(_COST_STATED + ":")]
    told = next((c for c in ranked if c.kind == "text_added" and c.why == f"{_TOLD_OF} added"), None)
    for c in ranked:
        if len(top) >= 3 or c.severity == "low" and top:
            break
        if told is not None and c in costs:
            continue  # (said with the incident)
        if (
            c.kind == "flag_flipped"
            and c.element == MATERIAL_FLAG
            and any(f.fact == "material_incident_statement" for f in listed)
        ):
            continue  # the flag read from the statement already listed: the same news twice
        if c.kind in TEXT_KINDS:
            if id(c) in wording_of_facts:
                # the wording of a fact change the verdict has (a sentence whose own facts held stays); what else the
                # sentence carries is named ("every two years" -> "annually" beside the framework added)
                extras += [(m, _quoted(c)) for m in c.also]
                continue
            if c.severity == "low":
                top += _room(top, extras)
                # a commitment of frequency reworded ("annual" penetration tests no longer said), or a framework's
                # version, is named, then the count of the rest
                noted = [x for x in ranked if x.severity == "low" and _named_when_routine(x.why or "")]
                top += [f"{x.why}: \u201c{_quoted(x)}\u201d" for x in noted[: max(0, 3 - len(top) - 1)]]
                summary = _text_summary(wording)
                if summary and summary not in top:
                    top.append(summary)
                break
            summary = f"{c.why}: \u201c{_quoted(c)}\u201d"
            if c is told and costs:
                summary += "; its cost now stated: " + "; ".join(
                    (x.why or "")[len(_COST_STATED) + 2 :] for x in costs
                )
        else:
            summary = c.summary or c.why or c.kind
        if summary not in top:
            top.append(summary)
            listed.append(c)
    top += _room(top, extras)  # (none left where the routine count closed the list)
    return Verdict(level, extent, top)


def _room(top: list[str], extras: list[tuple[str, str]]) -> list[str]:
    """The extras ((matter, quote) of `Change.also` of sentences behind fact changes) not yet said, as many as the
    verdict has room for."""
    fresh = [f"{m}: \u201c{q}\u201d" for m, q in dict.fromkeys(extras) if not any(m in t for t in top)]
    extras.clear()
    return fresh[: max(0, 3 - len(top))]


def _quoted(change: Change, limit: int = 90) -> str:
    """The sentence a wording change leads to, clipped to `limit` characters around what changed: a reworded
    sentence whose edits lie past the first `limit` characters is quoted from a little before its first edit
    ("\u2026of our independent directors and chaired by our chief product and technology officer\u2026"), so that
    the quote shows the change."""
    text = change.new if isinstance(change.new, str) else change.text or ""
    if change.kind != "text_changed" or not change.ops or len(text) <= limit:
        return clip(text, limit)
    pos, first, last = 0, None, 0
    for op, part in change.ops:
        if op != 0 and first is None:
            first = pos
        if op != -1:
            pos += len(part)
        if op != 0:
            last = pos
    if first is None or last <= limit - 10 or "".join(p for op, p in change.ops if op != -1) != text:
        return clip(text, limit)
    start = text.rfind(" ", 0, max(0, first - 25)) + 1  # (a word's start; 0 when there is no space before)
    # the edits whole where they fit in nearly twice the limit, else as much of them as the limit holds
    width = last - start + 10 if last - start + 10 <= 2 * limit - 20 else limit
    return ("\u2026" if start else "") + clip(text[start:], max(limit, width))


def clip(text: str, limit: int = 90) -> str:
    """The text, or as many of its first words as fit in `limit` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "\u2026"
