"""Governance risk Γ from the World Bank WGI (METHODS §2.3).

Per estimate x of indicator j, country i, year t:

    Γr = 1 − (x + bound) / span            (defaults bound 3.5, span 2·bound = 7)

0 = best governance, 1 = worst.  An estimate outside ±bound (or any Γr outside
[0, 1] when a custom span is used, or Γr exactly 0 at x = +bound) is clipped
into (0, 1]: to 1 on the bad side and to ``gamma_epsilon`` on the good side
(so the geometric mean stays > 0), flag ``clipped``.  Γ = geometric mean of the indicators present
(VA PV GE RQ RL CC); fewer than six → flag ``partial_indicators``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.dataset import WGI_INDICATORS
from desktop.core.metrics.flags import join_flags
from desktop.core.metrics.states import stated_values, text_column
from desktop.core.metrics.params import EngineParams

COLUMNS = ["country", "year", "gamma", "n_indicators", "flag"]


def compute_gamma(governance: pd.DataFrame, params: EngineParams) -> pd.DataFrame:
    """Governance risk Γ per (country, year): the geometric mean of the clipped Γr of its WGI indicators.

    Γr = 1 − (x + bound) / span per estimate x, clipped into (0, 1] (see the module docstring).  Only
    usable estimates of the six WGI indicators (VA PV GE RQ RL CC) count; a repeated (country, year,
    indicator): the last row wins.  Every year is kept (the analysis period does not narrow Γ, which is
    carried forward by :func:`gamma_for`).

    Parameters
    ----------
    governance : DataFrame or None
        The canonical governance table (country, year, indicator, estimate, estimate_state).  None or
        empty gives the empty table.
    params : EngineParams
        ``wgi_bound`` (bound), ``span`` (``wgi_span``, default 2·bound) and ``gamma_epsilon`` (the floor of
        a clipped Γr).

    Returns
    -------
    DataFrame
        country, year, gamma, n_indicators and flag, ordered by country and year.  Flags:
        ``partial_indicators`` (fewer than six indicators), ``clipped``.
    """
    if governance is None or len(governance) == 0:
        return _empty()
    x, usable, _, _ = stated_values(governance, "estimate")
    indicator = text_column(governance, "indicator").str.upper().str.strip()
    years = pd.to_numeric(governance["year"], errors="coerce").to_numpy(dtype=float)
    keep = usable & indicator.isin(WGI_INDICATORS).to_numpy() & np.isfinite(years)
    if not keep.any():
        return _empty()
    country = text_column(governance, "country").to_numpy(dtype=object)[keep]
    years = years[keep].astype(np.int64)
    x = x[keep]
    ind = indicator.to_numpy(dtype=object)[keep]
    # one estimate per country, year, indicator: the last row wins (as Dataset.merge)
    dedup = pd.DataFrame({"c": country, "y": years, "i": ind}).duplicated(keep="last").to_numpy()
    if dedup.any():
        country, years, x = country[~dedup], years[~dedup], x[~dedup]

    bound, span, eps = float(params.wgi_bound), params.span, float(params.gamma_epsilon)
    g = 1.0 - (x + bound) / span
    clipped = (x < -bound) | (x > bound) | (g <= 0) | (g > 1)
    g = np.where(clipped, np.clip(g, eps, 1.0), g)

    c_codes, c_names = pd.factorize(country, sort=True)
    y0 = years.min()
    ny = int(years.max() - y0 + 1)
    key = c_codes.astype(np.int64) * ny + (years - y0)
    uk, inv = np.unique(key, return_inverse=True)
    inv = inv.reshape(-1)
    cnt = np.bincount(inv, minlength=len(uk))
    with np.errstate(divide="ignore"):
        logs = np.log(g)
    zero = np.bincount(inv, weights=(g <= 0).astype(float), minlength=len(uk)) > 0
    sum_log = np.bincount(inv, weights=np.where(g > 0, logs, 0.0), minlength=len(uk))
    gamma = np.where(zero, 0.0, np.exp(sum_log / cnt))
    any_clip = np.bincount(inv, weights=clipped.astype(float), minlength=len(uk)) > 0
    flag = join_flags(len(uk), [("partial_indicators", cnt < len(WGI_INDICATORS)), ("clipped", any_clip)])
    return pd.DataFrame({
        "country": np.asarray(c_names, dtype=object)[uk // ny],
        "year": (uk % ny + y0).astype(np.int64),
        "gamma": gamma,
        "n_indicators": cnt.astype(np.int64),
        "flag": flag,
    })


def gamma_for(gamma_frame: pd.DataFrame, country_years: pd.DataFrame) -> pd.DataFrame:
    """Γ for each (country, year) asked for, carrying the nearest earlier year forward.

    Returns country, year, gamma, n_indicators, gamma_year, flag — one row per
    row of ``country_years`` in its order.  A carried value is flagged
    ``carried_forward:<year>`` (before the source row's own flags); no
    earlier year → gamma empty, flag ``missing_governance``.
    """
    want = pd.DataFrame({"country": text_column(country_years, "country").to_numpy(dtype=object),
                         "year": pd.to_numeric(country_years["year"]).to_numpy(dtype=np.int64)})
    want["_row"] = np.arange(len(want))
    n = len(want)
    if n == 0:
        return pd.DataFrame({"country": pd.Series(dtype=object), "year": pd.Series(dtype="int64"),
                             "gamma": pd.Series(dtype=float), "n_indicators": pd.Series(dtype=float),
                             "gamma_year": pd.Series(dtype=float), "flag": pd.Series(dtype=object)})
    have = gamma_frame[["country", "year", "gamma", "n_indicators", "flag"]].rename(
        columns={"flag": "_gflag"}).copy()
    have = have[have["gamma"].notna()]
    have["country"] = have["country"].astype(object)
    have["year"] = have["year"].astype(np.int64)
    have["gamma_year"] = have["year"]
    merged = pd.merge_asof(want.sort_values("year", kind="stable"), have.sort_values("year", kind="stable"),
                           on="year", by="country", direction="backward")
    merged = merged.sort_values("_row", kind="stable").reset_index(drop=True)
    gy = merged["gamma_year"].to_numpy(dtype=float)
    years = merged["year"].to_numpy()
    missing = ~np.isfinite(gy)
    carried = ~missing & (gy < years)
    carry_txt = np.full(n, "", dtype=object)
    if carried.any():
        years_from = pd.Series(gy[carried].astype(np.int64)).astype(str).to_numpy(dtype=object)
        carry_txt[carried] = "carried_forward:" + years_from
    own = merged["_gflag"].fillna("").to_numpy(dtype=object)
    flag = join_flags(n, [("missing_governance", missing), carry_txt, own])
    return pd.DataFrame({
        "country": merged["country"].to_numpy(dtype=object),
        "year": years.astype(np.int64),
        "gamma": merged["gamma"].to_numpy(dtype=float),
        "n_indicators": merged["n_indicators"].to_numpy(dtype=float),
        "gamma_year": gy,
        "flag": flag,
    })


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"country": pd.Series(dtype=object), "year": pd.Series(dtype="int64"),
                         "gamma": pd.Series(dtype=float), "n_indicators": pd.Series(dtype="int64"),
                         "flag": pd.Series(dtype=object)})
