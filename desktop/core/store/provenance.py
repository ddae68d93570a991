"""Where a row of the project came from: the import that wrote it last (its file) and its sheet and row there.

Every data table keeps, beside each row, ``source_id`` (the import, ``import_log``) and the row's origin in
that import's file, ``source_sheet`` and ``source_row`` (schema version 5; NULL when the import did not say,
for rows of older files, and after a hand edit).  ``Project.dataset()`` reads the source ids with the tables
(``Dataset.row_sources``) but not the origins: they would make every read a third slower and are wanted one
row at a time (the analyst asks where a number comes from).  :class:`OriginReader` reads them then, through
its own read-only connection, so a Dataset handed to another thread can still answer.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np

from desktop.core.dataset import SCHEMA, StoredOrigin
from desktop.core.store import rows as R

__all__ = ["OriginReader", "file_identity", "stored_origin"]


def file_identity(path: str | Path) -> tuple:
    """Which file ``path`` is: replacing it (os.replace, a copy over it) gives another identity."""
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(Path(path).resolve()), st.st_dev, st.st_ino)


def _plain(value: object) -> object:
    """A value SQLite can bind: numpy scalars (a year read into an int64 column) as Python numbers."""
    return value.item() if isinstance(value, np.generic) else value


def read_origin(con: sqlite3.Connection, table: str, key: dict) -> StoredOrigin | None:
    """The stored (source_id, sheet, row) of the ``table`` row with ``key``; None when there is no such row."""
    if table not in SCHEMA:
        raise ValueError(f"{table} is not a table of the project")
    keys = R.key_columns(table)
    missing = [k for k in keys if k not in key]
    if missing:
        raise ValueError(f"the key of a {table} row needs {', '.join(missing)}")
    where = " AND ".join(f"{k} = ?" for k in keys)
    found = con.execute(f"SELECT {R.SOURCE}, {R.SHEET}, {R.LINE} FROM {table} WHERE {where}",
                        [_plain(key[k]) for k in keys]).fetchone()
    if found is None:
        return None
    sid, sheet, line = found
    return (None if sid is None else int(sid), sheet or None, None if line is None else int(line))


def stored_origin(con: sqlite3.Connection, table: str, key: dict) -> dict[str, object] | None:
    """``{"source_id", "file", "sheet", "row"}`` of the ``table`` row with ``key`` (None: no such row)."""
    found = read_origin(con, table, key)
    if found is None:
        return None
    sid, sheet, line = found
    file = None
    if sid is not None:
        logged = con.execute("SELECT file_name FROM import_log WHERE id = ?", (sid,)).fetchone()
        file = None if logged is None else logged[0]
    return {"source_id": sid, "file": file, "sheet": sheet, "row": line}


class OriginReader:
    """``reader(table, key)`` -> the stored (source_id, sheet, row) of one row of the project file at ``path``.

    Opens the file read-only for each call (a fraction of a millisecond), so it may be called from any thread.
    None when the row is gone, the file cannot be read now, or another file has replaced it since the reader
    was made.  The caller compares the source id with the one it read with the row: equal ids mean the same
    import wrote it, hence the same origin (ids are never reused, and undo restores origins with the rows).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        self.identity = file_identity(self.path)

    def __repr__(self) -> str:
        return f"OriginReader({str(self.path)!r})"

    def __call__(self, table: str, key: dict) -> StoredOrigin | None:
        if file_identity(self.path) != self.identity:
            return None
        try:
            con = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=5)
        except sqlite3.Error:
            return None
        try:
            return read_origin(con, table, key)
        except sqlite3.Error:            # busy beyond the timeout, or a file of a version without origins
            return None
        finally:
            con.close()
