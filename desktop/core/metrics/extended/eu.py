"""EU supply risk SR (European Commission criticality methodology 2017 / CRMA 2023), METHODS §3.

For mineral m, year t and assessed country c (the EU's role):

    SR = [HHI_WGI,global × IR/2 + HHI_WGI,sourcing × (1 − IR/2)] × (1 − EoL-RIR) × SI_SR
    HHI_WGI = Σ_i S_i² × WGI_i × t_i                      (S_i shares 0..1)
    WGI_i   = clip((eu_wgi_offset − mean of the six WGI estimates) × eu_wgi_factor, 0, 10)
              = (2.5 − mean) × 2 by default: 0 = best governance, 10 = worst

* global: S_i = country i's share of world primary production (listed producers + OTHERS in the
  denominator; OTHERS has no WGI and no term).
* sourcing: the supply of c = its own primary production P_c plus its imports from each partner j
  (``trade_flows``, quantities as in geopolrisk.py); S_j = q_jc / (P_c + Σ_j q_jc), S_c = P_c / (…).
  The EU method uses EU sourcing from the actual supply of the stage assessed; here bilateral trade
  flows of the stage matching D (else the primary stage) stand in for it.
* IR = import reliance = D of the import-dependency core table (EU IR = (I − E)/(P + I − E), the same).
* EoL-RIR from the recycling table (recycled.eol_rir_for); missing → SR empty (``missing_eol_rir``)
  unless ``eu_missing_eol_rir_as_zero`` (flag ``eol_rir_assumed_0``).
* WGI of year t or the latest earlier year (``wgi_carried:<n>``); a producer without any WGI is left
  out of the sum and lowers ``coverage_global`` / ``coverage_sourcing`` (``missing_wgi:<n>``).

Simplifications: SI_SR = eu_substitution (default 1, no substitution), trade factor t =
eu_trade_factor for every country (default 1: no export restrictions / agreements), one stage per
mineral.  ``above_threshold`` = SR ≥ eu_sr_threshold (1).  The EU also requires economic importance
EI ≥ 2.8 for "critical"; EI is not computed here.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.dataset import WGI_INDICATORS
from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, count_flag, empty_frame, governance_for, governance_mean, join_flags, pick_stage, resolve_stage,
    trade_quantities, usable,
)
from desktop.core.metrics.extended.params import ExtendedParams
from desktop.core.metrics.extended.recycled import eol_rir_for

COLUMNS = ["mineral", "country", "year", "stage", "IR", "HHI_WGI_global", "HHI_WGI_sourcing", "eol_rir",
           "SR", "above_threshold", "coverage_global", "coverage_sourcing", "flag"]


def scaled_wgi(x: np.ndarray, params: ExtendedParams) -> np.ndarray:
    return np.clip((params.eu_wgi_offset - np.asarray(x, dtype=float)) * params.eu_wgi_factor, 0.0, 10.0)


def _weighted_hhi(sources: pd.DataFrame, keys: list[str], gov: pd.DataFrame, params: ExtendedParams) -> pd.DataFrame:
    """sources: keys + source country ``src`` + quantity ``q`` (OTHERS allowed: denominator only).

    Returns keys + hhi_wgi, coverage, n_missing, n_carried.
    """
    s = sources.reset_index(drop=True)
    total = s.groupby(keys)["q"].transform("sum")
    share = (s["q"] / total.where(total > 0)).to_numpy(dtype=float)
    listed = (s["src"] != OTHERS).to_numpy()
    w = governance_for(gov, s[["src", "year"]].rename(columns={"src": "country"}), carry=True)
    x = w["x"].to_numpy(dtype=float)
    wgi = scaled_wgi(x, params)
    has = listed & np.isfinite(x)
    gy = w["gov_year"].to_numpy(dtype=float)
    s = s.assign(_term=np.where(has, share * share * wgi * params.eu_trade_factor, 0.0),
                 _cov=np.where(has, share, 0.0), _listed=np.where(listed, share, 0.0),
                 _miss=listed & ~np.isfinite(x) & (share > 0),
                 _carry=has & np.isfinite(gy) & (gy < s["year"].to_numpy()))
    a = s.groupby(keys, as_index=False).agg(hhi_wgi=("_term", "sum"), cov=("_cov", "sum"), lst=("_listed", "sum"),
                                            n_missing=("_miss", "sum"), n_carried=("_carry", "sum"),
                                            total=("q", "sum"))
    ok = a["total"] > 0
    a["coverage"] = (a["cov"] / a["lst"].where(a["lst"] > 0)).where(ok)
    a["hhi_wgi"] = a["hhi_wgi"].where(ok & (a["cov"] > 0))
    return a[keys + ["hhi_wgi", "coverage", "n_missing", "n_carried"]]


def compute_eu_sr(production: pd.DataFrame | None, governance: pd.DataFrame | None,
                  dependency: pd.DataFrame | None, recycling: pd.DataFrame | None,
                  trade_flows: pd.DataFrame | None, params: ExtendedParams) -> pd.DataFrame:
    floats = ("IR", "HHI_WGI_global", "HHI_WGI_sourcing", "eol_rir", "SR", "coverage_global", "coverage_sourcing")
    if dependency is None or len(dependency) == 0 or production is None or len(production) == 0:
        return empty_frame(COLUMNS, floats=floats, bools=("above_threshold",))
    d = dependency[["mineral", "country", "year", "stage", "D"]].copy()
    d["stage"] = d["stage"].fillna("").astype(object)
    if params.assessed_countries:
        d = d[d["country"].isin(params.assessed_countries)]
    d = d.reset_index(drop=True)
    gov = governance_mean(governance, WGI_INDICATORS)

    # global: primary production shares
    p = pick_stage(usable(production, "quantity", ("mineral", "country", "year", "stage")), params.primary_stages)
    p = p[p["valid"] & (p["country"] != WORLD)]
    glob = _weighted_hhi(p.rename(columns={"country": "src", "quantity": "q"})[["mineral", "year", "src", "q"]],
                         ["mineral", "year"], gov, params)
    out = d.merge(glob.rename(columns={"hhi_wgi": "HHI_WGI_global", "coverage": "coverage_global",
                                       "n_missing": "g_miss", "n_carried": "g_carry"}),
                  on=["mineral", "year"], how="left")

    # sourcing: domestic primary production + bilateral imports
    t = trade_quantities(trade_flows)
    t = t[~t["dropped"]]
    if len(t):
        d_keys = out[["mineral", "country", "year", "stage"]].copy()
        d_keys["trade_stage"] = resolve_stage(d_keys, t, params.primary_stages + ("refinery",)).to_numpy()
        imp = t.rename(columns={"importer": "country", "stage": "trade_stage", "exporter": "src", "qty": "q"})
        imp = d_keys.merge(imp[["mineral", "year", "trade_stage", "country", "src", "q"]],
                           on=["mineral", "year", "trade_stage", "country"], how="inner")
        dom = p[["mineral", "year", "country", "quantity"]].rename(columns={"quantity": "q"})
        dom = d_keys.merge(dom, on=["mineral", "year", "country"], how="inner").assign(src=lambda f: f["country"])
        keys = ["mineral", "country", "year", "stage"]
        has_imports = imp[keys].drop_duplicates()
        dom = dom.merge(has_imports, on=keys, how="inner")   # sourcing needs trade data
        src = pd.concat([imp[keys + ["src", "q"]], dom[keys + ["src", "q"]]], ignore_index=True)
        sour = _weighted_hhi(src, keys, gov, params)
        out = out.merge(sour.rename(columns={"hhi_wgi": "HHI_WGI_sourcing", "coverage": "coverage_sourcing",
                                             "n_missing": "s_miss", "n_carried": "s_carry"}), on=keys, how="left")
    else:
        out = out.assign(HHI_WGI_sourcing=np.nan, coverage_sourcing=np.nan, s_miss=0, s_carry=0)

    e = eol_rir_for(recycling, out)
    eol = e["eol_rir"].to_numpy(dtype=float)
    assumed = ~np.isfinite(eol) & bool(params.eu_missing_eol_rir_as_zero)
    eol_used = np.where(assumed, 0.0, eol)
    ir = out["D"].to_numpy(dtype=float)
    hg = out["HHI_WGI_global"].to_numpy(dtype=float)
    hs = out["HHI_WGI_sourcing"].to_numpy(dtype=float)
    sr = (hg * ir / 2 + hs * (1 - ir / 2)) * (1 - eol_used) * params.eu_substitution
    flag = join_flags(len(out), [
        ("missing_IR", ~np.isfinite(ir)), ("missing_global", ~np.isfinite(hg)),
        ("no_sourcing_data", ~np.isfinite(hs)), ("missing_eol_rir", ~np.isfinite(eol) & ~assumed),
        ("eol_rir_assumed_0", assumed),
        count_flag("missing_wgi", out["g_miss"].fillna(0).to_numpy(dtype=float)
               + out["s_miss"].fillna(0).to_numpy(dtype=float)),
        count_flag("wgi_carried", out["g_carry"].fillna(0).to_numpy(dtype=float)
               + out["s_carry"].fillna(0).to_numpy(dtype=float)),
    ])
    res = pd.DataFrame({"mineral": out["mineral"], "country": out["country"], "year": out["year"].astype("int64"),
                        "stage": out["stage"], "IR": ir, "HHI_WGI_global": hg, "HHI_WGI_sourcing": hs,
                        "eol_rir": eol_used, "SR": sr,
                        "above_threshold": np.isfinite(sr) & (sr >= params.eu_sr_threshold),
                        "coverage_global": out["coverage_global"].to_numpy(dtype=float),
                        "coverage_sourcing": out["coverage_sourcing"].to_numpy(dtype=float), "flag": flag})
    return res[COLUMNS].sort_values(["country", "mineral", "stage", "year"]).reset_index(drop=True)
