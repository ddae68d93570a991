"""Market dynamics M: sample std / mean over a window of consecutive annual prices."""
import numpy as np

from desktop.core.metrics.market import COLUMNS, compute_market
from desktop.core.metrics.params import EngineParams

from .helpers import nan, prices, row

P0 = EngineParams()


def test_window_of_five_by_hand():
    # 2019: prices 1..5, mean 3, Σ(P−mean)² = 4+1+0+1+4 = 10, /(5−1) = 2.5, std = 1.5811, M_raw = 0.52705
    # 2020: prices 2..6, mean 4, same std → 0.39528
    out = compute_market(prices({"cobalt": {y: float(y - 2014) for y in range(2015, 2021)}}), P0)
    assert list(out.columns) == COLUMNS
    assert np.isclose(row(out, year=2019).M_raw, np.sqrt(2.5) / 3)
    assert np.isclose(row(out, year=2020).M_raw, np.sqrt(2.5) / 4)
    assert row(out, year=2019).n == 5
    for y in range(2015, 2019):
        r = row(out, year=y)
        assert np.isnan(r.M_raw) and np.isnan(r.M) and r.flag == "incomplete_window"
    # only two values in the analysis: min-max gives 1 and 0
    assert row(out, year=2019).M == 1.0 and row(out, year=2020).M == 0.0


def test_min_max_over_all_minerals_and_years():
    data = {"a": {2016: 1, 2017: 2, 2018: 3},       # mean 2, std 1 → 0.5
            "b": {2016: 2, 2017: 2, 2018: 2},       # 0
            "c": {2016: 1, 2017: 1, 2018: 4}}       # mean 2, std √3 → 0.8660
    out = compute_market(prices(data), EngineParams(window=3))
    got = out[out.year == 2018].set_index("mineral")
    assert np.isclose(got.loc["a", "M_raw"], 0.5)
    assert got.loc["b", "M_raw"] == 0 and got.loc["b", "M"] == 0
    assert got.loc["c", "M"] == 1
    # (0.5 − 0) / (0.8660 − 0) = 0.57735
    assert np.isclose(got.loc["a", "M"], 0.5 / (np.sqrt(3) / 2))


def test_gap_year_makes_window_incomplete():
    data = {"a": {2015: 1, 2016: 2, 2018: 3, 2019: 4, 2020: 5, 2021: 6, 2022: 7}}
    out = compute_market(prices(data), P0)
    # 2020's window 2016..2020 misses 2017 → incomplete; 2022's window 2018..2022 is complete
    assert row(out, year=2020).flag == "incomplete_window" and row(out, year=2020).n == 4
    assert row(out, year=2017).flag == "incomplete_window"       # the missing year has a row too
    assert np.isfinite(row(out, year=2022).M_raw)


def test_withheld_price_counts_as_missing():
    p = prices({"a": {y: float(y - 2010) for y in range(2011, 2017)}})
    p.loc[p.year == 2013, ["price", "price_state"]] = [nan, "W"]
    out = compute_market(p, P0)
    assert row(out, year=2016).flag == "incomplete_window"


def test_min_points_relaxes_with_flag():
    # window 5 ending 2017 holds 2015..2017 = 1, 2, 3: mean 2, std 1 → 0.5, flagged partial
    out = compute_market(prices({"a": {2015: 1, 2016: 2, 2017: 3, 2018: 4, 2019: 5}}),
                         EngineParams(min_points=3))
    r = row(out, year=2017)
    assert np.isclose(r.M_raw, 0.5) and r.flag == "partial_window" and r.n == 3
    assert row(out, year=2016).flag == "incomplete_window"
    assert row(out, year=2019).flag == ""


def test_all_equal_gives_zero_with_flag():
    out = compute_market(prices({"a": {2015: 1, 2016: 1, 2017: 1}, "b": {2015: 5, 2016: 5, 2017: 5}}),
                         EngineParams(window=3))
    done = out[out.year == 2017]
    assert (done.M == 0).all() and (done.flag == "constant").all()


def test_nonpositive_mean():
    out = compute_market(prices({"a": {2015: -1, 2016: -2, 2017: -3}}), EngineParams(window=3))
    r = row(out, year=2017)
    assert np.isnan(r.M_raw) and r.flag == "nonpositive_mean"


def test_years_parameter_limits_rows_but_not_windows():
    out = compute_market(prices({"a": {y: float(y) for y in range(2010, 2021)}}),
                         EngineParams(years=(2019, 2020)))
    assert list(out.year) == [2019, 2020]
    assert out.M_raw.notna().all()
