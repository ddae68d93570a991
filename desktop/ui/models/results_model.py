"""A read-only table model over one results frame (the Overview and the Indicators view).

The frame's columns are turned into numpy arrays and display strings once, when the frame arrives;
``data()`` then only indexes them (no Qt item per cell, no pandas in the paint path).  Sorting is an
``argsort`` of a column's sort key: results tables hold thousands of rows, not millions, so it stays
well under the 100 ms the GUI thread may spend.

Columns are described by :class:`Col`: its id in the frame, its title and tooltip, and its kind —
``mineral`` / ``country`` (registry names in the interface language), ``number``, ``share``
(a percentage), ``trend`` (an arrow, the class in the tooltip), ``count`` or ``text``.  A number
column with a threshold is coloured: at or above it in the "above" colour, below in the "below" one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication

from desktop.ui.indicator_titles import TREND_ARROWS, trend_name
from desktop.ui.language import ui_language
from desktop.ui.titles import stage_title
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole + 1        # the raw value (id, float) of a cell
ABOVE_ROLE = Qt.ItemDataRole.UserRole + 2      # True / False / None: the cell against its threshold


@dataclass(frozen=True)
class Col:
    id: str
    title: str
    kind: str = "text"             # mineral | country | number | share | trend | count | text | stage
    tip: str = ""
    threshold: float | None = None
    decimals: int = 3


def threshold_colours() -> tuple[QColor, QColor]:
    """(above, below) fills readable with the palette's text colour, light or dark."""
    dark = QGuiApplication.palette().base().color().lightness() < 128
    if dark:
        return QColor("#6b2b2b"), QColor("#24502f")
    return QColor("#f8d0cc"), QColor("#d4eed7")


@dataclass
class Prepared:
    """A frame made ready for display: per shown column the raw values, the display strings and the
    tooltips (worker-safe: no widget, only QLocale and the registry)."""
    frame: object
    cols: list[Col]
    raw: list[np.ndarray]
    shown: list[list[str]]
    tips: list[list[str] | None]
    # What decides the columns' widths: the columns and their longest display string (ExcelTableView.fit_columns
    # fits again when it changes — a D column that fills in after a country is chosen).  Measured where the
    # strings are made (the worker), not where the table is shown.
    shape_key: tuple = field(init=False)

    def __post_init__(self) -> None:
        self.shape_key = tuple((c.id, max(map(len, texts), default=0)) for c, texts in zip(self.cols, self.shown))


def prepare(frame, cols: list[Col], registry=None, tips: dict[str, list[str]] | None = None,
            lang: str | None = None) -> Prepared:
    frame = frame.reset_index(drop=True) if frame is not None else None
    cols = [c for c in cols if frame is not None and c.id in frame.columns]
    locale, lang = QLocale(), lang or ui_language()
    raw, shown, row_tips = [], [], []
    for col in cols:
        values = frame[col.id].to_numpy()
        raw.append(values)
        shown.append(_display(col, values, registry, locale, lang))
        given = (tips or {}).get(col.id)
        if given is None and col.kind == "trend":
            given = ["" if _blank(v) else trend_name(str(v)) for v in values]
        row_tips.append(given)
    return Prepared(frame, cols, raw, shown, row_tips)


class ResultsModel(OneCallPerCell, QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cols: list[Col] = []
        self._raw: list[np.ndarray] = []
        self._shown: list[list[str]] = []
        self._tips: list[list[str] | None] = []
        self._order = np.arange(0)
        self._stale = False
        self.frame = None

    # -- content --------------------------------------------------------------------------------------
    def set_frame(self, frame, cols: list[Col], registry=None, tips: dict[str, list[str]] | None = None) -> None:
        """Show ``frame`` (a pandas DataFrame) with the columns ``cols``; ``tips``: per column id, a
        tooltip per row (flags in plain words, a trend's explanation …).  For a large frame, build
        :func:`prepare` on the worker and call :meth:`set_prepared`."""
        self.set_prepared(prepare(frame, cols, registry, tips))

    def set_prepared(self, prepared: Prepared) -> None:
        self.beginResetModel()
        self.frame, self.cols = prepared.frame, prepared.cols
        self._raw, self._shown, self._tips = prepared.raw, prepared.shown, prepared.tips
        self._order = np.arange(0 if prepared.frame is None else len(prepared.frame))
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        """Out-of-date values are drawn greyed until the recompute arrives."""
        if stale != self._stale:
            self._stale = stale
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                      [Qt.ItemDataRole.ForegroundRole])

    def row_of(self, position: int) -> int:
        """The frame row shown at view row ``position``."""
        return int(self._order[position])

    def record(self, position: int) -> dict:
        """The frame's whole row shown at ``position`` (every column, shown or not), as Python values."""
        if self.frame is None:
            return {}
        return {k: _python(v) for k, v in self.frame.iloc[self.row_of(position)].items()}

    def find(self, column: str, value) -> int:
        """The view row whose ``column`` holds ``value`` (the first), or -1."""
        if self.frame is None or column not in self.frame:
            return -1
        hits = np.flatnonzero(self.frame[column].to_numpy()[self._order] == value)
        return int(hits[0]) if len(hits) else -1

    # -- Qt model -------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cols)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.cols):
            return None
        col = self.cols[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip or col.title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._order) or not 0 <= index.column() < len(self.cols):
            return None
        c, row = index.column(), int(self._order[index.row()])
        col = self.cols[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[c][row]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = self._tips[c]
            return (tips[row] or None) if tips is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("number", "share", "count"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col.kind == "trend":
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == RAW_ROLE:
            return _python(self._raw[c][row])
        if role == Qt.ItemDataRole.EditRole:       # what Ctrl+C puts in Excel: numbers unformatted
            return _python(self._raw[c][row]) if col.kind in ("number", "share", "count") else None
        if role in (ABOVE_ROLE, Qt.ItemDataRole.BackgroundRole):
            above = self._above(c, row)
            if role == ABOVE_ROLE:
                return above
            if above is None or self._stale:
                return None
            return threshold_colours()[0 if above else 1]
        if role == Qt.ItemDataRole.ForegroundRole and self._stale:
            return QGuiApplication.palette().placeholderText().color()
        return None

    def _above(self, c: int, row: int) -> bool | None:
        col = self.cols[c]
        if col.threshold is None or col.kind not in ("number", "share"):
            return None
        value = self._raw[c][row]
        if _blank(value):
            return None
        return bool(float(value) >= col.threshold)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.cols):
            return
        self.layoutAboutToBeChanged.emit()
        key = _sort_key(self.cols[column], self._raw[column], self._shown[column])
        permutation = np.argsort(key, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            # descending, with the blanks still last (a blank is never the largest value)
            blanks = np.isnan(key[permutation]) if key.dtype.kind == "f" else np.zeros(len(key), dtype=bool)
            permutation = np.concatenate([permutation[~blanks][::-1], permutation[blanks]])
        old = self.persistentIndexList()
        old_rows = [int(self._order[i.row()]) for i in old]
        self._order = permutation
        where = np.empty(len(permutation), dtype=int)
        where[permutation] = np.arange(len(permutation))
        self.changePersistentIndexList(old, [self.index(int(where[r]), i.column()) for r, i in zip(old_rows, old)])
        self.layoutChanged.emit()


def _blank(value) -> bool:
    if value is None:
        return True
    try:
        return bool(np.isnan(value))
    except (TypeError, ValueError):
        return value == "" or value is __import__("pandas").NA


def _python(value):
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def _display(col: Col, values: np.ndarray, registry, locale: QLocale, lang: str) -> list[str]:
    out = []
    for v in values:
        if _blank(v):
            out.append("")
        elif col.kind == "mineral":
            out.append(registry.mineral_name(str(v), lang) if registry else str(v))
        elif col.kind == "country":
            out.append(registry.country_name(str(v), lang) if registry and str(v) != "OTHERS" else str(v))
        elif col.kind == "stage":
            out.append(stage_title(str(v)))
        elif col.kind == "share":
            out.append(locale.toString(float(v) * 100, "f", 1) + " %")
        elif col.kind == "number":
            out.append(locale.toString(float(v), "f", col.decimals))
        elif col.kind == "count":
            out.append(locale.toString(int(v)))
        elif col.kind == "trend":
            out.append(TREND_ARROWS.get(str(v), str(v)))
        else:
            out.append(str(v))
    return out


def _sort_key(col: Col, raw: np.ndarray, shown: list[str]) -> np.ndarray:
    if col.kind in ("number", "share", "count"):
        return np.array([np.nan if _blank(v) else float(v) for v in raw], dtype=float)
    if col.kind in ("mineral", "country", "stage", "text", "trend"):
        from desktop.ui.collation import sort_names

        distinct = list(dict.fromkeys(shown))          # collate the few distinct labels, not every row
        rank_of = {distinct[i]: float(rank) for rank, i in enumerate(sort_names(distinct))}
        return np.array([rank_of[s] if s else np.nan for s in shown], dtype=float)
    return np.arange(len(raw), dtype=float)
