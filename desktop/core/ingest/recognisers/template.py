"""The CritMin workbook template (docs/template.md): one sheet (or CSV) per canonical table."""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.chain.events import EVENT_ALIASES
from desktop.core.chain.vocabulary import DIMENSION_ALIASES, STAGE_ALIASES, STREAM_ALIASES
from desktop.core.dataset import DIMENSIONS, TEMPLATE_TABLES, WGI_INDICATORS
from desktop.core.ingest import columns as cols
from desktop.core.ingest import wide
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.headers import TABLES, match_columns, sheet_table
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.recognisers.analyst import NOTE_PREFIXES  # one list of note words
from desktop.core.messages import Message, msg, term
from desktop.core.registry.normalise import normalise_name

_INDICATOR_ALIASES = {k.casefold(): k for k in WGI_INDICATORS} | {
    f"{k.casefold()}.est": k for k in WGI_INDICATORS}


def _table_for(sheet: RawSheet) -> tuple[str | None, bool]:
    """(table, named): the table the sheet is for, and whether its name said so."""
    name = sheet.sheet or sheet.path.stem
    table = sheet_table(name)
    if table:
        return table, True
    headers = list(sheet.frame.columns)
    best, best_n = None, 0
    for table, (_, required, optional) in TABLES.items():
        found = match_columns(headers, required + optional)
        if all(c in found for c in required) and len(found) > best_n:
            if table == "governance" and not (set(found) & ({*WGI_INDICATORS, "indicator"})):
                continue
            best, best_n = table, len(found)
    return best, False


class TemplateRecogniser:
    name = "template"
    label = Message("recogniser.template")

    def detect(self, sheet: RawSheet) -> float:
        table, named = _table_for(sheet)
        if table is None:
            return 0.0
        if named and wide.find_layout(sheet, table) is not None:
            return 1.0
        _, required, _ = TABLES[table]
        found = match_columns(list(sheet.frame.columns), required)
        if len(found) == len(required):
            return 1.0 if named else 0.8
        # A sheet named like a template table but missing columns is still ours:
        # the analyst must hear which column is missing, not "unrecognised".
        return 0.6 if named and found else 0.0

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        table, named = _table_for(sheet)
        assert table is not None        # detect returns 0 for a sheet that is for no table
        layout = wide.find_layout(sheet, table) if named else None
        if layout is not None:
            frame = _wide(sheet, ctx, table, layout)
            return {} if frame is None else {table: frame}
        _, required, optional = TABLES[table]
        found = match_columns(list(sheet.frame.columns), required + optional)
        missing = [c for c in required if c not in found]
        if table == "governance" and not (set(found) & {*WGI_INDICATORS, "indicator"}):
            missing.append("VA…CC or indicator + value")
        if missing:
            for col in missing:
                ctx.problems.error("missing_column", msg("problem.missing_column", column=col,
                                                         table=term("table", table)),
                                   file=sheet.file, sheet=sheet.sheet, row=sheet.header_row, column=col,
                                   expected=msg("expected.header_named", column=col))
            return {}
        where = msg("where.file_sheet", file=sheet.file, sheet=sheet.sheet) if sheet.sheet else sheet.file
        frame = sheet.frame
        rows = sheet.excel_rows().to_numpy()
        # a row with no cell filled (a blank line between blocks) says nothing: left out as "empty row", not
        # reported cell by cell as a missing mineral, country and year
        empty = _empty_rows(frame)
        if empty.any():
            drop_rows(ctx, sheet, rows[empty], msg("drop.empty_row"))
            frame, rows = frame[~empty].reset_index(drop=True), rows[~empty]
        ctx.notes.append(msg("note.template_table", where=where, table=table, rows=len(frame)))
        return {table: _PARSERS[table](sheet, ctx, frame, found, rows)}


def _empty_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows with no cell filled.  Only rows whose first cell is blank are looked at cell by cell (the first
    column's distinct values are checked once), so a large file pays for one column."""
    if len(frame) == 0 or frame.shape[1] == 0:
        return np.zeros(len(frame), dtype=bool)
    empty = cols.map_unique(frame.iloc[:, 0], cols.is_blank).to_numpy(dtype=bool)
    if empty.any():
        at = np.flatnonzero(empty)
        empty[at] = frame.iloc[at].apply(lambda s: s.map(cols.is_blank)).all(axis=1).to_numpy(dtype=bool)
    return empty


def _col(frame: pd.DataFrame, found: dict, name: str) -> pd.Series | None:
    return frame[found[name][0]] if name in found else None


def _required_col(frame: pd.DataFrame, found: dict, name: str) -> pd.Series:
    """A required column of the table: parse has refused the sheet already when it is missing."""
    return frame[found[name][0]]


def _keep(out: dict, bad: np.ndarray, sheet: RawSheet, ctx: ParseContext, rows: np.ndarray) -> pd.DataFrame:
    """Build the frame; rows with blocking errors are left out (the import is blocked anyway)."""
    frame = pd.DataFrame(out)
    frame["_row"] = rows
    return frame[~bad].reset_index(drop=True) if bad.any() else frame     # a large clean file is not copied


def _ids(sheet, ctx, frame, found, rows, out, bad, kinds, allow_aggregates=False):
    """Map id columns; world/other-country aggregates only where shares need them."""
    for name in kinds:
        kind = "mineral" if name == "mineral" else "country"
        ids, b = cols.parse_ids(ctx, sheet, _col(frame, found, name), rows, found[name][0], kind,
                                allow_aggregates=allow_aggregates)
        out[name] = ids.to_numpy(dtype=object)
        bad |= b


def _year(sheet, ctx, frame, found, rows, out, bad):
    years, b = cols.parse_years(ctx, sheet, _col(frame, found, "year"), rows, found["year"][0])
    out["year"] = years
    bad |= b


def _values(sheet, ctx, frame, found, rows, out, bad, names, required=True):
    for name in names:
        raw = _col(frame, found, name)
        if raw is None:
            out[name] = np.full(len(frame), np.nan)
            out[f"{name}_state"] = np.full(len(frame), "", dtype=object)
            continue
        values, states, b = cols.parse_numbers(ctx, sheet, raw, rows, found[name][0])
        if found[name][1] in ("%", "％", "percent", "百分比"):
            # A "(%)" header: plain numbers are percentages; cells written "22%" were already scaled.
            written_pct = cols.map_unique(raw, lambda v: str(v).strip().endswith(("%", "％"))).to_numpy(dtype=bool)
            values = np.where(written_pct, values, values / 100.0)
            ctx.notes.append(msg("note.percent_column", file=sheet.file, column=found[name][0]))
        out[name], out[f"{name}_state"] = values, states
        bad |= b


def _unit(frame, found, out, header_unit):
    """The unit column: its cell, else the unit the header (or a wide table's title) gives."""
    raw = _col(frame, found, "unit")
    if raw is not None:
        out["unit"] = cols.map_unique(raw, lambda v: header_unit if cols.is_blank(v) else str(v).strip()
                                      ).to_numpy(dtype=object)
    else:
        out["unit"] = np.full(len(frame), header_unit, dtype=object)


def _measure(table: str, value_cols: tuple[str, ...], key_ids: tuple[str, ...], stage: bool):
    def parse(sheet, ctx, frame, found, rows):
        bad = np.zeros(len(frame), dtype=bool)
        out: dict = {}
        _ids(sheet, ctx, frame, found, rows, out, bad, key_ids,
             allow_aggregates=table in ("production", "reserves"))
        _year(sheet, ctx, frame, found, rows, out, bad)
        if stage:
            st, b = cols.parse_stage(ctx, sheet, _col(frame, found, "stage"), rows,
                                     found.get("stage", ("stage",))[0], len(frame))
            out["stage"] = st
            bad |= b
        _values(sheet, ctx, frame, found, rows, out, bad, value_cols)
        if "unit" in TABLES[table][2]:
            _unit(frame, found, out, found.get(value_cols[0], ("", ""))[1])
        return _keep(out, bad, sheet, ctx, rows)
    return parse


def _wide(sheet: RawSheet, ctx: ParseContext, table: str, layout: wide.WideLayout) -> pd.DataFrame | None:
    """A production, prices or reserves sheet laid out wide (desktop.core.ingest.wide) as its long table: one
    row per filled year cell, with ``_column`` (the year header) beside ``_row`` so that a problem the checks
    find in a value names the cell.  Each spreadsheet row is imported (a value in some year) or left out with
    its reason; the names, stage and unit of a row are parsed once, by the long table's parsers."""
    header_row = sheet.first_grid_row + layout.header
    if layout.repeated:
        first, second, year = layout.repeated
        ctx.problems.error("unknown_layout", msg("problem.wide_year_twice", first=first, second=second, year=year),
                           file=sheet.file, sheet=sheet.sheet, row=header_row, column=second,
                           expected=msg("expected.one_column_per_year"))
        return None
    frame, rows = _wide_body(sheet, ctx, layout)
    headers = list(layout.years)
    values = np.full((len(frame), len(headers)), np.nan)
    states = np.full((len(frame), len(headers)), "", dtype=object)
    not_number = np.zeros((len(frame), len(headers)), dtype=bool)
    for col_index, header in enumerate(headers):
        values[:, col_index], states[:, col_index], not_number[:, col_index] = cols.parse_numbers(
            ctx, sheet, frame[header], rows, header)
    filled = ~np.isnan(values) | (states != "") | not_number      # an empty cell: no value for that year
    some = filled.any(axis=1)
    if not some.all():
        drop_rows(ctx, sheet, rows[~some], msg("drop.no_value_any_year"))
        frame, rows = frame[some].reset_index(drop=True), rows[some]
        values, states, not_number, filled = values[some], states[some], not_number[some], filled[some]

    bad = np.zeros(len(frame), dtype=bool)
    per_row: dict = {}
    ids = [c for c in ("mineral", "country") if c in layout.found]
    _ids(sheet, ctx, frame, layout.found, rows, per_row, bad, ids, allow_aggregates=table in ("production", "reserves"))
    if table == "production":
        per_row["stage"], b = cols.parse_stage(ctx, sheet, _col(frame, layout.found, "stage"), rows,
                                               layout.found.get("stage", ("stage",))[0], len(frame))
        bad |= b
    _unit(frame, layout.found, per_row, layout.unit)

    at, j = np.nonzero(filled)              # row by row, each row's years in the sheet's order
    value_col = wide.WIDE_TABLES[table]
    out = {name: column[at] for name, column in per_row.items()}
    out["year"] = np.array([layout.years[h] for h in headers], dtype="int64")[j]
    out[value_col], out[f"{value_col}_state"] = values[at, j], states[at, j]
    out["_column"] = np.array(headers, dtype=object)[j]
    long = _keep(out, bad[at] | not_number[at, j], sheet, ctx, rows[at])

    where = msg("where.file_sheet", file=sheet.file, sheet=sheet.sheet) if sheet.sheet else sheet.file
    years = sorted(set(layout.years.values()))
    ctx.notes.append(msg("note.wide_table", where=where, table=table, first=years[0], last=years[-1],
                         rows=len(frame), values=len(long)))
    if layout.estimates:
        ctx.notes.append(msg("note.wide_estimates", where=where, columns=layout.estimates))
    if layout.unit:
        ctx.notes.append(msg("note.wide_unit", where=where, unit=layout.unit, text=layout.unit_from))
    return long


def _wide_body(sheet: RawSheet, ctx: ParseContext, layout: wide.WideLayout) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows under a wide table's header and their spreadsheet rows; titles, blank and note lines left out
    with their reasons, and a warning for each column that is not imported."""
    header_row = sheet.first_grid_row + layout.header
    if layout.header == 0:
        frame, rows = sheet.frame, sheet.excel_rows().to_numpy()
    else:
        # Titles above the header: the reader took the first title for the header and the rest for rows.
        drop_rows(ctx, sheet, np.arange(sheet.header_row + 1, header_row + 1), msg("drop.above_table"))
        frame = sheet.grid().iloc[layout.header + 1:].reset_index(drop=True)
        frame.columns = layout.columns
        rows = np.arange(len(frame), dtype="int64") + header_row + 1
    for column in layout.others:
        ctx.problems.warning("column_not_imported", msg("problem.column_not_imported", column=column,
                                                        why=msg("drop.not_year_or_column")),
                             file=sheet.file, sheet=sheet.sheet, row=header_row, column=column)
    empty = _empty_rows(frame)
    if empty.any():
        drop_rows(ctx, sheet, rows[empty], msg("drop.empty_row"))
    note = ~empty & _note_lines(frame)
    if note.any():
        drop_rows(ctx, sheet, rows[note], msg("drop.note_line"))
    keep = ~empty & ~note
    return (frame, rows) if keep.all() else (frame[keep].reset_index(drop=True), rows[keep])


def _note_lines(frame: pd.DataFrame) -> np.ndarray:
    """Rows that are a note or a source under the table ('资料来源：USGS', 'Note: …'): text in the first cell
    only, starting as the analyst recogniser's note lines do."""
    if len(frame) == 0 or frame.shape[1] < 2:
        return np.zeros(len(frame), dtype=bool)
    first = cols.map_unique(frame.iloc[:, 0], lambda v: not cols.is_blank(v) and
                            str(v).strip().casefold().startswith(NOTE_PREFIXES)).to_numpy(dtype=bool)
    if first.any():
        at = np.flatnonzero(first)
        first[at] = frame.iloc[at, 1:].apply(lambda s: s.map(cols.is_blank)).all(axis=1).to_numpy(dtype=bool)
    return first


def _governance(sheet, ctx, frame, found, rows):
    bad = np.zeros(len(frame), dtype=bool)
    out: dict = {}
    _ids(sheet, ctx, frame, found, rows, out, bad, ("country",))
    _year(sheet, ctx, frame, found, rows, out, bad)
    if "indicator" in found and "estimate" in found:
        ind, b = cols.map_choice(ctx, sheet, _col(frame, found, "indicator"), rows, found["indicator"][0],
                                 _INDICATOR_ALIASES, "bad_indicator", msg("expected.wgi_indicator"))
        bad |= b
        out["indicator"] = ind
        _values(sheet, ctx, frame, found, rows, out, bad, ("estimate",))
        return _keep(out, bad, sheet, ctx, rows)
    parts = []
    for indicator in WGI_INDICATORS:
        if indicator not in found:
            continue
        part = dict(out)
        b = bad.copy()
        values, states, b2 = cols.parse_numbers(ctx, sheet, _required_col(frame, found, indicator), rows,
                                                found[indicator][0])
        part.update(indicator=indicator, estimate=values, estimate_state=states)
        parts.append(_keep(part, b | b2, sheet, ctx, rows))
    long = pd.concat(parts, ignore_index=True)
    # An empty cell in the wide layout is "no estimate", not a row to keep.
    return long[~(long["estimate"].isna() & (long["estimate_state"] == ""))].reset_index(drop=True)


def _chain_risk(sheet, ctx, frame, found, rows):
    bad = np.zeros(len(frame), dtype=bool)
    out: dict = {}
    _ids(sheet, ctx, frame, found, rows, out, bad, ("mineral",))
    for name, table, expected in (("stream", STREAM_ALIASES, msg("expected.stream")),
                                  ("stage", STAGE_ALIASES, msg("expected.chain_stage")),
                                  ("dimension", DIMENSION_ALIASES, msg("expected.dimension"))):
        out[name], b = cols.map_choice(ctx, sheet, _col(frame, found, name), rows, found[name][0], table,
                                       f"bad_{name}", expected)
        bad |= b
    wrong = ~bad & ~np.array([d in DIMENSIONS.get(s, ()) for s, d in zip(out["stream"], out["dimension"])])
    if wrong.any():
        cols.report_cells(ctx, sheet, rows[wrong], pd.Series(out["dimension"])[wrong], found["dimension"][0],
                          "dimension_not_in_stream", msg("problem.dimension_not_in_stream"),
                          expected=msg("expected.dimension_of_stream"))
        bad |= wrong
    _values(sheet, ctx, frame, found, rows, out, bad, ("score",))
    for name, default in (("source", "analyst"), ("note", "")):
        raw = _col(frame, found, name)
        out[name] = (raw.fillna(default).astype(str).to_numpy(dtype=object) if raw is not None
                     else np.full(len(frame), default, dtype=object))
    return _keep(out, bad, sheet, ctx, rows)


def _lists(sheet, ctx, frame, found, rows):
    bad = np.zeros(len(frame), dtype=bool)
    out: dict = {}
    raw = _required_col(frame, found, "list")
    empty = raw.isna().to_numpy() | (raw.astype(str).str.strip() == "").to_numpy()
    if empty.any():
        cols.report_cells(ctx, sheet, rows[empty], raw[empty], found["list"][0], "missing_list",
                          msg("problem.list_name_empty"), expected=msg("expected.list_name"))
    bad |= empty
    out["list"] = raw.astype(str).str.strip().to_numpy(dtype=object)
    _ids(sheet, ctx, frame, found, rows, out, bad, ("mineral",))
    return _keep(out, bad, sheet, ctx, rows)


def _events(sheet, ctx, frame, found, rows):
    """Policy events: a chain stage or empty (every stage), a type of the events vocabulary, start and end year."""
    bad = np.zeros(len(frame), dtype=bool)
    out: dict = {}
    _ids(sheet, ctx, frame, found, rows, out, bad, ("country", "mineral"))
    raw = _col(frame, found, "stage")
    if raw is None:
        out["stage"] = np.full(len(frame), "", dtype=object)
    else:
        stages = cols.map_unique(raw, lambda v: "" if cols.is_blank(v) else STAGE_ALIASES.get(normalise_name(v)))
        wrong = stages.isna().to_numpy()
        if wrong.any():
            cols.report_cells(ctx, sheet, rows[wrong], raw[wrong], found["stage"][0], "bad_stage",
                              msg("problem.unknown_choice", column=found["stage"][0]),
                              expected=msg("expected.chain_stage_or_empty"))
        out["stage"] = stages.fillna("").to_numpy(dtype=object)
        bad |= wrong
    out["type"], b = cols.map_choice(ctx, sheet, _col(frame, found, "type"), rows, found["type"][0], EVENT_ALIASES,
                                     "bad_type", msg("expected.event_type"))
    bad |= b
    start, b = cols.parse_years(ctx, sheet, _col(frame, found, "start_year"), rows, found["start_year"][0])
    out["start_year"] = start
    bad |= b
    raw = _col(frame, found, "end_year")
    end = np.full(len(frame), np.nan)
    if raw is not None:
        blank = cols.map_unique(raw, cols.is_blank).to_numpy(dtype=bool)
        years = pd.to_numeric(cols.years_of(raw), errors="coerce").to_numpy(dtype=float)
        end = np.where(blank, np.nan, years)
        not_year = ~blank & np.isnan(years)
        if not_year.any():
            cols.report_cells(ctx, sheet, rows[not_year], raw[not_year], found["end_year"][0], "bad_year",
                              msg("problem.not_a_year"), expected=msg("expected.end_year"))
        early = ~blank & ~not_year & ~b & (end < start)
        if early.any():
            cols.report_cells(ctx, sheet, rows[early], raw[early], found["end_year"][0], "end_before_start",
                              msg("problem.end_before_start"), expected=msg("expected.end_year"))
        bad |= not_year | early
    out["end_year"] = end
    for name in ("source", "note"):
        raw = _col(frame, found, name)
        out[name] = (cols.map_unique(raw, lambda v: "" if cols.is_blank(v) else str(v).strip()).to_numpy(dtype=object)
                     if raw is not None else np.full(len(frame), "", dtype=object))
    return _keep(out, bad, sheet, ctx, rows)


def _scenarios(sheet, ctx, frame, found, rows):
    """What-if scenarios: one row per change (desktop.core.scenarios.model parses and checks the cells)."""
    from desktop.core.scenarios.model import parse_scenario_sheet

    return parse_scenario_sheet(sheet, ctx, frame, found, rows)


def _trade_flows(sheet, ctx, frame, found, rows):
    """Bilateral flows (BACI-like): a mineral's tonnes and value from an exporter to an importer in a year.
    The tonnes are in the basis the analyst chose (the production's, for export-ban scenarios)."""
    bad = np.zeros(len(frame), dtype=bool)
    out: dict = {}
    _ids(sheet, ctx, frame, found, rows, out, bad, ("mineral", "exporter", "importer"))
    _year(sheet, ctx, frame, found, rows, out, bad)
    st, b = cols.parse_stage(ctx, sheet, _col(frame, found, "stage"), rows, found.get("stage", ("stage",))[0],
                             len(frame))
    out["stage"] = st
    bad |= b
    for name in ("quantity_t", "value_kusd"):
        raw = _col(frame, found, name)
        if raw is None:
            out[name] = np.full(len(frame), np.nan)
            continue
        values, _states, b = cols.parse_numbers(ctx, sheet, raw, rows, found[name][0])
        out[name] = values
        bad |= b
    same = ~bad & (out["exporter"] == out["importer"])
    if same.any():
        cols.report_cells(ctx, sheet, rows[same], pd.Series(out["importer"])[same], found["importer"][0],
                          "own_partner", msg("problem.trade_with_itself"), expected=msg("expected.other_country"))
        bad |= same
    return _keep(out, bad, sheet, ctx, rows)


def _normalised(sheet, ctx, frame, found, rows, bad: np.ndarray, name: str, normalise, problem, expected) -> np.ndarray:
    """The column ``name`` through ``normalise`` (None: not understood — reported per cell and marked in ``bad``,
    in place); "" where it was not understood."""
    raw = _required_col(frame, found, name)
    values = cols.map_unique(raw, normalise)
    wrong = values.isna().to_numpy()
    if wrong.any():
        cols.report_cells(ctx, sheet, rows[wrong], raw[wrong], found[name][0], f"bad_{name}", problem,
                          expected=expected)
    bad |= wrong
    return values.fillna("").to_numpy(dtype=object)


def _content_factors(sheet, ctx, frame, found, rows):
    """Content factors of the project (docs/content-factors.md): an HS code or national tariff line, a mineral,
    the share (t of basis per t of the traded product, a number above 0) and the basis (an element, a compound,
    REO, graphite or gross weight); source optional (empty: 'analyst')."""
    from desktop.core.registry.content_factors import normalise_basis, normalise_hs_code

    bad = np.zeros(len(frame), dtype=bool)
    out: dict = {}
    out["hs_code"] = _normalised(sheet, ctx, frame, found, rows, bad, "hs_code", normalise_hs_code,
                                 msg("problem.bad_hs_code"), msg("expected.hs_code"))
    _ids(sheet, ctx, frame, found, rows, out, bad, ("mineral",))
    raw = _required_col(frame, found, "share")
    values, states, b = cols.parse_numbers(ctx, sheet, raw, rows, found["share"][0])
    # a share is a number: a token (W, NA, a bound) or 0 converts nothing
    wrong = ~b & ((states != "") | ~np.isfinite(values) | ~(values > 0))
    if wrong.any():
        cols.report_cells(ctx, sheet, rows[wrong], raw[wrong], found["share"][0], "bad_share",
                          msg("problem.bad_content_share"), expected=msg("expected.content_share"))
    out["share"] = values
    bad |= b | wrong
    out["basis"] = _normalised(sheet, ctx, frame, found, rows, bad, "basis", normalise_basis,
                               msg("problem.bad_basis"), msg("expected.basis"))
    raw = _col(frame, found, "source")
    out["source"] = (cols.map_unique(raw, lambda v: "analyst" if cols.is_blank(v) else str(v).strip())
                     .to_numpy(dtype=object) if raw is not None else np.full(len(frame), "analyst", dtype=object))
    return _keep(out, bad, sheet, ctx, rows)


_PARSERS = {
    "production": _measure("production", ("quantity",), ("mineral", "country"), True),
    "balance": _measure("balance", ("production", "imports", "exports", "net_imports"), ("mineral", "country"), True),
    "prices": _measure("prices", ("price",), ("mineral",), False),
    "reserves": _measure("reserves", ("reserves",), ("mineral", "country"), False),
    "recycling": _measure("recycling", ("eol_rir",), ("mineral",), False),
    "governance": _governance,
    "chain_risk": _chain_risk,
    "lists": _lists,
    "events": _events,
    "scenarios": _scenarios,
    "trade_flows": _trade_flows,
    "content_factors": _content_factors,
}
assert set(_PARSERS) == set(TEMPLATE_TABLES)

RECOGNISERS = [TemplateRecogniser()]
