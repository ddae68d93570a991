"""Loading the compiled Chinese translation (resources/translations/critmin_zh_CN.qm)."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.paths import resources_dir

_installed: list[QTranslator] = []   # keep references: a collected translator stops translating


def install_translator(app: QApplication, language: str) -> bool:
    """Install CritMin's and Qt's own translations for ``language``; English needs none."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True
    ours = QTranslator(app)
    ok = ours.load(str(resources_dir() / "translations" / f"critmin_{language}.qm"))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)  # standard dialogs (Open, Cancel …)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
