"""The one worker runner: every file read, project write, computation and export runs here.

One worker thread (a ``QThreadPool`` of size 1) runs tasks in the order they were
submitted.  Serial order is what makes the undo stack simple and safe: an edit,
its undo and its redo reach the project file in the order the analyst made
them, and an import never races a cell edit for SQLite's write lock.  Each task
opens its own :class:`~desktop.core.store.Project` connection (SQLite
connections are per thread).

A task is a plain function ``fn(state)`` that may call ``state.progress(f,
text)`` and ``state.check()`` (raises :class:`~desktop.core.errors.Cancelled`).
Its result or error comes back on the GUI thread through the callbacks given
to :meth:`TaskRunner.submit`.  A newer task of the same ``kind`` cancels the
older one (still queued: dropped; running: asked to stop at its next check).
Errors become one sentence in the window, with the details in the log file.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import sys
import time
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.errors import Cancelled, CritMinError
from desktop.core.messages import translate
from desktop.ui.language import ui_language

log = logging.getLogger("critmin.tasks")

_PROGRESS_INTERVAL_S = 0.05     # at most 20 progress signals a second: the GUI thread stays free


class TaskState:
    """What a running task can see: cancellation and a progress reporter (thread-safe)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._emit: Callable[[float, str], None] | None = None
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled("Cancelled.")

    def progress(self, fraction: float, text: str = "") -> None:
        now = time.monotonic()
        if self._emit is not None and (now - self._last >= _PROGRESS_INTERVAL_S or fraction >= 1.0):
            self._last = now
            self._emit(float(fraction), str(text))


class _Signals(QObject):
    # Created on the GUI thread, so signals emitted from the worker are queued to it.
    sig_progress = Signal(float, str)
    sig_finished = Signal(object, object)      # result, exception (None when it worked)


@dataclass(eq=False)
class Task:
    kind: str
    label: str
    fn: Callable[[TaskState], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_cancelled: Callable[[], None] | None = None
    cancellable: bool = True
    state: TaskState = field(default_factory=TaskState)
    started: bool = False
    finished: bool = False

    def cancel(self) -> None:
        if self.cancellable:
            self.state.cancel()


class _Runnable(QRunnable):
    def __init__(self, task: Task, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)   # the runner keeps the strong reference until finished
        self.task, self.signals = task, signals

    def run(self) -> None:
        task = self.task
        task.started = True
        result, error = None, None
        try:
            if task.state.cancelled():
                raise Cancelled("Cancelled.")
            result = task.fn(task.state)
        except BaseException as exc:   # noqa: BLE001 — every failure goes back to the GUI thread
            error = exc
        # RuntimeError: the window went away while the task ran: nobody is waiting
        with contextlib.suppress(RuntimeError):
            self.signals.sig_finished.emit(result, error)


class TaskRunner(QObject):
    """Runs tasks on the one worker thread; see the module docstring."""

    sig_busy_changed = Signal(bool)
    sig_progress = Signal(str, float, str)          # task label, fraction 0..1, detail text
    sig_error = Signal(str)                         # one sentence for the status bar / a message box
    sig_task_finished = Signal(str)                 # task kind

    # The worker shares the interpreter lock with the GUI thread.  Every call from Qt into Python (a model's
    # data(), a paint, a slot) takes the lock back and waits, while a task runs, until the worker hands it
    # over — after the switch interval.  A repaint makes a few hundred such calls, so the wait is what the
    # interval sets: at Python's 5 ms the window stalled for 150–300 ms during a recompute; at 50 µs the
    # longest stall on the demo is 50–80 ms (bench/bench_live_recompute.py), for about 10 % more engine time.
    SWITCH_INTERVAL = 0.00005

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > self.SWITCH_INTERVAL:
            sys.setswitchinterval(self.SWITCH_INTERVAL)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)      # keep the one thread: no re-creation cost per task
        self._live: dict[Task, tuple[_Runnable, _Signals]] = {}

    # -- submitting ------------------------------------------------------------------------
    def submit(self, fn: Callable[[TaskState], Any], *, kind: str, label: str = "",
               on_done=None, on_error=None, on_cancelled=None, replace: bool = True,
               cancellable: bool = True) -> Task:
        """Queue ``fn(state)``.  With ``replace`` an older task of the same kind is cancelled."""
        if replace:
            self.cancel(kind)
        task = Task(kind, label, fn, on_done, on_error, on_cancelled, cancellable)
        signals = _Signals()
        runnable = _Runnable(task, signals)
        task.state._emit = signals.sig_progress.emit
        signals.sig_progress.connect(lambda f, text, t=task: self._on_progress(t, f, text))
        signals.sig_finished.connect(lambda result, error, t=task: self._on_finished(t, result, error))
        was_busy = self.busy
        self._live[task] = (runnable, signals)
        self.pool.start(runnable)
        if not was_busy:
            self.sig_busy_changed.emit(True)
        return task

    def cancel(self, kind: str | None = None) -> None:
        """Cancel the tasks of ``kind`` (all cancellable tasks when None)."""
        for task in list(self._live):
            if (kind is None or task.kind == kind) and task.cancellable:
                task.cancel()

    # -- state -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._live)

    def tasks(self) -> list[Task]:
        return list(self._live)

    def current(self) -> Task | None:
        """The task the status bar shows: the running one, else the next queued."""
        running = [t for t in self._live if t.started and not t.finished]
        return running[0] if running else next(iter(self._live), None)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every task has finished and its callback ran (tests and closing only)."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(msecs)
        while self._live and not deadline.hasExpired():
            self.pool.waitForDone(20)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._live

    # -- callbacks on the GUI thread -------------------------------------------------------
    @Slot()
    def _on_progress(self, task: Task, fraction: float, text: str) -> None:
        if task in self._live and not task.state.cancelled():
            self.sig_progress.emit(task.label, fraction, text)

    def _on_finished(self, task: Task, result, error) -> None:
        task.finished = True
        self._live.pop(task, None)
        try:
            if isinstance(error, Cancelled) or (error is None and task.state.cancelled() and task.cancellable):
                if task.on_cancelled:
                    task.on_cancelled()
            elif error is not None:
                if not isinstance(error, CritMinError):
                    log.error("task %s (%s) failed", task.kind, task.label, exc_info=error)
                if task.on_error:
                    task.on_error(error)
                else:
                    self.sig_error.emit(error_sentence(error))
            elif task.on_done:
                task.on_done(result)
        except Exception:   # a bug in a callback must not take the window down
            log.exception("callback of task %s failed", task.kind)
            self.sig_error.emit(error_sentence(RuntimeError()))
        finally:
            self.sig_task_finished.emit(task.kind)
            if not self._live:
                self.sig_busy_changed.emit(False)


def error_sentence(error: BaseException) -> str:
    """One sentence for the analyst: a core error says itself; anything else points to the log."""
    if isinstance(error, CritMinError):
        reason = getattr(error, "reason", None)           # a catalogue Message (readers.refused)
        if reason is not None and ui_language() != "en":
            where = getattr(error, "where", "")
            text = translate(reason, ui_language())
            return QCoreApplication.translate("TaskRunner", "%1: %2").replace("%1", where).replace("%2", text) \
                if where else text
        return str(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        return QCoreApplication.translate("TaskRunner", "The file could not be read or written%1: %2.") \
            .replace("%1", where).replace("%2", error.strerror or str(error))
    from desktop.paths import log_file
    return QCoreApplication.translate("TaskRunner", "An internal error occurred; details were written to %1.") \
        .replace("%1", str(log_file()))
