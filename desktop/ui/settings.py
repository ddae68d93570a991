"""Typed settings over QSettings (IniFormat) with a version and migrations.

The file lives in the user data folder (``CRITMIN_HOME`` in tests), so tests
never touch a real user's settings.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from desktop.paths import user_data_dir

SETTINGS_VERSION = 1
LANGUAGES = ("en", "zh_CN")


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(str(user_data_dir() / "critmin.ini"), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = int(self.q.value("settings_version", 0))
        # version 0 -> 1: nothing to convert yet; later versions add steps here.
        if version < SETTINGS_VERSION:
            self.q.setValue("settings_version", SETTINGS_VERSION)

    @property
    def language(self) -> str:
        value = self.q.value("ui/language", "")
        if value in LANGUAGES:
            return value
        return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unsupported language {value!r}")
        self.q.setValue("ui/language", value)

    @property
    def recent_files(self) -> list[str]:
        value = self.q.value("files/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent_file(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files if f != path]
        self.q.setValue("files/recent", files[:10])

    def sync(self) -> None:
        self.q.sync()
