"""Light and dark themes: ``apply_theme(app, "system" | "light" | "dark")`` and colours for the plots.

* ``dark``: the Fusion style with ``dark_palette()`` (the native styles draw badly on a dark palette);
* ``light``: the platform's own style and palette;
* ``system``: follows ``QStyleHints.colorScheme()`` and keeps following it while the app runs: the
  platform's own dark palette where it has one that its style can draw (macOS, the Windows 11 style,
  KDE …), Fusion and ``dark_palette()`` otherwise.

Icons need nothing: ``desktop.ui.icons`` reads the palette whenever it paints. Plots call
``plot_colours()`` (no signals here; a view re-reads it on ``QEvent.PaletteChange``).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

# Text #e6e6e6 on the window #2d2d30 is about 11:1, on the base #1e1e1f about 14:1; white on the
# highlight #2f65ca about 5.6:1; the disabled text #7d7d7d stays readable but clearly secondary.
_DARK = {
    _Role.Window: "#2d2d30",
    _Role.WindowText: "#e6e6e6",
    _Role.Base: "#1e1e1f",
    _Role.AlternateBase: "#27272a",
    _Role.ToolTipBase: "#3a3a3e",
    _Role.ToolTipText: "#f2f2f2",
    _Role.PlaceholderText: "#8f8f8f",
    _Role.Text: "#e6e6e6",
    _Role.Button: "#37373b",
    _Role.ButtonText: "#e6e6e6",
    _Role.BrightText: "#ff7b72",
    _Role.Light: "#4b4b50",
    _Role.Midlight: "#3d3d41",
    _Role.Mid: "#252527",
    _Role.Dark: "#19191a",
    _Role.Shadow: "#0a0a0a",
    _Role.Highlight: "#2f65ca",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#6cb4ff",
    _Role.LinkVisited: "#c29bff",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7d7d7d",
    _Role.Text: "#7d7d7d",
    _Role.ButtonText: "#7d7d7d",
    _Role.PlaceholderText: "#5f5f5f",
    _Role.Base: "#252527",
    _Role.Button: "#2f2f32",
    _Role.Highlight: "#45454a",
    _Role.HighlightedText: "#a8a8a8",
    _Role.Link: "#4f6f94",
}

_state: dict = {"theme": None, "native_style": None, "applying": False, "following": False}


def dark_palette() -> QPalette:
    """CritMin's dark palette (readable text, highlight, links, tooltips and disabled colours)."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))          # every colour group
    accent = getattr(_Role, "Accent", None)             # Qt >= 6.6
    if accent is not None:
        palette.setColor(accent, QColor(_DARK[_Role.Highlight]))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


def apply_theme(app: QApplication, theme: str) -> str:
    """Switch ``app`` to ``theme`` (one of ``THEMES``); returns the scheme in effect, "light" or "dark"."""
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}, not {theme!r}")
    if _state["native_style"] is None:          # remembered before the first change
        _state["native_style"] = app.style().name()
    _state["theme"] = theme
    hints = app.styleHints()
    _follow_system(app, hints)
    _state["applying"] = True
    try:
        _request_scheme(hints, theme)
        native = _state["native_style"]
        if theme == "dark":
            _use(app, "Fusion", dark_palette())
            return "dark"
        _use(app, native, QPalette())           # an empty palette: the style's and platform's own
        if theme == "system" and _scheme(hints) == Qt.ColorScheme.Dark:
            if not is_dark(app.palette()) or native.lower() == "windowsvista":   # it draws light controls
                _use(app, "Fusion", dark_palette())
            return "dark"
        if is_dark(app.palette()):               # "light" asked, but the platform stays dark
            fusion = QStyleFactory.create("Fusion")
            _use(app, "Fusion", fusion.standardPalette())
        return "light"
    finally:
        _state["applying"] = False


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) shows light text on a dark window."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return luminance(palette.color(_Role.Window)) < luminance(palette.color(_Role.WindowText))


def plot_colours(palette: QPalette | None = None) -> dict[str, QColor]:
    """Colours for a plot under ``palette``: ``background``, ``foreground`` (axes, text) and ``grid``."""
    palette = palette if palette is not None else QGuiApplication.palette()
    background = palette.color(_Group.Active, _Role.Base)
    foreground = palette.color(_Group.Active, _Role.Text)
    return {"background": background, "foreground": foreground,
            "grid": blend(background, foreground, 0.25 if is_dark(palette) else 0.18)}


# helpers -----------------------------------------------------------------------------------------
def _use(app: QApplication, style: str, palette: QPalette) -> None:
    if app.style().name().lower() != style.lower():
        app.setStyle(style)
    app.setPalette(palette)


def _scheme(hints: QStyleHints) -> Qt.ColorScheme:
    return hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown


def _request_scheme(hints: QStyleHints, theme: str) -> None:
    """Tell the platform (Qt >= 6.8: window frames, native dialogs) which scheme the app wants."""
    if theme == "system":
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
    elif hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)


def _follow_system(app: QApplication, hints: QStyleHints) -> None:
    """Once: re-apply "system" when the platform's scheme changes while the app runs."""
    if _state["following"] or not hasattr(hints, "colorSchemeChanged"):
        return
    _state["following"] = True

    def changed(_scheme_now) -> None:
        if _state["theme"] == "system" and not _state["applying"]:
            apply_theme(app, "system")

    hints.colorSchemeChanged.connect(changed)


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2), 0 black … 1 white."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a share ``t`` of the way to ``b`` (0: a, 1: b)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)
