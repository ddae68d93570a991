"""explain(): where a number of the results comes from (desktop/core/metrics/explain.py).

The expected numbers are worked out by hand in the tests (arithmetic written as literals)."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from desktop.core.dataset import Dataset
from desktop.core.messages import Message
from desktop.core.metrics.engine import run
from desktop.core.metrics.explain import SUPPORTED_TABLES, Explanation, InputTable, explain
from desktop.core.metrics.params import EngineParams

from .helpers import balance, governance, prices, production

nan = math.nan
SOURCE = {"file": "demo.xlsx", "sha256": "abc", "format": "template", "imported_at": "2025-03-01 09:00",
          "rows": {"balance": 3, "production": 9, "governance": 30, "prices": 9},
          "years": {"balance": "2021–2023", "production": "2023–2024", "governance": "2023", "prices": "2020–2022"}}
DEMO = Path(__file__).resolve().parents[3] / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"


def same(a, b) -> bool:
    """Equal cell by cell; NaN equals NaN, numbers within 1e-9."""
    if isinstance(a, (tuple, list)):
        return isinstance(b, (tuple, list)) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        try:
            a, b = float(a), float(b)
        except (TypeError, ValueError):
            return False
        return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-9, abs=1e-12)
    return a == b


def codes(messages) -> list[str]:
    return [m.code for m in messages]


def table_of(e: Explanation, title_code: str) -> InputTable:
    return next(t for t in e.inputs if t.title.code == title_code)


def values_of(e: Explanation) -> dict:
    return dict(table_of(e, "explain.table.values").rows)


# -- import dependency D ---------------------------------------------------------------------------------

def d_results(policy: str = "exclude"):
    bal = balance([
        # plain: I = 4 890 000 − 1 230 000 = 3 660 000, D = 3 660 000 / (750 000 + 3 660 000)
        {"mineral": "aluminum", "year": 2023, "production": 750_000, "imports": 4_890_000, "exports": 1_230_000},
        # net exporter: I = 95 − 13 400 = −13 305 < 0 → D = 0
        {"mineral": "nickel", "year": 2023, "stage": "mine", "production": 16_700, "imports": 95, "exports": 13_400},
        # withheld production in 2022 and 2023; the last known value is 2021's 600
        {"year": 2021, "production": 600, "imports": 5000, "exports": 100},
        {"year": 2022, "production": nan, "production_state": "W", "imports": 6000, "exports": 200},
        {"year": 2023, "production": nan, "production_state": "W", "imports": 7000, "exports": 300},
    ])
    ds = Dataset({"balance": bal}, sources=[SOURCE])
    return run(ds, EngineParams(withheld_policy=policy)), ds


def test_d_plain_case():
    res, ds = d_results()
    e = explain(res, ds, "import_dependency", {"mineral": "aluminum", "country": "USA", "year": 2023, "stage": ""})
    assert e.metric == "D" and e.table == "import_dependency"
    assert e.value == pytest.approx(3_660_000 / 4_410_000)          # 0.829931…
    assert e.formula == "D = net imports / (production + net imports); net imports = imports − exports"
    assert e.substituted == "D = 3 660 000 / (750 000 + 3 660 000) = 0.8299"
    assert codes(e.steps) == ["explain.d.net_imports_computed", "explain.d.ratio"]
    assert e.steps[0] == "Net imports = imports − exports = 4 890 000 − 1 230 000 = 3 660 000."
    inputs = table_of(e, "explain.table.balance")
    assert inputs.columns == ["input", "value", "state", "used"]
    assert same(inputs.rows, [("production", 750_000.0, "", 750_000.0), ("imports", 4_890_000.0, "", 4_890_000.0),
                              ("exports", 1_230_000.0, "", 1_230_000.0), ("net_imports", nan, "", nan)])
    assert same(list(values_of(e).values()), [750_000.0, 3_660_000.0, 4_410_000.0, 3_660_000 / 4_410_000])
    assert e.flags == []
    assert e.parameters == [("withheld_policy", "exclude"), ("country", "")]
    assert e.sources == [{"table": "balance", "file": "demo.xlsx", "format": "template",
                          "imported_at": "2025-03-01 09:00", "years": "2021–2023"}]
    assert isinstance(e.formula, Message) and all(isinstance(s, Message) for s in e.steps)


def test_d_net_exporter():
    res, ds = d_results()
    e = explain(res, ds, "import_dependency", {"mineral": "nickel", "country": "USA", "year": 2023, "stage": "mine"})
    assert e.value == 0.0
    assert e.substituted == "I = -13 305 < 0 → D = 0"
    assert codes(e.steps)[-1] == "explain.d.net_exporter"
    assert codes(e.flags) == ["flag.net_exporter"]
    assert e.flags[0] == "Net exporter (imports below exports): D is 0."
    assert e.flags[0].params["flag"] == "net_exporter"
    assert values_of(e)["net_imports"] == 95 - 13_400


def test_d_withheld_exclude_and_last_known():
    key = {"mineral": "cobalt", "country": "USA", "year": 2023, "stage": ""}
    res, ds = d_results("exclude")
    e = explain(res, ds, "import_dependency", key)
    assert math.isnan(e.value) and e.substituted == "D = –"
    assert codes(e.steps)[-1] == "explain.d.withheld" and codes(e.flags) == ["flag.withheld"]
    assert same(table_of(e, "explain.table.balance").rows[0], ("production", nan, "W", nan))

    res, ds = d_results("last_known")
    e = explain(res, ds, "import_dependency", key)
    # 2023: P = 600 (2021; 2022 is withheld too), I = 7000 − 300 = 6700 → D = 6700 / (600 + 6700)
    assert e.value == pytest.approx(6700 / 7300)
    assert e.steps[0] == "Withheld production (W) replaced by the last known value of 2021: 600."
    assert e.steps[0].text("zh") == "保密的产量（W）已替换为 2021 年的最近已知值：600。"
    assert e.substituted == "D = 6700 / (600 + 6700) = 0.9178"
    assert codes(e.flags) == ["flag.withheld_last_known"]
    assert e.flags[0] == "A withheld value (W) was replaced by the last known value, of 2021."
    assert same(table_of(e, "explain.table.balance").rows[0], ("production", nan, "W", 600.0))
    assert ("withheld_policy", "last_known") in e.parameters
    # 2022: P = 600, I = 6000 − 200 = 5800 → D = 5800 / 6400 = 0.90625
    e22 = explain(res, ds, "import_dependency", {**key, "year": 2022})
    assert e22.value == pytest.approx(0.90625)


def test_d_bound_policy_and_net_exporter_state():
    bal = balance([
        # production withheld; the printed reliance bound '>50' → 0.5 becomes D under the bound policy
        {"year": 2023, "production": nan, "production_state": "W", "imports": 900, "exports": 100,
         "reliance": 0.5, "reliance_state": ">"},
        # net imports with the state E (USGS): a net exporter whatever the other cells say
        {"year": 2022, "production": 10, "imports": nan, "exports": nan, "net_imports": nan, "net_imports_state": "E"},
    ])
    ds = Dataset({"balance": bal}, sources=[SOURCE])
    res = run(ds, EngineParams(withheld_policy="bound"))
    e = explain(res, ds, "import_dependency", {"mineral": "cobalt", "country": "USA", "year": 2023, "stage": ""})
    assert e.value == 0.5 and e.substituted == "D = reliance = 0.5"
    assert "explain.d.reliance" in codes(e.steps) and codes(e.flags) == ["flag.bound"]
    e = explain(res, ds, "import_dependency", {"mineral": "cobalt", "country": "USA", "year": 2022, "stage": ""})
    assert e.value == 0.0 and e.substituted == "net_imports_state = E → D = 0"
    assert codes(e.steps)[-1] == "explain.d.net_exporter_state" and codes(e.flags) == ["flag.net_exporter"]


def test_d_production_taken_from_the_production_table():
    bal = balance([{"year": 2023, "stage": "mine", "production": nan, "imports": 5000, "exports": 100}])
    prod = production([("cobalt", "USA", 2023, "mine", 500.0), ("cobalt", "COD", 2023, "mine", 9500.0)])
    ds = Dataset({"balance": bal, "production": prod}, sources=[SOURCE])
    res = run(ds)
    e = explain(res, ds, "import_dependency", {"mineral": "cobalt", "country": "USA", "year": 2023, "stage": "mine"})
    assert e.value == pytest.approx(4900 / 5400)                    # I = 5000 − 100, P = 500
    assert "explain.d.production_from_table" in codes(e.steps)
    assert codes(e.flags) == ["flag.production_from_production_table"]
    assert [s["table"] for s in e.sources] == ["balance", "production"]


@pytest.mark.parametrize("policy", ["exclude", "bound"])
def test_d_each_rule_and_missing_input(policy):
    bal = balance([
        {"mineral": "tin", "year": 2023, "production": 100, "net_imports": 50},            # I given: 50 / 150
        {"mineral": "zinc", "year": 2023, "production": 0, "imports": 5, "exports": 5},     # P + I = 0: no supply
        {"mineral": "lead", "year": 2023, "production": nan, "imports": 5, "exports": nan},  # P and exports missing
        {"mineral": "gold", "year": 2023, "production": nan, "production_state": "W", "imports": 9, "exports": 1},
    ])
    ds = Dataset({"balance": bal}, sources=[SOURCE])
    res = run(ds, EngineParams(withheld_policy=policy))

    def of(mineral: str) -> Explanation:
        return explain(res, ds, "import_dependency", {"mineral": mineral, "country": "USA", "year": 2023, "stage": ""})

    e = of("tin")
    assert e.value == pytest.approx(50 / 150) and e.substituted == "D = 50 / (100 + 50) = 0.3333"
    assert codes(e.steps) == ["explain.d.net_imports_supplied", "explain.d.ratio"]
    assert same(table_of(e, "explain.table.balance").rows[1:], [("imports", nan, "", nan), ("exports", nan, "", nan),
                                                                ("net_imports", 50.0, "", 50.0)])
    e = of("zinc")
    assert math.isnan(e.value) and e.substituted == "0 + 0 = 0 ≤ 0 → D = –"
    assert codes(e.steps) == ["explain.d.net_imports_computed", "explain.d.no_supply"]
    assert codes(e.flags) == ["flag.no_supply"]
    e = of("lead")
    assert math.isnan(e.value) and e.substituted == "D = –"
    assert codes(e.steps) == ["explain.d.missing"] and e.steps[0] == (
        "A needed input is missing (production, exports): D is empty.")
    assert codes(e.flags) == ["flag.missing_input"]
    e = of("gold")                                 # withheld, and no printed reliance to take under bound
    assert math.isnan(e.value) and e.substituted == "D = –"
    assert codes(e.steps) == ["explain.d.net_imports_computed"] + (["explain.d.no_reliance"] if policy == "bound"
                                                                   else []) + ["explain.d.withheld"]
    assert codes(e.flags) == ["flag.withheld"]
    assert ("withheld_policy", policy) in e.parameters


# -- market dynamics M -------------------------------------------------------------------------------------

def m_results():
    pr = prices({"nickel": {2020: 10.0, 2021: 12.0, 2022: 17.0},     # mean 13, Σ(dev²) = 9 + 1 + 16 = 26
                 "tin": {2020: 20.0, 2021: 20.0, 2022: 20.0},        # M_raw 0: the minimum
                 "zinc": {2020: 1.0, 2021: 2.0, 2022: 6.0}})         # mean 3, Σ(dev²) = 4 + 1 + 9 = 14: the maximum
    ds = Dataset({"prices": pr}, sources=[SOURCE])
    return run(ds, EngineParams(window=3)), ds


def test_m_three_year_window():
    res, ds = m_results()
    e = explain(res, ds, "market_dynamics", {"mineral": "nickel", "year": 2022})
    std = math.sqrt(26 / 2)                    # sample std, divisor n − 1 = 2
    raw = std / 13                             # 0.27735…
    hi = math.sqrt(14 / 2) / 3                 # zinc: 0.88192…
    assert e.metric == "M"
    assert e.value == pytest.approx(raw / hi)  # (raw − 0) / (hi − 0) = 0.31449…
    window = table_of(e, "explain.table.window")
    assert window.columns == ["year", "price", "state"]
    assert window.rows == [(2020, 10.0, ""), (2021, 12.0, ""), (2022, 17.0, "")]
    v = values_of(e)
    assert v["n"] == 3 and v["mean"] == pytest.approx(13.0) and v["std"] == pytest.approx(std)
    assert v["M_raw"] == pytest.approx(raw) and v["min_M_raw"] == 0.0 and v["max_M_raw"] == pytest.approx(hi)
    assert e.substituted == "M_raw = 3.6056 / 13 = 0.2774; M = (0.2774 − 0) / (0.8819 − 0) = 0.3145"
    assert codes(e.steps) == ["explain.m.window", "explain.m.raw", "explain.minmax"]
    assert e.parameters == [("window", 3), ("min_points", "")]
    assert [s["table"] for s in e.sources] == ["prices"]


def test_m_incomplete_window():
    res, ds = m_results()
    e = explain(res, ds, "market_dynamics", {"mineral": "nickel", "year": 2021})
    assert math.isnan(e.value)
    assert same(table_of(e, "explain.table.window").rows, [(2019, nan, ""), (2020, 10.0, ""), (2021, 12.0, "")])
    assert "explain.m.incomplete" in codes(e.steps) and codes(e.flags) == ["flag.incomplete_window"]
    assert e.substituted == "n = 2 < 3 → M_raw = –, M = –"


# -- supply risk R and governance Γ -----------------------------------------------------------------------

def r_results():
    prod = production([
        ("cobalt", "COD", 2023, "mine", 60.0), ("cobalt", "AUS", 2023, "mine", 30.0),
        ("cobalt", "CHN", 2023, "mine", 10.0),
        ("lithium", "AUS", 2023, "mine", 50.0), ("lithium", "CHL", 2023, "mine", 50.0),
        ("copper", "COD", 2023, "mine", 100.0),
        ("cobalt", "COD", 2024, "mine", 60.0), ("cobalt", "AUS", 2024, "mine", 30.0),
        ("cobalt", "OTHERS", 2024, "mine", 10.0),
    ])
    # Γ = 1 − (x + 3.5) / 7 with the six estimates equal: COD 5/7, AUS 2/7, CHN 4/7, CHL 2.5/7
    gov = governance({("COD", 2023): -1.5, ("AUS", 2023): 1.5, ("CHN", 2023): -0.5, ("CHL", 2023): 1.0,
                      ("ZMB", 2023): [-1.5, -2.0, -1.0, 0.0, 0.5, 1.0],
                      ("FIN", 2023): [4.0, 1.0]})
    ds = Dataset({"production": prod, "governance": gov}, sources=[SOURCE])
    return run(ds), ds


# R_raw (in sevenths): cobalt 2023 (0.36·5 + 0.09·2 + 0.01·4) = 2.02, cobalt 2024 (0.36·5 + 0.09·2) = 1.98,
# lithium (0.25·2 + 0.25·2.5) = 1.125 (the minimum), copper 1·5 = 5 (the maximum)
LO, HI = 1.125 / 7, 5 / 7


def test_r_three_producers():
    res, ds = r_results()
    e = explain(res, ds, "supply_risk", {"mineral": "cobalt", "year": 2023, "stage": "mine"})
    assert e.metric == "R"
    assert e.value == pytest.approx((2.02 - 1.125) / (5 - 1.125))          # 0.23097
    producers = table_of(e, "explain.table.producers")
    assert producers.columns == ["country", "quantity", "share", "gamma", "gamma_year", "contribution"]
    assert same(producers.rows, [("COD", 60.0, 0.6, 5 / 7, 2023, 0.36 * 5 / 7),
                                 ("AUS", 30.0, 0.3, 2 / 7, 2023, 0.09 * 2 / 7),
                                 ("CHN", 10.0, 0.1, 4 / 7, 2023, 0.01 * 4 / 7)])
    v = values_of(e)
    assert v["total"] == 100.0
    assert v["HHI"] == pytest.approx(0.36 + 0.09 + 0.01)
    assert v["R_raw"] == pytest.approx(2.02 / 7)
    assert (v["min_R_raw"], v["max_R_raw"]) == (pytest.approx(LO), pytest.approx(HI))
    assert v["coverage"] == pytest.approx(1.0)
    assert e.substituted.startswith("R_raw = 0.6² · 0.7143 + 0.3² · 0.2857 + 0.1² · 0.5714 = 0.2886; R = ")
    assert e.parameters == [("wgi_bound", 3.5), ("wgi_span", 7.0), ("gamma_epsilon", 1e-6)]
    assert [s["table"] for s in e.sources] == ["production", "governance"]
    assert e.flags == []


def test_r_others_and_carried_governance():
    res, ds = r_results()
    e = explain(res, ds, "supply_risk", {"mineral": "cobalt", "year": 2024, "stage": "mine"})
    assert e.value == pytest.approx((1.98 - 1.125) / (5 - 1.125))
    rows = table_of(e, "explain.table.producers").rows
    assert [r[0] for r in rows] == ["COD", "AUS", "OTHERS"]
    assert same(rows[-1], ("OTHERS", 10.0, 0.1, nan, nan, nan))
    assert rows[0][4] == 2023                                              # Γ of 2023 carried to 2024
    v = values_of(e)
    assert v["HHI"] == pytest.approx(0.36 + 0.09) and v["coverage"] == pytest.approx(1.0)
    assert {"explain.r.others", "explain.r.carried"} <= set(codes(e.steps))
    assert codes(e.flags) == ["flag.governance_carried_forward"]


def test_r_only_other_countries_and_a_producer_without_governance():
    prod = production([("tin", "OTHERS", 2023, "mine", 10.0), ("tin", "WORLD", 2023, "mine", 10.0),
                       ("zinc", "COD", 2023, "mine", 60.0), ("zinc", "FIN", 2023, "mine", 40.0)])
    ds = Dataset({"production": prod, "governance": governance({("COD", 2023): -1.5})}, sources=[SOURCE])
    res = run(ds)
    e = explain(res, ds, "supply_risk", {"mineral": "tin", "year": 2023, "stage": "mine"})
    assert math.isnan(e.value) and e.substituted == "R_raw = –, R = –"
    assert codes(e.steps) == ["explain.r.no_listed", "explain.minmax_empty"]
    assert codes(e.flags) == ["flag.no_listed_producers"]
    assert same(table_of(e, "explain.table.producers").rows, [("OTHERS", 10.0, 1.0, nan, nan, nan)])
    assert math.isnan(values_of(e)["HHI"]) and math.isnan(values_of(e)["coverage"])
    # zinc: COD 0.6² · 5/7 only (FIN has no Γ); the analysis' only R_raw, so R = 0
    e = explain(res, ds, "supply_risk", {"mineral": "zinc", "year": 2023, "stage": "mine"})
    assert e.value == 0.0 and e.substituted == "R_raw = 0.6² · 0.7143 = 0.2571; max = min = 0.2571 → R = 0"
    assert codes(e.steps) == ["explain.r.shares", "explain.r.no_gamma", "explain.r.hhi", "explain.minmax_constant"]
    v = values_of(e)
    assert v["HHI"] == pytest.approx(0.36 + 0.16) and v["coverage"] == pytest.approx(0.6)
    assert v["R_raw"] == pytest.approx(0.36 * 5 / 7)
    assert codes(e.flags) == ["flag.missing_governance", "flag.constant"]


def test_gamma_six_indicators():
    res, ds = r_results()
    e = explain(res, ds, "governance", {"country": "ZMB", "year": 2023})
    # Γr = 1 − (x + 3.5) / 7: 5/7, 5.5/7, 4.5/7, 3.5/7, 3/7, 2.5/7
    rescaled = [5 / 7, 5.5 / 7, 4.5 / 7, 3.5 / 7, 3 / 7, 2.5 / 7]
    assert e.metric == "gamma"
    assert e.value == pytest.approx((5 * 5.5 * 4.5 * 3.5 * 3 * 2.5) ** (1 / 6) / 7)     # 0.5498, the geometric mean
    ind = table_of(e, "explain.table.indicators")
    assert ind.columns == ["indicator", "estimate", "gamma_r"]
    assert same(ind.rows, list(zip(["VA", "PV", "GE", "RQ", "RL", "CC"], [-1.5, -2.0, -1.0, 0.0, 0.5, 1.0], rescaled)))
    assert e.substituted == "Γ = (0.7143 · 0.7857 · 0.6429 · 0.5 · 0.4286 · 0.3571)^(1/6) = 0.5498"
    assert e.flags == [] and [s["table"] for s in e.sources] == ["governance"]


def test_gamma_partial_and_clipped():
    res, ds = r_results()
    e = explain(res, ds, "governance", {"country": "FIN", "year": 2023})
    # VA = 4.0 > 3.5: 1 − 7.5/7 < 0 → clipped to ε = 1e-6; PV = 1.0 → 2.5/7
    assert e.value == pytest.approx(math.sqrt(1e-6 * 2.5 / 7))
    assert same(table_of(e, "explain.table.indicators").rows, [("VA", 4.0, 1e-6), ("PV", 1.0, 2.5 / 7)])
    assert {"explain.gamma.clipped", "explain.gamma.partial"} <= set(codes(e.steps))
    assert codes(e.flags) == ["flag.partial_indicators", "flag.clipped"]


def test_midpoint_threshold():
    res, ds = r_results()
    e = explain(res, ds, "thresholds", {"metric": "R"})
    # R = (R_raw − 1.125) / 3.875 in sevenths: lithium 0, cobalt 2024 0.855/3.875, cobalt 2023 0.895/3.875,
    # copper 1.  Splits (SSE in sevenths of R_raw, the same order): after 1 value 6.0008, after 2 4.8057,
    # after 3 0.5112 → low = the first three, high = copper.
    low = (0 + 0.855 / 3.875 + 0.895 / 3.875) / 3
    high = 1.0
    assert e.metric == "threshold"
    assert e.value == pytest.approx((low + high) / 2)
    rows = dict(table_of(e, "explain.table.clusters").rows)
    assert rows["low_centre"] == pytest.approx(low) and rows["high_centre"] == pytest.approx(high)
    assert rows["method"] == "midpoint" and rows["n_values"] == 4 and (rows["n_low"], rows["n_high"]) == (3, 1)
    assert e.substituted == "threshold = (0.1505 + 1) / 2 = 0.5753"
    assert ("threshold method R (effective)", "midpoint") in e.parameters
    assert e.value == pytest.approx(float(res.tables["thresholds"].set_index("metric").loc["R", "threshold"]))


def test_shares_and_missing_rows():
    res, ds = r_results()
    e = explain(res, ds, "production_shares", {"mineral": "cobalt", "year": 2024, "stage": "mine", "country": "AUS"})
    assert e.value == pytest.approx(30 / 100) and e.substituted == "S = 30 / 100 = 0.3"
    assert explain(res, ds, "supply_risk", {"mineral": "cobalt", "year": 1999, "stage": "mine"}) is None
    assert explain(res, ds, "no_such_table", {"mineral": "cobalt"}) is None
    assert explain(res, ds, "thresholds", {"metric": "X"}) is None
    assert {"import_dependency", "market_dynamics", "governance", "supply_risk", "thresholds"} <= set(SUPPORTED_TABLES)


# -- the two languages -----------------------------------------------------------------------------------

def test_chinese_text_has_no_english_sentence():
    res, ds = d_results("last_known")
    e = explain(res, ds, "import_dependency", {"mineral": "cobalt", "country": "USA", "year": 2023, "stage": ""})
    en, zh = e.text(), e.text("zh")
    assert "Withheld production (W) replaced by the last known value of 2021: 600." in en
    assert "D = 6700 / (600 + 6700) = 0.9178" in en and "D = 6700 / (600 + 6700) = 0.9178" in zh
    for m in [e.formula, *e.steps, *e.flags, *(t.title for t in e.inputs)]:
        assert m.text("zh") in zh and m.text("zh") != str(m)
        assert str(m) not in zh
    for heading in ("Formula", "How it was computed", "Inputs", "Flags", "Parameters", "Sources", "Value"):
        assert heading in en and heading not in zh
    # program identifiers (codes, column names) stay in Latin letters; no run of three English words
    assert re.search(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}", zh) is None, zh


# -- the demo project: explain gives every number of the core tables -------------------------------------

def test_demo_values_equal_the_results_tables():
    from desktop.core.ingest.load import load_file

    preview = load_file(DEMO)
    source = {**preview.source(), "rows": preview.rows_by_table(), "years": preview.years_by_table(),
              "imported_at": "2025-01-01 10:00"}
    ds = Dataset(tables=dict(preview.tables), sources=[source])
    res = run(ds)
    checked = {"import_dependency": ("D", ("mineral", "country", "year", "stage"), 1),
               "market_dynamics": ("M", ("mineral", "year"), 1),
               "governance": ("gamma", ("country", "year"), 1),
               "supply_risk": ("R", ("mineral", "year", "stage"), 1),
               "thresholds": ("threshold", ("metric",), 1),
               "production_shares": ("share", ("mineral", "year", "stage", "country"), 29),
               "concentration": ("top1_share", ("mineral", "year", "basis", "stage"), 1),
               "supply_categories": ("category_no", ("mineral", "country", "year", "stage"), 1)}
    for table, (col, cols, every) in checked.items():
        frame = res.tables[table]
        assert len(frame), table
        wrong = []
        for i in range(0, len(frame), every):
            key = {c: (int(frame[c].iloc[i]) if c == "year" else str(frame[c].iloc[i])) for c in cols}
            e = explain(res, ds, table, key)
            if e is None or not same(float(frame[col].iloc[i]), e.value):
                wrong.append((key, frame[col].iloc[i], None if e is None else e.value))
            elif i % 97 == 0:
                assert e.text() and e.text("zh")
        assert wrong == [], (table, wrong[:5])
    e = explain(res, ds, "import_dependency", {"mineral": "aluminum", "country": "USA", "year": 2023, "stage": ""})
    assert e.substituted == "D = 3 660 000 / (750 000 + 3 660 000) = 0.8299"
    # the balance's years: China's BACI-derived rows 2018–2024, the USA's salient statistics 2020–2024
    assert e.sources[0]["file"] == "critmin_demo.xlsx" and e.sources[0]["years"] == "2018–2024"
