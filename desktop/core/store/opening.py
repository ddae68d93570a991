"""Checks before a project file is used, and the consistent copies made of it (backup, Save As).

Every refusal is one sentence (ProjectError) and leaves the file as it was:
the identity checks read the file's 100-byte header without SQLite, so a
foreign database is never even opened by it.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from desktop.core.dataset import SCHEMA
from desktop.core.errors import ProjectError, WriteError
from desktop.core.files import write_replacing
from desktop.core.store import schema

SQLITE_MAGIC = b"SQLite format 3\x00"
REQUIRED_TABLES = {"meta", "minerals", "countries", "aliases", "import_log", *SCHEMA}


def damaged(path: Path) -> ProjectError:
    return ProjectError(f"{path.name} is damaged and cannot be opened; please open a backup copy instead.")


def not_a_project(path: Path) -> ProjectError:
    return ProjectError(f"{path.name} is not a CritMin project file.")


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except OSError as exc:
        raise ProjectError(f"{path.name} cannot be read ({exc.strerror}).") from exc


def _has_hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def check_file(path: Path) -> None:
    """Before SQLite opens the file: it exists, is a SQLite database and carries CritMin's id."""
    if not path.exists():
        raise ProjectError(f"{path.name}: project file not found.")
    if path.is_dir():
        raise ProjectError(f"{path.name} is a folder, not a CritMin project file.")
    head = _header(path)
    if not head:
        raise ProjectError(f"{path.name} is empty, not a CritMin project file.")
    if not head.startswith(SQLITE_MAGIC):
        raise not_a_project(path)
    # A crash may have left a journal that SQLite rolls back on first read; only then is the
    # header certain, so in that case the id is checked after opening (check_database).
    if len(head) == 100 and not _has_hot_journal(path) \
            and int.from_bytes(head[68:72], "big") != schema.APPLICATION_ID:
        raise not_a_project(path)


def check_database(con: sqlite3.Connection, path: Path, verify: bool) -> int:
    """Identity, completeness and version of an opened file; returns its schema version.

    ``verify`` adds ``PRAGMA quick_check(1)``, which reads every page: 0.35 s
    for a 100 MB project already in the OS cache, about 2 s from a cold disk.
    """
    try:
        # The first read rolls back a crashed write's journal and parses the schema.
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise opening_error(path, exc) from exc
    if app_id != schema.APPLICATION_ID:
        raise not_a_project(path)
    if _truncated(path):
        raise damaged(path)
    if version > schema.SCHEMA_VERSION:
        raise ProjectError(f"{path.name}: made by a newer CritMin (file version {version}, this program "
                           f"reads up to {schema.SCHEMA_VERSION}); please update CritMin.")
    if not tables >= REQUIRED_TABLES and version == schema.SCHEMA_VERSION:
        raise damaged(path)
    if verify:
        try:
            result = con.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise opening_error(path, exc) from exc
        if result != "ok":
            raise damaged(path)
    return version


def _truncated(path: Path) -> bool:
    """The header's page count says the file should be longer than it is (cut off while copying)."""
    head = _header(path)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count is only valid when the "version-valid-for" number matches the change counter.
    valid = head[92:96] == head[24:28]
    return valid and pages * page_size > path.stat().st_size


def opening_error(path: Path, exc: sqlite3.DatabaseError) -> ProjectError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return ProjectError(f"{path.name} is busy: another program is writing to it; please try again.")
    if "readonly" in text or "read-only" in text:
        return ProjectError(f"{path.name} needs repair after a crash but is read-only; copy it to a "
                            "folder you can write to.")
    if "unable to open" in text:
        return ProjectError(f"{path.name} cannot be opened ({exc}).")
    return damaged(path)


def backup_path(path: Path, version: int) -> Path:
    """``<stem>.v<version>-backup<suffix>`` beside the file; never an existing name (-2, -3, …)."""
    suffix = path.suffix or ".critmin"
    candidate = path.with_name(f"{path.stem}.v{version}-backup{suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{n}{suffix}")
        n += 1
    return candidate


def copy_database(con: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy of ``con``'s database at ``dest``, which appears only when complete.

    SQLite's backup API writes the temporary file of ``files.write_replacing``, which then
    moves it into place, so a failure (disk full, …) leaves any earlier ``dest`` as it was.  Raises
    the OSError or sqlite3.Error itself: the callers word their own sentence.
    """
    def write(tmp: Path) -> None:
        tmp.write_bytes(b"")       # an unwritable folder fails with the OS's reason, not SQLite's
        target = sqlite3.connect(tmp)
        try:
            con.backup(target)
        finally:
            target.close()
        # A journal left beside an older dest belongs to that file: SQLite would "roll it back"
        # into the copy on the next open.
        dest.with_name(dest.name + "-journal").unlink(missing_ok=True)

    try:
        write_replacing(dest, write)
    except WriteError as exc:
        if exc.__cause__ is None:
            raise
        raise exc.__cause__ from None


# Files this process verified, by identity.  A file changed since then only by this process's own
# connections (Project.close re-records it) is not checked again, so that every worker task can
# open the project without reading 100 MB first.
_trusted: dict[str, tuple] = {}
_trusted_guard = threading.Lock()


def _identity(path: Path) -> tuple:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def is_trusted(path: Path) -> bool:
    try:
        identity = _identity(path)
    except OSError:
        return False
    with _trusted_guard:
        return _trusted.get(str(path.resolve())) == identity


def trust(path: Path) -> None:
    try:
        identity = _identity(path)
    except OSError:
        return
    with _trusted_guard:
        _trusted[str(path.resolve())] = identity
