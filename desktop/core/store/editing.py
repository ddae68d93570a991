"""Edits of rows by hand (a cell, a pasted block, added and deleted rows) as reversible changes.

An edit is a set of keys to remove and a set of whole rows to write.  A cell
edit writes the row with the new value; editing a key cell removes the old key
and writes the row under the new one; a paste writes many rows; deleting rows
removes keys.  Edited rows get ``source_id`` NULL and no origin: no import wrote them.
``set_values`` sets many single cells (of one or several tables) the same way, as one change.
"""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd

from desktop.core.dataset import OPTIONAL_TEXT, SCHEMA, columns
from desktop.core.errors import CellError, EditError, KeyCollision
from desktop.core.registry import Registry
from desktop.core.store import rows as R
from desktop.core.store.changes import Change, TableChange
from desktop.core.values import STATES, is_range, range_high


def edit_rows(con: sqlite3.Connection, table: str, remove: pd.DataFrame | None, upsert: pd.DataFrame | None,
              label: str, replace: bool) -> Change:
    """Remove and write rows inside the caller's transaction; see ``Project.edit_rows``."""
    if table not in SCHEMA:
        raise EditError(f"“{table}” is not a table of the project.")
    keys = R.key_columns(table)
    new = _rows(table, upsert) if upsert is not None else R.empty_rows(table, stored=True)
    gone = _keys(table, remove) if remove is not None else new[keys].iloc[:0]
    dup = new.duplicated(keys)
    if dup.any():
        raise EditError(f"Two of the rows to write have the same key ({describe(table, new[dup].iloc[0])}); "
                        "each row needs its own key.")
    if len(new) == 0 and len(gone) == 0:
        return Change(label=label)
    before = R.rows_at(con, table, pd.concat([gone, new[keys]], ignore_index=True))
    stored = R.key_index(before, keys)
    missing = ~R.key_index(gone, keys).isin(stored)
    if missing.any():
        raise EditError(f"There is no {table} row with {describe(table, gone[missing].iloc[0])} to change; "
                        "reload the table.")
    if not replace:
        taken = R.key_index(new, keys).isin(stored) & ~R.key_index(new, keys).isin(R.key_index(gone, keys))
        if taken.any():
            raise KeyCollision(f"A {table} row with {describe(table, new[taken].iloc[0])} already exists; "
                               "choose another key or delete that row first.")
    R.delete_at(con, table, before)
    try:
        R.insert(con, table, new)
    except sqlite3.IntegrityError as exc:
        raise EditError(f"The {table} rows cannot be written ({exc}).") from exc
    return Change(label=label, tables={table: TableChange(before=before, after=new)})


def describe(table: str, row) -> str:
    """'mineral cobalt, country COD, year 2023, stage mine': a key as the messages name it."""
    return ", ".join(f"{k} {row[k]}" for k in R.key_columns(table) if row[k] != "")


def _keys(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    keys = R.key_columns(table)
    missing = [k for k in keys if k not in frame]
    if missing:
        raise EditError(f"The rows to remove lack the key column(s) {', '.join(missing)}.")
    out = pd.DataFrame({k: _column(table, k, frame[k]) for k in keys})
    return out.drop_duplicates().reset_index(drop=True)


def _rows(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows to write as a stored rows frame of canonical dtypes (source_id NaN, no origin), or EditError."""
    cols = columns(table)
    missing = [c for c in cols if c not in frame]
    extra = [c for c in frame.columns if c not in cols and c not in (R.SOURCE, *R.ORIGIN)]
    if missing or extra:
        what = f"lack {', '.join(missing)}" if missing else f"have unknown column(s) {', '.join(map(str, extra))}"
        raise EditError(f"The {table} rows to write {what}; every column of the table is needed.")
    out = pd.DataFrame({c: _column(table, c, frame[c]) for c in cols})
    out[R.SOURCE] = np.nan
    out[R.SHEET] = np.full(len(out), None, dtype=object)
    out[R.LINE] = np.nan
    return out


def _column(table: str, col: str, values: pd.Series) -> np.ndarray:
    """One column in its canonical dtype; a value that does not fit raises EditError."""
    values = values.reset_index(drop=True)
    kind = R.dtypes(table)[col]
    if kind == "int64":
        num = pd.to_numeric(values, errors="coerce")
        bad = num.isna() | (num != num.round())
        _refuse(table, col, values, bad, "a whole number")
        return num.to_numpy(dtype="int64")
    if kind == "object":
        blank = values.isna()
        if col.endswith("_state") or col in OPTIONAL_TEXT:
            values = values.where(~blank, "")
        else:
            _refuse(table, col, values, blank | (values.astype(str) == ""), "a value (it is part of the key)")
        _refuse(table, col, values, ~values.map(lambda v: isinstance(v, str)), "text")
        if col.endswith("_state"):
            _refuse(table, col, values, ~values.map(_valid_state), "a value state (W, NA, E, >, <, range:…)")
        return values.to_numpy(dtype=object)
    num = pd.to_numeric(values, errors="coerce")
    _refuse(table, col, values, num.isna() & values.notna(), "a number")
    return num.to_numpy(dtype="float64")


def _refuse(table: str, col: str, values: pd.Series, bad: pd.Series, expected: str) -> None:
    if bad.any():
        raise EditError(f"{table}.{col} takes {expected}, not {values[bad].iloc[0]!r}.")


def _valid_state(state: str) -> bool:
    if not is_range(state):
        return state in STATES
    try:
        range_high(state)
    except (IndexError, ValueError):
        return False
    return True


class CellValue(NamedTuple):
    """One cell to set: the row's table and key ({key column: value}), the column, and its new value."""

    table: str
    key: Mapping[str, object]
    column: str
    value: object


def set_values(con: sqlite3.Connection, cells: Iterable[CellValue | tuple], label: str,
               registry: Registry | None = None) -> Change:
    """Set many cells inside the caller's transaction, as one change; see ``Project.set_values``.

    ``registry`` given: each value is text as an analyst types it, checked and converted by ``parse_cell``.
    """
    by_table: dict[str, list[CellValue]] = {}
    for cell in cells:
        cell = CellValue(*cell)
        if cell.table not in SCHEMA:
            raise EditError(f"“{cell.table}” is not a table of the project.")
        if cell.column not in columns(cell.table):
            raise EditError(f"{cell.table} has no column “{cell.column}” to set.")
        by_table.setdefault(cell.table, []).append(cell)
    change = Change(label=label)
    for table, group in by_table.items():
        change.tables.update(_set_in_table(con, table, group, label, registry).tables)
    return change


def _set_in_table(con: sqlite3.Connection, table: str, cells: list[CellValue], label: str,
                  registry: Registry | None) -> Change:
    """The cells of one table: the stored rows they address, changed in order, written by ``edit_rows``."""
    keys = R.key_columns(table)
    missing = sorted({k for cell in cells for k in keys if k not in cell.key})
    if missing:
        raise EditError(f"The key of a {table} row needs {', '.join(missing)}.")
    # The keys in their canonical types ("2023" is the year 2023), as tuples in key-column order.
    wanted = pd.DataFrame({k: _column(table, k, pd.Series([c.key[k] for c in cells], dtype=object)) for k in keys})
    addressed = list(zip(*(wanted[k].tolist() for k in keys)))
    stored = R.rows_at(con, table, wanted.drop_duplicates())
    records = stored[columns(table)].to_dict("records")
    originals = dict(zip(zip(*(stored[k].tolist() for k in keys)), records))
    edited = {key: dict(row) for key, row in originals.items()}
    for cell, key in zip(cells, addressed):
        record = edited.get(key)
        if record is None:
            raise EditError(f"There is no {table} row with {describe(table, dict(zip(keys, key)))} to change; "
                            "reload the table.")
        _set_cell(table, record, cell, registry)
    changed = [key for key, record in edited.items() if not _same_record(record, originals[key])]
    if not changed:
        return Change(label=label)
    remove = pd.DataFrame([dict(zip(keys, key)) for key in changed])
    upsert = pd.DataFrame([edited[key] for key in changed], columns=columns(table))
    return edit_rows(con, table, remove, upsert, label, replace=False)


def _set_cell(table: str, record: dict, cell: CellValue, registry: Registry | None) -> None:
    """Put ``cell.value`` into ``record`` (a canonical row); a stated value column takes ``(number, state)``
    or a plain number (state "": a value), and sets its ``_state`` companion with it."""
    value = cell.value
    if registry is not None:
        from desktop.core.store.cells import parse_cell

        try:
            value = parse_cell(table, cell.column, value, registry, row=record)
        except CellError as exc:
            raise CellError(f"{table}, {cell.column} of the row with {describe(table, record)}: {exc}") from exc
    base = cell.column.removesuffix("_state")
    if base not in SCHEMA[table][1]:
        record[cell.column] = value
    elif isinstance(value, tuple):
        record[base], record[f"{base}_state"] = value
    elif cell.column == base:
        record[base], record[f"{base}_state"] = value, ""
    else:
        record[cell.column] = value


def _same_record(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(_same_value(a[c], b[c]) for c in a)


def _same_value(a: object, b: object) -> bool:
    """Equal, or both missing (None and NaN alike: a value column stores either as NULL)."""
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return type(a) is type(b) and a == b if isinstance(a, str) or isinstance(b, str) else bool(a == b)
