"""Production growth G and criticality potential C: hand-computed cases."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.extended import ExtendedParams, compute_criticality_potential, compute_growth

P = ExtendedParams()


def prod(rows):
    return pd.DataFrame(rows, columns=["mineral", "country", "year", "stage", "quantity"])


def test_growth_hand_computed():
    # world mine production of 'a': 2015 = 60 + 40 = 100; 2020 = 200 + 40 + OTHERS 3 = 243
    # G = (243 / 100)^(1/5) = 2.43^0.2 = 1.19432...   ('b': 10 → 10, G = 1)
    p = prod([("a", "X", 2015, "mine", 60), ("a", "Y", 2015, "mine", 40),
              ("a", "X", 2020, "mine", 200), ("a", "Y", 2020, "mine", 40), ("a", "OTHERS", 2020, "mine", 3),
              ("a", "WORLD", 2020, "mine", 999),          # a total row: never added
              ("a", "X", 2020, "refinery", 5000),         # not primary
              ("b", "X", 2015, "mine", 10), ("b", "X", 2020, "mine", 10)])
    g = compute_growth(p, P).set_index(["mineral", "year"])
    assert g.loc[("a", 2020), "production"] == 243
    assert g.loc[("a", 2020), "G"] == pytest.approx(2.43 ** 0.2, rel=1e-15)
    assert g.loc[("a", 2020), "G"] == pytest.approx(1.194322, abs=1e-6)
    assert g.loc[("b", 2020), "G"] == 1.0
    # min-max over all G: b (1.0) → 0, a → 1
    assert g.loc[("b", 2020), "G_scaled"] == 0.0 and g.loc[("a", 2020), "G_scaled"] == 1.0
    assert np.isnan(g.loc[("a", 2015), "G"]) and "no_base_year" in g.loc[("a", 2015), "flag"]
    assert set(g["stage"]) == {"mine"}


def test_growth_flags_and_stage_fallback():
    # 'c' has only stage '' → used; base 0 → G empty, flagged; 'd' has only a WORLD row → used, flagged
    p = prod([("c", "X", 2010, "", 0), ("c", "X", 2015, "", 5),
              ("d", "WORLD", 2010, "mine", 10), ("d", "WORLD", 2015, "mine", 20)])
    g = compute_growth(p, ExtendedParams(growth_years=5)).set_index(["mineral", "year"])
    assert np.isnan(g.loc[("c", 2015), "G"]) and "nonpositive_base" in g.loc[("c", 2015), "flag"]
    # (20/10)^(1/5) = 2^0.2 = 1.148698...
    assert g.loc[("d", 2015), "G"] == pytest.approx(2 ** 0.2)
    assert "world_total_row" in g.loc[("d", 2015), "flag"]
    # a single finite G: min-max is constant → 0 and flagged
    assert g.loc[("d", 2015), "G_scaled"] == 0.0 and "constant" in g.loc[("d", 2015), "flag"]


def test_growth_years_parameter():
    p = prod([("a", "X", 2019, "mine", 100), ("a", "X", 2020, "mine", 110)])
    g = compute_growth(p, ExtendedParams(growth_years=1)).set_index("year")
    assert g.loc[2020, "G"] == pytest.approx(1.1)          # (110/100)^(1/1)


def test_criticality_potential_hand_computed():
    growth = pd.DataFrame({"mineral": ["a", "b", "c"], "year": 2020, "stage": "mine",
                           "G_scaled": [1.0, 0.5, 0.0]})
    risk = pd.DataFrame({"mineral": ["a", "b", "c"], "year": 2020, "stage": "mine", "R": [0.8, 1.0, 0.5]})
    market = pd.DataFrame({"mineral": ["a", "b"], "year": 2020, "M": [0.125 / 0.8, 0.216 / 0.5]})
    c = compute_criticality_potential(growth, risk, market, P).set_index("mineral")
    # a: (0.8 · 1 · 0.15625)^(1/3) = 0.125^(1/3) = 0.5
    assert c.loc["a", "C"] == pytest.approx(0.5)
    # b: (1.0 · 0.5 · 0.432)^(1/3) = 0.216^(1/3) = 0.6
    assert c.loc["b", "C"] == pytest.approx(0.6)
    # c: no M → empty, flagged (never 0)
    assert np.isnan(c.loc["c", "C"]) and "missing_M" in c.loc["c", "flag"]


def test_criticality_minmax_zero_is_flagged():
    growth = pd.DataFrame({"mineral": ["a"], "year": 2020, "stage": "mine", "G_scaled": [0.0]})
    risk = pd.DataFrame({"mineral": ["a"], "year": 2020, "stage": "mine", "R": [0.7]})
    market = pd.DataFrame({"mineral": ["a"], "year": 2020, "M": [0.9]})
    c = compute_criticality_potential(growth, risk, market, P).iloc[0]
    assert c["C"] == 0.0 and "minmax_zero:G" in c["flag"]


def test_empty_inputs_give_empty_tables_with_columns():
    assert list(compute_growth(None, P).columns)[:3] == ["mineral", "year", "stage"]
    assert len(compute_criticality_potential(compute_growth(None, P), None, None, P)) == 0


def test_minmax_of_g_runs_over_the_analysis_period():
    from desktop.core.dataset import Dataset
    from desktop.core.metrics.extended import run_extended
    from desktop.core.metrics.params import EngineParams
    # G 2020 = 2^(1/5) (100 → 200), G 2021 = 1 (200 → 200 five years on), G 2022 = 3^(1/5) (100 → 300)
    p = prod([("a", "X", 2015, "mine", 100), ("a", "X", 2016, "mine", 200), ("a", "X", 2017, "mine", 100),
              ("a", "X", 2020, "mine", 200), ("a", "X", 2021, "mine", 200), ("a", "X", 2022, "mine", 300)])
    out = run_extended(Dataset(tables={"production": p}), {}, EngineParams(years=(2020, 2021)))
    g = out["production_growth"].set_index("year")
    assert list(g.index) == [2020, 2021]
    # within 2020–2021 the largest G (2020) is 1 and the smallest (2021) is 0, whatever 2022 holds
    assert g.loc[2020, "G_scaled"] == 1.0 and g.loc[2021, "G_scaled"] == 0.0
    assert g.loc[2020, "G"] == pytest.approx(2 ** 0.2)
