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
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA, Dataset, year_span

__all__ = ["DatasetCache", "assemble", "read_part"]


@dataclass
class TablePart:
    """One table as ``Project.dataset()`` uses it: its rows and the years each import supplies in it."""

    frame: pd.DataFrame
    years: dict[int, str]                 # import id -> '2015–2024'


def read_part(project, table: str) -> TablePart:
    frame, source = project.read_with_sources(table)
    return TablePart(frame, _years_by_source(frame, source))


def _years_by_source(frame: pd.DataFrame, source: np.ndarray) -> dict[int, str]:
    """{import id: '2015–2024'}: the years each import still supplies in this table."""
    if "year" not in frame or len(frame) == 0:
        return {}
    span = pd.DataFrame({"source": source, "year": frame["year"].to_numpy()}).dropna() \
        .groupby("source")["year"].agg(["min", "max"])
    return {int(sid): year_span(int(lo), int(hi)) for sid, lo, hi in span.itertuples()}


def assemble(parts: dict[str, TablePart], log: pd.DataFrame, path: Path) -> Dataset:
    """The Dataset of ``Project.dataset()`` from its tables (in ``SCHEMA`` order) and the import log."""
    years: dict[int, dict[str, str]] = {}
    for name, part in parts.items():
        for sid, span in part.years.items():
            years.setdefault(sid, {})[name] = span
    sources = [{"file": r.file_name, "sha256": r.sha256, "format": r.format,
                "imported_at": r.imported_at, "rows": json.loads(r.rows_json),
                "years": years.get(int(r.id), {}), "project": str(path)}
               for r in log.itertuples(index=False)]
    return Dataset(tables={k: p.frame for k, p in parts.items() if len(p.frame)}, sources=sources)


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
        self.reads: dict[str, int] = {}        # how often each table was read: for tests and benchmarks

    def clear(self) -> None:
        with self._lock:
            self._forget(None)

    def _forget(self, file: tuple | None) -> None:
        self._file, self._parts, self._seen = file, {}, {}

    def dataset(self, project) -> Dataset:
        with self._lock:
            file = _file_identity(project.path)
            if file != self._file:
                self._forget(file)
            with project.reading():       # the revisions and the rows they stand for: one state of the file
                seen = project.revisions()
                for name in SCHEMA:
                    if name not in self._parts or self._seen.get(name) != seen[name]:
                        self._parts[name] = read_part(project, name)
                        self._seen[name] = seen[name]
                        self.reads[name] = self.reads.get(name, 0) + 1
                log = project.import_log()
            return assemble({name: self._parts[name] for name in SCHEMA}, log, project.path)


def _file_identity(path: Path) -> tuple:
    """Which file ``path`` is: replacing it (os.replace, a copy over it) gives another identity."""
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(Path(path).resolve()), st.st_dev, st.st_ino)
