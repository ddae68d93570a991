"""cell_context: the cells around a problem, read again from the file (no Qt)."""
from __future__ import annotations

import pytest

from desktop.core.errors import ReadError
from desktop.core.ingest.context import cell_context, cell_text, column_letter, find_column
from desktop.core.ingest.load import load_file


def _csv(tmp_path, text: str, name: str = "production.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_row_and_column_of_a_problem_are_highlighted(tmp_path):
    lines = ["mineral,country,year,quantity,unit"]
    lines += [f"cobalt,Australia,{2000 + i},{100 + i},t" for i in range(20)]
    lines[11] = "cobalt,Australia,2010,abc,t"        # spreadsheet row 12
    path = _csv(tmp_path, "\n".join(lines) + "\n")
    problem = next(p for p in load_file(path).problems if p.code == "not_a_number")
    assert (problem.row, problem.column) == (12, "quantity")

    header, rows, (r, c) = cell_context(path, problem.sheet, problem.row, problem.column, radius=3)
    assert header == ["mineral", "country", "year", "quantity", "unit"]
    assert [n for n, _ in rows] == [9, 10, 11, 12, 13, 14, 15]
    assert rows[r][0] == 12 and rows[r][1][c] == "abc"
    assert rows[r][1][2] == "2010"                   # numbers as written, not 2010.0


def test_the_first_and_last_rows_clip_the_window(tmp_path):
    path = _csv(tmp_path, "mineral,country,year,quantity\ncobalt,AUS,2020,1\ncobalt,AUS,2021,2\ncobalt,AUS,2022,3\n")
    _, rows, (r, c) = cell_context(path, "", 2, "year", radius=3)
    assert [n for n, _ in rows] == [2, 3, 4] and (r, c) == (0, 2)
    # the header row itself (a missing column is reported there): no body row highlighted
    _, rows, (r, c) = cell_context(path, "", 1, "country")
    assert r is None and c == 1 and rows[0][0] == 2
    # a row past the end shows the last rows, none highlighted
    _, rows, (r, _) = cell_context(path, "", 99, "")
    assert r is None and rows[-1][0] == 4


def test_a_column_the_file_does_not_have_highlights_only_the_row(tmp_path):
    path = _csv(tmp_path, "Mineral,Country,Year,Quantity (t)\ncobalt,AUS,2020,1\n")
    _, _, (r, c) = cell_context(path, "", 2, "unit")
    assert (r, c) == (0, None)
    # case, spaces and a unit in brackets do not matter
    _, _, (_, c) = cell_context(path, "", 2, "quantity")
    assert c == 3


def test_a_wide_sheet_shows_the_columns_around_the_cell(tmp_path):
    header = ",".join(["country"] + [str(y) for y in range(1990, 2025)])
    body = ",".join(["AUS"] + [str(v) for v in range(35)])
    path = _csv(tmp_path, f"{header}\n{body}\n")
    ctx = cell_context(path, "", 2, "2010", column_radius=4)
    assert ctx.header == [str(y) for y in range(2006, 2015)]
    assert ctx.header[ctx.highlight[1]] == "2010" and ctx.rows[0][1][4] == "20"
    assert ctx.more_left and ctx.more_right


def test_workbook_sheets_and_row_numbers_match_the_import(shared_data):
    path = shared_data / "wgi" / "wgidataset.xlsx"
    ctx = cell_context(path, "Sheet1", 5000, "countryname", radius=2)
    assert [n for n, _ in ctx.rows] == [4998, 4999, 5000, 5001, 5002]
    assert ctx.rows[ctx.highlight[0]][0] == 5000
    assert ctx.header[ctx.highlight[1]] == "countryname"
    with pytest.raises(ReadError):
        cell_context(path, "No such sheet", 2, "")


def test_unreadable_files_raise_a_read_error(tmp_path):
    with pytest.raises(ReadError):
        cell_context(tmp_path / "missing.csv", "", 2, "")


def test_helpers():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert [cell_text(v) for v in (None, float("nan"), 2023.0, 0.5, "NA", 7)] == ["", "", "2023", "0.5", "NA", "7"]
    assert find_column(["a", "b"], "") is None and find_column(["Mineral "], "mineral") == 0
