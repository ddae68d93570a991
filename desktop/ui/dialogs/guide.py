"""Help ▸ User Guide: the Markdown guide of ``docs/guide/<lang>/`` shown inside the program.

Analysts work on machines without internet, so nothing here goes to the network: links between chapters
and to images open in this viewer, an address on the web is only named (to copy), never opened. The guide
is shown in the interface language, in English when that language has no guide, and a clear sentence
replaces it when the guide folder is not installed.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QSplitter, QStyle,
                               QTextBrowser, QToolButton, QVBoxLayout)

from desktop.paths import guide_dir
from desktop.ui.widgets.messages import open_once

INDEX = "index.md"
MAX_IMAGE_WIDTH = 900          # screenshots are 1280 px wide; scaled down to fit the page beside the list
PAGE_MARGIN = 14               # text off the frame's edge, as on a printed page


def guide_language(root: Path, lang: str) -> str | None:
    """The folder to show for the interface language ('zh' → 'zh'), English when it has none, else None."""
    for candidate in (lang, "en"):
        if (root / candidate / INDEX).is_file():
            return candidate
    return None


def chapters(folder: Path) -> list[tuple[Path, str]]:
    """(file, title) of the index and then every chapter in file-name order; the title is the first heading."""
    files = sorted(folder.glob("*.md"), key=lambda p: (p.name != INDEX, p.name))
    out = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
        out.append((path, match.group(1) if match else path.stem))
    return out


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that reads only local files and fits wide screenshots to the page."""

    def loadResource(self, kind: int, url: QUrl):
        if url.scheme() not in ("", "file"):
            return None                                   # never the network
        if kind == int(QTextDocument.ResourceType.ImageResource):
            path = url.toLocalFile() if url.isLocalFile() else self.source().resolved(url).toLocalFile()
            image = QImage(path)
            if image.isNull():
                return None
            margin = int(self.document().documentMargin())
            width = min(MAX_IMAGE_WIDTH, max(self.viewport().width() - 2 * margin - 32, 320))
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            return image
        return super().loadResource(kind, url)


class GuideDialog(QDialog):
    def __init__(self, parent=None, lang: str | None = None, root: Path | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.language import ui_language

        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("CritMin User Guide"))
        self.setAccessibleName(self.tr("CritMin User Guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1180, 780)
        self.root = root or guide_dir()
        self.lang = guide_language(self.root, lang or ui_language())
        style = self.style()
        self.back = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack), self.tr("Back"),
                                 self.tr("Back to the page shown before (Alt+Left)"))
        self.forward = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("Forward"),
                                    self.tr("Forward to the next page (Alt+Right)"))
        self.home = self._button(style.standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon), self.tr("Contents"),
                                 self.tr("The guide's first page, with its table of contents"))
        self.back.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.forward.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find in page (Ctrl+F)"))
        self.find_edit.setAccessibleName(self.tr("Find in page"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(220)
        self.find_edit.setMaximumWidth(320)
        self.find_next = self._button(None, self.tr("Next"), self.tr("Find the next match (Enter, F3)"))
        self.find_previous = self._button(None, self.tr("Previous"),
                                          self.tr("Find the previous match (Shift+Enter, Shift+F3)"))
        self.find_status = QLabel(self)
        self.find_status.setAccessibleName(self.tr("Find result"))
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Guide message"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(self.tr("Chapters"))
        self.contents.setToolTip(self.tr("The guide's chapters: click one to read it"))
        self.browser = GuideBrowser(self)
        self.browser.document().setDocumentMargin(PAGE_MARGIN)
        self.browser.setAccessibleName(self.tr("Guide page"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)          # every link goes through _follow: local only

        bar = QHBoxLayout()
        for widget in (self.back, self.forward, self.home):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.find_edit, self.find_previous, self.find_next, self.find_status):
            bar.addWidget(widget)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setAccessibleName(self.tr("Chapters and page"))
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([250, 930])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.back.clicked.connect(self.browser.backward)
        self.forward.clicked.connect(self.browser.forward)
        self.home.clicked.connect(lambda: self.show_page(INDEX))
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.browser.forwardAvailable.connect(self.forward.setEnabled)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._on_page)
        self.contents.currentItemChanged.connect(self._on_chapter)
        self.find_edit.returnPressed.connect(self.find)
        self.find_edit.textChanged.connect(lambda _: self.find_status.clear())
        self.find_next.clicked.connect(self.find)
        self.find_previous.clicked.connect(lambda: self.find(backward=True))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.find)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self, lambda: self.find(backward=True))
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, lambda: self.find(backward=True))
        self.back.setEnabled(False)
        self.forward.setEnabled(False)
        self._fill()
        from desktop.ui.widgets.accessibility import name_inner_controls

        name_inner_controls(self)        # the find field's clear button

    def _button(self, icon, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        if icon is not None:
            button.setIcon(icon)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setText(text)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setIconSize(QSize(16, 16))
        return button

    # -- pages -------------------------------------------------------------------------------------
    def _fill(self) -> None:
        if self.lang is None:
            self._missing()
            return
        for path, title in chapters(self.root / self.lang):
            item = QListWidgetItem(title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, str(path.resolve()))
            item.setToolTip(title)
        self.show_page(INDEX)

    def _missing(self) -> None:
        """No guide here (e.g. a plain wheel install): say so on the page itself, leave the controls off."""
        for widget in (self.contents, self.home, self.find_edit, self.find_next, self.find_previous):
            widget.setEnabled(False)
        self.browser.setMarkdown(self.tr("## The user guide is not installed\n\nCritMin looked for it in `%1` and "
                                         "found no guide there. The guide is part of the installer and of a "
                                         "checkout of CritMin (folder `docs/guide`).")
                                 .replace("%1", str(self.root)))

    def show_page(self, name: str) -> bool:
        """Open a chapter of the current language by its file name ('03-indicators.md'); False if it is not there."""
        if self.lang is None:
            return False
        path = (self.root / self.lang / name).resolve()
        if not path.is_file():
            return False
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        return True

    def page(self) -> str:
        """The file name of the page shown ('' when none)."""
        return Path(self.browser.source().toLocalFile()).name if self.browser.source().isLocalFile() else ""

    def _follow(self, url: QUrl) -> None:
        if url.scheme() not in ("", "file"):
            # CritMin opens no web pages: the analyst may be offline, and a click must not leave the program.
            self.status.setText(self.tr("CritMin does not open web pages. The address, to copy: %1")
                                .replace("%1", url.toString()))
            return
        target = self.browser.source().resolved(url) if url.isRelative() else url
        path = Path(target.toLocalFile())
        if not target.toLocalFile() or (path == Path(self.browser.source().toLocalFile()) and url.fragment()):
            self.browser.scrollToAnchor(url.fragment())
            return
        if not path.is_file() or self.root.resolve() not in path.resolve().parents:
            self.status.setText(self.tr("This link points to a page that is not in the guide: %1")
                                .replace("%1", url.toString()))
            return
        if path.suffix.lower() not in (".md", ".markdown"):
            self.status.setText(self.tr("This link points to a file the guide cannot show: %1")
                                .replace("%1", str(path)))
            return
        self.browser.setSource(target, QTextDocument.ResourceType.MarkdownResource)
        if url.fragment():
            self.browser.scrollToAnchor(url.fragment())

    def _on_page(self, url: QUrl) -> None:
        self.browser.document().setDocumentMargin(PAGE_MARGIN)
        self.status.clear()
        self.find_status.clear()
        local = str(Path(url.toLocalFile()).resolve()) if url.isLocalFile() else ""
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == local:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)
                break
        title = self.browser.documentTitle() or (self.contents.currentItem().text()
                                                  if self.contents.currentItem() else "")
        self.setWindowTitle(self.tr("CritMin User Guide — %1").replace("%1", title) if title
                            else self.tr("CritMin User Guide"))

    def _on_chapter(self, item, _previous=None) -> None:
        if item is not None:
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)

    def chapter_titles(self) -> list[str]:
        return [self.contents.item(r).text() for r in range(self.contents.count())]

    # -- find --------------------------------------------------------------------------------------
    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find(self, backward: bool = False) -> bool:
        """Find the text of the find field from the cursor on, wrapping round once; say when there is none."""
        text = self.find_edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.find_status.setText("" if found else self.tr("Not found"))
        return found


def open_guide(parent, lang: str | None = None) -> GuideDialog:
    """Help ▸ User Guide: the open guide window comes forward, else a new one opens beside the main window
    (modeless, so the analyst can read and work at the same time)."""
    return open_once(parent, GuideDialog, lang, modal=False)
