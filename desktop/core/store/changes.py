"""Reversible changes: what a write replaced and what it left, so it can be undone and redone exactly.

Every write the GUI can undo (an import, several imports at once, an edit of
rows) returns a :class:`Change`.  ``Project.apply(change, undo=True)`` puts
back the rows as they were, source ids and origins included, and removes the import-log
rows the change added; ``Project.apply(change)`` writes the change again (the
import-log rows come back with the same ids).  The undo stack applies a change
only to the state it left (undo) or found (redo); ``apply`` checks the row
counts and refuses, changing nothing, when the project no longer matches.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import pandas as pd

from desktop.core.errors import EditError
from desktop.core.store import rows as R

LOG_COLUMNS = ["id", "file_name", "sha256", "imported_at", "format", "rows_json", "rows_total"]


def empty_log() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("id", "rows_total") else "object")
                         for c in LOG_COLUMNS})


@dataclass(eq=False)      # compared by identity: frames have no single truth value
class TableChange:
    """The touched rows of one table before and after the change (stored rows frames, see ``rows.py``).

    A touched key missing from ``before`` did not exist before; missing from
    ``after``, it does not exist after.  For an import ``after`` is None until
    the first undo reads it: the rows an import leaves are exactly those whose
    ``source_id`` is one of ``sources`` (a fresh id per import), and reading a
    million rows back while importing would make the import twice as slow.
    """

    before: pd.DataFrame
    after: pd.DataFrame | None = None
    sources: tuple[int, ...] = ()


@dataclass(eq=False)
class Change:
    """One undo step: a label, the touched rows per table, and the import-log rows it added."""

    label: str = ""
    tables: dict[str, TableChange] = field(default_factory=dict)
    imports: pd.DataFrame = field(default_factory=empty_log)

    @property
    def import_ids(self) -> tuple[int, ...]:
        return tuple(int(i) for i in self.imports["id"])

    @property
    def is_empty(self) -> bool:
        """Nothing to undo (e.g. a file imported before and unchanged)."""
        return not self.tables and len(self.imports) == 0


def apply(con: sqlite3.Connection, change: Change, undo: bool) -> None:
    """Undo or redo ``change`` inside the caller's transaction (the caller rolls back on error)."""
    verb = "undone" if undo else "redone"
    stale = EditError(f"“{change.label or 'The change'}” cannot be {verb}: the project has changed since.")
    try:
        if not undo and len(change.imports):
            # First, so that the restored rows' source ids have their import-log row.
            con.executemany(f"INSERT INTO import_log ({', '.join(LOG_COLUMNS)}) VALUES "
                            f"({', '.join('?' * len(LOG_COLUMNS))})",
                            change.imports[LOG_COLUMNS].itertuples(index=False, name=None))
        for table, tc in change.tables.items():
            if undo:
                gone, after = _remove_after(con, table, tc)
                expected = len(after)
                target = tc.before
            else:
                if tc.after is None:
                    raise EditError(f"“{change.label or 'The change'}” cannot be redone before it was undone.")
                gone, expected, target = R.delete_at(con, table, tc.before), len(tc.before), tc.after
            if gone != expected:
                raise stale
            R.insert(con, table, target)
        if undo and len(change.imports):
            con.executemany("DELETE FROM import_log WHERE id = ?", [(i,) for i in change.import_ids])
    except sqlite3.IntegrityError as exc:
        raise stale from exc


def _remove_after(con: sqlite3.Connection, table: str, tc: TableChange) -> tuple[int, pd.DataFrame]:
    """Delete the rows the change left (reading them first if an import did not keep them); returns how
    many rows were deleted and the rows the change left."""
    if not tc.sources:
        if tc.after is None:        # only an import's change reads its rows after on the first undo
            raise ValueError(f"the change of {table} kept no rows after")
        return R.delete_at(con, table, tc.after), tc.after
    where = f"WHERE source_id IN ({', '.join(str(int(s)) for s in tc.sources)})"
    if tc.after is None:
        cur = con.execute(f"{R.select_sql(table, stored=True)} FROM {table} {where}")
        tc.after = R.share_text(R.fetch(cur, table, stored=True))
    before = con.total_changes
    con.execute(f"DELETE FROM {table} {where}")
    return con.total_changes - before, tc.after


def combine_imports(parts: list[Change], label: str) -> Change:
    """One change for several imports written in one transaction, in order.

    The rows after are those of any of the imports (``sources``).  The rows
    before are each file's before-rows minus those an earlier file of the same
    batch had written: they carry one of the batch's import ids, and the key
    either did not exist before the batch or is already in an earlier file's
    before-rows.
    """
    logs = [p.imports for p in parts if len(p.imports)]
    imports = pd.concat(logs, ignore_index=True) if logs else empty_log()
    ids = tuple(int(i) for i in imports["id"])
    tables: dict[str, list[pd.DataFrame]] = {}
    for part in parts:
        for table, tc in part.tables.items():
            tables.setdefault(table, []).append(tc.before)
    out = {}
    for table, befores in tables.items():
        before = pd.concat(befores, ignore_index=True) if len(befores) > 1 else befores[0]
        before = before[~before[R.SOURCE].isin(ids)].reset_index(drop=True)
        out[table] = TableChange(before=before, sources=ids)
    return Change(label=label, tables=out, imports=imports)
