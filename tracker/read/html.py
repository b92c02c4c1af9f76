"""HTML annual reports: Inline XBRL with cyd facts (tagged) and HTML without them (untagged).

One parse (lxml; XML first, as EDGAR's Inline XBRL is XHTML, then the forgiving HTML parser), one
pass that marks block boundaries in the tree, then plain `itertext` joins: every fact, every
continuation and the whole body become text lines with the paragraph structure kept. A long source is
read while it is parsed, the body's complete children a batch at a time, each freed once read, so that
its whole tree (several times the size of the file) never stands in memory at once (see `_stream`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from lxml import etree

from tracker.errors import BadInput
from tracker.models import CYD_NAMESPACE_PREFIX, UNTAGGED_ELEMENT, Disclosure, Element, spec_for
from tracker.read import untagged
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import (
    clean_inline,
    comparison_key,
    paragraphs_from_lines,
    sentences,
    visible_ascii,
)

IX_NAMESPACE = "http://www.xbrl.org/2013/inlineXBRL"
DEI_NAMESPACE_PREFIX = "http://xbrl.sec.gov/dei/"
#: Prefixes assumed when a document uses them without declaring them.
CONVENTIONAL_PREFIXES = {"cyd": CYD_NAMESPACE_PREFIX + "2024", "dei": DEI_NAMESPACE_PREFIX + "2024"}

_BLOCK = "\ue000"  # marks a block boundary (a blank line) in joined text
_BREAK = "\ue001"  # marks a <br> (a line break inside a paragraph)
_OPEN = "\ue002"  # where the text of a cyd text block (or one of its continuations) starts in the body
_CLOSE = "\ue003"  # where it ends
_SKIP_FROM, _SKIP_TO = "\ue004", "\ue005"  # around the text of a hidden child of the body (see `_body_text`)
_MARKS = _BLOCK + _BREAK + " \t\r\n\xa0"
_BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "tr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "section",
        "article",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "hr",
        "center",
        "header",
        "footer",
        "caption",
    )
)
_CELL_TAGS = frozenset(("td", "th"))
_HIDDEN_RE = re.compile(r"display\s*:\s*none", re.I)
_HIDDEN_FAST_RE = re.compile(r"display\s*:\s*none")
_TAG_NAME_RE = re.compile(r"<(\w+)")
_MIXED_CASE_DISPLAY_RE = lazy_compile("D(?:ISPLAY|isplay)[ \t\r\n]*:")
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_ANNUAL_MARKERS = re.compile(r"form\s*(?:10-k|20-f|40-f)|annual\s+report\s+pursuant\s+to\s+section", re.I)
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


@dataclass
class _Fact:
    """One ix:nonNumeric fact of the cyd namespace."""

    name: str
    kind: str
    raw: str
    value: bool | str | None
    nested: bool
    parts: list = field(default_factory=list)
    """The fact's element and its continuations, in chain order."""


@dataclass
class _Tree:
    """A parsed document and the spellings of its tags and attributes."""

    root: etree._Element
    html: str  # tag prefix of XHTML elements: "{http://www.w3.org/1999/xhtml}" or ""
    ix: str  # tag prefix of Inline XBRL elements: "{...inlineXBRL}" or "ix:"
    xml: bool
    prefixes: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    nsmap: dict | None = None
    """The root's namespaces, when no other element declares one (every element's `nsmap` is then the same:
    looked up here, not built again from the tree for each fact)."""

    def attr(self, el: etree._Element, name: str) -> str | None:
        """An attribute by its Inline XBRL spelling (the HTML parser lower-cases names)."""
        value = el.get(name)
        return value if value is not None or self.xml else el.get(name.lower())

    def namespace(self, el: etree._Element, qname: str) -> tuple[str | None, str]:
        """(namespace URI, local name) of a fact name such as `cyd:Foo`, with the prefix fallback."""
        prefix, _, local = qname.strip().rpartition(":")
        nsmap = (el.nsmap if self.nsmap is None else self.nsmap) if self.xml else {}
        uri = nsmap.get(prefix) or self.prefixes.get(prefix)
        if uri is None and prefix in CONVENTIONAL_PREFIXES:
            uri = CONVENTIONAL_PREFIXES[prefix]
            note = (
                f"the document uses '{prefix}:' names without declaring the prefix; "
                f"read them as the conventional {uri} namespace."
            )
            if note not in self.notes:
                self.notes.append(note)
        return uri, local


#: C0 control characters but tab, line feed and carriage return: never text, and lxml refuses to write them
#: into a tree (the parser keeps them in text it reads).
_CONTROL_CHARACTERS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


#: How every parse of a filing reads it: deep documents whole (up to libxml2's depth limit, checked after), no
#: comments, and for XML no external entity, DTD fetch or processing instruction (a filing is untrusted input).
_XML_OPTIONS: dict = {
    "huge_tree": True,
    "remove_comments": True,
    "remove_pis": True,
    "encoding": "utf-8",
    "resolve_entities": False,
    "no_network": True,
}
_HTML_OPTIONS: dict = {"huge_tree": True, "remove_comments": True, "encoding": "utf-8"}


class InvisibleCharacters(Exception):
    """An unchecked source (see `read_html`) holds characters that `strip_invisible` strips."""


def read_html(text: str, encoded: bytes | None = None, unchecked: bool = False) -> Disclosure:
    """A Disclosure from an HTML annual report: Inline XBRL cyd facts when present, else the located section.
    `encoded` is the text in UTF-8 when the caller has it (the source's own bytes: parsed without a copy).

    `unchecked`: `encoded` is ASCII without DEL, not yet checked for C0 controls (see `read_text_source`).
    A document the XML parser reads holds none; one read otherwise is checked before its reading (or its
    refusal) is returned, and `InvisibleCharacters` raised if it holds one (the caller then reads the text
    stripped)."""
    if not _looks_like_markup(text):
        _check_visible(encoded if unchecked else None)
        return untagged.read_text(text)
    try:
        return _read_markup(text, encoded, unchecked)
    except ValueError:  # lxml refused text read from the document itself: only control characters do that
        if not _CONTROL_RE.search(text):
            raise
        return _read_markup(text.translate(_CONTROL_CHARACTERS))


def _check_visible(unchecked: bytes | None) -> None:
    """Raise `InvisibleCharacters` if the unchecked bytes of a source hold a character `strip_invisible`
    strips (nothing to check when None: the text was checked, or stripped, before)."""
    if unchecked is not None and not visible_ascii(unchecked):
        raise InvisibleCharacters


def _read_markup(text: str, encoded: bytes | None = None, unchecked: bool = False) -> Disclosure:
    hidden_tags = _hidden_tags(text)
    try:
        read = _stream(text, hidden_tags, encoded=encoded)
        if read is None:  # something the streamed reading cannot do exactly: read the whole tree
            read = _read_whole(_parse(text, encoded), hidden_tags)
    except Exception:
        _check_visible(encoded if unchecked else None)  # a refusal of what was not the source's text
        raise
    if not read.xml:
        _check_visible(encoded if unchecked else None)
    if read.facts:
        disclosure = _tagged_disclosure(read.facts, read.lines.plain, read.lines.marked)
    else:
        disclosure = _untagged_disclosure(text, read.lines.plain, read.dei)
    _apply_dei(disclosure, read.dei)
    if not disclosure.tagged:  # no dei year or period end: the cover's "For the fiscal year ended ..."
        untagged.apply_cover(disclosure, read.lines.plain)
    disclosure.notes.extend(read.notes)
    return disclosure


@dataclass
class _Read:
    """What the reader takes from the tree: the cyd facts, the dei values, the body's lines, the notes."""

    facts: list[_Fact]
    dei: dict[str, list[str]]
    lines: _Lines
    notes: list[str]
    xml: bool
    """Read by the XML parser (which refuses a document holding a C0 control, see `read_html`)."""


class _Lines:
    """The body's text as lines, built piece by piece (see `_to_lines`).

    `plain` holds every line without the fact brackets; `marked` holds, by line index, only the lines
    that have a bracket (a handful), so the section's tagged text can be told from the rest.
    """

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.marked: dict[int, str] = {}
        self._pending: list[str] = []  # pieces of the line not yet ended

    def add(self, raw: str) -> None:
        """Append marked text (the next piece of the body)."""
        if not raw:
            return
        flat = raw.replace("\r", " ").replace("\n", " ").replace(_BLOCK, "\n\n").replace(_BREAK, "\n")
        parts = flat.split("\n")
        if len(parts) == 1:
            self._pending.append(flat)
            return
        self._pending.append(parts[0])
        parts[0] = "".join(self._pending)
        self._pending = [parts.pop()]
        self._extend(parts, flat)

    def close(self) -> None:
        """End the last line."""
        self._extend(["".join(self._pending)], "")
        self._pending = []

    def _extend(self, parts: list[str], flat: str) -> None:
        """Append the lines `parts`, all but the first split from `flat` (the first holds pending pieces too).
        The lines with brackets are found by searching `flat` for them (a 10-K's body has tens of thousands
        of lines and a few dozen brackets), not by looking into every line."""
        found = _bracketed_lines(flat, len(parts))
        if _OPEN in parts[0] or _CLOSE in parts[0]:
            found.add(0)
        start = len(self.plain)
        for i in sorted(found):
            line = parts[i]
            self.marked[start + i] = line
            parts[i] = line.replace(_OPEN, "").replace(_CLOSE, "")
        self.plain.extend(parts)


def _bracketed_lines(flat: str, n: int) -> set[int]:
    """The indices below n of the lines of `flat` (split at its newlines) that hold a fact bracket."""
    out: set[int] = set()
    for bracket in (_OPEN, _CLOSE):
        line, counted = 0, 0
        at = flat.find(bracket)
        while at >= 0:
            line += flat.count("\n", counted, at)
            counted = at
            if line >= n:
                break
            out.add(line)
            end = flat.find("\n", at)
            at = flat.find(bracket, end) if end >= 0 else -1
    return out


def _read_whole(tree: _Tree, hidden_tags: set[str]) -> _Read:
    """Read a whole parsed document at once (the streamed reading's fallback)."""
    found = _walk(tree, tree.root, hidden_tags)
    continuations = {tree.attr(el, "id"): el for el in found.continuations}
    facts, dei = _read_facts(tree, continuations, found.facts)
    body = tree.root.find(tree.html + "body")
    if body is None:
        body = tree.root
    skipped = _skip_hidden(body, [*found.headers, *found.hidden])
    _mark_facts(facts)
    lines = _Lines()
    lines.add(_body_text(body, skipped))
    lines.close()
    return _Read(facts, dei, lines, tree.notes, tree.xml)


#: Sources longer than this (in characters) are read while they are parsed, a piece at a time (see `_stream`);
#: shorter ones are parsed whole and read in one batch, which is faster (moving parts out of a tree costs).
_STREAM_FROM = 8 << 20
#: Characters of a long source fed to the parser at a time; the body read so far is processed after each.
_FEED_CHARS = 1 << 20
_BATCH_TAG = "{urn:x-tracker:batch}batch"
#: Characters of text whose scan for `xmlns` costs about what a fact's map of in-scope namespaces costs
#: (measured on 10-Ks: 0.7 ns a character, 4 to 5 us a map of some 20 namespaces), see
#: `_Streamer._root_namespaces`.
_CHARS_PER_NSMAP = 6000


def _stream(text: str, hidden_tags: set[str], encoded: bytes | None = None) -> _Read | None:
    """Read the document while it is parsed, so that the whole tree of a long one never stands in memory.

    After each piece of a long source, the body's children that are complete are moved out of the tree
    and read (block marks, facts, hidden content, text lines) and then freed; a short source is read
    the same way in one batch (as XML, parsed whole by `_read_parsed_xml`). XML first, as EDGAR's Inline XBRL is XHTML, then the forgiving HTML
    parser. None when the document needs the whole-tree reading to be read exactly (see `_Streamer`).
    `encoded`: the text in UTF-8, if the caller has it.
    """
    step = _FEED_CHARS if len(text) > _STREAM_FROM else max(len(text), 1)
    for xml in (True, False):
        if xml and step >= len(text):
            read = _read_parsed_xml(text, hidden_tags, encoded)
            if read is False:
                continue
            return read
        if xml:
            parser = etree.XMLPullParser(events=("start",), tag="{*}body", **_XML_OPTIONS)
        else:
            parser = etree.HTMLPullParser(events=("start",), tag="{*}body", **_HTML_OPTIONS)
        streamer = _Streamer(xml, hidden_tags)
        try:
            for i in range(0, len(text), step):
                parser.feed(encoded if encoded is not None and step >= len(text) else _utf8(text, i, step))
                streamer.events(parser.read_events())
                if step < len(text):
                    streamer.flush(final=False)
            root = parser.close()
            check_whole(parser.feed_error_log)
            streamer.events(parser.read_events())
        except etree.XMLSyntaxError:
            parser = streamer = None  # type: ignore[assignment]  # free what was read before the retry
            if xml:
                continue
            root = None
        if root is None:
            raise BadInput("the HTML file holds no document; give the 10-K or 20-F as filed.")
        return streamer.finish(root)
    return None  # not reached


def _read_parsed_xml(
    text: str, hidden_tags: set[str], encoded: bytes | None
) -> _Read | None | Literal[False]:
    """`_stream` of a short source as XML: parsed whole (the pull parser, fed the same bytes at once, builds
    the same tree with more work), then read as the pull parser's events would have it read, in one batch.
    False when the source is no well-formed XML. The tree is freed when the reading returns: lxml leaves a
    pull parser and its tree in a reference cycle, freed at some later collection of Python's garbage
    collector (7 to 18 ms for a 10-K, charged to whatever runs then)."""
    streamer = _Streamer(True, hidden_tags)
    try:
        root = etree.fromstring(
            text.encode("utf-8") if encoded is None else encoded, etree.XMLParser(**_XML_OPTIONS)
        )
    except etree.XMLSyntaxError:
        return False
    # only a child of the root is ever read as the body: the root's children are the events that count
    streamer.events(("start", el) for el in root.iterchildren("{*}body"))
    streamer.declarations = (text, root)
    return streamer.finish(root)


def _utf8(text: str, start: int, length: int) -> bytes:
    """A piece of the text, encoded for the parser."""
    return text[start : start + length].encode("utf-8")


@dataclass
class _Cont:
    """An ix:continuation seen by the streamed reading."""

    text: str | None
    """Its text; None until a chain needs it (`el` holds the element, unchanged since it was read)."""
    next_id: str | None
    batch: int
    """The batch it was read in (0: outside the body, never part of the body's text)."""
    brackets: int = 0
    """How many cyd text-block chains run through it."""
    el: etree._Element | None = None
    """The element, while its text is not read yet (most continuations belong to other facts than cyd's)."""

    def value(self) -> str:
        """Its text, read from the element the first time it is needed."""
        if self.text is None:
            assert self.el is not None
            self.text = _text_of(self.el)
            self.el = None
        return self.text


@dataclass
class _Pending:
    """A cyd fact whose continuation chain may still be ahead in the document."""

    name: str
    kind: str
    head: str
    fmt: str
    nested: bool
    next_id: str | None
    texts: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    note_at: int = -1


class _Streamer:
    """The streamed reading of one parse (see `_stream`).

    It reads exactly what `_read_whole` reads, batch by batch; where a document could make the two
    differ (no body, a continuation that comes before the text block that uses it, a repeated
    continuation id, a broken chain, namespace declarations on the body or after it) it gives up
    (`finish` returns None) and the whole tree is read instead.
    """

    def __init__(self, xml: bool, hidden_tags: set[str]) -> None:
        self.xml = xml
        self.hidden_tags = hidden_tags
        self.tree: _Tree | None = None
        self.body: etree._Element | None = None
        self.lines = _Lines()
        self.facts: list[_Pending] = []
        self.dei: dict[str, list[str]] = {}
        self.conts: dict[str, _Cont] = {}
        self.waiting: dict[str, list[_Pending]] = {}
        self.batch = 0
        self.exact = True
        self.started = False  # the body's own text has been read
        self.declarations: tuple[str, etree._Element] | None = None
        """The text and the root of a document parsed whole, until it is known whether the root's namespaces
        serve every fact (see `_root_namespaces`)."""

    def events(self, events: Iterable) -> None:
        for _, el in events:
            if self.body is not None or self.tree is not None:
                continue
            root = el.getparent()
            if root is None or root.getparent() is not None:
                continue
            tree = _make_tree(root, self.xml)
            if el.tag != tree.html + "body" or root.tag != tree.html + "html":
                continue
            self.tree = tree
            if self.xml and dict(el.nsmap) != dict(root.nsmap):
                continue  # the body declares namespaces: read the whole tree (left to `finish`)
            self.body = el
            for child in root:
                if child is el:
                    break
                self._outside(child)

    def flush(self, final: bool) -> None:
        """Read the body's children that are complete (all of them when the parse is over)."""
        body = self.body
        if body is None:
            return
        if final and not self.started:  # nothing read yet: read the whole body where it stands
            self.started = True
            # nothing after the body (the usual case): no later fact can need a continuation not read yet
            self._body_batch(body, last=body.getnext() is None)
            return
        n = len(body) if final else len(body) - 1  # the last child may still be growing
        if n <= 0:
            return
        if not self.started:
            self.lines.add(body.text or "")
            self.started = True
        batch = etree.Element(_BATCH_TAG)
        batch.extend(body[:n])
        self._body_batch(batch)

    def finish(self, root: etree._Element) -> _Read | None:
        if self.body is None:  # no body this reading streams: nothing was read yet, the tree is whole
            return _read_whole(_make_tree(root, self.xml), self.hidden_tags)
        self.flush(final=True)
        tree = self.tree
        assert tree is not None
        after = False
        for child in root:
            if child is self.body:
                after = True
            elif after:
                if not self.xml and any(
                    k.startswith("xmlns:") and k[6:] not in tree.prefixes for k in child.attrib
                ):
                    return None
                self._outside(child)
        self.lines.close()
        if not self.exact or any(f.next_id and f.next_id not in f.seen for f in self.facts):
            return None
        facts = []
        for f in self.facts:
            raw = _join_parts([f.head, *f.texts])
            value: bool | str | None
            if f.kind == "flag":
                value = _flag_value(f.fmt, raw)
                if value is None:
                    tree.notes[f.note_at] = (
                        f"the flag {f.name} reads {clean_inline(_plain(raw))!r}, neither true nor false."
                    )
            else:
                value = _normalised(raw)
            facts.append(_Fact(f.name, f.kind, raw, value, f.nested))
        notes = [n for n in tree.notes if n is not None]
        return _Read(facts, self.dei, self.lines, notes, self.xml)

    def _outside(self, top: etree._Element) -> None:
        """A child of the root other than the body: its facts count, its text does not."""
        tree = self.tree
        assert tree is not None
        found = _walk(tree, top, set(), hidden=False)
        saved, self.batch = self.batch, 0
        self._read(found)
        self.batch = saved

    def _body_batch(self, batch: etree._Element, last: bool = False) -> None:
        tree = self.tree
        assert tree is not None
        self.batch += 1
        found = _walk(tree, batch, self.hidden_tags)
        heads, conts = self._read(found, last)
        skipped = _skip_hidden(batch, [*found.headers, *found.hidden])
        for el in heads:
            el.text = _OPEN + el.text if el.text else _OPEN
            el.tail = _CLOSE + el.tail if el.tail else _CLOSE
        for el, cont in conts:
            for _ in range(cont.brackets):
                el.text = _OPEN + el.text if el.text else _OPEN
                el.tail = _CLOSE + el.tail if el.tail else _CLOSE
        self.lines.add(_body_text(batch, skipped))

    def _read(
        self, found: _Found, last: bool = False
    ) -> tuple[list[etree._Element], list[tuple[etree._Element, _Cont]]]:
        """The continuations and facts found in a part of the tree (as `_read_facts`); returns the text
        blocks' elements and the continuations' elements, to be bracketed. With `last` (nothing is read after
        this part), the text of a continuation no cyd fact uses is never read."""
        tree = self.tree
        assert tree is not None
        conts: list[tuple[etree._Element, _Cont]] = []
        for el in found.continuations:
            cid = tree.attr(el, "id")
            if cid is None:
                continue
            if cid in self.conts:
                self.exact = False  # the whole-tree reading keeps the last of a repeated id
                continue
            cont = self.conts[cid] = _Cont(None, tree.attr(el, "continuedAt"), self.batch, el=el)
            conts.append((el, cont))
        for el, _ in conts:
            for fact in self.waiting.pop(tree.attr(el, "id"), []):  # type: ignore[arg-type]
                self._advance(fact)
        if self.declarations is not None and len(found.facts) * _CHARS_PER_NSMAP > len(self.declarations[0]):
            self._root_namespaces()
        heads = []
        for el, local, tags in _cyd_facts(tree, found.facts, self.dei):
            kind = spec_for(local).kind
            nested = any(
                a.tag in tags and (a.get("name") or "").endswith("TextBlock") for a in el.iterancestors(*tags)
            )
            fact = _Pending(
                local,
                kind,
                _text_of(el),
                tree.attr(el, "format") or "",
                nested,
                tree.attr(el, "continuedAt"),
            )
            if kind == "flag":
                fact.note_at = len(tree.notes)
                tree.notes.append(None)  # type: ignore[arg-type]  # the flag's note, if any, goes here
            elif self.batch:
                heads.append(el)
            self._advance(fact)
            self.facts.append(fact)
        for _, cont in conts:  # a later fact may need it: read it now, before the tree is marked further
            if last:
                cont.el = None
            else:
                cont.value()
        return heads, conts

    def _root_namespaces(self) -> None:
        """Have the facts' namespaces looked up in the root's map where the root declares every namespace of
        the document: where the text holds as many `xmlns` as the root has declarations (each is spelt with
        one). Counting them scans the whole text, which costs as much as building the map of in-scope
        namespaces of a fact (from the tree, as each fact does otherwise) for one fact per
        `_CHARS_PER_NSMAP` characters: it is done for a batch that holds more facts than that."""
        assert self.declarations is not None and self.tree is not None
        text, root = self.declarations
        self.declarations = None
        if text.count("xmlns") == len(root.nsmap):
            self.tree.nsmap = root.nsmap

    def _advance(self, fact: _Pending) -> None:
        """Follow a fact's chain (as `_chain`) through the continuations read so far."""
        while fact.next_id and fact.next_id not in fact.seen:
            cont = self.conts.get(fact.next_id)
            if cont is None:
                self.waiting.setdefault(fact.next_id, []).append(fact)
                return
            if fact.kind == "text":
                if cont.batch and cont.batch < self.batch:
                    self.exact = False  # its text is already in the lines, without this block's brackets
                cont.brackets += 1
            fact.seen.add(fact.next_id)
            fact.texts.append(cont.value())
            fact.next_id = cont.next_id


def body_lines(text: str) -> list[str]:
    """The text lines of an HTML document's body, one per block (an exhibit read for its named section)."""
    if not _looks_like_markup(text):
        return untagged.markdown_to_lines(text)
    hidden_tags = _hidden_tags(text)
    read = _stream(text, hidden_tags)
    if read is None:
        read = _read_whole(_parse(text), hidden_tags)
    return read.lines.plain


def _looks_like_markup(text: str) -> bool:
    """Real HTML has tags throughout; Markdown with a few inline <div>s does not."""
    head = text[:4096].lower()
    if "<html" in head or "<body" in head or "<ix:" in text[:200_000].lower():
        return True
    tags = len(re.findall(r"<(?:p|div|tr|td|span|font|br|table)\b", text[:200_000], re.I))
    return tags * 400 >= min(len(text), 200_000)


def _parse(text: str, encoded: bytes | None = None) -> _Tree:
    data = text.encode("utf-8") if encoded is None else encoded
    try:
        parser = etree.XMLParser(**_XML_OPTIONS)
        root = etree.fromstring(data, parser)
        xml = True
    except etree.XMLSyntaxError:
        parser = etree.HTMLParser(**_HTML_OPTIONS)
        root = etree.fromstring(data, parser)
        check_whole(parser.error_log)
        xml = False
    del data
    if root is None:
        raise BadInput("the HTML file holds no document; give the 10-K or 20-F as filed.")
    return _make_tree(root, xml)


_DEPTH_RE = re.compile(r"depth in document: (\d+)")


def check_whole(log: etree._ListErrorLog) -> None:
    """Refuse a document the (forgiving) HTML parser stopped reading part-way rather than read it cut short.

    libxml2 stops at markup nested deeper than 2,048 levels (256 without `huge_tree`), even with recovery on,
    and hands back the tree built so far: read as it is, a tagged report would lose half of its facts.
    """
    for entry in log:
        if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "Excessive depth" in entry.message:
            depth = _DEPTH_RE.search(entry.message)
            levels = f"more than {int(depth.group(1)):,} levels" if depth else "too"
            raise BadInput(
                f"the HTML nests its markup {levels} deep, past what the parser reads, so it is refused "
                "rather than stored cut short; give the filing as EDGAR serves it."
            )


def _make_tree(root: etree._Element, xml: bool) -> _Tree:
    if xml:
        html = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        ix_uri = next(
            (u for u in root.nsmap.values() if u and "inlineXBRL" in u and "transformation" not in u),
            IX_NAMESPACE,
        )
        tree = _Tree(root, html, "{" + ix_uri + "}", True)
    else:
        tree = _Tree(root, "", "ix:", False)
    for el in (root, *root.iterchildren()):
        for key, value in el.attrib.items():
            if key.startswith("xmlns:"):
                tree.prefixes.setdefault(key[6:], value)
    if xml:
        tree.prefixes.update({k: v for k, v in root.nsmap.items() if k})
    return tree


_ROLE_BLOCK, _ROLE_CELL, _ROLE_BREAK, _ROLE_HIDDEN = 1, 2, 4, 8
_ROLE_EXCLUDE, _ROLE_CONTINUATION, _ROLE_FACT, _ROLE_HEADER = 16, 32, 64, 128
_MARKING = _ROLE_BLOCK | _ROLE_CELL | _ROLE_BREAK | _ROLE_HIDDEN


@dataclass
class _Found:
    """What one pass over (a part of) the tree found, in document order."""

    hidden: list[etree._Element]
    """Elements styled `display:none` that hold something (empty hidden cells are common)."""
    excludes: list[etree._Element]
    continuations: list[etree._Element]
    facts: list[etree._Element]
    """The ix:nonNumeric elements."""
    headers: list[etree._Element]


def _roles(tree: _Tree, hidden_tags: set[str]) -> dict[str, int]:
    """What the one pass does with each tag it stops at."""
    h, ix = tree.html, tree.ix
    roles: dict[str, int] = {}
    tagged = [(h + t, _ROLE_BLOCK) for t in _BLOCK_TAGS] + [(h + t, _ROLE_CELL) for t in _CELL_TAGS]
    tagged += [(h + "br", _ROLE_BREAK)] + [(h + t, _ROLE_HIDDEN) for t in hidden_tags]
    tagged += [(ix + "exclude", _ROLE_EXCLUDE), (ix + "continuation", _ROLE_CONTINUATION)]
    tagged += [(t, _ROLE_FACT) for t in _fact_tags(tree)] + [(ix + "header", _ROLE_HEADER)]
    for tag, role in tagged:
        roles[tag] = roles.get(tag, 0) | role
    return roles


def _walk(tree: _Tree, top: etree._Element, hidden_tags: set[str], hidden: bool = True) -> _Found:
    """The pass over the tree under `top` (itself included): block-boundary marks put into its text so that
    the text serialiser keeps the line structure, ix:exclude content dropped, and the elements the reading
    needs collected (`_Found`; the hidden ones only with `hidden`, among the tags `hidden_tags` names, see
    `_hidden_tags`).

    Table cells, most of a 10-K's elements, need nothing but their mark: they are walked on their own first,
    with no tag looked up (which costs more, over a 10-K's cells, than a second pass over its tree); then
    everything else is walked once, in document order. (A walk costs mostly the Python work at each element
    it stops at: a walk stopping at every element costs a sixth of the parse.)"""
    roles = _roles(tree, hidden_tags if hidden else set())
    found = _Found([], [], [], [], [])
    lists = {
        _ROLE_EXCLUDE: found.excludes,
        _ROLE_CONTINUATION: found.continuations,
        _ROLE_FACT: found.facts,
        _ROLE_HEADER: found.headers,
    }
    cells = [tag for tag, role in roles.items() if role == _ROLE_CELL]
    if cells:  # (an iter without tags walks every element)
        for el in top.iter(*cells):
            tail = el.tail
            el.tail = " " + tail if tail else " "
    block = _BLOCK
    for el in top.iter(*[tag for tag, role in roles.items() if role != _ROLE_CELL]):
        role = roles[el.tag]
        if not role & _MARKING:
            lists[role].append(el)
            continue
        if role & _ROLE_HIDDEN:
            style = el.get("style")
            if (
                style
                and "none" in style
                and _HIDDEN_RE.search(style)
                and (len(el) or (el.text or "").strip(_MARKS))
            ):
                found.hidden.append(el)
        if role & _ROLE_BLOCK:
            text, tail = el.text, el.tail
            el.text = block + text if text else block
            el.tail = block + tail if tail else block
        elif role & _ROLE_CELL:
            tail = el.tail
            el.tail = " " + tail if tail else " "
        elif role & _ROLE_BREAK:
            tail = el.tail
            el.tail = _BREAK + tail if tail else _BREAK
    if found.excludes:
        _drop_excluded(tree, found)
    return found


def _drop_excluded(tree: _Tree, found: _Found) -> None:
    """Drop the ix:exclude elements (their content is part of no fact) and forget what was found in them."""
    inside: set[etree._Element] = set()
    for el in found.excludes:
        inside.update(el.iter(tree.ix + "continuation", *_fact_tags(tree), tree.ix + "header"))
    for el in found.excludes:
        _drop(el)
    found.continuations = [el for el in found.continuations if el not in inside]
    found.facts = [el for el in found.facts if el not in inside]
    found.headers = [el for el in found.headers if el not in inside]


def _hidden_tags(text: str) -> set[str]:
    """Tags that open a `display:none` element which is not empty (`<td style="display:none"/>` is)."""
    tags = set()
    found = _HIDDEN_FAST_RE.finditer(text)
    if _mixed_case_display(text):
        found = _HIDDEN_RE.finditer(text)  # the case-blind scan is ten times slower: only when needed
    for m in found:
        end = text.find(">", m.end())
        if end <= 0 or text[end - 1] == "/":  # (most hits: empty cells, `<td style="display:none"/>`)
            continue
        start = text.rfind("<", 0, m.start())
        tag = _TAG_NAME_RE.match(text, start) if start >= 0 else None
        if tag:
            tags.add(tag.group(1).lower())
    return tags


def _mixed_case_display(text: str) -> bool:
    """Does a `Display:` or `DISPLAY:` style property occur (not just the word in prose)? (One scan: faster
    than looking for each spelling.)"""
    return _MIXED_CASE_DISPLAY_RE.search(text) is not None


def _drop(el: etree._Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _to_lines(raw: str) -> list[str]:
    """Lines of marked text: source line breaks are spaces, block marks blank lines, <br> line breaks."""
    flat = raw.replace("\r", " ").replace("\n", " ")
    return flat.replace(_BLOCK, "\n\n").replace(_BREAK, "\n").split("\n")


def _plain(raw: str) -> str:
    """Marked text as an author would read it (for `Element.original`)."""
    text = raw.replace("\r", " ").replace("\n", " ").replace(_BLOCK, "\n").replace(_BREAK, "\n")
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def _normalised(raw: str) -> str:
    return "\n\n".join(paragraphs_from_lines(_to_lines(raw)))


def _fact_tags(tree: _Tree) -> tuple[str, ...]:
    """The tags of ix:nonNumeric (the HTML parser lower-cases them)."""
    tag = tree.ix + "nonNumeric"
    return (tag, tag.lower()) if not tree.xml else (tag,)


def _cyd_facts(
    tree: _Tree, elements: list[etree._Element], dei: dict[str, list[str]]
) -> Iterator[tuple[etree._Element, str, tuple[str, ...]]]:
    """The cyd facts among ix:nonNumeric elements in document order (element, local name, fact tags), noting
    dei values."""
    tags = _fact_tags(tree)
    for el in elements:
        qname = el.get("name")
        if not qname:
            continue
        uri, local = tree.namespace(el, qname)
        if uri is None:
            continue
        if uri.startswith(DEI_NAMESPACE_PREFIX):
            dei.setdefault(local, []).append(
                clean_inline(_text_of(el).replace(_BLOCK, " ").replace(_BREAK, " "))
            )
            fmt = tree.attr(el, "format") or ""
            fixed = _fixed_value(fmt) if fmt else None
            if fixed is not None:
                dei[local][-1] = "true" if fixed else "false"
        elif uri.startswith(CYD_NAMESPACE_PREFIX):
            yield el, local, tags


def _read_facts(
    tree: _Tree, continuations: dict, elements: list[etree._Element]
) -> tuple[list[_Fact], dict[str, list[str]]]:
    """The cyd facts among ix:nonNumeric elements in document order, and the dei values (raw text) by local
    name."""
    facts: list[_Fact] = []
    dei: dict[str, list[str]] = {}
    for el, local, tags in _cyd_facts(tree, elements, dei):
        parts = _chain(tree, el, local, continuations)
        raw = _join_parts([_text_of(part) for part in parts])
        kind = spec_for(local).kind
        nested = any(
            a.tag in tags and (a.get("name") or "").endswith("TextBlock") for a in el.iterancestors(*tags)
        )
        value: bool | str | None
        if kind == "flag":
            value = _flag_value(tree.attr(el, "format") or "", raw)
            if value is None:
                tree.notes.append(
                    f"the flag {local} reads {clean_inline(_plain(raw))!r}, neither true nor false."
                )
        else:
            value = _normalised(raw)
        facts.append(_Fact(local, kind, raw, value, nested, parts))
    return facts, dei


def _chain(tree: _Tree, el: etree._Element, name: str, continuations: dict) -> list[etree._Element]:
    """The fact's element followed by its ix:continuation elements, in chain order."""
    parts = [el]
    seen: set[str] = set()
    next_id = tree.attr(el, "continuedAt")
    while next_id and next_id not in seen:
        seen.add(next_id)
        cont = continuations.get(next_id)
        if cont is None:
            raise BadInput(
                f"the Inline XBRL is incomplete: fact {name} continues at '{next_id}', which is not in "
                "the document; give the complete filing."
            )
        parts.append(cont)
        next_id = tree.attr(cont, "continuedAt")
    return parts


def _join_parts(texts: list[str]) -> str:
    """Join a fact's fragments: a continuation that resumes mid-sentence (". As part of") is glued on."""
    out = texts[0]
    for text in texts[1:]:
        head = text.lstrip(_MARKS)
        out += ("" if head[:1] in ".,;:)" else " ") + text
    return out


def _mark_facts(facts: list[_Fact]) -> None:
    """Bracket the text of every cyd text block in the tree, so the body text shows what is tagged."""
    for fact in facts:
        if fact.kind != "text":
            continue
        for el in fact.parts:
            el.text = _OPEN + el.text if el.text else _OPEN
            el.tail = _CLOSE + el.tail if el.tail else _CLOSE


def _fixed_value(fmt: str) -> bool | None:
    local = fmt.rpartition(":")[2].lower().replace("-", "")
    return True if local == "fixedtrue" else False if local == "fixedfalse" else None


def _flag_value(fmt: str, raw: str) -> bool | None:
    fixed = _fixed_value(fmt)
    if fixed is not None:
        return fixed
    word = clean_inline(_plain(raw)).lower().strip(" .")
    return True if word in _TRUE else False if word in _FALSE else None


def _skip_hidden(body: etree._Element, hidden: list[etree._Element]) -> list[etree._Element]:
    """Leave hidden content (ix:header, display:none) out of the body text.

    Children of the body that hold it are skipped whole (cheap: ix:header can hold thousands of
    contexts); deeper hidden elements are dropped from the tree. Returns the skipped children.
    """
    skipped: list[etree._Element] = []
    for el in hidden:
        top = el
        for ancestor in el.iterancestors():
            if ancestor is body:
                break
            top = ancestor
        else:
            continue  # not in the body (e.g. in <head>): never part of the body text
        if top is el or top.get("style") and _HIDDEN_RE.search(top.get("style") or ""):
            skipped.append(top)
        elif not any(el is s for s in skipped):
            _drop(el)
    return skipped


def _body_text(body: etree._Element, skipped: list[etree._Element]) -> str:
    """The body's text with its block marks, leaving out the skipped children.

    The text is serialised in one call, the skipped children bracketed in it and cut out (a body has
    thousands of children; removing a child from the tree costs more, as lxml then walks all of it)."""
    if not skipped:
        return _text_of(body)
    unique = list({id(child): child for child in skipped}.values())
    for child in unique:
        child.text = _SKIP_FROM + child.text if child.text else _SKIP_FROM
        child.tail = _SKIP_TO + child.tail if child.tail else _SKIP_TO
    text = _text_of(body)
    if text.count(_SKIP_FROM) != len(unique) or text.count(_SKIP_TO) != len(unique):
        return _body_text_by_child(body, unique)  # the document itself spells the brackets
    pieces, at = [], 0
    for _ in unique:
        start = text.index(_SKIP_FROM, at)
        pieces.append(text[at:start])
        at = text.index(_SKIP_TO, start) + 1
    pieces.append(text[at:])
    return "".join(pieces)


def _body_text_by_child(body: etree._Element, skipped: list[etree._Element]) -> str:
    """`_body_text` a child at a time, for skipped children already bracketed."""
    parts = [body.text or ""]
    for child in body:
        if not any(child is s for s in skipped):
            parts.append(_text_of(child))
        parts.append((child.tail or "")[1:] if any(child is s for s in skipped) else child.tail or "")
    return "".join(parts)


def _text_of(el: etree._Element) -> str:
    """All text inside an element (not its tail); lxml's text serialiser is several times faster than itertext."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _merge_facts(facts: list[_Fact]) -> list[Element]:
    """One element per name, in order of first appearance; duplicate texts concatenated once each."""
    elements: dict[str, Element] = {}
    for fact in facts:
        el = elements.get(fact.name)
        original = _plain(fact.raw)
        if el is None:
            elements[fact.name] = Element(fact.name, fact.kind, fact.value, "tagged", original=original)  # type: ignore[arg-type]
            continue
        if fact.kind == "flag" or not fact.value:
            continue
        have = comparison_key(str(el.value or ""))
        extra = [p for p in str(fact.value).split("\n\n") if comparison_key(p) not in have]
        if extra:
            el.value = "\n\n".join([p for p in [str(el.value or "")] if p] + extra)
            el.original = f"{el.original}\n{original}"
    return list(elements.values())


def _tagged_disclosure(facts: list[_Fact], lines: list[str], marked: dict[int, str]) -> Disclosure:
    """Elements from the facts; the section located in `lines`; `marked` holds, by index, the lines that have
    fact brackets, as they read with them (see `_Lines`)."""
    elements = _merge_facts(facts)
    texts = [f for f in facts if f.kind == "text" and f.value]
    keys = "\x00".join(comparison_key(str(f.value)) for f in texts)
    section = untagged.find_section(lines)
    if section is not None:
        paras = paragraphs_from_lines(section.lines)
        leftover = _uncovered(paragraphs_from_lines(_untagged_lines(section, lines, marked)), keys)
    else:
        paras = _union_paragraphs(str(f.value) for f in texts if not f.nested)
        leftover = []
    if leftover:  # text outside every tag: not tagged, whatever the rest of the filing is
        original = "\n".join(leftover)
        elements.insert(
            0, Element(UNTAGGED_ELEMENT, "text", "\n\n".join(leftover), "untagged", original=original)
        )
    return Disclosure(
        elements=elements,
        tagged=True,
        source_format="ixbrl",
        section_text="\n\n".join(paras),
        form=section.form if section else None,
    )


def _untagged_lines(section: untagged.Section, lines: list[str], marked: dict[int, str]) -> list[str]:
    """The section's lines with the text of every cyd text block cut out."""
    depth = sum(line.count(_OPEN) - line.count(_CLOSE) for j, line in marked.items() if j < section.start)
    outside: dict[int, str] = {}
    for j in range(section.start, min(section.end, len(lines))):
        line = marked.get(j)
        if line is None:
            line = lines[j]
        if _OPEN not in line and _CLOSE not in line:
            outside[j] = "" if depth > 0 else line
            continue
        kept = []
        for part in re.split(f"([{_OPEN}{_CLOSE}])", line):
            if part == _OPEN:
                depth += 1
            elif part == _CLOSE:
                depth = max(depth - 1, 0)
            elif depth == 0:
                kept.append(part)
        outside[j] = "".join(kept)
    out = []
    for text, source in zip(section.lines, section.sources):
        if source < 0:
            out.append(text)  # the part of a heading line after the heading: decided by comparison keys
        elif text:
            out.append(clean_inline(outside.get(source, "")))
        else:
            out.append("")
    return out


def _union_paragraphs(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        for para in value.split("\n\n"):
            key = comparison_key(para)
            if key and key not in seen:
                seen.add(key)
                out.append(para)
    return out


def _uncovered(paras: list[str], keys: str) -> list[str]:
    """The paragraphs (or the sentences of them) that no text block contains."""
    out: list[str] = []
    for para in paras:
        if untagged.covered(para, keys):
            continue
        rest = [s for s in sentences(para) if not untagged.covered(s, keys)]
        if rest:
            out.append(" ".join(rest))
    return out


def _untagged_disclosure(text: str, lines: list[str], dei: dict[str, list[str]]) -> Disclosure:
    form = (dei.get("DocumentType") or [""])[0]
    if not form and not _ANNUAL_MARKERS.search(" ".join(lines[:3000])):
        raise BadInput(
            "the HTML is not a 10-K or 20-F annual report (no form type or annual-report cover found); "
            "give the filing's primary document."
        )
    section = untagged.find_section(lines)
    if section is None:
        raise BadInput(
            "the annual report has no Item 1C (10-K) or Item 16K (20-F) cybersecurity section; "
            "give a complete report for a fiscal year ending on or after 2023-12-15."
        )
    complete = _ends_with_html_close(text)
    if section.end >= len(lines) and not complete:
        raise BadInput(
            "the HTML ends inside its Item 1C / Item 16K section, so the file is truncated; "
            "download the complete filing again."
        )
    untagged.refuse_page_reference(section)
    disclosure = untagged.section_disclosure(section, "html")
    if not untagged.has_text(disclosure):
        raise BadInput(
            "the Item 1C / Item 16K heading is followed by no text; give the complete annual report."
        )
    return disclosure


def _ends_with_html_close(text: str) -> bool:
    """Does the text end with `</html>` (any case, trailing white space aside)? Without copying the text."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return text[max(end - 7, 0) : end].lower() == "</html>"


_EQUITY_TICKER = re.compile(r"[A-Z]{1,5}(?:[.-][A-Z])?")


def _apply_dei(disclosure: Disclosure, dei: dict[str, list[str]]) -> None:
    first = {k: next((v for v in vals if v), None) for k, vals in dei.items()}
    if first.get("EntityCentralIndexKey"):
        digits = re.sub(r"\D", "", first["EntityCentralIndexKey"] or "")
        disclosure.cik = digits.zfill(10) if digits else None
    disclosure.name = first.get("EntityRegistrantName") or disclosure.name
    tickers: list[str] = []
    for value in dei.get("TradingSymbol", []):
        for symbol in re.split(r"[,;\s]+", value):
            if symbol and symbol.upper() not in tickers and symbol.lower() not in ("n/a", "none"):
                tickers.append(symbol.upper())
    # Notes and preferred shares carry symbols like "KO26" or "WFC.PRL": keep the equity tickers.
    equity = [t for t in tickers if _EQUITY_TICKER.fullmatch(t)]
    disclosure.tickers = equity or tickers[:1]
    if first.get("DocumentType"):
        disclosure.form = (first["DocumentType"] or "").upper()
    year = first.get("DocumentFiscalYearFocus")
    if year and re.fullmatch(r"\d{4}", year.strip()):
        disclosure.fiscal_year = int(year)
    if first.get("DocumentPeriodEndDate"):
        disclosure.period_end = parse_date(first["DocumentPeriodEndDate"] or "")
    amendment = (first.get("AmendmentFlag") or "").lower() in _TRUE
    disclosure.amendment = amendment or bool(disclosure.form and disclosure.form.endswith("/A"))
    if disclosure.amendment and disclosure.form and not disclosure.form.endswith("/A"):
        disclosure.form += "/A"


def parse_date(text: str) -> str | None:
    """ISO date from "2024-12-31", "December 31, 2024", "31 December 2024", "12/31/2024" or "Dec. 31, 2024"."""
    t = clean_inline(text).lower().replace(".", " ").replace(",", " ")
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := re.search(r"([a-z]+)\s+(\d{1,2})\s+(\d{4})", t):
        mo, d, y = _month(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := re.search(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", t):
        d, mo, y = int(m.group(1)), _month(m.group(2)), int(m.group(3))
    elif m := re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", t):
        mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int:
    return next((n for name, n in _MONTHS.items() if name.startswith(word[:3])), 0)


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of any HTML filing's body as the readers see them (an 8-K, or a whole annual report);
    plain text is split into paragraphs as it is."""
    if not _looks_like_markup(text):
        return paragraphs_from_lines(text.splitlines())
    hidden = _hidden_tags(text)
    read = _stream(text, hidden) or _read_whole(_parse(text), hidden)
    return paragraphs_from_lines(read.lines.plain)
