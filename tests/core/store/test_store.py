import sqlite3

import pandas as pd
import pytest

from desktop.core.errors import ProjectError
from desktop.core.store import Project
from desktop.core.store import schema

from tests.core.helpers import load_template, write_csv

GOOD = "mineral,country,year,quantity,stage,unit\nCobalt,COD,2023,170000,mine,t\nCobalt,IDN,2023,W,mine,t\n"


def import_file(project, path):
    pv = load_template(path)
    assert pv.ok
    return project.write_import(pv.tables, {"file": pv.file, "sha256": pv.sha256, "format": "template"})


def test_create_import_read(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        report = import_file(p, write_csv(tmp_path / "production.csv", GOOD))
        assert report.changed == 2 and report.import_id == 1
        frame = p.read("production")
        assert frame["quantity_state"].tolist() == ["", "W"]
        assert pd.isna(frame["quantity"].iloc[1])
        log = p.import_log()
        assert log[["file_name", "rows_total"]].values.tolist() == [["production.csv", 2]]
        assert len(log["sha256"].iloc[0]) == 64


def test_importing_same_file_twice_changes_nothing(tmp_path):
    path = write_csv(tmp_path / "production.csv", GOOD)
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        import_file(p, path)
    before = (tmp_path / "p.critmin").read_bytes()
    with Project.open(tmp_path / "p.critmin") as p:
        report = import_file(p, path)
        assert report.already_imported and report.changed == 0
    assert (tmp_path / "p.critmin").read_bytes() == before


def test_upsert_by_key_updates_changed_rows_only(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        import_file(p, write_csv(tmp_path / "production.csv", GOOD))
        report = import_file(p, write_csv(tmp_path / "v2.csv", GOOD.replace("170000", "180000")
                                          .replace("production", "production")))
        assert report.inserted_or_updated["production"] == 1 and report.unchanged["production"] == 1
        assert p.read("production")["quantity"].iloc[0] == 180000


def test_write_is_all_or_nothing(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        import_file(p, write_csv(tmp_path / "production.csv", GOOD))
        pv = load_template(write_csv(tmp_path / "more.csv", GOOD.replace("2023", "2024")))
        tables = dict(pv.tables)
        tables["prices"] = pd.DataFrame({"mineral": ["cobalt"], "year": ["not an int"]})  # fails mid-write
        with pytest.raises(ValueError):           # the year column cannot become integers
            p.write_import(tables, {"file": "more.csv", "sha256": "x"})
        assert p.counts()["production"] == 2 and len(p.import_log()) == 1


def test_not_a_project_and_newer_version(tmp_path):
    other = tmp_path / "other.critmin"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ProjectError, match="not a CritMin project"):
        Project.open(other)
    junk = tmp_path / "junk.critmin"
    junk.write_bytes(b"hello world, not sqlite" * 100)
    with pytest.raises(ProjectError):
        Project.open(junk)
    with pytest.raises(ProjectError, match="not found"):
        Project.open(tmp_path / "missing.critmin")
    with Project.open(tmp_path / "new.critmin", create=True) as p:
        p.con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    with pytest.raises(ProjectError, match="newer CritMin"):
        Project.open(tmp_path / "new.critmin")


def test_migrations_run_in_order(tmp_path, monkeypatch):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.con.execute("PRAGMA user_version = 0")
    calls = []
    monkeypatch.setitem(schema.MIGRATIONS, 0, lambda con: calls.append(0))
    with Project.open(tmp_path / "p.critmin") as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert calls == [0]


def test_reversible_edits(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        import_file(p, write_csv(tmp_path / "production.csv", GOOD))
        key = {"mineral": "cobalt", "country": "COD", "year": 2023, "stage": "mine"}
        old = p.set_value("production", key, "quantity", 1.0)
        assert old == 170000 and p.read("production")["quantity"].iloc[0] == 1.0
        p.set_value("production", key, "quantity", old)  # undo
        assert p.read("production")["quantity"].iloc[0] == 170000
        gone = p.delete_rows("production", pd.DataFrame([key]))
        assert p.counts()["production"] == 1
        p.upsert_rows("production", gone)  # undo the delete
        assert p.counts()["production"] == 2
        with pytest.raises(KeyError):
            p.set_value("production", {**key, "year": 1999}, "quantity", 1.0)


def test_project_aliases_make_next_import_silent(tmp_path):
    path = write_csv(tmp_path / "production.csv", "mineral,country,year,quantity\nCobalt,Zaire (old),2023,5\n")
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        assert not load_template(path).ok
        p.add_alias("country", "Zaire (old)", "COD")
        pv = load_template(path, p.registry())
        assert pv.ok and pv.tables["production"]["country"].tolist() == ["COD"]


def test_project_is_self_describing(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        names = dict(p.con.execute("SELECT id, name_zh FROM minerals").fetchall())
        assert names["lithium"] == "锂"
        assert p.con.execute("SELECT is_aggregate FROM countries WHERE iso3='WORLD'").fetchone() == (1,)
        assert p.con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_project_sources_give_the_years_each_import_still_supplies(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        import_file(p, write_csv(tmp_path / "production.csv", GOOD))                       # 2023
        later = GOOD + "Cobalt,COD,2021,90000,mine,t\n"
        import_file(p, write_csv(tmp_path / "v2.csv", later.replace("170000", "180000")))   # 2021, 2023 (COD)
        sources = p.dataset().sources
    # the second file rewrote COD 2023 and added COD 2021; IDN 2023 (unchanged) still comes from the first
    assert [s["file"] for s in sources] == ["production.csv", "v2.csv"]
    assert sources[0]["years"] == {"production": "2023"}
    assert sources[1]["years"] == {"production": "2021–2023"}
