"""Read a source and complete what its year left unsaid: the flags of an untagged year inferred from its text.

Reading (tracker.read) gives the disclosure as the document states it; the flags an untagged year does not tag
are inferred by the facts stage (tracker.facts.inference). Every use case reads through here.
"""

from __future__ import annotations

from pathlib import Path

from tracker.facts.inference import infer_flags
from tracker.models import Disclosure
from tracker.read import read_bytes, read_path


def complete(disclosure: Disclosure) -> Disclosure:
    """The disclosure with every flag of an untagged year inferred from its text (a tagged flag always wins)."""
    if not disclosure.tagged:
        infer_flags(disclosure)
    return disclosure


def load_bytes(data: bytes) -> Disclosure:
    """A disclosure from the raw bytes of a source (gzip read transparently), its flags complete."""
    return complete(read_bytes(data))


def load_path(path: Path) -> Disclosure:
    """A disclosure from a file, its flags complete."""
    return complete(read_path(path))
