"""Checks every recogniser's output gets: ranges, duplicate keys, gaps and jumps.

They run on canonical frames that still carry ``_row`` (the spreadsheet row),
so each problem names the row the analyst must look at.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.columns import report_cells
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import msg, term

NON_NEGATIVE = {"quantity", "production", "imports", "exports", "price", "reserves"}
UNIT_INTERVAL = {"eol_rir", "score"}
JUMP_FACTOR = 10.0     # a year-on-year change by this factor or more is "suspicious"


def check_table(table: str, frame: pd.DataFrame, sheet: RawSheet, ctx: ParseContext) -> pd.DataFrame:
    """Report problems; return the frame with exact duplicate rows removed (reported as warnings)."""
    if frame.empty or table not in SCHEMA:
        return frame
    rows = frame["_row"].to_numpy() if "_row" in frame else np.zeros(len(frame), dtype=int)
    keys, stated, _ = SCHEMA[table]
    for col in stated:
        if col not in frame:
            continue
        v = frame[col].to_numpy(dtype=float)
        if col in NON_NEGATIVE:
            neg = v < 0
            if neg.any():
                report_cells(ctx, sheet, rows[neg], v[neg], col, "negative",
                             msg("problem.negative", column=term("column", col)),
                             expected=msg("expected.zero_or_more"))
        if col in UNIT_INTERVAL:
            out = (v < 0) | (v > 1)
            if out.any():
                report_cells(ctx, sheet, rows[out], v[out], col, "out_of_range",
                             msg("problem.outside_unit_interval", column=term("column", col)),
                             expected=msg("expected.share"))
    frame = _duplicates(table, frame, list(keys), sheet, ctx)
    if table in ("production", "reserves", "balance", "trade_flows"):     # quantities, not the publisher's scores
        _historic_years(frame, rows, sheet, ctx)
    if table in ("production", "reserves", "prices", "balance"):
        _series_warnings(table, frame, list(keys), stated[0], sheet, ctx)
    return frame


def _historic_years(frame, rows, sheet, ctx) -> None:
    """A value of a historic country (the USSR, Yugoslavia …) outside the years it existed: one warning per
    country, naming its years and the first rows.  Kept (a publisher may date a series by its successor's
    first year), but the analyst should know."""
    if "country" not in frame or "year" not in frame or not ctx.registry.historic:
        return
    country = frame["country"].astype(object).to_numpy()
    historic = np.isin(country, list(ctx.registry.historic))
    if not historic.any():
        return
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


def _duplicates(table, frame, keys, sheet, ctx) -> pd.DataFrame:
    dup = frame.duplicated(keys, keep=False)
    if not dup.any():
        return frame
    values = [c for c in frame.columns if c not in keys and c != "_row"]
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


def _series_warnings(table, frame, keys, value_col, sheet, ctx) -> None:
    """Gaps (a year with no data inside a series) and suspicious jumps, one warning per series.

    Works on integer group ids and numpy arrays: a 500,000-row file must not
    spend longer here than reading it.
    """
    series_keys = [k for k in keys if k != "year"]
    gid = frame.groupby(series_keys, sort=False, dropna=False).ngroup().to_numpy()
    year = frame["year"].to_numpy()
    order = np.lexsort((year, gid))
    g, y = gid[order], year[order]
    v = frame[value_col].to_numpy(dtype=float)[order]
    rows = (frame["_row"].to_numpy() if "_row" in frame else np.zeros(len(frame), dtype=int))[order]
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
        report_cells(ctx, sheet, rows[jump], v[jump], value_col, "suspicious_jump",
                     msg("problem.suspicious_jump", column=term("column", value_col), factor=JUMP_FACTOR),
                     expected=msg("expected.check_units"), severity="warning")
