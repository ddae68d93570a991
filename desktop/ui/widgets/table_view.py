"""A table view with Excel's habits: Ctrl+C copies TSV with headers, Ctrl+V pastes a block, Delete clears.

Copy writes what pastes back: names as shown (the registry reads them in either
language) and numbers as typed (no thousands separators, tokens such as W or
>50 kept).  A paste is checked cell by cell before anything is written; one bad
cell refuses the whole block and says which one and why.
"""
from __future__ import annotations

import csv
import io

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.ui.models.frame_model import CellRefused, TableModel
from desktop.ui.titles import column_title


def to_tsv(rows: list[list[str]]) -> str:
    """Tab-separated text as Excel writes it (cells with tabs, newlines or quotes are quoted)."""
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue()


def from_tsv(text: str) -> list[list[str]]:
    """Rows of cells from text copied out of Excel (its trailing line break dropped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')]


class ExcelTableView(QTableView):
    sig_refused = Signal(str)          # a paste or an edit was refused: the sentence to show
    # Rows measured when the columns are fitted: enough for the widths, and a bounded cost on the GUI thread
    # (Qt's default, 1000 rows, asks for every role of every cell of them: 70 ms for the Overview alone).
    FIT_ROWS = 200

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fitted = None
        self.horizontalHeader().setResizeContentsPrecision(self.FIT_ROWS)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)

    def table_model(self) -> TableModel | None:
        model = self.model()
        return model if isinstance(model, TableModel) else None

    # -- keyboard ----------------------------------------------------------------------------------
    def fit_columns(self, key=None) -> None:
        """Make the columns as wide as their contents — once per ``key`` (what decides the widths: the
        columns and rows shown).  A recompute changes the numbers, not their widths, so it keeps the widths the
        analyst may have dragged, and costs the GUI thread nothing; ``None`` always fits."""
        if key is not None and key == self._fitted:
            return
        self._fitted = key
        self.resizeColumnsToContents()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selection_cells()
        else:
            super().keyPressEvent(event)

    # -- copy --------------------------------------------------------------------------------------
    def selection_block(self) -> list[list[str]]:
        """The selected cells' bounding rectangle, with a header row."""
        model = self.model()
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if model is None or not indexes:
            return []
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes}, key=self.horizontalHeader().visualIndex)
        cols = [c for c in cols if not self.isColumnHidden(c)]
        chosen = {(i.row(), i.column()) for i in indexes}
        header = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in cols]
        out = [header]
        table = self.table_model()
        for r in rows:
            line = []
            for c in cols:
                if (r, c) not in chosen:
                    line.append("")
                    continue
                index = model.index(r, c)
                if table is not None:
                    kind = table.data_.columns[c].kind if table.data_ is not None else "text"
                    role = Qt.ItemDataRole.DisplayRole if kind == "text" else Qt.ItemDataRole.EditRole
                    value = model.data(index, role)
                else:       # a read-only model: its EditRole is the plain number Excel should get, if any
                    value = model.data(index, Qt.ItemDataRole.EditRole)
                    value = model.data(index, Qt.ItemDataRole.DisplayRole) if value is None else value
                line.append("" if value is None else str(value))
            out.append(line)
        return out

    def copy_selection(self) -> None:
        block = self.selection_block()
        if block:
            QGuiApplication.clipboard().setText(to_tsv(block))

    # -- paste -------------------------------------------------------------------------------------
    def paste(self, text: str | None = None) -> bool:
        model = self.table_model()
        if model is None:
            return False
        block = from_tsv(QGuiApplication.clipboard().text() if text is None else text)
        if not block:
            return False
        current = self.currentIndex()
        top = current.row() if current.isValid() else 0
        left = current.column() if current.isValid() else 0
        if model.data_ is not None:
            # A header row copied with the block (from CritMin or a sheet with our titles) is not data.
            titles = {column_title(c.name).casefold() for c in model.data_.columns} | \
                {c.name.casefold() for c in model.data_.columns}
            if block and all(cell.strip().casefold() in titles for cell in block[0] if cell.strip()):
                block = block[1:]
        if not block:
            return False
        try:
            request = model.edit_block(top, left, block)
        except CellRefused as exc:
            self.sig_refused.emit(str(exc))
            return False
        if request is not None:
            model.sig_edit_requested.emit(request)
            # Select what was pasted, as Excel does.
            bottom = min(top + len(block), model.rowCount()) - 1
            right = left + max(len(r) for r in block) - 1
            if bottom >= top:
                sel = self.selectionModel()
                sel.select(self._rect(top, left, bottom, right), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def _rect(self, top, left, bottom, right):
        from PySide6.QtCore import QItemSelection

        model = self.model()
        return QItemSelection(model.index(top, left), model.index(bottom, right))

    # -- clear and delete ---------------------------------------------------------------------------
    def clear_selection_cells(self) -> None:
        model = self.table_model()
        if model is None:
            return
        try:
            request = model.clear_request(self.selectionModel().selectedIndexes())
        except CellRefused as exc:
            self.sig_refused.emit(str(exc))
            return
        if request is not None:
            model.sig_edit_requested.emit(request)

    def selected_rows(self) -> list[int]:
        if self.selectionModel() is None:
            return []
        return sorted({i.row() for i in self.selectionModel().selectedIndexes()})
