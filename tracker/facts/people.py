"""People: who the disclosure names or describes in a cybersecurity role, and what it says of them now.

One reading of the sentences, in order, yields every person-centred fact: `people`, `responsible_titles`,
`responsible_people`, `experience_years`, `tenure_start`, `reports_to`, `certifications` and
`former_certifications`.

- A person is known by name where the text gives one ("Our CISO, Jane Doe, ...", "Jane Doe, our CISO, ...",
  "Mr. Doe"), else by their first title. A title a named person holds refers to that person afterwards.
- "He" or "She" opening a sentence is the person last spoken of.
- Biography is not the present: a stretch of a sentence from "previously", "prior to joining", "before
  joining", "formerly", "earlier in her career", "where he served" to the end of its clause yields no
  current title, experience or certification; the companies it names are former employers. Years "at"
  or "with" a named company are years spent there, not experience.
- "Our CISO, who is also our Chief Information Officer, has over 20 years" gives one person two titles, and
  the years to that person (under the first title).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.facts.rules import rule
from tracker.facts.text import has, word_matches
from tracker.facts.titles import (
    NOT_NAME_WORDS,
    RESPONSIBLE_RULES,
    TITLE_CASED_WORDS,
    TITLE_PART_WORDS,
    TITLE_RE,
    TITLE_UPPER_HINT_RE,
    TITLE_WORDS,
    defined_acronyms,
    document_acronyms_re,
    is_cyber,
    normalize_title,
    responsible_titles_in,
    security_titles,
    split_titles,
    stand_in,
    title_key,
    titles_in,
)
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import clean_inline, once

if TYPE_CHECKING:
    from tracker.facts.extract import Reading

# ---- biography ---------------------------------------------------------------------------------------------
BIOGRAPHY = rule(
    "people.biography",
    r"\b(?:previously|formerly|prior\s+to\s+(?:joining|that|this|his|her|their|becoming|serving|assuming)|"
    r"before\s+(?:joining|that|this|becoming|serving)|earlier\s+in\s+(?:his|her|their)\s+career|"
    r"(?:he|she|they)\s+(?:has\s+)?(?:also\s+)?(?:previously\s+)?(?:held|worked\s+in)\s+(?:various\s+|senior\s+|"
    r"several\s+|leadership\s+|executive\s+|security\s+)*(?:roles|positions)|"
    r"(?:has|have)\s+held\s+(?:various\s+|senior\s+|several\s+|leadership\s+|executive\s+|security\s+)*"
    r"(?:roles|positions)|"
    r"where\s+(?:he|she|they)\s+(?:was|served|held|led|oversaw|worked|managed)|joined\s+(?:us|[A-Z]\w+)\s+from|"
    r"\bformer\s+(?=[A-Z])|\bincluding\s+(?:(?:serving|working|roles?|positions?|time|tenures?)\s+)?(?:at|with)\s+"
    r"(?-i:[A-Z])|\bincluding\s+(?:serving|working)\s+as\b|"
    # "experience ..., including as Deputy CISO of Keystone Bancorp and as a senior manager ... of Deloitte" (a reader's
    # bank: its CISO's former employer read as an outside firm engaged)
    r"\bincluding\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,5}?(?:officer|director|head|manager|lead(?:er)?|"
    r"president|VP|CISO|CIO|CTO|CSO|partner|consultant|analyst|engineer|architect|advis[eo]r)\b|"
    # "18 years of experience in information security, most recently as head of security for a publicly traded hotel
    # operator" (an unseen reader's REIT: read as a Head of Security now responsible)
    r"\bmost\s+recently\s+(?:as|at|with|for|serv\w+|work\w+|held|led)\b|"
    r"\b(?:serving|served|worked)\s+as\s+(?:the\s+|a\s+|an\s+)?"
    r"[^,;]{0,80}?\s+(?:of|at|for)\s+(?:two|three|four|several|other|another|various|multiple|a\s+number\s+of)\b"
    r"(?!\s+(?:years?|months?|decades?)\b))",
    (
        "previous",
        "former",
        "prior",
        "before",
        "earlier",
        "held",
        "where",
        "from",
        "including",
        "serv",
        "worked as",
        "most recently",
    ),
    doc="a stretch of biography, to the end of its clause: no current title, experience or certification",
    starts=(
        "previously",
        "formerly",
        "prior",
        "before",
        "earlier",
        "he",
        "she",
        "they",
        "has",
        "have",
        "where",
        "joined",
        "former",
        "including",
        "serving",
        "served",
        "worked",
        "most",
    ),
)
BIOGRAPHY_PAST = rule(
    "people.biography_past",
    r"\b(?:he|she|they)\s+(?:also\s+)?(?:previously\s+)?(?:led|worked|served|held|spent|managed|oversaw|ran|headed|was)"
    r"\b(?=[^.;]{0,80}?\b(?:at|with|for)\s+(?-i:[A-Z]))",
    ("led", "worked", "served", "held", "spent", "managed", "oversaw", "ran ", "headed", "was "),
    doc="'he led engineering at <company>': biography",
    starts=("he", "she", "they"),
)
BIOGRAPHY_YEARS_AT = rule(
    "people.biography_years_at",
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+years?\s+"
    r"(?:at|with)\s+(?-i:[A-Z])",
    ("year",),
    doc="'12 years at Acme': years spent at a company, biography",
)
_BIOGRAPHY_RULES = (BIOGRAPHY, BIOGRAPHY_PAST, BIOGRAPHY_YEARS_AT)
#: The end of a biography stretch: the end of its clause (not the stop of "Ms.", "Inc." or "U.S."), or a new clause
#: about the present.
_BIOGRAPHY_END_RE = lazy_compile(
    r";|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bJr)(?<!\bSr)(?<!\bInc)(?<!\bCo)(?<!\b[A-Z])\.\s|"
    r",?\s+(?:and\s+)?\((?:i{1,3}|iv|v|vi|[a-f]|\d)\)\s|,\s+(?:and\s+)?(?:he|she|they|our|we|the\s+company)\s+(?:is|are|has|have|"
    r"currently|now|serves|leads)\b|,?\s+and\s+(?:now|currently|presently)\b|,\s+and\s+(?:holds|has|is)\b",
    re.I,
)
#: Years spent at a named company ("12 years at Acme", "a decade with the U.S. Navy").
_YEARS_AT_RE = lazy_compile(
    r"^\s*(?:at|with|in\s+(?:roles?|positions?)\s+at)\s+"
    r"(?:the\s+)?(?-i:[A-Z])",
    re.I,
)


#: Directors, not an officer titled "Director of ...": "directors", "one of our directors", "board members", "members
#: of the Audit Committee".
DIRECTORS_RE = lazy_compile(
    r"\bdirectors\b(?!\s+of\b)|\b(?:independent|non-executive|one\s+of\s+our|a|an|each|one|two|three|several|"
    r"multiple)\s+(?:independent\s+)?directors?\b(?!\s+of\b|,)|\bboard\s+members?\b|"
    r"\bmembers?\s+of\s+(?:the|our|its)\s+(?!management\b)(?:[\w&-]+\s+){0,4}?(?:board|committee)\b|"
    # "the Board also appointed Dr. Lena Hart, ..., who serves on the Technology and Cybersecurity Committee and has
    # expertise in cybersecurity matters"; "The committee includes Janet Okafor, who ... brings cybersecurity expertise"
    r"\b(?:appointed|elected|joined)\b[^.;]{0,80}?\b(?:board|committee)\b|\bserves?\s+on\s+(?:the|our|its)\s+"
    r"(?:[\w&-]+\s+){0,4}?(?:board|committee)\b|\b(?:board|committee)\s+(?:also\s+)?(?:includes|appointed|elected|"
    r"added|welcomed)\b",
    re.I,
)
#: A sentence whose subject is directors ("One member of the Audit Committee, Ms. Carol Jennings, ..."; not "He has
#: also served on the Health-ISAC board of directors and is a CISSP", ABBV FY2024's CISO): its certifications are
#: a director's.
_DIRECTOR_SUBJECT_RE = lazy_compile(
    r"\s*(?:(?:one|two|three|four|several|each|certain|a|an)\s+(?:of\s+(?:the|our)\s+)?(?:members?|directors?)\s+of\s+"
    r"(?:the|our|its)\s+(?!management\b)(?:[\w&-]+\s+){0,4}?(?:board|committee)\b|(?:our|the|several|two|three|four)\s+"
    r"(?:independent\s+|non-executive\s+)?directors\b|(?:one|two|three|four|several|each)\s+of\s+our\s+directors\b)",
    re.I,
)


def biography_spans(s: str, low: str | None) -> list[tuple[int, int]]:
    """The stretches of a sentence that tell a person's past."""
    return once("biography", s, lambda: _biography_spans(s, low))


def _biography_spans(s: str, low: str | None) -> list[tuple[int, int]]:
    matches = [m for r in _BIOGRAPHY_RULES if r.may_match(s, low) for m in r.scan(s, low)]
    if not matches:
        return []
    spans = []
    for m in sorted(matches, key=lambda m: m.start()):
        if m.group(0).lower().startswith("former") and (held := TITLE_RE.match(s, m.end())):
            # the former title alone is past ("Following the departure of our former Chief Information Security
            # Officer in September 2024, Amit Levi, our Vice President, ..., has served as interim Chief Information
            # Security Officer": reader 36's 20-F, whose stand-in was read as biography, no one responsible)
            spans.append((m.start(), held.end()))
            continue
        if m.group(0).lower().startswith("prior to") or m.group(0).lower().startswith("before"):
            # "Prior to joining us, she was the CISO of Acme": the intro phrase and its main clause
            comma = s.find(",", m.end())
            end_m = _BIOGRAPHY_END_RE.search(s, comma + 1 if comma != -1 else m.end())
        else:
            end_m = _BIOGRAPHY_END_RE.search(s, m.end())
        spans.append((m.start(), end_m.start() if end_m else len(s)))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# ---- names -------------------------------------------------------------------------------------------------
#: (an Irish or Italian surname's capital after its apostrophe: "O'Brien", "D'Angelo": a reader's bank, whose CISO
#: Michael O'Brien was no name, and his successor "possibly a different person"; a given name of two syllables joined
#: in lower case, "Ji-hoon", reader 26's Korean CISO, read as "Park Ji" and bound to no title)
_NAME_WORD = (
    r"(?:[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z'\u2019]+)?|[A-Z][a-z]?[A-Z][a-z]+|[A-Z]['\u2019][A-Z][a-z]+)"
)
_NAME = (
    r"(?-i:"
    + _NAME_WORD
    + r"(?:\s+[A-Z]\.)?(?:\s+(?:(?:de|van|von|der|da|di|del|le|la)\s+)?"
    + _NAME_WORD
    + r"){1,2}(?:,?\s+(?:Jr|Sr|II|III)\.?)?)"
)
#: A name as a sentence tells it, with its honorific ("Mr. Reinholt", "Thomas Reinholt").
_NAME_TOLD_RE = lazy_compile(
    r"(?:(?-i:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?" + _NAME + r"|(?:(?-i:Mr|Ms|Mrs|Dr|Prof)\.?\s+)" + _NAME_WORD
)
#: Capitalised words that are never part of a personal name.
_NOT_NAME = (
    NOT_NAME_WORDS
    | frozenset(
        "our the we in as at for of and with company companies board committee committees audit council team teams "
        "inc corporation corp llc ltd group item form annual report united states america january february march "
        "april may june july august september october november december he she they his her their this these "
        "such any all each both internal external third party cybersecurity enterprise nist iso soc fiscal "
        "who which prior previously before since during following under additionally also further furthermore "
        "however moreover currently additionally subsequently effective beginning as "
        # (an organisation's words: "Information Security Manager of Logic Industries, Senior Information Security
        # Specialist of Migdal Group", a career's list, is no person titled a Specialist)
        "industries holdings partners bank capital consulting consultancy associates laboratories labs ventures "
        "limited plc gmbh agency university institute foundation department bureau ministry authority association "
        "international insurance".split()
    )
    | TITLE_PART_WORDS
)
NAME_RULES = (
    rule(
        "people.honorific",
        r"(?-i:\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+("
        + _NAME_WORD
        + r"(?:\s+[A-Z]\.)?(?:\s+"
        + _NAME_WORD
        + r"){0,2}))\b",
        cased=("Mr", "Ms", "Dr", "Prof"),
        flags=0,
        doc="Mr., Ms., Dr. and a name",
    ),
    rule(
        "people.title_then_name",
        # ("Our Chief Security Officer is Trent Cox.": reader 33's, whose successor "... is Daniel Mercer" was no change)
        r"(?:\s*\(\s*[\"'\u201c]?(?-i:[A-Z]{2,6})[\"'\u201d]?\s*\))?(?:\s*,\s*|\s+is\s+)(?:(?-i:Mr|Ms|Mrs|Dr|Ing|Lic|Dra|Mtro|Mtra|C\.P)\.?\s+)?("
        + _NAME
        + r")\s*(?=[,;.()]|\s+(?:who|has|is|leads|oversees|serves|reports|joined|brings)\b|$)",
        doc="a title, a comma and a name: 'our CISO, Jane Doe,'",
    ),
    rule(
        "people.name_then_title",
        # ("Karen L. Whitfield, the Bank's Information Security Officer, is responsible": reader 42's bank, no name)
        r"\b("
        + _NAME
        + r"),\s+(?:who\s+(?:is|serves\s+as)\s+)?(?:(?:our|the|its)\s+)?(?:[A-Z]\w+['\u2019]s\s+)?"
        r"(?=(?:interim\s+|acting\s+)?(?:senior\s+|executive\s+|global\s+|deputy\s+|assistant\s+|associate\s+)*(?:chief|"
        r"vice|head|director|manager|general|cyber|information|data|privacy|security|C[A-Z]{1,4}O\b|[SE]?VP\b))",
        doc="a name, a comma and a title: 'Jane Doe, our CISO'",
        hint=r",\s+(?:who\s+(?:is|serves\s+as)\s+)?(?:(?:our|the|its)\s+)?(?:[A-Z]\w+['\u2019]s\s+)?(?=(?:interim\s+|acting\s+)?"
        r"(?:senior\s+|executive\s+|global\s+|deputy\s+|assistant\s+|associate\s+)*(?:chief|vice|head|director|manager|"
        r"general|cyber|information|data|"
        r"privacy|security|C[A-Z]{1,4}O\b|[SE]?VP\b))",
    ),
    rule(
        "people.name_serves_as",
        # ("Trent Cox is serving as our Chief Security Officer": reader 33's, whose successor was no change)
        r"\b("
        + _NAME
        + r"),?\s+(?:who\s+)?(?:currently\s+|has\s+)?(?:serves|served|continues\s+to\s+serve|is\s+(?:currently\s+|now\s+)?"
        # ("Thomas Reinholt became our Chief Information Security Officer in May 2025, succeeding ...": reader 42's)
        r"serving|has\s+been\s+serving|is|became|has\s+become|was\s+"
        # ("Dana Whitfield joined Boeing in 2025 as our Chief Security Officer": an unseen reader's next year)
        r"(?:appointed|named|hired|promoted)|joined\s+(?:us|the\s+company|\w+)(?:\s+in\s+(?:\w+\s+)?(?:19|20)\d\d)?"
        r"\s+as)\s+(?:as\s+)?(?:our|the|its)\s+|"
        # the name as the object: "In 2025, we appointed Dana Whitfield as our Chief Security Officer"
        # ("In April 2024, we appointed Priya Raman as Vice President, Cybersecurity": reader 36's, no article)
        r"\b(?:appointed|named|hired|promoted|welcomed)\s+(" + _NAME + r")\s+as\s+(?:(?:our|the|its)\s+)?|"
        # ("Alicia Moreno joined us in June 2024 as Senior Vice President and Chief Information Security Officer":
        # reader 36's bank, its new CISO no one)
        r"\b("
        + _NAME
        + r")\s+joined\s+(?:us|the\s+company|\w+)(?:\s+in\s+(?:\w+\s+)?(?:19|20)\d\d)?\s+as\s+(?=[A-Z])|"
        # ("Trent Cox was appointed Chief Security Officer in April 2025, having served in the role on an interim basis":
        # reader 44's, "the Chief Security Officer is no longer named (was Trent Cox)")
        r"\b("
        + _NAME
        + r")\s+(?:was|has\s+been)\s+(?:appointed|named|promoted)(?:\s+(?:as|to))?\s+(?=(?-i:[A-Z]))",
        (
            "serve",
            " is ",
            "appointed",
            "named",
            "hired",
            "promoted",
            "joined",
            "welcomed",
            "continues",
            "became",
            "become",
        ),
        doc="a name, then 'serves as our' a title; or 'appointed' a name 'as our' a title",
        hint=r"(?:[A-Z][a-z'\u2019]+|II|III)\.?,?\s+(?i:(?:who\s+)?(?:currently\s+|has\s+)?(?:serves|served|continues|is|became|become|been\s+serving|was\s+"
        r"(?:appointed|named|hired|promoted)|joined))|(?i:\b(?:appointed|named|hired|promoted|welcomed)\s+)[A-Z]",
        hint_flags=0,
    ),
)
_HONORIFIC, _TITLE_THEN_NAME, _NAME_THEN_TITLE, _NAME_SERVES = NAME_RULES


def _name_span(m: re.Match[str]) -> tuple[int, int, str]:
    """(start, end, name) of a name rule's match: the name its first group holds, or its second (the name as the
    object: "we appointed Dana Whitfield as our ...", from the name on)."""
    if m.group(1) is not None or m.re.groups < 2:
        return m.start(), m.end(), m.group(1)
    k = next(k for k in range(2, m.re.groups + 1) if m.group(k) is not None)
    return m.start(k), m.end(), m.group(k)


def _valid_name(name: str) -> bool:
    words = [w.strip(".,") for w in name.split()]
    if len([w for w in words if len(w) > 2]) < 1:
        return False
    return not any(
        w.lower().rstrip("'\u2019s") in _NOT_NAME or w.lower() in _NOT_NAME for w in words if len(w) > 2
    )


# ---- people who have left -----------------------------------------------------------------------------------
#: A person the text says has left: "our former CISO, Jane Doe," (`former`), "Jane Doe left the Company", "Mr. Doe, our
#: CISO since 2019, retired in June" (`left`).
_DEPARTED_RE = lazy_compile(
    r"\bformer\s+(?:[\w&()\"'\u201c\u201d-]+\s+){1,8}?[\w&()\"'\u201c\u201d-]+,\s*(?:(?-i:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<former>"
    + _NAME
    + r")\b|(?:(?-i:Mr|Ms|Mrs|Dr)\.?\s+(?P<surname>(?-i:[A-Z][\w'\u2019-]+))|(?P<left>"
    + _NAME
    # ("Mr. Lee, our former Chief Information Security Officer, left the Company in August 2025": reader 44's, the
    # surname alone after the honorific, "newly described in the cybersecurity work: Lee")
    + r"))(?:,[^,;.]{1,80},)?\s+(?:left|resigned|retired|departed|stepped\s+down)\b",
    re.I,
)
#: What every match of `_DEPARTED_RE` holds (one of them).
_DEPARTED_KEYS = ("former", "left", "resigned", "retired", "departed", "stepped")


def officer_spans(sentence: str, acronyms: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, title) of the officers a sentence names outside its biography, each officer once: in "A and T
    and B", T is one of B's two titles (a list of three is "A, T and B")."""
    past = biography_spans(sentence, None)
    titles = titles_in(sentence, acronyms or {})
    return [
        (start, end, title)
        for k, (start, end, title) in enumerate(titles)
        if not any(a <= start < b for a, b in past)
        and not (
            0 < k < len(titles) - 1
            and _AND_RE.fullmatch(sentence, titles[k - 1][1], start)
            and _AND_RE.fullmatch(sentence, end, titles[k + 1][0])
        )
    ]


#: "and" alone between two titles ("the Chief Enterprise Technology Officer and Chief Policy Officer and General
#: Counsel": an unseen filing's three officers read where there are two, the second with two titles).
_AND_RE = lazy_compile(r"\s+and\s+", re.I)


def leaving_titles(sentence: str) -> list[str]:
    """The titles a sentence says are leaving or have left, each once, in order: a title before the words of leaving,
    within their clause ("our CISO retired in 2024", "our CISO left the Company in January 2026"), or right after
    "the departure (resignation, retirement) of our (previous)", "our former (prior, previous, outgoing)"."""
    return once("leaving_titles", sentence, lambda: _leaving_titles(sentence)) if sentence else []


def _leaving_titles(sentence: str) -> list[str]:
    low = sentence.lower()
    if not any(map(low.__contains__, LEAVING_KEYS)):
        return []  # (no word of leaving: nearly every sentence)
    matches = list(_DEPARTURE_RE.finditer(sentence))
    if not matches:
        return []
    found: list[str] = []
    titles = officer_spans(sentence)
    every: list[tuple[int, int, str]] | None = None
    for m in matches:
        if m.group("noun"):
            # (every title, a former one's too: "our former CISO" opens a biography's stretch)
            every = titles_in(sentence, {}) if every is None else every
            found += [t for start, _, t in every if start == m.end()]
            continue
        if _OTHER_SUBJECT_RE.search(sentence, max(0, m.start() - 20), m.start()):
            continue  # ("legacy systems, which we retired in 2025": the company's act, not the officer's leaving)
        subject = [
            t
            for _, end, t in titles
            if m.start() - _SUBJECT_REACH <= end <= m.start()
            and not _CLAUSE_BREAK_RE.search(sentence, end, m.start())
        ]
        found += subject[-1:]
    return list(dict.fromkeys(found))


#: Taking a post for the time being, without naming it: "assumed the role on an interim basis", "has served in that
#: position in an acting capacity".
_TOOK_THE_ROLE_RE = lazy_compile(
    r"\b(?:assumed|assumes|has\s+assumed|took\s+on|takes\s+on|has\s+taken\s+on|stepped\s+into|is\s+serving\s+in|"
    r"serves\s+in|has\s+(?:been\s+)?serv(?:ed|ing)\s+in)\s+(?:the|that|this|his|her|their)\s+"
    r"(?:role|position|post|responsibilities)\b[^.;]{0,40}?\b(?:on\s+an?\s+(?P<basis>interim|acting)\s+basis|"
    r"in\s+an?\s+(?P<capacity>interim|acting)\s+capacity)",
    re.I,
)
#: Words every match of `_TOOK_THE_ROLE_RE` holds (one of them).
_STAND_IN_KEYS = ("interim", "acting")
#: How far before those words the title of the one taking the post may start.
_TOOK_REACH = 200


def departures_told(sentences: list[str]) -> dict[str, str]:
    """The posts whose holder the sentences say has left or is leaving (`leaving_titles`), by `title_key`, each with
    the first sentence that says so."""
    told: dict[str, str] = {}
    for s in sentences:
        for title in leaving_titles(s):
            told.setdefault(title_key(title), s)
    return told


def departures_new(old: list[str], new: list[str]) -> dict[str, str]:
    """The posts whose holder the later year's sentences say has left, and the earlier year's did not
    (`departures_told`)."""
    told = departures_told(new)
    if told:
        before = departures_told(old)
        told = {k: v for k, v in told.items() if k not in before}
    return told


#: Words of an officer leaving: "will cease serving as", "stepped down", "resigned", "retired" and "departed" said of a
#: person (with nothing after them, or "from", "as", "effective" ...: not "retired legacy systems"), "left the
#: company"; or `noun`: "the departure (resignation, retirement) of our (previous)", "our former (prior, previous,
#: outgoing)", the title right after it.
_DEPARTURE_RE = lazy_compile(
    r"\b(?:cease[sd]?\s+(?:to\s+serve|serving)|ceasing\s+to\s+serve|step(?:s|ped|ping)?\s+down|"
    r"(?:resign(?:s|ed)?|retire[sd]?|depart(?:s|ed)?)(?=\s*(?:[,.;]|$)|\s+(?:from|as|effective|in|on|at|after|during)\b)|"
    r"(?:left|leaves?|leaving)\s+(?:the\s+company|us|our\s+company|(?-i:[A-Z])\w+)\b|"
    # the post's holder now a former one ("In March 2025, our former CISO was appointed Chief Technology Risk Officer,
    # and our former Deputy CISO was named CISO": reader 30's next KO year, a routine sentence added); "Following the
    # resignation of our prior Chief Information Security Officer" (a departure said with "prior", not read at all)
    r"(?P<noun>(?:departure|resignation|retirement|separation|exit)\s+of\s+(?:our|the|its)\s+"
    r"(?:(?:former|previous|prior|outgoing)\s+)?|\b(?:our|its)\s+(?:former|previous|prior|outgoing)\s+))",
    re.I,
)
#: Another subject right before the words of leaving ("which we retired", "that it retired").
_OTHER_SUBJECT_RE = lazy_compile(r"\b(?:we|they|it|which|that)\s+(?:\w+ly\s+)?$", re.I)
#: A part of every word `_DEPARTURE_RE` holds (looked for first, in lower case).
LEAVING_KEYS = (
    "ceas",
    "step",
    "resign",
    "retire",
    "depart",
    "left",
    "leav",
    "separation",
    "exit",
    "former",
    "previous",
    "prior",
    "outgoing",
)
#: How far before the words of leaving its subject's title may end; what ends a clause between them.
_SUBJECT_REACH = 80
_CLAUSE_BREAK_RE = lazy_compile(r"[;.]|,\s+(?:and|but|while)\b")


# ---- pronouns, "who is also" ---------------------------------------------------------------------------------
_SUBJECT_PRONOUN_RE = lazy_compile(r"^\s*(?:[\w\s,]{0,40}?,\s*)?(he|she)\b", re.I)


def _pronoun_start(s: str) -> re.Match[str] | None:
    """_SUBJECT_PRONOUN_RE's match of a sentence opening on "he" or "she" (after a short clause and a comma), tried
    only where it may match: the sentence starts (past whitespace) with an h or an s (as re.I knows them), or has a
    comma within 41 characters of that start."""
    head = s[len(s) - len(s.lstrip()) :][:41]
    if "," in head or head[:1] in ("h", "H", "s", "S", "\u017f"):
        return _SUBJECT_PRONOUN_RE.match(s)
    return None


_POSSESSIVE_PRONOUN_RE = lazy_compile(r"\b(his|her|he|she)\b", re.I)
#: A second title of the same person: "who is also our CIO", "who also serves as", "and also serves as".
ALSO_TITLE = rule(
    "people.also_title",
    r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:who\s+(?:is|also\s+serves\s+as|serves\s+as|"
    r"also\s+holds\s+the\s+(?:role|title|position)\s+of)\s+also\s+|who\s+also\s+serves\s+as\s+|who\s+is\s+also\s+|"
    r"and\s+also\s+serves\s+as\s+|who\s+also\s+holds\s+the\s+(?:role|title|position)\s+of\s+|(?:who\s+)?"
    r"(?:is|has\s+been)\s+(?:currently\s+|also\s+)?(?:serving|acting)\s+as\s+|(?:who\s+)?(?:currently\s+|also\s+)?"
    # ("The CIO has served as our CISO for four years", "Our CIO has been our CISO": reader 29's MCFT restyle, whose
    # one officer was two, the experience of one moved to the other "possibly a different person")
    r"serves\s+as\s+|has\s+(?:also\s+)?(?:served\s+as|been)\s+(?=(?:our|its)\s))(?:our|the|its)?\s*"
    r"(?-i:(?:[A-Z][\w-]*\s+){1,5}(?:&|and)\s+)?$",
    ("also", "serving", "serves", "acting", "served", "been"),
    doc="one person's second title: 'our CISO, who is also our CIO', 'X, is serving as our interim CSO'",
)
_ALSO_BETWEEN_RE = ALSO_TITLE.pattern
#: Between a person's title and the stand-in's post they hold (", has served as ", ", is serving as ").
_SERVED_AS_RE = lazy_compile(
    # (the holder's name between: "Our Chief Information Officer, Linda Park, has served as interim Head of Cyber
    # Defense", reader 38's casino operator)
    r"(?:,\s*(?-i:[A-Z][\w'.\u2019-]*(?:\s+[A-Z][\w'.\u2019-]*){0,3}))?"
    # (a clause of who they are between: "our Vice President of Security Operations, who has 10 years of experience in
    # information security, is serving as acting CISO", two people responsible where there is one)
    r"(?:,\s*who\s+[^,;()]{1,120}(?=,))?"
    r",?\s*(?:who\s+)?(?:has\s+(?:since\s+)?(?:served|been\s+serving)|is\s+(?:now\s+|currently\s+)?serving|(?:now\s+|currently\s+)?serves)\s+as\s+"
    r"(?:our\s+|the\s+|its\s+)?(?P<stand>(?:interim|acting)\s+)?",
    re.I,
)
#: "our vice president acting as chief information security officer": one person, the second title acting.
_ACTING_AS_RE = lazy_compile(
    # ("our Deputy CISO now acts as CISO until a successor is appointed": reader 27's MA edit)
    r"^\s+(?:(?:who\s+is\s+)?acting|(?:who\s+)?(?:now\s+|currently\s+)?acts)\s+as\s+(?:our\s+|the\s+)?$",
    re.I,
)
EXTERNAL = rule(
    "people.external",
    r"\b(?:external|outsourced|virtual|fractional|contract(?:ed)?|part[- ]time|third[- ]party)\s+$",
    ("external", "outsourced", "virtual", "fractional", "contract", "part", "third"),
    doc="a title held by an outside provider: 'our external Chief Information Security Officer', 'a fractional CISO'",
)
#: The title `titles.ABBREVIATIONS` gives a "vCISO": an outside provider's.
_VIRTUAL = "Virtual "
DESCRIBED = rule(
    "people.described",
    r"\b(?:led|overseen|managed|headed|directed|supervised)\s+by\s+(?:a|an)\s+((?:senior\s+|experienced\s+|"
    r"dedicated\s+|qualified\s+)?(?:(?!team\b|group\b|of\b|committee\b)[\w-]+\s+){0,2}?"
    r"(?:executive|leader|manager|director|professional))\b(?!\s+(?:team|group|committee))",
    ("led", "overseen", "managed", "headed", "directed", "supervised"),
    doc="an unnamed person described, not titled: 'overseen by a senior IT executive'",
    starts=("led", "overseen", "managed", "headed", "directed", "supervised"),
)
_AND_GAP_RE = lazy_compile(r"\s+(?:and|&)\s+(?:our\s+|the\s+)?", re.I)

# ---- years of experience ------------------------------------------------------------------------------------
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "a": 1,
        "an": 1,
    }
)
_NUM = (
    r"(?:\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty)"
)
_QUALIFIER = (
    r"(?:over|more\s+than|at\s+least|approximately|about|nearly|almost|roughly|around|in\s+excess\s+of|"
    r"upwards\s+of|close\s+to|no\s+less\s+than|not\s+less\s+than|some|well\s+over|just\s+over|"
    r"an\s+estimated)"
)
EXPERIENCE = rule(
    "experience_years.years",
    r"(?:\b(" + _QUALIFIER + r")\s+)?\b(" + _NUM + r"|a|an)(?:\s*(?:-|\u2013|to|and)\s*(" + _NUM + r"))?"
    # ("For more than 20 of those years, our CISO has served in various roles in information security": reader 43's
    # split of "... has served in various roles in information security for more than 20 years", its years unread)
    r"(\+|[-\s]plus\b)?\s*(?:\(\d+\)\s*)?(?:of\s+(?:those|these|which)\s+)?(?:full\s+)?(years?|decades?)\b(?![- ]old)",
    ("year", "decade"),
    doc="a number of years or decades, with its qualifier",
    starts=(
        "over",
        "more",
        "at",
        "approximately",
        "about",
        "nearly",
        "almost",
        "roughly",
        "around",
        "in",
        "upwards",
        "close",
        "no",
        "not",
        "some",
        "well",
        "just",
        "a",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        *"0123456789",
    ),
    starts_prefix=True,
)
_NOT_EXPERIENCE_RE = lazy_compile(
    r"^\s*(?:as\s+(?:our|the|its|a|an)?\s*(?-i:[A-Z])|in\s+(?:that|this|the|his|her|their|its)\s+"
    r"(?:current\s+)?(?:role|position|capacity)|with\s+(?:us|the\s+company)\b)|"
    r"^\s*(?:\w+\s+)?(?:ago|old|of\s+age|contract|term|retention)\b|"
    r"^\s*(?:of\s+(?:the\s+)?)?(?:retain|retention|period)",
    re.I,
)
_PAST_YEARS_BEFORE_RE = lazy_compile(
    r"\b(?:past|last|next|previous|prior|within|every|each|first|recent)\s+(?:\w+\s+)?$|"
    r"\b(?:in|for)\s+(?:that|this|the|his|her|their|its)\s+(?:current\s+)?(?:role|position|capacity)"
    r"\s+for\s+(?:\w+\s+)?$|\b(?:served|serving|been)\s+as\s+(?:our|the|its)\s+[^,;.]{0,60}?\s+for\s+"
    # (the role set off by commas: "has served, as CCO of the Company, for more than five years", reader 39's restyle,
    # its five years in the role read as the CCO's experience, "possibly a different person")
    r"(?:the\s+(?:past|last)\s+)?(?:\w+\s+)?$|\bas\s+(?:our\s+|the\s+|its\s+)?(?-i:[A-Z])[^,;.]{0,60}?,?\s+"
    r"for\s+(?:the\s+(?:past|last)\s+)?$|\b(?:associate|employee|member\s+of\s+our\s+team)\s+for\s+(?:\w+\s+)?$|"
    r"\bfor\s+(?:the\s+)?(?:past|last)\s+$",
    re.I,
)
_EXPERIENCE_WORD_RE = lazy_compile(
    r"\bexperience\b|\bcareer\b|\bexpertise\b|\bbackground\b|\bindustry\b|"
    r"\bworked\b|\bworking\b|\bserved\b|\bserving\b|\bveteran\b|\bprofessional\b|"
    # a career told as time spent ("She has spent 22 years in security engineering")
    r"\b(?:has|have|having)\s+spent\b",
    re.I,
)
#: A relative clause on the one named before it, up to where its words of tenure start (", who has served in that
#: role").
_WHO_CLAUSE_BEFORE_RE = lazy_compile(r",\s*who\s+[^,;.]{0,80}$", re.I)
#: A relative clause, set off by a comma or not, up to the years of experience it states ("... who has spent").
_WHO_BEFORE_YEARS_RE = lazy_compile(r"\bwho\s+[^,;.]{0,80}$", re.I)
#: A career's work told in the present perfect, its years after "for" ("has built and led ... teams for").
_LED_FOR_RE = lazy_compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:built|led|managed|headed|run|overseen|directed|"
    # ("He has been our CISO for over 5 years and has held various roles in information technology ... for over 20
    # years": reader 32's restyle of "has served ... and in various roles ...", its experience "no longer stated")
    r"held\s+(?:[\w-]+\s+){0,3}?(?:roles|positions))\b",
    re.I,
)
_EXPERIENCE_WORDS = (
    "led",
    "held",
    "built",
    "managed",
    "headed",
    "overseen",
    "directed",
    "run",
    "experience",
    "career",
    "expertise",
    "background",
    "industry",
    "work",
    "serv",
    "veteran",
    "professional",
    "spent",
)
#: The filer's own, however it names itself ("our", "its", "the Company's": "Between the Company's senior leaders, there
#: is a combined 30+ years of experience", a reader's form-only ELMD, lost its experience).
_OUR = r"(?:our|the|its|their|the\s+company['\u2019]s)\s+"
_GROUP_HOLDER_RE = lazy_compile(
    r"\b(?:experience|expertise)\b[^.;]{0,40}?\b(?:between|among(?:st)?|across)\s+"
    + _OUR
    + r"((?:[a-z-]+\s+){0,3}?(?:team|leaders|leadership|members|professionals|executives|staff|personnel|officers))\b|"
    r"\b" + _OUR + r"((?:[a-z-]+\s+){0,3}?(?:team|leaders|leadership|members|professionals|executives|staff))"
    r"\b[^.;]{0,60}?\b(?:combined|collective|collectively|average|together)|"
    r"\b" + _OUR + r"((?:[a-z-]+\s+){0,3}?(?:team|leaders|leadership|members|professionals|executives|staff))"
    r"['\u2019]s?\s+(?:\w+\s+)?(?:experience|expertise)\b|"
    r"\b(?:between|among(?:st)?)\s+" + _OUR + r"([a-z][\w\s-]{2,40}?),\s+there\b|"
    r"\b(?:the\s+|our\s+)?((?:other\s+)?(?:members|leaders|leadership)\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:committee|team|council|group))\b[^.;]{0,40}?\b(?:each\s+)?(?:have|has|possess|bring|average)|"
    r"\b"
    + _OUR
    + r"((?:[\w-]+\s+){0,4}?(?:team|leaders|leadership|members|professionals|executives|staff|personnel))"
    r"\s+(?:each\s+|collectively\s+|together\s+)?(?:have|has|possess|brings?|averages?)\b|"
    r"\b(?:combined|collective|average)\s+(?:of\s+)?(?:\w+\s+){0,3}?years[^.;]{0,60}?\b(?:of|among|across)\s+"
    + _OUR
    + r"((?:[a-z-]+\s+){0,3}?(?:team|leaders|leadership|members|professionals|executives|staff))\b|"
    # one unnamed member of a team ("Primary oversight ... rests with a member of our IT team, who holds ... and has
    # more than fifteen years of experience": reader 29's restyle, its 15 years unread)
    r"\b(?:a|one)\s+(?:senior\s+)?member\s+of\s+"
    + _OUR
    + r"((?:[\w-]+\s+){0,3}?(?:team|staff|department|group))\b[^.;]{0,120}?\b(?:has|have|holds|brings|possesses)\b|"
    # the group told of in the sentence before ("... overseen by leaders from our Information Security, ... teams. Such
    # individuals have an average of over 15 years of prior work experience": reader 30's next TSLA year, untracked)
    r"\b((?:such|these|those)\s+(?:individuals|leaders|executives|professionals|members|persons|people))\s+"
    r"(?:each\s+|collectively\s+|together\s+)?(?:have|has|possess|bring|average)\b",
    re.I,
)
_DECADES_RE = lazy_compile(r"\bdecades\s+(?:of|in)\b", re.I)


def _bare_decades(s: str, end: int) -> int:
    """Where "decades of" given no number ("includes decades of information technology ... experience") ends before
    `end`, else -1: no years to state, but what a period after it ("including more than a decade") is part of."""
    for m in _DECADES_RE.finditer(s, 0, end):
        words = s[max(0, m.start() - 20) : m.start()].split()
        if not words or not (words[-1].lower() in _NUMBER_WORDS or words[-1][-1:].isdigit()):
            return m.end()
    return -1


_EXPERIENCE_BEFORE_RE = lazy_compile(
    r"\b(?:experience|career|expertise)\b[^.;]{0,100}$|"
    # "He has worked over the last fifteen years in the security industry" (VRNS FY2025): a career's years
    r"\b(?:has|have)\s+(?:worked|served|been\s+working)\s+(?:over|for|during|in)\s+the\s+(?:past|last)\s+$",
    re.I,
)
_SUB_PERIOD_RE = lazy_compile(
    r"\bincluding\b|\bof\s+which\b|\b(?:with|among)\s+(?:the\s+)?(?:last|past)\b", re.I
)
#: A mention that is the object of a verb before it: not whose experience follows.
_OBJECT_BEFORE_RE = lazy_compile(
    r"\b(?:report\w*|reporting)\s+(?:\w+\s+){0,2}?to\s+(?:the\s+|our\s+|its\s+)?"
    r"(?:[\w-]+['\u2019]s\s+)?$|\b(?:to|with|from|by|for|including|include|includes)\s+"
    r"(?:the\s+|our\s+|its\s+)?$|\b(?:includes?|including|such\s+as)\b(?:(?!\bwho\b|\bwhich\b)[^.;:]){0,100}$",
    re.I,
)
#: What a match of _OBJECT_BEFORE_RE holds (lower case): one of these words anywhere ...
_OBJECT_WORDS = ("report", "includ", "such")
#: ... else a word ending so, then only whitespace, or "the", "our" or "its" and whitespace.
_OBJECT_WORD_ENDS = ("to", "with", "from", "by", "for")
_OBJECT_DETERMINERS = ("the", "our", "its")


def _object_before(s: str, low: str | None, pos: int) -> bool:
    """Whether the mention at `pos` is the object of a verb before it (_OBJECT_BEFORE_RE in the 80 characters
    before it); `low` is s's hint_text. Most mentions hold none of the words the pattern needs: tested first."""
    start = max(0, pos - 80)
    window = None if low is None else low[start:pos]
    if window is not None and not any(map(window.__contains__, _OBJECT_WORDS)):
        # a match then ends in "to", "with", ... and whitespace, or in "to the", "with our", ... and whitespace
        # (str.split and str.isspace know the whitespace \s does)
        words = window.split()
        if not (window[-1:].isspace() and words):
            return False
        last = words[-2] if words[-1] in _OBJECT_DETERMINERS and len(words) > 1 else words[-1]
        if not last.endswith(_OBJECT_WORD_ENDS):
            return False
    return _OBJECT_BEFORE_RE.search(s, start, pos) is not None


_LIST_GAP_RE = lazy_compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:(?:,\s*|\s+and\s+)(?-i:[A-Z][\w/&]{1,6})(?=\s*(?:,|\s+and\s)))?"
    r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|,?\s+and/or\s+)(?:the\s+|our\s+|its\s+)?$",
    re.I,
)
_TOGETHER_RE = lazy_compile(r"\b(?:collectively|together|combined|jointly|between\s+them)\b", re.I)
_GROUP_WORDS = (
    "combined",
    "collective",
    "average",
    "together",
    "between",
    "among",
    "across",
    "team",
    "leader",
    "members",
    "professionals",
    "executives",
    "staff",
    "personnel",
)


def _number(text: str) -> int:
    text = text.lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    return sum(_NUMBER_WORDS.get(p, 0) for p in text.split())


_QUALIFIER_NAMES = {
    "over": "over",
    "more than": "more than",
    "at least": "at least",
    "in excess of": "more than",
    "upwards of": "more than",
    "no less than": "at least",
    "not less than": "at least",
    "well over": "over",
    "just over": "over",
}


def _qualifier(raw: str | None, plus: str | None, ranged: bool) -> str:
    if plus or ranged:
        return "at least"
    if not raw:
        return "exact"
    return _QUALIFIER_NAMES.get(re.sub(r"\s+", " ", raw.lower()), "approximately")


_IT_WORD_RE = lazy_compile(r"\bit\b")
_SUCH_RE = lazy_compile(r"(?:such|these|those)\s+")


def _career_for(s: str, pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether years at `pos`, inside a biography's stretch, are the length of a career it tells in the present perfect
    ("has held various roles in information technology and information security for over 20 years")."""
    return s[max(0, pos - 4) : pos].lower() == "for " and any(
        a <= pos < b and _LED_FOR_RE.match(s, a) is not None for a, b in spans
    )


def _years_stated(
    s: str, low: str | None, spans: list[tuple[int, int]]
) -> tuple[str | None, list[tuple[re.Match[str], int, str]]]:
    """The group a sentence gives years of experience to (None: no group), and the years of experience it states
    outside the biography stretches `spans`: (match, years, qualifier) each."""
    group = None
    if has(low, _GROUP_WORDS) and (g := _GROUP_HOLDER_RE.search(s)):
        group = _IT_WORD_RE.sub("IT", clean_inline(next(x for x in g.groups() if x)).lower())  # ("IT team")
        if (such := _SUCH_RE.match(group)) is not None:
            group = f"{group[such.end() :]} described"  # ("Such individuals": "the individuals described")
    taken_at = -1
    found = []
    for m in EXPERIENCE.scan(s, low):
        if _inside(m.start(), spans) and not _career_for(s, m.start(), spans):
            continue
        tail = s[m.end() : m.end() + 80]
        if _NOT_EXPERIENCE_RE.match(tail) or _YEARS_AT_RE.match(tail):
            continue  # years of age, of a contract; years spent at a named company: biography
        if _PAST_YEARS_BEFORE_RE.search(
            s, max(0, m.start() - 100), m.start()
        ) and not _EXPERIENCE_BEFORE_RE.search(s, max(0, m.start() - 100), m.start()):
            continue  # "over the past three years, we have ..." (but "experience ... over the past 25 years")
        if not (
            _EXPERIENCE_WORD_RE.search(tail)
            or _EXPERIENCE_WORD_RE.search(s, 0, m.start())
            # ("Our VP has built and led cybersecurity ... teams for more than 20 years": reader 29's restyle of "has
            # more than 20 years of experience building and leading ...", its experience "no longer stated")
            or s[max(0, m.start() - 5) : m.start()].lower().endswith("for ")
            and _LED_FOR_RE.search(s, 0, m.start())
        ):
            continue
        if taken_at >= 0 and _SUB_PERIOD_RE.search(s, taken_at, m.start()):
            continue  # "25 years, including eleven years ...": part of the years already taken
        if (bare := _bare_decades(s, m.start())) >= 0 and _SUB_PERIOD_RE.search(s, bare, m.start()):
            continue  # "decades of ..., including more than a decade as a CISO": a part, not the whole (MOH FY2025)
        number = m.group(2)
        if number.lower() in ("a", "an") and not m.group(5).lower().startswith("decade"):
            continue  # "a year", not a number of years
        years = _number(number) * (10 if m.group(5).lower().startswith("decade") else 1)
        if not 1 <= years <= 99:
            continue
        taken_at = m.end()
        if m.group(3) and " and " in m.group(0) and "respectively" in s.lower():
            # a list, not a range ("Our CIO and CISO have over 28 and 29 years of ... experience, respectively":
            # reader 35's restyle of "over 28 years and 29 years", read as one range, the CISO "possibly a different
            # person"); numbers listed before it go with it ("28, 29 and 20 years")
            listed = _LISTED_BEFORE_RE.search(s, max(0, m.start() - 40), m.start())
            qualifier = _qualifier(m.group(1) or (listed.group(1) if listed else None), m.group(4), False)
            numbers = [*(_LIST_NUMBER_RE.findall(listed.group(2)) if listed else []), m.group(2), m.group(3)]
            found += [(m, _number(n), qualifier) for n in numbers if 1 <= _number(n) <= 99]
            continue
        found.append((m, years, _qualifier(m.group(1), m.group(4), bool(m.group(3)))))
    return group, found


#: A sentence opening on "They" (the people the one before spoke of).
_THEY_RE = lazy_compile(r"\s*(?:Together,\s*)?They\s")
#: Numbers listed before the last two of a list of years ("over 28, 29 and 20 years": "over", "28, ").
_LISTED_BEFORE_RE = lazy_compile(r"(?:\b(" + _QUALIFIER + r")\s+)?((?:\d{1,2},\s*)+)$", re.I)
_LIST_NUMBER_RE = lazy_compile(r"\d{1,2}")


# ---- tenure, reporting line, certifications -----------------------------------------------------------------
TENURE = rule(
    "tenure_start.since",
    r"\bsince\s+(?:our|its|the\s+company['\u2019]s|the\s+group['\u2019]s|the)\s+(inception|founding|formation|"
    r"establishment)\b|(?<!positions\s)(?<!roles\s)\bsince\s+(?:\w+\s+)?((?:19|20)\d{2})\b|\b(?:appointed|named|"
    r"promoted|hired|became|joined\s+(?:us|the\s+company|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)\s+as)\b[^.;]{0,80}?\bin\s+"
    r"(?:\w+\s+)?((?:19|20)\d{2})\b|\bin\s+((?:19|20)\d{2})\b[^.;]{0,100}?\bsince\s+then\b|"
    # the date first ("In February 2026, Daniel Reyes was appointed as our CISO, succeeding our prior CISO": reader 37's,
    # "possibly a different person")
    r"\bin\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2}),\s+[^.;]{0,60}?\b(?:was|were)\s+(?:appointed|named|hired|promoted)\b|"
    # a relative clause on the title: "our CISO, who joined TI in 2025" (the role no earlier), unless the role came
    # later ("who joined us in 2015 and became CISO in 2022", which the alternatives above read)
    r"\bwho\s+joined\s+(?:us|the\s+company|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)\s+in\s+(?:\w+\s+){0,2}?((?:19|20)\d{2})\b"
    r"(?![^.;]{0,60}\b(?:became|appointed|named|promoted)\b)|"
    # the title the subject: "Our CISO, who reports to our CIO, joined the Company in 2021" (an unseen reader's HD)
    r"(?-i:\b(?:CISO|CSO|CIO|CTO|Officer))\b(?:[^.;]{0,60}?,)?\s+joined\s+(?:us|the\s+company)\s+in\s+(?:\w+\s+){0,2}?"
    r"((?:19|20)\d{2})\b(?![^.;]{0,60}\b(?:became|appointed|named|promoted)\b)|"
    # the title's appositive: "Dror Shemesh, our CISO beginning in August 2025, ..." (VRNS FY2025; not "effective",
    # which dates departures too: "would resign as CISO effective June 30, 2025")
    r"(?-i:\b(?:CISO|CSO|CIO|CTO|Officer|Security|Technology))\s*,?\s+(?:beginning|starting)\s+"
    r"(?:in\s+|on\s+|as\s+of\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},\s+)?((?:19|20)\d{2})\b",
    ("since", "19", "20"),
    doc="when the responsible person took the role: 'since 2019', 'joined ... in 2020', 'who joined us in 2025', "
    "'our CISO beginning in August 2025'",
)
_CAREER_SINCE_RE = lazy_compile(
    r"\b(?:positions|roles|career|leadership\s+(?:positions|roles))\b[^.;]{0,80}$|"
    # ("joined the Company in 2021 after working with the Company as a third-party consultant since 2019": an unseen
    # reader's HD edit, read as in the role since 2019)
    r"\b(?:consultant|advis[oe]r|contractor|vendor)\b[^.;]{0,20}$",
    re.I,
)
_TENURE_VERB_RE = lazy_compile(
    r"\b(?:served|serving|serves|been|joined|joining|appointed|named|led|leading|held|role|"
    r"position|became|hired|promoted|managing|headed|beginning|starting)\b",
    re.I,
)
REPORTS_TO = rule(
    "reports_to.reports_to",
    r"\breport(?:s|ing)?(?:\s+(?:lines?|relationship))?\s+(?:directly\s+|administratively\s+|functionally\s+|"
    r"primarily\s+)?(?:up\s+)?(?:in\s+|through\s+)?to\s+|\breports?\s+(?:directly\s+)?through\s+",
    ("report",),
    doc="the responsible person 'reports to' an officer",
)
#: One who leads (the program, a function) under another's supervision: a line to that one.
_SUPERVISED_BY_RE = lazy_compile(
    r"\b(?:leads|heads|manages|runs|directs|oversees|works)\s+[^.;]{0,80}?\bunder\s+the\s+(?:supervision|direction)\s+of\s+",
    re.I,
)
#: "Our CTO, to whom the CISO reports, ...": the officer before "to whom" is the line of the one after it.
REPORTS_TO_WHOM = rule(
    "reports_to.to_whom",
    r",?\s+to\s+whom\s+(?:the\s+|our\s+|its\s+)?(?P<who>(?:[\w-]+\s+){0,5}?)(?:directly\s+|"
    r"administratively\s+|functionally\s+|primarily\s+)?reports?\b",
    ("whom",),
    doc="'our CTO, to whom the CISO reports': the responsible person reports to the officer before 'to whom'",
)
#: A company head's title joined to the chief officer's after it, which alone the title patterns do not read: "our
#: President and Chief Executive Officer", "its Chairman and CEO", "our Representative Director and Chief Executive
#: Officer" (reader 26's Korean 20-F, whose line to the CEO was read as none, so a line to the CDO as merely added).
_HEAD_OF_COMPANY_AND_RE = lazy_compile(
    r"(?:(?:Chair(?:man|woman|person)?|President|Representative\s+Director|(?:Co-?)?Founder)(?:,\s*|\s+and\s+))+"
    r"(?=(?:Chief|C[A-Z]{1,3}O\b))"
)
#: An officer the title patterns do not know, reported to ("reports directly to the Corporate Controller": reader 29's
#: restyle of ELMD, whose line moved from the CFO was "the sentence no longer names the Chief Financial Officer").
_OFFICE_TITLE_RE = lazy_compile(
    r"(?-i:(?:[A-Z][\w&-]*\s+){0,3}(?:Controller|Comptroller|Treasurer|Secretary)\b)"
)
#: An office title joined to the one before it ("Vice President and Corporate Controller").
_AND_OFFICE_RE = lazy_compile(
    r"\s+and\s+((?-i:(?:[A-Z][\w&-]*\s+){0,3}(?:Controller|Comptroller|Treasurer|Secretary|General\s+Counsel))\b)"
)
#: A chief officer's acronym the text never spells out ("He reports directly to the CIDO": reader 33's, whose CSO was
#: then read as no one responsible and his replacement medium, where "the Chief Information Digital Officer" made it
#: high).
_CHIEF_ACRONYM_RE = lazy_compile(r"(?-i:C[A-Z]{1,4}O)\b")
#: (an owner of two or three words: "the Property Manager's Chief Information Officer", reader 23's REIT)
_REPORTS_TO_LEAD_RE = lazy_compile(
    r"(?:the\s+|our\s+|its\s+|(?-i:(?:[A-Z][\w-]*\s+){0,2})[\w-]+['\u2019]s\s+)*", re.I
)
#: A word of scope before a title ("Global", "Group", "Corporate").
_SCOPE_BEFORE_TITLE_RE = lazy_compile(r"(?:Global|Group|Corporate|Enterprise|Company)\s+")
#: "our CISO, who reports to", "our CIO who, in turn, reports directly to": a relative clause on the one before "who"
_WHO_BEFORE_RE = lazy_compile(r"(?:,?\s+|\(\s*)who\s*,?\s+(?:\w+,?\s+){0,2}$", re.I)
#: A participle set off after the one it is about ("our CISO, reporting to the CRO").
_PARTICIPLE_BEFORE_RE = lazy_compile(r"[,)]\s*(?:directly\s+)?$", re.I)
#: "reporting to our CISO are our Deputy CISOs" (UNP FY2024): the ones after report, not the one before.
_INVERTED_AFTER_RE = lazy_compile(r"(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,6}?(?:are|is)\b", re.I)
#: A relative clause of several predicates, the last one "and reports" ("..., who has ..., holds ..., and "): where
#: its last "who" starts; or of two ("who joined us in June 2024 and reports to", an unseen reader's hospital operator).
_WHO_AND_BEFORE_RE = lazy_compile(
    r"(?s:.*),\s*(?P<who>who)\s+(?:[^;]{1,300}?,\s+|[^;,]{1,80}?\s+)and\s+(?:also\s+|currently\s+|directly\s+)?$",
    re.I,
)
_GROUP_INCLUDING_RE = lazy_compile(
    r"(?:[\w-]+\s+){1,4}?(?:team|committee|leadership|officers|executives|management)"
    r",?\s+(?:including|comprised\s+of|consisting\s+of|such\s+as|namely)\s+"
    r"(?:the\s+|our\s+|its\s+)?",
    re.I,
)
_TITLE_LIST_RE = lazy_compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|our\s+|its\s+)?", re.I
)
_TEAM_BEFORE_RE = lazy_compile(
    r"\b(?:team|teams|department|function|employees|staff|personnel|committee|organization)\s*(?:\w+\s+){0,2}$",
    re.I,
)
_LEADS_TEAM_BEFORE_RE = lazy_compile(
    # (and "is responsible for leading the IT organization and reports directly to the CFO": reader 29's restyle)
    r"\b(?:leads|heads|manages|oversees|directs|runs|supervises|leading|heading|managing|overseeing|directing|running|"
    r"supervising)\s+(?:[\w-]+\s+){0,4}?(?:team|department|"
    r"function|employees|staff|personnel|committee|organi[sz]ation)\s+and\s+(?:\w+\s+)?$",
    re.I,
)

CERTIFICATIONS = {
    "certified information systems security professional": "CISSP",
    "certified information security manager": "CISM",
    "certified information systems auditor": "CISA",
    "certified in risk and information systems control": "CRISC",
    "certified in the governance of enterprise it": "CGEIT",
    "certified cloud security professional": "CCSP",
    "certificate of cloud security knowledge": "CCSK",
    "certified ethical hacker": "CEH",
    "giac security essentials": "GSEC",
    "certified information privacy professional": "CIPP",
    "certified information privacy manager": "CIPM",
    "certified information privacy technologist": "CIPT",
    "offensive security certified professional": "OSCP",
    "certified data privacy solutions engineer": "CDPSE",
    "certified chief information security officer": "CCISO",
    "comptia security+": "Security+",
    "certified information security professional": "CISSP",
    # (GIAC's by name: "GIAC Industrial Cyber Security Professional" dropped was Routine, where "GICSP" was read: reader
    # 45's EV maker)
    "giac global industrial cyber security professional": "GICSP",
    "global industrial cyber security professional": "GICSP",
    "giac industrial cyber security professional": "GICSP",
    "giac certified incident handler": "GCIH",
    "giac certified intrusion analyst": "GCIA",
    "giac penetration tester": "GPEN",
    "giac security leadership": "GSLC",
    "giac certified forensic analyst": "GCFA",
    "giac strategic planning, policy, and leadership": "GSTRT",
    "giac critical infrastructure protection": "GCIP",
}
_CERT_ACRONYMS = (
    "CISSP",
    "CISM",
    "CISA",
    "CRISC",
    "CGEIT",
    "CCSP",
    "CCSK",
    "CEH",
    "GSEC",
    "GCIH",
    "GCIA",
    "GPEN",
    "GSLC",
    "GSTRT",
    "GCFA",
    "GCIP",
    "GICSP",
    "GIAC",
    "CIPP",
    "CIPM",
    "CIPT",
    "CDPSE",
    "CCISO",
    "OSCP",
    "CySA+",
    "CASP+",
    "Security+",
    "C|CISO",
    "ISSMP",
    "ISSAP",
)
_CERT_NAMES_RE = "|".join(
    re.escape(n).replace(r"\ ", r"\s+") for n in sorted(CERTIFICATIONS, key=len, reverse=True)
)
CERTIFICATION = rule(
    "certifications.named",
    r"(?-i:\b(CISSP|CISM|CISA|CRISC|CGEIT|CCSP|CCSK|CEH|GSEC|GCIH|GCIA|GPEN|GSLC|GSTRT|GCFA|GCIP|GICSP|GIAC(?!\s+[A-Z])|"
    r"CIPP(?:\s*/\s*[A-Z]{1,3})?|CIPM|CIPT|CDPSE|C\|?CISO|CCISO|OSCP|ISSMP|ISSAP)\b|\b(?:CompTIA\s+)?(Security\+|CySA\+|CASP\+))|"
    r"\b(" + _CERT_NAMES_RE + r")\b",
    ("certified", "certificate", "giac", "comptia"),
    cased=_CERT_ACRONYMS,
    doc="a professional certification by acronym or full name",
)
#: Certifications no list knows, held in a list that says so: "holds the CISSP and CSSLP certifications".
CERTIFICATION_LISTED = rule(
    "certifications.listed",
    r"\b(?:holds?|held|holding|earned|maintains?|possess(?:es)?|obtained)\s+(?:the\s+|a\s+|an\s+)?((?-i:[A-Z][A-Za-z0-9|+]{1,8}"
    r"(?:\s*/\s*[A-Z]{1,3})?)(?:(?:,\s*|,?\s+and\s+)(?-i:[A-Z][A-Za-z0-9|+]{1,8}(?:\s*/\s*[A-Z]{1,3})?))*)\s+"
    r"(?:professional\s+|industry\s+|security\s+)?(?:certifications?|credentials?|designations?)\b",
    ("certification", "credential", "designation"),
    doc="acronyms listed as certifications held, also those no list knows ('holds the CISSP and CSSLP certifications')",
)
_LISTED_CERT_RE = lazy_compile(r"(?-i:[A-Z][A-Za-z0-9|+]{1,8}(?:\s*/\s*[A-Z]{1,3})?)")
FORMER_CERTIFICATION = rule(
    "former_certifications.previously_held",
    r"\b(?:previously|formerly|once|has\s+held|in\s+the\s+past)\b(?:(?!\b(?:now|currently|presently)\b)[^.;]){0,80}$|"
    r"\b(?:previous|prior|former|past|earlier)\s+(?:[\w-]+\s+)?(?:certifications|credentials)\b"
    r"(?:(?!\b(?:now|currently|presently)\b)[^.;]){0,240}$",
    ("previous", "former", "once", "held", "past", "prior", "earlier"),
    doc="a certification in a biography stretch, after 'previously held', or in a list of 'previous certifications' "
    "(not after a 'now' or 'currently' that follows them): held before, not now",
)
_FORMER_CERT_BEFORE_RE = FORMER_CERTIFICATION.pattern
#: How far before a certification `FORMER_CERTIFICATION` looks: "previously" stands within 80 characters of it, the
#: head of a list ("Our CISO held previous certifications include ISC2 CISSP, ..., and ISACA CDPSE") further.
_FORMER_CERT_REACH = 320


def certification_name(raw: str) -> str:
    """The acronym of a certification (full names mapped to it)."""
    text = re.sub(r"\s+", " ", raw.strip())
    mapped = CERTIFICATIONS.get(text.lower())
    if mapped:
        return mapped
    text = re.sub(r"^CompTIA\s+", "", text)
    return re.sub(r"\s*/\s*", "/", text).replace("C|CISO", "CCISO")


# ---- organisations (former employers) --------------------------------------------------------------------
_ORG_RE = lazy_compile(
    r"(?-i:\b(?:the\s+)?((?:[A-Z][\w&.\u2019'-]*|[a-z]+[A-Z][\w&-]*)(?:\s+(?:of|and|&|for|the)?\s*"
    r"(?:[A-Z][\w&.\u2019'-]*|[a-z]+[A-Z][\w&-]*))*))"
)
_ORG_BEFORE_RE = lazy_compile(r"\b(?:at|with|of|for|from|joining|joined)\s+(?:the\s+)?$", re.I)
_NOT_ORG_WORDS = frozenset(
    "our the we company board committee he she they his her mr ms mrs dr chief vice senior director head "
    "officer president security information technology u.s federal".split()
)


#: (not "Officer of": "Chief Information Security Officer of Intuit Inc." names where the officer worked, reader 33's
#: BA and META biographies, which lost it)
_TITLE_OF_RE = lazy_compile(r"\b(?:president|director|head|manager|lead)\s+of\s+(?:the\s+)?$", re.I)
#: A company's legal form ending its name ("Intuit Inc.", "Lockheed Martin Corporation").
_CORPORATE_SUFFIX_RE = lazy_compile(
    r"\b(?:Inc|Corporation|Corp|LLC|Ltd|plc|PLC|AG|SE|N\.V|S\.A|GmbH|Holdings)\.?$"
)
#: The company joined, before which the biography is told ("Prior to joining Boeing", "Before joining us").
_JOINING_RE = lazy_compile(r"\b(?:prior\s+to|before|until)\s+joining\s+(?:the\s+)?$", re.I)
_ORG_LIST_GAP_RE = lazy_compile(r",\s*(?:and\s+|or\s+)?(?:the\s+)?$|\s+(?:and|or)\s+(?:the\s+)?$")


def former_employers(s: str, spans: list[tuple[int, int]]) -> list[str]:
    """Organisations a biography stretch names as where the person worked ("at Twitter, Yahoo, and Netscape")."""
    out = []
    for a, b in spans:
        listed = False
        for m in _ORG_RE.finditer(s, a, b):
            name = m.group(1).rstrip(".,")
            start = m.start()
            head, of, rest = name.partition(" of ")
            if of and TITLE_RE.fullmatch(head):
                # a title and where it was held, in one run of capitals ("Chief Information Security Officer of Intuit
                # Inc.": reader 33's, whose Intuit was lost)
                name, start = rest, m.start(1) + len(head) + len(of)
            before_title, joined, after = name.partition(" and ")
            if joined and TITLE_RE.match(after):
                name = (
                    before_title  # ("Lockheed Martin Corporation and Deputy Director of ...": the next post)
                )
            gap = s[max(0, start - 14) : start]
            listed = listed and bool(_ORG_LIST_GAP_RE.search(gap))
            if not (_ORG_BEFORE_RE.search(gap) or listed) or (
                _TITLE_OF_RE.search(gap) and not _CORPORATE_SUFFIX_RE.search(name)
            ):
                continue  # (no organisation; or a title's remit: "Vice President of IT Applications at ServiceNow")
            if _JOINING_RE.search(s, max(0, start - 30), start) or _CORPORATE_SUFFIX_RE.fullmatch(name):
                continue  # the filer itself ("Prior to joining Boeing in 2025, Ms. Alvarez served as ...": reader 33's)
            listed = True
            first = name.split()[0].lower().rstrip(".")
            if first in _NOT_ORG_WORDS or TITLE_RE.fullmatch(name):
                continue
            out.append(name)
    return list(dict.fromkeys(out))  # (stretches may overlap)


# ---- the reading ------------------------------------------------------------------------------------------------
@dataclass
class Person:
    """One person the section describes."""

    name: str | None = None
    titles: list[str] = field(default_factory=list)
    role: str = "other"
    experience: dict | None = None
    certifications: list[str] = field(default_factory=list)
    former_certifications: list[str] = field(default_factory=list)
    former_employers: list[str] = field(default_factory=list)
    pronoun: str | None = None
    tenure_start: str | None = None
    external: bool = False
    """Holds a title as an outside provider ("our external CISO", "a fractional CISO")."""
    first: int = 0
    """The sentence that first speaks of the person."""

    @property
    def holder(self) -> str:
        """How the person is named as a holder of experience: their first chief officer's title ("Assistant Vice
        President and Chief Information Security Officer" holds as the CISO), else their first title, else their
        name."""
        chief = next((t for t in self.titles if "chief" in t.lower().split()), None)
        return chief or (self.titles[0] if self.titles else (self.name or ""))

    def to_value(self) -> dict:
        """The `people` fact value."""
        return {
            "name": self.name,
            "titles": list(self.titles),
            "role": self.role,
            "experience": self.experience,
            "certifications": list(self.certifications),
            "former_certifications": list(self.former_certifications),
            "former_employers": list(self.former_employers),
            "pronoun": self.pronoun,
            "tenure_start": self.tenure_start,
            **({"external": True} if self.external else {}),  # (said only of an outside provider)
        }


_BARE_TITLE_WORDS = {
    "vice",
    "president",
    "senior",
    "executive",
    "director",
    "manager",
    "head",
    "officer",
    "chief",
}
_AT_COMPANY_RE = lazy_compile(r"\s+(?:at|with)\s+(?:the\s+)?(?-i:([A-Z][\w&.-]*))")
_OUR_BEFORE_RE = lazy_compile(r"\b(?:our|its)\s+$", re.I)
#: A title whose holder leads security itself (a CISO, a head or director of information security).
_SECURITY_LEAD_RE = lazy_compile(r"\b(?:security|cybersecurity|cyber)\b", re.I)
_BULLET_RE = lazy_compile(r"^\s*[\u2022\u00b7\u25aa\u25cf\u2023\u2013\u2014*-]\s")
LISTED = rule(
    "responsible_titles.listed",
    r"\b(?:responsib\w*|accountab\w*|in\s+charge)\b[^.]{0,240}?(?:\b(?:include|includes|including|following|"
    r"comprise|comprises|consist|consists|group|team|executives|leaders|individuals|officers)\b|:\s*$)|"
    r"\b(?:group|team|executives|leaders|individuals|officers)\b[^.]{0,80}?\b(?:responsib\w*|accountab\w*)\b",
    ("responsib", "accountab", "in charge"),
    doc="a sentence making a group responsible, then bullets each naming one of them first",
    starts=(
        "responsib",
        "accountab",
        "in",
        "group",
        "team",
        "executives",
        "leaders",
        "individuals",
        "officers",
    ),
    starts_prefix=True,
)
_ROLE_RANK = {"responsible": 0, "reports_to": 1, "board_member": 2, "other": 3}


@functools.lru_cache(maxsize=4096)
def _normalized_title(raw: str, acronyms: tuple[tuple[str, str], ...]) -> str:
    """normalize_title with the acronyms a text defines, given as their sorted (acronym, title) pairs (kept from
    one text to the next: the same few titles come again, whatever the filer)."""
    return normalize_title(raw, dict(acronyms))


class PeopleReader:
    """Reads the people of one disclosure: fills the Reading with the person-centred facts."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        index = reading.index
        self.texts, self.lows = index.texts, index.lows
        self.acronyms = defined_acronyms(index.sentences, index.lows)
        self.acronym_key = tuple(sorted(self.acronyms.items()))
        self.acronym_re = document_acronyms_re(self.acronyms)
        self.people: list[Person] = []
        self.by_name: dict[str, Person] = {}
        self.by_surname: dict[str, Person] = {}
        self.by_first: dict[str, Person] = {}  # (a full name's first word: a surname where written first)
        self.by_title: dict[str, Person] = {}
        self.norms: dict[str, str] = {}
        self.bios: dict[int, list[tuple[int, int]]] = {}
        self.lines: list[tuple[Person, str, int, str]] = []  # (who reports, to what title, sentence, rule)
        self.objects: dict[int, set[int]] = {}  # sentence -> positions of the mentions that are objects
        self.tenures: list[tuple[Person, str, int]] = []  # (whose, since when, sentence)
        self.listing_responsible = False  # the bullets that follow list those responsible
        self.experienced: set[int] = set()  # ids of the people whose years of experience the text states
        # ids of the people the text says have left ("our former CISO, Jane Doe")
        self.departed: set[int] = set()
        self.left_at: tuple[int, list[str]] | None = None
        """The last sentence telling of a departure, and the titles it says left."""
        # id of a person -> the sentence stating their experience or expertise
        self.expertise: dict[int, int] = {}
        self.titles: dict[int, list[tuple[int, int, str]]] = {}
        self.may_title: frozenset[int] = frozenset()

    # -- per-sentence pieces (each worked out once) --
    def norm(self, raw: str) -> str:
        title = self.norms.get(raw)
        if title is None:
            title = self.norms[raw] = _normalized_title(raw, self.acronym_key)
        return title

    def bio(self, i: int) -> list[tuple[int, int]]:
        spans = self.bios.get(i)
        if spans is None:
            spans = self.bios[i] = biography_spans(self.texts[i], self.lows[i])
        return spans

    def titles_of(self, i: int) -> list[tuple[int, int, str]]:
        """The current titles of sentence i (those inside a biography stretch left out)."""
        found = self.titles.get(i)
        if found is None:
            if i not in self.may_title:
                found = []
            else:  # (a pure function of the sentence, the acronyms the text defines and the company's names)
                found = once(
                    "titles", (self.texts[i], self.acronym_key, self.r.own_names), lambda: self._titles(i)
                )
            self.titles[i] = found
        return found

    def _titles(self, i: int) -> list[tuple[int, int, str]]:
        found = titles_in(self.texts[i], self.acronyms, self.lows[i], self.norm)
        if found:  # (biography is looked for only where there is a title to rule out)
            spans = self.bio(i)
            found = [t for t in found if not _inside(t[0], spans) and not self._elsewhere(self.texts[i], t)]
        return found

    def _elsewhere(self, s: str, title: tuple[int, int, str]) -> bool:
        """A title held at another company: "Vice President of IT Applications at ServiceNow"."""
        m = _AT_COMPANY_RE.match(s, title[1])
        return (
            m is not None
            and m.group(1).lower() not in self.r.own_names
            and not _OUR_BEFORE_RE.search(s, max(0, title[0] - 8), title[0])
        )

    # -- people --
    def person_for_title(self, title: str, i: int) -> Person:
        key = title_key(title)
        person = self._holder(key)
        if person is None and not set(key.split()) - _BARE_TITLE_WORDS:
            # a bare "Vice President" or "the Director" after the full title: the one person holding it
            holders = {id(p): p for k, p in self.by_title.items() if k.startswith(key + " ")}
            if len(holders) == 1:
                person = next(iter(holders.values()))
        if person is None:
            person = Person(titles=split_titles(title), first=i)
            self.people.append(person)
            for t in person.titles:
                self.by_title[title_key(t)] = person
            self.by_title[key] = person
        return person

    def _holder(self, key: str) -> Person | None:
        """Who holds the title of a `title_key`: of one gone, the stand-in in the post ("The CISO" after "our previous
        CISO" and "interim CISO"; "The interim Head of Security", its "interim" no part of the title read, after "our
        Security Architecture Lead ... took on the role in an interim capacity")."""
        person = self.by_title.get(key)
        if person is not None and id(person) in self.departed:
            person = self.by_title.get(f"interim {key}") or self.by_title.get(f"acting {key}") or person
        return person

    def _met(self, name: str) -> Person | None:
        """The person met before by this name (full, or the surname alone), if any (`name` cleaned)."""
        found = self.by_name.get(name) or self.by_surname.get(name.split()[-1])
        if found is None and len(name.split()) == 1:
            # a surname written first ("Mr. Tan" of "Tan Wei Ming": a reader's 20-F, whose CISO became two people
            # responsible, and his successor's replacement two highs)
            found = self.by_first.get(name)
        return found

    def person_for_name(self, name: str, i: int) -> Person:
        name = clean_inline(name)
        person = self._met(name)
        if person is None:
            person = Person(name=name, first=i)
            self.people.append(person)
        elif person.name and len(name.split()) > len(person.name.split()):
            person.name = name  # "Mr. Doe" first, "Jane Doe" later
        if len(name.split()) > 1:
            self.by_name[name] = person
            self.by_first.setdefault(name.split()[0], person)
        self.by_surname.setdefault(name.split()[-1], person)
        return person

    def give_title(self, person: Person, title: str) -> None:
        for part in split_titles(title):
            key = title_key(part)
            other = self.by_title.get(key)
            if other is not None and other is not person and other.name is None:
                self._merge(other, person)
            if part not in person.titles:
                person.titles.append(part)
            self.by_title[key] = person
        self.by_title[title_key(title)] = person

    def _merge(self, gone: Person, into: Person) -> None:
        """An unnamed title-holder turns out to be a named person."""
        for t in gone.titles:
            if t not in into.titles:
                into.titles.append(t)
            self.by_title[title_key(t)] = into
        into.experience = into.experience or gone.experience
        into.pronoun = into.pronoun or gone.pronoun
        into.tenure_start = into.tenure_start or gone.tenure_start
        into.external = into.external or gone.external
        for attr in ("certifications", "former_certifications", "former_employers"):
            for v in getattr(gone, attr):
                if v not in getattr(into, attr):
                    getattr(into, attr).append(v)
        if _ROLE_RANK[gone.role] < _ROLE_RANK[into.role]:
            into.role = gone.role
        into.first = min(into.first, gone.first)
        self.people.remove(gone)
        # what was read of the title-holder is the named person's ("Our CSO reports to the Chief Financial Officer. In
        # June 2025, Priya Raman was appointed as our CSO": reader 33's, whose line stayed with the unnamed CSO, so no
        # one was responsible and the CSO "no longer described as responsible", high)
        self.lines = [(into if who is gone else who, to, i, name) for who, to, i, name in self.lines]
        self.tenures = [(into if who is gone else who, since, i) for who, since, i in self.tenures]
        for ids in (self.experienced, self.departed):
            if id(gone) in ids:
                ids.discard(id(gone))
                ids.add(id(into))
        if id(gone) in self.expertise:
            self.expertise.setdefault(id(into), self.expertise.pop(id(gone)))

    # -- the walk --
    def read(self) -> None:
        last: Person | None = None
        group: list[Person] = []  # (the people the last sentence speaking of several spoke of)
        index = self.r.index
        # the sentences that may speak of a person: a title, an honorific, a described person (found for the
        # whole text at once); the others only matter for a pronoun or a name met before
        self.may_title = (
            index.holding(TITLE_WORDS)
            | index.holding(TITLE_CASED_WORDS, lower=False)
            | index.finding(TITLE_UPPER_HINT_RE)
        )
        speaking = (
            self.may_title | index.holding(_HONORIFIC.cased, lower=False) | index.holding(DESCRIBED.needs)
        )
        years = index.holding(EXPERIENCE.needs)
        listed = LISTED.candidates(index)
        leaving = index.holding(_DEPARTED_KEYS + LEAVING_KEYS)
        for i, s in enumerate(self.texts):
            low = self.lows[i]
            if not _BULLET_RE.match(s):  # bullets go on the list the sentence before them opened
                listing = i in listed and once(  # (a pure function of the sentence: once per block)
                    LISTED.name, s, lambda: next(LISTED.scan(s, low), None) is not None and is_cyber(s)
                )
                # "... senior executives who are responsible for ... . These executives include:"; and a bullet's
                # second sentence, a bullet after it ("•Chief Security Officer (CSO), who ... . Following the departure
                # of our CSO ..., our Deputy Chief Security Officer has served as interim CSO ...", then "•Chief Data
                # Officer, who ...": reader 27's MA edit, whose later bullets fell off the list, two officers dropped)
                self.listing_responsible = (
                    listing
                    or self.listing_responsible
                    and (
                        s.rstrip().endswith(":")
                        or i > 0
                        and bool(_BULLET_RE.match(self.texts[i - 1]))
                        and i + 1 < len(self.texts)
                        and bool(_BULLET_RE.match(self.texts[i + 1]))
                    )
                )
            if i in leaving or self.left_at is not None and self.left_at[0] == i - 1:
                self.departures(i)
            if len(group) > 1 and i in years and _THEY_RE.match(s):
                # their years told in a sentence of their own ("The cybersecurity team is headed by our CIO and CISO.
                # They have over 28 years and 29 years of relevant work experience, respectively.": reader 35's split,
                # the experience of both "no longer stated")
                self.experience(i, [(0, p) for p in group], low)
                continue
            if (
                i not in speaking
                and not (last is not None and _pronoun_start(s))
                and not (self.by_name and any(name in s for name in self.by_name))
            ):
                if i in years:
                    self.experience(i, [], low)  # a team's years need no person
                continue
            mentions = self.mentions(i)
            subject = None
            if (
                last is not None
                and (m := _pronoun_start(s))
                and not (mentions and mentions[0][0] < m.start(1))
            ):
                subject = last
                if last.pronoun is None:
                    last.pronoun = m.group(1).lower()
            if subject is not None:
                mentions.insert(0, (0, subject))
            if not mentions:
                self.experience(i, mentions, low)  # a team's years need no person
                continue
            group = list({id(p): p for _, p in mentions}.values())
            self.pronouns(i, mentions)
            self.responsibility(i, mentions)
            self.expertise_of(i, mentions, low)
            self.experience(i, mentions, low)
            self.tenure(i, mentions, low)
            self.reports_to(i, mentions, low)
            self.certifications(i, mentions, low)
            self.employers(i, mentions)
            # (the one a "He" or "She" after goes back to: the one responsible, else the subject, not an object: "Our
            # CISO, Ing. Rodrigo Salinas Trevino, reports to our Chief Executive Officer. He has over twenty years of
            # experience": reader 42's, the CEO's years, and the CEO made responsible on them)
            objects = self.objects.get(i, set())
            last = (
                mentions[-1][1]
                if len({id(p) for _, p in mentions}) == 1 or subject
                else max(
                    mentions,
                    key=lambda m: (
                        m[1].role == "responsible",
                        m[0] not in objects and not _object_before(s, low, m[0]),
                        m[0],
                    ),
                )[1]
            )

    def mentions(self, i: int) -> list[tuple[int, Person]]:
        """(position, person) of every person sentence i speaks of: names first linked to their titles."""
        s, low = self.texts[i], self.lows[i]
        titles = self.titles_of(i)
        out: list[tuple[int, Person]] = []
        named_at: dict[int, Person] = {}  # title start -> the named person it belongs to
        if _HONORIFIC.at(self.r.index, i):
            for m in _HONORIFIC.pattern.finditer(s):
                if (
                    _valid_name(m.group(1))
                    and (
                        not _inside(m.start(), self.bio(i)) or self._met(clean_inline(m.group(1))) is not None
                    )
                ):  # ("Prior to joining us, Ms. Doe led ...": a person met before is the subject of her career)
                    out.append((m.start(), self.person_for_name(m.group(1), i)))
                    self.r.note(i, _HONORIFIC.name)
        for k, (start, end, title) in enumerate(titles):
            named = _TITLE_THEN_NAME.pattern.match(s, end)
            if named and _valid_name(named.group(1)):
                person = self.person_for_name(named.group(1), i)
                self.give_title(person, title)
                named_at[start] = person
                # "Our Chief Engineering Officer and acting CISO, Wade Chambers": both titles are his
                j = k
                while j > 0 and _AND_GAP_RE.fullmatch(s, titles[j - 1][1], titles[j][0]):
                    j -= 1
                    self.give_title(person, titles[j][2])
                    named_at[titles[j][0]] = person
                self.r.note(i, _TITLE_THEN_NAME.name)
        # (a name is linked to a title that follows it)
        if titles and ("," in s or " as " in s or " is " in s):
            for r in (_NAME_THEN_TITLE, _NAME_SERVES):
                spans = once(r.name, s, lambda: [_name_span(m) for m in r.scan(s)])
                for start, end, name in spans:
                    if not _valid_name(name) or _inside(start, self.bio(i)):
                        continue
                    nxt = next((t for t in titles if t[0] >= end - 1 and t[0] <= end + 40), None)
                    if nxt is None:
                        continue
                    person = self.person_for_name(name, i)
                    self.give_title(person, nxt[2])
                    named_at[nxt[0]] = person
                    out.append((start, person))
                    self.r.note(i, r.name)
        previous: Person | None = None
        objects: set[int] = set()
        for k, (start, end, title) in enumerate(titles):
            holder = named_at.get(start)
            if holder is None:
                holder = (
                    self._holder(title_key(title))
                    if self.left_at is not None and self.left_at[0] != i
                    else self.by_title.get(title_key(title))
                )
                served = None
                if (
                    previous is not None
                    and k > 0
                    and (
                        _ALSO_BETWEEN_RE.match(s, titles[k - 1][1], start)
                        # a stand-in's post ("Amit Levi, our Vice President, Research and Development, has served as interim
                        # Chief Information Security Officer": reader 36's 20-F and reader 34's hospital network, whose
                        # stand-in was no one responsible)
                        or (served := _SERVED_AS_RE.fullmatch(s, titles[k - 1][1], start)) is not None
                        and (title.startswith(("Interim", "Acting")) or served.group("stand") is not None)
                    )
                ):
                    # "our CISO, who is also our CIO": the same person, a second title
                    if (
                        served is not None
                        and served.group("stand")
                        and not title.startswith(("Interim", "Acting"))
                    ):
                        title = (
                            f"{served.group('stand').strip().capitalize()} {title}"  # ("interim Head of ...")
                        )
                    self.give_title(previous, title)
                    self.r.note(i, ALSO_TITLE.name)
                    holder = previous
                elif previous is not None and k > 0 and _ACTING_AS_RE.match(s[titles[k - 1][1] : start]):
                    # "our vice president acting as chief information security officer"
                    self.give_title(previous, title if title.startswith("Acting") else f"Acting {title}")
                    self.r.note(i, ALSO_TITLE.name)
                    holder = previous
                elif holder is None:
                    holder = self.person_for_title(title, i)
            if (
                _object_before(s, low, start)
                or k > 0
                and titles[k - 1][0] in objects
                and _LIST_GAP_RE.match(s[titles[k - 1][1] : start])
            ):
                objects.add(start)
            if (
                EXTERNAL.pattern.search(s, max(0, start - 30), start) or title.startswith(_VIRTUAL)
            ) and not _inside(start, self.bio(i)):  # ("the vCISO": the virtual CISO its abbreviation names)
                holder.external = True  # (not "previously served as a fractional CISO")
                self.r.note(i, EXTERNAL.name)
            out.append((start, holder))
            previous = holder
        if DESCRIBED.at(self.r.index, i):
            for m in DESCRIBED.scan(s, low):
                person = self.person_for_title(normalize_title(m.group(1)), i)
                out.append((m.start(1), person))
                self.r.note(i, DESCRIBED.name)
        self.objects[i] = objects
        for name, person in list(self.by_name.items()):
            if name in s:
                out.extend((m.start(), person) for m in re.finditer(re.escape(name), s))
        out.sort(key=lambda m: m[0])
        # one mention per position
        seen: set[int] = set()
        return [m for m in out if not (m[0] in seen or seen.add(m[0]))]  # type: ignore[func-returns-value]

    def departures(self, i: int) -> None:
        """The people sentence i says have left: "Our former Chief Information Security Officer ("CISO"), Rebecca
        Hollis, left the Company in July 2025" (reader 28's defense contractor, where "Ms. Hollis, who has more than 22
        years of cybersecurity experience, ..., led our program from 2020" kept her as the one responsible)."""
        s, low = self.texts[i], self.lows[i]
        for m in _DEPARTED_RE.finditer(s) if has(low, _DEPARTED_KEYS) else ():
            name = m.group("former") or m.group("left")
            if name is None:  # (a surname after an honorific: the person by it, met before or after)
                self.departed.add(id(self.person_for_name(m.group("surname"), i)))
                continue
            if _valid_name(name):
                self.departed.add(id(self.person_for_name(name, i)))
        # one gone unnamed ("Following the departure of our previous CISO in February 2026, the Company's Deputy CISO is
        # serving as interim CISO ...": reader 43's, its "The CISO also leads the design of the program" kept the CISO
        # as the one responsible, and the interim CISO only "now responsible", medium; "Our CISO left the Company in
        # January 2026, and our Vice President of Security Operations ... is serving as acting CISO")
        leaving = leaving_titles(s)
        if leaving:
            self.left_at = (i, leaving)
            named = [title_key(t) for _, _, t in self._every_title(i)]
            for title in leaving:
                if named.count(title_key(title)) > 1:
                    continue  # the post named again, its new holder ("our previous CISO retired, and our new CISO ...")
                person = self.person_for_title(title, i)
                if person.name is None:
                    self.departed.add(id(person))
        elif self.left_at is not None and self.left_at[0] == i - 1:
            # (the sentence after: "Jane Roe ... retired in March 2026. Our CTO, Mark Lee, has assumed her
            # responsibilities on an interim basis")
            leaving = self.left_at[1]
        else:
            return
        # one who took the post of one gone for the time being: "Following the resignation of our prior CISO ..., our
        # Deputy CISO, who has ..., assumed the role on an interim basis" holds the title "Interim CISO" (which "The
        # interim CISO reports to our CIO" then names)
        took = _TOOK_THE_ROLE_RE.search(s) if has(low, _STAND_IN_KEYS) else None
        if took is None:
            return
        gone = {title_key(t) for t in leaving}
        before = [
            (start, t)
            for start, end, t in self._every_title(i)
            if end <= took.start() and title_key(t) not in gone
        ]
        if before and took.start() - before[-1][0] <= _TOOK_REACH:
            basis = (took.group("basis") or took.group("capacity")).capitalize()
            self.give_title(self.person_for_title(before[-1][1], i), f"{basis} {leaving[0]}")

    def _every_title(self, i: int) -> list[tuple[int, int, str]]:
        """Every title of sentence i, a biography's too ("our former CISO" opens one, which `titles_of` leaves out)."""
        return titles_in(self.texts[i], self.acronyms, self.lows[i], self.norm)

    def pronouns(self, i: int, mentions: list[tuple[int, Person]]) -> None:
        people = {id(p): p for _, p in mentions}
        if len(people) != 1:
            return
        person = next(iter(people.values()))
        if person.pronoun is None:
            m = _POSSESSIVE_PRONOUN_RE.search(self.texts[i], mentions[0][0])
            if m:
                person.pronoun = "he" if m.group(1).lower() in ("his", "he") else "she"

    def responsibility(self, i: int, mentions: list[tuple[int, Person]]) -> None:
        s, low = self.texts[i], self.lows[i]
        titles = self.titles_of(i)
        at = {pos: p for pos, p in mentions}
        # a list of those responsible: "a core group of senior executives who are responsible for [security] ...:"
        # and bullets, each naming one of them first (the list is about cybersecurity, whatever each bullet says)
        if _BULLET_RE.match(s) and self.listing_responsible and titles:
            start, _, title = titles[0]
            person = at.get(start)
            if person is not None:
                person.role = "responsible"
                for part in split_titles(title):
                    self.r.add("responsible_titles", part, i, LISTED.name)
        cyber = is_cyber(s) or (i > 0 and is_cyber(self.texts[i - 1]))
        if not cyber:
            return
        # (a pure function of the sentence and its titles, so of what titles_of's result is keyed by)
        for start, title, rule_name in once(
            "responsible_titles_in",
            (s, self.acronym_key, self.r.own_names),
            lambda: responsible_titles_in(s, titles, low),
        ):
            person = at.get(start)
            if person is None:
                continue
            person.role = "responsible"
            for part in split_titles(title):
                self.r.add("responsible_titles", part, i, rule_name)
        if DESCRIBED.at(self.r.index, i):
            for m in DESCRIBED.scan(s, low):
                person = at.get(m.start(1))
                if person is not None:
                    person.role = "responsible"
                    self.r.add("responsible_titles", person.titles[0], i, DESCRIBED.name)
        # a named person leading the program: "Jane Doe leads our security team"; one whose title another sentence
        # gave ("In October 2025, we appointed Marcus Bell as our first Chief Information Security Officer. ... Mr.
        # Bell leads our cybersecurity program": an unseen reader's, read as Bell newly described, not responsible)
        # makes that title responsible, where this sentence names none of theirs
        for pos, person in mentions:
            if (
                person.role != "responsible"
                and person.name
                and not any(at.get(start) is person for start, _, _ in titles)
                and (told := _NAME_TOLD_RE.match(s, pos))
                # (the name as told: "Mr. Reinholt leads our program", of Thomas Reinholt: reader 42's successor)
                and RESPONSIBLE_RULES[1].pattern.search(s[told.end() : told.end() + 80])
            ):
                person.role = "responsible"
                for title in security_titles(person.titles) or person.titles:
                    for part in split_titles(title):
                        self.r.add("responsible_titles", part, i, RESPONSIBLE_RULES[1].name)

    def expertise_of(self, i: int, mentions: list[tuple[int, Person]], low: str | None) -> None:
        """The people whose expertise a sentence about cybersecurity states (their subjects, not objects)."""
        s = self.texts[i]
        if not (EXPERTISE.at(self.r.index, i) and is_cyber(s)):
            return
        m = EXPERTISE.pattern.search(s)
        if not m or _inside(m.start(), self.bio(i)):
            return
        objects = self.objects.get(i, set())
        current = [(pos, person) for pos, person in mentions if not _inside(pos, self.bio(i))]
        first_subject = None
        for pos, person in current:
            if pos not in objects and not _object_before(s, low, pos):
                self.expertise.setdefault(id(person), i)
                first_subject = pos if first_subject is None else first_subject
        # a security lead listed as an object counts too ("the team's experience includes ..., including our
        # CISO"), unless a subject comes before it: officers the lead "coordinates with" are not leads
        for pos, person in current:
            if (first_subject is None or pos < first_subject) and any(
                _SECURITY_LEAD_RE.search(t) for t in person.titles
            ):
                self.expertise.setdefault(id(person), i)

    def experience(self, i: int, mentions: list[tuple[int, Person]], low: str | None) -> None:
        s = self.texts[i]
        if not has(low, EXPERIENCE.needs) or not has(low, _EXPERIENCE_WORDS):
            return
        # (a pure function of the sentence: once per block; the values are the caller's own)
        group, stated = once("years_stated", s, lambda: _years_stated(s, low, self.bio(i)))
        found: list[tuple[re.Match[str], dict]] = [
            (m, {"holder": None, "years": years, "qualifier": qualifier}) for m, years, qualifier in stated
        ]
        if not found:
            return
        respectively = None if group else self._respectively(i, found, mentions)
        for k, (m, value) in enumerate(found):
            years = value["years"]
            if group:
                value["holder"] = group
                self.r.add("experience_years", value, i, EXPERIENCE.name)
                continue
            if not mentions:
                continue
            if respectively:
                person = respectively[k]
            else:
                objects = self.objects.get(i, set())
                together = [
                    p
                    for pos, p in mentions
                    if pos < m.start() and pos not in objects and not _object_before(s, low, pos)
                ]
                if _TOGETHER_RE.search(s) and len({id(p) for p in together}) > 1:
                    # "our CISO and our Director ... collectively have more than 30 years": theirs together
                    value["holder"] = " and ".join(dict.fromkeys(p.holder for p in together))
                    self.r.add("experience_years", value, i, EXPERIENCE.name)
                    continue
                person = self._subject(s, low, m.start(), mentions)
                if (
                    (who := _WHO_BEFORE_YEARS_RE.search(s, max(0, m.start() - 100), m.start()))
                    and (told := [p for pos, p in mentions if pos < who.start()])
                    and not any(who.start() <= pos < m.start() for pos, _ in mentions)
                ):
                    # a relative clause on the one named before it ("Our CISO reports to our Chief Enterprise
                    # Technology Officer who has spent over two decades managing cybersecurity risks": the officer's
                    # years, not the CISO's)
                    person = told[-1]
            value["holder"] = person.holder
            if person.experience is None:
                person.experience = {"years": years, "qualifier": value["qualifier"]}
            self.experienced.add(id(person))
            self.expertise.setdefault(id(person), i)
            self.r.add("experience_years", value, i, EXPERIENCE.name)

    def _respectively(
        self, i: int, found: list[tuple[re.Match[str], dict]], mentions: list[tuple[int, Person]]
    ) -> list[Person] | None:
        """ "Our CIO, CISO and Deputy CISO ... over 28 years, 29 years and 20 years ..., respectively": the people
        listed, one for each number of years, in order (None where the sentence pairs no such lists). A
        qualifier said once ("over 28, 29 and 20 years") holds for the whole list."""
        s = self.texts[i]
        if len(found) < 2 or "respectively" not in s.lower():
            return None
        objects = self.objects.get(i, set())
        listed = list(
            {id(p): p for pos, p in mentions if pos < found[0][0].start() and pos not in objects}.values()
        )
        if len(listed) != len(found):
            return None
        first = found[0][1]["qualifier"]
        for (prev, _), (m, value) in zip(found, found[1:]):
            if (
                value["qualifier"] == "exact"
                and first != "exact"
                and _LIST_GAP_RE.search(s[prev.end() : m.start()])
            ):
                value["qualifier"] = first
        return listed

    def _subject(self, s: str, low: str | None, pos: int, mentions: list[tuple[int, Person]]) -> Person:
        """Whose years these are: the last person spoken of before them who is no object (of "reports to", of
        "with our", ...), else the first person of the sentence."""
        before = [(p, person) for p, person in mentions if p < pos]
        subjects = [person for p, person in before if not _object_before(s, low, p)]
        if subjects:
            return subjects[-1]
        # all objects: the one a relative clause holding the years is about ("led by our CISO, who reports to our CIO
        # and has more than 20 years of experience": the CISO's, an unseen reader's; the CIO's before)
        who = s.rfind(", who ", 0, pos)
        if who != -1 and (relative := [person for p, person in before if p < who]):
            return relative[-1]
        return before[-1][1] if before else mentions[0][1]

    def tenure(self, i: int, mentions: list[tuple[int, Person]], low: str | None) -> None:
        s = self.texts[i]
        if not TENURE.at(self.r.index, i) or not _TENURE_VERB_RE.search(s):
            return
        m = next(
            (
                m
                for m in TENURE.pattern.finditer(s)
                # "has held leadership positions ... since 2011": a career, not the role
                if not (
                    _inside(m.start(), self.bio(i))
                    or _CAREER_SINCE_RE.search(s, max(0, m.start() - 80), m.start())
                )
            ),
            None,
        )
        if m is None:
            return
        value = next(g for g in m.groups() if g).lower()
        if (who := _WHO_CLAUSE_BEFORE_RE.search(s, 0, m.start())) and (
            told := [p for pos, p in mentions if pos < who.start()]
        ):
            # the one a relative clause is about ("Our CISO reports to our Chief Technology Officer, who has served in
            # that role since 2025": reader 30's next year, its CISO "possibly a different person", high)
            person = told[-1]
        else:
            person = self._subject(s, low, m.start(), mentions)
        if person.tenure_start is None:
            person.tenure_start = value
        self.tenures.append((person, value, i))

    def reports_to(self, i: int, mentions: list[tuple[int, Person]], low: str | None) -> None:
        """Reporting lines of the people spoken of (kept for finish, once roles are known)."""
        s = self.texts[i]
        if REPORTS_TO_WHOM.at(self.r.index, i):
            self._reported_to_whom(i, mentions)
        if "under the" in s and (supervised := _SUPERVISED_BY_RE.search(s)):
            # (one who leads "under the supervision of our Chief Information Officer": reader 34's restyle of "...
            # and reports to our Chief Information Officer", read as the line dropped)
            subjects = [
                p for pos, p in mentions if pos < supervised.start() and not _object_before(s, low, pos)
            ]
            for title in self._report_targets(s, supervised.end())[0] if subjects else []:
                self.lines.append((subjects[-1], title, i, REPORTS_TO.name))
        if not REPORTS_TO.at(self.r.index, i):
            return
        reported_to: tuple[int, int, list[str]] = (
            -1,
            -1,
            [],
        )  # (where the last line's officers start and end)
        for m in word_matches(REPORTS_TO.pattern, s, low, ("report",), whole=False):
            before = s[: m.start()]
            if _TEAM_BEFORE_RE.search(before) and not _LEADS_TEAM_BEFORE_RE.search(before):
                continue  # the team reports, not its leader (unless the leader "leads the team and reports to")
            start, end, officers = reported_to
            if (
                end >= 0
                and _WHO_BEFORE_RE.fullmatch(s, end, m.start())
                and not any(start <= pos < end and p.titles == officers for pos, p in mentions)
            ):
                # the line of an officer reported to who is no one spoken of, a step further up ("Our CIO reports to
                # our Vice President and Corporate Controller, who reports to our Senior Vice President - Chief
                # Financial Officer": reader 32's edit moving the CIO a level down, read as a line to both)
                continue
            if _WHO_BEFORE_RE.search(before) or (
                m.group(0).lower().startswith("reporting")
                and _PARTICIPLE_BEFORE_RE.search(before)
                and not _INVERTED_AFTER_RE.match(s, m.end())
            ):
                # "... our CISO, who reports to": the one before "who"; "led by our CISO ("CISO"), reporting to the
                # CRO" (an unseen reader's 20-F: read as no line, then a line "now" stated when reworded with "who")
                subjects = [p for pos, p in mentions if pos < m.start()]
            elif "who" in before.lower() and (who := _WHO_AND_BEFORE_RE.match(before)):
                # "led by our VP of IT, who has 20 years of experience, holds ..., and reports to our CFO": the one
                # before the last "who" (a reader's planted text; the VP is the object of "led by")
                subjects = [p for pos, p in mentions if pos < who.start("who")]
            else:
                subjects = [p for pos, p in mentions if pos < m.start() and not _object_before(s, low, pos)]
            if not subjects:
                continue
            titles, target_end = self._report_targets(s, m.end())
            reported_to = (m.end(), target_end, titles)
            for title in titles:
                self.lines.append((subjects[-1], title, i, REPORTS_TO.name))

    def _reported_to_whom(self, i: int, mentions: list[tuple[int, Person]]) -> None:
        """A line stated on the officer reported to ("Our CTO, to whom the CISO reports"): the person named between
        "to whom" and "reports" reports to the officer whose title ends right before "to whom"."""
        s = self.texts[i]
        titles = self.titles_of(i)
        for m in REPORTS_TO_WHOM.pattern.finditer(s):
            target = next((t for t in titles if t[1] == m.start()), None)
            subjects = [p for pos, p in mentions if m.start("who") <= pos < m.end("who")]
            if target is not None and subjects:
                self.lines.append((subjects[-1], split_titles(target[2])[-1], i, REPORTS_TO_WHOM.name))

    def _report_targets(self, s: str, at: int) -> tuple[list[str], int]:
        """The officers named right after "reports to": one title, or a group "including" a list of them; and where
        the one title ends (-1 for a group, or none)."""
        lead = _REPORTS_TO_LEAD_RE.match(s, at)
        start = lead.end() if lead else at
        # "reports to Jane Doe, our CIO": the title after the name
        named = _NAME_THEN_TITLE.pattern.match(s, start)
        if named and _valid_name(named.group(1)):
            start = named.end()
        if head := _HEAD_OF_COMPANY_AND_RE.match(s, start):
            start = head.end()  # ("reports to our President and Chief Executive Officer": the CEO)
        target = (
            TITLE_RE.match(s, start)
            or (self.acronym_re.match(s, start) if self.acronym_re else None)
            or _OFFICE_TITLE_RE.match(s, start)
        )
        if target is None and (scope := _SCOPE_BEFORE_TITLE_RE.match(s, start)):
            # a word of scope before the title ("reports directly to the Company's Global General Counsel": reader 43's
            # edit, the line read as no line)
            target = TITLE_RE.match(s, scope.end())
        if target is None and (acronym := _CHIEF_ACRONYM_RE.match(s, start)):
            return [acronym.group(0)], acronym.end()  # (as written: "CIDO", not "Cido")
        if target:
            title = split_titles(self.norm(target.group(0)))[-1]
            if office := _AND_OFFICE_RE.match(s, target.end()):
                # ("our Vice President and Corporate Controller": one officer of two titles, read as "Vice President")
                return [f"{title} and {office.group(1)}"], office.end()
            return [title], target.end()
        group = _GROUP_INCLUDING_RE.match(s, start)
        if not group:
            return [], -1
        out = []
        pos = group.end()
        while (t := TITLE_RE.match(s, pos)) is not None:
            out.append(split_titles(self.norm(t.group(0)))[-1])
            gap = _TITLE_LIST_RE.match(s, t.end())
            if not gap:
                break
            pos = gap.end()
        return out, -1

    def certifications(self, i: int, mentions: list[tuple[int, Person]], low: str | None) -> None:
        s = self.texts[i]
        if _DIRECTOR_SUBJECT_RE.match(s):
            return  # a director's ("One member of the Audit Committee, Ms. Carol Jennings, ... holds the CISSP
            # certification": a reader's insurer, read as held before by those responsible)
        spans = self.bio(i)
        found = [
            (m.start(), certification_name(next(g for g in m.groups() if g)))
            for m in CERTIFICATION.matches(self.r.index, i)
        ]
        for m in CERTIFICATION_LISTED.matches(self.r.index, i):
            for part in _LISTED_CERT_RE.finditer(m.group(1)):
                name = certification_name(part.group(0))
                if name.upper() == name.replace("|", "").replace("+", "") or "+" in name:  # acronyms only
                    found.append((m.start(1) + part.start(), name))
        names = {name for _, name in found}
        seen: set[str] = set()
        for start, name in sorted(found):
            if name in seen or any(other.startswith(name + "/") for other in names):
                continue  # "Certified Information Privacy Professional/United States (CIPP/US)": one, CIPP/US
            seen.add(name)
            former = _inside(start, spans) or bool(
                _FORMER_CERT_BEFORE_RE.search(s, max(0, start - _FORMER_CERT_REACH), start)
            )
            before = [p for pos, p in mentions if pos < start]
            person = before[-1] if before else None
            if former:
                if person is not None and name not in person.former_certifications:
                    person.former_certifications.append(name)
                self.r.add("former_certifications", name, i, FORMER_CERTIFICATION.name)
            else:
                if person is not None and name not in person.certifications:
                    person.certifications.append(name)
                self.r.add("certifications", name, i, CERTIFICATION.name)

    def employers(self, i: int, mentions: list[tuple[int, Person]]) -> None:
        spans = self.bio(i)
        if not spans:
            return
        person = (
            mentions[0][1]
            if len({id(p) for _, p in mentions}) == 1
            else next((p for pos, p in reversed(mentions) if pos < spans[0][0]), mentions[0][1])
        )
        for org in former_employers(self.texts[i], spans):
            if org not in person.former_employers:
                person.former_employers.append(org)
        self.r.note(i, BIOGRAPHY.name)

    # -- the facts --
    def finish(self) -> None:
        """The person-centred facts from the people read: roles settled, then the facts written."""
        responsible = {title_key(fv.value) for fv in self.r.values("responsible_titles")}
        for person in self.people:
            if person.role != "responsible" and any(title_key(t) in responsible for t in person.titles):
                person.role = "responsible"
        for person in self.people:
            if id(person) in self.departed:
                person.role = "other"  # (gone: none of its titles or experience makes it responsible now)
        self._lines()
        # a person whose experience or expertise a sentence about cybersecurity states is presented as
        # responsible (Item 106(c)(2)(i) asks for the expertise of exactly those persons)
        for person in self.people:
            i = self.expertise.get(id(person))
            if (
                i is None
                or id(person) in self.departed
                or person.role in ("reports_to", "board_member")
                or "General Counsel" in person.titles
            ):
                continue
            if person.role == "other":
                person.role = "responsible"
            for title in person.titles:
                self.r.add("responsible_titles", title, i, EXPERIENCED.name)
        self._lines()
        if not any(person.role == "responsible" for person in self.people):
            self._security_lead()
        for person, value, i in self.tenures:
            if person.role == "responsible":
                self.r.add("tenure_start", value, i, TENURE.name)
        for person in sorted(self.people, key=lambda p: p.first):
            if person.role == "other" and not person.name:
                continue  # an officer merely mentioned
            if id(person) in self.departed and not person.titles:
                # one said to have left, holding no title now ("Mr. Lee, our former Chief Information Security Officer,
                # left the Company": reader 44's, "newly described in the cybersecurity work, not as responsible: Lee")
                continue
            if person.role == "other" and not is_cyber(self.texts[person.first]):
                continue
            if person.role == "other" and not person.titles and DIRECTORS_RE.search(self.texts[person.first]):
                # a director described for expertise ("One of our directors, Dr. Rajiv Menon, previously served as
                # Chief Information Officer of ..., and we believe he brings cybersecurity expertise to the Board")
                person.role = "board_member"
            self.r.add("people", person.to_value(), person.first, PERSON.name)
            if person.name and person.role == "responsible":
                self.r.add("responsible_people", person.name, person.first, PERSON.name)

    def _security_lead(self) -> None:
        """Where no one is read as responsible, a security officer with a reporting line of their own ("Our Interim
        Chief Information Security Officer ... reports to our Chief Technology Officer": a reader's planted text,
        where the CISO read as responsible the year before, on his experience, was said to be gone and his
        reporting line with him) is the one the section presents as running the program."""
        for person, boss, i, _ in self.lines:
            if _SECURITY_TITLE_RE.search(boss):
                continue  # a deputy reporting to the security officer ("Our Deputy CISO reports to our CISO": reader 35's)
            if person.role == "other" and any(_SECURITY_TITLE_RE.search(t) for t in person.titles):
                person.role = "responsible"
                for title in person.titles:
                    self.r.add("responsible_titles", title, i, SECURITY_LEAD.name)
        if not any(person.role == "responsible" for person in self.people):
            # a stand-in in the security post, line or not ("Our Chief Information Officer, Linda Park, has served as
            # interim Head of Cyber Defense since his departure": reader 38's casino operator, no one responsible)
            for person in self.people:
                if (
                    person.role == "other"
                    and id(person) not in self.departed
                    and any(stand_in(t) and _SECURITY_TITLE_RE.search(t) for t in person.titles)
                ):
                    person.role = "responsible"
                    for title in person.titles:
                        self.r.add("responsible_titles", title, person.first, SECURITY_LEAD.name)
        self._lines()

    def _lines(self) -> None:
        """The reporting lines of the responsible people."""
        for person, title, i, rule_name in self.lines:
            if person.role != "responsible" or title_key(title) in {title_key(t) for t in person.titles}:
                continue
            boss = self.person_for_title(title, i)
            if boss is person:
                continue
            if boss.role == "other":
                boss.role = "reports_to"
            self.r.add("reports_to", title, i, rule_name)


EXPERTISE = rule(
    "people.expertise",
    r"\b(?:experience|expertise|background|credentials|qualifications|"
    r"certifications?|certified|degree)\b",
    ("experience", "expertise", "background", "credential", "qualification", "certifi", "degree"),
    doc="a sentence stating what qualifies a person",
)
EXPERIENCED = rule(
    "responsible_titles.experienced",
    r"\b(?:experience|expertise)\b",
    ("experience", "expertise"),
    doc="a title whose holder's experience is stated in a sentence about cybersecurity is presented "
    "as responsible (Item 106(c)(2)(i) asks for the expertise of exactly those persons)",
)
SECURITY_LEAD = rule(
    "responsible_titles.security_lead",
    r"$^",
    doc="where no title is read as responsible, a security officer's title whose holder reports to someone: the "
    "one the section presents as running the program",
)
#: A title of security ("Chief Information Security Officer", "Director of Cybersecurity").
_SECURITY_TITLE_RE = lazy_compile(r"\b(?:security|cyber\w*)\b", re.I)
PERSON = rule("people.person", r"$^", doc="a person the section describes (from the name and title rules)")
