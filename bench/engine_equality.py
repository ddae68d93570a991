"""Equality harness of the metric engine: are the results the same as a saved reference?

    python bench/engine_equality.py --save DIR       # the reference, before a change
    python bench/engine_equality.py --against DIR    # after it: every table and problem list compared

Datasets: the synthetic one of ``bench_engine.py`` (``--minerals``, default 40: 0.4 M production rows,
with reserves, recycling and trade flows so that the extended indicators compute), the demo project and
the project of all the shared real data (both built and kept by ``bench_recompute.py``; the real one is
left out when ``../shared/data`` is not there).  Parameters: the defaults, an assessed country, and an
analysis period.  Compared: the list of results tables in order, each table with its dtypes and row order
(``pandas.testing.assert_frame_equal``), and the problem list in English and in Chinese.

Exit status 1 when anything differs, with the first difference of each run printed.
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import pandas as pd  # noqa: E402

from desktop.core.metrics.engine import run  # noqa: E402
from desktop.core.metrics.params import EngineParams  # noqa: E402
from desktop.core.store import Project  # noqa: E402

# label -> parameters; the country is the dataset's own (see COUNTRY)
RUNS = {"default": {}, "country": {"country": None}, "period": {"years": (2015, 2023)}}
COUNTRY = {"synthetic": "AAX", "demo": "USA", "real": "CHN"}


def datasets(args) -> dict:
    """{name: Dataset}: the synthetic one and the kept projects' datasets."""
    import bench_engine
    import bench_recompute

    out = {"synthetic": bench_engine.synthetic(args.minerals)}
    kept = bench_recompute.projects(Path(args.data), rebuild=False)
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in kept.items():
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)
            with Project.open(copy) as project:
                out[name] = project.dataset()
    return out


def results(dataset, name: str) -> dict:
    """{run label: {"tables": [(name, frame)], "problems": [(en, zh)]}}."""
    out = {}
    for label, overrides in RUNS.items():
        kwargs = {k: (COUNTRY[name] if k == "country" else v) for k, v in overrides.items()}
        start = time.perf_counter()
        res = run(dataset, EngineParams(**kwargs))
        out[label] = {"tables": list(res.tables.items()),
                      "problems": [(str(p), p.text("zh") if hasattr(p, "text") else str(p)) for p in res.problems]}
        print(f"  {name} {label}: {len(res.tables)} tables, {len(res.problems)} problems "
              f"({time.perf_counter() - start:.1f} s)")
    return out


def difference(a: dict, b: dict) -> str | None:
    """The first difference between two runs' results, or None."""
    names_a, names_b = [n for n, _ in a["tables"]], [n for n, _ in b["tables"]]
    if names_a != names_b:
        return f"tables {names_a} != {names_b}"
    for (table, fa), (_, fb) in zip(a["tables"], b["tables"], strict=True):
        try:
            pd.testing.assert_frame_equal(fa, fb, check_dtype=True)
        except AssertionError as exc:
            return f"table {table}: {exc}"
    if a["problems"] != b["problems"]:
        gone = [p for p in a["problems"] if p not in b["problems"]]
        new = [p for p in b["problems"] if p not in a["problems"]]
        return f"problems differ: only before {gone[:3]}, only now {new[:3]}"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="DIR", help="write the reference results here")
    group.add_argument("--against", metavar="DIR", help="compare with the reference results saved here")
    ap.add_argument("--data", default=os.environ.get("CRITMIN_SHARED_DATA", str(REPO.parent / "shared" / "data")))
    ap.add_argument("--minerals", type=int, default=40)
    args = ap.parse_args()
    warnings.filterwarnings("ignore", category=FutureWarning)
    folder = Path(args.save or args.against)
    failed = 0
    for name, dataset in datasets(args).items():
        got = results(dataset, name)
        path = folder / f"{name}.pickle"
        if args.save:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(got))
            continue
        if not path.exists():
            print(f"{name}: no reference in {folder}")
            failed += 1
            continue
        reference = pickle.loads(path.read_bytes())
        for label, before in reference.items():
            diff = difference(before, got[label])
            n_tables, n_problems = len(before["tables"]), len(before["problems"])
            if diff is None:
                print(f"{name} {label}: {n_tables} results tables and {n_problems} problems identical")
            else:
                failed += 1
                print(f"{name} {label}: DIFFERS — {diff}")
    if args.save:
        print(f"reference saved in {folder}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
