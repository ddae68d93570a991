"""The mineral-lists issue's "Done when" story, driven in the real window, with a screenshot per step.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/walkthrough_lists.py OUTDIR [--lang zh_CN]

Starts the real application window on the demo project (fresh user folder), duplicates the EU 2024 list
of critical raw materials, removes two minerals, adds gallium by pasting "镓" as if copied from a
spreadsheet, compares the new list with USGS 2025 and China 2016, exports the comparison, and checks that
the Overview follows the new list — printing what the window showed at each step.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from walk import Walk  # noqa: E402  (scripts/walk.py)


def main() -> int:
    session = Walk("walkthrough-lists")
    window, out = session.window, session.out
    wait, shot, settled = session.wait, session.shot, session.settled
    from PySide6.QtCore import QItemSelectionModel, Qt
    from PySide6.QtGui import QGuiApplication
    panel = window.minerals
    combo = panel.list_combo
    wait(lambda: combo.findData("official:eu_2024_critical", Qt.ItemDataRole.UserRole + 1) >= 0)
    combo.setCurrentIndex(combo.findData("official:eu_2024_critical", Qt.ItemDataRole.UserRole + 1))
    wait(settled)
    shot("eu-list", f"list '{combo.currentText()}': {len(panel.model.ids)} minerals; edit actions enabled: "
                    f"{panel.act_remove.isEnabled()} ({panel.act_remove.toolTip()!r}); note {panel.note.text()!r}")
    panel.duplicate_list()
    dialog = panel.active_dialog
    proposed = dialog.name()
    dialog.name_edit.setText("My EU watch list")
    dialog.accept()
    wait(lambda: settled() and panel.current_key() == ("project", "My EU watch list"))
    shot("duplicated", f"Duplicate… proposed {proposed!r}; now '{combo.currentText()}' with "
                       f"{len(panel.model.ids)} minerals, editable (Rename, Add): {panel.act_rename.isEnabled()}, "
                       f"{panel.act_add.isEnabled()}")
    gone = [m for m in ("helium", "feldspar") if m in panel.model.ids][:2]
    selection = panel.view.selectionModel()
    selection.clearSelection()
    for mid in gone:
        selection.select(panel.model.index(panel.model.ids.index(mid)), QItemSelectionModel.SelectionFlag.Select)
    panel.remove_selected()
    wait(lambda: settled() and not any(m in panel.model.ids for m in gone))
    shot("removed", f"removed {gone}: {len(panel.model.ids)} minerals; Edit menu: {window.act_undo.text()!r}")
    had_gallium = "gallium" in panel.model.ids
    if had_gallium:        # the EU list has gallium already: take it out first, so the paste adds it back
        selection.clearSelection()
        selection.select(panel.model.index(panel.model.ids.index("gallium")), QItemSelectionModel.SelectionFlag.Select)
        panel.remove_selected()
        wait(lambda: settled() and "gallium" not in panel.model.ids)
    QGuiApplication.clipboard().setText("镓\n")
    panel.paste_names()
    wait(lambda: settled() and "gallium" in panel.model.ids)
    shot("pasted", f"pasted '镓' from the clipboard (gallium was on the EU list: {had_gallium}, removed first): "
                   f"gallium on the list: {'gallium' in panel.model.ids}; Edit menu: {window.act_undo.text()!r}")
    overview = window.overview
    window.views.setCurrentWidget(overview)
    wait(settled)
    shown = {overview.model.record(r)["mineral"] for r in range(overview.model.rowCount())}
    shot("overview-follows", f"Overview title {overview.title.text()!r}; {overview.model.rowCount()} rows, all on "
                             f"the list: {shown <= set(panel.model.ids)}; gallium shown: {'gallium' in shown}")
    panel.compare_lists()
    dialog = panel._compare
    lists, shown_as = panel.comparable_lists()
    names = [name for name in lists if name == "My EU watch list"]
    for oid in ("usgs_2025", "cn_2016_strategic"):
        names += [shown_as[key] for key in shown_as if key == ("official", oid)]
    dialog.set_chosen(names)
    wait(lambda: not window.runner.busy)
    table = out / "comparison.xlsx"
    dialog.export_table(table)
    wait(lambda: not window.runner.busy and table.exists())
    from openpyxl import load_workbook

    sheet = load_workbook(table).active
    rows = list(sheet.iter_rows(values_only=True))
    shot("compare", f"Compare {names}: {dialog.summary.text() if hasattr(dialog, 'summary') else ''!r}; "
                    f"comparison.xlsx {len(rows) - 1} minerals, header {rows[0]}")
    png = out / "overlap.png"
    dialog.chart.save(png)
    print(f"    overlap chart → {png.name} ({png.stat().st_size} bytes)")
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
