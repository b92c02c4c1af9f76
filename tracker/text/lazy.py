"""Regular expressions compiled the first time they are used, not when their module is imported.

The fact catalogue alone declares a few hundred patterns; compiling them all at import cost every command
tens of milliseconds, even one that reads its facts from the database and runs few of them (a stored `diff`).
`lazy_compile` is written where `re.compile` was, at module level; the pattern is compiled by its first use,
after which its methods are plain attributes of the object: a call costs what it costs on a compiled pattern.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast

#: What a pattern is used for; each becomes an attribute (the compiled pattern's own method) once compiled.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A stand-in for `re.compile(pattern, flags)` that compiles on first use (of any attribute but `pattern`)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        """The source of the pattern, readable without compiling it (patterns are built from others')."""
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Compile, keep the compiled pattern's methods as attributes, and answer (called only once per
        attribute: after the first use every method is found on the object itself)."""
        if name.startswith("__") or name == "_flags":
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.compiled = compiled
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used; typed as the pattern it stands for (it answers
    every method of one, but is no `re.Pattern` to `re.search(p, s)`: call `p.search(s)`)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


class Caseless:
    """A case-insensitive pattern whose letters are all written in lower case, for hot tests that only ask
    whether, or how often, it matches (never what it matched).

    Python's `re` is two to five times slower with IGNORECASE than without on alternations of words, so an
    ASCII text is lower-cased (every position kept) and searched with the pattern compiled case-sensitively:
    the same matches. Any other text is searched with IGNORECASE, as written (its case folding is the
    pattern's own), where its lower case holds what a match needs (`_may_hold_unicode`). Compiled on first
    use, as `lazy_compile`.
    """

    def __init__(self, pattern: str) -> None:
        letters = re.sub(r"\\.", "", pattern)  # (escapes such as \S or \W are no letters of the text)
        if letters != letters.lower():
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern!r}")
        self.pattern = pattern
        """The source of the pattern."""
        self.required = required = required_literals(pattern)
        """For each alternative of the pattern, the literal runs every match of it holds (None when some
        alternative holds none): an ASCII text holding no alternative's runs is no match, found by substring
        tests (memchr-fast) instead of a regular-expression scan, which `re` makes position by position for a
        pattern that starts with \\b."""
        self._lower: re.Pattern[str] | None = None
        self._folded: re.Pattern[str] | None = None
        # the alternatives needing one run, tested in one C-level pass; then those needing several
        self._single_runs = tuple(runs[0] for runs in required or () if len(runs) == 1)
        self._several_runs = tuple(runs for runs in required or () if len(runs) > 1)
        self._ascii_runs = required is not None and all(run.isascii() for runs in required for run in runs)

    def _compiled(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        if self._lower is None or self._folded is None:
            self._lower, self._folded = re.compile(self.pattern), re.compile(self.pattern, re.I)
        return self._lower, self._folded

    def test(self, text: str) -> bool:
        """Whether the pattern matches somewhere in text (as `re.search(pattern, text, re.I)` would)."""
        return self.search(text) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Where the pattern first matches in text[pos:endpos], as `re.search` with IGNORECASE finds it: the
        match's positions are the text's, but an ASCII text's match is of its lower case (ask a match where, not
        what)."""
        lower, folded = self._compiled()
        if text.isascii():
            low = text.lower()
            return lower.search(low, pos, endpos) if self._may_hold(low) else None
        return folded.search(text, pos, endpos) if self._may_hold_unicode(text) else None

    def count(self, text: str) -> int:
        """How many times it matches, as `len(re.findall(pattern, text, re.I))` counts."""
        lower, folded = self._compiled()
        if text.isascii():
            low = text.lower()
            return len(lower.findall(low)) if self._may_hold(low) else 0
        return len(folded.findall(text)) if self._may_hold_unicode(text) else 0

    def _may_hold(self, low: str) -> bool:
        """Whether lower-cased text holds every required run of some alternative (see `required`)."""
        if self.required is None:
            return True
        contains = low.__contains__
        return any(map(contains, self._single_runs)) or any(
            all(map(contains, runs)) for runs in self._several_runs
        )

    def _may_hold_unicode(self, text: str) -> bool:
        """`_may_hold` of a text that is not ASCII. IGNORECASE matches an ASCII letter of the pattern (lower
        case) with itself, its capital, the Kelvin sign, and three letters whose `lower()` is not that letter
        (İ, ı, ſ): in the lower case of a text without those, a match's ASCII runs are as they are in an
        ASCII text's. (A look for every run costs far less than a scan of a long text with IGNORECASE.)"""
        if not self._ascii_runs or "\u0130" in text or "\u0131" in text or "\u017f" in text:
            return True
        return self._may_hold(text.lower())


def caseless(pattern: str) -> Caseless:
    """A Caseless of a pattern written for IGNORECASE in any case: its letters lower-cased, escapes (\\S, \\W,
    \\B ...) as written. The same matches: the text is lower-cased (ASCII) or the pattern folded (any other)."""
    return Caseless(_ESCAPE_OR_TEXT_RE.sub(lambda m: m[1] or m[0].lower(), pattern))


_ESCAPE_OR_TEXT_RE = re.compile(r"(\\.)|[^\\]+", re.S)


#: What ends a literal run in a pattern's source: escapes, classes, groups, any character, anchors,
#: alternatives; and quantifiers, which also take the character before them off the run.
_SPECIAL = frozenset("\\[().^$|?*+{")
_QUANTIFIERS = frozenset("?*+{")
_SHORTEST_RUN = 3


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """For each top-level alternative of a regular expression (no flags), the runs of plain characters of
    three or more outside any group or class that every match of it holds, in order; None when an
    alternative has none (no test of substrings can then rule a text out).

    Conservative by construction: a character a quantifier follows, and everything inside a group or a
    class, is left out (`\\bitem\\s+16k\\b` -> ("item", "16k"); `material(?:ly)? impact` -> ("material",
    " impact"))."""
    branches: list[tuple[str, ...]] = []
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    k = 0

    def end_run(quantified: bool = False) -> None:
        if quantified and run:
            run.pop()
        if len(run) >= _SHORTEST_RUN:
            runs.append("".join(run))
        run.clear()

    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            if depth == 0:
                end_run()
            k += 2
            continue
        if c == "[":  # a class: to its closing bracket (a "]" first in it, or escaped, is a member)
            if depth == 0:
                end_run()
            k += 1
            k += pattern.startswith("^", k)
            k += pattern.startswith("]", k)
            while k < len(pattern) and pattern[k] != "]":
                k += 2 if pattern[k] == "\\" else 1
            k += 1
            continue
        if c == "{" and depth == 0:  # a counted quantifier: to its closing brace, the character before it off
            end_run(quantified=True)
            close = pattern.find("}", k)
            k = len(pattern) if close == -1 else close + 1
            continue
        if c == "(":
            if depth == 0:
                end_run()
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            if c == "|":
                end_run()
                if not runs:
                    return None
                branches.append(tuple(runs))
                runs = []
            elif c in _QUANTIFIERS:
                end_run(quantified=True)
            elif c in _SPECIAL:
                end_run()
            else:
                run.append(c)
        k += 1
    end_run()
    if not runs:
        return None
    branches.append(tuple(runs))
    return tuple(branches)
