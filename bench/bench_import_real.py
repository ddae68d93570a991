"""Time reading + recognising + parsing the real public files (issue target: BACI+WMD+WGI < 10 s).

Usage:  python bench/bench_import_real.py [--data ../shared/data] [--repeat 3]

For each file: read_file (calamine / CSV sniffing), detect() of every recogniser
(the most confident one is used, as the loader does), parse().  Prints the
times per file, the best of ``--repeat`` runs, and the total.  Then the real
thing end to end: ``load_file`` (read, recognise, check) plus the project-store
write of all three files into one new project, as ``critmin import`` does it.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.ingest.base import ParseContext  # noqa: E402
from desktop.core.ingest.readers import read_file  # noqa: E402
from desktop.core.ingest.recognisers import all_recognisers  # noqa: E402
from desktop.core.ingest.load import load_file  # noqa: E402
from desktop.core.registry import default_registry  # noqa: E402
from desktop.core.store import Project  # noqa: E402

FILES = [
    "geopolrisk/derived_baci_hs92_minerals_2015_2024.csv",
    "geopolrisk/derived_world_mining_data_long.csv",
    "wgi/wgidataset.xlsx",
]
EXTRA = ["pinksheet/CMO-Historical-Data-Annual.xlsx"]


def run_file(path: Path, recognisers, registry) -> dict:
    t0 = time.perf_counter()
    sheets = read_file(path)
    t1 = time.perf_counter()
    detect = parse = 0.0
    rows: dict[str, int] = {}
    used = []
    for sheet in sheets:
        d0 = time.perf_counter()
        scored = [(r.detect(sheet), -i, r) for i, r in enumerate(recognisers)]
        score, _, best = max(scored, key=lambda t: (t[0], t[1]))
        d1 = time.perf_counter()
        detect += d1 - d0
        if score <= 0:
            continue
        ctx = ParseContext(registry)
        tables = best.parse(sheet, ctx)
        parse += time.perf_counter() - d1
        used.append(f"{best.name}:{score:.2f}")
        for name, frame in tables.items():
            rows[name] = rows.get(name, 0) + len(frame)
    return {"read": t1 - t0, "detect": detect, "parse": parse, "total": time.perf_counter() - t0,
            "recognisers": sorted(set(used)), "rows": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("CRITMIN_SHARED_DATA", str(REPO.parent / "shared" / "data")))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--extra", action="store_true", help="also time the Pink Sheet workbook")
    args = ap.parse_args()
    data = Path(args.data)
    registry = default_registry()
    recognisers = all_recognisers()
    print(f"recognisers: {', '.join(r.name for r in recognisers)}")
    files = FILES + (EXTRA if args.extra else [])
    grand = 0.0
    print(f"{'file':55} {'read':>6} {'detect':>7} {'parse':>6} {'total':>6}  recogniser / rows")
    for name in files:
        path = data / name
        if not path.exists():
            print(f"{name:55} missing")
            continue
        best = min((run_file(path, recognisers, registry) for _ in range(max(1, args.repeat))),
                   key=lambda r: r["total"])
        grand += best["total"] if name in FILES else 0.0
        rows = ", ".join(f"{k}={v:,}" for k, v in best["rows"].items())
        print(f"{name:55} {best['read']:6.2f} {best['detect']:7.2f} {best['parse']:6.2f} {best['total']:6.2f}  "
              f"{' '.join(best['recognisers']) or '(none)'} / {rows}")
    print(f"TOTAL read+detect+parse, BACI + WMD + WGI: {grand:.2f} s")
    import tempfile

    best_total = None
    for _ in range(max(1, args.repeat)):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            with Project.open(Path(tmp) / "real.critmin", create=True) as project:
                for name in FILES:
                    preview = load_file(data / name, registry)
                    assert preview.ok, [p.format() for p in preview.problems.errors][:3]
                    project.write_import(preview.tables, {"file": preview.file, "sha256": preview.sha256,
                                                          "format": preview.format_label()})
                counts = project.counts()
            total = time.perf_counter() - start
        best_total = total if best_total is None else min(best_total, total)
    rows = ", ".join(f"{k}={v:,}" for k, v in counts.items() if v)
    print(f"IMPORT into one project (load_file + store write), BACI + WMD + WGI: {best_total:.2f} s "
          f"(target < 10 s) / {rows}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
