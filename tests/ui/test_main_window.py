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


def test_every_ui_string_is_translated():
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "critmin_zh_CN.ts"
    tree = ET.parse(ts)
    unfinished = [m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
    assert ts.with_suffix(".qm").exists()


def test_chinese_interface(qtbot, qapp, tmp_path):
    from desktop.ui.translation import install_translator

    assert install_translator(qapp, "zh_CN")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert "关键矿产供应链安全分析工作台" in window.windowTitle()
        for size in ((640, 420), (1600, 1000)):
            window.resize(*size)
            window.show()
            image = window.grab()
            assert image.width() >= size[0] - 1
            image.save(str(tmp_path / f"zh_{size[0]}.png"))
    finally:
        install_translator(qapp, "en")
