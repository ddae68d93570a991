"""Demand scenarios (需求情景): demand growth multipliers to a target year vs supply (METHODS §3).

For every mineral with a multiplier k (``params.demand_multipliers``, default IEA
Global Critical Minerals Outlook 2024, 2024 → 2040: lithium ×5, graphite ×2,
nickel ×2, cobalt ×1.5, rare earths ×1.6, copper ×1.3; editable):

    demand_base            = world primary production in the base year
                             (market balance: supply ≈ demand; latest earlier year if the base year is
                             missing, flag ``base_year:<y>``)
    required_supply        = demand_base × k                          (in the target year)
    required_annual_growth = k^(1 / (target − base)) − 1
    observed_annual_growth = G − 1                                    (latest G of growth.py)
    projected_supply       = P_latest × G^(target − latest year)      (current trend continued)
    gap                    = required_supply − projected_supply       (> 0: shortfall)
    coverage               = projected_supply / required_supply
    status                 = 'shortfall' (gap > 0) | 'on_track'

A multiplier of a mineral without production gives a row with empty values (flag ``no_production``);
no production data at all gives an empty table.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import empty_frame, join_flags, merge_nearest_year, years_text
from desktop.core.metrics.extended_params import ExtendedParams

COLUMNS = ["mineral", "base_year", "target_year", "multiplier", "production_base", "required_supply",
           "required_annual_growth", "latest_year", "production_latest", "observed_annual_growth",
           "projected_supply", "gap", "coverage", "status", "flag"]


def compute_scenarios(world: pd.DataFrame | None, growth: pd.DataFrame | None, params: ExtendedParams,
                      multipliers: dict[str, float] | None = None) -> pd.DataFrame:
    """Demand scenarios per mineral with a multiplier: required vs projected supply in the target year.

    required_supply = demand_base × k, required_annual_growth = k^(1 / (target − base)) − 1,
    projected_supply = P_latest × G^(target − latest year), gap = required − projected (> 0: shortfall),
    coverage = projected / required (see the module docstring).

    Parameters
    ----------
    world : DataFrame or None
        World primary production (mineral, year, quantity), e.g. growth.production renamed; the base
        year's quantity, or the latest earlier year's, is demand_base.  None or empty gives the empty table.
    growth : DataFrame or None
        The production-growth table (:func:`growth.compute_growth`: mineral, year, G); each mineral's latest
        G is its observed growth.  None: no observed growth.
    params : ExtendedParams
        ``scenario_base_year``, ``scenario_target_year`` and ``demand_multipliers``.
    multipliers : dict of str to float, optional
        k per mineral in place of ``params.demand_multipliers``; an empty mapping gives the empty table.

    Returns
    -------
    DataFrame
        mineral, base_year, target_year, multiplier, production_base, required_supply,
        required_annual_growth, latest_year, production_latest, observed_annual_growth (G − 1),
        projected_supply, gap, coverage, status (``shortfall`` | ``on_track``, '' when the gap is empty)
        and flag, sorted by mineral.  Flags: ``no_production`` (a row with empty values),
        ``base_year:<y>`` (the base year taken from an earlier year), ``no_growth``.
    """
    mult = dict(params.demand_multipliers if multipliers is None else multipliers)
    if not mult or world is None or len(world) == 0:
        return empty_frame(COLUMNS, floats=tuple(COLUMNS[3:13]), ints=("base_year", "target_year"))
    base, target = int(params.scenario_base_year), int(params.scenario_target_year)
    s = pd.DataFrame({"mineral": list(mult), "multiplier": [float(v) for v in mult.values()]})
    s["year"] = base
    w = world[["mineral", "year", "quantity"]].dropna(subset=["quantity"])
    b = merge_nearest_year(s, w, by=["mineral"], value_cols=["quantity"], suffix_year="used_base")
    latest = w.sort_values("year").groupby("mineral").tail(1).rename(
        columns={"year": "latest_year", "quantity": "production_latest"})
    b = b.merge(latest, on="mineral", how="left")
    if growth is not None and len(growth):
        g = growth[growth["G"].notna()].sort_values("year").groupby("mineral").tail(1)[["mineral", "year", "G"]]
        b = b.merge(g.rename(columns={"year": "growth_year"}), on="mineral", how="left")
    else:
        b = b.assign(G=np.nan, growth_year=np.nan)
    k = b["multiplier"].to_numpy(dtype=float)
    p0 = b["quantity"].to_numpy(dtype=float)
    req = p0 * k
    req_g = np.power(k, 1.0 / (target - base)) - 1.0
    G = b["G"].to_numpy(dtype=float)
    ly = b["latest_year"].to_numpy(dtype=float)
    pl = b["production_latest"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        proj = pl * np.power(G, target - ly)
        gap = req - proj
        cov = proj / req
    status = np.where(np.isfinite(gap), np.where(gap > 0, "shortfall", "on_track"), "")
    flag = join_flags(len(b), [("no_production", ~np.isfinite(p0)),
                               years_text("base_year", b["used_base"], b["year"]),
                               ("no_growth", np.isfinite(p0) & ~np.isfinite(G))])
    out = pd.DataFrame({"mineral": b["mineral"], "base_year": base, "target_year": target, "multiplier": k,
                        "production_base": p0, "required_supply": req, "required_annual_growth": req_g,
                        "latest_year": ly, "production_latest": pl, "observed_annual_growth": G - 1.0,
                        "projected_supply": proj, "gap": gap, "coverage": cov, "status": status, "flag": flag})
    return out[COLUMNS].sort_values("mineral").reset_index(drop=True)
