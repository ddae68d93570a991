"""The Minerals dock: the minerals of the project or of one list, checkable, filterable, and the lists themselves.

The checked minerals are the shared selection: every view shows them.  The list chooser offers
"All minerals with data" (the default), the analyst's own lists (the project's ``lists`` table) and
the built-in official lists (read-only).  The analyst's lists are edited here — new, duplicate,
rename, delete, add and remove minerals, paste names from Excel, import a one-column sheet — each
edit one undo step written through the document as one transaction.  A mineral the project has no
data for is shown greyed: on a list it is legitimate, but no view will show a number for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.collation import sort_names
from desktop.ui.commands import ChangeCommand
from desktop.ui.icons import icon
from desktop.ui.language import ui_language
from desktop.ui.tasks import error_sentence
from desktop.ui.widgets.messages import tell
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
# The combo's items: currentData() is what the views are told (None = all minerals with data, else the
# list's name as shown); KEY_ROLE is what the dock acts on: "project:<name>" or "official:<id>" (text, which
# findData compares reliably), read as a tuple by ``current_key``.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_NOTHING = object()                  # no list to select after the next reload


@dataclass
class DockData:
    """What the dock shows, read on the worker in one go."""

    with_data: list[str] = field(default_factory=list)           # minerals a data table has rows for
    lists: dict[str, list[str]] = field(default_factory=dict)    # the project's own lists
    official: list | None = None                                 # OfficialList objects; None = not re-read


def official_lists_of(registry) -> list:
    """The built-in official lists (core/registry/official_lists.py)."""
    from desktop.core.registry.official_lists import official_lists

    return list(official_lists(registry))


def project_minerals(project, registry=None, official: bool = True) -> DockData:
    """Minerals with data, the project's lists and (when asked) the official lists — worker thread."""
    from desktop.core.store.lists import minerals_with_data

    with project.reading():
        data = DockData(minerals_with_data(project), project.lists())
    if official:
        data.official = official_lists_of(registry if registry is not None else project.registry())
    return data


class MineralListModel(OneCallPerCell, QAbstractListModel):
    sig_checked_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ids: list[str] = []
        self.names: list[str] = []
        self.checked: set[str] = set()
        self.with_data: set[str] | None = None     # None: not known (every mineral shown as having data)

    def set_minerals(self, ids: list[str], registry, keep_checked: bool = False,
                     with_data: set[str] | None = None) -> None:
        """Show ``ids``, all checked — or, with ``keep_checked``, as checked as before (a reload after an
        edit must not undo the analyst's choice; a mineral new to the list comes checked).

        ``with_data``: the minerals the project has data for; the others are shown greyed."""
        lang = ui_language()
        pairs = [(registry.mineral_name(m, lang) if registry else m, m) for m in ids]
        pairs = [pairs[i] for i in sort_names([p[0] for p in pairs])]
        names, new_ids = [p[0] for p in pairs], [p[1] for p in pairs]
        checked = set(new_ids) if not keep_checked else \
            {m for m in new_ids if m in self.checked or m not in self.ids}
        with_data = set(with_data) if with_data is not None else None
        if keep_checked and (names, new_ids, checked, with_data) == (self.names, self.ids, self.checked,
                                                                      self.with_data):
            return                                  # nothing changed: the views need not redraw
        self.beginResetModel()
        self.names, self.ids, self.checked, self.with_data = names, new_ids, checked, with_data
        self.endResetModel()
        self.sig_checked_changed.emit()

    def has_data(self, mineral: str) -> bool:
        return self.with_data is None or mineral in self.with_data

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        mid = self.ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.names[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.has_data(mid):
                return mid
            return self.tr("%1 · No data in this project").replace("%1", mid)
        if role == Qt.ItemDataRole.ForegroundRole and not self.has_data(mid):
            # Read at paint time: a change of theme greys with the new palette.
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if mid in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return mid
        return None

    sig_dropped = Signal(list, str)        # mineral ids dragged onto the list, or names as text (Excel)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled           # drops land on the list, not on a row
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def mimeTypes(self) -> list[str]:
        from desktop.ui.widgets.drag import MINERALS_MIME

        return [MINERALS_MIME, "text/plain"]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        from desktop.ui.widgets.drag import MINERALS_MIME

        return data.hasFormat(MINERALS_MIME) or data.hasText()

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Not added here: the dock turns the drop into an undoable step (``sig_dropped``)."""
        from desktop.ui.widgets.drag import minerals_of

        ids = minerals_of(data)
        if ids is not None:
            self.sig_dropped.emit(ids, "")
        elif data.hasText():
            self.sig_dropped.emit([], data.text())
        else:
            return False
        return True

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

    def set_checked(self, minerals) -> None:
        """Check exactly ``minerals`` (those shown); e.g. an intersection clicked in Compare."""
        self.checked = set(minerals) & set(self.ids)
        if self.ids:
            self.dataChanged.emit(self.index(0), self.index(len(self.ids) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked_changed.emit()


class ListCommand(ChangeCommand):
    """One undo step over the ``lists`` table that also brings the list it touched back into the dock.

    Undoing "Rename 'A' to 'B'" shows 'A' again, as Excel shows the sheet an undo changed; the
    dock selects the list when the reload after the write finds it.
    """

    def __init__(self, panel: MineralsPanel, text: str, make, *, after, before) -> None:
        super().__init__(panel.document, text, make, on_error=self._refused)
        self.panel, self.after, self.before = panel, after, before

    def redo(self) -> None:
        self.panel.select_after_reload(self.after)
        super().redo()

    def undo(self) -> None:
        self.panel.select_after_reload(self.before)
        super().undo()

    def _refused(self, exc: BaseException) -> None:
        self.panel.select_after_reload(_NOTHING)
        self.document.sig_error.emit(error_sentence(exc))


class MineralsPanel(QWidget):
    sig_selection_changed = Signal(object)        # set of mineral ids (None = every mineral)
    sig_minerals_chosen = Signal(list)            # an overlap clicked in Compare: its mineral ids

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._all: list[str] = []
        self._lists: dict[str, list[str]] = {}
        self._official: dict[str, object] = {}       # id -> OfficialList, in the order given
        self._official_for = None                    # the registry they were built with
        self._want = _NOTHING                        # the list to select once a reload finds it
        self.active_dialog = None                    # the dialog asking something (tests answer it)
        self._compare = None
        self.list_combo = QComboBox(self)
        self.list_combo.setAccessibleName(self.tr("Mineral list"))
        self.list_combo.setToolTip(self.tr("The list of minerals every view shows"))
        # Long official names must not widen the dock beyond its minimum width.
        self.list_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.list_combo.setMinimumContentsLength(8)
        self.list_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter minerals"))
        self.filter.setAccessibleName(self.tr("Filter minerals"))
        self.filter.setClearButtonEnabled(True)
        self.model = MineralListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAcceptDrops(True)                  # minerals dragged from Minerals and Names…, or from Excel
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.setDropIndicatorShown(True)
        self.model.sig_dropped.connect(self._dropped)
        self.view.setAccessibleName(self.tr("Minerals"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("List note"))
        self.note.hide()
        self.all_button = QPushButton(self.tr("All"), self)
        self.all_button.setAccessibleName(self.tr("Check all minerals"))
        self.none_button = QPushButton(self.tr("None"), self)
        self.none_button.setAccessibleName(self.tr("Uncheck all minerals"))
        self._make_actions()
        self._make_buttons()
        top = QHBoxLayout()
        top.addWidget(self.list_combo, 1)
        top.addWidget(self.lists_button)
        checks = QHBoxLayout()
        checks.addWidget(self.all_button)
        checks.addWidget(self.none_button)
        checks.addStretch(1)
        checks.addWidget(self.add_button)
        checks.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.compare_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addLayout(checks)
        layout.addLayout(bottom)
        self.list_combo.currentIndexChanged.connect(self._list_changed)
        self.filter.textChanged.connect(self._filter_changed)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.model.sig_checked_changed.connect(self._emit_selection)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.lists_menu.popup(self.view.viewport().mapToGlobal(pos)))
        document.sig_opened.connect(lambda _p: self.reload())
        document.sig_tables_changed.connect(lambda _t: self.reload())
        document.sig_registry_changed.connect(self.reload)
        document.sig_closed.connect(self._closed)
        self._update_actions()

    # -- actions and buttons ---------------------------------------------------------------------------
    def _action(self, text: str, tip: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)          # buttons keep the "…" that says a dialog follows
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setData(tip)               # the tooltip to go back to after "Duplicate to edit"
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)   # the dock's list, not the Data view
            self.view.addAction(action)
        if icon_name:
            action.setIcon(icon(icon_name))
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("New List…"), self.tr("Make a list of your own from chosen minerals"),
                                    self.new_list)
        self.act_duplicate = self._action(self.tr("Duplicate…"), self.tr("Copy this list into a new list you can "
                                                                          "edit"), self.duplicate_list)
        self.act_rename = self._action(self.tr("Rename…"), self.tr("Give this list another name"), self.rename_list)
        self.act_delete = self._action(self.tr("Delete"), self.tr("Delete this list from the project (Undo "
                                                                  "brings it back)"), self.delete_list)
        self.act_add = self._action(self.tr("Add Minerals…"), self.tr("Add minerals from the registry to this list"),
                                    self.add_minerals, icon_name="add-row")
        self.act_remove = self._action(self.tr("Remove"), self.tr("Remove the selected minerals from this list"),
                                       self.remove_selected, S.Delete, "delete-row")
        self.act_paste = self._action(self.tr("Paste Names"), self.tr("Add the mineral names copied from Excel "
                                                                      "(one per row) to this list"),
                                      self.paste_names, S.Paste, "paste")
        self.act_import = self._action(self.tr("Import List…"), self.tr("Make a list from the first column of an "
                                                                        "Excel or CSV file"), self.import_list,
                                       icon_name="import-data")
        self.act_compare = self._action(self.tr("Compare…"), self.tr("Compare two or more lists: which minerals "
                                                                     "they share"), self.compare_lists)
        self.edit_actions = (self.act_rename, self.act_delete, self.act_add, self.act_remove)
        menu = self.lists_menu = QMenu(self.tr("Lists"), self)
        menu.setToolTipsVisible(True)
        for item in (self.act_new, self.act_duplicate, self.act_rename, self.act_delete, None, self.act_add,
                     self.act_paste, self.act_remove, None, self.act_import, None, self.act_compare):
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)

    def _make_buttons(self) -> None:
        self.lists_button = QPushButton(self.tr("Lists"), self)      # a push button draws its menu arrow apart
        self.lists_button.setAccessibleName(self.tr("Lists"))
        self.lists_button.setToolTip(self.tr("Make, rename, duplicate, delete, import and compare lists"))
        self.lists_button.setMenu(self.lists_menu)

        def button(action: QAction, style: Qt.ToolButtonStyle) -> QToolButton:
            b = QToolButton(self)
            b.setDefaultAction(action)
            b.setToolButtonStyle(style)
            b.setAccessibleName(action.text())
            return b

        # The style's 80-pixel minimum for push buttons would make the dock wider than its 220 pixels.
        fm = self.fontMetrics()
        for b in (self.all_button, self.none_button):
            b.setMinimumWidth(fm.horizontalAdvance(b.text()) + 20)
        self.lists_button.setFixedWidth(fm.horizontalAdvance(self.lists_button.text()) + 40)
        self.add_button = button(self.act_add, Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.remove_button = button(self.act_remove, Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.new_button = button(self.act_new, Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.compare_button = button(self.act_compare, Qt.ToolButtonStyle.ToolButtonTextOnly)

    def _update_actions(self) -> None:
        is_open = self.document.is_open
        key = self.current_key()
        editable = is_open and key is not None and key[0] == "project"
        for action in (self.act_new, self.act_paste, self.act_import):
            action.setEnabled(is_open)
        self.act_duplicate.setEnabled(is_open and bool(self.model.ids))
        self.act_compare.setEnabled(is_open)
        for action in self.edit_actions:
            action.setEnabled(editable)
            if not is_open or editable:
                tip = action.data()
            elif key is not None:
                tip = self.tr("Official lists are read-only. Duplicate to edit.")
            else:
                tip = self.tr("Choose one of your lists to edit it, or make one with New List….")
            action.setToolTip(tip)
        if editable and not self.view.selectionModel().hasSelection():
            self.act_remove.setEnabled(False)
        paste_tip = self.tr("Add the mineral names copied from Excel (one per row) to this list") if editable else \
            self.tr("Make a new list from the mineral names copied from Excel (one per row)")
        self.act_paste.setToolTip(paste_tip)

    # -- reading --------------------------------------------------------------------------------------
    def reload(self) -> None:
        registry = self.document.registry
        need_official = registry is None or registry is not self._official_for

        def done(data: DockData) -> None:
            self._all, self._lists = data.with_data, data.lists
            if data.official is not None:
                self._official = {str(o.id): o for o in data.official}
                self._official_for = registry
            current = self.current_key()
            target = current
            if self._want is not _NOTHING and (self._want is None or self._exists(self._want)):
                target, self._want = self._want, _NOTHING
            if not self._exists(target):
                target = None
            self._fill_combo(target)
            self._list_changed(keep_checked=target == current)

        self.document.read(lambda project, state: project_minerals(project, registry, need_official),
                           kind="minerals", on_done=done)

    def _exists(self, key) -> bool:
        if key is None:
            return True
        kind, name = key
        return name in (self._lists if kind == "project" else self._official)

    def _fill_combo(self, select) -> None:
        lang = ui_language()
        combo = self.list_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All minerals with data"), None)
        combo.setItemData(0, None, KEY_ROLE)
        combo.setItemData(0, self.tr("Every mineral the project holds data for"), Qt.ItemDataRole.ToolTipRole)
        names = list(self._lists)
        if names:
            combo.insertSeparator(combo.count())
        for i in sort_names(names):
            name = names[i]
            combo.addItem(name, name)
            combo.setItemData(combo.count() - 1, _code(("project", name)), KEY_ROLE)
            combo.setItemData(combo.count() - 1, self._count_text(len(self._lists[name])),
                              Qt.ItemDataRole.ToolTipRole)
        if self._official:
            combo.insertSeparator(combo.count())
        for oid, official in self._official.items():
            shown = str(official.name(lang))
            combo.addItem(shown, shown)
            combo.setItemData(combo.count() - 1, _code(("official", oid)), KEY_ROLE)
            tip = self.tr("%1 — official list, read-only").replace("%1", shown)
            citation = official.citation() if hasattr(official, "citation") else ""
            combo.setItemData(combo.count() - 1, f"{tip}\n{citation}" if citation else tip,
                              Qt.ItemDataRole.ToolTipRole)
        index = 0 if select is None else combo.findData(_code(select), KEY_ROLE)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _count_text(self, n: int) -> str:
        return self.tr("1 mineral") if n == 1 else self.tr("%1 minerals").replace("%1", self.locale().toString(n))

    def _closed(self) -> None:
        self._all, self._lists, self._want = [], {}, _NOTHING
        self.list_combo.clear()
        self.model.set_minerals([], None)
        self.note.hide()
        self._update_actions()

    def current_key(self) -> tuple[str, str] | None:
        """("project", name), ("official", id), or None for all minerals with data."""
        code = self.list_combo.currentData(KEY_ROLE) if self.list_combo.currentIndex() >= 0 else None
        if not code:
            return None
        kind, _, name = str(code).partition(":")
        return kind, name

    def current_list_name(self) -> str | None:
        """The current list's name as shown (None: all minerals with data)."""
        return self.list_combo.currentData()

    def list_minerals(self, key) -> list[str]:
        if key is None:
            return list(self._all)
        kind, name = key
        if kind == "project":
            return list(self._lists.get(name, []))
        official = self._official.get(name)
        return list(official.minerals()) if official is not None else []

    def _list_changed(self, *_args, keep_checked: bool = False) -> None:
        key = self.current_key()
        with_data = set(self._all) if self.document.is_open else None
        self.model.set_minerals(self.list_minerals(key), self.document.registry, keep_checked=keep_checked,
                                with_data=with_data)
        self._filter_changed(self.filter.text())
        self._show_note(key)
        self._update_actions()

    def _show_note(self, key) -> None:
        """An official list's entries CritMin cannot name a mineral for: shown here, never dropped silently."""
        official = self._official.get(key[1]) if key is not None and key[0] == "official" else None
        unknown = list(official.unknown()) if official is not None else []
        if unknown:
            self.note.setText(self.tr("Not in CritMin's registry, so not shown: %1").replace("%1", "; ".join(unknown)))
        self.note.setVisible(bool(unknown))

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
        if self.current_key() is None and self.model.checked == set(self.model.ids):
            return None                  # everything: no filter at all (rows of minerals outside any list too)
        return set(self.model.checked)

    def _emit_selection(self) -> None:
        self.sig_selection_changed.emit(self.selection())

    def selected_minerals(self) -> list[str]:
        """The highlighted rows (not the checked ones), in the order shown."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if 0 <= r < len(self.model.ids) and not self.view.isRowHidden(r)]

    # -- editing: every change one undo step ---------------------------------------------------------------
    def select_after_reload(self, key) -> None:
        """Show list ``key`` once the reload after the coming write finds it (None: all minerals with data)."""
        self._want = key

    def _push(self, text: str, make, after) -> None:
        self.document.undo_stack.push(ListCommand(self, text, make, after=after, before=self.current_key()))

    def _ask(self, dialog, on_accepted) -> None:
        """Open ``dialog`` window-modal and call ``on_accepted(dialog)`` on OK."""
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accepted(dialog))
        dialog.finished.connect(lambda _r: self._asked(dialog))
        dialog.open()

    def _asked(self, dialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def _current_project_list(self) -> str | None:
        key = self.current_key()
        return key[1] if key is not None and key[0] == "project" and key[1] in self._lists else None

    def new_list(self) -> None:
        """New List…: a name and the minerals (those checked in the dock come ticked when they are a choice)."""
        from desktop.core.store.lists import unique_name
        from desktop.ui.dialogs.list_edit import ListNameDialog, MineralChooser

        if not self.document.is_open or self.document.registry is None:
            return
        chosen = self.selection()
        chooser = MineralChooser(self.document.registry, (), sorted(chosen) if chosen else (), None)
        dialog = ListNameDialog(self.tr("New List"), self.tr("Name of the new list:"),
                                unique_name(self.tr("My list"), self._lists), self._lists, chooser=chooser,
                                ok_text=self.tr("Create"), parent=self)
        self._ask(dialog, lambda d: self._create(d.name(), d.minerals()))

    def _create(self, name: str, minerals: list[str], text: str | None = None) -> None:
        from desktop.core.store.lists import create_list

        text = text or self.tr("Create List '%1'").replace("%1", name)
        self._push(text, lambda project, state: create_list(project, name, minerals, label=text), ("project", name))

    def duplicate_list(self) -> None:
        """Duplicate…: any list (an official one too) as a new list of the project, which can be edited."""
        from desktop.core.store.lists import unique_name
        from desktop.ui.dialogs.list_edit import ListNameDialog

        key = self.current_key()
        minerals = self.list_minerals(key)
        if not self.document.is_open or not minerals:
            return
        source = self.list_combo.currentText()
        note = ""
        official = self._official.get(key[1]) if key is not None and key[0] == "official" else None
        if official is not None and official.unknown():
            left = list(official.unknown())
            note = self.tr("Entries CritMin has no mineral for are left out: %1").replace("%1", "; ".join(left))
        dialog = ListNameDialog(self.tr("Duplicate List"), self.tr("Name of the copy:"),
                                unique_name(self.tr("%1 (copy)").replace("%1", source), self._lists),
                                self._lists, note=note, ok_text=self.tr("Duplicate"), parent=self)

        def accepted(d) -> None:
            self._create(d.name(), minerals, self.tr("Duplicate '%1' as '%2'").replace("%1", source)
                         .replace("%2", d.name()))

        self._ask(dialog, accepted)

    def rename_list(self) -> None:
        from desktop.core.store.lists import rename_list
        from desktop.ui.dialogs.list_edit import ListNameDialog

        old = self._current_project_list()
        if old is None:
            return
        dialog = ListNameDialog(self.tr("Rename List"), self.tr("New name of “%1”:").replace("%1", old), old,
                                self._lists, current=old, ok_text=self.tr("Rename"), parent=self)

        def accepted(d) -> None:
            new = d.name()
            if new == old:
                return
            text = self.tr("Rename List '%1' to '%2'").replace("%1", old).replace("%2", new)
            self._push(text, lambda project, state: rename_list(project, old, new, label=text), ("project", new))

        self._ask(dialog, accepted)

    def delete_list(self) -> None:
        """Delete: no question asked — Undo brings the list back, as Excel's undo would."""
        from desktop.core.store.lists import delete_list

        name = self._current_project_list()
        if name is None:
            return
        text = self.tr("Delete List '%1'").replace("%1", name)
        self._push(text, lambda project, state: delete_list(project, name, label=text), None)

    def _dropped(self, ids: list[str], text: str) -> None:
        """Minerals dropped on the list: added to the current list of the project (one undo step); names
        dragged as text are resolved as a paste is."""
        if text:
            self.paste_names(text)
            return
        name = self._current_project_list()
        if name is None:
            tell(self, self.tr("Add Minerals"), self.tr("Choose one of your lists to edit it, or make one with New "
                                                         "List…."), _information())
            return
        self._add(name, ids)

    def add_minerals(self) -> None:
        from desktop.ui.dialogs.list_edit import AddMineralsDialog

        name = self._current_project_list()
        if name is None or self.document.registry is None:
            return
        dialog = AddMineralsDialog(self.document.registry, name, self._lists[name], self)
        self._ask(dialog, lambda d: self._add(name, d.minerals()))

    def _add(self, name: str, minerals: list[str], paste: bool = False) -> None:
        from desktop.core.store.lists import add_minerals

        present = set(self._lists.get(name, []))
        new = [m for m in dict.fromkeys(minerals) if m not in present]
        if not new:
            tell(self, self.tr("Nothing to add"), self.tr("Every one of these minerals is on “%1” already.")
                 .replace("%1", name), _information())
            return
        n = len(new)
        if paste:
            text = self.tr("Paste 1 mineral into '%1'").replace("%1", name) if n == 1 else \
                self.tr("Paste %1 minerals into '%2'").replace("%1", self.locale().toString(n)).replace("%2", name)
        else:
            text = self.tr("Add 1 mineral to '%1'").replace("%1", name) if n == 1 else \
                self.tr("Add %1 minerals to '%2'").replace("%1", self.locale().toString(n)).replace("%2", name)
        self._push(text, lambda project, state: add_minerals(project, name, new, label=text), ("project", name))

    def remove_selected(self) -> None:
        from desktop.core.store.lists import remove_minerals

        name = self._current_project_list()
        gone = self.selected_minerals()
        if name is None or not gone:
            return
        if set(self._lists[name]) <= set(gone):
            tell(self, self.tr("A list keeps one mineral"),
                 self.tr("“%1” would be left without minerals. To delete the list, choose Delete.")
                 .replace("%1", name), _information())
            return
        n = len(gone)
        text = self.tr("Remove 1 mineral from '%1'").replace("%1", name) if n == 1 else \
            self.tr("Remove %1 minerals from '%2'").replace("%1", self.locale().toString(n)).replace("%2", name)
        self._push(text, lambda project, state: remove_minerals(project, name, gone, label=text), ("project", name))

    # -- names from Excel ----------------------------------------------------------------------------------
    def paste_names(self, text: str | None = None) -> None:
        """Ctrl+V / Paste Names: a column copied from Excel, into this list (or into a new one).

        The names are resolved as imports resolve them; unknown ones are asked about first.
        """
        from desktop.core.store.lists import names_from_text

        if not self.document.is_open:
            return
        if text is None:
            text = QGuiApplication.clipboard().text()
        names = names_from_text(text or "")
        if not names:
            tell(self, self.tr("Paste Names"), self.tr("The clipboard holds no names. Copy a column of mineral "
                                                       "names in Excel, then paste again."), _information())
            return
        target = self._current_project_list()
        self._resolve(lambda: names, lambda ids, res: self._names_ready(ids, res, target, ""))

    def import_list(self, path: str | None = None) -> None:
        """Import List…: the first column of a sheet (header optional) as a new list."""
        from pathlib import Path

        if not self.document.is_open:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import List"), "",
                self.tr("Spreadsheets and CSV files (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)"))
            if not path:
                return

        def read():
            from desktop.core.store.lists import names_from_sheet

            return names_from_sheet(path)

        self._resolve(read, lambda ids, res: self._names_ready(ids, res, None, Path(path).stem))

    def _resolve(self, names, then) -> None:
        """Resolve names on the worker (suggestions compare each unknown one with every registry name)."""
        registry = self.document.registry

        def work(project, state):
            from desktop.core.store.lists import resolve_names

            return resolve_names(registry, names())

        def done(res) -> None:
            if not res.unknown:
                then(res.ids, res)
                return
            from desktop.ui.dialogs.list_edit import UnknownNamesDialog

            dialog = UnknownNamesDialog(res.unknown, registry, len(res.ids), self)
            self._ask(dialog, lambda d: then(res.with_choices(d.choices()), res))

        def failed(exc: BaseException) -> None:
            tell(self, self.tr("The names cannot be read"), error_sentence(exc))

        self.document.read(work, kind="list_names", on_done=done, on_error=failed, replace=False)

    def _names_ready(self, ids: list[str], res, target: str | None, file: str) -> None:
        from desktop.core.registry import normalise_name
        from desktop.core.store.lists import HEADER_WORDS, unique_name
        from desktop.ui.dialogs.list_edit import ListNameDialog

        if not ids:
            tell(self, self.tr("No minerals"), self.tr("None of the names is a mineral CritMin knows; nothing was "
                                                       "written."), _information())
            return
        if target is not None and target in self._lists:
            self._add(target, ids, paste=True)
            return
        n = len(ids)
        found = self.tr("1 mineral") if n == 1 else self.tr("%1 minerals").replace("%1", self.locale().toString(n))
        header = res.header if res.header and normalise_name(res.header) not in HEADER_WORDS else ""
        if file:
            note = self.tr("%1 from %2.").replace("%1", found).replace("%2", file)
            title, base = self.tr("Import List"), header or file
        else:
            note = self.tr("%1 from the clipboard.").replace("%1", found)
            title, base = self.tr("New List from Pasted Names"), header or self.tr("Pasted list")
        dialog = ListNameDialog(title, self.tr("Name of the new list:"), unique_name(base, self._lists), self._lists,
                                note=note, ok_text=self.tr("Create"), parent=self)

        def accepted(d) -> None:
            name = d.name()
            text = self.tr("Import List '%1'").replace("%1", name) if file else \
                self.tr("Create List '%1'").replace("%1", name)
            self._create(name, ids, text)

        self._ask(dialog, accepted)

    # -- comparing ------------------------------------------------------------------------------------------
    def compare_lists(self) -> None:
        from desktop.ui.dialogs.compare_lists import CompareListsDialog

        if not self.document.is_open:
            return
        lists, shown_as = self.comparable_lists()
        key = self.current_key()
        preselected = [shown_as[key]] if key is not None and key in shown_as else None
        dialog = CompareListsDialog(lists, self.document.registry, self, preselected=preselected,
                                    runner=self.document.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_minerals_chosen.connect(self.sig_minerals_chosen)
        self._compare = dialog
        dialog.show()

    def comparable_lists(self) -> tuple[dict[str, list[str]], dict]:
        """({shown name: minerals} of the project's lists then the official ones, {key: shown name}).

        Compare knows lists by the name it shows; an official list named like one of the analyst's gets
        "(official)" so that both can be ticked.
        """
        lang = ui_language()
        lists: dict[str, list[str]] = {}
        shown_as: dict = {}
        for i in sort_names(list(self._lists)):
            name = list(self._lists)[i]
            lists[name] = list(self._lists[name])
            shown_as[("project", name)] = name
        for oid, official in self._official.items():
            shown = str(official.name(lang))
            if shown in lists:
                shown = self.tr("%1 (official)").replace("%1", shown)
            lists[shown] = list(official.minerals())
            shown_as[("official", oid)] = shown
        return lists, shown_as


def _code(key: tuple[str, str]) -> str:
    return f"{key[0]}:{key[1]}"


def _information():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.Icon.Information
