"""Rows of the data tables as DataFrames: a typed fetch, rows at given keys, insert and delete by key.

A *rows frame* has the canonical columns of its table plus ``source_id`` (the
import that last wrote the row, NaN after a hand edit): what reading a table gives.
A *stored rows frame* adds the row's origin in that import's file, ``source_sheet``
(None when unknown) and ``source_row`` (the 1-based spreadsheet row, NaN when
unknown).  It is what the undo machinery keeps: writing it back with
:func:`insert` restores the stored rows exactly (SQLite stores NaN as NULL, and
the declared column types turn ``3.0`` back into the integer 3).  The origin is
not part of the read: it costs a third more time to read and is asked for one
row at a time (``provenance.py``).
"""
from __future__ import annotations

import contextlib
import functools
import math
import sqlite3

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA, columns, empty

SOURCE = "source_id"
SHEET = "source_sheet"      # the sheet of the import's file the row came from (NULL: unknown, or a CSV)
LINE = "source_row"         # its 1-based row in that sheet (NULL: unknown)
ORIGIN = (SHEET, LINE)
CHUNK = 50_000          # rows written at a time: progress and cancel are checked between chunks
MAX_PARAMETERS = 999    # "?" per statement: the smallest limit any SQLite build has had


def row_columns(table: str) -> list[str]:
    """The columns of a rows frame: the canonical ones and ``source_id``."""
    return columns(table) + [SOURCE]


def stored_columns(table: str) -> list[str]:
    """The columns of a stored rows frame: a rows frame's and the row's origin."""
    return row_columns(table) + list(ORIGIN)


def key_columns(table: str) -> list[str]:
    return list(SCHEMA[table][0])


def empty_rows(table: str, *, stored: bool = False) -> pd.DataFrame:
    """A rows frame without rows (a stored rows frame with ``stored``)."""
    frame = empty(table)
    frame[SOURCE] = pd.Series(dtype="float64")
    if stored:
        frame[SHEET] = pd.Series(dtype="object")
        frame[LINE] = pd.Series(dtype="float64")
    return frame


@functools.cache
def dtypes(table: str) -> dict[str, str]:
    """The dtype of each column of a stored rows frame: ``dataset.empty``'s, float64 for source_id and
    source_row (NaN for NULL), object for source_sheet."""
    return {c: str(t) for c, t in empty_rows(table, stored=True).dtypes.items()}


def select_sql(table: str, alias: str = "", *, stored: bool = False) -> str:
    """``SELECT`` the columns of a rows frame (of a stored rows frame with ``stored``)."""
    prefix = f"{alias}." if alias else ""
    return "SELECT " + ", ".join(prefix + c for c in (stored_columns(table) if stored else row_columns(table)))


_GRID_SLICE = 50_000


def fetch(cursor: sqlite3.Cursor, table: str, keys_from: pd.DataFrame | None = None, *,
          stored: bool = False) -> pd.DataFrame:
    """A rows frame from a cursor over ``select_sql(table)`` (a stored rows frame, over
    ``select_sql(table, stored=True)``, with ``stored``).

    One 2-D object array, then one typed copy per column: about twice as fast
    as ``DataFrame.from_records`` followed by ``conform`` on a million rows.  A
    numeric column that is NULL throughout comes out as float64 NaN.

    With ``keys_from``, the cursor gives a 1-based row number into that frame
    and then the non-key columns of a stored rows frame (``value_columns``), and
    the result is a stored rows frame: the key columns are taken from the frame
    instead of being fetched again, which saves a third of the time when an
    import reads the rows it is about to replace.
    """
    names = stored_columns(table) if stored or keys_from is not None else row_columns(table)
    wanted = names if keys_from is None else ["_position"] + value_columns(table)
    out = _fetch_columns(cursor, wanted, dtypes(table) | {"_position": "int64"})
    if out is None:
        return empty_rows(table, stored=stored or keys_from is not None)
    if keys_from is not None:
        positions = out.pop("_position") - 1
        out.update({k: keys_from[k].to_numpy()[positions] for k in key_columns(table)})
    # The columns are copies (the fetched grid is gone), so the frame need not copy them again.
    return pd.DataFrame({c: out[c] for c in names}, copy=False)


def fetch_table(con: sqlite3.Connection, table: str) -> pd.DataFrame:
    """Every row of ``table`` as a rows frame, in primary-key order: what :func:`fetch` over
    ``select_sql(table)`` gives, value for value and dtype for dtype, in about 30 % less time.

    In key order the leading key columns (all but the last two) come in long runs, e.g. one
    (mineral, year, stage) per 600 trade flows: they are read once per run, by a GROUP BY that
    walks the primary key (no sort), and repeated; the other columns are read row by row.  Each
    cell that crosses from SQLite into Python costs more than SQLite's own scan, so reading fewer
    cells is what saves the time; the repeated texts also share one str object per run.  Both
    queries run in one read transaction (:func:`reading`), so they see the same rows.
    """
    keys = key_columns(table)
    lead = keys[:max(1, len(keys) - 2)]
    rest = [c for c in row_columns(table) if c not in lead]
    kinds = dtypes(table) | {"_run": "int64"}
    group = ", ".join(lead)
    with reading(con):
        runs = _fetch_columns(con.execute(f"SELECT COUNT(*), {group} FROM {table} GROUP BY {group} ORDER BY {group}"),
                              ["_run", *lead], kinds)
        if runs is None:
            return empty_rows(table)
        out = _fetch_columns(con.execute(f"SELECT {', '.join(rest)} FROM {table} ORDER BY {', '.join(keys)}"),
                             rest, kinds)
    lengths = runs.pop("_run")
    if out is None or int(lengths.sum()) != len(out[rest[0]]):     # cannot happen in one transaction
        raise RuntimeError(f"{table}: the runs of its key columns do not match its rows")
    out.update({c: np.repeat(values, lengths) for c, values in runs.items()})
    return pd.DataFrame({c: out[c] for c in row_columns(table)}, copy=False)


def _fetch_columns(cursor: sqlite3.Cursor, names: list[str], kinds: dict[str, str]) -> dict[str, np.ndarray] | None:
    """{name: column in its dtype} of the cursor's rows (None when there are none)."""
    # Fetched and converted in slices, and joined column by column: one fetchall(), np.array() or
    # concatenate over a million rows of objects each hold the GIL for 0.1–0.3 s, and the GUI thread,
    # waiting for it while the worker reads a table, would freeze that long.
    parts: dict[str, list[np.ndarray]] = {c: [] for c in names}
    while batch := cursor.fetchmany(_GRID_SLICE):
        grid = np.array(batch, dtype=object)
        for at, col in enumerate(names):
            values = grid[:, at]
            kind = kinds[col]
            parts[col].append(values.copy() if kind == "object" else values.astype(kind))
    if not parts[names[0]]:
        return None
    return {c: p[0] if len(p) == 1 else np.concatenate(p) for c, p in parts.items()}


@contextlib.contextmanager
def reading(con: sqlite3.Connection):
    """A read transaction around the block, so that its queries see one state of the file.

    Inside a transaction already, the block is simply part of it.  A read transaction holds
    SQLite's shared lock: a writer on another connection waits (up to its busy timeout) to commit
    until the block ends, and the block must not write itself.
    """
    if con.in_transaction:
        yield
        return
    con.execute("BEGIN")
    try:
        yield
    finally:
        if con.in_transaction:      # nothing was written: COMMIT only releases the lock
            con.execute("COMMIT")


def share_text(frame: pd.DataFrame, cols: list[str] | None = None) -> pd.DataFrame:
    """One object per distinct text in each text column of ``cols`` (all by default), in place.

    SQLite hands out a new ``str`` for every cell: a million rows with unit "t"
    hold a million copies.  A change waiting on the undo stack keeps its rows
    for a long time, so they are made to share their (few distinct) texts.
    """
    for col in frame.columns if cols is None else cols:
        if frame[col].dtype == object and len(frame):
            codes, uniques = pd.factorize(frame[col].to_numpy())
            # code -1 (a NULL: source_sheet of a row of unknown origin) picks the None appended last
            frame[col] = np.append(np.asarray(uniques, dtype=object), [None])[codes]
    return frame


def value_columns(table: str) -> list[str]:
    """The columns of a stored rows frame that are not part of the key (source_id and the origin included)."""
    keys = key_columns(table)
    return [c for c in stored_columns(table) if c not in keys]


def params(table: str, frame: pd.DataFrame) -> list[list]:
    """Column lists for executemany: the canonical columns, then source_id, source_sheet and source_row (NaN
    and None as NULL).  A rows frame without the origin columns writes NULL origins."""
    data = [frame[c].tolist() for c in columns(table)]
    data.append(_integers(frame[SOURCE].tolist()))
    none = [None] * len(frame)
    data.append([s if isinstance(s, str) else None for s in frame[SHEET].tolist()] if SHEET in frame else none)
    data.append(_integers(frame[LINE].tolist()) if LINE in frame else none)
    return data


def _integers(values: list) -> list[int | None]:
    return [None if v is None or math.isnan(v) else int(v) for v in values]


def insert_into(table: str, *, origin: bool = True) -> str:
    """``table (its stored columns)``: where :func:`insert_columns` puts a stored rows frame's :func:`params`
    (without ``origin``, the columns of a rows frame: the origin is left NULL)."""
    return f"{table} ({', '.join(stored_columns(table) if origin else row_columns(table))})"


def insert_columns(con: sqlite3.Connection, into: str, data: list[list], done=None) -> None:
    """``INSERT INTO {into} VALUES …`` the rows of the column lists ``data``, in their order, CHUNK rows at a
    time; ``done(rows)`` after each chunk (progress and cancel).

    One statement inserts as many rows as MAX_PARAMETERS allows (``VALUES (…), (…), …``, about a hundred):
    every value is bound as before, but SQLite's work per statement (reset, step) is paid once per hundred
    rows instead of once per row, which takes a third off the time of a large import (bench/bench_import.py).
    """
    width, total = len(data), len(data[0]) if data else 0
    per_statement = max(1, MAX_PARAMETERS // width)
    one = "(" + ", ".join("?" * width) + ")"
    many = f"INSERT INTO {into} VALUES " + ", ".join([one] * per_statement)
    step = per_statement * width
    for start in range(0, total, CHUNK):
        part = [column[start:start + CHUNK] for column in data]
        n = len(part[0])
        flat = [None] * (n * width)             # the chunk's values row by row, filled a column at a time
        for at, column in enumerate(part):
            flat[at::width] = column
        whole = (n - n % per_statement) * width       # the values that fill whole statements
        con.executemany(many, (flat[at:at + step] for at in range(0, whole, step)))
        rest = (flat[at:at + width] for at in range(whole, len(flat), width))
        con.executemany(f"INSERT INTO {into} VALUES {one}", rest)
        if done is not None:
            done(n)


def insert(con: sqlite3.Connection, table: str, rows: pd.DataFrame) -> int:
    """Insert a rows frame as it is (source_id included); returns the number of rows inserted."""
    if len(rows) == 0:
        return 0
    before = con.total_changes
    insert_columns(con, insert_into(table), params(table, rows))
    return con.total_changes - before


def delete_at(con: sqlite3.Connection, table: str, rows: pd.DataFrame) -> int:
    """Delete the rows with the keys of ``rows``; returns how many there were."""
    if len(rows) == 0:
        return 0
    keys = key_columns(table)
    before = con.total_changes
    con.executemany(f"DELETE FROM {table} WHERE " + " AND ".join(f"{k} = ?" for k in keys),
                    zip(*(rows[k].tolist() for k in keys)))
    return con.total_changes - before


def rows_at(con: sqlite3.Connection, table: str, keys: pd.DataFrame) -> pd.DataFrame:
    """The stored rows (a stored rows frame) whose keys appear in ``keys`` (a frame with at least the key columns).

    The keys go to a temporary table joined on the primary key, so the cost is
    one lookup per key whatever the size of the table.
    """
    key_cols = key_columns(table)
    if len(keys) == 0:
        return empty_rows(table, stored=True)
    # Made from the table, the temporary columns take its affinity: "2023" meets 2023.
    con.execute(f"CREATE TEMP TABLE _critmin_keys AS SELECT {', '.join(key_cols)} FROM main.{table} WHERE 0")
    try:
        con.executemany(f"INSERT INTO temp._critmin_keys VALUES ({', '.join('?' * len(key_cols))})",
                        zip(*(keys[k].tolist() for k in key_cols)))
        cur = con.execute(f"{select_sql(table, 't', stored=True)} FROM (SELECT DISTINCT * FROM temp._critmin_keys) "
                          f"AS k CROSS JOIN main.{table} AS t ON " + " AND ".join(f"t.{k} = k.{k}" for k in key_cols))
        return fetch(cur, table, stored=True)
    finally:
        con.execute("DROP TABLE temp._critmin_keys")


def key_index(frame: pd.DataFrame, keys: list[str]) -> pd.MultiIndex:
    """The keys of a frame as an index, for membership tests between frames."""
    return pd.MultiIndex.from_frame(frame[keys])
