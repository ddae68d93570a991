"""Cell writing that is safe for Excel.

Text from data (a note "=HYPERLINK(…)", a name "+cmd|…") is written as a text
cell, never as a live formula: openpyxl would otherwise store any string that
starts with "=" as a formula.  CSV output follows the OWASP rule against
formula injection: a text field starting with = + - @ tab or CR gets a leading
apostrophe, which Excel hides and which stops evaluation.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from desktop.core.errors import WriteError

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


def write_replacing(path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then move it into place.

    A failed write (folder missing, disk full, the file open in Excel on Windows) raises
    :class:`WriteError` and leaves any earlier file at ``path`` as it was, never half written."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc} (is it open in Excel or another "
                         "program?). Nothing was written.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def save_workbook(wb, path) -> Path:
    """Save a write-only openpyxl workbook with :func:`write_replacing`.  When the save fails its
    sheets are closed, so their half-written streams are not reported on stderr when collected."""
    def save(tmp: Path) -> None:
        try:
            wb.save(tmp)
        except BaseException:
            for ws in wb.worksheets:
                try:
                    ws.close()
                except Exception:                  # noqa: BLE001 — already broken; the save error matters
                    pass
            raise

    return write_replacing(path, save)
