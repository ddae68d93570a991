"""Alert rules on small hand-made results: each number chosen so the expected alert can be read by eye."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from desktop.core.alerts import COLUMNS, AlertRules, alerts_sheet, compute_alerts
from desktop.core.messages import Message
from desktop.core.metrics.engine import Results
from tests.core.chain.helpers import dataset, event

THRESHOLDS = pd.DataFrame({"metric": ["D", "M", "R"], "method": ["fixed"] * 3, "low_centre": [0.1] * 3,
                           "high_centre": [0.9] * 3, "threshold": [0.5, 0.6, 0.4]})


def _results(**tables) -> Results:
    return Results(tables={"thresholds": THRESHOLDS, **tables})


def _supply(*rows) -> pd.DataFrame:
    """rows (mineral, year, stage, R)"""
    frame = pd.DataFrame(list(rows), columns=["mineral", "year", "stage", "R"])
    return frame.assign(HHI=0.5)


def _only(frame, rule):
    return frame[frame["rule"] == rule].reset_index(drop=True)


def test_r_crossing_upward_is_high_and_downward_is_low():
    res = _results(supply_risk=_supply(("cobalt", 2021, "mine", 0.35), ("cobalt", 2022, "mine", 0.45),
                                       ("cobalt", 2023, "mine", 0.38)))
    alerts = compute_alerts(res, rules=AlertRules(worsening=False))
    assert list(alerts.columns) == COLUMNS
    assert list(alerts["year"]) == [2023, 2022]                             # newest first
    down, up = alerts.iloc[0], alerts.iloc[1]
    assert (up["severity"], up["rule"], up["indicator"], up["from_value"], up["to_value"]) == \
        ("high", "crossing", "R", 0.35, 0.45)
    assert up["key"] == {"mineral": "cobalt", "stage": "mine", "year": 2022} and up["table"] == "supply_risk"
    assert isinstance(up["what"], Message) and "0.400" in up["what"] and "0.350 → 0.450" in up["what"]
    assert "阈值" in up["what"].text("zh")
    assert (down["severity"], down["from_value"], down["to_value"]) == ("low", 0.45, 0.38)


def test_d_crossing_reads_the_assessed_country_as_percentages():
    dep = pd.DataFrame({"mineral": ["lithium"] * 4, "country": ["USA", "USA", "DEU", "DEU"],
                        "year": [2022, 2023, 2022, 2023], "stage": [""] * 4, "D": [0.4, 0.6, 0.4, 0.6]})
    alerts = compute_alerts(_results(import_dependency=dep), country="USA")
    assert len(alerts) == 1
    row = alerts.iloc[0]
    assert (row["country"], row["indicator"], row["severity"]) == ("USA", "D", "high")
    assert "40.0 % → 60.0 %" in row["what"] and "50.0 %" in row["what"]
    assert len(compute_alerts(_results(import_dependency=dep))) == 2         # no country: both countries


def test_worsening_by_amount_or_percent_and_none_below_either():
    res = _results(supply_risk=_supply(
        ("tin", 2022, "", 0.10), ("tin", 2023, "", 0.15),           # +0.05 but +50 %: by percent
        ("zinc", 2022, "", 0.20), ("zinc", 2023, "", 0.32),         # +0.12 > 0.1 (and +60 %)
        ("gold", 2022, "", 0.60), ("gold", 2023, "", 0.68),         # +0.08 and +13 %: below both
        ("lead", 2022, "", 0.90), ("lead", 2023, "", 0.80)))        # falls: never a worsening
    worse = _only(compute_alerts(res), "worsening")
    assert sorted(worse["mineral"]) == ["tin", "zinc"]
    assert set(worse["severity"]) == {"medium"}
    tin = worse[worse["mineral"] == "tin"].iloc[0]
    assert "+50" in tin["what"] and "0.050" in tin["what"]
    # percent off: only the absolute rise counts
    amount_only = _only(compute_alerts(res, rules=AlertRules(worsen_percent=0)), "worsening")
    assert list(amount_only["mineral"]) == ["zinc"]
    assert _only(compute_alerts(res, rules=AlertRules(worsen_amount=0.2, worsen_percent=70)), "worsening").empty


def test_an_upward_crossing_is_not_also_a_worsening():
    res = _results(market_dynamics=pd.DataFrame({"mineral": ["nickel"] * 2, "year": [2022, 2023], "M": [0.2, 0.9]}))
    alerts = compute_alerts(res)
    assert list(alerts["rule"]) == ["crossing"] and alerts.iloc[0]["key"] == {"mineral": "nickel", "year": 2023}


def test_a_gap_in_the_years_is_not_year_on_year():
    res = _results(supply_risk=_supply(("cobalt", 2020, "mine", 0.1), ("cobalt", 2023, "mine", 0.9)))
    assert compute_alerts(res).empty


def test_trend_rising_and_persistently_high():
    supply = _supply(("cobalt", 2021, "mine", 0.5), ("cobalt", 2023, "mine", 0.7))
    trends = pd.DataFrame({"metric": ["R", "R"], "mineral": ["cobalt", "tin"], "country": ["", ""],
                           "stage": ["mine", ""], "first_year": [2021, 2021], "last_year": [2023, 2022],
                           "trend": ["rising", "stable"], "persistently": ["persistently_high", ""]})
    alerts = _only(compute_alerts(_results(supply_risk=supply, trends=trends)), "trend")
    assert len(alerts) == 2 and set(alerts["year"]) == {2023} and set(alerts["severity"]) == {"medium"}
    assert {w.code for w in alerts["what"]} == {"alert.trend_rising", "alert.persistently_high"}
    assert (alerts.iloc[0]["from_value"], alerts.iloc[0]["to_value"]) == (0.5, 0.7)
    assert alerts.iloc[0]["key"] == {"metric": "R", "mineral": "cobalt", "country": "", "stage": "mine"}
    # insufficient data: the engine leaves the years empty (pd.NA); nothing to date an alert by
    empty = pd.DataFrame({"metric": ["R"], "mineral": ["tin"], "country": [""], "stage": [""],
                          "first_year": pd.array([pd.NA], dtype="Int64"), "last_year": pd.array([pd.NA], dtype="Int64"),
                          "trend": ["insufficient_data"], "persistently": [""]})
    assert compute_alerts(_results(trends=empty)).empty


def test_an_event_start_is_high_for_a_ban_and_medium_otherwise():
    data = dataset(events=[event("IDN", "nickel", "mining", "export_ban", 2020),
                           event("CHN", "gallium", "processing", "export_licence", 2023)])
    alerts = _only(compute_alerts(_results(), data, rules=AlertRules(matrix=False)), "event")
    assert list(alerts["year"]) == [2023, 2020]
    licence, ban = alerts.iloc[0], alerts.iloc[1]
    assert (ban["severity"], ban["country"], ban["table"]) == ("high", "IDN", "events")
    assert ban["what"] == "Export ban by Indonesia starts (Mining)"
    assert "出口禁令" in ban["what"].text("zh")
    assert licence["severity"] == "medium" and licence["key"]["type"] == "export_licence"
    assert compute_alerts(_results(), data, rules=AlertRules(event=False, matrix=False)).empty


def test_a_single_countrys_share_passing_the_level():
    shares = pd.DataFrame({"mineral": ["cobalt"] * 6, "year": [2021, 2021, 2022, 2022, 2023, 2023],
                           "stage": ["mine"] * 6, "country": ["COD", "OTHERS"] * 3,
                           "share": [0.45, 0.55, 0.52, 0.48, 0.70, 0.30]})
    alerts = compute_alerts(_results(production_shares=shares))
    assert len(alerts) == 1                                  # 2022 only: 2023 stays above, OTHERS is no country
    row = alerts.iloc[0]
    assert (row["year"], row["severity"], row["country"], row["rule"]) == (2022, "high", "COD", "share")
    assert row["what"] == "DR Congo's share of mine production passed 50.0 %: 45.0 % → 52.0 %"
    assert compute_alerts(_results(production_shares=shares), rules=AlertRules(share_level=0.6)).iloc[0]["year"] \
        == 2023


def test_a_matrix_cell_rising_a_level():
    from tests.core.chain.helpers import results as chain_results

    res = chain_results(supply=[("cobalt", 2022, "mine", 0.3, 0.5), ("cobalt", 2023, "mine", 0.5, 0.5)])
    res.tables["thresholds"] = THRESHOLDS
    alerts = _only(compute_alerts(res, dataset(), rules=AlertRules(crossing=False, worsening=False)), "matrix")
    cell = alerts[(alerts["key"].map(lambda k: (k["stream"], k["stage"], k["dimension"]))
                   == ("primary", "mining", "political"))].iloc[0]
    assert (cell["year"], cell["severity"], cell["from_value"], cell["to_value"]) == (2023, "medium", 0.3, 0.5)
    assert cell["what"] == "Risk matrix, Primary · Mining · Political: up a level, Medium-low → Medium"
    assert "whole chain" in " ".join(alerts["what"])                      # the aggregates rose with it


def test_newest_first_then_severity_and_the_filters():
    res = _results(supply_risk=_supply(("a", 2022, "", 0.3), ("a", 2023, "", 0.45), ("b", 2021, "", 0.5),
                                       ("b", 2022, "", 0.3), ("c", 2022, "", 0.1), ("c", 2023, "", 0.16)))
    alerts = compute_alerts(res)
    assert list(zip(alerts["year"], alerts["severity"])) == [(2023, "high"), (2023, "medium"), (2022, "low")]
    assert list(compute_alerts(res, minerals=["b"])["mineral"]) == ["b"]
    assert compute_alerts(res, rules=AlertRules(crossing=False, worsening=False)).empty


def test_rules_rows_and_round_trip():
    rules = AlertRules(worsen_amount=0.05, share=False)
    rows = {r["name"]: r["value"] for r in rules.to_rows()}
    assert rows["alerts.worsen_amount"] == 0.05 and rows["alerts.share"] is False
    assert all(r["description"] for r in rules.to_rows())
    assert AlertRules.from_dict(rules.to_dict()) == rules
    assert AlertRules.from_dict({"share": "false", "share_level": "0.7", "nonsense": 1}) == \
        AlertRules(share=False, share_level=0.7)


def test_the_sheet_frame_has_both_languages_and_a_text_key():
    res = _results(supply_risk=_supply(("cobalt", 2022, "mine", 0.3), ("cobalt", 2023, "mine", 0.5)))
    sheet = alerts_sheet(compute_alerts(res))
    assert sheet.iloc[0]["key"] == "mineral=cobalt; stage=mine; year=2023"
    assert "阈值" in sheet.iloc[0]["what_zh"] and type(sheet.iloc[0]["what"]) is str
    assert not math.isnan(sheet.iloc[0]["to_value"])


def test_no_results_no_alerts():
    assert list(compute_alerts(Results()).columns) == COLUMNS
    assert compute_alerts(Results()).empty
    with pytest.raises(TypeError):
        AlertRules(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)


def test_the_results_workbook_writes_the_alerts_sheet(tmp_path):
    from desktop.core.export.results_workbook import write_results
    from tests.e2e.test_compute import sheet_rows

    res = _results(supply_risk=_supply(("cobalt", 2022, "mine", 0.3), ("cobalt", 2023, "mine", 0.5)))
    written = write_results(res, tmp_path / "r.xlsx", alerts=compute_alerts(res))
    assert written["alerts"] == 1
    row = sheet_rows(tmp_path / "r.xlsx", "alerts")[0]
    assert (row["year"], row["severity"], row["mineral"], row["mineral_zh"], row["rule"]) == \
        (2023, "high", "Cobalt", "钴", "crossing")
    assert row["key"] == "mineral=cobalt; stage=mine; year=2023" and "阈值" in row["what_zh"]
    assert "alerts" not in write_results(res, tmp_path / "plain.xlsx")          # only when given


def test_critmin_compute_writes_an_alerts_sheet(tmp_path):
    from openpyxl import load_workbook

    from tests.core.helpers import write_xlsx
    from tests.e2e.test_cli import critmin
    from tests.e2e.test_compute import sheet_rows

    template = write_xlsx(tmp_path / "small.xlsx", {
        "balance": [["mineral", "country", "year", "production", "imports", "exports"],
                    ["Cobalt", "USA", 2022, 6, 4, 0], ["Cobalt", "USA", 2023, 2, 9, 1]],     # D 0.4 → 0.8
        "events": [["country", "mineral", "stage", "type", "start_year", "end_year", "source"],
                   ["COD", "Cobalt", "mining", "export_ban", 2023, "", "hand-made for the test"]],
    })
    out = tmp_path / "results.xlsx"
    r = critmin("compute", template, "-o", out, "--threshold-method", "fixed:0.5")
    assert r.returncode == 0, r.stdout + r.stderr
    names = load_workbook(out, read_only=True).sheetnames
    assert names.index("alerts") == names.index("risk_matrix") + 1
    rows = sheet_rows(out, "alerts")
    assert {(x["year"], x["rule"], x["severity"]) for x in rows} >= {(2023, "crossing", "high"),
                                                                    (2023, "event", "high")}
    assert all(x["year"] == 2023 for x in rows)
