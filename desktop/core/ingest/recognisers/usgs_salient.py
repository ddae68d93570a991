"""USGS MCS salient statistics (``mcs2025-<code>_salient.csv``): the US balance of one commodity.

Columns are ``DataSource, Commodity, Year`` and then ``<Kind>[_<qualifier>]_<unit>``
with kinds USprod, Imports, Exports, Consump, Price, Stocks, NIR, Employment
(names differ between commodities: ``USprod_Mine_t``, ``Imports_kt``,
``Price_dlb``, ``NIR_pct``, ``Bauxite_Imports_kt``, ``HPQImports_t``).  One
column per kind is chosen by the rules in :data:`_PREFER` and reported in the
notes.  Output:

* ``balance`` (country USA): production, imports, exports; ``net_imports`` is
  left empty (USGS NIR is *not* net imports);
* ``prices``: the chosen price column as printed, unit like ``USD/lb``;
* ``usgs_nir``: USGS net import reliance as a share 0..1 (``>50`` → 0.5 with
  state ``>``, ``E`` → state ``E``), columns mineral, country, year, nir,
  nir_state, _row — for comparison with the computed import dependency.

A product prefix or qualifier that is itself a registry mineral (``Palladium``,
``Platinum`` in the PGM file, ``Alumina_`` in the bauxite file) gives that
mineral its own rows.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.headers import header_map, norm_header
from desktop.core.ingest.names import map_names
from desktop.core.units import convert_unit
from desktop.core.messages import Joined, Message, msg, term
from desktop.core.registry import Registry
from desktop.core.values import parse_values

_KIND = {"usprod": "production", "prod": "production", "production": "production", "sold": "production",
         "imports": "imports", "exports": "exports", "price": "price", "nir": "nir",
         "consump": "consumption", "stocks": "stocks", "employment": "employment"}
_QTY_UNITS = {"t": "metric tons", "kt": "thousand metric tons", "mmt": "million metric tons",
              "kg": "kilograms", "g": "grams", "mct": "million carats", "mcm": "million cubic meters"}
_PRICE_UNITS = {"dt": "USD/t", "dlb": "USD/lb", "dkg": "USD/kg", "dto": "USD/troy oz", "dtoz": "USD/troy oz",
                "ctslb": "US cents/lb", "dg": "USD/g", "dst": "USD/short ton", "df": "USD/flask",
                "mct": "USD/carat", "t": "USD/t", "kt": "USD/t"}
# Preferred qualifiers per kind, best first; "" is a column without qualifier.
_PREFER = {
    "production": ["", "mine", "primary", "refinery_primary", "refinery", "total", "quantity",
                   "production", "marketable", "crude", "all_forms", "sold_used", "sold"],
    "imports": ["", "total", "all", "general", "consumption", "refined", "metal", "unwrought", "concentrate",
                "concentrates", "ores", "ore"],
    "exports": ["", "total", "all_grades", "refined", "metal", "unwrought", "concentrate", "concentrates",
                "ores", "ore"],
    "price": ["", "average", "avg", "metal", "refined", "spot", "lme", "comex", "us", "ny", "apparent", "all"],
    "nir": ["", "all", "consump", "refined", "metal"],
}


def _parse_header(col: str, reg) -> dict | None:
    tokens = [t for t in re.split(r"[_\s,\"]+", str(col)) if t]
    low = [t.casefold() for t in tokens]
    k = next((i for i, t in enumerate(low) if t in _KIND), None)
    prefix = ""
    if k is None:
        # Glued prefix: "HPQImports_t", "CrystalNIR_pct".
        m = re.match(r"^([A-Za-z]+?)(USprod|Production|Imports|Exports|Price|NIR|Consump)$", tokens[0]) \
            if tokens else None
        if not m:
            return None
        prefix, low = m.group(1), [m.group(2).casefold()] + low[1:]
        k = 0
    else:
        prefix = "_".join(tokens[:k])
    kind = _KIND[low[k]]
    rest = low[k + 1:]
    unit = rest[-1] if rest else ""
    qual = "_".join(rest[:-1])
    return {"col": col, "kind": kind, "prefix": prefix, "qual": qual, "unit": unit}


def _drop_blank_and_yearless(frame: pd.DataFrame, years: pd.Series, rows: pd.Series, c_year: str,
                             ctx: ParseContext, sheet: RawSheet) -> pd.Series:
    """The rows with a year; empty rows are left out, rows whose year is not a number too, with an error
    (the first 20 one by one)."""
    blank = frame.isna().all(axis=1) | frame.apply(lambda s: s.astype(str).str.strip().isin(["", "nan"])
                                                    ).all(axis=1)
    valid = years.notna() & ~blank
    bad_year = ~years.notna() & ~blank
    for i in np.flatnonzero(bad_year)[:20]:
        ctx.problems.error("bad_year", msg("problem.year_not_number"), file=sheet.file, sheet=sheet.sheet,
                           row=int(rows.iloc[i]), column=c_year, value=str(frame[c_year].iloc[i]),
                           expected=msg("expected.year_number"))
    drop_rows(ctx, sheet, rows[blank], msg("drop.empty_row"))
    drop_rows(ctx, sheet, rows[bad_year], msg("drop.no_year_see"))
    return valid


def _group_by_mineral(parsed: list[dict], base: str, registry: Registry) -> dict[str, list[dict]]:
    """The parsed value columns grouped by the mineral they describe: the file's own (``base``) unless a
    prefix or qualifier names another mineral (a qualifier doing so is cleared: it is no qualifier)."""
    groups: dict[str, list[dict]] = {}
    for column in parsed:
        target = base
        for candidate in (column["prefix"], column["qual"]):
            mineral_id = registry.mineral_id(candidate) if candidate else None
            if mineral_id and mineral_id != base:
                target = mineral_id
                if candidate == column["qual"]:
                    column["qual"] = ""
                break
        groups.setdefault(target, []).append(column)
    return groups


class USGSSalientRecogniser:
    name = "usgs_salient"
    label = Message("recogniser.usgs_salient")

    def detect(self, sheet: RawSheet) -> float:
        norm = {norm_header(c) for c in sheet.frame.columns}
        if not {"commodity", "year"} <= norm:
            return 0.0
        kinds = {p["kind"] for c in sheet.frame.columns if (p := _parse_header(c, None))}
        if not kinds & {"production", "imports", "exports", "price", "nir"}:
            return 0.0
        score = 0.7 + 0.05 * len(kinds & {"production", "imports", "exports", "price", "nir"})
        if "datasource" in norm or "source" in norm:
            score += 0.05
        return min(score, 0.97)

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        frame = sheet.frame
        rows = sheet.excel_rows()
        headers = header_map(frame.columns)
        c_comm, c_year = headers["commodity"], headers["year"]
        years = pd.to_numeric(frame[c_year], errors="coerce")
        valid = _drop_blank_and_yearless(frame, years, rows, c_year, ctx, sheet)
        body = frame[valid]
        brow = rows[valid]
        byear = years[valid].astype("int64")
        mineral = map_names(ctx, sheet, "mineral", body[c_comm], brow, c_comm)
        drop_rows(ctx, sheet, brow[mineral.isna()], msg("drop.unknown_mineral_see"))
        ok = mineral.notna()
        body, brow, byear, mineral = body[ok], brow[ok], byear[ok], mineral[ok]
        if body.empty:
            return {}

        parsed = [p for c in frame.columns if (p := _parse_header(c, ctx.registry))]
        base = mineral.iloc[0]
        groups = _group_by_mineral(parsed, base, ctx.registry)
        out = self._group_tables(groups, base, body, brow, byear, ctx, sheet)
        used: set[int] = set()
        for table in out.values():
            used |= set(table["_row"])
        left = brow[~brow.isin(used)]
        drop_rows(ctx, sheet, left, msg("drop.no_salient_value"))
        ctx.notes.append(msg("note.usgs_salient", minerals=sorted(groups), first=byear.min(), last=byear.max()))
        return out

    def _group_tables(self, groups: dict[str, list[dict]], base: str, body: pd.DataFrame, brow: pd.Series,
                      byear: pd.Series, ctx: ParseContext, sheet: RawSheet) -> dict[str, pd.DataFrame]:
        """The balance, prices and usgs_nir tables of every mineral's columns, each from the columns chosen
        (and noted) per kind.  A mineral other than the file's own without any usable column is skipped."""
        balance_parts, price_parts, nir_parts = [], [], []
        for target, cols in groups.items():
            chosen = {kind: self._choose(cols, kind) for kind in ("production", "imports", "exports",
                                                                  "price", "nir")}
            if target != base and not any(chosen.values()):
                continue
            self._note_choice(ctx, sheet, target, chosen)
            part = self._balance(body, brow, byear, target, chosen, ctx, sheet)
            if part is not None:
                balance_parts.append(part)
            if chosen["price"]:
                price_parts.append(self._price(body, brow, byear, target, chosen["price"], ctx, sheet))
            if chosen["nir"]:
                nir_parts.append(self._nir(body, brow, byear, target, chosen["nir"], ctx, sheet))
        out = {}
        if balance_parts:
            out["balance"] = pd.concat(balance_parts, ignore_index=True)
        if price_parts:
            out["prices"] = pd.concat(price_parts, ignore_index=True)
        if nir_parts:
            out["usgs_nir"] = pd.concat(nir_parts, ignore_index=True)
        return out

    # ------------------------------------------------------------------------------
    @staticmethod
    def _choose(cols: list[dict], kind: str) -> dict | None:
        cands = [c for c in cols if c["kind"] == kind and c["unit"] != "mdol"]
        if kind in ("production", "imports", "exports"):
            cands = [c for c in cands if c["unit"] in _QTY_UNITS]
        elif kind == "price":
            cands = [c for c in cands if c["unit"] in _PRICE_UNITS]
        elif kind == "nir":
            cands = [c for c in cands if c["unit"] == "pct"]
        if not cands:
            return None
        order = _PREFER[kind]
        return min(cands, key=lambda c: (order.index(c["qual"]) if c["qual"] in order else len(order),
                                         cols.index(c)))

    @staticmethod
    def _note_choice(ctx, sheet, target, chosen) -> None:
        parts = [msg("note.column_choice", kind=term("column", k), column=c["col"]) for k, c in chosen.items() if c]
        choices = Joined(tuple(parts), "; ") if parts else msg("phrase.no_usable_column")
        ctx.notes.append(msg("note.salient_columns", file=sheet.file, mineral=target, choices=choices))

    @staticmethod
    def _cells(body, col, rows, ctx, sheet):
        numbers, states, bad = parse_values(body[col])
        for i in np.flatnonzero(bad)[:20]:
            ctx.problems.warning("not_a_number", msg("problem.cell_left_out"), file=sheet.file,
                                 sheet=sheet.sheet, row=int(rows.iloc[i]), column=col,
                                 value=str(body[col].iloc[i]), expected=msg("expected.number_w_na_e_bound"))
        return numbers, states, bad

    def _balance(self, body, rows, years, mineral, chosen, ctx, sheet) -> pd.DataFrame | None:
        qty = {k: chosen[k] for k in ("production", "imports", "exports") if chosen[k]}
        if not qty:
            return None
        # One unit for the row: the canonical unit of the mineral.
        frame = pd.DataFrame({"mineral": mineral, "country": "USA", "year": years.to_numpy()},
                             index=body.index)
        prod = chosen["production"]
        qual = prod["qual"] if prod else ""
        frame["stage"] = ("mine" if "mine" in qual else "refinery" if re.search(r"refin|smelter", qual)
                          else "")
        unit = None
        for k, c in qty.items():
            numbers, states, bad = self._cells(body, c["col"], rows, ctx, sheet)
            canon, factor, _, _ = convert_unit(_QTY_UNITS[c["unit"]], mineral)    # _QTY_UNITS: quantities all
            unit = unit or canon
            if canon != unit:
                ctx.problems.warning("unit_mismatch", msg("problem.unit_mismatch", column=c["col"], unit=canon,
                                                          expected_unit=unit),
                                     file=sheet.file, sheet=sheet.sheet, column=c["col"])
                continue
            frame[k] = np.where(bad, np.nan, numbers * factor)
            frame[f"{k}_state"] = np.where(bad, "", states)
            if factor != 1:
                ctx.notes.append(msg("note.salient_converted", mineral=mineral, column=c["col"],
                                     unit=_QTY_UNITS[c["unit"]], target=canon, factor=factor))
        for k in ("production", "imports", "exports", "net_imports"):
            if k not in frame:
                frame[k] = np.nan
                frame[f"{k}_state"] = ""
        frame["unit"] = unit
        frame["_row"] = rows.to_numpy()
        return frame[["mineral", "country", "year", "stage", "production", "production_state", "imports",
                      "imports_state", "exports", "exports_state", "net_imports", "net_imports_state",
                      "unit", "_row"]].reset_index(drop=True)

    def _price(self, body, rows, years, mineral, col, ctx, sheet) -> pd.DataFrame:
        numbers, states, bad = self._cells(body, col["col"], rows, ctx, sheet)
        unit = _PRICE_UNITS[col["unit"]]
        if col["unit"] in ("t", "kt") and not str(col["col"]).casefold().startswith("price"):
            unit = "USD/t"
        return pd.DataFrame({"mineral": mineral, "year": years.to_numpy(), "price": numbers,
                             "price_state": states, "unit": unit, "_row": rows.to_numpy()})[~bad]

    def _nir(self, body, rows, years, mineral, col, ctx, sheet) -> pd.DataFrame:
        numbers, states, bad = self._cells(body, col["col"], rows, ctx, sheet)
        # USGS prints percentages without the % sign: 76 means 76 % → 0.76.
        return pd.DataFrame({"mineral": mineral, "country": "USA", "year": years.to_numpy(),
                             "nir": numbers / 100.0, "nir_state": states, "_row": rows.to_numpy()})[~bad]


RECOGNISERS = [USGSSalientRecogniser()]
