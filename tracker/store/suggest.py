"""What to say when a filer the user named is not stored: the closest tickers, CIKs or names (difflib)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.store import Filer

#: Close matches offered at most, and the most filers listed in full when none is close.
SUGGESTIONS = 3
LISTED_IN_FULL = 10
#: How alike (difflib ratio) a ticker or name, and a CIK, must be to be offered: one wrong character in a
#: four-letter ticker is 0.75, in a seven-digit CIK 0.86; two random CIKs are near 0.4.
TEXT_CUTOFF = 0.6
CIK_CUTOFF = 0.7


def unknown_filer_message(ident: str, filers: list[Filer]) -> str:
    """One sentence for an unknown filer: how many filers are stored and the closest ones ("did you mean
    AMZN (AMAZON.COM, INC.)?"), or all of them when they are few and none is close."""
    if not filers:
        return (
            f"no filer matches {ident!r}: the database is empty; run `tracker ingest PATH` or "
            "`tracker fetch FILER` first."
        )
    among = f"among the {'one stored filer' if len(filers) == 1 else f'{len(filers):,} stored filers'}"
    close = closest_filers(ident, filers)
    if close:
        return f"no filer matches {ident!r} {among}; did you mean {join_or(close)}?"
    if len(filers) <= LISTED_IN_FULL:
        return f"no filer matches {ident!r} {among}: {join_or([label(f) for f in filers])}."
    return f"no filer matches {ident!r} and none {among} comes close; `tracker filers` lists them."


def closest_filers(ident: str, filers: list[Filer]) -> list[str]:
    """Labels of the filers closest to what the user typed: CIKs for a number, else tickers and names (a
    name also by its first characters, so "Amazom" finds AMAZON.COM, INC.)."""
    query = ident.strip().upper()
    keys: dict[str, list[tuple[Filer, str | None]]] = {}
    if query.isdigit():
        query, cutoff = query.lstrip("0"), CIK_CUTOFF
        for f in filers:
            if f.cik:
                keys.setdefault(f.cik.lstrip("0"), []).append((f, f.cik))
    else:
        cutoff = TEXT_CUTOFF
        for f in filers:
            for ticker in f.tickers:
                keys.setdefault(ticker.upper(), []).append((f, ticker))
            if f.name:
                name = f.name.upper()
                for key in {name, name[: len(query)]}:
                    keys.setdefault(key, []).append((f, None))
    labels: dict[int, str] = {}
    for key in difflib.get_close_matches(query, keys, n=SUGGESTIONS * 3, cutoff=cutoff):
        for f, ident_matched in keys[key]:
            labels.setdefault(f.id, label(f, ident_matched))
    return list(labels.values())[:SUGGESTIONS]


def label(filer: Filer, ident: str | None = None) -> str:
    """`AMZN (AMAZON.COM, INC.)`: what to type (the identifier matched, else a ticker, else the CIK) and
    the name."""
    ident = ident or (filer.tickers[0] if filer.tickers else None) or filer.cik
    if ident is None:
        return filer.display
    return f"{ident} ({filer.name})" if filer.name and filer.name != ident else ident


def join_or(items: list[str]) -> str:
    """`A`, `A or B`, `A, B or C`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
