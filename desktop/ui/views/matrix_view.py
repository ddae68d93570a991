"""The Risk Matrix (风险矩阵): the dual-chain grids of one mineral and year, and the list's overview heat map.

Top, the choices: mineral, year (a slider, to watch the matrix change), aggregation rule, Edit Cell…
and Export….  Centre, the primary (原生资源链) and recycled (再生资源链) grids side by side — one above
the other when the window is too narrow for both, so no header is ever cut: rows the four chain stages
and an "Overall" margin row, columns the stream's dimensions and an "Overall" margin column.  Each cell
is filled by its level (:data:`~desktop.ui.models.matrix_model.LEVEL_FILLS`), prints its score, and
carries a corner marker when the analyst overrode it; a cell no rule could fill is hatched with a "?"
(never a silent 0); the weakest link of the whole chain is outlined.  Below, the list overview, one row
per mineral of the selected list: each stage's score over both chains and the whole chain's, in the same
colours, the weakest stage outlined; a click opens that mineral in the grids.

Matrices are built on the worker (``build_matrix`` / ``matrix_table`` of :mod:`desktop.core.chain.matrix`,
imported there, so the window starts without pandas).  An override or a revert is one undoable step
that upserts or removes one ``chain_risk`` row; the recompute that follows redraws the view.  Details
renders :func:`cell_html` for the cell :attr:`MatrixView.sig_cell_selected` names.
"""
from __future__ import annotations

import html
import math
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QItemSelectionModel, QLocale, QModelIndex, QPoint, QRect, QSize, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap, QPolygon
from PySide6.QtWidgets import (QAbstractItemView, QBoxLayout, QComboBox, QFileDialog, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QLayout, QScrollArea, QSizePolicy, QSlider, QSplitter, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QToolButton, QVBoxLayout, QWidget)

from desktop.core.chain.model import ANALYST, NEEDS_JUDGEMENT, Cell, Matrix
from desktop.ui.language import ui_language
from desktop.ui.matrix_titles import (
    cutoffs, dimension_title, level_of, level_title, origin_title, overall_title, range_text, rule_choice,
    rule_formula, rule_tip, rule_title, score_text, shown_note, stage_title, stream_title,
)
from desktop.ui.models.matrix_model import (
    JUDGEMENT_ROLE, KIND_ROLE, LEVEL_FILLS, LEVEL_ROLE, OVERRIDE_ROLE, WEAKEST_ROLE, HeatmapModel, HeatRow,
    MatrixModel, cell_name, cell_tip, ink_on, level_fill,
)
from desktop.ui.palette import blend
from desktop.ui.views.results_pane import ResultsPane
from desktop.ui.widgets.table_view import ExcelTableView

STREAMS = ("primary", "recycled")
RULES = ("max", "weighted_mean")
CAP = 2.2            # a column grows to at most this many times its minimum width when there is room


# -- painting a cell ----------------------------------------------------------------------------------
def paint_cell(painter: QPainter, rect: QRect, palette: QPalette, font: QFont, *, text: str,
               level: str | None = None, judgement: bool = False, override: bool = False, weakest: bool = False,
               kind: str = "cell", selected: bool = False) -> None:
    """One matrix cell: the level's fill (or the hatched "needs judgement" look), the score in black or
    white — whichever reads on the fill —, the override corner, the weakest-link outline, the margin
    separators, the selection frame.  The grids, the overview and the legend all paint through here."""
    painter.save()
    base, ink_default = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    fill = level_fill(level)
    if fill is not None:
        painter.fillRect(rect, fill)
        ink = ink_on(fill)
    else:
        painter.fillRect(rect, base)
        ink = ink_default
    if judgement:
        painter.fillRect(rect, QBrush(blend(base, ink_default, 0.3), Qt.BrushStyle.BDiagPattern))
        pen = QPen(blend(base, ink_default, 0.5), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(2, 2, -3, -3))
    separator = QPen(blend(base, ink_default, 0.55), 2)
    painter.setPen(separator)
    if kind in ("stage", "stream"):
        painter.drawLine(rect.left() + 1, rect.top(), rect.left() + 1, rect.bottom())
    if kind in ("dimension", "stream"):
        painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
    if text:
        bold = QFont(font)
        bold.setBold(kind != "cell" or judgement)
        painter.setFont(bold)
        if judgement:            # a plate of the base colour behind the "?": readable over the hatching
            metrics = QFontMetrics(bold)
            side = metrics.height() + 2
            plate = QRect(0, 0, side, side)
            plate.moveCenter(rect.center())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(base)
            painter.drawEllipse(plate)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    if selected:
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    if override:
        size = max(7, min(rect.height(), rect.width()) // 3)
        corner = QPolygon([QPoint(rect.left(), rect.top()), QPoint(rect.left() + size, rect.top()),
                           QPoint(rect.left(), rect.top() + size)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPolygon(corner)
    if weakest:
        pen = QPen(ink, 3)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(3, 3, -4, -4))
    painter.restore()


class MatrixDelegate(QStyledItemDelegate):
    """Paints matrix and overview cells with :func:`paint_cell`; ``plain`` leaves out the selection (export)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plain = False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind == "name":
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected) and not self.plain
        paint_cell(painter, option.rect, option.palette, option.font, text=index.data() or "",
                   level=index.data(LEVEL_ROLE), judgement=bool(index.data(JUDGEMENT_ROLE)),
                   override=bool(index.data(OVERRIDE_ROLE)), weakest=bool(index.data(WEAKEST_ROLE)),
                   kind=kind or "cell", selected=selected)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(KIND_ROLE) == "name":
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance("0.00") + 28, metrics.height() + 16)


# -- a grid ------------------------------------------------------------------------------------------------
class GridTable(ExcelTableView):
    """A grid sized to its content: never a scroll bar, never a cut header.

    Each column is at least as wide as its header's longest word (headers wrap between words) and its
    score; spare width is shared out so the columns even up, to at most :data:`CAP` times their minimum.
    Double-click, Enter, Return or F2 asks to edit the cell (``sig_edit``); Ctrl+C copies the scores
    as Excel reads them."""

    sig_edit = Signal(QModelIndex)

    def __init__(self, model, delegate: MatrixDelegate, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setSortingEnabled(False)
        self.setAlternatingRowColors(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)))
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setSectionsClickable(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 16)
        rows.setSectionsClickable(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._mins: list[int] = []
        model.modelReset.connect(self.fit)
        self.fit()

    # -- size ----------------------------------------------------------------------------------------
    def fit(self) -> None:
        """Measure the minimum column widths again (a new matrix, another language or font)."""
        model = self.model()
        metrics = QFontMetrics(self.horizontalHeader().font())
        bold = QFont(self.font())
        bold.setBold(True)
        score = QFontMetrics(bold).horizontalAdvance(score_text(0.88)) + 28
        self._mins = []
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            words = title.split() or [""]
            self._mins.append(max(score, max(metrics.horizontalAdvance(w) for w in words) + 16))
        self.verticalHeader().setMinimumWidth(self.verticalHeader().sizeHint().width() + 14)
        self.setMaximumWidth(self.widest())
        self._spread()
        self.updateGeometry()

    def _rows_width(self) -> int:
        rows = self.verticalHeader()          # QTableView gives the row headers the larger of the two
        return max(rows.minimumWidth(), rows.sizeHint().width()) + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._rows_width() + sum(self._mins), self._height())

    def widest(self) -> int:
        """The width past which the columns stop growing (the table is no wider: no blank strip)."""
        return self._rows_width() + sum(max(m, int(m * CAP)) for m in self._mins)

    def sizeHint(self) -> QSize:
        return QSize(self._rows_width() + int(sum(self._mins) * 1.3), self._height())

    def _height(self) -> int:
        rows = self.model().rowCount() * self.verticalHeader().defaultSectionSize()
        return self.horizontalHeader().minimumHeight() + rows + 2 * self.frameWidth()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._spread()

    def _spread(self) -> None:
        if not self._mins:
            return
        widths = _even_out(self._mins, self.width() - self._rows_width())
        header = self.horizontalHeader()
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        metrics = QFontMetrics(header.font())
        height = metrics.height() + 10
        for column, width in enumerate(widths):
            title = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
            box = metrics.boundingRect(QRect(0, 0, width - 8, 1000),
                                       int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), title)
            height = max(height, box.height() + 10)
        if header.minimumHeight() != height:
            header.setMinimumHeight(height)
            self.updateGeometries()
        if self.height() != self._height():
            self.setFixedHeight(self._height())

    # -- keys and clicks -------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self.currentIndex().isValid():
            self.sig_edit.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.sig_edit.emit(index)
            return
        super().mouseDoubleClickEvent(event)


def _even_out(mins: list[int], available: int) -> list[int]:
    """Column widths filling ``available``: each column at least its minimum and at most ``CAP`` × it, the
    spare width going to the narrowest first so that the columns even up (water-filling)."""
    caps = [max(m, int(m * CAP)) for m in mins]

    def total(level: int) -> int:
        return sum(min(max(level, m), c) for m, c in zip(mins, caps))

    if available <= sum(mins):
        return list(mins)
    low, high = 0, max(caps)
    while low < high:                       # the highest level whose widths still fit
        mid = (low + high + 1) // 2
        low, high = (mid, high) if total(mid) <= available else (low, mid - 1)
    widths = [min(max(low, m), c) for m, c in zip(mins, caps)]
    spare = available - sum(widths)
    for i in range(len(widths)):            # the last pixels, one each, to columns still below their cap
        if spare <= 0:
            break
        if widths[i] < caps[i] and widths[i] == max(low, mins[i]):
            widths[i] += 1
            spare -= 1
    return widths


class GridBox(QWidget):
    """A grid with its title ("Primary chain")."""

    def __init__(self, stream: str, delegate: MatrixDelegate, parent=None) -> None:
        super().__init__(parent)
        self.stream = stream
        self.title = QLabel(stream_title(stream), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(stream_title(stream))
        self.model = MatrixModel(stream, self)
        self.table = GridTable(self.model, delegate, self)
        self.table.setObjectName(f"matrix_{stream}")
        self.table.setAccessibleName(QCoreApplication.translate("MatrixView", "%1 grid").replace(
            "%1", stream_title(stream)))
        self.table.setToolTip("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addStretch(1)


# -- the legend ----------------------------------------------------------------------------------------------
class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the row is full (Qt's flow-layout example):
    the legend stays whole in a narrow window."""

    def __init__(self, parent=None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():               # a hidden widget takes no place
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing // 2, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class Legend(QWidget):
    """The five levels with their cut-offs, and the three markers (needs judgement, override, weakest link)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("MatrixView", "Legend"))
        self.flow = FlowLayout(self)
        self.items: list[QWidget] = []       # built with the first matrix: the cut-offs are the core's

    def rebuild(self) -> None:
        for item in self.items:
            self.flow.removeWidget(item)
            item.deleteLater()
        self.items = []
        locale = QLocale()
        for level, low, high in cutoffs():
            words = QCoreApplication.translate("MatrixView", "%1 (%2–%3)").replace("%1", level_title(level)) \
                .replace("%2", score_text(low, locale)).replace("%3", score_text(high, locale))
            self._add(words, range_text(level), text=score_text((low + high) / 2, locale), level=level)
        self._add(QCoreApplication.translate("MatrixView", "Needs judgement"),
                  QCoreApplication.translate("MatrixView", "No rule could fill the cell from the data: "
                                                           "double-click it to give your score"),
                  text="?", judgement=True)
        self._add(QCoreApplication.translate("MatrixView", "Analyst's score"),
                  QCoreApplication.translate("MatrixView", "The corner mark: an analyst overrode the computed "
                                                           "value (kept in Details)"),
                  text="", level="medium_low", override=True)
        self._add(QCoreApplication.translate("MatrixView", "Weakest link"),
                  QCoreApplication.translate("MatrixView", "The outline: the riskiest cell of both chains"),
                  text="", level="high", weakest=True)

    def _add(self, words: str, tip: str, **look) -> None:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        metrics = self.fontMetrics()
        size = QSize(metrics.horizontalAdvance("0.00") + 18, metrics.height() + 8)
        swatch = QLabel(box)
        swatch.setPixmap(self._swatch(size, **look))
        swatch.setFixedSize(size)
        label = QLabel(words, box)
        row.addWidget(swatch)
        row.addWidget(label)
        box.setToolTip(tip)
        box.setAccessibleName(words)
        box.setAccessibleDescription(tip)
        self.flow.addWidget(box)
        self.items.append(box)

    def _swatch(self, size: QSize, **look) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            palette = self.palette()
            paint_cell(painter, QRect(QPoint(0, 0), size), palette, self.font(), **look)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawRect(QRect(QPoint(0, 0), size).adjusted(0, 0, -1, -1))
        finally:
            painter.end()
        return pixmap

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self.items:
            self.rebuild()


class GridsPanel(QWidget):
    """What is exported as a picture: the heading, the two grids and the legend.  The grids sit side by
    side when both fit the width, one above the other otherwise (the switch only depends on the width,
    so it cannot oscillate)."""

    def __init__(self, delegate: MatrixDelegate, parent=None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setAccessibleName(QCoreApplication.translate("MatrixView", "Matrix title"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(QCoreApplication.translate("MatrixView", "Weakest link"))
        self.summary.setToolTip(QCoreApplication.translate("MatrixView", "The riskiest cell of both chains and the "
                                                                         "whole chain's aggregate"))
        self.boxes = {s: GridBox(s, delegate, self) for s in STREAMS}
        self.grids = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.grids.setSpacing(18)
        self.grids.addWidget(self.boxes["primary"], 6)
        self.grids.addWidget(self.boxes["recycled"], 7)
        self.legend = Legend(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(self.grids)
        layout.addWidget(self.legend)
        layout.addStretch(1)

    def side_by_side_width(self) -> int:
        margins = self.layout().contentsMargins()
        return (sum(box.table.minimumSizeHint().width() for box in self.boxes.values()) + self.grids.spacing()
                + margins.left() + margins.right())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.arrange(event.size().width())

    def arrange(self, width: int) -> None:
        wide = width >= self.side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.grids.direction() != direction:
            self.grids.setDirection(direction)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.layout().contentsMargins()
        narrowest = max(box.table.minimumSizeHint().width() for box in self.boxes.values())
        return QSize(narrowest + margins.left() + margins.right(), hint.height())


# -- the view ----------------------------------------------------------------------------------------------------
class MatrixView(ResultsPane):
    sig_mineral_selected = Signal(str)
    sig_cell_selected = Signal(object)        # {"kind": "matrix", "cell": Cell, "mineral": id, "year": int}
    sig_year_changed = Signal(int)            # the analyst moved the year slider
    sig_exported = Signal(str)                # the path of a file written by Export…

    def __init__(self, document, runner, parent=None) -> None:
        super().__init__(runner, parent)
        self.document = document
        self.dataset = None
        self.minerals: list[str] | None = None     # the selected list (None: every mineral with a matrix)
        self.list_name: str | None = None
        self.mineral: str | None = None
        self.year: int | None = None
        self.years: list[int] = []
        self._years_given = False
        self.matrix: Matrix | None = None
        self.heat: list[HeatRow] = []
        self._selecting = False
        self._dialog = None
        self._wanted_cell: tuple[str, str, str] | None = None

        self.delegate = MatrixDelegate(self)
        self._build_controls()
        self.panel = GridsPanel(self.delegate, self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.panel)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName(self.tr("Risk matrix grids"))
        for box in self.panel.boxes.values():
            table = box.table
            table.selectionModel().currentChanged.connect(
                lambda current, _previous, s=box.stream: self._cell_changed(s, current))
            table.sig_edit.connect(lambda index, s=box.stream: self.edit_cell_at(s, index))
        self.panel.summary.linkActivated.connect(lambda _link: self.select_weakest())

        self.heat_title = QLabel(self)
        font = self.heat_title.font()
        font.setBold(True)
        self.heat_title.setFont(font)
        self.heat_title.setAccessibleName(self.tr("List overview title"))
        self.heat_model = HeatmapModel(self)
        self.heat_table = ExcelTableView(self)
        self.heat_table.setObjectName("matrix_overview")
        self.heat_table.setModel(self.heat_model)
        self.heat_table.setItemDelegate(self.delegate)
        self.heat_table.setAlternatingRowColors(False)
        self.heat_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heat_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.heat_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heat_table.setAccessibleName(self.tr("List overview heat map"))
        self.heat_table.setToolTip(self.tr("Each mineral's risk at each chain stage over both chains; click a row "
                                           "to open the mineral in the grids"))
        self.heat_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.heat_table.verticalHeader().hide()
        self.heat_table.horizontalHeader().setStretchLastSection(False)
        self.heat_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)    # by name, A to Z
        self.heat_table.selectionModel().currentRowChanged.connect(self._heat_row_changed)
        self.heat_table.clicked.connect(lambda index: self._heat_row_changed(index, QModelIndex()))
        heat_box = QWidget(self)
        heat_layout = QVBoxLayout(heat_box)
        heat_layout.setContentsMargins(0, 4, 0, 0)
        heat_layout.addWidget(self.heat_title)
        heat_layout.addWidget(self.heat_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(heat_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setAccessibleName(self.tr("Grids and overview"))
        self._sized_by_hand = self._sharing = False
        self._share_timer = QTimer(self)
        self._share_timer.setSingleShot(True)
        self._share_timer.setInterval(0)
        self._share_timer.timeout.connect(self._share_height)
        self.splitter.splitterMoved.connect(self._divider_moved)

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Matrix note"))
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.head)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)

        self._year_timer = QTimer(self)
        self._year_timer.setSingleShot(True)
        self._year_timer.setInterval(60)           # sliding across ten years is one rebuild per pause, not ten
        self._year_timer.timeout.connect(self._year_settled)
        self.show_matrix(None)
        self._update_actions()

    def _build_controls(self) -> None:
        self.mineral_combo = QComboBox(self)
        self.mineral_combo.setAccessibleName(self.tr("Mineral"))
        self.mineral_combo.setToolTip(self.tr("The mineral whose two chains are shown"))
        self.mineral_combo.setMinimumContentsLength(9)
        self.mineral_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)   # a name is never cut
        self.mineral_combo.activated.connect(self._mineral_chosen)
        self.year_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.year_slider.setAccessibleName(self.tr("Year"))
        self.year_slider.setToolTip(self.tr("Slide to watch the matrix change over the years"))
        self.year_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.year_slider.setPageStep(1)
        self.year_slider.setMinimumWidth(90)
        self.year_slider.valueChanged.connect(self._year_slid)
        self.year_label = QLabel(self)
        self.year_label.setAccessibleName(self.tr("Year shown"))
        self.year_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000") + 6)
        self.rule_combo = QComboBox(self)
        self.rule_combo.setAccessibleName(self.tr("Aggregation rule"))
        self.rule_combo.setToolTip(self.tr("How the cells of a stage, a stream and the whole chain are combined"))
        for rule in RULES:
            self.rule_combo.addItem(rule_choice(rule), rule)
            self.rule_combo.setItemData(self.rule_combo.count() - 1, rule_tip(rule), Qt.ItemDataRole.ToolTipRole)
        self.rule_combo.activated.connect(lambda _i: self._rule_chosen())
        self.weights: dict[str, float] = {}          # {dimension: weight} of the weighted mean (missing = 1)
        self.weights_button = QToolButton(self)
        self.weights_button.setText(self.tr("Weights…"))
        self.weights_button.setAccessibleName(self.tr("Weights of the dimensions"))
        self.weights_button.setToolTip(self.tr("The weight of each dimension in the weighted mean (0 leaves a "
                                               "dimension out)"))
        self.weights_button.clicked.connect(self.edit_weights)
        self.weights_button.setEnabled(False)
        self.edit_button = QToolButton(self)
        self.edit_button.setText(self.tr("Edit Cell…"))
        self.edit_button.setAccessibleName(self.tr("Edit Cell"))
        self.edit_button.setToolTip(self.tr("Give the selected cell your own score and note (double-click or "
                                            "Enter does the same)"))
        self.edit_button.clicked.connect(self.edit_current)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the risk matrix"))
        self.export_button.setToolTip(self.tr("Save the grids as a PNG image or SVG drawing, or as an Excel sheet "
                                              "with the levels as fills and the notes as comments"))
        self.export_button.clicked.connect(self.export)
        # groups that wrap onto a second line as a whole when the window is narrow
        self.head = FlowLayout(spacing=14)
        groups = ((self.tr("&Mineral:"), self.mineral_combo, None), (self.tr("&Year:"), self.year_slider,
                                                                     self.year_label),
                  (self.tr("&Aggregation:"), self.rule_combo, self.weights_button),
                  (None, self.edit_button, self.export_button))
        for text, first, second in groups:
            group = QWidget(self)
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 0, 0)
            if text:
                label = QLabel(text, group)
                label.setBuddy(first)
                row.addWidget(label)
            for widget in (first, second):
                if widget is not None:
                    widget.setParent(group)
                    row.addWidget(widget)
            self.head.addWidget(group)
        self.head.addWidget(self.stale)

    # -- inputs (the lead's wiring) -----------------------------------------------------------------------
    def set_registry(self, registry) -> None:
        self.registry = registry
        self._fill_minerals()
        if self.heat:
            self.show_overview(self.heat)
        self._show_heading()

    def set_selection(self, minerals: list[str] | None, list_name: str | None = None) -> None:
        """The Minerals dock's list: the mineral chooser and the overview show its minerals."""
        self.minerals, self.list_name = (list(minerals) if minerals is not None else None), list_name
        self._fill_minerals()
        self.refresh(matrix=False)

    def set_country(self, country: str | None) -> None:
        if country != self.country:
            self.country = country
            self.refresh()

    def set_years(self, years: list[int]) -> None:
        """The years the slider offers (ascending); the year shown stays when it is one of them."""
        self._years_given = True
        self._set_years(years)

    def set_year(self, year: int | None) -> None:
        """Show ``year`` (the toolbar's year changed); does not emit ``sig_year_changed``."""
        if year is None or year == self.year:
            return
        self.year = int(year)
        self._move_slider()
        self.refresh()

    def _rule_chosen(self) -> None:
        self.weights_button.setEnabled(self.rule() == "weighted_mean")
        self.refresh()

    def edit_weights(self) -> None:
        """Weights…: one spin box per dimension of both chains; OK recomputes the aggregates."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout

        from desktop.core.chain.matrix import ALL_DIMENSIONS

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Weights of the Dimensions"))
        form = QFormLayout(dialog)
        spins = {}
        for dimension in ALL_DIMENSIONS:
            spin = QDoubleSpinBox(dialog)
            spin.setRange(0.0, 10.0)
            spin.setSingleStep(0.5)
            spin.setDecimals(2)
            spin.setValue(float(self.weights.get(dimension, 1.0)))
            spin.setAccessibleName(dimension_title(dimension))
            form.addRow(dimension_title(dimension), spin)
            spins[dimension] = spin
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        self.weights_dialog = dialog

        def accepted() -> None:
            self.set_weights({d: spin.value() for d, spin in spins.items()})

        dialog.accepted.connect(accepted)
        dialog.open()

    def set_weights(self, weights: dict[str, float]) -> None:
        """The weighted mean's weights ({dimension: weight}; a missing one is 1); recomputes when in use."""
        self.weights = {d: float(w) for d, w in weights.items()}
        if self.rule() == "weighted_mean":
            self.refresh()

    def set_rule(self, rule: str) -> None:
        self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(rule), 0))
        self.weights_button.setEnabled(self.rule() == "weighted_mean")
        self.refresh()

    def rule(self) -> str:
        return self.rule_combo.currentData() or "max"

    def show_results(self, results, dataset=None, year: int | None = None) -> None:
        """New results (and, when given, the year to show with them: set here, so that the matrix is computed
        once, on these results)."""
        self.results, self.dataset = results, dataset
        if year is not None and year != self.year:
            self.year = int(year)
            self._move_slider()
        if results is None:
            self.heat = []
            self.heat_model.set_rows([])
            self.show_matrix(None)
        self.refresh()

    def select_mineral(self, mineral: str) -> None:
        """Show ``mineral`` (the shared selection changed elsewhere); does not emit ``sig_mineral_selected``."""
        if not mineral:
            return
        self._select_heat_row(mineral)
        if mineral != self.mineral:
            self.mineral = mineral
            self._fill_minerals()
            self.refresh(overview=False)

    # -- building (on the worker) -------------------------------------------------------------------------
    def redraw(self, matrix: bool = True, overview: bool = True) -> None:
        """Rebuild the overview and the grids (``refresh`` calls this for the tab on screen)."""
        if self.results is None:
            return
        results, dataset, year, rule, country = self.results, self.dataset, self.year, self.rule(), self.country
        weights = dict(self.weights) if rule == "weighted_mean" else None
        minerals, need_years = self.minerals, not self._years_given
        if overview:
            def overview_work(_state):
                # on the worker: the table of every mineral's cells and aggregates for one year
                from desktop.core.chain.matrix import matrix_table, matrix_years
                from desktop.ui.models.matrix_model import heat_rows

                years = matrix_years(results, dataset) if need_years else None
                shown = year if year is not None or not years else years[-1]
                if shown is None:
                    return years, shown, []
                frame = matrix_table(results, dataset, minerals, [shown], country=country, rule=rule,
                                     weights=weights)
                return years, shown, heat_rows(frame, minerals, rule)

            self.runner.submit(overview_work, kind="matrix-overview",
                               on_done=lambda out: self._overview_built(results, rule, *out),
                               on_error=self._failed)
        if matrix and self.mineral is not None and year is not None:
            mineral = self.mineral

            def matrix_work(_state):
                from desktop.core.chain.matrix import build_matrix

                return build_matrix(results, dataset, mineral, year, country=country, rule=rule, weights=weights)

            self.runner.submit(matrix_work, kind="matrix",
                               on_done=lambda built: self._matrix_built(results, built), on_error=self._failed)

    def _overview_built(self, results, rule: str, years, year, rows: list[HeatRow]) -> None:
        if results is not self.results or rule != self.rule():
            return                               # newer results or another rule are on their way
        if years is not None and not self._years_given:
            self._set_years(years)
        if self.year is None and year is not None:
            self.year = year
            self._move_slider()
        self.show_overview(rows)
        if self.mineral is None or (self.matrix is None and self.mineral not in self._choices()):
            first = self._choices()[:1]
            if first:
                self.mineral = first[0]
                self._fill_minerals()
                self.refresh(overview=False)

    def want_cell(self, stream: str, stage: str, dimension: str) -> None:
        """Select this cell when the next matrix arrives (an alert opening its source)."""
        self._wanted_cell = (stream, stage, dimension)
        if self.matrix is not None:
            self.select_cell(stream, stage, dimension)

    def _matrix_built(self, results, matrix: Matrix) -> None:
        if results is not self.results or matrix.mineral != self.mineral or matrix.year != self.year:
            return
        self._say("")
        self.show_matrix(matrix)

    def _failed(self, exc: BaseException) -> None:
        from desktop.core.errors import Cancelled
        from desktop.ui.tasks import error_sentence

        if isinstance(exc, Cancelled):
            return
        self._say(self.tr("The risk matrix could not be built: %1").replace("%1", error_sentence(exc)))

    # -- showing --------------------------------------------------------------------------------------------
    def show_matrix(self, matrix: Matrix | None) -> None:
        """Show ``matrix`` in the grids (the worker's result, or a hand-made one); the current cell stays."""
        current = self._current_key()
        keep = self._wanted_cell or current
        self._wanted_cell = None
        self.matrix = matrix
        if matrix is not None:
            self.mineral, self.year = matrix.mineral, matrix.year
            if self.rule_combo.currentData() != matrix.rule:
                self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(matrix.rule), 0))
        editable = self.document is not None and self.document.is_open
        for box in self.panel.boxes.values():
            box.model.editable = editable
            box.model.set_matrix(matrix)
            box.setVisible(matrix is not None)
        self.panel.legend.setVisible(matrix is not None)
        if matrix is not None and not self.panel.legend.items:
            self.panel.legend.rebuild()
        self._show_heading()
        self._show_summary()
        self.panel.arrange(self.panel.width())
        if matrix is not None and keep is not None:
            # the analyst's cell stays current, and Details follows its new value (another year, an edit)
            self.select_cell(*keep)
        self._fill_minerals()
        self._select_heat_row(self.mineral)
        self._update_actions()
        self._share_timer.start()

    def show_overview(self, rows: list[HeatRow]) -> None:
        """Show the overview's rows (the worker's result, or hand-made ones)."""
        self.heat = list(rows)
        self.heat_model.set_rows(self.heat, self.registry, ui_language())
        header = self.heat_table.horizontalHeader()          # the order the analyst chose (by name at first)
        self.heat_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.heat_table.resizeColumnsToContents()
        least = self.fontMetrics().horizontalAdvance(score_text(0.88)) + 56
        for column in range(1, self.heat_model.columnCount()):
            header.resizeSection(column, max(header.sectionSize(column), least))
        if not self.heat:
            self.heat_title.setText(self.tr("List overview: no mineral of the selection has a risk matrix."))
        else:
            what = self.list_name or self.tr("All minerals with data")
            self.heat_title.setText(self.tr("List overview: %1, %2 — each stage's risk over both chains").replace(
                "%1", what).replace("%2", str(self.year) if self.year is not None else ""))
        self._fill_minerals()
        self._select_heat_row(self.mineral)
        self._share_timer.start()

    def _show_heading(self) -> None:
        if self.matrix is None:
            text = self.tr("Risk matrix")
            self.panel.summary.setText(html.escape(self.tr("The risk matrix appears when the indicators are "
                                                           "computed.") if self.results is None else
                                                   self.tr("Choose a mineral to see its risk matrix.")))
        else:
            text = self.tr("%1 · %2 · risk matrix").replace("%1", self._mineral_name(self.matrix.mineral)).replace(
                "%2", str(self.matrix.year))
        self.panel.heading.setText(text)

    def _show_summary(self) -> None:
        matrix = self.matrix
        if matrix is None:
            return
        locale = QLocale()
        parts = []
        if matrix.weakest is not None:
            cell = matrix.weakest
            where = self.tr("%1, %2").replace("%1", stream_title(cell.stream)).replace("%2", cell_name(cell))
            parts.append(self.tr("Weakest link: %1 — %2, %3.").replace("%1", f"<a href='weakest'>"
                                                                            f"{html.escape(where)}</a>")
                         .replace("%2", html.escape(score_text(cell.score, locale)))
                         .replace("%3", html.escape(level_title(cell.level))))
        else:
            parts.append(html.escape(self.tr("No cell has a score yet: every cell needs judgement.")))
        parts.append(html.escape(self.tr("Whole chain (%1): %2, %3.").replace(
            "%1", rule_choice(matrix.rule).lower() if ui_language() == "en" else rule_choice(matrix.rule))
            .replace("%2", score_text(matrix.score, locale)).replace("%3", level_title(level_of(matrix.score)))))
        judged = sum(1 for s in STREAMS for c in matrix.grid(s).cells.values() if c.score is None)
        if judged:
            parts.append(html.escape(self.tr("%1 cells need judgement (?): double-click one to score it.").replace(
                "%1", locale.toString(judged))))
        self.panel.summary.setText(" ".join(parts))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_timer.start()            # once the layout has given the splitter its new height

    def _share_height(self) -> None:
        """Give the grids the height they need and the overview the rest, but the overview at least a few
        rows (the grids scroll then) — until the analyst moves the divider."""
        if self._sized_by_hand:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        width = self.scroll.viewport().width()
        panel = self.panel
        grids = panel.heightForWidth(width) if panel.hasHeightForWidth() else panel.sizeHint().height()
        table = self.heat_table
        rows = table.verticalHeader().length() + table.horizontalHeader().height() + 2 * table.frameWidth() + 4
        least = min(rows + self.heat_title.sizeHint().height() + 8, self.fontMetrics().height() * 12)
        upper = max(min(grids + 2, total - least), 0)
        self._sharing = True
        try:
            self.splitter.setSizes([upper, total - upper])
        finally:
            self._sharing = False

    def _divider_moved(self, _pos: int, _index: int) -> None:
        if not self._sharing:
            self._sized_by_hand = True

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- choices ------------------------------------------------------------------------------------------
    def _choices(self) -> list[str]:
        if self.minerals is not None:
            return list(self.minerals)
        return [row.mineral for row in self.heat]

    def _mineral_name(self, mineral: str) -> str:
        return self.registry.mineral_name(mineral, ui_language()) if self.registry is not None else mineral

    def _fill_minerals(self) -> None:
        choices = self._choices()
        if self.mineral is not None and self.mineral not in choices:
            choices = [self.mineral, *choices]
        combo = self.mineral_combo
        combo.blockSignals(True)
        combo.clear()
        for mineral in choices:
            combo.addItem(self._mineral_name(mineral), mineral)
        combo.setCurrentIndex(combo.findData(self.mineral) if self.mineral is not None else -1)
        combo.blockSignals(False)

    def _mineral_chosen(self, _index: int) -> None:
        mineral = self.mineral_combo.currentData()
        if mineral and mineral != self.mineral:
            self.mineral = mineral
            self._select_heat_row(mineral)
            self.refresh(overview=False)
            self.sig_mineral_selected.emit(mineral)

    def _set_years(self, years: list[int]) -> None:
        self.years = sorted(int(y) for y in years)
        if self.years and (self.year is None or self.year not in self.years):
            self.year = self.years[-1] if self.year is None else min(self.years, key=lambda y: abs(y - self.year))
        self._move_slider()

    def _move_slider(self) -> None:
        slider = self.year_slider
        slider.blockSignals(True)
        slider.setRange(0, max(len(self.years) - 1, 0))
        if self.year in self.years:
            slider.setValue(self.years.index(self.year))
        slider.blockSignals(False)
        slider.setEnabled(len(self.years) > 1)
        self.year_label.setText(str(self.year) if self.year is not None else "—")
        self.year_slider.setAccessibleDescription(self.year_label.text())

    def _year_slid(self, position: int) -> None:
        if not 0 <= position < len(self.years):
            return
        self.year = self.years[position]
        self.year_label.setText(str(self.year))
        self.year_slider.setAccessibleDescription(self.year_label.text())
        self._year_timer.start()

    def _year_settled(self) -> None:
        self.refresh()
        if self.year is not None:
            self.sig_year_changed.emit(self.year)

    def _update_actions(self) -> None:
        cell = self._editable_cell()
        self.edit_button.setEnabled(cell is not None and self.document is not None and self.document.is_open)
        self.export_button.setEnabled(self.matrix is not None)

    # -- cells -----------------------------------------------------------------------------------------------
    def _current_key(self) -> tuple[str, str, str] | None:
        for stream, box in self.panel.boxes.items():
            index = box.table.currentIndex()
            if index.isValid() and box.table.selectionModel().isSelected(index):
                return (stream, *box.model.key(index))
        return None

    def current_cell(self) -> Cell | None:
        """The cell (or margin aggregate) selected in either grid."""
        for box in self.panel.boxes.values():
            index = box.table.currentIndex()
            if index.isValid() and box.table.selectionModel().isSelected(index):
                return box.model.cell(index)
        return None

    def _editable_cell(self) -> Cell | None:
        cell = self.current_cell()
        return cell if cell is not None and cell.stage and cell.dimension else None

    def select_cell(self, stream: str, stage: str, dimension: str, emit: bool = True) -> bool:
        """Make the cell current in its grid (the other grid's selection goes); "" names a margin."""
        box = self.panel.boxes.get(stream)
        if box is None or self.matrix is None:
            return False
        index = box.model.index_of(stage, dimension)
        if not index.isValid():
            return False
        self._selecting = not emit
        try:
            box.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._selecting = False
        self._update_actions()
        return True

    def select_weakest(self) -> None:
        weakest = self.matrix.weakest if self.matrix is not None else None
        if weakest is not None:
            self.select_cell(weakest.stream, weakest.stage, weakest.dimension)
            self.panel.boxes[weakest.stream].table.setFocus()

    def _cell_changed(self, stream: str, current: QModelIndex) -> None:
        if not current.isValid():
            self._update_actions()
            return
        for other, box in self.panel.boxes.items():
            if other != stream:
                box.table.selectionModel().blockSignals(True)
                box.table.selectionModel().clear()
                box.table.selectionModel().blockSignals(False)
                box.table.viewport().update()
        self._update_actions()
        if self._selecting:
            return
        cell = self.panel.boxes[stream].model.cell(current)
        if cell is not None and self.matrix is not None:
            self.sig_cell_selected.emit(self.cell_key(cell))

    def cell_key(self, cell: Cell) -> dict:
        """What Details renders for a matrix cell (:func:`cell_html`)."""
        return {"kind": "matrix", "cell": cell, "mineral": self.matrix.mineral if self.matrix else self.mineral,
                "year": self.matrix.year if self.matrix else self.year}

    # -- editing --------------------------------------------------------------------------------------------
    def edit_current(self) -> None:
        cell = self._editable_cell()
        if cell is not None:
            self.open_editor(cell)

    def edit_cell_at(self, stream: str, index: QModelIndex) -> None:
        cell = self.panel.boxes[stream].model.cell(index)
        if cell is not None and cell.stage and cell.dimension:
            self.open_editor(cell)

    def open_editor(self, cell: Cell):
        """The edit dialog for ``cell`` (window-modal, opened without a nested event loop); returns it."""
        if self.document is None or not self.document.is_open or self.matrix is None:
            return None
        from desktop.ui.dialogs.matrix_cell import OVERRIDE, REVERT, MatrixCellDialog

        context = " · ".join((self._mineral_name(self.matrix.mineral), str(self.matrix.year),
                              stream_title(cell.stream)))
        dialog = MatrixCellDialog(cell, context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if dialog.outcome == OVERRIDE:
                self.override(cell, dialog.value(), dialog.note_text())
            elif dialog.outcome == REVERT:
                self.revert(cell)

        dialog.accepted.connect(answered)
        self._dialog = dialog
        dialog.open()
        return dialog

    def override(self, cell: Cell, score: float, note: str) -> None:
        """Store the analyst's ``score`` and ``note`` for ``cell``: one undo step upserting its chain_risk row."""
        mineral = self.matrix.mineral
        text = self._step_text(self.tr("Override %1 × %2 (%3)") if cell.stream == "primary" else
                               self.tr("Override recycled %1 × %2 (%3)"), cell)
        key = (cell.stream, cell.stage, cell.dimension)

        def make(project, _state):
            import pandas as pd

            from desktop.core.chain.matrix import override_row
            from desktop.core.dataset import conform

            row = override_row(mineral, *key, score, note)
            frame = conform("chain_risk", pd.DataFrame([row]))
            return project.edit_rows("chain_risk", upsert=frame, label=text, replace=True)

        self._push(text, make, key)

    def revert(self, cell: Cell) -> None:
        """Remove the analyst's score of ``cell``: one undo step removing its chain_risk row."""
        mineral = self.matrix.mineral
        text = self._step_text(self.tr("Revert %1 × %2 (%3)") if cell.stream == "primary" else
                               self.tr("Revert recycled %1 × %2 (%3)"), cell)
        key = (cell.stream, cell.stage, cell.dimension)

        def make(project, _state):
            import pandas as pd

            from desktop.core.chain.matrix import override_key

            return project.edit_rows("chain_risk", remove=pd.DataFrame([override_key(mineral, *key)]), label=text)

        self._push(text, make, key)

    def _step_text(self, template: str, cell: Cell) -> str:
        """"Override Mining × Political (Cobalt)": the Undo menu names the step (the stream only when it is
        the recycled one: both grids have a political and a technology column)."""
        return template.replace("%1", stage_title(cell.stage)).replace("%2", dimension_title(cell.dimension)) \
            .replace("%3", self._mineral_name(self.matrix.mineral))

    def _push(self, text: str, make, key: tuple[str, str, str]) -> None:
        from desktop.ui.commands import ChangeCommand

        self._wanted_cell = key            # the rebuilt matrix keeps the edited cell current
        self.document.undo_stack.push(ChangeCommand(self.document, text, make))

    # -- export ----------------------------------------------------------------------------------------------
    def export(self) -> None:
        if self.matrix is None:
            return
        from desktop.paths import documents_dir

        folder = self.document.path.parent if self.document is not None and self.document.is_open else documents_dir()
        proposed = str(Path(folder) / (self.export_name() + ".xlsx"))
        kinds = [self.tr("Excel workbook (*.xlsx)"), self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")]
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export Risk Matrix"), proposed, ";;".join(kinds))
        if not path:
            return
        suffix = {kinds[0]: ".xlsx", kinds[1]: ".png", kinds[2]: ".svg"}.get(chosen, ".xlsx")
        if Path(path).suffix.lower() not in (".xlsx", ".png", ".svg"):
            path += suffix
        self.export_to(path)

    def export_name(self) -> str:
        import re

        name = self.tr("%1 risk matrix %2").replace("%1", self._mineral_name(self.matrix.mineral)).replace(
            "%2", str(self.matrix.year)) if self.matrix is not None else "risk-matrix"
        return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .-") or "risk-matrix"

    def export_to(self, path: str | Path) -> None:
        """Write the matrix to ``path``: .png / .svg (the grids as shown, on this thread) or .xlsx (on the
        worker).  ``sig_exported`` says the path; a failure is said in one sentence."""
        path = Path(path)
        suffix = path.suffix.lower()
        if self.matrix is None:
            return
        if suffix in (".png", ".svg"):
            try:
                save_picture(self.panel, path, self.delegate)
            except (OSError, ValueError) as error:
                self._tell_failed(error)
                return
            self.sig_exported.emit(str(path))
            return
        matrix, heat = self.matrix, list(self.heat)
        words = sheet_words(matrix, self._mineral_name(matrix.mineral))
        heat_words = overview_words(self.heat, self.year) if self.heat else None

        def work(_state):
            return write_matrix_xlsx(path, matrix, words, heat, heat_words)

        self.runner.submit(work, kind="export-matrix", label=self.tr("Exporting the risk matrix"),
                           on_done=lambda _r: self.sig_exported.emit(str(path)), on_error=self._tell_failed,
                           replace=False)

    def export_table(self):
        """A function giving (headers, columns) of the list overview as shown — names as shown, scores as
        numbers — for the window's Export Table… (taken now: a few hundred cells)."""
        model = self.heat_model
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        columns = [[model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole if c == 0 else
                               Qt.ItemDataRole.EditRole) for r in range(model.rowCount())]
                   for c in range(model.columnCount())]
        return lambda: (headers, columns)

    def _tell_failed(self, error: BaseException) -> None:
        from desktop.core.errors import Cancelled
        from desktop.ui.tasks import error_sentence
        from desktop.ui.widgets.messages import tell

        if isinstance(error, Cancelled):
            return
        tell(self, self.tr("Risk matrix not exported"), str(error) if isinstance(error, (OSError, ValueError))
             and not hasattr(error, "reason") else error_sentence(error))

    # -- the overview ------------------------------------------------------------------------------------------
    def _heat_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        mineral = self.heat_model.mineral(current.row())
        if mineral and mineral != self.mineral:
            self.mineral = mineral
            self._fill_minerals()
            self.refresh(overview=False)
            self.sig_mineral_selected.emit(mineral)

    def _select_heat_row(self, mineral: str | None) -> None:
        row = self.heat_model.find(mineral) if mineral else -1
        self._selecting = True
        try:
            if row >= 0:
                self.heat_table.selectionModel().setCurrentIndex(
                    self.heat_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.heat_table.scrollTo(self.heat_model.index(row, 0))
            else:
                self.heat_table.selectionModel().clear()
        finally:
            self._selecting = False


# -- Details ------------------------------------------------------------------------------------------------------
def cell_html(cell: Cell, registry, lang: str) -> str:
    """The Details text of a matrix cell: its score and level, where it came from (the rule and its inputs,
    or the aggregation rule and the scores it combines), the computed value beside an override, the note,
    when it was edited, and the five levels' cut-offs with the cell's level in bold."""
    locale = QLocale()
    t = html.escape
    aggregate = cell.origin.startswith("aggregate:")
    parts = [f"<h3>{t(cell_name(cell))}</h3><p>{t(stream_title(cell.stream))}</p>",
             _score_html(cell, aggregate, locale)]
    if not aggregate:
        parts += _origin_html(cell, lang)
    if cell.origin == ANALYST:
        parts.append(_override_html(cell, locale))
    if aggregate:
        parts += _aggregate_html(cell, locale)
    elif cell.inputs:
        parts += _inputs_html(cell, registry, lang, locale)
    note = shown_note(cell, lang)
    if note:
        heading = QCoreApplication.translate("MatrixDetails", "Analyst's note")
        parts.append(f"<p><b>{t(heading)}</b><br>{t(note).replace(chr(10), '<br>')}</p>")
    if cell.edited:
        parts.append("<p>" + t(QCoreApplication.translate("MatrixDetails", "Last edited: %1").replace(
            "%1", edited_text(cell.edited, locale))) + "</p>")
    parts.append(_levels_html(cell, locale))
    return "".join(parts)


def _score_html(cell: Cell, aggregate: bool, locale: QLocale) -> str:
    """Details: the cell's score and level, or why it has none."""
    t = html.escape
    if cell.score is not None:
        return f"<p><b>{t(score_text(cell.score, locale))}</b> — {t(level_title(cell.level))}</p>"
    if aggregate:
        return "<p>" + t(QCoreApplication.translate(
            "MatrixDetails", "No score: none of the cells it aggregates has one yet.")) + "</p>"
    return ("<p><b>" + t(QCoreApplication.translate("MatrixDetails", "Needs judgement")) + "</b>: "
            + t(QCoreApplication.translate(
                "MatrixDetails", "no rule could fill this cell from the project's data, and it is "
                                 "never taken as 0. Double-click it to give your score.")) + "</p>")


def _origin_html(cell: Cell, lang: str) -> list[str]:
    """Details of a grid cell: its origin, and the rule's formula when a rule computed it."""
    t = html.escape
    parts = ["<p>" + t(QCoreApplication.translate("MatrixDetails", "Origin: %1").replace(
        "%1", origin_title(cell.origin))) + "</p>"]
    formula = rule_formula(cell.rule, lang) if cell.computed is not None else ""
    if formula:
        parts.append("<p><b>" + t(QCoreApplication.translate("MatrixDetails", "Rule %1").replace(
            "%1", cell.rule)) + "</b><br>" + t(formula) + "</p>")
    return parts


def _override_html(cell: Cell, locale: QLocale) -> str:
    """Details of the analyst's score: the computed value it overrides, or that no rule fills the cell."""
    t = html.escape
    if cell.computed is not None:
        return "<p>" + t(QCoreApplication.translate(
            "MatrixDetails", "The analyst's score overrides the computed value %1 (%2) of rule %3; reverting "
                             "brings it back.").replace("%1", score_text(cell.computed, locale)).replace(
            "%2", level_title(level_of(cell.computed))).replace("%3", cell.rule or "—")) + "</p>"
    return "<p>" + t(QCoreApplication.translate(
        "MatrixDetails", "No rule fills this cell: without the analyst's score it needs judgement.")) + "</p>"


def _aggregate_html(cell: Cell, locale: QLocale) -> list[str]:
    """Details of a margin cell: the aggregation rule and a table of the scores it combines."""
    t = html.escape
    rule = cell.origin[len("aggregate:"):]
    parts = ["<p>" + t(QCoreApplication.translate("MatrixDetails", "Aggregated by %1: %2").replace(
        "%1", rule_title(rule)).replace("%2", rule_tip(rule))) + "</p>"]
    rows = []
    for name, score in cell.inputs.items():
        title = stage_title(name) if name in ("mining", "processing", "use", "recycling") else \
            dimension_title(name)
        rows.append(f"<tr><td>{t(title)}</td><td align='right'>{t(score_text(score, locale))}</td>"
                    f"<td>{t(level_title(level_of(score)) if score is not None else '')}</td></tr>")
    parts.append("<table cellspacing='2' cellpadding='2'>" + "".join(rows) + "</table>")
    return parts


def _inputs_html(cell: Cell, registry, lang: str, locale: QLocale) -> list[str]:
    """Details of a computed cell: a table of its rule's inputs."""
    from desktop.ui.indicator_titles import result_column_title

    t = html.escape
    parts = ["<p><b>" + t(QCoreApplication.translate("MatrixDetails", "Inputs of rule %1").replace(
        "%1", cell.rule or "—")) + "</b></p>"]
    rows = "".join(f"<tr><td>{t(result_column_title(str(k)))}</td><td style='white-space:nowrap'>"
                   f"{t(_input_value(str(k), v, registry, lang, locale))}</td></tr>" for k, v in cell.inputs.items())
    parts.append(f"<table cellspacing='2' cellpadding='2'>{rows}</table>")
    return parts


def _input_value(name: str, raw, registry, lang: str, locale: QLocale) -> str:
    """A rule input's value as Details shows it: numbers in the locale, ids as names."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return "—"
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float):
        return locale.toString(raw, "g", 4)
    if isinstance(raw, int):
        return str(raw) if name.endswith("year") else locale.toString(raw)
    text = str(raw)
    if name == "stage" or name.endswith("_stage"):
        from desktop.ui.titles import stage_title as production_stage

        return production_stage(text) if text else QCoreApplication.translate("MatrixDetails", "(not named)")
    if registry is not None and name in ("country", "exporter", "importer", "top_country") and len(text) == 3:
        return registry.country_name(text, lang)
    if registry is not None and name == "mineral":
        return registry.mineral_name(text, lang)
    return text


def _levels_html(cell: Cell, locale: QLocale) -> str:
    """Details: the five levels' cut-offs, the cell's level in bold."""
    t = html.escape
    rows = []
    for level, low, high in cutoffs():
        bold = " style='font-weight:bold'" if level == cell.level else ""
        rows.append(f"<tr{bold}><td bgcolor='{LEVEL_FILLS[level]}'>&nbsp;&nbsp;&nbsp;&nbsp;</td>"
                    f"<td>{t(level_title(level))}</td><td>{t(score_text(low, locale))} – "
                    f"{t(score_text(high, locale))}</td></tr>")
    return ("<p><b>" + t(QCoreApplication.translate("MatrixDetails", "Levels")) + "</b> "
            + t(QCoreApplication.translate("MatrixDetails", "(a score at a cut-off takes the higher level)"))
            + "</p><table cellspacing='2' cellpadding='2'>" + "".join(rows) + "</table>")


def edited_text(edited: str, locale: QLocale) -> str:
    """An ISO edit time in the locale's short date and time, in local time ("12/1/26 11:12 PM")."""
    from PySide6.QtCore import QDateTime

    when = QDateTime.fromString(edited, Qt.DateFormat.ISODate)
    return locale.toString(when.toLocalTime(), QLocale.FormatType.ShortFormat) if when.isValid() else edited


# -- export ----------------------------------------------------------------------------------------------------------
def save_picture(widget: QWidget, path: str | Path, delegate: MatrixDelegate | None = None) -> Path:
    """The grids as shown, without the selection: PNG through the plots' export (at the screen's pixel
    ratio), SVG through QSvgGenerator (the plots' SVG export reads a pyqtgraph scene, which a table is
    not), both written beside the target and moved into place."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        sentence = QCoreApplication.translate("MatrixView", "The grids can be saved as .png or .svg, not as “%1”.")
        raise ValueError(sentence.replace("%1", path.suffix or path.name))
    if delegate is not None:
        delegate.plain = True
    widget.repaint()
    try:
        from desktop.core.errors import WriteError
        from desktop.core.export.cells import write_replacing

        try:
            if suffix == ".png":
                from desktop.ui.plots.export import save_plot

                write_replacing(path, lambda tmp: _png(widget, tmp, save_plot))
            else:
                write_replacing(path, lambda tmp: _svg(widget, tmp))
        except WriteError as error:
            raise OSError(str(error)) from error
    finally:
        if delegate is not None:
            delegate.plain = False
        widget.update()
    return path


def _png(widget: QWidget, tmp: Path, save_plot) -> None:
    # save_plot picks the format by the suffix: the temporary file gets the target's
    target = tmp.with_name(tmp.name + ".png")
    try:
        save_plot(widget, target)
        target.replace(tmp)
    finally:
        target.unlink(missing_ok=True)


def _svg(widget: QWidget, tmp: Path) -> None:
    from PySide6.QtGui import QRegion
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(tmp))
    generator.setSize(widget.size())
    generator.setViewBox(QRect(QPoint(0, 0), widget.size()))
    generator.setResolution(widget.logicalDpiX())       # the drawing's size in the document = on the screen
    generator.setTitle(QCoreApplication.translate("MatrixView", "Risk matrix"))
    painter = QPainter(generator)
    try:
        painter.fillRect(QRect(QPoint(0, 0), widget.size()), widget.palette().color(QPalette.ColorRole.Base))
        QWidget.render(widget, painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
    finally:
        painter.end()
    if not tmp.is_file() or tmp.stat().st_size == 0:
        raise OSError(QCoreApplication.translate("MatrixView", "Could not write %1.").replace("%1", str(tmp)))


def sheet_words(matrix: Matrix, name: str) -> dict:
    """The words of the xlsx sheet in the interface language, taken on the GUI thread (the worker writes)."""
    locale = QLocale()
    comments = {}
    for stream in STREAMS:
        for key, cell in matrix.grid(stream).cells.items():
            if cell.note or cell.origin in (ANALYST, NEEDS_JUDGEMENT) or cell.score is None:
                comments[(stream, *key)] = cell_tip(cell, False)
    weakest = matrix.weakest
    return {
        "sheet": QCoreApplication.translate("MatrixView", "Risk matrix"),
        "title": QCoreApplication.translate("MatrixView", "%1 · %2 · risk matrix").replace(
            "%1", name).replace("%2", str(matrix.year)),
        "rule": QCoreApplication.translate("MatrixView", "Aggregation: %1").replace("%1", rule_title(matrix.rule)),
        "weakest": (QCoreApplication.translate("MatrixView", "Weakest link: %1, %2 — %3 (%4)").replace(
            "%1", stream_title(weakest.stream)).replace("%2", cell_name(weakest)).replace(
            "%3", score_text(weakest.score, locale)).replace("%4", level_title(weakest.level))
            if weakest is not None else ""),
        "chain": QCoreApplication.translate("MatrixView", "Whole chain: %1 (%2)").replace(
            "%1", score_text(matrix.score, locale)).replace("%2", level_title(level_of(matrix.score))),
        "stream": {s: stream_title(s) for s in STREAMS},
        "stage": {s: stage_title(s) for s in ("mining", "processing", "use", "recycling")},
        "dimension": {d: dimension_title(d) for s in STREAMS for d in matrix.grid(s).dimensions},
        "overall": overall_title(),
        "levels": [(level, level_title(level), range_text(level)) for level, _low, _high in cutoffs()],
        "legend": QCoreApplication.translate("MatrixView", "Levels"),
        "judgement": QCoreApplication.translate("MatrixView", "?: needs judgement (no rule could fill the cell)"),
        "override": QCoreApplication.translate("MatrixView", "Italic: the analyst's score (the computed value is "
                                                             "in the comment)"),
        "outline": QCoreApplication.translate("MatrixView", "Thick border: the weakest link"),
        "comments": comments,
    }


def overview_words(rows: list[HeatRow], year) -> dict:
    return {
        "sheet": QCoreApplication.translate("MatrixView", "List overview"),
        "title": QCoreApplication.translate("MatrixView", "Each stage's risk over both chains, %1").replace(
            "%1", str(year)),
        "headers": [QCoreApplication.translate("MatrixModel", "Mineral"),
                    *(stage_title(s) for s in ("mining", "processing", "use", "recycling")), stream_title("chain")],
        "names": {r.mineral: r.name or r.mineral for r in rows},
    }


def write_matrix_xlsx(path, matrix: Matrix, words: dict, heat: list[HeatRow] | None = None,
                      heat_words: dict | None = None) -> Path:
    """The matrix as a formatted sheet (on the worker): both grids with their margins, each score a number
    in its level's fill, a needs-judgement cell "?" on a hatched fill, the analyst's scores in italics,
    the weakest link in a thick border, notes and origins as cell comments, the legend below; and the
    overview heat map on a second sheet when there is one."""
    from desktop.core.export.cells import add_sheet, write_xlsx

    def build(wb) -> None:
        fmt = _cell_formats(wb)
        head = wb.add_format({"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter",
                              "border": 1, "border_color": "#808080"})
        side = wb.add_format({"bold": True, "border": 1, "border_color": "#808080", "valign": "vcenter"})
        title = wb.add_format({"bold": True, "font_size": 14})
        bold = wb.add_format({"bold": True})
        ws = add_sheet(wb, words["sheet"])
        ws.set_column(0, 0, 16)
        ws.set_column(1, 7, 13)
        ws.write_string(0, 0, words["title"], title)
        ws.write_string(1, 0, words["rule"])
        ws.write_string(2, 0, words["weakest"])
        ws.write_string(3, 0, words["chain"])
        row = 5
        for stream in STREAMS:
            ws.write_string(row, 0, words["stream"][stream], bold)
            row = _grid_rows(ws, row + 1, matrix, stream, words, fmt, head, side) + 1
        _legend_rows(ws, row, words, fmt, bold)
        if heat and heat_words:
            _overview_sheet(wb, heat, heat_words, fmt, head)

    write_xlsx(path, build, constant_memory=False)
    return Path(path)


def _cell_formats(wb):
    """``fmt(level, judgement=, italic=, weakest=, bold=, margin=)``: the matrix sheet's format of a score cell,
    each one added to ``wb`` once, when first asked for."""
    formats: dict = {}

    def fmt(level=None, *, judgement=False, italic=False, weakest=False, bold=False, margin=False):
        key = (level, judgement, italic, weakest, bold, margin)
        if key not in formats:
            formats[key] = wb.add_format(_format_spec(level, judgement, italic, weakest, bold, margin))
        return formats[key]

    return fmt


def _format_spec(level, judgement: bool, italic: bool, weakest: bool, bold: bool, margin) -> dict:
    """The xlsxwriter format of a score cell: its level's fill, hatched for needs judgement, italic for the
    analyst's score, a thick border for the weakest link, a double rule before a margin (``margin`` "row",
    "column" or "corner")."""
    spec = {"align": "center", "valign": "vcenter", "border": 1, "border_color": "#808080",
            "num_format": "0.00"}
    if level in LEVEL_FILLS:
        spec.update(bg_color=LEVEL_FILLS[level], pattern=1,
                    font_color=ink_on(QColor(LEVEL_FILLS[level])).name())
    if judgement:
        spec.update(pattern=14, fg_color="#A0A0A0", bg_color="#FFFFFF", bold=True)
    if italic:
        spec["italic"] = True
    if bold or margin:
        spec["bold"] = True
    if margin:
        spec["top" if margin == "row" else "left"] = 2
        if margin == "corner":
            spec.update(top=2, left=2)
    if weakest:
        spec.update(border=5, border_color="#000000")
    return spec


def _grid_rows(ws, row: int, matrix: Matrix, stream: str, words: dict, fmt, head, side) -> int:
    """One stream's grid from ``row``: the dimensions' header, a row per stage with its margin, the margin row.
    Returns the row after the margin row."""
    grid = matrix.grid(stream)
    ws.set_row(row, 30)
    ws.write_string(row, 0, "", head)
    for c, dim in enumerate(grid.dimensions, start=1):
        ws.write_string(row, c, words["dimension"][dim], head)
    ws.write_string(row, len(grid.dimensions) + 1, words["overall"], head)
    row += 1
    for stage in grid.stages:
        ws.set_row(row, 22)
        ws.write_string(row, 0, words["stage"][stage], side)
        for c, dim in enumerate(grid.dimensions, start=1):
            _score_cell(ws, row, c, matrix, stream, stage, dim, words, fmt)
        _margin(ws, row, len(grid.dimensions) + 1, grid.stage_scores.get(stage), fmt, "column")
        row += 1
    ws.set_row(row, 22)
    ws.write_string(row, 0, words["overall"], side)
    for c, dim in enumerate(grid.dimensions, start=1):
        _margin(ws, row, c, grid.dimension_scores.get(dim), fmt, "row")
    _margin(ws, row, len(grid.dimensions) + 1, grid.score, fmt, "corner")
    return row + 1


def _score_cell(ws, row: int, c: int, matrix: Matrix, stream: str, stage: str, dim: str, words: dict, fmt) -> None:
    """A grid cell: its score in its level's format ("?" when it needs judgement) and its comment."""
    cell = matrix.grid(stream).cells.get((stage, dim))
    weakest = matrix.weakest
    is_weakest = weakest is not None and (weakest.stream, weakest.stage, weakest.dimension) == (stream, stage, dim)
    if cell is None or cell.score is None:
        ws.write_string(row, c, "?", fmt(judgement=True, weakest=is_weakest))
    else:
        ws.write_number(row, c, float(cell.score), fmt(cell.level, italic=cell.origin == ANALYST, weakest=is_weakest))
    comment = words["comments"].get((stream, stage, dim))
    if comment:
        ws.write_comment(row, c, comment, {"x_scale": 2.2, "y_scale": 1.6})


def _legend_rows(ws, row: int, words: dict, fmt, bold) -> None:
    """The legend below the grids: each level's fill and range, and the looks of judgement, override, weakest."""
    ws.write_string(row, 0, words["legend"], bold)
    row += 1
    for level, name, band in words["levels"]:
        ws.write_string(row, 0, name, fmt(level))
        ws.write_string(row, 1, band)
        row += 1
    ws.write_string(row, 0, "?", fmt(judgement=True))
    ws.write_string(row, 1, words["judgement"])
    ws.write_string(row + 1, 1, words["override"])
    ws.write_string(row + 2, 1, words["outline"])


def _margin(ws, row: int, col: int, score, fmt, where: str) -> None:
    level = level_of(score)
    if score is None:
        ws.write_string(row, col, "—", fmt(margin=where))
    else:
        ws.write_number(row, col, float(score), fmt(level, margin=where))


def _overview_sheet(wb, heat: list[HeatRow], words: dict, fmt, head) -> None:
    from desktop.core.export.cells import add_sheet

    ws = add_sheet(wb, words["sheet"])
    ws.set_column(0, 0, 22)
    ws.set_column(1, 5, 13)
    ws.write_string(0, 0, words["title"], wb.add_format({"bold": True, "font_size": 13}))
    for c, text in enumerate(words["headers"]):
        ws.write_string(2, c, text, head)
    for r, item in enumerate(heat, start=3):
        ws.write_string(r, 0, words["names"].get(item.mineral, item.mineral))
        for c, stage in enumerate(("mining", "processing", "use", "recycling", "chain"), start=1):
            score = item.chain if stage == "chain" else item.stages.get(stage)
            if score is None:
                ws.write_string(r, c, "—", fmt())
            else:
                ws.write_number(r, c, float(score), fmt(level_of(score), weakest=stage == item.weakest,
                                                        bold=stage == "chain"))
