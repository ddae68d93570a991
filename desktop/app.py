"""GUI entry point: ``main()`` sets up logging, Qt and the main window.

``--smoke-test`` starts the application, shows the window, waits for the first project to open and exits
0 (``make run`` without a display).  ``--smoke-test OUTDIR`` (or ``--smoke-test=OUTDIR``) runs the whole
program once instead — demo, import, compute, exports, a screenshot of every view — and exits 0 only if all
of it worked (desktop/smoke.py; CI runs it on the frozen app).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import sys

from desktop.logging_setup import setup_logging
from desktop.paths import log_file

log = logging.getLogger("critmin.app")


def main(argv: list[str] | None = None) -> int:
    # Must come first: frozen apps re-enter main() in child processes otherwise.
    multiprocessing.freeze_support()
    setup_logging()
    _preload_data_libraries()
    argv = sys.argv[1:] if argv is None else list(argv)
    smoke, outdir, argv = _smoke_option(argv)
    lang = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None)
    files = [a for a in argv if not a.startswith("--")]

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import APP_NAME, __version__
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from desktop.ui.settings import Settings
    from desktop.ui.translation import install_translator

    settings = Settings()
    language = lang or settings.language
    install_translator(app, language)
    app.setProperty("critmin_language", language)     # names and core messages follow it (ui/language.py)
    try:
        from desktop.ui.palette import apply_theme
        apply_theme(app, settings.theme)
    except ImportError:
        pass

    def excepthook(exc_type, exc, tb):  # a traceback is logged, never shown
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        if full_smoke is not None:
            full_smoke.internal_error(f"{exc_type.__name__}: {exc}")
        if window is not None:
            window.show_internal_error()

    window = full_smoke = None
    sys.excepthook = excepthook
    window = MainWindow(settings)
    window.show()
    if outdir is not None:
        from desktop.smoke import SmokeTest

        # The smoke test opens the demo itself (not the last project a user's settings name).
        full_smoke = SmokeTest(app, window, outdir, log_path=log_file())
        QTimer.singleShot(0, full_smoke.start)
        app.exec()
        return full_smoke.exit_code
    # Show the window first; the project opens on the worker once the event loop runs.
    QTimer.singleShot(0, lambda: window.open_at_start(files))
    if os.environ.get("CRITMIN_STARTUP_PROBE"):
        _probe("window shown")
        _quit_when_usable(app, window)
    seen = {}
    if smoke:
        def finish() -> None:
            if window.runner.busy and finish.waited < 120:
                finish.waited += 1
                QTimer.singleShot(500, finish)
            else:
                # What the window shows now: quit() closes it, and closing changes the title.
                seen.update(title=window.windowTitle(), opened=window.document.is_open)
                app.quit()
        finish.waited = 0
        QTimer.singleShot(500, finish)
    code = app.exec()
    if smoke:
        if not seen.get("opened"):
            print(f"smoke test failed: no project open ({seen.get('title', '')}); see {log_file()}")
            return 1
        print(f"smoke test ok: {seen['title']}")
    return int(code)


def _smoke_option(argv: list[str]) -> tuple[bool, str | None, list[str]]:
    """(smoke test asked, its OUTDIR or None, the other arguments) from ``--smoke-test[=OUTDIR]`` or
    ``--smoke-test OUTDIR`` (the next argument, unless it is an option or a project/data file to open)."""
    rest, smoke, outdir = [], False, None
    args = iter(enumerate(argv))
    for i, arg in args:
        if arg.startswith("--smoke-test="):
            smoke, outdir = True, arg.split("=", 1)[1] or None
        elif arg == "--smoke-test":
            smoke = True
            after = argv[i + 1] if i + 1 < len(argv) else None
            if after is not None and not after.startswith("--") and not _is_openable(after):
                outdir = after
                next(args)
        else:
            rest.append(arg)
    return smoke, outdir, rest


def _is_openable(arg: str) -> bool:
    """A project or data file, as MainWindow.open_at_start tells them."""
    from desktop.ui.main_window import DATA_SUFFIXES

    return arg.lower().endswith((".critmin", *DATA_SUFFIXES))


def _preload_data_libraries() -> None:
    """Import pandas and the project store on a side thread while this one builds the window.

    The window no longer needs them to appear; the first project does.  Started now, the import runs
    beside Qt's start-up instead of after it (Python's import lock makes a second import wait for it).
    """
    import contextlib
    import threading

    def load() -> None:
        with contextlib.suppress(Exception):  # the real import on the worker reports any problem
            import desktop.core.store.project  # noqa: F401 — pandas, numpy, sqlite3 and the store

    threading.Thread(target=load, name="preload", daemon=True).start()


def _probe(event: str) -> None:
    """bench/bench_startup.py: seconds since the benchmark started this process (CRITMIN_STARTUP_T0)."""
    import time

    t0 = float(os.environ.get("CRITMIN_STARTUP_T0") or time.time())
    print(f"startup probe: {event} {time.time() - t0:.3f}", flush=True)


def _quit_when_usable(app, window) -> None:
    """bench/bench_startup.py: quit as soon as a project is open and the first view on screen shows its content
    (the Overview: its table and criticality chart of the computed indicators)."""
    from PySide6.QtCore import QTimer

    from desktop.smoke import view_ready

    def check() -> None:
        if view_ready(window, window.views.currentWidget()):
            _probe("usable")
            app.quit()
        else:
            QTimer.singleShot(10, check)
    QTimer.singleShot(0, check)


if __name__ == "__main__":
    raise SystemExit(main())
