"""CritMin's own SVG icons: sharp at any size and device pixel ratio, coloured by the palette.

``icon("recompute")`` returns a QIcon whose engine renders ``desktop/resources/icons/recompute.svg`` at
exactly the size × device pixel ratio asked for, every time (never a scaled bitmap). The icons draw in
``currentColor``, which is replaced at paint time by the application palette's text colour (the disabled
text colour for disabled actions, the highlighted-text colour on a selected menu item), so after a theme
change the same QIcon paints light on dark. ``critmin`` is the full-colour application icon; icons
without ``currentColor`` keep their colours and are drawn faded when disabled.
"""
from __future__ import annotations

import functools
import logging
import sys
from collections import OrderedDict

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.paths import icons_dir

log = logging.getLogger("critmin.ui.icons")

APP_ICON = "critmin"
_CACHE_SIZE = 512          # rendered pixmaps kept: every (name, size, scale, mode, colour) seen
_DISABLED_OPACITY = 0.45   # full-colour icons in Disabled mode

_cache: OrderedDict[tuple, QPixmap] = OrderedDict()


def icon_names() -> list[str]:
    """Every icon shipped, by the name ``icon()`` takes (the SVG file's stem)."""
    return sorted(path.stem for path in icons_dir().glob("*.svg"))


@functools.cache
def _source(name: str) -> bytes:
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon named {name!r} (looked for {path}); the icons are: {', '.join(icon_names())}")
    return path.read_bytes()


def icon(name: str) -> QIcon:
    """The icon ``name`` (see ``icon_names()``), re-rendered for each size, pixel ratio and palette.

    An unknown name raises ``KeyError`` from source, so a typo is found at once; the frozen app logs it
    and shows no icon rather than failing to start.
    """
    try:
        source = _source(name)
    except KeyError:
        if getattr(sys, "frozen", False):
            log.error("missing icon %r", name)
            return QIcon()
        raise
    return QIcon(SvgIconEngine(name, source))


def app_icon() -> QIcon:
    """The full-colour CritMin mark, for the window and the About box."""
    return icon(APP_ICON)


def icon_colour(mode: QIcon.Mode = QIcon.Mode.Normal, palette: QPalette | None = None) -> QColor:
    """The colour that replaces ``currentColor`` for ``mode`` under ``palette`` (default: the application's)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class SvgIconEngine(QIconEngine):
    """Renders one SVG per request; the palette is read at paint time, so themes need no reload."""

    def __init__(self, name: str, source: bytes):
        super().__init__()
        self._name = name
        self._source = source
        self._recolour = b"currentColor" in source

    # Qt API --------------------------------------------------------------------------------------
    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name, self._source)

    def key(self) -> str:
        return "critmin-svg"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return False

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())   # the icons are square
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        # Since Qt 6.8 ``size`` is in device-independent pixels; the pixmap has size × scale pixels.
        return self._render(size, mode, float(scale) if scale > 0 else 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self._render(rect.size(), mode, scale))

    # rendering -----------------------------------------------------------------------------------
    def _render(self, size: QSize, mode: QIcon.Mode, scale: float) -> QPixmap:
        colour = icon_colour(mode) if self._recolour else None
        key = (self._name, size.width(), size.height(), round(scale, 4), mode,
               colour.rgba() if colour is not None else None)
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached
        width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        source, opacity = self._source, 1.0
        if colour is not None:
            source = source.replace(b"currentColor", colour.name(QColor.NameFormat.HexRgb).encode("ascii"))
            opacity = colour.alphaF()
        elif mode == QIcon.Mode.Disabled:
            opacity = _DISABLED_OPACITY
        renderer = QSvgRenderer(QByteArray(source))
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        if opacity < 1.0:   # fade the picture as a whole (per shape, overlaps would come out darker)
            faded = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            faded.fill(Qt.GlobalColor.transparent)
            painter = QPainter(faded)
            painter.setOpacity(opacity)
            painter.drawImage(0, 0, image)
            painter.end()
            image = faded
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        _cache[key] = pixmap
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
        return pixmap
