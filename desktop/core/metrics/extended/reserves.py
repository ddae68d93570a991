"""Reserve-to-production ratio (储采比 / 保障年限), METHODS §3.

    RP(m, i, t) = reserves(m, i, t) / production(m, i, t')      in years

per country and for the world (``country = WORLD``).  Production is primary
(first of ``params.primary_stages`` the mineral has).  t' = t when that year
has production, else the latest earlier year (flag ``production_year:<t'>``).
World reserves = the WORLD row of the reserves table when present, else the
sum of the countries and OTHERS (flag ``world_from_sum``); world production =
sum of producers and OTHERS.  ``warning`` = RP < ``params.reserve_warning_years``
(default 20).  Flags: ``no_production`` (RP empty), ``zero_production`` (RP
empty: production is 0), reserve cell states (``reserves_withheld`` …).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.groups import key_of
from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, empty_frame, join_flags, sort_by, usable, years_text,
)
from desktop.core.metrics.extended.kernels import asof_index, index_of
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended_params import ExtendedParams

COLUMNS = ["mineral", "country", "year", "reserves", "production", "production_year", "stage", "rp_years",
           "warning", "flag"]


def compute_reserve_years(production: pd.DataFrame | None, reserves: pd.DataFrame | None,
                          params: ExtendedParams, ctx=None) -> pd.DataFrame:
    """The reserve-to-production ratio RP per (mineral, country, year), the world included.

    RP(m, i, t) = reserves(m, i, t) / production(m, i, t') in years, with the primary production of t, else
    of the latest earlier year t'; world reserves = the WORLD row, else the sum of the countries and OTHERS
    (see the module docstring).  ``warning`` = RP < ``params.reserve_warning_years``.

    Parameters
    ----------
    production : DataFrame or None
        The canonical production table; None (and no ``ctx``): RP empty (``no_production``).
    reserves : DataFrame or None
        The canonical reserves table (mineral, country, year, reserves, reserves_state); None or empty
        gives the empty table.  OTHERS rows get no row of their own.
    params : ExtendedParams
        ``primary_stages`` (the production stage, first the mineral has) and ``reserve_warning_years``.
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, country (``WORLD`` for the world), year, reserves, production, production_year (t'),
        stage, rp_years, warning and flag, sorted by mineral, country and year.  Flags:
        ``reserves_withheld``, ``reserves_missing``, ``world_from_sum``, ``no_production``,
        ``zero_production``, ``production_year:<t'>``, ``below_<n>_years`` (the warning).
    """
    if reserves is None or len(reserves) == 0:
        return empty_frame(COLUMNS, floats=("reserves", "production", "production_year", "rp_years"),
                           bools=("warning",))
    r = usable(reserves, "reserves", ("mineral", "country", "year"))
    # world reserves: the WORLD row, else the sum of countries + OTHERS (integer codes, bincount)
    mc, mins = key_of(r["mineral"])
    country = r["country"].to_numpy(dtype=object)
    world = country == WORLD
    year = r["year"].to_numpy(dtype=np.int64)
    lo = int(year.min()) if len(year) else 0
    span = int(year.max()) - lo + 1 if len(year) else 1
    group = mc * span + (year - lo)
    size = len(mins) * span
    has_world = np.bincount(group[world], minlength=size) > 0
    summed = ~world & r["valid"].to_numpy(dtype=bool)
    total = np.bincount(group[summed], weights=r["reserves"].to_numpy(dtype=float)[summed], minlength=size)
    gids = np.flatnonzero((np.bincount(group[summed], minlength=size) > 0) & ~has_world)
    sums = pd.DataFrame({"mineral": mins[gids // span], "year": (gids % span + lo).astype(np.int64),
                         "reserves": total[gids], "country": WORLD, "valid": True, "state": "", "_sum": True})
    r = pd.concat([r[country != OTHERS].assign(_sum=False), sums], ignore_index=True)

    m = _with_production(r[["mineral", "country", "year", "reserves", "valid", "state", "_sum"]].reset_index(drop=True),
                         production, params, ctx)
    res = m["reserves"].to_numpy(dtype=float)
    q = m["quantity"].to_numpy(dtype=float)
    ok = np.isfinite(res) & np.isfinite(q) & (q > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        rp = np.where(ok, res / np.where(ok, q, 1.0), np.nan)
    warn = ok & (rp < float(params.reserve_warning_years))
    state = m["state"].fillna("").to_numpy(dtype=object)
    flag = join_flags(len(m), [
        ("reserves_withheld", state == "W"),
        ("reserves_missing", ~m["valid"].eq(True).to_numpy() & (state != "W")),
        ("world_from_sum", m["_sum"].eq(True).to_numpy()),
        ("no_production", ~np.isfinite(q)),
        ("zero_production", np.isfinite(q) & (q <= 0)),
        years_text("production_year", m["production_year"], m["year"]),
        (f"below_{params.reserve_warning_years:g}_years", warn),
    ])
    out = pd.DataFrame({"mineral": m["mineral"], "country": m["country"], "year": m["year"].astype("int64"),
                        "reserves": res, "production": q, "production_year": m["production_year"].astype(float),
                        "stage": m["stage"].fillna("").astype(object), "rp_years": rp, "warning": warn,
                        "flag": flag})
    return sort_by(out[COLUMNS], ["mineral", "country", "year"])


def _with_production(r: pd.DataFrame, production: pd.DataFrame | None, params: ExtendedParams, ctx) -> pd.DataFrame:
    """``r`` + quantity, stage and production_year: the primary production of the row's country (world
    production for WORLD) in the latest year at or before the reserves year (integer codes, no merge)."""
    n = len(r)
    out = r.assign(quantity=np.nan, stage=np.nan, production_year=np.nan)
    ctx = ctx if ctx is not None else (production_context(production) if production is not None else None)
    if ctx is None or n == 0:
        return out
    nc = len(ctx.country_ids)
    prim = ctx.primary_stage(params.primary_stages)
    rm = ctx.mineral_codes(r["mineral"].to_numpy(dtype=object))
    r_country = r["country"].to_numpy(dtype=object)
    rc = index_of(ctx.country_ids, r_country)
    is_world = r_country == WORLD
    rc = np.where(is_world, nc, rc)                          # WORLD: world production
    ok = (rm >= 0) & (rc >= 0)
    lkey = np.where(ok, rm * (nc + 1) + rc, -1)
    # producer rows of the primary stage whose (mineral, country) has reserves
    sel = ctx.valid & ~ctx.others & ctx.primary_rows(params.primary_stages)
    rows = np.flatnonzero(sel)
    wanted = np.zeros(len(ctx.mineral_ids) * (nc + 1), dtype=bool)      # (mineral, country) pairs asked for
    wanted[lkey[ok & ~is_world]] = True
    # context codes are never -1
    rows = rows[wanted[ctx.mineral_code[rows] * (nc + 1) + ctx.country_code[rows]]]
    w = ctx.world_groups(prim)
    wok = np.isfinite(w["quantity"])
    wm, wy, ws = ctx.split(w["gids"][wok])
    key = np.concatenate([ctx.mineral_code[rows] * (nc + 1) + ctx.country_code[rows], wm * (nc + 1) + nc])
    year = np.concatenate([ctx.year_offset[rows], wy]) + ctx.y0
    qty = np.concatenate([ctx.quantity[rows], w["quantity"][wok]])
    stage = np.concatenate([ctx.stage_code[rows], ws])
    hit = asof_index(lkey, r["year"].to_numpy(dtype=np.int64), key, year, "backward")
    hit = np.where(ok, hit, -1)
    found = hit >= 0
    h = np.where(found, hit, 0)
    out["quantity"] = np.where(found, qty[h] if len(qty) else np.nan, np.nan)
    out["production_year"] = np.where(found, year[h] if len(year) else np.nan, np.nan)
    st = np.full(n, np.nan, dtype=object)
    if len(stage):
        st[found] = ctx.stage_names[stage[h[found]]]
    out["stage"] = st
    return out
