"""The import log as a read-only table: which file, in which publisher's format, gave which rows."""
from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.messages import known_phrase, term, translate
from desktop.ui.language import ui_language

if TYPE_CHECKING:
    import pandas as pd

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("file_name", "format", "rows", "years", "sha256", "imported_at")


def _title(name: str) -> str:
    titles = {
        "file_name": QCoreApplication.translate("SourcesModel", "File"),
        "format": QCoreApplication.translate("SourcesModel", "Format"),
        "rows": QCoreApplication.translate("SourcesModel", "Rows per table"),
        "years": QCoreApplication.translate("SourcesModel", "Years"),
        "sha256": QCoreApplication.translate("SourcesModel", "Content hash (SHA-256)"),
        "imported_at": QCoreApplication.translate("SourcesModel", "Imported"),
    }
    return titles[name]


def _table(name: str, lang: str) -> str:
    return translate(term("table", name), lang)


def _format_text(label: str, lang: str) -> str:
    """The recognisers' names as stored in the import log (English), in the interface language."""
    return ", ".join(translate(known_phrase("recogniser", part.strip()), lang) for part in str(label).split(","))


def _rows_text(rows_json: str, lang: str) -> str:
    try:
        rows = json.loads(rows_json or "{}")
    except ValueError:
        return rows_json
    return ", ".join(f"{_table(table, lang)} {n:,}" for table, n in rows.items() if n)


def _local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(stamp)


class SourcesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self._full: list[tuple[str, ...]] = []

    def set_frame(self, frame: pd.DataFrame | None) -> None:
        self.beginResetModel()
        self._rows, self._full = [], []
        if frame is not None:
            lang = ui_language()
            for r in frame.itertuples(index=False):
                years = "; ".join(f"{_table(t, lang)} {y}" for t, y in (r.years or {}).items())
                full = (str(r.file_name), _format_text(r.format, lang), _rows_text(r.rows_json, lang), years,
                        str(r.sha256),
                        _local_time(r.imported_at))
                self._full.append(full)
                self._rows.append(full[:4] + (full[4][:12],) + full[5:])
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return _title(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._full[index.row()][index.column()]
        return None
