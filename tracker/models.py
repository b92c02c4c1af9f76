"""The data model every reader produces and every later stage consumes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

CYD_NAMESPACE_PREFIX = "http://xbrl.sec.gov/cyd/"

Kind = Literal["flag", "text"]
Source = Literal["tagged", "inferred", "absent", "untagged"]

#: Pseudo-element holding the Item 1C / 16K text that no cyd tag covers in a tagged report.
UNTAGGED_ELEMENT = "UntaggedSectionText"


@dataclass(frozen=True)
class ElementSpec:
    """One element of the SEC cyd taxonomy as the tracker knows it."""

    name: str
    """Local name in the cyd namespace."""
    kind: Kind
    """`flag` (boolean) or `text` (text block)."""
    item: str
    """Paragraph of Regulation S-K Item 106 the element answers."""
    label: str
    """Standard label as EDGAR renders it."""
    plain: str = ""
    """What a reader calls it ("Board oversight"; for a flag, what it says when true)."""

    @property
    def reader_label(self) -> str:
        """The plain-English label where there is one, else the standard label."""
        return self.plain or self.label

    @property
    def section(self) -> str:
        """Report section: (b) risk management and strategy, (c) governance."""
        if self.item.startswith("(b)"):
            return "Risk management and strategy"
        if self.item.startswith("(c)"):
            return "Governance"
        return "Other"


_SPECS = [
    (
        "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock",
        "text",
        "(b)(1)",
        "Cybersecurity Risk Management Processes for Assessing, Identifying, and Managing Threats",
    ),
    (
        "CybersecurityRiskManagementProcessesIntegratedFlag",
        "flag",
        "(b)(1)(i)",
        "Cybersecurity Risk Management Processes Integrated",
    ),
    (
        "CybersecurityRiskManagementProcessesIntegratedTextBlock",
        "text",
        "(b)(1)(i)",
        "Cybersecurity Risk Management Processes Integrated",
    ),
    (
        "CybersecurityRiskManagementThirdPartyEngagedFlag",
        "flag",
        "(b)(1)(ii)",
        "Cybersecurity Risk Management Third Party Engaged",
    ),
    (
        "CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag",
        "flag",
        "(b)(1)(iii)",
        "Cybersecurity Risk Third Party Oversight and Identification Processes",
    ),
    (
        "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag",
        "flag",
        "(b)(2)",
        "Cybersecurity Risk Materially Affected or Reasonably Likely to Materially Affect Registrant",
    ),
    (
        "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantTextBlock",
        "text",
        "(b)(2)",
        "Cybersecurity Risk Materially Affected or Reasonably Likely to Materially Affect Registrant",
    ),
    (
        "CybersecurityRiskBoardOfDirectorsOversightTextBlock",
        "text",
        "(c)(1)",
        "Cybersecurity Risk Board of Directors Oversight",
    ),
    (
        "CybersecurityRiskBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock",
        "text",
        "(c)(1)",
        "Cybersecurity Risk Board Committee or Subcommittee Responsible for Oversight",
    ),
    (
        "CybersecurityRiskProcessForInformingBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock",
        "text",
        "(c)(1)",
        "Cybersecurity Risk Process for Informing Board Committee or Subcommittee Responsible for Oversight",
    ),
    ("CybersecurityRiskRoleOfManagementTextBlock", "text", "(c)(2)", "Cybersecurity Risk Role of Management"),
    (
        "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag",
        "flag",
        "(c)(2)(i)",
        "Cybersecurity Risk Management Positions or Committees Responsible",
    ),
    (
        "CybersecurityRiskManagementPositionsOrCommitteesResponsibleTextBlock",
        "text",
        "(c)(2)(i)",
        "Cybersecurity Risk Management Positions or Committees Responsible",
    ),
    (
        "CybersecurityRiskManagementExpertiseOfManagementResponsibleTextBlock",
        "text",
        "(c)(2)(i)",
        "Cybersecurity Risk Management Expertise of Management Responsible",
    ),
    (
        "CybersecurityRiskProcessForInformingManagementOrCommitteesResponsibleTextBlock",
        "text",
        "(c)(2)(ii)",
        "Cybersecurity Risk Process for Informing Management or Committees Responsible",
    ),
    (
        "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag",
        "flag",
        "(c)(2)(iii)",
        "Cybersecurity Risk Management Positions or Committees Responsible Report to Board",
    ),
]

#: The known cyd elements, in taxonomy order.
ELEMENTS: dict[str, ElementSpec] = {
    name: ElementSpec(name, kind, item, label)  # type: ignore[arg-type]  # (kind is "flag" or "text" above)
    for name, kind, item, label in _SPECS
}
ELEMENTS[UNTAGGED_ELEMENT] = ElementSpec(
    UNTAGGED_ELEMENT, "text", "", "Item 1C text outside any tag", "Text outside any element"
)

#: What a reader calls each element (reports, e-mails and the text output; the standard labels stay in JSON and
#: with --verbose). A flag's says what the filer says when it is true.
PLAIN_LABELS = {
    "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock": "Risk management processes",
    "CybersecurityRiskManagementProcessesIntegratedFlag": "Says its cyber risk processes are part of its overall risk management",
    "CybersecurityRiskManagementProcessesIntegratedTextBlock": "Integration with overall risk management",
    "CybersecurityRiskManagementThirdPartyEngagedFlag": "Says it engages assessors, consultants or auditors",
    "CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag": "Says it oversees cyber risks from its service providers",
    "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag": "Says cyber risks have materially affected it or are reasonably likely to",
    "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantTextBlock": "Material effect of cyber risks",
    "CybersecurityRiskBoardOfDirectorsOversightTextBlock": "Board oversight",
    "CybersecurityRiskBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock": "Board committee in charge",
    "CybersecurityRiskProcessForInformingBoardCommitteeOrSubcommitteeResponsibleForOversightTextBlock": "How the board is informed",
    "CybersecurityRiskRoleOfManagementTextBlock": "Management's role",
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleFlag": "Names the positions or committees responsible",
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleTextBlock": "Who is responsible",
    "CybersecurityRiskManagementExpertiseOfManagementResponsibleTextBlock": "Their expertise",
    "CybersecurityRiskProcessForInformingManagementOrCommitteesResponsibleTextBlock": "How management is informed",
    "CybersecurityRiskManagementPositionsOrCommitteesResponsibleReportToBoardFlag": "Says those responsible report to the board",
}
for _name, _plain in PLAIN_LABELS.items():
    ELEMENTS[_name] = ElementSpec(
        _name, ELEMENTS[_name].kind, ELEMENTS[_name].item, ELEMENTS[_name].label, _plain
    )

#: The six flags, in taxonomy order.
FLAGS: list[str] = [name for name, spec in ELEMENTS.items() if spec.kind == "flag"]
#: The flag the material-incident statement answers (Item 106(b)(2)): its flip is high, and it is inferred from that
#: statement.
MATERIAL_FLAG = "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
#: The text block of Item 106(b)(2): the statement, and what the filer says of risks that may materially affect it.
MATERIAL_TEXT = "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantTextBlock"

#: Standard label -> local name, for R pages (which show labels, not names).
LABEL_TO_NAME: dict[tuple[str, str], str] = {
    (spec.label.lower(), spec.kind): name for name, spec in ELEMENTS.items() if name != UNTAGGED_ELEMENT
}


def spec_for(name: str) -> ElementSpec:
    """The spec of a local name; unknown names of the namespace get a label derived from the name."""
    if name in ELEMENTS:
        return ELEMENTS[name]
    kind: Kind = "flag" if name.endswith("Flag") else "text"
    words = re.sub(r"(TextBlock|Flag)$", "", name)
    label = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", words)
    return ElementSpec(name, kind, "", label)


def element_order(name: str) -> int:
    """Position of an element in taxonomy order (unknown elements last)."""
    names = list(ELEMENTS)
    return names.index(name) if name in names else len(names)


@dataclass
class Element:
    """One cyd element of a disclosure."""

    name: str
    """Local name in the cyd namespace (or `UntaggedSectionText`)."""
    kind: Kind
    """`flag` or `text`."""
    value: bool | str | None
    """Normalised value: bool for a flag (None when absent), text for a text block."""
    source: Source
    """`tagged` (from XBRL), `inferred` (from untagged text), `absent` (the text says nothing) or `untagged` (the
    Item 1C text outside every tag of a tagged filing, `UntaggedSectionText`)."""
    original: str | None = None
    """The text as it stood in the source, before normalisation."""
    evidence: str | None = None
    """For an inferred flag: the sentence that supports the value."""

    @property
    def label(self) -> str:
        """Human label of the element."""
        return spec_for(self.name).label


@dataclass
class Incorporation:
    """An Item 1C / 16K that only points to another document holding the disclosure (the annual report to
    shareholders, filed as Exhibit 13): what the filing says, and whether that document was read."""

    document: str
    """The document named ("2024 Annual Report to Shareholders", "Exhibit 13"), or "another document"."""
    heading: str | None
    """The section of it named ("Financial Review - Risk Management - Operational Risk Management")."""
    pointer: str
    """The filing's own Item 1C text: the pointer sentence(s)."""
    exhibit: str | None = None
    """The file or URL the disclosure was read from; None while that document is not read."""
    exhibit_sha256: str | None = None
    """sha256 of the exhibit's raw bytes, when read."""
    subsection: str | None = None
    """The heading of the exhibit's part that was read ("Cybersecurity"), when read."""

    @property
    def read(self) -> bool:
        """Was the disclosure read from the exhibit?"""
        return self.exhibit is not None

    @property
    def where(self) -> str:
        """The document and section, as a reader names them."""
        document = (
            self.document if re.match(r"(?i)exhibit|another", self.document) else f"the {self.document}"
        )
        return f"{document}, under \u201c{self.heading}\u201d" if self.heading else document

    @property
    def line(self) -> str:
        """What `show`, `diff` and the reports say, in one plain line."""
        if self.read:
            part = f" (its \u201c{self.subsection}\u201d part)" if self.subsection else ""
            return f"Item 1C: incorporated by reference, read through an exhibit: {self.where}{part}, file {self.exhibit}."
        return (
            f"Item 1C: incorporated by reference, exhibit not read. The disclosure is in {self.where}; nothing "
            "of it is compared (ingest the 10-K with --exhibit, or fetch it)."
        )


@dataclass
class Disclosure:
    """One filer-year cybersecurity disclosure (10-K Item 1C or 20-F Item 16K)."""

    elements: list[Element]
    """cyd elements in document order."""
    tagged: bool
    """True when the source carries cyd Inline XBRL tags (or is an R page of them)."""
    source_format: str
    """Reader that produced it: `rpage-text`, `rpage-markdown`, `rpage-html`, `ixbrl`, `html`, `text`."""
    section_text: str = ""
    """The whole section, normalised, paragraphs separated by blank lines, in document order."""
    cik: str | None = None
    """Central Index Key, zero-padded to 10 digits, when the source names it."""
    name: str | None = None
    """Registrant name, when the source names it."""
    tickers: list[str] = field(default_factory=list)
    """Trading symbols named by the source."""
    fiscal_year: int | None = None
    """The filer's own fiscal year (dei:DocumentFiscalYearFocus)."""
    period_end: str | None = None
    """Period end date, ISO format."""
    form: str | None = None
    """10-K, 20-F, 10-K/A, ..."""
    amendment: bool = False
    """True for 10-K/A and 20-F/A."""
    notes: list[str] = field(default_factory=list)
    """What the reader had to assume (e.g. a namespace prefix fallback)."""
    incorporation: Incorporation | None = None
    """Set when Item 1C / 16K is incorporated by reference from another document (see `Incorporation`)."""
    boilerplate: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    """Comparison key -> how many other filers state the sentence nearly alike, for its sentences that are
    common boilerplate (filled from the store's boilerplate index; empty for a file just read)."""
    facts_cache: object = field(default=None, repr=False, compare=False)
    """Derived data tracker.facts keeps (sentences, facts), tied to the text it was derived from so that a
    changed text is never served stale; not part of the disclosure (never compared, shown or stored)."""
    stored_sentences: object = field(default=None, repr=False, compare=False)
    """The sentences a comparison aligns as the store kept them at ingest (`tracker.text.normalize.
    comparison_sentences`), with the texts they were read from: (section text, text blocks, sentences); used
    only while the disclosure's texts are still those. Not part of the disclosure either."""

    def __getstate__(self) -> dict:
        """What a pickle carries (a folder ingest's worker sends each disclosure to the writer): the disclosure
        without its caches, which the receiver works out again if it needs them (the facts cache was two
        thirds of the bytes and most of the unpickling)."""
        return {**self.__dict__, "facts_cache": None, "stored_sentences": None}

    def element(self, name: str) -> Element | None:
        """The element of that local name, if present."""
        return next((e for e in self.elements if e.name == name), None)

    @property
    def text_elements(self) -> list[Element]:
        """The text blocks with a value."""
        return [e for e in self.elements if e.kind == "text" and e.value]

    def text_blocks(self) -> list[tuple[str, str]]:
        """(element, text) of each text block: what the sentences a comparison aligns are read from."""
        return [(e.name, str(e.value)) for e in self.text_elements]

    @property
    def flags(self) -> dict[str, Element]:
        """The flag elements present, by name."""
        return {e.name: e for e in self.elements if e.kind == "flag"}


Severity = Literal["high", "medium", "low"]
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}

#: Change kinds, in the order a reader cares about.
CHANGE_KINDS = [
    "flag_flipped",
    "fact_changed",
    "fact_added",
    "fact_removed",
    "element_added",
    "element_removed",
    "text_changed",
    "text_added",
    "text_removed",
    "text_moved",
]


@dataclass
class Change:
    """One typed change between two disclosures; `to_json` gives the design.md shape."""

    kind: str
    """One of CHANGE_KINDS."""
    severity: Severity
    """high, medium or low (see facts.md)."""
    element: str | None = None
    """The element the change sits in (the first, when it touches several)."""
    elements: list[str] = field(default_factory=list)
    """Every element the change touches (overlapping text blocks repeat text)."""
    fact: str | None = None
    """Fact name, for fact changes."""
    old: object = None
    """Old value (flag, fact) or old sentence (text_changed)."""
    new: object = None
    """New value or new sentence."""
    value: object = None
    """The value added or removed (fact_added / fact_removed)."""
    text: str | None = None
    """The sentence added, removed or moved."""
    ops: list | None = None
    """Word-level diff-match-patch ops [[op, text], ...] for text_changed."""
    old_source: str | None = None
    """tagged / inferred / absent, for flags."""
    new_source: str | None = None
    """tagged / inferred / absent, for flags."""
    from_position: int | None = None
    """Sentence position in the old text, for moves."""
    to_position: int | None = None
    """Sentence position in the new text, for moves."""
    evidence: object = None
    """Supporting sentence(s): a str, or {"old": ..., "new": ...}."""
    summary: str | None = None
    """What changed, in plain English ("the Chief Information Security Officer was replaced: A -> B")."""
    why: str | None = None
    """Why it matters, in plain English ("the person responsible changed")."""
    change: str | None = None
    """For people and other paired changes: what kind of change (replaced, appointed, retitled, weakened, ...)."""
    touches: list[str] = field(default_factory=list)
    """For a wording change: the facts (or `flag:Name`, `people`) its sentence states that it changes; for a people
    change: the facts whose changes it stands for (in `details`: a new CISO's years, certifications)."""
    details: list[str] = field(default_factory=list)
    """The smaller changes one change stands for (a new person's other experience, titles ...)."""
    also: list[str] = field(default_factory=list)
    """For a wording change: the other matters its sentence carries, beside the one its `why` leads with (and which
    `why` ends with): the verdict names them where the sentence is otherwise the wording of a fact change (a
    framework added and "every two years" -> "annually" in one sentence). Not in the JSON object: it is in `why`."""

    def to_json(self) -> dict:
        """The JSON object of design.md (keys with no value left out)."""
        out: dict = {"kind": self.kind}
        for key in (
            "element",
            "elements",
            "fact",
            "change",
            "old",
            "new",
            "value",
            "text",
            "ops",
            "old_source",
            "new_source",
            "from_position",
            "to_position",
            "evidence",
            "summary",
            "why",
            "touches",
            "details",
        ):
            val = getattr(self, key)
            if val is None or (key in ("elements", "touches", "details") and not val):
                continue
            if key in ("old", "new") and self.kind == "flag_flipped":
                out[key] = val
                continue
            out[key] = val
        if self.kind == "flag_flipped":
            out.setdefault("old", self.old)
            out.setdefault("new", self.new)
        out["severity"] = self.severity
        return out
