"""Overview, Indicators, Details and live recompute on the demo project (issue: indicators an analyst can read)."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt, QTimer

from tests.ui.conftest import open_project

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from desktop.core.ingest.load import load_file
    from desktop.core.store import Project

    path = tmp_path_factory.mktemp("demo") / "demo.critmin"
    preview = load_file(DEMO)
    with Project.open(path, create=True) as project:
        project.write_import(preview.tables, preview.source())
    return path


@pytest.fixture
def demo(tmp_path, demo_file):
    import shutil

    path = tmp_path / "demo.critmin"
    shutil.copy(demo_file, path)
    return path


def open_demo(window, qtbot, path) -> None:
    open_project(window, qtbot, path)
    window.views.setCurrentWidget(window.overview)


def wait_results(window, qtbot, timeout=60_000):
    qtbot.waitUntil(lambda: window.analysis.results is not None and not window.analysis.stale
                    and not window.runner.busy, timeout=timeout)


def test_results_model_colours_sorts_and_passes_the_model_tester(qtmodeltester):
    from desktop.ui.models.results_model import ABOVE_ROLE, Col, ResultsModel, threshold_colours

    frame = pd.DataFrame({"mineral": ["cobalt", "lithium", "tin"], "R": [0.8, np.nan, 0.1],
                          "trend": ["rising", "stable", None]})
    model = ResultsModel()
    model.set_frame(frame, [Col("mineral", "Mineral", "mineral"), Col("R", "R", "number", threshold=0.4),
                            Col("trend", "Trend", "trend")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "0.800"
    assert model.data(model.index(0, 1), ABOVE_ROLE) is True
    assert model.data(model.index(2, 1), ABOVE_ROLE) is False
    assert model.data(model.index(1, 1), ABOVE_ROLE) is None            # no value: no colour
    above, below = threshold_colours()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) == above
    assert model.data(model.index(2, 1), Qt.ItemDataRole.BackgroundRole) == below
    assert model.data(model.index(0, 2)) == "↑" and model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.record(i)["mineral"] for i in range(3)] == ["cobalt", "tin", "lithium"]   # blank last
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.record(i)["mineral"] for i in range(3)] == ["tin", "cobalt", "lithium"]
    model.set_stale(True)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
    qtmodeltester.check(model)


def test_overview_follows_threshold_method_without_freezing(window, qtbot, demo):
    """Change the threshold method: the views go stale, recompute on the worker, and the chart's threshold
    and the cells' colours follow, while the GUI thread keeps beating."""
    from desktop.core.metrics.overview import overview_table, thresholds_of

    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    view = window.overview
    assert view.year == 2023 and view.model.rowCount() > 10
    r_before = thresholds_of(window.results)["R"]
    beats = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    panel = window.parameters
    panel.threshold.setCurrentIndex(panel.threshold.findData("fixed"))
    panel.manual.setValue(0.25)
    assert window.analysis.stale and view.stale.isVisibleTo(view)
    wait_results(window, qtbot)
    timer.stop()
    assert len(beats) > 5                        # the window kept answering while the worker computed
    thr = thresholds_of(window.results)
    assert thr["R"] == pytest.approx(0.25) and r_before != pytest.approx(0.25)
    assert not view.stale.isVisibleTo(view)
    frame = overview_table(window.results, view.minerals, 2023, "USA")
    r_col = [c.id for c in view.model.cols].index("R")
    cobalt = view.model.find("mineral", "cobalt")
    assert view.model.data(view.model.index(cobalt, r_col), Qt.ItemDataRole.UserRole + 2) is True
    assert len(frame) == view.model.rowCount()
    assert (view.chart.x_threshold_line.value(), view.chart.y_threshold_line.value()) == pytest.approx(
        (thr["D"], 0.25))


def test_a_newer_request_cancels_the_older(window, qtbot, demo):
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    arrived = []
    window.analysis.sig_results.connect(arrived.append)
    window.parameters.window.setValue(4)
    window.analysis.recompute_now()
    window.parameters.window.setValue(6)
    window.analysis.recompute_now()
    wait_results(window, qtbot)
    assert arrived and arrived[-1].params.window == 6
    assert all(r.params.window == 6 for r in arrived)         # the window-4 run never reached the views


def test_data_edit_recomputes(window, qtbot, demo):
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    first = window.results
    window.document.sig_tables_changed.emit({"production"})
    assert window.analysis.stale
    wait_results(window, qtbot)
    assert window.results is not first


def test_indicators_plot_and_details_explain_cobalt(window, qtbot, demo):
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    minerals = window.minerals
    minerals.model.set_all(False)
    for mid in ("cobalt", "lithium", "rare_earths"):
        row = minerals.model.ids.index(mid)
        minerals.model.setData(minerals.model.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    window.views.setCurrentWidget(window.indicators)
    window.indicators.set_indicator("R")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    view = window.indicators
    assert {view.model.record(i)["mineral"] for i in range(view.model.rowCount())} == {"cobalt", "lithium",
                                                                                      "rare_earths"}
    assert list(view.series_plot.curves()) == ["cobalt", "lithium", "rare_earths"]
    assert view.series_plot.threshold_value() == pytest.approx(window.results.tables["thresholds"].set_index(
        "metric").loc["R", "threshold"])
    assert view.select_row({"mineral": "cobalt", "year": 2023})
    qtbot.waitUntil(lambda: "COD" in window.details.browser.toPlainText(), timeout=20_000)
    text = window.details.browser.toPlainText()
    assert "Γ" in text or "gamma" in text.lower()
    assert window.overview.current_mineral() == "cobalt"          # selected everywhere


def test_report_and_table_exports(window, qtbot, demo, tmp_path, monkeypatch):
    import zipfile

    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    report, table = tmp_path / "report.xlsx", tmp_path / "overview.csv"
    answers = iter([(str(report), ""), (str(table), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    window.export_report()
    window.runner.wait(60_000)
    book = load_workbook(report)
    assert len(book.sheetnames) >= 4                 # Overview + D, M, R
    with zipfile.ZipFile(report) as z:
        assert sum(1 for n in z.namelist() if n.startswith("xl/charts/chart")) >= 3
    window.views.setCurrentWidget(window.overview)
    window.export_table()
    window.runner.wait(60_000)
    text = table.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Mineral") and "Cobalt" in text


def test_chart_points_are_the_overview_rows(window, qtbot, demo):
    """Every drawn point of the criticality chart sits at its mineral's (D, R) of the results."""
    from desktop.core.metrics.overview import overview_table

    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    # the demo's balance holds China and the United States: D is drawn for the assessed country chosen
    window.country_combo.setCurrentIndex(window.country_combo.findData("USA"))
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    frame = overview_table(window.results, window.overview.minerals, 2023, "USA").set_index("mineral")
    points = window.overview.chart.point_positions()
    drawn = frame.dropna(subset=["D", "R"])
    assert set(points) == set(drawn.index) and len(points) > 5
    for mineral, (x, y) in points.items():
        assert (x, y) == pytest.approx((drawn.loc[mineral, "D"], drawn.loc[mineral, "R"]))
    assert set(window.overview.chart.missing()) == set(frame.index) - set(drawn.index)


def test_production_shares_by_stage(window, qtbot, demo):
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    window.views.setCurrentWidget(window.indicators)
    view = window.indicators
    view.plots.setCurrentWidget(view.shares_box)
    view.select_mineral("cobalt")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    bounds = view.shares_plot.layer_bounds()
    assert bounds and view.stage_choice.currentData() == "mine"
    top = bounds[-1][2]
    assert np.allclose(top, 1.0, atol=1e-6)          # the layers of each year add up to all production


def test_data_table_export_keeps_states_and_numbers(window, qtbot, project_path, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    open_project(window, qtbot, project_path)
    out = tmp_path / "production.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.act_export_table.isEnabled()
    window.export_table()
    window.runner.wait(60_000)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mineral", "Country") and len(rows) == 1 + 5
    quantities = {r[4] for r in rows[1:]}
    assert 170000 in quantities and all(isinstance(q, (int, float)) for q in quantities)


def test_matrix_weighted_mean_follows_the_weights(window, qtbot, demo):
    """Weights… : the chain's aggregate is the weighted mean of its scored cells by dimension."""
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    view = window.matrix_view
    window.views.setCurrentWidget(view)
    view.select_mineral("cobalt")
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    view.set_rule("weighted_mean")
    assert view.weights_button.isEnabled()
    view.set_weights({"trade": 0.0})                       # trade left out; every other dimension weighs 1
    qtbot.waitUntil(lambda: not window.runner.busy and view.matrix is not None
                    and view.matrix.rule == "weighted_mean", timeout=20_000)
    cells = [c for g in (view.matrix.primary, view.matrix.recycled) for c in g.cells.values()
             if c.score is not None and c.dimension != "trade"]
    assert cells and view.matrix.score == pytest.approx(sum(c.score for c in cells) / len(cells))


def test_overview_counts_the_alerts_of_the_year(window, qtbot, demo):
    """The Overview's Alerts column: the year's alerts of each mineral, as the Alerts view computes them."""
    from desktop.core.alerts import compute_alerts

    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    window.country_combo.setCurrentIndex(window.country_combo.findData("USA"))    # the demo has CHN and USA
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    view = window.overview
    alerts = compute_alerts(window.results, window.analysis.dataset, country="USA", year=2023)
    assert len(alerts) > 0
    col = [c.id for c in view.model.cols].index("alerts")
    shown = {view.model.record(r)["mineral"]: view.model.data(view.model.index(r, col), Qt.ItemDataRole.UserRole + 1)
             for r in range(view.model.rowCount())}
    expected = alerts.groupby("mineral").size().to_dict()
    assert {m: n for m, n in shown.items() if n} == {m: n for m, n in expected.items() if m in shown}
    nickel = view.model.find("mineral", "nickel")
    assert "Indonesia" in view.model.data(view.model.index(nickel, col), Qt.ItemDataRole.ToolTipRole)


def test_an_opened_alert_selects_its_row_of_the_indicators_table(window, qtbot, demo):
    """An R alert opened from the Alerts view: the Indicators tab on R with the alert's mineral and year current."""
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    window.views.setCurrentWidget(window.alerts_view)
    qtbot.waitUntil(lambda: window.alerts_view.frame is not None and not window.runner.busy, timeout=30_000)
    frame = window.alerts_view.frame
    row = frame[(frame["table"] == "supply_risk")].iloc[0]
    window._open_alert({"table": row["table"], "key": row["key"], "indicator": row["indicator"]})
    view = window.indicators
    qtbot.waitUntil(lambda: not window.runner.busy and view.table.currentIndex().isValid(), timeout=30_000)
    current = view.model.record(view.table.currentIndex().row())
    assert window.views.currentWidget() is view and view.indicator() == "R"
    assert (current["mineral"], int(current["year"])) == (row["mineral"], int(row["key"]["year"]))


def test_the_import_risk_level_is_a_parameter(window, qtbot, demo):
    """Parameters ▸ High-risk partner, Γ ≥: the import sources' high-risk share is recomputed with it."""
    open_demo(window, qtbot, demo)
    wait_results(window, qtbot)
    first = window.results
    window.country_combo.setCurrentIndex(window.country_combo.findData("USA"))     # the import sources' country
    qtbot.waitUntil(lambda: window.results is not first and not window.runner.busy, timeout=60_000)
    before = window.results
    share = before.tables["import_concentration"].set_index(["mineral", "year"])["high_risk_share"]
    window.parameters.risk_level.setValue(0.95)
    qtbot.waitUntil(lambda: window.results is not before and not window.runner.busy, timeout=60_000)
    after = window.results.tables["import_concentration"]
    assert window.results.params.import_sources.risk_level == pytest.approx(0.95)
    assert set(after["risk_level"]) == {0.95}
    later = after.set_index(["mineral", "year"])["high_risk_share"]
    assert (later <= share.reindex(later.index) + 1e-12).all() and (later < share.reindex(later.index)).any()
    assert "import_risk_level" in window.settings.parameters()
