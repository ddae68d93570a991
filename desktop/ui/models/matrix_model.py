"""Table models of the risk matrix: one grid of a stream, and the list's mineral × stage overview.

:class:`MatrixModel` shows one :class:`~desktop.core.chain.model.Grid`: rows the four chain stages and an
"Overall" margin row, columns the stream's dimensions and an "Overall" margin column (the stage,
dimension and stream aggregates).  It is lazy: ``data()`` reads the frozen Matrix it was given, so a new
year or mineral is one model reset and no per-cell items.  Margin cells are answered with a synthetic
:class:`Cell` whose origin is ``aggregate:<rule>`` and whose inputs are the scores it aggregates, so
Details explains an aggregate the way it explains a cell.

:class:`HeatmapModel` holds one row per mineral of the selected list: the score of each chain stage over
both streams and of the whole chain, the weakest stage marked.

The five level colours are ColorBrewer's 5-class YlOrRd (Cynthia Brewer, colorbrewer2.org, marked
colour-blind safe and print friendly): a sequential scale read by lightness, so it stays ordered for
every kind of colour vision and in grey print.  A cell's text colour is black or white, whichever
contrasts more with its fill (WCAG 2 contrast), so the fills work on light and dark palettes alike;
the hatched "needs judgement" look is drawn in the palette's own text colour (the delegate).

No pandas at import: :func:`heat_rows` loads it on the worker.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.chain.model import ANALYST, NEEDS_JUDGEMENT, Cell, Grid, Matrix
from desktop.ui.language import ui_language
from desktop.ui.matrix_titles import (
    LEVELS, STAGES, dimension_tip, dimension_title, level_of, level_title, origin_title, overall_title, rule_formula,
    score_text, shown_note, stage_tip, stage_title, stream_title,
)
from desktop.ui.models.one_call import OneCallPerCell
from desktop.ui.palette import luminance

_Index = QModelIndex | QPersistentModelIndex

# ColorBrewer YlOrRd, 5 classes, light to dark: low … very high.
LEVEL_FILLS = {"low": "#FFFFB2", "medium_low": "#FECC5C", "medium": "#FD8D3C", "high": "#F03B20",
               "very_high": "#BD0026"}
assert tuple(LEVEL_FILLS) == LEVELS

CELL_ROLE = Qt.ItemDataRole.UserRole + 1         # the Cell (synthetic for a margin cell)
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2        # "low" … "very_high", or None
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3        # float or None
KIND_ROLE = Qt.ItemDataRole.UserRole + 4         # "cell" | "stage" | "dimension" | "stream" | "name"
OVERRIDE_ROLE = Qt.ItemDataRole.UserRole + 5     # True: the analyst's score
JUDGEMENT_ROLE = Qt.ItemDataRole.UserRole + 6    # True: needs judgement (no score, "?")
WEAKEST_ROLE = Qt.ItemDataRole.UserRole + 7      # True: the weakest link (grid) / the weakest stage (overview)
MINERAL_ROLE = Qt.ItemDataRole.UserRole + 8      # the overview row's mineral id


def level_fill(level: str | None) -> QColor | None:
    return QColor(LEVEL_FILLS[level]) if level in LEVEL_FILLS else None


def ink_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill`` (the larger WCAG 2 contrast ratio)."""
    lum = luminance(fill)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return QColor("#000000") if on_black >= on_white else QColor("#FFFFFF")


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def aggregate_cell(grid: Grid, stage: str, dimension: str, rule: str) -> Cell:
    """A margin cell as a Cell: ``stage`` "" = a dimension's aggregate over the stages, ``dimension`` "" =
    a stage's aggregate over the dimensions, both "" = the stream's; ``inputs`` are what it aggregates."""
    if stage and not dimension:
        score = grid.stage_scores.get(stage)
        inputs = {d: grid.cells[(stage, d)].score for d in grid.dimensions if (stage, d) in grid.cells}
    elif dimension and not stage:
        score = grid.dimension_scores.get(dimension)
        inputs = {s: grid.cells[(s, dimension)].score for s in grid.stages if (s, dimension) in grid.cells}
    else:
        score = grid.score
        inputs = {s: grid.stage_scores.get(s) for s in grid.stages}
    return Cell(stream=grid.stream, stage=stage, dimension=dimension, score=score, level=level_of(score),
                origin=f"aggregate:{rule}", computed=score, rule=rule, inputs=inputs)


def cell_name(cell: Cell) -> str:
    """"Mining × Political", "Mining (overall)", "Political (overall)", "Primary chain (overall)"."""
    if cell.stage and cell.dimension:
        return QCoreApplication.translate("MatrixModel", "%1 × %2").replace(
            "%1", stage_title(cell.stage)).replace("%2", dimension_title(cell.dimension))
    what = stage_title(cell.stage) if cell.stage else (
        dimension_title(cell.dimension) if cell.dimension else stream_title(cell.stream))
    return QCoreApplication.translate("MatrixModel", "%1 (overall)").replace("%1", what)


def cell_tip(cell: Cell, weakest: bool = False, editable: bool = False) -> str:
    """The tooltip of a grid cell: name, score and level, origin, the computed value beside an override,
    the note, and what a double-click does."""
    locale = QLocale()
    if cell.score is None and cell.origin == NEEDS_JUDGEMENT:
        head = QCoreApplication.translate("MatrixModel", "%1: needs judgement").replace("%1", cell_name(cell))
    else:
        head = QCoreApplication.translate("MatrixModel", "%1: %2, %3").replace("%1", cell_name(cell)).replace(
            "%2", score_text(cell.score, locale)).replace("%3", level_title(cell.level))
    lines = [head, origin_title(cell.origin)]
    formula = rule_formula(cell.rule, ui_language()) if not cell.origin.startswith("aggregate:") else ""
    if formula and cell.computed is not None:
        lines.append(formula)
    if cell.origin == ANALYST:
        if cell.computed is not None:
            lines.append(QCoreApplication.translate("MatrixModel", "Computed value: %1 (%2)").replace(
                "%1", score_text(cell.computed, locale)).replace("%2", level_title(level_of(cell.computed))))
        else:
            lines.append(QCoreApplication.translate("MatrixModel", "No rule fills this cell from the data."))
    note = shown_note(cell, ui_language())
    if note:
        lines.append(QCoreApplication.translate("MatrixModel", "Note: %1").replace("%1", _short(note)))
    if weakest:
        lines.append(QCoreApplication.translate("MatrixModel", "The weakest link of the whole chain"))
    if editable:
        lines.append(QCoreApplication.translate("MatrixModel", "Double-click or press Enter to edit"))
    return "\n".join(lines)


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _margin(cell: Cell) -> bool:
    """A margin cell: a stage's, a dimension's or the stream's aggregate."""
    return not (cell.stage and cell.dimension)


def _judgement(cell: Cell) -> bool:
    """A grid cell without a score: it needs the analyst's judgement."""
    return cell.score is None and not _margin(cell)


def _kind(cell: Cell) -> str:
    """KIND_ROLE of a grid's cell: "cell", or which aggregate a margin cell is."""
    if not cell.dimension:
        return "stage" if cell.stage else "stream"
    return "cell" if cell.stage else "dimension"


def _score_data(role: int, score, level: str | None, bold: bool):
    """The roles a score cell answers alike in the grids and the list overview: the number, its level, the
    level's fill and ink, centred, bold for an aggregate."""
    if role in (Qt.ItemDataRole.EditRole, SCORE_ROLE):
        return score                     # a plain number for Ctrl+C into Excel
    if role == LEVEL_ROLE:
        return level
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
        fill = level_fill(level)
        if fill is None:
            return None
        return QBrush(fill if role == Qt.ItemDataRole.BackgroundRole else ink_on(fill))
    if role == Qt.ItemDataRole.FontRole and bold:
        font = QFont()
        font.setBold(True)
        return font
    return None


class MatrixModel(OneCallPerCell, QAbstractTableModel):
    """One stream's grid of a Matrix; see the module docstring."""

    def __init__(self, stream: str, parent=None) -> None:
        super().__init__(parent)
        self.stream = stream
        self.matrix: Matrix | None = None
        self.editable = False          # whether a double-click edits (a project is open): said in the tooltips

    # -- content -----------------------------------------------------------------------------------
    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def grid(self) -> Grid | None:
        return self.matrix.grid(self.stream) if self.matrix is not None else None

    def key(self, index: _Index) -> tuple[str, str]:
        """(stage, dimension) of ``index``; "" for the margin row's stage or the margin column's dimension."""
        grid = self.grid()
        if grid is None or not index.isValid():
            return "", ""
        stage = grid.stages[index.row()] if index.row() < len(grid.stages) else ""
        dimension = grid.dimensions[index.column()] if index.column() < len(grid.dimensions) else ""
        return stage, dimension

    def cell(self, index: _Index) -> Cell | None:
        grid = self.grid()
        if grid is None or not index.isValid():
            return None
        stage, dimension = self.key(index)
        if stage and dimension:
            return grid.cells.get((stage, dimension))
        return aggregate_cell(grid, stage, dimension, self.matrix.rule)

    def index_of(self, stage: str, dimension: str) -> QModelIndex:
        grid = self.grid()
        if grid is None:
            return QModelIndex()
        row = grid.stages.index(stage) if stage in grid.stages else len(grid.stages)
        col = grid.dimensions.index(dimension) if dimension in grid.dimensions else len(grid.dimensions)
        return self.index(row, col)

    def is_weakest(self, cell: Cell | None) -> bool:
        weakest = self.matrix.weakest if self.matrix is not None else None
        return (cell is not None and weakest is not None and cell.stage and cell.dimension
                and (weakest.stream, weakest.stage, weakest.dimension) == (cell.stream, cell.stage, cell.dimension))

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        grid = self.grid()
        return 0 if parent.isValid() or grid is None else len(grid.stages) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        grid = self.grid()
        return 0 if parent.isValid() or grid is None else len(grid.dimensions) + 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        if cell is None:
            return None
        margin = _margin(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            return "?" if _judgement(cell) else score_text(cell.score)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tip(cell, self.is_weakest(cell), self.editable and not margin)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell_tip(cell, self.is_weakest(cell)).replace("\n", ". ")
        if role == CELL_ROLE:
            return cell
        if role == KIND_ROLE:
            return _kind(cell)
        if role == OVERRIDE_ROLE:
            return cell.origin == ANALYST
        if role == JUDGEMENT_ROLE:
            return _judgement(cell)
        if role == WEAKEST_ROLE:
            return bool(self.is_weakest(cell))
        return _score_data(role, cell.score, cell.level, margin)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        grid = self.grid()
        if grid is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        names = grid.dimensions if orientation == Qt.Orientation.Horizontal else grid.stages
        if not 0 <= section <= len(names):
            return None
        if section == len(names):
            if role == Qt.ItemDataRole.DisplayRole:
                return overall_title()
            if orientation == Qt.Orientation.Horizontal:
                return QCoreApplication.translate("MatrixModel", "Each stage's aggregate over the dimensions")
            return QCoreApplication.translate("MatrixModel", "Each dimension's aggregate over the stages")
        name = names[section]
        if orientation == Qt.Orientation.Horizontal:
            return dimension_title(name) if role == Qt.ItemDataRole.DisplayRole else dimension_tip(self.stream, name)
        return stage_title(name) if role == Qt.ItemDataRole.DisplayRole else stage_tip(name)


# -- the list overview ------------------------------------------------------------------------------------
@dataclass
class HeatRow:
    """One mineral of the list overview: per stage the score over both streams' cells, and the chain's."""
    mineral: str
    stages: dict = field(default_factory=dict)       # stage -> score | None
    streams: dict = field(default_factory=dict)      # stage -> {stream: score | None}
    chain: float | None = None
    weakest: str | None = None                       # the stage with the highest score
    name: str = ""


def heat_rows(frame, minerals: list[str] | None, rule: str = "max") -> list[HeatRow]:
    """The list overview's rows from ``matrix_table`` (one year): per mineral, each stage's aggregate over both
    streams' cells (the table's ``chain`` row of the stage; without one, the two stream aggregates combined by
    the rule: the higher for the weakest link, their mean for the weighted mean) and the whole chain's score.
    On the worker."""
    if frame is None or len(frame) == 0:
        return []
    import pandas as pd

    def score(value):
        return None if value is None or pd.isna(value) else float(value)

    agg = frame[(frame["dimension"] == "") & (frame["stage"] != "")]
    chain = frame[(frame["stream"] == "chain") & (frame["stage"] == "") & (frame["dimension"] == "")]
    wanted = list(minerals) if minerals is not None else list(pd.unique(frame["mineral"]))
    rows = []
    by_mineral = {m: g for m, g in agg.groupby("mineral", sort=False)}
    chain_of = {m: score(v) for m, v in zip(chain["mineral"], chain["score"])}
    for mineral in wanted:
        part = by_mineral.get(mineral)
        if part is None and mineral not in chain_of:
            continue
        row = HeatRow(mineral, chain=chain_of.get(mineral))
        for stage in STAGES:
            streams = {} if part is None else {str(s): score(v) for s, v in zip(
                part.loc[part["stage"] == stage, "stream"], part.loc[part["stage"] == stage, "score"])}
            whole = streams.pop("chain", None)
            row.streams[stage] = streams
            known = [v for v in streams.values() if v is not None]
            if whole is not None:
                row.stages[stage] = whole
            elif not known:
                row.stages[stage] = None
            else:
                row.stages[stage] = max(known) if rule == "max" else sum(known) / len(known)
        scored = [(v, s) for s, v in row.stages.items() if v is not None]
        row.weakest = max(scored, key=lambda x: x[0])[1] if scored else None
        rows.append(row)
    return rows


class HeatmapModel(OneCallPerCell, QAbstractTableModel):
    """Mineral × (four stages + whole chain) of the selected list; see the module docstring."""

    COLUMNS = ("mineral", *STAGES, "chain")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[HeatRow] = []

    def set_rows(self, rows: list[HeatRow], registry=None, lang: str = "en") -> None:
        self.beginResetModel()
        for row in rows:
            row.name = registry.mineral_name(row.mineral, lang) if registry is not None else row.mineral
        self.rows = list(rows)
        self.endResetModel()

    def find(self, mineral: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.mineral == mineral), -1)

    def mineral(self, row: int) -> str | None:
        return self.rows[row].mineral if 0 <= row < len(self.rows) else None

    def score(self, row: HeatRow, column: int) -> float | None:
        name = self.COLUMNS[column]
        return row.chain if name == "chain" else row.stages.get(name)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        name = self.COLUMNS[column]
        if role == MINERAL_ROLE:
            return row.mineral
        if name == "mineral":
            return self._mineral_data(row, role)
        score = self.score(row, column)
        level = level_of(score)
        if role == Qt.ItemDataRole.DisplayRole:
            return score_text(score)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tip(row, name, score, level, role == Qt.ItemDataRole.ToolTipRole)
        if role == KIND_ROLE:
            return "stream" if name == "chain" else "cell"
        if role == WEAKEST_ROLE:
            return name == row.weakest
        if role in (OVERRIDE_ROLE, JUDGEMENT_ROLE):
            return False
        return _score_data(role, score, level, name == "chain")

    def _mineral_data(self, row: HeatRow, role: int):
        """The mineral column: the mineral's name."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.name or row.mineral
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("MatrixModel", "Click to open %1 in the grids").replace(
                "%1", row.name or row.mineral)
        if role == KIND_ROLE:
            return "name"
        return None

    def _tip(self, row: HeatRow, name: str, score, level, tip: str) -> str:
        locale = QLocale()
        what = stream_title("chain") if name == "chain" else stage_title(name)
        lines = [QCoreApplication.translate("MatrixModel", "%1, %2: %3 (%4)").replace("%1", row.name or row.mineral)
                 .replace("%2", what).replace("%3", score_text(score, locale)).replace("%4", level_title(level))]
        for stream, value in row.streams.get(name, {}).items():
            lines.append(QCoreApplication.translate("MatrixModel", "%1: %2").replace("%1", stream_title(stream))
                         .replace("%2", score_text(value, locale)))
        if name == row.weakest:
            lines.append(QCoreApplication.translate("MatrixModel", "The weakest stage of this mineral"))
        if tip:
            lines.append(QCoreApplication.translate("MatrixModel", "Click to open %1 in the grids").replace(
                "%1", row.name or row.mineral))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        name = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "mineral":
                return QCoreApplication.translate("MatrixModel", "Mineral")
            return stream_title("chain") if name == "chain" else stage_title(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "mineral":
                return QCoreApplication.translate("MatrixModel", "Click a row to open the mineral in the grids")
            if name == "chain":
                return QCoreApplication.translate("MatrixModel", "The aggregate of every cell of both chains")
            return QCoreApplication.translate("MatrixModel", "%1: the aggregate of both chains' cells at this stage"
                                              ).replace("%1", stage_title(name))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By name, or by score with the rows without one last in either order."""
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self.rows)
        reverse = order == Qt.SortOrder.DescendingOrder
        if column == 0:
            from desktop.ui.collation import sort_names

            order_of = sort_names([r.name or r.mineral for r in self.rows])
            ordered = [self.rows[i] for i in order_of]
            self.rows = ordered[::-1] if reverse else ordered
        else:
            known = [r for r in self.rows if self.score(r, column) is not None]
            unknown = [r for r in self.rows if self.score(r, column) is None]
            known.sort(key=lambda r: self.score(r, column), reverse=reverse)
            self.rows = known + unknown
        position = {id(r): i for i, r in enumerate(self.rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(position[id(before[i.row()])], i.column()) for i in old])
        self.layoutChanged.emit()
