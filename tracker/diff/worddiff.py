"""The word diff (diff-match-patch on words) and the Lazy Prices similarity measures built on it.

The measures are those of Cohen, Malloy and Nguyen, "Lazy Prices" (2020), on word tokens. Every measure is in
[0, 1], 1 meaning the same words (1.0 also when both sides are empty):

- `cosine`: cosine of the two term-frequency vectors (each distinct word a dimension, its count
  the coordinate). Blind to order; sensitive to how often words recur.
- `jaccard`: size of the intersection over the size of the union of the two sets of distinct words.
  Blind to order and to counts.
- `min_edit`: 1 - d / max(len(a), len(b)), where d is the word-level edit distance (insertions,
  deletions and substitutions of whole words; a substitution counts once). d is read from a
  Myers shortest-edit-script of the word sequences (each run of deletions and insertions between two
  equal stretches costs max(deleted, inserted)), which is the exact Levenshtein distance in all but
  contrived cases and never below it.
- `simple`: the measure built on a Unix-diff style comparison: 1 - (added + deleted words) /
  (len(a) + len(b)), added and deleted counted by the same word diff.

The word diff runs diff-match-patch on words encoded as single characters (the "line mode" trick of
diff-match-patch applied to words), so it is C-speed string work plus Myers over a few hundred symbols,
run by diff-match-patch's C++ implementation (fast_diff_match_patch: the Python implementation's ops, in
a fraction of its time). When a bit-parallel LCS (a few big-integer operations per token) finds more than
MYERS_MAX_EDITS edits (a sentence replaced rather than edited), the script is read off that LCS instead,
in the same ops, and diff-match-patch only tidies it (`diff_cleanupMerge`, `diff_cleanupSemantic`): that
is the script reports have shown for such sentences since Myers ran in Python, where it cost
O((n + m) D) steps, D the number of edits. The clean-ups run diff-match-patch's Python code, on the
decoded text (the C++ module offers them only inside a diff of its own). This module
is the only one that imports diff-match-patch; the differ gets word diffs from `word_diff` here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import eq, mul, neg

import diff_match_patch
import fast_diff_match_patch

#: diff-match-patch op codes.
DELETE, EQUAL, INSERT = -1, 0, 1

#: Tokens for a display diff: a word or a single other character, with the white space after it.
_DISPLAY_TOKEN_RE = re.compile(r"\w+\s*|[^\w\s]\s*|\s+", re.UNICODE)

#: Upper bound on the time one word diff may take. Reached only when `measure` is given long, largely
#: unrelated word sequences (thousands of words, thousands of edits): the diff then degrades to
#: "delete all, insert all" for the part not yet solved, so min_edit and simple come out near 0, which
#: such texts nearly are. The differ never gets there: it diffs one aligned sentence pair at a time.
DIFF_TIMEOUT_S = 0.1

#: A word diff whose minimal script inserts and deletes at most this many tokens runs
#: diff-match-patch's Myers diff; a longer script (a sentence replaced rather than edited) is traced from a
#: bit-parallel LCS instead (see the module's docstring).
MYERS_MAX_EDITS = 16


@dataclass(frozen=True, slots=True)
class Similarity:
    """The four Lazy Prices measures of one pair of texts."""

    cosine: float
    """Cosine similarity of term-frequency vectors."""
    jaccard: float
    """Jaccard similarity of the sets of distinct words."""
    min_edit: float
    """1 - word edit distance / length of the longer text."""
    simple: float
    """1 - (added + deleted words) / (words of both texts)."""

    def to_json(self) -> dict[str, float]:
        """The four measures rounded to 4 decimals, keyed as in design.md."""
        return {
            "cosine": round(self.cosine, 4),
            "jaccard": round(self.jaccard, 4),
            "min_edit": round(self.min_edit, 4),
            "simple": round(self.simple, 4),
        }


IDENTICAL = Similarity(1.0, 1.0, 1.0, 1.0)


@dataclass(slots=True)
class EditCounts:
    """What a word diff of two sequences adds up to; sums of these compose whole-text measures."""

    old_words: int = 0
    """Words of the old sequence."""
    new_words: int = 0
    """Words of the new sequence."""
    added: int = 0
    """Words inserted."""
    deleted: int = 0
    """Words deleted."""
    distance: int = 0
    """Word-level edit distance (substitution = 1)."""

    def __iadd__(self, other: EditCounts) -> EditCounts:
        self.old_words += other.old_words
        self.new_words += other.new_words
        self.added += other.added
        self.deleted += other.deleted
        self.distance += other.distance
        return self

    @property
    def min_edit(self) -> float:
        """1 - distance / longer length (1.0 for two empty texts)."""
        longest = max(self.old_words, self.new_words)
        return 1.0 if longest == 0 else _clamp(1.0 - self.distance / longest)

    @property
    def simple(self) -> float:
        """1 - (added + deleted) / (old + new words) (1.0 for two empty texts)."""
        total = self.old_words + self.new_words
        return 1.0 if total == 0 else _clamp(1.0 - (self.added + self.deleted) / total)


def _clamp(x: float) -> float:
    return min(1.0, max(0.0, x))


def _engine() -> diff_match_patch.diff_match_patch:
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT_S
    return dmp


_DMP = _engine()

#: diff-match-patch's C++ implementation (fast_diff_match_patch) speaks ops as "=", "-", "+".
_OP_CODES = {"=": EQUAL, "-": DELETE, "+": INSERT}


def _diff_main(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's `diff_main(a, b, checklines=False)` with the engine's timeout, computed by its C++
    implementation: the same algorithm (common ends, the half-match split the timeout enables, Myers bisection,
    the merge clean-up), the same ops, 5-20x less time on the word strings a rewritten sentence gives. A diff
    that reaches the timeout may stop at another point than the Python code would, as it stops at a time, not
    a step; `diff_encoded` never gets there (it only asks for short edit scripts)."""
    codes = _OP_CODES
    return [
        (codes[op], text)
        for op, text in fast_diff_match_patch.diff(
            a, b, timelimit=DIFF_TIMEOUT_S, checklines=False, cleanup="No", counts_only=False
        )
    ]


def encode_tokens(a: Sequence[str], b: Sequence[str]) -> tuple[str, str, list[str]]:
    """Each distinct token as one character (shared by both sides); the table decodes them back."""
    ea, eb, code = _encoding(a, b)
    return ea, eb, list(code)


def _encoding(a: Sequence[str], b: Sequence[str]) -> tuple[str, str, dict[str, str]]:
    """The two encoded strings of `encode_tokens`, and token -> character for the distinct tokens in first-seen
    order."""
    distinct = dict.fromkeys(chain(a, b))
    code = dict(zip(distinct, _token_chars(len(distinct))))
    get = code.__getitem__
    return "".join(map(get, a)), "".join(map(get, b)), code


_TOKEN_CHARS: list[str] = []


def _token_chars(n: int) -> list[str]:
    """The characters standing for tokens 0 .. n-1 (at least n of them, in order)."""
    if len(_TOKEN_CHARS) < n:
        _TOKEN_CHARS.extend(_token_char(code) for code in range(len(_TOKEN_CHARS), max(n, 1024)))
    return _TOKEN_CHARS


def _token_char(code: int) -> str:
    """The character standing for token number `code` (from U+0100 on, skipping the surrogates)."""
    return chr(code + 0x100 if code + 0x100 < 0xD800 else code + 0x100 + 0x800)


def _decoder(table: list[str]) -> dict[str, str]:
    """character -> token, for the table of `encode_tokens`."""
    return dict(zip(_token_chars(len(table)), table))


def token_diff(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Shortest edit script between two token sequences: [(op, tokens), ...], op in -1/0/1.

    diff-match-patch's Myers diff when the script is short (an edited sentence); for a sentence
    replaced rather than edited, the same kind of minimal script read off a bit-parallel LCS
    (`_lcs_script`; see the module's docstring).
    """
    ea, eb, table = encode_tokens(a, b)
    decode = _decoder(table).__getitem__
    return [(op, list(map(decode, chars))) for op, chars in diff_encoded(ea, eb)]


def diff_encoded(a: str, b: str) -> list[tuple[int, str]]:
    """The diff-match-patch diff of two strings of encoded tokens (see `token_diff`)."""
    if a == b:
        return [(EQUAL, a)] if a else []
    head = _DMP.diff_commonPrefix(a, b)
    tail = _DMP.diff_commonSuffix(a[head:], b[head:])
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(middle_a) + len(middle_b) <= MYERS_MAX_EDITS:  # (no more edits than that: no need to count them)
        return _diff_main(a, b)
    rows = _lcs_rows(middle_a, middle_b)
    edits = len(middle_a) + len(middle_b) - 2 * (len(middle_b) - rows[-1].bit_count())
    if edits <= MYERS_MAX_EDITS:
        return _diff_main(a, b)
    diffs = (
        ([(EQUAL, a[:head])] if head else [])
        + _lcs_script(middle_a, middle_b, rows)
        + ([(EQUAL, a[len(a) - tail :])] if tail else [])
    )
    _DMP.diff_cleanupMerge(diffs)  # merges runs and slides edits as diff_main finishes its own
    return diffs


def _lcs_rows(a: str, b: str) -> list[int]:
    """Bit-parallel LCS (Allison-Dix, in Hyyro's form): row i is a bit vector over b whose zero bits
    up to j count LCS(a[:i], b[:j]); rows[0] is all ones (nothing of a read yet)."""
    full = (1 << len(b)) - 1
    masks: dict[str, int] = {}
    for j, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | 1 << j
    row = full
    rows = [row]
    for ch in a:
        matched = row & masks.get(ch, 0)
        row = ((row + matched) | (row - matched)) & full
        rows.append(row)
    return rows


def _lcs_script(a: str, b: str, rows: list[int]) -> list[tuple[int, str]]:
    """A minimal edit script of a -> b traced back through the LCS rows (last tokens first)."""
    runs: list[tuple[int, str]] = []  # the script's runs, last first
    run: list[str] = []  # the characters of the run being traced, last first
    run_op = EQUAL
    i, j = len(a), len(b)
    while i and j:
        ch = a[i - 1]
        if ch == b[j - 1]:
            i, j = i - 1, j - 1
            op = EQUAL
        else:
            upto = (1 << j) - 1
            if (rows[i - 1] & upto).bit_count() == (rows[i] & upto).bit_count():  # LCS(i-1, j) == LCS(i, j)
                i -= 1
                op = DELETE
            else:
                j -= 1
                op, ch = INSERT, b[j]
        if op != run_op and run:
            runs.append((run_op, "".join(reversed(run))))
            run = []
        run_op = op
        run.append(ch)
    if run:
        runs.append((run_op, "".join(reversed(run))))
    # what is left: deletions of a[:i] (or insertions of b[:j]) come first
    head = [(DELETE, a[:i])] if i else [(INSERT, b[:j])] if j else []
    out = head + runs[::-1]
    if head and len(out) > 1 and out[1][0] == out[0][0]:
        out[:2] = [(out[0][0], out[0][1] + out[1][1])]
    return out


def edit_counts(a: Sequence[str], b: Sequence[str]) -> EditCounts:
    """Added, deleted words and edit distance of the word diff of a -> b."""
    counts = EditCounts(old_words=len(a), new_words=len(b))
    if list(a) == list(b):
        return counts
    if not a or not b:
        counts.added, counts.deleted, counts.distance = len(b), len(a), max(len(a), len(b))
        return counts
    ea, eb, _ = encode_tokens(a, b)
    diffs = _DMP.diff_main(ea, eb, False)
    counts.added = sum(len(t) for op, t in diffs if op == INSERT)
    counts.deleted = sum(len(t) for op, t in diffs if op == DELETE)
    counts.distance = _DMP.diff_levenshtein(diffs)
    return counts


def word_diff(old: str, new: str) -> tuple[list[list], EditCounts]:
    """Display diff of two sentences at word granularity, and its word edit counts.

    The ops are [[op, text], ...] (diff-match-patch ops); the units are words and single punctuation
    marks (each with its trailing space), never part of a word; a semantic clean-up then merges
    scattered small edits into readable runs. The counts (taken before the clean-up) count words
    only, not punctuation.
    """
    diffs, counts = _token_ops(old, new)
    _DMP.diff_cleanupSemantic(diffs)
    return whole_words(diffs), counts


def _token_ops(old: str, new: str) -> tuple[list[tuple[int, str]], EditCounts]:
    """The word diff's ops before the clean-up (each a run of whole tokens), and its word edit counts."""
    old_tokens, new_tokens = _DISPLAY_TOKEN_RE.findall(old), _DISPLAY_TOKEN_RE.findall(new)
    ea, eb, others = _encoded(old_tokens, new_tokens)
    # The tokens cover each text end to end, so a run of tokens joined is a slice of its text, and a word is one token
    # of its own (\w+ takes all of it, and a token never ends inside a run of word characters): the words of a run of
    # tokens are its tokens less those that are not words, counted by their characters (`others`: few, punctuation).
    diffs: list[tuple[int, str]] = []
    append = diffs.append
    join = "".join
    i = j = run_del = run_ins = added = deleted = distance = 0  # (i, j: tokens of each side read so far)
    for op, chars in diff_encoded(ea, eb):
        k = len(chars)
        if op == EQUAL:
            append((op, join(old_tokens[i : i + k])))
            i += k
            j += k
            if run_del or run_ins:
                distance += run_del if run_del > run_ins else run_ins
                run_del = run_ins = 0
        elif op == DELETE:
            append((op, join(old_tokens[i : i + k])))
            i += k
            n = k - sum(map(chars.count, others)) if others else k
            deleted += n
            run_del += n
        else:
            append((op, join(new_tokens[j : j + k])))
            j += k
            n = k - sum(map(chars.count, others)) if others else k
            added += n
            run_ins += n
    distance += run_del if run_del > run_ins else run_ins
    old_words = len(ea) - sum(map(ea.count, others)) if others else len(ea)
    new_words = len(eb) - sum(map(eb.count, others)) if others else len(eb)
    return diffs, EditCounts(old_words, new_words, added, deleted, distance)


def _encoded(a: list[str], b: list[str]) -> tuple[str, str, list[str]]:
    """The two strings of `encode_tokens(a, b)`, and the characters standing for tokens that are not words (do not
    start with a word character: \\w is a letter or digit, as str.isalnum says, or "_")."""
    ea, eb, code = _encoding(a, b)
    return ea, eb, [c for t, c in code.items() if not t[0].isalnum() and t[0] != "_"]


_WORD_CHAR_RE = re.compile(r"\w")
_LEADING_WORD_RE = re.compile(r"\w*")


def whole_words(diffs: list[tuple[int, str]]) -> list[list]:
    """The ops with every edit widened to whole words: [[op, text], ...], edits as a deletion then an insertion.

    The semantic clean-up works on characters: when it merges neighbouring edits it moves the characters
    that a deletion and an insertion share at their ends into the equal text around them, so that an edit
    can end inside a word ("teams ar|e" against "teams compris|e"). Each edit here takes back the part of a
    word the equal text around it holds, on both sides alike, until every edit starts and ends at a word
    boundary of both the old and the new text.
    """
    return _widened(_segments(diffs))


def _segments(diffs: list[tuple[int, str]]) -> list:
    """The ops as segments: an equal text (str) or an edit [deleted, inserted], the two kinds alternating."""
    segments: list = []
    for op, text in diffs:
        if not text:
            continue
        if op == EQUAL:
            if segments and isinstance(segments[-1], str):  # (the clean-up can leave an empty edit between)
                segments[-1] += text
            else:
                segments.append(text)
        elif segments and not isinstance(segments[-1], str):
            segments[-1][0 if op == DELETE else 1] += text
        else:
            segments.append(["", text] if op == INSERT else [text, ""])
    return segments


def _widened(segments: list) -> list[list]:
    """`whole_words` of the segments, widening what needs it (see there); changes segments."""
    out: list = []
    k = 0
    while k < len(segments):
        seg = segments[k]
        if isinstance(seg, str):
            out.append(seg)
            k += 1
            continue
        deleted, inserted = seg
        # the word around the edit's start: the end of the equal text before it, when either side goes on
        # with a word character
        if out and isinstance(out[-1], str) and _WORD_CHAR_RE.match(out[-1][-1]):
            after = [deleted or _first(segments, k + 1), inserted or _first(segments, k + 1)]
            if any(a and _WORD_CHAR_RE.match(a) for a in after):
                head = _trailing_word(out[-1])
                out[-1] = out[-1][: -len(head)]
                deleted, inserted = head + deleted, head + inserted
                if not out[-1]:
                    out.pop()
                    if out:  # two edits now touch: one edit
                        before = out.pop()
                        deleted, inserted = before[0] + deleted, before[1] + inserted
        # the word around its end: the start of the equal text after it
        while (
            k + 1 < len(segments)
            and isinstance(segments[k + 1], str)
            and _WORD_CHAR_RE.match(segments[k + 1][0])
        ):
            if not (
                deleted
                and _WORD_CHAR_RE.match(deleted[-1])
                or inserted
                and _WORD_CHAR_RE.match(inserted[-1])
                or (not deleted or not inserted)
                and out
                and isinstance(out[-1], str)
                and _WORD_CHAR_RE.match(out[-1][-1])
            ):
                break
            leading = _LEADING_WORD_RE.match(segments[k + 1])  # \w* always matches, maybe empty
            tail = leading.group() if leading else ""
            deleted, inserted = deleted + tail, inserted + tail
            rest = segments[k + 1][len(tail) :]
            if rest:
                segments[k + 1] = rest
                break
            k += 1  # the equal text was one word part: the edit after it joins this one
            if k + 1 < len(segments):
                k += 1
                deleted, inserted = deleted + segments[k][0], inserted + segments[k][1]
        out.append([deleted, inserted])
        k += 1
    return _segment_ops(out)


def _segment_ops(segments: list) -> list[list]:
    """[[op, text], ...] of equal texts and edits [deleted, inserted] (a deletion before an insertion)."""
    ops: list[list] = []
    for seg in segments:
        if isinstance(seg, str):
            ops.append([EQUAL, seg])
        else:
            deleted, inserted = seg
            if deleted:
                ops.append([DELETE, deleted])
            if inserted:
                ops.append([INSERT, inserted])
    return ops


def _trailing_word(text: str) -> str:
    """The word characters that end text."""
    start = len(text)
    while start and _WORD_CHAR_RE.match(text[start - 1]):
        start -= 1
    return text[start:]


def _first(segments: list, k: int) -> str:
    """The text that follows at segment k (an equal text), or "" when an edit or nothing follows."""
    return segments[k] if k < len(segments) and isinstance(segments[k], str) else ""


def cosine(a: Iterable[str], b: Iterable[str]) -> float:
    """Cosine similarity of the term-frequency vectors of two word sequences."""
    return _cosine_of_counts(Counter(a), Counter(b))


def _cosine_of_counts(ca: dict[str, int], cb: dict[str, int]) -> float:
    if not ca and not cb:
        return 1.0
    if not ca or not cb:
        return 0.0
    if dict.__eq__(ca, cb):  # (no zero counts: plain dict equality, not Counter's walk over every word)
        return 1.0  # exact, where floating point would give 0.9999999999999998
    common = ca.keys() & cb.keys()
    dot = sum(
        map(mul, map(ca.__getitem__, common), map(cb.__getitem__, common))
    )  # (integers: exact in any order)
    norm = math.sqrt(_sum_of_squares(ca)) * math.sqrt(_sum_of_squares(cb))
    return _clamp(dot / norm)


def _sum_of_squares(counts: dict[str, int]) -> int:
    values = counts.values()
    return sum(map(mul, values, values))


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard similarity of the sets of distinct words."""
    return _jaccard_of_sets(set(a), set(b))


def _jaccard_of_sets(sa, sb) -> float:  # type: ignore[no-untyped-def]
    """jaccard of two sets (or dict key views) of distinct words."""
    if not sa and not sb:
        return 1.0
    shared = len(sa & sb)
    return shared / (len(sa) + len(sb) - shared)


def min_edit(a: Sequence[str], b: Sequence[str]) -> float:
    """1 - word edit distance / longer length."""
    return edit_counts(a, b).min_edit


def simple(a: Sequence[str], b: Sequence[str]) -> float:
    """1 - (added + deleted words) / (words of both)."""
    return edit_counts(a, b).simple


def measure(a: Sequence[str], b: Sequence[str]) -> Similarity:
    """All four measures of two word sequences (see `tracker.text.normalize.words`)."""
    counts = edit_counts(a, b)
    return Similarity(cosine(a, b), jaccard(a, b), counts.min_edit, counts.simple)


def combine(a: Sequence[str], b: Sequence[str], counts: EditCounts) -> Similarity:
    """The measures of two texts whose edit counts were summed over aligned pieces (the differ's way:
    a sentence alignment bounds every word diff to one sentence pair, so a whole rewritten section
    costs no more than its sentences)."""
    return combine_bags(Counter(a), Counter(b), counts)  # (counted once for both measures)


def combine_bags(ca: dict[str, int], cb: dict[str, int], counts: EditCounts) -> Similarity:
    """`combine` of two texts given as word counts."""
    return Similarity(
        _cosine_of_counts(ca, cb), _jaccard_of_sets(ca.keys(), cb.keys()), counts.min_edit, counts.simple
    )


def combine_split(s: Counter, o: Counter, n: Counter, counts: EditCounts) -> Similarity:
    """`combine_bags(s + o, s + n, counts)`: two texts given as the counts of the words both hold (`s`,
    counted once) and of the words of each side only. The same figures, worked out without adding the
    counts up: the dot product and the norms are sums over the shared counts plus terms over the few words
    of changed pieces (integers: exact, whatever the order)."""
    return Similarity(_cosine_split(s, o, n), _jaccard_split(s, o, n), counts.min_edit, counts.simple)


def _cosine_split(s: Counter, o: Counter, n: Counter) -> float:
    """`_cosine_of_counts(s + o, s + n)`."""
    if not s:
        return _cosine_of_counts(o, n)
    if dict.__eq__(o, n):  # s + o == s + n
        return 1.0
    both = _sum_of_squares(s)
    with_old, with_new = _dot_with(s, o), _dot_with(s, n)
    common = o.keys() & n.keys()
    dot = both + with_old + with_new + sum(map(mul, map(o.__getitem__, common), map(n.__getitem__, common)))
    old_sq = both + 2 * with_old + _sum_of_squares(o)
    new_sq = both + 2 * with_new + _sum_of_squares(n)
    return _clamp(dot / (math.sqrt(old_sq) * math.sqrt(new_sq)))


def combine_counted(
    base: tuple[int, int, dict[str, int]], old: dict[str, int], new: dict[str, int], counts: EditCounts
) -> Similarity:
    """`combine_bags(base + old, base + new, counts)`: two texts given as one word count both start from (`base`:
    its total, its sum of squares and the counts) and each side's signed difference from it (few words: those
    of changed sentences; zero differences allowed). The dot product, the norms and the key-set sizes are the
    base's plus terms over the words of the differences alone: the same integers as counting both texts
    afresh, hence the same figures, without walking the base's words (the differ's base is the new side's count,
    the differences the words of the few sentences that changed)."""
    total, squares, bag = base
    if not new:  # (the usual case: the new side is the count itself)
        return _combine_counted_old(
            base, {w: d for w, d in old.items() if d} if 0 in old.values() else old, counts
        )
    dot = old_sq = new_sq = squares
    old_total = new_total = total
    distinct = shared = len(bag)  # words of the union and of the intersection, the base's to start with
    same = True
    get, old_get, new_get = bag.get, old.get, new.get
    for w in old.keys() | new.keys():
        b = get(w, 0)
        d_old, d_new = old_get(w, 0), new_get(w, 0)
        if d_old != d_new:
            same = False
        o, n = b + d_old, b + d_new
        old_total += d_old
        new_total += d_new
        b2 = b * b
        dot += o * n - b2
        old_sq += o * o - b2
        new_sq += n * n - b2
        if b:  # (the base counted it in both)
            distinct -= 1
            shared -= 1
        if o or n:
            distinct += 1
            if o and n:
                shared += 1
    if same:  # the same words (also both empty): exact, where floating point may miss 1.0
        cosine = 1.0
    elif not old_total or not new_total:
        cosine = 0.0
    else:
        cosine = _clamp(dot / (math.sqrt(old_sq) * math.sqrt(new_sq)))
    return Similarity(cosine, shared / distinct if distinct else 1.0, counts.min_edit, counts.simple)


def _combine_counted_old(
    base: tuple[int, int, dict[str, int]], old: dict[str, int], counts: EditCounts
) -> Similarity:
    """`combine_counted(base, old, {}, counts)`, `old` holding no zero: the new side is the base, so the terms are
    sums over the old side's differences (d) and the base's counts (b) of its words, summed by C-level maps:
    B.(B + D) = |B|^2 + B.D, |B + D|^2 = |B|^2 + 2 B.D + |D|^2."""
    total, squares, bag = base
    if not old:  # the same words (also both empty)
        return Similarity(1.0, 1.0, counts.min_edit, counts.simple)
    with_old = _dot_with(bag, old)
    if not total + sum(old.values()) or not total:
        cosine = 0.0
    else:
        old_sq = squares + 2 * with_old + _sum_of_squares(old)
        cosine = _clamp((squares + with_old) / (math.sqrt(old_sq) * math.sqrt(squares)))
    in_base = list(map(bag.get, old, repeat(0)))
    # a word the base lacks is the old side's alone (its difference is above 0); one whose difference takes all
    # the base holds is the new side's alone
    distinct = len(bag) + in_base.count(0)
    shared = len(bag) - sum(map(eq, map(neg, old.values()), in_base))
    return Similarity(cosine, shared / distinct if distinct else 1.0, counts.min_edit, counts.simple)


def _dot_with(s: dict[str, int], o: dict[str, int]) -> int:
    """The dot product of two word counts, walking the (smaller) second."""
    return sum(map(mul, map(s.get, o.keys(), repeat(0)), o.values()))


def _jaccard_split(s: Counter, o: Counter, n: Counter) -> float:
    """`_jaccard_of_sets((s + o).keys(), (s + n).keys())`."""
    if not s:
        return _jaccard_of_sets(o.keys(), n.keys())
    # (walking the few words of changed pieces: `o.keys() - s.keys()` would walk every shared word)
    own_o, own_n = {w for w in o if w not in s}, {w for w in n if w not in s}
    shared = len(s) + len(own_o & own_n)
    return shared / (2 * len(s) + len(own_o) + len(own_n) - shared)
