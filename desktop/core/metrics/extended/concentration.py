"""Production shares, HHI and top-1 / top-k concentration (METHODS §2.3, §3).

Groups are (mineral, year, stage) for production and (mineral, year) for
reserves.  The denominator of a share is the sum of the listed producers plus
the ``OTHERS`` aggregate (when present); ``OTHERS`` has no square term in the
HHI and is never ranked.  ``WORLD`` rows are totals and are ignored (World
Mining Data totals differ from the sum of their countries by up to 48 %, see
docs/metrics-extended.md).  Withheld / missing cells are left out and flagged.

    S_i = q_i / (Σ_listed q + q_OTHERS)
    HHI = Σ_listed q_i² / (Σ_listed q + q_OTHERS)²      (0..1)

No Python loop over groups: ``hhi`` uses integer group codes and ``numpy.bincount``,
the share tables one pandas ``groupby`` pass.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, country_names, empty_frame, join_flags, usable,
)
from desktop.core.metrics.extended.params import ExtendedParams

HHI_COLUMNS = ["mineral", "year", "stage", "HHI", "total", "n_producers", "flag"]
SHARE_COLUMNS = ["mineral", "year", "stage", "country", "quantity", "share", "flag"]
CONC_COLUMNS = ["mineral", "year", "basis", "stage", "total", "n_countries", "top1_country", "top1_name",
                "top1_share", "k", "topk_countries", "topk_names", "topk_share", "others_share", "flag"]


def _prepared(production: pd.DataFrame, value: str = "quantity",
              keys: tuple[str, ...] = ("mineral", "year", "stage")) -> pd.DataFrame:
    cols = tuple(dict.fromkeys(keys + ("country",)))
    p = usable(production, value, cols)
    if "stage" in keys and "stage" not in p:
        p["stage"] = ""
    p = p[p["country"] != WORLD]
    p["_listed"] = p["valid"] & (p["country"] != OTHERS)
    p["_q"] = p[value].where(p["valid"], 0.0)
    return p


def shares(production: pd.DataFrame, value: str = "quantity",
           keys: tuple[str, ...] = ("mineral", "year", "stage")) -> pd.DataFrame:
    """Every row's share of its group (WORLD rows left out, OTHERS kept with its share).

    Flags: ``withheld`` / ``missing`` on a row left out, ``no_production`` when the group total is 0.
    """
    p = _prepared(production, value, keys)
    if len(p) == 0:
        return empty_frame(list(keys) + ["country", value, "share", "flag"], floats=(value, "share"))
    total = p.groupby(list(keys), sort=False)["_q"].transform("sum")
    share = (p["_q"] / total.where(total > 0)).where(p["valid"])
    flag = join_flags(len(p), [("withheld", (p["state"] == "W").to_numpy()),
                               ("missing", (~p["valid"] & (p["state"] != "W")).to_numpy()),
                               ("no_production", ~(total > 0).to_numpy())])
    out = p[list(keys) + ["country", value]].copy()
    out["share"] = share
    out["flag"] = flag
    return out.reset_index(drop=True)


def _codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted factorisation of a key array; a missing key becomes ''."""
    c, u = pd.factorize(values, sort=True)
    if (c < 0).any():
        u = np.append(np.asarray(u, dtype=object), "")
        c = np.where(c < 0, len(u) - 1, c)
    return c.astype(np.int64), np.asarray(u)


_USABLE_STATES = {"", ">", "<", "range"}


def _usable_state(frame: pd.DataFrame, col: str) -> np.ndarray:
    name = f"{col}_state"
    if name not in frame:
        return np.ones(len(frame), dtype=bool)
    c, u = pd.factorize(frame[name].to_numpy(dtype=object))
    ok_u = np.array([isinstance(x, str) and x in _USABLE_STATES for x in u] + [True], dtype=bool)
    return ok_u[c]                      # code -1 (missing state) picks the trailing True


def hhi(production: pd.DataFrame) -> pd.DataFrame:
    """HHI = Σ S² per (mineral, year, stage) of a canonical production frame.

    Returns mineral, year, stage, HHI, total, n_producers, flag.  Flags:
    ``withheld_producers`` (a withheld / missing / negative cell left out), ``others_in_total``
    (an OTHERS aggregate in the denominator), ``no_production`` (total 0 or nothing usable → HHI empty).
    Vectorised with one factorize per key and ``numpy.bincount`` (no Python loop over groups).
    """
    if production is None or len(production) == 0:
        return empty_frame(HHI_COLUMNS, floats=("HHI", "total"), ints=("year", "n_producers"))
    n_rows = len(production)
    country = production["country"].to_numpy(dtype=object)
    year = pd.to_numeric(production["year"], errors="coerce").to_numpy(dtype=float)
    keep = (country != WORLD) & np.isfinite(year)
    q = pd.to_numeric(production["quantity"], errors="coerce").to_numpy(dtype=float)
    valid = np.isfinite(q) & (q >= 0) & _usable_state(production, "quantity")
    stage = production["stage"].to_numpy(dtype=object) if "stage" in production \
        else np.full(n_rows, "", dtype=object)
    mineral = production["mineral"].to_numpy(dtype=object)
    if not keep.all():
        country, year, q, valid, stage, mineral = (a[keep] for a in (country, year, q, valid, stage, mineral))
    if len(q) == 0:
        return empty_frame(HHI_COLUMNS, floats=("HHI", "total"), ints=("year", "n_producers"))
    q = np.where(valid, q, 0.0)
    others = country == OTHERS
    listed = valid & ~others
    cm, um = _codes(mineral)
    cy, uy = _codes(year.astype(np.int64))
    cs, us = _codes(stage)
    ny, ns = len(uy), len(us)
    code = (cm * ny + cy) * ns + cs
    gid, inv = np.unique(code, return_inverse=True)
    inv = inv.reshape(-1)
    n = len(gid)
    total = np.bincount(inv, weights=q, minlength=n)
    sq = np.bincount(inv, weights=np.where(listed, q * q, 0.0), minlength=n)
    n_listed = np.bincount(inv, weights=listed, minlength=n)
    n_bad = np.bincount(inv, weights=~valid, minlength=n)
    n_oth = np.bincount(inv, weights=others & valid, minlength=n)
    ok = total > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        h = np.where(ok, sq / (total * total), np.nan)
    flag = join_flags(n, [("no_production", ~ok), ("withheld_producers", n_bad > 0),
                          ("others_in_total", n_oth > 0)])
    return pd.DataFrame({"mineral": um[gid // (ny * ns)], "year": uy[(gid // ns) % ny].astype(np.int64),
                         "stage": us[gid % ns], "HHI": h, "total": np.where(ok, total, np.nan),
                         "n_producers": n_listed.astype(np.int64), "flag": flag}, columns=HHI_COLUMNS)


def top_shares(frame: pd.DataFrame, value: str, keys: tuple[str, ...], k: int = 3) -> pd.DataFrame:
    """Top-1 and top-k listed countries (codes and names) and their shares per group.

    Ties are broken by country code so the result is deterministic.
    """
    cols = list(keys) + [c for c in CONC_COLUMNS if c not in ("mineral", "year", "basis", "stage")]
    p = _prepared(frame, value, keys)
    if len(p) == 0:
        return empty_frame(cols, floats=("total", "top1_share", "topk_share", "others_share"),
                           ints=("year", "n_countries", "k"))
    kl = list(keys)
    total = p.groupby(kl, sort=False)["_q"].transform("sum")
    p["_share"] = p["_q"] / total.where(total > 0)
    p["_bad"] = ~p["valid"]
    grp = p.groupby(kl, sort=True)
    a = grp.agg(total=("_q", "sum"), n_countries=("_listed", "sum"), n_bad=("_bad", "sum"))
    a["others_share"] = p[p["country"] == OTHERS].groupby(kl)["_share"].sum()
    listed = p[p["_listed"] & (p["_q"] > 0)].sort_values(kl + ["_q", "country"],
                                                         ascending=[True] * len(kl) + [False, True])
    listed = listed.assign(_rank=listed.groupby(kl, sort=False).cumcount())
    listed["_name"] = country_names(listed["country"]).to_numpy()
    top1 = listed[listed["_rank"] == 0].set_index(kl)
    a["top1_country"] = top1["country"]
    a["top1_name"] = top1["_name"]
    a["top1_share"] = top1["_share"]
    topk = listed[listed["_rank"] < k].groupby(kl, sort=True)
    a["topk_countries"] = topk["country"].agg(", ".join)
    a["topk_names"] = topk["_name"].agg(", ".join)
    a["topk_share"] = topk["_share"].sum()
    a["n_listed_pos"] = listed.groupby(kl)["country"].size()
    a = a.reset_index()
    ok = a["total"] > 0
    for c in ("total", "top1_share", "topk_share"):
        a[c] = a[c].where(ok)
    a["others_share"] = a["others_share"].where(ok & a["others_share"].notna(), np.where(ok, 0.0, np.nan))
    a["n_countries"] = a["n_countries"].astype("int64")
    a["k"] = int(k)
    few = ok & (a["n_listed_pos"].fillna(0) < k)
    a["flag"] = join_flags(len(a), [("no_production", ~ok.to_numpy()),
                                    ("withheld_producers", (a["n_bad"] > 0).to_numpy()),
                                    (f"fewer_than_{k}_countries", few.to_numpy()),
                                    ("others_in_total", (a["others_share"] > 0).to_numpy())])
    for c in ("top1_country", "top1_name", "topk_countries", "topk_names"):
        a[c] = a[c].astype(object).where(a[c].notna(), "")
    return a[cols]


def compute_concentration(production: pd.DataFrame | None, reserves: pd.DataFrame | None,
                          params: ExtendedParams) -> pd.DataFrame:
    """Top-1 / top-k shares of production (per stage) and of reserves, one long frame.

    ``basis`` is 'production' or 'reserves' (stage '' for reserves).
    """
    parts = []
    if production is not None and len(production):
        t = top_shares(production, "quantity", ("mineral", "year", "stage"), params.top_n)
        parts.append(t.assign(basis="production"))
    if reserves is not None and len(reserves):
        t = top_shares(reserves, "reserves", ("mineral", "year"), params.top_n)
        parts.append(t.assign(basis="reserves", stage=""))
    if not parts:
        return empty_frame(CONC_COLUMNS, floats=("total", "top1_share", "topk_share", "others_share"),
                           ints=("year", "n_countries", "k"))
    out = pd.concat(parts, ignore_index=True)[CONC_COLUMNS]
    return out.sort_values(["mineral", "basis", "stage", "year"], kind="stable").reset_index(drop=True)
