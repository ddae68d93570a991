"""GeoPolRisk (import-based supply risk used in life-cycle assessment), METHODS §3.

For mineral m, year t and importing (assessed) country c:

    score(m, t, c) = HHI(m, t) × Σ_j (q_jc · g_j) / (Σ_j q_jc + P_c)
    g_j = clamp((pv_bound − PV_j) / pv_span, 0, 1)   (defaults (2.5 − PV) / 5); pv_missing (0.5) when
          partner j has no political-stability (WGI ``PV``) estimate

* q_jc: bilateral imports of c from j from the dataset table ``trade_flows`` (columns mineral, year,
  stage, exporter, importer, value_kusd, quantity_t — written by the BACI recogniser).  The tonnage
  ``quantity_t`` is used; a flow without one takes ``value_kusd`` × the mineral-year-stage unit value
  (t per kUSD of the flows that report both), flag ``quantity_from_value:<n>``; a flow with neither
  is dropped (``flows_dropped:<n>``).  Self-trade and aggregates are ignored.
* HHI(m, t): production concentration (concentration.hhi) of the production stage matching the
  trade stage when the production table has it, else the primary stage (flag ``production_stage:<s>``).
* P_c: domestic production of c at that stage; no row → 0, flagged ``no_domestic_production_row``
  (a country not listed as a producer; the flag makes the 0 visible).
* PV_j of year t, or the latest earlier year when ``pv_carry_forward`` (flag ``pv_carried:<n>``),
  else ``pv_missing`` (flag ``pv_missing:<n>``).

Simplifications (docs/metrics-extended.md): the score is not multiplied by a price (the LCA
characterisation factor of geopolrisk-py is score × price); no region aggregation; only direct
trade partners.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, count_flag, empty_frame, governance_for, governance_mean, join_flags, resolve_stage,
    trade_quantities, usable,
)
from desktop.core.metrics.extended.concentration import hhi
from desktop.core.metrics.extended.params import ExtendedParams

COLUMNS = ["mineral", "year", "stage", "country", "production_stage", "HHI", "imports", "weighted_imports",
           "domestic_production", "import_risk", "score", "n_partners", "flag"]


def pv_weight(pv: np.ndarray, params: ExtendedParams) -> np.ndarray:
    """g = clamp((bound − PV) / span, 0, 1); pv_missing where PV is empty."""
    pv = np.asarray(pv, dtype=float)
    g = np.clip((params.pv_bound - pv) / params.pv_span, 0.0, 1.0)
    return np.where(np.isfinite(pv), g, params.pv_missing)


def compute_geopolrisk(trade_flows: pd.DataFrame | None, production: pd.DataFrame | None,
                       governance: pd.DataFrame | None, params: ExtendedParams) -> pd.DataFrame:
    floats = ("HHI", "imports", "weighted_imports", "domestic_production", "import_risk", "score")
    t = trade_quantities(trade_flows)
    if len(t) == 0:
        return empty_frame(COLUMNS, floats=floats, ints=("year", "n_partners"))
    if params.assessed_countries:
        t = t[t["importer"].isin(params.assessed_countries)]
    dropped = t[t["dropped"]]
    t = t[~t["dropped"]].reset_index(drop=True)
    # partner political stability, carried forward when allowed
    pv = governance_for(governance_mean(governance, ("PV",)),
                        t[["exporter", "year"]].rename(columns={"exporter": "country"}), params.pv_carry_forward)
    x = pv["x"].to_numpy(dtype=float)
    g = pv_weight(x, params)
    gy = pv["gov_year"].to_numpy(dtype=float)
    t["_g"] = g
    t["_wq"] = t["qty"] * g
    t["_pvmiss"] = ~np.isfinite(x)
    t["_pvcarry"] = np.isfinite(gy) & (gy < t["year"].to_numpy())
    keys = ["mineral", "year", "stage", "importer"]
    a = t.groupby(keys, as_index=False).agg(imports=("qty", "sum"), weighted_imports=("_wq", "sum"),
                                            n_partners=("exporter", "nunique"), n_from_value=("from_value", "sum"),
                                            n_pvmiss=("_pvmiss", "sum"), n_pvcarry=("_pvcarry", "sum"))
    nd = dropped.groupby(keys).size().rename("n_dropped").reset_index()
    a = a.merge(nd, on=keys, how="left")
    a = a.rename(columns={"importer": "country"})

    # production side: HHI and domestic production at the matching stage
    if production is not None and len(production):
        prod = usable(production, "quantity", ("mineral", "country", "year", "stage"))
        a["production_stage"] = resolve_stage(a, prod, params.primary_stages)
        h = hhi(production)
        a = a.merge(h[["mineral", "year", "stage", "HHI"]].rename(columns={"stage": "production_stage"}),
                    on=["mineral", "year", "production_stage"], how="left")
        dom = prod[prod["valid"] & ~prod["country"].isin((WORLD, OTHERS))].groupby(
            ["mineral", "year", "stage", "country"], as_index=False)["quantity"].sum()
        a = a.merge(dom.rename(columns={"stage": "production_stage", "quantity": "domestic_production"}),
                    on=["mineral", "year", "production_stage", "country"], how="left")
    else:
        a["production_stage"] = np.nan
        a["HHI"] = np.nan
        a["domestic_production"] = np.nan
    no_dom = a["domestic_production"].isna().to_numpy()
    P = np.where(no_dom, 0.0, a["domestic_production"].to_numpy(dtype=float))
    imp = a["imports"].to_numpy(dtype=float)
    denom = imp + P
    with np.errstate(invalid="ignore", divide="ignore"):
        risk = np.where(denom > 0, a["weighted_imports"].to_numpy(dtype=float) / np.where(denom > 0, denom, 1.0),
                        np.nan)
    H = a["HHI"].to_numpy(dtype=float)
    score = H * risk
    ps = a["production_stage"].astype(object).where(a["production_stage"].notna(), "")
    stage_note = np.where((ps.to_numpy(dtype=object) != a["stage"].to_numpy(dtype=object))
                          & a["production_stage"].notna().to_numpy(),
                          "production_stage:" + ps.replace("", "unspecified").astype(str).to_numpy(dtype=object), "")
    flag = join_flags(len(a), [
        ("missing_HHI", ~np.isfinite(H)),
        ("no_domestic_production_row", no_dom),
        ("no_supply", ~(denom > 0)),
        stage_note,
        count_flag("quantity_from_value", a["n_from_value"].to_numpy(dtype=float)),
        count_flag("flows_dropped", a["n_dropped"].fillna(0).to_numpy(dtype=float)),
        count_flag("pv_missing", a["n_pvmiss"].to_numpy(dtype=float)),
        count_flag("pv_carried", a["n_pvcarry"].to_numpy(dtype=float)),
    ])
    out = pd.DataFrame({"mineral": a["mineral"], "year": a["year"].astype("int64"), "stage": a["stage"],
                        "country": a["country"], "production_stage": ps, "HHI": H, "imports": imp,
                        "weighted_imports": a["weighted_imports"], "domestic_production": P,
                        "import_risk": risk, "score": score, "n_partners": a["n_partners"].astype("int64"),
                        "flag": flag})
    return out[COLUMNS].sort_values(["country", "mineral", "stage", "year"]).reset_index(drop=True)
