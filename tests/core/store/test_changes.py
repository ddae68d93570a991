"""Reversible changes: imports and edits undo and redo exactly, source ids and import log included."""
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from desktop.core.dataset import SCHEMA, columns, conform
from desktop.core.errors import Cancelled, EditError, KeyCollision
from desktop.core.store import Project

KEY = {"mineral": "cobalt", "country": "COD", "year": 2023, "stage": "mine"}


def production(rows) -> pd.DataFrame:
    """rows: (mineral, country, year, quantity, state, unit)."""
    frame = pd.DataFrame(rows, columns=["mineral", "country", "year", "quantity", "quantity_state", "unit"])
    frame["stage"] = "mine"
    return conform("production", frame)


BASE = production([("cobalt", "COD", 2023, 170000.0, "", "t"), ("cobalt", "IDN", 2023, np.nan, "W", "t"),
                   ("lithium", "AUS", 2022, 61000.0, "", "t")])
BALANCE = conform("balance", pd.DataFrame({"mineral": ["cobalt"], "country": ["USA"], "year": [2023], "stage": [""],
                                           "imports": [1.0], "imports_state": [""], "unit": ["t"]}))


def source(name: str) -> dict:
    return {"file": name, "sha256": name * 8, "format": "template"}


def snapshot(project) -> dict[str, pd.DataFrame]:
    """Every table with its source ids, the import log and the aliases, plus the raw stored rows."""
    out = {}
    for table in SCHEMA:
        frame, sid = project.read_with_sources(table)
        out[table] = frame.assign(source_id=sid)
        keys = ", ".join(SCHEMA[table][0])
        raw = project.con.execute(f"SELECT *, typeof(source_id) FROM {table} ORDER BY {keys}").fetchall()
        out[f"raw:{table}"] = pd.DataFrame(raw).astype(str)
    out["import_log"] = project.import_log()
    out["aliases"] = project.aliases()
    return out


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name, frame in a.items():
        assert_frame_equal(frame, b[name], check_index_type=False, obj=name)


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        yield p


def test_import_into_empty_tables_undo_redo_exact(project):
    empty = snapshot(project)
    report = project.write_import({"production": BASE, "balance": BALANCE}, source("a.csv"))
    after = snapshot(project)
    change = report.change
    assert set(change.tables) == {"production", "balance"} and change.import_ids == (report.import_id,)
    assert len(change.tables["production"].before) == 0          # nothing was there: nothing to keep
    project.apply(change, undo=True)
    assert_same(snapshot(project), empty)
    assert len(change.tables["production"].after) == 3           # read on the first undo
    project.apply(change)
    assert_same(snapshot(project), after)                         # same import id, same rows
    project.apply(change, undo=True)
    assert_same(snapshot(project), empty)


def test_upsert_import_undo_redo_exact(project):
    first = project.write_import({"production": BASE}, source("a.csv"))
    project.edit_rows("production", upsert=BASE.iloc[[2]].assign(quantity=1.0), replace=True)  # a hand edit
    before = snapshot(project)
    update = production([("cobalt", "COD", 2023, 180000.0, "", "t"),     # changed
                         ("cobalt", "IDN", 2023, np.nan, "W", "t"),       # unchanged
                         ("nickel", "IDN", 2023, 1.8e6, "", "t"),         # new
                         ("lithium", "AUS", 2022, np.nan, "", "")])       # says nothing: keeps 1.0
    report = project.write_import({"production": update}, source("b.csv"))
    assert report.inserted_or_updated["production"] == 2 and report.unchanged["production"] == 2
    after = snapshot(project)
    kept = report.change.tables["production"].before
    assert kept[["country", "quantity", "source_id"]].values.tolist() == [["COD", 170000.0, first.import_id]]
    idn = after["production"].query("country == 'IDN' and mineral == 'cobalt'")
    assert idn["source_id"].tolist() == [first.import_id]              # an unchanged row keeps its source
    assert after["production"].query("mineral == 'lithium'")["quantity"].tolist() == [1.0]
    project.apply(report.change, undo=True)
    assert_same(snapshot(project), before)
    project.apply(report.change)
    assert_same(snapshot(project), after)


def test_several_files_one_transaction_one_change(project):
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    one = production([("cobalt", "COD", 2023, 1.0, "", "t"), ("nickel", "IDN", 2023, 2.0, "", "t")])
    two = production([("cobalt", "COD", 2023, 3.0, "", "t"), ("nickel", "IDN", 2023, 4.0, "", "t"),
                      ("lithium", "AUS", 2022, 5.0, "", "t")])
    reports, change = project.write_imports([({"production": one}, source("one.csv")),
                                             ({"production": two, "balance": BALANCE}, source("two.csv"))])
    assert [r.changed for r in reports] == [2, 4]
    assert change.import_ids == (reports[0].import_id, reports[1].import_id)
    after = snapshot(project)
    # Before the batch: COD and AUS as file a left them; nickel did not exist.
    assert sorted(change.tables["production"].before["country"]) == ["AUS", "COD"]
    project.apply(change, undo=True)
    assert_same(snapshot(project), before)
    project.apply(change)
    assert_same(snapshot(project), after)


def test_already_imported_file_gives_an_empty_change(project):
    project.write_import({"production": BASE}, source("a.csv"))
    again = project.write_import({"production": BASE}, source("a.csv"))
    assert again.already_imported and again.change.is_empty
    reports, change = project.write_imports([({"production": BASE}, source("a.csv")),
                                             ({"balance": BALANCE}, source("b.csv"))])
    assert reports[0].already_imported and not reports[1].already_imported
    assert change.import_ids == (reports[1].import_id,) and set(change.tables) == {"balance"}


def test_a_stack_of_changes_undoes_level_by_level(project):
    states = [snapshot(project)]
    steps = [project.write_import({"production": BASE}, source("a.csv")).change]
    states.append(snapshot(project))
    steps.append(project.write_import({"production": BASE.assign(quantity=7.0)}, source("b.csv")).change)
    states.append(snapshot(project))
    row = BASE.iloc[[0]].assign(unit="kt")
    steps.append(project.edit_rows("production", remove=row, upsert=row, label="Edit unit"))
    states.append(snapshot(project))
    for level in range(len(steps), 0, -1):
        project.apply(steps[level - 1], undo=True)
        assert_same(snapshot(project), states[level - 1])
    for level in range(len(steps)):
        project.apply(steps[level])
        assert_same(snapshot(project), states[level + 1])


def test_undo_that_no_longer_matches_changes_nothing(project):
    change = project.write_import({"production": BASE}, source("a.csv")).change
    project.apply(change, undo=True)
    state = snapshot(project)
    with pytest.raises(EditError, match="cannot be undone"):
        project.apply(change, undo=True)
    assert_same(snapshot(project), state)
    edit = project.edit_rows("production", upsert=BASE.iloc[[0]], label="Add")
    state = snapshot(project)
    with pytest.raises(EditError, match="cannot be redone"):
        project.apply(edit)    # a redo on top of itself: its row is already there
    assert_same(snapshot(project), state)


def test_cell_edit_sets_source_null_and_undoes(project):
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    row = BASE.iloc[[0]].assign(quantity=1.0)
    change = project.edit_rows("production", remove=row, upsert=row, label="Edit quantity")
    frame, sid = project.read_with_sources("production")
    assert frame["quantity"].iloc[0] == 1.0 and np.isnan(sid[0]) and not np.isnan(sid[1])
    assert change.label == "Edit quantity" and len(change.tables["production"].before) == 1
    after = snapshot(project)
    project.apply(change, undo=True)
    assert_same(snapshot(project), before)
    project.apply(change)
    assert_same(snapshot(project), after)


def test_key_edit_moves_the_row_and_refuses_to_overwrite_another(project):
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    old = BASE.iloc[[0]]
    change = project.edit_rows("production", remove=old, upsert=old.assign(year=2021), label="Edit year")
    assert sorted(project.read("production")["year"]) == [2021, 2022, 2023]
    project.apply(change, undo=True)
    assert_same(snapshot(project), before)
    # Moving COD 2023 onto IDN 2023 would silently replace that row.
    with pytest.raises(KeyCollision, match="already exists"):
        project.edit_rows("production", remove=old, upsert=old.assign(country="IDN"))
    assert_same(snapshot(project), before)
    # Adding a row whose key is taken is a collision too; replace=True overwrites on purpose.
    with pytest.raises(KeyCollision):
        project.edit_rows("production", upsert=old.assign(quantity=5.0))
    project.edit_rows("production", upsert=old.assign(quantity=5.0), replace=True)
    assert project.read("production")["quantity"].iloc[0] == 5.0


def test_paste_block_add_and_delete_rows(project):
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    edited = BASE.iloc[[0, 1]].assign(unit="kt")
    added = production([("tin", "CHN", 2023, 69000.0, "", "t")])
    block = pd.concat([edited, added], ignore_index=True)
    paste = project.edit_rows("production", remove=BASE.iloc[[0, 1]], upsert=block, label="Paste 6 cells")
    assert project.counts()["production"] == 4
    after_paste = snapshot(project)
    delete = project.edit_rows("production", remove=BASE.iloc[[2]][list(SCHEMA["production"][0])],
                               label="Delete row")
    assert project.counts()["production"] == 3
    project.apply(delete, undo=True)
    assert_same(snapshot(project), after_paste)
    project.apply(paste, undo=True)
    assert_same(snapshot(project), before)


def test_bad_edits_change_nothing(project):
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    with pytest.raises(EditError, match="lack"):
        project.edit_rows("production", upsert=BASE.drop(columns="unit"))
    with pytest.raises(EditError, match="same key"):
        project.edit_rows("production", upsert=pd.concat([BASE.iloc[[0]], BASE.iloc[[0]]]), replace=True)
    with pytest.raises(EditError, match="no production row"):
        project.edit_rows("production", remove=pd.DataFrame([{**KEY, "year": 1999}]))
    with pytest.raises(EditError, match="whole number"):
        project.edit_rows("production", upsert=BASE.iloc[[0]].assign(year="soon"), replace=True)
    with pytest.raises(EditError, match="number"):
        project.edit_rows("production", upsert=BASE.iloc[[0]].astype({"quantity": object})
                          .assign(quantity="lots"), replace=True)
    with pytest.raises(EditError, match="state"):
        project.edit_rows("production", upsert=BASE.iloc[[0]].assign(quantity_state="maybe"), replace=True)
    with pytest.raises(EditError, match="not a table"):
        project.edit_rows("nonsense", upsert=BASE)
    assert_same(snapshot(project), before)


def test_cancel_rolls_back_and_progress_reaches_one(project):
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    big = production([("cobalt", "COD", y, float(y), "", "t") for y in range(1900, 2101)] * 1)
    calls = []
    with pytest.raises(Cancelled):
        project.write_imports([({"balance": BALANCE}, source("b.csv")), ({"production": big}, source("c.csv"))],
                              progress=calls.append, cancelled=lambda: len(calls) >= 1)
    assert_same(snapshot(project), before)
    fractions = []
    project.write_import({"production": big}, source("c.csv"), progress=fractions.append, cancelled=lambda: False)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_cancel_inside_a_long_statement(project, monkeypatch):
    """SQLite itself asks ``cancelled`` during the join and the upsert, which are one statement each."""
    project.write_import({"production": BASE}, source("a.csv"))
    before = snapshot(project)
    big = production([(m, c, y, 1.0, "", "t") for m in ("cobalt", "nickel") for c in ("COD", "IDN", "AUS")
                      for y in range(1900, 2101)])
    monkeypatch.setattr("desktop.core.store.imports.Ticker.check", lambda self: None)   # only SQLite asks
    monkeypatch.setattr("desktop.core.store.imports.INTERRUPT_EVERY", 1000)
    with pytest.raises(Cancelled):
        project.write_import({"production": big}, source("b.csv"), cancelled=lambda: True)
    assert_same(snapshot(project), before)
    project.write_import({"production": big}, source("b.csv"), cancelled=lambda: False)
    assert project.counts()["production"] == len(big) + 1


def test_duplicate_keys_in_an_import_last_row_wins(project):
    twice = production([("cobalt", "COD", 2023, 1.0, "", "t"), ("cobalt", "COD", 2023, 2.0, "", "t")])
    project.write_import({"production": twice}, source("a.csv"))                   # empty-table path
    assert project.read("production")["quantity"].tolist() == [2.0]
    change = project.write_import({"production": twice.assign(quantity=[3.0, 4.0])}, source("b.csv")).change
    assert project.read("production")["quantity"].tolist() == [4.0]                 # upsert path
    project.apply(change, undo=True)
    assert project.read("production")["quantity"].tolist() == [2.0]


def test_aliases_set_and_remove_are_undoable(project):
    assert project.set_alias("country", "Zaire (old)", "COD") is None
    assert project.set_alias("country", "Zaire (old)", "COG") == "COD"
    assert project.remove_alias("country", "Zaire (old)") == "COG"
    assert project.remove_alias("country", "Zaire (old)") is None
    assert len(project.aliases()) == 0
    with pytest.raises(EditError):
        project.set_alias("country", "Atlantis", "ATL")
    with pytest.raises(EditError):
        project.set_alias("planet", "Mars", "COD")


def test_read_with_sources_matches_the_plain_read(project):
    """The typed fetch gives what DataFrame.from_records + conform gave (the earlier implementation)."""
    project.write_import({"production": BASE, "balance": BALANCE}, source("a.csv"))
    project.edit_rows("production", upsert=BASE.iloc[[0]].assign(quantity=2.0), replace=True)
    for table in ("production", "balance"):
        frame, sid = project.read_with_sources(table)
        cur = project.con.execute(f"SELECT {', '.join(columns(table))}, source_id FROM {table}")
        old = pd.DataFrame.from_records(cur.fetchall(), columns=columns(table) + ["source_id"])
        expected = conform(table, old)
        # A numeric column NULL throughout came out as object None before; it is float NaN now.
        for col in expected.columns:
            if expected[col].dtype == object and frame[col].dtype == float:
                expected[col] = expected[col].astype(float)
        assert_frame_equal(frame, expected)
        np.testing.assert_array_equal(sid, pd.to_numeric(old["source_id"]).to_numpy(dtype=float))
    frame, sid = project.read_with_sources("prices")
    assert len(frame) == 0 and list(frame.columns) == columns("prices") and sid.dtype == float


def test_batch_into_empty_tables_where_the_second_file_updates_the_first(project):
    empty = snapshot(project)
    one = production([("cobalt", "COD", 2023, 1.0, "", "t"), ("nickel", "IDN", 2023, 2.0, "", "t")])
    two = production([("cobalt", "COD", 2023, 3.0, "", "t")])
    _, change = project.write_imports([({"production": one}, source("one.csv")),
                                       ({"production": two}, source("two.csv"))])
    after = snapshot(project)
    assert len(change.tables["production"].before) == 0      # file one's rows were not there before the batch
    project.apply(change, undo=True)
    assert_same(snapshot(project), empty)
    project.apply(change)
    assert_same(snapshot(project), after)


def test_rows_built_from_records_as_the_table_view_does(project):
    project.write_import({"production": BASE}, source("a.csv"))
    record = dict(BASE.iloc[0]) | {"quantity": None, "quantity_state": "W", "source_id": 1.0}
    change = project.edit_rows("production", remove=pd.DataFrame([record])[list(SCHEMA["production"][0])],
                               upsert=pd.DataFrame([record]), label="Edit quantity")
    frame, sid = project.read_with_sources("production")
    assert np.isnan(frame["quantity"].iloc[0]) and frame["quantity_state"].iloc[0] == "W" and np.isnan(sid[0])
    project.apply(change, undo=True)
    assert project.read("production")["quantity"].iloc[0] == 170000.0
