"""Peer comparison: the engine's HHI (supply_risk) vs geopolrisk-py 2.0.1's own HHI routine.

Data: World Mining Data (65 commodities, 2018–2024) shipped with geopolrisk-py,
../shared/data/geopolrisk/.  Two ways to get the peer's numbers:

* live: run the peer in its own interpreter (/work/venv-gpr, env CRITMIN_GPR_PYTHON)
  through bench/geopolrisk_peer.py (~1 min: the peer loads its whole trade database on
  import) — skipped when it is not installed or CRITMIN_SKIP_PEER is set;
* stored: tests/core/metrics/extended/data/geopolrisk_hhi_reference.csv, written by
  bench/make_geopolrisk_reference.py from the peer's output (derived numbers only).

Where the inputs agree the two HHIs agree to 1e-12.  The peer truncates every
value to an integer (``astype(int)``) after ``fillna(0)``; the database copy it
reads holds 13 float-noise values such as 471155.99999999994 (Lead, Australia,
2024; the CSV export has 471156.0) and the data have 8 genuinely fractional
values, so 10 commodity-years differ by at most ~6e-6 (docs/metrics-extended.md).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.supply_risk import compute_supply_risk

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO / "bench"))
from wmd_adapter import read_wmd_long, wmd_to_production  # noqa: E402 — the peer benchmark's adapter, in bench/
REFERENCE = HERE / "data" / "geopolrisk_hhi_reference.csv"
PEER_PYTHON = Path(os.environ.get("CRITMIN_GPR_PYTHON", "/work/venv-gpr/bin/python"))
TOL = 1e-12


def hhi(production: pd.DataFrame) -> pd.DataFrame:
    """The engine's HHI (supply_risk), the one the results show."""
    return compute_supply_risk(production, None, EngineParams())


@pytest.fixture(scope="module")
def wmd(shared_data):
    path = shared_data / "geopolrisk" / "derived_world_mining_data_long.csv"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    return read_wmd_long(path)


@pytest.fixture(scope="module")
def wmd_db_truncated(shared_data):
    """The peer's own input: the SQLite tables, NaN → 0 and truncated to integers, as it does."""
    path = shared_data / "geopolrisk" / "world_mining_data.db"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    with sqlite3.connect(path) as con:
        raw = pd.read_sql("select * from v_all_world_mining_data", con)
    years = [str(y) for y in range(2018, 2025)]
    raw[years] = np.trunc(raw[years].apply(pd.to_numeric, errors="coerce").fillna(0.0))
    return wmd_to_production(raw.astype({"Country_Code": str, "Country_ISO": str}))


@pytest.fixture(scope="module")
def reference():
    return pd.read_csv(REFERENCE, comment="#", float_precision="round_trip")


def _compare(ours: pd.DataFrame, peer: pd.DataFrame) -> pd.DataFrame:
    m = ours.merge(peer, left_on=["mineral", "year"], right_on=["commodity", "year"], how="outer",
                   indicator=True)
    assert (m["_merge"] == "both").all(), m.loc[m["_merge"] != "both", ["mineral", "commodity", "year"]]
    m["diff"] = (m["HHI"] - m["hhi"]).abs()
    return m


def test_reference_covers_every_commodity_year(reference, wmd):
    assert len(reference) == 65 * 7
    assert set(reference["commodity"]) == set(wmd["mineral"])
    assert reference["hhi"].between(0, 1).all()


def test_hhi_equals_peer_reference_where_inputs_agree(wmd, reference):
    m = _compare(hhi(wmd), reference)
    agree = m["inputs_agree"] == 1
    assert agree.sum() == 445
    assert m.loc[agree, "diff"].max() <= TOL
    # the 10 others differ only through the peer's integer truncation: small but real
    assert 0 < m.loc[~agree, "diff"].max() < 1e-5


def test_hhi_equals_peer_reference_on_peer_inputs(wmd_db_truncated, reference):
    """Fed the peer's own (truncated) inputs, every one of the 455 values agrees."""
    m = _compare(hhi(wmd_db_truncated), reference)
    assert m["diff"].max() <= TOL


def _peer_available() -> bool:
    if os.environ.get("CRITMIN_SKIP_PEER") or not PEER_PYTHON.is_file():
        return False
    probe = subprocess.run([str(PEER_PYTHON), "-c", "import importlib.util,sys;"
                            "sys.exit(importlib.util.find_spec('geopolrisk') is None)"], capture_output=True)
    return probe.returncode == 0


def test_hhi_equals_live_peer(tmp_path, wmd, wmd_db_truncated):
    if not _peer_available():
        pytest.skip(f"geopolrisk-py not installed in {PEER_PYTHON} (the stored reference covers this)")
    out = tmp_path / "peer.csv"
    proc = subprocess.run([str(PEER_PYTHON), str(REPO / "bench" / "geopolrisk_peer.py"), str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    assert info["version"] == "2.0.1"
    peer = pd.read_csv(out, float_precision="round_trip")
    assert _compare(hhi(wmd_db_truncated), peer)["diff"].max() <= TOL
    stored = pd.read_csv(REFERENCE, comment="#", float_precision="round_trip")
    both = peer.merge(stored, on=["commodity", "year"])
    assert len(both) == 455 and (both["hhi_x"] == both["hhi_y"]).all()
