"""Scenario arithmetic checked by hand on small cases (METHODS §2.1, §2.3), one per change type."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics.engine import run
from desktop.core.scenarios import Change, Scenario, apply_scenario, compare, run_scenario

# all six WGI estimates equal x: Γ = 1 − (x + 3.5) / 7
WGI = {"COD": -1.5, "AUS": 1.5, "IDN": 0.0, "CHL": 0.5}
GAMMA = {c: 1 - (x + 3.5) / 7 for c, x in WGI.items()}          # COD 5/7, AUS 2/7, IDN 1/2, CHL 3/7


def small() -> Dataset:
    prod = pd.DataFrame({"mineral": ["cobalt"] * 3 + ["lithium"] * 2, "country": ["COD", "AUS", "IDN", "AUS", "CHL"],
                         "year": 2023, "stage": "mine", "quantity": [100.0, 50.0, 50.0, 50.0, 50.0], "unit": "t"})
    gov = pd.DataFrame([{"country": c, "year": 2023, "indicator": i, "estimate": x}
                        for c, x in WGI.items() for i in ("VA", "PV", "GE", "RQ", "RL", "CC")])
    bal = pd.DataFrame({"mineral": ["cobalt"], "country": ["USA"], "year": [2023], "stage": ["mine"],
                        "production": [10.0], "imports": [90.0], "exports": [0.0], "unit": ["t"]})
    trade = pd.DataFrame({"mineral": ["cobalt", "cobalt"], "year": 2023, "stage": "mine", "exporter": ["COD", "AUS"],
                          "importer": ["USA", "USA"], "value_kusd": [float("nan")] * 2, "quantity_t": [60.0, 30.0]})
    return Dataset(tables={"production": conform("production", prod), "governance": conform("governance", gov),
                           "balance": conform("balance", bal), "trade_flows": conform("trade_flows", trade)})


def row(frame, metric, **where):
    sel = frame[frame["metric"] == metric]
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, (metric, where, sel)
    return sel.iloc[0]


def test_halving_one_producer_of_three():
    data = small()
    halve = Scenario("COD cobalt −50 %", (Change("production", "cobalt", "COD", 0.5),))
    base, scen = run(data), run_scenario(data, halve)
    cmp = compare(base, scen)
    # shares: 100/200 → 50/150
    s = row(cmp, "share", country="COD")
    assert s["baseline"] == pytest.approx(0.5) and s["scenario"] == pytest.approx(1 / 3)
    assert s["delta"] == pytest.approx(1 / 3 - 0.5)
    # HHI: .5² + .25² + .25² = .375 → 3 × (1/3)² = 1/3 — falls: better
    h = row(cmp, "HHI")
    assert h["baseline"] == pytest.approx(0.375) and h["scenario"] == pytest.approx(1 / 3)
    assert h["worse"] is False
    # R_raw = Σ S² Γ; R = min-max over the baseline's minerals (cobalt and lithium)
    raw_b = 0.25 * GAMMA["COD"] + 0.0625 * GAMMA["AUS"] + 0.0625 * GAMMA["IDN"]
    raw_s = (GAMMA["COD"] + GAMMA["AUS"] + GAMMA["IDN"]) / 9
    raw_li = 0.25 * GAMMA["AUS"] + 0.25 * GAMMA["CHL"]
    lo, hi = min(raw_b, raw_li), max(raw_b, raw_li)
    r = row(cmp, "R")
    assert r["baseline"] == pytest.approx((raw_b - lo) / (hi - lo))
    assert r["scenario"] == pytest.approx((raw_s - lo) / (hi - lo))
    assert r["worse"] is False
    # world supply 200 → 150: worse
    assert row(cmp, "supply")["scenario"] == pytest.approx(150) and row(cmp, "supply")["worse"] is True
    # only cobalt rows: lithium was not changed
    assert set(cmp["mineral"]) == {"cobalt"}


def test_original_dataset_untouched():
    data = small()
    before = data.get("production").copy()
    changed = apply_scenario(data, Scenario("x", (Change("production", "cobalt", "COD", 0.0),)))
    pd.testing.assert_frame_equal(data.get("production"), before)
    assert changed.get("production").loc[0, "quantity"] == 0


def test_export_ban_lowers_an_importers_imports():
    """COD bans cobalt exports: the USA loses its 60 t from COD — imports 90 → 30, D = 90/100 → 30/40;
    COD leaves the world market shares: AUS 50/100, IDN 50/100, HHI .5."""
    data = small()
    ban = Scenario("ban", (Change("exports", "cobalt", "COD", 0.0),))
    cmp = compare(run(data), run_scenario(data, ban))
    d = row(cmp, "D", country="USA")
    assert d["baseline"] == pytest.approx(0.9) and d["scenario"] == pytest.approx(0.75)
    assert d["delta"] == pytest.approx(-0.15)
    assert row(cmp, "share", country="COD")["scenario"] == 0
    assert row(cmp, "HHI")["scenario"] == pytest.approx(0.5)


def test_export_quota_and_from_year():
    data = small()
    quota = Scenario("quota", (Change("exports", "cobalt", "COD", 0.5, from_year=2024),))
    cmp = compare(run(data), run_scenario(data, quota))
    assert row(cmp, "D", country="USA")["delta"] == pytest.approx(0)       # 2023 is before the quota
    quota = Scenario("quota", (Change("exports", "cobalt", "COD", 0.5, from_year=2023),))
    cmp = compare(run(data), run_scenario(data, quota))
    assert row(cmp, "D", country="USA")["scenario"] == pytest.approx(60 / 70)   # imports 90 − 30


def test_demand_multiplier():
    data = small()
    scen = Scenario("li ×3", (Change("demand", "lithium", factor=3.0, target_year=2040),))
    res = run_scenario(data, scen)
    demand = res.tables["demand_scenarios"].set_index("mineral")
    assert demand.loc["lithium", "multiplier"] == 3.0
    assert demand.loc["lithium", "required_supply"] == pytest.approx(3 * 100.0)    # world production 100 t
    cmp = compare(run(data), res)
    req = row(cmp, "required_supply", mineral="lithium")
    assert req["scenario"] == pytest.approx(300.0) and req["year"] == 2040


def test_change_validation():
    with pytest.raises(ValueError):
        Change("production", "cobalt", "", 0.5)
    with pytest.raises(ValueError):
        Change("demand", "lithium", factor=0)
    with pytest.raises(ValueError):
        Change("tariff", "cobalt", "COD")
    assert math.isclose(Change("exports", "gallium", "chn", 0).factor, 0) and \
        Change("exports", "gallium", "chn", 0).country == "CHN"
