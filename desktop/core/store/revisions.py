"""Per-table change revisions: one counter per table, bumped inside the transaction of every write.

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
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop.core.dataset import SCHEMA

TABLE = "revisions"
DDL = f"CREATE TABLE IF NOT EXISTS {TABLE} (name TEXT PRIMARY KEY, revision INTEGER NOT NULL) WITHOUT ROWID"
# What a write can change: the data tables, the import log (Dataset.sources) and the aliases.
TRACKED = (*SCHEMA, "import_log", "aliases")


def bump(con: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Add one to the revision of each of ``tables``, inside the caller's write transaction."""
    names = sorted(set(tables))
    unknown = [t for t in names if t not in TRACKED]
    if unknown:
        raise ValueError(f"no revision is kept for {', '.join(unknown)}")
    if not names:
        return
    con.execute(DDL)
    con.executemany(f"INSERT INTO {TABLE} (name, revision) VALUES (?, 1) "
                    "ON CONFLICT (name) DO UPDATE SET revision = revision + 1", [(t,) for t in names])


def read(con: sqlite3.Connection) -> dict[str, int]:
    """{table: revision} for every tracked table, from the file (0 for a table never written since)."""
    out = dict.fromkeys(TRACKED, 0)
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone():
        out.update((name, rev) for name, rev in con.execute(f"SELECT name, revision FROM {TABLE}") if name in out)
    return out
