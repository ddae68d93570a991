"""The project file (``.critmin``): one SQLite database per analysis project."""
from desktop.core.store.project import FILE_SUFFIX, Project

__all__ = ["FILE_SUFFIX", "Project"]
