"""Start-up time: CritMin to a usable window with the demo project open, against a bare PySide6 window
with one pyqtgraph plot, measured side by side (interleaved runs, each a fresh process); and the frozen app
(dist/CritMin/CritMin, when it has been built: make frozen) to the same point.

    python bench/bench_startup.py [--repeat 7] [--frozen PATH | --no-frozen]

"Usable" for CritMin: the window is shown, the demo project is open and the first view on screen — the
Overview — shows its content: the indicators computed, its table filled and the criticality chart drawn
(desktop/smoke.view_ready; the app quits itself at that moment when CRITMIN_STARTUP_PROBE=1).  The demo copy
is made once before timing (the first start also builds it: that figure is printed separately).  Targets:
ratio ≤ 2.0 against the bare window; the frozen app usable in under 3 s offscreen.
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


def run(cmd: list[str], env: dict, shown: list[float] | None = None, usable: list[float] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, env={**env, "CRITMIN_STARTUP_T0": repr(time.time())}, capture_output=True,
                            text=True, timeout=180, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{cmd[-1]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    for line in result.stdout.splitlines():
        if line.startswith("startup probe: window shown") and shown is not None:
            shown.append(float(line.rsplit(" ", 1)[1]))
        if line.startswith("startup probe: usable") and usable is not None:
            usable.append(float(line.rsplit(" ", 1)[1]))
    return elapsed


def frozen_app(args) -> Path | None:
    if args.no_frozen:
        return None
    path = Path(args.frozen) if args.frozen else REPO / "dist" / "CritMin" / ("CritMin.exe" if os.name == "nt"
                                                                            else "CritMin")
    return path if path.is_file() else None


def bench_frozen(app: Path, repeat: int) -> None:
    """The frozen one-folder app to a usable window (its own fresh user folder; the first start builds the demo)."""
    home = Path(tempfile.mkdtemp(prefix="critmin-bench-frozen-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CRITMIN_HOME": str(home), "CRITMIN_STARTUP_PROBE": "1"}
    first_usable: list[float] = []
    first = run([str(app)], env, usable=first_usable)
    walls, usable, shown = [], [], []
    for _ in range(repeat):
        walls.append(run([str(app)], env, shown, usable))
    print(f"frozen app ({app}): usable window median {statistics.median(usable):.2f} s, best {min(usable):.2f} s "
          f"(window on screen {statistics.median(shown):.2f} s; whole process incl. closing: median "
          f"{statistics.median(walls):.2f} s)  (target < 3 s)")
    print(f"frozen app first start (builds the demo project): usable {first_usable[0]:.2f} s, process {first:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--frozen", help="the frozen app to time (default: dist/CritMin/CritMin if built)")
    parser.add_argument("--no-frozen", action="store_true", help="do not time the frozen app")
    parser.add_argument("--frozen-only", action="store_true", help="time only the frozen app")
    args = parser.parse_args()
    app = frozen_app(args)
    if args.frozen_only:
        if app is None:
            raise SystemExit("no frozen app: build it with `make frozen` (or give --frozen PATH)")
        bench_frozen(app, args.repeat)
        return 0
    home = Path(tempfile.mkdtemp(prefix="critmin-bench-home-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CRITMIN_HOME": str(home), "CRITMIN_STARTUP_PROBE": "1"}
    critmin = [sys.executable, "-m", "desktop", "gui"]
    bare = [sys.executable, "-c", BARE]
    first = run(critmin, env)           # first start: builds the demo project in the documents folder
    run(bare, env)                      # warm the file cache for both before timing
    ours, theirs, shown, usable = [], [], [], []
    for _ in range(args.repeat):
        theirs.append(run(bare, env))
        ours.append(run(critmin, env, shown, usable))
    m_ours, m_bare = statistics.median(ours), statistics.median(theirs)
    print(f"bare PySide6 window + one pyqtgraph plot: median {m_bare:.2f} s (best {min(theirs):.2f} s)")
    print(f"CritMin, demo project open, Overview shown with its content: median {m_ours:.2f} s (best "
          f"{min(ours):.2f} s; usable at {statistics.median(usable):.2f} s, the rest is closing)")
    print(f"CritMin window on screen (before the project is open): median {statistics.median(shown):.2f} s")
    print(f"CritMin first start (builds the demo project): {first:.2f} s")
    print(f"start-up ratio (median CritMin / median bare): {m_ours / m_bare:.2f}  (target ≤ 2.0)")
    if app is not None:
        bench_frozen(app, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
