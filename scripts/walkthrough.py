"""The workbench issue's "Done when" story, driven in the real window, with a screenshot per step.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/walkthrough.py OUTDIR [--lang zh_CN]

Starts the real application window (as ``critmin gui`` does, fresh user folder), waits for the demo project,
opens the import wizard on the shared USGS world data, the WGI workbook and a small analyst file with one
unknown country spelling, maps that name and saves it as an alias, imports, edits a value and undoes it,
copies a block of the table and pastes a block back, and prints what the window showed at each step.
Needs ../shared/data beside the repository.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "walkthrough")
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CRITMIN_HOME", tempfile.mkdtemp(prefix="critmin-walk-"))
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.translation import install_translator

    app = QApplication([sys.argv[0]])
    install_translator(app, lang)
    app.setProperty("critmin_language", lang)
    window = MainWindow(Settings())
    window.show()
    window.open_at_start([])
    step = [0]

    def wait(cond, timeout=120.0):
        end = time.monotonic() + timeout
        while not cond() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()
        if not cond():
            raise SystemExit(f"step {step[0]}: timed out")

    def shot(name, what):
        step[0] += 1
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)
        path = out / f"{step[0]:02d}-{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"{step[0]:2d}. {what}\n    → {path.name}")

    wait(lambda: window.document.is_open and not window.runner.busy)
    panel = window.data_view.panels["production"]
    wait(lambda: panel.model.data_ is not None and not window.runner.busy)
    shot("demo", f"title '{window.windowTitle()}'; banner: {window.banner_label.text()[:90]}…; "
                 f"status: {window.status_label.text()}; {window.data_view.count.text()}")

    broken = Path(os.environ["CRITMIN_HOME"]) / "my_ministry_table.csv"
    broken.write_text("mineral,country,year,quantity,unit\nCobalt,Kongo (Dem. Rep.),2024,210000,t\n"
                      "Cobalt,Indonesia,2024,28000,t\n", encoding="utf-8")
    files = [str(SHARED / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv"),
             str(SHARED / "wgi" / "wgidataset.xlsx"), str(broken)]
    window.import_data(files)
    wizard = window._wizard
    wait(lambda: not wizard.is_loading and not window.runner.busy, 300)
    ok, why, _ = wizard.import_state()
    shot("wizard", f"wizard read {len(files)} files; import possible: {ok}; says: {why or wizard.explanation()}")
    wizard.pages.setCurrentIndex(1) if hasattr(wizard, "pages") else None
    assert wizard.select_name(broken.name, "country", "Kongo (Dem. Rep.)")
    combo = wizard.target_combo if hasattr(wizard, "target_combo") else None
    if combo is not None:
        combo.setCurrentIndex(max(combo.findData("COD"), 0))
    shot("wizard-names", "the unknown name 'Kongo (Dem. Rep.)' selected, DR Congo chosen as its target")
    wizard.save_alias()
    wait(lambda: not window.runner.busy and not wizard.is_loading, 300)
    ok, why, _ = wizard.import_state()
    shot("wizard-mapped", f"alias saved; preview re-read; import possible: {ok} {why}")
    wizard.import_files()
    wait(lambda: window._wizard is None and not window.runner.busy, 600)
    shot("imported", f"status bar: {window.statusBar().currentMessage()}; undo item: '{window.act_undo.text()}'")

    window.data_view.tabs.setCurrentWidget(panel)
    wait(lambda: panel.model.data_ is not None and not window.runner.busy)
    model, view = panel.model, panel.view
    col = model.data_.names().index("quantity")
    index = model.index(0, col)
    old = model.data(index)
    view.setCurrentIndex(index)
    model.setData(index, "123456")
    wait(lambda: not window.runner.busy)
    shot("edited", f"first quantity {old} → {model.data(model.index(0, col))}; undo item: '{window.act_undo.text()}'")
    window.act_undo.trigger()
    wait(lambda: not window.runner.busy and panel.model.data_ is not None)
    shot("undone", f"after Undo: {panel.model.data(panel.model.index(0, col))}; status: {window.status_label.text()}")

    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    view.selectionModel().select(QItemSelection(model.index(0, 0), model.index(3, col)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.copy_selection()
    copied = QGuiApplication.clipboard().text()
    print("    clipboard (as Excel receives it):\n      " + "\n      ".join(copied.splitlines()))
    block = "\n".join("\t".join(line.split("\t")[:col] + [str(1000 + i)]) for i, line in
                      enumerate(copied.splitlines()[1:]))
    view.setCurrentIndex(model.index(0, 0))
    view.paste(block)
    wait(lambda: not window.runner.busy and panel.model.data_ is not None)
    shot("pasted", f"pasted 4 rows back; undo item: '{window.act_undo.text()}'; "
                   f"first quantity now {panel.model.data(panel.model.index(0, col))}")
    window.close()
    QTimer.singleShot(0, app.quit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
