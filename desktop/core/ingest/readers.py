"""Raw readers: xlsx/xls/ods via calamine, CSV/TSV with encoding and separator detection.

A reader does not interpret content: it returns :class:`RawSheet` objects (one
per worksheet, one per CSV file) whose ``frame`` uses the first non-empty row
as header, and remembers where that header was so that every later problem can
name the row exactly as Excel shows it.
"""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.errors import ReadError
from desktop.core.messages import msg

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
_SEPARATORS = [",", ";", "\t", "|"]
# Tried in this order: UTF-8 (with or without BOM), then Excel's CSV on Chinese
# Windows (GB18030 is a superset of GBK/GB2312), then Western Windows.
_ENCODINGS = ["utf-8-sig", "gb18030", "cp1252"]


@dataclass
class RawSheet:
    """One table as read from disk, before any interpretation.

    ``frame`` has the first non-empty row as its header (columns are strings)
    and keeps every cell as read: numbers stay numbers, text stays text
    (``"NA"`` is text, not missing). ``header_row`` is the 1-based spreadsheet
    row of that header, so frame row ``i`` is spreadsheet row
    ``header_row + 1 + i``.
    """

    path: Path
    sheet: str                     # worksheet name; "" for a CSV file
    frame: pd.DataFrame
    header_row: int = 1
    encoding: str = ""
    separator: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.path.name

    def excel_rows(self, index=None) -> pd.Series:
        """Spreadsheet row numbers of frame positions (an Index or array of positions).

        Without ``index``: the row number of every frame row, indexed like the frame.
        """
        if index is None:
            return pd.Series(np.arange(len(self.frame)) + self.header_row + 1, index=self.frame.index,
                             dtype="int64")
        return pd.Series(index, dtype="int64") + self.header_row + 1

    def grid(self, limit: int | None = None) -> pd.DataFrame:
        """The sheet as a header-less grid (header as row 0), for layouts with title rows.

        ``limit`` keeps only the first body rows (cheap detection on big files).
        """
        frame = self.frame if limit is None else self.frame.iloc[:limit]
        head = pd.DataFrame([list(frame.columns)], columns=range(frame.shape[1]))
        body = frame.copy()
        body.columns = range(frame.shape[1])
        return pd.concat([head, body], ignore_index=True)

    @property
    def first_grid_row(self) -> int:
        """Spreadsheet row number of ``grid()`` row 0."""
        return self.header_row


def is_placeholder(header: object) -> bool:
    """A name the reader gave to a blank header cell (``column_3``), not a name from the file."""
    text = str(header)
    return text.startswith("column_") and text[7:].isdigit()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_file(path: str | Path) -> list[RawSheet]:
    """Read every table in a file.  Raises :class:`ReadError` with a readable message."""
    path = Path(path)
    if not path.exists():
        raise refused(path, "read.not_found")
    if path.is_dir():
        raise refused(path, "read.is_folder")
    suffix = path.suffix.lower()
    try:
        if suffix in EXCEL_SUFFIXES:
            return _read_workbook(path)
        if suffix in TEXT_SUFFIXES or suffix == "":
            return [_read_text(path)]
    except ReadError:
        raise
    except PermissionError:
        raise refused(path.name, "read.locked") from None
    except Exception as exc:  # any library failure becomes one sentence
        raise refused(path.name, "read.not_a_table", error_type=type(exc).__name__, error=str(exc)) from exc
    raise refused(path.name, "read.unsupported", suffix=suffix)


def refused(where, code: str, **params) -> ReadError:
    """``ReadError("<where>: <reason>")``; the reason, a Message, is also kept as ``err.reason``."""
    reason = msg(code, **params)
    return ReadError(f"{where}: {reason[:1].lower()}{reason[1:]}", where=str(where), reason=reason)


# -- text ----------------------------------------------------------------------------
def detect_encoding(data: bytes) -> str:
    for enc in _ENCODINGS:
        try:
            data.decode(enc)
            return enc
        except UnicodeDecodeError:
            continue
    return "latin-1"  # never fails; odd characters are reported later as unknown names


def detect_separator(sample: str) -> str:
    """The separator that splits the sample's lines into the most consistent columns."""
    lines = [ln for ln in sample.splitlines() if ln.strip()][:30]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for sep in _SEPARATORS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=sep)]
        except csv.Error:
            continue
        width = max(set(counts), key=counts.count)
        if width < 2:
            continue
        consistent = sum(c == width for c in counts)
        score = (consistent, width)
        if score > best_score:
            best, best_score = sep, score
    return best


def _read_text(path: Path) -> RawSheet:
    data = path.read_bytes()
    if not data.strip():
        raise refused(path.name, "read.empty")
    if b"\x00" in data[:4096]:
        raise refused(path.name, "read.binary")
    encoding = detect_encoding(data)
    sample = data[:65536].decode(encoding, errors="ignore")
    sep = detect_separator(sample)
    data, padding = _without_padding(data, sep)
    # Skip leading blank lines so the header is the first non-empty row.
    lines = sample.splitlines()[:200]
    skip = next((i for i, ln in enumerate(lines) if ln.strip(sep + " \t")), 0)
    widths = [len(r) for r in csv.reader([ln for ln in lines[skip:skip + 50] if ln.strip()], delimiter=sep)]
    width = max(widths) if widths else 1
    options = dict(sep=sep, skiprows=skip, keep_default_na=False, na_values=[""], engine="c", low_memory=False,
                   encoding=encoding)
    try:
        if widths and widths[0] < width:
            # A title row narrower than the table ("表1 钴产量（吨）" alone on line 1): read a
            # plain grid so that pandas does not turn the extra columns into an index.
            grid = pd.read_csv(io.BytesIO(data), header=None, names=list(range(width)), **options)
            frame = grid.iloc[1:].reset_index(drop=True)
            frame.columns = grid.iloc[0].tolist()
        else:
            frame = pd.read_csv(io.BytesIO(data), **options)
    except pd.errors.ParserError as exc:
        raise refused(path.name, "read.ragged", error=str(exc)) from exc
    frame.columns = clean_headers(frame.columns)
    frame = _drop_empty_columns(frame)
    return RawSheet(path=path, sheet="", frame=frame, header_row=skip + 1, encoding=encoding, separator=sep,
                    meta={"padding_rows": padding})


def _without_padding(data: bytes, sep: str) -> tuple[bytes, int]:
    """``data`` without the lines at its end that hold only separators, blanks and quotes (USGS per-commodity
    files end with dozens of bare-comma lines: padding, not rows), and how many such lines there were.

    Cut on the bytes, from the end, so a large file costs nothing; the separator and the characters looked for
    are ASCII, which every encoding the reader accepts (no NUL bytes) writes as themselves."""
    padding = frozenset((sep + ' \t\r\n"\'').encode("ascii", errors="ignore"))
    end, count = len(data), 0
    while end > 0:
        start = data.rfind(b"\n", 0, end - 1) + 1 if end > 1 else 0
        line = data[start:end]
        if any(byte not in padding for byte in line):
            break
        if line.strip(b"\r\n"):
            count += 1
        end = start
    return data[:end], count


# -- workbooks -------------------------------------------------------------------------
def _read_workbook(path: Path) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise refused(path.name, "read.bad_workbook", error=str(exc)) from exc
    sheets = []
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        header = next((i for i, r in enumerate(rows) if any(c not in ("", None) for c in r)), None)
        if header is None:
            continue  # an empty sheet is not a table
        last = len(rows)              # without the empty rows at the end of the used range: padding, not rows
        while last > header + 1 and all(c is None or (isinstance(c, str) and not c.strip()) for c in rows[last - 1]):
            last -= 1
        padding, rows = len(rows) - last, rows[:last]
        width = max(len(rows[header]), len(rows[header + 1]) if len(rows) > header + 1 else 0)
        head = list(rows[header]) + [""] * (width - len(rows[header]))
        # calamine gives rectangular rows, "" for an empty cell and floats for numbers.
        frame = pd.DataFrame(rows[header + 1:], columns=clean_headers(head))
        for col in frame.columns:
            if frame[col].dtype == object:
                empty = (frame[col] == "").to_numpy()
                if empty.any():
                    frame[col] = frame[col].mask(empty)
        frame = _drop_empty_columns(frame.infer_objects())
        sheets.append(RawSheet(path=path, sheet=name, frame=frame, header_row=header + 1,
                               meta={"padding_rows": padding}))
    if not sheets:
        raise refused(path.name, "read.no_data")
    return sheets


def clean_headers(columns) -> list[str]:
    """Headers as strings; blanks get a positional name; duplicates get a suffix."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, col in enumerate(columns):
        text = "" if col is None or (isinstance(col, float) and col != col) else str(col).strip()
        if isinstance(col, float) and col.is_integer():
            text = str(int(col))  # a year header read as 2013.0
        if text == "" or text.startswith("Unnamed:"):
            text = f"column_{i + 1}"
        if text in seen:
            seen[text] += 1
            text = f"{text}.{seen[text]}"
        else:
            seen[text] = 0
        out.append(text)
    return out


def _drop_empty_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop trailing unnamed columns with no data (DataBank exports end with one)."""
    keep = [c for c in frame.columns if not (c.startswith("column_") and frame[c].isna().all())]
    return frame[keep] if len(keep) != frame.shape[1] else frame
