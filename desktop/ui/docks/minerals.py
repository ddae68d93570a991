"""The Minerals dock: the minerals of the project (or of one of its lists), checkable, filterable.

The checked minerals are the shared selection: the Data view shows their rows.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget

from desktop.ui.collation import sort_names
from desktop.ui.language import ui_language

_Index = QModelIndex | QPersistentModelIndex
def project_minerals(project) -> tuple[list[str], dict[str, list[str]]]:
    """(minerals with data in the project, {list name: minerals}) — worker thread."""
    return project.minerals(), project.lists()


class MineralListModel(QAbstractListModel):
    sig_checked_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ids: list[str] = []
        self.names: list[str] = []
        self.checked: set[str] = set()

    def set_minerals(self, ids: list[str], registry, keep_checked: bool = False) -> None:
        """Show ``ids``, all checked — or, with ``keep_checked``, as checked as before (a reload after an
        edit must not undo the analyst's choice; a mineral new to the list comes checked)."""
        lang = ui_language()
        pairs = [(registry.mineral_name(m, lang) if registry else m, m) for m in ids]
        pairs = [pairs[i] for i in sort_names([p[0] for p in pairs])]
        names, new_ids = [p[0] for p in pairs], [p[1] for p in pairs]
        checked = set(new_ids) if not keep_checked else \
            {m for m in new_ids if m in self.checked or m not in self.ids}
        if keep_checked and (names, new_ids, checked) == (self.names, self.ids, self.checked):
            return                                  # nothing changed: the views need not redraw
        self.beginResetModel()
        self.names, self.ids, self.checked = names, new_ids, checked
        self.endResetModel()
        self.sig_checked_changed.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        mid = self.ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.names[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return mid
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if mid in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        mid = self.ids[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(mid)
        else:
            self.checked.discard(mid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked_changed.emit()
        return True

    def set_all(self, checked: bool) -> None:
        self.checked = set(self.ids) if checked else set()
        if self.ids:
            self.dataChanged.emit(self.index(0), self.index(len(self.ids) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked_changed.emit()


class MineralsPanel(QWidget):
    sig_selection_changed = Signal(object)        # set of mineral ids (None = every mineral)

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._all: list[str] = []
        self._lists: dict[str, list[str]] = {}
        self.list_combo = QComboBox(self)
        self.list_combo.setAccessibleName(self.tr("Mineral list"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter minerals"))
        self.filter.setAccessibleName(self.tr("Filter minerals"))
        self.filter.setClearButtonEnabled(True)
        self.model = MineralListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Minerals"))
        self.all_button = QPushButton(self.tr("All"), self)
        self.all_button.setAccessibleName(self.tr("Check all minerals"))
        self.none_button = QPushButton(self.tr("None"), self)
        self.none_button.setAccessibleName(self.tr("Uncheck all minerals"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list_combo)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.list_combo.currentIndexChanged.connect(self._list_changed)
        self.filter.textChanged.connect(self._filter_changed)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.model.sig_checked_changed.connect(self._emit_selection)
        document.sig_opened.connect(lambda _p: self.reload())
        document.sig_tables_changed.connect(lambda _t: self.reload())
        document.sig_registry_changed.connect(self.reload)
        document.sig_closed.connect(self._closed)

    def reload(self) -> None:
        def done(result) -> None:
            self._all, self._lists = result
            current = self.list_combo.currentData()
            self.list_combo.blockSignals(True)
            self.list_combo.clear()
            self.list_combo.addItem(self.tr("All minerals in the project"), None)
            for name in sorted(self._lists):
                self.list_combo.addItem(name, name)
            self.list_combo.setCurrentIndex(max(self.list_combo.findData(current), 0) if current else 0)
            self.list_combo.blockSignals(False)
            self._list_changed(keep_checked=self.list_combo.currentData() == current)

        self.document.read(lambda project, state: project_minerals(project), kind="minerals", on_done=done)

    def _closed(self) -> None:
        self._all, self._lists = [], {}
        self.list_combo.clear()
        self.model.set_minerals([], None)

    def _list_changed(self, *_args, keep_checked: bool = False) -> None:
        name = self.list_combo.currentData()
        ids = self._lists.get(name, []) if name else self._all
        self.model.set_minerals(ids, self.document.registry, keep_checked=keep_checked)
        self._filter_changed(self.filter.text())

    def _filter_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for row, (mid, name) in enumerate(zip(self.model.ids, self.model.names)):
            self.view.setRowHidden(row, bool(needle) and needle not in name.casefold() and needle not in mid)

    def show_current(self, mineral: str) -> None:
        """Highlight the mineral selected in a view (its check state is left alone)."""
        if mineral in self.model.ids:
            index = self.model.index(self.model.ids.index(mineral))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def selection(self) -> set[str] | None:
        if self.list_combo.currentData() is None and self.model.checked == set(self.model.ids):
            return None                  # everything: no filter at all (rows of minerals outside any list too)
        return set(self.model.checked)

    def _emit_selection(self) -> None:
        self.sig_selection_changed.emit(self.selection())
