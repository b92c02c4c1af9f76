"""Browsing the database with Datasette, read-only.

`tracker browse` runs Datasette in its normal mode on the live database: SQLite opens the file
read-only (`mode=ro`) and the plugin `tracker/browse/plugins/limits.py` makes every connection
`query_only`, so nothing a browser does can change stored data, while what an ingest or `diff-all`
writes meanwhile shows at once (immutable mode, `immutable=1`, told SQLite the file never changes:
queries during a write failed with "database disk image is malformed" and counts stayed stale).
The same plugin caps what one query may cost (string size, SQLite's memory, the answer's size, the
LIKE pattern, quadratic functions in linear time), so that Datasette's time limit
(:data:`SQL_TIME_LIMIT_MS`) holds for custom SQL and canned queries alike. Datasette gets the
project's metadata (`db/metadata.yml`: descriptions, facets, sorts, full-text search, canned
queries) and the plugins `tracker/browse/plugins/report_links.py`, which turns `report_path`
cells into links to the HTML change reports, served from the `reports/` folder beside the database, and
`tracker/browse/plugins/curated.py` (plain names of elements and facts, JSON blobs left out of the tables'
default pages).

The views below make the tables readable (filer names instead of ids, one row per comparison or
change with its filer and years). They must live in the database, which Datasette cannot write:
the store creates them with the rest of the schema (`tracker.store.views`, `create_browse_views`). The canned queries in
the metadata use only the store's tables and `latest_filings`, so they work on any tracker database.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tracker.browse import DEFAULT_PORT
from tracker.errors import BadInput, NotFound, TrackerError

#: The database name the metadata file describes (Datasette names a database after its file's stem).
METADATA_DATABASE = "tracker"
#: Where the HTML change reports live, relative to the database's folder, and where they are served.
REPORTS_FOLDER = "reports"
REPORTS_MOUNT = "reports"
#: Datasette's limits on one query: its time, and the rows it may return.
SQL_TIME_LIMIT_MS = 1000
MAX_RETURNED_ROWS = 1000
#: The installed package (tracker/), where the wheel puts db/metadata.yml.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
PLUGINS_DIR = Path(__file__).resolve().parent / "plugins"


# -- metadata and reports --------------------------------------------------------------------------
def metadata_path() -> Path:
    """The metadata file: inside the installed package (wheel), else `db/metadata.yml` of the checkout."""
    for candidate in (PACKAGE_DIR / "db" / "metadata.yml", PACKAGE_DIR.parent / "db" / "metadata.yml"):
        if candidate.is_file():
            return candidate
    raise TrackerError(
        "the Datasette metadata file (db/metadata.yml) is missing from this installation; reinstall tracker."
    )


def load_metadata(database_name: str, path: Path | None = None) -> dict:
    """The project's metadata, its database section keyed by the name Datasette gives this database."""
    import yaml  # PyYAML comes with Datasette

    path = path or metadata_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise TrackerError(f"cannot read the Datasette metadata {path}: {exc}; reinstall tracker.") from exc
    databases = data.get("databases") or {}
    if METADATA_DATABASE in databases and database_name != METADATA_DATABASE:
        databases = {database_name: databases[METADATA_DATABASE]}
    data["databases"] = databases
    for section in (data, *databases.values()):  # the home page's links name this database
        if isinstance(section.get("description_html"), str):
            section["description_html"] = section["description_html"].replace(
                "{database}", quote(database_name)
            )
    return data


def reports_dir(db: Path) -> Path:
    """The folder of HTML change reports that belongs to a database."""
    return db.parent / REPORTS_FOLDER


def report_url(report_path: str, db: Path, reports: Path, mount: str = REPORTS_MOUNT) -> str | None:
    """The URL at which Datasette serves a report (`report_path` is absolute or relative to the
    database's folder), or None when the file is not inside the served reports folder."""
    path = Path(report_path)
    if not path.is_absolute():
        path = db.parent / path
    try:
        relative = path.resolve().relative_to(reports.resolve())
    except (OSError, ValueError):
        return None
    if not path.is_file():
        return None
    return f"/{mount}/" + quote(relative.as_posix())


# -- serving ---------------------------------------------------------------------------------------
@dataclass
class BrowsePlan:
    """How `tracker browse` will run Datasette."""

    db: Path
    """The database file."""
    host: str
    """Interface to listen on."""
    port: int
    """Port to listen on."""
    command: list[str]
    """The Datasette command line."""
    workdir: Path
    """Temporary folder holding the metadata for this database (removed after the run)."""
    notes: list[str] = field(default_factory=list)
    """Things the user should know before browsing."""

    @property
    def url(self) -> str:
        """Where to point a browser."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def check_port(host: str, port: int) -> None:
    """Refuse a port that is taken or a host that is not an interface of this machine."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: TIME_WAIT is no conflict
        try:
            sock.bind((host, port))
        except socket.gaierror as exc:
            raise BadInput(
                f"cannot listen on host {host!r} ({exc.strerror}); pass --host 127.0.0.1."
            ) from exc
        except OSError as exc:
            raise BadInput(
                f"port {port} on {host} is not available ({exc.strerror}); "
                "pass another --port, or --port 0 for any free port."
            ) from exc


def datasette_command(
    db: Path, metadata: Path, host: str, port: int, *, open_browser: bool = False, reports: Path | None = None
) -> list[str]:
    """The command line that serves the live `db` read-only with the project's metadata, plugins and limits."""
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db),
        "--metadata",
        str(metadata),
        "--host",
        host,
        "--port",
        str(port),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--setting",
        "sql_time_limit_ms",
        str(SQL_TIME_LIMIT_MS),
        "--setting",
        "max_returned_rows",
        str(MAX_RETURNED_ROWS),
    ]
    if reports is not None:
        command += ["--static", f"{REPORTS_MOUNT}:{reports}"]
    if open_browser:
        command.append("--open")
    return command


def prepare(
    db: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, open_browser: bool = False
) -> BrowsePlan:
    """Check the database and the port, and write this database's metadata to a temporary folder."""
    if not db.is_file():
        raise NotFound(f"there is no database at {db}; run `tracker ingest` first or pass --db.")
    db = db.resolve()
    if port == 0:
        port = free_port(host)
    check_port(host, port)
    notes: list[str] = []
    folder = reports_dir(db)
    reports: Path | None = folder if folder.is_dir() else None
    workdir = Path(tempfile.mkdtemp(prefix="tracker-browse-"))
    metadata = workdir / "metadata.json"
    metadata.write_text(json.dumps(load_metadata(db.stem), indent=2), encoding="utf-8")
    command = datasette_command(db, metadata, host, port, open_browser=open_browser, reports=reports)
    return BrowsePlan(db, host, port, command, workdir, notes)


def die_with_parent() -> None:
    """In a child process (Popen's preexec_fn): on Linux, get SIGTERM when the parent dies, so a
    killed `tracker browse` never leaves Datasette running. Elsewhere it does nothing."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        try:
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM))
        except (OSError, AttributeError):
            pass


def run(plan: BrowsePlan) -> int:
    """Run Datasette until it stops or the user presses Ctrl-C; returns its exit status (0 on Ctrl-C)."""
    import shutil
    import signal
    import threading

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)  # `kill PID` stops Datasette too, not only Ctrl-C
    try:
        process = subprocess.Popen(plan.command, preexec_fn=die_with_parent)
    except OSError as exc:
        shutil.rmtree(plan.workdir, ignore_errors=True)
        raise TrackerError(f"cannot start Datasette ({exc.strerror}); reinstall tracker.") from exc
    try:
        status = process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        status = 0
    finally:
        shutil.rmtree(plan.workdir, ignore_errors=True)
    if status not in (0, -15):
        raise TrackerError(f"Datasette stopped with status {status}; see its message above.")
    return 0
