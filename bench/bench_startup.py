"""Start-up time: CritMin to a usable window with the demo project open, against a bare PySide6 window
with one pyqtgraph plot, measured side by side (interleaved runs, each a fresh process).

    python bench/bench_startup.py [--repeat 7]

"Usable" for CritMin: the window is shown, the demo project is open and the first Data table is on
screen (the app quits itself at that moment when CRITMIN_STARTUP_PROBE=1).  The demo copy is made once
before timing (the first start also builds it: that figure is printed separately).  Target ratio ≤ 2.0.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication(sys.argv)
win = QMainWindow()
plot = pg.PlotWidget()
plot.plot([1, 3, 2, 4])
win.setCentralWidget(plot)
win.resize(1280, 800)
win.show()
QTimer.singleShot(0, app.quit)     # quit once the event loop has shown the window
app.exec()
"""


def run(cmd: list[str], env: dict, shown: list[float] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, env={**env, "CRITMIN_STARTUP_T0": repr(time.time())}, capture_output=True,
                            text=True, timeout=180)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{cmd[-1]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    for line in result.stdout.splitlines():
        if line.startswith("startup probe: window shown") and shown is not None:
            shown.append(float(line.rsplit(" ", 1)[1]))
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="critmin-bench-home-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CRITMIN_HOME": str(home), "CRITMIN_STARTUP_PROBE": "1"}
    critmin = [sys.executable, "-m", "desktop", "gui"]
    bare = [sys.executable, "-c", BARE]
    first = run(critmin, env)           # first start: builds the demo project in the documents folder
    run(bare, env)                      # warm the file cache for both before timing
    ours, theirs, shown = [], [], []
    for _ in range(args.repeat):
        theirs.append(run(bare, env))
        ours.append(run(critmin, env, shown))
    m_ours, m_bare = statistics.median(ours), statistics.median(theirs)
    print(f"bare PySide6 window + one pyqtgraph plot: median {m_bare:.2f} s (best {min(theirs):.2f} s)")
    print(f"CritMin, demo project open, Data table shown: median {m_ours:.2f} s (best {min(ours):.2f} s)")
    print(f"CritMin window on screen (before the project is open): median {statistics.median(shown):.2f} s")
    print(f"CritMin first start (builds the demo project): {first:.2f} s")
    print(f"start-up ratio (median CritMin / median bare): {m_ours / m_bare:.2f}  (target ≤ 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
