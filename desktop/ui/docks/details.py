"""The Details dock: where the selected value comes from (row, state, source file and its vintage)."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.language import ui_language
from desktop.ui.titles import column_title, stage_title, state_meaning, table_title
from desktop.ui.models.table_data import COUNTRY_COLUMNS, MINERAL_COLUMNS


class DetailsPanel(QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Details"))
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self.show_nothing()
        self._sources: dict[int, dict] = {}

    def show_nothing(self) -> None:
        self.browser.setHtml("<p>" + html.escape(self.tr(
            "Select a cell to see where its value comes from.")) + "</p>")

    def show_cell(self, info: dict | None) -> None:
        if not info:
            self.show_nothing()
            return
        registry, lang = self.document.registry, ui_language()
        record, column = info["record"], info["column"]
        rows = []
        for name, value in record.items():
            if name.endswith("_state"):
                continue
            shown = "" if value is None else str(value)
            if registry is not None and name in MINERAL_COLUMNS and shown:
                shown = f"{registry.mineral_name(shown, lang)} ({shown})"
            elif registry is not None and name in COUNTRY_COLUMNS and shown:
                shown = f"{registry.country_name(shown, lang)} ({shown})"
            state = record.get(f"{name}_state", "")
            if state:
                shown = f"{shown} [{state}] — {state_meaning(state)}"
            style = " style='font-weight:bold'" if name == column else ""
            rows.append(f"<tr><td>{html.escape(column_title(name))}</td><td{style}>{html.escape(shown)}</td></tr>")
        parts = [f"<h3>{html.escape(table_title(info['table']))}</h3>",
                 "<table cellspacing='4'>" + "".join(rows) + "</table>"]
        sid = info.get("source_id")
        if sid is None:
            parts.append("<p>" + html.escape(self.tr("Source: edited by hand in this project.")) + "</p>")
        else:
            parts.append("<p id='source'>" + html.escape(self.tr("Source: import #%1").replace("%1", str(sid)))
                         + "</p>")
        self.browser.setHtml("".join(parts))
        if sid is not None:
            self._load_source(sid, info["table"], record)

    def _load_source(self, sid: int, table: str, record: dict) -> None:
        """The import's file, and the sheet and row of the file this row came from, read on the worker."""
        from desktop.core.dataset import SCHEMA

        key = {k: record.get(k) for k in SCHEMA[table][0]} if table in SCHEMA else None
        known = self._sources.get(sid)

        def work(project, state):
            origin = project.origin(table, key) if key is not None else None
            if known is not None:
                return known, origin
            log = project.import_log()
            row = log[log["id"] == sid]
            return (None if row.empty else row.iloc[0].to_dict()), origin

        def done(result) -> None:
            row, origin = result
            if row is not None:
                self._sources[sid] = row
                self._append_source(row, origin)

        self.document.read(work, kind="details", on_done=done)

    def _append_source(self, row: dict, origin: dict | None = None) -> None:
        lines = [self.tr("File: %1").replace("%1", str(row["file_name"]))]
        if origin and origin.get("source_id") == row["id"] and origin.get("row") is not None:
            where = self.tr("Sheet %1, row %2").replace("%1", str(origin["sheet"])).replace(
                "%2", str(origin["row"])) if origin.get("sheet") else \
                self.tr("Row %1").replace("%1", str(origin["row"]))
            lines.append(self.tr("Where in the file: %1").replace("%1", where))
        lines += [self.tr("Format: %1").replace("%1", str(row["format"])),
                  self.tr("Imported: %1").replace("%1", str(row["imported_at"])),
                  self.tr("Content hash: %1").replace("%1", str(row["sha256"])[:16] + "…")]
        self.browser.append("<p>" + "<br>".join(html.escape(x) for x in lines) + "</p>")

    # -- a results cell: the formula with its inputs --------------------------------------------------
    def show_explanation(self, explanation, cell: dict | None = None) -> None:
        """Render :class:`desktop.core.metrics.explain.Explanation` (None: the cell has no results row)."""
        if explanation is None:
            self.browser.setHtml("<p>" + html.escape(self.tr(
                "There is no computed value here: its inputs are missing (see the flags and Problems).")) + "</p>")
            return
        self.browser.setHtml(explanation_html(explanation, self.document.registry, ui_language()))

    def forget_sources(self) -> None:
        self._sources.clear()


def explanation_html(ex, registry, lang: str) -> str:
    """The Details text of an explanation: heading, formula, the steps, the inputs tables, flags,
    parameters and sources."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from desktop.ui.indicator_titles import indicator_name, result_column_title

    locale = QLocale()

    def cell(column: str, value) -> str:
        if value is None or (isinstance(value, float) and value != value):
            return ""
        if isinstance(value, float):
            if abs(value) >= 1000 and value == int(value):
                return locale.toString(int(value))       # a quantity: digit groups, no exponent
            return locale.toString(value, "g", 4)
        if isinstance(value, int) and column != "year" and not isinstance(value, bool):
            return locale.toString(value)
        text = str(value)
        if column == "stage":
            return stage_title(text)
        if registry is not None and column in MINERAL_COLUMNS:
            return registry.mineral_name(text, lang)
        if registry is not None and column in COUNTRY_COLUMNS and text not in ("OTHERS", "WORLD"):
                return registry.country_name(text, lang)
        return text

    heading_flags = html.escape(QCoreApplication.translate("DetailsPanel", "Flags"))
    heading_parameters = html.escape(QCoreApplication.translate("DetailsPanel", "Parameters"))
    heading_sources = html.escape(QCoreApplication.translate("DetailsPanel", "Sources"))
    key = ex.key or {}
    what = " · ".join(cell(k, v) for k, v in key.items() if v not in (None, ""))
    parts = [f"<h3>{html.escape(indicator_name(ex.metric) if ex.metric in ('D', 'M', 'R') else str(ex.metric))}"
             f"</h3><p>{html.escape(what)}</p>"]
    parts.append(f"<p><b>{html.escape(_said(ex.formula, lang))}</b><br>{html.escape(ex.substituted)}</p>")
    if ex.steps:
        parts.append("<ul>" + "".join(f"<li>{html.escape(_said(s, lang))}</li>" for s in ex.steps) + "</ul>")
    for table in ex.inputs:
        table = _without_constant_year(table, key.get("year"))
        head = "".join(f"<th align='left'>{html.escape(result_column_title(c))}</th>" for c in table.columns)
        body = "".join("<tr>" + "".join(
            f"<td style='white-space:nowrap'{' align=right' if isinstance(v, (int, float)) else ''}>"
            f"{html.escape(cell(c, v))}</td>"
            for c, v in zip(table.columns, row)) + "</tr>" for row in table.rows)
        parts.append(f"<p><b>{html.escape(_said(table.title, lang))}</b></p>"
                     f"<table cellspacing='2' cellpadding='2'><tr>{head}</tr>{body}</table>")
    if ex.flags:
        parts.append(f"<p><b>{heading_flags}</b></p><ul>"
                     + "".join(f"<li>{html.escape(_said(f, lang))}</li>" for f in ex.flags) + "</ul>")
    if ex.parameters:
        parts.append(f"<p><b>{heading_parameters}</b>: " + html.escape(
            "; ".join(f"{name} = {value}" for name, value in ex.parameters)) + "</p>")
    if ex.sources:
        lines = []
        for src in ex.sources:
            years = src.get("years")
            years = "; ".join(f"{k} {v}" for k, v in years.items()) if isinstance(years, dict) else (years or "")
            lines.append(" · ".join(str(x) for x in (src.get("file"), src.get("format"), years,
                                                       src.get("imported_at")) if x))
        parts.append(f"<p><b>{heading_sources}</b></p><ul>"
                     + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>")
    return "".join(parts)


def _said(message, lang: str) -> str:
    """A core Message in the interface language (plain text stays as it is)."""
    text = getattr(message, "text", None)
    return text(lang) if callable(text) else str(message)


def _without_constant_year(table, year):
    """The inputs table without its Γ-year column when every row's Γ is of the explained year itself
    (the column then says nothing; it stays when Γ was carried forward from an earlier year)."""
    if "gamma_year" not in table.columns or year is None:
        return table
    i = table.columns.index("gamma_year")
    if any(row[i] != year for row in table.rows):
        return table
    from dataclasses import replace

    return replace(table, columns=[c for j, c in enumerate(table.columns) if j != i],
                   rows=[tuple(v for j, v in enumerate(row) if j != i) for row in table.rows])
