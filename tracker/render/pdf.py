"""PDF output: the HTML change report printed to A4 by headless Chromium.

The only module that runs Chromium. It renders the change report (`render_comparison_html`), adds the
paged-media rules of ``templates/_print_page.css`` (a running header naming the filer and the years,
"Page N of M" in the footer; CSS margin boxes, which Chromium supports since version 131) as a
``<style>`` at the end of the head, and prints the page with ``chromium --headless --print-to-pdf``.

Chromium is found through ``$TRACKER_CHROMIUM`` when set (a path or a command name, never replaced by a
search of PATH), else as ``chromium`` or ``chromium-browser`` on PATH. It runs with a private profile in a
temporary folder, no network and a time limit. The PDF is written to a hidden file next to the target and
renamed into place, so a failure leaves no partial file behind.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from tracker.diff.context import ComparisonContext
from tracker.errors import BadInput, TrackerError

CHROMIUM_ENV = "TRACKER_CHROMIUM"
"""Environment variable naming the Chromium binary to use."""
CHROMIUM_NAMES = ("chromium", "chromium-browser")
"""Commands looked up on PATH when ``$TRACKER_CHROMIUM`` is not set."""
TIMEOUT_SECONDS = 60.0
"""How long Chromium may take to print one report."""
INSTALL_HINT = (
    "install Debian's chromium package (apt-get install chromium) or set TRACKER_CHROMIUM to a "
    "Chromium binary."
)
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-sandbox",
    "--no-pdf-header-footer",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-crash-reporter",
    "--disable-quic",
    "--mute-audio",
)
"""Switches of every run: headless, no header/footer of the browser, nothing fetched in the background."""
_NOISE = re.compile(r"dbus|Fontconfig|unexpected operator|DevTools listening|bytes written to file", re.I)
_LOG_PREFIX = re.compile(r"^\[[^\]]*\]\s*")


def write_pdf(ctx: ComparisonContext, path: Path, *, timeout: float | None = None) -> None:
    """Print the change report of a comparison to an A4 PDF at `path`.

    Raises BadInput when Chromium cannot be found and TrackerError when the file cannot be written or
    Chromium fails or runs out of time; the target is then left as it was.
    """
    chromium = find_chromium()
    partial = reserve_partial(path)
    try:
        html = print_html(ctx)
        with tempfile.TemporaryDirectory(prefix="tracker-pdf-") as work:
            page = Path(work) / "report.html"
            page.write_text(html, encoding="utf-8")
            print_to_pdf(chromium, page, partial, Path(work), TIMEOUT_SECONDS if timeout is None else timeout)
        os.chmod(partial, default_file_mode())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- finding Chromium
def find_chromium() -> str:
    """The Chromium binary: ``$TRACKER_CHROMIUM`` when set, else the first of `CHROMIUM_NAMES` on PATH."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise BadInput(
                f"Chromium is needed for PDF output but {CHROMIUM_ENV}={chosen} is not an "
                f"executable: {INSTALL_HINT}"
            )
        return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BadInput(f"Chromium is needed for PDF output: {INSTALL_HINT}")


# --------------------------------------------------------------------------- the page to print
def print_html(ctx: ComparisonContext) -> str:
    """The HTML change report with the paged-media rules added to its head."""
    from tracker.render.html import render_comparison_html

    return inject_style(render_comparison_html(ctx), print_css(ctx))


def print_css(ctx: ComparisonContext) -> str:
    """The ``@page`` rules: A4, the running header of this comparison and page numbers."""
    from tracker.render.html import render_template

    return render_template("_print_page.css", header=css_string(page_header(ctx)))


def page_header(ctx: ComparisonContext) -> str:
    """The running header: ``COCA COLA CO (KO): cybersecurity disclosure, FY2023 to FY2024``."""
    old, new = (year_label(meta) for meta in (ctx.old_meta, ctx.new_meta))
    other = ctx.filer.get("old_filer")
    if other:  # two filers compared
        return f"{filer_label(other)} {old} and {filer_label(ctx.filer)} {new}: cybersecurity disclosure"
    return f"{filer_label(ctx.filer)}: cybersecurity disclosure, {old} to {new}"


def filer_label(filer: dict) -> str:
    """The filer's name with its first ticker; the ticker or the CIK alone when the name is unknown."""
    name, cik = filer.get("name"), filer.get("cik")
    ticker = (filer.get("tickers") or [None])[0]
    if name:
        return f"{name} ({ticker})" if ticker else name
    if ticker:
        return str(ticker)
    return f"CIK {cik}" if cik else "Unnamed filer"


def year_label(meta: dict) -> str:
    """``FY2024``, or ``year unknown``."""
    year = meta.get("fiscal_year")
    return f"FY{year}" if year else "year unknown"


def css_string(text: str) -> str:
    """`text` escaped for the inside of a double-quoted CSS string in a ``<style>`` element: backslashes,
    quotes and ``<`` (so no ``</style>`` can end the element) become CSS escapes, line breaks spaces."""
    text = re.sub(r"[\r\n\f\t]+", " ", text)
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return text.replace("<", "\\3c ")


def inject_style(html: str, css: str) -> str:
    """`html` with a ``<style>`` holding `css` just before ``</head>`` (else before ``<body``, else first)."""
    style = f"<style>\n{css}</style>\n"
    for pattern in (r"</head\s*>", r"<body\b"):
        match = re.search(pattern, html, re.IGNORECASE)
        if match:
            return html[: match.start()] + style + html[match.start() :]
    return style + html


# --------------------------------------------------------------------------- running Chromium
def reserve_partial(path: Path) -> Path:
    """A new hidden file next to `path` for Chromium to write (renamed to `path` when complete)."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.absolute().parent)
    except OSError as exc:
        raise TrackerError(f"cannot write {path}: {exc.strerror}; choose another path.") from exc
    os.close(fd)
    return Path(name)


def print_to_pdf(chromium: str, page: Path, out: Path, work: Path, timeout: float) -> None:
    """Have Chromium print `page` to `out`, with a private profile and its log in the folder `work`."""
    command = [
        chromium,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={work / 'profile'}",
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]
    log = work / "chromium.log"
    with log.open("wb") as stderr:
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
                cwd=work,
            )
        except OSError as exc:
            raise TrackerError(f"cannot start Chromium ({chromium}): {exc.strerror or exc}.") from exc
        try:
            status = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(proc)
            raise TrackerError(
                f"Chromium did not print the PDF within {timeout:g} seconds; try again, or "
                "check that Chromium starts (chromium --headless --version)."
            ) from None
        except BaseException:
            stop(proc)
            raise
    reason = failure_reason(log.read_text(encoding="utf-8", errors="replace"))
    if status != 0:
        raise TrackerError(f"Chromium failed to print the PDF (exit status {status}: {reason}).")
    if not is_pdf(out):
        raise TrackerError(f"Chromium exited without writing a PDF ({reason}).")


def stop(proc: subprocess.Popen) -> None:
    """End the Chromium we started and all its helpers (its own session, not yet reaped), then reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def failure_reason(log: str) -> str:
    """The last line of Chromium's log that says something (not D-Bus or launcher noise), shortened."""
    lines = [_LOG_PREFIX.sub("", line).strip() for line in log.splitlines() if not _NOISE.search(line)]
    lines = [line for line in lines if line]
    if not lines:
        return "it gave no reason"
    reason = lines[-1].rstrip(".")
    return reason if len(reason) <= 160 else reason[:157] + "..."


def is_pdf(path: Path) -> bool:
    """True when `path` holds something that starts as a PDF does."""
    try:
        with path.open("rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False


def default_file_mode() -> int:
    """The mode a new file gets under the current umask (the reserved file was created 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
