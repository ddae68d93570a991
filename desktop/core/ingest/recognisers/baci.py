"""CEPII BACI bilateral trade (columns t, i, j, k, v, q) -> balance, unit values, trade flows.

BACI gives one row per year ``t``, exporter ``i``, importer ``j`` (UN M49
numeric codes, a few of them BACI's own: 251 France, 490 Taiwan, 842 USA, …;
see ``registry/data/country_aliases.csv``) and HS-6 product ``k`` (an integer,
so ``260300`` but also ``81110`` would lose its leading zero), with the value
``v`` in thousand USD and the quantity ``q`` in tonnes (blank when unknown).

Products are mapped to minerals and chain stages by the editable table
``registry/data/hs_minerals.csv`` (ores and concentrates -> ``mine``; refined,
unwrought and chemical products -> ``refinery``).  Everything is vectorised:
the full 325k-row extract parses in well under a second.

Output tables:

* ``trade``: bilateral trade by HS code — mineral, year, hs_code (six digits, the leading zero kept),
  exporter, importer, stage, value_kusd, quantity_t (tonnes gross weight of the traded product; empty
  when BACI has no quantity).  No ``balance`` rows: a country's imports and exports are gross weights of
  products of very different content, and only the engine, which knows the production they are compared
  with, can convert them to its basis (``metrics/trade_content.py``, docs/content-factors.md).  Keeping
  the HS code per row keeps every converted tonne traceable to its code and factor, and a project's own
  ``content_factors`` sheet changes the conversion without importing the file again.
* ``trade_unit_values`` (extra): world unit value Σv·1000 / Σq in USD/t per
  mineral, stage and year, from the rows that carry a quantity: a price proxy
  for minerals without a better price series.  It is not written into
  ``prices``; the engine falls back on it only when asked.
* ``trade_flows`` (extra): bilateral flows per mineral, stage, year,
  exporter and importer (value in thousand USD, quantity in tonnes gross weight), as
  GeoPolRisk needs them.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.names import report_unknown
from desktop.core.messages import Message, msg
from desktop.core.registry.registry import DATA_DIR

HS_MAP_FILE = DATA_DIR / "hs_minerals.csv"
BACI_COLUMNS = ("t", "i", "j", "k", "v", "q")
UNIT_VALUE_UNIT = "USD/t (BACI unit value)"


@lru_cache(maxsize=4)
def _hs_map_cached(path: str, mtime: float) -> pd.DataFrame:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("hs6", "").strip() and not r["hs6"].startswith("#")]
    frame = pd.DataFrame(rows)
    frame["hs6"] = frame["hs6"].str.strip().astype("int64")
    frame["mineral"] = frame["mineral"].str.strip()
    frame["stage"] = frame["stage"].str.strip()
    return frame.drop_duplicates("hs6", keep="last").set_index("hs6")


def load_hs_map(path: str | Path | None = None) -> pd.DataFrame:
    """The HS-6 -> (mineral, stage, description) table, indexed by the integer HS-6 code."""
    path = Path(path or HS_MAP_FILE)
    return _hs_map_cached(str(path), path.stat().st_mtime).copy()


def _numeric(col: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(col.dtype):
        return col.astype("float64")
    return pd.to_numeric(col.astype(str).str.strip(), errors="coerce")


class BaciRecogniser:
    name = "baci"
    label = Message("recogniser.baci")

    def __init__(self, hs_map_path: str | Path | None = None):
        self.hs_map_path = hs_map_path

    def detect(self, sheet: RawSheet) -> float:
        cols = [str(c).strip().lower() for c in sheet.frame.columns]
        if set(BACI_COLUMNS) <= set(cols):
            return 0.95 if len(cols) <= 8 else 0.8
        if {"t", "i", "j", "k", "v"} <= set(cols):
            return 0.7   # older extracts without quantities
        return 0.0

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        frame = sheet.frame
        cols = {str(c).strip().lower(): c for c in frame.columns}
        n = len(frame)
        rows = sheet.excel_rows().to_numpy()
        t = _numeric(frame[cols["t"]]).to_numpy()
        i = _numeric(frame[cols["i"]]).to_numpy()
        j = _numeric(frame[cols["j"]]).to_numpy()
        k = _numeric(frame[cols["k"]]).to_numpy()
        v = _numeric(frame[cols["v"]]).to_numpy()
        q = _numeric(frame[cols["q"]]).to_numpy() if "q" in cols else np.full(n, np.nan)

        bad = np.isnan(t) | np.isnan(i) | np.isnan(j) | np.isnan(k)
        if bad.any():
            drop_rows(ctx, sheet, rows[bad], msg("drop.trade_keys_not_numbers"))
            ctx.problems.warning("not_a_number", msg("problem.trade_keys_not_numbers", n=int(bad.sum())),
                                 file=sheet.file, sheet=sheet.sheet, row=int(rows[bad].min()))
        keep = ~bad

        # -- products -> minerals ------------------------------------------------------
        hs = load_hs_map(self.hs_map_path)
        kk = np.where(keep, k, -1).astype("int64")
        codes, uniques = pd.factorize(kk)
        pos = hs.index.get_indexer(uniques)
        known_u = pos >= 0
        known = known_u[codes] & keep
        unknown = keep & ~known
        if unknown.any():
            per_code = pd.DataFrame({"k": kk[unknown], "row": rows[unknown]}).groupby("k")["row"]
            for code, grp in per_code:
                drop_rows(ctx, sheet, grp.to_numpy(), msg("drop.hs_code_unmapped", code=f"{int(code):06d}"),
                          hs6=f"{int(code):06d}")
        mineral_u = np.where(known_u, hs["mineral"].to_numpy(dtype=object)[np.maximum(pos, 0)], None)
        stage_u = np.where(known_u, hs["stage"].to_numpy(dtype=object)[np.maximum(pos, 0)], None)
        counts = np.bincount(codes[keep], minlength=len(uniques))
        for u, ok, m, s, count in zip(uniques, known_u, mineral_u, stage_u, counts):
            if ok:
                ctx.mappings.append(NameMapping(kind="hs_code", raw=f"{int(u):06d}", target=f"{m} ({s})",
                                                confidence=1.0, rows=int(count)))

        # -- countries -------------------------------------------------------------------
        exp = ctx.registry.map_countries(pd.Series(np.where(keep, i, -1).astype("int64")))
        imp = ctx.registry.map_countries(pd.Series(np.where(keep, j, -1).astype("int64")))
        exp_ok = exp.notna().to_numpy()
        imp_ok = imp.notna().to_numpy()
        for codes_raw, ok, col in ((i, exp_ok, cols["i"]), (j, imp_ok, cols["j"])):     # exporters, importers
            miss = known & ~ok
            if miss.any():
                report_unknown(ctx, sheet, "country", pd.Series(codes_raw[miss].astype("int64").astype(str)),
                               pd.Series(rows[miss]), col)
        bad_country = known & ~(exp_ok & imp_ok)
        if bad_country.any():
            drop_rows(ctx, sheet, rows[bad_country], msg("drop.trade_country_unknown"))
        use = known & exp_ok & imp_ok
        self._country_mappings(ctx, i[use], exp[use], j[use], imp[use])

        hs_u = np.array([f"{int(u):06d}" for u in uniques], dtype=object)
        data = pd.DataFrame({
            "mineral": pd.Categorical(mineral_u[codes][use]),
            "stage": pd.Categorical(stage_u[codes][use]),
            "year": t[use].astype("int64"),
            "hs_code": pd.Categorical(hs_u[codes][use]),
            "exporter": pd.Categorical(exp.to_numpy(dtype=object)[use]),
            "importer": pd.Categorical(imp.to_numpy(dtype=object)[use]),
            "v": v[use], "q": q[use], "_row": rows[use],
        })
        if data.empty:
            ctx.notes.append(msg("note.baci_no_rows", file=sheet.file))
            return {}
        no_q = int(np.isnan(data["q"].to_numpy()).sum())

        out = {
            "trade": self._trade(data),
            "trade_unit_values": self._unit_values(data),
            "trade_flows": self._flows(data),
        }
        years = f"{data['year'].min()}–{data['year'].max()}"
        n_codes = int(known_u.sum())
        share = np.nansum(data["v"].to_numpy()[np.isnan(data["q"].to_numpy())]) / max(np.nansum(data["v"]), 1e-12)
        ctx.notes.append(msg("note.baci_trade", used=int(use.sum()), rows=n, years=years, codes=n_codes,
                             minerals=data["mineral"].nunique()))
        if no_q:
            ctx.notes.append(msg("note.baci_no_quantity", flows=no_q, share=share))
        ctx.notes.append(msg("note.baci_content"))
        if unknown.any():
            ctx.notes.append(msg("note.baci_unmapped", rows=int(unknown.sum()), codes=len(set(kk[unknown]))))
        return out

    # -- pieces ------------------------------------------------------------------------------
    @staticmethod
    def _country_mappings(ctx: ParseContext, i, exp, j, imp) -> None:
        pairs = pd.concat([pd.DataFrame({"raw": i.astype("int64"), "iso": exp.to_numpy(dtype=object)}),
                           pd.DataFrame({"raw": j.astype("int64"), "iso": imp.to_numpy(dtype=object)})])
        for (raw, iso), count in pairs.value_counts(sort=False).items():
            ctx.mappings.append(NameMapping(kind="country", raw=str(raw), target=str(iso), confidence=1.0,
                                            rows=int(count)))

    @staticmethod
    def _trade(data: pd.DataFrame) -> pd.DataFrame:
        """One row per mineral, year, HS code, exporter and importer (BACI has one already; two BACI codes
        of one country, should an extract hold both, are summed)."""
        keys = ["mineral", "year", "hs_code", "exporter", "importer"]
        # one int64 key from the categorical codes: unique keys (the usual case) need no groupby
        key = np.zeros(len(data), dtype=np.int64)
        for col in keys:
            codes = data[col].cat.codes.to_numpy() if col != "year" else data[col].to_numpy() - data[col].min()
            size = (len(data[col].cat.categories) if col != "year" else int(data[col].max() - data[col].min())) + 1
            key = key * size + codes
        if pd.Index(key).is_unique:
            out = data.rename(columns={"v": "value_kusd", "q": "quantity_t"})      # rows in file order already
        else:
            g = data.groupby(keys, observed=True, sort=False)
            out = pd.DataFrame({"stage": g["stage"].first(), "value_kusd": g["v"].sum(min_count=1),
                                "quantity_t": g["q"].sum(min_count=1), "_row": g["_row"].min()}).reset_index()
            out = out.sort_values("_row", kind="stable")
        cols = {}
        for c in keys + ["stage", "value_kusd", "quantity_t", "_row"]:
            col = out[c]
            if isinstance(col.dtype, pd.CategoricalDtype):   # text, as every table holds it (a take, not a cast)
                col = np.asarray(col.cat.categories, dtype=object)[col.cat.codes.to_numpy()]
            cols[c] = np.asarray(col)
        return pd.DataFrame(cols)

    @staticmethod
    def _unit_values(data: pd.DataFrame) -> pd.DataFrame:
        q = data["q"].to_numpy()
        v = data["v"].to_numpy()
        ok = (q > 0) & ~np.isnan(v)
        sub = data.loc[ok, ["mineral", "stage", "year", "v", "q", "_row"]]
        g = sub.groupby(["mineral", "stage", "year"], observed=True, sort=True)
        out = g.agg(v=("v", "sum"), q=("q", "sum"), _row=("_row", "min")).reset_index()
        out["price"] = out["v"] * 1000.0 / out["q"]
        out["price_state"] = ""
        out["unit"] = UNIT_VALUE_UNIT
        for c in ("mineral", "stage"):
            out[c] = out[c].astype(object)
        return out[["mineral", "year", "stage", "price", "price_state", "unit", "_row"]]

    @staticmethod
    def _flows(data: pd.DataFrame) -> pd.DataFrame:
        g = data.groupby(["mineral", "year", "stage", "exporter", "importer"], observed=True, sort=False)
        out = pd.DataFrame({"value_kusd": g["v"].sum(min_count=1), "quantity_t": g["q"].sum(min_count=1),
                            "_row": g["_row"].min()}).reset_index()
        for c in ("mineral", "stage", "exporter", "importer"):
            out[c] = out[c].astype(object)
        return out[["mineral", "year", "stage", "exporter", "importer", "value_kusd", "quantity_t", "_row"]]


RECOGNISERS = [BaciRecogniser()]
