"""From raw records to clean values: what each record's names, year, value, unit and stage are.

:func:`clean_records` takes the records of
:func:`~desktop.core.ingest.recognisers.analyst.records.value_records` through one step per thing a record
must have, in this order: not a note line nor an empty cell, a measure (and so a target table), a mineral,
a country (where the table needs one), a year, a number, a canonical unit, a stage.  Each step leaves out the
records it cannot complete, recording the spreadsheet rows and why (``ctx.dropped``) and saying so in
``ctx.problems`` where the analyst should fix the file; a step that empties the records ends the cleaning.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.columns import STAGE_ALIASES, is_blank, years_of
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.names import record_mappings, report_unknown
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.recognisers.analyst.layout import Layout
from desktop.core.ingest.recognisers.analyst.roles import NOTE_PREFIXES
from desktop.core.ingest.titles import MEASURES
from desktop.core.messages import msg, term
from desktop.core.registry.normalise import normalise_name
from desktop.core.units import Conversion, convert_unit
from desktop.core.values import parse_values

CELL_PROBLEMS = 20              # cells that are not numbers reported one by one; the rest in one line
PERCENT_SIGNS = ("%", "％")
TABLES_NEEDING_COUNTRY = ["production", "balance", "reserves"]     # prices and recycling rates have none


def clean_records(rec: pd.DataFrame, layout: Layout, ctx: ParseContext, sheet: RawSheet,
                  head: list) -> pd.DataFrame:
    """The records whose every part is understood, with ``table``, ``mineral``, ``country``, ``year``
    (int64), ``value``, ``state``, ``unit``, ``stage`` and ``balance_sheet`` (the sheet has trade measures)."""
    rec = _drop_notes_and_empty_cells(rec, ctx, sheet)
    if rec.empty:
        return rec
    rec = _drop_without_measure(rec, layout, ctx, sheet)
    if rec.empty:
        return rec
    rec["table"] = rec["measure"].map(lambda measure: MEASURES[measure][0])
    balance_sheet = rec["table"].eq("balance").any()
    rec = _minerals(rec, layout, ctx, sheet, head)
    if rec.empty:
        return rec
    rec = _countries(rec, layout, ctx, sheet, head)
    if rec.empty:
        return rec
    rec = _years(rec, layout, ctx, sheet)
    if rec.empty:
        return rec
    rec, written_pct = _values(rec, ctx, sheet)
    pct_unit = _convert_units(rec, written_pct, ctx, sheet)
    _recycling_rates_as_shares(rec, pct_unit, written_pct, ctx, sheet)
    _stages(rec, layout, ctx, sheet)
    rec["balance_sheet"] = balance_sheet
    return rec


# -- lines and cells that hold no value -----------------------------------------------------------

def _drop_notes_and_empty_cells(rec: pd.DataFrame, ctx: ParseContext, sheet: RawSheet) -> pd.DataFrame:
    """Leave out note and source lines under the table ("资料来源：…"), and empty cells: an empty cell in a
    row with values is told as such, a row of only empty cells is no record unless it names a mineral or
    country (then it is a name without values)."""
    blank_cell = np.array([is_blank(v) for v in rec["cell"]], dtype=bool)
    entity = rec["country_raw"].where(rec["country_raw"].notna(), rec["mineral_raw"])
    named = np.array([not is_blank(v) for v in entity], dtype=bool)
    first_words = entity.astype(str).str.strip().str.casefold()
    note = (first_words.str.startswith(NOTE_PREFIXES).to_numpy() & named)
    if note.any():
        drop_rows(ctx, sheet, rec.loc[note, "row"].unique(), msg("drop.note_line"))
    rec = rec[~note].reset_index(drop=True)
    blank_cell, named = blank_cell[~note], named[~note]
    if blank_cell.any():
        per_row = rec.groupby("row").size()
        blanks = rec.loc[blank_cell].groupby("row").size()
        all_blank = blanks.index[blanks.to_numpy() == per_row.reindex(blanks.index).to_numpy()]
        in_blank_row = rec["row"].isin(all_blank).to_numpy()
        partial = blank_cell & ~in_blank_row
        if partial.any():
            drop_rows(ctx, sheet, rec.loc[partial, "row"].to_numpy(), msg("drop.empty_cell"))
        named_empty = blank_cell & in_blank_row & named
        if named_empty.any():
            drop_rows(ctx, sheet, rec.loc[named_empty, "row"].unique(), msg("drop.name_without_values"))
    return rec[~blank_cell].reset_index(drop=True)


def _drop_without_measure(rec: pd.DataFrame, layout: Layout, ctx: ParseContext, sheet: RawSheet) -> pd.DataFrame:
    """Leave out records without a measure: an indicator row naming no measure is another series (left out
    quietly); a table whose measure nothing names is an error."""
    no_measure = rec["measure"].isna().to_numpy()
    if not no_measure.any():
        return rec
    if layout.kind == "wide" and layout.indicator_measures:
        drop_rows(ctx, sheet, rec.loc[no_measure, "row"].unique(), msg("drop.indicator_not_measure"))
    else:
        ctx.problems.error("no_measure", msg("problem.no_measure"),
                           file=sheet.file, sheet=sheet.sheet, row=int(rec["row"].min()))
        drop_rows(ctx, sheet, rec.loc[no_measure, "row"].unique(), msg("drop.measure_unknown"))
    return rec[~no_measure].reset_index(drop=True)


# -- names ------------------------------------------------------------------------------------

def _name_column(layout: Layout, head: list, kind: str) -> str:
    """The header of the ``kind`` column, as problems name it (the kind itself when no column gives it)."""
    return str(head[layout.roles[kind]]) if kind in layout.roles else term("kind", kind)


def _report_names(ctx: ParseContext, sheet: RawSheet, kind: str, raw: pd.Series, mapped: pd.Series,
                  bad: np.ndarray, blank: np.ndarray, rows: pd.Series, column: str) -> None:
    """Report the ``bad`` (unknown) names and record the mappings of the known ones."""
    report_unknown(ctx, sheet, kind, raw[bad], rows[bad], column)
    known = ~bad & ~blank
    record_mappings(ctx, kind, raw[known], mapped[known], rows[known].to_numpy())


def _minerals(rec: pd.DataFrame, layout: Layout, ctx: ParseContext, sheet: RawSheet, head: list) -> pd.DataFrame:
    """Each record's mineral: its row's (or column's) name, where it has one, else the one the context
    names; records with an unknown mineral or none are left out (all of them when nothing names one)."""
    if rec["mineral_raw"].isna().all():
        if layout.mineral is None:
            ctx.problems.error("no_mineral", msg("problem.no_mineral"), file=sheet.file, sheet=sheet.sheet,
                               row=int(rec["row"].min()))
            drop_rows(ctx, sheet, rec["row"].unique(), msg("drop.mineral_unknown"))
            return rec.iloc[0:0]
        rec["mineral"] = layout.mineral
        return rec
    raw = rec["mineral_raw"].astype(object)
    blank = np.array([is_blank(v) for v in raw])
    if blank.any() and layout.mineral is not None:
        raw = raw.where(~blank, layout.mineral)
        blank[:] = False
    mapped = ctx.registry.map_minerals(raw.where(~blank, None))
    bad = mapped.isna().to_numpy() & ~blank
    _report_names(ctx, sheet, "mineral", raw, mapped, bad, blank, rec["row"], _name_column(layout, head, "mineral"))
    if (bad | blank).any():
        drop_rows(ctx, sheet, rec.loc[bad, "row"].unique(), msg("drop.unknown_mineral"))
        drop_rows(ctx, sheet, rec.loc[blank, "row"].unique(), msg("drop.no_mineral_name"))
    rec["mineral"] = mapped
    return rec[~(bad | blank)].reset_index(drop=True)


def _countries(rec: pd.DataFrame, layout: Layout, ctx: ParseContext, sheet: RawSheet, head: list) -> pd.DataFrame:
    """Each record's country: its row's (or column's) name, else the one the context names.  Only the
    tables of :data:`TABLES_NEEDING_COUNTRY` need one: their records with an unknown country or none are
    left out."""
    needs_country = rec["table"].isin(TABLES_NEEDING_COUNTRY).to_numpy()
    if rec["country_raw"].isna().all():
        rec["country"] = layout.country
        if needs_country.any() and layout.country is None:
            ctx.problems.error("no_country", msg("problem.no_country"), file=sheet.file, sheet=sheet.sheet,
                               row=int(rec["row"].min()))
            drop_rows(ctx, sheet, rec.loc[needs_country, "row"].unique(), msg("drop.country_unknown"))
            rec = rec[~needs_country].reset_index(drop=True)
        return rec
    raw = rec["country_raw"].astype(object)
    blank = np.array([is_blank(v) for v in raw])
    mapped = ctx.registry.map_countries(raw.where(~blank, None))
    bad = mapped.isna().to_numpy() & ~blank & needs_country
    _report_names(ctx, sheet, "country", raw, mapped, bad, blank, rec["row"], _name_column(layout, head, "country"))
    drop_rows(ctx, sheet, rec.loc[bad, "row"].unique(), msg("drop.unknown_country"))
    drop_rows(ctx, sheet, rec.loc[blank & needs_country, "row"].unique(), msg("drop.no_country_name"))
    rec["country"] = mapped
    return rec[~(bad | (blank & needs_country))].reset_index(drop=True)


# -- years, values, units, stages -----------------------------------------------------------------

def _years(rec: pd.DataFrame, layout: Layout, ctx: ParseContext, sheet: RawSheet) -> pd.DataFrame:
    """Each record's year (int64); records without one are left out — an error when neither a column nor
    the title gives a long table's year, else a warning at the first cell that is not a year."""
    years = years_of(rec["year_raw"])
    no_year = years.isna().to_numpy()
    if no_year.any():
        if layout.kind == "long" and "year" not in layout.roles:
            ctx.problems.error("no_year", msg("problem.no_year_anywhere"),
                               file=sheet.file, sheet=sheet.sheet, row=int(rec["row"].min()))
        else:
            first_bad = rec.loc[no_year].iloc[0]
            ctx.problems.warning("not_a_year", msg("problem.values_without_year", n=int(no_year.sum())),
                                 file=sheet.file, sheet=sheet.sheet, row=int(first_bad["row"]),
                                 column=str(first_bad["column"]), value=str(first_bad["year_raw"]),
                                 expected=msg("expected.year_like"))
        drop_rows(ctx, sheet, rec.loc[no_year, "row"].unique(), msg("drop.no_valid_year"))
    rec["year"] = years
    rec = rec[~no_year].reset_index(drop=True)
    if not rec.empty:
        rec["year"] = rec["year"].astype("int64")
    return rec


def _values(rec: pd.DataFrame, ctx: ParseContext, sheet: RawSheet) -> tuple[pd.DataFrame, pd.Series]:
    """Each record's number and state ("1,234", "55.96%", W, NA, …); cells that are not numbers are errors
    (the first :data:`CELL_PROBLEMS` one by one) and left out.  Also returns which cells were written with a
    percent sign (already shares: a "%" unit does not divide them again)."""
    values, states, bad = parse_values(rec["cell"])
    if bad.any():
        for _, record in rec.loc[bad].head(CELL_PROBLEMS).iterrows():
            ctx.problems.error("not_a_number", msg("problem.not_a_number"), file=sheet.file, sheet=sheet.sheet,
                               row=int(record["row"]), column=str(record["column"]), value=str(record["cell"]),
                               expected=msg("expected.number_or_percent"))
        if bad.sum() > CELL_PROBLEMS:
            ctx.problems.error("not_a_number", msg("problem.more_not_numbers", n=int(bad.sum()) - CELL_PROBLEMS),
                               file=sheet.file, sheet=sheet.sheet)
        drop_rows(ctx, sheet, rec.loc[bad, "row"].to_numpy(), msg("drop.value_not_number"))
    rec["value"] = values
    rec["state"] = states
    rec = rec[~bad].reset_index(drop=True)
    written_pct = rec["cell"].map(lambda v: isinstance(v, str) and v.strip().endswith(PERCENT_SIGNS))
    return rec, written_pct


def _convert_units(rec: pd.DataFrame, written_pct: pd.Series, ctx: ParseContext, sheet: RawSheet) -> np.ndarray:
    """Convert each value to its mineral's canonical unit (``unit`` set, ``value`` scaled), once per distinct
    (unit, mineral); returns which records have a share unit ("%")."""
    unit_raw = rec["unit_raw"].map(lambda v: "" if is_blank(v) else str(v).strip())
    pairs = pd.DataFrame({"unit": unit_raw, "mineral": rec["mineral"]}).drop_duplicates()
    conversions: dict[tuple[str, str], Conversion] = {}
    for unit, mineral_id in pairs.itertuples(index=False):
        conversions[(unit, mineral_id)] = convert_unit(unit, mineral_id)
    keys = list(zip(unit_raw, rec["mineral"]))
    rec["unit"] = [conversions[k].unit for k in keys]
    factor = np.array([conversions[k].factor for k in keys], dtype=float)
    pct_unit = np.array([conversions[k].dimension == "share" for k in keys])
    factor = np.where(pct_unit & written_pct.to_numpy(), 1.0, factor)
    rec["value"] = rec["value"].to_numpy() * factor
    _say_units(conversions, ctx, sheet)
    return pct_unit


def _say_units(conversions: dict[tuple[str, str], Conversion], ctx: ParseContext, sheet: RawSheet) -> None:
    """Tell each written unit once (per canonical unit and factor): unknown (a warning), a share, or
    converted by a factor."""
    said: set[tuple[str, str, float]] = set()
    for (unit, _mineral_id), (canonical, factor, known, dimension) in conversions.items():
        if not unit or (unit, canonical, factor) in said:
            continue
        said.add((unit, canonical, factor))
        if not known:
            ctx.problems.warning("unknown_unit", msg("problem.unit_not_known", unit=unit),
                                 file=sheet.file, sheet=sheet.sheet, value=unit)
        elif dimension == "share":
            ctx.notes.append(msg("note.share_unit", sheet=sheet.sheet, unit=unit))
        elif factor != 1.0:
            ctx.notes.append(msg("note.sheet_unit_converted", sheet=sheet.sheet, unit=unit, target=canonical,
                                 factor=factor))


def _recycling_rates_as_shares(rec: pd.DataFrame, pct_unit: np.ndarray, written_pct: pd.Series,
                               ctx: ParseContext, sheet: RawSheet) -> None:
    """Recycling rates written as 55 instead of 0.55 (no "%" unit, no percent sign): read as percentages,
    with a warning."""
    recycling = rec["table"].eq("recycling").to_numpy()
    if recycling.any() and not pct_unit[recycling].any():
        big = recycling & (rec["value"].to_numpy() > 1) & ~written_pct.to_numpy()
        if big.any():
            rec.loc[big, "value"] = rec.loc[big, "value"] / 100.0
            ctx.problems.warning("percent_assumed", msg("problem.percent_assumed"), file=sheet.file,
                                 sheet=sheet.sheet, row=int(rec.loc[big, "row"].min()))


def _stages(rec: pd.DataFrame, layout: Layout, ctx: ParseContext, sheet: RawSheet) -> None:
    """Each record's stage: its stage column's (a warning for each stage not understood, then ""), else the
    one the title or headers name."""
    if not rec["stage_raw"].notna().any():
        rec["stage"] = layout.stage
        return
    stage_raw = rec["stage_raw"].map(lambda v: "" if is_blank(v) else normalise_name(v))
    stages = stage_raw.map(STAGE_ALIASES)
    for stage in stage_raw[stages.isna()].unique():
        ctx.problems.warning("unknown_stage", msg("problem.stage_not_understood", stage=stage),
                             file=sheet.file, sheet=sheet.sheet, value=str(stage),
                             expected=msg("expected.stage_zh"))
    rec["stage"] = stages.fillna("")
