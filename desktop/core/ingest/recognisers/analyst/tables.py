"""From clean records to the canonical tables, and what the import tells the analyst about them.

:func:`canonical_tables` groups the records by target table (``production``, ``balance``, ``prices``,
``reserves``, ``recycling``); the balance is one row per mineral, country, year and stage with a column per
trade measure (:func:`balance_table`).  :func:`note_table` and :func:`context_mappings` add the notes and
the name mappings the preview shows: the layout found and how, and the headers, titles or sheet names read
as a measure column, a mineral or a country.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core import dataset
from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.recognisers.analyst.layout import Layout
from desktop.core.ingest.titles import MEASURES
from desktop.core.messages import Joined, msg, term

BALANCE_KEYS = ["mineral", "country", "year", "stage"]
BALANCE_MEASURES = ("production", "imports", "exports", "net_imports")
CONTEXT_CONFIDENCE = 0.9        # a mineral or country read from a title or sheet name is a guess to confirm


def canonical_tables(rec: pd.DataFrame, ctx: ParseContext, sheet: RawSheet) -> dict[str, pd.DataFrame]:
    """The records as canonical tables (with ``_row``), one per target table."""
    out: dict[str, pd.DataFrame] = {}
    balance_sheet = bool(rec["balance_sheet"].iloc[0])
    if balance_sheet:
        # production on a sheet with imports/exports feeds the balance, not world shares
        rec.loc[rec["measure"] == "production", "table"] = "balance"
    for table, group in rec.groupby("table", sort=False):
        if table == "balance":
            out["balance"] = balance_table(group, ctx, sheet)
            continue
        col = MEASURES[group["measure"].iloc[0]][1]
        frame = pd.DataFrame({
            "mineral": group["mineral"].to_numpy(), "country": group["country"].to_numpy(),
            "year": group["year"].to_numpy(), "stage": group["stage"].to_numpy(),
            col: group["value"].to_numpy(), f"{col}_state": group["state"].to_numpy(),
            "unit": group["unit"].to_numpy(), "_row": group["row"].to_numpy(),
        })
        keep = dataset.columns(str(table)) + ["_row"]
        out[str(table)] = frame[[c for c in keep if c in frame.columns]].reset_index(drop=True)
    return out


def balance_table(group: pd.DataFrame, ctx: ParseContext, sheet: RawSheet) -> pd.DataFrame:
    """The balance records as one row per mineral, country, year and stage: a value and state column per
    measure (empty where the sheet has none); of values given twice the last is kept, with an error."""
    group = group.copy()
    group["measure"] = group["measure"].map(
        lambda measure: MEASURES[measure][1] if measure != "production" else "production")
    dup = group.duplicated(BALANCE_KEYS + ["measure"], keep="last")
    if dup.any():
        first = group[dup].iloc[0]
        ctx.problems.error("duplicate", msg("problem.duplicate_values", n=int(dup.sum())),
                           file=sheet.file, sheet=sheet.sheet,
                           row=int(first["row"]), column=str(first["column"]))
        group = group[~dup]
    wide = group.pivot(index=BALANCE_KEYS, columns="measure", values=["value", "state"])
    out = pd.DataFrame(index=wide.index)
    for col in BALANCE_MEASURES:
        if ("value", col) in wide.columns:
            out[col] = wide[("value", col)].astype(float)
            out[f"{col}_state"] = wide[("state", col)].fillna("")
        else:
            out[col] = np.nan
            out[f"{col}_state"] = ""
    out["unit"] = group.groupby(BALANCE_KEYS)["unit"].first()
    out["_row"] = group.groupby(BALANCE_KEYS)["row"].min().astype("int64")
    return out.reset_index()[dataset.columns("balance") + ["_row"]]


def note_table(layout: Layout, out: dict[str, pd.DataFrame], ctx: ParseContext, sheet: RawSheet) -> None:
    """Note the layout read, the rows of each table, how the context was found and the stage a title gave."""
    where = sheet.sheet or sheet.file
    tables = [msg("note.table_rows", table=table, rows=len(frame)) for table, frame in out.items()]
    params = {"sheet": where, "shape": term("shape", layout.kind), "tables": tables}
    if layout.why:
        ctx.notes.append(msg("note.analyst_table_why", **params, why=Joined(tuple(layout.why), "; ")))
    else:
        ctx.notes.append(msg("note.analyst_table", **params))
    if layout.stage:
        ctx.notes.append(msg("note.stage_from_title", sheet=where, stage=layout.stage))


def context_mappings(layout: Layout, rec: pd.DataFrame, head: list, ctx: ParseContext, sheet: RawSheet) -> None:
    """Mappings the analyst should confirm: columns -> canonical columns, title/sheet name -> mineral, country."""
    for c, measure in layout.measure_cols.items():
        table, col = MEASURES[measure]
        n = int((rec["column"] == str(head[c])).sum())
        ctx.mappings.append(NameMapping(kind="column", raw=str(head[c]), target=f"{table}.{col}", confidence=1.0,
                                        rows=n))
    text = " ".join(layout.titles) or sheet.sheet or sheet.path.stem
    if layout.mineral is not None and rec["mineral_raw"].isna().all():
        ctx.mappings.append(NameMapping(kind="mineral", raw=text, target=layout.mineral,
                                        confidence=CONTEXT_CONFIDENCE, rows=int(rec["row"].nunique())))
    if layout.country is not None and rec["country_raw"].isna().all():
        ctx.mappings.append(NameMapping(kind="country", raw=text, target=layout.country,
                                        confidence=CONTEXT_CONFIDENCE, rows=int(rec["row"].nunique())))
