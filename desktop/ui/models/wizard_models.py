"""What the import wizard shows: records built on the worker, and the thin table models over them.

:func:`prepare_file` turns one :class:`~desktop.core.ingest.preview.ImportPreview`
into plain records (sheets, tables, name mappings, rows left out, problems) with
every text already in the interface language; it runs on the worker next to
``load_file``, so the GUI thread only indexes lists.  The models are small
``QAbstractTableModel`` subclasses (no item per cell), sortable by any column.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.ingest.drops import reason_text
from desktop.core.messages import translate
from desktop.core.problems import Problem, Severity
from desktop.core.registry import AGGREGATE_CODES
from desktop.core.registry.normalise import normalise_name
from desktop.ui.collation import sort_names
from desktop.ui.titles import table_title

ALIAS_KINDS = ("mineral", "country")
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
STATUS_ORDER = {"unknown": 0, "guessed": 1, "renamed": 2, "exact": 3}
# Highlights that read on light and dark palettes alike (translucent over the base colour).
UNKNOWN_BG = QColor(220, 53, 69, 60)
GUESSED_BG = QColor(255, 193, 7, 70)
CELL_BG = QColor(255, 193, 7, 150)
LINE_BG = QColor(255, 193, 7, 40)


# -- records (no Qt objects: built on the worker) ---------------------------------------------
@dataclass
class SheetRecord:
    file: str
    sheet: str
    recogniser: str              # "" when nothing recognised the sheet
    label: str
    confidence: float
    tables: dict[str, int] = field(default_factory=dict)


@dataclass
class TableRecord:
    file: str
    table: str
    rows: int
    years: str
    minerals: int | None
    countries: int | None
    units: list[str] = field(default_factory=list)


@dataclass
class MappingRecord:
    file: str
    kind: str                    # mineral | country | column | unit | hs_code
    raw: str                     # as written in the file
    target: str                  # registry id, "" when unknown
    target_label: str            # "COD — DR Congo" in the interface language
    confidence: float
    rows: int
    status: str                  # unknown | guessed | renamed | exact
    suggestions: list[tuple[str, str]] = field(default_factory=list)    # (id, label), best first

    @property
    def aliasable(self) -> bool:
        return self.kind in ALIAS_KINDS

    @property
    def key(self) -> tuple[str, str, str]:
        return self.file, self.kind, normalise_name(self.raw)


@dataclass
class DroppedRecord:
    file: str
    path: str
    sheet: str
    reason: str
    count: int
    rows: list[int]
    column: str = ""


@dataclass
class ProblemRecord:
    problem: Problem
    path: str
    text: str                    # the message in the interface language
    location: str
    expected: str = ""           # what was expected, in the interface language

    @property
    def has_cell(self) -> bool:
        return self.problem.row is not None

    @property
    def unknown_name(self) -> tuple[str, str] | None:
        """(kind, name) when the problem is an unknown mineral or country: the Names page can fix it."""
        code = self.problem.code
        if code in ("unknown_mineral", "unknown_country") and self.problem.value:
            return code.removeprefix("unknown_"), self.problem.value
        return None


@dataclass
class FilePreview:
    """One file as the wizard shows it."""

    path: str
    name: str
    preview: Any                 # the ImportPreview (its tables are what Import writes)
    format: str
    sheets: list[SheetRecord]
    tables: list[TableRecord]
    mappings: list[MappingRecord]
    dropped: list[DroppedRecord]
    problems: list[ProblemRecord]
    notes: list[str]
    leave_out: Any = None        # desktop.core.ingest.skip.LeaveOut: what leaving out the rows with errors does

    @property
    def can_leave_out(self) -> bool:
        """Every error names a row: the file can be imported without those rows (not chosen yet)."""
        return self.leave_out is not None and self.leave_out.possible and not self.leave_out.applied

    @property
    def leaving_out(self) -> bool:
        """Read with the rows with errors left out, and there were such rows."""
        return self.leave_out is not None and self.leave_out.applied and self.leave_out.errors > 0

    @property
    def rows_to_leave_out(self) -> int:
        """The rows leaving out the rows with errors leaves (or left) out."""
        return int(self.leave_out.rows) if self.leave_out is not None and self.leave_out.possible else 0

    # counted once (the records do not change once built): the models ask on every paint
    @cached_property
    def errors(self) -> int:
        return sum(1 for r in self.problems if r.problem.severity is Severity.ERROR)

    @cached_property
    def warnings(self) -> int:
        return sum(1 for r in self.problems if r.problem.severity is Severity.WARNING)

    @cached_property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @cached_property
    def dropped_rows(self) -> int:
        return sum(d.count for d in self.dropped)


def target_label(registry, kind: str, target: str, lang: str) -> str:
    if not target:
        return ""
    if kind == "mineral":
        return f"{target} — {registry.mineral_name(target, lang)}"
    if kind == "country":
        return f"{target} — {registry.country_name(target, lang)}"
    return target


def suggestions(registry, kind: str, raw: str, lang: str) -> list[tuple[str, str]]:
    """The registry's closest names for an unknown one, as (id, label in ``lang``)."""
    return [(target, target_label(registry, kind, target, lang)) for target in registry.suggest_ids(kind, raw)]


def registry_choices(registry, kind: str, lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every mineral or country as (id, "id — name (other language's name)", (names it goes by)).

    Sorted by the name in ``lang`` as the interface language collates (Chinese by pinyin:
    desktop.ui.collation); the names (both languages) let a typed name find its id.
    """
    other = "en" if lang == "zh" else "zh"
    if kind == "mineral":
        ids = list(registry.minerals.index)
        name = registry.mineral_name
    else:
        ids = list(registry.countries.index) + sorted(AGGREGATE_CODES)
        name = registry.country_name
    items = []
    for target in ids:
        shown, alt = str(name(target, lang)), str(name(target, other))
        label = f"{target} — {shown}" + (f" ({alt})" if alt and alt != shown else "")
        items.append((target, label, (shown, alt)))
    return [items[i] for i in sort_names([shown for _, _, (shown, _) in items])]


def _status(m, registry) -> str:
    if not m.target:
        return "unknown"
    if m.confidence < 1.0:
        return "guessed"
    if m.kind in ALIAS_KINDS:
        name = registry.mineral_name if m.kind == "mineral" else registry.country_name
        names = {normalise_name(m.target)} | {normalise_name(name(m.target, lang)) for lang in ("en", "zh")}
        return "exact" if normalise_name(m.raw) in names else "renamed"
    return "exact"


def prepare_file(preview, registry, lang: str, leave_out=None) -> FilePreview:
    """The records of one loaded file, texts in ``lang`` (runs on the worker).

    ``leave_out`` is what leaving out its rows with errors does (``load_file_and_plan``)."""
    name = preview.file
    sheets = [SheetRecord(name, sp.sheet, sp.recogniser, translate(sp.label, lang), float(sp.confidence),
                          dict(sp.tables))
              for sp in preview.sheets]
    years = preview.years_by_table()
    tables = []
    for table, frame in preview.tables.items():
        units = sorted(str(u) for u in frame["unit"].dropna().unique() if str(u)) if "unit" in frame else []
        tables.append(TableRecord(
            name, table, len(frame), years.get(table, ""),
            int(frame["mineral"].nunique()) if "mineral" in frame else None,
            int(frame["country"].nunique()) if "country" in frame else None, units))

    # One record per distinct (kind, spelling, target): sheets and readers may report a name twice.
    merged: dict[tuple, Any] = {}
    for m in preview.mappings:
        key = (m.kind, normalise_name(m.raw), m.target)
        if key in merged:
            old = merged[key]
            merged[key] = type(m)(m.kind, old.raw, m.target, min(old.confidence, m.confidence), old.rows + m.rows)
        else:
            merged[key] = m
    mappings = []
    for m in merged.values():
        status = _status(m, registry)
        hints = suggestions(registry, m.kind, m.raw, lang) if status == "unknown" and m.kind in ALIAS_KINDS else []
        mappings.append(MappingRecord(name, m.kind, str(m.raw), m.target,
                                      target_label(registry, m.kind, m.target, lang),
                                      float(m.confidence), int(m.rows), status, hints))
    mappings = [mappings[i] for i in sort_names([r.raw for r in mappings])]
    mappings.sort(key=lambda r: (STATUS_ORDER[r.status], r.kind))          # stable: by name within

    dropped = [DroppedRecord(d.get("file", name), preview.path, d.get("sheet", ""), reason_text(d, lang),
                             int(d.get("count", 1)), [int(r) for r in d.get("rows", [d.get("row")]) if r is not None],
                             str(d.get("column", "")))
               for d in preview.dropped]
    dropped.sort(key=lambda d: -d.count)

    problems = [ProblemRecord(p, preview.path, p.text(lang), p.location(lang), translate(p.expected, lang))
                for p in preview.problems]
    problems.sort(key=lambda r: SEVERITY_ORDER.get(r.problem.severity, 3))    # stable: file order within
    formats = ", ".join(sorted({translate(sp.label, lang) for sp in preview.sheets if sp.recogniser}))
    return FilePreview(preview.path, name, preview, formats, sheets, tables, mappings, dropped,
                       problems, [translate(n, lang) for n in preview.notes], leave_out)


def compress_rows(rows: list[int], count: int) -> str:
    """'2, 3, 5–9, 12 …' (the listed rows; '…' when more rows were left out than listed)."""
    rows = sorted(set(rows))
    parts, i = [], 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
            j += 1
        parts.append(str(rows[i]) if j == i else (f"{rows[i]}, {rows[j]}" if j == i + 1 else f"{rows[i]}–{rows[j]}"))
        i = j + 1
    return ", ".join(parts) + (" …" if count > len(rows) else "")


# -- models -------------------------------------------------------------------------------------
def _icon(kind: str):
    style = QApplication.style()
    pixmap = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
              "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
              "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
              "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
              "busy": QStyle.StandardPixmap.SP_BrowserReload}[kind]
    return style.standardIcon(pixmap)


class RecordTableModel(QAbstractTableModel):
    """A read-only table over a list of records; subclasses say what each column shows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: list = []
        self._locale = QLocale()

    # -- subclass API -------------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, record, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, record, column: int):
        return self.display(record, column).casefold()

    def tooltip(self, record, column: int) -> str:
        return self.display(record, column)

    def decoration(self, record, column: int):
        return None

    def background(self, record, column: int):
        return None

    def font(self, record, column: int):
        return None

    def alignment(self, column: int):
        return None

    # -- records ------------------------------------------------------------------------------
    def set_records(self, records: list) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list:
        return list(self._records)

    def record(self, row: int):
        return self._records[row] if 0 <= row < len(self._records) else None

    def number(self, value) -> str:
        if value is None:
            return ""
        return self._locale.toString(int(value))

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._records)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record, column = self._records[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column) or None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(record, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = self.alignment(column)
            return int(align) if align is not None else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.display(record, column)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1) if 0 <= section < len(self._records) else None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < self.columnCount()) or not self._records:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [self.sort_key(r, column) for r in self._records]
        texts = list({k for k in keys if isinstance(k, str)})
        rank = {texts[i]: n for n, i in enumerate(sort_names(texts))}      # Chinese by pinyin
        positions = sorted(range(len(keys)), key=lambda i: _SortKey(keys[i], rank),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        new_row = {old_row: new for new, old_row in enumerate(positions)}
        self._records = [self._records[i] for i in positions]
        self.changePersistentIndexList(old, [self.index(new_row[i.row()], i.column()) if i.isValid() else
                                             QModelIndex() for i in old])
        self.layoutChanged.emit()


class _SortKey:
    """Sorts mixed keys: numbers before text (in the order of ``text_rank``), None last."""

    __slots__ = ("rank",)

    def __init__(self, key, text_rank: dict[str, int]) -> None:
        if key is None:
            self.rank = (2, 0.0)
        elif isinstance(key, (int, float)):
            self.rank = (0, float(key))
        else:
            self.rank = (1, float(text_rank[key]))

    def __lt__(self, other: _SortKey) -> bool:
        return self.rank < other.rank


@dataclass
class FileEntry:
    """A row of the file list: the path and, once read, its preview."""

    path: str
    name: str
    preview: FilePreview | None = None
    state: str = "waiting"       # waiting | reading | ready | failed | cancelled
    error: str = ""


class FilesModel(RecordTableModel):
    """The files chosen for import, with what was recognised and whether each can be imported."""

    def headers(self):
        return [self.tr("File"), self.tr("Recognised as"), self.tr("Rows"), self.tr("Status")]

    def status(self, e: FileEntry) -> tuple[str, str]:
        if e.preview is None:
            return {"reading": (self.tr("Reading…"), "busy"), "waiting": (self.tr("Waiting…"), "busy"),
                    "cancelled": (self.tr("Not read (cancelled)"), "warning")}.get(
                e.state, (e.error or self.tr("Could not be read"), "error"))
        p = e.preview
        if p.errors:
            text = self.tr("1 error") if p.errors == 1 else \
                self.tr("%1 errors").replace("%1", self.number(p.errors))
            return text, "error"
        if not p.rows:
            return self.tr("No rows to import"), "warning"
        if p.leaving_out and p.rows_to_leave_out:
            n = p.rows_to_leave_out
            text = self.tr("Ready · 1 row left out") if n == 1 else \
                self.tr("Ready · %1 rows left out").replace("%1", self.number(n))
            return text, "warning"
        if p.warnings:
            text = self.tr("Ready · 1 warning") if p.warnings == 1 else \
                self.tr("Ready · %1 warnings").replace("%1", self.number(p.warnings))
            return text, "warning"
        return self.tr("Ready"), "ok"

    def display(self, e: FileEntry, column: int) -> str:
        if column == 0:
            return e.name
        if column == 1:
            if e.preview is None:
                return ""
            return e.preview.format or self.tr("not recognised")
        if column == 2:
            return self.number(e.preview.rows) if e.preview is not None else ""
        return self.status(e)[0]

    def tooltip(self, e: FileEntry, column: int) -> str:
        if column == 0:
            return e.path
        if column == 3 and e.preview is not None and e.preview.errors:
            if e.preview.can_leave_out:
                return self.display(e, column) + " — " + self.tr("each names a row: fix them in the file, or "
                                                                 "leave out the rows with errors (see Problems)")
            return self.display(e, column) + " — " + self.tr("the file cannot be imported until they are fixed "
                                                             "(see Problems)")
        if column == 3 and e.preview is not None and e.preview.leaving_out:
            return self.display(e, column) + " — " + self.tr("the rows with errors are left out (see Rows Left "
                                                             "Out); uncheck “Leave out the rows with errors” to "
                                                             "keep them")
        return self.display(e, column)

    def sort_key(self, e: FileEntry, column: int):
        if column == 2:
            return e.preview.rows if e.preview is not None else None
        return super().sort_key(e, column)

    def decoration(self, e: FileEntry, column: int):
        return _icon(self.status(e)[1]) if column == 3 else None

    def alignment(self, column: int):
        return (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column == 2 else None


class SheetsModel(RecordTableModel):
    """Per file and sheet: the recognised format, or 'not recognised — skipped'."""

    def headers(self):
        return [self.tr("File"), self.tr("Sheet"), self.tr("Recognised as"), self.tr("Rows read into")]

    def display(self, r: SheetRecord, column: int) -> str:
        if column == 0:
            return r.file
        if column == 1:
            return r.sheet or self.tr("(the whole file)")
        if column == 2:
            return r.label if r.recogniser else self.tr("not recognised — skipped")
        if not r.recogniser:
            return ""
        if not r.tables:
            return self.tr("no rows")
        return ", ".join((self.tr("%1: 1 row") if n == 1 else self.tr("%1: %2 rows")).replace("%1", table_title(t))
                         .replace("%2", self.number(n)) for t, n in r.tables.items())

    def tooltip(self, r: SheetRecord, column: int) -> str:
        if column == 2 and r.recogniser:
            return self.tr("%1 (recogniser '%2', confidence %3 %)").replace("%1", r.label) \
                .replace("%2", r.recogniser).replace("%3", self._locale.toString(round(r.confidence * 100)))
        return self.display(r, column)

    def decoration(self, r: SheetRecord, column: int):
        return _icon("ok" if r.recogniser else "info") if column == 2 else None


class TablesModel(RecordTableModel):
    """Per file and table: rows, years, minerals, countries and units."""

    def headers(self):
        return [self.tr("File"), self.tr("Table"), self.tr("Rows"), self.tr("Years"), self.tr("Minerals"),
                self.tr("Countries"), self.tr("Units")]

    def display(self, r: TableRecord, column: int) -> str:
        if column == 0:
            return r.file
        if column == 1:
            return table_title(r.table)
        if column == 2:
            return self.number(r.rows)
        if column == 3:
            return r.years
        if column == 4:
            return self.number(r.minerals)
        if column == 5:
            return self.number(r.countries)
        shown = ", ".join(r.units[:6])
        return shown + (" …" if len(r.units) > 6 else "")

    def tooltip(self, r: TableRecord, column: int) -> str:
        return ", ".join(r.units) if column == 6 else self.display(r, column)

    def sort_key(self, r: TableRecord, column: int):
        if column in (2, 4, 5):
            return {2: r.rows, 4: r.minerals, 5: r.countries}[column]
        return super().sort_key(r, column)

    def alignment(self, column: int):
        return (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column in (2, 4, 5) else None


class MappingsModel(RecordTableModel):
    """Name mappings: unknown and guessed names first and highlighted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[MappingRecord] = []
        self._only_to_check = False
        self._filter = ""

    def headers(self):
        return [self.tr("Kind"), self.tr("As written in the file"), self.tr("Mapped to"), self.tr("Confidence"),
                self.tr("Rows"), self.tr("File")]

    def kind_label(self, kind: str) -> str:
        return {"mineral": self.tr("mineral"), "country": self.tr("country"), "column": self.tr("column"),
                "unit": self.tr("unit"), "hs_code": self.tr("HS code")}.get(kind, kind)

    def set_records(self, records: list) -> None:
        self._all = list(records)
        self._apply()

    def set_only_to_check(self, on: bool) -> None:
        self._only_to_check = bool(on)
        self._apply()

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().casefold()
        self._apply()

    def to_check(self) -> int:
        return sum(1 for r in self._all if r.status in ("unknown", "guessed"))

    def all_records(self) -> list[MappingRecord]:
        return list(self._all)

    def _apply(self) -> None:
        rows = self._all
        if self._only_to_check:
            rows = [r for r in rows if r.status in ("unknown", "guessed")]
        if self._filter:
            f = self._filter
            rows = [r for r in rows if f in r.raw.casefold() or f in r.target_label.casefold()
                    or f in r.target.casefold()]
        super().set_records(rows)

    def row_of(self, key: tuple) -> int:
        return next((i for i, r in enumerate(self._records) if r.key == key), -1)

    def display(self, r: MappingRecord, column: int) -> str:
        if column == 0:
            return self.kind_label(r.kind)
        if column == 1:
            return r.raw
        if column == 2:
            return r.target_label if r.target else self.tr("not known — choose below")
        if column == 3:
            if not r.target:
                return "—"
            return self.tr("%1 %").replace("%1", self._locale.toString(round(r.confidence * 100)))
        if column == 4:
            return self.number(r.rows)
        return r.file

    def tooltip(self, r: MappingRecord, column: int) -> str:
        if r.status == "unknown":
            text = self.tr("'%1' is not a known %2.").replace("%1", r.raw).replace("%2", self.kind_label(r.kind))
            if r.suggestions:
                text += " " + self.tr("Did you mean %1?").replace("%1", "; ".join(label for _, label in r.suggestions))
            return text
        if r.status == "guessed":
            return self.tr("A guess: check it, and save the right name as an alias if it is wrong.")
        return self.display(r, column)

    def sort_key(self, r: MappingRecord, column: int):
        if column == 3:
            return r.confidence if r.target else -1.0
        if column == 4:
            return r.rows
        return super().sort_key(r, column)

    def background(self, r: MappingRecord, column: int):
        if r.status == "unknown":
            return UNKNOWN_BG
        if r.status == "guessed":
            return GUESSED_BG
        return None

    def decoration(self, r: MappingRecord, column: int):
        if column != 2:
            return None
        return {"unknown": _icon("error"), "guessed": _icon("warning")}.get(r.status)

    def alignment(self, column: int):
        return (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column in (3, 4) else None


class DroppedModel(RecordTableModel):
    """Rows left out of the import, one line per file, sheet and reason."""

    def headers(self):
        return [self.tr("Reason"), self.tr("Rows"), self.tr("File"), self.tr("Sheet"), self.tr("Row numbers")]

    def display(self, r: DroppedRecord, column: int) -> str:
        return [lambda: r.reason, lambda: self.number(r.count), lambda: r.file, lambda: r.sheet,
                lambda: compress_rows(r.rows, r.count)][column]()

    def tooltip(self, r: DroppedRecord, column: int) -> str:
        if column == 4:
            listed = compress_rows(r.rows, r.count)
            more = r.count - len(set(r.rows))
            return listed + ("\n" + self.tr("and %1 more rows").replace("%1", self.number(more)) if more > 0 else "")
        return self.display(r, column)

    def sort_key(self, r: DroppedRecord, column: int):
        if column == 1:
            return r.count
        if column == 4:
            return min(r.rows) if r.rows else None
        return super().sort_key(r, column)

    def alignment(self, column: int):
        return (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column == 1 else None


class ProblemsModel(RecordTableModel):
    """Problems with file, sheet, row and column; errors first."""

    def headers(self):
        return [self.tr("Severity"), self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                self.tr("Message"), self.tr("Value"), self.tr("Expected")]

    def severity_label(self, severity) -> str:
        return {Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning"),
                Severity.INFO: self.tr("Note")}.get(severity, str(severity))

    def display(self, r: ProblemRecord, column: int) -> str:
        p = r.problem
        if column == 0:
            return self.severity_label(p.severity)
        if column == 1:
            return p.file
        if column == 2:
            return p.sheet
        if column == 3:
            return self.number(p.row) if p.row is not None else ""
        if column == 4:
            return p.column
        if column == 5:
            return r.text
        if column == 6:
            return p.value
        return r.expected

    def tooltip(self, r: ProblemRecord, column: int) -> str:
        if column == 5:
            text = f"{r.location}: {r.text}"
            if r.has_cell:
                text += "\n" + self.tr("Double-click to see the cells around it.")
            return text
        return self.display(r, column)

    def sort_key(self, r: ProblemRecord, column: int):
        if column == 0:
            return SEVERITY_ORDER.get(r.problem.severity, 3)
        if column == 3:
            return r.problem.row
        return super().sort_key(r, column)

    def decoration(self, r: ProblemRecord, column: int):
        if column != 0:
            return None
        return _icon({Severity.ERROR: "error", Severity.WARNING: "warning"}.get(r.problem.severity, "info"))

    def alignment(self, column: int):
        return (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column == 3 else None


class ContextModel(RecordTableModel):
    """The cells around a problem (:class:`~desktop.core.ingest.context.CellContext`), the cell highlighted.

    Its records are the ``(spreadsheet row, [cell text, ...])`` rows; the row numbers head the rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._hl: tuple[int | None, int | None] = (None, None)

    def set_context(self, context) -> None:
        header, rows, highlight = context
        self.beginResetModel()
        self._header, self._records, self._hl = list(header), list(rows), tuple(highlight)
        self.endResetModel()

    @property
    def highlight(self) -> tuple[int | None, int | None]:
        return self._hl

    def headers(self) -> list[str]:
        return self._header

    def display(self, record, column: int) -> str:
        cells = record[1]
        return cells[column] if 0 <= column < len(cells) else ""

    def _in_highlighted_row(self, record) -> bool:
        return self._hl[0] is not None and self._records[self._hl[0]] is record

    def background(self, record, column: int):
        hl_c = self._hl[1]
        if self._in_highlighted_row(record):
            return CELL_BG if column == hl_c else LINE_BG
        return LINE_BG if hl_c is not None and column == hl_c else None

    def font(self, record, column: int):
        if self._in_highlighted_row(record) and (column == self._hl[1] or self._hl[1] is None):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(self._records[section][0]) if 0 <= section < len(self._records) else None
        return super().headerData(section, orientation, role)
