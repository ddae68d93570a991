"""Typed errors of the core.  Each carries a one-sentence message for the user."""
from __future__ import annotations


class CritMinError(Exception):
    """Base class: ``str(err)`` is fit to show to an analyst as it is."""


class ReadError(CritMinError):
    """A file cannot be read at all (missing, locked, not a table, bad encoding)."""


class ImportBlocked(CritMinError):
    """Validation found errors; nothing was written.  ``problems`` lists them."""

    def __init__(self, message: str, problems):
        super().__init__(message)
        self.problems = problems


class ProjectError(CritMinError):
    """The project file is not a CritMin project, or is newer than this program."""


class Cancelled(CritMinError):
    """A long computation was cancelled by the user."""


class WriteError(CritMinError):
    """An output file cannot be written (folder missing, disk full, the file open in Excel); any
    earlier file of that name is left as it was."""
