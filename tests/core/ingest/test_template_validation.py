"""Each validation rule, tested with a file that breaks it."""
import numpy as np
import pytest

from ..helpers import codes, load_template, write_csv, write_xlsx

GOOD = "mineral,country,year,quantity,stage,unit\nCobalt,COD,2023,170000,mine,t\nCobalt,IDN,2023,17000,mine,t\n"


def test_good_file_parses_with_ids(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv", GOOD))
    assert pv.ok and codes(pv) == []
    frame = pv.tables["production"]
    assert frame[["mineral", "country", "year", "stage", "quantity"]].values.tolist() == [
        ["cobalt", "COD", 2023, "mine", 170000.0], ["cobalt", "IDN", 2023, "mine", 17000.0]]


def test_chinese_sheet_and_headers_and_names(tmp_path):
    path = write_xlsx(tmp_path / "zh.xlsx", {
        "产量": [["矿种", "国家或地区", "年份", "产量（吨）"], ["钴", "刚果（金）", "2023年", "170,000"],
                 ["Co", "Other countries6", 2023, "W"]],
        "价格": [["矿产", "年", "价格"], ["锂", 2022, 10.5]],
        "治理": [["国家", "年份", "话语权与问责", "政治稳定与非暴力", "政府效率", "监管质量", "法治", "控制腐败"],
               ["中国", 2022, -1.5, -0.4, 0.5, -0.2, -0.1, 0.1]],
    })
    pv = load_template(path)
    assert pv.ok, [p.format() for p in pv.problems]
    prod = pv.tables["production"]
    assert prod["country"].tolist() == ["COD", "OTHERS"]
    assert prod["unit"].tolist() == ["吨", "吨"]
    assert prod["quantity_state"].tolist() == ["", "W"]
    gov = pv.tables["governance"]
    assert sorted(gov["indicator"]) == sorted(["VA", "PV", "GE", "RQ", "RL", "CC"])
    assert gov.set_index("indicator").loc["VA", "estimate"] == -1.5


def problem(pv, code):
    found = [p for p in pv.problems if p.code == code]
    assert found, f"no {code} in {[p.format() for p in pv.problems]}"
    return found[0]


def test_missing_required_column_names_header_row(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv", "mineral,country,year\nCobalt,COD,2023\n"))
    p = problem(pv, "missing_column")
    assert (p.file, p.row, p.column) == ("production.csv", 1, "quantity") and not pv.ok


def test_text_where_number_belongs(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv", GOOD + "Cobalt,CHN,2023,lots,mine,t\n"))
    p = problem(pv, "not_a_number")
    assert (p.row, p.column, p.value) == (4, "quantity", "lots") and not pv.ok


def test_negative_quantity(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv", GOOD + "Cobalt,CHN,2023,-5,mine,t\n"))
    p = problem(pv, "negative")
    assert (p.row, p.column, p.value) == (4, "quantity", "-5") and not pv.ok


def test_unknown_mineral_and_country_with_suggestions(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv",
                                 GOOD + "Cobalt,Chnia,2023,5,mine,t\nCoballt,CHN,2023,5,mine,t\n"))
    c, m = problem(pv, "unknown_country"), problem(pv, "unknown_mineral")
    assert c.row == 4 and "China (CHN)" in c.message
    assert m.row == 5 and "Cobalt" in m.message


def test_conflicting_duplicate_blocks_exact_duplicate_warns(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv", GOOD + "Cobalt,COD,2023,1,mine,t\n"))
    p = problem(pv, "conflicting_duplicate")
    assert "rows 2, 4" in p.message and not pv.ok
    pv = load_template(write_csv(tmp_path / "production.csv", GOOD + "Cobalt,COD,2023,170000,mine,t\n"))
    assert pv.ok and problem(pv, "duplicate_row").row == 4
    assert len(pv.tables["production"]) == 2


def test_bad_year_and_bad_stage(tmp_path):
    pv = load_template(write_csv(tmp_path / "production.csv", GOOD + "Cobalt,CHN,20x3,5,mine,t\n"
                                 "Cobalt,CHN,2023,5,orbit,t\n"))
    assert problem(pv, "bad_year").row == 4 and problem(pv, "bad_stage").row == 5


def test_aggregate_rows_are_not_countries_in_balance(tmp_path):
    text = "mineral,country,year,production,imports,exports\nCobalt,World total,2023,1,2,3\n"
    pv = load_template(write_csv(tmp_path / "balance.csv", text))
    assert problem(pv, "aggregate_not_country").row == 2


def test_warnings_do_not_block(tmp_path):
    text = ("mineral,country,year,quantity\nCobalt,COD,2019,100\nCobalt,COD,2020,100\n"
            "Cobalt,COD,2022,5000\nCobalt,COD,2023,100\n")
    pv = load_template(write_csv(tmp_path / "production.csv", text))
    assert pv.ok
    assert "2021" in problem(pv, "year_gap").message
    assert problem(pv, "suspicious_jump").row == 5
    assert problem(pv, "suspicious_jump").severity.value == "warning"


def test_eol_rir_and_score_ranges(tmp_path):
    pv = load_template(write_csv(tmp_path / "recycling.csv", "mineral,year,eol_rir\nCobalt,2023,22%\nLi,2023,1.5\n"))
    assert pv.tables["recycling"]["eol_rir"].iloc[0] == pytest.approx(0.22)
    assert problem(pv, "out_of_range").row == 3


def test_chain_risk_vocabulary(tmp_path):
    text = ("mineral,stream,stage,dimension,score,note\n"
            "Cobalt,原生,开采,政治,0.8,=HYPERLINK(\"http://x\")\n"
            "Cobalt,recycled,recycling,investment,0.2,\n")
    pv = load_template(write_csv(tmp_path / "chain_risk.csv", text))
    first = pv.tables["chain_risk"].iloc[0]
    assert (first["stream"], first["stage"], first["dimension"]) == ("primary", "mining", "political")
    assert first["note"].startswith("=HYPERLINK") and first["source"] == "analyst"
    assert problem(pv, "dimension_not_in_stream").row == 3


def test_unreadable_file_is_one_problem_not_an_exception(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"garbage")
    pv = load_template(path)
    assert codes(pv) == ["unreadable"] and pv.problems.items[0].file == "x.xlsx"


def test_unrecognised_file(tmp_path):
    pv = load_template(write_csv(tmp_path / "notes.csv", "a,b\n1,2\n"))
    assert codes(pv) == ["not_recognised"]


def test_many_bad_cells_are_summarised(tmp_path):
    rows = "".join(f"Cobalt,COD,{1950 + i},x\n" for i in range(30))
    pv = load_template(write_csv(tmp_path / "production.csv", "mineral,country,year,quantity\n" + rows))
    bad = [p for p in pv.problems if p.code == "not_a_number"]
    assert len(bad) == 21 and "10 more rows" in bad[-1].message


def test_rows_with_values_are_all_kept(tmp_path):
    # Nothing silently dropped: every data row of a valid file reaches the table.
    rows = "".join(f"Cobalt,COD,{2000 + i},{i}\n" for i in range(20))
    pv = load_template(write_csv(tmp_path / "production.csv", "mineral,country,year,quantity\n" + rows))
    assert len(pv.tables["production"]) == 20
    assert np.array_equal(pv.tables["production"]["quantity"].to_numpy(), np.arange(20.0))


def test_percent_header_scales_plain_numbers(tmp_path):
    pv = load_template(write_csv(tmp_path / "recycling.csv", "矿种,年份,回收率（%）\n钴,2023,22\n锂,2023,1%\n"))
    assert pv.ok and pv.tables["recycling"]["eol_rir"].tolist() == pytest.approx([0.22, 0.01])
