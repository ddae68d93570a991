"""The Data view (数据): one sub-tab per input table and the import log (Sources).

Tables load on the worker when their tab is first shown and again after a write
that changed them; meanwhile the old rows stay visible and the row count says
"updating".  Edits become one undo command each (:class:`ChangeCommand`).
"""
from __future__ import annotations

# pandas is imported inside the functions that need it: the window is built (and shown) before
# the data libraries are loaded, which the worker does while the first project opens.

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QToolButton,
                               QSpinBox, QTabWidget, QTableView, QVBoxLayout, QWidget)

from desktop.core.tables import SCHEMA
from desktop.ui.commands import ChangeCommand
from desktop.ui.document import ProjectDocument
from desktop.ui.models.frame_model import EditRequest, TableModel
from desktop.ui.models.sources_model import SourcesModel
from desktop.ui.models.table_data import read_table
from desktop.ui.tasks import error_sentence
from desktop.ui.titles import table_title
from desktop.ui.widgets.choices import fill_countries
from desktop.ui.widgets.messages import tell
from desktop.ui.widgets.table_view import ExcelTableView

if TYPE_CHECKING:
    import pandas as pd

# The template's input tables, always shown; publishers' extra tables get a tab when they hold rows.
MAIN_TABLES = ("production", "balance", "prices", "governance", "reserves", "recycling", "lists")
EXTRA_TABLES = tuple(t for t in SCHEMA if t not in MAIN_TABLES)


class TablePanel(QWidget):
    """One canonical table: the Excel-like view over its lazy model."""

    sig_current_changed = Signal(object)      # (table, record, source file) or None

    def __init__(self, table: str, document: ProjectDocument, parent=None) -> None:
        super().__init__(parent)
        self.table, self.document = table, document
        self.model = TableModel(table, parent=self)
        self.model.background = lambda fn, done: document.runner.submit(
            lambda state: fn(), kind=f"sort:{table}", label=self.tr("Sorting"), on_done=done)
        self.view = ExcelTableView(self)
        self.view.setModel(self.model)
        # The header shows "sorted by the first column": make the model keep that order from the start.
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAccessibleName(table_title(table))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.stale = True
        self.loading = False
        self.model.sig_edit_requested.connect(self._push_edit)
        self.model.sig_cell_refused.connect(self._refused)
        self.view.sig_refused.connect(self._refused)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.on_loaded = None

    def load(self) -> None:
        if not self.document.is_open:
            return
        self.stale, self.loading = False, True

        def done(data) -> None:
            self.loading = False
            first = self.model.data_ is None
            self.model.set_table(data, self.document.registry)
            if first or self.view.horizontalHeader().sectionSize(0) <= 0:
                self._fit_columns()
            if self.on_loaded:
                self.on_loaded(self)

        def failed(exc) -> None:
            self.loading = False
            self.document.sig_error.emit(error_sentence(exc))

        table = self.table
        self.document.read(lambda project, state: read_table(project, table), kind=f"read:{table}",
                           label=self.tr("Reading %1").replace("%1", table_title(table)), on_done=done,
                           on_error=failed)

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for c in range(self.model.columnCount()):
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal))
            sample = [str(self.model.data(self.model.index(r, c)) or "") for r in range(min(40, self.model.rowCount()))]
            width = max([metrics.horizontalAdvance(title) + 28] + [metrics.horizontalAdvance(s) + 16 for s in sample])
            header.resizeSection(c, min(width, 320))

    def clear(self) -> None:
        self.model.clear()
        self.stale = True

    # -- edits -------------------------------------------------------------------------------------
    def _push_edit(self, request: EditRequest) -> None:
        self.model.apply_optimistic(request)
        self.document.undo_stack.push(edit_command(self.document, request))

    def _refused(self, sentence: str) -> None:
        tell(self, self.tr("Value not accepted"), sentence)

    def add_row(self) -> None:
        """A copy of the current row for the next year not yet in the table (then edit it)."""
        model, view = self.model, self.view
        if model.data_ is None or not model.rowCount():
            return
        row = view.currentIndex().row() if view.currentIndex().isValid() else model.rowCount() - 1
        record = model.records([row])[0]
        if "year" not in record:
            tell(self, self.tr("Add row"), self.tr(
                "Paste the new rows below the last row (Ctrl+V): rows past the end are added."),
                QMessageBox.Icon.Information)
            return
        # The years this series already has: rows whose other key columns match, compared as codes.
        data = model.data_
        same = np.ones(data.n, dtype=bool)
        for key in SCHEMA[self.table][0]:
            if key != "year":
                col = data.column(key)
                same &= col.codes == col.labels.index(record[key])
        years = set(data.column("year").values[same].tolist())
        year = record["year"] + 1
        while year in years:
            year += 1
        new = dict(record, year=year)
        for col in SCHEMA[self.table][1]:
            new[col], new[f"{col}_state"] = None, ""
        request = EditRequest(self.table, self.tr("Add row"), [], [new])
        self.document.undo_stack.push(edit_command(self.document, request))

    def delete_rows(self) -> None:
        request = self.model.delete_request(self.view.selected_rows())
        if request is not None:
            self.document.undo_stack.push(edit_command(self.document, request))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.model.data_ is None:
            self.sig_current_changed.emit(None)
            return
        pos = self.model.position(current.row())
        data = self.model.data_
        sid = data.source_ids[pos]
        column = data.columns[current.column()].name
        self.sig_current_changed.emit({"table": self.table, "column": column, "record": data.record(pos),
                                       "source_id": None if sid != sid else int(sid)})


def _icon_button(parent, icon: str, name: str, tip: str) -> QToolButton:
    from desktop.ui.icons import icon as make_icon

    button = QToolButton(parent)
    button.setIcon(make_icon(icon))
    button.setAutoRaise(True)
    button.setToolTip(f"{name} — {tip}")
    button.setAccessibleName(name)
    button.setAccessibleDescription(tip)
    return button


def edit_command(document: ProjectDocument, request: EditRequest) -> ChangeCommand:
    """One undo step writing ``request``: the old keys go, the new rows (completed by ``conform``) come."""
    table, label = request.table, request.label

    def make(project, state):
        import pandas as pd

        from desktop.core.dataset import conform

        remove = pd.DataFrame(request.before)[list(SCHEMA[table][0])] if request.before else None
        upsert = conform(table, pd.DataFrame(request.after)) if request.after else None
        return project.edit_rows(table, remove=remove, upsert=upsert, label=label)

    return ChangeCommand(document, label, make)


class SourcesPanel(QWidget):
    """The import log: file, publisher format, rows per table, years, content hash, time."""

    def __init__(self, document: ProjectDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = SourcesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Sources"))
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.stale = True
        self.table = "sources"

    def load(self) -> None:
        if not self.document.is_open:
            return
        self.stale = False

        def done(frame) -> None:
            self.model.set_frame(frame)
            self.view.resizeColumnsToContents()

        self.document.read(lambda project, state: sources_frame(project), kind="read:sources", on_done=done)

    def clear(self) -> None:
        self.model.set_frame(None)
        self.stale = True


def sources_frame(project) -> pd.DataFrame:
    """The import log with the years each import still supplies per table (worker thread)."""
    log = project.import_log()
    years = project.years_by_import()
    log["years"] = [years.get(int(i), {}) for i in log["id"]] if len(log) else []
    return log


class DataView(QWidget):
    """Sub-tabs per table plus Sources, under one filter bar."""

    sig_current_changed = Signal(object)
    sig_rows_shown = Signal(str)

    def __init__(self, document: ProjectDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Data tables"))
        self.panels: dict[str, TablePanel] = {}
        for table in MAIN_TABLES:
            self._add_panel(table)
        self.sources = SourcesPanel(document, self)
        self.tabs.addTab(self.sources, self.tr("Sources"))
        self._minerals: set[str] | None = None

        bar = QHBoxLayout()
        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Country filter"))
        self.country.setMinimumContentsLength(10)
        self.country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.year_from = QSpinBox(self)
        self.year_to = QSpinBox(self)
        for box, name in ((self.year_from, self.tr("First year")), (self.year_to, self.tr("Last year"))):
            box.setRange(1900, 2100)
            box.setAccessibleName(name)
            box.setGroupSeparatorShown(False)
        self._all_years = (1900, 2100)         # the project's first and last year: "no year filter"
        self._set_years(*self._all_years)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Find in table (Ctrl+F)"))
        self.text.setAccessibleName(self.tr("Find in table"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.text.placeholderText()) // 2 + 40)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Rows shown"))
        # Icon buttons (the bar must fit 1280 px beside both docks); their names are in the tooltip and
        # for screen readers, and the same commands are in the Edit menu.
        self.add_button = _icon_button(self, "add-row", self.tr("Add Row"),
                                       self.tr("Add a row for the next year after the current one"))
        self.delete_button = _icon_button(self, "delete-row", self.tr("Delete Rows"),
                                          self.tr("Delete the selected rows (Edit ▸ Undo brings them back)"))
        bar.addWidget(QLabel(self.tr("Country:"), self))
        bar.addWidget(self.country)
        bar.addWidget(QLabel(self.tr("Years:"), self))
        bar.addWidget(self.year_from)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.year_to)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)       # typing in the find box filters after a pause
        self._filter_timer.timeout.connect(self.apply_filter)
        self.text.textChanged.connect(self._filter_timer.start)
        self.country.currentIndexChanged.connect(self._filter_timer.start)
        self.year_from.valueChanged.connect(self._filter_timer.start)
        self.year_to.valueChanged.connect(self._filter_timer.start)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.add_button.clicked.connect(lambda: self.current_panel() and self.current_panel().add_row())
        self.delete_button.clicked.connect(lambda: self.current_panel() and self.current_panel().delete_rows())
        document.sig_opened.connect(self._project_opened)
        document.sig_closed.connect(self._project_closed)
        document.sig_tables_changed.connect(self._tables_changed)
        document.sig_registry_changed.connect(self._registry_changed)
        self._fill_countries()
        self._update_buttons()

    def _add_panel(self, table: str, index: int | None = None) -> TablePanel:
        panel = TablePanel(table, self.document, self)
        panel.on_loaded = self._panel_loaded
        panel.sig_current_changed.connect(self.sig_current_changed)
        self.panels[table] = panel
        if index is None:
            self.tabs.addTab(panel, table_title(table))
        else:
            self.tabs.insertTab(index, panel, table_title(table))
        return panel

    # -- project events ---------------------------------------------------------------------------
    def _set_years(self, first: int, last: int) -> None:
        for box, value in ((self.year_from, first), (self.year_to, last)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _load_year_span(self) -> None:
        """Show the project's years in the year boxes (that whole span means no year filter)."""
        def span(project, state):
            return project.year_range() or (1900, 2100)

        def done(years) -> None:
            untouched = (self.year_from.value(), self.year_to.value()) == self._all_years
            self._all_years = (int(years[0]), int(years[1]))
            if untouched:
                self._set_years(*self._all_years)
                self.apply_filter()

        self.document.read(span, kind="year-span", on_done=done)

    def _project_opened(self, _path: str) -> None:
        self._load_year_span()
        counts = self.document.info.get("counts", {})
        self._add_extra_panels({t for t, n in counts.items() if n})
        for panel in self.all_panels():
            panel.stale = True
        self._fill_countries()
        self._load_current()

    def _project_closed(self) -> None:
        for panel in self.all_panels():
            panel.clear()
        self.count.setText("")

    def _tables_changed(self, tables: set) -> None:
        self._load_year_span()
        self._add_extra_panels(tables)
        for table in tables:
            if table in self.panels:
                self.panels[table].stale = True
        self.sources.stale = True
        self._load_current()

    def _add_extra_panels(self, tables: set) -> None:
        """A tab, before Sources, for each publishers' table that now holds rows."""
        for table in EXTRA_TABLES:
            if table in tables and table not in self.panels:
                self._add_panel(table, self.tabs.indexOf(self.sources))

    def _registry_changed(self) -> None:
        for panel in self.panels.values():
            if panel.model.data_ is not None:
                panel.model.set_table(panel.model.data_, self.document.registry)
        self._fill_countries()

    def all_panels(self):
        return list(self.panels.values()) + [self.sources]

    def export_table(self):
        """A function giving the current table as shown (filtered and sorted), for File ▸ Export Table…
        (run on the worker: a table can hold a million rows)."""
        panel = self.current_panel()
        return panel.model.export_columns() if panel is not None else (lambda: ([], []))

    def current_panel(self) -> TablePanel | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TablePanel) else None

    def _tab_changed(self, _index: int) -> None:
        self._load_current()
        self._update_buttons()

    def _load_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None and widget.stale and self.document.is_open:
            widget.load()
        self._update_count()

    def _panel_loaded(self, panel: TablePanel) -> None:
        self.apply_filter(panel)

    def _update_buttons(self) -> None:
        editable = self.current_panel() is not None
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    # -- filters ------------------------------------------------------------------------------------
    def set_minerals(self, minerals: set[str] | None) -> None:
        """The minerals checked in the Minerals dock (None: all)."""
        self._minerals = minerals
        self.apply_filter()

    def _fill_countries(self) -> None:
        fill_countries(self.country, self.document.registry, self.tr("All countries"), aggregates=True)

    def apply_filter(self, panel: TablePanel | None = None) -> None:
        country = self.country.currentData()
        years = (self.year_from.value(), self.year_to.value())
        years = None if years == self._all_years else years
        targets = [panel] if isinstance(panel, TablePanel) else list(self.panels.values())
        for p in targets:
            if p.model.data_ is not None:
                p.model.set_filter(minerals=self._minerals, countries={country} if country else None,
                                   years=years, text=self.text.text())
        self._update_count()

    def _update_count(self) -> None:
        panel = self.current_panel()
        if panel is None or panel.model.data_ is None:
            self.count.setText(self.tr("updating…") if panel is not None and panel.loading else "")
            return
        shown, total = panel.model.rowCount(), panel.model.data_.n
        text = self.tr("%1 of %2 rows").replace("%1", panel.model.locale.toString(shown)) \
            .replace("%2", panel.model.locale.toString(total))
        if panel.loading or panel.stale:
            text += " · " + self.tr("updating…")
        self.count.setText(text)
        self.sig_rows_shown.emit(text)

    def focus_find(self) -> None:
        self.text.setFocus()
        self.text.selectAll()
