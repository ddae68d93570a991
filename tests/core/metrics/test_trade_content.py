"""Trade by HS code converted to the production's basis for import dependency D (issue 9, item 5):
hand-computed D on a small case (factors, basis conversions Li → Li2O, REO, kilograms, codes without a factor,
mixed headings, a producer the table does not list, withheld production, flows without quantity), a project's
own factor, a balance given, the trade_content table, D's explanation, and the shared BACI extract for China."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics import trade_content as tc
from desktop.core.metrics.engine import run
from desktop.core.metrics.explain import explain
from desktop.core.metrics.params import EngineParams
from desktop.core.registry.content_factors import conversion, factor_for
from tests.core.metrics.helpers import balance, production, row

LI_TO_LI2O = 2.1527           # the registry's basis conversion (Li2O / 2 Li), 4 decimals


def trade(rows: list[tuple]) -> pd.DataFrame:
    """rows: (mineral, year, hs_code, exporter, importer, quantity_t)"""
    recs = [dict(mineral=m, year=y, hs_code=k, exporter=e, importer=i, stage="", value_kusd=1.0, quantity_t=q)
            for m, y, k, e, i, q in rows]
    return conform("trade", pd.DataFrame(recs))


def prod_with_units(rows: list[tuple]) -> pd.DataFrame:
    """rows: (mineral, country, year, stage, quantity, state, unit)"""
    recs = [dict(mineral=r[0], country=r[1], year=r[2], stage=r[3], quantity=r[4], quantity_state=r[5], unit=r[6])
            for r in rows]
    return conform("production", pd.DataFrame(recs))


def small() -> Dataset:
    prod = prod_with_units([
        ("cobalt", "COD", 2023, "mine", 170000, "", "t"), ("cobalt", "AUS", 2023, "mine", 5000, "", "t"),
        ("cobalt", "OTHERS", 2023, "mine", 6000, "", "t"), ("cobalt", "WORLD", 2023, "mine", 181000, "", "t"),
        ("lithium", "CHN", 2023, "mine", 10000, "", "t Li2O"), ("lithium", "AUS", 2023, "mine", 50000, "", "t Li2O"),
        ("rare_earths", "CHN", 2023, "mine", 200000, "", "t REO"),
        ("germanium", "CHN", 2023, "refinery", 100000, "", "kg"),
        ("nickel", "CHN", 2023, "mine", np.nan, "W", "t"), ("nickel", "IDN", 2023, "mine", 1800000, "", "t"),
        ("manganese", "CHN", 2023, "mine", 700, "", "t"),
    ])
    tr = trade([
        ("cobalt", 2023, "282200", "COD", "CHN", 1000.0),
        ("cobalt", 2023, "810510", "COD", "CHN", 500.0),
        ("cobalt", 2023, "810510", "CHN", "JPN", 100.0),
        ("cobalt", 2023, "810590", "COD", "CHN", 50.0),          # no factor: left out, named
        ("lithium", 2023, "283691", "CHL", "CHN", 1000.0),
        ("lithium", 2023, "282520", "CHN", "KOR", 100.0),
        ("rare_earths", 2023, "284690", "MMR", "CHN", 1000.0),
        ("rare_earths", 2023, "280530", "CHN", "USA", 10.0),
        ("germanium", 2023, "282560", "BEL", "CHN", 1.0),
        ("nickel", 2023, "260400", "PHL", "CHN", 1000.0),
        ("manganese", 2023, "260200", "ZAF", "CHN", np.nan),     # a flow without quantity
    ])
    return Dataset({"production": prod, "trade": tr}, sources=[{"file": "t.xlsx", "sha256": "x", "format": "t"}])


@pytest.fixture
def results():
    ds = small()
    return ds, run(ds, EngineParams(country="CHN"))


def test_d_from_trade_in_content_by_hand(results):
    _, res = results
    d = res.tables["import_dependency"]
    # cobalt: (0.3·1000 + 0.3·500) − 0.3·100 = 420 t Co; China is not among the listed producers → P = 0
    co = row(d, mineral="cobalt", country="CHN", year=2023)
    assert co["stage"] == "mine" and co["production"] == 0 and co["net_imports"] == pytest.approx(420.0)
    assert co["D"] == 1.0
    flags = co["flag"].split(";")
    assert {"trade_in_content", "trade_codes_left_out:810590", "trade_mixed_heading:282200|810510",
            "production_not_listed"} <= set(flags)
    # lithium against t Li2O: Li2CO3 0.1879 t Li/t and LiOH·H2O 0.1654, each × 2.1527 t Li2O / t Li
    li = row(d, mineral="lithium", country="CHN", year=2023)
    imports, exports = 1000 * 0.1879 * LI_TO_LI2O, 100 * 0.1654 * LI_TO_LI2O
    assert li["net_imports"] == pytest.approx(imports - exports, rel=1e-9)
    assert li["D"] == pytest.approx((imports - exports) / (10000 + imports - exports), rel=1e-9)
    # rare earths in REO: compounds (Nd2O3 as written) 1.0, Nd metal 1.1664
    ree = row(d, mineral="rare_earths", country="CHN", year=2023)
    assert ree["D"] == pytest.approx((1000 - 10 * 1.1664) / (200000 + 1000 - 10 * 1.1664), rel=1e-9)
    # germanium production in kg: 1 t GeO2 × 0.6942 = 694.2 kg Ge; no exports at all → 0
    ge = row(d, mineral="germanium", country="CHN", year=2023)
    assert ge["stage"] == "refinery" and ge["net_imports"] == pytest.approx(694.2, rel=1e-9)
    assert ge["D"] == pytest.approx(694.2 / (100000 + 694.2), rel=1e-9)
    # withheld production stays withheld; flows without any quantity are NA, not 0
    ni = row(d, mineral="nickel", country="CHN", year=2023)
    assert math.isnan(ni["D"]) and "withheld" in ni["flag"].split(";")
    mn = row(d, mineral="manganese", country="CHN", year=2023)
    assert math.isnan(mn["D"]) and "missing_input" in mn["flag"].split(";")


def test_trade_content_table_names_codes_and_factors(results):
    _, res = results
    t = res.tables["trade_content"]
    assert list(t.columns) == tc.TABLE_COLUMNS
    co = t[(t["mineral"] == "cobalt") & (t["country"] == "CHN")].set_index("hs_code")
    assert co.loc["282200", "gross_imports_t"] == 1000 and co.loc["282200", "imports"] == pytest.approx(300)
    assert co.loc["810510", "gross_exports_t"] == 100 and co.loc["810510", "exports"] == pytest.approx(30)
    assert co.loc["282200", "factor"] == factor_for("282200", "cobalt").share == 0.3
    assert co.loc["282200", "mixed"] and "Fastmarkets" in co.loc["282200", "source"]
    assert co.loc["810590", "status"] == "no_factor" and np.isnan(co.loc["810590", "imports"])
    li = t[(t["mineral"] == "lithium")].set_index("hs_code")
    assert li.loc["283691", "basis"] == "Li2O" and li.loc["283691", "factor_basis"] == "Li"
    assert li.loc["283691", "conversion"] == pytest.approx(LI_TO_LI2O)
    assert li.loc["283691", "factor"] == pytest.approx(0.1879 * LI_TO_LI2O)
    ge = t[t["mineral"] == "germanium"].iloc[0]
    assert ge["unit"] == "kg" and ge["factor"] == pytest.approx(694.2)        # t GeO2 → kg Ge
    assert res.problems and any("810590" in str(p) for p in res.problems)


def test_a_project_factor_overrides_the_registry_without_reimport():
    ds = small()
    ds.tables["content_factors"] = conform("content_factors", pd.DataFrame(
        [{"hs_code": "282200", "mineral": "cobalt", "share": 0.6, "basis": "Co", "source": "analyst: oxides"},
         {"hs_code": "810590", "mineral": "cobalt", "share": 0.5, "basis": "Co", "source": ""}]))
    res = run(ds, EngineParams(country="CHN"))
    co = row(res.tables["import_dependency"], mineral="cobalt", country="CHN", year=2023)
    assert co["net_imports"] == pytest.approx(0.6 * 1000 + 0.3 * 500 + 0.5 * 50 - 0.3 * 100)
    assert "trade_codes_left_out" not in co["flag"]
    t = res.tables["trade_content"].set_index(["mineral", "country", "hs_code"])
    assert t.loc[("cobalt", "CHN", "282200"), "kind"] == "analyst"
    assert t.loc[("cobalt", "CHN", "282200"), "source"] == "analyst: oxides"
    assert t.loc[("cobalt", "CHN", "810590"), "source"] == "analyst"          # an empty source is the analyst's
    assert t.loc[("cobalt", "CHN", "282200"), "mixed"] == ""                   # the analyst's factor, not the heading's


def test_a_balance_given_wins_and_a_gross_weight_balance_is_replaced():
    ds = small()
    ds.tables["balance"] = balance([
        # the USA's own balance of rare earths: kept, the trade row is marked balance_given
        dict(mineral="rare_earths", country="USA", year=2023, production=1000, imports=5, exports=0, unit="t REO"),
        # BACI's former output, gross weight without production: replaced by the converted trade
        dict(mineral="cobalt", country="CHN", year=2023, stage="refinery", imports=1550, exports=100,
             unit="t (gross weight)"),
    ])
    res = run(ds, EngineParams())
    d = res.tables["import_dependency"]
    usa = d[(d["mineral"] == "rare_earths") & (d["country"] == "USA")]
    assert len(usa) == 1 and usa["D"].iloc[0] == pytest.approx(5 / 1005)
    cn = d[(d["mineral"] == "cobalt") & (d["country"] == "CHN")]
    assert list(cn["stage"]) == ["mine"] and cn["D"].iloc[0] == 1.0
    t = res.tables["trade_content"]
    assert set(t.loc[(t["mineral"] == "rare_earths") & (t["country"] == "USA"), "status"]) == {"balance_given"}
    # without an assessed country every trading country gets a row; a country the producers' table does not
    # list, without a world or 'other countries' row to say the list is complete, has no production
    jpn = row(d, mineral="cobalt", country="JPN", year=2023)
    assert jpn["D"] == 1.0 and "production_not_listed" in jpn["flag"]
    assert math.isnan(row(d, mineral="lithium", country="KOR", year=2023)["D"])


def test_explanation_names_the_hs_codes_and_factors(results):
    ds, res = results
    e = explain(res, ds, "import_dependency", {"mineral": "cobalt", "country": "CHN", "year": 2023, "stage": "mine"})
    assert e.value == 1.0
    tables = {t.title.code: t for t in e.inputs}
    trade_table = tables["explain.table.trade_content"]
    codes = [r[0] for r in trade_table.rows]
    assert codes == ["282200", "810510", "810590"]
    assert "factor" in trade_table.columns and "source" in trade_table.columns
    steps = {s.code: s for s in e.steps}
    assert "282200 × 0.3" in steps["explain.d.trade_content"].text()
    assert "810590" in steps["explain.d.trade_left_out"].text()
    # the 'other countries' bound of an unlisted producer: D ≥ 420 / (420 + 6000)
    assert f"{420 / 6420:.4f}" in steps["explain.d.production_not_listed_bound"].text()
    assert {s["table"] for s in e.sources} == {"trade", "production"}
    assert e.text("zh") and "HS" in e.text("zh")
    # every D of the run is rebuilt by explain()
    d = res.tables["import_dependency"]
    for i in range(len(d)):
        key = {c: (int(d[c].iloc[i]) if c == "year" else str(d[c].iloc[i])) for c in ("mineral", "country", "year",
                                                                                    "stage")}
        got = explain(res, ds, "import_dependency", key).value
        want = d["D"].iloc[i]
        assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want, rel=1e-12), key


@pytest.mark.parametrize("unit, basis", [("t", ("", 1.0)), ("kg", ("", 0.001)), ("t REO", ("REO", 1.0)),
                                         ("t Li2O", ("Li2O", 1.0)), ("t (gross weight)", ("gross weight", 1.0)),
                                         ("kt", ("", 1000.0)), ("t LCE", None), ("m3", None), ("", None)])
def test_unit_basis(unit, basis):
    assert tc.unit_basis(unit) == basis


def test_basis_conversions():
    assert tc.basis_conversion("cobalt", "Co", "") == 1.0
    assert tc.basis_conversion("graphite", "graphite", "") == 1.0
    assert tc.basis_conversion("lithium", "Li", "Li2O") == pytest.approx(LI_TO_LI2O)
    assert tc.basis_conversion("lithium", "Li2O", "") == pytest.approx(1 / LI_TO_LI2O)      # the inverse row
    assert conversion("lithium", "Li2O", "Li") == pytest.approx(1 / LI_TO_LI2O)
    assert tc.basis_conversion("rare_earths", "Nd", "REO") is None                        # not stated: left out
    assert tc.basis_conversion("cobalt", "Co", "REO") is None
    assert tc.basis_conversion("magnesite", "gross weight", "gross weight") == 1.0
    assert tc.basis_conversion("magnesite", "gross weight", "") is None
    assert tc.basis_conversion("barite", "product", "") == 1.0


def test_no_trade_no_table_no_note():
    ds = Dataset({"production": production([("cobalt", "COD", 2023, "mine", 10)])})
    res = run(ds, EngineParams(country="CHN"))
    assert "trade_content" not in res.tables and "import_sources" not in res.tables
    assert tc.convert(ds, "CHN") is None


# -- the shared BACI extract (issue 9's Done-when) -----------------------------------------------------

def test_china_d_from_public_data(shared_data):
    from desktop.core.ingest.load import load_files

    files = [shared_data / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv",
             shared_data / "geopolrisk" / "derived_baci_hs92_minerals_2015_2024.csv"]
    if not all(f.is_file() for f in files):
        pytest.skip("real data files not present")
    ds, previews = load_files(files)
    assert not any(p.problems.has_errors for p in previews)
    res = run(ds, EngineParams(country="CHN"))
    d = res.tables["import_dependency"]
    with_d = d[d["D"].notna()]
    assert with_d["mineral"].nunique() >= 10 and {"cobalt", "nickel"} <= set(with_d["mineral"])
    t = res.tables["trade_content"]
    for r in with_d.itertuples(index=False):
        # each D is traceable: its HS codes, gross tonnes and factors are in trade_content
        used = t[(t["mineral"] == r.mineral) & (t["country"] == "CHN") & (t["year"] == r.year)
                 & (t["status"] == "used")]
        assert len(used) and used["factor"].notna().all() and (used["source"] != "").all(), r.mineral
        got = used["imports"].sum() - used["exports"].sum()
        assert r.net_imports == pytest.approx(got, rel=1e-9), r.mineral
    nickel = row(d, mineral="nickel", country="CHN", year=2023)
    assert 0.7 < nickel["D"] < 0.9 and "trade_mixed_heading:260400" in nickel["flag"]
    graphite = row(d, mineral="graphite", country="CHN", year=2023)
    assert graphite["D"] == 0 and "net_exporter" in graphite["flag"]
