"""Fact extraction and fact changes on real disclosures of the shared corpus (and planted edits of them)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tracker.facts import FACT_NAMES, FactValue, extract_facts, fact_changes, facts_to_json
from tracker.models import Disclosure
from tracker.pipeline.load import load_bytes, load_path

pytestmark = pytest.mark.corpus
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def values(facts: dict[str, list[FactValue]], name: str) -> set:
    return {v.value for v in facts[name]}


def years(facts: dict[str, list[FactValue]]) -> list[tuple]:
    return [(v.value["holder"], v.value["years"], v.value["qualifier"]) for v in facts["experience_years"]]


def item_1c(path: Path) -> str:
    """The raw text of a corpus text file (the reader finds Item 1C in it)."""
    return path.read_text(encoding="utf-8")


def read_edited(path: Path, old: str, new: str, count: int = 1) -> Disclosure:
    raw = path.read_text(encoding="utf-8")
    assert raw.count(old) >= count, f"planted edit: {old!r} is not in {path.name}"
    return load_bytes(raw.replace(old, new).encode("utf-8"))


# ---- the examples of facts.md are ground truth ------------------------------------------------------------
def test_kanzhun_seed(corpus: Path) -> None:
    facts = extract_facts(load_path(corpus / "seeds/000_3eaf4e0fdd851dff.txt"))
    assert values(facts, "responsible_titles") == {"Chief Technology Officer"}
    assert values(facts, "responsible_people") == {"Tao Zhang"}
    assert years(facts) == [("Chief Technology Officer", 18, "over")]
    assert values(facts, "tenure_start") == {"inception"}
    assert values(facts, "briefing_frequency") == {"quarterly", "regular"}
    assert values(facts, "material_incident_statement") == {"none"}
    evidence = facts["experience_years"][0]
    assert (
        evidence.evidence
        == "He has over 18 years of experience in the software engineering and internet industry."
    )
    assert evidence.element.startswith("Cybersecurity")


def test_seed_002(corpus: Path) -> None:
    facts = extract_facts(load_path(corpus / "seeds/002_9394ffdb029e99fb.txt"))
    assert values(facts, "management_committees") == {"compliance committee"}
    assert values(facts, "briefing_frequency") == {"semi-annual"}
    assert values(facts, "frameworks") == {"ISO/IEC 27017", "ISO/IEC 27701", "ISO/IEC 270001"}
    assert values(facts, "third_parties") == {"TrustArc", "ioXt Alliance", "Palo Alto Networks"}
    assert years(facts) == [("Chief Information Security Officer", 10, "over")]


def test_full_truck_alliance_seed(corpus: Path) -> None:
    facts = extract_facts(load_path(corpus / "seeds/003_dfabe7f409a2727e.txt"))
    assert values(facts, "board_oversight") == {"board of directors", "audit committee"}
    assert values(facts, "management_committees") == {"cybersecurity safeguard committee"}
    assert values(facts, "responsible_people") == {"Qi Zhang", "Kai Shen"}
    assert {"ISO/IEC 27001", "ISO/IEC 27701", "China MLPS"} <= values(facts, "frameworks")


@pytest.mark.parametrize(
    "name",
    ["text/AMZN_2023.txt", "text/AMZN_2024.txt", "text/AMZN_2025.txt", "ixbrl/amzn-10-k-fy2024.html.gz"],
)
def test_amazon_same_every_year_and_format(corpus: Path, name: str) -> None:
    facts = extract_facts(load_path(corpus / name))
    assert values(facts, "responsible_titles") == {"Chief Security Officer"}
    assert years(facts) == [("Chief Security Officer", 15, "over")]
    assert values(facts, "reports_to") == {"Chief Executive Officer"}


def test_alphabet_title_and_years(corpus: Path) -> None:
    old = extract_facts(load_path(corpus / "text/GOOGL_2024.txt"))
    new = extract_facts(load_path(corpus / "text/GOOGL_2025.txt"))
    assert years(old) == [("Vice President of Privacy, Safety, and Security Engineering", 20, "exact")]
    assert years(new) == [("Vice President of Privacy, Safety, and Security", 20, "more than")]


def test_words_and_plus_numbers(corpus: Path) -> None:
    facts = extract_facts(load_path(corpus / "text/JNJ_2024.txt"))
    assert years(facts) == [("Chief Information Security Officer", 25, "over")]  # "over twenty-five years"
    d = read_edited(
        corpus / "text/JNJ_2024.txt",
        "over twenty-five years of experience in information security",
        "30+ years of experience between our senior leaders",
    )
    assert years(extract_facts(d)) == [("senior leaders", 30, "at least")]


def test_not_applicable_has_no_facts(corpus: Path) -> None:
    facts = extract_facts(load_path(corpus / "text/AAPL_2023.txt"))
    assert all(not facts[name] for name in FACT_NAMES if name != "material_incident_statement")
    assert values(facts, "material_incident_statement") == {"absent"}


def test_json_shape(corpus: Path) -> None:
    out = facts_to_json(extract_facts(load_path(corpus / "text/AMZN_2024.txt")))
    assert list(out) == FACT_NAMES
    assert out["experience_years"][0]["value"] == {
        "holder": "Chief Security Officer",
        "years": 15,
        "qualifier": "over",
    }
    assert set(out["experience_years"][0]) == {"value", "element", "evidence", "rule"}
    assert out["experience_years"][0]["rule"] == "experience_years.years"
    assert "over 15 years" in out["experience_years"][0]["evidence"]


# ---- planted edits ------------------------------------------------------------------------------------------
def test_changed_number_is_one_medium_experience_change(corpus: Path) -> None:
    path = corpus / "text/AMZN_2024.txt"
    changes = fact_changes(load_path(path), read_edited(path, "over 15 years", "over 17 years"))
    assert [(c.kind, c.fact, c.severity) for c in changes] == [("fact_changed", "experience_years", "medium")]
    assert changes[0].old == {"holder": "Chief Security Officer", "years": 15, "qualifier": "over"}
    assert changes[0].new["years"] == 17
    assert "over 15 years" in changes[0].evidence["old"] and "over 17 years" in changes[0].evidence["new"]


def test_oversight_committee_replaced_is_high(corpus: Path) -> None:
    path = corpus / "text/AMZN_2024.txt"
    changes = fact_changes(
        load_path(path),
        read_edited(path, "reviewed by the Audit Committee", "reviewed by the Risk Committee"),
    )
    # one change: oversight moved from one committee to the other
    assert [(c.kind, c.fact, c.old, c.new, c.severity) for c in changes] == [
        ("fact_changed", "board_oversight", "audit committee", "risk committee", "high")
    ]
    assert changes[0].summary == "board oversight moved from the audit committee to the risk committee"
    assert changes[0].why == "the board body overseeing cybersecurity changed"


def test_quarterly_to_semi_annual_is_medium(corpus: Path) -> None:
    path = corpus / "seeds/000_3eaf4e0fdd851dff.txt"
    changes = fact_changes(
        load_path(path),
        read_edited(path, "receives quarterly updates", "receives semi-annually updates", count=2),
    )
    assert [(c.kind, c.fact, c.old, c.new, c.severity) for c in changes] == [
        ("fact_changed", "briefing_frequency", "quarterly", "semi-annual", "medium")
    ]
    assert changes[0].summary == "the board is now briefed twice a year instead of quarterly (less often)"


def test_framework_added_is_medium(corpus: Path) -> None:
    path = corpus / "seeds/002_9394ffdb029e99fb.txt"
    changes = fact_changes(
        load_path(path),
        read_edited(
            path,
            "and ISO/IEC 27701, among others",
            "ISO/IEC 27701 and the NIST Cybersecurity Framework, among others",
        ),
    )
    assert [(c.kind, c.fact, c.value, c.severity) for c in changes] == [
        ("fact_added", "frameworks", "NIST CSF", "medium")
    ]
    assert "NIST Cybersecurity Framework" in changes[0].evidence


def test_title_change_with_new_number_is_one_experience_change(corpus: Path) -> None:
    changes = fact_changes(
        load_path(corpus / "text/GOOGL_2024.txt"), load_path(corpus / "text/GOOGL_2025.txt")
    )
    experience = [c for c in changes if c.fact == "experience_years"]
    # one change; "20 years" -> "more than 20 years" of the one holder (its title reworded) is a year on
    assert len(experience) == 1 and experience[0].kind == "fact_changed" and experience[0].severity == "low"
    assert (experience[0].old["years"], experience[0].new["qualifier"]) == (20, "more than")
    titles = [(c.kind, c.old, c.new, c.severity) for c in changes if c.fact == "responsible_titles"]
    assert titles == [
        (
            "fact_changed",
            "Vice President of Privacy, Safety, and Security Engineering",
            "Vice President of Privacy, Safety, and Security",
            "medium",  # one word of function less: the role reworded, not replaced
        )
    ]
    board = [(c.kind, c.old, c.new) for c in changes if c.fact == "board_oversight"]
    assert board == [("fact_changed", "audit and compliance committee", "risk and compliance committee")]


@pytest.mark.parametrize(
    "name",
    [
        "text/AMZN_2024.txt",
        "seeds/002_9394ffdb029e99fb.txt",
        "seeds/000_3eaf4e0fdd851dff.txt",
        "text/V_2024.txt",
    ],
)
def test_formatting_only_changes_no_fact(corpus: Path, name: str) -> None:
    path = corpus / name
    raw = path.read_text(encoding="utf-8")
    edited = (
        raw.replace("\u2019", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("'", "\u2019")
        .replace(". ", ".  ")
        .replace(", ", " ,  ".replace(" ,", ","))
        .replace("Chief Executive Officer", "chief executive officer")
        .replace("Audit Committee", "AUDIT COMMITTEE")
        .replace("we also engage", "we alsoengage")
        .replace("has over", "has  over")
    )
    assert edited != raw
    assert fact_changes(load_path(path), load_bytes(edited.encode("utf-8"))) == []


def test_same_filing_two_formats_same_facts(corpus: Path) -> None:
    for text, html in (
        ("text/GOOGL_2024.txt", "ixbrl/googl-10-k-fy2024.html.gz"),
        ("text/NKE_2025.txt", "ixbrl/nke-10-k-fy2025.html.gz"),
    ):
        changes = fact_changes(load_path(corpus / text), load_path(corpus / html))
        assert changes == [], [c.to_json() for c in changes]


# ---- prefilters are exact; facts are computed once per text ------------------------------------------------
def _corpus_sentences(corpus: Path) -> list[str]:
    from tracker.facts import disclosure_sentences

    paths = sorted((corpus / "text").glob("*.txt")) + sorted((corpus / "seeds").glob("*.txt"))
    out = [s for p in paths for _, s in disclosure_sentences(load_path(p))]
    # sentences the prefilters must not misjudge: letters that fold onto ASCII, titles at the very edges
    out += [
        "Our Chıef Informatıon Security Officer leads the team.",
        "The ſecurity officer, Jane Doe, reports.",
        "VP",
        "CISO",
        "our Head of IT",
        "Director of Security",
        "General Counsel",
        "Reports to the CISO.",
        'Our Vice President and Chief Information Security Officer ("VP, CISO"), John Smith, has 20 years.',
        "The committee, Data Protection Office, meets quarterly to review KPIs.",
        "",
        # edges of the rules' hints and start words
        "John Smith III serves as our CISO.",
        "Jane O'Neil-Smith, who serves as our Chief Information Officer,",
        "eSentire provides our managed detection; Kestrel Assurance Partners conducts an audit.",
        "The Board is briefed semi-annually, at least once a year and each year.",
        "He has 20+ years and "
        "twenty-five years of experience, nearly 13 years in security and a decade at Acme.",
        "Formerly, she served as the CIO of two other companies; the executives responsible include:",
        "Information and representatives; we inform the Board through presentations.",
    ]
    return out


def test_rule_keywords_never_hide_a_match(corpus: Path) -> None:
    """The prefilter of every rule (its keywords, from which each fact's prefilter is derived) is exact: on every
    corpus sentence, a rule tried only where its keywords allow finds what its pattern finds everywhere."""
    from tracker.facts import all_rules, hint_text
    from tracker.facts.governance import INFORM_RE, informs
    from tracker.facts.titles import TITLE_RE, title_matches

    rules = all_rules()
    assert len(rules) >= 60
    for s in _corpus_sentences(corpus):
        low = hint_text(s)
        for rule in rules.values():
            everywhere = [m.span() for m in rule.pattern.finditer(s)]
            if everywhere and not (rule.unless and rule.unless.search(s)):
                assert rule.may_match(s, low), (rule.name, s)
            # a rule's hint and the words its matches start at only keep it off places it cannot match
            assert [m.span() for m in rule.scan(s, low)] == everywhere, (rule.name, s)
        assert informs(s, low) == bool(INFORM_RE.search(s)), s
        spans = [(m.start(), m.end(), m.group(0)) for m in TITLE_RE.finditer(s)]
        assert [(m.start(), m.end(), m.group(0)) for m in title_matches(s)] == spans, s
    assert hint_text("Chıef") is None and hint_text("Chief \u2022") == "chief \u2022"


def test_facts_are_extracted_once_per_text(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.facts.inference import infer_flags
    from tracker.facts.people import PeopleReader

    d = load_path(corpus / "text/AMZN_2024.txt")
    fresh = load_path(corpus / "text/AMZN_2024.txt")
    first = extract_facts(d)
    runs = []
    original = PeopleReader.read
    monkeypatch.setattr(PeopleReader, "read", lambda self: runs.append(1) or original(self))
    first["responsible_titles"].clear()  # a caller's copy: changing it changes nothing kept
    infer_flags(d)  # flags are no text: the kept facts stay valid
    assert facts_to_json(extract_facts(d)) != facts_to_json(first) and not runs
    assert "Chief Security Officer" in values(extract_facts(d), "responsible_titles")
    assert repr(d).count("facts_cache") == 0 and d == fresh
    d.section_text += "\n\nOur Chief Information Security Officer has over 20 years of experience."
    extract_facts(d)
    assert runs == [1]  # a changed text is extracted afresh
    element = d.text_elements[0]
    element.value = str(element.value) + " More text."
    extract_facts(d)
    assert runs == [1, 1]


def test_store_disclosure_carries_the_facts_of_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.diff.compare import compare
    from tracker.facts.people import PeopleReader
    from tracker.pipeline.ingest import Options, ingest_file
    from tracker.store import Store

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    store = Store(tmp_path / "t.db")
    for path in sorted(fixtures.glob("*.htm")):
        ingest_file(store, path, Options())
    rows = list(store.db.query("select * from filings order by fiscal_year"))
    assert len(rows) == 2
    old, new = (store.disclosure(r) for r in rows)
    fresh = [
        Disclosure(
            elements=d.elements, tagged=d.tagged, source_format=d.source_format, section_text=d.section_text
        )
        for d in (old, new)
    ]
    expected = compare(*fresh)
    monkeypatch.setattr(PeopleReader, "read", lambda self: pytest.fail("facts extracted again"))
    assert [facts_to_json(extract_facts(d)) for d in (old, new)] == [
        facts_to_json(extract_facts(d)) for d in fresh
    ]
    assert [c.to_json() for c in compare(old, new).changes] == [c.to_json() for c in expected.changes]


def test_semi_annual_updates_are_not_also_annual() -> None:
    from tracker.models import Disclosure, Element

    text = "The CISO provides semi-annual updates each year to the Audit Committee on cybersecurity matters."
    d = Disclosure(
        [Element("CybersecurityRiskBoardOfDirectorsOversightTextBlock", "text", text, "inferred")],
        tagged=False,
        source_format="text",
        section_text=text,
    )
    assert [v.value for v in extract_facts(d)["briefing_frequency"]] == ["semi-annual"]


@pytest.mark.parametrize(
    ("pace", "value"),
    [
        ("six times per year", "six times a year"),
        ("every other month", "six times a year"),
        ("every two months", "six times a year"),
        ("twelve times a year", "monthly"),
        ("every six months", "semi-annual"),
    ],
)
def test_briefings_every_other_month_are_six_a_year(pace: str, value: str) -> None:
    """A reader's hospital operator: a briefing "six times a year" was no frequency at all."""
    text = f"Our CISO updates the Audit Committee {pace} on cybersecurity risks."
    assert values(extract_facts(_text_disclosure(text)), "briefing_frequency") == {value}


def test_how_often_a_committee_meets_beside_a_briefing_is_no_briefing() -> None:
    """A reader's hospital operator: "The committee meets six times a year, and our Chief Information Security Officer
    briefs the committee quarterly" read as the board briefed six times a year as well."""
    text = "The Risk Committee convenes four times a year, and our CISO updates the committee semi-annually on cyber risks."
    assert values(extract_facts(_text_disclosure(text)), "briefing_frequency") == {"semi-annual"}
    # "meet ... and report": the meeting's clause ends at "and report" (HD FY2024, held out: "These committees
    # generally meet monthly or every other month and report to the Data Security and Privacy Governance Committee")
    text = (
        "The Audit Committee oversees cyber risk. Our working groups generally meet monthly or every other month and "
        "report to the Security Governance Committee."
    )
    assert values(extract_facts(_text_disclosure(text)), "briefing_frequency") == set()
    # a meeting with an officer, or a report at it, is still a briefing
    for text in (
        "The Audit Committee meets quarterly with our Chief Information Security Officer to review cyber risks.",
        "The Audit Committee meets quarterly and receives a report from the CISO at each meeting.",
    ):
        assert "quarterly" in values(extract_facts(_text_disclosure(text)), "briefing_frequency"), text


def test_a_frequency_in_digits_is_read() -> None:
    """An unseen reader's form-only edit "four times a year" -> "4 times a year" was "no longer says the audit committee
    is briefed quarterly" beside "no wording change"; so were "2 times a year" and "1 time a year"."""
    for said, value in (
        ("12 times per year", "monthly"),
        ("6 times each year", "six times a year"),
        ("4 times per fiscal year", "quarterly"),
        ("3 times a year", "three times a year"),
        ("2 times a year", "semi-annual"),
        ("every 6 months", "semi-annual"),
        ("at least 1 time a year", "annual"),
        ("one time per year", "annual"),
    ):
        text = (
            f"Our Chief Information Security Officer reports to the Audit Committee {said} on cybersecurity."
        )
        assert values(extract_facts(_text_disclosure(text)), "briefing_frequency") == {value}, said


def test_a_two_tier_issuers_management_board_is_no_board_briefed() -> None:
    """An unseen reader's 20-F: "Our Chief Information Security Officer updates the Management Board monthly" read as
    the board briefed monthly, and its move to quarterly as the board briefed less often."""
    lead = "The Supervisory Board oversees cybersecurity risk through its Audit Committee. "
    for told in (
        "Our CISO reports to the Management Board each month on cybersecurity risks.",
        "The Board of Management receives monthly updates from our CISO on cybersecurity risks.",
        "Our CISO briefs the Executive Board monthly on cybersecurity matters.",
    ):
        assert values(extract_facts(_text_disclosure(lead + told)), "briefing_frequency") == set(), told
    told = "Our CISO reports to the Supervisory Board each month on cybersecurity risks."
    assert values(extract_facts(_text_disclosure(lead + told)), "briefing_frequency") == {"monthly"}


def test_a_body_that_only_meets_is_not_briefed() -> None:
    """A reader's next year added "The Audit Committee generally meets quarterly." beside its yearly report from the
    CISO: read as the committee now briefed quarterly (medium). How often a named body meets, of nothing
    cybersecurity's, is no briefing; a meeting of a body named for the subject, of one told of before, or one at
    which anything is reviewed or reported, still is."""
    lead = "Our Board oversees cybersecurity risk through its Finance Committee. "
    for text in (
        "The Finance Committee generally meets quarterly.",
        "The Finance Committee meets six times a year.",
        "Our Board of Directors meets quarterly.",
    ):
        assert values(extract_facts(_text_disclosure(lead + text)), "briefing_frequency") == set(), text
    named = "Our Board oversees cybersecurity risk through its Technology and Cybersecurity Committee. "
    text = "The Technology and Cybersecurity Committee meets quarterly."
    assert values(extract_facts(_text_disclosure(named + text)), "briefing_frequency") == {"quarterly"}
    for text in (
        "The Committee meets quarterly.",
        "The Finance Committee meets quarterly to review these matters.",
        "The Finance Committee meets quarterly with management.",
    ):
        assert "quarterly" in values(extract_facts(_text_disclosure(lead + text)), "briefing_frequency"), text


def test_a_title_removed_is_paired_with_the_closest_title_added() -> None:
    """A reader's 20-F: the Group CFO, no longer responsible, came first among the titles removed and took the Group
    CISO's new title (close enough by its words "group", "chief", "officer"); the CISO, retitled, read as no longer
    named, high. The closest pair is paired first, whatever the order the titles were read in."""
    from tracker.facts.changes import set_changes
    from tracker.facts.extract import FactValue
    from tracker.facts.rules import SPECS

    def told(*titles: str) -> list[FactValue]:
        return [FactValue(t, "text", f"Our {t} is responsible for cybersecurity.") for t in titles]

    old = told("Group Chief Financial Officer", "Group Chief Information Security Officer")
    new = told("Group Chief Information Security and Resilience Officer")
    changes = set_changes(SPECS["responsible_titles"], old, new)
    assert sorted((c.kind, c.old or c.value, c.new) for c in changes) == [
        (
            "fact_changed",
            "Group Chief Information Security Officer",
            "Group Chief Information Security and Resilience Officer",
        ),
        ("fact_removed", "Group Chief Financial Officer", None),
    ]


def test_roles_held_before_including_as_are_biography() -> None:
    """A reader's bank: "... more than eighteen years of experience in information security, including as Deputy Chief
    Information Security Officer of Keystone Regional Bancorp and as a senior manager in the cyber risk practice of
    Deloitte & Touche LLP, and holds the CISSP designation": Deloitte, a former employer, read as an outside firm
    engaged ("outside firm named", medium, the verdict's first line)."""
    text = (
        "We engage outside assessors, including Mandiant, to test our program annually. Our Chief Information Security "
        "Officer, Sam Lee, has more than 14 years of experience in information security, including as Director of "
        "Security Engineering at Fabrikam Holdings and as a principal in the cyber practice of KPMG LLP, and holds the "
        "CISSP certification."
    )
    facts = extract_facts(_text_disclosure(text))
    assert values(facts, "third_parties") == {"Mandiant"}
    assert values(facts, "certifications") == {
        "CISSP"
    }  # (what follows the biography, in its own clause, is current)
    (person,) = (fv.value for fv in facts["people"])
    assert person["former_employers"] == ["Fabrikam Holdings", "KPMG LLP"]


def test_the_ffiec_named_is_not_its_assessment_tool() -> None:
    """A reader's bank: "aligned with the Federal Financial Institutions Examination Council ("FFIEC") guidance" was read
    as the FFIEC Cybersecurity Assessment Tool."""
    text = (
        'Our program is aligned with Federal Financial Institutions Examination Council ("FFIEC") guidance.'
    )
    assert values(extract_facts(_text_disclosure(text)), "frameworks") == {"FFIEC"}
    text = "Each year we measure our maturity with the FFIEC Cybersecurity Assessment Tool."
    assert values(extract_facts(_text_disclosure(text)), "frameworks") == {"FFIEC CAT"}


def test_the_cri_profile_is_a_framework_and_one_pursued_says_so() -> None:
    """A reader's bank: "the Cyber Risk Institute (CRI) Profile" was no framework; a reader's airline: "We are also
    pursuing ISO/IEC 27001 certification" was "Framework added", as if held."""
    text = "Our program is mapped to the Cyber Risk Institute (CRI) Profile."
    assert values(extract_facts(_text_disclosure(text)), "frameworks") == {"CRI Profile"}
    old = _text_disclosure("Our program follows the NIST Cybersecurity Framework.")
    new = _text_disclosure(
        "Our program follows the NIST Cybersecurity Framework. We are working toward ISO/IEC 27001 certification."
    )
    (added,) = [c for c in fact_changes(old, new) if c.fact == "frameworks"]
    assert added.summary == "framework now pursued, not yet held: ISO/IEC 27001"


def test_at_least_one_update_each_year_is_annual(corpus: Path) -> None:
    """Upwork FY2025 cut its full-board updates from three a year to "at least one update to the full board of
    directors each year" beside quarterly committee updates: the board is now briefed annually, not silent."""
    text = (
        "Our CISO presents quarterly cybersecurity-related updates to our audit committee, including at least one "
        "update to the full board of directors each year."
    )
    assert values(extract_facts(_text_disclosure(text)), "briefing_frequency") == {"quarterly", "annual"}
    # "quarterly updates each year" states one period, not two
    text = "Our CISO presents quarterly updates each year to our audit committee on cybersecurity."
    assert values(extract_facts(_text_disclosure(text)), "briefing_frequency") == {"quarterly"}
    old, new = load_path(corpus / "text/UPWK_2024.txt"), load_path(corpus / "text/UPWK_2025.txt")
    briefing = [c for c in fact_changes(old, new) if c.fact == "briefing_frequency"]
    assert [(c.kind, c.old, c.new) for c in briefing] == [("fact_changed", "three times a year", "annual")]


# ---- audit findings: what a reader would notice ---------------------------------------------------------------
def _text_disclosure(text: str) -> Disclosure:
    from tracker.models import Element

    return Disclosure(
        [Element("CybersecurityRiskRoleOfManagementTextBlock", "text", text, "inferred")],
        tagged=False,
        source_format="text",
        section_text=text,
    )


def _changes(path: Path, old: str, new: str) -> set[tuple]:
    """(kind, fact, value or the kind of people change, severity) of each fact change a planted edit makes."""
    return {
        (
            c.kind,
            c.fact,
            c.change
            if c.fact == "people"
            else tuple(sorted(c.value.items()))
            if isinstance(c.value, dict)
            else c.value,
            c.severity,
        )
        for c in fact_changes(load_path(path), read_edited(path, old, new))
    }


def test_management_committee_meeting_is_no_briefing(corpus: Path) -> None:
    path = corpus / "text/AMZN_2023.txt"
    added = (
        "We also maintain a variety of incident response plans that are utilized when incidents are detected. "
        "Management has also established a Cybersecurity Steering Committee, comprised of senior executives, to "
        "coordinate our response to cybersecurity threats, and meets monthly."
    )
    assert _changes(path, added.split(" Management")[0], added) == {
        ("fact_added", "management_committees", "cybersecurity steering committee", "medium")
    }
    # a board committee meeting the CISO is briefed; a committee that reports informs (seed 002: semi-annual)
    facts = extract_facts(
        _text_disclosure(
            "The Audit Committee of our Board meets quarterly with our CISO to review cybersecurity risks."
        )
    )
    assert values(facts, "briefing_frequency") == {"quarterly"}
    facts = extract_facts(
        _text_disclosure(
            "Our Technology Committee meets quarterly with our CISO to review cybersecurity risks."
        )
    )
    assert values(facts, "briefing_frequency") == {"quarterly"}


@pytest.mark.parametrize(
    "text, titles, people, reports_to",
    [
        (
            "Our IT infrastructure and the assessment and management of associated cybersecurity risks are primarily the "
            'responsibility of our Chief Information Security Officer ("CISO").',
            {"Chief Information Security Officer"},
            set(),
            set(),
        ),
        (
            "Our Chief Security Officer and Data Privacy Officer oversee our assessment, prevention, detection and management "
            "of cybersecurity risks.",
            {"Chief Security Officer", "Data Privacy Officer"},
            set(),
            set(),
        ),
        (
            "Our Chief Information Security Officer (CISO), Guy Rosen, leads our cybersecurity program.",
            {"Chief Information Security Officer"},
            {"Guy Rosen"},
            set(),
        ),
        (
            "Our CSO, who reports to the Chief Financial Officer, has primary responsibility for assessing and managing "
            "cybersecurity risks.",
            {"Chief Security Officer"},
            set(),
            {"Chief Financial Officer"},
        ),
        (  # Microsoft FY2025: a division named with a plus is the whole division ("Cloud", in part, was wrong)
            "Our CISO leads the strategy, engineering, and operations of cybersecurity across the company, and "
            "reports to the EVP of Cloud + AI.",
            {"Chief Information Security Officer"},
            set(),
            {"Executive Vice President of Cloud + AI"},
        ),
        (  # Walmart: the line is stated in a relative clause on the officer reported to, beside a biography
            'Our Chief Information Security Officer ("CISO") leads our cybersecurity program. Our CTO, to whom the '
            "CISO reports, has served as Walmart's CTO since 2019 and prior to that had experience managing "
            "technology risks.",
            {"Chief Information Security Officer"},
            set(),
            {"Chief Technology Officer"},
        ),
        (  # the officer reported to named first, the line through one officer, a line stated as a noun
            "Our CISO is responsible for cybersecurity and reports to Jane Doe, our Chief Information Officer.",
            {"Chief Information Security Officer"},
            set(),
            {"Chief Information Officer"},
        ),
        (
            "Our CISO is responsible for cybersecurity and reports through the Chief Information Officer to the Chief "
            "Executive Officer.",
            {"Chief Information Security Officer"},
            set(),
            {"Chief Information Officer"},
        ),
        (
            "Our CISO is responsible for cybersecurity and has a direct reporting line to the Chief Financial Officer.",
            {"Chief Information Security Officer"},
            set(),
            {"Chief Financial Officer"},
        ),
        (  # two officers led by together, each after the company's name (an unseen filing: only the first was read)
            "Our cybersecurity program is headed by the Group's Chief Digital Officer and the Group's Chief Information "
            "Security Officer.",
            {"Chief Digital Officer", "Chief Information Security Officer"},
            set(),
            set(),
        ),
        (  # two officers, the first described, the second reporting to the first, then "are responsible": both
            'The Chief Technology Officer ("CTO"), a member of our senior leadership team, and the Chief Information '
            'Security Officer ("CISO"), who reports to the CTO, are responsible for managing cybersecurity risk.',
            {"Chief Technology Officer", "Chief Information Security Officer"},
            set(),
            {"Chief Technology Officer"},
        ),
    ],
)
def test_responsibility_statements(text: str, titles: set, people: set, reports_to: set) -> None:
    facts = extract_facts(_text_disclosure(text))
    assert (
        values(facts, "responsible_titles"),
        values(facts, "responsible_people"),
        values(facts, "reports_to"),
    ) == (titles, people, reports_to)


@pytest.mark.parametrize(
    "text, now, before",
    [
        (  # a list headed by "prior certifications": every one held before, however long the list (an unseen
            # filing's "held previous certifications include ..." was read as held now, three wrong changes)
            "Our CISO holds the CISSP. Prior certifications held by our CISO include the ISACA Certified Information "
            "Security Manager (CISM), the Global Information Assurance Certification (GIAC) Security Leadership and "
            "the Certified in Risk and Information Systems Control (CRISC).",
            {"CISSP"},
            {"CISM", "GIAC", "CRISC"},
        ),
        (  # what follows "now" is held now
            "Our CISO previously held the CISM and now holds the CISSP and CRISC certifications.",
            {"CISSP", "CRISC"},
            {"CISM"},
        ),
        (  # "previous" of something else is no list of certifications
            "Over the previous ten years our CISO earned the CISSP and the CISM.",
            {"CISSP", "CISM"},
            set(),
        ),
    ],
)
def test_certifications_held_now_and_before(text: str, now: set, before: set) -> None:
    facts = extract_facts(_text_disclosure(text))
    assert (values(facts, "certifications"), values(facts, "former_certifications")) == (now, before)


@pytest.mark.parametrize(
    "text, frameworks, firms",
    [
        (  # ISO numbers in brackets, each a standard (an unseen filing's were all missed)
            "Our external audits include compliance audits against ISO (27001, 27018 and 27701) and SOC 2.",
            {"ISO/IEC 27001", "ISO/IEC 27018", "ISO/IEC 27701", "SOC 2"},
            set(),
        ),
        (  # the payment card standards by their industry's name
            "Our program is aligned with the NIST Cybersecurity Framework and the Payment Card Industry standards.",
            {"NIST CSF", "PCI DSS"},
            set(),
        ),
        (  # NIST's AI framework named beside its CSF without NIST again (an unseen filing: a false "added")
            "Our program is based on the NIST CSF and AI Risk Management Framework.",
            {"NIST CSF", "NIST AI RMF"},
            set(),
        ),
        (  # a NIST publication by its number, however introduced, is that publication, not NIST's framework
            "Our incident handling plan follows publication 800-61 of the National Institute of Standards and "
            "Technology, and our risk assessments follow NIST Special Publication 800-30.",
            {"NIST SP 800-61", "NIST SP 800-30"},
            set(),
        ),
        (  # ISO by its full name, no number (a reader's planted edits on TXN: only NIST was listed)
            "Our controls draw on standards of the Center for Internet Security and the International Organization "
            "for Standardization.",
            {"CIS Controls", "ISO"},
            set(),
        ),
        (  # ... and with a number, that standard alone; ISO in general beside a standard named says nothing more
            "Our program follows standards of the International Organization for Standardization. Our data centers "
            "are certified to International Organization for Standardization (ISO) 27001.",
            {"ISO/IEC 27001"},
            set(),
        ),
        (  # a credential is no firm, whatever "certified by" says
            "Our CISO is certified by Certified Information Security Manager (CISM), and we engage Acme Security "
            "Partners LLC to assess our program.",
            set(),
            {"Acme Security Partners LLC"},
        ),
    ],
)
def test_frameworks_and_firms_as_filers_name_them(text: str, frameworks: set, firms: set) -> None:
    facts = extract_facts(_text_disclosure(text))
    assert (values(facts, "frameworks"), values(facts, "third_parties")) == (frameworks, firms)


@pytest.mark.parametrize(
    "text, tenure",
    [
        (  # a relative clause on the title (an unseen filing's new CISO read as the same person)
            "Our Chief Information Security Officer, who joined Acme Corp in fiscal year 2025, leads our program.",
            {"2025"},
        ),
        (  # the role taken later than the joining: the role's year
            "Our Chief Information Security Officer, who joined us in 2015 and became CISO in 2022, leads our program.",
            {"2022"},
        ),
    ],
)
def test_when_the_person_responsible_took_the_role(text: str, tenure: set) -> None:
    assert values(extract_facts(_text_disclosure(text)), "tenure_start") == tenure


def test_title_renamed_in_one_of_its_responsible_sentences(corpus: Path) -> None:
    # a second title now made responsible beside the one still named elsewhere: a person appointed
    trust = ("fact_added", "people", "appointed", "medium")
    assert _changes(
        corpus / "text/POWI_2024.txt",
        "Our CISO has extensive experience",
        "Our Chief Trust Officer has extensive experience",
    ) == {trust}
    assert _changes(
        corpus / "text/U_2023.txt",
        "Our Chief Security Officer Security has over 25 years",
        "Our Chief Trust Officer Security has over 25 years",
    ) == {trust}


def test_titles_reported_to_are_not_responsible(corpus: Path) -> None:
    # "... led by our CISO ("CISO"), and reports to Progress' Chief Executive Officer, Chief Financial Officer, ..."
    for name in ("text/PRGS_2024.txt", "text/PRGS_2025.txt"):
        assert values(extract_facts(load_path(corpus / name)), "responsible_titles") == {
            "Chief Information Security Officer"
        }


def test_title_does_not_swallow_an_apposed_name(corpus: Path) -> None:
    path = corpus / "text/WGO_2024.txt"
    old = "In addition, our cybersecurity team, which is led by our Vice President of Information Security,"
    # the person is now named: one change of the people fact (the name added is part of it)
    assert _changes(
        path,
        old,
        "Our Vice President of Information Security, Jordan Avery, leads our cybersecurity team. " + old,
    ) == {("fact_changed", "people", "named", "medium")}
    facts = extract_facts(load_path(corpus / "text/AMPL_2023.txt"))
    assert "Executive Vice President of Engineering" in values(facts, "responsible_titles")
    assert {"Shadi Rostami", "Dustin Pearce"} <= values(facts, "responsible_people")


def test_chief_officer_title_is_not_two_titles(corpus: Path) -> None:
    # "Our Chief Engineering Officer and acting Chief Information Security Officer, Wade Chambers, reports to our CEO"
    changes = fact_changes(
        load_path(corpus / "text/AMPL_2024.txt"),
        read_edited(
            corpus / "text/AMPL_2024.txt",
            "acting Chief Information Security Officer, Wade Chambers",
            "acting Chief Trust Officer, Wade Chambers",
        ),
    )
    assert [(c.kind, c.fact, c.old, c.new, c.severity) for c in changes] == [
        (
            "fact_changed",
            "responsible_titles",
            "Acting Chief Information Security Officer",
            "Acting Chief Trust Officer",
            "high",
        )
    ]  # one of his two titles renamed: one change, no person added or lost


def test_years_beyond_sixty_and_plus_form(corpus: Path) -> None:
    path = corpus / "text/BOOT_2024.txt"
    changed = ("fact_changed", "experience_years", None, "medium")
    assert _changes(path, "collectively have more than 60 years", "collectively have over 65 years") == {
        changed
    }
    assert (
        _changes(path, "collectively have more than 60 years", "collectively have more than sixty years")
        == set()
    )
    path = corpus / "text/MCFT_2024.txt"
    assert ("Chief Information Officer", 25, "at least") in years(
        extract_facts(load_path(path))
    )  # "25-plus years"
    assert _changes(path, "25-plus years", "28-plus years") == {changed}


def test_nist_csf_named_in_full_after_framework(corpus: Path) -> None:
    assert (
        _changes(
            corpus / "text/SCSC_2024.txt",
            "including the NIST Cybersecurity Framework.",
            "including the Cybersecurity Framework of the National Institute of Standards and Technology.",
        )
        == set()
    )


def test_committee_tied_to_the_board_without_a_board_word_in_its_name(corpus: Path) -> None:
    # the Risk and Compliance Committee stays the board's where it is only the body management discusses risks with
    assert _changes(
        corpus / "text/GOOGL_2025.txt",
        "The Risk and Compliance Committee has oversight responsibility",
        "The Nominating and Governance Committee has oversight responsibility",
    ) == {("fact_added", "board_oversight", "nominating and governance committee", "high")}
    # internal audit reports its results to it
    assert _changes(
        corpus / "text/NKE_2024.txt",
        "reports the results to the Audit & Finance Committee",
        "reports the results to the Technology Risk Committee",
    ) == {("fact_added", "board_oversight", "technology risk committee", "high")}
    facts = extract_facts(
        _text_disclosure(
            "Several of our Board members, including certain members of our Technology Risk Committee, have backgrounds "
            "in cybersecurity. The Technology Risk Committee receives periodic updates from our CISO on cybersecurity."
        )
    )
    assert (values(facts, "board_oversight"), values(facts, "management_committees")) == (
        {"technology risk committee"},
        set(),
    )


def test_a_committee_named_beside_the_security_officer_is_about_cybersecurity(corpus: Path) -> None:
    """A sentence naming the CISO (or the acronym the text defines for its security officer) speaks of
    cybersecurity though none of its words say so: a management committee it names is one (P&G's Ethics &
    Compliance Committee, told of incidents with the CISO)."""
    pg = extract_facts(load_path(corpus / "ixbrl/pg-10-k-fy2024.html.gz"))
    assert "ethics & compliance committee" in values(pg, "management_committees")
    told = "Significant incidents are escalated to the {} and to the Incident Review Committee, per our escalation criteria."
    lead = 'Our Global Chief Security Officer ("GCSO") leads the program. '
    for text, found in [
        (told.format("CISO"), True),
        (told.format("CSO"), True),  # a known acronym of a security title
        (lead + told.format("GCSO"), True),  # an acronym the text defines for its security officer
        (told.format("Chief Financial Officer"), False),  # no security officer: not about cybersecurity
        (told.format("CIO"), False),
        # the officer's past names another company's committee
        ("Before joining us, our CISO chaired the Operational Risk Committee at Acme Bank.", False),
        (
            "The CISO, who joined from Acme Bank where she led its Operational Risk Committee, reports to our CIO.",
            False,
        ),
    ]:
        facts = extract_facts(_text_disclosure(text))
        committees = values(facts, "management_committees")
        assert bool(committees & {"incident review committee", "operational risk committee"}) is found, text


def test_the_officer_reported_to_retitled_is_no_new_reporting_line(corpus: Path) -> None:
    """Winnebago's CIO reports to the CFO both years; in FY2025 the CFO's title adds Investor Relations,
    Information Technology and Business Development. That is the same officer retitled, not a new reporting line;
    a CIO reporting to another chief officer is one."""
    changes = [
        c
        for c in fact_changes(
            load_path(corpus / "text/WGO_2024.txt"), load_path(corpus / "text/WGO_2025.txt")
        )
        if c.fact == "reports_to"
    ]
    assert [(c.change, c.severity) for c in changes] == [("retitled", "medium")]
    assert "retitled" in (changes[0].summary or "") and "instead of" not in (changes[0].summary or "")
    path = corpus / "text/WGO_2024.txt"
    old = "Our CIO reports to our Senior Vice President, Chief Financial Officer,"
    for new, retitled in [
        ("Our CIO reports to our Senior Vice President, Chief Financial Officer and Treasurer,", True),
        ("Our CIO reports to our Senior Vice President, Chief Operating Officer,", False),
    ]:
        moved = [
            c for c in fact_changes(load_path(path), read_edited(path, old, new)) if c.fact == "reports_to"
        ]
        assert [c.change == "retitled" for c in moved] == [retitled], new


def test_who_in_turn_reports_to_is_the_next_officers_line(corpus: Path) -> None:
    """ScanSource: "Our VP reports to our CIO who, in turn, reports directly to our CEO." The responsible VP
    reports to the CIO; the CEO is the CIO's own line (a relative clause on the CIO, commas or not)."""
    for year in (2024, 2025):
        facts = extract_facts(load_path(corpus / f"text/SCSC_{year}.txt"))
        assert values(facts, "reports_to") == {"Chief Information Officer"}
    for clause in ("who, in turn, reports", "who in turn reports", ", who reports"):
        text = (
            "Our Chief Information Security Officer leads our cybersecurity program. "
            f"Our Chief Information Security Officer reports to our Chief Information Officer {clause} directly "
            "to our Chief Executive Officer."
        ).replace(" ,", ",")
        assert values(extract_facts(_text_disclosure(text)), "reports_to") == {"Chief Information Officer"}, (
            clause
        )


def test_possibly_different_person_is_named_by_the_post_it_held(corpus: Path) -> None:
    """PANW FY2025: 'our vice president acting as chief information security officer' (over 25 years) where FY2024
    had 'our chief information security officer' (over 20): the change names the post the person held, and says
    it is now held on an acting basis (a reader checking the report against the filing found 'the Vice President
    is possibly a different person', which hid both)."""
    old, new = load_path(corpus / "text/PANW_2024.txt"), load_path(corpus / "text/PANW_2025.txt")
    person = [
        c for c in fact_changes(old, new) if c.fact == "people" and c.change == "possibly_different_person"
    ]
    assert [c.severity for c in person] == ["high"]
    summary = person[0].summary or ""
    assert summary.startswith("the Chief Information Security Officer is possibly a different person: ")
    assert "Vice President, Acting Chief Information Security Officer" in summary
    assert summary.endswith("the role is now held on an acting basis")


def test_replaced_person_is_named_by_the_post_and_the_successor_by_theirs(corpus: Path) -> None:
    """AMPL: a permanent CISO (Dustin Pearce) succeeded by the Chief Engineering Officer acting as CISO (Wade
    Chambers), then by a permanent CISO (Jack Levy). A reader checking the report found 'the Acting Chief
    Information Security Officer was replaced: Dustin Pearce -> Wade Chambers', which hid the move to an acting
    holder and his main title."""
    text = corpus / "text"
    years = [load_path(text / f"AMPL_{y}.txt") for y in (2023, 2024, 2025)]
    summaries = [
        [c.summary for c in fact_changes(old, new) if c.fact == "people" and c.change == "replaced"]
        for old, new in zip(years, years[1:])
    ]
    assert summaries == [
        [
            "the Chief Information Security Officer was replaced: Dustin Pearce -> Wade Chambers (now Acting Chief "
            "Information Security Officer and Chief Engineering Officer)"
        ],
        [
            "the Acting Chief Information Security Officer was replaced: Wade Chambers -> Jack Levy (now Chief "
            "Information Security Officer)"
        ],
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "who"),
    [
        (
            "The Cybersecurity Committee meets at least twice annually with management and periodically reports "
            "to the Board on its activity.",
            "semi-annual",
            ("the cybersecurity committee", True),
        ),
        (
            "Our Audit Committee receives quarterly updates from our CISO.",
            "quarterly",
            ("the audit committee", False),
        ),
        (
            "The results are presented to a committee of our board of directors each quarter.",
            "quarterly",
            ("a committee of the board", False),
        ),
        (
            "Our CISO and representatives of the Security Council provide quarterly briefings to the Audit "
            "Committee of the Board.",
            "quarterly",
            ("the audit committee", False),
        ),
        (
            "Our CISO reports to the Board monthly and to the Risk Committee annually.",
            "monthly",
            ("the board", False),
        ),
        (
            "Our CISO reports to the Board monthly and to the Risk Committee annually.",
            "annual",
            ("the risk committee", False),
        ),
        (
            "Management reports regularly to the Board's Technology Committee.",
            "regular",
            ("the technology committee", False),
        ),
        # a defined term ("the Committee"): who it is is not in the sentence
        ("The Committee receives regular reports from management.", "regular", (None, False)),
    ],
)
def test_who_is_briefed(sentence: str, value: str, who: tuple) -> None:
    """What a briefing change says of who is briefed: the body told next to the frequency, else the sentence's
    subject (two independent readers read "the board is now briefed quarterly" where the filing has the audit
    committee briefed)."""
    from tracker.facts.governance import briefed

    assert briefed(sentence, value) == who


def test_years_in_a_relative_clause_on_the_officer_reported_to_are_that_officers() -> None:
    """Reader 7's F: "Our Chief Information Security Officer reports to our Chief Enterprise Technology Officer who has
    spent over two decades managing cybersecurity risks": the officer's years, read as the CISO's (and, as time
    "spent", first read at all). A clause on the subject keeps the years the subject's."""
    text = (
        "Our Head of Security runs the security program. Our Head of Security reports to our Chief Operating Officer "
        "who has spent nearly 30 years leading technology operations."
    )
    assert years(extract_facts(_text_disclosure(text))) == [("Chief Operating Officer", 30, "approximately")]
    text = (
        "Our Head of Security, who reports to our Chief Operating Officer, has spent nearly 30 years in security "
        "engineering."
    )
    assert years(extract_facts(_text_disclosure(text))) == [("Head of Security", 30, "approximately")]
