"""The lazy table model of one canonical table: sorting and filtering in numpy, edits as requests.

The model never writes to the project itself.  An accepted edit (a typed cell, a
pasted block, a cleared cell) becomes an :class:`EditRequest` — the rows before
and after — that the Data view turns into one undo command; the model shows the
new value at once and is reloaded from the project after the write.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt,
                            Signal)

from desktop.core.tables import OPTIONAL_TEXT, SCHEMA
from desktop.core.errors import CritMinError
from desktop.core.values import GREATER, LESS, MISSING, NET_EXPORTER, WITHHELD, is_range, range_high
from desktop.ui.collation import sort_names
from desktop.ui.language import ui_language
from desktop.ui.models.table_data import COUNTRY_COLUMNS, MINERAL_COLUMNS, SOURCE, Column, TableData
from desktop.ui.titles import column_title, stage_title, state_meaning
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class EditRequest:
    table: str
    label: str                      # the undo text, e.g. "Paste 12 cells"
    before: list[dict]              # canonical rows as they were (empty for added rows)
    after: list[dict]               # canonical rows as they become (empty for deleted rows)
    positions: list[int] = field(default_factory=list)   # array positions of the ``before`` rows


class CellRefused(CritMinError):
    """A typed or pasted value is not acceptable; the message says where and why."""


class TableModel(OneCallPerCell, QAbstractTableModel):
    """One canonical table (see :mod:`table_data`), filtered and sorted by row-index arrays."""

    sig_edit_requested = Signal(object)        # EditRequest
    sig_cell_refused = Signal(str)             # one sentence: what was wrong with the value

    def __init__(self, table: str, registry=None, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.registry = registry
        self.data_: TableData | None = None
        self._rows = np.zeros(0, dtype=np.int64)        # shown rows: positions into the arrays
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._order: np.ndarray | None = None        # every array position in sort order (None: unsorted)
        self._sort_generation = 0
        # background(fn, on_done): runs fn() off the GUI thread and on_done(result) back on it; big tables
        # sort there (an argsort of a million floats takes 150–250 ms).
        self.background = None
        self._filter: dict = {}
        self._display: dict[str, list[str]] = {}
        self.locale = QLocale()

    # -- loading -----------------------------------------------------------------------------
    def set_table(self, data: TableData, registry=None) -> None:
        self.beginResetModel()
        self.data_ = data
        self._order = None
        if registry is not None:
            self.registry = registry
        self._refresh_display()
        self._apply()
        self.endResetModel()
        if self._sort is not None:
            self.sort(*self._sort)

    def clear(self) -> None:
        """No table (the project was closed)."""
        self.beginResetModel()
        self.data_, self._order, self._rows, self._display = None, None, np.zeros(0, dtype=np.int64), {}
        self.endResetModel()

    def _refresh_display(self) -> None:
        self._display = {}
        if self.data_ is None:
            return
        lang = ui_language()
        for col in self.data_.columns:
            if col.kind != "text":
                continue
            if col.name in MINERAL_COLUMNS and self.registry is not None:
                self._display[col.name] = [self.registry.mineral_name(x, lang) if x else "" for x in col.labels]
            elif col.name in COUNTRY_COLUMNS and self.registry is not None:
                self._display[col.name] = [self.registry.country_name(x, lang) if x else "" for x in col.labels]
            elif col.name == "stage":
                self._display[col.name] = [stage_title(x) for x in col.labels]
            elif col.name == SOURCE:
                self._display[col.name] = [QCoreApplication.translate("DataColumns", "edited by hand")] + \
                    col.labels[1:]
            else:
                self._display[col.name] = list(col.labels)

    # -- filter and sort ---------------------------------------------------------------------
    def set_filter(self, *, minerals: set[str] | None = None, countries: set[str] | None = None,
                   years: tuple[int, int] | None = None, text: str = "") -> None:
        self.beginResetModel()
        self._filter = {"minerals": minerals, "countries": countries, "years": years, "text": text.strip()}
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        d = self.data_
        if d is None:
            self._rows = np.zeros(0, dtype=np.int64)
            return
        keep = np.ones(d.n, dtype=bool)
        f = self._filter
        names = d.names()
        if f.get("minerals") is not None and "mineral" in names:
            keep &= self._code_mask(d.column("mineral"), f["minerals"])
        if f.get("countries") is not None and "country" in names:
            keep &= self._code_mask(d.column("country"), f["countries"])
        if f.get("years") and "year" in names:
            lo, hi = f["years"]
            y = d.column("year").values
            keep &= (y >= lo) & (y <= hi)
        if f.get("text"):
            needle = f["text"].casefold()
            hit = np.zeros(d.n, dtype=bool)
            for col in d.columns:
                if col.kind == "text":
                    shown = self._display.get(col.name, col.labels)
                    match = np.array([needle in a.casefold() or needle in b.casefold()
                                      for a, b in zip(col.labels, shown)], dtype=bool)
                    if match.any():
                        hit |= match[col.codes]
                elif col.kind == "int" and needle.isdigit():
                    hit |= col.values == int(needle)
            keep &= hit
        # Filtering a sorted table keeps its order: the kept positions, read in sort order.
        order = self._order
        self._rows = order[keep[order]] if order is not None and len(order) == d.n else np.flatnonzero(keep)

    @staticmethod
    def _code_mask(col: Column, allowed: set[str]) -> np.ndarray:
        ok = np.array([label in allowed for label in col.labels], dtype=bool)
        return ok[col.codes] if len(ok) else np.zeros(len(col.codes), dtype=bool)

    def _sort_key(self, col: Column) -> np.ndarray:
        if col.kind == "text":
            shown = self._display.get(col.name, col.labels)
            rank = np.empty(len(shown), dtype=np.int64)
            rank[np.array(sort_names(shown), dtype=np.int64)] = np.arange(len(shown))
            return rank[col.codes]
        return col.values                 # ints, or floats whose NaN numpy sorts last either way

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        d = self.data_
        if d is None:
            self._sort = (column, order) if column >= 0 else None    # applied when the table arrives
            return
        if not 0 <= column < len(d.columns):
            return
        self._sort = (column, order)
        self._sort_generation += 1
        generation = self._sort_generation
        key = self._sort_key(d.columns[column])
        descending = order == Qt.SortOrder.DescendingOrder

        def done(permutation) -> None:
            self._sorted(permutation, generation, d)

        if self.background is not None and d.n > BACKGROUND_SORT_ROWS:
            self.background(lambda: sort_order(key, descending), done)
        else:
            done(sort_order(key, descending))

    def _sorted(self, permutation: np.ndarray, generation: int, data: TableData) -> None:
        if generation != self._sort_generation or data is not self.data_:
            return                        # a newer sort or a reload came first
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._order = permutation
        self._apply()
        # Persistent indexes (the selection, the current cell) follow their rows.
        where = np.full(data.n, -1, dtype=np.int64)
        where[self._rows] = np.arange(len(self._rows))
        for index in self.persistentIndexList():
            new = int(where[old[index.row()]]) if 0 <= index.row() < len(old) else -1
            self.changePersistentIndex(index, self.index(new, index.column()) if new >= 0 else QModelIndex())
        self.layoutChanged.emit()

    def export_columns(self):
        """A function giving (headers, values per column) of the rows shown, in the order shown, for
        Export Table: names as shown, plain numbers as numbers, a stated cell (W, NA, E, >50, a range) as
        the text shown.  The GUI thread only takes a snapshot; the function runs on the worker."""
        d, rows, display = self.data_, np.array(self._rows), dict(self._display)
        if d is None:
            return lambda: ([], [])
        headers = [column_title(c.name) for c in d.columns]
        number_text = self._display_text

        def build() -> tuple[list[str], list[list]]:
            columns: list[list] = []
            for col in d.columns:
                if col.kind == "text":
                    shown = np.asarray(display.get(col.name, col.labels), dtype=object)
                    columns.append(shown[col.codes[rows]].tolist() if len(shown) else [""] * len(rows))
                elif col.kind == "int":
                    columns.append(col.values[rows].tolist())
                else:
                    plain = col.values[rows]
                    values = plain.astype(object)
                    values[np.isnan(plain)] = None
                    if col.states is not None:
                        for i in np.flatnonzero(col.states[rows] != ""):
                            values[i] = number_text(col, int(rows[i]))
                    columns.append(values.tolist())
            return headers, columns

        return build

    # -- Qt model interface --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.data_ is None else len(self.data_.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.data_ is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.data_.columns):
                return None
            name = self.data_.columns[section].name
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{column_title(name)} ({name})"
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return self.locale.toString(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.data_ is None:
            return None
        row, c = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= c < len(self.data_.columns)):
            return None
        col = self.data_.columns[c]
        pos = int(self._rows[row])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display_text(col, pos)
        if role == Qt.ItemDataRole.EditRole:
            return self.data_.text(col, pos)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.kind == "text" and col.name in MINERAL_COLUMNS | COUNTRY_COLUMNS:
                return col.labels[col.codes[pos]]
            if col.kind == "number":
                return state_meaning(col.states[pos]) or None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind == "number":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return None

    def _display_text(self, col: Column, pos: int) -> str:
        if col.kind == "text":
            return self._display[col.name][col.codes[pos]]
        if col.kind == "int":
            return str(int(col.values[pos]))          # years without a thousands separator
        value, state = float(col.values[pos]), col.states[pos]
        if state in (WITHHELD, MISSING, NET_EXPORTER):
            return state
        if value != value:
            return ""
        text = self._number(value)
        if state in (GREATER, LESS):
            return state + text
        if is_range(state):
            return f"{text}–{self._number(range_high(state))}"
        return text

    def _number(self, value: float) -> str:
        if value.is_integer() and abs(value) < 1e15:
            return self.locale.toString(int(value))
        return self.locale.toString(value, "g", 8)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.data_ is not None and self.data_.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            request = self.edit_block(index.row(), index.column(), [[str(value)]], kind="edit")
        except CellRefused as exc:
            self.sig_cell_refused.emit(str(exc))
            return False
        if request is not None:
            self.sig_edit_requested.emit(request)
        return True

    # -- edits ------------------------------------------------------------------------------------
    def position(self, row: int) -> int:
        """Array position of shown row ``row``."""
        return int(self._rows[row])

    def records(self, rows: list[int]) -> list[dict]:
        return [self.data_.record(self.position(r)) for r in rows]

    def edit_block(self, top: int, left: int, block: list[list[str]], kind: str = "paste") -> EditRequest | None:
        """The edit that writes ``block`` (rows of cell texts) with its top-left cell at (top, left).

        Every cell is checked first; one bad cell refuses the whole block (CellRefused names the row
        and column as shown).  Rows past the end are new rows: they need their key columns.
        """
        d = self.data_
        if d is None or not block:
            return None
        width = max(len(r) for r in block)
        if left + width > len(d.columns):
            raise CellRefused(self.tr("The pasted block has %1 columns; only %2 fit from column '%3'.")
                              .replace("%1", str(width)).replace("%2", str(len(d.columns) - left))
                              .replace("%3", column_title(d.columns[left].name)))
        before, after, positions = [], [], []
        for i, cells in enumerate(block):
            row = top + i
            existing = row < len(self._rows)
            record = self.data_.record(self.position(row)) if existing else {}
            new = self._edited_record(record, row, left, cells, kind)
            if not existing:
                self._check_new_row(new, row)
            if new != record:
                if existing:
                    before.append(record)
                    positions.append(self.position(row))
                after.append(new)
        if not after:
            return None
        label = self._edit_label(kind, left, sum(len(r) for r in block))
        return EditRequest(table=self.table, label=label, before=before, after=after, positions=positions)

    def _edited_record(self, record: dict, row: int, left: int, cells: list[str], kind: str) -> dict:
        """``record`` with the cell texts ``cells`` (from column ``left`` on) parsed into it, as a new dict."""
        from desktop.core.store.cells import parse_cell

        d = self.data_
        new = dict(record)
        for j, text in enumerate(cells):
            col = d.columns[left + j]
            if not col.editable:
                if kind == "edit":
                    raise CellRefused(self.tr("'%1' cannot be edited: it says which import a row came from.")
                                      .replace("%1", column_title(col.name)))
                continue
            try:
                parsed = parse_cell(self.table, col.name, text, self.registry)
            except CritMinError as exc:
                where = self.tr("Row %1, column '%2': ").replace("%1", str(row + 1)) \
                    .replace("%2", column_title(col.name))
                raise CellRefused(where + str(exc)) from exc
            self._put_parsed(new, col, parsed, row)
        return new

    def _put_parsed(self, record: dict, col: Column, parsed, row: int) -> None:
        """Put a parsed cell into ``record``: a number column takes its number and, when stated, its state."""
        if col.kind != "number":
            record[col.name] = parsed
            return
        value, state = _number_pair(parsed)
        if not col.stated and state:
            raise CellRefused(self.tr("Row %1, column '%2': a plain number is expected here.")
                              .replace("%1", str(row + 1)).replace("%2", column_title(col.name)))
        record[col.name] = value
        if col.stated:
            record[f"{col.name}_state"] = state

    def _check_new_row(self, record: dict, row: int) -> None:
        """A row past the end is a new row: it needs its key columns (those that may be empty aside)."""
        missing = [k for k in _key_columns(self.table) if record.get(k) in (None, "") and k not in OPTIONAL_TEXT]
        if missing:
            raise CellRefused(self.tr("Row %1 would be a new row, but it has no %2.")
                              .replace("%1", str(row + 1))
                              .replace("%2", ", ".join(column_title(k) for k in missing)))

    def _edit_label(self, kind: str, left: int, cells: int) -> str:
        """The undo text: "Edit <column>" for a typed cell, "Paste N cells" for a block."""
        if kind == "edit":
            return self.tr("Edit %1").replace("%1", column_title(self.data_.columns[left].name))
        return self.tr("Paste 1 cell") if cells == 1 else self.tr("Paste %1 cells").replace("%1", str(cells))

    def apply_optimistic(self, request: EditRequest) -> None:
        """Show an edit of existing rows at once (the reload after the write confirms it)."""
        d = self.data_
        if d is None:
            return
        for pos, record in zip(request.positions, request.after):
            d.set_record(pos, record)
        self._refresh_display()
        if request.positions and len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(d.columns) - 1))

    def clear_request(self, indexes: list[QModelIndex]) -> EditRequest | None:
        """Clearing value cells (Delete): one edit.  Key cells cannot be empty."""
        d = self.data_
        if d is None or not indexes:
            return None
        keys = set(_key_columns(self.table))
        by_row: dict[int, dict] = {}
        for index in indexes:
            col = d.columns[index.column()]
            if col.name in keys:
                raise CellRefused(self.tr("'%1' cannot be empty: it identifies the row. Delete the row instead.")
                                  .replace("%1", column_title(col.name)))
            if not col.editable:
                continue
            record = by_row.setdefault(index.row(), d.record(self.position(index.row())))
            if col.kind == "number":
                record[col.name] = None
                if col.stated:
                    record[f"{col.name}_state"] = ""
            else:
                record[col.name] = ""
        rows = sorted(by_row)
        before = self.records(rows)
        after = [by_row[r] for r in rows]
        triples = [(b, a, self.position(r)) for b, a, r in zip(before, after, rows) if b != a]
        if not triples:
            return None
        n = len(indexes)
        label = self.tr("Clear 1 cell") if n == 1 else self.tr("Clear %1 cells").replace("%1", str(n))
        return EditRequest(table=self.table, label=label, before=[b for b, _, _ in triples],
                           after=[a for _, a, _ in triples], positions=[p for _, _, p in triples])

    def delete_request(self, rows: list[int]) -> EditRequest | None:
        if not rows or self.data_ is None:
            return None
        rows = sorted(rows)
        label = self.tr("Delete 1 row") if len(rows) == 1 else self.tr("Delete %1 rows").replace("%1", str(len(rows)))
        return EditRequest(table=self.table, label=label, before=self.records(rows), after=[],
                           positions=[self.position(r) for r in rows])


BACKGROUND_SORT_ROWS = 200_000


def sort_order(key: np.ndarray, descending: bool) -> np.ndarray:
    """Every position in sort order; stable, so equal keys keep their order; NaN last either way."""
    return np.argsort(-key if descending else key, kind="stable")


def _key_columns(table: str) -> list[str]:
    return list(SCHEMA[table][0])


def _number_pair(parsed) -> tuple[float | None, str]:
    if isinstance(parsed, tuple):
        value, state = parsed
    else:
        value, state = parsed, ""
    value = None if value is None or value != value else float(value)
    return value, state or ""
