"""World Bank Worldwide Governance Indicators → the ``governance`` table.

* long release (``wgidataset.xlsx`` / ``.csv``): ``code, countryname, year,
  indicator (va pv ge rq rl cc), estimate, stddev, …``; the CSV writes ``..``
  for missing; World Bank codes ``ZAR ROM ADO TMP KSV WBG`` are registry aliases;
* DataBank wide export: ``Country Name, Country Code, Series Name, Series Code
  (CC.EST …), 1996 [YR1996], …`` with a trailing empty column and footer lines;
* the data catalogue's bulk download (``WGIData.csv`` / ``.xlsx``, whatever the file is called):
  ``Country Name, Country Code, Indicator Name, Indicator Code (CC.EST, CC.NO.SRC, CC.PER.RNK …), 1996,
  1998, …`` with a trailing empty column.  Its companions ``WGICountry.csv`` and ``WGISeries.csv`` describe
  the countries and series and hold no values.

Only estimates are read (rank, source-count and standard-error series are dropped with a reason).
Country codes are the World Bank's of the release: recent ones write ``COD`` for DR Congo, older ones ``ZAR``;
both are registry names.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.drops import drop_rows, first_reason, region_reasons
from desktop.core.ingest.headers import header_map
from desktop.core.ingest.names import map_names
from desktop.core.messages import Message, msg
from desktop.core.values import parse_values

_IND = {"va": "VA", "pv": "PV", "ge": "GE", "rq": "RQ", "rl": "RL", "cc": "CC"}
_YEAR_COL = re.compile(r"^\s*((?:19|20)\d\d)\s*(\[YR\d{4}\])?\s*$")


class WGIRecogniser:
    name = "wgi"
    label = Message("recogniser.wgi")

    def detect(self, sheet: RawSheet) -> float:
        h = header_map(sheet.frame.columns)
        if {"code", "countryname", "year", "indicator", "estimate"} <= set(h):
            return 0.98
        series = _series_column(h)
        if series and {"country_name", "country_code"} <= set(h):
            codes = sheet.frame[h[series]].astype(str).str.upper()
            if codes.str.match(r"^(VA|PV|GE|RQ|RL|CC)\.").mean() > 0.5:
                return 0.98
            return 0.3
        return 0.0

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        h = header_map(sheet.frame.columns)
        rows = sheet.excel_rows()
        f = sheet.frame
        series = _series_column(h)
        if series:
            return self._wide(sheet, ctx, h, series, rows)
        ind = f[h["indicator"]].astype(str).str.strip().str.casefold().map(_IND)
        year = pd.to_numeric(f[h["year"]], errors="coerce")
        ok = ind.notna() & year.notna()
        drop_rows(ctx, sheet, rows[~ok], msg("drop.not_wgi_row"))
        code, name = f[h["code"]], f[h["countryname"]]
        country = ctx.registry.map_countries(code)
        country = country.where(country.notna(), ctx.registry.map_countries(name))
        region = ctx.registry.map_regions(code)
        out = self._finish(sheet, ctx, rows, ok, country, region, name, h["countryname"], year, ind,
                           f[h["estimate"]], h["estimate"])
        ctx.notes.append(msg("note.wgi_long"))
        return out

    def _wide(self, sheet, ctx, h, series_col, rows) -> dict[str, pd.DataFrame]:
        f = sheet.frame
        years = {c: int(year_match.group(1)) for c in f.columns if (year_match := _YEAR_COL.match(str(c)))}
        series = f[h[series_col]].astype(str).str.strip().str.upper()
        m = series.str.extract(r"^(VA|PV|GE|RQ|RL|CC)\.([\w.]+)$")
        ok = m[0].notna() & (m[1] == "EST")
        other = ~ok & f[h["country_code"]].notna()
        drop_rows(ctx, sheet, rows[other & m[0].notna()], msg("drop.not_estimate_series"))
        drop_rows(ctx, sheet, rows[~ok & ~(other & m[0].notna())], msg("drop.footer_line"))
        long = f[ok].melt(id_vars=[h["country_name"], h["country_code"]], value_vars=list(years),
                          var_name="_col", value_name="_v", ignore_index=False)
        long["_ind"] = m[0][ok].reindex(long.index).to_numpy()
        long_rows = rows.reindex(long.index)
        long = long.reset_index(drop=True)
        long_rows = long_rows.reset_index(drop=True)
        year = long["_col"].map(years)
        code, name = long[h["country_code"]], long[h["country_name"]]
        country = ctx.registry.map_countries(code)
        country = country.where(country.notna(), ctx.registry.map_countries(name))
        region = ctx.registry.map_regions(code)
        out = self._finish(sheet, ctx, long_rows, pd.Series(True, index=long.index), country, region, name,
                           h["country_name"], year, long["_ind"], long["_v"], "year columns",
                           account=False)
        # Row accounting is per spreadsheet row: a row is imported if any of its years is.
        used = set(out["governance"]["_row"]) if out else set()
        rr = rows[ok]
        drop_rows(ctx, sheet, rr[~rr.isin(used)], msg("drop.no_estimate_any_year"))
        ctx.notes.append(msg("note.wgi_databank", rows=ok.sum(), first=min(years.values()) if years else "?",
                             last=max(years.values()) if years else "?"))
        return out

    @staticmethod
    def _finish(sheet, ctx, rows, ok, country, region, name, name_col, year, ind, raw, value_col,
                account=True) -> dict[str, pd.DataFrame]:
        unknown = ok & country.isna() & region.isna()
        if unknown.any():
            map_names(ctx, sheet, "country", name[unknown], rows[unknown], name_col)
        numbers, states, bad = parse_values(raw)
        empty = ~pd.notna(raw).to_numpy() | (states == "NA")
        keep = (ok & country.notna() & region.isna()).to_numpy() & ~bad & ~empty
        if account:
            why = first_reason([(region.notna(), region_reasons(name, region)),
                                (country.isna(), msg("drop.unknown_country_see")),
                                (bad, msg("drop.estimate_not_number"))], default=msg("drop.no_estimate"))
            left = ok.to_numpy() & ~keep
            drop_rows(ctx, sheet, rows[left], why[left])
        for i in np.flatnonzero(bad & ok.to_numpy())[:20]:
            ctx.problems.warning("not_a_number", msg("problem.estimate_not_number"), file=sheet.file,
                                 sheet=sheet.sheet, row=int(rows.iloc[i]), column=value_col,
                                 value=str(raw.iloc[i]), expected=msg("expected.wgi_estimate"))
        gov = pd.DataFrame({"country": country, "year": year, "indicator": ind, "estimate": numbers,
                            "estimate_state": states, "_row": rows.to_numpy()})[keep]
        gov["year"] = gov["year"].astype("int64")
        gov["_row"] = gov["_row"].astype("int64")
        return {"governance": gov.reset_index(drop=True)} if len(gov) else {}


def _series_column(h: dict) -> str | None:
    """The column of the series codes (CC.EST …): DataBank's "Series Code", the bulk download's "Indicator Code"."""
    return next((c for c in ("series_code", "indicator_code") if c in h), None)


RECOGNISERS = [WGIRecogniser()]
