"""A canonical table prepared for display: one numpy array per shown column, built on the worker.

The table model (:mod:`desktop.ui.models.frame_model`) only indexes these arrays, so
``data()`` costs the same for 100 rows or 1,000,000: no Qt item per cell, no pandas
in the paint path.  Text columns are held as integer codes into a list of labels,
which makes sorting and filtering by mineral or country a comparison of integers.
No Qt here: it runs on the worker thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from desktop.core.tables import INT_COLUMNS, SCHEMA, TEXT_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

# Text columns whose codes are shown as registry names in the interface language.
MINERAL_COLUMNS = {"mineral"}
COUNTRY_COLUMNS = {"country", "exporter", "importer"}
SOURCE = "source"            # the shown column naming the import a row came from ("" = edited by hand)


@dataclass
class Column:
    name: str                 # canonical column ("quantity" stands for quantity + quantity_state)
    kind: str                 # "text" | "int" | "number"
    codes: np.ndarray | None = None        # text: int32 code per row
    labels: list[str] = field(default_factory=list)      # text: the distinct ids/values
    values: np.ndarray | None = None       # int / number
    states: np.ndarray | None = None       # number: the value state per row ("" plain)
    editable: bool = True
    stated: bool = True                    # number: has an ``x_state`` companion in the store


@dataclass
class TableData:
    table: str
    columns: list[Column]
    n: int
    source_ids: np.ndarray                  # float per row (NaN: edited by hand)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def record(self, row: int) -> dict:
        """The canonical row (every store column) at array position ``row``."""
        out = {}
        for col in self.columns:
            if col.name == SOURCE:
                continue
            if col.kind == "text":
                out[col.name] = col.labels[col.codes[row]]
            elif col.kind == "int":
                out[col.name] = int(col.values[row])
            else:
                value = col.values[row]
                out[col.name] = None if np.isnan(value) else float(value)
                if col.stated:
                    out[f"{col.name}_state"] = col.states[row]
        return out

    def text(self, col: Column, row: int) -> str:
        """The cell as an analyst would type it (ids for names, tokens for states): the store's own
        inverse of the cell parser."""
        from desktop.core.store.cells import format_cell   # here: it loads pandas, the window starts without

        if col.kind == "text":
            return col.labels[col.codes[row]]
        value = col.values[row]
        return format_cell(self.table, col.name, None if col.kind == "number" and np.isnan(value) else value,
                           col.states[row] if col.kind == "number" else "")

    def set_record(self, row: int, record: dict) -> None:
        """Write a canonical row into position ``row`` (an optimistic update after an edit)."""
        for col in self.columns:
            if col.name == SOURCE:
                col.codes[row] = _code(col, "")
                continue
            if col.kind == "text":
                col.codes[row] = _code(col, record.get(col.name) or "")
            elif col.kind == "int":
                col.values[row] = int(record[col.name])
            else:
                value = record.get(col.name)
                col.values[row] = np.nan if value is None else float(value)
                col.states[row] = (record.get(f"{col.name}_state", "") or "") if col.stated else ""
        self.source_ids[row] = np.nan


def _code(col: Column, label: str) -> int:
    try:
        return col.labels.index(label)
    except ValueError:
        col.labels.append(label)
        return len(col.labels) - 1


def prepare(table: str, frame: pd.DataFrame, source_ids: np.ndarray, import_log: pd.DataFrame) -> TableData:
    """Arrays for display from a canonical table and the import id of each row (worker thread)."""
    import pandas as pd    # only on the worker: the window is built before pandas is loaded

    keys, stated, other = SCHEMA[table]
    sources = {int(r.id): str(r.file_name) for r in import_log.itertuples(index=False)} if len(import_log) else {}
    cols: list[Column] = []
    for name in list(keys) + list(stated) + list(other):
        if name in INT_COLUMNS:
            cols.append(Column(name, "int", values=frame[name].to_numpy(dtype="int64")))
        elif name in TEXT_COLUMNS:
            codes, uniques = pd.factorize(frame[name].fillna("").astype(object))
            cols.append(Column(name, "text", codes=codes.astype(np.int32), labels=[str(u) for u in uniques]))
        else:
            stated_ = name in stated
            states = frame[f"{name}_state"].fillna("").to_numpy(dtype=object) if stated_ else \
                np.full(len(frame), "", dtype=object)
            cols.append(Column(name, "number", values=frame[name].to_numpy(dtype=float, na_value=np.nan),
                               states=states, stated=stated_))
    sid = np.asarray(source_ids, dtype=float)
    labels = [""] + [sources[k] for k in sorted(sources)]
    lookup = {k: i + 1 for i, k in enumerate(sorted(sources))}
    codes = np.zeros(len(frame), dtype=np.int32)
    if len(frame):
        known = ~np.isnan(sid)
        codes[known] = pd.Series(sid[known].astype(np.int64)).map(lookup).fillna(0).to_numpy(dtype=np.int32)
    cols.append(Column(SOURCE, "text", codes=codes, labels=labels, editable=False))
    return TableData(table, cols, len(frame), sid)


def read_table(project, table: str) -> TableData:
    """Read ``table`` from an open project and prepare it (worker thread)."""
    frame, source_ids = project.read_with_sources(table)
    return prepare(table, frame, source_ids, project.import_log())
