"""Plots to PNG, SVG and the clipboard, as the analyst sees them (UI.md, "Export what they see").

* PNG: the plot area rendered into an image of its size × the screen's device pixel ratio, so a chart
  saved on a HiDPI screen is as sharp in a report as on the screen (``QWidget.grab`` would do the same,
  but it cannot be asked for another ratio, which the tests and a "print quality" option need).
* SVG: pyqtgraph's own exporter, which writes the scene's items as vector shapes and text (text stays
  text, so a report editor can still change a label); PySide6's wheels ship QtSvg, which it needs.
  pyqtgraph 0.14.0's exporter fails on PySide6 >= 6.11 (DESIGN.md, known traps): the pin keeps us below.
* The clipboard gets the PNG image, which pastes into Word, PowerPoint and Excel.

Only the plot is exported, never the small toolbar or the hover read-out line around it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

SUFFIXES = (".png", ".svg")


def plot_view(widget: QWidget) -> QWidget:
    """The pyqtgraph view inside one of our plot panels (``widget.plot_widget``), or ``widget`` itself."""
    return getattr(widget, "plot_widget", widget)


def render_image(widget: QWidget, ratio: float | None = None) -> QImage:
    """The plot as an image of (widget size × ``ratio``) pixels; ``ratio`` defaults to the widget's screen's."""
    view = plot_view(widget)
    ratio = float(ratio) if ratio else view.devicePixelRatioF()
    size = view.size()
    image = QImage(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(view.backgroundBrush().color() if hasattr(view, "backgroundBrush") else view.palette().base().color())
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    try:
        if hasattr(view, "scene") and view.scene() is not None and hasattr(view.scene(), "prepareForPaint"):
            view.scene().prepareForPaint()          # pyqtgraph's own render() does this first
        # QWidget.render, not QGraphicsView.render (which PySide6 resolves to the scene-rectangle overload)
        QWidget.render(view, painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
    finally:
        painter.end()
    return image


def save_plot(widget: QWidget, path: str | Path, ratio: float | None = None) -> Path:
    """Write the plot to ``path`` as PNG or SVG, chosen by its suffix; returns the path written.

    Raises ``ValueError`` for another suffix and ``OSError`` (with a sentence for the user) when the file
    cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        sentence = QCoreApplication.translate("PlotExport", "A plot can be saved as .png or .svg, not as “%1”.")
        raise ValueError(sentence.replace("%1", path.suffix or path.name))
    if suffix == ".png":
        if not render_image(widget, ratio).save(str(path), "PNG"):
            raise OSError(_cannot_write(path))
        return path
    _save_svg(plot_view(widget), path)
    return path


def copy_plot(widget: QWidget, ratio: float | None = None) -> QImage:
    """Put the plot on the clipboard as an image (what "Copy" pastes into a report); returns the image."""
    image = render_image(widget, ratio)
    QGuiApplication.clipboard().setImage(image)
    return image


def _save_svg(view: QWidget, path: Path) -> None:
    from pyqtgraph.exporters import SVGExporter

    exporter = SVGExporter(view.scene())
    exporter.parameters()["background"] = view.backgroundBrush().color()
    try:
        # pyqtgraph reports an unwritable file by raising from open() (OSError) deep inside export().
        exporter.export(fileName=str(path))
    except OSError as error:
        raise OSError(_cannot_write(path)) from error
    if not path.is_file():
        raise OSError(_cannot_write(path))


def _cannot_write(path: Path) -> str:
    sentence = QCoreApplication.translate("PlotExport", "Could not write %1. Check the folder and your rights to it.")
    return sentence.replace("%1", str(path))
