"""Production shares, HHI and top-1 / top-k concentration (METHODS §2.3, §3).

Groups are (mineral, year, stage) for production and (mineral, year) for
reserves.  The denominator of a share is the sum of the listed producers plus
the ``OTHERS`` aggregate (when present); ``OTHERS`` has no square term in the
HHI and is never ranked.  ``WORLD`` rows are totals and are ignored (World
Mining Data totals differ from the sum of their countries by up to 48 %, see
docs/metrics-extended.md).  Withheld / missing cells are left out and flagged.

    S_i = q_i / (Σ_listed q + q_OTHERS)
    top-1 share = max_i S_i,   top-k share = Σ of the k largest S_i

The shares and HHI themselves are the core's (:mod:`desktop.core.metrics.supply_risk`).  Groups are
:class:`desktop.core.metrics.groups.Groups`; the top-k ranking is a dense group × country matrix and
``numpy.partition`` (:func:`kernels.top_k`).  In ``run_extended`` the production side reuses the core's
coded rows (``production_top_shares`` on a :class:`production_context.ProductionContext`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.groups import Groups, Key, key_of
from desktop.core.metrics.states import stated_values, text_column
from desktop.core.metrics.extended._base import country_names, empty_frame, join_flags
from desktop.core.metrics.extended.kernels import top_k
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended_params import ExtendedParams
from desktop.core.registry import OTHERS, WORLD

CONC_COLUMNS = ["mineral", "year", "basis", "stage", "total", "n_countries", "top1_country", "top1_name",
                "top1_share", "k", "topk_countries", "topk_names", "topk_share", "others_share", "flag"]


def top_shares(frame: pd.DataFrame, value: str, keys: tuple[str, ...], k: int = 3) -> pd.DataFrame:
    """Top-1 and top-k listed countries (codes and names) and their shares per group.

    Ties are broken by country code so the result is deterministic.  Integer codes, ``bincount``
    and :func:`kernels.top_k` (no sort of the whole table).
    """
    cols = list(keys) + [c for c in CONC_COLUMNS if c not in ("mineral", "year", "basis", "stage")]
    floats = ("total", "top1_share", "topk_share", "others_share")
    if frame is None or len(frame) == 0:
        return empty_frame(cols, floats=floats, ints=("year", "n_countries", "k"))
    v, ok_v, _, _ = stated_values(frame, value)
    year = pd.to_numeric(frame["year"], errors="coerce").to_numpy(dtype=float) if "year" in frame \
        else np.zeros(len(frame))
    c_code, countries = key_of(text_column(frame, "country"))
    world = np.flatnonzero(countries == WORLD)
    keep = np.isfinite(year) & ((c_code != world[0]) if len(world) else True)
    idx = np.flatnonzero(keep)
    if len(idx) == 0:
        return empty_frame(cols, floats=floats, ints=("year", "n_countries", "k"))
    coded = {}
    for key in keys:
        if key == "year":
            labels, codes = np.unique(year[idx].astype(np.int64), return_inverse=True)
            coded[key] = Key(codes=codes.reshape(-1).astype(np.int64), labels=labels)
        else:
            coded[key] = key_of(text_column(frame, key).to_numpy(dtype=object)[idx])
    groups = Groups.of(**coded)
    others_code = np.flatnonzero(countries == OTHERS)
    country = c_code[idx]
    others = (country == others_code[0]) if len(others_code) else np.zeros(len(idx), dtype=bool)
    q = v[idx]
    valid = ok_v[idx]
    out = groups.labels()
    out.update(top_table(groups.ids, groups.n, country, countries, np.where(valid, q, np.nan), valid, others, k))
    return pd.DataFrame(out, columns=cols)


def top_table(cid: np.ndarray, n: int, country: np.ndarray, countries: np.ndarray, q: np.ndarray,
              valid: np.ndarray, others: np.ndarray, k: int) -> dict:
    """Per group (dense ids ``cid`` < n): total, n_countries, top-1 / top-k codes, names and shares,
    others_share, k and flag.  ``q`` is NaN where not usable; OTHERS is in the total, never ranked."""
    qv = np.where(valid, q, 0.0)
    total = np.bincount(cid, weights=qv, minlength=n)
    listed = valid & ~others
    n_countries = np.bincount(cid, weights=listed, minlength=n).astype(np.int64)
    n_bad = np.bincount(cid, weights=~valid, minlength=n)
    others_q = np.bincount(cid[others & valid], weights=qv[others & valid], minlength=n)
    cand = np.flatnonzero(listed & (qv > 0))
    return _top_body(total, n_countries, n_bad, others_q,
                     cand, cid[cand], country[cand], qv[cand], countries, k)


def _top_body(total, n_countries, n_bad, others_q, cand, ccid, ccountry, cq, countries, k) -> dict:
    n = len(total)
    ranks = top_k(ccid, n, ccountry, len(countries), cq, k)
    ok = total > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        denom = np.where(ok, total, 1.0)
        share_of = cq / denom[ccid]
    n_pos = np.bincount(ccid, minlength=n)
    used = np.unique(ccountry[ranks[ranks >= 0]]) if (ranks >= 0).any() else np.zeros(0, dtype=np.int64)
    names = np.asarray(countries, dtype=object).copy()
    if len(used):
        names[used] = country_names(pd.Series(countries[used], dtype=object)).to_numpy(dtype=object)
    codes_txt = np.asarray(countries, dtype=object)
    top_code = np.full(n, "", dtype=object)
    top_name = np.full(n, "", dtype=object)
    top1 = np.full(n, np.nan)
    topk = np.zeros(n)
    has_any = ranks[0] >= 0
    for r in range(k):
        at = ranks[r] >= 0
        row = ranks[r][at]
        c = ccountry[row]
        if r == 0:
            top_code[at] = codes_txt[c]
            top_name[at] = names[c]
            top1[at] = share_of[row]
            k_codes, k_names = top_code.copy(), top_name.copy()
        else:
            k_codes[at] = k_codes[at] + ", " + codes_txt[c]
            k_names[at] = k_names[at] + ", " + names[c]
        topk[at] = topk[at] + share_of[row]
    if k == 0:
        k_codes, k_names = top_code.copy(), top_name.copy()
    topk = np.where(has_any, topk, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        others_share = np.where(ok, others_q / denom, np.nan)
    few = ok & (n_pos < k)
    flag = join_flags(n, [("no_production", ~ok), ("withheld_producers", n_bad > 0),
                          (f"fewer_than_{k}_countries", few), ("others_in_total", others_share > 0)])
    return {"total": np.where(ok, total, np.nan), "n_countries": n_countries,
            "top1_country": top_code, "top1_name": top_name, "top1_share": np.where(ok, top1, np.nan),
            "k": np.full(n, int(k), dtype=np.int64), "topk_countries": k_codes, "topk_names": k_names,
            "topk_share": np.where(ok, topk, np.nan), "others_share": others_share, "flag": flag}


def production_top_shares(ctx, k: int) -> pd.DataFrame:
    """:func:`top_shares` of production per (mineral, year, stage) from a
    :class:`production_context.ProductionContext`."""
    cols = ["mineral", "year", "stage"] + [c for c in CONC_COLUMNS if c not in ("mineral", "year", "basis", "stage")]
    n_rows = ctx.agg("n_rows")
    gids = np.flatnonzero(n_rows > 0)
    compact = np.full(ctx.n_groups, -1, dtype=np.int64)
    compact[gids] = np.arange(len(gids))
    cand = np.flatnonzero(ctx.valid & ~ctx.others & (ctx.quantity > 0))
    body = _top_body(ctx.agg("total")[gids], ctx.agg("n_listed")[gids].astype(np.int64), ctx.agg("n_bad")[gids],
                     ctx.agg("others_q")[gids], cand, compact[ctx.group[cand]], ctx.country_code[cand],
                     ctx.quantity[cand],
                     ctx.country_ids, k)
    m, y, s = ctx.split(gids)
    out = {"mineral": ctx.mineral_ids[m], "year": (y + ctx.y0).astype(np.int64), "stage": ctx.stage_names[s]}
    body["flag"] = join_flags(len(gids), [body["flag"], ctx.unit_flag(gids)])
    out.update(body)
    return pd.DataFrame(out, columns=cols)


def compute_concentration(production: pd.DataFrame | None, reserves: pd.DataFrame | None,
                          params: ExtendedParams, ctx=None) -> pd.DataFrame:
    """Top-1 / top-k shares of production (per stage) and of reserves, one long frame.

    S_i = q_i / (Σ_listed q + q_OTHERS); top-1 share = max_i S_i, top-k share = Σ of the k largest S_i
    (OTHERS in the total, never ranked; WORLD rows ignored; ties broken by country code).

    Parameters
    ----------
    production : DataFrame or None
        The canonical production table; groups (mineral, year, stage).
    reserves : DataFrame or None
        The canonical reserves table; groups (mineral, year).
    params : ExtendedParams
        ``top_n`` is k.
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, year, basis, stage, total, n_countries, top1_country, top1_name, top1_share, k,
        topk_countries, topk_names, topk_share, others_share and flag, sorted by mineral, basis, stage and
        year.  ``basis`` is 'production' or 'reserves' (stage '' for reserves).  Flags: ``no_production``,
        ``withheld_producers``, ``fewer_than_<k>_countries``, ``others_in_total`` and, on the production side,
        ``mixed_units:<used>|<other>…``.  Neither table: the empty table.
    """
    parts = []
    if production is not None and len(production):
        ctx = ctx if ctx is not None else production_context(production)
        t = production_top_shares(ctx, params.top_n) if ctx is not None else \
            top_shares(production, "quantity", ("mineral", "year", "stage"), params.top_n)
        parts.append(t.assign(basis="production"))
    if reserves is not None and len(reserves):
        t = top_shares(reserves, "reserves", ("mineral", "year"), params.top_n)
        parts.append(t.assign(basis="reserves", stage=""))
    if not parts:
        return empty_frame(CONC_COLUMNS, floats=("total", "top1_share", "topk_share", "others_share"),
                           ints=("year", "n_countries", "k"))
    out = pd.concat(parts, ignore_index=True)[CONC_COLUMNS]
    return out.sort_values(["mineral", "basis", "stage", "year"], kind="stable").reset_index(drop=True)
