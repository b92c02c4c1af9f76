"""Incidents (issue 18): 8-K reports read, fetched from a loopback EDGAR, stored and linked to the annual
disclosures around them.

The expected values of the fixtures (fixtures/8k) are what their text says (the project wrote them). The expected
links of Microsoft's and UnitedHealth's real annual reports come from reading the filings by hand:

- text/MSFT_2024.txt (FY2024, year ended June 30, 2024): Item 1C names no incident; it points to the risk
  factors for "previous cybersecurity incidents" and says "we do not believe any risks from cybersecurity
  threats have materially affected ... us". Item 1A says "as previously disclosed in our Form 8-K filed with the
  Securities and Exchange Commission on January 19, 2024 and amended on March 8, 2024 ... a nation-state
  associated threat actor ...".
- ixbrl/unh-10-k-fy2024.html.gz (FY2024): Item 1C names no incident (it says the Audit and Finance Committee
  "has also added a leading cybersecurity incident and response firm" and "has not identified any risks from
  cybersecurity threats that have materially affected"); Item 1A says "we previously reported our Change
  Healthcare business ... was subject to a cyberattack in 2024", and MD&A has "Change Healthcare Cyberattack".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from tests import edgar_server
from tests.dbrows import differences, stored_rows
from tests.edgar_server import EdgarServer, running
from tracker.cli import app
from tracker.read.incident import NotAnIncident, read_incident, read_incident_bytes
from tracker.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "8k"
UA = "Tracker Tests tests@example.com"


def read(name: str):
    return read_incident_bytes((FIXTURES / name).read_bytes())


@pytest.fixture(autouse=True)
def quick_network(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TRACKER_USER_AGENT", "TRACKER_EDGAR_URL", "TRACKER_DB", "TRACKER_EDGAR_RATE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRACKER_EDGAR_BACKOFF", "0.01")
    monkeypatch.setenv("TRACKER_EDGAR_RATE", "10")


@pytest.fixture
def edgar(corpus: Path) -> EdgarServer:
    with running(corpus) as server:
        yield server


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def fetch(edgar: EdgarServer, db: Path, *args: str):
    return run("fetch", *args, "--edgar-url", edgar.url, "--user-agent", UA, "--db", str(db))


def incidents(db: Path, *args: str) -> list[dict]:
    result = run("incidents", *args, "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -- reading -----------------------------------------------------------------------------------------
def test_item_105_not_yet_determined_then_its_amendment_says_material() -> None:
    first = read("nwan-8k-2024-03-04.htm")
    assert (first.form, first.item, first.items) == ("8-K", "1.05", ["1.05"])
    assert first.materiality.value == "not yet determined"
    assert "has not yet determined whether" in first.materiality.evidence
    assert first.detected.value == "2024-02-27" and first.report_date.value == "2024-02-27"
    assert [v.value for v in first.nature] == ["ransomware", "data exfiltration"]
    assert first.data_taken.value is True and first.operational_impact.value == "disrupted"
    assert first.status.value == "ongoing"
    amendment = read("nwan-8ka-2024-03-28.htm")
    assert amendment.amendment and amendment.materiality.value == "material"
    assert amendment.determined_material.value == "2024-03-22"
    assert "determined that the ransomware incident" in amendment.determined_material.evidence
    assert amendment.updates.value == "2024-03-04" and amendment.status.value == "contained"


def test_item_801_voluntary_report_is_an_incident_with_its_rule() -> None:
    report = read("nwan-8k-2024-09-10.htm")
    assert report.item == "8.01" and report.cyber_evidence is not None
    assert report.cyber_evidence.rule.startswith("cyber:")
    assert "unauthorized third party" in report.cyber_evidence.evidence
    assert report.data_taken.value is False  # "no evidence that any customer data was exfiltrated"
    assert "data exfiltration" not in [v.value for v in report.nature]
    assert "third-party or vendor compromise" in [v.value for v in report.nature]
    assert report.operational_impact.value == "not disrupted" and report.materiality.value == "not material"


def test_unrelated_8k_is_refused_though_its_boilerplate_names_ransomware() -> None:
    with pytest.raises(NotAnIncident, match="reports no cybersecurity incident"):
        read("nwan-8k-2024-05-01.htm")


def test_no_recognisable_item_is_one_sentence() -> None:
    with pytest.raises(NotAnIncident, match=r"^the 8-K has no recognisable item .*nothing was stored\.$"):
        read_incident(["FORM 8-K", "CURRENT REPORT", "The Company held its annual picnic."])


def test_dates_that_are_not_a_day_are_kept_as_written() -> None:
    report = read_incident(
        [
            "FORM 8-K",
            "Item 1.05 Material Cybersecurity Incidents",
            "In late November 2023, the Company detected suspicious activity by a threat actor in its network.",
            "The Company determined in early December 2023 that the incident is material.",
        ]
    )
    assert report.detected.value == "late November 2023" and report.detected.written == "late November 2023"
    assert report.determined_material.value == "early December 2023"
    assert report.materiality.value == "material"


def test_microsoft_and_unitedhealth_shapes() -> None:
    msft = read("msft-8k-2024-01-19.htm")
    assert msft.detected.value == "2024-01-12" and msft.materiality.value == "not yet determined"
    assert "nation-state actor" in [v.value for v in msft.nature] and msft.data_taken.value is True
    assert msft.operational_impact.value == "not disrupted"
    unh = read("unh-8k-2024-02-22.htm")
    assert unh.detected.value == "2024-02-21" and unh.materiality.value == "not yet determined"
    assert unh.status is None  # "to contain, assess and remediate" is an intention, not containment


# -- fetched, stored, linked ---------------------------------------------------------------------------
def test_fetch_stores_incidents_links_the_amendment_and_ignores_the_unrelated_8k(
    edgar: EdgarServer, tmp_path: Path
) -> None:
    db = tmp_path / "t.db"
    result = fetch(edgar, db, "NWAN", "--forms", "10-K,8-K")
    assert result.exit_code == 0, result.output
    assert "8-K/A Item 1.05 filed 2024-03-28 v1 new (update of 0009999901-24-000041)" in result.output
    assert "3 current reports: 3 incident reports" in result.output
    assert not edgar.seen("/Archives/edgar/data/9999901/000999990124000043/")  # 2.02/5.02: never downloaded
    items = incidents(db, "NWAN")
    assert [(i["item"], i["filing_date"]) for i in items] == [("1.05", "2024-03-04"), ("8.01", "2024-09-10")]
    first = items[0]
    assert first["materiality"] == "material"  # the 8-K/A's statement wins over the first report's
    assert [u["form"] for u in first["updates"]] == ["8-K/A"]
    assert (first["before"]["fiscal_year"], first["after"]["fiscal_year"]) == (2023, 2024)
    assert first["mention"]["where"] == "not mentioned" and first["still_not_material"] is True
    assert "still says no cybersecurity threat has materially affected" in first["review"]
    assert {f["topic"] for f in first["followed"]} >= {"oversight", "framework"}
    assert items[1]["review"] is None  # a not-material incident and a no-material statement agree
    again = fetch(edgar, db, "NWAN", "--forms", "8-K")
    assert again.exit_code == 0 and "0 new or new versions, 3 unchanged" in again.output
    with Store(db) as store:
        assert store.db["incidents"].count == 3 and store.db["incident_links"].count == 1


def test_orphan_amendment_is_linked_when_its_first_report_arrives(edgar: EdgarServer, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert fetch(edgar, db, "NWAN", "--forms", "8-K/A").exit_code == 0
    (orphan,) = incidents(db, "NWAN")
    assert orphan["form"] == "8-K/A" and "orphan" in orphan["review"]
    result = fetch(edgar, db, "NWAN", "--forms", "8-K")
    assert "(its update 0009999901-24-000042 linked)" in result.output
    first = incidents(db, "NWAN")[0]
    assert first["form"] == "8-K" and [u["accession"] for u in first["updates"]] == ["0009999901-24-000042"]


GOLD_LINKS = json.loads(
    (Path(__file__).resolve().parent / "data" / "incidents" / "links.json").read_text(encoding="utf-8")
)["links"]


@pytest.mark.parametrize("gold", GOLD_LINKS, ids=[g["filer"] for g in GOLD_LINKS])
def test_link_finds_where_microsoft_and_unitedhealth_mention_their_incidents(
    edgar: EdgarServer, tmp_path: Path, gold: dict
) -> None:
    db = tmp_path / "t.db"
    result = fetch(edgar, db, gold["filer"], "--forms", "10-K,8-K")
    assert result.exit_code == 0, result.output
    first = next(i for i in incidents(db, gold["filer"]) if i["filing_date"] == gold["first_report"])
    assert first["after"]["fiscal_year"] == gold["fiscal_year"]
    where = (
        "item 1C"
        if gold["mentioned_in_item_1c"]
        else ("elsewhere in the annual report" if gold["mentioned_elsewhere"] else "not mentioned")
    )
    assert first["mention"]["where"] == where
    assert any(
        said in first["mention"]["evidence"]
        for said in (gold["evidence_contains"], gold.get("or_evidence_contains", gold["evidence_contains"]))
    )
    assert gold["item_1c_pointer_contains"] in first["mention"]["pointer"]
    assert first["still_not_material"] is gold["still_not_material"]
    assert first["review"] is None  # both 8-Ks said materiality was not yet determined


def test_incidents_text_and_csv(edgar: EdgarServer, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    fetch(edgar, db, "NWAN", "--forms", "10-K,8-K")
    text = run("incidents", "--db", str(db))
    assert text.exit_code == 0
    assert (
        "NWAN  8-K Item 1.05 filed 2024-03-04 (ransomware, data exfiltration; material, 1 update)"
        in text.output
    )
    assert "TO REVIEW (high)" in text.output
    table = run("incidents", "NWAN", "--format", "csv", "--db", str(db))
    lines = table.output.splitlines()
    assert lines[0].startswith("filer,cik,ticker,accession,form,item,filing_date")
    assert len(lines) == 3 and ",material,contained," in lines[1]
    bad = run("incidents", "--format", "xml", "--db", str(db))
    assert bad.exit_code == 2 and "unknown format 'xml'" in bad.output


def test_unrecognisable_8k_stores_nothing(tmp_path: Path) -> None:
    from tracker.pipeline.incidents import ingest_incident

    with Store(tmp_path / "t.db") as store:
        with pytest.raises(NotAnIncident):
            ingest_incident(
                store, (FIXTURES / "nwan-8k-2024-05-01.htm").read_bytes(), source_path="x", cik="0009999901"
            )
        assert store.db["incidents"].count == 0 and store.db["sources"].count == 0


def test_diff_history_and_reports_show_the_incident_first(edgar: EdgarServer, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    fetch(edgar, db, "NWAN", "--forms", "10-K,8-K")
    text = run("diff", "NWAN", "2023", "2024", "--db", str(db))
    assert text.output.startswith(
        "Between FY2023 and FY2024: 8-K Item 1.05 filed 2024-03-04 (ransomware, data exfiltration; material, "
        "1 update); FY2024: not mentioned; still says nothing material; HIGH, TO REVIEW:"
    )
    data = json.loads(run("diff", "NWAN", "2023", "2024", "--format", "json", "--db", str(db)).output)
    assert len(data["incidents"]) == 2 and data["changes"]
    assert data["significance"] == "significant"  # the verdict leads with the high finding
    assert data["top_changes"][0].startswith(
        "to review: an 8-K reported a material cybersecurity incident on 2024-03-04"
    )
    html = run("diff", "NWAN", "2023", "2024", "--format", "html", "--db", str(db)).output
    assert html.index('id="incidents"') < html.index("Verdict:")
    run("diff", "NWAN", "2023", "2024", "--format", "docx", "-o", str(tmp_path / "r.docx"), "--db", str(db))
    paragraphs = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    heading = paragraphs.index("Incidents between the two years")
    assert paragraphs[heading + 1].startswith(
        "Between FY2023 and FY2024: 8-K Item 1.05 filed 2024-03-04 (ransomware"
    )
    assert heading < paragraphs.index("What changed")  # the Word report, too, says it before the verdict
    history = run("history", "NWAN", "--db", str(db)).output
    assert "Incidents (Form 8-K)\n  8-K Item 1.05 filed 2024-03-04" in history
    assert 'id="incidents"' in run("history", "NWAN", "--format", "html", "--db", str(db)).output


def test_ingest_stores_a_local_8k_as_an_incident_beside_the_annual_reports(tmp_path: Path) -> None:
    """Offline, a folder holding a filer's 10-Ks and its 8-Ks: `ingest --filer` stores the reports as incidents (the
    amendment linked to its first report), and the comparison of the two years leads with the incident."""
    folder = tmp_path / "nwan"
    folder.mkdir()
    sample = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    for source in [
        *sample.iterdir(),
        FIXTURES / "nwan-8k-2024-03-04.htm",
        FIXTURES / "nwan-8ka-2024-03-28.htm",
    ]:
        (folder / source.name).write_bytes(source.read_bytes())
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), "--filer", "NWAN", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "nwan-8ka-2024-03-28.htm: NORTHWIND ANALYTICS, INC. 8-K incident report" in result.output
    assert (
        "4 files read: 2 new, 0 unchanged, 0 new versions, 2 8-K incident reports, 0 rejected"
        in result.output
    )
    (stored,) = incidents(db, "NWAN")
    assert stored["form"] == "8-K" and stored["filing_date"] == "2024-03-04"
    assert [u["form"] for u in stored["updates"]] == ["8-K/A"]
    assert run("diff", "NWAN", "2023", "2024", "--db", str(db)).output.startswith(
        "Between FY2023 and FY2024: 8-K Item 1.05 filed 2024-03-04 (ransomware, data exfiltration; material, "
        "1 update)"
    )
    again = run("ingest", str(FIXTURES / "nwan-8k-2024-03-04.htm"), "--filer", "NWAN", "--db", str(db))
    assert again.exit_code == 0 and again.output.rstrip().endswith("v1 unchanged")


def test_a_local_8k_is_read_with_the_press_release_beside_it(tmp_path: Path) -> None:
    """An Item 7.01 report that only furnishes a press release (EX-99.1) is an incident when the release beside it
    in the folder tells one, as `fetch` reads it; the next report's release is about something else."""
    folder = tmp_path / "qfc"
    folder.mkdir()
    for source in sorted(FIXTURES.glob("qfc-*")):
        (folder / source.name).write_bytes(source.read_bytes())
    (
        folder / "stray"
    ).mkdir()  # a press release whose 8-K is not there: refused alone, never paired by folder
    (folder / "stray" / "press-ex99.htm").write_bytes((FIXTURES / "qfc-ex991-2024-06-10.htm").read_bytes())
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), "--filer", "QFC", "--db", str(db))
    assert result.exit_code == 2  # (one report refused: it reports no incident; and the stray release)
    assert (
        "press-ex99.htm: it looks like an Exhibit 99 (by its file name) but no 8-K beside it" in result.output
    )
    assert "rejected " + str(
        folder / "qfc-8k-2024-08-01.htm"
    ) + ": the 8-K (items 8.01, 9.01) reports no" in (result.output)
    (incident,) = incidents(db, "QFC")
    values = incident["values"]
    assert values["item"] == "7.01" and values["furnished"] == ["qfc-ex991-2024-06-10.htm"]
    assert [n["value"] for n in values["nature"]] == ["ransomware"]
    assert values["detected"]["value"] == "2024-06-06"


def test_a_local_8k_reads_every_press_release_beside_it(tmp_path: Path) -> None:
    """An 8-K furnishing two releases (EX-99.1, EX-99.2) reads both, whichever tells the incident: a second release
    matching the same 8-K no longer takes the first one's place (which left the report refused as telling no
    incident when the dividend release came last)."""
    folder = tmp_path / "qfc"
    folder.mkdir()
    (folder / "qfc-8k-2024-06-10.htm").write_bytes((FIXTURES / "qfc-8k-2024-06-10.htm").read_bytes())
    (folder / "qfc-ex991-2024-06-10.htm").write_bytes((FIXTURES / "qfc-ex991-2024-06-10.htm").read_bytes())
    (folder / "qfc-ex992-2024-06-10.htm").write_bytes((FIXTURES / "qfc-ex991-2024-08-01.htm").read_bytes())
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), "--filer", "QFC", "--db", str(db))
    assert result.exit_code == 0, result.output
    (incident,) = incidents(db, "QFC")
    values = incident["values"]
    assert values["furnished"] == ["qfc-ex991-2024-06-10.htm", "qfc-ex992-2024-06-10.htm"]
    assert [n["value"] for n in values["nature"]] == ["ransomware"]
    assert values["detected"]["value"] == "2024-06-06"


def test_a_local_8k_without_a_filer_or_without_an_incident_is_one_sentence_and_stores_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "t.db"
    sample = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    assert run("ingest", str(sample), "--db", str(db)).exit_code == 0
    before = stored_rows(db)
    unnamed = run("ingest", str(FIXTURES / "msft-8k-2024-01-19.htm"), "--db", str(db))
    assert unnamed.exit_code == 2
    assert unnamed.output == (
        f"error: {FIXTURES / 'msft-8k-2024-01-19.htm'}: an 8-K names no filer the tracker can rely on; pass "
        "--filer CIK or --filer TICKER.\n"
    )
    other = run("ingest", str(FIXTURES / "oddco-8k-no-item.htm"), "--filer", "ODD", "--db", str(db))
    assert other.exit_code == 2 and "the 8-K has no recognisable item" in other.output
    assert other.output.count("\n") == 1
    assert differences(before, stored_rows(db)) == []


def test_diff_without_incidents_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    sample = Path(__file__).resolve().parent.parent / "fixtures" / "sample"
    assert run("ingest", str(sample), "--db", str(db)).exit_code == 0
    data = json.loads(run("diff", "NWAN", "2023", "2024", "--format", "json", "--db", str(db)).output)
    assert "incidents" not in data
    assert not run("diff", "NWAN", "2023", "2024", "--db", str(db)).output.startswith("Between")


def test_update_mails_new_incidents_at_once_most_severe_first(
    edgar: EdgarServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket
    from email import policy
    from email.parser import BytesParser

    from aiosmtpd.controller import Controller

    from tests.smtp_server import Inbox

    inbox = Inbox()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("TRACKER_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("TRACKER_MAIL_FROM", "tracker@example.com")
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("MSFT\nNWAN\n")
    db = tmp_path / "t.db"
    args = ["update", "--watchlist", str(watchlist), "--forms", "8-K", "--email", "desk@example.com"]
    try:
        result = run(*args, "--edgar-url", edgar.url, "--user-agent", UA, "--db", str(db))
        again = run(*args, "--edgar-url", edgar.url, "--user-agent", UA, "--db", str(db))
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert "NWAN incident 0009999901-24-000041 8-K Item 1.05 filed 2024-03-04 v1 new" in result.output
    assert "digest: sent to desk@example.com, covering 3 new incidents first" in result.output
    assert "0 new versions, 5 incident reports (5 new), 0 failed" in result.output
    assert len(inbox.received) == 1  # the second run has nothing new: no message
    assert "nothing new since the last digest" in again.output
    msg = BytesParser(policy=policy.default).parsebytes(inbox.received[0][2])
    assert msg["Subject"].startswith(
        "New incident: Northwind Analytics, Inc.: 8-K Item 1.05 filed 2024-03-04"
    )
    body = msg.get_body(("plain",)).get_content()
    order = [body.index(s) for s in ("filed 2024-03-04 (ransomware", "filed 2024-01-19", "filed 2024-09-10")]
    assert order == sorted(order)  # material first, then not yet determined, then not material


def test_datasette_serves_incidents_and_the_not_mentioned_query(edgar: EdgarServer, tmp_path: Path) -> None:
    from tests.test_browse import get, serving

    db = tmp_path / "incidents.db"
    for filer in ("NWAN", "MSFT"):
        assert fetch(edgar, db, filer, "--forms", "10-K,8-K").exit_code == 0
    with serving(db) as running:
        status, body = get(running.base, "incidents/incidents.json", _shape="array")
        assert status == 200 and len(json.loads(body)) == 5  # NWAN 8-K, 8-K/A, 8.01; MSFT 8-K, 8-K/A
        status, body = get(
            running.base, "incidents/incidents_not_in_next_disclosure.json", _shape="array", filer=""
        )
        found = json.loads(body)
    assert status == 200, body
    assert [(r["ticker"], r["filing_date"], r["mention"]) for r in found] == [
        ("NWAN", "2024-03-04", "not mentioned"),  # to review first
        ("NWAN", "2024-09-10", "not mentioned"),
        ("MSFT", "2024-01-19", "elsewhere in the annual report"),
    ]
    assert "still says no cybersecurity threat" in found[0]["review"]


HPE_SHAPE = """<html><body><p>SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 8-K</p><p>CURRENT REPORT</p>
<p>Date of Report (Date of earliest event reported): January 19, 2024</p>
<table><tr><td><b>Item 1.05.</b></td><td><b>Material Cybersecurity Incidents.</b></td></tr></table>
<p>On December 12, 2023, Acme Enterprise Company was notified that a suspected nation-state actor gained
unauthorized access to its cloud-based email environment. Acme immediately activated its response process to
investigate, contain, and remediate the incident, eradicating the activity.</p>
<p>As of the date of this filing, the incident has not had a material impact on Acme's operations, financial
condition or results of operations.</p></body></html>"""
ONE_CELL = """FORM 8-K
CURRENT REPORT
ITEM 1.05. MATERIAL CYBERSECURITY INCIDENTS. On or about March 1, 2024, Beta Corp. (the "Company") became aware of a \
ransomware attack that encrypted certain of its manufacturing systems, causing the Company to temporarily halt \
production at two plants. The Company has determined that the incident is reasonably likely to materially impact \
the Company's results of operations for the first quarter. The Company's investigation remains ongoing.
ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS.
"""
UPDATE_801 = """FORM 8-K/A
CURRENT REPORT
Item 8.01 Other Events
As previously reported in the Current Report on Form 8-K filed on March 5, 2024, Beta Corp. experienced a \
cybersecurity incident. The Company has restored its systems. The Company determined on April 2, 2024 that the \
incident was not material.
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (HPE_SHAPE, {"detected": "2023-12-12", "materiality": "not material", "status": "contained"}),
        (
            ONE_CELL,
            {
                "detected": "2024-03-01",
                "materiality": "material",
                "status": "ongoing",
                "operational_impact": "disrupted",
            },
        ),
        (UPDATE_801, {"updates": "2024-03-05", "materiality": "not material", "status": "contained"}),
    ],
    ids=["heading-in-a-table", "heading-and-text-in-one-paragraph", "8.01-update"],
)
def test_reports_shaped_unlike_the_fixtures(source: str, expected: dict) -> None:
    incident = read_incident_bytes(source.encode())
    assert {key: getattr(incident, key).value for key in expected} == expected


def test_an_8k_with_no_recognisable_item_fails_in_one_sentence_and_stores_nothing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests import edgar_server

    odd = edgar_server.Filer(
        9999902,
        "Oddco Holdings, Inc.",
        ["ODDC"],
        [],
        [edgar_server.Current("fixture:8k/oddco-8k-no-item.htm", "8-K", "2024-06-04", "", 3)],
    )
    monkeypatch.setattr(edgar_server, "FILERS", [*edgar_server.FILERS, odd])
    monkeypatch.setattr(edgar_server, "submissions", _submissions_without_annual(edgar_server.submissions))
    db = tmp_path / "t.db"
    with running(corpus) as server:
        result = fetch(server, db, "ODDC", "--forms", "8-K")
    assert result.exit_code == 2
    assert (
        "0009999902-24-000003 8-K filed 2024-06-04 failed: the 8-K has no recognisable item" in result.stdout
    )
    assert result.stderr.strip().count("\n") == 0 and "could not be stored" in result.stderr
    with Store(db) as store:
        assert store.db["incidents"].count == 0


def _submissions_without_annual(original):  # type: ignore[no-untyped-def]
    """The server's submissions, for a filer that has no annual report (only current reports)."""

    def submissions(filer):  # type: ignore[no-untyped-def]
        if filer.docs:
            return original(filer)
        rows = [edgar_server._current_row(filer, c) for c in filer.current]
        main = {
            "cik": str(filer.cik),
            "name": filer.name,
            "tickers": filer.tickers,
            "filings": {"recent": edgar_server._columns(rows), "files": []},
        }
        return main, {}

    return submissions


def test_an_amendment_naming_the_date_of_report_is_linked_too(tmp_path: Path) -> None:
    from tracker.pipeline.incidents import ingest_incident

    first = (FIXTURES / "nwan-8k-2024-03-04.htm").read_bytes()
    amendment = (
        (FIXTURES / "nwan-8ka-2024-03-28.htm")
        .read_bytes()
        .replace(b"with the Securities and Exchange Commission on March 4, 2024", b"dated February 27, 2024")
    )
    with Store(tmp_path / "t.db") as store:
        ingest_incident(
            store, first, source_path="a", cik="0009999901", accession="A1", filing_date="2024-03-04"
        )
        stored = ingest_incident(
            store, amendment, source_path="b", cik="0009999901", accession="A2", filing_date="2024-03-28"
        )
    assert stored.linked == [("A2", "A1")]


@pytest.mark.parametrize(
    "cover",
    [
        ["Date of Report (Date of earliest event reported):", "January 12, 2024"],
        ["January 12, 2024", "Date of Report (Date of earliest event reported)"],
        ["Date of Report (Date of earliest event reported): January 12, 2024"],
    ],
    ids=["date-below", "date-above", "date-beside"],
)
def test_the_date_of_report_is_read_wherever_the_cover_puts_it(cover: list[str]) -> None:
    report = read_incident(
        ["FORM 8-K", *cover, "Item 1.05 Material Cybersecurity Incidents", "A threat actor."]
    )
    assert report.report_date.value == "2024-01-12"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Company does not currently believe the incident has had or is reasonably likely to have a "
            "material impact on its financial condition.",
            "not material",
        ),
        (
            "The incident has had, and is reasonably likely to continue to have, a material impact on the "
            "Company's operations.",
            "material",
        ),
        (
            "The Company is still evaluating whether the incident is reasonably likely to materially impact its "
            "results.",
            "not yet determined",
        ),
        (
            "As of the date of this report, the incident has not had a material impact on operations.",
            "not material",
        ),
    ],
)
def test_materiality_statements_as_filers_word_them(sentence: str, expected: str) -> None:
    report = read_incident(
        ["FORM 8-K", "Item 1.05 Material Cybersecurity Incidents", "A threat actor.", sentence]
    )
    assert report.materiality.value == expected and report.materiality.evidence == sentence


# -- wordings found by an outside tester, written again in other words (issue 18, second pass) -----------
def report_of(*paragraphs: str, form: str = "FORM 8-K"):
    """An Item 1.05 report made of these paragraphs."""
    return read_incident([form, "CURRENT REPORT", "Item 1.05 Material Cybersecurity Incidents", *paragraphs])


def test_a_sentence_ending_in_a_company_suffix_ends_and_the_determination_has_its_own_date() -> None:
    report = report_of(
        "As disclosed earlier, on June 3, 2024, an intrusion was detected in the systems of the Company's "
        "logistics unit, Orrin Cargo Ltd. On June 20, 2024, following a review with outside counsel, management "
        "determined that the intrusion was material to the Company."
    )
    assert report.detected.value == "2024-06-03"
    assert report.determined_material.value == "2024-06-20"
    assert report.determined_material.evidence.startswith("On June 20, 2024, following a review")
    other = report_of(
        "The intrusion, first detected on July 1, 2024, was reviewed by the Board, which determined on July 9, "
        "2024 that it constitutes a material cybersecurity incident."
    )
    assert other.determined_material.value == "2024-07-09" and other.detected.value == "2024-07-01"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Production at the Company's plants has not been interrupted.", "not disrupted"),
        ("Store operations continued without disruption throughout the event.", "not disrupted"),
        ("The attack interrupted order processing at two warehouses for several days.", "disrupted"),
    ],
)
def test_operational_impact_reads_negation(sentence: str, expected: str) -> None:
    report = report_of("A threat actor encrypted certain servers.", sentence)
    assert report.operational_impact.value == expected and report.operational_impact.evidence == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Management has concluded that the event has not had, and the Company does not expect it to have, a "
        "material effect on its results.",
        "The incident is not expected to have, individually or together with related costs, a material adverse "
        "effect on the Company.",
    ],
)
def test_not_material_with_its_parts_set_off_by_commas(sentence: str) -> None:
    report = report_of("A threat actor encrypted certain servers.", sentence)
    assert report.materiality.value == "not material" and report.materiality.evidence == sentence


def test_an_amendment_named_as_a_noun_gives_the_date_of_the_report_it_updates() -> None:
    report = read_incident(
        [
            "FORM 8-K/A",
            "CURRENT REPORT",
            "Explanatory Note",
            "Beta Corp. submits this Amendment No. 2 to the Current Report on Form 8-K that it filed on July 15, "
            "2024, solely to add the information below.",
            "Item 1.05 Material Cybersecurity Incidents",
            "The threat actor no longer has access to the Company's network.",
        ]
    )
    assert report.updates.value == "2024-07-15" and "Amendment No. 2" in report.updates.evidence


def test_ordinal_dates_are_read_and_a_day_without_its_year_is_kept_as_written() -> None:
    report = report_of(
        "On the 2nd of July 2024, the Company discovered ransomware on its payroll servers.",
        "On July 19th, 2024, the Audit Committee determined that the incident is material.",
        "The actor first entered the network around September 9th, as the investigation later showed.",
    )
    assert report.detected.value == "2024-07-02"
    assert report.determined_material.value == "2024-07-19"
    later = report_of("The Company became aware of unauthorized access around September 9th.")
    assert later.detected.value == "September 9th" and later.detected.written == "September 9th"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Company is working to determine whether personal information was stolen.",
        "Forensic specialists are reviewing logs to learn if the actor copied files from a shared drive.",
        "The threat actor may have exfiltrated a limited set of records.",
    ],
)
def test_an_open_question_about_data_is_not_a_statement_that_data_was_taken(sentence: str) -> None:
    report = report_of("A threat actor encrypted certain servers.", sentence)
    assert report.data_taken is None
    assert "data exfiltration" not in [v.value for v in report.nature]
    stated = report_of("A threat actor encrypted certain servers and stole payroll records.")
    assert stated.data_taken.value is True


ANNUAL = """Item 1C. Cybersecurity

Risk Management and Strategy

Our program follows the NIST Cybersecurity Framework. {advisor}

In 2022 an unauthorized party reached a file server of Dunmore Plastics, our packaging subsidiary; it did not materially affect us.
{mention}
Governance

Our Chief Information Security Officer reports to the Audit Committee of the Board each quarter. For the risks we face, see "Item 1A. Risk Factors." We have not identified any risks from cybersecurity threats that have materially affected us.

Item 2. Properties

We lease our offices.
"""
DUNMORE_8K = b"""FORM 8-K

CURRENT REPORT

Date of Report (Date of earliest event reported): May 1, 2024

Item 1.05 Material Cybersecurity Incidents

On May 1, 2024, the Company detected ransomware on servers of Dunmore Plastics, its packaging subsidiary. The \
Company engaged Calloway Forensics to investigate. The Company has not yet determined whether the incident is \
reasonably likely to materially impact it.
"""


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("", None),
        (
            "As we reported on Form 8-K in May 2024, ransomware encrypted servers of Dunmore Plastics; they were "
            "restored within a week.",
            "As we reported on Form 8-K in May 2024, ransomware encrypted servers of Dunmore Plastics",
        ),
    ],
    ids=["not-mentioned", "mentioned-after-a-sentence-naming-the-same-advisor"],
)
def test_a_mention_speaks_of_the_incident_and_was_not_already_there(
    tmp_path: Path, mention: str, expected: str | None
) -> None:
    """An advisor named in the 8-K and in a program sentence, and a sentence about an older incident of the same
    subsidiary that the earlier year already held, are not mentions; the sentence about this incident is."""
    from tracker.pipeline.incidents import ingest_incident

    db = tmp_path / "t.db"
    years = {
        2023: ANNUAL.format(
            advisor="We keep Calloway Forensics on retainer for incident response readiness.", mention=""
        ),
        2024: ANNUAL.format(
            advisor="Calloway Forensics remains on retainer to support our incident response planning.",
            mention=mention,
        ),
    }
    for year, text in years.items():
        path = tmp_path / f"dun-{year}.txt"
        path.write_text(text, encoding="utf-8")
        args = ("ingest", str(path), "--filer", "0009999977", "--name", "Dunmore Group", "--year", str(year))
        assert run(*args, "--form", "10-K", "--db", str(db)).exit_code == 0
    with Store(db) as store:
        ingest_incident(
            store, DUNMORE_8K, source_path="8k", cik="0009999977", accession="D1", filing_date="2024-05-06"
        )
    (found,) = incidents(db, "0009999977")
    assert found["after"]["fiscal_year"] == 2024
    if expected is None:
        assert found["mention"]["where"] == "not mentioned"
        assert found["mention"]["pointer"] == 'For the risks we face, see "Item 1A. Risk Factors."'
    else:
        assert found["mention"]["where"] == "item 1C" and found["mention"]["evidence"].startswith(expected)


def test_a_report_listed_after_the_last_run_is_fetched_at_the_next_and_the_listing_asked_once_per_run(
    edgar: EdgarServer, tmp_path: Path
) -> None:
    """The submissions listing is never reused from an earlier run without asking EDGAR (it changes whenever
    the company files), and one run asks for it once, for its annual reports and its 8-Ks together."""
    import copy

    path = "/submissions/CIK0009999901.json"
    full = edgar.routes[path]
    earlier = copy.deepcopy(full[1])
    recent = earlier["filings"]["recent"]  # type: ignore[index]
    kept = [i for i, a in enumerate(recent["accessionNumber"]) if a != "0009999901-24-000041"]
    for key, column in recent.items():
        recent[key] = [column[i] for i in kept]
    edgar.routes[path] = ("json", earlier)
    db = tmp_path / "t.db"
    first = fetch(edgar, db, "NWAN", "--forms", "10-K,8-K")
    assert first.exit_code == 0, first.output
    assert "0009999901-24-000041" not in first.output and len(edgar.seen(path)) == 1
    edgar.routes[path] = full  # the company's 8-K now listed
    again = fetch(edgar, db, "NWAN", "--forms", "10-K,8-K")
    assert again.exit_code == 0, again.output
    assert "0009999901-24-000041 8-K Item 1.05 filed 2024-03-04 v1 new" in again.output
    assert "(its update 0009999901-24-000042 linked)" in again.output
    assert [r.status for r in edgar.seen(path)] == [200, 200]  # changed: downloaded again, once


def test_an_item_7_01_whose_account_is_in_its_press_release_is_read_from_exhibit_99(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 7.01 often says only that a press release is furnished as Exhibit 99.1: the incident is read from
    the exhibit the filing index lists; a dividend release under Item 8.01 is still no incident."""
    from tests import edgar_server

    qfc = edgar_server.Filer(
        9999951,
        "Quillon Freight Corporation",
        ["QFC"],
        [],
        [
            edgar_server.Current(
                "fixture:8k/qfc-8k-2024-06-10.htm",
                "8-K",
                "2024-06-10",
                "7.01,9.01",
                5,
                "fixture:8k/qfc-ex991-2024-06-10.htm",
            ),
            edgar_server.Current(
                "fixture:8k/qfc-8k-2024-08-01.htm",
                "8-K",
                "2024-08-01",
                "8.01,9.01",
                9,
                "fixture:8k/qfc-ex991-2024-08-01.htm",
            ),
        ],
    )
    monkeypatch.setattr(edgar_server, "FILERS", [*edgar_server.FILERS, qfc])
    monkeypatch.setattr(edgar_server, "submissions", _submissions_without_annual(edgar_server.submissions))
    db = tmp_path / "t.db"
    with running(corpus) as server:
        result = fetch(server, db, "QFC", "--forms", "8-K")
        seen = [r.path for r in server.seen()]
    assert result.exit_code == 0, result.output
    assert "0009999951-24-000005 8-K Item 7.01 filed 2024-06-10 v1 new" in result.stdout
    assert (
        "0009999951-24-000009 8-K filed 2024-08-01 skipped: its Item 8.01, 9.01 is not about" in result.stdout
    )
    assert any(p.endswith("qfc-ex991_20240610.htm") for p in seen)
    out = run("incidents", "QFC", "--format", "json", "--db", str(db))
    assert out.exit_code == 0, out.output
    [incident] = json.loads(out.stdout)
    values = incident["values"]
    assert values["item"] == "7.01" and values["furnished"] == ["qfc-ex991_20240610.htm"]
    assert "ransomware" in values["cyber_evidence"]["evidence"]
    assert [n["value"] for n in values["nature"]] == ["ransomware"]
    assert values["detected"]["value"] == "2024-06-06"
    assert values["operational_impact"]["value"] == "disrupted"
    assert values["materiality"]["value"] == "not yet determined"
    with Store(db) as store:
        assert store.db["incidents"].count == 1
