"""EU supply risk SR: a small case computed by hand."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.extended import ExtendedParams, compute_eu_sr
from desktop.core.metrics.extended.eu import scaled_wgi

P = ExtendedParams()


def gov(values):
    return pd.DataFrame([dict(country=c, year=y, indicator=i, estimate=x)
                         for (c, y), x in values.items() for i in ("VA", "PV", "GE", "RQ", "RL", "CC")])


def inputs():
    prod = pd.DataFrame({"mineral": "co", "country": ["COD", "AUS", "DEU"], "year": 2022, "stage": "mine",
                         "quantity": [80.0, 10.0, 10.0]})
    g = gov({("COD", 2022): -1.5, ("AUS", 2022): 1.0, ("DEU", 2021): 1.5})      # DEU only 2021: carried
    dep = pd.DataFrame({"mineral": "co", "country": "DEU", "year": 2022, "stage": "mine", "D": [0.8]})
    trade = pd.DataFrame({"mineral": "co", "year": 2022, "stage": "mine", "exporter": ["COD", "AUS"],
                          "importer": "DEU", "value_kusd": [1.0, 1.0], "quantity_t": [30.0, 10.0]})
    rec = pd.DataFrame({"mineral": ["co"], "year": [2022], "eol_rir": [0.2]})
    return prod, g, dep, rec, trade


def test_scaled_wgi():
    # (2.5 − mean) × 2, clipped to 0..10
    assert scaled_wgi(np.array([-1.5, 1.0, 1.5, -3.0, 3.0]), P).tolist() == [8.0, 3.0, 2.0, 10.0, 0.0]


def test_eu_sr_hand_computed():
    r = compute_eu_sr(*inputs(), P).iloc[0]
    # WGI scaled: COD 8, AUS 3, DEU 2
    # global shares 0.8 / 0.1 / 0.1 → 0.64·8 + 0.01·3 + 0.01·2 = 5.17
    assert r["HHI_WGI_global"] == pytest.approx(5.17)
    # sourcing of DEU: own 10 + COD 30 + AUS 10 = 50 → 0.2 / 0.6 / 0.2 → 0.04·2 + 0.36·8 + 0.04·3 = 3.08
    assert r["HHI_WGI_sourcing"] == pytest.approx(3.08)
    # SR = (5.17 · 0.8/2 + 3.08 · (1 − 0.8/2)) · (1 − 0.2) · 1 = (2.068 + 1.848) · 0.8 = 3.1328
    assert r["SR"] == pytest.approx(3.1328)
    assert r["above_threshold"] and r["IR"] == 0.8
    assert "wgi_carried" in r["flag"] and r["coverage_global"] == 1.0


def test_eu_sr_needs_its_inputs():
    prod, g, dep, rec, trade = inputs()
    # no trade flows → no sourcing HHI → SR empty, flagged
    r = compute_eu_sr(prod, g, dep, rec, None, P).iloc[0]
    assert np.isnan(r["SR"]) and "no_sourcing_data" in r["flag"]
    # no EoL-RIR → empty unless the parameter says 0
    r = compute_eu_sr(prod, g, dep, None, trade, P).iloc[0]
    assert np.isnan(r["SR"]) and "missing_eol_rir" in r["flag"]
    r = compute_eu_sr(prod, g, dep, None, trade, ExtendedParams(eu_missing_eol_rir_as_zero=True)).iloc[0]
    assert r["SR"] == pytest.approx(3.916) and "eol_rir_assumed_0" in r["flag"]      # 2.068 + 1.848


def test_eu_sr_missing_wgi_lowers_coverage():
    prod, g, dep, rec, trade = inputs()
    g = g[g["country"] != "AUS"]
    r = compute_eu_sr(prod, g, dep, rec, trade, P).iloc[0]
    # AUS (10 % of world production) has no WGI: left out of the sum, coverage 0.9
    assert r["HHI_WGI_global"] == pytest.approx(5.14) and r["coverage_global"] == pytest.approx(0.9)
    assert "missing_wgi" in r["flag"]
