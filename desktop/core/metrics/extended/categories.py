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

from desktop.core.distinct import map_unique
from desktop.core.metrics.groups import Groups, Key, key_of
from desktop.core.metrics.states import text_column
from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, codes_in, dependency_rows, empty_frame, join_flags, resolve_stage_codes, usable,
    years_text,
)
from desktop.core.metrics.extended.kernels import asof_index, index_of
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended_params import ExtendedParams

CATEGORIES = {
    "domestic_advantage": (1, "Domestic advantage", "国内优势型"),
    "low_risk": (2, "Low risk", "低风险型"),
    "dependent_diversified": (3, "High dependence, risk under control", "高依赖、风险可控型"),
    "dependent_high_risk": (4, "High dependence, high supply risk", "高依赖、高风险型"),
}
COLUMNS = ["mineral", "country", "year", "stage", "D", "R", "production_share", "reserves_share", "category",
           "category_no", "label", "label_zh", "explanation", "explanation_zh", "flag"]


def _pct(x: np.ndarray) -> np.ndarray:
    """f"{v * 100:.0f}%" per value ('n/a' when not finite), formatted once per distinct rounded value."""
    x = np.asarray(x, dtype=float)
    if len(x) == 0:
        return np.zeros(0, dtype=object)
    key = _pct_key(x)
    codes, uniq = pd.factorize(key)
    first = np.unique(codes, return_index=True)[1]
    texts = np.array(["n/a" if not np.isfinite(v) else f"{v * 100:.0f}%" for v in x[first]], dtype=object)
    return texts[codes]


def _num(x: np.ndarray) -> np.ndarray:
    """f"{v:.2f}" per value ('n/a' when not finite), formatted once per distinct text.

    A value ≥ 0 whose v·100 is not within 1e-6 of a rounding boundary (…​.5) has the text of its
    rounded hundredths, so those values are grouped by that integer and one of each is formatted;
    the rest (negative, huge or near a boundary) are formatted one by one."""
    x = np.asarray(x, dtype=float)
    if len(x) == 0:
        return np.zeros(0, dtype=object)
    with np.errstate(invalid="ignore", over="ignore"):
        h = x * 100.0
        j = np.rint(h)
        simple = np.isfinite(h) & ~np.signbit(x) & (h < 1e15) & (np.abs(np.abs(h - np.floor(h)) - 0.5) > 1e-6)
    key = np.where(simple, j, -1.0).astype(np.int64)
    codes, uniq = pd.factorize(key)
    first = np.unique(codes, return_index=True)[1]
    texts = np.array([f"{v:.2f}" for v in x[first]], dtype=object)
    out = texts[codes]
    odd = np.flatnonzero(~simple)
    if len(odd):
        out[odd] = [("n/a" if not np.isfinite(v) else f"{v:.2f}") for v in x[odd]]
    return out


def reserve_shares(r: pd.DataFrame) -> dict:
    """Each listed country's share of world reserves per (mineral, year): listed countries + OTHERS in
    the denominator, WORLD rows ignored.  ``r`` is a :func:`_base.usable` frame of the reserves.

    Returns the listed rows (not WORLD, not OTHERS) as arrays: m / c (codes into ``minerals`` /
    ``countries``), year and share (NaN where the cell is not usable or the total is 0)."""
    m, minerals = key_of(r["mineral"])
    c, countries = key_of(r["country"])
    year = r["year"].to_numpy(dtype=np.int64)
    valid = r["valid"].to_numpy(dtype=bool)
    world, others = (np.isin(countries, [name])[c] for name in (WORLD, OTHERS))
    q = np.where(valid & ~world, r["reserves"].to_numpy(dtype=float), 0.0)
    lo = int(year.min()) if len(year) else 0
    span = int(year.max()) - lo + 1 if len(year) else 1
    group = m * span + (year - lo)
    total = np.bincount(group, weights=q, minlength=len(minerals) * span)[group]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(valid & (total > 0), q / np.where(total > 0, total, 1.0), np.nan)
    keep = np.flatnonzero(~world & ~others)
    return {"m": m[keep], "c": c[keep], "year": year[keep], "share": share[keep], "minerals": minerals,
            "countries": countries}


def compute_categories(dependency: pd.DataFrame | None, production: pd.DataFrame | None,
                       reserves: pd.DataFrame | None, supply_risk: pd.DataFrame | None,
                       params: ExtendedParams, ctx=None) -> pd.DataFrame:
    """The supply-security category of each import-dependency row of the assessed countries.

    Rules, first match wins: ``domestic_advantage`` (s_P ≥ domestic_production_high, s_R ≥
    domestic_reserves_high or unknown, D < d_high), ``low_risk`` (D < d_high), ``dependent_diversified``
    (D ≥ d_high, R < r_high), ``dependent_high_risk`` (D ≥ d_high, R ≥ r_high); see the module docstring.

    Parameters
    ----------
    dependency : DataFrame or None
        The core import-dependency table (mineral, country, year, stage, D).  None or empty gives the
        empty table.
    production : DataFrame or None
        The canonical production table (the country's share s_P of world primary production, same year).
    reserves : DataFrame or None
        The canonical reserves table (the share s_R of world reserves, nearest year).
    supply_risk : DataFrame or None
        The core supply-risk table (R of D's stage, else the primary stage).
    params : ExtendedParams
        ``assessed_countries`` (empty = every country with import dependency), ``primary_stages``, ``d_high``,
        ``r_high``, ``domestic_production_high``, ``domestic_reserves_high`` and ``domestic_production_low``.
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, country, year, stage, D, R, production_share, reserves_share, category ('' when none),
        category_no (1–4, 0 when none), label, label_zh, explanation, explanation_zh and flag, sorted by
        country, mineral, year and stage.  Flags: ``missing_D``, ``missing_R``, ``no_domestic_production_row``,
        ``reserves_unknown``, ``reserves_year:<y>``, ``R_stage:<stage>``, ``R_minmax_constant``.
    """
    if dependency is None or len(dependency) == 0:
        return empty_frame(COLUMNS, floats=("D", "R", "production_share", "reserves_share"),
                           ints=("year", "category_no"))
    dv = dependency_rows(dependency, params.assessed_countries, ["country", "mineral", "year", "stage"])
    n = dv["n"]
    d_mineral, d_country, d_stage, d_year = dv["mineral"], dv["country"], dv["stage"], dv["year"]

    # R: same stage as D when the supply-risk table has it, else the primary stage
    R = np.full(n, np.nan)
    r_note = np.full(n, "", dtype=object)
    r_const = np.zeros(n, dtype=bool)
    if supply_risk is not None and len(supply_risk):
        sm, mins = key_of(text_column(supply_risk, "mineral"))
        ss, stg = key_of(text_column(supply_risk, "stage"))
        sy = supply_risk["year"].to_numpy(dtype=np.int64)
        have = np.zeros((len(mins), len(stg)), dtype=bool)
        have[sm, ss] = True
        dm, ds = codes_in(dv, mins, "mineral"), codes_in(dv, stg, "stage")
        used = resolve_stage_codes(dm, ds, have, stg, params.primary_stages)
        y_lo = int(min(sy.min(), d_year.min()))
        span = int(max(sy.max(), d_year.max())) - y_lo + 1
        key_s = (sm * span + (sy - y_lo)) * len(stg) + ss
        rconst = _has_flag(supply_risk["flag"], "constant") if "flag" in supply_risk \
            else np.zeros(len(supply_risk), dtype=bool)
        ok = used >= 0
        key_d = (np.where(ok, dm, 0) * span + (d_year - y_lo)) * len(stg) + np.where(ok, used, 0)
        # an exact-key lookup (the year is in the key): asof_index with every "year" 0
        pos = asof_index(key_d[ok], np.zeros(int(ok.sum())), key_s, np.zeros(len(key_s)), "backward") \
            if ok.any() else np.zeros(0, dtype=np.int64)
        hit = np.full(n, -1, dtype=np.int64)
        hit[ok] = pos
        found = hit >= 0
        R[found] = supply_risk["R"].to_numpy(dtype=float)[hit[found]]
        r_const = np.zeros(n, dtype=bool)
        r_const[found] = rconst[hit[found]]
        r_const &= np.isfinite(R)
        diff = ok & (used != np.where(ds >= 0, ds, -2)) & np.isfinite(R)
        if diff.any():
            labels = np.array(["R_stage:" + (str(x) if str(x) else "unspecified") for x in stg], dtype=object)
            r_note[diff] = labels[used[diff]]

    # domestic share of world primary production (same year)
    sP = np.full(n, np.nan)
    ctx = ctx if ctx is not None else (production_context(production) if production is not None else None)
    if ctx is not None:
        dm, dc = codes_in(dv, ctx.mineral_ids, "mineral"), codes_in(dv, ctx.country_ids, "country")
        dy = ctx.year_offsets(d_year)
        ok = (dm >= 0) & (dc >= 0) & (dy >= 0)
        if ok.any():
            rows = ctx.primary_rows(params.primary_stages) & ~ctx.others
            sP[ok] = ctx.cell_sum(ctx.share, rows, dm[ok], dc[ok], dy[ok])
    # domestic share of world reserves (nearest year)
    sR = np.full(n, np.nan)
    res_note = np.full(n, "", dtype=object)
    if reserves is not None and len(reserves):
        rs = reserve_shares(usable(reserves, "reserves", ("mineral", "country", "year")))
        # the reserve rows in the code space of the dependency rows (-1: a mineral or country D lacks)
        mpos = index_of(dv["mineral_cats"], rs["minerals"])[rs["m"]]
        cpos = index_of(dv["country_cats"], rs["countries"])[rs["c"]]
        nd = len(dv["country_cats"])
        on = np.flatnonzero((mpos >= 0) & (cpos >= 0))
        if len(on):
            ry = rs["year"][on]
            hit = asof_index(dv["mineral_code"] * nd + dv["country_code"], d_year, mpos[on] * nd + cpos[on], ry,
                             "nearest")
            found = hit >= 0
            sR[found] = rs["share"][on][hit[found]]
            used_year = np.full(n, np.nan)
            used_year[found] = ry[hit[found]]
            res_note = years_text("reserves_year", pd.Series(used_year), pd.Series(d_year))

    D = dv["D"]
    hasD = np.isfinite(D)
    sP0 = np.where(np.isfinite(sP), sP, 0.0)
    big_p = sP0 >= params.domestic_production_high
    big_r = np.where(np.isfinite(sR), sR >= params.domestic_reserves_high, True)
    c1 = hasD & big_p & big_r & (params.d_high > D)
    c2 = hasD & ~c1 & (params.d_high > D)
    dep = hasD & ~c1 & ~c2
    c3 = dep & np.isfinite(R) & (params.r_high > R)
    c4 = dep & np.isfinite(R) & (params.r_high <= R)
    no = np.select([c1, c2, c3, c4], [1, 2, 3, 4], default=0).astype(np.int64)
    names = np.array([""] + list(CATEGORIES), dtype=object)
    cat = names[no]
    label = np.array([""] + [v[1] for v in CATEGORIES.values()], dtype=object)[no]
    label_zh = np.array([""] + [v[2] for v in CATEGORIES.values()], dtype=object)[no]
    en, zh = _explanations(d_country, D, sP, sR, R, no, hasD, params, dv["country_code"])

    flag = join_flags(n, [("missing_D", ~hasD), ("missing_R", dep & ~np.isfinite(R)),
                          ("no_domestic_production_row", ~np.isfinite(sP)),
                          ("reserves_unknown", c1 & ~np.isfinite(sR)), res_note, r_note,
                          ("R_minmax_constant", r_const)])
    out = pd.DataFrame({"mineral": d_mineral, "country": d_country, "year": d_year, "stage": d_stage, "D": D, "R": R,
                        "production_share": sP, "reserves_share": sR, "category": cat, "category_no": no,
                        "label": label, "label_zh": label_zh, "explanation": en, "explanation_zh": zh, "flag": flag},
                       columns=COLUMNS, copy=False)
    return out


def _has_flag(flags: pd.Series, name: str) -> np.ndarray:
    """Row mask: the ';'-joined flag text holds ``name`` (looked at once per distinct text)."""
    return map_unique(flags, lambda u: isinstance(u, str) and name in u.split(";")).to_numpy(dtype=bool)


def _pct_key(x: np.ndarray) -> np.ndarray:
    """An integer per value with equal integers ⇔ equal ``_pct`` text (rounded percent, 'n/a', '-0%')."""
    with np.errstate(invalid="ignore"):
        r = np.rint(x * 100)
    fin = np.isfinite(r)
    k = np.where(fin, np.clip(np.where(fin, r, 0), -1e15, 1e15), 0).astype(np.int64) * 2
    k = np.where(fin & np.signbit(r) & (r == 0), 1, k)           # '-0%'
    return np.where(fin, k, np.iinfo(np.int64).min)


def _explanations(cc, D, sP, sR, R, no, hasD, th, cc_codes=None) -> tuple[np.ndarray, np.ndarray]:
    """English and Chinese sentence per row, built once per distinct combination of the pieces.

    ``cc_codes``: integer codes of ``cc`` (equal codes ⇔ equal text) when the caller has them.
    """
    n = len(no)
    if n == 0:
        return np.zeros(0, dtype=object), np.zeros(0, dtype=object)
    sP0 = np.where(np.isfinite(sP), sP, 0.0)
    low_cap = sP0 < th.domestic_production_low
    # the pieces each category's sentence uses (others set to 0 so they do not split combinations)
    pD, pP, pR = _pct_key(D), _pct_key(sP), _pct_key(sR)
    rc, ru = pd.factorize(R)                                  # R repeats per mineral-year: format each once
    r_txt = np.append(_num(np.asarray(ru, dtype=float)), "n/a").astype(object)   # code -1 (NaN) → 'n/a'
    nR = np.append(pd.factorize(r_txt[:-1])[0], -1)[rc] if len(ru) else np.full(n, -1)
    ccc = pd.factorize(np.asarray(cc, dtype=object))[0] if cc_codes is None else np.asarray(cc_codes)
    # (part, is a small non-negative int code that needs no factorising)
    parts = [(no, True), (np.where(no == 0, hasD, 0), True), (np.where(no > 0, ccc, 0), True),
             (np.where(no > 0, pD, 0), False), (np.where((no == 1) | (no == 2) | (no == 4), pP, 0), False),
             (np.where(no == 1, pR, 0), False), (np.where(no >= 3, nR + 1, 0), True),
             (np.where(no == 4, low_cap, 0), True)]
    coded = {}
    for at, (p, small) in enumerate(parts):
        p = np.asarray(p, dtype=np.int64)
        if small and p.min() >= 0:
            coded[f"part{at}"] = Key(codes=p, labels=np.arange(int(p.max()) + 1))
        else:
            codes, uniq = pd.factorize(p)
            coded[f"part{at}"] = Key(codes=codes.astype(np.int64), labels=np.asarray(uniq))
    combinations = Groups.of(**coded)
    inv, first = combinations.ids, combinations.first_rows()
    en, zh = _explain_rows(np.asarray(cc, dtype=object)[first], D[first], sP[first], sR[first], R[first],
                           no[first], hasD[first], th, r_txt[rc[first]])
    return en[inv], zh[inv]


def _explain_rows(cc, D, sP, sR, R, no, hasD, th, r_text=None) -> tuple[np.ndarray, np.ndarray]:
    """The sentences of the rows given; each template is filled only for the rows of its category.

    ``r_text``: ``_num(R)`` when the caller has it already."""
    n = len(no)
    cc = np.asarray(cc, dtype=object)
    if pd.api.types.infer_dtype(cc, skipna=False) != "string":
        cc = np.array([str(x) for x in cc], dtype=object)
    pD, pP, pR = _pct(D), _pct(sP), _pct(sR)
    nR = _num(R) if r_text is None else r_text
    sP0 = np.where(np.isfinite(sP), sP, 0.0)
    low_cap = sP0 < th.domestic_production_low
    en = np.full(n, "", dtype=object)
    zh = np.full(n, "", dtype=object)
    dh, ph, rh, pl = f"{th.d_high * 100:.0f}%", f"{th.domestic_production_high * 100:.0f}%", \
        f"{th.domestic_reserves_high * 100:.0f}%", f"{th.domestic_production_low * 100:.0f}%"
    rg = f"{th.r_high:g}"
    for i in np.flatnonzero(no == 1):
        known = np.isfinite(sR[i])
        res_en = f"and holds {pR[i]} of world reserves (threshold {rh})" if known else \
            "(reserves unknown, production alone decides)"
        res_zh = f"，储量占世界 {pR[i]}（阈值 {rh}）" if known else "（储量未知，仅按产量判断）"
        en[i] = (f"{cc[i]} produces {pP[i]} of world primary production (threshold {ph}) {res_en}, "
                 f"import dependency {pD[i]}: large domestic reserves and production.")
        zh[i] = f"{cc[i]} 产量占世界原生产量 {pP[i]}（阈值 {ph}）{res_zh}，对外依存度 {pD[i]}：国内储量和产量规模大。"
    i2 = np.flatnonzero(no == 2)
    en[i2] = [f"{c} imports {d} of its supply (D below {dh}), with {p} of world production: a domestic base, "
              "import dependence under control." for c, d, p in zip(cc[i2], pD[i2], pP[i2])]
    zh[i2] = [f"{c} 对外依存度 {d}（低于 {dh}），产量占世界 {p}：国内有基础，进口依赖可控。"
              for c, d, p in zip(cc[i2], pD[i2], pP[i2])]
    i3 = np.flatnonzero(no == 3)
    en[i3] = [f"{c} imports {d} of its supply (D at or above {dh}) but supply risk R = {r} is below {rg}: "
              "dependent, external risk under control through diversified sources."
              for c, d, r in zip(cc[i3], pD[i3], nR[i3])]
    zh[i3] = [f"{c} 对外依存度 {d}（不低于 {dh}），但供应风险 R = {r} 低于 {rg}：高度依赖进口，来源多元、外部风险可控。"
              for c, d, r in zip(cc[i3], pD[i3], nR[i3])]
    i4 = np.flatnonzero(no == 4)
    cap_en = [f"almost no domestic capacity ({p} of world production, below {pl})" if low else
              f"domestic production {p} of world" for p, low in zip(pP[i4], low_cap[i4])]
    cap_zh = [f"国内几乎没有产能（产量占世界 {p}，低于 {pl}）" if low else f"国内产量占世界 {p}"
              for p, low in zip(pP[i4], low_cap[i4])]
    en[i4] = [f"{c} imports {d} of its supply (D at or above {dh}) and supply risk R = {r} is at or above {rg}; "
              f"{cap}: high dependence and high supply risk." for c, d, r, cap in zip(cc[i4], pD[i4], nR[i4], cap_en)]
    zh[i4] = [f"{c} 对外依存度 {d}（不低于 {dh}），供应风险 R = {r} 不低于 {rg}；{cap}：高度依赖且供应风险高。"
              for c, d, r, cap in zip(cc[i4], pD[i4], nR[i4], cap_zh)]
    none = no == 0
    en[none & ~hasD] = "No category: import dependency D is empty."
    zh[none & ~hasD] = "无法分类：对外依存度为空。"
    en[none & hasD] = "No category: D is at or above the threshold but supply risk R is empty."
    zh[none & hasD] = "无法分类：对外依存度高但供应风险 R 为空。"
    return en, zh
