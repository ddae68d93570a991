"""Writing imported tables into a project: upsert by key, the change for undo, progress and cancel.

An empty table takes a plain INSERT and there is nothing to remember for undo.
A table with rows gets the file's rows in a temporary table first; one join
then picks the rows with a new key or new values, keeping the stored values
they replace (the before-rows for undo), and one ``INSERT … SELECT … ON
CONFLICT DO UPDATE`` writes just those.  Each is a single SQL statement, so
capturing the change costs about a read of the changed rows, and a re-import
of unchanged data writes nothing (bench/bench_store_changes.py).

Each written row also keeps where it came from in the file (``source_sheet``, ``source_row``), when the
caller gives the *origins* of the file's rows: per table a frame with the columns ``sheet`` and ``row``,
parallel to that table's frame (same length, same order).  Without them the origin is NULL (unknown).
The origin goes with ``source_id``: a row the file leaves unchanged keeps its earlier import and origin.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA, TEXT_COLUMNS, columns, conform, key_order
from desktop.core.errors import Cancelled
from desktop.core.store import rows as R
from desktop.core.store.changes import LOG_COLUMNS, Change, TableChange, combine_imports

# table -> {"sheet": sheet name or None, "row": 1-based spreadsheet row}, parallel to the table's rows
Origins = dict[str, pd.DataFrame]
# (tables, source) or (tables, source, origins): one file of ``write_files``
ImportItem = tuple[dict[str, pd.DataFrame], dict] | tuple[dict[str, pd.DataFrame], dict, Origins | None]

STAGE = "temp._critmin_stage"     # the file's rows for one table, in key order
TODO = "temp._critmin_todo"       # which of them change the table, and the stored values they replace
INTERRUPT_EVERY = 200_000   # SQLite VM steps between cancel checks inside one statement


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class WriteReport:
    """What one import did to the project; ``change`` undoes it (empty when nothing was written)."""

    import_id: int | None = None
    already_imported: bool = False
    inserted_or_updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    change: Change = field(default_factory=Change)

    @property
    def changed(self) -> int:
        return sum(self.inserted_or_updated.values())


class Ticker:
    """Progress (a fraction 0..1) and the cancel check, between tables and chunks of rows."""

    def __init__(self, total: int, progress: Callable[[float], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.total, self.done = max(total, 1), 0.0
        self.progress, self.cancelled = progress, cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("The import was cancelled; the project is unchanged.")

    def add(self, units: float) -> None:
        self.done += units
        if self.progress is not None:
            self.progress(min(1.0, self.done / self.total))
        self.check()


def write_files(con: sqlite3.Connection, items: list[ImportItem],
                progress=None, cancelled=None) -> tuple[list[WriteReport], Change]:
    """Write several files ``(tables, source)`` or ``(tables, source, origins)`` inside the caller's
    transaction; returns their reports and one change."""
    ticker = Ticker(sum(len(f) for item in items for n, f in item[0].items() if n in SCHEMA),
                    progress, cancelled)
    if cancelled is not None:
        # Lets a long single statement (the join, the upsert) stop too: SQLite interrupts it.
        con.set_progress_handler(lambda: 1 if cancelled() else 0, INTERRUPT_EVERY)
    try:
        reports = [_write_file(con, item[0], item[1], ticker, item[2] if len(item) > 2 else None)
                   for item in items]
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise Cancelled("The import was cancelled; the project is unchanged.") from exc
        raise
    finally:
        con.set_progress_handler(None, 0)
        con.execute(f"DROP TABLE IF EXISTS {STAGE}")
        con.execute(f"DROP TABLE IF EXISTS {TODO}")
    label = ", ".join(item[1]["file"] for item in items)
    return reports, combine_imports([r.change for r in reports], label)


def _write_file(con, tables: dict[str, pd.DataFrame], source: dict, ticker: Ticker,
                origins: Origins | None = None) -> WriteReport:
    """One file; a savepoint lets a file that changes nothing and was seen before leave no trace."""
    report = WriteReport()
    known = con.execute("SELECT id FROM import_log WHERE sha256 = ? ORDER BY id LIMIT 1",
                        (source["sha256"],)).fetchone()
    con.execute("SAVEPOINT critmin_file")
    cur = con.execute(
        "INSERT INTO import_log (file_name, sha256, imported_at, format, rows_json, rows_total) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (source["file"], source["sha256"], now(), source.get("format", ""),
         json.dumps({k: len(v) for k, v in tables.items()}, sort_keys=True),
         sum(len(v) for v in tables.values())))
    import_id = cur.lastrowid
    befores = {}
    for name, frame in tables.items():
        ticker.check()
        if name not in SCHEMA or frame.empty:
            continue
        origin = None if origins is None else origins.get(name)
        changed, befores[name] = write_table(con, name, frame, import_id, ticker, origin=origin)
        report.inserted_or_updated[name] = changed
        report.unchanged[name] = len(frame) - changed
    if report.changed == 0 and known:
        con.execute("ROLLBACK TO critmin_file")
        con.execute("RELEASE critmin_file")
        report.already_imported, report.import_id = True, known[0]
        return report
    con.execute("RELEASE critmin_file")
    report.import_id = import_id
    log = con.execute(f"SELECT {', '.join(LOG_COLUMNS)} FROM import_log WHERE id = ?", (import_id,)).fetchall()
    report.change = Change(
        label=source["file"],
        tables={n: TableChange(before=b, sources=(import_id,)) for n, b in befores.items()
                if report.inserted_or_updated[n]},
        imports=pd.DataFrame.from_records(log, columns=LOG_COLUMNS))
    return report


def write_table(con: sqlite3.Connection, table: str, frame: pd.DataFrame, source_id: int | None,
                ticker: Ticker | None = None, capture: bool = True, *,
                origin: pd.DataFrame | None = None) -> tuple[int, pd.DataFrame | None]:
    """Upsert ``frame`` (rows tagged ``source_id``, and ``origin``'s sheet and row, see the module's
    docstring); returns (rows inserted or updated, before-rows).

    The before-rows are the stored rows this write changed, as they were
    (a stored rows frame; None when ``capture`` is False).
    """
    ticker = ticker or Ticker(len(frame), None, None)
    frame = frame if list(frame.columns) == columns(table) else conform(table, frame)
    order = sorted_unique(frame, R.key_columns(table))
    origin_data = []         # without origins the origin columns are left NULL: not even bound, which saves time
    if origin is not None:
        sheets, lines = origin_columns(table, origin, len(frame))
        origin_data = [sheets[order].tolist(), lines[order].tolist()]
    frame = frame.iloc[order]
    data = [frame[c].tolist() for c in columns(table)]
    start = con.total_changes
    if con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None:
        # Empty table: nothing to merge with or to remember, a plain INSERT is enough.
        R.insert_columns(con, R.insert_into(table, origin=origin is not None),
                         [*data, [source_id] * len(frame), *origin_data], ticker.add)
        return con.total_changes - start, R.empty_rows(table, stored=True)
    cols = ", ".join([*columns(table), *(R.ORIGIN if origin is not None else ())])
    con.execute(f"CREATE TEMP TABLE _critmin_stage AS SELECT {cols} FROM main.{table} WHERE 0")
    R.insert_columns(con, STAGE, [*data, *origin_data], lambda n: ticker.add(n / 2))
    _mark_todo(con, table)
    before = _changed_rows(con, table, frame) if capture else None
    start = con.total_changes    # after staging: only the main table's changes count
    _write_todo(con, table, source_id, staged_origin=origin is not None)
    changed = con.total_changes - start
    con.execute(f"DROP TABLE {STAGE}")
    con.execute(f"DROP TABLE {TODO}")
    ticker.add(len(frame) / 2)
    return changed, before


def origin_columns(table: str, origin: pd.DataFrame, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The sheet (str, or None for a CSV or when unknown) and row (int or None) of each of ``n`` rows, as
    object arrays of Python values, from an origins frame.  ValueError when it does not match the rows."""
    missing = {"sheet", "row"} - set(origin.columns)
    if missing or len(origin) != n:
        raise ValueError(f"the origins of the {table} rows need the columns sheet and row and one row per row "
                         f"({n}), not {sorted(map(str, origin.columns))} × {len(origin)}")
    # A file has few sheets: each distinct name is checked once.
    codes, names = pd.factorize(origin["sheet"].to_numpy(dtype=object))
    named = [s if isinstance(s, str) and s else None for s in names.tolist()] + [None]      # code -1: missing
    sheets = np.array(named, dtype=object)[codes]
    rows = pd.to_numeric(origin["row"], errors="coerce").to_numpy(dtype="float64")
    unknown = np.isnan(rows)
    lines = np.empty(n, dtype=object)
    lines[:] = np.where(unknown, 0, rows).astype("int64").tolist()      # Python ints: what SQLite binds
    lines[unknown] = None
    return sheets, lines


def _mark_todo(con: sqlite3.Connection, table: str) -> None:
    """One pass over the staged rows: those with a new key or new values, with the stored values.

    ``pos`` is the staged row's rowid (its position in the sorted frame, from
    1), ``added`` says the key is new.  Rows the file leaves as they are do
    not appear, so a re-import of unchanged data writes nothing and reads
    nothing more.
    """
    keys = R.key_columns(table)
    on = " AND ".join(f"t.{k} = n.{k}" for k in keys)
    new = new_value_sql(table, "n.", "t.")
    # Only rows whose values change count (IS compares NULLs as equal).
    differs = " OR ".join(f"({expr}) IS NOT t.{c}" for c, expr in new.items()) or "0"
    values = ", ".join(f"t.{c} AS {c}" for c in R.value_columns(table))
    # LEFT JOIN keeps the staged rows as the outer loop: one primary-key lookup each.
    con.execute(f"CREATE TEMP TABLE _critmin_todo AS SELECT n.rowid AS pos, t.{keys[0]} IS NULL AS added, "
                f"{values} FROM {STAGE} AS n LEFT JOIN main.{table} AS t ON {on} "
                f"WHERE t.{keys[0]} IS NULL OR {differs}")


def _changed_rows(con: sqlite3.Connection, table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The stored rows the staged rows (``frame``, in stage order) change, as they are now."""
    cur = con.execute(f"SELECT pos, {', '.join(R.value_columns(table))} FROM {TODO} WHERE NOT added")
    # The keys come from ``frame`` (``pos``), so they are not fetched again and share its texts.
    return R.share_text(R.fetch(cur, table, keys_from=frame), R.value_columns(table))


def _write_todo(con: sqlite3.Connection, table: str, source_id: int | None, staged_origin: bool) -> None:
    """Insert the new rows and update the changed ones, in key order, with the upsert rule; their origin is
    the staged one (``staged_origin``) or NULL."""
    new = new_value_sql(table, "excluded.", "")
    # The origin goes with the source id: both name the import (and its row) that wrote the row last.
    updates = ", ".join([f"{c} = {expr}" for c, expr in new.items()] +
                        [f"{c} = excluded.{c}" for c in (R.SOURCE, *R.ORIGIN)])
    cols = columns(table)
    con.execute(f"INSERT INTO main.{table} ({', '.join(cols)}, {R.SOURCE}, {', '.join(R.ORIGIN)}) "
                f"SELECT {', '.join('n.' + c for c in cols)}, ?, "
                f"{', '.join(('n.' + c) if staged_origin else 'NULL' for c in R.ORIGIN)} "
                f"FROM {TODO} AS d "
                f"CROSS JOIN {STAGE} AS n ON n.rowid = d.pos WHERE true "
                f"ON CONFLICT ({', '.join(R.key_columns(table))}) DO UPDATE SET {updates}", (source_id,))


def sorted_unique(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Row positions in primary-key order, the last of rows with equal keys only.

    Rows in key order fill the B-tree sequentially (several times faster); the
    order comes from the keys' ranks (:func:`desktop.core.dataset.key_order`, faster than sorting
    strings).  The sort is stable, so of equal keys the last row of the file
    wins, as a sequence of upserts would have it.
    """
    order, ordered = key_order(frame, keys)
    if len(order) > 1:
        same_as_next = np.logical_and.reduce([c[1:] == c[:-1] for c in ordered])
        if same_as_next.any():
            order = order[np.append(~same_as_next, True)]
    return order


def new_value_sql(table: str, new: str, old: str) -> dict[str, str]:
    """SQL for each non-key column's value after an upsert: the same rule as ``dataset.combine``.

    ``new`` and ``old`` prefix the incoming and the stored column (``excluded.``
    and ``""`` inside ON CONFLICT).  A row that says nothing about a column
    (empty value and no state) keeps what the project had, so a trade file does
    not wipe production from USGS.
    """
    _, stated, other = SCHEMA[table]
    out = {}
    for col in stated:
        silent = f"({new}{col} IS NULL AND {new}{col}_state = '')"
        out[col] = f"CASE WHEN {silent} THEN {old}{col} ELSE {new}{col} END"
        out[f"{col}_state"] = f"CASE WHEN {silent} THEN {old}{col}_state ELSE {new}{col}_state END"
    for col in other:
        silent = f"{new}{col} = ''" if col in TEXT_COLUMNS else f"{new}{col} IS NULL"
        out[col] = f"CASE WHEN {silent} THEN {old}{col} ELSE {new}{col} END"
    return out
