"""Leave out the rows with errors: the "skip rows" fix of the import wizard.

A file whose errors all name a row (a text where a number belongs, a negative
quantity, a value outside 0..1, conflicting duplicate keys, an unknown name, …)
can be imported without those rows.  :func:`leave_out_sheet` works on one sheet
right after its recogniser and ``check_table`` ran, while the frames still carry
``_row`` (the spreadsheet row):

* every ERROR that names a row marks that row; a conflicting duplicate marks
  every row of its ``rows`` parameter; an unknown name marks every row that
  carries it; a "… and 25 more rows like this" summary of ``check_table`` is
  resolved by applying the same rule again to the frame;
* the marked rows are removed from every table of the sheet (all table rows with
  that ``_row``), and each spreadsheet row that is not imported because of it is
  recorded once in ``ctx.dropped`` (reason ``drop.row_with_error``) — rows the
  reader had already left out *and recorded* are not counted again, rows it had
  left out silently (the template recogniser drops rows with errors because the
  import is blocked anyway) are recorded now;
* each such error becomes a WARNING ``row_left_out`` ("Row left out because: …")
  with the same file, sheet, row, column, value and expected.

Errors that name no row, or that are about the layout or a whole group of rows
rather than one row (:data:`NOT_ONE_ROW`), stay errors: the file stays refused.  Without the flag
nothing changes, but the same plan is made, so :class:`LeaveOut` tells the wizard
how many rows the fix would leave out before the analyst chooses it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA
from desktop.core.distinct import map_unique
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.checks import NON_NEGATIVE, UNIT_INTERVAL
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import Message, msg, term
from desktop.core.problems import Problem, Severity
from desktop.core.registry.normalise import normalise_name

LEFT_OUT_CODE = "row_left_out"                 # the warning an error becomes
LEFT_OUT_REASON = "drop.row_with_error"        # the reason code of the rows it leaves out
# Errors about the file, the layout of a sheet or a whole group of rows, not about one row (some name the
# header row or the first row of the group): leaving that row out cannot fix them.
NOT_ONE_ROW = frozenset({
    "unreadable", "not_recognised", "missing_column", "unknown_layout", "no_header", "no_years", "no_measure",
    "no_mineral", "no_country", "no_year",
    "unknown_unit",        # a unit the program cannot convert, for every row of a mineral
    "duplicate",           # n values repeated in an analyst's table
})
# Recognisers that leave the rows with errors out of their tables without recording them in ``dropped``
# (template._keep: the import is blocked anyway); every other reader accounts for each row it leaves out.
SILENT_RECOGNISERS = frozenset({"template"})
_CHECK_CODES = frozenset({"negative", "out_of_range"})     # check_table's row rules (resolved on the frame)


@dataclass
class LeaveOut:
    """What leaving out the rows with errors does (``applied``) or would do to one file."""

    rows: int = 0            # rows it leaves out: table rows removed, and spreadsheet rows the reader had
                             # left out without recording them (as ``dropped`` counts them)
    errors: int = 0          # errors it turns into warnings
    blocking: int = 0        # errors it cannot fix: with them the file stays refused
    applied: bool = False

    @property
    def possible(self) -> bool:
        """The file has errors and every one of them names a row: leaving them out makes it importable."""
        return self.errors > 0 and self.blocking == 0

    def add(self, other: LeaveOut) -> None:
        self.rows += other.rows
        self.errors += other.errors
        self.blocking += other.blocking


def names_a_row(problem: Problem) -> bool:
    """An ERROR about one row (or a few named rows), which leaving the rows out resolves."""
    return problem.severity is Severity.ERROR and problem.row is not None and problem.code not in NOT_ONE_ROW


def _ints(values) -> list[int]:
    out = []
    for v in values if isinstance(values, (list, tuple)) else ():
        try:
            out.append(int(v))
        except (TypeError, ValueError):
            continue
    return out


def _is_summary(problem: Problem) -> bool:
    return getattr(problem.message, "code", "") == "problem.more_rows"


def _reason(problem: Problem):
    """Why a row is left out: the problem's sentence (a summary's own sentence, without "and 25 more")."""
    return problem.params.get("message", problem.message) if _is_summary(problem) else problem.message


def _named_rows(problem: Problem) -> list[int]:
    """The rows a problem names: its row, a conflicting duplicate's rows, a summary's listed rows."""
    if problem.row is None:         # not an error leaving rows out fixes (names_a_row): it names no row
        return []
    rows = [int(problem.row)]
    if problem.code == "conflicting_duplicate" or _is_summary(problem):
        rows += _ints(problem.params.get("rows"))
    return rows


def _name_rows(sheet: RawSheet, problem: Problem) -> np.ndarray:
    """Spreadsheet rows of ``sheet`` whose cell in the problem's column is the unknown name it reports."""
    if not problem.column or problem.column not in sheet.frame.columns or problem.value == "":
        return np.zeros(0, dtype="int64")
    column = sheet.frame[problem.column]
    if isinstance(column, pd.DataFrame):          # a repeated header: the first column of that name
        column = column.iloc[:, 0]
    key = normalise_name(problem.value)
    same = map_unique(column, lambda v: v is not None and normalise_name(v) == key).to_numpy(dtype=bool)
    return sheet.excel_rows().to_numpy()[same]


def _rule_rows(table: str, frame: pd.DataFrame) -> dict[int, Message]:
    """check_table's row rules applied again (its problems stop listing rows after 20): row -> reason."""
    out: dict[int, Message] = {}
    if table not in SCHEMA or "_row" not in frame or frame.empty:
        return out
    rows = frame["_row"].to_numpy()
    for col in SCHEMA[table][1]:
        if col not in frame:
            continue
        v = frame[col].to_numpy(dtype=float)
        if col in NON_NEGATIVE and (v < 0).any():
            why = msg("problem.negative", column=term("column", col))
            for r in rows[v < 0].tolist():
                out.setdefault(r, why)
        if col in UNIT_INTERVAL and ((v < 0) | (v > 1)).any():
            why = msg("problem.outside_unit_interval", column=term("column", col))
            for r in rows[(v < 0) | (v > 1)].tolist():
                out.setdefault(r, why)
    return out


def _recorded(dropped: list[dict]) -> Callable[[int], bool]:
    """A test: was a row already recorded as left out?  Entries list their first 20 rows only, so a row
    beyond the listed ones of an entry with more rows counts as recorded (never counted twice)."""
    listed: set[int] = set()
    beyond = None
    for d in dropped:
        rows = _ints(list(d.get("rows") or ()))
        listed.update(rows)
        if rows and int(d.get("count", len(rows))) > len(rows):
            beyond = max(rows) if beyond is None else min(beyond, max(rows))
    return lambda r: r in listed or (beyond is not None and r > beyond)


def leave_out_sheet(sheet: RawSheet, ctx: ParseContext, tables: dict[str, pd.DataFrame], parsed_rows,
                    recogniser: str, apply: bool) -> tuple[dict[str, pd.DataFrame], LeaveOut]:
    """Plan (and with ``apply`` do) leaving out the rows with errors of one sheet.

    ``tables`` are the sheet's checked frames (with ``_row``); ``parsed_rows`` the arrays of spreadsheet
    rows the recogniser put into them (before check_table merged exact duplicates).  Returns the tables (without
    the rows when applied) and what was (or would be) done; ``ctx.problems`` and ``ctx.dropped`` change
    only when applied.
    """
    plan = LeaveOut(applied=apply)
    items = ctx.problems.items
    errors = [i for i, problem in enumerate(items) if problem.severity is Severity.ERROR]
    if not errors:
        return tables, plan
    fixable, blocking = _fixable_errors(items, errors, tables)
    silent = recogniser in SILENT_RECOGNISERS
    reason = _row_reasons(sheet, items, fixable, tables, silent)
    in_tables = _table_rows(tables)
    parsed: set[int] = set(np.concatenate([np.asarray(rows, dtype='int64') for rows in parsed_rows]).tolist()) \
        if len(parsed_rows) else set()
    recorded = _recorded(ctx.dropped)
    left_out = {row for row in set(reason) if silent or row in in_tables or row in parsed or not recorded(row)}
    if silent:
        blocking |= _template_unnamed_rows(sheet, items, fixable, tables, parsed, recorded, reason, left_out)
    fixable = [i for i in fixable if i not in blocking]
    if not fixable:
        return tables, LeaveOut(blocking=len(blocking), applied=apply)

    masks, rows = _rows_removed(tables, left_out, in_tables)
    plan.errors, plan.blocking, plan.rows = len(fixable), len(blocking), len(rows)
    if not apply:
        return tables, plan
    return _leave_out(sheet, ctx, tables, masks, rows, reason, fixable), plan


def _fixable_errors(items: list[Problem], errors: list[int],
                    tables: dict[str, pd.DataFrame]) -> tuple[list[int], set[int]]:
    """(errors leaving rows out fixes, errors it cannot fix), as positions in ``items``.  When a table has no
    row numbers its rows cannot be told apart, so no error is fixable."""
    fixable = [i for i in errors if names_a_row(items[i])]
    blocking = set(errors) - set(fixable)
    if fixable and any("_row" not in frame for frame in tables.values() if len(frame)):
        blocking |= set(fixable)
        fixable = []
    return fixable, blocking


def _row_reasons(sheet: RawSheet, items: list[Problem], fixable: list[int], tables: dict[str, pd.DataFrame],
                 silent: bool) -> dict[int, Message | str]:
    """Spreadsheet row -> the first reason to leave it out: the rows each fixable error names; for a silent
    recogniser also every row carrying an unknown name it reports (it reports the name once); and the rows
    check_table's row rules mark, since its problems stop listing rows after 20."""
    reason: dict[int, Message | str] = {}
    for i in fixable:
        problem = items[i]
        for row in _named_rows(problem):
            reason.setdefault(row, _reason(problem))
    if silent:
        for i in fixable:
            problem = items[i]
            if problem.code.startswith("unknown_") and not _is_summary(problem):
                for row in _name_rows(sheet, problem):
                    reason.setdefault(int(row), problem.message)
    if any(items[i].code in _CHECK_CODES for i in fixable):
        for name, frame in tables.items():
            for row, why in _rule_rows(name, frame).items():
                reason.setdefault(row, why)
    return reason


def _table_rows(tables: dict[str, pd.DataFrame]) -> set[int]:
    """The spreadsheet rows that reached a table."""
    in_tables: set[int] = set()
    for frame in tables.values():
        if "_row" in frame:
            in_tables.update(int(row) for row in pd.unique(frame["_row"]))
    return in_tables


def _template_unnamed_rows(sheet: RawSheet, items: list[Problem], fixable: list[int],
                           tables: dict[str, pd.DataFrame], parsed: set[int], recorded: Callable[[int], bool],
                           reason: dict[int, Message | str], left_out: set[int]) -> set[int]:
    """The rows the template left out that no problem names, added to ``left_out`` and ``reason``; returns
    the errors that then cannot be fixed.

    The template leaves every row with an error out of its table (and nothing else, but for a wide
    governance row without any estimate): the rows it left out that no problem names are those of
    the "… and 25 more rows like this" summaries.
    (rows it left out itself with a reason — an empty row, a title line — are recorded already)
    """
    missing = {row for row in set(sheet.excel_rows().tolist()) - parsed - left_out if not recorded(row)}
    summaries = [i for i in fixable if _is_summary(items[i]) and items[i].code not in _CHECK_CODES]
    if missing and "governance" in tables:
        return set(summaries)     # its rows cannot be told from those without an estimate
    if missing:
        why = _reason(items[summaries[0]]) if len(summaries) == 1 else msg("phrase.summarised_error")
        for row in missing:
            reason.setdefault(row, why)
        left_out |= missing
    return set()


def _rows_removed(tables: dict[str, pd.DataFrame], left_out: set[int],
                  in_tables: set[int]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """(table -> mask of its rows to remove, the spreadsheet rows left out): one entry per table row removed,
    and one per spreadsheet row left out before it reached a table."""
    gone = list(left_out)
    masks = {}
    removed = [np.asarray(sorted(left_out - in_tables), dtype="int64")]
    for name, frame in tables.items():
        if "_row" in frame and len(frame):
            hit = frame["_row"].isin(gone).to_numpy()
            if hit.any():
                masks[name] = hit
                removed.append(frame["_row"].to_numpy(dtype="int64")[hit])
    return masks, np.concatenate(removed)


def _leave_out(sheet: RawSheet, ctx: ParseContext, tables: dict[str, pd.DataFrame], masks: dict[str, np.ndarray],
               rows: np.ndarray, reason: dict[int, Message | str], fixable: list[int]) -> dict[str, pd.DataFrame]:
    """Remove the rows from the tables, record them in ``ctx.dropped``, turn the fixed errors into warnings."""
    out = {name: frame[~masks[name]].reset_index(drop=True) if name in masks else frame
           for name, frame in tables.items()}
    rows.sort(kind="stable")
    said: dict[int, Message] = {}          # one Message per distinct reason, not one per row
    drop_rows(ctx, sheet, rows, [said.setdefault(id(reason[row]), msg(LEFT_OUT_REASON, reason=reason[row]))
                                 for row in rows.tolist()])
    items = ctx.problems.items
    for i in fixable:
        problem = items[i]
        items[i] = Problem(severity=Severity.WARNING, code=LEFT_OUT_CODE,
                           message=msg("problem.row_left_out", reason=problem.message),
                           file=problem.file, sheet=problem.sheet, row=problem.row, column=problem.column,
                           value=problem.value, expected=problem.expected)
    return out


def rows_left_out(dropped: list[dict]) -> int:
    """The rows the fix left out, among a file's ``dropped`` entries."""
    return sum(int(d.get("count", 0)) for d in dropped if d.get("reason_code") == LEFT_OUT_REASON)
