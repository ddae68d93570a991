"""GUI entry point: ``main()`` sets up logging, Qt and the main window.

``--smoke-test`` starts the application, shows the window, processes events
for a moment and exits 0 — used by CI and by the frozen-app check.
"""
from __future__ import annotations

import logging
import multiprocessing
import sys

from desktop.logging_setup import setup_logging

log = logging.getLogger("critmin.app")


def main(argv: list[str] | None = None) -> int:
    # Must come first: frozen apps re-enter main() in child processes otherwise.
    multiprocessing.freeze_support()
    setup_logging()
    argv = sys.argv[1:] if argv is None else list(argv)
    smoke = "--smoke-test" in argv
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
    install_translator(app, lang or settings.language)

    def excepthook(exc_type, exc, tb):  # a traceback is logged, never shown
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        if window is not None:
            window.show_internal_error()

    window = None
    sys.excepthook = excepthook
    window = MainWindow()
    if files:
        window.open_path(files[0])
    else:
        window.open_demo()
    window.show()
    if smoke:
        QTimer.singleShot(300, app.quit)
    code = app.exec()
    if smoke:
        print(f"smoke test ok: {window.windowTitle()}")
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
