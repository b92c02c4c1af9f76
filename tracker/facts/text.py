"""The sentences facts are read from, and the keyword index that keeps rules off sentences they cannot match.

Every rule names the keywords it needs (`Rule.needs`): a sentence holding none of them is never tried. The
index finds the sentences holding each keyword with one pass over the disclosure (an Aho-Corasick automaton
of every keyword, pyahocorasick), instead of one test per rule and sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from tracker.models import UNTAGGED_ELEMENT, Disclosure
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import (
    BULLETS,
    clean_inline,
    comparison_key,
    once,
    split_glued_words_all,
    split_sentences,
    text_vocabulary,
)

#: The filer's own, however a sentence names it: "our", "its", "the", or the filer's name as a possessive
#: ("Progress's", "SentinelOne's": readers' form-only edits, which read as a committee no longer the board's, or an
#: answer no longer stated); the name's capital kept in case-insensitive patterns.
OWNER = r"(?:our|the|its|(?-i:[A-Z])[\w.&-]*['\u2019]s)"

#: (element, sentence) pairs in document order.
Sentences = list[tuple[str, str]]
#: A set of words an automaton is made of (hashable: the automaton is made once for each).
Words = tuple[str, ...] | frozenset[str]

#: Case-insensitive matching also folds four non-ASCII letters onto ASCII ones (dotted and dotless i, long s,
#: Kelvin sign); a sentence holding one of them gets no keyword prefilter at all.
_FOLDS_ONTO_ASCII_RE = lazy_compile(r"(?![\x00-\x7f])(?i:[a-z])")


def hint_text(s: str) -> str | None:
    """The lower-cased sentence for keyword prefilters, or None when keyword tests are unsafe for it."""
    if s.isascii() or not _FOLDS_ONTO_ASCII_RE.search(s):
        return s.lower()
    return None


def has(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a lower-cased sentence (a hint_text) holds one of `words` (True when unsure, or no words)."""
    return low is None or not words or any(map(low.__contains__, words))


def found_unless_after(pattern: re.Pattern[str], text: str, before: re.Pattern[str], reach: int) -> bool:
    """Whether `pattern` matches `text` somewhere `before` does not match the `reach` characters right before it (a
    denial before proceedings told of; "pursuing" before a certification)."""
    return any(not before.search(text, max(0, m.start() - reach), m.start()) for m in pattern.finditer(text))


def _text_sources(d: Disclosure) -> tuple[tuple[str, str], ...]:
    """(element, text) of every text the facts derive from: the text blocks, then the section text."""
    return tuple(d.text_blocks()) + ((UNTAGGED_ELEMENT, d.section_text or ""),)


@dataclass
class Derived:
    """What tracker.facts derived from one disclosure's texts (kept in Disclosure.facts_cache)."""

    sources: tuple[tuple[str, str], ...]
    """The texts it was derived from: a disclosure whose texts changed since gets new work."""
    sentences: Sentences | None = None
    """disclosure_sentences."""
    reading: Any = None
    """The Reading of the disclosure (tracker.facts.extract): every value found, with its rule and sentence."""
    facts: Any = None
    """The facts (fact -> values), read or attached from the store."""


def derived(d: Disclosure) -> Derived:
    """The disclosure's cache entry, fresh when its texts changed (facts depend on nothing else)."""
    sources = _text_sources(d)
    cache = getattr(d, "facts_cache", None)
    if not isinstance(cache, Derived) or cache.sources != sources:
        cache = Derived(sources)
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
    cache = derived(d)
    if cache.sentences is None:
        cache.sentences = sentences_of(cache.sources)
    return list(cache.sentences)


def sentences_of(sources: tuple[tuple[str, str], ...]) -> Sentences:
    """The distinct sentences of (element, text) sources, words glued at markup seams split again."""
    seen: set[str] = set()
    done_texts: set[str] = set()
    keys: dict[str, str] = {}  # the blocks overlap: many sentences come several times
    out: Sentences = []
    for name, text in sources:
        if (
            text in done_texts
        ):  # a text met before adds no sentence (e.g. one block that is the whole section)
            continue
        done_texts.add(text)
        for sentence in split_sentences(text):
            key = keys.get(sentence)
            if key is None:
                key = keys[sentence] = comparison_key(sentence)
            if key and key not in seen:
                seen.add(key)
                sentence = clean_inline(sentence)
                if (
                    sentence[:1] in _BULLET_GLYPHS
                ):  # "• item": "- item" (the same list item, in ASCII: read faster)
                    sentence = _LEADING_BULLET_RE.sub("- ", sentence, count=1)
                out.append((name, sentence))
    # words glued at markup seams ("chief securityofficer", "theAudit Committee") are split again, so that a
    # change of form never changes a fact; the parts must be words of this very disclosure
    vocabulary = text_vocabulary(s for _, s in out)
    return list(zip([name for name, _ in out], split_glued_words_all([s for _, s in out], vocabulary)))


_BULLET_GLYPHS = frozenset(BULLETS + "\uf0b7\uf0a7\uf076\uf0d8\uf0fc")
_LEADING_BULLET_RE = lazy_compile(rf"^[{BULLETS}\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _starts(texts: list[str]) -> list[int]:
    """Offsets of each text in the texts as UTF-8 joined with one separator byte."""
    sizes = [len(text) + 1 if text.isascii() else len(_utf8(text)) + 1 for text in texts]
    return list(itertools.accumulate(sizes, initial=0))[:-1]


@dataclass(frozen=True)
class _Automaton:
    """The keywords known at one time, in one Aho-Corasick automaton (pyahocorasick) of their lower case."""

    automaton: Any
    """Finds the lower case of every keyword (the key found is its value), None when there is none."""
    lower: frozenset[str]
    """The lower-case keywords."""
    cased: frozenset[str]
    """The keywords as written that are ASCII (a sentence holding one holds its lower case in its own)."""
    cased_of: dict[str, tuple[str, ...]]
    """The lower case of a keyword as written -> those keywords."""


class _Keywords:
    """Every keyword asked of an index so far, lower-case or as written, in one automaton: the sentences of a
    disclosure are searched for all of them in one pass of their lower case, instead of one search per word."""

    def __init__(self) -> None:
        self.words: dict[bool, set[str]] = {True: set(), False: set()}
        self._built: _Automaton | None = None
        self.version = 0

    def add(self, word: str, lower: bool) -> None:
        if word not in self.words[lower]:
            self.words[lower].add(word)
            self._built = None  # the next index searches for it too
            self.version += 1

    def automaton(self) -> _Automaton:
        """The automaton of the words known now."""
        if self._built is None:
            # (a word as written that is not ASCII is never known: looked for alone, `_find_word`, each time)
            cased = frozenset(word for word in self.words[False] if word.isascii())
            cased_of: dict[str, tuple[str, ...]] = {}
            for word in sorted(cased):
                cased_of[word.lower()] = (*cased_of.get(word.lower(), ()), word)
            keys = self.words[True] | cased_of.keys()
            automaton = None
            if keys:
                automaton = ahocorasick.Automaton()
                for key in keys:
                    automaton.add_word(key, key)
                automaton.make_automaton()
            self._built = _Automaton(automaton, frozenset(self.words[True]), cased, cased_of)
        return self._built


_KEYWORDS = _Keywords()
#: The value of an automaton's (end, value) pair: the keyword found.
_SECOND = operator.itemgetter(1)
_NONE: frozenset[int] = frozenset()


class SentenceIndex:
    """The sentences of one disclosure, lower-cased once, and which of them hold which words."""

    def __init__(self, sentences: Sentences) -> None:
        self.sentences = sentences
        self.texts = [s for _, s in sentences]
        self.lows = [s.lower() if s.isascii() else hint_text(s) for s in self.texts]
        self.unsure = frozenset(i for i, low in enumerate(self.lows) if low is None)
        self._held: dict[tuple[tuple[str, ...], bool], frozenset[int]] = {}
        self._joined: tuple[bytes, bytes] | None = None
        self._starts_low: list[int] = []
        self._starts_text: list[int] = []
        self._found: dict[tuple[str, int], frozenset[int]] = {}
        self._held_word: dict[tuple[str, bool], frozenset[int]] = {}
        self._excluded: dict[tuple[str, int], bool] = {}
        self._rule_sentences: dict[str, Collection[int]] = {}
        self._tables: dict[bool, tuple[frozenset[str], dict[str, frozenset[int]]]] = {}
        self._text_str: str | None = None
        self._starts_str: list[int] = []

    def __len__(self) -> int:
        return len(self.texts)

    def _text(self, lower: bool) -> tuple[bytes, list[int]]:
        if self._joined is None:  # as UTF-8, where an ASCII word is found as the same bytes (and found fast)
            lows = [low or "" for low in self.lows]
            self._joined = (_utf8("\x00".join(lows)), _utf8("\x00".join(self.texts)))
            self._starts_low, self._starts_text = _starts(lows), _starts(self.texts)
        return (self._joined[0], self._starts_low) if lower else (self._joined[1], self._starts_text)

    def finding(self, pattern: re.Pattern[str]) -> frozenset[int]:
        """Indexes of the sentences in which `pattern` (one that never matches the separator) finds a match:
        one search of the whole text, for a pattern of many alternatives (a search per word would cost more)."""
        key = (pattern.pattern, pattern.flags)
        out = self._found.get(key)
        if out is None:
            if self._text_str is None:
                self._text_str = "\x00".join(self.texts)
                self._starts_str = list(itertools.accumulate((len(t) + 1 for t in self.texts), initial=0))[
                    :-1
                ]
            found = set()
            for m in pattern.finditer(self._text_str):
                found.add(bisect.bisect_right(self._starts_str, m.start()) - 1)
            out = self._found[key] = frozenset(found)
        return out

    def for_rule(self, name: str, sentences: Callable[[SentenceIndex], Collection[int]]) -> Collection[int]:
        """The sentences a rule may match (`sentences(self)`, worked out once per rule)."""
        out = self._rule_sentences.get(name)
        if out is None:
            out = self._rule_sentences[name] = sentences(self)
        return out

    def rules_out(self, pattern: re.Pattern[str], i: int) -> bool:
        """Whether `pattern` (an exclusion) finds a match in sentence i (worked out once per sentence)."""
        key = (pattern.pattern, i)
        out = self._excluded.get(key)
        if out is None:
            text = self.texts[i]
            out = self._excluded[key] = once(pattern.pattern, text, lambda: pattern.search(text) is not None)
        return out

    def holding(self, words: tuple[str, ...], lower: bool = True) -> frozenset[int]:
        """Indexes of the sentences that hold one of `words` (their lower-cased text when `lower`, else the
        sentence as written), and of every sentence keyword tests are unsafe for. No words: every sentence."""
        if not words:
            return frozenset(range(len(self.texts)))
        out = self._held.get((words, lower))
        if out is None:
            known, held = self._tables.get(lower) or self._table(lower)
            if known.issuperset(words):  # (the usual case: every word in the automaton's table)
                out = self.unsure.union(*map(held.get, words, itertools.repeat(_NONE)))
            else:
                out = self.unsure.union(*(self._holding_word(word, lower) for word in words))
            self._held[words, lower] = out
        return out

    def _holding_word(self, word: str, lower: bool) -> frozenset[int]:
        out = self._held_word.get((word, lower))
        if out is None:
            known, held = self._tables.get(lower) or self._table(lower)
            if word in known:
                out = held.get(word, _NONE)
            else:  # a word no index was asked for before: looked for alone (the next index has it)
                _KEYWORDS.add(word, lower)
                out = self._find_word(word, lower)
            self._held_word[word, lower] = out
        return out

    def _table(self, lower: bool) -> tuple[frozenset[str], dict[str, frozenset[int]]]:
        """The known keywords of the case asked, and the sentences holding each: the tables of both cases from
        one pass of the automaton over the lower case of each sentence (the keys a sentence holds worked out
        once per `shared_work` block). A keyword as written is in a sentence whose lower case holds its lower
        case, if at all; a sentence keyword tests are unsafe for is in neither table (`holding` adds them all)."""
        keywords = _KEYWORDS.automaton()
        automaton, lower_words, cased_of = keywords.automaton, keywords.lower, keywords.cased_of
        held: dict[str, list[int]] = {}
        held_cased: dict[str, list[int]] = {}
        if automaton is not None:
            version = _KEYWORDS.version
            for i, low in enumerate(self.lows):
                if low:
                    for key in once(
                        "keywords", (low, version), lambda: frozenset(map(_SECOND, automaton.iter(low)))
                    ):
                        if key in lower_words:
                            found = held.get(key)
                            if found is None:
                                held[key] = [i]
                            else:
                                found.append(i)
                        if key in cased_of:
                            for word in cased_of[key]:
                                if word in self.texts[i]:
                                    held_cased.setdefault(word, []).append(i)
        self._tables[True] = (lower_words, {word: frozenset(found) for word, found in held.items()})
        self._tables[False] = (keywords.cased, {word: frozenset(found) for word, found in held_cased.items()})
        return self._tables[lower]

    def _find_word(self, word: str, lower: bool) -> frozenset[int]:
        text, starts = self._text(lower)
        found = set()
        needle = _utf8(word)  # (no word holds the separator: each is found inside one sentence)
        pos = text.find(needle)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            found.add(i)
            pos = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
        return frozenset(found)


def word_starts(s: str, low: str, words: Words, whole: bool = True) -> list[int]:
    """Where a word of s (a run of \\w) starts that is one of `words` (whole=False: that starts with one).

    The words are looked for in `low`: s lower-cased (a hint_text, as long as s) or s itself, all at once (an
    automaton of the words), instead of a test of every word of the sentence."""
    if len(words) <= 4:  # a few words: a substring search each is cheaper than an automaton's pass
        return _word_starts_found(s, low, words, whole)
    if s.isascii() and (bounded := _bounded_automaton_of(words, whole)) is not None:
        # every character but a word character made a space: the words, set off by spaces, are found whole
        padded = " " + low.encode("ascii").translate(_WORD_BYTES_ONLY).decode("ascii") + " "
        return sorted({end - len(key) + 1 for end, key in bounded.iter(padded)})
    out = []
    for end, word in _automaton_of(words).iter(low):
        pos = end - len(word) + 1
        if pos == 0 or not (s[pos - 1].isalnum() or s[pos - 1] == "_"):
            end += 1
            if not whole or end == len(s) or not (s[end].isalnum() or s[end] == "_"):
                out.append(pos)
    return sorted(set(out))


def _word_starts_found(s: str, low: str, words: Collection[str], whole: bool) -> list[int]:
    out = set()
    for word in filter(low.__contains__, words):
        pos = low.find(word)
        while pos != -1:
            if pos == 0 or not (s[pos - 1].isalnum() or s[pos - 1] == "_"):
                end = pos + len(word)
                if not whole or end == len(s) or not (s[end].isalnum() or s[end] == "_"):
                    out.add(pos)
            pos = low.find(word, pos + 1)
    return sorted(out)


#: bytes.translate table: ASCII word characters (\w: letters, digits, "_") kept, every other byte a space.
_WORD_BYTES_ONLY = bytes(c if chr(c).isalnum() and c < 0x80 or c == 0x5F else 0x20 for c in range(256))
_WORD_CHARS_RE = lazy_compile(r"[A-Za-z0-9_]+")


@functools.cache
def _bounded_automaton_of(words: Words, whole: bool) -> Any:
    """An automaton of " word " (whole) or " word" for each word (None when a word is not all word characters)."""
    if not all(_WORD_CHARS_RE.fullmatch(word) for word in words):
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        key = f" {word} " if whole else f" {word}"
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


@functools.cache
def _automaton_of(words: Words) -> Any:
    """An automaton of the words (a tuple or a frozenset: made once for each)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def matches_at(pattern: re.Pattern[str], s: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """Exactly pattern.finditer(s) for a pattern (matching no empty string) that can only match at one of
    `starts`: it is tried there only (tried at every position it costs far more)."""
    out = []
    pos = 0
    for start in sorted(starts):
        if start >= pos:
            m = pattern.match(s, start)
            if m:
                out.append(m)
                pos = m.end()
    return out


def word_matches(
    pattern: re.Pattern[str], s: str, low: str | None, words: tuple[str, ...], whole: bool = True
) -> list[re.Match[str]]:
    """Exactly pattern.finditer(s) for a case-insensitive pattern whose every match starts at a word of s
    that, lower-cased, is one of `words` (whole=False: starts with one); `low` is s's hint_text."""
    if low is None:
        return list(pattern.finditer(s))
    return matches_at(pattern, s, word_starts(s, low, words, whole))
