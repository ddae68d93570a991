"""Loading the compiled Chinese translation (package data: desktop/resources/translations/critmin_zh_CN.qm)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import translations_dir

_installed: list[QTranslator] = []   # keep references: a collected translator stops translating


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Install CritMin's and Qt's own translations for ``language``; English needs none."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True
    ours = QTranslator(app)
    ok = ours.load(str(translations_dir() / f"critmin_{language}.qm"))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)  # standard dialogs (Open, Cancel …)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
