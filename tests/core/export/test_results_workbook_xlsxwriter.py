"""The results workbook on XlsxWriter: opens on summary, production_shares, the sheets the CLI reports,
continuation sheets, exact doubles, text that stays text, and the all-or-nothing save."""
import re
import zipfile

import numpy as np
import openpyxl
import pytest

from desktop.core.errors import WriteError
from desktop.core.export import results_workbook as rw
from desktop.core.export.results_workbook import SHARES_COLUMNS, write_results
from desktop.core.metrics.engine import run
from desktop.core.metrics.params import EngineParams
from tests.core.metrics.test_engine import hide_extended, small_dataset

ORDER = ["import_dependency", "market_dynamics", "governance", "supply_risk", "thresholds", "trends", "summary",
         "parameters", "sources", "production_shares"]


@pytest.fixture
def results(monkeypatch):
    hide_extended(monkeypatch)
    return run(small_dataset(), EngineParams(country="USA"))


def summary_rows(wb):
    return {r[0]: (r[1], r[2]) for r in wb["summary"].iter_rows(min_row=2, values_only=True)}


def test_opens_on_summary_and_keeps_the_sheet_order(results, tmp_path, registry):
    path = tmp_path / "r.xlsx"
    written = write_results(results, path, registry)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ORDER == list(written)
    assert wb.active.title == "summary"
    # only summary is selected: Excel opens on it, not on a group of sheets
    assert [ws.title for ws in wb if ws.sheet_view.tabSelected] == ["summary"]
    assert wb["summary"].freeze_panes == "A2"


def test_production_shares_sheet(results, tmp_path, registry):
    path = tmp_path / "r.xlsx"
    written = write_results(results, path, registry)
    shares = results.tables["production_shares"]
    assert written["production_shares"] == len(shares) == 36
    ws = openpyxl.load_workbook(path)["production_shares"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == SHARES_COLUMNS
    assert len(rows) == 1 + len(shares)
    first = dict(zip(SHARES_COLUMNS, rows[1]))
    src = shares.iloc[0]
    assert (first["mineral"], first["mineral_zh"]) == ("Cobalt", "钴")
    assert (first["year"], first["stage"], first["country"]) == (int(src.year), src.stage, src.country)
    assert first["quantity"] == src.quantity and first["share"] == src.share      # exact doubles
    assert ws.cell(row=2, column=7).data_type == "n" and ws.cell(row=2, column=5).data_type == "s"
    assert sum(r[6] for r in rows[1:] if r[0] == "Cobalt" and r[2] == 2015) == pytest.approx(1.0)
    summary = summary_rows(openpyxl.load_workbook(path))
    assert not any(k.startswith("production_shares") for k in summary)
    assert "extended tables" not in summary                    # production_shares is not an extended table


def test_production_shares_too_large_is_left_out_and_said_so(results, tmp_path, registry, monkeypatch):
    monkeypatch.setattr(rw, "SHARES_MAX_ROWS", 10)
    path = tmp_path / "r.xlsx"
    written = write_results(results, path, registry)
    wb = openpyxl.load_workbook(path)
    assert "production_shares" not in wb.sheetnames and "production_shares" not in written
    value, note = summary_rows(wb)["production_shares: not written"]
    assert value == 36 and "10" in note


def test_continuation_sheets(results, tmp_path, registry, monkeypatch):
    from desktop.core.export import table_export

    monkeypatch.setattr(rw, "MAX_ROWS", 5)
    monkeypatch.setattr(table_export, "BLOCK_ROWS", 2)             # blocks across the sheet boundaries
    path = tmp_path / "r.xlsx"
    written = write_results(results, path, registry)
    wb = openpyxl.load_workbook(path)
    n = len(results.tables["supply_risk"])                       # 12 rows → 5 + 5 + 2
    assert [written[s] for s in ("supply_risk", "supply_risk (2)", "supply_risk (3)")] == [5, 5, n - 10]
    assert "supply_risk (4)" not in written and wb.sheetnames == list(written)
    for sheet in ("supply_risk", "supply_risk (2)", "supply_risk (3)"):
        ws = wb[sheet]
        assert [c.value for c in ws[1]] == rw.CORE_SHEETS["supply_risk"][1] and ws.freeze_panes == "A2"
    rows = [r for s in ("supply_risk", "supply_risk (2)", "supply_risk (3)")
            for r in wb[s].iter_rows(min_row=2, values_only=True)]
    sr = results.tables["supply_risk"]
    assert [r[2] for r in rows] == list(sr["year"]) and [r[4] for r in rows] == list(sr["HHI"])


def test_text_stays_text_even_shaped_like_xml_and_doubles_stay_exact(results, tmp_path, registry):
    evil = '<r><t>x</t></r></is></c><c r="Z1"><f>1+1</f></c><c r="Z2" t="inlineStr"><is><r><t>y</t></r>'
    d = results.tables["import_dependency"]
    d.loc[0, "flag"] = evil
    d.loc[1, "flag"] = "=1+1"
    d.loc[2, "flag"] = " leading and trailing spaces "
    d.loc[3, "flag"] = "a & b < c > d \"quoted\""
    d.loc[0, "D"] = 0.1 + 0.2                                     # 0.30000000000000004: needs 17 digits
    d.loc[1, "D"] = 1 / 3
    d.loc[2, "D"] = np.inf                                        # not a number Excel has: an empty cell
    path = tmp_path / "r.xlsx"
    write_results(results, path, registry)
    ws = openpyxl.load_workbook(path)["import_dependency"]
    cells = [ws.cell(row=r, column=9) for r in range(2, 6)]
    assert [c.value for c in cells] == [evil, "=1+1", " leading and trailing spaces ", 'a & b < c > d "quoted"']
    assert {c.data_type for c in cells} == {"s"}
    assert ws["Z1"].value is None and ws["Z2"].value is None       # nothing injected
    assert [ws.cell(row=r, column=8).value for r in (2, 3, 4)] == [0.1 + 0.2, 1 / 3, None]
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "0.30000000000000004" in xml


def test_failed_write_leaves_the_old_file_and_nothing_else(results, tmp_path, registry, monkeypatch):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"the analyst's earlier workbook")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rw, "_summary", broken)                 # fails half way through the sheets
    with pytest.raises(WriteError, match="No space left"):
        write_results(results, path, registry)
    assert path.read_bytes() == b"the analyst's earlier workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
    with pytest.raises(WriteError):
        write_results(results, tmp_path / "missing-folder" / "r.xlsx", registry)


def test_progress_is_called_per_table(results, tmp_path, registry):
    seen = []
    write_results(results, tmp_path / "r.xlsx", registry, progress=lambda sheet, n: seen.append((sheet, n)))
    assert [s for s, _ in seen] == ORDER
    assert dict(seen)["production_shares"] == 36


# -- the command line's "wrote" line -----------------------------------------------------
GOOD = "mineral,country,year,quantity,stage,unit\nCobalt,COD,2023,170000,mine,t\nCobalt,IDN,2023,17000,mine,t\n"


def wrote_sheets(out: str) -> dict[str, int]:
    line = [x for x in out.splitlines() if x.startswith("wrote ")][-1]
    listed = re.fullmatch(r"wrote .*?\.xlsx: (.*) \(\d+\.\d+ s\)", line).group(1)
    return {name: int(n) for name, n in (item.rsplit(" ", 1) for item in listed.split(", "))}


@pytest.mark.parametrize("limit", [None, 1])
def test_cli_lists_the_sheets_written(tmp_path, capsys, monkeypatch, limit):
    from desktop import cli

    if limit is not None:
        monkeypatch.setattr(rw, "SHARES_MAX_ROWS", limit)
    src = tmp_path / "production.csv"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "results.xlsx"
    assert cli.main(["compute", str(src), "-o", str(out)]) == 0
    listed = wrote_sheets(capsys.readouterr().out)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert list(listed) == wb.sheetnames
    assert listed == {ws.title: ws.max_row - 1 for ws in wb}
    assert ("production_shares" in listed) == (limit is None)
    if limit is None:
        assert listed["production_shares"] == 2
