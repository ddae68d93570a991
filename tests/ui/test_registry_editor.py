"""Data ▸ Minerals and Names… and Data ▸ Aliases… (issue 12, item 3): every edit one undo step, checked in the file."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import open_project, settle

SHOTS = Path("/tmp/registry-shots")


def registry_of(path):
    from desktop.core.store import Project

    with Project.open(path) as project:
        return project.registry()


def aliases_of(path) -> dict[tuple[str, str], str]:
    from desktop.core.store import Project

    with Project.open(path) as project:
        return {(r.kind, r.alias): r.target for r in project.aliases().itertuples()}


@pytest.fixture
def editor(window, qtbot, project_path):
    from desktop.ui.dialogs.registry_editor import open_registry_editor

    open_project(window, qtbot, project_path)
    dialog = open_registry_editor(window.document, window)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 100, timeout=10_000)
    yield dialog
    dialog.close()


def cell(dialog, mineral: str, column: str):
    from desktop.ui.dialogs.registry_editor import COLUMNS

    row = dialog.model.row_of(mineral)
    return dialog.model.index(row, COLUMNS.index(column))


def wait_for(qtbot, dialog, mineral, column, text) -> None:
    qtbot.waitUntil(lambda: dialog.model.row_of(mineral) >= 0 and
                    dialog.model.data(cell(dialog, mineral, column)) == text, timeout=10_000)


def test_the_model(editor, qtmodeltester):
    qtmodeltester.check(editor.model)
    row = editor.model.rows[editor.model.row_of("cobalt")]
    assert (row["name_en"], row["name_zh"], row["origin"]) == ("Cobalt", "钴", "builtin")
    assert editor.model.flags(cell(editor, "cobalt", "name_en")) & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.flags(cell(editor, "cobalt", "id")) & Qt.ItemFlag.ItemIsEditable
    editor.filter.setText("钴")
    assert editor.proxy.rowCount() == 1
    for widget in (editor.filter, editor.view, editor.add, editor.remove, editor.revert):
        assert widget.accessibleName() and widget.toolTip()


def test_rename_in_place_with_undo_and_redo(window, editor, qtbot, project_path):
    stack = window.document.undo_stack
    assert editor.model.setData(cell(editor, "cobalt", "name_en"), "Cobalt (refined)")
    settle(window)
    assert stack.undoText() == "Rename Cobalt"
    assert registry_of(project_path).mineral_name("cobalt") == "Cobalt (refined)"
    wait_for(qtbot, editor, "cobalt", "origin", "Changed in this project")
    qtbot.waitUntil(lambda: window.document.registry.mineral_name("cobalt") == "Cobalt (refined)", timeout=10_000)
    assert editor.revert.isEnabled() is False or editor.selected() != "cobalt"
    stack.undo()
    settle(window)
    assert registry_of(project_path).mineral_name("cobalt") == "Cobalt"
    wait_for(qtbot, editor, "cobalt", "name_en", "Cobalt")
    stack.redo()
    settle(window)
    assert registry_of(project_path).mineral_name("cobalt") == "Cobalt (refined)"
    wait_for(qtbot, editor, "cobalt", "name_en", "Cobalt (refined)")
    # revert to built-in, one more step
    editor.select("cobalt")
    assert editor.revert.isEnabled() and not editor.remove.isEnabled()
    editor.revert_selected()
    settle(window)
    assert registry_of(project_path).mineral_name("cobalt") == "Cobalt"
    stack.undo()
    settle(window)
    assert registry_of(project_path).mineral_name("cobalt") == "Cobalt (refined)"


def test_a_clash_is_refused_before_writing(window, editor, qtbot, project_path):
    editor.model.setData(cell(editor, "cobalt", "name_en"), "Lithium")
    settle(window)
    assert window.document.undo_stack.count() == 0
    assert "Lithium" in editor.message.text() and "one mineral only" in editor.message.text()
    assert registry_of(project_path).mineral_name("cobalt") == "Cobalt"


def test_add_and_remove_a_mineral(window, editor, qtbot, project_path):
    stack = window.document.undo_stack
    dialog = editor.add_mineral()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name_en.setText("Aluminium")
    assert not ok.isEnabled() and "Aluminum" in dialog.status.text()
    dialog.name_en.setText("Ministry Category A")
    dialog.name_zh.setText("部委类别甲")
    assert ok.isEnabled() and "ministry_category_a" in dialog.status.text()
    dialog.accept()
    settle(window)
    assert stack.undoText() == "Add Ministry Category A"
    assert registry_of(project_path).mineral_id("部委类别甲") == "ministry_category_a"
    wait_for(qtbot, editor, "ministry_category_a", "origin", "This project's own")
    qtbot.waitUntil(lambda: editor.selected() == "ministry_category_a", timeout=10_000)
    assert editor.remove.isEnabled() and not editor.revert.isEnabled()
    editor.remove_selected()
    settle(window)
    assert registry_of(project_path).mineral_id("部委类别甲") is None
    qtbot.waitUntil(lambda: editor.model.row_of("ministry_category_a") < 0, timeout=10_000)
    stack.undo()
    settle(window)
    assert registry_of(project_path).mineral_id("部委类别甲") == "ministry_category_a"
    stack.undo()
    settle(window)
    assert registry_of(project_path).mineral_id("部委类别甲") is None


def test_remove_refused_while_used_says_which_tables(window, editor, qtbot, project_path):
    from desktop.core.store import Project
    from desktop.core.store import registry_edits as E

    with Project.open(project_path) as project:
        E.add_mineral(project, "Watch Metal")
        project.set_alias("mineral", "WM", "watch_metal")
    editor.reload()
    qtbot.waitUntil(lambda: editor.model.row_of("watch_metal") >= 0, timeout=10_000)
    editor.select("watch_metal")
    editor.remove_selected()
    settle(window)
    qtbot.waitUntil(lambda: "aliases" in editor.message.text(), timeout=10_000)
    assert window.document.undo_stack.count() == 0
    assert registry_of(project_path).mineral_id("Watch Metal") == "watch_metal"


def test_alias_add_and_edit_with_undo(window, qtbot, project_path, qtmodeltester):
    from desktop.ui.dialogs.aliases import AliasesDialog

    open_project(window, qtbot, project_path)
    stack = window.document.undo_stack
    aliases = AliasesDialog(window.document, window)
    qtbot.addWidget(aliases)
    add = aliases.add_alias()
    add.alias.setText("Kobalt")
    ok = add.buttons.button(add.buttons.StandardButton.Ok)
    assert not ok.isEnabled()                                # no target chosen yet
    add.target.set_target("cobalt")
    assert ok.isEnabled() and add.values() == ("mineral", "Kobalt", "cobalt")
    add.accept()
    settle(window)
    assert aliases_of(project_path) == {("mineral", "Kobalt"): "cobalt"}
    assert stack.undoText() == "Add alias 'Kobalt'"
    qtbot.waitUntil(lambda: aliases.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(aliases.model)
    index = aliases.model.index(0, 2)
    assert aliases.model.data(index, Qt.ItemDataRole.EditRole) == "cobalt"
    # edit in place through the delegate's combo
    delegate = aliases.view.itemDelegateForColumn(2)
    combo = delegate.createEditor(aliases.view.viewport(), None, index)
    delegate.setEditorData(combo, index)
    assert combo.target() == "cobalt"
    combo.setEditText(combo.itemText(combo.findData("nickel")))
    delegate.setModelData(combo, aliases.model, index)
    settle(window)
    assert aliases_of(project_path) == {("mineral", "Kobalt"): "nickel"}
    assert stack.undoText() == "Change alias 'Kobalt'"
    qtbot.waitUntil(lambda: aliases.model.data(aliases.model.index(0, 2)).endswith("(nickel)"), timeout=10_000)
    stack.undo()
    settle(window)
    assert aliases_of(project_path) == {("mineral", "Kobalt"): "cobalt"}
    stack.undo()
    settle(window)
    assert aliases_of(project_path) == {}
    stack.redo()
    settle(window)
    assert aliases_of(project_path) == {("mineral", "Kobalt"): "cobalt"}


def test_an_alias_can_name_a_new_mineral(window, editor, qtbot, project_path):
    from desktop.ui.dialogs.aliases import AliasesDialog

    dialog = editor.add_mineral()
    dialog.name_en.setText("Strategic Group B")
    dialog.accept()
    settle(window)
    qtbot.waitUntil(lambda: "strategic_group_b" in window.document.registry.minerals.index, timeout=10_000)
    aliases = AliasesDialog(window.document, window)
    qtbot.addWidget(aliases)
    add = aliases.add_alias()
    add.alias.setText("SGB")
    add.target.set_target("strategic_group_b")
    add.accept()
    settle(window)
    assert registry_of(project_path).mineral_id("sgb") == "strategic_group_b"


# -- screenshots -------------------------------------------------------------------------------------------
def test_every_string_of_the_dialogs_is_in_the_translations():
    """Each self.tr / translate literal of the two dialogs is in the .ts file."""
    import re

    repo = Path(__file__).resolve().parents[2]
    ts = (repo / "desktop" / "resources" / "translations" / "critmin_zh_CN.ts").read_text("utf-8")
    known = set(re.findall(r"<source>(.*?)</source>", ts, re.DOTALL))
    known = {s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'")
             .replace("&quot;", '"') for s in known}
    missing = []
    for name in ("registry_editor.py", "aliases.py"):
        text = (repo / "desktop" / "ui" / "dialogs" / name).read_text("utf-8")
        for call in re.finditer(r'(?:self\.tr|translate)\((?:"\w+",\s*)?((?:"(?:[^"\\]|\\.)*"\s*)+)\)', text):
            literal = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call.group(1)))
            if literal not in known:
                missing.append(literal)
    assert missing == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(qapp, qtbot, settings, project_path, language):
    from desktop.core.store import Project
    from desktop.core.store import registry_edits as E
    from desktop.ui.dialogs.aliases import AliasesDialog
    from desktop.ui.dialogs.registry_editor import open_registry_editor
    from desktop.ui.main_window import MainWindow
    from desktop.ui.translation import install_translator

    with Project.open(project_path) as project:
        E.set_fields(project, "cobalt", {"name_en": "Cobalt (refined)", "note": "Ministry usage since 2024"})
        E.add_mineral(project, "Strategic Category A", "战略类别甲", group="ministry", note="Ministry watch list")
        project.set_alias("mineral", "Kobalt", "cobalt")
    assert install_translator(qapp, language)
    qapp.setProperty("critmin_language", language)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        open_project(window, qtbot, project_path)
        dialog = open_registry_editor(window.document, window)
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 100, timeout=10_000)
        dialog.filter.setText("co")
        dialog.select("cobalt")
        qapp.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        suffix = "en" if language == "en" else "zh"
        dialog.grab().save(str(SHOTS / f"registry-editor-{suffix}.png"))
        for button in (dialog.add, dialog.remove, dialog.revert):
            assert button.width() >= button.sizeHint().width() - 1, button.text()
        add = dialog.add_mineral()
        add.name_en.setText("Ministry Category B")
        qapp.processEvents()
        add.grab().save(str(SHOTS / f"add-mineral-{suffix}.png"))
        add.reject()
        dialog.close()
        aliases = AliasesDialog(window.document, window)
        qtbot.addWidget(aliases)
        qtbot.waitUntil(lambda: aliases.model.rowCount() == 1, timeout=10_000)
        aliases.show()
        qapp.processEvents()
        aliases.grab().save(str(SHOTS / f"aliases-{suffix}.png"))
        add_alias = aliases.add_alias()
        add_alias.alias.setText("Cobalto")
        add_alias.target.set_target("cobalt")
        qapp.processEvents()
        add_alias.grab().save(str(SHOTS / f"add-alias-{suffix}.png"))
        add_alias.reject()
        aliases.close()
        window.runner.wait()
        window.document.close()
    finally:
        install_translator(qapp, "en")
        qapp.setProperty("critmin_language", "en")
