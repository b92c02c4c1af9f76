"""The sentences facts are read from, and the keyword index that keeps rules off sentences they cannot match.

Every rule names the keywords it needs (`Rule.needs`): a sentence holding none of them is never tried. The
index finds the sentences holding a word with one search of the whole disclosure's text, instead of one
test per sentence.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tracker.models import UNTAGGED_ELEMENT, Disclosure
from tracker.normalize import (
    clean_inline,
    comparison_key,
    split_glued_words_all,
    split_sentences,
    text_vocabulary,
)

#: (element, sentence) pairs in document order.
Sentences = list[tuple[str, str]]

#: Case-insensitive matching also folds four non-ASCII letters onto ASCII ones (dotted and dotless i, long s,
#: Kelvin sign); a sentence holding one of them gets no keyword prefilter at all.
_FOLDS_ONTO_ASCII_RE = re.compile(r"(?![\x00-\x7f])(?i:[a-z])")


#: The words of a lower-cased text, and the first run of letters and digits of a keyword.
_WORD_RE = re.compile(r"[a-z0-9]+")
_FIRST_RUN_RE = re.compile(r"[a-z0-9]+")


def hint_text(s: str) -> str | None:
    """The lower-cased sentence for keyword prefilters, or None when keyword tests are unsafe for it."""
    if s.isascii() or not _FOLDS_ONTO_ASCII_RE.search(s):
        return s.lower()
    return None


def has(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a lower-cased sentence (a hint_text) holds one of `words` (True when unsure, or no words)."""
    return low is None or not words or any(map(low.__contains__, words))


def _text_sources(d: Disclosure) -> tuple[tuple[str, str], ...]:
    """(element, text) of every text the facts derive from: the text blocks, then the section text."""
    return tuple((e.name, str(e.value)) for e in d.text_elements) + ((UNTAGGED_ELEMENT, d.section_text or ""),)


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


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _starts(texts: list[str]) -> list[int]:
    """Offsets of each text in the texts as UTF-8 joined with one separator byte."""
    sizes = [len(text) + 1 if text.isascii() else len(_utf8(text)) + 1 for text in texts]
    return list(itertools.accumulate(sizes, initial=0))[:-1]


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
        self._vocabulary: list[str] | None = None
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

    def _may_hold(self, word: str) -> bool:
        """False when no word of the text starts as `word` does (its first run of letters and digits): a cheap
        test (a search in the sorted vocabulary) that spares a search of the whole text for most keywords."""
        m = _FIRST_RUN_RE.match(word.lower())
        if m is None or self.unsure:
            return True
        if self._vocabulary is None:
            self._vocabulary = sorted(set(_WORD_RE.findall(self._text(True)[0].decode("utf-8", "surrogatepass"))))
        head = m.group(0)
        k = bisect.bisect_left(self._vocabulary, head)
        return k < len(self._vocabulary) and self._vocabulary[k].startswith(head)

    def finding(self, pattern: re.Pattern[str]) -> frozenset[int]:
        """Indexes of the sentences in which `pattern` (one that never matches the separator) finds a match:
        one search of the whole text, for a pattern of many alternatives (a search per word would cost more)."""
        key = (pattern.pattern, pattern.flags)
        out = self._found.get(key)
        if out is None:
            if self._text_str is None:
                self._text_str = "\x00".join(self.texts)
                self._starts_str = list(itertools.accumulate((len(t) + 1 for t in self.texts), initial=0))[:-1]
            found = set()
            for m in pattern.finditer(self._text_str):
                found.add(bisect.bisect_right(self._starts_str, m.start()) - 1)
            out = self._found[key] = frozenset(found)
        return out

    def holding(self, words: tuple[str, ...], lower: bool = True) -> frozenset[int]:
        """Indexes of the sentences that hold one of `words` (their lower-cased text when `lower`, else the
        sentence as written), and of every sentence keyword tests are unsafe for. No words: every sentence."""
        if not words:
            return frozenset(range(len(self.texts)))
        out = self._held.get((words, lower))
        if out is None:
            found = set(self.unsure)
            for word in words:  # (each word looked for once per disclosure, whatever rule needs it)
                found |= self._holding_word(word, lower)
            out = self._held[words, lower] = frozenset(found)
        return out

    def _holding_word(self, word: str, lower: bool) -> frozenset[int]:
        out = self._held_word.get((word, lower))
        if out is None:
            text, starts = self._text(lower)
            found = set()
            needle = _utf8(word)  # (no word holds the separator: each is found inside one sentence)
            pos = text.find(needle)
            while pos != -1:
                i = bisect.bisect_right(starts, pos) - 1
                found.add(i)
                pos = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
            out = self._held_word[word, lower] = frozenset(found)
        return out


def word_starts(s: str, low: str, words: Iterable[str], whole: bool = True) -> list[int]:
    """Where a word of s (a run of \\w) starts that is one of `words` (whole=False: that starts with one).

    The words are looked for in `low`: s lower-cased (a hint_text, as long as s) or s itself. One substring
    search per word replaces a test of every word of the sentence."""
    out = []
    for word in filter(low.__contains__, words):
        pos = low.find(word)
        while pos != -1:
            if pos == 0 or not (s[pos - 1].isalnum() or s[pos - 1] == "_"):
                end = pos + len(word)
                if not whole or end == len(s) or not (s[end].isalnum() or s[end] == "_"):
                    out.append(pos)
            pos = low.find(word, pos + 1)
    return out


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


def word_matches(pattern: re.Pattern[str], s: str, low: str | None, words: tuple[str, ...],
                 whole: bool = True) -> list[re.Match[str]]:
    """Exactly pattern.finditer(s) for a case-insensitive pattern whose every match starts at a word of s
    that, lower-cased, is one of `words` (whole=False: starts with one); `low` is s's hint_text."""
    if low is None:
        return list(pattern.finditer(s))
    return matches_at(pattern, s, word_starts(s, low, words, whole))
