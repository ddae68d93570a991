"""GeoPolRisk: small cases by hand, PV missing → 0.5, quantity from value."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.extended import ExtendedParams, compute_geopolrisk
from desktop.core.metrics.extended.geopolrisk import pv_weight

P = ExtendedParams()


def test_pv_weight():
    # g = clamp((2.5 − PV)/5, 0, 1); missing → 0.5
    g = pv_weight(np.array([2.5, -2.5, 0.0, 3.0, -3.0, np.nan]), P)
    assert g.tolist() == [0.0, 1.0, 0.5, 0.0, 1.0, 0.5]


def test_geopolrisk_small_case_pv_missing():
    trade = pd.DataFrame({"mineral": "co", "year": 2022, "stage": "mine", "exporter": ["COD", "ZMB"],
                          "importer": "CHN", "value_kusd": [10.0, 5.0], "quantity_t": [60.0, 30.0]})
    prod = pd.DataFrame({"mineral": "co", "country": ["COD", "AUS", "CHN"], "year": 2022, "stage": "mine",
                         "quantity": [70.0, 20.0, 10.0]})
    gov = pd.DataFrame({"country": ["COD"], "year": [2022], "indicator": ["PV"], "estimate": [-1.5]})
    r = compute_geopolrisk(trade, prod, gov, P).iloc[0]
    # HHI = 0.7² + 0.2² + 0.1² = 0.49 + 0.04 + 0.01 = 0.54
    assert r["HHI"] == pytest.approx(0.54)
    # g_COD = (2.5 + 1.5)/5 = 0.8; ZMB has no PV → 0.5
    # Σ q·g = 60·0.8 + 30·0.5 = 63; denominator = 60 + 30 + 10 (domestic) = 100 → 0.63
    assert r["weighted_imports"] == pytest.approx(63.0) and r["import_risk"] == pytest.approx(0.63)
    # score = 0.54 × 0.63 = 0.3402
    assert r["score"] == pytest.approx(0.3402)
    assert "pv_missing:1" in r["flag"] and r["n_partners"] == 2


def test_geopolrisk_value_fallback_and_carried_pv():
    trade = pd.DataFrame({"mineral": "co", "year": 2022, "stage": "mine", "exporter": ["COD", "ZMB", "AUS"],
                          "importer": "CHN", "value_kusd": [100.0, 50.0, 30.0], "quantity_t": [60.0, np.nan, 20.0]})
    prod = pd.DataFrame({"mineral": "co", "country": ["COD", "AUS", "CHN"], "year": 2022, "stage": "mine",
                         "quantity": [70.0, 20.0, 10.0]})
    gov = pd.DataFrame({"country": ["COD", "AUS"], "year": [2022, 2020], "indicator": "PV",
                        "estimate": [-1.5, 1.0]})
    r = compute_geopolrisk(trade, prod, gov, P).iloc[0]
    # unit value = (60 + 20) t / (100 + 30) kUSD; ZMB: 50 kUSD × 80/130 = 30.769 t
    zmb = 50 * 80 / 130
    assert r["imports"] == pytest.approx(80 + zmb)
    # AUS PV of 2020 carried: g = (2.5 − 1)/5 = 0.3; Σ = 60·0.8 + zmb·0.5 + 20·0.3
    assert r["weighted_imports"] == pytest.approx(48 + zmb * 0.5 + 6)
    assert r["import_risk"] == pytest.approx((48 + zmb * 0.5 + 6) / (80 + zmb + 10))
    assert "quantity_from_value:1" in r["flag"] and "pv_carried:1" in r["flag"]
    # without carrying, AUS gets 0.5 as well
    r2 = compute_geopolrisk(trade, prod, gov, ExtendedParams(pv_carry_forward=False)).iloc[0]
    assert r2["weighted_imports"] == pytest.approx(48 + zmb * 0.5 + 20 * 0.5)


def test_geopolrisk_no_domestic_row_is_flagged_zero():
    trade = pd.DataFrame({"mineral": "co", "year": 2022, "stage": "mine", "exporter": ["COD"],
                          "importer": "JPN", "value_kusd": [1.0], "quantity_t": [10.0]})
    prod = pd.DataFrame({"mineral": "co", "country": ["COD"], "year": 2022, "stage": "mine", "quantity": [5.0]})
    r = compute_geopolrisk(trade, prod, None, P).iloc[0]
    # JPN produces nothing listed: P = 0 (flagged); HHI 1; g 0.5 (no PV) → score = 1 × 10·0.5/10 = 0.5
    assert r["score"] == pytest.approx(0.5) and "no_domestic_production_row" in r["flag"]


def test_geopolrisk_without_trade_is_empty():
    assert len(compute_geopolrisk(None, None, None, P)) == 0
