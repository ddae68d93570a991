"""The analyst-table recogniser: how sure it is that a sheet is an analyst's own table, and reading it.

``detect`` stays modest (0.3–0.55) so that the publisher recognisers and the template recogniser win
whenever they apply; a sheet with a publisher's title scores 0.1, one named like a template table at most
0.3.  ``parse`` runs the steps of this package in turn: the layout (:mod:`.layout`), the columns it cannot
read (left out with a warning), one record per value cell (:mod:`.records`), the cleaning
(:mod:`.cleaning`) and the canonical tables with their notes and mappings (:mod:`.tables`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core import dataset
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.columns import is_blank
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.recognisers.analyst.cleaning import clean_records
from desktop.core.ingest.recognisers.analyst.layout import Layout, analyse
from desktop.core.ingest.recognisers.analyst.records import value_records
from desktop.core.ingest.recognisers.analyst.tables import canonical_tables, context_mappings, note_table
from desktop.core.messages import Message, msg, term
from desktop.core.registry.normalise import normalise_name
from desktop.core.units import split_unit

# Tables named like the template's canonical sheets belong to the template recogniser.
CANONICAL_SHEETS = set(dataset.TABLES) | {"meta", "readme"}
# Titles of publishers' files, which their own recognisers read.
PUBLISHER_SIGNATURES = ("world bank commodity price data", "mineral commodity summaries",
                        "worldwide governance indicators")
DETECT_ROWS = 200       # detection looks at the first rows only


class AnalystTableRecogniser:
    name = "analyst"
    label = Message("recogniser.analyst")

    def detect(self, sheet: RawSheet) -> float:
        try:
            layout = analyse(sheet, limit=DETECT_ROWS)
        except Exception:
            return 0.0
        if layout is None or not layout.measures_used():
            return 0.0
        grid_title = " ".join(str(v) for v in sheet.grid(3).iloc[:4, 0].tolist()
                              if not is_blank(v)).casefold()
        if any(signature in grid_title for signature in PUBLISHER_SIGNATURES):
            return 0.1
        has_mineral = "mineral" in layout.roles or layout.entity == "mineral" or layout.mineral is not None
        score = 0.3 + (0.15 if has_mineral else 0.0) + (0.1 if not layout.ambiguous else 0.0)
        if normalise_name(sheet.sheet) in CANONICAL_SHEETS:
            score = min(score, 0.3)
        return round(score, 2)

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        layout = analyse(sheet, ctx.registry)
        where = {"file": sheet.file, "sheet": sheet.sheet}
        if layout is None:
            ctx.problems.error("unknown_layout", msg("problem.unknown_layout"), **where)
            return {}
        for text in layout.ambiguous:
            ctx.problems.warning("ambiguous_context", msg("problem.ambiguous_context", detail=text), **where)
        grid = sheet.grid()
        body = grid.iloc[layout.header + 1:].reset_index(drop=True)
        rows = np.arange(len(body), dtype="int64") + layout.header + 1 + sheet.first_grid_row
        head = grid.iloc[layout.header].tolist()
        _leave_out_ignored_columns(layout, body, rows, ctx, sheet)
        records = value_records(layout, body, rows, head)
        if records.empty:
            ctx.notes.append(msg("note.no_values", sheet=sheet.sheet))
            return {}
        records = clean_records(records, layout, ctx, sheet, head)
        if records.empty:
            return {}
        out = canonical_tables(records, ctx, sheet)
        note_table(layout, out, ctx, sheet)
        context_mappings(layout, records, head, ctx, sheet)
        return out


def _leave_out_ignored_columns(layout: Layout, body: pd.DataFrame, rows: np.ndarray, ctx: ParseContext,
                               sheet: RawSheet) -> None:
    """Each column the layout does not understand that holds something: its rows are recorded as left out of
    it, with a warning (and the registry's suggestions for a header that is almost a known name) and a note."""
    for c, name in layout.ignored.items():
        filled = np.flatnonzero([not is_blank(v) for v in body.iloc[:, c]])
        if not len(filled):
            continue
        why = {"year_rows": msg("drop.not_known_entity", kind=term("kind", str(layout.entity))),
               "long": msg("drop.not_known_measure"), "wide": msg("drop.not_year_or_column")}[layout.kind]
        drop_rows(ctx, sheet, rows[filled], msg("drop.column_not_imported", column=name, why=why), column=name)
        hints = (ctx.registry.suggest(layout.entity, split_unit(name)[0])
                 if layout.kind == "year_rows" and layout.entity else [])
        problem = (msg("problem.column_not_imported_hint", column=name, why=why, hints=hints) if hints
                   else msg("problem.column_not_imported", column=name, why=why))
        ctx.problems.warning("column_not_imported", problem,
                             file=sheet.file, sheet=sheet.sheet, row=int(rows[0]) - 1, column=name)
        ctx.notes.append(msg("note.column_not_imported", sheet=sheet.sheet or sheet.file, column=name, why=why))
