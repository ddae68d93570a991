"""Benchmark of the metric engine (desktop.core.metrics.engine.run).

Synthetic data: 500 minerals × 200 countries × 50 years of production (5 M rows,
with OTHERS/WORLD aggregates among the 200 and ~2 % withheld cells), WGI for
200 countries × 50 years × 6 indicators, annual prices for 500 minerals and a
balance table for 20 assessed countries (500 × 20 × 50 = 0.5 M rows).  Text
columns are plain object strings, as the store returns them.  Runs the engine
on the full dataset and on a 10× smaller one (50 minerals) and prints both
times, their ratio and the peak memory.  The core indicators are timed with the
extended module hidden; ``--with-extended`` also times the full ``run()``
including helper 4b's extended indicators.

Text columns reference shared str objects.  With millions of *distinct* str
objects (one per cell) in shuffled order, factorising a text column is
dominated by cache misses (seconds per column); sorted rows, shared objects or
``category`` columns avoid that.

    python bench/bench_engine.py [--minerals 500] [--repeat 3] [--with-extended]
"""
from __future__ import annotations

import argparse
import importlib
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
from desktop.core.metrics.engine import run  # noqa: E402
from desktop.core.metrics.params import EngineParams  # noqa: E402


EXT = "desktop.core.metrics.extended"
_MISSING = object()


def synthetic(n_minerals: int, n_countries: int = 200, n_years: int = 50, n_balance: int = 20,
              seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    minerals = np.array([f"mineral_{i:03d}" for i in range(n_minerals)], dtype=object)
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
    return Dataset({"production": production, "governance": governance, "prices": prices, "balance": balance},
                   sources=[{"file": "synthetic", "sha256": "", "format": "bench"}])


def timed(ds: Dataset, params: EngineParams, repeat: int) -> tuple[float, float, object]:
    """(best wall time, CPU time of that run, results)."""
    best, cpu = float("inf"), float("inf")
    res = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        res = run(ds, params)
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu = wall, time.process_time() - c0
    return best, cpu, res


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minerals", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    ap.add_argument("--shuffle", action="store_true",
                    help="shuffle the production rows (the store returns them sorted by key)")
    ap.add_argument("--tune-malloc", action="store_true",
                    help="call desktop.core.metrics.allocator.tune_malloc() first (glibc: reuse freed memory)")
    ap.add_argument("--with-extended", action="store_true",
                    help="also time run() with desktop.core.metrics.extended (helper 4b's indicators)")
    args = ap.parse_args()
    if args.tune_malloc:
        from desktop.core.metrics.allocator import tune_malloc

        print(f"tune_malloc(): {'applied' if tune_malloc() else 'not available'}")
    params = EngineParams(withheld_policy="last_known")
    full = synthetic(args.minerals)
    small = synthetic(max(1, args.minerals // 10))
    if args.shuffle:
        for ds in (full, small):
            prod = ds.tables["production"]
            ds.tables["production"] = prod.iloc[np.random.default_rng(1).permutation(len(prod))] \
                .reset_index(drop=True)
    print(f"full : {len(full.tables['production']):,} production rows, "
          f"{len(full.tables['governance']):,} governance, {len(full.tables['prices']):,} prices, "
          f"{len(full.tables['balance']):,} balance")
    print(f"small: {len(small.tables['production']):,} production rows")
    print("production rows " + ("shuffled" if args.shuffle else "sorted by mineral, country, year (as the store "
                                                               "returns them)"))
    print(f"CPU cores available: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.2f}")
    rss_data = _rss_mb()

    # core indicators only: the extended module is hidden (importing it raises ModuleNotFoundError)
    saved = sys.modules.get(EXT, _MISSING)
    sys.modules[EXT] = None
    try:
        run(small, params)                                 # warm-up (imports, caches)
        t_small, c_small, _ = timed(small, params, args.repeat)
        tracemalloc.start()
        run(full, params)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        t_full, c_full, res = timed(full, params, args.repeat)
    finally:
        if saved is _MISSING:
            del sys.modules[EXT]
        else:
            sys.modules[EXT] = saved
    rss_core = _rss_mb()
    print("core indicators (D, M, Γ, shares, HHI, R, thresholds, trends), best of", args.repeat)
    print(f"  run() small : {t_small:8.3f} s wall  {c_small:8.3f} s CPU")
    print(f"  run() full  : {t_full:8.3f} s wall  {c_full:8.3f} s CPU   (target ≤ 3 s on 2 cores)")
    print(f"  ratio full/small: {t_full / t_small:6.2f} wall  {c_full / c_small:6.2f} CPU   (target ≤ 12)")
    print(f"  peak memory allocated by run() on full (tracemalloc): {peak / 2**20:8.0f} MB (target < 2048 MB)")
    print(f"  peak RSS of the whole process: {rss_core:8.0f} MB (of which ~{rss_data:.0f} MB is the synthetic "
          f"data and generator)")
    for name, frame in res.tables.items():
        print(f"    {name:20s} {len(frame):>10,} rows")

    if args.with_extended:
        try:
            importlib.import_module(EXT)
        except ModuleNotFoundError:
            print("extended module not present: skipped")
            return
        t0 = time.perf_counter()
        run(small, params)
        t_small_ext = time.perf_counter() - t0
        t0 = time.perf_counter()
        res = run(full, params)
        t_full_ext = time.perf_counter() - t0
        print("with extended indicators (desktop.core.metrics.extended.run_extended), one run each")
        print(f"  run() small : {t_small_ext:8.3f} s")
        print(f"  run() full  : {t_full_ext:8.3f} s")
        print(f"  ratio full/small: {t_full_ext / t_small_ext:6.2f}")
        print(f"  peak RSS of the whole process: {_rss_mb():8.0f} MB")


if __name__ == "__main__":
    main()
