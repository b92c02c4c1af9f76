"""The Word report (`--format docx`): real tracked changes that accept to the new year and reject to the old,
well-formed revision marks, plain English, and a file LibreOffice opens."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from tracker.cli import app
from tracker.diff.compare import sentence_sequence
from tracker.diff.context import ComparisonContext
from tracker.diff.redline import Block, Piece, Redline, build
from tracker.facts import SPECS as FACT_SPECS
from tracker.pipeline.compare import compare_files
from tracker.render.word import REDLINE_BOOKMARK, REVISION_AUTHOR, add_redline, build_docx, write_docx
from tracker.text.normalize import comparison_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = (FIXTURES / "sample" / "nwan-10-k-fy2023.htm", FIXTURES / "sample" / "nwan-10-k-fy2024.htm")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
REVISIONS = ("ins", "del", "moveFrom", "moveTo")
RANGES = ("moveFromRangeStart", "moveToRangeStart")
AT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# --------------------------------------------------------------------------- reading the file back
def docx_parts(data: bytes) -> dict[str, etree._Element]:
    """The XML parts of a .docx that the tests read."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        return {
            name: etree.fromstring(z.read(name))
            for name in ("word/document.xml", "word/comments.xml")
            if name in names
        }


def build_bytes(ctx: ComparisonContext) -> bytes:
    out = io.BytesIO()
    build_docx(ctx, generated_at=AT).save(out)
    return out.getvalue()


def redline_paragraphs(root: etree._Element) -> list[etree._Element]:
    """The body paragraphs inside the redline bookmark."""
    (start,) = root.xpath("//w:bookmarkStart[@w:name=$name]", namespaces=NS, name=REDLINE_BOOKMARK)
    (end,) = root.xpath("//w:bookmarkEnd[@w:id=$id]", namespaces=NS, id=start.get(w("id")))
    paragraphs = root.find(w("body")).findall(w("p"))
    return paragraphs[paragraphs.index(start.getparent()) : paragraphs.index(end.getparent()) + 1]


def resolve(paragraphs: list[etree._Element], side: str) -> list[str]:
    """Accept every revision (``new``) or reject every one (``old``), as Word does, in copies of the
    paragraphs: the text of each paragraph left. A paragraph whose mark goes joins the next one."""
    accepted, rejected = ("del", "moveFrom"), ("ins", "moveTo")
    drop, keep = (accepted, rejected) if side == "new" else (rejected, accepted)
    out: list[str] = []
    carry = ""
    for original in paragraphs:
        p = copy.deepcopy(original)
        mark = p.find(f"{w('pPr')}/{w('rPr')}")
        mark_goes = mark is not None and any(mark.find(w(t)) is not None for t in drop)
        for el in [e for e in p.iter(*(w(t) for t in drop))]:
            el.getparent().remove(el)
        for el in [e for e in p.iter(*(w(t) for t in keep))]:
            parent, at = el.getparent(), el.getparent().index(el)
            for k, child in enumerate(list(el)):
                parent.insert(at + k, child)
            parent.remove(el)
        for el in [
            e
            for e in p.iter(
                *(w(f"{r}{end}") for r in ("moveFromRange", "moveToRange") for end in ("Start", "End"))
            )
        ]:
            el.getparent().remove(el)
        assert not any(True for _ in p.iter(*(w(t) for t in REVISIONS)))
        if side == "new":
            assert p.find(f".//{w('delText')}") is None
        text = "".join(t.text or "" for t in p.iter(w("t"), w("delText")))
        if mark_goes:
            carry += text
        else:
            out.append(carry + text)
            carry = ""
    assert carry == "", "the last redline paragraph lost its mark"
    return out


def check_revisions(root: etree._Element) -> dict[str, int]:
    """Every revision by the tracker at one time, ids unique, move ranges paired and around their moves,
    deleted text in w:delText only; the number of each kind of revision."""
    revisions = list(root.iter(*(w(t) for t in REVISIONS)))
    starts = list(root.iter(*(w(t) for t in RANGES)))
    assert REVISION_AUTHOR == "tracker"
    assert {e.get(w("author")) for e in revisions + starts} <= {"tracker"}
    dates = {e.get(w("date")) for e in revisions + starts}
    assert len(dates) <= 1 and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d) for d in dates)
    ids = [e.get(w("id")) for e in revisions + starts]
    others = [e.get(w("id")) for e in root.iter(w("commentRangeStart"), w("bookmarkStart"))]
    assert all(ids) and len(set(ids)) == len(ids), "revision ids repeat"
    assert not set(ids) & set(others), "a revision shares its id with a comment or bookmark"
    order = {el: k for k, el in enumerate(root.iter())}
    for kind in ("moveFrom", "moveTo"):
        opened = {e.get(w("id")): e for e in root.iter(w(f"{kind}RangeStart"))}
        closed = {e.get(w("id")): e for e in root.iter(w(f"{kind}RangeEnd"))}
        assert set(opened) == set(closed)
        names = [e.get(w("name")) for e in opened.values()]
        assert all(names) and len(set(names)) == len(names)
        spans = [(order[opened[i]], order[closed[i]]) for i in opened]
        for move in root.iter(w(kind)):
            assert any(a < order[move] < b for a, b in spans), f"a {kind} outside its range"
    from_names = {e.get(w("name")) for e in root.iter(w("moveFromRangeStart"))}
    to_names = {e.get(w("name")) for e in root.iter(w("moveToRangeStart"))}
    assert from_names == to_names, "move ranges unpaired"
    for deleted in root.iter(w("del")):
        assert deleted.find(f".//{w('t')}") is None
    for text in root.iter(w("delText")):
        assert any(a.tag == w("del") for a in text.iterancestors())
    return {kind: sum(1 for _ in root.iter(w(kind))) for kind in REVISIONS}


def check_redline(ctx: ComparisonContext, data: bytes) -> dict[str, int]:
    """Accept-all reads the new year exactly as the redline does, reject-all the old; both hold the year's
    sentences as the differ normalised them; the revision marks are well formed."""
    c = ctx.comparison
    root = docx_parts(data)["word/document.xml"]
    redline = build(c)
    paragraphs = redline_paragraphs(root)
    for side, disclosure in (("new", c.new), ("old", c.old)):
        got = resolve(paragraphs, side)
        assert got == redline.text(side)  # type: ignore[arg-type]
        want = " ".join(s.key for s in sentence_sequence(disclosure))
        assert comparison_key(" ".join(got)) == comparison_key(want)
    return check_revisions(root)


def outside_redline_text(data: bytes) -> str:
    """Every word of the report but the filing's own (title, verdict, table, appendix, comments)."""
    parts = docx_parts(data)
    root = parts["word/document.xml"]
    inside = {id(p) for p in redline_paragraphs(root)}
    words = [t.text or "" for p in root.iter(w("p")) if id(p) not in inside for t in p.iter(w("t"))]
    if "word/comments.xml" in parts:
        words += [t.text or "" for t in parts["word/comments.xml"].iter(w("t"))]
    return "\n".join(words)


def assert_plain_english(data: bytes) -> None:
    text = outside_redline_text(data)
    assert not re.search(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b", text), "a CamelCase element name is shown"
    assert "UntaggedSectionText" not in text
    for name in FACT_SPECS:
        if "_" in name:
            assert name not in text, f"internal fact name {name} shown"


# --------------------------------------------------------------------------- the sample (no corpus needed)
@pytest.fixture(scope="module")
def sample() -> tuple[ComparisonContext, bytes]:
    ctx = compare_files(*SAMPLE)
    return ctx, build_bytes(ctx)


def test_sample_redline_accepts_to_the_new_year_and_rejects_to_the_old(
    sample: tuple[ComparisonContext, bytes],
) -> None:
    ctx, data = sample
    counts = check_redline(ctx, data)
    # the sample moves one sentence, adds one, removes one and rewrites four
    assert counts["moveFrom"] == 1 and counts["moveTo"] == 1
    assert counts["ins"] >= 6 and counts["del"] >= 6
    root = docx_parts(data)["word/document.xml"]
    (move_from,) = root.iter(w("moveFrom"))
    assert (
        "".join(move_from.itertext())
        == "We require all employees to complete security awareness training each year."
    )
    # the paragraph that only the moved sentence now fills is an inserted paragraph
    (moved_to,) = root.iter(w("moveTo"))
    p = next(a for a in moved_to.iterancestors() if a.tag == w("p"))
    assert p.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None


def test_sample_report_leads_with_the_verdict_and_tables_the_fact_changes(
    sample: tuple[ComparisonContext, bytes],
) -> None:
    ctx, data = sample
    doc = Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    assert paragraphs[0] == ("Title", "NORTHWIND ANALYTICS, INC.: cybersecurity disclosure FY2023 to FY2024")
    assert "nwan-10-k-fy2023.htm" in paragraphs[1][1] and "nwan-10-k-fy2024.htm" in paragraphs[1][1]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == ["What changed", "Flags, facts and people", "Item 1C, redlined", "Appendix"]
    assert "Significant. Wording: minor edits." in [text for _, text in paragraphs]
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert bullets[0] == "Board oversight moved from the audit committee to the risk committee"
    assert any(text.startswith("Note: FY2023 carries no XBRL tags") for _, text in paragraphs)
    # the filing's sub-headings are Word headings inside the redline
    assert {("Heading 2", "Risk Management and Strategy"), ("Heading 2", "Governance")} <= set(paragraphs)

    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == [
        "What",
        "Old",
        "New",
        "Why it matters",
        "Severity",
        "Evidence",
    ]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    wanted = [ch for ch in ctx.comparison.changes if ch.kind.startswith(("flag_", "fact_"))]
    assert len(rows) == len(wanted) == 4
    assert rows[0][:5] == [
        "Board oversight moved from the audit committee to the risk committee",
        "audit committee (inferred)",
        "risk committee",
        "The board body overseeing cybersecurity changed",
        "high",
    ]
    assert rows[0][5].splitlines() == [
        "FY2023: Our Board of Directors oversees cybersecurity risk through its Audit Committee.",
        "FY2024: Our Board of Directors oversees cybersecurity risk through its Risk Committee.",
    ]
    added = next(r for r in rows if r[0] == "Framework added, with a certification: ISO/IEC 27001")
    assert added[1:3] == ["not stated", "ISO/IEC 27001"]
    assert added[5] == "FY2024: In 2024 our platform obtained ISO/IEC 27001 certification."

    appendix = doc.tables[1]
    measures = {row.cells[0].text: row.cells[1].text for row in appendix.rows[1:]}
    sim = ctx.comparison.similarity.to_json()
    assert measures == {
        "Cosine": f"{sim['cosine']:.3f}",
        "Jaccard": f"{sim['jaccard']:.3f}",
        "Minimum edit": f"{sim['min_edit']:.3f}",
        "Simple": f"{sim['simple']:.3f}",
    }
    assert all(row.cells[2].text for row in appendix.rows[1:])
    text = "\n".join(t for _, t in paragraphs)
    assert ctx.old_meta["sha256"] in text and ctx.new_meta["sha256"] in text
    assert "Generated by tracker" in text and "2025-03-01 09:30 UTC" in text
    assert_plain_english(data)


def test_sample_comments_number_the_changes_in_plain_english(sample: tuple[ComparisonContext, bytes]) -> None:
    ctx, data = sample
    comments = docx_parts(data)["word/comments.xml"]
    notes = ["".join(c.itertext()) for c in comments.iter(w("comment"))]
    assert len(notes) == len(build(ctx.comparison).changes) == 7
    assert notes[0].startswith("Change 1: moved")
    assert any(n.startswith("Change 4: reworded (high)") and "Board oversight" in n for n in notes)
    assert {c.get(w("author")) for c in comments.iter(w("comment"))} == {REVISION_AUTHOR}


def test_revision_date_is_the_generation_time(sample: tuple[ComparisonContext, bytes]) -> None:
    _, data = sample
    root = docx_parts(data)["word/document.xml"]
    assert {e.get(w("date")) for e in root.iter(*(w(t) for t in REVISIONS))} == {"2025-03-01T09:30:00Z"}


def test_unchanged_years_have_no_revision(tmp_path: Path) -> None:
    ctx = compare_files(SAMPLE[1], SAMPLE[1])
    data = build_bytes(ctx)
    assert check_redline(ctx, data) == {"ins": 0, "del": 0, "moveFrom": 0, "moveTo": 0}
    doc = Document(io.BytesIO(data))
    assert any(p.text == "No flag, fact or person changed." for p in doc.paragraphs)


# --------------------------------------------------------------------------- any redline, accepted, rejected
_WORDS = st.sampled_from(["alpha", "beta", "gamma", "delta.", " ", "  ", "x", "Risk", "Committee,"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join) | _WORDS
_OP = st.sampled_from(["equal", "insert", "delete"])


@st.composite
def redlines(draw: st.DrawFn) -> Redline:
    """Blocks of random pieces: unchanged, rewritten, added, removed and moved sentences (a move with its
    marker elsewhere), with stray white space at the edges of segments."""
    n_blocks = draw(st.integers(1, 4))
    blocks = [Block(draw(st.sampled_from(["heading", "paragraph"]))) for _ in range(n_blocks)]
    for block in blocks:
        for _ in range(draw(st.integers(0, 4))):
            kind = draw(st.sampled_from(["same", "changed", "added", "removed"]))
            if kind == "changed":
                segments = draw(st.lists(st.tuples(_OP, _TEXT), min_size=1, max_size=5))
            else:
                op = {"same": "equal", "added": "insert", "removed": "delete"}[kind]
                segments = [(op, draw(_TEXT))]
            block.pieces.append(Piece(kind, segments, []))  # type: ignore[arg-type]
    moves = []
    for _ in range(draw(st.integers(0, 2))):
        rewritten = draw(st.booleans())
        ops = (
            draw(st.lists(st.tuples(_OP, _TEXT), min_size=1, max_size=4))
            if rewritten
            else [("equal", draw(_TEXT))]
        )
        moved = Piece("moved", ops, [], rewritten=rewritten)  # type: ignore[arg-type]
        away = Piece("moved_away", [("delete", "".join(t for op, t in ops if op != "insert"))], [])
        moves.append((moved, away))
        for piece in (moved, away):
            block = blocks[draw(st.integers(0, n_blocks - 1))]
            block.pieces.insert(draw(st.integers(0, len(block.pieces))), piece)
    number = 0
    for block in blocks:
        for piece in block.pieces:
            if piece.kind not in ("same", "moved_away"):
                number += 1
                piece.number = number
    for moved, away in moves:
        away.number = moved.number
    changes = [p for b in blocks for p in b.pieces if p.number is not None and p.kind != "moved_away"]
    return Redline(blocks, changes)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(redlines())
def test_any_redline_accepts_and_rejects_exactly(redline: Redline) -> None:
    doc = Document()
    add_redline(doc, redline, AT, "FY2023", "FY2024")
    out = io.BytesIO()
    doc.save(out)
    root = docx_parts(out.getvalue())["word/document.xml"]
    if not root.xpath("//w:bookmarkStart", namespaces=NS):
        assert redline.text("old") == redline.text("new") == []
        return
    paragraphs = redline_paragraphs(root)
    assert resolve(paragraphs, "new") == redline.text("new")
    assert resolve(paragraphs, "old") == redline.text("old")
    check_revisions(root)


# --------------------------------------------------------------------------- real filings
CORPUS_PAIRS = {
    "AMZN text": ("text/AMZN_2023.txt", "text/AMZN_2024.txt"),
    "KO ixbrl": ("ixbrl/ko-10-k-fy2023.html.gz", "ixbrl/ko-10-k-fy2024.html.gz"),
    "U text": ("text/U_2023.txt", "text/U_2024.txt"),
    "GOOGL text": ("text/GOOGL_2024.txt", "text/GOOGL_2025.txt"),
    "UPWK text, rewritten": ("text/UPWK_2024.txt", "text/UPWK_2025.txt"),
    "POWI text, a sentence moved": ("text/POWI_2024.txt", "text/POWI_2025.txt"),
}


@pytest.mark.corpus
@pytest.mark.parametrize("pair", list(CORPUS_PAIRS), ids=list(CORPUS_PAIRS))
def test_corpus_pairs_accept_and_reject_exactly(corpus: Path, pair: str) -> None:
    old, new = CORPUS_PAIRS[pair]
    ctx = compare_files(corpus / old, corpus / new)
    data = build_bytes(ctx)
    counts = check_redline(ctx, data)
    text_changes = [ch for ch in ctx.comparison.changes if ch.kind.startswith("text_")]
    assert (counts["ins"] + counts["del"] > 0) == bool(text_changes)
    moved = any(p.kind == "moved" for p in build(ctx.comparison).changes)
    assert (counts["moveFrom"] > 0) == moved == ("moved" in pair)
    assert_plain_english(data)
    table = Document(io.BytesIO(data)).tables[0]
    wanted = [ch for ch in ctx.comparison.changes if ch.kind.startswith(("flag_", "fact_"))]
    if wanted:
        assert len(table.rows) == len(wanted) + 1


MOVED = (
    "We have a security policy which outlines mandatory security requirements for all of our "
    "employees, contractors or other agents."
)
TRAINING = (
    "Unity personnel are provided annual privacy training, with additional targeted training for "
    "key participants in our privacy program."
)
TRAINING_NEW = (
    "Unity personnel receive annual privacy training, with additional targeted training for key "
    "participants in our privacy and security programs."
)


@pytest.fixture
def moved_pair(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Unity FY2024 and a made-up next year in which one sentence of Item 1C moved to another paragraph and
    another moved and was reworded."""
    text = (corpus / "text" / "U_2024.txt").read_text(encoding="utf-8")
    head, marker, item = text.partition("--- ITEM 1C ---")
    assert item.count(MOVED) == item.count(TRAINING) == 1
    item = item.replace(MOVED + " ", "").replace(TRAINING + " ", "")
    third_parties = "associated with our use of any third-party service provider."
    markets = "as we expand our operations into new geographic markets."
    assert item.count(third_parties) == item.count(markets) == 1
    item = item.replace(third_parties, f"{third_parties} {MOVED}")
    item = item.replace(markets, f"{markets} {TRAINING_NEW}")
    old, new = tmp_path / "U_2024.txt", tmp_path / "U_2025.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(head + marker + item, encoding="utf-8")
    return old, new


@pytest.mark.corpus
def test_moved_sentences_are_tracked_moves(moved_pair: tuple[Path, Path]) -> None:
    ctx = compare_files(*moved_pair)
    assert [ch.text for ch in ctx.comparison.changes if ch.kind == "text_moved"] == [MOVED]
    # a sentence that moved and was reworded is a rewrite the redline shows at its new place
    assert [(p.kind, p.rewritten, p.text("new")) for p in build(ctx.comparison).changes] == [
        ("moved", False, MOVED),
        ("moved", True, TRAINING_NEW),
    ]
    data = build_bytes(ctx)
    counts = check_redline(ctx, data)
    assert counts["moveFrom"] == 2
    root = docx_parts(data)["word/document.xml"]
    moved_from = {"".join(e.itertext()) for e in root.iter(w("moveFrom"))}
    assert moved_from == {MOVED, TRAINING}
    # the reworded move: its new words are insertions inside the move range, its lost words show only where
    # it stood
    (start,) = [e for e in root.iter(w("moveToRangeStart")) if "Unity personnel" in "".join(start_text(e))]
    inside = start_text(start, until=w("moveToRangeEnd"))
    assert "".join(inside) == TRAINING_NEW


def start_text(start: etree._Element, until: str | None = None) -> list[str]:
    """The text after a range start in its paragraph (up to the element ``until``)."""
    out = []
    for el in start.itersiblings():
        if until is not None and el.tag == until and el.get(w("id")) == start.get(w("id")):
            break
        if el.tag == w("del"):
            continue
        out += [t.text or "" for t in el.iter(w("t"))]
    return out


# --------------------------------------------------------------------------- a real word processor opens it
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed; run scripts/install-system-deps")
    return path


def convert(docx: Path, fmt: str, out_dir: Path, profile: Path) -> Path:
    """Convert with LibreOffice headless in a private profile; the file written."""
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    written = out_dir / f"{docx.stem}.{fmt}"
    assert written.is_file(), result.stdout + result.stderr
    return written


def test_libreoffice_converts_the_report_to_pdf_and_reads_its_tracked_changes(
    sample: tuple[ComparisonContext, bytes], tmp_path: Path
) -> None:
    soffice()
    _, data = sample
    docx = tmp_path / "NWAN-FY2023-FY2024.docx"
    docx.write_bytes(data)
    pdf = convert(docx, "pdf", tmp_path / "out", tmp_path / "profile")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    # LibreOffice's own model of the file: the revisions are tracked changes to it, not plain text
    fodt = convert(docx, "fodt", tmp_path / "out", tmp_path / "profile").read_text(encoding="utf-8")
    assert fodt.count("<text:insertion>") >= 6 and fodt.count("<text:deletion>") >= 6


@pytest.mark.corpus
def test_libreoffice_converts_a_corpus_report(corpus: Path, tmp_path: Path) -> None:
    soffice()
    docx = tmp_path / "KO-FY2023-FY2024.docx"
    ko = corpus / "ixbrl"
    write_docx(compare_files(ko / "ko-10-k-fy2023.html.gz", ko / "ko-10-k-fy2024.html.gz"), docx)
    pdf = convert(docx, "pdf", tmp_path / "out", tmp_path / "profile")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000


# --------------------------------------------------------------------------- the command line
def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.mark.corpus
def test_compare_writes_a_docx_where_told(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "amzn.docx"
    code, output = run(
        "compare", corpus / "text/AMZN_2023.txt", corpus / "text/AMZN_2024.txt", "--format", "docx", "-o", out
    )
    assert code == 0, output
    assert zipfile.is_zipfile(out)
    assert "word/document.xml" in zipfile.ZipFile(out).namelist()
    assert Document(str(out)).paragraphs[0].text.endswith("cybersecurity disclosure FY2023 to FY2024")


def test_compare_names_the_docx_after_the_filer_and_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("compare", *SAMPLE, "--format", "docx")
    assert code == 0, output
    written = tmp_path / "NWAN-FY2023-FY2024.docx"
    assert written.is_file()
    assert "wrote NWAN-FY2023-FY2024.docx" in output
    ctx = compare_files(*SAMPLE)
    check_redline(ctx, written.read_bytes())
