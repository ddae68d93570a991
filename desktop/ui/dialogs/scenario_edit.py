"""The scenario editor (情景): a scenario's name, rationale, source and its list of changes.

It only asks: the Scenarios view writes what it answers as one undo step.  Opened with ``open()``
(window-modal, no nested event loop: the worker's results keep arriving); it answers through
``accepted`` and :meth:`ScenarioEditDialog.scenario`.  Each change row names its type (scale
production, export ban or quota, demand multiplier, policy event), the mineral, the country, the stage, the
first year, the factor, the demand's target year (a policy event's last year), for exports the partners that
lose them (empty = every partner) and, for a policy event, its type; a row that does not make a change says
what is wrong, in the dialog, and the dialog stays open.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.language import ui_language

TYPE_COL, MINERAL_COL, COUNTRY_COL, STAGE_COL, FROM_COL, FACTOR_COL, TARGET_COL, PARTNERS_COL, EVENT_COL = range(9)
CHANGE_TYPES = ("production", "exports", "demand", "event")
STAGES = ("", "mine", "refinery")


class ScenarioEditDialog(QDialog):
    """New, duplicated or edited scenario; ``taken``: the other scenarios' names (a name must be new)."""

    def __init__(self, registry, scenario=None, *, taken=(), title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.taken = set(taken)
        self._answer = None
        self.setWindowTitle(title or self.tr("Scenario"))
        self.setAccessibleName(self.tr("Scenario editor"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Scenario name"))
        self.name.setToolTip(self.tr("A short name, e.g. DR Congo cobalt output −50 %"))
        self.rationale = QPlainTextEdit(self)
        self.rationale.setAccessibleName(self.tr("Rationale"))
        self.rationale.setToolTip(self.tr("Why this scenario is worth asking about, in a sentence or two"))
        self.rationale.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.source = QLineEdit(self)
        self.source.setAccessibleName(self.tr("Source"))
        self.source.setToolTip(self.tr("Where the measure or projection is reported"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Rationale:"), self.rationale)
        form.addRow(self.tr("Source:"), self.source)

        self.changes = QTableWidget(0, 9, self)
        self.changes.setAccessibleName(self.tr("Changes"))
        self.changes.setHorizontalHeaderLabels([
            self.tr("Change"), self.tr("Mineral"), self.tr("Country"), self.tr("Stage"), self.tr("From year"),
            self.tr("Factor"), self.tr("Target year"), self.tr("Partners"), self.tr("Policy event")])
        tips = [self.tr("Scale production (0 = stops), exports (0 = export ban, 0.7 = quota) or demand (×), "
                        "or add a policy event that the risk matrix and the alerts read"),
                self.tr("The mineral: English or Chinese name, or symbol"),
                self.tr("The country: name or ISO code; empty for a demand change"),
                self.tr("The production stage the change applies to; empty = every stage"),
                self.tr("The first year the change applies; empty = every year (a policy event needs it)"),
                self.tr("0.5 halves, 0 removes or bans; for demand the multiplier, e.g. 5; a policy event has none"),
                self.tr("Demand: the year the multiplier is reached (empty = the parameters' target year); "
                        "policy event: the last year it is in force (empty = still in force)"),
                self.tr("Exports only: the importers that lose the exports, names or ISO codes separated by ; "
                        "(e.g. USA; JPN); empty = every partner"),
                self.tr("Policy event only: the measure (export ban, quota, licence, tariff …); it changes no "
                        "quantity — add an exports change for that")]
        for col, tip in enumerate(tips):
            self.changes.horizontalHeaderItem(col).setToolTip(tip)
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add Change"), self)
        self.add_button.setAccessibleName(self.tr("Add a change"))
        self.add_button.setToolTip(self.tr("Add a row for one more change"))
        self.add_button.clicked.connect(lambda: self.add_change())
        self.remove_button = QPushButton(self.tr("Remove Change"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected change"))
        self.remove_button.setToolTip(self.tr("Remove the selected rows"))
        self.remove_button.clicked.connect(self.remove_selected)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("What is wrong"))
        self.error.setStyleSheet("color: palette(highlight)")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Changes:"), self))
        layout.addWidget(self.changes, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 480)
        if scenario is not None:
            self.name.setText(scenario.name)
            self.rationale.setPlainText(scenario.rationale)
            self.source.setText(scenario.source)
            for change in scenario.changes:
                self.add_change(change)
        if self.changes.rowCount() == 0:
            self.add_change()

    # -- rows -------------------------------------------------------------------------------------------------
    def _type_text(self, kind: str) -> str:
        return {"production": self.tr("Scale production"), "exports": self.tr("Export ban or quota"),
                "demand": self.tr("Demand multiplier"), "event": self.tr("Policy event")}[kind]

    def _stage_text(self, stage: str) -> str:
        return {"": self.tr("Every stage"), "mine": self.tr("Mine"), "refinery": self.tr("Refinery")}[stage]

    def add_change(self, change=None) -> int:
        """Append a row (filled from ``change`` when given); returns its row number."""
        row = self.changes.rowCount()
        self.changes.insertRow(row)
        kind = QComboBox(self.changes)
        kind.setAccessibleName(self.tr("Change type"))
        for k in CHANGE_TYPES:
            kind.addItem(self._type_text(k), k)
        stage = QComboBox(self.changes)
        stage.setAccessibleName(self.tr("Stage"))
        for s in STAGES:
            stage.addItem(self._stage_text(s), s)
        lang = ui_language()
        event = QComboBox(self.changes)
        event.setAccessibleName(self.tr("Policy event type"))
        event.addItem("", "")
        from desktop.core.chain.events import EVENT_TYPES

        for key, t in EVENT_TYPES.items():
            event.addItem(t.name(lang), key)
        self.changes.setCellWidget(row, TYPE_COL, kind)
        self.changes.setCellWidget(row, STAGE_COL, stage)
        self.changes.setCellWidget(row, EVENT_COL, event)
        texts = {MINERAL_COL: "", COUNTRY_COL: "", FROM_COL: "", FACTOR_COL: "0.5", TARGET_COL: "", PARTNERS_COL: ""}
        if change is not None:
            kind.setCurrentIndex(CHANGE_TYPES.index(change.type))
            stage.setCurrentIndex(STAGES.index(change.stage) if change.stage in STAGES else 0)
            event.setCurrentIndex(max(0, event.findData(change.event)))
            texts = {MINERAL_COL: self.registry.mineral_name(change.mineral, lang) if self.registry else change.mineral,
                     COUNTRY_COL: change.country, FROM_COL: str(change.from_year or ""),
                     FACTOR_COL: f"{change.factor:g}", TARGET_COL: str(change.target_year or ""),
                     PARTNERS_COL: "; ".join(change.partners)}
        for col, text in texts.items():
            self.changes.setItem(row, col, QTableWidgetItem(text))
        return row

    def set_cell(self, row: int, col: int, value) -> None:
        """Fill one cell: the text of a text column, the id of a type or stage (tests and the view use it)."""
        widget = self.changes.cellWidget(row, col)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        else:
            self.changes.item(row, col).setText(str(value))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.changes.selectedIndexes()}, reverse=True):
            self.changes.removeRow(row)

    # -- the answer -------------------------------------------------------------------------------------------
    def scenario(self):
        """The scenario the dialog holds (after ``accepted``)."""
        return self._answer

    def accept(self) -> None:
        try:
            self._answer = self._read()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def _read(self):
        from desktop.core.scenarios.model import Change, Scenario

        name = self.name.text().strip()
        if not name:
            raise ValueError(self.tr("Type a name for the scenario."))
        if name in self.taken:
            raise ValueError(self.tr("A scenario named “%1” exists already; choose another name.").replace("%1", name))
        changes = []
        for row in range(self.changes.rowCount()):
            changes.append(self._change(row, Change))
        if not changes:
            raise ValueError(self.tr("Add at least one change."))
        return Scenario(name, tuple(changes), self.rationale.toPlainText().strip(), self.source.text().strip())

    def _change(self, row: int, Change):
        def text(col: int) -> str:
            item = self.changes.item(row, col)
            return item.text().strip() if item is not None else ""

        def where(what: str) -> str:
            return self.tr("Change %1: %2").replace("%1", str(row + 1)).replace("%2", what)

        kind = self.changes.cellWidget(row, TYPE_COL).currentData()
        stage = self.changes.cellWidget(row, STAGE_COL).currentData()
        event = self.changes.cellWidget(row, EVENT_COL).currentData() or ""
        mineral, country = self._mineral_and_country(kind, text, where)
        years = self._years(text, where)
        if kind == "event":
            self._check_event(event, years, text, where)
            return Change("event", mineral, country, stage=stage, from_year=years[FROM_COL],
                          target_year=years[TARGET_COL], event=event)
        if event:
            raise ValueError(where(self.tr("only a policy event change names a policy event; choose the empty "
                                           "entry or make the change a policy event.")))
        factor = self._factor(kind, text, where)
        partners = self._partners(kind, country, text, where)
        return Change(kind, mineral, country if kind != "demand" else "", factor, stage if kind != "demand" else "",
                      years[FROM_COL] if kind != "demand" else None, years[TARGET_COL] if kind == "demand" else None,
                      tuple(partners))

    def _mineral_and_country(self, kind, text, where) -> tuple[str, str]:
        """The change's mineral id and country code ("" for none), from the row's cells read by ``text``."""
        mineral = self.registry.mineral_id(text(MINERAL_COL)) if self.registry else text(MINERAL_COL) or None
        if not mineral:
            raise ValueError(where(self.tr("“%1” is not a known mineral.").replace("%1", text(MINERAL_COL))))
        country = ""
        if text(COUNTRY_COL):
            country = self.registry.country_code(text(COUNTRY_COL)) if self.registry else text(COUNTRY_COL)
            if not country:
                raise ValueError(where(self.tr("“%1” is not a known country.").replace("%1", text(COUNTRY_COL))))
        if kind != "demand" and not country:
            raise ValueError(where(self.tr("name the country whose production or exports change, or that applies "
                                           "the policy event.")))
        return mineral, country

    def _years(self, text, where) -> dict[int, int | None]:
        """The From and Target years by column (None where empty)."""
        years = {}
        for col in (FROM_COL, TARGET_COL):
            if text(col) == "":
                years[col] = None
            elif text(col).isdigit() and 1900 <= int(text(col)) <= 2100:
                years[col] = int(text(col))
            else:
                raise ValueError(where(self.tr("“%1” is not a year.").replace("%1", text(col))))
        return years

    def _check_event(self, event: str, years: dict[int, int | None], text, where) -> None:
        """A policy event change: an event, the year it starts, no end before it, no partners."""
        if not event:
            raise ValueError(where(self.tr("choose the policy event in the Policy event column.")))
        if years[FROM_COL] is None:
            raise ValueError(where(self.tr("a policy event needs the year it starts (From year).")))
        if years[TARGET_COL] is not None and years[TARGET_COL] < years[FROM_COL]:
            raise ValueError(where(self.tr("a policy event cannot end before it starts.")))
        if text(PARTNERS_COL):
            raise ValueError(where(self.tr("only an export change names partners; empty the Partners cell.")))

    def _factor(self, kind, text, where) -> float:
        """The change's factor: a number, 0 or more (more than 0 for a demand multiplier)."""
        try:
            factor = float(text(FACTOR_COL).replace(",", "."))
        except ValueError:
            message = self.tr("the factor “%1” is not a number.").replace("%1", text(FACTOR_COL))
            raise ValueError(where(message)) from None
        if not factor >= 0 or (kind == "demand" and not factor > 0):
            raise ValueError(where(self.tr("the factor must be 0 or more (a demand multiplier: more than 0).")))
        return factor

    def _partners(self, kind, country: str, text, where) -> list[str]:
        """An export change's partner country codes (none for other kinds, which may not name any)."""
        partners = []
        if text(PARTNERS_COL):
            import re

            from desktop.core.scenarios.model import PARTNER_SEPARATORS

            if kind != "exports":
                raise ValueError(where(self.tr("only an export change names partners; empty the Partners cell.")))
            for item in (x.strip() for x in re.split(PARTNER_SEPARATORS, text(PARTNERS_COL)) if x.strip()):
                code = self.registry.country_code(item) if self.registry else item.upper()
                if not code:
                    raise ValueError(where(self.tr("“%1” is not a known country.").replace("%1", item)))
                if code == country:
                    raise ValueError(where(self.tr("a country cannot be its own export partner.")))
                partners.append(code)
        return partners
