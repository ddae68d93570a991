"""Names for the controls Qt builds inside other widgets, so screen readers and test robots find them.

A line edit's clear button, a combo box's drop-down list and a toolbar's overflow button have no
accessible name of their own (found by walking the window over AT-SPI); this gives them one.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolBar, QToolButton, QWidget


def name_inner_controls(root: QWidget) -> None:
    for edit in root.findChildren(QLineEdit):
        owner = edit.accessibleName() or edit.placeholderText()
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                name = QCoreApplication.translate("Accessibility", "Clear %1").replace("%1", owner)
                button.setAccessibleName(name.strip())
    for combo in root.findChildren(QComboBox):
        if combo.view() is not None and not combo.view().accessibleName():
            name = QCoreApplication.translate("Accessibility", "%1 choices").replace("%1", combo.accessibleName())
            combo.view().setAccessibleName(name.strip())
    for bar in root.findChildren(QToolBar):
        for button in bar.findChildren(QToolButton):
            if button.objectName() == "qt_toolbar_ext_button" and not button.accessibleName():
                button.setAccessibleName(QCoreApplication.translate("Accessibility", "More tools"))
