"""Four supply-security categories with their explanations (hand-made cases for China)."""
import numpy as np
import pandas as pd

from desktop.core.metrics.extended import ExtendedParams, compute_categories

P = ExtendedParams()          # d_high 0.5, r_high 0.29, production/reserves high 20 %, low 2 %


def frames():
    dep = pd.DataFrame({"mineral": ["ree", "mo", "ni", "nb", "zz", "cu"], "country": "CHN", "year": 2022,
                        "stage": "", "D": [0.0, 0.3, 0.8, 0.95, np.nan, 0.7]})
    prod = pd.DataFrame({"mineral": ["ree", "ree", "mo", "mo", "ni", "ni", "nb", "nb", "cu", "cu"],
                         "country": ["CHN", "USA", "CHN", "CHL", "IDN", "CHN", "BRA", "CHN", "CHL", "CHN"],
                         "year": 2022, "stage": "mine",
                         "quantity": [70, 30, 10, 90, 90, 10, 99, 1, 90, 10]})
    res = pd.DataFrame({"mineral": ["ree", "ree"], "country": ["CHN", "BRA"], "year": 2024, "reserves": [44, 56]})
    risk = pd.DataFrame({"mineral": ["ree", "mo", "ni", "nb", "cu"], "year": 2022, "stage": "mine",
                         "R": [0.9, 0.2, 0.1, 0.8, np.nan]})
    return dep, prod, res, risk


def test_four_categories_and_explanations():
    c = compute_categories(*frames(), P).set_index("mineral")
    # ree: 70 % of production ≥ 20 %, 44/(44+56) = 44 % of reserves ≥ 20 %, D 0 < 50 % → 1
    assert c.loc["ree", "category"] == "domestic_advantage" and c.loc["ree", "category_no"] == 1
    assert c.loc["ree", "reserves_share"] == 0.44 and "reserves_year:2024" in c.loc["ree", "flag"]
    assert "70%" in c.loc["ree", "explanation"] and "44%" in c.loc["ree", "explanation"]
    assert "国内储量和产量规模大" in c.loc["ree", "explanation_zh"]
    # mo: 10 % of production (< 20 %), D 0.3 < 0.5 → 2 low risk
    assert c.loc["mo", "category_no"] == 2 and "under control" in c.loc["mo", "explanation"]
    # ni: D 0.8 ≥ 0.5, R 0.1 < 0.29 → 3 dependent but diversified
    assert c.loc["ni", "category_no"] == 3 and "R = 0.10" in c.loc["ni", "explanation"]
    assert c.loc["ni", "label_zh"] == "高依赖、风险可控型"
    # nb: D 0.95, R 0.8 ≥ 0.29, 1 % of production < 2 % → 4, "almost no domestic capacity"
    assert c.loc["nb", "category_no"] == 4 and "almost no domestic capacity" in c.loc["nb", "explanation"]
    assert "国内几乎没有产能" in c.loc["nb", "explanation_zh"]
    # R taken from the mine row because D has no stage: said in the flag
    assert "R_stage:mine" in c.loc["nb", "flag"]


def test_no_category_without_inputs():
    c = compute_categories(*frames(), P).set_index("mineral")
    # zz: D empty → no category, never a default class
    assert c.loc["zz", "category"] == "" and c.loc["zz", "category_no"] == 0 and "missing_D" in c.loc["zz", "flag"]
    # cu: D 0.7 ≥ 0.5 but R empty → no category
    assert c.loc["cu", "category"] == "" and "missing_R" in c.loc["cu", "flag"]
    assert "R is empty" in c.loc["cu", "explanation"]


def test_thresholds_are_parameters():
    # with d_high 0.9, nickel (D 0.8) is below the bar → low risk
    c = compute_categories(*frames(), ExtendedParams(d_high=0.9)).set_index("mineral")
    assert c.loc["ni", "category_no"] == 2
    # with r_high 0.05, nickel (R 0.1) becomes high risk
    c = compute_categories(*frames(), ExtendedParams(r_high=0.05)).set_index("mineral")
    assert c.loc["ni", "category_no"] == 4


def test_large_producer_that_imports_most_is_not_an_advantage():
    dep = pd.DataFrame({"mineral": ["fe"], "country": "CHN", "year": 2022, "stage": "", "D": [0.8]})
    prod = pd.DataFrame({"mineral": "fe", "country": ["CHN", "AUS"], "year": 2022, "stage": "mine",
                         "quantity": [30, 70]})
    risk = pd.DataFrame({"mineral": ["fe"], "year": 2022, "stage": "mine", "R": [0.5]})
    c = compute_categories(dep, prod, None, risk, P).iloc[0]
    assert c["category_no"] == 4


def test_assessed_countries_narrow():
    dep, prod, res, risk = frames()
    dep = pd.concat([dep, dep.assign(country="USA")])
    c = compute_categories(dep, prod, res, risk, ExtendedParams(assessed_countries=("usa",)))
    assert set(c["country"]) == {"USA"}


def test_number_texts_equal_python_formatting_at_rounding_boundaries():
    import numpy as np

    from desktop.core.metrics.extended.categories import _num

    rng = np.random.default_rng(0)
    x = np.concatenate([rng.random(50_000), rng.random(1000) * 1e6, np.arange(0, 20, 0.00125),
                        [0.125, 0.145, 0.335, 1e20, -0.001, -0.0, 0.0, np.nan, np.inf, -np.inf,
                         0.994999999, 0.995, 0.9950000001]])
    expected = ["n/a" if not np.isfinite(v) else f"{v:.2f}" for v in x]
    assert _num(x).tolist() == expected
