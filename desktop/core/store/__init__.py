"""The project file (``.critmin``): one SQLite database per analysis project."""
from desktop.core.store.changes import Change, TableChange
from desktop.core.store.imports import WriteReport
from desktop.core.store.lock import ProjectLock
from desktop.core.store.project import FILE_SUFFIX, Project

__all__ = ["FILE_SUFFIX", "Change", "Project", "ProjectLock", "TableChange", "WriteReport"]
