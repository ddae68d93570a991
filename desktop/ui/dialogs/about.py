"""Help ▸ Data Sources (where the bundled demo data come from, with their licences) and Help ▸ About CritMin
(the version, the program's licence and every bundled component's licence, read from package metadata).

Both open without a nested event loop (``open()``/``show()``), so the worker's results keep arriving, and
each is opened once: a second click brings the open one forward.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from desktop import __version__
from desktop.paths import demo_sources, log_file
from desktop.ui.widgets.messages import open_once

MAX_COLUMN = 340


def read_sources(path=None) -> tuple[list[dict], str]:
    """The demo's sources and '' — or [] and a sentence saying why there are none (never an exception)."""
    path = path or demo_sources()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], QCoreApplication.translate(
            "DataSources", "The list of the demo's sources is missing from this installation (%1 was not found)."
        ).replace("%1", str(path))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return [], QCoreApplication.translate(
            "DataSources", "The list of the demo's sources (%1) could not be read: %2").replace(
            "%1", str(path)).replace("%2", str(exc))
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        return [], QCoreApplication.translate(
            "DataSources", "The list of the demo's sources (%1) is not a list of sources.").replace("%1", str(path))
    return data, ""


class _Item(QTableWidgetItem):
    """Sorts as people read: 'pandas' next to 'PySide6', not after every capital letter."""

    def __lt__(self, other) -> bool:
        return self.text().casefold() < other.text().casefold()


def _table(parent: QWidget, headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)             # one line a row; the tooltip holds a long text whole
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = _Item(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    # Sorting on after filling (sorting while filling scatters the rows); the rows keep their given order
    # until a header is clicked.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):           # a long description or address must not push the
        table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN))   # licences out of sight
    return table


def _as_tsv(table: QTableWidget) -> str:
    """The table as shown (sorted), with its header, as tab-separated text: it pastes into Excel as a table."""
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    lines = ["\t".join(header)]
    for r in range(table.rowCount()):
        lines.append("\t".join((table.item(r, c).text() if table.item(r, c) else "").replace("\t", " ")
                               for c in range(table.columnCount())))
    return "\n".join(lines) + "\n"


def _copy_button(buttons: QDialogButtonBox, table: QTableWidget, text: str, tip: str) -> QPushButton:
    copy = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
    copy.setAccessibleName(text)
    copy.setToolTip(tip)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(_as_tsv(table)))
    return copy


class DataSourcesDialog(QDialog):
    def __init__(self, parent=None, path=None) -> None:
        super().__init__(parent)
        self.setObjectName("data_sources_dialog")
        self.setWindowTitle(self.tr("Data Sources"))
        self.setAccessibleName(self.tr("Data Sources"))
        self.resize(1100, 520)
        from desktop.ui.language import ui_language

        sources, self.problem = read_sources(path)
        zh = ui_language() == "zh"
        self.intro = QLabel(self.tr("The demo project is built from these public sources. Every import of your own "
                                    "is listed with its file, format and content hash on the Data ▸ Sources tab."),
                            self)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("About the data sources"))
        self.message = QLabel(self.problem, self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Data sources message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(bool(self.problem))
        headers = [self.tr("Source"), self.tr("Publisher"), self.tr("Licence"), self.tr("Vintage"),
                   self.tr("Used for"), self.tr("Where to download")]
        rows = [[str(s.get("name", "")), str(s.get("publisher", "")), str(s.get("licence", "")),
                 str(s.get("vintage", "")),
                 str((s.get("used_for_zh") if zh else "") or s.get("used_for", "")),
                 str(s.get("url", ""))] for s in sources]
        # The addresses are plain text to copy: CritMin works offline and opens no web page itself.
        self.table = _table(self, headers, rows, self.tr("Bundled data sources"))
        self.table.setVisible(bool(sources))
        self.detail = QLabel(self)        # the selected source in full: the table's cells are cut to one line
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("The selected source"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setVisible(bool(sources))
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row, headers))
        if sources:
            self.table.setCurrentCell(0, 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        self.copy = _copy_button(buttons, self.table, self.tr("Copy Table"),
                                 self.tr("Copy the sources as a table to paste into Excel"))
        self.copy.setEnabled(bool(sources))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)

    def _show(self, row: int, headers: list[str]) -> None:
        if row < 0:
            self.detail.clear()
            return
        lines = []
        for column, header in enumerate(headers):
            text = self.table.item(row, column).text()
            if text:
                lines.append(self.tr("%1: %2").replace("%1", header).replace("%2", text))
        self.detail.setText("\n".join(lines))

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]


class AboutDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About CritMin"))
        self.setAccessibleName(self.tr("About CritMin"))
        self.resize(860, 600)
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from desktop import licences

        program = licences.program()
        self.header = QLabel(self)
        self.header.setAccessibleName(self.tr("Program"))
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setText(self.tr(
            "<h3>CritMin %1</h3><p>Critical-mineral supply-chain security workbench.</p>"
            "<p>Licence: %2. Works offline; every change is saved in the project file as it is made.</p>"
            "<p>Log file: %3</p>").replace("%1", __version__).replace("%2", program.licence or "?")
            .replace("%3", str(log_file())))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("About tabs"))
        self.components = licences.components(qVersion())
        note = QLabel(self.tr("CritMin %1 runs on these components; the list is read from their installed metadata "
                              "(PySide6 %2).").replace("%1", __version__).replace("%2", pyside_version), self)
        note.setWordWrap(True)
        note.setAccessibleName(self.tr("About the components"))
        rows = [[c.name, c.version, c.licence or self.tr("not stated"), c.summary] for c in self.components]
        self.table = _table(self, [self.tr("Component"), self.tr("Version"), self.tr("Licence"),
                                   self.tr("Description")], rows, self.tr("Bundled components and their licences"))
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addWidget(note)
        column.addWidget(self.table, 1)
        self.tabs.addTab(page, self.tr("Components"))
        self.licence = QPlainTextEdit(self)
        self.licence.setReadOnly(True)
        self.licence.setAccessibleName(self.tr("Licence text"))
        self.licence.setPlainText(licences.licence_text() or self.tr("The licence file is not part of this "
                                                                     "installation. CritMin is licensed under %1.")
                                  .replace("%1", program.licence or "?"))
        self.tabs.addTab(self.licence, self.tr("Licence"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        self.copy = _copy_button(buttons, self.table, self.tr("Copy Table"),
                                 self.tr("Copy the components and their licences as a table to paste into Excel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]


def data_sources_dialog(parent) -> DataSourcesDialog:
    return open_once(parent, DataSourcesDialog)


def about_dialog(parent) -> AboutDialog:
    return open_once(parent, AboutDialog)
