"""``critmin gui --smoke-test OUTDIR``: the whole program exercised once in the real window, for CI and the
frozen app.

The steps, in order (each one ok or failed in ``OUTDIR/smoke_report.json`` and ``smoke_report.txt``):

1. ``outdir``      OUTDIR is created and writable (the report is written there first).
2. ``window``      the main window is built and on screen with its views (and, in Chinese, its translations
                   and Qt's are loaded).
3. ``metadata``    the metadata Help ▸ About reads the licences from: critmin's own and that of every
                   requirement the program carries.
4. ``demo``        the demo project is opened as on a first start (the bundled workbook imported into a
                   copy in the documents folder) and its indicators are computed.
5. ``import``      a real data file — the bundled demo workbook, built from the public sources — is imported
                   through the import wizard (read on the worker, then written as one undo step) into a new
                   project ``OUTDIR/smoke-import.critmin``.
6. ``compute``     the engine recomputes the indicators of the imported project on the worker.
7. ``results``     File ▸ Export Results… writes ``OUTDIR/results.xlsx`` (the file dialog is answered).
8. ``plot``        the Overview's criticality chart is saved as ``OUTDIR/plot.png`` and ``OUTDIR/plot.svg``.
9. ``screenshot:<view>``  every tab of the window, shown with its content, as ``OUTDIR/screenshots/NN-<view>.png``.

Everything runs on the event loop: a QTimer ticks every 50 ms and moves the current step on when what it
waits for has happened, so the GUI thread never blocks and the worker does the long work as it does for
an analyst.  A step is a generator that yields the condition it waits for; a failed or timed-out step
stops the run (later steps are "skipped") and the process exits 1.  The report is plain English: it is
for CI, not for the analyst.
"""
from __future__ import annotations

import json
import logging
import platform
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("critmin.smoke")

TICK_MS = 50
STEP_TIMEOUT_S = 180.0        # the slowest step (the import) takes a few seconds: a hang, not slowness, trips it
TOTAL_TIMEOUT_S = 600.0
SETTLE_TICKS = 4              # idle ticks before a screenshot: queued paints and the last signals arrive
REPORT_JSON, REPORT_TXT = "smoke_report.json", "smoke_report.txt"
SCREENSHOTS = "screenshots"
RESULTS_FILE, PLOT_PNG, PLOT_SVG = "results.xlsx", "plot.png", "plot.svg"
IMPORT_PROJECT = "smoke-import.critmin"

# The window's attribute for each view → the name its screenshot gets (a tab not listed: "view-N").
VIEW_NAMES = (("overview", "overview"), ("data_view", "data"), ("indicators", "indicators"),
              ("matrix_view", "matrix"), ("scenarios_view", "scenarios"), ("alerts_view", "alerts"))

# a requirement whose import name is not its distribution's name
IMPORT_NAMES = {"PySide6-Essentials": "PySide6", "scikit-learn": "sklearn", "python-calamine": "python_calamine",
                "XlsxWriter": "xlsxwriter", "python-dateutil": "dateutil"}

Wait = Callable[[], bool]


@dataclass
class Step:
    name: str
    status: str = "skipped"            # ok | failed | skipped
    seconds: float = 0.0
    detail: str = ""
    files: list[str] = field(default_factory=list)


class StepFailed(Exception):
    """A check of a step did not hold; its message goes into the report."""


def view_name(window, widget) -> str | None:
    for attr, name in VIEW_NAMES:
        if getattr(window, attr, None) is widget:
            return name
    return None


def view_ready(window, widget) -> bool:
    """The view on screen shows its content: the worker is idle, the results are current and the view's
    own table (or chart, or list) is filled.  bench/bench_startup.py's "usable" is this for the first tab."""
    if window.runner.busy or not window.document.is_open:
        return False
    analysis = window.analysis
    if analysis.results is None or analysis.stale:
        return False
    name = view_name(window, widget)
    if name == "overview":
        return widget.frame is not None and widget.model.rowCount() > 0 and widget.chart is not None
    if name == "data":
        panel = widget.current_panel()        # None: the Sources tab (the import log)
        return panel is None or (panel.model.data_ is not None and not panel.loading)
    if name == "indicators":
        return widget.model.rowCount() > 0
    if name == "matrix":
        return bool(widget.heat)
    if name == "scenarios":
        return len(widget.scenarios) > 0
    if name == "alerts":
        return widget.frame is not None
    return True


@contextmanager
def answered_save_dialog(path: Path) -> Iterator[None]:
    """Answer the next "Save as" file dialog with ``path`` (the export itself runs exactly as from the menu).

    The dialog is asked synchronously, before the export's work is queued, so the answer is only in place
    while the menu command runs.
    """
    from PySide6.QtWidgets import QFileDialog

    original = vars(QFileDialog)["getSaveFileName"]      # the class's own attribute, put back as it was
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (str(path), ""))
    try:
        yield
    finally:
        QFileDialog.getSaveFileName = original


class SmokeTest(QObject):
    """Drives the real window through the steps above; ``exit_code`` is 0 only when every step was ok."""

    def __init__(self, app, window, outdir: str | Path, *, log_path: Path | None = None) -> None:
        super().__init__(window)
        self.app, self.window = app, window
        self.outdir = Path(outdir).absolute()
        self.log_path = log_path
        self.steps: list[Step] = []
        self.exit_code = 1
        self.started = time.perf_counter()
        self._errors: list[str] = []
        self._before_import = None         # the results before the import (the compute step waits for newer)
        self._plan = [("outdir", self._outdir), ("window", self._window), ("metadata", self._metadata),
                      ("demo", self._demo),
                      ("import", self._import), ("compute", self._compute), ("results", self._results),
                      ("plot", self._plot)]
        self._plan += [(f"screenshot:{name}", (lambda i=i: self._screenshot(i)))
                       for i, name in enumerate(self._view_names())]
        self._current: Step | None = None
        self._gen: Iterator[Wait] | None = None
        self._wait: Wait | None = None
        self._step_started = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        # Whatever the window would tell the analyst (a message box) fails the step that caused it.
        window.runner.sig_error.connect(self._error)
        window.document.sig_error.connect(self._error)
        window.analysis.sig_failed.connect(self._error)

    # -- driving ------------------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()

    def internal_error(self, text: str) -> None:
        """An exception reached sys.excepthook (app.py): the step running now failed."""
        self._error(f"internal error: {text}")

    def _error(self, sentence) -> None:
        # kept until the run ends: an error between two steps fails the next one rather than being lost
        self._errors.append(str(sentence))

    def _tick(self) -> None:
        try:
            self._advance()
        except Exception as exc:   # a bug here must end the run with a report, not hang it
            log.exception("smoke test driver failed")
            self._fail(f"smoke test driver: {exc!r}")

    def _advance(self) -> None:
        if time.perf_counter() - self.started > TOTAL_TIMEOUT_S:
            self._fail(f"the smoke test took longer than {TOTAL_TIMEOUT_S:.0f} s")
            return
        if self._gen is None:
            if len(self.steps) == len(self._plan):
                self._finish()
                return
            name, make = self._plan[len(self.steps)]
            self._current = Step(name)
            self.steps.append(self._current)
            self._step_started = time.perf_counter()
            self._gen, self._wait = make(), None
        if self._errors:
            self._fail("; ".join(dict.fromkeys(self._errors)))
            return
        if self._wait is not None and not self._wait():
            if time.perf_counter() - self._step_started > STEP_TIMEOUT_S:
                self._fail(f"timed out after {STEP_TIMEOUT_S:.0f} s")
            return
        try:
            self._wait = next(self._gen)          # run the step on to what it waits for next
        except StopIteration:
            step = self._current
            step.status, step.seconds = "ok", time.perf_counter() - self._step_started
            self._gen = self._wait = None
        except StepFailed as exc:
            self._fail(str(exc))

    def _fail(self, detail: str) -> None:
        step = self._current or Step("smoke test")
        if step not in self.steps:
            self.steps.append(step)
        step.status, step.seconds = "failed", time.perf_counter() - self._step_started
        step.detail = (step.detail + "; " if step.detail else "") + detail
        self.steps += [Step(name, detail="an earlier step failed") for name, _ in self._plan[len(self.steps):]]
        self._gen = self._wait = None
        self._finish()

    def _finish(self) -> None:
        self._timer.stop()
        self.exit_code = 0 if self.steps and all(s.status == "ok" for s in self.steps) else 1
        self._write_report()
        # Closed as the analyst closes it (settings written, the project closed, the worker finished), then
        # the event loop ends; app.py returns exit_code whatever the loop returns.
        self.window.close()
        self.app.exit(self.exit_code)

    # -- the report ---------------------------------------------------------------------------------------
    def summary_lines(self) -> list[str]:
        lines = [f"{s.status:7} {s.name:24} {s.seconds:6.2f} s  {s.detail}".rstrip() for s in self.steps]
        verdict = "smoke test ok" if self.exit_code == 0 else "smoke test FAILED"
        lines.append(f"{verdict}: {sum(s.status == 'ok' for s in self.steps)}/{len(self.steps)} steps ok in "
                     f"{time.perf_counter() - self.started:.1f} s; output in {self.outdir}")
        if self.exit_code and self.log_path is not None:
            lines.append(f"log: {self.log_path}")
        return lines

    def _write_report(self) -> None:
        from desktop import __version__

        lines = self.summary_lines()
        report = {"ok": self.exit_code == 0, "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
                  "platform": platform.platform(), "seconds": round(time.perf_counter() - self.started, 2),
                  "outdir": str(self.outdir), "steps": [asdict(s) for s in self.steps]}
        try:
            (self.outdir / REPORT_JSON).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
            (self.outdir / REPORT_TXT).write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as exc:        # the outdir step failed already, or the disk filled up meanwhile
            lines.append(f"the report could not be written to {self.outdir}: {exc}")
            if self.exit_code == 0:
                self.exit_code = 1
        for line in lines:
            _print(line)

    # -- the steps ----------------------------------------------------------------------------------------
    def _outdir(self) -> Iterator[Wait]:
        try:
            (self.outdir / SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            probe = self.outdir / REPORT_TXT
            probe.write_text("smoke test running\n", encoding="utf-8")
        except OSError as exc:
            raise StepFailed(f"cannot write into {self.outdir}: {exc.strerror or exc}") from exc
        try:
            # files of an earlier run into the same folder must not pass for this run's
            for stale in [self.outdir / n for n in (RESULTS_FILE, PLOT_PNG, PLOT_SVG, REPORT_JSON)] + \
                    list((self.outdir / SCREENSHOTS).glob("*.png")):
                stale.unlink(missing_ok=True)
        except OSError as exc:
            raise StepFailed(f"cannot remove the files of an earlier run: {exc}") from exc
        self._detail(str(self.outdir))
        yield from ()

    def _window(self) -> Iterator[Wait]:
        window = self.window
        yield lambda: window.isVisible() and window.views.count() > 0
        names = self._view_names()
        language = str(self.app.property("critmin_language") or "en")
        if language != "en":
            # a bundle without its .qm files would show English menus (ours) and English buttons (Qt's)
            from PySide6.QtCore import QCoreApplication

            missing = [who for who, context, text in (("CritMin's", "MainWindow", "&File"),
                                                      ("Qt's", "QPlatformTheme", "Cancel"))
                       if QCoreApplication.translate(context, text) == text]
            if missing:
                raise StepFailed(f"{' and '.join(missing)} {language} translation is not loaded")
        self._detail(f"{window.windowTitle()!r}, language {language}, {len(names)} views: {', '.join(names)}")

    def _metadata(self) -> Iterator[Wait]:
        """Help ▸ About lists every bundled distribution's licence from its metadata: the frozen app must carry
        the metadata of each requirement whose code it carries (build_installer.spec copies it)."""
        import importlib.util
        from importlib import metadata

        from desktop import __version__
        from desktop.licences import requirement_name

        try:
            version = metadata.version("critmin")
            requires = metadata.requires("critmin") or []
        except metadata.PackageNotFoundError as exc:
            raise StepFailed("critmin's own metadata is missing") from exc
        if version != __version__:
            raise StepFailed(f"critmin's metadata says version {version}, the program {__version__}")
        found, absent, missing = [], [], []
        for name in filter(None, map(requirement_name, requires)):       # extras left out, as About does
            try:
                found.append(f"{name} {metadata.version(name)}")
            except metadata.PackageNotFoundError:
                module = IMPORT_NAMES.get(name, name.lower().replace("-", "_"))
                (missing if importlib.util.find_spec(module) is not None else absent).append(name)
        if missing:
            raise StepFailed(f"no metadata (so no licence in About) for {', '.join(missing)}")
        self._detail(f"critmin {version}; {', '.join(found)}" + (f"; not bundled: {', '.join(absent)}" if absent
                                                                  else ""))
        yield from ()

    def _demo(self) -> Iterator[Wait]:
        window = self.window
        window.open_demo()
        yield lambda: window.document.is_open and window.settings.demo_created and view_ready(window,
                                                                                            window.overview)
        results = window.analysis.results
        filled = [t for t, f in results.tables.items() if f is not None and len(f)]
        self._detail(f"{window.document.path.name}: {len(filled)} result tables, "
                     f"{window.overview.model.rowCount()} minerals on the Overview")

    def _import(self) -> Iterator[Wait]:
        from desktop.paths import demo_workbook
        from desktop.ui.views.import_wizard import ImportWizardDialog

        window = self.window
        target = self.outdir / IMPORT_PROJECT
        for path in (target, target.with_name(target.name + "-journal")):
            try:
                path.unlink(missing_ok=True)      # a fresh project each run: the import must write rows
            except OSError as exc:
                raise StepFailed(f"cannot remove the previous {path}: {exc.strerror or exc}") from exc
        opened = []
        window.open_project(str(target), create=True, on_done=lambda: opened.append(True))
        yield lambda: bool(opened) and not window.runner.busy
        if window.document.path != target:
            raise StepFailed(f"the new project {target} was not opened")
        source = demo_workbook()
        window.import_data([str(source)])          # File ▸ Import Data… with the file chosen
        dialogs = [d for d in window.findChildren(ImportWizardDialog) if d.isVisible()]
        if not dialogs:
            raise StepFailed("the import wizard did not open")
        dialog = dialogs[-1]
        finished: list = []
        dialog.sig_import_finished.connect(finished.append)
        yield lambda: not dialog.is_loading and all(e.state in ("ready", "failed", "cancelled")
                                                    for e in dialog.entries())
        can, why, _icon = dialog.import_state()
        if not can:
            raise StepFailed(f"the wizard refuses {source.name}: {why}")
        self._before_import = window.analysis.results
        dialog.import_files()                      # the Import button
        yield lambda: bool(finished) and not window.runner.busy
        result = finished[0]
        if isinstance(result, str):
            raise StepFailed(result)
        changed = sum(r.changed for r in result)
        if not changed:
            raise StepFailed(f"{source.name} was imported but wrote no rows")
        self._detail(f"{source.name} → {target.name}: {changed} rows written ({dialog.describe(result)})")
        self._current.files.append(target.name)

    def _compute(self) -> Iterator[Wait]:
        window = self.window
        analysis, before = window.analysis, self._before_import
        # the import asked for a recompute by itself (live recompute): wait for the results of the new data
        yield lambda: analysis.results is not None and analysis.results is not before and not analysis.stale \
            and not window.runner.busy
        results = window.analysis.results
        filled = {t: len(f) for t, f in results.tables.items() if f is not None and len(f)}
        wanted = {"supply_risk", "import_dependency", "market_dynamics"}
        missing = sorted(wanted - set(filled))
        if missing:
            raise StepFailed(f"the results have no {', '.join(missing)} (tables: {', '.join(filled) or 'none'})")
        seconds = window.analysis.seconds
        self._detail(f"{len(filled)} result tables" + (f", computed in {seconds:.2f} s" if seconds else "")
                     + f"; {len(results.problems)} notes")

    def _results(self) -> Iterator[Wait]:
        window = self.window
        path = self.outdir / RESULTS_FILE
        with answered_save_dialog(path):
            window.export_results()                # File ▸ Export Results…
        yield lambda: not window.runner.busy
        self._check_file(path, magic=b"PK")       # an .xlsx is a zip
        with zipfile.ZipFile(path) as book:
            sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        if not sheets:
            raise StepFailed(f"{path.name} holds no worksheet")
        self._detail(f"{path.name}: {len(sheets)} sheets, {path.stat().st_size:,} bytes")

    def _plot(self) -> Iterator[Wait]:
        window = self.window
        window.views.setCurrentWidget(window.overview)
        yield lambda: view_ready(window, window.overview)
        chart = window.overview.chart
        for name, magic in ((PLOT_PNG, b"\x89PNG"), (PLOT_SVG, None)):
            path = self.outdir / name
            try:
                chart.save(path)             # the plot's own Save as PNG…/SVG… without the dialog
            except (OSError, ValueError) as exc:
                raise StepFailed(f"{name}: {exc}") from exc
            self._check_file(path, magic=magic)
            yield lambda: True               # one export per tick: each is a few tens of ms on the GUI thread
        if b"<svg" not in (self.outdir / PLOT_SVG).read_bytes()[:4096]:
            raise StepFailed(f"{PLOT_SVG} is not an SVG file")
        self._detail(f"criticality chart: {PLOT_PNG}, {PLOT_SVG}")

    def _screenshot(self, index: int) -> Iterator[Wait]:
        window = self.window
        widget = window.views.widget(index)
        window.views.setCurrentIndex(index)
        yield lambda: view_ready(window, widget)
        quiet = [0]

        def settled() -> bool:      # a few idle ticks in a row: the redraws it queued have been painted
            quiet[0] = quiet[0] + 1 if view_ready(window, widget) else 0
            return quiet[0] >= SETTLE_TICKS
        yield settled
        name = self._view_names()[index]
        path = self.outdir / SCREENSHOTS / f"{index + 1:02d}-{name}.png"
        image = window.grab().toImage()      # painting is GUI-thread work; encoding the PNG is not
        saved: list[bool] = []
        window.runner.submit(lambda _state: image.save(str(path), "PNG"), kind="smoke-screenshot",
                             label="screenshot", on_done=saved.append, cancellable=False)
        yield lambda: bool(saved)
        if not saved[0]:
            raise StepFailed(f"could not write {path}")
        self._check_file(path, magic=b"\x89PNG")
        self._detail(f"tab {window.views.tabText(index).replace('&', '')!r}")

    # -- helpers ------------------------------------------------------------------------------------------
    def _view_names(self) -> list[str]:
        views = self.window.views
        return [view_name(self.window, views.widget(i)) or f"view-{i + 1}" for i in range(views.count())]

    def _detail(self, text: str) -> None:
        self._current.detail = text

    def _check_file(self, path: Path, magic: bytes | None = None) -> None:
        if not path.is_file() or path.stat().st_size == 0:
            raise StepFailed(f"{path.name} was not written")
        if magic is not None:
            with path.open("rb") as f:
                if f.read(len(magic)) != magic:
                    raise StepFailed(f"{path.name} is not the kind of file it should be")
        self._current.files.append(str(path.relative_to(self.outdir)))


def _print(text: str) -> None:
    # A Windows console may not be UTF-8, and a windowed app has no stdout at all (print then does nothing).
    try:
        print(text, flush=True)
    except UnicodeEncodeError:
        print(text.encode("ascii", "replace").decode("ascii"), flush=True)
    except (OSError, ValueError, AttributeError):
        pass
