"""The Scenarios view (情景): the project's what-if scenarios and a scenario's results beside the baseline.

Above, the scenarios (name, rationale) with New…, Duplicate…, Edit… and Delete — each one undo step
written through the document (the ``scenarios`` table) — and the selected scenario's changes, rationale
and source beside them.  Below, at the view's whole width, after Run (on the worker: the engine on the changed data,
then :func:`desktop.core.scenarios.compare`), the comparison for the selected list's minerals and the
toolbar year: baseline, scenario and the change per indicator, the change signed and coloured (red:
supply less secure, green: more).  Ticked scenarios run together, in one task, and show side by side:
the baseline, then per scenario its value and its change (:func:`desktop.core.scenarios.compare_many`).
A click on a row of HHI, R, D, a share or a category emits :attr:`ScenariosView.sig_cell_selected` with
the scenario's own results and changed dataset, for Details to explain the number from the scenario's
run.  Export… writes the comparison as shown to xlsx on the worker.

A scenario's comparison follows the baseline: new results, another year or another list run it again
(when the tab is on screen; a hidden tab runs it when shown), and until then the table says it is out
of date.
"""
from __future__ import annotations

import html

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.models.scenario_model import ComparisonModel, ScenarioListModel, change_text
from desktop.ui.views.results_pane import ResultsPane

# comparison metric -> the results table Details explains it from
EXPLAINED = {"HHI": "supply_risk", "R": "supply_risk", "D": "import_dependency", "share": "production_shares",
             "category": "supply_categories"}


class ScenariosView(ResultsPane):
    sig_mineral_selected = Signal(str)
    # {"table", "key", "indicator", "results", "dataset", "scenario"}: a number of a scenario's run, for Details
    sig_cell_selected = Signal(object)

    def __init__(self, document, runner, parent=None) -> None:
        super().__init__(runner, parent)
        self.document = document
        self.dataset = None
        self.year: int | None = None
        self.minerals: list[str] | None = None
        self.list_name: str | None = None
        self.shown_name: str | None = None   # the scenario whose comparison is on screen (the first of several)
        self.shown_names: list[str] = []      # every scenario on screen, in column order
        self.runs: dict = {}                  # name -> (its Results, its applied Dataset) of the comparison shown
        self.frame = None
        self.dialog = None
        self.last_export: Path | None = None
        self._loaded = False                 # the list has been read from the open project
        self._wanted: str | None = None      # the scenario just written: selected when the list comes back

        self.list_model = ScenarioListModel(self)
        self.list = QTableView(self)
        self.list.setModel(self.list_model)
        self.list.setAccessibleName(self.tr("Scenarios"))
        self.list.setToolTip(self.tr("The project's what-if scenarios; select one and press Run, or tick several "
                                     "to compare them side by side"))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)          # one line per scenario; the whole rationale is shown below
        self.list.setColumnHidden(1, True)    # the rationale: shown whole under the list
        self.list.doubleClicked.connect(lambda _i: self.edit())
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.list_model.dataChanged.connect(lambda *_: self._update_buttons())

        def button(text: str, name: str, tip: str, slot) -> QPushButton:
            b = QPushButton(text, self)
            b.setAccessibleName(name)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.new_button = button(self.tr("New…"), self.tr("New scenario"),
                                 self.tr("Define a new scenario: its name, rationale, source and changes"), self.new)
        self.duplicate_button = button(self.tr("Duplicate…"), self.tr("Duplicate scenario"),
                                       self.tr("Copy the selected scenario under a new name, to edit the copy"),
                                       self.duplicate)
        self.edit_button = button(self.tr("Edit…"), self.tr("Edit scenario"),
                                  self.tr("Change the selected scenario"), self.edit)
        self.delete_button = button(self.tr("Delete"), self.tr("Delete scenario"),
                                    self.tr("Delete the selected scenario (Edit → Undo brings it back)"), self.delete)
        self.run_button = button(self.tr("Run"), self.tr("Run scenario"),
                                 self.tr("Compute the indicators with the scenario's changes, beside the baseline; "
                                         "with scenarios ticked, all the ticked ones side by side"),
                                 lambda: self.run())
        self.export_button = button(self.tr("Export…"), self.tr("Export the comparison"),
                                    self.tr("Write the comparison to an Excel workbook"), self.export)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about.setAccessibleName(self.tr("Selected scenario"))
        about_box = QScrollArea(self)          # a long rationale scrolls instead of pushing the comparison down
        about_box.setWidget(self.about)
        about_box.setWidgetResizable(True)
        about_box.setFrameShape(QFrame.Shape.NoFrame)
        list_pane = QWidget(self)
        lv = QVBoxLayout(list_pane)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        lv.addLayout(buttons)
        left = QWidget(self)    # the scenarios and the selected one's changes and rationale, side by side
        lh = QHBoxLayout(left)
        lh.setContentsMargins(0, 0, 0, 0)
        lh.addWidget(list_pane, 1)
        lh.addWidget(about_box, 1)

        self.title = QLabel(self)
        self.title.setAccessibleName(self.tr("Comparison title"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)        # a long scenario name wraps instead of widening the window
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Comparison note"))
        self.model = ComparisonModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Scenario comparison"))
        self.table.setToolTip(self.tr("Baseline, scenario and change; red: supply less secure, green: more secure"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.clicked.connect(self._row_clicked)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.stale)
        top.addWidget(self.run_button)
        top.addWidget(self.export_button)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(top)
        rv.addWidget(self.note)
        rv.addWidget(self.table, 1)

        # The scenarios above, the comparison below at the whole width: baseline, scenario and change stay
        # visible beside mineral, stage, country and indicator at 1280×800 with the docks open.
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([190, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        document.sig_tables_changed.connect(self._tables_changed)
        document.sig_opened.connect(lambda _path: self.reload())
        document.sig_closed.connect(self._closed)
        self._update_buttons()

    # -- the window's calls -----------------------------------------------------------------------------------
    def set_registry(self, registry) -> None:
        self.registry = registry
        if self.frame is not None:
            self.model.set_frame(self.frame, registry)

    def show_results(self, results, dataset, year=...) -> None:
        """New baseline results and the dataset they were computed from (and, when given, the year to show).

        The list is the project's scenarios table, read from the file (on opening and after each change of
        it), not the dataset's: a dataset read before an edit would bring back the scenarios before it."""
        self.results, self.dataset = results, dataset
        if year is not ...:
            self.year = year
        if not self._loaded:
            self.reload()
        self._baseline_changed()

    def set_year(self, year: int | None) -> None:
        if year != self.year:
            self.year = year
            self._baseline_changed()

    def set_selection(self, minerals: list[str] | None, list_name: str | None) -> None:
        self.minerals, self.list_name = minerals, list_name
        self._baseline_changed()

    def set_stale(self, stale: bool) -> None:
        self.stale.setVisible(stale and self.frame is not None)
        self.model.set_stale(stale)

    def redraw(self) -> None:
        """Run the comparison on screen again (``refresh``: only the tab on screen; a hidden one when shown)."""
        self.run(self.shown_names or self.shown_name)

    # -- the list ---------------------------------------------------------------------------------------------
    @property
    def scenarios(self) -> list:
        return self.list_model.scenarios

    def selected(self):
        rows = self.list.selectionModel().selectedRows()
        return self.scenarios[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for i, s in enumerate(self.scenarios):
            if s.name == name:
                self.list.selectionModel().select(
                    self.list_model.index(i, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return

    def reload(self) -> None:
        """Read the scenarios table from the project (after an edit, an undo, an import)."""
        if self.document is None or not self.document.is_open:
            return
        self._loaded = True
        self.document.read(lambda project, _state: project.read("scenarios"), kind="scenarios-list",
                           on_done=self._set_rows)

    def _set_rows(self, frame) -> None:
        from desktop.core.scenarios import from_rows

        keep = self.selected()
        keep_name = self._wanted or (keep.name if keep is not None else None)
        self._wanted = None
        self.list_model.set_scenarios(from_rows(frame), self.registry)
        self.list.resizeColumnToContents(0)
        if keep_name is not None and any(x.name == keep_name for x in self.scenarios):
            self.select(keep_name)
        elif self.scenarios and not self.list.selectionModel().hasSelection():
            self.select(self.scenarios[0].name)
        self._selection_changed()

    def _tables_changed(self, tables) -> None:
        if "scenarios" in set(tables):
            self.reload()

    def _closed(self) -> None:
        self._loaded = False
        self.list_model.set_scenarios([])
        self.results = self.dataset = self.frame = None
        self.shown_name = None
        self.shown_names, self.runs = [], {}
        self.model.set_frame(None)
        self.title.clear()
        self.note.clear()
        self._update_buttons()

    def _selection_changed(self) -> None:
        s = self.selected()
        if s is None:
            self.about.clear()
        else:
            lines = [f"<b>{_html(s.name)}</b>"] + [_html(change_text(c, self.registry)) for c in s.changes]
            if s.rationale:
                lines.append(_html(s.rationale))
            if s.source:
                lines.append(self.tr("Source: %1").replace("%1", _html(s.source)))
            self.about.setText("<br>".join(lines))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        is_open = self.document is not None and self.document.is_open
        self.new_button.setEnabled(is_open)
        for b in (self.duplicate_button, self.edit_button, self.delete_button):
            b.setEnabled(has and is_open)
        ready = self.results is not None and self.dataset is not None
        self.run_button.setEnabled((has or bool(self.list_model.checked())) and ready)
        self.export_button.setEnabled(self.frame is not None and len(self.frame) > 0)

    # -- editing: one undo step each --------------------------------------------------------------------------
    def new(self) -> None:
        self._open_editor(None, self.tr("New Scenario"), taken={s.name for s in self.scenarios})

    def duplicate(self) -> None:
        from desktop.core.scenarios import free_name

        s = self.selected()
        if s is None:
            return
        names = {x.name for x in self.scenarios}
        copy = s.renamed(free_name(names, self.tr("%1 (copy)").replace("%1", s.name)))
        self._open_editor(copy, self.tr("Duplicate Scenario"), taken=names)

    def edit(self) -> None:
        s = self.selected()
        if s is None:
            return
        self._open_editor(s, self.tr("Edit Scenario"), taken={x.name for x in self.scenarios} - {s.name}, old=s.name)

    def _open_editor(self, scenario, title: str, *, taken: set, old: str | None = None) -> None:
        from desktop.ui.dialogs.scenario_edit import ScenarioEditDialog

        self.dialog = ScenarioEditDialog(self.registry, scenario, taken=taken, title=title, parent=self)
        self.dialog.accepted.connect(lambda d=self.dialog: self._write(d.scenario(), old))
        self.dialog.open()

    def _write(self, scenario, old: str | None) -> None:
        if old is None:
            text = self.tr("New Scenario “%1”").replace("%1", scenario.name)
        else:
            text = self.tr("Edit Scenario “%1”").replace("%1", scenario.name)
        self._push(text, old, scenario)

    def delete(self) -> None:
        s = self.selected()
        if s is not None:
            self._push(self.tr("Delete Scenario “%1”").replace("%1", s.name), s.name, None)

    def _push(self, text: str, remove_name: str | None, scenario) -> None:
        """One undo step: remove the rows of ``remove_name`` (read on the worker) and write ``scenario``'s."""
        from desktop.ui.commands import ChangeCommand

        def make(project, _state):
            from desktop.core.scenarios import to_rows

            remove = None
            if remove_name is not None:
                stored = project.read("scenarios")
                remove = stored.loc[stored["scenario"] == remove_name, ["scenario", "change_no"]]
            upsert = to_rows(scenario) if scenario is not None else None
            return project.edit_rows("scenarios", remove=remove, upsert=upsert, label=text)

        if scenario is not None:
            self._wanted = scenario.name
        self.document.undo_stack.push(ChangeCommand(self.document, text, make))

    # -- running ----------------------------------------------------------------------------------------------
    def _year(self) -> int | None:
        if self.year is not None:
            return int(self.year)
        risk = self.results.tables.get("supply_risk") if self.results is not None else None
        return int(risk["year"].max()) if risk is not None and len(risk) else None

    def _minerals(self, scenario) -> tuple[list[str], bool]:
        """The scenario's minerals on the selected list (all of them when none is on it) and whether some
        were left out."""
        own = scenario.minerals
        if not self.minerals:
            return own, False
        on = [m for m in own if m in set(self.minerals)]
        return (on, len(on) < len(own)) if on else (own, False)

    def _baseline_changed(self) -> None:
        self._update_buttons()
        if self.shown_name is None:
            return
        self.set_stale(True)
        self.refresh()

    def wanted(self) -> list:
        """The scenarios Run runs: the ticked ones (list order), else the selected one."""
        from desktop.core.scenarios import find

        ticked = [find(self.scenarios, n) for n in self.list_model.checked()]
        ticked = [t for t in ticked if t is not None]
        if ticked:
            return ticked
        s = self.selected()
        return [s] if s is not None else []

    def run(self, names=None) -> None:
        """Run the ticked scenarios (else the selected one), or those named (a name or a list of names), on the
        worker — one task, each scenario in turn — and show them beside the baseline."""
        from desktop.core.scenarios import find

        if isinstance(names, str):
            names = [names]
        scenarios = [find(self.scenarios, n) for n in names] if names else self.wanted()
        scenarios = [x for x in scenarios if x is not None]
        if not scenarios or self.results is None or self.dataset is None:
            return
        results, dataset, year = self.results, self.dataset, self._year()
        chosen = [self._minerals(x) for x in scenarios]
        minerals = sorted({m for own, _ in chosen for m in own})
        partial = any(p for _, p in chosen)
        n = len(scenarios)

        def work(state):
            from desktop.core.scenarios import compare_many, run_scenario

            runs = {}
            for i, scenario in enumerate(scenarios):
                def step(fraction, text="", i=i):
                    state.progress((i + float(fraction)) / n, text)

                runs[scenario.name] = run_scenario(dataset, scenario, results.params, progress=step,
                                                   cancelled=state.cancelled, with_dataset=True)
                state.check()
            frame = compare_many(results, {k: r for k, (r, _d) in runs.items()}, minerals=minerals, year=year,
                                 dataset=dataset, scenario_datasets={k: d for k, (_r, d) in runs.items()})
            return frame, runs

        if n == 1:
            self.title.setText(self.tr("Running “%1”…").replace("%1", scenarios[0].name))
            label = self.tr("Running scenario “%1”").replace("%1", scenarios[0].name)
        else:
            self.title.setText(self.tr("Running %1 scenarios…").replace("%1", str(n)))
            label = self.tr("Running %1 scenarios").replace("%1", str(n))
        self.runner.submit(work, kind="scenario", label=label,
                           on_done=lambda answer: self._show(results, scenarios, year, partial, *answer))

    def _show(self, results, scenarios, year, partial: bool, frame, runs=None) -> None:
        if results is not self.results:
            return                        # newer results: the run that follows them will show
        scenarios = [scenarios] if not isinstance(scenarios, (list, tuple)) else list(scenarios)
        names = [x.name for x in scenarios]
        self.frame, self.shown_name, self.shown_names, self.runs = frame, names[0], names, dict(runs or {})
        self.model.set_frame(frame, self.registry, names)
        # one year (the title names it): its column would only repeat it, and the numbers need the room
        self.table.setColumnHidden(1, year is not None)
        self.set_stale(False)
        when = str(year) if year is not None else self.tr("every year")
        if len(names) == 1:
            self.title.setText(self.tr("“%1” beside the baseline, %2").replace("%1", names[0]).replace("%2", when))
        else:
            self.title.setText(self.tr("%1 scenarios beside the baseline, %2").replace("%1", str(len(names))).replace(
                "%2", when))
        notes = []
        if partial:
            notes.append(self.tr("Only the scenario's minerals on the list “%1” are shown.").replace(
                "%1", self.list_name or ""))
        if frame is not None and len(frame) and frame["detail"].astype(str).str.startswith("no trade flows").any():
            notes.append(self.tr("No trade flows: an export change leaves the world market, not the importers' D."))
        if frame is None or len(frame) == 0:
            notes.append(self.tr("The data have no rows for this scenario's minerals in this year."))
        self.note.setText(" ".join(notes))
        self._update_buttons()

    def cell_of(self, row: int, column: int = 0) -> dict | None:
        """What Details needs to explain a row of the comparison from the scenario's run: the row's results
        table and key, the indicator, and the scenario's results and applied dataset (that of the column's
        scenario when several are shown, else the first); None for an indicator Details cannot explain."""
        if self.frame is None or not 0 <= row < len(self.frame):
            return None
        r = self.frame.iloc[row]
        table = EXPLAINED.get(str(r["metric"]))
        name = self.shown_names[self.model.scenario_of(column)] if self.shown_names else None
        if table is None or name not in self.runs or pd_missing(r["year"]):
            return None
        key = {"mineral": str(r["mineral"]), "year": int(r["year"]), "stage": str(r["stage"] or "")}
        if table != "supply_risk" and r["country"]:
            key["country"] = str(r["country"])
        results, dataset = self.runs[name]
        return {"table": table, "key": key, "indicator": str(r["metric"]), "results": results, "dataset": dataset,
                "scenario": name}

    def _row_clicked(self, index) -> None:
        if self.frame is not None and 0 <= index.row() < len(self.frame):
            self.sig_mineral_selected.emit(str(self.frame.iloc[index.row()]["mineral"]))
            cell = self.cell_of(index.row(), index.column())
            if cell is not None:
                self.sig_cell_selected.emit(cell)

    # -- export -----------------------------------------------------------------------------------------------
    def export(self) -> None:
        if self.frame is None:
            return
        from desktop.paths import documents_dir

        folder = self.document.path.parent if self.document is not None and self.document.is_open else documents_dir()
        proposed = str(Path(folder) / f"{_file_name(self.shown_name or 'scenario')}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Scenario Comparison"), proposed,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export_to(self, path: str) -> None:
        """Write the comparison as shown to ``path`` (xlsx) on the worker."""
        headers, columns = self.model.table_as_shown()
        sheet = self.shown_name if len(self.shown_names) <= 1 else self.tr("Scenarios")
        sheet = sheet or "scenario"

        def work(_state):
            from desktop.core.export.table_export import write_table

            return write_table(path, headers, columns, sheet=sheet)

        def done(written) -> None:
            self.last_export = Path(written)
            self.note.setText(self.tr("Exported to %1").replace("%1", str(written)))

        self.runner.submit(work, kind="scenario-export", label=self.tr("Exporting the comparison"), on_done=done,
                           replace=False)


def pd_missing(value) -> bool:
    import math

    return value is None or (isinstance(value, float) and math.isnan(value))


def _html(text) -> str:
    return html.escape(str(text), quote=False)


def _file_name(name: str) -> str:
    import re

    return re.sub(r'[\\/:*?"<>|]+', "_", name).strip() or "scenario"
