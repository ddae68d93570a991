"""The words the window uses for the data: table, column and stage titles, what a value state means.

In the interface language (Qt translations).  The core's message catalogue names tables and columns by
their ids inside sentences; these are the titles of tabs, headers and cells.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.values import GREATER, LESS, MISSING, NET_EXPORTER, WITHHELD, is_range
from desktop.ui.models.table_data import SOURCE


def table_title(table: str) -> str:
    titles = {
        "production": QCoreApplication.translate("DataView", "Production"),
        "balance": QCoreApplication.translate("DataView", "Balance"),
        "prices": QCoreApplication.translate("DataView", "Prices"),
        "governance": QCoreApplication.translate("DataView", "Governance"),
        "reserves": QCoreApplication.translate("DataView", "Reserves"),
        "recycling": QCoreApplication.translate("DataView", "Recycling"),
        "lists": QCoreApplication.translate("DataView", "Lists"),
        "chain_risk": QCoreApplication.translate("DataView", "Chain risk"),
        "usgs_nir": QCoreApplication.translate("DataView", "USGS net import reliance"),
        "prices_real": QCoreApplication.translate("DataView", "Real prices"),
        "trade_unit_values": QCoreApplication.translate("DataView", "Trade unit values"),
        "trade_flows": QCoreApplication.translate("DataView", "Trade flows"),
        "events": QCoreApplication.translate("DataView", "Policy events"),
        "scenarios": QCoreApplication.translate("DataView", "Scenarios"),
        "trade": QCoreApplication.translate("DataView", "Trade by HS code"),
        "content_factors": QCoreApplication.translate("DataView", "Content factors"),
    }
    return titles.get(table, table)


def column_title(name: str) -> str:
    """A column's title in the interface language (the core's catalogue names columns by their ids)."""
    titles = {
        "mineral": QCoreApplication.translate("DataColumns", "Mineral"),
        "country": QCoreApplication.translate("DataColumns", "Country"),
        "year": QCoreApplication.translate("DataColumns", "Year"),
        "stage": QCoreApplication.translate("DataColumns", "Stage"),
        "quantity": QCoreApplication.translate("DataColumns", "Quantity"),
        "unit": QCoreApplication.translate("DataColumns", "Unit"),
        "production": QCoreApplication.translate("DataColumns", "Production"),
        "imports": QCoreApplication.translate("DataColumns", "Imports"),
        "exports": QCoreApplication.translate("DataColumns", "Exports"),
        "net_imports": QCoreApplication.translate("DataColumns", "Net imports"),
        "price": QCoreApplication.translate("DataColumns", "Price"),
        "indicator": QCoreApplication.translate("DataColumns", "Indicator"),
        "estimate": QCoreApplication.translate("DataColumns", "Estimate"),
        "reserves": QCoreApplication.translate("DataColumns", "Reserves"),
        "eol_rir": QCoreApplication.translate("DataColumns", "EoL-RIR"),
        "stream": QCoreApplication.translate("DataColumns", "Stream"),
        "dimension": QCoreApplication.translate("DataColumns", "Dimension"),
        "score": QCoreApplication.translate("DataColumns", "Score"),
        "note": QCoreApplication.translate("DataColumns", "Notes"),
        "list": QCoreApplication.translate("DataColumns", "List"),
        "nir": QCoreApplication.translate("DataColumns", "Net import reliance"),
        "exporter": QCoreApplication.translate("DataColumns", "Exporter"),
        "importer": QCoreApplication.translate("DataColumns", "Importer"),
        "value_kusd": QCoreApplication.translate("DataColumns", "Value (kUSD)"),
        "quantity_t": QCoreApplication.translate("DataColumns", "Quantity (t)"),
        "type": QCoreApplication.translate("DataColumns", "Type"),
        "start_year": QCoreApplication.translate("DataColumns", "From year"),
        "end_year": QCoreApplication.translate("DataColumns", "To year"),
        "scenario": QCoreApplication.translate("DataColumns", "Scenario"),
        "change_no": QCoreApplication.translate("DataColumns", "Change no."),
        "from_year": QCoreApplication.translate("DataColumns", "From year"),
        "factor": QCoreApplication.translate("DataColumns", "Factor"),
        "target_year": QCoreApplication.translate("DataColumns", "Target year"),
        "rationale": QCoreApplication.translate("DataColumns", "Rationale"),
        "partners": QCoreApplication.translate("DataColumns", "Partners"),
        "event": QCoreApplication.translate("DataColumns", "Policy event"),
        "hs_code": QCoreApplication.translate("DataColumns", "HS code"),
        "share": QCoreApplication.translate("DataColumns", "Share"),
        "basis": QCoreApplication.translate("DataColumns", "Basis"),
        SOURCE: QCoreApplication.translate("DataColumns", "Source file"),
    }
    return titles.get(name, name)


def stage_title(stage: str) -> str:
    titles = {
        "mine": QCoreApplication.translate("DataColumns", "mine"),
        "refinery": QCoreApplication.translate("DataColumns", "refinery"),
        "mining": QCoreApplication.translate("DataColumns", "mining"),
        "processing": QCoreApplication.translate("DataColumns", "processing"),
        "use": QCoreApplication.translate("DataColumns", "use"),
        "recycling": QCoreApplication.translate("DataColumns", "recycling"),
    }
    return titles.get(stage, stage)


def state_meaning(state: str) -> str:
    if state == WITHHELD:
        return QCoreApplication.translate("DataColumns",
                                          "W: withheld by the publisher to avoid disclosing company data")
    if state == MISSING:
        return QCoreApplication.translate("DataColumns", "NA: not available")
    if state == NET_EXPORTER:
        return QCoreApplication.translate("DataColumns", "E: net exporter")
    if state == GREATER:
        return QCoreApplication.translate("DataColumns", "More than the number shown (a bound)")
    if state == LESS:
        return QCoreApplication.translate("DataColumns", "Less than the number shown (a bound)")
    if is_range(state):
        return QCoreApplication.translate("DataColumns", "A range: the lower bound is stored")
    return ""
