"""Top-1 / top-3 concentration, and the core's HHI and shares it stands on: hand-computed cases and invariants."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from desktop.core.metrics.extended import ExtendedParams, compute_concentration, top_shares
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.supply_risk import compute_supply_risk, production_shares


def hhi(production):
    """The one HHI: the core's (supply_risk), without governance."""
    return compute_supply_risk(production, None, EngineParams())


def prod(rows):
    recs = [dict(mineral=r[0], country=r[1], year=r[2], stage=r[3], quantity=r[4],
                 quantity_state=r[5] if len(r) > 5 else "") for r in rows]
    return pd.DataFrame(recs)


def test_hhi_hand_computed_with_aggregates_and_withheld():
    p = prod([("x", "CHN", 2022, "mine", 60), ("x", "AUS", 2022, "mine", 30), ("x", "OTHERS", 2022, "mine", 10),
              ("x", "WORLD", 2022, "mine", 12345),
              ("y", "CHN", 2022, "mine", 1), ("y", "USA", 2022, "mine", np.nan, "W")])
    h = hhi(p).set_index("mineral")
    # x: total = 60 + 30 + 10 (OTHERS) = 100 (WORLD ignored); HHI = 0.6² + 0.3² = 0.36 + 0.09 = 0.45
    assert h.loc["x", "HHI"] == pytest.approx(0.45, abs=1e-15)
    shares = production_shares(p).set_index(["mineral", "country"])["share"]
    assert shares[("x", "OTHERS")] == pytest.approx(0.10) and ("x", "WORLD") not in shares.index
    # y: USA withheld → left out, flagged; CHN alone: HHI = 1
    assert h.loc["y", "HHI"] == 1.0 and "withheld_producers" in h.loc["y", "flag"]


def test_hhi_no_production_is_empty_not_zero():
    h = hhi(prod([("z", "CHN", 2022, "mine", 0.0), ("z", "AUS", 2022, "mine", 0.0)])).iloc[0]
    assert np.isnan(h["HHI"]) and "no_production" in h["flag"]


def test_shares_rows():
    s = production_shares(prod([("x", "CHN", 2022, "mine", 3), ("x", "AUS", 2022, "mine", 1)])).set_index("country")
    assert s.loc["CHN", "share"] == 0.75 and s.loc["AUS", "share"] == 0.25


def test_top_shares_with_names_and_reserves():
    p = prod([("co", "COD", 2023, "mine", 140), ("co", "IDN", 2023, "mine", 20), ("co", "RUS", 2023, "mine", 10),
              ("co", "AUS", 2023, "mine", 10), ("co", "OTHERS", 2023, "mine", 20)])
    reserves = pd.DataFrame({"mineral": "co", "country": ["COD", "AUS", "IDN", "WORLD"], "year": 2024,
                             "reserves": [6.0, 1.7, 0.5, 11.0]})
    c = compute_concentration(p, reserves, ExtendedParams()).set_index("basis")
    pr = c.loc["production"]
    # total 200: COD 140/200 = 0.70; top-3 = (140 + 20 + 10)/200 = 0.85 (RUS and AUS tie at 10: code order → AUS)
    assert pr["top1_country"] == "COD" and pr["top1_share"] == pytest.approx(0.70)
    assert pr["topk_share"] == pytest.approx(0.85) and pr["topk_countries"] == "COD, IDN, AUS"
    assert pr["top1_name"] != "COD" and "Congo" in pr["top1_name"]      # registry name
    assert pr["others_share"] == pytest.approx(0.10) and pr["k"] == 3
    rs = c.loc["reserves"]
    # reserves: WORLD row ignored; total 8.2 → COD 6/8.2 = 0.7317, top-3 = 1.0 (exactly three countries)
    assert rs["top1_share"] == pytest.approx(6 / 8.2) and rs["topk_share"] == pytest.approx(1.0)
    assert rs["n_countries"] == 3 and "fewer_than_3_countries" not in rs["flag"]


def test_top_n_parameter():
    p = prod([("a", c, 2020, "mine", q) for c, q in [("AAA", 5), ("BBB", 3), ("CCC", 2)]])
    t = top_shares(p, "quantity", ("mineral", "year", "stage"), 2).iloc[0]
    assert t["topk_share"] == pytest.approx(0.8) and t["k"] == 2     # (5 + 3) / 10


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.001, max_value=1e9, allow_nan=False), min_size=1, max_size=30))
def test_hhi_invariants(qs):
    p = prod([("m", f"C{i:02d}", 2020, "mine", q) for i, q in enumerate(qs)])
    h = hhi(p)["HHI"].iloc[0]
    s = np.asarray(qs) / np.sum(qs)
    assert h == pytest.approx(np.sum(s * s), rel=1e-12)
    assert 1 / len(qs) - 1e-12 <= h <= 1 + 1e-12
    # row order does not matter
    assert hhi(p.iloc[::-1])["HHI"].iloc[0] == pytest.approx(h, rel=1e-14)
