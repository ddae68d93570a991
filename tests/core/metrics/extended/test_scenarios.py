"""Demand scenarios: IEA multipliers and the supply comparison."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.extended import IEA_2040_MULTIPLIERS, ExtendedParams, compute_scenarios


def test_iea_defaults():
    assert dict(ExtendedParams().demand_multipliers) == {"lithium": 5.0, "graphite": 2.0, "nickel": 2.0,
                                                        "cobalt": 1.5, "rare_earths": 1.6, "copper": 1.3}
    assert dict(IEA_2040_MULTIPLIERS) == dict(ExtendedParams().demand_multipliers)


def test_scenario_hand_computed():
    world = pd.DataFrame({"mineral": ["lithium", "lithium", "copper"], "year": [2023, 2024, 2022],
                          "quantity": [100.0, 120.0, 1000.0]})
    growth = pd.DataFrame({"mineral": ["lithium", "copper"], "year": [2024, 2022], "G": [1.1, 1.0]})
    s = compute_scenarios(world, growth, ExtendedParams()).set_index("mineral")
    li = s.loc["lithium"]
    # required 2040 = 120 × 5 = 600; required growth = 5^(1/16) − 1 = 0.10592...
    assert li["required_supply"] == 600 and li["required_annual_growth"] == pytest.approx(5 ** (1 / 16) - 1)
    # projected = 120 × 1.1^16 = 551.4; gap = 600 − 551.4 = 48.6 > 0 → shortfall
    assert li["projected_supply"] == pytest.approx(120 * 1.1 ** 16)
    assert li["gap"] == pytest.approx(600 - 120 * 1.1 ** 16) and li["status"] == "shortfall"
    cu = s.loc["copper"]
    # copper: no 2024 production → 2022 used as base (flagged); required = 1300; flat growth → 1000
    assert cu["production_base"] == 1000 and "base_year:2022" in cu["flag"]
    assert cu["required_supply"] == pytest.approx(1300) and cu["coverage"] == pytest.approx(1000 / 1300)
    # minerals with a multiplier but no production: rows with empty values, flagged
    assert np.isnan(s.loc["cobalt", "required_supply"]) and "no_production" in s.loc["cobalt", "flag"]


def test_editable_multipliers():
    world = pd.DataFrame({"mineral": ["lithium"], "year": [2024], "quantity": [100.0]})
    p = ExtendedParams(demand_multipliers={"lithium": 3.0}, scenario_target_year=2030)
    s = compute_scenarios(world, None, p).iloc[0]
    # 100 × 3 = 300 by 2030; required growth 3^(1/6) − 1
    assert list(compute_scenarios(world, None, p)["mineral"]) == ["lithium"]
    assert s["required_supply"] == 300 and s["required_annual_growth"] == pytest.approx(3 ** (1 / 6) - 1)
    assert "no_growth" in s["flag"]


def test_invalid_multiplier_rejected():
    with pytest.raises(ValueError):
        ExtendedParams(demand_multipliers={"lithium": 0.0})
