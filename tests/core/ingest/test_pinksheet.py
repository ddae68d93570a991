"""World Bank Pink Sheet annual prices, and analysts' plain price tables."""
from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.analyst import AnalystTableRecogniser
from desktop.core.ingest.recognisers.pinksheet import RECOGNISERS, PinkSheetRecogniser, PriceTableRecogniser
from tests.core.ingest._tpa_helpers import all_real_sheets

PINK = "pinksheet/CMO-Historical-Data-Annual.xlsx"


@pytest.fixture(scope="module")
def sheets(shared_data):
    return {s.sheet: s for s in read_file(shared_data / PINK)}


def _parse(sheet, registry, recogniser=None):
    ctx = ParseContext(registry)
    out = (recogniser or PinkSheetRecogniser()).parse(sheet, ctx)
    return ctx, out


def _cell(path, sheet_name, commodity, year):
    """Read one price straight from the workbook (name row 7, years in column A)."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = book[sheet_name]
    rows = list(ws.iter_rows(values_only=True))
    book.close()
    names = rows[6]
    col = next(i for i, v in enumerate(names) if v and str(v).strip() == commodity)
    row = next(r for r in rows if r[0] is not None and str(r[0]).strip() in (str(year), f"{year}.0"))
    return row[col], rows[7][col]


def test_module_exports_recognisers():
    assert {r.name for r in RECOGNISERS} == {"pinksheet", "price_table"}


def test_nominal_copper_2020_matches_workbook(shared_data, sheets, registry):
    ctx, out = _parse(sheets["Annual Prices (Nominal)"], registry)
    prices = out["prices"]
    want, unit = _cell(shared_data / PINK, "Annual Prices (Nominal)", "Copper", 2020)
    got = prices[(prices.mineral == "copper") & (prices.year == 2020)]
    assert len(got) == 1
    assert got["price"].iloc[0] == pytest.approx(float(want))
    assert unit == "($/mt)" and got["unit"].iloc[0] == "USD/t"
    assert got["_row"].iloc[0] == 69           # 1960 is row 9, 2020 is row 69
    gold = prices[(prices.mineral == "gold") & (prices.year == 2024)]
    want, _ = _cell(shared_data / PINK, "Annual Prices (Nominal)", "Gold", 2024)
    assert gold["price"].iloc[0] == pytest.approx(float(want)) and gold["unit"].iloc[0] == "USD/troy oz"
    assert {"aluminum", "copper", "nickel", "zinc", "tin", "lead", "iron_ore", "gold", "silver", "platinum",
            "phosphate_rock", "potash"} <= set(prices["mineral"])
    assert not prices.duplicated(["mineral", "year"]).any()
    assert not ctx.problems.has_errors


def test_non_minerals_dropped_once_per_column(sheets, registry):
    ctx, out = _parse(sheets["Annual Prices (Nominal)"], registry)
    reasons = [d["reason"] for d in ctx.dropped]
    assert "not a mineral: 'Crude oil, Brent'" in reasons
    assert "not a mineral: 'Coffee, Arabica'" in reasons
    assert "not a mineral: 'Natural gas, US'" in reasons       # energy is not priced here
    assert len(reasons) == len(set(reasons))
    crude = next(d for d in ctx.dropped if d["reason"] == "not a mineral: 'Crude oil, Brent'")
    assert crude["count"] == out["prices"]["year"].nunique() and crude["row"] == 9


def test_real_prices_go_to_extra_table(shared_data, sheets, registry):
    ctx, out = _parse(sheets["Annual Prices (Real)"], registry)
    assert set(out) == {"prices_real"}
    real = out["prices_real"]
    want, _ = _cell(shared_data / PINK, "Annual Prices (Real)", "Nickel", 2015)
    got = real[(real.mineral == "nickel") & (real.year == 2015)]["price"].iloc[0]
    assert got == pytest.approx(float(want))
    assert real["unit"].str.contains("real 2010 USD").all()


def test_other_sheets_are_claimed_and_skipped(sheets, registry):
    for name in ("Annual Indices (Nominal)", "Description", "Index Weights"):
        assert PinkSheetRecogniser().detect(sheets[name]) >= 0.8
        ctx, out = _parse(sheets[name], registry)
        assert out == {} and ctx.dropped


def test_detection_on_the_workbook(sheets):
    for name in ("Annual Prices (Nominal)", "Annual Prices (Real)"):
        assert PinkSheetRecogniser().detect(sheets[name]) >= 0.9
        assert PriceTableRecogniser().detect(sheets[name]) == 0.0
        assert AnalystTableRecogniser().detect(sheets[name]) <= 0.1


def test_missing_tokens_inside_and_before_a_series(tmp_path, registry):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Annual Prices (Nominal)"
    ws.append(["World Bank Commodity Price Data (The Pink Sheet)"])
    ws.append(["annual prices, 1960 to present, nominal US dollars"])
    for _ in range(4):
        ws.append([])
    ws.append([None, "Copper", "Coffee, Arabica", "Lithium"])
    ws.append([None, "($/mt)", "($/kg)", "($/mt)"])
    ws.append([2019, 6000, 3.0, "…"])
    ws.append([2020, "..", 3.1, 9000])
    ws.append([2021, 9300, 4.0, 12000])
    path = tmp_path / "pink.xlsx"
    book.save(path)
    sheet = read_file(path)[0]
    assert PinkSheetRecogniser().detect(sheet) >= 0.9
    ctx, out = _parse(sheet, registry)
    p = out["prices"].set_index(["mineral", "year"])
    assert np.isnan(p.loc[("copper", 2020), "price"]) and p.loc[("copper", 2020), "price_state"] == "NA"
    assert ("lithium", 2019) not in p.index              # before the series starts: dropped
    assert p.loc[("lithium", 2021), "price"] == 12000
    reasons = " | ".join(d["reason"] for d in ctx.dropped)
    assert "Coffee" in reasons and "series not available" in reasons


# -- analysts' plain price tables --------------------------------------------------------------

def _book(tmp_path, name, sheet_name, rows):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet_name
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    book.save(path)
    return read_file(path)[0]


def test_price_table_minerals_by_years_chinese(tmp_path, registry):
    sheet = _book(tmp_path, "prices.xlsx", "Sheet1", [
        ["主要矿产品价格（美元/吨）"],
        ["矿种", "2013年", "2014年", "2015年"],
        ["铜", "7,322", "6,863", "5,510"],
        ["镍", "15,018", "16,893", "11,863"],
        ["钴", "NA", "31,000", "29,000"],
    ])
    rec = PriceTableRecogniser()
    assert rec.detect(sheet) >= 0.6
    assert rec.detect(sheet) > AnalystTableRecogniser().detect(sheet)
    ctx = ParseContext(registry)
    out = rec.parse(sheet, ctx)
    p = out["prices"].set_index(["mineral", "year"])
    assert p.loc[("copper", 2013), "price"] == 7322 and p.loc[("copper", 2013), "unit"] == "USD/t"
    assert p.loc[("nickel", 2015), "price"] == 11863
    assert p.loc[("cobalt", 2013), "price_state"] == "NA"
    assert p.loc[("nickel", 2014), "_row"] == 4
    assert not ctx.problems.has_errors


def test_price_table_years_by_minerals_english(tmp_path, registry):
    sheet = _book(tmp_path, "prices_en.xlsx", "Prices", [
        ["Year", "Copper ($/t)", "Gold ($/troy oz)", "Lithium carbonate"],
        [2020, 6174, 1770, 7000],
        [2021, 9317, 1800, 12000],
    ])
    rec = PriceTableRecogniser()
    assert rec.detect(sheet) >= 0.6
    ctx = ParseContext(registry)
    out = rec.parse(sheet, ctx)
    p = out["prices"].set_index(["mineral", "year"])
    assert p.loc[("gold", 2021), "price"] == 1800 and p.loc[("gold", 2021), "unit"] == "USD/troy oz"
    assert p.loc[("copper", 2020), "unit"] == "USD/t"
    assert "lithium" not in set(out["prices"]["mineral"])    # 'Lithium carbonate' is not a mineral name
    assert any("Lithium carbonate" in n for n in ctx.notes)


def test_price_table_does_not_claim_production_tables(tmp_path):
    sheet = _book(tmp_path, "prod.xlsx", "钴产量", [["国家", "2013年"], ["中国", 7000]])
    assert PriceTableRecogniser().detect(sheet) == 0.0


def test_detect_sweep_over_real_files(shared_data):
    for name, sheet in all_real_sheets(str(shared_data)):
        pink, table = PinkSheetRecogniser().detect(sheet), PriceTableRecogniser().detect(sheet)
        assert table <= 0.1, (name, sheet.sheet, table)
        if name == PINK:
            assert pink >= 0.8
        else:
            assert pink <= 0.1, (name, sheet.sheet, pink)
