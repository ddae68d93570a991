"""EU EoL-RIR table (GeoPolRisk's derived_wmd_hs_code_map_eol_rir_2023.csv) -> recycling."""
from __future__ import annotations

import pytest

from desktop.core.ingest.load import load_file
from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers import all_recognisers
from desktop.core.ingest.recognisers.eol_rir import RECOGNISERS
from tests.core.ingest._publisher_helpers import accounted, dropped_reasons, run

REC = RECOGNISERS[0]
FILE = "geopolrisk/derived_wmd_hs_code_map_eol_rir_2023.csv"


@pytest.fixture(scope="module")
def eol(shared_data):
    return run(REC, shared_data / FILE)


def test_hand_checked_rates(eol):
    sheet, ctx, out = eol
    rec = out["recycling"].set_index("mineral")
    # values read off the file by hand: row 2 Aluminium 0.32, row 3 Antimony 0.28, row 16 Copper 0.55,
    # row 30 Lead 0.83, row 49 Rhenium 0.5, row 7 Bentonite 0.19; Lithium (Li2O) 0.0 is a rate, not a gap
    assert rec.loc["aluminum", "eol_rir"] == 0.32 and rec.loc["aluminum", "_row"] == 2
    assert rec.loc["antimony", "eol_rir"] == 0.28 and rec.loc["antimony", "_row"] == 3
    assert rec.loc["copper", "eol_rir"] == 0.55
    assert rec.loc["lead", "eol_rir"] == 0.83
    assert rec.loc["rhenium", "eol_rir"] == 0.5
    assert rec.loc["bentonite", "eol_rir"] == 0.19
    assert rec.loc["lithium", "eol_rir"] == 0.0 and rec.loc["lithium", "eol_rir_state"] == ""
    assert set(out["recycling"]["year"]) == {2023}
    assert list(out["recycling"].columns) == ["mineral", "year", "eol_rir", "eol_rir_state", "_row"]
    assert not out["recycling"]["mineral"].duplicated().any()
    assert out["recycling"]["eol_rir"].between(0, 1).all()


def test_fuels_dropped_with_reason_and_rows_accounted(eol):
    sheet, ctx, out = eol
    assert accounted(sheet, ctx, out)
    reasons = dropped_reasons(ctx)
    assert reasons[15] == "'Coking Coal' is a fuel, not a mineral"          # row 15: Coking Coal
    assert "fuel" in reasons[44]                                             # Petroleum
    assert "coal_coking" not in set(out["recycling"]["mineral"])
    assert len(out["recycling"]) + sum(d["count"] for d in ctx.dropped) == 65
    assert not ctx.problems.has_errors


def test_wins_over_the_analyst_recogniser(shared_data):
    sheet = read_file(shared_data / FILE)[0]
    scores = {r.name: r.detect(sheet) for r in all_recognisers()}
    assert scores["eol_rir"] == max(scores.values()) and scores["analyst"] < scores["eol_rir"]
    pv = load_file(shared_data / FILE)
    assert pv.ok and [s.recogniser for s in pv.sheets] == ["eol_rir"]
    assert pv.tables["recycling"].set_index("mineral").loc["antimony", "eol_rir"] == 0.28


def test_small_file_unknown_name_missing_rate_repeat_and_no_year(tmp_path):
    path = tmp_path / "eol.csv"
    path.write_text("Sheet_name,Reference ID,EoL-RIR (2021)\nCobalt,Cobalt,0.22\nNarnium,Narnium,0.5\n"
                    "Nickel,Nickel,\nCobalt (refined),Cobalt,0.3\nGallium,Gallium,30%\n", encoding="utf-8")
    sheet, ctx, out = run(REC, path)
    rec = out["recycling"].set_index("mineral")
    assert rec.loc["cobalt", "eol_rir"] == 0.22 and set(rec["year"]) == {2021}
    assert rec.loc["gallium", "eol_rir"] == pytest.approx(0.3)
    reasons = dropped_reasons(ctx)
    assert reasons[3] == "unknown commodity (see problems)"
    assert reasons[4] == "no EoL-RIR value"
    assert reasons[5].startswith("'Cobalt (refined)' repeats cobalt (row 2)")
    errs = [p for p in ctx.problems.errors if p.code == "unknown_mineral"]
    assert len(errs) == 1 and errs[0].row == 3 and errs[0].value == "Narnium"
    assert accounted(sheet, ctx, out)

    path.write_text("Sheet_name,EoL-RIR\nCobalt,0.22\n", encoding="utf-8")
    sheet, ctx, out = run(REC, path)
    assert out == {} and [p.code for p in ctx.problems.errors] == ["no_year"]
