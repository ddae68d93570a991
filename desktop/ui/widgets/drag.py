"""Dragging minerals between the window's lists: one MIME type, the mineral ids one per line.

The Minerals and Names editor drags registry minerals out; the Minerals dock's list takes them in (and
takes a column of names dragged from Excel as plain text, resolved like a paste).
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData

MINERALS_MIME = "application/x-critmin-minerals"


def minerals_mime(ids: list[str]) -> QMimeData:
    mime = QMimeData()
    text = "\n".join(ids)
    mime.setData(MINERALS_MIME, text.encode("utf-8"))
    mime.setText(text)                     # dropped into Excel or a text field: the ids, one per row
    return mime


def minerals_of(mime: QMimeData) -> list[str] | None:
    """The mineral ids a drag carries (None: it is not a drag of minerals)."""
    if not mime.hasFormat(MINERALS_MIME):
        return None
    return [line for line in bytes(mime.data(MINERALS_MIME)).decode("utf-8").splitlines() if line.strip()]
