"""EU end-of-life recycling input rates (EoL-RIR) → the ``recycling`` table.

The table shipped with GeoPolRisk (``derived_wmd_hs_code_map_eol_rir_2023.csv``)
has one row per World Mining Data commodity: ``Sheet_name`` (the WMD name, e.g.
"Lithium (Li2O)"), ``Category - WMD``, ``Reference ID``, ``Supply Chain
Stage``, ``Symbol``, ``EoL-RIR (2023)`` (a share 0..1), ``HS Code`` … and the
factsheet ``Reference``.

* mineral: ``Sheet_name`` through the registry, else ``Reference ID``;
* year: from the rate's header (``EoL-RIR (2023)`` → 2023);
* eol_rir: the rate as printed; a rate written as a percentage (``32%``) is a share.

Rows left out, each with a reason: fuels (registry group ``energy``: coal,
lignite, petroleum, natural gas, oil sands and shales, uranium), commodities the
registry does not know (reported with suggestions), rows with no rate, and a
second row for a mineral already given.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.columns import map_unique, year_in_text
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.headers import header_map
from desktop.core.ingest.names import record_mappings, report_unknown
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import Message, msg
from desktop.core.values import parse_values

_RATE = re.compile(r"^eol_?rir(_|$)")
_NOT_MINERAL_GROUPS = {"energy"}


def _rate_column(sheet: RawSheet) -> str | None:
    return next((col for key, col in header_map(sheet.frame.columns).items() if _RATE.match(key)), None)


class EolRirRecogniser:
    name = "eol_rir"
    label = Message("recogniser.eol_rir")

    def detect(self, sheet: RawSheet) -> float:
        if _rate_column(sheet) is None:
            return 0.0
        h = header_map(sheet.frame.columns)
        if "sheet_name" in h or "reference_id" in h:
            return 0.95
        return 0.6 if "commodity" in h or "mineral" in h else 0.0

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        frame = sheet.frame
        h = header_map(frame.columns)
        rate_col = _rate_column(sheet)
        name_col = h.get("sheet_name") or h.get("commodity") or h.get("mineral")
        ref_col = h.get("reference_id")
        rows = sheet.excel_rows()
        year = year_in_text(rate_col)
        if year is None:
            ctx.problems.error("no_year", msg("problem.rate_column_without_year", column=rate_col),
                               file=sheet.file, sheet=sheet.sheet, column=rate_col,
                               expected=msg("expected.rate_header"))
            drop_rows(ctx, sheet, rows, msg("drop.no_year_in_rate_header"))
            return {}
        reg = ctx.registry
        names_col = name_col or ref_col        # the column the commodities are named in
        assert names_col is not None           # detect returns 0 for a sheet without one
        names = frame[names_col].astype(object)
        mineral = reg.map_minerals(names)
        if ref_col and name_col:
            mineral = mineral.where(mineral.notna(), reg.map_minerals(frame[ref_col].astype(object)))
        groups = reg.minerals["group"] if "group" in reg.minerals else pd.Series(dtype=object)
        fuel = mineral.map(lambda m: groups.get(m, "") in _NOT_MINERAL_GROUPS if isinstance(m, str) else False)
        fuel = fuel.astype(bool)
        values, states, bad = parse_values(frame[rate_col])
        empty = frame[rate_col].isna().to_numpy() | np.isnan(values) & ~bad

        why = pd.Series("", index=frame.index, dtype=object)
        blank_name = names.isna() | (names.astype(str).str.strip() == "")
        why[blank_name] = msg("drop.no_commodity_name")
        unknown = mineral.isna() & ~blank_name
        why[unknown & (why == "")] = msg("drop.unknown_commodity_see")
        why[fuel.to_numpy() & (why == "")] = map_unique(names[fuel].astype(str).str.strip(),
                                                        lambda name: msg("drop.fuel", name=name))
        not_a_number = msg("drop.eol_rir_not_number")
        why[bad & (why == "")] = not_a_number
        why[empty & (why == "")] = msg("drop.no_eol_rir")
        if unknown.any():
            report_unknown(ctx, sheet, "mineral", names[unknown], rows[unknown].to_numpy(), names_col)
        for i in np.flatnonzero(bad & (why == not_a_number).to_numpy())[:20]:
            ctx.problems.error("not_a_number", msg("problem.eol_rir_not_number"), file=sheet.file, sheet=sheet.sheet,
                               row=int(rows.iloc[i]), column=rate_col, value=str(frame[rate_col].iloc[i]),
                               expected=msg("expected.rate"))
        keep = (why == "").to_numpy()
        out = pd.DataFrame({"mineral": mineral, "year": year, "eol_rir": values, "eol_rir_state": states,
                            "_row": rows})[keep]
        dup = out.duplicated("mineral", keep="first").to_numpy()
        if dup.any():
            first = out[~dup].set_index("mineral")["_row"]
            for idx in out.index[dup]:
                why[idx] = msg("drop.repeats_mineral", name=str(names[idx]).strip(), mineral=out.at[idx, "mineral"],
                               row=first[out.at[idx, "mineral"]])
            out = out[~dup]
        drop_rows(ctx, sheet, rows[why != ""], why[why != ""])
        record_mappings(ctx, "mineral", names[out.index], out["mineral"], out["_row"].to_numpy())
        out = out.reset_index(drop=True)
        out["year"] = out["year"].astype("int64")
        ctx.notes.append(msg("note.eol_rir", n=len(out), year=year, column=rate_col, left=int((why != "").sum())))
        return {"recycling": out} if len(out) else {}


RECOGNISERS = [EolRirRecogniser()]
