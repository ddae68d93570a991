"""The Scenarios view's models: the project's scenarios, and a scenario's comparison with the baseline.

:class:`ScenarioListModel` lists the scenarios (name, rationale; the source and the changes in the
tooltip).  :class:`ComparisonModel` shows :func:`desktop.core.scenarios.compare`'s frame: one row per
mineral / year / stage / country / indicator with the baseline, the scenario and the change, the
change printed with its sign and filled red when it makes supply less secure, green when more (the
tooltip says which, in words, so the colour is never the only sign).  Both are small (tens of rows):
the display strings are made when the frame arrives and ``data()`` only indexes them.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.language import ui_language
from desktop.ui.models.results_model import RAW_ROLE, threshold_colours
from desktop.ui.models.one_call import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
MINUS = "\u2212"
WORSE_ROLE = Qt.ItemDataRole.UserRole + 3      # True worse / False better / None neither


def metric_title(metric: str) -> str:
    """The indicator's name in the interface language."""
    return {
        "share": QCoreApplication.translate("ComparisonModel", "Share of world supply"),
        "supply": QCoreApplication.translate("ComparisonModel", "World market supply"),
        "HHI": QCoreApplication.translate("ComparisonModel", "HHI (concentration)"),
        "R": QCoreApplication.translate("ComparisonModel", "R (supply risk)"),
        "D": QCoreApplication.translate("ComparisonModel", "D (import dependency)"),
        "category": QCoreApplication.translate("ComparisonModel", "Supply-security category"),
        "matrix": QCoreApplication.translate("ComparisonModel", "Risk matrix (weakest link)"),
        "matrix_stage": QCoreApplication.translate("ComparisonModel", "Risk matrix by stage"),
        "alerts": QCoreApplication.translate("ComparisonModel", "Alerts this year"),
        "required_supply": QCoreApplication.translate("ComparisonModel", "Required supply"),
        "gap": QCoreApplication.translate("ComparisonModel", "Supply gap"),
        "coverage": QCoreApplication.translate("ComparisonModel", "Coverage of demand"),
    }.get(metric, metric)


def category_title(category) -> str:
    if category is None or (isinstance(category, float) and math.isnan(category)) or category == "":
        return ""
    return {"domestic_advantage": QCoreApplication.translate("ComparisonModel", "Domestic advantage"),
            "low_risk": QCoreApplication.translate("ComparisonModel", "Low risk"),
            "dependent_diversified": QCoreApplication.translate("ComparisonModel", "Dependent, risk controlled"),
            "dependent_high_risk": QCoreApplication.translate("ComparisonModel", "Dependent, high risk"),
            }.get(category, str(category))


def detail_text(detail) -> str:
    """The comparison's note (written in English by the core, or a core Message) in the interface language."""
    from desktop.core.messages import Message, translate

    if isinstance(detail, Message):
        return translate(detail, ui_language())
    detail = "" if _missing(detail) else str(detail)
    if not detail:
        return ""
    if detail.startswith("R rescaled"):
        return QCoreApplication.translate("ComparisonModel", "R rescaled on the baseline's min–max of R_raw")
    if detail.startswith("no trade flows"):
        return QCoreApplication.translate("ComparisonModel", "No trade flows: the importers' D cannot change")
    if detail.startswith("weakest link: "):
        return QCoreApplication.translate("ComparisonModel", "Weakest link: %1").replace(
            "%1", _cell_text(detail.removeprefix("weakest link: ")))
    if detail.startswith("demand ×"):
        factor = detail.removeprefix("demand ×")
        return QCoreApplication.translate("ComparisonModel", "Demand ×%1").replace("%1", factor)
    return detail


def _fill(template: str, *values) -> str:
    """``template`` with %1, %2 … replaced by ``values`` (Qt's placeholders, filled in one pass)."""
    import re

    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)


def change_text(change, registry=None) -> str:
    """One change in a line of the interface language, e.g. 'DR Congo · Cobalt: production ×0.5 (from 2024)'."""
    lang = ui_language()
    mineral = registry.mineral_name(change.mineral, lang) if registry is not None else change.mineral
    country = registry.country_name(change.country, lang) if registry is not None and change.country else change.country
    where = f" ({stage_text(change.stage)})" if change.stage else ""
    if change.type == "demand":
        what = _fill(QCoreApplication.translate("ComparisonModel", "%1 demand ×%2"), mineral, f"{change.factor:g}")
        if change.target_year:
            what = _fill(QCoreApplication.translate("ComparisonModel", "%1 by %2"), what, change.target_year)
        return what
    if change.type == "event":
        from desktop.core.chain.events import EVENT_TYPES

        if change.target_year:
            when = _fill(QCoreApplication.translate("ComparisonModel", "%1–%2"), change.from_year, change.target_year)
        else:
            when = _fill(QCoreApplication.translate("ComparisonModel", "from %1"), change.from_year)
        event = EVENT_TYPES[change.event].name(lang)
        template = QCoreApplication.translate("ComparisonModel", "%1 · %2%3: policy event %4, %5")
        return _fill(template, country, mineral, where, event, when)
    if change.type == "exports":
        what = (QCoreApplication.translate("ComparisonModel", "export ban") if change.factor == 0
                else _fill(QCoreApplication.translate("ComparisonModel", "exports ×%1"), f"{change.factor:g}"))
        if change.partners:
            names = [registry.country_name(p, lang) if registry is not None else p for p in change.partners]
            joined = ("、" if lang == "zh" else ", ").join(names)
            what = _fill(QCoreApplication.translate("ComparisonModel", "%1 to %2"), what, joined)
    else:
        what = (QCoreApplication.translate("ComparisonModel", "production stops") if change.factor == 0
                else _fill(QCoreApplication.translate("ComparisonModel", "production ×%1"), f"{change.factor:g}"))
    line = _fill(QCoreApplication.translate("ComparisonModel", "%1 · %2%3: %4"), country, mineral, where, what)
    if change.from_year:
        line = _fill(QCoreApplication.translate("ComparisonModel", "%1 (from %2)"), line, change.from_year)
    return line


def _cell_text(cell: str) -> str:
    """'primary mining × trade' (the core's ids) as the Risk Matrix view names the cell."""
    from desktop.ui.matrix_titles import dimension_title, stage_title, stream_title

    where, _, dimension = cell.partition(" × ")
    stream, _, stage = where.partition(" ")
    if not (stream and stage and dimension):
        return cell
    return f"{stream_title(stream)} · {stage_title(stage)} × {dimension_title(dimension)}"


def stage_text(stage: str) -> str:
    """A comparison row's stage: a production stage (mine, refinery) or a chain stage, in the interface language."""
    if not stage:
        return ""
    production = {"mine": QCoreApplication.translate("ComparisonModel", "Mine"),
                  "refinery": QCoreApplication.translate("ComparisonModel", "Refinery")}
    if stage in production:
        return production[stage]
    from desktop.ui.matrix_titles import stage_title

    return stage_title(stage)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


class ScenarioListModel(QAbstractTableModel):
    """The project's scenarios: name and rationale."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.scenarios: list = []
        self.ticked: set[str] = set()        # the scenarios to run side by side (their names)
        self.registry = None                 # names the changes' minerals and countries in the tooltip

    def set_scenarios(self, scenarios, registry=None) -> None:
        self.beginResetModel()
        self.registry = registry
        self.scenarios = list(scenarios)
        self.ticked &= {s.name for s in self.scenarios}
        self.endResetModel()

    def checked(self) -> list[str]:
        """The ticked scenarios' names, in list order."""
        return [s.name for s in self.scenarios if s.name in self.ticked]

    def set_checked(self, name: str, on: bool) -> None:
        for i, s in enumerate(self.scenarios):
            if s.name == name:
                self.setData(self.index(i, 0), Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                             Qt.ItemDataRole.CheckStateRole)

    def flags(self, index: _Index):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole \
                or not 0 <= index.row() < len(self.scenarios):
            return False
        name = self.scenarios[index.row()].name
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if on:
            self.ticked.add(name)
        else:
            self.ticked.discard(name)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.scenarios)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return (QCoreApplication.translate("ScenarioListModel", "Scenario"),
                    QCoreApplication.translate("ScenarioListModel", "Rationale"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.scenarios):
            return None
        s = self.scenarios[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.name if index.column() == 0 else s.rationale
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if s.name in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [s.name, *(change_text(c, self.registry) for c in s.changes)]
            if s.source:
                lines.append(QCoreApplication.translate("ScenarioListModel", "Source: %1").replace("%1", s.source))
            return "\n".join(lines)
        if role == RAW_ROLE:
            return s.name
        return None


COLUMNS = ("mineral", "year", "stage", "country", "metric", "baseline", "scenario", "delta", "detail")
KEYS = ("mineral", "year", "stage", "country", "metric")


class ComparisonModel(OneCallPerCell, QAbstractTableModel):
    """Scenarios beside the baseline, deltas signed and coloured.

    One scenario: :func:`compare`'s frame, columns :data:`COLUMNS`.  Several: :func:`compare_many`'s frame,
    per scenario its value and change (``scenario_i`` / ``delta_i``), headed by the scenario's name."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.shown: list[list[str]] = []
        self.stale = False
        self.names: list[str] = []
        self.columns: tuple[str, ...] = COLUMNS
        self.worse_of: dict[str, str] = {"delta": "worse"}     # a delta column -> its worse column

    def scenario_of(self, column: int) -> int:
        """The number (0…) of the scenario a column shows; 0 for the baseline and the key columns."""
        col = self.columns[column] if 0 <= column < len(self.columns) else ""
        tail = col.rpartition("_")[2]
        return int(tail) if col.startswith(("scenario_", "delta_")) and tail.isdigit() else 0

    def titles(self) -> list[str]:
        keys = [QCoreApplication.translate("ComparisonModel", "Mineral"),
                QCoreApplication.translate("ComparisonModel", "Year"),
                QCoreApplication.translate("ComparisonModel", "Stage"),
                QCoreApplication.translate("ComparisonModel", "Country"),
                QCoreApplication.translate("ComparisonModel", "Indicator"),
                QCoreApplication.translate("ComparisonModel", "Baseline")]
        note = QCoreApplication.translate("ComparisonModel", "Note")
        if self.columns == COLUMNS:
            return keys + [QCoreApplication.translate("ComparisonModel", "Scenario"),
                           QCoreApplication.translate("ComparisonModel", "Change"), note]
        middle = []
        for name in self.names:
            middle += [name, QCoreApplication.translate("ComparisonModel", "Change: %1").replace("%1", name)]
        return keys + middle + [note]

    def set_frame(self, frame, registry=None, names=None) -> None:
        """``frame``: compare's (one scenario) or compare_many's (``names``: the scenarios, in its order)."""
        lang = ui_language()
        loc = QLocale()
        self.beginResetModel()
        self.rows = [] if frame is None else frame.to_dict("records")
        many = frame is not None and "scenario_0" in frame
        if many:
            n = sum(1 for c in frame.columns if str(c).startswith("scenario_"))
            self.names = list(names or [str(i + 1) for i in range(n)])[:n]
            self.columns = KEYS + ("baseline",) + tuple(c for i in range(n) for c in (f"scenario_{i}", f"delta_{i}")) \
                + ("detail",)
            self.worse_of = {f"delta_{i}": f"worse_{i}" for i in range(n)}
        else:
            self.names = list(names or [])[:1]
            self.columns, self.worse_of = COLUMNS, {"delta": "worse"}
        self.shown = [self._texts(r, registry, lang, loc) for r in self.rows]
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        self.stale = stale
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    @staticmethod
    def _number(v, metric: str, loc: QLocale, signed: bool = False) -> str:
        if _missing(v):
            return ""
        v = float(v)
        decimals = 0 if metric in ("supply", "required_supply", "gap", "alerts") else 3
        text = loc.toString(abs(v) if signed else v, "f", decimals)
        if signed:
            if round(abs(v), decimals) == 0:
                return loc.toString(0.0, "f", decimals)
            return ("+" if v > 0 else MINUS) + text
        return text

    def _texts(self, r: dict, registry, lang: str, loc: QLocale) -> list[str]:
        metric = r["metric"]
        mineral = registry.mineral_name(r["mineral"], lang) if registry is not None else str(r["mineral"])
        country = r.get("country") or ""
        if country and registry is not None:
            country = registry.country_name(country, lang)
        year = "" if _missing(r.get("year")) else str(int(r["year"]))
        out = [mineral, year, stage_text(r.get("stage") or ""), country, metric_title(metric)]
        for col in self.columns[5:-1]:
            if metric == "category":
                base = category_title(r.get("baseline"))
                if col.startswith("delta"):
                    scen = category_title(r.get(col.replace("delta", "scenario", 1)))
                    out.append("" if base == scen else f"{base} → {scen}")
                else:
                    out.append(category_title(r.get(col)))
            else:
                out.append(self._number(r.get(col), metric, loc, signed=col.startswith("delta")))
        out.append(detail_text(r.get("detail")))
        return out

    # -- Qt ---------------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.titles()[section]
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section] in self.worse_of:
                return QCoreApplication.translate(
                    "ComparisonModel", "Scenario − baseline; red: supply less secure, green: more secure")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown[index.row()][index.column()]
        if role == RAW_ROLE:
            return r.get(col)
        is_delta = col in self.worse_of
        worse = r.get(self.worse_of[col]) if is_delta else None
        if role == WORSE_ROLE:
            return worse if is_delta else r.get(self.worse_of.get("delta", "worse_0"))
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in ("year", "baseline") or col.startswith(
                ("scenario", "delta"))) and r["metric"] != "category":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and is_delta and worse is not None and not self.stale:
            above, below = threshold_colours()
            return above if worse else below
        if role == Qt.ItemDataRole.ToolTipRole and is_delta and worse is not None:
            return (QCoreApplication.translate("ComparisonModel", "Worse for supply security") if worse
                    else QCoreApplication.translate("ComparisonModel", "Better for supply security"))
        if role == Qt.ItemDataRole.ToolTipRole and col == "detail":
            return self.shown[index.row()][index.column()] or None
        return None

    def table_as_shown(self) -> tuple[list[str], list[list]]:
        """Headers and per column the values: numbers as numbers, names as shown (for the xlsx export)."""
        headers = self.titles()
        columns = []
        for c, col in enumerate(self.columns):
            if col == "baseline" or col.startswith(("scenario", "delta")):
                values = []
                for i, r in enumerate(self.rows):
                    v = r.get(col)
                    values.append(self.shown[i][c] if r["metric"] == "category" else (None if _missing(v) else v))
                columns.append(values)
            elif col == "year":
                columns.append([None if _missing(r.get("year")) else int(r["year"]) for r in self.rows])
            else:
                columns.append([s[c] for s in self.shown])
        return headers, columns
