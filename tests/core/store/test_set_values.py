"""Project.set_values: many cells in one transaction and one undo step; one bad value refuses them all."""
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from desktop.core.dataset import SCHEMA, conform
from desktop.core.errors import CellError, EditError, KeyCollision
from desktop.core.store import CellValue, Project

KEYS = list(SCHEMA["production"][0])
PRODUCTION = conform("production", pd.DataFrame({
    "mineral": ["cobalt", "cobalt", "lithium"], "country": ["COD", "IDN", "AUS"], "year": [2023, 2023, 2022],
    "stage": ["mine", "mine", "mine"], "quantity": [170000.0, 10.0, 61000.0], "unit": ["t", "t", "t"]}))
PRICES = conform("prices", pd.DataFrame({"mineral": ["cobalt"], "year": [2023], "price": [33.0], "unit": ["USD/t"]}))
COD = {"mineral": "cobalt", "country": "COD", "year": 2023, "stage": "mine"}
IDN = {**COD, "country": "IDN"}
AUS = {"mineral": "lithium", "country": "AUS", "year": 2022, "stage": "mine"}


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import({"production": PRODUCTION, "prices": PRICES}, {"file": "a.csv", "sha256": "a" * 64})
        yield p


def state(project: Project) -> dict:
    """Every stored row with its source, and the revisions: what "nothing changed" compares."""
    return {"tables": {t: project.read_with_sources(t) for t in ("production", "prices")},
            "revisions": project.revisions(), "revision": project.revision()}


def assert_same_state(a: dict, b: dict) -> None:
    assert a["revisions"] == b["revisions"] and a["revision"] == b["revision"]
    for table, (frame, sources) in a["tables"].items():
        assert_frame_equal(frame, b["tables"][table][0], obj=table)
        assert np.array_equal(sources, b["tables"][table][1], equal_nan=True)


def cell(project: Project, key: dict, column: str, table: str = "production"):
    frame = project.read(table)
    hit = np.logical_and.reduce([frame[k].to_numpy() == v for k, v in key.items()])
    return frame.loc[hit, column].item()


def test_a_paste_of_six_cells_is_one_undo_step(project):
    before = state(project)
    # A 3 × 2 block (quantity, unit) as an analyst pastes it: text, checked like a typed cell.
    block = [(COD, "1,234", "kt"), (IDN, "W", "t"), (AUS, ">50", "kt")]
    change = project.set_values([("production", key, col, text)
                                 for key, quantity, unit in block
                                 for col, text in (("quantity", quantity), ("unit", unit))],
                                "Paste 6 cells", parse=True)
    assert change.label == "Paste 6 cells" and list(change.tables) == ["production"]
    assert project.revision() == before["revision"] + 1
    assert project.revision("production") == before["revisions"]["production"] + 1
    frame, sources = project.read_with_sources("production")          # key order: COD, IDN, AUS
    assert np.array_equal(frame["quantity"], [1234.0, np.nan, 50.0], equal_nan=True)   # W keeps no number
    assert frame["quantity_state"].tolist() == ["", "W", ">"] and frame["unit"].tolist() == ["kt", "t", "kt"]
    assert np.isnan(sources).all()                                     # hand edits: no source
    project.apply(change, undo=True)                                   # one step undoes every cell
    after_undo = state(project)
    for table, (frame, sources) in before["tables"].items():
        assert_frame_equal(frame, after_undo["tables"][table][0])
        assert np.array_equal(sources, after_undo["tables"][table][1], equal_nan=True)
    project.apply(change)
    assert cell(project, COD, "quantity") == 1234.0 and cell(project, AUS, "quantity_state") == ">"


def test_a_bad_value_refuses_the_whole_batch(project):
    before = state(project)
    cells = [("production", COD, "quantity", "5"), ("production", IDN, "unit", "kt"),
             ("production", AUS, "quantity", "lots")]
    with pytest.raises(CellError, match="lots"):
        project.set_values(cells, "paste", parse=True)
    with pytest.raises(CellError, match="negative"):
        project.set_values([("production", COD, "quantity", "-1")], "paste", parse=True)
    with pytest.raises(EditError, match="number"):                     # values, not text: the type is checked
        project.set_values([("production", COD, "quantity", 5.0), ("production", AUS, "quantity", "lots")], "x")
    with pytest.raises(EditError, match="no production row"):
        project.set_values([("production", COD, "quantity", 5.0), ("production", {**AUS, "year": 1990},
                                                                      "quantity", 1.0)], "x")
    with pytest.raises(EditError, match="no column"):
        project.set_values([("production", COD, "source_id", 1.0)], "x")
    with pytest.raises(EditError, match="not a table"):
        project.set_values([("nonsense", COD, "quantity", 1.0)], "x")
    with pytest.raises(EditError, match="needs stage"):
        project.set_values([("production", {k: COD[k] for k in KEYS[:3]}, "quantity", 1.0)], "x")
    assert_same_state(before, state(project))


def test_cells_of_two_tables_are_one_change(project):
    change = project.set_values([CellValue("production", COD, "quantity", 1.0),
                                 CellValue("prices", {"mineral": "cobalt", "year": "2023"}, "price", 2.0)], "both")
    assert set(change.tables) == {"production", "prices"}
    assert cell(project, COD, "quantity") == 1.0 and cell(project, {"year": 2023}, "price", "prices") == 2.0
    project.apply(change, undo=True)
    assert cell(project, COD, "quantity") == 170000.0 and cell(project, {"year": 2023}, "price", "prices") == 33.0


def test_a_frame_of_cells(project):
    cells = pd.DataFrame({"table": ["production", "production"], "key": [COD, IDN],
                          "column": ["quantity", "quantity"], "value": [1.0, 2.0]})
    project.set_values(cells, "frame")
    assert [cell(project, COD, "quantity"), cell(project, IDN, "quantity")] == [1.0, 2.0]


def test_states_go_with_their_values(project):
    project.set_values([("production", COD, "quantity", (50.0, ">"))], "bound")
    assert (cell(project, COD, "quantity"), cell(project, COD, "quantity_state")) == (50.0, ">")
    project.set_values([("production", COD, "quantity", 60.0)], "plain number")      # a value: state ""
    assert (cell(project, COD, "quantity"), cell(project, COD, "quantity_state")) == (60.0, "")
    project.set_values([("production", COD, "quantity_state", "E")], "state alone")
    assert (cell(project, COD, "quantity"), cell(project, COD, "quantity_state")) == (60.0, "E")
    with pytest.raises(EditError, match="state"):
        project.set_values([("production", COD, "quantity_state", "maybe")], "bad state")


def test_a_key_cell_moves_the_row_and_refuses_to_overwrite_another(project):
    # The later cell names the row by its key before the batch, though the first moved it.
    project.set_values([("production", COD, "year", "2024"), ("production", COD, "quantity", "7")], "move",
                       parse=True)
    moved = {**COD, "year": 2024}
    assert cell(project, moved, "quantity") == 7.0 and project.counts()["production"] == 3
    before = state(project)
    with pytest.raises(KeyCollision):
        project.set_values([("production", IDN, "country", "COD"), ("production", IDN, "year", 2024)], "collide")
    assert_same_state(before, state(project))
    # Two rows swapping their keys in one batch is fine: each old key is removed by the batch.
    project.set_values([("production", moved, "country", "IDN"), ("production", IDN, "country", "COD")], "swap")
    assert cell(project, {**IDN, "year": 2024}, "quantity") == 7.0 and cell(project, COD, "quantity") == 10.0


def test_rows_the_cells_leave_as_they_were_keep_their_source(project):
    change = project.set_values([("production", COD, "quantity", 170000.0), ("production", IDN, "quantity", 11.0)],
                                "one changes")
    frame, sources = project.read_with_sources("production")
    assert list(change.tables["production"].after["country"]) == ["IDN"]
    assert sources.tolist()[0] == 1.0 and np.isnan(sources[1])
