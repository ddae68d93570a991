"""Any table to xlsx or CSV: numbers stay numbers, empty is empty, text stays text, CSV is injection-safe."""
import csv
import math
from decimal import Decimal

import numpy as np
import openpyxl
import pandas as pd
import pytest

from desktop.core.errors import WriteError
from desktop.core.export import table_export
from desktop.core.export.table_export import sheet_name, write_table

CALC = "=cmd|' /C calc'!A0"
HEADERS = ["mineral", "矿种", "year", "share", "note", "flag"]


def columns():
    return [["Cobalt", "Lithium", "Rare earths", "Tungsten"],
            ["钴", "锂", "稀土", None],
            np.array([2023, 2023, 2024, 2024]),
            pd.Series([0.7, np.nan, -0.25, 0.1 + 0.2]),
            [CALC, "-note", "", "+1"],
            [True, False, None, True]]


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                        # UTF-8 BOM: Excel shows Chinese
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_xlsx_round_trip(tmp_path):
    path = write_table(tmp_path / "t.xlsx", HEADERS, columns(), sheet="Production / 产量")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Production _ 产量"]
    ws = wb.active
    assert [c.value for c in ws[1]] == HEADERS and ws.freeze_panes == "A2" and ws["A1"].font.b
    rows = [[c for c in r] for r in ws.iter_rows(min_row=2)]
    assert [[c.value for c in r] for r in rows] == [
        ["Cobalt", "钴", 2023, 0.7, CALC, True],
        ["Lithium", "锂", 2023, None, "-note", False],
        ["Rare earths", "稀土", 2024, -0.25, None, None],
        ["Tungsten", None, 2024, 0.1 + 0.2, "+1", True]]
    assert rows[0][4].data_type == "s" and rows[3][4].data_type == "s"    # formula-like text is text
    assert rows[0][2].data_type == "n" and rows[2][3].data_type == "n"    # the negative number is a number
    assert rows[0][5].data_type == "b"
    assert ws.column_dimensions["B"].width >= 8


def test_csv_round_trip_and_injection(tmp_path):
    path = write_table(tmp_path / "t.csv", HEADERS, columns())
    rows = read_csv(path)
    assert rows[0] == HEADERS
    assert rows[1] == ["Cobalt", "钴", "2023", "0.7", "'" + CALC, "TRUE"]
    assert rows[2] == ["Lithium", "锂", "2023", "", "'-note", "FALSE"]
    assert rows[3] == ["Rare earths", "稀土", "2024", "-0.25", "", ""]          # -0.25 a number: no quote
    assert rows[4] == ["Tungsten", "", "2024", "0.30000000000000004", "'+1", "TRUE"]
    for start in ("=", "+", "-", "@", "\t", "\r"):
        path = write_table(tmp_path / "x.csv", ["a"], [[start + "x"]])
        assert read_csv(path)[1] == ["'" + start + "x"]


def test_kinds(tmp_path):
    cols = [["0012", "2605", None], ["12", "-3.5", "W"], [1, 2.5, "x"]]
    path = write_table(tmp_path / "k.xlsx", ["code", "value", "any"], cols, kinds=["text", "number", "auto"])
    ws = openpyxl.load_workbook(path).active
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [["0012", 12, 1], ["2605", -3.5, 2.5],
                                                                       [None, "W", "x"]]
    assert ws["A2"].data_type == "s" and ws["B3"].data_type == "n" and ws["B4"].data_type == "s"
    rows = read_csv(write_table(tmp_path / "k.csv", ["code", "value", "any"], cols, kinds=["text", "number", "auto"]))
    assert rows[1:] == [["0012", "12", "1"], ["2605", "-3.5", "2.5"], ["", "W", "x"]]
    # a number in a text column is text, and starting with '-' it is neutralised like any text
    assert read_csv(write_table(tmp_path / "n.csv", ["t"], [[-5]], kinds=["text"]))[1] == ["'-5"]


def test_values_of_every_sort(tmp_path):
    col = [np.int64(3), np.float32(0.5), Decimal("1.25"), pd.NA, pd.NaT, float("inf"), np.bool_(True),
           pd.Timestamp("2024-05-01"), "text"]
    ws = openpyxl.load_workbook(write_table(tmp_path / "v.xlsx", ["v"], [col])).active
    assert [c.value for c in ws["A"]][1:] == [3, 0.5, 1.25, None, None, None, True, "2024-05-01 00:00:00", "text"]
    # pandas extension and categorical columns
    cols = [pd.Series([1, None, 3], dtype="Int64"), pd.Series(["a", None, "b"], dtype="category"),
            pd.Series([True, None, False], dtype="boolean")]
    ws = openpyxl.load_workbook(write_table(tmp_path / "e.xlsx", ["i", "c", "b"], cols)).active
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [[1, "a", True], [None, None, None],
                                                                       [3, "b", False]]


def test_long_tables_continue_on_further_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(table_export, "MAX_ROWS", 4)
    monkeypatch.setattr(table_export, "BLOCK_ROWS", 3)
    # the first block of the second column is all empty, the rest numbers and text
    cols = [list(range(10)), [None, None, None, 1.5, "W", None, 2, None, None, "x"]]
    path = write_table(tmp_path / "l.xlsx", ["n", "v"], cols, sheet="Data")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", "Data (2)", "Data (3)"]
    assert [(ws.title, ws.max_row) for ws in wb] == [("Data", 5), ("Data (2)", 5), ("Data (3)", 3)]
    rows = [r for ws in wb for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows == list(zip(*cols))
    assert [c.value for c in wb["Data (3)"][1]] == ["n", "v"]


def test_refusals_and_atomic_write(tmp_path):
    with pytest.raises(ValueError):
        write_table(tmp_path / "t.txt", ["a"], [[1]])
    with pytest.raises(ValueError):
        write_table(tmp_path / "t.csv", ["a", "b"], [[1]])
    with pytest.raises(ValueError):
        write_table(tmp_path / "t.csv", ["a", "b"], [[1], [1, 2]])
    with pytest.raises(ValueError):
        write_table(tmp_path / "t.csv", ["a"], [[1]], kinds=["date"])
    for name in ("taken.xlsx", "taken.csv"):
        target = tmp_path / name
        target.mkdir()                                             # as a file held open by Excel would refuse
        with pytest.raises(WriteError, match="Nothing was written"):
            write_table(target, ["a"], [[1]])
        assert target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.csv", "taken.xlsx"]   # no temporary file left


@pytest.mark.parametrize("constant_memory", [True, False])
def test_safe_sheet_keeps_rich_looking_text_literal(tmp_path, constant_memory):
    """XlsxWriter copies a text shaped like its rich-string XML into the file unescaped; SafeSheet does not,
    with or without a format, in constant-memory (inline strings) and normal (shared strings) mode."""
    from desktop.core.export.cells import add_sheet, write_xlsx

    evil = '<r><t>x</t></r></is></c><c r="C1"><f>1+1</f></c><c r="D1" t="inlineStr"><is><r><t>y</t></r>'
    sst_evil = "<r><t>x</t></r></si><si><t>shifted</t></si><si><r><t>y</t></r>"
    texts = [evil, sst_evil, "<r></r>", "<r>", "tab\there & <b>"]

    def build(wb):
        ws = add_sheet(wb, "S")
        bold = wb.add_format({"bold": True})
        for r, text in enumerate(texts):
            ws.write_string(r, 0, text)
            ws.write_string(r, 1, text, bold)
        ws.write(len(texts), 0, "=1+1")                          # write() too: strings_to_formulas is off
        ws.write_number(len(texts), 1, 0.1 + 0.2, bold)
        return "built"

    path = tmp_path / "s.xlsx"
    assert write_xlsx(path, build, constant_memory=constant_memory) == "built"
    ws = openpyxl.load_workbook(path)["S"]
    for r, text in enumerate(texts, start=1):
        assert ws.cell(row=r, column=1).value == text and ws.cell(row=r, column=2).value == text
        assert ws.cell(row=r, column=1).data_type == "s" and ws.cell(row=r, column=2).font.b
    n = len(texts) + 1
    assert ws.cell(row=n, column=1).value == "=1+1" and ws.cell(row=n, column=1).data_type == "s"
    assert ws.cell(row=n, column=2).value == 0.1 + 0.2
    assert ws.max_column == 2 and ws.max_row == n


def test_sheet_names():
    used: set[str] = set()
    assert sheet_name("a/b:c*d?e[f]g\\h", used) == "a_b_c_d_e_f_g_h"
    assert sheet_name("A/B:C*D?E[F]G\\H", used) == "A_B_C_D_E_F_G_H (2)"      # Excel ignores case
    long = "供应风险" * 10
    assert sheet_name(long, used) == long[:31]
    assert sheet_name(long, used) == long[:27] + " (2)"
    assert sheet_name("'quoted'", used) == "quoted"
    assert sheet_name("", used) == "Sheet" and sheet_name("History", used) == "History_"
    assert all(len(n) <= 31 for n in used)


def test_number_text_is_exact():
    from desktop.core.export.cells import number_text

    for x in (0.1 + 0.2, 1 / 3, 1e-300, 2.0 ** 60, -0.0, 123456789.123456789):
        assert float(number_text(x)) == x
    assert not math.isnan(float(number_text(np.float64(2.5))))
