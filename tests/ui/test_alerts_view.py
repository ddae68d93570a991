"""The Alerts view on hand-made results: the model, the filters, the export and opening an alert's source."""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop.core.alerts import AlertRules, compute_alerts
from desktop.core.metrics.engine import Results

THRESHOLDS = pd.DataFrame({"metric": ["D", "M", "R"], "method": ["fixed"] * 3, "low_centre": [0.1] * 3,
                           "high_centre": [0.9] * 3, "threshold": [0.5, 0.6, 0.4]})


def _results() -> Results:
    supply = pd.DataFrame({"mineral": ["cobalt", "cobalt", "lithium", "lithium", "tin", "tin"],
                           "year": [2022, 2023, 2022, 2023, 2021, 2022], "stage": ["mine"] * 6,
                           "R": [0.3, 0.5, 0.1, 0.16, 0.5, 0.3], "HHI": [0.5] * 6})
    # cobalt 2023: R crosses upward (high); lithium 2023: +60 % (medium); tin 2022: crosses downward (low)
    return Results(tables={"thresholds": THRESHOLDS, "supply_risk": supply})


@pytest.fixture
def runner(qtbot):
    from desktop.ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.cancel()
    r.wait(20_000)


@pytest.fixture
def view(qtbot, runner):
    from desktop.core.registry import default_registry
    from desktop.ui.views.alerts_view import AlertsView

    v = AlertsView(runner)
    qtbot.addWidget(v)
    v.set_registry(default_registry())
    v.show_results(_results())
    qtbot.waitUntil(lambda: v.model.total() == 3 and not runner.busy, timeout=20_000)
    return v


def test_the_model_passes_the_model_tester_and_colours_severity(qtmodeltester):
    from desktop.ui.models.alerts_model import KEY_ROLE, SEVERITY_ROLE, AlertsModel, prepare_alerts, severity_colour

    model = AlertsModel()
    qtmodeltester.check(model)                                  # empty
    model.set_prepared(prepare_alerts(compute_alerts(_results())))
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert [model.data(model.index(r, 1)) for r in range(3)] == ["2023", "2023", "2022"]     # newest first
    assert model.data(model.index(0, 0)) == "high" and model.data(model.index(0, 0), SEVERITY_ROLE) == "high"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == severity_colour("high")
    assert model.data(model.index(0, 4)) == "0.300 → 0.500"
    assert model.data(model.index(0, 5)) == "threshold crossed"
    assert model.data(model.index(0, 0), KEY_ROLE)["table"] == "supply_risk"
    model.set_filter(severity="low")
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.total() == 3


def test_chinese_texts_come_from_the_catalogue():
    from desktop.ui.models.alerts_model import AlertsModel, prepare_alerts

    model = AlertsModel()
    model.set_prepared(prepare_alerts(compute_alerts(_results()), lang="zh"))
    assert model.data(model.index(0, 0)) == "高" and "阈值" in model.data(model.index(0, 3))


def test_the_view_lists_filters_and_counts(view):
    assert view.alert_count() == 3 and "3 of 3" in view.count.text() and "1 high" in view.count.text()
    assert view.model.data(view.model.index(0, 2)) == "Cobalt"            # registry name
    view.severity.setCurrentIndex(view.severity.findData("medium"))
    assert view.model.rowCount() == 1 and view.model.record(0)["mineral"] == "lithium"
    assert "1 of 3" in view.count.text()
    view.severity.setCurrentIndex(0)
    view.mineral.setCurrentIndex(view.mineral.findData("tin"))
    assert view.model.rowCount() == 1 and view.model.record(0)["severity"] == "low"
    view.mineral.setCurrentIndex(0)
    view.rule.setCurrentIndex(view.rule.findData("worsening"))
    assert [view.model.record(r)["mineral"] for r in range(view.model.rowCount())] == ["lithium"]
    assert view.alert_count() == 3                                          # the count ignores the filters


def test_the_shared_selection_and_the_rules_recompute(view, qtbot, runner):
    counts = []
    view.sig_count_changed.connect(counts.append)
    view.set_selection(["cobalt"], "EU")
    qtbot.waitUntil(lambda: view.alert_count() == 1 and not runner.busy, timeout=20_000)
    assert "EU" in view.title.text() and counts[-1] == 1
    view.set_selection(None, None)
    qtbot.waitUntil(lambda: view.alert_count() == 3 and not runner.busy, timeout=20_000)
    view.set_rules(AlertRules(crossing=False))            # cobalt's +0.2 is now a worsening; tin's fall nothing
    qtbot.waitUntil(lambda: view.alert_count() == 2 and not runner.busy, timeout=20_000)
    assert set(view.frame["rule"]) == {"worsening"}
    assert view.rules() == AlertRules(crossing=False)


def test_double_click_and_enter_emit_the_source(view, qtbot):
    opened = []
    view.sig_open.connect(opened.append)
    view.show()
    qtbot.waitExposed(view)
    view.table.setCurrentIndex(view.model.index(0, 3))
    rect = view.table.visualRect(view.model.index(0, 3))
    # Qt 6 item views open on a double click only over the index the press was on: press first
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened and opened[-1] == {"table": "supply_risk", "indicator": "R",
                                     "key": {"mineral": "cobalt", "stage": "mine", "year": 2023}}
    view.table.setCurrentIndex(view.model.index(2, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened[-1]["key"] == {"mineral": "tin", "stage": "mine", "year": 2022}


def test_selecting_an_alert_explains_it(view):
    cells, minerals = [], []
    view.sig_cell_selected.connect(cells.append)
    view.sig_mineral_selected.connect(minerals.append)
    view.table.setCurrentIndex(view.model.index(1, 0))
    assert minerals == ["lithium"] and cells[-1]["table"] == "supply_risk"


def test_export_writes_the_alerts_as_shown(view, qtbot, runner, tmp_path):
    from openpyxl import load_workbook

    view.severity.setCurrentIndex(view.severity.findData("high"))
    path = tmp_path / "alerts.xlsx"
    view.export_to(str(path))
    qtbot.waitUntil(lambda: view.last_export is not None and not runner.busy, timeout=20_000)
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == ("Severity", "Year", "Mineral", "What changed", "From → to", "Rule")
    assert len(rows) == 2 and rows[1][:3] == ("high", 2023, "Cobalt")


def test_the_rules_dialog_round_trips(qtbot):
    from desktop.ui.dialogs.alert_rules import AlertRulesDialog

    rules = AlertRules(worsen_amount=0.05, worsen_percent=0, share=False, share_level=0.6)
    dialog = AlertRulesDialog(rules)
    qtbot.addWidget(dialog)
    assert dialog.rules() == rules
    dialog.checks["matrix"].setChecked(False)
    assert dialog.rules() == AlertRules(worsen_amount=0.05, worsen_percent=0, share=False, share_level=0.6,
                                        matrix=False)
    dialog.set_rules(AlertRules())
    assert dialog.rules() == AlertRules()


def test_no_results_says_so(qtbot, runner):
    from desktop.ui.views.alerts_view import AlertsView

    v = AlertsView(runner)
    qtbot.addWidget(v)
    assert v.alert_count() == 0 and "appear" in v.count.text()


def test_select_mineral_scrolls_without_emitting(view):
    emitted = []
    view.sig_mineral_selected.connect(emitted.append)
    view.select_mineral("tin")
    assert view.table.currentIndex().row() == 2 and emitted == []


def test_alert_rules_are_stored_in_the_project(window, qtbot, project_path):
    """Rules… changes are saved in the project and come back when it is opened again."""
    from desktop.core.alert_rules import AlertRules
    from desktop.core.store import Project
    from tests.ui.conftest import open_project

    open_project(window, qtbot, project_path)
    rules = AlertRules(share_level=0.7, matrix=False)
    window.alerts_view.set_rules(rules)
    window.alerts_view.sig_rules_changed.emit(rules)
    qtbot.waitUntil(lambda: not window.runner.busy and window.document.all_saved, timeout=20_000)
    with Project.open(project_path) as project:
        assert AlertRules.from_dict(project.setting("alert_rules")) == rules
    window.alerts_view.set_rules(AlertRules())
    window.close_project()
    qtbot.waitUntil(lambda: not window.document.is_open and not window.runner.busy, timeout=20_000)
    open_project(window, qtbot, project_path)
    qtbot.waitUntil(lambda: window.alerts_view.rules() == rules, timeout=20_000)
