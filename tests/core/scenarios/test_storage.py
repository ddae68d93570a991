"""The scenarios table: template sheet round trip, the project store (and its migration), the typed cells,
and the ``scenario <name>`` sheets of ``critmin compute``."""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from desktop.core.dataset import Dataset, conform
from desktop.core.errors import CellError
from desktop.core.export.data_workbook import write_data_workbook
from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.scenarios import Change, Scenario, from_rows, to_rows
from desktop.core.scenarios.seeds import SEEDS
from desktop.core.store import Project, schema
from desktop.core.store.cells import format_cell, parse_cell


def load(path) -> Dataset:
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems.errors]
    return preview_dataset(preview)


def test_seeds_round_trip_through_the_template(tmp_path):
    rows = to_rows(SEEDS)
    write_data_workbook(Dataset(tables={"scenarios": rows}), tmp_path / "a.xlsx")
    back = load(tmp_path / "a.xlsx").get("scenarios")
    assert from_rows(back) == sorted(SEEDS, key=lambda s: s.name)
    write_data_workbook(Dataset(tables={"scenarios": back}), tmp_path / "b.xlsx")
    a = [list(r) for r in load_workbook(tmp_path / "a.xlsx")["scenarios"].iter_rows(values_only=True)]
    b = [list(r) for r in load_workbook(tmp_path / "b.xlsx")["scenarios"].iter_rows(values_only=True)]
    assert a == b and a[0][:3] == ["scenario", "change_no", "type"]
    assert b[1][6] is None or isinstance(b[1][6], int)                 # a year, not 2020.0


def test_chinese_sheet_aliases_and_implied_factor(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "情景"
    ws.append(["情景名称", "类型", "矿种", "国家", "系数", "理由"])
    ws.append(["禁止出口镓", "出口禁令", "镓", "中国", None, "示例"])
    ws.append(["禁止出口镓", "出口禁令", "锗", "中国", None, "示例"])
    wb.save(tmp_path / "zh.xlsx")
    [s] = from_rows(load(tmp_path / "zh.xlsx").get("scenarios"))
    assert s.name == "禁止出口镓" and s.rationale == "示例"
    assert [(c.type, c.mineral, c.country, c.factor) for c in s.changes] == [
        ("exports", "gallium", "CHN", 0.0), ("exports", "germanium", "CHN", 0.0)]


def test_bad_cells_are_reported(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "scenarios"
    ws.append(["scenario", "type", "mineral", "country", "factor"])
    ws.append(["a", "tariff", "cobalt", "COD", 0.5])
    ws.append(["b", "production", "cobalt", None, 0.5])
    ws.append(["c", "demand", "lithium", None, -1])
    wb.save(tmp_path / "bad.xlsx")
    preview = load_file(tmp_path / "bad.xlsx")
    codes = sorted({p.code for p in preview.problems.errors})
    assert codes == ["bad_factor", "bad_type", "missing_country"]


def test_store_keeps_scenarios(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import({"scenarios": to_rows(SEEDS)}, {"file": "s.xlsx", "sha256": "s"})
        stored = p.dataset().get("scenarios")
    assert from_rows(stored) == sorted(SEEDS, key=lambda s: s.name)
    assert stored["change_no"].dtype == "int64"


def test_version_1_file_gets_the_scenarios_table(tmp_path):
    path = tmp_path / "old.critmin"
    with Project.open(path, create=True) as p:
        p.con.execute("DROP TABLE events")
        p.con.execute("DROP TABLE scenarios")
        p.con.execute("PRAGMA user_version = 1")
    with Project.open(path) as p:
        assert p.counts()["scenarios"] == 0
        p.write_import({"scenarios": to_rows(SEEDS[:1])}, {"file": "s.xlsx", "sha256": "s"})
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_typed_cells():
    assert parse_cell("scenarios", "type", "export ban") == "exports"
    assert parse_cell("scenarios", "type", "需求") == "demand"
    assert parse_cell("scenarios", "change_no", "3") == 3
    assert np.isnan(parse_cell("scenarios", "from_year", ""))
    assert parse_cell("scenarios", "target_year", "2040年") == 2040.0
    assert parse_cell("scenarios", "country", "") == ""
    assert parse_cell("scenarios", "country", "DR Congo") == "COD"
    assert parse_cell("scenarios", "factor", "0.5") == 0.5
    for column, text in (("type", "tariff"), ("change_no", "0"), ("from_year", "soon"), ("factor", "")):
        with pytest.raises(CellError):
            parse_cell("scenarios", column, text)
    assert format_cell("scenarios", "change_no", 2) == "2"
    assert format_cell("scenarios", "from_year", float("nan")) == ""
    assert parse_cell("events", "type", "export ban") == "export_ban"          # events keep their own types


def test_from_rows_orders_changes_and_keeps_rationale():
    s = Scenario("x", (Change("production", "cobalt", "COD", 0.5), Change("exports", "nickel", "IDN", 0)),
                 rationale="r", source="s")
    rows = to_rows(s).iloc[::-1]
    assert from_rows(conform("scenarios", rows)) == [s]


def test_results_workbook_scenario_sheets(tmp_path, monkeypatch):
    """``critmin compute --scenario NAME`` adds the sheet ``scenario NAME`` after the others; ``all`` every one;
    an unknown name is a usage error.  The alerts are stubbed: this test is about the scenario sheets."""
    from desktop import cli
    from desktop.core import alerts

    monkeypatch.setattr(alerts, "compute_alerts", lambda *a, **k: None)
    prod = pd.DataFrame({"mineral": "cobalt", "country": ["COD", "AUS", "IDN"], "year": 2023, "stage": "mine",
                         "quantity": [100.0, 50.0, 50.0], "unit": "t"})
    data = Dataset(tables={"production": conform("production", prod), "scenarios": to_rows(SEEDS)})
    write_data_workbook(data, tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    assert cli.main(["compute", str(tmp_path / "in.xlsx"), "-o", str(out), "--scenario",
                     "DR Congo cobalt output −50 %"]) == 0
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames[-1] == "scenario DR Congo cobalt output −5"[:31]
    rows = list(wb[wb.sheetnames[-1]].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:7] == ["mineral", "mineral_zh", "year", "stage", "country", "metric", "baseline"]
    hhi = next(r for r in rows[1:] if r[header.index("metric")] == "HHI")
    assert hhi[header.index("baseline")] == pytest.approx(0.375)
    assert hhi[header.index("scenario")] == pytest.approx(1 / 3)
    assert hhi[header.index("change")] == "better"
    assert hhi[header.index("scenario_name")] == "DR Congo cobalt output −50 %"      # the sheet name is cut
    assert cli.main(["compute", str(tmp_path / "in.xlsx"), "-o", str(out), "--scenario", "all"]) == 0
    assert sum(n.startswith("scenario ") for n in load_workbook(out, read_only=True).sheetnames) == len(SEEDS)
    assert cli.main(["compute", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "x.xlsx"), "--scenario", "nope"]) \
        == cli.EXIT_USAGE


PARTNER_BAN = Scenario("China bans gallium to the US and Japan",
                       (Change("exports", "gallium", "CHN", 0.0, partners=("USA", "JPN")),
                        Change("production", "gallium", "CHN", 0.9)), "licensing", "MOFCOM")


def test_partners_round_trip_through_the_template_and_the_store(tmp_path):
    rows = to_rows([PARTNER_BAN, *SEEDS])
    assert list(rows["partners"])[:2] == ["USA;JPN", ""]
    write_data_workbook(Dataset(tables={"scenarios": rows}), tmp_path / "a.xlsx")
    sheet = [list(r) for r in load_workbook(tmp_path / "a.xlsx")["scenarios"].iter_rows(values_only=True)]
    assert sheet[0][-2:] == ["partners", "event"]
    back = load(tmp_path / "a.xlsx").get("scenarios")
    assert from_rows(back) == sorted([PARTNER_BAN, *SEEDS], key=lambda s: s.name)
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import({"scenarios": back}, {"file": "a.xlsx", "sha256": "a"})
        assert find_partners(p.dataset().get("scenarios")) == {"USA;JPN"}
    with sqlite3.connect(tmp_path / "p.critmin") as con:
        assert "partners" in {r[1] for r in con.execute("PRAGMA table_info(scenarios)")}


def find_partners(frame) -> set:
    return {v for v in frame["partners"] if v}


def test_partner_names_in_a_chinese_sheet_and_typed_cells(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "情景"
    ws.append(["情景名称", "类型", "矿种", "国家", "系数", "出口对象"])
    ws.append(["对美禁运镓", "出口禁令", "镓", "中国", None, "美国；日本"])
    ws.append(["对美禁运镓", "减产", "镓", "中国", 0.5, "美国"])           # not an export change: dropped
    wb.save(tmp_path / "zh.xlsx")
    [s] = from_rows(load(tmp_path / "zh.xlsx").get("scenarios"))
    assert s.changes[0].partners == ("USA", "JPN") and s.changes[1].partners == ()
    assert parse_cell("scenarios", "partners", "United States; 日本") == "USA;JPN"
    assert parse_cell("scenarios", "partners", "") == ""
    with pytest.raises(CellError):
        parse_cell("scenarios", "partners", "USA; Atlantis")
    assert format_cell("scenarios", "partners", "USA;JPN") == "USA;JPN"


def test_an_unknown_partner_is_reported(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "scenarios"
    ws.append(["scenario", "type", "mineral", "country", "factor", "partners"])
    ws.append(["a", "exports", "gallium", "CHN", 0, "USA; Atlantis"])
    wb.save(tmp_path / "bad.xlsx")
    preview = load_file(tmp_path / "bad.xlsx")
    assert preview.problems.errors
