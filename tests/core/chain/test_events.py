"""The events vocabulary, "in force", the seed events, and the events and chain_risk round trip through the
template (write_data → load_file), in xlsx and CSV, and through a project."""
import math
from datetime import UTC, datetime

import pandas as pd
import pytest

from desktop.core.chain.events import (
    EVENT_ALIASES,
    EVENT_NAMES,
    EVENT_TYPES,
    event_type,
    in_force,
    strongest,
    types_for,
)
from desktop.core.chain.matrix import build_matrix, override_row
from desktop.core.chain.seed_events import SEED_EVENTS, seed_events
from desktop.core.dataset import SCHEMA, TEMPLATE_TABLES, Dataset, conform
from desktop.core.export.data_workbook import write_data
from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.store import Project
from desktop.core.store.cells import parse_cell

from ..helpers import write_xlsx
from .helpers import event

ISSUE_TYPES = ["export_ban", "export_quota", "export_licence", "tariff", "anti_dumping", "countervailing_duty",
               "investment_review", "technology_transfer_limit", "esg_rule", "recycled_content_quota",
               "waste_import_ban"]


def test_vocabulary_of_the_issue_in_two_languages():
    assert list(EVENT_TYPES) == ISSUE_TYPES and set(EVENT_NAMES) == set(ISSUE_TYPES)
    assert all(en and zh for en, zh in EVENT_NAMES.values())
    assert event_type("出口管制") == "export_licence" and event_type("Export license") == "export_licence"
    assert event_type("anti-dumping duty") == "anti_dumping" and event_type("冲突矿产") == "esg_rule"
    assert event_type("WASTE IMPORT BAN") == "waste_import_ban" and event_type("embargo?") is None
    # every spelling names one type only
    spellings = [a for t in EVENT_TYPES.values() for a in (t.id, t.en, t.zh, *t.aliases)]
    from desktop.core.registry.normalise import normalise_name
    assert len({normalise_name(s) for s in spellings}) == len(EVENT_ALIASES)
    assert types_for("primary", "trade") == tuple(ISSUE_TYPES[:6])
    assert "events" in TEMPLATE_TABLES and SCHEMA["events"][0] == ("country", "mineral", "stage", "type", "start_year")


def test_in_force_and_the_strongest_event():
    assert in_force(2023, math.nan, 2030) and in_force(2023, None, 2023) and not in_force(2023, math.nan, 2022)
    assert in_force(2020, 2021.0, 2021) and not in_force(2020, 2021.0, 2022)
    rows = [event("CHN", "x", "mining", "tariff", 2018), event("AAA", "x", "", "export_quota", 2022),
            event("BBB", "x", "mining", "export_quota", 2021)]
    assert strongest(rows, 2023, "mining", ("tariff", "export_quota"))["country"] == "BBB"   # earlier start
    assert strongest(rows, 2019, "mining", ("tariff", "export_quota"))["type"] == "tariff"
    assert strongest(rows, 2023, "processing", ("tariff",)) is None


def test_typed_cells_of_the_events_table():
    assert parse_cell("events", "type", "出口配额") == "export_quota"
    assert parse_cell("events", "stage", "") == "" and parse_cell("events", "stage", "开采") == "mining"
    assert math.isnan(parse_cell("events", "end_year", ""))
    assert parse_cell("events", "end_year", "2025年", row={"start_year": 2025}) == 2025.0
    assert parse_cell("events", "start_year", "2020") == 2020


def test_seed_events_are_canonical_cited_and_feed_the_matrix():
    frame = seed_events()
    assert len(frame) == len(SEED_EVENTS) >= 5 and not frame.duplicated(list(SCHEMA["events"][0])).any()
    assert set(frame["type"]) <= set(EVENT_TYPES) and frame["start_year"].dtype == "int64"
    assert all("http" in s and any(ch.isdigit() for ch in s) for s in frame["source"])
    by = frame.set_index(["country", "mineral", "stage"])
    assert by.loc[("CHN", "gallium", "processing"), "type"] == "export_licence"
    assert by.loc[("IDN", "nickel", "mining"), "start_year"] == 2020
    assert by.loc[("COD", "cobalt", "mining"), "end_year"] == 2025
    data = Dataset(tables={"events": frame})
    ga = build_matrix(None, data, "gallium", 2023).primary.cells[("processing", "trade")]
    assert (ga.score, ga.inputs["event"], ga.inputs["event_country"]) == (0.6, "export_licence", "CHN")
    assert build_matrix(None, data, "gallium", 2022).primary.cells[("processing", "trade")].score is None
    assert build_matrix(None, data, "cobalt", 2025).primary.cells[("mining", "trade")].score == 1.0
    assert build_matrix(None, data, "cobalt", 2026).primary.cells[("mining", "trade")].score is None
    ree = build_matrix(None, data, "rare_earths", 2024).primary.cells[("processing", "technology")]
    assert ree.score == 0.8


def _dataset() -> Dataset:
    when = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
    chain = pd.DataFrame([override_row("cobalt", "primary", "mining", "political", 0.9, "expert panel", now=when),
                          override_row("gallium", "recycled", "recycling", "social", 0.35, "", now=when),
                          override_row("nickel", "recycled", "use", "industry", None, "a note, no score", now=when)])
    return Dataset(tables={"events": seed_events(), "chain_risk": conform("chain_risk", chain)})


def _same(table: str, a: pd.DataFrame, b: pd.DataFrame) -> None:
    keys = list(SCHEMA[table][0])
    a = conform(table, a.drop(columns=["_row"], errors="ignore")).sort_values(keys).reset_index(drop=True)
    b = conform(table, b.drop(columns=["_row"], errors="ignore")).sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


@pytest.mark.parametrize("name", ["data.xlsx", "data.csv"])
def test_events_and_chain_risk_round_trip_through_the_template(tmp_path, name):
    original = _dataset()
    back = Dataset()
    for path in write_data(original, tmp_path / name):
        preview = load_file(path)
        assert preview.ok, [p.format() for p in preview.problems]
        back.merge(preview_dataset(preview))
    for table in ("events", "chain_risk"):
        _same(table, original.get(table), back.get(table))
    assert back.get("chain_risk").set_index("mineral").loc["cobalt", "source"] == "analyst 2025-03-01T10:00:00+00:00"


def test_round_trip_through_a_project_gives_identical_sheets(tmp_path):
    first = write_data(_dataset(), tmp_path / "first.xlsx")[0]
    preview = load_file(first)
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import(preview.tables, preview.source())
        stored = p.dataset()
    _same("events", _dataset().get("events"), stored.get("events"))
    second = write_data(stored, tmp_path / "second.xlsx")[0]
    from python_calamine import CalamineWorkbook

    def sheets(path):
        book = CalamineWorkbook.from_path(str(path))
        return {n: book.get_sheet_by_name(n).to_python() for n in book.sheet_names}
    assert sheets(first) == sheets(second)
    assert sheets(first)["events"][0] == ["country", "mineral", "stage", "type", "start_year", "end_year", "source",
                                           "note"]


def test_an_events_sheet_in_chinese_and_its_problems(tmp_path):
    path = write_xlsx(tmp_path / "e.xlsx", {"政策事件": [
        ["国家", "矿种", "环节", "类型", "起始年份", "结束年份", "来源"],
        ["中国", "镓", "冶炼", "出口管制", 2023, None, "商务部 海关总署公告2023年第23号"],
        ["COD", "Cobalt", "", "暂停出口", "2025年", 2025, "ARECOMS"]]})
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems]
    ev = preview.tables["events"].set_index("mineral")
    assert ev.loc["gallium", ["country", "stage", "type", "start_year"]].tolist() == \
        ["CHN", "processing", "export_licence", 2023]
    assert math.isnan(ev.loc["gallium", "end_year"]) and ev.loc["cobalt", "stage"] == ""
    bad = write_xlsx(tmp_path / "bad.xlsx", {"events": [
        ["country", "mineral", "stage", "type", "start_year", "end_year"],
        ["CHN", "Gallium", "mine site", "embargo", 2023, 2020],
        ["CHN", "Gallium", "processing", "tariff", 2023, 2020]]})
    preview = load_file(bad)
    assert not preview.ok
    assert {p.code for p in preview.problems.errors} >= {"bad_stage", "bad_type", "end_before_start"}
