"""Infer the six cyd flags of an untagged disclosure from its text.

Every inference is a sentence-level pattern with the sentence kept as evidence. A flag the text says
nothing about is `absent` (value None), never false: false needs an explicit statement (the usual
"we have not identified any risks ... that have materially affected ..." for MateriallyAffected, an
explicit "we do not engage third parties" for ThirdPartyEngaged, and so on).

Patterns are about what Item 106 asks, not about any one filer's wording; `bench/bench_inference.py`
measures them against the filers' own tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import takewhile

from tracker.facts import material_incident, read, shared_facts
from tracker.facts.governance import GOES_ON_RE, MERGED_INTO, committee_names
from tracker.facts.material import past_incident
from tracker.facts.program import OUTSIDE_ADJ as _OUTSIDE_ADJ
from tracker.facts.program import OUTSIDERS as _OUTSIDERS
from tracker.facts.program import (
    OVERSIGHT_STRONG_RES,
    SUPPLIER_NEEDS,
    outsiders_no_longer_engaged,
    suppliers_own,
)
from tracker.facts.text import OWNER, SentenceIndex, derived, disclosure_sentences, has, hint_text
from tracker.models import FLAGS, MATERIAL_FLAG, Disclosure, Element, element_order
from tracker.text.lazy import Caseless, caseless, lazy_compile

_I = re.I

#: Lower-case words a pattern needs: one word of each group (a sentence holding none of a group's words cannot
#: match, so the pattern is never tried on it).
_Needs = tuple[tuple[str, ...], ...]

# ---- ProcessesIntegrated (b)(1)(i) -------------------------------------------------------------------
_RISK_SYSTEM = (
    r"(?:risk[- ]management|risk[- ]assessment|\bERM\b|risk\s+(?:framework|program|programme|process|system))"
)
#: "part of", "a component of" ...
_NEEDS_PART = ("part", "component", "element", "pillar", "subset", "aspect")
#: Each pattern with the words it needs (one of each group: each alternative spells one).
_INTEGRATED_RES: list[tuple[Caseless, _Needs]] = [
    (
        caseless(
            r"\b(?:integrat|incorporat|embedd|built\s+into|fold|align)\w*\b[^.;]{0,160}?"
            r"(?:overall|enterprise|broader|company|firm|group|organi[sz]ation|corporate|general|wider)"
            r"[\w\s,'-]{0,40}?" + _RISK_SYSTEM
        ),
        (
            ("integrat", "incorporat", "embedd", "built", "fold", "align"),
            (
                "overall",
                "enterprise",
                "broader",
                "company",
                "firm",
                "group",
                "organi",
                "corporate",
                "general",
                "wider",
            ),
        ),
    ),
    (
        caseless(
            # (the filer by its name: "As part of SentinelOne's overall enterprise risk management program", an unseen
            # reader's form-only edit of S FY2025, read as the answer no longer stated)
            r"\b(?:part|component|element|pillar|subset|aspect)\s+of\s+(?:[\w'\u2019-]+\s+){0,6}?"
            r"(?:overall|enterprise|broader|company|firm|group|organi[sz]ation|corporate|general|wider|"
            r"integrated)[\w\s,'-]{0,40}?" + _RISK_SYSTEM
        ),
        (_NEEDS_PART,),
    ),
    (
        caseless(
            r"\b(?:part|component|element|pillar|aspect)\s+of\s+" + OWNER + r"\s+(?:\w+\s+){0,2}?"
            r"risk[- ]management\s+"
            r"(?:system|framework|program|programme|process|structure)"
        ),
        (_NEEDS_PART,),
    ),
    (
        caseless(
            r"\b(?:enterprise|overall|broader)[- ]?(?:wide\s+)?risk[- ](?:management|assessment)\b[^.;]{0,160}?"
            r"\b(?:includ|incorporat|integrat|encompass|address|consider|cover|reflect)\w*\b[^.;]{0,200}?"
            r"\bcyber"
        ),
        (("enterprise", "overall", "broader"), ("cyber",)),
    ),
    (
        caseless(
            r"\bcyber\w*[^.;]{0,120}?\b(?:is|are)\s+(?:\w+\s+){0,3}?(?:integrated|incorporated|embedded)\s+"
            r"(?:into|in|within|with)\b"
        ),
        (("integrated", "incorporated", "embedded"), ("cyber",)),
    ),
    (
        # ("We assess cybersecurity risk as one of the risk categories in our annual enterprise risk assessment": an
        # unseen reader's rewording of "Cybersecurity risk is one of the risk categories assessed as part of our annual
        # enterprise risk assessment", read as the answer no longer stated)
        caseless(
            r"\bcyber\w*[^.;]{0,100}?\b(?:risk\s+categor(?:y|ies)|categor(?:y|ies)\s+of\s+risks?)\b[^.;]{0,60}?"
            r"\b(?:enterprise|overall|company|firm|organi[sz]ation)(?:[\s-]+wide)?[\s-]+" + _RISK_SYSTEM
        ),
        (("cyber",), ("categor",)),
    ),
]
_NOT_INTEGRATED_RE = caseless(
    r"\b(?:not|no longer)\s+(?:been\s+)?(?:integrated|incorporated)\s+into\b[^.]{0,80}?" + _RISK_SYSTEM
)

# ---- ThirdPartyEngaged (b)(1)(ii) ---------------------------------------------------------------------
_ENGAGE_VERB = (
    r"(?:engag|retain|hir|us(?:e|es|ed|ing)\b|utiliz|leverag|work(?:s|ed|ing)?\s+with|partner|"
    r"collaborat|consult|contract|obtain|rely|relies|enlist|supplement|augment|assist|conduct(?:ed)?\s+by|"
    r"perform(?:ed)?\s+by|involv|seek|bring)"
)
_NEEDS_OUTSIDERS = (  # _OUTSIDERS
    "third",
    "consult",
    "advis",
    "auditor",
    "assessor",
    "expert",
    "specialist",
    "vendor",
    "firm",
    "provider",
    "partner",
    "counsel",
    "agenc",
    "penetration",
    "team",
)
_NEEDS_OUTSIDE_ADJ = (  # _OUTSIDE_ADJ
    "third",
    "outside",
    "external",
    "independent",
    "leading",
    "specialized",
    "reputable",
    "qualified",
)
_NEEDS_ENGAGE = ("engag", "retain", "hir")
#: A security officer an outside provider supplies: no supplier the filer oversees (`infer_third_party_oversight`), an
#: outsider engaged (`infer_third_party_engaged`).
_PROVIDED_OFFICER_RE = lazy_compile(
    r"\b(?:third[- ]party|outsourced|external|virtual|fractional)\s+(?:[\w-]+\s+){0,4}?(?:CISO|chief\s+"
    r"information\s+security\s+officer)\b|\b(?:CISO|chief\s+information\s+security\s+officer)\s+(?:of|from|"
    r"provided\s+by)\s+(?:our|an?|the)\s+(?:[\w-]+\s+){0,4}?(?:provider|firm|vendor|consultancy)\b",
    _I,
)
#: Third parties the filer engages ("We engage third parties to ...", "retains a third party to").
_ENGAGED_THIRD_PARTIES_RE = lazy_compile(
    r"\b((?:engag|retain|hir)\w*\s+(?:[\w-]+\s+){0,2}?)third[- ]part(?:y|ies)\b(?=\s+to\b)", _I
)
#: Strongest first: the evidence is the first sentence matching the strongest pattern that matches at all (each
#: with the words it needs).
_ENGAGED_RES: list[tuple[re.Pattern[str], _Needs]] = [
    (
        lazy_compile(
            r"\b(?:engag|retain|hir)\w*\b[^.;]{0,80}?\b(?:assessors?|consultants?|auditors?|advisors?|"
            r"experts?)\b",
            _I,
        ),
        (_NEEDS_ENGAGE, ("assessor", "consultant", "auditor", "advisor", "expert")),
    ),
    (
        lazy_compile(r"\b(?:engag|retain|hir)\w*\b[^.;]{0,80}?\b" + _OUTSIDE_ADJ + r"\b", _I),
        (_NEEDS_ENGAGE, _NEEDS_OUTSIDE_ADJ),
    ),
    (  # the same in the passive ("Third parties are periodically engaged to ... review our cybersecurity practices":
        # an unseen reader's form-only IBM edit, read as no longer engaging anyone); not suppliers onboarded
        lazy_compile(
            r"\b(?:third[- ]part(?:y|ies)|consultants?|consulting\s+firms?|advis[oe]rs?|auditors?|assessors?|experts?|"
            # ("External resources are engaged to support ...": reader 32's restyle of "We also engage external
            # resources to support ...", read as engaging no one)
            r"specialists?|(?:outside|external|independent)\s+(?:[\w-]+\s+){0,2}?(?:firms?|resources|parties|"
            r"providers)|penetration\s+testers?)\b"
            r"(?:[^.;]{0,60}?\b(?:are|is|were|was|have\s+been|has\s+been|may\s+be)\s+(?:\w+ly\s+|also\s+)?"
            # ("performed each year by an independent firm engaged by us")
            r"(?:engaged|retained|hired)\b|,?\s+(?:that\s+)?(?:we\s+)?(?:engaged|retained|hired)\b(?:\s+by\b)?)",
            _I,
        ),
        (
            _NEEDS_ENGAGE,
            (
                *(w for w in _NEEDS_OUTSIDERS if w not in ("vendor", "provider", "partner", "agenc")),
                "resource",
            ),
        ),
    ),
    (
        _OUTSIDE_WORK_RE := lazy_compile(
            r"\b(?:third[- ]party|external|independent|outside)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:assessments?|audits?|penetration\s+tests?|testing|reviews?|certifications?|evaluations?)\b",
            _I,
        ),
        (
            ("third", "external", "independent", "outside"),
            ("assessment", "audit", "penetration", "testing", "review", "certification", "evaluation"),
        ),
    ),
    (  # the work, then the outsiders doing it ("an annual penetration test by an independent firm", "audited each year by our
        # internal audit function with the support of an outside firm": reader 45's bank, whose restyle from "supported by
        # an outside firm" turned the answer "yes -> not stated")
        lazy_compile(
            r"\b(?:assessments?|assessed|audit\w*|penetration\s+tests?|tests?|tested|testing|reviews?|reviewed|"
            r"evaluations?|evaluated)\b[^.;]{0,80}?\b(?:by|from|with\s+the\s+(?:support|assistance|help)\s+of|"
            r"(?:supported|assisted)\s+by)\s+(?:an?\s+|the\s+|one\s+or\s+more\s+)?"
            + _OUTSIDE_ADJ
            + r"\s+(?:[\w-]+\s+){0,2}?"
            + _OUTSIDERS
            + r"\b",
            _I,
        ),
        (_NEEDS_OUTSIDE_ADJ, _NEEDS_OUTSIDERS, ("by", "from", "support", "assist", "help")),
    ),
    (
        lazy_compile(
            r"\b"
            + _OUTSIDE_ADJ
            + r"\s+(?:[\w-]+\s+){0,4}?"
            + _OUTSIDERS
            + r"\b[^.;]{0,120}?\b(?:assess|audit|test|review|evaluat|advis|assist|consult|penetration|"
            r"certif|benchmark|validat|help|support)",
            _I,
        ),
        (
            _NEEDS_OUTSIDE_ADJ,
            _NEEDS_OUTSIDERS,
            (
                "assess",
                "audit",
                "test",
                "review",
                "evaluat",
                "advis",
                "assist",
                "consult",
                "penetration",
                "certif",
                "benchmark",
                "validat",
                "help",
                "support",
            ),
        ),
    ),
    (
        lazy_compile(
            r"\b" + _ENGAGE_VERB + r"\w*\b[^.;]{0,120}?\b" + _OUTSIDE_ADJ + r"\b[^.;]{0,60}?\b" + _OUTSIDERS,
            _I,
        ),
        (_NEEDS_OUTSIDE_ADJ, _NEEDS_OUTSIDERS),
    ),
    (  # a security officer an outside provider supplies ("third-party managed service provider CISO", "the CISO of our
        # managed service provider", "a fractional CISO": reader 29's ELMD, read as engaging no one, then as engaging)
        _PROVIDED_OFFICER_RE,
        (("ciso", "chief information security officer"),),
    ),
]
_NOT_ENGAGED_RE = caseless(
    r"\b(?:do|does|did)\s+not\s+(?:currently\s+)?(?:engage|retain|use|hire|utilize)\b[^.;]{0,60}?"
    r"(?:" + _OUTSIDERS + r"|" + _OUTSIDE_ADJ + r"\s+(?:[\w-]+\s+)?(?:resources|parties|firms?|"
    r"services|support|help|assistance)\b)"
)
#: A negation right before an engagement ("we do not engage external ...", "we never retain ...").
_NEGATED_BEFORE_RE = lazy_compile(
    r"(?:\b(?:not|never|no\s+longer)|n't)\s+(?:currently\s+|presently\s+)?(?:[\w-]+\s+)?$", _I
)

# ---- ThirdPartyOversightAndIdentificationProcesses (b)(1)(iii) ----------------------------------------
_SUPPLIERS = (
    r"(?:vendors?|suppliers?|service\s+providers?|third[- ]part(?:y|ies)|supply\s+chain|"
    r"business\s+partners?|contractors?|outsourc\w*|partners?)"
)
_OVERSIGHT_WORDS = (
    r"(?:risks?|assess|due\s+diligence|oversee|oversight|monitor|evaluat|review|questionnaire|"
    r"contractual|contracts?|security\s+(?:requirements|standards|obligations|terms|reviews?)|"
    r"track|vet|screen|diligence|manag|identif|audit)"
)
#: A third party that is an intruder, not a supplier: "an unauthorized third party gained access".
_INTRUDER_RE = caseless(
    r"\b(?:unauthori[sz]ed|malicious|criminal|hostile)\s+(?:third[- ]part(?:y|ies)|parties|actors?)"
    r"|\bthird[- ]part(?:y|ies)\s+(?:\w+\s+){0,2}(?:gained|obtained)\s+(?:unauthori[sz]ed\s+)?access"
)
_OVERSIGHT_RES = [
    caseless(r"\b" + _SUPPLIERS + r"\b[^.;]{0,160}?\b" + _OVERSIGHT_WORDS),
    caseless(r"\b" + _OVERSIGHT_WORDS + r"\w*\b[^.;]{0,160}?\b" + _SUPPLIERS + r"\b"),
]
_SUPPLIER_CORE = caseless(
    r"\b(?:vendors?|suppliers?|service\s+providers?|third[- ]part(?:y|ies)\s+"
    r"(?:risk|vendors?|suppliers?|service|providers?|technolog|software|systems?|"
    r"with\s+access|that\s+(?:have|provide|host|process))|supply\s+chain|"
    r"third[- ]part(?:y|ies)\b[^.;]{0,40}?\b(?:risk|access|security\s+posture))"
)

# ---- PositionsOrCommitteesResponsible (c)(2)(i) -------------------------------------------------------
_POSITION = (
    r"(?:chief\s+[\w\s,&]{0,60}?officer|\bC[IT]?SO\b|\bCIO\b|\bCTO\b|\bCRO\b|\bCDO\b|vice\s+president|"
    r"\b(?:S|E)?VP\b|head\s+of|director\s+of|general\s+counsel|committee|council|"
    r"(?:security|cybersecurity|technology|it|risk|steering|management|leadership)\s+(?:team|group|"
    r"function|organi[sz]ation|department|office|officers?)|officers?\b|executives?\b|leaders?\b|"
    r"management)"
)
_RESPONSIBLE = (
    # (not the noun: "The Audit Committee receives regular ... updates from management, including our Chief Security
    # Officer": reader 41's, whose active restyle then named no position, "yes -> not stated")
    r"(?:responsib|accountab|lead|led\s+by|oversee|oversight|oversees|manag(?!ement\b)|in\s+charge|heads?\b|"
    # (not the board's "directors", nor "directly": "Our CISO regularly updates our board of directors on cybersecurity
    # risks" named no position responsible, reader 33's restyle read as now naming one)
    # (and what Item 106(c)(2)(i) names: "Our Cyber Risk Management Committee, made up of senior executives, assesses
    # cybersecurity risk", read before on the "Management" of its name, which the noun no longer is)
    # (risk assessed, not the program's maturity: "Our cybersecurity team also assesses our cybersecurity program
    # maturity", reader 32's)
    r"headed|direct(?!ors?\b|ly\b)|charged\s+with|tasked|owns|run|assess(?:es|ing)?\b(?=\s+(?:[\w-]+\s+){0,3}?risks?\b))"
)
_CYBER = r"(?:cyber|information\s+security|security|data\s+protection|infosec)"
_RESPONSIBLE_RES = [
    caseless(_POSITION + r"[^.;]{0,160}?\b" + _RESPONSIBLE + r"\w*\b[^.;]{0,160}?" + _CYBER),
    caseless(_CYBER + r"[^.;]{0,160}?\b" + _RESPONSIBLE + r"\w*\b[^.;]{0,120}?" + _POSITION),
]
#: Words every match of _RESPONSIBLE holds (one of them).
_NEEDS_RESPONSIBLE = (
    "responsib",
    "accountab",
    "lead",
    "led",
    "oversee",
    "oversight",
    "manag",
    "charge",
    "head",
    "direct",
    "tasked",
    "owns",
    "run",
    "assess",
)
#: Words every match of _ROLE_WORD holds (one of them: "chief ... officer", "c[it]?so" ...).
_NEEDS_ROLE = (
    "officer",
    "cso",
    "ciso",
    "ctso",
    "cio",
    "cto",
    "vice",
    "vp",
    "head",
    "director",
    "committee",
    "council",
    "team",
    "executive",
    "counsel",
)
#: (Caseless: tried on every sentence of an untagged section that names a cyber word; only tested)
_ROLE_WORD = Caseless(
    r"chief\s+[\w\s,&]{0,60}?officer|\bc[it]?so\b|\bcio\b|\bcto\b|vice\s+president|\b[se]?vp\b|head\s+of|"
    r"director|committee|council|team|officers?|executives?|general\s+counsel"
)

# ---- PositionsOrCommitteesResponsibleReportToBoard (c)(2)(iii) ----------------------------------------
_BOARD = (
    r"(?:board(?!\s+(?:meeting\s+)?of\s+(?:the\s+)?(?:PRC|China))|(?:audit|risk|security|technology|"
    r"governance|compliance|finance|cybersecurity|nominating)[\w\s,&]{0,60}?committee|"
    r"committee\s+of\s+(?:the|our)\s+board|directors)"
)
_REPORT_WORDS = (
    r"(?:report|updat|brief|inform|present|apprise|advis|discuss|communicat|escalat|notif|"
    r"provid\w*\s+(?:\w+\s+){0,3}?(?:reports?|updates?|briefings?|information)|meet|review)"
)
#: Words one of which each of _REPORT_RES needs: _REPORT_WORDS, and the verbs of the board's hearing.
_NEEDS_REPORT = (
    "report",
    "updat",
    "brief",
    "inform",
    "present",
    "apprise",
    "advis",
    "discuss",
    "communicat",
    "escalat",
    "notif",
    "provid",
    "meet",
    "review",
    "receiv",
    "hear",
    "get",
    "obtain",
)
_REPORT_RES = [
    caseless(
        r"\b" + _REPORT_WORDS + r"\w*\b[^.;]{0,160}?\b(?:to|with|for)\s+(?:the\s+|our\s+|its\s+|"
        r"[\w\s,&]{0,40}?)" + _BOARD
    ),
    caseless(
        r"\b" + _BOARD + r"\b[^.;]{0,160}?\b(?:receiv|review|hear|is\s+informed|are\s+informed|"
        r"is\s+(?:regularly\s+|periodically\s+)?(?:briefed|updated|apprised)|get|obtain)\w*\b[^.;]{0,160}?"
        r"\b(?:reports?|updates?|briefings?|presentations?|information|from)\b"
    ),
    caseless(
        r"\b" + _BOARD + r"\b[^.;]{0,80}?\b(?:is|are|(?:will|would|shall)\s+be)\s+(?:\w+\s+){0,3}?"
        r"(?:informed|briefed|updated|apprised|notified)\b"
    ),
    # what management prepares put before the board ("would then prepare disclosure material on the cybersecurity
    # incident for review and approval by our board of directors", seed 002's 20-F, tagged so)
    caseless(
        r"\b(?:for|to)\s+(?:the\s+)?(?:review|approval|consideration)\s+(?:and\s+(?:approval|review)\s+)?(?:of|by)\s+"
        r"(?:the\s+|our\s+|its\s+)?" + _BOARD
    ),
    # the body told as the verb's object ("... regularly update the Audit Committee and the Board of Directors on our
    # cybersecurity risk management program": reader 29's restyle, read as no longer reporting to the board)
    caseless(
        r"\b(?:updat(?:es?|ed|ing)|brief(?:s|ed|ing)?|inform(?:s|ed|ing)?|appris(?:es?|ed|ing)|advis(?:es?|ed|ing)|"
        r"notif(?:y|ies|ied|ying))\s+(?:the\s+|our\s+|its\s+)?(?:[\w&,-]+\s+){0,5}?"
        + _BOARD
        # ("through its Audit Committee, which the Senior Director of Information Security updates at least annually")
        + r"|"
        + _BOARD
        + r",?\s+(?:which|whom)\s+(?:the\s+|our\s+|its\s+)?(?:[\w.&,-]+\s+){0,8}?"
        r"(?:updates|briefs|informs|apprises|advises|notifies)\b"
    ),
]

Finding = tuple[bool, str] | None


def _first(sentences: list[str], test: Callable[[str], object], *needs: tuple[str, ...]) -> str | None:
    """The first sentence passing `test`, among those that `_may_hold` one of each of `needs` (all if none given)."""
    return next((s for s in _may_hold(sentences, *needs) if test(s)), None)


def _strongest(
    sentences: list[str],
    patterns: list[tuple[Caseless, _Needs]],
    needs: tuple[str, ...] = (),
    clean: Callable[[str], str] | None = None,
) -> str | None:
    """The first sentence matching the strongest (earliest) pattern that matches any sentence (of those that
    `_may_hold` one of `needs`, a word every one of the patterns needs, and the pattern's own words), and still
    matching it once cleaned (`clean`, where given)."""
    return next(
        (
            s
            for p, own in patterns
            for s in _may_hold(sentences, needs, *own)
            if p.test(s) and (clean is None or p.test(clean(s)))
        ),
        None,
    )


def _may_hold(sentences: list[str], *needs: tuple[str, ...]) -> list[str]:
    """The sentences a pattern needing one of the lower-case words of each of `needs` may match (the keyword
    prefilter of the fact rules, `hint_text` and `has`: a sentence holding none of them cannot match, so the
    pattern is never tried on it; the patterns scan every sentence of the section, and this cheap test spares
    most of them)."""
    needs = tuple(words for words in needs if words)
    if not needs:
        return sentences
    if isinstance(sentences, _Hinted):
        # (the index knows which sentences hold each word: no sentence is tested)
        held = frozenset.intersection(*[sentences.sentence_index.holding(words) for words in needs])
        return [s for s, i in zip(sentences, sentences.at) if i in held]
    lows = [hint_text(s) for s in sentences]
    return [s for s, low in zip(sentences, lows) if all(has(low, words) for words in needs)]


class _Hinted(list[str]):
    """The sentences the inferences read, prose before headings ("Internal and External Testing" is no evidence
    where a sentence says as much), each with its place in the disclosure's `SentenceIndex` (`at`): the keyword
    prefilter of every pattern of the six inferences is a look-up of the sentences the index finds holding its
    words."""

    def __init__(self, index: SentenceIndex) -> None:
        self.sentence_index = index
        self.at = sorted(range(len(index)), key=lambda i: _heading(index.texts[i]))
        super().__init__([index.texts[i] for i in self.at])


#: Words a pattern of each kind needs (one of them, lower case): each alternative of the pattern spells one.
_NEEDS_RISK_SYSTEM = ("risk", "erm")  # _RISK_SYSTEM: risk ... or ERM
_NEEDS_SUPPLIER = SUPPLIER_NEEDS  # (_SUPPLIER_WORDS, _SUPPLIER_CORE)
_NEEDS_CYBER = ("cyber", "secur", "protection", "infosec")  # _CYBER
_NEEDS_BOARD = ("board", "committee", "director")  # _BOARD
#: the verbs of _ENGAGED_RES 0-1, _OUTSIDE_ADJ, and the words of a security officer a provider supplies
_NEEDS_ENGAGED = (
    _NEEDS_ENGAGE + _NEEDS_OUTSIDE_ADJ + ("outsourced", "virtual", "fractional", "ciso of", "officer of")
)
#: (the security officer by acronym is the topic: "The CISO reports to our CIO and briefs the Audit Committee each
#: quarter", reader 24's restyle, where the title spelled out was)
_RISK_TOPIC_RE = caseless(_CYBER + r"|risk|incident|\bciso\b")
_NEEDS_RISK_TOPIC = (*_NEEDS_CYBER, "risk", "incident", "ciso")
_NEEDS_NOT_ENGAGED: _Needs = (("not",), ("engage", "retain", "use", "hire", "utilize"))  # _NOT_ENGAGED_RE


def infer_integrated(sentences: list[str]) -> Finding:
    """(b)(1)(i): are the cybersecurity processes part of overall risk management?"""
    if hit := _first(sentences, _NOT_INTEGRATED_RE.test, ("rated",)):  # integrated, incorporated
        return False, hit
    if hit := _strongest(sentences, _INTEGRATED_RES, _NEEDS_RISK_SYSTEM):
        return True, hit
    return None


def _affirmed_match(pattern: re.Pattern[str], s: str) -> bool:
    """Whether the pattern matches the sentence somewhere no negation comes right before, nor a supplier's obligation
    to undergo it ("We have since required the provider to complete an independent security assessment": reader 26's
    airline, read as now engaging assessors, where the assessment is the supplier's)."""
    return any(
        not _NEGATED_BEFORE_RE.search(s, max(0, m.start() - 40), m.start())
        and not suppliers_own(s, m.start())
        and not _CAPACITY_RE.search(m.group(0))
        for m in pattern.finditer(s)
    )


#: A person's own work as an outsider ("joined the Company in 2021 after working with the Company as a third-party
#: consultant since 2019": reader 27's HD edit, whose CISO's career was read as the company engaging assessors).
_CAPACITY_RE = lazy_compile(r"\bwork(?:ed|ing|s)?\s+(?:with|for)\s+[^.;]{0,40}?\bas\s+an?\s+", _I)


def infer_third_party_engaged(sentences: list[str]) -> Finding:
    """(b)(1)(ii): does the filer engage assessors, consultants, auditors or other third parties?

    A negated engagement ("We do not engage external resources ...") is no engagement."""
    if hit := _first(sentences, _NOT_ENGAGED_RE.test, *_NEEDS_NOT_ENGAGED):
        return False, hit
    if hit := next(
        (
            s
            for k, (p, own) in enumerate(_ENGAGED_RES)
            for s in _may_hold(sentences, _NEEDS_ENGAGED, *own)
            if _affirmed_match(p, s)
            and (k < _ENGAGED_BY_VERB or not past_incident(s))
            and not (p is _OUTSIDE_WORK_RE and _internal_audit_only(s))
            and not outsiders_no_longer_engaged(s)
        ),
        None,
    ):
        return True, hit
    # outsiders no longer engaged, and none said engaged now ("Beginning in 2025, we discontinued our use of outside
    # assessors and consultants ...": reader 44's, read as assessors engaged; "We no longer engage third-party
    # consultants ...", read as "not stated")
    if hit := _first(sentences, outsiders_no_longer_engaged, *_NEEDS_ENDED):
        return False, hit
    return None


#: Words every match of `_ENDED_ENGAGING_RE` holds (one of each).
_NEEDS_ENDED: _Needs = (
    ("longer", "discontinu", "ceas", "stopp", "ended"),
    ("engag", "retain", "use", "using", "hire", "utiliz", "rely", "reliance", "relationship", "work"),
)


#: (`_OUTSIDE_WORK_RE`, of `_ENGAGED_RES`, finds outsiders' work by its adjective, "independent testing", which internal
#: audit's own work also has: "Our internal audit function periodically conducts independent testing ...", reader 32's
#: NKE edit, whose third-party assessors made the company's own team was "Routine")
_INTERNAL_AUDIT_RE = lazy_compile(r"\binternal\s+audit", _I)
_OUTSIDER_ADJ_RE = lazy_compile(r"\b(?:third[- ]part(?:y|ies)|outside|external)\b", _I)


def _internal_audit_only(s: str) -> bool:
    """Whether a sentence tells of internal audit's work and of no outsider's ("independent" alone)."""
    return _INTERNAL_AUDIT_RE.search(s) is not None and _OUTSIDER_ADJ_RE.search(s) is None


#: How many of `_ENGAGED_RES`, the first, say the filer engages, retains or hires (one is "engaged by us"); the rest
#: find outsiders by what they do, which a sentence telling of an incident does not make the program's ("we detected
#: unauthorized access to systems operated by a third-party provider that supports certain of our loyalty programs":
#: reader 27's MA edit, read as now engaging assessors).
_ENGAGED_BY_VERB = 3


#: (third parties the filer engages to help it, "third-party consultants", are no suppliers it oversees)
def infer_third_party_oversight(sentences: list[str]) -> Finding:
    """(b)(1)(iii): processes to oversee and identify risks from third-party service providers."""
    if hit := _strongest(sentences, OVERSIGHT_STRONG_RES, _NEEDS_SUPPLIER, _no_outsiders_engaged):
        return True, hit

    def test(s: str) -> bool:
        """A supplier and an oversight or assessment word about it (an intruder called a third party is no
        supplier, and 'access' or 'incident' alone is no oversight)."""
        if _INTRUDER_RE.test(s):
            return False
        if "incident" in s and past_incident(s):
            return False  # an incident told of at a supplier, no process ("In 2025, we identified a cybersecurity
            # incident at one of our third-party providers ...": reader 41's, read as overseeing service providers)
        s = _no_outsiders_engaged(s)
        return _SUPPLIER_CORE.test(s) and any(p.test(s) for p in _OVERSIGHT_RES)

    if hit := _first(sentences, test, _NEEDS_SUPPLIER):
        return True, hit
    return None


def _no_outsiders_engaged(s: str) -> str:
    """A sentence without the outsiders the filer engages, who are no suppliers it oversees: the provider of its CISO,
    third parties it engages to assess it ("We engage third parties to independently evaluate our cybersecurity
    maturity ... and perform a risk assessment": reader 27's HD, read as overseeing suppliers)."""
    if "iso" in s or "ISO" in s or "officer" in s.lower():
        s = _PROVIDED_OFFICER_RE.sub("officer", s)
    # (nor a supplier's incident told of: "Other than the vendor incident described above, we do not believe that
    # there are any risks ...", reader 30's next KO year, read as now overseeing suppliers)
    s = _SUPPLIER_INCIDENT_RE.sub("incident", s)
    return _ENGAGED_THIRD_PARTIES_RE.sub(r"\1advisers", s)


#: A supplier's incident named ("the vendor incident", "a third-party cybersecurity incident").
_SUPPLIER_INCIDENT_RE = lazy_compile(
    r"\b(?:vendor|supplier|third[- ]party|provider|partner)\s+(?:cyber\w*\s+|security\s+|ransomware\s+)?"
    r"(?:incidents?|attacks?|breach(?:es)?)\b",
    _I,
)


def infer_materially_affected(d: Disclosure) -> Finding:
    """(b)(2): follows the material-incident statement (tracker.facts): true where the text says threats or
    incidents have materially affected the filer or are reasonably likely to, false where it says they have
    not, absent where it says neither (a cross-reference to the risk factors alone says neither)."""
    statement, _, evidence = material_incident(d)
    if statement == "absent" or evidence is None:
        return None
    return statement == "affected", evidence


def infer_positions_responsible(sentences: list[str], board: frozenset[str] = frozenset()) -> Finding:
    """(c)(2)(i): a named position or committee responsible for assessing and managing cyber risk; not a board
    committee (`board`, lower case: "oversees cybersecurity risk through its Risk Management Committee" names the
    board's committee, not management's: reader 26's 20-F, read as now naming the positions responsible; "our Board
    formed a Risk and Technology Committee, which assumed oversight of risks from cybersecurity threats", reader 28's
    exchange)."""
    board_name = _names_re(board, _DEFINED_AS)
    # and the word it is defined by ('the Audit Committee (the "Committee")', then "The Committee receives regular
    # reports from management on our cybersecurity risks": reader 24's HLI-like edit)
    defining = _names_re(board, _DEFINING)
    defined = (
        {m.group(1) for s in sentences if "(" in s for m in defining.finditer(s)}
        if defining is not None
        else set()
    )
    short = (
        re.compile(r"\b(?i:the)\s+(?:" + "|".join(map(re.escape, sorted(defined))) + r")\b")
        if defined
        else None
    )

    def test(s: str) -> bool:
        if "ommittee" in s:
            if board_name is not None:
                s = board_name.sub("board", s)
                if short is not None:
                    s = short.sub("the board", s)
            # (nor one named as the overseer no longer: "Our full Board of Directors, rather than the Audit Committee,
            # is responsible for the oversight": reader 30's next TSLA year)
            s = _INSTEAD_OF_COMMITTEE_RE.sub(" ", s)
        return _ROLE_WORD.test(s) and any(p.test(s) for p in _RESPONSIBLE_RES)

    if hit := _first(sentences, test, _NEEDS_CYBER, _NEEDS_ROLE, _NEEDS_RESPONSIBLE):
        return True, hit
    # a sentence going on from the one before by a pronoun is read with it ("Our cybersecurity governance structure
    # has multiple levels. It begins with our Enterprise Risk Management Committee ...": reader 32's split of one
    # sentence, read as no longer naming the committees responsible)
    order = sentences.sentence_index.texts if isinstance(sentences, _Hinted) else sentences
    for before, after in zip(order, order[1:]):
        if GOES_ON_RE.match(after) and test(f"{before.rstrip('.')}, and {after[0].lower()}{after[1:]}"):
            return True, after
    # a position that manages the section's risk process, the word of cybersecurity in the sentences around it
    # ("Working with the outsourced IT firm, our president will manage the risk assessment and mitigation process":
    # MODD, whose only evidence had been "the board of directors" read as a word of directing)
    if hit := _first(sentences, _MANAGES_RISK_PROCESS_RE.test, ("risk",)):
        return True, hit
    return None


#: A position (or the company's president) managing the risk process ("our president will manage the risk assessment
#: and mitigation process").
_MANAGES_RISK_PROCESS_RE = caseless(
    r"(?:(?<!vice\s)\bpresident\b|"
    + _POSITION
    + r")\s+(?:will\s+|shall\s+)?(?:manages?|oversees?|leads?|directs?|"
    r"(?:is|are)\s+responsible\s+for)\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}?risk\s+(?:assessment|"
    r"management|mitigation)\b"
)


def _names_re(names: frozenset[str], after: str = "") -> re.Pattern[str] | None:
    """A pattern of the committees' names (lower case), the longest first, any spacing, any case, then `after`
    (None for no names)."""
    if not names:
        return None
    alternation = "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    )
    return re.compile(f"(?:{alternation}){after}", re.I)


#: A committee named as the one that no longer oversees ("rather than the Audit Committee").
_INSTEAD_OF_COMMITTEE_RE = lazy_compile(
    r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of)\s+(?:the\s+|our\s+|its\s+)?(?:[\w&-]+\s+){0,5}?committee\b|"
    # (nor the committees merged into the one overseeing: "combined its Audit Committee and its Compliance Committee
    # into a single Audit and Compliance Committee", reader 36's, read as now naming a committee responsible)
    + MERGED_INTO,
    _I,
)
#: The short name a committee is given right after its name ('(the "Committee")', "(RTC)"): `_DEFINING` holds it.
_DEFINING = r"\s*\(\s*(?:the\s+)?[\"'\u201c]?([\w&-]{1,20})[\"'\u201d]?\s*\)"
_DEFINED_AS = r"(?:" + _DEFINING + r")?"
#: A word one of which every match of _COMMITTEE_ACRONYM_RE holds (lower case).
_NEEDS_COMMITTEE_ACRONYM = ("committee", "board", "council")
_COMMITTEE_ACRONYM_RE = lazy_compile(
    # (or a word: 'the Audit Committee (the "Committee")', then "The Committee receives regular reports": an unseen
    # reader's HLI-like edit spelling it "the audit committee" read as now informing the board)
    r"\b(?:committee|board|council)\s*\(\s*(?:the\s+)?[\"\u201c]?([A-Z][A-Za-z&]{1,10})[\"\u201d]?\s*\)",
    _I,
)


def _expand_committee_acronyms(sentences: list[str], management: frozenset[str] = frozenset()) -> list[str]:
    """ "... Committee (RCSC) ... updates to RCSC" reads as "... updates to the board committee" (not the acronym of
    a committee the facts know as management's: "the CISO reports quarterly to the CRC" informs no board)."""
    acronyms = {
        m.group(1)
        for s in sentences
        if "(" in s and has(hint_text(s), _NEEDS_COMMITTEE_ACRONYM)  # (what every match holds: tested faster)
        for m in _COMMITTEE_ACRONYM_RE.finditer(s)
        if not (management and set(committee_names(s[: m.start() + len("committee")])[-1:]) & management)
    }
    if not acronyms:
        return sentences
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(acronyms))) + r")\b(?!\s*\))")
    return [pattern.sub("the board committee", s) for s in sentences]


def infer_report_to_board(
    sentences: list[str], management: frozenset[str] = frozenset(), board: frozenset[str] = frozenset()
) -> Finding:
    """(c)(2)(iii): those persons or committees report to (inform) the board or a board committee: one the patterns
    name ("the Audit Committee"), or one the facts read as the board's (`board`: "The Chief Security Officer briefs the
    Operations Committee on cybersecurity twice yearly", reader 28's utility, whose committee's name gained
    "Cybersecurity" and with it a report to the board "not stated -> yes")."""
    expanded = _expand_committee_acronyms(sentences, management)
    originals = dict(zip(expanded, sentences))
    if expanded is not sentences or len(originals) != len(sentences):  # (else the very sentences, hinted)
        sentences = list(originals)
    board_name = _names_re(board)
    # (and management's own committees are none of the board's: "transferred its responsibilities to the Group Risk
    # Management Committee, which is chaired by our President and meets quarterly", reader 28's 20-F, read as a report
    # to the board for the "Risk ... Committee" in its name)
    management_name = _names_re(management - board)

    def reports(s: str) -> bool:
        if "ommittee" in s:
            if board_name is not None:
                s = board_name.sub("the board committee", s)
            if management_name is not None:
                s = management_name.sub("the management group", s)
        return any(p.test(s) for p in _REPORT_RES) and not ("from" in s and _FROM_OUTSIDER_RE.test(s))

    if hit := _first(
        sentences,
        lambda s: _RISK_TOPIC_RE.test(s) and reports(s),
        _NEEDS_BOARD,
        _NEEDS_RISK_TOPIC,
        _NEEDS_REPORT,
    ):
        return True, originals[hit]
    # what is reported told in the sentences after: a lead-in to a list ("reports the following to the Audit Committee
    # at least once every quarter:" then "- a summary of cybersecurity incidents;"), or a sentence split in two ("...
    # receives periodic updates from our Chief Compliance Officer. These updates concern the overall state of the
    # cybersecurity program."): reader 39's restyles, read as no longer reporting to the board
    may_report = set(_may_hold(sentences, _NEEDS_BOARD, _NEEDS_REPORT))  # (what `reports` needs, as above)
    for k, s in enumerate(sentences[:-1]):
        if s not in may_report:
            continue
        if s.endswith(":"):
            items = sentences[k + 1 : k + 7]
            after = list(takewhile(lambda item: item[:1] in _ITEM_MARKS or item[:1].islower(), items))
        elif _REPORTS_GO_ON_RE.test(sentences[k + 1]) or GOES_ON_RE.match(sentences[k + 1]):
            after = sentences[k + 1 : k + 2]
        else:
            continue
        if after and any(map(_RISK_TOPIC_RE.test, after)) and reports(s):
            return True, " ".join(originals[t] for t in [s, *after])
    return None


#: The first characters of a list's items (after a lead-in ending with a colon).
_ITEM_MARKS = frozenset("-\u2022\u25cf\u25aa\u2013(")
#: A sentence going on with what the one before says was reported ("These updates concern ...").
_REPORTS_GO_ON_RE = caseless(
    r"^(?:these|those|such|the|they|this|that|each|its)\s+(?:(?:\w+\s+)?(?:updates?|reports?|briefings?|presentations?|"
    r"sessions?|discussions?|communications?|information)\b|(?:concern|cover|address|include|relate)s?\b)"
)


#: Reports from an outsider ("The Committee also receives periodic reports from an experienced outside consultant":
#: reader 33's CRM edit, whose consultant's reports cut were read as those responsible no longer reporting to the board).
_FROM_OUTSIDER_RE = caseless(
    r"\b(?:reports?|updates?|briefings?|presentations?)\s+from\s+(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:outside|external|independent|third[- ]party)\s+(?:[\w-]+\s+){0,2}?(?:consultants?|advis[oe]rs?|firms?|"
    r"experts?|auditors?)\b"
)


#: flag local name -> inference function over the disclosure's sentences (the materially-affected flag follows
#: the material-incident statement, see infer_materially_affected).
INFERENCES: dict[str, Callable[[list[str]], Finding]] = {
    "CybersecurityRiskManagementProcessesIntegratedFlag": infer_integrated,
    "CybersecurityRiskManagementThirdPartyEngagedFlag": infer_third_party_engaged,
    "CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag": infer_third_party_oversight,
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag": infer_positions_responsible,
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag": infer_report_to_board,
}
assert sorted([*INFERENCES, MATERIAL_FLAG]) == sorted(FLAGS)


def infer_flag_elements(d: Disclosure) -> list[Element]:
    """The six flags as inferred from the disclosure's text (tags ignored), in taxonomy order."""
    sentences = _Hinted(read(d).index)  # (an untagged year's facts are all read anyway: their sentences)
    out = []
    for name in FLAGS:
        finding = infer_flag(d, name, sentences)
        if finding is None:
            out.append(Element(name=name, kind="flag", value=None, source="absent"))
        else:
            value, evidence = finding
            out.append(Element(name=name, kind="flag", value=value, source="inferred", evidence=evidence))
    return out


def infer_flag(d: Disclosure, name: str, sentences: _Hinted | None = None) -> Finding:
    """One flag as inferred from the disclosure's text (tags ignored), as `infer_flag_elements` infers it, without
    reading every fact of the text where the store gave them (a tagged year's flag checked against its own text:
    the statement's fact, or the sentences alone)."""
    if name == MATERIAL_FLAG:
        return infer_materially_affected(d)
    if sentences is None:  # (the caller's, when it infers several flags of one text)
        cached = derived(d).reading
        sentences = _Hinted(cached.index if cached is not None else SentenceIndex(disclosure_sentences(d)))
    if name == _REPORT_FLAG:
        management = frozenset(str(v.value) for v in shared_facts(d).get("management_committees", []))
        return infer_report_to_board(sentences, management, _board_committees(d) - management)
    if name != _POSITIONS_FLAG:
        return INFERENCES[name](sentences)
    found = infer_positions_responsible(sentences, _board_committees(d))
    if found is None and (titles := shared_facts(d).get("responsible_titles")):
        # a title the facts read as responsible with no verb of responsibility ("Our Interim CISO ... reports to our
        # CTO", tracker.facts.people's security lead; or on the holder's stated experience) is the position named
        return True, titles[0].evidence
    return found


def _board_committees(d: Disclosure) -> frozenset[str]:
    """The committees the facts read as the board's overseers of cybersecurity (lower case)."""
    return frozenset(
        str(v.value) for v in shared_facts(d).get("board_oversight", []) if "committee" in str(v.value)
    )


_REPORT_FLAG = "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag"
_POSITIONS_FLAG = "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag"
_HEADING_RE = lazy_compile(r"^(?:[\w&'-]+\s+){0,7}[\w&'-]+$")


def _heading(sentence: str) -> bool:
    """A heading ("Internal and External Testing"): a few words, no closing punctuation, no verb needed."""
    text = sentence.strip()
    if text.endswith("."):  # (most sentences: the pattern ends with [\w&'-]+$, which no "." ends)
        return False
    return bool(_HEADING_RE.match(text)) and sum(w[:1].isupper() for w in text.split()) * 2 >= len(
        text.split()
    )


def _insert_in_taxonomy_order(elements: list[Element], new: Element) -> None:
    rank = element_order(new.name)
    index = next((i for i, e in enumerate(elements) if element_order(e.name) > rank), len(elements))
    elements.insert(index, new)


def infer_flags(d: Disclosure) -> None:
    """Set every flag the disclosure has no tag for: inferred from the text, or absent.

    A tagged flag is never replaced; an earlier inference (or absence) is recomputed.
    """
    for flag in infer_flag_elements(d):
        existing = d.element(flag.name)
        if existing is not None and existing.source == "tagged":
            continue
        if existing is not None:
            d.elements.remove(existing)
        _insert_in_taxonomy_order(d.elements, flag)
