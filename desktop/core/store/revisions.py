"""Change revisions: one counter per table, bumped inside the transaction of every write, and one for the file.

A reader that keeps what it read (``snapshot.DatasetCache``) compares the counters with those it
saw and reads again only the tables whose counter moved.  The counters live in the file, so a
write through any connection (another window's worker, ``critmin import``) is noticed, and a
write that rolls back takes its bump with it.

The table is additive and needs no schema version of its own: a new file has it, and the first
write of this version adds it to an older file.  Until then every counter reads 0, which is
consistent, because a write creates the table and bumps in the same transaction.  (Versions
without it open such files as before; they do not bump, which matters only for a reader of this
version keeping an open file's tables in memory while such a version writes to it — the window's
lock file prevents that.)

Beside the tables' counters, the row ``*`` counts every committed write transaction of the file, whatever it
changed (settings, the registry's minerals, …): ``Project.transaction()`` raises it just before COMMIT when the
transaction changed something.  Equal numbers mean that nothing at all was written in between.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop.core.dataset import SCHEMA

TABLE = "revisions"
DDL = f"CREATE TABLE IF NOT EXISTS {TABLE} (name TEXT PRIMARY KEY, revision INTEGER NOT NULL) WITHOUT ROWID"
# What a write can change: the data tables, the import log (Dataset.sources) and the aliases.
TRACKED = (*SCHEMA, "import_log", "aliases")
WHOLE = "*"         # every committed write of the file (never a table's name)


def bump(con: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Add one to the revision of each of ``tables``, inside the caller's write transaction."""
    names = sorted(set(tables))
    unknown = [t for t in names if t not in TRACKED]
    if unknown:
        raise ValueError(f"no revision is kept for {', '.join(unknown)}")
    if names:
        _add_one(con, names)


def read(con: sqlite3.Connection) -> dict[str, int]:
    """{table: revision} for every tracked table, from the file (0 for a table never written since)."""
    out = dict.fromkeys(TRACKED, 0)
    if _exists(con):
        out.update((name, rev) for name, rev in con.execute(f"SELECT name, revision FROM {TABLE}") if name in out)
    return out


def bump_whole(con: sqlite3.Connection) -> None:
    """Add one to the file's revision, inside the caller's write transaction (``Project.transaction``)."""
    _add_one(con, [WHOLE])


def read_whole(con: sqlite3.Connection) -> int:
    """How many write transactions this version committed to the file (0 before the first)."""
    row = con.execute(f"SELECT revision FROM {TABLE} WHERE name = ?", (WHOLE,)).fetchone() if _exists(con) else None
    return 0 if row is None else int(row[0])


def _add_one(con: sqlite3.Connection, names: list[str]) -> None:
    con.execute(DDL)
    con.executemany(f"INSERT INTO {TABLE} (name, revision) VALUES (?, 1) "
                    "ON CONFLICT (name) DO UPDATE SET revision = revision + 1", [(name,) for name in names])


def _exists(con: sqlite3.Connection) -> bool:
    """Whether the file has the revisions table (a write of this version creates it)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is not None
