"""What every walkthrough script shares: the real window started as ``critmin gui`` starts it (a fresh user
folder, the chosen language, the demo project), waiting for the worker, and a numbered screenshot per step.

    session = Walk("walkthrough-x")        # reads OUTDIR and --lang from the command line
    session.wait(session.settled)
    session.shot("name", "what the window showed")
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class Walk:
    def __init__(self, default_out: str) -> None:
        self.out = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--")
                        else default_out).absolute()
        self.lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
        self.out.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("CRITMIN_HOME", tempfile.mkdtemp(prefix="critmin-walk-"))
        sys.path.insert(0, str(REPO))
        from PySide6.QtWidgets import QApplication

        from desktop.ui.main_window import MainWindow
        from desktop.ui.settings import Settings
        from desktop.ui.translation import install_translator

        self.app = QApplication([sys.argv[0]])
        install_translator(self.app, self.lang)
        self.app.setProperty("critmin_language", self.lang)
        self.window = MainWindow(Settings())
        self.window.show()
        self.window.open_at_start([])
        self.step = 0
        self.wait(lambda: self.window.document.is_open and self.settled(), 300)

    def wait(self, cond, timeout: float = 120.0) -> None:
        """Keep the window running until ``cond()``; stop the walk if it does not come."""
        end = time.monotonic() + timeout
        while not cond() and time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)
        self.app.processEvents()
        if not cond():
            raise SystemExit(f"step {self.step}: timed out")

    def settled(self) -> bool:
        """The results are in, up to date, and the worker is idle."""
        w = self.window
        return w.analysis.results is not None and not w.analysis.stale and not w.runner.busy

    def shot(self, name: str, what: str) -> None:
        """A screenshot of the whole screen (the window as the analyst sees it) and what it showed."""
        from PySide6.QtGui import QGuiApplication

        self.step += 1
        for _ in range(30):
            self.app.processEvents()
            time.sleep(0.01)
        path = self.out / f"{self.step:02d}-{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"{self.step:2d}. {what}\n    → {path.name}")
