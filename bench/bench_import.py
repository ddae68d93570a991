"""Import of a 500,000-row production file vs the fastest raw read of the same file.

Target (issue 2): import into a project ≤ 1.5 × the raw read (pandas read_csv for CSV,
calamine for xlsx).  Both are timed side by side in one run, best of N, so the
ratio is meaningful on a noisy shared machine.

    python bench/bench_import.py [--rows 500000] [--repeat 3] [--xlsx]
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

from desktop.core.ingest.load import load_file  # noqa: E402
from desktop.core.registry import default_registry  # noqa: E402
from desktop.core.store import Project  # noqa: E402


def make_frame(rows: int) -> pd.DataFrame:
    reg = default_registry()
    minerals = reg.minerals["name_en"].to_numpy()[:100]
    countries = reg.countries.index.to_numpy()[:250]
    years = np.arange(1900, 2100)
    # Distinct keys: enumerate mineral × country × year combinations in a shuffled order.
    rng = np.random.default_rng(7)
    combo = rng.permutation(len(minerals) * len(countries) * len(years))[:rows]
    m, rest = np.divmod(combo, len(countries) * len(years))
    c, y = np.divmod(rest, len(years))
    return pd.DataFrame({"mineral": minerals[m], "country": countries[c], "year": years[y],
                         "quantity": rng.random(rows).round(3) * 1e5, "stage": "mine", "unit": "t"})


def raw_read(path: Path) -> float:
    start = time.perf_counter()
    if path.suffix == ".csv":
        pd.read_csv(path)
    else:
        from python_calamine import CalamineWorkbook

        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return time.perf_counter() - start


def import_into_project(path: Path, project: Path) -> tuple[float, dict]:
    project.unlink(missing_ok=True)
    start = time.perf_counter()
    preview = load_file(path)
    t_load = time.perf_counter() - start
    assert preview.ok, [p.format() for p in preview.problems][:5]
    with Project.open(project, create=True) as p:
        p.write_import(preview.tables, {"file": preview.file, "sha256": preview.sha256})
    total = time.perf_counter() - start
    return total, {"load+validate": t_load, "store": total - t_load}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--xlsx", action="store_true", help="also build and time an xlsx file (slow to build)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        frame = make_frame(args.rows)
        files = [tmp / "production.csv"]
        frame.to_csv(files[0], index=False)
        if args.xlsx:
            files.append(tmp / "production.xlsx")
            with pd.ExcelWriter(files[1], engine="openpyxl") as xw:
                frame.to_excel(xw, sheet_name="production", index=False)
        for path in files:
            raws, imports, parts = [], [], []
            for _ in range(args.repeat):  # interleaved, best of N
                raws.append(raw_read(path))
                t, part = import_into_project(path, tmp / "bench.critmin")
                imports.append(t)
                parts.append(part)
            best = int(np.argmin(imports))
            ratio = min(imports) / min(raws)
            detail = ", ".join(f"{k} {v:.2f} s" for k, v in parts[best].items())
            print(f"{path.suffix[1:]:>4} {args.rows:,} rows: raw read {min(raws):.2f} s, import {min(imports):.2f} s "
                  f"({detail}) → ratio {ratio:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
