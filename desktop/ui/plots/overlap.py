"""The overlap of mineral lists: a Venn diagram for two or three lists, an UpSet-style chart for more.

Both show *exclusive* regions — the minerals on exactly one combination of the chosen lists — so every
mineral is counted once and the regions add up to the minerals on any list; a region's count is the
number of table rows a click on it selects (``membership_model.exclusive_intersections``).

* Venn: equal circles (not drawn to scale: areas proportional to counts cannot show three sets
  exactly, and unequal circles read as a ranking), each region's count at its centre, each list's
  name and size beside its circle. A click is placed by which circles contain the point.
* UpSet (Lex et al., "UpSet: Visualization of Intersecting Sets", IEEE TVCG 2014): a bar per
  non-empty combination, largest first, and below it a dot matrix whose filled dots mark the lists of
  that combination; the list names sit on the left axis. Beyond ``MAX_BARS`` combinations only the
  largest are drawn, and the title says so.

The chart is a :class:`PlotPanel`, so it has the same PNG, SVG and Copy actions and hover read-out as
the other plots. Zooming and panning are off: the layout is fixed and "Show All" restores it.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPen
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem, QGraphicsRectItem, QLabel, QWidget

from desktop.ui.models.membership_model import exclusive_intersections
from desktop.ui.plots.base import PlotPanel
from desktop.ui.plots.palette import ORDINARY, categorical, with_alpha

MAX_BARS = 30
_R = 1.0                                   # circle radius (data units)
# centres, count-label places and name places of the two- and three-circle layouts
_CENTRES = {2: [(-0.6, 0.0), (0.6, 0.0)],
            3: [(0.0, 0.62), (-0.537, -0.31), (0.537, -0.31)]}
_REGION_AT = {2: {(0,): (-1.05, 0.0), (1,): (1.05, 0.0), (0, 1): (0.0, 0.0)},
              3: {(0,): (0.0, 1.17), (1,): (-1.013, -0.585), (2,): (1.013, -0.585), (0, 1): (-0.537, 0.31),
                  (0, 2): (0.537, 0.31), (1, 2): (0.0, -0.62), (0, 1, 2): (0.0, 0.0)}}
# (x, y, anchor) of each list's name: outside its circle, away from the others
_NAME_AT = {2: [(-1.0, 1.08, (0.5, 1.0)), (1.0, 1.08, (0.5, 1.0))],
            3: [(0.0, 1.65, (0.5, 1.0)), (-0.95, -1.25, (0.5, 0.0)), (0.95, -1.25, (0.5, 0.0))]}
_VENN_RECT = {2: QRectF(-1.75, -1.15, 3.5, 2.95), 3: QRectF(-1.8, -1.95, 3.6, 4.0)}
_NAME_WIDTH = 170                          # pixels: a long list name wraps rather than running into another


class OverlapChart(PlotPanel):
    """The overlap of two or more lists; ``sig_region_clicked(key)`` gives the clicked combination.

    ``key`` is a sorted tuple of list positions (the order of ``set_lists``' names).
    """

    sig_region_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name=QCoreApplication.translate("OverlapChart", "List overlap chart"),
                         export_name="list-overlap")
        self.describe(QCoreApplication.translate(
            "OverlapChart", "Click a region or a bar to select its minerals in the table"))
        self.plot_item.showGrid(x=False, y=False)
        self.plot_item.hideAxis("bottom")
        self.plot_item.hideAxis("left")
        self.view_box.setMouseEnabled(x=False, y=False)
        self._names: list[str] = []
        self._members: list[list[str]] = []
        self._labels: dict[str, str] = {}
        self._regions: dict[tuple[int, ...], list[str]] = {}
        self._bars: list[tuple[int, ...]] = []      # UpSet: the drawn combinations, left to right
        self._heights: list[float] = []
        self._span = 1.0
        self._selected: tuple[int, ...] | None = None
        self._items: list = []
        self.mode = "none"
        self.caption = QLabel(self)
        self.caption.setAccessibleName(QCoreApplication.translate("OverlapChart", "What the chart counts"))
        self.caption.setWordWrap(True)
        self.caption.setIndent(6)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.layout().insertWidget(1, self.caption)
        self.apply_colours()
        self._draw()

    # public ---------------------------------------------------------------------------------------
    def set_lists(self, names: list[str], members: list[list[str]], labels: dict[str, str] | None = None) -> None:
        """Show the overlap of ``members`` (one list of ids per name); ``labels`` names ids in the read-out."""
        self._names = list(names)
        self._members = [list(m) for m in members]
        self._labels = dict(labels or {})
        self._regions = exclusive_intersections(self._members)
        self._selected = None
        n = len(self._names)
        self.mode = "none" if n < 2 else "venn" if n <= 3 else "upset"
        self._draw()

    def regions(self) -> dict[tuple[int, ...], list[str]]:
        """Every non-empty combination and its ids (the Venn's empty regions are drawn with 0, not listed)."""
        return dict(self._regions)

    def drawn_bars(self) -> list[tuple[int, ...]]:
        """UpSet: the combinations drawn as bars, left to right (empty for a Venn diagram)."""
        return list(self._bars)

    def selected(self) -> tuple[int, ...] | None:
        return self._selected

    def select_region(self, key: tuple[int, ...] | None) -> None:
        """Highlight one combination (None: none), as a click does, without emitting."""
        self._selected = tuple(key) if key is not None else None
        self._draw()

    def region_point(self, key: tuple[int, ...]) -> QPointF:
        """Where the region or bar of ``key`` is, in data coordinates (its count label, a bar's middle)."""
        key = tuple(key)
        if self.mode == "venn":
            x, y = _REGION_AT[len(self._names)][key]
            return QPointF(x, y)
        if self.mode == "upset" and key in self._bars:
            j = self._bars.index(key)
            return QPointF(j, max(self._heights[j], 0.2 * self._span) / 2)
        raise KeyError(key)

    def scene_position(self, key: tuple[int, ...]) -> QPointF:
        return self.view_box.mapViewToScene(self.region_point(key))

    def region_text(self, key: tuple[int, ...]) -> str:
        """Which lists a combination is, in words: "Only on EU 2024 critical + USGS 2025", "On all 3 lists"."""
        n = len(self._names)
        if len(key) == n:
            if n == 2:
                return QCoreApplication.translate("OverlapChart", "On both lists")
            return QCoreApplication.translate("OverlapChart", "On all %1 lists").replace(
                "%1", self.locale().toString(n))
        names = " + ".join(self._names[i] for i in key)
        return QCoreApplication.translate("OverlapChart", "Only on %1").replace("%1", names)

    def reset_view(self) -> None:
        self._apply_range()

    # drawing --------------------------------------------------------------------------------------
    def _clear(self) -> None:
        for item in self._items:
            self.view_box.removeItem(item)
        self._items = []

    def _add(self, item) -> None:
        self.view_box.addItem(item, ignoreBounds=True)
        self._items.append(item)

    def _draw(self) -> None:
        self._clear()
        self._bars, self._heights = [], []
        left = self.plot_item.getAxis("left")
        if self.mode == "upset":
            self.plot_item.showAxis("left")
            self.view_box.setAspectLocked(False)
            self._draw_upset(left)
        else:
            self.plot_item.hideAxis("left")
            self.view_box.setAspectLocked(True, ratio=1.0)
            if self.mode == "venn":
                self._draw_venn()
            else:
                self._draw_empty()
        self._apply_title()
        self._apply_range()

    def _text(self, text: str, x: float, y: float, anchor, colour, font: QFont, width: int | None = None):
        item = pg.TextItem(anchor=anchor)
        item.setFont(font)
        if width:
            item.textItem.setTextWidth(width)
            option = item.textItem.document().defaultTextOption()
            option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.textItem.document().setDefaultTextOption(option)
        item.setText(text, color=colour)
        item.setPos(x, y)
        self._add(item)
        return item

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QApplication.font(self)
        bold = QFont(base)
        bold.setBold(True)
        big = QFont(bold)
        size = base.pointSizeF()
        if size > 0:
            big.setPointSizeF(size * 1.35)
        else:
            big.setPixelSize(round(base.pixelSize() * 1.35))
        return base, bold, big

    def _draw_empty(self) -> None:
        colours = self.colours()
        base, _bold, _big = self._fonts()
        self._text(QCoreApplication.translate("OverlapChart", "Choose two or more lists to compare"), 0.0, 0.0,
                   (0.5, 0.5), colours["muted"], base)

    def _draw_venn(self) -> None:
        colours = self.colours()
        _base, bold, big = self._fonts()
        n = len(self._names)
        for i, (cx, cy) in enumerate(_CENTRES[n]):
            colour = categorical(i, self.palette())
            circle = QGraphicsEllipseItem(QRectF(cx - _R, cy - _R, 2 * _R, 2 * _R))
            pen = QPen(colour, 2.0)
            pen.setCosmetic(True)
            circle.setPen(pen)
            circle.setBrush(QBrush(with_alpha(colour, 46)))
            self._add(circle)
            x, y, anchor = _NAME_AT[n][i]
            name = f"{self._names[i]}\n{self._minerals_text(len(self._members[i]))}"
            self._text(name, x, y, anchor, colours["foreground"], bold, _NAME_WIDTH)
        for key, (x, y) in _REGION_AT[n].items():
            count = len(self._regions.get(key, ()))
            chosen = key == self._selected
            # the chosen region's count in the selection's colours, as the table shows its rows
            colour = self.palette().highlightedText().color() if chosen else \
                colours["foreground"] if count else colours["muted"]
            item = self._text(self.locale().toString(count), x, y, (0.5, 0.5), colour, big)
            if chosen:
                item.fill = pg.mkBrush(colours["highlight"])
                item.border = pg.mkPen(colours["highlight"], width=2)

    def _draw_upset(self, axis) -> None:
        colours = self.colours()
        base, _bold, _big = self._fonts()
        n = len(self._names)
        ranked = sorted(self._regions.items(), key=lambda kv: (-len(kv[1]), len(kv[0]), kv[0]))
        self._bars = [key for key, _ids in ranked[:MAX_BARS]]
        sizes = [len(self._regions[key]) for key in self._bars]
        self._span = max(4.0, 1.2 * n)
        top = max(sizes) if sizes else 1
        self._heights = [s / top * self._span for s in sizes]
        xs = np.arange(len(self._bars), dtype=float)
        if len(xs):
            brushes = [pg.mkBrush(colours["highlight"] if key == self._selected else ORDINARY) for key in self._bars]
            bars = pg.BarGraphItem(x=xs, height=self._heights, width=0.7, brushes=brushes,
                                   pen=pg.mkPen(None))
            self._add(bars)
        for x, h, s in zip(xs, self._heights, sizes):
            self._text(self.locale().toString(s), float(x), h + 0.03 * self._span, (0.5, 1.0), colours["foreground"],
                       base)
        # the dot matrix: one row per list, a filled dot where the combination includes the list
        spots, seg_x, seg_y = [], [], []
        member_brush, other_brush = pg.mkBrush(colours["foreground"]), pg.mkBrush(with_alpha(colours["muted"], 80))
        for j, key in enumerate(self._bars):
            chosen = key == self._selected
            for i in range(n):
                on = i in key
                brush = pg.mkBrush(colours["highlight"]) if (on and chosen) else member_brush if on else other_brush
                spots.append({"pos": (j, self._row_y(i)), "size": 11 if on else 9, "brush": brush,
                              "pen": pg.mkPen(None)})
            if len(key) > 1:
                seg_x += [j, j]
                seg_y += [self._row_y(key[0]), self._row_y(key[-1])]
        if seg_x:
            line = pg.PlotDataItem(seg_x, seg_y, connect="pairs", pen=pg.mkPen(colours["foreground"], width=2))
            self._add(line)
        if spots:
            dots = pg.ScatterPlotItem(spots=spots)
            dots.setZValue(5)
            self._add(dots)
        for i in range(0, n, 2):            # bands on every other row, so a dot's row is easy to follow
            band = QGraphicsRectItem(QRectF(-0.6, self._row_y(i) - 0.5, len(self._bars) + 0.2, 1.0))
            band.setPen(QPen(Qt.PenStyle.NoPen))
            band.setBrush(QBrush(with_alpha(colours["muted"], 28)))
            band.setZValue(-10)
            self._add(band)
        ticks = [(self._row_y(i), f"{self._names[i]} ({self.locale().toString(len(self._members[i]))})")
                 for i in range(n)]
        axis.setTicks([ticks, []])
        axis.setStyle(tickLength=0)
        axis.setTextPen(pg.mkPen(colours["foreground"]))
        axis.setPen(pg.mkPen(colours["background"]))
        axis.setTickFont(base)

    @staticmethod
    def _row_y(i: int) -> float:
        return -(i + 0.8)

    def _apply_title(self) -> None:
        """What the chart counts, in the caption above it (a plot title would widen the plot past its panel)."""
        if self.mode == "upset":
            title = QCoreApplication.translate(
                "OverlapChart", "Each bar counts the minerals on exactly the lists marked by the dots below it.")
            if len(self._regions) > len(self._bars):
                title += " " + QCoreApplication.translate(
                    "OverlapChart", "Only the %1 largest of %2 combinations are shown.").replace(
                    "%1", self.locale().toString(len(self._bars))).replace(
                    "%2", self.locale().toString(len(self._regions)))
        elif self.mode == "venn":
            title = QCoreApplication.translate(
                "OverlapChart", "Each number counts the minerals on exactly those lists; the circles are not to scale.")
        else:
            title = ""
        self.caption.setText(title)
        self.caption.setVisible(bool(title))

    def _apply_range(self) -> None:
        if self.mode == "venn":
            self.view_box.setRange(rect=_VENN_RECT[len(self._names)], padding=0)
        elif self.mode == "upset":
            n = len(self._names)
            self.view_box.setRange(xRange=(-0.8, max(len(self._bars), 1) - 0.2),
                                   yRange=(self._row_y(n - 1) - 0.55, self._span * 1.14), padding=0)
        else:
            self.view_box.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)

    def _recolour(self, colours) -> None:
        if self._items or self.mode != "none":
            self._draw()

    # pointer --------------------------------------------------------------------------------------
    def _key_at(self, scene_pos: QPointF) -> tuple[int, ...] | None:
        point = self.view_box.mapSceneToView(scene_pos)
        x, y = point.x(), point.y()
        if self.mode == "venn":
            inside = tuple(i for i, (cx, cy) in enumerate(_CENTRES[len(self._names)])
                           if math.hypot(x - cx, y - cy) <= _R)
            return inside or None
        if self.mode == "upset" and self._bars:
            j = round(x)
            if 0 <= j < len(self._bars) and abs(x - j) <= 0.45 and y <= self._span * 1.14:
                return self._bars[j]
        return None

    def _hover_text(self, scene_pos: QPointF) -> str | None:
        key = self._key_at(scene_pos)
        if key is None:
            return None
        ids = self._regions.get(key, [])
        text = QCoreApplication.translate("OverlapChart", "%1: %2").replace("%1", self.region_text(key)).replace(
            "%2", self._minerals_text(len(ids)))
        if ids:
            shown = ", ".join(self._labels.get(i, i) for i in ids[:8])
            text += " — " + shown + ("…" if len(ids) > 8 else "")
        return text

    def _clicked(self, scene_pos: QPointF) -> None:
        key = self._key_at(scene_pos)
        if key is None:
            return
        self.select_region(key)
        self.sig_region_clicked.emit(key)

    def _minerals_text(self, n: int) -> str:
        if n == 1:
            return QCoreApplication.translate("OverlapChart", "1 mineral")
        return QCoreApplication.translate("OverlapChart", "%1 minerals").replace("%1", self.locale().toString(n))
