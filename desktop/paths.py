"""Resource and user-data paths that work from a checkout, an installed wheel and the frozen app.

Resources (translations, icons, styles, the demo workbook) are package data under
``desktop/resources/`` and are found through :mod:`importlib.resources`, so the same code serves an
editable checkout, ``pip install .`` into any environment and the PyInstaller bundle (which lays the
package data out under ``sys._MEIPASS/desktop/resources``). No Qt here: the command line imports this.
"""
from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@functools.cache
def resources_dir() -> Path:
    """The folder holding ``translations/``, ``icons/``, ``styles/`` and ``demo/``, as a real path.

    Qt loads files by name (``QTranslator.load``, ``QSvgRenderer``), so this is always a filesystem
    folder: the package's own folder for a normal install or the frozen app; a temporary copy, removed at
    exit, if the package is imported from a zip file.
    """
    tree = resources.files("desktop") / "resources"
    if isinstance(tree, Path):
        return tree
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "desktop" / "resources"
    if getattr(sys, "frozen", False) and bundled.is_dir():  # an older PyInstaller's own reader
        return bundled
    # A zip import gives a zipfile.Path; Python 3.11's as_file() does not copy folders, so copy the tree.
    target = Path(tempfile.mkdtemp(prefix="critmin-resources-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    _copy_tree(tree, target)
    return target


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.is_dir():
            _copy_tree(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


def translations_dir() -> Path:
    """Compiled translations (``critmin_<lang>.qm``) and their ``.ts`` sources."""
    return resources_dir() / "translations"


def icons_dir() -> Path:
    """SVG icons drawn for CritMin (``currentColor`` strokes) and the app icon ``critmin.svg/.png/.ico``."""
    return resources_dir() / "icons"


def styles_dir() -> Path:
    """Qt style sheets (``*.qss``) shipped with the app."""
    return resources_dir() / "styles"


def demo_workbook() -> Path:
    """The installed demo workbook: read-only, never opened in place (copy it to documents_dir())."""
    return resources_dir() / "demo" / "critmin_demo.xlsx"


def demo_sources() -> Path:
    """The demo's sources (JSON list: name, publisher, vintage, licence, url, used_for, used_for_zh), written
    by scripts/build_demo.py beside the demo workbook; Help ▸ Data Sources reads it."""
    return resources_dir() / "demo" / "sources.json"


def guide_dir() -> Path:
    """The user guide (``en/``, ``zh/``, ``images/``): ``docs/guide`` of a checkout, or the copy the frozen app
    carries under ``sys._MEIPASS``. It is not package data, so a plain wheel install has none (Help says so)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", "")) / "docs" / "guide"
    return Path(__file__).resolve().parents[1] / "docs" / "guide"


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


def documents_dir() -> Path:
    """The user's documents folder, where the first start puts its copy of the demo project.

    ``CRITMIN_HOME`` set (tests) → ``CRITMIN_HOME/Documents``; Windows → the Documents known folder (it
    may be redirected, e.g. to OneDrive); Linux → ``XDG_DOCUMENTS_DIR`` from ``user-dirs.dirs``;
    otherwise ``~/Documents``. The folder is created if missing.
    """
    override = os.environ.get("CRITMIN_HOME")
    if override:
        path = Path(override) / "Documents"
    elif sys.platform == "win32":
        path = _windows_documents() or Path.home() / "Documents"
    elif sys.platform == "darwin":
        path = Path.home() / "Documents"
    else:
        path = _xdg_documents() or Path.home() / "Documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _windows_documents() -> Path | None:
    try:
        import ctypes
        import uuid
        from ctypes import wintypes

        folder_id = uuid.UUID("{FDD39AD0-238F-46AF-ADB4-6C85480369C7}")  # FOLDERID_Documents
        guid = (ctypes.c_ubyte * 16).from_buffer_copy(folder_id.bytes_le)
        out = ctypes.c_wchar_p()
        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
        shell32.SHGetKnownFolderPath.argtypes = [ctypes.c_void_p, wintypes.DWORD, wintypes.HANDLE,
                                                 ctypes.POINTER(ctypes.c_wchar_p)]
        if shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(out)) != 0:
            return None
        try:
            return Path(out.value) if out.value else None
        finally:
            ctypes.windll.ole32.CoTaskMemFree(out)  # type: ignore[attr-defined]
    except (OSError, AttributeError, ValueError):
        return None


def _xdg_documents() -> Path | None:
    """``XDG_DOCUMENTS_DIR`` as xdg-user-dirs writes it (``XDG_DOCUMENTS_DIR="$HOME/Dokumente"``)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "user-dirs.dirs"
    try:
        lines = config.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        key, sep, value = line.strip().partition("=")
        if sep and key == "XDG_DOCUMENTS_DIR":
            value = value.strip().strip('"').replace("$HOME", str(Path.home()))
            path = Path(value)
            # xdg-user-dirs sets the folder to $HOME itself when it is disabled: not a documents folder.
            return path if path.is_absolute() and path != Path.home() else None
    return None


def log_file() -> Path:
    return user_data_dir() / "critmin.log"
