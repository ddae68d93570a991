"""The plot widgets of the Overview and Indicators views: what they draw, what they say, what they export."""
from __future__ import annotations

import itertools
import math
import xml.dom.minidom

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QCheckBox

from desktop.ui.palette import apply_theme, dark_palette
from desktop.ui.plots.quadrant import QuadrantChart
from desktop.ui.plots.stacked import StackedAreaPlot
from desktop.ui.plots.timeseries import TimeSeriesPlot

IDS = ["co", "li", "ree", "ni", "cu", "ga"]
NAMES = ["Cobalt 钴", "Lithium 锂", "Rare earths 稀土", "Nickel 镍", "Copper 铜", "Gallium 镓"]
D = [0.62, 0.85, 0.95, 0.30, None, 0.55]
R = [0.48, 0.20, 0.90, 0.35, 0.50, float("nan")]
M = [0.30, 0.75, None, 0.10, 0.40, 0.20]


@pytest.fixture
def show(qtbot):
    """Show a widget at 900×600 and let pyqtgraph lay it out, as the views will."""
    def shown(widget, width=900, height=600):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        QApplication.processEvents()
        return widget
    return shown


@pytest.fixture
def chart(show):
    widget = show(QuadrantChart())
    widget.set_points(IDS, NAMES, D, R, M, x_threshold=0.5, y_threshold=0.4, x_label="Import dependency D",
                      y_label="Supply risk R", size_label="Market dynamics M")
    QApplication.processEvents()
    return widget


def viewport_point(widget, scene_pos) -> QPoint:
    return widget.plot_widget.mapFromScene(scene_pos)


def overlapping(rects) -> list:
    return [(a, b) for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2)
            if ra.adjusted(0.5, 0.5, -0.5, -0.5).intersects(rb.adjusted(0.5, 0.5, -0.5, -0.5))]


# the criticality chart -----------------------------------------------------------------------------------
def test_quadrant_thresholds_are_dashed_lines_at_their_values_with_labels(chart):
    assert chart.x_threshold_line.value() == pytest.approx(0.5)
    assert chart.y_threshold_line.value() == pytest.approx(0.4)
    assert chart.x_threshold_line.angle == 90 and chart.y_threshold_line.angle == 0
    assert chart.x_threshold_line.pen.style() == Qt.PenStyle.DashLine
    texts = [label.toPlainText() for label in chart._threshold_labels]
    assert texts == ["D = 0.50", "R = 0.40"]
    assert all(label.isVisible() for label in chart._threshold_labels)


def test_quadrant_points_are_at_their_values_and_missing_ones_are_listed(chart):
    positions = chart.point_positions()
    assert positions == {"co": (0.62, 0.48), "li": (0.85, 0.20), "ree": (0.95, 0.90), "ni": (0.30, 0.35)}
    xs, ys = chart._scatter.getData()
    assert sorted(zip(xs.round(6), ys.round(6))) == sorted(positions.values())
    assert chart.missing() == ["cu", "ga"]       # cu without D, ga without R
    assert not chart.label_items()["cu"].isVisible()


def test_quadrant_sizes_grow_with_m_and_a_missing_m_is_a_small_ring(chart):
    sizes = dict(zip(IDS, chart._diameters))
    assert sizes["ni"] < sizes["co"] < sizes["li"]
    assert sizes["ree"] == chart.MISSING_DIAMETER
    ring = next(p for p in chart._scatter.points() if p.data() == "ree")
    assert ring.brush().style() == Qt.BrushStyle.NoBrush


def test_quadrant_click_on_a_point_emits_its_id_and_selects_it(chart, qtbot):
    where = viewport_point(chart, chart.scene_position("li"))
    with qtbot.waitSignal(chart.sig_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(chart.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == ["li"]
    assert chart.selected() == "li"
    assert chart.label_items()["li"].textItem.font().bold()


def test_quadrant_hover_reads_out_name_and_values_in_the_locale(chart, qtbot):
    chart.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    where = viewport_point(chart, chart.scene_position("co"))
    qtbot.mouseMove(chart.plot_widget.viewport(), where)
    qtbot.waitUntil(lambda: chart.readout.text() != "", timeout=2000)
    text = chart.readout.text()
    assert "Cobalt 钴" in text and "0,62" in text and "0,48" in text and "0,3" in text
    assert "Import dependency D" in text and "Market dynamics M" in text


def test_quadrant_labels_do_not_overlap_in_a_crowded_chart(show):
    rng = np.random.default_rng(3)
    count = 14
    ids = [f"m{i}" for i in range(count)]
    names = [f"Mineral {i} 稀土" for i in range(count)]
    x = 0.45 + rng.uniform(0, 0.25, count)      # a cluster about 200 × 110 pixels, the names 85 pixels wide
    y = 0.40 + rng.uniform(0, 0.25, count)
    widget = show(QuadrantChart())
    widget.set_points(ids, names, x, y, rng.uniform(0, 1, count), x_threshold=0.5, y_threshold=0.5,
                      x_label="D", y_label="R", size_label="M")
    widget.grab()                                # paints: pyqtgraph brings the text items' transforms up to date
    rects = widget.label_rects()
    naive = {i: r.translated(widget.scene_position(i).x() + 12 - r.left(), 0) for i, r in rects.items()}
    assert overlapping(naive) != []              # every name right of its point would collide
    assert len(rects) == count                   # there is room for every name here
    assert overlapping(rects) == []
    items = widget.label_items()
    drawn = {i: items[i].mapRectToScene(items[i].boundingRect()) for i in rects}
    assert overlapping(drawn) == []
    bounds = widget.view_box.sceneBoundingRect()
    for i, rect in drawn.items():
        assert rect.width() > 20 and bounds.adjusted(-1, -1, 1, 1).contains(rect), i
        assert abs(rect.left() - rects[i].left()) < 1.5 and abs(rect.top() - rects[i].top()) < 1.5, i


def test_quadrant_hides_names_without_room_and_replaces_them_when_the_view_changes(show, qtbot):
    rng = np.random.default_rng(5)
    count = 30
    ids = [f"m{i}" for i in range(count)]
    names = [f"Mineral {i}" for i in range(count)]
    x = 0.5 + rng.uniform(0, 0.02, count)       # a few pixels across: no room for thirty names
    y = 0.5 + rng.uniform(0, 0.02, count)
    widget = show(QuadrantChart(), 500, 350)
    widget.set_points(ids, names, x, y, np.ones(count), x_threshold=0.3, y_threshold=0.3, x_label="D",
                      y_label="R", size_label="M")
    crowded = widget.label_rects()
    assert 0 < len(crowded) < count and overlapping(crowded) == []
    hidden = next(i for i in ids if i not in crowded)
    assert not widget.label_items()[hidden].isVisible()
    # a hidden name is still read out when pointing at its point (alone on top once the others are gone)
    widget.set_points([hidden], [names[ids.index(hidden)]], [0.5], [0.5], [1.0], x_threshold=0.3,
                      y_threshold=0.3, x_label="D", y_label="R", size_label="M")
    assert widget._hover_text(widget.scene_position(hidden)).startswith(names[ids.index(hidden)] + " — D: 0.5")
    widget.set_points(ids, names, x, y, np.ones(count), x_threshold=0.3, y_threshold=0.3, x_label="D",
                      y_label="R", size_label="M")
    assert widget.label_rects() == crowded
    widget.resize(900, 600)                      # a larger window: the names are placed again
    qtbot.waitUntil(lambda: widget.view_box.sceneBoundingRect().width() > 700, timeout=2000)
    assert widget.label_rects() != crowded and overlapping(widget.label_rects()) == []
    widget.view_box.setRange(xRange=(0.499, 0.521), yRange=(0.499, 0.521), padding=0)    # zoomed in: room
    widget.grab()                                # pyqtgraph applies a new range when it next paints
    zoomed = widget.label_rects()
    assert len(zoomed) > len(crowded) + 10 and overlapping(zoomed) == []


def test_quadrant_select_highlights_one_point(chart):
    chart.select("co")
    xs, ys = chart._ring.getData()
    assert list(zip(xs, ys)) == [(0.62, 0.48)]
    chart.select(None)
    assert len(chart._ring.getData()[0]) == 0


# the time series -----------------------------------------------------------------------------------------
@pytest.fixture
def series_plot(show):
    widget = show(TimeSeriesPlot())
    years = [2019, 2020, 2021, 2022, 2023]
    widget.set_series([("co", "Cobalt 钴", years, [0.3, 0.5, 0.0, 0.6, 0.7]),
                       ("li", "Lithium 锂", years, [0.1, -0.2, 0.2, None, 0.4]),
                       ("ree", "Rare earths 稀土", years, [0.9, 0.8, 0.85, 0.95, 0.9])],
                      y_label="Supply risk R", threshold=0.4, threshold_label="R")
    QApplication.processEvents()
    return widget


def test_time_series_has_one_curve_per_series_and_the_threshold(series_plot):
    curves = series_plot.curves()
    assert list(curves) == ["co", "li", "ree"]
    assert all(curve.opts["symbol"] is not None for curve in curves.values())
    assert series_plot.threshold_line.value() == pytest.approx(0.4)
    assert series_plot.threshold_line.pen.style() == Qt.PenStyle.DashLine
    assert series_plot._threshold_text.toPlainText() == "R = 0.40"
    legend = [label.text for _sample, label in series_plot.legend.items]
    assert legend == ["Cobalt 钴", "Lithium 锂", "Rare earths 稀土"]
    years, _values = series_plot.drawn_points("li")
    assert list(years) == [2019, 2020, 2021, 2023]          # the missing 2022 leaves a gap


def test_time_series_log_mode_drops_non_positive_values(series_plot):
    toggle = series_plot.findChild(QCheckBox)
    assert toggle.accessibleName() == "Log scale" and toggle.toolTip()
    toggle.setChecked(True)
    assert series_plot.is_log()
    years, values = series_plot.drawn_points("li")
    assert list(years) == [2019, 2021, 2023] and (values > 0).all()
    _x, y = series_plot.curves()["li"].getData()
    assert np.isfinite(y).sum() == 3
    assert list(series_plot.drawn_points("co")[0]) == [2019, 2020, 2022, 2023]    # 0.0 in 2021 dropped
    assert series_plot.threshold_line.value() == pytest.approx(math.log10(0.4))
    assert series_plot.threshold_value() == pytest.approx(0.4)
    series_plot.set_log(False)
    assert not toggle.isChecked() and list(series_plot.drawn_points("li")[0]) == [2019, 2020, 2021, 2023]


def test_time_series_click_emits_id_and_year_and_hover_reads_out(series_plot, qtbot):
    where = viewport_point(series_plot, series_plot.scene_position("ree", 2021))
    qtbot.mouseMove(series_plot.plot_widget.viewport(), where)
    qtbot.waitUntil(lambda: series_plot.readout.text() != "", timeout=2000)
    assert series_plot.readout.text() == "Rare earths 稀土, 2021 — Supply risk R: 0.85"
    with qtbot.waitSignal(series_plot.sig_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(series_plot.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == ["ree", 2021]


# the stacked shares --------------------------------------------------------------------------------------
def test_stacked_layers_sum_to_the_totals(show):
    widget = show(StackedAreaPlot())
    years = [2021, 2022, 2023]
    layers = [("China 中国", [0.6, 0.65, 0.7]), ("Australia", [0.2, None, 0.1]), ("Others 其他", [0.2, 0.3, 0.2])]
    widget.set_shares(years, layers, title="Graphite 石墨")
    bounds = widget.layer_bounds()
    assert [label for label, _lo, _hi in bounds] == ["China 中国", "Australia", "Others 其他"]
    assert bounds[-1][2] == pytest.approx([1.0, 0.95, 1.0])
    for (_a, _lo_a, hi_a), (_b, lo_b, _hi_b) in itertools.pairwise(bounds):
        assert lo_b == pytest.approx(hi_a)
    assert bounds[0][1] == pytest.approx([0, 0, 0])
    assert len(widget.legend.items) == 3
    assert widget._hover_text(widget.view_box.mapViewToScene(QPointF(2022, 0.3))) == "2022, China 中国: 65.0%"
    assert widget._hover_text(widget.view_box.mapViewToScene(QPointF(2023, 0.85))) == "2023, Others 其他: 20.0%"


# export --------------------------------------------------------------------------------------------------
def test_png_export_is_widget_size_times_pixel_ratio(chart, tmp_path):
    path = chart.save(tmp_path / "chart.png")
    image = QImage(str(path))
    view = chart.plot_widget
    ratio = view.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(view.width() * ratio), round(view.height() * ratio))
    sharp = QImage(str(chart.save(tmp_path / "chart@2x.png", ratio=2)))
    assert (sharp.width(), sharp.height()) == (view.width() * 2, view.height() * 2)
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 20


def test_svg_export_is_valid_svg_with_the_names(chart, tmp_path):
    path = chart.save(tmp_path / "chart.svg")
    document = xml.dom.minidom.parse(str(path))
    assert document.documentElement.tagName == "svg"
    text = path.read_text(encoding="utf-8")
    assert "<svg" in text and "Cobalt" in text and "钴" in text      # text stays text (split where the font changes)


def test_unknown_suffix_is_refused(chart, tmp_path):
    with pytest.raises(ValueError):
        chart.save(tmp_path / "chart.jpg")


def test_copy_puts_the_image_on_the_clipboard(chart):
    chart.action_copy.trigger()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() == round(chart.plot_widget.width() * chart.devicePixelRatioF())


def test_export_actions_are_named_and_the_dialog_proposes_the_export_name(chart, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QFileDialog, QToolButton

    names = {button.accessibleName() for button in chart.findChildren(QToolButton)}
    assert {"Save as PNG…", "Save as SVG…", "Copy"} <= names
    assert all(action.toolTip() for action in (chart.action_save_png, chart.action_save_svg, chart.action_copy))
    menu = chart.context_menu()
    assert [a.text() for a in menu.actions() if a.text()] == ["Save as PNG…", "Save as SVG…", "Copy", "Show All"]
    asked = {}

    def fake_dialog(parent, title, proposed, kind):
        asked["proposed"] = proposed
        return str(tmp_path / "picked"), kind

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    chart.set_export_name("criticality 2023/EU")
    with qtbot.waitSignal(chart.sig_exported, timeout=5000) as blocker:
        chart.action_save_svg.trigger()
    assert asked["proposed"].endswith("criticality 2023-EU.svg")
    assert blocker.args == [str(tmp_path / "picked.svg")] and (tmp_path / "picked.svg").is_file()


def test_right_click_and_menu_key_open_the_plot_menu(chart, qtbot, monkeypatch):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    opened = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, *args: opened.append([a.text() for a in menu.actions()]))
    qtbot.mouseClick(chart.plot_widget.viewport(), Qt.MouseButton.RightButton, pos=QPoint(300, 200))
    assert len(opened) == 1 and "Copy" in opened[0]
    where = QPoint(10, 10)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, where, chart.plot_widget.mapToGlobal(where))
    QApplication.sendEvent(chart.plot_widget, event)
    assert len(opened) == 2 and "Show All" in opened[1]


# palette -------------------------------------------------------------------------------------------------
def test_plots_follow_a_switch_to_the_dark_palette(qapp, show):
    widgets = [show(QuadrantChart()), show(TimeSeriesPlot()), show(StackedAreaPlot())]
    before = [w.plot_widget.backgroundBrush().color().name() for w in widgets]
    try:
        apply_theme(qapp, "dark")
        QApplication.processEvents()
        dark_base = dark_palette().base().color().name()
        assert [w.plot_widget.backgroundBrush().color().name() for w in widgets] == [dark_base] * 3
        assert before[0] != dark_base
        axis = widgets[0].plot_item.getAxis("bottom")
        assert axis.textPen().color().name() == dark_palette().text().color().name()
    finally:
        apply_theme(qapp, "light")
    QApplication.processEvents()
    assert [w.plot_widget.backgroundBrush().color().name() for w in widgets] == before
