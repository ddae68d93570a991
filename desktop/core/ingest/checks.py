"""Checks every recogniser's output gets: ranges, duplicate keys, gaps and jumps.

They run on canonical frames that still carry ``_row`` (the spreadsheet row),
so each problem names the row the analyst must look at; a wide table's frame
also carries ``_column`` (the year header a value came from), which a problem
about a value then names instead of the canonical column.  Repeated keys, series
and jumps are found on one sort of the rows by their keys' integer ranks
(:func:`desktop.core.dataset.key_order`), historic countries once per
distinct country: a 500,000-row file must not spend longer here than reading it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA, key_order
from desktop.core.distinct import map_unique
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.columns import report_cells
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import msg, term

NON_NEGATIVE = {"quantity", "production", "imports", "exports", "price", "reserves"}
UNIT_INTERVAL = {"eol_rir", "score"}
JUMP_FACTOR = 10.0     # a year-on-year change by this factor or more is "suspicious"
SERIES_TABLES = ("production", "reserves", "prices", "balance")    # yearly series: gaps and jumps checked


def check_table(table: str, frame: pd.DataFrame, sheet: RawSheet, ctx: ParseContext) -> pd.DataFrame:
    """Report problems; return the frame with exact duplicate rows removed (reported as warnings)."""
    if frame.empty or table not in SCHEMA:
        return frame
    rows = frame["_row"].to_numpy() if "_row" in frame else np.zeros(len(frame), dtype=int)
    cells = frame["_column"].to_numpy() if "_column" in frame else None
    keys, stated, _ = SCHEMA[table]
    for col in stated:
        if col not in frame:
            continue
        v = frame[col].to_numpy(dtype=float)
        if col in NON_NEGATIVE:
            neg = v < 0
            if neg.any():
                _report(ctx, sheet, rows[neg], v[neg], col, None if cells is None else cells[neg], "negative",
                        msg("problem.negative", column=term("column", col)), msg("expected.zero_or_more"))
        if col in UNIT_INTERVAL:
            out = (v < 0) | (v > 1)
            if out.any():
                _report(ctx, sheet, rows[out], v[out], col, None if cells is None else cells[out], "out_of_range",
                        msg("problem.outside_unit_interval", column=term("column", col)), msg("expected.share"))
    # Sorted with the year last, the rows of a series are adjacent and in year order.
    sort_keys = [k for k in keys if k != "year"] + ["year"] if table in SERIES_TABLES else list(keys)
    order, ranks = key_order(frame, sort_keys)
    deduplicated = _duplicates(table, frame, list(keys), _repeated(order, ranks), sheet, ctx)
    if len(deduplicated) < len(frame):
        frame = deduplicated
        order, ranks = key_order(frame, sort_keys)
    rows = frame["_row"].to_numpy() if "_row" in frame else np.zeros(len(frame), dtype=int)
    if table in ("production", "reserves", "balance", "trade_flows"):     # quantities, not the publisher's scores
        _historic_years(frame, rows, sheet, ctx)
    if table in SERIES_TABLES:
        _series_warnings(frame, sort_keys[:-1], order, ranks, stated[0], sheet, ctx)
    return frame


def _report(ctx, sheet, rows, values, column, cells, code, message, expected, severity="error") -> None:
    """:func:`report_cells` under ``column``, or, when the frame says which spreadsheet column each value came
    from (``cells``: a wide table's year headers), under those columns, each with its own count."""
    if cells is None:
        report_cells(ctx, sheet, rows, values, column, code, message, expected=expected, severity=severity)
        return
    for cell in pd.unique(cells):
        at = cells == cell
        report_cells(ctx, sheet, rows[at], values[at], str(cell), code, message, expected=expected,
                     severity=severity)


def _repeated(order: np.ndarray, ranks: list[np.ndarray]) -> np.ndarray:
    """Per row: does another row have the same key?  (``order``, ``ranks``: :func:`key_order`.)"""
    repeated = np.zeros(len(order), dtype=bool)
    if len(order) > 1:
        same_as_next = np.logical_and.reduce([r[1:] == r[:-1] for r in ranks])
        repeated[order] = np.r_[same_as_next, False] | np.r_[False, same_as_next]
    return repeated


def _historic_years(frame, rows, sheet, ctx) -> None:
    """A value of a historic country (the USSR, Yugoslavia …) outside the years it existed: one warning per
    country, naming its years and the first rows.  Kept (a publisher may date a series by its successor's
    first year), but the analyst should know."""
    if "country" not in frame or "year" not in frame or not ctx.registry.historic:
        return
    historic = map_unique(frame["country"], lambda code: code in ctx.registry.historic).to_numpy(dtype=bool)
    if not historic.any():
        return
    country = frame["country"].astype(object).to_numpy()
    years = pd.to_numeric(frame["year"], errors="coerce").to_numpy(dtype=float)
    rows = np.asarray(rows)
    for code in sorted(set(country[historic])):
        first, last = ctx.registry.existed(code)
        outside = (country == code) & ((years < first) | (years > last))
        if outside.any():
            shown = sorted({int(y) for y in years[outside]})
            ctx.problems.warning("historic_years", msg(
                "problem.historic_years", country=ctx.registry.country_name(code), first=first, last=last,
                years=shown[:10], rows=[int(r) for r in rows[outside][:5]]), file=sheet.file, sheet=sheet.sheet,
                column="country")


def _duplicates(table, frame, keys, dup, sheet, ctx) -> pd.DataFrame:
    """Each key given by several rows (``dup``): an error when their values differ, else a warning and the
    repeats left out."""
    if not dup.any():
        return frame
    values = [c for c in frame.columns if c not in keys and c not in ("_row", "_column")]
    groups = frame[dup].groupby(keys, sort=False, dropna=False)
    exact_drop = []
    for key, grp in groups:
        distinct = grp[values].astype(str).drop_duplicates()
        label = ", ".join(str(k) for k in (key if isinstance(key, tuple) else (key,)) if k != "")
        rows = grp["_row"].tolist() if "_row" in grp else []
        if len(distinct) > 1:
            ctx.problems.error("conflicting_duplicate",
                               msg("problem.conflicting_duplicate", table=term("table", table), key=label,
                                   rows=rows), file=sheet.file, sheet=sheet.sheet,
                               row=rows[0] if rows else None, expected=msg("expected.one_row_per_key"))
        else:
            ctx.problems.warning("duplicate_row",
                                 msg("problem.duplicate_row", rows=rows, table=term("table", table), key=label),
                                 file=sheet.file, sheet=sheet.sheet,
                                 row=rows[1] if len(rows) > 1 else None)
            exact_drop.extend(grp.index[1:])
    return frame.drop(index=exact_drop).reset_index(drop=True) if exact_drop else frame


def _series_warnings(frame, series_keys, order, ranks, value_col, sheet, ctx) -> None:
    """Gaps (a year with no data inside a series) and suspicious jumps, one warning per series.

    ``order`` and ``ranks`` (:func:`key_order` by ``series_keys`` then year) put each series' rows together
    in year order.  The series are then numbered, and put in that order, by their first row in the file, so
    the warnings come in the order the analyst reads the file.
    """
    new_series = np.r_[True, np.zeros(len(order) - 1, dtype=bool)]
    for rank in ranks[:-1]:
        new_series[1:] |= rank[1:] != rank[:-1]
    starts = np.flatnonzero(new_series)
    number = np.empty(len(starts), dtype=np.int64)
    number[np.argsort(np.minimum.reduceat(order, starts))] = np.arange(len(starts))
    gid = number[np.cumsum(new_series) - 1]
    regroup = np.argsort(gid, kind="stable")     # series by first row, each still in year order
    order, g = order[regroup], gid[regroup]
    y = frame["year"].to_numpy()[order]
    v = frame[value_col].to_numpy(dtype=float)[order]
    rows = (frame["_row"].to_numpy() if "_row" in frame else np.zeros(len(frame), dtype=int))[order]
    cells = frame["_column"].to_numpy()[order] if "_column" in frame else None
    same = np.r_[False, g[1:] == g[:-1]]
    step = np.r_[0, np.diff(y)]
    gap_groups = np.unique(g[same & (step > 1)])
    for group in gap_groups[:20]:
        years = y[g == group]
        missing = sorted(set(range(int(years.min()), int(years.max()) + 1)) - set(years.tolist()))
        first = frame.iloc[order[np.searchsorted(g, group)]]
        label = ", ".join(str(first[k]) for k in series_keys if first[k] != "")
        ctx.problems.warning("year_gap", msg("problem.year_gap", series=label, years=missing[:10]),
                             file=sheet.file, sheet=sheet.sheet, column="year")
    if len(gap_groups) > 20:
        ctx.problems.warning("year_gap", msg("problem.more_year_gaps", n=len(gap_groups) - 20),
                             file=sheet.file, sheet=sheet.sheet, column="year")
    prev = np.r_[np.nan, v[:-1]]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = v / prev
    jump = same & (step == 1) & (prev > 0) & (v > 0) & ((ratio >= JUMP_FACTOR) | (ratio <= 1 / JUMP_FACTOR))
    if jump.any():
        _report(ctx, sheet, rows[jump], v[jump], value_col, None if cells is None else cells[jump], "suspicious_jump",
                msg("problem.suspicious_jump", column=term("column", value_col), factor=JUMP_FACTOR),
                msg("expected.check_units"), severity="warning")
