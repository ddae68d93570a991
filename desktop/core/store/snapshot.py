"""The project's tables as one Dataset, kept between reads and refreshed table by table.

The window recomputes every indicator shortly after each edit.  Reading the whole project again
each time costs as much as the computation on a project of real data (trade flows alone are
270,000 rows), while an edit changes one table.  :class:`DatasetCache` keeps the tables it read
with their revision (``revisions.py``) and reads again only those whose revision has moved since:
through any connection to the file, since the revisions are read from the file, not remembered.

No Qt here: the cache is the core's, kept by whoever recomputes (the window's document), and
used from its worker threads.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA, Dataset, year_span
from desktop.core.store.provenance import OriginReader, file_identity

__all__ = ["DatasetCache", "assemble", "read_part"]


@dataclass
class TablePart:
    """One table as ``Project.dataset()`` uses it: its rows, each row's import and the years each import
    supplies in it."""

    frame: pd.DataFrame
    sources: np.ndarray                   # import id per row (float; NaN: edited by hand)
    years: dict[int, str]                 # import id -> '2015–2024'


def read_part(project, table: str) -> TablePart:
    frame, source = project.read_with_sources(table)
    return TablePart(frame=frame, sources=source, years=_years_by_source(frame, source))


def _years_by_source(frame: pd.DataFrame, source: np.ndarray) -> dict[int, str]:
    """{import id: '2015–2024'}: the years each import still supplies in this table."""
    if "year" not in frame or len(frame) == 0:
        return {}
    span = pd.DataFrame({"source": source, "year": frame["year"].to_numpy()}).dropna() \
        .groupby("source")["year"].agg(["min", "max"])
    return {int(sid): year_span(int(lo), int(hi)) for sid, lo, hi in span.itertuples()}


def assemble(parts: dict[str, TablePart], log: pd.DataFrame, path: Path, revision: int | None = None) -> Dataset:
    """The Dataset of ``Project.dataset()`` from its tables (in ``SCHEMA`` order), the import log and the file's
    revision when they were read.  The provenance of the rows is beside the tables, which stay as the engine
    reads them: each row's import (``row_sources``), the imports' files, and a reader of each row's sheet and
    row in its file (provenance.py)."""
    years: dict[int, dict[str, str]] = {}
    for name, part in parts.items():
        for sid, span in part.years.items():
            years.setdefault(sid, {})[name] = span
    sources = [{"file": r.file_name, "sha256": r.sha256, "format": r.format,
                "imported_at": r.imported_at, "rows": json.loads(r.rows_json),
                "years": years.get(int(r.id), {}), "project": str(path)}
               for r in log.itertuples(index=False)]
    kept = {k: p for k, p in parts.items() if len(p.frame)}
    return Dataset(tables={k: p.frame for k, p in kept.items()}, sources=sources,
                   row_sources={k: p.sources for k, p in kept.items()},
                   source_files={int(r.id): r.file_name for r in log.itertuples(index=False)},
                   revision=revision, origin_reader=OriginReader(path))


class DatasetCache:
    """``cache.dataset(project)`` equals ``project.dataset()`` and re-reads only the tables changed since.

    Give it any ``Project`` of the file (the window's own or a worker's connection): the revisions
    come from the file, so writes through other connections are seen.  Another file, or another
    file at the same path (Save As over it, a rebuilt demo), starts it afresh.  The frames are
    shared by the Datasets it returns, and kept for the next call: read them, never change them
    in place.  Thread-safe (one call at a time); ``clear()`` lets the memory go.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._file: tuple | None = None
        self._parts: dict[str, TablePart] = {}
        self._seen: dict[str, int] = {}
        self._whole = 0                        # the file's revision at the last call (0: none)
        self._log: pd.DataFrame | None = None
        self.reads: dict[str, int] = {}        # how often each table was read: for tests and benchmarks

    def clear(self) -> None:
        with self._lock:
            self._forget(None)

    def _forget(self, file: tuple | None) -> None:
        self._file, self._parts, self._seen, self._whole, self._log = file, {}, {}, 0, None

    def dataset(self, project) -> Dataset:
        with self._lock:
            file = file_identity(project.path)
            if file != self._file:
                self._forget(file)
            with project.reading():       # the revisions and the rows they stand for: one state of the file
                whole = project.revision()
                # The file's revision moves with every committed write: unmoved, nothing at all is read again.
                # (0: no write of this version yet, so the tables' revisions decide, as for older files.)
                if not whole or whole != self._whole or self._log is None:
                    self._refresh(project)
                    self._whole, self._log = whole, project.import_log()
                log = self._log
            return assemble({name: self._parts[name] for name in SCHEMA}, log, project.path, whole)

    def _refresh(self, project) -> None:
        """Read again the tables whose revision moved since they were read."""
        seen = project.revisions()
        for name in SCHEMA:
            if name not in self._parts or self._seen.get(name) != seen[name]:
                self._parts[name] = read_part(project, name)
                self._seen[name] = seen[name]
                self.reads[name] = self.reads.get(name, 0) + 1
