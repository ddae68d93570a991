"""The analyst's lists as reversible edits of the ``lists`` table, and names resolved for them."""
from __future__ import annotations

import pytest

from desktop.core.errors import EditError
from desktop.core.registry import default_registry
from desktop.core.store import Project
from desktop.core.store import lists as L


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "lists.critmin", create=True) as p:
        yield p


def test_create_rename_delete_each_undo_and_redo(project):
    steps = [
        (lambda: L.create_list(project, "  Watch   list ", ["cobalt", "lithium", "cobalt"], "create"),
         {"Watch list": ["cobalt", "lithium"]}),
        (lambda: L.rename_list(project, "Watch list", "Ministry 2025", "rename"),
         {"Ministry 2025": ["cobalt", "lithium"]}),
        (lambda: L.add_minerals(project, "Ministry 2025", ["gallium", "cobalt"], "add"),
         {"Ministry 2025": ["cobalt", "gallium", "lithium"]}),
        (lambda: L.remove_minerals(project, "Ministry 2025", ["lithium"], "remove"),
         {"Ministry 2025": ["cobalt", "gallium"]}),
        (lambda: L.delete_list(project, "Ministry 2025", "delete"), {}),
    ]
    for make, expected in steps:
        before = project.lists()
        change = make()
        assert change.tables and set(change.tables) == {"lists"}
        assert project.lists() == expected
        project.apply(change, undo=True)
        assert project.lists() == before
        project.apply(change)
        assert project.lists() == expected


def test_refusals_change_nothing(project):
    L.create_list(project, "EU", ["cobalt", "lithium"])
    for make, words in [
        (lambda: L.create_list(project, "eu", ["nickel"]), "already exists"),
        (lambda: L.create_list(project, " ", ["nickel"]), "needs a name"),
        (lambda: L.create_list(project, "Empty", []), "at least one mineral"),
        (lambda: L.create_list(project, "Bad", ["unobtainium"]), "not a mineral"),
        (lambda: L.rename_list(project, "Nope", "X"), "no list"),
        (lambda: L.remove_minerals(project, "EU", ["cobalt", "lithium"]), "without minerals"),
    ]:
        with pytest.raises(EditError, match=words):
            make()
        assert project.lists() == {"EU": ["cobalt", "lithium"]}
    assert L.add_minerals(project, "EU", ["cobalt"]).is_empty            # already on it: nothing to undo
    assert L.rename_list(project, "EU", "EU").is_empty
    assert not L.rename_list(project, "EU", "Eu").is_empty               # a list may change its own case


def test_names_and_unique_names():
    assert L.name_problem("", []) == "empty"
    assert L.name_problem("My list", ["my LIST"]) == "taken"
    assert L.name_problem("My list", ["My list"], current="My list") is None
    assert L.unique_name("My list", ["My list", "my list 2"]) == "My list 3"


def test_resolve_names_like_imports():
    reg = default_registry()
    res = L.resolve_names(reg, ["Mineral", "镓", "Co", "Lithium", "lithium ", "Galium", "Qwxyz", "", None])
    assert res.header == "Mineral"
    assert res.ids == ["gallium", "cobalt", "lithium"]
    assert [u.raw for u in res.unknown] == ["Galium", "Qwxyz"]
    assert res.unknown[0].suggestions[0] == "gallium" and res.unknown[1].suggestions == []
    assert res.with_choices({"Galium": "germanium", "Qwxyz": None}) == ["gallium", "cobalt", "lithium", "germanium"]
    # A misspelt first name is not taken for a header: it is asked about.
    assert L.resolve_names(reg, ["Coballt", "Nickel"]).unknown[0].raw == "Coballt"
    # Project aliases count, as in imports.
    import pandas as pd

    aliased = reg.with_aliases(pd.DataFrame({"kind": ["mineral"], "alias": ["Li-ion metal"], "target": ["lithium"]}))
    assert L.resolve_names(aliased, ["Li-ion metal"]).ids == ["lithium"]


def test_names_from_excel_text_and_sheets(tmp_path):
    assert L.names_from_text("Mineral\r\nCobalt\r\n镓\r\n\r\n") == ["Mineral", "Cobalt", "镓"]
    assert L.names_from_text("Cobalt\t12\nNickel\t3\n") == ["Cobalt", "Nickel"]      # the first column
    assert L.names_from_text("Cobalt\tNickel\tTin") == ["Cobalt", "Nickel", "Tin"]   # one row
    assert L.names_from_text('"Rare\nearths"\nCobalt') != []
    csv = tmp_path / "watch.csv"
    csv.write_text("矿种\n钴\n锂\n", encoding="utf-8-sig")
    assert L.names_from_sheet(csv) == ["矿种", "钴", "锂"]
    bare = tmp_path / "bare.csv"
    bare.write_text("Cobalt\nNickel\n", encoding="utf-8")
    assert L.resolve_names(default_registry(), L.names_from_sheet(bare)).ids == ["cobalt", "nickel"]
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["EU strategic", "note"], ["Cobalt", "x"], ["Gallium", None], [None, None], ["Tungsten", "y"]):
        ws.append(row)
    xlsx = tmp_path / "eu.xlsx"
    wb.save(xlsx)
    res = L.resolve_names(default_registry(), L.names_from_sheet(xlsx))
    assert res.header == "EU strategic" and res.ids == ["cobalt", "gallium", "tungsten"]


def test_minerals_with_data_ignores_lists(project):
    L.create_list(project, "Watch", ["gallium"])
    assert "gallium" in project.minerals()            # Project.minerals() counts the lists table …
    assert L.minerals_with_data(project) == []         # … but a list is not data


def test_project_settings_travel_with_the_file(tmp_path):
    """The project's own settings (the alert rules) are stored in the file, in one transaction each."""
    from desktop.core.store import Project

    path = tmp_path / "p.critmin"
    with Project.open(path, create=True) as project:
        assert project.setting("alert_rules", {}) == {}
        project.set_setting("alert_rules", {"share_level": 0.6, "matrix": False})
    with Project.open(path) as project:
        assert project.setting("alert_rules") == {"matrix": False, "share_level": 0.6}
        project.set_setting("alert_rules", None)
        assert project.setting("alert_rules", "gone") == "gone"
