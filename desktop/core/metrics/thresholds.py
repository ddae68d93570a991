"""Thresholds from an exact one-dimensional two-cluster split (METHODS §2.4).

``two_cluster_split`` sorts the values and, with prefix sums, evaluates every
split between two distinct neighbouring values; it returns the split with the
smallest within-cluster sum of squares (the global optimum of 2-means in one
dimension; ties go to the first such split).  O(n log n), deterministic.

Threshold methods: ``midpoint`` (the decision boundary (low+high)/2, default),
``distance`` (high − low, as the source text describes it), ``fixed:<v>`` and
``preset:<name>`` (``preset:0.29`` — the reference paper's R threshold).
D uses ``fixed:<d_threshold>`` (0.5: "D commonly uses 50%") unless
``params.d_threshold_method`` is given; M and R use ``params.threshold_method``
unless ``m_threshold_method`` / ``r_threshold_method`` override it.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from desktop.core.metrics.params import EngineParams, parse_threshold_method

COLUMNS = ["metric", "method", "low_centre", "high_centre", "threshold"]


class Split(NamedTuple):
    low_centre: float
    high_centre: float
    midpoint: float
    distance: float
    boundary_index: int       # position in the sorted finite values of the first high-cluster value


class ThresholdResult(NamedTuple):
    metric: str
    method: str
    low_centre: float
    high_centre: float
    threshold: float


def two_cluster_split(values: np.ndarray) -> Split:
    x = np.asarray(values, dtype=float).ravel()
    x = np.sort(x[np.isfinite(x)])
    n = len(x)
    if n == 0:
        return Split(np.nan, np.nan, np.nan, np.nan, -1)
    if x[0] == x[-1]:
        v = float(x[0])
        return Split(v, v, v, 0.0, n)
    shift = x.mean()
    z = x - shift                                  # centring keeps the prefix sums well conditioned
    c1 = np.cumsum(z)
    c2 = np.cumsum(z * z)
    k = np.arange(1, n)                            # size of the low cluster
    s1_lo, s2_lo = c1[:-1], c2[:-1]
    s1_hi, s2_hi = c1[-1] - s1_lo, c2[-1] - s2_lo
    sse = (s2_lo - s1_lo ** 2 / k) + (s2_hi - s1_hi ** 2 / (n - k))
    sse = np.where(x[1:] > x[:-1], sse, np.inf)     # only between distinct values
    best = int(np.argmin(sse))
    kb = best + 1
    lo = float(x[:kb].mean())
    hi = float(x[kb:].mean())
    return Split(lo, hi, (lo + hi) / 2.0, hi - lo, kb)


def threshold(values: np.ndarray, method: str, metric: str = "") -> ThresholdResult:
    kind, fixed = parse_threshold_method(method)
    split = two_cluster_split(values)
    if kind == "midpoint":
        thr = split.midpoint
    elif kind == "distance":
        thr = split.distance
    else:
        thr = float(fixed) if fixed is not None else np.nan      # fixed:<v> always carries its value
    return ThresholdResult(metric, method, split.low_centre, split.high_centre, thr)


def compute_thresholds(results: dict, params: EngineParams) -> pd.DataFrame:
    """The threshold table: one row per metric, the two centres of its values and the threshold of its method.

    The centres are those of the exact two-cluster split of the metric's finite values
    (:func:`two_cluster_split`); the threshold is their midpoint, their distance or a fixed value, as the
    metric's method says (see the module docstring).

    Parameters
    ----------
    results : dict
        Metric name (``D``, ``M``, ``R``) → its values (a Series or array; text that is not a number
        counts as missing).
    params : EngineParams
        ``params.method_for(metric)`` gives each metric's threshold method.

    Returns
    -------
    DataFrame
        metric, method, low_centre, high_centre and threshold, in the order of ``results``.
    """
    rows = []
    for metric, series in results.items():
        values = np.asarray(pd.to_numeric(pd.Series(series), errors="coerce"), dtype=float)
        rows.append(threshold(values, params.method_for(metric), metric)._asdict())
    return pd.DataFrame(rows, columns=COLUMNS)
