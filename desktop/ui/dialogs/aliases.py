"""Data ▸ Aliases…: the project's own names for minerals and countries; adding, retargeting and removing one
are each one undo step (:class:`~desktop.ui.commands.AliasCommand`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop.ui.commands import AliasCommand
from desktop.ui.language import ui_language

if TYPE_CHECKING:
    import pandas as pd

_Index = QModelIndex | QPersistentModelIndex
TARGET_COLUMN = 2


def target_choices(registry, kind: str) -> list[tuple[str, str]]:
    """[(label, id)] of every mineral or country, sorted by the label shown: "Cobalt (钴) — cobalt"."""
    from desktop.ui.collation import sort_names
    from desktop.ui.dialogs.list_edit import mineral_label

    lang = ui_language()
    if kind == "mineral":
        ids = [str(m) for m in registry.minerals.index]
        labels = [f"{mineral_label(registry, m, lang)} — {m}" for m in ids]
    else:
        ids = [str(c) for c in registry.countries.index]
        labels = [f"{registry.country_name(c, lang)} ({c})" for c in ids]
    return [(labels[i], ids[i]) for i in sort_names(labels)]


class TargetCombo(QComboBox):
    """A combo of every mineral or country that filters as one types (any part of a name, id or code)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def fill(self, choices: list[tuple[str, str]], current: str | None = None) -> None:
        self.clear()
        for label, target in choices:
            self.addItem(label, target)
        self.set_target(current)

    def set_target(self, target: str | None) -> None:
        row = self.findData(target) if target is not None else -1
        self.setCurrentIndex(row)
        if row < 0:
            self.setEditText("")

    def target(self) -> str | None:
        """The id chosen, or None while the typed text is not one of the choices."""
        row = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self.itemData(row) if row >= 0 else None


class AliasesModel(QAbstractTableModel):
    """The aliases; the "Means" cell is editable and a new target is asked for through ``sig_retarget``."""

    sig_retarget = Signal(str, str, str)          # kind, alias, new target

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str, str]] = []    # kind, kind shown, alias, meaning shown, target

    def set_frame(self, frame: pd.DataFrame, registry) -> None:
        self.beginResetModel()
        lang = ui_language()
        self.rows = []
        for r in frame.itertuples(index=False):
            name_of = registry.mineral_name if r.kind == "mineral" else registry.country_name
            name = name_of(r.target, lang)
            kind = self.tr("Mineral") if r.kind == "mineral" else self.tr("Country")
            self.rows.append((r.kind, kind, str(r.alias), f"{name} ({r.target})", str(r.target)))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Kind"), self.tr("Name in the file"), self.tr("Means"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == TARGET_COLUMN else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < 3:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column() + 1]
        if role == Qt.ItemDataRole.EditRole:
            return self.rows[index.row()][4] if index.column() == TARGET_COLUMN else \
                self.rows[index.row()][index.column() + 1]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TARGET_COLUMN:
            return self.tr("Double-click to choose what this name means")
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != TARGET_COLUMN:
            return False
        kind, _shown, alias, _meaning, target = self.rows[index.row()]
        if not value or value == target:
            return False
        self.sig_retarget.emit(kind, alias, str(value))       # the dialog writes it; the table reloads
        return True


class TargetDelegate(QStyledItemDelegate):
    """Edits the "Means" cell with a filterable combo of the alias's kind."""

    def __init__(self, dialog: AliasesDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def createEditor(self, parent, option, index):
        combo = TargetCombo(parent)
        combo.setAccessibleName(self.dialog.tr("Means"))
        combo.setToolTip(self.dialog.tr("Type part of a name to filter"))
        return combo

    def setEditorData(self, editor, index) -> None:
        kind = self.dialog.model.rows[index.row()][0]
        editor.fill(self.dialog.choices(kind), index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index) -> None:
        target = editor.target()
        if target is not None:
            model.setData(index, target, Qt.ItemDataRole.EditRole)


class AddAliasDialog(QDialog):
    """Asks for an alias: its kind, the name a file uses, and what it means (a filterable combo)."""

    def __init__(self, aliases: AliasesDialog) -> None:
        super().__init__(aliases)
        self.aliases = aliases
        self.setWindowTitle(self.tr("Add Alias"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Mineral"), "mineral")
        self.kind.addItem(self.tr("Country"), "country")
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.setToolTip(self.tr("Whether the name is a mineral's or a country's"))
        self.alias = QLineEdit(self)
        self.alias.setAccessibleName(self.tr("Name in the file"))
        self.alias.setToolTip(self.tr("The name exactly as your files write it"))
        self.target = TargetCombo(self)
        self.target.setAccessibleName(self.tr("Means"))
        self.target.setToolTip(self.tr("What the name means; type part of a name to filter"))
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Name in the file:"), self.alias)
        form.addRow(self.tr("Means:"), self.target)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Problems"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(self.tr("Add"))
        ok.setToolTip(self.tr("Save the alias in this project"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.alias.textChanged.connect(self._check)
        self.target.currentTextChanged.connect(self._check)
        self._kind_changed()

    def values(self) -> tuple[str, str, str | None]:
        return self.kind.currentData(), self.alias.text().strip(), self.target.target()

    def _kind_changed(self, *_args) -> None:
        self.target.fill(self.aliases.choices(self.kind.currentData()))
        self._check()

    def _check(self, *_args) -> None:
        kind, alias, target = self.values()
        registry = self.aliases.document.registry
        problem, note = None, ""
        if not alias:
            problem = self.tr("Type the name your files use.")
        elif target is None:
            problem = self.tr("Choose what the name means from the list.")
        elif registry is not None:
            now = registry.mineral_id(alias) if kind == "mineral" else registry.country_code(alias)
            if now is not None and now != target:
                shown = registry.mineral_name(now, ui_language()) if kind == "mineral" else \
                    registry.country_name(now, ui_language())
                note = self.tr("“%1” means %2 now; in this project it will mean the name chosen here.") \
                    .replace("%1", alias).replace("%2", shown)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        self.status.setText(problem or note)


class AliasesDialog(QDialog):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._choices: dict[str, list[tuple[str, str]]] = {}
        self.setWindowTitle(self.tr("Aliases"))
        self.resize(640, 420)
        self.model = AliasesModel(self)
        self.model.sig_retarget.connect(self.retarget)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(TARGET_COLUMN, TargetDelegate(self))
        self.view.setAccessibleName(self.tr("Aliases"))
        self.view.setToolTip(self.tr("Double-click what a name means to change it"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        info = QLabel(self.tr("Names your files use that CritMin maps to its minerals and countries. They are saved "
                              "in this project; the import wizard adds them."), self)
        info.setWordWrap(True)
        self.add = QPushButton(self.tr("Add Alias…"), self)
        self.add.setAccessibleName(self.tr("Add Alias"))
        self.add.setToolTip(self.tr("Tell CritMin what a name in your files means"))
        self.add.clicked.connect(self.add_alias)
        self.remove = QPushButton(self.tr("Remove Alias"), self)
        self.remove.setAccessibleName(self.tr("Remove Alias"))
        self.remove.setToolTip(self.tr("Forget the selected aliases"))
        self.remove.clicked.connect(self._remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Close; every change is saved already"))
        row = QHBoxLayout()
        row.addWidget(self.add)
        row.addWidget(self.remove)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        document.sig_registry_changed.connect(self.reload)
        self.reload()

    def choices(self, kind: str) -> list[tuple[str, str]]:
        """The targets offered for ``kind``, built once per registry (a few hundred labels)."""
        if kind not in self._choices and self.document.registry is not None:
            self._choices[kind] = target_choices(self.document.registry, kind)
        return self._choices.get(kind, [])

    def reload(self) -> None:
        self._choices.clear()                  # the registry may have new minerals or names
        self.document.read(lambda project, state: project.aliases(), kind="aliases",
                           on_done=lambda frame: self.model.set_frame(frame, self.document.registry))

    def add_alias(self) -> AddAliasDialog:
        """Ask for a new alias (window-modal, no nested event loop); tests fill it and call ``accept()``."""
        dialog = AddAliasDialog(self)

        def accepted() -> None:
            kind, alias, target = dialog.values()
            if alias and target is not None:
                self.document.undo_stack.push(AliasCommand(self.document, kind, alias, target,
                                                           self.tr("Add alias '%1'").replace("%1", alias)))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def retarget(self, kind: str, alias: str, target: str) -> None:
        self.document.undo_stack.push(AliasCommand(self.document, kind, alias, target,
                                                   self.tr("Change alias '%1'").replace("%1", alias)))

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        for row in rows:
            kind, _label, alias, _meaning, _target = self.model.rows[row]
            self.document.undo_stack.push(AliasCommand(self.document, kind, alias, None,
                                                       self.tr("Remove alias '%1'").replace("%1", alias)))
