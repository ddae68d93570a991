"""Placeholder main window (the full GUI is a later issue).

It already does the useful minimum: opens a project or a data file off the
GUI thread is not needed yet (small files), shows what is in it, and points to
the command line for the rest.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QMessageBox, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from desktop import APP_NAME, __version__
from desktop.paths import demo_workbook, log_file


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} — " + self.tr("Critical-mineral supply-chain security workbench"))
        self.resize(960, 640)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(self.tr("<h2>CritMin 关键矿产供应链安全分析工作台</h2>"), central)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QPlainTextEdit(central)
        self.summary.setReadOnly(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        self.setCentralWidget(central)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.tr("&Open…"), self.choose_file)
        menu.addAction(self.tr("&Quit"), self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About CritMin"), self.about)
        self.statusBar().showMessage(self.tr("Ready"))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project or data file"), "",
            self.tr("CritMin projects and data (*.critmin *.xlsx *.xls *.csv);;All files (*)"))
        if path:
            self.open_path(path)

    def open_demo(self) -> None:
        if demo_workbook().exists():
            self.open_path(str(demo_workbook()))
        else:
            self.summary.setPlainText(self.tr("Open a project or a data file from the File menu."))

    def open_path(self, path: str) -> None:
        from desktop.core.errors import CritMinError
        from desktop.core.ingest.load import load_file
        from desktop.core.store import FILE_SUFFIX, Project

        try:
            if Path(path).suffix.lower() == FILE_SUFFIX:
                with Project.open(path) as project:
                    counts = project.counts()
                lines = [self.tr("Project: %1").replace("%1", path)]
                lines += [f"  {table}: {n}" for table, n in counts.items()]
            else:
                preview = load_file(path)
                lines = preview.summary_lines() + [p.format() for p in preview.problems]
        except CritMinError as exc:
            lines = [str(exc)]
        except Exception:  # a bug must not take the window down: log it, say one sentence
            logging.getLogger("critmin.ui").exception("opening %s failed", path)
            self.show_internal_error()
            return
        self.summary.setPlainText("\n".join(lines))
        self.statusBar().showMessage(Path(path).name)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About CritMin"), self.tr(
            "CritMin %1\nCritical-mineral supply-chain security workbench.\n"
            "Data sources: see data/README.md.").replace("%1", __version__))

    def show_internal_error(self) -> None:
        QMessageBox.critical(self, APP_NAME, self.tr("An internal error occurred; details were written to %1.")
                             .replace("%1", str(log_file())))
