"""The tuned read (rows.fetch_table) gives what the row-by-row read gives, and the engine sees no difference."""
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from desktop.core.dataset import SCHEMA, Dataset, conform
from desktop.core.metrics.engine import run
from desktop.core.metrics.params import EngineParams
from desktop.core.store import Project
from desktop.core.store import rows as R


def row_by_row(project: Project, table: str) -> pd.DataFrame:
    """The read as it was: every column of every row from one plain SELECT."""
    return R.fetch(project.con.execute(f"{R.select_sql(table)} FROM {table}"), table)


def assert_reads_alike(project: Project) -> None:
    for table in SCHEMA:
        assert_frame_equal(R.fetch_table(project.con, table), row_by_row(project, table), check_dtype=True, obj=table)


def test_every_table_of_the_demo(demo_copy):
    with Project.open(demo_copy) as project:
        assert_reads_alike(project)


def test_empty_tables_nulls_mixed_sources_and_single_rows(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as project:
        assert_reads_alike(project)                              # every table empty
        rng = np.random.default_rng(1)
        n = 3000
        flows = conform("trade_flows", pd.DataFrame({
            "mineral": rng.choice(["cobalt", "lithium", "nickel"], n), "year": rng.integers(2015, 2025, n),
            "stage": rng.choice(["", "mine", "refinery"], n), "exporter": rng.choice(["AUS", "CHN", "COD"], n),
            "importer": [f"C{i:04d}" for i in range(n)], "value_kusd": rng.random(n),
            "quantity_t": np.where(rng.random(n) < 0.3, np.nan, rng.random(n))}))
        project.write_import({"trade_flows": flows}, {"file": "a.csv", "sha256": "a" * 64})
        # Hand edits leave NULL source ids among the imported ones.
        edited = project.read("trade_flows").iloc[::7]
        keys = list(SCHEMA["trade_flows"][0])
        project.edit_rows("trade_flows", remove=edited[keys], upsert=edited.assign(value_kusd=-1.0), label="edit")
        # A numeric column that is NULL throughout, and a table of one row.
        prices = conform("prices", pd.DataFrame({"mineral": ["cobalt"], "year": [2023], "price": [np.nan],
                                                 "price_state": ["W"], "unit": ["USD/t"]}))
        project.write_import({"prices": prices}, {"file": "b.csv", "sha256": "b" * 64})
        assert_reads_alike(project)
        frame, source = project.read_with_sources("trade_flows")
        assert np.isnan(source).sum() == len(edited) and frame["quantity_t"].isna().any()
        assert project.read("prices")["price"].dtype == np.float64


def test_the_queries_walk_the_primary_key_without_sorting(demo_copy):
    with Project.open(demo_copy) as project:
        for table in SCHEMA:
            keys = R.key_columns(table)
            lead = ", ".join(keys[:max(1, len(keys) - 2)])
            for sql in (f"SELECT COUNT(*), {lead} FROM {table} GROUP BY {lead} ORDER BY {lead}",
                        f"SELECT * FROM {table} ORDER BY {', '.join(keys)}"):
                plan = " ".join(str(r[-1]) for r in project.con.execute(f"EXPLAIN QUERY PLAN {sql}"))
                assert "TEMP B-TREE" not in plan, (table, plan)


def test_a_read_outside_a_transaction_leaves_none_open(demo_copy):
    with Project.open(demo_copy) as project:
        project.dataset()
        project.read("production")
        assert not project.con.in_transaction
        with project.transaction():                      # inside a write, the read is part of it
            assert len(project.read("production"))
            assert project.con.in_transaction


@pytest.mark.parametrize("params", [EngineParams(), EngineParams(country="CHN"), EngineParams(years=(2015, 2023))],
                         ids=["default", "CHN", "2015-2023"])
def test_the_engine_gives_the_same_results_on_both_reads(demo_copy, params):
    with Project.open(demo_copy) as project:
        new = project.dataset()
        old = Dataset(tables={t: row_by_row(project, t).drop(columns=R.SOURCE) for t in new.tables},
                      sources=new.sources)
        a, b = run(old, params), run(new, params)
    assert list(a.tables) == list(b.tables)
    for name in a.tables:
        assert_frame_equal(a.tables[name], b.tables[name], check_dtype=True, obj=name)
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]
