"""Regenerate tests/core/metrics/extended/data/geopolrisk_hhi_reference.csv.

The reference holds geopolrisk-py 2.0.1's own HHI (``geopolrisk.assessment.core.HHI``)
for every World Mining Data commodity sheet and year 2018–2024, computed by the
peer itself from the World Mining Data bundled with it (Austrian Federal
Ministry of Finance, World Mining Data; the same file as
../shared/data/geopolrisk/world_mining_data.db).  Only derived numbers are
stored, no code of the peer (GPL-3.0) — the peer runs in its own interpreter.

Column ``inputs_agree`` is 1 when every country value of that commodity-year in
``derived_world_mining_data_long.csv`` equals the integer the peer uses
(it truncates values with ``astype(int)`` after ``fillna(0)``), else 0.

    /work/venv-probe/bin/python bench/make_geopolrisk_reference.py [--peer-python /work/venv-gpr/bin/python]
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "geopolrisk"
OUT = REPO / "tests" / "core" / "metrics" / "extended" / "data" / "geopolrisk_hhi_reference.csv"
YEARS = [str(y) for y in range(2018, 2025)]


def run_peer(python: str, repeat: int = 1) -> tuple[pd.DataFrame, dict]:
    import json
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peer.csv"
        proc = subprocess.run([python, str(REPO / "bench" / "geopolrisk_peer.py"), str(out),
                               "--repeat", str(repeat)], capture_output=True, text=True, check=True)
        info = json.loads(proc.stdout.strip().splitlines()[-1])
        return pd.read_csv(out, float_precision="round_trip"), info


def inputs_agree(csv_path: Path, db_path: Path) -> pd.DataFrame:
    """1 per (commodity, year) when the CSV values equal the peer's truncated database values."""
    csv = pd.read_csv(csv_path, dtype={"Country_Code": str})
    with sqlite3.connect(db_path) as con:
        db = pd.read_sql('select * from v_all_world_mining_data', con)
    keep_c = csv["Country_Code"].astype(str) != "DELETE"
    keep_d = db["Country_Code"].astype(str) != "DELETE"
    a = csv[keep_c].set_index(["HS", "Country"])[YEARS].fillna(0.0)
    b = db[keep_d].set_index(["HS", "Country"])[YEARS].apply(pd.to_numeric, errors="coerce").fillna(0.0)
    b = np.trunc(b.reindex(a.index))
    same = (a == b).groupby(level="HS").all()
    out = same.stack().rename("inputs_agree").reset_index().rename(columns={"HS": "commodity", "level_1": "year"})
    out["year"] = out["year"].astype("int64")
    out["inputs_agree"] = out["inputs_agree"].astype(int)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer-python", default="/work/venv-gpr/bin/python")
    args = ap.parse_args()
    peer, info = run_peer(args.peer_python)
    agree = inputs_agree(DATA / "derived_world_mining_data_long.csv", DATA / "world_mining_data.db")
    ref = peer.merge(agree, on=["commodity", "year"], how="left")
    ref["hhi"] = ref["hhi"].map(repr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# HHI of World Mining Data production computed by geopolrisk-py {info['version']} "
        "(geopolrisk.assessment.core.HHI, GPL-3.0; run as a separate program, no code copied)\n"
        "# Input: World Mining Data bundled with geopolrisk-py (Austrian Federal Ministry of Finance), "
        "= ../shared/data/geopolrisk/world_mining_data.db\n"
        "# inputs_agree = 1 when derived_world_mining_data_long.csv equals the peer's truncated integers "
        "for every country of that commodity-year\n"
        f"# Generated {date.today().isoformat()} by bench/make_geopolrisk_reference.py\n")
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        ref.to_csv(fh, index=False, lineterminator="\n")
    print(f"wrote {OUT.relative_to(REPO)}: {len(ref)} rows, {int((ref['inputs_agree'] == 0).sum())} "
          "commodity-years whose inputs differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
