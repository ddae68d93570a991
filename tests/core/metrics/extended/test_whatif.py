"""What-if stress test: export ban / production cut recomputed with the engine's functions."""
import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics.extended import Shock, run_whatif
from desktop.core.metrics.params import EngineParams


def dataset(with_trade=True):
    prod = conform("production", pd.DataFrame({
        "mineral": ["ga"] * 3 + ["cu"] * 2, "country": ["CHN", "JPN", "KOR", "CHL", "PER"], "year": 2022,
        "stage": "refinery", "quantity": [80.0, 15.0, 5.0, 50.0, 50.0]}))
    bal = conform("balance", pd.DataFrame({
        "mineral": "ga", "country": ["USA", "CHN", "DEU"], "year": 2022, "stage": "refinery",
        "production": [0.0, 80.0, 10.0], "imports": [20.0, 0.0, 30.0], "exports": [0.0, 30.0, 0.0]}))
    gov = conform("governance", pd.DataFrame([dict(country=c, year=2022, indicator=i, estimate=x)
                                               for c, x in [("CHN", -0.5), ("JPN", 1.0), ("KOR", 0.5),
                                                            ("CHL", 0.5), ("PER", -0.5)]
                                               for i in ("VA", "PV", "GE", "RQ", "RL", "CC")]))
    tables = {"production": prod, "balance": bal, "governance": gov}
    if with_trade:
        tables["trade_flows"] = pd.DataFrame({
            "mineral": "ga", "year": 2022, "stage": "refinery", "exporter": ["CHN", "JPN", "CHN"],
            "importer": ["USA", "USA", "DEU"], "value_kusd": [1.0, 1.0, 1.0], "quantity_t": [12.0, 8.0, 30.0]})
    return Dataset(tables=tables)


def test_export_ban_removes_country_and_recomputes_shares():
    r = run_whatif(dataset(), Shock.export_ban("ga", "CHN"))
    s = r["shares"].set_index("country")
    # baseline shares 80/100, 15/100, 5/100; CHN's supply leaves the world market:
    # scenario JPN 15/20 = 0.75, KOR 5/20 = 0.25, CHN 0
    assert s.loc["CHN", "share_base"] == 0.8 and s.loc["CHN", "share_scenario"] == 0.0
    assert s.loc["JPN", "share_scenario"] == pytest.approx(0.75) and s.loc["KOR", "share_scenario"] == 0.25
    assert s.loc["JPN", "share_delta"] == pytest.approx(0.60)
    sr = r["supply_risk"].iloc[0]
    # HHI 0.8² + 0.15² + 0.05² = 0.64 + 0.0225 + 0.0025 = 0.665 → 0.75² + 0.25² = 0.625
    assert sr["HHI_base"] == pytest.approx(0.665) and sr["HHI_scenario"] == pytest.approx(0.625)
    assert sr["HHI_delta"] == pytest.approx(-0.04)
    # …while the supply open to the market falls from 100 to 20 (−80 %): read together
    assert sr["supply_base"] == 100 and sr["supply_scenario"] == 20 and sr["supply_change"] == pytest.approx(-0.8)
    assert set(r["supply_risk"]["mineral"]) == {"ga"}       # only the shocked mineral
    assert "export ban" in r["summary"]["shock"].iloc[0]


def test_export_ban_changes_dependency_through_trade_flows():
    d = run_whatif(dataset(), Shock.export_ban("ga", "CHN"))["import_dependency"].set_index("country")
    # DEU: P 10, imports 30 all from CHN → 0 after the ban: D 30/40 = 0.75 → 0/10 = 0
    assert d.loc["DEU", "D_base"] == pytest.approx(0.75) and d.loc["DEU", "D_scenario"] == 0.0
    assert d.loc["DEU", "D_delta"] == pytest.approx(-0.75)
    # USA: imports 20 − 12 (from CHN) = 8, P 0 → D stays 1 but net imports fall 20 → 8
    assert d.loc["USA", "net_imports_scenario"] == pytest.approx(8.0) and d.loc["USA", "D_scenario"] == 1.0
    # CHN: exports 30 → 0: no longer a net exporter, D = 0 / (0 + 80) = 0
    assert "net_exporter" in d.loc["CHN", "flag_base"] and d.loc["CHN", "D_scenario"] == 0.0


def test_without_trade_flows_other_countries_are_flagged():
    d = run_whatif(dataset(with_trade=False), Shock.export_ban("ga", "CHN"))["import_dependency"]
    d = d.set_index("country")
    assert d.loc["DEU", "D_delta"] == 0 and "no_trade_flows" in d.loc["DEU", "flag_scenario"]


def test_production_cut_and_r_rescaled_with_baseline_bounds():
    ds = dataset()
    params = EngineParams()
    r = run_whatif(ds, Shock("ga", "CHN", production_factor=0.5), params)
    s = r["shares"].set_index("country")
    # CHN 40 of 40 + 15 + 5 = 60 → 2/3
    assert s.loc["CHN", "share_scenario"] == pytest.approx(40 / 60)
    sr = r["supply_risk"].iloc[0]
    # R uses the baseline min/max of R_raw (ga and cu), so cu keeps its R and the columns compare
    from desktop.core.metrics.governance import compute_gamma
    from desktop.core.metrics.supply_risk import compute_supply_risk
    base = compute_supply_risk(ds.get("production"), compute_gamma(ds.get("governance"), params), params)
    lo, hi = base["R_raw"].min(), base["R_raw"].max()
    assert sr["R_scenario"] == pytest.approx((sr["R_raw_scenario"] - lo) / (hi - lo))
    assert sr["R_raw_delta"] == pytest.approx(sr["R_raw_scenario"] - sr["R_raw_base"])
    assert sr["R_base"] == pytest.approx(1.0)       # ga is the riskiest in the baseline


def test_shock_validation_and_remove():
    with pytest.raises(ValueError):
        Shock("ga", "CHN", production_factor=-1)
    r = run_whatif(dataset(), Shock.remove("ga", "JPN"))
    s = r["shares"].set_index("country")
    # JPN removed: CHN 80/85, KOR 5/85
    assert s.loc["CHN", "share_scenario"] == pytest.approx(80 / 85)
    assert s.loc["JPN", "share_scenario"] == 0.0


def test_whatif_does_not_modify_the_dataset():
    ds = dataset()
    before = {k: v.copy() for k, v in ds.tables.items()}
    run_whatif(ds, Shock.export_ban("ga", "CHN"))
    for k, v in before.items():
        pd.testing.assert_frame_equal(ds.tables[k], v)
