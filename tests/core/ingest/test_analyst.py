"""Analysts' own tables: long or wide, Chinese or English, mineral from a column, sheet name or title."""
from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from desktop.core import dataset
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.analyst import RECOGNISERS, AnalystTableRecogniser, analyse
from tests.core.ingest._tpa_helpers import all_real_sheets

REC = AnalystTableRecogniser()


def _book(tmp_path, sheets: dict[str, list[list]], name="analyst.xlsx"):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for r in rows:
            ws.append(r)
    path = tmp_path / name
    book.save(path)
    return {s.sheet: s for s in read_file(path)}


def _parse(sheet, registry):
    ctx = ParseContext(registry)
    return ctx, REC.parse(sheet, ctx)


def _accounted(sheet, ctx, out, header_rows):
    """Every body row with content is imported into some table or listed as dropped."""
    used = set()
    for frame in out.values():
        used |= set(frame["_row"])
    dropped = set()
    for d in ctx.dropped:
        dropped |= set(d.get("rows", [d["row"]]))
    body = set(range(sheet.header_row + 1 + header_rows, sheet.header_row + 1 + len(sheet.frame)))
    return body <= used | dropped


def test_module_exports_recogniser():
    assert [r.name for r in RECOGNISERS] == ["analyst"]


def test_chinese_wide_table_sheet_name_mineral(tmp_path, registry):
    sheet = _book(tmp_path, {"钴产量": [
        ["国家", "2013年", "2014年", "2015年"],
        ["刚果（金）", "56,000", "63,000", "72,000"],
        ["中国", "7,000", 7200, "W"],
        ["世界合计", "120,000", None, ">100,000"],
        ["资料来源：USGS", None, None, None],
    ]})["钴产量"]
    assert 0.3 <= REC.detect(sheet) <= 0.6
    ctx, out = _parse(sheet, registry)
    assert set(out) == {"production"}
    p = out["production"].set_index(["country", "year"])
    assert set(p.index.get_level_values(0)) == {"COD", "CHN", "WORLD"}
    assert p.loc[("COD", 2015), "quantity"] == 72000
    assert p.loc[("CHN", 2014), "quantity"] == 7200
    assert np.isnan(p.loc[("CHN", 2015), "quantity"]) and p.loc[("CHN", 2015), "quantity_state"] == "W"
    assert p.loc[("WORLD", 2015), "quantity_state"] == ">"
    assert (out["production"]["mineral"] == "cobalt").all()
    assert p.loc[("CHN", 2013), "_row"] == 3
    reasons = {d["reason"] for d in ctx.dropped}
    assert "note or source line under the table" in reasons
    assert any(d["reason"].startswith("empty cell") and d["row"] == 4 for d in ctx.dropped)
    assert not ctx.problems.has_errors
    assert any("sheet name" in n for n in ctx.notes)
    maps = {(m.kind, m.raw): m for m in ctx.mappings}
    assert maps[("country", "刚果（金）")].target == "COD" and maps[("country", "刚果（金）")].rows == 1
    assert maps[("mineral", "钴产量")].target == "cobalt" and maps[("mineral", "钴产量")].confidence < 1
    assert _accounted(sheet, ctx, out, 0)
    assert list(out["production"].columns) == dataset.columns("production") + ["_row"]


def test_title_row_mineral_unit_and_stage(tmp_path, registry):
    sheet = _book(tmp_path, {"Sheet1": [
        ["表1 钴矿产量（千吨）"],
        [],
        ["国家或地区", "Y2013", "Y2014"],
        ["澳大利亚", 5.2, "6.1"],
        ["Atlantis", "1", "2"],
    ]})["Sheet1"]
    ctx, out = _parse(sheet, registry)
    p = out["production"].set_index(["country", "year"])
    assert p.loc[("AUS", 2013), "quantity"] == pytest.approx(5200)
    assert p.loc[("AUS", 2014), "unit"] == "t"
    assert (out["production"]["stage"] == "mine").all()
    assert (out["production"]["mineral"] == "cobalt").all()
    assert p.loc[("AUS", 2013), "_row"] == 4
    assert any("×1000" in n for n in ctx.notes)
    errors = ctx.problems.errors
    assert len(errors) == 1 and errors[0].value == "Atlantis" and errors[0].row == 5
    assert errors[0].column == "国家或地区"
    assert any(d["reason"] == "unknown country" and d["row"] == 5 for d in ctx.dropped)


def test_year_header_variants(tmp_path, registry):
    sheet = _book(tmp_path, {"锂储量": [["国家", 2013.0, "2014.0", "2015年", "Y2016"],
                                        ["智利", 1, 2, 3, 4]]})["锂储量"]
    lay = analyse(sheet, registry)
    assert lay.kind == "wide" and sorted(lay.year_cols.values()) == [2013, 2014, 2015, 2016]
    ctx, out = _parse(sheet, registry)
    assert set(out) == {"reserves"}
    r = out["reserves"]
    assert set(r["year"]) == {2013, 2014, 2015, 2016} and (r["mineral"] == "lithium").all()


def test_gb18030_csv_with_file_name_mineral(tmp_path, registry):
    path = tmp_path / "中国锂进口量.csv"
    path.write_bytes("国家,2019年,2020年\n中国,\"1,234\",\"2,345.5\"\n".encode("gb18030"))
    sheet = read_file(path)[0]
    assert sheet.encoding == "gb18030"
    assert 0.3 <= REC.detect(sheet) <= 0.6
    ctx, out = _parse(sheet, registry)
    bal = out["balance"].set_index("year")
    assert bal.loc[2019, "imports"] == 1234 and bal.loc[2020, "imports"] == 2345.5
    assert (out["balance"]["mineral"] == "lithium").all() and (out["balance"]["country"] == "CHN").all()
    assert bal.loc[2019, "exports_state"] == "" and np.isnan(bal.loc[2019, "exports"])


def test_gb18030_csv_with_title_row(tmp_path, registry):
    path = tmp_path / "table.csv"
    text = "表3 2024年全球锂储量（万吨）,,\n国家,储量,备注\n智利,930,\n澳大利亚,\"700\",估计\n"
    path.write_bytes(text.encode("gb18030"))
    sheet = read_file(path)[0]
    ctx, out = _parse(sheet, registry)
    r = out["reserves"].set_index("country")
    assert r.loc["CHL", "reserves"] == pytest.approx(9_300_000)
    assert (out["reserves"]["year"] == 2024).all() and (out["reserves"]["unit"] == "t").all()
    assert any("备注" in d["reason"] for d in ctx.dropped)


def test_percentages_and_recycling(tmp_path, registry):
    sheet = _book(tmp_path, {"回收率": [
        ["矿种", "年份", "回收率（%）"],
        ["钴", "2020", 22],
        ["铜", "2020", "55.96%"],
    ]})["回收率"]
    ctx, out = _parse(sheet, registry)
    rec = out["recycling"].set_index("mineral")
    assert rec.loc["cobalt", "eol_rir"] == pytest.approx(0.22)
    assert rec.loc["copper", "eol_rir"] == pytest.approx(0.5596)
    assert list(out["recycling"].columns) == dataset.columns("recycling") + ["_row"]


def test_english_long_table_balance(tmp_path, registry):
    sheet = _book(tmp_path, {"cobalt trade": [
        ["Mineral", "Country", "Year", "Production (kt)", "Imports (kt)", "Exports (kt)", "Comment"],
        ["Cobalt", "China", "2020", 2.2, "98.5", 1, "x"],
        ["Cobalt", "United States", 2020, "W", "10", None, None],
        ["Cobalt", "Japan", "twenty", 1, 1, 1, None],
        ["Nickle", "Japan", 2020, 1, 1, 1, None],
    ]})["cobalt trade"]
    assert 0.3 <= REC.detect(sheet) <= 0.6
    ctx, out = _parse(sheet, registry)
    assert set(out) == {"balance"}          # production on a balance sheet feeds the balance
    b = out["balance"].set_index("country")
    assert b.loc["CHN", "production"] == pytest.approx(2200) and b.loc["CHN", "imports"] == pytest.approx(98500)
    assert b.loc["USA", "production_state"] == "W" and b.loc["USA", "imports"] == pytest.approx(10000)
    assert b.loc["CHN", "unit"] == "t" and b.loc["CHN", "_row"] == 2
    errors = ctx.problems.errors
    assert [e.value for e in errors] == ["Nickle"] and errors[0].row == 5
    assert any("nickel" in e.message.casefold() for e in errors)     # suggestion
    assert any(d["reason"] == "no valid year" and d["row"] == 4 for d in ctx.dropped)
    assert any("Comment" in d["reason"] for d in ctx.dropped)


def test_english_long_production_table(tmp_path, registry):
    path = tmp_path / "production_long.csv"
    path.write_text("Commodity,Country,Year,Production (t)\nLithium,Chile,2022,\"39,000\"\n"
                    "Lithium,Australia,2022,\"61,000\"\nGermanium,China,2022,95\n", encoding="utf-8")
    sheet = read_file(path)[0]
    ctx, out = _parse(sheet, registry)
    p = out["production"].set_index(["mineral", "country"])
    assert p.loc[("lithium", "AUS"), "quantity"] == 61000 and p.loc[("lithium", "AUS"), "unit"] == "t"
    # germanium is counted in kg, as in the publisher recognisers
    assert p.loc[("germanium", "CHN"), "quantity"] == 95000 and p.loc[("germanium", "CHN"), "unit"] == "kg"


def test_wide_table_with_indicator_column(tmp_path, registry):
    sheet = _book(tmp_path, {"铜": [
        ["国家", "指标", "2021年", "2022年"],
        ["中国", "产量（万吨）", 180, 190],
        ["中国", "进口量（万吨）", 2500, 2530],
        ["中国", "出口量（万吨）", 10, 12],
        ["中国", "消费量", 1, 1],
    ]})["铜"]
    ctx, out = _parse(sheet, registry)
    b = out["balance"].set_index("year")
    assert b.loc[2021, "production"] == pytest.approx(1_800_000)
    assert b.loc[2022, "imports"] == pytest.approx(25_300_000)
    assert b.loc[2022, "exports"] == pytest.approx(120_000)
    assert (out["balance"]["mineral"] == "copper").all()
    assert any("indicator" in d["reason"] and d["row"] == 5 for d in ctx.dropped)


def test_price_sheet_goes_to_prices(tmp_path, registry):
    sheet = _book(tmp_path, {"价格": [["矿种", "单位", "2013年", "2014年"],
                                      ["铜", "美元/吨", "7,322", "6,863"],
                                      ["锂", "万元/吨", "4", "4.2"]]})["价格"]
    ctx, out = _parse(sheet, registry)
    p = out["prices"].set_index(["mineral", "year"])
    assert p.loc[("copper", 2014), "price"] == 6863 and p.loc[("copper", 2014), "unit"] == "USD/t"
    assert p.loc[("lithium", 2014), "price"] == pytest.approx(42000) and p.loc[("lithium", 2014), "unit"] == "CNY/t"


def test_ambiguous_or_missing_context_is_an_error(tmp_path, registry):
    sheets = _book(tmp_path, {
        "Sheet1": [["铜、钴产量（吨）"], ["国家", "2020年"], ["中国", 1]],
        "Sheet2": [["国家", "2020年"], ["中国", 1]],
    })
    ctx, out = _parse(sheets["Sheet1"], registry)
    assert out == {} and ctx.problems.has_errors
    assert any(p.code == "no_mineral" for p in ctx.problems)
    ctx, out = _parse(sheets["Sheet2"], registry)
    assert out == {} and any(p.code == "no_measure" for p in ctx.problems)
    assert REC.detect(sheets["Sheet2"]) == 0.0


def test_text_numbers_are_not_silently_lost(tmp_path, registry):
    sheet = _book(tmp_path, {"镍产量": [["国家", "2020年"], ["印度尼西亚", "1,234"],
                                       ["菲律宾", "about 300"]]})["镍产量"]
    ctx, out = _parse(sheet, registry)
    assert out["production"]["quantity"].tolist() == [1234]
    bad = [p for p in ctx.problems.errors if p.code == "not_a_number"]
    assert len(bad) == 1 and bad[0].row == 3 and bad[0].value == "about 300"
    assert _accounted(sheet, ctx, out, 0)


def test_detect_defers_to_template_sheets(tmp_path):
    sheet = _book(tmp_path, {"production": [["mineral", "country", "year", "stage", "quantity", "unit"],
                                            ["lithium", "CHL", 2022, "mine", 39000, "t"]]})["production"]
    assert REC.detect(sheet) <= 0.3


def test_detect_is_zero_on_publisher_files(shared_data):
    files = ["geopolrisk/derived_baci_hs92_minerals_2015_2024.csv",
             "geopolrisk/derived_world_mining_data_long.csv",
             "geopolrisk/derived_wmd_hs_code_map_eol_rir_2023.csv",
             "usgs_mcs2025/world_data/MCS2025_World_Data.csv",
             "wgi/wgidataset.csv",
             "lists/critical_minerals_2025.csv"]
    for name in files:
        for sheet in read_file(shared_data / name):
            assert REC.detect(sheet) <= 0.1, name


def test_english_title_wide_table(tmp_path, registry):
    sheet = _book(tmp_path, {"T2": [
        ["Table 2. Lithium mine production, by country (tonnes)"],
        ["Country", "2021", "2022", "Share 2022"],
        ["Australia", "55,300", "61,000", "45%"],
        ["World total", "107,000", "146,000", "100%"],
        ["Source: USGS"],
    ]})["T2"]
    ctx, out = _parse(sheet, registry)
    p = out["production"].set_index(["country", "year"])
    assert p.loc[("AUS", 2022), "quantity"] == 61000 and p.loc[("WORLD", 2021), "quantity"] == 107000
    assert (out["production"]["stage"] == "mine").all() and (out["production"]["unit"] == "t").all()
    assert any(p.code == "column_not_imported" and p.column == "Share 2022" for p in ctx.problems)
    assert any("source line" in d["reason"] and d["row"] == 5 for d in ctx.dropped)


def test_unit_with_basis_and_title_year(tmp_path, registry):
    sheet = _book(tmp_path, {"稀土": [["2023年主要国家稀土储量"], ["国家", "储量（万吨REO）"],
                                      ["中国", "4,400"], ["越南", "2,200"]]})["稀土"]
    ctx, out = _parse(sheet, registry)
    r = out["reserves"].set_index("country")
    assert r.loc["CHN", "reserves"] == pytest.approx(44_000_000) and r.loc["CHN", "unit"] == "t REO"
    assert (out["reserves"]["year"] == 2023).all() and (out["reserves"]["mineral"] == "rare_earths").all()
    assert not ctx.problems.warnings


def test_detect_sweep_over_real_files(shared_data):
    for name, sheet in all_real_sheets(str(shared_data)):
        assert REC.detect(sheet) <= 0.1, (name, sheet.sheet)
