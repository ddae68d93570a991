"""The report workbook: the Overview with its fills and number formats, one sheet and one native line
chart per indicator, the threshold a dashed series, text cells always text."""
import posixpath
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest

from desktop.core.export.report_workbook import IndicatorSection, OverviewTable, Report, threshold_name, write_report

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
RED, GREEN = "FFFFC7CE", "FFC6EFCE"


def report() -> Report:
    overview = OverviewTable(
        headers=["矿种 Mineral", "D", "R", "top producer", "top share", "note"],
        rows=[["钴 Cobalt", 0.8, 0.245, "COD", 0.7, "=HYPERLINK(\"http://evil\")"],
              ["锂 Lithium", 0.3, None, "AUS", 0.5, "-"],
              ["稀土 Rare earths", 1.0, 0.61, "CHN", 0.69, "@SUM(A1)"]],
        fills=[[None, "above", "below", None, None, None],
               [None, "below", "above", None, None, None],
               [None, "above", "above", None, None, None]],
        number_formats=[None, "0.00", "0.00", None, "0%", None],
        legend=[("above", "≥ 阈值 at or above the threshold"), ("below", "< 阈值 below the threshold")])
    years = [2019, 2020, 2021, 2022, 2023]
    return Report(
        title="关键矿产 Critical minerals — EU 2024",
        subtitle=["List: EU 2024", "Year: 2023", "Assessed country: China", "Window 5 · WGI ±2.5"],
        overview=overview,
        indicators=[
            IndicatorSection(sheet="Supply risk R", title="供应风险 Supply risk R", unit="R (0–1)", years=years,
                             series=[("钴 Cobalt", [0.2, 0.22, None, 0.24, 0.245]),
                                     ("锂 Lithium", [0.1, 0.12, 0.13, None, None])],
                             threshold=0.2, threshold_label="Threshold", number_format="0.00"),
            IndicatorSection(sheet="进口依赖度 D: [share]?", title="进口依赖度 D", unit="D", years=years,
                             series=[("钴 Cobalt", [0.8] * 5)], threshold=0.5, threshold_label="阈值（{value}）",
                             number_format="0%", year_label="年份"),
            IndicatorSection(sheet="HHI", title="HHI", unit="HHI", years=years,
                             series=[("钴 Cobalt", [0.5, 0.52, 0.53, 0.55, 0.53])]),
        ])


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the package."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    return {s.get("name"): posixpath.join("xl", rels[s.get(f"{{{NS['r']}}}id")])
            for s in wb.find("m:sheets", NS)}


def related(z: zipfile.ZipFile, part: str, kind: str) -> list[str]:
    """The parts ``part`` points to whose relationship type ends with ``kind``."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in z.namelist():
        return []
    return [posixpath.normpath(posixpath.join(folder, r.get("Target")))
            for r in ET.fromstring(z.read(rels)) if r.get("Type").endswith("/" + kind)]


def charts_of(z: zipfile.ZipFile, sheet_part: str) -> list[ET.Element]:
    return [ET.fromstring(z.read(chart)) for drawing in related(z, sheet_part, "drawing")
            for chart in related(z, drawing, "chart")]


@pytest.fixture
def path(tmp_path):
    out = tmp_path / "report.xlsx"
    written = write_report(out, report())
    assert list(written) == ["Overview", "Supply risk R", "进口依赖度 D_ _share__", "HHI"]
    return out


def test_overview_fills_formats_and_text(path):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Overview" and wb.active.title == "Overview"
    ws = wb["Overview"]
    assert ws["A1"].value == "关键矿产 Critical minerals — EU 2024" and ws["A1"].font.b
    assert [ws.cell(row=r, column=1).value for r in range(2, 6)] == report().subtitle
    header = 7                                                        # title, 4 lines, a blank row
    assert [c.value for c in ws[header]] == report().overview.headers
    body = [list(r) for r in ws.iter_rows(min_row=header + 1, max_row=header + 3)]
    assert [c.value for c in body[0]] == ["钴 Cobalt", 0.8, 0.245, "COD", 0.7, "=HYPERLINK(\"http://evil\")"]
    assert body[1][2].value is None
    for row in body:
        assert all(c.data_type == "s" for c in (row[0], row[3], row[5]))
        assert all(c.data_type == "n" for c in (row[1], row[4]))
    expected = report().overview.fills
    colour = {"above": RED, "below": GREEN}
    for r, row in enumerate(body):
        for c, cell in enumerate(row):
            if expected[r][c] is None:
                assert cell.fill.fill_type is None, cell.coordinate
            else:
                assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == colour[expected[r][c]]
    assert body[1][2].fill.fgColor.rgb == RED                         # an empty cell keeps its fill
    assert body[0][1].number_format == "0.00" and body[0][4].number_format == "0%"
    assert body[0][3].number_format == "General"
    legend = [c for c in ws[header + 5] if c.value is not None]
    assert [(c.value, c.fill.fgColor.rgb) for c in legend] == [("≥ 阈值 at or above the threshold", RED),
                                                                 ("< 阈值 below the threshold", GREEN)]
    assert ws.freeze_panes == f"B{header + 1}"


def test_indicator_sheets_hold_their_values(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["Supply risk R"]
    assert ws["A1"].value == "供应风险 Supply risk R" and ws["A2"].value == "R (0–1)"
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert list(rows[0][:4]) == ["Year", "钴 Cobalt", "锂 Lithium", "Threshold = 0.20"]
    assert [r[:4] for r in rows[1:6]] == [(2019, 0.2, 0.1, 0.2), (2020, 0.22, 0.12, 0.2), (2021, None, 0.13, 0.2),
                                          (2022, 0.24, None, 0.2), (2023, 0.245, None, 0.2)]
    assert ws["B5"].number_format == "0.00" and ws["B5"].data_type == "n"
    d = wb["进口依赖度 D_ _share__"]
    assert [c.value for c in d[4]][:3] == ["年份", "钴 Cobalt", "阈值（50%）"]
    assert [c.value for c in wb["HHI"][4]] == ["Year", "钴 Cobalt"]                  # no threshold column


def test_one_native_line_chart_per_indicator(path):
    with zipfile.ZipFile(path) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 3
        parts = sheet_parts(z)
        assert charts_of(z, parts["Overview"]) == []
        for sheet, minerals, threshold in (("Supply risk R", 2, True), ("进口依赖度 D_ _share__", 1, True),
                                           ("HHI", 1, False)):
            (chart,) = charts_of(z, parts[sheet])
            (line,) = chart.findall(".//c:plotArea/c:lineChart", NS)
            series = line.findall("c:ser", NS)
            assert len(series) == minerals + threshold
            quoted = "'" + sheet.replace("'", "''") + "'" if not sheet.isalnum() else sheet
            for i, ser in enumerate(series):
                col = "ABCDEFG"[i + 1]
                assert ser.find("c:tx/c:strRef/c:f", NS).text == f"{quoted}!${col}$4"
                assert ser.find("c:cat/c:numRef/c:f", NS).text == f"{quoted}!$A$5:$A$9"
                assert ser.find("c:val/c:numRef/c:f", NS).text == f"{quoted}!${col}$5:${col}$9"
            if sheet == "Supply risk R":                  # a missing year is left out of the cache: a gap, not 0
                cached = {int(pt.get("idx")): pt.find("c:v", NS).text
                          for pt in series[0].findall("c:val/c:numRef/c:numCache/c:pt", NS)}
                assert cached == {0: "0.2", 1: "0.22", 3: "0.24", 4: "0.245"}
            dashes = [ser.find("c:spPr/a:ln/a:prstDash", NS) for ser in series]
            assert [d is not None and d.get("val") == "dash" for d in dashes] == [False] * minerals + [True] * threshold
            if threshold:
                name = series[-1].find("c:tx/c:strRef/c:strCache/c:pt/c:v", NS).text
                assert name in ("Threshold = 0.20", "阈值（50%）")
            title = "".join(t.text for t in chart.findall("c:chart/c:title//a:t", NS))
            assert title in ("供应风险 Supply risk R", "进口依赖度 D", "HHI")
            axis_titles = ["".join(t.text for t in ax.findall("c:title//a:t", NS))
                           for ax in chart.findall(".//c:plotArea/*", NS) if ax.tag.endswith(("catAx", "valAx"))]
            assert axis_titles[0] in ("Year", "年份") and axis_titles[1] in ("R (0–1)", "D", "HHI")
            assert chart.find("c:chart/c:legend/c:legendPos", NS).get("val") == "b"
            blanks = chart.find("c:chart/c:dispBlanksAs", NS)          # absent: Excel leaves a gap
            assert blanks is None or blanks.get("val") == "gap"


def test_threshold_names_and_refusals(tmp_path):
    s = IndicatorSection(sheet="x", title="x", unit="", years=[2020], series=[], threshold=0.5)
    assert threshold_name(s) == "0.5"
    s.threshold_label, s.number_format = "Threshold", "0.0%"
    assert threshold_name(s) == "Threshold = 50.0%"
    bad = report()
    bad.overview.fills[0][1] = "red"
    with pytest.raises(ValueError, match="red"):
        write_report(tmp_path / "bad.xlsx", bad)
    bad = report()
    bad.indicators[0].series[0] = ("钴 Cobalt", [0.1])
    with pytest.raises(ValueError, match="1 values for 5 years"):
        write_report(tmp_path / "bad.xlsx", bad)
    bad = report()
    bad.overview.rows[0].append(1)
    with pytest.raises(ValueError):
        write_report(tmp_path / "bad.xlsx", bad)
    assert list(tmp_path.iterdir()) == []
    # an indicator without years or series still gets its sheet, with no empty chart
    empty = Report(title="t", subtitle=[], overview=OverviewTable(headers=["a"], rows=[]),
                   indicators=[IndicatorSection(sheet="E", title="E", unit="u", years=[], series=[])])
    out = tmp_path / "empty.xlsx"
    write_report(out, empty)
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/charts/")]
    assert openpyxl.load_workbook(out).sheetnames == ["Overview", "E"]
