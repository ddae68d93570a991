"""A policy event as a scenario change: validated, stored and round-tripped, added to the scenario's events, and
seen by the risk matrix and the alerts of the comparison (demo gallium: China's 2023 export licence, 0.6,
becomes an export ban, 1.0, in the scenario)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from desktop.core.chain.matrix import build_matrix
from desktop.core.dataset import Dataset
from desktop.core.export.data_workbook import write_data_workbook
from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.metrics.engine import run
from desktop.core.scenarios import Change, Scenario, compare, from_rows, run_scenario, to_rows
from desktop.core.scenarios.apply import apply_scenario
from desktop.core.store import Project
from desktop.core.store.cells import parse_cell

DEMO = Path(__file__).resolve().parents[3] / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"
BAN = Scenario("China bans gallium exports", (Change("event", "gallium", "CHN", stage="refinery", from_year=2023,
                                                     event="export ban"),),
               rationale="test", source="MOFCOM Announcement No. 46 (2024)")


def load(path) -> Dataset:
    preview = load_file(path)
    assert preview.ok, [p.format() for p in preview.problems.errors]
    return preview_dataset(preview)


def test_event_change_is_checked():
    [c] = BAN.changes
    assert (c.event, c.factor, c.target_year) == ("export_ban", 1.0, None)      # the name resolved to its id
    assert c.describe() == "CHN gallium (refinery): export ban 2023 on"
    assert Change("event", "gallium", "CHN", from_year=2023, target_year=2025, event="出口配额").event == "export_quota"
    with pytest.raises(ValueError, match="policy event type"):
        Change("event", "gallium", "CHN", from_year=2023, event="embargo of sorts")
    with pytest.raises(ValueError, match="year it starts"):
        Change("event", "gallium", "CHN", event="export_ban")
    with pytest.raises(ValueError, match="end before"):
        Change("event", "gallium", "CHN", from_year=2023, target_year=2020, event="export_ban")
    with pytest.raises(ValueError, match="needs a country"):
        Change("event", "gallium", from_year=2023, event="export_ban")
    with pytest.raises(ValueError, match="only an event change"):
        Change("exports", "gallium", "CHN", 0.0, event="export_ban")


def test_event_change_adds_an_event_and_nothing_else():
    base = Dataset(tables={})
    applied = apply_scenario(base, BAN)
    [row] = applied.get("events").to_dict("records")
    assert (row["country"], row["mineral"], row["stage"], row["type"], row["start_year"]) == (
        "CHN", "gallium", "processing", "export_ban", 2023)
    assert np.isnan(row["end_year"]) and row["source"] == BAN.source and BAN.name in row["note"]
    assert set(applied.tables) == {"events"}


def test_round_trip_through_template_and_store(tmp_path):
    rows = to_rows([BAN])
    assert rows.loc[0, "event"] == "export_ban"
    write_data_workbook(Dataset(tables={"scenarios": rows}), tmp_path / "a.xlsx")
    back = load(tmp_path / "a.xlsx").get("scenarios")
    assert from_rows(back) == [BAN]
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import({"scenarios": rows}, {"file": "s.xlsx", "sha256": "s"})
        assert from_rows(p.dataset().get("scenarios")) == [BAN]
    assert parse_cell("scenarios", "event", "出口禁令") == "export_ban"
    assert parse_cell("scenarios", "type", "政策事件") == "event"


def test_sheet_names_what_is_wrong(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "scenarios"
    ws.append(["scenario", "type", "mineral", "country", "from_year", "event"])
    ws.append(["a", "event", "gallium", "CHN", 2024, "export ban"])         # fine
    ws.append(["b", "event", "gallium", "CHN", None, "export ban"])         # no start year
    ws.append(["c", "exports", "gallium", "CHN", 2024, "export ban"])       # an event on an exports change
    ws.append(["d", "event", "gallium", "CHN", 2024, "a strongly worded letter"])
    wb.save(tmp_path / "s.xlsx")
    preview = load_file(tmp_path / "s.xlsx")
    errors = preview.problems.errors
    rows = sorted(p.row for p in errors)
    assert rows == [3, 4, 5], [p.format() for p in errors]
    assert all(p.column == "event" for p in errors)


@pytest.fixture(scope="module")
def demo():
    dataset = load(DEMO)
    return dataset, run(dataset)


def test_the_matrix_and_the_alerts_see_the_event(demo):
    dataset, base = demo
    res, applied = run_scenario(dataset, BAN, with_dataset=True)
    mb, ms = (build_matrix(r, d, "gallium", 2023) for r, d in ((base, dataset), (res, applied)))
    trade = ("processing", "trade")
    assert mb.primary.cells[trade].score == pytest.approx(0.6)       # the licence of 2023 (seed events)
    assert ms.primary.cells[trade].score == pytest.approx(1.0)       # the ban the scenario adds
    cmp = compare(base, res, minerals=["gallium"], year=2023, dataset=dataset, scenario_dataset=applied)
    stage = cmp[(cmp["metric"] == "matrix_stage") & (cmp["stage"] == "processing")].iloc[0]
    assert stage["scenario"] > stage["baseline"] and stage["worse"] is True
    alerts = cmp[cmp["metric"] == "alerts"].iloc[0]
    assert alerts["scenario"] == alerts["baseline"] + 1 and "export ban" in alerts["detail"].lower()
    # the quantities are the baseline's: an event scales nothing
    assert res.tables["supply_risk"]["R"].equals(base.tables["supply_risk"]["R"])


def test_version_2_file_gets_the_event_column(tmp_path):
    """A version-2 project (scenarios without ``event``) opens as the current version with its scenarios kept."""
    import sqlite3

    from desktop.core.scenarios.seeds import SEEDS
    from desktop.core.store import opening, schema

    old = [s for s in SEEDS if all(c.type != "event" for c in s.changes)]     # what version 2 could hold
    path = tmp_path / "v2.critmin"
    with Project.open(path, create=True) as p:
        p.write_import({"scenarios": to_rows(old)}, {"file": "s.xlsx", "sha256": "s"})
        p.con.execute("ALTER TABLE scenarios DROP COLUMN event")
        p.con.execute("PRAGMA user_version = 2")
    opening._trusted.clear()
    with Project.open(path) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert from_rows(p.dataset().get("scenarios")) == sorted(old, key=lambda s: s.name)
        p.write_import({"scenarios": to_rows([BAN])}, {"file": "b.xlsx", "sha256": "b"})
        assert BAN in from_rows(p.dataset().get("scenarios"))
    with sqlite3.connect(tmp_path / "v2.v2-backup.critmin") as con:
        assert "event" not in {r[1] for r in con.execute("PRAGMA table_info(scenarios)")}
