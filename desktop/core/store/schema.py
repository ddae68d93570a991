"""Schema of the project file, its version, and the migrations between versions.

The data tables are generated from ``desktop.core.dataset.SCHEMA`` so that the
canonical tables, the store and the exporter cannot drift apart.  Each table is
``WITHOUT ROWID`` with its natural key as primary key: re-importing a file is
an upsert by key, and the key is what an edit addresses.

Versions: 1 — the tables of the first release; 2 — adds ``events`` (policy events, issue 13), ``scenarios``
(what-if scenarios, issue 14) and the
``note`` and ``edited`` columns of ``minerals`` (the project's edits of the registry, issue 12); 3 — adds the
``event`` column of ``scenarios`` (a policy event as a scenario change); 4 — adds ``trade`` (bilateral trade by
HS code, converted to content when the engine runs) and ``content_factors`` (the project's content factors), and
the ``import_sources`` and ``note`` columns of ``usgs_nir`` (issue 9, items 5 and 7); 5 — adds ``source_sheet``
and ``source_row`` to every data table (where in its import's file each row came from; NULL for the rows of
earlier files, hand edits and imports that do not say).
Opening an older file backs it up beside itself, then runs the migrations in one transaction
(``Project._migrate``); a newer file is refused.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from desktop.core.dataset import INT_COLUMNS, SCHEMA, TEXT_COLUMNS, columns
from desktop.core.store import revisions
from desktop.core.store import rows as R

SCHEMA_VERSION = 5
# "CrMn" — lets us tell a CritMin project from any other SQLite file.
APPLICATION_ID = 0x43724D6E


def _sql_type(col: str) -> str:
    if col in INT_COLUMNS:
        return "INTEGER NOT NULL"
    if col in TEXT_COLUMNS or col.endswith("_state"):
        return "TEXT NOT NULL DEFAULT ''"
    return "REAL"


# Where in its import's file a row came from (version 5): the sheet (NULL for a CSV) and the 1-based row; NULL
# when unknown.  Beside ``source_id`` and like it not part of the canonical table (rows.py, provenance.py).
ORIGIN_COLUMNS = {R.SHEET: "TEXT", R.LINE: "INTEGER"}


def data_table_ddl(table: str, if_not_exists: bool = False) -> str:
    keys = SCHEMA[table][0]
    cols = [f"{c} {_sql_type(c)}" for c in columns(table)]
    cols.append("source_id INTEGER REFERENCES import_log(id)")
    cols += [f"{name} {definition}" for name, definition in ORIGIN_COLUMNS.items()]
    return (f"CREATE TABLE {'IF NOT EXISTS ' if if_not_exists else ''}{table} (\n  " + ",\n  ".join(cols) +
            f",\n  PRIMARY KEY ({', '.join(keys)})\n) WITHOUT ROWID")


BASE_DDL = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE minerals (id TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_zh TEXT NOT NULL DEFAULT '',
         symbol TEXT NOT NULL DEFAULT '', grp TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
         edited TEXT NOT NULL DEFAULT '')""",
    """CREATE TABLE countries (iso3 TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_zh TEXT NOT NULL DEFAULT '',
         m49 TEXT NOT NULL DEFAULT '', is_aggregate INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE aliases (kind TEXT NOT NULL CHECK (kind IN ('mineral', 'country')), alias TEXT NOT NULL,
         target TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (kind, alias))""",
    """CREATE TABLE import_log (id INTEGER PRIMARY KEY AUTOINCREMENT, file_name TEXT NOT NULL,
         sha256 TEXT NOT NULL, imported_at TEXT NOT NULL, format TEXT NOT NULL DEFAULT '',
         rows_json TEXT NOT NULL DEFAULT '{}', rows_total INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX import_log_sha ON import_log(sha256)",
    revisions.DDL,      # additive: an older file gets it from its first write (revisions.py)
]


def create(con: sqlite3.Connection) -> None:
    for ddl in BASE_DDL:
        con.execute(ddl)
    for table in SCHEMA:
        con.execute(data_table_ddl(table))
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _add_events(con: sqlite3.Connection) -> None:
    """1 → 2: the policy events table (issue 13); the other tables are unchanged.

    IF NOT EXISTS: a file that already has the table (a version-0 file made by this version's create()
    and migrated from 0, as a test does) keeps it as it is.
    """
    con.execute(data_table_ddl("events", if_not_exists=True))


# The columns of ``minerals`` that version 2 added (registry_edits.py): name -> definition.
MINERAL_COLUMNS = {"note": "TEXT NOT NULL DEFAULT ''", "edited": "TEXT NOT NULL DEFAULT ''"}


def add_missing_columns(con: sqlite3.Connection, table: str, definitions: dict[str, str]) -> None:
    """Give ``table`` each column of ``definitions`` (name -> SQL definition) it lacks; existing rows get the
    definition's default.  A file already having a column (made while its version was being built) keeps it."""
    have = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
    for name, definition in definitions.items():
        if name not in have:
            con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {definition}")


EMPTY_TEXT = "TEXT NOT NULL DEFAULT ''"


def add_mineral_columns(con: sqlite3.Connection) -> None:
    """Give ``minerals`` the columns of the project's registry edits, when it lacks them.

    Part of 1 → 2, and also run by the first registry edit: a version-2 file written while version 2
    was being made has the events table but not these columns. Adding them changes no row (every
    mineral reads as the built-in one, unedited), so it needs no version step of its own.
    """
    add_missing_columns(con, "minerals", MINERAL_COLUMNS)


def _add_scenarios(con: sqlite3.Connection) -> None:
    """1 → 2: the what-if scenarios table (issue 14); IF NOT EXISTS for the reason given at _add_events."""
    con.execute(data_table_ddl("scenarios", if_not_exists=True))


def _to_version_2(con: sqlite3.Connection) -> None:
    """1 → 2: the events and scenarios tables and the registry-edit columns of ``minerals``; no row is changed."""
    _add_events(con)
    _add_scenarios(con)
    add_mineral_columns(con)


def _to_version_3(con: sqlite3.Connection) -> None:
    """2 → 3: the ``event`` column of ``scenarios`` (empty on every existing row: none is an event change)."""
    add_missing_columns(con, "scenarios", {"event": EMPTY_TEXT})


def _to_version_4(con: sqlite3.Connection) -> None:
    """3 → 4: the ``trade`` and ``content_factors`` tables (IF NOT EXISTS for the reason given at _add_events)
    and the ``import_sources`` and ``note`` columns of ``usgs_nir`` (empty on every existing row: the salient
    statistics, the only source of earlier rows, list no import sources)."""
    con.execute(data_table_ddl("trade", if_not_exists=True))
    con.execute(data_table_ddl("content_factors", if_not_exists=True))
    add_missing_columns(con, "usgs_nir", {"import_sources": EMPTY_TEXT, "note": EMPTY_TEXT})


def _to_version_5(con: sqlite3.Connection) -> None:
    """4 → 5: the ``source_sheet`` and ``source_row`` columns of every data table (NULL on every existing row:
    where those rows came from in their files was not kept).  Adding a column with no default rewrites no row."""
    for table in SCHEMA:
        add_missing_columns(con, table, ORIGIN_COLUMNS)


# version -> function upgrading a file from that version to version + 1
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _to_version_2, 2: _to_version_3, 3: _to_version_4, 4: _to_version_5}


def migrate(con: sqlite3.Connection, from_version: int) -> None:
    """Upgrade in place, one version at a time, inside the caller's transaction."""
    version = from_version
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](con)
        version += 1
        con.execute(f"PRAGMA user_version = {version}")
