"""tracker: what a company changed in its cybersecurity disclosure this year, and whether it matters.

The public Python API is what `__all__` lists; everything else may change. The stages run one way:
read (tracker.read) -> facts (tracker.facts) -> store (tracker.store) -> diff (tracker.diff) -> render
(tracker.render) -> notify (tracker.notify), with the use cases in tracker.pipeline and the command line in
tracker.cli (see docs/architecture.md). Names are imported when first used, so `import tracker` stays light.

    import tracker
    d = tracker.load_path("AMZN_2024.txt")              # a disclosure, flags of an untagged year inferred
    facts = tracker.extract_facts(d)                     # the fact catalogue of docs/facts.md
    with tracker.Store("db/tracker.db") as store:        # a versioned database
        tracker.ingest_file(store, path, tracker.Options())
        ctx = tracker.compare_stored(store, "AMZN", 2023, 2024)
    print(tracker.render_comparison(ctx.comparison, "text"))  # text, markdown or json
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> the module that defines it (``module:name`` where the name there differs).
_API = {
    "load_path": "tracker.pipeline.load",
    "load_bytes": "tracker.pipeline.load",
    "Store": "tracker.store",
    "ingest_file": "tracker.pipeline.ingest",
    "Options": "tracker.pipeline.ingest",
    "compare": "tracker.diff.compare",
    "Comparison": "tracker.diff.compare",
    "compare_files": "tracker.pipeline.compare",
    "compare_stored": "tracker.pipeline.compare",
    "build_history": "tracker.pipeline.compare",
    "ComparisonContext": "tracker.diff.context",
    "extract_facts": "tracker.facts",
    "facts_to_json": "tracker.facts",
    "render_comparison": "tracker.render.text:render",
    "render_comparison_html": "tracker.render.html",
    "render_email_html": "tracker.render.html",
    "write_docx": "tracker.render.word",
    "write_pdf": "tracker.render.pdf",
    "Disclosure": "tracker.models",
    "Change": "tracker.models",
    "TrackerError": "tracker.errors",
    "BadInput": "tracker.errors",
    "NotFound": "tracker.errors",
}
__all__ = [
    "__version__",
    "load_path",
    "load_bytes",
    "Store",
    "ingest_file",
    "Options",
    "compare",
    "Comparison",
    "compare_files",
    "compare_stored",
    "build_history",
    "ComparisonContext",
    "extract_facts",
    "facts_to_json",
    "render_comparison",
    "render_comparison_html",
    "render_email_html",
    "write_docx",
    "write_pdf",
    "Disclosure",
    "Change",
    "TrackerError",
    "BadInput",
    "NotFound",
]

if TYPE_CHECKING:  # what type checkers and editors see; at run time each name is imported on first use
    from tracker.diff.compare import Comparison, compare
    from tracker.diff.context import ComparisonContext
    from tracker.errors import BadInput, NotFound, TrackerError
    from tracker.facts import extract_facts, facts_to_json
    from tracker.models import Change, Disclosure
    from tracker.pipeline.compare import build_history, compare_files, compare_stored
    from tracker.pipeline.ingest import Options, ingest_file
    from tracker.pipeline.load import load_bytes, load_path
    from tracker.render.html import render_comparison_html, render_email_html
    from tracker.render.pdf import write_pdf
    from tracker.render.text import render as render_comparison
    from tracker.render.word import write_docx
    from tracker.store import Store


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'tracker' has no attribute {name!r}")
    module, _, attr = module.partition(":")
    value = getattr(importlib.import_module(module), attr or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
