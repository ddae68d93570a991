"""The analyst's mineral lists in the Minerals dock (issue 12, items 2 and 5): every edit one undo step."""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import open_project, settle

SHOTS = Path("/tmp/lists-dock-shots")


# -- helpers ----------------------------------------------------------------------------------------------
def lists_in(path) -> dict[str, list[str]]:
    from desktop.core.store import Project

    with Project.open(path) as project:
        return project.lists()


def put_list(path, name: str, minerals: list[str]) -> None:
    from desktop.core.store import Project
    from desktop.core.store.lists import create_list

    with Project.open(path) as project:
        create_list(project, name, minerals)


def choose_list(window, key) -> None:
    combo = window.minerals.list_combo
    index = combo.findData(f"{key[0]}:{key[1]}", Qt.ItemDataRole.UserRole + 1)
    assert index >= 0, key
    combo.setCurrentIndex(index)
    assert window.minerals.current_key() == key


def answer(window, fill=None):
    """Answer the dialog the dock opened: ``fill(dialog)``, then OK; returns the dialog."""
    dialog = window.minerals.active_dialog
    assert dialog is not None and dialog.isVisible()
    if fill is not None:
        fill(dialog)
    dialog.accept()
    settle(window)
    return dialog


def undo_redo(window, path, before, after) -> None:
    """Undo, then redo, the last step; the project file follows both."""
    window.document.undo_stack.undo()
    settle(window)
    assert lists_in(path) == before
    window.document.undo_stack.redo()
    settle(window)
    assert lists_in(path) == after


def select_rows(panel, minerals) -> None:
    sel = panel.view.selectionModel()
    sel.clearSelection()
    for mid in minerals:
        sel.select(panel.model.index(panel.model.ids.index(mid)), QItemSelectionModel.SelectionFlag.Select)


def close_messages(qapp) -> list[str]:
    texts = []
    for w in qapp.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            texts.append(w.text())
            w.close()
    return texts


@dataclass
class FakeOfficial:
    """Stands in for desktop.core.registry.official_lists.OfficialList (being written at the same time)."""

    id: str
    name_en: str
    name_zh: str
    ids: list[str]
    missing: list[str] = field(default_factory=list)

    def minerals(self) -> list[str]:
        return list(self.ids)

    def unknown(self) -> list[str]:
        return list(self.missing)

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" else self.name_en


@pytest.fixture
def official(monkeypatch):
    """Two official lists, whether or not the real module exists yet (the dock imports it lazily)."""
    lists = [FakeOfficial("eu_crma_2024_strategic", "EU CRMA 2024 strategic", "欧盟 2024 战略原材料",
                          ["cobalt", "gallium", "lithium", "tungsten"], ["Bauxite/alumina/aluminium (group)"]),
             FakeOfficial("usgs_2022", "USGS 2022 critical minerals", "美国地质调查局 2022 关键矿产",
                          ["cobalt", "lithium", "nickel"])]
    module = types.ModuleType("desktop.core.registry.official_lists")
    module.official_lists = lambda registry: lists
    monkeypatch.setitem(sys.modules, "desktop.core.registry.official_lists", module)
    return lists


# -- the model and "with data" ----------------------------------------------------------------------------
def test_model_default_list_and_minerals_without_data(window, qtbot, qtmodeltester, project_path):
    put_list(project_path, "Watch", ["cobalt", "gallium"])
    open_project(window, qtbot, project_path)
    panel = window.minerals
    assert panel.list_combo.currentText() == "All minerals with data"
    assert panel.current_key() is None and panel.list_combo.currentData() is None
    assert panel.model.ids == ["cobalt", "lithium"]            # gallium is only on a list: no data
    assert panel.selection() is None
    qtmodeltester.check(panel.model)
    choose_list(window, ("project", "Watch"))
    assert panel.list_combo.currentData() == "Watch"
    qtmodeltester.check(panel.model)
    model = panel.model
    gallium, cobalt = model.index(model.ids.index("gallium")), model.index(model.ids.index("cobalt"))
    assert "No data in this project" in model.data(gallium, Qt.ItemDataRole.ToolTipRole)
    assert model.data(gallium, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(cobalt, Qt.ItemDataRole.ForegroundRole) is None
    assert panel.selection() == {"cobalt", "gallium"}
    # The check state survives a reload, the filter still works.
    model.setData(gallium, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    panel.reload()
    settle(window)
    assert panel.selection() == {"cobalt"}
    panel.filter.setText("gal")
    assert panel.view.isRowHidden(model.ids.index("cobalt")) and not panel.view.isRowHidden(model.ids.index("gallium"))


# -- create, rename, duplicate, delete --------------------------------------------------------------------
def test_create_rename_duplicate_delete_with_undo_and_redo(window, qtbot, project_path):
    open_project(window, qtbot, project_path)
    panel = window.minerals
    assert not panel.act_rename.isEnabled() and not panel.act_add.isEnabled()    # "All minerals with data"

    panel.new_list()

    def fill(d):
        d.name_edit.setText("  My watch list ")
        assert d.chooser.model.set_checked("cobalt") and d.chooser.model.set_checked("gallium")

    answer(window, fill)
    made = {"My watch list": ["cobalt", "gallium"]}
    assert lists_in(project_path) == made
    assert panel.current_key() == ("project", "My watch list")
    assert window.act_undo.text() == "Undo Create List 'My watch list'"
    undo_redo(window, project_path, {}, made)
    assert panel.current_key() == ("project", "My watch list")

    panel.rename_list()
    dialog = panel.active_dialog
    dialog.name_edit.setText("")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    answer(window, lambda d: d.name_edit.setText("Ministry 2025"))
    renamed = {"Ministry 2025": ["cobalt", "gallium"]}
    assert lists_in(project_path) == renamed
    assert window.act_undo.text() == "Undo Rename List 'My watch list' to 'Ministry 2025'"
    window.document.undo_stack.undo()
    settle(window)
    assert lists_in(project_path) == made and panel.current_key() == ("project", "My watch list")
    window.document.undo_stack.redo()
    settle(window)
    assert lists_in(project_path) == renamed and panel.current_key() == ("project", "Ministry 2025")

    panel.duplicate_list()
    dialog = panel.active_dialog
    assert dialog.name() == "Ministry 2025 (copy)"
    dialog.name_edit.setText("ministry 2025")                    # taken (case does not make two lists)
    assert "already exists" in dialog.problem.text()
    answer(window, lambda d: d.name_edit.setText("Ministry 2025 (copy)"))
    both = {**renamed, "Ministry 2025 (copy)": ["cobalt", "gallium"]}
    assert lists_in(project_path) == both
    assert window.act_undo.text() == "Undo Duplicate 'Ministry 2025' as 'Ministry 2025 (copy)'"
    undo_redo(window, project_path, renamed, both)

    assert panel.current_key() == ("project", "Ministry 2025 (copy)")
    panel.delete_list()
    settle(window)
    assert lists_in(project_path) == renamed and panel.current_key() is None
    assert window.act_undo.text() == "Undo Delete List 'Ministry 2025 (copy)'"
    window.document.undo_stack.undo()
    settle(window)
    assert lists_in(project_path) == both and panel.current_key() == ("project", "Ministry 2025 (copy)")
    window.document.undo_stack.redo()
    settle(window)
    assert lists_in(project_path) == renamed


# -- add and remove ---------------------------------------------------------------------------------------
def test_add_and_remove_minerals_with_undo_and_redo(window, qtbot, qapp, qtmodeltester, project_path):
    put_list(project_path, "My watch list", ["cobalt"])
    open_project(window, qtbot, project_path)
    panel = window.minerals
    choose_list(window, ("project", "My watch list"))
    assert panel.act_add.isEnabled() and not panel.act_remove.isEnabled()        # nothing selected yet

    panel.add_minerals()
    dialog = panel.active_dialog
    qtmodeltester.check(dialog.chooser.model)
    assert "cobalt" in dialog.chooser.model.present                  # on the list: ticked, not changeable
    assert not dialog.chooser.model.set_checked("cobalt")
    dialog.chooser.filter.setText("镓")                               # either language's name finds a mineral
    visible = [m for r, m in enumerate(dialog.chooser.model.ids) if not dialog.chooser.view.isRowHidden(r)]
    assert visible == ["gallium"]
    answer(window, lambda d: [d.chooser.model.set_checked(m) for m in ("gallium", "lithium", "nickel")])
    added = {"My watch list": ["cobalt", "gallium", "lithium", "nickel"]}
    assert lists_in(project_path) == added
    assert window.act_undo.text() == "Undo Add 3 minerals to 'My watch list'"
    assert set(panel.model.ids) == {"cobalt", "gallium", "lithium", "nickel"}
    assert panel.selection() == {"cobalt", "gallium", "lithium", "nickel"}        # new minerals come checked
    undo_redo(window, project_path, {"My watch list": ["cobalt"]}, added)

    select_rows(panel, ["gallium", "nickel"])
    assert panel.act_remove.isEnabled()
    panel.act_remove.trigger()
    settle(window)
    removed = {"My watch list": ["cobalt", "lithium"]}
    assert lists_in(project_path) == removed
    assert window.act_undo.text() == "Undo Remove 2 minerals from 'My watch list'"
    undo_redo(window, project_path, added, removed)

    select_rows(panel, ["cobalt", "lithium"])                       # every mineral: the list would vanish
    panel.remove_selected()
    settle(window)
    assert lists_in(project_path) == removed
    assert any("Delete" in t for t in close_messages(qapp))


# -- names from Excel ---------------------------------------------------------------------------------------
def test_paste_names_with_an_unknown_one(window, qtbot, qapp, project_path):
    put_list(project_path, "My watch list", ["cobalt"])
    open_project(window, qtbot, project_path)
    panel = window.minerals
    choose_list(window, ("project", "My watch list"))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    QGuiApplication.clipboard().setText("Mineral\r\n镓\r\nNickel\r\nTungstn\r\ncobalt\r\n")
    window.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus, timeout=5_000)
    qtbot.keyClick(panel.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)      # Ctrl+V on the dock's list
    qtbot.waitUntil(lambda: panel.active_dialog is not None, timeout=10_000)
    dialog = panel.active_dialog
    assert type(dialog).__name__ == "UnknownNamesDialog"
    assert dialog.raws == ["Tungstn"]
    assert dialog.choices() == {"Tungstn": "tungsten"}                 # the registry's suggestion comes first
    settle(window)
    assert lists_in(project_path) == {"My watch list": ["cobalt"]}   # nothing written until answered
    answer(window, lambda d: d.choose("Tungstn", "tungsten"))
    pasted = {"My watch list": ["cobalt", "gallium", "nickel", "tungsten"]}
    assert lists_in(project_path) == pasted                            # "镓" is gallium
    assert window.act_undo.text() == "Undo Paste 3 minerals into 'My watch list'"
    undo_redo(window, project_path, {"My watch list": ["cobalt"]}, pasted)

    # Cancel writes nothing; skipping the unknown name keeps the others.
    panel.paste_names("Tin\nQwzx\n")
    qtbot.waitUntil(lambda: panel.active_dialog is not None, timeout=10_000)
    assert panel.active_dialog.choices() == {"Qwzx": None}             # no close match: skipped by default
    panel.active_dialog.reject()
    settle(window)
    assert lists_in(project_path) == pasted
    panel.paste_names("Tin\nQwzx\n")
    qtbot.waitUntil(lambda: panel.active_dialog is not None, timeout=10_000)
    answer(window)
    assert lists_in(project_path)["My watch list"] == ["cobalt", "gallium", "nickel", "tin", "tungsten"]

    # Pasted while "All minerals with data" is shown: the names make a new list.
    choose_list(window, ("project", "My watch list"))
    panel.list_combo.setCurrentIndex(0)
    panel.paste_names("Lithium\n钴\n")
    qtbot.waitUntil(lambda: panel.active_dialog is not None, timeout=10_000)
    assert panel.active_dialog.name() == "Pasted list"
    answer(window)
    assert lists_in(project_path)["Pasted list"] == ["cobalt", "lithium"]
    assert panel.current_key() == ("project", "Pasted list")
    window.document.undo_stack.undo()
    settle(window)
    assert "Pasted list" not in lists_in(project_path)


def test_import_list_from_a_one_column_csv(window, qtbot, project_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    sheet = tmp_path / "ministry watch.csv"
    sheet.write_text("矿种\n钴\nLithium\nGa\n", encoding="utf-8-sig")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))
    open_project(window, qtbot, project_path)
    panel = window.minerals
    panel.act_import.trigger()
    settle(window)
    dialog = panel.active_dialog
    assert dialog.name() == "ministry watch"                            # "矿种" is a header, not a list name
    assert "3 minerals" in " ".join(label.text() for label in dialog.findChildren(type(dialog.problem)))
    answer(window)
    imported = {"ministry watch": ["cobalt", "gallium", "lithium"]}
    assert lists_in(project_path) == imported
    assert window.act_undo.text() == "Undo Import List 'ministry watch'"
    undo_redo(window, project_path, {}, imported)


# -- official lists ------------------------------------------------------------------------------------------
def test_official_list_is_read_only_and_its_duplicate_editable(window, qtbot, qapp, project_path, official):
    open_project(window, qtbot, project_path)
    panel = window.minerals
    texts = [panel.list_combo.itemText(i) for i in range(panel.list_combo.count())]
    assert texts[-2:] == ["EU CRMA 2024 strategic", "USGS 2022 critical minerals"]
    choose_list(window, ("official", "eu_crma_2024_strategic"))
    assert panel.list_combo.currentData() == "EU CRMA 2024 strategic"        # the views' title
    assert panel.model.ids == ["cobalt", "gallium", "lithium", "tungsten"]
    for action in (panel.act_rename, panel.act_delete, panel.act_add, panel.act_remove):
        assert not action.isEnabled() and "Duplicate to edit" in action.toolTip()
    assert panel.act_duplicate.isEnabled()
    assert panel.note.isVisibleTo(panel) and "Bauxite/alumina/aluminium" in panel.note.text()   # shown, not dropped

    panel.duplicate_list()
    dialog = panel.active_dialog
    assert dialog.name() == "EU CRMA 2024 strategic (copy)"
    answer(window, lambda d: d.name_edit.setText("EU strategic, mine"))
    copy = ["cobalt", "gallium", "lithium", "tungsten"]
    assert lists_in(project_path) == {"EU strategic, mine": copy}
    assert panel.current_key() == ("project", "EU strategic, mine")
    assert panel.act_add.isEnabled() and panel.act_rename.isEnabled()
    select_rows(panel, ["cobalt", "tungsten"])
    panel.remove_selected()
    settle(window)
    assert lists_in(project_path) == {"EU strategic, mine": ["gallium", "lithium"]}
    undo_redo(window, project_path, {"EU strategic, mine": copy}, {"EU strategic, mine": ["gallium", "lithium"]})


# -- the template round trip ---------------------------------------------------------------------------------
def test_lists_round_trip_through_the_template_and_critmin_export(project_path, tmp_path):
    from desktop import cli
    from desktop.core.export.data_workbook import write_data
    from desktop.core.ingest.load import load_file
    from desktop.core.store import Project

    put_list(project_path, "My watch list", ["cobalt", "gallium", "rare_earths"])
    put_list(project_path, "部委关注清单", ["lithium", "tungsten"])
    expected = lists_in(project_path)
    with Project.open(project_path) as project:
        dataset, registry = project.dataset(), project.registry()
    out = tmp_path / "data.xlsx"
    write_data(dataset, out, registry)
    assert cli.main(["export", str(project_path), "-o", str(tmp_path / "cli.xlsx")]) == 0
    for path in (out, tmp_path / "cli.xlsx"):
        preview = load_file(path)
        assert preview.ok, [p.format() for p in preview.problems]
        frame = preview.tables["lists"]
        got: dict[str, list[str]] = {}
        for name, mineral in sorted(zip(frame["list"], frame["mineral"])):
            got.setdefault(name, []).append(mineral)
        assert got == expected
        again = tmp_path / f"{path.stem}.critmin"
        with Project.open(again, create=True) as project:
            project.write_import(preview.tables, preview.source())
            assert project.lists() == expected


# -- screenshots ------------------------------------------------------------------------------------------------
@pytest.fixture
def official_shots():
    """The real official lists, those naming minerals CritMin lacks first (the screenshots show what analysts get)."""
    from desktop.core.registry.official_lists import official_lists

    lists = official_lists()
    return [o for o in lists if o.unknown()] + [o for o in lists if not o.unknown()]


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")  # the popup
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_of_the_dock(qapp, qtbot, settings, project_path, official_shots, language):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.translation import install_translator

    put_list(project_path, "My watch list", ["cobalt", "gallium", "lithium", "tungsten"])
    assert install_translator(qapp, language)
    qapp.setProperty("critmin_language", language)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        open_project(window, qtbot, project_path)
        window.resizeDocks([window.minerals_dock], [220], Qt.Orientation.Horizontal)
        panel = window.minerals
        choose_list(window, ("project", "My watch list"))
        settle(window)
        qapp.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        suffix = "en" if language == "en" else "zh"
        window.grab().save(str(SHOTS / f"window-{suffix}.png"))
        window.minerals_dock.grab().save(str(SHOTS / f"dock-{suffix}.png"))
        for button in (panel.new_button, panel.compare_button, panel.add_button, panel.remove_button):
            assert button.width() >= button.sizeHint().width() - 1, button.accessibleName()   # no clipped label
        for button, extra in ((panel.all_button, 8), (panel.none_button, 8), (panel.lists_button, 20)):
            assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()) + extra, button.text()
        assert panel.width() <= 260
        assert panel.minimumSizeHint().width() <= 220
        panel.list_combo.showPopup()
        qapp.processEvents()
        panel.list_combo.view().window().grab().save(str(SHOTS / f"list-chooser-{suffix}.png"))
        panel.list_combo.hidePopup()
        choose_list(window, ("official", official_shots[0].id))
        qapp.processEvents()
        window.minerals_dock.grab().save(str(SHOTS / f"dock-official-{suffix}.png"))
        choose_list(window, ("project", "My watch list"))
        panel.add_minerals()
        qapp.processEvents()
        panel.active_dialog.grab().save(str(SHOTS / f"add-minerals-{suffix}.png"))
        panel.active_dialog.reject()
        panel.paste_names("Cobalt\n镓\nTungstn\nQwzx\n")
        qtbot.waitUntil(lambda: panel.active_dialog is not None, timeout=10_000)
        qapp.processEvents()
        panel.active_dialog.grab().save(str(SHOTS / f"unknown-names-{suffix}.png"))
        panel.active_dialog.reject()
        window.runner.wait()
        window.document.close()
    finally:
        install_translator(qapp, "en")
        qapp.setProperty("critmin_language", "en")


def test_compare_gets_the_project_and_official_lists(window, qtbot, project_path):
    pytest.importorskip("desktop.ui.dialogs.compare_lists")
    put_list(project_path, "My watch list", ["cobalt", "gallium"])
    open_project(window, qtbot, project_path)
    panel = window.minerals
    choose_list(window, ("project", "My watch list"))
    lists, shown_as = panel.comparable_lists()
    assert next(iter(lists)) == "My watch list" and lists["My watch list"] == ["cobalt", "gallium"]
    assert shown_as[("project", "My watch list")] == "My watch list"
    assert len(lists) == 1 + len(panel._official)
    chosen = []
    panel.sig_minerals_chosen.connect(chosen.append)
    panel.act_compare.trigger()
    dialog = panel._compare
    assert dialog is not None and dialog.isVisible()
    dialog.sig_minerals_chosen.emit(["cobalt"])
    assert chosen == [["cobalt"]]                 # the window can select them everywhere
    dialog.close()
    settle(window)


def test_drag_minerals_from_the_registry_editor_onto_a_list(window, qtbot, project_path):
    """Minerals dragged out of Minerals and Names… land on the current list as one undo step."""
    from desktop.ui.dialogs.registry_editor import open_registry_editor
    from desktop.ui.widgets.drag import MINERALS_MIME, minerals_of

    put_list(project_path, "Watch", ["cobalt"])
    open_project(window, qtbot, project_path)
    choose_list(window, ("project", "Watch"))
    editor = open_registry_editor(window.document, window)
    qtbot.waitUntil(lambda: editor.model.rowCount() > 10 and not window.runner.busy, timeout=20_000)
    rows = [editor.model.index(editor.model.row_of(m), 1) for m in ("gallium", "germanium")]
    mime = editor.model.mimeData(rows)
    assert mime.hasFormat(MINERALS_MIME) and minerals_of(mime) == ["gallium", "germanium"]
    assert not editor.isModal()                       # the window takes the drop while the editor is open
    model = window.minerals.model
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    settle(window)
    assert lists_in(project_path) == {"Watch": ["cobalt", "gallium", "germanium"]}
    assert window.act_undo.text() == "Undo Add 2 minerals to 'Watch'"
    window.document.undo_stack.undo()
    settle(window)
    assert lists_in(project_path) == {"Watch": ["cobalt"]}
    editor.close()
