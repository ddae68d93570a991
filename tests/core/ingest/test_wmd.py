from pathlib import Path

from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.wmd import RECOGNISERS
from tests.core.ingest._publisher_helpers import accounted, run

REC = RECOGNISERS[0]
FILES = Path(__file__).with_name("files")


def test_stacked_real(shared_data):
    sheet, ctx, out = run(REC, shared_data / "geopolrisk/derived_world_mining_data_long.csv")
    assert REC.detect(sheet) > 0.9
    p = out["production"]
    aus = p[(p.mineral == "cobalt") & (p.country == "AUS") & (p.year == 2018)]
    assert aus["quantity"].iloc[0] == 4878 and aus["unit"].iloc[0] == "t" and aus["_row"].iloc[0] == 84
    li = p[p.mineral == "lithium"]
    assert set(li["unit"]) == {"t Li2O"}                  # oxide basis kept visible
    assert "WORLD" in set(p["country"])
    gold = p[(p.mineral == "gold")]
    assert set(gold["unit"]) == {"t"}                     # kg -> t
    assert not ctx.problems.has_errors
    assert not p.duplicated(["mineral", "country", "year", "stage"]).any()
    assert accounted(sheet, ctx, out)


def test_wide_per_commodity():
    sheet, ctx, out = run(REC, FILES / "wmd_cobalt_wide.csv")
    p = out["production"]
    assert set(p["mineral"]) == {"cobalt"}
    assert p[(p.country == "COD") & (p.year == 2021)]["quantity"].iloc[0] == 93011
    assert len(p[p.country == "WORLD"]) == 2
    errs = ctx.problems.errors
    assert len(errs) == 1 and errs[0].row == 4
    # the USSR is a producer (the import's checks warn that 2021–2023 are outside its years: test_historic.py)
    assert sorted(p.loc[p.country == "SUN", "year"]) == [2021, 2022, 2023]
    assert accounted(sheet, ctx, out)


def test_not_other_formats(shared_data):
    for other in ["wgi/wgidataset.csv", "usgs_mcs2025/world_data/MCS2025_World_Data.csv",
                  "usgs_mcs2025/salient_commodity/mcs2025-cobal_salient.csv"]:
        assert REC.detect(read_file(shared_data / other)[0]) == 0.0
