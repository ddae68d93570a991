"""Template tables laid out wide: a sheet named after ``production``, ``prices`` or ``reserves`` whose
years are columns (``矿种, 国家, 2019年, 2020年, …``), as statistical yearbooks and reports print them.

This module says whether a sheet is such a table and where its parts are (:func:`find_layout`); the
template recogniser reads it into the long table with the long table's own column parsers
(desktop.core.ingest.recognisers.template).  What is understood (docs/template.md, "Wide tables"):

* the header: the table's columns other than year and value (mineral, country; stage and unit where the
  table has them) and at least one year column; no ``year`` and no value column (those make it long);
* year headers as the analyst recogniser reads them (``2019``, ``2019年``, ``Y2019``:
  :func:`desktop.core.ingest.columns.year_of`), also marked as estimates (``2019E``, ``2019 (e)``,
  ``2019 est.``, ``2019年（估计）``);
* title rows above the header (the first rows of the sheet); a unit they name (``单位：吨``,
  ``（万吨）``, ``Unit: t``), or one in brackets in the sheet name (``产量（吨）``), is the unit of
  every value, unless a ``unit``/``单位`` column says otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.ingest.columns import is_blank, text_cells, year_of
from desktop.core.ingest.headers import TABLES, header_key, match_columns
from desktop.core.ingest.readers import RawSheet, clean_headers
from desktop.core.units import unit_in_text

# table -> the value its year columns hold
WIDE_TABLES = {"production": "quantity", "prices": "price", "reserves": "reserves"}
TITLE_ROWS = 10        # rows of titles that may stand above the header
# "2019E", "2019e", "2019 (e)", "2019 est.", "2019年（估计）": the year, then an estimate mark
_ESTIMATE = re.compile(r"^(.*?\d{4}\s*(?:年度|年)?)\s*[(（\[]?\s*(?:e|est\.?|estimated?|估|估计|预估|估算)\s*[)）\]]?$",
                       re.IGNORECASE)
_REPEATED = re.compile(r"^(.+)\.\d+$")    # the reader's name for a header written twice: '2019', '2019.1'
_UNIT_SAID = re.compile(r"(?:单位|计量单位|units?)\s*[:：]\s*([^\s)）\]】,，;；]+)", re.IGNORECASE)


def year_header(text) -> tuple[int, bool] | None:
    """(year, marked as an estimate) of a year column's header, or None when it is not one."""
    year = year_of(text)
    if year is not None:
        return year, False
    m = _ESTIMATE.match(str(text).strip())
    if m and (year := year_of(m.group(1))) is not None:
        return year, True
    return None


def title_unit(text: str) -> str:
    """The unit a title names ('单位：万吨', 'Unit: t', or a known unit in brackets: '钴产量（吨）'), else ''."""
    m = _UNIT_SAID.search(text or "")
    return m.group(1) if m else unit_in_text(text)


@dataclass
class WideLayout:
    header: int                      # grid row of the header (0: the sheet's first row, the frame's header)
    columns: list[str]               # the header's cells as column names (as the reader names them)
    found: dict                      # the table's other columns: canonical -> (header, unit), as match_columns
    years: dict[str, int]            # year column -> year, in the sheet's order
    estimates: list[str] = field(default_factory=list)    # year columns marked as estimates
    others: list[str] = field(default_factory=list)       # columns neither a year nor one of the table's
    repeated: tuple[str, str, int] | None = None          # two columns of one year: (first, second, year)
    unit: str = ""                   # the unit the titles or the sheet name give
    unit_from: str = ""              # the text it was found in


def find_layout(sheet: RawSheet, table: str) -> WideLayout | None:
    """The wide layout of a sheet that is named after ``table`` (None when it is laid out otherwise).

    Only the first rows are looked at (the header may stand below titles), so a long file costs nothing."""
    if table not in WIDE_TABLES:
        return None
    _, required, optional = TABLES[table]
    named = tuple(c for c in required if c not in ("year", WIDE_TABLES[table])) + optional
    grid = sheet.grid(TITLE_ROWS)
    for at in range(len(grid)):
        cells = grid.iloc[at].tolist()
        columns = list(sheet.frame.columns) if at == 0 else clean_headers(cells)
        if match_columns(columns, ("year", WIDE_TABLES[table])):
            return None                      # a year or value column: the long layout (or not a table)
        found = match_columns(columns, named)
        years = {col: year_header(cell) for col, cell in zip(columns, cells)}
        years = {col: y for col, y in years.items() if y is not None}
        if years and all(c in found for c in named if c in required):
            return _layout(sheet, grid, at, cells, columns, found, years)
    return None


def _layout(sheet, grid, at, cells, columns, found, years) -> WideLayout:
    layout = WideLayout(header=at, columns=columns, found=found, years={c: y for c, (y, _) in years.items()},
                        estimates=[c for c, (_, estimate) in years.items() if estimate])
    # One column per year: a second one ('2019' and '2019E', or '2019' written twice, which the reader names
    # '2019.1') is for the analyst to resolve.
    first: dict[int, str] = {}
    for col in columns:
        again = _REPEATED.match(col)
        year = layout.years.get(col) or (layout.years.get(again.group(1)) if again else None)
        if year in first:
            layout.repeated = layout.repeated or (first[year], col, year)
        elif year is not None:
            first[year] = col
    used = {header for header, _ in found.values()} | set(years)
    layout.others = [c for c, cell in zip(columns, cells) if c not in used and not is_blank(cell)]
    titles = " ".join(" ".join(text_cells(grid.iloc[r].tolist())) for r in range(at))
    name = sheet.sheet or sheet.path.stem
    for text, unit in ((titles, title_unit(titles)), (name, header_key(name)[1])):
        if unit:
            layout.unit, layout.unit_from = unit, text
            break
    return layout
