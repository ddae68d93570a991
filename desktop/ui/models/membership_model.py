"""Which minerals are on which lists: the table of the Compare Lists dialog, and the overlap counts.

Rows are the minerals on at least one of the chosen lists, columns the mineral's name, one tick column
per list and the number of chosen lists the mineral is on. The overlap chart and the table share
:func:`exclusive_intersections`, so a region's count in the chart is the number of rows it selects.

A member that is not a registry id (an official entry CritMin has no mineral for, such as 页岩气 or
"phosphorus") is shown as written, in italics, with a tooltip saying so: a list is compared with every
item its publisher counted.
"""
from __future__ import annotations

import textwrap

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.ui.collation import sort_names
from desktop.ui.language import ui_language
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1        # the mineral id of a row (any column)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2      # the value a column sorts by (name rank, 0/1, count)
TICK = "✓"


def exclusive_intersections(members: list[list[str]]) -> dict[tuple[int, ...], list[str]]:
    """For each combination of lists, the items on exactly those lists (and on no other chosen one).

    ``members`` holds one list of items per list; keys are sorted tuples of list positions. Only
    non-empty combinations appear; every item is in exactly one, so the counts add up to the union.
    Items keep their order of first appearance.
    """
    where: dict[str, set[int]] = {}
    for i, items in enumerate(members):
        for item in items:
            where.setdefault(item, set()).add(i)
    out: dict[tuple[int, ...], list[str]] = {}
    for item, lists in where.items():
        out.setdefault(tuple(sorted(lists)), []).append(item)
    return out


class MembershipModel(OneCallPerCell, QAbstractTableModel):
    """Minerals × chosen lists with ticks, sortable by any column, read-only.

    ``header_wrap`` (characters, 0: never) wraps a long list name in its column header, so a narrow
    tick column does not widen to the name; the exported table keeps the names whole.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.header_wrap = 0
        self.names: list[str] = []               # the chosen lists, in column order
        self.ids: list[str] = []                 # one per row, in the current sort order
        self._on: dict[str, frozenset[int]] = {}
        self._label: dict[str, str] = {}
        self._known: set[str] = set()
        self._sizes: list[int] = []
        self._name_rank: dict[str, int] = {}
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    # -- filling ---------------------------------------------------------------------------------
    def set_lists(self, lists: dict[str, list[str]], registry, chosen: list[str] | None = None) -> None:
        """Show ``chosen`` lists (names of ``lists``; all when None) with names in the interface language."""
        self.beginResetModel()
        names = [n for n in (lists if chosen is None else chosen) if n in lists]
        members = [list(dict.fromkeys(lists[n])) for n in names]
        self.names = names
        self._sizes = [len(m) for m in members]
        self._on = {}
        for i, items in enumerate(members):
            for item in items:
                self._on[item] = self._on.get(item, frozenset()) | {i}
        lang = ui_language()
        index = registry.minerals.index if registry is not None else ()
        self._known = {item for item in self._on if item in index}
        self._label = {item: registry.mineral_name(item, lang) if item in self._known else item for item in self._on}
        items = list(self._on)
        order = sort_names([self._label[i] for i in items])
        self._name_rank = {items[pos]: rank for rank, pos in enumerate(order)}
        self.ids = sorted(items, key=self._row_key(*self._sort))
        self.endResetModel()

    def label(self, item: str) -> str:
        """The name shown for a row's mineral (registry name in the interface language, or as written)."""
        return self._label.get(item, item)

    def is_known(self, item: str) -> bool:
        return item in self._known

    def lists_of(self, item: str) -> frozenset[int]:
        """The positions (columns − 1) of the chosen lists ``item`` is on."""
        return self._on.get(item, frozenset())

    def row_of(self, item: str) -> int:
        """The row showing ``item``, -1 when it is on none of the chosen lists."""
        try:
            return self.ids.index(item)
        except ValueError:
            return -1

    def members(self) -> list[list[str]]:
        """The items of each chosen list, as the overlap chart needs them."""
        out: list[list[str]] = [[] for _ in self.names]
        for item in sorted(self._on, key=lambda i: self._name_rank[i]):
            for i in self._on[item]:
                out[i].append(item)
        return out

    def size(self, column_list: int) -> int:
        return self._sizes[column_list]

    def table(self) -> tuple[list[str], list[list]]:
        """Headers and columns as the table shows them, in its sort order, for ``write_table``."""
        headers = [self.tr("Mineral"), *self.names, self.tr("Lists")]
        columns: list[list] = [[self.label(i) for i in self.ids]]
        for c in range(len(self.names)):
            columns.append([TICK if c in self._on[i] else None for i in self.ids])
        columns.append([len(self._on[i]) for i in self.ids])
        return headers, columns

    # -- the model -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.names) + 2

    def _valid(self, index: _Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self.ids) and 0 <= index.column() < len(self.names) + 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        item, col = self.ids[index.row()], index.column()
        if role == ID_ROLE:
            return item
        if col == 0:
            return self._name_data(item, role)
        if col == len(self.names) + 1:
            return self._count_data(item, role)
        return self._tick_data(item, col, role)

    def _name_data(self, item: str, role: int):
        """The mineral column: its name, italic when it is not a registry mineral."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(item)
        if role == SORT_ROLE:
            return self._name_rank[item]
        if role == Qt.ItemDataRole.ToolTipRole:
            if item in self._known:
                return f"{self.label(item)} ({item})"
            return self.tr("%1: not a mineral in CritMin's registry; shown as the list publishes it").replace(
                "%1", item)
        if role == Qt.ItemDataRole.FontRole and item not in self._known:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _count_data(self, item: str, role: int):
        """The last column: on how many of the chosen lists the mineral is."""
        on = self._on[item]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return QLocale().toString(len(on))
        if role == SORT_ROLE:
            return len(on)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._count_sentence(item)
        return None

    def _tick_data(self, item: str, col: int, role: int):
        """A list's column: a tick when the mineral is on the list."""
        ticked = (col - 1) in self._on[item]
        if role == Qt.ItemDataRole.DisplayRole:
            return TICK if ticked else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("on the list") if ticked else self.tr("not on the list")
        if role == SORT_ROLE:
            return int(ticked)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            template = self.tr("%1 is on %2") if ticked else self.tr("%1 is not on %2")
            return template.replace("%1", self.label(item)).replace("%2", self.names[col - 1])
        return None

    def _count_sentence(self, item: str) -> str:
        n, total = len(self._on[item]), len(self.names)
        if n == total and total > 1:
            return self.tr("%1 is on every chosen list").replace("%1", self.label(item))
        template = self.tr("%1 is on 1 of the %2 chosen lists") if n == 1 else \
            self.tr("%1 is on %3 of the %2 chosen lists")
        return template.replace("%1", self.label(item)).replace("%2", QLocale().toString(total)).replace(
            "%3", QLocale().toString(n))

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.names) + 2:
            return None
        last = len(self.names) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Mineral")
            if section == last:
                return self.tr("Lists")
            name = self.names[section - 1]
            if self.header_wrap:
                name = textwrap.fill(name, self.header_wrap)
            return f"{name}\n({QLocale().toString(self._sizes[section - 1])})"
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == 0:
                return self.tr("The minerals on at least one of the chosen lists")
            if section == last:
                return self.tr("On how many of the chosen lists the mineral is")
            return self.tr("%1: %2; a tick marks its minerals").replace("%1", self.names[section - 1]).replace(
                "%2", self._minerals_text(self._sizes[section - 1]))
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _minerals_text(self, n: int) -> str:
        return self.tr("1 mineral") if n == 1 else self.tr("%1 minerals").replace("%1", QLocale().toString(n))

    # -- sorting ---------------------------------------------------------------------------------
    def _row_key(self, column: int, order: Qt.SortOrder):
        """Sort key of a row: the column's value, then the name (ascending), so ties read alphabetically."""
        last = len(self.names) + 1
        descending = order == Qt.SortOrder.DescendingOrder

        def key(item: str):
            if column <= 0 or column > last:
                value = self._name_rank[item]
            elif column == last:
                value = len(self._on[item])
            else:
                value = int((column - 1) in self._on[item])
            return (-value if descending else value, self._name_rank[item])
        return key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if not self.ids:
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self.ids)
        self.ids.sort(key=self._row_key(column, order))
        position = {item: row for row, item in enumerate(self.ids)}
        before = self.persistentIndexList()
        after = [self.index(position[old[i.row()]], i.column()) if i.isValid() else QModelIndex() for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
