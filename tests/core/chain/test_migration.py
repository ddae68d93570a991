"""A version-1 project (no events table) opens as version 2: backed up first, the events table added, the rest
unchanged, and the new table written and read like any other."""
import sqlite3

import pandas as pd

from desktop.core.chain.seed_events import seed_events
from desktop.core.dataset import conform
from desktop.core.store import Project, opening, schema


def version_1_file(path):
    """What CritMin 1 wrote: this version's tables without events, user_version 1."""
    with Project.open(path, create=True) as p:
        p.write_import({"production": conform("production", pd.DataFrame({
            "mineral": ["cobalt", "cobalt"], "country": ["COD", "IDN"], "year": [2023, 2023], "stage": "mine",
            "quantity": [170000.0, 17000.0], "unit": "t"}))}, {"file": "a.csv", "sha256": "a"})
        p.con.execute("DROP TABLE events")
        p.con.execute("PRAGMA user_version = 1")
    return path


def tables(path) -> set[str]:
    with sqlite3.connect(path) as con:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_version_1_project_is_migrated(tmp_path):
    path = version_1_file(tmp_path / "old.critmin")
    assert "events" not in tables(path)
    opening._trusted.clear()
    with Project.open(path) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert p.counts()["events"] == 0 and p.counts()["production"] == 2
        assert p.revision("events") > 0                       # a reader's cache sees the table as changed
        p.write_import({"events": seed_events()}, {"file": "events.xlsx", "sha256": "e"})
        stored = p.dataset().get("events")
    assert len(stored) == len(seed_events()) and stored["start_year"].dtype == "int64"
    backup = tmp_path / "old.v1-backup.critmin"
    assert "events" not in tables(backup)
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    with Project.open(path) as p:                             # the current version now: opened as it is
        assert p.counts()["events"] == len(seed_events())
    assert not (tmp_path / "old.v1-backup-2.critmin").exists()


def test_the_migration_leaves_an_existing_events_table_alone(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import({"events": seed_events()}, {"file": "e.xlsx", "sha256": "e"})
        schema.MIGRATIONS[1](p.con)                           # IF NOT EXISTS: nothing happens
        assert p.counts()["events"] == len(seed_events())
