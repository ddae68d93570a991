"""Preferences: the interface language and the colour theme."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class PreferencesDialog(QDialog):
    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(self.language.findData(settings.language_choice), 0))
        self.theme = QComboBox(self)
        self.theme.setAccessibleName(self.tr("Theme"))
        for label, value in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                             (self.tr("Dark"), "dark")):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Theme:"), self.theme)
        self.note = QLabel(self.tr("A new language takes effect when CritMin is started again."), self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.language = self.language.currentData()
        self.settings.theme = self.theme.currentData()
        self.settings.sync()
        try:
            from PySide6.QtWidgets import QApplication

            from desktop.ui.palette import apply_theme
            apply_theme(QApplication.instance(), self.settings.theme)
        except ImportError:
            pass
        super().accept()
