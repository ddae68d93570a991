"""The Details dock: where the selected value comes from (row, state, source file and its vintage)."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.language import ui_language
from desktop.ui.titles import column_title, state_meaning, table_title
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
            self._load_source(sid)
        self.browser.setHtml("".join(parts))

    def _load_source(self, sid: int) -> None:
        if sid in self._sources:
            self._append_source(self._sources[sid])
            return

        def work(project, state):
            log = project.import_log()
            row = log[log["id"] == sid]
            return None if row.empty else row.iloc[0].to_dict()

        def done(row) -> None:
            if row is not None:
                self._sources[sid] = row
                self._append_source(row)

        self.document.read(work, kind="details", on_done=done)

    def _append_source(self, row: dict) -> None:
        lines = [self.tr("File: %1").replace("%1", str(row["file_name"])),
                 self.tr("Format: %1").replace("%1", str(row["format"])),
                 self.tr("Imported: %1").replace("%1", str(row["imported_at"])),
                 self.tr("Content hash: %1").replace("%1", str(row["sha256"])[:16] + "…")]
        self.browser.append("<p>" + "<br>".join(html.escape(x) for x in lines) + "</p>")

    def forget_sources(self) -> None:
        self._sources.clear()
