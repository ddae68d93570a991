"""Does the window keep answering while the worker reads, writes and undoes on a 1,000,000-row project?

    QT_QPA_PLATFORM=offscreen python bench/bench_responsiveness.py

Builds a project with 1,000,000 production rows (once, in a temporary folder), opens it in the real
main window, edits a cell (write + reload of the table), filters by text and undoes the edit, while a
10 ms timer on the GUI thread records the gaps between its beats.  Prints the five longest gaps of each
phase next to the idle timer's (the same timer with nothing running), so the machine's own noise is
seen in the same run.  Target: the GUI thread never stalls for more than 100 ms.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CRITMIN_HOME", tempfile.mkdtemp(prefix="critmin-bench-"))

import numpy as np
import pandas as pd
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

N = 1_000_000


def build(path: Path) -> None:
    from desktop.core.registry import default_registry
    from desktop.core.store import Project

    rng = np.random.default_rng(1)
    reg = default_registry()
    minerals = np.array(list(reg.minerals.index[:40]), dtype=object)
    countries = np.array(reg.countries.index[:200], dtype=object)
    idx = rng.choice(40 * 200 * 125, N, replace=False)         # distinct (mineral, country, year) keys
    frame = pd.DataFrame({"mineral": minerals[idx % 40], "country": countries[(idx // 40) % 200],
                          "year": 1900 + idx // 8000, "stage": "", "quantity": rng.random(N) * 1e6,
                          "quantity_state": "", "unit": "t"})
    with Project.open(path, create=True) as project:
        project.write_import({"production": frame}, {"file": "bench.csv", "sha256": "bench", "format": "bench"})


def main() -> int:
    app = QApplication([])
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    home = Path(os.environ["CRITMIN_HOME"])
    path = home / "million.critmin"
    if not path.exists():
        start = time.perf_counter()
        build(path)
        print(f"built a {N:,}-row project in {time.perf_counter() - start:.1f} s")
    window = MainWindow(Settings(QSettings(str(home / "bench.ini"), QSettings.Format.IniFormat)))
    window.resize(1280, 800)
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()

    def run(label: str, start_action, done) -> None:
        gaps.clear()
        last[0] = time.perf_counter()
        start = time.perf_counter()
        start_action()
        while not done():
            app.processEvents()
            time.sleep(0.001)
        worst = [round(g * 1000) for g in sorted(gaps)[-5:]]
        print(f"{label:34} {time.perf_counter() - start:5.2f} s   longest gaps (ms): {worst}")

    def idle_for(seconds: float):
        end = time.perf_counter() + seconds
        return lambda: time.perf_counter() > end

    run("idle (the machine's noise)", lambda: None, idle_for(2.0))
    panel = window.data_view.panels["production"]
    run("open + read + sort 1M rows", lambda: window.open_project(str(path)),
        lambda: window.document.is_open and panel.model.data_ is not None and not window.runner.busy)
    model = panel.model
    col = model.data_.names().index("quantity")
    run("edit a cell (write + reload 1M)", lambda: model.setData(model.index(5, col), "42"),
        lambda: not window.runner.busy and window.document.all_saved)
    run("filter by text", lambda: (window.data_view.text.setText("chin"), window.data_view.apply_filter()),
        idle_for(0.3))
    run("undo the edit (write + reload 1M)", window.document.undo_stack.undo, lambda: not window.runner.busy)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
