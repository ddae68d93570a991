"""The Parameters dock: what the indicators are computed with; remembered between sessions.

Every change asks for a recompute (``sig_changed``; the Analysis waits a moment for the next change).
The core parameters come first, then the extended indicators' (concentration, growth, reserve years,
categories, demand scenarios).  Each field's tooltip says in one sentence what it changes.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHeaderView, QLineEdit, QScrollArea, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.ui.widgets.choices import fill_countries


class ParametersPanel(QWidget):
    sig_changed = Signal()

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._restoring = False
        inner = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        column = QVBoxLayout(inner)
        core = QGroupBox(self.tr("Core indicators"), inner)
        form = QFormLayout(core)
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
                             (self.tr("Preset 0.29"), "preset:0.29"), (self.tr("Manual value"), "fixed")):
            self.threshold.addItem(label, value)
        for i, tip in enumerate((
                self.tr("Midpoint of the two cluster centres of the values (k-means with two clusters)."),
                self.tr("Distance between the two cluster centres, as the reference paper describes it."),
                self.tr("The reference paper's supply-risk threshold 0.29."),
                self.tr("A value of your own, typed in the field below."))):
            self.threshold.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.manual = QDoubleSpinBox(self)
        self.manual.setRange(0.0, 1.0)
        self.manual.setDecimals(3)
        self.manual.setSingleStep(0.01)
        self.manual.setAccessibleName(self.tr("Manual threshold"))
        self.manual.setToolTip(self.tr("The threshold of M and R when the method is 'Manual value' (0..1)."))
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
        form.addRow(self.tr("Manual threshold:"), self.manual)
        form.addRow(self.tr("Withheld (W):"), self.withheld)
        column.addWidget(core)
        column.addWidget(self._extended_box(inner))
        column.addStretch(1)
        self._restore()
        for widget in (self.country, self.threshold, self.withheld):
            widget.currentIndexChanged.connect(self._changed)
        for spin in (self.window, self.wgi_bound, self.manual, self.top_n, self.growth_years, self.reserve_years,
                     self.r_high, self.risk_level, self.target_year):
            spin.valueChanged.connect(self._changed)
        self.years.editingFinished.connect(self._changed)
        self.multipliers.itemChanged.connect(self._changed)

    def _extended_box(self, parent) -> QGroupBox:
        from desktop.core.metrics.extended_params import IEA_2040_MULTIPLIERS

        box = QGroupBox(self.tr("Extended indicators"), parent)
        form = QFormLayout(box)

        def spin(kind, low, high, name: str, tip: str, step=1.0, decimals=2):
            widget = kind(box)
            widget.setRange(low, high)
            if isinstance(widget, QDoubleSpinBox):
                widget.setDecimals(decimals)
                widget.setSingleStep(step)
            widget.setAccessibleName(name)
            widget.setToolTip(tip)
            return widget

        self.top_n = spin(QSpinBox, 1, 10, self.tr("Top-k producers"),
                          self.tr("Concentration: the top-k share adds up the k largest producers."))
        self.growth_years = spin(QSpinBox, 1, 20, self.tr("Growth years n"),
                                 self.tr("Production growth G = (Pₜ / Pₜ₋ₙ)^(1/n) over this many years."))
        self.reserve_years = spin(QDoubleSpinBox, 1.0, 500.0, self.tr("Reserve warning (years)"),
                                  self.tr("Reserves that last fewer years of production than this are a warning."),
                                  step=5.0, decimals=0)
        self.r_high = spin(QDoubleSpinBox, 0.0, 1.0, self.tr("Categories: high R from"),
                           self.tr("Supply-security categories: R at or above this counts as high supply risk."),
                           step=0.01, decimals=3)
        self.risk_level = spin(QDoubleSpinBox, 0.0, 1.0, self.tr("High-risk partner from Γ"),
                               self.tr("Import sources: imports from partners whose governance risk Γ is at or "
                                       "above this count as coming from high-risk partners."),
                               step=0.05, decimals=2)
        self.target_year = spin(QSpinBox, 2025, 2100, self.tr("Demand target year"),
                                self.tr("Demand scenarios: the year the demand multipliers reach."))
        self.multipliers = QTableWidget(len(IEA_2040_MULTIPLIERS), 2, box)
        self.multipliers.setAccessibleName(self.tr("Demand multipliers"))
        self.multipliers.setToolTip(self.tr("Demand in the target year ÷ demand in the base year, per mineral "
                                            "(default: IEA Global Critical Minerals Outlook 2024)."))
        self.multipliers.setHorizontalHeaderLabels([self.tr("Mineral"), self.tr("Multiplier")])
        self.multipliers.verticalHeader().hide()
        self.multipliers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._multiplier_ids = list(IEA_2040_MULTIPLIERS)
        for row, mineral in enumerate(self._multiplier_ids):
            name = QTableWidgetItem(mineral)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.multipliers.setItem(row, 0, name)
            self.multipliers.setItem(row, 1, QTableWidgetItem(f"{IEA_2040_MULTIPLIERS[mineral]:g}"))
        self.multipliers.setFixedHeight(self.multipliers.verticalHeader().length()
                                        + self.multipliers.horizontalHeader().height() + 6)
        form.addRow(self.tr("Top-k:"), self.top_n)
        form.addRow(self.tr("Growth years:"), self.growth_years)
        form.addRow(self.tr("Reserve warning:"), self.reserve_years)
        form.addRow(self.tr("Categories, high R:"), self.r_high)
        form.addRow(self.tr("High-risk partner, Γ ≥:"), self.risk_level)
        form.addRow(self.tr("Demand target year:"), self.target_year)
        form.addRow(self.multipliers)
        return box

    def set_mineral_names(self, registry, lang: str) -> None:
        """The demand multipliers' minerals by their names in the interface language."""
        self.multipliers.blockSignals(True)
        for row, mineral in enumerate(self._multiplier_ids):
            self.multipliers.item(row, 0).setText(registry.mineral_name(mineral, lang) if registry else mineral)
        self.multipliers.blockSignals(False)

    def fill_countries(self, registry) -> None:
        before = self.country.currentData()
        keep = before or self.settings.parameters().get("country") or None
        fill_countries(self.country, registry, self.tr("All countries"), keep=keep)
        if self.country.currentData() != before:
            # the remembered country could be chosen only now that the project's countries are known: tell the
            # toolbar's Country (same list) and ask for the recompute, as if it had been chosen
            self.country.currentIndexChanged.emit(self.country.currentIndex())

    def _restore(self) -> None:
        from desktop.core.metrics.extended_params import ExtendedParams

        saved, ext = self.settings.parameters(), ExtendedParams()

        def number(key: str, default: float) -> float:
            try:
                return float(saved.get(key) or default)
            except (TypeError, ValueError):
                return default

        self.years.setText(str(saved.get("years") or ""))
        self.window.setValue(int(number("window", 5)))
        self.wgi_bound.setValue(number("wgi_bound", 3.5))
        method = str(saved.get("threshold_method") or "midpoint")
        if method.startswith("fixed:"):
            self.manual.setValue(float(method.partition(":")[2] or 0.29))
            method = "fixed"
        else:
            self.manual.setValue(number("manual_threshold", 0.29))
        self.threshold.setCurrentIndex(max(self.threshold.findData(method), 0))
        self.manual.setEnabled(method == "fixed")
        self.withheld.setCurrentIndex(max(self.withheld.findData(saved.get("withheld") or "exclude"), 0))
        self.top_n.setValue(int(number("top_n", ext.top_n)))
        self.growth_years.setValue(int(number("growth_years", ext.growth_years)))
        self.reserve_years.setValue(number("reserve_warning_years", ext.reserve_warning_years))
        self.r_high.setValue(number("r_high", ext.r_high))
        self.risk_level.setValue(number("import_risk_level", 0.5))     # ImportSourceParams' default
        self.target_year.setValue(int(number("scenario_target_year", ext.scenario_target_year)))
        for part in str(saved.get("demand_multipliers") or "").split(";"):
            mineral, _, value = part.partition("=")
            if mineral in self._multiplier_ids:
                self.multipliers.item(self._multiplier_ids.index(mineral), 1).setText(value)

    def _multiplier_values(self) -> dict[str, float]:
        out = {}
        for row, mineral in enumerate(self._multiplier_ids):
            try:
                out[mineral] = float(self.multipliers.item(row, 1).text().replace(",", "."))
            except ValueError:
                raise ValueError(self.tr("The demand multiplier of %1 is not a number.").replace(
                    "%1", self.multipliers.item(row, 0).text())) from None
        return out

    def values(self) -> dict:
        method = self.threshold.currentData()
        if method == "fixed":
            method = f"fixed:{self.manual.value():g}"
        try:
            multipliers = ";".join(f"{k}={v:g}" for k, v in self._multiplier_values().items())
        except ValueError:
            multipliers = ""
        return {"country": self.country.currentData(), "years": self.years.text().strip(),
                "window": self.window.value(), "wgi_bound": round(self.wgi_bound.value(), 3),
                "threshold_method": method, "manual_threshold": self.manual.value(),
                "withheld": self.withheld.currentData(), "top_n": self.top_n.value(),
                "growth_years": self.growth_years.value(), "reserve_warning_years": self.reserve_years.value(),
                "r_high": self.r_high.value(), "scenario_target_year": self.target_year.value(),
                "import_risk_level": round(self.risk_level.value(), 3),
                "demand_multipliers": multipliers}

    def engine_params(self):
        """EngineParams from the fields; ValueError (one sentence) when the years are not understood."""
        from desktop.cli import parse_years
        from desktop.core.metrics.params import EngineParams

        from desktop.core.metrics.extended_params import ExtendedParams
        from desktop.core.metrics.import_source_params import ImportSourceParams

        v = self.values()
        years = parse_years(v["years"]) if v["years"] else None
        extended = ExtendedParams(top_n=v["top_n"], growth_years=v["growth_years"],
                                  reserve_warning_years=v["reserve_warning_years"], r_high=v["r_high"],
                                  scenario_target_year=v["scenario_target_year"],
                                  demand_multipliers=self._multiplier_values())
        return EngineParams(country=v["country"], window=v["window"], wgi_bound=v["wgi_bound"],
                            threshold_method=v["threshold_method"], withheld_policy=v["withheld"], years=years,
                            extended=extended, import_sources=ImportSourceParams(risk_level=v["import_risk_level"]))

    def _changed(self, *_args) -> None:
        self.manual.setEnabled(self.threshold.currentData() == "fixed")
        self.settings.save_parameters(self.values())
        self.sig_changed.emit()
