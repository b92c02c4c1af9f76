"""Readers: one source file in, one Disclosure out. The format is chosen by content, never by name."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path

from tracker.errors import BadInput
from tracker.models import Disclosure

_IX_FACT_RE = re.compile(r"<ix:non(?:numeric|fraction)", re.I)

#: Largest decompressed size accepted from a .gz input (a guard against zip bombs).
MAX_DECOMPRESSED = 64 * 1024 * 1024


def decompress(data: bytes) -> bytes:
    """The bytes of a source, gunzipped when they are gzip, refusing absurd expansion."""
    if data[:2] != b"\x1f\x8b":
        return data
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while chunk := gz.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_DECOMPRESSED:
                    raise BadInput(
                        f"the gzip file expands past {MAX_DECOMPRESSED // 2**20} MB; "
                        "it is not a single annual report.")
    except (OSError, EOFError, zlib.error) as exc:
        raise BadInput(f"the gzip file is damaged ({exc}); download it again.") from exc
    return out.getvalue()


def decode(data: bytes) -> str:
    """Text of a source: UTF-8 (with or without BOM), or the charset an HTML/XML prolog declares."""
    if not data.strip():
        raise BadInput("the file is empty; give a 10-K, 20-F or EDGAR R page.")
    if b"\x00" in data[:4096]:
        raise BadInput("the file is binary, not HTML or text; give a 10-K, 20-F or EDGAR R page.")
    head = data[:2048].lower()
    for enc in ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    if b"<" in head and (b"charset=" in head or b"encoding=" in head):
        for enc in ("windows-1252", "iso-8859-1", "ascii"):
            if enc.encode() in head or (enc == "windows-1252" and b"1252" in head):
                return data.decode(enc, errors="replace")
    raise BadInput("the file is not UTF-8 text and declares no other encoding; convert it to UTF-8.")


def detect_format(text: str) -> str:
    """`ixbrl`, `html`, `rpage-html`, `rpage-text`, `rpage-markdown` or `text`."""
    from tracker.readers import rpage

    head = text[:4096].lower()
    is_html = "<html" in head or "<!doctype html" in head or "<body" in head or "<?xml" in head[:100] \
        or ("<div" in head and "</" in head) or ("<table" in head and "</" in head)
    if is_html:
        if "ix:header" in text or _IX_FACT_RE.search(text, 0, 2_000_000):
            return "ixbrl"
        if rpage.looks_like_rpage_html(text):
            return "rpage-html"
        return "html"
    kind = rpage.text_layout(text)
    return kind or "text"


def read_text_source(text: str) -> Disclosure:
    """A Disclosure from the decoded text of a source, by its detected format."""
    fmt = detect_format(text)
    if fmt in ("rpage-text", "rpage-markdown", "rpage-html"):
        from tracker.readers import rpage

        disclosure = rpage.read_rpage(text, fmt)
    elif fmt in ("ixbrl", "html"):
        from tracker.readers import html

        disclosure = html.read_html(text)
    else:
        from tracker.readers import untagged

        disclosure = untagged.read_text(text)
    _infer_missing_flags(disclosure)
    return disclosure


def _infer_missing_flags(disclosure: Disclosure) -> None:
    """Untagged years get every flag inferred from the text; a tagged flag always wins."""
    if disclosure.tagged:
        return
    try:
        from tracker.inference import infer_flags
    except ImportError:
        return
    infer_flags(disclosure)


def read_bytes(data: bytes) -> Disclosure:
    """A Disclosure from the raw bytes of a source (gzip read transparently)."""
    return read_text_source(decode(decompress(data)))


def read_path(path: Path) -> Disclosure:
    """A Disclosure from a file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}.") from exc
    return read_bytes(data)
