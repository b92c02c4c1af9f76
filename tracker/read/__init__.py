"""Readers: one source file in, one Disclosure out. The format is chosen by content, never by name."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
import zipfile
import zlib
from pathlib import Path

from tracker.errors import BadInput
from tracker.models import Disclosure
from tracker.text.lazy import lazy_compile
from tracker.text.normalize import strip_invisible, visible_ascii

_IX_FACT_RE = lazy_compile(r"<ix:non(?:numeric|fraction)", re.I)

#: Largest source accepted, as read from a plain file or decompressed from a .gz input (a guard against zip
#: bombs and endless inputs such as /dev/zero): no single annual report comes near it.
MAX_DECOMPRESSED = 64 * 1024 * 1024
_READ_CHUNK = 1 << 20


def too_large() -> BadInput:
    """The refusal of a plain source past the size cap."""
    return BadInput(
        f"the file is larger than {MAX_DECOMPRESSED // 2**20} MB; it is not a single annual report."
    )


def read_source(path: Path) -> bytes:
    """The raw bytes of a source file, refusing one larger than the cap without reading past it."""
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISREG(info.st_mode):
                if info.st_size > MAX_DECOMPRESSED:
                    raise too_large()
                data = f.read()  # sized by the file: it may have grown since, checked below
            else:  # a device, a pipe: no size to check before, so read a piece at a time
                data = _read_capped(f)
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}.") from exc
    if len(data) > MAX_DECOMPRESSED:
        raise too_large()
    return data


def _read_capped(f: io.BufferedReader) -> bytes:
    """Everything a stream holds, up to one chunk past the cap (then the caller refuses it)."""
    out = io.BytesIO()
    while out.tell() <= MAX_DECOMPRESSED and (chunk := f.read(_READ_CHUNK)):
        out.write(chunk)
    return out.getvalue()


def decompress(data: bytes) -> bytes:
    """The bytes of a source, gunzipped when they are gzip, refusing absurd expansion."""
    if data[:2] != b"\x1f\x8b":
        if len(data) > MAX_DECOMPRESSED:
            raise too_large()
        return data
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while chunk := gz.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_DECOMPRESSED:
                    raise BadInput(
                        f"the gzip file expands past {MAX_DECOMPRESSED // 2**20} MB; "
                        "it is not a single annual report."
                    )
    except (OSError, EOFError, zlib.error) as exc:
        raise BadInput(f"the gzip file is damaged ({exc}); download it again.") from exc
    return out.getvalue()


#: Leading bytes of formats handed in by mistake, and what to call them.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Word (.doc) or other Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
]
#: Member folders that tell what a zip file (Office Open XML, OpenDocument) holds.
_ZIP_KINDS: list[tuple[str, str]] = [
    ("word/", "a Word document (.docx)"),
    ("xl/", "an Excel workbook (.xlsx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
    ("META-INF/manifest.xml", "an OpenDocument file"),
]


def foreign_format(data: bytes) -> str | None:
    """What a file in a format no reader reads is (`a PDF`, `a Word document (.docx)`, `a PNG image`), or None."""
    if b"%PDF-" in data[:1024]:  # the PDF header may follow a little junk
        return "a PDF"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip_kind(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    return next((what for magic, what in _MAGIC if data.startswith(magic)), None)


def _zip_kind(data: bytes) -> str:
    """What a zip file is, by the names of its members (its directory, at the end, lists them)."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        names = []
    return next(
        (what for folder, what in _ZIP_KINDS if any(n.startswith(folder) for n in names)), "a zip archive"
    )


def decode(data: bytes) -> str:
    """Text of a source: UTF-8 (with or without BOM), or the charset an HTML/XML prolog declares."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, bool]:
    """`decode`, and whether the text was read as UTF-8."""
    if not data or data.isspace():  # (without copying a large file to strip it)
        raise BadInput("the file is empty; give a 10-K, 20-F or EDGAR R page.")
    what = foreign_format(data)
    if what is not None:
        raise BadInput(
            f"the file is {what}, which tracker does not read; give the 10-K or 20-F as HTML or text "
            "(the filing's primary document on EDGAR)."
        )
    if b"\x00" in data[:4096]:
        raise BadInput("the file is binary, not HTML or text; give a 10-K, 20-F or EDGAR R page.")
    head = data[:2048].lower()
    for enc in ("utf-8-sig",):
        try:
            return data.decode(enc), True
        except UnicodeDecodeError:
            pass
    if b"<" in head and (b"charset=" in head or b"encoding=" in head):
        for enc in ("windows-1252", "iso-8859-1", "ascii"):
            if enc.encode() in head or (enc == "windows-1252" and b"1252" in head):
                return data.decode(enc, errors="replace"), False
    raise BadInput("the file is not UTF-8 text and declares no other encoding; convert it to UTF-8.")


def detect_format(text: str) -> str:
    """`ixbrl`, `html`, `rpage-html`, `rpage-text`, `rpage-markdown` or `text`."""
    from tracker.read import rpage

    head = text[:4096].lower()
    is_html = (
        "<html" in head
        or "<!doctype html" in head
        or "<body" in head
        or "<?xml" in head[:100]
        or ("<div" in head and "</" in head)
        or ("<table" in head and "</" in head)
    )
    if is_html:
        if "ix:header" in text or _IX_FACT_RE.search(text, 0, 2_000_000):
            return "ixbrl"
        if rpage.looks_like_rpage_html(text):
            return "rpage-html"
        return "html"
    kind = rpage.text_layout(text)
    return kind or "text"


def read_text_source(text: str, encoded: bytes | None = None) -> Disclosure:
    """A Disclosure from the decoded text of a source, by its detected format. `encoded`, when given, is the
    text encoded in UTF-8 (the source's own bytes), which spares a reader a copy.

    Invisible characters are stripped before anything is read (`strip_invisible`). An ASCII source without
    DEL could only hold C0 controls, which no XML document may hold: an (X)HTML report is read without the
    scan of every byte for them (2 ms of a 10-K), as the XML parser refuses a document that holds one; if
    the parser refuses it, the reader scans after all and, if it finds one, the source is read again here,
    stripped."""
    unchecked = encoded is not None and encoded.isascii() and b"\x7f" not in encoded
    fmt = detect_format(text) if unchecked else None  # (kept below while no stripping changes the text)
    if fmt in _HTML:
        from tracker.read import html

        try:
            disclosure = html.read_html(text, encoded, unchecked=True)
        except html.InvisibleCharacters:
            pass
        else:
            _strip_invisible_read(disclosure)
            return disclosure
    if encoded is None or not visible_ascii(encoded):
        stripped = strip_invisible(text)
        encoded = encoded if stripped is text else None
        fmt = fmt if stripped is text else None
        text = stripped
    if fmt is None:
        fmt = detect_format(text)
    if fmt in ("rpage-text", "rpage-markdown", "rpage-html"):
        from tracker.read import rpage

        disclosure = rpage.read_rpage(text, fmt)
    elif fmt in _HTML:
        from tracker.read import html

        disclosure = html.read_html(text, encoded)
    else:
        from tracker.read import untagged

        disclosure = untagged.read_text(text)
    _strip_invisible_read(disclosure)
    return disclosure


_HTML = ("ixbrl", "html")


def _strip_invisible_read(d: Disclosure) -> None:
    """Strip what markup spelt as character references (`&#27;[31m`, `&#x202E;`) from what was read."""
    d.section_text = strip_invisible(d.section_text)
    d.name = strip_invisible(d.name) if d.name else d.name
    d.notes = [strip_invisible(note) for note in d.notes]
    for e in d.elements:
        if isinstance(e.value, str):
            e.value = strip_invisible(e.value)
        if e.original:
            e.original = strip_invisible(e.original)


def read_bytes(data: bytes) -> Disclosure:
    """A Disclosure from the raw bytes of a source (gzip read transparently)."""
    raw = decompress(data)
    text, utf8 = _decode(raw)
    return read_text_source(text, raw if utf8 and not raw.startswith(codecs.BOM_UTF8) else None)


def read_path(path: Path) -> Disclosure:
    """A Disclosure from a file."""
    return read_bytes(read_source(Path(path)))
