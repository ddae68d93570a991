"""The recogniser registry: every module registered, in the tie-break order."""
from __future__ import annotations

import pkgutil

from desktop.core.ingest import recognisers
from desktop.core.ingest.recognisers import MODULES, all_recognisers


def test_all_recognisers_in_the_tie_break_order():
    assert [r.name for r in all_recognisers()] == [
        "template", "usgs_world", "usgs_salient", "usgs_nir", "wgi", "wmd", "baci", "pinksheet", "price_table",
        "eol_rir", "analyst"]


def test_every_recogniser_module_is_registered():
    """A module written but not listed in MODULES would never read a sheet."""
    written = {m.name for m in pkgutil.iter_modules(recognisers.__path__)}
    assert written == {module.__name__.rsplit(".", 1)[1] for module in MODULES}


def test_the_analyst_package_keeps_its_names():
    from desktop.core.ingest.recognisers import analyst
    from desktop.core.ingest.recognisers.analyst.recogniser import AnalystTableRecogniser

    assert [type(r) for r in analyst.RECOGNISERS] == [AnalystTableRecogniser]
    assert analyst.AnalystTableRecogniser is AnalystTableRecogniser
    assert callable(analyst.analyse) and "注" in analyst.NOTE_PREFIXES
