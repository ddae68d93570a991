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
from desktop.core.metrics.groups import Groups, Key, key_of, year_key
from desktop.core.metrics.extended._base import (
    OTHERS, count_flag, codes_in, dependency_rows, empty_frame, governance_mean, join_flags, resolve_stage_codes,
    trade_quantities,
)
from desktop.core.metrics.extended.kernels import CarriedTable
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended_params import ExtendedParams
from desktop.core.metrics.extended.recycled import eol_rir_for

COLUMNS = ["mineral", "country", "year", "stage", "IR", "HHI_WGI_global", "HHI_WGI_sourcing", "eol_rir",
           "SR", "above_threshold", "coverage_global", "coverage_sourcing", "flag"]


def scaled_wgi(x: np.ndarray, params: ExtendedParams) -> np.ndarray:
    return np.clip((params.eu_wgi_offset - np.asarray(x, dtype=float)) * params.eu_wgi_factor, 0.0, 10.0)


def compute_eu_sr(production: pd.DataFrame | None, governance: pd.DataFrame | None,
                  dependency: pd.DataFrame | None, recycling: pd.DataFrame | None,
                  trade_flows: pd.DataFrame | None, params: ExtendedParams, ctx=None,
                  quantities: pd.DataFrame | None = None, wgi_mean: pd.DataFrame | None = None) -> pd.DataFrame:
    """The EU supply risk SR per import-dependency row of the assessed countries.

    SR = [HHI_WGI,global × IR/2 + HHI_WGI,sourcing × (1 − IR/2)] × (1 − EoL-RIR) × SI_SR, with
    HHI_WGI = Σ_i S_i² × WGI_i × t_i and IR = D (see the module docstring).

    Parameters
    ----------
    production : DataFrame or None
        The canonical production table (global shares, domestic production); None or empty gives the
        empty table.
    governance : DataFrame or None
        The WGI governance table (the mean of the six estimates per country and year).
    dependency : DataFrame or None
        The core import-dependency table (mineral, country, year, stage, D); None or empty gives the
        empty table.
    recycling : DataFrame or None
        The recycling table (EoL-RIR, :func:`recycled.eol_rir_for`).
    trade_flows : DataFrame or None
        The bilateral ``trade_flows`` table (the sourcing side).
    params : ExtendedParams
        ``assessed_countries`` (empty = every country with import dependency), ``primary_stages``,
        ``eu_wgi_offset``, ``eu_wgi_factor``, ``eu_substitution``, ``eu_trade_factor``, ``eu_sr_threshold``
        and ``eu_missing_eol_rir_as_zero``.
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.
    quantities : DataFrame, optional
        :func:`trade_quantities` of ``trade_flows``, when the caller has it.
    wgi_mean : DataFrame, optional
        :func:`governance_mean` of ``governance`` over the six indicators, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, country, year, stage, IR, HHI_WGI_global, HHI_WGI_sourcing, eol_rir (as used), SR,
        above_threshold (SR ≥ eu_sr_threshold), coverage_global, coverage_sourcing and flag, sorted by
        country, mineral, stage and year.  Flags: ``missing_IR``, ``missing_global``, ``no_sourcing_data``,
        ``missing_eol_rir``, ``eol_rir_assumed_0``, ``missing_wgi:<n>``, ``wgi_carried:<n>``.
    """
    floats = ("IR", "HHI_WGI_global", "HHI_WGI_sourcing", "eol_rir", "SR", "coverage_global", "coverage_sourcing")
    if dependency is None or len(dependency) == 0 or production is None or len(production) == 0:
        return empty_frame(COLUMNS, floats=floats, bools=("above_threshold",))
    ctx = ctx if ctx is not None else production_context(production)
    dv = dependency_rows(dependency, params.assessed_countries, ["country", "mineral", "stage", "year"])
    n = dv["n"]
    d_mineral, d_country, d_stage, d_year = dv["mineral"], dv["country"], dv["stage"], dv["year"]

    gov = governance_mean(governance, WGI_INDICATORS) if wgi_mean is None else wgi_mean
    t = trade_quantities(trade_flows) if quantities is None else quantities
    t = t[~t["dropped"].to_numpy(dtype=bool)]
    countries = pd.Index(pd.unique(np.concatenate([
        np.asarray(ctx.country_ids if ctx is not None else [], dtype=object), dv["country_cats"],
        t["exporter"].to_numpy(dtype=object), gov["country"].to_numpy(dtype=object)])), dtype=object)
    years = np.concatenate([d_year, [ctx.y0, ctx.y0 + ctx.ny - 1] if ctx is not None else []]).astype(np.int64)
    wgi = CarriedTable(gov, countries, years, carry=True)

    # global: primary production shares of (mineral, year)
    hg = np.full(n, np.nan)
    cov_g = np.full(n, np.nan)
    g_miss = np.zeros(n)
    g_carry = np.zeros(n)
    if ctx is not None:
        prim = ctx.primary_stage(params.primary_stages)
        rows = np.flatnonzero(ctx.valid & ctx.primary_rows(params.primary_stages))
        grp = ctx.group[rows]
        # WGI per (producer country, year) cell, scaled once per cell, then gathered per row
        cm = countries.get_indexer(ctx.country_ids)
        cm = np.where(cm >= 0, cm, wgi.nc - 1)
        cell_year = np.arange(ctx.ny, dtype=np.int64) + ctx.y0
        cell = (cm[:, None] * wgi.span + (cell_year - wgi.lo)[None, :]).ravel()
        cx, cg = wgi.x[cell], wgi.src[cell]
        c_has = np.isfinite(cx)
        c_carry = np.isfinite(cg) & (cg < np.tile(cell_year, len(cm)))
        key = ctx.country_code[rows] * ctx.ny + ctx.year_offset[rows]
        agg = _weighted(grp, ctx.n_groups, ctx.quantity[rows], ctx.share[rows], ~ctx.others[rows], c_has[key],
                        scaled_wgi(cx, params)[key], c_carry[key], params)
        dm, dy = codes_in(dv, ctx.mineral_ids, "mineral"), ctx.year_offsets(d_year)
        ok = (dm >= 0) & (dy >= 0)
        ok[ok] = prim[dm[ok]] >= 0
        g = ctx.group_of(dm[ok], dy[ok], prim[dm[ok]])
        has = np.zeros(n, dtype=bool)
        has[ok] = agg["n"][g] > 0                                     # (mineral, year) with a usable row
        gi = np.full(n, -1)
        gi[ok] = g
        gi = gi[has]
        hg[has], cov_g[has] = agg["hhi_wgi"][gi], agg["coverage"][gi]
        g_miss[has], g_carry[has] = agg["n_missing"][gi], agg["n_carried"][gi]

    # sourcing: domestic primary production + bilateral imports of the stage matching D
    hs = np.full(n, np.nan)
    cov_s = np.full(n, np.nan)
    s_miss = np.zeros(n)
    s_carry = np.zeros(n)
    if len(t) and n:
        dmc, um = dv["mineral_code"], dv["mineral_cats"]
        dcc, uc = dv["country_code"], dv["country_cats"]
        ts_code, t_stages = key_of(t["stage"])
        tm = pd.Index(um, dtype=object).get_indexer(t["mineral"].to_numpy(dtype=object))
        ti = pd.Index(uc, dtype=object).get_indexer(t["importer"].to_numpy(dtype=object))
        ty = t["year"].to_numpy(dtype=np.int64)
        have = np.zeros((len(um), len(t_stages)), dtype=bool)
        okt = tm >= 0
        have[tm[okt], ts_code[okt]] = True
        used = resolve_stage_codes(dmc, codes_in(dv, t_stages, "stage"), have, t_stages,
                                   params.primary_stages + ("refinery",))
        lo = int(min(ty.min(), d_year.min()))
        span = int(max(ty.max(), d_year.max())) - lo + 1
        nst, ncu = len(t_stages), len(uc) + 1

        def key(m, c, y, s):
            return ((m.astype(np.int64) * ncu + c) * span + (y - lo)) * nst + s

        okd = used >= 0
        kd = np.where(okd, key(dmc, dcc, d_year, np.maximum(used, 0)), -1)
        okt &= ti >= 0
        kt = key(tm[okt], ti[okt], ty[okt], ts_code[okt])
        t_rows = np.flatnonzero(okt)
        # each flow → every d row with its key (usually one)
        order = np.argsort(kd, kind="stable")
        kds = kd[order]
        left = np.searchsorted(kds, kt, side="left")
        right = np.searchsorted(kds, kt, side="right")
        cnt = right - left
        flow = np.repeat(np.arange(len(kt)), cnt)
        drow = order[np.repeat(left, cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))]
        drow = drow.astype(np.int64)
        fq = t["qty"].to_numpy(dtype=float)[t_rows][flow]
        ex_c, ex_u = pd.factorize(t["exporter"].to_numpy(dtype=object)[t_rows])
        fsrc = countries.get_indexer(np.asarray(ex_u, dtype=object))[ex_c][flow]
        with_imports = np.bincount(drow, minlength=n) > 0
        # domestic primary production of the d rows that import
        dom_q = np.full(n, np.nan)
        if ctx is not None and with_imports.any():
            cm, cc, cy = codes_in(dv, ctx.mineral_ids, "mineral"), codes_in(dv, ctx.country_ids, "country"), \
                ctx.year_offsets(d_year)
            okq = with_imports & (cm >= 0) & (cc >= 0) & (cy >= 0)
            sel = ctx.valid & ctx.primary_rows(params.primary_stages)
            dom_q[okq] = ctx.cell_sum(ctx.quantity, sel, cm[okq], cc[okq], cy[okq])
        dom = np.flatnonzero(with_imports & np.isfinite(dom_q))
        src_row = np.concatenate([drow, dom])
        src_q = np.concatenate([fq, dom_q[dom]])
        src_c = np.concatenate([fsrc, countries.get_indexer(dv["country_cats"])[dv["country_code"][dom]]])
        src_year = d_year[src_row]
        total = np.bincount(src_row, weights=src_q, minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = src_q / np.where(total > 0, total, np.nan)[src_row]
        x, gy = wgi.lookup(src_c, src_year)
        not_others = np.append(np.asarray(countries, dtype=object) != OTHERS, True)   # last: unknown (-1)
        agg = _weighted(src_row, n, src_q, share, not_others[src_c], np.isfinite(x), scaled_wgi(x, params),
                        np.isfinite(gy) & (gy < src_year), params)
        has = agg["n"] > 0
        hs[has], cov_s[has] = agg["hhi_wgi"][has], agg["coverage"][has]
        s_miss[has], s_carry[has] = agg["n_missing"][has], agg["n_carried"][has]

    # EoL-RIR once per distinct (mineral, year) of the d rows (codes, no text hashing), then spread back
    if n:
        pairs = Groups.of(mineral=Key(codes=dv["mineral_code"], labels=dv["mineral_cats"]), year=year_key(d_year))
        first = pairs.first_rows()
        e = eol_rir_for(recycling, pd.DataFrame({"mineral": d_mineral[first], "year": d_year[first]}))
        eol = e["eol_rir"].to_numpy(dtype=float)[pairs.ids]
    else:
        eol = np.zeros(0)
    assumed = ~np.isfinite(eol) & bool(params.eu_missing_eol_rir_as_zero)
    eol_used = np.where(assumed, 0.0, eol)
    ir = dv["D"]
    sr = (hg * ir / 2 + hs * (1 - ir / 2)) * (1 - eol_used) * params.eu_substitution
    flag = join_flags(n, [
        ("missing_IR", ~np.isfinite(ir)), ("missing_global", ~np.isfinite(hg)),
        ("no_sourcing_data", ~np.isfinite(hs)), ("missing_eol_rir", ~np.isfinite(eol) & ~assumed),
        ("eol_rir_assumed_0", assumed),
        count_flag("missing_wgi", g_miss + s_miss),
        count_flag("wgi_carried", g_carry + s_carry),
    ])
    return pd.DataFrame({"mineral": d_mineral, "country": d_country, "year": d_year, "stage": d_stage, "IR": ir,
                         "HHI_WGI_global": hg, "HHI_WGI_sourcing": hs, "eol_rir": eol_used, "SR": sr,
                         "above_threshold": np.isfinite(sr) & (sr >= params.eu_sr_threshold),
                         "coverage_global": cov_g, "coverage_sourcing": cov_s, "flag": flag},
                        columns=COLUMNS, copy=False)


def _weighted(group: np.ndarray, n: int, q: np.ndarray, share: np.ndarray, listed: np.ndarray,
              has_x: np.ndarray, wgi: np.ndarray, carried: np.ndarray, params: ExtendedParams) -> dict:
    """Per group (dense ids < n): hhi_wgi = Σ S²·WGI·t over listed sources with a WGI, coverage, counts.

    Per row: ``has_x`` = the source has a WGI, ``wgi`` = :func:`scaled_wgi` of it, ``carried`` = it
    comes from an earlier year.
    """
    has = listed & has_x
    with np.errstate(invalid="ignore"):
        term = np.where(has, share * share * wgi * params.eu_trade_factor, 0.0)
        pos = share > 0
    hhi_wgi = np.bincount(group, weights=term, minlength=n)
    cov = np.bincount(group, weights=np.where(has, share, 0.0), minlength=n)
    lst = np.bincount(group, weights=np.where(listed, share, 0.0), minlength=n)
    miss = np.bincount(group[listed & ~has_x & pos], minlength=n)
    carry = np.bincount(group[has & carried], minlength=n)
    total = np.bincount(group, weights=q, minlength=n)
    cnt = np.bincount(group, minlength=n)
    ok = total > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        coverage = np.where(ok, cov / np.where(lst > 0, lst, np.nan), np.nan)
    return {"hhi_wgi": np.where(ok & (cov > 0), hhi_wgi, np.nan), "coverage": coverage,
            "n_missing": miss.astype(float), "n_carried": carry.astype(float), "n": cnt}
