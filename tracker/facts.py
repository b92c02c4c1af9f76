"""The facts of facts.md, derived from a Disclosure, and the fact changes between two disclosures.

Every extractor is a regular expression or a closed vocabulary applied sentence by sentence; every value
keeps its evidence (the element and the sentence). Values are normalised as facts.md says, and sets are
compared on a comparison key, so that a change of form never shows up as a change of fact.

Choices made here (facts.md leaves them open):
- `experience_years` qualifier: "N+ years" and "N-plus years" read as `at least` (N+ includes N); "about", "nearly",
  "almost", "roughly" read as `approximately`; "two decades" is 20 years.
- `tenure_start` is the first start the text gives ("since our inception" -> "inception", "since 2017").
- a committee is a board committee when its name says so (audit, nominating, governance, compensation) or
  the text ties it to the board; it is a management committee when the text places it at management level
  or its name says so (steering, disclosure, executive, safeguard, ...).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tracker.models import UNTAGGED_ELEMENT, Change, Disclosure
from tracker.normalize import (
    clean_inline,
    comparison_key,
    split_glued_words,  # noqa: F401 (kept importable from here)
    split_glued_words_all,
    split_sentences,
    text_vocabulary,
)

FACT_NAMES = [
    "responsible_titles", "responsible_people", "experience_years", "tenure_start", "reports_to",
    "certifications", "board_oversight", "management_committees", "briefing_frequency", "frameworks",
    "third_parties", "material_incident_statement",
]
#: Facts with one value (the others are sets, or the list experience_years).
SINGLE_FACTS = {"tenure_start", "material_incident_statement"}


@dataclass
class FactValue:
    """One value of a fact, with its evidence."""

    value: Any
    """Normalised value: a str, or for experience_years a dict {holder, years, qualifier}."""
    element: str
    """The element the evidence sentence sits in."""
    evidence: str
    """The sentence that states the value."""

    def to_json(self) -> dict:
        """{"value": ..., "element": ..., "evidence": ...}."""
        return {"value": self.value, "element": self.element, "evidence": self.evidence}


Sentences = list[tuple[str, str]]


def _text_sources(d: Disclosure) -> tuple[tuple[str, str], ...]:
    """(element, text) of every text the facts derive from: the text blocks, then the section text."""
    return tuple((e.name, str(e.value)) for e in d.text_elements) + ((UNTAGGED_ELEMENT, d.section_text or ""),)


@dataclass
class _Derived:
    """What tracker.facts derived from one disclosure's texts (kept in Disclosure.facts_cache)."""

    sources: tuple[tuple[str, str], ...]
    """The texts it was derived from (_text_sources): a disclosure whose texts changed since gets new work."""
    sentences: Sentences | None = None
    """disclosure_sentences."""
    facts: dict[str, list[FactValue]] | None = None
    """extract_facts."""


def _derived(d: Disclosure) -> _Derived:
    """The disclosure's cache entry, fresh when its texts changed (facts depend on nothing else)."""
    sources = _text_sources(d)
    cache = getattr(d, "facts_cache", None)
    if not isinstance(cache, _Derived) or cache.sources != sources:
        cache = _Derived(sources)
        try:
            d.facts_cache = cache
        except AttributeError:  # not a Disclosure: work uncached
            pass
    return cache


def disclosure_sentences(d: Disclosure) -> Sentences:
    """(element, sentence) for every distinct sentence of the disclosure, in document order.

    Tagged text blocks overlap (a child block repeats its parent's sentences): each sentence is kept
    once, under the first element it appears in; section text no element covers comes last.
    """
    cache = _derived(d)
    if cache.sentences is None:
        cache.sentences = _sentences_of(cache.sources)
    return list(cache.sentences)


def _sentences_of(sources: tuple[tuple[str, str], ...]) -> Sentences:
    seen: set[str] = set()
    done_texts: set[str] = set()
    keys: dict[str, str] = {}  # the blocks overlap: many sentences come several times
    out: Sentences = []
    for name, text in sources:
        if text in done_texts:  # a text met before adds no sentence (e.g. one block that is the whole section)
            continue
        done_texts.add(text)
        for sentence in split_sentences(text):
            key = keys.get(sentence)
            if key is None:
                key = keys[sentence] = comparison_key(sentence)
            if key and key not in seen:
                seen.add(key)
                out.append((name, clean_inline(sentence)))
    # words glued at markup seams ("chief securityofficer", "theAudit Committee") are split again, so that a
    # change of form never changes a fact; the parts must be words of this very disclosure
    vocabulary = text_vocabulary(s for _, s in out)
    return list(zip([name for name, _ in out], split_glued_words_all([s for _, s in out], vocabulary)))


# ---- titles ---------------------------------------------------------------------------------------------
ABBREVIATIONS = {
    "CISO": "Chief Information Security Officer", "CSO": "Chief Security Officer",
    "CIO": "Chief Information Officer", "CTO": "Chief Technology Officer", "CFO": "Chief Financial Officer",
    "CEO": "Chief Executive Officer", "CRO": "Chief Risk Officer", "CPO": "Chief Privacy Officer",
    "CDO": "Chief Data Officer", "CCO": "Chief Compliance Officer", "COO": "Chief Operating Officer",
    "CDPO": "Chief Data Protection Officer", "CTSO": "Chief Technology and Security Officer",
    "CCPO": "Chief Compliance and Privacy Officer", "CISRO": "Chief Information Security and Risk Officer",
    "CIRO": "Chief Information Risk Officer", "CSIO": "Chief Security and Information Officer",
    "CDIO": "Chief Digital and Information Officer", "CTPO": "Chief Trust and Privacy Officer",
    "CLO": "Chief Legal Officer", "DPO": "Data Protection Officer",
}
_ABBREV_WORDS = {"VP": "Vice President", "SVP": "Senior Vice President", "EVP": "Executive Vice President"}
_ACRONYM = r"(?-i:\b(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b)"
#: Words of titles and functions, never of a personal name.
_NOT_NAME_WORDS = frozenset("security information technology cybersecurity cyber risk privacy data operations "
                            "engineering compliance legal audit digital global product infrastructure officer "
                            "president director management governance trust safety protection".split())
#: ... and more words a title may go on with after a comma ("Vice President, Investor Relations, ...").
_TITLE_PART_WORDS = _NOT_NAME_WORDS | frozenset(
    "investor relations business development corporate enterprise strategy strategic systems finance financial "
    "human resources customer success quality services solutions platform platforms network networks cloud "
    "software hardware applications analytics intelligence affairs public internal controls assurance "
    "architecture transformation innovation research administration general chief senior executive "
    "it information".split())
#: A personal name set off by a comma after a title ("Vice President of Information Security, Jordan Avery,"):
#: two or three capitalised words, none a word of titles, then the end of the apposition. A title does not run
#: on over it.
_APPOSED_NAME_AHEAD = (r"(?!(?-i:(?:(?!(?i:" + "|".join(sorted(_TITLE_PART_WORDS)) + r")\b)[A-Z][a-z'-]+\s+"
                       r"(?:[A-Z]\.\s+)?){1,2}(?!(?i:" + "|".join(sorted(_TITLE_PART_WORDS)) + r")\b)[A-Z][a-z'-]+"
                       r"(?:\s*[,;:().]|\s*$|\s+[a-z])))")
_CAP_RUN = r"(?-i:[A-Z][\w&-]*(?:(?:,\s*(?:and\s+)?" + _APPOSED_NAME_AHEAD + \
    r"|\s+and\s+|\s+&\s+|\s+of\s+|\s+)(?:[A-Z][\w&-]*|IT))*)"
#: "chief ... officer" without running over an inner "officer" ("Chief Engineering Officer and acting Chief
#: Trust Officer" is two titles).
_CHIEF_OFFICER = r"\bchief(?:\s+(?!officer\b)[\w&/-]+,?){1,6}?\s+officer\b(?!s)"
_TITLE_RE = re.compile(
    r"(?:\b(?:senior|executive|assistant|group|corporate|global)\s+)*\bvice\s+president\s+and\s+" +
    _CHIEF_OFFICER[2:] +
    r"|" + _CHIEF_OFFICER +
    r"|(?:\b(?:senior|executive|assistant|group|corporate|global)\s+)*(?:\bvice\s+president\b|(?-i:\b[SE]?VP\b))"
    r"(?:(?:,\s*" + _APPOSED_NAME_AHEAD + r"|\s+of\s+|\s+for\s+|\s+-\s+|\s+)" + _CAP_RUN + r")?"
    r"|\b(?:global\s+)?head\s+of\s+(?:the\s+)?(?:[\w-]+'s\s+)?(?:[\w&-]+\s+){0,4}?"
    r"(?:security|cybersecurity|technology|information\s+technology|IT|risk|division|department|operations|"
    r"engineering|infrastructure)\b"
    r"|\bdirector\s+of\s+(?:[\w&-]+\s+){0,3}?(?:security|cybersecurity|technology|IT|risk)\b"
    r"|\b(?:cyber\s*security|information\s+security|security|data\s+protection|(?:data\s+)?privacy)\s+officer\b(?!s)"
    r"|\bgeneral\s+counsel\b|(?-i:\bPresident\s+of\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)"
    r"|" + _ACRONYM, re.I)
_SMALL_WORDS = {"of", "and", "for", "the", "&", "to", "in", "on"}
_KEEP_UPPER = {"IT", "AI", "IBM", "AWS"}
_DEFINED_ACRONYM_RE = re.compile(r"(\bchief(?:\s+(?!officer\b)[\w&/-]+,?){1,6}?\s+officer|\b(?:data\s+protection|security|"
                                 r"(?:data\s+)?privacy)\s+officer|\bvice\s+president(?:(?!chief)[^()\"]){0,80}?)\s*\(\s*[\"']?"
                                 r"((?-i:[A-Z]{2,6}|[SE]?VP,?\s+[A-Z]{2,6}))[\"']?\s*\)", re.I)


_VP_WORD_RE = re.compile(r"(?-i:\b(S?E?VP)\b)")
_WHITESPACE_RE = re.compile(r"\s+")
_DETERMINER_RE = re.compile(r"(?i:the|our|its|their)")
_POSSESSIVE_RE = re.compile(r"['\u2019]s$")


def normalize_title(raw: str, acronyms: dict[str, str] | None = None) -> str:
    """Expanded abbreviations, title case, no article, no possessive company name."""
    text = clean_inline(raw).strip(" ,.;:\"'()")
    if text in (acronyms or {}):
        text = (acronyms or {})[text]
    elif text in ABBREVIATIONS:
        text = ABBREVIATIONS[text]
    text = _VP_WORD_RE.sub(lambda m: _ABBREV_WORDS.get(m.group(1), m.group(1)), text)
    words = []
    for word in _WHITESPACE_RE.split(text):
        if _DETERMINER_RE.fullmatch(word) or _POSSESSIVE_RE.search(word):
            continue
        if word.upper() in _KEEP_UPPER and word.isupper():
            words.append(word)
        elif word.lower() in _SMALL_WORDS and words:
            words.append(word.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() if p.islower() or p.istitle() or p.isupper()
                                  else p for p in word.split("-")))
    return " ".join(words).rstrip(",")


def _defined_acronyms(sentences: Sentences, lows: list[str | None] | None = None) -> dict[str, str]:
    """Acronyms the text defines for titles: 'Chief Privacy Officer ("CPO")'."""
    out: dict[str, str] = {}
    for i, (_, s) in enumerate(sentences):
        if "(" not in s or not _has(lows[i] if lows else _hint_text(s), ("officer", "president")):
            continue
        for m in _DEFINED_ACRONYM_RE.finditer(s):
            out[m.group(2)] = normalize_title(m.group(1))
    return out


_RESPONSIBLE_AFTER_RE = re.compile(
    r"\b(?:(?:is|are|remains?|being)\s+(?:\w+\s+){0,2}?(?:responsible|accountable|in\s+charge)|"
    r"(?:has|have|holds?|bears?)\s+(?:\w+\s+){0,2}?responsibility|responsible\s+for|"
    r"(?:is|are)\s+(?:\w+\s+){0,2}?(?:charged|tasked)\s+with)", re.I)
#: A verb of leading right after the title (or after ", who"): "the CISO leads", "our CSO, who oversees".
_RESPONSIBLE_VERB_RE = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:,\s*(?-i:[A-Z][a-z'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'-]+)"
                                  r"\s*,\s*)?(?:,\s*who\s+)?(?:also\s+|currently\s+|directly\s+)?"
                                  r"(?:leads|heads|oversees|manages|directs|runs|supervises|chairs)\b", re.I)
#: The plural verbs after the last title of a list: "our CSO and Data Privacy Officer oversee".
_RESPONSIBLE_PLURAL_VERB_RE = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?(?:also\s+|currently\s+|directly\s+|jointly\s+|"
                                         r"together\s+)?(?:lead|head|oversee|manage|direct|run|supervise|co-lead)\b",
                                         re.I)
#: What stands between two titles of one list ("the CEO, CFO, and CIO", "our CSO and Data Privacy Officer").
_TITLE_LIST_GAP_RE = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)"
                                r"(?:our\s+|the\s+|its\s+)?(?:(?:acting|interim|deputy)\s+)?", re.I)
#: A relative clause set off by commas right after a title: "our CSO, who reports to the CFO, has ...".
_WHO_CLAUSE_RE = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?,\s*who\s+[^,;()]{1,120},", re.I)
#: The same verbs after a relative clause set off by commas: "our CSO, who has ... experience ..., heads the team".
_RESPONSIBLE_AFTER_CLAUSE_RE = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?,\s*who\b[^;()]{0,400}?,\s*(?:also\s+|currently\s+)?"
                                          r"(?:leads|heads|oversees|manages|directs|runs|supervises|"
                                          r"is\s+(?:\w+\s+){0,2}?(?:responsible|accountable|in\s+charge))\b", re.I)
_RESPONSIBLE_BEFORE_RE = re.compile(
    r"\b(?:led|headed|overseen|managed|directed|run|chaired|co-?\s?led)\s*by\b|"
    r"\bunder\s+the\s+(?:direction|leadership|supervision|oversight|guidance)\s+of\b|"
    r"\bresponsib\w+\b[^.;]{0,200}?\b(?:is|are)\b|\b(?:designated|appointed)\b|"
    r"\bresponsibility\s+of\s+(?:the\s+|our\s+|its\s+)?$", re.I)
_CYBER_RE = re.compile(r"cyber|information\s+security|security|data\s+protection|infosec", re.I)
#: A title that is the object of reporting or informing right before it ("reports to the CISO").
_REPORTED_TO_RE = re.compile(r"\breport\w*\s+(?:\w+\s+){0,2}?to\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+['\u2019]s?\s+)?$|"
                             r"\b(?:inform|updat|brief|notif)\w*\s+(?:the\s+|our\s+)?$|\bwith\s+(?:the\s+|our\s+)?$",
                             re.I)
_REPORT_TO_RE = re.compile(r"\breport\w*\s+to\b", re.I)
#: Keyword prefilters (see _has) of the three: each alternative of the pattern holds one of the words.
_RESPONSIBLE_AFTER_WORDS = ("responsib", "accountable", "charge", "tasked")
_REPORTED_TO_WORDS = ("report", "inform", "updat", "brief", "notif", "with")
_RESPONSIBLE_BEFORE_WORDS = ("by", "under", "responsib", "designated", "appointed")


# ---- cheap prefilters ----------------------------------------------------------------------------------------
# Every expensive pattern below is run only where a cheap test says it can match: a keyword the pattern
# cannot match without (a substring test on the lower-cased sentence), or, for a pattern whose every match
# starts with one of some words (titles, years, committees, ...), only where those words start
# (_word_matches). The tests are necessary conditions, so results are exactly those of running every pattern
# everywhere. Case-insensitive matching also folds four non-ASCII letters onto ASCII ones (dotted and dotless
# i, long s, Kelvin sign); a sentence holding one of them gets no prefilter at all.
_FOLDS_ONTO_ASCII_RE = re.compile(r"(?![\x00-\x7f])(?i:[a-z])")


def _hint_text(s: str) -> str | None:
    """The lower-cased sentence for keyword prefilters, or None when keyword tests are unsafe for it."""
    if s.isascii() or not _FOLDS_ONTO_ASCII_RE.search(s):
        return s.lower()
    return None


def _has(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a lower-cased sentence may match a pattern that needs one of `words` (True when unsure)."""
    return low is None or any(map(low.__contains__, words))  # (map: no Python-level loop)


_DIGITS = tuple("0123456789")  # (for _has: a digit 0-9)
#: A title match starts at a word boundary with one of these words (lower-cased) ...
_TITLE_FIRST_WORDS = frozenset("senior executive assistant group corporate global vice chief head director cyber "
                               "cybersecurity information security data privacy general president".split())
#: ... or with one of these (case-sensitive).
_TITLE_FIRST_TOKENS = frozenset(["VP", "SVP", "EVP", *ABBREVIATIONS])
#: A title needs one of these words (lower-cased), or a match of _TITLE_UPPER_HINT_RE (VP, acronyms).
_TITLE_WORDS = ("officer", "president", "head", "counsel", "director")
_TITLE_UPPER_HINT_RE = re.compile(r"VP|C[A-Z]{1,4}O|DPO")
#: Its alternative that is no plain word (for _Extractor.matching).
_CHIEF_ACRONYM_HINT_RE = re.compile(rb"C[A-Z]{1,4}O")


def _word_starts(s: str, low: str, words: Iterable[str], whole: bool = True) -> list[int]:
    """Where a word of s (a run of \\w) starts that is one of `words` (whole=False: that starts with one), in
    order of `words`. They are looked for in `low`: s lower-cased (a _hint_text, as long as s) or s itself.
    One substring search per word replaces a test of every word of the sentence."""
    out = []
    for word in filter(low.__contains__, words):  # (the words it holds, found without a Python-level loop)
        pos = low.find(word)
        while pos != -1:
            # (\w: alphanumeric or "_")
            if pos == 0 or not (s[pos - 1].isalnum() or s[pos - 1] == "_"):
                end = pos + len(word)
                if not whole or end == len(s) or not (s[end].isalnum() or s[end] == "_"):
                    out.append(pos)
            pos = low.find(word, pos + 1)
    return out


def _matches_from(pattern: re.Pattern[str], s: str, starts: list[int]) -> list[re.Match[str]]:
    """Exactly the matches of pattern.finditer(s) for a pattern (matching no empty string) that can only match
    at one of `starts`: it is tried there only (tried at every position it costs far more)."""
    out = []
    pos = 0
    for start in sorted(starts):
        if start >= pos:
            m = pattern.match(s, start)
            if m:
                out.append(m)
                pos = m.end()
    return out


def _word_matches(pattern: re.Pattern[str], s: str, low: str | None, words: tuple[str, ...],
                  whole: bool = True) -> list[re.Match[str]]:
    """Exactly the matches of pattern.finditer(s) for a case-insensitive pattern whose every match starts at a
    word of s that, lower-cased, is one of `words` (whole=False: starts with one); `low` is s's _hint_text."""
    if low is None:
        return list(pattern.finditer(s))
    return _matches_from(pattern, s, _word_starts(s, low, words, whole))


def _title_starts(sentence: str, low: str) -> list[int]:
    """Where a title may start in a sentence with a _hint_text `low`: the words it can start with."""
    starts = _word_starts(sentence, low, _TITLE_FIRST_WORDS)
    if _TITLE_UPPER_HINT_RE.search(sentence):  # (each of _TITLE_FIRST_TOKENS holds a match of it)
        starts += _word_starts(sentence, sentence, _TITLE_FIRST_TOKENS)
    return starts


def _title_matches(sentence: str, low: str | None = None) -> list[re.Match[str]]:
    """Exactly the matches of _TITLE_RE.finditer(sentence), trying only where a title can start."""
    if low is None:
        low = _hint_text(sentence)
        if low is None:
            return list(_TITLE_RE.finditer(sentence))
    if not (any(map(low.__contains__, _TITLE_WORDS)) or _TITLE_UPPER_HINT_RE.search(sentence)):
        return []
    return _matches_from(_TITLE_RE, sentence, _title_starts(sentence, low))


_CERTIFIED_BEFORE_RE = re.compile(r"\bcertified\s+$", re.I)


def _titles_in(sentence: str, acronyms: dict[str, str], low: str | None = None,
               norm: Callable[[str], str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, normalised title) of every title of the sentence; `norm` normalises a title as
    normalize_title(raw, acronyms) does (e.g. remembering its answers)."""
    if norm is None:
        norm = lambda raw: normalize_title(raw, acronyms)  # noqa: E731
    # "Certified Chief Information Security Officer" names a certification, held by no one
    return [(m.start(), m.end(), norm(m.group(0))) for m in _title_matches(sentence, low)
            if not _CERTIFIED_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start())]


def _responsible_titles_in(sentence: str, acronyms: dict[str, str], previous: str = "",
                           titles: list[tuple[int, int, str]] | None = None, cyber: bool | None = None,
                           low: str | None = None) -> list[str]:
    """Titles the sentence makes responsible for cybersecurity (the previous sentence may give the topic).

    `titles` (the sentence's _titles_in) and `cyber` (whether _CYBER_RE finds the sentence or the previous
    one) may be passed when already known; `low` (its _hint_text) lets keyword tests spare the patterns."""
    if cyber is None:
        cyber = bool(_CYBER_RE.search(sentence) or _CYBER_RE.search(previous))
    if not cyber:
        return []
    found = []
    if titles is None:
        titles = _titles_in(sentence, acronyms)
    # titles of one list ("our CSO and Data Privacy Officer oversee", "reports to the CEO, CFO and CIO"): joined[k]
    # when title k goes on the list of title k - 1
    joined = [k > 0 and bool(_TITLE_LIST_GAP_RE.fullmatch(sentence, titles[k - 1][1], titles[k][0]))
              for k in range(len(titles))]
    # the lists whose last title is followed by a plural verb of leading: each of their titles leads
    leading_list: set[int] = set()
    for k in range(len(titles) - 1, 0, -1):
        if joined[k] and (k + 1 == len(titles) or not joined[k + 1]) and \
                _RESPONSIBLE_PLURAL_VERB_RE.match(sentence, titles[k][1], titles[k][1] + 160):
            first = k
            while joined[first]:
                first -= 1
            leading_list.update(range(first, k + 1))
    reported = False
    for k, (start, end, title) in enumerate(titles):
        after = sentence[end:end + 160]
        before = sentence[max(0, start - 120):start]
        # the same stretches of the lower-cased sentence (None: no keyword test)
        low_after = None if low is None else low[end:end + 160]
        low_before = None if low is None else low[max(0, start - 120):start]
        m_after = _has(low_after, _RESPONSIBLE_AFTER_WORDS) and _RESPONSIBLE_AFTER_RE.search(after) or \
            _RESPONSIBLE_VERB_RE.search(after) or _RESPONSIBLE_AFTER_CLAUSE_RE.search(sentence[end:end + 500])
        # a title reported to, or listed with one ("reports to Progress' CEO, CFO, ...")
        reported = bool(_has(low_before, _REPORTED_TO_WORDS) and _REPORTED_TO_RE.search(before)) or \
            joined[k] and reported
        if m_after and _REPORT_TO_RE.search(after, 0, m_after.start()):
            # someone else's responsibility ("the CISO reports to the CIO, who is responsible"), unless the
            # reporting line is a relative clause on this title ("our CSO, who reports to the CFO, has ...")
            clause = _WHO_CLAUSE_RE.match(after)
            if not (clause and m_after.start() >= clause.end() and
                    not _REPORT_TO_RE.search(after, clause.end(), m_after.start())):
                m_after = None
        if (m_after or k in leading_list) and not reported:
            found.append(title)
        elif not reported and _has(low_before, _RESPONSIBLE_BEFORE_WORDS) and \
                _RESPONSIBLE_BEFORE_RE.search(before):
            found.append(title)
    return [t for t in found if t not in ("General Counsel",)]


_HONORIFIC_NAME_RE = re.compile(r"(?-i:\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+((?:[A-Z][a-z'-]+\s+){1,2}?[A-Z][a-z'-]+))\b")
_APPOSITION_NAME_RE = re.compile(
    r"(?:" + _TITLE_RE.pattern + r")(?:\s*\(\s*[\"'\u201c]?(?-i:[A-Z]{2,6})[\"'\u201d]?\s*\))?"
    r"\s*,\s*(?-i:((?!Mr|Ms|Dr)[A-Z][a-z'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'-]+))\s*,", re.I)


# ---- years of experience --------------------------------------------------------------------------------
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_NUM = r"(?:\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)" \
       r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|" \
       r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|" \
       r"seventeen|eighteen|nineteen|twenty)"
_QUALIFIER = r"(?:over|more\s+than|at\s+least|approximately|about|nearly|almost|roughly|around|in\s+excess\s+of|" \
             r"upwards\s+of|close\s+to)"
_YEARS_RE = re.compile(r"(?:\b(" + _QUALIFIER + r")\s+)?\b(" + _NUM + r")(\+|[-\s]plus\b)?\s*(?:\(\d+\)\s*)?"
                       r"(years?|decades?)\b"
                       r"(?![- ]old)", re.I)
_NOT_EXPERIENCE_RE = re.compile(r"\b(?:retain|retention|period|ago|old|contract|term|prior\s+fiscal)\b", re.I)
_EXPERIENCE_WORDS = ("experience", "career", "expertise", "background", "industry", "worked", "working",
                     "served", "serving", "spent", "veteran", "tenure", "history")
_EXPERIENCE_CONTEXT_RE = re.compile("|".join(_EXPERIENCE_WORDS), re.I)
#: A _YEARS_RE match starts with a qualifier (its first word is one of these) or a number: digits or a word
#: starting with one of _NUMBER_WORDS.
_QUALIFIER_FIRSTS = frozenset("over more at approximately about nearly almost roughly around in upwards close"
                              .split())
_NUMBER_WORD_PREFIXES = tuple(_NUMBER_WORDS)
_QUALIFIER_NAMES = {"over": "over", "more than": "more than", "at least": "at least", "in excess of": "more than",
                    "upwards of": "more than"}
_GROUP_HOLDER_RE = re.compile(r"\b(?:experience|expertise)\b[^.;]{0,40}?\b(?:between|among(?:st)?|across)\s+(?:our|the|its|their)\s+([a-z][\w\s-]{2,40}?)"
                              r"(?=[,.;]|\s+(?:who|that|and|in|of|with)\b|$)|"
                              r"\b(?:our|the|its)\s+((?:[a-z-]+\s+){0,3}?(?:team|leaders|leadership|members|"
                              r"professionals|executives|staff))\b[^.;]{0,60}?\b(?:combined|collective|collectively|"
                              r"average|together)", re.I)


def _number(text: str) -> int:
    text = text.lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    return sum(_NUMBER_WORDS.get(p, 0) for p in text.split())


def _years_matches(s: str, low: str | None) -> list[re.Match[str]]:
    """Exactly the matches of _YEARS_RE.finditer(s), trying only where a match can start (the pattern tried at
    every position of the sentence costs far more)."""
    if low is None or not s.isascii():  # (a letter that folds onto ASCII may spell a number word; \d is more
        return list(_YEARS_RE.finditer(s))  # than 0-9)
    starts = _word_starts(s, low, _QUALIFIER_FIRSTS) + \
        _word_starts(s, low, _NUMBER_WORD_PREFIXES, whole=False) + _word_starts(s, low, _DIGITS, whole=False)
    end = max(low.rfind("year"), low.rfind("decade"))  # every match starts before the last of them
    return _matches_from(_YEARS_RE, s, [start for start in starts if start < end])


def _qualifier(raw: str | None, plus: str | None) -> str:
    if plus:
        return "at least"
    if not raw:
        return "exact"
    raw = re.sub(r"\s+", " ", raw.lower())
    return _QUALIFIER_NAMES.get(raw, "approximately")


# ---- tenure, reporting line -------------------------------------------------------------------------------
_TENURE_VERB_RE = re.compile(r"\b(?:served|serving|been|joined|appointed|named|led|leading|held|role|"
                             r"position|became|hired|promoted|managing|headed)\b", re.I)
#: The first start the text gives: every alternative holds "since" or a year 19xx/20xx.
_TENURE_START_RE = re.compile(
    r"\bsince\s+(?:our|its|the\s+company's|the\s+group's|the)\s+(inception|founding|formation|"
    r"establishment)\b|\bsince\s+(?:\w+\s+)?((?:19|20)\d{2})\b|\b(?:joined|appointed|named|"
    r"promoted|hired|became)\b[^.;]{0,80}?\bin\s+(?:\w+\s+)?((?:19|20)\d{2})\b|\bin\s+((?:19|20)\d{2})\b"
    r"[^.;]{0,100}?\bsince\s+then\b", re.I)
_PRONOUN_RE = re.compile(r"\s*(?:He|She|They)\b")
_HE_SHE_RE = re.compile(r"\s*(?:He|She)\b")
_REPORTS_TO_RE = re.compile(r"\breport(?:s|ing)?\s+(?:directly\s+|administratively\s+|functionally\s+)?to\s+",
                            re.I)
_REPORTS_TO_LEAD_RE = re.compile(r"(?:the\s+|our\s+|its\s+|[\w-]+'s\s+)*", re.I)
_TEAM_BEFORE_RE = re.compile(
    r"\b(?:team|department|function|employees|staff|personnel|committee)\s*(?:\w+\s+){0,2}$", re.I)
_LEADS_TEAM_BEFORE_RE = re.compile(
    r"\b(?:leads|heads|manages|oversees|directs|runs|supervises)\s+(?:[\w-]+\s+){0,4}?(?:team|department|"
    r"function|employees|staff|personnel|committee)\s+and\s+(?:\w+\s+)?$", re.I)


# ---- board, committees, frequency -------------------------------------------------------------------------
_COMMITTEE_RE = re.compile(r"\bcommittees?\b", re.I)
_COMMITTEE_ACRONYM_RE = re.compile(r"(?i:committee)\s*\(\s*(?:the\s+)?[\"']?([A-Z][A-Za-z&]{1,7})[\"']?\s*\)")
_NAME_STOP = {
    "the", "our", "its", "a", "an", "by", "to", "of", "from", "with", "that", "which", "for", "and", "or", "in",
    "on", "as", "at", "is", "are", "was", "be", "this", "these", "each", "such", "board", "directors", "any",
    "other", "their", "has", "have", "formed", "established", "through", "including", "includes", "include",
    "company", "group", "new", "both", "two", "three", "certain", "relevant", "all", "full", "standing",
    "respective", "appropriate", "designated", "within", "led", "chaired", "reports", "receives", "oversees",
    "also", "did", "does", "it", "whose", "member", "members", "chair", "chairs", "where", "when",
    "i", "ii", "iii", "iv", "v", "vi", "called", "named", "so-called", "dedicated", "separate",
}
_BOARD_HEADS = re.compile(r"audit|nominat|governance|compensation|remuneration|public\s+policy|"
                          r"sustainability|finance", re.I)
_MANAGEMENT_HEADS = re.compile(r"steering|disclosure|executive|management|working|operating|safeguard|"
                               r"data\s+security|incident|crisis|response|council|operational|internal", re.I)
_MANAGEMENT_CONTEXT_RE = re.compile(r"management[- ]level|at\s+the\s+(?:management|execution|executive|operational)"
                                    r"\s+level|comprised\s+of\s+(?:senior\s+)?(?:executives|officers|personnel|leaders"
                                    r"|members\s+of\s+(?:senior\s+)?management|representatives|cross-functional)|"
                                    r"comprising\s+(?:the\s+|our\s+)?(?:principal|chief|head|senior|executives)|"
                                    r"consists\s+of\s+\w+\s+executives|chaired\s+by\s+(?:our|the|its)\s+(?:chief|CEO|"
                                    r"CISO|CIO)|led\s+by\s+(?:its|our|the)\s+management|management\s+committee", re.I)
#: Each alternative of _MANAGEMENT_CONTEXT_RE holds one of these.
_MANAGEMENT_CONTEXT_WORDS = ("management", "level", "compris", "consists", "chaired")
_NAME_WORD_RE = re.compile(r"[\w&'-]+|,")
_POSSESSIVES = ("'s", "\u2019s")
_OVERSIGHT_RE = re.compile(r"oversee|oversight|oversees|overseeing|supervis|responsib|monitor|review|"
                           r"charged|delegat|governance\s+of", re.I)
_GENERIC_COMMITTEE_RE = re.compile(r"(?-i:\b(?:Management|Board|Executive) Committee)")
_CYBER_RISK_RE = re.compile(r"cyber|risk|security", re.I)
_BOARD_OVERSEES_RE = re.compile(
    r"\bboard\b(?:\s+of\s+directors)?(?:'s)?[^.;]{0,80}?\b(?:oversee|oversight|oversees|overseeing|supervis|"
    r"responsib|monitor|review)|(?:oversight|overseen|supervised|monitored|reviewed)\s+by\s+"
    r"(?:the\s+|our\s+)?(?:[\w\s]{0,40}?committee\s+and\s+(?:the\s+|our\s+)?)?(?:full\s+)?board", re.I)
_BOARD_RE = re.compile(r"\b(?:board\s+of\s+directors|board(?!\s+(?:meeting|member)s?\b))\b", re.I)

FREQUENCIES: list[tuple[str, re.Pattern[str]]] = [
    ("monthly", re.compile(r"\bmonthly\b|\bevery\s+month\b|\beach\s+month\b", re.I)),
    ("quarterly", re.compile(r"\bquarterly\b|\b(?:each|every|per)\s+quarter\b|\bfour\s+times\s+(?:a|per|each)\s+year",
                             re.I)),
    ("semi-annual", re.compile(r"\bsemi-?\s?annual(?:ly)?\b|\bbi-?annual(?:ly)?\b|\btwice\s+(?:a|per|each)\s+year\b|"
                               r"\bat\s+least\s+twice\b|\bevery\s+six\s+months\b", re.I)),
    ("annual", re.compile(r"(?<!semi-)(?<!semi)(?<!bi-)(?<!bi)\bannually\b|(?<!semi-)(?<!semi)(?<!bi-)(?<!bi)\bannual\s+basis\b|\b(?:at\s+least\s+)?once\s+(?:a|per|each|every)\s+year\b|"
                          r"\byearly\b|\beach\s+annual\b|(?<!semi-)(?<!semi)(?<!bi-)\bannual\s+(?:report(?:s|ing)?\s+to|review|update|briefing|"
                          r"presentation)", re.I)),
    ("each meeting", re.compile(r"\b(?:at|during)\s+(?:each|every)\s+(?:of\s+its\s+)?(?:regularly\s+scheduled\s+|"
                                r"regular\s+|quarterly\s+)?meetings?\b|\beach\s+(?:regularly\s+scheduled\s+)?meeting\b",
                                re.I)),
    ("regular", re.compile(r"\bregular(?:ly)?\b|\bperiodic(?:ally)?\b|\broutine(?:ly)?\b|\bon\s+an\s+ongoing\s+basis\b|"
                           r"\brecurring\b", re.I)),
    ("as needed", re.compile(r"\bas\s+(?:needed|necessary|appropriate|warranted|required)\b|"
                             r"\bas\s+(?:determined|deemed)\s+(?:to\s+be\s+)?(?:necessary|appropriate|advisable)\b|\bwhen\s+(?:needed|"
                             r"appropriate|necessary)\b|\bad\s+hoc\b", re.I)),
]
_TO_THE_EXTENT_RE = re.compile(r"to\s+the\s+extent", re.I)
_PERIODIC_FILING_RE = re.compile(
    r"periodic\s+reports?\b[^.;]{0,40}?(?:form|filing|sec\b|annual\s+report|10-k|20-f)", re.I)
_EACH_ANNUAL_RE = re.compile(r"each\s+annual", re.I)
_ANNUAL_REPORT_RE = re.compile(r"annual\s+report\s+on\s+form|form\s+10-k|training", re.I)
#: The words every match of a frequency pattern starts with, for the patterns that are slow to try at every
#: position (lookbehinds first).
_FREQUENCY_FIRSTS = {"annual": ("annually", "annual", "at", "once", "yearly", "each")}


def _frequency_matches(name: str, pattern: re.Pattern[str], s: str,
                       low: str | None) -> Iterable[re.Match[str]]:
    """Exactly pattern.finditer(s) for the frequency `name`."""
    firsts = _FREQUENCY_FIRSTS.get(name)
    return pattern.finditer(s) if firsts is None else _word_matches(pattern, s, low, firsts)


#: A verb (or noun) of telling: someone is informed, not just meeting or reviewing.
_TELLS_RE = re.compile(r"\b(?:report|updat|brief|inform(?!ation)|present(?!ative)|appris|communicat|escalat|notif)\w*", re.I)
_INFORM_RE = re.compile(r"report|updat|brief|inform|present|apprise|discuss|meet|receiv|review|provid|communicat|"
                        r"escalat", re.I)

# ---- frameworks, certifications, third parties ---------------------------------------------------------------
FRAMEWORKS: list[tuple[str, re.Pattern[str]]] = [
    ("NIST CSF", re.compile(r"\bNIST\s*(?:\)\s*)?(?:'s\s+)?(?:CSF|Cyber\s*security\s+Framework)\b|"
                            r"National\s+Institute\s+of\s+Standards\s+(?:and|&)\s+Technology\s*(?:\(\s*NIST\s*\)\s*)?"
                            r"(?:'s\s+)?Cyber\s*security\s+Framework|\bNIST\s+Framework\s+for\s+Improving\s+Critical|"
                            r"\bCyber\s*security\s+Framework\s*\(\s*(?:NIST\s+)?CSF\s*\)|"
                            r"\bCyber\s*security\s*Framework\s+(?:\(\s*CSF\s*\)\s+)?(?:\w+\s+)?(?:of|from|by)\s+(?:the\s+)?"
                            r"(?:U\.\s?S\.\s+)?(?:NIST\b|National\s+Institute\s+of\s+Standards\s+(?:and|&)\s+Technology)",
                            re.I)),
    ("NIST SP 800-53", re.compile(r"\bNIST\s*(?:SP|Special\s+Publication)?\s*800-53\b|\bSP\s*800-53\b", re.I)),
    ("NIST SP 800-171", re.compile(r"\bNIST\s*(?:SP|Special\s+Publication)?\s*800-171\b", re.I)),
    ("NIST Privacy Framework", re.compile(r"\bNIST\s+Privacy\s+Framework\b", re.I)),
    ("SOC 2", re.compile(r"\bSOC\s*(?:2|II)\b(?:\s+Type\s+(?:2|II))?|\bService\s+Organization\s+Control\s*(?:2|II)\b",
                         re.I)),
    ("SOC 1", re.compile(r"\bSOC\s*(?:1|I)\b(?!\w)", re.I)),
    ("PCI DSS", re.compile(r"\bPCI[\s-]*DSS\b|\bPayment\s+Card\s+Industry\s+(?:\(PCI\)\s+)?Data\s+Security\s+Standards?\b",
                           re.I)),
    ("HITRUST", re.compile(r"\bHITRUST\b", re.I)),
    ("CIS Controls", re.compile(r"\bCIS\s+(?:Critical\s+Security\s+)?Controls\b|\bCenter\s+for\s+Internet\s+Security\b|"
                                r"\bCIS\s+(?:Top\s+)?(?:18|20)\b", re.I)),
    ("COBIT", re.compile(r"\bCOBIT\b", re.I)),
    ("MITRE ATT&CK", re.compile(r"\bMITRE\s+ATT\s*&\s*CK\b|\bMITRE\s+ATTACK\b", re.I)),
    ("China MLPS", re.compile(r"\bMLPS\b|\bmulti-level\s+protection\s+scheme\b|\bgrade\s+(?:III|3|three)\s+protection\b|"
                              r"\bclassified\s+(?:cyber\s*security\s+|information\s+security\s+)?protection\b|"
                              r"\b(?:graded|hierarchical|level|tiered)\s+(?:cyber\s*security\s+)?protection\b", re.I)),
    ("FedRAMP", re.compile(r"\bFedRAMP\b", re.I)),
    ("CMMC", re.compile(r"\bCMMC\b|\bCybersecurity\s+Maturity\s+Model\s+Certification\b", re.I)),
    ("FFIEC CAT", re.compile(r"\bFFIEC\b", re.I)),
    ("CSA STAR", re.compile(r"\bCSA\s+STAR\b|\bCloud\s+Security\s+Alliance\b", re.I)),
]
_ISO_RE = re.compile(r"\bISO\s*(?:/\s*IEC\s*)?(\d{4,6})(?:\s*:\s*\d{4})?(?:\s*(?:and|,|/|or)\s*(?!ISO)(\d{4,6})\b)?", re.I)
_KNOWN_ISO = {"27001", "27002", "27017", "27018", "27701", "27005", "27035", "22301", "9001", "20000", "42001", "31000"}
_BARE_NIST_RE = re.compile(r"\bNIST\b|National\s+Institute\s+of\s+Standards\s+(?:and|&)\s+Technology", re.I)

CERTIFICATIONS = ["CISSP", "CISM", "CISA", "CRISC", "CGEIT", "CCSP", "CEH", "GSEC", "GIAC", "CIPP", "CIPM", "CIPT",
                  "OSCP", "Security+"]
_CERT_ACRONYMS = [c for c in CERTIFICATIONS if c.isalpha()]
_CERT_RE = re.compile(r"(?-i:\b(" + "|".join(_CERT_ACRONYMS) + r")\b|"
                      r"\b(?:CompTIA\s+)?(Security\+))|Certified\s+Information\s+Systems\s+Security\s+Professional|"
                      r"Certified\s+Information\s+Security\s+Manager|Certified\s+Information\s+Systems\s+Auditor|"
                      r"Certified\s+Ethical\s+Hacker", re.I)
_CERT_NAMES = {"certified information systems security professional": "CISSP",
               "certified information security manager": "CISM", "certified information systems auditor": "CISA",
               "certified ethical hacker": "CEH"}

_ORG_NAME = r"(?-i:(?:[A-Z][\w&.-]*|[a-z]+[A-Z][\w&-]*)(?:\s+(?:of|and|for|&|the)?\s*(?:[A-Z][\w&.-]*|[a-z]+[A-Z][\w&-]*))*)"
_ENGAGED_FIRMS_RE = re.compile(
    r"\b(?:firms?|vendors?|providers?|partners?|consultants?|companies|organi[sz]ations|auditors?|assessors?|"
    r"agenc(?:y|ies)|experts?)\b[^.;]{0,40}?\b(?:such\s+as|including|like|namely)\s+"
    r"(" + _ORG_NAME + r"(?:\s*,\s*(?:and\s+)?" + _ORG_NAME + r")*(?:\s*,?\s*(?:and|or)\s+" + _ORG_NAME + r")?)", re.I)
_CERTIFIER_RE = re.compile(r"(?:certif\w*|recogni\w*|accredit\w*|audited|assessed|attest\w*)\b[^.;]{0,120}?\b(?:from|by)\s+"
                           r"(?:the\s+)?(" + _ORG_NAME + r")", re.I)
#: A match of _ENGAGED_FIRMS_RE starts with a word starting with one of these (and holds "such", "including",
#: "like" or "namely").
_FIRM_WORDS = ("firm", "vendor", "provider", "partner", "consultant", "companies", "organi", "auditor",
               "assessor", "agenc", "expert")
_ORG_LIST_SEPARATOR_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=(?:[A-Z]|[a-z]+[A-Z]))")
_CAPITAL_RE = re.compile(r"[A-Z]")
_AND_AWARD_RE = re.compile(
    r"\s+and\s+(?=(?:Certificate|Certification|Recognition|Award|Report|Attestation)s?\b)")
_ENGAGE_CONTEXT_RE = re.compile(r"engag|work(?:ed|s)?\s+with|partner|retain|consult|hire|contract|assess|audit|"
                                r"penetration|test", re.I)
_NOT_ORGS = {"We", "Our", "The", "In", "For", "Company", "Board", "Item", "Form", "Risk", "Risk Factors"}


_TITLE_HEADS = {"officer", "officers", "president", "counsel"}


def _committee_names(sentence: str, low: str | None = None, unnamed: bool = False) -> list[str]:
    """Lower-case names of the committees a sentence names ("audit committee", ...); `low`, the sentence's
    _hint_text, spares a search at every position. With `unnamed`, "" stands for each mention that names no
    one committee ("the Committee", "its committees")."""
    names = []
    for m in _word_matches(_COMMITTEE_RE, sentence, low, ("committee",), whole=False):
        if m.group(0).lower() == "committees":
            if unnamed:
                names.append("")
            continue
        # the last 8 words before it: those of the 200 characters before when they hold more (the first of
        # those may be cut)
        words = _NAME_WORD_RE.findall(sentence, max(0, m.start() - 200), m.start())
        if len(words) <= 8 and m.start() > 200:
            words = _NAME_WORD_RE.findall(sentence, 0, m.start())
        name: list[str] = []
        written: list[str] = []
        for word in reversed(words[-8:]):
            folded = word.lower()
            if word == ",":
                if name and len(name) >= 1 and any(w.lower() == "and" for w in name):
                    continue
                break
            if folded in ("and", "&") and name:
                name.insert(0, folded)
                written.insert(0, word)
                continue
            if folded in _NAME_STOP or word.endswith(_POSSESSIVES) or word[:1].isdigit() or \
                    word in ABBREVIATIONS or folded in _TITLE_HEADS:
                break  # "our CISO and audit committee": a title is no part of a committee's name
            name.insert(0, folded)
            written.insert(0, word)
        if "and" in name or "&" in name:
            # a name is written in one case: "Information Security and audit committee" names the audit committee
            cut = max(k for k, w in enumerate(name) if w in ("and", "&"))
            case = {w[:1].isupper() for w in written[cut + 1:] + [m.group(0)]}
            if len(case) == 1 and {w[:1].isupper() for w in written[:cut]} != case:
                name = name[cut + 1:]
        while name and name[0] in ("and", "&"):
            name.pop(0)
        if name:
            names.append(" ".join(name + ["committee"]))
        elif unnamed:
            names.append("")
    return names


def _is_board_committee(name: str, contexts: list[str], lows: dict[str, str | None] | None = None) -> bool:
    """Board committee (True) or management committee (False), from its name and the sentences naming it."""
    if _BOARD_HEADS.search(name):
        return True
    if lows is None:
        lows = {s: None for s in contexts}  # (no keyword test)
    # every alternative of `tied` holds "board" or "comprised": without them, not even compiled (costly)
    candidates = [s for s in contexts if _has(lows[s], ("board", "comprised"))]
    if candidates:
        pattern = re.escape(name).replace(r"\ ", r"\s+")
        tied = re.compile(pattern + r"\s+of\s+(?:the|our|its)\s+board|board(?:'s)?\s+" + pattern +
                          r"|board\s+committees?|" + pattern + r"[^.;]{0,40}?comprised\s+(?:entirely\s+|solely\s+)?of\s+"
                          r"(?:independent\s+)?directors|\bboard\b[^.;]{0,60}?\bdelegat\w*\b[^.;]{0,80}?\bto\s+(?:the\s+|our\s+|"
                          r"its\s+)?" + pattern + r"|" + pattern + r",?\s+(?:which\s+|that\s+)?(?:\w+\s+){0,2}?reports?\s+"
                          r"(?:\w+\s+){0,2}?to\s+(?:the\s+|our\s+)?(?:full\s+)?board\b|"
                          # "our Board members, including certain members of our X Committee"
                          r"\bboard\s+members\b[^.;]{0,80}?\bmembers\s+of\s+(?:the\s+|our\s+|its\s+)?" + pattern, re.I)
        if any(tied.search(s) for s in candidates):
            return True
    if any(_has(lows[s], _MANAGEMENT_CONTEXT_WORDS) and _MANAGEMENT_CONTEXT_RE.search(s)
           for s in contexts) or _MANAGEMENT_HEADS.search(name):
        return False
    if any(_oversees(s, lows[s]) and _is_cyber(s, lows[s]) for s in contexts):
        return True
    # the body management reports to or discusses cybersecurity with ("Senior management regularly discusses
    # cybersecurity risks ... with the Risk and Compliance Committee", "reports the results to the X Committee")
    candidates = [s for s in contexts if _informs(s, lows[s]) and _is_cyber(s, lows[s])]
    if candidates:
        pattern = re.escape(name).replace(r"\ ", r"\s+")
        informed = re.compile(_INFORMED_COMMITTEE + pattern, re.I)
        return any(informed.search(s) for s in candidates)
    return False


#: Informing a committee, up to its name: "reports ... to the", "discusses ... with the", "informs the".
_INFORMED_COMMITTEE = (r"(?:\b(?:report|updat|brief|inform|present|discuss|communicat|escalat|provid)\w*\b[^.;]{0,120}?"
                       r"\b(?:to|with)|\b(?:inform|updat|brief|apprise)\w*)\s+(?:the\s+|our\s+|its\s+)?")


#: Keyword prefilters (see _has): a pattern can only match a sentence holding one of its words.
_FRAMEWORK_HINTS: dict[str, tuple[str, ...]] = {
    "NIST CSF": ("nist", "national", "csf"), "NIST SP 800-53": ("800-53",), "NIST SP 800-171": ("800-171",),
    "NIST Privacy Framework": ("nist",), "SOC 2": ("soc", "organization"), "SOC 1": ("soc",),
    "PCI DSS": ("pci", "payment"), "HITRUST": ("hitrust",), "CIS Controls": ("cis", "center"), "COBIT": ("cobit",),
    "MITRE ATT&CK": ("mitre",), "China MLPS": ("mlps", "protection"), "FedRAMP": ("fedramp",),
    "CMMC": ("cmmc", "maturity"), "FFIEC CAT": ("ffiec",), "CSA STAR": ("csa", "alliance"),
}
#: ... and for some, one of these too (every alternative of the pattern holds one of each tuple).
_FRAMEWORK_ALSO_HINTS: dict[str, tuple[str, ...]] = {
    "NIST CSF": ("csf", "framework"), "SOC 2": ("2", "ii"), "PCI DSS": ("dss", "card"),
    "CIS Controls": ("controls", "internet", "18", "20"),
    "China MLPS": ("mlps", "grade", "classified", "level", "tiered", "hierarchical"),
    "CSA STAR": ("star", "alliance"),
}
#: Every framework pattern, _ISO_RE and _BARE_NIST_RE need one of these.
_ANY_FRAMEWORK_WORDS = tuple(sorted({w for words in _FRAMEWORK_HINTS.values() for w in words} | {"iso", "national"}))
_FREQUENCY_HINTS: dict[str, tuple[str, ...]] = {
    "monthly": ("month",), "quarterly": ("quarter", "four"), "semi-annual": ("annual", "twice", "six"),
    "annual": ("annual", "once", "yearly"), "each meeting": ("meeting",),
    "regular": ("regular", "periodic", "routine", "ongoing", "recurring"),
    "as needed": ("needed", "necessary", "appropriate", "warranted", "required", "advisable", "hoc"),
}
_ANY_FREQUENCY_WORDS = tuple(sorted({w for words in _FREQUENCY_HINTS.values() for w in words}))
_INFORM_WORDS = ("report", "updat", "brief", "inform", "present", "apprise", "discuss", "meet", "receiv", "review",
                 "provid", "communicat", "escalat")
_TENURE_WORDS = ("served", "serving", "been", "joined", "appointed", "named", "led", "leading", "held", "role",
                 "position", "became", "hired", "promoted", "managing", "headed")
#: _GROUP_HOLDER_RE's two alternatives: each needs a word of both tuples of its pair.
_GROUP_HOLDER_WORDS = ((("experience", "expertise"), ("between", "among", "across")),
                       (("combined", "collective", "average", "together"),
                        ("team", "leader", "member", "professional", "executive", "staff")))
_CERTIFIER_WORDS = ("certif", "recogni", "accredit", "audited", "assessed", "attest")
_CERT_TOKENS = (*_CERT_ACRONYMS, "+")  # what a sentence naming a certification holds, as written
_HONORIFICS = ("Mr", "Ms", "Dr", "Prof")
_MENTION_HONORIFIC_RE = re.compile(r"(?-i:\b(?:Mr|Ms|Mrs|Dr)\.?\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?))")


def _apposition_matches(s: str, low: str | None) -> list[re.Match[str]]:
    """Exactly the matches of _APPOSITION_NAME_RE.finditer(s) (a match starts where a title starts)."""
    if low is None:
        return list(_APPOSITION_NAME_RE.finditer(s))
    return _matches_from(_APPOSITION_NAME_RE, s, _title_starts(s, low))


# Word tests equal to a pattern's search on a sentence whose _hint_text is `low` (the patterns are
# case-insensitive alternations of plain words, but for the one alternative each test hands to the pattern).
#: What is left of _CYBER_RE, _OVERSIGHT_RE and _ENGAGE_CONTEXT_RE for a lower-cased sentence (a _hint_text)
#: holding none of their plain words.
_DATA_PROTECTION_RE = re.compile(r"data\s+protection")
_GOVERNANCE_OF_RE = re.compile(r"governance\s+of")
_WORK_WITH_RE = re.compile(r"work(?:ed|s)?\s+with")


def _is_cyber(s: str, low: str | None) -> bool:
    """bool(_CYBER_RE.search(s))."""
    if low is None:
        return bool(_CYBER_RE.search(s))
    # without those words only the pattern's "data protection" can match (on `low` as on s: no letter folds)
    return _has(low, ("cyber", "security", "infosec")) or \
        "protection" in low and bool(_DATA_PROTECTION_RE.search(low))


def _informs(s: str, low: str | None) -> bool:
    """bool(_INFORM_RE.search(s))."""
    return _has(low, _INFORM_WORDS) if low is not None else bool(_INFORM_RE.search(s))


_OVERSIGHT_WORDS = ("oversee", "oversight", "oversees", "overseeing", "supervis", "responsib", "monitor", "review",
                    "charged", "delegat")


def _oversees(s: str, low: str | None) -> bool:
    """bool(_OVERSIGHT_RE.search(s))."""
    if low is None:
        return bool(_OVERSIGHT_RE.search(s))
    # without those words only the pattern's "governance of" can match (on `low` as on s: no letter folds)
    return _has(low, _OVERSIGHT_WORDS) or "governance" in low and bool(_GOVERNANCE_OF_RE.search(low))


_ENGAGE_LITERALS = ("engag", "partner", "retain", "consult", "hire", "contract", "assess", "audit", "penetration",
                    "test")


def _engages(s: str, low: str | None) -> bool:
    """bool(_ENGAGE_CONTEXT_RE.search(s))."""
    if low is None:
        return bool(_ENGAGE_CONTEXT_RE.search(s))
    # without those words only the pattern's "work(ed|s) with" can match (on `low` as on s: no letter folds)
    return _has(low, _ENGAGE_LITERALS) or "work" in low and bool(_WORK_WITH_RE.search(low))


#: An apposition ("our CISO, Jane Doe, ...") needs a name between commas.
_APPOSITION_HINT_RE = re.compile(r",\s*(?!Mr|Ms|Dr)[A-Z][a-z'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'-]+\s*,")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


#: bytes.translate table keeping A-Z and turning every other byte into a space (A-Z are these bytes in UTF-8).
_CAPITALS_ONLY = bytes(c if 0x41 <= c <= 0x5A else 0x20 for c in range(256))


def _starts(texts: list[str]) -> list[int]:
    """Offsets of each text in the texts as UTF-8 joined with one separator byte."""
    sizes = [len(text) + 1 if text.isascii() else len(_utf8(text)) + 1 for text in texts]
    return list(itertools.accumulate(sizes, initial=0))[:-1]


class _Extractor:
    """Runs every fact extractor over one disclosure's sentences.

    Work per sentence that several facts need (lower-cased text for the prefilters, the titles it names,
    whether it is about cybersecurity, the holders it mentions) is done once and kept.
    """

    def __init__(self, d: Disclosure) -> None:
        self.sentences = disclosure_sentences(d)
        # _hint_text of each sentence (written out for ASCII text, most sentences: a call each costs more)
        self.lows = [s.lower() if s.isascii() else _hint_text(s) for _, s in self.sentences]
        self.low_of = {s: low for (_, s), low in zip(self.sentences, self.lows)}
        self.unsure = {i for i, low in enumerate(self.lows) if low is None}
        self.cyber_of: dict[int, bool] = {}
        self.acronyms = _defined_acronyms(self.sentences, self.lows)
        self.facts: dict[str, list[FactValue]] = {name: [] for name in FACT_NAMES}
        self.keys: dict[str, set[str]] = {name: set() for name in FACT_NAMES}
        self.person_titles: dict[str, str] = {}
        self.surnames: dict[str, str] = {}
        self.held: dict[tuple[tuple[str, ...], bool], set[int]] = {}
        self.joined: tuple[bytes, bytes] | None = None
        self.starts_low: list[int] = []
        self.starts_text: list[int] = []
        self.capitals: bytes | None = None
        self.committee_acronyms = sorted({m.group(1) for i in self.holding(("committee",))
                                          if "(" in self.sentences[i][1]
                                          for m in _COMMITTEE_ACRONYM_RE.finditer(self.sentences[i][1])})
        self.committee_acronym_re = re.compile(
            r"(?-i:\b(?:" + "|".join(map(re.escape, self.committee_acronyms)) + r")\b)") \
            if self.committee_acronyms else None
        self.title_cache: dict[int, list[tuple[int, int, str]]] = {}
        self.mentions: dict[str, list[tuple[str, str]]] | None = None
        self.committee_levels: dict[str, bool] = {}
        self.title_norms: dict[str, str] = {}
        self.value_keys: dict[str, str] = {}
        self.mention_cache: dict[int, list[tuple[int, str]]] = {}
        #: The sentences that may name a title: those passing _title_matches' prefilter, found for all the
        #: sentences at once (the loops below visit only them where a title is what would make them count).
        self.may_title = self.holding(_TITLE_WORDS) | self.holding(("VP", "DPO"), lower=False) | \
            self.matching(_CHIEF_ACRONYM_HINT_RE)

    def add(self, fact: str, value: Any, element: str, sentence: str) -> None:
        if fact in SINGLE_FACTS and self.facts[fact]:
            return
        if fact != "experience_years":
            key = self.value_key(value)
            if key in self.keys[fact]:
                return
            self.keys[fact].add(key)
        self.facts[fact].append(FactValue(value, element, sentence))

    def value_key(self, value: Any) -> str:
        """_value_key(value), worked out once for each str (titles and names come again and again)."""
        if not isinstance(value, str):
            return _value_key(value)
        key = self.value_keys.get(value)
        if key is None:
            key = self.value_keys[value] = _value_key(value)
        return key

    def _joined(self, lower: bool) -> tuple[bytes, list[int]]:
        """All the sentences (their lower-cased text when `lower`, else as written) as UTF-8 joined with a
        zero byte, and the offset of each: one search of the whole text replaces one per sentence."""
        if self.joined is None:  # as UTF-8, where an ASCII word is found as the same bytes (and found fast)
            lows = [low or "" for low in self.lows]
            texts = [s for _, s in self.sentences]
            self.joined = (_utf8("\x00".join(lows)), _utf8("\x00".join(texts)))
            self.starts_low, self.starts_text = _starts(lows), _starts(texts)
        return (self.joined[0], self.starts_low) if lower else (self.joined[1], self.starts_text)

    def holding(self, words: tuple[str, ...], lower: bool = True) -> set[int]:
        """Indexes of the sentences that hold one of `words` (their lower-cased text when `lower`, else the
        sentence as written), and of every sentence without a _hint_text (for which keyword tests are unsafe):
        the sentences for which `_has(low, words)` (with `lower`) is true. Worked out once per `words` (the
        set returned is kept: not to be changed)."""
        out = self.held.get((words, lower))
        if out is not None:
            return out
        text, starts = self._joined(lower)
        out = self.held[words, lower] = set(self.unsure)
        for word in map(_utf8, words):  # (no word holds the separator: each is found inside one sentence)
            pos = text.find(word)
            while pos != -1:
                i = bisect.bisect_right(starts, pos) - 1
                out.add(i)
                # on from the next sentence
                pos = text.find(word, starts[i + 1]) if i + 1 < len(starts) else -1
        return out

    def matching(self, pattern: re.Pattern[bytes]) -> set[int]:
        """Indexes of the sentences (as written) in which `pattern`, a pattern matching capitals A-Z only,
        finds a match, and of every sentence without a _hint_text."""
        if self.capitals is None:  # every other byte a space: the pattern's first letter is found fast
            self.capitals = self._joined(False)[0].translate(_CAPITALS_ONLY)
        text, starts = self.capitals, self.starts_text
        out = set(self.unsure)
        m = pattern.search(text)
        while m:
            i = bisect.bisect_right(starts, m.start()) - 1
            out.add(i)
            m = pattern.search(text, starts[i + 1]) if i + 1 < len(starts) else None
        return out

    def cyber(self, i: int) -> bool:
        """_is_cyber of sentence i, worked out once."""
        cyber = self.cyber_of.get(i)
        if cyber is None:
            cyber = self.cyber_of[i] = _is_cyber(self.sentences[i][1], self.lows[i])
        return cyber

    def norm_title(self, raw: str) -> str:
        """normalize_title(raw, self.acronyms), each title worked out once."""
        title = self.title_norms.get(raw)
        if title is None:
            title = self.title_norms[raw] = normalize_title(raw, self.acronyms)
        return title

    def titles_of(self, i: int) -> list[tuple[int, int, str]]:
        """_titles_in of sentence i (acronyms are fixed once the extractor is built)."""
        titles = self.title_cache.get(i)
        if titles is None:
            if i not in self.may_title:
                return []  # what _title_matches finds where its prefilter fails
            titles = self.title_cache[i] = _titles_in(self.sentences[i][1], self.acronyms, self.lows[i],
                                                      self.norm_title)
        return titles

    def run(self) -> dict[str, list[FactValue]]:
        self.people()
        self.titles()
        self.experience()
        self.experienced_titles()
        # each of these returns at once, doing nothing, for a sentence without some words it needs: they are
        # called only for the sentences that hold them (found by a search of all the text at once, by as few
        # words as will do), in the same order
        tenure = self.holding(("since", "19", "20"))  # (a tenure start is "since ..." or a year 19xx/20xx)
        reports = self.holding(("report",))
        certifications = self.holding(("certified",)) | self.holding(_CERT_TOKENS, lower=False)
        # a briefing is of the board or a committee (named, or by its acronym)
        briefing = self.holding(("board",)) | self.holding(("committee",))
        if self.committee_acronyms:
            briefing = briefing | self.holding(tuple(self.committee_acronyms), lower=False)
        frameworks = self.holding(_ANY_FRAMEWORK_WORDS)
        # (a third party is named after "such as", "including", ... or as a certifier)
        third_parties = self.holding(("such", "including", "like", "namely")) | self.holding(_CERTIFIER_WORDS)
        for i in sorted(tenure | reports | certifications | briefing | frameworks | third_parties):
            element, s = self.sentences[i]
            low = self.lows[i]
            if i in tenure:
                self.tenure(i, element, s, low)
            if i in reports:
                self.reports_to(element, s, low)
            if i in certifications:
                self.certifications(element, s, low)
            if i in briefing:
                self.briefing(element, s, low)
            if i in frameworks:
                self.frameworks(element, s, low)
            if i in third_parties:
                self.third_parties(element, s, low)
        self.committees()
        self.material_statement()
        return self.facts

    def people(self) -> None:
        # a person is named after an honorific or in apposition to a title: other sentences name none
        for i in sorted(self.holding(_HONORIFICS, lower=False) | self.may_title):
            element, s = self.sentences[i]
            if any(map(s.__contains__, _HONORIFICS)):
                for m in _HONORIFIC_NAME_RE.finditer(s):
                    self._person(m.group(1), element, s, m.end())
            # an apposition starts with a title and needs a sentence about cybersecurity to count
            if "," not in s or not self.titles_of(i) or not self.cyber(i) or \
                    not _APPOSITION_HINT_RE.search(s):
                continue
            for m in _apposition_matches(s, self.lows[i]):
                name = m.group(m.lastindex or 1)
                if name:
                    self._person(name, element, s, m.start(), title=self.norm_title(
                        _TITLE_RE.match(s, m.start()).group(0) if _TITLE_RE.match(s, m.start()) else ""))

    def _person(self, name: str, element: str, s: str, pos: int, title: str | None = None) -> None:
        name = clean_inline(name)
        if any(w.lower() in _NOT_NAME_WORDS for w in name.split()):
            return  # "our Vice President, Information Security, who ...": a title's second half, not a person
        self.add("responsible_people", name, element, s)
        self.surnames[name.split()[-1]] = name
        self.mention_cache.clear()
        if title is None:
            after = s[pos:pos + 120]
            m = re.match(r"\s*,\s*(?:our|the|its|who\s+is\s+our)\s+([^,;.]*)([^;.]*)", after)
            if m:  # the last title starting before the next comma ("our director and Vice President, Security")
                titles = [t for t in _titles_in(m.group(1) + m.group(2), self.acronyms, norm=self.norm_title)
                          if t[0] < len(m.group(1))]
                title = titles[-1][2] if titles else None
        if title:
            self.person_titles[name] = title

    def titles(self) -> None:
        for i in sorted(self.may_title):  # (a sentence naming no title makes none responsible)
            element, s = self.sentences[i]
            cyber = self.cyber(i) or (i > 0 and self.cyber(i - 1))
            if not cyber:
                continue
            for title in _responsible_titles_in(s, self.acronyms, titles=self.titles_of(i), cyber=True,
                                                low=self.lows[i]):
                self.add("responsible_titles", title, element, s)
        for name, title in self.person_titles.items():
            fv = next(v for v in self.facts["responsible_people"] if v.value == name)
            if _CYBER_RE.search(fv.evidence) or re.search(r"responsib|charge|lead", fv.evidence, re.I):
                self.add("responsible_titles", title, fv.element, fv.evidence)

    def experienced_titles(self) -> None:
        """A title whose holder's experience the text states is presented as responsible (Item 106(c)(2)(i)
        asks for the expertise of exactly those persons)."""
        titles = {self.value_key(t) for i in self.may_title for _, _, t in self.titles_of(i)}
        for fv in self.facts["experience_years"]:
            holder = fv.value["holder"]
            if holder and self.value_key(holder) in titles and holder not in ("General Counsel",):
                self.add("responsible_titles", holder, fv.element, fv.evidence)

    def _mentions(self, i: int) -> list[tuple[int, str]]:
        """(position, holder) for every title or person sentence i mentions."""
        cached = self.mention_cache.get(i)
        if cached is not None:
            return cached
        s = self.sentences[i][1]
        out = [(start, title) for start, _, title in self.titles_of(i)]
        if "Mr" in s or "Ms" in s or "Dr" in s:
            for m in _MENTION_HONORIFIC_RE.finditer(s):
                full = self.surnames.get(m.group(1).split()[-1], m.group(1))
                out.append((m.start(), self.person_titles.get(full, full)))
        for name, title in self.person_titles.items():
            if name in s:
                for m in re.finditer(re.escape(name), s):
                    out.append((m.start(), title))
        out.sort()
        self.mention_cache[i] = out
        return out

    def experience(self) -> None:
        # a sentence that states no years and mentions no holder (no title, honorific or person's name) does
        # nothing here: only the others are visited
        visit = self.may_title | self.holding(("year", "decade")) | self.holding(_HONORIFICS, lower=False)
        if self.person_titles:
            visit |= self.holding(tuple(self.person_titles), lower=False)
        last_holder: str | None = None
        for i in sorted(visit):
            element, s = self.sentences[i]
            low = self.lows[i]
            mentions = self._mentions(i)
            for m in _years_matches(s, low) if _has(low, ("year", "decade")) else ():
                tail = s[m.end():m.end() + 80]
                if low is None:
                    context = _EXPERIENCE_CONTEXT_RE.search(tail) or \
                        _EXPERIENCE_CONTEXT_RE.search(s[:m.start()])
                else:  # the same test, on the lower-cased sentence
                    context = _has(low[m.end():m.end() + 80], _EXPERIENCE_WORDS) or \
                        _has(low[:m.start()], _EXPERIENCE_WORDS)
                if not context:
                    continue
                if _NOT_EXPERIENCE_RE.search(tail[:30]):
                    continue
                years = _number(m.group(2)) * (10 if m.group(4).lower().startswith("decade") else 1)
                if not 1 <= years <= 99:  # (a team's combined experience may pass 60 years)
                    continue
                holder = self._holder(s, m.start(), mentions, low) or last_holder
                value = {"holder": holder, "years": years, "qualifier": _qualifier(m.group(1), m.group(3))}
                if not any(v.value == value for v in self.facts["experience_years"]):
                    self.add("experience_years", value, element, s)
            if mentions:
                last_holder = mentions[-1][1] if not self._holder_group(s, low) else last_holder

    def _holder_group(self, s: str, low: str | None = None) -> str | None:
        low = low if low is not None else _hint_text(s)
        if not any(_has(low, first) and _has(low, then) for first, then in _GROUP_HOLDER_WORDS):
            return None
        m = _GROUP_HOLDER_RE.search(s)
        return clean_inline(m.group(1) or m.group(2)).lower() if m else None

    def _holder(self, s: str, pos: int, mentions: list[tuple[int, str]], low: str | None = None) -> str | None:
        if group := self._holder_group(s, low):
            return group
        before = [h for p, h in mentions if p < pos]
        if before:
            return before[-1]
        return mentions[0][1] if mentions else None

    def tenure(self, i: int, element: str, s: str, low: str | None) -> None:
        if not _has(low, _TENURE_WORDS):
            return
        if low is not None and "since" not in low and "19" not in low and "20" not in low:
            return  # _TENURE_START_RE needs one of them (tested first: the patterns cost far more)
        if not _TENURE_VERB_RE.search(s):
            return
        if not (self._mentions(i) or _PRONOUN_RE.match(s)):
            return
        m = _TENURE_START_RE.search(s)
        if m:
            self.add("tenure_start", next(g for g in m.groups() if g).lower(), element, s)

    def reports_to(self, element: str, s: str, low: str | None) -> None:
        if not _has(low, ("report",)):
            return
        responsible = self.keys["responsible_titles"]  # the _value_key of every responsible title
        for m in _word_matches(_REPORTS_TO_RE, s, low, ("report",), whole=False):
            lead = _REPORTS_TO_LEAD_RE.match(s, m.end())
            target = _TITLE_RE.match(s, m.end() + (lead.end() - lead.start() if lead else 0))
            if not target:
                continue
            before = s[:m.start()]
            subjects = _titles_in(before, self.acronyms, norm=self.norm_title)
            if _TEAM_BEFORE_RE.search(before) and not _LEADS_TEAM_BEFORE_RE.search(before):
                continue  # the team reports, not its leader (unless the leader "leads the team and reports to")
            if subjects and self.value_key(subjects[-1][2]) in responsible or not subjects and \
                    _HE_SHE_RE.match(s):
                self.add("reports_to", self.norm_title(target.group(0)), element, s)

    def certifications(self, element: str, s: str, low: str | None) -> None:
        if not (low is None or "certified" in low or any(map(s.__contains__, _CERT_TOKENS))):
            return
        for m in _CERT_RE.finditer(s):
            raw = m.group(1) or m.group(2) or m.group(0)
            self.add("certifications", _CERT_NAMES.get(re.sub(r"\s+", " ", raw.lower()), raw), element, s)

    def committee_mentions(self) -> dict[str, list[tuple[str, str]]]:
        """Committee name -> (element, sentence) of every sentence naming it, in document order."""
        if self.mentions is None:
            self.mentions = {}
            for i in sorted(self.holding(("committee",))):
                element, s = self.sentences[i]
                for name in _committee_names(s, self.lows[i]):
                    self.mentions.setdefault(name, []).append((element, s))
        return self.mentions

    def board_committee(self, name: str) -> bool:
        """_is_board_committee of a committee the text names, from every sentence naming it (worked out once)."""
        level = self.committee_levels.get(name)
        if level is None:
            contexts = [s for _, s in self.committee_mentions().get(name, [])]
            level = self.committee_levels[name] = _is_board_committee(name, contexts, self.low_of)
        return level

    def briefing(self, element: str, s: str, low: str | None) -> None:
        if not _informs(s, low):
            return
        board = _has(low, ("board",)) and bool(_word_matches(_BOARD_RE, s, low, ("board",)))
        acronym = not board and bool(self.committee_acronym_re and self.committee_acronym_re.search(s))
        if not (board or acronym or _has(low, ("committee",)) and
                _word_matches(_COMMITTEE_RE, s, low, ("committee",), whole=False)):
            return
        # a briefing is of the board or a board committee, or a report: a sentence naming only management
        # committees tells of none when it only has them meet or review ("a Cybersecurity Steering Committee,
        # comprised of senior executives, ... meets monthly"); a committee that reports does inform ("Our
        # Compliance committee reports to our senior management team on a semi-annual basis"). Worked out once
        # a frequency is found; a committee the sentence does not name may be the board's.
        told: bool | None = True if board or acronym else None
        # each keyword tested once
        present = None if low is None else {w for w in _ANY_FREQUENCY_WORDS if w in low}
        for name, pattern in FREQUENCIES:
            if present is not None and present.isdisjoint(_FREQUENCY_HINTS[name]):
                continue
            for m in _frequency_matches(name, pattern, s, low):
                context = s[max(0, m.start() - 30):m.end() + 30]
                if name == "as needed" and _TO_THE_EXTENT_RE.search(s[max(0, m.start() - 25):m.start()]):
                    continue
                if name == "regular" and _PERIODIC_FILING_RE.match(s[m.start():]):
                    continue
                if name == "annual" and not _EACH_ANNUAL_RE.match(m.group(0)) and \
                        _ANNUAL_REPORT_RE.search(context):
                    continue
                if told is None:
                    told = bool(_TELLS_RE.search(s)) or any(
                        not name or self.board_committee(name) for name in _committee_names(s, low, unnamed=True) or [""])
                if not told:
                    return
                self.add("briefing_frequency", name, element, s)
                break

    def frameworks(self, element: str, s: str, low: str | None) -> None:
        if low is None:
            present = None  # keyword tests unsafe: every pattern is tried
        else:
            present = {w for w in _ANY_FRAMEWORK_WORDS if w in low}  # each keyword tested once
            if not present:
                return
        found = False
        for name, pattern in FRAMEWORKS:
            if (present is None or not present.isdisjoint(_FRAMEWORK_HINTS[name]) and (
                    name not in _FRAMEWORK_ALSO_HINTS or _has(low, _FRAMEWORK_ALSO_HINTS[name]))) and \
                    pattern.search(s):
                self.add("frameworks", name, element, s)
                found = found or name.startswith("NIST")
        # an ISO number is digits (\d: in ASCII text, 0-9)
        for m in _ISO_RE.finditer(s) if present is None or "iso" in present and (
                not s.isascii() or _has(low, _DIGITS)) else ():
            for number in (m.group(1), m.group(2)):
                if not number:
                    continue
                if number in _KNOWN_ISO:
                    self.add("frameworks", f"ISO/IEC {number}" if number.startswith("2") and number != "22301"
                             else f"ISO {number}", element, s)
                else:
                    self.add("frameworks", clean_inline(m.group(0)) if number == m.group(1) else number, element, s)
        if not found and (present is None or "nist" in present or "national" in present) and \
                _BARE_NIST_RE.search(s) and \
                re.search(r"framework|standard|guideline|align|model", s, re.I):
            self.add("frameworks", "NIST", element, s)

    def third_parties(self, element: str, s: str, low: str | None) -> None:
        if not _engages(s, low):
            return
        for m in _word_matches(_ENGAGED_FIRMS_RE, s, low, _FIRM_WORDS, whole=False) \
                if _has(low, ("such", "including", "like", "namely")) else ():
            for org in _ORG_LIST_SEPARATOR_RE.split(m.group(1)):
                org = org.strip(" ,.")
                if org and org not in _NOT_ORGS and _CAPITAL_RE.search(org):
                    self.add("third_parties", org, element, s)
        if not (_has(low, _CERTIFIER_WORDS) and _has(low, ("from", "by"))):
            return
        for m in _CERTIFIER_RE.finditer(s):
            org = _AND_AWARD_RE.split(m.group(1))[0].strip(" .")
            if len(org.split()) >= 2 and org.split()[0] not in _NOT_ORGS and not _TITLE_RE.fullmatch(org):
                self.add("third_parties", org, element, s)

    def committees(self) -> None:
        for name, places in self.committee_mentions().items():
            if name in ("management committee", "board committee", "executive committee") and \
                    not any(_GENERIC_COMMITTEE_RE.search(s) for _, s in places):
                continue
            contexts = [s for _, s in places]
            if self.board_committee(name):
                oversight = [(e, s) for e, s in places
                             if _oversees(s, self.low_of[s]) or _informs(s, self.low_of[s])]
                if oversight:
                    self.add("board_oversight", name, *oversight[0])
            elif any(_is_cyber(s, self.low_of[s]) for s in contexts):
                self.add("management_committees", name, *places[0])
        for i in sorted(self.holding(("board",))):
            (element, s), low = self.sentences[i], self.lows[i]
            m = _word_matches(_BOARD_RE, s, low, ("board",))
            if m and _oversees(s, low) and _has(low, ("cyber", "risk", "security")) and \
                    _CYBER_RISK_RE.search(s) and _BOARD_OVERSEES_RE.search(s):
                self.add("board_oversight", "board of directors", element, s)
                break

    def material_statement(self) -> None:
        from tracker.inference import material_statement

        found = material_statement([s for _, s in self.sentences], self.lows)
        if found is None:
            self.facts["material_incident_statement"] = [FactValue("absent", UNTAGGED_ELEMENT, "")]
            return
        value, sentence = found
        element = next((e for e, s in self.sentences if s == sentence), UNTAGGED_ELEMENT)
        self.add("material_incident_statement", "affected" if value else "none", element, sentence)


def extract_facts(d: Disclosure) -> dict[str, list[FactValue]]:
    """Every fact of facts.md for one disclosure: fact name -> values with evidence (empty list: none).

    Computed once per disclosure text: the result is kept in `d.facts_cache` (see attach_facts) and a
    later call with unchanged texts returns a copy of it.
    """
    cache = _derived(d)
    if cache.facts is None:
        cache.facts = _Extractor(d).run()
    return _copy_facts(cache.facts)


def attach_facts(d: Disclosure, facts: dict[str, list[FactValue]]) -> None:
    """Make `facts` (e.g. the store's rows of this very disclosure) what extract_facts(d) returns, for as
    long as the disclosure's texts stay as they are now."""
    cache = _derived(d)
    cache.facts = _copy_facts({name: facts.get(name, []) for name in [*FACT_NAMES, *facts]})


def _copy_facts(facts: dict[str, list[FactValue]]) -> dict[str, list[FactValue]]:
    """A copy a caller may change without changing the cached facts."""
    return {name: [FactValue(dict(v.value) if isinstance(v.value, dict) else v.value, v.element, v.evidence)
                   for v in values] for name, values in facts.items()}


def facts_to_json(facts: dict[str, list[FactValue]]) -> dict:
    """The design.md `show` shape: {fact: [{"value", "element", "evidence"}, ...]}."""
    return {name: [v.to_json() for v in values] for name, values in facts.items()}


# ---- changes --------------------------------------------------------------------------------------------
def _value_key(value: Any) -> str:
    if isinstance(value, dict):
        return "|".join(f"{k}={comparison_key(str(v))}" for k, v in sorted(value.items()))
    return comparison_key(str(value))


_SET_SEVERITY_REMOVED = {"responsible_titles": "high", "responsible_people": "high", "board_oversight": "high"}
_SET_SEVERITY_ADDED = {"board_oversight": "high"}
_SINGLE_SEVERITY = {"material_incident_statement": "high", "tenure_start": "medium"}


def _set_changes(fact: str, old: list[FactValue], new: list[FactValue]) -> list[Change]:
    old_keys = {_value_key(v.value): v for v in old}
    new_keys = {_value_key(v.value): v for v in new}
    removed = [fv for key, fv in old_keys.items() if key not in new_keys]
    added = [fv for key, fv in new_keys.items() if key not in old_keys]
    added_severity = _SET_SEVERITY_ADDED.get(fact, "medium")  # a replaced title: its removal is the high half
    out = [Change(kind="fact_removed", severity=_SET_SEVERITY_REMOVED.get(fact, "medium"), fact=fact,  # type: ignore[arg-type]
                  value=fv.value, element=fv.element, evidence=fv.evidence) for fv in removed]
    out += [Change(kind="fact_added", severity=added_severity, fact=fact,  # type: ignore[arg-type]
                   value=fv.value, element=fv.element, evidence=fv.evidence) for fv in added]
    return out


def _changed(fact: str, severity: str, old: FactValue, new: FactValue) -> Change:
    return Change(kind="fact_changed", severity=severity, fact=fact, old=old.value, new=new.value,  # type: ignore[arg-type]
                  element=new.element, evidence={"old": old.evidence, "new": new.evidence})


def _experience_changes(old: list[FactValue], new: list[FactValue]) -> list[Change]:
    """Pair statements: equal ones first, then equal years and qualifier under another holder name (the holder's
    title changed: responsible_titles reports that), then the same holder, then what is left in order. A pair is
    a change when its years or qualifier differ."""
    old_left, new_left = list(old), list(new)
    pairs = []
    value_keys: dict[int, str] = {}  # id of a statement -> _value_key of its value (each worked out once)
    holder_keys: dict[int, str] = {}  # ... of its holder

    def value_key(fv: FactValue) -> str:
        key = value_keys.get(id(fv))
        if key is None:
            key = value_keys[id(fv)] = _value_key(fv.value)
        return key

    def holder_key(fv: FactValue) -> str:
        key = holder_keys.get(id(fv))
        if key is None:
            key = holder_keys[id(fv)] = _value_key(fv.value["holder"])
        return key

    for same in (lambda o, n: value_key(o) == value_key(n),
                 lambda o, n: _years_key(o) == _years_key(n),
                 lambda o, n: holder_key(o) == holder_key(n)):
        for o in list(old_left):
            match = next((n for n in new_left if same(o, n)), None)
            if match is not None:
                pairs.append((o, match))
                old_left.remove(o)
                new_left.remove(match)
    while old_left and new_left:
        pairs.append((old_left.pop(0), new_left.pop(0)))
    out = [_changed("experience_years", "medium", o, n) for o, n in pairs if _years_key(o) != _years_key(n)]
    out += [Change(kind="fact_removed", severity="medium", fact="experience_years", value=o.value, element=o.element,
                   evidence=o.evidence) for o in old_left]
    out += [Change(kind="fact_added", severity="medium", fact="experience_years", value=n.value, element=n.element,
                   evidence=n.evidence) for n in new_left]
    return out


def _years_key(fv: FactValue) -> tuple:
    return fv.value["years"], fv.value["qualifier"]


def fact_changes(old: Disclosure, new: Disclosure) -> list[Change]:
    """Fact changes between two disclosures, severity per facts.md (flag flips are the differ's job)."""
    return changes_between(extract_facts(old), extract_facts(new))


def changes_between(old: dict[str, list[FactValue]], new: dict[str, list[FactValue]]) -> list[Change]:
    """Fact changes between two already extracted fact sets."""
    out: list[Change] = []
    for fact in FACT_NAMES:
        before, after = old.get(fact, []), new.get(fact, [])
        if fact == "experience_years":
            out += _experience_changes(before, after)
        elif fact in SINGLE_FACTS:
            if before and after and _value_key(before[0].value) != _value_key(after[0].value):
                out.append(_changed(fact, _SINGLE_SEVERITY[fact], before[0], after[0]))
            elif before and not after or after and not before:
                out += _set_changes(fact, before, after)
        else:
            out += _set_changes(fact, before, after)
    return out


def fact_text(value: object) -> str:
    """A fact value as one line of text ("Chief Security Officer: over 15 years")."""
    if isinstance(value, dict):
        holder = value.get("holder") or ""
        qualifier = value.get("qualifier")
        years = value.get("years")
        q = "" if qualifier in (None, "exact") else f"{qualifier} "
        return f"{holder}: {q}{years} years".strip(": ") if years is not None else str(holder)
    if isinstance(value, (list, tuple, set)):
        return ", ".join(fact_text(v) for v in value)
    return str(value)
