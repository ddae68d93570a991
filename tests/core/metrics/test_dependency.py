"""Import dependency D = I / (I + P): every rule by hand."""
import numpy as np
import pandas as pd

from desktop.core.metrics.dependency import COLUMNS, compute_dependency
from desktop.core.metrics.params import EngineParams

from .helpers import balance, nan, row

P0 = EngineParams()


def test_columns_and_plain_value():
    # I = 90 − 10 = 80; D = 80 / (80 + 20) = 0.8
    out = compute_dependency(balance([dict(production=20, imports=90, exports=10)]), P0)
    assert list(out.columns) == COLUMNS
    r = out.iloc[0]
    assert r.net_imports == 80 and r.production == 20
    assert r.D == 0.8 and r.flag == ""


def test_supplied_net_imports_overrides_row_by_row():
    b = balance([
        dict(year=2019, production=50, imports=90, exports=10, net_imports=50),   # 50/(50+50) = 0.5
        dict(year=2020, production=20, imports=90, exports=10),                   # 80/100 = 0.8
    ])
    out = compute_dependency(b, P0)
    assert row(out, year=2019).D == 0.5
    assert row(out, year=2020).D == 0.8


def test_missing_input_is_empty_not_zero():
    b = balance([
        dict(year=2018, production=nan, production_state="NA", imports=5, exports=1),
        dict(year=2019, production=3, imports=nan, exports=1),
        dict(year=2020, production=3, imports=5, exports=nan, exports_state="NA"),
    ])
    out = compute_dependency(b, P0)
    assert out["D"].isna().all()
    assert (out["flag"] == "missing_input").all()


def test_net_exporter_rule_comes_before_no_supply():
    b = balance([
        dict(year=2019, production=5, imports=10, exports=30),   # I = −20 → D = 0
        dict(year=2020, production=0, imports=10, exports=30),   # I + P = −20 ≤ 0 but rule 2 first → D = 0
    ])
    out = compute_dependency(b, P0)
    assert (out["D"] == 0).all() and (out["flag"] == "net_exporter").all()
    assert row(out, year=2019).net_imports == -20


def test_missing_input_comes_before_net_exporter():
    # rule order is literal: P missing → empty even though I < 0
    out = compute_dependency(balance([dict(production=nan, imports=1, exports=9)]), P0)
    assert np.isnan(out.D[0]) and out.flag[0] == "missing_input"


def test_no_supply():
    # I = 0, P = 0 → I + P = 0 → empty, no_supply
    out = compute_dependency(balance([dict(production=0, imports=4, exports=4)]), P0)
    assert np.isnan(out.D[0]) and out.flag[0] == "no_supply"


def test_state_E_is_net_exporter():
    out = compute_dependency(balance([dict(production=7, net_imports=nan, net_imports_state="E")]), P0)
    assert out.D[0] == 0 and out.flag[0] == "net_exporter"


def test_full_import_dependence():
    # P = 0, I = 12 → D = 12/12 = 1
    out = compute_dependency(balance([dict(production=0, imports=12, exports=0)]), P0)
    assert out.D[0] == 1.0


def test_withheld_exclude():
    b = balance([dict(production=nan, production_state="W", imports=80, exports=0)])
    out = compute_dependency(b, EngineParams(withheld_policy="exclude"))
    assert np.isnan(out.D[0]) and out.flag[0] == "withheld"


def test_withheld_last_known_takes_latest_earlier_year_of_same_key():
    b = balance([
        dict(year=2017, production=20, imports=80, exports=0),
        dict(year=2018, production=10, imports=80, exports=0),
        dict(year=2019, production=nan, production_state="W", imports=80, exports=0),
        dict(year=2020, production=nan, production_state="W", imports=60, exports=0),
        # another country's earlier value must not be used
        dict(country="CAN", year=2018, production=999, imports=1, exports=0),
        dict(country="DEU", year=2019, production=nan, production_state="W", imports=1, exports=0),
    ])
    out = compute_dependency(b, EngineParams(withheld_policy="last_known"))
    r19 = row(out, country="USA", year=2019)
    # P taken from 2018: 80 / (80 + 10) = 0.888…
    assert r19.production == 10 and np.isclose(r19.D, 80 / 90)
    assert r19.flag == "withheld_last_known:2018"
    r20 = row(out, country="USA", year=2020)
    # still 2018 (2019 was withheld too): 60 / 70
    assert np.isclose(r20.D, 60 / 70) and r20.flag == "withheld_last_known:2018"
    deu = row(out, country="DEU")
    assert np.isnan(deu.D) and deu.flag == "withheld"


def test_withheld_last_known_respects_stage():
    b = balance([
        dict(year=2019, stage="mine", production=10, imports=30, exports=0),
        dict(year=2020, stage="refinery", production=nan, production_state="W", imports=30, exports=0),
    ])
    out = compute_dependency(b, EngineParams(withheld_policy="last_known"))
    assert row(out, stage="refinery").flag == "withheld"


def test_withheld_bound_uses_printed_reliance():
    b = balance([
        dict(year=2019, production=nan, production_state="W", imports=50, exports=5,
             reliance=0.5, reliance_state=">"),                                   # USGS ">50" → 0.5
        dict(year=2020, production=nan, production_state="W", imports=50, exports=5,
             reliance=nan, reliance_state=""),
    ])
    out = compute_dependency(b, EngineParams(withheld_policy="bound"))
    assert row(out, year=2019).D == 0.5 and row(out, year=2019).flag == "bound"
    assert np.isnan(row(out, year=2020).D) and row(out, year=2020).flag == "withheld"
    # the same rows under exclude ignore the reliance column
    ex = compute_dependency(b, EngineParams(withheld_policy="exclude"))
    assert ex["D"].isna().all()


def test_bound_state_input_is_used_and_flagged():
    # imports ">100" → 100: I = 100 − 20 = 80, D = 80 / (80 + 20) = 0.8
    b = balance([dict(production=20, imports=100, imports_state=">", exports=20)])
    out = compute_dependency(b, P0)
    assert out.D[0] == 0.8 and out.flag[0] == "bound"


def test_assessed_country_narrows_and_aggregates_are_not_countries():
    b = balance([
        dict(country="USA", production=20, imports=90, exports=10),
        dict(country="CHN", production=80, imports=20, exports=0),
        dict(country="WORLD", production=100, imports=0, exports=0),
    ])
    every = compute_dependency(b, P0)
    assert sorted(every["country"]) == ["CHN", "USA"]
    # CHN: 20 / (20 + 80) = 0.2
    assert row(every, country="CHN").D == 0.2
    usa = compute_dependency(b, EngineParams(country="usa"))
    assert list(usa["country"]) == ["USA"]


def test_years_parameter_keeps_earlier_years_for_last_known():
    b = balance([
        dict(year=2010, production=10, imports=30, exports=0),
        dict(year=2020, production=nan, production_state="W", imports=30, exports=0),
    ])
    out = compute_dependency(b, EngineParams(withheld_policy="last_known", years=(2015, 2022)))
    assert list(out["year"]) == [2020]
    assert out.D[0] == 0.75 and out.flag[0] == "withheld_last_known:2010"   # 30 / 40


def test_empty_input():
    out = compute_dependency(balance([]).iloc[:0], P0)
    assert list(out.columns) == COLUMNS and len(out) == 0


def test_row_order_does_not_matter():
    rng = np.random.default_rng(1)
    recs = [dict(country=c, year=y, production=float(rng.integers(0, 50)), imports=float(rng.integers(0, 50)),
                 exports=float(rng.integers(0, 50))) for c in ("USA", "CHN", "JPN") for y in range(2010, 2020)]
    b = balance(recs)
    a = compute_dependency(b, P0)
    shuffled = compute_dependency(b.sample(frac=1, random_state=3), P0)
    pd.testing.assert_frame_equal(a, shuffled)


def test_withheld_net_imports_falls_back_to_imports_minus_exports():
    b = balance([
        dict(year=2019, production=10, net_imports=40, imports=50, exports=10),
        # net_imports W but imports and exports known: 30 − 10 = 20, D = 20/30; not last-known 40
        dict(year=2020, production=10, net_imports=nan, net_imports_state="W", imports=30, exports=10),
    ])
    for policy in ("exclude", "last_known"):
        out = compute_dependency(b, EngineParams(withheld_policy=policy))
        r = row(out, year=2020)
        assert np.isclose(r.D, 20 / 30) and r.flag == "", policy


def _prod_table(rows):
    """rows: (mineral, country, year, stage, quantity, unit[, state])"""
    return pd.DataFrame({"mineral": [r[0] for r in rows], "country": [r[1] for r in rows],
                         "year": [r[2] for r in rows], "stage": [r[3] for r in rows],
                         "quantity": [r[4] for r in rows], "unit": [r[5] for r in rows],
                         "quantity_state": [r[6] if len(r) > 6 else "" for r in rows]})


def test_empty_production_cell_takes_the_production_table_in_the_same_unit():
    b = balance([
        dict(year=2019, production=nan, imports=90, exports=10, unit="t (gross weight)"),   # filled: 30
        dict(year=2020, production=nan, imports=90, exports=10, unit="t"),                  # other unit only
        dict(year=2021, production=nan, production_state="W", imports=90, exports=10, unit="t"),   # withheld
        dict(year=2022, production=5, imports=90, exports=10, unit="t"),                    # own cell kept
    ])
    prod = _prod_table([
        ("cobalt", "USA", 2019, "mine", 20.0, "T gross weight"),       # same unit, other spelling
        ("cobalt", "USA", 2019, "mine", 10.0, "t gross weight"),       # summed with the row above
        ("cobalt", "USA", 2020, "mine", 40.0, "t Co"),
        ("cobalt", "USA", 2021, "mine", 40.0, "t"),
        ("cobalt", "USA", 2022, "mine", 40.0, "t"),
        ("cobalt", "CAN", 2019, "mine", 99.0, "t gross weight"),       # another country: never used
    ])
    out = compute_dependency(b, P0, prod)
    r19, r20, r21, r22 = (row(out, year=y) for y in (2019, 2020, 2021, 2022))
    # 2019: P = 20 + 10 = 30 from the table (balance stage '' matches 'mine'); D = 80 / (80 + 30)
    assert r19.production == 30 and r19.D == 80 / 110
    assert r19.flag == "production_from_production_table"
    assert np.isnan(r20.D) and r20.flag == "missing_input;production_unit_differs"
    assert np.isnan(r21.D) and r21.flag == "withheld"
    assert r22.production == 5 and r22.D == 80 / 85 and r22.flag == ""
    notes = " ".join(out.attrs["problems"])
    assert "1 balance row(s) with an empty production cell" in notes
    assert "t vs t Co" in notes
    # the input frame is not changed
    assert b["production"].isna().sum() == 3
