"""The indicators issue's "Done when" story, driven in the real window, with a screenshot per step.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/walkthrough_indicators.py OUTDIR [--lang zh_CN]

Starts the real application window on the demo project (fresh user folder), selects a mineral list and
the year 2023 in the Overview, changes the threshold method while a 10 ms timer on the GUI thread records
its longest gap, opens supply risk R for cobalt, lithium and rare earths in the Indicators view, clicks
cobalt 2023 and reads Details, then exports the results workbook, the plot as PNG and SVG and the report
workbook through the window's own actions — printing what the window showed at each step.
"""
from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from walk import Walk  # noqa: E402  (scripts/walk.py)


def main() -> int:
    session = Walk("walkthrough-indicators")
    window, out = session.window, session.out
    wait, shot, settled = session.wait, session.shot, session.settled
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QFileDialog
    from desktop.ui.analysis import DELAY_MS
    from desktop.ui.language import ui_language
    computed = settled
    registry = window.document.registry
    # 1. a mineral list and the year 2023
    combo = window.minerals.list_combo
    usgs_2025 = lambda: combo.findData("official:usgs_2025", Qt.ItemDataRole.UserRole + 1)  # noqa: E731
    wait(lambda: usgs_2025() >= 0 and computed())
    combo.setCurrentIndex(usgs_2025())
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    wait(computed)
    view = window.overview
    model = view.model
    cobalt = model.find("mineral", "cobalt")
    r_col = [c.id for c in model.cols].index("R")

    def cobalt_r():
        index = model.index(model.find("mineral", "cobalt"), r_col)
        return model.data(index), model.data(index, Qt.ItemDataRole.UserRole + 2)

    shot("overview", f"Overview title '{view.title.text()}'; {model.rowCount()} rows; note: {view.note.text()!r}; "
                     f"chart thresholds D={view.chart.x_threshold_line.value():.3f} "
                     f"R={view.chart.y_threshold_line.value():.3f}; cobalt R {cobalt_r()[0]} "
                     f"(at/above threshold: {cobalt_r()[1]}); row {cobalt}")
    # 2. the threshold method changes; the GUI thread's heartbeat is recorded meanwhile
    beats = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    panel = window.parameters
    panel.threshold.setCurrentIndex(panel.threshold.findData("preset:0.29"))
    stale_seen = window.analysis.stale and view.stale.isVisible()
    wait(computed)
    took = time.perf_counter() - started
    timer.stop()
    gaps = [b - a for a, b in zip(beats, beats[1:])]
    shot("threshold-changed", f"method → '{panel.threshold.currentText()}': views marked out of date: {stale_seen}; "
                              f"new results after {took:.2f} s (incl. the {DELAY_MS} ms wait for more changes); "
                              f"longest GUI-thread gap {max(gaps) * 1000:.0f} ms over {len(beats)} beats; "
                              f"chart R threshold {view.chart.y_threshold_line.value():.3f}; cobalt R {cobalt_r()[0]} "
                              f"(at/above: {cobalt_r()[1]})")
    # 3. supply risk for cobalt, lithium and rare earths as a plot
    combo.setCurrentIndex(0)
    minerals = window.minerals.model
    minerals.set_all(False)
    for mid in ("cobalt", "lithium", "rare_earths"):
        minerals.setData(minerals.index(minerals.ids.index(mid)), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    window.views.setCurrentWidget(window.indicators)
    ind = window.indicators
    ind.set_indicator("R")
    wait(lambda: computed() and ind.series_plot is not None)
    plot = ind.series_plot
    names = [registry.mineral_name(m, ui_language()) for m in plot.curves()]
    shot("supply-risk-plot", f"Indicators: '{ind.choice.currentText()}', {ind.model.rowCount()} rows, curves "
                             f"{names}, threshold line at {plot.threshold_value():.4f}")
    # 4. cobalt 2023 in Details
    ind.select_row({"mineral": "cobalt", "year": 2023})
    wait(lambda: "2023" in window.details.browser.toPlainText() and "Γ" in window.details.browser.toPlainText())
    window.details_dock.raise_()
    text = window.details.browser.toPlainText()
    lines = [line for line in text.splitlines() if line.strip()]
    shot("details-cobalt", "Details:\n      " + "\n      ".join(lines[:24]))
    # 5. exports: results workbook, the plot as PNG and SVG, the report workbook
    answers = iter([str(out / "results.xlsx"), str(out / "report.xlsx")])
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (next(answers), ""))
    window.export_results()
    wait(lambda: not window.runner.busy and (out / "results.xlsx").exists(), 300)
    png, svg = plot.save(out / "supply-risk.png"), plot.save(out / "supply-risk.svg")
    window.views.setCurrentWidget(window.overview)
    combo.setCurrentIndex(usgs_2025())
    wait(computed)
    window.export_report()
    wait(lambda: not window.runner.busy and (out / "report.xlsx").exists(), 120)
    from openpyxl import load_workbook

    results = load_workbook(out / "results.xlsx", read_only=True)
    report = load_workbook(out / "report.xlsx")
    with zipfile.ZipFile(out / "report.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    shot("exported", f"results.xlsx sheets {results.sheetnames[:12]}… (active: {results.active.title}); "
                     f"supply-risk.png {image.width()}×{image.height()} px, supply-risk.svg "
                     f"{svg.stat().st_size} bytes; report.xlsx sheets {report.sheetnames}, {len(charts)} charts")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
