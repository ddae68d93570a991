import pytest

from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.usgs_world import RECOGNISERS
from tests.core.ingest._publisher_helpers import accounted, dropped_reasons, run

REC = RECOGNISERS[0]


@pytest.fixture(scope="module")
def world(shared_data):
    return run(REC, shared_data / "usgs_mcs2025/world_data/MCS2025_World_Data.csv")


def _get(frame, **kw):
    sel = frame
    for k, v in kw.items():
        sel = sel[sel[k] == v]
    return sel


def test_detect_real_and_others(shared_data):
    sheet = read_file(shared_data / "usgs_mcs2025/world_data/MCS2025_World_Data.csv")[0]
    assert REC.detect(sheet) > 0.9
    for other in ["wgi/wgidataset.csv", "usgs_mcs2025/salient_commodity/mcs2025-cobal_salient.csv",
                  "geopolrisk/derived_world_mining_data_long.csv"]:
        assert REC.detect(read_file(shared_data / other)[0]) < 0.3


def test_values_and_states(world):
    sheet, ctx, out = world
    prod, res = out["production"], out["reserves"]
    cod = _get(prod, mineral="cobalt", country="COD", year=2023)
    assert cod["quantity"].iloc[0] == 175000 and cod["stage"].iloc[0] == "mine"
    assert cod["_row"].iloc[0] == 268
    li_us = _get(prod, mineral="lithium", country="USA")
    assert set(li_us["quantity_state"]) == {"W"} and li_us["quantity"].isna().all()
    # thousand metric tons -> t
    assert _get(prod, mineral="copper", country="CHL", year=2023, stage="mine")["quantity"].iloc[0] > 1e6
    # PGM split by TYPE, kg kept for PGMs
    pd_ = _get(prod, mineral="palladium", country="RUS", year=2023)
    assert pd_["quantity"].iloc[0] == 87000 and pd_["unit"].iloc[0] == "kg"
    # bases visible
    assert set(_get(prod, mineral="rare_earths")["unit"]) == {"t REO"}
    assert (res["reserves_state"] == ">").sum() >= 3   # ">10000000" etc. keep the bound
    # iron ore reserves: unit from RESERVE_NOTES (million metric tons), iron-content series kept
    assert _get(res, mineral="iron_ore", country="AUS")["reserves"].iloc[0] == 27000 * 1e6
    assert not prod.duplicated(["mineral", "country", "year", "stage"]).any()
    assert not res.duplicated(["mineral", "country", "year"]).any()
    assert set(prod["year"]) == {2023, 2024}


def test_accounting_and_regions(world):
    sheet, ctx, out = world
    assert accounted(sheet, ctx, out)
    assert not ctx.problems.has_errors
    reasons = dropped_reasons(ctx)
    assert "region" in reasons[3]          # "United States and Canada"
    assert "capacity" in reasons[4]        # abrasives plant capacity
    assert any("estimates" in n for n in ctx.notes)


def test_per_commodity_layout(tmp_path):
    path = tmp_path / "mcs2023-cobal_world.csv"
    path.write_text(
        "Source,Country,Type,Prod_t_2021,Prod_kt_est_2022,Cap_t_2022,Reserves_kt,Reserves_notes\n"
        "MCS2023,United States,Mine production,650,0.7,,69,\n"
        "MCS2023,Congo (Kinshasa),Mine production,W,<1,,\"3,500\",\n"
        "MCS2023,Côte d’Ivoire,Mine production,50–300,−88,,NA,\n"
        "MCS2023,Narnia,Mine production,1,1,,,\n"
        "MCS2023,Other countries6,Mine production,\"1,000\",1.5,,,\n"
        "MCS2023,World total (rounded) 10,Mine production,170000,190,,\"8,300\",\n"
        "MCS2023,Canada,Refinery capacity,,,5000,,\n", encoding="utf-8")
    sheet, ctx, out = run(REC, path)
    prod = out["production"]
    assert set(prod["mineral"]) == {"cobalt"}
    assert _get(prod, country="USA", year=2022)["quantity"].iloc[0] == 700      # kt -> t
    cod = _get(prod, country="COD")
    assert list(cod.sort_values("year")["quantity_state"]) == ["W", "<"]
    civ = _get(prod, country="CIV").sort_values("year")
    assert (civ["quantity_state"].iloc[0].startswith("range") and civ["quantity_state"].iloc[1] == ""
            and civ["quantity"].iloc[1] == -88000)
    assert set(prod["country"]) >= {"OTHERS", "WORLD"}
    res = out["reserves"]
    assert _get(res, country="COD")["reserves"].iloc[0] == 3.5e6 and set(res["year"]) == {2022}
    errs = [p for p in ctx.problems.errors if p.code == "unknown_country"]
    assert len(errs) == 1 and errs[0].row == 5 and errs[0].value == "Narnia"
    assert accounted(sheet, ctx, out)
