"""Item models answer all the roles of a cell in one call from Qt into Python.

A delegate paints a cell from seven or more roles (text, font, alignment, colours, check state, icon).
Qt's default ``multiData`` asks ``data()`` once per role, and each of those is a call from C++ into
Python that takes the interpreter lock back; while a task runs on the worker, every such hand-over waits for
the worker thread (about 0.2 ms here), and a repaint of the Overview's table took 150 ms instead of 4 ms.
Answering ``multiData`` in Python makes it one hand-over per cell.
"""
from __future__ import annotations


class OneCallPerCell:
    """Mixin for a QAbstractItemModel subclass that implements ``data(index, role)``."""

    def multiData(self, index, roles) -> None:  # noqa: N802 — Qt's name
        for role_data in roles:
            role_data.setData(self.data(index, role_data.role()))
