"""Layout recognisers, one module per publisher format (see ``base.Recogniser``).

Each module defines ``RECOGNISERS``: a list of recogniser instances.  The order
below is the tie-break order when two recognisers are equally confident.
"""
from __future__ import annotations

import importlib

from desktop.core.ingest.base import Recogniser

MODULES = ("template", "usgs_world", "usgs_salient", "usgs_nir", "wgi", "wmd", "baci", "pinksheet", "eol_rir",
           "analyst")


def all_recognisers() -> list[Recogniser]:
    found: list[Recogniser] = []
    for name in MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # not written yet
            raise
        found.extend(module.RECOGNISERS)
    return found
