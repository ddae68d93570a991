"""Resource and user-data paths that work from source and from the frozen app."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """Folder holding ``resources/`` and ``data/``: the repo from source, the bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    return app_root() / "resources"


def demo_workbook() -> Path:
    return app_root() / "data" / "critmin_demo.xlsx"


def user_data_dir() -> Path:
    """Per-user folder for logs and settings (``CRITMIN_HOME`` overrides it, e.g. in tests)."""
    override = os.environ.get("CRITMIN_HOME")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "CritMin"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "CritMin"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "CritMin"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return user_data_dir() / "critmin.log"
