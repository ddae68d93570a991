"""Data ▸ Minerals and Names…: the project's registry — every mineral, editable in place, its own minerals added.

The built-in registry stays as CritMin ships it; what the analyst changes here is stored in the project
(``desktop.core.store.registry_edits``) and overrides it, so the names travel with the file. Each edit is
one undo step on the document's stack (:class:`~desktop.ui.commands.RegistryEditCommand`); after each
write the document re-reads the registry and the window's names follow. The table is a model (127 rows
today, but a ministry may add many): no item per cell.
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.ui.commands import RegistryEditCommand
from desktop.ui.language import ui_language

_Index = QModelIndex | QPersistentModelIndex

# Model columns: the registry column each shows ("" for the id and the status, which are not edited here).
COLUMNS = ("id", "name_en", "name_zh", "symbol", "group", "note", "origin")
EDITABLE = {"name_en", "name_zh", "symbol", "group", "note"}


class MineralsModel(QAbstractTableModel):
    """Every mineral of the project's registry; a cell edit is asked for through ``sig_edit``, not written here."""

    sig_edit = Signal(str, str, str)          # mineral id, registry column, new value

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_frame(self, frame) -> None:
        self.beginResetModel()
        self.rows = frame.to_dict("records")
        self.endResetModel()

    def row_of(self, mineral: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == mineral), -1)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Id"), self.tr("English"), self.tr("Chinese"), self.tr("Symbol"), self.tr("Group"),
                self.tr("Notes"), self.tr("Status"))

    def origin_text(self, origin: str) -> str:
        return {"builtin": self.tr("Built in"), "changed": self.tr("Changed in this project"),
                "project": self.tr("This project's own")}.get(origin, origin)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return (self.tr("The id CritMin stores; it never changes") if section == 0 else
                        self.tr("Whether the mineral is built in, changed in this project or the project's own")
                        if section == len(COLUMNS) - 1 else self.tr("Double-click a cell to edit it"))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsDragEnabled        # drag minerals onto a list of the Minerals dock
        if index.isValid() and COLUMNS[index.column()] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def mimeTypes(self) -> list[str]:
        from desktop.ui.widgets.drag import MINERALS_MIME

        return [MINERALS_MIME, "text/plain"]

    def mimeData(self, indexes):
        from desktop.ui.widgets.drag import minerals_mime

        rows = sorted({i.row() for i in indexes if i.isValid()})
        return minerals_mime([self.rows[r]["id"] for r in rows])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row, col = self.rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.origin_text(row["origin"]) if col == "origin" else str(row[col])
        if role == Qt.ItemDataRole.FontRole and col in row["edited"].split() and row["origin"] == "changed":
            font = QFont()
            font.setBold(True)                 # an override stands out from the built-in values
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col in row["edited"].split() and row["origin"] == "changed":
            return self.tr("Changed in this project; “Revert to Built-in” restores CritMin's value")
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, col = self.rows[index.row()], COLUMNS[index.column()]
        text = str(value if value is not None else "").strip()
        if text == str(row[col]):
            return False
        self.sig_edit.emit(row["id"], col, text)    # the dialog writes it; the table reloads from the file
        return True


class AddMineralDialog(QDialog):
    """Asks for a new mineral's names; says at once why a name cannot be used (and the id it gets)."""

    def __init__(self, registry, parent=None) -> None:
        super().__init__(parent)
        from desktop.core.store.registry_edits import make_id

        self._make_id, self.registry = make_id, registry
        self.setWindowTitle(self.tr("Add Mineral"))
        self.setMinimumWidth(460)              # room for a ministry's long category names
        self.name_en, self.name_zh, self.symbol, self.group, self.note = (QLineEdit(self) for _ in range(5))
        form = QFormLayout()
        for edit, label, tip in (
                (self.name_en, self.tr("English name:"), self.tr("Required; the mineral's id is made from it")),
                (self.name_zh, self.tr("Chinese name:"), self.tr("Optional; imports and pastes find it too")),
                (self.symbol, self.tr("Symbol:"), self.tr("Optional, e.g. an element symbol")),
                (self.group, self.tr("Group:"), self.tr("Optional, e.g. rare_earth or ministry")),
                (self.note, self.tr("Note:"), self.tr("Optional: where the category comes from"))):
            edit.setAccessibleName(label.rstrip(":："))
            edit.setToolTip(tip)
            form.addRow(label, edit)
            edit.textChanged.connect(self._check)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Id and problems"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(self.tr("Add the mineral to the project"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._check()

    def values(self) -> dict[str, str]:
        return {"name_en": self.name_en.text().strip(), "name_zh": self.name_zh.text().strip(),
                "symbol": self.symbol.text().strip(), "group": self.group.text().strip(),
                "note": self.note.text().strip()}

    def problem(self) -> str | None:
        """Why the mineral cannot be added as typed, in the interface language, or None."""
        v = self.values()
        if not v["name_en"]:
            return self.tr("Type the mineral's English name.")
        mid = self._make_id(v["name_en"])
        if not mid:
            return self.tr("The English name needs Latin letters or digits: the id is made from them.")
        if mid in self.registry.minerals.index:
            return self.tr("The id “%1” is a mineral already.").replace("%1", mid)
        for text in (v["name_en"], v["name_zh"], v["symbol"], mid):
            message = clash_text(self.registry, mid, text)
            if message:
                return message
        return None

    def _check(self) -> None:
        problem = self.problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        self.status.setText(problem or self.tr("Its id will be “%1”.").replace("%1", self._make_id(
            self.values()["name_en"])))


def clash_text(registry, mineral: str, text: str) -> str | None:
    """"“X” already names Y." in the interface language when ``text`` names another mineral."""
    from desktop.core.store.registry_edits import name_clash

    other = name_clash(registry, mineral, text)
    if other is None:
        return None
    from PySide6.QtCore import QCoreApplication

    return (QCoreApplication.translate("RegistryEditorDialog", "“%1” already names %2; a name can mean one "
                                       "mineral only.").replace("%1", text)
            .replace("%2", registry.mineral_name(other, ui_language())))


class RegistryEditorDialog(QDialog):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._pending_select: str | None = None      # the mineral just added: selected once it is read
        self.setWindowTitle(self.tr("Minerals and Names"))
        self.resize(900, 560)
        self.model = MineralsModel(self)
        self.model.sig_edit.connect(self.edit_cell)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name, id, symbol, group or note"))
        self.filter.setAccessibleName(self.tr("Filter minerals"))
        self.filter.setToolTip(self.tr("Show only the minerals whose cells contain this text"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)     # the registry's own order until a click
        self.view.setAccessibleName(self.tr("Minerals"))
        self.view.setToolTip(self.tr("Double-click a name, symbol, group or note to change it for this project"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                  QAbstractItemView.EditTrigger.EditKeyPressed |
                                  QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 170, 110, 70, 90, 170)):
            self.view.setColumnWidth(col, width)
        info = QLabel(self.tr("CritMin's minerals and this project's changes to them. Changes are saved in the "
                              "project and override the built-in names; imports and pastes find the new names."),
                      self)
        info.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.add = self._button(self.tr("Add Mineral…"), self.tr("Add a mineral CritMin does not know, such as "
                                                                  "a ministry's own category"), self.add_mineral)
        self.remove = self._button(self.tr("Remove"), self.tr("Remove the selected mineral (only this project's own, "
                                                               "and only while no rows use it)"),
                                   self.remove_selected)
        self.revert = self._button(self.tr("Revert to Built-in"), self.tr("Drop this project's changes to the "
                                                                           "selected mineral"), self.revert_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        close.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Close; every change is saved already"))
        row = QHBoxLayout()
        for button in (self.add, self.remove, self.revert):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        document.sig_registry_changed.connect(self.reload)
        self._update_buttons()
        self.reload()

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        from desktop.core.store import registry_edits

        def done(frame) -> None:
            selected = self.selected()
            if self._pending_select in set(frame["id"]):
                selected, self._pending_select = self._pending_select, None
            self.model.set_frame(frame)
            if selected:
                self.select(selected)
            self._update_buttons()

        self.document.read(lambda project, state: registry_edits.mineral_table(project), kind="registry-table",
                           on_done=done)

    def selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def select(self, mineral: str) -> None:
        row = self.model.row_of(mineral)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def _selected_row(self) -> dict | None:
        mid = self.selected()
        row = self.model.row_of(mid) if mid else -1
        return self.model.rows[row] if row >= 0 else None

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        self.remove.setEnabled(row is not None and row["origin"] == "project")
        self.revert.setEnabled(row is not None and row["origin"] == "changed")

    # -- writing -----------------------------------------------------------------------------
    def _name(self, mineral: str) -> str:
        registry = self.document.registry
        return registry.mineral_name(mineral, ui_language()) if registry is not None else mineral

    def edit_cell(self, mineral: str, column: str, value: str) -> None:
        """Write one cell as one undo step ("Rename Cobalt", "Edit Note of Cobalt" …)."""
        from desktop.core.store import registry_edits

        name = self._name(mineral)
        if column in ("name_en", "name_zh", "symbol"):
            problem = (self.tr("A mineral needs an English name.") if column == "name_en" and not value else
                       clash_text(self.document.registry, mineral, value) if self.document.registry else None)
            if problem:
                self.message.setText(problem)
                self.reload()
                return
        text = {"name_en": self.tr("Rename %1"), "name_zh": self.tr("Rename %1 in Chinese"),
                "symbol": self.tr("Change Symbol of %1"), "group": self.tr("Change Group of %1"),
                "note": self.tr("Edit Note of %1")}[column].replace("%1", name)
        self._push(text, lambda project: registry_edits.set_field(project, mineral, column, value, text))

    def add_mineral(self) -> AddMineralDialog | None:
        """Ask for the new mineral (window-modal, no nested event loop); tests fill it and call ``accept()``."""
        if self.document.registry is None:
            return None
        from desktop.core.store import registry_edits

        dialog = AddMineralDialog(self.document.registry, self)

        def accepted() -> None:
            v = dialog.values()
            text = self.tr("Add %1").replace("%1", v["name_en"])
            self._push(text, lambda project: registry_edits.add_mineral(project, **v, label=text))
            self.filter.clear()
            self._pending_select = registry_edits.make_id(v["name_en"])

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        from desktop.core.store import registry_edits

        mid = self.selected()
        if mid:
            text = self.tr("Remove %1").replace("%1", self._name(mid))
            self._push(text, lambda project: registry_edits.remove_mineral(project, mid, text))

    def revert_selected(self) -> None:
        from desktop.core.store import registry_edits

        mid = self.selected()
        if mid:
            text = self.tr("Revert %1 to Built-in").replace("%1", self._name(mid))
            self._push(text, lambda project: registry_edits.revert_mineral(project, mid, text))

    def _push(self, text: str, make) -> None:
        self.message.clear()
        self.document.undo_stack.push(RegistryEditCommand(self.document, text, make, on_error=self._refused))

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(self.refusal_text(exc))
        self.reload()                         # the cell shows the stored value again

    def refusal_text(self, exc: BaseException) -> str:
        """The core's reason in the interface language (its code and parameters), else its own sentence."""
        from desktop.ui.tasks import error_sentence

        code, params = getattr(exc, "code", None), getattr(exc, "params", {})
        if code == "in_use":
            tables = [self._table_name(t) for t in params.get("tables", [])]
            return (self.tr("%1 cannot be removed: the project's %2 use it.")
                    .replace("%1", self._name(params.get("mineral", ""))).replace("%2", self.tr(", ").join(tables)))
        if code == "clash":
            return clash_text(self.document.registry, "", params.get("name", "")) or error_sentence(exc)
        if code == "empty":
            return self.tr("A mineral needs an English name.")
        if code == "stale":
            return self.tr("The change cannot be undone or redone: the project has changed since.")
        return error_sentence(exc)

    def _table_name(self, table: str) -> str:
        names = {"aliases": self.tr("aliases"), "lists": self.tr("lists"), "production": self.tr("production"),
                 "reserves": self.tr("reserves"), "balance": self.tr("balance"), "prices": self.tr("prices")}
        return names.get(table, table)


def open_registry_editor(document, parent=None) -> RegistryEditorDialog:
    """Data ▸ Minerals and Names…: open the editor beside the window and return it.  Modeless, so that
    minerals can be dragged from it onto a list of the Minerals dock; its edits are undo steps like any."""
    dialog = RegistryEditorDialog(document, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
