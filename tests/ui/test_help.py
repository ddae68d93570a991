"""Help menu: the user guide inside the program (both languages, links, pictures, no network), Data Sources
from the demo's sources.json, and About with the licences read from the installed packages' metadata."""
from __future__ import annotations

import email.message
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QApplication, QLineEdit, QListWidget, QTableWidget, QTabWidget,
                               QTextBrowser, QWidget)

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "guide"
CHAPTERS = ["index.md", "01-getting-started.md", "02-importing-data.md", "03-indicators.md",
            "04-mineral-lists.md", "05-risk-matrix.md", "06-alerts.md", "07-scenarios.md", "08-exporting.md",
            "09-template.md", "10-troubleshooting.md"]


@pytest.fixture
def language():
    """Set the interface language as desktop.app does (a property of the application), restored after."""
    app = QCoreApplication.instance()
    before = app.property("critmin_language")

    def set_to(lang: str) -> None:
        app.setProperty("critmin_language", lang)

    yield set_to
    app.setProperty("critmin_language", before)


def unnamed_controls(dialog) -> list[str]:
    """The controls of a dialog a screen reader could not name (Qt's own inner parts aside)."""
    kinds = (QAbstractButton, QLineEdit, QListWidget, QTableWidget, QTextBrowser, QTabWidget)
    return [f"{type(w).__name__} {w.objectName()}" for w in dialog.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisibleTo(dialog) and not w.accessibleName()
            and not w.objectName().startswith("qt_") and type(w).__name__ != "QTableCornerButton"]


# -- the guide -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_guide_has_every_chapter_in_both_languages(lang):
    assert sorted(p.name for p in (GUIDE / lang).glob("*.md")) == sorted(CHAPTERS)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_link_and_picture_of_the_guide_resolves(lang):
    """Relative links go to pages of the same language, pictures to images/<lang>/, and every file is there."""
    for page in (GUIDE / lang).glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
            assert target.startswith(f"../images/{lang}/"), (page.name, target)
            image = (page.parent / target).resolve()
            assert image.is_file(), (page.name, target)
            assert image.stat().st_size < 160_000, f"{image.name} is {image.stat().st_size} bytes"
        for target in re.findall(r"(?<!!)\[[^\]]*\]\(([^)]+)\)", text):
            if "://" in target:
                continue
            assert (page.parent / target.split("#")[0]).is_file(), (page.name, target)
    assert sorted(p.name for p in (GUIDE / "images" / "en").glob("*.png")) == \
        sorted(p.name for p in (GUIDE / "images" / "zh").glob("*.png"))


@pytest.mark.qt_log_ignore("This plugin does not support raise")     # offscreen: bringing a window forward
def test_help_user_guide_opens_the_english_guide(window, qtbot, language):
    language("en")
    assert window.act_guide.shortcut().toString() == "F1"
    assert window.help_menu.actions()[0] is window.act_guide
    dialog = window.user_guide()
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.lang == "en" and dialog.page() == "index.md"
    titles = dialog.chapter_titles()
    assert titles[0] == "CritMin user guide" and len(titles) == len(CHAPTERS)
    assert "Getting started" in titles and "Troubleshooting" in titles
    assert "CritMin user guide" in dialog.browser.toPlainText()
    assert window.user_guide() is dialog            # a second F1 brings the open window forward
    assert unnamed_controls(dialog) == []


def test_help_user_guide_opens_in_chinese_when_the_interface_is_chinese(window, qtbot, language):
    language("zh_CN")
    dialog = window.user_guide()
    assert dialog.lang == "zh"
    assert dialog.chapter_titles()[0] == "CritMin 用户指南"
    assert "CritMin 用户指南" in dialog.browser.toPlainText()
    assert "快速入门" in dialog.chapter_titles()


def test_a_link_to_a_chapter_opens_it_and_back_returns(window, qtbot, language):
    language("en")
    dialog = window.user_guide()
    assert not dialog.back.isEnabled()
    dialog.browser.anchorClicked.emit(QUrl("03-indicators.md"))
    assert dialog.page() == "03-indicators.md"
    assert "Import dependency D" in dialog.browser.toPlainText()
    assert dialog.contents.currentItem().text() == "The indicators"      # the chapter list follows
    assert dialog.back.isEnabled()
    dialog.back.click()
    assert dialog.page() == "index.md" and dialog.forward.isEnabled()
    dialog.forward.click()
    assert dialog.page() == "03-indicators.md"
    dialog.contents.setCurrentRow(len(CHAPTERS) - 1)                      # a click in the chapter list
    assert dialog.page() == "10-troubleshooting.md"
    dialog.home.click()
    assert dialog.page() == "index.md"


def test_the_pictures_of_a_page_are_loaded_from_the_guide_folder(window, language):
    language("en")
    dialog = window.user_guide()
    dialog.show_page("03-indicators.md")
    urls = re.findall(r'<img src="([^"]+)"', dialog.browser.toHtml())
    assert urls, "the page shows pictures"
    for url in urls:
        image = dialog.browser.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(url))
        assert image is not None and not image.isNull(), url
        assert image.width() <= 900                         # wide screenshots fit the page


def test_the_guide_opens_no_web_page(window, language):
    language("en")
    dialog = window.user_guide()
    assert not dialog.browser.openExternalLinks() and not dialog.browser.openLinks()
    dialog.browser.anchorClicked.emit(QUrl("https://www.usgs.gov/"))
    assert dialog.page() == "index.md"
    assert "https://www.usgs.gov/" in dialog.status.text()
    assert dialog.browser.loadResource(int(QTextDocument.ResourceType.ImageResource),
                                       QUrl("https://example.org/x.png")) is None


def test_find_in_page(window, language):
    language("en")
    dialog = window.user_guide()
    dialog.show_page("03-indicators.md")
    dialog.find_edit.setText("coverage")
    assert dialog.find() and dialog.browser.textCursor().selectedText().lower() == "coverage"
    assert dialog.find(backward=True)
    dialog.find_edit.setText("no such words in the guide")
    assert not dialog.find()
    assert dialog.find_status.text() == "Not found"


def test_a_language_without_a_guide_falls_back_to_english(qtbot, tmp_path):
    from desktop.ui.dialogs.guide import GuideDialog

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.md").write_text("# Guide\n\n[Next](01-next.md)\n", encoding="utf-8")
    (tmp_path / "en" / "01-next.md").write_text("# Next page\n", encoding="utf-8")
    dialog = GuideDialog(None, "zh", tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.lang == "en" and dialog.chapter_titles() == ["Guide", "Next page"]


def test_a_missing_guide_folder_is_said_in_a_sentence(qtbot, tmp_path):
    from desktop.ui.dialogs.guide import GuideDialog

    dialog = GuideDialog(None, "en", tmp_path / "nowhere")
    qtbot.addWidget(dialog)
    assert dialog.lang is None and dialog.chapter_titles() == []
    assert "not installed" in dialog.browser.toPlainText() and str(tmp_path / "nowhere") in \
        dialog.browser.toPlainText()
    assert not dialog.show_page("index.md") and not dialog.find_edit.isEnabled()


def test_a_link_to_a_missing_page_is_said_not_followed(qtbot, tmp_path):
    from desktop.ui.dialogs.guide import GuideDialog

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.md").write_text("# Guide\n\n[Gone](02-gone.md)\n", encoding="utf-8")
    dialog = GuideDialog(None, "en", tmp_path)
    qtbot.addWidget(dialog)
    dialog.browser.anchorClicked.emit(QUrl("02-gone.md"))
    assert dialog.page() == "index.md" and "02-gone.md" in dialog.status.text()


# -- Data Sources ----------------------------------------------------------------------------------------
SOURCES = [
    {"name": "Mineral Commodity Summaries 2025", "publisher": "U.S. Geological Survey", "vintage": "2025",
     "licence": "Public domain", "url": "https://doi.org/10.5066/P13XCP3R", "used_for": "reserves",
     "used_for_zh": "储量"},
    {"name": "Worldwide Governance Indicators", "publisher": "World Bank", "vintage": "2024 update",
     "licence": "CC BY 4.0", "url": "https://www.worldbank.org/", "used_for": "governance",
     "used_for_zh": "治理"},
]


def test_data_sources_lists_every_source_of_sources_json(window, tmp_path, monkeypatch, language):
    from desktop.ui.dialogs import about

    path = tmp_path / "sources.json"
    path.write_text(json.dumps(SOURCES, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(about, "demo_sources", lambda: path)
    language("en")
    dialog = window.data_sources()
    assert dialog.names() == ["Mineral Commodity Summaries 2025", "Worldwide Governance Indicators"]
    rows = [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]
    assert rows[1][2] == "CC BY 4.0" and rows[1][4] == "governance" and rows[0][5].startswith("https://doi")
    dialog.table.setCurrentCell(1, 0)
    assert "Where to download: https://www.worldbank.org/" in dialog.detail.text()      # in full, to copy
    assert not dialog.message.isVisible() and dialog.table.isSortingEnabled()
    assert unnamed_controls(dialog) == []
    dialog.copy.click()
    assert QApplication.clipboard().text().splitlines()[2].startswith("Worldwide Governance Indicators\tWorld Bank")
    dialog.close()
    language("zh_CN")
    chinese = window.data_sources()
    assert chinese.table.item(0, 4).text() == "储量"


def test_data_sources_says_so_when_the_list_is_missing_or_broken(window, tmp_path, monkeypatch):
    from desktop.ui.dialogs import about

    monkeypatch.setattr(about, "demo_sources", lambda: tmp_path / "sources.json")
    dialog = window.data_sources()
    assert dialog.table.rowCount() == 0 and not dialog.table.isVisibleTo(dialog)
    assert "missing" in dialog.message.text() and "sources.json" in dialog.message.text()
    assert dialog.message.isVisibleTo(dialog) and not dialog.copy.isEnabled()
    dialog.close()
    (tmp_path / "sources.json").write_text("{not json", encoding="utf-8")
    broken = window.data_sources()
    assert "could not be read" in broken.message.text()


def test_the_bundled_sources_json_if_present_has_the_documented_keys():
    from desktop.paths import demo_sources
    from desktop.ui.dialogs.about import read_sources

    if not demo_sources().exists():
        pytest.skip("the demo's sources.json is not built yet")
    sources, problem = read_sources()
    assert problem == "" and sources
    keys = {"name", "publisher", "vintage", "licence", "url", "used_for", "used_for_zh"}
    assert all(keys <= set(s) for s in sources)


# -- About ----------------------------------------------------------------------------------------------
@pytest.mark.qt_log_ignore("This plugin does not support raise")     # offscreen: bringing a window forward
def test_about_lists_the_bundled_components_with_their_licences(window):
    dialog = window.about()
    rows = {name.casefold(): (version, licence) for name, version, licence in dialog.rows()}
    pyside = next(v for k, v in rows.items() if k.startswith("pyside6"))
    assert "LGPL" in pyside[1]
    assert "BSD" in rows["pandas"][1]
    assert "qt" in rows and "LGPL" in rows["qt"][1] and "python" in rows
    from desktop import __version__

    assert f"CritMin {__version__}" in dialog.header.text() and "MIT" in dialog.header.text()
    assert "critmin.log" in dialog.header.text()
    assert "MIT License" in dialog.licence.toPlainText()
    assert dialog.table.isSortingEnabled()
    assert unnamed_controls(dialog) == []
    assert window.about() is dialog                    # opened once; a second click brings it forward


def test_about_is_generated_from_the_installed_metadata(window, monkeypatch):
    """A package the program depends on appears with what its metadata says — nothing is typed by hand."""
    from importlib import metadata as real

    from desktop import licences

    meta = email.message.Message()
    meta["Name"], meta["Version"], meta["License-Expression"] = "fake-geology", "9.8.7", "Apache-2.0"
    meta["Summary"] = "A package that only this test installs"

    class FakeDist:
        metadata = meta
        requires = ("pandas>=2", "not-installed-anywhere>=1")

    class Metadata:
        PackageNotFoundError = real.PackageNotFoundError

        @staticmethod
        def requires(name):
            extra = ["fake-geology>=9"] if name == licences.PROGRAM else []
            return (real.requires(name) or []) + extra

        @staticmethod
        def distribution(name):
            return FakeDist() if name == "fake-geology" else real.distribution(name)

        metadata = staticmethod(real.metadata)
        distributions = staticmethod(real.distributions)

    monkeypatch.setattr(licences, "metadata", Metadata)
    dialog = window.about()
    rows = {name: (version, licence) for name, version, licence in dialog.rows()}
    assert rows["fake-geology"] == ("9.8.7", "Apache-2.0")
    assert "not-installed-anywhere" not in rows


def test_licence_words_from_metadata():
    from desktop.licences import licence_of

    def meta(**fields):
        m = email.message.Message()
        for key, value in fields.items():
            if isinstance(value, list):
                for v in value:
                    m[key.replace("_", "-")] = v
            else:
                m[key.replace("_", "-")] = value
        return m

    assert licence_of(meta(License_Expression="MIT", License="whatever")) == "MIT"
    assert licence_of(meta(Classifier=["License :: OSI Approved :: BSD License", "Programming Language :: Python"],
                           License="BSD 3-Clause License\n\nCopyright (c) …")) == "BSD License"
    assert licence_of(meta(License="BSD 3-Clause License\n\nCopyright (c) 2008 AQR\nAll rights reserved.")) == \
        "BSD 3-Clause License"
    assert licence_of(meta(License="Copyright (c) 2001 Enthought\n\nRedistribution and use in source and binary "
                                   "forms, with or without modification, are permitted")) == "BSD-style"
    assert licence_of(meta(License="UNKNOWN")) == ""


def test_the_dependencies_follow_requirements_recursively_and_skip_extras():
    from desktop.licences import dependencies

    names = {c.name.casefold().replace("_", "-") for c in dependencies()}
    assert {"pandas", "numpy", "pyqtgraph", "openpyxl"} <= names
    assert any(n.startswith("pyside6") for n in names) and "shiboken6" in names      # a dependency's own
    assert "pytz" in names or "python-dateutil" in names                             # pandas' requirements
    assert "pytest" not in names and "hypothesis" not in names                       # the test extra
    assert "critmin" not in names
