"""Padding is not data (issue 9 item 4): rows whose cells are all empty are not rows read and are not reported as
unknown names — at the end of a CSV (even wider than the header) or of a sheet's used range they are cut, a blank
row inside a template table is left out as an "empty row"."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.ingest.readers import read_file

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def padded(source: Path, target: Path, lines: list[str]) -> Path:
    target.write_bytes(source.read_bytes() + "".join(lines).encode())
    return target


def summary(preview):
    return ({name: len(frame) for name, frame in preview.tables.items()}, [p.format() for p in preview.problems],
            [str(n) for n in preview.notes])


@pytest.mark.parametrize("name", ["world_data/MCS2025_World_Data.csv", "salient_commodity/mcs2025-cobal_salient.csv"])
def test_usgs_files_with_bare_comma_rows_read_as_without(tmp_path, name):
    source = SHARED / "usgs_mcs2025" / name
    if not source.exists():
        pytest.skip("the shared data are not beside the repository")
    width = source.read_text(encoding="latin-1").splitlines()[0].count(",")
    path = padded(source, tmp_path / source.name, ["," * width + "\r\n"] * 40 + ["," * (width + 6) + "\r\n"] * 2)
    [sheet] = read_file(path)
    assert sheet.meta["padding_rows"] == 42
    plain, with_padding = load_file(source), load_file(path)
    assert with_padding.ok
    assert summary(with_padding) == summary(plain)                 # same rows, problems and "rows read" notes
    assert not [p for p in with_padding.problems if "unknown" in p.code]


def test_template_csv_blank_rows(tmp_path):
    path = tmp_path / "production.csv"
    path.write_text("mineral,country,year,quantity\ncobalt,COD,2023,170000\n,,,\n , , ,\ncobalt,IDN,2023,17000\n"
                    ",,,\n,,,\n", encoding="utf-8")
    preview = load_file(path)
    assert preview.ok and len(preview.tables["production"]) == 2 and not preview.problems.errors
    # the two blank rows inside the table are left out as empty rows (rows 3 and 4); the two at the end are cut
    assert [(d["rows"], str(d["reason"])) for d in preview.dropped] == [([3, 4], "empty row")]
    assert "2 rows" in str(preview.notes[0])


def test_template_sheet_blank_rows(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "production"
    ws.append(["mineral", "country", "year", "quantity"])
    ws.append(["cobalt", "COD", 2023, 170000])
    ws.append([None] * 4)
    ws.append(["cobalt", "IDN", 2023, 17000])
    for r in range(6, 40):                   # touched cells far down the used range
        ws.cell(row=r, column=1).value = " "
    wb.save(tmp_path / "p.xlsx")
    [sheet] = read_file(tmp_path / "p.xlsx")
    assert len(sheet.frame) == 3 and sheet.meta["padding_rows"] == 35
    preview = load_file(tmp_path / "p.xlsx")
    assert preview.ok and len(preview.tables["production"]) == 2
    assert [(d["rows"], str(d["reason"])) for d in preview.dropped] == [([3], "empty row")]


def test_trade_flows_sheet_round_trips(tmp_path):
    """The template's trade_flows sheet (bilateral flows: mineral, year, stage, exporter, importer, tonnes, value)."""
    import pandas as pd

    from desktop.core.dataset import Dataset, conform
    from desktop.core.export.data_workbook import write_data_workbook

    flows = conform("trade_flows", pd.DataFrame({
        "mineral": ["cobalt", "cobalt"], "year": [2023, 2023], "stage": ["mine", "refinery"],
        "exporter": ["COD", "CHN"], "importer": ["CHN", "USA"], "quantity_t": [90000.0, 1200.5],
        "value_kusd": [2.5e6, 4.0e4]}))
    write_data_workbook(Dataset(tables={"trade_flows": flows}), tmp_path / "t.xlsx")
    preview = load_file(tmp_path / "t.xlsx")
    assert preview.ok
    back = preview_dataset(preview).get("trade_flows").sort_values("exporter").reset_index(drop=True)
    assert back[["exporter", "importer", "stage"]].values.tolist() == [["CHN", "USA", "refinery"],
                                                                       ["COD", "CHN", "mine"]]
    assert back["quantity_t"].tolist() == [1200.5, 90000.0]
    bad = tmp_path / "trade_flows.csv"
    bad.write_text("mineral,year,exporter,importer,quantity_t\ncobalt,2023,China,China,5\n", encoding="utf-8")
    [error] = load_file(bad).problems.errors
    assert error.row == 2 and error.column == "importer" and "same country" in error.message


def test_leaving_error_rows_out_does_not_count_an_empty_row_twice(tmp_path):
    """An empty row (left out by the template) beside a row with an error (left out on request): each once."""
    path = tmp_path / "production.csv"
    path.write_text("mineral,country,year,quantity\ncobalt,COD,2023,170000\n,,,\ncobalt,Narnia,2023,5\n"
                    "cobalt,IDN,2023,17000\n", encoding="utf-8")
    preview = load_file(path, leave_out_error_rows=True)
    assert preview.ok and len(preview.tables["production"]) == 2
    rows = sorted(r for d in preview.dropped for r in d["rows"])
    assert rows == [3, 4]                                    # the empty row 3 and Narnia's row 4, once each
