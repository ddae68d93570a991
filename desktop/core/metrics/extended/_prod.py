"""One integer-coded view of the production table shared by every extended indicator.

The core engine has already factorised the production table and computed each producer's share
of its (mineral, year, stage) group (table ``production_shares``: categorical mineral / stage /
country, the usable quantity, the share and a row flag).  :func:`production_context` reuses that
table when it covers every year (no analysis period), else it is built from the core's
integer-coded preparation over every year (``supply_risk.prepare_production``).  The extended
indicators then work on integer codes and dense per-group arrays (``numpy.bincount``); nothing
re-reads the millions of text cells.

Row rules are the core's (docs/metrics.md §2.3): WORLD rows are never producers (they are kept
aside for the ``world_total_row`` fallback and for the stages a mineral has), a quantity is usable
when it is finite, not negative and its state is '' or a printed bound, and rows of a minority unit
in a mixed-unit group (flag ``other_unit``) are left out like a withheld cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core.metrics._common import stated_values, text_column

WORLD = "WORLD"
OTHERS = "OTHERS"
# row flags of production_shares that mean "left out"
_LEFT_OUT = ("withheld", "missing", "negative_quantity", "other_unit")


def index_of(categories: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Position of each value in ``categories`` (-1 when absent); factorises ``values`` once."""
    codes, uniq = pd.factorize(np.asarray(values, dtype=object))
    pos = pd.Index(np.asarray(categories, dtype=object)).get_indexer(np.asarray(uniq, dtype=object))
    pos = np.append(pos, -1)                           # code -1 (missing) → -1
    return pos[codes].astype(np.int64)


@dataclass
class ProductionContext:
    minerals: np.ndarray           # sorted text categories
    countries: np.ndarray
    stages: np.ndarray
    y0: int
    ny: int
    m: np.ndarray                  # per producer row (WORLD rows excluded)
    c: np.ndarray
    y: np.ndarray                  # year offset (year − y0)
    s: np.ndarray
    q: np.ndarray                  # usable quantity, NaN where left out
    valid: np.ndarray
    others: np.ndarray
    share: np.ndarray              # core share (NaN where left out or the group total is 0)
    wm: np.ndarray                 # WORLD rows: codes, year offset, usable quantity
    wy: np.ndarray
    ws: np.ndarray
    wq: np.ndarray
    other_unit: np.ndarray | None = None   # rows left out for a mixed-unit group (core flag other_unit)
    unit_label: np.ndarray | None = None   # per row: code into unit_texts of the group's mixed_units flag
    unit_texts: np.ndarray | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    def unit_flag(self, gids: np.ndarray) -> np.ndarray:
        """'mixed_units:<used>|<other>…' of dense group ids ('' when the group has one unit)."""
        if self.unit_label is None:
            return np.full(len(gids), "", dtype=object)
        got = self._cache.get("unit_group")
        if got is None:
            got = np.zeros(self.n_groups, dtype=np.int64)
            got[self.group] = self.unit_label
            self._cache["unit_group"] = got
        return self.unit_texts[got[np.asarray(gids, dtype=np.int64)]]

    # ---- codes -------------------------------------------------------------------------------
    @property
    def ns(self) -> int:
        return len(self.stages)

    @property
    def n_groups(self) -> int:
        return len(self.minerals) * self.ny * self.ns

    def group_of(self, m, y, s) -> np.ndarray:
        return (np.asarray(m, dtype=np.int64) * self.ny + np.asarray(y, dtype=np.int64)) * self.ns \
            + np.asarray(s, dtype=np.int64)

    @property
    def group(self) -> np.ndarray:
        g = self._cache.get("group")
        if g is None:
            g = self._cache["group"] = self.group_of(self.m, self.y, self.s)
        return g

    def split(self, gids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(mineral code, year offset, stage code) of dense group ids."""
        gids = np.asarray(gids, dtype=np.int64)
        return gids // (self.ny * self.ns), (gids // self.ns) % self.ny, gids % self.ns

    def mineral_codes(self, values) -> np.ndarray:
        return index_of(self.minerals, values)

    def stage_codes(self, values) -> np.ndarray:
        return index_of(self.stages, values)

    def year_offsets(self, years) -> np.ndarray:
        """year − y0, or -1 outside the production years."""
        y = np.asarray(years, dtype=np.int64) - self.y0
        return np.where((y >= 0) & (y < self.ny), y, -1)

    # ---- per-group aggregates (dense over n_groups) -----------------------------------------
    def bincount(self, weights=None, mask=None) -> np.ndarray:
        g = self.group
        if mask is not None:
            g = g[mask]
            if weights is not None and np.ndim(weights):
                weights = np.asarray(weights)[mask]
        if weights is not None and not np.ndim(weights):
            weights = None
        return np.bincount(g, weights=weights, minlength=self.n_groups)

    def agg(self, name: str) -> np.ndarray:
        """Cached per-group aggregates: total, n_rows, n_valid, n_listed, n_bad, others_q, sq,
        world_q (last usable WORLD row, NaN when none)."""
        got = self._cache.get(name)
        if got is not None:
            return got
        if name == "total":
            out = self.bincount(np.where(self.valid, self.q, 0.0))
        elif name == "n_rows":
            out = self.bincount()
        elif name == "n_valid":
            out = self.bincount(mask=self.valid)
        elif name == "n_listed":
            out = self.bincount(mask=self.valid & ~self.others)
        elif name == "n_bad":
            out = self.agg("n_rows") - self.agg("n_valid")
            if self.other_unit is not None:
                out = out - self.bincount(mask=self.other_unit)      # flagged mixed_units instead
        elif name == "others_q":
            sel = self.others & self.valid
            out = self.bincount(self.q, mask=sel)
        elif name == "sq":
            sel = self.valid & ~self.others
            out = self.bincount(self.q * self.q, mask=sel)
        elif name == "world_q":
            gw = self.group_of(self.wm, self.wy, self.ws)
            out = np.full(self.n_groups, np.nan)
            ok = np.isfinite(self.wq)
            out[gw[ok]] = self.wq[ok]                       # the last usable WORLD row wins
        else:
            raise KeyError(name)
        self._cache[name] = out
        return out

    def stage_present(self) -> np.ndarray:
        """(minerals × stages) bool: the mineral has a row (any country, WORLD too) at that stage."""
        got = self._cache.get("stage_present")
        if got is None:
            ns = self.ns
            cnt = np.bincount(self.m * ns + self.s, minlength=len(self.minerals) * ns)
            cnt += np.bincount(self.wm * ns + self.ws, minlength=len(self.minerals) * ns)
            got = self._cache["stage_present"] = (cnt > 0).reshape(len(self.minerals), ns)
        return got

    def primary_stage(self, stages: tuple[str, ...]) -> np.ndarray:
        """Per mineral code: the code of the first stage of ``stages`` it has, -1 when none."""
        present = self.stage_present()
        out = np.full(len(self.minerals), -1, dtype=np.int64)
        for st in reversed(tuple(stages)):
            code = np.flatnonzero(self.stages == st)
            if len(code):
                has = present[:, code[0]]
                out[has] = code[0]
        return out

    def primary_rows(self, stages: tuple[str, ...]) -> np.ndarray:
        """Row mask: the row is at its mineral's primary stage (first of ``stages`` it has)."""
        key = ("primary_rows", tuple(stages))
        got = self._cache.get(key)
        if got is None:
            prim = self.primary_stage(stages)
            got = self._cache[key] = prim[self.m] == self.s          # prim −1 never equals a code
        return got

    @property
    def mcy(self) -> np.ndarray:
        """Row key (mineral, country, year) as one int64 (dense: (m · n_countries + c) · ny + y)."""
        got = self._cache.get("mcy")
        if got is None:
            got = self._cache["mcy"] = (self.m * len(self.countries) + self.c) * self.ny + self.y
        return got

    # ---- world primary production ----------------------------------------------------------
    def world_groups(self, stage_of_mineral: np.ndarray) -> dict:
        """Groups of world production at one stage per mineral (``stage_of_mineral``, -1 = none).

        Returns gids (sorted by mineral, year) and quantity, n_producers, from_world, n_bad.
        A group is listed when it has a producer row or a usable WORLD row.
        """
        nm = len(self.minerals)
        ms = np.flatnonzero(stage_of_mineral >= 0)
        gids = ((ms[:, None] * self.ny + np.arange(self.ny)[None, :]) * self.ns
                + stage_of_mineral[ms][:, None]).ravel() if len(ms) and nm else np.zeros(0, dtype=np.int64)
        n_rows, wq = self.agg("n_rows"), self.agg("world_q")
        gids = gids[(n_rows[gids] > 0) | np.isfinite(wq[gids])]
        n_valid = self.agg("n_valid")[gids]
        q = np.where(n_valid > 0, self.agg("total")[gids], np.nan)
        from_world = ~np.isfinite(q) & np.isfinite(wq[gids])
        q = np.where(from_world, wq[gids], q)
        return {"gids": gids, "quantity": q, "n_producers": self.agg("n_listed")[gids].astype(np.int64),
                "from_world": from_world, "n_bad": self.agg("n_bad")[gids]}

    def world_quantity(self) -> np.ndarray:
        """Dense per group: world production of that exact group (producers + OTHERS, else WORLD row)."""
        got = self._cache.get("world_quantity")
        if got is None:
            q = np.where(self.agg("n_valid") > 0, self.agg("total"), np.nan)
            wq = self.agg("world_q")
            got = self._cache["world_quantity"] = np.where(np.isfinite(q), q, wq)
        return got

    # ---- row lookups -------------------------------------------------------------------------
    def cell_sum(self, values: np.ndarray, sel: np.ndarray, m: np.ndarray, c: np.ndarray, y: np.ndarray
                 ) -> np.ndarray:
        """Sum of ``values`` over the ``sel`` rows of each asked (mineral, country, year offset) cell,
        NaN when none: :func:`key_lookup` on :attr:`mcy`, but through a dense (mineral × asked country
        × year) array when the questions name few countries (one gather of a small table per row)."""
        m, c, y = (np.asarray(a, dtype=np.int64) for a in (m, c, y))
        asked = np.unique(c)
        k = len(asked)
        if len(c) == 0 or len(self.minerals) * k * self.ny > 4 * len(self.m) + 1_000_000:
            return key_lookup(self.mcy, values, (m * len(self.countries) + c) * self.ny + y, sel)
        slot = np.full(len(self.countries), -1, dtype=np.int64)
        slot[asked] = np.arange(k)
        row_slot = slot[self.c]
        rows = np.flatnonzero(sel & (row_slot >= 0))
        cell = (self.m[rows] * k + row_slot[rows]) * self.ny + self.y[rows]
        size = len(self.minerals) * k * self.ny
        sums = np.bincount(cell, weights=np.asarray(values, dtype=float)[rows], minlength=size)
        count = np.bincount(cell, minlength=size)
        want = (m * k + slot[c]) * self.ny + y
        return np.where(count[want] > 0, sums[want], np.nan)


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


def production_context(production: pd.DataFrame | None, shares: pd.DataFrame | None = None,
                       prepared=None) -> ProductionContext | None:
    """The context of ``production``; ``shares`` = the core's production_shares over every year, or
    ``prepared`` = :func:`desktop.core.metrics.supply_risk.prepare_production` of ``production`` over
    every year (no shares table is built then); with neither, the shares are computed here."""
    if production is None or len(production) == 0:
        return None
    if prepared is not None:
        arrays = _arrays_of_prepared(prepared)
    else:
        if shares is None or not _usable_shares(shares):
            from desktop.core.metrics.supply_risk import production_shares
            shares = production_shares(production)
        arrays = _arrays_of_shares(shares)
    # WORLD rows from the input (the shares table leaves them out)
    wm, wyear, ws, wq = _world_rows(production)
    if len(arrays["m"]) == 0:
        if len(wm) == 0:
            return None
        # only world totals: the minerals and stages are theirs (growth uses them, flag world_total_row)
        arrays.update(minerals=np.array(sorted(set(wm.tolist())), dtype=object),
                      stages=np.array(sorted(set(ws.tolist())), dtype=object))
    minerals, countries, stages = arrays["minerals"], arrays["countries"], arrays["stages"]
    c, year = arrays["c"], arrays["year"]
    others_code = np.flatnonzero(countries == OTHERS)
    others = (c == others_code[0]) if len(others_code) else np.zeros(len(c), dtype=bool)
    if len(wm):
        # their text may be missing from the categories only if the shares table is empty
        wm_c, ws_c = index_of(minerals, wm), index_of(stages, ws)
        ok = (wm_c >= 0) & (ws_c >= 0)
        wm_c, ws_c, wyear, wq = wm_c[ok], ws_c[ok], wyear[ok], wq[ok]
    else:
        wm_c = ws_c = np.zeros(0, dtype=np.int64)
    all_years = np.concatenate([year, wyear])
    if len(all_years) == 0:
        return None
    y0 = int(all_years.min())
    ny = int(all_years.max()) - y0 + 1
    return ProductionContext(minerals, countries, stages, y0, ny, arrays["m"], c, year - y0, arrays["s"],
                             arrays["q"], arrays["valid"], others, arrays["share"], wm_c, wyear - y0, ws_c, wq,
                             arrays["other_unit"], arrays["unit_label"], arrays["unit_texts"])


def _arrays_of_shares(shares: pd.DataFrame) -> dict:
    """The per-row arrays of a context from the core's ``production_shares`` table (categorical codes)."""
    if len(shares) == 0 or not _usable_shares(shares):
        none = np.zeros(0, dtype=np.int64)
        return {"minerals": np.zeros(0, dtype=object), "stages": np.zeros(0, dtype=object),
                "countries": np.zeros(0, dtype=object), "m": none, "s": none, "c": none, "year": none,
                "q": np.zeros(0), "share": np.zeros(0), "valid": np.zeros(0, dtype=bool),
                "other_unit": None, "unit_label": None, "unit_texts": None}
    out = {k: np.asarray(shares[k].cat.categories, dtype=object) for k in ("mineral", "stage", "country")}
    out = {"minerals": out["mineral"], "stages": out["stage"], "countries": out["country"]}
    for k, col in (("m", "mineral"), ("s", "stage"), ("c", "country")):
        out[k] = shares[col].cat.codes.to_numpy().astype(np.int64)
    out["year"] = shares["year"].to_numpy(dtype=np.int64)
    out["q"] = q = shares["quantity"].to_numpy(dtype=float)
    out["share"] = shares["share"].to_numpy(dtype=float)
    flag = shares["flag"]
    cats = [str(x) for x in flag.cat.categories]
    bad_cat = np.array([any(p in _LEFT_OUT for p in x.split(";")) for x in cats] + [False], dtype=bool)
    fcodes = flag.cat.codes.to_numpy()
    out["valid"] = ~bad_cat[fcodes] & np.isfinite(q)
    out["other_unit"] = out["unit_label"] = out["unit_texts"] = None
    if any("other_unit" in x or "mixed_units:" in x for x in cats):
        parts = [x.split(";") for x in cats]
        out["other_unit"] = np.array(["other_unit" in ps for ps in parts] + [False], dtype=bool)[fcodes]
        texts = [next((t for t in ps if t.startswith("mixed_units:")), "") for ps in parts]
        tcodes, tuniq = pd.factorize(np.array([""] + texts, dtype=object))
        out["unit_texts"] = np.asarray(tuniq, dtype=object)
        out["unit_label"] = np.append(tcodes[1:], tcodes[0])[fcodes].astype(np.int64)
    return out


def _arrays_of_prepared(p) -> dict:
    """The same arrays from the core's preparation (``supply_risk._Prepared`` over every year): the
    rows of the shares table (WORLD rows left out), without building that table."""
    from desktop.core.metrics.supply_risk import _shares

    share = _shares(p)[0]
    idx = None if p.keep is None else np.flatnonzero(p.keep)

    def sub(a):
        return a if idx is None else a[idx]

    out = {"minerals": np.asarray(p.minerals, dtype=object), "stages": np.asarray(p.stages, dtype=object),
           "countries": np.asarray(p.countries, dtype=object), "m": sub(p.mineral), "s": sub(p.stage),
           "c": sub(p.country), "year": sub(p.year).astype(np.int64), "q": sub(p.qty).astype(float, copy=True),
           "valid": sub(p.valid), "share": sub(share)}
    out["other_unit"] = out["unit_label"] = out["unit_texts"] = None
    if p.unit_flag is not None and p.other_unit is not None:
        group = sub(p.group)
        tcodes, tuniq = pd.factorize(np.concatenate([np.array([""], dtype=object), p.unit_flag]))
        out["other_unit"] = sub(p.other_unit)
        out["unit_texts"] = np.asarray(tuniq, dtype=object)
        out["unit_label"] = tcodes[1:][group].astype(np.int64)
    return out


def _usable_shares(shares: pd.DataFrame) -> bool:
    return all(isinstance(shares[c].dtype, pd.CategoricalDtype) for c in ("mineral", "stage", "country", "flag")
               if c in shares) and {"mineral", "year", "stage", "country", "quantity", "share", "flag"} <= set(
        shares.columns)


def _world_rows(production: pd.DataFrame):
    """mineral, year, stage (text) and usable quantity of the WORLD rows of ``production``."""
    empty = (np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object), np.zeros(0))
    if "country" not in production:
        return empty
    col = production["country"]
    if isinstance(col.dtype, pd.CategoricalDtype):
        k = np.flatnonzero(np.asarray(col.cat.categories, dtype=object) == WORLD)
        world = (col.cat.codes.to_numpy() == k[0]) if len(k) else np.zeros(len(col), dtype=bool)
    else:
        world = col.to_numpy(dtype=object) == WORLD
    idx = np.flatnonzero(world)
    if len(idx) == 0:
        return empty
    w = production.iloc[idx]
    year = pd.to_numeric(w["year"], errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(year)
    q, usable, _, _ = stated_values(w, "quantity")
    with np.errstate(invalid="ignore"):
        q = np.where(usable & (q >= 0), q, np.nan)
    stage = text_column(w, "stage").to_numpy(dtype=object)
    mineral = text_column(w, "mineral").to_numpy(dtype=object)
    return mineral[ok], year[ok].astype(np.int64), stage[ok], q[ok]


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
        x = np.full(nc * self.span, np.nan)
        if len(values):
            vc = countries.get_indexer(values["country"].to_numpy(dtype=object))
            ok = vc >= 0
            x[vc[ok] * self.span + (vy[ok] - self.lo)] = values["x"].to_numpy(dtype=float)[ok]
        x = x.reshape(nc, self.span)
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
