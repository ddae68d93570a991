"""Per-table revisions: every write path bumps exactly the tables it changed, in its own transaction."""
import sqlite3

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import SCHEMA, conform
from desktop.core.errors import EditError, KeyCollision
from desktop.core.store import Project, revisions, schema

KEYS = list(SCHEMA["production"][0])


def production(rows) -> pd.DataFrame:
    """rows: (mineral, country, year, quantity)."""
    frame = pd.DataFrame(rows, columns=["mineral", "country", "year", "quantity"]).assign(stage="mine", unit="t")
    return conform("production", frame)


BASE = production([("cobalt", "COD", 2023, 170000.0), ("cobalt", "IDN", 2023, 10.0), ("lithium", "AUS", 2022, 61.0)])
PRICES = conform("prices", pd.DataFrame({"mineral": ["cobalt"], "year": [2023], "price": [33.0], "unit": ["USD/t"]}))


def source(name: str) -> dict:
    return {"file": name, "sha256": name * 8, "format": "template"}


def moved(before: dict, after: dict) -> set[str]:
    return {t for t in after if after[t] != before[t]}


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        yield p


def test_a_new_project_has_every_revision_at_zero(project):
    assert project.revisions() == dict.fromkeys(revisions.TRACKED, 0)
    assert set(SCHEMA) | {"import_log", "aliases"} == set(project.revisions())
    assert project.revision("production") == 0
    with pytest.raises(ValueError):
        project.revision("meta")


def test_imports_bump_the_tables_they_change_and_the_log(project):
    r0 = project.revisions()
    report = project.write_import({"production": BASE, "prices": PRICES}, source("a.csv"))
    r1 = project.revisions()
    assert moved(r0, r1) == {"production", "prices", "import_log"}
    assert all(r1[t] == r0[t] + 1 for t in moved(r0, r1))
    # The same content again: the transaction rolls back, nothing moves.
    assert project.write_import({"production": BASE, "prices": PRICES}, source("a.csv")).already_imported
    assert project.revisions() == r1
    # A second file changing only prices: production keeps its revision.
    newer = PRICES.assign(price=34.0)
    project.write_import({"production": BASE, "prices": newer}, source("b.csv"))
    assert moved(r1, project.revisions()) == {"prices", "import_log"}
    # Undo and redo of the first import.
    r2 = project.revisions()
    project.apply(report.change, undo=True)
    r3 = project.revisions()
    assert moved(r2, r3) == {"production", "prices", "import_log"}
    project.apply(report.change)
    assert moved(r3, project.revisions()) == {"production", "prices", "import_log"}


def test_several_files_in_one_transaction(project):
    r0 = project.revisions()
    _, change = project.write_imports([({"production": BASE}, source("a.csv")), ({"prices": PRICES}, source("b.csv"))])
    assert moved(r0, project.revisions()) == {"production", "prices", "import_log"}
    r1 = project.revisions()
    project.apply(change, undo=True)
    assert moved(r1, project.revisions()) == {"production", "prices", "import_log"}


def test_edits_bump_their_table_and_a_refused_edit_nothing(project):
    project.write_import({"production": BASE}, source("a.csv"))
    r0 = project.revisions()
    row = BASE.iloc[[0]]
    change = project.edit_rows("production", remove=row[KEYS], upsert=row.assign(quantity=1.0), label="cell")
    r1 = project.revisions()
    assert moved(r0, r1) == {"production"} and r1["production"] == r0["production"] + 1
    project.apply(change, undo=True)
    r2 = project.revisions()
    assert moved(r1, r2) == {"production"}
    # Nothing to do, a collision, a missing key: no bump (a refused edit rolls back with its bump).
    project.edit_rows("production", label="nothing")
    with pytest.raises(KeyCollision):
        project.edit_rows("production", upsert=BASE.iloc[[1]], label="collide")
    with pytest.raises(EditError):
        project.edit_rows("production", remove=production([("cobalt", "ZMB", 2023, 1.0)])[KEYS], label="missing")
    assert project.revisions() == r2
    # Added and deleted rows.
    added = production([("cobalt", "ZMB", 2023, 5.0)])
    project.edit_rows("production", upsert=added, label="add")
    project.edit_rows("production", remove=added[KEYS], label="delete")
    assert project.revision("production") == r2["production"] + 2


def test_the_older_helpers_and_aliases_bump(project):
    project.write_import({"production": BASE}, source("a.csv"))
    r0 = project.revisions()
    key = {"mineral": "cobalt", "country": "COD", "year": 2023, "stage": "mine"}
    project.set_value("production", key, "quantity", 2.0)
    project.upsert_rows("production", production([("nickel", "IDN", 2023, 3.0)]))
    project.delete_rows("production", pd.DataFrame([key]))
    project.delete_rows("production", pd.DataFrame([key]))           # gone already: nothing changes
    assert project.upsert_rows("production", production([("nickel", "IDN", 2023, 3.0)])) == 0
    r1 = project.revisions()
    assert moved(r0, r1) == {"production"} and r1["production"] == r0["production"] + 3
    project.set_alias("country", "Congo Kinshasa", "COD")
    project.remove_alias("country", "Congo Kinshasa")
    assert moved(r1, project.revisions()) == {"aliases"} and project.revision("aliases") == r1["aliases"] + 2


def test_revisions_are_read_from_the_file(tmp_path):
    path = tmp_path / "p.critmin"
    with Project.open(path, create=True) as a, Project.open(path) as b:
        before = a.revision("production")
        b.write_import({"production": BASE}, source("a.csv"))
        assert a.revision("production") == before + 1
        assert a.revisions() == b.revisions()


def test_an_older_file_gets_the_table_from_its_first_write(tmp_path):
    """A file made before revisions existed opens unchanged, reads 0 everywhere, and counts from its first write."""
    path = tmp_path / "old.critmin"
    with Project.open(path, create=True) as p:
        p.write_import({"production": BASE}, source("a.csv"))
        p.con.execute(f"DROP TABLE {revisions.TABLE}")
    before = path.read_bytes()
    with Project.open(path) as p:
        assert p.revisions() == dict.fromkeys(revisions.TRACKED, 0)
        assert len(p.dataset().get("production")) == 3
    assert path.read_bytes() == before
    with Project.open(path) as p:
        p.write_import({"prices": PRICES}, source("b.csv"))
        assert {t for t, n in p.revisions().items() if n} == {"prices", "import_log"}
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_a_migration_bumps_every_table(tmp_path, monkeypatch):
    path = tmp_path / "p.critmin"
    with Project.open(path, create=True) as p:
        p.write_import({"production": BASE}, source("a.csv"))
        r0 = p.revisions()
    old = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old + 1)
    monkeypatch.setitem(schema.MIGRATIONS, old, lambda con: con.execute("UPDATE production SET quantity = 0"))
    with Project.open(path) as p:
        assert moved(r0, p.revisions()) == set(revisions.TRACKED)
        assert (p.read("production")["quantity"] == 0).all()


def test_a_bump_outside_the_tracked_tables_is_a_mistake(project):
    with pytest.raises(ValueError), project.transaction():
        revisions.bump(project.con, ["meta"])
    assert np.all(np.array(list(project.revisions().values())) == 0)


# -- the file's revision: every committed write, whatever it changed ------------------------------------------

def test_every_committed_write_raises_the_files_revision_by_one(project):
    from desktop.core.store import lists, registry_edits

    steps = []

    def step(name, write):
        before = project.revision()
        write()
        steps.append((name, project.revision() - before))

    report = None

    def first_import():
        nonlocal report
        report = project.write_import({"production": BASE}, source("a.csv"))

    step("import", first_import)
    key = {"mineral": "cobalt", "country": "COD", "year": 2023, "stage": "mine"}
    row = BASE.iloc[[0]]
    edit = None

    def edit_cell():
        nonlocal edit
        edit = project.edit_rows("production", remove=row[KEYS], upsert=row.assign(quantity=1.0), label="cell")

    step("edit_rows", edit_cell)
    step("undo", lambda: project.apply(edit, undo=True))
    step("redo", lambda: project.apply(edit))
    step("set_values", lambda: project.set_values([("production", key, "quantity", 5.0)], "paste"))
    step("set_value", lambda: project.set_value("production", key, "quantity", 6.0))
    step("alias", lambda: project.set_alias("country", "Congo Kinshasa", "COD"))
    step("registry edit", lambda: registry_edits.set_field(project, "cobalt", "note", "a note"))
    step("list", lambda: lists.create_list(project, "Mine", ["cobalt"]))
    step("setting", lambda: project.set_setting("alert_rules", {"x": 1}))
    step("undo import", lambda: project.apply(report.change, undo=True))
    assert steps == [(name, 1) for name, _ in steps]


def test_writes_that_change_nothing_leave_the_files_revision(project):
    project.write_import({"production": BASE}, source("a.csv"))
    key = {"mineral": "cobalt", "country": "ZMB", "year": 2023, "stage": "mine"}
    before = project.revision()
    assert project.write_import({"production": BASE}, source("a.csv")).already_imported
    project.edit_rows("production", label="nothing")
    assert project.set_values([], "nothing").is_empty
    project.set_values([("production", {**key, "country": "COD"}, "quantity", 170000.0)], "same value")
    project.delete_rows("production", pd.DataFrame([key]))                 # not there
    assert project.upsert_rows("production", BASE) == 0                    # there already
    with pytest.raises(KeyCollision):
        project.edit_rows("production", upsert=BASE.iloc[[1]], label="collide")
    with pytest.raises(EditError):
        project.set_values([("production", key, "quantity", 1.0)], "missing row")
    assert project.revision() == before


def test_a_dataset_carries_the_revision_it_was_read_at(project, tmp_path):
    project.write_import({"production": BASE}, source("a.csv"))
    dataset = project.dataset()
    assert dataset.revision == project.revision() > 0
    with Project.open(tmp_path / "p.critmin") as other:                     # a write through another connection
        other.set_setting("x", 1)
    assert project.revision() == dataset.revision + 1
    assert project.dataset().revision == project.revision()


def test_the_cache_reads_nothing_while_the_file_is_unwritten(project):
    from desktop.core.store import DatasetCache

    project.write_import({"production": BASE, "prices": PRICES}, source("a.csv"))
    cache = DatasetCache()
    first = cache.dataset(project)
    reads = dict(cache.reads)
    assert cache.dataset(project).revision == first.revision and cache.reads == reads
    project.set_setting("x", 1)                      # the file moves, no table does: no table is read again
    assert cache.dataset(project).revision == first.revision + 1 and cache.reads == reads
    project.set_values([("prices", {"mineral": "cobalt", "year": 2023}, "price", 1.0)], "cell")
    assert cache.dataset(project).get("prices")["price"].tolist() == [1.0]
    assert {t for t in cache.reads if cache.reads[t] != reads[t]} == {"prices"}
