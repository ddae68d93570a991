"""SVG icons (sharp at any size and pixel ratio, coloured by the palette) and the light/dark themes."""
from __future__ import annotations

import gc

import numpy as np
import pytest
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QToolButton

from desktop.paths import icons_dir
from desktop.ui import icons
from desktop.ui.palette import THEMES, apply_theme, dark_palette, is_dark, plot_colours

REQUIRED = ["new-project", "open-project", "import-data", "export-data", "export-results", "recompute", "undo",
            "redo", "copy", "paste", "find", "cancel", "add-row", "delete-row", "filter", "preferences", "help",
            "about", "close-project", "save-as", "warning", "error", "info", "critmin"]
MONOCHROME = [name for name in REQUIRED if name != icons.APP_ICON]


@pytest.fixture
def theme(qapp):
    """Apply themes freely; the test leaves the application in the light theme it found."""
    yield lambda name: apply_theme(qapp, name)
    apply_theme(qapp, "light")


def rgba(pixmap) -> np.ndarray:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def ink(pixmap) -> np.ndarray:
    """The colour of the solid pixels (alpha 255) of a rendered icon, averaged."""
    pixels = rgba(pixmap)
    solid = pixels[pixels[..., 3] == 255]
    assert len(solid) > 0
    return solid[..., :3].mean(axis=0)


def test_every_required_icon_is_shipped():
    assert sorted(REQUIRED) == icons.icon_names()
    for extra in ("critmin.png", "critmin.ico"):
        assert (icons_dir() / extra).is_file()


@pytest.mark.parametrize("name", REQUIRED)
def test_icon_file_is_valid_svg_on_a_24_grid(name):
    path = icons_dir() / f"{name}.svg"
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QRectF(0, 0, 24, 24)
    assert ("currentColor" in path.read_text(encoding="utf-8")) == (name in MONOCHROME)


@pytest.mark.parametrize("name", REQUIRED)
def test_icon_renders_at_every_size_and_pixel_ratio(qapp, name):
    ic = icons.icon(name)
    assert not ic.isNull() and ic.name() == name
    for side in (16, 24, 32, 48):
        for ratio in (1.0, 2.0):
            pixmap = ic.pixmap(QSize(side, side), ratio)
            # rendered for the device pixels, not scaled up from a logical-size bitmap
            assert (pixmap.width(), pixmap.height()) == (round(side * ratio),) * 2
            assert pixmap.devicePixelRatio() == ratio
            alpha = rgba(pixmap)[..., 3]
            assert (alpha > 0).mean() > 0.04, f"{name} at {side}px × {ratio} is (almost) empty"
            assert alpha.max() > 240          # strokes reach full ink (a 16 px diagonal may not quite)


def test_pixel_ratio_two_is_drawn_not_upscaled(qapp):
    """At ×2 a 1.75-unit stroke is about 3.5 px wide with crisp edges: not a blurred 24 px bitmap."""
    ic = icons.icon("cancel")
    sharp = rgba(ic.pixmap(QSize(24, 24), 2.0))[..., 3]
    upscaled = rgba(ic.pixmap(QSize(24, 24), 1.0).scaled(48, 48, mode=Qt.TransformationMode.SmoothTransformation))
    assert (sharp == 255).sum() > (upscaled[..., 3] == 255).sum()


def test_paint_uses_the_painter_pixel_ratio(qapp):
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    icons.icon("find").paint(painter, QRect(0, 0, 32, 32))
    painter.end()
    alpha = np.array([[image.pixelColor(x, y).alpha() for x in range(64)] for y in range(64)])
    assert (alpha > 0).mean() > 0.04     # the whole 64 px image, not its top-left quarter
    assert alpha[32:, 32:].max() == 255


def test_unknown_icon_is_a_clear_key_error(qapp):
    with pytest.raises(KeyError, match="no icon named 'recompoot'.*recompute"):
        icons.icon("recompoot")


def test_icons_survive_copies_and_garbage_collection(qapp):
    copies = [QIcon(icons.icon(name)) for name in ("undo", "redo")]
    gc.collect()
    for ic in copies:
        ic.addPixmap(ic.pixmap(QSize(16, 16)))   # detaches: Qt clones the Python engine
        gc.collect()
        assert rgba(ic.pixmap(QSize(32, 32)))[..., 3].max() == 255


def test_icons_follow_the_palette(qapp, theme):
    ic = icons.icon("find")               # one QIcon, painted before and after the change
    theme("light")
    assert ink(ic.pixmap(QSize(48, 48))).max() < 90           # dark ink on light
    theme("dark")
    assert ink(ic.pixmap(QSize(48, 48))).min() > 170          # light ink on dark
    disabled = ink(ic.pixmap(QSize(48, 48), 1.0, QIcon.Mode.Disabled))
    expected = qapp.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert np.allclose(disabled, [expected.red(), expected.green(), expected.blue()], atol=3)
    assert disabled.mean() < ink(ic.pixmap(QSize(48, 48))).mean()
    selected = ink(ic.pixmap(QSize(48, 48), 1.0, QIcon.Mode.Selected))
    assert selected.min() > 240                                 # highlighted text: white


def test_app_icon_keeps_its_colours(qapp, theme):
    theme("light")
    light = rgba(icons.app_icon().pixmap(QSize(64, 64)))
    theme("dark")
    dark = rgba(icons.app_icon().pixmap(QSize(64, 64)))
    assert np.array_equal(light, dark)
    assert np.ptp(light[light[..., 3] == 255][:, :3], axis=0).max() > 100   # full colour, not grey
    faded = rgba(icons.app_icon().pixmap(QSize(64, 64), 1.0, QIcon.Mode.Disabled))
    assert faded[..., 3].max() < 200


def test_toolbar_button_repaints_its_icon_on_theme_change(qtbot, theme):
    button = QToolButton()
    qtbot.addWidget(button)
    button.setIcon(icons.icon("recompute"))
    button.setIconSize(QSize(32, 32))
    button.setAutoRaise(True)
    button.resize(48, 48)
    def centre_brightness():
        return rgba(button.grab())[8:40, 8:40, :3].max(axis=2)   # where the icon is drawn

    theme("dark")
    assert (centre_brightness() > 200).any()    # light strokes on the dark button
    theme("light")
    assert (centre_brightness() < 60).any()     # dark strokes again


def test_dark_then_light(qapp, theme):
    assert theme("dark") == "dark"
    assert qapp.style().name().lower() == "fusion"
    assert is_dark() and is_dark(qapp.palette())
    window = qapp.palette().color(QPalette.ColorRole.Window)
    assert window == dark_palette().color(QPalette.ColorRole.Window)
    assert theme("light") == "light"
    assert not is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    effective = theme("system")
    assert effective in ("light", "dark") and is_dark() == (effective == "dark")
    with pytest.raises(ValueError):
        theme("sepia")
    assert THEMES == ("system", "light", "dark")


def _contrast(a, b) -> float:
    def lum(c):
        def lin(v):
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dark_palette_is_readable():
    p, role, group = dark_palette(), QPalette.ColorRole, QPalette.ColorGroup
    assert is_dark(p)
    assert _contrast(p.color(role.WindowText), p.color(role.Window)) >= 7
    assert _contrast(p.color(role.Text), p.color(role.Base)) >= 7
    assert _contrast(p.color(role.HighlightedText), p.color(role.Highlight)) >= 4.5
    assert _contrast(p.color(role.ToolTipText), p.color(role.ToolTipBase)) >= 7
    assert _contrast(p.color(role.Link), p.color(role.Base)) >= 4.5
    assert _contrast(p.color(role.ButtonText), p.color(role.Button)) >= 7
    disabled = p.color(group.Disabled, role.Text)
    assert disabled != p.color(role.Text) and _contrast(disabled, p.color(role.Base)) >= 3


def test_plot_colours_follow_the_palette(qapp):
    dark = plot_colours(dark_palette())
    light = plot_colours(qapp.style().standardPalette())
    assert set(dark) == {"background", "foreground", "grid"}
    for colours, dark_bg in ((dark, True), (light, False)):
        bg, fg, grid = colours["background"], colours["foreground"], colours["grid"]
        assert (bg.lightness() < fg.lightness()) == dark_bg
        assert min(bg.lightness(), fg.lightness()) < grid.lightness() < max(bg.lightness(), fg.lightness())
        assert _contrast(fg, bg) >= 7
