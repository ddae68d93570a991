"""One coded view of the production table shared by every extended indicator.

The core has coded the production rows already (:func:`desktop.core.metrics.supply_risk.producer_rows`:
key codes, the usable quantity, each producer's share).  The context takes those rows over every year
(growth needs the years before an analysis period), adds the WORLD rows the core leaves out (the
``world_total_row`` fallback and the stages a mineral has), and lays the groups out as a dense
mineral × year × stage grid (:meth:`Groups.grid <desktop.core.metrics.groups.Groups.grid>`) so that
other tables (reserves, trade, recycling) can look a group up by its key codes.

Row rules are the core's (docs/metrics.md §2.3): a quantity is usable when it is finite, not negative
and its state is '' or a printed bound, and rows of a minority unit in a mixed-unit group (flag
``other_unit``) are left out like a withheld cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core.metrics.extended.kernels import index_of, key_lookup
from desktop.core.metrics.groups import Groups, Key
from desktop.core.metrics.states import stated_values, text_column
from desktop.core.metrics.supply_risk import ProductionRows, producer_rows
from desktop.core.registry import WORLD


@dataclass
class ProductionContext:
    mineral_ids: np.ndarray        # sorted labels of the codes
    country_ids: np.ndarray
    stage_names: np.ndarray
    y0: int                        # first year; year offsets count from it
    ny: int
    mineral_code: np.ndarray       # per producer row (WORLD rows excluded)
    country_code: np.ndarray
    year_offset: np.ndarray        # year − y0
    stage_code: np.ndarray
    quantity: np.ndarray           # usable quantity, NaN where left out
    valid: np.ndarray
    others: np.ndarray
    share: np.ndarray              # core share (NaN where left out or the group total is 0)
    world_mineral: np.ndarray      # WORLD rows: codes, year offset, usable quantity
    world_year: np.ndarray
    world_stage: np.ndarray
    world_quantity_rows: np.ndarray
    other_unit: np.ndarray | None = None   # rows left out for a mixed-unit group (core flag other_unit)
    unit_flag_of_group: np.ndarray | None = None   # per grid group: 'mixed_units:<used>|<other>…' or ''
    _cache: dict = field(default_factory=dict, repr=False)

    # ---- the grid of (mineral, year, stage) groups ------------------------------------------------
    @property
    def groups(self) -> Groups:
        got = self._cache.get("groups")
        if got is None:
            got = self._cache["groups"] = Groups.grid(
                mineral=Key(codes=self.mineral_code, labels=self.mineral_ids),
                year=Key(codes=self.year_offset, labels=np.arange(self.y0, self.y0 + self.ny)),
                stage=Key(codes=self.stage_code, labels=self.stage_names))
        return got

    @property
    def ns(self) -> int:
        return len(self.stage_names)

    @property
    def n_groups(self) -> int:
        return self.groups.n

    @property
    def group(self) -> np.ndarray:
        """The grid group of each producer row."""
        return self.groups.ids

    def group_of(self, mineral_code, year_offset, stage_code) -> np.ndarray:
        return self.groups.id_of(mineral=mineral_code, year=year_offset, stage=stage_code)

    def split(self, gids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(mineral code, year offset, stage code) of grid group ids."""
        g = self.groups
        return g.codes("mineral", gids), g.codes("year", gids), g.codes("stage", gids)

    def unit_flag(self, gids: np.ndarray) -> np.ndarray:
        """'mixed_units:<used>|<other>…' of grid group ids ('' when the group has one unit)."""
        if self.unit_flag_of_group is None:
            return np.full(len(gids), "", dtype=object)
        return self.unit_flag_of_group[np.asarray(gids, dtype=np.int64)]

    def mineral_codes(self, values) -> np.ndarray:
        return index_of(self.mineral_ids, values)

    def stage_codes(self, values) -> np.ndarray:
        return index_of(self.stage_names, values)

    def year_offsets(self, years) -> np.ndarray:
        """year − y0, or -1 outside the production years."""
        y = np.asarray(years, dtype=np.int64) - self.y0
        return np.where((y >= 0) & (y < self.ny), y, -1)

    # ---- per-group aggregates (dense over the grid) ---------------------------------------------
    def agg(self, name: str) -> np.ndarray:
        """Per-group aggregates, computed once: total (Σ usable q, OTHERS included), n_rows, n_valid,
        n_listed (usable producers), n_bad (left out, a minority unit apart), others_q, sq (Σ q² of the
        producers), world_q (the
        last usable WORLD row, NaN when none)."""
        got = self._cache.get(name)
        if got is None:
            got = self._cache[name] = self._aggregate(name)
        return got

    def _aggregate(self, name: str) -> np.ndarray:
        g = self.groups
        if name == "total":
            return g.sum(self.quantity, where=self.valid)
        if name == "n_rows":
            return g.count()
        if name == "n_valid":
            return g.count(self.valid)
        if name == "n_listed":
            return g.count(self.valid & ~self.others)
        if name == "n_bad":
            bad = self.agg("n_rows") - self.agg("n_valid")
            return bad if self.other_unit is None else bad - g.count(self.other_unit)
        if name == "others_q":
            return g.sum(self.quantity, where=self.others & self.valid)
        if name == "sq":
            return g.sum(self.quantity * self.quantity, where=self.valid & ~self.others)
        if name == "world_q":
            world_group = self.group_of(self.world_mineral, self.world_year, self.world_stage)
            out = np.full(g.n, np.nan)
            ok = np.isfinite(self.world_quantity_rows)
            out[world_group[ok]] = self.world_quantity_rows[ok]          # the last usable WORLD row wins
            return out
        raise KeyError(name)

    def stage_present(self) -> np.ndarray:
        """(minerals × stages) bool: the mineral has a row (any country, WORLD too) at that stage."""
        got = self._cache.get("stage_present")
        if got is None:
            ns, nm = self.ns, len(self.mineral_ids)
            cnt = np.bincount(self.mineral_code * ns + self.stage_code, minlength=nm * ns)
            cnt += np.bincount(self.world_mineral * ns + self.world_stage, minlength=nm * ns)
            got = self._cache["stage_present"] = (cnt > 0).reshape(nm, ns)
        return got

    def primary_stage(self, stages: tuple[str, ...]) -> np.ndarray:
        """Per mineral code: the code of the first stage of ``stages`` it has, -1 when none."""
        present = self.stage_present()
        out = np.full(len(self.mineral_ids), -1, dtype=np.int64)
        for st in reversed(tuple(stages)):
            code = np.flatnonzero(self.stage_names == st)
            if len(code):
                out[present[:, code[0]]] = code[0]
        return out

    def primary_rows(self, stages: tuple[str, ...]) -> np.ndarray:
        """Row mask: the row is at its mineral's primary stage (first of ``stages`` it has)."""
        key = ("primary_rows", tuple(stages))
        got = self._cache.get(key)
        if got is None:
            prim = self.primary_stage(stages)
            got = self._cache[key] = prim[self.mineral_code] == self.stage_code      # −1 never equals a code
        return got

    @property
    def mcy(self) -> np.ndarray:
        """Row key (mineral, country, year) as one int64 (dense: (m · n_countries + c) · ny + y)."""
        got = self._cache.get("mcy")
        if got is None:
            got = self._cache["mcy"] = (self.mineral_code * len(self.country_ids) + self.country_code) * self.ny \
                + self.year_offset
        return got

    # ---- world primary production ----------------------------------------------------------------
    def world_groups(self, stage_of_mineral: np.ndarray) -> dict:
        """Groups of world production at one stage per mineral (``stage_of_mineral``, -1 = none).

        Returns gids (sorted by mineral, year) and quantity, n_producers, from_world, n_bad.
        A group is listed when it has a producer row or a usable WORLD row.
        """
        ms = np.flatnonzero(stage_of_mineral >= 0)
        gids = ((ms[:, None] * self.ny + np.arange(self.ny)[None, :]) * self.ns
                + stage_of_mineral[ms][:, None]).ravel() if len(ms) and len(self.mineral_ids) \
            else np.zeros(0, dtype=np.int64)
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
            got = self._cache["world_quantity"] = np.where(np.isfinite(q), q, self.agg("world_q"))
        return got

    # ---- row lookups -----------------------------------------------------------------------------
    def cell_sum(self, values: np.ndarray, sel: np.ndarray, m: np.ndarray, c: np.ndarray, y: np.ndarray
                 ) -> np.ndarray:
        """Sum of ``values`` over the ``sel`` rows of each asked (mineral, country, year offset) cell,
        NaN when none: :func:`key_lookup` on :attr:`mcy`, but through a dense (mineral × asked country
        × year) array when the questions name few countries (one gather of a small table per row)."""
        m, c, y = (np.asarray(a, dtype=np.int64) for a in (m, c, y))
        asked = np.unique(c)
        k = len(asked)
        nm, nc = len(self.mineral_ids), len(self.country_ids)
        if len(c) == 0 or nm * k * self.ny > 4 * len(self.mineral_code) + 1_000_000:
            return key_lookup(self.mcy, values, (m * nc + c) * self.ny + y, sel)
        slot = np.full(nc, -1, dtype=np.int64)
        slot[asked] = np.arange(k)
        row_slot = slot[self.country_code]
        rows = np.flatnonzero(sel & (row_slot >= 0))
        cell = (self.mineral_code[rows] * k + row_slot[rows]) * self.ny + self.year_offset[rows]
        size = nm * k * self.ny
        sums = np.bincount(cell, weights=np.asarray(values, dtype=float)[rows], minlength=size)
        count = np.bincount(cell, minlength=size)
        want = (m * k + slot[c]) * self.ny + y
        return np.where(count[want] > 0, sums[want], np.nan)


def production_context(production: pd.DataFrame | None, rows: ProductionRows | None = None
                       ) -> ProductionContext | None:
    """The context of ``production``; ``rows``: its :func:`producer_rows` over every year when the
    caller has them (the engine's, without an analysis period), else they are coded here."""
    if production is None or len(production) == 0:
        return None
    rows = rows if rows is not None else producer_rows(production)
    world_mineral, world_year, world_stage, world_q = _world_rows(production)
    if rows is not None:
        mineral_ids, country_ids, stage_names = rows.mineral.labels, rows.country.labels, rows.stage.labels
        mineral_code, country_code, stage_code = rows.mineral.codes, rows.country.codes, rows.stage.codes
        year = rows.year
    elif len(world_mineral):
        # only world totals: the minerals and stages are theirs (growth uses them, flag world_total_row)
        mineral_ids = np.array(sorted(set(world_mineral.tolist())), dtype=object)
        stage_names = np.array(sorted(set(world_stage.tolist())), dtype=object)
        country_ids = np.zeros(0, dtype=object)
        mineral_code = country_code = stage_code = year = np.zeros(0, dtype=np.int64)
    else:
        return None
    world_mineral_code, world_stage_code = index_of(mineral_ids, world_mineral), index_of(stage_names, world_stage)
    ok = (world_mineral_code >= 0) & (world_stage_code >= 0)
    all_years = np.concatenate([year, world_year[ok]])
    if len(all_years) == 0:
        return None
    y0 = int(all_years.min())
    ny = int(all_years.max()) - y0 + 1
    ctx = ProductionContext(
        mineral_ids=mineral_ids, country_ids=country_ids, stage_names=stage_names, y0=y0, ny=ny,
        mineral_code=mineral_code, country_code=country_code, year_offset=year - y0, stage_code=stage_code,
        quantity=np.zeros(0), valid=np.zeros(0, dtype=bool), others=np.zeros(0, dtype=bool), share=np.zeros(0),
        world_mineral=world_mineral_code[ok], world_year=world_year[ok] - y0, world_stage=world_stage_code[ok],
        world_quantity_rows=world_q[ok])
    if rows is not None:
        ctx.quantity = rows.quantity.astype(float, copy=True)
        ctx.valid, ctx.others, ctx.share, ctx.other_unit = rows.valid, rows.others, rows.share, rows.other_unit
        if rows.unit_flag is not None and rows.other_unit is not None:
            # the core's per-group flag, laid out on the context's grid
            of_grid = np.full(ctx.n_groups, "", dtype=object)
            of_grid[ctx.group] = rows.unit_flag[rows.groups.ids]
            ctx.unit_flag_of_group = of_grid
    return ctx


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
