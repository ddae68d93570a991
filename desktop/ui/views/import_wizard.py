"""The import wizard: what ``critmin validate -v`` says, made visual, and the fixes it offers.

The analyst chooses (or drops) files; the worker reads them with the project's
registry (its aliases included) and the wizard shows, page by page, what was
recognised (Summary), how names were mapped (Names: correct one, save it as an
alias, the preview reloads), which rows are left out and why (Rows Left Out) and
every problem with file, sheet, row and column (Problems: double-click shows the
cells around it).  When every error of a file names a row, "Leave out the rows
with errors" (under the pages and on Problems) reads the files again with those
rows left out, each listed on Rows Left Out; unchecking it reads them again
with every row.  Import is allowed only when no file has an error; it runs on
the worker as ONE undo step ("Import 2 files") in one transaction, so a failure
or Cancel leaves the project as it was.

The main window opens it with the files to import (``paths`` may be empty),
connects :attr:`ImportWizardDialog.sig_import_finished` and calls ``open()``::

    dialog = ImportWizardDialog(document, paths, parent=window)
    dialog.sig_import_finished.connect(window.on_import_finished)   # reports or a sentence
    dialog.open()
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Cancelled
from desktop.core.ingest.readers import EXCEL_SUFFIXES, TEXT_SUFFIXES
from desktop.core.registry.normalise import normalise_name
from desktop.ui.language import ui_language
from desktop.ui.models.wizard_models import (
    SEVERITY_ORDER,
    STATUS_ORDER,
    ContextModel,
    DroppedModel,
    FileEntry,
    FilesModel,
    MappingsModel,
    ProblemRecord,
    ProblemsModel,
    SheetsModel,
    TablesModel,
    _icon,
    prepare_file,
    registry_choices,
)
from desktop.ui.tasks import error_sentence

log = logging.getLogger("critmin.ui.import")

SUFFIXES = EXCEL_SUFFIXES | TEXT_SUFFIXES
PREVIEW_KIND = "import-preview"
CONTEXT_KIND = "import-context"
MAX_COLUMN_WIDTH = 340          # a column fitted to its contents never gets wider than this (elided, tooltip)


def _alive(obj) -> bool:
    try:
        import shiboken6
        return shiboken6.isValid(obj)
    except ImportError:         # pragma: no cover
        return True


def _project_registry(path):
    """The registry with the project's aliases (on the worker); the default one without a project."""
    from desktop.core.registry import default_registry

    if path is None:
        return default_registry()
    from desktop.core.store import Project

    with Project.open(path) as project:
        return project.registry()


class ElidedLabel(QLabel):
    """One line of text, elided to the width it gets; the full text in the tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleDescription(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 10))
        QLabel.setText(self, shown)
        self.setToolTip(self._full if shown != self._full else "")


def _table(parent, accessible: str, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)     # keep the model's order until a header is clicked
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def _fit(view: QTableView, caps: dict[int, int] | None = None, max_width: int = MAX_COLUMN_WIDTH,
         keep: frozenset = frozenset(), within_view: bool = True) -> None:
    """Columns fitted to their contents (header included), within reason, and together within the view.

    Each column gets its content width up to ``max_width`` (``caps`` allows some more); when they
    do not fit side by side, the widest are narrowed to a common width (their text elides, the
    tooltip has it all) before a horizontal scroll bar is needed; the columns in ``keep`` (the
    message, the name) are narrowed only when the others are as narrow as their headers.  New records keep the order the
    analyst chose by clicking a header.
    """
    header = view.horizontalHeader()
    model = view.model()
    if view.isSortingEnabled() and 0 <= header.sortIndicatorSection() < model.columnCount():
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    n = model.columnCount()
    if n == 0:
        return
    widths, floors = [], []
    for column in range(n):
        view.resizeColumnToContents(column)
        hint = header.sectionSizeHint(column)
        natural = min(max(header.sectionSize(column), hint), (caps or {}).get(column, max_width))
        widths.append(natural)
        floors.append(min(natural, max(hint, 64)))
    avail = view.viewport().width() - 2 if within_view else 0
    for group in ([c for c in range(n) if c not in keep], [c for c in range(n) if c in keep]):
        if sum(widths) <= avail or avail <= 0 or not group:
            continue
        others = sum(w for c, w in enumerate(widths) if c not in group)
        lo, hi = 0, max(widths[c] for c in group)
        while lo < hi:                               # the largest common width that still fits
            mid = (lo + hi + 1) // 2
            if others + sum(max(min(widths[c], mid), floors[c]) for c in group) <= avail:
                lo = mid
            else:
                hi = mid - 1
        for c in group:
            widths[c] = max(min(widths[c], lo), floors[c])
    for column, width in enumerate(widths):
        header.resizeSection(column, width)


def _heading(text: str, parent) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ImportWizardDialog(QDialog):
    """Choose files, see what CritMin understood, fix names, import as one undo step."""

    sig_import_finished = Signal(object)     # list of WriteReport, or one sentence when nothing was imported
    sig_preview_changed = Signal()           # the previews shown were replaced (or a reading ended)

    def __init__(self, document, paths=(), parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = document.runner
        self.setWindowTitle(self.tr("Import Data"))
        self.setAccessibleName(self.tr("Import Data"))
        self.setAcceptDrops(True)
        self.setSizeGripEnabled(True)

        self._entries: list[FileEntry] = []
        self._choices: dict[str, list[tuple]] = {}        # kind -> registry_choices()
        self._combo_kind = ""
        self._generation = 0
        self._stale = False              # the shown previews predate an alias: read them again
        self._busy_reading = False
        self._alias_pending = None       # the key of the name whose alias is being saved
        self._select_after_load = None
        self._imported_problems: list = []
        self._leave_out = False          # read the files with their rows with errors left out
        self._last_dir = ""
        self.import_command = None
        self.context_dialog = None
        self._unfitted: set = set()

        self._build()
        # Edit → Undo / Redo work here too (a saved alias is taken back where it was made)
        stack = self.document.undo_stack
        for action, keys in ((stack.createUndoAction(self, self.tr("Undo")), QKeySequence.StandardKey.Undo),
                             (stack.createRedoAction(self, self.tr("Redo")), QKeySequence.StandardKey.Redo)):
            action.setShortcuts(QKeySequence.keyBindings(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.document.sig_aliases_changed.connect(self._on_aliases_changed)
        self.document.sig_error.connect(self._on_document_error)
        self._size_to_screen()
        self._update_state()
        if paths:
            self.add_files(paths)

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose the files to import, or drop them here. Nothing is written to the project "
                               "until you press Import, and Edit → Undo takes an import back."), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)

        # files
        top = QWidget(split)
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        self.files_model = FilesModel(self)
        self.files_view = _table(top, self.tr("Files to import"), self.files_model)
        self.files_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files_view.setMinimumHeight(self.files_view.verticalHeader().defaultSectionSize() * 3 + 30)
        self.files_view.selectionModel().selectionChanged.connect(self._update_buttons)
        row.addWidget(self.files_view, 1)
        side = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add Files…"), top)
        self.add_button.setAccessibleName(self.tr("Add Files…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), top)
        self.remove_button.setAccessibleName(self.tr("Remove the selected files"))
        self.remove_button.setToolTip(self.tr("Remove the selected files from this import"))
        self.remove_button.clicked.connect(self.remove_selected)
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row.addLayout(side)
        self.files_view.addAction(self._shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected))

        # pages
        self.pages = QTabWidget(split)
        self.pages.setAccessibleName(self.tr("Preview pages"))
        self.pages.setDocumentMode(True)
        self.summary_page = self._build_summary()
        self.names_page = self._build_names()
        self.dropped_page = self._build_dropped()
        self.problems_page = self._build_problems()
        for page in (self.summary_page, self.names_page, self.dropped_page, self.problems_page):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(self._page_changed)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        line = self.files_view.verticalHeader().defaultSectionSize()
        split.setSizes([line * 4 + 12, 10_000])

        # busy indicator (reading on the worker)
        busy = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setAccessibleName(self.tr("Reading the files"))
        self.busy_label = ElidedLabel(self)
        self.busy_label.setAccessibleName(self.tr("Reading progress"))
        self.busy_button = QPushButton(self.tr("Stop Reading"), self)
        self.busy_button.setAccessibleName(self.tr("Stop Reading"))
        self.busy_button.clicked.connect(self._busy_clicked)
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        busy.addWidget(self.busy_button)
        outer.addLayout(busy)

        # explanation + buttons
        bottom = QHBoxLayout()
        self.state_icon = QLabel(self)
        self.state_icon.setFixedSize(QSize(18, 18))
        self.state_icon.setAccessibleName(self.tr("Import status icon"))
        self.state_label = ElidedLabel(self)
        self.state_label.setAccessibleName(self.tr("Import status"))
        self.leave_out_check = self._leave_out_box(self)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.import_button.clicked.connect(self.import_files)
        self.cancel_button.clicked.connect(self.reject)
        explained = QVBoxLayout()
        explained.setSpacing(2)
        explained.addWidget(self.state_label)
        explained.addWidget(self.leave_out_check, 0, Qt.AlignmentFlag.AlignLeft)   # the fix it offers, under it
        bottom.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addLayout(explained, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(bottom)
        self._set_busy(False)

    def _leave_out_box(self, parent) -> QCheckBox:
        box = QCheckBox(self.tr("Leave out the rows with errors"), parent)
        box.setAccessibleName(self.tr("Leave out the rows with errors"))
        box.setToolTip(self.tr("Import without the rows that have errors: the files are read again and each row "
                               "left out is listed on the Rows Left Out page. Uncheck to read them with every row."))
        box.setVisible(False)
        box.toggled.connect(self.set_leave_out)
        return box

    def _shortcut(self, key, slot):
        action = QAction(self)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    def _build_summary(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Summary"))
        layout = QVBoxLayout(page)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setChildrenCollapsible(False)
        layout.addWidget(split)

        def block(title, widget):
            box = QWidget(split)
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 4, 0, 0)
            v.addWidget(_heading(title, box))
            widget.setParent(box)
            v.addWidget(widget)
            return box

        self.sheets_model = SheetsModel(self)
        self.sheets_view = _table(page, self.tr("Sheets and their recognised format"), self.sheets_model)
        self.tables_model = TablesModel(self)
        self.tables_view = _table(page, self.tr("Tables to import"), self.tables_model)
        self.notes_text = QPlainTextEdit(page)
        self.notes_text.setReadOnly(True)
        self.notes_text.setAccessibleName(self.tr("Notes on what was recognised"))
        self.notes_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        block(self.tr("Sheets: the format CritMin recognised in each"), self.sheets_view)
        block(self.tr("Tables: what Import will add or update"), self.tables_view)
        block(self.tr("Notes: how the files were read"), self.notes_text)
        line = self.fontMetrics().height() + 8
        split.setSizes([line * 5 + 30, line * 6 + 30, line * 3 + 30])
        return page

    def _build_names(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Names"))
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("How the names in the files were matched to CritMin's minerals and countries. "
                              "Unknown and guessed names come first: select one to correct it."), page)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        tools = QHBoxLayout()
        self.only_check = QCheckBox(self.tr("Only names to check"), page)
        self.only_check.setAccessibleName(self.tr("Show only unknown and guessed names"))
        self.only_check.toggled.connect(self._names_filter_changed)
        self.names_filter = QLineEdit(page)
        self.names_filter.setPlaceholderText(self.tr("Filter names…"))
        self.names_filter.setAccessibleName(self.tr("Filter names"))
        self.names_filter.setClearButtonEnabled(True)
        self.names_filter.textChanged.connect(self._names_filter_changed)
        tools.addWidget(self.only_check)
        tools.addStretch(1)
        tools.addWidget(self.names_filter)
        layout.addLayout(tools)
        self.names_model = MappingsModel(self)
        self.names_view = _table(page, self.tr("Name mappings"), self.names_model)
        self.names_view.selectionModel().selectionChanged.connect(self._name_selected)
        layout.addWidget(self.names_view, 1)

        fix = QFrame(page)
        fix.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(fix)
        self.name_info = QLabel(fix)
        self.name_info.setWordWrap(True)
        self.name_info.setAccessibleName(self.tr("The selected name"))
        self.name_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.name_info.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 4)   # a word-wrapped label
        grid.addWidget(self.name_info, 0, 0, 1, 3)
        self.map_label = QLabel(self.tr("Map to:"), fix)
        self.target_combo = QComboBox(fix)
        self.target_combo.setEditable(True)
        self.target_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target_combo.setAccessibleName(self.tr("Map the name to"))
        self.target_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.setMinimumContentsLength(36)
        self.target_combo.lineEdit().setPlaceholderText(self.tr("Type a name in English or Chinese, or a code"))
        completer = QCompleter(self.target_combo.model(), self.target_combo)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.target_combo.setCompleter(completer)
        self.map_label.setBuddy(self.target_combo)
        self.alias_button = QPushButton(self.tr("Save as Alias"), fix)
        self.alias_button.setAccessibleName(self.tr("Save as Alias"))
        self.alias_button.setToolTip(self.tr("Remember this spelling in the project: this file and every later "
                                             "import use it (Edit → Undo takes it back)."))
        self.alias_button.clicked.connect(self.save_alias)
        # Enter in the target box saves the alias; it must never reach the dialog's Import button.
        self.target_combo.lineEdit().installEventFilter(self)
        grid.addWidget(self.map_label, 1, 0)
        grid.addWidget(self.target_combo, 1, 1)
        grid.addWidget(self.alias_button, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addWidget(fix)
        return page

    def _build_dropped(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Rows left out"))
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("These rows are not imported, each with its reason: totals, notes, empty values and "
                              "rows CritMin cannot use. Double-click a line to see its first row in the file."), page)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.dropped_model = DroppedModel(self)
        self.dropped_view = _table(page, self.tr("Rows left out"), self.dropped_model)
        self.dropped_view.doubleClicked.connect(self._dropped_double_clicked)
        layout.addWidget(self.dropped_view, 1)
        return page

    def _build_problems(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Problems"))
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("Errors block the import; warnings and notes do not. Double-click a problem to see "
                              "the cells around it."), page)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.problems_model = ProblemsModel(self)
        self.problems_view = _table(page, self.tr("Problems"), self.problems_model)
        self.problems_view.doubleClicked.connect(self._problem_double_clicked)
        self.problems_view.selectionModel().selectionChanged.connect(self._problem_selected)
        layout.addWidget(self.problems_view, 1)
        self.problem_detail = QLabel(page)
        self.problem_detail.setWordWrap(True)
        self.problem_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_detail.setAccessibleName(self.tr("The selected problem"))
        self.problem_detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 4)
        self.problem_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem_detail)
        buttons = QHBoxLayout()
        self.cells_button = QPushButton(self.tr("Show Cells…"), page)
        self.cells_button.setAccessibleName(self.tr("Show the cells around the problem"))
        self.cells_button.clicked.connect(lambda: self._show_problem(self._selected_problem()))
        self.fix_name_button = QPushButton(self.tr("Correct This Name…"), page)
        self.fix_name_button.setAccessibleName(self.tr("Correct this name on the Names page"))
        self.fix_name_button.clicked.connect(self._fix_name_of_problem)
        self.problems_leave_out_check = self._leave_out_box(page)
        buttons.addWidget(self.cells_button)
        buttons.addWidget(self.fix_name_button)
        buttons.addStretch(1)
        buttons.addWidget(self.problems_leave_out_check)
        layout.addLayout(buttons)
        return page

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress and obj is self.target_combo.lineEdit()
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            popup = self.target_combo.completer().popup() if self.target_combo.completer() else None
            if popup is not None and popup.isVisible():
                return False
            self.save_alias()
            return True
        return super().eventFilter(obj, event)

    def _size_to_screen(self) -> None:
        screen = self.screen() if self.screen() is not None else QGuiApplication.primaryScreen()
        width, height = 1000, 680
        if screen is not None:
            avail = screen.availableGeometry()
            width, height = min(width, int(avail.width() * 0.95)), min(height, int(avail.height() * 0.92))
        self.resize(width, height)

    # -- files --------------------------------------------------------------------------------------
    def entries(self) -> list[FileEntry]:
        return list(self._entries)

    @property
    def is_loading(self) -> bool:
        return self._busy_reading

    def add_files(self, paths) -> None:
        """Add files to the import (duplicates and non-table files are left out, with a word why)."""
        known = {e.path for e in self._entries}
        refused = []
        added = False
        for raw in paths:
            path = str(Path(raw).absolute())
            if Path(path).suffix.lower() not in SUFFIXES:
                refused.append(Path(path).name)
                continue
            if path in known:
                continue
            known.add(path)
            self._entries.append(FileEntry(path, Path(path).name))
            added = True
        if paths:
            self._last_dir = str(Path(list(paths)[-1]).parent)
        if added:
            self._load()
        if refused:
            self._say(self.tr("%1: not a table file (use .xlsx, .xls, .ods or .csv).")
                      .replace("%1", ", ".join(refused)), "warning")

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add Files to Import"), self._last_dir,
            self.tr("Tables (*.xlsx *.xls *.xlsm *.ods *.csv *.tsv *.txt);;All files (*)"))
        if paths:
            self.add_files(paths)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.files_view.selectionModel().selectedRows()}, reverse=True)
        if not rows:
            return
        gone = {self.files_model.record(r).path for r in rows}
        self._entries = [e for e in self._entries if e.path not in gone]
        if not self._to_read():
            self._stop_reading()
        self._refresh()

    # -- drag and drop --------------------------------------------------------------------------------
    @staticmethod
    def _dropped_paths(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in SUFFIXES]

    def dragEnterEvent(self, event) -> None:
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # -- reading on the worker -------------------------------------------------------------------------
    def _reread(self) -> set[str]:
        """Files whose preview was read with the other leave-out choice, where it makes a difference
        (the preview is kept, and shown, until they are read again)."""
        return {e.path for e in self._entries if e.preview is not None and e.preview.leave_out is not None
                and e.preview.leave_out.errors and e.preview.leave_out.applied != self._leave_out}

    def _to_read(self) -> list[str]:
        reread = self._reread()
        return [e.path for e in self._entries if e.preview is None or self._stale or e.path in reread]

    def _stop_reading(self) -> None:
        """Nothing listed needs the reading in progress (if any) any more."""
        self.runner.cancel(PREVIEW_KIND)
        self._generation += 1
        self._set_busy(False)

    def _load(self, everything: bool = False) -> None:
        """Read the files that have no preview yet (all of them after an alias changed, and those the
        leave-out choice changes)."""
        if everything:
            self._stale = True
        todo = self._to_read()
        if not todo:
            if self._busy_reading:
                self._stop_reading()     # e.g. the leave-out choice was taken back before the reading ended
            self._refresh()
            return
        for e in self._entries:
            if e.path in todo and e.preview is None:
                e.state, e.error = "reading", ""
        self._generation += 1
        generation, project_path, lang = self._generation, self.document.path, ui_language()
        need_choices = not self._choices or everything
        leave_out = self._leave_out

        def work(state):
            from desktop.core.ingest.load import load_file_and_plan

            registry = _project_registry(project_path)
            out = {}
            for i, path in enumerate(todo):
                state.check()
                state.progress(i / len(todo), Path(path).name)
                preview, plan = load_file_and_plan(path, registry, leave_out_error_rows=leave_out)
                out[path] = prepare_file(preview, registry, lang, plan)
            state.check()
            choices = {k: registry_choices(registry, k, lang) for k in ("mineral", "country")} if need_choices \
                else None
            state.progress(1.0, "")
            return out, choices

        names = ", ".join(Path(p).name for p in todo)
        label = self.tr("Reading %1").replace("%1", names)
        self._set_busy(True, self.tr("Reading %1…").replace("%1", names))
        self.runner.submit(work, kind=PREVIEW_KIND, label=label,
                           on_done=lambda result, g=generation: self._loaded(g, result),
                           on_error=lambda exc, g=generation: self._load_failed(g, exc),
                           on_cancelled=lambda g=generation: self._load_cancelled(g))
        self._refresh()

    def _loaded(self, generation: int, result) -> None:
        if not _alive(self) or generation != self._generation:
            return
        previews, choices = result
        for e in self._entries:
            if e.path in previews:
                e.preview, e.state, e.error = previews[e.path], "ready", ""
        if choices:
            self._choices = choices
            self._combo_kind = ""        # repopulate the target list
        self._stale = False
        self._set_busy(False)
        self._refresh()
        self.sig_preview_changed.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if not _alive(self) or generation != self._generation:
            return
        sentence = error_sentence(exc)
        self._forget_reread()
        for e in self._entries:
            if e.state == "reading":
                e.state, e.error = "failed", sentence
        self._stale = False
        self._set_busy(False)
        self._refresh()
        self._say(sentence, "error")
        self.sig_preview_changed.emit()

    def _load_cancelled(self, generation: int) -> None:
        if not _alive(self) or generation != self._generation:
            return   # a newer reading replaced this one
        self._forget_reread()
        for e in self._entries:
            if e.state == "reading":
                e.state = "cancelled"
        self._set_busy(False)
        self._refresh()
        self.sig_preview_changed.emit()

    def _forget_reread(self) -> None:
        """A reading for the leave-out choice did not finish: the previews kept do not match the choice."""
        reread = self._reread()
        for e in self._entries:
            if e.path in reread:
                e.preview, e.state = None, "reading"

    # -- leaving out the rows with errors ----------------------------------------------------------------
    @property
    def leave_out(self) -> bool:
        """Whether the files are read with their rows with errors left out."""
        return self._leave_out

    def set_leave_out(self, on: bool) -> None:
        """Leave out (or keep) the rows with errors: the files it changes are read again on the worker."""
        on = bool(on)
        if on == self._leave_out:
            self._update_leave_out()
            return
        self._leave_out = on
        self._update_leave_out()
        if self._busy_reading or self._to_read():
            self._load()                 # the files it changes (see _reread), and any not read yet

    def _update_leave_out(self) -> None:
        """The two "Leave out the rows with errors" boxes: shown while the choice can change something."""
        previews = self._previews()
        offered = self._leave_out or bool(self._reread()) or any(p.can_leave_out for p in previews)
        rows = sum(p.rows_to_leave_out for p in previews)
        loc = self.files_model._locale
        if not rows:
            text = self.tr("Leave out the rows with errors")
        elif rows == 1:
            text = self.tr("Leave out the rows with errors (1 row)")
        else:
            text = self.tr("Leave out the rows with errors (%1 rows)").replace("%1", loc.toString(rows))
        enabled = not self._busy_reading and self._alias_pending is None
        for box in (self.leave_out_check, self.problems_leave_out_check):
            box.blockSignals(True)
            box.setChecked(self._leave_out)
            box.setText(text)
            box.setAccessibleName(text)
            box.setEnabled(enabled)
            box.setVisible(offered)
            box.blockSignals(False)

    def _busy_clicked(self) -> None:
        if self._busy_reading:
            self.runner.cancel(PREVIEW_KIND)
        else:
            for e in self._entries:
                if e.state in ("cancelled", "failed"):
                    e.state = "waiting"
            self._load(everything=self._stale)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy_reading = busy
        unread = any(e.preview is None and e.state in ("cancelled", "failed") for e in self._entries) or \
            (self._stale and bool(self._entries) and self.isVisible())
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy or unread)
        self.busy_button.setVisible(busy or unread)
        if busy:
            self.busy_label.set_full_text(text)
            self.busy_button.setText(self.tr("Stop Reading"))
            self.busy_button.setAccessibleName(self.tr("Stop Reading"))
        elif unread:
            self.busy_label.set_full_text(self.tr("The names changed since the files were read.") if self._stale
                                          else self.tr("Some files were not read."))
            self.busy_button.setText(self.tr("Read Again"))
            self.busy_button.setAccessibleName(self.tr("Read Again"))
        self._update_state()

    def _on_aliases_changed(self) -> None:
        self._alias_pending = None
        if not self._entries:
            return
        if self.isVisible():
            self._load(everything=True)
        else:
            self._stale = True           # read again when shown

    def _on_document_error(self, sentence: str) -> None:
        if self._alias_pending is not None and not self._busy_reading:
            self._alias_pending = None
            self._update_state()
            self._say(sentence, "error")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self._fit_all() if _alive(self) else None)   # the views have their size now
        unread = self._stale or any(e.preview is None for e in self._entries)
        if self._entries and not self._busy_reading and unread:
            QTimer.singleShot(0, lambda: self._load(everything=self._stale) if _alive(self) else None)

    def done(self, result: int) -> None:
        from desktop.core.ingest.context import forget

        self.runner.cancel(PREVIEW_KIND)
        self.runner.cancel(CONTEXT_KIND)
        forget()                         # the sheets kept for "Show Cells"
        super().done(result)

    # -- showing -------------------------------------------------------------------------------------
    def _previews(self):
        return [e.preview for e in self._entries if e.preview is not None]

    def _refresh(self) -> None:
        previews = self._previews()
        self.files_model.set_records(self._entries)
        self.sheets_model.set_records([s for p in previews for s in p.sheets])
        self.tables_model.set_records([t for p in previews for t in p.tables])
        self.notes_text.setPlainText("\n".join(f"{p.name}: {n}" if len(previews) > 1 else n
                                               for p in previews for n in p.notes))
        key = self._select_after_load or self._selected_name_key()
        # unknown and guessed names first across all files (each file's order kept within)
        mappings = [m for p in previews for m in p.mappings]
        mappings.sort(key=lambda m: STATUS_ORDER[m.status])
        self.names_model.set_records(mappings)
        self.dropped_model.set_records([d for p in previews for d in p.dropped])
        # errors first across files, then warnings, then notes (each file's order kept)
        problems = [r for p in previews for r in p.problems]
        problems.sort(key=lambda r: SEVERITY_ORDER.get(r.problem.severity, 3))
        self.problems_model.set_records(problems)
        self._unfitted = {self.files_view, self.sheets_view, self.tables_view, self.names_view, self.dropped_view,
                          self.problems_view}
        self._fit_all()
        self._restore_name(key)
        self._select_after_load = None
        self._update_tabs()
        self._update_state()
        if self.problems_model.rowCount() and not self.problems_view.selectionModel().hasSelection():
            self.problems_view.selectRow(0)          # the first (worst) problem, read in full below
        self._problem_selected()

    def _fit_all(self) -> None:
        """Fit the columns of the tables that are on screen; the others when their page is shown.

        A page of a tab widget has its real width only while it is shown, and fitting a view again
        later would undo the widths the analyst dragged: each view is fitted once per new preview.
        """
        caps = {self.dropped_view: {0: 520}, self.problems_view: {5: 480}}
        keep = {self.dropped_view: {0, 2}, self.problems_view: {1, 5}, self.names_view: {1, 2, 5},
                self.files_view: {0, 1}, self.sheets_view: {0, 2}, self.tables_view: {0, 1}}
        for view in list(self._unfitted):
            if view.isVisible() and view.viewport().width() > 50:
                _fit(view, caps.get(view), keep=frozenset(keep.get(view, ())))
                self._unfitted.discard(view)

    def _page_changed(self, _index: int) -> None:
        QTimer.singleShot(0, lambda: self._fit_all() if _alive(self) else None)

    def _update_tabs(self) -> None:
        loc = self.files_model._locale
        self.pages.setTabText(0, self.tr("Summary"))
        check = self.names_model.to_check()
        self.pages.setTabText(1, self.tr("Names (%1 to check)").replace("%1", loc.toString(check)) if check
                              else self.tr("Names"))
        self.pages.setTabIcon(1, _icon("warning") if check else _icon("ok"))
        left = sum(p.dropped_rows for p in self._previews())
        self.pages.setTabText(2, self.tr("Rows Left Out (%1)").replace("%1", loc.toString(left)) if left
                              else self.tr("Rows Left Out"))
        errors = sum(p.errors for p in self._previews())
        warnings = sum(p.warnings for p in self._previews())
        if errors:
            text = self.tr("Problems (1 error)") if errors == 1 else \
                self.tr("Problems (%1 errors)").replace("%1", loc.toString(errors))
            icon = _icon("error")
        elif warnings:
            text = self.tr("Problems (1 warning)") if warnings == 1 else \
                self.tr("Problems (%1 warnings)").replace("%1", loc.toString(warnings))
            icon = _icon("warning")
        else:
            text, icon = self.tr("Problems"), _icon("ok")
        self.pages.setTabText(3, text)
        self.pages.setTabIcon(3, icon)
        for i in range(self.pages.count()):
            self.pages.widget(i).setAccessibleName(self.pages.tabText(i))

    def import_state(self) -> tuple[bool, str, str]:
        """(can import, one sentence why or what will happen, icon kind)."""
        loc = self.files_model._locale
        if not self.document.is_open:
            return False, self.tr("Open or create a project first: data are imported into a project."), "info"
        if not self._entries:
            return False, self.tr("Add the files to import (Add Files…), or drop them on this window."), "info"
        if self._busy_reading:
            return False, self.tr("Reading the files…"), "busy"
        if self._stale:
            return False, self.tr("Read the files again (Read Again): the names changed since they were read."), \
                "warning"
        if self._alias_pending is not None:
            return False, self.tr("Saving the alias…"), "busy"
        unread = [e.name for e in self._entries if e.preview is None]
        if unread:
            return False, self.tr("%1 could not be read: remove it or read it again.").replace(
                "%1", ", ".join(unread)), "error"
        bad = [p for p in self._previews() if p.errors]
        if bad:
            n = sum(p.errors for p in bad)
            if len(bad) == 1:
                text = self.tr("1 error in %1 — see Problems") if n == 1 else \
                    self.tr("%2 errors in %1 — see Problems").replace("%2", loc.toString(n))
                return False, text.replace("%1", bad[0].name), "error"
            return False, self.tr("%1 errors in %2 files — see Problems").replace("%1", loc.toString(n)) \
                .replace("%2", loc.toString(len(bad))), "error"
        rows = sum(p.rows for p in self._previews())
        if not rows:
            return False, self.tr("The files hold no rows to import — see Summary and Rows Left Out."), "warning"
        files = len([p for p in self._previews() if p.rows])
        text = self.tr("Ready to import %1 rows from 1 file.") if files == 1 else \
            self.tr("Ready to import %1 rows from %2 files.")
        text = text.replace("%1", loc.toString(rows)).replace("%2", loc.toString(files))
        left = sum(p.rows_to_leave_out for p in self._previews() if p.leaving_out)
        if left:
            text += " " + (self.tr("1 row with an error is left out.") if left == 1 else
                           self.tr("%1 rows with errors are left out.").replace("%1", loc.toString(left)))
        warnings = sum(p.warnings for p in self._previews())
        if warnings:
            text += " " + (self.tr("1 warning — see Problems.") if warnings == 1 else
                           self.tr("%1 warnings — see Problems.").replace("%1", loc.toString(warnings)))
        return True, text, "warning" if warnings else "ok"

    def _update_state(self) -> None:
        ok, text, icon = self.import_state()
        self.import_button.setEnabled(ok)
        self._say(text, icon)
        self._update_buttons()
        self._update_leave_out()

    def _say(self, text: str, icon: str) -> None:
        self.state_label.set_full_text(text)
        self.state_icon.setPixmap(_icon(icon).pixmap(16, 16))
        self.state_icon.setAccessibleDescription(icon)

    def explanation(self) -> str:
        """The one line under the pages (why Import is disabled, or what it will do)."""
        return self.state_label.full_text()

    def _update_buttons(self, *args) -> None:
        self.remove_button.setEnabled(bool(self.files_view.selectionModel().selectedRows()))

    # -- names ----------------------------------------------------------------------------------------
    def _names_filter_changed(self, *args) -> None:
        key = self._selected_name_key()
        self.names_model.set_only_to_check(self.only_check.isChecked())
        self.names_model.set_filter(self.names_filter.text())
        self._restore_name(key)

    def _selected_name(self):
        rows = self.names_view.selectionModel().selectedRows()
        return self.names_model.record(rows[0].row()) if rows else None

    def _selected_name_key(self):
        record = self._selected_name()
        return record.key if record is not None else None

    def _restore_name(self, key) -> None:
        row = self.names_model.row_of(key) if key is not None else -1
        if row < 0:
            self.names_view.clearSelection()
            self._name_selected()
            return
        index = self.names_model.index(row, 0)
        self.names_view.selectRow(row)
        self.names_view.scrollTo(index)
        self._name_selected()

    def select_name(self, file: str, kind: str, raw: str) -> bool:
        """Select the mapping of ``raw`` (the Names page; the filter is cleared if it hides it)."""
        key = (file, kind, normalise_name(raw))
        if self.names_model.row_of(key) < 0:
            self.only_check.setChecked(False)
            self.names_filter.clear()
        self._restore_name(key)
        return self.names_model.row_of(key) >= 0

    def _fill_targets(self, kind: str) -> None:
        if kind == self._combo_kind:
            return
        self._combo_kind = kind
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for target, label, _names in self._choices.get(kind, []):
            self.target_combo.addItem(label, target)
        self.target_combo.setCurrentIndex(-1)
        self.target_combo.blockSignals(False)

    def _name_selected(self, *args) -> None:
        record = self._selected_name()
        aliasable = record is not None and record.aliasable
        self.target_combo.setEnabled(aliasable)
        self.alias_button.setEnabled(aliasable and self._alias_pending is None)
        self.map_label.setEnabled(aliasable)
        if record is None:
            self.name_info.setText(self.tr("Select a name above to correct it: choose the right mineral or "
                                           "country and save the spelling as an alias of this project."))
            self.target_combo.setCurrentIndex(-1)
            self.target_combo.setEditText("")
            return
        loc = self.files_model._locale
        kind = self.names_model.kind_label(record.kind)
        rows = self.tr("1 row") if record.rows == 1 else self.tr("%1 rows").replace("%1", loc.toString(record.rows))
        where = self.tr("“%1” (%2, %3 in %4)").replace("%1", record.raw).replace("%2", kind) \
            .replace("%3", rows).replace("%4", record.file)
        if not record.aliasable:
            text = where + " " + self.tr("is read by the file's layout; it cannot be changed here.")
        elif record.status == "unknown":
            text = where + " " + self.tr("is not a known %1, so its rows cannot be imported.").replace("%1", kind)
            if record.suggestions:
                names = "; ".join(label for _, label in record.suggestions)
                text += " " + self.tr("Did you mean %1?").replace("%1", names)
            text += " " + self.tr("Choose the right one and save it as an alias.")
        elif record.status == "guessed":
            text = where + " " + self.tr("was guessed to be %1. If that is wrong, choose the right one.") \
                .replace("%1", record.target_label)
        else:
            text = where + " " + self.tr("is %1. To map it elsewhere, choose another and save the alias.") \
                .replace("%1", record.target_label)
        self.name_info.setText(text)
        if not aliasable:
            self.target_combo.setCurrentIndex(-1)
            self.target_combo.setEditText("")
            return
        self._fill_targets(record.kind)
        target = record.target or (record.suggestions[0][0] if record.suggestions else "")
        index = self.target_combo.findData(target) if target else -1
        self.target_combo.setCurrentIndex(index)
        if index < 0:
            self.target_combo.setEditText("")

    def chosen_target(self) -> str:
        """The registry id the target combo names ("" when the text names none)."""
        text = self.target_combo.currentText().strip()
        if not text:
            return ""
        index = self.target_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.target_combo.itemData(index)
        want = text.casefold()
        for target, _label, names in self._choices.get(self._combo_kind, []):
            if want == target.casefold() or want in (n.casefold() for n in names):
                return target
        return ""

    def save_alias(self) -> None:
        """Save the selected spelling as an alias of the chosen target: one undo step; the preview reloads."""
        from desktop.ui.commands import AliasCommand

        record = self._selected_name()
        if record is None or not record.aliasable or self._alias_pending is not None:
            return
        target = self.chosen_target()
        kind = self.names_model.kind_label(record.kind)
        if not target:
            self._say(self.tr("Choose a %1 from the list first.").replace("%1", kind), "warning")
            return
        if target == record.target:
            self._say(self.tr("“%1” already maps to %2.").replace("%1", record.raw)
                      .replace("%2", record.target_label), "info")
            return
        text = self.tr("Save Alias “%1” → %2").replace("%1", record.raw).replace("%2", target)
        self._alias_pending = record.key
        self._select_after_load = record.key
        self.alias_button.setEnabled(False)
        self._update_state()
        self.document.undo_stack.push(AliasCommand(self.document, record.kind, record.raw, target, text))

    # -- problems and cells ---------------------------------------------------------------------------
    def _selected_problem(self) -> ProblemRecord | None:
        rows = self.problems_view.selectionModel().selectedRows()
        return self.problems_model.record(rows[0].row()) if rows else None

    def _problem_selected(self, *args) -> None:
        record = self._selected_problem()
        self.cells_button.setEnabled(record is not None and record.has_cell)
        self.fix_name_button.setEnabled(record is not None and record.unknown_name is not None)
        if record is None:
            self.problem_detail.setText(self.tr("Select a problem to read it in full."))
            return
        p = record.problem
        text = f"{record.location}: {record.text}"
        if not text.endswith((".", "?", "!", "。", "？", "！")):
            text += "."
        if p.value != "":
            text += " " + self.tr("Found: “%1”.").replace("%1", p.value)
        if record.expected:
            text += " " + self.tr("Expected: %1.").replace("%1", record.expected)
        self.problem_detail.setText(text)

    def _problem_double_clicked(self, index) -> None:
        record = self.problems_model.record(index.row())
        if record is not None and record.has_cell:
            self._show_problem(record)

    def _show_problem(self, record: ProblemRecord | None) -> None:
        if record is None or not record.has_cell:
            return
        p = record.problem
        self.show_cells(record.path, p.sheet, p.row, p.column, f"{record.location}: {record.text}")

    def _dropped_double_clicked(self, index) -> None:
        record = self.dropped_model.record(index.row())
        if record is None or not record.rows:
            return
        where = record.file + (f", {record.sheet}" if record.sheet else "")
        self.show_cells(record.path, record.sheet, min(record.rows), record.column,
                        self.tr("%1: %2 (%3 rows)").replace("%1", where).replace("%2", record.reason)
                        .replace("%3", self.files_model.number(record.count)))

    def show_cells(self, path: str, sheet: str, row: int, column: str, message: str) -> CellContextDialog:
        """The small dialog with the cells around ``row``/``column`` of the file (read on the worker)."""
        if self.context_dialog is not None and _alive(self.context_dialog):
            self.context_dialog.close()
        self.context_dialog = CellContextDialog(self.runner, path, sheet, row, column, message, self)
        self.context_dialog.open()
        return self.context_dialog

    def _fix_name_of_problem(self) -> None:
        record = self._selected_problem()
        if record is None or record.unknown_name is None:
            return
        kind, name = record.unknown_name
        self.pages.setCurrentWidget(self.names_page)
        if self.select_name(record.problem.file, kind, name):
            self.target_combo.setFocus()

    # -- import ---------------------------------------------------------------------------------------
    def problems(self) -> list:
        """The problems of the imported files (warnings and notes: errors block an import)."""
        if self._imported_problems:
            return list(self._imported_problems)
        return [r.problem for p in self._previews() for r in p.problems]

    def import_files(self) -> None:
        """Close the dialog and import every file as ONE undo step, on the worker, in one transaction."""
        from desktop.ui.commands import ChangeCommand

        ok, _, _ = self.import_state()
        if not ok:
            return
        chosen = [p for p in self._previews() if p.rows]
        sources = [(p.preview.tables, p.preview.source(), p.preview.origins) for p in chosen]
        self._imported_problems = [r.problem for p in self._previews() for r in p.problems]
        n = len(chosen)
        text = self.tr("Import 1 file") if n == 1 else self.tr("Import %1 files").replace("%1", str(n))
        holder = {"sources": sources}     # the command keeps ``make``: let go of the frames once written

        def make(project, state):
            items = holder.pop("sources", [])
            reports, change = project.write_imports(items, progress=state.progress, cancelled=state.cancelled)
            return change, list(reports)

        self.import_command = ChangeCommand(self.document, text, make, on_made=self._import_made,
                                            on_error=self._import_failed, cancellable=True,
                                            label=self.tr("Importing %1")
                                            .replace("%1", ", ".join(p.name for p in chosen)))
        self.accept()
        self.document.undo_stack.push(self.import_command)
        # The command holds what it writes; the dialog lets go of the previews (a trade file is large).
        self._entries = []
        self._refresh()

    def _import_made(self, command) -> None:
        self.sig_import_finished.emit(list(command.extra or []))

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.sig_import_finished.emit(self.tr("Import cancelled; the project is unchanged."))
        else:
            self.sig_import_finished.emit(self.tr("Nothing was imported; the project is unchanged. %1")
                                          .replace("%1", error_sentence(exc)).strip())

    def describe(self, result) -> str:
        """One sentence for the status bar about ``sig_import_finished``'s value."""
        if isinstance(result, str):
            return result
        changed = sum(r.changed for r in result)
        same = sum(1 for r in result if r.already_imported)
        loc = self.files_model._locale
        text = self.tr("Imported 1 file: %1 rows added or updated.") if len(result) == 1 else \
            self.tr("Imported %2 files: %1 rows added or updated.")
        text = text.replace("%1", loc.toString(changed)).replace("%2", loc.toString(len(result)))
        if same:
            text += " " + self.tr("%1 already imported with the same content.").replace("%1", loc.toString(same))
        return text


class CellContextDialog(QDialog):
    """The cells around one cell of a file, the cell highlighted (read on the worker)."""

    def __init__(self, runner, path: str, sheet: str, row: int | None, column: str, message: str = "",
                 parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path, self.sheet, self.row, self.column = path, sheet, row, column
        name = Path(path).name
        self.setWindowTitle(self.tr("Cells Around Row %1 — %2").replace("%1", str(row)).replace("%2", name)
                            if row is not None else self.tr("Cells of %1").replace("%1", name))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("The problem"))
        layout.addWidget(self.message)
        self.model = ContextModel(self)
        self.view = _table(self, self.tr("Cells around the problem"), self.model)
        self.view.setSortingEnabled(False)
        self.view.verticalHeader().setVisible(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.view, 1)
        self.status = QLabel(self.tr("Reading %1…").replace("%1", name), self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Reading status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        self.resize(820, 380)
        self.loaded = False

        def work(state):
            from desktop.core.ingest.context import cell_context
            return cell_context(path, sheet, row, column)

        runner.submit(work, kind=CONTEXT_KIND, label=self.tr("Reading %1").replace("%1", name),
                      on_done=self._loaded, on_error=self._failed)

    def _loaded(self, context) -> None:
        if not _alive(self):
            return
        self.model.set_context(context)
        _fit(self.view, max_width=260, within_view=False)      # the dialog takes the width the cells need
        self._fit_to_cells()
        hl_row, hl_col = context.highlight
        if hl_row is not None:
            index = self.model.index(hl_row, hl_col if hl_col is not None else 0)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            # current (keyboard focus) but not selected: the highlight colour stays visible
            self.view.selectionModel().setCurrentIndex(index, self.view.selectionModel().SelectionFlag.NoUpdate)
        if hl_col is None and self.column:
            self.status.setText(self.tr("The file has no column “%1”: the row is highlighted.").replace(
                "%1", self.column))
        elif hl_row is None:
            self.status.setText(self.tr("The problem is in the header row (row %1).").replace(
                "%1", str(context.header_row)))
        else:
            self.status.setText(self.tr("Row numbers as Excel shows them; the highlighted cell is the one the "
                                        "problem names."))
        self.loaded = True

    def _failed(self, exc: BaseException) -> None:
        if not _alive(self):
            return
        self.status.setText(error_sentence(exc))
        self.loaded = True

    def _fit_to_cells(self) -> None:
        """As large as the few cells need (within the screen), not a big empty grid."""
        header, vertical = self.view.horizontalHeader(), self.view.verticalHeader()
        frame = 2 * self.view.frameWidth()
        table_w = header.length() + vertical.width() + frame + self.view.verticalScrollBar().sizeHint().width()
        table_h = vertical.length() + header.height() + frame + self.view.horizontalScrollBar().sizeHint().height()
        chrome = self.sizeHint().height() - self.view.sizeHint().height()
        width = min(max(table_w + 24, 520), 960)
        height = min(max(table_h + chrome, 260), 560)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(width, height)
