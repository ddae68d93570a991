"""Exact 1-D two-cluster split, threshold methods, cross-check with scikit-learn."""
import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans

from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.thresholds import compute_thresholds, threshold, two_cluster_split


def test_split_by_hand():
    # clusters {0, .1, .2} and {.8, .9, 1}: centres 0.1 and 0.9, midpoint 0.5, distance 0.8
    s = two_cluster_split(np.array([0.9, 0.0, 1.0, 0.1, 0.8, 0.2, np.nan]))
    assert np.isclose(s.low_centre, 0.1) and np.isclose(s.high_centre, 0.9)
    assert np.isclose(s.midpoint, 0.5) and np.isclose(s.distance, 0.8)
    assert s.boundary_index == 3


def test_split_edge_cases():
    assert np.isnan(two_cluster_split(np.array([])).midpoint)
    s = two_cluster_split(np.array([0.3, 0.3, 0.3]))
    assert s.low_centre == s.high_centre == 0.3 and s.distance == 0
    s = two_cluster_split(np.array([1.0, 3.0]))
    assert (s.low_centre, s.high_centre, s.midpoint) == (1.0, 3.0, 2.0)
    # ties never split between equal values: {0,0,0,1} → centres 0 and 1
    s = two_cluster_split(np.array([0, 0, 0, 1.0]))
    assert (s.low_centre, s.high_centre) == (0.0, 1.0)


def test_methods():
    v = np.array([0.0, 0.1, 0.2, 0.8, 0.9, 1.0])
    assert np.isclose(threshold(v, "midpoint").threshold, 0.5)
    assert np.isclose(threshold(v, "distance").threshold, 0.8)
    assert threshold(v, "fixed:0.35").threshold == 0.35
    r = threshold(v, "preset:0.29", "R")
    assert r.threshold == 0.29 and r.metric == "R" and np.isclose(r.low_centre, 0.1)


def test_compute_thresholds_defaults():
    res = {"D": pd.Series([0.1, 0.2, 0.9, 1.0]), "M": pd.Series([0.0, 0.1, 0.8, 1.0, np.nan]),
           "R": pd.Series([0.0, 0.5, 1.0])}
    t = compute_thresholds(res, EngineParams()).set_index("metric")
    assert list(t.columns) == ["method", "low_centre", "high_centre", "threshold"]
    assert t.loc["D", "method"] == "fixed:0.5" and t.loc["D", "threshold"] == 0.5
    assert t.loc["M", "method"] == "midpoint" and np.isclose(t.loc["M", "threshold"], (0.05 + 0.9) / 2)
    t2 = compute_thresholds(res, EngineParams(threshold_method="preset:0.29", d_threshold_method="midpoint"))
    t2 = t2.set_index("metric")
    assert t2.loc["R", "threshold"] == 0.29 and np.isclose(t2.loc["D", "threshold"], (0.15 + 0.95) / 2)


def _sse(x, boundary):
    lo, hi = x[:boundary], x[boundary:]
    return ((lo - lo.mean()) ** 2).sum() + ((hi - hi.mean()) ** 2).sum()


@pytest.mark.parametrize("seed", range(25))
def test_cross_check_with_sklearn_kmeans(seed):
    rng = np.random.default_rng(seed)
    kind = seed % 3
    n = int(rng.integers(5, 400))
    if kind == 0:
        x = rng.random(n)
    elif kind == 1:
        x = np.concatenate([rng.normal(0.1, 0.05, n), rng.normal(0.7, 0.1, n // 2 + 1)])
    else:
        x = rng.exponential(1.0, n)
    s = two_cluster_split(x)
    km = KMeans(n_clusters=2, n_init=10, random_state=0).fit(x.reshape(-1, 1))
    xs = np.sort(x)
    ours = _sse(xs, s.boundary_index)
    # exact optimum: never worse than k-means (Lloyd can only find a local optimum)
    assert ours <= km.inertia_ * (1 + 1e-9) + 1e-12
    if np.isclose(ours, km.inertia_, rtol=1e-9):
        centres = np.sort(km.cluster_centers_.ravel())
        assert np.allclose([s.low_centre, s.high_centre], centres, rtol=1e-7, atol=1e-10)


def test_brute_force_optimum_small():
    rng = np.random.default_rng(7)
    for _ in range(50):
        x = np.sort(rng.random(int(rng.integers(2, 12))))
        s = two_cluster_split(x)
        best = min(_sse(x, k) for k in range(1, len(x)))
        assert np.isclose(_sse(x, s.boundary_index), best, atol=1e-12)
