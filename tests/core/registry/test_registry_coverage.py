"""Every country and commodity string of the real publisher files resolves (or is a listed non-country)."""
import glob
import sqlite3

import pandas as pd
import pytest

from desktop.core.registry import normalise_name


def _unresolved(registry, names, kind="country"):
    s = pd.Series(sorted({str(n) for n in names if str(n).strip()}))
    mapped = registry.map_countries(s) if kind == "country" else registry.map_minerals(s)
    bad = s[mapped.isna()]
    if kind == "country":
        bad = bad[[registry.region_reason(x) is None for x in bad]]
    return list(bad)


def _csv(path, **kw):
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", **kw)


def test_usgs_world(shared_data, registry):
    w = _csv(shared_data / "usgs_mcs2025/world_data/MCS2025_World_Data.csv")
    assert _unresolved(registry, w["COUNTRY"]) == []
    assert _unresolved(registry, w["COMMODITY"], "mineral") == []
    assert registry.country_code("United\u00a0States and Canada") is None     # a region, dropped
    assert registry.region_reason("United\u00a0States and Canada") == "a region, not a country"


def test_usgs_salient(shared_data, registry):
    names = []
    for f in glob.glob(str(shared_data / "usgs_mcs2025/salient_commodity/*.csv")):
        names += list(_csv(f)["Commodity"])
    assert _unresolved(registry, names, "mineral") == []


@pytest.mark.parametrize("name", ["wgidataset.csv", "wgidataset.xlsx"])
def test_wgi(shared_data, registry, name):
    path = shared_data / "wgi" / name
    g = _csv(path) if name.endswith(".csv") else pd.read_excel(path, dtype=str, engine="calamine")
    assert _unresolved(registry, g["countryname"]) == []
    assert _unresolved(registry, g["code"]) == []
    for code, iso in {"ZAR": "COD", "ROM": "ROU", "ADO": "AND", "TMP": "TLS", "KSV": "XKX"}.items():
        assert registry.country_code(code) == iso


def test_wmd(shared_data, registry):
    w = _csv(shared_data / "geopolrisk/derived_world_mining_data_long.csv")
    countries = w[w["Country_Code"] != "DELETE"]
    assert _unresolved(registry, countries["Country"]) == []
    assert set(registry.map_countries(w.loc[w["Country_Code"] == "DELETE", "Country"])) == {"WORLD"}
    assert _unresolved(registry, w["HS"], "mineral") == []
    con = sqlite3.connect(shared_data / "geopolrisk/world_mining_data.db")
    try:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        names = [r[0] for r in con.execute("select Country from Country_ISO")]
        for t in tables:
            if t in ("HS Code Map", "Country_ISO", "logging"):
                continue
            names += [r[0] for r in con.execute(f'select Country from "{t}" where Country_Code != "DELETE"')]
    finally:
        con.close()
    assert _unresolved(registry, names) == []


def test_baci_country_codes(shared_data, registry):
    b = _csv(shared_data / "geopolrisk/derived_baci_country_codes_V202401b.csv")
    assert _unresolved(registry, b["country_name"]) == []
    assert _unresolved(registry, b["country_code"]) == []


@pytest.mark.parametrize("raw,code", [
    ("Congo (Kinshasa)", "COD"), ("Burma", "MMR"), ("Korea, Republic of", "KOR"), ("Korea Republic of", "KOR"),
    ("Korea, North", "PRK"), ("Korea North", "PRK"), ("Côte d’Ivoire", "CIV"), ("Côte d'Ivoire", "CIV"),
    ("Russia ", "RUS"), ("Canada\u00a0", "CAN"), ("United\u00a0States", "USA"), ("刚果（金）", "COD"),
    ("World total (rounded) 10", "WORLD"), ("Other countries6", "OTHERS"), ("Other Countries", "OTHERS"),
    ("World total (ilmenite, rounded)", "WORLD"), ("Brazil (beneficiated)", "BRA"), ("Total", "WORLD"),
])
def test_country_aliases(registry, raw, code):
    assert registry.country_code(raw) == code


@pytest.mark.parametrize("raw,mid", [
    ("Gemanium", "germanium"), ("Lithium (Li2O)", "lithium"), ("Lithium ", "lithium"), ("Rare earths", "rare_earths"),
    ("Platinum-Group metals", "pgm"), ("Platinum-Group Metals", "pgm"), ("Bauxite and Alumina", "bauxite"),
    ("Talc, crude", "talc"), ("Salt (rock, brines, marine)", "salt"), ("Niobium (Columbium)", "niobium"),
    ("Ferosilicon", "ferrosilicon"), ("Pig iron", "pig_iron"), ("锂", "lithium"), ("Li", "lithium"),
])
def test_mineral_aliases(registry, raw, mid):
    assert registry.mineral_id(raw) == mid


def test_footnotes_and_suggestions(registry):
    assert normalise_name("World total (rounded) 10") == "world total (rounded)"
    assert normalise_name("Other countries6") == "other countries"
    assert normalise_name("Canada\u00a0 ") == "canada"
    assert any("Congo" in s for s in registry.suggest("country", "Congo Kinshasa"))
    assert "Germanium" in registry.suggest("mineral", "Germanum")


def test_new_minerals_have_chinese_names(registry):
    m = registry.minerals
    for mid in ["alumina", "ilmenite", "rutile", "pig_iron", "ferrosilicon", "thallium", "thorium", "abrasives"]:
        assert m.loc[mid, "name_zh"], mid
