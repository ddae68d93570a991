"""key_lookup (extended/_prod.py): sums per asked key in row order, with and without a row mask,
on the dense (bool table) and the wide-range (isin) paths."""
import numpy as np

from desktop.core.metrics.extended.kernels import key_lookup


def _reference(key_rows, values, key_query, sel=None):
    if sel is not None:
        key_rows, values = key_rows[sel], values[sel]
    out = np.full(len(key_query), np.nan)
    for i, k in enumerate(key_query):
        hit = key_rows == k
        if hit.any():
            s = 0.0
            for v in values[hit]:
                s += v
            out[i] = s
    return out


def test_key_lookup_matches_row_order_sums():
    rng = np.random.default_rng(3)
    for scale in (1, 10**12):                            # dense key range, then a wide one
        keys = rng.integers(0, 50, 400) * scale
        values = rng.random(400)
        query = np.r_[rng.integers(-5, 60, 80) * scale, -1, 10**15]
        sel = rng.random(400) < 0.6
        for s in (None, sel):
            got = key_lookup(keys, values, query, s)
            np.testing.assert_array_equal(got, _reference(keys, values, query, s))


def test_key_lookup_empty():
    assert len(key_lookup(np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64))) == 0
    got = key_lookup(np.array([1, 2]), np.array([1.0, 2.0]), np.array([3]), np.array([False, False]))
    assert np.isnan(got).all()
