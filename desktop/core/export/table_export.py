"""Any table the analyst sees, as an xlsx workbook or a CSV file ("Export what they see", docs UI.md).

:func:`write_table` takes the table as the view holds it — headers and one sequence per column — so the
GUI can export a filtered, sorted view without building a DataFrame.  The rules are the results
workbook's: numbers stay numbers, an empty value (None, NaN, NA, '') is an empty cell, text is always a
text cell in xlsx (never a formula, a link or a number); CSV is UTF-8 with a BOM, so Excel shows Chinese
names correctly, and a text that a spreadsheet would evaluate gets a leading apostrophe (``cells.csv_safe``).
A file is written beside its target and moved into place, so a failed export leaves nothing half
written.

The column preparation (:func:`column_cells`, :func:`series_cells`) and the sheet writer
(:func:`write_sheet`) are shared with the results workbook: each column gets one cell kind and one typed
XlsxWriter call for all its cells, which is what makes a 500,000-row sheet quick.
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from desktop.core.export.cells import add_sheet, csv_safe, number_text, write_replacing, write_xlsx

MAX_ROWS = 1_048_575                 # Excel's rows per sheet minus the header row
MAX_COLUMNS = 16_384
BLOCK_ROWS = 65_536                  # rows turned into Python values at a time (write_sheet)
TEXT, NUMBER, BOOL, MIXED = "text", "number", "bool", "mixed"
KINDS = ("auto", "number", "text")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_PLAIN_INTEGER = re.compile(r"[+-]?\d+")


class Column(NamedTuple):
    """One column ready to write: its cell ``kind`` (TEXT, NUMBER, BOOL or MIXED) and its values as
    Python ``str`` / ``int`` / ``float`` / ``bool``, ``None`` for an empty cell."""
    kind: str
    values: list


def write_table(path, headers: list[str], columns: list[Sequence], *, sheet: str = "Table",
                kinds: list[str] | None = None) -> Path:
    """Write a table to ``path`` (``.xlsx`` or ``.csv``) and return the path.

    ``columns`` holds one sequence per header (lists, tuples, NumPy arrays or pandas Series), all of
    the same length; a big table is quicker as NumPy arrays or Series (converted by dtype, not value by
    value).  ``kinds`` (one per column, default all ``"auto"``):

    * ``"auto"`` — numbers are number cells, booleans TRUE/FALSE, text is text, anything else (a date)
      its text;
    * ``"number"`` — as auto, and a text that is a plain number ("12", "-3.5", "1e3", e.g. a value as
      the view displays it) becomes a number; other text ("W", ">50") stays text;
    * ``"text"`` — every value is text, numbers included (codes such as "0012" or "2605").

    ``sheet`` names the xlsx sheet (made valid for Excel); a table longer than one sheet continues on
    "<sheet> (2)", ….  Raises ``ValueError`` for a bad path suffix, kind or column count and
    ``WriteError`` when the file cannot be written (nothing is written then)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValueError(f"{path.name}: a table is exported as .xlsx or .csv")
    if len(columns) != len(headers):
        raise ValueError(f"{len(headers)} headers but {len(columns)} columns")
    kinds = list(kinds) if kinds is not None else ["auto"] * len(headers)
    if len(kinds) != len(headers) or any(k not in KINDS for k in kinds):
        raise ValueError(f"kinds: one of {', '.join(KINDS)} per column")
    cells = [column_cells(col, kind) for col, kind in zip(columns, kinds)]
    if len({len(c.values) for c in cells}) > 1:
        raise ValueError("the columns are not all of the same length")
    headers = [str(h) for h in headers]
    if suffix == ".csv":
        return write_replacing(path, lambda tmp: _write_csv(tmp, headers, cells))
    if len(headers) > MAX_COLUMNS:
        raise ValueError(f"{len(headers)} columns: an Excel sheet holds at most {MAX_COLUMNS}")
    n = len(cells[0].values) if cells else 0

    def block(lo: int, hi: int) -> list[Column]:
        return [Column(c.kind, c.values[lo:hi]) for c in cells]

    write_xlsx(path, lambda wb: write_sheet(wb, sheet, headers, n, block, set()))
    return path


# -- columns ----------------------------------------------------------------------------
def column_cells(values: Sequence, kind: str = "auto") -> Column:
    """A column of any values as :class:`Column` (see :func:`write_table` for ``kind``)."""
    if isinstance(values, pd.Series | pd.Index) and kind == "auto":
        return series_cells(pd.Series(values))
    if isinstance(values, np.ndarray) and kind == "auto" and values.dtype.kind in "biuf":
        return series_cells(pd.Series(values))
    values = values.tolist() if hasattr(values, "tolist") else list(values)
    if kind == "text":
        return Column(TEXT, [_text(v) for v in values])
    parse = kind == "number"
    out = [cell_value(v, parse) for v in values]
    return Column(_kind_of(out), out)


def series_cells(s: pd.Series) -> Column:
    """A pandas column as :class:`Column`, by its dtype (vectorised: no per-cell type checks for the
    numeric, boolean and categorical columns that make up the big tables)."""
    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cats = series_cells(pd.Series(dtype.categories))
        lookup = np.empty(len(cats.values) + 1, dtype=object)
        lookup[:-1] = cats.values
        lookup[-1] = None                                   # code -1: missing
        return Column(cats.kind, lookup[np.asarray(s.cat.codes)].tolist())
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):  # Int64, Float64, boolean, string: NA → None
        obj = s.astype(object)
        return series_cells(obj.where(obj.notna(), None))
    if dtype.kind == "b":
        return Column(BOOL, s.tolist())
    if dtype.kind in "iu":
        return Column(NUMBER, s.tolist())
    if dtype.kind == "f":
        arr = s.to_numpy(dtype=float)
        vals = arr.astype(object)
        vals[~np.isfinite(arr)] = None
        return Column(NUMBER, vals.tolist())
    if dtype.kind != "O":                                     # dates, timedeltas …: their text
        return Column(TEXT, [None if pd.isna(v) else str(v) for v in s.tolist()])
    inferred = pd.api.types.infer_dtype(s, skipna=True)
    if inferred in ("string", "empty"):
        vals = s.to_numpy(dtype=object).copy()
        vals[pd.isna(vals)] = None
        vals[vals == ""] = None                               # '' is an empty cell, not an empty text
        return Column(TEXT, vals.tolist())
    if inferred in ("integer", "floating", "mixed-integer-float", "decimal"):
        return series_cells(pd.to_numeric(s, errors="coerce"))
    if inferred == "boolean":
        return Column(BOOL, [None if v is None or v is pd.NA else bool(v) for v in s.tolist()])
    out = [cell_value(v, False) for v in s.tolist()]
    return Column(_kind_of(out), out)


def cell_value(v, parse: bool = False):
    """``v`` as str / int / float / bool, or None for an empty cell (None, NaN, ±inf, NA, NaT, '').
    With ``parse`` a text that is a plain number becomes that number."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, str):
        if v == "":
            return None
        if parse and _PLAIN_NUMBER.fullmatch(v.strip()):
            return int(v) if _PLAIN_INTEGER.fullmatch(v.strip()) else float(v)
        return v
    if isinstance(v, bool | np.bool_):
        return bool(v)
    if isinstance(v, int | np.integer):
        return int(v)
    if isinstance(v, float | np.floating | Decimal | Fraction):
        f = float(v)
        return f if math.isfinite(f) else None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return str(v)


def _text(v):
    v = cell_value(v, False)
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    return number_text(v)


def _kind_of(values: list) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {str}:
        return TEXT
    if kinds <= {int, float}:
        return NUMBER
    if kinds == {bool}:
        return BOOL
    return MIXED


def column_width(header: str, column: Column) -> int:
    """Excel column width for the header and the first values (CJK characters count double)."""
    sample = [v for v in column.values[:2000] if v is not None]
    width = _display_len(header)
    if column.kind == NUMBER and any(isinstance(v, float) for v in sample):
        width = max(width, 12)
    elif sample:
        width = max(width, max(_display_len(_text(v)) for v in sample))
    return max(8, min(60, width + 2))


def _display_len(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# -- xlsx ---------------------------------------------------------------------------------
def sheet_name(name: str, used: set[str]) -> str:
    """``name`` made a valid, unused Excel sheet name (≤ 31 characters, none of ``[]:*?/\\``, no
    apostrophe at either end; Chinese is fine) and added to ``used`` (lower-case names: Excel compares
    sheet names without case).  A taken name gets " (2)", " (3)", …, which is also how a table longer
    than one sheet names its continuation sheets."""
    base = _BAD_SHEET_CHARS.sub("_", str(name)).strip().strip("'")
    base = _cut(base, 31) or "Sheet"
    if base.lower() == "history":                  # reserved by Excel
        base = "History_"
    out, k = base, 2
    while out.lower() in used:
        suffix = f" ({k})"
        out = _cut(base, 31 - len(suffix)).rstrip("'") + suffix
        k += 1
    used.add(out.lower())
    return out


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` of at most ``limit`` UTF-16 units (Excel counts those)."""
    while len(text.encode("utf-16-le")) // 2 > limit:
        text = text[:-1]
    return text


def header_format(wb):
    """The bold header format of an XlsxWriter workbook (one per workbook)."""
    fmt = getattr(wb, "_critmin_header", None)
    if fmt is None:
        fmt = wb._critmin_header = wb.add_format({"bold": True})
    return fmt


def write_sheet(wb, name: str, headers: list[str], n_rows: int, cells: Callable[[int, int], list[Column]],
                used: set[str], *, max_rows: int | None = None) -> dict[str, int]:
    """Write one table of ``n_rows`` rows into the XlsxWriter workbook ``wb``: a bold, frozen header
    row, column widths, then the rows, continued on "<name> (2)", … past ``max_rows`` (default
    :data:`MAX_ROWS`).  ``used`` holds the workbook's sheet names so far (see :func:`sheet_name`).

    ``cells(lo, hi)`` gives the columns of rows ``lo`` to ``hi`` (:func:`series_cells` of a slice,
    or a slice of prepared columns): the rows are prepared :data:`BLOCK_ROWS` at a time, so a table of
    millions of rows never exists as Python objects all at once.  Each column of a block is written
    with one typed call for all its cells (number, string, boolean; only a MIXED column looks at each
    value's type), and empty cells are not written at all: a blank without a format is no cell.

    Returns {sheet name: data rows} of the sheets written."""
    max_rows = MAX_ROWS if max_rows is None else max_rows
    widths = [column_width(h, c) for h, c in zip(headers, cells(0, min(n_rows, 2000)))]
    bold = header_format(wb)
    written: dict[str, int] = {}
    for part in range(max(1, math.ceil(n_rows / max_rows))):
        title = sheet_name(name, used)
        ws = add_sheet(wb, title)
        ws.freeze_panes(1, 0)
        for c, width in enumerate(widths):
            ws.set_column(c, c, width)
        for c, header in enumerate(headers):
            ws.write_string(0, c, header, bold)
        first, last = part * max_rows, min(n_rows, (part + 1) * max_rows)
        for lo in range(first, last, BLOCK_ROWS):
            _write_rows(ws, cells(lo, min(last, lo + BLOCK_ROWS)), 1 + lo - first)
        written[title] = last - first
    return written


def _write_rows(ws, columns: list[Column], top: int) -> None:
    """The rows of ``columns`` from sheet row ``top`` (0-based; row 0 is the header)."""
    # XlsxWriter's undecorated writers (_write_number is what write_number calls after checking for
    # "A1" notation): the check costs about a tenth of the time on a big sheet, and rows and columns
    # here are always numbers.
    typed = {NUMBER: ws._write_number, TEXT: ws._write_string, BOOL: ws._write_boolean}

    def mixed(row, col, v):
        kind = type(v)
        if kind is str:
            ws._write_string(row, col, v)
        elif kind is bool:
            ws._write_boolean(row, col, v)
        else:
            ws._write_number(row, col, v)

    writers = [typed.get(c.kind, mixed) for c in columns]
    ncol = range(len(columns))
    for r, row in enumerate(zip(*(c.values for c in columns)), start=top):
        for c in ncol:
            v = row[c]
            if v is not None:
                writers[c](r, c, v)


# -- csv ----------------------------------------------------------------------------------
def _write_csv(tmp: Path, headers: list[str], columns: list[Column]) -> None:
    def text_cell(v):
        return csv_safe(v)

    def number_cell(v):
        return number_text(v)

    def bool_cell(v):
        return "TRUE" if v else "FALSE"

    def mixed_cell(v):
        kind = type(v)
        return csv_safe(v) if kind is str else bool_cell(v) if kind is bool else number_text(v)

    cell = {TEXT: text_cell, NUMBER: number_cell, BOOL: bool_cell, MIXED: mixed_cell}
    formatters = [cell[c.kind] for c in columns]
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([csv_safe(h) for h in headers])
        for row in zip(*(c.values for c in columns)):
            writer.writerow(["" if v is None else fmt(v) for fmt, v in zip(formatters, row)])
