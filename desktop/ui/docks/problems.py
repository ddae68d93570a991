"""The Problems dock: what an import or a computation has to say, with where it is."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.core.messages import translate
from desktop.ui.language import ui_language
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex


def problem_parts(problem, lang: str) -> tuple[str, str, str]:
    """(severity, location, sentence with the value found and expected) of a core Problem in ``lang``."""
    severity = {"error": QCoreApplication.translate("ProblemsDock", "Error"),
                "warning": QCoreApplication.translate("ProblemsDock", "Warning"),
                "info": QCoreApplication.translate("ProblemsDock", "Note")}.get(problem.severity.value,
                                                                              problem.severity.value)
    return severity, problem.location(lang), problem.sentence(lang)


class ProblemsModel(OneCallPerCell, QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []          # core Problem objects, or plain sentences (engine notes)
        self._rows: list[tuple[str, str, str]] = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        lang = ui_language()
        self.items = list(items)
        self._rows = []
        for item in self.items:
            if hasattr(item, "severity"):
                self._rows.append(problem_parts(item, lang))
            else:
                self._rows.append((QCoreApplication.translate("ProblemsDock", "Note"), "", translate(item, lang)))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (QCoreApplication.translate("ProblemsDock", "Severity"),
                    QCoreApplication.translate("ProblemsDock", "Where"),
                    QCoreApplication.translate("ProblemsDock", "What"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < 3:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None


class ProblemsPanel(QWidget):
    sig_activated = Signal(object)       # the Problem double-clicked

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Problems"))
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.doubleClicked.connect(lambda i: self.sig_activated.emit(self.model.items[i.row()]))

    def set_items(self, items: list) -> None:
        self.model.set_items(items)
