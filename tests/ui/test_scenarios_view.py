"""The Scenarios view: its models, new / duplicate / edit / delete as undo steps against a real project file,
Run with the comparison's signed and coloured deltas, and the xlsx export."""
from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.core.scenarios import Change, Scenario, compare, run_scenario, to_rows

HALVE = Scenario("DR Congo cobalt −50 %", (Change("production", "cobalt", "COD", 0.5),), "conflict", "USGS")


@pytest.fixture
def opened(qtbot, project_path, registry):
    from desktop.core.metrics.engine import run
    from desktop.core.store import Project
    from desktop.ui.document import ProjectDocument
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.views.scenarios_view import ScenariosView

    runner = TaskRunner()
    document = ProjectDocument(runner)
    document.open(project_path)
    qtbot.waitUntil(lambda: document.is_open, timeout=20_000)
    view = ScenariosView(document, runner)
    qtbot.addWidget(view)
    view.set_registry(registry)
    view.resize(1280, 800)
    view.show()
    with Project.open(project_path) as project:
        dataset = project.dataset()
    view.show_results(run(dataset), dataset)
    yield view, document, runner
    runner.cancel()
    runner.wait(20_000)
    document.close()


def stored(runner, path) -> pd.DataFrame:
    from desktop.core.store import Project

    runner.wait()
    with Project.open(path) as project:
        return project.read("scenarios")


def test_models_pass_the_model_tester(qtmodeltester, registry):
    from desktop.core.dataset import Dataset, conform
    from desktop.core.metrics.engine import run
    from desktop.ui.models.scenario_model import ComparisonModel, ScenarioListModel

    listing = ScenarioListModel()
    listing.set_scenarios([HALVE, HALVE.renamed("other")])
    qtmodeltester.check(listing)
    prod = pd.DataFrame({"mineral": "cobalt", "country": ["COD", "AUS"], "year": 2023, "stage": "mine",
                         "quantity": [170000.0, 4600.0], "unit": "t"})
    data = Dataset(tables={"production": conform("production", prod)})
    model = ComparisonModel()
    model.set_frame(compare(run(data), run_scenario(data, HALVE)), registry)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def fill(dialog, name: str, change: dict) -> None:
    from desktop.ui.dialogs.scenario_edit import COUNTRY_COL, FACTOR_COL, MINERAL_COL, TYPE_COL

    dialog.name.setText(name)
    dialog.rationale.setPlainText("what if")
    cols = {"type": TYPE_COL, "mineral": MINERAL_COL, "country": COUNTRY_COL, "factor": FACTOR_COL}
    for key, value in change.items():
        dialog.set_cell(0, cols[key], value)


def test_new_duplicate_edit_delete_with_undo(opened, project_path, qtbot):
    view, document, runner = opened
    stack = document.undo_stack
    assert view.scenarios == []
    view.new()
    fill(view.dialog, "Halve", {"type": "production", "mineral": "Cobalt", "country": "刚果（金）", "factor": "0.5"})
    view.dialog.accept()
    rows = stored(runner, project_path)
    assert list(rows["scenario"]) == ["Halve"] and rows.loc[0, "country"] == "COD" and rows.loc[0, "factor"] == 0.5
    assert stack.undoText() == "New Scenario “Halve”"
    qtbot.waitUntil(lambda: len(view.scenarios) == 1, timeout=10_000)
    assert view.selected().name == "Halve"

    view.duplicate()
    assert view.dialog.name.text() == "Halve (copy)"
    view.dialog.accept()
    assert sorted(stored(runner, project_path)["scenario"]) == ["Halve", "Halve (copy)"]
    qtbot.waitUntil(lambda: len(view.scenarios) == 2, timeout=10_000)

    view.select("Halve (copy)")
    view.edit()
    view.dialog.name.setText("Ban")
    view.dialog.set_cell(0, 0, "exports")
    view.dialog.set_cell(0, 5, "0")
    view.dialog.accept()
    rows = stored(runner, project_path).set_index("scenario")
    assert sorted(rows.index) == ["Ban", "Halve"] and rows.loc["Ban", "type"] == "exports"
    assert stack.undoText() == "Edit Scenario “Ban”"

    qtbot.waitUntil(lambda: {s.name for s in view.scenarios} == {"Ban", "Halve"}, timeout=10_000)
    view.select("Ban")
    view.delete()
    assert list(stored(runner, project_path)["scenario"]) == ["Halve"]
    stack.undo()
    assert sorted(stored(runner, project_path)["scenario"]) == ["Ban", "Halve"]
    stack.undo()                                                            # the edit
    assert sorted(stored(runner, project_path)["scenario"]) == ["Halve", "Halve (copy)"]
    stack.undo()
    stack.undo()
    assert stored(runner, project_path).empty
    qtbot.waitUntil(lambda: view.scenarios == [], timeout=10_000)


def test_the_editor_says_what_is_wrong(opened):
    view, _document, _runner = opened
    view.new()
    dialog = view.dialog
    dialog.accept()
    assert not dialog.error.isHidden() and "name" in dialog.error.text()
    fill(dialog, "x", {"type": "production", "mineral": "Unobtainium", "factor": "0.5"})
    dialog.accept()
    assert "not a known mineral" in dialog.error.text() and dialog.isVisible()
    fill(dialog, "x", {"mineral": "cobalt"})
    dialog.accept()
    assert "country" in dialog.error.text()
    fill(dialog, "x", {"type": "demand", "factor": "5"})
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.scenario().changes == (Change("demand", "cobalt", factor=5.0),)


def test_run_shows_signed_coloured_deltas_and_exports(opened, project_path, qtbot, tmp_path):
    from desktop.core.store import Project
    from desktop.ui.models.results_model import threshold_colours

    view, _document, _runner = opened
    with Project.open(project_path) as project:
        project.edit_rows("scenarios", upsert=to_rows(HALVE), label="seed")
    view.reload()
    qtbot.waitUntil(lambda: len(view.scenarios) == 1, timeout=10_000)
    view.set_year(2023)
    view.run()
    qtbot.waitUntil(lambda: view.frame is not None, timeout=20_000)
    model = view.model
    rows = {model.index(r, 4).data(): r for r in range(model.rowCount())}
    hhi = rows["HHI (concentration)"]
    # 2023: COD 170,000 t, AUS 4,600 t → COD 85,000 t
    base = (170000 / 174600) ** 2 + (4600 / 174600) ** 2
    scen = (85000 / 89600) ** 2 + (4600 / 89600) ** 2
    assert model.index(hhi, 5).data(Qt.ItemDataRole.UserRole + 1) == pytest.approx(base)
    assert model.index(hhi, 6).data(Qt.ItemDataRole.UserRole + 1) == pytest.approx(scen)
    delta = model.index(hhi, 7)
    assert delta.data().startswith("\u2212")
    above, below = threshold_colours()
    assert delta.data(Qt.ItemDataRole.BackgroundRole) == below                # better: green
    supply = model.index(rows["World market supply"], 7)
    assert delta.data(Qt.ItemDataRole.ToolTipRole) == "Better for supply security"
    assert supply.data(Qt.ItemDataRole.BackgroundRole) == above               # less supply: red
    assert "DR Congo cobalt −50 %" in view.title.text() and "2023" in view.title.text()

    view.export_to(str(tmp_path / "cmp.xlsx"))
    qtbot.waitUntil(lambda: view.last_export is not None, timeout=20_000)
    sheet = load_workbook(tmp_path / "cmp.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == model.titles()
    assert len(values) == model.rowCount() + 1
    hhi_row = next(v for v in values if v[4] == "HHI (concentration)")
    assert hhi_row[5] == pytest.approx(base) and hhi_row[1] == 2023

    # new results: the comparison runs again by itself
    view.set_stale(True)
    assert not view.stale.isHidden()
    first = view.frame
    view.show_results(view.results.__class__(tables=dict(view.results.tables), params=view.results.params),
                      view.dataset)
    qtbot.waitUntil(lambda: view.frame is not first, timeout=20_000)
    assert view.stale.isHidden()


def test_every_button_has_a_name_and_a_tip(opened):
    view, _document, _runner = opened
    for button in view.findChildren(QPushButton):
        assert button.accessibleName() and button.toolTip(), button.text()
    assert view.list.accessibleName() and view.table.accessibleName()


STOP = Scenario("DR Congo cobalt stops", (Change("production", "cobalt", "COD", 0.0),), "closure", "")


def seed(view, project_path, qtbot, *scenarios) -> None:
    from desktop.core.store import Project

    with Project.open(project_path) as project:
        project.edit_rows("scenarios", upsert=to_rows(list(scenarios)), label="seed")
    view.reload()
    qtbot.waitUntil(lambda: len(view.scenarios) == len(scenarios), timeout=10_000)


def test_ticked_scenarios_run_side_by_side_and_export(opened, project_path, qtbot, tmp_path):
    from desktop.ui.models.results_model import threshold_colours

    view, _document, _runner = opened
    seed(view, project_path, qtbot, HALVE, STOP)
    view.set_year(2023)
    names = [s.name for s in view.scenarios]
    for name in names:
        view.list_model.set_checked(name, True)
    assert view.list_model.checked() == names
    assert view.list_model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.run_button.isEnabled()
    view.run()
    qtbot.waitUntil(lambda: view.frame is not None, timeout=30_000)
    model = view.model
    assert view.shown_names == names and set(view.runs) == set(names)
    titles = model.titles()
    assert model.columnCount() == 11 and titles[6] == names[0] and titles[8] == names[1]
    assert titles[7] == f"Change: {names[0]}" and titles[-1] == "Note"
    rows = {model.index(r, 4).data(): r for r in range(model.rowCount())}
    hhi = rows["HHI (concentration)"]
    halve = 0 if names[0] == HALVE.name else 1
    halved = (85000 / 89600) ** 2 + (4600 / 89600) ** 2
    assert model.index(hhi, 6 + 2 * halve).data(Qt.ItemDataRole.UserRole + 1) == pytest.approx(halved)
    # DR Congo stops: Australia alone, HHI 1 — worse; halving: better
    assert model.index(hhi, 6 + 2 * (1 - halve)).data(Qt.ItemDataRole.UserRole + 1) == pytest.approx(1.0)
    above, below = threshold_colours()
    assert model.index(hhi, 7 + 2 * halve).data(Qt.ItemDataRole.BackgroundRole) == below
    assert model.index(hhi, 7 + 2 * (1 - halve)).data(Qt.ItemDataRole.BackgroundRole) == above
    assert model.index(hhi, 7 + 2 * (1 - halve)).data().startswith("+")
    assert "2 scenarios" in view.title.text()

    view.export_to(str(tmp_path / "many.xlsx"))
    qtbot.waitUntil(lambda: view.last_export is not None, timeout=20_000)
    values = list(load_workbook(tmp_path / "many.xlsx").active.iter_rows(values_only=True))
    assert list(values[0]) == titles and len(values) == model.rowCount() + 1

    # untick both: Run runs the selected one alone, as before
    for name in names:
        view.list_model.set_checked(name, False)
    view.select(HALVE.name)
    first = view.frame
    view.run()
    qtbot.waitUntil(lambda: view.frame is not first, timeout=30_000)
    assert view.model.columnCount() == 9 and view.shown_names == [HALVE.name]


def test_a_click_gives_details_the_scenarios_own_run(opened, project_path, qtbot):
    from desktop.core.metrics.explain import explain

    view, _document, _runner = opened
    seed(view, project_path, qtbot, HALVE)
    view.set_year(2023)
    view.run()
    qtbot.waitUntil(lambda: view.frame is not None, timeout=30_000)
    model = view.model
    rows = {model.index(r, 4).data(): r for r in range(model.rowCount())}
    got = []
    view.sig_cell_selected.connect(got.append)
    view._row_clicked(model.index(rows["HHI (concentration)"], 6))
    assert len(got) == 1
    cell = got[0]
    assert cell["table"] == "supply_risk" and cell["indicator"] == "HHI" and cell["scenario"] == HALVE.name
    assert cell["key"]["mineral"] == "cobalt" and cell["key"]["year"] == 2023
    assert cell["results"] is view.runs[HALVE.name][0] and cell["dataset"] is view.runs[HALVE.name][1]
    found = explain(cell["results"], cell["dataset"], cell["table"], cell["key"])
    assert found is not None
    risk = cell["results"].tables["supply_risk"]
    assert float(risk.loc[risk["year"] == 2023, "HHI"].iloc[0]) == pytest.approx((85000 / 89600) ** 2
                                                                                 + (4600 / 89600) ** 2)
    share = rows["Share of world supply"]
    cell = view.cell_of(share, 6)
    assert cell["table"] == "production_shares" and cell["key"]["country"] in {"COD", "AUS"}
    assert explain(cell["results"], cell["dataset"], cell["table"], cell["key"]) is not None
    assert view.cell_of(rows["World market supply"], 6) is None        # no explainer for a total


def test_the_editor_takes_partners_for_an_export_change(opened):
    from desktop.ui.dialogs.scenario_edit import PARTNERS_COL

    view, _document, _runner = opened
    view.new()
    dialog = view.dialog
    fill(dialog, "ban", {"type": "exports", "mineral": "gallium", "country": "China", "factor": "0"})
    dialog.set_cell(0, PARTNERS_COL, "United States; JPN")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert dialog.scenario().changes[0].partners == ("USA", "JPN")
    view.new()
    dialog = view.dialog
    fill(dialog, "x", {"type": "production", "mineral": "gallium", "country": "China", "factor": "0.5"})
    dialog.set_cell(0, PARTNERS_COL, "USA")
    dialog.accept()
    assert "partners" in dialog.error.text() and dialog.isVisible()
    dialog.reject()
    copy = view.dialog.__class__(view.registry, Scenario("b", (Change("exports", "gallium", "CHN", 0.0,
                                                                       partners="USA"),)))
    assert copy.changes.item(0, PARTNERS_COL).text() == "USA"


def test_the_editor_takes_a_policy_event(opened):
    from desktop.ui.dialogs.scenario_edit import EVENT_COL, FROM_COL, TARGET_COL

    view, _document, _runner = opened
    view.new()
    dialog = view.dialog
    fill(dialog, "ban", {"type": "event", "mineral": "gallium", "country": "China", "factor": ""})
    dialog.accept()
    assert "policy event" in dialog.error.text() and dialog.isVisible()       # no event chosen
    dialog.set_cell(0, EVENT_COL, "export_ban")
    dialog.accept()
    assert "starts" in dialog.error.text() and dialog.isVisible()             # no first year
    dialog.set_cell(0, FROM_COL, "2025")
    dialog.set_cell(0, TARGET_COL, "2024")
    dialog.accept()
    assert "end before" in dialog.error.text() and dialog.isVisible()
    dialog.set_cell(0, TARGET_COL, "")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert dialog.scenario().changes == (Change("event", "gallium", "CHN", from_year=2025, event="export_ban"),)
    # an exports change with an event chosen is refused rather than the event dropped
    view.new()
    dialog = view.dialog
    fill(dialog, "x", {"type": "exports", "mineral": "gallium", "country": "China", "factor": "0"})
    dialog.set_cell(0, EVENT_COL, "export_ban")
    dialog.accept()
    assert "only a policy event" in dialog.error.text() and dialog.isVisible()
    dialog.reject()
    again = view.dialog.__class__(view.registry, Scenario("b", (Change("event", "gallium", "CHN", from_year=2025,
                                                                       event="export_quota"),)))
    assert again.changes.cellWidget(0, EVENT_COL).currentData() == "export_quota"


def test_change_lines_follow_the_interface_language(registry):
    from desktop.ui.models.scenario_model import change_text

    assert change_text(Change("production", "cobalt", "COD", 0.5, from_year=2024), registry) == (
        "DR Congo · Cobalt: production ×0.5 (from 2024)")
    assert change_text(Change("exports", "gallium", "CHN", 0.0, partners="USA;JPN"), registry) == (
        "China · Gallium: export ban to United States, Japan")
    assert change_text(Change("event", "gallium", "CHN", stage="mine", from_year=2024, event="export_ban"),
                       registry) == "China · Gallium (Mine): policy event Export ban, from 2024"
    assert change_text(Change("demand", "lithium", factor=5, target_year=2040), registry) == "Lithium demand ×5 by 2040"
