"""import → export → import → export gives identical sheets (property-based)."""
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from desktop.core.export.data_workbook import write_data_workbook
from desktop.core.store import Project

from tests.core.helpers import load_template, write_xlsx

MINERALS = ["Cobalt", "Lithium", "Rare earths", "锂", "Ni", "Gemanium"]
COUNTRIES = ["CHN", "Congo (Kinshasa)", "澳大利亚", "USA", "Other countries"]
tokens = st.one_of(
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from(["W", "NA", ">50", "<1,000", "50–300", "E"]),
)
texts = st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
                  st.sampled_from(["=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"]))


def sheets_of(path: Path) -> dict:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def export(tmp: Path, name: str, source: Path) -> Path:
    pv = load_template(source)
    assert pv.ok, [p.format() for p in pv.problems]
    project_path = tmp / f"{name}.critmin"
    with Project.open(project_path, create=True) as project:
        project.write_import(pv.tables, {"file": pv.file, "sha256": pv.sha256})
        dataset = project.dataset()
    out = tmp / f"{name}.xlsx"
    write_data_workbook(dataset, out)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prod=st.lists(st.tuples(st.sampled_from(MINERALS), st.sampled_from(COUNTRIES),
                            st.integers(1990, 2030), tokens), max_size=15),
    notes=st.lists(texts, min_size=1, max_size=3),
)
def test_round_trip_identical(tmp_path_factory, prod, notes):
    tmp = tmp_path_factory.mktemp("rt")
    seen, rows = set(), []
    for m, c, y, v in prod:  # one row per key, as a valid file has
        key = (m if m not in ("锂",) else "Lithium", c if c != "Congo (Kinshasa)" else "COD", y)
        if key not in seen:
            seen.add(key)
            rows.append([m, c, y, v, "t"])
    source = write_xlsx(tmp / "in.xlsx", {
        "production": [["mineral", "country", "year", "quantity", "unit"], *rows],
        "chain_risk": [["mineral", "stream", "stage", "dimension", "score", "note"],
                       *[["Cobalt", "primary", "mining", d, 0.5, n] for d, n in
                         zip(["political", "trade", "investment"], notes)]],
    })
    first = export(tmp, "a", source)
    second = export(tmp, "b", first)
    assert sheets_of(first) == sheets_of(second)
    # Text that looks like a formula stays text (openpyxl would report data_type "f" for a formula).
    from openpyxl import load_workbook

    ws = load_workbook(second)["chain_risk"]
    for row in ws.iter_rows(min_row=2):
        assert row[5].value is None or row[5].data_type == "s"


def test_round_trip_of_every_table(tmp_path):
    source = write_xlsx(tmp_path / "in.xlsx", {
        "production": [["mineral", "country", "year", "stage", "quantity", "unit"],
                       ["Cobalt", "COD", 2023, "mine", 1, "t"]],
        "balance": [["mineral", "country", "year", "production", "imports", "exports", "net_imports"],
                    ["Cobalt", "USA", 2023, "W", 5000, 1000, None]],
        "prices": [["mineral", "year", "price", "unit"], ["Cobalt", 2023, 33000, "$/t"]],
        "governance": [["country", "year", "VA", "PV", "GE", "RQ", "RL", "CC"],
                       ["CHN", 2022, -1.5, -0.4, 0.5, -0.2, -0.1, None]],
        "reserves": [["mineral", "country", "year", "reserves"], ["Cobalt", "COD", 2024, 6000000]],
        "recycling": [["mineral", "year", "eol_rir"], ["Cobalt", 2023, 0.22]],
        "chain_risk": [["mineral", "stream", "stage", "dimension", "score", "source", "note"],
                       ["Cobalt", "recycled", "recycling", "technology", 0.6, "computed", "1 − EoL-RIR"]],
        "lists": [["list", "mineral"], ["USGS 2025", "Cobalt"]],
        "events": [["country", "mineral", "stage", "type", "start_year", "end_year", "source", "note"],
                   ["COD", "Cobalt", "mining", "export_ban", 2025, 2025, "ARECOMS", "suspension"]],
        "scenarios": [["scenario", "change_no", "type", "mineral", "country", "stage", "from_year", "factor",
                       "target_year", "rationale", "source"],
                      ["DRC −50 %", 1, "production", "Cobalt", "COD", "mine", 2024, 0.5, None, "why", "USGS"]],
    })
    first = export(tmp_path, "a", source)
    second = export(tmp_path, "b", first)
    a, b = sheets_of(first), sheets_of(second)
    assert a == b
    assert set(a) == {"production", "balance", "prices", "governance", "reserves", "recycling", "chain_risk",
                      "lists", "events", "scenarios", "README"}
    assert a["balance"][1][4] == "W"
    assert a["governance"][1][7] == ""  # missing CC stays empty, not 0
