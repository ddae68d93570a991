"""Layout recognisers, one module per publisher format (see ``base.Recogniser``).

Each module defines ``RECOGNISERS``: a list of recogniser instances.  :data:`MODULES` lists them in the
tie-break order used when two recognisers are equally confident; each is imported here by name, so a
missing module is an ImportError, not a format silently no longer read.
"""
from __future__ import annotations

from desktop.core.ingest.base import Recogniser
from desktop.core.ingest.recognisers import (
    analyst,
    baci,
    eol_rir,
    pinksheet,
    template,
    usgs_nir,
    usgs_salient,
    usgs_world,
    wgi,
    wmd,
)

# the tie-break order: the first of two equally confident recognisers reads the sheet
MODULES = (template, usgs_world, usgs_salient, usgs_nir, wgi, wmd, baci, pinksheet, eol_rir, analyst)


def all_recognisers() -> list[Recogniser]:
    """Every recogniser, in the tie-break order of :data:`MODULES`."""
    return [recogniser for module in MODULES for recogniser in module.RECOGNISERS]
