"""The "Rules…" dialog of the Alerts view: which alert rules are on and their parameters.

It edits an :class:`~desktop.core.alerts.AlertRules` and gives a new one back; storing them (in the
project) is the window's business, so the dialog has no settings of its own.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QVBoxLayout

from desktop.core.alert_rules import AlertRules


class AlertRulesDialog(QDialog):
    def __init__(self, rules: AlertRules, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alert Rules"))
        self.setAccessibleName(self.tr("Alert rules"))
        self.checks: dict[str, QCheckBox] = {}
        form = QFormLayout()
        labels = {
            "crossing": (self.tr("A threshold is crossed"),
                         self.tr("D, M or R crosses its threshold between two consecutive years: upward is high, "
                                 "downward is low")),
            "worsening": (self.tr("A metric worsens year on year"),
                          self.tr("D, M or R rises by more than the amount or the percentage below (medium)")),
            "trend": (self.tr("A trend is rising or persistently high"),
                      self.tr("From the trends over the selected years (medium)")),
            "matrix": (self.tr("A risk-matrix level rises"),
                       self.tr("A cell or an aggregate of the risk matrix is a level higher than the year before "
                               "(medium)")),
            "event": (self.tr("A policy event starts"),
                      self.tr("An event of the events table starts that year: high for a ban, medium otherwise")),
            "share": (self.tr("One country's share passes a level"),
                      self.tr("A single country's production share passes the level below (high)")),
        }
        for name, (text, tip) in labels.items():
            box = QCheckBox(text, self)
            box.setChecked(bool(getattr(rules, name)))
            box.setToolTip(tip)
            box.setAccessibleName(text)
            self.checks[name] = box
            form.addRow(box)
            if name == "worsening":
                self.amount = self._spin(0.0, 1.0, 0.01, 3, rules.worsen_amount, self.tr("Rise by more than"),
                                         self.tr("The absolute year-on-year rise (D, M and R are 0 to 1); 0 = off"))
                self.percent = self._spin(0.0, 1000.0, 5.0, 1, rules.worsen_percent, self.tr("or by more than (%)"),
                                          self.tr("The rise in per cent of the previous year's value; 0 = off"))
                form.addRow(self.tr("Rise by more than"), self.amount)
                form.addRow(self.tr("or by more than (%)"), self.percent)
            if name == "share":
                self.level = self._spin(1.0, 100.0, 5.0, 1, rules.share_level * 100, self.tr("Share level (%)"),
                                        self.tr("The production share of one country that raises an alert"))
                form.addRow(self.tr("Share level (%)"), self.level)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.set_rules(AlertRules()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _spin(self, low: float, high: float, step: float, decimals: int, value: float, name: str,
              tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setDecimals(decimals)
        spin.setValue(value)
        spin.setAccessibleName(name)
        spin.setToolTip(tip)
        return spin

    def set_rules(self, rules: AlertRules) -> None:
        for name, box in self.checks.items():
            box.setChecked(bool(getattr(rules, name)))
        self.amount.setValue(rules.worsen_amount)
        self.percent.setValue(rules.worsen_percent)
        self.level.setValue(rules.share_level * 100)

    def rules(self) -> AlertRules:
        return AlertRules(**{name: box.isChecked() for name, box in self.checks.items()},
                          worsen_amount=self.amount.value(), worsen_percent=self.percent.value(),
                          share_level=self.level.value() / 100)
