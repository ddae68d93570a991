"""Benchmark of the metric engine (desktop.core.metrics.engine.run).

Synthetic data: 500 minerals × 200 countries × 50 years of production (5 M rows,
with OTHERS/WORLD aggregates among the 200 and ~2 % withheld cells), WGI for
200 countries × 50 years × 6 indicators, annual prices for 500 minerals and a
balance table for 20 assessed countries (500 × 20 × 50 = 0.5 M rows).  Text
columns are plain object strings, as the store returns them.  Runs the engine
on the full dataset and on a 10× smaller one (50 minerals) and prints both
times, their ratio and the peak memory.

    python bench/bench_engine.py [--scale 1.0] [--repeat 1]
"""
from __future__ import annotations

import argparse
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
    state = np.where(rng.random(n) < 0.02, "W", "").astype(object)
    qty[state == "W"] = np.nan
    stage = np.where(m % 3 == 0, "refinery", "mine").astype(object)
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
    bstate = np.where(rng.random(nb) < 0.03, "W", "").astype(object)
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


def timed(ds: Dataset, params: EngineParams, repeat: int) -> tuple[float, object]:
    best = float("inf")
    res = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = run(ds, params)
        best = min(best, time.perf_counter() - t0)
    return best, res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minerals", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--tracemalloc", action="store_true", help="also measure Python-heap peak (slower)")
    args = ap.parse_args()
    params = EngineParams(withheld_policy="last_known")
    full = synthetic(args.minerals)
    small = synthetic(max(1, args.minerals // 10))
    print(f"full : {len(full.tables['production']):,} production rows, "
          f"{len(full.tables['governance']):,} governance, {len(full.tables['prices']):,} prices, "
          f"{len(full.tables['balance']):,} balance")
    print(f"small: {len(small.tables['production']):,} production rows")
    run(small, params)                                     # warm-up (imports, caches)
    t_small, _ = timed(small, params, args.repeat)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t_full, res = timed(full, params, args.repeat)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"run() small : {t_small:8.3f} s")
    print(f"run() full  : {t_full:8.3f} s   (target ≤ 3 s on 2 cores)")
    print(f"ratio full/small: {t_full / t_small:6.2f}   (target ≤ 12)")
    print(f"peak RSS of the process: {rss_after:8.0f} MB (before full run {rss_before:.0f} MB; target < 2048 MB)")
    for name, frame in res.tables.items():
        print(f"  {name:20s} {len(frame):>10,} rows")
    if args.tracemalloc:
        tracemalloc.start()
        run(full, params)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"tracemalloc peak during full run: {peak / 2**20:8.0f} MB")


if __name__ == "__main__":
    main()
