"""Messages and dialogs that do not stop the event loop: the worker's results keep arriving while one is shown."""
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


def open_once(parent: QWidget | None, cls, *args, modal: bool = True):
    """The visible dialog of class ``cls`` brought forward, else a new ``cls(parent, *args)`` opened without a
    nested event loop and deleted when closed: window-modal (``open``), or beside the window (``show``)."""
    for child in (parent.findChildren(cls) if parent is not None else []):
        if child.isVisible():
            child.raise_()
            child.activateWindow()
            return child
    dialog = cls(parent, *args)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if modal:
        dialog.open()
    else:
        dialog.show()
    return dialog
