"""One indicator over the years for the selected minerals, against its threshold.

Each mineral is a line with markers (colour from the Okabe–Ito palette, the marker shape changing after
eight minerals, so up to 64 stay distinguishable without colour). The legend sits right of the plot,
where it never covers a line. "Log scale" helps when one mineral's values are orders of magnitude above
the others'; zero and negative values have no logarithm and are left out in that mode (the line breaks
there) rather than being drawn at some arbitrary floor.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.ui.plots.base import PlotPanel, dashed_pen, fill_template, format_number, format_threshold, legend_beside
from desktop.ui.plots.palette import categorical, symbol_for


class TimeSeriesPlot(PlotPanel):
    """Lines of an indicator by year, one per mineral; ``sig_clicked(id, year)`` for a clicked point."""

    sig_clicked = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name=QCoreApplication.translate("TimeSeriesPlot", "Indicator over time"),
                         export_name="indicator-over-time", axis_kinds=("year", "number"))
        self.describe(QCoreApplication.translate(
            "TimeSeriesPlot", "Click a point to select its mineral and year; click a legend entry to hide its line"))
        self._series: list[tuple[str, str, np.ndarray, np.ndarray]] = []
        self._curves: list[pg.PlotDataItem] = []
        self._threshold: float | None = None
        self._threshold_label = ""
        self._y_label = ""
        self._log = False

        self.log_toggle = QCheckBox(QCoreApplication.translate("TimeSeriesPlot", "Log scale"), self)
        self.log_toggle.setAccessibleName(self.log_toggle.text())
        self.log_toggle.setToolTip(QCoreApplication.translate(
            "TimeSeriesPlot", "Logarithmic y axis, for values of very different sizes; zero and below is not drawn"))
        self.log_toggle.toggled.connect(self.set_log)
        self.controls.addWidget(self.log_toggle)

        self.threshold_line = pg.InfiniteLine(angle=0, movable=False)
        self.threshold_line.setZValue(15)            # above the lines, so its value label is never covered
        self._threshold_text = pg.InfLineLabel(self.threshold_line, "", position=0.98, anchors=[(1, 1), (1, 0)])
        self.plot_item.addItem(self.threshold_line, ignoreBounds=False)
        self._hover_marker = pg.ScatterPlotItem(pxMode=True, useCache=False)
        self._hover_marker.setZValue(20)
        self.plot_item.addItem(self._hover_marker, ignoreBounds=True)

        self.legend = legend_beside(self.plot_item, self.font())
        self.apply_colours()

    # public -------------------------------------------------------------------------------------
    def set_series(self, series, *, y_label: str, threshold: float | None = None, threshold_label: str = "") -> None:
        """Show ``series``, a list of ``(id, name, years, values)``; NaN/None values leave a gap.

        ``threshold`` is drawn as a dashed line labelled "``threshold_label`` = value" (just the value
        when the label is empty).
        """
        self._series = []
        for identifier, name, years, values in series:
            years = np.asarray(years, float)
            values = np.array([np.nan if v is None else v for v in values], float)
            order = np.argsort(years, kind="stable")
            self._series.append((str(identifier), str(name), years[order], values[order]))
        self._threshold = None if threshold is None else float(threshold)
        self._threshold_label = threshold_label
        self._y_label = y_label
        self.set_axis_titles(QCoreApplication.translate("TimeSeriesPlot", "Year"), y_label)
        self._rebuild()

    def set_log(self, on: bool) -> None:
        """Switch the y axis to a logarithmic scale (``on``) or back to linear."""
        on = bool(on)
        if self.log_toggle.isChecked() != on:
            self.log_toggle.setChecked(on)     # comes back here through ``toggled``
            return
        self._log = on
        self.plot_item.setLogMode(x=False, y=on)
        self._rebuild()

    def is_log(self) -> bool:
        return self._log

    def curves(self) -> dict[str, pg.PlotDataItem]:
        """The line of each series, by id."""
        return {s[0]: curve for s, curve in zip(self._series, self._curves)}

    def drawn_points(self, series_id: str) -> tuple[np.ndarray, np.ndarray]:
        """The (years, values) of ``series_id`` actually drawn: finite ones, and positive ones in log mode."""
        for identifier, _name, years, values in self._series:
            if identifier == series_id:
                keep = self._drawable(values)
                return years[keep], values[keep]
        raise KeyError(series_id)

    def threshold_value(self) -> float | None:
        """The threshold line's value in data units (the line itself sits at its log10 in log mode)."""
        if self._threshold is None or not self.threshold_line.isVisible():
            return None
        value = self.threshold_line.value()
        return float(10 ** value) if self._log else float(value)

    def scene_position(self, series_id: str, year: int) -> QPointF:
        """Where the point (``series_id``, ``year``) is in the scene, for a test robot's click."""
        years, values = self.drawn_points(series_id)
        value = values[list(years).index(year)]
        sx, sy = self.to_scene([year], [np.log10(value) if self._log else value])
        return QPointF(float(sx[0]), float(sy[0]))

    # drawing ------------------------------------------------------------------------------------
    def _drawable(self, values: np.ndarray) -> np.ndarray:
        keep = np.isfinite(values)
        if self._log:
            keep &= values > 0
        return keep

    def _rebuild(self) -> None:
        for curve in self._curves:
            self.plot_item.removeItem(curve)
        self.legend.clear()
        self._curves = []
        colours = self.colours()
        for index, (_identifier, name, years, values) in enumerate(self._series):
            keep = self._drawable(values)
            # nothing to draw: empty data, as pyqtgraph warns about an all-NaN series when it sizes the view
            xs, shown = (years, np.where(keep, values, np.nan)) if keep.any() else (np.zeros(0), np.zeros(0))
            colour = categorical(index, self.palette())
            curve = pg.PlotDataItem(xs, shown, connect="finite", useCache=False,
                                    pen=pg.mkPen(colour, width=2), symbol=symbol_for(index), symbolSize=7,
                                    symbolPen=pg.mkPen(colours["background"], width=1), symbolBrush=colour)
            self.plot_item.addItem(curve)
            self.legend.addItem(curve, name)
            self._curves.append(curve)
        self._place_threshold()
        self._hover_marker.setData([])
        self.apply_colours()
        self.plot_item.enableAutoRange()

    def _place_threshold(self) -> None:
        t = self._threshold
        if t is None or (self._log and t <= 0):
            self.threshold_line.setVisible(False)
            self._threshold_text.setVisible(False)
            return
        self.threshold_line.setValue(np.log10(t) if self._log else t)
        value = format_threshold(self.locale(), t)
        text = f"{self._threshold_label} = {value}" if self._threshold_label else value
        self._threshold_text.format = text.replace("{", "{{").replace("}", "}}")
        self.threshold_line.setVisible(True)
        self._threshold_text.setVisible(True)        # re-reads the format

    def _recolour(self, colours) -> None:
        self.threshold_line.setPen(dashed_pen(colours["foreground"], 1.5))
        self._threshold_text.setColor(colours["foreground"])
        self._threshold_text.fill = pg.mkBrush(QColor(colours["background"]))
        self.legend.setLabelTextColor(colours["foreground"])
        self.legend.setBrush(None)
        self.legend.setPen(None)
        for index, curve in enumerate(self._curves):
            colour = categorical(index, self.palette())
            curve.setPen(pg.mkPen(colour, width=2))
            curve.setSymbolBrush(colour)
            curve.setSymbolPen(pg.mkPen(colours["background"], width=1))

    # pointer ------------------------------------------------------------------------------------
    def _point_under(self, scene_pos: QPointF, radius: float = 12.0) -> tuple[int, float, float] | None:
        """The (series index, year, value) of the drawn point nearest the pointer, within ``radius`` px."""
        best = None
        for index, (_identifier, _name, years, values) in enumerate(self._series):
            if not self._curves[index].isVisible():      # hidden from its legend entry
                continue
            keep = self._drawable(values)
            ys = np.log10(values[keep]) if self._log else values[keep]
            found = self.nearest(scene_pos, years[keep], ys, radius)
            if found is None:
                continue
            sx, sy = self.to_scene([years[keep][found]], [ys[found]])
            distance = float(np.hypot(sx[0] - scene_pos.x(), sy[0] - scene_pos.y()))
            if best is None or distance < best[0]:
                best = (distance, index, float(years[keep][found]), float(values[keep][found]))
        return None if best is None else best[1:]

    def _hover_text(self, scene_pos: QPointF) -> str | None:
        found = self._point_under(scene_pos)
        if found is None:
            self._hover_marker.setData([])
            return None
        index, year, value = found
        colour = categorical(index, self.palette())
        self._hover_marker.setData([{"pos": (year, np.log10(value) if self._log else value), "size": 14,
                                     "pen": pg.mkPen(colour, width=2), "brush": None}])
        template = QCoreApplication.translate("TimeSeriesPlot", "%1, %2 — %3: %4")
        return fill_template(template, [self._series[index][1], str(round(year)), self._y_label,
                                        format_number(self.locale(), value)])

    def _pointer_left(self) -> None:
        self._hover_marker.setData([])

    def _clicked(self, scene_pos: QPointF) -> None:
        found = self._point_under(scene_pos)
        if found is not None:
            index, year, _value = found
            self.sig_clicked.emit(self._series[index][0], round(year))
