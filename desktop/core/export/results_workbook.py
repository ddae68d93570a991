"""The engine's results as an Excel workbook analysts can check by hand.

Sheets: import_dependency, market_dynamics, governance, supply_risk,
thresholds, trends, summary, parameters, sources, production_shares, risk_matrix
(when the caller gives the risk matrix table: ``critmin compute`` does), alerts
(likewise, desktop.core.alerts), then one sheet per extended table, then — with
trade data — trade_content (the HS codes and factors behind D) and the import
sources of the assessed country (import_sources, with partner_name beside each
partner's code, import_concentration, import_partner_counts, and
import_sources_usgs beside the publisher's net import reliance).  The workbook
opens on summary (it is the active sheet; its place in the order is kept so that
the sheets keep their positions for scripts and readers of earlier workbooks).  Minerals are written by their
canonical English name with the Chinese name beside it, countries by ISO3.
Empty values are empty cells, floats keep full precision, text is always a
text cell (never a formula), headers are frozen.  A table longer than Excel's
row limit continues on "<sheet> (2)" …; production_shares, one row per
producer, is left out (with a summary row saying so) when it would not fit on
one sheet.  Written with XlsxWriter in constant-memory mode, one typed write
per column kind, 65,536 rows prepared at a time (table_export.write_sheet).  See docs/metrics.md for the
column reference.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from desktop.core.export.cells import write_xlsx
from desktop.core.export.table_export import series_cells, write_sheet
from desktop.core.registry import Registry, default_registry

MAX_ROWS = 1_048_575          # Excel's limit minus the header row
# production_shares is written only when it fits on one sheet: beyond that it is millions of producer
# rows, better read from the results than from several sheets (a test lowers this)
SHARES_MAX_ROWS = MAX_ROWS
SHARES_COLUMNS = ["mineral", "mineral_zh", "year", "stage", "country", "quantity", "share", "flag"]

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
# the risk matrix (desktop.core.chain.matrix.matrix_table), one row per cell and aggregate
RISK_MATRIX_COLUMNS = ["mineral", "mineral_zh", "year", "stream", "stage", "dimension", "score", "level", "origin",
                       "computed", "rule", "inputs", "note", "edited"]
# the alerts (desktop.core.alerts.compute_alerts, written through alerts_sheet)
ALERTS_COLUMNS = ["year", "severity", "mineral", "mineral_zh", "indicator", "stage", "country", "what", "what_zh",
                  "from_value", "to_value", "rule", "table", "key"]
# a scenario beside the baseline (desktop.core.scenarios.compare), one sheet per scenario
SCENARIO_COLUMNS = ["mineral", "mineral_zh", "year", "stage", "country", "metric", "baseline", "scenario", "delta",
                    "change", "detail", "scenario_name"]
# results tables with a sheet of their own (not extended tables)
_OWN_TABLES = {t for t, _ in CORE_SHEETS.values()} | {"production_shares"}


def write_results(results, path, registry: Registry | None = None, progress=None, *,
                  risk_matrix: pd.DataFrame | None = None, alerts: pd.DataFrame | None = None,
                  scenarios: dict[str, pd.DataFrame] | None = None) -> dict[str, int]:
    """Write the workbook to ``path`` and return {sheet: data rows} of the sheets written, in order.

    ``risk_matrix`` (``matrix_table``'s frame) is written as the sheet ``risk_matrix`` after the core
    sheets and production_shares, so that the sheets before it keep their places; the matrix needs the
    dataset (analysts' scores, events, EoL-RIR), which the results do not carry, hence the argument.
    ``alerts`` (``compute_alerts``'s frame) follows it as the sheet ``alerts``, for the same reasons: it
    reads the matrix and the events, and the analyst's alert rules are not engine parameters.
    ``scenarios`` ({name: ``desktop.core.scenarios.compare`` frame}) adds one sheet ``scenario <name>`` per
    scenario after every other sheet, so that a workbook with scenarios keeps the other sheets' places.

    The save is all or nothing (:func:`cells.write_xlsx`): a failed write raises ``WriteError`` and
    never leaves half a workbook behind.  ``progress(sheet, n_rows)`` is called before each table is
    written (a large one takes a while: about 35,000 rows/s of 9 columns,
    bench/bench_results_workbook.py)."""
    registry = registry or default_registry()
    tables = results.tables
    shares = tables.get("production_shares")
    shares_fit = shares is None or len(shares) <= SHARES_MAX_ROWS

    def build(wb) -> dict[str, int]:
        written: dict[str, int] = {}
        used: set[str] = set()

        def write(sheet: str, frame: pd.DataFrame, cols: list[str]) -> None:
            if progress is not None:
                progress(sheet, len(frame))
            written.update(_write_frame(wb, sheet, frame, cols, used))

        for sheet, (name, cols) in CORE_SHEETS.items():
            write(sheet, _decorate(tables.get(name), cols, registry), cols)
        write("summary", _summary(results, shares_fit), ["item", "value", "note"])
        wb.get_worksheet_by_name("summary").activate()
        params_rows = pd.DataFrame(results.params.to_rows(), columns=["name", "value", "description"])
        params_rows["value"] = params_rows["value"].map(_scalar)
        write("parameters", params_rows, ["name", "value", "description"])
        write("sources", *_sources(results.provenance))
        if shares_fit:
            write("production_shares", _decorate(shares, SHARES_COLUMNS, registry), SHARES_COLUMNS)
        if risk_matrix is not None:
            write("risk_matrix", _decorate(risk_matrix, RISK_MATRIX_COLUMNS, registry), RISK_MATRIX_COLUMNS)
        if alerts is not None:
            from desktop.core.alerts import alerts_sheet

            write("alerts", _decorate(alerts_sheet(alerts), ALERTS_COLUMNS, registry), ALERTS_COLUMNS)
        for name, frame in tables.items():
            if name in _OWN_TABLES or frame is None:
                continue
            cols = _extended_columns(frame)
            write(name, _decorate(frame, cols, registry), cols)
        for name, frame in (scenarios or {}).items():     # the sheet name is cut at 31 characters: the name column
            write(f"scenario {name}", _decorate(_scenario_sheet(frame).assign(scenario_name=name), SCENARIO_COLUMNS,
                                                registry), SCENARIO_COLUMNS)
        return written

    return write_xlsx(path, build)


# -- frames -----------------------------------------------------------------------
def _extended_columns(frame: pd.DataFrame) -> list[str]:
    cols = list(frame.columns)
    if "mineral" in cols and "mineral_zh" not in cols:
        cols.insert(cols.index("mineral") + 1, "mineral_zh")
    if "partner" in cols and "partner_name" not in cols:      # import sources: who the partner is, by name
        cols.insert(cols.index("partner") + 1, "partner_name")
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
    for code_col, name_col in (("country", "country_name"), ("partner", "partner_name")):
        if name_col in cols and code_col in out:
            codes = out[code_col].astype(object)
            names = {c: registry.country_name(c) for c in pd.unique(codes[codes.notna()])}
            out[name_col] = codes.map(names)
    return out.reindex(columns=cols)


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


def _scenario_sheet(frame: pd.DataFrame) -> pd.DataFrame:
    """The comparison with its ``worse`` flag in words: a reader of the sheet sees 'worse' / 'better'."""
    worse = frame["worse"] if "worse" in frame else pd.Series(None, index=frame.index, dtype=object)
    return frame.assign(change=worse.map(lambda w: "" if w is None or w != w else "worse" if w else "better"))


def _write_frame(wb, sheet: str, frame: pd.DataFrame, cols: list[str], used: set[str]) -> dict[str, int]:
    """One table on its sheet (and its continuation sheets); {sheet: rows} written."""
    frame = frame.reindex(columns=cols) if list(frame.columns) != cols else frame

    def block(lo: int, hi: int):
        part = frame.iloc[lo:hi]
        return [series_cells(part[c]) for c in cols]

    return write_sheet(wb, sheet, cols, len(frame), block, used, max_rows=MAX_ROWS)


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
def _summary(results, shares_written: bool = True) -> pd.DataFrame:
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
    rows += _import_summary(t.get("import_partner_counts"))
    ext = [n for n in t if n not in _OWN_TABLES and t[n] is not None]
    if ext:
        rows.append(("extended tables", len(ext), ", ".join(ext)))
    shares = t.get("production_shares")
    if not shares_written and shares is not None:
        note = f"rows, more than one sheet holds ({SHARES_MAX_ROWS:,}); the table is in the computed results"
        rows.append(("production_shares: not written", len(shares), note))
    for text in results.problems:
        rows.append(("problem", None, text))
    return pd.DataFrame(rows, columns=["item", "value", "note"])


def _import_summary(counts: pd.DataFrame | None, top: int = 3) -> list[tuple]:
    """The reference paper's counts for the latest year with imports: the partners that are the largest
    source of the most minerals, with how many minerals come partly from them (import_partner_counts)."""
    if counts is None or len(counts) == 0:
        return []
    last = int(counts["year"].max())
    c = counts[counts["year"] == last].sort_values(["largest_source", "imported_from", "partner"],
                                                   ascending=[False, False, True], kind="stable")
    rows = []
    for r in c.head(top).itertuples(index=False):
        rows.append((f"import sources {last}: {r.partner}", int(r.largest_source),
                     f"of {int(r.minerals)} minerals imported by {r.country}, {r.partner} is the largest source of "
                     f"{int(r.largest_source)}, a source of {int(r.imported_from)} and the largest producer of "
                     f"{int(r.largest_producer)} (sheet import_partner_counts)"))
    return rows
