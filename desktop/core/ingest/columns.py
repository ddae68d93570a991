"""Column parsers shared by recognisers: ids, years, values, stages — all vectorised.

Each parser takes a raw column plus the spreadsheet rows and reports problems
with file, sheet, row and column; it returns the parsed column and a mask of
rows that are unusable (so the caller can leave them out and still account
for them).  Years are read here for every reader (:func:`year_of`,
:func:`years_of`, :func:`parse_years`, :func:`year_in_text`).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.distinct import map_unique  # noqa: F401 — also used by the recognisers
from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.names import record_mappings, report_unknown
from desktop.core.ingest.readers import RawSheet, is_placeholder
from desktop.core.messages import msg, term
from desktop.core.registry import AGGREGATE_CODES
from desktop.core.registry.normalise import normalise_name
from desktop.core.values import parse_values

MAX_CELL_PROBLEMS = 20   # per column and kind; the rest are summarised in one line
YEAR_MIN, YEAR_MAX = 1900, 2100
# 2013, 2013.0, "2013", "2013年", "2013年度", "Y2013", "FY2013", "CY2013"
_YEAR = re.compile(r"^\s*(?:y|fy|cy)?\s*(\d{4})(?:\.0+)?\s*(?:年度|年)?\s*$", re.IGNORECASE)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")

STAGE_ALIASES = {
    "mine": "mine", "mining": "mine", "mine production": "mine", "ore": "mine", "concentrate": "mine",
    "矿山": "mine", "采矿": "mine", "开采": "mine", "矿山产量": "mine", "原矿": "mine", "精矿": "mine",
    "采选": "mine",
    "refinery": "refinery", "refined": "refinery", "refining": "refinery", "smelter": "refinery",
    "smelting": "refinery", "refinery production": "refinery", "processing": "refinery",
    "精炼": "refinery", "冶炼": "refinery", "冶炼/精炼": "refinery", "精炼产量": "refinery",
    "": "",
}


def report_cells(ctx: ParseContext, sheet: RawSheet, rows: np.ndarray, values, column: str, code: str,
                 message: str, expected: str = "", severity: str = "error") -> None:
    """One problem per offending cell, up to MAX_CELL_PROBLEMS, then one summary line.

    ``message`` and ``expected`` are Messages (see desktop.core.messages)."""
    add = getattr(ctx.problems, severity)
    rows = np.asarray(rows)
    values = list(values)
    for row, value in zip(rows[:MAX_CELL_PROBLEMS], values[:MAX_CELL_PROBLEMS]):
        add(code, message, file=sheet.file, sheet=sheet.sheet, row=int(row), column=column,
            value=_show(value), expected=expected)
    if len(rows) > MAX_CELL_PROBLEMS:
        more = len(rows) - MAX_CELL_PROBLEMS
        shown = [int(r) for r in rows[MAX_CELL_PROBLEMS:MAX_CELL_PROBLEMS + 5]]
        add(code, msg("problem.more_rows", message=message, more=more, rows=shown),
            file=sheet.file, sheet=sheet.sheet, row=int(rows[MAX_CELL_PROBLEMS]), column=column)


def is_blank(value) -> bool:
    """Empty: None, NaN, only spaces, or a reader's placeholder header (``column_3``)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return True
    text = str(value).strip()
    return text == "" or is_placeholder(text)


def text_cells(row) -> list[str]:
    """Non-empty cells of a grid row as stripped strings (reader placeholders skipped)."""
    return [str(v).strip() for v in row if not is_blank(v)]


def _show(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))   # 213.0 → "213", as the analyst typed it
    return str(value)


def parse_ids(ctx: ParseContext, sheet: RawSheet, raw: pd.Series, rows: np.ndarray, column: str,
              kind: str, allow_aggregates: bool = True) -> tuple[pd.Series, np.ndarray]:
    """Map mineral or country names to ids.  Returns (ids, bad mask); unknowns reported once per name.

    Every test is made once per distinct name and spread to the rows by the name's code: a 500,000-row
    file has a few hundred names."""
    reg = ctx.registry
    codes, distinct = pd.factorize(raw)
    names = pd.Series(np.concatenate([np.asarray(distinct, dtype=object), np.array([None], dtype=object)]),
                      dtype=object)   # code -1 (no cell) is the last: None
    named = reg.map_minerals(names) if kind == "mineral" else reg.map_countries(names)
    name_blank = names.map(is_blank).to_numpy(dtype=bool)
    name_unknown = named.isna().to_numpy() & ~name_blank
    ids = pd.Series(named.to_numpy(dtype=object)[codes], index=raw.index, dtype=object)
    blank, unknown = name_blank[codes], name_unknown[codes]
    bad = unknown | blank
    if blank.any():
        report_cells(ctx, sheet, rows[blank], raw[blank], column, f"missing_{kind}",
                     msg("problem.name_empty", kind=term("kind", kind)),
                     expected=msg("expected.name_or_code", kind=term("kind", kind)))
    if unknown.any():
        report_unknown(ctx, sheet, kind, raw[unknown], rows[unknown], column)
    if kind == "country" and not allow_aggregates:
        agg = named.isin(AGGREGATE_CODES).to_numpy()[codes]
        if agg.any():
            report_cells(ctx, sheet, rows[agg], raw[agg], column, "aggregate_not_country",
                         msg("problem.aggregate_not_country"), expected=msg("expected.single_country"))
            bad |= agg
    rows = np.asarray(rows)
    if len(rows) > 1 and not (rows[1:] > rows[:-1]).all():
        record_mappings(ctx, kind, raw[~bad], ids[~bad], rows[~bad])     # a row may hold several names
    else:
        # One name per row (every template table): a name's rows are its cells, counted by its code.
        cells = np.bincount(codes[~bad], minlength=len(names))
        for code in np.flatnonzero(cells):
            ctx.mappings.append(NameMapping(kind=kind, raw=str(names[code]).strip(), target=str(named[code]),
                                            confidence=1.0, rows=int(cells[code])))
    return ids, bad


def year_of(value) -> int | None:
    """A year (2013, 2013.0, '2013', '2013年', 'Y2013', 'FY2013', 'CY2013') as an int, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, np.integer)):
        year = int(value)
    elif isinstance(value, (float, np.floating)):
        if np.isnan(value) or not float(value).is_integer():
            return None
        year = int(value)
    else:
        m = _YEAR.match(str(value))
        if not m:
            return None
        year = int(m.group(1))
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def years_of(values: pd.Series) -> pd.Series:
    """Vectorised :func:`year_of` (distinct values parsed once); None where not a year."""
    return map_unique(values, year_of)


def year_in_text(text) -> int | None:
    """The only year written in a title (e.g. '2024年全球锂储量', 'EoL-RIR (2023)'), else None."""
    found = {int(y) for y in _YEAR_IN_TEXT.findall(str(text or ""))}
    return found.pop() if len(found) == 1 else None


def parse_years(ctx: ParseContext, sheet: RawSheet, raw: pd.Series, rows: np.ndarray,
                column: str) -> tuple[np.ndarray, np.ndarray]:
    """Years as int64 (0 where unusable) and the bad mask (rules of :func:`year_of`)."""
    if pd.api.types.is_integer_dtype(raw.dtype):
        years = raw.to_numpy(dtype="int64")
    else:
        years = pd.to_numeric(years_of(raw), errors="coerce").fillna(0).to_numpy(dtype="int64")
    bad = (years < YEAR_MIN) | (years > YEAR_MAX)
    if bad.any():
        report_cells(ctx, sheet, rows[bad], raw[bad], column, "bad_year", msg("problem.not_a_year"),
                     expected=msg("expected.year_range", first=YEAR_MIN, last=YEAR_MAX))
    return years, bad


def parse_numbers(ctx: ParseContext, sheet: RawSheet, raw: pd.Series, rows: np.ndarray,
                  column: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values and states (see desktop.core.values); text where a number belongs is an error."""
    values, states, bad = parse_values(raw)
    if bad.any():
        report_cells(ctx, sheet, rows[bad], raw[bad], column, "not_a_number", msg("problem.text_not_number"),
                     expected=msg("expected.number_or_token"))
    return values, states, bad


def parse_stage(ctx: ParseContext, sheet: RawSheet, raw: pd.Series | None, rows: np.ndarray,
                column: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    if raw is None:
        return np.full(n, "", dtype=object), np.zeros(n, dtype=bool)
    stages, bad = _choose(raw, lambda v: STAGE_ALIASES.get(normalise_name("" if is_blank(v) else v)))
    if bad.any():
        report_cells(ctx, sheet, rows[bad], raw[bad], column, "bad_stage", msg("problem.unknown_stage_value"),
                     expected=msg("expected.stage"))
    return stages, bad


def map_choice(ctx: ParseContext, sheet: RawSheet, raw: pd.Series, rows: np.ndarray, column: str,
               choices: dict[str, str], code: str, expected: str) -> tuple[np.ndarray, np.ndarray]:
    """Map a text column through an alias table (normalised keys)."""
    mapped, bad = _choose(raw, lambda v: choices.get(normalise_name("" if is_blank(v) else v)))
    if bad.any():
        report_cells(ctx, sheet, rows[bad], raw[bad], column, code, msg("problem.unknown_choice", column=column),
                     expected=expected)
    return mapped, bad


def _choose(raw: pd.Series, choose) -> tuple[np.ndarray, np.ndarray]:
    """(``choose(cell)`` per row, "" where it is None; the rows where it is None).

    ``choose`` is called once per distinct cell (``choose(None)`` for an empty one) and both results are
    spread to the rows by the cell's code, so a long column costs one hash pass."""
    codes, distinct = pd.factorize(raw)
    chosen = [choose(v) for v in distinct] + [choose(None)]      # code -1: no cell
    none = np.array([c is None for c in chosen], dtype=bool)
    return np.array(["" if c is None else c for c in chosen], dtype=object)[codes], none[codes]
