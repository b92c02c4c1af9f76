"""The change report in reading order, on real filings: each change once, plain English, e-mails that fit."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import lxml.html

from tracker.diff import redline
from tracker.diff.compare import sentence_sequence
from tracker.diff.context import ComparisonContext
from tracker.pipeline.compare import compare_files
from tracker.render.html import EMAIL_HTML_LIMIT, comparison_report, render_comparison_html, render_email_html
from tracker.text.normalize import comparison_key

CAMEL = re.compile(r"Cybersecurity\w*(?:Flag|TextBlock)|UntaggedSectionText")
#: Gmail clips a message whose HTML passes about 102 KB; the check asks for 100 KB.
CLIPPED = 100 * 1024


@lru_cache(maxsize=None)
def _compare(old: Path, new: Path) -> ComparisonContext:
    return compare_files(old, new)


def corpus_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """Every consecutive year pair of the corpus: text extracts and Inline XBRL 10-Ks."""
    runs: dict[str, list[Path]] = {}
    for path in sorted((corpus / "text").glob("*.txt")):
        m = re.fullmatch(r"(.+)_(\d{4})\.txt", path.name)
        if m:
            runs.setdefault(f"text {m.group(1)}", []).append(path)
    for path in sorted((corpus / "ixbrl").glob("*.html.gz")):
        m = re.fullmatch(r"(.+)-10-k-fy(\d{4})\.html\.gz", path.name)
        if m:
            runs.setdefault(f"ixbrl {m.group(1)}", []).append(path)
    return [(a, b) for paths in runs.values() for a, b in zip(paths, paths[1:])]


def doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_amazon_one_word_change_shows_once(corpus: Path) -> None:
    """AMZN 2023 -> 2024 changes one word of one sentence that three elements share: one change, once."""
    ctx = _compare(corpus / "text" / "AMZN_2023.txt", corpus / "text" / "AMZN_2024.txt")
    page = doc(render_comparison_html(ctx))
    pieces = page.find_class("chg")
    assert len(pieces) == 1
    assert [d.text_content() for d in pieces[0].iter("del")] == ["Breaches"]
    assert [i.text_content() for i in pieces[0].iter("ins")] == ["Incidents"]
    assert len(page.xpath("//ol[contains(@class, 'clist')]/li")) == 1
    assert page.find_class("doc")[0].text_content().count("We Could Be Harmed by Data Loss") == 1


def test_redline_reads_each_year_back_whole(corpus: Path) -> None:
    """Accepting every change gives the later year, rejecting every change the earlier: no sentence lost or
    doubled, whatever moved (every corpus pair)."""
    for old, new in corpus_pairs(corpus):
        c = _compare(old, new).comparison
        red = redline.build(c)
        for side, d in (("old", c.old), ("new", c.new)):
            want = comparison_key(" ".join(s.text for s in sentence_sequence(d)))
            assert comparison_key(" ".join(red.text(side))) == want, (old.name, new.name, side)
        assert len(red.changes) == sum(ch.kind.startswith("text_") for ch in c.changes), (old.name, new.name)


def test_sub_headings_of_the_filing_head_the_redline(corpus: Path) -> None:
    ctx = _compare(corpus / "ixbrl" / "ko-10-k-fy2023.html.gz", corpus / "ixbrl" / "ko-10-k-fy2024.html.gz")
    headings = [
        h.text_content().strip() for h in doc(render_comparison_html(ctx)).xpath("//h3[@class='doc-h']")
    ]
    assert headings == [
        "Cybersecurity Risk Management and Strategy",
        "Cybersecurity Governance and Oversight",
    ]


def test_reader_never_meets_element_names_unless_verbose(corpus: Path) -> None:
    ctx = _compare(corpus / "ixbrl" / "ko-10-k-fy2023.html.gz", corpus / "ixbrl" / "ko-10-k-fy2024.html.gz")
    for html in (render_comparison_html(ctx), render_email_html(ctx)):
        text = doc(html).body.text_content()
        assert not CAMEL.search(text), CAMEL.search(text)
        assert "also in:" not in text.lower() and "material_incident_statement" not in text
    verbose = doc(render_comparison_html(ctx, verbose=True)).body.text_content()
    assert "By cyd element" in verbose and "Cybersecurity Risk Board of Directors Oversight" in verbose


def test_every_corpus_email_fits_before_gmail_clips_it(corpus: Path) -> None:
    sizes = []
    for old, new in corpus_pairs(corpus):
        ctx = _compare(old, new)
        html = render_email_html(ctx)
        sizes.append((len(html.encode("utf-8")), old.name, new.name))
        page = doc(html)
        assert page.get_element_by_id("summary") is not None
        assert not page.find_class("sbs") and not page.xpath("//details")  # no side-by-side, nothing folded
    largest = max(sizes)
    assert largest[0] <= EMAIL_HTML_LIMIT < CLIPPED, largest
    assert len(sizes) >= 40


def test_email_keeps_at_most_one_sentence_of_context(corpus: Path) -> None:
    """Around each change of the e-mail body: one unchanged sentence before and one after, the rest counted."""
    ctx = _compare(corpus / "ixbrl" / "ko-10-k-fy2023.html.gz", corpus / "ixbrl" / "ko-10-k-fy2024.html.gz")
    report = comparison_report(ctx, compact=True)
    counted = 0
    for block in report.redline:
        kinds = [p.kind for p in block.pieces]
        runs = re.findall(
            r"(?:s)+", "".join("s" if k == "same" else "k" if k == "skip" else "c" for k in kinds)
        )
        assert all(len(r) <= 2 for r in runs), kinds
        if kinds and kinds[0] == "same":
            assert kinds[1:2] != ["same"], kinds  # one sentence before the first change
        counted += sum(p.number or 0 for p in block.pieces if p.kind == "skip")
    assert counted > 0
    full = doc(render_comparison_html(ctx)).find_class("doc")[0].text_content()
    mail = doc(render_email_html(ctx)).find_class("doc")[0].text_content()
    assert "unchanged sentence" in mail and len(mail) < len(full) * 0.8


def test_an_oversized_email_keeps_its_verdict_and_says_what_it_left_out(corpus: Path) -> None:
    ctx = _compare(corpus / "text" / "UPWK_2024.txt", corpus / "text" / "UPWK_2025.txt")
    html = render_email_html(ctx, limit=40_000)
    page = doc(html)
    assert len(html.encode("utf-8")) <= 40_000
    assert "Verdict:" in page.get_element_by_id("summary").text_content()
    assert re.search(r"\d+ more wording changes? (?:are|is) in the attached report", page.text_content())
