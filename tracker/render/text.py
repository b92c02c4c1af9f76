"""Render a Comparison as text (terminal), Markdown or JSON.

Text and Markdown read like the top of a redline memo, in plain English (no taxonomy names): the filer and the
years, caveats, the verdict (significance with the top changes in plain English, the extent of rewording and
the counts by severity); then the flags, facts and people changed, each with its severity and why it matters;
then every wording change once, numbered in reading order (the numbers of `tracker.diff.redline`), under the
filing's own sub-heading, with word edits shown as [-deleted-]{+inserted+} (ANSI red/green when colour is
asked for); and the similarity of the whole section in one line. With ``verbose`` the cyd element names and
every element a sentence sits in are shown too, followed by the element-by-element listing (standard labels,
per-element similarity). JSON is the contract of docs/json.md.
HTML is rendered elsewhere from the same Comparison (its `pairs` hold the aligned sentences).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from tracker.diff import redline
from tracker.diff.compare import NOT_COMPARED, TEXT_KINDS, Comparison, disclosure_meta, filer_meta
from tracker.diff.significance import clip, restated_note
from tracker.errors import BadInput
from tracker.facts import SPECS as FACT_SPECS
from tracker.facts.changes import STRENGTH_WORDS
from tracker.facts.material import affirms_material, carve_out
from tracker.models import MATERIAL_TEXT, UNTAGGED_ELEMENT, Change, spec_for
from tracker.render.labels import MEASURES, display_value, fact_label, named, repeats
from tracker.text.normalize import comparison_key

FORMATS = ("text", "markdown", "json")

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(
    comparison: Comparison,
    fmt: str = "text",
    *,
    filer: dict | None = None,
    old_meta: dict | None = None,
    new_meta: dict | None = None,
    color: bool = False,
    verbose: bool = False,
    incidents: list[str] | None = None,
) -> str:
    """The comparison in one of FORMATS; metadata default to what the disclosures say. `incidents` (8-K
    incidents between the two years, one line each) come first, and in the JSON under `incidents`."""
    filer = filer if filer is not None else filer_meta(comparison.new, comparison.old)
    old_meta = old_meta if old_meta is not None else disclosure_meta(comparison.old)
    new_meta = new_meta if new_meta is not None else disclosure_meta(comparison.new)
    if fmt == "json":
        data = comparison.to_json(filer, old_meta, new_meta)
        if incidents:
            data = {"incidents": incidents, **data}
        return json.dumps(data, indent=2, ensure_ascii=False)
    if fmt == "text":
        head = "".join(f"{line}\n" for line in incidents or [])
        return (
            head
            + ("\n" if head else "")
            + _Text(color, verbose).render(comparison, filer, old_meta, new_meta)
        )
    if fmt == "markdown":
        head = "".join(f"> **Incident.** {line}\n" for line in incidents or [])
        return (
            head + ("\n" if head else "") + _Markdown(verbose).render(comparison, filer, old_meta, new_meta)
        )
    raise BadInput(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)} (or html).")


def _side(meta: dict) -> str:
    year = meta.get("fiscal_year") or "?"
    form = meta.get("form") or "annual report"
    if meta.get("tagged"):
        tagged = "tagged"
    elif "text" in (meta.get("source_format"), meta.get("source")):
        tagged = "text extract, no tags"  # (readers took "untagged" to say the filing itself carries no tags)
    else:
        tagged = "untagged"
    return f"FY{year} {form} ({tagged})"


def _filer_line(filer: dict) -> str:
    if filer.get("old_filer"):  # two filers compared: both named, the earlier side first
        return f"{_filer_line(filer['old_filer'])} -> {_filer_line({**filer, 'old_filer': None})}"
    name, tickers = named(filer)
    bits = [f"CIK {filer['cik']}"] if filer.get("cik") else []
    bits += tickers
    return f"{name} ({', '.join(bits)})" if bits else name


def _similarity(sim: dict) -> str:
    return "  ".join(f"{k} {v:.3f}" for k, v in sim.items())


def _similarity_line(c: Comparison) -> str:
    """The similarity of the whole section in one line, measures by their plain names."""
    sim = c.similarity.to_json()
    shown = ", ".join(
        f"{label.lower() if key != 'jaccard' else label} {float(sim[key]):.3f}"
        for key, label in MEASURES
        if key in sim
    )
    return f"Similarity of the whole section: {shown} (1 = identical)"


def _summary_lines(c: Comparison) -> list[str]:
    """The verdict first: significance with the top changes, then the extent of rewording and the counts."""
    lead = c.significance[:1].upper() + c.significance[1:]
    # a flag's top change names it by what it says, not by its standard label
    plain = {
        ch.summary: f"{spec_for(ch.element or '').reader_label}: {plain_flag_value(ch.old)} -> "
        f"{plain_flag_value(ch.new)}"
        for ch in c.changes
        if ch.kind == "flag_flipped" and ch.summary
    }
    lines = [f"Verdict: {lead}" + (":" if c.judgement.top else "")]
    lines += [f"  - {plain.get(t, t)}" for t in c.judgement.top]
    counted = c.counted
    counts = (
        f"Changes: {counted['high']} high, {counted['medium']} medium, {counted['low']} low"
        + restated_note(c.restated)
    )
    return lines + [f"Wording: {c.extent}", counts]


# --------------------------------------------------------------------------- flags, facts and people
#: Where a flag's value came from, in plain words.
SOURCES = {"tagged": "tagged", "inferred": "read from the text", "absent": "not stated"}
#: The values of the material-incident facts in plain words.
_MATERIAL_WORDS = {
    "material_incident_statement": {
        "none": "says it has not been materially affected",
        "affected": "says it has been, or is likely to be, materially affected",
    },
    "material_incident_strength": STRENGTH_WORDS,
}


def plain_fact_label(fact: str | None) -> str:
    """What a reader calls a fact: its label in the fact catalogue ("How often the board is briefed")."""
    return FACT_SPECS[fact].label if fact in FACT_SPECS else fact_label(fact)


def plain_fact_value(value: object, fact: str | None = None) -> str:
    """A fact value as a reader wants to see it ("not stated" where the filing says nothing)."""
    if value is None or value == "absent":
        return "not stated"
    words = _MATERIAL_WORDS.get(fact or "", {})
    if isinstance(value, str) and value in words:
        return words[value]
    return display_value(value, fact)


def plain_flag_value(value: object, source: str | None = None) -> str:
    """A flag value: yes, no or not stated, with where it came from ("no (tagged)", "yes (read from the text)")."""
    said = "not stated" if value is None else "yes" if value else "no"
    where = SOURCES.get(source or "")
    return f"{said} ({where})" if value is not None and where and source != "absent" else said


#: The heading of what both years state alike (`unchanged_lines`).
STILL_HEADING = "Stated alike in both years"


def still_heading(c: Comparison) -> str:
    """The heading of `unchanged_lines`: what both years state alike, or, where one year was not read, what the other
    states."""
    if one := c.one_year_states:
        unread = c.old if one[0] is c.new else c.new
        return (
            f"What FY{one[0].fiscal_year or '?'} states (FY{unread.fiscal_year or '?'} was not read, so nothing is "
            "compared)"
        )
    return STILL_HEADING


def unchanged_lines(c: Comparison) -> list[str]:
    """What both years state alike (`Comparison.unchanged`), one line a fact: "Board oversight: audit committee";
    "Statement on material incidents: not stated in either year" where neither makes it; the values kept of a fact
    whose other values changed "(beside the changes above)" (a briefing still "regular" beside one now quarterly read
    to unseen filings' readers as a contradiction of the change); the statement made, with how firmly and its words
    ("says it has not been materially affected (a belief): “Based on the information we have …”")."""
    changed = {ch.fact for ch in c.changes if ch.fact}
    if any(
        ch.kind in TEXT_KINDS
        and ch.severity != "low"
        and MATERIAL_TEXT in (ch.elements or [ch.element or ""])
        for ch in c.changes
    ):
        # (the statement's wording changed in substance, its value alike: "... [-or are reasonably likely to materially
        # affect-] ..." beside "Stated alike: says it has not been materially affected", readers 37 and 38 found
        # contradictory)
        changed.add("material_incident_statement")
    lines = []
    one = c.one_year_states
    for fact, values in one[1] if one else c.unchanged:
        if values == ["absent"]:
            line = "not stated in either year"
        else:
            who = (  # (who reports to each officer; who is briefed at each frequency)
                c.reporters_alike(values)
                if fact == "reports_to"
                else c.briefed_alike(values)
                if fact == "briefing_frequency"
                else {}
            )
            line = "; ".join(
                plain_fact_value(v, fact) + (_who_note(fact, who[v]) if who and v in who else "")
                for v in values
            )
            if fact == "material_incident_statement" and (said := c.statement_said()):
                if values == ["affected"] and (carved := carve_out(said[1])) and not affirms_material(carved):
                    # a denial with an exception that says no more ("Except as described above, we have not identified
                    # any cybersecurity incidents that have materially affected us": reader 42's bank, "says it has been,
                    # or is likely to be, materially affected")
                    line = f"says it has not been materially affected, but for what it excepts (\u201c{carved}\u201d)"
                line += _statement_words(*said)
        lines.append(
            f"{plain_fact_label(fact)}: {line}" + (" (beside the changes above)" if fact in changed else "")
        )
    return lines


def _who_note(fact: str, who: list[str]) -> str:
    """ " (reported to by the Chief Information Security Officer)" of an officer reported to; " (the audit committee,
    the board)" of a briefing frequency."""
    if fact == "reports_to":
        return f" (reported to by the {' and the '.join(who)})"
    return f" ({', '.join(who)})"


#: The words of a denial or a hedge, from before which a long statement is quoted.
_DENIAL_WORD_RE = re.compile(r"\b(?:not|no|none|never|believe|aware|knowledge)\b")


def _statement_words(strength: str | None, sentence: str, limit: int = 200) -> str:
    """ " (a belief): “Based on the information we have as of the date of this Form 10-K, we do not believe any…”": a
    long sentence quoted from a little before the last denial or hedge ahead of "material" ("we do not believe")."""
    low = sentence.lower()
    at = low.find("material")
    start = 0
    if at > limit - 30:
        said = [m.start() for m in _DENIAL_WORD_RE.finditer(low, 0, at)]
        # (never a negative end, which counts from the sentence's end: "We do not believe, as of ..., that any
        # risks ... have materially affected" was quoted as "“…condition.”", its last word)
        start = sentence.rfind(" ", 0, max(0, (said[-1] - 20) if said else (at - 120))) + 1
    firmly = f" ({STRENGTH_WORDS[strength]})" if strength in STRENGTH_WORDS else ""
    lead = "\u2026" if start else ""
    return f"{firmly}: \u201c{lead}{clip(sentence[start:], limit)}\u201d"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain_change(ch: Change, verbose: bool = False) -> str:
    """A flag, fact, people or element change in plain English: what changed and why it matters (without the
    severity, which the formats show their own way)."""
    if ch.kind == "flag_flipped":
        spec = spec_for(ch.element or "")
        line = (
            f"{spec.reader_label}: {plain_flag_value(ch.old, ch.old_source)} -> "
            f"{plain_flag_value(ch.new, ch.new_source)}"
        )
        if verbose:
            line += f" ({spec.name}, Item 106 {spec.item})" if spec.item else f" ({spec.name})"
    elif ch.kind in _ELEMENT_KINDS:
        spec = spec_for(ch.element or "")
        line = f"{spec.reader_label}: {'newly tagged' if ch.kind == 'element_added' else 'no longer tagged'}"
        if verbose:
            line += f" ({spec.name})"
    elif ch.summary:
        line = _capital(ch.summary)
    elif ch.kind == "fact_changed":
        line = (
            f"{plain_fact_label(ch.fact)}: {plain_fact_value(ch.old, ch.fact)} -> "
            f"{plain_fact_value(ch.new, ch.fact)}"
        )
    elif ch.kind in ("fact_added", "fact_removed"):
        verb = "now stated" if ch.kind == "fact_added" else "no longer stated"
        line = f"{plain_fact_label(ch.fact)} {verb}: {plain_fact_value(ch.value, ch.fact)}"
    else:
        line = ch.kind.replace("_", " ")
    if ch.why and not repeats(ch.summary if ch.kind != "flag_flipped" else None, ch.why):
        line += f". Why it matters: {ch.why}"
    return line


_FACT_KINDS = ("flag_flipped", "fact_changed", "fact_added", "fact_removed")
_ELEMENT_KINDS = ("element_added", "element_removed")


def _sections(c: Comparison) -> list[tuple[str, list[Change]]]:
    out: list[tuple[str, list[Change]]] = []
    for title, kinds in (
        ("Flags, facts and people changed", _FACT_KINDS),
        ("Tagged blocks that appeared or disappeared", _ELEMENT_KINDS),
    ):
        changes = [ch for ch in c.changes if ch.kind in kinds]
        if changes:
            out.append((title, changes))
    return out


def _by_element(c: Comparison) -> list[tuple[str, list[Change]]]:
    groups: dict[str, list[Change]] = {}
    for ch in c.changes:
        if ch.kind in TEXT_KINDS:
            groups.setdefault(ch.element or "", []).append(ch)
    return list(groups.items())


# --------------------------------------------------------------------------- wording changes in reading order
_OPS = {"equal": 0, "insert": 1, "delete": -1}


@dataclass
class _Wording:
    """One wording change as the memo lists it."""

    number: int
    """Its number in reading order."""
    heading: str | None
    """The filing's sub-heading it falls under (None before any, or when the filing has none)."""
    kind: str
    """changed, added, removed or moved (the redline piece's kind)."""
    verb: str
    """What happened, in words: Reworded, Added, Removed, Moved from ¶3 of FY2023 ..."""
    ops: list[tuple[int, str]]
    """The words, as diff ops (0 equal, 1 inserted, -1 deleted)."""
    elements: list[str]
    """The cyd elements the sentence sits in (text outside any element left out)."""
    change: Change | None
    """The text change of the comparison it shows."""
    boilerplate: int = 0
    """Other filers stating the sentence nearly alike, when it is common boilerplate (else 0)."""

    @property
    def label(self) -> str | None:
        """The short plain label of its first element, and of the material-effect text block when the sentence sits
        in it too (the statement a reader scans for: "[Management's role; Material effect of cyber risks]")."""
        if not self.elements:
            return None
        first = spec_for(self.elements[0]).reader_label
        return (
            f"{first}; {spec_for(MATERIAL_TEXT).reader_label}"
            if MATERIAL_TEXT in self.elements[1:]
            else first
        )

    @property
    def also(self) -> list[str]:
        """Plain labels of the other elements it sits in (the material-effect one aside: `label` names it)."""
        return [spec_for(e).reader_label for e in self.elements[1:] if e != MATERIAL_TEXT]

    @property
    def rank(self) -> str:
        """ "[high] why" when it matters more than its words, else empty."""
        ch = self.change
        return f"[{ch.severity}] {ch.why}" if ch is not None and ch.severity != "low" and ch.why else ""


def _moved_verb(piece: redline.Piece, old_year: object) -> str:
    """ "Moved from ¶3 of FY2023" (with the sub-heading it stood under, when it moved from under another one);
    "Moved within the section" when its old place is not known."""
    place = piece.old_place
    verb = "Moved within the section"
    if place is not None:
        verb = f"Moved from \u00b6{place[0]} of {f'FY{old_year}' if old_year else 'the earlier filing'}"
        if place[1] and comparison_key(place[1]) != comparison_key(piece.heading or ""):
            verb += f" (under \u201c{place[1]}\u201d)"
    return verb + (" and reworded" if piece.rewritten else "")


def wording_changes(c: Comparison) -> list[_Wording]:
    """Every text change once, numbered in reading order, with the sub-heading it falls under."""
    rl = redline.build(c)
    out: list[_Wording] = []
    for piece in rl.changes:
        if piece.kind == "moved":
            verb = _moved_verb(piece, c.old.fiscal_year)
        else:
            verb = {"changed": "Reworded", "added": "Added", "removed": "Removed"}[piece.kind]
        ops = [(_OPS[op], text) for op, text in piece.segments]
        source = piece.change.elements if piece.change and piece.change.elements else piece.elements
        elements = [e for e in source if e != UNTAGGED_ELEMENT]
        out.append(
            _Wording(
                piece.number or 0,
                piece.heading,
                piece.kind,
                verb,
                ops,
                elements,
                piece.change,
                piece.boilerplate,
            )
        )
    return out


#: The margin mark of a sentence that is common boilerplate, and the line that explains it.
BOILERPLATE_MARK = "\u2248"
BOILERPLATE_LEGEND = (
    f"{BOILERPLATE_MARK} marks common boilerplate: a sentence at least two other filers state nearly alike."
)


def _groups(wording: list[_Wording]) -> list[tuple[str | None, list[_Wording]]]:
    """The changes in runs of one sub-heading: (the filing's sub-heading, None before the first or where the
    filing has none; the changes)."""
    out: list[tuple[str | None, list[_Wording]]] = []
    for w in wording:
        if not out or out[-1][0] != w.heading:
            out.append((w.heading, []))
        out[-1][1].append(w)
    return out


# --------------------------------------------------------------------------- text
class _Text:
    """Plain text for a terminal."""

    def __init__(self, color: bool, verbose: bool = False) -> None:
        self.color = color
        self.verbose = verbose

    def paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def ops(self, ops: list) -> str:
        marks = {-1: ("[-", "-]", _RED), 1: ("{+", "+}", _GREEN)}
        out = []
        for op, text in ops:
            if op == 0:
                out.append(text)
            else:
                left, right, code = marks[op]
                out.append(self.paint(code, left + text + right))
        return "".join(out)

    def render(self, c: Comparison, filer: dict, old_meta: dict, new_meta: dict) -> str:
        lines = [self.paint(_BOLD, _filer_line(filer)), f"{_side(old_meta)} -> {_side(new_meta)}", ""]
        lines += [f"Caveat: {note}" for note in c.caveats]
        lines += _summary_lines(c)
        for title, changes in _sections(c):
            lines += ["", self.paint(_BOLD, f"{title}:")]
            lines += [f"  - [{ch.severity}] {_plain_change(ch, self.verbose)}" for ch in changes]
        wording = wording_changes(c)
        if wording:
            lines += ["", self.paint(_BOLD, f"Wording changes, in reading order ({len(wording)}):")]
            for heading, group in _groups(wording):
                lines += ["", self.paint(_BOLD, f"Under \u201c{heading}\u201d:")] if heading else []
                for w in group:
                    lines += self.wording(w)
            if any(w.boilerplate for w in wording):
                lines += ["", self.paint(_DIM, BOILERPLATE_LEGEND)]
        compared = c.significance != NOT_COMPARED
        if compared and not c.changes:
            lines += ["", "No change in flags, facts or text."]
        if still := unchanged_lines(c):  # (where one year was not read, what the other states)
            lines += ["", self.paint(_BOLD, f"{still_heading(c)}:")] + [f"  - {line}" for line in still]
        if not compared:
            return "\n".join(lines) + "\n"  # nothing was compared: no similarity to give
        lines += ["", self.paint(_DIM, _similarity_line(c))]
        if self.verbose:
            lines += self.elements(c)
        return "\n".join(lines) + "\n"

    def wording(self, w: _Wording) -> list[str]:
        label = f" [{w.label}]" if w.label else ""
        if self.verbose and w.also:
            label += f" (also in: {'; '.join(w.also)})"
        if w.kind == "added":
            body = self.paint(_GREEN, "".join(t for _, t in w.ops))
        elif w.kind == "removed":
            body = self.paint(_RED, "".join(t for _, t in w.ops))
        else:
            body = self.ops(w.ops)
        margin = f"{BOILERPLATE_MARK} " if w.boilerplate else "  "
        lines = [f"{margin}{w.number}. {w.verb}{label}: {body}"]
        indent = " " * (len(str(w.number)) + 4)
        if w.rank:
            lines.append(f"{indent}{w.rank}")
        if self.verbose and w.elements:
            lines.append(self.paint(_DIM, f"{indent}elements: {', '.join(w.elements)}"))
        return lines

    def elements(self, c: Comparison) -> list[str]:
        """Element by element, as the taxonomy names them (verbose)."""
        groups = _by_element(c)
        if not groups:
            return []
        lines = ["", self.paint(_BOLD, "Element by element (XBRL standard labels):")]
        for element, changes in groups:
            lines += ["", self.paint(_BOLD, f"== {spec_for(element).label} =="), *self.similarity(c, element)]
            lines += [self.change(ch) for ch in changes]
        return lines

    def similarity(self, c: Comparison, element: str) -> list[str]:
        sim = c.element_similarity.get(element)
        return [self.paint(_DIM, f"   similarity: {_similarity(sim.to_json())}")] if sim else []

    def change(self, ch: Change) -> str:
        also = (
            f" (also in: {', '.join(spec_for(e).label for e in ch.elements[1:])})"
            if len(ch.elements) > 1
            else ""
        )
        also += _rank_note(ch)
        if ch.kind == "text_changed":
            where = f" (moved {ch.from_position} -> {ch.to_position})" if ch.from_position else ""
            return f"  ~ changed{where}{also}: {self.ops(ch.ops or [])}"
        if ch.kind == "text_added":
            return f"  + added{also}: {self.paint(_GREEN, ch.text or '')}"
        if ch.kind == "text_removed":
            return f"  - removed{also}: {self.paint(_RED, ch.text or '')}"
        return f"  > moved {ch.from_position} -> {ch.to_position}{also}: {ch.text}"


def _rank_note(ch: Change) -> str:
    """ " [medium: why]" for a wording change that matters more than its words."""
    return f" [{ch.severity}: {ch.why}]" if ch.severity != "low" and ch.why else ""


def _MD_SPECIAL(s: str) -> str:
    """Markdown's special characters escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|~" else ch for ch in s)


# --------------------------------------------------------------------------- Markdown
class _Markdown:
    """GitHub-flavoured Markdown: ~~deleted~~ and **inserted**."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose

    def ops(self, ops: list) -> str:
        out = []
        for op, text in ops:
            body = _MD_SPECIAL(text)
            stripped = body.strip()
            if op == 0 or not stripped:
                out.append(body)
                continue
            lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()) :]
            out.append(f"{lead}{'~~' if op == -1 else '**'}{stripped}{'~~' if op == -1 else '**'}{trail}")
        return "".join(out)

    def render(self, c: Comparison, filer: dict, old_meta: dict, new_meta: dict) -> str:
        lines = [f"# {_MD_SPECIAL(_filer_line(filer))}", "", f"{_side(old_meta)} -> {_side(new_meta)}", ""]
        lines += [f"> **Caveat:** {_MD_SPECIAL(note)}\n" for note in c.caveats]
        lines += [f"- {_MD_SPECIAL(line)}" for line in _summary_lines(c)]
        for title, changes in _sections(c):
            lines += ["", f"## {title}", ""]
            lines += [
                f"- **{ch.severity}**: {_MD_SPECIAL(_plain_change(ch, self.verbose))}" for ch in changes
            ]
        wording = wording_changes(c)
        if wording:
            lines += ["", f"## Wording changes, in reading order ({len(wording)})"]
            for heading, group in _groups(wording):
                lines += ["", f"### {_MD_SPECIAL(heading)}"] if heading else []
                lines.append("")
                for w in group:
                    lines += self.wording(w)
            if any(w.boilerplate for w in wording):
                lines += ["", f"*{BOILERPLATE_LEGEND}*"]
        compared = c.significance != NOT_COMPARED
        if compared and not c.changes:
            lines += ["", "No change in flags, facts or text."]
        if still := unchanged_lines(c):  # (where one year was not read, what the other states)
            lines += ["", f"**{still_heading(c)}:**", ""] + [f"- {_MD_SPECIAL(line)}" for line in still]
        if not compared:
            return "\n".join(lines) + "\n"  # nothing was compared: no similarity to give
        lines += ["", _MD_SPECIAL(_similarity_line(c))]
        if self.verbose:
            lines += self.elements(c)
        return "\n".join(lines) + "\n"

    def wording(self, w: _Wording) -> list[str]:
        label = f" [{w.label}]" if w.label else ""
        if self.verbose and w.also:
            label += f" (also in: {'; '.join(w.also)})"
        if w.kind == "added":
            body = _MD_SPECIAL("".join(t for _, t in w.ops))
        elif w.kind == "removed":
            body = f"~~{_MD_SPECIAL(''.join(t for _, t in w.ops).strip())}~~"
        else:
            body = self.ops(w.ops)
        mark = f"{BOILERPLATE_MARK} " if w.boilerplate else ""
        lines = [f"{w.number}. {mark}**{w.verb}**{_MD_SPECIAL(label)}: {body}"]
        indent = " " * (len(str(w.number)) + 2)
        if w.rank:
            lines.append(f"{indent}- *{_MD_SPECIAL(w.rank)}*")
        if self.verbose and w.elements:
            lines.append(f"{indent}- elements: {', '.join(f'`{e}`' for e in w.elements)}")
        return lines

    def elements(self, c: Comparison) -> list[str]:
        """Element by element, as the taxonomy names them (verbose)."""
        groups = _by_element(c)
        if not groups:
            return []
        lines = ["", "## Element by element (XBRL standard labels)"]
        for element, changes in groups:
            lines += ["", f"### {_MD_SPECIAL(spec_for(element).label)}", ""]
            sim = c.element_similarity.get(element)
            if sim:
                lines += [f"Similarity: {_similarity(sim.to_json())}", ""]
            lines += [self.change(ch) for ch in changes]
        return lines

    def change(self, ch: Change) -> str:
        also = (
            f" (also in: {', '.join(spec_for(e).label for e in ch.elements[1:])})"
            if len(ch.elements) > 1
            else ""
        )
        also += _MD_SPECIAL(_rank_note(ch))
        if ch.kind == "text_changed":
            return f"- **changed**{also}: {self.ops(ch.ops or [])}"
        if ch.kind == "text_added":
            return f"- **added**{also}: {_MD_SPECIAL(ch.text or '')}"
        if ch.kind == "text_removed":
            return f"- **removed**{also}: ~~{_MD_SPECIAL(ch.text or '')}~~"
        return f"- **moved** {ch.from_position} -> {ch.to_position}{also}: {_MD_SPECIAL(ch.text or '')}"
