"""Minerals, countries and aggregates with every spelling publishers use."""
from desktop.core.registry.normalise import normalise_name
from desktop.core.registry.official_lists import Entry, OfficialList, official_list, official_lists
from desktop.core.registry.registry import (
    AGGREGATE_CODES,
    AGGREGATES,
    OTHERS,
    WORLD,
    Registry,
    default_registry,
)

__all__ = ["AGGREGATE_CODES", "AGGREGATES", "OTHERS", "WORLD", "Entry", "OfficialList", "Registry", "default_registry",
           "normalise_name", "official_list", "official_lists"]
