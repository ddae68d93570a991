"""World Bank "Pink Sheet" annual prices, and plain price tables made by analysts.

**Pink Sheet** (``CMO-Historical-Data-Annual.xlsx``): sheets ``Annual Prices
(Nominal)`` and ``Annual Prices (Real)`` have six title rows, then a row of
commodity names and a row of units ("($/mt)", "($/troy oz)") as a two-row
header, then one row per year (first column).  Missing values are ``…`` or
``..``.

* Commodities are mapped to minerals by name (registry aliases, then the part
  before the first comma: "Iron ore, cfr spot" -> iron ore; "Potassium
  chloride" -> potash).  Energy (crude oil, coal, natural gas), agricultural
  commodities, fertilisers (DAP, TSP, urea) and index columns are not minerals:
  each such column is recorded once in ``dropped`` with its number of years.
* Nominal prices go to ``prices`` (the method's annual average prices); real
  prices (constant 2010 USD, deflated by the MUV index) go to the extra table
  ``prices_real`` so that an analyst can switch the market-dynamics indicator to
  real prices without re-importing.
* Units are canonicalised: "$/mt" -> ``USD/t``, "$/troy oz" -> ``USD/troy oz``,
  "$/dmtu" (iron ore, per dry metric ton unit) -> ``USD/dmtu``.
* Missing cells before a series starts are left out (recorded per column);
  a missing cell inside a series is kept as state ``NA``.
* The index, description and weights sheets of the workbook are recognised and
  skipped with a note, so that no other recogniser misreads them.

**Price tables** (``PriceTableRecogniser``): an analyst's wide table of prices
with minerals as rows and years as columns, or years as rows and minerals as
columns, Chinese or English headers (``价格``, ``2013年``, ``铜（美元/吨）``).
The layout analysis is shared with the analyst-table recogniser.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.columns import is_blank, year_of
from desktop.core.ingest.drops import drop_rows
from desktop.core.units import convert_unit
from desktop.core.messages import Message, msg, term
from desktop.core.registry.normalise import normalise_name
from desktop.core.values import MISSING, parse_values

SIGNATURE = "world bank commodity price data"
# Pink Sheet names the registry does not know (normalised name -> mineral id).
PINK_NAMES = {
    "potassium chloride": "potash",
    "iron ore, cfr spot": "iron_ore",
    "phosphate rock": "phosphate_rock",
    "aluminum": "aluminum",
}
# Registry groups that are commodities but not minerals for the price table.
_NOT_MINERAL_GROUPS = {"energy"}


def _title_text(sheet: RawSheet, rows: int = 6) -> str:
    grid = sheet.grid(rows)
    first = grid.iloc[:rows, 0].tolist()
    return " ".join(str(v) for v in first if not is_blank(v)).casefold()


def _sheet_kind(sheet: RawSheet) -> str | None:
    """'nominal' / 'real' price sheet, 'other' sheet of the workbook, or None (not a Pink Sheet)."""
    if sheet.frame.shape[1] == 0:
        return None
    title = _title_text(sheet)
    name = sheet.sheet.casefold()
    if SIGNATURE not in title and "pink sheet" not in title:
        if "commodity price index" in title and "world bank" in title:
            return "other"     # the 'Index Weights' sheet
        return None
    if "price" in name and "indices" not in name and "index" not in name and "monthly" not in name:
        if "real" in name or "real " in title.split("present")[-1][:40]:
            return "real"
        return "nominal"
    return "other"


class PinkSheetRecogniser:
    name = "pinksheet"
    label = Message("recogniser.pinksheet")

    def detect(self, sheet: RawSheet) -> float:
        kind = _sheet_kind(sheet)
        if kind in ("nominal", "real"):
            return 0.95
        return 0.9 if kind == "other" else 0.0

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        kind = _sheet_kind(sheet)
        grid = sheet.grid()
        if kind not in ("nominal", "real"):
            drop_rows(ctx, sheet, np.arange(len(grid)) + sheet.first_grid_row, msg("drop.price_sheet_other"))
            ctx.notes.append(msg("note.pink_sheet_skipped", sheet=sheet.sheet))
            return {}
        years = grid.iloc[:, 0].map(year_of)
        year_rows = np.flatnonzero(years.notna().to_numpy())
        if len(year_rows) == 0:
            ctx.problems.error("no_years", msg("problem.no_year_rows"),
                               file=sheet.file, sheet=sheet.sheet)
            return {}
        head = year_rows[0]
        # name row and unit row: the two rows right above the first year that have text
        above = [r for r in range(head - 1, -1, -1) if any(not is_blank(v) for v in grid.iloc[r, 1:])]
        if len(above) < 2:
            ctx.problems.error("no_header", msg("problem.no_price_header"),
                               file=sheet.file, sheet=sheet.sheet, row=int(head + sheet.first_grid_row))
            return {}
        unit_row, name_row = above[0], above[1]
        rows_excel = year_rows + sheet.first_grid_row
        year_values = years.iloc[year_rows].astype("int64").to_numpy()
        reg = ctx.registry
        parts, skipped = [], 0
        for c in range(1, grid.shape[1]):
            raw_name = grid.iat[name_row, c]
            if is_blank(raw_name):
                continue
            name = " ".join(str(raw_name).split())
            unit_raw = str(grid.iat[unit_row, c] or "").strip().strip("()").strip()
            mineral = self._mineral(reg, name)
            if mineral is None:
                drop_rows(ctx, sheet, rows_excel, msg("drop.not_a_mineral", name=name), column=name)
                skipped += 1
                continue
            values, states, bad = parse_values(grid.iloc[year_rows, c].reset_index(drop=True))
            # leading missing cells: the series had not started
            valid = np.flatnonzero(~np.isnan(values))
            if len(valid) == 0:
                drop_rows(ctx, sheet, rows_excel, msg("drop.no_prices_in_column", column=name), column=name)
                continue
            started = np.arange(len(values)) >= valid[0]
            ended = np.arange(len(values)) <= valid[-1]
            keep = started & ended
            keep_na = keep & np.isnan(values)
            states = np.where(keep_na & (states == ""), MISSING, states)
            gone = ~keep
            if gone.any():
                drop_rows(ctx, sheet, rows_excel[gone], msg("drop.no_price_in_years", name=name), column=name)
            if bad.any():
                for r, v in zip(rows_excel[bad & keep][:10], grid.iloc[year_rows, c].to_numpy()[bad & keep][:10]):
                    ctx.problems.error("not_a_number", msg("problem.price_not_number", name=name), file=sheet.file,
                                       sheet=sheet.sheet, row=int(r), column=name, value=str(v),
                                       expected=msg("expected.price"))
            unit, factor, known, _ = convert_unit(unit_raw)
            if not known:
                ctx.problems.warning("unknown_unit", msg("problem.unit_kept", unit=unit_raw, name=name),
                                     file=sheet.file, sheet=sheet.sheet, row=int(unit_row + sheet.first_grid_row),
                                     column=name, value=unit_raw)
            if kind == "real":
                unit = f"{unit} (real 2010 USD)"
            ctx.mappings.append(NameMapping(kind="mineral", raw=name, target=mineral, confidence=1.0,
                                            rows=int(keep.sum())))
            ctx.mappings.append(NameMapping(kind="unit", raw=unit_raw, target=unit, confidence=1.0,
                                            rows=int(keep.sum())))
            parts.append(pd.DataFrame({
                "mineral": mineral, "year": year_values[keep], "price": values[keep] * factor,
                "price_state": states[keep], "unit": unit, "_row": rows_excel[keep],
            }))
        if not parts:
            return {}
        out = pd.concat(parts, ignore_index=True)
        table = "prices" if kind == "nominal" else "prices_real"
        ctx.notes.append(msg("note.pink_sheet", kind=term("price_kind", kind), n=out["mineral"].nunique(),
                             minerals=sorted(out["mineral"].unique()), first=out["year"].min(),
                             last=out["year"].max(), table=table, skipped=skipped))
        if kind == "real":
            ctx.notes.append(msg("note.pink_sheet_real"))
        return {table: out}

    @staticmethod
    def _mineral(reg, name: str) -> str | None:
        key = normalise_name(name)
        mid = PINK_NAMES.get(key) or reg.mineral_id(name)
        if mid is None and "," in name:
            mid = reg.mineral_id(name.split(",")[0])
        if mid is None:
            return None
        group = reg.minerals["group"].get(mid, "") if "group" in reg.minerals else ""
        if group in _NOT_MINERAL_GROUPS:
            return None
        return mid


class PriceTableRecogniser:
    """An analyst's wide price table: minerals × years, or years × minerals."""

    name = "price_table"
    label = Message("recogniser.price_table")

    def detect(self, sheet: RawSheet) -> float:
        from desktop.core.ingest.recognisers.analyst import analyse

        if _sheet_kind(sheet) is not None:
            return 0.0
        layout = analyse(sheet, limit=200)
        if layout is None or layout.measures_used() != {"price"}:
            return 0.0
        if layout.kind == "wide" and layout.entity == "mineral":
            return 0.7
        if layout.kind == "year_rows" and layout.entity == "mineral":
            return 0.7
        return 0.0

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        from desktop.core.ingest.recognisers.analyst import AnalystTableRecogniser

        return AnalystTableRecogniser().parse(sheet, ctx)


RECOGNISERS = [PinkSheetRecogniser(), PriceTableRecogniser()]
