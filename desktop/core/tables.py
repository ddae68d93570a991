"""The canonical tables: their names, key and value columns, and the vocabularies of their keys.

Pure definitions (no pandas), so that the window can be built before the data libraries are loaded;
:mod:`desktop.core.dataset` holds the operations on the tables and re-exports these names.
"""
from __future__ import annotations

# table -> (key columns, value columns with a state companion, other value columns)
SCHEMA: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "production": (("mineral", "country", "year", "stage"), ("quantity",), ("unit",)),
    "balance": (("mineral", "country", "year", "stage"),
                ("production", "imports", "exports", "net_imports"), ("unit",)),
    "prices": (("mineral", "year"), ("price",), ("unit",)),
    "governance": (("country", "year", "indicator"), ("estimate",), ()),
    "reserves": (("mineral", "country", "year"), ("reserves",), ("unit",)),
    "recycling": (("mineral", "year"), ("eol_rir",), ()),
    "chain_risk": (("mineral", "stream", "stage", "dimension"), ("score",), ("source", "note")),
    "lists": (("list", "mineral"), (), ()),
    # Policy events (desktop.core.chain.events): end_year empty = still in force.
    "events": (("country", "mineral", "stage", "type", "start_year"), (), ("end_year", "source", "note")),
    # What-if scenarios (desktop.core.scenarios): one row per change; the scenario's rationale and source
    # are repeated on each of its rows.  type: production | exports | demand; from_year / target_year empty
    # = every year / the parameters' target year; factor 0 with production = removed, with exports = a ban;
    # partners (exports only): the importers that lose the exports, ';'-joined ISO3, empty = every partner;
    # event (type event only): the policy event's type (chain/events.py), in force from from_year to
    # target_year (empty = still in force).
    "scenarios": (("scenario", "change_no"), (),
                  ("type", "mineral", "country", "stage", "from_year", "factor", "target_year", "rationale",
                   "source", "partners", "event")),
    # Content factors of the project (desktop.core.metrics.trade_content): t of ``basis`` per t of the traded
    # product of ``hs_code`` (HS-6 or a national tariff line) for ``mineral``; a row adds to the registry's
    # factors or overrides the one of the same code and mineral.
    "content_factors": (("hs_code", "mineral"), (), ("share", "basis", "source")),
    # Tables that publishers' files fill and the template does not have:
    # USGS net import reliance 0..1; import_sources: the major import sources the publisher lists, ';'-joined
    # ISO3 in its order (MCS Fig. 2); note: the commodity as published and the years of the sources.
    "usgs_nir": (("mineral", "country", "year"), ("nir",), ("import_sources", "note")),
    # Bilateral trade by HS code (BACI, Comtrade, customs tables), gross weight of the traded product: the
    # engine converts it to the production's basis with the content factors (metrics/trade_content.py).
    "trade": (("mineral", "year", "hs_code", "exporter", "importer"), (), ("stage", "value_kusd", "quantity_t")),
    "prices_real": (("mineral", "year"), ("price",), ("unit",)),        # Pink Sheet constant-dollar prices
    "trade_unit_values": (("mineral", "year", "stage"), ("price",), ("unit",)),   # BACI USD/t
    "trade_flows": (("mineral", "year", "stage", "exporter", "importer"), (), ("value_kusd", "quantity_t")),
}
TEMPLATE_TABLES = ("production", "balance", "prices", "governance", "reserves", "recycling", "chain_risk", "lists",
                   "events", "scenarios", "trade_flows", "content_factors")
TABLES = tuple(SCHEMA)
WGI_INDICATORS = ("VA", "PV", "GE", "RQ", "RL", "CC")
PRODUCTION_STAGES = ("mine", "refinery")
STREAMS = ("primary", "recycled")
CHAIN_STAGES = ("mining", "processing", "use", "recycling")
DIMENSIONS = {
    "primary": ("political", "investment", "trade", "technology", "regulatory"),
    "recycled": ("environment", "industry", "technology", "social", "economic", "political"),
}
INT_COLUMNS = {"year", "start_year", "change_no"}
TEXT_COLUMNS = {"mineral", "country", "stage", "indicator", "unit", "stream", "dimension",
                "source", "note", "list", "exporter", "importer", "type", "scenario", "rationale",
                "partners", "event", "hs_code", "basis", "import_sources"}
# Text columns that may be empty ("" = not said); the others are keys and always filled.
OPTIONAL_TEXT = {"stage", "unit", "source", "note", "rationale", "partners", "event", "basis", "import_sources"}


def columns(table: str) -> list[str]:
    """All columns of a canonical table, in order."""
    keys, stated, other = SCHEMA[table]
    out = list(keys)
    for col in stated:
        out += [col, f"{col}_state"]
    return out + list(other)
