"""One CritMin window per project file: an OS-level exclusive lock on ``<file>.lock``.

SQLite's own locks only last for one transaction, so two windows could both
edit a project and each undo the other's work.  The GUI's document holds a
:class:`ProjectLock` for as long as the project is open; worker connections do
not take it (``Project.open`` is independent of the lock).  The operating
system releases the lock when the process ends, even by a crash, so a stale
sidecar file never blocks anyone: the next window simply locks it again.
"""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from desktop.core.errors import ProjectError

if sys.platform == "win32":         # (not os.name: type checkers follow sys.platform, and skip the branch elsewhere)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            # flock, not lockf: a second lock from the same process (a second window) conflicts too.
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".lock")


class ProjectLock:
    """``with ProjectLock(path):`` or ``acquire()`` / ``release()``; ProjectError when taken elsewhere."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.sidecar = lock_path(self.path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> ProjectLock:
        if self._fd is not None:
            return self
        for _ in range(10):
            try:
                fd = os.open(self.sidecar, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise ProjectError(f"{self.path.name} cannot be locked ({exc.strerror}).") from exc
            if not _try_lock(fd):
                os.close(fd)
                raise ProjectError(f"{self.path.name} is open in another CritMin window.")
            if self._same_file(fd):
                break
            # The holder released and removed the sidecar between our open and our lock: the
            # lock we hold is on a deleted file, so try again on the new one.
            os.close(fd)
        else:
            raise ProjectError(f"{self.path.name} cannot be locked (its lock file keeps changing).")
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def _same_file(self, fd: int) -> bool:
        try:
            now = os.stat(self.sidecar)
        except OSError:
            return False
        mine = os.fstat(fd)
        return os.name == "nt" or (now.st_ino, now.st_dev) == (mine.st_ino, mine.st_dev)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if os.name == "nt":
            # Windows cannot delete an open file: unlock and close first.  If another window
            # opens the sidecar in between, the delete fails and the file simply stays.
            try:
                _unlock(fd)
            finally:
                os.close(fd)
            _remove(self.sidecar)
        else:
            # Remove the sidecar while still holding the lock, so that a window waiting on it
            # sees a different file (``_same_file``) rather than a lock on a deleted one.
            _remove(self.sidecar)
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> ProjectLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self):
        with contextlib.suppress(Exception):   # interpreter shutdown: the OS releases the lock anyway
            self.release()


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
