"""Import of a 500,000-row production file, whole process, against its floor.

Targets (issue 9, item 6): ``critmin import big.csv --project p.critmin`` as a whole process at most
4 × a whole-process ``pandas.read_csv`` of the same file, and within about 1.4 × the floor: that
read plus a bare ``executemany`` of the same rows into the same SQLite table (one row per statement,
in key order, as the import writes them, commit included).  Every figure is a fresh process (Python,
pandas and CritMin imported, the file read, the project written and closed) and the three are run
interleaved, best of N, so the ratios mean something on a noisy shared machine.

    python bench/bench_import.py [--rows 500000] [--repeat 3] [--xlsx]

``--xlsx`` also times a workbook of the same rows (slow to build), read raw with calamine.  The last
line splits one in-process import into load + validate and store, to show where the time goes.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.ingest.load import load_file  # noqa: E402
from desktop.core.registry import default_registry  # noqa: E402
from desktop.core.store import Project  # noqa: E402

# The raw read, as its own process: pandas (or calamine) imported and the whole file read.
RAW_READ = {
    ".csv": "import sys, pandas; pandas.read_csv(sys.argv[1])",
    ".xlsx": "import sys; from python_calamine import CalamineWorkbook; "
             "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()",
}
# The bare executemany, as its own process: the canonical rows are prepared untimed (CritMin's own
# reading, sorted by key), then only the INSERTs into a new project's table and the commit are timed.
EXECUTEMANY = """
import sys, time
from desktop.core.dataset import SCHEMA, columns
from desktop.core.ingest.load import load_file
from desktop.core.store import Project

rows = load_file(sys.argv[1]).tables["production"]
rows = rows.sort_values(list(SCHEMA["production"][0]), kind="stable")
cols = columns("production")
data = [rows[c].tolist() for c in cols] + [[1] * len(rows)]
sql = f"INSERT INTO production ({', '.join(cols)}, source_id) VALUES ({', '.join('?' * (len(cols) + 1))})"
with Project.open(sys.argv[2], create=True) as project:
    con = project.con
    con.execute("BEGIN")
    con.execute("INSERT INTO import_log (id, file_name, sha256, imported_at) VALUES (1, 'bench', '', '')")
    start = time.perf_counter()
    con.executemany(sql, zip(*data))
    con.execute("COMMIT")
    print(time.perf_counter() - start)
"""


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


def _process(args: list[str], env: dict) -> tuple[float, str]:
    """Wall time of one process, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(args[:3])} failed:\n{done.stdout}\n{done.stderr}")
    return took, done.stdout


def whole_process(path: Path, tmp: Path, env: dict) -> dict[str, float]:
    """One interleaved round: raw read, critmin import, bare executemany (seconds)."""
    project = tmp / "bench.critmin"
    raw, _ = _process(["-c", RAW_READ[path.suffix], str(path)], env)
    project.unlink(missing_ok=True)
    imported, _ = _process(["-m", "desktop.cli", "import", str(path), "--project", str(project)], env)
    project.unlink(missing_ok=True)
    _, printed = _process(["-c", EXECUTEMANY, str(path), str(project)], env)
    return {"raw": raw, "import": imported, "executemany": float(printed.split()[-1])}


def in_process_parts(path: Path, project: Path) -> dict[str, float]:
    project.unlink(missing_ok=True)
    start = time.perf_counter()
    preview = load_file(path)
    t_load = time.perf_counter() - start
    assert preview.ok, [p.format() for p in preview.problems][:5]
    with Project.open(project, create=True) as p:
        p.write_import(preview.tables, preview.source())
    return {"load+validate": t_load, "store": time.perf_counter() - start - t_load}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--xlsx", action="store_true", help="also build and time an xlsx file (slow to build)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # Compiled modules as an installed CritMin has them (this workplace sets PYTHONDONTWRITEBYTECODE, which
        # would compile CritMin's sources in every process): cached outside the checkout, warmed by one import.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(CRITMIN_HOME=str(tmp / "home"), PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
        frame = make_frame(args.rows)
        files = [tmp / "production.csv"]
        frame.to_csv(files[0], index=False)
        if args.xlsx:
            files.append(tmp / "production.xlsx")
            with pd.ExcelWriter(files[1], engine="openpyxl") as xw:
                frame.to_excel(xw, sheet_name="production", index=False)
        for path in files:
            whole_process(path, tmp, env)                # warm-up: bytecode cached, file in the page cache
            rounds = [whole_process(path, tmp, env) for _ in range(args.repeat)]
            best = {k: min(r[k] for r in rounds) for k in rounds[0]}
            floor = best["raw"] + best["executemany"]
            reader = "read_csv" if path.suffix == ".csv" else "calamine"
            print(f"{path.suffix[1:]:>4} {args.rows:,} rows, whole process, best of {args.repeat}: "
                  f"{reader} {best['raw']:.2f} s, import {best['import']:.2f} s "
                  f"→ {best['import'] / best['raw']:.2f} × {reader} (target ≤ 4)")
            print(f"     floor = {reader} + bare executemany {best['executemany']:.2f} s = {floor:.2f} s "
                  f"→ import {best['import'] / floor:.2f} × floor (target ≤ 1.4)")
            parts = in_process_parts(path, tmp / "parts.critmin")
            print("     in process: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items()))


if __name__ == "__main__":
    main()
