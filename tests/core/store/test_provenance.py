"""Provenance from the store: each row's import, and its sheet and row in that import's file.

The tables of ``Project.dataset()`` stay exactly what the engine reads; the provenance is beside them
(``Dataset.row_sources``, ``Dataset.origin``).  The expectations are counted by hand from the workbooks.
"""
import sqlite3

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import SCHEMA, Dataset, columns, conform
from desktop.core.store import DatasetCache, Project, opening, schema
from desktop.core.store import rows as R

from tests.core.helpers import load_template, write_csv, write_xlsx

KEYS = list(SCHEMA["production"][0])
UNKNOWN = {"source_id": None, "file": None, "sheet": None, "row": None}

# Sheet "Mine output": header in row 1, lithium in row 2, a blank row 3, cobalt in row 4.
# Sheet "prices": header in row 1, 2022 in row 2, 2023 in row 3.
SHEETS = {
    "Mine output": [["mineral", "country", "year", "quantity", "stage", "unit"],
                    ["Lithium", "AUS", 2022, 61000, "mine", "t"],
                    [None, None, None, None, None, None],
                    ["Cobalt", "COD", 2023, 170000, "mine", "t"]],
    "prices": [["mineral", "year", "price", "unit"],
               ["Cobalt", 2022, 31000, "USD/t"],
               ["Cobalt", 2023, 33000, "USD/t"]],
}
# What ingest knows of each row of the preview's tables (in the preview's row order): its sheet and row.
ORIGINS = {"production": pd.DataFrame({"sheet": ["Mine output", "Mine output"], "row": [2, 4]}),
           "prices": pd.DataFrame({"sheet": ["prices", "prices"], "row": [2, 3]})}


@pytest.fixture
def workbook(tmp_path):
    preview = load_template(write_xlsx(tmp_path / "data.xlsx", SHEETS))
    assert preview.ok
    # The preview keeps the file's row order: the origins above are parallel to these rows.
    assert preview.tables["production"]["mineral"].tolist() == ["lithium", "cobalt"]
    assert preview.tables["prices"]["year"].tolist() == [2022, 2023]
    return preview


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        yield p


def position(dataset: Dataset, table: str, **key) -> int:
    frame = dataset.get(table)
    hit = np.logical_and.reduce([frame[k].to_numpy() == v for k, v in key.items()])
    assert hit.sum() == 1
    return int(np.flatnonzero(hit)[0])


def origin(project: Project, table: str, **key) -> dict:
    dataset = project.dataset()
    return dataset.origin(table, position(dataset, table, **key))


def test_a_two_sheet_workbook_names_each_rows_sheet_and_row(project, workbook):
    report = project.write_import(workbook.tables, workbook.source(), origins=workbook.origins)
    sid = report.import_id
    dataset = project.dataset()
    # The tables are in key order (cobalt before lithium), not in the file's order.
    assert dataset.get("production")["mineral"].tolist() == ["cobalt", "lithium"]
    assert dataset.origin("production", 0) == {"source_id": sid, "file": "data.xlsx", "sheet": "Mine output", "row": 4}
    assert dataset.origin("production", 1) == {"source_id": sid, "file": "data.xlsx", "sheet": "Mine output", "row": 2}
    assert dataset.origin("prices", 1) == {"source_id": sid, "file": "data.xlsx", "sheet": "prices", "row": 3}
    assert np.array_equal(dataset.row_sources["production"], [sid, sid])
    assert project.origin("prices", {"mineral": "cobalt", "year": 2022}) == \
        {"source_id": sid, "file": "data.xlsx", "sheet": "prices", "row": 2}
    assert project.origin("prices", {"mineral": "cobalt", "year": 1999}) is None
    with pytest.raises(IndexError):
        dataset.origin("prices", 2)


def test_the_tables_stay_what_the_engine_reads(project, workbook):
    project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    for table, frame in project.dataset().tables.items():
        assert list(frame.columns) == columns(table)


def test_a_hand_edit_has_no_source_and_undo_gives_the_origin_back(project, workbook):
    report = project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    row = project.read("production").iloc[[0]]                               # cobalt, from row 4
    change = project.edit_rows("production", remove=row[KEYS], upsert=row.assign(quantity=1.0), label="cell")
    assert origin(project, "production", mineral="cobalt") == UNKNOWN
    assert origin(project, "production", mineral="lithium")["row"] == 2      # the other row keeps its origin
    assert np.isnan(project.dataset().row_sources["production"][0])
    project.apply(change, undo=True)
    assert origin(project, "production", mineral="cobalt") == \
        {"source_id": report.import_id, "file": "data.xlsx", "sheet": "Mine output", "row": 4}
    project.apply(change)
    assert origin(project, "production", mineral="cobalt") == UNKNOWN


def test_a_pasted_batch_has_no_source(project, workbook):
    project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    project.set_values([("prices", {"mineral": "cobalt", "year": 2023}, "price", 1.0)], "Paste 1 cell")
    assert origin(project, "prices", year=2023) == UNKNOWN
    assert origin(project, "prices", year=2022)["row"] == 2


def test_a_later_import_moves_the_origin_and_undo_moves_it_back(project, workbook, tmp_path):
    first = project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    # A CSV giving the 2023 price again, changed, in its row 3 (after a 2021 row in row 2): no sheet.
    newer = load_template(write_csv(tmp_path / "prices.csv", "mineral,year,price,unit\n"
                                    "Cobalt,2021,30000,USD/t\nCobalt,2023,34000,USD/t\n"))
    second = project.write_import(newer.tables, newer.source(),
                                  origins={"prices": pd.DataFrame({"sheet": ["", ""], "row": [2, 3]})})
    assert origin(project, "prices", year=2023) == \
        {"source_id": second.import_id, "file": "prices.csv", "sheet": None, "row": 3}
    assert origin(project, "prices", year=2022)["source_id"] == first.import_id   # not in the CSV: unchanged
    project.apply(second.change, undo=True)
    assert origin(project, "prices", year=2023) == \
        {"source_id": first.import_id, "file": "data.xlsx", "sheet": "prices", "row": 3}


def test_an_unchanged_row_keeps_its_first_import(project, workbook):
    """A row a second file leaves as it is is not rewritten: its source and origin stay the first file's."""
    first = project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    again = {**workbook.source(), "file": "copy.xlsx", "sha256": "c" * 64}
    project.write_import({"prices": workbook.tables["prices"]}, again,
                         origins={"prices": pd.DataFrame({"sheet": ["other", "other"], "row": [7, 8]})})
    assert origin(project, "prices", year=2022) == \
        {"source_id": first.import_id, "file": "data.xlsx", "sheet": "prices", "row": 2}


def test_an_import_without_origins_knows_only_its_file(project, workbook):
    report = project.write_import(workbook.tables, workbook.source())
    assert origin(project, "prices", year=2022) == \
        {"source_id": report.import_id, "file": "data.xlsx", "sheet": None, "row": None}


def test_origins_may_be_partly_unknown(project, workbook):
    """Rows as floats (a column with a gap), a sheet missing: each unknown part is None."""
    origins = {"production": pd.DataFrame({"sheet": [None, "Mine output"], "row": [2.0, np.nan]})}
    project.write_import(workbook.tables, workbook.source(), origins=origins)
    assert origin(project, "production", mineral="lithium")["sheet"] is None
    assert origin(project, "production", mineral="lithium")["row"] == 2
    assert (origin(project, "production", mineral="cobalt")["sheet"],
            origin(project, "production", mineral="cobalt")["row"]) == ("Mine output", None)
    assert origin(project, "prices", year=2022)["sheet"] is None       # no origins for that table at all


def test_origins_must_match_the_rows(project, workbook):
    with pytest.raises(ValueError, match="origins"):
        project.write_import(workbook.tables, workbook.source(),
                             origins={"prices": pd.DataFrame({"sheet": ["prices"], "row": [2]})})
    assert project.counts()["production"] == 0 and len(project.import_log()) == 0


def test_an_older_dataset_gives_no_sheet_for_a_row_written_since(project, workbook, tmp_path):
    project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    old = project.dataset()
    newer = load_template(write_csv(tmp_path / "prices.csv", "mineral,year,price,unit\nCobalt,2023,1,USD/t\n"))
    project.write_import(newer.tables, newer.source(), origins={"prices": pd.DataFrame({"sheet": [""], "row": [2]})})
    # What the old Dataset read: that import and file; its sheet and row are no longer in the project.
    assert old.origin("prices", 1) == {"source_id": 1, "file": "data.xlsx", "sheet": None, "row": None}
    assert old.revision < project.revision()


def test_the_cache_keeps_the_provenance(project, workbook):
    project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    cache = DatasetCache()
    cached, fresh = cache.dataset(project), project.dataset()
    assert cached.row_sources.keys() == fresh.row_sources.keys()
    for table, ids in fresh.row_sources.items():
        assert np.array_equal(cached.row_sources[table], ids, equal_nan=True)
    assert cached.origin("production", 0) == fresh.origin("production", 0)
    assert cached.revision == fresh.revision == project.revision()


def test_a_merged_dataset_keeps_provenance_only_where_it_still_holds(project, workbook):
    project.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
    merged = Dataset()
    merged.merge(project.dataset())                     # into an empty Dataset: everything holds
    assert merged.origin("prices", 0)["row"] == 2 and merged.revision == project.revision()
    merged.merge(Dataset(tables={"prices": conform("prices", pd.DataFrame(
        {"mineral": ["nickel"], "year": [2023], "price": [1.0]}))}))
    assert merged.origin("prices", 0) == UNKNOWN        # the merged table's rows are no longer the project's
    assert merged.origin("production", 0)["row"] == 4   # the untouched table's are
    assert merged.revision is None


def test_a_dataset_not_read_from_a_project_knows_nothing(workbook):
    dataset = Dataset(tables=dict(workbook.tables))
    assert dataset.origin("production", 0) == UNKNOWN and dataset.revision is None


def test_a_version_4_file_opens_with_unknown_origins(tmp_path, workbook):
    path = tmp_path / "v4.critmin"
    with Project.open(path, create=True) as p:
        report = p.write_import(workbook.tables, workbook.source(), origins=ORIGINS)
        for table in SCHEMA:
            for col in R.ORIGIN:
                p.con.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
        p.con.execute("PRAGMA user_version = 4")
    opening._trusted.clear()
    with Project.open(path) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 5
        assert {c: t for _, c, t, *_ in p.con.execute("PRAGMA table_info(production)")
                if c in R.ORIGIN} == {"source_sheet": "TEXT", "source_row": "INTEGER"}
        assert origin(p, "prices", year=2022) == \
            {"source_id": report.import_id, "file": "data.xlsx", "sheet": None, "row": None}
        tables, source, origins = _prices_2024(tmp_path)
        p.write_import(tables, source, origins=origins)
        assert origin(p, "prices", year=2024)["row"] == 2
    with sqlite3.connect(tmp_path / "v4.v4-backup.critmin") as con:
        assert "source_row" not in {r[1] for r in con.execute("PRAGMA table_info(prices)")}


def _prices_2024(tmp_path):
    preview = load_template(write_csv(tmp_path / "p24.csv", "mineral,year,price,unit\nCobalt,2024,1,USD/t\n"))
    return preview.tables, preview.source(), {"prices": pd.DataFrame({"sheet": [""], "row": [2]})}


def test_ingest_supplies_the_origins(project, workbook):
    """The contract with ingest: ``ImportPreview.origins`` ({table: frame with sheet and row}, parallel to
    ``preview.tables``) is what this file's ORIGINS spells out by hand."""
    origins = workbook.origins
    assert sorted(origins) == sorted(workbook.tables)
    for table, expected in ORIGINS.items():
        assert origins[table][["sheet", "row"]].astype(object).values.tolist() == \
            expected.astype(object).values.tolist()
