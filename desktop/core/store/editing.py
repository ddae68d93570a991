"""Edits of rows by hand (a cell, a pasted block, added and deleted rows) as reversible changes.

An edit is a set of keys to remove and a set of whole rows to write.  A cell
edit writes the row with the new value; editing a key cell removes the old key
and writes the row under the new one; a paste writes many rows; deleting rows
removes keys.  Edited rows get ``source_id`` NULL: no import wrote them.
"""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd

from desktop.core.dataset import OPTIONAL_TEXT, SCHEMA, columns
from desktop.core.errors import EditError, KeyCollision
from desktop.core.store import rows as R
from desktop.core.store.changes import Change, TableChange
from desktop.core.values import STATES, is_range, range_high


def edit_rows(con: sqlite3.Connection, table: str, remove: pd.DataFrame | None, upsert: pd.DataFrame | None,
              label: str, replace: bool) -> Change:
    """Remove and write rows inside the caller's transaction; see ``Project.edit_rows``."""
    if table not in SCHEMA:
        raise EditError(f"“{table}” is not a table of the project.")
    keys = R.key_columns(table)
    new = _rows(table, upsert) if upsert is not None else R.empty_rows(table)
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
    """The rows to write as a rows frame of canonical dtypes (source_id NaN), or EditError."""
    cols = columns(table)
    missing = [c for c in cols if c not in frame]
    extra = [c for c in frame.columns if c not in cols and c != R.SOURCE]
    if missing or extra:
        what = f"lack {', '.join(missing)}" if missing else f"have unknown column(s) {', '.join(map(str, extra))}"
        raise EditError(f"The {table} rows to write {what}; every column of the table is needed.")
    out = pd.DataFrame({c: _column(table, c, frame[c]) for c in cols})
    out[R.SOURCE] = np.nan
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
