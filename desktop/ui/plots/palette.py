"""Colours of the plots: a categorical palette colour-blind readers can tell apart, and the palette's own colours.

The categorical colours are the Okabe–Ito palette (Masataka Okabe and Kei Ito, "Color Universal Design
(CUD): how to make figures and presentations that are friendly to colorblind people", 2008,
https://jfly.uni-koeln.de/color/), in its published order. Its first colour, black, is left to the end
and replaced by the palette's text colour there, so on a dark background it is light grey rather than
invisible. Past eight series the colours repeat and the caller varies the marker (``symbol_for``).

Background, foreground (axes, text) and grid come from the widget's QPalette through
``desktop.ui.palette.plot_colours``, so a plot follows the light and dark themes; each widget reads them
again on ``QEvent.PaletteChange`` / ``ApplicationPaletteChange``.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.ui.palette import blend
from desktop.ui.palette import plot_colours as _theme_colours

# Okabe & Ito (2008): orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple; black last.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")

# Marker shapes (pyqtgraph symbol names), varied once the eight colours have been used.
SYMBOLS = ("o", "s", "t", "d", "t1", "p", "h", "star")

# The critical quadrant (high dependency, high risk) and the other points of the criticality chart.
CRITICAL = "#D55E00"      # vermillion
ORDINARY = "#0072B2"      # blue


def plot_colours(palette: QPalette | None = None) -> dict[str, QColor]:
    """``background``, ``foreground``, ``grid``, ``muted`` (secondary text) and ``highlight`` under ``palette``."""
    palette = palette if palette is not None else QGuiApplication.palette()
    colours = _theme_colours(palette)
    background, foreground = colours["background"], colours["foreground"]
    colours["muted"] = blend(background, foreground, 0.6)
    colours["highlight"] = QColor(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
    return colours


def categorical(index: int, palette: QPalette | None = None) -> QColor:
    """The ``index``-th categorical colour (cycling); the black slot takes the palette's text colour."""
    name = OKABE_ITO[index % len(OKABE_ITO)]
    if name == "#000000":
        return QColor(plot_colours(palette)["foreground"])
    return QColor(name)


def symbol_for(index: int) -> str:
    """A marker shape that changes each time the colours have gone round once."""
    return SYMBOLS[(index // len(OKABE_ITO)) % len(SYMBOLS)]


def with_alpha(colour: QColor, alpha: int) -> QColor:
    """A copy of ``colour`` with ``alpha`` (0–255): tints and translucent fills."""
    copy = QColor(colour)
    copy.setAlpha(alpha)
    return copy


def others_colour(palette: QPalette | None = None) -> QColor:
    """A neutral grey for the "others" layer, distinct from every categorical colour on either background."""
    colours = plot_colours(palette)
    return blend(colours["background"], colours["foreground"], 0.35)


