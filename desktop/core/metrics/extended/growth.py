"""Production growth G and criticality potential C (METHODS §3, US NSTC 2016 screening).

World primary production P(m, t) = sum of the listed mine producers plus
OTHERS (``_base.world_production``; the stage is the first of
``params.primary_stages`` a mineral has, e.g. ``mine`` else ``''``).

    G(m, t)   = (P_t / P_{t−n})^(1/n)          n = params.growth_years (default 5)
    G_s(m, t) = min-max of G over every mineral and year of the analysis
    C(m, t)   = (R · G_s · M)^(1/3)             R, M already min-max scaled (METHODS §2.2, §2.3)

Flags: ``no_base_year`` (P_{t−n} absent), ``nonpositive_base`` (P_{t−n} ≤ 0), ``no_production``
(P_t absent), ``world_total_row`` / ``withheld_producers`` (from the world total), ``constant``
(every G equal → G_s = 0).  For C: ``missing_R`` / ``missing_M`` / ``missing_G`` (C empty),
``minmax_zero:<R|G|M>`` when a factor is exactly 0 because min-max puts the lowest value of the
analysis at 0 (C is then 0 by construction, not because the mineral is safe).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.scaling import minmax
from desktop.core.metrics.extended._base import empty_frame, join_flags, world_production
from desktop.core.metrics.extended_params import ExtendedParams

GROWTH_COLUMNS = ["mineral", "year", "stage", "production", "base_year", "production_base", "G", "G_scaled",
                  "flag"]
C_COLUMNS = ["mineral", "year", "stage", "R", "G_scaled", "M", "C", "flag"]


def compute_growth(production: pd.DataFrame | None, params: ExtendedParams, ctx=None) -> pd.DataFrame:
    """Production growth G and its min-max G_scaled per (mineral, year) of world primary production.

    G(m, t) = (P_t / P_{t−n})^(1/n) with n = ``params.growth_years``; G_scaled = min-max of G over every
    mineral and year of the rows (see the module docstring).  P is the world primary production of
    ``_base.world_production`` (the first of ``params.primary_stages`` a mineral has).

    Parameters
    ----------
    production : DataFrame or None
        The canonical production table; None or empty gives the empty table.
    params : ExtendedParams
        ``growth_years`` (n) and ``primary_stages``.
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, year, stage, production (P_t), base_year (t − n), production_base (P_{t−n}), G, G_scaled
        and flag, sorted by mineral and year.  Flags: ``no_base_year``, ``nonpositive_base``, then the world
        total's (``world_total_row``, ``withheld_producers``, ``no_production``, ``mixed_units:…``), then
        ``constant``.
    """
    if production is None or len(production) == 0:
        return empty_frame(GROWTH_COLUMNS, floats=("production", "production_base", "G", "G_scaled"),
                           ints=("year", "base_year"))
    n = int(params.growth_years)
    w = world_production(production, params.primary_stages, ctx)
    if len(w) == 0:
        return compute_growth(None, params)
    base = w[["mineral", "year", "quantity"]].rename(columns={"quantity": "production_base"})
    base["year"] = base["year"] + n
    out = w.merge(base, on=["mineral", "year"], how="left")
    out["base_year"] = out["year"] - n
    p_t = out["quantity"].to_numpy(dtype=float)
    p_b = out["production_base"].to_numpy(dtype=float)
    no_base = ~np.isfinite(p_b)
    nonpos = np.isfinite(p_b) & (p_b <= 0)
    ok = np.isfinite(p_t) & np.isfinite(p_b) & (p_b > 0) & (p_t >= 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        g = np.where(ok, np.power(np.where(ok, p_t / np.where(ok, p_b, 1.0), 1.0), 1.0 / n), np.nan)
    gs, constant = minmax(g)
    own = out["flag"].to_numpy(dtype=object)
    flag = join_flags(len(out), [("no_base_year", no_base), ("nonpositive_base", nonpos), own,
                                 ("constant", np.isfinite(g) & constant)])
    res = pd.DataFrame({"mineral": out["mineral"], "year": out["year"].astype("int64"), "stage": out["stage"],
                        "production": p_t, "base_year": out["base_year"].astype("int64"),
                        "production_base": p_b, "G": g, "G_scaled": gs, "flag": flag})
    return res[GROWTH_COLUMNS].sort_values(["mineral", "year"]).reset_index(drop=True)


def rescale_growth(growth: pd.DataFrame) -> pd.DataFrame:
    """Recompute G_scaled (and the ``constant`` flag) over the rows given, e.g. after narrowing
    the years to the analysis period (the min-max runs over the period's minerals and years)."""
    if len(growth) == 0:
        return growth
    g = growth["G"].to_numpy(dtype=float)
    gs, constant = minmax(g)
    flags = growth["flag"].astype(str).str.replace(r"(^|;)constant(?=;|$)", "", regex=True).str.strip(";")
    flag = join_flags(len(growth), [flags.to_numpy(dtype=object), ("constant", np.isfinite(g) & constant)])
    return growth.assign(G_scaled=gs, flag=flag)


def compute_criticality_potential(growth: pd.DataFrame, supply_risk: pd.DataFrame | None,
                                  market: pd.DataFrame | None, params: ExtendedParams) -> pd.DataFrame:
    """Criticality potential C = (R · G_s · M)^(1/3) per (mineral, year) where growth exists.

    R is taken from the supply-risk row of the same stage as the growth row (the primary stage); R, G_s and
    M are already min-max scaled, so a factor can be exactly 0 by construction.

    Parameters
    ----------
    growth : DataFrame or None
        The production-growth table of :func:`compute_growth` (mineral, year, stage, G_scaled); None or
        empty gives the empty table.
    supply_risk : DataFrame or None
        The core supply-risk table (mineral, year, stage, R); None: R empty.
    market : DataFrame or None
        The core market-dynamics table (mineral, year, M; a repeated (mineral, year): the last row);
        None: M empty.
    params : ExtendedParams
        The extended parameters (not read here).

    Returns
    -------
    DataFrame
        mineral, year, stage, R, G_scaled, M, C and flag, sorted by mineral and year.  Flags:
        ``missing_R``, ``missing_G``, ``missing_M`` (C empty), ``minmax_zero:R`` / ``minmax_zero:G`` /
        ``minmax_zero:M`` (C is 0 because min-max put that factor at 0).
    """
    if growth is None or len(growth) == 0:
        return empty_frame(C_COLUMNS, floats=("R", "G_scaled", "M", "C"))
    g = growth[["mineral", "year", "stage", "G_scaled"]]
    if supply_risk is not None and len(supply_risk):
        r = supply_risk[["mineral", "year", "stage", "R"]]
        g = g.merge(r, on=["mineral", "year", "stage"], how="left")
    else:
        g = g.assign(R=np.nan)
    if market is not None and len(market):
        g = g.merge(market[["mineral", "year", "M"]].drop_duplicates(["mineral", "year"], keep="last"),
                    on=["mineral", "year"], how="left")
    else:
        g = g.assign(M=np.nan)
    R = g["R"].to_numpy(dtype=float)
    G = g["G_scaled"].to_numpy(dtype=float)
    M = g["M"].to_numpy(dtype=float)
    ok = np.isfinite(R) & np.isfinite(G) & np.isfinite(M)
    with np.errstate(invalid="ignore"):
        c = np.where(ok, np.cbrt(np.where(ok, R * G * M, 0.0)), np.nan)
    flag = join_flags(len(g), [("missing_R", ~np.isfinite(R)), ("missing_G", ~np.isfinite(G)),
                               ("missing_M", ~np.isfinite(M)),
                               ("minmax_zero:R", ok & (R == 0)), ("minmax_zero:G", ok & (G == 0)),
                               ("minmax_zero:M", ok & (M == 0))])
    out = g.assign(C=c, flag=flag)[C_COLUMNS]
    return out.sort_values(["mineral", "year"]).reset_index(drop=True)
