"""Planted edits on real documents: each edit must come out as exactly the changes it implies, and nothing else.

For a sample of real sources (plain-text extracts of several filers, cyd-tagged and untagged Inline XBRL 10-Ks,
R-page seeds), every kind of edit is applied to the raw source where the document offers a spot for it (a
sentence with years of experience, a responsible title, a board committee, a briefing frequency, a framework,
a flag, a sentence to move, insert or delete), the edited source is read again, and `compare(original,
edited)` must report exactly the expected multiset of (kind, fact or flag, severity[, value]). Pure formatting
noise (re-wrapped lines, quote and dash styles, doubled spaces, glued words, heading case, page footers,
ligatures, bullets, markup white space and span splits) must report nothing and keep every similarity at 1.0.

Expectations come from the edit itself; the original's facts are used only to find the spots (which title
is the responsible one, which committee oversees).
"""

from __future__ import annotations

import random
import re
import textwrap
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from tracker.diff.compare import Comparison, compare, sentence_sequence
from tracker.diff.significance import outside_work
from tracker.facts import extract_facts
from tracker.facts.changes import RANK_WORDS, _rank
from tracker.facts.inference import infer_third_party_engaged
from tracker.facts.material import incidents_acknowledged
from tracker.facts.titles import title_key
from tracker.models import SEVERITY_RANK, Disclosure
from tracker.pipeline.load import load_bytes
from tracker.read import decode, decompress
from tracker.text.normalize import comparison_key

pytestmark = pytest.mark.corpus

MATERIAL = "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
ENGAGED = "CybersecurityRiskManagementThirdPartyEngagedFlag"

DOCS = {
    "AMZN_2023": "text/AMZN_2023.txt",
    "GOOGL_2025": "text/GOOGL_2025.txt",
    "CRUS_2025": "text/CRUS_2025.txt",
    "LC_2024": "text/LC_2024.txt",
    "UPWK_2024": "text/UPWK_2024.txt",
    "ELF_2025": "text/ELF_2025.txt",
    "amzn_fy2024": "ixbrl/amzn-10-k-fy2024.html.gz",
    "googl_fy2024": "ixbrl/googl-10-k-fy2024.html.gz",
    "jnj_fy2024": "ixbrl/jnj-10-k-fy2024.html.gz",
    "ko_fy2024": "ixbrl/ko-10-k-fy2024.html.gz",
    "ko_fy2023": "ixbrl/ko-10-k-fy2023.html.gz",
    "tsla_fy2023": "ixbrl/tsla-10-k-fy2023.html.gz",
    "seed000": "seeds/000_3eaf4e0fdd851dff.txt",
    "seed002": "seeds/002_9394ffdb029e99fb.txt",
}
HTML_DOCS = [d for d, p in DOCS.items() if p.startswith("ixbrl/")]
TEXT_DOCS = [d for d in DOCS if d not in HTML_DOCS]

Expected = Counter  # of (kind, fact or flag or "", severity, value or "")


# ---------------------------------------------------------------------------------------------- documents


class Doc:
    """One source: raw text, the original disclosure and its facts, and where its disclosure sits in the raw."""

    def __init__(self, corpus: Path, name: str) -> None:
        self.name = name
        path = corpus / DOCS[name]
        if not path.is_file():
            pytest.skip(f"corpus file {path} is absent")
        self.raw = decode(decompress(path.read_bytes()))
        self.html = DOCS[name].startswith("ixbrl/")
        self.original = load_bytes(self.raw.encode("utf-8"))
        self.facts = extract_facts(self.original)
        self.sentences = sentence_sequence(self.original)
        self._html_region = self._region() if self.html else (0, 0)

    @property
    def region(self) -> tuple[int, int]:
        """The part of the raw holding the disclosure: where edits are planted."""
        return self._html_region if self.html else self._region()

    def _region(self) -> tuple[int, int]:
        """The part of the raw holding the disclosure: where edits are planted."""
        if "--- ITEM 1C ---" in self.raw:
            return self.raw.index("--- ITEM 1C ---") + 15, len(self.raw)
        if not self.html:
            return 0, len(self.raw)
        spans = [sp for s in self.sentences for sp in locate_sentence(self.raw, s.text)]
        return min(a for a, _ in spans), max(b for _, b in spans)

    def read(self, raw: str) -> Disclosure:
        return load_bytes(raw.encode("utf-8"))

    def evidence_keys(self) -> set[str]:
        """Comparison keys of every sentence a fact or an inferred flag rests on."""
        keys = {comparison_key(v.evidence) for values in self.facts.values() for v in values}
        keys |= {
            comparison_key(str(e.evidence)) for e in self.original.elements if e.kind == "flag" and e.evidence
        }
        return keys

    def count_sentences(self, pattern: re.Pattern[str]) -> int:
        """Distinct sentences of the original disclosure the pattern finds (each becomes one text change)."""
        return sum(1 for s in self.sentences if pattern.search(s.text))


@cache
def doc(corpus: Path, name: str) -> Doc:
    return Doc(corpus, name)


# ---------------------------------------------------------------------------------------------- raw editing

_SEP = r"(?:\s|&#160;|&nbsp;|&#xa0;|\xa0)+"
_GAP = r"(?:&#?[A-Za-z0-9]+;|[^A-Za-z0-9<>&])*?"


def phrase_re(phrase: str, flags: int = re.I) -> re.Pattern[str]:
    """A phrase in raw text or HTML: any white space (or &nbsp;) between its words, whole words."""
    return re.compile(r"(?<![\w-])" + _SEP.join(re.escape(w) for w in phrase.split()) + r"(?![\w-])", flags)


def locate_sentence(raw: str, sentence: str) -> list[tuple[int, int]]:
    """Spans of a (normalised) sentence in the raw, when no markup interrupts it."""
    tokens = re.findall(r"[A-Za-z0-9]+", sentence)
    if (
        len(tokens) < 4
        or not sentence.isascii()
        and re.search(r"[^\x00-\x7f\u2018\u2019\u201c\u201d\u2014\u2013]", sentence)
    ):
        return []
    pattern = (
        _GAP.join(re.escape(t) for t in tokens)
        + r"(?![A-Za-z0-9])[.!?:;]?(?:[\"'\u201d\u2019)]|&#8221;|&#8217;)?"
    )
    return [m.span() for m in re.finditer(pattern, raw) if not m.start() or not raw[m.start() - 1].isalnum()]


def same_case(template: str, replacement: str) -> str:
    """The replacement written in the case style of the text it replaces."""
    if template.isupper() and len(template) > 3:
        return replacement.upper()
    if template[:1].isupper():
        words = replacement.split(" ")
        if all(w[:1].isupper() for w in template.split() if w.lower() not in ("of", "and", "&")):
            return " ".join(w if w.lower() in ("of", "and") else w[:1].upper() + w[1:] for w in words)
        return replacement[:1].upper() + replacement[1:]
    return replacement


def replace_all(d: Doc, pattern: re.Pattern[str], replacement: str) -> tuple[str, int]:
    """Replace every match inside the disclosure region, keeping the case style of each match."""
    a, b = d.region
    part, n = pattern.subn(lambda m: same_case(m.group(0), replacement), d.raw[a:b])
    return d.raw[:a] + part + d.raw[b:], n


def found(d: Doc, pattern: re.Pattern[str]) -> bool:
    a, b = d.region
    return bool(pattern.search(d.raw, a, b))


# ---------------------------------------------------------------------------------------------- comparing


def summary(c: Comparison) -> Expected:
    """The changes as (kind, fact or flag, severity, value); a wording change's severity is checked apart (see
    check): it is that of what its sentence states."""
    out: Expected = Counter()
    for ch in c.changes:
        if ch.kind == "flag_flipped":
            out[(ch.kind, ch.element, ch.severity, "")] += 1
        elif ch.kind in ("fact_added", "fact_removed"):
            out[(ch.kind, ch.fact, ch.severity, _norm(ch.value))] += 1
        elif ch.kind == "fact_changed":
            out[(ch.kind, ch.fact, ch.severity, "")] += 1
        else:
            out[(ch.kind, "", "text", "")] += 1
    return out


def _norm(value: object) -> str:
    return value.lower() if isinstance(value, str) else ""


def check(d: Doc, edited_raw: str, expected: Expected) -> Comparison:
    assert edited_raw != d.raw, "the edit did not change the source"
    # ("wording", "", severity, ""): what the planted wording change itself is ranked, where it is not low
    wording = [k[2] for k in expected if k[0] == "wording"]
    expected = Counter({k: n for k, n in expected.items() if k[0] != "wording"})
    c = compare(d.original, d.read(edited_raw))
    got = summary(c)
    detail = "\n".join(
        f"  {ch.kind} {ch.fact or ch.element} {ch.severity} "
        f"{ch.value or ch.old or ch.text}{' -> ' + str(ch.new) if ch.new is not None else ''}"
        for ch in c.changes
    )
    assert got == expected, (
        f"{d.name}: expected {sorted(expected.elements())}\ngot {sorted(got.elements())}\nchanges:\n{detail}"
    )
    # a wording change is ranked by what it touches: the planted fact change's severity shows on its sentence,
    # and no wording change outranks the planted change (a sentence stating nothing stays low)
    planted = [k[2] for k in expected if k[2] != "text"]
    worded = [ch.severity for ch in c.changes if ch.kind.startswith("text_")]
    if worded:
        top = min(planted + wording, key=SEVERITY_RANK.__getitem__) if planted or wording else "low"
        assert (
            min(worded, key=SEVERITY_RANK.__getitem__) == top
            or not (planted or wording)
            and set(worded) == {"low"}
        ), f"{d.name}: wording changes ranked {worded}, the planted change is {top}\nchanges:\n{detail}"
    return c


def texts(kind: str, n: int = 1) -> Expected:
    return Counter({(kind, "", "text", ""): n}) if n else Counter()


def fact(kind: str, name: str, severity: str, value: str = "") -> Expected:
    return Counter({(kind, name, severity, value.lower()): 1})


def values(d: Doc, name: str) -> list:
    return [v.value for v in d.facts[name]]


# ---------------------------------------------------------------------------------------------- number edits

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _words_of(n: int) -> str:
    if n <= 20:
        return _NUMBER_WORDS[n]
    tens = next(w for w, v in _TENS.items() if v == n - n % 10)
    return tens if n % 10 == 0 else f"{tens}-{_NUMBER_WORDS[n % 10]}"


_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
    + "|".join(_NUMBER_WORDS[1:20][::-1])
    + ")"
)
_YEARS_PHRASE = re.compile(r"\b(\d{1,2}|" + _NUM_WORD + r")(\+)?(\s*\(\d{1,2}\))?(\s+|-)(years?)\b", re.I)


def edit_years(d: Doc, step: int = 5) -> tuple[str, Expected]:
    """'over 15 years' -> 'over 20 years', 'twenty-five' -> 'thirty', '30+ years' -> '35+ years' (one year more is
    the same holder a year on: `edit_years_a_year_on`)."""
    exp = d.facts["experience_years"]
    if not exp:
        pytest.skip("no stated years of experience")
    for fv in exp:
        m = next(
            (m for m in _YEARS_PHRASE.finditer(fv.evidence) if _value_of(m.group(1)) == fv.value["years"]),
            None,
        )
        if m:
            break
    else:
        pytest.skip("years stated in a form the harness does not edit")
    number = m.group(1)
    n = fv.value["years"]
    more = n + step
    new_number = str(more) if number.isdigit() else same_case(number, _words_of(more))
    old_phrase = m.group(0)
    new_phrase = (
        new_number + (m.group(2) or "") + (f" ({more})" if m.group(3) else "") + m.group(4) + m.group(5)
    )
    pattern = re.compile(
        _SEP.join(re.escape(p) for p in old_phrase.split()).join([r"(?<![\w-])", r"\b"]), re.I
    )
    edited, count = replace_all(d, pattern, new_phrase)
    assert count, old_phrase
    same = sum(1 for v in exp if v.value["years"] == n)
    expected = Counter({("fact_changed", "experience_years", "medium" if step > 1 else "low", ""): same})
    return edited, expected + texts("text_changed", d.count_sentences(pattern))


def edit_years_a_year_on(d: Doc) -> tuple[str, Expected]:
    """'over 15 years' -> 'over 16 years': the same holder a year on, a low change of no substance."""
    return edit_years(d, 1)


def _value_of(text: str) -> int:
    text = text.lower()
    if text.isdigit():
        return int(text)
    parts = text.split("-")
    return _TENS.get(parts[0], 0) + (_NUMBER_WORDS.index(parts[-1]) if parts[-1] in _NUMBER_WORDS else 0)


# ---------------------------------------------------------------------------------------------- titles

_TITLE_SWAPS = [
    ("chief information security officer", "CISO", "chief security officer", "CSO"),
    ("chief security officer", "CSO", "chief information security officer", "CISO"),
    ("chief technology officer", "CTO", "chief information officer", "CIO"),
    ("chief digital officer", "CDO", "chief technology officer", "CTO"),
    ("director of information security", None, "chief information security officer", None),
    (
        "vice president of privacy, safety, and security engineering",
        None,
        "chief information security officer",
        None,
    ),
    ("vice president of privacy, safety, and security", None, "chief information security officer", None),
]


def _swap_for(d: Doc) -> tuple[str, str | None, str, str | None]:
    titles = [t.lower() for t in values(d, "responsible_titles")]
    for swap in _TITLE_SWAPS:
        if swap[0] in titles and swap[2] not in titles:
            return swap
    pytest.skip(f"no responsible title the harness swaps ({titles})")


def edit_title_everywhere(d: Doc) -> tuple[str, Expected]:
    """Every mention of the responsible title (and its acronym) becomes another title."""
    old, old_acr, new, new_acr = _swap_for(d)
    full = phrase_re(old)
    edited, n = replace_all(d, full, new)
    sentences = {s.key for s in d.sentences if full.search(s.text)}
    if old_acr:
        acronym = re.compile(r"(?<![\w-])" + old_acr + r"(?![\w-])")
        a, b = d.region
        edited = edited[:a] + acronym.sub(new_acr, edited[a:b]) + edited[b:]
        sentences |= {s.key for s in d.sentences if acronym.search(s.text)}
    expected = _title_replaced(d, old, new)
    for target in values(d, "reports_to"):
        if target.lower() == old:
            expected += Counter({("fact_changed", "reports_to", "medium", ""): 1})
    return edited, expected + texts("text_changed", len(sentences))


def _title_replaced(d: Doc, old: str, new: str) -> Expected:
    """One high change: the title renamed (the same kind of role), or another role now responsible (a person
    replaced), as the people fact tells apart."""
    same_role = {w for w in title_key(old).split() if w not in RANK_WORDS} == {
        w for w in title_key(new).split() if w not in RANK_WORDS
    }
    named = any(
        p["name"] and any(title_key(t) == title_key(old) for t in p["titles"]) for p in values(d, "people")
    )
    if same_role or named:
        # the same role at a higher rank (below the chief officers) is a promotion: medium; else high
        promoted = (
            same_role and "chief" not in f"{old} {new}".lower() and _rank(_title(new)) > _rank(_title(old))
        )
        return Counter({("fact_changed", "responsible_titles", "medium" if promoted else "high", ""): 1})
    return Counter({("fact_changed", "people", "high", ""): 1})


def edit_title_to_vice_president(d: Doc) -> tuple[str, Expected]:
    """Every mention of the responsible title becomes 'Vice President, Information Security'."""
    old, old_acr, _, _ = _swap_for(d)
    new = "Vice President, Information Security"
    full = phrase_re(old)
    edited, _ = replace_all(d, full, new)
    sentences = {s.key for s in d.sentences if full.search(s.text)}
    if old_acr:
        acronym = re.compile(
            r"(?<![\w\"\u201c-])" + old_acr + r"(?![\w-])"
        )  # not where the acronym is defined
        a, b = d.region
        edited = edited[:a] + acronym.sub(new, edited[a:b]) + edited[b:]
        sentences |= {s.key for s in d.sentences if acronym.search(s.text)}
    return edited, _title_replaced(d, old, new) + texts("text_changed", len(sentences))


def edit_title_in_expertise(d: Doc) -> tuple[str, Expected]:
    """Only the sentence stating the responsible person's experience gets another title."""
    old, old_acr, new, new_acr = _swap_for(d)
    holders = [v for v in d.facts["experience_years"] if (v.value["holder"] or "").lower() == old]
    if not holders:
        pytest.skip("no stated experience of the responsible title")
    evidence = holders[0].evidence
    spans = locate_sentence(d.raw, evidence)
    if len(spans) != 1:
        pytest.skip("the experience sentence is not found once in the raw")
    a, b = spans[0]
    sentence = d.raw[a:b]
    edited_sentence = phrase_re(old).sub(lambda m: same_case(m.group(0), new), sentence, count=1)
    if edited_sentence == sentence and old_acr:
        edited_sentence = re.sub(r"(?<![\w-])" + old_acr + r"(?![\w-])", new_acr, sentence, count=1)
    if edited_sentence == sentence:
        pytest.skip("the experience sentence names its holder otherwise")
    edited = d.raw[:a] + edited_sentence + d.raw[b:]
    # the old title still made responsible by another sentence
    stated = [fv for fv in d.facts["responsible_titles"] if fv.value.lower() == old]
    elsewhere = [
        t for fv in stated for t in [fv.evidence, *fv.also] if comparison_key(t) != comparison_key(evidence)
    ]
    if elsewhere:  # a second person, now responsible beside the first
        expected = fact("fact_added", "people", "medium")
    else:
        expected = _title_replaced(d, old, new)
    return edited, expected + texts("text_changed")


def _title(text: str) -> str:
    return " ".join(w if w in ("of", "and") else w.capitalize() for w in text.split())


# ---------------------------------------------------------------------------------------------- committees


def edit_committee(d: Doc) -> tuple[str, Expected]:
    """'Audit Committee' -> 'Risk Committee' (a board committee renamed everywhere)."""
    names = [c for c in values(d, "board_oversight") if c.endswith("committee") and "board" not in c]
    if not names:
        pytest.skip("no board committee")
    old = names[0]
    new = (
        "risk committee"
        if "risk committee" not in values(d, "board_oversight") and "risk" not in old
        else "technology committee"
    )
    longer = [
        c
        for c in values(d, "board_oversight") + values(d, "management_committees")
        if c != old and c.endswith(" " + old)
    ]
    pattern = phrase_re(old)
    if longer:  # "Operational Risk Committee" is renamed, "Management Operational Risk Committee" stays
        guards = "".join(f"(?<!{re.escape(c[: -len(old)].split()[-1])} )" for c in longer)
        pattern = re.compile(guards + pattern.pattern, re.I)
    if not found(d, pattern):
        pytest.skip(f"{old!r} not written as such")
    edited, _ = replace_all(d, pattern, new)
    expected = Counter({("fact_changed", "board_oversight", "high", ""): 1})  # one move, from old to new
    return edited, expected + texts("text_changed", d.count_sentences(pattern))


# ---------------------------------------------------------------------------------------------- frequency

_FREQUENCY_SWAPS = [
    ("quarterly", r"quarterly", "semi-annually", "semi-annual"),
    ("semi-annual", r"semi-annual(?:ly)?", "at least annually", "annual"),
    ("annual", r"annually", "quarterly", "quarterly"),
]


_OTHER_FREQUENCY_SWAPS = [
    ("quarterly", r"quarterly", "at least annually", "annual"),
    ("annual", r"annually", "semi-annually", "semi-annual"),
    ("semi-annual", r"semi-annual(?:ly)?", "quarterly", "quarterly"),
]


def edit_frequency(d: Doc, swaps: list = _FREQUENCY_SWAPS) -> tuple[str, Expected]:
    """'quarterly' -> 'semi-annually', 'semi-annual' -> 'at least annually', 'annually' -> 'quarterly'."""
    have = values(d, "briefing_frequency")
    for value, word, replacement, new_value in swaps:
        ev = next((v.evidence for v in d.facts["briefing_frequency"] if v.value == value), None)
        if ev and re.search(rf"\b{word}\b", ev, re.I) and new_value not in have:
            break
    else:
        pytest.skip(f"no briefing frequency the harness swaps ({have})")
    pattern = re.compile(rf"(?<![\w-]){word}\b", re.I)
    edited, _ = replace_all(d, pattern, replacement)
    expected = Counter(
        {("fact_changed", "briefing_frequency", "medium", ""): 1}
    )  # one change, from value to new
    return edited, expected + texts("text_changed", d.count_sentences(pattern))


# ---------------------------------------------------------------------------------------------- frameworks

_FRAMEWORK_MENTIONS = [
    (
        "NIST CSF",
        r"(?:the\s+)?(?:National\s+Institute\s+of\s+Standards\s+and\s+Technology\s*(?:\(\s*NIST\s*\)\s*)?|NIST\s+)"
        r"(?:Cybersecurity\s+Framework|CSF)(?:\s*\((?:NIST\s+)?CSF\))?",
    ),
    ("ISO/IEC 27001", r"ISO(?:/IEC)?\s*27001(?::\d{4})?(?!\s*(?:and|,|/|or)\s*\d)"),
    ("SOC 2", r"SOC\s*2(?:\s+Type\s+(?:2|II))?"),
    ("PCI DSS", r"PCI[\s-]DSS"),
]


def edit_framework_added(d: Doc) -> tuple[str, Expected]:
    """A framework mention gains 'and ISO 27001' (or, with no framework, a sentence naming the NIST CSF)."""
    have = values(d, "frameworks")
    for name, mention in _FRAMEWORK_MENTIONS:
        if name in have and "ISO/IEC 27001" not in have:
            pattern = re.compile(mention, re.I)
            a, b = d.region
            m = pattern.search(d.raw, a, b)
            if m:
                edited = d.raw[: m.end()] + " and ISO 27001" + d.raw[m.end() :]
                n = sum(1 for s in d.sentences if pattern.search(s.text))
                if n == 1:
                    return edited, fact("fact_added", "frameworks", "medium", "ISO/IEC 27001") + texts(
                        "text_changed"
                    )
    name, sentence = (
        ("NIST CSF", "We assess our cybersecurity program against the NIST Cybersecurity Framework.")
        if not any(h.startswith("NIST") for h in have)
        else ("ISO/IEC 27001", "Our information security management system is certified to ISO 27001.")
    )
    return insert_after(d, sentence), fact("fact_added", "frameworks", "medium", name) + texts("text_added")


def edit_framework_removed(d: Doc) -> tuple[str, Expected]:
    """Every mention of one framework becomes 'recognized industry standards'."""
    have = values(d, "frameworks")
    for name, mention in _FRAMEWORK_MENTIONS:
        pattern = re.compile(r"(?<![\w-])" + mention + r"(?![\w-])", re.I)
        if name in have and found(d, pattern):
            edited, _ = replace_all(d, pattern, "recognized industry standards")
            return edited, fact("fact_removed", "frameworks", "medium", name) + texts(
                "text_changed", d.count_sentences(pattern)
            )
    pytest.skip(f"no framework the harness removes ({have})")


# ---------------------------------------------------------------------------------------------- sentences

_NEUTRAL = "Our employees complete awareness training when they join the company."


def _plain_sentences(d: Doc) -> list:
    """Sentences that carry no fact or flag, say nothing of incidents that happened to the filer or of outside firms
    working on the program (deleting one is ranked), and sit once, uninterrupted by markup, in the raw."""
    evidence = d.evidence_keys()
    out = []
    for s in d.sentences:
        if (
            len(s.words) < 8
            or s.key in evidence
            or s.text.startswith("\u2022")
            or incidents_acknowledged(s.text)
            or outside_work(s.text)
            or re.search(r"\(\s*[\"'\u201c]?[A-Z]{2,6}[\"'\u201d]?\s*\)", s.text)
        ):  # defines an acronym
            continue
        spans = locate_sentence(d.raw, s.text)
        if len(spans) == 1 and d.region[0] <= spans[0][0] < d.region[1]:
            out.append((s, spans[0]))
    if len(out) < 3:
        pytest.skip("too few plain sentences to move, insert after or delete")
    return out


def insert_after(d: Doc, sentence: str) -> str:
    plain = _plain_sentences(d)
    _, (_, b) = plain[len(plain) // 2]
    return d.raw[:b] + " " + sentence + d.raw[b:]


def edit_insert(d: Doc) -> tuple[str, Expected]:
    return insert_after(d, _NEUTRAL), texts("text_added")


def edit_delete(d: Doc) -> tuple[str, Expected]:
    plain = _plain_sentences(d)
    _, (a, b) = plain[len(plain) // 2]
    return d.raw[:a] + d.raw[b:].lstrip(" "), texts("text_removed")


def _move(d: Doc, across: bool) -> tuple[str, Expected]:
    plain = _plain_sentences(d)
    for k, (s, (a, b)) in enumerate(plain):
        for t, (c, e) in plain[k + 2 :]:
            if c <= b:
                continue
            if (
                across != bool(set(s.elements) ^ set(t.elements))
                or across
                and set(s.elements) & set(t.elements)
            ):
                continue
            moved = d.raw[a:b]
            edited = d.raw[:a] + d.raw[b:c].lstrip(" ") + d.raw[c:e] + " " + moved + d.raw[e:]
            return edited, texts("text_moved")
    pytest.skip("no pair of sentences to move one after the other")


def edit_move_within(d: Doc) -> tuple[str, Expected]:
    """A sentence moves after a later sentence of the same element(s)."""
    return _move(d, across=False)


def edit_move_across(d: Doc) -> tuple[str, Expected]:
    """A sentence moves into another element."""
    if len({e for s in d.sentences for e in s.elements}) < 2:
        pytest.skip("one element only")
    return _move(d, across=True)


# ---------------------------------------------------------------------------------------------- flags

_FLAG_TAG_RE = re.compile(r"<ix:nonNumeric\b[^>]*>", re.I)


def _flip_tagged(d: Doc, material: bool) -> tuple[str, Expected]:
    if d.html:
        for m in _FLAG_TAG_RE.finditer(d.raw):
            tag = m.group(0)
            name = re.search(r'name="[\w-]+:(\w+Flag)"', tag)
            fmt = re.search(r"ixt:fixed-(true|false)", tag)
            if (
                name
                and fmt
                and name.group(1).startswith("Cybersecurity")
                and (name.group(1) == MATERIAL) == material
            ):
                flipped = tag.replace(
                    fmt.group(0), "ixt:fixed-" + ("false" if fmt.group(1) == "true" else "true")
                )
                element = name.group(1)
                edited = d.raw[: m.start()] + flipped + d.raw[m.end() :]
                break
        else:
            pytest.skip("no such tagged flag")
    else:
        label = "Materially Affected" if material else "Third Party Engaged"
        m = re.search(r"^\|[^\n]*" + label + r"[^\n]*\[Flag\]\s*\n\|(true|false)", d.raw, re.M)
        if not m:
            pytest.skip("no such tagged flag")
        value = "false" if m.group(1) == "true" else "true"
        edited = d.raw[: m.start(1)] + value + d.raw[m.end(1) :]
        element = MATERIAL if material else ENGAGED
    return edited, Counter({("flag_flipped", element, "high" if material else "medium", ""): 1})


def edit_flag_material(d: Doc) -> tuple[str, Expected]:
    """Tagged: the materially-affected flag's fixed-true/false swapped. Untagged: its denial turned positive."""
    if d.original.tagged:
        return _flip_tagged(d, material=True)
    flag = d.original.element(MATERIAL)
    statement = d.facts["material_incident_statement"][0]
    if (
        flag is None
        or flag.value is not False
        or statement.value != "none"
        or comparison_key(statement.evidence) != comparison_key(str(flag.evidence))
    ):
        pytest.skip("no denial of material effect to turn positive")
    spans = locate_sentence(d.raw, statement.evidence)
    if len(spans) != 1:
        pytest.skip("the denial is not found once in the raw")
    a, b = spans[0]
    positive = _affirm(d.raw[a:b])
    if positive is None:
        pytest.skip(f"no rule turns this denial positive: {statement.evidence}")
    edited = d.raw[:a] + positive + d.raw[b:]
    # (the flag read from the statement is the statement's change, said in its details: not a change of its own)
    return edited, Counter({("fact_changed", "material_incident_statement", "high", ""): 1}) + texts(
        "text_changed"
    )


_AFFIRMATIONS = [
    (r"\b(have|has)\s+not\s+(identified|experienced|encountered|had)\s+any\b", r"\1 \2"),
    (r"\b(are|is)\s+not\s+aware\s+of\b", r"\1 aware of"),
    (
        r"\b(do|does)\s+not\s+believe\s+that\s+there\s+are\s+currently\s+any\b",
        r"believe that there are currently",
    ),
    (r"\b(do|does)\s+not\s+believe\b", r"believe"),
    (r"\bno\s+(risks|cybersecurity\s+threats|cybersecurity\s+incidents|incidents)\b", r"\1"),
    (r"\b(have|has)\s+not\s+been\s+materially\s+affected\b", r"\1 been materially affected"),
    (r"\bdid\s+not\s+identify\s+any\b", "identified"),
    (r"\bhave\s+not\s+materially\s+affected\b", "have materially affected"),
    (r"\bhas\s+not\s+materially\s+affected\b", "has materially affected"),
]


def _affirm(sentence: str) -> str | None:
    out = sentence
    for pattern, replacement in _AFFIRMATIONS:
        out, n = re.subn(pattern, replacement, out, count=1, flags=re.I)
        if n:
            return out
    return None


def edit_flag_other(d: Doc) -> tuple[str, Expected]:
    """Tagged: another flag's value swapped. Untagged: the third-party engagement sentence removed."""
    if d.original.tagged:
        return _flip_tagged(d, material=False)
    flag = d.original.element(ENGAGED)
    if flag is None or flag.value is not True:
        pytest.skip("no inferred third-party engagement")
    fact_keys = {comparison_key(v.evidence) for values in d.facts.values() for v in values}
    if comparison_key(str(flag.evidence)) in fact_keys:
        pytest.skip("the engagement sentence also states a fact")
    spans = locate_sentence(d.raw, str(flag.evidence))
    if len(spans) != 1:
        pytest.skip("the engagement sentence is not found once in the raw")
    a, b = spans[0]
    edited = d.raw[:a] + d.raw[b:].lstrip(" ")
    rest = [s.text for s in d.sentences if s.key != comparison_key(str(flag.evidence))]
    expected = texts("text_removed")
    if outside_work(str(flag.evidence)):  # (outside firms working on the program, no longer said: medium)
        expected += Counter({("wording", "", "medium", ""): 1})
    if infer_third_party_engaged(rest) is None:  # no other sentence says so: the flag falls silent
        expected += Counter({("flag_flipped", ENGAGED, "medium", ""): 1})
    return edited, expected


EDITS = {
    "years": edit_years,
    "years_a_year_on": edit_years_a_year_on,
    "title_everywhere": edit_title_everywhere,
    "title_in_expertise": edit_title_in_expertise,
    "title_to_vice_president": edit_title_to_vice_president,
    "committee": edit_committee,
    "frequency": edit_frequency,
    "frequency_other": lambda d: edit_frequency(d, _OTHER_FREQUENCY_SWAPS),
    "framework_added": edit_framework_added,
    "framework_removed": edit_framework_removed,
    "insert": edit_insert,
    "delete": edit_delete,
    "move_within": edit_move_within,
    "move_across": edit_move_across,
    "flag_material": edit_flag_material,
    "flag_other": edit_flag_other,
}


@pytest.mark.parametrize("edit", list(EDITS))
@pytest.mark.parametrize("name", list(DOCS))
def test_planted_edit(corpus: Path, name: str, edit: str) -> None:
    d = doc(corpus, name)
    edited, expected = EDITS[edit](d)
    check(d, edited, expected)


# ---------------------------------------------------------------------------------------------- formatting noise


def _in_region(d: Doc, fn) -> str:
    a, b = d.region
    return d.raw[:a] + fn(d.raw[a:b]) + d.raw[b:]


def _text_nodes(fn):
    """Apply fn to the text between tags only (never inside a tag)."""
    return lambda html: re.sub(r">([^<]+)<", lambda m: ">" + fn(m.group(1)) + "<", html)


def _rewrapped(text: str, longer_than: int, width: Callable[[], int]) -> str:
    """Plain text whose lines of more than `longer_than` characters are wrapped again, word by word, each new
    line at most `width()` characters (asked again for every line); table lines ("|") stay as they are."""
    out = []
    for line in text.split("\n"):
        if len(line) <= longer_than or line.startswith("|"):
            out.append(line)
            continue
        current, limit = "", width()
        for word in line.split(" "):
            if current and len(current) + len(word) + 1 > limit:
                out.append(current)
                current, limit = word, width()
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return "\n".join(out)


def noise_rewrap(d: Doc) -> str:
    if d.html:  # new lines and runs of spaces inside the text
        return _in_region(d, _text_nodes(lambda t: re.sub(r"(\w{4,}) (\w)", "\\1\n   \\2", t)))
    return _in_region(d, lambda text: _rewrapped(text, 69, lambda: 56))


def noise_rewrap_narrow(d: Doc) -> str:
    """Plain text re-wrapped at 34 columns: lines now end after sentences, colons and heading-like words."""
    if d.html:
        return d.raw
    return _in_region(
        d,
        lambda text: "\n".join(
            "\n".join(textwrap.wrap(line, 34)) if len(line) > 34 and not line.startswith("|") else line
            for line in text.split("\n")
        ),
    )


def noise_rewrap_ragged(d: Doc) -> str:
    """Plain text re-wrapped at a different width for every line (35 to 85 columns): no width to go by."""
    if d.html:
        return d.raw
    widths = random.Random(len(d.raw))
    return _in_region(d, lambda text: _rewrapped(text, 59, lambda: widths.randint(35, 85)))


def noise_quotes(d: Doc) -> str:
    swap = {
        "\u2019": "'",
        "'": "\u2019",
        "\u201c": '"',
        "\u201d": '"',
        "&#8217;": "'",
        "&#8220;": "&quot;",
        "&#8221;": "&quot;",
    }
    pattern = re.compile("|".join(map(re.escape, swap)))

    def sub(t: str) -> str:
        return pattern.sub(lambda m: swap[m.group(0)], t)

    return _in_region(d, _text_nodes(sub) if d.html else sub)


def noise_dashes(d: Doc) -> str:
    def sub(t: str) -> str:
        t = re.sub(r"(?<=[a-z])-(?=[a-z])", "\u2010", t)
        return re.sub(r" [\u2014\u2013-] |\u2014", " \u2014 ", t).replace("&#8212;", " - ")

    return _in_region(d, _text_nodes(sub) if d.html else sub)


def noise_spaces(d: Doc) -> str:
    def sub(t: str) -> str:
        return t.replace(". ", ".  ").replace(", ", ",   ")

    return _in_region(d, _text_nodes(sub) if d.html else sub)


def _glue_spots(d: Doc) -> list[re.Pattern[str]]:
    """Where words get glued: inside every responsible title, before every board committee, and 'has adopted'."""
    spots = []
    for title in values(d, "responsible_titles"):
        words = title.split()
        if len(words) >= 3:
            spots.append(phrase_re(" ".join(words[-2:])))
    for committee in values(d, "board_oversight"):
        if committee.endswith("committee"):
            spots.append(
                re.compile(r"(?<![\w-])(the)" + _SEP + "(" + re.escape(committee.split()[0]) + r")\b", re.I)
            )
    spots.append(re.compile(r"\b(has)" + _SEP + r"(adopted|established|implemented)\b", re.I))
    return spots


def noise_glued(d: Doc) -> str:
    raw = d.raw
    a, b = d.region
    part = raw[a:b]
    for spot in _glue_spots(d):
        part = spot.sub(lambda m: re.sub(_SEP, "", m.group(0)), part)
    return raw[:a] + part + raw[b:]


_HEADINGS = re.compile(
    r"(^|>)(\s*)((?:Cybersecurity\s+)?(?:Risk\s+Management\s+and\s+Strategy|Governance|"
    r"Board\s+Oversight|Management(?:'|&#8217;|\u2019)s\s+Role[^<\n]{0,40}|Cybersecurity\s+Governance"
    r"[^<\n]{0,30}))(\s*)(?=$|<)",
    re.M,
)


def noise_heading_case(d: Doc) -> str:
    def sub(t: str) -> str:
        return _HEADINGS.sub(
            lambda m: (
                m.group(1)
                + m.group(2)
                + (m.group(3).upper() if not m.group(3).isupper() else m.group(3).title())
                + m.group(4)
            ),
            t,
        )

    edited = _in_region(d, sub)
    if edited == d.raw:
        pytest.skip("no sub-heading")
    return edited


def noise_footer(d: Doc) -> str:
    plain = _plain_sentences(d)
    _, (a, _) = plain[len(plain) // 2]
    if d.html:
        start = d.raw.rfind("<div", 0, a)
        footer = (
            '<div style="text-align:center"><span>Table of Contents</span></div>'
            '<div style="text-align:center"><span>27</span></div>'
        )
        return d.raw[:start] + footer + d.raw[start:]
    start = d.raw.rfind("\n\n", 0, a)
    if start < d.region[0]:
        pytest.skip("no paragraph break")
    return d.raw[:start] + "\n\nAcme Corp. | 2024 Form 10-K | 27\n\nTable of Contents\n" + d.raw[start:]


def noise_ligatures(d: Doc) -> str:
    def sub(t: str) -> str:
        return t.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("fl", "\ufb02")

    if d.html:
        return _in_region(d, _text_nodes(sub))
    # R-page labels ("... Identification Processes [Flag]") name elements: the reader matches them as written
    return _in_region(
        d,
        lambda t: "\n".join(
            line if re.search(r"\[(?:Flag|Text Block|Line Items|Abstract)\]", line) else sub(line)
            for line in t.split("\n")
        ),
    )


def noise_bullets(d: Doc) -> str:
    edited = _in_region(
        d, lambda t: t.replace("\u2022", "\u25cf").replace("&#8226;", "&#9679;").replace("&#183;", "&#9679;")
    )
    if edited == d.raw:
        pytest.skip("no bullets")
    return edited


def noise_markup(d: Doc) -> str:
    """HTML only: white space and new lines inside tags, text split over several spans (between and inside words)."""
    if not d.html:
        pytest.skip("HTML only")

    def sub(html: str) -> str:
        html = re.sub(r"<(span|div)(\s)", "<\\1\n    \\2", html)
        html = re.sub(r"(<span\b[^>]*?)(\s*)>", "\\1\n>", html)

        def split(m: re.Match[str]) -> str:
            opening, text = m.group(1), m.group(2)
            words = text.split(" ")
            if len(words) < 6:
                return m.group(0)
            half = len(words) // 2
            first, second = " ".join(words[:half]) + " ", " ".join(words[half:])
            w = next((k for k, x in enumerate(words) if len(x) >= 8 and x.isalpha()), None)
            if w is not None and w < half:  # and one word split in two spans
                cut = len(" ".join(words[:w])) + 1 + 4
                first = first[:cut] + "</span>" + opening + first[cut:]
            return opening + first + "</span>" + opening + second

        return re.sub(r"(<span\b[^>]*>)([^<]{60,})(?=</span>)", split, html)

    return _in_region(d, sub)


NOISE = {
    "rewrap": noise_rewrap,
    "rewrap_narrow": noise_rewrap_narrow,
    "rewrap_ragged": noise_rewrap_ragged,
    "quotes": noise_quotes,
    "dashes": noise_dashes,
    "spaces": noise_spaces,
    "glued": noise_glued,
    "heading_case": noise_heading_case,
    "footer": noise_footer,
    "ligatures": noise_ligatures,
    "bullets": noise_bullets,
    "markup": noise_markup,
}


@pytest.mark.parametrize("noise", list(NOISE))
@pytest.mark.parametrize("name", list(DOCS))
def test_formatting_noise(corpus: Path, name: str, noise: str) -> None:
    d = doc(corpus, name)
    edited = NOISE[noise](d)
    if edited == d.raw:
        pytest.skip("the document offers no spot for this noise")
    c = check(d, edited, Counter())
    assert c.similarity.to_json() == {"cosine": 1.0, "jaccard": 1.0, "min_edit": 1.0, "simple": 1.0}


def test_all_noise_at_once(corpus: Path) -> None:
    """Every kind of noise in one document at the same time is still no change."""
    d = doc(corpus, "AMZN_2023")
    raw = d.raw
    try:
        for noise in ("glued", "rewrap", "quotes", "dashes", "spaces", "ligatures", "footer"):
            d.raw = NOISE[noise](d)
        noisy = d.raw
    finally:
        d.raw = raw
    c = check(d, noisy, Counter())
    assert c.similarity.to_json() == {"cosine": 1.0, "jaccard": 1.0, "min_edit": 1.0, "simple": 1.0}
