"""The workbench window: menus, toolbar, docks, the views as tabs, and the status bar.

The window owns the one :class:`TaskRunner` and the :class:`ProjectDocument`;
everything slow (opening, reading tables, importing, computing, exporting) is
submitted to the runner, so the window keeps repainting and Cancel works.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QFileDialog, QFrame, QHBoxLayout, QLabel,
                               QMainWindow, QMessageBox, QProgressBar, QPushButton, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from desktop import APP_NAME
from desktop.ui.analysis import Analysis
from desktop.ui.docks.details import DetailsPanel
from desktop.ui.docks.minerals import MineralsPanel
from desktop.ui.docks.parameters import ParametersPanel
from desktop.ui.docks.problems import ProblemsPanel
from desktop.ui.document import ProjectDocument
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner, error_sentence
from desktop.ui.views.data_view import DataView
from desktop.ui.views.alerts_view import AlertsView
from desktop.ui.views.indicators_view import IndicatorsView
from desktop.ui.views.matrix_view import MatrixView
from desktop.ui.views.overview_view import OverviewView
from desktop.ui.views.scenarios_view import ScenariosView
from desktop.ui.widgets.accessibility import name_inner_controls
from desktop.ui.widgets.messages import tell

log = logging.getLogger("critmin.ui")

PROJECT_FILTER = "*.critmin"
DATA_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")


def _icon(name: str):
    from desktop.ui.icons import icon

    return icon(name)        # a misspelt name raises KeyError (the icon tests list every name used)


DEMO_COUNTRY = "USA"      # the assessed country the demo opens with: its balance covers every demo mineral

class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.runner = TaskRunner(self)
        self.document = ProjectDocument(self.runner, self)
        self._wizard = None
        self._problems_said: list[str] | None = None     # the computation's problems the analyst was shown
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setWindowIcon(_icon("critmin"))
        self.resize(1280, 800)

        self.data_view = DataView(self.document, self)
        self.overview = OverviewView(self.runner, self)
        self.indicators = IndicatorsView(self.runner, self)
        self.matrix_view = MatrixView(self.document, self.runner, self)
        self.scenarios_view = ScenariosView(self.document, self.runner, self)
        self.alerts_view = AlertsView(self.runner, self)
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.setAccessibleName(self.tr("Views"))
        self.views.addTab(self.overview, self.tr("Overview"))
        self.views.addTab(self.data_view, self.tr("Data"))
        self.views.addTab(self.indicators, self.tr("Indicators"))
        self.views.addTab(self.matrix_view, self.tr("Risk Matrix"))
        self.views.addTab(self.scenarios_view, self.tr("Scenarios"))
        self.views.addTab(self.alerts_view, self.tr("Alerts"))
        self.banner = self._make_banner()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.views, 1)
        self.setCentralWidget(central)

        self._make_docks()
        self.indicators.set_active(False)          # the Overview is the first tab
        self.matrix_view.set_active(False)
        self.alerts_view.set_active(False)
        self.scenarios_view.set_active(False)
        self.analysis = Analysis(self.document, self.parameters, self)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._connect()
        self._restore_window()
        self._update_title()
        self._update_actions()
        name_inner_controls(self)

    # -- construction ----------------------------------------------------------------------------
    def _make_banner(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("banner")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAutoFillBackground(True)
        row = QHBoxLayout(frame)
        row.setContentsMargins(10, 4, 4, 4)
        self.banner_label = QLabel(frame)
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName(self.tr("Banner"))
        close = QToolButton(frame)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.setAccessibleName(self.tr("Hide this message"))
        close.clicked.connect(self._dismiss_banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(close)
        frame.hide()
        return frame

    def _dock(self, panel: QWidget, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)          # saveState() restores docks by object name
        dock.setWidget(panel)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _make_docks(self) -> None:
        self.minerals = MineralsPanel(self.document, self)
        # the list chooser shows its default entry whole, beside the Lists button
        self.minerals.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("All minerals with data")) + 44
                                      + self.minerals.lists_button.sizeHint().width())
        self.parameters = ParametersPanel(self.settings, self)
        self.details = DetailsPanel(self.document, self)
        self.problems = ProblemsPanel(self)
        self.minerals_dock = self._dock(self.minerals, self.tr("Minerals"), "minerals_dock",
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.parameters_dock = self._dock(self.parameters, self.tr("Parameters"), "parameters_dock",
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock = self._dock(self.details, self.tr("Details"), "details_dock",
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.parameters_dock, self.details_dock)
        self.details_dock.raise_()
        self.problems_dock = self._dock(self.problems, self.tr("Problems"), "problems_dock",
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.problems_dock.hide()
        self.resizeDocks([self.minerals_dock, self.details_dock], [220, 340], Qt.Orientation.Horizontal)

    def _action(self, text: str, slot, shortcut=None, icon: str | None = None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setIconText(plain_label(text))     # toolbar buttons: no "(&N)" mnemonic, no ellipsis
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(_icon(icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("&New Project…"), self.new_project, S.New, "new-project",
                                    self.tr("Create an empty project file"))
        self.act_open = self._action(self.tr("&Open Project…"), self.choose_project, S.Open, "open-project",
                                     self.tr("Open a project file"))
        self.act_save_as = self._action(self.tr("Save Project &As…"), self.save_project_as, S.SaveAs, "save-as",
                                        self.tr("Save a copy of the project and continue working in the copy"))
        self.act_import = self._action(self.tr("&Import Data…"), self.import_data, "Ctrl+I", "import-data",
                                       self.tr("Import Excel or CSV files into the project"))
        self.act_export_data = self._action(self.tr("Export &Data Workbook…"), self.export_data_workbook, None,
                                            "export-data", self.tr("Write the project's data as a template workbook"))
        self.act_export_results = self._action(self.tr("Export &Results…"), self.export_results, "Ctrl+E",
                                               "export-results", self.tr("Compute and write the results workbook"))
        self.act_export_report = self._action(self.tr("Export Re&port…"), self.export_report, "Ctrl+Shift+E",
                                              "export-results",
                                              self.tr("Write the Overview and the core indicators of the selected "
                                                      "list and year as a report workbook with charts"))
        self.act_export_table = self._action(self.tr("Export &Table…"), self.export_table, None, None,
                                             self.tr("Write the table of the current view to Excel or CSV"))
        self.act_close = self._action(self.tr("&Close Project"), self.close_project, S.Close, "close-project")
        self.act_quit = self._action(self.tr("&Quit"), self.close, S.Quit)
        self.act_undo = self.document.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts([QKeySequence(S.Undo)])
        self.act_undo.setIcon(_icon("undo"))
        self.act_redo = self.document.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(_icon("redo"))
        # the toolbar says just Undo / Redo; the Edit menu and the tooltip name the step ("Undo Paste 12 cells")
        self.act_undo.setIconText(self.tr("Undo"))
        self.act_redo.setIconText(self.tr("Redo"))
        self.act_copy = self._action(self.tr("&Copy"), self.copy, S.Copy, "copy")
        self.act_paste = self._action(self.tr("&Paste"), self.paste, S.Paste, "paste")
        self.act_find = self._action(self.tr("&Find…"), self.data_view.focus_find, S.Find, "find")
        self.act_add_row = self._action(self.tr("Add &Row"), lambda: self._on_table(lambda p: p.add_row()),
                                        "Ctrl+Shift+=", "add-row")
        self.act_delete_rows = self._action(self.tr("&Delete Rows"), lambda: self._on_table(lambda p: p.delete_rows()),
                                            "Ctrl+-", "delete-row")
        self.act_preferences = self._action(self.tr("Pre&ferences…"), self.preferences, S.Preferences,
                                            "preferences")
        self.act_recompute = self._action(self.tr("&Recompute"), self.recompute, "F5", "recompute",
                                          self.tr("Compute every indicator from the project's data"))
        self.act_aliases = self._action(self.tr("&Aliases…"), self.show_aliases, None, None,
                                        self.tr("The project's own names for minerals and countries"))
        self.act_registry = self._action(self.tr("&Minerals and Names…"), self.show_registry_editor, None, None,
                                         self.tr("The project's names, symbols, groups and notes of minerals, and "
                                                 "its own minerals"))
        self.act_guide = self._action(self.tr("&User Guide"), self.user_guide, "F1", "help",
                                      self.tr("Read the user guide (it is installed with CritMin: no internet needed)"))
        self.act_sources = self._action(self.tr("Data &Sources"), self.data_sources, None, "info",
                                        self.tr("Where the demo's data come from, with their licences"))
        self.act_about = self._action(self.tr("&About CritMin"), self.about, None, "about")
        self.act_cancel = self._action(self.tr("Cancel"), self.runner.cancel, None, "cancel",
                                       self.tr("Cancel the running task"))
        # Edit shortcuts belong to the table with focus; the menu items work on the current table.
        for action in (self.act_copy, self.act_paste):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file = self.file_menu = bar.addMenu(self.tr("&File"))
        file.addAction(self.act_new)
        file.addAction(self.act_open)
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addAction(self.act_save_as)
        file.addSeparator()
        file.addAction(self.act_import)
        file.addAction(self.act_export_data)
        file.addAction(self.act_export_results)
        file.addAction(self.act_export_report)
        file.addAction(self.act_export_table)
        file.addSeparator()
        file.addAction(self.act_close)
        file.addAction(self.act_quit)
        edit = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addSeparator()
        edit.addAction(self.act_copy)
        edit.addAction(self.act_paste)
        edit.addAction(self.act_add_row)
        edit.addAction(self.act_delete_rows)
        edit.addAction(self.act_find)
        edit.addSeparator()
        edit.addAction(self.act_preferences)
        view = self.view_menu = bar.addMenu(self.tr("&View"))
        self.act_view_overview = self._action(self.tr("&Overview"),
                                              lambda: self.views.setCurrentWidget(self.overview), "Ctrl+1")
        self.act_view_data = self._action(self.tr("&Data"), lambda: self.views.setCurrentWidget(self.data_view),
                                          "Ctrl+2")
        self.act_view_indicators = self._action(self.tr("&Indicators"),
                                                lambda: self.views.setCurrentWidget(self.indicators), "Ctrl+3")
        self.act_view_matrix = self._action(self.tr("Risk &Matrix"),
                                            lambda: self.views.setCurrentWidget(self.matrix_view), "Ctrl+4")
        self.act_view_alerts = self._action(self.tr("&Alerts"), lambda: self.views.setCurrentWidget(self.alerts_view),
                                            "Ctrl+6")
        self.act_view_scenarios = self._action(self.tr("&Scenarios"),
                                               lambda: self.views.setCurrentWidget(self.scenarios_view), "Ctrl+5")
        for action in (self.act_view_overview, self.act_view_data, self.act_view_indicators, self.act_view_matrix,
                       self.act_view_scenarios, self.act_view_alerts):
            view.addAction(action)
        view.addSeparator()
        for dock in (self.minerals_dock, self.parameters_dock, self.details_dock, self.problems_dock):
            view.addAction(dock.toggleViewAction())
        data = self.data_menu = bar.addMenu(self.tr("&Data"))
        data.addAction(self.act_import)
        lists = data.addMenu(self.tr("Mineral &Lists"))     # UI.md's Data ▸ Mineral Lists…: the dock's list actions
        lists.addActions(self.minerals.lists_menu.actions())
        data.addAction(self.act_aliases)
        data.addAction(self.act_registry)
        analysis = self.analysis_menu = bar.addMenu(self.tr("&Analysis"))
        analysis.addAction(self.act_recompute)
        self.act_new_scenario = self._action(self.tr("New &Scenario…"), self._new_scenario, None, None,
                                             self.tr("Define a what-if scenario and compare it with the baseline"))
        analysis.addAction(self.act_new_scenario)
        help_menu = self.help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_guide)
        help_menu.addAction(self.act_sources)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def _make_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Main toolbar"))
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(20, 20))
        for action in (self.act_new, self.act_open, self.act_import):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.act_recompute)
        bar.addAction(self.act_export_results)
        bar.addSeparator()
        bar.addAction(self.act_undo)
        bar.addAction(self.act_redo)
        spacer = QWidget(bar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(self.tr("Country") + " ", bar))
        # The toolbar's country is the Parameters dock's assessed country (one model, two places).
        self.country_combo = QComboBox(bar)
        self.country_combo.setAccessibleName(self.tr("Assessed country"))
        self.country_combo.setModel(self.parameters.country.model())
        self.country_combo.setMinimumContentsLength(16)
        self.country_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.country_combo.currentIndexChanged.connect(self.parameters.country.setCurrentIndex)
        self.parameters.country.currentIndexChanged.connect(self.country_combo.setCurrentIndex)
        bar.addWidget(self.country_combo)
        bar.addWidget(QLabel("  " + self.tr("Year") + " ", bar))
        # The year every view shows; its choices are the years of the results.
        self.year_combo = QComboBox(bar)
        self.year_combo.setAccessibleName(self.tr("Year shown"))
        self.year_combo.setToolTip(self.tr("The year the Overview shows"))
        self.year_combo.setMinimumContentsLength(6)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        bar.addWidget(self.year_combo)
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is not None and action.text():
                widget.setAccessibleName(plain_label(action.text()))

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.task_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.runner.cancel)
        status.addWidget(self.status_label, 1)
        status.addPermanentWidget(self.task_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(250)      # show progress only for tasks that last
        self._busy_timer.timeout.connect(self._show_busy)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(10_000)     # "computed 10 s ago" stays true
        self._status_timer.timeout.connect(self._update_status)
        self._status_timer.start()
        self._set_busy_widgets(False)

    def _connect(self) -> None:
        self.runner.sig_busy_changed.connect(self._busy_changed)
        self.runner.sig_progress.connect(self._progress)
        self.runner.sig_error.connect(self.show_error)
        self.document.sig_error.connect(self.show_error)
        self.document.sig_opened.connect(self._project_opened)
        self.document.sig_closed.connect(self._project_closed)
        self.document.sig_saved_changed.connect(lambda _saved: self._update_status())
        self.document.sig_tables_changed.connect(lambda _tables: self._update_status())
        self.document.sig_registry_changed.connect(lambda: self.parameters.fill_countries(self.document.registry))
        self.document.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self.minerals.sig_selection_changed.connect(self.data_view.set_minerals)
        self.minerals.sig_selection_changed.connect(lambda _s: self._selection_changed())
        self.minerals.sig_minerals_chosen.connect(self.minerals.model.set_checked)   # an overlap chosen in Compare
        self.data_view.sig_current_changed.connect(self.details.show_cell)
        self.analysis.sig_results.connect(self._results_arrived)
        self.analysis.sig_stale.connect(self._stale_changed)
        self.analysis.sig_failed.connect(self.show_error)
        self.document.sig_registry_changed.connect(self._registry_changed)
        self.parameters.sig_changed.connect(self._country_changed)
        for view in self._result_views():
            view.sig_mineral_selected.connect(self.select_mineral)
            view.sig_cell_selected.connect(self.explain)
        self.alerts_view.sig_open.connect(self._open_alert)
        self.alerts_view.sig_rules_changed.connect(self._store_alert_rules)
        self.alerts_view.sig_rules_changed.connect(self._alert_rules_changed)
        self.overview.sig_alerts_wanted.connect(self._show_alerts_of)
        self.scenarios_view.sig_mineral_selected.connect(self.select_mineral)
        self.scenarios_view.sig_cell_selected.connect(self.explain)
        self.alerts_view.sig_count_changed.connect(lambda _n: self._update_status())
        self.matrix_view.sig_year_changed.connect(
            lambda year: self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0)))
        self.data_view.sig_rows_shown.connect(lambda _t: self._update_status())
        self.views.currentChanged.connect(lambda _i: self._update_actions())
        self.views.currentChanged.connect(self._view_changed)
        self.data_view.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self.problems.sig_activated.connect(self._problem_activated)

    # -- window state -------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:       # the first start: most of a large screen (the Overview's table and chart side by side)
            screen = QApplication.primaryScreen()
            if screen is not None:
                free = screen.availableGeometry()
                self.resize(max(min(1280, free.width()), int(free.width() * 0.85)),
                            max(min(800, free.height()), int(free.height() * 0.85)))
                # the docks' share of a small screen: the views keep room for a comparison's columns
                details = 340 if self.width() >= 1600 else 270
                self.resizeDocks([self.minerals_dock, self.details_dock], [220, details], Qt.Orientation.Horizontal)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.save_parameters(self.parameters.values())   # a years field still being typed in
        self.runner.cancel()
        self.document.close()           # waits for queued writes: nothing the analyst did is lost
        self.runner.wait(10_000)
        self.settings.sync()
        super().closeEvent(event)

    def _update_title(self) -> None:
        subtitle = self.tr("Critical-mineral supply-chain security workbench")
        if self.document.is_open:
            self.setWindowTitle(f"{APP_NAME} — {self.document.name}")
        else:
            self.setWindowTitle(f"{APP_NAME} — {subtitle}")

    def _update_actions(self) -> None:
        is_open = self.document.is_open
        for action in (self.act_save_as, self.act_import, self.act_export_data, self.act_export_results,
                       self.act_export_report, self.act_close, self.act_recompute, self.act_aliases,
                       self.act_registry, self.act_new_scenario):
            action.setEnabled(is_open)
        panel = self.data_view.current_panel()
        on_table = is_open and self.views.currentWidget() is self.data_view and panel is not None
        for action in (self.act_paste, self.act_add_row, self.act_delete_rows):
            action.setEnabled(on_table)
        self.act_export_table.setEnabled(is_open and (on_table or self.views.currentWidget() in self._result_views()))

    def _update_status(self) -> None:
        if not self.document.is_open:
            self.status_label.setText(self.tr("No project open — File ▸ New Project… or Open Project…"))
            return
        parts = [self.document.path.name]
        minerals = len(self.minerals.model.ids)
        parts.append(self.tr("1 mineral") if minerals == 1 else self.tr("%1 minerals").replace(
            "%1", self.locale().toString(minerals)))
        alerts = self.alerts_view.alert_count()
        if alerts:
            parts.append(self.tr("%1 alerts").replace("%1", self.locale().toString(alerts)))
        if self.analysis.stale:
            parts.append(self.tr("recomputing…"))
        elif self.analysis.computed_at is not None:
            ago = int(time.monotonic() - self.analysis.computed_at)
            parts.append(self.tr("computed %1 ago").replace("%1", _duration(ago)))
        parts.append(self.tr("all changes saved") if self.document.all_saved else self.tr("saving…"))
        self.status_label.setText(" · ".join(parts))

    # -- busy state ------------------------------------------------------------------------------------
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self._set_busy_widgets(False)
        self._update_status()

    def _show_busy(self) -> None:
        if self.runner.busy:
            self._set_busy_widgets(True)
            task = self.runner.current()
            if task is not None:
                self.task_label.setText(task.label)

    def _set_busy_widgets(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)
        self.task_label.setVisible(visible)
        if not visible:
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
        elif self.progress.value() == 0:
            self.progress.setRange(0, 0)        # busy indicator until the first progress report

    def _progress(self, label: str, fraction: float, text: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.task_label.setText(label + (f" — {text}" if text else ""))

    # -- messages ---------------------------------------------------------------------------------------
    def show_error(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 15_000)
        tell(self, APP_NAME, sentence)

    def show_internal_error(self) -> None:
        tell(self, APP_NAME, error_sentence(RuntimeError()), QMessageBox.Icon.Critical)

    def show_problems(self, items: list) -> None:
        self.problems.set_items(items)
        if items:
            self.problems_dock.show()
            self.problems_dock.raise_()

    def _dismiss_banner(self) -> None:
        self.banner.hide()
        self.settings.banner_dismissed = True      # the banner is the demo's: it is not shown again

    def _show_banner(self, text: str) -> None:
        self.banner_label.setText(text)
        self.banner.show()

    # -- projects -----------------------------------------------------------------------------------------
    def open_at_start(self, files: list[str]) -> None:
        """What the first window shows: the files given, else the last project, else the demo (first start)."""
        projects = [f for f in files if f.lower().endswith(".critmin")]
        data = [f for f in files if f.lower().endswith(DATA_SUFFIXES)]
        if projects:
            self.open_project(projects[0])
        elif data:
            self.open_demo(then_import=data)
        elif self.settings.last_project and Path(self.settings.last_project).exists():
            self.open_project(self.settings.last_project)
        elif not self.settings.demo_created:
            self.open_demo()
        else:
            self._update_status()

    def _demo_target(self) -> Path:
        """Where the user's copy of the demo project lives (the installed demo is only read)."""
        from desktop import paths

        return (paths.documents_dir() / "CritMin" / (self.tr("CritMin demo").replace("/", "-") + ".critmin")).absolute()

    def open_demo(self, then_import: list[str] | None = None) -> None:
        """Copy the bundled demo into the user's documents folder (once) and open the copy."""
        from desktop import paths

        target = self._demo_target()
        demo = paths.demo_workbook()
        if not self.settings.demo_created and not self.settings.parameters().get("country"):
            # The demo's balance holds two countries (the USA's for all its minerals, China's for eight): with
            # "all countries" the Overview would show no D at all on the first start.
            self.settings.save_parameters({"country": DEMO_COUNTRY})

        def prepare(state) -> None:
            if target.exists() and target.stat().st_size > 0:
                return
            build_demo_project(demo, target, state)

        def opened() -> None:
            self.settings.demo_created = True
            after = then_import
            if after:
                self.import_data(after)

        self.open_project(str(target), create=True, prepare=prepare, on_done=opened,
                          label=self.tr("Preparing the demo project"))

    def open_project(self, path: str, *, create: bool = False, prepare=None, on_done=None,
                     label: str | None = None) -> None:
        if not create and not Path(path).exists():
            self.show_error(self.tr("%1: the project file was not found.").replace("%1", path))
            return
        self.document.open(path, create=create, prepare=prepare, on_done=on_done, label=label)

    def _project_opened(self, path: str) -> None:
        self.settings.add_recent_file(path)
        self.settings.last_project = path
        self.parameters.fill_countries(self.document.registry)
        self.details.forget_sources()
        self._problems_said = None
        self._load_alert_rules()
        self._registry_changed()
        if Path(path).absolute() == self._demo_target():
            if not self.settings.banner_dismissed:
                self._show_banner(self.tr(
                    "This is the demo project, built from public data (USGS, World Bank, World Mining Data). "
                    "To analyse your own data: File ▸ Import Data… or drop Excel/CSV files on this window."))
        else:
            self.banner.hide()
        self._update_title()
        self._update_actions()
        self._update_status()

    def _project_closed(self) -> None:
        self.banner.hide()
        self.problems.set_items([])
        self.details.show_nothing()
        self._update_title()
        self._update_actions()
        self._update_status()

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Project"), str(self._default_folder()),
                                              self.tr("CritMin projects (%1)").replace("%1", PROJECT_FILTER))
        if not path:
            return
        path = _with_suffix(path)
        if Path(path).exists():
            # The file dialog already asked whether to replace it: a new project starts empty.
            try:
                Path(path).unlink()
            except OSError as exc:
                self.show_error(error_sentence(exc))
                return
        self.open_project(path, create=True)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Project"), str(self._default_folder()),
                                              self.tr("CritMin projects (%1)").replace("%1", PROJECT_FILTER))
        if path:
            self.open_project(path)

    def save_project_as(self) -> None:
        if not self.document.is_open:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Project As"), str(self.document.path.parent),
                                              self.tr("CritMin projects (%1)").replace("%1", PROJECT_FILTER))
        if path:
            self.document.save_as(_with_suffix(path))     # the copy is not the demo: sig_opened hides the banner

    def close_project(self) -> None:
        self.document.close()
        self.settings.last_project = ""

    def _default_folder(self) -> Path:
        if self.document.is_open:
            return self.document.path.parent
        from desktop import paths

        return paths.documents_dir()

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.settings.recent_files
        if not files:
            empty = menu.addAction(self.tr("No recent projects"))
            empty.setEnabled(False)
            return
        for path in files:
            exists = Path(path).exists()
            action = menu.addAction(Path(path).name + ("" if exists else "  " + self.tr("(missing)")))
            action.setToolTip(path)
            action.setStatusTip(path)
            if exists:
                action.triggered.connect(lambda _c=False, p=path: self.open_project(p))
            else:
                # Greyed in look, but still clickable so it can be removed.
                font = action.font()
                font.setItalic(True)
                action.setFont(font)
                action.triggered.connect(lambda _c=False, p=path: self._missing_recent(p))
        menu.addSeparator()
        menu.addAction(self.tr("Remove Missing Files"), self._remove_missing_recent)
        menu.addAction(self.tr("Clear List"), self._clear_recent)

    def _missing_recent(self, path: str) -> None:
        answer = QMessageBox.question(self, APP_NAME, self.tr("%1 no longer exists. Remove it from the list?")
                                      .replace("%1", path))
        if answer == QMessageBox.StandardButton.Yes:
            self.settings.remove_recent_file(path)

    def _remove_missing_recent(self) -> None:
        for path in self.settings.recent_files:
            if not Path(path).exists():
                self.settings.remove_recent_file(path)

    def _clear_recent(self) -> None:
        for path in self.settings.recent_files:
            self.settings.remove_recent_file(path)

    # -- drag and drop --------------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(_dropped_kind(u.toLocalFile()) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls()]
        projects = [f for f in files if _dropped_kind(f) == "project"]
        data = [f for f in files if _dropped_kind(f) == "data"]
        event.acceptProposedAction()
        if projects:
            self.open_project(projects[0])
        elif data:
            self.import_data(data)

    # -- import -----------------------------------------------------------------------------------------------
    def import_data(self, paths: list[str] | None = None) -> None:
        if not self.document.is_open:
            tell(self, APP_NAME, self.tr("Open or create a project first: imported data are written into a project."),
                 QMessageBox.Icon.Information)
            return
        from desktop.ui.views.import_wizard import ImportWizardDialog

        if self._wizard is not None and self._wizard.isVisible():
            self._wizard.add_files(list(paths or []))       # a second drop adds to the open wizard
            self._wizard.raise_()
            return
        dialog = ImportWizardDialog(self.document, list(paths or []), self)
        name_inner_controls(dialog)
        dialog.sig_import_finished.connect(lambda result, d=dialog: self._import_finished(result, d))
        self._wizard = dialog
        dialog.open()
        if not paths:
            QTimer.singleShot(0, dialog.choose_files)

    def _import_finished(self, result, dialog) -> None:
        self.statusBar().showMessage(dialog.describe(result), 15_000)
        if not isinstance(result, str):
            self.show_problems(dialog.problems())
        if dialog is self._wizard:
            self._wizard = None
        dialog.deleteLater()

    def _problem_activated(self, item) -> None:
        from desktop.ui.docks.problems import problem_parts
        from desktop.ui.language import ui_language

        if hasattr(item, "severity"):
            severity, where, what = problem_parts(item, ui_language())
            tell(self, severity, f"{where}\n\n{what}" if where else what, QMessageBox.Icon.Information)

    # -- editing ------------------------------------------------------------------------------------------------
    def _on_table(self, act) -> None:
        """Run ``act(panel)`` on the Data view's current table, if one is shown."""
        panel = self.data_view.current_panel()
        if panel is not None:
            act(panel)

    def copy(self) -> None:
        self._on_table(lambda panel: panel.view.copy_selection())

    def paste(self) -> None:
        self._on_table(lambda panel: panel.view.paste())

    # -- computing and exporting -------------------------------------------------------------------------------------
    def _params(self):
        try:
            return self.parameters.engine_params()
        except ValueError as exc:
            self.show_error(str(exc))
            return None

    def recompute(self) -> None:
        self.analysis.recompute_now()

    @property
    def results(self):
        """The last results (the views show them); None before the first computation."""
        return self.analysis.results

    def _results_arrived(self, results) -> None:
        problems = [str(p) for p in results.problems] if results is not None else []
        if results is not None and self._problems_said is not None and problems != self._problems_said:
            self.show_problems(list(results.problems))
        else:       # the same notes as last time (or the first run on opening): listed, not pushed forward
            self.problems.set_items(list(results.problems) if results is not None else [])
        self._problems_said = problems if results is not None else None
        years = []
        if results is not None:
            from desktop.core.metrics.overview import years_of

            years = years_of(results)
        keep = self.year_combo.currentData() or self.settings.year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(years):
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(int(keep)) if keep else -1
        self.year_combo.setCurrentIndex(index if index >= 0 else (0 if years else -1))
        self.year_combo.blockSignals(False)
        self.overview.year = self.year_combo.currentData()
        self._country_changed()
        self._matrix_years(results, years)
        for view in (self.overview, self.indicators):
            view.show_results(results)
        self.matrix_view.show_results(results, self.analysis.dataset, year=self.year_combo.currentData())
        self.alerts_view.set_dataset(self.analysis.dataset)
        self.overview.dataset = self.analysis.dataset
        self.overview.alert_rules = self.alerts_view.rules()
        self.alerts_view.show_results(results)
        # the year with the results: set first, it would rerun the comparison on the results being replaced
        self.scenarios_view.show_results(results, self.analysis.dataset, year=self.year_combo.currentData())
        self._update_status()

    def _result_views(self) -> tuple:
        """The views that show results (they share the selection, the year, the country and staleness)."""
        return self.overview, self.indicators, self.matrix_view, self.alerts_view

    def _view_changed(self, _index: int) -> None:
        current = self.views.currentWidget()
        for view in self._result_views():
            view.set_active(view is current)
        self.scenarios_view.set_active(current is self.scenarios_view)

    def _matrix_years(self, results, years: list[int]) -> None:
        """The matrix's years: the results' (the Year selector's), else those of the recycling table (the
        year itself comes with the results, ``show_results``)."""
        if results is not None and not years:
            from desktop.core.chain.matrix import matrix_years

            years = matrix_years(results, self.analysis.dataset)
        self.matrix_view.set_years(years)

    def _stale_changed(self, stale: bool) -> None:
        for view in self._result_views():
            view.set_stale(stale)
        self.scenarios_view.set_stale(stale)
        self._update_status()

    def _year_changed(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None:
            self.settings.year = int(year)
        self.overview.set_year(year)
        if year is not None:
            self.matrix_view.set_year(year)
            self.scenarios_view.set_year(year)

    def _country_changed(self) -> None:
        country = self.parameters.country.currentData() or None
        for view in self._result_views():
            view.set_country(country)

    def _registry_changed(self) -> None:
        for view in self._result_views():
            view.set_registry(self.document.registry)
        self.scenarios_view.set_registry(self.document.registry)

    def _selection_changed(self) -> None:
        chosen = self.minerals.selection()
        ordered = None if chosen is None else [m for m in self.minerals.model.ids if m in chosen]
        self.overview.set_selection(ordered, self.minerals.list_combo.currentData())
        self.indicators.set_selection(ordered)
        self.matrix_view.set_selection(ordered, self.minerals.list_combo.currentData())
        self.alerts_view.set_selection(ordered, self.minerals.list_combo.currentData())
        self.scenarios_view.set_selection(ordered, self.minerals.list_combo.currentData())

    def select_mineral(self, mineral: str) -> None:
        """The shared current mineral: every view and the Minerals dock show it."""
        for view in self._result_views():
            if view is not self.sender():
                view.select_mineral(mineral)
        self.minerals.show_current(mineral)

    def _load_alert_rules(self) -> None:
        """The alert rules stored in the project (the defaults when it has none)."""
        from desktop.core.alert_rules import AlertRules

        self.document.read(lambda project, _state: project.setting("alert_rules", {}), kind="alert-rules",
                           on_done=lambda stored: self._alert_rules_loaded(AlertRules.from_dict(stored or {})))

    def _alert_rules_loaded(self, rules) -> None:
        self.alerts_view.set_rules(rules)
        self.overview.alert_rules = rules

    def _store_alert_rules(self, rules) -> None:
        """Rules… changed the alert rules: they are saved in the project (a setting, like the parameters,
        not an undo step)."""
        values = rules.to_dict()
        self.document.write(lambda project, _state: project.set_setting("alert_rules", values),
                            label=self.tr("Saving the alert rules"))

    def _alert_rules_changed(self, rules) -> None:
        self.overview.alert_rules = rules
        self.overview.refresh()

    def _show_alerts_of(self, mineral: str) -> None:
        """The Overview's alerts cell: the Alerts view, on the mineral's alerts."""
        self.views.setCurrentWidget(self.alerts_view)
        if mineral:
            self.alerts_view.select_mineral(mineral)

    def _new_scenario(self) -> None:
        self.views.setCurrentWidget(self.scenarios_view)
        self.scenarios_view.new()

    def _open_alert(self, source: dict) -> None:
        """Open the view an alert comes from, its mineral and year selected, and explain the number."""
        table, key = source.get("table"), source.get("key") or {}
        if key.get("year") is not None and self.year_combo.findData(key["year"]) >= 0:
            self.year_combo.setCurrentIndex(self.year_combo.findData(key["year"]))
        if table == "risk_matrix":
            self.views.setCurrentWidget(self.matrix_view)
        elif table == "events":
            self.views.setCurrentWidget(self.data_view)
            panel = self.data_view.panels.get("events")
            if panel is not None:
                self.data_view.tabs.setCurrentWidget(panel)
        else:
            self.views.setCurrentWidget(self.indicators)
            if source.get("indicator") in {self.indicators.choice.itemData(i)
                                           for i in range(self.indicators.choice.count())}:
                self.indicators.set_indicator(source["indicator"])
        if key.get("mineral"):
            self.select_mineral(key["mineral"])
        if table == "risk_matrix" and {"stream", "stage", "dimension"} <= set(key):
            self.matrix_view.want_cell(key["stream"], key["stage"], key["dimension"])
        if table in ("import_dependency", "market_dynamics", "supply_risk", "production_shares"):
            row = {k: v for k, v in key.items() if k in ("mineral", "year", "stage", "country") and v not in ("", None)}
            self.indicators.want_row(row)
            self.explain(source)

    def explain(self, cell: dict) -> None:
        """Details for a results cell: the formula with its inputs, computed on the worker."""
        if cell and cell.get("kind") == "matrix":          # a risk-matrix cell carries its own explanation
            from desktop.ui.language import ui_language
            from desktop.ui.views.matrix_view import cell_html

            self.details.browser.setHtml(cell_html(cell["cell"], self.document.registry, ui_language()))
            self.details_dock.raise_()
            return
        # a scenario's number is explained from the scenario's own run (its results and changed data)
        results = cell.get("results", self.analysis.results) if cell else None
        dataset = cell.get("dataset", self.analysis.dataset) if cell else None
        if results is None or not cell:
            return

        def work(_project, _state):
            from desktop.core.metrics.explain import explain

            return explain(results, dataset, cell["table"], cell["key"])

        self.document.read(work, kind="explain", on_done=lambda found: self.details.show_explanation(found, cell))

    def export_results(self) -> None:
        from desktop.ui import exports

        exports.export_results(self)

    def export_report(self) -> None:
        from desktop.ui import exports

        exports.export_report(self)

    def export_table(self) -> None:
        from desktop.ui import exports

        exports.export_view_table(self)

    def export_data_workbook(self) -> None:
        if not self.document.is_open:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Data Workbook"),
                                              str(self.document.path.with_name(self.document.name + "-data.xlsx")),
                                              self.tr("Excel workbook (*.xlsx);;CSV files, one per table (*.csv)"))
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"

        def work(project, state):
            from desktop.core.export.data_workbook import write_data

            return write_data(project.dataset(), path, project.registry())

        def done(written) -> None:
            self.statusBar().showMessage(self.tr("Wrote %1").replace("%1", ", ".join(str(p) for p in written)),
                                         15_000)

        self.document.read(work, kind="export-data", label=self.tr("Exporting data"), on_done=done)

    # -- dialogs ---------------------------------------------------------------------------------
    def preferences(self) -> None:
        from desktop.ui.dialogs.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).exec()

    def show_aliases(self) -> None:
        from desktop.ui.dialogs.aliases import AliasesDialog

        AliasesDialog(self.document, self).exec()

    def show_registry_editor(self) -> None:
        from desktop.ui.dialogs.registry_editor import open_registry_editor

        open_registry_editor(self.document, self)

    def user_guide(self):
        from desktop.ui.dialogs.guide import open_guide

        return open_guide(self)

    def data_sources(self):
        from desktop.ui.dialogs.about import data_sources_dialog

        return data_sources_dialog(self)

    def about(self):
        from desktop.ui.dialogs.about import about_dialog

        return about_dialog(self)


def build_demo_project(workbook: Path, target: Path, state) -> None:
    """Import the bundled demo workbook into a new project at ``target`` (never writing the installed file).

    Built beside ``target`` and moved into place: a cancelled or failed build leaves no half-made demo.
    """
    from desktop.core.export.cells import write_replacing
    from desktop.core.ingest.load import load_file
    from desktop.core.store import Project

    preview = load_file(workbook)
    state.check()

    def build(tmp: Path) -> None:
        with Project.open(tmp, create=True) as project:
            project.write_import(preview.tables, preview.source(), origins=preview.origins)

    target.parent.mkdir(parents=True, exist_ok=True)
    write_replacing(target, build)


def plain_label(text: str) -> str:
    """A menu text without its mnemonic ('&New Project…', '新建项目(&N)…' → 'New Project', '新建项目')."""
    import re

    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def _with_suffix(path: str) -> str:
    return path if path.lower().endswith(".critmin") else path + ".critmin"


def _dropped_kind(path: str) -> str:
    low = path.lower()
    if low.endswith(".critmin"):
        return "project"
    if low.endswith(DATA_SUFFIXES):
        return "data"
    return ""


def _duration(seconds: int) -> str:
    if seconds < 60:
        return QApplication.translate("MainWindow", "%1 s").replace("%1", str(seconds))
    if seconds < 3600:
        return QApplication.translate("MainWindow", "%1 min").replace("%1", str(seconds // 60))
    return QApplication.translate("MainWindow", "%1 h").replace("%1", str(seconds // 3600))
