"""UI fixtures: a settings file per test, a project with a few known rows, a window that drains its worker."""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QSettings

CSV = ("mineral,country,year,quantity,unit\n"
       "Cobalt,COD,2022,130000,t\nCobalt,COD,2023,170000,t\nCobalt,AUS,2023,4600,t\n"
       "Lithium,AUS,2023,86000,t\nLithium,CHL,2023,44000,t\n")


@pytest.fixture
def settings(tmp_path):
    from desktop.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def sample_csv(tmp_path):
    path = tmp_path / "production.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture
def project_path(tmp_path, sample_csv):
    """A project holding the five production rows of ``CSV``."""
    from desktop.core.ingest.load import load_file
    from desktop.core.store import Project

    path = tmp_path / "study.critmin"
    preview = load_file(sample_csv)
    assert preview.ok, [p.format() for p in preview.problems]
    with Project.open(path, create=True) as project:
        project.write_import(preview.tables, {"file": preview.file, "sha256": preview.sha256,
                                              "format": preview.format_label()}, origins=preview.origins)
    return path


@pytest.fixture
def window(qtbot, settings):
    from desktop.ui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    yield win
    win.runner.cancel()
    win.runner.wait(20_000)
    win.document.close()


def read_table(path, table="production") -> pd.DataFrame:
    from desktop.core.store import Project

    with Project.open(path) as project:
        frame = project.read(table)
    keys = {"production": ["mineral", "country", "year", "stage"]}.get(table, list(frame.columns[:2]))
    return frame.sort_values(keys).reset_index(drop=True)


def settle(window) -> None:
    """The worker has finished what the window asked of it."""
    assert window.runner.wait(30_000)


def open_project(window, qtbot, path) -> None:
    window.open_project(str(path))
    qtbot.waitUntil(lambda: window.document.is_open, timeout=20_000)
    panel = window.data_view.panels["production"]
    window.views.setCurrentWidget(window.data_view)          # the Overview is the first tab
    window.data_view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.data_ is not None and not window.runner.busy, timeout=20_000)
