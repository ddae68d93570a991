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

from desktop.core.metrics.groups import dense_codes, key_of, mixed_key
from desktop.core.metrics.extended._base import (
    count_flag, empty_frame, governance_mean, join_flags, resolve_stage_codes, sort_by, trade_quantities,
)
from desktop.core.metrics.extended.kernels import CarriedTable, index_of, key_lookup
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended_params import ExtendedParams

COLUMNS = ["mineral", "year", "stage", "country", "production_stage", "HHI", "imports", "weighted_imports",
           "domestic_production", "import_risk", "score", "n_partners", "flag"]


def pv_weight(pv: np.ndarray, params: ExtendedParams) -> np.ndarray:
    """g = clamp((bound − PV) / span, 0, 1); pv_missing where PV is empty."""
    pv = np.asarray(pv, dtype=float)
    g = np.clip((params.pv_bound - pv) / params.pv_span, 0.0, 1.0)
    return np.where(np.isfinite(pv), g, params.pv_missing)


def compute_geopolrisk(trade_flows: pd.DataFrame | None, production: pd.DataFrame | None,
                       governance: pd.DataFrame | None, params: ExtendedParams, ctx=None,
                       quantities: pd.DataFrame | None = None, pv_mean: pd.DataFrame | None = None) -> pd.DataFrame:
    """The GeoPolRisk score per (mineral, year, stage, importing country).

    score = HHI × Σ_j (q_jc · g_j) / (Σ_j q_jc + P_c), with g_j = clamp((pv_bound − PV_j) / pv_span, 0, 1)
    (:func:`pv_weight`) and P_c = 0 when the country has no production row (see the module docstring).

    Parameters
    ----------
    trade_flows : DataFrame or None
        The bilateral ``trade_flows`` table (mineral, year, stage, exporter, importer, value_kusd,
        quantity_t).  No flows give the empty table.
    production : DataFrame or None
        The canonical production table (HHI and domestic production); None (and no ``ctx``): HHI empty.
    governance : DataFrame or None
        The WGI governance table (the partners' ``PV`` estimates).
    params : ExtendedParams
        ``assessed_countries`` (the importers kept; empty = every importer), ``pv_bound``, ``pv_span``,
        ``pv_missing``, ``pv_carry_forward`` and ``primary_stages``.
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.
    quantities : DataFrame, optional
        :func:`trade_quantities` of ``trade_flows``, when the caller has it.
    pv_mean : DataFrame, optional
        :func:`governance_mean` of ``governance`` over PV, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, year, stage, country, production_stage, HHI, imports, weighted_imports, domestic_production,
        import_risk, score, n_partners and flag, sorted by country, mineral, stage and year.  Flags:
        ``missing_HHI``, ``no_domestic_production_row``, ``no_supply``, ``production_stage:<s>``,
        ``quantity_from_value:<n>``, ``flows_dropped:<n>``, ``pv_missing:<n>``, ``pv_carried:<n>``.
    """
    floats = ("HHI", "imports", "weighted_imports", "domestic_production", "import_risk", "score")
    t = trade_quantities(trade_flows) if quantities is None else quantities
    if len(t) == 0:
        return empty_frame(COLUMNS, floats=floats, ints=("year", "n_partners"))
    if params.assessed_countries:
        t = t[t["importer"].isin(params.assessed_countries)]
    dropped = t["dropped"].to_numpy(dtype=bool)
    # integer codes of the flows (kept and dropped share one key space)
    mc, mins = key_of(t["mineral"])
    sc, stg = key_of(t["stage"])
    ic, imps = key_of(t["importer"])
    ec, exps = key_of(t["exporter"])
    year = t["year"].to_numpy(dtype=np.int64)
    if len(year) == 0:
        return empty_frame(COLUMNS, floats=floats, ints=("year", "n_partners"))
    yo = year - year.min()
    # one key per (mineral, year, stage, importer), sorted in that order
    key = mixed_key([(mc, len(mins)), (yo, int(yo.max()) + 1), (sc, len(stg)), (ic, len(imps))])
    keep = ~dropped
    ug, gi = dense_codes(key[keep])
    n = len(ug)
    if n == 0:
        return empty_frame(COLUMNS, floats=floats, ints=("year", "n_partners"))
    first = np.flatnonzero(keep)[np.unique(gi, return_index=True)[1]]      # a flow of each group
    qty = t["qty"].to_numpy(dtype=float)[keep]
    # partner political stability, carried forward when allowed
    pv_values = governance_mean(governance, ("PV",)) if pv_mean is None else pv_mean
    ex_index = pd.Index(exps, dtype=object)
    table = CarriedTable(pv_values, ex_index, year[keep], carry=params.pv_carry_forward)
    x, gy = table.lookup(ec[keep], year[keep])
    g = pv_weight(x, params)
    imports = np.bincount(gi, weights=qty, minlength=n)
    weighted = np.bincount(gi, weights=qty * g, minlength=n)
    pair = np.sort(gi.astype(np.int64) * len(exps) + ec[keep])
    pair = pair[np.r_[True, pair[1:] != pair[:-1]]] if len(pair) else pair
    n_partners = np.bincount(pair // len(exps), minlength=n).astype(np.int64)
    n_from_value = np.bincount(gi, weights=t["from_value"].to_numpy(dtype=bool)[keep], minlength=n)
    n_pvmiss = np.bincount(gi, weights=~np.isfinite(x), minlength=n)
    n_pvcarry = np.bincount(gi, weights=np.isfinite(gy) & (gy < year[keep]), minlength=n)
    n_dropped = np.zeros(n)
    if dropped.any():
        pos = np.clip(np.searchsorted(ug, key[dropped]), 0, n - 1)
        hit = ug[pos] == key[dropped]
        n_dropped = np.bincount(pos[hit], minlength=n).astype(float)
    g_min, g_year, g_stage, g_imp = mc[first], year[first], sc[first], ic[first]
    mineral, stage, country = mins[g_min], stg[g_stage], imps[g_imp]

    # production side: HHI and domestic production at the matching stage
    ctx = ctx if ctx is not None else (production_context(production) if production is not None else None)
    H = np.full(n, np.nan)
    dom_q = np.full(n, np.nan)
    p_stage = np.full(n, np.nan, dtype=object)
    if ctx is not None:
        pm = ctx.mineral_codes(mins)[g_min]
        used = resolve_stage_codes(pm, ctx.stage_codes(stg)[g_stage], ctx.stage_present(), ctx.stage_names,
                                   params.primary_stages)
        has_stage = used >= 0
        p_stage[has_stage] = ctx.stage_names[used[has_stage]]
        py = ctx.year_offsets(g_year)
        ok = has_stage & (py >= 0)
        gid = ctx.group_of(pm[ok], py[ok], used[ok])
        total, sq = ctx.agg("total")[gid], ctx.agg("sq")[gid]
        with np.errstate(invalid="ignore", divide="ignore"):
            H[ok] = np.where((ctx.agg("n_rows")[gid] > 0) & (total > 0), sq / (total * total), np.nan)
        nc = len(ctx.country_ids)
        pc = index_of(ctx.country_ids, imps)[g_imp]
        okc = ok & (pc >= 0)
        sel = ctx.valid & ~ctx.others
        gid_c = ctx.group_of(pm[okc], py[okc], used[okc])
        dom_q[okc] = key_lookup(ctx.group * nc + ctx.country_code, ctx.quantity, gid_c * nc + pc[okc], sel)
    no_dom = ~np.isfinite(dom_q)
    P = np.where(no_dom, 0.0, dom_q)
    denom = imports + P
    with np.errstate(invalid="ignore", divide="ignore"):
        risk = np.where(denom > 0, weighted / np.where(denom > 0, denom, 1.0), np.nan)
    score = H * risk
    ps = np.where(pd.isna(p_stage), "", p_stage).astype(object)
    note_txt = np.array(["production_stage:" + (str(s) if str(s) else "unspecified") for s in ctx.stage_names],
                        dtype=object) if ctx is not None else np.zeros(0, dtype=object)
    stage_note = np.full(n, "", dtype=object)
    if ctx is not None:
        diff = has_stage & (ps != stage)
        stage_note[diff] = note_txt[used[diff]]
    flag = join_flags(n, [
        ("missing_HHI", ~np.isfinite(H)),
        ("no_domestic_production_row", no_dom),
        ("no_supply", ~(denom > 0)),
        stage_note,
        count_flag("quantity_from_value", n_from_value),
        count_flag("flows_dropped", n_dropped),
        count_flag("pv_missing", n_pvmiss),
        count_flag("pv_carried", n_pvcarry),
    ])
    out = pd.DataFrame({"mineral": mineral, "year": g_year.astype("int64"), "stage": stage,
                        "country": country, "production_stage": ps, "HHI": H, "imports": imports,
                        "weighted_imports": weighted, "domestic_production": P,
                        "import_risk": risk, "score": score, "n_partners": n_partners, "flag": flag})
    return sort_by(out[COLUMNS], ["country", "mineral", "stage", "year"])
