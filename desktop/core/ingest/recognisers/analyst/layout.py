"""How an analyst's table is laid out: :class:`Layout`, and :func:`analyse`, which finds it in a sheet.

:func:`analyse` finds the header row (the first of the top rows whose cells are mostly known words: roles,
measures, years, minerals), reads what each header cell says, decides the shape — *long* (a year column and
measure columns), *wide* (years as columns) or *year rows* (years down a column, minerals or countries
across) — and then reads the context the table itself does not give from the title rows above the header,
then the sheet (or file) name: the measure, the mineral, the country, the stage, the unit and the year.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from desktop.core.ingest.columns import is_blank, text_cells, year_in_text, year_of, years_of
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.recognisers.analyst.roles import header_role
from desktop.core.ingest.titles import (
    countries_in_text,
    measure_of_header,
    measures_in_text,
    minerals_in_text,
    stage_in_text,
)
from desktop.core.messages import Message, msg, term
from desktop.core.registry import Registry, default_registry
from desktop.core.units import split_unit, unit_in_text

HEADER_ROWS = 12          # the header is looked for in the first rows only (titles may stand above it)


@dataclass
class Layout:
    header: int                                   # grid row of the header
    kind: str                                     # "long" | "wide" | "year_rows"
    titles: list[str] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)
    measure_cols: dict[int, str] = field(default_factory=dict)     # long: column -> measure
    year_cols: dict[int, int] = field(default_factory=dict)        # wide: column -> year
    entity_cols: dict[int, str] = field(default_factory=dict)      # year_rows: column -> id
    entity: str | None = None                     # "mineral" | "country": what label rows/cols are
    label_col: int | None = None                  # wide: unlabelled entity column
    measure: str | None = None                    # from label header / title / sheet name
    indicator_measures: dict[str, str] = field(default_factory=dict)
    mineral: str | None = None
    country: str | None = None
    stage: str = ""
    unit_text: str = ""
    year: int | None = None
    ignored: dict[int, str] = field(default_factory=dict)   # columns not understood: column -> header
    why: list[Message] = field(default_factory=list)  # how the context was found, for notes
    ambiguous: list[Message] = field(default_factory=list)

    def measures_used(self) -> set[str]:
        if self.kind == "long":
            return set(self.measure_cols.values())
        if self.indicator_measures:
            return set(self.indicator_measures.values())
        return {self.measure} if self.measure else set()


@dataclass
class HeaderCells:
    """What the cells of the header row say, column by column (each column in one of the four)."""

    roles: dict[str, int] = field(default_factory=dict)          # role -> its first column
    measure_cols: dict[int, str] = field(default_factory=dict)   # column -> the measure its header names
    year_cols: dict[int, int] = field(default_factory=dict)      # column -> the year its header is
    names: dict[int, str] = field(default_factory=dict)          # any other header: column -> its text


def analyse(sheet: RawSheet, registry: Registry | None = None, limit: int | None = None) -> Layout | None:
    """Find the header, layout, measures and context of an analyst's table (None if not one).

    ``limit`` looks only at the first rows (detection on big files).
    """
    registry = registry or default_registry()
    grid = sheet.grid(limit)
    if grid.shape[0] < 2 or grid.shape[1] < 2:
        return None
    header = _header_row(grid, registry)
    if header is None:
        return None
    titles = [" ".join(text_cells(grid.iloc[r].tolist())) for r in range(header)]
    head = grid.iloc[header].tolist()
    cells = _header_cells(head)
    layout = Layout(header=header, kind="", titles=[title for title in titles if title], roles=cells.roles)
    if not _read_shape(layout, cells, head, grid.iloc[header + 1:], registry):
        return None
    _read_context(layout, sheet, head, cells.measure_cols, registry)
    return layout


# -- the header ------------------------------------------------------------------------------

def _header_score(row: list, registry: Registry) -> tuple[int, int]:
    """(known cells, filled cells) of a row: a header is mostly words the recogniser knows."""
    cells = [cell for cell in row if not is_blank(cell)]
    known = sum(1 for cell in cells if year_of(cell) is not None or header_role(cell) or measure_of_header(cell)
                or registry.mineral_id(split_unit(cell)[0]))
    return known, len(cells)


def _header_row(grid: pd.DataFrame, registry: Registry) -> int | None:
    """The first of the top rows with at least two cells, at least two (and half of them) known."""
    for r in range(min(len(grid), HEADER_ROWS)):
        known, filled = _header_score(grid.iloc[r].tolist(), registry)
        if filled >= 2 and known >= 2 and known * 2 >= filled:
            return r
    return None


def _header_cells(head: list) -> HeaderCells:
    """Each filled header cell as a year, else a role (its first column only), else a measure, else a name."""
    cells = HeaderCells()
    for c, cell in enumerate(head):
        if is_blank(cell):
            continue
        year = year_of(cell)
        if year is not None:
            cells.year_cols[c] = year
            continue
        role = header_role(cell)
        if role and role not in cells.roles:
            cells.roles[role] = c
            continue
        measure = measure_of_header(cell)
        if measure:
            cells.measure_cols[c] = measure
            continue
        cells.names[c] = str(cell)
    return cells


# -- the shape -------------------------------------------------------------------------------

def _read_shape(layout: Layout, cells: HeaderCells, head: list, body: pd.DataFrame, registry: Registry) -> bool:
    """Set the layout's kind and columns; False when the table has none of the three shapes."""
    if len(cells.year_cols) >= 2 or (cells.year_cols and not cells.measure_cols):
        return _read_wide(layout, cells, head, body, registry)
    # long with a year column, or without one (the year then comes from the title)
    if cells.measure_cols and ("year" in layout.roles or "country" in layout.roles or "mineral" in layout.roles):
        layout.kind = "long"
        layout.measure_cols = cells.measure_cols
        layout.ignored = dict(cells.names)
        return True
    return _read_year_rows(layout, cells, body, registry)


def _read_wide(layout: Layout, cells: HeaderCells, head: list, body: pd.DataFrame, registry: Registry) -> bool:
    """Years as columns; rows are the minerals or countries of a role column, else of the first column left of
    the years that has no role (False when there is none)."""
    layout.kind = "wide"
    layout.year_cols = cells.year_cols
    if "mineral" in layout.roles or "country" in layout.roles:
        layout.entity = "country" if "country" in layout.roles else "mineral"
    elif not _read_label_column(layout, head, body, registry):
        return False
    layout.ignored = {c: name for c, name in cells.names.items() if c != layout.label_col}
    layout.ignored.update({c: str(head[c]) for c in cells.measure_cols if c != layout.label_col})
    if "indicator" in layout.roles:
        layout.indicator_measures = _indicator_measures(body.iloc[:, layout.roles["indicator"]])
    return True


def _read_label_column(layout: Layout, head: list, body: pd.DataFrame, registry: Registry) -> bool:
    """A wide table without a mineral or country header: the first column left of the years that has no role
    holds the names, and its header may name the measure and unit ("产量（吨）")."""
    label_candidates = [c for c in range(min(layout.year_cols)) if c not in layout.roles.values()]
    if not label_candidates:
        return False
    layout.label_col = label_candidates[0]
    layout.entity = _entity_kind(body.iloc[:, layout.label_col], registry)
    label_head = head[layout.label_col]
    if not is_blank(label_head):
        measure = measure_of_header(label_head)
        if measure:
            layout.measure = measure
            layout.why.append(msg("note.measure_from_header", header=label_head))
        layout.unit_text = split_unit(label_head)[1]
    return True


def _entity_kind(values: pd.Series, registry: Registry) -> str | None:
    """What a column of names holds: "mineral" or "country", whichever the registry knows more of its
    distinct names as (countries on a tie); None when it knows none."""
    filled = values[[not is_blank(v) for v in values]]
    if filled.empty:
        return None
    distinct = pd.Series(pd.unique(filled.astype(str).str.strip()))
    n_minerals = int(registry.map_minerals(distinct).notna().sum())
    n_countries = int(registry.map_countries(distinct).notna().sum())
    if n_minerals == 0 and n_countries == 0:
        return None
    return "mineral" if n_minerals > n_countries else "country"


def _indicator_measures(indicators: pd.Series) -> dict[str, str]:
    """The indicator column's distinct texts that name a measure ("产量（万吨）" -> production), in order."""
    out: dict[str, str] = {}
    for text in pd.unique(indicators[[not is_blank(v) for v in indicators]].astype(str)):
        measure = measure_of_header(text)
        if measure:
            out[text] = measure
    return out


def _read_year_rows(layout: Layout, cells: HeaderCells, body: pd.DataFrame, registry: Registry) -> bool:
    """Years down the year column (or the first column, when it is mostly years), minerals or countries
    across: the kind the registry knows more headers of (minerals on a tie); False when it knows none."""
    year_col = layout.roles.get("year")
    if year_col is None and _years_down_first_column(body):
        year_col = 0
    if year_col is None:
        return False
    layout.roles["year"] = year_col
    names = {c: name for c, name in cells.names.items() if c != year_col}
    mineral_ids = {c: registry.mineral_id(split_unit(name)[0]) for c, name in names.items()}
    country_codes = {c: registry.country_code(split_unit(name)[0]) for c, name in names.items()}
    n_minerals = sum(ident is not None for ident in mineral_ids.values())
    n_countries = sum(code is not None for code in country_codes.values())
    if n_minerals == 0 and n_countries == 0:
        return False
    layout.kind = "year_rows"
    layout.entity = "mineral" if n_minerals >= n_countries else "country"
    ids = mineral_ids if layout.entity == "mineral" else country_codes
    layout.entity_cols = {c: ident for c, ident in ids.items() if ident is not None}
    layout.ignored = {c: names[c] for c, ident in ids.items() if ident is None}
    units = {split_unit(names[c])[1] for c in layout.entity_cols} - {""}
    if len(units) == 1:
        layout.unit_text = units.pop()
    return True


def _years_down_first_column(body: pd.DataFrame) -> bool:
    """The first column holds years: at least two, and at least 80 % of its filled cells."""
    first = body.iloc[:, 0]
    n_years = years_of(first).notna().sum()
    n_filled = sum(not is_blank(v) for v in first)
    return bool(n_filled) and n_years >= 0.8 * n_filled and n_years >= 2


# -- the context -----------------------------------------------------------------------------

def _read_context(layout: Layout, sheet: RawSheet, head: list, measure_cols: dict[int, str],
                  registry: Registry) -> None:
    """What the table does not say itself, from the title rows, then the sheet name (a CSV file's name): the
    measure, mineral and country where no column gives them, the stage, the unit and the year."""
    context = " ".join(layout.titles)
    name_source = ("sheet_name", sheet.sheet) if sheet.sheet else ("file_name", sheet.path.stem)
    sources = [("title", context), name_source]
    name = name_source[1]
    if layout.kind != "long" and layout.measure is None and not layout.indicator_measures:
        layout.measure = _from_context(layout, sources, "measure", measures_in_text)
    if "mineral" not in layout.roles and layout.entity != "mineral":
        layout.mineral = _from_context(layout, sources, "mineral", lambda text: minerals_in_text(registry, text))
    if "country" not in layout.roles and layout.entity != "country":
        layout.country = _from_context(layout, sources, "country", lambda text: countries_in_text(registry, text),
                                       several_is_ambiguous=False)
    if "stage" not in layout.roles:
        labels = " ".join(str(head[c]) for c in measure_cols) + " " + context + " " + name
        layout.stage = stage_in_text(labels)
    if not layout.unit_text:
        layout.unit_text = unit_in_text(context) or unit_in_text(name)
    layout.year = year_in_text(context) or year_in_text(name)


def _from_context(layout: Layout, sources: Sequence[tuple[str, str]], what: str,
                  find: Callable[[str], list[str]], several_is_ambiguous: bool = True) -> str | None:
    """The one ``what`` named by the first source (title, then sheet/file name) that names any.

    Records how it was found in ``layout.why``; a source naming several is recorded in
    ``layout.ambiguous`` (or, with ``several_is_ambiguous=False``, the next source is tried).
    ``sources`` are (``source.*`` word, text) pairs, ``what`` a ``kind.*`` word.
    """
    for where, text in sources:
        found = find(text)
        if len(found) == 1:
            layout.why.append(msg("note.found_in_context", what=term("kind", what), value=found[0],
                                  source=term("source", where), text=text))
            return found[0]
        if len(found) > 1 and several_is_ambiguous:
            layout.ambiguous.append(msg("note.names_several", source=term("source", where), text=text,
                                        what=term("kind", what), found=found))
            return None
    return None
