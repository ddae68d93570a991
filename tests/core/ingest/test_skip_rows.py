"""Leave out the rows with errors (desktop/core/ingest/skip.py): hand-computed files."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.core.ingest.drops import reason_text
from desktop.core.ingest.load import load_file, load_file_and_plan, load_files
from desktop.core.ingest.skip import LEFT_OUT_CODE, LEFT_OUT_REASON, rows_left_out
from desktop.core.problems import Severity

HEADER = "mineral,country,year,quantity,unit\n"
# spreadsheet rows 2..6; row 3 has a text for a quantity, row 5 a negative one
BROKEN = HEADER + ("cobalt,Australia,2020,100,t\n"
                   "cobalt,Australia,2021,abc,t\n"
                   "cobalt,Australia,2022,300,t\n"
                   "cobalt,Australia,2023,-5,t\n"
                   "cobalt,Chile,2023,50,t\n")
FILES = Path(__file__).parent / "files"


def write(tmp_path, name, text) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def left_out(preview) -> list[dict]:
    return [d for d in preview.dropped if d["reason_code"] == LEFT_OUT_REASON]


def test_without_the_flag_nothing_changes(tmp_path):
    path = write(tmp_path, "broken.csv", BROKEN)
    preview, plan = load_file_and_plan(path)
    assert not preview.ok
    errors = [(p.code, p.row, p.column, p.value) for p in preview.problems.errors]
    assert errors == [("not_a_number", 3, "quantity", "abc"), ("negative", 5, "quantity", "-5")]
    # the template keeps the negative row (the import is blocked anyway) and nothing is listed as dropped
    assert preview.tables["production"]["quantity"].tolist() == [100, 300, -5, 50]
    assert preview.dropped == []
    # ... but says what the fix would do: 2 errors, both on a row, 2 rows
    assert (plan.errors, plan.blocking, plan.rows, plan.applied, plan.possible) == (2, 0, 2, False, True)
    assert [(p.code, p.row) for p in load_file(path).problems.errors] == [("not_a_number", 3), ("negative", 5)]


def test_the_rows_with_errors_are_left_out_and_listed(tmp_path):
    path = write(tmp_path, "broken.csv", BROKEN)
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert preview.ok and not preview.problems.errors
    production = preview.tables["production"]
    assert len(production) == 3
    assert list(zip(production["year"], production["country"], production["quantity"])) == [
        (2020, "AUS", 100), (2022, "AUS", 300), (2023, "CHL", 50)]
    # each error is now a warning that keeps where it is and what was found / expected
    warnings = [p for p in preview.problems if p.code == LEFT_OUT_CODE]
    assert [(p.severity, p.file, p.sheet, p.row, p.column, p.value) for p in warnings] == [
        (Severity.WARNING, "broken.csv", "", 3, "quantity", "abc"),
        (Severity.WARNING, "broken.csv", "", 5, "quantity", "-5")]
    assert [p.message for p in warnings] == ["Row left out because: Text where a number belongs",
                                             "Row left out because: Negative quantity"]
    assert warnings[1].text("zh") == "该行未导入，原因：数量为负数"
    assert str(warnings[1].expected) == "zero or more"
    assert warnings[0].format().startswith("WARNING broken.csv, row 3, column 'quantity': Row left out because:")
    # the rows are listed as dropped, with a reason code and its parameters (Chinese on request)
    entries = left_out(preview)
    assert [(d["file"], d["sheet"], d["row"], d["rows"], d["count"]) for d in entries] == [
        ("broken.csv", "", 3, [3], 1), ("broken.csv", "", 5, [5], 1)]
    assert entries[1]["reason"] == "row with an error, left out on request: Negative quantity"
    assert reason_text(entries[1], "zh") == "有错误的行，按要求未导入：数量为负数"
    assert rows_left_out(preview.dropped) == 2
    # rows read (5) = rows imported (3) + rows left out (2)
    assert len(production) + sum(d["count"] for d in preview.dropped) == 5
    assert (plan.errors, plan.blocking, plan.rows, plan.applied) == (2, 0, 2, True)
    assert preview.sheets[0].tables == {"production": 3}
    # what ``critmin validate -v`` prints
    lines = preview.summary_lines(verbose=True)
    assert lines[-3:] == ["  rows left out: 2",
                          "          1 row with an error, left out on request: Text where a number belongs",
                          "          1 row with an error, left out on request: Negative quantity"]


def test_load_files_passes_the_flag(tmp_path):
    path = write(tmp_path, "broken.csv", BROKEN)
    dataset, previews = load_files([path], leave_out_error_rows=True)
    assert previews[0].ok and len(dataset.tables["production"]) == 3


def test_a_conflicting_duplicate_pair_leaves_both_rows_out(tmp_path):
    path = write(tmp_path, "dup.csv", HEADER + "cobalt,Australia,2020,100,t\n"
                                               "cobalt,Australia,2021,200,t\n"
                                               "cobalt,Australia,2021,250,t\n"
                                               "cobalt,Chile,2023,50,t\n")
    refused = load_file(path)
    assert [(p.code, p.row) for p in refused.problems.errors] == [("conflicting_duplicate", 3)]
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert preview.ok and plan.rows == 2
    assert sorted(preview.tables["production"]["year"].tolist()) == [2020, 2023]
    [warning] = [p for p in preview.problems if p.code == LEFT_OUT_CODE]
    assert warning.row == 3 and "appears in rows 3, 4 with different values" in warning.message
    [entry] = left_out(preview)
    assert (entry["rows"], entry["count"]) == ([3, 4], 2)


def test_an_unknown_name_leaves_every_row_that_carries_it_out(tmp_path):
    # the error names the first row of 'Narnia' (row 3) and says "2 rows": rows 3 and 5 both go
    path = write(tmp_path, "unknown.csv", HEADER + "cobalt,Australia,2020,100,t\n"
                                                   "cobalt,Narnia,2021,200,t\n"
                                                   "cobalt,Australia,2022,250,t\n"
                                                   "cobalt,narnia,2023,50,t\n"
                                                   "cobalt,Chile,2023,50,t\n")
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert preview.ok and plan.rows == 2
    assert len(preview.tables["production"]) == 3
    [entry] = left_out(preview)
    assert (entry["rows"], entry["count"]) == ([3, 5], 2)


def test_more_errors_than_are_listed_are_all_left_out(tmp_path):
    # 30 negative quantities (rows 2–31) and 30 texts (rows 32–61): the problems list 20 of each and a
    # summary line, the fix leaves out all 60 rows; row 62 is imported
    lines = [f"cobalt,Australia,{1990 + i},{-i - 1},t" for i in range(30)]
    lines += [f"cobalt,Chile,{1990 + i},x{i},t" for i in range(30)]
    lines.append("cobalt,Peru,2020,5,t")
    path = write(tmp_path, "many.csv", HEADER + "\n".join(lines) + "\n")
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert preview.ok
    assert preview.tables["production"]["country"].tolist() == ["PER"]
    entries = {d["params"]["reason"]: d for d in left_out(preview)}
    assert {k: v["count"] for k, v in entries.items()} == {"Negative quantity": 30,
                                                            "Text where a number belongs": 30}
    assert entries["Negative quantity"]["rows"] == list(range(2, 22))       # the first 20 listed
    assert plan.rows == 60 == rows_left_out(preview.dropped)


def test_rows_the_reader_already_left_out_are_not_counted_twice():
    # WMD: the unknown country 'Atlantis' (row 4) was already left out and listed by the reader
    path = FILES / "wmd_cobalt_wide.csv"
    before = load_file(path)
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert not before.ok and preview.ok
    assert [(p.code, p.row) for p in preview.problems if p.code == LEFT_OUT_CODE] == [(LEFT_OUT_CODE, 4)]
    assert plan.rows == 0 and rows_left_out(preview.dropped) == 0
    assert preview.dropped == before.dropped
    assert len(preview.tables["production"]) == len(before.tables["production"])


def test_a_row_partly_read_is_left_out_whole(tmp_path):
    # an analyst's wide table: row 3 has a text for 2020 (that value was already left out, listed by the
    # reader) and 400 for 2021; row 4 has a negative 2020 value.  The fix leaves out the 2021 value of
    # row 3 and both values of row 4: 3 values, as the reader counts them.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "镍产量"
    for row in (["国家", "2020年", "2021年"], ["印度尼西亚", 1234, 1500], ["菲律宾", "about 300", 400],
                ["澳大利亚", -5, 7]):
        sheet.append(row)
    path = tmp_path / "nickel.xlsx"
    book.save(path)
    before = load_file(path)
    assert len(before.tables["production"]) == 5
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert preview.ok
    assert sorted(preview.tables["production"]["quantity"].tolist()) == [1234, 1500]
    assert [(d["rows"], d["count"]) for d in left_out(preview)] == [([3], 1), ([4], 2)]
    assert plan.rows == 3 == len(before.tables["production"]) - len(preview.tables["production"])


def test_an_error_that_names_no_row_stays_an_error(tmp_path):
    # a workbook: 'production' lacks its year column (a file-level error), 'reserves' has a negative value
    book = openpyxl.Workbook()
    book.remove(book.active)
    prod = book.create_sheet("production")
    for row in (["mineral", "country", "quantity", "unit"], ["cobalt", "Australia", 100, "t"]):
        prod.append(row)
    res = book.create_sheet("reserves")
    for row in (["mineral", "country", "year", "reserves", "unit"], ["cobalt", "Australia", 2023, -1, "t"],
                ["cobalt", "Chile", 2023, 5, "t"]):
        res.append(row)
    path = tmp_path / "two.xlsx"
    book.save(path)
    preview, plan = load_file_and_plan(path)
    assert (plan.errors, plan.blocking, plan.possible) == (1, 1, False)
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert not preview.ok
    assert [(p.code, p.sheet, p.column) for p in preview.problems.errors] == [("missing_column", "production", "year")]
    assert [(p.code, p.sheet, p.row) for p in preview.problems if p.code == LEFT_OUT_CODE] == [
        (LEFT_OUT_CODE, "reserves", 2)]
    assert not plan.possible


@pytest.mark.parametrize("name, text, code", [
    ("notes.csv", "just,some\nwords,here\n", "not_recognised"),
    ("empty.xlsx", None, "unreadable"),
])
def test_a_file_level_error_stays_an_error(tmp_path, name, text, code):
    path = tmp_path / name
    path.write_bytes(b"not a workbook") if text is None else path.write_text(text, encoding="utf-8")
    preview, plan = load_file_and_plan(path, leave_out_error_rows=True)
    assert not preview.ok and [p.code for p in preview.problems.errors] == [code]
    assert (plan.errors, plan.rows, plan.possible) == (0, 0, False) and plan.blocking == 1
    assert preview.dropped == []
