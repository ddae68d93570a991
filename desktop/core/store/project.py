"""Open, create and write a project file.  Every write is one transaction.

SQLite in rollback-journal mode with ``synchronous=FULL`` gives the guarantee
the analyst needs: a crash, a kill or a power cut at any moment leaves the file
as it was before the write or as it is after it, never in between.  (WAL mode
is not used: it keeps committed data in a side file, and an analyst who
e-mails only the ``.critmin`` file would lose it.)

Writes the GUI can undo return a :class:`~desktop.core.store.changes.Change`;
``apply`` undoes and redoes it.  Opening checks the file first (opening.py);
the one-window-per-file lock is separate (lock.py), held by the GUI's document.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from desktop import __version__
from desktop.core.dataset import SCHEMA, Dataset, columns, year_span
from desktop.core.errors import EditError, ProjectError, WriteError
from desktop.core.registry import AGGREGATE_CODES, Registry, default_registry
from desktop.core.store import changes, editing, imports, opening, provenance, revisions, schema, snapshot
from desktop.core.store import rows as R
from desktop.core.store.changes import Change
from desktop.core.store.editing import CellValue
from desktop.core.store.imports import ImportItem, Origins, WriteReport, now

FILE_SUFFIX = ".critmin"
__all__ = ["FILE_SUFFIX", "Project", "WriteReport"]


class Project:
    """A ``.critmin`` project file.  Not thread-safe: one ``Project`` (connection) per thread."""

    def __init__(self, path: Path, con: sqlite3.Connection):
        self.path = path
        self.con = con
        self._trusted = False

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = False, *, verify: bool = True) -> Project:
        """Open a project (or create it when ``create`` and the file is missing or empty).

        Raises ProjectError, changing nothing, when the file is missing, not a
        CritMin project, damaged, or made by a newer CritMin.  ``verify`` reads
        every page once per process (``PRAGMA quick_check``; a file this
        process verified and then only wrote to itself is not read again).
        An older file is first copied to ``<stem>.v<old>-backup.critmin``, then
        migrated in one transaction.
        """
        path = Path(path)
        if create and not (path.exists() and path.is_file() and path.stat().st_size > 0):
            return cls._create(path)
        opening.check_file(path)
        con = _connect(path)
        try:
            check = verify and not opening.is_trusted(path)
            version = opening.check_database(con, path, check)
            _configure(con)
            project = cls(path, con)
            if version < schema.SCHEMA_VERSION:
                project._migrate(version)
        except sqlite3.DatabaseError as exc:      # e.g. busy beyond the timeout while configuring
            con.close()
            raise opening.opening_error(path, exc) from exc
        except BaseException:
            con.close()
            raise
        if check:
            opening.trust(path)
        project._trusted = verify
        return project

    @classmethod
    def _create(cls, path: Path) -> Project:
        con = _connect(path)
        try:
            _configure(con)
            project = cls(path, con)
            project._fill_new()
        except sqlite3.Error as exc:
            con.close()
            raise ProjectError(f"{path.name} cannot be created ({exc}).") from exc
        project._trusted = True
        return project

    def _fill_new(self) -> None:
        reg = default_registry()
        with self.transaction():
            schema.create(self.con)
            self.con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("created_at", now()), ("created_by", f"CritMin {__version__}"),
                ("schema_version", str(schema.SCHEMA_VERSION))])
            m = reg.minerals.reset_index()
            self.con.executemany("INSERT INTO minerals (id, name_en, name_zh, symbol, grp) VALUES (?, ?, ?, ?, ?)",
                                 m[["id", "name_en", "name_zh", "symbol", "group"]].itertuples(index=False))
            c = reg.countries.reset_index()
            rows = [(r.iso3, r.name_en, r.name_zh, str(r.m49), 0) for r in c.itertuples(index=False)]
            rows += [(code, reg.country_name(code), reg.country_name(code, "zh"), "", 1) for code in AGGREGATE_CODES]
            self.con.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?)", rows)

    def _migrate(self, version: int) -> None:
        """Back the file up beside itself, then upgrade it in one transaction."""
        backup = opening.backup_path(self.path, version)
        try:
            opening.copy_database(self.con, backup)
        except (OSError, sqlite3.Error) as exc:
            raise ProjectError(f"{self.path.name} needs an upgrade, but no backup copy could be written "
                               f"beside it ({exc}); nothing was changed.") from exc
        try:
            with self.transaction():
                schema.migrate(self.con, version)
                revisions.bump(self.con, revisions.TRACKED)    # a migration may rewrite any table
        except Exception as exc:
            raise ProjectError(f"{self.path.name} could not be upgraded from version {version} ({exc}); "
                               f"it is unchanged, and a copy was kept as {backup.name}.") from exc

    def close(self) -> None:
        self.con.close()
        if self._trusted:
            opening.trust(self.path)   # our own writes do not make the file suspect

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------
    def transaction(self):
        return _Transaction(self.con)

    # -- the project's own settings (alert rules …): JSON in the meta table -------------------
    def setting(self, name: str, default=None):
        """A setting stored with the project (``set_setting``), or ``default``.  Settings travel with the
        file, so a colleague who opens the project sees the same alert rules."""
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (f"setting:{name}",)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, name: str, value) -> None:
        """Store a JSON-able setting in one transaction (None removes it)."""
        key = f"setting:{name}"
        with self.transaction():
            if value is None:
                self.con.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                 (key, json.dumps(value, ensure_ascii=False, sort_keys=True)))

    # -- copies --------------------------------------------------------------------------
    def save_copy(self, dest: str | Path) -> Path:
        """Write a consistent copy of the project to ``dest`` ("Save Project As"); returns ``dest``.

        The copy appears only when complete (a temporary file beside it, then
        ``os.replace``), so a failure leaves an earlier ``dest`` as it was.  This
        connection stays on the original: open ``dest`` to continue in the copy.
        The caller holds ``ProjectLock(dest)`` (the GUI's document does), so no
        other window has ``dest`` open.  WriteError, with nothing written, when
        ``dest`` is this project or cannot be written.
        """
        dest = Path(dest)
        if dest.resolve() == self.path.resolve() or (dest.exists() and dest.samefile(self.path)):
            raise WriteError(f"{dest.name} is this project itself; choose another name for the copy.")
        if self.con.in_transaction:
            raise RuntimeError("save_copy inside a transaction")
        try:
            opening.copy_database(self.con, dest)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise WriteError(f"{dest.name} cannot be written ({reason}); nothing was saved.") from exc
        return dest

    # -- writing -------------------------------------------------------------------------
    def write_import(self, tables: dict[str, pd.DataFrame], source: dict, progress=None,
                     cancelled=None, *, origins: Origins | None = None) -> WriteReport:
        """Upsert canonical tables from one file and log the import, in one transaction.

        Importing the same content again changes nothing: unchanged rows are not
        rewritten, and when no row changed the transaction is rolled back, so
        not even the import log grows.  ``report.change`` undoes the import.
        ``progress(fraction)`` and ``cancelled() -> bool`` are called between
        tables and chunks of rows; a cancel raises Cancelled with the project unchanged.
        ``origins`` ({table: frame with ``sheet`` and ``row``, parallel to ``tables[table]``}) says where in
        the file each row is; the rows written keep it (``Dataset.origin``).  Without it the origin is unknown.
        """
        reports, change = self.write_imports([(tables, source, origins)], progress, cancelled)
        reports[0].change = change
        return reports[0]

    def write_imports(self, items: list[ImportItem], progress=None,
                      cancelled=None) -> tuple[list[WriteReport], Change]:
        """Several files ``[(tables, source), …]`` or ``[(tables, source, origins), …]`` (see
        :meth:`write_import`) in one transaction: their reports and one change."""
        with self.transaction() as tx:
            reports, change = imports.write_files(self.con, items, progress, cancelled)
            if all(r.already_imported for r in reports):
                tx.rollback()       # the file stays byte-identical
            else:
                revisions.bump(self.con, [*change.tables, "import_log"])
        return reports, change

    def edit_rows(self, table: str, remove: pd.DataFrame | None = None, upsert: pd.DataFrame | None = None,
                  label: str = "", *, replace: bool = False) -> Change:
        """Delete the rows with the keys in ``remove`` and write the rows in ``upsert``, in one transaction.

        ``upsert`` has every column of the table (``source_id``, if present, is
        ignored: edited rows get NULL).  A row in ``upsert`` may take the key of
        an existing row only when that key is also in ``remove`` (an edited row
        replaces itself; give the old keys of every row the edit changes), or
        when ``replace`` is True.  Otherwise KeyCollision; EditError for a key
        in ``remove`` that is not there, two upserted rows with one key, or a
        value of the wrong type.  Nothing is changed when it raises.
        """
        with self.transaction():
            change = editing.edit_rows(self.con, table, remove, upsert, label, replace)
            revisions.bump(self.con, change.tables)
        return change

    def set_values(self, cells: Iterable[CellValue | tuple] | pd.DataFrame, label: str = "", *,
                   parse: bool = False) -> Change:
        """Set many cells ``(table, key, column, value)`` in one transaction: one change, one undo step.

        ``key`` is {key column: value} of an existing row (before the batch: a later cell of the same row
        names it by the same key even when an earlier cell changed a key column, which moves the row).
        ``cells`` may also be a DataFrame with the columns ``table``, ``key``, ``column`` and ``value``.
        A value column with a state companion takes ``(number, state)`` or a plain number (state "",
        a value); its ``_state`` column may also be set alone.  With ``parse`` every value is text as an
        analyst types or pastes it, checked by ``cells.parse_cell`` with the project's registry.
        Rows the cells leave as they were are not rewritten (they keep their source); changed rows get
        ``source_id`` NULL, like every hand edit.  One bad value, a row that is not there or a key taken
        by another row refuses the whole batch (CellError, EditError, KeyCollision); nothing is changed.
        """
        if isinstance(cells, pd.DataFrame):
            cells = [CellValue(r.table, r.key, r.column, r.value) for r in cells.itertuples(index=False)]
        registry = self.registry() if parse else None
        with self.transaction() as tx:
            change = editing.set_values(self.con, cells, label, registry)
            if change.is_empty:
                tx.rollback()           # every cell had its value already: not a write
            else:
                revisions.bump(self.con, change.tables)
        return change

    def apply(self, change: Change, undo: bool = False) -> Change:
        """Undo (``undo=True``) or redo ``change`` in one transaction; returns the change.

        EditError, changing nothing, when the project no longer matches the
        change (it was changed elsewhere since).
        """
        with self.transaction():
            changes.apply(self.con, change, undo)
            revisions.bump(self.con, [*change.tables, *(["import_log"] if len(change.imports) else [])])
        return change

    # -- reading -------------------------------------------------------------------------
    def reading(self):
        """``with project.reading(): …``: the reads in the block see one state of the file.

        A read transaction (nothing may be written in the block); inside a transaction already,
        the block is part of it.  Another connection's write waits for the block to end.
        """
        return R.reading(self.con)

    def read(self, table: str) -> pd.DataFrame:
        return self.read_with_sources(table)[0]

    def read_with_sources(self, table: str) -> tuple[pd.DataFrame, np.ndarray]:
        """(the canonical table, the import id of each row as float, NaN after a hand edit), in key order."""
        rows = R.fetch_table(self.con, table)
        return rows, rows.pop(R.SOURCE).to_numpy(dtype=float)

    def dataset(self) -> Dataset:
        """Every table and the import log, read in one read transaction (one state of the file).

        ``snapshot.DatasetCache`` gives the same Dataset reading only the tables changed since its last call.
        """
        with self.reading():
            revision = self.revision()
            parts = {name: snapshot.read_part(self, name) for name in SCHEMA}
            log = self.import_log()
        return snapshot.assemble(parts, log, self.path, revision)

    def origin(self, table: str, key: dict) -> dict[str, object] | None:
        """Where the ``table`` row with ``key`` ({key column: value}) came from (None: no such row):
        ``{"source_id", "file", "sheet", "row"}``, each None where unknown (all None after a hand edit)."""
        return provenance.stored_origin(self.con, table, key)

    def revision(self, table: str | None = None) -> int:
        """How many committed writes have changed the file, or ``table`` (a data table, ``import_log`` or
        ``aliases``), read from the file.

        Only for telling whether the project (or a table) changed since an earlier call while the file is
        open: every committed write raises the file's number (a write through any connection, an undo, a
        setting, a registry edit …), a write changing a table raises its number.  0 before the first write of
        this version.  ``Dataset.revision`` is the file's number when it was read."""
        if table is None:
            return revisions.read_whole(self.con)
        if table not in revisions.TRACKED:
            raise ValueError(f"{table} is not a table of the project")
        return revisions.read(self.con)[table]

    def revisions(self) -> dict[str, int]:
        """{table: revision} of every data table, ``import_log`` and ``aliases`` (see :meth:`revision`)."""
        return revisions.read(self.con)

    def import_log(self) -> pd.DataFrame:
        cur = self.con.execute("SELECT id, file_name, sha256, imported_at, format, rows_json, rows_total "
                               "FROM import_log ORDER BY id")
        return pd.DataFrame.from_records(cur.fetchall(), columns=[d[0] for d in cur.description])

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in SCHEMA}

    # -- summaries for the window (SQL aggregates: no table is read whole) -------------------
    def years_by_import(self) -> dict[int, dict[str, str]]:
        """{import id: {table: '2015–2024'}}: the years each import still supplies.

        ``dataset()`` derives the same from the rows it reads anyway; this is for callers that need
        only the summary (the Sources tab)."""
        out: dict[int, dict[str, str]] = {}
        for table in _YEAR_TABLES:
            for sid, lo, hi in self.con.execute(f"SELECT source_id, MIN(year), MAX(year) FROM {table} "
                                                "WHERE source_id IS NOT NULL GROUP BY source_id"):
                out.setdefault(int(sid), {})[table] = year_span(int(lo), int(hi))
        return out

    def year_range(self) -> tuple[int, int] | None:
        """The first and last year of any table (None for a project without years)."""
        spans = [self.con.execute(f"SELECT MIN(year), MAX(year) FROM {t}").fetchone() for t in _YEAR_TABLES]
        spans = [s for s in spans if s[0] is not None]
        return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None

    def minerals(self) -> list[str]:
        """The minerals any table of the project holds rows for, sorted by id."""
        tables = [t for t, (keys, _, _) in SCHEMA.items() if "mineral" in keys]
        query = " UNION ".join(f"SELECT mineral FROM {t}" for t in tables)
        return [r[0] for r in self.con.execute(f"SELECT mineral FROM ({query}) ORDER BY mineral")]

    def lists(self) -> dict[str, list[str]]:
        """{list name: its minerals}, from the ``lists`` table."""
        out: dict[str, list[str]] = {}
        for name, mineral in self.con.execute("SELECT list, mineral FROM lists ORDER BY list, mineral"):
            out.setdefault(name, []).append(mineral)
        return out

    # -- aliases ---------------------------------------------------------------------------
    def aliases(self) -> pd.DataFrame:
        cur = self.con.execute("SELECT kind, alias, target FROM aliases ORDER BY kind, alias")
        return pd.DataFrame.from_records(cur.fetchall(), columns=["kind", "alias", "target"])

    def add_alias(self, kind: str, alias: str, target: str) -> str | None:
        """Save an analyst's name mapping; returns the previous target (for undo)."""
        return self._put_alias(kind, alias, target)

    def set_alias(self, kind: str, alias: str, target: str | None) -> str | None:
        """Map ``alias`` to ``target`` (None removes the mapping); returns the previous target.

        Undo is ``set_alias(kind, alias, previous)``.  EditError for an unknown
        kind or a target that is not a mineral id / country code of the project.
        """
        if kind not in ("mineral", "country"):
            raise EditError(f"An alias is for a mineral or a country, not a {kind}.")
        if target is not None:
            table, col = ("minerals", "id") if kind == "mineral" else ("countries", "iso3")
            if self.con.execute(f"SELECT 1 FROM {table} WHERE {col} = ?", (target,)).fetchone() is None:
                raise EditError(f"“{target}” is not a {kind} of this project; an alias must name one.")
        return self._put_alias(kind, alias, target)

    def _put_alias(self, kind: str, alias: str, target: str | None) -> str | None:
        """Write (or, for None, delete) one mapping in a transaction; returns the previous target."""
        with self.transaction():
            old = self.con.execute("SELECT target FROM aliases WHERE kind = ? AND alias = ?",
                                   (kind, alias)).fetchone()
            if target is None:
                self.con.execute("DELETE FROM aliases WHERE kind = ? AND alias = ?", (kind, alias))
            else:
                self.con.execute("INSERT INTO aliases VALUES (?, ?, ?, ?) ON CONFLICT (kind, alias) "
                                 "DO UPDATE SET target = excluded.target", (kind, alias, target, now()))
            # Not part of dataset() (imports resolve names before they write), but of registry().
            revisions.bump(self.con, ["aliases"])
        return old[0] if old else None

    def remove_alias(self, kind: str, alias: str) -> str | None:
        """Forget a mapping; returns the target it had (None if there was none)."""
        return self.set_alias(kind, alias, None)

    def registry(self) -> Registry:
        """The built-in registry with this project's edits of minerals (registry_edits.py), then its aliases.

        Aliases come last: an alias is the analyst's explicit word on what a name means.
        """
        from desktop.core.store import registry_edits

        with self.reading():
            minerals, aliases = registry_edits.project_minerals(self), self.aliases()
        return default_registry().with_minerals(minerals).with_aliases(aliases)

    # -- single edits (older helpers; the GUI uses edit_rows and apply) --------------------
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
            # a hand edit: no import wrote the row, so it has no source and no origin (editing.py)
            unsourced = ", ".join(f"{c} = NULL" for c in (R.SOURCE, *R.ORIGIN))
            self.con.execute(f"UPDATE {table} SET {column} = ?, {unsourced} WHERE {where}", [value, *params])
            revisions.bump(self.con, [table])
        return row[0]

    def delete_rows(self, table: str, keys: pd.DataFrame) -> pd.DataFrame:
        """Delete rows by key; returns the deleted rows (re-insert them with ``upsert_rows`` to undo)."""
        with self.transaction() as tx:
            gone = R.rows_at(self.con, table, keys)
            if R.delete_at(self.con, table, gone):
                revisions.bump(self.con, [table])
            else:
                tx.rollback()           # nothing was there: not a write (the file's revision stays)
        return gone.drop(columns=[R.SOURCE, *R.ORIGIN])

    def upsert_rows(self, table: str, frame: pd.DataFrame) -> int:
        with self.transaction() as tx:
            changed = imports.write_table(self.con, table, frame, None, capture=False)[0]
            if changed:
                revisions.bump(self.con, [table])
            else:
                tx.rollback()           # every row was there already
        return changed


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=10)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path.name} cannot be opened ({exc}).") from exc


def _configure(con: sqlite3.Connection) -> None:
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA cache_size=-65536")   # 64 MB: bulk upserts touch many pages
    con.execute("PRAGMA temp_store=MEMORY")   # the staged rows of an import and the keys of an edit


_YEAR_TABLES = [t for t, (keys, _, _) in SCHEMA.items() if "year" in keys]


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (or on request).

    Every write of the project goes through it, so it is where the file's revision is raised
    (``Project.revision()``): just before COMMIT, when the transaction changed something.
    """

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self._rolled_back = False
        self._changes = 0

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")
        self._rolled_back = True

    def __enter__(self) -> _Transaction:
        self.con.execute("BEGIN IMMEDIATE")
        self._changes = self.con.total_changes
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._rolled_back:
            return
        if exc_type is not None:
            if self.con.in_transaction:   # an interrupted statement may have rolled back already
                self.con.execute("ROLLBACK")
            return
        try:
            # total_changes also counts the temporary tables of an import or an edit: a write that stages rows
            # and then changes nothing may raise the revision too (the older helpers roll such writes back).
            if self.con.total_changes != self._changes:
                revisions.bump_whole(self.con)
            self.con.execute("COMMIT")
        except BaseException:
            if self.con.in_transaction:   # e.g. COMMIT busy beyond the timeout: leave the file as it was
                self.con.execute("ROLLBACK")
            raise
