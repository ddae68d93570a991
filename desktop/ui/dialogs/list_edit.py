"""The dialogs of the Minerals dock's list editing: a list's name, minerals to add, unknown names.

They only ask: the dock writes what they answer as one undo step.  Each is opened with ``open()``
(window-modal, no nested event loop: the worker's results keep arriving) and answers through
``accepted``; tests answer them by setting their widgets and calling ``accept()``.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.collation import sort_names
from desktop.ui.language import ui_language

_Index = QModelIndex | QPersistentModelIndex


def mineral_label(registry, mid: str, lang: str) -> str:
    """"Gallium (镓)" in English, "镓 (Gallium)" in Chinese: either language's name finds the mineral."""
    shown = registry.mineral_name(mid, lang)
    other = registry.mineral_name(mid, "en" if lang == "zh" else "zh")
    return f"{shown} ({other})" if other and other != shown else str(shown)


class MineralChoiceModel(QAbstractListModel):
    """Every registry mineral, checkable; those already on the list come checked and cannot be unchecked."""

    sig_checked_changed = Signal()

    def __init__(self, registry, present=(), checked=(), parent=None) -> None:
        super().__init__(parent)
        lang = ui_language()
        ids = [str(m) for m in registry.minerals.index]
        labels = [mineral_label(registry, m, lang) for m in ids]
        order = sort_names([str(registry.mineral_name(m, lang)) for m in ids])
        self.ids = [ids[i] for i in order]
        self.labels = [labels[i] for i in order]
        # What the filter matches: both names, the id and the symbol.
        self.keys = [" ".join([self.labels[r], self.ids[r], str(registry.minerals["symbol"].get(self.ids[r], ""))])
                     .casefold() for r in range(len(self.ids))]
        self.present = set(present)
        self.checked = set(checked) - self.present

    def chosen(self) -> list[str]:
        """The minerals checked here and not already on the list, in the order shown."""
        return [m for m in self.ids if m in self.checked]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        mid = self.ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            on = mid in self.checked or mid in self.present
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if mid in self.present:
                return self.tr("%1 is already on the list").replace("%1", mid)
            return mid
        if role == Qt.ItemDataRole.UserRole:
            return mid
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.ids[index.row()] in self.present:
            return Qt.ItemFlag.ItemIsSelectable        # shown, not changeable: it is on the list already
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        mid = self.ids[index.row()]
        if mid in self.present:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(mid)
        else:
            self.checked.discard(mid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked_changed.emit()
        return True

    def set_checked(self, mid: str, on: bool = True) -> bool:
        """Check (or uncheck) one mineral by id; False if it is not offered or already on the list."""
        if mid not in self.ids:
            return False
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return self.setData(self.index(self.ids.index(mid)), state, Qt.ItemDataRole.CheckStateRole)


class MineralChooser(QWidget):
    """A filter box over the checkable registry minerals, and how many are chosen."""

    def __init__(self, registry, present=(), checked=(), parent=None) -> None:
        super().__init__(parent)
        self.model = MineralChoiceModel(registry, present, checked, self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: English or Chinese name, symbol"))
        self.filter.setAccessibleName(self.tr("Filter minerals"))
        self.filter.setClearButtonEnabled(True)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Registry minerals"))
        self.view.setUniformItemSizes(True)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.filter.textChanged.connect(self._filter)
        self.model.sig_checked_changed.connect(self._count)
        self._count()

    def _filter(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        for row, key in enumerate(self.model.keys):
            self.view.setRowHidden(row, bool(needle) and needle not in key)

    def _count(self) -> None:
        n = len(self.model.checked)
        self.count.setText(self.tr("1 mineral chosen") if n == 1 else
                           self.tr("%1 minerals chosen").replace("%1", self.locale().toString(n)))


class ListNameDialog(QDialog):
    """The name of a new, duplicated, renamed or imported list (and, for a new one, its minerals).

    OK stays disabled while the name is empty or names another list — the analyst sees why at once
    instead of after the write is refused.
    """

    def __init__(self, title: str, prompt: str, name: str, taken, *, current: str | None = None,
                 note: str = "", chooser: MineralChooser | None = None, ok_text: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.taken = list(taken)
        self.current = current
        self.chooser = chooser
        label = QLabel(prompt, self)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setAccessibleName(self.tr("List name"))
        self.name_edit.selectAll()
        label.setBuddy(self.name_edit)
        self.problem = QLabel(self)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        if ok_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        if note:
            info = QLabel(note, self)
            info.setWordWrap(True)
            info.setAccessibleName(self.tr("Note"))
            layout.addWidget(info)
        if chooser is not None:
            chooser.setParent(self)
            layout.addWidget(chooser, 1)
            chooser.model.sig_checked_changed.connect(self._check)
            self.resize(460, 560)
        else:
            self.setMinimumWidth(380)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self._check()

    def name(self) -> str:
        from desktop.core.store.lists import clean_name  # pandas: loaded by the worker long before

        return clean_name(self.name_edit.text())

    def minerals(self) -> list[str]:
        return self.chooser.model.chosen() if self.chooser is not None else []

    def problem_text(self) -> str:
        from desktop.core.store.lists import name_problem

        problem = name_problem(self.name_edit.text(), self.taken, self.current)
        if problem == "empty":
            return self.tr("Type a name for the list.")
        if problem == "taken":
            return self.tr("A list named “%1” already exists.").replace("%1", self.name())
        if self.chooser is not None and not self.chooser.model.checked:
            return self.tr("Check at least one mineral.")
        return ""

    def _check(self, *_args) -> None:
        text = self.problem_text()
        self.problem.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)

    def accept(self) -> None:
        if not self.problem_text():
            super().accept()


class AddMineralsDialog(QDialog):
    """Add Minerals…: every registry mineral, in both languages, filterable; those on the list already ticked."""

    def __init__(self, registry, list_name: str, present=(), parent=None) -> None:
        super().__init__(parent)
        title = self.tr("Add Minerals to “%1”").replace("%1", list_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.chooser = MineralChooser(registry, present, (), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.buttons)
        self.chooser.model.sig_checked_changed.connect(self._check)
        self.resize(420, 540)
        self._check()

    def minerals(self) -> list[str]:
        return self.chooser.model.chosen()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chooser.model.checked))


class UnknownNamesDialog(QDialog):
    """Names the registry does not know, each with a choice: its suggestions, skip it, or any mineral.

    Shown before anything is written: the list gets the known minerals plus what is chosen here,
    or nothing at all on Cancel.
    """

    def __init__(self, unknown, registry, known: int, parent=None) -> None:
        super().__init__(parent)
        title = self.tr("Unknown Mineral Names")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lang = ui_language()
        n = len(unknown)
        head = self.tr("CritMin does not know 1 of the names.") if n == 1 else \
            self.tr("CritMin does not know %1 of the names.").replace("%1", self.locale().toString(n))
        found = self.tr("1 name was recognised.") if known == 1 else \
            self.tr("%1 names were recognised.").replace("%1", self.locale().toString(known))
        sep = "" if lang == "zh" else " "                    # Chinese sentences follow one another unspaced
        info = QLabel(sep.join([head, found, self.tr("Choose the mineral each unknown name means, or skip it; "
                                                     "nothing is written until you click OK.")]), self)
        info.setWordWrap(True)
        self.table = QTableWidget(n, 2, self)
        self.table.setAccessibleName(self.tr("Unknown names"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Means")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)          # Tab goes from combo box to combo box
        self.table.horizontalHeader().setStretchLastSection(True)
        ids = [str(m) for m in registry.minerals.index]
        labels = [mineral_label(registry, m, lang) for m in ids]
        everything = [(ids[i], labels[i]) for i in sort_names([str(registry.mineral_name(m, lang)) for m in ids])]
        self.raws: list[str] = []
        self.combos: list[QComboBox] = []
        for row, item in enumerate(unknown):
            raw, hints = item.raw, list(item.suggestions)
            cell = QTableWidgetItem(raw)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            cell.setToolTip(self.tr("Did you mean %1?").replace("%1", "; ".join(
                mineral_label(registry, h, lang) for h in hints)) if hints else self.tr("No close match"))
            self.table.setItem(row, 0, cell)
            combo = QComboBox(self.table)
            combo.setAccessibleName(self.tr("Mineral for “%1”").replace("%1", raw))
            for hint in hints:
                combo.addItem(self.tr("%1 (suggested)").replace("%1", mineral_label(registry, hint, lang)), hint)
            combo.addItem(self.tr("Skip this name"), None)
            combo.insertSeparator(combo.count())
            for mid, label in everything:
                combo.addItem(label, mid)
            combo.setCurrentIndex(0)                       # the best suggestion, or "Skip" when there is none
            self.table.setCellWidget(row, 1, combo)
            self.table.setRowHeight(row, combo.sizeHint().height() + 4)     # the row fits its combo box
            self.raws.append(raw)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        width = self.table.columnWidth(0) + self.table.fontMetrics().horizontalAdvance("  ")
        self.table.setColumnWidth(0, min(width, 260))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, min(220 + 34 * n, 560))

    def choices(self) -> dict[str, str | None]:
        """{unknown name: the mineral chosen for it, or None to skip it}."""
        return {raw: combo.currentData() for raw, combo in zip(self.raws, self.combos)}

    def choose(self, raw: str, mineral: str | None) -> bool:
        """Set the answer for ``raw`` (tests and keyboard-free use); False if ``mineral`` is not offered."""
        combo = self.combos[self.raws.index(raw)]
        index = combo.findData(mineral)
        if mineral is None:
            index = next(i for i in range(combo.count()) if combo.itemData(i) is None and combo.itemText(i))
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

