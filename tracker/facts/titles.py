"""Titles of officers: how they are written, found and normalised, and the rules that make one responsible.

"CISO", "Chief Information Security Officer" and "our Chief Information Security Officer ("CISO")" are one
title; "Sr. Director" is "Senior Director"; a company's name or "our" is no part of a title.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from operator import itemgetter

from tracker.facts.rules import rule
from tracker.facts.text import Sentences, has, hint_text, matches_at, word_starts
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import clean_inline, once

ABBREVIATIONS = {
    "CISO": "Chief Information Security Officer",
    "CSO": "Chief Security Officer",
    "CIO": "Chief Information Officer",
    "CTO": "Chief Technology Officer",
    "CFO": "Chief Financial Officer",
    "CEO": "Chief Executive Officer",
    "CRO": "Chief Risk Officer",
    "CPO": "Chief Privacy Officer",
    "CDO": "Chief Data Officer",
    "CCO": "Chief Compliance Officer",
    "COO": "Chief Operating Officer",
    "CDPO": "Chief Data Protection Officer",
    "CTSO": "Chief Technology and Security Officer",
    "CCPO": "Chief Compliance and Privacy Officer",
    "CISRO": "Chief Information Security and Risk Officer",
    "CIRO": "Chief Information Risk Officer",
    "CSIO": "Chief Security and Information Officer",
    "CDIO": "Chief Digital and Information Officer",
    "CTPO": "Chief Trust and Privacy Officer",
    "CLO": "Chief Legal Officer",
    "DPO": "Data Protection Officer",
    "CTrO": "Chief Trust Officer",
    "CAO": "Chief Accounting Officer",
    "CAE": "Chief Audit Executive",
    "CIAO": "Chief Internal Audit Officer",
    # an outside provider's CISO, as small filers name one (a reader's small reporting company: "the vCISO")
    "vCISO": "Virtual Chief Information Security Officer",
}
#: Abbreviated words inside titles.
_WORD_ABBREVIATIONS = {
    "VP": "Vice President",
    "SVP": "Senior Vice President",
    "EVP": "Executive Vice President",
    "Sr": "Senior",
    "Sr.": "Senior",
    "Exec.": "Executive",
    "Dir.": "Director",
    "Mgr": "Manager",
    "Mgr.": "Manager",
    "Asst.": "Assistant",
    "Info.": "Information",
}
_ACRONYM = r"(?-i:\b(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b)"
#: Words of titles and functions, never of a personal name.
NOT_NAME_WORDS = frozenset(
    "security information technology cybersecurity cyber risk privacy data operations "
    "engineering compliance legal audit digital global product infrastructure officer "
    "president director management governance trust safety protection chief senior "
    "executive vice head manager general counsel".split()
)
#: ... and more words a title may go on with after a comma ("Vice President, Investor Relations, ...").
TITLE_PART_WORDS = NOT_NAME_WORDS | frozenset(
    "investor relations business development corporate enterprise strategy strategic systems finance financial "
    "human resources customer success quality services solutions platform platforms network networks cloud "
    "software hardware applications analytics intelligence affairs public internal controls assurance "
    "architecture transformation innovation research administration general chief senior executive "
    "it information technologies operational resilience continuity".split()
)
_TITLE_PART_ALT = "|".join(sorted(TITLE_PART_WORDS))
#: A personal name set off by a comma after a title ("Vice President of Information Security, Jordan Avery,"):
#: two or three capitalised words, none a word of titles, then the end of the apposition. A title does not run
#: on over it.
_APPOSED_NAME_AHEAD = (
    r"(?!(?-i:(?:(?!(?i:" + _TITLE_PART_ALT + r")\b)[A-Z][a-z'-]+\s+"
    r"(?:[A-Z]\.\s+)?){1,2}(?!(?i:" + _TITLE_PART_ALT + r")\b)[A-Z][a-z'-]+"
    r"(?:\s*[,;:().]|\s*$|\s+[a-z])))"
)
#: A title of its own ahead ("Senior VP Global IT Operations and IT Security Director"): a run stops before it.
_ANOTHER_TITLE_AHEAD = (
    r"(?!(?:(?:[A-Z][\w&-]*|IT)\s+){0,4}(?:Director|Officer|Manager|President|Head|Counsel)\b)"
)
_CAP_RUN = (
    r"(?-i:[A-Z][\w&-]*(?:(?:,\s*(?:and\s+)?"
    + _APPOSED_NAME_AHEAD
    + _ANOTHER_TITLE_AHEAD
    + r"|\s+and\s+"
    + _ANOTHER_TITLE_AHEAD
    + r"|\s+&\s+"
    + _ANOTHER_TITLE_AHEAD
    + r"|\s+\+\s+"  # ("EVP of Cloud + AI": a division named with a plus, as with "&")
    + _ANOTHER_TITLE_AHEAD
    + r"|\s+of\s+|\s+)(?:[A-Z][\w&-]*|IT))*)"
)
_RANK = r"(?:\b(?:senior|sr\.?|executive|assistant|group|corporate|global|deputy|associate)\s+)*"
#: The words of a title held by a stand-in while the post is vacant ("Acting Chief Information Security Officer").
_STAND_IN_WORDS = r"interim|acting"
_INTERIM = r"(?:\b(?:" + _STAND_IN_WORDS + r")\s+)?"
_STAND_IN_RE = lazy_compile(r"(?:" + _STAND_IN_WORDS + r")\b", re.I)
#: "chief ... officer" without running over an inner "officer" ("Chief Engineering Officer and acting Chief
#: Trust Officer" is two titles).
_CHIEF_OFFICER = r"\bchief(?:\s+(?!officer\b|chief\b)[\w&/-]+,?){1,6}?\s+officer\b(?!s)"
_FUNCTION = r"(?:security|cybersecurity|cyber\s+security|technology|information\s+technology|IT|risk|privacy)"
TITLE_RE = lazy_compile(
    _INTERIM
    + _RANK
    + r"\bvice\s+president\s+and\s+"
    + _CHIEF_OFFICER[2:]
    + r"|"
    + _INTERIM
    + r"(?:\b(?:global|group|deputy|corporate|divisional|regional|enterprise|field)\s+)?"
    + _CHIEF_OFFICER
    + r"|"
    + _INTERIM
    + _RANK
    + r"(?:\bvice\s+president\b|(?-i:\b[SE]?VP\b))"
    r"(?:(?:,\s*" + _APPOSED_NAME_AHEAD + r"|\s+of\s+|\s+for\s+|\s+-\s+|\s+)" + _CAP_RUN + r")?"
    # (and the function words after the first: "Head of IT Security" was "Head of IT"; "Head of Cyber Defense", an
    # unseen reader's, no title)
    r"|\b(?:global\s+)?head\s+of\s+(?:the\s+)?(?:[\w-]+'s\s+)?(?:[\w&-]+\s+){0,4}?"
    r"(?:security|cybersecurity|technology|information\s+technology|IT|risk|division|department|operations|"
    r"engineering|infrastructure|defen[cs]e|resilience)\b"
    r"(?:\s+(?:security|cybersecurity|risk|operations|engineering|infrastructure|defen[cs]e|resilience)\b)*"
    r"|"
    + _INTERIM
    + _RANK
    + r"\b(?:director|manager)(?:\s+of\s+|,\s*|\s+-\s+|\s+\u2013\s+)(?:the\s+)?(?-i:(?:IT|[A-Z][\w&-]*)"
    r"(?:(?:\s+and\s+|\s+&\s+|\s+of\s+|\s+)(?:[A-Z][\w&-]*|IT))*)"
    r"|" + _INTERIM + _RANK + r"\b(?:director|manager)(?:\s+of|,)\s+(?:[\w&-]+\s+){0,3}?" + _FUNCTION + r"\b"
    r"(?:\s+(?:and|&)\s+(?:[\w&-]+\s+){0,2}?" + _FUNCTION + r"\b)?"
    r"|"
    + _INTERIM
    + _RANK
    + r"(?-i:\b(?:(?:IT|Information|Cyber)\s+)?(?:IT|Information\s+Technology|Information\s+Security|"
    r"Information\s+Systems|Cybersecurity|Cyber\s+Security|Security|Technology)\s+(?:Director|Manager)\b)"
    r"|"
    # (with its rank: "Jordan Pace, our Deputy Information Security Officer": reader 45's bank, read as the departed
    # officer's own title)
    + _INTERIM
    + _RANK
    + r"\b(?:cyber\s*security|information\s+security|security|data\s+protection|(?:data\s+)?privacy)\s+officer\b(?!s)"
    r"|(?-i:\b(?:Chief\s+|Senior\s+|Lead\s+|Principal\s+)?(?:(?!(?:The|Our|Its|Their|An?|This|That|Each|Any)\b)[A-Z][\w&-]*\s+){0,2}(?:Information|Security|Cybersecurity|IT|"
    r"Technology|Systems|Data|Privacy)\s+(?:[A-Z][\w&-]*\s+){0,2}?(?:Representative|Lead|Leader|Architect|Specialist|"
    r"Administrator|Coordinator)\b)"
    r"|\bgeneral\s+counsel\b|(?-i:\bPresident\s+(?:of|for)\s+(?:the\s+)?" + _CAP_RUN + r")"
    r"|" + _INTERIM + _RANK + _ACRONYM,
    re.I,
)
#: A title match starts with one of these words (lower-cased) ...
TITLE_FIRST_WORDS = frozenset(
    "senior sr executive assistant group corporate global deputy associate interim acting "
    "divisional regional enterprise field lead principal technology systems "
    "vice chief head director manager cyber cybersecurity information security data "
    "privacy general president it".split()
)
#: ... or with one of these (case-sensitive).
TITLE_FIRST_TOKENS = frozenset(["VP", "SVP", "EVP", "IT", *ABBREVIATIONS])
#: A title needs one of these words (lower-cased), one of TITLE_CASED_WORDS (as written: the capitalised
#: "Information Security Lead"), or a match of TITLE_UPPER_HINT_RE (VP, acronyms).
TITLE_WORDS = ("officer", "president", "head", "counsel", "director", "manager")
TITLE_CASED_WORDS = ("Representative", "Lead", "Architect", "Specialist", "Administrator", "Coordinator")
TITLE_UPPER_HINT_RE = lazy_compile(r"VP|C[A-Z]{1,4}O|C[A-Z]r?O|DPO|CAE")
_SMALL_WORDS = {"of", "and", "for", "the", "&", "to", "in", "on"}
_KEEP_UPPER = {"IT", "AI", "IBM", "AWS"}
_DEFINED_ACRONYM_RE = lazy_compile(
    r"(\bchief(?:\s+(?!officer\b)[\w&/-]+,?){1,6}?\s+officer|\b(?:data\s+protection|security|"
    r"(?:data\s+)?privacy)\s+officer|\bvice\s+president(?:(?!chief)[^()\"]){0,80}?)\s*\(\s*[\"'\u201c]?"
    r"((?-i:[A-Z]{2,6}|[SE]?VP,?\s+[A-Z]{2,6}))[\"'\u201d]?\s*\)",
    re.I,
)
_WHITESPACE_RE = lazy_compile(r"\s+")
_DETERMINER_RE = lazy_compile(r"(?i:the|our|its|their|a|an)")
_POSSESSIVE_RE = lazy_compile(r"['\u2019]s?$")
#: "Vice President of Information Security of Globex": the second "of" starts a company's name.
_SECOND_OF_RE = lazy_compile(r"^(.+?\bof\b.+?)\s+of\s+(\S+)")


def normalize_title(raw: str, acronyms: dict[str, str] | None = None) -> str:
    """Expanded abbreviations, title case, no article, no possessive company name."""
    text = clean_inline(raw).strip(" ,.;:\"'()\u201c\u201d")
    if acronyms and text in acronyms:
        text = acronyms[text]
    elif text in ABBREVIATIONS:
        text = ABBREVIATIONS[text]
    else:  # "interim CSO"
        words_out: list[str] = []
        for w in text.split():
            expanded = ((acronyms or {}).get(w) or ABBREVIATIONS.get(w, w)).split()
            # "Group CISO" where the text defines the CISO as its "Group Chief Information Security Officer": the
            # words said before it once (a reader found "Group Group Chief ...")
            # (in any case: "our interim CISO", the CISO defined as the "interim Chief Information Security Officer",
            # was the "Interim Interim ...", a reader's drug maker)
            k = min(len(words_out), len(expanded) - 1)
            while k and [w.lower() for w in words_out[-k:]] != [w.lower() for w in expanded[:k]]:
                k -= 1
            words_out += expanded[k:]
        text = " ".join(words_out)
    m = _SECOND_OF_RE.match(text)
    if m and m.group(2).strip(",.").lower() not in TITLE_PART_WORDS:
        text = m.group(1)
    text = " ".join(
        _WORD_ABBREVIATIONS.get(word.rstrip(","), word.rstrip(",")) + ("," if word.endswith(",") else "")
        for word in _WHITESPACE_RE.split(text)
    )
    words: list[str] = []
    for word in _WHITESPACE_RE.split(text):
        if (
            _DETERMINER_RE.fullmatch(word)
            or _POSSESSIVE_RE.search(word)
            and word[:1].isupper()
            and word.lower().rstrip("'\u2019s") not in TITLE_PART_WORDS
        ):
            continue
        if word == "&":
            words.append("and")
        elif word.upper() in _KEEP_UPPER and word.isupper():
            words.append(word)
        elif word.lower() in _SMALL_WORDS and words:
            words.append(word.lower())
        else:
            words.append(
                "-".join(
                    p[:1].upper() + p[1:].lower() if p.islower() or p.istitle() or p.isupper() else p
                    for p in word.split("-")
                )
            )
    return " ".join(" ".join(words).split()).rstrip(",")


_COMPOUND_RE = lazy_compile(
    r"^((?:(?:Interim|Acting|Senior|Executive|Assistant|Group|Corporate|Global|Deputy|Associate)\s+)*"
    r"Vice\s+President)\s+and\s+((?:Interim\s+|Acting\s+)?Chief\b.*)$"
)


def split_titles(title: str) -> list[str]:
    """The titles a compound title holds: "Executive Vice President and Chief Information Officer" is two."""
    m = _COMPOUND_RE.match(title)
    return [m.group(1), m.group(2)] if m else [title]


@functools.lru_cache(maxsize=4096)  # (titles are few: most are keyed again and again, whatever the filer)
def title_key(title: str) -> str:
    """What two ways of writing one title share ("Vice President, Security" = "Vice President of Security")."""
    return " ".join(w for w in _KEY_WORD_RE.findall(title.lower()) if w not in _KEY_SKIPPED)


_KEY_WORD_RE = lazy_compile(r"[a-z0-9]+")
_KEY_SKIPPED = frozenset(("of", "the", "and", "for"))


_ACRONYM_DEFINED_AFTER_RE = lazy_compile(
    r"\s*\(\s*(?:the\s+)?[\"'\u201c]?((?-i:[A-Z][A-Za-z]{1,5}|[SE]?VP,?\s+[A-Z]{2,6}|"
    # a short form of the title ('Vice President of Security and Privacy Engineering (the "VP of Security")': an
    # unseen reader's form-only edit, read as the title narrowed)
    r"(?:[SE]?VP|Head|Chief|Director)\s+(?:of|for)\s+[A-Z][\w&/-]*(?:\s+(?:and|&|[A-Z][\w&/-]*)){0,3}))"
    r"[\"'\u201d]?\s*\)"
)


def defined_acronyms(sentences: Sentences, lows: list[str | None]) -> dict[str, str]:
    """Acronyms the text defines for titles: 'Global Chief Information Security Officer ("CISO")'."""
    out: dict[str, str] = {}
    for i, (_, s) in enumerate(sentences):
        if "(" not in s or not may_name_title(s, lows[i]):
            continue
        # (a pure function of the sentence: once per block)
        for acronym, title in once("defined_acronyms", s, lambda: _acronyms_defined_in(s, lows[i])):
            out.setdefault(acronym, title)
    return out


def _acronyms_defined_in(s: str, low: str | None) -> list[tuple[str, str]]:
    """(acronym, title) of every title acronym one sentence defines, in order."""
    out: list[tuple[str, str]] = []
    previous = None
    for m in title_matches(s, low):
        d = _ACRONYM_DEFINED_AFTER_RE.match(s, m.end())
        if d and _CERTIFIED_BEFORE_RE.search(s, max(0, m.start() - 12), m.start()):
            d = None  # "Certified Information Security Manager (CISM)": a certification, no title
        if d and d.group(1) != m.group(0):
            parts = split_titles(normalize_title(m.group(0)))
            acronym = d.group(1)
            chief = acronym.startswith("C") and acronym.endswith("O")
            if (
                chief
                and previous is not None
                and _AND_BETWEEN_RE.fullmatch(s, previous.end(), m.start())
                and previous.group(0).lower().startswith("chief")
            ):
                # "Chief Information Digital Officer and Senior Vice President, IT (CIDO)": the chief officer
                out.append((acronym, normalize_title(previous.group(0))))
            else:
                # "Assistant Vice President and Chief Information Security Officer (CISO)": CISO is the chief
                # officer ("our Deputy CISO" is no vice president)
                out.append((acronym, parts[-1] if len(parts) > 1 and chief else " and ".join(parts)))
        previous = m
    return out


_AND_BETWEEN_RE = lazy_compile(r",?\s+and\s+")


def may_name_title(s: str, low: str | None) -> bool:
    """Whether a sentence may name a title at all (the title pattern's prefilter)."""
    return (
        low is None
        or has(low, TITLE_WORDS)
        or any(map(s.__contains__, TITLE_CASED_WORDS))
        or bool(TITLE_UPPER_HINT_RE.search(s))
    )


def title_matches(s: str, low: str | None = None) -> list[re.Match[str]]:
    """Exactly TITLE_RE.finditer(s), tried only where a title can start (`low` is s's hint_text, or None). Worked
    out once per `shared_work` block, as the acronyms a text defines and its titles both read them: the list is
    shared, never to be changed."""
    return once("title_matches", s, lambda: _title_matches(s, low))


def _title_matches(s: str, low: str | None) -> list[re.Match[str]]:
    if low is None:
        low = hint_text(s)
        if low is None:
            return list(TITLE_RE.finditer(s))
    if not may_name_title(s, low):
        return []
    starts = word_starts(s, low, TITLE_FIRST_WORDS)
    if TITLE_UPPER_HINT_RE.search(s):
        starts += word_starts(s, s, TITLE_FIRST_TOKENS)
    return matches_at(TITLE_RE, s, starts)


_CERTIFIED_BEFORE_RE = lazy_compile(r"\bcertified\s+$", re.I)


def stand_in(title: str) -> str | None:
    """ "acting" or "interim" when a (normalised) title is held by a stand-in ("Acting Chief Information Security
    Officer"), else None."""
    m = _STAND_IN_RE.match(title)
    return m.group(0).lower() if m else None


def titles_in(
    s: str, acronyms: dict[str, str], low: str | None = None, norm: Callable[[str], str] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, normalised title) of every title of the sentence."""
    if norm is None:
        norm = lambda raw: normalize_title(raw, acronyms)  # noqa: E731
    # "Certified Chief Information Security Officer" names a certification, held by no one
    out: list[tuple[int, int, str]] = []
    matches = title_matches(s, low)
    defined = document_acronyms_re(acronyms)
    if defined is not None:  # an acronym the text defines ("our CIDO"), where no title pattern matches
        taken = [(m.start(), m.end()) for m in matches]
        extra = [m for m in defined.finditer(s) if not any(a < m.end() and m.start() < b for a, b in taken)]
        matches = sorted(matches + extra, key=lambda m: m.start())
    for m in matches:
        if _CERTIFIED_BEFORE_RE.search(s, max(0, m.start() - 12), m.start()):
            continue
        if out and _ACRONYM_DEFINED_AFTER_RE.fullmatch(
            s, out[-1][1], s.find(")", m.end()) + 1 if ")" in s[m.end() :] else m.end()
        ):
            continue  # the acronym defined right after a title is the same title
        out.append((m.start(), m.end(), norm(m.group(0))))
    return out


def document_acronyms_re(acronyms: dict[str, str]) -> re.Pattern[str] | None:
    """A pattern of the title acronyms a text defines that no title pattern knows ("CIDO"), or None."""
    own = tuple(
        sorted(
            (a for a in acronyms if a not in ABBREVIATIONS and re.fullmatch(r"[A-Z]{2,6}", a)),
            key=len,
            reverse=True,
        )
    )
    return _acronyms_re(own) if own else None


@functools.cache
def _acronyms_re(acronyms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, acronyms)) + r")\b")


# ---- which titles the sentence makes responsible -------------------------------------------------------------
#: The rules of responsibility (each names the words it needs); see responsible_titles_in for how they apply.
RESPONSIBLE_RULES = (
    rule(
        "responsible_titles.is_responsible",
        r"\b(?:(?:is|are|remains?|being)\s+(?:\w+\s+){0,2}?(?:responsible|accountable|in\s+charge)|"
        r"(?:has|have|holds?|bears?)\s+(?:\w+\s+){0,2}?(?:responsibility|oversight)|responsible\s+for|"
        r"(?:is|are)\s+(?:\w+\s+){0,2}?(?:charged|tasked)\s+with)",
        ("responsib", "accountable", "charge", "tasked", "oversight"),
        doc="the title, then 'is responsible for', 'has responsibility', 'is charged with'",
    ),
    rule(
        "responsible_titles.leads",
        r"^\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*(?-i:[A-Z][a-z'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'-]+)\s*,\s*)?"
        r"(?:,\s*who\s+)?(?:also\s+|currently\s+|directly\s+)?(?:\w+s\s+and\s+)?"
        # ("our Chief Information Security Officer implements our cybersecurity risk management program": an unseen
        # reader's, whose external CISO went unread)
        r"(?:leads|heads|oversees|manages|directs|runs|supervises|chairs|coordinates|owns|governs|implements|"
        # ("our Chief Operating Officer, Lucia Ferrante, has led our cybersecurity program since then", after the CISO
        # left: reader 28's successor, read as no one)
        r"administers|has\s+(?:since\s+)?(?:led|headed|overseen|managed|directed|supervised|administered))\b",
        (
            "lead",
            "led",
            "head",
            "oversee",
            "manage",
            "direct",
            "run",
            "supervise",
            "chair",
            "coordinate",
            "implement",
            "administer",
        ),
        doc="the title, then a verb of leading ('the CISO leads', 'our CSO, who oversees')",
    ),
    rule(
        "responsible_titles.lead_together",
        r"\s*(?:\([^)]{1,40}\)\s*)?(?:also\s+|currently\s+|directly\s+|jointly\s+|together\s+)?"
        r"(?:lead|head|oversee|manage|direct|run|supervise|co-lead|share)\b",
        ("lead", "head", "oversee", "manage", "direct", "run", "supervise", "share"),
        doc="a list of titles, then a plural verb of leading ('our CSO and Data Privacy Officer oversee')",
    ),
    rule(
        "responsible_titles.who_leads",
        r"^\s*(?:\([^)]{1,40}\)\s*)?,\s*who\b[^;()]{0,400}?,\s*(?:also\s+|currently\s+)?"
        r"(?:leads|heads|oversees|manages|directs|runs|supervises|implements|administers|"
        r"is\s+(?:\w+\s+){0,2}?(?:responsible|accountable|in\s+charge))\b",
        ("who",),
        doc="the title, a relative clause, then a verb of leading",
    ),
    rule(
        "responsible_titles.led_by",
        # ("led on an interim basis by our Director of Security Operations": an unseen reader's, no one read as responsible)
        r"\b(?:led|headed|overseen|managed|directed|run|chaired|co-?\s?led|supervised)\s*(?:(?:on\s+an?\s+(?:interim|"
        r"temporary|acting)\s+basis|temporarily|currently|now|jointly|day-to-day)\s+)?by\s+(?:the\s+|our\s+|its\s+)?"
        # ("led by a virtual Chief Information Security Officer, Tomas Ekdahl, provided under contract by ...": reader
        # 34's airline, its officer read as no one responsible)
        r"(?:[\w-]+['\u2019]s\s+|an?\s+(?:virtual|external|outsourced|fractional|contracted|part-time)\s+)?$|"
        # the person named first: "The INFOSEC team is managed by Jane Ortega, our Chief Information Security
        # Officer, who ..." (a reader's planted successor, read as no one responsible)
        r"\b(?:led|headed|overseen|managed|directed|run|chaired|supervised)\s*by\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
        r"(?-i:[A-Z][\w'\u2019-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019-]+){1,2}),\s+(?:the\s+|our\s+|its\s+)?$|"
        r"\bunder\s+the\s+(?:direction|leadership|supervision|oversight|guidance)\s+of\s+(?:the\s+|our\s+|its\s+)?$|"
        # (not a committee's members: "... is responsible for oversight of our ERM program and is comprised of the
        # Executive Leadership Team and the Senior Vice President ...", reader 35's, who then dropped out of a restyle)
        r"\bresponsib\w+\b[^.;]{0,200}?\b(?:is|are|rests\s+with|lies\s+with)\s+(?!(?:made\s+up|comprised|composed)\b)"
        r"(?:\w+\s+){0,3}?(?:the\s+|our\s+|its\s+)?"
        r"(?:[\w-]+['\u2019]s\s+)?$|"
        r"\b(?:designated|appointed)\s+(?:as\s+)?(?:the\s+|our\s+|its\s+|a\s+|an\s+)?$|"
        r"\bresponsibility\s+of\s+(?:the\s+|our\s+|its\s+)?$|\bresponsib\w+\s+(?:rests|lies)\s+with\s+"
        r"(?:the\s+|our\s+)?$|"
        # a team it rests with, and who the team includes ("Responsibility for assessing and managing ... rests with our
        # cybersecurity management team, which includes our Chief Information Officer, ...": reader 32's restyle, its
        # three officers read as no longer responsible, high)
        r"\bresponsib\w+\b[^.;]{0,200}?\b(?:rests|lies|is)\s+with\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,4}?"
        r"(?:team|group|committee|function|council)\s*,?\s+(?:which|that)\s+(?:includes|comprises|consists\s+of|is\s+"
        r"made\s+up\s+of)\s+(?:the\s+|our\s+|its\s+)?$",
        ("by", "under", "responsib", "designated", "appointed"),
        doc="'led by', 'under the direction of', 'responsibility ... rests with', right before the title (and the "
        "titles listed with it)",
    ),
)
_IS_RESPONSIBLE, _LEADS, _LEAD_TOGETHER, _WHO_LEADS, _LED_BY = RESPONSIBLE_RULES
#: How far before a title the words making it responsible may start (`_LED_BY`).
_BEFORE_REACH = 220
#: An opening phrase whose object a title is ("Working with our", "In coordination with the").
_WITH_FIRST_RE = lazy_compile(
    r"^\s*(?:working|together|along|(?:in|acting\s+in)\s+(?:coordination|collaboration|partnership|consultation))\s+"
    r"with\s+(?:the\s+|our\s+|its\s+)?$",
    re.I,
)


def _cyber_body_chaired(before: str) -> bool:
    """Whether the body named last before "chaired by" has a name of security ("our Cybersecurity Steering Committee,
    chaired by", "the Information Security Council, which is chaired by"); a body not named (none before) counts."""
    bodies = list(_BODY_NAME_RE.finditer(before))
    return not bodies or _CYBER_RE.search(bodies[-1].group(0)) is not None


#: A body's name: up to six capitalised words (or "&", "and", "of") ending in a word of a body; not a determiner ("The
#: Council is chaired by ...", of a council named before: reader 21's, whose chair went unread).
_BODY_NAME_RE = lazy_compile(
    r"(?-i:(?:\b(?!(?:The|This|That|Our|Its|Such|Each)\b)(?:[A-Z][\w&-]*|and|of|&)\s+){1,6})"
    r"(?:Committee|Council|Board|Forum|Group|Team)\b"
)
_CYBER_RE = lazy_compile(r"cyber|information\s+security|security|data\s+protection|infosec", re.I)
#: Deciding whether an incident is material, right after a title ("... to determine if an incident is material").
_MATERIALITY_AFTER_RE = lazy_compile(
    r"\s+to\s+(?:determine|decide|assess|evaluate)\s+(?:whether|if)\b[^.;]{0,80}?\bmaterial", re.I
)
#: A relative clause listing a committee's members, up to a title in it.
_MEMBERS_CLAUSE_BEFORE_RE = lazy_compile(
    r"\b(?:committee|council|group|team)\b(?:\s*\([^)]{1,40}\))?,\s*(?:which|that|who)\s+(?:is\s+|are\s+)?(?:comprised|"
    r"composed|made\s+up|consists?|includes?)\b[^.;()]*$",
    re.I,
)
#: A title that is the object of reporting or informing right before it ("reports to the CISO").
_REPORTED_TO_RE = lazy_compile(
    r"\breport\w*\s+(?:\w+\s+){0,2}?to\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+['\u2019]s?\s+)?$|"
    r"\b(?:inform|updat|brief|notif|escalat)\w*\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:the\s+|our\s+)?$|"
    # (not where responsibility "rests with our Vice President of IT": reader 42's restyle, no one responsible)
    r"(?<!rests\s)(?<!rest\s)(?<!lies\s)(?<!lie\s)\bwith\s+(?:the\s+|our\s+)?$|"
    # "has a dotted-line relationship to our Chief Technology Officer" (a reader's planted text: read as responsible)
    r"\b(?:relationship|line)\s+to\s+(?:the\s+|our\s+|its\s+)?$",
    re.I,
)
#: A name, then a comma, up to a title set off after it ("Karen Whitfield, our ", "Karen L. Whitfield, the Bank's ").
_NAME_SET_OFF_BEFORE_RE = lazy_compile(
    r"(?-i:\b[A-Z][a-z'\u2019-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\u2019-]+){1,2}),\s+(?:(?:our|the|its)\s+)?"
    r"(?:[A-Z]\w+['\u2019]s\s+)?$"
)
_REPORTED_TO_WORDS = (
    "report",
    "inform",
    "updat",
    "brief",
    "notif",
    "escalat",
    "with",
    "relationship",
    "line",
)
_REPORT_TO_RE = lazy_compile(r"\breport\w*\s+to\b", re.I)
#: What stands between two titles of one list ("the CEO, CFO, and CIO", "our CSO and Data Privacy Officer", "the
#: Company's Chief Strategy Officer and the Company's CISO", "the CIO, a member of the Executive Leadership Team, and
#: the CISO"): a name or a short description set off by commas may follow the first.
_TITLE_LIST_GAP_RE = lazy_compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*(?-i:(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019-]+){1,2})\s*|,\s*(?:a|an)\s+(?:member|part|head)\s+of\s+[^,;()]{1,60})?"
    r"(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)"
    r"(?:our\s+|the\s+|its\s+)?(?:(?-i:[A-Z])[\w-]*['\u2019]s\s+)?(?:(?:acting|interim|deputy)\s+)?",
    re.I,
)
#: A relative clause set off by commas right after a title: "our CSO, who reports to the CFO, has ...".
_WHO_CLAUSE_RE = lazy_compile(r"\s*(?:\([^)]{1,40}\)\s*)?,\s*who\s+[^,;()]{1,120},", re.I)
#: A second predicate of the same subject right before a verb of responsibility: ", and is primarily".
_AND_PREDICATE_RE = lazy_compile(r",\s+and\s+(?:also\s+|currently\s+)?$", re.I)
_BOARD_BEFORE_RE = lazy_compile(r"\b(?:board|directors)\b", re.I)
#: A verb of responsibility in the plural: said of every title of the list it follows.
_PLURAL_RE = lazy_compile(r"(?:are|remain|have|hold|bear)\b", re.I)
#: Titles never responsible for the program on their own words ("General Counsel" advises).
_NEVER_RESPONSIBLE = {"General Counsel"}


def security_titles(titles: list[str]) -> list[str]:
    """Those of a person's titles that are of security ("Interim Chief Security Officer" of a Vice President of Product
    and Business Operations serving as one)."""
    return [t for t in titles if "ecurity" in t or "yber" in t]


def is_cyber(s: str) -> bool:
    """Whether a sentence speaks of cybersecurity or information security."""
    if s.isascii():  # (_CYBER_RE by substring tests where they are exact)
        low = s.lower()
        if "cyber" in low or "security" in low or "infosec" in low:
            return True
        if "protection" not in low:
            return False
    return bool(_CYBER_RE.search(s))


def responsible_titles_in(
    s: str, titles: list[tuple[int, int, str]], low: str | None
) -> list[tuple[int, str, str]]:
    """(position, title, rule name) of the titles a sentence (about cybersecurity) makes responsible."""
    found: list[tuple[int, str, str]] = []
    # titles of one list ("our CSO and Data Privacy Officer oversee", "reports to the CEO, CFO and CIO"): joined[k]
    # when title k goes on the list of title k - 1
    joined = [
        k > 0
        and bool(_TITLE_LIST_GAP_RE.fullmatch(s, titles[k - 1][1], titles[k][0]))
        # ("Working with our Chief Digital Officer, our Chief Information Security Officer implements ...": the
        # first the object of an opening phrase, the second the subject, no list)
        and not _WITH_FIRST_RE.search(s, 0, titles[k - 1][0])
        for k in range(len(titles))
    ]
    leading_list: set[int] = set()
    for k in range(len(titles) - 1, 0, -1):
        if (
            joined[k]
            and (k + 1 == len(titles) or not joined[k + 1])
            and _LEAD_TOGETHER.pattern.match(s, titles[k][1], titles[k][1] + 160)
        ):
            first = k
            while joined[first]:
                first -= 1
            leading_list.update(range(first, k + 1))
    reported = False
    led: set[int] = set()
    objects: set[int] = set()  # (titles reported to, or never responsible: none of a list made responsible)
    for k, (start, end, title) in enumerate(titles):
        after = s[end : end + 220]
        # (far enough back for "Responsibility for assessing and managing material risks from cybersecurity threats
        # rests with our cybersecurity management team, which includes our")
        before = s[max(0, start - _BEFORE_REACH) : start]
        low_after = None if low is None else low[end : end + 220]
        low_before = None if low is None else low[max(0, start - _BEFORE_REACH) : start]
        hit: tuple[re.Match[str], str] | None = None
        if has(low_after, _IS_RESPONSIBLE.needs) and (m := _IS_RESPONSIBLE.pattern.search(after)):
            hit = (m, _IS_RESPONSIBLE.name)
        elif m := _LEADS.pattern.search(after):
            hit = (m, _LEADS.name)
        elif (
            after.startswith(",")
            and _NAME_SET_OFF_BEFORE_RE.search(before)
            and (m := _LEADS.pattern.search(after[1:]))
        ):
            # the title set off after the name ("Karen Whitfield, our Chief Information Security Officer, leads the
            # program": reader 42's restyle of "Our CISO, Karen Whitfield, leads ...", read as no one responsible)
            hit = (m, _LEADS.name)
        elif m := _WHO_LEADS.pattern.search(s[end : end + 500]):
            hit = (m, _WHO_LEADS.name)
        reported = (
            bool(has(low_before, _REPORTED_TO_WORDS) and _REPORTED_TO_RE.search(before))
            or joined[k]
            and reported
        )
        if hit and _REPORT_TO_RE.search(after, 0, hit[0].start()):
            # someone else's responsibility ("the CISO reports to the CIO, who is responsible"), unless the
            # reporting line is a relative clause on this title ("our CSO, who reports to the CFO, has ...") or
            # one of its predicates ("the CISO reports to the CEO, and is responsible for ...")
            clause = _WHO_CLAUSE_RE.match(after)
            if not (
                clause
                and hit[0].start() >= clause.end()
                and not _REPORT_TO_RE.search(after, clause.end(), hit[0].start())
            ) and not _AND_PREDICATE_RE.search(after, 0, hit[0].start()):
                hit = None
        if reported or title in _NEVER_RESPONSIBLE:
            objects.add(k)
            continue
        if hit and _MEMBERS_CLAUSE_BEFORE_RE.search(before):
            # a member of the committee a relative clause describes, the committee the subject ("our Risk and Compliance
            # Committee (RCC), which is comprised of the Executive Leadership Team and the Senior Vice President and
            # Chief Compliance Officer, is responsible for ...": reader 35's restyle, "now responsible: the SVP")
            hit = None
        if hit:
            found.append((start, title, hit[1]))
            # "the CIO, ..., and the CISO, who reports to the CIO, are responsible": every title of the list
            if _PLURAL_RE.match(hit[0].group(0)):
                first = k
                while joined[first]:
                    first -= 1
                taken = {p for p, _, _ in found}
                found += [
                    (titles[j][0], titles[j][2], hit[1])
                    for j in range(first, k)
                    if titles[j][0] not in taken and j not in objects
                ]
        elif k in leading_list:
            found.append((start, title, _LEAD_TOGETHER.name))
        elif (
            (by := has(low_before, _LED_BY.needs) and _LED_BY.pattern.search(before) or None)
            or joined[k]
            and k - 1 in led
        ):
            if by and by.group(0).lower().startswith("chaired") and _BOARD_BEFORE_RE.search(s, 0, start):
                continue  # the chair of a board committee leads the committee, not the program
            if by and by.group(0).lower().startswith("chaired") and not _cyber_body_chaired(before):
                # the chair of a management committee whose name is not of security leads the committee, not the program
                # ("our IT Steering Committee, a management committee chaired by our Chief Operating Officer": reader
                # 45's bank, whose COO, then the Chief Risk Officer chairing the merged committee, "replaced" the
                # security officer as the person responsible, high)
                continue
            if by and _MATERIALITY_AFTER_RE.match(s, end):
                # the one who decides whether an incident is material, not the program's ("It is the responsibility of
                # our Chief Financial Officer to determine if an incident is material": reader 37's, "now responsible")
                objects.add(k)
                continue
            if by and by.group(0).lower().startswith("under") and found:
                # one made responsible before works "under the supervision of" this one: a line, not a second
                # responsible ("Our CISO, Tomas Ekdahl, leads our cybersecurity function under the supervision of our
                # Chief Information Officer": reader 34's airline, "now responsible: Chief Information Officer")
                objects.add(k)
                continue
            led.add(k)
            found.append((start, title, _LED_BY.name))
    return sorted(found, key=itemgetter(0))
