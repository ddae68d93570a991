"""Production shares, HHI and governance-weighted supply risk R (METHODS §2.3).

Groups are (mineral, year, stage).  A group's denominator is the sum of the
listed producers' quantities plus the ``OTHERS`` aggregate when present;
``OTHERS`` has a share but is not a country, so it adds no square term.
``WORLD`` rows are never producers (a group with only WORLD rows is ignored).
Withheld or missing quantities are left out and the whole group is flagged
``withheld_producers``; negative quantities are left out with ``negative_quantity``.

    HHI   = Σ_i S_i²                  (listed producers)
    R_raw = Σ_i S_i² · Γ_i            (producers with a Γ; Γ carried forward from
                                       the nearest earlier year when missing)
    coverage = Σ_{i with Γ} S_i / Σ_i S_i   (listed producers)
    R     = min-max of R_raw over every mineral, year and stage of the analysis

Everything is computed with integer group codes and ``numpy.bincount``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.core.metrics._common import (
    BOUND_STATES, _codes, check, flag_codes, in_years, join_flags, minmax, numbers_of, split_states, states_and_plain,
)
from desktop.core.metrics.governance import gamma_for
from desktop.core.metrics.params import EngineParams

SHARE_COLUMNS = ["mineral", "year", "stage", "country", "quantity", "share", "flag"]
RISK_COLUMNS = ["mineral", "year", "stage", "HHI", "R_raw", "R", "coverage", "flag"]


@dataclass
class _Prepared:
    n: int
    mineral: np.ndarray
    minerals: np.ndarray
    country: np.ndarray
    countries: np.ndarray
    stage: np.ndarray
    stages: np.ndarray
    year: np.ndarray
    y0: int
    ny: int
    qty: np.ndarray           # usable quantity or NaN
    raw_qty: np.ndarray       # the number as stored
    withheld: np.ndarray
    valid: np.ndarray         # counted (finite, state ''/bound, >= 0)
    bound: np.ndarray
    others: np.ndarray
    group: np.ndarray         # dense group code (mineral, year, stage)
    n_groups: int
    keep: np.ndarray | None   # rows that take part (None = every row); others are WORLD / outside the years
    other_unit: np.ndarray | None = None   # rows left out: not the unit of their mixed-unit group
    unit_flag: np.ndarray | None = None    # per group id: 'mixed_units:<used>|<other>…' or ''


def _prepare(production: pd.DataFrame, params: EngineParams | None) -> _Prepared | None:
    """Integer codes and masks of the rows that matter (WORLD rows and years outside the period left out).

    Works on whole columns (factorise once, compare once) and never copies the input
    frame; excluded rows stay in the arrays with ``valid`` False and are masked out
    by ``keep`` (subsetting eight 5 M-row arrays costs more than masking).
    """
    if production is None or len(production) == 0:
        return None
    n_all = len(production)
    year = pd.to_numeric(production["year"], errors="coerce").to_numpy(dtype=float)
    c, countries = _codes(production, "country", n_all)
    keep = np.isfinite(year)
    world = np.flatnonzero(countries == "WORLD")
    if len(world):
        keep &= c != world[0]
    if params is not None and params.year_range() is not None:
        keep &= in_years(np.nan_to_num(year, nan=-1).astype(np.int64), params)
    if not keep.any():
        return None
    m, minerals = _codes(production, "mineral", n_all)
    s, stages = _codes(production, "stage", n_all)
    q = numbers_of(production, "quantity")
    st, plain = states_and_plain(production, "quantity")
    plain, masks = split_states(st, plain)
    bnd = np.zeros(n_all, dtype=bool)
    for name in BOUND_STATES:
        if name in masks:
            bnd |= masks[name]
    withheld = masks.get("W", np.zeros(n_all, dtype=bool))
    all_kept = bool(keep.all())
    valid = np.isfinite(q) & (plain | bnd) & (q >= 0)
    if not all_kept:
        valid &= keep
        year = np.where(keep, year, year[keep][0])          # excluded rows: any kept year (never counted)
    year = year.astype(np.int64)
    others_code = np.flatnonzero(countries == "OTHERS")
    others = (c == others_code[0]) if len(others_code) else np.zeros(n_all, dtype=bool)
    yk = year if all_kept else year[keep]
    y0 = int(yk.min())
    ny = int(yk.max()) - y0 + 1
    ns = len(stages)
    group = m * ny                                          # in place: no 5 M-row temporaries
    group += year
    group -= y0
    group *= ns
    group += s
    n_groups = len(minerals) * ny * ns
    other_unit, unit_flag = _mixed_units(production, n_all, group, n_groups, valid & ~others, valid)
    if other_unit is not None:
        valid &= ~other_unit
    return _Prepared(n_all, m, minerals, c, countries, s, stages, year, y0, ny,
                     q if valid.all() else np.where(valid, q, np.nan), q, withheld, valid, bnd & valid,
                     others, group, n_groups, None if all_kept else keep, other_unit, unit_flag)


def prepare_production(production: pd.DataFrame, params: EngineParams | None = None) -> _Prepared | None:
    """The integer-coded preparation shared by the shares, R and the extended indicators' production
    context (``params=None``: every year)."""
    return _prepare(production, params)


def _mixed_units(production: pd.DataFrame, n: int, group: np.ndarray, n_groups: int, listed: np.ndarray,
                 valid: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Mixed units in one (mineral, year, stage) group (docs/metrics.md §2.3).

    A group whose listed producers with a usable quantity carry more than one distinct non-empty
    ``unit`` is computed over the unit of the most such rows (a tie: the first unit in sorted
    order); rows (producers and OTHERS) with another non-empty unit are left out.  Returns
    (row mask left out, per-group flag text) or (None, None) when no group mixes units.
    """
    if "unit" not in production:
        return None, None
    u, units = _codes(production, "unit", n)
    named = np.array([str(x).strip() != "" for x in units], dtype=bool)
    if named.sum() < 2:
        return None, None
    nu = len(units)
    sel = listed & named[u]
    counts = np.bincount(group[sel] * nu + u[sel], minlength=n_groups * nu).reshape(n_groups, nu)
    mixed = (counts > 0).sum(axis=1) > 1
    if not mixed.any():
        return None, None
    chosen = counts.argmax(axis=1)                    # first of the most frequent (codes are sorted)
    other = valid & named[u] & mixed[group] & (u != chosen[group])
    flag = np.full(n_groups, "", dtype=object)
    for g in np.flatnonzero(mixed):
        rest = [str(units[k]) for k in np.flatnonzero(counts[g] > 0) if k != chosen[g]]
        flag[g] = "mixed_units:" + "|".join([str(units[chosen[g]])] + rest)
    return other, flag


def _group_frame(p: _Prepared, gids: np.ndarray) -> dict:
    ns = len(p.stages)
    s = gids % ns
    rest = gids // ns
    return {"mineral": p.minerals[rest // p.ny], "year": (rest % p.ny + p.y0).astype(np.int64),
            "stage": p.stages[s]}


def _shares(p: _Prepared) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(share per row, total per group, bad-row count per group); computed once per preparation."""
    cached = p.__dict__.get("_shares")
    if cached is not None:
        return cached
    G = p.n_groups
    total = np.bincount(p.group, weights=np.where(p.valid, p.qty, 0.0), minlength=G)
    left_out = ~p.valid if p.keep is None else (~p.valid & p.keep)
    if p.other_unit is not None:
        left_out = left_out & ~p.other_unit                 # flagged mixed_units, not withheld
    bad = np.bincount(p.group, weights=left_out.astype(float), minlength=G)
    with np.errstate(invalid="ignore", divide="ignore"):
        tot_row = total[p.group]
        share = np.where(p.valid & (tot_row > 0), p.qty / np.where(tot_row > 0, tot_row, 1.0), np.nan)
    p.__dict__["_shares"] = (share, total, bad)
    return share, total, bad


def production_shares(production: pd.DataFrame, params: EngineParams | None = None) -> pd.DataFrame:
    """Each producer's share of its (mineral, year, stage) group; rows in input order (WORLD left out).

    The text columns (mineral, stage, country, flag) are ``category`` dtype: the table has a row per
    producer (millions of rows for a world dataset) and categories keep it small and fast.  Compare
    them like text; group with ``observed=True``.

    Row flags: ``withheld`` / ``missing`` / ``negative_quantity`` for a row left out,
    ``bound`` for a printed bound used, ``withheld_producers`` on every row of a group
    with a left-out row, ``no_production`` when the group's total is 0.
    """
    p = _prepare(production, params)
    if p is None:
        return _empty(SHARE_COLUMNS, {"year": "int64", "quantity": float, "share": float})
    return _shares_frame(p)


def _shares_frame(p: _Prepared) -> pd.DataFrame:
    share, total, bad = _shares(p)
    idx = None if p.keep is None else np.flatnonzero(p.keep)

    def sub(a):
        return a if idx is None else a[idx]

    group = sub(p.group)
    valid = sub(p.valid)
    withheld = sub(p.withheld)
    raw = sub(p.raw_qty)
    left_out = ~valid
    negative = left_out & np.isfinite(raw) & (raw < 0)
    # flags straight into categorical codes: no per-row strings
    other_unit = sub(p.other_unit) if p.other_unit is not None else np.zeros(len(group), dtype=bool)
    parts = [("withheld", withheld), ("missing", left_out & ~withheld & ~negative & ~other_unit),
             ("negative_quantity", negative), ("bound", sub(p.bound)), ("withheld_producers", bad[group] > 0),
             ("no_production", ~(total[group] > 0)), ("other_unit", other_unit)]
    if p.unit_flag is not None:
        # the group's mixed_units text joins the row flags (codes per group, gathered per row)
        ucodes, utexts = pd.factorize(p.unit_flag)
        parts.append(pd.Categorical.from_codes(ucodes[group], categories=pd.Index(utexts, dtype=object)))
    codes, labels = flag_codes(len(group), parts)
    return _frame_by_column({
        "mineral": _categorical(sub(p.mineral), p.minerals),
        "year": sub(p.year),
        "stage": _categorical(sub(p.stage), p.stages),
        "country": _categorical(sub(p.country), p.countries),
        "quantity": sub(p.qty) if idx is not None else p.qty.copy(),   # never a view of the input
        "share": sub(share),
        "flag": pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype=object)),
    })


def _categorical(codes: np.ndarray, categories: np.ndarray) -> pd.Categorical:
    small = codes.astype(np.int32 if len(categories) > 32000 else np.int16)
    return pd.Categorical.from_codes(small, categories=pd.Index(categories, dtype=object))


def _frame_by_column(columns: dict) -> pd.DataFrame:
    """A DataFrame whose columns stay separate blocks (no copy of millions of object pointers)."""
    return pd.DataFrame(columns, copy=False)


def compute_supply_risk(production: pd.DataFrame, gamma: pd.DataFrame | None, params: EngineParams,
                        *, cancelled=None) -> pd.DataFrame:
    p = _prepare(production, params)
    if p is None:
        return _empty(RISK_COLUMNS, {"year": "int64", "HHI": float, "R_raw": float, "R": float,
                                     "coverage": float})
    return _risk(p, gamma, cancelled)


def supply_tables(production: pd.DataFrame, gamma: pd.DataFrame | None, params: EngineParams,
                  *, cancelled=None, submit=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(production_shares, supply_risk) sharing one preparation pass (used by the engine).

    ``submit``: an executor's ``submit``; the shares table is then built there while R is computed
    here (both only read the preparation)."""
    p = _prepare(production, params)
    if p is None:
        return (_empty(SHARE_COLUMNS, {"year": "int64", "quantity": float, "share": float}),
                _empty(RISK_COLUMNS, {"year": "int64", "HHI": float, "R_raw": float, "R": float,
                                      "coverage": float}))
    check(cancelled)
    _shares(p)                                  # cached before the two readers start
    f_shares = submit(_shares_frame, p) if submit is not None else None
    risk = _risk(p, gamma, cancelled)
    check(cancelled)
    return (f_shares.result() if f_shares is not None else _shares_frame(p)), risk


def _risk(p: _Prepared, gamma: pd.DataFrame | None, cancelled) -> pd.DataFrame:
    G = p.n_groups
    share, total, bad = _shares(p)
    present = (np.bincount(p.group, minlength=G) if p.keep is None
               else np.bincount(p.group, weights=p.keep.astype(float), minlength=G)) > 0
    check(cancelled)
    producer = p.valid & ~p.others
    # Γ for every (country, year) pair that produces: dense country × year table.
    nc = len(p.countries)
    cy = p.country * p.ny + (p.year - p.y0)
    pairs = np.flatnonzero(np.bincount(cy[producer], minlength=nc * p.ny) > 0) if producer.any() \
        else np.zeros(0, dtype=np.int64)
    g_dense = np.full(nc * p.ny, np.nan)
    carried_dense = np.zeros(nc * p.ny, dtype=bool)
    if len(pairs) and gamma is not None and len(gamma):
        asked = pd.DataFrame({"country": p.countries[pairs // p.ny],
                              "year": (pairs % p.ny + p.y0).astype(np.int64)})
        got = gamma_for(gamma, asked)
        g_dense[pairs] = got["gamma"].to_numpy(dtype=float)
        gy = got["gamma_year"].to_numpy(dtype=float)
        carried_dense[pairs] = np.isfinite(gy) & (gy < asked["year"].to_numpy())
    check(cancelled)
    g_row = g_dense[cy]
    has_g = producer & np.isfinite(g_row)
    s = np.where(producer & ~np.isnan(share), share, 0.0)       # shares are ≤ 1: only NaN to clear
    s2 = s * s
    hhi = np.bincount(p.group, weights=s2, minlength=G)
    r_raw = np.bincount(p.group, weights=np.where(has_g, s2 * g_row, 0.0), minlength=G)
    listed = np.bincount(p.group, weights=s, minlength=G)
    covered = np.bincount(p.group, weights=np.where(has_g, s, 0.0), minlength=G)
    n_prod = np.bincount(p.group, weights=producer.astype(float), minlength=G)
    # sparse masks: count on the few rows they select
    n_missing = np.bincount(p.group[producer & ~has_g & (s > 0)], minlength=G)
    n_carried = np.bincount(p.group[has_g & carried_dense[cy]], minlength=G)
    n_bound = np.bincount(p.group[p.bound], minlength=G)

    gids = np.flatnonzero(present)
    no_prod = ~(total[gids] > 0)
    no_listed = ~no_prod & (n_prod[gids] == 0)
    empty = no_prod | no_listed
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = np.where(empty, np.nan, covered[gids] / np.where(listed[gids] > 0, listed[gids], 1.0))
    HHI = np.where(empty, np.nan, hhi[gids])
    no_gamma = ~empty & (covered[gids] <= 0)
    R_raw = np.where(empty | no_gamma, np.nan, r_raw[gids])
    R, constant = minmax(R_raw)
    flag = join_flags(len(gids), [
        p.unit_flag[gids] if p.unit_flag is not None else np.full(len(gids), "", dtype=object),
        ("no_production", no_prod),
        ("no_listed_producers", no_listed),
        ("withheld_producers", bad[gids] > 0),
        ("missing_governance", ~empty & (n_missing[gids] > 0)),
        ("governance_carried_forward", ~empty & (n_carried[gids] > 0)),
        ("bound", n_bound[gids] > 0),
        ("constant", np.isfinite(R_raw) & constant),
    ])
    out = _group_frame(p, gids)
    out.update({"HHI": HHI, "R_raw": R_raw, "R": R, "coverage": cov, "flag": flag})
    return pd.DataFrame(out, columns=RISK_COLUMNS)


def _empty(cols: list[str], dtypes: dict) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in cols})
