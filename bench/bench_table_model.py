"""The Data view's table model on 1,000,000 rows: what the GUI thread pays per action.

    QT_QPA_PLATFORM=offscreen python bench/bench_table_model.py

Prints milliseconds on the GUI thread for loading into the model, filtering, one screen of data() and
a sort (which, for tables over BACKGROUND_SORT_ROWS rows, only starts a worker task: its cost on the
worker is printed beside it).  Target: every GUI-thread figure under 100 ms.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pandas as pd
from PySide6.QtWidgets import QApplication


def main() -> int:
    app = QApplication([])  # noqa: F841 — the model needs an application
    from desktop.core.registry import default_registry
    from desktop.ui.models.frame_model import TableModel
    from desktop.ui.models.table_data import prepare

    n = 1_000_000
    rng = np.random.default_rng(1)
    minerals = np.array(["cobalt", "lithium", "nickel", "copper", "gallium"], dtype=object)
    countries = np.array(default_registry().countries.index[:150], dtype=object)
    frame = pd.DataFrame({"mineral": minerals[rng.integers(0, 5, n)], "country": countries[rng.integers(0, 150, n)],
                          "year": rng.integers(1990, 2025, n), "stage": "", "quantity": rng.random(n) * 1e6,
                          "quantity_state": "", "unit": "t"})
    t = time.perf_counter()
    data = prepare("production", frame, np.full(n, np.nan), pd.DataFrame(columns=["id", "file_name"]))
    print(f"prepare the arrays (worker)            {1000 * (time.perf_counter() - t):7.0f} ms")
    model = TableModel("production", default_registry())
    queued = []
    model.background = lambda fn, done: queued.append((fn, done))

    def gui(label, action):
        start = time.perf_counter()
        action()
        print(f"{label:38} {1000 * (time.perf_counter() - start):7.1f} ms")

    gui("load into the model (GUI)", lambda: model.set_table(data))
    for name in ("quantity", "country", "year"):
        gui(f"sort by {name}: start (GUI)", lambda name=name: model.sort(data.names().index(name)))
        fn, done = queued.pop()
        start = time.perf_counter()
        permutation = fn()
        print(f"{'  the argsort (worker)':38} {1000 * (time.perf_counter() - start):7.1f} ms")
        gui("  apply the order (GUI)", lambda done=done, permutation=permutation: done(permutation))
    gui("filter by one mineral (GUI)", lambda: model.set_filter(minerals={"cobalt"}))
    gui("filter by text (GUI)", lambda: model.set_filter(text="chin"))
    gui("one screen of data(), 40×7 cells (GUI)",
        lambda: [model.data(model.index(r, c)) for r in range(40) for c in range(7)])
    gui("filter off (GUI)", lambda: model.set_filter())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
