"""Extended indicators (METHODS §3): growth and criticality potential, concentration, reserve
years, supply-security categories, recycled stream, EU supply risk, GeoPolRisk, demand scenarios
and the what-if stress test.  Pure pandas/numpy, no Qt; see docs/metrics-extended.md.

``run_extended(dataset, core_tables, params)`` is the engine's last indicator step, after the core
indicators; it returns extra result tables
(an indicator whose inputs are absent is an empty table with its columns).  ``params`` is the
engine's :class:`EngineParams` (its ``country`` becomes the assessed country when
``ExtendedParams.assessed_countries`` is empty, its ``years`` narrow the output years) or an
:class:`ExtendedParams`; pass ``ext_params`` to set the extended thresholds explicitly.
"""
from __future__ import annotations

import dataclasses

import pandas as pd

from desktop.core.dataset import WGI_INDICATORS
from desktop.core.metrics.extended._base import governance_mean, trade_quantities
from desktop.core.metrics.extended.production_context import production_context
from desktop.core.metrics.extended.categories import compute_categories
from desktop.core.metrics.extended.concentration import compute_concentration, top_shares
from desktop.core.metrics.extended.eu import compute_eu_sr
from desktop.core.metrics.extended.geopolrisk import compute_geopolrisk
from desktop.core.metrics.extended.growth import compute_criticality_potential, compute_growth, rescale_growth
from desktop.core.metrics.extended_params import IEA_2040_MULTIPLIERS, ExtendedParams
from desktop.core.metrics.extended.recycled import compute_recycled
from desktop.core.metrics.extended.reserves import compute_reserve_years
from desktop.core.metrics.extended.scenarios import compute_scenarios
from desktop.core.metrics.extended.whatif import Shock, run_whatif
from desktop.core.metrics.supply_risk import ProductionRows

__all__ = ["run_extended", "ExtendedParams",
           "IEA_2040_MULTIPLIERS", "Shock", "run_whatif", "top_shares", "compute_growth",
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


def run_extended(dataset, core_tables: dict[str, pd.DataFrame], params=None,
                 ext_params: ExtendedParams | None = None, rows: ProductionRows | None = None
                 ) -> dict[str, pd.DataFrame]:
    """The extended tables, in their fixed order.

    Parameters
    ----------
    dataset : Dataset or dict of DataFrames
        The input tables (production, reserves, recycling, governance, trade_flows).
    core_tables : dict of DataFrames
        The core results (import_dependency, market_dynamics, supply_risk) the indicators build on.
    params : EngineParams or ExtendedParams, optional
        The engine's parameters (country → assessed country, years → output years) or the extended ones.
    ext_params : ExtendedParams, optional
        Sets the extended thresholds explicitly.
    rows : ProductionRows, optional
        The core's coded production rows over every year, when the caller has them (the engine
        without an analysis period); else they are coded here.
    """
    ext, years = _resolve(params, ext_params)
    production = _table(dataset, "production")
    reserves = _table(dataset, "reserves")
    recycling = _table(dataset, "recycling")
    governance = _table(dataset, "governance")
    trade = _table(dataset, "trade_flows")
    dependency = core_tables.get("import_dependency")
    market = core_tables.get("market_dynamics")
    risk = core_tables.get("supply_risk")

    # one coded view of production for every indicator, over every year (growth needs the years
    # before an analysis period): the core's rows when they cover every year
    ctx = production_context(production, rows if years is None else None)
    # bilateral trade as quantities (EU SR, GeoPolRisk); the mean WGI estimate of the six indicators
    # (EU SR) and of PV alone (GeoPolRisk) per (country, year)
    flows = trade_quantities(trade) if trade is not None else None
    wgi_mean = governance_mean(governance, WGI_INDICATORS)
    pv_mean = governance_mean(governance, ("PV",))

    growth = compute_growth(production, ext, ctx)
    if years is not None and len(growth):
        # G needs P_{t−n} from before the period; the min-max of G runs over the period only
        growth = rescale_growth(growth[growth["year"].between(*years)].reset_index(drop=True))
    out = {
        "production_growth": growth,
        "criticality_potential": compute_criticality_potential(growth, risk, market, ext),
        "concentration": compute_concentration(production, reserves, ext, ctx),
        "reserve_years": compute_reserve_years(production, reserves, ext, ctx),
        "supply_categories": compute_categories(dependency, production, reserves, risk, ext, ctx),
        "recycled_supply_risk": compute_recycled(risk, recycling, production, ext, ctx),
        "eu_supply_risk": compute_eu_sr(production, governance, dependency, recycling, trade, ext, ctx, flows,
                                        wgi_mean),
        "geopolrisk": compute_geopolrisk(trade, production, governance, ext, ctx, flows, pv_mean),
        "demand_scenarios": compute_scenarios(
            growth.rename(columns={"production": "quantity"}) if len(growth) else None, growth, ext),
    }
    if years is not None:
        for name, frame in out.items():
            if "year" in frame and len(frame):
                out[name] = frame[frame["year"].between(*years)].reset_index(drop=True)
    out["extended_parameters"] = pd.DataFrame(ext.to_rows(), columns=["name", "value", "description"])
    return out
