"""Data ▸ Minerals and Names… and Data ▸ Aliases… (issue 12, item 3): every edit one undo step, checked in the file."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator

from tests.ui.conftest import open_project

SHOTS = Path("/tmp/registry-shots")


def registry_of(path):
    from desktop.core.store import Project

    with Project.open(path) as project:
        return project.registry()


def aliases_of(path) -> dict[tuple[str, str], str]:
    from desktop.core.store import Project

    with Project.open(path) as project:
        return {(r.kind, r.alias): r.target for r in project.aliases().itertuples()}


def settle(window) -> None:
    assert window.runner.wait(30_000)


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
PROPOSED_ZH = {
    # RegistryEditorDialog / MineralsModel / AddMineralDialog
    "Minerals and Names": "矿种与名称",
    "Id": "标识",
    "English": "英文",
    "Chinese": "中文",
    "Symbol": "符号",
    "Group": "类别",
    "Note": "备注",
    "Status": "状态",
    "Built in": "内置",
    "Changed in this project": "本项目已修改",
    "This project's own": "本项目自有",
    "The id CritMin stores; it never changes": "CritMin 存储的标识，不会改变",
    "Whether the mineral is built in, changed in this project or the project's own":
        "该矿种是内置的、在本项目中修改过的，还是本项目自有的",
    "Double-click a cell to edit it": "双击单元格进行编辑",
    "Changed in this project; “Revert to Built-in” restores CritMin's value":
        "已在本项目中修改；“恢复内置”可还原 CritMin 的原值",
    "Add Mineral": "添加矿种",
    "English name:": "英文名称：",
    "Chinese name:": "中文名称：",
    "Symbol:": "符号：",
    "Group:": "类别：",
    "Note:": "备注：",
    "Required; the mineral's id is made from it": "必填；矿种标识由它生成",
    "Optional; imports and pastes find it too": "可选；导入和粘贴时也能识别",
    "Optional, e.g. an element symbol": "可选，例如元素符号",
    "Optional, e.g. rare_earth or ministry": "可选，例如 rare_earth 或 ministry",
    "Optional: where the category comes from": "可选：该类别的出处",
    "Id and problems": "标识与问题",
    "Add": "添加",
    "Add the mineral to the project": "将该矿种添加到项目",
    "Type the mineral's English name.": "请输入矿种的英文名称。",
    "The English name needs Latin letters or digits: the id is made from them.":
        "英文名称需要包含拉丁字母或数字：标识由它们生成。",
    "The id “%1” is a mineral already.": "标识“%1”已是一个矿种。",
    "Its id will be “%1”.": "其标识将为“%1”。",
    "“%1” already names %2; a name can mean one mineral only.": "“%1”已是%2的名称；一个名称只能指一个矿种。",
    "Filter by name, id, symbol, group or note": "按名称、标识、符号、类别或备注筛选",
    "Filter minerals": "筛选矿种",
    "Show only the minerals whose cells contain this text": "只显示单元格包含此文字的矿种",
    "Minerals": "矿种",
    "Double-click a name, symbol, group or note to change it for this project":
        "双击名称、符号、类别或备注，可为本项目修改",
    "CritMin's minerals and this project's changes to them. Changes are saved in the project and override the "
    "built-in names; imports and pastes find the new names.":
        "CritMin 的矿种及本项目对它们的修改。修改保存在项目中并覆盖内置名称；导入和粘贴时能识别新名称。",
    "Message": "消息",
    "Add Mineral…": "添加矿种…",
    "Add a mineral CritMin does not know, such as a ministry's own category":
        "添加 CritMin 没有的矿种，例如部委自己的类别",
    "Remove": "删除",
    "Remove the selected mineral (only this project's own, and only while no rows use it)":
        "删除所选矿种（仅限本项目自有且没有数据行使用的矿种）",
    "Revert to Built-in": "恢复内置",
    "Drop this project's changes to the selected mineral": "撤销本项目对所选矿种的修改",
    "Close": "关闭",
    "Close; every change is saved already": "关闭；所有修改均已保存",
    "A mineral needs an English name.": "矿种需要英文名称。",
    "Rename %1": "重命名%1",
    "Rename %1 in Chinese": "修改%1的中文名称",
    "Change Symbol of %1": "修改%1的符号",
    "Change Group of %1": "修改%1的类别",
    "Edit Note of %1": "编辑%1的备注",
    "Add %1": "添加%1",
    "Remove %1": "删除%1",
    "Revert %1 to Built-in": "将%1恢复为内置",
    "%1 cannot be removed: the project's %2 use it.": "无法删除%1：本项目的%2使用了它。",
    ", ": "、",
    "The change cannot be undone or redone: the project has changed since.": "无法撤销或重做此修改：项目此后已被更改。",
    "aliases": "别名",
    "lists": "清单",
    "production": "产量",
    "reserves": "储量",
    "balance": "供需平衡",
    "prices": "价格",
    # AliasesDialog / AddAliasDialog / AliasesModel
    "Double-click to choose what this name means": "双击选择该名称的含义",
    "Type part of a name to filter": "输入名称的一部分进行筛选",
    "Add Alias": "添加别名",
    "Kind": "类型",
    "Whether the name is a mineral's or a country's": "该名称属于矿种还是国家",
    "Name in the file": "文件中的名称",
    "The name exactly as your files write it": "与文件中写法完全一致的名称",
    "Means": "含义",
    "What the name means; type part of a name to filter": "该名称的含义；输入名称的一部分进行筛选",
    "Kind:": "类型：",
    "Name in the file:": "文件中的名称：",
    "Means:": "含义：",
    "Problems": "问题",
    "Save the alias in this project": "将别名保存到本项目",
    "Type the name your files use.": "请输入文件中使用的名称。",
    "Choose what the name means from the list.": "请从列表中选择该名称的含义。",
    "“%1” means %2 now; in this project it will mean the name chosen here.":
        "“%1”目前指%2；在本项目中它将指此处所选的名称。",
    "Double-click what a name means to change it": "双击名称的含义以进行修改",
    "Add Alias…": "添加别名…",
    "Tell CritMin what a name in your files means": "告诉 CritMin 文件中某个名称的含义",
    "Forget the selected aliases": "删除所选别名",
    "Add alias '%1'": "添加别名“%1”",
    "Change alias '%1'": "修改别名“%1”",
}


class _Proposed(QTranslator):
    """The proposed Chinese strings of this change, until the lead adds them to critmin_zh_CN.ts."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return PROPOSED_ZH.get(source) or None

    def isEmpty(self) -> bool:
        return False


def test_every_string_has_a_proposed_translation():
    """Each self.tr / translate literal of the two dialogs is in PROPOSED_ZH or already in the .ts file."""
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
            if literal not in PROPOSED_ZH and literal not in known:
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
    proposed = _Proposed(qapp)
    if language != "en":
        qapp.installTranslator(proposed)
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
        qapp.removeTranslator(proposed)
        install_translator(qapp, "en")
        qapp.setProperty("critmin_language", "en")
