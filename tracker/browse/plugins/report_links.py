"""Datasette plugin (loaded by `tracker browse` with --plugins-dir): `report_path` cells link to the report.

A comparison's `report_path` names its HTML change report, absolute or relative to the database's
folder. When that file lies inside the `reports/` folder beside the database (which `tracker browse`
serves at /reports/), the cell becomes a link to it; otherwise the path is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from tracker.browse.server import REPORTS_MOUNT, report_url


@hookimpl
def render_cell(value: Any, column: str, database: str, datasette: Any) -> Markup | None:
    """A link to the served report for a `report_path` value, in any table, view or query."""
    if column != "report_path" or not isinstance(value, str) or not value.strip():
        return None
    mounts = dict(datasette.static_mounts)
    db = datasette.databases.get(database)
    if REPORTS_MOUNT not in mounts or db is None or not db.path:
        return None
    url = report_url(value.strip(), Path(db.path), Path(mounts[REPORTS_MOUNT]))
    if url is None:
        return None
    return Markup('<a href="{}">{}</a>').format(url, escape(Path(value).name))
