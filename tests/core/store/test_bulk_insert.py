"""The store's bulk paths (issue 9 item 6): rows in key order by packed ranks, many rows per INSERT."""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import key_order
from desktop.core.store import rows as R
from desktop.core.store.imports import sorted_unique


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"a": rng.choice(["x", "y", "Z", "é", "中", ""], n), "b": rng.integers(1990, 2000, n),
                         "c": rng.choice(["mine", "refinery", ""], n)})


@pytest.mark.parametrize("seed", range(6))
def test_key_order_is_a_stable_sort_by_the_keys(seed):
    frame = _frame(2000, seed)
    if seed % 2:
        frame = frame.sort_values(["a", "b", "c"], kind="stable").reset_index(drop=True)   # already in order
    order, ranks = key_order(frame, ["a", "b", "c"])
    expected = frame.sort_values(["a", "b", "c"], kind="stable").index.to_numpy()
    assert np.array_equal(order, expected)
    for rank, key in zip(ranks, ["a", "b", "c"]):
        values = frame[key].to_numpy()[order]
        assert np.array_equal(rank[1:] == rank[:-1], values[1:] == values[:-1])


def test_key_order_with_missing_values_and_too_many_keys_to_pack():
    frame = pd.DataFrame({"a": ["b", None, "a", "b"], "b": [2.0, 1.0, np.nan, 1.0]})
    order, _ = key_order(frame, ["a", "b"])
    assert order.tolist() == [2, 3, 0, 1]                            # a missing value sorts last
    rng = np.random.default_rng(0)
    wide = pd.DataFrame({f"k{i}": rng.integers(0, 10**6, 5000) for i in range(4)})   # 10^24 keys: lexsort
    order, _ = key_order(wide, list(wide.columns))
    assert np.array_equal(order, wide.sort_values(list(wide.columns), kind="stable").index.to_numpy())


def test_sorted_unique_keeps_the_last_of_equal_keys():
    frame = pd.DataFrame({"k": ["b", "a", "b", "a"], "v": [1, 2, 3, 4]})
    assert frame.iloc[sorted_unique(frame, ["k"])]["v"].tolist() == [4, 3]


@pytest.mark.parametrize("n", [0, 1, 123, 124, 125, R.CHUNK + 7])
@pytest.mark.parametrize("width", [2, 8, 15])
def test_insert_columns_writes_every_row_in_order(n, width):
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(width))})")
    data = [list(range(n))] + [[f"{i}-{j}" for j in range(n)] for i in range(1, width)]
    chunks = []
    R.insert_columns(con, "t", data, chunks.append)
    assert sum(chunks) == n and all(c <= R.CHUNK for c in chunks)
    got = con.execute("SELECT * FROM t ORDER BY rowid").fetchall()
    assert got == list(zip(*data))
