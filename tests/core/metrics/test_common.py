"""Helpers shared by the indicators: flag joining, min-max, fast factorisation."""
import numpy as np
import pandas as pd

from desktop.core.metrics.flags import join_flags
from desktop.core.metrics.groups import column_key
from desktop.core.metrics.scaling import minmax


def test_join_flags_order_and_details():
    a = np.array([True, False, True, False])
    b = np.array([True, True, False, False])
    detail = np.array(["", "carried_forward:2019", "x:1", ""], dtype=object)
    out = join_flags(4, [("a", a), detail, ("b", b)])
    assert list(out) == ["a;b", "carried_forward:2019;b", "a;x:1", ""]
    assert list(join_flags(2, [])) == ["", ""]


def test_minmax():
    v, const = minmax(np.array([2.0, np.nan, 4.0, 3.0]))
    assert list(v[[0, 2, 3]]) == [0.0, 1.0, 0.5] and np.isnan(v[1]) and not const
    v, const = minmax(np.array([1.0, 1.0]))
    assert list(v) == [0.0, 0.0] and const
    v, const = minmax(np.array([np.nan]))
    assert np.isnan(v[0]) and not const


def test_codes_match_plain_factorisation_on_sorted_and_shuffled_columns():
    rng = np.random.default_rng(0)
    values = np.array(["b", "a", "c", None, "d"], dtype=object)
    sorted_col = np.repeat(values, 40_000)                         # long runs: the run-length path
    shuffled = sorted_col[rng.permutation(len(sorted_col))]        # short runs: plain path
    for col in (sorted_col, shuffled):
        frame = pd.DataFrame({"k": col})
        codes, cats = column_key(frame, "k")
        assert list(cats) == ["", "a", "b", "c", "d"]              # missing → ''
        assert (cats[codes] == np.where(pd.isna(col), "", col)).all()


def _naive_flags(n, parts):
    out = []
    for i in range(n):
        got = []
        for part in parts:
            if isinstance(part, tuple):
                if part[1][i]:
                    got.append(part[0])
            elif part[i] not in ("", None) and part[i] == part[i]:
                got.append(str(part[i]))
        out.append(";".join(got))
    return out


def test_join_flags_many_parts_match_a_row_by_row_join():
    # 70 fixed flags (two bit groups), detail texts with NaN / None, and a key that must be folded
    rng = np.random.default_rng(3)
    n = 400
    parts = [(f"f{k}", rng.random(n) < 0.3) for k in range(40)]
    parts.append(np.array([rng.choice(["", "x:1", "x:2", None, np.nan]) for _ in range(n)], dtype=object))
    parts += [(f"g{k}", rng.random(n) < 0.5) for k in range(30)]
    parts.append(np.array([f"y:{v}" if v % 3 else "" for v in rng.integers(0, 300, n)], dtype=object))
    parts.append(("last", np.ones(n, dtype=bool)))
    assert list(join_flags(n, parts)) == _naive_flags(n, parts)
