"""Sorting names as the interface language does: Chinese names by pinyin, English case-insensitively."""
from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QLocale

from desktop.ui.language import ui_language


def collator() -> QCollator:
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if ui_language() == "zh" else QLocale()
    c = QCollator(locale)
    c.setCaseSensitivity(c.caseSensitivity().CaseInsensitive)
    c.setNumericMode(True)
    return c


def sort_names(names: list[str]) -> list[int]:
    """Positions of ``names`` in sorted order (a few hundred distinct labels: Python sort is fine)."""
    c = collator()
    return sorted(range(len(names)), key=cmp_to_key(lambda a, b: c.compare(names[a], names[b])))
