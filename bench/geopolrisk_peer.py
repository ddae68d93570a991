"""Run geopolrisk-py's own HHI routine as a *peer* (never imported by CritMin).

Run ONLY with the separate interpreter that has geopolrisk-py 2.0.1 installed
(e.g. /work/venv-gpr/bin/python); geopolrisk-py is GPL-3.0, so CritMin calls
it as an external program and copies none of its code.

    /work/venv-gpr/bin/python bench/geopolrisk_peer.py OUT.csv [--repeat N]

Writes OUT.csv with columns ``commodity, year, hhi`` for every World Mining
Data sheet bundled with the package and every year 2018–2024, and prints one
JSON line ``{"seconds": [...], "n": ...}`` with the wall time of the HHI loop
alone (package import and database loading are excluded) for each repeat.
"""
from __future__ import annotations

import atexit
import csv
import io
import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout


def main(argv: list[str]) -> int:
    out_path = argv[1]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    # geopolrisk-py creates ~/Documents/geopolrisk (logs, output) on import: keep it out of $HOME.
    home = tempfile.mkdtemp(prefix="gpr-home-")
    atexit.register(shutil.rmtree, home, True)
    os.environ["HOME"] = home
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        from geopolrisk.assessment import core
        from geopolrisk.assessment.database import databases

    # The peer's public HHI() takes a "Reference ID" and looks it up in its in-memory "HS Code Map".  On load
    # the package drops the 12 commodities without an HS code (Gallium, Indium, Potash, ...), and "Diamonds"
    # maps to two sheets (Gem, Ind) of which HHI() takes the first.  So that every one of the 65 production
    # sheets is reachable through the same public routine, give each sheet its own id in memory (the peer's
    # data and code are not changed; only the lookup table of this process).
    hs_map = databases.production["HS Code Map"]
    skip = {"HS Code Map", "Country_ISO", "logging"}
    sheets = [name for name in databases.production if name not in skip]
    databases.production["HS Code Map"] = hs_map.iloc[:0].reindex(range(len(sheets))).assign(
        **{"Sheet_name": sheets, "Reference ID": sheets})
    years = list(range(2018, 2025))
    country = "China"   # HHI() also returns that country's production; any listed country works

    times: list[float] = []
    rows: list[tuple[str, int, float]] = []
    for _ in range(repeat):
        rows = []
        with redirect_stdout(sink), redirect_stderr(sink):
            t0 = time.perf_counter()
            for sheet in sheets:
                for year in years:
                    try:
                        _, hhi = core.HHI(sheet, year, country)
                    except Exception:        # the peer raises on an empty commodity-year
                        hhi = float("nan")
                    rows.append((sheet, year, hhi))
            times.append(time.perf_counter() - t0)
    with open(out_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["commodity", "year", "hhi"])
        for sheet, year, hhi in rows:
            w.writerow([sheet, year, repr(float(hhi))])
    from importlib.metadata import version
    print(json.dumps({"seconds": times, "n": len(rows), "package": "geopolrisk-py",
                      "version": version("geopolrisk-py")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
