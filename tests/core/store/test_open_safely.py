"""Opening refuses bad files in one sentence and changes nothing; lock, migration backup, Save As."""
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import conform
from desktop.core.errors import ProjectError, WriteError
from desktop.core.registry import default_registry
from desktop.core.store import Project, ProjectLock, opening, schema


def rows(n: int) -> pd.DataFrame:
    countries = default_registry().countries.index.to_numpy()[:100]
    i = np.arange(n)
    return conform("production", pd.DataFrame({
        "mineral": "cobalt", "country": countries[i % 100], "year": 1900 + i // 100, "stage": "mine",
        "quantity": i * 1.5, "unit": "t"}))


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "p.critmin"
    with Project.open(path, create=True) as p:
        p.write_import({"production": rows(20_000)}, {"file": "a.csv", "sha256": "a"})
    return path


def refused(path, match, **kw) -> None:
    """Open must raise ProjectError(match) and leave the file byte for byte as it was."""
    before = path.read_bytes() if path.is_file() else None
    opening._trusted.clear()        # as in a fresh process: nothing verified yet
    with pytest.raises(ProjectError, match=match) as info:
        Project.open(path, **kw)
    assert str(info.value).count(". ") == 0 and str(info.value).endswith(".")   # one sentence
    if before is not None:
        assert path.read_bytes() == before
    assert not path.with_name(path.name + "-journal").exists()


def test_missing_folder_empty_and_foreign_files(tmp_path):
    refused(tmp_path / "missing.critmin", "not found")
    (tmp_path / "folder.critmin").mkdir()
    refused(tmp_path / "folder.critmin", "is a folder")
    (tmp_path / "empty.critmin").write_bytes(b"")
    refused(tmp_path / "empty.critmin", "is empty")
    (tmp_path / "notes.critmin").write_text("mineral,country\ncobalt,COD\n")
    refused(tmp_path / "notes.critmin", "not a CritMin project")
    other = tmp_path / "other.critmin"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")          # a foreign database SQLite would convert if opened
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    refused(other, "not a CritMin project")
    assert not other.with_name("other.critmin-wal").exists()


def test_newer_version_is_refused(project_file):
    with Project.open(project_file) as p:
        p.con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    refused(project_file, "newer CritMin")


def test_truncated_file_is_damaged(project_file):
    data = project_file.read_bytes()
    project_file.write_bytes(data[: len(data) // 2])
    refused(project_file, "is damaged", verify=False)      # the header check alone finds it
    project_file.write_bytes(data[: len(data) // 2 + 123])  # not even whole pages
    refused(project_file, "is damaged", verify=False)


def test_overwritten_pages_are_damaged(project_file):
    data = bytearray(project_file.read_bytes())
    middle = len(data) // 2
    data[middle: middle + 16384] = np.random.default_rng(1).integers(0, 256, 16384, dtype=np.uint8).tobytes()
    project_file.write_bytes(bytes(data))
    refused(project_file, "is damaged")
    data = bytearray(project_file.read_bytes())
    data[100:4096] = b"\xff" * 3996                          # the schema page itself
    project_file.write_bytes(bytes(data))
    refused(project_file, "is damaged", verify=False)


def test_verified_once_then_trusted_until_someone_else_writes(project_file):
    opening._trusted.clear()
    with Project.open(project_file) as p:
        p.edit_rows("production", upsert=p.read("production").iloc[:1].assign(quantity=0.0), replace=True)
    assert opening.is_trusted(project_file)                  # our own write keeps it trusted
    with open(project_file, "r+b") as fh:                    # another program writes to it
        fh.seek(0, 2)
        fh.write(b"\0" * 4096)
    assert not opening.is_trusted(project_file)


LOCK_HOLDER = textwrap.dedent("""
    import sys
    from desktop.core.store import ProjectLock
    lock = ProjectLock(sys.argv[1]).acquire()
    print("locked", flush=True)
    sys.stdin.readline()
""")


def test_lock_refuses_a_second_process_until_it_ends(project_file):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(project_file)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ProjectError, match="is open in another CritMin window"):
            ProjectLock(project_file).acquire()
        # The lock is the document's, not the connections': opening still works, from any thread.
        with Project.open(project_file) as p:
            assert p.counts()["production"] == 20_000
        seen = []
        worker = threading.Thread(target=lambda: seen.append(Project.open(project_file).counts()["production"]))
        worker.start()
        worker.join()
        assert seen == [20_000]
    finally:
        holder.kill()          # dies without releasing: the OS drops the lock
        holder.wait()
    with ProjectLock(project_file) as lock:
        assert lock.held and lock.sidecar.exists()
        with pytest.raises(ProjectError):                 # a second window in this process too
            ProjectLock(project_file).acquire()
    assert not lock.sidecar.exists()


def test_older_file_is_backed_up_then_migrated(project_file, monkeypatch):
    # The file is of the current version; a next version with a migration from it makes it "older".
    old = schema.SCHEMA_VERSION
    original = project_file.read_bytes()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old + 1)
    monkeypatch.setitem(schema.MIGRATIONS, old, lambda con: con.execute(
        "INSERT INTO meta VALUES ('migrated', 'yes')"))
    with Project.open(project_file) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == old + 1
        assert p.con.execute("SELECT value FROM meta WHERE key = 'migrated'").fetchone() == ("yes",)
    backup = project_file.with_name(f"p.v{old}-backup.critmin")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == old
        assert con.execute("SELECT COUNT(*) FROM production").fetchone()[0] == 20_000
        assert con.execute("SELECT COUNT(*) FROM meta WHERE key = 'migrated'").fetchone()[0] == 0
    assert len(backup.read_bytes()) == len(original)
    with Project.open(project_file) as p:                 # up to date now: no second backup
        pass
    assert not project_file.with_name(f"p.v{old}-backup-2.critmin").exists()
    # Another file of the older version and the same name: the first backup is kept, the new one is "-2".
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old)
    project_file.unlink()
    with Project.open(project_file, create=True):
        pass
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old + 1)
    with Project.open(project_file):
        pass
    assert project_file.with_name(f"p.v{old}-backup-2.critmin").exists()


def test_failed_migration_leaves_the_file_and_keeps_the_backup(project_file, monkeypatch):
    old = schema.SCHEMA_VERSION
    before = project_file.read_bytes()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old + 1)

    def broken(con):
        con.execute("INSERT INTO meta VALUES ('half', 'done')")
        raise RuntimeError("step 2 failed")

    monkeypatch.setitem(schema.MIGRATIONS, old, broken)
    with pytest.raises(ProjectError, match="could not be upgraded"):
        Project.open(project_file)
    assert project_file.read_bytes() == before
    assert project_file.with_name(f"p.v{old}-backup.critmin").exists()


def test_save_copy_then_each_file_takes_its_own_edits(project_file, tmp_path):
    copy = tmp_path / "copy.critmin"
    with Project.open(project_file) as p:
        assert p.save_copy(copy) == copy
        first = p.read("production").iloc[[0]]
    with Project.open(copy) as c:
        pd.testing.assert_frame_equal(c.read("production"), Project.open(project_file).read("production"))
        c.edit_rows("production", remove=first, upsert=first.assign(quantity=-1.0))
    with Project.open(project_file) as p:
        assert p.read("production")["quantity"].iloc[0] == 0.0
        p.edit_rows("production", remove=first, upsert=first.assign(quantity=-2.0))
    with Project.open(copy) as c:
        assert c.read("production")["quantity"].iloc[0] == -1.0
    assert not [f for f in tmp_path.iterdir() if f.suffix == ".tmp"]


def test_save_copy_refuses_itself_and_unwritable_places(project_file, tmp_path):
    with Project.open(project_file) as p:
        with pytest.raises(WriteError, match="this project itself"):
            p.save_copy(project_file)
        with pytest.raises(WriteError, match="this project itself"):
            p.save_copy(tmp_path / "." / "p.critmin")
        with pytest.raises(WriteError, match="cannot be written"):
            p.save_copy(tmp_path / "no such folder" / "copy.critmin")
        # Replacing an earlier copy: the old copy's leftover journal must not be replayed into the new one.
        old = tmp_path / "old.critmin"
        old.write_bytes(b"an older file")
        old.with_name("old.critmin-journal").write_bytes(b"x" * 512)
        p.save_copy(old)
    assert not old.with_name("old.critmin-journal").exists()
    with Project.open(old) as c:
        assert c.counts()["production"] == 20_000
