"""Combo boxes of registry countries: "name (ISO3)" in the interface language, sorted as it sorts."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from desktop.ui.collation import sort_names
from desktop.ui.language import ui_language


def fill_countries(combo: QComboBox, registry, all_label: str, *, aggregates: bool = False,
                   keep: str | None = None) -> None:
    """Refill ``combo``: ``all_label`` (data None) first, then every country; select ``keep`` if present.

    No signal is emitted: refilling is not a choice the analyst made.
    """
    keep = keep if keep is not None else combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label, None)
    if registry is not None:
        from desktop.core.registry import AGGREGATE_CODES   # here: the registry module loads pandas

        lang = ui_language()
        codes = list(registry.countries.index) + (sorted(AGGREGATE_CODES) if aggregates else [])
        labels = [f"{registry.country_name(code, lang)} ({code})" for code in codes]
        for i in sort_names(labels):
            combo.addItem(labels[i], codes[i])
    combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
    combo.blockSignals(False)
