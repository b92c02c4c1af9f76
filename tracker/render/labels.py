"""How the renderers say a fact, a value or a measure in plain English (shared by every format)."""

from __future__ import annotations

MEASURES = (("cosine", "Cosine"), ("jaccard", "Jaccard"), ("min_edit", "Minimum edit"), ("simple", "Simple"))
#: One line on each measure, for the report's appendix.
MEASURE_EXPLANATIONS = {
    "cosine": "How alike the two years' word counts are, whatever the order of the words.",
    "jaccard": "The share of distinct words that both years use.",
    "min_edit": "One minus the fewest whole-word edits that turn one year into the other, over the longer text.",
    "simple": "One minus the words added and deleted by a word diff, over the words of both years.",
}
FACT_LABELS = {
    "responsible_titles": "Responsible titles",
    "responsible_people": "Responsible people",
    "experience_years": "Stated experience",
    "tenure_start": "In the role since",
    "reports_to": "Reports to",
    "certifications": "Certifications",
    "board_oversight": "Board oversight",
    "management_committees": "Management committees",
    "briefing_frequency": "Briefing frequency",
    "frameworks": "Frameworks",
    "third_parties": "Third parties engaged",
    "material_incident_statement": "Material incident statement",
}


def display_value(value: object, fact: str | None = None) -> str:
    """A flag or fact value as a reader wants to see it."""
    if value is None:
        return "not stated"
    if isinstance(value, bool):
        return "true" if value else "false"
    if fact is not None and isinstance(value, dict):
        from tracker.facts import fact_text

        return fact_text(value, fact)
    if isinstance(value, dict):
        if "years" in value:
            qualifier = value.get("qualifier")
            q = "" if qualifier in (None, "exact") else f"{qualifier} "
            holder = f"{value.get('holder')}: " if value.get("holder") else ""
            return f"{holder}{q}{value['years']} years"
        return ", ".join(f"{k}: {display_value(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "; ".join(display_value(v) for v in items) or "none"
    return str(value)


def named(filer: dict) -> tuple[str, list[str]]:
    """(name, the tickers beside it) for a report's header: a filer the file does not name (a text extract) goes by
    its tickers ("JNJ", not "Unnamed filer (JNJ)", which readers found odd)."""
    name, tickers = filer.get("name"), list(filer.get("tickers") or [])
    if not name and tickers:
        return ", ".join(tickers), []
    return name or "Unnamed filer", tickers


def filer_name(filer: dict) -> str:
    """A filer's name, else its tickers, else its CIK."""
    return (
        filer.get("name")
        or ", ".join(filer.get("tickers") or [])
        or (f"CIK {filer['cik']}" if filer.get("cik") else "Unnamed filer")
    )


def filers_name(filer: dict) -> str:
    """The filer of a comparison, or both when it compares two filers ("AMAZON.COM, INC. and Alphabet Inc.")."""
    if filer.get("old_filer"):
        return f"{filer_name(filer['old_filer'])} and {filer_name(filer)}"
    return filer_name(filer)


def fact_label(fact: str | None) -> str:
    """Human label of a fact name."""
    return FACT_LABELS.get(fact or "", (fact or "fact").replace("_", " ").capitalize())


def repeats(what: str | None, why: str) -> bool:
    """Whether a change's why only repeats what its summary says ("the statement ... was weakened: ..." / "...
    was weakened"): then the renderers leave the why out."""
    return bool(what) and why.lower().rstrip(".") in (what or "").lower()
