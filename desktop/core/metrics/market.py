"""Market dynamics M (METHODS §2.2): price volatility over a window of annual prices.

For mineral m and year t, the window holds the ``w`` consecutive years
t−w+1..t.  M_raw = sample standard deviation (divisor n − 1, n the prices in the
window: w − 1 for a full window) / mean of the prices in the window; M = min-max
of M_raw over every mineral and year of the analysis.  Computed on a mineral × year
grid with a sliding-window view (no loop over minerals).

Flags: ``incomplete_window`` (fewer than w prices, or fewer than
``min_points`` when that relaxes the rule → M empty), ``partial_window``
(min_points ≤ n < w, computed), ``nonpositive_mean`` (mean ≤ 0 → empty),
``bound`` (a printed bound price in the window), ``constant`` (every M_raw
equal → M = 0).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.flags import join_flags
from desktop.core.metrics.periods import in_years
from desktop.core.metrics.scaling import minmax
from desktop.core.metrics.states import stated_values, text_column
from desktop.core.metrics.params import EngineParams

COLUMNS = ["mineral", "year", "n", "M_raw", "M", "flag"]


def compute_market(prices: pd.DataFrame, params: EngineParams) -> pd.DataFrame:
    """Price volatility M_raw and its min-max M per (mineral, year).

    M_raw = sample standard deviation (divisor n − 1) / mean of the prices in the window of the ``w``
    years t−w+1..t; M = min-max of M_raw over every mineral and year of the analysis (see the module
    docstring).  A mineral has a row for each year from its first to its last year with a price row.

    Parameters
    ----------
    prices : DataFrame or None
        The canonical prices table (mineral, year, price, price_state); a repeated (mineral, year):
        the last row wins.  None or empty gives the empty table.
    params : EngineParams
        ``window`` is w, ``min_points`` the fewest prices a window may have (None = w); the analysis
        period (``years``) narrows the output rows, earlier years still feed the windows.

    Returns
    -------
    DataFrame
        mineral, year, n (prices in the window), M_raw, M and flag.  Flags: ``incomplete_window``,
        ``partial_window``, ``nonpositive_mean``, ``bound``, ``constant``.
    """
    if prices is None or len(prices) == 0:
        return _empty()
    value, usable, bound, _ = stated_values(prices, "price")
    minerals = text_column(prices, "mineral").to_numpy(dtype=object)
    years = pd.to_numeric(prices["year"], errors="coerce").to_numpy(dtype=float)
    ok_year = np.isfinite(years)
    if not ok_year.any():
        return _empty()
    m_codes, m_names = pd.factorize(minerals[ok_year], sort=True)
    yrs = years[ok_year].astype(np.int64)
    y0, y1 = int(yrs.min()), int(yrs.max())
    ny = y1 - y0 + 1
    nm = len(m_names)
    grid = np.full((nm, ny), np.nan)
    bgrid = np.zeros((nm, ny), dtype=float)
    grid[m_codes, yrs - y0] = value[ok_year]          # duplicates: the last row wins
    bgrid[m_codes, yrs - y0] = bound[ok_year]
    # Rows exist from a mineral's first to its last year with any price row.
    present = np.zeros((nm, ny), dtype=bool)
    present[m_codes, yrs - y0] = True
    first = present.argmax(axis=1)
    last = ny - 1 - present[:, ::-1].argmax(axis=1)

    w = int(params.window)
    need = int(params.min_points) if params.min_points is not None else w
    n, mean, std, nb = _window_stats(grid, bgrid, w)

    incomplete = n < max(need, 2)
    partial = ~incomplete & (n < w)
    nonpos = ~incomplete & ~(mean > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        raw = np.where(~incomplete & ~nonpos, std / mean, np.nan)

    cols = np.arange(ny)
    rows_mask = (cols[None, :] >= first[:, None]) & (cols[None, :] <= last[:, None])
    mi, yi = np.nonzero(rows_mask)
    year_out = (yi + y0).astype(np.int64)
    sel = in_years(year_out, params)
    mi, yi, year_out = mi[sel], yi[sel], year_out[sel]
    raw_v = raw[mi, yi]
    M, constant = minmax(raw_v)
    flag = join_flags(len(mi), [
        ("incomplete_window", incomplete[mi, yi]),
        ("partial_window", partial[mi, yi]),
        ("nonpositive_mean", nonpos[mi, yi]),
        ("bound", (nb[mi, yi] > 0) & np.isfinite(raw_v)),
        ("constant", np.isfinite(raw_v) & constant),
    ])
    return pd.DataFrame({
        "mineral": np.asarray(m_names, dtype=object)[mi],
        "year": year_out,
        "n": n[mi, yi].astype(np.int64),
        "M_raw": raw_v,
        "M": M,
        "flag": flag,
    })


def _window_stats(grid: np.ndarray, bgrid: np.ndarray, w: int):
    """Per (mineral, year) cell over the window of the w years ending there (NaN = no price):
    (count, mean, sample standard deviation (NaN below 2 prices), number of bound prices).

    A (minerals × years × w) view of the grid padded with w − 1 empty years on the left; the
    mean and the deviations are computed per window (two passes), so there is no running sum
    that could drift."""
    nm, ny = grid.shape
    pad = np.full((nm, w - 1), np.nan)
    win = np.lib.stride_tricks.sliding_window_view(np.concatenate([pad, grid], axis=1), w, axis=1)
    have = np.isfinite(win)
    n = have.sum(axis=2).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, np.where(have, win, 0.0).sum(axis=2) / np.where(n > 0, n, 1.0), np.nan)
        dev = np.where(have, win - mean[:, :, None], 0.0)
        std = np.where(n >= 2, np.sqrt((dev * dev).sum(axis=2) / np.where(n >= 2, n - 1, 1.0)), np.nan)
    bpad = np.concatenate([np.zeros((nm, w - 1)), bgrid], axis=1)
    nb = np.lib.stride_tricks.sliding_window_view(bpad, w, axis=1).sum(axis=2)
    return n, mean, std, nb


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"mineral": pd.Series(dtype=object), "year": pd.Series(dtype="int64"),
                         "n": pd.Series(dtype="int64"), "M_raw": pd.Series(dtype=float),
                         "M": pd.Series(dtype=float), "flag": pd.Series(dtype=object)})
