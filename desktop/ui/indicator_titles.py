"""The window's words for the indicators: names, one-sentence meanings with the formula, trend arrows,
and the titles of the results tables' columns — in the interface language (Qt translations).

The core (:mod:`desktop.core.metrics.overview`) names indicators and trend classes by ids; these are
the titles of the chooser, the headers, the axes and the tooltips.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.titles import column_title


def indicator_name(ind: str) -> str:
    names = {
        "D": QCoreApplication.translate("Indicators", "Import dependency D"),
        "M": QCoreApplication.translate("Indicators", "Market dynamics M"),
        "R": QCoreApplication.translate("Indicators", "Supply risk R"),
        "HHI": QCoreApplication.translate("Indicators", "Concentration HHI"),
        "gamma": QCoreApplication.translate("Indicators", "Governance Γ"),
        "G": QCoreApplication.translate("Indicators", "Production growth G"),
        "C": QCoreApplication.translate("Indicators", "Criticality potential C"),
        "top1": QCoreApplication.translate("Indicators", "Top-1 producer share"),
        "topk": QCoreApplication.translate("Indicators", "Top-3 producers' share"),
        "reserve_years": QCoreApplication.translate("Indicators", "Reserve years (R/P)"),
        "category": QCoreApplication.translate("Indicators", "Supply-security category"),
        "R_recycled": QCoreApplication.translate("Indicators", "Recycled-adjusted supply risk"),
        "EU_SR": QCoreApplication.translate("Indicators", "EU supply risk SR"),
        "GeoPolRisk": QCoreApplication.translate("Indicators", "GeoPolRisk score"),
        "demand": QCoreApplication.translate("Indicators", "Demand scenarios: supply gap"),
        "import_HHI": QCoreApplication.translate("Indicators", "Import concentration HHI"),
        "import_top1": QCoreApplication.translate("Indicators", "Largest import source's share"),
        "import_high_risk": QCoreApplication.translate("Indicators", "Imports from high-risk partners"),
    }
    return names.get(ind, ind)


def indicator_short(ind: str) -> str:
    """The header and axis word: the symbol where the methods have one."""
    short = {
        "gamma": "Γ", "G": "G", "C": "C",
        "top1": QCoreApplication.translate("Indicators", "Top-1 share"),
        "topk": QCoreApplication.translate("Indicators", "Top-3 share"),
        "reserve_years": QCoreApplication.translate("Indicators", "R/P years"),
        "category": QCoreApplication.translate("Indicators", "Category"),
        "R_recycled": QCoreApplication.translate("Indicators", "R (recycled)"),
        "EU_SR": "SR", "GeoPolRisk": "GeoPolRisk",
        "demand": QCoreApplication.translate("Indicators", "Gap"),
        "import_HHI": QCoreApplication.translate("Indicators", "Import HHI"),
        "import_top1": QCoreApplication.translate("Indicators", "Top source share"),
        "import_high_risk": QCoreApplication.translate("Indicators", "High-risk share"),
    }
    return short.get(ind, ind)


def indicator_tip(ind: str) -> str:
    """What the indicator means and how it is computed, in one sentence (METHODS)."""
    tips = {
        "D": QCoreApplication.translate(
            "Indicators", "Share of the assessed country's supply that is imported: D = net imports / "
            "(production + net imports), 0 for a net exporter."),
        "M": QCoreApplication.translate(
            "Indicators", "Price volatility: the standard deviation of the window's annual prices divided by "
            "their mean, min-max scaled over all minerals and years."),
        "R": QCoreApplication.translate(
            "Indicators", "Governance-weighted concentration of production: R = Σ S² · Γ over producing "
            "countries (S share, Γ governance), min-max scaled."),
        "HHI": QCoreApplication.translate(
            "Indicators", "Herfindahl–Hirschman index of production: the sum of the squared country shares "
            "(1 = a single producer)."),
        "gamma": QCoreApplication.translate(
            "Indicators", "Weak governance of a country: the geometric mean of the six WGI estimates rescaled "
            "so that 1 is the worst."),
        "G": QCoreApplication.translate(
            "Indicators", "Annual growth of world production over n years, G = (Pₜ / Pₜ₋ₙ)^(1/n), "
            "scaled 0..1."),
        "C": QCoreApplication.translate(
            "Indicators", "Criticality potential: supply risk, production growth and market dynamics "
            "combined."),
        "top1": QCoreApplication.translate("Indicators", "Share of world production of the largest producer."),
        "topk": QCoreApplication.translate("Indicators", "Share of world production of the three largest "
                                                         "producers."),
        "reserve_years": QCoreApplication.translate(
            "Indicators", "Reserves divided by production: the years current production could last."),
        "category": QCoreApplication.translate(
            "Indicators", "Supply-security type from import dependency, supply risk and the domestic "
            "production and reserves base."),
        "R_recycled": QCoreApplication.translate(
            "Indicators", "Supply risk after the recycled stream: R × (1 − EoL-RIR), the end-of-life "
            "recycling input rate."),
        "EU_SR": QCoreApplication.translate(
            "Indicators", "EU criticality method: SR = (HHI-WGI of global supply and of sourcing, by import "
            "reliance) × substitution × (1 − EoL-RIR); 1 is the EU threshold."),
        "GeoPolRisk": QCoreApplication.translate(
            "Indicators", "GeoPolRisk: production concentration × the import shares weighted by the "
            "partners' political stability."),
        "demand": QCoreApplication.translate(
            "Indicators", "Demand scenarios: supply required by the demand multiplier in the target year "
            "minus the supply projected from the observed growth."),
        "import_HHI": QCoreApplication.translate(
            "Indicators", "Concentration of the assessed country's imports: the sum of the squared partner "
            "shares of its imports, in the production's basis (1 = a single supplier)."),
        "import_top1": QCoreApplication.translate(
            "Indicators", "Share of the assessed country's imports that comes from its largest supplier."),
        "import_high_risk": QCoreApplication.translate(
            "Indicators", "Share of the assessed country's imports from partners whose governance risk Γ is "
            "at or above the risk level (0.5)."),
    }
    return tips.get(ind, "")


TREND_ARROWS = {"rising": "↑", "falling": "↓", "stable": "→", "volatile": "↕", "rise_then_fall": "↗↘",
                "fall_then_rise": "↘↗", "insufficient_data": "·"}


def trend_name(trend: str) -> str:
    names = {
        "rising": QCoreApplication.translate("Indicators", "rising"),
        "falling": QCoreApplication.translate("Indicators", "falling"),
        "stable": QCoreApplication.translate("Indicators", "stable"),
        "volatile": QCoreApplication.translate("Indicators", "volatile"),
        "rise_then_fall": QCoreApplication.translate("Indicators", "rose, then fell"),
        "fall_then_rise": QCoreApplication.translate("Indicators", "fell, then rose"),
        "insufficient_data": QCoreApplication.translate("Indicators", "too few years for a trend"),
    }
    return names.get(trend, trend)


def result_column_title(name: str) -> str:
    """A results-table column's title (the data's own columns keep the Data view's titles)."""
    titles = {
        "D": "D", "M": "M", "R": "R", "HHI": "HHI", "R_raw": QCoreApplication.translate("Indicators", "R (raw)"),
        "M_raw": QCoreApplication.translate("Indicators", "M (raw)"),
        "gamma": "Γ", "n": QCoreApplication.translate("Indicators", "Prices in window"),
        "n_indicators": QCoreApplication.translate("Indicators", "WGI indicators"),
        "coverage": QCoreApplication.translate("Indicators", "Coverage"),
        "flag": QCoreApplication.translate("Indicators", "Flags"),
        "share": QCoreApplication.translate("Indicators", "Share"),
        "top_country": QCoreApplication.translate("Indicators", "Top producer"),
        "top_share": QCoreApplication.translate("Indicators", "Top share"),
        "top1_country": QCoreApplication.translate("Indicators", "Top producer"),
        "top1_share": QCoreApplication.translate("Indicators", "Top-1 share"),
        "topk_share": QCoreApplication.translate("Indicators", "Top-3 share"),
        "topk_countries": QCoreApplication.translate("Indicators", "Top producers"),
        "category": QCoreApplication.translate("Indicators", "Category"),
        "label": QCoreApplication.translate("Indicators", "Category"),
        "rp_years": QCoreApplication.translate("Indicators", "R/P years"),
        "trend": QCoreApplication.translate("Indicators", "Trend"),
        "threshold": QCoreApplication.translate("Indicators", "Threshold"),
        "above": QCoreApplication.translate("Indicators", "At or above threshold"),
        "trend_D": QCoreApplication.translate("Indicators", "Trend D"),
        "trend_M": QCoreApplication.translate("Indicators", "Trend M"),
        "trend_R": QCoreApplication.translate("Indicators", "Trend R"),
        "score": QCoreApplication.translate("Indicators", "Score"),
        "SR": "SR", "G_scaled": "G", "C": "C", "R_recycled": QCoreApplication.translate("Indicators", "R (recycled)"),
        "gap": QCoreApplication.translate("Indicators", "Gap"),
        "contribution": "S²·Γ", "gamma_year": QCoreApplication.translate("Indicators", "Γ year"),
        "gamma_r": "Γr", "input": QCoreApplication.translate("Indicators", "Input"),
        "used": QCoreApplication.translate("Indicators", "Used"),
        "rank": QCoreApplication.translate("Indicators", "Rank"),
        "name": QCoreApplication.translate("Indicators", "Name"),
        "mean": QCoreApplication.translate("Indicators", "Mean"),
        "std": QCoreApplication.translate("Indicators", "Std. dev."),
        "value": QCoreApplication.translate("Indicators", "Value"),
        "state": QCoreApplication.translate("Indicators", "State"),
        "partner": QCoreApplication.translate("Indicators", "Partner"),
        "partners": QCoreApplication.translate("Indicators", "Partners"),
        "top1_partner": QCoreApplication.translate("Indicators", "Largest source"),
        "top_partners": QCoreApplication.translate("Indicators", "Largest sources"),
        "high_risk_share": QCoreApplication.translate("Indicators", "High-risk share"),
        "gamma_coverage": QCoreApplication.translate("Indicators", "Γ coverage"),
        "largest_producer": QCoreApplication.translate("Indicators", "Largest producer"),
        "hs_code": QCoreApplication.translate("Indicators", "HS code"),
        "factor": QCoreApplication.translate("Indicators", "Factor"),
    }
    return titles.get(name) or column_title(name)
