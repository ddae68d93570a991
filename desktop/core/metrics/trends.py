"""Trend classes of an indicator over the selected years (METHODS §2.5).

Per group (mineral, plus country and/or stage when the frame has them), on the
years with a value, with L = mean |value| (the mean level) and tol =
``params.trend_tolerance`` (default 0.10 = 10 % of the mean level):

1. fewer than ``trend_min_points`` values → ``insufficient_data``;
2. ``volatile`` when the direction reverses at least ``trend_reversals`` times
   (counting only year-on-year moves ≥ tol·L) and the standard deviation of the
   year-on-year changes is ≥ ``trend_volatility``·L (default 25 %);
3. ``rise_then_fall`` when the maximum lies strictly inside the period and both
   the rise from the first year to it and the fall from it to the last year are
   ≥ tol·L; ``fall_then_rise`` likewise with the minimum (both → the larger of
   the two smaller legs wins);
4. otherwise the ordinary least-squares slope over the years gives the fitted
   change slope·(last − first year); ≥ tol·L → ``rising``, ≤ −tol·L →
   ``falling``, else ``stable`` (also when L = 0).

``persistently`` is ``persistently_high`` when every value ≥ threshold,
``persistently_low`` when every value < threshold, else ''.
The computation runs on a group × year matrix: no loop over groups or rows.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.groups import Groups, column_key, dense_codes
from desktop.core.metrics.params import EngineParams

CLASSES = ("rising", "falling", "rise_then_fall", "fall_then_rise", "stable", "volatile",
           "insufficient_data")


def _group_keys(frame: pd.DataFrame) -> list[str]:
    return ["mineral"] + [c for c in ("country", "stage") if c in frame.columns]


def classify_trends(frame: pd.DataFrame, value_col: str, threshold: float | None,
                    params: EngineParams) -> pd.DataFrame:
    """The trend class of one indicator per group (mineral, plus country and/or stage) over the analysis years.

    The classes are tried in the order of the module docstring: ``insufficient_data``, ``volatile``,
    ``rise_then_fall`` / ``fall_then_rise``, then ``rising`` / ``falling`` / ``stable`` from the fitted
    least-squares change, each against tol·L (L = the mean |value|).

    Parameters
    ----------
    frame : DataFrame
        An indicator table with mineral, year, the value column and, when it has them, country and stage
        (the group keys; a missing key text counts as '').  Empty gives the empty table.
    value_col : str
        The column classified (e.g. ``D``, ``M``, ``R``); text that is not a number counts as missing.
    threshold : float or None
        The metric's threshold for ``persistently``; None or NaN → ``persistently`` is ''.
    params : EngineParams
        ``years`` (the analysis period narrows the rows), ``trend_tolerance``, ``trend_volatility``,
        ``trend_reversals`` and ``trend_min_points``.

    Returns
    -------
    DataFrame
        One row per group in sorted key order: mineral (country, stage), first_year, last_year (Int64,
        NA without a value), n (years with a value), slope, trend (one of :data:`CLASSES`), persistently
        (``persistently_high``, ``persistently_low`` or '') and explanation (the reason in words).
    """
    keys = _group_keys(frame)
    out_cols = keys + ["first_year", "last_year", "n", "slope", "trend", "persistently", "explanation"]
    if frame is None or len(frame) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in out_cols})
    data = frame
    rng = params.year_range()
    if rng is not None:
        data = frame[keys + ["year", value_col]]
        data = data[(data["year"] >= rng[0]) & (data["year"] <= rng[1])]
    gid, groups = _group_codes(data, keys)
    G = len(groups)
    years_all = data["year"].to_numpy(dtype=np.int64)
    uy, yi = dense_codes(years_all - (years_all.min() if len(years_all) else 0))
    uy = uy + (years_all.min() if len(years_all) else 0)
    Y = len(uy)
    V = np.full((G, Y), np.nan)
    V[gid, yi.reshape(-1)] = pd.to_numeric(data[value_col], errors="coerce").to_numpy(dtype=float)
    V[~np.isfinite(V)] = np.nan

    valid = ~np.isnan(V)
    n = valid.sum(axis=1)
    order = np.argsort(~valid, axis=1, kind="stable")          # valid values first, in year order
    C = np.take_along_axis(V, order, axis=1)
    YC = np.take_along_axis(np.broadcast_to(uy.astype(float), (G, Y)), order, axis=1)
    pos = np.arange(Y)[None, :]
    inside = pos < n[:, None]
    C = np.where(inside, C, np.nan)
    YC = np.where(inside, YC, np.nan)
    has = n > 0
    rows = np.arange(G)
    last_idx = np.maximum(n - 1, 0)
    first_year = np.where(has, YC[:, 0], np.nan)
    last_year = np.where(has, YC[rows, last_idx], np.nan)
    v_first = C[:, 0]
    v_last = C[rows, last_idx]

    # np.errstate is per thread (the engine classifies D and M on a second thread); _nanmean gives
    # NaN for groups without values instead of warnings.catch_warnings, which is not thread-safe
    with np.errstate(invalid="ignore", divide="ignore"):
        level = _nanmean(np.where(inside, np.abs(C), np.nan), axis=1) if Y else np.full(G, np.nan)
        tol = params.trend_tolerance * level
        # least-squares slope per group
        xs = np.where(inside, YC - _nanmean(YC, axis=1, keepdims=True), 0.0)
        ys = np.where(inside, C - _nanmean(C, axis=1, keepdims=True), 0.0)
        sxx = (xs * xs).sum(axis=1)
        slope = np.where((n >= 2) & (sxx > 0), (xs * ys).sum(axis=1) / np.where(sxx > 0, sxx, 1.0), np.nan)
        span = last_year - first_year
        change = slope * span

        # year-on-year moves
        if Y >= 2:
            d = C[:, 1:] - C[:, :-1]
            dvalid = pos[:, 1:] < n[:, None]
            d = np.where(dvalid, d, np.nan)
            nd = dvalid.sum(axis=1)
            dstd = np.sqrt(_nanmean((d - _nanmean(d, axis=1, keepdims=True)) ** 2, axis=1))
            dstd = np.where(nd >= 1, dstd, np.nan)
            sig = np.where(dvalid & (np.abs(d) >= tol[:, None]) & (np.abs(d) > 0), np.sign(d), 0.0)
            sorder = np.argsort(sig == 0, axis=1, kind="stable")
            sc = np.take_along_axis(sig, sorder, axis=1)
            reversals = ((sc[:, 1:] != 0) & (sc[:, :-1] != 0) & (sc[:, 1:] != sc[:, :-1])).sum(axis=1)
        else:
            dstd = np.full(G, np.nan)
            reversals = np.zeros(G, dtype=np.int64)
        vol_ratio = dstd / level

        Cmax = np.where(inside, C, -np.inf)
        Cmin = np.where(inside, C, np.inf)
        i_max = Cmax.argmax(axis=1)
        i_min = Cmin.argmin(axis=1)
        vmax = Cmax[rows, i_max]
        vmin = Cmin[rows, i_min]
        rise1, fall1 = vmax - v_first, vmax - v_last
        fall2, rise2 = v_first - vmin, v_last - vmin
        interior_max = (i_max > 0) & (i_max < n - 1)
        interior_min = (i_min > 0) & (i_min < n - 1)
        rtf = interior_max & (rise1 >= tol) & (fall1 >= tol) & (level > 0)
        ftr = interior_min & (fall2 >= tol) & (rise2 >= tol) & (level > 0)
        both = rtf & ftr
        pick_rtf = np.minimum(rise1, fall1) >= np.minimum(fall2, rise2)
        rtf, ftr = np.where(both, pick_rtf, rtf), np.where(both, ~pick_rtf, ftr)

        enough = n >= max(int(params.trend_min_points), 2)
        volatile = enough & (reversals >= int(params.trend_reversals)) & (vol_ratio >= params.trend_volatility) \
            & (level > 0)
        rising = (level > 0) & (change >= tol)
        falling = (level > 0) & (change <= -tol)

    trend = np.select(
        [~enough, volatile, rtf, ftr, rising, falling],
        ["insufficient_data", "volatile", "rise_then_fall", "fall_then_rise", "rising", "falling"],
        default="stable").astype(object)

    thr = np.nan if threshold is None else float(threshold)
    if np.isfinite(thr):
        all_high = has & (np.where(inside, thr <= C, True)).all(axis=1)
        all_low = has & (np.where(inside, thr > C, True)).all(axis=1)
        persist = np.where(all_high, "persistently_high", np.where(all_low, "persistently_low", "")).astype(object)
    else:
        persist = np.full(G, "", dtype=object)

    expl = _explain(trend, n, params, level, change, first_year, last_year, reversals, vol_ratio,
                    YC[rows, i_max], YC[rows, i_min], rise1, fall1, fall2, rise2, persist, thr)
    out = groups.copy()
    out["first_year"] = pd.array(np.where(has, first_year, np.nan), dtype="Float64").astype("Int64")
    out["last_year"] = pd.array(np.where(has, last_year, np.nan), dtype="Float64").astype("Int64")
    out["n"] = n.astype(np.int64)
    out["slope"] = slope
    out["trend"] = trend
    out["persistently"] = persist
    out["explanation"] = expl
    return out[out_cols]


def _nanmean(a: np.ndarray, axis: int, keepdims: bool = False) -> np.ndarray:
    """``np.nanmean`` (same sums, same division) without its empty-slice warning: NaN where no value."""
    nan = np.isnan(a)
    total = np.where(nan, 0.0, a).sum(axis=axis, keepdims=keepdims)
    count = (~nan).sum(axis=axis, keepdims=keepdims)
    return total / count


def _group_codes(data: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """(group id per row, sorted distinct key rows): the key texts with missing values as ''.

    Same order as ``groupby(keys, sort=True)``: the groups of :class:`Groups` are numbered in sorted
    key order (missing → '', as fillna('')).
    """
    g = Groups.of(**{k: column_key(data, k) for k in keys})
    return g.ids, pd.DataFrame({k: pd.Series(labels, dtype=object) for k, labels in g.labels().items()})


def _pct(x: np.ndarray) -> pd.Series:
    r = np.round(np.asarray(x, dtype=float) * 100.0, 1)
    codes, uniq = pd.factorize(r.view(np.int64))             # bit patterns: -0.0 stays apart from 0.0
    vals = uniq.view(np.float64) if len(uniq) else np.zeros(0)
    texts = np.array(["n/a" if np.isnan(v) else f"{v:+.1f}%" for v in vals], dtype=object)
    return pd.Series(texts[codes] if len(codes) else np.zeros(0, dtype=object), dtype=object)


def _yr(x: np.ndarray) -> pd.Series:
    s = pd.Series(np.asarray(x, dtype=float))
    return s.fillna(-1).astype(np.int64).astype(str).where(s.notna(), "?")


def _explain(trend, n, params, level, change, first_year, last_year, reversals, vol_ratio,
             y_max, y_min, rise1, fall1, fall2, rise2, persist, thr) -> np.ndarray:
    """The explanation per group; each class's sentence is built only for the rows of that class."""
    with np.errstate(invalid="ignore", divide="ignore"):
        lvl = np.where(level > 0, level, np.nan)
    tol = f"{params.trend_tolerance * 100:g}%"

    def period(i):
        return _yr(first_year[i]) + "–" + _yr(last_year[i])

    def fitted(i):
        return ("fitted change " + _pct(change[i] / lvl[i]) + " of the mean level over " + period(i)
                + " (tolerance ±" + tol + ")")

    def stable(i):
        return fitted(i).where(pd.Series(level[i] > 0), "every value is 0 over " + period(i))

    texts = {
        "insufficient_data": lambda i: "only " + pd.Series(n[i]).astype(str) + " year(s) with a value "
                                       f"(at least {params.trend_min_points} needed)",
        "volatile": lambda i: pd.Series(reversals[i]).astype(str) + " reversals of direction; std of "
                              "year-on-year changes " + _pct(vol_ratio[i]).str.lstrip("+")
                              + " of the mean level (cutoff " + f"{params.trend_volatility * 100:g}%)",
        "rise_then_fall": lambda i: "peak in " + _yr(y_max[i]) + " inside " + period(i) + ": rise "
                                    + _pct(rise1[i] / lvl[i]) + " then fall " + _pct(-fall1[i] / lvl[i])
                                    + " of the mean level",
        "fall_then_rise": lambda i: "low in " + _yr(y_min[i]) + " inside " + period(i) + ": fall "
                                    + _pct(-fall2[i] / lvl[i]) + " then rise " + _pct(rise2[i] / lvl[i])
                                    + " of the mean level",
        "rising": fitted, "falling": fitted, "stable": stable,
    }
    out = np.full(len(trend), "", dtype=object)
    tr = np.asarray(trend, dtype=object)
    with np.errstate(invalid="ignore", divide="ignore"):
        for name, text in texts.items():
            i = np.flatnonzero(tr == name)
            if len(i):
                out[i] = (name + ": " + text(i)).to_numpy(dtype=object)
    ps = np.asarray(persist, dtype=object)
    if np.isfinite(thr):
        hi = ps == "persistently_high"
        lo = ps == "persistently_low"
        out[hi] = out[hi] + f"; every year ≥ threshold {thr:.4g}"
        out[lo] = out[lo] + f"; every year < threshold {thr:.4g}"
    return out
