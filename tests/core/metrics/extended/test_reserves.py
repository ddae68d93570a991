"""Reserve-to-production years: hand-computed cases."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.extended import ExtendedParams, compute_reserve_years

P = ExtendedParams()


def test_rp_years_country_and_world():
    production = pd.DataFrame({"mineral": "li", "country": ["AUS", "CHL", "OTHERS", "AUS"],
                               "year": [2024, 2024, 2024, 2023], "stage": "mine",
                               "quantity": [100.0, 50.0, 10.0, 90.0]})
    reserves = pd.DataFrame({"mineral": "li", "country": ["AUS", "CHL", "WORLD"], "year": 2024,
                             "reserves": [1500.0, 9000.0, 30000.0]})
    r = compute_reserve_years(production, reserves, P).set_index("country")
    # AUS: 1500 / 100 = 15 years < 20 → warning
    assert r.loc["AUS", "rp_years"] == 15 and r.loc["AUS", "warning"]
    assert "below_20_years" in r.loc["AUS", "flag"]
    # CHL: 9000 / 50 = 180 years
    assert r.loc["CHL", "rp_years"] == 180 and not r.loc["CHL", "warning"]
    # WORLD: 30000 / (100 + 50 + 10) = 187.5
    assert r.loc["WORLD", "rp_years"] == pytest.approx(187.5)


def test_rp_production_year_fallback_world_sum_and_missing():
    production = pd.DataFrame({"mineral": "x", "country": ["AAA"], "year": [2022], "stage": "",
                               "quantity": [40.0]})
    reserves = pd.DataFrame({"mineral": "x", "country": ["AAA", "BBB"], "year": 2024,
                             "reserves": [400.0, 100.0]})
    r = compute_reserve_years(production, reserves, ExtendedParams(reserve_warning_years=5)).set_index("country")
    # AAA: no 2024 production → 2022 used: 400 / 40 = 10 years, flagged production_year:2022
    assert r.loc["AAA", "rp_years"] == 10 and "production_year:2022" in r.loc["AAA", "flag"]
    assert not r.loc["AAA", "warning"]              # threshold 5 years here
    # BBB: no production at all → empty, flagged (never 0 or inf)
    assert np.isnan(r.loc["BBB", "rp_years"]) and "no_production" in r.loc["BBB", "flag"]
    # WORLD computed as the sum 400 + 100 = 500 over world production 40 (2022) = 12.5
    assert r.loc["WORLD", "reserves"] == 500 and "world_from_sum" in r.loc["WORLD", "flag"]
    assert r.loc["WORLD", "rp_years"] == 12.5


def test_withheld_reserves_flagged():
    production = pd.DataFrame({"mineral": "x", "country": ["USA"], "year": [2024], "stage": "mine",
                               "quantity": [1.0]})
    reserves = pd.DataFrame({"mineral": "x", "country": ["USA"], "year": [2024], "reserves": [np.nan],
                             "reserves_state": ["W"]})
    r = compute_reserve_years(production, reserves, P).set_index("country")
    assert np.isnan(r.loc["USA", "rp_years"]) and "reserves_withheld" in r.loc["USA", "flag"]
