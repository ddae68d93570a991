"""The Overview's table, the Indicators view's series and the production layers, on hand-made results."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.engine import Results
from desktop.core.metrics.overview import (
    INDICATORS, assessed_country, indicator_rows, indicator_series, overview_table, primary, production_layers,
    threshold_for, thresholds_of, years_of,
)


def _results() -> Results:
    t = {
        "import_dependency": pd.DataFrame({
            "mineral": ["cobalt", "cobalt", "lithium", "cobalt"], "country": ["USA", "USA", "USA", "DEU"],
            "year": [2022, 2023, 2023, 2023], "stage": ["mine", "mine", "", "mine"],
            "production": [0.0, 0.0, 1.0, 0.0], "net_imports": [1.0, 1.0, 1.0, 1.0],
            "D": [0.8, 0.9, 0.3, 1.0], "flag": ["", "", "", ""]}),
        "market_dynamics": pd.DataFrame({"mineral": ["cobalt"], "year": [2023], "n": [5], "M_raw": [0.2],
                                         "M": [0.7], "flag": [""]}),
        "supply_risk": pd.DataFrame({
            "mineral": ["cobalt", "cobalt", "lithium", "nickel"], "year": [2023, 2023, 2023, 2023],
            "stage": ["refinery", "mine", "mine", "refinery"], "HHI": [0.6, 0.5, 0.3, 0.2],
            "R_raw": [0.3, 0.25, 0.1, 0.05], "R": [0.9, 0.8, 0.2, 0.1], "coverage": [1.0] * 4, "flag": [""] * 4}),
        "thresholds": pd.DataFrame({"metric": ["D", "M", "R"], "method": ["fixed:0.5", "midpoint", "midpoint"],
                                    "low_centre": [0.1, 0.1, 0.1], "high_centre": [0.9, 0.9, 0.9],
                                    "threshold": [0.5, 0.6, 0.4]}),
        "trends": pd.DataFrame({
            "metric": ["R", "R", "D", "M"], "mineral": ["cobalt", "cobalt", "cobalt", "cobalt"],
            "country": ["", "", "USA", ""], "stage": ["mine", "refinery", "mine", ""],
            "trend": ["rising", "falling", "stable", "volatile"]}),
        "concentration": pd.DataFrame({
            "mineral": ["cobalt", "cobalt"], "year": [2023, 2023], "basis": ["production", "reserves"],
            "stage": ["mine", ""], "top1_country": ["COD", "AUS"], "top1_share": [0.7, 0.5],
            "topk_share": [0.8, 0.9]}),
        "production_shares": pd.DataFrame({
            "mineral": ["cobalt"] * 5, "year": [2022, 2022, 2023, 2023, 2023], "stage": ["mine"] * 5,
            "country": ["COD", "RUS", "COD", "RUS", "OTHERS"], "quantity": [6.0, 4.0, 7.0, 2.0, 1.0],
            "share": [0.6, 0.4, 0.7, 0.2, 0.1], "flag": [""] * 5}),
        "extended_parameters": pd.DataFrame({"name": ["eu_sr_threshold", "top_n"], "value": [1.0, 3],
                                             "description": ["", ""]}),
    }
    return Results(tables=t)


def test_primary_prefers_mine_then_unnamed_stage():
    frame = pd.DataFrame({"mineral": ["a", "a", "b", "b", "c"], "stage": ["refinery", "mine", "", "refinery",
                                                                            "refinery"], "v": [1, 2, 3, 4, 5]})
    assert sorted(primary(frame)["v"]) == [2, 3, 5]


def test_overview_row_per_mineral_with_thresholds_counted():
    res = _results()
    table = overview_table(res, ["cobalt", "lithium", "nickel", "tin"], 2023, "USA")
    assert list(table["mineral"]) == ["cobalt", "lithium", "nickel"]          # tin: no value, left out
    cobalt = table.iloc[0]
    # the mine stage, not the refinery one with the higher R
    assert (cobalt["stage"], cobalt["R"], cobalt["HHI"]) == ("mine", 0.8, 0.5)
    assert (cobalt["D"], cobalt["M"]) == (0.9, 0.7)
    assert (cobalt["top_country"], cobalt["top_share"]) == ("COD", 0.7)
    # D 0.9 ≥ 0.5, M 0.7 ≥ 0.6, R 0.8 ≥ 0.4
    assert cobalt["above"] == 3
    assert (cobalt["trend_R"], cobalt["trend_D"], cobalt["trend_M"]) == ("rising", "stable", "volatile")
    lithium = table.iloc[1]
    assert lithium["D"] == 0.3 and np.isnan(lithium["M"]) and lithium["above"] == 0    # R 0.2 < 0.4
    # nickel only has a refinery stage: that is its primary one
    assert table.iloc[2]["stage"] == "refinery"
    assert len(overview_table(res, ["tin"], 2023, "USA", keep_empty=True)) == 1


def test_overview_country_choice():
    res = _results()
    assert overview_table(res, ["cobalt"], 2023, "DEU").iloc[0]["D"] == 1.0
    assert assessed_country(res) is None                     # two countries: the analyst must choose
    assert np.isnan(overview_table(res, ["cobalt"], 2023).iloc[0]["D"])
    single = _results()
    single.tables["import_dependency"] = single.tables["import_dependency"].iloc[:3]
    assert assessed_country(single) == "USA"


def test_thresholds_and_years():
    res = _results()
    thr = thresholds_of(res)
    assert (thr["D"], thr["M"], thr["R"], thr["eu_sr_threshold"]) == (0.5, 0.6, 0.4, 1.0)
    assert threshold_for(res, INDICATORS["R_recycled"]) == 0.4
    assert threshold_for(res, INDICATORS["HHI"]) is None
    assert years_of(res) == [2022, 2023]


def test_series_per_mineral_and_stage_in_selection_order():
    res = _results()
    series = indicator_series(res, INDICATORS["R"], ["nickel", "cobalt"])
    assert [(s.mineral, s.stage) for s in series] == [("nickel", "refinery"), ("cobalt", "mine"),
                                                      ("cobalt", "refinery")]
    d = indicator_series(res, INDICATORS["D"], ["cobalt"], "USA")
    assert len(d) == 1 and list(d[0].years) == [2022, 2023] and list(d[0].values) == [0.8, 0.9]
    assert len(indicator_rows(res, INDICATORS["top1"], ["cobalt"])) == 1          # production basis only


def test_production_layers_top_and_others():
    stage, years, layers = production_layers(_results(), "cobalt", top=1)
    assert stage == "mine" and list(years) == [2022, 2023]
    assert [name for name, _ in layers] == ["COD", "OTHERS"]
    assert layers[0][1] == pytest.approx([0.6, 0.7])
    assert layers[1][1] == pytest.approx([0.4, 0.3])          # RUS plus the unnamed rest
    total = sum(v for _, v in layers)
    assert total == pytest.approx([1.0, 1.0])
