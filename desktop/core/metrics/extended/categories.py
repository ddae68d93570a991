"""Supply-security category of an assessed country (四类供应安全格局), METHODS §3.

Inputs per (mineral, country, year): import dependency D (core table), the
country's share of world primary production ``s_P`` and of world reserves
``s_R`` (reserves from the nearest year, flag ``reserves_year:<y>``), and the
mineral's supply risk R (the row of D's stage, else the primary stage, flag
``R_stage:<stage>``).  Rules, first match wins (thresholds in ExtendedParams):

1. ``domestic_advantage`` (国内优势型): s_P ≥ domestic_production_high and
   s_R ≥ domestic_reserves_high (s_R unknown → production alone, flag ``reserves_unknown``)
   and D < d_high (a large producer that still imports most of its supply is not an advantage);
2. ``low_risk`` (低风险型): D < d_high — a domestic base, import dependence under control;
3. ``dependent_diversified`` (高依赖-风险可控型): D ≥ d_high and R < r_high — dependent,
   but sources diversified / governance good;
4. ``dependent_high_risk`` (高依赖-高风险型): D ≥ d_high and R ≥ r_high — (almost) no domestic
   capacity and concentrated, risky supply.  The explanation says whether s_P < domestic_production_low.

D empty → no category (flag ``missing_D``); rule 3/4 needs R (flag ``missing_R``).  A country
absent from the production table has s_P empty (flag ``no_domestic_production_row``) and is
treated as below every production threshold.  When every R of the analysis is equal (one mineral
and year), min-max makes R = 0: flag ``R_minmax_constant``.  ``explanation`` / ``explanation_zh`` say in one
sentence why, with the numbers and thresholds used.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, empty_frame, join_flags, merge_nearest_year, pick_stage, resolve_stage, usable, years_text,
)
from desktop.core.metrics.extended.params import ExtendedParams

CATEGORIES = {
    "domestic_advantage": (1, "Domestic advantage", "国内优势型"),
    "low_risk": (2, "Low risk", "低风险型"),
    "dependent_diversified": (3, "High dependence, risk under control", "高依赖、风险可控型"),
    "dependent_high_risk": (4, "High dependence, high supply risk", "高依赖、高风险型"),
}
COLUMNS = ["mineral", "country", "year", "stage", "D", "R", "production_share", "reserves_share", "category",
           "category_no", "label", "label_zh", "explanation", "explanation_zh", "flag"]


def _pct(x: np.ndarray) -> np.ndarray:
    return np.array(["n/a" if not np.isfinite(v) else f"{v * 100:.0f}%" for v in x], dtype=object)


def _num(x: np.ndarray) -> np.ndarray:
    return np.array(["n/a" if not np.isfinite(v) else f"{v:.2f}" for v in x], dtype=object)


def country_shares(p: pd.DataFrame, value: str, keys: tuple[str, ...]) -> pd.DataFrame:
    """Each listed country's share of the world (listed + OTHERS; WORLD rows ignored).

    ``p`` is a :func:`_base.usable` frame (``value`` NaN where not usable, ``valid``).
    """
    p = p[p["country"] != WORLD]
    q = p[value].where(p["valid"], 0.0)
    total = q.groupby([p[k] for k in keys]).transform("sum")
    p = p.assign(share=(q / total.where(total > 0)).where(p["valid"]))
    return p[p["country"] != OTHERS][list(keys) + ["country", "share"]]


def compute_categories(dependency: pd.DataFrame | None, production: pd.DataFrame | None,
                       reserves: pd.DataFrame | None, supply_risk: pd.DataFrame | None,
                       params: ExtendedParams) -> pd.DataFrame:
    if dependency is None or len(dependency) == 0:
        return empty_frame(COLUMNS, floats=("D", "R", "production_share", "reserves_share"),
                           ints=("year", "category_no"))
    d = dependency[["mineral", "country", "year", "stage", "D"]].copy()
    d["stage"] = d["stage"].fillna("").astype(object)
    if params.assessed_countries:
        d = d[d["country"].isin(params.assessed_countries)]
    d = d.reset_index(drop=True)
    n = len(d)

    # R: same stage as D when the supply-risk table has it, else the primary stage
    if supply_risk is not None and len(supply_risk):
        r_stage = resolve_stage(d, supply_risk, params.primary_stages)
        rr = d[["mineral", "year"]].assign(stage=r_stage.to_numpy()).merge(
            supply_risk[["mineral", "year", "stage", "R"]].assign(
                _rconst=supply_risk["flag"].fillna("").astype(str).str.contains(r"(?:^|;)constant(?:;|$)")
                if "flag" in supply_risk else False),
            on=["mineral", "year", "stage"], how="left")
        R = rr["R"].to_numpy(dtype=float)
        r_const = rr["_rconst"].eq(True).to_numpy() & np.isfinite(R)
        r_note = np.where((r_stage.to_numpy(dtype=object) != d["stage"].to_numpy(dtype=object))
                          & r_stage.notna().to_numpy() & np.isfinite(R),
                          "R_stage:" + r_stage.fillna("").astype(str).replace("", "unspecified").to_numpy(dtype=object),
                          "")
    else:
        R = np.full(n, np.nan)
        r_note = np.full(n, "", dtype=object)
        r_const = np.zeros(n, dtype=bool)

    # domestic share of world primary production (same year)
    if production is not None and len(production):
        prim = pick_stage(usable(production, "quantity", ("mineral", "country", "year", "stage")),
                          params.primary_stages)
        ps = country_shares(prim, "quantity", ("mineral", "year"))
        sp = d[["mineral", "country", "year"]].merge(ps, on=["mineral", "country", "year"], how="left")["share"]
        sP = sp.to_numpy(dtype=float)
    else:
        sP = np.full(n, np.nan)
    # domestic share of world reserves (nearest year)
    if reserves is not None and len(reserves):
        rs = country_shares(usable(reserves, "reserves", ("mineral", "country", "year")), "reserves",
                            ("mineral", "year"))
        m = merge_nearest_year(d[["mineral", "country", "year"]], rs, by=["mineral", "country"],
                               value_cols=["share"], direction="nearest", suffix_year="res_year")
        sR = m["share"].to_numpy(dtype=float)
        res_note = years_text("reserves_year", m["res_year"], m["year"])
    else:
        sR = np.full(n, np.nan)
        res_note = np.full(n, "", dtype=object)

    D = d["D"].to_numpy(dtype=float)
    hasD = np.isfinite(D)
    sP0 = np.where(np.isfinite(sP), sP, 0.0)
    big_p = sP0 >= params.domestic_production_high
    big_r = np.where(np.isfinite(sR), sR >= params.domestic_reserves_high, True)
    c1 = hasD & big_p & big_r & (D < params.d_high)
    c2 = hasD & ~c1 & (D < params.d_high)
    dep = hasD & ~c1 & ~c2
    c3 = dep & np.isfinite(R) & (R < params.r_high)
    c4 = dep & np.isfinite(R) & (R >= params.r_high)
    cat = np.select([c1, c2, c3, c4], list(CATEGORIES), default="")
    no = np.select([c1, c2, c3, c4], [1, 2, 3, 4], default=0)

    cc = d["country"].astype(str).to_numpy(dtype=object)
    pD, pP, pR, nR = _pct(D), _pct(sP), _pct(sR), _num(R)
    th = params
    low_cap = sP0 < th.domestic_production_low
    en = np.full(n, "", dtype=object)
    zh = np.full(n, "", dtype=object)
    dh, ph, rh, pl = f"{th.d_high * 100:.0f}%", f"{th.domestic_production_high * 100:.0f}%", \
        f"{th.domestic_reserves_high * 100:.0f}%", f"{th.domestic_production_low * 100:.0f}%"
    res_en = np.where(np.isfinite(sR), "and holds " + pR + " of world reserves (threshold " + rh + ")",
                      "(reserves unknown, production alone decides)")
    res_zh = np.where(np.isfinite(sR), "，储量占世界 " + pR + "（阈值 " + rh + "）", "（储量未知，仅按产量判断）")
    en[c1] = (cc + " produces " + pP + " of world primary production (threshold " + ph + ") "
              + res_en + ", import dependency " + pD + ": large domestic reserves and production.")[c1]
    zh[c1] = (cc + " 产量占世界原生产量 " + pP + "（阈值 " + ph + "）" + res_zh + "，对外依存度 " + pD
              + "：国内储量和产量规模大。")[c1]
    en[c2] = (cc + " imports " + pD + " of its supply (D below " + dh + "), with " + pP
              + " of world production: a domestic base, import dependence under control.")[c2]
    zh[c2] = (cc + " 对外依存度 " + pD + "（低于 " + dh + "），产量占世界 " + pP + "：国内有基础，进口依赖可控。")[c2]
    en[c3] = (cc + " imports " + pD + " of its supply (D at or above " + dh + ") but supply risk R = " + nR
              + " is below " + f"{th.r_high:g}"
              + ": dependent, external risk under control through diversified sources.")[c3]
    zh[c3] = (cc + " 对外依存度 " + pD + "（不低于 " + dh + "），但供应风险 R = " + nR + " 低于 " + f"{th.r_high:g}"
              + "：高度依赖进口，来源多元、外部风险可控。")[c3]
    cap_en = np.where(low_cap, "almost no domestic capacity (" + pP + " of world production, below " + pl + ")",
                      "domestic production " + pP + " of world")
    cap_zh = np.where(low_cap, "国内几乎没有产能（产量占世界 " + pP + "，低于 " + pl + "）", "国内产量占世界 " + pP)
    en[c4] = (cc + " imports " + pD + " of its supply (D at or above " + dh + ") and supply risk R = " + nR
              + " is at or above " + f"{th.r_high:g}" + "; " + cap_en + ": high dependence and high supply risk.")[c4]
    zh[c4] = (cc + " 对外依存度 " + pD + "（不低于 " + dh + "），供应风险 R = " + nR + " 不低于 " + f"{th.r_high:g}"
              + "；" + cap_zh + "：高度依赖且供应风险高。")[c4]
    none = cat == ""
    en[none & ~hasD] = "No category: import dependency D is empty."
    zh[none & ~hasD] = "无法分类：对外依存度为空。"
    en[none & hasD] = "No category: D is at or above the threshold but supply risk R is empty."
    zh[none & hasD] = "无法分类：对外依存度高但供应风险 R 为空。"

    flag = join_flags(n, [("missing_D", ~hasD), ("missing_R", dep & ~np.isfinite(R)),
                          ("no_domestic_production_row", ~np.isfinite(sP)),
                          ("reserves_unknown", c1 & ~np.isfinite(sR)), res_note, r_note,
                          ("R_minmax_constant", r_const)])
    label = np.array([CATEGORIES[c][1] if c else "" for c in cat], dtype=object)
    label_zh = np.array([CATEGORIES[c][2] if c else "" for c in cat], dtype=object)
    out = pd.DataFrame({"mineral": d["mineral"], "country": d["country"], "year": d["year"].astype("int64"),
                        "stage": d["stage"], "D": D, "R": R, "production_share": sP, "reserves_share": sR,
                        "category": cat, "category_no": no.astype("int64"), "label": label, "label_zh": label_zh,
                        "explanation": en, "explanation_zh": zh, "flag": flag})
    return out[COLUMNS].sort_values(["country", "mineral", "year", "stage"]).reset_index(drop=True)
