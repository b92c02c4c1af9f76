"""Work over the whole store in parallel: compare every filer (`diff_all`) and ingest many files.

Worker processes do the CPU work (reading sources, computing comparisons); the parent alone writes to
SQLite, in small transactions, so there is one writer, and a run killed at any moment leaves complete rows
only: the next run skips what is stored and finishes the job.
"""

from __future__ import annotations

import errno
import functools
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.errors import BadInput, TrackerError
from tracker.facts import RULES_VERSION
from tracker.models import Disclosure
from tracker.pipeline.ingest import (
    SECOND_EXHIBIT,
    UNMATCHED,
    Options,
    Summary,
    apply_options,
    check_name,
    expand,
    fact_rows,
    pair_exhibits,
    read_exhibit,
    unmatched_reason,
    with_why_not_read,
)
from tracker.pipeline.load import load_bytes
from tracker.read import read_source
from tracker.store import IngestResult, Precomputed, Store, precompute
from tracker.text.normalize import shared_work

if TYPE_CHECKING:
    from tracker.read.incident import Incident
    from tracker.store.incidents import StoredIncident

#: Rows written per transaction, and the longest a finished result waits before it is committed.
BATCH_ROWS = 50
BATCH_SECONDS = 1.0
#: How a folder ingest chose its workers, as measured by bench/bench_ingest.py on this 2-core host (medians,
#: 2026-12-02). On the quiet host, two workers against one process: 300 small sources (text extracts and R
#: pages) 0.69x and 0.76x the wall time (1.10x and 1.23x the CPU); the 31 Inline XBRL 10-Ks 0.95x and 0.81x
#: (1.80x and 1.53x the CPU). Under a load average of 5 to 12, two workers took 1.35x the wall time of one on
#: the small sources: the cores were not free. A worker per core is the default for any folder of more than
#: one file (`--workers 1` keeps to one process on a busy machine).
#: Comparisons per task sent to a worker (amortises the messaging); tasks in flight per worker.
PAIRS_PER_TASK = 8
TASKS_IN_FLIGHT = 4
#: Files in flight per worker in a folder ingest: enough to keep the workers busy while the parent writes a
#: batch and checkpoints its log (50 small files take the writer ~150 ms at first, ~450 ms in a store of
#: gigabytes, while a worker reads one in ~10 ms). Measured on bench/bench_universe.py's universe (2026-12-03,
#: two workers): at 3,000 filers, 32 kept 1.81-1.82 cores busy, 64 to 256 kept 1.88-1.93 (wall 48.5 and 50.0 s
#: against 42.1 and 47.0 s at 128); at 10,000 filers, 128 took the ingest from 170.8 s to 147.6 s and the peak
#: memory from 256 to 262 MB.
FILES_IN_FLIGHT = 128
#: ...and at most this many bytes of source files (as stored on disk) in flight per worker, so that what the
#: parent may hold stays small whatever the files: a file's prepared result pickles to 1.2-1.5 times its size
#: (the corpus's gzipped 10-Ks), so 8 MiB keeps 46 of those in flight and a folder of uncompressed 10-Ks of
#: 5 MB at the fewest (4), where the universe's 9 KB files stay at FILES_IN_FLIGHT.
BYTES_IN_FLIGHT = 8 * 2**20
FEWEST_IN_FLIGHT = 4
#: Most files a worker reads in one `shared_work` block (a filer's years, see `filer_groups`).
FILES_PER_GROUP = 4
#: Most of those groups sent to a worker as one task: each task is a message both ways, and the parent's part of
#: that messaging (its result thread wakes, unpickles and hands on each) cost it 0.8 ms a file with one group
#: a task, 0.55 ms with four (1,000 synthetic filers, bench/bench_universe.py's universe, the writer disabled;
#: 2026-12-03). Fewer for a small folder, so that every worker still gets a share (`_task_groups`).
GROUPS_PER_TASK = 4
#: The page cache of a folder ingest's writer, in KiB, and the pages its write-ahead log grows to before a
#: checkpoint.
WRITER_CACHE_KIB = 65536
WRITER_CHECKPOINT_PAGES = 10000

ProgressFn = Callable[[int, int], None]
"""Called by the parent with (done, total) as work completes."""


@dataclass
class BatchSummary:
    """What a diff-all run found and did."""

    pairs: int = 0
    """Pairs of versions that should have a comparison."""
    computed: int = 0
    """Comparisons computed and stored by this run."""
    already: int = 0
    """Pairs whose comparison was already stored (not recomputed)."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """Pairs that could not be compared: (filer and years, reason)."""
    seconds: float = 0.0
    """Wall time of the run."""
    reports: int = 0
    """HTML change reports written."""


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def ingest_workers(files: list[Path]) -> int:
    """The workers a folder ingest starts when none is asked for: a worker per core, one process for one
    file (see the measurement above)."""
    return default_workers() if len(files) > 1 else 1


def worker_limit(requested: int | None) -> int:
    """The workers to start for a request: one per core by default, never more than the cores (each worker
    holds its own parsers and database connection, so more only costs memory and time), at least one."""
    cores = default_workers()
    return cores if requested is None else max(1, min(requested, cores))


# -- diff-all ------------------------------------------------------------------------------------------
def diff_all(
    db_path: Path | str,
    year_pair: tuple[int, int] | None = None,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    reports: bool = False,
) -> BatchSummary:
    """Compare and store every filer's pair of latest versions not compared yet.

    With a year pair, the filers that have both years; without, every consecutive pair of stored years.
    A pair whose two version ids already have a stored comparison (made by the current fact rules) is
    skipped. With `reports`, each
    comparison's HTML change report is written to `reports/` beside the database (also for stored
    comparisons that have none yet) and its path recorded, so that browsing links to it.
    """
    started = time.perf_counter()
    store = Store(db_path, create=False)
    folder = reports_folder(db_path) if reports else None
    try:
        pairs = store.comparison_pairs(year_pair)
        for p in pairs:  # a comparison made by other fact rules is made again (and replaces it)
            if p["comparison_id"] is not None and p["rules"] != RULES_VERSION:
                p["comparison_id"] = None
        todo = [p for p in pairs if p["comparison_id"] is None or (reports and not p["report_path"])]
        summary = BatchSummary(
            pairs=len(pairs), already=sum(1 for p in pairs if p["comparison_id"] is not None)
        )
        tasks = [(todo[i : i + PAIRS_PER_TASK], reports) for i in range(0, len(todo), PAIRS_PER_TASK)]
        done = 0
        saved = _Saved()
        try:
            with _Writer(store) as writer:
                for task, outcome in parallel_map(_diff_task, tasks, workers, str(db_path)):
                    results = (
                        outcome if isinstance(outcome, list) else [(p, None, outcome, None) for p in task[0]]
                    )
                    for pair, data, error, html in results:
                        # _diff_task gives data exactly when there is no error
                        if error is None and data is not None:
                            writer.add(
                                functools.partial(
                                    _save, pair=pair, data=data, html=html, folder=folder, saved=saved
                                )
                            )
                            summary.computed += pair["comparison_id"] is None
                            summary.reports += html is not None
                        else:
                            reason = error or "no comparison computed"
                            summary.failed.append((_pair_label(store, pair), reason))
                    done += len(task[0])
                    if progress:
                        progress(done, len(todo))
        except (OSError, TrackerError) as exc:
            if not disk_full(exc):
                raise
            raise TrackerError(
                f"the disk filled up while diff-all wrote to {_full_place(exc, db_path, folder)}; "
                f"{saved.comparisons} comparisons and {saved.reports} reports were saved before it "
                "did, so free some space and run diff-all again to finish."
            ) from exc
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def reports_folder(db_path: Path | str) -> Path:
    """Where change reports of a database are written: `reports/` beside it (served by `tracker browse`)."""
    return Path(db_path).resolve().parent / "reports"


def report_name(data: dict, pair: dict) -> str:
    """File name of a comparison's report: who, which years, which versions."""
    filer = data.get("filer") or {}
    who = (filer.get("tickers") or [None])[0] or filer.get("cik") or f"filer{pair['filer_id']}"
    safe = re.sub(r"[^A-Za-z0-9.-]+", "_", str(who))
    return (
        f"{safe}-{pair['old_year']}-{pair['new_year']}-v{(data.get('old') or {}).get('version')}"
        f"-v{(data.get('new') or {}).get('version')}.html"
    )


@dataclass
class _Saved:
    """What a diff-all run has committed so far (counted once each transaction is)."""

    comparisons: int = 0
    reports: int = 0

    def add(self, report: bool) -> None:
        """Count one comparison committed, and its report when one was written."""
        self.comparisons += 1
        self.reports += report


def _save(
    store: Store, pair: dict, data: dict, html: str | None, folder: Path | None, saved: _Saved
) -> Callable[[], None]:
    """Store one comparison (and write its report); returns what to count once the transaction is committed."""
    old = {"id": pair["old_id"], "fiscal_year": pair["old_year"], "filer_id": pair["filer_id"]}
    new = {"id": pair["new_id"], "fiscal_year": pair["new_year"], "filer_id": pair["filer_id"]}
    comparison_id = store.save_comparison(old, new, data)
    if html is None or folder is None:
        return lambda: saved.add(False)
    target = folder / report_name(data, pair)
    write_atomically(target, html)
    store.set_report_path(comparison_id, f"{folder.name}/{target.name}")
    return lambda: saved.add(True)


def write_atomically(target: Path, text: str) -> None:
    """Write a file whole or not at all: into a temporary file beside it, renamed over it once complete (a
    failed write, a full disk, leaves no partial file behind)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # hidden, and this process's own
    try:
        with temporary.open("w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


#: errno values of a write refused for want of space (EFBIG: past the largest file allowed).
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def disk_full(exc: BaseException) -> bool:
    """Was this a write refused because the disk (or the quota, or the file-size limit) is full?"""
    if isinstance(exc, OSError):
        return exc.errno in _NO_SPACE
    cause = exc.__cause__
    return isinstance(cause, sqlite3.OperationalError) and "full" in str(cause).lower()


def _full_place(exc: BaseException, db_path: Path | str, folder: Path | None) -> str:
    """What was being written when the disk filled: the reports folder or the database."""
    if isinstance(exc, OSError) and folder is not None:
        return f"the reports folder {folder}"
    return f"the database {db_path}"


def _pair_label(store: Store, pair: dict) -> str:
    try:
        who = store.filer_by_id(pair["filer_id"]).display
    except Exception:  # noqa: BLE001 - a label must never fail the run
        who = f"filer {pair['filer_id']}"
    return f"{who} {pair['old_year']}-{pair['new_year']}"


def _diff_task(task: tuple[list[dict], bool]) -> list[tuple[dict, dict | None, str | None, str | None]]:
    """In a worker: the design.md JSON of each pair's comparison (and its HTML report when asked), or why
    it failed."""
    from tracker.diff.compare import collector_paused
    from tracker.pipeline.compare import compare_rows

    pairs, reports = task
    store = _worker_store()
    out: list[tuple[dict, dict | None, str | None, str | None]] = []
    with collector_paused():  # (each pair's disclosures and comparison are freed before the next is read)
        for pair in pairs:
            try:
                old_row, new_row = store.filing_by_id(pair["old_id"]), store.filing_by_id(pair["new_id"])
                ctx = compare_rows(store, store.filer_by_id(pair["filer_id"]), old_row, new_row)
                html = None
                if reports:
                    from tracker.render.html import render_comparison_html

                    html = render_comparison_html(ctx)
                out.append((pair, ctx.to_json(), None, html))
            except Exception as exc:  # noqa: BLE001 - one bad pair is reported, the rest go on
                out.append((pair, None, _reason(exc), None))
    return out


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, TrackerError) else f"unexpected {type(exc).__name__}: {exc}"


# -- parallel ingest -------------------------------------------------------------------------------------
@dataclass
class Prepared:
    """A source read and parsed by a worker, ready for the parent to store."""

    path: str
    """The file."""
    disclosure: Disclosure | None = None
    """What it says (None when refused)."""
    filer: str | None = None
    """Filer hint (from options or the file name)."""
    facts: list[dict] = field(default_factory=list)
    """Fact rows."""
    precomputed: Precomputed | None = None
    """What the store works out of the disclosure and its bytes (hashes, sentence rows, the compressed source),
    worked out here in the worker rather than by the parent, the single writer."""
    error: str | None = None
    """Why it was refused."""
    exhibit: tuple[bytes, str] | None = None
    """The exhibit its Item 1C was read from (raw bytes, file), kept for provenance."""
    incident: tuple[Incident, bytes] | None = None
    """When the source is a Form 8-K reporting a cybersecurity incident: the `Incident` and the raw bytes, which
    the parent stores as `tracker fetch --forms 8-K` stores a downloaded one."""


ResultFn = Callable[[Path, "IngestResult | StoredIncident | None", str | None], None]
"""Called by the parent for each file once its transaction is committed: (path, result, refusal); the result of a
Form 8-K is the StoredIncident of its cybersecurity incident."""


def ingest_parallel(
    paths: list[Path],
    opts: Options,
    db_path: Path | str,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    on_result: ResultFn | None = None,
    exhibit: Path | None = None,
) -> Summary:
    """Ingest files and folders (recursively) as `tracker ingest` does, reading them in worker processes.

    Files are stored in the order given (so versions of one filer-year are numbered as in a serial run),
    by this process alone, a few dozen per transaction; a refused file is recorded, not fatal. A write the
    database refuses (read-only, disk full) stops the run with that error; what was committed stays.
    """
    files = list(expand(paths))
    if not files:
        raise BadInput("no source files found at " + ", ".join(map(str, paths)) + ".")
    workers = ingest_workers(files) if workers is None else workers
    summary = Summary()
    store = Store(db_path, create=True)
    # the writer's page cache: a batch's rows land all over the indexes of a large store (by filing, by
    # element, by fact value, the full-text segments), and SQLite's default 2 MB sends most of them back
    # to the file on every batch
    store.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    # and its checkpoints: the write-ahead log copied into the database every WRITER_CHECKPOINT_PAGES pages
    # (SQLite's default 1,000 makes that nearly every batch, copying the same index pages again each time)
    store.conn.execute(f"PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}")
    done = 0
    try:
        with _Writer(store) as writer:
            tasks = [(str(f), opts, tuple(map(str, ex))) for f, ex in pair_exhibits(files, exhibit)]
            chunks = _task_groups(filer_groups(tasks), worker_limit(workers))
            per_task = len(tasks) / max(1, len(chunks))
            in_flight = max(1, int(files_in_flight(files) // per_task))  # (tasks holding so many files)
            for chunk, outcome in parallel_map(_prepare_groups, chunks, workers, None, in_flight):
                for k, task in enumerate(task for group in chunk for task in group):
                    prepared = outcome[k] if isinstance(outcome, list) else outcome
                    if not isinstance(prepared, Prepared):  # its worker died: say so, go on with the rest
                        prepared = Prepared(task[0], error=str(prepared))
                    writer.add(
                        functools.partial(
                            _store_prepared, p=prepared, opts=opts, summary=summary, on_result=on_result
                        )
                    )
                    done += 1
                    if progress:
                        progress(done, len(tasks))
    except TrackerError as exc:
        if not disk_full(exc) or not summary.results:
            raise  # nothing of this run was saved: the store's message says so
        raise TrackerError(
            f"the disk holding the database {db_path} filled up after {len(summary.results)} of "
            f"{len(files)} files were saved (they are kept); free some space and run the ingest "
            "again to store the rest."
        ) from exc
    finally:
        store.close()
    return summary


def files_in_flight(files: list[Path]) -> int:
    """Files a folder ingest keeps in flight per worker: FILES_IN_FLIGHT, fewer where the files are large
    (BYTES_IN_FLIGHT of them at their mean size), never under FEWEST_IN_FLIGHT."""
    sizes = []
    for f in files:
        try:
            sizes.append(f.stat().st_size)
        except OSError:  # (gone since it was listed: its reading says so)
            continue
    mean = sum(sizes) / len(sizes) if sizes else 1
    return max(FEWEST_IN_FLIGHT, min(FILES_IN_FLIGHT, int(BYTES_IN_FLIGHT // max(1.0, mean))))


IngestTask = tuple[str, Options, tuple[str, ...]]
"""A file to ingest: (its path, the options, the exhibits paired with it: the Exhibit 13 its Item 1C may be read
from, an 8-K's press releases; UNMATCHED or SECOND_EXHIBIT alone for an exhibit refused, see `pair_exhibits`)."""


def filer_groups(tasks: list[IngestTask]) -> list[list[IngestTask]]:
    """The tasks in order, in runs of at most FILES_PER_GROUP that are likely one filer's years: neighbours
    in one folder whose names differ only in their digits ("AAPL_2023.txt", "AAPL_2024.txt.gz";
    "aapl-20230930.htm", "aapl-20240928.htm"). A worker reads a run in one `shared_work` block, so what the
    two years share (most of their sentences) is split, keyed and read for facts once, as `tracker diff`
    reads a pair: the results are the same whatever the grouping (shared work is a pure function of the
    text), only the time differs."""
    groups: list[list[IngestTask]] = []
    last = None
    for task in tasks:
        key = _name_key(task[0])
        if groups and key == last and len(groups[-1]) < FILES_PER_GROUP:
            groups[-1].append(task)
        else:
            groups.append([task])
        last = key
    return groups


def _task_groups(groups: list[list[IngestTask]], workers: int) -> list[list[list[IngestTask]]]:
    """The groups in order, GROUPS_PER_TASK to a worker's task, fewer where that would leave a worker without
    a few tasks to do."""
    size = max(1, min(GROUPS_PER_TASK, len(groups) // (4 * workers)))
    return [groups[i : i + size] for i in range(0, len(groups), size)]


def _name_key(path: str) -> tuple[str, str]:
    """A file's folder and its name without digits or suffixes (what the years of one filer share)."""
    p = Path(path)
    name = p.name.lower().split(".", 1)[0]
    return str(p.parent), re.sub(r"\d+", "#", name)


def _prepare_groups(groups: list[list[IngestTask]]) -> list[Prepared]:
    """In a worker: `_prepare_group` of each group of a task, each in a block of its own; one list, in the
    order of the task's files."""
    return [prepared for group in groups for prepared in _prepare_group(group)]


def _prepare_group(group: list[IngestTask]) -> list[Prepared]:
    """In a worker: `_prepare_task` of each file of a group (see `filer_groups`), in one shared-work block."""
    with shared_work():
        return [_prepare_task(task) for task in group]


def _prepare_task(task: IngestTask) -> Prepared:
    """In a worker: read, parse and complete one source (with the exhibits paired with it: the first is the one its
    Item 1C may incorporate; an 8-K reads them all)."""
    path, opts, exhibit_paths = task
    if exhibit_paths and exhibit_paths[0] in (str(UNMATCHED), str(SECOND_EXHIBIT)):
        return Prepared(path, error=unmatched_reason(path, Path(exhibit_paths[0])))
    try:
        check_name(path)
        raw = read_source(Path(path))
        exhibits = [read for read in map(read_exhibit, exhibit_paths) if read is not None]
    except BadInput as exc:
        return Prepared(path, error=str(exc))
    exhibit = exhibits[0] if exhibits else None
    try:
        with shared_work():  # (the reading, the facts and the sentence rows split each text once)
            d, filer = apply_options(load_bytes(raw, exhibit), Path(path), opts)
            facts = fact_rows(d)
            precomputed = precompute(d, raw) if d.fiscal_year is not None else None
        return Prepared(path, d, filer, facts, precomputed, exhibit=exhibit)
    except Exception as exc:  # noqa: BLE001 - a source the readers choke on is refused, not fatal
        return _current_report(path, raw, opts, exhibits) or Prepared(path, error=_reason(exc))


def _current_report(
    path: str, raw: bytes, opts: Options, exhibits: list[tuple[bytes, str]]
) -> Prepared | None:
    """A source the annual-report readers refused, read as a Form 8-K with the press releases paired with it
    (`pair_exhibits`; an Item 8.01 or 7.01 may tell its incident only there): its cybersecurity incident (or why it
    reports none, or why its filer is unknown); None when it is no 8-K, so the annual-report refusal stands."""
    from tracker.pipeline.incidents import require_filer
    from tracker.read.incident import NotAn8K, read_incident_bytes

    furnished = {Path(name).name: data for data, name in exhibits} or None
    try:
        incident = read_incident_bytes(raw, exhibits=furnished)
        require_filer(None, opts.filer)
    except NotAn8K:
        return None
    except BadInput as exc:  # (NotAnIncident: an 8-K about something else; or no filer named)
        return Prepared(path, error=str(exc))
    except Exception:  # noqa: BLE001 - an 8-K reader's failure leaves the annual-report refusal to say why
        return None
    return Prepared(path, filer=opts.filer, incident=(incident, raw))


def _store_prepared(
    store: Store, p: Prepared, opts: Options, summary: Summary, on_result: ResultFn | None
) -> Callable[[], None]:
    """Store one prepared source; returns what to report once its transaction is committed."""
    path = Path(p.path)
    result: IngestResult | StoredIncident | None = None
    reason = p.error
    # (what the user said of the source: an annual report and an 8-K are stored with the same)
    said: dict[str, Any] = {
        "source_path": p.path,
        "filer": p.filer,
        "name": opts.name,
        "accession": opts.accession,
        "filing_date": opts.filing_date,
    }
    try:
        if p.incident is not None:
            from tracker.store.incidents import add_incident

            incident, raw = p.incident
            result = add_incident(store, incident, raw, cik=None, tickers=opts.tickers, **said)
        elif p.disclosure is not None:
            result = store.add(
                p.disclosure,
                b"",  # (its sha256, size and compressed bytes are in p.precomputed)
                facts=p.facts,
                exhibit=p.exhibit,
                precomputed=p.precomputed,
                **said,
            )
            with_why_not_read(result, p.disclosure)
    except BadInput as exc:
        reason = str(exc)

    def report() -> None:
        if result is None:
            summary.rejected.append((path, reason or "refused"))
        elif isinstance(result, IngestResult):
            summary.results.append((path, result))
        else:  # (a Form 8-K's incident)
            summary.incidents.append((path, result))
        if on_result:
            on_result(path, result, reason)

    return report


# -- machinery -------------------------------------------------------------------------------------------
class _Writer:
    """The parent's single writer: buffers writes, runs them in one transaction per few dozen or per second.

    `add(fn)` queues fn(store); fn may return a callable, run once its transaction is committed (so only
    what is durable is reported). The write lock is held only while a batch is written, never while
    waiting for workers. Leaving the block writes the rest; on an error the open batch is rolled back
    whole, so every committed row is complete.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.queued: list[Callable[[Store], Any]] = []
        self.since = 0.0

    def __enter__(self) -> _Writer:
        return self

    def add(self, write: Callable[[Store], Any]) -> None:
        if not self.queued:
            self.since = time.monotonic()
        self.queued.append(write)
        if len(self.queued) >= BATCH_ROWS or time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        queued, self.queued = self.queued, []
        if not queued:
            return
        with self.store.transaction():
            afters = [write(self.store) for write in queued]
        for after in afters:
            if callable(after):
                after()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        if exc is None:
            self.flush()


def parallel_map(
    fn: Callable[[Any], Any],
    tasks: Iterable[Any],
    workers: int | None,
    db_path: str | None,
    per_worker: int = TASKS_IN_FLIGHT,
) -> Iterator[tuple[Any, Any]]:
    """(task, fn(task)) in task order, computed by worker processes with at most `per_worker` tasks per worker
    in flight.

    A task whose worker died yields a string saying so instead of a result. With one worker, runs here.
    """
    workers = worker_limit(workers)
    if workers == 1:
        _init_worker(db_path, None)
        try:
            for task in tasks:
                yield task, fn(task)
        finally:
            _close_worker_store()
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(db_path, os.getpid())
    ) as pool:
        inflight: deque[tuple[Any, Future]] = deque()
        broken = False
        try:
            for task in tasks:
                if not broken:
                    try:
                        inflight.append((task, pool.submit(fn, task)))
                    except BrokenProcessPool:
                        broken = True
                if broken:
                    yield task, "a worker process died; run the command again to finish."
                    continue
                while len(inflight) >= workers * per_worker:
                    yield _collect(*inflight.popleft())
            while inflight:
                yield _collect(*inflight.popleft())
        except BaseException:
            for _, future in inflight:
                future.cancel()
            raise


def _collect(task: Any, future: Future) -> tuple[Any, Any]:
    try:
        return task, future.result()
    except BrokenProcessPool:
        return task, "a worker process died (out of memory?); run the command again to finish."


_WORKER: dict[str, Any] = {}


def _init_worker(db_path: str | None, parent_pid: int | None) -> None:
    """Worker start: remember the database to read, and leave if the parent dies (no orphans)."""
    _WORKER["db_path"] = db_path
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def _worker_store() -> Store:
    store = _WORKER.get("store")
    if store is None:
        store = _WORKER["store"] = Store(_WORKER["db_path"], create=False)
    return store


def _close_worker_store() -> None:
    store = _WORKER.pop("store", None)
    if store is not None:
        store.close()
