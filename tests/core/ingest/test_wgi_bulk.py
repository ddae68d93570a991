"""The WGI bulk download of the World Bank's data catalogue (issue 9 item 1): WGIData.csv / .xlsx — Country Name,
Country Code, Indicator Name, Indicator Code, one column per year, a trailing empty column — recognised by
content whatever the file is called; only the .EST series are read, the others left out with a reason; COD and the
older ZAR both resolve to DR Congo; the companion files are not taken for data."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from desktop.core.ingest.load import load_file, preview_dataset

HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "1996", "1998", "2000", "2022",
          "2023", ""]
SERIES = [("Control of Corruption: Estimate", "CC.EST"), ("Control of Corruption: Number of Sources", "CC.NO.SRC"),
          ("Control of Corruption: Percentile Rank", "CC.PER.RNK"),
          ("Control of Corruption: Percentile Rank, Lower Bound of 90% Confidence Interval", "CC.PER.RNK.LOWER"),
          ("Control of Corruption: Percentile Rank, Upper Bound of 90% Confidence Interval", "CC.PER.RNK.UPPER"),
          ("Control of Corruption: Standard Error", "CC.STD.ERR"),
          ("Political Stability and Absence of Violence/Terrorism: Estimate", "PV.EST")]


RECENT = (("Chile", "CHL", [1.3, 1.4, 1.5, 1.0, 0.9]), ("Congo, Dem. Rep.", "COD", [-1.7, -1.8, "", -1.4, -1.5]))
OLDER = (("Chile", "CHL", [1.3, 1.4, 1.5, "", ""]), ("Congo, Dem. Rep.", "ZAR", [-1.7, -1.8, "", "", ""]))


def rows(countries=RECENT):
    out = []
    for name, code, values in countries:
        for series, sc in SERIES:
            out.append([name, code, series, sc, *[v if sc.endswith(".EST") else 7 for v in values], ""])
    return out


def write_csv(path, countries=RECENT):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows(countries))
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bulk_download_reads_the_estimates(tmp_path, kind):
    if kind == "csv":
        path = write_csv(tmp_path / "anything_called_anything.csv")
    else:
        wb = Workbook()
        ws = wb.active
        ws.title = "Data"
        ws.append(HEADER)
        for r in rows():
            ws.append([None if v == "" else v for v in r])
        path = tmp_path / "WGIData.xlsx"
        wb.save(path)
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems.errors]
    assert [sp.recogniser for sp in preview.sheets if sp.recogniser] == ["wgi"]
    gov = preview_dataset(preview).get("governance")
    assert set(gov["indicator"]) == {"CC", "PV"}
    assert set(gov["country"]) == {"CHL", "COD"}
    cc = gov[gov.indicator == "CC"].set_index(["country", "year"])["estimate"]
    assert cc[("CHL", 2023)] == pytest.approx(0.9) and cc[("COD", 1996)] == pytest.approx(-1.7)
    assert cc[("COD", 2022)] == pytest.approx(-1.4) and ("COD", 2000) not in cc.index     # an empty cell
    reasons = {str(d["reason"]) for d in preview.dropped}
    assert any("estimate" in r for r in reasons)                # the rank, source and error series, with why
    left_out = sum(len(d["rows"]) for d in preview.dropped if "estimate" in str(d["reason"]))
    assert left_out == 2 * 5                                    # 5 non-estimate series of CC per country


def test_older_release_writes_zar_for_dr_congo(tmp_path):
    preview = load_file(write_csv(tmp_path / "WGIData.csv", OLDER))
    assert preview.ok
    gov = preview_dataset(preview).get("governance")
    assert set(gov["country"]) == {"CHL", "COD"} and gov["year"].max() == 2000     # Chile has 2000


def test_companion_files_are_not_data(tmp_path):
    (tmp_path / "WGICountry.csv").write_text("Country Code,Short Name,Table Name,Long Name,2-alpha code\n"
                                             "CHL,Chile,Chile,Republic of Chile,CL\n", encoding="utf-8")
    (tmp_path / "WGISeries.csv").write_text("Series Code,Topic,Indicator Name,Short definition\n"
                                            "CC.EST,Governance,Control of Corruption: Estimate,\n", encoding="utf-8")
    for name in ("WGICountry.csv", "WGISeries.csv"):
        preview = load_file(tmp_path / name)
        assert not preview.ok and not preview.tables            # refused with a reason, nothing read as data
