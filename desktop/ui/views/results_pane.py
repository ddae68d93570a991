"""What the views of results share (Overview, Indicators, Alerts, Risk Matrix, Scenarios): the shared inputs
the window sets, the "out of date" label, and redrawing only the tab on screen.

A hidden view marks itself dirty and redraws when it is shown, so a recompute costs the worker only the
view the analyst is looking at.  A subclass builds its widgets, sets ``self.model`` (the table whose
numbers grey while out of date, if any) and implements :meth:`redraw` (``refresh(**parts)`` passes ``parts``
on; a hidden view shown again redraws whole).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


class ResultsPane(QWidget):
    def __init__(self, runner, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.active = True          # the tab on screen (see set_active)
        self._dirty = False
        self.results = None
        self.registry = None
        self.country: str | None = None
        self.model = None
        self.stale = QLabel(QCoreApplication.translate("ResultsPane", "Out of date — recomputing…"), self)
        self.stale.setAccessibleName(QCoreApplication.translate("ResultsPane", "Out of date"))
        self.stale.setStyleSheet("color: palette(placeholder-text)")
        self.stale.hide()

    def set_registry(self, registry) -> None:
        self.registry = registry

    def set_country(self, country: str | None) -> None:
        self.country = country

    def show_results(self, results) -> None:
        self.results = results
        self.refresh()

    def set_stale(self, stale: bool) -> None:
        self.stale.setVisible(stale)
        if self.model is not None:
            self.model.set_stale(stale)

    def set_active(self, active: bool) -> None:
        """Only the tab on screen redraws; a hidden one redraws when it is shown (keeps recompute light)."""
        self.active = active
        if active and self._dirty:
            self.refresh()

    def refresh(self, **parts) -> None:
        if not self.active:
            self._dirty = True
            return
        self._dirty = False
        self.redraw(**parts)

    def redraw(self, **parts) -> None:
        raise NotImplementedError
