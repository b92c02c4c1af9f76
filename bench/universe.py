"""A synthetic universe of filers x 2 years, built by editing the real corpus texts (deterministic by seed).

Each synthetic filer takes one real Item 1C (a text extract or an R page of ../shared/corpus), read once by
the tracker's own readers into its cyd elements. Its year-1 and year-2 disclosures are that content with
edits of the kinds real filers make year to year: numbers ("over 15 years" -> "over 16 years"), titles,
committees (Audit -> Risk Committee), frequencies, frameworks added, sentences added, removed and moved.

Each year is written in one of the source kinds the tracker reads, so every reader runs: an untagged
plain-text Item 1C (headings, paragraphs; flags left to inference) or an EDGAR R page text (`|` layout,
labels and tagged flags), a few gzip-compressed. File names carry the filer and the year
(`QABCD_2023.txt`), as the corpus text extracts do, since neither kind states them.

    python -m bench.universe OUT_DIR --n 1000 [--seed 7] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tracker.models import ELEMENTS, FLAGS, UNTAGGED_ELEMENT, spec_for
from tracker.pipeline.load import load_bytes
from tracker.text.normalize import split_sentences

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
OLD_YEAR, NEW_YEAR = 2023, 2024

#: Source kinds per year (year-1, year-2) and how often each mix occurs.
LAYOUTS = [
    (("text", "rpage"), 60),
    (("text", "text"), 15),
    (("rpage", "rpage"), 15),
    (("text", "rpage.gz"), 10),
]

TITLES = [
    ("Chief Information Security Officer", "Chief Security Officer"),
    ("Chief Information Officer", "Chief Technology Officer"),
    ("Chief Technology Officer", "Chief Digital Officer"),
    ("Vice President", "Senior Vice President"),
    ("Director of Information Security", "Head of Cybersecurity"),
]
COMMITTEES = [
    ("Audit Committee", "Risk Committee"),
    ("audit committee", "risk committee"),
    ("Audit and Finance Committee", "Audit and Risk Committee"),
    ("Nominating and Corporate Governance Committee", "Technology Committee"),
    ("Risk Committee", "Audit Committee"),
]
FREQUENCIES = [
    ("quarterly", "semi-annually"),
    ("annually", "at least twice a year"),
    ("periodically", "quarterly"),
    ("regularly", "at each regularly scheduled meeting"),
    ("at least annually", "quarterly"),
]
FRAMEWORKS = [
    "the National Institute of Standards and Technology Cybersecurity Framework (NIST CSF)",
    "ISO/IEC 27001",
    "the Center for Internet Security Critical Security Controls",
    "the SOC 2 Type II trust services criteria",
    "the Payment Card Industry Data Security Standard",
]
ADDED = [
    "We conduct tabletop exercises with senior management to test our incident response plan.",
    "Employees complete mandatory security awareness training, including simulated phishing exercises.",
    "We engage third-party assessors to perform penetration tests of our systems.",
    "We maintain cybersecurity insurance, although it may not cover all losses from an incident.",
    "Our vendor risk management process evaluates the security practices of our service providers.",
    "Our incident response plan sets out how incidents are escalated to management and the Board.",
    "We have not had a cybersecurity incident that materially affected our business in the year.",
    "We continue to invest in monitoring tools that detect unusual activity on our network.",
]
PLACES = [
    "Austin",
    "Boston",
    "Denver",
    "Chicago",
    "Seattle",
    "Atlanta",
    "Phoenix",
    "Dallas",
    "Raleigh",
    "Columbus",
]
SECTIONS = {"(b)": "Risk Management and Strategy", "(c)": "Governance"}


@dataclass
class Base:
    """One real disclosure the synthetic filers vary: its text elements and flags."""

    origin: str
    """Corpus file it came from."""
    texts: list[tuple[str, str]]
    """(element name, text) in document order."""
    flags: dict[str, bool | None] = field(default_factory=dict)
    """Flag values (tagged, or inferred from the text)."""


@dataclass
class SyntheticFiler:
    """One synthetic filer: ticker, name, its two years' sources and the edits between them."""

    ticker: str
    """Synthetic ticker (also in the file names)."""
    name: str
    """Synthetic registrant name."""
    files: list[tuple[str, bytes]]
    """(file name, bytes) for year 1 then year 2."""
    edits: list[str]
    """Kinds of the year-over-year edits applied."""
    origin: str
    """The corpus file the content came from."""


def ticker_for(i: int) -> str:
    """A five-letter ticker unique to index i (Q then four letters; 456,976 of them)."""
    letters = []
    for _ in range(4):
        i, r = divmod(i, 26)
        letters.append(chr(65 + r))
    return "Q" + "".join(reversed(letters))


@lru_cache(maxsize=4)
def load_bases(corpus: Path) -> tuple[Base, ...]:
    """Every usable real disclosure of the corpus (text extracts and seeds), read by the tracker's readers."""
    bases = []
    sources = sorted((corpus / "text").glob("*.txt")) + sorted((corpus / "seeds").glob("*.txt"))
    for path in sources:
        raw = path.read_text(encoding="utf-8")
        if "--- ITEM 1C ---" in raw:
            raw = raw.split("--- ITEM 1C ---", 1)[1]
        try:
            d = load_bytes(raw.encode("utf-8"))
        except Exception:  # noqa: BLE001 - a corpus file the readers refuse is simply not a base
            continue
        texts = [
            (e.name, str(e.value))
            for e in d.text_elements
            if e.name != UNTAGGED_ELEMENT and len(str(e.value)) > 200
        ]
        if len(texts) >= 2:
            bases.append(Base(path.name, texts, {e.name: e.value for e in d.elements if e.kind == "flag"}))
    if not bases:
        raise SystemExit(f"no usable corpus texts under {corpus}")
    return tuple(bases)


# -- edits: each is a pure function of the text, so it lands alike in every element holding that text -----
Edit = tuple[str, str, str]  # (kind, old, new): replace old by new wherever old appears


def plan_edits(rng: random.Random, base: Base, count: int) -> list[Edit]:
    """Year-over-year edits that apply to this base's text (content-based replacements)."""
    whole = "\n\n".join(t for _, t in base.texts)
    sentences = [s for s in split_sentences(whole) if 40 < len(s) < 400 and whole.count(s) >= 1]
    makers = [
        _number_edit,
        _title_edit,
        _committee_edit,
        _frequency_edit,
        _framework_edit,
        _added_edit,
        _removed_edit,
        _moved_edit,
    ]
    edits: list[Edit] = []
    for _ in range(count * 3):
        if len(edits) >= count:
            break
        edit = rng.choice(makers)(rng, whole, sentences)
        if edit and not any(_overlap(edit, e) for e in edits):
            edits.append(edit)
    return edits


def _overlap(a: Edit, b: Edit) -> bool:
    """Would one edit disturb the text the other looks for?"""
    theirs = b[1].split("\u0000") + [b[2]]
    return any(x and y and (x in y or y in x) for x in a[1].split("\u0000") for y in theirs)


def _number_edit(rng: random.Random, whole: str, sentences: list[str]) -> Edit | None:
    found = list(re.finditer(r"\b(over |more than |approximately )?(\d{1,2}) years\b", whole))
    if not found:
        return None
    m = rng.choice(found)
    n = int(m.group(2))
    qualifier = m.group(1) or ""
    new = rng.choice([f"{qualifier}{n + 1} years", f"more than {n} years", f"{qualifier}{n + 2} years"])
    return ("number", m.group(0), new) if new != m.group(0) else None


def _swap_edit(kind: str, pairs: list[tuple[str, str]]):  # noqa: ANN202 - a small factory
    def edit(rng: random.Random, whole: str, sentences: list[str]) -> Edit | None:
        present = [(a, b) for a, b in pairs if re.search(rf"\b{re.escape(a)}\b", whole)]
        if not present:
            return None
        a, b = rng.choice(present)
        return (kind, a, b)

    return edit


_title_edit = _swap_edit("title", TITLES)
_committee_edit = _swap_edit("committee", COMMITTEES)
_frequency_edit = _swap_edit("frequency", FREQUENCIES)


def _framework_edit(rng: random.Random, whole: str, sentences: list[str]) -> Edit | None:
    if not sentences:
        return None
    s = rng.choice(sentences)
    return ("framework_added", s, f"{s} Our program is aligned with {rng.choice(FRAMEWORKS)}.")


def _added_edit(rng: random.Random, whole: str, sentences: list[str]) -> Edit | None:
    if not sentences:
        return None
    s = rng.choice(sentences)
    return ("sentence_added", s, f"{s} {rng.choice(ADDED)}")


def _removed_edit(rng: random.Random, whole: str, sentences: list[str]) -> Edit | None:
    return ("sentence_removed", rng.choice(sentences), "") if len(sentences) > 3 else None


def _moved_edit(rng: random.Random, whole: str, sentences: list[str]) -> Edit | None:
    if len(sentences) < 4:
        return None
    moved, after = rng.sample(sentences, 2)
    if moved in after or after in moved:
        return None
    return ("sentence_moved", f"{moved}\u0000{after}", "")


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with every edit applied where its old text appears."""
    for kind, old, new in edits:
        if kind == "sentence_moved" and "\u0000" in old:
            moved, after = old.split("\u0000")
            if moved in text and after in text:
                text = text.replace(moved, "", 1).replace(after, f"{after} {moved}", 1)
            elif moved in text:
                text = text.replace(moved, "", 1)
        elif kind in ("title", "committee", "frequency"):
            text = re.sub(rf"\b{re.escape(old)}\b", new, text)
        else:
            text = text.replace(old, new)
    return re.sub(r"[ \t]{2,}", " ", text).replace(" \n", "\n")


# -- rendering -----------------------------------------------------------------------------------------
def render_text(texts: list[tuple[str, str]]) -> str:
    """An untagged plain-text Item 1C: heading, section sub-headings, each paragraph once."""
    out = ["Item 1C. Cybersecurity", ""]
    written: list[str] = []
    for section, heading in SECTIONS.items():
        paras = [
            p.strip() for name, t in texts if spec_for(name).item.startswith(section) for p in t.split("\n\n")
        ]
        paras = [p for p in paras if p and not any(p in w for w in written)]
        if paras:
            out += [heading, ""]
            for p in paras:
                out += [p, ""]
                written.append(p)
    return "\n".join(out)


def render_rpage(texts: list[tuple[str, str]], flags: dict[str, bool | None], year: int) -> str:
    """An EDGAR R page in its `|` text layout: title, period, labels with their values, tagged flags."""
    lines = [
        "|",
        "Cybersecurity Risk Management, Strategy, and Governance",
        "|12 Months Ended",
        f"Dec. 31, {year}",
        "|Cybersecurity Risk Management, Strategy, and Governance [Line Items]",
    ]
    values: dict[str, str] = {name: t for name, t in texts}
    for name, spec in ELEMENTS.items():
        if spec.kind == "flag" and flags.get(name) is not None:
            lines += [f"|{spec.label} [Flag]", f"|{'true' if flags[name] else 'false'}"]
        elif spec.kind == "text" and values.get(name):
            paragraphs = [p for p in values[name].split("\n\n") if p.strip()]
            lines += [f"|{spec.label} [Text Block]", "|", *paragraphs]
    lines += ["|X", "- Definition", "+ Details", "Reference 1: http://www.xbrl.org/2003/role/presentationRef"]
    return "\n".join(lines) + "\n"


def make_filer(i: int, seed: int, bases: tuple[Base, ...]) -> SyntheticFiler:
    """Synthetic filer number i of the universe of this seed."""
    rng = random.Random(f"{seed}:{i}")
    base = bases[rng.randrange(len(bases))]
    ticker = ticker_for(i)
    name = f"{ticker.title()} Holdings"
    own = f"{name} reviews this program from its {rng.choice(PLACES)} office."
    identity = plan_edits(rng, base, rng.randint(1, 3))
    yoy = plan_edits(rng, base, rng.randint(1, 6))
    layout = rng.choices([lay for lay, _ in LAYOUTS], [w for _, w in LAYOUTS])[0]
    first = base.texts[0][1]
    files = []
    for year, kind, edits in ((OLD_YEAR, layout[0], identity), (NEW_YEAR, layout[1], identity + yoy)):
        texts = [
            (n, apply_edits(t.replace(first, f"{first} {own}") if t is first else t, edits))
            for n, t in base.texts
        ]
        flags = dict(base.flags)
        if year == NEW_YEAR and any(k == "framework_added" for k, _, _ in yoy):
            flags[FLAGS[2]] = True  # engaging assessors / a framework: the third-party flag turns on
        if kind == "text":
            data = render_text(texts).encode("utf-8")
        else:
            data = render_rpage(texts, flags, year).encode("utf-8")
        suffix = ".txt.gz" if kind.endswith(".gz") else ".txt"
        if kind.endswith(".gz"):
            data = gzip.compress(data, mtime=0)
        files.append((f"{ticker}_{year}{suffix}", data))
    return SyntheticFiler(ticker, name, files, [k for k, _, _ in yoy], base.origin)


def iter_universe(n: int, seed: int = 7, corpus: Path = DEFAULT_CORPUS) -> Iterator[SyntheticFiler]:
    """The n synthetic filers of a seed, one at a time (nothing is held in memory)."""
    bases = load_bases(Path(corpus))
    for i in range(n):
        yield make_filer(i, seed, bases)


def write_universe(out: Path, n: int, seed: int = 7, corpus: Path = DEFAULT_CORPUS) -> list[Path]:
    """Write the universe's files under out (1,000 filers per sub-folder); returns their paths in order."""
    paths = []
    for i, filer in enumerate(iter_universe(n, seed, corpus)):
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in filer.files:
            path = folder / name
            path.write_bytes(data)
            paths.append(path)
    return paths


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("out", type=Path, help="folder to write the files into")
    p.add_argument("--n", type=int, default=1000, help="number of filers")
    p.add_argument("--seed", type=int, default=7, help="seed (same seed, same files)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus")
    args = p.parse_args()
    paths = write_universe(args.out, args.n, args.seed, args.corpus)
    print(f"wrote {len(paths)} files for {args.n} filers under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
