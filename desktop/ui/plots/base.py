"""What every plot panel shares: the pyqtgraph view, export actions, a hover read-out line and the palette.

A panel is a QWidget holding a small row of tool buttons (the widget's own controls on the left, "Save as
PNG…", "Save as SVG…" and "Copy" on the right), the pyqtgraph ``PlotWidget`` and one line below it
that reads out the value under the pointer. The same actions, plus "Show All", are on the plot's
context menu (a right click, the Menu key). pyqtgraph's own context menu and its "A" button are turned
off: their English-only entries ("Plot Options", "Mouse Mode" …) are not translated and offer settings
an analyst does not need.

Subclasses draw their items, give the read-out text for a scene position (``_hover_text``), react to
a left click (``_clicked``) and re-colour their items (``_recolour``), which runs again whenever the
palette changes, so plots follow the light and dark themes.
"""
from __future__ import annotations

import html
import math
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from desktop.ui.icons import icon
from desktop.ui.plots import export
from desktop.ui.plots.palette import plot_colours

_session: dict[str, Path | None] = {"folder": None}    # the folder of the last export, for the next dialog
_UNSAFE_FILE_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def format_number(locale: QLocale, value, digits: int = 6) -> str:
    """``value`` as the locale writes it: integers with digit grouping, others to ``digits`` significant digits.

    Six significant digits show the value a table shows (the read-outs promise the exact value) without
    the binary noise of a float (0.30000000000000004).
    """
    value = float(value)
    if not math.isfinite(value):
        return "—"
    if value.is_integer() and abs(value) < 1e15:
        return locale.toString(int(value))
    return locale.toString(value, "g", digits)


def format_threshold(locale: QLocale, value: float) -> str:
    """A threshold as parameters show it: two decimals ("0.50"), three for a computed one ("0.404"; the
    hover read-out and Details give every digit)."""
    return locale.toString(value, "f", 2) if round(value, 2) == value else locale.toString(value, "f", 3)


def format_percent(locale: QLocale, share: float, decimals: int = 1) -> str:
    """A share 0..1 as a percentage in the locale's digits and percent sign ("63.2%", "63,2%")."""
    if not math.isfinite(share):
        return "—"
    return locale.toString(share * 100.0, "f", decimals) + locale.percent()


def fill_template(template: str, parts: list[str]) -> str:
    """Qt's ``%1``…``%9`` filled in one pass, so a name containing "%2" is shown as written."""
    out, i = [], 0
    while i < len(template):
        if template[i] == "%" and i + 1 < len(template) and template[i + 1].isdigit() and template[i + 1] != "0":
            n = int(template[i + 1])
            out.append(parts[n - 1] if n <= len(parts) else "")
            i += 2
        else:
            out.append(template[i])
            i += 1
    return "".join(out)


class LocaleAxis(pg.AxisItem):
    """An axis whose tick labels follow the widget's locale (decimal comma in German, grouping in both).

    ``kind`` is ``"number"``, ``"percent"`` (values 0..1 shown as 0 %…100 %) or ``"year"`` (whole years
    only, never 2,020.5).
    """

    def __init__(self, orientation: str, owner: QWidget, kind: str = "number", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._owner = owner
        self._kind = kind
        self.enableAutoSIPrefix(False)       # "(x1e+06)" beside an axis title is not how analysts read tonnes
        if orientation in ("bottom", "top"):
            # the first and last year sit near the axis ends: let their labels overhang a little, not vanish
            self.setStyle(hideOverlappingLabels=24)

    def tickSpacing(self, minVal, maxVal, size):
        levels = super().tickSpacing(minVal, maxVal, size)[:2]     # a third, finer grid only adds clutter
        if self._kind != "year" or self.logMode:
            return levels
        whole = [(max(1.0, round(spacing)), offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        locale = self._owner.locale()
        if self._kind == "year":
            return [str(round(v)) if abs(v - round(v)) < 1e-6 else "" for v in values]
        places = max(0, math.ceil(-math.log10(spacing * scale))) if spacing > 0 else 0
        if self._kind == "percent":
            return [locale.toString(v * scale * 100.0, "f", max(0, places - 2)) + locale.percent() for v in values]
        out = []
        for v in values:
            vs = v * scale
            if vs != 0 and (abs(vs) < 1e-3 or abs(vs) >= 1e7):
                out.append(locale.toString(vs, "g", 3))
            else:
                out.append(locale.toString(vs, "f", places))
        return out


class _LeaveWatcher(QObject):
    """Clears the read-out when the pointer leaves the plot (pyqtgraph reports moves, never the leaving)."""

    def __init__(self, panel: PlotPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._panel._set_readout("")
            self._panel._pointer_left()
        return False


class _PlotView(pg.PlotWidget):
    """pyqtgraph's view, whose Menu key (or Shift+F10) opens the panel's menu.

    A right click opens it through the scene instead (``PlotPanel._mouse_clicked``): pyqtgraph tells a
    click from a right-drag (its zoom), which a plain context-menu event, sent on the press, cannot.
    """

    sig_menu_key = Signal(QPoint)

    def contextMenuEvent(self, event) -> None:
        if event.reason() != QContextMenuEvent.Reason.Mouse:
            self.sig_menu_key.emit(self.mapToGlobal(self.rect().center()))
        event.accept()


class PlotPanel(QWidget):
    """A plot with its export actions and read-out; the base of the criticality, time-series and share plots."""

    sig_exported = Signal(str)          # the path of a file written by "Save as PNG…" / "Save as SVG…"

    def __init__(self, parent: QWidget | None = None, *, name: str, export_name: str,
                 axis_kinds: tuple[str, str] = ("number", "number")) -> None:
        super().__init__(parent)
        self._export_name = export_name
        self._recolouring = False
        self.setAccessibleName(name)
        axes = {"bottom": LocaleAxis("bottom", self, axis_kinds[0]), "left": LocaleAxis("left", self, axis_kinds[1])}
        self.plot_widget = _PlotView(self, axisItems=axes)
        self.plot_widget.setAccessibleName(name)
        self.plot_widget.setMinimumSize(240, 180)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        self.view_box: pg.ViewBox = self.plot_item.getViewBox()
        self.plot_item.setMenuEnabled(False, enableViewBoxMenu=False)
        self.plot_item.hideButtons()
        self.plot_item.showGrid(x=True, y=True, alpha=0.2)
        self.plot_item.layout.setContentsMargins(4, 4, 18, 4)   # room for the last x label's overhang
        for side in ("top", "right"):
            self.plot_item.showAxis(side, False)

        self._build_actions()
        self.controls = QHBoxLayout()        # the subclass's own controls, left of the export buttons
        self.controls.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 2, 0)
        bar.addLayout(self.controls)
        bar.addStretch(1)
        for action in (self.action_save_png, self.action_save_svg, self.action_copy):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(action.text().replace("&", ""))
            bar.addWidget(button)
        self.readout = QLabel(self)
        self.readout.setAccessibleName(QCoreApplication.translate("PlotPanel", "Value under the pointer"))
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.readout.setMinimumHeight(self.readout.fontMetrics().height() + 4)
        self.readout.setIndent(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)

        self.plot_widget.sig_menu_key.connect(self._show_context_menu)
        scene = self.plot_widget.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)
        self.plot_widget.viewport().installEventFilter(_LeaveWatcher(self))

    # public ---------------------------------------------------------------------------------------
    def set_export_name(self, name: str) -> None:
        """The file name (without suffix) the save dialogs propose, e.g. "criticality-2023"."""
        self._export_name = name

    def export_name(self) -> str:
        cleaned = _UNSAFE_FILE_CHARACTERS.sub("-", self._export_name).strip(" .-")
        return cleaned or "plot"

    def describe(self, text: str) -> None:
        """How to use the plot, for screen readers (accessible description) and as the panel's tooltip."""
        self.plot_widget.setAccessibleDescription(text)
        self.setToolTip(text)

    def save(self, path: str | Path, ratio: float | None = None) -> Path:
        """Write the plot to ``path`` (.png or .svg) without asking; raises ``OSError`` / ``ValueError``."""
        return export.save_plot(self, path, ratio)

    def copy(self) -> None:
        """Put the plot on the clipboard as an image."""
        export.copy_plot(self)

    def reset_view(self) -> None:
        """Show all the data again after zooming or panning."""
        self.plot_item.enableAutoRange()

    def context_menu(self) -> QMenu:
        """The plot's context menu (also built for the Menu key); the caller shows it."""
        menu = QMenu(self)
        menu.setAccessibleName(QCoreApplication.translate("PlotPanel", "Plot menu"))
        for action in (self.action_save_png, self.action_save_svg, self.action_copy):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_reset)
        return menu

    # export ---------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def make(text: str, tip: str, icon_name: str | None, slot) -> QAction:
            action = QAction(text, self)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            if icon_name:
                action.setIcon(icon(icon_name))
            action.triggered.connect(slot)
            return action

        self.action_save_png = make(
            QCoreApplication.translate("PlotPanel", "Save as PNG…"),
            QCoreApplication.translate("PlotPanel", "Save the plot as a PNG image, as sharp as on this screen"),
            "save-as", lambda: self._save_as(".png"))
        self.action_save_svg = make(
            QCoreApplication.translate("PlotPanel", "Save as SVG…"),
            QCoreApplication.translate("PlotPanel", "Save the plot as an SVG drawing that stays sharp at any size"),
            "save-as", lambda: self._save_as(".svg"))
        self.action_copy = make(
            QCoreApplication.translate("PlotPanel", "Copy"),
            QCoreApplication.translate("PlotPanel", "Copy the plot as an image, to paste into a report"),
            "copy", self.copy)
        self.action_reset = make(
            QCoreApplication.translate("PlotPanel", "Show All"),
            QCoreApplication.translate("PlotPanel", "Zoom out to show all the data again"),
            None, self.reset_view)

    def _ask_path(self, suffix: str) -> str:
        folder = _session["folder"]
        if folder is None or not Path(folder).is_dir():
            from desktop.paths import documents_dir

            folder = documents_dir()
        proposed = str(Path(folder) / (self.export_name() + suffix))
        if suffix == ".png":
            title = QCoreApplication.translate("PlotPanel", "Save Plot as PNG")
            kind = QCoreApplication.translate("PlotPanel", "PNG image (*.png)")
        else:
            title = QCoreApplication.translate("PlotPanel", "Save Plot as SVG")
            kind = QCoreApplication.translate("PlotPanel", "SVG drawing (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, title, proposed, kind)
        return path

    def _save_as(self, suffix: str) -> None:
        path = self._ask_path(suffix)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            written = self.save(path)
        except (OSError, ValueError) as error:
            from desktop.ui.widgets.messages import tell

            tell(self, QCoreApplication.translate("PlotPanel", "Plot not saved"), str(error))
            return
        _session["folder"] = written.parent
        self.sig_exported.emit(str(written))

    def _show_context_menu(self, global_pos: QPoint) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_pos)

    # pointer --------------------------------------------------------------------------------------
    def _mouse_moved(self, scene_pos: QPointF) -> None:
        text = self._hover_text(scene_pos) if self.view_box.sceneBoundingRect().contains(scene_pos) else None
        self._set_readout(text or "")

    def _mouse_clicked(self, event) -> None:
        if event.double():
            return
        if event.button() == Qt.MouseButton.RightButton:
            event.accept()
            self._show_context_menu(event.screenPos().toPoint())
        elif event.button() == Qt.MouseButton.LeftButton and self.view_box.sceneBoundingRect().contains(
                event.scenePos()):          # not a click on the legend, the axes or the title
            self._clicked(event.scenePos())

    def _set_readout(self, text: str) -> None:
        self.readout.setText(text)
        self.readout.setToolTip(text)

    def _hover_text(self, scene_pos: QPointF) -> str | None:
        """The read-out for the pointer at ``scene_pos`` (None: nothing near it)."""
        return None

    def _clicked(self, scene_pos: QPointF) -> None:
        """A left click at ``scene_pos`` in the plot."""

    def _pointer_left(self) -> None:
        """The pointer has left the plot (subclasses drop their hover marker)."""

    # geometry -------------------------------------------------------------------------------------
    def to_scene(self, xs, ys) -> tuple[np.ndarray, np.ndarray]:
        """Data coordinates (in the view's own units, i.e. log10 in log mode) to scene pixels, vectorised."""
        t = self.view_box.childGroup.sceneTransform()
        xs, ys = np.asarray(xs, float), np.asarray(ys, float)
        return t.m11() * xs + t.m21() * ys + t.dx(), t.m12() * xs + t.m22() * ys + t.dy()

    def nearest(self, scene_pos: QPointF, xs, ys, radius: float | np.ndarray) -> int | None:
        """The index of the point nearest ``scene_pos`` within ``radius`` pixels of it, or None."""
        if len(xs) == 0:
            return None
        sx, sy = self.to_scene(xs, ys)
        distance = np.hypot(sx - scene_pos.x(), sy - scene_pos.y())
        distance = np.where(np.isfinite(distance), distance, np.inf)
        index = int(np.argmin(distance))
        return index if distance[index] <= np.broadcast_to(radius, distance.shape)[index] else None

    # palette --------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_colours()

    def colours(self) -> dict[str, QColor]:
        return plot_colours(self.palette())

    def apply_colours(self) -> None:
        """Paint the plot in the current palette's colours (called at start and on every palette change)."""
        if self._recolouring:
            return
        self._recolouring = True
        try:
            colours = self.colours()
            self.plot_widget.setBackground(colours["background"])
            for side in ("left", "bottom"):
                axis = self.plot_item.getAxis(side)
                axis.setPen(pg.mkPen(colours["foreground"], width=1))
                axis.setTextPen(pg.mkPen(colours["foreground"]))
            title = getattr(self, "_title", "")
            if title:
                self.plot_item.setTitle(html.escape(title), color=colours["foreground"].name())
            self._recolour(colours)
        finally:
            self._recolouring = False

    def _recolour(self, colours: dict[str, QColor]) -> None:
        """Re-colour the subclass's items."""

    def set_axis_titles(self, bottom: str, left: str) -> None:
        """Axis titles (plain text: a name such as "R&D" is shown as written, not read as markup)."""
        self.plot_item.setLabel("bottom", html.escape(bottom))
        self.plot_item.setLabel("left", html.escape(left))
        self.apply_colours()


def legend_beside(plot_item: pg.PlotItem, font, sample_type=None) -> pg.LegendItem:
    """A legend in its own column right of the plot, top-aligned: beside the data, it never hides any."""
    legend = pg.LegendItem(offset=None, verSpacing=-2, labelTextSize=css_size(font), frame=False,
                           sampleType=sample_type)
    legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    plot_item.layout.addItem(legend, 2, 3)
    plot_item.layout.setAlignment(legend, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return legend


def css_size(font) -> str:
    """The font's size as pyqtgraph's text items take it ("9pt"), for fonts sized in points or in pixels."""
    return f"{font.pointSizeF():g}pt" if font.pointSizeF() > 0 else f"{font.pixelSize()}px"


def dashed_pen(colour: QColor, width: float = 1.5) -> pg.QtGui.QPen:
    pen = pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    return pen
