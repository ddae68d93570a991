"""The interface language the running application uses ("en" or "zh"), for names and core messages.

``desktop.app`` stores the chosen language on the QApplication (property ``critmin_language``) when it
installs the translator; everything that shows a mineral or country name or a core message asks here.
"""
from __future__ import annotations


def ui_language() -> str:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    lang = app.property("critmin_language") if app else None
    return "zh" if str(lang or "").startswith("zh") else "en"
