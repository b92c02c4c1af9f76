"""Read a source and complete what its year left unsaid: the flags of an untagged year inferred from its text.

Reading (tracker.read) gives the disclosure as the document states it; the flags an untagged year does not tag
are inferred by the facts stage (tracker.facts.inference). Every use case reads through here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tracker.facts.inference import infer_flags
from tracker.models import FLAGS, Disclosure, Element
from tracker.read import read_bytes, read_path


def complete(disclosure: Disclosure) -> Disclosure:
    """The disclosure with every flag of an untagged year inferred from its text (a tagged flag always wins)."""
    if disclosure.incorporation is not None and not disclosure.incorporation.read:
        absent_flags(disclosure)  # the pointer sentence states none of them
    elif not disclosure.tagged:
        infer_flags(disclosure)
    return disclosure


def absent_flags(disclosure: Disclosure) -> None:
    """Every flag the disclosure has no tag for set to absent (nothing inferred)."""
    tagged = {e.name for e in disclosure.elements if e.kind == "flag" and e.source == "tagged"}
    disclosure.elements = [e for e in disclosure.elements if e.kind != "flag" or e.name in tagged]
    disclosure.elements += [Element(name, "flag", None, "absent") for name in FLAGS if name not in tagged]


#: The note that says why an exhibit given or found was not read.
NOT_READ_NOTE = "exhibit not read: "

#: Finds the document an Item 1C incorporates by reference (raw bytes, file or URL), or None (`fetch` asks
#: EDGAR's filing index for it).
ExhibitFinder = Callable[[Disclosure], "tuple[bytes, str] | None"]


def load_bytes(
    data: bytes, exhibit: tuple[bytes, str] | None = None, find_exhibit: ExhibitFinder | None = None
) -> Disclosure:
    """A disclosure from the raw bytes of a source (gzip read transparently), its flags complete. Where its
    Item 1C is incorporated by reference, `exhibit` (raw bytes, file or URL), or what `find_exhibit` finds,
    is read in its place; an exhibit with no cybersecurity part leaves it not read, with a note saying why."""
    disclosure = read_bytes(data)
    if exhibit is None and find_exhibit is not None and disclosure.incorporation is not None:
        exhibit = find_exhibit(disclosure)
    if exhibit is not None:
        from tracker.read.exhibit import CyberPartNotFound, read_exhibit_into
        from tracker.store import digest_bytes

        try:
            read_exhibit_into(disclosure, exhibit[0], exhibit[1], digest_bytes(exhibit[0]))
        except CyberPartNotFound as exc:  # the 10-K is kept, as incorporated and not read, saying why
            disclosure.notes.append(NOT_READ_NOTE + str(exc).split("; give")[0])
    return complete(disclosure)


def load_path(path: Path) -> Disclosure:
    """A disclosure from a file, its flags complete."""
    return complete(read_path(path))
