"""Smoke test on real public data (../shared/data): World Mining Data + USGS MCS 2025 + WGI + BACI.

Loose checks against published facts (METHODS §5): DR Congo > 70 % of cobalt mine production and
about half of cobalt reserves; every GeoPolRisk score in 0..1.
"""
import numpy as np
import pytest


@pytest.fixture(scope="module")
def results(shared_data):
    load = pytest.importorskip("desktop.core.ingest.load")
    from desktop.core.metrics import engine
    from desktop.core.metrics.params import EngineParams
    files = [shared_data / "geopolrisk" / "derived_world_mining_data_long.csv",
             shared_data / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv",
             shared_data / "geopolrisk" / "derived_baci_hs92_minerals_2015_2024.csv",
             shared_data / "wgi" / "wgidataset.csv"]
    if not all(f.is_file() for f in files):
        pytest.skip("real data files not present")
    dataset, _ = load.load_files(files)
    return engine.run(dataset, EngineParams(country="CHN")).tables


def test_cobalt_concentration_matches_published_facts(results):
    c = results["concentration"]
    mine = c[(c["mineral"] == "cobalt") & (c["basis"] == "production") & (c["stage"] == "mine")
             & (c["year"] == 2023)].iloc[0]
    assert mine["top1_country"] == "COD" and mine["top1_share"] > 0.70
    res = c[(c["mineral"] == "cobalt") & (c["basis"] == "reserves")].iloc[-1]
    assert res["top1_country"] == "COD" and 0.45 < res["top1_share"] < 0.65


def test_geopolrisk_scores_bounded(results):
    g = results["geopolrisk"]
    assert len(g) > 50 and set(g["country"]) == {"CHN"}
    # trade starts in 2015, production in 2018: earlier years have no HHI (empty, flagged)
    early = g[g["year"] < 2018]
    assert early["score"].isna().all() and early["flag"].str.contains("missing_HHI").all()
    ok = g["score"].notna()
    assert ok[g["year"] >= 2018].mean() > 0.8
    assert g.loc[ok, "score"].between(0, 1).all() and g.loc[ok, "import_risk"].between(0, 1).all()


def test_growth_reserves_scenarios_present(results):
    g = results["production_growth"].dropna(subset=["G"])
    assert len(g) > 100 and (g["G"] > 0).all() and g["G_scaled"].between(0, 1).all()
    rp = results["reserve_years"]
    world = rp[(rp["country"] == "WORLD") & rp["rp_years"].notna()]
    assert len(world) > 20 and (world["rp_years"] > 0).all()
    s = results["demand_scenarios"].set_index("mineral")
    assert s.loc["lithium", "multiplier"] == 5.0 and np.isfinite(s.loc["lithium", "required_supply"])
