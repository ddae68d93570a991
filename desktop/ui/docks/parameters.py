"""The Parameters dock: what Recompute and Export Results use; remembered between sessions."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from desktop.ui.widgets.choices import fill_countries


class ParametersPanel(QWidget):
    sig_changed = Signal()

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        form = QFormLayout(self)
        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Assessed country"))
        self.country.setToolTip(self.tr("The country whose import dependency D is assessed (all countries if none)."))
        self.years = QLineEdit(self)
        self.years.setAccessibleName(self.tr("Analysis years"))
        self.years.setPlaceholderText(self.tr("all years, or e.g. 2015-2024"))
        self.years.setToolTip(self.tr("The analysis period; earlier years still feed windows and trends."))
        self.window = QSpinBox(self)
        self.window.setRange(2, 30)
        self.window.setAccessibleName(self.tr("Window N (years)"))
        self.window.setToolTip(self.tr("Market dynamics M: the number of years in the moving window."))
        self.wgi_bound = QDoubleSpinBox(self)
        self.wgi_bound.setRange(0.5, 10.0)
        self.wgi_bound.setSingleStep(0.1)
        self.wgi_bound.setAccessibleName(self.tr("WGI bound"))
        self.wgi_bound.setToolTip(self.tr("Governance Γ: WGI estimates are rescaled from ±bound to 0..1."))
        self.threshold = QComboBox(self)
        self.threshold.setAccessibleName(self.tr("Threshold method"))
        self.threshold.setToolTip(self.tr("How the thresholds of D, M and R are set."))
        for label, value in ((self.tr("Midpoint"), "midpoint"), (self.tr("Distance"), "distance"),
                             (self.tr("Preset 0.29"), "preset:0.29")):
            self.threshold.addItem(label, value)
        self.withheld = QComboBox(self)
        self.withheld.setAccessibleName(self.tr("Withheld values"))
        self.withheld.setToolTip(self.tr("What a withheld (W) value means for import dependency."))
        for label, value in ((self.tr("Exclude"), "exclude"), (self.tr("Last known value"), "last_known"),
                             (self.tr("Use the bound"), "bound")):
            self.withheld.addItem(label, value)
        form.addRow(self.tr("Country:"), self.country)
        form.addRow(self.tr("Years:"), self.years)
        form.addRow(self.tr("Window N:"), self.window)
        form.addRow(self.tr("WGI bound:"), self.wgi_bound)
        form.addRow(self.tr("Thresholds:"), self.threshold)
        form.addRow(self.tr("Withheld (W):"), self.withheld)
        self._restore()
        for widget in (self.country, self.threshold, self.withheld):
            widget.currentIndexChanged.connect(self._changed)
        self.window.valueChanged.connect(self._changed)
        self.wgi_bound.valueChanged.connect(self._changed)
        self.years.editingFinished.connect(self._changed)

    def fill_countries(self, registry) -> None:
        keep = self.country.currentData() or self.settings.parameters().get("country") or None
        fill_countries(self.country, registry, self.tr("All countries"), keep=keep)

    def _restore(self) -> None:
        saved = self.settings.parameters()
        self.years.setText(str(saved.get("years") or ""))
        self.window.setValue(int(saved.get("window") or 5))
        self.wgi_bound.setValue(float(saved.get("wgi_bound") or 3.5))
        self.threshold.setCurrentIndex(max(self.threshold.findData(saved.get("threshold_method") or "midpoint"), 0))
        self.withheld.setCurrentIndex(max(self.withheld.findData(saved.get("withheld") or "exclude"), 0))

    def values(self) -> dict:
        return {"country": self.country.currentData(), "years": self.years.text().strip(),
                "window": self.window.value(), "wgi_bound": round(self.wgi_bound.value(), 3),
                "threshold_method": self.threshold.currentData(), "withheld": self.withheld.currentData()}

    def engine_params(self):
        """EngineParams from the fields; ValueError (one sentence) when the years are not understood."""
        from desktop.cli import parse_years
        from desktop.core.metrics.params import EngineParams

        v = self.values()
        years = parse_years(v["years"]) if v["years"] else None
        return EngineParams(country=v["country"], window=v["window"], wgi_bound=v["wgi_bound"],
                            threshold_method=v["threshold_method"], withheld_policy=v["withheld"], years=years)

    def _changed(self, *_args) -> None:
        self.settings.save_parameters(self.values())
        self.sig_changed.emit()
