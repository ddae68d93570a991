"""Partner-specific export bans checked by hand: only the importers named lose the exports (issue 14)."""
from __future__ import annotations

import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics.engine import run
from desktop.core.metrics.explain import explain
from desktop.core.scenarios import Change, Scenario, apply_scenario, compare, from_rows, run_scenario, to_rows

# gallium: CHN 90 t, AUS 10 t; CHN exports 80 t: 45 t to USA, 35 t to JPN; AUS 5 t to each
BAN_USA = Scenario("China bans gallium to the US", (Change("exports", "gallium", "CHN", 0.0, partners="USA"),))


def small() -> Dataset:
    prod = pd.DataFrame({"mineral": "gallium", "country": ["CHN", "AUS"], "year": 2023, "stage": "refinery",
                         "quantity": [90.0, 10.0], "unit": "t"})
    bal = pd.DataFrame({"mineral": "gallium", "country": ["USA", "JPN", "CHN"], "year": 2023, "stage": "refinery",
                        "production": [10.0, 0.0, 90.0], "imports": [50.0, 40.0, 0.0], "exports": [0.0, 0.0, 80.0],
                        "unit": "t"})
    trade = pd.DataFrame({"mineral": "gallium", "year": 2023, "stage": "refinery",
                          "exporter": ["CHN", "CHN", "AUS", "AUS"], "importer": ["USA", "JPN", "USA", "JPN"],
                          "value_kusd": float("nan"), "quantity_t": [45.0, 35.0, 5.0, 5.0]})
    return Dataset(tables={"production": conform("production", prod), "balance": conform("balance", bal),
                           "trade_flows": conform("trade_flows", trade)})


def d_of(results, country):
    d = results.tables["import_dependency"]
    return float(d.loc[d["country"] == country, "D"].iloc[0])


def test_a_ban_to_one_partner_cuts_that_importers_imports_and_d_only():
    data = small()
    applied = apply_scenario(data, BAN_USA)
    bal = applied.tables["balance"].set_index("country")
    assert bal.loc["USA", "imports"] == pytest.approx(5.0)         # 50 − 45 from China
    assert bal.loc["JPN", "imports"] == pytest.approx(40.0)        # untouched
    assert bal.loc["CHN", "exports"] == pytest.approx(35.0)        # 80 − 45
    base, scen = run(data), run_scenario(data, BAN_USA)
    assert d_of(base, "USA") == pytest.approx(50 / 60) and d_of(scen, "USA") == pytest.approx(5 / 15)
    assert d_of(scen, "JPN") == pytest.approx(d_of(base, "JPN")) == pytest.approx(1.0)
    # the world market shares are the same: China still sells to Japan
    hhi = (0.9 ** 2 + 0.1 ** 2)
    assert float(scen.tables["supply_risk"]["HHI"].iloc[0]) == pytest.approx(hhi)
    frame = compare(base, scen).set_index(["metric", "country"])
    assert frame.loc[("D", "USA"), "delta"] == pytest.approx(5 / 15 - 50 / 60)
    assert frame.loc[("D", "JPN"), "delta"] == pytest.approx(0.0)


def test_a_ban_to_every_partner_still_cuts_both():
    every = Scenario("all", (Change("exports", "gallium", "CHN", 0.0),))
    bal = apply_scenario(small(), every).tables["balance"].set_index("country")
    assert bal.loc["USA", "imports"] == pytest.approx(5.0) and bal.loc["JPN", "imports"] == pytest.approx(5.0)


def test_a_quota_to_two_partners_and_without_trade_flows():
    quota = Scenario("q", (Change("exports", "gallium", "CHN", 0.5, partners="usa; JPN"),))
    assert quota.changes[0].partners == ("USA", "JPN")
    bal = apply_scenario(small(), quota).tables["balance"].set_index("country")
    assert bal.loc["USA", "imports"] == pytest.approx(27.5) and bal.loc["JPN", "imports"] == pytest.approx(22.5)
    assert bal.loc["CHN", "exports"] == pytest.approx(40.0)
    data = small()
    bare = Dataset(tables={k: v for k, v in data.tables.items() if k != "trade_flows"})
    same = apply_scenario(bare, BAN_USA).tables["balance"]
    pd.testing.assert_frame_equal(same, bare.tables["balance"])


def test_partners_are_checked_described_and_round_trip():
    with pytest.raises(ValueError):
        Change("production", "gallium", "CHN", 0.5, partners="USA")
    with pytest.raises(ValueError):
        Change("exports", "gallium", "CHN", 0.0, partners="CHN")
    assert BAN_USA.changes[0].describe() == "CHN gallium: export ban to USA"
    rows = to_rows(BAN_USA)
    assert rows.loc[0, "partners"] == "USA"
    assert from_rows(rows) == [BAN_USA]


def test_run_with_dataset_gives_what_explain_needs():
    res, applied = run_scenario(small(), BAN_USA, with_dataset=True)
    assert applied.tables["balance"].set_index("country").loc["USA", "imports"] == pytest.approx(5.0)
    found = explain(res, applied, "import_dependency",
                    {"mineral": "gallium", "year": 2023, "stage": "refinery", "country": "USA"})
    assert found is not None and found.value == pytest.approx(5 / 15)
