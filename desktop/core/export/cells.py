"""Cell writing that is safe for Excel.

Text from data (a note "=HYPERLINK(…)", a name "+cmd|…") is written as a text
cell, never as a live formula: openpyxl would otherwise store any string that
starts with "=" as a formula, XlsxWriter's write() would too unless told not to
(:data:`XLSX_OPTIONS`), and XlsxWriter copies a text shaped like its own rich
string XML into the file unescaped (:class:`SafeSheet`).  CSV output follows the
OWASP rule against formula injection: a text field starting with = + - @ tab or
CR gets a leading apostrophe, which Excel hides and which stops evaluation.

Every file is written beside its target and moved into place
(:func:`write_replacing`, :func:`save_workbook`, :func:`write_xlsx`).
"""
from __future__ import annotations

import contextlib
import math
import tempfile
from collections.abc import Callable
from pathlib import Path

import xlsxwriter
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from xlsxwriter.exceptions import FileCreateError, FileSizeError
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellNumberTuple, CellStringTuple, Worksheet

from desktop.core.errors import WriteError
from desktop.core.files import write_replacing    # also imported from here by the exports

_INJECTION_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True)


def xlsx_cell(ws, value):
    """A write-only cell holding ``value``; strings are always text cells."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def header_cells(ws, names):
    out = []
    for name in names:
        cell = WriteOnlyCell(ws, value=name)
        cell.data_type = "s"
        cell.font = HEADER_FONT
        out.append(cell)
    return out


def csv_safe(value):
    """Neutralise text that a spreadsheet would evaluate (numbers are left alone)."""
    if isinstance(value, str) and value.startswith(_INJECTION_START):
        return "'" + value
    return value


def set_widths(ws, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(60, width + 2))


def save_workbook(wb, path) -> Path:
    """Save a write-only openpyxl workbook with :func:`write_replacing`.  When the save fails its
    sheets are closed, so their half-written streams are not reported on stderr when collected."""
    def save(tmp: Path) -> None:
        try:
            wb.save(tmp)
        except BaseException:
            for ws in wb.worksheets:
                with contextlib.suppress(Exception):    # already broken; the save error matters
                    ws.close()
            raise

    return write_replacing(path, save)



# -- XlsxWriter ------------------------------------------------------------------------
# Options of every XlsxWriter export: the exports use typed writes, and should anything go through
# worksheet.write() a text still stays a text (never a formula, a hyperlink or a number).
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
_INLINE_CACHE = 20_000           # distinct texts per sheet whose escaped XML is kept for reuse
_COLUMN_NAMES: dict[int, str] = {}


def write_xlsx(path, build: Callable, *, constant_memory: bool = True):
    """Build an XlsxWriter workbook with ``build(workbook)`` and save it with :func:`write_replacing`.

    Returns what ``build`` returns.  The workbook is opened on the temporary file beside ``path`` with
    :data:`XLSX_OPTIONS`; add its sheets with :func:`add_sheet`.  XlsxWriter's scratch files (one per
    sheet in ``constant_memory`` mode, the package parts on close) go to a private temporary folder that
    is removed whatever happens, so a failed or interrupted write leaves nothing behind."""
    result = None

    def write(tmp: Path) -> None:
        nonlocal result
        with tempfile.TemporaryDirectory(prefix="critmin-xlsx-") as scratch:
            wb = xlsxwriter.Workbook(str(tmp), {**XLSX_OPTIONS, "constant_memory": constant_memory,
                                                "tmpdir": scratch})
            try:
                result = build(wb)
                wb.close()
            except FileCreateError as exc:      # XlsxWriter wraps the OSError of the save
                cause = exc.args[0] if exc.args else None
                raise (cause if isinstance(cause, OSError) else OSError(str(exc))) from exc
            except FileSizeError as exc:
                raise WriteError(f"cannot write {path}: one part of the workbook would be larger than 4 GB. "
                                 "Nothing was written.") from exc
            finally:
                if not wb.fileclosed:          # release the scratch files so that the folder can go
                    for ws in wb.worksheets():
                        if ws.row_data_fh is not None:
                            ws.row_data_fh.close()

    write_replacing(path, write)
    return result


def add_sheet(wb, name: str) -> SafeSheet:
    """A new :class:`SafeSheet` called ``name`` in the XlsxWriter workbook ``wb``."""
    return wb.add_worksheet(name, worksheet_class=SafeSheet)


def _column_name(col: int) -> str:
    name = _COLUMN_NAMES.get(col)
    if name is None:
        name = _COLUMN_NAMES[col] = xl_col_to_name(col)
    return name


def number_text(number) -> str:
    """The shortest text that reads back as the same double: XlsxWriter's ``%.16G`` loses the last
    digit of about a quarter of all doubles (0.1 + 0.2 comes back as 0.3)."""
    kind = type(number)
    if kind is float or kind is int:
        return repr(number)
    return repr(float(number))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class SafeSheet(Worksheet):
    """An XlsxWriter worksheet that keeps every text a literal text and every double exact.

    * XlsxWriter copies a plain string that starts with ``<r>`` and ends with ``</r>`` into the XML
      unescaped, taking it for a rich string of its own making.  Data are not to be trusted: such a
      text can close its cell and open a formula cell.  It is written as a rich string of plain
      fragments instead, which XlsxWriter escapes, and reads back as the same text.
    * Numbers are written with the shortest round-trip text (``repr``), not ``%.16G``.
    * In ``constant_memory`` mode a row of cells without formats is written as one string, and a
      repeated text (a mineral, a stage, a flag) is escaped once per sheet: about twice as fast as
      XlsxWriter's cell-by-cell path on a results sheet (bench/bench_results_workbook.py).

    This overrides three internal methods of XlsxWriter 3.3 (``_write_string``, ``_write_single_row``,
    ``_xml_number_element``); pyproject.toml keeps XlsxWriter below 4 and tests/core/export check the
    behaviour, so a change of those internals shows up as a failing test, not a bad workbook."""

    previous_row: int          # XlsxWriter's own (the row constant_memory mode holds), whose type mypy cannot infer

    def __init__(self):
        super().__init__()
        self._inline: dict[str, str] = {}

    def _write_string(self, row, col, string, cell_format=None):
        if string.startswith("<r>") and string.endswith("</r>"):
            if _utf16_len(string) > self.xls_strmax:          # Excel's limit: cut as XlsxWriter would
                cut = string[:self.xls_strmax]
                while _utf16_len(cut) > self.xls_strmax:
                    cut = cut[:-1]
                self._write_string(row, col, cut, cell_format)
                return -2
            tail = (cell_format,) if cell_format is not None else ()
            return self._write_rich_string(row, col, string[:1], string[1:2], string[2:], *tail)
        return super()._write_string(row, col, string, cell_format)

    def _write_single_row(self, current_row_num=0):
        # constant_memory: the previous row is complete; write it as one string when it is a plain row
        # (no row height, format or comment) and hand any formatted or unusual cell to XlsxWriter
        row = self.previous_row
        cells = self.table.get(row)
        if (not cells or row in self.row_info or row in self.comments or self.excel_version != 2007
                or self.default_row_height != self.original_row_height):
            return super()._write_single_row(current_row_num)
        self.previous_row = current_row_num
        r = str(row + 1)
        parts = [f'<row r="{r}">']
        names, col_info, inline = _COLUMN_NAMES, self.col_info, self._inline
        for col in sorted(cells):
            cell = cells[col]
            kind = cell.__class__
            info = col_info.get(col)
            if cell.format is None and (info is None or info.column_format is None):
                ref = names.get(col) or _column_name(col)
                if kind is CellNumberTuple:
                    number = cell.number
                    text = repr(number) if type(number) is float or type(number) is int else number_text(number)
                    parts.append(f'<c r="{ref}{r}"><v>{text}</v></c>')
                    continue
                if kind is CellStringTuple:
                    body = inline.get(cell.string) or self._inline_string(cell.string)
                    parts.append(f'<c r="{ref}{r}" t="inlineStr">{body}</c>')
                    continue
            self.fh.write("".join(parts))
            parts.clear()
            self._write_cell(row, col, cell)
        parts.append("</row>")
        self.fh.write("".join(parts))
        self.table.clear()

    def _inline_string(self, string: str) -> str:
        text = self._escape_data(self._escape_control_characters(string))
        space = ' xml:space="preserve"' if string[:1].isspace() or string[-1:].isspace() else ""
        body = f"<is><t{space}>{text}</t></is>"
        if len(self._inline) < _INLINE_CACHE:
            self._inline[string] = body
        return body

    def _xml_number_element(self, number, attributes=()):
        attrs = "".join(f' {key}="{self._escape_attributes(value)}"' for key, value in attributes)
        self.fh.write(f"<c{attrs}><v>{number_text(number)}</v></c>")
