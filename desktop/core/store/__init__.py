"""The project file (``.critmin``): one SQLite database per analysis project.

The names below are loaded when first used (PEP 562), so that taking a project's lock — which the
window does on its own thread before the worker opens the file — does not load pandas there.
"""
from importlib import import_module

_WHERE = {"Change": "changes", "TableChange": "changes", "CellValue": "editing", "OriginReader": "provenance",
          "WriteReport": "imports", "ProjectLock": "lock", "FILE_SUFFIX": "project", "Project": "project",
          "DatasetCache": "snapshot", "NameResolution": "lists", "UnknownName": "lists",
          "MineralEdit": "registry_edits", "RegistryEditError": "registry_edits"}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f"desktop.core.store.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'desktop.core.store' has no attribute {name!r}")
