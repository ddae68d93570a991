"""`critmin compute` writes the risk matrix as the sheet risk_matrix: rules from the results, the analyst's
chain_risk scores over them, events, and the aggregates."""
import pytest
from openpyxl import load_workbook

from ...e2e.test_cli import critmin
from ...e2e.test_compute import sheet_rows
from ..helpers import write_xlsx


@pytest.fixture
def template(tmp_path):
    return write_xlsx(tmp_path / "small.xlsx", {
        # Cobalt 2023: COD 70, IDN 20, others 10 → HHI .53; governance makes R computable
        "production": [["mineral", "country", "year", "quantity"], ["Cobalt", "COD", 2023, 70],
                       ["Cobalt", "IDN", 2023, 20], ["Cobalt", "Other countries", 2023, 10]],
        "balance": [["mineral", "country", "year", "production", "imports", "exports"],
                    ["Cobalt", "USA", 2023, 2, 9, 1]],                      # D = 8 / (8 + 2) = 0.8
        "governance": [["country", "year", "VA", "PV", "GE", "RQ", "RL", "CC"],
                       ["COD", 2023, 0, 0, 0, 0, 0, 0], ["IDN", 2023, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5]],
        "recycling": [["mineral", "year", "eol_rir"], ["Cobalt", 2023, 0.22]],
        "chain_risk": [["mineral", "stream", "stage", "dimension", "score", "source", "note"],
                       ["Cobalt", "recycled", "use", "social", 0.45, "analyst 2025-03-01T10:00:00+00:00", "survey"]],
        "events": [["country", "mineral", "stage", "type", "start_year", "end_year", "source"],
                   ["COD", "Cobalt", "mining", "export_ban", 2023, 2023, "hand-made for the test"]],
    })


def test_compute_writes_the_risk_matrix_sheet(template, tmp_path):
    out = tmp_path / "results.xlsx"
    r = critmin("compute", template, "-o", out)
    assert r.returncode == 0, r.stdout + r.stderr
    names = load_workbook(out, read_only=True).sheetnames
    assert names.index("risk_matrix") == names.index("production_shares") + 1        # after the core sheets
    rows = sheet_rows(out, "risk_matrix")
    assert list(rows[0]) == ["mineral", "mineral_zh", "year", "stream", "stage", "dimension", "score", "level",
                             "origin", "computed", "rule", "inputs", "note", "edited"]
    at = {(x["stream"], x["stage"] or "", x["dimension"] or ""): x for x in rows
          if x["mineral"] == "Cobalt" and x["year"] == 2023}
    R = sheet_rows(out, "supply_risk")[0]["R"]
    assert at[("primary", "mining", "political")]["score"] == pytest.approx(R)
    assert at[("primary", "mining", "political")]["rule"] == "R_mine"
    trade = at[("primary", "mining", "trade")]                                  # max(D 0.8, ban 1.0)
    assert trade["score"] == 1.0 and trade["level"] == "very_high" and "D=0.8" in trade["inputs"]
    assert at[("recycled", "recycling", "technology")]["score"] == pytest.approx(0.78)
    social = at[("recycled", "use", "social")]
    assert (social["score"], social["origin"], social["note"], social["edited"]) == \
        (0.45, "analyst", "survey", "2025-03-01T10:00:00+00:00")
    assert at[("recycled", "mining", "environment")]["origin"] == "needs_judgement"
    assert at[("recycled", "mining", "environment")]["score"] is None           # an empty cell, not 0
    chain = at[("chain", "", "")]
    assert (chain["score"], chain["origin"], chain["note"]) == (1.0, "aggregate", "weakest link: primary mining trade")
    assert {x["mineral_zh"] for x in rows} == {"钴"}
