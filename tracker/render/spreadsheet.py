"""Tables written for spreadsheets: CSV files (the csv module) and Excel workbooks (the only module that uses
openpyxl). Each file is written beside its destination and then renamed over it, so a failed write leaves
nothing half-written."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tracker.errors import BadInput, TrackerError

#: What a spreadsheet would read as the start of a formula; such a text is written with a leading
#: apostrophe in CSV (the usual guard against formula injection) and as plain text in Excel.
_FORMULA_STARTS = ("=", "+", "@")
#: Widest column Excel is given (characters); long sentences wrap instead.
_MAX_WIDTH = 60


@dataclass
class Sheet:
    """One table: its name (file stem), title (sheet name), headers and rows."""

    name: str
    """File stem (`fact_timeline`)."""
    title: str
    """Sheet title (`Fact timeline`)."""
    headers: list[str]
    """Plain-English column headers."""
    rows: list[list[Any]]
    """The values, one list per row, in header order."""


@contextmanager
def _replacing(path: Path, mode: str) -> Iterator[IO[Any]]:
    """A file written beside `path`, moved over it when the block ends without error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise TrackerError(f"cannot write {path}: {exc.strerror}; choose another path.") from exc
    try:
        f: IO[Any] = os.fdopen(fd, mode) if "b" in mode else os.fdopen(fd, mode, newline="", encoding="utf-8")
        with f:
            yield f
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TrackerError(f"cannot write {path}: {exc.strerror}; choose another path.") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv_value(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def write_csv(sheet: Sheet, path: Path) -> Path:
    """One table as a CSV file (UTF-8 with a byte-order mark, so that Excel reads the accents right)."""
    if path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name ending in .csv.")
    with _replacing(path, "w") as f:
        f.write("\ufeff")
        writer = csv.writer(f)
        writer.writerow(sheet.headers)
        writer.writerows([_csv_value(v) for v in row] for row in sheet.rows)
    return path


def write_csv_folder(sheets: list[Sheet], folder: Path) -> list[Path]:
    """Each table as `<name>.csv` in the folder (created if missing)."""
    if folder.exists() and not folder.is_dir():
        raise BadInput(
            f"{folder} is a file; give a folder for the CSV files, or a name ending in .csv or .xlsx."
        )
    return [write_csv(sheet, folder / f"{sheet.name}.csv") for sheet in sheets]


def write_xlsx(sheets: list[Sheet], path: Path) -> Path:
    """The tables as one workbook: a sheet per table, a bold header row frozen in place, filters on it."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name ending in .xlsx.")
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        ws.append(sheet.headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for row_cells in ws.iter_rows(min_row=2):
            for cell in row_cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = ws.dimensions
        for i, header in enumerate(sheet.headers, 1):
            longest = max(
                [len(header)] + [len(str(r[i - 1])) for r in sheet.rows[:200] if r[i - 1] is not None]
            )
            ws.column_dimensions[get_column_letter(i)].width = min(_MAX_WIDTH, longest + 2)
            if longest > _MAX_WIDTH:
                for cell in ws[get_column_letter(i)][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    with _replacing(path, "wb") as f:
        book.save(f)
    return path
