"""Messages that do not stop the event loop: the worker's results keep arriving while one is shown."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def tell(parent: QWidget, title: str, sentence: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
    """A window-modal message box opened without a nested event loop (``open``, not ``exec``)."""
    box = QMessageBox(icon, title, sentence, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("critmin_message")
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
