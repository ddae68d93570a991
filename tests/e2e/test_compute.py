"""`critmin compute` on the template, on real publishers' files and on a project file."""
import math

import pytest
from openpyxl import load_workbook

from .test_cli import critmin

CORE_SHEETS = {"import_dependency", "market_dynamics", "governance", "supply_risk", "thresholds", "summary",
               "parameters", "sources"}


def sheet_rows(path, name):
    ws = load_workbook(path, read_only=True)[name]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.fixture
def template(tmp_path):
    """A small template workbook whose indicators are easy to compute by hand."""
    from tests.core.helpers import write_xlsx

    return write_xlsx(tmp_path / "small.xlsx", {
        # Cobalt 2023: COD 70, IDN 20, Other countries 10 → shares .7 .2 (+ .1 others): HHI = .49 + .04 = .53
        "production": [["mineral", "country", "year", "quantity"], ["Cobalt", "COD", 2023, 70],
                       ["Cobalt", "IDN", 2023, 20], ["Cobalt", "Other countries", 2023, 10]],
        # D = I / (I + P) with I = 9 - 1 = 8, P = 2 → 0.8
        "balance": [["mineral", "country", "year", "production", "imports", "exports"],
                    ["Cobalt", "USA", 2023, 2, 9, 1]],
        "governance": [["country", "year", "VA", "PV", "GE", "RQ", "RL", "CC"],
                       ["COD", 2023, 0, 0, 0, 0, 0, 0], ["IDN", 2023, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5]],
        "prices": [["mineral", "year", "price"],
                   *[["Cobalt", y, p] for y, p in zip(range(2019, 2024), [1, 2, 3, 4, 5])]],
    })


def test_compute_template_matches_hand_computation(template, tmp_path):
    out = tmp_path / "results.xlsx"
    r = critmin("compute", template, "-o", out)
    assert r.returncode == 0, r.stdout + r.stderr
    assert set(load_workbook(out, read_only=True).sheetnames) >= CORE_SHEETS
    d = sheet_rows(out, "import_dependency")[0]
    assert (d["mineral"], d["mineral_zh"], d["country"], d["D"]) == ("Cobalt", "钴", "USA", pytest.approx(0.8))
    sr = sheet_rows(out, "supply_risk")[0]
    # Γ(COD) = 1 − (0 + 3.5)/7 = 0.5; Γ(IDN) = 1 − 7/7 = 0 (clipped to a tiny positive floor)
    assert sr["HHI"] == pytest.approx(0.53)
    assert sr["R_raw"] == pytest.approx(0.49 * 0.5, abs=1e-6)
    m = sheet_rows(out, "market_dynamics")
    last = [row for row in m if row["year"] == 2023][0]
    # prices 1..5: mean 3, sample std sqrt(2.5) → M_raw = 0.527046…
    assert last["M_raw"] == pytest.approx(math.sqrt(2.5) / 3)
    assert [row for row in m if row["year"] == 2022][0]["M_raw"] is None   # incomplete window: empty cell


def test_compute_options_and_project_input(template, tmp_path):
    project = tmp_path / "p.critmin"
    assert critmin("import", template, "--project", project).returncode == 0
    out = tmp_path / "r.xlsx"
    r = critmin("compute", project, "-o", out, "--country", "USA", "--window", "3", "--wgi-bound", "2.5",
                "--threshold-method", "fixed:0.3")
    assert r.returncode == 0, r.stdout + r.stderr
    params = {row["name"]: row["value"] for row in sheet_rows(out, "parameters")}
    assert str(params["window"]) == "3" and str(params["wgi_bound"]) == "2.5"
    assert critmin("compute", project, "-o", out, "--threshold-method", "banana").returncode == 2


def test_compute_real_files(shared_data, tmp_path):
    out = tmp_path / "real.xlsx"
    r = critmin("compute", shared_data / "usgs_mcs2025/world_data/MCS2025_World_Data.csv",
                shared_data / "wgi/wgidataset.xlsx", "-o", out)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    rows = sheet_rows(out, "supply_risk")
    cobalt = [x for x in rows if x["mineral"] == "Cobalt" and x["year"] == 2023 and x["stage"] == "mine"][0]
    assert 0.4 < cobalt["HHI"] < 0.6     # DR Congo ≈ 70 % of mine production (METHODS §5)
    sources = sheet_rows(out, "sources")
    assert {s["file"] for s in sources} == {"MCS2025_World_Data.csv", "wgidataset.xlsx"}
    assert all(len(s["sha256"]) == 64 for s in sources)
    # the data vintage of each file: the years it supplies to each table
    vintage = {s["file"]: (s["rows"], s["years"]) for s in sources}
    assert vintage["MCS2025_World_Data.csv"] == ("production 2172; reserves 662",
                                                 "production 2023–2024; reserves 2024")
    assert vintage["wgidataset.xlsx"][1] == "governance 1996–2023"


def test_compute_refuses_broken_input(tmp_path):
    bad = tmp_path / "production.csv"
    bad.write_text("mineral,country,year,quantity\nCobalt,Narnia,2023,1\n", encoding="utf-8")
    r = critmin("compute", bad, "-o", tmp_path / "x.xlsx")
    assert r.returncode == 1 and "Nothing was computed" in r.stdout and not (tmp_path / "x.xlsx").exists()


def test_compute_cannot_write_output_refuses_and_leaves_nothing_behind(template, tmp_path):
    # the output path is taken by a folder (as a workbook held open by Excel on Windows would refuse)
    taken = tmp_path / "results.xlsx"
    taken.mkdir()
    r = critmin("compute", template, "-o", taken)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "cannot write" in r.stdout and "Traceback" not in r.stdout + r.stderr
    assert taken.is_dir() and [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    # an existing workbook is replaced whole, never left half written
    out = tmp_path / "ok.xlsx"
    out.write_bytes(b"old")
    assert critmin("compute", template, "-o", out).returncode == 0
    assert set(load_workbook(out, read_only=True).sheetnames) >= CORE_SHEETS


def test_compute_analysis_period_and_bad_options(template, tmp_path):
    from desktop.cli import parse_years

    assert parse_years("2015-2024") == parse_years("2015 – 2024") == parse_years("2015..2024") == (2015, 2024)
    assert parse_years("2023") == (2023, 2023)
    for bad in ("2024-2015", "15-24", "2015-2020-2024", "abc"):
        with pytest.raises(ValueError):
            parse_years(bad)
    out = tmp_path / "period.xlsx"
    r = critmin("compute", template, "-o", out, "--years", "2022-2023")
    assert r.returncode == 0, r.stdout + r.stderr
    # prices 2019–2023: only the period's years are written; M of 2023 still uses the window 2019–2023
    m = sheet_rows(out, "market_dynamics")
    assert sorted(row["year"] for row in m) == [2022, 2023]
    assert [row for row in m if row["year"] == 2023][0]["M_raw"] == pytest.approx(math.sqrt(2.5) / 3)
    params = {row["name"]: row["value"] for row in sheet_rows(out, "parameters")}
    assert "2022" in str(params["years"]) and "2023" in str(params["years"])
    for args in (["--years", "2023-2020"], ["--years", "soon"], ["--window", "1"]):
        r = critmin("compute", template, "-o", tmp_path / "x.xlsx", *args)
        assert r.returncode == 2 and "Traceback" not in r.stdout + r.stderr, args
    assert not (tmp_path / "x.xlsx").exists()
