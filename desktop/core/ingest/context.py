"""The cells around a problem, as the file holds them: what the import wizard shows on double-click.

A problem names the file, the sheet, the row as Excel shows it and the column
(:mod:`desktop.core.problems`).  :func:`cell_context` reads the file again with
the same reader the import used (so the row numbers agree) and returns the few
rows and columns around that cell, as text, with the position to highlight.
The sheets of the last file read are kept (until the file changes or
:func:`forget` is called), so looking at another cell of it reads nothing again.
No Qt here: the GUI calls it on its worker thread.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.ingest.readers import RawSheet, is_placeholder, read_file, refused
from desktop.core.registry.normalise import normalise_name

COLUMN_RADIUS = 4      # columns shown either side of the highlighted one in a wide sheet

_last: tuple[tuple, list[RawSheet]] | None = None     # ((path, mtime, size), its sheets): the last file read
_last_lock = threading.Lock()


@dataclass
class CellContext:
    """The window of cells around one cell.  Unpacks as ``header, rows, highlight``.

    ``header``: the file's column headers of the shown columns (a blank header is
    shown as its column letter).  ``rows``: ``(spreadsheet row number, [cell text,
    ...])`` for each shown row.  ``highlight``: ``(row index, column index)`` into
    ``rows`` and ``header``; either is None when the problem names no row (or the
    header row itself) or no column of the file.
    """

    header: list[str]
    rows: list[tuple[int, list[str]]]
    highlight: tuple[int | None, int | None]
    header_row: int = 1            # spreadsheet row of the header
    sheet: str = ""
    more_left: bool = False        # columns left out before / after the shown ones (a wide sheet)
    more_right: bool = False

    def __iter__(self):
        yield self.header
        yield self.rows
        yield self.highlight


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def cell_text(value) -> str:
    """A cell as the analyst typed it: no '2023.0', no 'nan', no 'None'."""
    if value is None:
        return ""
    if isinstance(value, float | np.floating):
        number = float(value)
        if np.isnan(number):
            return ""
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return repr(number)
    if isinstance(value, np.integer):
        return str(int(value))
    if value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.isoformat(sep=" ").removesuffix(" 00:00:00")
    return str(value)


def find_column(headers: list[str], column: str) -> int | None:
    """Position of ``column`` among the file's headers: exact, then ignoring case, spaces and units."""
    if not column:
        return None
    if column in headers:
        return headers.index(column)
    want = normalise_name(column)
    keys = [normalise_name(h) for h in headers]
    if want in keys:
        return keys.index(want)
    # "quantity" for a header "quantity (t)" or "产量（吨）" style headers with a unit in brackets
    bare = [normalise_name(str(h).split("(")[0].split("（")[0]) for h in headers]
    if want and want in bare:
        return bare.index(want)
    return None


def _sheets(path: Path) -> list[RawSheet]:
    """``read_file(path)``, or the sheets kept from the last call when the file has not changed since."""
    global _last
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return read_file(path)            # raises the ReadError that says why
    with _last_lock:
        if _last is not None and _last[0] == key:
            return _last[1]
    sheets = read_file(path)
    with _last_lock:
        _last = (key, sheets)
    return sheets


def forget() -> None:
    """Let go of the sheets kept from the last file read (a large file holds memory)."""
    global _last
    with _last_lock:
        _last = None


def pick_sheet(sheets: list[RawSheet], sheet: str, path: Path) -> RawSheet:
    if not sheet:
        return sheets[0]
    for raw in sheets:
        if raw.sheet == sheet:
            return raw
    raise refused(path.name, "read.sheet_gone", sheet=sheet)


def cell_context(path: str | Path, sheet: str, row: int | None, column: str, radius: int = 3,
                 column_radius: int = COLUMN_RADIUS) -> CellContext:
    """The cells within ``radius`` rows (and ``column_radius`` columns) of ``row``/``column``.

    ``row`` is the spreadsheet row as Excel shows it (the header row included);
    ``column`` a header of the file (a canonical column name that the file does not
    have highlights no column).  Raises :class:`~desktop.core.errors.ReadError`
    when the file or the sheet cannot be read.
    """
    path = Path(path)
    raw = pick_sheet(_sheets(path), sheet, path)
    frame = raw.frame
    headers = [str(c) for c in frame.columns]
    col = find_column(headers, column)

    # Columns: all of them when they fit, else a window around the highlighted one.
    width = 2 * column_radius + 1
    first_col = (0 if len(headers) <= width or col is None
                 else min(max(col - column_radius, 0), len(headers) - width))
    shown_cols = list(range(first_col, min(first_col + width, len(headers))))

    # Rows: frame row i is spreadsheet row header_row + 1 + i.
    n = len(frame)
    body_row = None if row is None else int(row) - raw.header_row - 1
    if body_row is None or body_row < 0 or n == 0:
        start, stop, hl_row = 0, min(n, 2 * radius + 1), None      # the header row, or no row named
    elif body_row >= n:
        start, stop, hl_row = max(n - 2 * radius - 1, 0), n, None   # past the end: show the last rows
    else:
        start, stop = max(body_row - radius, 0), min(body_row + radius + 1, n)
        hl_row = body_row - start

    block = frame.iloc[start:stop, shown_cols]
    rows = [(raw.header_row + 1 + start + i, [cell_text(v) for v in values])
            for i, values in enumerate(block.itertuples(index=False, name=None))]
    # A blank header cell is named by its column letter (the reader numbered it by position).
    shown_headers = [column_letter(int(headers[c][7:]) - 1) if is_placeholder(headers[c]) else headers[c]
                     for c in shown_cols]
    hl_col = None if col is None else shown_cols.index(col)
    return CellContext(shown_headers, rows, (hl_row, hl_col), raw.header_row, raw.sheet,
                       first_col > 0, first_col + len(shown_cols) < len(headers))
