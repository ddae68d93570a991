"""Array kernels of the extended indicators: lookups by integer key, as-of joins, top-k ranking.

Each replaces a pandas merge or sort over millions of rows by a few numpy passes over integer codes
(keys from :mod:`desktop.core.metrics.groups`); they know nothing of minerals or countries.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def index_of(categories: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Position of each value in ``categories`` (-1 when absent); factorises ``values`` once."""
    codes, uniq = pd.factorize(np.asarray(values, dtype=object))
    pos = pd.Index(np.asarray(categories, dtype=object)).get_indexer(np.asarray(uniq, dtype=object))
    pos = np.append(pos, -1)                           # code -1 (missing) → -1
    return pos[codes].astype(np.int64)


def key_lookup(key_rows: np.ndarray, values: np.ndarray, key_query: np.ndarray,
               sel: np.ndarray | None = None) -> np.ndarray:
    """Sum of ``values`` of the rows (``sel``: only those rows) whose int64 key equals each query
    key (NaN when none).

    Only the rows whose key is asked for are looked at: a bool table over the key range (or
    ``numpy.isin`` when the range is wide) picks them, so a few thousand questions against millions
    of rows cost one gather over the row keys and no array as large as the key range of floats.
    Sums run in row order (the same additions as one ``numpy.bincount`` over every row).
    """
    key_query = np.asarray(key_query, dtype=np.int64)
    key_rows = np.asarray(key_rows, dtype=np.int64)
    if len(key_query) == 0 or len(key_rows) == 0:
        return np.full(len(key_query), np.nan)
    lo, hi = int(key_rows.min()), int(key_rows.max())
    if lo >= 0 and hi < 4 * len(key_rows) + 1_000_000:
        want = np.zeros(hi + 1, dtype=bool)
        want[key_query[(key_query >= 0) & (key_query <= hi)]] = True
        hit = want[key_rows]
    else:
        hit = np.isin(key_rows, pd.unique(key_query))
    if sel is not None:
        hit &= sel
    rows = np.flatnonzero(hit)
    if len(rows) == 0:
        return np.full(len(key_query), np.nan)
    codes, uk = pd.factorize(key_rows[rows])
    sums = np.bincount(codes, weights=np.asarray(values, dtype=float)[rows], minlength=len(uk))
    pos = pd.Index(uk).get_indexer(key_query)
    return np.where(pos >= 0, sums[pos], np.nan)


def asof_index(left_key: np.ndarray, left_year: np.ndarray, right_key: np.ndarray, right_year: np.ndarray,
               direction: str = "backward") -> np.ndarray:
    """Row of ``right`` per ``left`` row like :func:`pandas.merge_asof` ``by`` an int key, ``on`` year.

    backward = latest right year <= left year (the last such row on duplicates), forward = earliest
    right year >= left year, nearest = the closer of the two (the backward one on a tie).  -1 = none.
    """
    lk = np.asarray(left_key, dtype=np.int64)
    ly = np.asarray(left_year, dtype=np.int64)
    rk = np.asarray(right_key, dtype=np.int64)
    ry = np.asarray(right_year, dtype=np.int64)
    out = np.full(len(lk), -1, dtype=np.int64)
    if len(lk) == 0 or len(rk) == 0:
        return out
    lo = min(int(ry.min()), int(ly.min()))
    span = max(int(ry.max()), int(ly.max())) - lo + 1
    rc = rk * span + (ry - lo)
    order = np.argsort(rc, kind="stable")
    rcs = rc[order]
    lc = lk * span + (ly - lo)
    back = np.searchsorted(rcs, lc, side="right") - 1
    okb = back >= 0
    okb[okb] = rk[order[back[okb]]] == lk[okb]
    fwd = np.searchsorted(rcs, lc, side="left")
    okf = fwd < len(rcs)
    okf[okf] = rk[order[fwd[okf]]] == lk[okf]
    b = np.where(okb, order[np.where(okb, back, 0)], -1)
    f = np.where(okf, order[np.where(okf, fwd, 0)], -1)
    if direction == "backward":
        return b
    if direction == "forward":
        return f
    db = np.where(okb, ly - ry[np.where(okb, b, 0)], np.iinfo(np.int64).max)
    df = np.where(okf, ry[np.where(okf, f, 0)] - ly, np.iinfo(np.int64).max)
    return np.where(df < db, f, b)


def top_k(cid: np.ndarray, n_groups: int, country: np.ndarray, n_countries: int, value: np.ndarray,
          k: int) -> np.ndarray:
    """(k × n_groups) row positions of the k largest ``value`` per group (-1 where fewer).

    Ties are broken by the country code (the sorted order of the codes), then by row order.
    A dense group × country matrix and ``numpy.partition`` find each group's k-th largest value;
    only the rows at or above it are sorted.
    """
    out = np.full((k, n_groups), -1, dtype=np.int64)
    n = len(cid)
    if n == 0 or n_groups == 0:
        return out
    rows = np.arange(n)
    if n_countries > k and n_groups * n_countries <= 40_000_000:
        # float32 is enough for this threshold: rounding is monotone, so a row at or above the k-th
        # largest value keeps float32(value) >= float32(k-th); extra rows only cost a little sorting
        with np.errstate(over="ignore", invalid="ignore"):
            v32 = np.asarray(value).astype(np.float32)
        dense = np.full((n_groups, n_countries), -np.inf, dtype=np.float32)
        # a flat scatter (faster than a 2-D one); a duplicated (group, country) keeps one value:
        # the k-th largest of a subset is lower, so no row that belongs in the top k is missed
        dense.reshape(-1)[np.asarray(cid, dtype=np.int64) * n_countries + country] = v32
        kth = np.partition(dense, n_countries - k, axis=1)[:, n_countries - k]
        del dense
        rows = np.flatnonzero(v32 >= kth[cid])
    order = rows[np.lexsort((country[rows], -value[rows], cid[rows]))]
    g = cid[order]
    start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    rank = np.arange(len(order)) - np.repeat(start, np.diff(np.r_[start, len(order)]))
    keep = rank < k
    out[rank[keep], g[keep]] = order[keep]
    return out


def pair_keys(a1: np.ndarray, a2: np.ndarray, b1: np.ndarray, b2: np.ndarray, a1_codes=None, a2_codes=None
              ) -> tuple[np.ndarray, np.ndarray]:
    """int64 keys of the text pairs (a1, a2) and (b1, b2) in one shared code space.

    With ``a1_codes`` / ``a2_codes``, ``a1`` / ``a2`` are the categories and the codes give the rows.
    """
    if a1_codes is None:
        c1a, u1a = pd.factorize(np.asarray(a1, dtype=object))
        c2a, u2a = pd.factorize(np.asarray(a2, dtype=object))
    else:
        c1a, u1a, c2a, u2a = np.asarray(a1_codes), np.asarray(a1, dtype=object), np.asarray(a2_codes), \
            np.asarray(a2, dtype=object)
    u1 = pd.Index(u1a, dtype=object).append(pd.Index(pd.unique(np.asarray(b1, dtype=object)), dtype=object)).unique()
    u2 = pd.Index(u2a, dtype=object).append(pd.Index(pd.unique(np.asarray(b2, dtype=object)), dtype=object)).unique()
    n2 = len(u2) + 1
    pos1 = u1.get_indexer(u1a)
    pos2 = u2.get_indexer(u2a)
    ka = pos1[c1a].astype(np.int64) * n2 + pos2[c2a]
    kb = u1.get_indexer(np.asarray(b1, dtype=object)).astype(np.int64) * n2 \
        + u2.get_indexer(np.asarray(b2, dtype=object))
    bad_a = (c1a < 0) | (c2a < 0)
    return np.where(bad_a, -1, ka), kb


class CarriedTable:
    """A (country, year) → value table with the latest earlier year carried forward (dense arrays).

    ``values``: country, year, x (one row per pair, e.g. :func:`_base.governance_mean`).  ``countries``:
    the code space of the questions (a ``pandas.Index`` of text).  ``lookup(codes, years)`` gives
    (x, year the value came from) like :func:`_base.governance_for` (NaN when none).
    """

    def __init__(self, values: pd.DataFrame, countries: pd.Index, years: np.ndarray, carry: bool = True):
        years = np.asarray(years, dtype=np.int64)
        vy = values["year"].to_numpy(dtype=np.int64) if len(values) else np.zeros(0, dtype=np.int64)
        self.lo = int(min([years.min()] + ([vy.min()] if len(vy) else []))) if len(years) else 0
        hi = int(max([years.max()] + ([vy.max()] if len(vy) else []))) if len(years) else 0
        self.span = hi - self.lo + 1
        nc = len(countries) + 1                                     # last row: unknown country
        self.nc = nc
        flat = np.full(nc * self.span, np.nan)
        if len(values):
            vc = countries.get_indexer(values["country"].to_numpy(dtype=object))
            ok = vc >= 0
            flat[vc[ok] * self.span + (vy[ok] - self.lo)] = values["x"].to_numpy(dtype=float)[ok]
        x = flat.reshape(nc, self.span)
        idx = np.where(np.isfinite(x), np.arange(self.span)[None, :], -1)
        if carry:
            idx = np.maximum.accumulate(idx, axis=1)
        rows = np.arange(nc)[:, None]
        self.x = np.where(idx >= 0, x[rows, np.maximum(idx, 0)], np.nan).ravel()
        self.src = np.where(idx >= 0, idx + self.lo, np.nan).astype(float).ravel()

    def lookup(self, codes: np.ndarray, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        c = np.where(np.asarray(codes) >= 0, codes, self.nc - 1)
        k = c * self.span + (np.asarray(years, dtype=np.int64) - self.lo)
        return self.x[k], self.src[k]
