"""Governance facts: the board and committees that oversee, management committees, and how often the board is
briefed.

- A committee is a board committee when its name says so (audit, nominating, governance, compensation, ...)
  or the text ties it to the board; a management committee when the text places it at management level or
  its name says so (steering, disclosure, executive, safeguard, ...).
- A briefing is management informing the board or a board committee. A committee's own report to the full
  board is no briefing. A stated period wins over "regularly" for the same briefing (within a few words).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker.facts.people import DIRECTORS_RE, biography_spans
from tracker.facts.rules import Rule, rule
from tracker.facts.text import OWNER, has, word_matches
from tracker.facts.titles import defined_acronyms, is_cyber, titles_in
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import once

if TYPE_CHECKING:
    from tracker.facts.extract import Reading

COMMITTEE_RE = lazy_compile(r"\bcommittees?\b", re.I)
COMMITTEE_ACRONYM_RE = lazy_compile(
    r"(?i:committee)\s*\(\s*(?:the\s+)?[\"'\u201c]?([A-Z][A-Za-z&]{1,7})[\"'\u201d]?\s*\)"
)
_NAME_STOP = {
    "the",
    "our",
    "its",
    "a",
    "an",
    "by",
    "to",
    "of",
    "from",
    "with",
    "that",
    "which",
    "for",
    "and",
    "or",
    "in",
    "on",
    "as",
    "at",
    "is",
    "are",
    "was",
    "be",
    "this",
    "these",
    "each",
    "such",
    "board",
    "directors",
    "any",
    "other",
    "their",
    "has",
    "have",
    "formed",
    "established",
    "through",
    "including",
    "includes",
    "include",
    "company",
    "group",
    "new",
    # ("into a single Audit and Risk Committee": reader 44's, read as the risk committee)
    "single",
    "combined",
    "merged",
    "unified",
    "both",
    "two",
    "three",
    "certain",
    "relevant",
    "all",
    "full",
    "standing",
    "respective",
    "appropriate",
    "designated",
    "within",
    "led",
    "chaired",
    "reports",
    "receives",
    "oversees",
    "also",
    "did",
    "does",
    "it",
    "whose",
    "member",
    "members",
    "chair",
    "chairs",
    "where",
    "when",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "called",
    "named",
    "so-called",
    "dedicated",
    "separate",
    "newly",
    "recently",
    "created",
    "formed",
    "standalone",
    "stand-alone",
    "own",
    "quarterly",
    "monthly",
    "annual",
    "regular",
    "periodic",
    "regularly",
    "scheduled",
    "its",
    "management-level",
    "executive-level",
    "another",
    "committee",
    # prepositions and verbs: "matters discussed during committee meetings" names no committee
    "during",
    "after",
    "before",
    "between",
    "among",
    "under",
    "into",
    "about",
    "upon",
    "via",
    "per",
    "across",
    "throughout",
    "discussed",
    "reviewed",
    "held",
    "presented",
    "reported",
    "attend",
    "attends",
    "attended",
}
_BOARD_HEADS = lazy_compile(
    r"audit|nominat|corporate\s+governance|governance\s+and|compensation|remuneration|"
    r"public\s+policy|sustainability|finance",
    re.I,
)
_MANAGEMENT_HEADS = lazy_compile(
    r"steering|disclosure|executive|management|working|operating|safeguard|"
    r"data\s+security|incident|crisis|response|council|operational|internal|leadership|advisory",
    re.I,
)
_MANAGEMENT_CONTEXT_RE = lazy_compile(
    r"management[- ]level|at\s+the\s+(?:management|execution|executive|operational)"
    r"\s+level|comprised\s+of\s+(?:senior\s+)?(?:executives|officers|personnel|leaders"
    r"|members\s+of\s+(?:senior\s+)?management|representatives|cross-functional)|"
    r"comprising\s+(?:the\s+|our\s+)?(?:principal|chief|head|senior|executives)|"
    r"consists\s+of\s+\w+\s+executives|chaired\s+by\s+(?:our|the|its)\s+(?:chief|CEO|"
    r"CISO|CIO)|led\s+by\s+(?:its|our|the)\s+management|management\s+committee|"
    r"comprised\s+of\s+(?:\w+\s+){0,2}?(?:executives?|officers|leaders|leadership|management)|"
    r"\b(?:CISO|CIO|CTO|CSO|officer)\s+chairs\b",
    re.I,
)
_MANAGEMENT_CONTEXT_WORDS = ("management", "level", "compris", "consists", "chaired", "chairs")
_NAME_WORD_RE = lazy_compile(r"[\w&'\u2019-]+|[,()]")
_POSSESSIVES = ("'s", "\u2019s")
_TITLE_HEADS = {"officer", "officers", "president", "counsel"}
_ACRONYM_WORDS = lazy_compile(r"^C[A-Z]{1,4}O$")
OVERSIGHT_RE = lazy_compile(
    r"oversee|oversight|oversees|overseeing|supervis|responsib|monitor|review|"
    r"charged|delegat|governance\s+of",
    re.I,
)
_OVERSIGHT_WORDS = (
    "oversee",
    "oversight",
    "supervis",
    "responsib",
    "monitor",
    "review",
    "charged",
    "delegat",
    "governance",
)
INFORM_RE = lazy_compile(
    r"report|updat|brief|inform(?!ation)|present(?!ative)|apprise|discuss|meet|receiv|review|provid|"
    r"communicat|escalat|elevat",
    re.I,
)
_INFORM_WORDS = (
    "report",
    "updat",
    "brief",
    "inform",
    "present",
    "apprise",
    "discuss",
    "meet",
    "receiv",
    "review",
    "provid",
    "communicat",
    "escalat",
    "elevat",
)
_PLAIN_INFORM_WORDS = tuple(w for w in _INFORM_WORDS if w not in ("inform", "present"))


def informs(s: str, low: str | None) -> bool:
    """INFORM_RE.search(s), by substring tests of the lower-cased sentence where it is safe (much faster)."""
    if low is None:
        return bool(INFORM_RE.search(s))
    if any(map(low.__contains__, _PLAIN_INFORM_WORDS)):
        return True
    return any(
        low[k + len(w) : k + len(w) + len(tail)] != tail
        for w, tail in (("inform", "ation"), ("present", "ative"))
        for k in _positions(low, w)
    )


def _positions(low: str, word: str) -> list[int]:
    out, k = [], low.find(word)
    while k != -1:
        out.append(k)
        k = low.find(word, k + 1)
    return out


_GENERIC_COMMITTEE_RE = lazy_compile(
    r"(?-i:\b(?:Management|Board|Executive) Committee|\b(?:Management|Executive) and "
    r"[A-Z][a-z]+ Committees|\b[A-Z][a-z]+ and (?:Management|Executive) Committees)"
)
#: The board of directors (and a supervisory board); not a two-tier issuer's management board ("Our CISO updates the
#: Management Board monthly", an unseen reader's 20-F: read as the board briefed monthly) or board of management.
BOARD_RE = lazy_compile(
    r"\b(?<!management\s)(?<!executive\s)(?:board\s+of\s+directors|board(?!\s+(?:meeting|member)s?\b)"
    r"(?!\s+of\s+management\b))\b",
    re.I,
)

COMMITTEE_OVERSEES = rule(
    "board_oversight.committee",
    r"\bcommittee\b",
    ("committee",),
    doc="a board committee named where oversight or informing is spoken of",
)
BOARD_OVERSEES = rule(
    "board_oversight.board",
    # (up to 120 characters: "Our Board considers cybersecurity risk and other information technology risks as part of its
    # risk oversight function", reader 39's, read as oversight only once restyled in the passive)
    r"\bboard\b(?:\s+of\s+directors)?(?:['\u2019]s)?[^.;]{0,120}?\b(?:oversee|oversight|oversees|overseeing|supervis|"
    r"responsib|monitor|review)|\bunder\s+the\s+(?:oversight|supervision)\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+['\u2019]s\s+)?"
    r"board|(?:oversight|overseen|supervised|monitored|reviewed)\s+by\s+"
    # ("reviewed by the Audit Committee and its Board of Directors": a reader's form-only edit of AMZN FY2025)
    r"(?:the\s+|our\s+|its\s+)?(?:[\w\s]{0,40}?committee\s+and\s+(?:the\s+|our\s+|its\s+)?)?(?:full\s+)?board|"
    # the passive, and the board's function named ("Oversight of cybersecurity risk management is provided by the Board
    # of Directors and the Audit Committee", "Among the overall risk oversight functions of our Board of Directors
    # are ...": reader 29's restyles, read as the board no longer overseeing)
    r"\b(?:oversight|supervision)\b[^.;]{0,80}?\b(?:is|are)\s+(?:provided|exercised|performed|carried\s+out|"
    r"conducted)\s+by\s+(?:the\s+|our\s+|its\s+)?(?:full\s+)?board|"
    # ("Primary oversight of cybersecurity risk has been delegated by the Board of Directors to the Audit Committee":
    # reader 35's restyle of "The Board ... has delegated primary oversight ...", the board "no longer said to oversee")
    r"\b(?:oversight|supervision)\b[^.;]{0,80}?\b(?:delegated|assigned|entrusted)\s+by\s+(?:the\s+|our\s+|its\s+)?"
    r"(?:full\s+)?board|\boversight\s+(?:functions?|roles?|"
    r"responsibilit(?:y|ies))\s+of\s+(?:the\s+|our\s+|its\s+)?(?:full\s+)?board",
    ("board",),
    doc="the board itself oversees cybersecurity risk (directly or through a committee)",
)
MANAGEMENT_COMMITTEE = rule(
    "management_committees.named",
    r"\bcommittee\b|\bcouncil\b",
    ("committee", "council"),
    doc="a named committee or council at management level in a sentence about cybersecurity",
)
_COMMITTEE_OF_BOARD_RE = lazy_compile(
    # (the filer by its name: "the Audit Committee of Progress's Board of Directors", an unseen reader's form-only PRGS)
    r"\bcommittee\s+of\s+" + OWNER + r"\s+board(?:\s+of\s+directors)?|"
    r"\bboard(?:\s+of\s+directors)?['\u2019]s\s+(?:[\w&-]+\s+){0,5}?committee\b",
    re.I,
)
#: A sentence opening on a pronoun for the one before's subject ("It begins with ...", not "It is important").
GOES_ON_RE = lazy_compile(r"(?:It|This|They)\s+(?!(?:is|was|may|might|can|could|would|will)\b)[a-z]+")
_COUNCIL_RE = lazy_compile(r"(?-i:((?:[A-Z][\w&-]*\s+(?:(?:and|&|of)\s+)?){1,5})Council\b)")
#: Councils that are outside bodies (regulators, standard setters), not management's.
_OUTSIDE_COUNCIL_RE = lazy_compile(
    r"\b(?:Federal|National|Examination|Standards|Institute|State|Government|Industry|"
    r"Information\s+Sharing)\b"
)


def council_names(s: str) -> list[str]:
    """Lower-case names of the management councils a sentence names ("cybersecurity governance council"; not the
    board's, nor an outside body such as the "Financial Stability Oversight Council" of a regulator)."""
    out = []
    for m in _COUNCIL_RE.finditer(s):
        words = m.group(1).split()
        while words and words[0].lower() in _NAME_STOP:
            words.pop(0)
        if words and not BOARD_RE.search(" ".join(words)) and not _OUTSIDE_COUNCIL_RE.search(m.group(0)):
            out.append(" ".join(words + ["council"]).lower())
    return out


def bodies_named(s: str) -> set[str] | None:
    """The committees and councils a sentence names, lower-case ("audit committee", "cybersecurity oversight
    council"): what a reworded sentence says of who does what, beside the facts read from it. None where it also
    speaks of a committee without naming it ("the Committee", defined elsewhere: who it is cannot be told)."""
    names = committee_names(s, unnamed=True)
    if "" in names:
        return None
    return set(names) | set(council_names(s))


def committee_names(s: str, low: str | None = None, unnamed: bool = False) -> list[str]:
    """Lower-case names of the committees a sentence names ("audit committee", ...). With `unnamed`, "" stands
    for each mention that names no one committee ("the Committee", "its committees")."""
    return list(once("committee_names", (s, unnamed), lambda: _committee_names(s, low, unnamed)))


def _committee_names(s: str, low: str | None, unnamed: bool) -> list[str]:
    names = []
    if "(" in s:
        s = _PAREN_ACRONYM_RE.sub(
            lambda m: " " * len(m.group(0)), s
        )  # 'Enterprise Risk Management ("ERM") Committee'
        low = None
    for m in word_matches(COMMITTEE_RE, s, low, ("committee",), whole=False):
        if m.group(0).lower() == "committees":
            plural = _PLURAL_COMMITTEES_RE.search(s, max(0, m.start() - 80), m.end())
            if plural:  # "management's Executive and Disclosure Committees"
                names += [f"{w.lower()} committee" for w in (plural.group(1), plural.group(2))]
            elif unnamed:
                names.append("")
            continue
        if (
            _DESCRIPTION_BEFORE_RE.search(s, max(0, m.start() - 60), m.start())
            or _MEMBER_OF_RE.search(s, max(0, m.start() - 80), m.start())
            and not _BOARD_WORD_RE.search(s, max(0, m.start() - 140), m.start())
        ):
            continue  # ", a cross-functional management committee": a description; "a member of the X Committee"
        words = _NAME_WORD_RE.findall(s, max(0, m.start() - 200), m.start())
        if len(words) <= 8 and m.start() > 200:
            words = _NAME_WORD_RE.findall(s, 0, m.start())
        name: list[str] = []
        written: list[str] = []
        for word in reversed(words[-8:]):
            folded = word.lower()
            if word in "()":
                break
            if word == ",":
                if name and any(w.lower() == "and" for w in name):
                    continue
                break
            if folded in ("and", "&") and name:
                name.insert(0, folded)
                written.insert(0, word)
                continue
            if (
                folded in _NAME_STOP
                and word != "IT"
                or word.endswith(_POSSESSIVES)
                or word[:1].isdigit()
                or _ACRONYM_WORDS.match(word)
                or folded in _TITLE_HEADS
            ):
                break  # "our CISO and audit committee": a title is no part of a committee's name
            name.insert(0, folded)
            written.insert(0, word)
        if "and" in name or "&" in name:
            # a name is written in one case: "Information Security and audit committee" names the audit committee
            cut = max(k for k, w in enumerate(name) if w in ("and", "&"))
            case = {w[:1].isupper() for w in written[cut + 1 :] + [m.group(0)]}
            if (
                len(case) == 1
                # (words only: a bullet's "-" before "Data Security and Privacy Governance Committee", an unseen
                # reader's HD list, cut the name to "privacy governance committee")
                and {
                    w[:1].isupper()
                    for w in written[:cut]
                    if w.lower() not in ("and", "&") and w[:1].isalnum()
                }
                != case
            ):
                name = name[cut + 1 :]
        while name and name[0] in ("and", "&"):
            name.pop(0)
        # a proper name ("our management Enterprise Risk Committee"): the lower-case words before it describe it
        while len(written) > len(name):
            written.pop(0)
        while (
            len(name) > 1
            and written
            and not written[0][:1].isupper()
            and any(w[:1].isupper() for w in written[1:])
            and m.group(0)[:1].isupper()
        ):
            name.pop(0)
            written.pop(0)
        if name:
            names.append(" ".join(name + ["committee"]))
        elif unnamed:
            names.append("")
    return names


_PAREN_ACRONYM_RE = lazy_compile(
    r"\s*\(\s*(?:the\s+)?[\"'\u201c]?[A-Z][A-Za-z&]{1,7}[\"'\u201d]?\s*\)|"
    # a short form defined in quotes ('Enterprise Risk Management Committee (the "ERM Committee")': reader 32's restyle
    # of '("ERM") Committee', read as a second committee named)
    r"\s*\(\s*(?:the\s+)?[\"\u201c][A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){1,3}[\"\u201d]\s*\)|[\"\u201c\u201d]"
)
_ALIAS_RE = lazy_compile(
    r"(\bcommittee\b(?:\s+of\s+(?:the|our|its)\s+board(?:\s+of\s+directors)?)?)\s*\(\s*(?:the\s+|our\s+)?"
    r"[\"'\u201c]([^\"'\u201d]{2,60}?)[\"'\u201d]\s*\)",
    re.I,
)
_ACRONYM_COMMITTEE_RE = lazy_compile(r"\(\s*[\"\u201c]?([A-Z]{2,6})[\"\u201d]?\s*\)\s+Committee\b")
_REFER_TO_AS_RE = lazy_compile(
    r"(\bcommittee\b)[^.;]{0,80}?\b(?:which|that|whom)\s+we\s+(?:refer\s+to|call)\s+as\s+"
    r"((?:our|the)\s+(?:[\w&-]+\s+){0,5}?committee)",
    re.I,
)
_PLURAL_COMMITTEES_RE = lazy_compile(r"(?-i:\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+Committees)$")
_DESCRIPTION_BEFORE_RE = lazy_compile(
    r",\s+(?:a|an|another)\s+(?-i:[a-z][\w\s-]{0,50})$|"
    # ("we combined our IT Steering Committee and our Operational Risk Committee into a single management committee, the
    # Technology and Operational Risk Committee": reader 45's bank, "management committee added: single management
    # committee")
    r"\b(?:a|an|another)\s+(?:single|new|combined|separate|standing|joint|dedicated|cross-functional|formal|permanent|"
    r"unified|merged)\s+(?:(?:management|executive|steering|working|oversight)\s+)?$"
)
_BOARD_WORD_RE = lazy_compile(r"\bboard\b", re.I)
_MEMBER_OF_RE = lazy_compile(
    # (the name's words, no second article: "other members of management provide the Audit Committee with regular
    # updates", an unseen reader's, is no membership)
    r"\b(?:member|members|chair|chairman|chairperson)\s+of\s+(?:the\s+|our\s+|its\s+)?"
    r"(?:[\w-]+['\u2019]s\s+)?(?:(?!(?:the|our|its|a|an)\s)[\w&-]+\s+){0,5}$|\b(?:serves|sits)\s+on\s+(?:the\s+|our\s+)?"
    r"(?:[\w&-]+\s+){0,5}$",
    re.I,
)


def _former(name: str, s: str) -> bool:
    """Whether a sentence names the committee only as a former overseer ("moved oversight from the Audit
    Committee to ...", "previously overseen by the Audit Committee", "...; previously, this oversight was
    performed by our audit committee", "Until March 2025, the Audit Committee oversaw ...")."""
    low = s.lower()
    if s.isascii() and not any(map(low.__contains__, _FORMER_KEYS)) or not _FORMER_WORDS_RE.search(s):
        return False
    pattern = re.escape(name).replace(r"\ ", r"\s+")
    # (not where it is the end of a longer name: "its Enterprise Risk Committee, which was known as the Risk Committee")
    mentions = [
        m
        for m in re.finditer(pattern, s, re.I)
        if not _LONGER_NAME_RE.search(s, max(0, m.start() - 40), m.start())
    ]
    return bool(mentions) and all(
        _FORMER_BEFORE_RE.search(s, max(0, m.start() - 60), m.start())
        or _FORMER_CLAUSE_RE.search(s, 0, m.start())
        or _FORMER_AFTER_RE.match(s, m.end())
        for m in mentions
    )


#: A capitalised word of a name right before a committee's ("Enterprise " of "Enterprise Risk Committee").
_LONGER_NAME_RE = lazy_compile(
    r"(?<![.:;]\s)(?<!^)\b(?!(?:The|Our|Its|Their|This|That|Such)\b)[A-Z][\w&-]*\s+(?:(?:and|&)\s+)?$"
)
#: The verbs of committees merged; and the words of a merger up to what they were merged into ("combined its Audit
#: Committee and its Compliance Committee into"): the committees before "into" are the former ones.
_MERGING = r"(?:combined|merged|consolidated|folded)"
MERGED_INTO = r"\b" + _MERGING + r"\b[^.;]{0,120}?\binto\b"
#: "moved oversight from the Audit Committee", "no longer overseen by the Audit Committee" (but not "risks from
#: cybersecurity threats through its Audit Committee": the words between name no move).
_FORMER_BEFORE_RE = lazy_compile(
    # (a committee done away with: "In June 2025, we dissolved the Information Security Committee and transferred its
    # responsibilities to ...", reader 28's 20-F, listed as a management committee both years)
    r"\b(?:dissolved|disbanded|eliminated|abolished|discontinued|wound\s+down)\s+(?:the\s+|its\s+|our\s+)?$|"
    # committees merged into one ("the Board combined its Audit Committee and its Risk Committee into a single Audit and
    # Risk Committee": reader 44's, the two "stated alike" and the board "no longer said to oversee"): those before "into"
    r"\b" + _MERGING + r"\s+(?:(?!\binto\b)[^.;]){0,120}?(?:the\s+|its\s+|our\s+)$|"
    # ("Our full Board of Directors, rather than the Audit Committee, is responsible for the oversight": reader 30's
    # next TSLA year, whose Audit Committee "still oversees it")
    r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of)\s+(?:the\s+|its\s+|our\s+)?$|"
    r"\brenamed\s+(?:the\s+|its\s+|our\s+)$|(?:\bfrom|\bformerly|\bpreviously|\buntil|\bno\s+longer)\s+"
    r"(?:(?!(?:through|via|by|with|to|threats?|risks?|incidents?|attacks?)\b)[\w-]+\s+){0,4}?"
    r"(?:the\s+|our\s+|its\s+)?$|"
    # oversight given to it no longer ("as a whole oversees ... and no longer delegates that oversight to its Audit
    # Committee": an unseen reader's biotech, read as the committee still overseeing)
    # its former name ("its Enterprise Risk Committee, which was known as the Risk Committee until April 2025": an
    # unseen reader's bank, read as a second committee overseeing)
    r"\b(?:was|were|had\s+been)\s+(?:previously\s+|formerly\s+)?(?:known|named|called)\s+(?:as\s+)?(?:the\s+)?$|"
    r"\b(?:no\s+longer|(?:has\s+)?ceased\s+to|(?:does|will)\s+not\s+(?:any\s+longer|longer)|"
    # ("directly oversees cybersecurity risk management, which it had previously delegated to the audit & risk
    # oversight committee": reader 33's, the committee "still overseeing")
    r"(?:had\s+)?(?:previously|formerly)|had)\s+(?:delegat|assign|entrust|"
    r"allocat)\w*\s+(?:[\w-]+\s+){0,5}?(?:to|with)\s+(?:the\s+|our\s+|its\s+)?$",
    re.I,
)
#: A clause set in the past that the name closes: one opening on a time before ("previously, this oversight was
#: performed by our", "Until March 2025, the", "Prior to 2025, oversight rested with the") or whose verb is put
#: there ("oversight was previously the responsibility of the"); not once it turns to the present ("...
#: Audit Committee, and it now rests with the": the Risk Committee named after "now" is current).
_FORMER_CLAUSE_RE = lazy_compile(
    r"(?:(?:^|[;:]|\.\s)\s*(?:(?:and|but|whereas)\s+)?(?:previously|formerly|prior\s+to\s+[^,;]{1,40}|"
    # (a time before, not a condition to come: "Until a successor is appointed, our Chief Information Officer ... briefs
    # the Audit Committee quarterly", reader 44's, read as the committee no longer overseeing, high)
    r"until\s+(?!(?:a|an|the|our|its|such)\s+(?:\w+\s+){0,3}?(?:is|are|has|have)\s+(?:been\s+)?"
    r"(?:appointed|named|hired|found|identified|selected|completed|filled)\b)[^,;]{1,30}|"
    r"before\s+(?:that|this|then|(?:19|20)\d\d))|"
    r"\b(?:was|were|had\s+been)\s+(?:previously|formerly)\b)"
    r"(?:(?!\b(?:now|currently|today|continues?|still|remains?|which|who)\b)[^;])*$",
    re.I,
)
#: A committee overseeing for the board ("which now oversees risks ... on behalf of the Board"): the board's oversight.
_ON_BEHALF_OF_BOARD_RE = lazy_compile(
    r"\b(?:oversee|oversees|overseeing|oversight|supervis|monitor)\w*\b[^.;]{0,120}?\bon\s+behalf\s+of\s+"
    r"(?:the\s+|our\s+|its\s+)?(?:full\s+)?board\b",
    re.I,
)
#: A committee that a relative clause makes the overseer, between the board and the word of oversight ("our board
#: of directors formed a Technology and Cybersecurity Committee, which is now responsible for oversight"): the
#: committee's oversight, not the board's.
_COMMITTEE_CLAUSE_RE = lazy_compile(r"\bcommittee\b,?\s+(?:which|that|who)\b", re.I)
_FORMER_WORDS_RE = lazy_compile(
    r"\b(?:from|formerly|previously|until|no\s+longer|prior\s+to|before|renamed|ceased|known|called|dissolved|"
    r"disbanded|eliminated|abolished|discontinued|wound|rather|instead|place|combined|merged|consolidated|folded)\b",
    re.I,
)
#: A part of each of `_FORMER_WORDS_RE`'s words (looked for first, in ASCII text).
_FORMER_KEYS = (
    "from",
    "formerly",
    "previously",
    "until",
    "longer",
    "prior",
    "before",
    "renamed",
    "ceased",
    "known",
    "called",
    "dissolved",
    "disbanded",
    "eliminated",
    "abolished",
    "discontinued",
    "wound",
    "rather",
    "instead",
    "place",
    "combined",
    "merged",
    "consolidated",
    "folded",
)
#: A committee's old name, renamed ("the charter of its Safety and Environmental Committee, renamed it the SEC
#: Committee", an unseen reader's pipeline operator: read as a second committee overseeing).
_FORMER_AFTER_RE = lazy_compile(
    r",?\s+(?:and\s+)?(?:(?:was|has\s+been|is\s+now)\s+)?renamed\b(?!\s+(?:to|as)\b)|,\s+renamed\s+it\b|"
    r",?\s+(?:was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:dissolved|disbanded|eliminated|abolished|"
    r"discontinued)\b|"
    # its oversight said to be over ("the Audit and Compliance Committee no longer has primary responsibility for
    # cybersecurity oversight": reader 45's hospital operator, the committee "stated alike" beside the new one "added")
    r"\s+(?:no\s+longer|(?:has\s+)?ceased\s+to|(?:is|will)\s+no\s+longer)\s+(?:\w+\s+)?(?:has|have|holds?|"
    r"bears?|retains?|oversees?|be|responsible|tasked|charged)\b",
    re.I,
)


def committee_key(name: str) -> str:
    """What two ways of writing one committee share ("audit & risk committee" = "audit and risk committee")."""
    return " ".join(w for w in re.findall(r"[a-z0-9]+", name.lower().replace("&", " and ")) if w != "the")


_INFORMED_COMMITTEE = (
    r"(?:\b(?:report|updat|brief|inform|present|discuss|communicat|escalat|provid)\w*\b[^.;]{0,120}?"
    r"\b(?:to|with)|\b(?:inform|updat|brief|apprise)\w*)\s+(?:the\s+|our\s+|its\s+)?"
)


def is_board_committee(name: str, contexts: list[tuple[str, str | None]]) -> bool:
    """Board committee (True) or management committee (False), from its name and the sentences naming it."""
    if _BOARD_HEADS.search(name):
        return True
    candidates = [s for s, low in contexts if has(low, ("board", "comprised", "director"))]
    pattern = re.escape(name).replace(r"\ ", r"\s+")
    if candidates:
        tied = re.compile(
            pattern
            + r"\s+of\s+"
            + OWNER
            + r"\s+board|board(?:['\u2019]s)?\s+"
            + pattern
            + r"|board\s+committees?|"
            + pattern
            + r"[^.;]{0,40}?comprised\s+(?:entirely\s+|solely\s+)?of\s+"
            r"(?:independent\s+)?directors|\bboard\b[^.;]{0,60}?\b(?:delegat|establish|form|creat)\w*\b"
            r"[^.;]{0,80}?\b(?:to\s+)?(?:the\s+|our\s+|its\s+|a\s+)?(?:new\s+)?"
            + pattern
            + r"|"
            # (the board overseeing through it: "The Board of Directors oversees cybersecurity risk through its Risk
            # Management Committee", reader 40's, read as management's committee until "of our Board" was added)
            + r"\bboard\b[^.;]{0,80}?\bthrough\s+(?:its|the)\s+"
            + pattern
            + r"|"
            + pattern
            + r",?\s+(?:which\s+|that\s+)?(?:\w+\s+){0,2}?reports?\s+(?:\w+\s+){0,2}?to\s+(?:the\s+|our\s+)?"
            r"(?:full\s+)?board\b|\bboard\s+members\b[^.;]{0,80}?\bmembers\s+of\s+(?:the\s+|our\s+|its\s+)?"
            + pattern,
            re.I,
        )
        if any(tied.search(s) for s in candidates):
            return True
    if any(
        has(low, _MANAGEMENT_CONTEXT_WORDS) and _MANAGEMENT_CONTEXT_RE.search(s) for s, low in contexts
    ) or _MANAGEMENT_HEADS.search(name):
        return False
    if any(OVERSIGHT_RE.search(s) and is_cyber(s) for s, _ in contexts):
        return True
    # the body management reports to or discusses cybersecurity with
    informed = re.compile(_INFORMED_COMMITTEE + pattern, re.I)
    return any(informs(s, low) and is_cyber(s) and informed.search(s) for s, low in contexts)


# ---- briefing frequency --------------------------------------------------------------------------------------
_NOT_AFTER_SEMI = r"(?<!semi-)(?<!semi)(?<!bi-)(?<!bi)(?<!twice\s)(?<!times\s)"
#: The words between "each" and "meeting" ("each regularly scheduled Audit Committee meeting", "each of its
#: bimonthly meetings"), none of a meeting of shareholders, none a period ("each quarterly meeting" is quarterly).
_MEETING_WORDS = (
    r"(?:(?!(?:annual|shareholders?|stockholders?|general|quarterly|monthly|semi-?annual|bi-?annual|"
    r"yearly)\b)[\w-]+\s+){0,4}?"
)
#: Counts of briefings a year that name no period (eleven down to seven, then five: "at least five times a year", an
#: unseen reader's, read as no frequency at all, so "no longer says the audit committee is briefed quarterly").
SELDOM_COUNTED = (("eleven", 11), ("ten", 10), ("nine", 9), ("eight", 8), ("seven", 7), ("five", 5))


def _counted_rule(count: tuple[str, int]) -> Rule:
    """The briefing rule of a count a year that names no period (`SELDOM_COUNTED`): "at least five times a year"."""
    word, n = count
    return rule(
        f"briefing_frequency.{word}_times",
        rf"\b(?:{word}|{n})\s+times\s+(?:a|per|each|every)\s+(?:calendar\s+|fiscal\s+)?year\b",
        (word, str(n)),
        value=f"{word} times a year",
    )


#: A word of telling that takes the one told as its object, with its determiner ("inform the", "notifies our").
_TELLING_VERB = r"(?:inform|notify|apprise|alert|update|brief)(?:s|es|ed)?\s+(?:the|our|its)"
FREQUENCY_RULES: tuple[Rule, ...] = (
    rule(
        "briefing_frequency.monthly",
        # (not "bi-monthly": "at each of its bi-monthly meetings" is read as each meeting)
        r"(?<!bi-)\bmonthly\b|\b(?:every|each|per)\s+month\b|\b(?:twelve|12)\s+times\s+(?:a|per|each|every)\s+year\b",
        ("month", "twelve", "12"),
        value="monthly",
    ),
    *map(_counted_rule, SELDOM_COUNTED[:5]),
    rule(
        "briefing_frequency.six_times",
        r"\b(?:six|6)\s+times\s+(?:a|per|each|every)\s+(?:calendar\s+|fiscal\s+)?year\b|\bevery\s+(?:two|other)\s+months?\b",
        ("six", "6", "two", "other"),
        value="six times a year",
    ),
    *map(_counted_rule, SELDOM_COUNTED[5:]),
    rule(
        "briefing_frequency.quarterly",
        r"\bquarterly\b|\b(?:each|every|per)\s+(?:fiscal\s+)?quarter\b|"
        r"\b(?:four|4)\s+times\s+(?:a|per|each|every)\s+(?:calendar\s+|fiscal\s+)?year",
        ("quarter", "four", "4"),
        value="quarterly",
    ),
    rule(
        "briefing_frequency.three_times",
        r"\b(?:three|3)\s+times\s+(?:a|per|each|every)\s+(?:calendar\s+|fiscal\s+)?year\b",
        ("three", "3"),
        value="three times a year",
    ),
    rule(
        "briefing_frequency.semi_annual",
        r"\bsemi-?\s?annual(?:ly)?\b|\bbi-?annual(?:ly)?\b|\btwice\s+(?:a|per|each|every)\s+(?:calendar\s+|fiscal\s+)?"
        r"year\b|\bat\s+least\s+twice\b|\bevery\s+(?:six|6)\s+months\b|\b(?:at\s+least\s+)?(?:two|2)\s+(?:\w+\s+){0,2}?"
        r"(?:times|updates|reports|briefings|meetings|occasions|presentations|sessions)\s+(?:a|per|each|every|"
        r"during\s+the)\s+(?:calendar\s+|fiscal\s+)?year\b|\bhalf-?\s?yearly\b|\btwice\s+(?:yearly|annually)\b",
        ("annual", "twice", "six", "two", "half", "2", "6"),
        value="semi-annual",
    ),
    rule(
        "briefing_frequency.annual",
        _NOT_AFTER_SEMI
        + r"\bannually\b|"
        + _NOT_AFTER_SEMI
        + r"\bannual\s+basis\b|\b(?:at\s+least\s+)?(?:once|(?:one|1)\s+time)\s+"
        r"(?:a|per|each|every)\s+(?:calendar\s+|fiscal\s+)?year\b|"
        + _NOT_AFTER_SEMI
        + r"\byearly\b|\beach\s+annual\b|"
        + _NOT_AFTER_SEMI
        + r"\bannual\s+(?:report(?:s|ing)?\s+(?:to|from|on\s+(?!form\b))|reviews?|updates?|briefings?|presentations?)|"
        # ("receives an annual Information Security Services update": reader 32's restyle of "an ... update on an annual
        # basis", read as no longer briefed annually)
        + _NOT_AFTER_SEMI
        + r"\bannual\s+(?:[\w&-]+\s+){1,4}?(?:updates?|briefings?|presentations?)\b|"
        r"\b(?:each|every)\s+year\b|"
        # "the Board receives at least annual reporting, from ... management" (a reader's LCID edit)
        r"\bat\s+least\s+annual\s+(?:report(?:s|ing)?|reviews?|updates?|briefings?|presentations?)\b|"
        # "at least one update to the full board each year": the number of briefings a year, as "twice" is
        r"\bat\s+least\s+one\s+(?:[\w-]+\s+){0,2}?(?:updates?|briefings?|reports?|presentations?|sessions?)\b"
        r"[^.;]{0,80}?\b(?:each|every|per|a)\s+(?:calendar\s+|fiscal\s+)?year\b",
        ("annual", "once", "yearly", "year"),
        unless=None,
        value="annual",
        starts=("annually", "annual", "at", "once", "one", "1", "yearly", "each", "every"),
    ),
    rule(
        "briefing_frequency.each_meeting",
        r"\b(?:at|during)\s+(?:each|every|all)\s+(?:of\s+(?:its|their|the|our)\s+)?"
        + _MEETING_WORDS
        + r"meetings?\b|"
        r"\beach\s+" + _MEETING_WORDS + r"meeting\b",
        ("meeting",),
        value="each meeting",
    ),
    rule(
        "briefing_frequency.regular",
        # (not a meeting's: "informs the Chair ... at the Audit Committee's next regularly scheduled meeting", a
        # reader's biotech, read as briefed regularly)
        r"\bregular(?:ly)?\b(?!\s+scheduled)|\bperiodic(?:ally)?\b|\broutine(?:ly)?\b|\bon\s+an\s+ongoing\s+basis\b|"
        r"\brecurring\b",
        ("regular", "periodic", "routine", "ongoing", "recurring"),
        value="regular",
    ),
    rule(
        "briefing_frequency.as_needed",
        r"\bas\s+(?:needed|necessary|appropriate|warranted|required)\b|\bas\s+(?:determined|deemed)\s+(?:to\s+be\s+)?"
        r"(?:necessary|appropriate|advisable)\b|\bwhen\s+(?:needed|appropriate|necessary)\b|\bad\s+hoc\b|"
        r"\bmore\s+(?:frequently|often)\s+(?:as|if|when)\b|\b(?:where|when|if|as)\s+(?:it|they|management|we|the\s+\w+)\s+"
        r"(?:deems?|considers?|determines?|believes?)\s+(?:it\s+)?(?:to\s+be\s+)?(?:appropriate|necessary|advisable|warranted)",
        (
            "needed",
            "necessary",
            "appropriate",
            "warranted",
            "required",
            "advisable",
            "hoc",
            "frequently",
            "often",
        ),
        value="as needed",
    ),
    # told when something happens: "apprised of cybersecurity incidents deemed to have a moderate or higher
    # impact", "informed regarding security events based on established reporting thresholds", "depending on the
    # severity of the incident, the IRT communicates with ... the Audit Committee" (none where a period is stated:
    # "updated on incidents each quarter" is quarterly)
    rule(
        "briefing_frequency.on_event",
        r"\b(?:apprised|informed|notified|alerted|updated|briefed)\s+(?:promptly\s+|timely\s+|immediately\s+)?"
        r"(?:of|about|regarding|on|concerning)\s+(?:[\w-]+\s+){0,4}?(?:incidents?|events?|breach(?:es)?)\b|"
        # the one told as the object ("management would inform the Audit Committee of a material cybersecurity
        # incident": reader 41's active restyle of "the Audit Committee would be informed of ...", read as no briefing)
        r"\b" + _TELLING_VERB + r"\s+(?:full\s+)?(?:board|"
        r"(?:audit|risk|technology|cybersecurity|governance|nominating|finance|compliance)[\w\s&,-]{0,40}?committee)"
        r"\s+(?:of|about|regarding|concerning)\s+(?:[\w-]+\s+){0,4}?(?:incidents?|events?|breach(?:es)?)\b|"
        r"\bbased\s+on\s+(?:[\w-]+\s+){0,2}?(?:reporting|escalation|materiality|severity)\s+(?:thresholds?|criteria)\b|"
        r"\bdepending\s+on\s+(?:the\s+)?(?:severity|nature|significance|materiality)\b|"
        r"\b(?:promptly|immediately)\s+(?:informed|notified|escalated|reported|briefed|alerted|apprised)\b|"
        r"\bin\s+the\s+event\s+of\s+(?:a\s+|an\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:incidents?|breach)",
        (
            # (the participles, and the active verbs with what follows them: not "inform" of every "information")
            "apprise",
            "informed",
            "informs",
            "informes",
            "inform ",
            "notified",
            "notif",
            "alert",
            "update",
            "briefed",
            "briefs",
            "briefes",
            "brief ",
            "based",
            "depending",
            "promptly",
            "immediately",
            "event",
        ),
        value="as needed",
    ),
)
#: The briefing values that are periods.
PERIODS = {
    "monthly",
    *(f"{word} times a year" for word, _ in SELDOM_COUNTED),
    "six times a year",
    "quarterly",
    "three times a year",
    "semi-annual",
    "annual",
    "each meeting",
}
_TO_THE_EXTENT_RE = lazy_compile(r"to\s+the\s+extent", re.I)
_PERIODIC_FILING_RE = lazy_compile(
    r"periodic\s+reports?\b[^.;]{0,40}?(?:form|filing|sec\b|annual\s+report|10-k|20-f)", re.I
)
_EACH_ANNUAL_RE = lazy_compile(r"each\s+annual", re.I)
_ANNUAL_REPORT_RE = lazy_compile(
    r"annual\s+report\s+on\s+form|form\s+10-k|training|annual\s+(?:risk\s+)?assessment|"
    r"penetration|audit\s+plan|tabletop|exercise|each\s+year,?\s+we",
    re.I,
)
_NOT_EACH_YEAR_RE = lazy_compile(r"\b(?:each|every)\s+year\b", re.I)
#: A verb (or noun) of telling: someone is informed, not just meeting or reviewing.
TELLS_RE = lazy_compile(
    r"\b(?:report|updat|brief|inform(?!ation)|present(?!ative)|appris|communicat|escalat|elevat|notif)\w*",
    re.I,
)
#: The board (or a committee) informed by a committee: "the Audit Committee reports to the full Board".
_COMMITTEE_TELLS_BOARD_RE = lazy_compile(
    r"\bcommittee\b(?:\s*\([^)]{1,40}\))?(?:\s+chair(?:man|person)?)?,?\s+(?:(?:which|that|then|also|in\s+turn|"
    r"subsequently)\s+)*(?:\w+\s+){0,2}?(?:reports?|updates?|briefs?|informs?|communicates?|provides?\s+(?:\w+\s+){0,2}?"
    r"(?:reports?|updates?))\b[^.;]{0,60}?\b(?:the\s+|our\s+)?(?:full\s+|entire\s+)?board\b|"
    r"\bboard\b(?:\s+of\s+directors)?\s+(?:\w+\s+){0,2}?receives?\s+(?:\w+\s+){0,3}?(?:reports?|updates?|briefings?)"
    r"\s+from\s+(?:the\s+|its\s+)?(?:\w+\s+){0,4}?committee",
    re.I,
)
_BARE_TELLS_BOARD_RE = lazy_compile(
    r"^\s*(?:it\s+|which\s+)?(?:\w+ly\s+|also\s+|then\s+)*(?:reports?|updates?|briefs?|informs?|"
    r"communicates?|provides?)\b"
    r"[^.;]{0,60}?\b(?:the\s+|our\s+)?(?:full\s+|entire\s+)?board\b",
    re.I,
)
_TELLS_BOARD_NEAR_RE = lazy_compile(
    r"\b(?:reports?|updates?|briefs?|informs?|communicates?)\b(?:\s+\w+){0,3}?\s+(?:to\s+|with\s+)?"
    r"(?:the\s+|our\s+|its\s+)?(?:full\s+|entire\s+)?board\b",
    re.I,
)
#: Management named among the subjects: they inform the board, not (only) the committee.
_MANAGEMENT_SUBJECT = (
    r"\b(?:officers?|CISO|CIO|CSO|CTO|management|team|president|VP|director|head|executives?|leaders?)\b"
)
_FIRST_VERB_RE = lazy_compile(
    r"\b(?:receives?|reviews?|meets?|oversees?|is|are|has|have|reports?|provides?|discusses|"
    r"updates?|communicates?|monitors?|assists?)\b",
    re.I,
)
_SPLIT_CLAUSE_RE = lazy_compile(r";|,\s+and\s+|\.\s")
_IT_RE = lazy_compile(r"\s*it\s*", re.I)
#: A verb of telling before a committee's name: the committee is told, not telling ("The CISO provides the ...").
_TOLD_BEFORE_RE = lazy_compile(r"\b(?:provid|giv|present|send|deliver|brief|updat|inform|report)\w*\b", re.I)
_AND_THEN_RE = lazy_compile(r"\s(?:and|then)\s+(?:\w+ly\s+)?$", re.I)


def _only_told(s: str) -> bool:
    """Whether every word of telling in a sentence is in the passive ("is informed of incidents"): those it names are
    told, and tell no one."""
    tells = list(TELLS_RE.finditer(s))
    return bool(tells) and all(_PASSIVE_BEFORE_RE.search(s, max(0, m.start() - 30), m.start()) for m in tells)


_PASSIVE_BEFORE_RE = lazy_compile(r"\b(?:is|are|be|been|being|was|were)\s+(?:\w+ly\s+)?$", re.I)


def _near_period(s: str, start: int, end: int, found: list[tuple[int, str]]) -> bool:
    return any(v in PERIODS and abs(pos - start) <= 120 for pos, v in found)


#: The briefing frequencies, as values.
FREQUENCIES: tuple[str, ...] = tuple(dict.fromkeys(str(r.value) for r in FREQUENCY_RULES))
#: How often, as said of a briefing ("the board is now briefed twice a year"), where not the value itself.
HOW_OFTEN = {
    "semi-annual": "twice a year",
    "annual": "annually",
    "each meeting": "at each meeting",
    "regular": "regularly",
}
#: A second predicate of the body told of ("..., and it reports", "..., and the committee in turn briefs").
_AND_IT_RE = lazy_compile(
    r",\s+and\s+(?:it|the\s+committee|they)\b",
    re.I,
)
#: A board or committee named in a sentence ("the full Board of Directors", "the Audit Committee").
_BODY_RE = lazy_compile(
    r"\b(?:(?:the|our|its)\s+)?(?:full\s+|entire\s+)?board(?:\s+of\s+directors)?\b|\bcommittees?\b", re.I
)
_TO_BODY_RE = lazy_compile(r"\b(?:to|with)\s+(?:(?:the|our|its)\s+)?(?:[\w&'\u2019-]+\s+){0,5}$", re.I)
#: The words of a committee's name after "Board" ("the Board Operational Risk Committee", "the Board Risk Committee").
_NAMES_COMMITTEE_AFTER_RE = lazy_compile(r"(?:\s+[A-Z][\w&'\u2019-]*){1,5}?\s+Committee\b")
#: What ends the clause of a frequency's words ("meets twice a year with management, and reports to the Board":
#: the Board is told by the committee, not briefed twice a year).
_CLAUSE_BREAK_RE = lazy_compile(r"[,;]|\band\b", re.I)
_AT_LEAST_RE = lazy_compile(r"\b(?:at\s+least|no\s+less\s+(?:often|frequently)\s+than)\s+$", re.I)
#: How far from the frequency's words a body told ("to the Audit Committee") is taken as the one briefed.
_RECIPIENT_REACH = 60


_TELLING_VERB_RE = lazy_compile(_TELLING_VERB + r"\s", re.I)


def briefed(sentence: str, value: str) -> tuple[str | None, bool]:
    """Who a sentence stating a briefing frequency (`value`) has briefed, and whether "at least" qualifies it:
    ("the audit committee", True) for "The Audit Committee meets at least twice annually with management". The
    body is the one told ("to the Audit Committee", "with the Board") next to the frequency's words in its clause, else the board
    or committee named last before them (the subject: "The Audit Committee receives quarterly updates"), else first
    after; None when the sentence names none. For what a change says, not for reading the fact."""
    found = None
    for r in FREQUENCY_RULES:
        if r.value == value and (found := r.pattern.search(sentence)):
            break
    if found is None:
        return None, False
    at_least = "at least" in found.group(0).lower() or bool(
        _AT_LEAST_RE.search(sentence[max(0, found.start() - 30) : found.start()])
    )
    inside = [m.span() for m in _COMMITTEE_OF_BOARD_RE.finditer(sentence)]
    telling = _TELLING_VERB_RE.match(found.group(0)) is not None  # (the words of telling take the one told)
    told: tuple[int, re.Match[str]] | None = None  # (distance, body)
    before = after = None
    for m in _BODY_RE.finditer(sentence):
        if "committee" not in m.group(0).lower() and (
            any(a < m.end() <= b for a, b in inside) or _NAMES_COMMITTEE_AFTER_RE.match(sentence, m.end())
        ):
            continue  # the board of "a committee of our board", of "the Board Operational Risk Committee": the
            # committee is the body (reader 24's LC edit, its annual discussion read as the board's both years)
        distance = max(found.start() - m.end(), m.start() - found.end(), 0)
        gap = (
            sentence[m.end() : found.start()]
            if m.end() <= found.start()
            else sentence[found.end() : m.start()]
        )
        if (
            distance <= _RECIPIENT_REACH
            and (told is None or distance < told[0])
            and not _CLAUSE_BREAK_RE.search(gap)
            and _TO_BODY_RE.search(sentence[max(0, m.start() - 60) : m.start()])
        ) or (
            # the object of the words of telling themselves ("the CEO ... will inform the board of directors of an
            # incident", beside "management's Executive and Disclosure Committees" named before)
            telling and found.start() < m.start() < found.end()
        ):
            told = (distance, m)
        if m.start() < found.start():
            before = m
        elif after is None:
            after = m
    body = told[1] if told else before or after
    if body is None and (acronym := _TO_ACRONYM_RE.search(sentence)):
        # ("quarterly updates ... to RCSC", JNJ FY2024: a committee named by its acronym alone)
        return f"the {acronym.group(1)}", at_least
    return (None if body is None else _body_name(sentence, body)), at_least


#: A body told by its acronym alone, a committee's or a council's ("updates each year to RCSC").
_TO_ACRONYM_RE = lazy_compile(r"\b(?:to|with)\s+(?:the\s+|our\s+|its\s+)?(?!SEC\b)((?-i:[A-Z]{1,5}C))\b")


#: A board of statutory auditors, a body beside the board of directors ("Audit & Supervisory Board", "Board of Corporate
#: Auditors", "Supervisory Board").
_AUDITORS_BOARD_RE = lazy_compile(
    r"\b(?:audit\s*(?:&|and)\s*supervisory|supervisory|(?:statutory|corporate)\s+auditors['\u2019]?)\s+board\b|"
    r"\bboard\s+of\s+(?:corporate\s+|statutory\s+)?auditors\b",
    re.I,
)


def auditors_board_name(words: str) -> str:
    """ "audit and supervisory board" of "Audit & Supervisory Board"."""
    return " ".join(words.lower().replace("&", " and ").replace("\u2019", "'").split())


def _body_name(sentence: str, m: re.Match[str]) -> str | None:
    """ "the board", "the audit committee", "a committee of the board" for one the sentence does not name; None for
    "the Committee" (a name defined elsewhere: unknown here); "the audit and supervisory board", a board of statutory
    auditors."""
    if "committee" not in m.group(0).lower():
        auditors = _AUDITORS_BOARD_RE.search(
            sentence, max(0, m.start() - 40), min(len(sentence), m.end() + 40)
        )
        if auditors and auditors.start() <= m.start() < auditors.end():
            return f"the {auditors_board_name(auditors.group())}"
        return "the board"
    names = committee_names(sentence[: m.end()], None, unnamed=True)
    if names and names[-1]:
        return f"the {names[-1]}"
    return "a committee of the board" if _COMMITTEE_OF_BOARD_RE.match(sentence, m.start()) else None


class GovernanceReader:
    """Reads board oversight, management committees and briefing frequency."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.texts, self.lows = reading.index.texts, reading.index.lows
        self.low_of = dict(zip(self.texts, self.lows))
        self.mentions: dict[str, list[int]] | None = None
        self.levels: dict[str, bool] = {}
        self.acronym_names: dict[str, str] = {}
        self.title_acronyms: dict[str, str] | None = None
        self.management: frozenset[str] = (
            frozenset()
        )  # (the management committees, once `committees` read them)
        for i in reading.index.holding(("committee",)):
            if "(" in self.texts[i]:
                for m in COMMITTEE_ACRONYM_RE.finditer(self.texts[i]):
                    names = committee_names(self.texts[i][: m.start() + len("committee")])
                    self.acronym_names.setdefault(m.group(1), names[-1] if names else "")
        acronyms = sorted(self.acronym_names)
        self.acronyms = tuple(acronyms)
        self.acronym_re = (
            re.compile(r"(?-i:\b(" + "|".join(map(re.escape, acronyms)) + r")\b)") if acronyms else None
        )

    def committee_mentions(self) -> dict[str, list[int]]:
        """Committee name -> the sentences naming it (a short name the text defines counts as the full one)."""
        if self.mentions is None:
            self.mentions = {}
            sentences = sorted(self.r.index.holding(("committee",)))
            aliases: dict[str, str] = {}
            for i in sentences:
                text = self.texts[i]
                for m in _ACRONYM_COMMITTEE_RE.finditer(text):
                    full = committee_names(text[: m.end()])
                    if full:
                        aliases[f"{m.group(1).lower()} committee"] = full[-1]
                low = self.lows[i]
                for m in (
                    _REFER_TO_AS_RE.finditer(text) if low is None or "refer" in low or "call" in low else ()
                ):
                    full = committee_names(text[: m.end(1)])
                    short = committee_names(m.group(2))
                    if full and short:
                        aliases[short[-1]] = full[-1]
                if "(" in self.texts[i]:
                    for m in _ALIAS_RE.finditer(self.texts[i]):
                        full = committee_names(self.texts[i][: m.end(1)])
                        short = committee_names(m.group(2)) or (
                            [m.group(2).lower()] if m.group(2).lower() == "committee" else []
                        )
                        if full and short:
                            aliases[short[-1]] = full[-1]
            for i in sentences:
                for name in committee_names(self.texts[i], self.lows[i]):
                    name = aliases.get(name, name)
                    if i not in self.mentions.get(name, []):
                        self.mentions.setdefault(name, []).append(i)
            # "The RCC and ERMC both meet ... and receive periodic updates on cybersecurity": a defined acronym
            # alone names its committee
            if self.acronym_re is not None:
                for i in sorted(self.r.index.holding(self.acronyms, lower=False)):
                    for m in self.acronym_re.finditer(self.texts[i]):
                        acronym = m.group(1)
                        expanded = self.acronym_names.get(acronym)
                        named = aliases.get(expanded or "", expanded)
                        if (
                            named
                            and i not in self.mentions.get(named, [])
                            and not COMMITTEE_ACRONYM_RE.search(
                                self.texts[i], max(0, m.start() - 20), m.end() + 2
                            )
                        ):
                            self.mentions.setdefault(named, []).append(i)
                for places in self.mentions.values():
                    places.sort()
        return self.mentions

    def _short_names(self) -> None:
        """A management committee named short after its full name ("the Steering Committee", after the "Cybersecurity
        Steering Committee": a reader found one committee dissolved told as two) is that committee: where the short
        name's words end exactly one other name, named first, and neither is the board's."""
        mentions = self.committee_mentions()
        names = list(mentions)
        for short in names:
            words = short.split()
            longer = [n for n in names if n != short and n in mentions and n.split()[-len(words) :] == words]
            if (
                len(words) < 2
                or len(longer) != 1
                or min(mentions[longer[0]]) > min(mentions[short])
                or self.board_committee(short)
                or self.board_committee(longer[0])
            ):
                continue
            mentions[longer[0]] = sorted(set(mentions[longer[0]]) | set(mentions.pop(short)))

    def board_committee(self, name: str) -> bool:
        level = self.levels.get(name)
        if level is None:
            contexts = [(self.texts[i], self.lows[i]) for i in self.committee_mentions().get(name, [])]
            level = self.levels[name] = is_board_committee(name, contexts)
        return level

    def read(self) -> None:
        self.committees()
        self.management = frozenset(str(fv.value) for fv in self.r.values("management_committees"))
        self.board()
        briefing = self.r.index.holding(("board",)) | self.r.index.holding(("committee",))
        if self.acronyms:
            briefing = briefing | self.r.index.holding(self.acronyms, lower=False)
        for i in sorted(briefing):
            self.briefing(i)

    def committees(self) -> None:
        self._short_names()
        for name, places in self.committee_mentions().items():
            if name in ("management committee", "board committee", "executive committee") and not any(
                _GENERIC_COMMITTEE_RE.search(self.texts[i]) for i in places
            ):
                continue
            places = [i for i in places if not _former(name, self.texts[i])]
            if not places:
                continue  # only ever named as the body oversight moved away from
            if self.board_committee(name):
                oversight = [
                    i
                    for i in places
                    if has(self.lows[i], _OVERSIGHT_WORDS)
                    and OVERSIGHT_RE.search(self.texts[i])
                    or informs(self.texts[i], self.lows[i])
                ]
                if oversight:  # every sentence naming it states it (the first is the evidence)
                    for i in places:
                        self.r.add("board_oversight", name, i, COMMITTEE_OVERSEES.name)
            elif any(self.about_cyber(i) or self.beside_security_officer(i) for i in places):
                for i in places:
                    self.r.add("management_committees", name, i, MANAGEMENT_COMMITTEE.name)
        # a board of statutory auditors ("Audit & Supervisory Board", "Board of Corporate Auditors": a Japanese
        # filer's kansayaku board, an unseen reader's 20-F, whose move to an audit and supervisory committee read as
        # oversight added) oversees as a board committee does
        for i in sorted(self.r.index.holding(("board",))):
            s, low = self.texts[i], self.lows[i]
            if not (has(low, ("supervisory", "auditors")) and (OVERSIGHT_RE.search(s) or informs(s, low))):
                continue
            for m in _AUDITORS_BOARD_RE.finditer(s):
                if is_cyber(s) or has(low, ("information security", "risk")):
                    self.r.add("board_oversight", auditors_board_name(m.group()), i, COMMITTEE_OVERSEES.name)
        # a named council ("Cybersecurity Governance Council") is a management body
        for i in sorted(self.r.index.holding(("council",))):
            s = self.texts[i]
            if not is_cyber(s):
                continue
            for name in council_names(s):
                self.r.add("management_committees", name, i, MANAGEMENT_COMMITTEE.name)

    def about_cyber(self, i: int) -> bool:
        """Whether sentence i speaks of cybersecurity, or goes on with the one before that does by a pronoun ("Our
        cybersecurity governance structure has multiple levels. It begins with our Enterprise Risk Management
        Committee ...": reader 32's split of one sentence, whose committee was "no longer named")."""
        return is_cyber(self.texts[i]) or (
            i > 0 and GOES_ON_RE.match(self.texts[i]) is not None and is_cyber(self.texts[i - 1])
        )

    def beside_security_officer(self, i: int) -> bool:
        """Whether sentence i names a cybersecurity officer (as the people reader finds titles: "the CISO", "our
        CSO", or an acronym the text defines, 'Head of Cyber Defense ("HCD")') and tells the present ("Incidents
        are communicated to the CISO and ... the Ethics & Compliance Committee"). Such a sentence is about
        cybersecurity though it says none of its words; one telling the officer's past ("previously chaired the
        Risk Committee at Acme Bank") is not about this company's committees."""
        if self.title_acronyms is None:
            self.title_acronyms = defined_acronyms(self.r.index.sentences, self.lows)
        s, low = self.texts[i], self.lows[i]
        return any(is_cyber(title) for _, _, title in titles_in(s, self.title_acronyms, low)) and not (
            biography_spans(s, low)
        )

    def board(self) -> None:
        for i in sorted(BOARD_OVERSEES.candidates(self.r.index)):
            s, low = self.texts[i], self.lows[i]
            if not (has(low, _OVERSIGHT_WORDS) and has(low, ("cyber", "risk", "security"))):
                continue
            s = _COMMITTEE_OF_BOARD_RE.sub(
                "committee", s
            )  # "the Audit Committee of the Board oversees": the committee
            if BOARD_RE.search(s) and (
                any(not _COMMITTEE_CLAUSE_RE.search(m.group()) for m in BOARD_OVERSEES.pattern.finditer(s))
                # a committee overseeing for it ("a Technology Committee, which now oversees risks from cybersecurity
                # threats on behalf of the Board": reader 42's, the board "no longer said to oversee", as through a
                # committee it does)
                or "behalf" in s
                and _ON_BEHALF_OF_BOARD_RE.search(s) is not None
            ):
                self.r.add("board_oversight", "board of directors", i, BOARD_OVERSEES.name)
                return

    def briefing(self, i: int) -> None:
        s, low = self.texts[i], self.lows[i]
        if not informs(s, low) or _meets_only(s, low):
            return
        board = has(low, ("board",)) and bool(word_matches(BOARD_RE, s, low, ("board",)))
        acronym = (
            not board
            and self.acronym_re is not None
            and any(
                not self.acronym_names.get(a.group(1)) or self.board_committee(self.acronym_names[a.group(1)])
                for a in self.acronym_re.finditer(s)
            )
        )
        if not (
            board
            or acronym
            or has(low, ("committee",))
            and word_matches(COMMITTEE_RE, s, low, ("committee",), whole=False)
        ):
            return
        # a sentence naming only management committees tells of no briefing when it only has them meet or
        # review; a committee that reports does inform
        found = once("frequencies", s, lambda: self._frequencies(i))
        if found and not (board or acronym):
            names = committee_names(s, low, unnamed=True)
            if (
                names
                and self.management.issuperset(names)
                and (_TOLD_BEFORE_RE.search(s, 0, max(0, s.lower().find("committee"))) or _only_told(s))
            ):
                return  # management's own committee briefed, not reporting ("The CISO provides the Enterprise Risk
                # Committee, a management committee ..., with monthly reports": a reader's insurer, read as the board
                # briefed monthly; where the committee reports, as seed 002's "Compliance committee reports to our
                # senior management team on a semi-annual basis", its reading stays as it was), or told and telling
                # no one ("She chairs our Cybersecurity Steering Committee, ..., which meets monthly and is informed
                # of incidents": reader 36's, the board "briefed monthly")
            told = bool(TELLS_RE.search(s)) or any(
                not name or self.board_committee(name) for name in names or [""]
            )
            if not told:
                return
        periods = [(pos, v) for pos, v, _, _ in found]
        for pos, value, name, text in found:
            if value == "regular" and _near_period(s, pos, pos, periods):
                continue  # "regular updates, at least quarterly": quarterly
            if name == "briefing_frequency.on_event" and any(v in PERIODS for _, v in periods):
                continue  # "updated on incidents each quarter": quarterly
            if (
                value == "annual"
                and _NOT_EACH_YEAR_RE.fullmatch(text)
                and any(v in PERIODS and v != "annual" for _, v in periods)
            ):
                continue  # "quarterly updates each year": quarterly
            self.r.add("briefing_frequency", value, i, name)

    def _frequencies(self, i: int) -> list[tuple[int, str, str, str]]:
        """(position, value, rule, words) of each frequency sentence i states (the first of each rule), wherever
        it speaks of briefing (a pure function of the sentence)."""
        s = self.texts[i]
        found: list[tuple[int, str, str, str]] = []
        for r in FREQUENCY_RULES:
            for m in r.matches(self.r.index, i):
                if r.value == "as needed" and _TO_THE_EXTENT_RE.search(s[max(0, m.start() - 25) : m.start()]):
                    continue
                if r.value == "regular" and _PERIODIC_FILING_RE.match(s[m.start() :]):
                    continue
                context = s[max(0, m.start() - 40) : m.end() + 40]
                if (
                    r.value == "annual"
                    and not _EACH_ANNUAL_RE.match(m.group(0))
                    and _ANNUAL_REPORT_RE.search(context)
                ):
                    continue
                if (
                    r.value == "annual"
                    and _NOT_EACH_YEAR_RE.fullmatch(m.group(0))
                    # (the telling up to 120 characters before: "Our CISO reports to the Board of Directors on
                    # cybersecurity each year")
                    and not TELLS_RE.search(s, max(0, m.start() - 120), m.end() + 40)
                    # (opening the sentence it is the sentence's own period, as "annually" is: "Each year, the Audit
                    # Committee ... also reviews ...", reader 29's restyle of "... also annually reviews ...")
                    and s[: m.start()].strip()
                ):
                    continue
                if self._committee_to_board(s, m.start()):
                    continue  # the committee's report to the full board, not management's briefing
                if _meeting_only(s, m.start()):
                    continue  # how often a committee meets, beside a briefing the sentence tells of elsewhere
                found.append((m.start(), str(r.value), r.name, m.group(0)))
                break
        return found

    def _names_management(self, text: str, at_end: bool = False) -> bool:
        """Whether text (any case, any spacing) names one of management's own committees (ends with one, `at_end`)."""
        low = " ".join(text.lower().split())
        return any(low.endswith(name) if at_end else name in low for name in self.management)

    def _committee_to_board(self, s: str, pos: int) -> bool:
        """Whether the frequency at pos belongs to a clause in which a committee reports to the board."""
        starts = [0] + [m.end() for m in _SPLIT_CLAUSE_RE.finditer(s) if m.end() <= pos]
        clause_start = starts[-1]
        end_m = _SPLIT_CLAUSE_RE.search(s, pos)
        clause = s[clause_start : end_m.start() if end_m else len(s)]
        near = _TELLS_BOARD_NEAR_RE.search(s, max(0, pos - 60), min(len(s), pos + 120))
        if near and pos < near.start() and _AND_IT_RE.search(s, pos, near.start()):
            # the committee's first predicate, its own report to the board a second ("The Audit Committee receives a
            # report on our Advisor's cybersecurity program at least annually, and it reports on such matters to the
            # full Board": reader 38's REIT, its yearly briefing lost)
            near = None
        if near:
            verb = _FIRST_VERB_RE.search(s)
            subject = s[: verb.start()] if verb else ""
            if (
                # ("It reports to the full Board as appropriate": "it", a body told of before, never an officer)
                (re.search(r"\bcommittee\b", subject, re.I) or _IT_RE.fullmatch(subject))
                and not re.search(_MANAGEMENT_SUBJECT, subject, re.I)
                # (not management's own committee, whose chair reports to the board: "The Chair of the Data Security
                # Governance Committee reports the committee's activities to the Board ..., as appropriate", reader
                # 27's restyle of "The activities of ... are reported to the Board ... by the Chair of the committee")
                and not self._names_management(subject)
                and (
                    not re.search(
                        _MANAGEMENT_SUBJECT, between := s[verb.end() : near.start()] if verb else "", re.I
                    )
                    # "receives updates from management ... and reports to the full Board as appropriate": the
                    # committee's second predicate, where the frequency is (not "at each of its quarterly meetings")
                    or pos >= near.start()
                    and _AND_THEN_RE.search(between)
                )
            ):
                return True
        m = _COMMITTEE_TELLS_BOARD_RE.search(clause)
        if not m:
            # ", and periodically reports to the Board": the clause goes on with the sentence's subject
            if _BARE_TELLS_BOARD_RE.match(clause) and clause_start > 0:
                verb = _FIRST_VERB_RE.search(s)
                subject = s[: verb.start()] if verb else s[:clause_start]
                return bool(re.search(r"\bcommittee\b", subject, re.I)) and not re.search(
                    _MANAGEMENT_SUBJECT, subject, re.I
                )
            return False
        # management named as the one who reports in the clause ("the CISO reports to the Committee, which ..."),
        # not in the name of a board committee that does ("the Risk Management Committee reports to the board of
        # directors as necessary", the board's own: reader 26's 20-F, read as the board newly briefed as needed)
        lead = clause[: m.start()]
        head = clause[: m.start() + len("committee")]
        if self._names_management(head, at_end=True):
            return False  # management's own committee reporting (its chair: reader 27's restyle)
        if not _REPORTER_RE.search(lead):
            return True
        names = committee_names(head, None)
        if not names or not self.board_committee(names[-1]):
            return False
        named = re.compile(r"\s+".join(map(re.escape, names[-1].split()[:-1])) + r"\s*$", re.I)
        return not _REPORTER_RE.search(named.sub("", lead))


#: Who in a clause reports as management (`GovernanceReader._committee_to_board`).
_REPORTER_RE = lazy_compile(r"\b(?:officer|CISO|CIO|CSO|management|team|head|director|president)\b", re.I)


def _meeting_only(s: str, pos: int) -> bool:
    """Whether the frequency at pos is how often a body meets, in a clause that tells no one of anything and names
    no officer, beside another clause of the sentence that does tell ("The committee meets six times a year, and our
    Chief Information Security Officer briefs the committee quarterly": a reader's hospital operator, whose meetings
    read as the board briefed six times a year). A meeting with management ("meets quarterly with the CISO") or a
    report at it ("meets quarterly and receives a report from the CISO") stays a briefing."""
    # (clauses split at ", and", ";", and at "and" before a verb of telling: "These committees generally meet monthly
    # or every other month and report to the Data Security and Privacy Governance Committee", HD FY2024, held out)
    starts = [0] + [m.end() for m in _MEETING_CLAUSE_RE.finditer(s) if m.end() <= pos]
    end = _MEETING_CLAUSE_RE.search(s, pos)
    clause = s[starts[-1] : end.start() if end else len(s)]
    return (
        bool(_MEETS_RE.search(clause))
        and not TELLS_RE.search(clause)
        and not re.search(_MANAGEMENT_SUBJECT, clause, re.I)
        and bool(TELLS_RE.search(s))
    )


def _meets_only(s: str, low: str | None) -> bool:
    """Whether a sentence only has a body named meet, of nothing cybersecurity's: "The Audit Committee generally meets
    quarterly" (an added sentence read as the committee now briefed quarterly), "Our Board meets at least five times a
    year". A meeting with management ("meets quarterly with the CISO"), one of a body named for the subject ("the
    Technology and Cybersecurity Committee meets quarterly", "the Audit and Risk Committee") or of one told of before
    ("The Committee meets quarterly"), and one at which anything is reported or reviewed, stay briefings."""
    low = s.lower() if low is None else low
    if "meet" not in low and "conven" not in low:
        return False
    if any(map(low.__contains__, _MEETING_SUBJECT_WORDS)) or TELLS_RE.search(s) or not _MEETS_RE.search(s):
        return False
    if re.search(_MANAGEMENT_SUBJECT, s, re.I):
        return False
    names = committee_names(s, low, unnamed=True)
    return all(names) and bool(names or BOARD_RE.search(s))


#: What makes a meeting one on cybersecurity, named in its sentence or the body's name; and the other words of
#: being told or looking at something (`_INFORM_WORDS` but "meet"), which make it a briefing.
_MEETING_SUBJECT_WORDS = (
    "cyber",
    "security",
    "technolog",
    "information",
    "privacy",
    "data",
    "risk",
    "incident",
    "threat",
    "these",
    "such",
    "this",
    *(w for w in _PLAIN_INFORM_WORDS if w != "meet"),
)


#: Where the clause of a meeting ends: `_SPLIT_CLAUSE_RE`'s breaks, and "and" before a verb of telling.
_MEETING_CLAUSE_RE = lazy_compile(
    r";|,\s+and\s+|\.\s|\s+and\s+(?=(?:\w+ly\s+|also\s+|then\s+)?(?:reports?|updates?|briefs?|informs?|presents?|"
    r"provides?)\s+(?:to|on)\b)",
    re.I,
)
#: A body meeting ("meets", "convenes").
_MEETS_RE = lazy_compile(r"\b(?:meets?|met|convenes?|convened)\b", re.I)


def directors_expertise(text: str) -> bool:
    """Whether a sentence tells of directors' cybersecurity (or technology) expertise (what the differ ranks added or
    removed; a director's certifications are no one's responsible): "Two members of the Audit Committee have
    professional experience in information technology and cybersecurity", "Our board includes a director with a
    background in cybersecurity" (not an officer's: "our Director of IT Security has ...")."""
    low = text.lower()
    return (
        ("director" in low or "member" in low or "board" in low or "committee" in low)
        and any(map(low.__contains__, _EXPERTISE_WORDS))
        and any(map(low.__contains__, _CYBER_EXPERTISE_WORDS))
        and DIRECTORS_RE.search(text) is not None
    )


_EXPERTISE_WORDS = (
    "expertise",
    "experience",
    "background",
    "knowledge",
    "skill",
    "qualif",
    "certif",
    "former",
)
_CYBER_EXPERTISE_WORDS = ("cyber", "security", "information technology", "technology", "information officer")


ALL_RULES = (COMMITTEE_OVERSEES, BOARD_OVERSEES, MANAGEMENT_COMMITTEE, *FREQUENCY_RULES)
