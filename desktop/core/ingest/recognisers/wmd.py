"""World Mining Data (Austrian Federal Ministry of Finance) production tables.

* stacked layout (``derived_world_mining_data_long.csv``): ``HS`` (commodity,
  e.g. "Lithium (Li2O)"), ``Country, Country_Code (UN M49), Country_ISO,
  2018 … 2024, unit, data_source (r/e/p)``;
* per-commodity wide table (one sheet or file per commodity, years as columns):
  same columns without ``HS``; the commodity is the sheet name (or the file name).

Rows with ``Country_Code`` ``DELETE`` ("Total") become the ``WORLD`` aggregate.
Units ``metr. t``, ``kg``, ``ct``, ``Mio m3`` are converted to the mineral's
canonical unit; an oxide basis in the commodity name stays visible in ``unit``
("t Li2O").  Stage is ``mine`` (WMD reports mine production).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.columns import map_unique
from desktop.core.ingest.drops import drop_rows, first_reason, region_reasons
from desktop.core.ingest.headers import header_map
from desktop.core.ingest.names import map_names
from desktop.core.units import basis_of, quantity_unit, with_basis
from desktop.core.messages import Message, msg, term
from desktop.core.registry import WORLD
from desktop.core.values import parse_values

_YEAR = re.compile(r"^\s*((?:19|20)\d\d)(?:\.0)?\s*$")


class WMDRecogniser:
    name = "wmd"
    label = Message("recogniser.wmd")

    def detect(self, sheet: RawSheet) -> float:
        h = header_map(sheet.frame.columns)
        years = [c for c in sheet.frame.columns if _YEAR.match(str(c))]
        if "country" not in h or not years:
            return 0.0
        score = 0.5
        if "country_code" in h or "country_iso" in h:
            score += 0.2
        if "unit" in h:
            score += 0.1
        if "data_source" in h:
            score += 0.1
        if "hs" in h:
            score += 0.05
        return min(score, 0.95)

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        f = sheet.frame
        h = header_map(sheet.frame.columns)
        rows = sheet.excel_rows()
        years = {c: int(year_match.group(1)) for c in f.columns if (year_match := _YEAR.match(str(c)))}
        # -- commodity ---------------------------------------------------------------
        if "hs" in h:
            commodity = f[h["hs"]].astype(object)
            comm_col = h["hs"]
        else:
            title = sheet.sheet or sheet.path.stem
            if not ctx.registry.mineral_id(title):
                from desktop.core.ingest.recognisers.usgs_world import mineral_from_filename
                title = mineral_from_filename(title, ctx) or title
            commodity = pd.Series(title, index=f.index, dtype=object)
            comm_col = term("source", "sheet_name")
            ctx.notes.append(msg("note.commodity_from_name", commodity=title,
                                 source=term("source", "sheet_name" if sheet.sheet else "file_name")))
        mineral = map_names(ctx, sheet, "mineral", commodity, rows, comm_col)
        basis = map_unique(commodity, basis_of).astype(str)
        # -- country -------------------------------------------------------------------
        name = f[h["country"]].astype(object)
        code = f[h["country_code"]].astype(object) if "country_code" in h else pd.Series(None, index=f.index)
        iso = f[h["country_iso"]].astype(object) if "country_iso" in h else pd.Series(None, index=f.index)
        is_total = code.astype(str).str.strip().str.upper().eq("DELETE")
        region = ctx.registry.map_regions(name)
        country = ctx.registry.map_countries(name)
        for alt in (iso, code):   # WMD's own codes (697 = Kosovo) differ from UN M49: name first
            country = country.where(country.notna(), ctx.registry.map_countries(alt))
        country = country.where(~is_total, WORLD)
        unknown = country.isna() & region.isna()
        if unknown.any():
            map_names(ctx, sheet, "country", name[unknown], rows[unknown], h["country"])
        known = country.notna() & region.isna()
        map_names(ctx, sheet, "country", name[known], rows[known], h["country"], report=False)
        # -- units -----------------------------------------------------------------------
        unit_text = (f[h["unit"]].astype(object).where(f[h["unit"]].notna(), "metr. t") if "unit" in h
                     else pd.Series("metr. t", index=f.index, dtype=object))
        pairs = pd.DataFrame({"u": unit_text, "m": mineral}).drop_duplicates()
        factor, canon = {}, {}
        for u, m in pairs.itertuples(index=False):
            if m is None or pd.isna(m):
                continue
            got = quantity_unit(u, m)
            if got is None:
                first = rows[(unit_text == u) & (mineral == m)].min()
                ctx.problems.error("unknown_unit", msg("problem.unit_not_convertible", unit=u),
                                   file=sheet.file, sheet=sheet.sheet, row=int(first),
                                   column=h.get("unit", ""), value=str(u), expected=msg("expected.wmd_units"))
                continue
            canon[(u, m)], factor[(u, m)] = got
            if got[1] != 1:
                ctx.notes.append(msg("note.values_converted", mineral=m, unit=u, target=got[0], factor=got[1]))
        key = pd.Series(list(zip(unit_text, mineral)), index=f.index)
        fac = key.map(factor).astype(float)
        cu = key.map(canon)
        usable = (mineral.notna() & country.notna() & region.isna() & fac.notna()).to_numpy()
        # -- melt years -----------------------------------------------------------------
        parts = []
        for col, year in years.items():
            numbers, states, bad = parse_values(f[col])
            empty = f[col].isna().to_numpy()
            for i in np.flatnonzero(bad & usable)[:20]:
                ctx.problems.warning("not_a_number", msg("problem.cell_left_out"), file=sheet.file,
                                     sheet=sheet.sheet, row=int(rows.iloc[i]), column=str(col),
                                     value=str(f[col].iloc[i]), expected=msg("expected.number"))
            keep = usable & ~bad & ~empty
            parts.append(pd.DataFrame({"mineral": mineral, "country": country, "year": year, "stage": "mine",
                                       "quantity": numbers * fac.to_numpy(), "quantity_state": states,
                                       "unit": [with_basis(c, b) if isinstance(c, str) else ""
                                                for c, b in zip(cu, basis)],
                                       "_row": rows})[keep])
        prod = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        if len(prod):
            prod = prod.sort_values(["_row", "year"], kind="stable").reset_index(drop=True)
            prod["year"] = prod["year"].astype("int64")
        used = set(prod["_row"]) if len(prod) else set()
        left = ~rows.isin(used)
        why = first_reason([(region.notna(), region_reasons(name, region)),
                            (mineral.isna(), msg("drop.unknown_commodity_see")),
                            (country.isna(), msg("drop.unknown_country_see")),
                            (fac.isna(), msg("drop.unknown_unit_see"))], default=msg("drop.no_value_any_year"))
        drop_rows(ctx, sheet, rows[left], why[left.to_numpy()])
        if "data_source" in h:
            src = f[h["data_source"]].astype(str).str.strip().str.casefold().value_counts()
            counts = [msg("note.wmd_source_count", source=term("wmd_source", k), rows=v) for k, v in src.items()]
            ctx.notes.append(msg("note.wmd_sources", counts=counts))
        oxides = sorted({f"{m} ({b})" for m, b in zip(mineral[usable], basis[usable]) if b})
        if oxides:
            ctx.notes.append(msg("note.wmd_oxides", bases=oxides))
        ctx.notes.append(msg("note.wmd", first=min(years.values()), last=max(years.values()), read=len(f),
                             imported=len(used), left=int(left.sum())))
        return {"production": prod} if len(prod) else {}


RECOGNISERS = [WMDRecogniser()]
