"""The engine benchmark of two checkouts, interleaved in one run: is a change faster or slower?

    python bench/bench_engine_versions.py OTHER_CHECKOUT [--minerals 500] [--rounds 2] [--repeat 3]

Each round runs ``bench/bench_engine.py --no-workbook`` of the other checkout (e.g. a ``git worktree`` of
the commit before a change) and of this one, one after the other, so that a busy neighbour slows both
alike; the full ``run()`` (core and extended indicators) is read from each report, on the 5 M-row and on
the 0.5 M-row dataset (``--minerals`` / 10).  Prints each round and the best of each side, with the ratio.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\s*full run\(\) incl\. extended indicators\s+([\d.]+)\s+([\d.]+)", re.M)


def one(checkout: Path, minerals: int, repeat: int) -> tuple[float, float]:
    """(small, full) best-of-``repeat`` seconds of the full run() in ``checkout``."""
    out = subprocess.run([sys.executable, str(checkout / "bench" / "bench_engine.py"), "--no-workbook",
                          "--minerals", str(minerals), "--repeat", str(repeat)],
                         cwd=checkout, capture_output=True, text=True, check=True).stdout
    found = ROW.search(out)
    if found is None:
        raise SystemExit(f"no full-run line in the report of {checkout}:\n{out}")
    return float(found.group(1)), float(found.group(2))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", type=Path, help="the other checkout (its bench/bench_engine.py is run)")
    ap.add_argument("--minerals", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sides = {"other": args.other.resolve(), "this": HERE}
    best = {name: [float("inf"), float("inf")] for name in sides}
    for k in range(args.rounds):
        for name, checkout in sides.items():
            small, full = one(checkout, args.minerals, args.repeat)
            best[name] = [min(best[name][0], small), min(best[name][1], full)]
            print(f"round {k + 1}, {name:5s} ({checkout}): small {small:.3f} s, full {full:.3f} s", flush=True)
    o, t = best["other"], best["this"]
    print(f"best: other small {o[0]:.3f} s, full {o[1]:.3f} s; this small {t[0]:.3f} s, full {t[1]:.3f} s")
    print(f"this / other: small {t[0] / o[0]:.2f}, full {t[1] / o[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
