"""Typed errors of the core.  Each carries a one-sentence message for the user."""
from __future__ import annotations


class CritMinError(Exception):
    """Base class: ``str(err)`` is fit to show to an analyst as it is."""


class ReadError(CritMinError):
    """A file cannot be read at all (missing, locked, not a table, bad encoding).

    ``where`` (the file) and ``reason`` (a Message) when the reader gives them, so that the window can
    say the reason in its own language."""

    def __init__(self, message: str, where: str | None = None, reason=None):
        super().__init__(message)
        self.where = where
        self.reason = reason


class ImportBlocked(CritMinError):
    """Validation found errors; nothing was written.  ``problems`` lists them."""

    def __init__(self, message: str, problems):
        super().__init__(message)
        self.problems = problems


class ProjectError(CritMinError):
    """The project file cannot be opened: missing, not a CritMin project, damaged, made by a newer
    CritMin, or open in another CritMin window.  Nothing in the file was changed."""


class Cancelled(CritMinError):
    """A long computation was cancelled by the user."""


class WriteError(CritMinError):
    """An output file cannot be written (folder missing, disk full, the file open in Excel); any
    earlier file of that name is left as it was."""


class EditError(CritMinError, ValueError):
    """An edit or an undo cannot be applied (a key taken by another row, a row that is not there, a
    value of the wrong type); nothing was changed."""


class KeyCollision(EditError):
    """An edited row would take the key of another row that the edit does not remove."""


class CellError(CritMinError, ValueError):
    """What an analyst typed into a cell is not a valid value for that column; the message says what
    is wrong and what is expected."""
