"""The template's content_factors sheet (issue 9, item 5): read in English and Chinese, bad cells named by row and
column, stored in a project, written back by the data workbook; and the project file's version 3 → 4 migration
(the trade and content_factors tables, usgs_nir's import_sources and note columns)."""
from __future__ import annotations

import sqlite3

import openpyxl
import pandas as pd
import pytest

from desktop.core.dataset import Dataset, conform
from desktop.core.export.data_workbook import template_frames, write_data_workbook
from desktop.core.ingest.load import load_file
from desktop.core.store import Project


def _book(tmp_path, name: str, sheet: str, rows: list[list]) -> str:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    wb.save(path)
    return str(path)


def test_english_and_chinese_sheets(tmp_path):
    en = load_file(_book(tmp_path, "en.xlsx", "content_factors", [
        ["hs_code", "mineral", "share", "basis", "source"],
        ["2822.00", "Cobalt", 0.6, "Co content", "analyst: oxides"],
        [251110, "Barite", 1, "product", None],
        ["28220010", "cobalt", "0.7342", "Co", "China line 2822.00.10"]]))
    assert en.ok, [p.format() for p in en.problems]
    cf = en.tables["content_factors"].set_index("hs_code")
    assert list(cf.index) == ["282200", "251110", "28220010"]
    assert cf.loc["282200", "basis"] == "Co" and cf.loc["282200", "share"] == 0.6
    assert cf.loc["251110", "source"] == "analyst" and cf.loc["251110", "basis"] == "product"
    assert cf.loc["28220010", "share"] == pytest.approx(0.7342)
    zh = load_file(_book(tmp_path, "zh.xlsx", "含量系数", [
        ["HS编码", "矿种", "含量系数", "口径", "来源"], ["283691", "锂", 0.1879, "Li", "化学式 Li2CO3"],
        ["280530", "稀土", 1.1664, "reo", ""]]))
    assert zh.ok
    cf = zh.tables["content_factors"].set_index("hs_code")
    assert cf.loc["283691", "mineral"] == "lithium" and cf.loc["280530", "basis"] == "REO"


def test_bad_cells_are_named_by_row_and_column(tmp_path):
    p = load_file(_book(tmp_path, "bad.xlsx", "content_factors", [
        ["hs_code", "mineral", "share", "basis", "source"],
        ["abc", "cobalt", 0.3, "Co", ""],
        ["810510", "cobalt", 0, "Co", ""],
        ["810510", "cobalt", "W", "Co", ""],
        ["810510", "cobalt", 0.3, "cobalt oxide", ""],
        ["810510", "Unobtainium", 0.3, "Co", ""]]))
    assert not p.ok
    errors = {(e.code, e.row, e.column) for e in p.problems.errors}
    assert {("bad_hs_code", 2, "hs_code"), ("bad_share", 3, "share"), ("bad_share", 4, "share"),
            ("bad_basis", 5, "basis")} <= errors
    assert any(e.row == 6 and e.column == "mineral" for e in p.problems.errors)
    text = p.problems.errors[0].format()
    assert "bad.xlsx" in text and "content_factors" in text and "row 2" in text and "hs_code" in text
    assert "找到" in p.problems.errors[0].format("zh") or "实际为" in p.problems.errors[0].format("zh")


def test_missing_basis_column_is_refused(tmp_path):
    p = load_file(_book(tmp_path, "nob.xlsx", "content_factors", [["hs_code", "mineral", "share"],
                                                                    ["810510", "cobalt", 0.3]]))
    assert not p.ok and any(e.code == "missing_column" and e.column == "basis" for e in p.problems.errors)


def test_stored_in_a_project_and_written_back(tmp_path):
    p = load_file(_book(tmp_path, "cf.xlsx", "content_factors", [
        ["hs_code", "mineral", "share", "basis", "source"], ["282200", "cobalt", 0.6, "Co", "analyst"]]))
    with Project.open(tmp_path / "p.critmin", create=True) as proj:
        proj.write_import(p.tables, {"file": "cf.xlsx", "sha256": "c"})
        ds = proj.dataset()
    cf = ds.get("content_factors")
    assert cf[["hs_code", "mineral", "share", "basis", "source"]].values.tolist() == \
        [["282200", "cobalt", 0.6, "Co", "analyst"]]
    frames = template_frames(ds)
    assert list(frames["content_factors"].columns) == ["hs_code", "mineral", "share", "basis", "source"]
    out = tmp_path / "data.xlsx"
    write_data_workbook(ds, out)
    again = load_file(out)
    assert again.ok and again.tables["content_factors"]["hs_code"].tolist() == ["282200"]


def test_version_3_file_gets_the_trade_tables(tmp_path):
    """A version-3 project (no trade, no content_factors, usgs_nir without its two text columns) opens as
    version 4 with its rows kept, and takes the new tables."""
    from desktop.core.store import opening, schema

    nir = conform("usgs_nir", pd.DataFrame([{"mineral": "cobalt", "country": "USA", "year": 2024, "nir": 0.76}]))
    path = tmp_path / "v3.critmin"
    with Project.open(path, create=True) as p:
        p.write_import({"usgs_nir": nir}, {"file": "salient.csv", "sha256": "s"})
        p.con.execute("DROP TABLE trade")
        p.con.execute("DROP TABLE content_factors")
        p.con.execute("ALTER TABLE usgs_nir DROP COLUMN import_sources")
        p.con.execute("ALTER TABLE usgs_nir DROP COLUMN note")
        p.con.execute("PRAGMA user_version = 3")
    opening._trusted.clear()
    with Project.open(path) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        got = p.dataset().get("usgs_nir")
        assert got["nir"].tolist() == [0.76] and got["import_sources"].tolist() == [""]
        trade = conform("trade", pd.DataFrame([{"mineral": "cobalt", "year": 2023, "hs_code": "081110",
                                                "exporter": "COD", "importer": "CHN", "quantity_t": 5.0}]))
        p.write_import({"trade": trade}, {"file": "baci.csv", "sha256": "b"})
        assert p.dataset().get("trade")["hs_code"].tolist() == ["081110"]      # the leading zero kept
    with sqlite3.connect(tmp_path / "v3.v3-backup.critmin") as con:
        assert "trade" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_the_engine_reads_the_sheet(tmp_path):
    """The project's factor changes D without importing the trade again (the conversion runs at compute time)."""
    from desktop.core.metrics.engine import run
    from desktop.core.metrics.params import EngineParams
    from tests.core.metrics.test_trade_content import small

    ds = small()
    base = run(ds, EngineParams(country="CHN")).tables["import_dependency"]
    p = load_file(_book(tmp_path, "cf.xlsx", "content_factors", [
        ["hs_code", "mineral", "share", "basis"], ["810510", "cobalt", 0.9995, "Co"]]))
    ds2 = Dataset(dict(ds.tables), ds.sources)
    ds2.merge(Dataset(dict(p.tables)))
    new = run(ds2, EngineParams(country="CHN")).tables["import_dependency"]
    b = base[(base.mineral == "cobalt")]["net_imports"].iloc[0]
    n = new[(new.mineral == "cobalt")]["net_imports"].iloc[0]
    assert b == pytest.approx(420) and n == pytest.approx(0.3 * 1000 + 0.9995 * 500 - 0.9995 * 100)
