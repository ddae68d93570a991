"""Reserve-to-production ratio (储采比 / 保障年限), METHODS §3.

    RP(m, i, t) = reserves(m, i, t) / production(m, i, t')      in years

per country and for the world (``country = WORLD``).  Production is primary
(first of ``params.primary_stages`` the mineral has).  t' = t when that year
has production, else the latest earlier year (flag ``production_year:<t'>``).
World reserves = the WORLD row of the reserves table when present, else the
sum of the countries and OTHERS (flag ``world_from_sum``); world production =
sum of producers and OTHERS.  ``warning`` = RP < ``params.reserve_warning_years``
(default 20).  Flags: ``no_production`` (RP empty), ``zero_production`` (RP
empty: production is 0), reserve cell states (``reserves_withheld`` …).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import (
    OTHERS, WORLD, empty_frame, join_flags, merge_nearest_year, pick_stage, usable, world_production, years_text,
)
from desktop.core.metrics.extended.params import ExtendedParams

COLUMNS = ["mineral", "country", "year", "reserves", "production", "production_year", "stage", "rp_years",
           "warning", "flag"]


def compute_reserve_years(production: pd.DataFrame | None, reserves: pd.DataFrame | None,
                          params: ExtendedParams) -> pd.DataFrame:
    if reserves is None or len(reserves) == 0:
        return empty_frame(COLUMNS, floats=("reserves", "production", "production_year", "rp_years"),
                           bools=("warning",))
    r = usable(reserves, "reserves", ("mineral", "country", "year"))
    # world reserves: the WORLD row, else the sum of countries + OTHERS
    has_world = r[r["country"] == WORLD][["mineral", "year"]].drop_duplicates().assign(_w=True)
    sums = r[(r["country"] != WORLD) & r["valid"]].groupby(["mineral", "year"], as_index=False)["reserves"].sum()
    sums = sums.merge(has_world, on=["mineral", "year"], how="left")
    sums = sums[sums["_w"].isna()].drop(columns="_w").assign(country=WORLD, valid=True, state="", _sum=True)
    r = pd.concat([r.assign(_sum=False), sums], ignore_index=True)
    r = r[r["country"] != OTHERS]

    p = usable(production, "quantity", ("mineral", "country", "year", "stage")) if production is not None \
        else usable(None, "quantity", ("mineral", "country", "year", "stage"))
    p = pick_stage(p, params.primary_stages)
    p_country = p[(p["country"] != WORLD) & (p["country"] != OTHERS) & p["valid"]][
        ["mineral", "country", "year", "stage", "quantity"]]
    w = world_production(production, params.primary_stages) if production is not None and len(production) \
        else empty_frame(["mineral", "year", "stage", "quantity"])
    w = w[w["quantity"].notna()][["mineral", "year", "stage", "quantity"]].assign(country=WORLD)
    prod = pd.concat([p_country, w], ignore_index=True)
    m = merge_nearest_year(r[["mineral", "country", "year", "reserves", "valid", "state", "_sum"]], prod,
                           by=["mineral", "country"], value_cols=["quantity", "stage"],
                           suffix_year="production_year")
    res = m["reserves"].to_numpy(dtype=float)
    q = m["quantity"].to_numpy(dtype=float)
    ok = np.isfinite(res) & np.isfinite(q) & (q > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        rp = np.where(ok, res / np.where(ok, q, 1.0), np.nan)
    warn = ok & (rp < float(params.reserve_warning_years))
    state = m["state"].fillna("").to_numpy(dtype=object)
    flag = join_flags(len(m), [
        ("reserves_withheld", state == "W"),
        ("reserves_missing", ~m["valid"].eq(True).to_numpy() & (state != "W")),
        ("world_from_sum", m["_sum"].eq(True).to_numpy()),
        ("no_production", ~np.isfinite(q)),
        ("zero_production", np.isfinite(q) & (q <= 0)),
        years_text("production_year", m["production_year"], m["year"]),
        (f"below_{params.reserve_warning_years:g}_years", warn),
    ])
    out = pd.DataFrame({"mineral": m["mineral"], "country": m["country"], "year": m["year"].astype("int64"),
                        "reserves": res, "production": q, "production_year": m["production_year"].astype(float),
                        "stage": m["stage"].fillna("").astype(object), "rp_years": rp, "warning": warn,
                        "flag": flag})
    return out[COLUMNS].sort_values(["mineral", "country", "year"]).reset_index(drop=True)
