"""Shared vectorised helpers of the extended indicators (no Qt, no I/O).

Conventions (docs/metrics-extended.md): every output frame has a text column
``flag`` (';'-joined, '' when clean); an empty value is NaN with a flag, never 0.
``WORLD`` rows are totals, never producers; ``OTHERS`` counts in a denominator
but is never ranked as a country.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics._common import join_flags, stated_values, text_column

WORLD = "WORLD"
OTHERS = "OTHERS"
AGGREGATES = (WORLD, OTHERS)

__all__ = ["WORLD", "OTHERS", "AGGREGATES", "join_flags", "empty_frame", "usable", "pick_stage",
           "world_production", "resolve_stage", "trade_quantities", "country_names", "years_text",
           "merge_nearest_year", "count_flag", "governance_mean", "governance_for"]


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


def pick_stage(frame: pd.DataFrame, stages: tuple[str, ...], by: tuple[str, ...] = ("mineral",)) -> pd.DataFrame:
    """Rows of the first stage in ``stages`` that each ``by`` group has (e.g. mine, else '')."""
    if len(frame) == 0:
        return frame
    rank = frame["stage"].map({s: i for i, s in enumerate(stages)})
    best = rank.groupby([frame[b] for b in by], sort=False).transform("min")
    return frame[rank.notna() & (rank == best)]


def world_production(production: pd.DataFrame, stages: tuple[str, ...]) -> pd.DataFrame:
    """World primary production per (mineral, year): the sum of the listed producers and OTHERS.

    The stage is chosen per mineral (first of ``stages`` present).  A (mineral, year) with no
    producer rows but a WORLD row uses the WORLD total (flag ``world_total_row``).  Withheld or
    missing producer cells are left out (flag ``withheld_producers``).
    Returns mineral, year, stage, quantity, n_producers, flag.
    """
    cols = ["mineral", "year", "stage", "quantity", "n_producers", "flag"]
    p = usable(production, "quantity", ("mineral", "country", "year", "stage"))
    p = pick_stage(p, stages)
    if len(p) == 0:
        return empty_frame(cols, floats=("quantity",), ints=("year", "n_producers"))
    is_world = (p["country"] == WORLD).to_numpy()
    prod = p[~is_world]
    keys = ["mineral", "year", "stage"]
    g = prod.groupby(keys, sort=True)
    listed = (prod["valid"] & (prod["country"] != OTHERS)).groupby([prod[k] for k in keys]).sum()
    agg = pd.DataFrame({"quantity": g["quantity"].sum(min_count=1),
                        "n_producers": listed.astype("int64"),
                        "n_bad": (~prod["valid"]).groupby([prod[k] for k in keys]).sum()})
    world = p[is_world & p["valid"].to_numpy()].groupby(keys)["quantity"].last().rename("world")
    out = agg.join(world, how="outer").reset_index()
    from_world = out["quantity"].isna() & out["world"].notna()
    out["quantity"] = out["quantity"].where(~from_world, out["world"])
    out["n_producers"] = out["n_producers"].fillna(0).astype("int64")
    out["flag"] = join_flags(len(out), [("world_total_row", from_world.to_numpy()),
                                        ("withheld_producers", (out["n_bad"].fillna(0) > 0).to_numpy()),
                                        ("no_production", out["quantity"].isna().to_numpy())])
    return out[cols].sort_values(["mineral", "year"]).reset_index(drop=True)


def resolve_stage(wanted: pd.DataFrame, available: pd.DataFrame, stages: tuple[str, ...]) -> pd.Series:
    """For each row of ``wanted`` (mineral, stage) the stage to use in ``available`` (mineral, stage).

    The same stage when ``available`` has it for that mineral, else the mineral's first
    stage in ``stages`` that it has, else NaN.
    """
    have = available[["mineral", "stage"]].drop_duplicates()
    exact = wanted[["mineral", "stage"]].merge(have.assign(_ok=True), on=["mineral", "stage"], how="left")["_ok"]
    prim = pick_stage(have, stages)[["mineral", "stage"]].drop_duplicates("mineral").rename(
        columns={"stage": "_prim"})
    fallback = wanted[["mineral"]].merge(prim, on="mineral", how="left")["_prim"]
    out = np.where(exact.notna().to_numpy(), wanted["stage"].to_numpy(dtype=object),
                   fallback.to_numpy(dtype=object))
    return pd.Series(out, index=wanted.index, dtype=object)


def trade_quantities(trade_flows: pd.DataFrame | None) -> pd.DataFrame:
    """Bilateral flows as quantities: mineral, year, stage, exporter, importer, qty, from_value.

    ``quantity_t`` when present; otherwise ``value_kusd`` converted with the
    mineral-year-stage unit value Σq / Σv of the flows that have both
    (``from_value``).  No unit value either → the flow is dropped (callers see
    it in their coverage / flags through ``n_dropped``).  Self-trade and
    aggregate partners are dropped.
    """
    cols = ["mineral", "year", "stage", "exporter", "importer", "qty", "from_value", "dropped"]
    if trade_flows is None or len(trade_flows) == 0:
        return empty_frame(cols, floats=("qty",), bools=("from_value", "dropped"))
    t = pd.DataFrame({k: text_column(trade_flows, k) for k in ("mineral", "stage", "exporter", "importer")})
    t["year"] = pd.to_numeric(trade_flows["year"], errors="coerce")
    q = pd.to_numeric(trade_flows.get("quantity_t"), errors="coerce") if "quantity_t" in trade_flows \
        else pd.Series(np.nan, index=trade_flows.index)
    v = pd.to_numeric(trade_flows.get("value_kusd"), errors="coerce") if "value_kusd" in trade_flows \
        else pd.Series(np.nan, index=trade_flows.index)
    t["q"] = q.where(q >= 0)
    t["v"] = v.where(v >= 0)
    t = t[t["year"].notna() & (t["exporter"] != t["importer"]) & ~t["exporter"].isin(AGGREGATES)
          & ~t["importer"].isin(AGGREGATES) & (t["exporter"] != "") & (t["importer"] != "")].copy()
    t["year"] = t["year"].astype("int64")
    both = t["q"].notna() & t["v"].notna()
    keys = ["mineral", "year", "stage"]
    sums = t[both].groupby(keys)[["q", "v"]].sum()
    uv = (sums["q"] / sums["v"].where(sums["v"] > 0)).rename("_tpk")      # tonnes per kUSD
    t = t.merge(uv.reset_index(), on=keys, how="left")
    from_value = t["q"].isna() & t["v"].notna() & t["_tpk"].notna()
    t["qty"] = t["q"].where(t["q"].notna(), t["v"] * t["_tpk"])
    t["from_value"] = from_value
    t["dropped"] = t["qty"].isna()
    return t[cols].reset_index(drop=True)


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
        out[diff] = [f"{prefix}:{int(y)}" for y in u[diff]]
    return out


def merge_nearest_year(left: pd.DataFrame, right: pd.DataFrame, by: list[str], value_cols: list[str],
                       direction: str = "backward", suffix_year: str = "src_year") -> pd.DataFrame:
    """``left`` (with ``year``) plus ``value_cols`` of ``right`` from the nearest year per ``by``.

    ``direction`` as :func:`pandas.merge_asof` ('backward' = latest earlier or same year,
    'nearest').  Adds ``suffix_year`` = the year the values came from.  Row order of ``left`` kept.
    """
    l = left.copy()
    l["_row"] = np.arange(len(l))
    r = right[by + ["year"] + value_cols].copy()
    r[suffix_year] = r["year"]
    for k in by:
        l[k] = l[k].astype(object)
        r[k] = r[k].astype(object)
    l["year"] = l["year"].astype("int64")
    r["year"] = r["year"].astype("int64")
    if len(r) == 0 or len(l) == 0:
        for c in value_cols + [suffix_year]:
            l[c] = np.nan
        return l.drop(columns="_row")
    m = pd.merge_asof(l.sort_values("year", kind="stable"), r.sort_values("year", kind="stable"),
                      on="year", by=by, direction=direction)
    return m.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)


def governance_mean(governance: pd.DataFrame | None, indicators: tuple[str, ...]) -> pd.DataFrame:
    """Mean WGI estimate of ``indicators`` per (country, year) with the count present: country, year, x, n."""
    if governance is None or len(governance) == 0:
        return empty_frame(["country", "year", "x", "n"], floats=("x",), ints=("year", "n"))
    g = usable(governance, "estimate", ("country", "year", "indicator"))
    g["indicator"] = g["indicator"].str.upper().str.strip()
    g = g[g["valid"] & g["indicator"].isin(indicators)]
    g = g.drop_duplicates(["country", "year", "indicator"], keep="last")
    out = g.groupby(["country", "year"], as_index=False).agg(x=("estimate", "mean"), n=("estimate", "size"))
    out["n"] = out["n"].astype("int64")
    return out


def governance_for(values: pd.DataFrame, asked: pd.DataFrame, carry: bool = True) -> pd.DataFrame:
    """``asked`` (country, year) + x, n, gov_year from :func:`governance_mean` (latest earlier year when
    ``carry``, else the same year only)."""
    a = asked[["country", "year"]].reset_index(drop=True)
    if not carry:
        m = a.merge(values.assign(gov_year=values["year"]), on=["country", "year"], how="left")
        return m
    return merge_nearest_year(a, values, by=["country"], value_cols=["x", "n"], suffix_year="gov_year")


def count_flag(prefix: str, n: np.ndarray) -> np.ndarray:
    """'prefix:<n>' where n > 0, '' elsewhere."""
    out = np.full(len(n), "", dtype=object)
    has = n > 0
    if has.any():
        out[has] = [f"{prefix}:{int(k)}" for k in n[has]]
    return out
