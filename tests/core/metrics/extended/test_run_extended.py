"""run_extended wiring: engine integration, parameters, empty inputs, determinism."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics.extended import EXTENDED_TABLES, ExtendedParams, run_extended
from desktop.core.metrics.params import EngineParams


def small_dataset():
    prod = conform("production", pd.DataFrame({
        "mineral": ["co"] * 6, "country": ["COD", "AUS", "CHN"] * 2, "year": [2017] * 3 + [2022] * 3,
        "stage": "mine", "quantity": [60.0, 20.0, 10.0, 140.0, 20.0, 10.0]}))
    bal = conform("balance", pd.DataFrame({"mineral": "co", "country": ["CHN"], "year": [2022], "stage": "mine",
                                           "production": [10.0], "imports": [90.0], "exports": [0.0]}))
    res = conform("reserves", pd.DataFrame({"mineral": "co", "country": ["COD", "AUS", "CHN"], "year": 2022,
                                            "reserves": [6000.0, 1700.0, 140.0]}))
    gov = conform("governance", pd.DataFrame([dict(country=c, year=2022, indicator=i, estimate=x)
                                               for c, x in [("COD", -1.5), ("AUS", 1.0), ("CHN", -0.5)]
                                               for i in ("VA", "PV", "GE", "RQ", "RL", "CC")]))
    rec = conform("recycling", pd.DataFrame({"mineral": ["co"], "year": [2023], "eol_rir": [0.22]}))
    trade = pd.DataFrame({"mineral": "co", "year": 2022, "stage": "mine", "exporter": ["COD", "AUS"],
                          "importer": "CHN", "value_kusd": [100.0, 10.0], "quantity_t": [80.0, 10.0]})
    return Dataset(tables={"production": prod, "balance": bal, "reserves": res, "governance": gov,
                           "recycling": rec, "trade_flows": trade})


def test_engine_run_includes_extended_tables():
    from desktop.core.metrics import engine
    r = engine.run(small_dataset(), EngineParams())
    for name in EXTENDED_TABLES:
        assert name in r.tables, name
    t = r.tables
    assert t["production_growth"].dropna(subset=["G"])["G"].iloc[0] == pytest.approx((170 / 90) ** 0.2)
    cat = t["supply_categories"].iloc[0]
    assert cat["country"] == "CHN" and cat["D"] == pytest.approx(0.9) and cat["category_no"] in (3, 4)
    # a single mineral-year: min-max makes R = 0, which the category row says
    assert "R_minmax_constant" in cat["flag"]
    gpr = t["geopolrisk"].iloc[0]
    assert gpr["country"] == "CHN" and np.isfinite(gpr["score"])
    eu = t["eu_supply_risk"].iloc[0]
    assert np.isfinite(eu["SR"]) and eu["eol_rir"] == 0.22
    rp = t["reserve_years"].set_index("country")
    assert rp.loc["CHN", "rp_years"] == pytest.approx(14.0) and rp.loc["CHN", "warning"]     # 140 / 10
    assert "d_high" in set(t["extended_parameters"]["name"])


def test_engine_params_country_and_years():
    ds = small_dataset()
    out = run_extended(ds, {}, EngineParams(country="AUS", years=(2022, 2022)))
    assert set(out["production_growth"]["year"]) == {2022}
    p = out["extended_parameters"].set_index("name")
    assert p.loc["assessed_countries", "value"] == "AUS"


def test_explicit_extended_params_win():
    out = run_extended(small_dataset(), {}, EngineParams(), ext_params=ExtendedParams(growth_years=1))
    assert out["production_growth"]["G"].isna().all()      # no consecutive years in the data


def test_empty_dataset_gives_empty_tables_with_columns():
    out = run_extended(Dataset(), {}, EngineParams())
    for name in EXTENDED_TABLES:
        assert name in out
        if name != "extended_parameters":
            assert len(out[name]) == 0 and len(out[name].columns) > 3, name


def test_deterministic():
    from desktop.core.metrics import engine
    a = engine.run(small_dataset(), EngineParams()).tables
    b = engine.run(small_dataset(), EngineParams()).tables
    for name in EXTENDED_TABLES:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_params_rows_and_validation():
    rows = ExtendedParams().to_rows()
    names = [r["name"] for r in rows]
    assert {"d_high", "r_high", "reserve_warning_years", "demand_multipliers"} <= set(names)
    assert all(r["description"] for r in rows)
    with pytest.raises(ValueError):
        ExtendedParams(scenario_target_year=2020, scenario_base_year=2024)
    with pytest.raises(ValueError):
        ExtendedParams(pv_missing=2.0)


def test_no_qt_import():
    code = ("import sys, desktop.core.metrics.extended as e; "
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','PyQt5','PyQt6','shiboken6')]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_params_are_immutable_and_hashable():
    import dataclasses
    mult = {"lithium": 4.0}
    p = ExtendedParams(demand_multipliers=mult)
    mult["lithium"] = 99.0
    assert p.demand_multipliers["lithium"] == 4.0
    with pytest.raises(TypeError):
        p.demand_multipliers["lithium"] = 1.0
    q = dataclasses.replace(p, demand_multipliers={**p.demand_multipliers, "copper": 1.5})
    assert q.demand_multipliers == {"lithium": 4.0, "copper": 1.5}
    assert hash(p) == hash(ExtendedParams(demand_multipliers={"lithium": 4.0})) and p == ExtendedParams(
        demand_multipliers={"lithium": 4.0})
