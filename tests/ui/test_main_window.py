"""The workbench window: the project as a document, the runner, two languages, screenshots."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui.conftest import open_project, read_table

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("CRITMIN_SCREENSHOTS", REPO / ".test-home" / "screenshots"))


def test_menus_follow_ui_md(window):
    labels = [a.text() for a in window.menuBar().actions()]
    assert labels == ["&File", "&Edit", "&View", "&Data", "&Analysis", "&Help"]
    file_items = [a.text() for a in window.file_menu.actions() if a.text()]
    assert file_items == ["&New Project…", "&Open Project…", "Open &Recent", "Save Project &As…", "&Import Data…",
                          "Export &Data Workbook…", "Export &Results…", "Export Re&port…", "Export &Table…",
                          "&Close Project", "&Quit"]
    for dock in (window.minerals_dock, window.parameters_dock, window.details_dock, window.problems_dock):
        assert dock.toggleViewAction() in window.view_menu.actions()


def test_open_close_and_title(window, qtbot, project_path):
    open_project(window, qtbot, project_path)
    assert window.windowTitle() == "CritMin — study"
    assert "all changes saved" in window.status_label.text()
    assert window.settings.recent_files[0] == str(project_path)
    window.close_project()
    assert not window.document.is_open
    assert window.data_view.panels["production"].model.rowCount() == 0


def test_save_as_continues_in_the_copy(window, qtbot, project_path, tmp_path):
    open_project(window, qtbot, project_path)
    copy = tmp_path / "copy.critmin"
    window.document.save_as(copy)
    qtbot.waitUntil(lambda: window.document.path == copy.absolute(), timeout=20_000)
    assert window.windowTitle() == "CritMin — copy"
    model = window.data_view.panels["production"].model
    qtbot.waitUntil(lambda: model.data_ is not None and not window.runner.busy, timeout=20_000)
    col = model.data_.names().index("quantity")
    assert model.setData(model.index(0, col), "1")
    window.runner.wait()
    assert (read_table(copy).quantity == 1).sum() == 1
    assert (read_table(project_path).quantity == 1).sum() == 0


def test_bad_project_gets_one_sentence(window, qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "x.critmin"
    bad.write_bytes(b"not a database" * 50)
    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)
    window.document.sig_error.disconnect()
    window.document.sig_error.connect(shown.append)
    window.open_project(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "x.critmin" in shown[0] and "\n" not in shown[0] and "Traceback" not in shown[0]
    assert not window.document.is_open
    assert bad.read_bytes() == b"not a database" * 50


def test_first_start_opens_a_copy_of_the_demo(window, qtbot):
    from desktop import paths

    demo = paths.demo_workbook()
    before = demo.read_bytes()
    window.open_at_start([])
    qtbot.waitUntil(lambda: window.document.is_open, timeout=60_000)
    assert window.document.path.suffix == ".critmin"
    assert demo.parent not in window.document.path.parents
    assert window.banner.isVisible() or not window.isVisible()
    assert "Import Data" in window.banner_label.text()
    assert demo.read_bytes() == before
    assert window.settings.demo_created


def test_recent_files_grey_the_missing(window, qtbot, project_path, tmp_path):
    window.settings.add_recent_file(str(tmp_path / "gone.critmin"))
    window.settings.add_recent_file(str(project_path))
    window._fill_recent()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert "study.critmin" in texts and any("gone.critmin" in t and "missing" in t for t in texts)
    window._remove_missing_recent()
    assert window.settings.recent_files == [str(project_path)]


def test_drop_a_project_opens_it(window, qtbot, project_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(project_path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.is_open, timeout=20_000)
    assert window.document.path == project_path.absolute()


def test_runner_newer_task_cancels_older(qtbot):
    from desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    seen = []

    def slow(state):
        for _ in range(200):
            state.check()
            time.sleep(0.005)
        return "slow"

    runner.submit(slow, kind="k", on_done=seen.append, on_cancelled=lambda: seen.append("cancelled"))
    runner.submit(lambda s: "fast", kind="k", on_done=seen.append)
    assert runner.wait(20_000)
    assert seen == ["cancelled", "fast"]
    errors = []
    runner.sig_error.connect(errors.append)
    runner.submit(lambda s: 1 / 0, kind="x")
    assert runner.wait(20_000)
    assert errors and "internal error" in errors[0] and "ZeroDivision" not in errors[0]


def test_gui_thread_keeps_answering_during_import_and_compute(window, qtbot, project_path, shared_data):
    """Heartbeat: a 10 ms timer on the GUI thread keeps firing while the worker imports and computes."""
    open_project(window, qtbot, project_path)
    from desktop.core.ingest.load import load_file

    wgi = next((shared_data / "wgi").glob("*.xlsx"))
    gaps, last = [], [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    done = []

    def importing(project, state):
        preview = load_file(wgi, project.registry())
        return project.write_import(preview.tables, {"file": preview.file, "sha256": preview.sha256,
                                                     "format": preview.format_label()})

    window.document.write(importing, label="import", tables={"governance"}, on_done=done.append)
    window.recompute()
    qtbot.waitUntil(lambda: bool(done) and window.results is not None, timeout=120_000)
    timer.stop()
    worst = max(gaps[1:]) if len(gaps) > 1 else 0
    print(f"heartbeat: {len(gaps)} beats, longest gap {worst * 1000:.0f} ms")
    assert len(gaps) > 20
    assert worst < 0.25, f"GUI thread stalled for {worst * 1000:.0f} ms"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_of_every_data_tab(qapp, qtbot, settings, project_path, language):
    """Screenshots at 1280×800 and 1920×1080 (saved as test artefacts) and no clipped toolbar."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.translation import install_translator

    assert install_translator(qapp, language)
    qapp.setProperty("critmin_language", language)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        open_project(window, qtbot, project_path)
        if language == "zh_CN":
            assert window.menuBar().actions()[0].text() == "文件(&F)"
            assert window.data_view.panels["production"].model.data(
                window.data_view.panels["production"].model.index(0, 0)) in ("钴", "锂")
        SHOTS.mkdir(parents=True, exist_ok=True)
        for w, h in ((1280, 800), (1920, 1080)):
            window.resize(w, h)
            window.show()
            for i in range(window.data_view.tabs.count()):
                window.data_view.tabs.setCurrentIndex(i)
                qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
                qapp.processEvents()
                name = window.data_view.tabs.widget(i).table
                image = window.grab()
                assert image.width() >= w - 1
                image.save(str(SHOTS / f"data-{name}-{language}-{w}x{h}.png"))
        window.runner.wait()
        window.document.close()
    finally:
        install_translator(qapp, "en")
        qapp.setProperty("critmin_language", "en")


def test_smoke_test_entry_point(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRITMIN_HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "desktop", "--smoke-test"], capture_output=True, text=True,
                       timeout=180, env=env)
    assert r.returncode == 0 and "smoke test ok: CritMin — CritMin demo" in r.stdout, r.stdout + r.stderr


def test_every_ui_string_is_translated():
    from desktop.paths import resources_dir

    ts = resources_dir() / "translations" / "critmin_zh_CN.ts"
    tree = ET.parse(ts)
    unfinished = [m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
    assert ts.with_suffix(".qm").exists()


def test_project_open_elsewhere_is_refused(window, qtbot, project_path):
    """A project another CritMin holds open gets one sentence, and nothing changes."""
    from desktop.core.store import ProjectLock

    shown = []
    window.document.sig_error.disconnect()
    window.document.sig_error.connect(shown.append)
    before = project_path.read_bytes()
    with ProjectLock(project_path):
        window.open_project(str(project_path))
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "open in another CritMin window" in shown[0]
    assert not window.document.is_open and project_path.read_bytes() == before
    open_project(window, qtbot, project_path)      # free again: it opens
    assert window.document.is_open


def test_window_docks_and_parameters_are_remembered(qtbot, settings):
    from desktop.ui.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.minerals_dock.hide()
    first.parameters.window.setValue(7)
    first.parameters.years.setText("2015-2024")
    first.parameters.years.editingFinished.emit()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert not second.minerals_dock.isVisible()
    assert second.parameters.window.value() == 7 and second.parameters.years.text() == "2015-2024"
    assert second.parameters.engine_params().years == (2015, 2024)
    second.close()


def test_preferences_keep_the_language(qtbot, settings, window):
    from desktop.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    assert settings.language == "zh_CN" and settings.language_choice == "zh_CN"


def test_dropping_data_files_opens_the_wizard_with_them(window, qtbot, project_path, sample_csv):
    open_project(window, qtbot, project_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_csv))])
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier))
    wizard = window._wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: not wizard.is_loading and not window.runner.busy, timeout=20_000)
    assert wizard.import_state()[0]
    wizard.reject()


def test_aliases_dialog_lists_and_removes_undoably(window, qtbot, qtmodeltester, project_path):
    from desktop.core.store import Project
    from desktop.ui.dialogs.aliases import AliasesDialog

    with Project.open(project_path) as project:
        project.add_alias("country", "Kongo (Dem. Rep.)", "COD")
    open_project(window, qtbot, project_path)
    dialog = AliasesDialog(window.document, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(dialog.model)
    assert dialog.model.data(dialog.model.index(0, 2)).endswith("(COD)")
    dialog.view.selectRow(0)
    dialog._remove()
    window.runner.wait()
    with Project.open(project_path) as project:
        assert project.aliases().empty
    window.document.undo_stack.undo()
    window.runner.wait()
    with Project.open(project_path) as project:
        assert list(project.aliases().target) == ["COD"]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)


def test_no_translate_aliases_lupdate_cannot_see():
    """`t = QCoreApplication.translate` then `t("…")` hides strings from lupdate: they stay English."""
    import re

    pattern = re.compile(r"^\s*\w+\s*=\s*(QCoreApplication\.translate|QApplication\.translate|self\.tr)\s*$", re.M)
    offenders = [str(p) for p in (REPO / "desktop" / "ui").rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


def test_window_is_built_before_pandas_is_loaded(tmp_path):
    """Start fast: the window appears before the data libraries load (the worker loads them)."""
    code = ("import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
            "from desktop.ui.main_window import MainWindow\nw = MainWindow()\nw.show()\napp.processEvents()\n"
            "from desktop.core.store.lock import ProjectLock\nprint(sorted(m for m in sys.modules if m in "
            "('pandas', 'openpyxl', 'sklearn', 'pyqtgraph')))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRITMIN_HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                       cwd=str(REPO))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_exports_from_the_window(window, qtbot, project_path, tmp_path, monkeypatch):
    """File ▸ Export Data Workbook… and Export Results… write what the command line writes."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    open_project(window, qtbot, project_path)
    data, results = tmp_path / "data.xlsx", tmp_path / "results"
    answers = iter([(str(data), ""), (str(results), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    window.export_data_workbook()
    window.runner.wait(60_000)
    sheet = load_workbook(data, read_only=True)["production"]
    assert sum(1 for _ in sheet.iter_rows()) == 1 + 5          # header + the five rows
    window.export_results()
    window.runner.wait(120_000)
    assert (tmp_path / "results.xlsx").exists() and window.results is not None
    book = load_workbook(tmp_path / "results.xlsx", read_only=True)
    assert {"supply_risk", "thresholds", "parameters", "sources"} <= set(book.sheetnames)
    assert sum(1 for _ in book["supply_risk"].iter_rows()) == 1 + 3   # cobalt 2022, 2023; lithium 2023


def test_read_errors_are_told_in_the_interface_language(qapp, tmp_path):
    from desktop.core.errors import ReadError
    from desktop.core.ingest.readers import read_file
    from desktop.ui.tasks import error_sentence

    with pytest.raises(ReadError) as caught:
        read_file(tmp_path / "gone.xlsx")
    assert error_sentence(caught.value) == str(caught.value)            # English: the core's own sentence
    qapp.setProperty("critmin_language", "zh_CN")
    try:
        sentence = error_sentence(caught.value)
        assert sentence.endswith("找不到文件。") and "not found" not in sentence and "gone.xlsx" in sentence
    finally:
        qapp.setProperty("critmin_language", "en")
