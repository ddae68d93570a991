"""Minerals, countries and aggregates with every spelling publishers use."""
from desktop.core.registry.normalise import normalise_name
from desktop.core.registry.registry import (
    AGGREGATE_CODES,
    OTHERS,
    WORLD,
    Registry,
    default_registry,
)

__all__ = ["AGGREGATE_CODES", "OTHERS", "WORLD", "Registry", "default_registry", "normalise_name"]
