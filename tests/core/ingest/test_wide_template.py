"""Wide tables on a sheet named after a template table (issue 9 item 2): ``产量`` / ``production``, ``价格`` /
``prices``, ``储量`` / ``reserves`` with one column per year are read as the long table — numbers written as text,
tokens, estimate years, titles and units — and every row is imported or left out with its reason."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.load import load_file
from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers.template import TemplateRecogniser
from desktop.core.ingest.wide import find_layout, title_unit, year_header
from desktop.core.metrics.engine import run
from desktop.core.registry import default_registry
from desktop.core.store import Project
from tests.core.helpers import write_csv, write_xlsx
from tests.core.ingest._publisher_helpers import accounted

# A yearbook table as analysts copy it: a title with the unit, text numbers with thousands separators,
# tokens, an estimate year, a row with no value, a blank line and a source line under the table.
CHINESE = [
    ["表1 世界主要国家钴、锂矿山产量（单位：吨）"],
    ["矿种", "国家", "2019年", "2020年", "2021年E"],
    ["钴", "刚果（金）", "100,000", "98,000", "120,000"],
    ["钴", "中国", "2,500", "2,300", "W"],
    ["钴", "其他国家", "20,000", "19,700", ">2,000"],
    ["锂", "澳大利亚", "45,000", "39,700", "55,416"],
    ["锂", "智利", "19,300", None, "NA"],
    ["锂", "阿根廷", None, None, None],
    [None, None, None, None, None],
    ["资料来源：USGS Mineral Commodity Summaries"],
]


def _parse(path):
    [sheet] = read_file(path)
    ctx = ParseContext(registry=default_registry())
    return sheet, ctx, TemplateRecogniser().parse(sheet, ctx)


def test_year_headers():
    assert [year_header(h) for h in ("2019", "2019年", "Y2019", 2019.0, "2019年度")] == [(2019, False)] * 5
    assert [year_header(h) for h in ("2019E", "2019e", "2019 (e)", "2019（E）", "2019 est.", "2019年（估计）")] == \
        [(2019, True)] * 6
    assert [year_header(h) for h in ("国家", "E2019", "2019-2020", "2019年产量", "1850")] == [None] * 5
    assert title_unit("表1 钴产量（单位：万吨）") == "万吨"
    assert title_unit("Unit: t") == "t" and title_unit("钴矿产量（吨）") == "吨" and title_unit("表1 钴产量") == ""


def test_wide_chinese_production_sheet_imports(tmp_path):
    path = write_xlsx(tmp_path / "年鉴.xlsx", {"产量": CHINESE})
    sheet, ctx, out = _parse(path)
    assert TemplateRecogniser().detect(sheet) == 1.0
    p = out["production"]
    assert list(p.columns[:7]) == ["mineral", "country", "stage", "unit", "year", "quantity", "quantity_state"]
    got = p.set_index(["mineral", "country", "year"])
    assert got.loc[("cobalt", "COD", 2019), "quantity"] == 100000          # "100,000", text in the cell
    assert got.loc[("cobalt", "CHN", 2020), "quantity"] == 2300
    assert got.loc[("cobalt", "CHN", 2021), "quantity_state"] == "W" and np.isnan(got.loc[("cobalt", "CHN", 2021),
                                                                                         "quantity"])
    assert tuple(got.loc[("cobalt", "OTHERS", 2021), ["quantity", "quantity_state"]]) == (2000, ">")
    assert got.loc[("lithium", "CHL", 2021), "quantity_state"] == "NA"
    assert ("lithium", "CHL", 2020) not in got.index                       # an empty cell is no value
    assert (p["unit"] == "吨").all() and (p["stage"] == "").all()           # the title's unit
    assert got.loc[("lithium", "AUS", 2021), "_row"] == 6 and got.loc[("lithium", "AUS", 2021), "_column"] == "2021年E"
    reasons = {d["reason_code"]: d["rows"] for d in ctx.dropped}
    assert reasons == {"drop.above_table": [2], "drop.empty_row": [9], "drop.note_line": [10],
                       "drop.no_value_any_year": [8]}
    assert accounted(sheet, ctx, out)
    notes = " | ".join(str(n) for n in ctx.notes)
    assert "laid out wide (years 2019–2021 as columns): 14 values from 5 rows" in notes
    assert "2021年E are marked E (estimated)" in notes and "unit '吨' from '表1" in notes
    assert not ctx.problems.has_errors


def test_wide_chinese_production_sheet_imports_and_computes(tmp_path):
    path = write_xlsx(tmp_path / "年鉴.xlsx", {"产量": CHINESE})
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems]
    assert [s.recogniser for s in preview.sheets] == ["template"]
    with Project.open(tmp_path / "p.critmin", create=True) as project:
        report = project.write_import(preview.tables, preview.source())
        assert report.inserted_or_updated == {"production": 14}
        dataset = project.dataset()
    risk = run(dataset).tables["supply_risk"]
    cobalt = risk[(risk["mineral"] == "cobalt") & (risk["year"] == 2019)].iloc[0]
    # 100,000 + 2,500 + 20,000 (other countries) = 122,500: HHI over the named producers
    assert cobalt["HHI"] == pytest.approx((100000 / 122500) ** 2 + (2500 / 122500) ** 2)


@pytest.mark.parametrize("name", ["production.csv", "产量.csv"])
def test_wide_csv_named_after_the_table(tmp_path, name):
    text = ("mineral,country,stage,unit,2019,2020,2021E\n"
            "Cobalt,COD,mine,t,\"100,000\",\"98,000\",120000\n"
            "Cobalt,CHN,refinery,kt,50–300,<1,E\n")
    preview = load_file(write_csv(tmp_path / name, text))
    assert preview.ok, [p.format() for p in preview.problems]
    p = preview.tables["production"].set_index(["country", "year"])
    assert len(p) == 6 and p.loc[("COD", 2021), "quantity"] == 120000
    assert (p.loc[("CHN", 2019), "quantity"], p.loc[("CHN", 2019), "quantity_state"]) == (50, "range:300")
    assert p.loc[("CHN", 2020), "quantity_state"] == "<" and p.loc[("CHN", 2021), "quantity_state"] == "E"
    assert p.loc[("CHN", 2020), "stage"] == "refinery" and p.loc[("CHN", 2020), "unit"] == "kt"
    assert list(preview.tables["production"].columns) == \
        ["mineral", "country", "year", "stage", "quantity", "quantity_state", "unit"]   # no _row, no _column


def test_csv_with_a_title_line_and_a_unit_column(tmp_path):
    text = ("表2 钴矿产量\n矿种,国家,单位,2022年,2023年\n"
            "钴,刚果（金）,吨,\"130,000\",\"170,000\"\n钴,印度尼西亚,万吨,1.0,1.7\n")
    path = write_csv(tmp_path / "产量.csv", text, encoding="gb18030")
    sheet, ctx, out = _parse(path)
    p = out["production"].set_index(["country", "year"])
    assert p.loc[("IDN", 2023), "quantity"] == 1.7 and p.loc[("IDN", 2023), "unit"] == "万吨"
    assert p.loc[("COD", 2022), "quantity"] == 130000 and p.loc[("COD", 2022), "_row"] == 3
    assert accounted(sheet, ctx, out)


def test_wide_prices_and_reserves(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", {
        "价格": [["钴、锂年均价格（美元/吨）"], ["矿种", "2022", "2023", "2024e"], ["钴", "63,000", "33,000", "24,000"],
               ["锂", "NA", "46,000", None]],
        "储量（吨）": [["矿种", "国家", "2024"], ["锂", "智利", "9,300,000"]],
        "reserves": [["mineral", "country", "2023", "2024"], ["Cobalt", "Australia", "1,700,000", "1,700,000"]],
    })
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems]
    prices = preview.tables["prices"].set_index(["mineral", "year"])
    assert prices.loc[("cobalt", 2024), "price"] == 24000 and prices.loc[("lithium", 2022), "price_state"] == "NA"
    assert (prices["unit"] == "美元/吨").all() and len(prices) == 5
    reserves = preview.tables["reserves"]
    assert list(reserves["reserves"]) == [9.3e6, 1.7e6, 1.7e6] and list(reserves["year"]) == [2024, 2023, 2024]
    assert list(reserves["unit"]) == ["吨", "", ""]                     # the unit in the sheet's name
    assert any("2024e are marked E" in str(n) for n in preview.notes)


def test_problems_name_file_sheet_row_and_the_year_column(tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", {"产量": [
        ["矿种", "国家", "2019年", "2020年"],
        ["钴", "刚果（金）", "100,000", "about 90"],
        ["钴", "亚特兰蒂斯", "5", "6"],
        ["锂", "澳大利亚", "-45", "39,700"],
    ]})
    preview = load_file(path)
    assert not preview.ok
    where = {(p.code, p.file, p.sheet, p.row, p.column) for p in preview.problems.errors}
    assert ("not_a_number", "bad.xlsx", "产量", 2, "2020年") in where
    assert ("unknown_country", "bad.xlsx", "产量", 3, "国家") in where
    assert ("negative", "bad.xlsx", "产量", 4, "2019年") in where


def test_jumps_name_the_year_column(tmp_path):
    path = write_xlsx(tmp_path / "jump.xlsx", {"production": [
        ["mineral", "country", "2019", "2020", "2021"], ["Cobalt", "COD", "100", "1,000", "1,000"]]})
    preview = load_file(path)
    assert preview.ok
    [jump] = [p for p in preview.problems if p.code == "suspicious_jump"]
    assert (jump.row, jump.column) == (2, "2020")


def test_a_year_given_twice_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "twice.xlsx", {"产量": [
        ["矿种", "国家", "2019年", "2019E"], ["钴", "刚果（金）", "100", "110"]]})
    preview = load_file(path, leave_out_error_rows=True)
    [error] = preview.problems.errors
    assert (error.row, error.column) == (1, "2019E") and "both the year 2019" in error.format()
    assert preview.tables == {}


def test_leaving_out_a_row_with_an_error(tmp_path):
    path = write_xlsx(tmp_path / "leave.xlsx", {"产量": [
        ["矿种", "国家", "2019年", "2020年"], ["钴", "刚果（金）", "100", "110"], ["钴", "中国", "x", "2"]]})
    preview = load_file(path, leave_out_error_rows=True)
    assert preview.ok
    assert list(preview.tables["production"]["country"]) == ["COD", "COD"]
    assert [(d["reason_code"], d["rows"]) for d in preview.dropped] == [("drop.row_with_error", [3])]


def test_long_layout_and_unnamed_wide_sheets_are_as_before(tmp_path):
    long = write_xlsx(tmp_path / "long.xlsx", {"产量": [["矿种", "国家", "年份", "产量"], ["钴", "COD", 2020, 5]]})
    sheet = read_file(long)[0]
    assert find_layout(sheet, "production") is None
    assert load_file(long).tables["production"]["quantity"].tolist() == [5]
    # a sheet not named after a table is not taken for one by its years alone
    other = write_xlsx(tmp_path / "other.xlsx", {"Sheet1": [["mineral", "country", "2019"], ["Cobalt", "COD", 1]]})
    assert TemplateRecogniser().detect(read_file(other)[0]) == 0.0
    # governance, balance … are not read wide
    gov = write_xlsx(tmp_path / "gov.xlsx", {"balance": [["mineral", "country", "2019"], ["Cobalt", "USA", 1]]})
    assert find_layout(read_file(gov)[0], "balance") is None


def test_large_wide_sheet(tmp_path):
    """4,000 rows × 30 years: values parsed per year column, names once per distinct name."""
    reg = default_registry()
    minerals, countries = reg.minerals["name_en"].to_numpy()[:40], reg.countries.index.to_numpy()[:100]
    frame = pd.DataFrame({"mineral": np.repeat(minerals, len(countries)), "country": np.tile(countries, len(minerals))})
    rng = np.random.default_rng(1)
    years = [str(y) for y in range(1995, 2025)]
    values = pd.DataFrame(rng.integers(1, 9, (len(frame), len(years))).astype(str), columns=years)
    values.loc[::7, "2000"] = ""
    frame = pd.concat([frame, values], axis=1)
    path = tmp_path / "production.csv"
    frame.to_csv(path, index=False)
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems][:3]
    p = preview.tables["production"]
    assert len(p) == len(frame) * 30 - len(frame[::7])
    assert p["quantity"].sum() == values.replace("", "0").astype(int).to_numpy().sum()


def test_a_year_header_written_twice_is_refused(tmp_path):
    path = write_csv(tmp_path / "production.csv", "mineral,country,2019,2019\nCobalt,COD,1,2\n")
    [error] = load_file(path).problems.errors
    assert "'2019' and '2019.1' are both the year 2019" in error.format() and error.row == 1
