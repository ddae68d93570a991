"""Benchmark of the metric engine (desktop.core.metrics.engine.run).

Synthetic data: 500 minerals × 200 countries × 50 years of production (5 M rows,
with OTHERS/WORLD aggregates among the 200 and ~2 % withheld cells), WGI for
200 countries × 50 years × 6 indicators, annual prices for 500 minerals and a
balance table for 20 assessed countries (500 × 20 × 50 = 0.5 M rows).  Text
columns are plain object strings, as the store returns them.  Runs the engine
on the full dataset and on a 10× smaller one (50 minerals) and prints both
times, their ratio and the peak memory, for the core indicators alone (the
engine's extended step skipped) and for the full ``run()`` including the extended
indicators (reserves, recycling rates and bilateral trade flows are part of
the synthetic data so that they compute), plus the write speed of a
500k-row results-workbook sheet.

Text columns reference shared str objects.  With millions of *distinct* str
objects (one per cell) in shuffled order, factorising a text column is
dominated by cache misses (seconds per column); sorted rows, shared objects or
``category`` columns avoid that.

    python bench/bench_engine.py [--minerals 500] [--repeat 3] [--core-only] [--no-workbook] [--default-malloc]
                                 [--period]

To compare two versions of the engine side by side: ``bench/bench_engine_versions.py OTHER_CHECKOUT``.

The process first calls ``tune_malloc()``, as ``critmin compute`` does around its run
(``allocator.engine_memory``); ``--default-malloc`` measures without it.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.dataset import WGI_INDICATORS, Dataset  # noqa: E402
from desktop.core.metrics import engine  # noqa: E402
from desktop.core.metrics.engine import run  # noqa: E402
from desktop.core.metrics.params import EngineParams  # noqa: E402




def synthetic(n_minerals: int, n_countries: int = 200, n_years: int = 50, n_balance: int = 20,
              seed: int = 0, extended: bool = True) -> Dataset:
    rng = np.random.default_rng(seed)
    minerals = np.array([f"mineral_{i:03d}" for i in range(n_minerals)], dtype=object)
    # the first minerals carry the ids of the IEA demand multipliers, so the demand scenarios compute
    named = ("lithium", "graphite", "nickel", "cobalt", "rare_earths", "copper")
    minerals[: min(len(named), n_minerals)] = named[: n_minerals]
    countries = np.array([f"C{i:02d}" if i < n_countries - 2 else ("OTHERS", "WORLD")[i - n_countries + 2]
                          for i in range(n_countries)], dtype=object)
    countries[: n_countries - 2] = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}X" for i in range(n_countries - 2)]
    years = np.arange(1975, 1975 + n_years)
    m, c, y = (a.ravel() for a in np.meshgrid(np.arange(n_minerals), np.arange(n_countries), years, indexing="ij"))
    n = len(m)
    qty = rng.lognormal(3.0, 2.0, n)
    # Text cells reference a few shared str objects (as interned / categorical-backed text does);
    # see the module docstring for the cost of millions of distinct str objects in shuffled order.
    state = np.array(["", "W"], dtype=object)[(rng.random(n) < 0.02).astype(np.int8)]
    qty[state == "W"] = np.nan
    stage = np.array(["mine", "refinery"], dtype=object)[(m % 3 == 0).astype(np.int8)]
    production = pd.DataFrame({
        "mineral": minerals[m], "country": countries[c], "year": y.astype(np.int64), "stage": stage,
        "quantity": qty, "quantity_state": state, "unit": "t",
    })
    gc, gy, gi = (a.ravel() for a in np.meshgrid(np.arange(n_countries - 2), years, np.arange(6), indexing="ij"))
    governance = pd.DataFrame({
        "country": countries[gc], "year": gy.astype(np.int64),
        "indicator": np.array(WGI_INDICATORS, dtype=object)[gi],
        "estimate": np.clip(rng.normal(0, 1, len(gc)), -2.6, 2.6), "estimate_state": "",
    })
    pm, py = (a.ravel() for a in np.meshgrid(np.arange(n_minerals), years, indexing="ij"))
    prices = pd.DataFrame({"mineral": minerals[pm], "year": py.astype(np.int64),
                           "price": rng.lognormal(5, 0.5, len(pm)), "price_state": "", "unit": "USD/t"})
    bm, bc, by = (a.ravel() for a in np.meshgrid(np.arange(n_minerals), np.arange(n_balance), years, indexing="ij"))
    nb = len(bm)
    bstate = np.array(["", "W"], dtype=object)[(rng.random(nb) < 0.03).astype(np.int8)]
    prod_b = rng.lognormal(2, 1.5, nb)
    prod_b[bstate == "W"] = np.nan
    balance = pd.DataFrame({
        "mineral": minerals[bm], "country": countries[bc], "year": by.astype(np.int64), "stage": "",
        "production": prod_b, "production_state": bstate,
        "imports": rng.lognormal(3, 1.5, nb), "imports_state": "",
        "exports": rng.lognormal(2, 1.5, nb), "exports_state": "",
        "net_imports": np.nan, "net_imports_state": "", "unit": "t",
    })
    tables = {"production": production, "governance": governance, "prices": prices, "balance": balance}
    if extended:
        tables.update(_extended_tables(rng, minerals, countries, years, n_balance))
    return Dataset(tables, sources=[{"file": "synthetic", "sha256": "", "format": "bench"}])


def _extended_tables(rng, minerals: np.ndarray, countries: np.ndarray, years: np.ndarray,
                     n_balance: int) -> dict[str, pd.DataFrame]:
    """Reserves, recycling rates and bilateral trade flows, so the extended indicators compute.

    reserves: every mineral × 25 countries (+ a WORLD row for every second mineral) × the last
    10 years (~1 % withheld); recycling: an EoL-RIR for 90 % of the minerals (one year);
    trade_flows: every mineral × the last 5 years × the balance countries as importers × 10
    exporters each (10 % of the flows carry only a value).
    """
    n_min = len(minerals)
    stage_of = np.array(["mine", "refinery"], dtype=object)[(np.arange(n_min) % 3 == 0).astype(np.int8)]
    ry = years[-10:]
    rm, rc, ryy = (a.ravel() for a in np.meshgrid(np.arange(n_min), np.arange(25), ry, indexing="ij"))
    res_q = rng.lognormal(6, 2, len(rm))
    rstate = np.array(["", "W"], dtype=object)[(rng.random(len(rm)) < 0.01).astype(np.int8)]
    res_q[rstate == "W"] = np.nan
    wm, wy = (a.ravel() for a in np.meshgrid(np.arange(0, n_min, 2), ry, indexing="ij"))
    reserves = pd.DataFrame({
        "mineral": np.concatenate([minerals[rm], minerals[wm]]),
        "country": np.concatenate([countries[rc], np.full(len(wm), "WORLD", dtype=object)]),
        "year": np.concatenate([ryy, wy]).astype(np.int64),
        "reserves": np.concatenate([res_q, rng.lognormal(9, 2, len(wm))]),
        "reserves_state": np.concatenate([rstate, np.full(len(wm), "", dtype=object)]), "unit": "t"})
    has = rng.random(n_min) < 0.9
    recycling = pd.DataFrame({"mineral": minerals[has], "year": np.int64(years[-2]),
                              "eol_rir": rng.uniform(0, 0.5, int(has.sum())), "eol_rir_state": ""})
    ty = years[-5:]
    tm, ti, tyy, tk = (a.ravel() for a in np.meshgrid(np.arange(n_min), np.arange(n_balance), ty, np.arange(10),
                                                      indexing="ij"))
    exporter = (ti + 1 + (tk * 7 + tm) % (len(countries) - 3)) % (len(countries) - 2)   # never the importer
    qty_t = rng.lognormal(4, 1.5, len(tm))
    value = qty_t * rng.uniform(0.5, 2.0, len(tm))
    qty_t[rng.random(len(tm)) < 0.1] = np.nan
    trade_flows = pd.DataFrame({"mineral": minerals[tm], "year": tyy.astype(np.int64), "stage": stage_of[tm],
                                "exporter": countries[exporter], "importer": countries[ti],
                                "value_kusd": value, "quantity_t": qty_t})
    return {"reserves": reserves, "recycling": recycling, "trade_flows": trade_flows}


def timed(ds: Dataset, params: EngineParams, repeat: int) -> tuple[float, float, object, float]:
    """(best wall time, CPU time of that run, results, slowest wall time)."""
    best, cpu, worst = float("inf"), float("inf"), 0.0
    res = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        res = run(ds, params)
        wall = time.perf_counter() - t0
        worst = max(worst, wall)
        if wall < best:
            best, cpu = wall, time.process_time() - c0
    return best, cpu, res, worst


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak(ds: Dataset, params: EngineParams) -> float:
    """Peak memory allocated by one run() (tracemalloc; numpy and pandas buffers included), MB."""
    tracemalloc.start()
    run(ds, params)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


class _CoreOnly:
    """The engine without its extended step (it gives no tables) while active."""

    def __enter__(self):
        self.saved = engine.run_extended
        engine.run_extended = lambda *args, **kwargs: {}

    def __exit__(self, *exc):
        engine.run_extended = self.saved


def measure(small: Dataset, full: Dataset, params: EngineParams, repeat: int) -> dict:
    run(small, params)                                     # warm-up (imports, caches)
    t_small, c_small, _, _ = timed(small, params, repeat)
    t_full, c_full, res, worst = timed(full, params, repeat)
    return {"t_small": t_small, "c_small": c_small, "t_full": t_full, "c_full": c_full, "res": res, "worst": worst,
            "peak": _peak(full, params)}


def workbook_speed(n_rows: int = 500_000) -> tuple[float, int]:
    """Seconds to write (and save) one results sheet of ``n_rows`` rows × 9 columns, file size."""
    import tempfile

    from desktop.core.export import results_workbook as rw
    from desktop.core.export.cells import write_xlsx

    rng = np.random.default_rng(0)
    frame = pd.DataFrame({
        "mineral": np.array([f"mineral_{i:03d}" for i in range(500)], dtype=object)[rng.integers(0, 500, n_rows)],
        "mineral_zh": "矿产", "year": rng.integers(1975, 2025, n_rows), "stage": "mine",
        "HHI": rng.random(n_rows), "R_raw": rng.random(n_rows), "R": np.where(rng.random(n_rows) < 0.1, np.nan,
                                                                             rng.random(n_rows)),
        "coverage": rng.random(n_rows), "flag": np.array(["", "withheld_producers"], dtype=object)[
            (rng.random(n_rows) < 0.2).astype(np.int8)]})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sheet.xlsx"
        t0 = time.perf_counter()
        write_xlsx(path, lambda wb: rw._write_frame(wb, "supply_risk", frame, list(frame.columns), set()))
        return time.perf_counter() - t0, path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minerals", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    ap.add_argument("--shuffle", action="store_true",
                    help="shuffle the production rows (the store returns them sorted by key)")
    ap.add_argument("--default-malloc", action="store_true",
                    help="do not call desktop.allocator.tune_malloc() first (critmin compute "
                         "runs the engine with it: glibc then reuses freed memory)")
    ap.add_argument("--core-only", action="store_true", help="time the core indicators only")
    ap.add_argument("--no-workbook", action="store_true", help="skip the results-workbook write speed")
    ap.add_argument("--period", action="store_true",
                    help="also time the full run with an analysis period (2000–2020: growth needs earlier years)")
    args = ap.parse_args()
    if not args.default_malloc:
        from desktop.allocator import tune_malloc

        print(f"tune_malloc() as around critmin compute's run: {'applied' if tune_malloc() else 'not available'}")
    else:
        print("default C allocator settings (--default-malloc)")
    params = EngineParams(withheld_policy="last_known")
    full = synthetic(args.minerals)
    small = synthetic(max(1, args.minerals // 10))
    if args.shuffle:
        for ds in (full, small):
            prod = ds.tables["production"]
            ds.tables["production"] = prod.iloc[np.random.default_rng(1).permutation(len(prod))] \
                .reset_index(drop=True)
    t = full.tables
    print(f"full : {len(t['production']):,} production rows, {len(t['governance']):,} governance, "
          f"{len(t['prices']):,} prices, {len(t['balance']):,} balance, {len(t['reserves']):,} reserves, "
          f"{len(t['recycling']):,} recycling, {len(t['trade_flows']):,} trade flows")
    print(f"small: {len(small.tables['production']):,} production rows (10x fewer minerals)")
    print("production rows " + ("shuffled" if args.shuffle else "sorted by mineral, country, year (as the store "
                                                               "returns them)"))
    print(f"CPU cores available: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.2f}")
    rss_data = _rss_mb()

    with _CoreOnly():
        core = measure(small, full, params, args.repeat)
    rows = [("core indicators (D, M, Γ, shares, HHI, R, thresholds, trends)", core)]
    if not args.core_only:
        rows.append(("full run() incl. extended indicators", measure(small, full, params, args.repeat)))
        if args.period:
            period = dataclasses.replace(params, years=(2000, 2020))
            rows.append(("  the same with an analysis period (years 2000–2020)",
                         measure(small, full, period, args.repeat)))
    print(f"best of {args.repeat}; targets for the full run (issue 10): ≤ 3.5 s on 2 cores, ≤ 0.5 s on the small "
          "dataset; ratio full/small ≤ 12, peak < 2048 MB")
    print(f"  {'':62s} {'small s':>8s} {'full s':>8s} {'slowest':>8s} {'full CPU s':>10s} {'ratio':>6s} "
          f"{'peak MB':>8s}")
    for label, m in rows:
        print(f"  {label:62s} {m['t_small']:8.3f} {m['t_full']:8.3f} {m['worst']:8.3f} {m['c_full']:10.3f} "
              f"{m['t_full'] / m['t_small']:6.2f} {m['peak']:8.0f}")
    res = rows[min(1, len(rows) - 1)][1]["res"]
    ext = rows[1][1]["t_full"] - core["t_full"] if len(rows) > 1 else float("nan")
    print(f"  extended indicators alone on full: ≈ {ext:.3f} s (full − core)")
    print(f"  peak RSS of the whole process: {_rss_mb():8.0f} MB (of which ~{rss_data:.0f} MB is the synthetic "
          f"data and generator)")
    for name, frame in res.tables.items():
        print(f"    {name:24s} {len(frame):>10,} rows")
    if not args.no_workbook:
        import xlsxwriter

        secs, size = workbook_speed()
        print(f"results workbook (XlsxWriter {xlsxwriter.__version__}, constant memory): "
              f"500,000-row × 9-column sheet written in {secs:.2f} s "
              f"({500_000 / secs:,.0f} rows/s, {size / 2**20:.1f} MB)")


if __name__ == "__main__":
    main()
