"""Rows per second of the results-workbook writer, beside a plain openpyxl write-only baseline.

    .venv/bin/python bench/bench_results_workbook.py [--rows 500000] [--repeat 1] [--stock]

Both write the same 500,000 × 9 frame (a supply_risk-like sheet: mineral names, Chinese text, integer
years, floats with gaps, a flag column with a few formula-like texts) to one sheet with a header row,
keeping every text a text cell, in the same run, so that the ratio holds on a busy machine too.  The
new writer is timed as ``write_results`` runs it per table (column preparation, XlsxWriter in
constant-memory mode, the save beside the target and the move into place); the baseline is
openpyxl's write-only workbook fed Python lists, text that starts like a formula marked as text.
``--stock`` adds XlsxWriter's own worksheet class with its public typed writes, to show what
``export/cells.SafeSheet`` adds.  Wall-clock and CPU seconds are printed: on a shared machine the CPU
figure is the steadier one.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.export import results_workbook as rw
from desktop.core.export.cells import write_xlsx

RISKY = ("=", "+", "-", "@", "\t", "\r")


def frame(n_rows: int) -> pd.DataFrame:
    """The benchmark table: 3 text columns, 1 integer, 4 floats (10 % empty in R), 1 text flag."""
    rng = np.random.default_rng(0)
    flags = np.array(["", "withheld_producers", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0"], dtype=object)
    pick = np.where(rng.random(n_rows) < 0.2, 1, 0)
    pick[rng.integers(0, n_rows, 20)] = rng.integers(2, 4, 20)                 # a few formula-like texts
    return pd.DataFrame({
        "mineral": np.array([f"mineral_{i:03d}" for i in range(500)], dtype=object)[rng.integers(0, 500, n_rows)],
        "mineral_zh": "矿产", "year": rng.integers(1975, 2025, n_rows), "stage": "mine",
        "HHI": rng.random(n_rows), "R_raw": rng.random(n_rows),
        "R": np.where(rng.random(n_rows) < 0.1, np.nan, rng.random(n_rows)),
        "coverage": rng.random(n_rows), "flag": flags[pick]})


def timed(write, df: pd.DataFrame, path: Path) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) of one write."""
    t0, c0 = time.perf_counter(), time.process_time()
    write(df, path)
    return time.perf_counter() - t0, time.process_time() - c0


def new_writer(df: pd.DataFrame, path: Path) -> None:
    cols = list(df.columns)
    write_xlsx(path, lambda wb: rw._write_frame(wb, "supply_risk", df, cols, set()))


def stock_xlsxwriter(df: pd.DataFrame, path: Path) -> None:
    """XlsxWriter as it comes (--stock): its own worksheet class and public typed writes, constant memory.
    A speed reference only: it writes 16 significant digits, and a text shaped like its rich-string XML
    unescaped (export/cells.SafeSheet)."""
    import xlsxwriter

    from desktop.core.export.cells import XLSX_OPTIONS
    from desktop.core.export.table_export import NUMBER, series_cells

    wb = xlsxwriter.Workbook(str(path), {**XLSX_OPTIONS, "constant_memory": True})
    ws = wb.add_worksheet("supply_risk")
    ws.freeze_panes(1, 0)
    for c, name in enumerate(df.columns):
        ws.write_string(0, c, name)
    columns = [series_cells(df[c]) for c in df.columns]
    writers = [ws.write_number if col.kind == NUMBER else ws.write_string for col in columns]
    for r, row in enumerate(zip(*(col.values for col in columns)), start=1):
        for c, v in enumerate(row):
            if v is not None:
                writers[c](r, c, v)
    wb.close()


def openpyxl_baseline(df: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("supply_risk")
    ws.freeze_panes = "A2"
    ws.append(list(df.columns))
    columns = []
    for name in df.columns:
        s = df[name]
        if s.dtype.kind == "f":
            vals = s.to_numpy().astype(object)
            vals[~np.isfinite(s.to_numpy())] = None
            columns.append(vals.tolist())
            continue
        if s.dtype != object:
            columns.append(s.tolist())
            continue
        vals = s.to_numpy(dtype=object).copy()
        vals[vals == ""] = None
        for i in np.flatnonzero(s.str[:1].isin(RISKY).to_numpy()):      # text stays text
            cell = WriteOnlyCell(ws, value=vals[i])
            cell.data_type = "s"
            vals[i] = cell
        columns.append(vals.tolist())
    for row in zip(*columns):
        ws.append(row)
    wb.save(path)


def check(path: Path, df: pd.DataFrame) -> None:
    """The new workbook reads back as the frame (spot check of the first rows, text kept as text)."""
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True)["supply_risk"]
    rows = list(ws.iter_rows(min_row=2, max_row=2001, values_only=True))
    head = df.head(2000).astype(object).where(df.head(2000).notna(), None).replace("", None)
    assert [tuple(r) for r in head.itertuples(index=False)] == rows, "the workbook does not read back"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs of each writer")
    ap.add_argument("--stock", action="store_true", help="also time XlsxWriter's own worksheet (no SafeSheet)")
    args = ap.parse_args()
    df = frame(args.rows)
    print(f"{args.rows:,} rows × {df.shape[1]} columns, best of {args.repeat}")
    with tempfile.TemporaryDirectory() as tmp:
        new_path, old_path = Path(tmp) / "new.xlsx", Path(tmp) / "openpyxl.xlsx"
        # alternate the two writers so that a busy spell of the machine does not favour one of them
        stock_path = Path(tmp) / "stock.xlsx"
        writers = {"new": (new_writer, new_path, "XlsxWriter (results_workbook)"),
                   "old": (openpyxl_baseline, old_path, "openpyxl write-only baseline")}
        if args.stock:
            writers["stock"] = (stock_xlsxwriter, stock_path, "XlsxWriter stock worksheet")
        runs: dict[str, list] = {key: [] for key in writers}
        for _ in range(args.repeat):
            for key, (write, path, _) in writers.items():
                runs[key].append(timed(write, df, path))
        check(new_path, df)
        best = {k: min(v) for k, v in runs.items()}
        for key, (_, path, label) in writers.items():
            wall, cpu = best[key]
            print(f"{label:31s} {wall:6.2f} s  {args.rows / wall:9,.0f} rows/s  (CPU {cpu:6.2f} s, "
                  f"{args.rows / cpu:9,.0f} rows/s)  {path.stat().st_size / 1e6:6.1f} MB")
    print(f"ratio: {best['old'][0] / best['new'][0]:.2f}× the baseline's rows/s "
          f"(CPU time: {best['old'][1] / best['new'][1]:.2f}×)")


if __name__ == "__main__":
    main()
