"""Edit one risk-matrix cell: the analyst's score, its level and the evidence, or back to the computed value.

The score is the truth stored in the project (``chain_risk``); the level follows from it by the
documented cut-offs, so the dialog shows the level live as the score changes, and choosing a level
moves the score into that level's range (its middle) — an analyst may think in levels or in numbers.
"Revert to computed" is offered only for an overridden cell.  The dialog only asks: the Matrix view
writes the answer as one undoable step.  It is opened with ``open()`` (no nested event loop: the
worker's results keep arriving while it is shown).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.core.chain.model import ANALYST, Cell
from desktop.ui.matrix_titles import cutoffs, level_of, level_title, origin_title, range_text, score_text
from desktop.ui.models.matrix_model import cell_name

OVERRIDE = "override"
REVERT = "revert"


class MatrixCellDialog(QDialog):
    def __init__(self, cell: Cell, context: str, parent: QWidget | None = None) -> None:
        """``context`` names the mineral, year and stream ("Cobalt · 2023 · Primary chain")."""
        super().__init__(parent)
        self.cell = cell
        self.outcome: str | None = None          # OVERRIDE or REVERT once accepted
        self.setObjectName("matrix_cell_dialog")
        self.setWindowTitle(self.tr("Edit Cell"))
        self.setAccessibleName(self.tr("Edit a risk-matrix cell"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        heading = QLabel(cell_name(cell), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setAccessibleName(self.tr("Cell"))
        where = QLabel(context, self)
        where.setAccessibleName(self.tr("Mineral, year and stream"))
        self.origin = QLabel(self._origin_text(), self)
        self.origin.setWordWrap(True)
        self.origin.setAccessibleName(self.tr("Where the score comes from"))

        self.score = QDoubleSpinBox(self)
        self.score.setRange(0.0, 1.0)
        self.score.setDecimals(2)
        self.score.setSingleStep(0.05)
        self.score.setAccessibleName(self.tr("Score"))
        self.score.setToolTip(self.tr("The risk score from 0 (no risk) to 1 (the highest risk)"))
        self.level = QComboBox(self)
        self.level.setAccessibleName(self.tr("Level"))
        self.level.setToolTip(self.tr("The level the score falls in; choosing a level moves the score into it"))
        for level, _low, _high in cutoffs():
            self.level.addItem(level_title(level), level)
        self.range = QLabel(self)
        self.range.setAccessibleName(self.tr("Level range"))
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Analyst's note"))
        self.note.setToolTip(self.tr("The evidence for this score: sources, dates, reasoning"))
        self.note.setPlaceholderText(self.tr("Evidence for this score (source, date, reasoning)"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.fontMetrics().height() * 5)

        form = QFormLayout()
        form.addRow(self.tr("&Score:"), self.score)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow("", self.range)
        form.addRow(self.tr("&Note:"), self.note)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(self.tr("Save the score"))
        ok.setToolTip(self.tr("Store this score and note in the project (Edit ▸ Undo takes it back)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Close without changing the cell"))
        self.revert = QPushButton(self.tr("&Revert to Computed"), self)
        self.revert.setAccessibleName(self.tr("Revert to computed"))
        self.revert.setToolTip(self.tr("Remove the analyst's score: the cell shows the computed value again "
                                       "(or needs judgement when no rule fills it)"))
        self.buttons.addButton(self.revert, QDialogButtonBox.ButtonRole.ResetRole)
        self.revert.setVisible(cell.origin == ANALYST)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.revert.clicked.connect(self._revert)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addWidget(self.origin)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        start = cell.score if cell.score is not None else (cell.computed if cell.computed is not None else 0.5)
        self.score.setValue(float(start))
        # the analyst's note, also one stored without a score (a computed cell's own note is its rule's formula)
        self.note.setPlainText(cell.note if cell.origin == ANALYST or cell.edited else "")
        self._score_changed(self.score.value())
        self.score.valueChanged.connect(self._score_changed)
        self.level.activated.connect(self._level_chosen)
        self.score.setFocus()
        self.score.selectAll()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

    # -- the answer ---------------------------------------------------------------------------------
    def value(self) -> float:
        return round(float(self.score.value()), 4)

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def _save(self) -> None:
        self.outcome = OVERRIDE
        self.accept()

    def _revert(self) -> None:
        self.outcome = REVERT
        self.accept()

    # -- live level -----------------------------------------------------------------------------------
    def _score_changed(self, value: float) -> None:
        level = level_of(value)
        self.level.setCurrentIndex(max(self.level.findData(level), 0))
        self._show_range(level)

    def _level_chosen(self, _index: int) -> None:
        level = self.level.currentData()
        for name, low, high in cutoffs():
            if name == level and level_of(self.score.value()) != level:
                self.score.setValue(round((low + high) / 2, 2))
        self._show_range(level)

    def _show_range(self, level: str | None) -> None:
        self.range.setText(range_text(level) if level else "")

    def _origin_text(self) -> str:
        cell, locale = self.cell, self.locale()
        if cell.origin == ANALYST:
            if cell.computed is not None:
                return self.tr("Overridden by the analyst. Computed value: %1 (%2).").replace(
                    "%1", score_text(cell.computed, locale)).replace("%2", level_title(level_of(cell.computed)))
            return self.tr("Scored by the analyst; no rule fills this cell from the data.")
        if cell.score is None:
            return self.tr("No rule could fill this cell from the project's data: give your judgement.")
        return self.tr("%1: %2. Saving keeps the computed value beside your score.").replace(
            "%1", origin_title(cell.origin)).replace("%2", score_text(cell.score, locale))

