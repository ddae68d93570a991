"""The engine's results as an Excel workbook analysts can check by hand.

Sheets: import_dependency, market_dynamics, governance, supply_risk,
thresholds, trends, summary, parameters, sources, then one sheet per extended
table.  Minerals are written by their canonical English name with the Chinese
name beside it, countries by ISO3.  Empty values are empty cells, floats keep
full precision, text is always a text cell (never a formula), headers are
frozen.  A table longer than Excel's row limit continues on "<sheet> (2)" ….
See docs/metrics.md for the column reference.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from desktop.core.export.cells import header_cells, save_workbook, set_widths
from desktop.core.registry import Registry, default_registry

MAX_ROWS = 1_048_575          # Excel's limit minus the header row
_RISKY = ("=", "+", "-", "@", "\t", "\r")

# sheet -> (results table, columns written)
CORE_SHEETS: dict[str, tuple[str, list[str]]] = {
    "import_dependency": ("import_dependency",
                          ["mineral", "mineral_zh", "country", "year", "stage", "production", "net_imports",
                           "D", "flag"]),
    "market_dynamics": ("market_dynamics", ["mineral", "mineral_zh", "year", "n", "M_raw", "M", "flag"]),
    "governance": ("governance", ["country", "country_name", "year", "gamma", "n_indicators", "flag"]),
    "supply_risk": ("supply_risk", ["mineral", "mineral_zh", "year", "stage", "HHI", "R_raw", "R", "coverage",
                                    "flag"]),
    "thresholds": ("thresholds", ["metric", "method", "low_centre", "high_centre", "threshold"]),
    "trends": ("trends", ["metric", "mineral", "mineral_zh", "country", "stage", "first_year", "last_year", "n",
                          "slope", "threshold", "trend", "persistently", "explanation"]),
}
# computed tables that are not written (too large / intermediate)
NOT_WRITTEN = {"production_shares"}


def write_results(results, path, registry: Registry | None = None, progress=None) -> None:
    """Write the workbook to ``path`` (:func:`cells.save_workbook`: a failed write raises
    ``WriteError`` and never leaves half a workbook behind).

    ``progress(sheet, n_rows)`` is called before each sheet is written (large sheets take a while:
    about 11,000 rows/s)."""
    registry = registry or default_registry()
    wb = Workbook(write_only=True)
    tables = results.tables

    def write(sheet: str, frame: pd.DataFrame, cols: list[str]) -> None:
        if progress is not None:
            progress(sheet, len(frame))
        _write_frame(wb, sheet, frame, cols)

    for sheet, (name, cols) in CORE_SHEETS.items():
        frame = tables.get(name)
        write(sheet, _decorate(frame, cols, registry), cols)
    write("summary", _summary(results), ["item", "value", "note"])
    params_rows = pd.DataFrame(results.params.to_rows(), columns=["name", "value", "description"])
    params_rows["value"] = params_rows["value"].map(_scalar)
    write("parameters", params_rows, ["name", "value", "description"])
    write("sources", *_sources(results.provenance))
    used = set(CORE_SHEETS) | {"summary", "parameters", "sources"}
    core_names = {t for t, _ in CORE_SHEETS.values()} | NOT_WRITTEN
    for name, frame in tables.items():
        if name in core_names or frame is None:
            continue
        sheet = _sheet_name(name, used)
        used.add(sheet)
        cols = _extended_columns(frame)
        write(sheet, _decorate(frame, cols, registry), cols)
    save_workbook(wb, path)


# -- frames -----------------------------------------------------------------------
def _extended_columns(frame: pd.DataFrame) -> list[str]:
    cols = list(frame.columns)
    if "mineral" in cols and "mineral_zh" not in cols:
        cols.insert(cols.index("mineral") + 1, "mineral_zh")
    return cols


def _decorate(frame: pd.DataFrame | None, cols: list[str], registry: Registry) -> pd.DataFrame:
    """Add names (mineral → English name + mineral_zh, country_name) and keep ``cols``."""
    if frame is None or len(frame) == 0:
        return pd.DataFrame(columns=cols)
    out = frame.copy()
    if "mineral" in out:
        ids = out["mineral"].astype(object)
        uniq = pd.unique(ids[ids.notna()])
        en = {m: registry.mineral_name(m) for m in uniq}
        zh = {m: registry.mineral_name(m, "zh") for m in uniq}
        if "mineral_zh" in cols:
            out["mineral_zh"] = ids.map(zh)
        out["mineral"] = ids.map(en)
    if "country_name" in cols and "country" in out:
        codes = out["country"].astype(object)
        names = {c: registry.country_name(c) for c in pd.unique(codes[codes.notna()])}
        out["country_name"] = codes.map(names)
    return out.reindex(columns=cols)


def _column_values(s: pd.Series, ws) -> list:
    """Python values for a column: None for empty, text kept as text cells when risky."""
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.astype(object).tolist()
    if pd.api.types.is_float_dtype(s.dtype) and not isinstance(s.dtype, pd.api.extensions.ExtensionDtype):
        arr = s.to_numpy(dtype=float)
        vals = arr.astype(object)
        vals[~np.isfinite(arr)] = None
        return vals.tolist()
    if pd.api.types.is_integer_dtype(s.dtype) and not isinstance(s.dtype, pd.api.extensions.ExtensionDtype):
        return s.tolist()
    obj = s.astype(object)
    na = pd.isna(obj).to_numpy()
    vals = obj.to_numpy(dtype=object).copy()
    vals[na] = None
    vals[vals == ""] = None                      # '' is an empty cell, not an empty text
    # numpy scalars → Python scalars; NaN-like floats → None
    out = []
    is_str = np.fromiter((isinstance(v, str) for v in vals), dtype=bool, count=len(vals))
    if is_str.any():
        strs = pd.Series(vals[is_str], dtype=object)
        risky = strs.str[:1].isin(_RISKY).to_numpy()
        if risky.any():
            idx = np.flatnonzero(is_str)[risky]
            for i in idx:
                cell = WriteOnlyCell(ws, value=vals[i])
                cell.data_type = "s"
                vals[i] = cell
    if not is_str.all():
        for i in np.flatnonzero(~is_str & ~na):
            vals[i] = _scalar(vals[i])
    out = vals.tolist()
    return out


def _scalar(v):
    if v is None:
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if not math.isfinite(float(v)) else float(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (str, int, bool)):
        return v
    return str(v)


def _width(s: pd.Series, name: str) -> int:
    sample = s.head(2000).dropna()
    if len(sample) == 0:
        return len(name)
    if pd.api.types.is_float_dtype(sample.dtype):
        return max(len(name), 12)
    return int(max(len(name), sample.astype(str).str.len().max()))


def _write_frame(wb: Workbook, sheet: str, frame: pd.DataFrame, cols: list[str]) -> None:
    frame = frame.reindex(columns=cols) if list(frame.columns) != cols else frame
    n = len(frame)
    parts = max(1, math.ceil(n / MAX_ROWS))
    widths = [_width(frame[c], c) for c in cols]
    for part in range(parts):
        name = sheet if part == 0 else f"{sheet} ({part + 1})"[:31]
        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"
        set_widths(ws, widths)
        ws.append(header_cells(ws, cols))
        chunk = frame.iloc[part * MAX_ROWS:(part + 1) * MAX_ROWS]
        if len(chunk) == 0:
            continue
        columns = [_column_values(chunk[c], ws) for c in cols]
        for row in zip(*columns):
            ws.append(row)


def _sheet_name(name: str, used: set[str]) -> str:
    bad = '[]:*?/\\'
    base = "".join("_" if ch in bad else ch for ch in str(name))[:31] or "table"
    out, k = base, 2
    while out in used:
        suffix = f" ({k})"
        out = base[:31 - len(suffix)] + suffix
        k += 1
    return out


def _sources(provenance: list[dict]) -> tuple[pd.DataFrame, list[str]]:
    cols: list[str] = []
    for row in provenance:
        for key in row:
            if key not in cols:
                cols.append(key)
    if not cols:
        cols = ["file", "sha256", "format"]
    frame = pd.DataFrame([{k: _provenance_text(v) for k, v in row.items()} for row in provenance], columns=cols)
    return frame, cols


def _provenance_text(v):
    """A provenance value as a cell: {'production': 2172, 'reserves': 662} → 'production 2172; reserves 662'."""
    if isinstance(v, dict):
        return "; ".join(f"{k} {w}" for k, w in v.items()) or None
    if isinstance(v, (list, tuple)):
        return "; ".join(str(w) for w in v) or None
    return _scalar(v)


# -- summary ------------------------------------------------------------------------
def _summary(results) -> pd.DataFrame:
    t = results.tables
    p = results.params
    rows: list[tuple] = []
    minerals: set = set()
    years: list[int] = []
    for name in ("import_dependency", "market_dynamics", "supply_risk"):
        f = t.get(name)
        if f is not None and len(f):
            minerals.update(pd.unique(f["mineral"]))
            years += [int(f["year"].min()), int(f["year"].max())]
    rows.append(("minerals", len(minerals), "minerals with at least one core indicator row"))
    rows.append(("years", f"{min(years)}–{max(years)}" if years else None, "first and last year of the results"))
    rows.append(("assessed country", p.country or "all", "import dependency computed for"))
    thr_frame = t.get("thresholds")
    thr = dict(zip(thr_frame["metric"], thr_frame["threshold"])) if thr_frame is not None and len(thr_frame) else {}
    for metric, (name, col, what) in {"D": ("import_dependency", "D", "mineral-country-year-stage rows"),
                                      "M": ("market_dynamics", "M", "mineral-year rows"),
                                      "R": ("supply_risk", "R", "mineral-year-stage rows")}.items():
        f = t.get(name)
        if f is None:
            rows.append((f"{metric}", None, "not computed (see problems)"))
            continue
        v = pd.to_numeric(f[col], errors="coerce")
        th = thr.get(metric, np.nan)
        rows.append((f"{metric}: rows with a value", int(v.notna().sum()), what))
        rows.append((f"{metric}: rows without a value", int(v.isna().sum()), "see the flag column"))
        if th is not None and np.isfinite(th):
            rows.append((f"{metric}: threshold", float(th), p.method_for(metric)))
            rows.append((f"{metric}: rows ≥ threshold", int((v >= th).sum()), what))
            if len(f) and v.notna().any():
                last = int(f.loc[v.notna(), "year"].max())
                hi = f.loc[(f["year"] == last) & (v >= th), "mineral"]
                rows.append((f"{metric}: minerals ≥ threshold in {last}", int(hi.nunique()),
                             f"of {int(f.loc[(f['year'] == last) & v.notna(), 'mineral'].nunique())} "
                             f"with a value in {last}"))
        if metric == "D":
            rows.append(("D: fully import dependent rows (D = 1)", int((v == 1).sum()), what))
    tr = t.get("trends")
    if tr is not None and len(tr):
        counts = tr.groupby(["metric", "trend"]).size()
        for (metric, trend), k in counts.items():
            rows.append((f"trend {metric}: {trend}", int(k), "groups"))
        pc = tr[tr["persistently"] != ""].groupby(["metric", "persistently"]).size()
        for (metric, label), k in pc.items():
            rows.append((f"trend {metric}: {label}", int(k), "groups"))
    ext = [n for n in t if n not in {v[0] for v in CORE_SHEETS.values()} | NOT_WRITTEN]
    if ext:
        rows.append(("extended tables", len(ext), ", ".join(ext)))
    for text in results.problems:
        rows.append(("problem", None, text))
    return pd.DataFrame(rows, columns=["item", "value", "note"])
