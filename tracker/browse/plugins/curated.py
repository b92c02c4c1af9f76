"""Datasette plugin (loaded by `tracker browse` with --plugins-dir): the database as a reader wants it.

- **Plain names.** A cell of an `element`, `flag`, `item`, `what` or `fact` column that holds a cyd element or
  a fact of the catalogue shows its plain label ("Says it engages assessors, consultants or auditors", "Board
  oversight"), the technical name in its tooltip; the data, the JSON API, CSV and SQL keep the names.
- **JSON blobs hidden.** The HTML page of a table listed in :data:`HIDDEN_COLUMNS`, asked for without choosing
  columns, opens with those columns left out (Datasette's own `_nocol`); `?_blobs=1`, `_col` or `_nocol`
  shows what is asked for, and the row pages, `.json` and `.csv` keep every column.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from datasette import hookimpl
from markupsafe import Markup

from tracker.facts.catalogue import SPECS
from tracker.models import ELEMENTS

#: Table -> the columns its default HTML view leaves out (JSON, hashes, whole sections).
HIDDEN_COLUMNS = {
    "comparisons": ("json", "rules"),
    "changes": ("elements", "evidence"),
    "facts": ("value", "also", "rules"),
    "filings": ("section_text", "content_hash", "section_hash", "source_sha256"),
    "filers": ("tickers",),
}
#: Columns whose values may be a cyd element or a fact name.
NAME_COLUMNS = frozenset({"element", "flag", "item", "what", "fact"})
_FACT_LABELS = {s.name: s.label for s in SPECS}


def plain_name(value: object) -> str | None:
    """The plain label of a cyd element or a fact name, else None."""
    if not isinstance(value, str):
        return None
    spec = ELEMENTS.get(value)
    if spec is not None:
        return spec.plain or spec.label
    return _FACT_LABELS.get(value)


@hookimpl
def render_cell(value: Any, column: str) -> Markup | None:
    """A cyd element or fact name as its plain label, with the name in the tooltip."""
    if column not in NAME_COLUMNS:
        return None
    label = plain_name(value)
    if label is None:
        return None
    return Markup('<span class="plain-name" title="{}">{}</span>').format(value, label)


def hidden_columns_location(path: str, query_string: bytes) -> str | None:
    """Where to send a request for a table's default HTML page: the same page without its blob columns; None
    for every other request (another page, a format, columns already chosen)."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[1] not in HIDDEN_COLUMNS:
        return None
    params = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if any(k in ("_col", "_nocol", "_blobs") for k, _ in params):
        return None
    params += [("_nocol", c) for c in HIDDEN_COLUMNS[parts[1]]]
    return f"{quote(path)}?{urlencode(params)}"


Asgi = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Asgi], Asgi]:
    """Send the default HTML page of a table with JSON blobs to the same page without them."""

    def wrap(app: Asgi) -> Asgi:
        async def without_blobs(scope: dict, receive: Any, send: Any) -> None:
            location = None
            if scope.get("type") == "http" and scope.get("method") in ("GET", "HEAD"):
                location = hidden_columns_location(scope.get("path", ""), scope.get("query_string", b""))
            if location is None:
                await app(scope, receive, send)
                return
            await send(
                {
                    "type": "http.response.start",
                    "status": 302,
                    "headers": [[b"location", location.encode("latin-1")], [b"content-type", b"text/plain"]],
                }
            )
            await send({"type": "http.response.body", "body": b""})

        return without_blobs

    return wrap
