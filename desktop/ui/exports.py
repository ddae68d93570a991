"""The window's exports: the results workbook, the report workbook, the current view's table.

Each asks for a file name on the GUI thread, then writes on the worker (progress in the status bar,
Cancel works); a failed write leaves no half-written file (the core writers write beside the target
and move the file into place).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog


def _ask(window, title: str, name: str, filters: str, suffixes: tuple[str, ...]) -> str | None:
    """A path chosen by the analyst with one of ``suffixes`` (the first added when none was typed)."""
    folder = window.document.path.parent if window.document.path else Path.home()
    path, _ = QFileDialog.getSaveFileName(window, title, str(folder / name), filters)
    if not path:
        return None
    return path if path.lower().endswith(suffixes) else path + suffixes[0]


def _wrote(window, path: str) -> None:
    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Wrote %1").replace("%1", path), 15_000)


def export_results(window) -> None:
    """The command line's results workbook of the current data and parameters."""
    params = window._params()
    if params is None or not window.document.is_open:
        return
    path = _ask(window, QCoreApplication.translate("Exports", "Export Results"), window.document.name + "-results.xlsx",
                QCoreApplication.translate("Exports", "Excel workbook (*.xlsx)"), (".xlsx",))
    if path is None:
        return
    analysis = window.analysis

    def work(project, state):
        from desktop.core.export.results_workbook import write_results
        from desktop.ui.analysis import compute_results

        _dataset, results = compute_results(project, params, state, analysis.cache)
        state.progress(0.9, QCoreApplication.translate("Exports", "writing the workbook"))
        write_results(results, path, project.registry())
        return path

    window.document.read(work, kind="export", label=QCoreApplication.translate("Exports", "Exporting results"),
                         on_done=lambda p: _wrote(window, p))


def export_view_table(window) -> None:
    """The table of the current view (Overview or Indicators) as shown: sorted and filtered, names in the
    interface language, numbers as numbers."""
    view = window.views.currentWidget()
    if not hasattr(view, "export_table"):
        return
    name = window.views.tabText(window.views.currentIndex()).replace("&", "")
    if view is window.data_view:
        panel = view.current_panel()
        if panel is None:            # the Sources tab: its import log is in the data workbook
            return
        from desktop.ui.titles import table_title

        name = table_title(panel.model.table)
    build = view.export_table()
    path = _ask(window, QCoreApplication.translate("Exports", "Export Table"), f"{window.document.name}-{name}.xlsx",
                QCoreApplication.translate("Exports", "Excel workbook (*.xlsx);;CSV file (*.csv)"), (".xlsx", ".csv"))
    if path is None:
        return

    def work(_project, _state):
        from desktop.core.errors import CritMinError
        from desktop.core.export.table_export import write_table

        headers, columns = build()
        if not columns or not columns[0]:
            raise CritMinError(QCoreApplication.translate("Exports", "The table is empty: there is nothing to "
                                                                     "export."))
        write_table(path, headers, columns, sheet=name)
        return path

    window.document.read(work, kind="export-table", label=QCoreApplication.translate("Exports", "Exporting the table"),
                         on_done=lambda p: _wrote(window, p))


def export_report(window) -> None:
    """The report workbook of the Overview's list and year: the criticality table with its threshold
    fills, then D, M and R over the years for the same minerals, each with a native Excel chart."""
    view = window.overview
    if window.results is None or view.frame is None or view.model.rowCount() == 0:
        window.show_error(QCoreApplication.translate("Exports", "There is no Overview to report yet: open a "
                                                                "project with data and wait for the indicators."))
        return
    year = view.year
    path = _ask(window, QCoreApplication.translate("Exports", "Export Report"),
                f"{window.document.name}-report-{year}.xlsx",
                QCoreApplication.translate("Exports", "Excel workbook (*.xlsx)"), (".xlsx",))
    if path is None:
        return
    report = build_report(window)

    def work(_project, _state):
        from desktop.core.export.report_workbook import write_report

        write_report(path, report)
        return path

    window.document.read(work, kind="export-report", label=QCoreApplication.translate("Exports", "Writing the report"),
                         on_done=lambda p: _wrote(window, p))


def build_report(window):
    """The :class:`Report` of what the Overview shows (GUI thread: a few hundred cells)."""
    from desktop.core.export.report_workbook import IndicatorSection, OverviewTable, Report
    from desktop.core.metrics.overview import INDICATORS, assessed_country, indicator_series, threshold_for
    from desktop.ui.indicator_titles import indicator_name
    from desktop.ui.language import ui_language
    from desktop.ui.models.results_model import ABOVE_ROLE, RAW_ROLE

    view, results, registry, lang = window.overview, window.results, window.document.registry, ui_language()
    model = view.model
    formats = {"share": "0.0%", "number": "0.000", "count": "0"}
    headers = [c.title for c in model.cols]
    rows, fills = [], []
    for r in range(model.rowCount()):
        row, fill = [], []
        for c, col in enumerate(model.cols):
            index = model.index(r, c)
            row.append(model.data(index, RAW_ROLE) if col.kind in formats else model.data(index))
            above = model.data(index, ABOVE_ROLE)
            fill.append(None if above is None else ("above" if above else "below"))
        rows.append(row)
        fills.append(fill)
    legend = [("above", QCoreApplication.translate("Exports", "at or above the threshold")),
              ("below", QCoreApplication.translate("Exports", "below the threshold"))]
    overview = OverviewTable(headers=headers, rows=rows, fills=fills, legend=legend,
                             number_formats=[formats.get(c.kind) for c in model.cols])
    minerals = [model.record(r)["mineral"] for r in range(model.rowCount())]
    country = assessed_country(results, view.country)
    sections = []
    for ind_id in ("D", "M", "R"):
        ind = INDICATORS[ind_id]
        chosen: dict[str, object] = {}
        for s in indicator_series(results, ind, minerals, country if ind.by_country else None):
            chosen.setdefault(s.mineral, s)          # the primary stage comes first for each mineral
        years = sorted({int(y) for s in chosen.values() for y in s.years})
        series = []
        for mineral, s in chosen.items():
            by_year = {int(y): (None if v != v else float(v)) for y, v in zip(s.years, s.values)}
            if any(v is not None for v in by_year.values()):
                series.append((registry.mineral_name(mineral, lang) if registry else mineral,
                               [by_year.get(y) for y in years]))
        if not series:
            continue
        threshold = threshold_for(results, ind)
        sections.append(IndicatorSection(
            sheet=ind_id, title=indicator_name(ind_id), unit=indicator_name(ind_id), years=years, series=series,
            threshold=threshold,
            threshold_label=QCoreApplication.translate("Exports", "threshold {value}"),
            number_format="0.0%" if ind.share else "0.000",
            year_label=QCoreApplication.translate("Exports", "Year")))
    subtitle = [view.title.text()]
    params = results.params
    subtitle.append(QCoreApplication.translate("Exports", "Thresholds: D %1, M and R %2; window N = %3; WGI bound "
                                                          "%4").replace("%1", params.method_for("D"))
                    .replace("%2", params.threshold_method).replace("%3", str(params.window))
                    .replace("%4", f"{params.wgi_bound:g}"))
    if window.document.path is not None:
        subtitle.append(QCoreApplication.translate("Exports", "Project: %1").replace("%1", window.document.path.name))
    return Report(title=QCoreApplication.translate("Exports", "Critical minerals: overview %1").replace(
        "%1", str(view.year)), subtitle=subtitle, overview=overview, indicators=sections,
        overview_sheet=QCoreApplication.translate("Exports", "Overview"))
