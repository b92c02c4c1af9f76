"""Render a Comparison as text (terminal), Markdown or JSON.

Every format starts with the summary (the verdict: significance with the top changes in plain English, and
the extent of rewording; similarity; counts by severity; flags flipped; people and facts changed, each with
why it matters; elements added or removed), then goes element by element through the text changes, old ->
new, with word edits shown as [-deleted-]{+inserted+} (ANSI red/green when colour is asked for).
HTML is rendered elsewhere from the same Comparison (its `pairs` hold the aligned sentences).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from tracker.differ import TEXT_KINDS, Comparison, disclosure_meta, filer_meta
from tracker.errors import BadInput
from tracker.models import Change, spec_for

FORMATS = ("text", "markdown", "json")

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(comparison: Comparison, fmt: str = "text", *, filer: dict | None = None,
           old_meta: dict | None = None, new_meta: dict | None = None, color: bool = False,
           verbose: bool = False) -> str:
    """The comparison in one of FORMATS; metadata default to what the disclosures say."""
    filer = filer if filer is not None else filer_meta(comparison.new, comparison.old)
    old_meta = old_meta if old_meta is not None else disclosure_meta(comparison.old)
    new_meta = new_meta if new_meta is not None else disclosure_meta(comparison.new)
    if fmt == "json":
        return json.dumps(comparison.to_json(filer, old_meta, new_meta), indent=2, ensure_ascii=False)
    if fmt == "text":
        return _Text(color).render(comparison, filer, old_meta, new_meta)
    if fmt == "markdown":
        return _Markdown().render(comparison, filer, old_meta, new_meta)
    raise BadInput(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)} (or html).")


def _side(meta: dict) -> str:
    year = meta.get("fiscal_year") or "?"
    form = meta.get("form") or "annual report"
    tagged = "tagged" if meta.get("tagged") else "untagged"
    return f"FY{year} {form} ({tagged})"


def _filer_line(filer: dict) -> str:
    name = filer.get("name") or "Unnamed filer"
    bits = [f"CIK {filer['cik']}"] if filer.get("cik") else []
    bits += list(filer.get("tickers") or [])
    return f"{name} ({', '.join(bits)})" if bits else name


def _value(v: object) -> str:
    if v is None:
        return "absent"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dict):
        from tracker.facts import fact_text

        return fact_text(v)
    if isinstance(v, (list, set, tuple)):
        return ", ".join(_value(x) for x in v)
    return str(v)


def _similarity(sim: dict) -> str:
    return "  ".join(f"{k} {v:.3f}" for k, v in sim.items())


def _summary_lines(c: Comparison) -> list[str]:
    """The verdict first: significance with the top changes, then the extent of rewording."""
    s = c.summary
    lead = c.significance[:1].upper() + c.significance[1:]
    lines = [f"Verdict: {lead}" + (":" if c.judgement.top else "")]
    lines += [f"  - {t}" for t in c.judgement.top]
    return lines + [f"Extent: {c.extent}",
                    f"Similarity: {_similarity(c.similarity.to_json())}",
                    f"Changes: {s['high']} high, {s['medium']} medium, {s['low']} low"]


def _headline(ch: Change) -> str:
    """One line for a flag, fact, people or element change: what changed, how much it matters and why."""
    if ch.summary:
        line = f"[{ch.severity}] {ch.summary}"
    elif ch.kind == "flag_flipped":
        line = (f"[{ch.severity}] {spec_for(ch.element or '').label}: {_value(ch.old)} ({ch.old_source}) -> "
                f"{_value(ch.new)} ({ch.new_source})")
    elif ch.kind == "fact_changed":
        line = f"[{ch.severity}] {ch.fact}: {_value(ch.old)} -> {_value(ch.new)}"
    elif ch.kind in ("fact_added", "fact_removed"):
        verb = "added" if ch.kind == "fact_added" else "removed"
        line = f"[{ch.severity}] {ch.fact} {verb}: {_value(ch.value)}"
    else:
        verb = "appeared" if ch.kind == "element_added" else "disappeared"
        line = f"[{ch.severity}] {spec_for(ch.element or '').label} {verb}"
    if ch.kind == "flag_flipped":
        line += f" ({ch.old_source} -> {ch.new_source})"
    return line + (f" - why: {ch.why}" if ch.why else "")


def _sections(c: Comparison) -> list[tuple[str, list[Change]]]:
    out: list[tuple[str, list[Change]]] = []
    for title, kinds in (("Flags flipped", ("flag_flipped",)),
                         ("People and facts changed", ("fact_changed", "fact_added", "fact_removed")),
                         ("Elements", ("element_added", "element_removed"))):
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


class _Text:
    """Plain text for a terminal."""

    def __init__(self, color: bool) -> None:
        self.color = color

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
            lines += ["", f"{title}:"] + [f"  - {_headline(ch)}" for ch in changes]
        for element, changes in _by_element(c):
            lines += ["", self.paint(_BOLD, f"== {spec_for(element).label} =="), *self.similarity(c, element)]
            lines += [self.change(ch) for ch in changes]
        if not c.changes:
            lines += ["", "No change in flags, facts or text."]
        return "\n".join(lines) + "\n"

    def similarity(self, c: Comparison, element: str) -> list[str]:
        sim = c.element_similarity.get(element)
        return [self.paint(_DIM, f"   similarity: {_similarity(sim.to_json())}")] if sim else []

    def change(self, ch: Change) -> str:
        also = f" (also in: {', '.join(spec_for(e).label for e in ch.elements[1:])})" if len(ch.elements) > 1 else ""
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
    """" [medium: why]" for a wording change that matters more than its words."""
    return f" [{ch.severity}: {ch.why}]" if ch.severity != "low" and ch.why else ""


_MD_SPECIAL: Callable[[str], str] = lambda s: "".join("\\" + ch if ch in "\\`*_[]<>#|~" else ch for ch in s)


class _Markdown:
    """GitHub-flavoured Markdown: ~~deleted~~ and **inserted**."""

    def ops(self, ops: list) -> str:
        out = []
        for op, text in ops:
            body = _MD_SPECIAL(text)
            stripped = body.strip()
            if op == 0 or not stripped:
                out.append(body)
                continue
            lead, trail = body[:len(body) - len(body.lstrip())], body[len(body.rstrip()):]
            out.append(f"{lead}{'~~' if op == -1 else '**'}{stripped}{'~~' if op == -1 else '**'}{trail}")
        return "".join(out)

    def render(self, c: Comparison, filer: dict, old_meta: dict, new_meta: dict) -> str:
        lines = [f"# {_MD_SPECIAL(_filer_line(filer))}", "", f"{_side(old_meta)} -> {_side(new_meta)}", ""]
        lines += [f"> **Caveat:** {_MD_SPECIAL(note)}\n" for note in c.caveats]
        lines += [f"- {_MD_SPECIAL(line)}" for line in _summary_lines(c)]
        for title, changes in _sections(c):
            lines += ["", f"## {title}", ""] + [f"- {_MD_SPECIAL(_headline(ch))}" for ch in changes]
        for element, changes in _by_element(c):
            lines += ["", f"## {_MD_SPECIAL(spec_for(element).label)}", ""]
            sim = c.element_similarity.get(element)
            if sim:
                lines += [f"Similarity: {_similarity(sim.to_json())}", ""]
            lines += [self.change(ch) for ch in changes]
        if not c.changes:
            lines += ["", "No change in flags, facts or text."]
        return "\n".join(lines) + "\n"

    def change(self, ch: Change) -> str:
        also = f" (also in: {', '.join(spec_for(e).label for e in ch.elements[1:])})" if len(ch.elements) > 1 else ""
        also += _MD_SPECIAL(_rank_note(ch))
        if ch.kind == "text_changed":
            return f"- **changed**{also}: {self.ops(ch.ops or [])}"
        if ch.kind == "text_added":
            return f"- **added**{also}: {_MD_SPECIAL(ch.text or '')}"
        if ch.kind == "text_removed":
            return f"- **removed**{also}: ~~{_MD_SPECIAL(ch.text or '')}~~"
        return f"- **moved** {ch.from_position} -> {ch.to_position}{also}: {_MD_SPECIAL(ch.text or '')}"
