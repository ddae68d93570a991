"""The canonical tables every reader produces, the store keeps and the engine reads.

A :class:`Dataset` is a dict-like bundle of pandas DataFrames with the columns
below.  Ids are canonical: ``mineral`` is a registry mineral id (``lithium``),
``country`` an ISO 3166 alpha-3 code or an aggregate code (``WORLD``,
``OTHERS``).  Every numeric value column ``x`` that may hold a publisher token
has a companion ``x_state`` column (see :mod:`desktop.core.values`; ``""`` for
a plain number).  ``stage`` is ``""`` when the source does not say; in ``chain_risk`` and
``events`` it is a chain stage (mining, processing, use, recycling), and an event's ``end_year``
is empty while the event is in force (:mod:`desktop.core.chain.events`).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core.tables import (  # noqa: F401 — re-exported: the canonical tables are defined there
    SCHEMA, TEMPLATE_TABLES, TABLES, WGI_INDICATORS, PRODUCTION_STAGES, STREAMS,
    CHAIN_STAGES, DIMENSIONS, INT_COLUMNS, TEXT_COLUMNS, OPTIONAL_TEXT, columns)


def empty(table: str) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="int64" if c in INT_COLUMNS else
                                       "object" if c in TEXT_COLUMNS or c.endswith("_state") else "float64")
                          for c in columns(table)})
    return frame


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with exactly the canonical columns and dtypes (missing ones added)."""
    out = pd.DataFrame(index=frame.index)
    for col in columns(table):
        if col in frame:
            out[col] = frame[col]
        elif col.endswith("_state") or col in OPTIONAL_TEXT:
            out[col] = ""
        else:
            out[col] = pd.Series(dtype="float64", index=frame.index)
    for col in INT_COLUMNS:             # year, and the start_year of the events table
        if col in out:
            out[col] = out[col].astype("int64")
    for col in out.columns:
        if col.endswith("_state") or col in OPTIONAL_TEXT:
            out[col] = out[col].fillna("").astype(object)
    return out.reset_index(drop=True)


# (source_id, sheet, row) of one stored row, each None where unknown
StoredOrigin = tuple[int | None, str | None, int | None]
# reader(table, {key column: value}) -> the StoredOrigin of that row, or None
# (desktop.core.store.provenance.OriginReader)
OriginReader = Callable[[str, dict], StoredOrigin | None]


@dataclass
class Dataset:
    """Canonical tables plus where they came from.

    The tables are exactly what the engine reads; the provenance of their rows is kept beside them (a
    Dataset read from a project has it, ``Project.dataset()``; one built otherwise has none):
    ``row_sources[table]`` is the import id of each row (float, NaN for a row edited by hand or pasted),
    parallel to ``tables[table]``; ``source_files`` names each import's file; ``origin()`` says where a
    row came from.  ``revision`` is the project file's revision when it was read (``Project.revision()``):
    a different number now means the project changed since.
    """

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)   # file, sha256, format, rows per table
    row_sources: dict[str, np.ndarray] = field(default_factory=dict)
    source_files: dict[int, str] = field(default_factory=dict)     # import id -> file name
    revision: int | None = None
    origin_reader: OriginReader | None = field(default=None, repr=False)

    def get(self, table: str) -> pd.DataFrame:
        return self.tables.get(table, empty(table))

    def __contains__(self, table: str) -> bool:
        return table in self.tables and len(self.tables[table]) > 0

    def origin(self, table: str, row: int) -> dict[str, object]:
        """Where the row at position ``row`` of ``tables[table]`` came from: ``{"source_id", "file", "sheet",
        "row"}`` (the import, its file name, and the sheet and 1-based row of that file), each None where it
        is not known; all None for a row edited by hand.  IndexError for a position outside the table.

        The sheet and row are read from the project file when asked (``origin_reader``), and given only while
        the row there is still the one this import wrote.
        """
        frame = self.get(table)
        if not 0 <= row < len(frame):
            raise IndexError(f"{table} has no row {row} (it has {len(frame)})")
        out: dict[str, object] = {"source_id": None, "file": None, "sheet": None, "row": None}
        ids = self.row_sources.get(table)
        if ids is None or len(ids) != len(frame) or np.isnan(ids[row]):
            return out
        sid = int(ids[row])
        out.update(source_id=sid, file=self.source_files.get(sid))
        if self.origin_reader is not None and table in SCHEMA:
            key = {k: frame[k].iat[row] for k in SCHEMA[table][0]}
            stored = self.origin_reader(table, key)
            if stored is not None and stored[0] == sid:
                out.update(sheet=stored[1], row=stored[2])
        return out

    def merge(self, other: Dataset) -> None:
        """Add ``other``; on equal keys the later file wins column by column.

        A value the later file does not carry (empty with no state, e.g. the
        production column of a trade file) keeps the earlier file's value, so
        combining USGS production with BACI trade does not wipe production.
        The project store applies the same rule (``Project.write_import``).

        Merged into an empty Dataset, ``other`` keeps its provenance; otherwise the tables the merge
        changes lose theirs (their rows no longer come from one project) and ``revision`` is None.
        """
        if not self.tables and not self.sources:
            self.row_sources, self.source_files = dict(other.row_sources), dict(other.source_files)
            self.revision, self.origin_reader = other.revision, other.origin_reader
        else:
            for name in other.tables:
                self.row_sources.pop(name, None)
            self.revision = None
        for name, frame in other.tables.items():
            if name in self.tables and len(self.tables[name]) and name in SCHEMA:
                self.tables[name] = combine(name, self.tables[name], frame)
            elif name in self.tables and len(self.tables[name]):
                self.tables[name] = pd.concat([self.tables[name], frame], ignore_index=True)
            else:
                self.tables[name] = frame
        self.sources.extend(other.sources)


def absent(table: str, frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Per non-key column: where the row says nothing (so an older value should stay)."""
    keys, stated, other = SCHEMA[table]
    out = {}
    for col in stated:
        gap = frame[col].isna() & (frame[f"{col}_state"].fillna("") == "")
        out[col] = out[f"{col}_state"] = gap
    for col in other:
        out[col] = frame[col].isna() | (frame[col].astype(object) == "") if col in TEXT_COLUMNS else frame[col].isna()
    return out


def combine(table: str, old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Upsert ``new`` into ``old`` by key, column by column (see :meth:`Dataset.merge`)."""
    keys = list(SCHEMA[table][0])
    both = pd.concat([conform(table, old), conform(table, new)], ignore_index=True)
    if not both.duplicated(keys).any():
        return both
    group = both.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(both))).groupby(group).first().to_numpy()   # one row per key
    merged = both.iloc[first].reset_index(drop=True)
    positions = np.arange(len(both))
    for col, gap in absent(table, both).items():
        # Row position of the last row that says something about this column, per key.
        pos = np.where(gap.to_numpy(), -1, positions)
        last = pd.Series(pos).groupby(group).max().to_numpy()
        values = both[col].to_numpy(dtype=object)[np.maximum(last, 0)]
        filler = "" if (col.endswith("_state") or col in TEXT_COLUMNS) else np.nan
        merged[col] = np.where(last >= 0, values, filler)
    return conform(table, merged)


def year_span(first: int, last: int) -> str:
    """'2015–2024' (or '2024' for one year): the years a source supplies, shown in provenance."""
    return str(first) if first == last else f"{first}–{last}"


def key_order(frame: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, list[np.ndarray]]:
    """The row positions of ``frame`` sorted by ``keys`` (the first key varying slowest; stable, so rows
    with equal keys stay in file order), and each key's rank at those positions: equal ranks, equal values.

    Each key column is hashed once (``pd.factorize``) and only its few distinct values are sorted (pandas's
    order: mixed types allowed, a missing value last) — half the time of ``factorize(sort=True)`` on the
    whole column.  The ranks are packed into one int64 per row and one stable argsort of that orders the
    rows, about three times faster than ``np.lexsort`` over the ranks (the fallback when the keys have too
    many distinct values to pack into 63 bits); a frame already in key order (an export being imported
    again) is recognised and not sorted.
    """
    ranks, sizes = [], []
    for key in keys:
        codes, distinct = pd.factorize(frame[key])
        rank_of_distinct = np.append(pd.factorize(distinct, sort=True)[0], len(distinct))   # code -1: missing
        ranks.append(rank_of_distinct.astype(np.int64)[codes])
        sizes.append(len(distinct) + 1)
    if len(frame) < 2:
        order = np.arange(len(frame))
    elif math.prod(sizes) < 2 ** 63:
        packed = np.zeros(len(frame), dtype=np.int64)
        for rank, size in zip(ranks, sizes):
            packed = packed * size + rank
        in_order = bool((packed[1:] >= packed[:-1]).all())
        order = np.arange(len(frame)) if in_order else np.argsort(packed, kind="stable")
    else:
        order = np.lexsort(ranks[::-1])
    return order, [rank[order] for rank in ranks]
