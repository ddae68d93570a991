"""The criticality chart: import dependency D on x, supply risk R on y, point size by market dynamics M.

It is the chart analysts paste into reports, so every point carries its mineral's name. Names are placed
in screen pixels, greedily: the selected mineral first, then the larger points, each taking the first
of a ring of positions around its point that stays inside the plot and overlaps no name already placed
(nor, if it can help it, another point). A name with no free place is hidden rather than drawn over
another; the hover read-out still names it. The placement runs again whenever the view's range or size
changes, because pixel room is what decides it.
"""
from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QWidget

from desktop.ui.plots.base import PlotPanel, css_size, dashed_pen, fill_template, format_number, format_threshold
from desktop.ui.plots.palette import CRITICAL, ORDINARY, with_alpha

_GAP = 3.0            # pixels between a point's edge and its name
_RINGS = (0.0, 12.0, 28.0, 48.0)   # distances beyond the point's edge at which a name may sit
_MARKER_COST = 40     # a name over another point is allowed, but only when every clear place is taken


class QuadrantChart(PlotPanel):
    """Minerals as points in the (D, R) plane, the thresholds dividing it into four quadrants.

    ``sig_clicked(id)`` is emitted with the id of a clicked point.
    """

    sig_clicked = Signal(str)

    MIN_DIAMETER = 10.0
    MAX_DIAMETER = 34.0
    MISSING_DIAMETER = 9.0     # no market dynamics value: a small hollow ring

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name=QCoreApplication.translate("QuadrantChart", "Criticality chart"),
                         export_name="criticality-chart")
        self.describe(QCoreApplication.translate(
            "QuadrantChart", "Click a point to select its mineral; drag to pan, scroll to zoom"))
        self._ids: list[str] = []
        self._names: list[str] = []
        self._x = self._y = self._m = np.zeros(0)
        self._drawn = np.zeros(0, bool)
        self._diameters = np.zeros(0)
        self._thresholds = (0.5, 0.5)
        self._symbols = ("D", "R")
        self._titles = ("", "", "")
        self._selected: str | None = None
        self._label_rects: dict[str, QRectF] = {}
        self._title = ""

        self._tint = QGraphicsRectItem()
        self._tint.setPen(QPen(Qt.PenStyle.NoPen))
        self._tint.setZValue(-20)
        self.view_box.addItem(self._tint, ignoreBounds=True)
        self.x_threshold_line = pg.InfiniteLine(angle=90, movable=False)
        self.y_threshold_line = pg.InfiniteLine(angle=0, movable=False)
        for line in (self.x_threshold_line, self.y_threshold_line):
            line.setZValue(-10)
            self.view_box.addItem(line, ignoreBounds=True)
        self._threshold_labels = (pg.TextItem(anchor=(0, 0)), pg.TextItem(anchor=(0, 0)))
        self._leaders = pg.PlotCurveItem(connect="pairs")
        self._scatter = pg.ScatterPlotItem(pxMode=True, useCache=False)   # vector symbols: sharp in exports
        self._ring = pg.ScatterPlotItem(pxMode=True, useCache=False)
        for item in (*self._threshold_labels, self._leaders, self._scatter, self._ring):
            self.view_box.addItem(item, ignoreBounds=True)
        # stacking: tint < threshold lines < points < selection ring < leader lines < names < threshold values
        self._ring.setZValue(1)
        self._leaders.setZValue(4)
        for label in self._threshold_labels:
            label.setZValue(6)
        self._labels: list[pg.TextItem] = []
        self._label_by_id: dict[str, pg.TextItem] = {}
        self._placing_paused = False
        self._placing = self._place_again = False          # see place_labels

        self.view_box.disableAutoRange()
        self.view_box.sigTransformChanged.connect(lambda *_: self.place_labels())
        self.view_box.sigResized.connect(lambda *_: self.place_labels())
        self.apply_colours()

    # public -------------------------------------------------------------------------------------
    def set_points(self, ids, names, x, y, size_values, *, x_threshold: float | None, y_threshold: float | None,
                   x_label: str, y_label: str, size_label: str, x_symbol: str = "D", y_symbol: str = "R") -> None:
        """Show one point per mineral; ``None``/NaN in ``x`` or ``y`` leaves it out (see ``missing``).

        ``size_values`` (market dynamics) scale the point's area between the smallest and the largest
        value shown; a missing one draws a small hollow ring. The threshold labels read
        "``x_symbol`` = value" and "``y_symbol`` = value".  A threshold that is None (the metric could
        not be computed) draws no line, and no point is in the critical quadrant.
        """
        self._ids = [str(i) for i in ids]
        self._names = [str(n) for n in names]
        count = len(self._ids)
        self._x, self._y, self._m = (_floats(v, count) for v in (x, y, size_values))
        self._drawn = np.isfinite(self._x) & np.isfinite(self._y)
        # a missing threshold is +inf: nothing reaches it, and its line and label are hidden
        self._thresholds = tuple(float(t) if t is not None and np.isfinite(float(t)) else np.inf
                                 for t in (x_threshold, y_threshold))
        self._symbols = (x_symbol, y_symbol)
        self._titles = (x_label, y_label, size_label)
        if self._selected not in self._ids:
            self._selected = None
        self._diameters = self._scale_sizes(self._m)
        self._title = QCoreApplication.translate("QuadrantChart", "Point size: %1 (hollow: no value)").replace(
            "%1", size_label)
        self.set_axis_titles(x_label, y_label)

        self._labels = [self._label_for(identifier, name) for identifier, name in zip(self._ids, self._names)]
        for identifier in set(self._label_by_id) - set(self._ids):     # minerals no longer shown
            self.view_box.removeItem(self._label_by_id.pop(identifier))

        tx, ty = self._thresholds
        self.x_threshold_line.setVisible(bool(np.isfinite(tx)))
        self.y_threshold_line.setVisible(bool(np.isfinite(ty)))
        self._tint.setVisible(bool(np.isfinite(tx) and np.isfinite(ty)))
        tx, ty = (t if np.isfinite(t) else 0.0 for t in (tx, ty))
        self.x_threshold_line.setValue(tx)
        self.y_threshold_line.setValue(ty)
        self._tint.setRect(QRectF(tx, ty, 1e6, 1e6))       # to "infinity" up and right: panning keeps it
        self._threshold_labels[0].setText(f"{x_symbol} = {format_threshold(self.locale(), tx)}")
        self._threshold_labels[1].setText(f"{y_symbol} = {format_threshold(self.locale(), ty)}")
        # Each step below would place the names again (a range change does); place them once, at the end.
        self._placing_paused = True
        try:
            self.reset_view()
            self.apply_colours()                # draws the points in the colours of the current palette
        finally:
            self._placing_paused = False
        self.select(self._selected)            # the selected name in bold, and every name placed

    def _label_for(self, identifier: str, name: str) -> pg.TextItem:
        """The name item of ``identifier``, kept between redraws: a recompute usually shows the same
        minerals, and making and laying out a text item per name was the slowest part of a redraw."""
        label = self._label_by_id.get(identifier)
        if label is None:
            label = pg.TextItem(name, anchor=(0, 0))
            label.setFont(QApplication.font(self))
            label.textItem.document().setDocumentMargin(1)
            label.setZValue(5)
            self.view_box.addItem(label, ignoreBounds=True)
            self._label_by_id[identifier] = label
        elif label.toPlainText() != name:
            label.setText(name)
        return label

    def missing(self) -> list[str]:
        """Ids of the minerals not drawn because their x or y value is missing."""
        return [i for i, drawn in zip(self._ids, self._drawn) if not drawn]

    def select(self, point_id: str | None) -> None:
        """Highlight the point ``point_id`` (None: no highlight); its name is placed first and in bold."""
        self._selected = point_id if point_id in self._ids else None
        self._draw_ring()
        font = QApplication.font(self)
        for identifier, label in zip(self._ids, self._labels):
            want = identifier == self._selected
            if label.textItem.font().bold() != want:      # a font change lays the text out again
                bold = QFont(font)
                bold.setBold(want)
                label.setFont(bold)
        self.place_labels()

    def selected(self) -> str | None:
        return self._selected

    def point_positions(self) -> dict[str, tuple[float, float]]:
        """The drawn points' data coordinates (x, y) by id."""
        return {self._ids[i]: (float(self._x[i]), float(self._y[i])) for i in np.flatnonzero(self._drawn)}

    def scene_position(self, point_id: str) -> QPointF:
        """Where the point ``point_id`` is in the scene (pixels); map it with ``plot_widget.mapFromScene``."""
        i = self._ids.index(point_id)
        sx, sy = self.to_scene([self._x[i]], [self._y[i]])
        return QPointF(float(sx[0]), float(sy[0]))

    def label_items(self) -> dict[str, pg.TextItem]:
        return dict(zip(self._ids, self._labels))

    def label_rects(self) -> dict[str, QRectF]:
        """The scene rectangles of the names shown, by id (the hidden ones are absent)."""
        return dict(self._label_rects)

    def reset_view(self) -> None:
        """Show the whole unit square (and any value beyond it), whatever the zoom was."""
        drawn = self._drawn
        xs, ys = self._x[drawn], self._y[drawn]
        tx, ty = (t if np.isfinite(t) else 0.5 for t in self._thresholds)
        x0, x1 = min(0.0, *xs, tx), max(1.0, *xs, tx)
        y0, y1 = min(0.0, *ys, ty), max(1.0, *ys, ty)
        self.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.03)

    # drawing ------------------------------------------------------------------------------------
    def _scale_sizes(self, values: np.ndarray) -> np.ndarray:
        """Diameters whose areas grow with the value (area, not radius, is what the eye compares)."""
        sizes = np.full(len(values), self.MISSING_DIAMETER)
        known = np.isfinite(values)
        if known.any():
            lo, hi = float(values[known].min()), float(values[known].max())
            share = (values[known] - lo) / (hi - lo) if hi > lo else np.full(int(known.sum()), 0.5)
            area_lo, area_hi = self.MIN_DIAMETER ** 2, self.MAX_DIAMETER ** 2
            sizes[known] = np.sqrt(area_lo + share * (area_hi - area_lo))
        return sizes

    def _draw_points(self) -> None:
        colours = self.colours()
        spots = []
        tx, ty = self._thresholds
        for i in np.flatnonzero(self._drawn):
            critical = self._x[i] >= tx and self._y[i] >= ty
            colour = QColor(CRITICAL if critical else ORDINARY)
            if np.isfinite(self._m[i]):
                pen, brush = pg.mkPen(colours["background"], width=1), pg.mkBrush(with_alpha(colour, 210))
            else:
                pen, brush = pg.mkPen(colour, width=2), QBrush(Qt.BrushStyle.NoBrush)
            spots.append({"pos": (self._x[i], self._y[i]), "size": self._diameters[i], "pen": pen, "brush": brush,
                          "data": self._ids[i]})
        self._scatter.setData(spots)
        self._draw_ring()

    def _draw_ring(self) -> None:
        if self._selected is None or not self._drawn[self._ids.index(self._selected)]:
            self._ring.setData([])
            return
        i = self._ids.index(self._selected)
        pen = pg.mkPen(self.colours()["highlight"], width=3)
        self._ring.setData([{"pos": (self._x[i], self._y[i]), "size": self._diameters[i] + 9, "pen": pen,
                             "brush": QBrush(Qt.BrushStyle.NoBrush)}])

    def _recolour(self, colours) -> None:
        pen = dashed_pen(colours["muted"])
        for line in (self.x_threshold_line, self.y_threshold_line):
            line.setPen(pen)
        self._tint.setBrush(QBrush(with_alpha(QColor(CRITICAL), 28)))
        fill = pg.mkBrush(with_alpha(colours["background"], 190))
        for label in (*self._labels, *self._threshold_labels):
            label.setColor(colours["foreground"])
            label.fill = fill
            label.update()
        for label in self._threshold_labels:
            label.setColor(colours["muted"])
        self._leaders.setPen(pg.mkPen(colours["muted"], width=1))
        if self._title:
            self.plot_item.setTitle(html.escape(self._title), color=colours["muted"].name(), size=css_size(self.font()))
        if len(self._ids):
            self._draw_points()

    # names --------------------------------------------------------------------------------------
    def place_labels(self) -> None:
        """Place every name where it overlaps no other name; hide those that have no such place."""
        if self._placing_paused:
            return
        # Mapping points to pixels may update the view's transform, which emits sigTransformChanged and asks
        # for a placement again: run that one after this pass, not inside it (the outer pass would then write
        # positions from the old transform — the "R = …" label far from its line at 1920×1080).
        if self._placing:
            self._place_again = True
            return
        self._placing = True
        try:
            self._place_labels()
            for _ in range(2):             # the transform settles after its first update
                if not self._place_again:
                    break
                self._place_again = False
                self._place_labels()
        finally:
            self._placing = self._place_again = False

    def _place_labels(self) -> None:
        self._label_rects = {}
        bounds = self.view_box.sceneBoundingRect()
        if bounds.width() < 2 or bounds.height() < 2 or not self._labels:
            self._leaders.setData([], [])
            return
        fixed = self._place_threshold_labels(bounds)
        drawn = np.flatnonzero(self._drawn)
        sx, sy = self.to_scene(self._x, self._y)
        radius = self._diameters / 2.0
        markers = np.column_stack([sx - radius, sy - radius, sx + radius, sy + radius])   # NaN rows never overlap
        taken = list(fixed)
        order = sorted(drawn, key=lambda i: (self._ids[i] != self._selected, -self._diameters[i], i))
        leaders: list[tuple[float, float, float, float]] = []
        placed: set[int] = set()
        for i in order:
            label = self._labels[i]
            size = label.textItem.boundingRect()
            w, h = size.width(), size.height()
            offsets = _offsets(radius[i], w, h)
            boxes = np.column_stack([sx[i] + offsets[:, 0], sy[i] + offsets[:, 1],
                                     sx[i] + offsets[:, 0] + w, sy[i] + offsets[:, 1] + h])
            free = _inside_all(boxes, bounds) & ~_overlaps(boxes, np.asarray(taken, float).reshape(-1, 4)).any(axis=1)
            if not free.any():
                continue
            over = _overlaps(boxes, markers)
            over[:, i] = False     # its own point: the diagonal places touch its square, not the circle
            cost = np.arange(len(boxes)) + _MARKER_COST * over.sum(axis=1)
            best = int(np.argmin(np.where(free, cost, np.inf)))
            rect = tuple(float(v) for v in boxes[best])
            taken.append(rect)
            label.setPos(self.view_box.mapSceneToView(QPointF(rect[0], rect[1])))
            label.setVisible(True)
            self._label_rects[self._ids[i]] = QRectF(rect[0], rect[1], w, h)
            placed.add(i)
            if offsets[best, 2]:
                leaders.append(_leader(sx[i], sy[i], radius[i], rect))
        for i, label in enumerate(self._labels):
            if i not in placed:
                label.setVisible(False)
        self._draw_leaders(leaders)

    def _place_threshold_labels(self, bounds: QRectF) -> list[tuple[float, float, float, float]]:
        """The "D = …" label at the top beside its line, "R = …" at the right above its line."""
        known = [bool(np.isfinite(t)) for t in self._thresholds]
        tx, ty = (t if np.isfinite(t) else 0.0 for t in self._thresholds)
        (lx,), (_,) = self.to_scene([tx], [0.0])
        (_,), (ly,) = self.to_scene([0.0], [ty])
        rects = []
        for label, place, shown in zip(self._threshold_labels, ("top", "right"), known):
            if not shown:
                label.setVisible(False)
                continue
            size = label.textItem.boundingRect()
            w, h = size.width(), size.height()
            if place == "top":
                x = lx + 4 if lx + 4 + w <= bounds.right() else lx - 4 - w
                rect = (x, bounds.top() + 2, x + w, bounds.top() + 2 + h)
            else:
                y = ly - 2 - h if ly - 2 - h >= bounds.top() else ly + 2
                rect = (bounds.right() - 4 - w, y, bounds.right() - 4, y + h)
            visible = _inside(rect, bounds)
            label.setVisible(visible)
            if visible:
                label.setPos(self.view_box.mapSceneToView(QPointF(rect[0], rect[1])))
                rects.append(rect)
        return rects

    def _draw_leaders(self, leaders) -> None:
        if not leaders:
            self._leaders.setData([], [])
            return
        xs, ys = [], []
        for x0, y0, x1, y1 in leaders:
            for px, py in ((x0, y0), (x1, y1)):
                view = self.view_box.mapSceneToView(QPointF(px, py))
                xs.append(view.x())
                ys.append(view.y())
        self._leaders.setData(np.array(xs), np.array(ys))

    # pointer ------------------------------------------------------------------------------------
    def _point_under(self, scene_pos: QPointF) -> int | None:
        drawn = np.flatnonzero(self._drawn)
        found = self.nearest(scene_pos, self._x[drawn], self._y[drawn], self._diameters[drawn] / 2 + 4)
        return None if found is None else int(drawn[found])

    def _hover_text(self, scene_pos: QPointF) -> str | None:
        i = self._point_under(scene_pos)
        if i is None:
            return None
        locale = self.locale()
        none = QCoreApplication.translate("QuadrantChart", "no value")
        values = [format_number(locale, v) if np.isfinite(v) else none for v in (self._x[i], self._y[i], self._m[i])]
        text = QCoreApplication.translate("QuadrantChart", "%1 — %2: %3, %4: %5, %6: %7")
        parts = [self._names[i], self._titles[0], values[0], self._titles[1], values[1], self._titles[2], values[2]]
        return fill_template(text, parts)

    def _clicked(self, scene_pos: QPointF) -> None:
        i = self._point_under(scene_pos)
        if i is not None:
            self.select(self._ids[i])
            self.sig_clicked.emit(self._ids[i])


def _floats(values, count: int) -> np.ndarray:
    """Values as floats, ``None`` and anything unreadable as NaN (a missing value is not drawn)."""
    out = np.full(count, np.nan)
    for i, value in enumerate(values):
        try:
            out[i] = float(value) if value is not None else math.nan
        except (TypeError, ValueError):
            out[i] = math.nan
    return out


def _offsets(r: float, w: float, h: float) -> np.ndarray:
    """Rows (dx, dy, far) of a name's top-left offset from its point, most preferred first.

    Eight directions (right, upper right, left, upper left, above, below, lower right, lower left) at the
    point's edge, then the same eight on rings further out (``far``: a thin line leads back to the point).
    """
    rows = []
    for ring, extra in enumerate(_RINGS):
        e = r + _GAP + extra
        d = r * 0.72 + _GAP + extra * 0.72     # the diagonals touch the circle, not its bounding square
        for dx, dy in ((e, -h / 2), (d, -d - h), (-e - w, -h / 2), (-d - w, -d - h), (-w / 2, -e - h),
                       (-w / 2, e), (d, d), (-d - w, d)):
            rows.append((dx, dy, float(ring > 0)))
    return np.array(rows)


def _inside(rect, bounds: QRectF) -> bool:
    return bool(rect[0] >= bounds.left() and rect[1] >= bounds.top() and rect[2] <= bounds.right()
                and rect[3] <= bounds.bottom())


def _inside_all(boxes: np.ndarray, bounds: QRectF) -> np.ndarray:
    return ((boxes[:, 0] >= bounds.left()) & (boxes[:, 1] >= bounds.top()) & (boxes[:, 2] <= bounds.right())
            & (boxes[:, 3] <= bounds.bottom()))


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """(len(boxes) × len(others)): which box overlaps which of ``others`` (rows x0, y0, x1, y1) by over a hair.

    Rows of NaN (points not drawn) overlap nothing.
    """
    b, o = boxes[:, None, :], others[None, :, :]
    return ((o[..., 0] < b[..., 2] - 0.5) & (o[..., 2] > b[..., 0] + 0.5) & (o[..., 1] < b[..., 3] - 0.5)
            & (o[..., 3] > b[..., 1] + 0.5))


def _leader(px: float, py: float, r: float, rect) -> tuple[float, float, float, float]:
    """A short line from the point's edge to the nearest point of its (far) name's box."""
    nx = min(max(px, rect[0]), rect[2])
    ny = min(max(py, rect[1]), rect[3])
    dx, dy = nx - px, ny - py
    length = math.hypot(dx, dy) or 1.0
    return px + dx / length * r, py + dy / length * r, nx, ny
