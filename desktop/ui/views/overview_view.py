"""The Overview (总览): the criticality table and chart of the selected list and year.

Left, one row per mineral: D (of the assessed country), M, R, HHI, the top producer and its share, the
supply-security category, the trend of D, M and R as arrows, and how many of D, M, R are at or above
their thresholds; each metric cell is filled against its threshold.  Right, the criticality chart: D
on x, R on y, point size by M, the two thresholds as dashed lines.  A row or a point selects the
mineral everywhere.  The chart (pyqtgraph) is built when the first results arrive, so the window
opens without loading the plotting library.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from desktop.ui.indicator_titles import indicator_tip, result_column_title
from desktop.ui.language import ui_language
from desktop.ui.models.results_model import Col, ResultsModel, prepare
from desktop.ui.views.results_pane import ResultsPane
from desktop.ui.widgets.table_view import ExcelTableView as DataTableView


class OverviewView(ResultsPane):
    sig_mineral_selected = Signal(str)
    sig_cell_selected = Signal(object)        # {"table", "key", "indicator"} for the Details dock
    sig_alerts_wanted = Signal(str)           # the alerts cell of a mineral: open the Alerts view

    def __init__(self, runner, parent=None) -> None:
        super().__init__(runner, parent)
        self.minerals: list[str] | None = None
        self.list_name: str | None = None
        self.year: int | None = None
        self.frame = None
        self.chart = None
        self.dataset = None               # for the alerts column: events and the risk matrix need the data
        self.alert_rules = None           # the Alerts view's rules (None: the defaults)
        self._selecting = False
        self.title = QLabel(self)
        self.title.setObjectName("overview_title")
        self.title.setAccessibleName(self.tr("Overview title"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Overview note"))
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export Table…"))
        self.export_button.setAccessibleName(self.tr("Export the Overview table"))
        self.export_button.setToolTip(self.tr("Write this table to an Excel workbook or a CSV file"))
        self.model = ResultsModel(self)
        self.table = DataTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Criticality table"))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(DataTableView.SelectionBehavior.SelectRows)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().currentChanged.connect(self._cell_changed)
        self.chart_box = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("The criticality chart appears when the indicators are computed."),
                                  self.chart_box)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.chart_layout.addWidget(self.placeholder)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.stale)
        head.addStretch(1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)
        self.show_results(None)

    # -- inputs -----------------------------------------------------------------------------------
    def set_selection(self, minerals: list[str] | None, list_name: str | None) -> None:
        self.minerals, self.list_name = minerals, list_name
        self.refresh()

    def set_year(self, year: int | None) -> None:
        if year != self.year:
            self.year = year
            self.refresh()

    # -- drawing ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.results is None or self.year is None:
            self.frame = None
            self.model.set_frame(None, [])
            self.title.setText(self.tr("Overview"))
            self.note.setText(self.tr("Open a project with data: the indicators are computed by themselves.")
                              if self.results is None else self.tr("The results have no year with D, M or R."))
            if self.chart is not None:
                self.chart.set_points([], [], [], [], [], x_threshold=None, y_threshold=None,
                                      x_label="D", y_label="R", size_label="M")
            return
        results, minerals, year, wanted = self.results, self.minerals, self.year, self.country
        dataset, rules, lang, registry = self.dataset, self.alert_rules, ui_language(), self.registry

        def work(_state):
            # on the worker: on a large project the year's rows are picked out of big tables, and the
            # display strings of every cell are made here, not on the GUI thread
            from desktop.core.metrics.overview import assessed_country, overview_table, thresholds_of

            country = assessed_country(results, wanted)
            frame = overview_table(results, minerals, year, country)
            frame, said = _with_alerts(frame, results, dataset, rules, country, year, lang)
            frame.attrs["alert_texts"] = said          # the tooltips of the alerts column
            thr = thresholds_of(results)
            return country, frame, thr, prepare(frame, self._columns(thr), registry, self._tips(frame, lang), lang)

        self.runner.submit(work, kind="overview", on_done=lambda out: self._show(results, *out))

    def _show(self, results, country, frame, thr: dict, prepared) -> None:
        if results is not self.results:
            return                       # newer results are on their way
        self.frame = frame
        self.model.set_prepared(prepared)
        self.table.fit_columns((prepared.shape_key, ui_language()))
        self._title(country)
        self._note(frame, country)
        self._draw_chart(frame, thr)

    def _columns(self, thr: dict) -> list[Col]:
        return [
            Col("mineral", self.tr("Mineral"), "mineral"),
            Col("D", "D", "share", indicator_tip("D"), thr.get("D")),
            Col("M", "M", "number", indicator_tip("M"), thr.get("M")),
            Col("R", "R", "number", indicator_tip("R"), thr.get("R")),
            Col("HHI", "HHI", "number", indicator_tip("HHI")),
            Col("top_country", result_column_title("top_country"), "country",
                self.tr("The largest producer at the stage shown")),
            Col("top_share", result_column_title("top_share"), "share", indicator_tip("top1")),
            Col("label" if ui_language() == "en" else "label_zh", result_column_title("category"), "text",
                indicator_tip("category")),
            Col("trend_D", result_column_title("trend_D"), "trend", self.tr("The trend of D over the years")),
            Col("trend_M", result_column_title("trend_M"), "trend", self.tr("The trend of M over the years")),
            Col("trend_R", result_column_title("trend_R"), "trend", self.tr("The trend of R over the years")),
            Col("above", result_column_title("above"), "count",
                self.tr("How many of D, M and R are at or above their thresholds")),
            Col("alerts", self.tr("Alerts"), "count",
                self.tr("The alerts this year raises for the mineral (the Alerts view lists them; click to open "
                        "it)")),
        ]

    def _tips(self, frame, lang: str) -> dict:
        stage = [self.tr("Stage shown: %1").replace("%1", str(s)) if isinstance(s, str) and s else ""
                 for s in frame["stage"]]
        mineral = [f"{self.registry.mineral_name(m, 'en' if lang == 'zh' else 'zh')} ({m})" if self.registry
                   else str(m) for m in frame["mineral"]]
        said = frame.attrs.get("alert_texts", {})
        alerts = ["\n".join(said.get(m, [])) for m in frame["mineral"]]
        return {"mineral": mineral, "R": stage, "HHI": stage, "alerts": alerts}

    def _title(self, country: str | None) -> None:
        parts = [self.list_name or self.tr("All minerals with data"), str(self.year)]
        if country:
            name = self.registry.country_name(country, ui_language()) if self.registry else country
            parts.append(self.tr("D for %1").replace("%1", name))
        self.title.setText(" · ".join(parts))

    def _note(self, frame, country: str | None) -> None:
        notes = []
        if self.minerals is not None and len(frame) < len(self.minerals):
            k = len(self.minerals) - len(frame)
            notes.append(self.tr("Minerals of the selection without D, M, R or HHI in %1: %2.")
                         .replace("%1", str(self.year)).replace("%2", str(k)))
        if not country:
            notes.append(self.tr("Choose an assessed country (toolbar) to see its import dependency D."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def _draw_chart(self, frame, thr: dict) -> None:
        if self.chart is None:
            from desktop.ui.plots.quadrant import QuadrantChart

            self.chart = QuadrantChart(self.chart_box)
            self.chart.setAccessibleName(self.tr("Criticality chart"))
            self.chart.sig_clicked.connect(self._point_clicked)
            self.placeholder.hide()
            self.chart_layout.addWidget(self.chart)
        lang = ui_language()
        names = [self.registry.mineral_name(m, lang) if self.registry else m for m in frame["mineral"]]
        self.chart.set_export_name(self.tr("criticality chart %1").replace("%1", str(self.year)))
        self.chart.set_points(list(frame["mineral"]), names, frame["D"].to_numpy(float), frame["R"].to_numpy(float),
                              frame["M"].to_numpy(float), x_threshold=thr.get("D"), y_threshold=thr.get("R"),
                              x_label=self.tr("Import dependency D"), y_label=self.tr("Supply risk R"),
                              size_label="M")
        missing = self.chart.missing()
        if missing:
            self.note.setText((self.note.text() + " " + self.tr(
                "Not on the chart (no D or no R): %1.").replace("%1", str(len(missing)))).strip())
            self.note.show()

    # -- selection --------------------------------------------------------------------------------
    def select_mineral(self, mineral: str) -> None:
        """Select the mineral's row and point (the shared selection changed elsewhere)."""
        row = self.model.find("mineral", mineral)
        self._selecting = True
        try:
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(self.model.index(row, 0))
            if self.chart is not None:
                self.chart.select(mineral)
        finally:
            self._selecting = False

    def current_mineral(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()).get("mineral") if index.isValid() else None

    def _row_changed(self, current, _previous) -> None:
        if self._selecting or not current.isValid():
            return
        mineral = self.model.record(current.row()).get("mineral")
        if mineral:
            if self.chart is not None:
                self.chart.select(mineral)
            self.sig_mineral_selected.emit(mineral)

    def _cell_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        record = self.model.record(current.row())
        column = self.model.cols[current.column()].id
        if column == "alerts":
            self.sig_alerts_wanted.emit(record.get("mineral"))
            return
        self.sig_cell_selected.emit(self.cell_key(record, column))

    def cell_key(self, record: dict, column: str) -> dict:
        """What Details should explain for an Overview cell: the results row behind it."""
        mineral, year = record.get("mineral"), self.year
        stage = record.get("stage") or ""
        if column in ("D", "trend_D", "label", "label_zh"):
            table = "import_dependency" if column in ("D", "trend_D") else "supply_categories"
            return {"table": table, "indicator": "D", "key": {"mineral": mineral, "country": record.get("country"),
                                                              "year": year}}
        if column in ("M", "trend_M"):
            return {"table": "market_dynamics", "indicator": "M", "key": {"mineral": mineral, "year": year}}
        if column in ("top_country", "top_share"):
            return {"table": "concentration", "indicator": "top1",
                    "key": {"mineral": mineral, "year": year, "stage": stage}}
        return {"table": "supply_risk", "indicator": "R", "key": {"mineral": mineral, "year": year, "stage": stage}}

    def _point_clicked(self, mineral: str) -> None:
        self.select_mineral(mineral)
        self.sig_mineral_selected.emit(mineral)
        self.sig_cell_selected.emit(self.cell_key(self.model.record(max(self.model.find("mineral", mineral), 0)),
                                                  "R"))

    def export_table(self):
        """A function giving (headers, columns) of the table as shown, for the table export (taken now:
        a few hundred cells)."""
        shown = table_as_shown(self.model)
        return lambda: shown


def table_as_shown(model: ResultsModel) -> tuple[list[str], list[list]]:
    """The model's headers and, per column, the values in the shown order (numbers as numbers, names as
    shown) — what an analyst expects in Excel."""
    headers = [c.title for c in model.cols]
    columns = []
    for i, col in enumerate(model.cols):
        if col.kind in ("number", "share", "count"):
            from desktop.ui.models.results_model import RAW_ROLE

            columns.append([model.data(model.index(r, i), RAW_ROLE) for r in range(model.rowCount())])
        else:
            columns.append([model.data(model.index(r, i)) for r in range(model.rowCount())])
    return headers, columns


def _with_alerts(frame, results, dataset, rules, country, year, lang):
    """The Overview's frame with an ``alerts`` count per mineral for ``year`` (the Alerts view's rules),
    and {mineral: the alerts' sentences} for the tooltips; worker thread."""
    from desktop.core.alert_rules import AlertRules
    from desktop.core.alerts import compute_alerts
    from desktop.core.messages import translate

    if len(frame) == 0:
        return frame.assign(alerts=0), {}
    alerts = compute_alerts(results, dataset, rules or AlertRules(), country=country,
                            minerals=list(frame["mineral"]), year=year)
    counts = alerts.groupby("mineral").size() if len(alerts) else {}
    said: dict[str, list[str]] = {}
    for row in alerts.itertuples(index=False):
        said.setdefault(row.mineral, []).append(translate(row.what, lang))
    return frame.assign(alerts=[int(counts.get(m, 0)) if len(alerts) else 0 for m in frame["mineral"]]), said
