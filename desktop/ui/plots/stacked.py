"""One mineral's production shares by country over the years, as stacked areas.

The caller passes the top producers and, last, an "others" layer (the rest of the world), each as shares
0..1 by year; the bands are stacked in that order from the bottom, so the largest producer sits on the
axis where its share reads off directly. The last layer is drawn in a neutral grey so "others" never looks
like one more country (``others_last=False`` colours it like the rest).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from desktop.ui.plots.base import PlotPanel, fill_template, format_percent, legend_beside
from desktop.ui.plots.palette import categorical, others_colour, with_alpha


class _Swatch(pg.GraphicsWidget):
    """A legend sample: a square in its band's colour. Unlike pyqtgraph's sample, a click does not hide the
    band, which would leave a hole in the stack and make the bands above it read wrong."""

    sigClicked = Signal(object)          # the legend connects to it; never emitted

    def __init__(self, band: pg.FillBetweenItem) -> None:
        super().__init__()
        self.item = band
        self.setFixedWidth(20)
        self.setFixedHeight(20)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 20, 20)

    def paint(self, painter, *args) -> None:
        painter.setPen(QPen(self.item.pen()))
        painter.setBrush(self.item.brush())
        painter.drawRect(QRectF(3, 3, 14, 14))


class StackedAreaPlot(PlotPanel):
    """Shares by country stacked to (at most) 100 %, with a legend and a hover read-out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name=QCoreApplication.translate("StackedAreaPlot", "Production shares by country"),
                         export_name="production-shares", axis_kinds=("year", "percent"))
        self.describe(QCoreApplication.translate(
            "StackedAreaPlot", "Point at a band to read the country's share in that year"))
        self._years = np.zeros(0)
        self._labels: list[str] = []
        self._lower = self._upper = np.zeros((0, 0))
        self._others_last = True
        self._title = ""
        self._edges: list[pg.PlotDataItem] = []
        self._fills: list[pg.FillBetweenItem] = []
        self._base = pg.PlotDataItem()
        self.plot_item.addItem(self._base)
        self.plot_item.showGrid(x=False, y=True, alpha=0.2)
        self.legend = legend_beside(self.plot_item, self.font(), _Swatch)
        self.view_box.setMouseEnabled(x=True, y=False)
        self.apply_colours()

    def set_shares(self, years, layers, *, title: str = "", others_last: bool = True) -> None:
        """Stack ``layers``, a list of ``(label, shares by year)``, bottom to top; NaN counts as no share."""
        years = np.asarray(years, float)
        order = np.argsort(years, kind="stable")
        self._years = years[order]
        self._labels = [str(label) for label, _values in layers]
        values = np.array([np.asarray([np.nan if v is None else v for v in vals], float)[order]
                           for _label, vals in layers], float).reshape(len(layers), len(years))
        values = np.where(np.isfinite(values), values, 0.0)
        self._upper = np.cumsum(values, axis=0)
        self._lower = self._upper - values
        self._others_last = others_last
        self._title = title
        self.set_axis_titles(QCoreApplication.translate("StackedAreaPlot", "Year"),
                             QCoreApplication.translate("StackedAreaPlot", "Share of world production"))
        self._rebuild()

    def layer_bounds(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """Each layer's (label, lower edge, upper edge) by year, as drawn: the last upper edge is the total."""
        return [(label, self._lower[k].copy(), self._upper[k].copy()) for k, label in enumerate(self._labels)]

    def reset_view(self) -> None:
        top = float(self._upper.max()) if self._upper.size else 1.0
        if self._years.size:
            self.view_box.setRange(xRange=(self._years.min(), self._years.max()), yRange=(0.0, max(1.0, top)),
                                   padding=0.02)

    # drawing ------------------------------------------------------------------------------------
    def _layer_colour(self, k: int) -> QColor:
        if self._others_last and k == len(self._labels) - 1 and len(self._labels) > 1:
            return others_colour(self.palette())
        return categorical(k, self.palette())

    def _rebuild(self) -> None:
        for item in (*self._edges, *self._fills):
            self.plot_item.removeItem(item)
        self.legend.clear()
        self._edges, self._fills = [], []
        self._base.setData(self._years, np.zeros(len(self._years)))
        below = self._base
        for k in range(len(self._labels)):
            edge = pg.PlotDataItem(self._years, self._upper[k])
            band = pg.FillBetweenItem(below, edge)
            band.setZValue(-1)
            self.plot_item.addItem(edge)
            self.plot_item.addItem(band)
            self._edges.append(edge)
            self._fills.append(band)
            below = edge
        # the legend lists the top band first, as the bands are stacked on screen
        for k in reversed(range(len(self._labels))):
            self.legend.addItem(self._fills[k], self._labels[k])
        self.apply_colours()
        self.reset_view()

    def _recolour(self, colours) -> None:
        self._base.setPen(pg.mkPen(colours["foreground"], width=1))
        for k, (edge, band) in enumerate(zip(self._edges, self._fills)):
            colour = self._layer_colour(k)
            edge.setPen(pg.mkPen(colours["background"], width=1))   # a thin seam between two bands
            band.setBrush(pg.mkBrush(with_alpha(colour, 235)))
            band.setPen(pg.mkPen(colour, width=1))
        self.legend.setLabelTextColor(colours["foreground"])

    # pointer ------------------------------------------------------------------------------------
    def _hover_text(self, scene_pos: QPointF) -> str | None:
        if not self._years.size:
            return None
        view = self.view_box.mapSceneToView(scene_pos)
        j = int(np.argmin(np.abs(self._years - view.x())))
        inside = np.flatnonzero((self._lower[:, j] <= view.y()) & (view.y() < self._upper[:, j]))
        if not inside.size:
            return None
        k = int(inside[0])
        share = float(self._upper[k, j] - self._lower[k, j])
        template = QCoreApplication.translate("StackedAreaPlot", "%1, %2: %3")
        return fill_template(template, [str(round(self._years[j])), self._labels[k],
                                        format_percent(self.locale(), share)])
