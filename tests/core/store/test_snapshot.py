"""DatasetCache: equal to a fresh Project.dataset() after every kind of write, through any connection."""
import os
import shutil

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from desktop.core.dataset import SCHEMA, conform
from desktop.core.metrics.engine import run
from desktop.core.metrics.params import EngineParams
from desktop.core.store import DatasetCache, Project

KEYS = list(SCHEMA["production"][0])


def assert_same(cached, fresh) -> None:
    """Table by table (values, dtypes, row order) and the sources."""
    assert list(cached.tables) == list(fresh.tables)
    for table, frame in fresh.tables.items():
        assert_frame_equal(cached.tables[table], frame, check_dtype=True, obj=table)
    assert cached.sources == fresh.sources


def check(cache: DatasetCache, project: Project) -> dict[str, int]:
    """Compare the cache with a fresh read; returns how often each table was read by this call."""
    before = dict(cache.reads)
    assert_same(cache.dataset(project), project.dataset())
    return {t: n - before.get(t, 0) for t, n in cache.reads.items() if n != before.get(t, 0)}


def first_row(project: Project, table: str = "production") -> pd.DataFrame:
    return project.read(table).iloc[[0]].reset_index(drop=True)


def edit_cell(project: Project, value: float, table: str = "production"):
    row = first_row(project, table)
    keys = list(SCHEMA[table][0])
    return project.edit_rows(table, remove=row[keys], upsert=row.assign(quantity=value), label="cell")


def new_prices() -> pd.DataFrame:
    return conform("prices", pd.DataFrame({"mineral": ["cobalt", "cobalt"], "year": [1990, 1991],
                                           "price": [1.0, 2.0], "unit": ["USD/t", "USD/t"]}))


def test_edits_imports_undo_and_redo(demo_copy):
    with Project.open(demo_copy) as project:
        cache = DatasetCache()
        assert check(cache, project) == dict.fromkeys(SCHEMA, 1)          # the first call reads everything
        assert check(cache, project) == {}                                 # nothing changed: nothing read

        change = edit_cell(project, 123.0)
        assert check(cache, project) == {"production": 1}
        assert cache.dataset(project).get("production")["quantity"].iloc[0] == 123.0

        report = project.write_import({"prices": new_prices()}, {"file": "p.csv", "sha256": "p" * 64})
        assert check(cache, project) == {"prices": 1}
        assert cache.dataset(project).sources[-1]["file"] == "p.csv"

        project.apply(report.change, undo=True)
        assert check(cache, project) == {"prices": 1}
        project.apply(report.change)
        assert check(cache, project) == {"prices": 1}
        project.apply(change, undo=True)
        assert check(cache, project) == {"production": 1}
        project.apply(change)
        assert check(cache, project) == {"production": 1}

        added = first_row(project).assign(year=1901)
        project.edit_rows("production", upsert=added, label="add")
        assert check(cache, project) == {"production": 1}
        project.edit_rows("production", remove=added[KEYS], label="delete")
        assert check(cache, project) == {"production": 1}

        project.set_alias("country", "Kongo", "COD")                       # not part of the dataset
        assert check(cache, project) == {}


def test_writes_through_another_connection_are_seen(demo_copy):
    with Project.open(demo_copy) as window, Project.open(demo_copy) as worker:
        cache = DatasetCache()
        check(cache, window)
        edit_cell(worker, 7.0)
        assert check(cache, window) == {"production": 1}
        worker.write_import({"prices": new_prices()}, {"file": "p.csv", "sha256": "p" * 64})
        assert check(cache, worker) == {"prices": 1}                       # either connection may ask
        edit_cell(window, 8.0)
        assert check(cache, worker) == {"production": 1}
        assert cache.dataset(worker).get("production")["quantity"].iloc[0] == 8.0


def test_a_different_file_starts_afresh(demo_copy, tmp_path):
    other = tmp_path / "other.critmin"
    shutil.copyfile(demo_copy, other)
    cache = DatasetCache()
    with Project.open(demo_copy) as project:
        check(cache, project)
        edit_cell(project, 5.0)
        check(cache, project)
    with Project.open(other) as copy:                 # same revisions, different rows
        assert check(cache, copy) == dict.fromkeys(SCHEMA, 1)
        assert cache.dataset(copy).get("production")["quantity"].iloc[0] != 5.0
    # The same path, another file (a copy moved over it): its revisions may equal the old ones.
    os.replace(other, demo_copy)
    with Project.open(demo_copy) as project:
        assert check(cache, project) == dict.fromkeys(SCHEMA, 1)
    cache.clear()
    with Project.open(demo_copy) as project:
        assert check(cache, project) == dict.fromkeys(SCHEMA, 1)


@pytest.mark.parametrize("params", [EngineParams(), EngineParams(country="CHN"), EngineParams(years=(2015, 2023))],
                         ids=["default", "CHN", "2015-2023"])
def test_the_engine_neither_changes_the_cached_tables_nor_sees_a_difference(demo_copy, params):
    with Project.open(demo_copy) as project:
        cache = DatasetCache()
        cached = cache.dataset(project)
        first = run(cached, params)
        assert_same(cache.dataset(project), project.dataset())            # run() left the shared frames alone
        edit_cell(project, 42.0)
        cached, fresh = cache.dataset(project), project.dataset()
        a, b = run(cached, params), run(fresh, params)
        assert list(a.tables) == list(b.tables) == list(first.tables)
        for name in a.tables:
            assert_frame_equal(a.tables[name], b.tables[name], check_dtype=True, obj=name)
        assert [str(p) for p in a.problems] == [str(p) for p in b.problems]
