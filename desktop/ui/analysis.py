"""Live recompute: the indicators follow the data and the parameters by themselves.

A data edit, an import, an alias or a parameter change asks for a recompute; the request waits
:data:`DELAY_MS` for the next one (typing a years range or pasting a block is one recompute, not
ten), then the engine runs on the worker.  A newer request cancels the running one (the runner's
"compute" kind), so the views only ever receive the results of the latest data and parameters.
Between the change and the new results the views say that what they show is out of date.

The Analysis holds the last results and the dataset they were computed from (Details explains a
number from both); both are read-only once they arrive here.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

DELAY_MS = 100


class Analysis(QObject):
    sig_results = Signal(object)        # Results (the views redraw)
    sig_stale = Signal(bool)            # True: what the views show no longer matches data and parameters
    sig_failed = Signal(str)            # one sentence (the parameters are not understood, …)

    def __init__(self, document, parameters, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.parameters = parameters
        self.results = None
        self.dataset = None
        self.computed_at: float | None = None      # time.monotonic() of the last results
        self.seconds: float | None = None          # how long the last recompute took from the request
        self.stale = False
        self._requested_at: float | None = None
        self._cache = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.recompute_now)
        document.sig_opened.connect(self._opened)
        document.sig_closed.connect(self._closed)
        document.sig_tables_changed.connect(lambda _tables: self.request())
        document.sig_registry_changed.connect(self.request)
        parameters.sig_changed.connect(self.request)

    # -- requests -----------------------------------------------------------------------------------
    def request(self) -> None:
        """Recompute shortly; the views are out of date until then."""
        if not self.document.is_open:
            return
        if self._requested_at is None:
            self._requested_at = time.perf_counter()
        self._set_stale(True)
        self._timer.start()

    def recompute_now(self) -> None:
        self._timer.stop()
        if not self.document.is_open:
            return
        try:
            params = self.parameters.engine_params()
        except ValueError as exc:
            self._requested_at = None
            self.sig_failed.emit(str(exc))
            return
        if self._requested_at is None:
            self._requested_at = time.perf_counter()
        self._set_stale(True)
        def work(project, state):
            # the cache is made and used on the worker only (its import loads pandas, not on the GUI thread)
            return compute_results(project, params, state, self.cache)

        self.document.read(work, kind="compute", label=QCoreApplication.translate("Analysis", "Computing indicators"),
                           on_done=self._arrived, on_error=self._failed)

    # -- results ------------------------------------------------------------------------------------
    def _arrived(self, result) -> None:
        self.dataset, self.results = result
        self.computed_at = time.monotonic()
        if self._requested_at is not None:
            self.seconds = time.perf_counter() - self._requested_at
        self._requested_at = None
        if not self._timer.isActive():     # a change that came in meanwhile keeps the views stale
            self._set_stale(False)
        self.sig_results.emit(self.results)

    def _failed(self, exc) -> None:
        from desktop.core.errors import Cancelled
        from desktop.ui.tasks import error_sentence

        if isinstance(exc, Cancelled):
            return
        self._requested_at = None
        self.sig_failed.emit(exc if isinstance(exc, str) else error_sentence(exc))

    def _set_stale(self, stale: bool) -> None:
        if stale != self.stale:
            self.stale = stale
            self.sig_stale.emit(stale)

    def _opened(self, _path) -> None:
        self.results = self.dataset = self.computed_at = None
        self.recompute_now()

    def _closed(self) -> None:
        self._timer.stop()
        self.results = self.dataset = self.computed_at = None
        self._requested_at = None
        self._set_stale(False)
        self.sig_results.emit(None)

    @property
    def cache(self):
        """The dataset cache every recompute and export reads through (only the tables whose revision changed
        are read again; it starts afresh by itself for another file).  Made on first use: the store loads
        pandas, and the window is built before pandas is loaded."""
        if self._cache is None:
            from desktop.core.store.snapshot import DatasetCache

            self._cache = DatasetCache()
        return self._cache


def compute_results(project, params, state, cache=None):
    """(dataset, results): the engine over a project's data on the worker, in the allocator context
    ``critmin compute`` uses.  ``cache`` keeps the dataset between recomputes (only changed tables are
    read again)."""
    from desktop.allocator import engine_memory
    from desktop.core.metrics.engine import run

    state.progress(0.02, QCoreApplication.translate("Analysis", "reading the project"))
    dataset = cache.dataset(project) if cache is not None else project.dataset()
    state.check()
    with engine_memory():
        results = run(dataset, params, progress=lambda f, text="": state.progress(0.1 + 0.85 * f, text),
                      cancelled=state.cancelled)
    return dataset, results
