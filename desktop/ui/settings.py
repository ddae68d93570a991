"""Typed settings over QSettings (IniFormat) with a version and migrations.

The file lives in the user data folder (``CRITMIN_HOME`` in tests), so tests
never touch a real user's settings.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from desktop.paths import user_data_dir

SETTINGS_VERSION = 1
LANGUAGES = ("en", "zh_CN")
THEMES = ("system", "light", "dark")
MAX_RECENT = 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(str(user_data_dir() / "critmin.ini"), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = int(self.q.value("settings_version", 0))
        # version 0 -> 1: nothing to convert yet; later versions add steps here.
        if version < SETTINGS_VERSION:
            self.q.setValue("settings_version", SETTINGS_VERSION)

    # -- language and theme -------------------------------------------------------------------
    @property
    def language_choice(self) -> str:
        """"" (follow the system), "en" or "zh_CN": what Preferences shows."""
        value = self.q.value("ui/language", "")
        return value if value in LANGUAGES else ""

    @property
    def language(self) -> str:
        value = self.language_choice
        if value:
            return value
        return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES and value != "":
            raise ValueError(f"unsupported language {value!r}")
        self.q.setValue("ui/language", value)

    @property
    def theme(self) -> str:
        value = self.q.value("ui/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unsupported theme {value!r}")
        self.q.setValue("ui/theme", value)

    # -- files ----------------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        value = self.q.value("files/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent_file(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files if Path(f) != Path(path)]
        self.q.setValue("files/recent", files[:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        self.q.setValue("files/recent", [f for f in self.recent_files if f != path])

    @property
    def last_project(self) -> str:
        return str(self.q.value("files/last_project", "") or "")

    @last_project.setter
    def last_project(self, path: str) -> None:
        self.q.setValue("files/last_project", path)

    def _flag(self, key: str) -> bool:
        return str(self.q.value(key, "false")).lower() == "true"     # IniFormat stores text

    def _set_flag(self, key: str, value: bool) -> None:
        self.q.setValue(key, "true" if value else "false")

    demo_created = property(lambda self: self._flag("files/demo_created"),
                            lambda self, value: self._set_flag("files/demo_created", value))
    banner_dismissed = property(lambda self: self._flag("ui/banner_dismissed"),
                                lambda self, value: self._set_flag("ui/banner_dismissed", value))

    # -- window --------------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry, state = self.q.value("window/geometry"), self.q.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    @property
    def year(self) -> int | None:
        """The year the views showed last (the toolbar's Year)."""
        try:
            return int(self.q.value("view/year", "") or 0) or None
        except (TypeError, ValueError):
            return None

    @year.setter
    def year(self, value: int | None) -> None:
        self.q.setValue("view/year", "" if value is None else int(value))

    # -- last parameters -----------------------------------------------------------------------
    def parameters(self) -> dict:
        self.q.beginGroup("parameters")
        try:
            return {k: self.q.value(k) for k in self.q.childKeys()}
        finally:
            self.q.endGroup()

    def save_parameters(self, values: dict) -> None:
        self.q.beginGroup("parameters")
        try:
            for key, value in values.items():
                self.q.setValue(key, "" if value is None else value)
        finally:
            self.q.endGroup()

    def sync(self) -> None:
        self.q.sync()
