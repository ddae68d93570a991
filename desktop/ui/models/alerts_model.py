"""The Alerts view's table: one row per alert of :func:`desktop.core.alerts.compute_alerts`, newest first.

Like the results model, the texts are built once, on the worker (:func:`prepare_alerts`), and ``data()``
only indexes lists; the filters (severity, mineral, rule) pick row numbers with numpy, so changing a
filter on thousands of alerts costs no pandas and no re-formatting.  The order stays the core's (newest
first, then by severity): an alert list is read from the top, and sorting by another column would hide
what is new.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication

from desktop.core.messages import Message, translate
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 11     # "high" / "medium" / "low"
KEY_ROLE = Qt.ItemDataRole.UserRole + 12          # {"table", "key", "indicator"} of the row
COLUMNS = ("severity", "year", "mineral", "what", "change", "rule")
SHARE_INDICATORS = {"D", "share"}


def severity_colour(severity: str) -> QColor | None:
    """A fill per severity readable with the palette's text colour (light or dark palette)."""
    dark = QGuiApplication.palette().base().color().lightness() < 128
    fills = {"high": ("#f4c7c3", "#6b2b2b"), "medium": ("#fde9b6", "#5e4a14"), "low": ("#d4e6f7", "#1f3d5c")}
    pair = fills.get(severity)
    return QColor(pair[1] if dark else pair[0]) if pair else None


def column_titles() -> list[str]:
    return [QCoreApplication.translate("AlertsModel", "Severity"), QCoreApplication.translate("AlertsModel", "Year"),
            QCoreApplication.translate("AlertsModel", "Mineral"),
            QCoreApplication.translate("AlertsModel", "What changed"),
            QCoreApplication.translate("AlertsModel", "From → to"), QCoreApplication.translate("AlertsModel", "Rule")]


def column_tips() -> list[str]:
    return [QCoreApplication.translate("AlertsModel", "High: a threshold crossed upward, a ban, a dominant supplier; "
                                       "medium: a worsening "
                                       "or a trend; low: a threshold crossed downward"),
            QCoreApplication.translate("AlertsModel", "The year the change happened"),
            QCoreApplication.translate("AlertsModel", "The mineral the alert is about"),
            QCoreApplication.translate("AlertsModel",
                                       "What changed, in one sentence; double-click or press Enter to open its source"),
            QCoreApplication.translate("AlertsModel", "The value the year before and the value this year"),
            QCoreApplication.translate("AlertsModel", "The rule that raised the alert (Rules… sets them)")]


@dataclass
class PreparedAlerts:
    """Display texts per row (worker-safe: no widget, only QLocale and the registry)."""
    frame: object = None
    severity: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    mineral: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    rule: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    shown: list[list[str]] = field(default_factory=lambda: [[] for _ in COLUMNS])
    tips: list[str] = field(default_factory=list)
    keys: list[dict] = field(default_factory=list)


def prepare_alerts(frame, registry=None, lang: str = "en") -> PreparedAlerts:
    """The texts of every alert in ``lang``: severity and rule from the core's catalogue, the mineral by
    its registry name, the sentence of ``what``, "from → to" formatted for the locale."""
    if frame is None or len(frame) == 0:
        return PreparedAlerts(frame=frame)
    frame = frame.reset_index(drop=True)
    locale = QLocale()
    minerals = frame["mineral"].astype(str).to_numpy(dtype=object)
    names = {m: registry.mineral_name(m, lang) if registry else m for m in set(minerals)}
    severity = frame["severity"].astype(str).to_numpy(dtype=object)
    rule = frame["rule"].astype(str).to_numpy(dtype=object)
    shown = [[Message(f"alert.severity.{s}").text(lang) for s in severity],
             [str(int(y)) for y in frame["year"]],
             [names[m] for m in minerals],
             [translate(w, lang) for w in frame["what"]],
             [_change(locale, ind, a, b) for ind, a, b in zip(frame["indicator"], frame["from_value"],
                                                               frame["to_value"])],
             [Message(f"alert.rule.{r}").text(lang) for r in rule]]
    tips = [_tip(row, names.get(str(row.mineral), row.mineral)) for row in frame.itertuples(index=False)]
    keys = [{"table": t, "key": dict(k) if isinstance(k, dict) else {}, "indicator": i}
            for t, k, i in zip(frame["table"], frame["key"], frame["indicator"])]
    return PreparedAlerts(frame, severity, minerals, rule, shown, tips, keys)


def _number(locale: QLocale, value, share: bool) -> str:
    if value is None or not math.isfinite(float(value)):
        return ""
    return locale.toString(float(value) * 100, "f", 1) + " %" if share else locale.toString(float(value), "f", 3)


def _change(locale: QLocale, indicator, before, after) -> str:
    share = str(indicator) in SHARE_INDICATORS
    a, b = _number(locale, before, share), _number(locale, after, share)
    if not a and not b:
        return ""
    return f"{a or '–'} → {b or '–'}"


def _tip(row, mineral_name: str) -> str:
    parts = [str(mineral_name)]
    for value in (row.stage, row.country):
        if isinstance(value, str) and value:
            parts.append(value)
    return " · ".join(parts)


class AlertsModel(OneCallPerCell, QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.prepared = PreparedAlerts()
        self._rows = np.arange(0)
        self._stale = False
        self.filters: dict[str, str | None] = {"severity": None, "mineral": None, "rule": None}

    # -- content --------------------------------------------------------------------------------
    def set_prepared(self, prepared: PreparedAlerts) -> None:
        self.beginResetModel()
        self.prepared = prepared
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, *, severity: str | None = None, mineral: str | None = None, rule: str | None = None) -> None:
        """Show only the alerts of this severity, mineral and rule (None = any)."""
        self.beginResetModel()
        self.filters = {"severity": severity, "mineral": mineral, "rule": rule}
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> np.ndarray:
        p = self.prepared
        keep = np.ones(len(p.severity), dtype=bool)
        for name, values in (("severity", p.severity), ("mineral", p.mineral), ("rule", p.rule)):
            wanted = self.filters.get(name)
            if wanted:
                keep &= values == wanted
        return np.flatnonzero(keep)

    def set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                      [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole])

    def total(self) -> int:
        """Every alert, before the view's filters."""
        return len(self.prepared.severity)

    def source_of(self, row: int) -> dict:
        """{"table", "key", "indicator"} of the alert shown at ``row``."""
        return self.prepared.keys[int(self._rows[row])] if 0 <= row < len(self._rows) else {}

    def record(self, row: int) -> dict:
        """The alert's whole row (the core's columns) shown at ``row``."""
        if not 0 <= row < len(self._rows) or self.prepared.frame is None:
            return {}
        return dict(self.prepared.frame.iloc[int(self._rows[row])])

    def table_as_shown(self) -> tuple[list[str], list[list]]:
        """Headers and, per column, the texts in the shown order: what the analyst sees, for the export."""
        columns = [[self.prepared.shown[c][int(r)] for r in self._rows] for c in range(len(COLUMNS))]
        columns[1] = [int(y) for y in columns[1]]              # years as numbers in Excel
        return column_titles(), columns

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_tips()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row, c = int(self._rows[index.row()]), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.prepared.shown[c][row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.prepared.shown[3][row] if c == 3 else self.prepared.tips[row]
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if c != 0 or self._stale else severity_colour(str(self.prepared.severity[row]))
        if role == Qt.ItemDataRole.ForegroundRole and self._stale:
            return QGuiApplication.palette().placeholderText().color()
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (1, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SEVERITY_ROLE:
            return str(self.prepared.severity[row])
        if role == KEY_ROLE:
            return self.prepared.keys[row]
        return None
