"""The project's edits of the registry: overrides, own minerals, their undo, and that they travel with the file."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.core.ingest.load import load_file
from desktop.core.registry import default_registry
from desktop.core.store import Project, opening, schema
from desktop.core.store import registry_edits as E
from desktop.core.store.registry_edits import RegistryEditError


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        yield p


def stored(p, mineral):
    return E._stored(p.con, mineral)


def test_override_names_and_note(project):
    edit = E.set_fields(project, "cobalt", {"name_en": "Cobalt (refined)", "name_zh": "精炼钴", "note": "why"})
    reg = project.registry()
    assert reg.mineral_name("cobalt") == "Cobalt (refined)" and reg.mineral_name("cobalt", "zh") == "精炼钴"
    assert reg.minerals.loc["cobalt", "note"] == "why"
    # the new names resolve, and so do the old ones (files written with them still import)
    assert {reg.mineral_id(n) for n in ("Cobalt (refined)", "精炼钴", "Cobalt", "钴", "Co")} == {"cobalt"}
    assert stored(project, "cobalt")["edited"] == "name_en name_zh note"
    assert set(edit.fields) == {"name_en", "name_zh", "note"}
    assert E.mineral_table(project).set_index("id").loc["cobalt", "origin"] == E.CHANGED
    assert default_registry().mineral_name("cobalt") == "Cobalt"          # the built-in one is untouched


def test_a_value_equal_to_the_built_in_one_is_no_override(project):
    E.set_field(project, "lithium", "symbol", "Lx")
    E.set_field(project, "lithium", "symbol", "Li")
    assert stored(project, "lithium")["edited"] == ""
    assert E.mineral_table(project).set_index("id").loc["lithium", "origin"] == E.BUILTIN


def test_refusals_change_nothing(project):
    before = sqlite3.connect(project.path).execute("SELECT * FROM minerals ORDER BY id").fetchall()
    with pytest.raises(RegistryEditError) as err:
        E.set_field(project, "cobalt", "name_en", "Lithium")
    assert err.value.code == "clash" and err.value.params["other"] == "lithium"
    with pytest.raises(RegistryEditError, match="English name"):
        E.set_field(project, "cobalt", "name_en", "  ")
    with pytest.raises(RegistryEditError) as err:
        E.set_field(project, "unobtainium", "name_zh", "x")
    assert err.value.code == "unknown"
    with pytest.raises(RegistryEditError) as err:
        E.add_mineral(project, "Aluminium")                 # a built-in alias of aluminum
    assert err.value.code == "clash" and "Aluminum" in str(err.value)
    with pytest.raises(RegistryEditError) as err:
        E.add_mineral(project, "Cobalt", mineral="cobalt")
    assert err.value.code == "taken"
    with pytest.raises(RegistryEditError) as err:
        E.add_mineral(project, "稀土")
    assert err.value.code == "no_id"
    with pytest.raises(RegistryEditError) as err:
        E.remove_mineral(project, "cobalt")
    assert err.value.code == "builtin"
    with pytest.raises(RegistryEditError) as err:
        E.revert_mineral(project, "cobalt")
    assert err.value.code == "not_changed"
    assert sqlite3.connect(project.path).execute("SELECT * FROM minerals ORDER BY id").fetchall() == before


def test_make_id_follows_the_built_in_ids():
    assert E.make_id("Iron ore") == "iron_ore"
    assert E.make_id("  Ministry Category — A ") == "ministry_category_a"
    assert E.make_id("Kaolín") == "kaolin"
    assert E.make_id("钴") == ""


def test_new_mineral_resolves_in_an_import_by_its_chinese_name(project, tmp_path):
    edit = E.add_mineral(project, "Strategic Category A", "战略类别甲", symbol="SCA", group="ministry")
    assert edit.mineral == "strategic_category_a" and edit.before is None
    csv = tmp_path / "production.csv"
    csv.write_text("mineral,country,year,quantity,unit\n战略类别甲,CHN,2023,12,t\nSCA,AUS,2023,3,t\n",
                   encoding="utf-8")
    assert not load_file(csv).ok                          # the built-in registry does not know it
    preview = load_file(csv, project.registry())
    assert preview.ok, [p.format() for p in preview.problems]
    assert set(preview.tables["production"]["mineral"]) == {"strategic_category_a"}
    project.write_import(preview.tables, preview.source())
    assert project.minerals() == ["strategic_category_a"]
    row = E.mineral_table(project).set_index("id").loc["strategic_category_a"]
    assert (row["origin"], row["name_zh"], row["group"]) == (E.OWN, "战略类别甲", "ministry")
    # an alias may name it
    project.set_alias("mineral", "SC-A", "strategic_category_a")
    assert project.registry().mineral_id("sc-a") == "strategic_category_a"


def test_remove_refused_while_rows_use_it_and_says_which_tables(project, tmp_path):
    E.add_mineral(project, "Ministry Metal")
    project.set_alias("mineral", "MM", "ministry_metal")
    csv = tmp_path / "p.csv"
    csv.write_text("mineral,country,year,quantity,unit\nMinistry Metal,CHN,2023,1,t\n", encoding="utf-8")
    preview = load_file(csv, project.registry())
    report = project.write_import(preview.tables, preview.source())
    with pytest.raises(RegistryEditError) as err:
        E.remove_mineral(project, "ministry_metal")
    assert err.value.code == "in_use" and err.value.params["tables"] == ["production", "aliases"]
    assert "production, aliases tables use it" in str(err.value)
    project.apply(report.change, undo=True)
    project.remove_alias("mineral", "MM")
    edit = E.remove_mineral(project, "ministry_metal")
    assert stored(project, "ministry_metal") is None and project.registry().mineral_id("Ministry Metal") is None
    E.apply_edit(project, edit, undo=True)
    assert project.registry().mineral_id("Ministry Metal") == "ministry_metal"


def test_edit_and_remove_an_own_mineral(project):
    E.add_mineral(project, "Watch Metal", note="ministry list 2024")
    E.set_field(project, "watch_metal", "name_zh", "观察金属")
    assert project.registry().mineral_id("观察金属") == "watch_metal"
    assert stored(project, "watch_metal")["edited"] == "name_en name_zh symbol grp note"
    E.remove_mineral(project, "watch_metal")
    assert "watch_metal" not in E.mineral_table(project)["id"].tolist()


def test_revert_to_built_in(project):
    E.set_fields(project, "gallium", {"name_en": "Gallium metal", "symbol": "Gam", "note": "n"})
    edit = E.revert_mineral(project, "gallium")
    reg = project.registry()
    assert reg.mineral_name("gallium") == "Gallium" and reg.mineral_id("Gam") is None
    assert stored(project, "gallium") == E._builtin("gallium")
    E.apply_edit(project, edit, undo=True)
    assert project.registry().mineral_name("gallium") == "Gallium metal"


def test_undo_and_redo_of_each_edit(project):
    made = [E.set_field(project, "nickel", "name_zh", "镍金属"),
            E.add_mineral(project, "Category B", "类别乙"),
            E.set_field(project, "category_b", "symbol", "CB"),
            E.set_field(project, "tin", "group", "watch")]
    made.append(E.revert_mineral(project, "tin"))
    made.append(E.remove_mineral(project, "category_b"))
    states = [E.mineral_table(project)]
    for edit in reversed(made):
        E.apply_edit(project, edit, undo=True)
        states.append(E.mineral_table(project))
    fresh = Project.open(project.path.with_name("fresh.critmin"), create=True)
    assert states[-1].equals(E.mineral_table(fresh))      # everything undone: the built-in registry
    fresh.close()
    for edit in made:
        E.apply_edit(project, edit)
    assert E.mineral_table(project).equals(states[0])
    with pytest.raises(RegistryEditError) as err:         # redone already: the row is no longer "before"
        E.apply_edit(project, made[0])
    assert err.value.code == "stale"


def test_edits_raise_the_registry_revision(project):
    rev = project.revision("aliases")
    E.set_field(project, "cobalt", "note", "x")
    assert project.revision("aliases") == rev + 1


def test_edits_survive_reopening_the_file(project):
    E.set_field(project, "cobalt", "name_zh", "钴矿")
    E.add_mineral(project, "Category C", "类别丙")
    path = project.path
    project.close()
    opening._trusted.clear()
    with Project.open(path) as again:
        reg = again.registry()
        assert reg.mineral_name("cobalt", "zh") == "钴矿" and reg.mineral_id("类别丙") == "category_c"


def version_1_file(path):
    """What CritMin 1 wrote: minerals without note and edited, no events table, user_version 1."""
    with Project.open(path, create=True) as p:
        p.con.execute("DROP TABLE events")
        p.con.execute("CREATE TABLE m AS SELECT id, name_en, name_zh, symbol, grp FROM minerals")
        p.con.execute("DROP TABLE minerals")
        p.con.execute("""CREATE TABLE minerals (id TEXT PRIMARY KEY, name_en TEXT NOT NULL,
                         name_zh TEXT NOT NULL DEFAULT '', symbol TEXT NOT NULL DEFAULT '',
                         grp TEXT NOT NULL DEFAULT '')""")
        p.con.execute("INSERT INTO minerals SELECT * FROM m")
        p.con.execute("DROP TABLE m")
        p.con.execute("PRAGMA user_version = 1")
    return path


def mineral_columns(path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[1] for r in con.execute("PRAGMA table_info(minerals)")]


def test_an_older_file_is_migrated(tmp_path):
    path = version_1_file(tmp_path / "old.critmin")
    assert "edited" not in mineral_columns(path)
    opening._trusted.clear()
    with Project.open(path) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert p.registry().mineral_name("cobalt") == "Cobalt"         # every mineral reads as built in
        assert (E.mineral_table(p)["origin"] == E.BUILTIN).all()
        E.set_field(p, "cobalt", "name_en", "Cobalt metal")
    assert mineral_columns(path)[-2:] == ["note", "edited"]
    assert "edited" not in mineral_columns(tmp_path / "old.v1-backup.critmin")


def test_a_version_2_file_without_the_columns_gets_them_from_its_first_edit(tmp_path):
    """Files made while version 2 was being written have the events table but not the new columns."""
    path = version_1_file(tmp_path / "dev.critmin")
    with sqlite3.connect(path) as con:
        con.execute(schema.data_table_ddl("events"))
        con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
    opening._trusted.clear()
    with Project.open(path) as p:
        assert p.registry().mineral_name("cobalt") == "Cobalt" and len(E.project_minerals(p)) == 0
        E.add_mineral(p, "Category D")
        assert p.registry().mineral_id("Category D") == "category_d"
    assert "edited" in mineral_columns(path)
