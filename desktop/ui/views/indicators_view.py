"""The Indicators view (指标): one indicator at a time — its results table, the time series of the selected
minerals with the threshold, and one mineral's production shares by country.

The table holds the indicator's results rows for the shared selection (and the assessed country where
the indicator is per country); clicking a cell explains it in Details and selects its mineral
everywhere.  The plots (pyqtgraph) are built when they are first needed.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from desktop.ui.indicator_titles import indicator_name, indicator_short, indicator_tip, result_column_title
from desktop.ui.language import ui_language
from desktop.ui.models.results_model import Col, ResultsModel
from desktop.ui.views.results_pane import ResultsPane
from desktop.ui.widgets.table_view import ExcelTableView as DataTableView

ORDER = ("D", "M", "R", "HHI", "gamma", "G", "C", "top1", "topk", "reserve_years", "category", "R_recycled",
         "EU_SR", "GeoPolRisk", "import_HHI", "import_top1", "import_high_risk", "demand")
MAX_SERIES = 12          # more lines than this are unreadable; the note says how many were left out
KEY_COLUMNS = ("mineral", "country", "year", "stage", "basis", "metric")
TEXT_COLUMNS = {"flag", "explanation", "explanation_zh", "label", "label_zh", "category", "topk_countries",
                "topk_names", "top1_name", "warning", "status", "basis", "production_stage", "method"}
COUNTRY_KINDS = {"country", "top1_country", "top1_partner", "largest_producer", "partner"}
SHARE_COLUMNS = {"D", "share", "top1_share", "topk_share", "others_share", "coverage", "production_share",
                 "reserves_share", "IR", "eol_rir", "secondary_share", "high_risk_share", "gamma_coverage"}


class IndicatorsView(ResultsPane):
    sig_mineral_selected = Signal(str)
    sig_cell_selected = Signal(object)

    def __init__(self, runner, parent=None) -> None:
        super().__init__(runner, parent)
        self.minerals: list[str] | None = None
        self.current: str | None = None
        self.series_plot = None
        self.shares_plot = None
        self._selecting = False
        self._wanted_row: dict | None = None     # the row to make current when its table arrives (want_row)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Indicator"))
        for ind in ORDER:
            self.choice.addItem(indicator_name(ind), ind)
            self.choice.setItemData(self.choice.count() - 1, indicator_tip(ind), Qt.ItemDataRole.ToolTipRole)
        self.choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Indicator note"))
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export Table…"))
        self.export_button.setAccessibleName(self.tr("Export the indicator table"))
        self.export_button.setToolTip(self.tr("Write this table to an Excel workbook or a CSV file"))
        self.model = ResultsModel(self)
        self.table = DataTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Indicator results"))
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentChanged.connect(self._cell_changed)
        self.plots = QTabWidget(self)
        self.plots.setAccessibleName(self.tr("Indicator plots"))
        self.series_box = self._box(self.tr("The time series appear when the indicators are computed."))
        self.shares_box = self._box(self.tr("Select a mineral to see its production shares by country."))
        self.plots.addTab(self.series_box, self.tr("Time series"))
        self.plots.addTab(self.shares_box, self.tr("Production shares"))
        self.plots.currentChanged.connect(lambda _i: self._draw_shares())
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.plots)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])        # the plot gets the larger part, whatever the table's hint
        self.splitter.setChildrenCollapsible(False)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Indicator:"), self))
        head.addWidget(self.choice)
        head.addWidget(self.stale)
        head.addStretch(1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)

    def _box(self, text: str) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text, box)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        lay.addWidget(label)
        box.placeholder = label
        return box

    # -- inputs -----------------------------------------------------------------------------------
    def indicator(self) -> str:
        return self.choice.currentData()

    def set_indicator(self, ind: str) -> None:
        self.choice.setCurrentIndex(max(self.choice.findData(ind), 0))

    def set_selection(self, minerals: list[str] | None) -> None:
        self.minerals = minerals
        self.refresh()

    # -- drawing ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.results is None:
            self.model.set_frame(None, [])
            self.note.setText(self.tr("Open a project with data: the indicators are computed by themselves."))
            return
        results, minerals, wanted, ind_id = self.results, self.minerals, self.country, self.indicator()
        registry, lang = self.registry, ui_language()

        def work(_state):
            # on the worker: a results table can hold tens of thousands of rows (D for every country)
            from desktop.core.metrics.overview import (
                INDICATORS, assessed_country, indicator_rows, indicator_series, threshold_for,
            )
            from desktop.ui.models.results_model import prepare

            ind = INDICATORS[ind_id]
            country = assessed_country(results, wanted) if ind.by_country else wanted
            frame = indicator_rows(results, ind, minerals, country)
            threshold = threshold_for(results, ind)
            prepared = prepare(frame, self._columns(frame, ind, threshold, lang), registry,
                               self._tips(frame, lang), lang)
            return ind, threshold, prepared, indicator_series(results, ind, minerals, country)

        self.runner.submit(work, kind="indicator", on_done=lambda out: self._show(results, *out))

    def _show(self, results, ind, threshold, prepared, series) -> None:
        if results is not self.results or ind.id != self.indicator():
            return                       # newer results or another indicator are on their way
        self.model.set_prepared(prepared)
        self.table.fit_columns((ind.id, prepared.shape_key, ui_language()))
        notes = []
        if self.model.rowCount() == 0:
            notes.append(self.tr("No results for this indicator: its inputs are not in the project, or not "
                                 "for the selected minerals (see Problems)."))
        self._draw_series(ind, threshold, series, notes)
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self._draw_shares()
        wanted, self._wanted_row = self._wanted_row, None
        if wanted:
            self.select_row(wanted)

    def want_row(self, key: dict) -> None:
        """Make the row of ``key`` current — now if the table shows it, else when the table that holds it
        arrives (an alert opened from the Alerts view switches the indicator first, and that is computed on
        the worker)."""
        self._wanted_row = None
        if not self.select_row(key):
            self._wanted_row = dict(key)

    def _columns(self, frame, ind, threshold, lang: str) -> list[Col]:
        cols = []
        for name in frame.columns:
            if name in ("mineral_zh", "label_zh", "explanation_zh") and lang != "zh":
                continue
            if name in ("label", "explanation") and lang == "zh" and f"{name}_zh" in frame.columns:
                continue
            if name == "mineral":
                kind = "mineral"
            elif name in COUNTRY_KINDS and not ind.per_country_only or name == "country":
                kind = "country"
            elif name == "stage":
                kind = "stage"
            elif name == "trend":
                kind = "trend"
            elif name in TEXT_COLUMNS or frame[name].dtype == object or str(frame[name].dtype) == "category":
                kind = "text"
            elif name in SHARE_COLUMNS:
                kind = "share"
            elif name in ("year", "first_year", "last_year", "base_year", "target_year", "n", "k", "n_countries",
                          "category_no", "n_indicators", "n_partners", "latest_year", "eol_rir_year",
                          "production_year", "partners", "rank", "gamma_year"):
                kind = "count"
            else:
                kind = "number"
            title = indicator_short(ind.id) if name == ind.column else result_column_title(name)
            tip = indicator_tip(ind.id) if name == ind.column else ""
            cols.append(Col(name, title, kind, tip, threshold if name == ind.column else None,
                            decimals=1 if name in ("rp_years",) else 0 if name in ("imports",) else 3))
        return cols

    @staticmethod
    def _tips(frame, lang: str) -> dict:
        if "flag" not in frame.columns:
            return {}
        from desktop.core.messages import describe_flags

        return {"flag": [describe_flags(f, lang) if isinstance(f, str) and f else "" for f in frame["flag"]]}

    def _draw_series(self, ind, threshold, series, notes: list) -> None:
        if self.series_plot is None:
            from desktop.ui.plots.timeseries import TimeSeriesPlot

            self.series_plot = TimeSeriesPlot(self.series_box)
            self.series_plot.setAccessibleName(self.tr("Time series plot"))
            self.series_plot.sig_clicked.connect(self._point_clicked)
            self.series_box.placeholder.hide()
            self.series_box.layout().addWidget(self.series_plot)
        if len(series) > MAX_SERIES:
            notes.append(self.tr("The plot shows the first %1 of %2 series: check fewer minerals in the Minerals "
                                 "panel.").replace("%1", str(MAX_SERIES)).replace("%2", str(len(series))))
            series = series[:MAX_SERIES]
        lang = ui_language()
        several_stages = len({s.stage for s in series}) > 1
        several_countries = len({s.country for s in series}) > 1
        shown = []
        for s in series:
            if ind.per_country_only:
                name = self.registry.country_name(s.mineral, lang) if self.registry else s.mineral
            else:
                name = self.registry.mineral_name(s.mineral, lang) if self.registry else s.mineral
            extra = [x for x, show in ((s.country, several_countries), (s.stage, several_stages)) if show and x]
            if extra:
                name = f"{name} ({', '.join(extra)})"
            shown.append((s.mineral, name, list(s.years), list(s.values)))
        label = self.tr("threshold of %1").replace("%1", indicator_short(ind.id))
        self.series_plot.set_export_name(indicator_name(ind.id))
        self.series_plot.set_series(shown, y_label=indicator_name(ind.id), threshold=threshold,
                                    threshold_label=label)

    def _draw_shares(self) -> None:
        if self.results is None or self.plots.currentWidget() is not self.shares_box:
            return
        mineral = self.current or (self.minerals[0] if self.minerals else None)
        if mineral is None:
            return
        from desktop.core.metrics.overview import OTHERS, production_layers, production_stages
        from desktop.ui.titles import stage_title

        if self.shares_plot is None:
            from desktop.ui.plots.stacked import StackedAreaPlot

            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Stage:"), self.shares_box))
            self.stage_choice = QComboBox(self.shares_box)
            self.stage_choice.setAccessibleName(self.tr("Production stage"))
            self.stage_choice.setToolTip(self.tr("The stage of the chain whose production shares are shown"))
            self.stage_choice.activated.connect(lambda _i: self._draw_shares())
            row.addWidget(self.stage_choice)
            row.addStretch(1)
            self.shares_plot = StackedAreaPlot(self.shares_box)
            self.shares_plot.setAccessibleName(self.tr("Production shares plot"))
            self.shares_box.placeholder.hide()
            self.shares_box.layout().addLayout(row)
            self.shares_box.layout().addWidget(self.shares_plot)
        stages = production_stages(self.results, mineral)
        wanted = self.stage_choice.currentData()
        self.stage_choice.blockSignals(True)
        self.stage_choice.clear()
        for s in stages:
            self.stage_choice.addItem(stage_title(s) if s else self.tr("(not named)"), s)
        self.stage_choice.setCurrentIndex(max(self.stage_choice.findData(wanted), 0) if wanted in stages else 0)
        self.stage_choice.blockSignals(False)
        stage, years, layers = production_layers(self.results, mineral, self.stage_choice.currentData())
        lang = ui_language()
        named = [(self.tr("others") if c == OTHERS else
                  (self.registry.country_name(c, lang) if self.registry else c), list(v)) for c, v in layers]
        name = self.registry.mineral_name(mineral, lang) if self.registry else mineral
        title = self.tr("%1: production shares by country").replace("%1", name)
        if stage:
            title += f" ({stage_title(stage)})"
        self.shares_plot.set_export_name(title)
        self.shares_plot.set_shares(list(years), named, title=title)

    # -- selection --------------------------------------------------------------------------------
    def select_mineral(self, mineral: str) -> None:
        self.current = mineral
        row = self.model.find("mineral", mineral)
        self._selecting = True
        try:
            if row >= 0 and self.model.record(self.table.currentIndex().row()).get("mineral") != mineral:
                self.table.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                            QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._selecting = False
        self._draw_shares()

    def select_row(self, key: dict) -> bool:
        """Make the row whose key columns equal ``key`` current (a walkthrough, Details links)."""
        frame = self.model.frame
        if frame is None:
            return False
        for position in range(self.model.rowCount()):
            record = self.model.record(position)
            if all(str(record.get(k)) == str(v) for k, v in key.items()):     # 2023 and np.int64(2023) alike
                column = max(0, next((i for i, c in enumerate(self.model.cols) if c.id == self.indicator_column()),
                                     0))
                self.table.setCurrentIndex(self.model.index(position, column))
                self.table.scrollTo(self.model.index(position, column))
                return True
        return False

    def indicator_column(self) -> str:
        from desktop.core.metrics.overview import INDICATORS

        return INDICATORS[self.indicator()].column

    def _cell_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        record = self.model.record(current.row())
        from desktop.core.metrics.overview import INDICATORS

        ind = INDICATORS[self.indicator()]
        key = {k: record[k] for k in KEY_COLUMNS if k in record and record[k] is not None}
        self.sig_cell_selected.emit({"table": ind.table, "indicator": ind.id, "key": key})
        mineral = record.get("mineral")
        if mineral and not self._selecting and mineral != self.current:
            self.current = mineral
            self._draw_shares()
            self.sig_mineral_selected.emit(mineral)

    def _point_clicked(self, mineral: str, year: int) -> None:
        from desktop.core.metrics.overview import INDICATORS

        ind = INDICATORS[self.indicator()]
        key = {("country" if ind.per_country_only else "mineral"): mineral, "year": int(year)}
        if not self.select_row(key) and not ind.per_country_only:
            self.select_mineral(mineral)
            self.sig_mineral_selected.emit(mineral)

    def export_table(self):
        from desktop.ui.views.overview_view import table_as_shown

        shown = table_as_shown(self.model)
        return lambda: shown
