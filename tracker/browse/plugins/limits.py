"""Datasette plugin (loaded by `tracker browse` with --plugins-dir): what one query may cost, and read-only.

Datasette stops a query at its time limit (`sql_time_limit_ms`) through SQLite's progress handler,
which SQLite calls after every 1,000 instructions of its virtual machine, so instructions that run
long escape it: building a 900 MB string (`printf('%.*c', 900000000, 'x')`, a recursive CTE that
doubles a string), a function whose cost grows with the square of its arguments (`trim(X, Y)`,
`instr`, `replace` on crafted strings), or 1,000 rows that each cost a second. Here:

- the time limit is also kept by a watchdog thread that interrupts a query still running just after
  its deadline (SQLite checks for an interrupt at every row, not every 1,000 instructions), and the
  progress handler runs every 100 instructions (:func:`timelimit` replaces Datasette's `sqlite_timelimit`);
- no string or blob may exceed :data:`MAX_VALUE_BYTES` (`SQLITE_LIMIT_LENGTH`), so no single
  instruction copies more, nor a LIKE or GLOB pattern :data:`MAX_PATTERN_BYTES` (matching costs the
  text's length times the pattern's), nor the widths of one `printf` the same total;
- SQLite may allocate at most :data:`HEAP_LIMIT_BYTES` in this process (`PRAGMA hard_heap_limit`):
  past it the query fails with "out of memory" and nothing else does;
- one statement may return at most :data:`MAX_ANSWER_BYTES` of text and blobs (counted as the rows
  are read, so Python never holds more of one answer);
- `instr`, `replace` and the two-argument `trim`, `ltrim` and `rtrim` run in linear time (SQLite's
  own compare the arguments position by position: minutes on two 100 KB strings);
- and the served database file is `PRAGMA query_only`: Datasette reads it with `mode=ro`, and even a
  connection Datasette would open for writing cannot change it.

A query past one of these limits is answered with an error (HTTP 400) that says which, at once:
Datasette 0.65 printed each error's traceback with its local variables first (1-2 s), which
:func:`startup` turns off.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import re
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from datasette import hookimpl

#: The largest string or blob a query may make or read (the largest value stored, a compressed 10-K, is
#: well under 1 MB).
MAX_VALUE_BYTES = 2 * 1024 * 1024
#: The longest LIKE or GLOB pattern (a search term, with its wildcards).
MAX_PATTERN_BYTES = 64
#: SQLite instructions between two calls of the progress handler (Datasette's own: 1,000).
PROGRESS_STEPS = 100
#: Seconds past its time limit after which the watchdog interrupts a query the progress handler did not end.
WATCHDOG_GRACE = 0.2
#: The memory SQLite may allocate in the Datasette process, every connection together.
HEAP_LIMIT_BYTES = 256 * 1024 * 1024
#: The text and blobs one statement may return (a page of 1,000 filings with their sections fits).
MAX_ANSWER_BYTES = 64 * 1024 * 1024
#: Databases of Datasette's own (in memory): they get the limits but stay writable for Datasette.
OWN_DATABASES = ("_internal", "_memory")

Row = Any
RowFactory = Callable[[sqlite3.Cursor, tuple], Row]


class AnswerTooLarge(sqlite3.OperationalError):
    """A statement returned more text and blobs than :data:`MAX_ANSWER_BYTES`."""


@hookimpl
def startup(datasette: Any) -> None:
    """Keep Datasette's time limit with the watchdog and a finer progress handler (:func:`timelimit`), and
    answer an error without printing its traceback with every local variable on the terminal (rich's
    `show_locals`, which Datasette 0.65 does for each error page: 1-2 s a query stopped at its time limit)."""
    import datasette.database as database_module
    import datasette.handle_exception as errors_module

    database_module.sqlite_timelimit = timelimit
    errors_module.rich = None  # a server error (500) still prints its traceback, without the locals


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    """Cap what a query on this connection may cost, and make the served database file read-only."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, MAX_PATTERN_BYTES)
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")
    conn.row_factory = BudgetedRows(conn.row_factory or (lambda cursor, row: row), MAX_ANSWER_BYTES)
    for name, arity, function in LINEAR_FUNCTIONS:
        conn.create_function(name, arity, function, deterministic=True)
    db = datasette.databases.get(database)
    if database not in OWN_DATABASES and db is not None and db.path:
        conn.execute("PRAGMA query_only = 1")


@hookimpl
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """SQLite out of memory (the heap cap) is the query's fault: a 400 saying so, not a server error."""
    if not isinstance(exception, MemoryError):
        return None
    from datasette.handle_exception import handle_exception as default
    from datasette.views.base import DatasetteError

    message = (
        f"the query needs more memory than a query may use here ({HEAP_LIMIT_BYTES // 2**20} MB); "
        "ask for fewer or shorter values."
    )
    return default(datasette, request, DatasetteError(message, title="Query too large", status=400))


# -- the time limit --------------------------------------------------------------------------------
class Watchdog:
    """One thread that interrupts each armed connection at its deadline, unless it was disarmed first."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._deadlines: list[tuple[float, int, sqlite3.Connection]] = []
        self._armed: set[int] = set()
        self._fired: set[int] = set()
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, conn: sqlite3.Connection, deadline: float) -> int:
        """Interrupt ``conn`` at ``deadline`` (a ``time.monotonic()`` value); returns the token to disarm."""
        with self._lock:
            token = next(self._tokens)
            heapq.heappush(self._deadlines, (deadline, token, conn))
            self._armed.add(token)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="query-watchdog", daemon=True)
                self._thread.start()
            self._lock.notify()
            return token

    def disarm(self, token: int) -> bool:
        """The query is over: no interrupt for it (after this returns, none can come). True when one came."""
        with self._lock:
            self._armed.discard(token)
            fired = token in self._fired
            self._fired.discard(token)
            return fired

    def _run(self) -> None:
        """Wait for the earliest deadline; interrupt its connection if it is still armed."""
        with self._lock:
            while True:
                while self._deadlines and self._deadlines[0][1] not in self._armed:
                    heapq.heappop(self._deadlines)
                if not self._deadlines:
                    self._lock.wait()
                    continue
                deadline, token, conn = self._deadlines[0]
                if time.monotonic() < deadline:
                    self._lock.wait(deadline - time.monotonic())
                    continue
                heapq.heappop(self._deadlines)
                self._armed.discard(token)
                self._fired.add(token)
                conn.interrupt()  # under the lock: disarm() cannot return while this runs


WATCHDOG = Watchdog()


@contextlib.contextmanager
def timelimit(conn: sqlite3.Connection, ms: int) -> Iterator[None]:
    """Datasette's ``sqlite_timelimit``, kept: a progress handler every :data:`PROGRESS_STEPS` instructions and,
    for a query still running :data:`WATCHDOG_GRACE` later (in one long instruction, or rows that each take
    long), the watchdog's interrupt; both end the query with SQLite's "interrupted".

    SQLite keeps an interrupt pending while any statement of the connection is still open, and would
    interrupt the next query with it: after one, every statement this connection left open is finished."""
    deadline = time.monotonic() + ms / 1000

    def handler() -> int:
        return 1 if time.monotonic() >= deadline else 0

    conn.set_progress_handler(handler, PROGRESS_STEPS)
    token = WATCHDOG.arm(conn, deadline + WATCHDOG_GRACE)
    try:
        yield
    finally:
        if WATCHDOG.disarm(token) and isinstance(conn.row_factory, BudgetedRows):
            conn.row_factory.finish_statements()
        conn.set_progress_handler(None, PROGRESS_STEPS)


# -- the answer's size -------------------------------------------------------------------------------
class BudgetedRows:
    """A row factory that counts the bytes of text and blobs each statement returns and stops past ``limit``;
    it knows the cursors of the statements it saw, so that :func:`timelimit` can finish those left open.

    It knows them by weak references: a strong one would keep an unfinished statement, and with it a read
    transaction on a stale snapshot, open after Datasette let it go."""

    def __init__(self, factory: RowFactory, limit: int) -> None:
        self.factory = factory
        self.limit = limit
        self.cursors: weakref.WeakSet[sqlite3.Cursor] = weakref.WeakSet()
        self._current: Callable[[], sqlite3.Cursor | None] = lambda: None
        self._bytes = 0

    def __call__(self, cursor: sqlite3.Cursor, row: tuple) -> Row:
        """The row as ``factory`` makes it, unless the statement's answer grows past the limit."""
        if self._current() is not cursor:  # a new statement: its own budget
            self._current, self._bytes = weakref.ref(cursor), 0
            self.cursors.add(cursor)
        self._bytes += sum(len(v) for v in row if isinstance(v, str | bytes))
        if self._bytes > self.limit:
            raise AnswerTooLarge(
                f"the answer is larger than {self.limit // 2**20} MB, the most a query may return "
                "here; ask for fewer rows or columns."
            )
        return self.factory(cursor, row)

    def finish_statements(self) -> None:
        """Close every cursor still alive (Datasette is done with them): their statements end, and a pending
        interrupt with them."""
        for cursor in list(self.cursors):
            with contextlib.suppress(sqlite3.Error):
                cursor.close()
        self.cursors.clear()


# -- linear-time versions of SQLite's quadratic functions ----------------------------------------------
_local = threading.local()
#: Above this many characters an argument may make SQLite's own function slow.
_SMALL = 4096


def _reference() -> sqlite3.Connection:
    """This thread's private in-memory connection, for SQLite's own functions and conversions."""
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(":memory:")
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    return conn


def _sqlite(function: str, *args: Any) -> Any:
    """SQLite's own ``function(args)`` (for NULLs, numbers and blobs with only short arguments, where it is
    fast and its type rules are the rule); a result too big is SQLite's "string or blob too big"."""
    marks = ", ".join("?" * len(args))
    try:
        return _reference().execute(f"select {function}({marks})", args).fetchone()[0]
    except sqlite3.DataError as exc:  # the sqlite3 module reports an OverflowError as SQLITE_TOOBIG
        raise OverflowError(str(exc)) from None


def _linear(args: tuple[Any, ...], *, blobs: bool = False) -> tuple[Any, ...] | None:
    """The arguments for a linear version: all text, or (with a long one and no NULL) each as text; two blobs
    stay bytes with ``blobs`` (``instr`` counts bytes in blobs). None: SQLite's own function is fast here."""
    if all(isinstance(a, str) for a in args):
        return args
    if None in args or not any(isinstance(a, (str, bytes)) and len(a) > _SMALL for a in args):
        return None
    if blobs and all(isinstance(a, bytes) for a in args):
        return args
    return tuple(_as_text(a) for a in args)


def _as_text(value: Any) -> str:
    """A value as SQLite reads it as text (a blob's bytes as UTF-8, a number as SQLite writes it: ``1.0e+20``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(_reference().execute("select cast(? as text)", (value,)).fetchone()[0])


def _check_size(text: str, old: str, new: str) -> None:
    """Refuse, before making it, a ``replace`` result larger than a value may be (SQLite's "string or blob too
    big": an OverflowError is SQLITE_TOOBIG to the sqlite3 module)."""
    grow = len(new.encode("utf-8")) - len(old.encode("utf-8"))
    if len(text.encode("utf-8")) + text.count(old) * max(0, grow) > MAX_VALUE_BYTES:
        raise OverflowError("string or blob too big")


def instr(haystack: Any, needle: Any) -> Any:
    """``instr(X, Y)``: the 1-based position of the first Y in X, 0 when there is none (linear time)."""
    args = _linear((haystack, needle), blobs=True)
    if args is None:
        return _sqlite("instr", haystack, needle)
    return args[0].find(args[1]) + 1


def replace(text: Any, old: Any, new: Any) -> Any:
    """``replace(X, Y, Z)``: every Y in X replaced by Z (linear time; an empty Y changes nothing)."""
    args = _linear((text, old, new))
    if args is None:
        return _sqlite("replace", text, old, new)
    x, y, z = args
    if not y or y[0] == "\0":  # SQLite reads a pattern that starts with NUL as empty
        return x
    _check_size(x, y, z)
    return x.replace(y, z)


def _trimmer(function: str, left: bool, right: bool) -> Callable[[Any, Any], Any]:
    """``trim(X, Y)``, ``ltrim`` or ``rtrim``: X without the characters of Y at its ends (linear time)."""

    def trim(text: Any, chars: Any) -> Any:
        args = _linear((text, chars))
        if args is None:
            return _sqlite(function, text, chars)
        x, wanted = args[0], set(args[1].split("\0", 1)[0])  # SQLite reads the set up to a NUL
        start, end = 0, len(x)
        while left and start < end and x[start] in wanted:
            start += 1
        while right and end > start and x[end - 1] in wanted:
            end -= 1
        return x[start:end]

    trim.__name__ = function
    trim.__doc__ = f"``{function}(X, Y)`` in linear time."
    return trim


#: A printf conversion: flags, width, precision (``*`` takes them from the arguments), size, type.
_CONVERSION = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d*))?(l{0,2})([a-zA-Z%])")


def printf(*args: Any) -> Any:
    """``printf(FORMAT, ...)`` (and ``format``) refused when its widths and precisions together exceed the
    largest value, before SQLite pads or repeats a character that many times."""
    if args and isinstance(args[0], str | bytes):
        _check_widths(_as_text(args[0]), args[1:])
    return _sqlite("printf", *args)


def _check_widths(form: str, args: tuple[Any, ...]) -> None:
    """OverflowError (SQLite's "string or blob too big") when the widths and precisions of ``form`` (numbers
    in it, or arguments for ``*``) add up to more than :data:`MAX_VALUE_BYTES`."""
    total, used = 0, 0
    for match in _CONVERSION.finditer(form):
        if match.group(4) == "%":
            continue
        for part in match.group(1, 2):
            if part == "*":
                value = args[used] if used < len(args) else 0
                used += 1
                total += abs(_as_int(value))
            elif part:
                total += int(part)
        used += 1
        if total > MAX_VALUE_BYTES:
            raise OverflowError("string or blob too big")


def _as_int(value: Any) -> int:
    """A value as SQLite reads it as an integer (``'12abc'`` is 12)."""
    if isinstance(value, int):
        return value
    return int(_reference().execute("select cast(? as integer)", (value,)).fetchone()[0] or 0)


LINEAR_FUNCTIONS: list[tuple[str, int, Callable[..., Any]]] = [
    ("instr", 2, instr),
    ("replace", 3, replace),
    ("trim", 2, _trimmer("trim", True, True)),
    ("ltrim", 2, _trimmer("ltrim", True, False)),
    ("rtrim", 2, _trimmer("rtrim", False, True)),
    ("printf", -1, printf),
    ("format", -1, printf),
]
