"""Open, create and write a project file.  Every write is one transaction.

SQLite in rollback-journal mode with ``synchronous=FULL`` gives the guarantee
the analyst needs: a crash, a kill or a power cut at any moment leaves the file
as it was before the write or as it is after it, never in between.  (WAL mode
is not used: it keeps committed data in a side file, and an analyst who
e-mails only the ``.critmin`` file would lose it.)
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from desktop import __version__
from desktop.core.dataset import SCHEMA, TEXT_COLUMNS, Dataset, columns, conform, empty, year_span
from desktop.core.errors import ProjectError
from desktop.core.registry import AGGREGATE_CODES, Registry, default_registry
from desktop.core.store import schema

FILE_SUFFIX = ".critmin"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class WriteReport:
    """What one import did to the project."""

    import_id: int | None = None
    already_imported: bool = False
    inserted_or_updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return sum(self.inserted_or_updated.values())


class Project:
    """A ``.critmin`` project file.  Not thread-safe: one ``Project`` per thread."""

    def __init__(self, path: Path, con: sqlite3.Connection):
        self.path = path
        self.con = con

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> "Project":
        path = Path(path)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise ProjectError(f"{path.name}: project file not found.")
        try:
            con = sqlite3.connect(path, isolation_level=None, timeout=10)
            con.execute("PRAGMA journal_mode=DELETE")
            con.execute("PRAGMA synchronous=FULL")
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA cache_size=-65536")  # 64 MB: bulk upserts touch many pages
            project = cls(path, con)
            if exists:
                project._check()
            else:
                project._create()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path.name}: not a CritMin project file ({exc}).") from exc
        return project

    def _check(self) -> None:
        app_id = self.con.execute("PRAGMA application_id").fetchone()[0]
        version = self.con.execute("PRAGMA user_version").fetchone()[0]
        if app_id != schema.APPLICATION_ID:
            raise ProjectError(f"{self.path.name}: not a CritMin project file.")
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(f"{self.path.name}: made by a newer CritMin (file version {version}, this program "
                               f"reads up to {schema.SCHEMA_VERSION}); please update CritMin.")
        if version < schema.SCHEMA_VERSION:
            with self.transaction():
                schema.migrate(self.con, version)

    def _create(self) -> None:
        reg = default_registry()
        with self.transaction():
            schema.create(self.con)
            self.con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("created_at", _now()), ("created_by", f"CritMin {__version__}"),
                ("schema_version", str(schema.SCHEMA_VERSION))])
            m = reg.minerals.reset_index()
            self.con.executemany("INSERT INTO minerals VALUES (?, ?, ?, ?, ?)",
                                 m[["id", "name_en", "name_zh", "symbol", "group"]].itertuples(index=False))
            c = reg.countries.reset_index()
            rows = [(r.iso3, r.name_en, r.name_zh, str(r.m49), 0) for r in c.itertuples(index=False)]
            rows += [(code, reg.country_name(code), reg.country_name(code, "zh"), "", 1) for code in AGGREGATE_CODES]
            self.con.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?)", rows)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------
    def transaction(self):
        return _Transaction(self.con)

    # -- writing -------------------------------------------------------------------------
    def write_import(self, tables: dict[str, pd.DataFrame], source: dict) -> WriteReport:
        """Upsert canonical tables from one file and log the import, in one transaction.

        Importing the same content again changes nothing: unchanged rows are not
        rewritten, and when no row changed the transaction is rolled back, so
        not even the import log grows.
        """
        report = WriteReport()
        with self.transaction() as tx:
            known = self.con.execute("SELECT id FROM import_log WHERE sha256 = ? ORDER BY id LIMIT 1",
                                     (source["sha256"],)).fetchone()
            cur = self.con.execute(
                "INSERT INTO import_log (file_name, sha256, imported_at, format, rows_json, rows_total) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (source["file"], source["sha256"], _now(), source.get("format", ""),
                 json.dumps({k: len(v) for k, v in tables.items()}, sort_keys=True),
                 sum(len(v) for v in tables.values())))
            import_id = cur.lastrowid
            for name, frame in tables.items():
                if name not in SCHEMA or frame.empty:
                    continue
                changed = self._upsert(name, frame, import_id)
                report.inserted_or_updated[name] = changed
                report.unchanged[name] = len(frame) - changed
            if report.changed == 0 and known:
                tx.rollback()
                report.already_imported = True
                report.import_id = known[0]
            else:
                report.import_id = import_id
        return report

    def _upsert(self, table: str, frame: pd.DataFrame, source_id: int | None) -> int:
        keys = list(SCHEMA[table][0])
        cols = columns(table)
        frame = frame if list(frame.columns) == cols else conform(table, frame)
        # Rows in primary-key order fill the B-tree sequentially (several times faster).
        frame = frame.iloc[_key_order(frame, keys)]
        data = [frame[c].tolist() for c in cols]
        data.append([source_id] * len(frame))
        before = self.con.total_changes
        if self.con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None:
            # Empty table: nothing to merge with, a plain INSERT is enough.
            self.con.executemany(f"INSERT INTO {table} ({', '.join(cols)}, source_id) "
                                 f"VALUES ({', '.join('?' * (len(cols) + 1))})", zip(*data))
            return self.con.total_changes - before
        new = _new_value_sql(table)
        updates = ", ".join([f"{c} = {expr}" for c, expr in new.items()] + ["source_id = excluded.source_id"])
        # Only rows whose values change are rewritten (IS compares NULLs as equal).
        differs = " OR ".join(f"({expr}) IS NOT {c}" for c, expr in new.items()) or "0"
        sql = (f"INSERT INTO {table} ({', '.join(cols)}, source_id) VALUES ({', '.join('?' * (len(cols) + 1))}) "
               f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates} WHERE {differs}")
        self.con.executemany(sql, zip(*data))
        return self.con.total_changes - before

    # -- reading -------------------------------------------------------------------------
    def read(self, table: str) -> pd.DataFrame:
        return self._read(table)[0]

    def _read(self, table: str) -> tuple[pd.DataFrame, np.ndarray]:
        """(the canonical table, the import id of each row) in one pass over the table."""
        cols = columns(table)
        cur = self.con.execute(f"SELECT {', '.join(cols)}, source_id FROM {table}")
        frame = pd.DataFrame.from_records(cur.fetchall(), columns=cols + ["source_id"])
        if len(frame) == 0:
            return empty(table), np.zeros(0)
        return conform(table, frame), pd.to_numeric(frame["source_id"], errors="coerce").to_numpy(dtype=float)

    def dataset(self) -> Dataset:
        tables, years = {}, {}
        for name in SCHEMA:
            tables[name], source = self._read(name)
            _years_by_source(name, tables[name], source, years)
        log = self.import_log()
        sources = [{"file": r.file_name, "sha256": r.sha256, "format": r.format,
                    "imported_at": r.imported_at, "rows": json.loads(r.rows_json),
                    "years": years.get(int(r.id), {}), "project": str(self.path)}
                   for r in log.itertuples(index=False)]
        return Dataset(tables={k: v for k, v in tables.items() if len(v)}, sources=sources)

    def import_log(self) -> pd.DataFrame:
        cur = self.con.execute("SELECT id, file_name, sha256, imported_at, format, rows_json, rows_total "
                               "FROM import_log ORDER BY id")
        return pd.DataFrame.from_records(cur.fetchall(), columns=[d[0] for d in cur.description])

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in SCHEMA}

    # -- aliases ---------------------------------------------------------------------------
    def aliases(self) -> pd.DataFrame:
        cur = self.con.execute("SELECT kind, alias, target FROM aliases ORDER BY kind, alias")
        return pd.DataFrame.from_records(cur.fetchall(), columns=["kind", "alias", "target"])

    def add_alias(self, kind: str, alias: str, target: str) -> str | None:
        """Save an analyst's name mapping; returns the previous target (for undo)."""
        with self.transaction():
            old = self.con.execute("SELECT target FROM aliases WHERE kind = ? AND alias = ?",
                                   (kind, alias)).fetchone()
            self.con.execute("INSERT INTO aliases VALUES (?, ?, ?, ?) ON CONFLICT (kind, alias) "
                             "DO UPDATE SET target = excluded.target", (kind, alias, target, _now()))
        return old[0] if old else None

    def registry(self) -> Registry:
        """The default registry plus this project's own aliases."""
        return default_registry().with_aliases(self.aliases())

    # -- reversible edits (the GUI's undo commands call these) -----------------------------
    def set_value(self, table: str, key: dict, column: str, value) -> object:
        """Set one cell; returns the previous value so the edit can be undone."""
        keys = SCHEMA[table][0]
        if column not in columns(table) or column in keys:
            raise ValueError(f"{column} is not an editable column of {table}")
        where = " AND ".join(f"{k} = ?" for k in keys)
        params = [key[k] for k in keys]
        with self.transaction():
            row = self.con.execute(f"SELECT {column} FROM {table} WHERE {where}", params).fetchone()
            if row is None:
                raise KeyError(f"no {table} row with key {key}")
            self.con.execute(f"UPDATE {table} SET {column} = ?, source_id = NULL WHERE {where}", [value, *params])
        return row[0]

    def delete_rows(self, table: str, keys: pd.DataFrame) -> pd.DataFrame:
        """Delete rows by key; returns the deleted rows (re-insert them with ``upsert_rows`` to undo)."""
        key_cols = list(SCHEMA[table][0])
        current = self.read(table)
        gone = current.merge(keys[key_cols].drop_duplicates(), on=key_cols, how="inner")
        where = " AND ".join(f"{k} = ?" for k in key_cols)
        with self.transaction():
            self.con.executemany(f"DELETE FROM {table} WHERE {where}", keys[key_cols].itertuples(index=False))
        return gone

    def upsert_rows(self, table: str, frame: pd.DataFrame) -> int:
        with self.transaction():
            return self._upsert(table, frame, None)


def _years_by_source(table: str, frame: pd.DataFrame, source: np.ndarray, out: dict[int, dict[str, str]]) -> None:
    """Add {import id: {table: '2015–2024'}} to ``out``: the years each import still supplies."""
    if "year" not in frame or len(frame) == 0:
        return
    span = pd.DataFrame({"source": source, "year": frame["year"].to_numpy()}).dropna() \
        .groupby("source")["year"].agg(["min", "max"])
    for sid, lo, hi in span.itertuples():
        out.setdefault(int(sid), {})[table] = year_span(int(lo), int(hi))


def _key_order(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Row order sorted by the key columns, via sorted integer codes (faster than sorting strings)."""
    codes = [pd.factorize(frame[k], sort=True)[0] for k in reversed(keys)]
    return np.lexsort(codes)


def _new_value_sql(table: str) -> dict[str, str]:
    """SQL for each non-key column's value after an upsert: the same rule as ``dataset.combine``.

    A row that says nothing about a column (empty value and no state) keeps what
    the project had, so a trade file does not wipe production from USGS.
    """
    _, stated, other = SCHEMA[table]
    out = {}
    for col in stated:
        silent = f"(excluded.{col} IS NULL AND excluded.{col}_state = '')"
        out[col] = f"CASE WHEN {silent} THEN {col} ELSE excluded.{col} END"
        out[f"{col}_state"] = f"CASE WHEN {silent} THEN {col}_state ELSE excluded.{col}_state END"
    for col in other:
        silent = f"excluded.{col} = ''" if col in TEXT_COLUMNS else f"excluded.{col} IS NULL"
        out[col] = f"CASE WHEN {silent} THEN {col} ELSE excluded.{col} END"
    return out


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (or on request)."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self._rolled_back = False

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")
        self._rolled_back = True

    def __enter__(self) -> "_Transaction":
        self.con.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._rolled_back:
            return
        if exc_type is None:
            self.con.execute("COMMIT")
        else:
            self.con.execute("ROLLBACK")
