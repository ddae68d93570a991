"""Import sources of the assessed country (issue 9, item 7): partner shares, HHI, top partners, the share from
high governance-risk partners and the reference paper's counts, hand-computed on a small case; gross weight
and trade_flows fallbacks; the USGS table beside them; and the USA from the shared BACI extract."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics.engine import run
from desktop.core.metrics.import_sources import ImportSourceParams
from desktop.core.metrics.params import EngineParams
from tests.core.metrics.helpers import governance, production, row
from tests.core.metrics.test_trade_content import trade

GAMMA = {x: 1 - (x + 3.5) / 7 for x in (1.5, 1.0, -0.5, -1.0)}     # Γ of six equal WGI estimates x


def small() -> Dataset:
    tr = trade([
        ("cobalt", 2023, "810510", "NOR", "USA", 400.0), ("cobalt", 2023, "810510", "FIN", "USA", 200.0),
        ("cobalt", 2023, "810510", "CHN", "USA", 100.0), ("cobalt", 2023, "282200", "JPN", "USA", 300.0),
        ("cobalt", 2023, "282200", "USA", "CAN", 50.0),                       # an export: not a source
        ("barite", 2023, "251110", "MEX", "USA", 300.0), ("barite", 2023, "251110", "CHN", "USA", 100.0),
    ])
    flows = conform("trade_flows", pd.DataFrame([
        {"mineral": "gallium", "year": 2023, "stage": "", "exporter": "JPN", "importer": "USA", "quantity_t": 6.0},
        {"mineral": "gallium", "year": 2023, "stage": "", "exporter": "CHN", "importer": "USA", "quantity_t": 4.0},
        {"mineral": "cobalt", "year": 2023, "stage": "", "exporter": "COD", "importer": "USA", "quantity_t": 9e9},
    ]))
    gov = governance({("NOR", 2023): 1.5, ("JPN", 2022): 1.0, ("CHN", 2023): -0.5, ("MEX", 2023): -1.0,
                      ("COD", 2023): -1.0})
    prod = production([("cobalt", "COD", 2023, "mine", 170000), ("cobalt", "USA", 2023, "mine", 500),
                       ("barite", "CHN", 2023, "mine", 2000), ("barite", "IND", 2023, "mine", 1000),
                       ("gallium", "CHN", 2023, "refinery", 750), ("gallium", "JPN", 2023, "refinery", 5)])
    nir = conform("usgs_nir", pd.DataFrame([{
        "mineral": "cobalt", "country": "USA", "year": 2024, "nir": 0.76, "nir_state": "",
        "import_sources": "NOR;FIN;JPN;CAN",
        "note": "COBALT, metal, oxides, and salts; major import sources 2020–2023: Norway, Finland, Japan, Canada"}]))
    return Dataset({"trade": tr, "trade_flows": flows, "governance": gov, "production": prod, "usgs_nir": nir})


@pytest.fixture(scope="module")
def res():
    return run(small(), EngineParams(country="USA"))


def test_partner_shares_hhi_and_risk_by_hand(res):
    s = res.tables["import_sources"]
    co = s[s["mineral"] == "cobalt"].set_index("partner")
    # content: 0.3 t Co per t in both headings, so the shares are those of the tonnes
    assert list(co.index) == ["NOR", "JPN", "FIN", "CHN"] and list(co["rank"]) == [1, 2, 3, 4]
    assert co["share"].to_dict() == pytest.approx({"NOR": 0.4, "JPN": 0.3, "FIN": 0.2, "CHN": 0.1})
    assert co.loc["NOR", "imports"] == pytest.approx(120.0) and co.loc["NOR", "unit"] == "t"
    assert "COD" not in co.index                       # trade_flows do not count where the trade table has the mineral
    assert co.loc["NOR", "gamma"] == pytest.approx(GAMMA[1.5]) and co.loc["NOR", "high_risk"] is False
    assert co.loc["CHN", "gamma"] == pytest.approx(GAMMA[-0.5]) and co.loc["CHN", "high_risk"] is True
    assert co.loc["JPN", "gamma_year"] == 2022 and co.loc["JPN", "flag"] == "gamma_carried_forward:2022"
    assert math.isnan(co.loc["FIN", "gamma"]) and co.loc["FIN", "flag"] == "gamma_missing"
    c = row(res.tables["import_concentration"], mineral="cobalt", year=2023)
    assert c["country"] == "USA" and c["partners"] == 4 and c["imports"] == pytest.approx(300.0)
    assert c["HHI"] == pytest.approx(0.4 ** 2 + 0.3 ** 2 + 0.2 ** 2 + 0.1 ** 2)
    assert c["top1_partner"] == "NOR" and c["top1_share"] == pytest.approx(0.4)
    assert c["topk_share"] == pytest.approx(0.9) and c["top_partners"] == "NOR 40.0%; JPN 30.0%; FIN 20.0%"
    assert c["high_risk_share"] == pytest.approx(0.1) and c["gamma_coverage"] == pytest.approx(0.8)
    assert c["largest_producer"] == "COD" and c["risk_level"] == 0.5
    assert set(c["flag"].split(";")) == {"trade_mixed_heading:282200|810510", "gamma_carried_forward",
                                         "gamma_missing"}


def test_fallbacks_gross_weight_and_trade_flows(res):
    c = res.tables["import_concentration"].set_index("mineral")
    # barite: no HS code has a factor → shares of gross weight, said so
    assert c.loc["barite", "top_partners"] == "MEX 75.0%; CHN 25.0%" and c.loc["barite", "flag"] == "gross_weight"
    assert c.loc["barite", "unit"] == "t gross weight"
    assert c.loc["barite", "high_risk_share"] == pytest.approx(1.0)            # Γ(MEX), Γ(CHN) ≥ 0.5
    # gallium: only in trade_flows → its quantities as given
    assert c.loc["gallium", "top1_partner"] == "JPN" and c.loc["gallium", "top1_share"] == pytest.approx(0.6)
    assert c.loc["gallium", "flag"].startswith("trade_flows_as_given")
    assert c.loc["gallium", "largest_producer"] == "CHN"


def test_the_papers_counts(res):
    n = res.tables["import_partner_counts"].set_index("partner")
    assert set(n["minerals"]) == {3} and set(n["year"]) == {2023}
    chn = n.loc["CHN"]
    assert (chn["imported_from"], chn["largest_source"], chn["largest_producer"]) == (3, 0, 2)
    assert chn["imported_from_minerals"] == "barite, cobalt, gallium"
    assert chn["largest_producer_minerals"] == "barite, gallium"
    assert (n.loc["JPN", "imported_from"], n.loc["JPN", "largest_source"]) == (2, 1)
    assert n.loc["NOR", "largest_source_minerals"] == "cobalt"
    assert (n.loc["COD", "imported_from"], n.loc["COD", "largest_producer"]) == (0, 1)
    assert n.index[0] == "CHN"                          # sorted: most minerals imported from it first


def test_a_list_narrows_the_counts():
    p = EngineParams(country="USA")
    object.__setattr__(p, "import_sources", ImportSourceParams(minerals=("cobalt", "gallium"), risk_level=0.6,
                                                               top_n=2))
    res = run(small(), p)
    n = res.tables["import_partner_counts"].set_index("partner")
    assert set(n["minerals"]) == {2} and n.loc["CHN", "imported_from"] == 2
    c = row(res.tables["import_concentration"], mineral="cobalt", year=2023)
    assert c["top_partners"] == "NOR 40.0%; JPN 30.0%" and c["topk_share"] == pytest.approx(0.7)
    assert c["high_risk_share"] == 0 and c["risk_level"] == 0.6           # Γ(CHN) = 0.571 < 0.6


def test_beside_the_usgs_table(res):
    u = res.tables["import_sources_usgs"]
    r = row(u, mineral="cobalt")
    assert r["usgs_year"] == 2024 and r["usgs_nir"] == 0.76 and r["usgs_import_sources"] == "NOR, FIN, JPN, CAN"
    assert r["sources_years"] == "2020–2023"
    assert r["computed_partners"] == "NOR 40.0%; JPN 30.0%; FIN 20.0%; CHN 10.0%"
    assert r["usgs_in_top"] == "3 of 4"
    assert math.isnan(r["D"])                          # no D of 2024 in this small case


def test_without_an_assessed_country_a_note():
    res = run(small(), EngineParams())
    assert "import_sources" not in res.tables
    assert any(p.code == "metrics.import_sources_need_country" for p in res.problems)


@pytest.mark.parametrize("bad", [dict(risk_level=1.5), dict(top_n=0)])
def test_parameters_are_checked(bad):
    with pytest.raises(ValueError):
        ImportSourceParams(**bad)


# -- the shared data: the USA beside USGS MCS 2025 Fig. 2 ---------------------------------------------------

def test_usa_import_sources_from_public_data(shared_data):
    from desktop.core.ingest.load import load_files

    files = [shared_data / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv",
             shared_data / "geopolrisk" / "derived_baci_hs92_minerals_2015_2024.csv",
             shared_data / "usgs_mcs2025" / "industry_trends" / "MCS2025_Fig2_Net_Import_Reliance.csv"]
    if not all(f.is_file() for f in files):
        pytest.skip("real data files not present")
    ds, _ = load_files(files)
    res = run(ds, EngineParams(country="USA"))
    u = res.tables["import_sources_usgs"].set_index("mineral")
    # rare earths: USGS's four partners, in its order, are the four largest computed (2020–2023)
    ree = [p.split()[0] for p in u.loc["rare_earths", "computed_partners"].split("; ")]
    assert ree[:4] == ["CHN", "MYS", "JPN", "EST"] and u.loc["rare_earths", "usgs_import_sources"] == \
        "CHN, MYS, JPN, EST"
    assert u.loc["cobalt", "usgs_in_top"] == "4 of 4"
    assert u.loc["graphite", "computed_partners"].startswith("CHN ")
    assert u.loc["gallium", "computed_partners"] == ""            # no HS-6 code of its own: not in BACI
    c = res.tables["import_concentration"]
    assert np.isfinite(c["HHI"]).all() and c["HHI"].between(0, 1).all()
    assert c["high_risk_share"].between(0, 1 + 1e-12).all()
