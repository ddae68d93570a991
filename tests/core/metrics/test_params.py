import dataclasses

import pytest

from desktop.core.metrics.params import EngineParams, parse_threshold_method


def test_defaults_and_span():
    p = EngineParams()
    assert p.window == 5 and p.wgi_bound == 3.5 and p.span == 7.0
    assert EngineParams(wgi_bound=2.5).span == 5.0
    assert EngineParams(wgi_bound=2.5, wgi_span=6).span == 6.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.window = 3


def test_threshold_methods():
    assert parse_threshold_method("midpoint") == ("midpoint", None)
    assert parse_threshold_method("distance") == ("distance", None)
    assert parse_threshold_method("fixed:0.4") == ("fixed", 0.4)
    assert parse_threshold_method("preset:0.29") == ("fixed", 0.29)
    for bad in ("median", "fixed:x", "preset:nope"):
        with pytest.raises(ValueError):
            parse_threshold_method(bad)
    p = EngineParams()
    assert p.method_for("D") == "fixed:0.5"
    assert p.method_for("M") == "midpoint" and p.method_for("R") == "midpoint"
    assert EngineParams(d_threshold=0.6).method_for("D") == "fixed:0.6"
    assert EngineParams(d_threshold_method="midpoint").method_for("D") == "midpoint"
    assert EngineParams(r_threshold_method="preset:0.29").method_for("R") == "preset:0.29"


def test_validation():
    with pytest.raises(ValueError):
        EngineParams(withheld_policy="zero")
    with pytest.raises(ValueError):
        EngineParams(window=1)
    with pytest.raises(ValueError):
        EngineParams(window=5, min_points=6)
    with pytest.raises(ValueError):
        EngineParams(threshold_method="fixed:")


def test_to_rows_lists_every_field():
    rows = EngineParams(country="USA", years=(2013, 2022)).to_rows()
    names = [r["name"] for r in rows]
    for f in dataclasses.fields(EngineParams):
        if f.name == "extended":      # listed by the results' own extended_parameters table
            continue
        if f.name == "import_sources":  # its one setting of the analyst's: the partners' risk level
            assert "import_risk_level" in names
            continue
        assert f.name in names
    by = {r["name"]: r for r in rows}
    assert by["country"]["value"] == "USA"
    assert by["min_points"]["value"] == ""          # empty, never 'None'
    assert by["years"]["value"] == "2013–2022"
    assert by["import_risk_level"]["value"] == 0.5                # the default ImportSourceParams
    assert all(r["description"] for r in rows)
