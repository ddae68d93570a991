"""Extended indicators (METHODS §3): growth and criticality potential, concentration, reserve
years, supply-security categories, recycled stream, EU supply risk, GeoPolRisk, demand scenarios
and the what-if stress test.  Pure pandas/numpy, no Qt; see docs/metrics-extended.md.

``run_extended(dataset, core_tables, params)`` is called by ``engine.run`` after the core
indicators (``prepare_context`` and ``prepare_trade_and_governance``, the parts that need the dataset
alone, run on the engine's second thread while the core indicators are computed); it returns extra result tables
(an indicator whose inputs are absent is an empty table with its columns).  ``params`` is the
engine's :class:`EngineParams` (its ``country`` becomes the assessed country when
``ExtendedParams.assessed_countries`` is empty, its ``years`` narrow the output years) or an
:class:`ExtendedParams`; pass ``ext_params`` to set the extended thresholds explicitly.
"""
from __future__ import annotations

import dataclasses
from concurrent.futures import Future, ThreadPoolExecutor

import pandas as pd

from desktop.core.dataset import WGI_INDICATORS
from desktop.core.metrics.extended._base import governance_mean, trade_quantities
from desktop.core.metrics.extended._prod import production_context
from desktop.core.metrics.extended.categories import compute_categories
from desktop.core.metrics.extended.concentration import compute_concentration, hhi, shares, top_shares
from desktop.core.metrics.extended.eu import compute_eu_sr
from desktop.core.metrics.extended.geopolrisk import compute_geopolrisk
from desktop.core.metrics.extended.growth import compute_criticality_potential, compute_growth, rescale_growth
from desktop.core.metrics.extended_params import IEA_2040_MULTIPLIERS, ExtendedParams
from desktop.core.metrics.extended.recycled import compute_recycled
from desktop.core.metrics.extended.reserves import compute_reserve_years
from desktop.core.metrics.extended.scenarios import compute_scenarios
from desktop.core.metrics.extended.whatif import Shock, run_whatif
from desktop.core.metrics.supply_risk import prepare_production

__all__ = ["run_extended", "prepare_context", "prepare_trade_and_governance", "ExtendedParams",
           "IEA_2040_MULTIPLIERS", "Shock", "run_whatif", "hhi", "shares", "top_shares", "compute_growth",
           "compute_criticality_potential", "compute_concentration", "compute_reserve_years",
           "compute_categories", "compute_recycled", "compute_eu_sr", "compute_geopolrisk", "compute_scenarios",
           "EXTENDED_TABLES"]

EXTENDED_TABLES = ("production_growth", "criticality_potential", "concentration", "reserve_years",
                   "supply_categories", "recycled_supply_risk", "eu_supply_risk", "geopolrisk",
                   "demand_scenarios", "extended_parameters")


def _table(dataset, name: str) -> pd.DataFrame | None:
    tables = getattr(dataset, "tables", dataset)
    frame = tables.get(name) if isinstance(tables, dict) else None
    return frame if frame is not None and len(frame) else None


def _resolve(params, ext_params: ExtendedParams | None) -> tuple[ExtendedParams, tuple[int, int] | None]:
    years = None
    if isinstance(params, ExtendedParams):
        ext = params
    else:
        ext = getattr(params, "extended", None) or ExtendedParams()
        if params is not None and hasattr(params, "year_range"):
            years = params.year_range()
    if ext_params is not None:
        ext = ext_params
    country = getattr(params, "country", None)
    if country and not ext.assessed_countries:
        ext = dataclasses.replace(ext, assessed_countries=(str(country),))
    return ext, years


def prepare_context(dataset, params=None) -> dict:
    """``ctx``: with an analysis period in ``params``, the production context over every year (growth
    needs the years before the period), built from the core's integer-coded preparation; without a
    period nothing ({}): the core's shares table serves."""
    if _resolve(params, None)[1] is None:
        return {}
    production = _table(dataset, "production")
    prepared = prepare_production(production) if production is not None else None
    return {"ctx": production_context(production, prepared=prepared)}


def prepare_trade_and_governance(dataset) -> dict:
    """``flows``: the bilateral trade flows as quantities (EU SR and GeoPolRisk); ``wgi_mean`` /
    ``pv_mean``: the mean WGI estimate of the six indicators (EU SR) and of PV alone (GeoPolRisk)
    per (country, year)."""
    trade = _table(dataset, "trade_flows")
    governance = _table(dataset, "governance")
    return {"flows": trade_quantities(trade) if trade is not None else None,
            "wgi_mean": governance_mean(governance, WGI_INDICATORS),
            "pv_mean": governance_mean(governance, ("PV",))}


def _lookup(prepared, key: str):
    """``prepared[key]``: ``prepared`` is a dict, a future of one, or a list of those, looked at in
    order (a future is waited for only when the keys before it are not the one asked for)."""
    for item in (prepared if isinstance(prepared, (list, tuple)) else [prepared]):
        got = item.result() if isinstance(item, Future) else item
        if key in got:
            return got[key]
    raise KeyError(key)


def run_extended(dataset, core_tables: dict[str, pd.DataFrame], params=None,
                 ext_params: ExtendedParams | None = None, prepared=None, pool=None) -> dict[str, pd.DataFrame]:
    """The extended tables.

    ``prepared``: what :func:`prepare_context` and :func:`prepare_trade_and_governance` give for
    ``dataset`` when the caller has it — a dict, a future of one, or a list of those (the engine passes
    the two futures, so the context is not held up by the rest);
    ``pool``: a one-thread executor of the caller's to queue the second thread's indicators on
    (else one is made here)."""
    ext, years = _resolve(params, ext_params)
    production = _table(dataset, "production")
    reserves = _table(dataset, "reserves")
    recycling = _table(dataset, "recycling")
    governance = _table(dataset, "governance")
    trade = _table(dataset, "trade_flows")
    dependency = core_tables.get("import_dependency")
    market = core_tables.get("market_dynamics")
    risk = core_tables.get("supply_risk")

    # The bilateral-trade indicators (EU SR, GeoPolRisk) and the reserve years run on a second thread
    # (``pool``: the engine's, queued behind its own work) while the others run here: numpy/pandas
    # release the GIL in their kernels, and every indicator only reads the shared inputs (the
    # context's lazily filled caches hold the same values whichever thread fills them first).  The
    # table order below is fixed, so results do not depend on timing.
    own_pool = pool is None
    pool = ThreadPoolExecutor(max_workers=1) if own_pool else pool
    try:
        if prepared is None:
            prepared = [pool.submit(prepare_trade_and_governance, dataset)]

        def prep(key: str):
            return _lookup(prepared, key)

        # one integer-coded view of production for every indicator: the core's production shares when
        # they cover every year (no analysis period), else one over every year (prepared, or made here)
        if years is None:
            ctx = production_context(production, core_tables.get("production_shares"))
        else:
            try:
                ctx = prep("ctx")
            except KeyError:
                ctx = prepare_context(dataset, params).get("ctx")

        f_eu = pool.submit(lambda: compute_eu_sr(production, governance, dependency, recycling, trade, ext, ctx,
                                                 prep("flows"), prep("wgi_mean")))
        f_geo = pool.submit(lambda: compute_geopolrisk(trade, production, governance, ext, ctx, prep("flows"),
                                                       prep("pv_mean")))
        f_res = pool.submit(compute_reserve_years, production, reserves, ext, ctx)

        growth = compute_growth(production, ext, ctx)
        if years is not None and len(growth):
            # G needs P_{t−n} from before the period; the min-max of G runs over the period only
            growth = rescale_growth(growth[growth["year"].between(*years)].reset_index(drop=True))
        potential = compute_criticality_potential(growth, risk, market, ext)
        concentration = compute_concentration(production, reserves, ext, ctx)
        categories = compute_categories(dependency, production, reserves, risk, ext, ctx)
        recycled = compute_recycled(risk, recycling, production, ext, ctx)
        scenarios = compute_scenarios(
            growth.rename(columns={"production": "quantity"}) if len(growth) else None, growth, ext)
        out = {
            "production_growth": growth,
            "criticality_potential": potential,
            "concentration": concentration,
            "reserve_years": f_res.result(),
            "supply_categories": categories,
            "recycled_supply_risk": recycled,
            "eu_supply_risk": f_eu.result(),
            "geopolrisk": f_geo.result(),
            "demand_scenarios": scenarios,
        }
    finally:
        if own_pool:
            pool.shutdown(wait=True, cancel_futures=True)
    if years is not None:
        for name, frame in out.items():
            if "year" in frame and len(frame):
                out[name] = frame[frame["year"].between(*years)].reset_index(drop=True)
    out["extended_parameters"] = pd.DataFrame(ext.to_rows(), columns=["name", "value", "description"])
    return out
