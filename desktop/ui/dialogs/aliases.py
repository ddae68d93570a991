"""Data ▸ Aliases…: the project's own names for minerals and countries; removing one is undoable."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTableView, QVBoxLayout

from desktop.ui.commands import AliasCommand
from desktop.ui.language import ui_language

if TYPE_CHECKING:
    import pandas as pd

_Index = QModelIndex | QPersistentModelIndex


class AliasesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str]] = []

    def set_frame(self, frame: pd.DataFrame, registry) -> None:
        self.beginResetModel()
        lang = ui_language()
        self.rows = []
        for r in frame.itertuples(index=False):
            name_of = registry.mineral_name if r.kind == "mineral" else registry.country_name
            name = name_of(r.target, lang)
            kind = self.tr("Mineral") if r.kind == "mineral" else self.tr("Country")
            self.rows.append((r.kind, kind, str(r.alias), f"{name} ({r.target})"))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Kind"), self.tr("Name in the file"), self.tr("Means"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < 3:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column() + 1]
        return None


class AliasesDialog(QDialog):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Aliases"))
        self.resize(640, 420)
        self.model = AliasesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Aliases"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        info = QLabel(self.tr("Names your files use that CritMin maps to its minerals and countries. They are saved "
                              "in this project; the import wizard adds them."), self)
        info.setWordWrap(True)
        self.remove = QPushButton(self.tr("Remove Alias"), self)
        self.remove.setAccessibleName(self.tr("Remove Alias"))
        self.remove.clicked.connect(self._remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.remove)
        layout.addWidget(buttons)
        document.sig_registry_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.document.read(lambda project, state: project.aliases(), kind="aliases",
                           on_done=lambda frame: self.model.set_frame(frame, self.document.registry))

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        for row in rows:
            kind, _label, alias, _target = self.model.rows[row]
            self.document.undo_stack.push(AliasCommand(self.document, kind, alias, None,
                                                       self.tr("Remove alias '%1'").replace("%1", alias)))
