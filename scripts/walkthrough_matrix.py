"""The risk-matrix issue's "Done when" story, driven in the real window, with a screenshot per step.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/walkthrough_matrix.py OUTDIR [--lang zh_CN]

Starts the real application window on the demo project (fresh user folder), opens the Risk Matrix on
cobalt 2023, reads which cells the data filled and which need judgement, overrides a cell with a note
and undoes it, reads the weakest link, slides the year back to 2019, looks at the list's overview heat
map and exports the matrix as PNG and xlsx — printing what the window showed at each step.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from walk import Walk  # noqa: E402  (scripts/walk.py)


def main() -> int:
    session = Walk("walkthrough-matrix")
    window, out = session.window, session.out
    wait, shot, settled = session.wait, session.shot, session.settled
    computed = settled

    def describe(cell) -> str:
        score = cell.score if cell.score is None else round(cell.score, 3)
        return f"{cell.stream}/{cell.stage}×{cell.dimension} = {score} ({cell.origin})"
    view = window.matrix_view
    window.views.setCurrentWidget(view)
    wait(lambda: computed() and view.heat)
    view.select_mineral("cobalt")
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    wait(lambda: computed() and view.matrix is not None and view.matrix.mineral == "cobalt"
         and view.matrix.year == 2023)
    m = view.matrix
    filled = [describe(c) for g in (m.primary, m.recycled) for c in g.cells.values() if c.score is not None]
    judgement = sum(1 for g in (m.primary, m.recycled) for c in g.cells.values() if c.score is None)
    shot("cobalt-2023", f"cobalt 2023: filled from data {filled}; needing judgement: {judgement} cells; "
                        f"summary: {view.panel.summary.text()!r}")
    view.select_cell("primary", "mining", "political")
    wait(lambda: "R" in window.details.browser.toPlainText())
    details = [line for line in window.details.browser.toPlainText().splitlines() if line.strip()]
    shot("details", "Details of mining × political:\n      " + "\n      ".join(details[:12]))
    cell = m.primary.cells[("mining", "investment")]
    view.override(cell, 0.7, "Tighter review of foreign equity stakes in DRC mines (analyst's reading, 2023)")
    wait(lambda: computed() and view.matrix.primary.cells[("mining", "investment")].score == 0.7, 60)
    after = view.matrix.primary.cells[("mining", "investment")]
    shot("override", f"override: {describe(after)}, note {after.note!r}, edited {after.edited}; Edit menu: "
                     f"{window.act_undo.text()!r}; weakest link now {describe(view.matrix.weakest)}")
    window.document.undo_stack.undo()
    wait(lambda: computed() and view.matrix.primary.cells[("mining", "investment")].score is None, 60)
    shot("undone", f"after Undo: {describe(view.matrix.primary.cells[('mining', 'investment')])}; weakest link "
                   f"{describe(view.matrix.weakest)}; summary {view.panel.summary.text()!r}")
    view.year_slider.setValue(view.years.index(2019))
    wait(lambda: computed() and view.matrix.year == 2019, 60)
    shot("year-2019", f"slider → 2019: weakest link {describe(view.matrix.weakest)}; toolbar year "
                      f"{window.year_combo.currentData()}; summary {view.panel.summary.text()!r}")
    rows = view.heat_model.rowCount()
    first = [view.heat_model.data(view.heat_model.index(r, 0)) for r in range(min(rows, 6))]
    shot("overview-heat-map", f"list overview heat map: {rows} minerals, first {first}")
    png, xlsx = out / "cobalt-matrix.png", out / "cobalt-matrix.xlsx"
    view.export_to(png)
    view.export_to(xlsx)
    wait(lambda: not window.runner.busy and png.exists() and xlsx.exists(), 60)
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    comments = sum(1 for ws in book.worksheets for row in ws.iter_rows() for c in row if c.comment)
    shot("exported", f"cobalt-matrix.png {png.stat().st_size} bytes; cobalt-matrix.xlsx sheets {book.sheetnames}, "
                     f"{comments} cell comments")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
