"""The results workbook: sheets, headers, names, empty cells, text never formulas."""

import numpy as np
import openpyxl
import pandas as pd
import pytest

from desktop.core.export.results_workbook import CORE_SHEETS, write_results
from desktop.core.metrics.engine import run
from desktop.core.metrics.params import EngineParams

from .test_engine import hide_extended, small_dataset


@pytest.fixture
def results(monkeypatch):
    hide_extended(monkeypatch)
    res = run(small_dataset(), EngineParams(country="USA"))
    # analyst text that looks like a formula must stay text
    d = res.tables["import_dependency"]
    d.loc[0, "flag"] = '=HYPERLINK("http://evil.example","click")'
    d.loc[1, "flag"] = "+cmd|' /C calc'!A0"
    res.tables["concentration"] = pd.DataFrame({"mineral": ["cobalt", "lithium"], "top1": [0.7, np.nan],
                                                "note": ["@SUM(A1)", "-1+1"]})
    res.provenance.append({"file": "=evil()", "sha256": "x", "format": "csv", "rows": {"prices": 3}})
    return res


def test_sheets_headers_and_cells(results, tmp_path, registry):
    path = tmp_path / "results.xlsx"
    write_results(results, path, registry)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["import_dependency", "market_dynamics", "governance", "supply_risk", "thresholds",
                             "trends", "summary", "parameters", "sources", "production_shares", "concentration"]
    for sheet, (_, cols) in CORE_SHEETS.items():
        ws = wb[sheet]
        assert [c.value for c in ws[1]] == cols, sheet
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width >= 8
    dep = wb["import_dependency"]
    rows = list(dep.iter_rows(min_row=2, values_only=True))
    assert rows[0][:5] == ("Cobalt", "钴", "USA", 2015, None)        # stage '' → empty cell
    # full float precision: 8/9
    cob = [r for r in rows if r[0] == "Cobalt"]
    assert cob[1][7] == 8 / 9
    # formula-looking text is a string cell, not a formula
    c = dep.cell(row=2, column=9)
    assert c.value == '=HYPERLINK("http://evil.example","click")' and c.data_type == "s"
    assert dep.cell(row=3, column=9).data_type == "s"
    conc = wb["concentration"]
    assert [c.value for c in conc[1]] == ["mineral", "mineral_zh", "top1", "note"]
    assert [c.value for c in conc[2]] == ["Cobalt", "钴", 0.7, "@SUM(A1)"]
    assert conc.cell(row=3, column=3).value is None                # NaN → empty cell
    assert conc.cell(row=3, column=4).data_type == "s"
    src = wb["sources"]
    assert src.cell(row=3, column=1).value == "=evil()" and src.cell(row=3, column=1).data_type == "s"
    gov = wb["governance"]
    assert [c.value for c in gov[2]][:3] == ["AUS", "Australia", 2015]


def test_empty_cells_are_none_not_nan_text(results, tmp_path, registry):
    path = tmp_path / "r.xlsx"
    write_results(results, path, registry)
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                assert v not in ("nan", "NaN", "None", "<NA>")
                assert not (isinstance(v, float) and np.isnan(v))
    md = wb["market_dynamics"]
    first = [c.value for c in md[2]]
    assert first[4] is None and first[6] == "incomplete_window"     # 2010 has no full window


def test_summary_and_parameters(results, tmp_path, registry):
    path = tmp_path / "r.xlsx"
    write_results(results, path, registry)
    wb = openpyxl.load_workbook(path)
    summary = {r[0]: r[1] for r in wb["summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["minerals"] == 2
    assert summary["assessed country"] == "USA"
    assert summary["D: threshold"] == 0.5
    # cobalt 8/9 ≥ 0.5 in all 6 years; lithium −3 → net exporter 0
    assert summary["D: rows ≥ threshold"] == 6
    params = {r[0]: r[1] for r in wb["parameters"].iter_rows(min_row=2, values_only=True)}
    assert params["window"] == 5 and params["country"] == "USA" and params["min_points"] is None


def test_empty_results_still_write_every_core_sheet(tmp_path, registry, monkeypatch):
    hide_extended(monkeypatch)
    from desktop.core.dataset import Dataset

    res = run(Dataset(), EngineParams())
    path = tmp_path / "e.xlsx"
    write_results(res, path, registry)
    wb = openpyxl.load_workbook(path)
    assert wb["supply_risk"].max_row == 1
    assert [c.value for c in wb["supply_risk"][1]] == CORE_SHEETS["supply_risk"][1]
