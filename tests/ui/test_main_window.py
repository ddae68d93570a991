"""Placeholder window: starts, opens files, never shows a traceback."""
from pathlib import Path

from desktop.ui.main_window import MainWindow


def test_window_opens_a_template_file(qtbot, tmp_path):
    path = tmp_path / "production.csv"
    path.write_text("mineral,country,year,quantity\nCobalt,COD,2023,5\n", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(str(path))
    assert "production: 1 rows" in window.summary.toPlainText()
    window.resize(640, 400)
    window.show()
    assert not window.grab().isNull()


def test_window_reports_bad_project(qtbot, tmp_path):
    bad = tmp_path / "x.critmin"
    bad.write_bytes(b"not a database" * 50)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(str(bad))
    assert "x.critmin" in window.summary.toPlainText()


def test_smoke_test_entry_point():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "desktop", "--smoke-test"], capture_output=True, text=True,
                       timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0 and "smoke test ok" in r.stdout, r.stdout + r.stderr
