"""Shared vectorised helpers of the extended indicators (no Qt, no I/O).

Conventions (docs/metrics-extended.md): every output frame has a text column
``flag`` (';'-joined, '' when clean); an empty value is NaN with a flag, never 0.
``WORLD`` rows are totals, never producers; ``OTHERS`` counts in a denominator
but is never ranked as a country.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.distinct import map_unique
from desktop.core.metrics.extended.kernels import index_of
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.flags import join_flags
from desktop.core.registry import AGGREGATES, OTHERS, WORLD
from desktop.core.metrics.groups import key_of, mixed_key
from desktop.core.metrics.states import stated_values, text_column


__all__ = ["WORLD", "OTHERS", "AGGREGATES", "join_flags", "empty_frame", "usable",
           "world_production", "resolve_stage_codes", "trade_quantities", "country_names", "years_text",
           "merge_nearest_year", "count_flag", "governance_mean", "dependency_rows", "codes_in", "sort_by"]


def empty_frame(columns: list[str], floats: tuple[str, ...] = (), ints: tuple[str, ...] = ("year",),
                bools: tuple[str, ...] = ()) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ints else float if c in floats else
                                      bool if c in bools else object) for c in columns})


def usable(frame: pd.DataFrame, value: str, keys: tuple[str, ...]) -> pd.DataFrame:
    """Key columns as text/int plus ``value`` (NaN where not usable) and ``valid``, ``state``.

    Usable = a finite number with state '' or a printed bound (data-model.md);
    W / NA / E cells stay in the frame with NaN so callers can flag them.
    """
    if frame is None or len(frame) == 0:
        out = empty_frame(list(keys) + [value, "valid", "state"], floats=(value,), bools=("valid",))
        return out
    v, ok, _, states = stated_values(frame, value)
    out = pd.DataFrame({k: (pd.to_numeric(frame[k], errors="coerce") if k == "year" else text_column(frame, k))
                        for k in keys})
    out[value] = v
    out["valid"] = ok
    out["state"] = states
    out = out[out["year"].notna()] if "year" in out else out
    if "year" in out:
        out["year"] = out["year"].astype("int64")
    return out.reset_index(drop=True)


def world_production(production: pd.DataFrame | None, stages: tuple[str, ...], ctx=None) -> pd.DataFrame:
    """World primary production per (mineral, year): the sum of the listed producers and OTHERS.

    The stage is chosen per mineral (first of ``stages`` present).  A (mineral, year) with no
    usable producer cell but a WORLD row uses the WORLD total (flag ``world_total_row``).  Withheld,
    missing or negative producer cells (and minority-unit rows of a mixed-unit group) are left out
    (flag ``withheld_producers``).  ``ctx``: a :class:`production_context.ProductionContext` of ``production``
    (built when not given).  Returns mineral, year, stage, quantity, n_producers, flag.
    """
    cols = ["mineral", "year", "stage", "quantity", "n_producers", "flag"]
    ctx = ctx if ctx is not None else production_context(production)
    if ctx is None:
        return empty_frame(cols, floats=("quantity",), ints=("year", "n_producers"))
    w = ctx.world_groups(ctx.primary_stage(stages))
    if len(w["gids"]) == 0:
        return empty_frame(cols, floats=("quantity",), ints=("year", "n_producers"))
    m, y, s = ctx.split(w["gids"])
    flag = join_flags(len(m), [("world_total_row", w["from_world"]), ("withheld_producers", w["n_bad"] > 0),
                               ("no_production", ~np.isfinite(w["quantity"])), ctx.unit_flag(w["gids"])])
    return pd.DataFrame({"mineral": ctx.mineral_ids[m], "year": (y + ctx.y0).astype(np.int64),
                         "stage": ctx.stage_names[s],
                         "quantity": w["quantity"], "n_producers": w["n_producers"], "flag": flag}, columns=cols)


def resolve_stage_codes(mineral: np.ndarray, stage: np.ndarray, have: np.ndarray, stage_names: np.ndarray,
                        stages: tuple[str, ...]) -> np.ndarray:
    """:func:`resolve_stage` on codes: ``have`` is (minerals × stages) bool of what is available.

    The wanted stage code when available for the mineral, else the mineral's first stage of
    ``stages`` that is available, else -1 (also for an unknown mineral, code -1).
    """
    mineral = np.asarray(mineral, dtype=np.int64)
    stage = np.asarray(stage, dtype=np.int64)
    prim = np.full(have.shape[0] + 1, -1, dtype=np.int64)          # last slot: unknown mineral
    names = np.asarray(stage_names, dtype=object)
    for st in reversed(tuple(stages)):
        code = np.flatnonzero(names == st)
        if len(code):
            prim[:-1][have[:, code[0]]] = code[0]
    m = np.where(mineral >= 0, mineral, have.shape[0])
    exact = (mineral >= 0) & (stage >= 0)
    exact[exact] = have[mineral[exact], stage[exact]]
    return np.where(exact, stage, prim[m])


def sort_by(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``frame.sort_values(keys)`` (stable) through integer codes: one sort of an int64 key."""
    parts = []
    for k in keys:
        if k == "year":
            y = frame[k].to_numpy(dtype=np.int64)
            y = y - y.min() if len(y) else y
            parts.append((y, int(y.max()) + 1 if len(y) else 1))
        else:
            c, cats = key_of(frame[k])
            parts.append((c, len(cats)))
    order = np.argsort(mixed_key(parts), kind="stable")
    if (order == np.arange(len(order))).all():
        return frame.reset_index(drop=True)
    return frame.take(order).reset_index(drop=True)


def dependency_rows(dependency: pd.DataFrame, assessed: tuple[str, ...], order: list[str]) -> dict:
    """The rows of the core import-dependency table (of the assessed countries) as codes and arrays,
    already in the output order ``order`` (a stable sort, like ``sort_values``).

    Keys: n, year, D, and per text key ``<key>`` (text array), ``<key>_code`` / ``<key>_cats``
    (sorted codes).  Text is factorised run by run (the table comes sorted by key).
    """
    d = dependency
    if assessed:
        d = d[d["country"].isin(assessed)]
    out: dict = {"n": len(d)}
    codes = {k: key_of(d[k] if k in d else pd.Series("", index=d.index, dtype=object))
             for k in ("mineral", "country", "stage")}
    year = d["year"].to_numpy(dtype=np.int64)
    y = year - (year.min() if len(year) else 0)
    parts = [(y, int(y.max()) + 1 if len(y) else 1) if k == "year" else (codes[k].codes, codes[k].size)
             for k in order]
    perm = np.argsort(mixed_key(parts), kind="stable")
    out["year"] = year[perm]
    out["D"] = d["D"].to_numpy(dtype=float)[perm]
    for k, (c, cats) in codes.items():
        c = c[perm]
        out[f"{k}_code"], out[f"{k}_cats"] = c, cats
        out[k] = np.asarray(cats, dtype=object)[c]
    return out


def codes_in(rows: dict, categories: np.ndarray, key: str) -> np.ndarray:
    """Position of each :func:`dependency_rows` row's text ``key`` in ``categories`` (-1 when absent),
    looked up once per distinct text through the row codes."""
    return index_of(categories, rows[f"{key}_cats"])[rows[f"{key}_code"]]


def trade_quantities(trade_flows: pd.DataFrame | None) -> pd.DataFrame:
    """Bilateral flows as quantities: mineral, year, stage, exporter, importer, qty, from_value.

    ``quantity_t`` when present; otherwise ``value_kusd`` converted with the
    mineral-year-stage unit value Σq / Σv of the flows that have both
    (``from_value``).  No unit value either → the flow is dropped (callers see
    it in their coverage / flags through ``n_dropped``).  Self-trade and
    aggregate partners are dropped.  Integer codes and ``bincount`` (no merge).
    """
    cols = ["mineral", "year", "stage", "exporter", "importer", "qty", "from_value", "dropped"]
    if trade_flows is None or len(trade_flows) == 0:
        return empty_frame(cols, floats=("qty",), bools=("from_value", "dropped"))
    n = len(trade_flows)
    year = pd.to_numeric(trade_flows["year"], errors="coerce").to_numpy(dtype=float)
    q = pd.to_numeric(trade_flows["quantity_t"], errors="coerce").to_numpy(dtype=float) \
        if "quantity_t" in trade_flows else np.full(n, np.nan)
    v = pd.to_numeric(trade_flows["value_kusd"], errors="coerce").to_numpy(dtype=float) \
        if "value_kusd" in trade_flows else np.full(n, np.nan)
    with np.errstate(invalid="ignore"):
        q = np.where(q >= 0, q, np.nan)
        v = np.where(v >= 0, v, np.nan)
    codes = {}
    for k in ("mineral", "stage", "exporter", "importer"):
        codes[k] = key_of(text_column(trade_flows, k)) if k in trade_flows else key_of(None, n)
    # exporter and importer in one code space to compare them
    ec, eu = codes["exporter"]
    ic, iu = codes["importer"]
    both_u = pd.Index(eu, dtype=object).append(pd.Index(iu, dtype=object)).unique()
    e_all = both_u.get_indexer(eu)[ec]
    i_all = both_u.get_indexer(iu)[ic]
    bad_u = np.isin(np.asarray(both_u, dtype=object), list(AGGREGATES) + [""])
    keep = np.isfinite(year) & (e_all != i_all) & ~bad_u[e_all] & ~bad_u[i_all]
    idx = np.flatnonzero(keep)
    y = year[idx].astype(np.int64)
    q, v = q[idx], v[idx]
    mc, sc = codes["mineral"].codes[idx], codes["stage"].codes[idx]
    ns = codes["stage"].size
    y_lo = int(y.min()) if len(y) else 0
    ny = int(y.max()) - y_lo + 1 if len(y) else 1
    gk = (mc * ny + (y - y_lo)) * ns + sc
    G = (codes["mineral"].size * ny * ns) if len(y) else 0
    both = np.isfinite(q) & np.isfinite(v)
    sq = np.bincount(gk[both], weights=q[both], minlength=G)
    sv = np.bincount(gk[both], weights=v[both], minlength=G)
    has = np.bincount(gk[both], minlength=G) > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        tpk = np.where(has & (sv > 0), sq / np.where(sv > 0, sv, 1.0), np.nan)     # tonnes per kUSD
    tpk_row = tpk[gk] if len(gk) else np.zeros(0)
    from_value = np.isnan(q) & np.isfinite(v) & np.isfinite(tpk_row)
    qty = np.where(np.isfinite(q), q, v * tpk_row)
    return pd.DataFrame({"mineral": codes["mineral"].labels[mc], "year": y, "stage": codes["stage"].labels[sc],
                         "exporter": eu[ec[idx]], "importer": iu[ic[idx]], "qty": qty, "from_value": from_value,
                         "dropped": np.isnan(qty)}, columns=cols)


def country_names(codes: pd.Series, lang: str = "en") -> pd.Series:
    """Registry names of ISO3 codes (the code itself when unknown), vectorised over unique codes."""
    try:
        from desktop.core.registry import default_registry
        reg = default_registry()
        uniq = pd.unique(codes.dropna())
        lookup = {c: reg.country_name(c, lang) for c in uniq}
    except Exception:                                          # registry unavailable: keep codes
        lookup = {}
    return codes.map(lambda c: lookup.get(c, c) if isinstance(c, str) else c)


def years_text(prefix: str, used: pd.Series, wanted: pd.Series) -> np.ndarray:
    """'prefix:<year>' where ``used`` differs from ``wanted`` (both numeric), '' elsewhere."""
    u = used.to_numpy(dtype=float)
    w = wanted.to_numpy(dtype=float)
    diff = np.isfinite(u) & (u != w)
    out = np.full(len(u), "", dtype=object)
    if diff.any():
        out[diff] = _int_texts(prefix, u[diff])
    return out


def _int_texts(prefix: str, values: np.ndarray) -> np.ndarray:
    """'prefix:<int(v)>' per value, formatted once per distinct value."""
    codes, uniq = pd.factorize(np.asarray(values, dtype=float).astype(np.int64))
    return np.array([f"{prefix}:{int(v)}" for v in uniq], dtype=object)[codes]


def merge_nearest_year(left: pd.DataFrame, right: pd.DataFrame, by: list[str], value_cols: list[str],
                       direction: str = "backward", suffix_year: str = "src_year") -> pd.DataFrame:
    """``left`` (with ``year``) plus ``value_cols`` of ``right`` from the nearest year per ``by``.

    ``direction`` as :func:`pandas.merge_asof` ('backward' = latest earlier or same year,
    'nearest').  Adds ``suffix_year`` = the year the values came from.  Row order of ``left`` kept.
    """
    left_rows = left.copy()
    left_rows["_row"] = np.arange(len(left_rows))
    r = right[by + ["year"] + value_cols].copy()
    r[suffix_year] = r["year"]
    for k in by:
        left_rows[k] = left_rows[k].astype(object)
        r[k] = r[k].astype(object)
    left_rows["year"] = left_rows["year"].astype("int64")
    r["year"] = r["year"].astype("int64")
    if len(r) == 0 or len(left_rows) == 0:
        for c in value_cols + [suffix_year]:
            left_rows[c] = np.nan
        return left_rows.drop(columns="_row")
    m = pd.merge_asof(left_rows.sort_values("year", kind="stable"), r.sort_values("year", kind="stable"),
                      on="year", by=by, direction=direction)
    return m.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)


def governance_mean(governance: pd.DataFrame | None, indicators: tuple[str, ...]) -> pd.DataFrame:
    """Mean WGI estimate of ``indicators`` per (country, year) with the count present: country, year, x, n."""
    if governance is None or len(governance) == 0:
        return empty_frame(["country", "year", "x", "n"], floats=("x",), ints=("year", "n"))
    g = usable(governance, "estimate", ("country", "year", "indicator"))
    # .str.upper().str.strip() once per distinct text (non-text → NaN like the .str accessor)
    g["indicator"] = map_unique(g["indicator"], lambda u: u.upper().strip() if isinstance(u, str) else np.nan)
    g = g[g["valid"] & g["indicator"].isin(indicators)]
    g = g.drop_duplicates(["country", "year", "indicator"], keep="last")
    out = g.groupby(["country", "year"], as_index=False).agg(x=("estimate", "mean"), n=("estimate", "size"))
    out["n"] = out["n"].astype("int64")
    return out


def count_flag(prefix: str, n: np.ndarray) -> np.ndarray:
    """'prefix:<n>' where n > 0, '' elsewhere."""
    out = np.full(len(n), "", dtype=object)
    has = n > 0
    if has.any():
        out[has] = _int_texts(prefix, n[has])
    return out
