"""The Alerts view (预警): what crossed a threshold or got worse year on year, newest first.

The alerts are computed on the worker (:func:`desktop.core.alerts.compute_alerts`) for the shared
selection of minerals and the assessed country, with the analyst's rules; the view filters them by
severity, mineral and rule without recomputing.  Double-click or Enter on an alert emits ``sig_open``
with its source ({"table", "key", "indicator"}) so that the window opens the view the number comes from
with the cell selected.  The rules live in the view (``rules()`` / ``set_rules``); the window stores them.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QToolButton, QVBoxLayout,
)

from desktop.core.alert_rules import RULES, SEVERITIES, AlertRules
from desktop.core.messages import Message
from desktop.ui.collation import sort_names
from desktop.ui.language import ui_language
from desktop.ui.models.alerts_model import AlertsModel, prepare_alerts
from desktop.ui.views.results_pane import ResultsPane
from desktop.ui.widgets.table_view import ExcelTableView as DataTableView


class _EnterOpens(QObject):
    """Return / Enter on the table opens the current alert (the table itself would only move down)."""

    def __init__(self, view: AlertsView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.view.open_current()
            return True
        return False


class AlertsView(ResultsPane):
    sig_mineral_selected = Signal(str)
    sig_cell_selected = Signal(object)        # {"table", "key", "indicator"} for the Details dock
    sig_open = Signal(object)                 # the same, to open the source view with the cell selected
    sig_count_changed = Signal(int)           # every alert of the selection (the status bar, the Overview)
    sig_rules_changed = Signal(object)        # AlertRules the analyst set in Rules… (the window stores them)

    def __init__(self, runner, parent=None) -> None:
        super().__init__(runner, parent)
        self.dataset = None
        self.minerals: list[str] | None = None
        self.list_name: str | None = None
        self._rules = AlertRules()
        self.frame = None
        self.last_export: str | None = None
        self.title = QLabel(self.tr("Alerts"), self)
        self.title.setAccessibleName(self.tr("Alerts title"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.severity = self._combo(self.tr("Severity"), self.tr("Show the alerts of one severity only"))
        self.mineral = self._combo(self.tr("Mineral"), self.tr("Show the alerts of one mineral only"))
        self.rule = self._combo(self.tr("Rule"), self.tr("Show the alerts of one rule only"))
        self.rules_button = QToolButton(self)
        self.rules_button.setText(self.tr("Rules…"))
        self.rules_button.setAccessibleName(self.tr("Alert rules"))
        self.rules_button.setToolTip(self.tr("Choose which rules raise alerts and their amounts and levels"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the alerts"))
        self.export_button.setToolTip(self.tr("Write the alerts as shown to an Excel workbook"))
        self.export_button.clicked.connect(self._export_clicked)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Alert count"))
        self.model = AlertsModel(self)
        self.table = DataTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)              # newest first: the order is the point
        self.table.setEditTriggers(DataTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(DataTableView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Alerts table"))
        self.table.setToolTip(self.tr("Double-click an alert or press Enter to open where it comes from"))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(_EnterOpens(self))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._fill_fixed_filters()
        for combo in (self.severity, self.mineral, self.rule):
            combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.stale)
        head.addStretch(1)
        head.addWidget(self.rules_button)
        head.addWidget(self.export_button)
        filters = QHBoxLayout()
        for label, combo in ((self.tr("Severity:"), self.severity), (self.tr("Mineral:"), self.mineral),
                             (self.tr("Rule:"), self.rule)):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._show_count()

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _fill_fixed_filters(self) -> None:
        lang = ui_language()
        for combo, prefix, ids, every in ((self.severity, "alert.severity", SEVERITIES, self.tr("All severities")),
                                          (self.rule, "alert.rule", RULES, self.tr("All rules"))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, None)
            for i in ids:
                combo.addItem(Message(f"{prefix}.{i}").text(lang), i)
            combo.blockSignals(False)

    # -- inputs -----------------------------------------------------------------------------------
    def set_dataset(self, dataset) -> None:
        """The dataset the results came from: the matrix and event rules read it (None: they are silent)."""
        self.dataset = dataset

    def set_selection(self, minerals: list[str] | None, list_name: str | None) -> None:
        self.minerals, self.list_name = minerals, list_name
        self.refresh()

    def set_country(self, country: str | None) -> None:
        if country != self.country:
            self.country = country
            self.refresh()

    def rules(self) -> AlertRules:
        return self._rules

    def set_rules(self, rules: AlertRules) -> None:
        if rules != self._rules:
            self._rules = rules
            self.refresh()

    def alert_count(self) -> int:
        """Every alert of the selection and the rules (the view's own filters aside)."""
        return 0 if self.frame is None else len(self.frame)

    # -- computing --------------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.results is None:
            self._show(None, None, None)
            return
        results, dataset, rules = self.results, self.dataset, self._rules
        minerals, country, registry, lang = self.minerals, self.country, self.registry, ui_language()

        def work(_state):
            from desktop.core.alerts import compute_alerts

            frame = compute_alerts(results, dataset, rules, country=country, minerals=minerals)
            return frame, prepare_alerts(frame, registry, lang)

        self.runner.submit(work, kind="alerts", on_done=lambda out: self._show(results, *out))

    def _show(self, results, frame, prepared) -> None:
        if results is not self.results:
            return                            # newer results are on their way
        self.frame = frame
        self._fill_minerals(frame)
        if prepared is None:
            prepared = prepare_alerts(None)
        self.model.set_prepared(prepared)
        self._apply_filters()
        self.table.fit_columns(len(self.frame) if self.frame is not None else 0)
        self.title.setText(" · ".join([self.tr("Alerts"), self.list_name or self.tr("All minerals with data")]))
        self.sig_count_changed.emit(self.alert_count())

    def _fill_minerals(self, frame) -> None:
        wanted = self.mineral.currentData()
        self.mineral.blockSignals(True)
        self.mineral.clear()
        self.mineral.addItem(self.tr("All minerals"), None)
        if frame is not None and len(frame):
            lang = ui_language()
            ids = sorted(set(frame["mineral"].astype(str)))
            names = [self.registry.mineral_name(m, lang) if self.registry else m for m in ids]
            for i in sort_names(names):           # the order of every other mineral chooser (Chinese by pinyin)
                self.mineral.addItem(names[i], ids[i])
        index = self.mineral.findData(wanted)
        self.mineral.setCurrentIndex(max(index, 0))
        self.mineral.blockSignals(False)

    def _apply_filters(self) -> None:
        self.model.set_filter(severity=self.severity.currentData(), mineral=self.mineral.currentData(),
                              rule=self.rule.currentData())
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.total()
        if self.results is None:
            self.count.setText(self.tr("The alerts appear when the indicators are computed."))
            return
        if total == 0:
            self.count.setText(self.tr("No alerts for this selection and these rules."))
            return
        shown = self.model.rowCount()
        high = int((self.model.prepared.severity == "high").sum())
        self.count.setText(self.tr("%1 of %2 alerts shown · %3 high").replace("%1", str(shown))
                           .replace("%2", str(total)).replace("%3", str(high)))

    # -- opening ----------------------------------------------------------------------------------
    def select_mineral(self, mineral: str) -> None:
        """Scroll to the mineral's newest alert (the shared selection changed elsewhere); emits nothing and
        leaves the filters alone, so that the analyst's reading of the list is not disturbed."""
        rows = [r for r in range(self.model.rowCount()) if self.model.record(r).get("mineral") == mineral]
        if rows:
            self.table.blockSignals(True)
            self.table.selectionModel().blockSignals(True)
            try:
                self.table.selectRow(rows[0])
                self.table.scrollTo(self.model.index(rows[0], 0))
            finally:
                self.table.selectionModel().blockSignals(False)
                self.table.blockSignals(False)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        source = self.model.source_of(row)
        if source:
            self.sig_open.emit(source)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        source = self.model.source_of(current.row())
        mineral = self.model.record(current.row()).get("mineral")
        if mineral:
            self.sig_mineral_selected.emit(str(mineral))
        if source:
            self.sig_cell_selected.emit(source)

    # -- rules and export -------------------------------------------------------------------------
    def edit_rules(self) -> None:
        from desktop.ui.dialogs.alert_rules import AlertRulesDialog

        dialog = AlertRulesDialog(self._rules, self)
        if dialog.exec() == AlertRulesDialog.DialogCode.Accepted and dialog.rules() != self._rules:
            self.set_rules(dialog.rules())
            self.sig_rules_changed.emit(self._rules)

    def export_table(self):
        """(headers, columns) of the alerts as shown, for the window's table export (taken now)."""
        shown = self.model.table_as_shown()
        return lambda: shown

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Alerts"), self.tr("alerts") + ".xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export_to(self, path: str) -> None:
        """Write the alerts as shown to ``path`` on the worker; ``last_export`` is set when it is written."""
        headers, columns = self.model.table_as_shown()
        sheet = self.tr("Alerts")

        def work(_state):
            from desktop.core.export.table_export import write_table

            return str(write_table(path, headers, columns, sheet=sheet))

        self.runner.submit(work, kind="alerts-export", label=self.tr("Exporting the alerts"),
                           on_done=self._exported)

    def _exported(self, path: str) -> None:
        self.last_export = path
        self.count.setText(self.count.text() + " · " + self.tr("Wrote %1").replace("%1", path))
