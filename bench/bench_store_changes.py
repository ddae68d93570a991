"""The cost of change capture: importing with ``report.change`` vs the store's write path without it.

Target: an import that also captures what it replaced (so it can be undone)
stays within 1.5 × the plain upsert it replaced.  The reference below is the
write path the store had before changes were captured (one executemany INSERT
into an empty table, one executemany ``INSERT … ON CONFLICT DO UPDATE``
otherwise).  Both run side by side, interleaved, best of N, on a million
production rows:

* ``empty``: into an empty project (no before-rows exist);
* ``all changed``: re-import where every row has a new value (a before-row each);
* ``unchanged``: re-import of the same values (nothing to capture);
* ``new keys``: a million new rows (the refinery stage) into the table that has the mine rows.

Also timed: undo and redo of the all-changed import, and ``read_with_sources``
against the former ``from_records`` + ``conform`` read.

    python bench/bench_store_changes.py [--rows 1000000] [--repeat 2]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.dataset import SCHEMA, columns, conform
from desktop.core.registry import default_registry
from desktop.core.store import Project
from desktop.core.store.imports import new_value_sql, sorted_unique


def make_frame(rows: int, seed: int = 7) -> pd.DataFrame:
    reg = default_registry()
    minerals = reg.minerals.index.to_numpy()[:100]
    countries = reg.countries.index.to_numpy()[:250]
    years = np.arange(1900, 2100)
    rng = np.random.default_rng(seed)
    combo = rng.permutation(len(minerals) * len(countries) * len(years))[:rows]
    m, rest = np.divmod(combo, len(countries) * len(years))
    c, y = np.divmod(rest, len(years))
    frame = pd.DataFrame({"mineral": minerals[m], "country": countries[c], "year": years[y],
                          "quantity": rng.random(rows).round(3) * 1e5, "stage": "mine", "unit": "t"})
    return conform("production", frame)


def reference_write(project: Project, frame: pd.DataFrame, name: str) -> None:
    """The former ``write_import`` for one table: no staging, nothing captured."""
    table, con = "production", project.con
    keys, cols = list(SCHEMA[table][0]), columns(table)
    with project.transaction():
        import_id = con.execute("INSERT INTO import_log (file_name, sha256, imported_at, rows_json) "
                                "VALUES (?, ?, '', ?)", (name, name, json.dumps({table: len(frame)}))).lastrowid
        frame = frame.iloc[sorted_unique(frame, keys)]
        data = [frame[c].tolist() for c in cols] + [[import_id] * len(frame)]
        values = f"VALUES ({', '.join('?' * (len(cols) + 1))})"
        if con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None:
            con.executemany(f"INSERT INTO {table} ({', '.join(cols)}, source_id) {values}", zip(*data))
            return
        new = new_value_sql(table, "excluded.", "")
        updates = ", ".join([f"{c} = {e}" for c, e in new.items()] + ["source_id = excluded.source_id"])
        differs = " OR ".join(f"({e}) IS NOT {c}" for c, e in new.items())
        con.executemany(f"INSERT INTO {table} ({', '.join(cols)}, source_id) {values} ON CONFLICT "
                        f"({', '.join(keys)}) DO UPDATE SET {updates} WHERE {differs}", zip(*data))


def reference_read(project: Project) -> pd.DataFrame:
    cols = columns("production")
    cur = project.con.execute(f"SELECT {', '.join(cols)}, source_id FROM production")
    return conform("production", pd.DataFrame.from_records(cur.fetchall(), columns=cols + ["source_id"]))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(tmp: Path, base: pd.DataFrame, changed: pd.DataFrame, capture: bool) -> dict[str, float]:
    path = tmp / ("new.critmin" if capture else "old.critmin")
    path.unlink(missing_ok=True)
    out = {}
    with Project.open(path, create=True) as p:
        def write(frame, name):
            if capture:
                return p.write_import({"production": frame}, {"file": name, "sha256": name})
            return reference_write(p, frame, name)

        out["empty"] = timed(lambda: write(base, "a"))
        result = {}
        out["all changed"] = timed(lambda: result.setdefault("r", write(changed, "b")))
        if capture:      # undo and redo while the all-changed import is the last step
            change = result["r"].change
            out["undo"] = timed(lambda: p.apply(change, undo=True))
            out["redo"] = timed(lambda: p.apply(change))
        out["read"] = timed(lambda: p.read_with_sources("production") if capture else reference_read(p))
        out["unchanged"] = timed(lambda: write(changed, "c"))
        out["new keys"] = timed(lambda: write(base.assign(stage="refinery"), "d"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    base = make_frame(args.rows)
    changed = base.assign(quantity=base["quantity"] + 1.0)
    best: dict[tuple[bool, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):            # interleaved, best of N: fair on a noisy shared machine
            for capture in (False, True):
                for k, v in run(Path(tmp), base, changed, capture).items():
                    best[(capture, k)] = min(v, best.get((capture, k), float("inf")))
    print(f"{args.rows:,} production rows, best of {args.repeat}:")
    for case in ("empty", "all changed", "unchanged", "new keys"):
        old, new = best[(False, case)], best[(True, case)]
        print(f"  import {case:<12} without capture {old:6.2f} s   with capture {new:6.2f} s   "
              f"ratio {new / old:4.2f} (target ≤ 1.5)")
    print(f"  undo of the all-changed import {best[(True, 'undo')]:.2f} s, redo {best[(True, 'redo')]:.2f} s")
    old, new = best[(False, "read")], best[(True, "read")]
    print(f"  read_with_sources of {args.rows:,} rows {new:.2f} s "
          f"(from_records + conform {old:.2f} s, {old / new:.1f}× faster)")


if __name__ == "__main__":
    main()
