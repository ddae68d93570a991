"""The open project as the window's document: its file, its lock, its undo stack.

There is nothing to save: every change is a transaction written by the worker
as it is made (:mod:`desktop.ui.commands`).  The document tracks the writes
still queued so the status bar can say "all changes saved" only when it is
true.  Opening, creating and copying run on the worker too; the GUI thread only
takes the OS lock that tells a second CritMin the file is in use.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.core.errors import CritMinError, ProjectError
from desktop.ui.tasks import TaskRunner, TaskState, error_sentence

log = logging.getLogger("critmin.document")


class ProjectDocument(QObject):
    """One open ``.critmin`` file (or none)."""

    sig_opened = Signal(str)                 # path
    sig_closed = Signal()
    sig_tables_changed = Signal(object)      # set of table names whose rows changed
    sig_aliases_changed = Signal()
    sig_registry_changed = Signal()          # the registry (aliases) was re-read
    sig_saved_changed = Signal(bool)         # True when every change is on disk
    sig_error = Signal(str)                  # one sentence

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.sig_aliases_changed.connect(self.reload_registry)
        self.info: dict = {}                  # counts per table, import log size … from the last open
        self.registry = None                  # the default registry plus the project's aliases
        self._lock = None
        self._pending = 0

    # -- state -----------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.path is not None

    @property
    def name(self) -> str:
        return self.path.stem if self.path else ""

    @property
    def all_saved(self) -> bool:
        return self._pending == 0

    # -- opening and closing ---------------------------------------------------------------
    def open(self, path: str | Path, *, create: bool = False, on_done: Callable[[], None] | None = None,
             on_error: Callable[[str], None] | None = None, prepare: Callable[[TaskState], None] | None = None,
             label: str | None = None) -> None:
        """Open (or create) ``path`` on the worker; the current project stays open until that worked.

        ``prepare(state)`` runs on the worker before opening (used to build the demo project).
        """
        path = Path(path).absolute()
        if self.path is not None and path == self.path:
            if on_done:
                on_done()
            return
        lock = self._take_lock(path, on_error, make_folder=create)
        if lock is None:
            return

        def work(state: TaskState) -> dict:
            from desktop.core.store import Project

            if prepare is not None:
                prepare(state)
            with Project.open(path, create=create) as project:
                return {"counts": project.counts(), "imports": len(project.import_log()),
                        "registry": project.registry()}

        def done(info: dict) -> None:
            self._close_now()
            self.path, self._lock, self.info = path, lock, info
            self.registry = info["registry"]
            self.sig_opened.emit(str(path))
            if on_done:
                on_done()

        def failed(exc: BaseException) -> None:
            lock.release()
            self._fail(error_sentence(exc), on_error)

        self.runner.submit(work, kind="open", label=label or self.tr("Opening %1").replace("%1", path.name),
                           on_done=done, on_error=failed, on_cancelled=lock.release)

    def close(self) -> None:
        """Close after the queued writes have reached the file (they are short)."""
        if self.path is None:
            return
        self.runner.wait()
        self._close_now()

    def _close_now(self) -> None:
        if self.path is None:
            return
        self.undo_stack.clear()
        if self._lock is not None:
            self._lock.release()
        self.path, self._lock, self.info, self.registry = None, None, {}, None
        self.sig_closed.emit()

    def reload_registry(self) -> None:
        """Re-read the project's aliases (after one was saved or its save undone)."""
        def done(registry) -> None:
            self.registry = registry
            self.sig_registry_changed.emit()

        self.read(lambda project, state: project.registry(), kind="registry", on_done=done)

    def save_as(self, dest: str | Path, on_done: Callable[[], None] | None = None) -> None:
        """Copy the project to ``dest`` and continue working in the copy (the undo history stays)."""
        if self.path is None:
            return
        dest = Path(dest).absolute()
        if dest == self.path:
            return
        lock = self._take_lock(dest, None)
        if lock is None:
            return
        source = self.path

        def work(state: TaskState) -> None:
            from desktop.core.store import Project

            with Project.open(source) as project:
                project.save_copy(dest)

        def done(_result) -> None:
            if self._lock is not None:
                self._lock.release()
            self.path, self._lock = dest, lock
            self.sig_opened.emit(str(dest))
            if on_done:
                on_done()

        def failed(exc: BaseException) -> None:
            lock.release()
            self._fail(error_sentence(exc), None)

        self.runner.submit(work, kind="save_as", label=self.tr("Saving a copy as %1").replace("%1", dest.name),
                           on_done=done, on_error=failed, cancellable=False)

    # -- writing -----------------------------------------------------------------------------
    def write(self, fn: Callable, *, label: str, tables: Callable[[object], set] | set | None = None,
              on_done: Callable | None = None, on_error: Callable | None = None,
              cancellable: bool = False) -> None:
        """Run ``fn(project, state)`` on the worker against this project; counts as a pending write.

        ``tables`` (a set, or a function of the result) names the tables whose rows the write changed;
        the views reload them.
        """
        if self.path is None:
            raise ProjectError(self.tr("No project is open."))
        self._pending += 1
        if self._pending == 1:
            self.sig_saved_changed.emit(False)

        def finish() -> None:
            self._pending -= 1
            if self._pending == 0:
                self.sig_saved_changed.emit(True)

        def done(result) -> None:
            finish()
            changed = tables(result) if callable(tables) else (tables or set())
            if changed:
                self.sig_tables_changed.emit(set(changed))
            if on_done:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if on_error:
                on_error(exc)
            else:
                self._fail(error_sentence(exc), None)

        def cancelled() -> None:
            finish()
            if on_error:
                from desktop.core.errors import Cancelled
                on_error(Cancelled(self.tr("Cancelled.")))

        # Writes are never replaced by a newer one: each is a step the analyst took.
        self.runner.submit(self._on_project(fn), kind="write", label=label, on_done=done, on_error=failed,
                           on_cancelled=cancelled, replace=False, cancellable=cancellable)

    def read(self, fn: Callable, *, kind: str, label: str = "", on_done=None, on_error=None,
             replace: bool = True) -> None:
        """Run ``fn(project, state)`` on the worker for reading; a newer read of ``kind`` replaces it."""
        if self.path is None:
            return
        self.runner.submit(self._on_project(fn), kind=kind, label=label, on_done=on_done,
                           on_error=on_error or (lambda exc: self._fail(error_sentence(exc), None)),
                           replace=replace)

    def _on_project(self, fn: Callable):
        """The task running ``fn(project, state)`` on a connection of its own to this project's file."""
        path = self.path

        def work(state: TaskState):
            from desktop.core.store import Project

            with Project.open(path) as project:
                return fn(project, state)

        return work

    def _take_lock(self, path: Path, on_error, make_folder: bool = False):
        """The OS lock that tells another CritMin the file is in use, or None (and one sentence said)."""
        from desktop.core.store.lock import ProjectLock

        lock = ProjectLock(path)
        try:
            if make_folder:
                path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except (CritMinError, OSError) as exc:
            self._fail(error_sentence(exc), on_error)
            return None
        return lock

    def _fail(self, sentence: str, on_error) -> None:
        if on_error:
            on_error(sentence)
        else:
            self.sig_error.emit(sentence)
