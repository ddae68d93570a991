"""Recycled stream (再生资源): EoL-RIR, recycled-adjusted supply risk, secondary share (METHODS §3).

    R_recycled = R × (1 − EoL-RIR)                (EU method; also R_raw × (1 − EoL-RIR))
    secondary_share = EoL-RIR                       (by definition: end-of-life recycled input /
                                                     total input of the raw material)
    secondary_supply_implied = P × EoL-RIR / (1 − EoL-RIR)
                                                    (recycled supply implied by world primary production P;
                                                     empty when EoL-RIR = 1)

EoL-RIR comes from the ``recycling`` table of the latest year at or before t, else the
nearest later year (EU values are published for one year, e.g. 2023); flag
``eol_rir_year:<y>`` when the year differs.  No value → the recycled columns are empty
with flag ``missing_eol_rir`` (never 0).  Values outside 0..1 are left out (``eol_rir_out_of_range``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import empty_frame, join_flags, usable, years_text
from desktop.core.metrics.extended.kernels import asof_index, pair_keys
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended_params import ExtendedParams

COLUMNS = ["mineral", "year", "stage", "R", "R_raw", "eol_rir", "eol_rir_year", "R_recycled", "R_raw_recycled",
           "secondary_share", "primary_production", "secondary_supply_implied", "flag"]


def eol_rir_for(recycling: pd.DataFrame | None, wanted: pd.DataFrame) -> pd.DataFrame:
    """wanted (mineral, year) + eol_rir, eol_rir_year, out_of_range: the latest year at or before,
    else the nearest later year (integer codes and :func:`asof_index`, no merge)."""
    w = wanted[["mineral", "year"]].reset_index(drop=True)
    n = len(w)
    if recycling is None or len(recycling) == 0 or n == 0:
        return w.assign(eol_rir=np.nan, eol_rir_year=np.nan, out_of_range=False)
    r = usable(recycling, "eol_rir", ("mineral", "year"))
    bad = (r["valid"] & ~r["eol_rir"].between(0, 1)).to_numpy()
    good = r["valid"].to_numpy() & ~bad
    # one code space for the minerals of both sides
    wk, rk = pair_keys(w["mineral"].to_numpy(dtype=object), np.zeros(n, dtype=object),
                       r["mineral"].to_numpy(dtype=object), np.zeros(len(r), dtype=object))
    wy = w["year"].to_numpy(dtype=np.int64)
    rv, ry = r["eol_rir"].to_numpy(dtype=float), r["year"].to_numpy(dtype=np.int64)
    g = np.flatnonzero(good)
    # duplicates of (mineral, year): the last row wins; asof_index takes the last of equal keys
    hit = asof_index(wk, wy, rk[g], ry[g], "backward")
    fwd = asof_index(wk, wy, rk[g], ry[g], "forward")
    if len(g):
        # forward on duplicates: the last row of the first later year, as the backward side
        fy = np.where(fwd >= 0, ry[g][np.maximum(fwd, 0)], -1)
        last = asof_index(wk, np.where(fwd >= 0, fy, wy), rk[g], ry[g], "backward")
        fwd = np.where(fwd >= 0, last, -1)
    hit = np.where(hit >= 0, hit, fwd)
    found = hit >= 0
    h = g[np.maximum(hit, 0)] if len(g) else np.zeros(n, dtype=np.int64)
    bad_keys = np.unique(rk[bad])
    return w.assign(eol_rir=np.where(found, rv[h] if len(g) else np.nan, np.nan),
                    eol_rir_year=np.where(found, ry[h].astype(float) if len(g) else np.nan, np.nan),
                    out_of_range=np.isin(wk, bad_keys) & (wk >= 0))


def compute_recycled(supply_risk: pd.DataFrame | None, recycling: pd.DataFrame | None,
                     production: pd.DataFrame | None, params: ExtendedParams, ctx=None) -> pd.DataFrame:
    """The recycled-adjusted supply risk per supply-risk row (mineral, year, stage).

    R_recycled = R × (1 − EoL-RIR), R_raw_recycled = R_raw × (1 − EoL-RIR), secondary_share = EoL-RIR and
    secondary_supply_implied = P × EoL-RIR / (1 − EoL-RIR) (empty when EoL-RIR = 1), with P the world
    production of the row's own stage (producers + OTHERS, else the WORLD row).  EoL-RIR of the latest year
    at or before t, else the nearest later year (:func:`eol_rir_for`); none → the recycled columns are
    empty (never 0).

    Parameters
    ----------
    supply_risk : DataFrame or None
        The core supply-risk table (mineral, year, stage, R, R_raw); None or empty gives the empty table.
    recycling : DataFrame or None
        The recycling table (mineral, year, eol_rir, eol_rir_state); values outside 0..1 are left out.
    production : DataFrame or None
        The canonical production table (P); None (and no ``ctx``): P empty.
    params : ExtendedParams
        The extended parameters (not read here).
    ctx : ProductionContext, optional
        :func:`production_context` of ``production``, when the caller has it.

    Returns
    -------
    DataFrame
        mineral, year, stage, R, R_raw, eol_rir, eol_rir_year, R_recycled, R_raw_recycled, secondary_share,
        primary_production, secondary_supply_implied and flag, sorted by mineral, stage and year.  Flags:
        ``missing_eol_rir``, ``eol_rir_out_of_range``, ``eol_rir_year:<y>``, ``missing_R``, ``eol_rir_is_1``.
    """
    if supply_risk is None or len(supply_risk) == 0:
        return empty_frame(COLUMNS, floats=tuple(c for c in COLUMNS if c not in ("mineral", "year", "stage", "flag")))
    s = supply_risk[["mineral", "year", "stage", "R", "R_raw"]].reset_index(drop=True)
    e = eol_rir_for(recycling, s)
    eol = e["eol_rir"].to_numpy(dtype=float)
    R = s["R"].to_numpy(dtype=float)
    Rr = s["R_raw"].to_numpy(dtype=float)
    ctx = ctx if ctx is not None else (production_context(production) if production is not None else None)
    if ctx is not None:
        # world production of the row's own stage (producers + OTHERS, else the WORLD row)
        m = ctx.mineral_codes(s["mineral"].to_numpy(dtype=object))
        st = ctx.stage_codes(s["stage"].fillna("").to_numpy(dtype=object))
        y = ctx.year_offsets(s["year"].to_numpy(dtype=np.int64))
        ok = (m >= 0) & (st >= 0) & (y >= 0)
        P = np.full(len(s), np.nan)
        P[ok] = ctx.world_quantity()[ctx.group_of(m[ok], y[ok], st[ok])]
    else:
        P = np.full(len(s), np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        implied = np.where(np.isfinite(eol) & (eol < 1), P * eol / (1 - np.where(eol < 1, eol, 0.0)), np.nan)
    flag = join_flags(len(s), [("missing_eol_rir", ~np.isfinite(eol)),
                               ("eol_rir_out_of_range", e["out_of_range"].to_numpy(dtype=bool)),
                               years_text("eol_rir_year", e["eol_rir_year"], e["year"]),
                               ("missing_R", ~np.isfinite(R)),
                               ("eol_rir_is_1", np.isfinite(eol) & (eol >= 1))])
    out = pd.DataFrame({"mineral": s["mineral"], "year": s["year"].astype("int64"), "stage": s["stage"], "R": R,
                        "R_raw": Rr, "eol_rir": eol, "eol_rir_year": e["eol_rir_year"].to_numpy(dtype=float),
                        "R_recycled": R * (1 - eol), "R_raw_recycled": Rr * (1 - eol), "secondary_share": eol,
                        "primary_production": P, "secondary_supply_implied": implied, "flag": flag})
    return out[COLUMNS].sort_values(["mineral", "stage", "year"]).reset_index(drop=True)
