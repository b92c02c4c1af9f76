"""Program facts: the frameworks the program follows, and the outside firms it engages.

A framework is the company's own: a SOC report or certification the text asks of vendors is the vendors'.
A standard no list knows (an ISO or NIST number) is kept as written.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from tracker.facts.people import CERTIFICATIONS, biography_spans
from tracker.facts.rules import Rule, rule
from tracker.facts.text import has, word_matches
from tracker.text.lazy import Caseless, caseless, lazy_compile
from tracker.text.normalize import HONORIFICS, clean_inline, comparison_key, once

if TYPE_CHECKING:
    from tracker.facts.extract import Reading

_NIST = r"(?:NIST|National\s+Institute\s+(?:of|for)\s+Standards\s+(?:and|&)\s+Technology)"
#: "(NIST)" defined after the institute's name, quoted or not ('("NIST") Cybersecurity Framework': a reader's edit).
_NIST_DEFINED = r"(?:\(\s*[\"'\u201c\u201d]?NIST[\"'\u201c\u201d]?\s*\)\s*)?"
#: A sentence about what vendors must show ("we review the SOC 2 reports of our vendors").
_VENDORS_ONLY = (
    r"\b(?:vendors?|suppliers?|third[- ]part(?:y|ies)|service\s+providers?)['\u2019]?\s*(?:[\w,]+\s+){0,8}?"
    r"(?:SOC|attestation|assurance|conformance|compliance\s+with|certifications?)\b|"
    r"\brequire\w*\s+(?:our\s+|certain\s+|key\s+)?(?:vendors?|suppliers?|third[- ]part(?:y|ies)|service\s+providers?)|\b(?:SOC)\s*(?:1|2|I|II)?\b[^.;]{0,80}?\b(?:of|from|by|provided\s+by|"
    r"for)\s+(?:our\s+|its\s+|their\s+|key\s+|critical\s+|certain\s+|relevant\s+)?(?:vendors?|suppliers?|"
    r"third[- ]part(?:y|ies)|service\s+providers?)"
)
#: The FFIEC's Cybersecurity Assessment Tool ("the FFIEC Cybersecurity Assessment Tool", "the FFIEC's CAT").
_FFIEC_CAT = r"\bCybersecurity\s+Assessment\s+Tool\b|\bFFIEC(?:['\u2019]s)?\s+(?:\w+\s+){0,2}?CAT\b"
_FRAMEWORK_RULES: tuple[Rule, ...] = (
    rule(
        "frameworks.nist_csf",
        _NIST + r"\s*" + _NIST_DEFINED + r"(?:['\u2019]s\s+)?(?:CSF|Cyber\s*security\s+Framework)\b|"
        r"\bNIST\s+Framework\s+for\s+Improving\s+Critical|\bCyber\s*security\s+Framework\s*\(\s*(?:NIST\s+)?CSF\s*\)|"
        r"\bCyber\s*security\s*Framework\s+(?:(?:\(\s*CSF\s*\)|\d\.\d|version\s+\d\.\d)\s+)?(?:\w+\s+)?(?:of|from|by)\s+(?:the\s+)?"
        r"(?:U\.\s?S\.\s+)?"
        + _NIST
        + r"|\bNIST\s+(?:CSF\s+)?(?:v|version\s*)?\d\.\d\s+(?:CSF|Cyber)|\bCSF\s+(?:v|version\s*)?[12]\.\d",
        ("nist", "national", "csf"),
        value="NIST CSF",
        doc="the NIST Cybersecurity Framework, any version",
    ),
    rule(
        "frameworks.nist_800_53",
        r"\b(?:NIST\s*)?(?:SP|Special\s+Publication)?\s*800-53\b",
        ("800-53",),
        value="NIST SP 800-53",
    ),
    rule(
        "frameworks.nist_800_171",
        r"\b(?:NIST\s*)?(?:SP|Special\s+Publication)?\s*800-171\b",
        ("800-171",),
        value="NIST SP 800-171",
    ),
    rule(
        "frameworks.nist_ai_rmf",
        r"\b(?:NIST\s+)?AI\s+RMF\b|"
        + _NIST
        + r"(?:['\u2019]s)?\s*"
        + _NIST_DEFINED
        + r"(?:Artificial\s+Intelligence|AI)\s+Risk\s+Management\s+Framework|\b(?:Artificial\s+Intelligence|AI)\s+Risk\s+"
        r"Management\s+Framework\s*(?:\(\s*AI\s+RMF\s*\)\s*)?(?:of|from|by|published\s+by)\s+(?:the\s+)?"
        + _NIST
        + r"|\bNIST\s+(?:CSF|Cybersecurity\s+Framework)\s*(?:,|and)\s*(?:the\s+)?"
        r"(?:Artificial\s+Intelligence|AI)\s+Risk\s+Management\s+Framework",
        ("rmf", "risk management framework"),
        value="NIST AI RMF",
    ),
    rule(
        "frameworks.nist_privacy",
        r"\bNIST\s+Privacy\s+Framework\b",
        ("privacy framework",),
        value="NIST Privacy Framework",
    ),
    rule(
        "frameworks.nist_800_other",
        r"\b(?:NIST\s*)?(?:SP|(?:Special\s+)?Publication)\s*(?:No\.?\s*)?800-(?!53\b|171\b)(\d{2,3})\b",
        ("800-",),
        doc="another NIST SP 800 publication ('publication 800-61 of the National Institute of Standards and "
        "Technology': NIST SP 800-61, not NIST's framework)",
    ),
    rule(
        "frameworks.soc2",
        r"\bSOC\s*(?:2|II)\b(?:\s+Type\s+(?:2|II|1|I))?|\bService\s+Organi[sz]ation\s+Controls?\s*"
        r"(?:2|II)\b|\bSystem\s+and\s+Organi[sz]ation\s+Controls?\s*(?:2|II)\b",
        ("soc", "organization", "organisation"),
        unless=_VENDORS_ONLY,
        value="SOC 2",
    ),
    rule("frameworks.soc3", r"\bSOC\s*(?:3|III)\b", ("soc",), unless=_VENDORS_ONLY, value="SOC 3"),
    rule(
        "frameworks.soc",
        r"\bSOC\s+(?:reports?|reporting|attestations?|audits?|examinations?)\b",
        ("soc",),
        unless=_VENDORS_ONLY,
        value="SOC",
        doc="SOC reports named without a number",
    ),
    rule(
        "frameworks.iso_bare",
        r"(?-i:\bISO\b)(?!\s*(?:/\s*IEC\s*)?\d)\s+(?:standards?|certifications?|certified|frameworks?)|"
        r"\bInternational\s+Organi[sz]ation\s+for\s+Standardi[sz]ation\b"
        r"(?!\s*(?:\(\s*[\"'\u201c]?ISO[\"'\u201d]?\s*\)\s*)?(?:/\s*IEC\s*)?(?:\(\s*)?\d)",
        ("iso", "standardi"),
        value="ISO",
        doc="ISO standards named without a number ('ISO standards'; 'frameworks and standards, including those of ... "
        "the International Organization for Standardization')",
    ),
    rule(
        "frameworks.privacy_framework",
        r"\bData\s+Privacy\s+Framework\b|\bPrivacy\s+Shield\b",
        ("privacy framework", "privacy shield"),
        doc="the EU-U.S. Data Privacy Framework or Privacy Shield, as written",
    ),
    rule(
        "frameworks.soc1", r"\bSOC\s*(?:1|I)\b(?!\w)(?![-.]\d)", ("soc",), unless=_VENDORS_ONLY, value="SOC 1"
    ),
    rule(
        "frameworks.pci_dss",
        r"\bPCI[\s-]*DSS\b|\bPayment\s+Card\s+Industry\s+(?:\(PCI\)\s+)?(?:Data\s+Security\s+)?"
        r"(?:Standards?|requirements)\b|"
        r"\bPCI\s+(?:compliance|compliant|certified|certification|standards?|requirements)\b",
        ("pci", "payment card"),
        value="PCI DSS",
    ),
    rule("frameworks.hitrust", r"\bHITRUST\b", ("hitrust",), value="HITRUST"),
    rule(
        "frameworks.hds",
        r"(?-i:\bHDS\b)|\bH[ée]bergeur\s+de\s+Donn[ée]es\s+de\s+Sant[ée]\b|\bHealth\s+Data\s+Host(?:ing)?\b"
        r"(?:\s+\(HDS\))?",
        ("hds", "donn", "health data host"),
        value="HDS",
    ),
    rule(
        "frameworks.cis",
        r"\bCIS\s+(?:Critical\s+Security\s+)?Controls\b|\bCenter\s+for\s+Internet\s+Security\b|"
        r"\bCIS\s+(?:Top\s+)?(?:18|20)\b|\bCIS\s+Benchmarks?\b|\bCritical\s+Security\s+Controls\b",
        ("cis", "center for internet", "critical security controls"),
        value="CIS Controls",
    ),
    rule("frameworks.cobit", r"\bCOBIT\b", ("cobit",), value="COBIT"),
    rule(
        "frameworks.mitre",
        r"\bMITRE\s+ATT\s*&\s*CK\b|\bMITRE\s+ATTACK\b|\bMITRE\s+(?:framework|D3FEND)\b",
        ("mitre",),
        value="MITRE ATT&CK",
    ),
    rule(
        "frameworks.china_mlps",
        r"\bMLPS\b|\bmulti-level\s+protection\s+scheme\b|\bgrade\s+(?:III|3|three)\s+protection\b|"
        r"\bclassified\s+(?:cyber\s*security\s+|information\s+security\s+)?protection\b|"
        r"\b(?:graded|hierarchical|level|tiered)\s+(?:cyber\s*security\s+)?protection\b",
        ("mlps", "multi-level", "protection"),
        value="China MLPS",
    ),
    rule(
        "frameworks.fedramp",
        r"\bFedRAMP\b|\bFederal\s+Risk\s+and\s+Authori[sz]ation\s+Management\s+Program\b",
        ("fedramp", "federal risk"),
        value="FedRAMP",
    ),
    rule(
        "frameworks.stateramp", r"\bStateRAMP\b|\bTX-RAMP\b", ("stateramp", "tx-ramp"), doc="kept as written"
    ),
    rule(
        "frameworks.cmmc",
        r"\bCMMC\b|\bCybersecurity\s+Maturity\s+Model\s+Certification\b",
        ("cmmc", "maturity model"),
        value="CMMC",
    ),
    # the FFIEC's Cybersecurity Assessment Tool, where named; else the Council's guidance ("aligned with the Federal
    # Financial Institutions Examination Council ("FFIEC") guidance": a reader's bank, read as the CAT)
    rule("frameworks.ffiec_cat", _FFIEC_CAT, ("assessment tool", "cat"), value="FFIEC CAT"),
    rule(
        "frameworks.ffiec",
        r"\bFFIEC\b|\bFederal\s+Financial\s+Institutions\s+Examination\s+Council\b",
        ("ffiec", "examination council"),
        unless=_FFIEC_CAT,
        value="FFIEC",
    ),
    # Singapore's Cyber Security Agency marks ("the Cyber Trust mark", "Cyber Essentials mark": a reader's 20-F group)
    rule(
        "frameworks.csa_sg_marks",
        r"\bCyber\s+Trust\s+mark\b|\bCyber\s+Essentials\s+mark\b",
        ("cyber trust", "cyber essentials"),
        doc="kept as written",
    ),
    # the financial sector's profile ("the Cyber Risk Institute (CRI) Profile": a reader's bank, no framework read)
    rule(
        "frameworks.cri_profile",
        r"\bCRI\s+Profile\b|\bCyber\s+Risk\s+Institute\b|\bFinancial\s+Services\s+Sector\s+Cybersecurity\s+Profile\b",
        ("cri", "cyber risk institute", "sector cybersecurity profile"),
        value="CRI Profile",
    ),
    rule(
        "frameworks.csa_star",
        r"\bCSA\s+STAR\b|\bCloud\s+Security\s+Alliance\b",
        ("csa", "cloud security alliance"),
        value="CSA STAR",
    ),
    rule(
        "frameworks.tisax",
        r"\bTISAX\b|\bTrusted\s+Information\s+Security\s+Assessment\s+Exchange\b",
        ("tisax", "trusted information security assessment"),
        value="TISAX",
    ),
    rule(
        "frameworks.nerc_cip",
        r"\bNERC\s+CIP\b|\bNERC\b[^.;]{0,40}?Critical\s+Infrastructure\s+Protection",
        ("nerc",),
        value="NERC CIP",
    ),
    rule("frameworks.iec_62443", r"\b(?:ISA\s*/\s*)?IEC\s*62443\b", ("62443",), value="IEC 62443"),
    rule("frameworks.owasp", r"\bOWASP\b", ("owasp",), value="OWASP"),
    rule(
        "frameworks.cyber_essentials",
        r"(?-i:\bCyber\s+Essentials\b)",
        ("cyber essentials",),
        value="Cyber Essentials",
    ),
    rule(
        "frameworks.coso",
        r"\bCOSO\b|\bCommittee\s+of\s+Sponsoring\s+Organizations\b",
        ("coso", "sponsoring"),
        value="COSO",
    ),
    rule(
        "frameworks.iso",
        r"\b(?:ISO|International\s+Organi[sz]ation\s+for\s+Standardi[sz]ation(?:\s*\(\s*[\"'\u201c]?ISO[\"'\u201d]?\s*\))?)"
        r"\s*(?:/\s*IEC\s*)?(?:\(\s*)?(\d{4,6})"
        r"(?:\s*:\s*\d{4})?"
        r"((?:\s*(?:,|and|/|or|&)\s*(?:and\s+)?(?!ISO)\d{4,6}(?:\s*:\s*\d{4})?\b)*)",
        ("iso", "standardi"),
        doc="an ISO or ISO/IEC standard by number, or numbers in brackets after it ('ISO (27001, 27017 and 27701)'; a "
        "number no list knows kept as written)",
    ),
    rule(
        "frameworks.nist",
        r"\bNIST\b|National\s+Institute\s+of\s+Standards\s+(?:and|&)\s+Technology",
        ("nist", "national institute"),
        value="NIST",
        doc="NIST standards named without a publication",
    ),
)
#: A framework a sentence asks of vendors is theirs: every framework rule rules such a sentence out.
FRAMEWORK_RULES: tuple[Rule, ...] = tuple(
    dataclasses.replace(r, unless=r.unless or lazy_compile(_VENDORS_ONLY, re.I)) for r in _FRAMEWORK_RULES
)
_NIST_FRAMEWORK_CONTEXT_RE = lazy_compile(
    r"framework|standard|guideline|guidance|align|model|based\s+on|best\s+practice", re.I
)
_KNOWN_ISO = {
    "27001",
    "27002",
    "27005",
    "27017",
    "27018",
    "27035",
    "27701",
    "27000",
    "42001",
    "22301",
    "9001",
    "20000",
    "31000",
    "27799",
    "27019",
}


def iso_name(number: str) -> str:
    """The canonical name of an ISO standard number."""
    if number.startswith("27") or number in ("42001", "20000"):
        return f"ISO/IEC {number}"
    return f"ISO {number}"


# ---- third parties --------------------------------------------------------------------------------------------
_ORG_NAME = r"(?-i:(?:[A-Z][\w&.\u2019'-]*|[a-z]+[A-Z][\w&-]*)(?:\s+(?:of|and|for|&|the)?\s*(?:[A-Z][\w&.\u2019'-]*|[a-z]+[A-Z][\w&-]*))*)"
#: Well-known outside firms of the field: named anywhere a sentence says the company works with them.
KNOWN_FIRMS = (
    "Mandiant",
    "CrowdStrike",
    "Palo Alto Networks",
    "Unit 42",
    "Kroll",
    "Stroz Friedberg",
    "Secureworks",
    "Arctic Wolf",
    "Optiv",
    "NCC Group",
    "Coalfire",
    "Schellman",
    "A-LIGN",
    "Deloitte",
    "KPMG",
    "PricewaterhouseCoopers",
    "PwC",
    "Ernst & Young",
    "EY",
    "Accenture",
    "Protiviti",
    "Grant Thornton",
    "BDO",
    "RSM",
    "Booz Allen Hamilton",
    "Guidehouse",
    "Trustwave",
    "Rapid7",
    "Bishop Fox",
    "Praetorian",
    "IBM X-Force",
    "Microsoft Incident Response",
    "FTI Consulting",
    "Charles River Associates",
    "Crowe",
    "Moss Adams",
    "Baker Tilly",
    "Marcum",
    "TrustArc",
    "TRUSTe",
    "BSI",
    "Bureau Veritas",
    "Google Cloud Mandiant",
    "Cisco Talos",
    "Expel",
    "eSentire",
    "Red Canary",
    "Sygnia",
    "Cybereason",
    "Deepwatch",
    "Critical Start",
    "Herjavec Group",
    "Cyderes",
    "GuidePoint Security",
    "Tevora",
    "Gartner",
    "Forrester",
    "McKinsey",
    "Boston Consulting Group",
    "West Monroe",
    "NetSPI",
    "Synack",
    "HackerOne",
    "Bugcrowd",
    "SecurityScorecard",
    "BitSight",
)
_KNOWN_FIRMS_RE = lazy_compile(
    r"(?-i:\b(" + "|".join(re.escape(f) for f in sorted(KNOWN_FIRMS, key=len, reverse=True)) + r")(?![\w-]))"
)
THIRD_PARTY_RULES: tuple[Rule, ...] = (
    rule(
        "third_parties.such_as",
        r"\b(?:firms?|vendors?|providers?|partners?|consultants?|companies|organi[sz]ations|auditors?|assessors?|"
        r"agenc(?:y|ies)|experts?|specialists?)\b[^.;]{0,40}?\b(?:such\s+as|including|like|namely)\s+"
        r"("
        + _ORG_NAME
        + r"(?:\s*,\s*(?:and\s+)?"
        + _ORG_NAME
        + r")*(?:\s*,?\s*(?:and|or)\s+"
        + _ORG_NAME
        + r")?)",
        ("such", "including", "like", "namely"),
        doc="outside firms listed after 'such as' or 'including'",
    ),
    rule(
        "third_parties.certifier",
        r"(?:certif\w*|recogni\w*|accredit\w*|audited|assessed|attest\w*)\b[^.;]{0,120}?\b(?:from|by)\s+(?:the\s+)?("
        + _ORG_NAME
        + r")",
        ("certif", "recogni", "accredit", "audited", "assessed", "attest"),
        doc="the firm that certified, audited or assessed the company",
    ),
    rule(
        "third_parties.engaged",
        r"\b(?:engag\w*|retain\w*|hired?|partner\w*\s+with|contract\w*\s+with|work\w*\s+with)\s+(?:with\s+)?((?>"
        + _ORG_NAME
        # (not a person hired into a post: "the Company hired Omar Haddad as its Chief Information Security Officer")
        + r"))(?!,?\s+(?:as\s+(?:our|its|the)\s+(?:first\s+|new\s+|interim\s+|acting\s+)?(?:chief|vice|head|director|"
        r"senior|executive|global|CISO|CSO|CIO|CTO|[SE]?VP)|to\s+(?:serve|act|lead))\b)",
        ("engag", "retain", "hire", "partner", "contract", "work"),
        doc="'we engaged X', 'we partner with X'",
    ),
    rule(
        "third_parties.supporting",
        # ("with the support of Halvard Security Partners LLC, an outside firm that provides us with virtual CISO
        # services": an unseen reader's software company, its firm never named)
        r"\b(?:(?:support|assistance|help)\s+of|(?:supported|assisted)\s+by)\s+("
        + _ORG_NAME
        + r")|("
        + _ORG_NAME
        + r"),\s+an?\s+(?:outside|external|third[\s-]party|independent)\s+(?:[\w-]+\s+){0,2}?(?:firm|provider|"
        r"consultan\w+|company|vendor)\b",
        ("support", "assist", "help", "outside", "external", "third", "independent"),
        doc="'with the support of X', 'X, an outside firm that ...'",
    ),
    rule(
        "third_parties.acting",
        r"("
        + _ORG_NAME
        + r")\s+(?:(?:conducts?|performs?|provides?|completed|audits?|assesses|reviews?|tests?|"
        r"monitors?|supports?|leads?)\b|(?:is|was|has\s+been|have\s+been|are)\s+(?:also\s+)?(?:retained|engaged|hired|"
        r"contracted))",
        (
            "conduct",
            "perform",
            "provide",
            "complete",
            "audit",
            "assess",
            "review",
            "test",
            "monitor",
            "support",
            "lead",
            "retained",
            "engaged",
            "hired",
            "contracted",
        ),
        doc="a named firm doing the work: 'Acme Assurance Partners conducts an annual assessment'",
        hint=r"(?-i:[A-Z]|[a-z][A-Z])[\w&.\u2019'-]*\s+(?:(?:conducts?|performs?|provides?|completed|audits?|assesses|"
        r"reviews?|tests?|monitors?|supports?|leads?)\b|(?:is|was|has\s+been|have\s+been|are)\s+(?:also\s+)?"
        r"(?:retained|engaged|hired|contracted))",
    ),
    rule(
        "third_parties.known",
        _KNOWN_FIRMS_RE.pattern,
        cased=tuple(KNOWN_FIRMS),
        flags=0,
        doc="a well-known security, audit or consulting firm named where the company works with outsiders",
    ),
)
_ENGAGE_CONTEXT_RE = lazy_compile(
    r"engag|work(?:ed|s|ing)?\s+with|partner|retain|consult|hire|contract|assess|audit|"
    r"penetration|test|certif|advis|assist|respon",
    re.I,
)
_WORK_WITH_RE = lazy_compile(r"work(?:ed|s|ing)?\s+with", re.I)
#: The words of _ENGAGE_CONTEXT_RE ("work" needs "with" after it: _WORK_WITH_RE decides).
_ENGAGE_WORDS = (
    "work",
    "engag",
    "partner",
    "retain",
    "consult",
    "hire",
    "contract",
    "assess",
    "audit",
    "penetration",
    "test",
    "certif",
    "advis",
    "assist",
    "respon",
    # ("with the support of Halvard Security Partners LLC, an outside firm that provides us with virtual CISO
    # services": an unseen reader's software company, its firm never named)
    "support",
    "provides us",
)
#: The last word of a firm's name ("Kestrel Assurance Partners", "Halberd Incident Response").
_FIRM_SUFFIX_RE = lazy_compile(
    r"(?-i:\s(?:Partners|Advisory|Advisors|Consulting|Consultants|Group|LLP|LLC|Inc\.?|Associates|"
    r"Security|Response|Forensics|Assurance|Labs|Laboratories|Solutions|Risk|Audit|Cyber|"
    r"Intelligence|Defense|Strategies)$)"
)
_TITLE_OR_OUR_BEFORE_RE = lazy_compile(
    r"(?:\b(?:our|its|their)\s+|\b(?:VP|SVP|EVP|President|Director|Officer|Head|Manager)"
    r"(?:\s+of)?,?\s+)$"
)
_ORG_LIST_SEPARATOR_RE = lazy_compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=(?:[A-Z]|[a-z]+[A-Z]))")
_AND_AWARD_RE = lazy_compile(
    r"\s+and\s+(?=(?:Certificate|Certification|Recognition|Award|Report|Attestation)s?\b)"
)
_NOT_ORGS = {
    "We",
    "Our",
    "The",
    "In",
    "For",
    "Company",
    "Board",
    "Item",
    "Form",
    "Risk",
    "Risk Factors",
    "Audit",
    "Committee",
    "Audit Committee",
    "Chief",
    "Internal Audit",
    "Management",
    "CISO",
    "CIO",
    "CEO",
    "CFO",
    "I",
    "It",
    "These",
    "This",
    "Such",
    "NIST",
    "ISO",
    "SOC",
    "Information Security",
    "Security",
    "Cybersecurity",
    "IT",
    "Board of Directors",
    "Company's",
    "U.S",
    "U.S.",
    "United States",
    "Internal",
    "Technology",
    "Information Technology",
    "Legal",
    "Privacy",
    "Compliance",
    "Finance",
    "Human Resources",
    "Products",
    "Services",
    "Enterprise Risk Management",
    "ERM",
    "Incident Response",
    "Executive",
}
_STANDARDS_BODIES_RE = lazy_compile(
    r"\b(?:National\s+Institute|International\s+Organi[sz]ation|University|College|"
    r"Institute\s+of|Center\s+for\s+Internet|Cloud\s+Security\s+Alliance|AICPA|"
    r"American\s+Institute|Standards\s+Council|ISACA|Department\s+of|Agency)\b"
)
_NOT_ORG_FIRST = {
    "we",
    "our",
    "the",
    "a",
    "an",
    "its",
    "their",
    "internal",
    "external",
    "independent",
    "third",
    "it",
    "outside",
    "other",
    "certain",
    "various",
    "leading",
    "chief",
    "vice",
    "senior",
    "cybersecurity",
    "information",
    "security",
    "risk",
    "enterprise",
    "audit",
    "management",
    "board",
    "company",
    "nist",
    "iso",
    "soc",
    "these",
    "such",
    "key",
    "industry",
    "global",
}


#: A person who holds, earned or completed what follows ("One of the members of our Risk Oversight Committee holds a
#: Certificate in Cyber-Risk Oversight from Carnegie Mellon University and a Certificate from the NYU Law – Nasdaq
#: Center ...", "our CISO earned a certificate from ..."): who issued a person's credential is no firm the company
#: engaged (an unseen reader: ETSY FY2025's "outside firm named: NYU Law" in the verdict).
_PERSON_HOLDS_RE = lazy_compile(
    r"\b(?:he|she|his|her|members?|directors?|chair\w*|officers?|(?-i:C[A-Z]{1,3}O)|individuals?|executives?|leaders?)\b"
    r"[^.;]{0,100}?\b(?:holds?|held|earned|received|completed|obtained|possess\w*|awarded)\b[^.;]{0,140}$",
    re.I,
)


#: Other names of one outside firm, by their comparison keys, and the firm's name: a certification mark named for
#: its firm ("TRUSTe Enterprise Privacy ... certification from TrustArc", where the year before said "TrustArc
#: certified": an unseen reader found "outside firm named: TRUSTe" for a firm already named), or a former name.
_FIRM_NAMES = {"truste": "TrustArc"}


#: Frameworks replaced by a successor of the same purpose (Privacy Shield, invalidated in 2020, by the EU-U.S. Data
#: Privacy Framework in 2023): moving to it is routine, not a framework dropped and another taken up.
FRAMEWORK_SUCCESSORS = {"Privacy Shield": "Data Privacy Framework"}


def _org_ok(org: str) -> bool:
    if not org or org in _NOT_ORGS or not re.search(r"[A-Z]", org) or _STANDARDS_BODIES_RE.search(org):
        return False
    if " ".join(org.lower().split()) in CERTIFICATIONS:
        return False  # "is certified by Certified Information Systems Security Professional (CISSP)": a credential

    if org.split()[0].rstrip(".") in HONORIFICS:
        return False  # a person ("working with Ms. Brandt": reader 45's employee CISO, "outside firm named", medium)
    first = org.split()[0].lower().rstrip("'\u2019s")
    return first not in _NOT_ORG_FIRST and not re.fullmatch(r"[A-Z]{2,5}", org) or org in KNOWN_FIRMS


#: An engagement ended ("no longer engage", "ended our engagement with", "ceased to use").
_ENDED_RE = lazy_compile(
    r"\b(?:no\s+longer|ceased|discontinued|terminated|ended\s+(?:our|its|the)\s+(?:engagement|relationship|contract)|"
    r"formerly|previously\s+engaged)\b",
    re.I,
)


#: Outsiders who may work on the program, and the words that make a party an outsider (`tracker.facts.inference`).
OUTSIDERS = (
    r"(?:third[- ]part(?:y|ies)|consultants?|consulting\s+firms?|advis[oe]rs?|auditors?|assessors?|"
    r"experts?|specialists?|vendors?|firms?|providers?|partners?|counsel|agenc(?:y|ies)|"
    r"penetration\s+testers?|red\s+team|service\s+providers?)"
)
OUTSIDE_ADJ = (
    r"(?:third[- ]part(?:y|ies)|outside|external|independent|leading|specialized|reputable|qualified)"
)


def outsiders_no_longer_engaged(s: str) -> bool:
    """Whether a sentence says the filer no longer engages (uses, retains) outside assessors, consultants or other third
    parties for its program ("we discontinued our use of outside assessors", "We no longer engage third-party
    consultants", "ceased using external auditors")."""
    return _ENDED_ENGAGING_RE.test(s)


#: An engagement of outsiders ended: "no longer engage (use, retain ...)", "discontinued (ceased, stopped, ended) our use of
#: (engaging, using ...)", then the outsiders within the clause.
_ENDED_ENGAGING_RE = caseless(
    r"\b(?:no\s+longer\s+(?:engage|retain|use|hire|utilize|rely\s+on|work\s+with)|(?:discontinued|ceased|stopped|"
    r"ended)\s+(?:our\s+|its\s+|the\s+)?(?:use\s+of|using|engag\w*|retain\w*|relationships?\s+with|reliance\s+on|"
    r"to\s+(?:use|engage|retain)))\b[^.;]{0,60}?(?:" + OUTSIDERS + r"|" + OUTSIDE_ADJ + r"\s+(?:[\w-]+\s+)?"
    r"(?:resources|parties|firms?|services|support|help|assistance))"
)


def engagement_ended(text: str) -> bool:
    """Whether a sentence says an engagement ended ("We no longer engage Mandiant ...")."""
    return _ENDED_RE.search(text) is not None


def certification_lapsed(text: str) -> bool:
    """Whether a sentence says a certification or a framework's use lapsed or ended ("Our ISO 27001 certification
    lapsed during the year and was not renewed": an unseen reader's planted edit, the framework still "followed")."""
    return _LAPSED_RE.search(text) is not None


#: A certification or a framework given up.
_LAPSED_RE = lazy_compile(
    r"\b(?:lapsed|expired|(?:was|were)\s+not\s+renewed|did\s+not\s+(?:renew|recertify|maintain)|"
    r"no\s+longer\s+(?:hold|holds|maintain|maintains|follow|follows|pursue|certified|compliant|align)|"
    r"(?:withdrew|withdrawn|surrendered|discontinued)\b)",
    re.I,
)


#: What comes before a framework given up for another ("which replaced the", "instead of the", "moved away from").
_REPLACED_BEFORE_RE = lazy_compile(
    r"\b(?:replac(?:ed|es|ing)|supersed(?:ed|es|ing)|instead\s+of|in\s+place\s+of|rather\s+than|(?:moved|moving|"
    r"transitioned|transitioning|migrated|migrating|switched|switching)\s+(?:away\s+)?from)\s+(?:the\s+|our\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.I,
)
#: What comes after a framework used before only ("... Tool that we used in prior years", "which we previously used").
_USED_BEFORE_RE = lazy_compile(
    r"[^.;]{0,30}?\b(?:that|which)\s+(?:we|the\s+company)\s+(?:(?:had\s+)?(?:previously|formerly)\s+(?:used|followed|"
    r"applied)\b|(?:had\s+)?(?:used|followed|applied)\s+(?:in|during|for|over)\s+(?:the\s+)?(?:prior|previous|earlier|"
    r"past)\s+(?:fiscal\s+)?years?\b)",
    re.I,
)


#: An ISO standard named by its number ("ISO/IEC 27001", "ISO 22301").
_ISO_NUMBERED_RE = lazy_compile(r"ISO(?:/IEC)?\s+\d")


class ProgramReader:
    """Reads frameworks and third parties."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.texts, self.lows = reading.index.texts, reading.index.lows

    def read(self) -> None:
        self.engaging: dict[int, bool] = {}
        found: dict[int, list[str]] = {}
        index = self.r.index
        for r in FRAMEWORK_RULES:
            for i in sorted(r.candidates(index)):  # (what r.matches then looks up)
                if certification_lapsed(self.texts[i]):
                    continue  # ("Our ISO 27001 certification lapsed during the year": no framework followed now)
                already = found.setdefault(i, [])
                # (a pure function of the sentence: the values of the rules before are the same sentence's)
                for value in once(r.name, self.texts[i], lambda: self.framework(r, i, list(already))):
                    already.append(value)
                    self.r.add("frameworks", value, i, r.name)
        if any(_ISO_NUMBERED_RE.match(str(v)) for values in found.values() for v in values):
            # ISO standards named by number: "ISO" alone for the body's standards in general says nothing more
            self.r.drop("frameworks", "ISO")
        for r in THIRD_PARTY_RULES:
            for i in sorted(r.candidates(index)):  # (what r.matches then looks up)
                if self.engages(i):
                    for org in once(
                        r.name, (self.texts[i], self.r.own_names), lambda: self.third_party(r, i)
                    ):
                        self.r.add("third_parties", org, i, r.name)

    def engages(self, i: int) -> bool:
        """Whether sentence i speaks of working with outsiders (engaging, retaining, assessing ...)."""
        engaging = self.engaging.get(i)
        if engaging is None:
            s, low = self.texts[i], self.lows[i]
            engaging = self.engaging[i] = (
                has(low, _ENGAGE_WORDS)
                and (
                    low is None
                    or any(map(low.__contains__, _ENGAGE_WORDS[1:]))
                    or bool(_WORK_WITH_RE.search(s))
                )
                # (an engagement ended is none: "We no longer engage Mandiant to ...", "we ended our engagement with
                # ...", a reader's planted edit, still listed the firm as engaged)
                and not _ENDED_RE.search(s)
            )
        return engaging

    def framework(self, r: Rule, i: int, already: list[str]) -> list[str]:
        s = self.texts[i]
        out: list[str] = []
        for m in r.matches(self.r.index, i):
            if _REPLACED_BEFORE_RE.search(s, max(0, m.start() - 40), m.start()) or _USED_BEFORE_RE.match(
                s, m.end()
            ):
                continue  # (one given up for another: "NIST CSF 2.0, which replaced the FFIEC Cybersecurity Assessment
                # Tool that we used in prior years", an unseen reader's bank, the FFIEC tool still "followed")
            if r.name == "frameworks.iso":
                for number in [m.group(1), *re.findall(r"(?<![:\d])\d{4,6}\b(?!\s*:)", m.group(2) or "")]:
                    if number:
                        out.append(
                            iso_name(number)
                            if number in _KNOWN_ISO or len(number) == 5
                            else clean_inline(m.group(0))
                        )
            elif r.name == "frameworks.nist":
                if any(v.startswith("NIST") for v in already + out) or not _NIST_FRAMEWORK_CONTEXT_RE.search(
                    s
                ):
                    continue
                out.append("NIST")
            elif r.name == "frameworks.nist_800_other":
                out.append(f"NIST SP 800-{m.group(1)}")
            elif r.name == "frameworks.privacy_framework":
                out.append("Privacy Shield" if "shield" in m.group(0).lower() else "Data Privacy Framework")
            elif r.value is None:
                out.append(clean_inline(m.group(0)))
            else:
                out.append(r.value)
            if r.name == "frameworks.nist":
                break
        return out

    def third_party(self, r: Rule, i: int) -> list[str]:
        """The outside firms rule r finds in sentence i (one that engages())."""
        s, low = self.texts[i], self.lows[i]
        out: list[str] = []
        own = self.r.own_names

        def add(org: str) -> None:
            org = _FIRM_NAMES.get(comparison_key(org), org)
            first = org.split()[0].lower().rstrip("'\u2019s") if org.split() else ""
            if first in own or any(a <= s.find(org) < b for a, b in biography_spans(s, low)):
                return  # the company itself; a former employer
            out.append(org)

        if r.name == "third_parties.such_as":
            for m in word_matches(
                r.pattern,
                s,
                low,
                (
                    "firm",
                    "vendor",
                    "provider",
                    "partner",
                    "consultant",
                    "compan",
                    "organi",
                    "auditor",
                    "assessor",
                    "agenc",
                    "expert",
                    "specialist",
                ),
                whole=False,
            ):
                for org in _ORG_LIST_SEPARATOR_RE.split(m.group(1)):
                    org = org.strip(" ,.")
                    if _org_ok(org):
                        add(org)
        elif r.name == "third_parties.certifier":
            if not has(low, ("from", "by")):
                return out
            for m in r.matches(self.r.index, i):
                if _PERSON_HOLDS_RE.search(s, max(0, m.start() - 200), m.start()):
                    continue  # "a member of our Risk Committee holds a Certificate from ...": a person's credential
                org = _AND_AWARD_RE.split(m.group(1))[0].strip(" .")
                if len(org.split()) >= 2 and _org_ok(org):
                    add(org)
        elif r.name == "third_parties.engaged":
            for m in r.matches(self.r.index, i):
                org = m.group(1).strip(" .,")
                if _org_ok(org) and (
                    org in KNOWN_FIRMS
                    or len(org.split()) >= 2
                    or re.search(r"\b(?:LLP|LLC|Inc|Ltd|Group|Partners|Consulting|Associates)\b", org)
                ):
                    add(org)
        elif r.name == "third_parties.supporting":
            for m in r.matches(self.r.index, i):
                org = (m.group(1) or m.group(2) or "").strip(" .,")
                if _org_ok(org) and (org in KNOWN_FIRMS or _FIRM_SUFFIX_RE.search(org)):
                    add(org)
        elif r.name == "third_parties.acting":
            for m in r.matches(self.r.index, i):
                org = m.group(1).strip(" .,")
                if _TITLE_OR_OUR_BEFORE_RE.search(s, max(0, m.start() - 40), m.start()):
                    continue  # "our VP, IT Security leads": a title, not a firm
                if _org_ok(org) and (org in KNOWN_FIRMS or _FIRM_SUFFIX_RE.search(org)):
                    add(org)
        else:
            for m in r.matches(self.r.index, i):
                if _ENGAGE_CONTEXT_RE.search(s, max(0, m.start() - 100), m.end() + 100):
                    add(m.group(1))
        return out


ALL_RULES = (*FRAMEWORK_RULES, *THIRD_PARTY_RULES)


# ---- third parties overseen (read by tracker.facts.inference's flag, and by the differ of one sentence) ---------------
#: Suppliers, in the words `OVERSIGHT_STRONG_RES` reads (not outside consultants or assessors working for the filer).
_SUPPLIER_WORDS = (
    r"(?:third[- ]part(?!(?:y|ies)\s+(?:cybersecurity\s+|security\s+)?(?:consultants?|assessors?|auditors?|"
    r"experts?|advis[oe]rs?|firms?|penetration\s+testers?|specialists?)\b)|vendor|supplier|"
    r"service\s+provider|supply\s+chain|outsourc)"
)
#: A process overseeing suppliers' risks, strongest first, each with the words it needs (one of each tuple): the
#: third-party oversight flag's first reading (tracker.facts.inference), and `oversees_third_parties`.
OVERSIGHT_STRONG_RES: list[tuple[Caseless, tuple[tuple[str, ...], ...]]] = [
    (
        caseless(
            r"\b(?:oversee|oversight|identify|assess|evaluat|due\s+diligence|monitor|manag|mitigat)\w*[^.;]{0,100}?"
            r"\brisks?\b[^.;]{0,80}?" + _SUPPLIER_WORDS
        ),
        (
            (
                "oversee",
                "oversight",
                "identify",
                "assess",
                "evaluat",
                "diligence",
                "monitor",
                "manag",
                "mitigat",
            ),
            ("risk",),
        ),
    ),
    (
        caseless(_SUPPLIER_WORDS + r"\w*\s+(?:[\w-]+\s+)?risk\s+(?:management|assessment|program|process)"),
        (("risk",), ("management", "assessment", "program", "process")),
    ),
    (
        caseless(
            _SUPPLIER_WORDS
            + r"\w*[^.;]{0,100}?\b(?:due\s+diligence|risk\s+assessments?|security\s+assessments?|"
            r"questionnaires?|security\s+reviews?)"
        ),
        (("diligence", "assessment", "questionnaire", "review"),),
    ),
]


def suppliers_own(text: str, at: int) -> bool:
    """Whether what starts at `at` is what a supplier is obliged to undergo, not work the filer engages outsiders for:
    "We have since required the provider to complete an independent security assessment" (reader 26's airline, read
    as now engaging assessors), "our vendors must undergo annual third-party audits"."""
    return _SUPPLIER_TO_UNDERGO_RE.search(text, max(0, at - 100), at) is not None


#: A supplier obliged to undergo what follows ("required the provider to complete an", "vendors must undergo").
_SUPPLIER_TO_UNDERGO_RE = lazy_compile(
    r"\b(?:vendors?|suppliers?|providers?|partners?|contractors?|third[- ]part(?:y|ies)|them)\b[^.;]{0,40}?"
    r"\b(?:must|shall|to)\s+(?:\w+\s+)?(?:complete|undergo|obtain|provide|submit|pass|furnish|share|maintain)\s+"
    r"(?:an?\s+|the\s+|their\s+|its\s+)?(?:annual\s+|periodic\s+|regular\s+)?$",
    re.I,
)


def oversees_third_parties(sentence: str) -> bool:
    """Whether one sentence says what Item 106(b)(1)(iii) asks in so many words, as the third-party oversight flag is
    read first (`OVERSIGHT_STRONG_RES`): a process that assesses or oversees the risks of suppliers ("vendor risk
    management program", "due diligence of our vendors"); not a supplier named beside a risk ("risks include our
    software supply chain") nor suppliers engaged to help ("We engage third parties ... to support our ... processes
    such as risk assessments")."""
    low = sentence.lower()
    if not has(low, SUPPLIER_NEEDS):
        return False  # (most sentences name no supplier: the patterns' words are looked for first)
    return any(
        all(has(low, group) for group in needs) and p.test(sentence) for p, needs in OVERSIGHT_STRONG_RES
    ) and not _ENGAGED_TO_RE.test(sentence)


#: A word every match of `OVERSIGHT_STRONG_RES` holds (one of them: `_SUPPLIER_WORDS`).
SUPPLIER_NEEDS = ("third", "vendor", "supplier", "service", "supply", "outsourc")


#: Suppliers engaged to do something for the program ("We engage third parties, including vendors ..., to support").
_ENGAGED_TO_RE = caseless(
    r"\b(?:engag|retain|use|hire|utiliz|partner\w*\s+with|rel(?:y|ies)\s+on)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:third[- ]part(?:y|ies)|vendors|consultants|service\s+providers|firms|providers)\b[^.;]{0,120}?\bto\b"
)
