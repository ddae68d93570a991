"""Benchmark: HHI of every World Mining Data commodity and year, CritMin vs geopolrisk-py.

    /work/venv-probe/bin/python bench/bench_geopolrisk.py [--repeat 5] [--peer-python /work/venv-gpr/bin/python]

Both sides compute the HHI of all 65 commodities × 7 years (455 values) from
World Mining Data (../shared/data/geopolrisk/).  Timed: the computation only.
Ours = ``desktop.core.metrics.supply_risk.compute_supply_risk`` on a canonical
production frame already in memory (reading the CSV is not timed).  Peer =
geopolrisk-py 2.0.1's ``core.HHI`` called once per commodity-year (its public
API), timed inside its own interpreter after its databases are loaded (the
import, which loads its trade database, is reported separately).  Each side
runs ``--repeat`` times; the median is compared.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))                 # wmd_adapter: the World Mining Data adapter of this bench
DATA = REPO.parent / "shared" / "data" / "geopolrisk"


def time_ours(repeat: int) -> tuple[list[float], int]:
    """The engine's HHI (``supply_risk.compute_supply_risk``: HHI, R_raw and coverage; no WGI here)."""
    from desktop.core.metrics.params import EngineParams
    from desktop.core.metrics.supply_risk import compute_supply_risk
    from wmd_adapter import read_wmd_long

    production = read_wmd_long(DATA / "derived_world_mining_data_long.csv")
    params = EngineParams()
    out = compute_supply_risk(production, None, params)         # warm-up (imports, first-call overhead)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = compute_supply_risk(production, None, params)
        times.append(time.perf_counter() - t0)
    return times, len(out)


def time_peer(python: str, repeat: int) -> tuple[list[float], int, float] | None:
    if not Path(python).is_file():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        proc = subprocess.run([python, str(REPO / "bench" / "geopolrisk_peer.py"), str(Path(tmp) / "p.csv"),
                               "--repeat", str(repeat)], capture_output=True, text=True)
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        print("peer failed:", proc.stderr[-1500:])
        return None
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    return info["seconds"], info["n"], wall


def fmt(ts: list[float]) -> str:
    return (f"median {statistics.median(ts) * 1e3:9.3f} ms  min {min(ts) * 1e3:9.3f} ms  "
            f"max {max(ts) * 1e3:9.3f} ms  (n={len(ts)})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--peer-python", default="/work/venv-gpr/bin/python")
    args = ap.parse_args()
    ours, n_ours = time_ours(args.repeat)
    peer = time_peer(args.peer_python, args.repeat)
    print(f"HHI of World Mining Data, all commodities x years ({n_ours} values), repeat={args.repeat}")
    print(f"  CritMin supply_risk.compute_supply_risk  : {fmt(ours)}  (HHI + R_raw + coverage, no WGI)")
    if peer is None:
        print(f"  geopolrisk-py: not available at {args.peer_python} (no ratio)")
        return 0
    p_times, n_peer, wall = peer
    print(f"  geopolrisk-py 2.0.1 core.HHI loop        : {fmt(p_times)}  ({n_peer} values; "
          f"subprocess wall incl. import + DB load {wall:.1f} s)")
    ratio = statistics.median(p_times) / statistics.median(ours)
    print(f"  speed ratio (peer median / ours median)  : {ratio:,.0f}x  (target >= 20x: "
          f"{'met' if ratio >= 20 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
