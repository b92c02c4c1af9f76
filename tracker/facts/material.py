"""The material-incident statement: what the filer says about cybersecurity threats or incidents having
materially affected it (Item 106(b)(2)), and how firmly.

- `none`: nothing has materially affected it so far; `affected`: it has been, or is reasonably likely to be,
  materially affected; `absent`: no such statement.
- Strength, from the words: "have not identified", "have not experienced", "has not materially affected" are
  `definite`; "we do not believe" is `belief`; "we are not aware", "to our knowledge" is `awareness`. With
  several statements, the firmest counts.
- Forward-looking risk language ("could", "may", "if realized, are reasonably likely to", "more likely to
  have a material impact") is no statement, and neither is a cross-reference to the risk factors.
- "Other than the incident described above, ... have not materially affected" says the incident did:
  `affected`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from tracker.facts.rules import rule
from tracker.facts.text import has
from tracker.text.lazy import caseless, lazy_compile
from tracker.text.normalize import once

if TYPE_CHECKING:
    from tracker.facts.extract import Reading

_MATERIAL = (
    r"(?:material(?:ly)?\s+(?:and\s+adversely\s+|adversely\s+|or\s+adversely\s+)?(?:affect|impact|effect|harm|"
    r"disrupt)\w*|material\s+(?:adverse\s+)?(?:effect|impact|consequences?)|materially\s+(?:harm|disrupt))"
)
_MATERIAL_RE = caseless(_MATERIAL)
_NEGATION_RE = caseless(r"\b(?:not|no|none|never|nor|neither|without)\b|n['\u2019]t\b")
_HEDGE_RE = caseless(
    # (and a judgement not made yet: "we have not yet determined whether the incident is reasonably likely to materially
    # impact our results", reader 31's hospital system, read as a firm denial)
    r"\b(?:not\s+(?:yet\s+)?(?:been\s+able\s+to\s+)?(?:determined?|concluded|assessed)\s+whether|"
    r"no\s+assurances?|cannot\s+(?:provide\s+)?(?:assur|guarant|be\s+certain|ensure)|"
    r"can\s+be\s+no|may\s+not\s+be|not\s+be\s+able|unable\s+to|there\s+is\s+no\s+guarantee|"
    r"will\s+not\s+(?:face|experience|be\s+materially|materially)|not\s+be\s+successful|"
    r"may\s+not\s+(?:be\s+)?(?:successful|detect|prevent)|not\s+(?:always\s+)?(?:be\s+)?"
    r"(?:able|sufficient|effective|adequate))"
)
_HYPOTHETICAL_RE = caseless(
    # (not the month: "In May 2025, a payroll processor ... suffered a ransomware attack")
    r"\b(?:if|could|may(?!\s+\d{1,4}\b)|might|would|should|future|potential(?:ly)?|whether|"
    r"in\s+the\s+event|more\s+likely|most\s+likely|likelihood|if\s+realized|can\s+have|"
    r"can\s+result|prioriti[sz]\w*)\b"
)
#: What is said to be reasonably likely ("are reasonably likely to materially affect"), of the affirmations.
_LIKELY = r"(?:is|are)\s+reasonably\s+likely\s+to\s+(?:materially\s+affect|have\s+a\s+material)"
#: What is said to have happened, of the affirmations.
_HAPPENED = (
    r"(?:has|have|had)\s+(?:been\s+)?materially\s+(?:and\s+adversely\s+)?(?:affected|impacted)|"
    r"(?:has|have|had)\s+(?:had\s+)?a\s+material\s+(?:adverse\s+)?(?:effect|impact)|"
    r"(?:experienced|suffered)\s+a\s+material\s+(?:cyber\w*\s+)?(?:incident|breach|attack)|"
    r"\b(?:incident|attack|breach|intrusion|event|compromise)s?\b[^.;]{0,80}?\b(?:materially\s+"
    r"(?:and\s+adversely\s+)?(?:affected|impacted|disrupted|harmed)|had\s+a\s+material\s+(?:adverse\s+)?"
    r"(?:effect|impact))\b"
)
_AFFIRMED_RE = caseless(r"\b(?:" + _HAPPENED + "|" + _LIKELY + ")")
_HAPPENED_RE = caseless(r"\b(?:" + _HAPPENED + ")")
_INCIDENT_DENIAL_RE = caseless(
    # the judgement first: "We do not consider the incident to have been material" (an unseen reader's 20-F)
    r"\b(?:do|does|did)\s+not\s+(?:consider|deem|regard|view|believe)\s+(?:the|this|that|such|any)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:incidents?|breach\w*|attacks?|events?|intrusions?)\s+(?:to\s+(?:be|have\s+been)|as(?:\s+having\s+been)?)\s+"
    r"material\b|"
    r"\b(?:not|no|never)\b[^.;]{0,80}?\bmaterial\s+(?:cyber\w*\s+|security\s+|information\s+security\s+|"
    r"data\s+)*(?:incidents?|breach\w*|attacks?|events?|compromises?)|\bnone\s+of\s+(?:which|these|them|those|the)\b"
    r"[^.;]{0,80}?\bmaterial|"
    # the incidents first, then judged material: "we have not experienced any cybersecurity incidents that have been
    # determined to be material", "no incident has been deemed material", "incidents that we consider material"
    # the passive, the negation last ("Risks from cybersecurity threats that have materially affected ... us have not
    # been identified": reader 40's restyle, read as the statement dropped)
    r"\b(?:risks|threats|incidents|breaches)\b[^.;]{0,200}?\bmaterial(?:ly)?\b[^.;]{0,160}?\b(?:have|has)\s+not\s+"
    r"been\s+(?:identified|experienced|detected|observed)\b|"
    r"\b(?:not|no|never)\b[^.;]{0,60}?\b(?:incidents?|breach\w*|attacks?|compromises?)\b[^.;]{0,40}?"
    # ("... any cybersecurity incidents that we believe to be material", "that were material": reader 33's, read as the
    # statement dropped)
    r"\b(?:(?:been\s+)?(?:determined|deemed|considered|found|assessed|believed)|(?:we|management|the\s+company)\s+"
    r"(?:consider|deem|determine|believe)[sd]?|was|were)\s+(?:to\s+(?:be|have\s+been)\s+|as\s+)?material\b"
)
_CROSS_REFERENCE_RE = caseless(
    r"\b(?:see|refer\s+to|discussed\s+in|described\s+in|set\s+forth\s+in|included\s+in|"
    # ("Further information about risks ... appears in the Risk factors discussion in Item 1A": reader 29's restyle of
    # "For more information ... please see", read as a statement that cyber risks could materially affect it)
    r"read\s+in\s+conjunction|for\s+(?:more|additional|further)\s+information|(?:further|more|additional)\s+"
    r"information\b[^;]{0,300}?\b(?:appears?|is\s+(?:provided|found|included|contained))\s+in|"
    r"for\s+a\s+(?:description|discussion)|we\s+describe)\b[^;]{0,400}?"
    r"\b(?:risk\s+factors|item\s+1a|under\s+the\s+(?:heading|caption))\b|"
    r"\b(?:item\s+1a|risk\s+factors)\b[^;]{0,120}?\bfor\s+(?:more|additional|further)"
)
_CLAUSE_SPLIT_RE = lazy_compile(
    r";|,?\s+\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bwhile\b(?=\s)|\bnevertheless\b", re.I
)
_EXCEPT_RE = caseless(
    r"\b(?:other\s+than|except(?:\s+for)?|apart\s+from|with\s+the\s+exception\s+of|aside\s+from)\b"
)
_CYBER_WORDS = ("cyber", "security", "incident", "threat", "breach", "attack", "intrusion")
#: What every match of `_EXCEPT_RE` holds (one of them, lower case).
_EXCEPT_WORDS = ("other than", "except", "apart from", "aside from")
_ABOUT_CYBER_RE = caseless("|".join(_CYBER_WORDS))
_BELIEF_RE = caseless(r"\bbeliev\w*\b|\bin\s+our\s+(?:view|opinion|judgment)\b|\bwe\s+think\b")
#: A statement limited to an assessment, and one not finished ("Based on our assessment", "our investigation is
#: ongoing"); the words of awareness (`_AWARENESS_RE`) and of qualifiers (facts.changes) both hold them.
ASSESSED_SO_FAR = r"based\s+on\s+(?:our|the|its)\s+(?:[a-z]+\s+){0,2}?(?:assessment|review|investigation|evaluation|analysis)"
ASSESSING_STILL = (
    r"(?:investigation|assessment|review|evaluation)\s+(?:is|remains)\s+(?:still\s+)?(?:ongoing|continuing|underway|"
    r"in\s+progress)"
)
_AWARENESS_RE = caseless(
    r"\baware\b|\bunaware\b|\bto\s+(?:our|the\s+company['\u2019]s|the\s+best\s+of\s+our)\s+"
    r"knowledge\b|\bknown\s+to\s+us\b|"
    # "based on the limited information currently available to us" (a reader's planted hedge, read as no change)
    r"\bbased\s+on\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?information\s+(?:currently\s+|presently\s+|then\s+)?available\b|"
    # an assessment so far, or one not finished ("Based on our assessment to date, we have not identified ..., although
    # our investigation is ongoing": reader 41's, still "a definite statement")
    r"\b" + ASSESSED_SO_FAR + r"\s+(?:to\s+date|thus\s+far|so\s+far)\b|\b" + ASSESSING_STILL + r"\b"
)
_STRENGTH_RANK = {"definite": 3, "awareness": 2, "belief": 1}

STATEMENT = rule(
    "material_incident_statement.statement",
    _MATERIAL + r"|\bmaterial\s+(?:cyber\w*\s+)?(?:incident|breach|attack)",
    ("material",),
    doc="a statement that cybersecurity threats or incidents have (not) materially affected the filer",
)


_CLAUSE_WORDS = ("but", "however", "though", "while", "nevertheless")


def _clauses(s: str, low: str | None = None) -> list[tuple[int, str]]:
    if low is not None and ";" not in s and not any(map(low.__contains__, _CLAUSE_WORDS)):
        return [(0, s)] if s.strip() else []  # (no word that splits a clause)
    out, start, concessive = [], 0, False
    for m in [*_CLAUSE_SPLIT_RE.finditer(s), None]:
        end = len(s) if m is None else m.start()
        if concessive and (main := _CONCESSIVE_END_RE.search(s, start, end)):
            # "Although we have not experienced a material breach, we cannot guarantee ...": the concession ends
            # at the comma before the main clause, whose hedge is not the concession's
            out.append((start, s[start : main.start()]))
            start = main.end()
        out.append((start, s[start:end]))
        if m is not None:
            start = m.end()
            concessive = m.group().strip().lower() in _CONCESSIVE
    merged: list[tuple[int, str]] = []
    for pos, c in out:
        if merged and _COMPLEMENT_RE.match(c):
            # ("There can be no assurance, however, despite our security measures, that we will not ...": the "that"
            # clause is the hedge's own, reader 29's restyle of SCSC, read as a firm statement made)
            merged[-1] = (merged[-1][0], s[merged[-1][0] : pos + len(c)])
        else:
            merged.append((pos, c))
    return [(pos, c) for pos, c in merged if c.strip()]


#: A clause split off that is the complement of the one before: "that" after a "however" set off by commas and an
#: aside ("..., however, despite our security measures, that we ...").
_COMPLEMENT_RE = lazy_compile(r"[\s,]*(?:[^,;]{1,60},\s*)?that\b", re.I)


#: The words that open a concession ("although ..., we ..."), and the comma before the main clause's subject.
_CONCESSIVE = ("although", "though", "while")
_CONCESSIVE_END_RE = lazy_compile(
    r",[\"'\u201d\u2019]?\s+(?=(?:we|our|the\s+company|it|they|there|this|such|none)\b)", re.I
)


#: A clause whose subject is one incident the text has told of ("The incident did not have a material impact on
#: our business", "This attack has not materially affected us"): its materiality, not Item 106(b)(2)'s statement
#: on incidents and threats as a whole (an unseen reader: such a sentence beside an unchanged "we are not aware of
#: any ..." was reported as a firmer statement added).
_ONE_INCIDENT_RE = lazy_compile(
    r"\s*(?:(?:however|but|and|further(?:more)?|in\s+any\s+event)\s*,?\s+)?"
    # "based on our investigation the incident did not have a material impact" (an unseen filing's reader)
    r"(?:(?:based\s+on|following|after|according\s+to)\s+(?:[\w-]+\s+){0,4}?(?:investigation|review|"
    r"assessment|analysis)\s*,?\s+|(?:based\s+on|following|after|according\s+to)\s+[^,;.]{0,80}?,\s*)?"
    # who judged it ("we do not believe the incident has had ... a material effect", "We determined that this incident
    # did not have a material impact on us": an unseen reader's hospital operator and 20-F, read as the statement)
    r"(?:(?:we|the\s+company|management)\s+(?:(?:do|does|did)\s+not\s+(?:believe|consider|deem|regard|view)|"
    # ("We do not consider the incident to have been material", an unseen reader's 20-F)
    r"(?:have\s+|has\s+)?(?:determined|concluded)|believes?|(?:are|is)\s+not\s+aware)\s+(?:that\s+)?)?"
    r"(?:the|this|that|such)\s+"
    # (not "that any cybersecurity incident has ...": reader 36's restyle of "any cybersecurity incidents have", read as
    # the statement dropped for one incident's)
    r"(?:(?!(?:any|every|all|no)\b)[\w-]+\s+){0,3}?(?:incident|breach|attack|intrusion|event|compromise)\b(?!\s+response)"
    # (not one incident where others are said with it: "neither this incident nor any other cybersecurity threat or
    # incident has had a material effect" is the statement)
    r"(?!,?\s+(?:n?or|and|or\s+any|and\s+any)\s+(?:any\s+)?other\b)",
    re.I,
)


def _of_one_incident(clause: str) -> bool:
    """Whether the part of a clause that says "material" is about one incident told of (`_ONE_INCIDENT_RE`), the
    clause's own start or that of a part after ", and" ("We contained the activity ..., and based on our
    investigation the incident did not have a material impact": an unseen filing's reader found it read as a firmer
    statement)."""
    if _ONE_INCIDENT_RE.match(clause):
        return True
    # (a judgement of the incident later in the clause: "The Company has completed its evaluation of the incident and
    # has concluded that the incident has not had ... a material impact": reader 42's, read as the statement)
    if (judged := _JUDGED_ONE_RE.search(clause)) and "material" in clause[judged.end() :].lower():
        return True
    if ", " not in clause:
        return False
    parts = _AND_PART_RE.split(clause)
    return any(_ONE_INCIDENT_RE.match(p) for p in parts[1:] if "material" in p.lower())


#: A judgement of one incident told of, within a clause ("... and has concluded that the incident").
_JUDGED_ONE_RE = caseless(
    r"\b(?:concluded|determined)\s+that\s+(?:the|this|that|such)\s+(?:(?!(?:any|every|all|no)\b)[\w-]+\s+){0,3}?"
    r"(?:incident|breach|attack|intrusion|event|compromise)\b"
)


#: A part of a clause on "it" (a judgement of it, where given): "we have concluded that it did not have ...".
_IT_PART_RE = lazy_compile(
    r"\s*(?:(?:we|the\s+company|management)\s+(?:(?:have|has)\s+)?(?:determined|concluded|believes?|"
    r"(?:do|does|did)\s+not\s+believe)\s+(?:that\s+)?)?(?:it|this)\s+(?:has|had|have|did|does|was|is|will|would)\b",
    re.I,
)


def _general_part(clause: str) -> bool:
    """Whether a clause that says what one incident did goes on to the statement in a coordinated part ("That
    incident did not have a material impact on the Company, and the Company is not aware of any cybersecurity
    incident that has had ... a material impact": an unseen reader's, read as the statement dropped)."""
    if ", " not in clause:
        return False
    # (a part whose "it" is the incident the clause opened on is no statement: "The incident resulted in total costs of
    # approximately $14 million ..., and we have concluded that it did not have a material effect": reader 40's, read as
    # the statement, the "To our knowledge" of the statement itself then lost)
    parts = _AND_PART_RE.split(clause)
    told = _ONE_INCIDENT_RE.match(parts[0]) is not None
    # (nor a second predicate of the same subject: "the incident has not had, and is not reasonably likely to have, a
    # material impact on us", reader 42's, read as the statement itself)
    return any(
        _denies(part)
        and not _ONE_INCIDENT_RE.match(part)
        and not (told and _IT_PART_RE.match(part))
        and not _PREDICATE_PART_RE.match(part)
        for part in parts[1:]
    )


#: A part of a clause that goes on with the subject before it, a verb first ("and is not reasonably likely to ...").
_PREDICATE_PART_RE = lazy_compile(r"\s*(?:is|are|was|were|has|have|had|did|does|do|will|would|could)\b", re.I)


#: Where a clause's coordinated part starts.
_AND_PART_RE = lazy_compile(r",\s+(?:and|but)\s+", re.I)


def _denies(clause: str) -> bool:
    # (the main clause, less a carve-out opening it, whose words are the incident's: "other than the potential effects
    # of the November 2024 incident, which we continue to assess, no cybersecurity incident has materially affected us",
    # reader 36's, whose "potential" read as a hypothetical, the statement "dropped")
    clause = uncarved(clause)
    denial = _INCIDENT_DENIAL_RE.search(clause)
    m = None if denial else _MATERIAL_RE.search(clause)
    if not (denial or m) or _HEDGE_RE.search(clause) or _CROSS_REFERENCE_RE.search(clause):
        return False  # (what a statement needs is looked for first: most clauses have none of it)
    if denial:
        return True
    assert m is not None
    before = clause[: m.start()]
    negated = _NEGATION_RE.search(before)
    if not negated:
        return False
    # "could" and "may" about the future do not deny; "have not ... that could materially affect" still does
    # when the negation governs a past or present verb before the hypothetical word
    hypo = _HYPOTHETICAL_RE.search(clause)
    return not (hypo and hypo.start() < negated.start())


def uncarved(clause: str) -> str:
    """A clause less the carve-out opening it, which may point to the risk factors without being a cross-reference
    ("In 2025, except as described in Part I, Item 1A, "Risk Factors," we did not identify any cybersecurity threats
    that have materially affected ...": reader 33's, read as the statement dropped, high)."""
    carved = _EXCEPT_RE.search(clause) if any(map(clause.lower().__contains__, _EXCEPT_WORDS)) else None
    main = _MAIN_CLAUSE_RE.search(clause, carved.end()) if carved else None
    return clause[: carved.start()] + clause[main.end() :] if carved and main else clause


def affirms_material(words: str) -> bool:
    """Whether words say what they tell of materially affected the company ("which materially affected our results of
    operations for the third quarter of 2024"), not under a negation, a hedge or a hypothetical."""
    affirmed = _AFFIRMED_RE.search(words) or _WHICH_AFFECTED_RE.search(words)
    return affirmed is not None and not (
        _NEGATION_RE.search(words)
        or _HEDGE_RE.search(words)
        or _HYPOTHETICAL_RE.search(words, 0, affirmed.end())
    )


#: A relative clause saying what it tells of affected the company materially ("which materially affected our results").
_WHICH_AFFECTED_RE = caseless(
    r"\b(?:which|that)\s+(?:has\s+|had\s+)?(?:materially\s+(?:and\s+adversely\s+)?(?:affected|impacted)|had\s+a\s+"
    r"material\s+(?:adverse\s+)?(?:effect|impact))\b"
)


def likely_only(statement: str) -> bool:
    """Whether a statement that the company is materially affected says only that an effect is reasonably likely
    ("We believe that risks from cybersecurity threats are reasonably likely to materially affect our results of
    operations in future periods"), not that one happened: reader 42's, "now says it has been materially affected")."""
    return _HAPPENED_RE.search(statement) is None and _AFFIRMED_RE.search(statement) is not None


def _affirms(clause: str) -> bool:
    affirmed = _AFFIRMED_RE.search(clause)
    if not affirmed or not _ABOUT_CYBER_RE.search(clause):
        return False
    # a hypothetical after what has happened is of the future, not of it ("The incident has materially affected our
    # results of operations ..., and it is reasonably likely to continue to affect our results in future periods": a
    # reader's software company, read as no statement at all)
    return not (
        _NEGATION_RE.search(clause)
        or _HYPOTHETICAL_RE.search(clause, 0, affirmed.end())
        or _HEDGE_RE.search(clause)
        or _CROSS_REFERENCE_RE.search(clause)
    )


def strength(text: str) -> str:
    """How firmly a statement is made: definite, belief or awareness."""
    if _BELIEF_RE.search(text):
        return "belief"
    if _AWARENESS_RE.search(text):
        return "awareness"
    return "definite"


def hedges(text: str) -> list[tuple[str, str]]:
    """(strength, words) of each hedge of a sentence, in order: ("awareness", "To our knowledge"), ("belief",
    "believe"). A statement's strength is its firmest clause's (`read_statement`); a hedge dropped from one clause
    while another keeps its own ("To our knowledge, we have not experienced any incident, and we are not aware of
    any risks, that have materially affected us") leaves it, and these tell the differ that part of it changed."""
    out: list[tuple[int, str, str]] = []
    for kind, pattern in (("belief", _BELIEF_RE), ("awareness", _AWARENESS_RE)):
        pos = 0
        while m := pattern.search(text, pos):
            out.append((m.start(), kind, text[m.start() : m.end()]))
            pos = m.end()
    return [(kind, words) for _, kind, words in sorted(out)]


def read_statement(
    sentences: list[str], lows: list[str | None], candidates: Iterable[int] | None = None
) -> tuple[str, str | None, int | None]:
    """(statement, strength, sentence index) of a disclosure's sentences (only those of `candidates`, the ones
    holding "material", when known); ("absent", None, None) when none."""
    best: tuple[int, str, str, int] | None = None  # (rank, statement, strength, sentence)
    affected: tuple[str, int] | None = None
    read: list[tuple[int, list[tuple[str, str]]]] = []
    for i in sorted(candidates) if candidates is not None else range(len(sentences)):
        s, low = sentences[i], lows[i]
        if not (has(low, ("material",)) and has(low, _CYBER_WORDS)):
            continue
        read.append((i, once("material_incident", s, lambda: _statement(s, low))))
        # the next sentence may make the statement of the effect this one names: "We face risks ... that, if realized,
        # are reasonably likely to materially affect us ... To date, we do not believe that any cybersecurity
        # incident has had such an effect." (a reader's utility, whose reworded statement read as dropped)
        if i + 1 < len(sentences) and (such := _SUCH_EFFECT_RE.search(sentences[i + 1])):
            t = sentences[i + 1]
            t = f"{t[: such.start()]}a material effect{t[such.end() :]}"
            read.append((i + 1, once("material_incident", t, lambda: _statement(t, t.lower()))))
    denied: bool | None = (
        None  # (whether a sentence says of one incident told that it was not material: asked once)
    )
    for i, said in read:
        for statement, firm in said:
            if statement == "carved":
                # the incident carved out of the statement is said elsewhere not to have been material ("we do not
                # believe the incident has had ... a material effect", then "Other than the incident described above,
                # ... we do not believe that any risks ... have materially affected us": an unseen reader's hospital
                # operator, read as the company now materially affected): the statement is made, carve-out and all
                if denied is None:
                    denied = any(
                        one_incident_denied(sentences[k])
                        for k in (candidates if candidates is not None else range(len(sentences)))
                        if k != i
                    )
                if denied:
                    statement = "none"
                else:
                    statement, firm = "affected", "definite"
            if statement == "affected":
                affected = affected or (firm, i)
            elif best is None or _STRENGTH_RANK[firm] > best[0]:
                best = (_STRENGTH_RANK[firm], "none", firm, i)
    if affected is not None:
        return "affected", affected[0], affected[1]
    if best is not None:
        return best[1], best[2], best[3]
    return "absent", None, None


#: An effect named in the sentence before ("has had such an effect", "such a material impact").
_SUCH_EFFECT_RE = lazy_compile(
    r"\bsuch\s+(?:an?\s+)?(?:material\s+)?(?:adverse\s+)?(?:effect|impact)\b", re.I
)


def names_effect_before(sentence: str) -> bool:
    """Whether a sentence speaks of an effect named in the sentence before it ("... has had such an effect")."""
    return _SUCH_EFFECT_RE.search(sentence) is not None


def _statement(s: str, low: str | None) -> list[tuple[str, str]]:
    """(statement, strength) of each clause of one sentence that makes a statement."""
    out: list[tuple[str, str]] = []
    if not (any(map(low.__contains__, _CYBER_WORDS)) if low is not None else _ABOUT_CYBER_RE.search(s)):
        return out
    for pos, clause in _clauses(s, low):
        if low is not None and "material" not in clause.lower():
            continue  # (every statement of either kind says "material")
        if _denies(clause):
            if _of_one_incident(clause) and not _general_part(clause):
                continue  # "The incident did not have a material impact": of one incident told of, not the statement
            if pos and _IT_PART_RE.match(clause) and _ONE_INCIDENT_RE.match(s):
                continue  # ("The breach cost us about $3 million ..., but management has determined that it did not")
            carved = _EXCEPT_RE.search(s, 0, pos + len(clause))
            said = uncarved(s[: pos + len(clause)])  # (the statement so far, less a carve-out's own words)
            # "other than the incident described above, ... not": it did, unless the section says of it that it did not
            # (`read_statement`)
            excepted = carved and not _HYPOTHETICAL_RE.search(said) and not _carve_out_denied(s, carved.end())
            out.append(("carved" if excepted else "none", strength(said)))
        elif _affirms(clause):
            out.append(("affected", "definite"))
    return out


def one_incident_denied(text: str) -> str | None:
    """The words in which a sentence says one incident it told of did not materially affect the filer ("this incident
    has not materially affected us to date", of "Although this incident has not materially affected us to date,
    including our business strategy, ..."), None where it says none: no statement of the catalogue
    (`_of_one_incident`), but what a statement dropped beside it narrowed to."""
    low = text.lower()
    if "material" not in low or not any(map(low.__contains__, _CYBER_WORDS)):
        return None
    for _, clause in _clauses(text, low):
        if _denies(clause) and _of_one_incident(clause):
            said = _MATERIAL_RE.search(clause)
            end = clause.find(",", said.end()) if said else -1
            return (clause if end == -1 else clause[:end]).strip()
    return None


def carve_out(text: str | None, denied: bool = False) -> str | None:
    """The words with which a statement on material incidents excepts an incident ("Other than the matter described in
    Note 19, whose full impact has not yet been determined"), where it does; else None. With `denied`, also where the
    section says the incident excepted was not material (the statement then still says none was)."""
    if not text or "material" not in text.lower():
        return None
    carved = _EXCEPT_RE.search(text)
    if carved is None:
        return None
    said = once("material_incident", text, lambda: _statement(text, text.lower()))
    if not any(s == "carved" or denied and s == "none" for s, _ in said):
        return None
    end = _MAIN_CLAUSE_RE.search(text, carved.end())
    words = text[carved.start() : end.start() if end else len(text)]
    # (not the statement's own time or hedge after it: "as of the date of this report")
    words = _CARVE_HEDGE_RE.split(words, maxsplit=1)[0].strip(" ,")
    if words.count("\u201c") > words.count("\u201d"):
        words += "\u201d"  # (the heading cited closes after the comma the main clause starts at)
    elif words.count('"') % 2:
        words += '"'
    return words


#: Where the words of a carve-out end and the statement's own time or hedge begins (", as of the date of this report",
#: ", and based on the information currently available to us").
_CARVE_HEDGE_RE = lazy_compile(
    r",\s+(?=(?:and\s+)?(?:as\s+of|based\s+on|to\s+(?:our|the\s+best)|at\s+(?:this|the\s+present)\s+time|in\s+our)\b)",
    re.I,
)
#: An incident's effect not yet known ("whose full impact has not yet been determined", "the investigation is
#: ongoing"): said of a carve-out's incident, or of one told of anywhere.
UNDETERMINED_RE = lazy_compile(
    r"\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+)?(?:determined|assessed|known|quantified|evaluated)|"
    r"(?:is|are|remains?)\s+(?:still\s+)?(?:ongoing|under\s+(?:investigation|review|evaluation))|"
    # ("the effects of which we are still assessing", "which we continue to assess": reader 36's)
    r"(?:still|continue\s+to)\s+(?:assess|evaluat|investigat)\w*|"
    r"(?:too\s+early|unable)\s+to\s+(?:determine|assess|estimate))",
    re.I,
)


def _carve_out_denied(s: str, start: int) -> bool:
    """Whether the incident a statement carves out ("Other than the Midland incident described above, ...") is itself
    said not to have been material, before the main clause: "..., which did not have a material effect on our results
    of operations or financial condition, we are not aware of any ..." (a reader's insurer, read as the company now
    saying it was materially affected)."""
    end = _MAIN_CLAUSE_RE.search(s, start)
    carve = s[start : end.start() if end else len(s)]
    return "material" in carve.lower() and _NEGATION_RE.search(carve) is not None


#: Where a carve-out's main clause starts: ", we are not aware", ", there have been no".
_MAIN_CLAUSE_RE = lazy_compile(
    # (a comma inside the closing quote of a heading cited: 'Except as described above under "Cybersecurity
    # Incident," we have not identified ...', an unseen reader's retailer, read as no carve-out)
    r",[\"'\u201d\u2019]?\s+(?=(?:to\s+(?:our|the\s+company['\u2019]s)\s+knowledge,?\s+)?(?:we|our|the\s+company|the\s+group|"
    # ("Except for the October 2024 incident, the effects of which we are still assessing, risks from cybersecurity
    # threats ... have not materially affected us": reader 36's)
    r"there|it|no|risks\s+from|cyber\w*\s+(?:threats|risks|incidents)|"
    r"none)\b)",
    re.I,
)


def risk_outlook(text: str) -> bool:
    """Whether a sentence says what cybersecurity risks could do, or are reasonably likely to do, to the filer, without
    saying whether any has (Item 106(b)(2)'s forward-looking half): "We face risks from cybersecurity threats that,
    if realized, are reasonably likely to materially affect us". A sentence that makes the statement (`none` or
    `affected`) is not one, nor is a cross-reference to the risk factors."""
    low = text.lower()
    if "material" not in low or not any(map(low.__contains__, _CYBER_WORDS)):
        return False
    if not (_MATERIAL_RE.search(text) or "reasonably likely" in low) or _CROSS_REFERENCE_RE.search(text):
        return False
    if _of_one_incident(text) or UNDETERMINED_RE.search(text) and _THE_INCIDENT_RE.search(text):
        # ("The incident did not have a material impact": what one incident did; "we have not yet determined whether
        # the incident is reasonably likely to materially impact ...": a judgement on one not made yet)
        return False
    return not _statement(text, low)


#: One incident told of before ("the incident", "this attack").
_THE_INCIDENT_RE = lazy_compile(
    r"\b(?:the|this|that|such)\s+(?:incident|attack|breach|intrusion|matter|event)\b", re.I
)


_PAST_INCIDENT_RE = caseless(
    # ("a credential-stuffing campaign resulted in unauthorized access to approximately 180,000 player accounts":
    # reader 31's game publisher, a routine sentence added)
    r"\b(?:(?:cyber\s*)?(?:security\s+)?(?:incidents?|breach(?:es)?|attacks?|intrusions?|compromises?)|"
    r"(?:credential[- ]stuffing|phishing|ransomware|malware|brute[- ]force|account[- ]takeover)\s+campaigns?|"
    r"unauthori[sz]ed\s+(?:access|actors?|(?:third[\s-])?part(?:y|ies))|(?:unknown|unidentified|malicious|external)\s+"
    r"(?:actors?|part(?:y|ies))|ransomware|threat\s+actors?|hackers?|attackers?|intruders?|(?:cyber\s*)?criminals?|"
    r"criminal\s+group|"
    r"(?:suspicious|malicious)\s+activity)\b[^.;]{0,120}?\b(?:occurred|"
    r"took\s+place|happened|(?:was|were)\s+(?:detected|discovered|identified)|(?:gained|obtained)\s+(?:unauthori[sz]ed\s+)?access|accessed|encrypted|"
    # "a ransomware attack that resulted in unauthorized access to personal information" (a reader's insurer)
    # ("a threat actor had deployed ransomware in the information technology environment of our pharmacy services
    # subsidiary": reader 40's insurer, a routine sentence added)
    r"(?:had\s+)?(?:deployed|installed|planted)\s+(?:ransomware|malware|malicious)|"
    r"exfiltrated|resulted\s+in\s+(?:the\s+)?(?:unauthori[sz]ed|exfiltration|encryption|theft|loss|disruption|"
    # money taken ("a phishing attack on one of our property managers resulted in the diversion of a $2.3 million rent
    # payment", "as a result of which a rent payment ... was diverted": reader 34's REIT, a routine sentence added)
    r"diversion|fraudulent|misdirect\w*)|(?:was|were)\s+(?:diverted|misdirected|stolen)|"
    # the means, then what was done ("threat actors used compromised credentials of third-party applications ... to
    # access certain customer data": an unseen reader's next year)
    r"(?:used|leveraged|exploited)\s+[^.;]{0,100}?\bto\s+(?:gain\s+)?(?:access|exfiltrate|encrypt|steal|obtain)|"
    # what it did to the filer ("A ransomware attack in November 2024 disrupted operations at one of our plants", an
    # unseen reader's)
    r"(?:disrupted|interrupted|shut\s+down|took\s+down)\s+(?:[\w-]+\s+){0,4}?(?:at|of|to)\s+(?:one\s+of\s+)?"
    r"(?:our|its|the\s+company['\u2019]s)|"
    # ("a distributed denial-of-service attack against our customer portal, which disrupted customer access for
    # approximately 14 hours": reader 36's Israeli 20-F, a routine sentence added)
    r"(?:disrupted|interrupted|impaired|degraded)\s+(?:customer|client|user|patient|our|its)\b|"
    # ("a ransomware attack on our European distribution systems disrupted shipments for nine days", "a denial-of-service
    # attack took our customer portal offline for three days": reader 44's, routine sentences added)
    r"(?:disrupted|interrupted|halted|crippled|paralyzed|paralysed)\s+(?!(?:our|its)\s+(?:ability|efforts)\b)[\w-]+|"
    r"(?:took|knocked|brought|forced)\s+(?:[\w'\u2019-]+\s+){0,5}?(?:offline|off-line|down)\b)\b|"
    # the filer, or one of its suppliers ("a provider of ... software that we use experienced a ransomware attack")
    # or its own sites and businesses ("one of our hospitals experienced a ransomware attack", "one of our
    # subsidiaries was the subject of a ransomware attack": an unseen reader's hospital operator)
    r"\b(?:we|the\s+company|(?:a|an|one\s+of\s+our|our)\s+[^.;]{0,80}?\b(?:vendor|provider|supplier|subsidiar(?:y|ie)|"
    # ("a contract manufacturing organization that produces one of our commercial products experienced a ransomware
    # attack": a reader's drug maker)
    r"partner|processor|contractor|manufacturer|contract\s+manufacturing\s+organi[sz]ation|CD?MO|distributor|"
    # ("Midland Claims Solutions, a third-party administrator that processes a portion of our personal auto and
    # homeowners claims, experienced a ransomware attack": a reader's insurer)
    r"administrator|manager|agent|third[\s-]party|hospital|clinic|facilit(?:y|ie)|plant|site|location|store|office|affiliate|"
    r"business|unit|division|segment|brand|entit(?:y|ie)|operation|platform|system)s?\b[^.;]{0,120}?)\s+"
    r"(?:experienced|suffered|detected|discovered|identified|became\s+aware\s+of|"
    r"(?:was|were)\s+(?:the\s+)?(?:subject|target|victim)s?\s+of|(?:was|were)\s+(?:hit|struck|targeted|affected|"
    r"impacted|compromised)\s+by)\s+"
    # ("we identified malicious software on payment terminals at 37 of our stores": reader 36's retailer)
    r"(?:(?:a|an)\s+)?[^.;]{0,80}?\b(?:incident|breach|attack|intrusion|compromise|unauthori[sz]ed|ransomware|"
    r"malware|malicious\s+(?:software|code)|"
    # "we detected suspicious activity involving our information technology systems" (a reader's 8-K wording)
    r"(?:suspicious|malicious)\s+activity)|"
    # an insider taking data ("we discovered that an employee of our card subsidiary had accessed and transferred to an
    # outside party the personal credit information of approximately 170,000 cardholders": reader 40's Korean bank)
    r"\b(?:an?\s+|one\s+of\s+our\s+)?(?:former\s+)?(?:employees?|insiders?|contractors?)\b[^.;]{0,60}?\b(?:had\s+)?"
    r"(?:accessed|transferred|exfiltrated|stole|downloaded|disclosed)\b[^.;]{0,100}?\b(?:personal|customer|cardholder|"
    r"credit|confidential|patient|employee)\s+(?:[\w-]+\s+)?(?:information|data|records)\b|"
    # an incident at one of the filer's own, dated ("a cybersecurity incident at one of our subsidiaries in November
    # 2024 did not have a material impact on us": one told, judged not material)
    r"\b(?:incident|breach|attack|intrusion)\s+(?:at|on|affecting|involving)\s+(?:one\s+of\s+)?(?:our|its|the\s+"
    r"company['\u2019]s)\s+[^.;]{0,60}?\b(?:in|on|during)\s+(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+)?(?:19|20)\d{2}\b"
)
_WHEN_RE = lazy_compile(
    r"\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|\blast\s+(?:fiscal\s+)?(?:year|quarter|month)\b|"
    # "In the third quarter of the year, an unauthorized party used a phishing email ..." (a reader's utility)
    r"\b(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter\b|\b(?i:during|in|over)\s+(?:the\s+|our\s+)?(?:past|"
    r"prior|current|last|most\s+recent|recently\s+completed)\s+(?:fiscal\s+)?(?:year|quarter)\b"
)


_INCIDENT_WORDS = (
    "incident",
    "malware",
    "employee",
    "insider",
    "contractor",
    "breach",
    "attack",
    "intrusion",
    "compromise",
    "unauthori",
    "ransomware",
    "actor",
    "suspicious",
    "malicious",
    "hacker",
    "intruder",
    "campaign",
    "criminal",
    "party",  # ("an unknown party accessed", "unauthorized third parties")
    "parties",
)


def past_incident(text: str) -> bool:
    """Whether a sentence tells of a cybersecurity incident that happened, with its time ("The last known cybersecurity
    breach occurred in 2020", "In February 2024, we detected unauthorized access to one of our systems"): not a
    statement that none was material (a negation) nor a risk (a hedge). Worked out once per comparison (`once`): the
    differ's rules ask it of one sentence several times."""
    return once("past_incident", text, lambda: _past_incident(text))


def _past_incident(text: str) -> bool:
    if not _WHEN_RE.search(text):
        return False  # (a time is looked for first: most sentences have none)
    low = text.lower()
    if not any(map(low.__contains__, _INCIDENT_WORDS)):
        return False
    m = _PAST_INCIDENT_RE.search(text)
    if not m:
        return False
    # a denial or a hedge before the event told, not after it ("we identified unauthorized access ..., which resulted
    # in the potential exposure of payment card information"; "... experienced a ransomware attack; we ... did not
    # identify any exfiltration": readers' planted incidents, read as none)
    return not (_NEGATION_RE.search(text, 0, m.end()) or _HYPOTHETICAL_RE.search(text, 0, m.end()))


#: A filer saying cybersecurity incidents happened to it, undated: "we have experienced cybersecurity incidents",
#: "we, our suppliers, and our dealers have been the target of cybersecurity incidents", "our systems have been
#: subject to attacks" (the verb, then what happened within its clause: `suffered`, an incident that got through;
#: else `targeted`, an attack or an attempt, which may have failed).
_ACKNOWLEDGED_RE = lazy_compile(
    r"\b(?:have|has|had),?\s+(?P<between>(?:[\w,]+\s+){0,5}?)(?:(?P<suffered>experienced|suffered|encountered|"
    r"detected)|faced|been\s+(?:the\s+|a\s+)?(?:targets?|subject|victims?)\s+(?:of|to))\b(?P<what>[^.;:]{0,100}?)\b"
    r"(?:(?P<through>incidents?|breach(?:es)?|intrusions?|compromises?|unauthori[sz]ed\s+access|ransomware)|"
    r"(?:cyber[\s-]?)?attacks?)\b",
    re.I,
)
#: A clause that says what is done if something happens ("in the event Ford determines it has experienced"): no
#: acknowledgement that it did.
_CONDITION_RE = lazy_compile(r"\b(?:when|whenever|if|once|should|in\s+the\s+event|whether)\b", re.I)
#: Who an acknowledgement is of: the filer, or what is its own (before the verb, in its clause).
_FILER_RE = caseless(r"\b(?:we|us|our|the\s+company|the\s+group)\b")
#: Words before the verb that make it no acknowledgement: a hedge or someone else's ("may have experienced",
#: "other companies have suffered").
_NOT_OURS_RE = caseless(
    r"\b(?:may|might|could|would|should|if|whether|other|others|companies|peers)\s+(?:\w+\s+)?$"
)
#: A clause whose subject is others ("Other companies in our industry have suffered ...").
_OTHERS_RE = lazy_compile(
    r"\s*(?:(?:many|some|certain|most)\s+)?(?:other|others|companies|peers|businesses|organi[sz]ations)\b",
    re.I,
)
#: What `_ACKNOWLEDGED_RE`'s verbs hold (lower case).
_ACKNOWLEDGING_VERBS = (
    "experienced",
    "suffered",
    "encountered",
    "detected",
    "faced",
    "target",
    "subject",
    "victim",
)
#: Where the clause of an acknowledgement opens (the text before its verb split there).
_CLAUSE_OPENS_RE = lazy_compile(r"[;:]|,\s+(?:but|while|although)\b")
#: How much a sentence says happened to the filer (`incidents_acknowledged`), in order.
ACKNOWLEDGED = {None: 0, "targeted": 1, "suffered": 2}


def incidents_acknowledged(text: str) -> Literal["targeted", "suffered"] | None:
    """What a sentence says cybersecurity incidents did to the filer, dated or not: "suffered" ("we have experienced
    cybersecurity incidents", "breaches of our systems"), "targeted" ("Like other companies, we have been the target
    of cyber attacks": attacks, which may have failed), or None: not a denial ("we have not experienced"), a hedge
    ("we may have experienced") or someone else's. Describing as hypothetical incidents that have happened is what
    the SEC charged four filers with in October 2024 (Unisys, Avaya, Check Point, Mimecast), so an acknowledgement a
    year stops making is a change of substance (unseen filings' readers: TDUP FY2025 dropped "breaches" from "we
    have experienced threats to and breaches of our ... systems"; F, "have been the target of cybersecurity
    incidents")."""
    low = text.lower()
    if not any(map(low.__contains__, _ACKNOWLEDGING_VERBS)) or not any(
        map(low.__contains__, _INCIDENT_WORDS)
    ):
        return None  # (most sentences hold none of the verbs: tested first)
    found: Literal["targeted", "suffered"] | None = None
    if (
        (m := _EXPERIENCED_AFTER_RE.search(text))
        and not _CONDITION_RE.search(text, 0, m.start())
        # ("We do not believe that any cybersecurity threats or incidents we have experienced have materially affected
        # us": any that there may be, reader 32's restyle, read as now saying incidents happened)
        and not _ANY_BEFORE_RE.search(text, max(0, m.start() - 60), m.start())
    ):
        # the incidents, then the filer's having had them ("none of the cybersecurity incidents we have experienced
        # has materially affected us": an unseen reader's, read as no longer saying any happened)
        return "targeted" if m.group(1).lower().startswith("attack") else "suffered"
    for m in _ACKNOWLEDGED_RE.finditer(text):
        if _NEGATION_RE.search(m.group("between")) or _NEGATION_RE.search(m.group("what")):
            continue  # ("have not experienced", "have experienced no material incidents")
        clause = _CLAUSE_OPENS_RE.split(text[: m.start()])[-1]
        if (
            _FILER_RE.search(clause[-80:])
            and not _CONDITION_RE.search(clause)
            and not (
                _NOT_OURS_RE.search(clause) or _OTHERS_RE.match(clause) or _NEGATION_RE.search(clause[-40:])
            )
        ):  # (the filer's: not "We do not believe we have ...", nor "When we learn that a vendor has ...")
            if m.group("suffered") and m.group("through"):
                return "suffered"
            found = "targeted"
    return found


#: "any" before the incidents ("any cybersecurity threats or ").
_ANY_BEFORE_RE = lazy_compile(r"\bany\s+(?:[\w-]+\s+){0,5}$", re.I)
#: Incidents, then the filer having had them: "the cybersecurity incidents we have experienced", "breaches that the
#: Company has suffered" (not "may have experienced").
_EXPERIENCED_AFTER_RE = lazy_compile(
    r"\b(incidents?|breach(?:es)?|intrusions?|compromises?|attacks?)\s+(?:that\s+|which\s+)?(?:we|the\s+company)\s+"
    r"(?:have|has|had)\s+(?:previously\s+|historically\s+|already\s+)?(?:experienced|suffered|encountered|detected)\b",
    re.I,
)


class MaterialReader:
    """Reads the material-incident statement and its strength."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading

    def read(self) -> None:
        index = self.r.index
        statement, firm, i = read_statement(index.texts, index.lows, index.holding(STATEMENT.needs))
        if i is None:
            self.r.say_absent("material_incident_statement", "absent", STATEMENT.name)
            return
        self.r.add("material_incident_statement", statement, i, STATEMENT.name)
        self.r.add("material_incident_strength", firm, i, f"material_incident_strength.{firm}")
        # the statement going on in the next sentence ("We have not experienced a cybersecurity incident that has
        # materially affected us. We are also not aware of any risks ... that are reasonably likely to materially
        # affect ...": a held-out scenario's split, read as the outlook dropped): one statement, two sentences
        nxt = i + 1
        if statement == "none" and nxt < len(index.texts) and "material" in index.texts[nxt].lower():
            t = index.texts[nxt]
            if [said for said, _ in once("material_incident", t, lambda: _statement(t, t.lower()))] == [
                "none"
            ]:
                self.r.add("material_incident_statement", statement, nxt, STATEMENT.name)


STRENGTH_RULES = (
    rule(
        "material_incident_strength.definite",
        r"\b(?:have|has|had)\s+not\b|\bnot\s+(?:been|had|experienced|identified)\b",
        ("not",),
        doc="a statement made without belief or awareness words: definite",
    ),
    rule(
        "material_incident_strength.belief",
        _BELIEF_RE.pattern,
        ("believ", "view", "opinion", "judgment", "think"),
        doc="'we do not believe': belief",
    ),
    rule(
        "material_incident_strength.awareness",
        _AWARENESS_RE.pattern,
        ("aware", "knowledge", "known"),
        doc="'we are not aware', 'to our knowledge': awareness",
    ),
)
