"""Compare Lists: which minerals two or more lists share, as a table of ticks and an overlap chart.

The analyst ticks the lists to compare (official and the project's own, as the caller passes them); the
table has a row per mineral on any of them and a tick per list, the chart counts each combination of
lists (Venn for two or three, UpSet bars for more). A click on a region or bar selects its minerals in
the table and emits ``sig_minerals_chosen`` with their ids, so the window can select them everywhere.
The table exports to xlsx or CSV as shown (sorted, names in the interface language, ticks as ✓); the
chart has the plots' own PNG, SVG and Copy actions.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import CritMinError
from desktop.ui.models.membership_model import MembershipModel
from desktop.ui.plots.overlap import OverlapChart
from desktop.ui.widgets.accessibility import name_inner_controls
from desktop.ui.widgets.table_view import ExcelTableView

_HEADER_WRAP = 12           # characters: a long list name wraps in its column header instead of widening it


class CompareListsDialog(QDialog):
    """Choose two or more of ``lists`` ({shown name: mineral ids}) and see their overlap.

    ``preselected`` names the lists ticked at the start (default: the first two); ``runner`` (a
    :class:`~desktop.ui.tasks.TaskRunner`) writes the exported table on the worker, without it the
    export is written at once. A member that is not a registry id is shown as written.
    """

    sig_minerals_chosen = Signal(list)

    def __init__(self, lists: dict[str, list[str]], registry, parent: QWidget | None = None, *,
                 preselected: list[str] | None = None, runner=None) -> None:
        super().__init__(parent)
        self.lists = {str(name): list(ids) for name, ids in lists.items()}
        self.registry = registry
        self.runner = runner
        self.setWindowTitle(self.tr("Compare Lists"))
        self.setAccessibleName(self.tr("Compare Lists"))
        self.resize(1220, 700)
        chosen = set(preselected) if preselected is not None else set(list(self.lists)[:2])

        # the lists to compare
        self.chooser = QListWidget(self)
        self.chooser.setAccessibleName(self.tr("Lists to compare"))
        self.chooser.setToolTip(self.tr("Tick two or more lists to compare them"))
        for name, ids in self.lists.items():
            item = QListWidgetItem(name, self.chooser)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("%1: %2").replace("%1", name).replace("%2", self._minerals_text(len(set(ids)))))
        chooser_label = QLabel(self.tr("&Lists to compare:"), self)
        chooser_label.setBuddy(self.chooser)
        chooser_panel = QWidget(self)
        chooser_layout = QVBoxLayout(chooser_panel)
        chooser_layout.setContentsMargins(0, 0, 0, 0)
        chooser_layout.addWidget(chooser_label)
        chooser_layout.addWidget(self.chooser, 1)
        # as wide as the longest name up to a limit; a longer name wraps onto a second line
        self.chooser.setWordWrap(True)
        self.chooser.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.chooser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widest = max((self.chooser.fontMetrics().horizontalAdvance(n) for n in self.lists), default=120)
        chooser_width = min(widest + 48, 210)          # the check box, the frame and a scroll bar
        chooser_panel.setMinimumWidth(min(chooser_width, 160))

        # the membership table
        self.model = MembershipModel(self)
        self.model.header_wrap = _HEADER_WRAP
        self.table = ExcelTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Membership table"))
        self.table.setToolTip(self.tr("A tick marks a mineral on a list; click a column header to sort"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for corner in self.table.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
            corner.setAccessibleName(self.tr("Select all minerals"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        # the overlap chart
        self.chart = OverlapChart(self)
        self.chart.sig_region_clicked.connect(self._region_clicked)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setAccessibleName(self.tr("Lists, table and chart"))
        splitter.setChildrenCollapsible(False)
        for widget in (chooser_panel, self.table, self.chart):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([chooser_width, 560, 1220 - chooser_width - 560])

        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Comparison summary"))
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Export status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export Table…"), self)
        self.export_button.setAccessibleName(self.tr("Export Table…"))
        self.export_button.setToolTip(self.tr("Save the membership table as an Excel workbook or a CSV file"))
        self.export_button.clicked.connect(self._ask_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(close.text().replace("&", ""))
        close.setToolTip(self.tr("Close the comparison"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

        self.chooser.itemChanged.connect(lambda _item: self.refresh())
        self.refresh()
        name_inner_controls(self)

    # public ---------------------------------------------------------------------------------------
    def chosen(self) -> list[str]:
        """The ticked lists, in the order they are offered."""
        return [self.chooser.item(r).text() for r in range(self.chooser.count())
                if self.chooser.item(r).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, names: list[str]) -> None:
        """Tick exactly ``names`` (others unticked) and show their comparison."""
        self.chooser.blockSignals(True)
        for r in range(self.chooser.count()):
            item = self.chooser.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
        self.chooser.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the table and the chart for the ticked lists."""
        chosen = self.chosen()
        self.model.set_lists(self.lists, self.registry, chosen)
        labels = {item: self.model.label(item) for item in self.model.ids}
        self.chart.set_lists(self.model.names, self.model.members(), labels)
        self.chart.set_export_name("list-overlap-" + "-".join(chosen) if chosen else "list-overlap")
        QTimer.singleShot(0, self._fit_table)
        self.export_button.setEnabled(len(chosen) >= 1 and self.model.rowCount() > 0)
        if len(chosen) < 2:
            self.summary.setText(self.tr("Tick two or more lists to compare them."))
            return
        on_all = len(self.chart.regions().get(tuple(range(len(chosen))), []))
        total = self.model.rowCount()
        text = self.tr("%1 on at least one of the %2 lists; %3 on all of them.")
        self.summary.setText(text.replace("%1", self._minerals_text(total)).replace(
            "%2", QLocale().toString(len(chosen))).replace("%3", QLocale().toString(on_all)))

    def select_minerals(self, ids: list[str]) -> None:
        """Select the rows of ``ids`` in the table (others unselected) and scroll to the first."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r >= 0)
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def selected_minerals(self) -> list[str]:
        """The ids of the selected rows, top to bottom."""
        return [self.model.ids[r] for r in self.table.selected_rows()]

    def export_table(self, path: str | Path) -> None:
        """Write the table as shown to ``path`` (.xlsx or .csv): on the runner when there is one."""
        from desktop.core.export.table_export import write_table

        path = str(path)
        headers, columns = self.model.table()
        kinds = ["text"] * (len(headers) - 1) + ["number"]
        sheet = self.tr("Comparison")

        def work(_state=None):
            write_table(path, headers, columns, sheet=sheet, kinds=kinds)
            return path

        if self.runner is not None:
            self.runner.submit(work, kind="export-comparison", label=self.tr("Exporting the comparison"),
                               on_done=self._exported, on_error=self._export_failed)
            return
        try:
            work()
        except (OSError, ValueError, CritMinError) as error:       # WriteError: a CritMinError with its sentence
            self._export_failed(error)
            return
        self._exported(path)

    # private --------------------------------------------------------------------------------------
    def _minerals_text(self, n: int) -> str:
        return self.tr("1 mineral") if n == 1 else self.tr("%1 minerals").replace("%1", QLocale().toString(n))

    def _fit_table(self) -> None:
        """Share the room between table and chart: the table as wide as its columns, as long as the chart
        keeps what it needs (a Venn diagram 400 px, UpSet bars 560 px); the rest goes to the chart."""
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or not sum(sizes):
            return
        need = (self.table.horizontalHeader().length() + self.table.verticalScrollBar().sizeHint().width()
                + 2 * self.table.frameWidth())
        chart_min = 560 if self.chart.mode == "upset" else 400
        room = sizes[1] + sizes[2]
        table = max(min(need, room - chart_min), min(room // 2, 300))
        if table != sizes[1]:
            self.splitter.setSizes([sizes[0], table, room - table])

    def _region_clicked(self, key) -> None:
        ids = self.chart.regions().get(tuple(key), [])
        self.select_minerals(ids)
        self.sig_minerals_chosen.emit([i for i in ids if self.model.is_known(i)])

    def _ask_export(self) -> None:
        from desktop.paths import documents_dir

        proposed = Path(documents_dir()) / "list-comparison.xlsx"
        xlsx, csv_ = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
        path, chosen_filter = QFileDialog.getSaveFileName(self, self.tr("Export Table"), str(proposed),
                                                          f"{xlsx};;{csv_}")
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if chosen_filter == csv_ else ".xlsx"
        self.export_table(path)

    def _exported(self, path: str) -> None:
        self.status.setText(self.tr("Wrote %1").replace("%1", path))

    def _export_failed(self, error: BaseException) -> None:
        from desktop.ui.tasks import error_sentence
        from desktop.ui.widgets.messages import tell

        self.status.setText("")
        tell(self, self.tr("Table not exported"), error_sentence(error))
