"""The catalogue: one FactSpec per fact of docs/facts.md, with its rules. Adding a fact is one spec here, its
rules beside the code that reads it, and a row in docs/facts.md."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.facts import governance, material, people, program
from tracker.facts.governance import committee_key
from tracker.facts.rules import FactSpec, Severity, register, rule
from tracker.facts.titles import RESPONSIBLE_RULES, title_key


def experience_text(value: Any) -> str:
    """ "Chief Security Officer: over 15 years"."""
    if not isinstance(value, dict):
        return str(value)
    qualifier = value.get("qualifier")
    q = "" if qualifier in (None, "exact") else f"{qualifier} "
    holder = value.get("holder") or ""
    return f"{holder}: {q}{value.get('years')} years".strip(": ")


_ROLES = {
    "responsible": "responsible",
    "reports_to": "reported to",
    "board_member": "board member",
    "other": "",
}


def person_text(value: Any) -> str:
    """ "Jane Doe (Chief Information Security Officer; responsible; over 20 years; CISSP)", or the title alone
    for an unnamed person."""
    if not isinstance(value, dict):
        return str(value)
    titles = ", ".join(value.get("titles") or [])
    who = (
        (f"{value['name']} ({titles})" if titles else str(value["name"]))
        if value.get("name")
        else titles or "an unnamed person"
    )
    bits = [_ROLES.get(value.get("role") or "", "")]
    if value.get("experience"):
        bits.append(experience_text({"holder": "", **value["experience"]}))
    bits += list(value.get("certifications") or [])
    bits = [b for b in bits if b]
    return f"{who} [{'; '.join(bits)}]" if bits else who


def _frequency_slot(value: Any) -> str:
    return "as needed" if value == "as needed" else "cadence"


def _oversight_slot(value: Any) -> str:
    return "board" if value == "board of directors" else "committee"


SPECS = [
    FactSpec(
        "responsible_titles",
        "Who is responsible (titles)",
        True,
        (*RESPONSIBLE_RULES, people.EXPERIENCED, people.LISTED, people.SECURITY_LEAD),
        Severity("medium", "high", "high", "who is responsible for cybersecurity changed"),
        slot=lambda v: "title",
        doc="current titles of the people responsible for cybersecurity risk",
        topic=("officer", "president", "head of", "director", "manager"),
    ),
    FactSpec(
        "people",
        "People",
        True,
        (
            *people.NAME_RULES,
            people.ALSO_TITLE,
            people.DESCRIBED,
            people.BIOGRAPHY,
            people.BIOGRAPHY_PAST,
            people.BIOGRAPHY_YEARS_AT,
            people.EXPERTISE,
            people.PERSON,
        ),
        Severity("medium", "high", "high", "the people in charge of cybersecurity changed"),
        describe=person_text,
        doc="every person the section describes in a cybersecurity role",
        topic=(
            "officer",
            "president",
            "head of",
            "director",
            "manager",
            "mr.",
            "ms.",
            "dr.",
            "ciso",
            "cio",
            "cso",
            "cto",
            "vp",
        ),
    ),
    FactSpec(
        "responsible_people",
        "Who is responsible (names)",
        True,
        (),
        Severity("medium", "high", "high", "the person responsible changed"),
        doc="names of the people responsible",
        topic=("mr", "ms", "dr"),
    ),
    FactSpec(
        "experience_years",
        "Experience of those responsible",
        True,
        (people.EXPERIENCE,),
        Severity("medium", "medium", "medium", "the stated expertise of those responsible changed"),
        describe=experience_text,
        doc="stated years of experience of a person or team responsible",
    ),
    FactSpec(
        "tenure_start",
        "In the role since",
        False,
        (people.TENURE,),
        Severity("medium", "medium", "medium", "when the person responsible took the role changed"),
        doc="when the responsible person took the role",
    ),
    FactSpec(
        "reports_to",
        "Reports to",
        True,
        (people.REPORTS_TO, people.REPORTS_TO_WHOM),
        Severity("medium", "medium", "medium", "the reporting line of the person responsible changed"),
        slot=lambda v: "reports_to",
        doc="the officer the responsible person reports to",
    ),
    FactSpec(
        "certifications",
        "Certifications held",
        True,
        (people.CERTIFICATION, people.CERTIFICATION_LISTED),
        Severity("medium", "medium", "medium", "the certifications of those responsible changed"),
        doc="professional certifications held now",
    ),
    FactSpec(
        "former_certifications",
        "Certifications held before",
        True,
        (people.FORMER_CERTIFICATION,),
        Severity("low", "low", "low", "what the biography says was held before changed"),
        doc="certifications the text says were held before, not now",
    ),
    FactSpec(
        "board_oversight",
        "Board oversight",
        True,
        (governance.COMMITTEE_OVERSEES, governance.BOARD_OVERSEES),
        Severity("high", "high", "high", "the board body overseeing cybersecurity changed"),
        slot=_oversight_slot,
        doc="the board and board committees overseeing cybersecurity risk",
    ),
    FactSpec(
        "management_committees",
        "Management committees",
        True,
        (governance.MANAGEMENT_COMMITTEE,),
        Severity("medium", "medium", "medium", "the management committees of the program changed"),
        slot=lambda v: "committee",
        doc="named management-level committees in the structure",
    ),
    FactSpec(
        "briefing_frequency",
        "How often the board is briefed",
        True,
        governance.FREQUENCY_RULES,
        Severity("medium", "medium", "medium", "how often the board is briefed changed"),
        slot=_frequency_slot,
        doc="how often management informs the board or its committee",
        topic=("board", "committee"),
    ),
    FactSpec(
        "frameworks",
        "Frameworks followed",
        True,
        program.FRAMEWORK_RULES,
        Severity("medium", "medium", "medium", "the standards the program follows changed"),
        doc="standards and frameworks the program follows or is certified to",
    ),
    FactSpec(
        "third_parties",
        "Outside firms engaged",
        True,
        program.THIRD_PARTY_RULES,
        Severity("medium", "medium", "medium", "the outside firms engaged changed"),
        doc="named outside firms engaged for cybersecurity",
    ),
    FactSpec(
        "material_incident_statement",
        "Statement on material incidents",
        False,
        (material.STATEMENT,),
        Severity("high", "high", "high", "the statement on material cybersecurity incidents changed"),
        doc="none, affected or absent",
        topic=("material",),
    ),
    FactSpec(
        "material_incident_strength",
        "How firmly it is stated",
        False,
        material.STRENGTH_RULES,
        Severity("high", "high", "high", "the statement on material incidents was made more or less firmly"),
        doc="definite, belief or awareness",
    ),
]
for _spec in SPECS:
    register(_spec)

#: How values of a fact are compared, where two ways of writing one value differ in more than case and spacing.
KEYS: dict[str, Callable[[str], str]] = {
    "responsible_titles": title_key,
    "reports_to": title_key,
    "board_oversight": committee_key,
    "management_committees": committee_key,
}

__all__ = ["SPECS", "KEYS", "experience_text", "person_text", "rule"]
