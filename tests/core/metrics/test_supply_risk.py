"""Production shares, HHI, governance-weighted R."""
import numpy as np
import pandas as pd

from desktop.core.metrics.governance import compute_gamma
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.supply_risk import (
    RISK_COLUMNS, SHARE_COLUMNS, compute_supply_risk, production_shares,
)

from .helpers import governance, nan, production, row

P0 = EngineParams()


def cobalt_case():
    prod = production([
        ("cobalt", "COD", 2020, "mine", 70),
        ("cobalt", "AUS", 2020, "mine", 10),
        ("cobalt", "OTHERS", 2020, "mine", 20),
        ("cobalt", "WORLD", 2020, "mine", 100),
    ])
    gov = compute_gamma(governance({("COD", 2019): -1.5, ("AUS", 2020): 1.5}), P0)
    return prod, gov


def test_shares_with_others_in_denominator_and_world_ignored():
    prod, _ = cobalt_case()
    s = production_shares(prod)
    assert list(s.columns) == SHARE_COLUMNS
    assert "WORLD" not in set(s.country)
    # denominator 70 + 10 + 20 = 100 (WORLD not added)
    assert row(s, country="COD").share == 0.7
    assert row(s, country="AUS").share == 0.1
    assert row(s, country="OTHERS").share == 0.2
    assert np.isclose(s.share.sum(), 1.0)


def test_hhi_and_r_by_hand():
    prod, gov = cobalt_case()
    r = compute_supply_risk(prod, gov, P0)
    assert list(r.columns) == RISK_COLUMNS
    x = r.iloc[0]
    # HHI = 0.7² + 0.1² = 0.50 (OTHERS adds no square term)
    assert np.isclose(x.HHI, 0.5)
    # Γ(COD) carried from 2019: 1 − (−1.5 + 3.5)/7 = 5/7; Γ(AUS) = 1 − 5/7 = 2/7
    # R_raw = 0.49·5/7 + 0.01·2/7 = 0.35 + 0.0028571 = 0.3528571
    assert np.isclose(x.R_raw, 0.49 * 5 / 7 + 0.01 * 2 / 7)
    assert x.coverage == 1.0
    # a single group: min-max has no spread → R = 0, flagged constant
    assert x.flag == "governance_carried_forward;constant" and x.R == 0


def test_missing_governance_drops_term_and_coverage():
    prod = production([("li", "AUS", 2020, "mine", 50), ("li", "CHL", 2020, "mine", 30),
                       ("li", "CHN", 2020, "mine", 20)])
    gov = compute_gamma(governance({("AUS", 2020): 1.5, ("CHN", 2020): 0.0}), P0)
    x = compute_supply_risk(prod, gov, P0).iloc[0]
    # shares 0.5, 0.3, 0.2; HHI = 0.25 + 0.09 + 0.04 = 0.38
    assert np.isclose(x.HHI, 0.38)
    # CHL has no Γ: R_raw = 0.25·2/7 + 0.04·0.5 = 0.0714286 + 0.02 = 0.0914286; coverage 0.7
    assert np.isclose(x.R_raw, 0.25 * 2 / 7 + 0.04 * 0.5)
    assert np.isclose(x.coverage, 0.7)
    assert x.flag == "missing_governance;constant"


def test_no_governance_at_all_gives_empty_R_not_zero():
    prod = production([("li", "AUS", 2020, "mine", 50), ("li", "CHL", 2020, "mine", 50)])
    x = compute_supply_risk(prod, None, P0).iloc[0]
    assert np.isclose(x.HHI, 0.5) and np.isnan(x.R_raw) and np.isnan(x.R) and x.coverage == 0
    assert "missing_governance" in x.flag


def test_withheld_producer_left_out_and_group_flagged():
    prod = production([("li", "AUS", 2020, "mine", 60), ("li", "CHL", 2020, "mine", 40),
                       ("li", "USA", 2020, "mine", nan, "W")])
    s = production_shares(prod)
    assert row(s, country="USA").flag == "withheld;withheld_producers"
    assert np.isnan(row(s, country="USA").share)
    assert row(s, country="AUS").share == 0.6 and row(s, country="AUS").flag == "withheld_producers"
    gov = compute_gamma(governance({("AUS", 2020): 0.0, ("CHL", 2020): 0.0}), P0)
    x = compute_supply_risk(prod, gov, P0).iloc[0]
    # HHI = 0.36 + 0.16 = 0.52; R_raw = 0.52 · 0.5 = 0.26
    assert np.isclose(x.HHI, 0.52) and np.isclose(x.R_raw, 0.26)
    assert x.flag == "withheld_producers;constant"


def test_only_world_rows_are_ignored():
    prod = production([("li", "WORLD", 2020, "mine", 100), ("co", "COD", 2020, "mine", 5)])
    r = compute_supply_risk(prod, None, P0)
    assert list(r.mineral) == ["co"]
    assert len(production_shares(prod)) == 1


def test_stages_are_separate_groups_and_R_is_min_max_over_all():
    prod = production([
        ("li", "AUS", 2020, "mine", 100),                                     # HHI 1
        ("li", "AUS", 2020, "refinery", 50), ("li", "CHN", 2020, "refinery", 50),   # HHI 0.5
        ("li", "AUS", 2021, "refinery", 25), ("li", "CHN", 2021, "refinery", 75),   # 0.0625 + 0.5625
    ])
    gov = compute_gamma(governance({("AUS", 2020): 0.0, ("CHN", 2020): 0.0}), P0)   # Γ = 0.5
    r = compute_supply_risk(prod, gov, P0)
    assert len(r) == 3
    # R_raw = 0.5, 0.25, 0.3125 → R = 1, 0, (0.3125 − 0.25)/(0.5 − 0.25) = 0.25
    assert np.isclose(row(r, stage="mine").R_raw, 0.5) and row(r, stage="mine").R == 1
    assert row(r, stage="refinery", year=2020).R == 0
    assert np.isclose(row(r, stage="refinery", year=2021).R, 0.25)


def test_zero_production_and_only_others():
    prod = production([("a", "AUS", 2020, "", 0), ("a", "CHN", 2020, "", 0),
                       ("b", "OTHERS", 2020, "", 10)])
    r = compute_supply_risk(prod, None, P0)
    assert np.isnan(row(r, mineral="a").HHI) and row(r, mineral="a").flag == "no_production"
    assert np.isnan(row(r, mineral="b").HHI) and row(r, mineral="b").flag == "no_listed_producers"


def test_negative_quantity_left_out():
    prod = production([("a", "AUS", 2020, "", 10), ("a", "CHN", 2020, "", -5)])
    s = production_shares(prod)
    assert row(s, country="CHN").flag == "negative_quantity;withheld_producers"
    assert row(s, country="AUS").share == 1.0


def test_categorical_input_gives_the_same_result():
    prod, gov = cobalt_case()
    cat = prod.copy()
    for col in ("mineral", "country", "stage"):
        cat[col] = cat[col].astype("category")
    pd.testing.assert_frame_equal(compute_supply_risk(prod, gov, P0), compute_supply_risk(cat, gov, P0))
