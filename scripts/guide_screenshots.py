"""The user guide's screenshots, taken from the real window on the demo project, in English and in Chinese.

    .venv/bin/python scripts/guide_screenshots.py                 # both languages (docs/guide/images/en, zh)
    .venv/bin/python scripts/guide_screenshots.py --lang zh_CN    # one language

Each language runs in a process of its own, started as ``critmin gui`` starts (scripts/walk.py: a fresh user
folder, the language's translator, the demo project copied to Documents), offscreen (QT_QPA_PLATFORM), at a
fixed window size, so the pictures do not depend on the machine's screen. The script waits for the worker
after every step and saves ``widget.grab()`` of the window or dialog — what the window draws, without the
desktop around it — as a 256-colour PNG (screenshots of a user interface have few colours; the palette is
built from each picture's own most frequent colours, so text stays sharp). The file names are fixed: the
guide's pages refer to them, and re-running the script after the demo changed replaces them in place.
Needs ../shared/data beside the repository for the import pictures (a USGS file); without it the wizard
shows only the small analyst's table the script writes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "guide" / "images"
SHARED = REPO.parent / "shared" / "data"
LANGS = {"en": "en", "zh_CN": "zh"}          # --lang value → images/<folder>
SIZE = (1280, 800)
# An analyst's own table with one country spelling CritMin does not know, for the wizard's Names and
# Problems pages (as written by a ministry, in Chinese headers).
ANALYST_CSV = ("矿种,国家,年份,产量,单位\n钴,Kongo (Dem. Rep.),2024,210000,吨\n钴,印度尼西亚,2024,28000,吨\n"
               "钴,澳大利亚,2024,3600,吨\n")


def main() -> int:
    if "--lang" not in sys.argv:
        for lang in LANGS:        # one process per language: a window is built once, in one language
            code = subprocess.run([sys.executable, __file__, "--lang", lang], check=False).returncode
            if code:
                return code
        return 0
    lang = sys.argv[sys.argv.index("--lang") + 1]
    if lang not in LANGS:
        raise SystemExit(f"--lang is one of {', '.join(LANGS)}")
    home = Path(tempfile.mkdtemp(prefix="critmin-guide-"))
    os.environ["CRITMIN_HOME"] = str(home)         # a first start: no settings, a fresh copy of the demo
    # An offscreen screen of exactly SIZE at 96 dpi: the window sizes itself (and its docks) as it does on a
    # 1280×800 screen, whatever the machine running this has.
    screen = home / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "guide", "x": 0, "y": 0, "width": SIZE[0],
                                               "height": SIZE[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    return Shots(lang).run()


class Shots:
    def __init__(self, lang: str) -> None:
        self.out = IMAGES / LANGS[lang]
        self.out.mkdir(parents=True, exist_ok=True)
        sys.argv = [sys.argv[0], str(self.out), "--lang", lang]     # what Walk reads
        from walk import Walk

        self.session = Walk(str(self.out))
        self.window = self.session.window
        self.app = self.session.app
        self.wait, self.settled = self.session.wait, self.session.settled
        self.window.resize(*SIZE)
        self.names: list[str] = []

    # -- helpers -----------------------------------------------------------------------------------
    def pump(self, seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def save(self, widget, name: str, what: str = "") -> None:
        """``widget.grab()`` as docs/guide/images/<lang>/<name>.png, quantised to 256 colours."""
        self.session.step += 1          # Walk.wait names the step that timed out
        if widget is self.window:
            # The Problems dock comes forward with the first computation's notes; closed, as an analyst who
            # has read them would, so the views get the room (the troubleshooting page shows the list).
            self.window.problems_dock.hide()
        self.pump()
        image = widget.grab().toImage()
        path = self.out / f"{name}.png"
        quantised(image).save(str(path), "PNG", 0)        # quality 0: zlib level 9
        self.names.append(path.name)
        print(f"{path.relative_to(REPO)}  {path.stat().st_size // 1024} KB  {what}")

    def save_wide(self, name: str, what: str) -> None:
        """The window with the right-hand docks closed: the comparison and alert tables are wider than what
        is left beside Details at 1280 px, and their last columns (baseline, scenario, change) matter most."""
        w = self.window
        docks = [d for d in (w.parameters_dock, w.details_dock) if d.toggleViewAction().isChecked()]
        for dock in docks:
            dock.hide()
        self.save(w, name, what)
        for dock in docks:
            dock.show()
        w.details_dock.raise_()

    # -- the story ---------------------------------------------------------------------------------
    def run(self) -> int:
        w = self.window
        from PySide6.QtCore import Qt

        w.year_combo.setCurrentIndex(max(w.year_combo.findData(2023), 0))
        self.wait(self.settled)
        w.views.setCurrentWidget(w.overview)
        self.wait(self.settled)
        self.assess_country()
        self.save(w, "overview", "the Overview on the first start")
        w._dismiss_banner()       # said once; the other pictures show the views without it

        combo = w.minerals.list_combo
        usgs = combo.findData("official:usgs_2025", Qt.ItemDataRole.UserRole + 1)
        if usgs >= 0:
            combo.setCurrentIndex(usgs)
            self.wait(self.settled)
        self.save(w, "overview-list", "the Overview of the USGS 2025 list")
        combo.setCurrentIndex(0)
        self.wait(self.settled)

        self.data_view()
        self.indicators()
        self.matrix()
        self.scenarios()
        self.alerts()
        self.compare_lists()
        self.file_menu()
        self.import_wizard()
        self.guide()
        w.close()
        stale = sorted(p.name for p in self.out.glob("*.png") if p.name not in self.names)
        if stale:         # a picture no step makes any more: the pages still showing it need a look
            print(f"not renewed by this run (remove them or the pages' references): {', '.join(stale)}")
        return 0

    def assess_country(self) -> None:
        """China's import dependency where the demo has China's balance (the readers are Chinese ministry
        analysts first), else the United States'; the first one whose D the Overview can show."""
        w = self.window
        model = w.overview.model
        for iso in ("CHN", "USA"):
            index = w.country_combo.findData(iso)
            if index < 0:
                continue
            w.country_combo.setCurrentIndex(index)
            self.wait(lambda: self.settled() and not w.overview.stale.isVisible())
            ids = [c.id for c in model.cols]
            if "D" in ids and any(model.data(model.index(r, ids.index("D"))) not in (None, "")
                                  for r in range(model.rowCount())):
                # The table keeps the column widths of the first results (empty D); widen them to the
                # numbers, as a double-click on the header's edge would.
                w.overview.table.fit_columns()
                return

    def check_only(self, *ids: str) -> None:
        from PySide6.QtCore import Qt

        minerals = self.window.minerals.model
        minerals.set_all(False)
        for mid in ids:
            if mid in minerals.ids:
                minerals.setData(minerals.index(minerals.ids.index(mid)), Qt.CheckState.Checked,
                                 Qt.ItemDataRole.CheckStateRole)

    def data_view(self) -> None:
        w = self.window
        self.check_only("cobalt")
        w.views.setCurrentWidget(w.data_view)
        panel = w.data_view.panels["production"]
        w.data_view.tabs.setCurrentWidget(panel)
        self.wait(lambda: panel.model.data_ is not None and not w.runner.busy and panel.model.rowCount() > 0)
        column = panel.model.data_.names().index("quantity") if "quantity" in panel.model.data_.names() else 0
        panel.view.setCurrentIndex(panel.model.index(0, column))
        self.wait(lambda: "critmin_demo" in w.details.browser.toPlainText() or not w.runner.busy, 30)
        self.save(w, "data-view", "Data ▸ production of cobalt, a cell selected")

    def indicators(self) -> None:
        w = self.window
        self.check_only("cobalt", "lithium", "rare_earths", "gallium", "copper")
        w.views.setCurrentWidget(w.indicators)
        ind = w.indicators
        ind.set_indicator("R")
        self.wait(lambda: self.settled() and ind.series_plot is not None)
        ind.select_row({"mineral": "cobalt", "year": 2023})
        self.wait(lambda: "2023" in w.details.browser.toPlainText(), 60)
        w.details_dock.raise_()
        self.save(w, "indicators", "Indicators: supply risk R, Details of cobalt 2023")
        w.parameters_dock.raise_()
        self.save(w.parameters_dock, "parameters", "the Parameters dock")
        w.details_dock.raise_()
        w.minerals.model.set_all(True)
        self.wait(self.settled)

    def matrix(self) -> None:
        w = self.window
        view = w.matrix_view
        w.views.setCurrentWidget(view)
        self.wait(lambda: self.settled() and view.heat)
        view.select_mineral("cobalt")
        self.wait(lambda: self.settled() and view.matrix is not None and view.matrix.mineral == "cobalt")
        self.save(w, "risk-matrix", "Risk Matrix of cobalt 2023")

    def scenarios(self) -> None:
        w = self.window
        view = w.scenarios_view
        w.views.setCurrentWidget(view)
        self.wait(lambda: self.settled() and len(view.scenarios) >= 1)
        names = [s.name for s in view.scenarios]
        cobalt = next((n for n in names if "cobalt" in n.casefold() or "钴" in n), names[0])
        view.select(cobalt)
        view.run(cobalt)
        self.wait(lambda: self.settled() and view.frame is not None and len(view.frame) > 0, 120)
        self.save_wide("scenarios", f"Scenarios: {cobalt}")

    def alerts(self) -> None:
        w = self.window
        view = w.alerts_view
        w.views.setCurrentWidget(view)
        self.wait(lambda: self.settled() and view.frame is not None, 120)
        self.save_wide("alerts", f"Alerts: {view.alert_count()}")

    def compare_lists(self) -> None:
        panel = self.window.minerals
        panel.compare_lists()
        dialog = panel._compare
        _lists, shown_as = panel.comparable_lists()
        names = [shown_as[key] for oid in ("usgs_2025", "eu_2024_critical", "cn_2016_strategic")
                 for key in shown_as if key == ("official", oid)]
        dialog.set_chosen(names)
        self.wait(lambda: not self.window.runner.busy)
        dialog.resize(1100, 720)
        self.save(dialog, "compare-lists", f"Compare Lists: {names}")
        dialog.close()

    def file_menu(self) -> None:
        w = self.window
        menu = w.file_menu
        menu.popup(w.mapToGlobal(w.rect().topLeft()))
        self.save(menu, "file-menu", "the File menu")
        menu.hide()

    def import_wizard(self) -> None:
        w = self.window
        home = Path(os.environ["CRITMIN_HOME"])
        own = home / "钴产量_部里统计.csv"
        own.write_text(ANALYST_CSV, encoding="utf-8")
        files = [str(own)]
        usgs = SHARED / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv"
        if usgs.is_file():
            files.insert(0, str(usgs))
        w.import_data(files)
        wizard = w._wizard
        self.wait(lambda: not wizard.is_loading and not w.runner.busy, 300)
        wizard.resize(1100, 720)
        self.save(wizard, "import-wizard", "the import wizard after reading the files")
        wizard.pages.setCurrentWidget(wizard.names_page)
        wizard.select_name(own.name, "country", "Kongo (Dem. Rep.)")
        self.save(wizard, "import-names", "Names: the unknown country selected")
        wizard.pages.setCurrentWidget(wizard.problems_page)
        if wizard.problems_model.rowCount():
            wizard.problems_view.selectRow(0)
        self.save(wizard, "import-problems", "Problems: the first one selected")
        wizard.reject()


    def guide(self) -> None:
        dialog = self.window.user_guide()           # Help ▸ User Guide, as the menu opens it
        self.wait(lambda: dialog.page() == "index.md", 30)
        dialog.resize(1180, 760)
        self.save(dialog, "guide", f"the User Guide window: {len(dialog.chapter_titles())} pages")
        dialog.close()


def quantised(image):
    """The picture with a 256-colour palette of its own most frequent colours (about a third of the bytes)."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.width() * rgb.height()).copy() & 0xFFFFFF
    colours, counts = np.unique(pixels, return_counts=True)
    if len(colours) <= 256:
        table = [int(c) | 0xFF000000 for c in colours]
    else:
        # 5 bits a channel: neighbouring shades of one anti-aliased edge share a bin, so the 256 bins kept
        # cover the backgrounds, the text and the chart colours instead of 256 shades of one grey.
        bins = ((colours >> 19) & 0x1F) << 10 | ((colours >> 11) & 0x1F) << 5 | ((colours >> 3) & 0x1F)
        weight = np.bincount(bins, weights=counts, minlength=1 << 15)
        top = np.argsort(weight)[::-1][:256]
        top = top[weight[top] > 0]
        table = []
        for b in top:
            inside = bins == b
            c = colours[inside][np.argmax(counts[inside])]       # the bin's most frequent exact colour
            table.append(int(c) | 0xFF000000)
    return rgb.convertToFormat(QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither)


if __name__ == "__main__":
    raise SystemExit(main())
