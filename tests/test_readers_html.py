"""The HTML reader against the real Inline XBRL 10-Ks of the corpus (tagged and untagged)."""

from __future__ import annotations

import difflib
import gzip
import re
from functools import lru_cache
from pathlib import Path

import pytest

from tracker.errors import BadInput
from tracker.models import UNTAGGED_ELEMENT, Disclosure
from tracker.pipeline.load import load_bytes, load_path
from tracker.read.html import parse_date, read_html
from tracker.text.normalize import comparison_key, paragraphs

UNTAGGED = [
    "amzn-10-k-fy2023",
    "googl-10-k-fy2023",
    "jnj-10-k-fy2023",
    "ko-10-k-fy2023",
    "tsla-10-k-fy2023",
    "pg-10-k-fy2024",
    "wmt-10-k-fy2024",
    "aapl-10-k-fy2024",
    "v-10-k-fy2024",
    "wfc-10-k-fy2024",
]
CORPUS_IXBRL = sorted(
    p.name.split(".")[0]
    for p in (Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ixbrl").glob("*.gz")
) or ["none"]


@lru_cache(maxsize=None)
def _raw(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8")


@lru_cache(maxsize=None)
def _read(path: Path) -> Disclosure:
    return load_path(path)


def _file(corpus: Path, stem: str) -> Path:
    path = next(corpus.joinpath("ixbrl").glob(stem + ".*"), None)
    if path is None:
        pytest.skip(f"{stem} is not in the corpus")
    return path


def _independent_cyd_facts(raw: str) -> tuple[set[str], dict[str, set[bool]]]:
    """Fact names and flag values of the cyd namespace, by plain regular expressions over the file."""
    bound = {m.group(1) for m in re.finditer(r'xmlns:([\w.-]+)="http://xbrl\.sec\.gov/cyd/\d+"', raw)} or {
        "cyd"
    }
    names: set[str] = set()
    flags: dict[str, set[bool]] = {}
    for tag in re.finditer(r"<ix:nonNumeric\b[^>]*>", raw, re.I):
        m = re.search(r'\bname="([\w.-]+):(\w+)"', tag.group(0))
        if not m or m.group(1) not in bound:
            continue
        names.add(m.group(2))
        fmt = re.search(r'\bformat="[\w-]+:fixed-(true|false)"', tag.group(0))
        if fmt:
            flags.setdefault(m.group(2), set()).add(fmt.group(1) == "true")
    return names, flags


@pytest.mark.parametrize("stem", CORPUS_IXBRL)
def test_cyd_elements_and_flags_match_an_independent_count(corpus: Path, stem: str) -> None:
    path = _file(corpus, stem)
    names, flags = _independent_cyd_facts(_raw(path))
    disclosure = _read(path)
    read_names = [e.name for e in disclosure.elements if e.source == "tagged" and e.name != UNTAGGED_ELEMENT]
    assert disclosure.tagged is bool(names)
    assert len(read_names) == len(set(read_names)) == len(names)
    assert set(read_names) == names
    for name, values in flags.items():
        assert len(values) == 1, f"{stem}: {name} has conflicting values"
        assert disclosure.element(name).value is next(iter(values))  # type: ignore[union-attr]
    assert disclosure.cik and len(disclosure.cik) == 10 and disclosure.form == "10-K"
    assert disclosure.fiscal_year == int(re.search(r"fy(\d{4})", stem).group(1))  # type: ignore[union-attr]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", disclosure.period_end or "")
    assert disclosure.section_text or disclosure.incorporation  # (WFC: a pointer to its Exhibit 13)


def test_tagged_identity_and_elements_in_document_order(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "amzn-10-k-fy2024"))
    assert (disclosure.cik, disclosure.name, disclosure.tickers) == (
        "0001018724",
        "AMAZON.COM, INC.",
        ["AMZN"],
    )
    assert (disclosure.fiscal_year, disclosure.period_end, disclosure.form) == (2024, "2024-12-31", "10-K")
    assert disclosure.amendment is False and disclosure.source_format == "ixbrl"
    names = [e.name for e in disclosure.elements]
    assert (
        names[0] == "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
    )
    assert names.index("CybersecurityRiskRoleOfManagementTextBlock") < names.index(
        "CybersecurityRiskBoardOfDirectorsOversightTextBlock"
    )
    assert all(e.source == "tagged" for e in disclosure.elements)


def test_continuations_are_reassembled_in_chain_order(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "amzn-10-k-fy2024"))
    role = str(disclosure.element("CybersecurityRiskRoleOfManagementTextBlock").value)  # type: ignore[union-attr]
    first = role.index("We have a unified and centrally-coordinated team")
    middle = role.index("Our cybersecurity risks and associated mitigations are evaluated")
    continued = role.index("The Security Committee, which is comprised of independent directors")
    assert first < middle < continued
    # the flag's phrase ends in its continuation: the sentence is whole, with the continuation's period
    flag = disclosure.element("CybersecurityRiskThirdPartyOversightAndIdentificationProcessesFlag")
    assert flag is not None and flag.value is True
    assert flag.original and flag.original.endswith("back-office support; and other functions.")


def test_nested_facts_each_keep_their_whole_text(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "wmt-10-k-fy2025"))
    outer = str(
        disclosure.element(
            "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
        ).value
    )  # type: ignore[union-attr]
    inner = str(disclosure.element("CybersecurityRiskManagementProcessesIntegratedTextBlock").value)  # type: ignore[union-attr]
    assert inner.startswith(
        "In general, we seek to address cybersecurity risks through a cross-functional approach"
    )
    assert comparison_key(inner) in comparison_key(outer)


def test_flags_come_from_the_fixed_format_not_the_phrase(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "tsla-10-k-fy2024"))
    for flag in disclosure.flags.values():
        assert isinstance(flag.value, bool)
    assert (
        disclosure.element(
            "CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
        ).value
        is False
    )  # type: ignore[union-attr]


def test_reformatted_ibm_copy_reads_like_the_original(corpus: Path) -> None:
    original = _read(_file(corpus, "ibm-10-k-fy2024"))
    copy = _read(_file(corpus, "ibm-10-k-fy2024-copy"))
    assert [e.name for e in copy.elements] == [e.name for e in original.elements]
    assert [e.value for e in copy.elements] == [e.value for e in original.elements]
    assert copy.section_text == original.section_text
    assert (copy.cik, copy.fiscal_year, copy.period_end) == (
        original.cik,
        original.fiscal_year,
        original.period_end,
    )
    assert any("'cyd:' names without declaring the prefix" in note for note in copy.notes)
    assert not original.notes


def test_untagged_pseudo_element_holds_only_text_outside_the_tags(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "wmt-10-k-fy2025"))
    untagged = disclosure.element(UNTAGGED_ELEMENT)
    assert untagged is not None and untagged.source == "untagged"
    leftover = paragraphs(str(untagged.value))
    assert "Board of Directors' oversight of risks from cybersecurity threats" in leftover
    # a paragraph split over two facts is covered, so it is not repeated here
    assert not any("which has primary responsibility for overseeing risk management" in p for p in leftover)
    tagged = [str(e.value) for e in disclosure.text_elements if e.name != UNTAGGED_ELEMENT]
    keys = "".join(comparison_key(v) for v in tagged + leftover)
    for para in paragraphs(disclosure.section_text):
        assert comparison_key(para)[:60] in keys


def test_tagged_and_untagged_years_hold_the_same_section(corpus: Path) -> None:
    for old, new in [("amzn-10-k-fy2023", "amzn-10-k-fy2024"), ("tsla-10-k-fy2023", "tsla-10-k-fy2024")]:
        before, after = _read(_file(corpus, old)), _read(_file(corpus, new))
        assert not before.tagged and after.tagged
        assert before.section_text and after.section_text
        ratio = difflib.SequenceMatcher(
            None, comparison_key(before.section_text), comparison_key(after.section_text), autojunk=False
        ).ratio()
        assert ratio > 0.95
        heads_before = (
            paragraphs(str(before.element(UNTAGGED_ELEMENT).value))
            if before.element(UNTAGGED_ELEMENT)
            else []
        )
        heads_after = (
            paragraphs(str(after.element(UNTAGGED_ELEMENT).value)) if after.element(UNTAGGED_ELEMENT) else []
        )
        assert set(heads_after) <= set(heads_before) | {""}


@pytest.mark.parametrize("stem", UNTAGGED)
def test_untagged_documents_yield_item_1c_only(corpus: Path, stem: str) -> None:
    disclosure = _read(_file(corpus, stem))
    assert disclosure.tagged is False and disclosure.source_format == "html"
    if disclosure.incorporation is not None:  # WFC: Item 1C is one pointer to Exhibit 13, no disclosure
        assert disclosure.section_text == "" and disclosure.elements and not disclosure.text_elements
        assert "Annual Report to Shareholders" in disclosure.incorporation.pointer
        return
    paras = paragraphs(disclosure.section_text)
    assert paras and len(disclosure.section_text) < 15_000
    for para in paras:
        assert not re.match(r"item\s*(1a|1b|2|3)\b", para, re.I), para
        assert para.lower().strip(" .") not in ("risk factors", "properties", "unresolved staff comments")
    assert re.search(r"cybersecurity|item 1c", disclosure.section_text, re.I)
    # every paragraph of the section lands in at least one element
    keys = "".join(comparison_key(str(e.value)) for e in disclosure.text_elements)
    assert all(comparison_key(p) in keys for p in paras)
    assert all(e.source == "inferred" for e in disclosure.text_elements)


def test_untagged_amazon_2023_section_bounds(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "amzn-10-k-fy2023"))
    paras = paragraphs(disclosure.section_text)
    assert paras[0].startswith(
        "We have processes in place for assessing, identifying, and managing material risks"
    )
    assert paras[-1].endswith("and reports directly to the Chief Executive Officer.")
    assert "Item 2" not in disclosure.section_text
    assert disclosure.fiscal_year == 2023 and disclosure.cik == "0001018724"


def test_running_heads_inside_the_section_are_skipped(corpus: Path) -> None:
    disclosure = _read(_file(corpus, "ma-10-k-fy2024"))
    text = disclosure.section_text
    assert "ITEM 1C" not in text.upper().replace("ITEM 1C OF", "")
    assert "MASTERCARD 2024 FORM 10-K" not in text.upper()
    assert text.rstrip().endswith("related to information security.")


def test_period_end_dates_in_words_are_converted() -> None:
    assert parse_date("December 31, 2024") == "2024-12-31"
    assert parse_date("Sept. 28, 2024") == "2024-09-28"
    assert parse_date("2025-01-31") == "2025-01-31"
    assert parse_date("31 January 2025") == "2025-01-31"
    assert parse_date("not a date") is None


def test_a_web_page_is_refused() -> None:
    page = "<html><head><title>Recipes</title></head><body><p>Bake the cake for 30 minutes.</p></body></html>"
    with pytest.raises(BadInput, match=r"^the HTML is not a 10-K or 20-F annual report"):
        read_html(page)


def test_a_10k_truncated_in_item_1a_is_refused(corpus: Path) -> None:
    raw = _raw(_file(corpus, "amzn-10-k-fy2023"))
    cut = raw.index("We Could Be Harmed by Data Loss or Other Security Breaches")
    with pytest.raises(BadInput, match=r"^the annual report has no Item 1C \(10-K\) or Item 16K \(20-F\)"):
        load_bytes(raw[:cut].encode("utf-8"))


def test_an_untagged_10k_truncated_inside_item_1c_is_refused(corpus: Path) -> None:
    raw = _raw(_file(corpus, "amzn-10-k-fy2023"))
    cut = raw.index("reports directly to the Chief Executive Officer")
    with pytest.raises(BadInput, match=r"^the HTML ends inside its Item 1C / Item 16K section"):
        load_bytes(raw[:cut].encode("utf-8"))


def test_inline_xbrl_with_a_missing_continuation_is_refused(corpus: Path) -> None:
    raw = _raw(_file(corpus, "amzn-10-k-fy2024"))
    cut = raw.index('id="f-41-1"')
    with pytest.raises(
        BadInput,
        match=r"^the Inline XBRL is incomplete: fact CybersecurityRiskRoleOfManagementTextBlock "
        r"continues at 'f-41-1', which is not in the document",
    ):
        load_bytes(raw[:cut].encode("utf-8"))


def test_a_tagged_document_without_a_locatable_heading_falls_back_to_its_blocks(corpus: Path) -> None:
    raw = _raw(_file(corpus, "amzn-10-k-fy2024"))
    raw = re.sub(r"Item(?:&#160;|\s)*1C", "Part One", raw)
    disclosure = load_bytes(raw.encode("utf-8"))
    paras = paragraphs(disclosure.section_text)
    assert paras[0].startswith("We have processes in place for assessing")
    assert len(paras) == len({comparison_key(p) for p in paras})
    assert disclosure.element(UNTAGGED_ELEMENT) is None


# -- long reports: read while parsed, a piece at a time ----------------------------------------------------
def _read_in_pieces(monkeypatch: pytest.MonkeyPatch, data: bytes, feed: int) -> tuple[Disclosure, int]:
    """The reading of a source as a long one (fed `feed` characters at a time), and how often the reader fell
    back to reading the whole tree."""
    from tracker.read import html

    whole = html._read_whole
    fallbacks = []

    def counted(*args):  # type: ignore[no-untyped-def]
        fallbacks.append(1)
        return whole(*args)

    with monkeypatch.context() as m:
        m.setattr(html, "_STREAM_FROM", 0)
        m.setattr(html, "_FEED_CHARS", feed)
        m.setattr(html, "_read_whole", counted)
        return load_bytes(data), len(fallbacks)


def _read_whole_tree(monkeypatch: pytest.MonkeyPatch, data: bytes) -> Disclosure:
    from tracker.read import html

    with monkeypatch.context() as m:
        m.setattr(html, "_stream", lambda text, hidden_tags, encoded=None: None)
        return load_bytes(data)


@pytest.mark.parametrize("stem", ["amzn-10-k-fy2024", "amzn-10-k-fy2023", "nflx-10-k-fy2024"])
@pytest.mark.parametrize("feed", [300, 65536])
def test_a_report_read_in_pieces_reads_like_the_whole_tree(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, stem: str, feed: int
) -> None:
    data = _raw(_file(corpus, stem)).encode("utf-8")
    pieces, fallbacks = _read_in_pieces(monkeypatch, data, feed)
    assert fallbacks == 0
    assert pieces == _read_whole_tree(monkeypatch, data) == load_bytes(data)


def test_a_continuation_before_its_text_block_reads_like_the_whole_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = (
        Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "nwan-10-k-fy2024.htm"
    ).read_text()
    start = raw.index('<ix:continuation id="f-1-1">')
    end = raw.index("</ix:continuation>", start) + len("</ix:continuation>")
    at = raw.index("<div><span>None.</span></div>") + len("<div><span>None.</span></div>")
    moved = (raw[:at] + raw[start:end] + raw[at:start] + raw[end:]).encode("utf-8")
    expected = _read_whole_tree(monkeypatch, moved)
    risk = expected.element(
        "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
    )
    assert risk is not None and "vendor risk management process" in str(risk.value)
    pieces, fallbacks = _read_in_pieces(monkeypatch, moved, 256)
    assert fallbacks == 1
    assert pieces == expected


def test_a_missing_continuation_is_refused_when_read_in_pieces(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = _raw(_file(corpus, "amzn-10-k-fy2024"))
    cut = raw.index('id="f-41-1"')
    with pytest.raises(
        BadInput,
        match=r"^the Inline XBRL is incomplete: fact CybersecurityRiskRoleOfManagementTextBlock "
        r"continues at 'f-41-1', which is not in the document",
    ):
        _read_in_pieces(monkeypatch, raw[:cut].encode("utf-8"), 4096)


def test_control_characters_in_markup_are_dropped_not_fatal() -> None:
    # a control character inside a tag (found by the fuzz test) once made lxml refuse the block marks
    raw = (
        Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "nwan-10-k-fy2023.htm"
    ).read_bytes()
    damaged = raw.replace(
        b'<div style="text-align:center"><span>UNITED', b'<\x04iv style="text-align:center"><span>UNITED'
    )
    assert damaged != raw
    assert load_bytes(damaged).section_text == load_bytes(raw).section_text


# -- markup nested past the parser's depth limit (hardening item 12) ---------------------------------------
SAMPLE_TAGGED = Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "nwan-10-k-fy2024.htm"
RPAGE = Path(__file__).resolve().parent.parent / "fixtures" / "rpage" / "R10.htm"


def _nested_in_the_middle(levels: int) -> bytes:
    """The tagged sample with its later cyd facts `levels` <div>s deep (its first facts stay shallow)."""
    raw = SAMPLE_TAGGED.read_bytes()
    at = raw.index(
        b"<div",
        raw.index(
            b"cyd:CybersecurityRiskMateriallyAffectedOrReasonablyLikelyToMateriallyAffectRegistrantFlag"
        ),
    )
    return raw[:at] + b"<div>" * levels + raw[at:].replace(b"</body>", b"</div>" * levels + b"</body>")


def test_markup_nested_past_the_parser_limit_is_refused_never_read_cut_short(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = load_bytes(SAMPLE_TAGGED.read_bytes())
    assert len(whole.elements) == 17
    assert load_bytes(_nested_in_the_middle(2000)) == whole  # deep, but within the limit: read whole
    deep = _nested_in_the_middle(3000)  # libxml2 stopped at 2,048 levels and 8 of the 17 elements were stored
    message = r"^the HTML nests its markup more than 2,048 levels deep, past what the parser reads, so it is refused"
    with pytest.raises(BadInput, match=message):
        load_bytes(deep)
    with pytest.raises(BadInput, match=message):  # read as a long report, a piece at a time
        _read_in_pieces(monkeypatch, deep, 4096)
    with pytest.raises(BadInput, match=message):  # and by the whole-tree reading
        _read_whole_tree(monkeypatch, deep)


def test_an_r_page_nested_past_256_levels_is_read_whole() -> None:
    raw = RPAGE.read_bytes()
    whole = load_bytes(raw)
    assert len(whole.elements) == 10
    cell = raw.index(b'<td class="text">', raw.index(b"CybersecurityRiskBoardOfDirectorsOversightTextBlock"))
    end = raw.index(b"</td>", cell)
    start = cell + len(b'<td class="text">')
    deep = raw[:start] + b"<div>" * 300 + raw[start:end] + b"</div>" * 300 + raw[end:]
    assert load_bytes(deep) == whole  # the default parser stopped at 256 levels and lost the rows after
    deeper = raw[:start] + b"<div>" * 3000 + raw[start:end] + b"</div>" * 3000 + raw[end:]
    with pytest.raises(BadInput, match=r"^the HTML nests its markup more than 2,048 levels deep"):
        load_bytes(deeper)


def test_the_readers_own_bracket_characters_in_a_document_change_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the hidden ix:header is cut out of the body's text between two private-use characters; a document that
    # itself holds them is read child by child instead, and reads as it would without them
    from tracker.read import html

    raw = SAMPLE_TAGGED.read_text()
    spelt = raw.replace("<span>UNITED STATES", "<span>\ue004\ue005UNITED STATES")
    assert spelt != raw
    by_child = []
    whole = html._body_text_by_child

    def counted(*args):  # type: ignore[no-untyped-def]
        by_child.append(1)
        return whole(*args)

    monkeypatch.setattr(html, "_body_text_by_child", counted)
    lines = html.body_lines(raw)
    assert not by_child
    assert "0009999901" not in "".join(lines)  # the hidden header is no body text
    assert [line.replace("\ue004\ue005", "") for line in html.body_lines(spelt)] == lines
    assert by_child
    assert load_bytes(spelt.encode()) == load_bytes(raw.encode())


@pytest.mark.parametrize(
    "style", ["display:none", "DISPLAY : none", "Display:none", "color:red;display: none"]
)
def test_text_styled_hidden_in_any_case_is_not_read(style: str) -> None:
    raw = (
        Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "nwan-10-k-fy2023.htm"
    ).read_text()
    heading = '<div id="i1c"><span style="font-weight:700">Item 1C. </span><span style="font-weight:700">Cybersecurity</span></div>'
    assert heading in raw
    hidden = f'<p style="{style}"><span>Secret draft words.</span></p><div><span>Shown words.</span></div>'
    disclosure = load_bytes(raw.replace(heading, heading + hidden).encode())
    assert "Shown words." in disclosure.section_text
    assert "Secret draft" not in disclosure.section_text


@pytest.mark.parametrize("stem", ["googl-10-k-fy2024", "wfc-10-k-fy2024", "ko-10-k-fy2023"])
def test_page_furniture_counted_on_the_lines_a_key_picks_matches_every_line_counted(
    corpus: Path, stem: str
) -> None:
    from tracker.read import html, untagged

    lines = html.body_lines(_raw(_file(corpus, stem)))
    odd = [
        "ALPHABET INC. | 2024 Form 10-K | 7",  # the case and the digits of a running head vary
        "Alphabet\u00a0Inc.  |  2024 FORM 10-K | 12",
        "Caf\u00e9 Holdings 3",
        "CAF\u00c9 HOLDINGS 4",
    ]
    keys = {untagged.furniture_key(line) for line in lines + odd if 0 < len(line) <= 100}
    probed = untagged.Furniture(lines + odd)
    full = untagged.Furniture(lines + odd)
    full.by_key = None
    full._count_probed = lambda key: None  # type: ignore[method-assign]
    some = 0
    for key in sorted(keys):
        count = probed._count_probed(key)
        assert count is None or count == full._count(key), key
        some += count is not None
    assert some > len(keys) / 2  # most keys are counted on the lines they pick
    assert untagged.Furniture(odd[:2])._count_probed("alphabet inc. | # form #-k | #") == 2
    # letters that lower-case to ASCII: the Kelvin sign to k, a dotted capital I to i and a combining dot
    to_ascii = [
        "\u212aelvin Corp 5",
        "Kelvin Corp 6",
        "\u0130stanbul Bank 7",
        "ISTANBUL BANK 8",
        "Istanbul Bank",
    ]
    assert untagged.Furniture(to_ascii)._count_probed("kelvin corp #") == 2
    assert untagged.Furniture(to_ascii[2:])._count_probed("i\u0307stanbul bank #") == 1
    assert untagged.Furniture(to_ascii[2:])._count_probed("istanbul bank #") == 1


def test_a_namespace_declared_below_the_root_is_honoured(corpus: Path) -> None:
    # the root's namespaces serve every fact only where no other element declares one
    raw = _raw(_file(corpus, "nflx-10-k-fy2024"))
    first = raw.index('<ix:nonNumeric contextRef="c-1" name="cyd:')
    declared = raw[:first] + '<ix:nonNumeric xmlns:unused="urn:x-unused" ' + raw[first + 15 :]
    assert load_bytes(declared.encode()) == load_bytes(raw.encode())
    rebound = raw[:first] + '<ix:nonNumeric xmlns:cyd="urn:x-not-cyd" ' + raw[first + 15 :]
    name = "CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock"
    assert name in {e.name for e in load_bytes(raw.encode()).elements}
    assert name not in {e.name for e in load_bytes(rebound.encode()).elements}


@pytest.mark.parametrize("fixture", [SAMPLE_TAGGED, SAMPLE_TAGGED.with_name("nwan-10-k-fy2023.htm")])
@pytest.mark.parametrize("invisible", ["", "\x1b[1;31m", "\x07", "\x0c", "\x7f"])
def test_an_ascii_source_reads_as_its_text_stripped_of_invisible_characters(
    fixture: Path, invisible: str
) -> None:
    # an ASCII source is scanned for C0 controls only where the XML parser has not refused it (it refuses any
    # document holding one): read from its bytes or as text checked first, it reads the same
    from tracker.read import read_bytes, read_text_source
    from tracker.text.normalize import strip_invisible

    raw = fixture.read_bytes()
    for before in (b"<span>UNITED", b"cybersecurity risk management program"):  # the cover, Item 1C
        raw = raw.replace(before, invisible.encode() + before)
    read = read_bytes(raw)
    assert read == read_text_source(strip_invisible(raw.decode()))
    assert "[1;31m" not in read.section_text and "program" in read.section_text


@pytest.mark.parametrize("chars_per_map", [0, 10**9])
def test_facts_namespaces_read_alike_from_the_root_or_from_each_fact(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, chars_per_map: int
) -> None:
    # the root's map serves the facts only where the text holds no other declaration (10**9: always counted)
    from tracker.read import html

    raw = _raw(_file(corpus, "nflx-10-k-fy2024"))
    first = raw.index('<ix:nonNumeric contextRef="c-1" name="cyd:')
    rebound = raw[:first] + '<ix:nonNumeric xmlns:cyd="urn:x-not-cyd" ' + raw[first + 15 :]
    expected = load_bytes(raw.encode()), load_bytes(rebound.encode())
    monkeypatch.setattr(html, "_CHARS_PER_NSMAP", chars_per_map)
    assert (load_bytes(raw.encode()), load_bytes(rebound.encode())) == expected
    assert expected[0] != expected[1]
