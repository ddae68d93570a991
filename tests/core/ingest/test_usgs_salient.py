import glob

import pytest

from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.usgs_salient import RECOGNISERS
from tests.core.ingest._publisher_helpers import accounted, run

REC = RECOGNISERS[0]


def test_all_85_files(shared_data):
    files = sorted(glob.glob(str(shared_data / "usgs_mcs2025/salient_commodity/*_salient.csv")))
    assert len(files) == 85
    for f in files:
        sheet = read_file(f)[0]
        assert REC.detect(sheet) > 0.8, f
        sheet, ctx, out = run(REC, f)
        assert not ctx.problems.has_errors, (f, [p.format() for p in ctx.problems.errors])
        assert out, f
        assert accounted(sheet, ctx, out), f
        if "balance" in out:
            assert not out["balance"].duplicated(["mineral", "country", "year", "stage"]).any(), f


def test_cobalt_and_lithium(shared_data):
    d = shared_data / "usgs_mcs2025/salient_commodity"
    _, ctx, out = run(REC, d / "mcs2025-cobal_salient.csv")
    b = out["balance"].set_index("year")
    assert b.loc[2020, "production"] == 600 and b.loc[2020, "imports"] == 9740 and b.loc[2020, "exports"] == 3430
    assert b.loc[2020, "stage"] == "mine" and b.loc[2020, "unit"] == "t"
    assert out["prices"].set_index("year").loc[2021, "price"] == pytest.approx(24.21)
    assert out["prices"]["unit"].iloc[0] == "USD/lb"
    assert out["usgs_nir"].set_index("year").loc[2020, "nir"] == pytest.approx(0.76)
    assert any("USprod_Mine_t" in n for n in ctx.notes)
    _, ctx, out = run(REC, d / "mcs2025-lithium_salient.csv")
    b = out["balance"]
    assert set(b["production_state"]) == {"W"} and b["production"].isna().all()
    nir = out["usgs_nir"].set_index("year")
    assert nir.loc[2021, "nir_state"] == ">" and nir.loc[2021, "nir"] == pytest.approx(0.25)


def test_pgm_split_and_units(shared_data):
    _, ctx, out = run(REC, shared_data / "usgs_mcs2025/salient_commodity/mcs2025-plati_salient.csv")
    b = out["balance"]
    pal = b[(b.mineral == "palladium") & (b.year == 2020)]
    assert pal["production"].iloc[0] == 14600 and pal["unit"].iloc[0] == "kg"
    _, ctx, out = run(REC, shared_data / "usgs_mcs2025/salient_commodity/mcs2025-feore_salient.csv")
    assert out["balance"].set_index("year").loc[2020, "imports"] == 3240 * 1000
    assert set(out["usgs_nir"]["nir_state"]) == {"E"}


def test_not_other_formats(shared_data):
    for other in ["wgi/wgidataset.csv", "usgs_mcs2025/world_data/MCS2025_World_Data.csv",
                  "geopolrisk/derived_world_mining_data_long.csv"]:
        assert REC.detect(read_file(shared_data / other)[0]) == 0.0
