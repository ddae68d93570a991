from pathlib import Path

import pytest

from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.wgi import RECOGNISERS
from tests.core.ingest._publisher_helpers import accounted, run

REC = RECOGNISERS[0]
FILES = Path(__file__).with_name("files")


@pytest.mark.parametrize("name", ["wgidataset.csv", "wgidataset.xlsx"])
def test_long_release(shared_data, name):
    sheet, ctx, out = run(REC, shared_data / "wgi" / name)
    assert REC.detect(sheet) > 0.95
    g = out["governance"]
    assert set(g["indicator"]) == {"VA", "PV", "GE", "RQ", "RL", "CC"}
    assert g["country"].nunique() == 214          # the Netherlands Antilles (former) is the historic ANT
    assert g.loc[g.country == "ANT", "year"].max() == 2013    # WGI kept estimating it after 2010: a warning
    assert {"COD", "ROU", "AND", "TLS", "XKX", "PSE"} <= set(g["country"])
    v = g[(g.country == "AFG") & (g.year == 1996) & (g.indicator == "CC")]["estimate"].iloc[0]
    assert v == pytest.approx(-1.29, abs=0.006)
    assert not ctx.problems.has_errors
    assert accounted(sheet, ctx, out)
    assert not g.duplicated(["country", "year", "indicator"]).any()


def test_databank_layout():
    sheet, ctx, out = run(REC, FILES / "wgi_databank.csv")
    assert REC.detect(sheet) > 0.95
    g = out["governance"]
    assert set(g["country"]) == {"CHL", "COD", "ROU"}
    assert g[(g.country == "CHL") & (g.indicator == "CC") & (g.year == 2014)]["estimate"].iloc[0] == 1.4
    assert len(g[(g.country == "CHL") & (g.indicator == "PV")]) == 2   # '..' left out
    errs = ctx.problems.errors
    assert len(errs) == 1 and errs[0].value == "Atlantis" and errs[0].row == 7
    assert any("rank" in d["reason"] for d in ctx.dropped if 5 in d["rows"])
    assert accounted(sheet, ctx, out)


def test_not_other_formats(shared_data):
    for other in ["usgs_mcs2025/world_data/MCS2025_World_Data.csv",
                  "usgs_mcs2025/salient_commodity/mcs2025-cobal_salient.csv",
                  "geopolrisk/derived_world_mining_data_long.csv"]:
        assert REC.detect(read_file(shared_data / other)[0]) == 0.0
