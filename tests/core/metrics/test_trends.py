"""Trend classes: one hand-made series per class."""
import numpy as np
import pandas as pd

from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.trends import classify_trends

P0 = EngineParams()


def frame(series: dict, start=2013, extra=None) -> pd.DataFrame:
    recs = []
    for key, values in series.items():
        for i, v in enumerate(values):
            recs.append({"mineral": key, "year": start + i, "v": v, **(extra or {})})
    return pd.DataFrame(recs)


SERIES = {
    "rising": [1, 2, 3, 4, 5],              # slope 1/yr, fitted change 4 vs level 3 → +133 %
    "falling": [5, 4, 3, 2, 1],
    "rise_then_fall": [1, 3, 5, 3, 1],      # max 5 in 2015 (interior), rise 4 and fall 4 ≥ 0.1·2.6
    "fall_then_rise": [5, 3, 1, 3, 5],
    "stable": [10, 10.2, 9.9, 10.1, 10],    # fitted change ≈ 0, range 0.3 < 0.1·10
    "volatile": [1, 5, 1, 5, 1, 5],         # 4 reversals; std of changes 4 / level 3 = 1.33 ≥ 0.25
    "insufficient_data": [1, 2],
}


def test_each_class():
    out = classify_trends(frame(SERIES), "v", None, P0).set_index("mineral")
    for expected in SERIES:
        assert out.loc[expected, "trend"] == expected, (expected, out.loc[expected, "explanation"])
        assert out.loc[expected, "explanation"].startswith(expected + ":")
    assert list(classify_trends(frame(SERIES), "v", None, P0).columns) == [
        "mineral", "first_year", "last_year", "n", "slope", "trend", "persistently", "explanation"]
    assert np.isclose(out.loc["rising", "slope"], 1.0)
    assert out.loc["rising", "first_year"] == 2013 and out.loc["rising", "last_year"] == 2017
    assert "2015" in out.loc["rise_then_fall", "explanation"]


def test_small_wiggle_on_a_rise_is_still_rising():
    # 1..10 then 9.5: fall 0.5 < 0.1 · mean 5.95 → not rise_then_fall
    out = classify_trends(frame({"x": list(range(1, 11)) + [9.5]}), "v", None, P0)
    assert out.trend[0] == "rising"


def test_persistently_high_and_low():
    out = classify_trends(frame({"hi": [0.6, 0.7, 0.5, 0.9], "lo": [0.1, 0.2, 0.1, 0.1],
                                 "mix": [0.1, 0.9, 0.1, 0.9]}), "v", 0.5, P0).set_index("mineral")
    assert out.loc["hi", "persistently"] == "persistently_high"       # 0.5 ≥ 0.5 counts as high
    assert out.loc["lo", "persistently"] == "persistently_low"
    assert out.loc["mix", "persistently"] == ""
    assert "threshold 0.5" in out.loc["hi", "explanation"]


def test_missing_years_skipped_and_group_keys():
    f = pd.DataFrame({"mineral": ["a"] * 6, "country": ["USA"] * 3 + ["CHN"] * 3, "stage": [""] * 6,
                      "year": [2013, 2014, 2015] * 2, "v": [0.1, np.nan, 0.3, np.nan, np.nan, np.nan]})
    out = classify_trends(f, "v", None, P0)
    assert list(out.columns[:3]) == ["mineral", "country", "stage"]
    usa = out[out.country == "USA"].iloc[0]
    assert usa.n == 2 and usa.trend == "insufficient_data"
    chn = out[out.country == "CHN"].iloc[0]
    assert chn.n == 0 and pd.isna(chn.first_year) and chn.trend == "insufficient_data"


def test_parameters_change_the_class():
    # change 10 → 11 over 5 years: +10 % of level 10.5 → rising at tolerance 5 %, stable at 20 %
    f = frame({"x": [10, 10.25, 10.5, 10.75, 11]})
    assert classify_trends(f, "v", None, EngineParams(trend_tolerance=0.05)).trend[0] == "rising"
    assert classify_trends(f, "v", None, EngineParams(trend_tolerance=0.2)).trend[0] == "stable"


def test_years_parameter():
    f = frame({"x": [1, 2, 3, 4, 5, 4, 3, 2, 1]})
    out = classify_trends(f, "v", None, EngineParams(years=(2013, 2017)))
    assert out.trend[0] == "rising" and out.last_year[0] == 2017


def test_all_zero_is_stable():
    assert classify_trends(frame({"z": [0, 0, 0, 0]}), "v", None, P0).trend[0] == "stable"
