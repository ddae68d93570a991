"""Historic countries (ISO 3166-3) are producers of the years they existed (issue 9 item 3): accepted under their
names and codes in English and Chinese, one producer in shares and HHI, no governance value unless the data give
one, a warning for a value outside their years; every code of BACI's country list resolves."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.metrics.engine import run

BACI_CODES = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "geopolrisk" / \
    "derived_baci_country_codes_V202401b.csv"


@pytest.mark.parametrize("name, code", [
    ("苏联", "SUN"), ("USSR", "SUN"), ("Soviet Union", "SUN"), ("SUN", "SUN"), ("810", "SUN"),
    ("捷克斯洛伐克", "CSK"), ("Czechoslovakia (...1992)", "CSK"), ("民主德国", "DDR"), ("东德", "DDR"),
    ("German Democratic Republic", "DDR"), ("南斯拉夫", "YUG"), ("YUG", "YUG"), ("塞尔维亚和黑山", "SCG"),
    ("Serbia and Montenegro (...2005)", "SCG"), ("荷属安的列斯", "ANT"), ("Netherlands Antilles", "ANT"),
    ("South Yemen", "YMD"), ("Zaire", "COD"), ("West Germany", "DEU"), ("Fed. Rep. of Germany (...1990)", "DEU"),
])
def test_names_and_codes(registry, name, code):
    assert registry.country_code(name) == code
    assert registry.region_reason(name) is None


def test_their_years_and_names(registry):
    assert registry.existed("SUN") == (1922, 1991) and registry.existed("CSK") == (1918, 1992)
    assert registry.existed("RUS") is None
    assert registry.country_name("SUN", "zh") == "苏联" and registry.country_name("DDR") == "East Germany"


def test_every_baci_country_code_resolves(registry):
    if not BACI_CODES.exists():
        pytest.skip("the shared data are not beside the repository")
    codes = pd.read_csv(BACI_CODES, dtype=str, keep_default_na=False)
    unresolved = []
    for numeric, name, _iso2, iso3 in codes.itertuples(index=False):
        # a country (current or historic) by its ISO3 code, or a grouping BACI reports (EFTA n.e.s., the
        # Southern African Customs Union) that the registry knows as one, with its reason
        if not (registry.country_code(iso3) or registry.region_reason(name) and registry.region_reason(numeric)):
            unresolved.append((numeric, name, iso3))
    assert unresolved == [] and len(codes) == 238


def test_historic_producers_import_and_compute(tmp_path):
    path = tmp_path / "production.csv"
    path.write_text("mineral,country,year,quantity\n"
                    "nickel,苏联,1990,280000\nnickel,Canada,1990,200000\nnickel,Australia,1990,70000\n"
                    "nickel,Russia,1995,250000\nnickel,Canada,1995,180000\nnickel,Australia,1995,100000\n"
                    "cobalt,Czechoslovakia,1991,500\ncobalt,Yugoslavia,1991,300\ncobalt,ZAR,1991,9000\n"
                    "cobalt,USSR,1995,100\n", encoding="utf-8")
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems.errors]
    [warned] = [w for w in preview.problems.warnings if w.code == "historic_years"]
    assert "USSR existed 1922–1991" in warned.message and "1995" in warned.message and "11" in warned.message
    dataset = preview_dataset(preview)
    production = dataset.get("production")
    assert set(production["country"]) >= {"SUN", "CSK", "YUG", "COD"} and len(production) == 10
    res = run(dataset)
    risk = res.tables["supply_risk"].set_index(["mineral", "year"])
    # nickel 1990: three producers, the USSR one of them — HHI = (28² + 20² + 7²) / 55² by hand
    assert risk.loc[("nickel", 1990), "HHI"] == pytest.approx((280**2 + 200**2 + 70**2) / 550**2)
    # no governance data: the USSR's Γ is missing, and the coverage says so
    assert risk.loc[("nickel", 1990), "coverage"] < 1.0
