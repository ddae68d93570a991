"""Governance Γ: rescaled WGI, geometric mean, clipping and carry-forward."""
import numpy as np
import pandas as pd

from desktop.core.metrics.governance import compute_gamma, gamma_for
from desktop.core.metrics.params import EngineParams

from .helpers import governance, row

P0 = EngineParams()


def test_rescale_and_geometric_mean():
    g = compute_gamma(governance({
        ("AAA", 2020): 0.0,                                   # Γr = 1 − 3.5/7 = 0.5 each → Γ = 0.5
        ("BBB", 2020): [1.5, 1.5, 1.5, -1.5, -1.5, -1.5],     # 2/7 and 5/7 → (10/49)^(1/2) = 0.45175
    }), P0)
    assert list(g.columns) == ["country", "year", "gamma", "n_indicators", "flag"]
    assert np.isclose(row(g, country="AAA").gamma, 0.5)
    assert np.isclose(row(g, country="BBB").gamma, np.sqrt(10 / 49))
    assert (g.n_indicators == 6).all() and (g.flag == "").all()


def test_bound_and_span_are_parameters():
    # bound 2.5, span 5: x = 1 → 1 − 3.5/5 = 0.3
    g = compute_gamma(governance({("AAA", 2020): 1.0}), EngineParams(wgi_bound=2.5))
    assert np.isclose(g.gamma[0], 0.3)


def test_partial_indicators():
    frame = governance({("AAA", 2020): 0.0})
    frame = frame[frame.indicator.isin(["VA", "PV", "GE"])]
    g = compute_gamma(frame, P0)
    assert g.n_indicators[0] == 3 and g.flag[0] == "partial_indicators" and np.isclose(g.gamma[0], 0.5)


def test_clipping_only_outside_bound():
    # x = −4 < −3.5 → Γr = 1.0714 → clipped to 1; x = 4 > 3.5 → −0.071 → clipped to ε (> 0)
    g = compute_gamma(governance({("BAD", 2020): -4.0, ("GOOD", 2020): 4.0, ("OK", 2020): 2.5}), P0)
    assert row(g, country="BAD").gamma == 1.0 and row(g, country="BAD").flag == "clipped"
    good = row(g, country="GOOD")
    assert 0 < good.gamma <= 1e-5 and good.flag == "clipped"
    assert row(g, country="OK").flag == ""                    # 2.5 lies inside ±3.5
    assert np.isclose(row(g, country="OK").gamma, 1 - 6 / 7)


def test_missing_and_unknown_indicators_ignored():
    frame = governance({("AAA", 2020): 0.0})
    frame.loc[0, ["estimate", "estimate_state"]] = [np.nan, "NA"]
    extra = pd.DataFrame([dict(country="AAA", year=2020, indicator="XX", estimate=3.0, estimate_state="")])
    g = compute_gamma(pd.concat([frame, extra], ignore_index=True), P0)
    assert g.n_indicators[0] == 5 and np.isclose(g.gamma[0], 0.5)


def test_gamma_for_carries_nearest_earlier_year():
    g = compute_gamma(governance({("AAA", 2016): 0.0, ("AAA", 2018): 1.5, ("BBB", 2020): 0.0}), P0)
    want = pd.DataFrame({"country": ["AAA", "AAA", "AAA", "AAA", "BBB", "CCC"],
                         "year": [2018, 2019, 2017, 2015, 2019, 2020]})
    got = gamma_for(g, want)
    assert list(got.country) == list(want.country) and list(got.year) == list(want.year)
    assert np.isclose(got.gamma[0], 2 / 7) and got.flag[0] == ""
    assert np.isclose(got.gamma[1], 2 / 7) and got.flag[1] == "carried_forward:2018"
    assert np.isclose(got.gamma[2], 0.5) and got.flag[2] == "carried_forward:2016"
    for i in (3, 4, 5):                                       # nothing earlier → empty, never 0
        assert np.isnan(got.gamma[i]) and got.flag[i] == "missing_governance"
