"""Regions are data (registry/data/regions.csv), told apart from unknown names (historic countries are countries:
test_historic.py)."""
from __future__ import annotations

import pandas as pd

from desktop.core.ingest.load import load_file


def test_region_reason(registry):
    assert registry.region_reason("United States and Canada") == "a region, not a country"
    assert registry.region_reason(" USSR (...1990) ") is None and registry.country_code("810") == "SUN"
    assert registry.region_reason("欧盟") == "a region, not a country"
    assert registry.region_reason("China") is None and registry.region_reason(None) is None
    mapped = registry.map_regions(pd.Series(["Africa", "Chile", None, "Africa"]))
    assert mapped.tolist() == ["a region, not a country", None, None, "a region, not a country"]
    assert registry.with_aliases(pd.DataFrame(columns=["kind", "alias", "target"])).region_reason("EU")


def test_template_says_region_not_country(tmp_path):
    path = tmp_path / "production.csv"
    path.write_text("mineral,country,year,quantity\nCobalt,COD,2023,5\nCobalt,United States and Canada,2023,7\n"
                    "Cobalt,United States and Canada,2022,6\nCobalt,Narnia,2023,1\n", encoding="utf-8")
    pv = load_file(path)
    errs = [p for p in pv.problems if p.code == "unknown_country"]
    assert [e.row for e in errs] == [3, 5]
    assert errs[0].message == ("'United States and Canada' is a region, not a country (2 rows); "
                               "split it or leave it out")
    assert errs[1].message.startswith("Unknown country 'Narnia' (1 row)")
    assert not pv.ok
