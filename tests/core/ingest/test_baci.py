"""CEPII BACI bilateral trade -> trade (by HS code), trade_unit_values, trade_flows; no balance (issue 9.5: the
engine converts trade to the production's basis, tests/core/metrics/test_trade_content.py)."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from desktop.core import dataset
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.baci import RECOGNISERS, BaciRecogniser, load_hs_map
from tests.core.ingest._tpa_helpers import all_real_sheets

BACI = "geopolrisk/derived_baci_hs92_minerals_2015_2024.csv"


@pytest.fixture(scope="module")
def baci(shared_data, registry):
    path = shared_data / BACI
    sheet = read_file(path)[0]
    ctx = ParseContext(registry)
    start = time.perf_counter()
    out = BaciRecogniser().parse(sheet, ctx)
    elapsed = time.perf_counter() - start
    raw = pd.read_csv(path)
    return sheet, ctx, out, raw, elapsed


def test_module_exports_recogniser():
    assert any(r.name == "baci" for r in RECOGNISERS)


def test_hs_map_is_well_formed(registry):
    hs = load_hs_map()
    assert hs.index.is_unique
    assert set(hs["stage"]) <= {"mine", "refinery"}
    unknown = [m for m in hs["mineral"] if registry.mineral_id(m) != m]
    assert unknown == []
    assert hs.loc[260300, "mineral"] == "copper" and hs.loc[260300, "stage"] == "mine"
    assert hs.loc[282520, "mineral"] == "lithium" and hs.loc[282520, "stage"] == "refinery"


def test_detect(baci):
    sheet = baci[0]
    assert BaciRecogniser().detect(sheet) >= 0.9


def test_trade_by_hs_code_matches_hand_computation(baci, registry):
    """Was: the gross balance per mineral and stage.  The trade table keeps every flow with its HS code, so its
    sums over a country's side are the gross tonnes the balance had."""
    _, _, out, raw, _ = baci
    assert "balance" not in out
    tr = out["trade"]
    hs = load_hs_map()
    cobalt = hs.index[(hs["mineral"] == "cobalt") & (hs["stage"] == "refinery")]
    sel = raw["k"].isin(cobalt) & (raw["t"] == 2020)
    want_imp = raw.loc[sel & (raw["j"] == 156), "q"].sum()
    want_exp = raw.loc[sel & (raw["i"] == 156), "q"].sum()
    co = tr[(tr.mineral == "cobalt") & (tr.year == 2020)]
    assert set(co["hs_code"]) == {"282200", "810510"} and set(co["stage"]) == {"refinery"}
    assert co.loc[co.importer == "CHN", "quantity_t"].sum() == pytest.approx(want_imp, rel=1e-12)
    assert co.loc[co.exporter == "CHN", "quantity_t"].sum() == pytest.approx(want_exp, rel=1e-12)
    # copper ore imports of China, 2023, by partner: Chile's row is BACI's own row
    sel = (raw["k"] == 260300) & (raw["t"] == 2023) & (raw["j"] == 156)
    cu = tr[(tr.mineral == "copper") & (tr.year == 2023) & (tr.importer == "CHN")]
    assert cu["quantity_t"].sum() == pytest.approx(raw.loc[sel, "q"].sum(), rel=1e-12)
    chl = cu[cu.exporter == "CHL"].iloc[0]
    want = raw[sel & (raw["i"] == 152)].iloc[0]
    assert (chl["hs_code"], chl["quantity_t"], chl["value_kusd"]) == ("260300", want["q"], want["v"])


def test_every_mapped_flow_is_one_trade_row(baci):
    _, _, out, raw, _ = baci
    tr = out["trade"]
    lithium = tr[(tr.mineral == "lithium") & (tr.year == 2022)]
    hs = load_hs_map()
    codes = hs.index[hs["mineral"] == "lithium"]
    sel = raw["k"].isin(codes) & (raw["t"] == 2022)
    assert len(lithium) == int(sel.sum())
    assert not tr.duplicated(["mineral", "year", "hs_code", "exporter", "importer"]).any()


def test_baci_specific_country_codes(baci):
    tr = baci[2]["trade"]
    countries = set(tr["exporter"]) | set(tr["importer"])
    for iso in ("USA", "FRA", "TWN", "IND", "CHE", "NOR", "CHN"):
        assert iso in countries
    assert not any(str(c).isdigit() for c in countries)


def test_unknown_hs_codes_are_counted(baci):
    _, ctx, _, raw, _ = baci
    hs = load_hs_map()
    unknown = raw[~raw["k"].isin(hs.index)]
    by_code = unknown.groupby("k").size()
    assert len(by_code) >= 1
    dropped = {d["hs6"]: d["count"] for d in ctx.dropped if "hs6" in d}
    assert dropped == {f"{k:06d}": int(n) for k, n in by_code.items()}
    assert all(d["reason"] and d["row"] >= 2 for d in ctx.dropped)
    assert not ctx.problems.has_errors


def test_unit_values(baci):
    _, _, out, raw, _ = baci
    uv = out["trade_unit_values"]
    assert list(uv.columns) == ["mineral", "year", "stage", "price", "price_state", "unit", "_row"]
    sel = (raw["k"] == 260300) & (raw["t"] == 2021) & (raw["q"] > 0)
    want = raw.loc[sel, "v"].sum() * 1000 / raw.loc[sel, "q"].sum()
    got = uv[(uv.mineral == "copper") & (uv.year == 2021) & (uv.stage == "mine")]["price"].iloc[0]
    assert got == pytest.approx(want, rel=1e-12)
    assert set(uv["unit"]) == {"USD/t (BACI unit value)"}
    assert "prices" not in out


def test_trade_flows(baci):
    _, _, out, raw, _ = baci
    fl = out["trade_flows"]
    assert list(fl.columns) == ["mineral", "year", "stage", "exporter", "importer", "value_kusd", "quantity_t",
                                "_row"]
    sel = (raw["k"] == 260300) & (raw["t"] == 2024) & (raw["j"] == 156) & (raw["i"] == 152)
    row = fl[(fl.mineral == "copper") & (fl.year == 2024) & (fl.exporter == "CHL") & (fl.importer == "CHN")]
    assert row["value_kusd"].iloc[0] == pytest.approx(raw.loc[sel, "v"].sum())
    assert row["quantity_t"].iloc[0] == pytest.approx(raw.loc[sel, "q"].sum())


def test_trade_conforms_to_schema(baci):
    tr = baci[2]["trade"]
    assert list(tr.columns) == dataset.columns("trade") + ["_row"]
    conformed = dataset.conform("trade", tr)
    assert len(conformed) == len(tr)
    assert tr["_row"].dtype == np.int64 and tr["_row"].min() >= 2
    assert tr["hs_code"].map(len).eq(6).all()


def test_parse_is_fast(baci):
    assert baci[4] < 3.0, f"BACI parse took {baci[4]:.2f} s"


# -- hand-made files -----------------------------------------------------------------------

def _write(tmp_path, text):
    path = tmp_path / "baci_small.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_quantities_missing_and_absent_sides(tmp_path, registry):
    path = _write(tmp_path, "t,i,j,k,v,q\n"
                            "2020,156,842,260300,10.0,5.0\n"      # CHN -> USA, copper ore
                            "2020,156,842,260300,2.0,\n"          # same flow, no quantity
                            "2020,36,156,260300,4.0,\n"           # AUS -> CHN, no quantity at all
                            "2020,36,156,711290,1.0,1.0\n"        # scrap: not in the map
                            "2020,999,156,260300,1.0,1.0\n")      # unknown exporter code
    sheet = read_file(path)[0]
    ctx = ParseContext(registry)
    out = BaciRecogniser().parse(sheet, ctx)
    # the trade table keeps both flows of the same key summed, a flow without quantity as empty; what a side
    # without quantities or without flows means for the balance is trade_content's (test_trade_content.py)
    tr = out["trade"].set_index(["exporter", "importer"])
    assert tr.loc[("CHN", "USA"), "quantity_t"] == 5.0 and tr.loc[("CHN", "USA"), "value_kusd"] == 12.0
    assert np.isnan(tr.loc[("AUS", "CHN"), "quantity_t"]) and tr.loc[("AUS", "CHN"), "value_kusd"] == 4.0
    assert "balance" not in out
    errors = ctx.problems.errors
    assert len(errors) == 1 and errors[0].value == "999" and errors[0].row == 6
    reasons = {d["reason"]: d for d in ctx.dropped}
    assert any("711290" in r for r in reasons)
    assert any("not a known country" in r for r in reasons)
    assert out["trade_flows"]["value_kusd"].sum() == pytest.approx(16.0)


def test_detect_is_zero_on_other_layouts(tmp_path):
    path = _write(tmp_path, "国家,2013年,2014年\n中国,1,2\n")
    assert BaciRecogniser().detect(read_file(path)[0]) == 0.0


def test_detect_sweep_over_real_files(shared_data):
    rec = BaciRecogniser()
    for name, sheet in all_real_sheets(str(shared_data)):
        score = rec.detect(sheet)
        if name == BACI:
            assert score >= 0.9
        else:
            assert score <= 0.1, (name, sheet.sheet, score)
